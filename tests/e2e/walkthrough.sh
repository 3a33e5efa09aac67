# End to end: a new assessment answered from the first question to the
# last with digit keys, then quit; the saved file and the summary printed
# after the terminal is restored are both checked.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
A="$TMP/a.cfg"

start 80 24 -- --questionnaire "$Q" "$A"
expect_screen "a new file opens the profile form" "Respondent profile"
expect_file "the new file is created at once" "$A" "kijun_answers = 1;"
keys Enter; typed "東京都水道局"; keys Enter
expect_file "the organisation is saved at Enter" "$A" 'organization = "東京都水道局";'
# Enter saved the organisation and went on to the sector.
keys Enter; wait_for "(none)"; keys Down Enter
expect_screen "the sector is chosen from the questionnaire's list" "Water"
keys Escape
expect_screen "Esc leaves the form for the overview" "Answered"
expect_screen "the overview lists the phases" "Plan"
keys Tab
expect_screen "Tab opens the first unanswered question" "1.1-a"
expect_screen "the level is written out" "[Baseline]"

# Walk order: 1.1-a 1.2-a 1.2-b 1.3-a 1.1-b 1.2-c 1.2-d 1.3-b
keys 1; wait_for "1.2-a"
keys 2; wait_for "1.2-b"
keys 3; wait_for "1.3-a"
keys 4
expect_screen "alternative asks for the reason" "Give the reason for this answer"
typed "委託先の手順で実施"; keys Enter
expect_screen "the reason moves on to the next question" "1.1-b"
keys 6; wait_for "1.2-c"
keys 1; wait_for "1.2-d"
keys 5; wait_for "Give the reason"; typed "対象外"; keys Enter
expect_screen "answering moves through the walk order" "1.3-b"
keys 1
expect_screen "the last answer says so" "That was the last question"

keys q
expect_screen "q shows the coverage summary" "Coverage summary"
expect_screen "the summary has the baseline figure" "60.0% (3/5)"
keys Enter
expect_screen "any key leaves with status 0" "EXIT=0"
if history | grep -qF "Baseline coverage     60.0% (3/5)"; then ok "the summary is printed after leaving"
else not_ok "the summary is printed after leaving" "$(history | tail -30)"; fi
if history | grep -qF "Answers file: $A"; then ok "the path of the answers file is printed last"
else not_ok "the path of the answers file is printed last" "$(history | tail -5)"; fi

expect_file "the sector is saved by id" "$A" 'sector = "water";'
expect_file "a digit answer is saved" "$A" '{ question = "1.2-a"; status = "partial";'
expect_file "a reason is saved with its answer" "$A" 'status = "alternative"; note = "委託先の手順で実施";'
expect_file "the summary is saved for other tools" "$A" 'baseline = { met = 3; applicable = 5; percent = 60.0;'
expect_file "recommended coverage excludes n/a with a reason" "$A" 'recommended = { met = 1; applicable = 2; percent = 50.0;'
mode=$(stat -c %a "$A")
if [ "$mode" = 600 ]; then ok "the answers file is private (0600)"; else not_ok "the answers file is private (0600)" "mode $mode"; fi

done_testing
