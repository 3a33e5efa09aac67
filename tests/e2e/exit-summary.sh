# End to end: leaving prints the details first and ends with the headline
# (verdict, baseline and recommended coverage, answered, the file, how to
# get the full report), so an 80x24 terminal is left showing the result.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then V="Verdict               Baseline not met" B="Baseline coverage     40.0% (2/5)"
    R="Recommended coverage  0.0% (0/3)" N="Answered              6/8" F="Answers file:" H="Full report: kijun --report"
  else V="判定                ベースライン未達成" B="ベースライン充足率  40.0% (2/5)" R="推奨事項充足率      0.0% (0/3)"
    N="回答済み            6/8" F="回答ファイル:" H="全体のレポート: kijun --report"; fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  wait_for "1.2-d"; keys q; wait_for "EXIT" 1; keys Enter
  wait_for "EXIT=0"
  # What is left on the screen (not the scrollback): the headline.
  last=$(screen | grep -v '^$' | tail -9)
  for want in "$V" "$B" "$R" "$N" "$F $A" "$H '$A'"; do
    if echo "$last" | grep -qF -- "$want"; then ok "$lang: the last screen shows: $want"
    else not_ok "$lang: the last screen shows: $want" "$last"; fi
  done
  if history | grep -qF "Unmet baseline questions (3)" || history | grep -qF "未達成のベースライン設問（3 件）"; then
    ok "$lang: the details come before it"
  else not_ok "$lang: the details come before it" "$(history | tail -40)"; fi
done

done_testing
