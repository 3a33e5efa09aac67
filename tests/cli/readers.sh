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

# ---- the plan reaches the manager -------------------------------------------
LONG='情報セキュリティ規程の適用範囲に配水ポンプ場テレメータ装置を追記し、局長決裁を得たうえで全職員に周知する。あわせて委託先との契約書の該当条項を見直す。'
printf '%s\n' 'kijun_answers = 1;' \
  'questionnaire = { id = "mini"; version = "1"; digest = "sha256:8bb17b3851a76a7906d86c8a166e86576207914ad44e114c97ebfebd77c3071b"; };' \
  'profile = { organization = "北海市水道局"; };' \
  'answers = (' \
  "  { question = \"1.1-a\"; status = \"not_implemented\"; action = \"$LONG\"; owner = \"浄水課 佐藤 (Water Treatment Division, asset management and telemetry team)\"; due = \"2027-03-31\"; }," \
  '  { question = "1.2-c"; status = "unknown"; action = "Run a restore test"; owner = "IT"; due = "2027-06-30"; }' \
  ');' > "$TMP/plan.cfg"
run "$KIJUN" --lang=ja --report=html -q "$Q" -o "$TMP/r.html" "$TMP/plan.cfg"
expect_in "the HTML report carries the plan's action" r.html "$LONG"
expect_in "and its owner" r.html "浄水課 佐藤"
expect_in "and the plan as a section of its own" r.html "<h2>改善計画</h2>"
run "$KIJUN" --lang=ja --plan=html -q "$Q" -o "$TMP/plan.html" "$TMP/plan.cfg"
if grep -q '<table class="answers">' "$TMP/plan.html"; then not_ok "the plan HTML is not an eight-column table (B3)"
else ok "the plan HTML is not an eight-column table (B3)"; fi
expect_in "the plan HTML shows the whole action" plan.html "$LONG"
for lang in en ja; do
  run "$KIJUN" --lang=$lang --plan -q "$Q" "$TMP/plan.cfg"
  if tr -d '\n ' < "$TMP/out" | grep -qF "$LONG"; then ok "--plan text ($lang) never cuts the action"
  else not_ok "--plan text ($lang) never cuts the action" "$(grep -A3 '1.1-a' "$TMP/out")"; fi
  if tr -d '\n ' < "$TMP/out" | grep -qF "(WaterTreatmentDivision,assetmanagementandtelemetryteam)"; then ok "--plan text ($lang) never cuts the owner"
  else not_ok "--plan text ($lang) never cuts the owner"; fi
  if grep -qF ' ..' "$TMP/out"; then not_ok "--plan text ($lang) has no cut marks" "$(grep -F ' ..' "$TMP/out")"
  else ok "--plan text ($lang) has no cut marks"; fi
  w=$("$COLWIDTH" < "$TMP/out")
  if [ "$w" -le 80 ]; then ok "--plan text ($lang) fits 80 columns"; else not_ok "--plan text ($lang) fits 80 columns" "$w"; fi
  # [k], explained, as in every other report; never (*).
  expect_in "--plan text ($lang) marks kijun's reading with [k]" out "1.2-c [k]"
  if grep -qF '(*)' "$TMP/out"; then not_ok "--plan text ($lang) has no (*)"; else ok "--plan text ($lang) has no (*)"; fi
  expect_in "--plan text ($lang) explains [k]" out "[k] "
  run "$KIJUN" --lang=$lang --compare -q "$Q" "$TESTDATA/cycle-1.cfg" "$TESTDATA/cycle-2.cfg"
  expect_in "--compare text ($lang) marks kijun's reading with [k]" out "1.2-c [k]"
  if grep -qF '(*)' "$TMP/out"; then not_ok "--compare text ($lang) has no (*)"; else ok "--compare text ($lang) has no (*)"; fi
