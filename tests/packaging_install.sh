#!/usr/bin/env bash
# CTest packaging.install: `cmake --install` of the build into a temporary prefix, then
# the installed programs run from there (--help, --version, the server answering
# /healthz with the installed configuration), the desktop entry, AppStream metainfo and systemd unit validated, and every
# file the packages need in its place.
# Usage: packaging_install.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
app_id=org.boxoffice.BoxOffice

tmp=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null

# Every file in its place.
for f in bin/boxoffice bin/boxoffice-server \
         share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$app_id.svg \
         share/man/man1/boxoffice.1.gz share/man/man1/boxoffice-server.1.gz \
         share/doc/boxoffice/copyright share/doc/boxoffice/changelog.gz \
         share/doc/boxoffice-server/copyright share/doc/boxoffice-server/changelog.gz \
         lib/systemd/system/boxoffice-server.service etc/boxoffice/server.conf; do
  [ -f "$prefix/$f" ] || fail "not installed: $f"
done
for size in 16 22 24 32 48 64 128 256; do
  png=$prefix/share/icons/hicolor/${size}x${size}/apps/$app_id.png
  grep -q "PNG image data, $size x $size" <<<"$(file -b "$png")" || fail "icon $png: $(file -b "$png")"
done
for page in boxoffice boxoffice-server; do
  man=$(zcat "$prefix/share/man/man1/$page.1.gz")
  grep -q "^\.TH \"\?${page^^}\"\? \"\?1\"\?" <<<"$man" || fail "man page $page: no .TH line"
  grep -qF '\fB\-\-version\fR' <<<"$man" || fail "man page $page: no options"
done
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  "$prefix/share/doc/boxoffice-server/copyright" || fail "copyright: not machine-readable"

# The installed programs run from the prefix.
# (Output captured first: grep -q stopping early would fail the pipe under pipefail.)
help=$("$prefix/bin/boxoffice-server" --help) || fail "boxoffice-server --help: exit $?"
grep -q -- '--db <url>' <<<"$help" || fail "boxoffice-server --help: $help"
# Qt prints the program as it was called.
[ "$("$prefix/bin/boxoffice-server" --version)" = "$prefix/bin/boxoffice-server $version" ] \
  || fail "boxoffice-server --version: $("$prefix/bin/boxoffice-server" --version)"
help=$(QT_QPA_PLATFORM=offscreen "$prefix/bin/boxoffice" --help 2>/dev/null) || fail "boxoffice --help: exit $?"
grep -q -- '--server <URL>' <<<"$help" || fail "boxoffice --help: $help"

# Desktop entry and metainfo (the validators when installed: scripts/setup.sh installs them).
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$prefix/share/applications/$app_id.desktop" || fail "desktop-file-validate"
else
  echo "SKIP desktop-file-validate: not installed"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$prefix/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
else
  echo "SKIP appstreamcli: not installed"
fi

# The unit names the installed binary and configuration; systemd-analyze verify checks it
# offline (the binary is executable, man:boxoffice-server(1) is found, the directives
# parse). Its [Install] and User= need no running systemd.
unit=$prefix/lib/systemd/system/boxoffice-server.service
grep -qx "ExecStart=$prefix/bin/boxoffice-server --config $prefix/etc/boxoffice/server.conf" "$unit" \
  || fail "unit's ExecStart: $(grep ExecStart= "$unit")"
if command -v systemd-analyze >/dev/null; then
  out=$(MANPATH=$prefix/share/man systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify said: $out"
else
  echo "SKIP systemd-analyze: not installed"
fi

# The installed server starts from the prefix with the installed configuration and
# answers. Every commented-out setting is switched on too, so a name the server does not
# know fails here; not those that need files or Redis, nor threads (needs Redis). The
# command line wins over the file's port, database and demo.
conf=$tmp/server.conf
sed -E 's/^#([a-z-]+ = )/\1/' "$prefix/etc/boxoffice/server.conf" \
  | grep -vE '^(redis|threads|staff-key-file|db-password-file|tls-cert|tls-key) = ' >"$conf"
[ "$(grep -c ' = ' "$conf")" -ge 20 ] || fail "expected the settings of server.conf in $conf"
"$prefix/bin/boxoffice-server" --config "$conf" --port 0 --db "sqlite:$tmp/x.sqlite" --demo >"$tmp/out" 2>"$tmp/err" &
server_pid=$!
url=
for _ in $(seq 300); do
  url=$(sed -n 's|^boxoffice-server listening on \(http://[^ ]*\)$|\1|p' "$tmp/out")
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the installed server exited: $(cat "$tmp/err")"
  sleep 0.1
done
[ -n "$url" ] || fail "the installed server printed no listening line in 30 s: $(cat "$tmp/err")"
curl -fsS --max-time 10 "${url%/}/healthz" >/dev/null || fail "GET /healthz on $url"
# Its first start with the demo made the database from the installed template.
grep -q "demo catalog made from \"$prefix/share/boxoffice/demo-catalog.sqlite\"" "$tmp/err" \
  || fail "the installed server did not use the installed demo template: $(grep -i demo "$tmp/err")"
kill "$server_pid"
wait "$server_pid" || fail "the installed server's exit status on SIGTERM: $?"
server_pid=
echo "packaging.install: OK ($prefix)"
