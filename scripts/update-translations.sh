#!/usr/bin/env bash
# Re-reads every tr() in the client's sources into the translation files; then
# translate the new entries of resources/translations/boxoffice_ko.ts (Qt Linguist,
# or by hand) and commit. English is the source language: its file holds only the
# plural forms ("%n seat(s)" → "1 seat" / "2 seats"). The build compiles both
# (lrelease) into the client.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
"$LUPDATE" -no-obsolete -locations relative -I . -target-language ko_KR app ui models \
  -ts resources/translations/boxoffice_ko.ts
"$LUPDATE" -no-obsolete -locations relative -I . -pluralonly -target-language en_US app ui models \
  -ts resources/translations/boxoffice_en.ts
