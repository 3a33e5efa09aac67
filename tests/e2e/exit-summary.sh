# End to end: leaving prints the headline (verdict, baseline and
# recommended coverage, answered), the answers file, where the reports
# written in the session are (or that R writes them) and commands that work
# when pasted: the program as invoked when kijun is not on the PATH, file
# names quoted.  Not the whole 600-line text report, which a short SSH
# scrollback would lose.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then V="Verdict               Baseline not met" B="Baseline coverage     40.0% (2/5)"
    R="Recommended coverage  0.0% (0/3)" N="Answered              6/8" F="Answers file:" H="Full report: "
    W="No report written: R in kijun writes them"
  else V="判定                ベースライン未達成" B="ベースライン充足率  40.0% (2/5)" R="推奨事項充足率      0.0% (0/3)"
    N="回答済み            6/8" F="回答ファイル:" H="全体のレポート: " W="レポートは書き出していません"; fi
  # A name with a space and a quote: the printed command must quote it.
  A="$TMP/$lang it's answers.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  QA=$(printf '%s' "$A" | sed "s/'/'\\\\''/g")
  start 80 24 -- --lang $lang --questionnaire "$Q" "'$QA'"
  wait_for "1.2-d"; keys q; wait_for "EXIT" 1; keys Enter
  wait_for "EXIT=0"
  last=$(screen | grep -v '^$')
  for want in "$V" "$B" "$R" "$N" "$F $A" "$W"; do
    if echo "$last" | grep -qF -- "$want"; then ok "$lang: leaving shows: $want"
    else not_ok "$lang: leaving shows: $want" "$last"; fi
  done
  if history | grep -qF "1.2-b" ; then not_ok "$lang: the whole text report is not printed on leaving" "$(history | head -20)"
  else ok "$lang: the whole text report is not printed on leaving"; fi
  # The command as printed, pasted into a shell: kijun is not on this PATH.
  cmd=$(history | grep -F -- "$H" | head -1 | sed "s/^.*$H//")
  case $cmd in
    "$KIJUN "*) ok "$lang: the command names the program as invoked (not on the PATH)" ;;
    *) not_ok "$lang: the command names the program as invoked (not on the PATH)" "$cmd" ;;
  esac
  if (cd "$TMP" && env PATH=/usr/bin:/bin sh -c "$cmd" > "$TMP/pasted" 2>&1) && grep -qF "6/8" "$TMP/pasted"; then
    ok "$lang: the printed command works when pasted"
  else not_ok "$lang: the printed command works when pasted" "$cmd" "$(head -5 "$TMP/pasted")"; fi
done

done_testing
