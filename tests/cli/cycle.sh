# The PDCA loop through the real binary: --plan in every format, --next-cycle
# (and its refusal to overwrite), --previous, --compare and its exit status.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"
OLD="$TESTDATA/cycle-1.cfg"
NEW="$TESTDATA/cycle-2.cfg"

for fmt in text markdown csv json html; do
  run "$KIJUN" --plan="$fmt" "$OLD" -q "$Q"
  expect_status "--plan=$fmt exits 0" 0
done
run "$KIJUN" --plan "$OLD" -q "$Q"
expect_in "the text plan marks the overdue action" out "! 1.2-b  Not implemented  [Do]  OVERDUE"
expect_in "the text plan lists a question without an action as such" out "- 1.3-a  Not implemented  [Do]  no action yet"
expect_in "the text plan is dated" out "As of          2026-11-18"
run "$KIJUN" --plan=csv "$OLD" -q "$Q"
expect_in "the plan's CSV header is stable" out "question,section,phase,level,status,missing_reason,state,action,owner,due,done,as_of,text"
run "$KIJUN" --lang=ja --plan=json "$OLD" -q "$Q"
if python3 -m json.tool "$TMP/out" >/dev/null 2>&1; then ok "the Japanese plan in JSON is valid JSON"; else not_ok "the Japanese plan in JSON is valid JSON"; fi
expect_in "JSON keys stay English in Japanese" out '"state": "overdue"'

# The next cycle.
cp "$OLD" "$TMP/2025.cfg"
run "$KIJUN" --next-cycle "$TMP/2025.cfg" "$TMP/2026.cfg" -q "$Q"
expect_status "--next-cycle exits 0" 0
expect_in "--next-cycle says what it carried" out "6 answers carried, to reconfirm; 3 plan items carried."
expect_in "the new file records the old one by its absolute name" 2026.cfg "$TMP/2025.cfg"
# The carried answers were given last year, before this cycle started:
# none of them is the new cycle's last answer (it read 20 Nov 2025,
# earlier than the start), and each keeps its own time.
TZ=UTC run "$KIJUN" --report=html -o "$TMP/2026.html" "$TMP/2026.cfg" -q "$Q"
expect_in "the new cycle's report has no last answer yet" 2026.html "<dt>Last answer</dt><dd>none yet</dd>"
if grep -q "20 Nov 2025" "$TMP/2026.html" && ! grep -q "<dt>Last answer</dt><dd>20 Nov" "$TMP/2026.html"; then
  ok "a carried answer keeps its own time"
else not_ok "a carried answer keeps its own time"; fi
TZ=UTC run "$KIJUN" --compare "$TMP/2025.cfg" "$TMP/2026.cfg" -q "$Q"
expect_in "--compare says the new cycle has no last answer yet" out "none yet"
cp "$TMP/2026.cfg" "$TMP/2026.before"
run "$KIJUN" --next-cycle "$TMP/2025.cfg" "$TMP/2026.cfg" -q "$Q"
expect_status "--next-cycle never overwrites: exit 73" 73
expect_in "the refusal names the file" err "2026.cfg: the file exists; kijun never overwrites it"
if cmp -s "$TMP/2026.cfg" "$TMP/2026.before"; then ok "the existing file is untouched"; else not_ok "the existing file is untouched"; fi
ln -s "$TMP/nowhere.cfg" "$TMP/link.cfg"
run "$KIJUN" --next-cycle "$TMP/2025.cfg" "$TMP/link.cfg" -q "$Q"
expect_status "--next-cycle refuses a dangling link too" 73
run "$KIJUN" --next-cycle "$TMP/missing.cfg" "$TMP/2027.cfg" -q "$Q"
expect_status "--next-cycle from a missing file: 66" 66
if [ ! -e "$TMP/2027.cfg" ]; then ok "nothing is created from a missing file"; else not_ok "nothing is created from a missing file"; fi

