# End to end: after an answer, a line says what was recorded and how many
# questions are answered; the question view's counter is labelled as a
# position and the overview's as a count; moving on from the last question
# of a phase says so once; the overview keeps the phase's name in sight
# when it scrolls, and labels its figures as the phase's.  en and ja.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
NISC="$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then REC="1.1-a: Implemented - answered 1/8" POS="question 2/8" COUNT="answered 1/8"
    PHASE="Plan done, on to Do" PARTIAL="1.2-b: Partially implemented - answered 3/8" FIG="Baseline, this phase"
    CONT="Plan (continued)"
  else REC="1.1-a: 実施 - 回答済み 1/8" POS="設問 2/8" COUNT="回答済み 1/8"
    PHASE="計画 (Plan) 完了、実行 (Do) へ" PARTIAL="1.2-b: 一部実施 - 回答済み 3/8" FIG="ベースライン（このフェーズ）"
    CONT="計画 (Plan)（続き）"
  fi
  A="$TMP/$lang.cfg"
  sed '/question = /d' "$TESTDATA/mini-answers.cfg" > "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  wait_for "1.1-a"
  keys 1
  expect_screen "$lang: an answer says what was recorded and the answered count" "$REC"
  expect_screen "$lang: the question view's counter is labelled a position" "$POS"
  keys 1
  expect_screen "$lang: moving on from the last question of a phase says so" "$PHASE"
  keys 2
  expect_screen "$lang: the next answer's line" "$PARTIAL"
  keys Left Left; wait_for "1.2-a"; keys 1
  if wait_for "$PHASE" 1; then not_ok "$lang: the phase's end is said once" "$(screen | tail -3)"
  else ok "$lang: the phase's end is said once"; fi
  keys Escape
  expect_screen "$lang: the overview's counter is labelled a count" "$(echo "$COUNT" | sed 's/1/3/')"
  expect_screen "$lang: its figures are labelled as the phase's" "$FIG"
  keys q; wait_for "EXIT" 1; keys Enter; wait_for "EXIT="

  # The bundled questionnaire's overview scrolls at 80x24.
  B="$TMP/nisc-$lang.cfg"
  start 80 24 -- --lang $lang --questionnaire "$NISC" "$B"
  wait_for "1/"; keys Escape
  wait_for "$FIG"
  for i in $(seq 1 30); do keys Down; done
  expect_screen "$lang: scrolled into a phase, its name stays in sight" "$CONT"
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang: leaves" 0
done

done_testing
