#!/usr/bin/env bash
# CTest packaging.debs: cpack makes the two .deb packages from this build (the same
# install rules as scripts/build-debs.sh, without its Release build), then their contents,
# control fields, conffiles and maintainer scripts are checked and lintian must report
# no error.
# Usage: packaging_debs.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
arch=$(dpkg --print-architecture)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp" >"$tmp/cpack.log" 2>&1 \
  || { cat "$tmp/cpack.log"; fail "cpack"; }
client=$tmp/boxoffice_${version}_$arch.deb
server=$tmp/boxoffice-server_${version}_$arch.deb
[ -f "$client" ] && [ -f "$server" ] || fail "expected $client and $server, got: $(ls "$tmp")"

# Contents: each program in its own package, with its files.
contents() { dpkg-deb -c "$1" | awk '{print $6}'; }
contents "$client" >"$tmp/client.list"
contents "$server" >"$tmp/server.list"
has() { grep -qx "$2" "$tmp/$1.list" || fail "$1 package lacks $2"; }
hasnt() { ! grep -qx "$2" "$tmp/$1.list" || fail "$1 package has $2"; }
for f in ./usr/bin/boxoffice ./usr/share/applications/org.boxoffice.BoxOffice.desktop \
         ./usr/share/metainfo/org.boxoffice.BoxOffice.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/org.boxoffice.BoxOffice.svg \
         ./usr/share/icons/hicolor/256x256/apps/org.boxoffice.BoxOffice.png \
         ./usr/share/icons/hicolor/16x16/apps/org.boxoffice.BoxOffice.png \
         ./usr/share/man/man1/boxoffice.1.gz ./usr/share/doc/boxoffice/copyright \
         ./usr/share/doc/boxoffice/changelog.gz; do
  has client "$f"
done
for f in ./usr/bin/boxoffice-server ./usr/lib/systemd/system/boxoffice-server.service \
         ./etc/boxoffice/server.conf ./usr/share/man/man1/boxoffice-server.1.gz ./usr/share/boxoffice/demo-catalog.sqlite \
         ./usr/share/doc/boxoffice-server/copyright ./usr/share/doc/boxoffice-server/changelog.gz; do
  has server "$f"
done
hasnt client ./usr/bin/boxoffice-server
hasnt server ./usr/bin/boxoffice
# No secrets shipped.
hasnt server ./etc/boxoffice/staff-key
hasnt server ./etc/boxoffice/db-password

# The unit in the package runs /usr/bin with the file in /etc.
# (Outputs captured first: grep -q stopping early would fail a pipe under pipefail.)
unit=$(dpkg-deb --fsys-tarfile "$server" | tar -xO ./usr/lib/systemd/system/boxoffice-server.service)
grep -qx 'ExecStart=/usr/bin/boxoffice-server --config /etc/boxoffice/server.conf' <<<"$unit" \
  || fail "the packaged unit's ExecStart: $(grep ExecStart= <<<"$unit")"

# Control fields: names, dependencies computed by dpkg-shlibdeps plus the declared plugins.
field() { dpkg-deb -f "$1" "$2"; }
server_depends=$(field "$server" Depends)
client_depends=$(field "$client" Depends)
[ "$(field "$client" Package)" = boxoffice ] || fail "client Package: $(field "$client" Package)"
[ "$(field "$server" Package)" = boxoffice-server ] || fail "server Package"
[ "$(field "$server" Version)" = "$version" ] || fail "server Version: $(field "$server" Version)"
for dep in libc6 libqt6core6 libqt6network6 libqt6sql6 libsodium23 libhiredis0.14 \
           adduser libqt6sql6-sqlite libqt6sql6-psql; do
  grep -qE "(^|, )$dep( |,|$)" <<<"$server_depends" || fail "server Depends lacks $dep: $server_depends"
done
for dep in libc6 libqt6core6 libqt6widgets6 libqt6charts6 libqrencode4 libqt6sql6-sqlite qt6-qpa-plugins; do
  grep -qE "(^|, )$dep( |,|$)" <<<"$client_depends" || fail "client Depends lacks $dep: $client_depends"
done
grep -qE '(^|, )libqt6gui6' <<<"$server_depends" && fail "server depends on Qt Gui: $server_depends"
grep -q 'boxoffice-server' <<<"$(field "$client" Recommends)" || fail "client does not recommend boxoffice-server"

# Conffiles and maintainer scripts.
grep -qx /etc/boxoffice/server.conf <<<"$(dpkg-deb -I "$server" conffiles)" || fail "server.conf is not a conffile"
dpkg-deb --ctrl-tarfile "$server" | tar -tvf - >"$tmp/server.control"
for script in postinst prerm postrm; do
  grep -qE "^-rwxr-xr-x .* \./$script$" "$tmp/server.control" || fail "$script missing or not 0755"
done
postinst=$(dpkg-deb -I "$server" postinst | grep -v "^ *#")
grep -q 'adduser --system' <<<"$postinst" || fail "postinst creates no system user"
grep -qE 'systemctl.*(enable|start)|helper enable|invoke (start|restart)' <<<"$postinst" \
  && fail "postinst enables or starts the service"

# lintian: no errors (warnings are listed in docs/architecture.md).
if command -v lintian >/dev/null; then
  lintian --fail-on error --tag-display-limit 0 "$client" "$server" || fail "lintian reported errors"
else
  echo "SKIP lintian: not installed"
fi
echo "packaging.debs: OK"
