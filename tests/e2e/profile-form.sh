# End to end: the profile form leads on: typing starts editing the
# selected field, Enter saves and goes to the next field, the last row
# goes on to the questions, and the help lists the form's keys; u in the
# question view undoes a profile change too.  en, ja.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then GO="[ Go on to the questions ]" HELPFORM="typing starts editing the selected field"
    PROFILE="Respondent profile" NONE="(none)" UNDONE="Undone: Role is empty again" REDONE='Redone: Role is "CISO" again'
  else GO="[ 設問へ進む ]" HELPFORM="文字を打つと選択中の欄をその文字から編集" PROFILE="回答者情報" NONE="（指定なし）"
    UNDONE="取り消しました: 役職 は再び空です" REDONE="やり直しました: 役職 は再び「CISO」です"; fi
  A="$TMP/$lang.cfg"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  expect_screen "$lang: a new file opens the form" "$PROFILE"
  expect_screen "$lang: the way on to the questions is visible" "$GO"
  typed "Kobe 水道局"
  keys Enter
  expect_file "$lang: typing starts editing the field; Enter saves it" "$A" 'organization = "Kobe 水道局";'
  keys Enter
  expect_screen "$lang: and went on to the next field (the sector list opens)" "$NONE"
  keys Down Enter
  expect_file "$lang: the sector is saved" "$A" 'sector = "'
  typed "山田"; keys Enter
  expect_file "$lang: the picker went on to the respondent" "$A" 'respondent = "山田";'
  typed "CISO"; keys Enter
  expect_file "$lang: and so on to the role" "$A" 'role = "CISO";'
  keys F1; wait_for "?"; keys End
  for i in 1 2 3 4 5 6; do wait_for "$HELPFORM" 1 && break; keys PageUp; done
  expect_screen "$lang: the help lists the form's keys" "$HELPFORM"
  keys Escape; wait_for "$GO"
  keys Enter
  expect_screen "$lang: Enter on the last row opens the first question" "1.1-a"
  # u undoes the last change, a profile field too, and u again redoes it.
  keys u
  expect_screen "$lang: u undoes the last profile change" "$UNDONE"
  eventually sh -c "! grep -qF 'role = ' '$A'"
  if grep -qF 'role = ' "$A"; then not_ok "$lang: the role is gone from the file" "$(grep role "$A")"; else ok "$lang: the role is gone from the file"; fi
  keys u
  expect_screen "$lang: u again redoes it" "$REDONE"
  expect_file "$lang: the role is back in the file" "$A" 'role = "CISO";'
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang: leaves" 0
done

done_testing
