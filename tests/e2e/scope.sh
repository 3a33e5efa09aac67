# End to end: scope questions on the profile form.  A new file opens the
# form; n on "control systems" takes two questions out of scope, which the
# overview and the question view say, with the reason; an answer typed
# on such a question is kept in the file; y brings it back into the
# figures, and u in the question view takes a scope answer back.  en and
# ja, at 80x24.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/scope.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then OT="Does your organisation operate control systems (OT)?" NO="No  " YES="Yes  "
    NOW="2 questions are out of scope now" WHY="not in scope: no control systems" TITLE="answered 0/3, 2 not in scope"
    BACK="answered 1/5" GOTO="Go to (question or item number)" KEPT="(left out of the figures"
    UNDONE='Undone: Does your organisation operate control systems (OT)? is "No" again'
    REDONE='Redone: Does your organisation operate control systems (OT)? is "Yes" again'
  else OT="制御システム（OT）を運用していますか。" NO="いいえ" YES="はい  "
    NOW="2 問が対象外になりました" WHY="対象外: 制御システムなし" TITLE="、対象外 2 問" BACK="回答済み 1/5"
    UNDONE="取り消しました: 制御システム（OT）を運用していますか。 は再び「いいえ」です"
    REDONE="やり直しました: 制御システム（OT）を運用していますか。 は再び「はい」です"
    GOTO="移動（設問・項目の番号）" KEPT="（集計から除外"; fi
  A="$TMP/$lang.cfg"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  expect_screen "$lang: the form lists the scope questions" "$OT"
  # Organisation, sector, respondent, role, then the first scope question.
  keys Down Down Down Down
  keys n
  expect_screen "$lang: n answers no and says what it leaves out" "$NOW"
  expect_screen "$lang: the answer is shown" "$NO"
  expect_file "$lang: the scope answer is saved" "$A" 'scope = { ot = "no"; };'
  expect_width "$lang: the form fits 80 columns" 80
  keys Escape
  expect_screen "$lang: the overview counts the questions out of scope" "$TITLE"
  expect_screen "$lang: and gives the reason on a row all out of scope" "$WHY"
  # The question out of scope: say why, and keep what is typed on it.
  keys g; wait_for "$GOTO"; typed "2-a"; keys Enter
  # The overview shows the reason too: wait for the question view's line.
  expect_screen "$lang: the question view says why" "$WHY $KEPT"
  keys 3
  expect_file "$lang: an answer typed on it is kept" "$A" 'question = "2-a"; status = "not_implemented"'
  # Back on the form: yes again brings it back.
  keys p
  expect_screen "$lang: p opens the form again" "$OT"
  keys Down Down Down Down
  keys y
  expect_screen "$lang: y answers yes" "$YES"
  expect_file "$lang: and is saved" "$A" 'scope = { ot = "yes"; };'
  # Back to the question view (answering moved on to 2-b): u takes the
  # scope answer back, and u again redoes it; then the overview.
  keys Escape; wait_for "2-b"
  keys u
  expect_file "$lang: u undoes the scope answer" "$A" 'scope = { ot = "no"; };'
  expect_screen "$lang: and says so" "$UNDONE"
  keys u
  expect_file "$lang: u again redoes it" "$A" 'scope = { ot = "yes"; };'
  expect_screen "$lang: and says it redid, not undid" "$REDONE"
  keys Escape
  if wait_for "$BACK"; then ok "$lang: the kept answer counts again"
  else not_ok "$lang: the kept answer counts again" "$(screen | sed 's/^/| /')"; fi
  if screen | grep -qF "$WHY"; then not_ok "$lang: no reason is shown any more" "$(screen | sed 's/^/| /')"
  else ok "$lang: no reason is shown any more"; fi
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang: leaves" 0
done

done_testing
