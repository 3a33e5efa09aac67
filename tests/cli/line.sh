#!/bin/sh
# line.sh: the line mode driven from piped lines, as a script, expect or
# a serial console drives it: a whole assessment of the bundled
# questionnaire answered from a file of lines; Enter keeps an answer;
# both languages; the lock held while it runs; each answer saved at once;
# a signal keeps the note being typed; --line and the modes it refuses.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
A="$TMP/a.cfg"

# The number of questions, from the CSV report of an empty assessment.
"$KIJUN" "$TMP/empty.cfg" </dev/null >/dev/null 2>&1
N=$("$KIJUN" --report=csv "$TMP/empty.cfg" | awk -F, '$1 == "overall" { t += $8 } END { print t }')
if [ "${N:-0}" -gt 100 ]; then ok "the bundled questionnaire has $N questions"
else not_ok "the bundled questionnaire has questions" "N=$N"; fi

# The profile's scope questions come after its fields: one Enter each
# keeps them unanswered.
NSCOPE=$(sed -n '/^scope = (/,/^);/p' "$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg" | grep -c '{ id = ')
SCOPE_KEEP=$(i=0; while [ $i -lt "$NSCOPE" ]; do printf '\\n'; i=$((i + 1)); done)

# A whole assessment: the profile (organisation, sector 10, respondent,
# role, the scope questions kept), then every question in walk order, 1 2 3 4 5 6 1 2 ..., the
# answers that need one followed by a reason and its full stop.
{
  printf 'Tokyo Water\n10\nA. Person\nCISO\n'
  printf "$SCOPE_KEEP"
  i=0
  while [ $i -lt "$N" ]; do
    d=$((i % 6 + 1))
    printf '%s\n' $d
    case $d in 4|5) printf 'reason for question %s\n.\n' $i ;; esac
    i=$((i + 1))
  done
  printf 'q\n'
} > "$TMP/lines"
run sh -c '"$KIJUN" "$1" < "$2"' sh "$A" "$TMP/lines"
expect_status "a whole assessment from piped lines exits 0" 0
expect_in "it says why it chose the line mode" out "line mode, because standard input or output is not a terminal"
expect_in "it prints each question with its progress" out "Question 1 of $N, 0 answered."
expect_in "the answers are numbered, the current one named" out "Current answer: none"
expect_in "the last answer is counted" out "answered $N/$N"
expect_in "it reaches the end of the questions" out "End of the questions: $N of $N answered."
expect_in "leaving prints the headline" out "Answered              $N/$N"
"$KIJUN" --report=csv "$A" > "$TMP/csv"
for s in implemented partial not_implemented alternative not_applicable unknown; do
  got=$(awk -F, -v s=$s 'NR == 1 { for (k = 1; k <= NF; k++) col[$k] = k } $1 == "overall" { t += $col[s] } END { print t }' "$TMP/csv")
  if [ "${got:-0}" -ge $((N / 6)) ]; then ok "every question answered: $got $s"
  else not_ok "answers $s" "got $got of $N" "$(head -3 "$TMP/csv")"; fi
done
if grep -q 'missing_reason = 0;' "$A" && grep -q 'note = "reason for question 3";' "$A"; then
  ok "the reasons typed on the following lines are the notes"
else not_ok "the reasons are the notes" "$(grep -m3 note "$A")"; fi
expect_file_has() { if grep -qF -- "$2" "$A"; then ok "$1"; else not_ok "$1" "$A lacks $2"; fi; }
expect_file_has "the profile is asked first for a new file" 'organization = "Tokyo Water";'
expect_file_has "the sector is chosen by its number" 'sector = "water";'
if "$KIJUN" --check "$A" >/dev/null 2>&1 || "$KIJUN" --report "$A" >/dev/null; then
  ok "kijun reads back what the line mode wrote"
else not_ok "kijun reads back what the line mode wrote"; fi

