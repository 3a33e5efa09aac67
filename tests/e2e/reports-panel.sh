# End to end: R writes the reports from inside the session (B1), with no
# shell: the management report (HTML), the workbook (.xlsx) and the text
# report, into the answers file's folder, named from the organisation and
# the date; it never replaces a file without asking; the summary shown by
# q and the lines printed on leaving name the files written.  R is in the
# overview's and the summary's key bars and in the help.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

mkdir -p "$TMP/d"
A="$TMP/d/answers.cfg"
fixture "$TESTDATA/mini-answers.cfg" "$A"
start 80 24 -- --lang en --questionnaire "$Q" "$A"
wait_for "1.2-d"
keys Escape
expect_screen "the overview's key bar shows R" "R reports"
keys '?'
wait_for "Help"
if screen | grep -qF "write the reports (HTML, Excel workbook, text)"; then
  ok "the help lists R"
else not_ok "the help lists R" "$(screen)"; fi
keys Escape
wait_for "R reports"
keys R
expect_screen "R opens the reports panel" "Write the reports"
expect_screen "it names the HTML file, from the organisation and the date" "テスト-"
expect_screen "and the folder" "Folder: $TMP/d"
expect_width "the panel fits 80 columns" 80
keys Enter
expect_screen "Enter writes them and says where" "Reports written into $TMP/d"
files=$(ls "$TMP/d" | grep -c '^水道局_テスト-[0-9-]*\.\(html\|xlsx\|txt\)$')
if [ "$files" -eq 3 ]; then ok "three files, named from the organisation and the date"
else not_ok "three files, named from the organisation and the date" "$(ls -a "$TMP/d")"; fi
H=$(ls "$TMP/d"/*.html 2>/dev/null | head -1)
X=$(ls "$TMP/d"/*.xlsx 2>/dev/null | head -1)
expect_file "the HTML report is whole" "$H" "</html>"
if [ "$(head -c 2 "$X")" = PK ]; then ok "the workbook is a workbook (zip)"; else not_ok "the workbook is a workbook (zip)"; fi
# Nothing is replaced without asking.
echo "someone's edits" > "$H"
keys Enter
expect_screen "a second Enter asks before replacing" "3 of the files exist. Replace them?"
keys n
expect_screen "n keeps them" "were kept"
if grep -qF "someone's edits" "$H"; then ok "the file is kept as it was"; else not_ok "the file is kept as it was"; fi
keys Enter
wait_for "Replace them?"
keys y
wait_for "Reports written into"
expect_file "y replaces it" "$H" "</html>"
# d: another folder.
mkdir -p "$TMP/out folder"
keys d
wait_for "Folder"
keys C-u
typed "$TMP/out folder"
keys Enter
expect_screen "d chooses another folder" "The reports go to $TMP/out folder"
keys Enter
expect_screen "and Enter writes there" "Reports written into $TMP/out folder"
files=$(ls "$TMP/out folder" | grep -c '^水道局_テスト-')
if [ "$files" -eq 3 ]; then ok "three files in the folder chosen"; else not_ok "three files in the folder chosen" "$(ls -a "$TMP/out folder")"; fi
keys d
wait_for "Folder"
keys C-u
typed "$TMP/no such folder"
keys Enter
expect_screen "a folder that does not exist is refused" "not a folder"
# The summary and the leaving lines name them.
keys Escape
wait_for "R reports"
keys q
expect_screen "the summary shown by q names the files written" "Reports written: $TMP/d/"
expect_screen "the summary's key bar shows R" "R reports"
keys Enter
wait_for "EXIT=0"
expect_screen "leaving names the files written" "Reports written in this session:"
expect_screen "with their full paths" "  $X"
expect_screen "and those written elsewhere" "  $TMP/out folder/"

# Japanese.
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  B="$TMP/j/answers.cfg"
  mkdir -p "$TMP/j"
  fixture "$TESTDATA/mini-answers.cfg" "$B"
  start 80 24 -- --lang ja --questionnaire "$Q" "$B"
  wait_for "1.2-d"
  keys R
  expect_screen "ja: R opens the panel" "レポートの書き出し"
  keys Enter
  expect_screen "ja: Enter writes them" "にレポートを書き出しました"
  expect_width "ja: the panel fits 80 columns" 80
else
  ok "# SKIP Japanese: built with --disable-nls"
fi

done_testing
