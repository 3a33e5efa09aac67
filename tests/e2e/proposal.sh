# End to end: an answer a migration carried only as a proposal (a met
# answer through a narrower or overlapping relation, kijun-mapping(5)) is
# shown beside its question with where it came from, the question stays
# unanswered, and choosing a status answers it (the proposal goes).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
D="$TESTDATA/carry"
"$KIJUN" --lang=en --migrate="$D/old-to-new.cfg" "$D/old-answers.cfg" "$TMP/new.cfg" "$D/old.cfg" "$D/new.cfg" >/dev/null 2>&1 \
  || { not_ok "the migration for the test"; done_testing; exit; }

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  A="$TMP/$lang.cfg"
  fixture "$TMP/new.cfg" "$A"
  start 80 24 -- --lang $lang --questionnaire "$D/new.cfg" "$A"
  wait_for "n1"
  # Tab walks to the next question to answer or reconfirm.
  keys Tab; keys Tab
  wait_for "n6"
  if [ $lang = en ]; then
    expect_screen "$lang: the proposal beside the question" "Proposed by the migration: Implemented (from carry-old 1: o6)"
  else
    expect_screen "$lang: the proposal beside the question" "移行による提案: 実施（引き継ぎ元 carry-old 1: o6）"
  fi
  expect_screen "$lang: marked to reconfirm" "$([ $lang = en ] && echo '[to reconfirm]' || echo '[要再確認]')"
  keys 1
  settle
  keys Up
  wait_for "n6"
  if screen | grep -q "Proposed by the migration\|移行による提案"; then not_ok "$lang: the proposal goes once a status is chosen" "$(screen)"; else ok "$lang: the proposal goes once a status is chosen"; fi
  keys q; wait_for "EXIT" 1; keys Enter; wait_for "EXIT=0"
  if grep -q 'question = "n6"; status = "implemented"' "$A" && ! grep 'question = "n6"' "$A" | grep -q proposal; then ok "$lang: the file has the answer, not the proposal"
  else not_ok "$lang: the file has the answer, not the proposal" "$(grep n6 "$A")"; fi
done

done_testing
