# End to end: the question view shows a long plan action on as many rows as
# the screen can spare, after the question's text and hint have theirs
# (usability review 2, D4; issue 23): at 80x34 the whole action is on the
# screen, at 80x24 it is cut with a mark, and the owner and dates stay on
# the row under it.  In English and Japanese.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then OWNER="Owner" ; else OWNER="担当"; fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  # 1.3-a is not implemented: give it a long action, and open there.
  sed -i 's|{ question = "1.3-a"; status = "not_implemented"; }|{ question = "1.3-a"; status = "not_implemented"; action = "Publish the yearly security report with the board, review it with every department head and the regulator, and put it on the public website before the end of June"; owner = "Board"; due = "2027-06-30"; }|' "$A"
  printf 'position = "1.3-a";\n' >> "$A"
  start 80 34 -- --lang $lang --questionnaire "$Q" "$A"
  expect_screen "$lang 80x34: opens at 1.3-a" "1.3-a"
  expect_screen "$lang 80x34: the action's end is on the screen" "end of June"
  expect_screen "$lang 80x34: the owner row is under it" "$OWNER"
  if screen | grep -q "Publish the yearly" && ! screen | grep -F "Publish the yearly" | grep -q '\.\.$'; then
    ok "$lang 80x34: the action's first row is not cut"
  else not_ok "$lang 80x34: the action's first row is not cut" "$(screen | sed 's/^/| /')"; fi
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang 80x34: leaves" 0
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  expect_screen "$lang 80x24: opens at 1.3-a" "1.3-a"
  expect_screen "$lang 80x24: the action shows" "Publish the yearly"
  expect_screen "$lang 80x24: the owner row still shows" "$OWNER"
  expect_width "$lang 80x24: within 80 columns" 80
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang 80x24: leaves" 0
done

done_testing