# Resuming: Enter keeps the answer (the file does not change), a digit
# changes it, < goes back, g and / move; the end of the input leaves.
cp "$A" "$TMP/before"
printf 'g 2.1-a\n\n<\n<\n' | "$KIJUN" "$A" > "$TMP/out" 2>&1
if cmp -s "$A" "$TMP/before"; then ok "Enter keeps the answer: nothing is written"
else not_ok "Enter keeps the answer" "$(diff "$TMP/before" "$A" | head -5)"; fi
expect_in "it resumes where the respondent left off" out "Resuming where you left off"
expect_in "< at the first question says it stays" out "Still at question 2.1-a."
printf 'g 2.1-a\n3\n' | "$KIJUN" "$A" > "$TMP/out" 2>&1
if grep -q 'question = "2.1-a"; status = "not_implemented"' "$A"; then ok "a digit changes the answer"
else not_ok "a digit changes the answer" "$(grep 2.1-a "$A")"; fi
printf '/nosuchwordanywhere\nzz\n?\nh\ns\n' | "$KIJUN" "$A" > "$TMP/out" 2>&1
expect_in "a search without a match says so" out 'No question matches "nosuchwordanywhere".'
expect_in "an unknown command says how to get help" out 'Not understood: "zz". Type ? and Enter for help.'
expect_in "? lists the commands" out "g ID     go to a question or item"
expect_in "h shows the hint" out "What would show it is done:"
expect_in "s shows the summary" out "Baseline coverage"

# A file that cannot be written: said once, and the answers go to a copy
# beside it on leaving (exit 74), as in the full-screen session.
R="$TMP/ro.cfg"
printf 'q\n' | "$KIJUN" "$R" >/dev/null 2>&1
chmod a-w "$R"
run sh -c 'printf "1\n2\nq\n" | "$KIJUN" "$1"' sh "$R"
expect_status "a read-only file: leaving says the answers could not be saved (74)" 74
expect_in "... and where they went" err "your answers were written to $R.unsaved-"
if [ "$(grep -c 'Read-only:' "$TMP/out")" -le 3 ]; then ok "the read-only message is not repeated after every answer"
else not_ok "the read-only message is not repeated" "$(grep -c 'Read-only:' "$TMP/out") times"; fi
if grep -qF 'status = "partial"' "$R".unsaved-*; then ok "the copy holds the answers"
else not_ok "the copy holds the answers"; fi

# Japanese.
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  printf 'g 2.1-a\n\n' | "$KIJUN" --lang ja "$A" > "$TMP/out" 2>&1
  expect_in "the line mode speaks Japanese" out "設問 1/$N"
  expect_in "the questions are Japanese" out "[ベースライン]"
  printf 'g 2.1-a\nL\n' | "$KIJUN" --lang en "$A" > "$TMP/out" 2>&1
  expect_in "L switches to Japanese and prints the question again" out "設問 1/$N"
fi

# The lock, autosave and signals: a line mode waiting on a FIFO.
B="$TMP/b.cfg"
mkfifo "$TMP/fifo"
"$KIJUN" --line "$B" < "$TMP/fifo" > "$TMP/bout" 2>&1 &
pid=$!
exec 3> "$TMP/fifo"
printf "\n\n\n\n${SCOPE_KEEP}1\n" >&3
wait_file() { i=0; while [ $i -lt $(( ${E2E_TIMEOUT:-5} * 40 )) ]; do grep -qF -- "$2" "$1" 2>/dev/null && return 0; sleep 0.05; i=$((i + 1)); done; return 1; }
if wait_file "$B" 'status = "implemented"'; then ok "an answer is saved at once, before leaving"
else not_ok "an answer is saved at once" "$(cat "$TMP/bout" | tail -5)"; fi
run sh -c 'printf "q\n" | "$KIJUN" --line "$1"' sh "$B"
expect_status "a second kijun on the same file is refused" 75
expect_in "because the line mode holds the lock" err "is open in another kijun"
printf '5\nhalf of a reason\n' >&3
wait_file "$TMP/bout" "half of a reason" || true
kill -TERM $pid
wait $pid
st=$?
exec 3>&-
if [ $st -eq 143 ]; then ok "SIGTERM ends the line mode with 128+15"; else not_ok "SIGTERM status" "status $st"; fi
if grep -qF 'status = "not_applicable"; note = "half of a reason";' "$B"; then
  ok "a reason being typed is saved on a signal, with the answer that asked for it"
else not_ok "the reason being typed is saved on a signal" "$(grep question "$B")"; fi

# --line goes with the session only.
run "$KIJUN" --line --report "$A"
expect_status "--line with --report is bad usage" 2
expect_in "and says so" err "--line is used with the interactive session only"
run "$KIJUN" --help
expect_in "--help describes --line" out "--line"

done_testing
