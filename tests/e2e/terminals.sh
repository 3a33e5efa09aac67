# End to end: the main screens in Japanese at 80x24 fit in 80 columns;
# kijun runs on every common TERM, and without colour; a terminal it
# cannot draw on gets the line mode; Japanese works
# without a ja_JP locale, and a non-UTF-8 terminal falls back to English.
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
A="$TMP/a.cfg"

# The bundled questionnaire, in Japanese.  Built without NLS, the
# questions are still Japanese but the interface is English.
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  T_PROFILE="回答者情報" T_PLAN="計画 (Plan)" T_LEVEL="[ベースライン]" T_HELP="ヘルプ" T_SUMMARY="ベースライン充足率" T_LEAVE="kijun を終了"
else
  T_PROFILE="Respondent profile" T_PLAN="Plan" T_LEVEL="[Baseline]" T_HELP="Help" T_SUMMARY="Baseline coverage" T_LEAVE="leave kijun"
fi
if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then JA=ja_JP.UTF-8; else JA=C.UTF-8; fi
start 80 24 LC_ALL=$JA LANGUAGE=ja -- "$A"
expect_screen "a new file in Japanese opens the profile form" "$T_PROFILE"
expect_width "the profile form fits 80 columns" 80
keys Escape
expect_screen "the Japanese overview shows the phases" "$T_PLAN"
expect_width "the overview fits 80 columns" 80
keys Tab
expect_screen "the question view is Japanese" "$T_LEVEL"
expect_width "the question view fits 80 columns" 80
for step in 1 2 3 4 5 6 7 8 9 10 11 12; do keys Right; done
expect_width "later questions fit 80 columns too" 80
keys '?'
expect_screen "the help is Japanese" "$T_HELP"
expect_width "the help fits 80 columns" 80
keys Escape; wait_gone "${T_HELP}:"; keys s
expect_screen "the summary is Japanese" "$T_SUMMARY"
expect_width "the summary fits 80 columns" 80
# Back from the summary (its key bar gone), then the leaving summary's own
# key bar: the overview and the summary show the coverage title too.
keys Escape; wait_gone "Up/Down/PgUp/PgDn"; keys q; wait_for "$T_LEAVE"; keys Enter
expect_screen "leaving exits 0" "EXIT=0"

for term in xterm xterm-256color screen tmux-256color linux vt100; do
  rm -f "$A"
  start 80 24 TERM=$term -- "$A"
  if wait_for "Respondent profile" && keys Escape && wait_for "Answered"; then ok "TERM=$term shows the screens"
  else not_ok "TERM=$term shows the screens" "$(screen | sed 's/^/| /')"; fi
  keys q; wait_for "Coverage summary"; keys Enter
  expect_screen "TERM=$term leaves cleanly" "EXIT=0"
done

# A terminal that cannot address the cursor, or of a type unknown here,
# gets the line mode instead of the screens (it used to be refused): it
# says why, and nothing of the screens' control sequences reaches it.
for term in nosuchterm dumb unknown; do
  rm -f "$A"
  start 80 24 TERM=$term -- "$A"
  expect_screen "TERM=$term gets the line mode and says why" "line mode, because the terminal type '$term'"
  wait_for "Organisation []:"; keys C-d
  expect_screen "TERM=$term: the end of input leaves with status 0" "EXIT=0"
done

rm -f "$A"
start 80 24 NO_COLOR=1 -- "$A"
expect_screen "NO_COLOR runs" "Respondent profile"

rm -f "$A"
start 80 24 LC_ALL= LANG=ja_XX.UTF-8 -- --lang ja "$A"
expect_screen "--lang ja works where the ja_JP locale is missing" "$T_PROFILE"

rm -f "$A"
start 80 24 LC_ALL=C -- --lang ja "$A"
expect_screen "a non-UTF-8 terminal falls back to English" "Respondent profile"
expect_screen "and says why" "not UTF-8"

done_testing