# The previous cycle beside the current one.
# The text report shortens a long path with "..", and the build folder
# (distcheck's, say) may be long: these files live in a short one.
S=$(mktemp -d /tmp/kc.XXXXXX)
cp "$OLD" "$S/2025.cfg"
"$KIJUN" --next-cycle "$S/2025.cfg" "$S/2026.cfg" -q "$Q" >/dev/null 2>&1
run "$KIJUN" --report "$S/2026.cfg" -q "$Q"
expect_in "the report names the previous cycle" out "Previous cycle  $S/2025.cfg"
expect_in "and when it started" out "It started at   20 Nov 2025 00:00 UTC"
expect_in "the report shows each figure's change" out "Baseline coverage     40.0% (2/5), 0.0 pt"
run "$KIJUN" --report "$NEW" -q "$Q"
expect_in "a recorded file found beside the answers file" out "Recommended coverage  33.3% (1/3), +33.3 pt"
expect_in "item changes come from the previous answers" out "0.0% (0/1), -100.0 pt"
cp "$NEW" "$TMP/alone.cfg"
run "$KIJUN" --report "$TMP/alone.cfg" -q "$Q"
expect_status "a previous file that is gone is no error" 0
expect_in "its recorded figures still give the changes" out "33.3% (1/3), +33.3 pt"
run "$KIJUN" --report --previous="$TMP/nothing.cfg" "$NEW" -q "$Q"
expect_status "--previous naming a missing file: 66" 66
run "$KIJUN" --report --previous="$S/2026.cfg" "$NEW" -q "$Q"
expect_in "--previous replaces the recorded cycle" out "Previous cycle  $S/2026.cfg"
rm -rf "$S"

# The comparison.
run "$KIJUN" --compare "$OLD" "$NEW" -q "$Q"
expect_status "--compare exits 1 when a question regressed" 1
expect_in "regressions come before the coverage" out "Regressed: met (or not applicable) before, not met now (1)"
first=$(grep -n "Regressed:" "$TMP/out" | cut -d: -f1); cov=$(grep -n "^Coverage" "$TMP/out" | cut -d: -f1)
if [ -n "$first" ] && [ -n "$cov" ] && [ "$first" -lt "$cov" ]; then ok "the regressions are first"; else not_ok "the regressions are first" "$first / $cov"; fi
expect_in "which file is old is said" out "Old assessment: $OLD"
run "$KIJUN" --compare "$OLD" "$OLD" -q "$Q"
expect_status "--compare exits 0 when nothing regressed" 0
for fmt in markdown csv json html; do
  run "$KIJUN" --compare="$fmt" "$OLD" "$NEW" -q "$Q"
  expect_status "--compare=$fmt exits 1 (a regression)" 1
done
# excel-csv: the CSV after a byte-order mark (it once crashed kijun).
run "$KIJUN" --compare=excel-csv "$OLD" "$NEW" -q "$Q"
expect_status "--compare=excel-csv exits 1 (a regression)" 1
"$KIJUN" --compare=csv "$OLD" "$NEW" -q "$Q" >"$TMP/plain.csv" 2>/dev/null
if [ "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" = efbbbf ] && tail -c +4 "$TMP/out" | cmp -s - "$TMP/plain.csv"; then
  ok "--compare=excel-csv is the CSV after a byte-order mark"
else not_ok "--compare=excel-csv is the CSV after a byte-order mark" "$(head -c 80 "$TMP/out" | od -c | head -3)"; fi
run "$KIJUN" --compare=json "$OLD" "$NEW" -q "$Q"
if python3 -m json.tool "$TMP/out" >/dev/null 2>&1; then ok "the comparison in JSON is valid JSON"; else not_ok "the comparison in JSON is valid JSON"; fi
run "$KIJUN" --compare=html "$OLD" "$NEW" -q "$Q"
if python3 "$KIJUN_SRCDIR/tests/tools/htmlcheck.py" "$TMP/out" >"$TMP/check" 2>&1; then ok "the comparison in HTML passes htmlcheck"; else not_ok "the comparison in HTML passes htmlcheck" "$(head -5 "$TMP/check")"; fi
run "$KIJUN" --plan=html "$OLD" -q "$Q"
if python3 "$KIJUN_SRCDIR/tests/tools/htmlcheck.py" "$TMP/out" >"$TMP/check" 2>&1; then ok "the plan in HTML passes htmlcheck"; else not_ok "the plan in HTML passes htmlcheck" "$(head -5 "$TMP/check")"; fi

# Usage.
run "$KIJUN" --compare "$OLD" -q "$Q"
expect_status "--compare with one file is bad usage" 2
expect_in "and says it needs two" err "--compare needs two answers files: the old one, then the new one"
run "$KIJUN" --next-cycle "$OLD"
expect_status "--next-cycle with one file is bad usage" 2
run "$KIJUN" --plan --report "$OLD"
expect_status "--plan with --report is bad usage" 2
run "$KIJUN" --compare --previous="$OLD" "$OLD" "$NEW"
expect_status "--compare with --previous is bad usage" 2
run "$KIJUN" --plan=pdf "$OLD"
expect_status "an unknown plan format is bad usage" 2

done_testing
