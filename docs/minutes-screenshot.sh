#!/bin/sh
# Renders the printable minutes page in a real headless browser (Debian's
# chromium) and saves the screenshot the README shows. The page is the
# golden file of commands' TestCompileMinutesGolden, made from the same
# document value that /minutes/{meeting}-{token} serves; rewrite it first
# with `go test ./commands -run TestCompileMinutesGolden -update`.
set -eu
cd "$(dirname "$0")/.."
page="$PWD/commands/testdata/minutes_compiled.golden.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
	--window-size=900,1100 --screenshot="$PWD/docs/minutes.png" "file://$page"
echo "wrote docs/minutes.png"
