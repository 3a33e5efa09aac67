# End to end: reopening a file resumes where the respondent left off (the
# position is saved in the answers file with each change) and says so with
# the progress; a file without a position opens at the first unanswered
# question, as before.  en and ja.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then RES="Resuming where you left off: question 3/8, answered 6/8."
  else RES="前回の続きから: 設問 3/8、回答済み 6/8。"; fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  expect_screen "$lang: a file without a position opens at the first unanswered question" "1.2-d"
  # Go back to 1.2-a and change its answer (from alternative: y keeps
  # the reason as its note): the view moves on to 1.2-b.
  keys Home Right; wait_for "1.2-a"; keys 1; keys y; wait_for "1.2-b"
  expect_file "$lang: the position is saved with the change" "$A" 'position = "1.2-b";'
  keys q; wait_for "EXIT" 1; keys Enter; wait_for "EXIT=0"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  expect_screen "$lang: reopening resumes where the respondent left off" "1.2-b"
  expect_screen "$lang: and says so with the progress" "$RES"
  cp "$A" "$TMP/before.cfg"
  keys End; wait_for "1.3-b"
  keys q; wait_for "EXIT" 1; keys Enter; wait_for "EXIT=0"
  if cmp -s "$A" "$TMP/before.cfg"; then ok "$lang: moving without a change writes nothing"
  else not_ok "$lang: moving without a change writes nothing" "$(diff "$TMP/before.cfg" "$A")"; fi
  run "$KIJUN" --questionnaire "$Q" --report "$A"
  expect_status "$lang: the file with a position reads as a report" 0
done

done_testing
