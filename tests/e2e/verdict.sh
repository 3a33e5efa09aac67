# End to end: while baseline questions are unanswered the verdict is "not
# yet decided" (判定保留), in the summary screen and in every output, with
# the caveat on levels of kijun's reading right next to it and the [k]
# mark for them.  en and ja.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then V="Not yet decided: 4 baseline questions unanswered"
    CAV="3 questions of 8 have a level of kijun's own reading"
  else V="判定保留: ベースラインの設問 4 問が未回答"; CAV="8 問のうち 3 問の区分は kijun 独自の解釈（[k] 印）"; fi
  A="$TMP/$lang.cfg"
  sed '/question = /d' "$TESTDATA/mini-answers.cfg" > "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  wait_for "1.1-a"; keys 3; wait_for "1.2-a"
  keys s
  expect_screen "$lang: the summary says the verdict is not yet decided" "$V"
  expect_screen "$lang: with the caveat on kijun's levels next to it" "$CAV"
  if screen | grep -A1 -F "$V" | grep -qF "$(echo "$CAV" | cut -c1-12)"; then ok "$lang: on the very next line"
  else not_ok "$lang: on the very next line" "$(screen)"; fi
  keys Escape; wait_gone "$V"
  keys q; wait_for "EXIT" 1; keys Enter; wait_for "EXIT=0"
  expect_file "$lang: the answers file's summary says incomplete" "$A" 'verdict = "incomplete";'
  run "$KIJUN" --lang $lang --questionnaire "$Q" --report=json "$A"
  expect_in "$lang: JSON" out '"verdict": "incomplete"'
  run "$KIJUN" --lang $lang --questionnaire "$Q" --report=html "$A"
  expect_in "$lang: HTML" out 'class="verdict incomplete"'
  expect_in "$lang: HTML words" out "$V"
  run "$KIJUN" --lang $lang --questionnaire "$Q" --report=markdown "$A"
  expect_in "$lang: Markdown" out "$V"
  run "$KIJUN" --lang $lang --questionnaire "$Q" --report "$A"
  expect_in "$lang: text" out "$V"
  expect_in "$lang: the [k] mark in the unmet list" out "[k]"
done

done_testing