done
# 1.2-b had an overdue action in cycle 1 and is implemented in cycle 2: done.
run "$KIJUN" --lang=en --compare=json -q "$Q" "$TESTDATA/cycle-1.cfg" "$TESTDATA/cycle-2.cfg"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if all(x["question"] != "1.2-b" for x in d["overdue_plan"]) else 1)' "$TMP/out"; then
  ok "--compare does not list as not done a plan item whose question is now implemented"
else not_ok "--compare does not list as not done a plan item whose question is now implemented" "$(grep -A3 overdue "$TMP/out" | head)"; fi

# ---- times people read --------------------------------------------------------
TZ=Asia/Tokyo run "$KIJUN" --lang=ja --report -q "$Q" "$TESTDATA/cycle-2.cfg"
expect_in "ja: the start in the usual Japanese form, local, zone named" out "2026年11月10日 09:00 JST"
TZ=Asia/Tokyo run "$KIJUN" --lang=en --report -q "$Q" "$TESTDATA/cycle-2.cfg"
expect_in "en: the start as 10 Nov 2026 09:00 JST" out "10 Nov 2026 09:00 JST"
TZ=Europe/London run "$KIJUN" --lang=en --report -q "$Q" "$TESTDATA/cycle-2.cfg"
expect_in "in another zone, that zone's time and name" out "10 Nov 2026 00:00 GMT"
TZ=Asia/Tokyo run "$KIJUN" --lang=en --report=html -q "$Q" -o "$TMP/t.html" "$TESTDATA/cycle-2.cfg"
expect_in "HTML: the last answer in local time" t.html "12 Nov 2026"
if grep -q 'T[0-9][0-9]:[0-9][0-9]:[0-9][0-9][+Z]' "$TMP/t.html"; then not_ok "HTML shows no ISO 8601 times" "$(grep -o '[0-9-]*T[0-9:]*[+Z][0-9:]*' "$TMP/t.html" | head -3)"
else ok "HTML shows no ISO 8601 times"; fi
TZ=Asia/Tokyo run "$KIJUN" --report=json -q "$Q" "$TESTDATA/cycle-2.cfg"
expect_in "JSON keeps ISO 8601" out '"started": "2026-11-10T09:00:00+09:00"'

# ---- commands kijun prints work when pasted ----------------------------------
# Under make check-valgrind $KIJUN is a script that runs kijun under
# valgrind, so kijun is not invoked by the name the test gives.
if head -c 2 "$KIJUN" | grep -q '#!'; then
  ok "# SKIP not on the PATH: $KIJUN is a wrapper script"
  ok "# SKIP on the PATH: $KIJUN is a wrapper script"
else
run env PATH=/usr/bin:/bin "$KIJUN" --bogus
expect_in "not on the PATH: the hint names the program as invoked" err "Try '$KIJUN --help'"
mkdir -p "$TMP/bin"
ln -s "$KIJUN" "$TMP/bin/kijun"
run env PATH="$TMP/bin:/usr/bin:/bin" "$KIJUN" --bogus
expect_in "on the PATH: the hint says kijun" err "Try 'kijun --help'"
fi
if command -v script >/dev/null 2>&1; then
  cp "$TESTDATA/mini-answers.cfg" "$TMP/it's here.cfg"
  script -qec "env PATH=/usr/bin:/bin '$KIJUN' --report=html -q '$Q' \"$TMP/it's here.cfg\"" /dev/null > "$TMP/tty" 2>&1
  cmd=$(grep -F -- "-o report.html" "$TMP/tty" | tr -d '\r' | sed 's/^ *//')
  if (cd "$TMP" && env PATH=/usr/bin:/bin sh -c "$cmd") && grep -q "</html>" "$TMP/report.html"; then
    ok "the command printed instead of HTML on a terminal works when pasted (a name with a quote and a space)"
  else not_ok "the command printed instead of HTML on a terminal works when pasted (a name with a quote and a space)" "$cmd"; fi
fi

done_testing
