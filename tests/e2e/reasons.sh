# End to end: an answer that needs a reason (alternative measure, not
# applicable) is given only with its reason: Enter on an empty reason is
# refused and the field stays open with a message; Esc leaves the answer
# as it was; Tab visits answers whose reason is missing.  en and ja.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then NEED="This answer needs a reason" BAR="Enter save" NOTANS="Not answered: that answer needs"
    MISSING="a reason is needed for this answer"
  else NEED="入力するか、Esc で" BAR="Enter 保存" NOTANS="回答していません" MISSING="この回答には理由が必要です（e で入力）"
  fi
  # The file leaves 1.2-b not applicable without a reason, 1.2-d and 1.3-b unanswered.
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  expect_screen "$lang: opens at 1.2-d" "1.2-d"
  keys 5
  expect_screen "$lang: not applicable opens the reason" "$BAR"
  keys Enter
  expect_screen "$lang: Enter on an empty reason is refused with a message" "$NEED"
  expect_screen "$lang: and the field stays open" "$BAR"
  typed "   "; keys Enter
  expect_screen "$lang: a blank reason is refused too" "$NEED"
  settle
  no_answer "$lang: nothing is saved while the reason is missing" "$A" 1.2-d
  keys C-u; typed "設備がない"; keys Enter
  expect_file "$lang: the answer is saved with its reason" "$A" 'question = "1.2-d"; status = "not_applicable"; note = "設備がない";'
  expect_screen "$lang: and the view moves on" "1.3-b"
  keys 4; wait_for "$BAR"; keys Escape
  expect_screen "$lang: Esc on the reason leaves the question unanswered, and says so" "$NOTANS"
  settle
  no_answer "$lang: Esc answered nothing" "$A" 1.3-b
  # Tab from 1.3-b wraps to 1.2-b, whose reason is missing.
  keys Tab
  expect_screen "$lang: Tab visits an answer whose reason is missing" "1.2-b"
  expect_screen "$lang: which says so" "$MISSING"
  keys e; keys Enter
  expect_screen "$lang: its note cannot be saved empty either" "$NEED"
  typed "対象設備なし"; keys Enter
  expect_file "$lang: the reason is saved" "$A" 'question = "1.2-b"; status = "not_applicable"; note = "対象設備なし";'
  keys Tab
  expect_screen "$lang: then Tab goes to the unanswered question" "1.3-b"
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang: leaves" 0
done

done_testing
