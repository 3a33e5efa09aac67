# End to end, the PDCA loop: answer some questions, plan one (a bad date
# refused and corrected), see it on the plan screen and open it from
# there, start the next cycle, see last cycle's answer beside the current
# one and the changes on the overview, reconfirm an answer with a digit,
# and compare the two cycles.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
OLD="$TMP/2025.cfg"
NEW="$TMP/2026.cfg"

start 80 24 -- --questionnaire "$Q" "$OLD"
expect_screen "a new file opens the profile form" "Respondent profile"
keys Escape
expect_screen "the overview" "Enter open"
keys Enter
expect_screen "the first question" "Does your organisation have a policy?"
keys 1
expect_screen "1 answers and moves on" "Does your organisation have a backup procedure?"
keys 3
expect_screen "3 answers and moves on" "Does your organisation take backups?"
keys Left
expect_screen "back to the question not met" "Does your organisation have a backup procedure?"
expect_screen "a question not met shows where its plan goes" "(none yet: press a)"
# Each field is saved before the next is typed: keys right behind an
# Enter would be a paste (see ui_edit.c).
keys a
typed "Write the backup procedure"
keys Enter
expect_file "Enter saves the action" "$OLD" 'action = "Write the backup procedure";'
typed "IT section"
keys Enter
expect_file "and the owner" "$OLD" 'owner = "IT section";'
typed "2025-02-30"
keys Enter
expect_screen "a date that is not a date is refused" "is not a date"
keys C-u
typed "2025-12-31"
keys Enter
expect_screen "the due date is taken, and the done date asked" "Done "
sleep 0.1
keys Enter
expect_file "the plan is saved" "$OLD" 'action = "Write the backup procedure"; owner = "IT section"; due = "2025-12-31";'
expect_screen "an action due before today and not done is marked OVERDUE" "! OVERDUE"
keys P
expect_screen "P opens the plan screen" "Improvement plan: questions not met"
expect_screen "the planned question is marked overdue" "! 1.2-a"
expect_screen "a question without an action is listed as such" "no action yet"
expect_width "the plan screen fits 80 columns" 80
keys Enter
expect_screen "Enter opens the question" "Does your organisation have a backup procedure?"
keys Escape
expect_screen "Esc returns to the plan screen" "Improvement plan: questions not met"
keys q
expect_screen "q shows the summary" "Enter or q: leave kijun"
keys Enter
expect_exit "kijun leaves" 0

run "$KIJUN" --next-cycle --questionnaire "$Q" "$OLD" "$NEW"
expect_status "--next-cycle starts the next cycle" 0
expect_file "the new file records the old one" "$NEW" "path = \"$OLD\";"
expect_file "the plan is carried" "$NEW" 'action = "Write the backup procedure";'
expect_file "each answer carried waits to be reconfirmed" "$NEW" '{ question = "1.2-a"; status = "not_implemented"; updated = '
if grep -F 'question = "1.2-a"' "$NEW" | grep -qF 'reconfirm = true'; then ok "1.2-a is marked to reconfirm"
else not_ok "1.2-a is marked to reconfirm" "$(grep -F 'question = "1.2-a"' "$NEW")"; fi

start 80 24 -- --questionnaire "$Q" "$NEW"
keys Home
expect_screen "the first question of the new cycle" "Does your organisation have a policy?"
expect_screen "last cycle's answers are to reconfirm" "[to reconfirm]"
expect_screen "last cycle's answer is shown beside the current one" "Last cycle ("
expect_screen "with its status" "): Implemented"
keys Right
expect_screen "the next question" "Does your organisation have a backup procedure?"
expect_screen "last cycle's plan is shown too" "Action: Write the backup procedure; Owner: IT section"
keys 1
expect_file "a digit reconfirms the answer, now implemented" "$NEW" '{ question = "1.2-a"; status = "implemented";'
if eventually sh -c "grep -F 'question = \"1.2-a\"' '$NEW' | grep -qvF 'reconfirm = true'"; then ok "and it no longer waits"
else not_ok "and it no longer waits" "$(grep -F 'question = "1.2-a"' "$NEW")"; fi
keys Escape
expect_screen "the overview shows the change since last cycle" "Change"
expect_screen "the plan phase rose by half" "+50.0 pt"
keys q
expect_screen "the summary names the previous cycle" "Previous cycle"
keys Enter
expect_exit "kijun leaves" 0
history > "$TMP/out"
expect_in "the summary printed on leaving shows the change" out "Baseline coverage     40.0% (2/5), +20.0 pt"

run "$KIJUN" --compare --questionnaire "$Q" "$OLD" "$NEW"
expect_status "nothing regressed: --compare exits 0" 0
expect_in "the question that became met is listed" out "1.2-a  Not implemented -> Implemented  [Plan, Baseline]"

done_testing
