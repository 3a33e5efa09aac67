# End to end: answers of edition 1 opened with edition 3 of a
# questionnaire.  The session lands on the first answer to reconfirm and
# marks it; a digit confirms it; Tab visits the next one; on quitting the
# file is at edition 3, the retired answers are in it, and the original
# is kept beside it.  Then a newer edition's file opens read-only.  No
# real terminal needed: the scripted driver (see lib.sh); the save of a
# file with a long name, ended by SIGTERM, is editions-signal.sh's.
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
ED="$TESTDATA/editions"
A="$TMP/answers.cfg"
fixture "$ED/shop-1-answers.cfg" "$A"

start 80 24 -- --lang=en --questionnaire "$ED/shop-3.cfg" "$A"
expect_screen "the session says the answers are of an earlier edition" "Answers of edition 1 opened with edition 3: 5 to reconfirm"
expect_screen "it lands on the first answer to reconfirm" "a1"
expect_screen "which is marked" "[to reconfirm]"
if cmp -s "$ED/shop-1-answers.cfg" "$A"; then ok "opening wrote nothing"; else not_ok "opening wrote nothing"; fi

keys 1
expect_screen "a digit confirms and says where the original is kept" "is kept as answers.edition-1.cfg"
expect_file "the file is at edition 3" "$A" "edition = 3;"
if grep -F 'question = "a1"' "$A" | grep -qF 'revision = 2; }'; then ok "the confirmed answer is for revision 2, not to reconfirm"
else not_ok "the confirmed answer is for revision 2, not to reconfirm" "$(grep -F 'question = "a1"' "$A")"; fi
expect_file "the answer to a retired question is kept" "$A" 'question = "a3"; status = "implemented"; note = "paper register at the gate"'
expect_file "so is the answer to an unknown question" "$A" 'question = "zz-local"'
if cmp -s "$ED/shop-1-answers.cfg" "$TMP/answers.edition-1.cfg"; then ok "the original is kept beside it"
else not_ok "the original is kept beside it"; fi

expect_screen "the view moved on to the next question, itself to reconfirm" "b2-doc"
expect_screen "and marked" "[to reconfirm]"
keys Tab
expect_screen "Tab visits the next open question: unanswered" "t1"
keys Tab
expect_screen "or an answer to reconfirm (a2, whose revision rose)" "Does your organisation review the policy every year?"
keys Tab
expect_screen "and the next (b2, split)" "b2-test"
keys Escape
expect_screen "the overview marks items with answers to reconfirm" "!"
expect_screen "and the status line explains the mark" "! answers to reconfirm (Tab)"
keys q
wait_for "Coverage summary"
expect_screen "the summary counts them" "To reconfirm"
# Leaving prints the headline only (the text report is R or --report
# away); the summary shown by q counts what is kept for questions no
# longer asked.
expect_screen "the summary counts the answers to questions no longer asked" "No longer asked       2"
keys Enter
expect_screen "leaving exits 0" "EXIT=0"
ls "$TMP" | grep -c 'answers.edition-' | grep -qx 1 && ok "one backup, no more" || not_ok "one backup, no more"

# A newer edition's file with an older questionnaire: read-only.
fixture "$ED/shop-2-answers.cfg" "$TMP/newer.cfg"
start 80 24 -- --lang=en --questionnaire "$ED/shop-1.cfg" "$TMP/newer.cfg"
expect_screen "a newer edition's file opens read-only and says why" "newer than this questionnaire"
keys q
wait_for "Coverage summary"
keys Enter
expect_screen "leaving with nothing changed exits 0" "EXIT=0"
if cmp -s "$ED/shop-2-answers.cfg" "$TMP/newer.cfg"; then ok "the newer file is untouched"
else not_ok "the newer file is untouched"; fi

done_testing
