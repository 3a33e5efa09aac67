# End to end: Esc on a changed field asks before discarding the text (only
# y discards; Esc again, or n, goes on editing; Enter saves); an unchanged
# field closes at once; the key bar shows the editor's keys while editing.
# In English and Japanese, in the note editor and the profile form.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then ASK="Discard what you typed?" BAR="Enter save" NOTE_BAR="^J line break" QBAR="e note"
    PROFILE="Respondent profile"
  else ASK="入力した内容を破棄しますか" BAR="Enter 保存" NOTE_BAR="^J 改行" QBAR="e メモ" PROFILE="回答者情報"
  fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  expect_screen "$lang: opens at 1.2-d" "1.2-d"
  keys e
  expect_screen "$lang: the key bar shows the editor's keys" "$BAR"
  expect_screen "$lang: including the line break in a note" "$NOTE_BAR"
  typed "大事なメモ"
  keys Escape
  expect_screen "$lang: Esc on a changed note asks" "$ASK"
  keys Escape
  wait_gone "$ASK"
  typed "です"
  expect_screen "$lang: Esc again goes on editing, the text kept" "大事なメモです"
  keys Escape; wait_for "$ASK"; keys n; wait_gone "$ASK"
  expect_screen "$lang: n goes on editing" "大事なメモです"
  keys Escape; wait_for "$ASK"; keys Enter
  expect_file "$lang: Enter at the question saves" "$A" 'note = "大事なメモです";'
  expect_screen "$lang: and the question view's key bar is back" "$QBAR"
  keys e; typed "追記"; keys Escape; wait_for "$ASK"; keys y
  wait_gone "$ASK"
  settle
  if grep -qF '追記' "$A"; then not_ok "$lang: y discards the change" "$(grep -F note "$A")"
  else ok "$lang: y discards the change"; fi
  keys e; wait_for "$BAR"; keys Escape
  if wait_gone "$BAR"; then ok "$lang: Esc on an unchanged note closes at once"
  else not_ok "$lang: Esc on an unchanged note closes at once" "$(screen)"; fi

  # The profile form: the same.
  keys p; wait_for "$PROFILE"; keys Enter
  expect_screen "$lang: a profile field shows the editor's keys" "$BAR"
  typed "追加"
  keys Escape
  expect_screen "$lang: Esc on a changed profile field asks" "$ASK"
  keys Enter
  expect_file "$lang: and Enter saves it" "$A" '"水道局 \"テスト\"追加"'
  keys Escape; wait_gone "$PROFILE"
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang: leaves" 0
done

done_testing
