# End to end: the line mode through a terminal (a tmux pty), as a screen
# reader or a serial console uses it: the same answers typed in the
# full-screen session and in the line mode give the same answers file
# (times aside); TERM=dumb gets the line mode instead of a refusal; it
# speaks Japanese; Ctrl-C keeps the note being typed; on the Linux
# console a Japanese session is offered English or the line mode.
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
FULL="$TMP/full.cfg" LINE="$TMP/line.cfg"
if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then JA=ja_JP.UTF-8; else JA=C.UTF-8; fi

# The same answers, full screen: walk order 1.1-a 1.2-a 1.2-b 1.3-a 1.1-b
# 1.2-c 1.2-d 1.3-b answered 1 2 3 4(reason) 6 1 5(reason) 1.
start 80 24 -- --questionnaire "$Q" "$FULL"
wait_for "Respondent profile"; keys Escape; wait_for "Answered"; keys Tab; wait_for "1.1-a"
keys 1; wait_for "1.2-a"
keys 2; wait_for "1.2-b"
keys 3; wait_for "1.3-a"
keys 4; wait_for "Give the reason"; typed "done by the contractor"; keys Enter; wait_for "1.1-b"
keys 6; wait_for "1.2-c"
keys 1; wait_for "1.2-d"
keys 5; wait_for "Give the reason"; typed "not our case"; keys Enter; wait_for "1.3-b"
keys 1; wait_for "That was the last question"
keys q; wait_for "Coverage summary"; keys Enter
expect_exit "the full-screen session leaves" 0

# ... and in the line mode, typed at a terminal.
start 80 24 -- --line --questionnaire "$Q" "$LINE"
expect_screen "--line starts the line mode at a terminal" "Organisation []:"
keys Enter; wait_for "Sector (a number)"; keys Enter; wait_for "Respondent []:"; keys Enter
wait_for "Role []:"; keys Enter
expect_screen "a question is printed with its progress" "Question 1 of 8, 0 answered."
expect_screen "and its answers by number" "6 Unknown"
step() {  # DIGIT NEXT-TEXT
  typed "$1"; keys Enter; wait_for "$2"
}
step 1 "Question 2 of 8, 1 answered."
step 2 "Question 3 of 8, 2 answered."
step 3 "Question 4 of 8, 3 answered."
step 4 "This answer needs a reason"
typed "done by the contractor"; keys Enter; typed "."; keys Enter
expect_screen "the reason, then a full stop, answers and goes on" "Question 5 of 8, 4 answered."
step 6 "Question 6 of 8, 5 answered."
step 1 "Question 7 of 8, 6 answered."
step 5 "This answer needs a reason"
typed "not our case"; keys Enter; typed "."; keys Enter
wait_for "Question 8 of 8, 7 answered."
step 1 "End of the questions: 8 of 8 answered."
typed q; keys Enter
expect_exit "q leaves the line mode with status 0" 0
expect_screen "leaving prints the headline" "Baseline coverage"

# Times differ; nothing else may.
norm() { sed -E 's/"[0-9]{4}-[0-9]{2}-[0-9]{2}T[^"]*"/"TIME"/g' "$1"; }
norm "$FULL" > "$TMP/full.n"; norm "$LINE" > "$TMP/line.n"
if [ -s "$TMP/full.n" ] && cmp -s "$TMP/full.n" "$TMP/line.n"; then
  ok "the line mode writes the same answers file as the full-screen session"
else not_ok "the same answers file" "$(diff "$TMP/full.n" "$TMP/line.n" | head -20)"; fi

# TERM=dumb (an Emacs shell buffer, a printing terminal) and an unknown
# type get the line mode, and say why, instead of being refused.
for term in dumb nosuchterm; do
  rm -f "$LINE"
  start 80 24 TERM=$term -- --questionnaire "$Q" "$LINE"
  expect_screen "TERM=$term gets the line mode" "line mode, because the terminal type '$term'"
  wait_for "Organisation []:"; keys Enter Enter Enter Enter
  wait_for "Question 1 of 8"; typed 2; keys Enter
  expect_file "TERM=$term: the answer is saved at once" "$LINE" 'status = "partial"'
  typed q; keys Enter
  expect_exit "TERM=$term leaves with status 0" 0
done

# Japanese, and Ctrl-C while a note is being typed: the note is kept.
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  rm -f "$LINE"
  start 80 24 -- --line --lang ja --questionnaire "$Q" "$LINE"
  expect_screen "the line mode asks the profile in Japanese" "組織名 []:"
  keys Enter; wait_for "分野"; keys Enter; wait_for "回答者 []:"; keys Enter; wait_for "役職"; keys Enter
  expect_screen "the line mode speaks Japanese" "設問 1/8"
  typed e; keys Enter; wait_for "|"; typed "途中のメモ"; keys Enter; wait_for "| 途中のメモ"
  keys C-c
  expect_exit "Ctrl-C ends the line mode" 130
  expect_file "the note being typed is kept" "$LINE" 'note = "途中のメモ";'
fi

# The Linux console cannot draw Japanese: said once, in English, with
# English or the line mode offered.
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  rm -f "$LINE"
  start 80 24 TERM=linux LC_ALL=$JA LANGUAGE=ja -- --questionnaire "$Q" "$LINE"
  expect_screen "TERM=linux in Japanese says the console cannot show it" "the Linux console cannot show Japanese"
  typed e; keys Enter
  expect_screen "e goes on in English" "Respondent profile"
  keys Escape; wait_for "Answered"; keys q; wait_for "Coverage summary"; keys Enter
  expect_exit "and leaves cleanly" 0
  start 80 24 TERM=linux LC_ALL=$JA LANGUAGE=ja -- --questionnaire "$Q" "$LINE"
  wait_for "the Linux console cannot show Japanese"; typed l; keys Enter
  expect_screen "l chooses the line mode, in Japanese" "設問"
  typed q; keys Enter
  expect_exit "which leaves cleanly" 0
  rm -f "$LINE"
  start 80 24 TERM=linux LC_ALL=$JA LANGUAGE=ja -- --lang ja --questionnaire "$Q" "$LINE"
  wait_for "the Linux console cannot show Japanese"; typed j; keys Enter
  expect_screen "j goes on in Japanese anyway" "回答者情報"
fi

done_testing
