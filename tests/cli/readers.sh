# Reports a manager cannot misread: an unfinished assessment is not a
# failed one (unanswered questions are neutral, "not yet answered", and
# counted apart from those not met), in every format and both languages.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"

# One baseline question answered "not implemented"; four not yet answered.
printf '%s\n' 'kijun_answers = 1;' \
  'questionnaire = { id = "mini"; version = "1"; digest = "sha256:8bb17b3851a76a7906d86c8a166e86576207914ad44e114c97ebfebd77c3071b"; };' \
  'profile = { organization = "北海市水道局"; sector = "water"; };' \
  'answers = (' \
  '  { question = "1.2-a"; status = "not_implemented"; action = "Write the backup procedure"; owner = "IT"; due = "2027-03-31"; }' \
  ');' > "$TMP/partial.cfg"

# ---- unanswered is neutral -------------------------------------------------
run "$KIJUN" --lang=en --report -q "$Q" "$TMP/partial.cfg"
expect_in "text: an item with nothing answered reads 'not yet answered'" out "1.1  Policy"
if grep -E '^  1\.1 .*not yet answered' "$TMP/out" >/dev/null && ! grep -E '^  1\.1 .*0\.0%' "$TMP/out" >/dev/null; then
  ok "text: item 1.1 is 'not yet answered', not 0.0%"
else not_ok "text: item 1.1 is 'not yet answered', not 0.0%" "$(grep -E '^  1\.1 ' "$TMP/out")"; fi
expect_in "text: the unmet list counts not met and unanswered apart" out \
  "Baseline questions not met or not answered: 1 not met, 4 not yet answered"
run "$KIJUN" --lang=ja --report -q "$Q" "$TMP/partial.cfg"
expect_in "text ja: 未達成と未回答を分けて数える" out "未達成 1 件、未回答 4 件"
if grep -E '^  1\.1 .*未回答' "$TMP/out" >/dev/null; then ok "text ja: 項目 1.1 は「未回答」"
else not_ok "text ja: 項目 1.1 は「未回答」" "$(grep -E '^  1\.1 ' "$TMP/out")"; fi

run "$KIJUN" --lang=en --report=html -q "$Q" -o "$TMP/p.html" "$TMP/partial.cfg"
python3 - "$TMP/p.html" > "$TMP/check" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r'<tr><td class="id">([^<]*)</td><td>[^<]*</td>(.*?)</tr>', html)
bad = []
cells = dict(rows)
if "band-unanswered" not in cells.get("1.1", ""):
    bad.append("1.1 is not shown as unanswered: %r" % cells.get("1.1"))
if "band-none" in cells.get("1.1", "") or "band-none" in cells.get("1.3", ""):
    bad.append("an unanswered item is shown with the red none-met band")
if "0.0%" in cells.get("1.1", ""):
    bad.append("1.1 shows 0.0%")
if "1 not met, 4 not yet answered" not in html:
    bad.append("the unmet heading does not count apart")
print("\n".join(bad) if bad else "same")
PY
if [ "$(cat "$TMP/check")" = same ]; then ok "HTML: unanswered items are neutral, not the red band, and counted apart"
else not_ok "HTML: unanswered items are neutral, not the red band, and counted apart" "$(cat "$TMP/check")"; fi

run "$KIJUN" --report=json -q "$Q" "$TMP/partial.cfg"
expect_in "JSON counts not met and unanswered apart" out '"unmet_baseline_counts": { "not_met": 1, "unanswered": 4 }'
run "$KIJUN" --lang=en --report=markdown -q "$Q" "$TMP/partial.cfg"
expect_in "Markdown: an item with nothing answered" out "| 1.1 | Policy | not yet answered |"

done_testing
