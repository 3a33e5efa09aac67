# End to end: the filter list (f) shows only the questions that are
# unknown, partially implemented, missing their reason, to reconfirm or
# marked for review, or every note and evidence reference, each opening
# its question (Esc comes back); m marks a question for review (saved in
# the file, listed); u undoes the last change and u again redoes it.
# en and ja.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then F1="Filter: Unknown (1)" F2="Filter: Partially implemented (1)" F3="Filter: Reason missing (1)"
    F5="Filter: Marked for review (1)" F6="Filter: Notes and evidence (3)" MARK="[for review]"
    UNDONE="Undone: 1.2-d is Unanswered again" QPOS="question 2/8"
  else F1="絞り込み: 不明（1 件）" F2="絞り込み: 一部実施（1 件）" F3="絞り込み: 理由未記入（1 件）"
    F5="絞り込み: 見直し印あり（1 件）" F6="絞り込み: 理由・メモと証跡（3 件）" MARK="[見直し]"
    UNDONE="取り消しました: 1.2-d は再び「未回答」です" QPOS="設問 2/8"
  fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  wait_for "1.2-d"
  keys m
  expect_screen "$lang: m marks the question for review" "$MARK"
  expect_file "$lang: the mark is saved in the file" "$A" 'review = [ "1.2-d" ];'
  keys 1
  expect_file "$lang: an answer" "$A" 'question = "1.2-d"; status = "implemented";'
  wait_for "1.3-b"; keys u
  expect_screen "$lang: u undoes the last change" "$UNDONE"
  settle
  no_answer "$lang: the answer is gone from the file" "$A" 1.2-d
  expect_file "$lang: and the mark stays" "$A" 'review = [ "1.2-d" ];'
  keys u
  expect_file "$lang: u again redoes it" "$A" 'question = "1.2-d"; status = "implemented";'
  keys Escape; wait_for "1.1"
  keys f
  expect_screen "$lang: f lists the unknown answers" "$F1"
  expect_screen "$lang: the question is in it" "1.2-c"
  keys f; expect_screen "$lang: then the partial ones" "$F2"
  keys f; expect_screen "$lang: then those missing a reason" "$F3"
  keys f; keys f; expect_screen "$lang: then those marked for review" "$F5"
  expect_screen "$lang: the marked question is listed" "1.2-d"
  keys f; expect_screen "$lang: then every note and evidence reference" "$F6"
  expect_screen "$lang: with the evidence" "情報セキュリティ基本方針 第3版"
  keys Down Enter
  # The list shows 1.2-a too: look for the question view's own counter.
  expect_screen "$lang: Enter opens the question" "$QPOS"
  expect_screen "$lang: the question chosen" "1.2-a"
  keys Escape
  expect_screen "$lang: Esc comes back to the list" "$F6"
  keys Escape; wait_gone "$F6"
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang: leaves" 0
done

done_testing
