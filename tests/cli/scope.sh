# Scope questions (kijun-questionnaire(5), "Scope"): --check refuses a bad
# scope list or applies with the file and line; a question out of scope
# leaves the figures of every report format, with its reason, in English
# and Japanese; answering the scope question again brings its kept answer
# back; --next-cycle carries the scope answers and --merge refuses
# conflicting ones; the bundled questionnaire's conditions validate and
# govern the questions they name.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/scope.cfg"

run "$KIJUN" --check "$Q"
expect_status "scope.cfg is valid" 0
expect_empty "and --check says nothing" err

# bad_q NAME SED TEXT: scope.cfg changed by SED is refused with TEXT.
bad_q() {
  sed "$2" "$Q" > "$TMP/$1.cfg"
  run "$KIJUN" --check "$TMP/$1.cfg"
  expect_status "$1: --check exits 65" 65
  expect_in "$1: says \"$3\"" err "$3"
}
bad_q unknown-scope 's/applies = "internet";/applies = "intranet";/' \
  "unknown-scope.cfg:29: 'applies' in question '2-b' names 'intranet', which is not in 'scope'; expected one of: ot, internet, telework"
bad_q twice 's/{ id = "telework";/{ id = "ot";/' \
  "twice.cfg:15: scope question id 'ot' is used twice (first at line 11); expected unique ids"
bad_q not-a-word 's/{ id = "telework";/{ id = "Tele work";/' \
  "not-a-word.cfg:15: scope question id 'Tele work' is not a word"
bad_q no-reason 's/    no = { ja = "制御システムなし"; en = "no control systems"; }; },/ },/' \
  "no-reason.cfg:11: scope question 'ot' has no 'no'"
bad_q wrong-type 's/applies = "internet";/applies = 3;/' \
  "wrong-type.cfg:29: 'applies' in question '2-b' is not a string or a list"
sed '/^scope = (/,/^);/d' "$Q" > "$TMP/no-list.cfg"
run "$KIJUN" --check "$TMP/no-list.cfg"
expect_status "applies without a scope list: --check exits 65" 65
expect_in "and says the list is missing" err "but the questionnaire has no 'scope' list"

# An assessment of an operator without control systems.
cat > "$TMP/a.cfg" <<'A'
kijun_answers = 1;
questionnaire = { id = "scope-test"; version = "1"; };
profile = { organization = "テスト電力"; scope = { ot = "no"; internet = "yes"; }; };
answers = (
  { question = "1-a"; status = "implemented"; },
  { question = "2-a"; status = "not_implemented"; note = "未着手"; },
  { question = "2-b"; status = "implemented"; },
  { question = "2-c"; status = "implemented"; }
);
A
run "$KIJUN" --report --lang en -q "$Q" "$TMP/a.cfg"
expect_status "report: exits 0" 0
expect_in "report: the baseline without the questions out of scope" out "Baseline coverage     100.0% (2/2)"
expect_in "report: the verdict is met" out "Baseline met"
expect_in "report: a scope section" out "Scope of the assessment"
expect_in "report: the scope answer" out "No            Does your organisation operate control systems (OT)?"
expect_in "report: the count" out "2 questions are not in scope and are left out of every figure"
expect_in "report: the reason" out "not in scope: no control systems"
expect_in "report: the answer kept" out "2-a  [Baseline] Not implemented"
for fmt in markdown csv json html; do
  run "$KIJUN" --report=$fmt --lang en -q "$Q" "$TMP/a.cfg"
  expect_in "$fmt: the reason" out "not in scope: no control systems"
done
run "$KIJUN" --report=csv --lang en -q "$Q" "$TMP/a.cfg"
expect_in "csv: the baseline without them" out "overall,scope-test,Scope test,baseline,2,2,100.0,2,"
expect_in "csv: a row for the question out of scope" out "not_in_scope,2-a,not in scope: no control systems,baseline,,,,1,0,0,1,"
expect_in "csv: a row for the scope answer" out "scope_question,ot,Does your organisation operate control systems (OT)?: no"
cols=$(awk -F, '{ print NF }' "$TMP/out" | sort -u | tr '\n' ' ')
if [ "$cols" = "17 " ]; then ok "csv: every row has the header's 17 columns"; else not_ok "csv: every row has the header's 17 columns" "$cols"; fi
run "$KIJUN" --report=json --lang en -q "$Q" "$TMP/a.cfg"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
a = {x["question"]: x for x in d["answers"]}
assert d["scope"]["out_of_scope"] == ["2-a", "2-d"], d["scope"]
assert d["scope"]["answers"][0] == {"id": "ot", "answer": "no", "asked": True, "question": "Does your organisation operate control systems (OT)?"}
assert a["2-a"]["in_scope"] is False and a["2-a"]["met"] is None and a["2-a"]["note"] == "未着手"
assert "in_scope" not in a["2-b"]
assert d["overall"]["baseline"]["applicable"] == 2
' "$TMP/out"; then ok "json: scope, out_of_scope, in_scope and the figures"; else not_ok "json: scope, out_of_scope, in_scope and the figures"; fi
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  run "$KIJUN" --report --lang ja -q "$Q" "$TMP/a.cfg"
  expect_in "ja: the reason" out "対象外: 制御システムなし"
  expect_in "ja: the scope section" out "評価の対象範囲"
  run "$KIJUN" --report=html --lang ja -q "$Q" "$TMP/a.cfg"
  expect_in "ja html: the reason" out "対象外: 制御システムなし"
else
  ok "# SKIP Japanese: built with --disable-nls"
fi

run "$KIJUN" --report=oscal --lang en -q "$Q" "$TMP/a.cfg"
if python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["assessment-results"]["results"][0]
assert [f["title"] for f in r["findings"]] == ["1-a", "2-b", "2-c"], r["findings"]
ex = r["reviewed-controls"]["control-selections"][0]["exclude-controls"]
assert ex == [{"control-id": "item-2", "statement-ids": ["item-2_obj.a", "item-2_obj.d"]}], ex
' "$TMP/out"; then ok "oscal: the questions out of scope are excluded, with no finding"
else not_ok "oscal: the questions out of scope are excluded, with no finding" "$(head -c 300 "$TMP/out")"; fi

# Answered again: the kept answer counts again.
sed 's/ot = "no"/ot = "yes"/' "$TMP/a.cfg" > "$TMP/b.cfg"
run "$KIJUN" --report --lang en -q "$Q" "$TMP/b.cfg"
expect_in "yes again: the answer kept counts again" out "Baseline coverage     50.0% (2/4)"
expect_in "yes again: and is unmet" out "2-a  [Do] Not implemented"
if grep -qF "not in scope" "$TMP/out"; then not_ok "yes again: nothing is out of scope"; else ok "yes again: nothing is out of scope"; fi

# --compare: a question that left the scope is in none of its lists.
run "$KIJUN" --compare --lang en -q "$Q" "$TMP/b.cfg" "$TMP/a.cfg"
expect_status "--compare, control systems answered no since: exits 0" 0
expect_in "and 2-a and 2-d are not still unmet" out "Still not met (0)"
expect_in "and the baseline is the new figure" out "100.0% (2/2)"

# --compare states the scope change, the questions that left the figures
# and why, in every format; and the other way round, those that came back.
expect_in "--compare: the scope change" out "Scope changes (1)"
expect_in "--compare: the old and new answer" out "Yes -> No  Does your organisation operate control systems (OT)?"
expect_in "--compare: the questions that left the figures" out "Left the figures: out of scope now (2)"
expect_in "--compare: with the reason" out "not in scope: no control systems"
run "$KIJUN" --compare --lang en -q "$Q" "$TMP/a.cfg" "$TMP/b.cfg"
expect_in "--compare the other way: they came back" out "Back in the figures: in scope again (2)"
expect_in "--compare the other way: why they were out" out "in scope again (before: not in scope: no control systems)"
for fmt in markdown csv json html; do
  run "$KIJUN" --compare=$fmt --lang en -q "$Q" "$TMP/b.cfg" "$TMP/a.cfg"
  expect_in "--compare=$fmt: the reason" out "not in scope: no control systems"
done
run "$KIJUN" --compare=csv --lang en -q "$Q" "$TMP/b.cfg" "$TMP/a.cfg"
expect_in "--compare=csv: a row for the scope change" out "scope_changed,ot,,,,,,,,,yes,no,"
expect_in "--compare=csv: a row for a question that left" out "left_scope,2-a,baseline,,,,,,,,not_implemented,not_implemented,"
run "$KIJUN" --compare=json --lang en -q "$Q" "$TMP/b.cfg" "$TMP/a.cfg"
if python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["scope_changes"]
assert s["answers"] == [{"id": "ot", "question": "Does your organisation operate control systems (OT)?", "old": "yes", "new": "no"}], s
assert [x["question"] for x in s["left"]] == ["2-a", "2-d"] and s["entered"] == [], s
assert s["left"][0]["reason"] == "not in scope: no control systems", s
' "$TMP/out"; then ok "--compare=json: scope_changes"; else not_ok "--compare=json: scope_changes" "$(head -c 400 "$TMP/out")"; fi
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  run "$KIJUN" --compare --lang ja -q "$Q" "$TMP/b.cfg" "$TMP/a.cfg"
  expect_in "--compare ja: the scope change" out "対象範囲の変更 (1)"
fi

# The plan states the scope too, in every format: the questions out of
# scope are not in it, and it says which and why.
run "$KIJUN" --plan --lang en -q "$Q" "$TMP/a.cfg"
expect_status "--plan: exits 0" 0
expect_in "--plan: a scope section" out "Scope of the assessment"
expect_in "--plan: the scope answer" out "No            Does your organisation operate control systems (OT)?"
expect_in "--plan: the reason" out "not in scope: no control systems"
for fmt in markdown csv json html; do
  run "$KIJUN" --plan=$fmt --lang en -q "$Q" "$TMP/a.cfg"
  expect_in "--plan=$fmt: the reason" out "not in scope: no control systems"
done
run "$KIJUN" --plan=csv --lang en -q "$Q" "$TMP/a.cfg"
expect_in "--plan=csv: a row for the scope answer" out "ot,,,,no,false,scope_question,"
expect_in "--plan=csv: a row for the question out of scope" out "2-a,2,do,baseline,not_implemented,false,not_in_scope,"
run "$KIJUN" --plan=json --lang en -q "$Q" "$TMP/a.cfg"
if python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["scope"]
assert s["out_of_scope"] == ["2-a", "2-d"], s
assert s["reasons"][0] == {"question": "2-a", "reason": "not in scope: no control systems"}, s
' "$TMP/out"; then ok "--plan=json: the scope and its reasons"; else not_ok "--plan=json: the scope and its reasons" "$(head -c 400 "$TMP/out")"; fi

# The aggregate: how many files answered each scope question how, and
# which questions left the figures of how many files, with the reason.
mkdir -p "$TMP/agg"
cp "$TMP/a.cfg" "$TMP/agg/a.cfg"
sed 's/テスト電力/B/' "$TMP/b.cfg" > "$TMP/agg/b.cfg"
sed 's/テスト電力/C/; s/internet = "yes";/internet = "no";/' "$TMP/a.cfg" > "$TMP/agg/c.cfg"
run "$KIJUN" --aggregate --lang en -q "$Q" "$TMP/agg/a.cfg" "$TMP/agg/b.cfg" "$TMP/agg/c.cfg"
expect_status "--aggregate: exits 0" 0
expect_in "--aggregate: a scope section" out "Scope of the assessment"
expect_in "--aggregate: the answers to a scope question" out "Yes 1 · No 2 · Not answered 0"
expect_in "--aggregate: a question out of scope in some files" out "2-a  [Baseline] out of scope in 2 of 3 files"
expect_in "--aggregate: its reason" out "not in scope: no control systems"
expect_in "--aggregate: another" out "2-b  [Baseline] out of scope in 1 of 3 files"
for fmt in markdown csv json html; do
  run "$KIJUN" --aggregate=$fmt --lang en -q "$Q" "$TMP/agg/a.cfg" "$TMP/agg/b.cfg" "$TMP/agg/c.cfg"
  expect_in "--aggregate=$fmt: the reason" out "not in scope: no internet-facing services"
done
run "$KIJUN" --aggregate=csv --lang en -q "$Q" "$TMP/agg/a.cfg" "$TMP/agg/b.cfg" "$TMP/agg/c.cfg"
expect_in "--aggregate=csv: the files that answered no" out "scope_no,ot,Does your organisation operate control systems (OT)?,,2,"
expect_in "--aggregate=csv: the files a question left" out "not_in_scope,2-a,not in scope: no control systems,baseline,2,"
cols=$(python3 -c 'import csv,sys; print(sorted({len(r) for r in csv.reader(open(sys.argv[1]))}))' "$TMP/out")
if [ "$cols" = "[29]" ]; then ok "--aggregate=csv: every row has the header's columns"; else not_ok "--aggregate=csv: every row has the header's columns" "$cols"; fi
run "$KIJUN" --aggregate=json --lang en -q "$Q" "$TMP/agg/a.cfg" "$TMP/agg/b.cfg" "$TMP/agg/c.cfg"
if python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["scope"]
assert s["questions"][0] == {"id": "ot", "question": "Does your organisation operate control systems (OT)?", "yes": 1, "no": 2, "unanswered": 0}, s
assert s["questions"][2]["unanswered"] == 3, s
assert [(x["question"], x["files"]) for x in s["out_of_scope"]] == [("2-a", 2), ("2-b", 1), ("2-d", 2)], s
' "$TMP/out"; then ok "--aggregate=json: the scope counts"; else not_ok "--aggregate=json: the scope counts" "$(head -c 400 "$TMP/out")"; fi
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  run "$KIJUN" --aggregate --lang ja -q "$Q" "$TMP/agg/a.cfg" "$TMP/agg/b.cfg" "$TMP/agg/c.cfg"
  expect_in "--aggregate ja: the scope section" out "評価の対象範囲"
  expect_in "--aggregate ja: the reason" out "対象外: 制御システムなし"
fi

# The workbooks (report, plan, aggregate) have a scope sheet.
PY=
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
if [ -n "$PY" ]; then
  "$KIJUN" --report=xlsx --lang en -q "$Q" "$TMP/a.cfg" > "$TMP/r.xlsx"
  "$KIJUN" --plan=xlsx --lang en -q "$Q" "$TMP/a.cfg" > "$TMP/p.xlsx"
  "$KIJUN" --aggregate=xlsx --lang en -q "$Q" "$TMP/agg/a.cfg" "$TMP/agg/b.cfg" "$TMP/agg/c.cfg" > "$TMP/g.xlsx"
  for x in r p g; do
    if "$PY" -c '
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["Scope of the assessment"]
cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
assert "not in scope: no control systems" in cells, cells
assert "2-a" in cells, cells
' "$TMP/$x.xlsx"; then ok "$x.xlsx: a scope sheet with the reason"; else not_ok "$x.xlsx: a scope sheet with the reason"; fi
  done
  if "$PY" -c '
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["Answers"]
rows = {r[0]: r for r in ws.iter_rows(values_only=True)}
assert rows["2-a"][6] == "not in scope" and rows["2-a"][7] == "not in scope: no control systems", rows["2-a"]
' "$TMP/r.xlsx"; then ok "r.xlsx: the answers sheet says a question is not in scope, and why"
  else not_ok "r.xlsx: the answers sheet says a question is not in scope, and why"; fi
else
  ok "# SKIP python3-openpyxl is not installed"
fi

# Golden text of the scope sections of --plan, --compare and --aggregate,
# in both languages (KIJUN_UPDATE_GOLDEN=1 writes them). Run from
# tests/data so that file names are relative (make check fixes today's
# date with SOURCE_DATE_EPOCH).
G="$KIJUN_SRCDIR/tests/golden"
for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP golden ja: built with --disable-nls"; continue; fi
  for what in plan compare agg; do
    case $what in
      plan) set -- --plan scope-answers/a.cfg ;;
      compare) set -- --compare scope-answers/b.cfg scope-answers/a.cfg ;;
      agg) set -- --aggregate scope-answers ;;
    esac
    (cd "$TESTDATA" && TZ=UTC "$KIJUN" --lang $lang "$1" -q scope.cfg "$2" ${3:+"$3"}) \
      > "$TMP/scope-$what.$lang.txt" 2>/dev/null
    if [ -n "${KIJUN_UPDATE_GOLDEN:-}" ]; then cp "$TMP/scope-$what.$lang.txt" "$G/scope-$what.$lang.txt"; fi
    if cmp -s "$TMP/scope-$what.$lang.txt" "$G/scope-$what.$lang.txt"; then ok "golden scope $what $lang"
    else not_ok "golden scope $what $lang" "$(diff "$G/scope-$what.$lang.txt" "$TMP/scope-$what.$lang.txt" | head -20)"; fi
  done
done

# A bad scope answer: one line with the file and line; the file untouched.
sed 's/ot = "no"/ot = "nope"/' "$TMP/a.cfg" > "$TMP/bad.cfg"
run "$KIJUN" --report -q "$Q" "$TMP/bad.cfg"
expect_status "a bad scope answer: exits 65" 65
expect_in "and names the file and line" err "bad.cfg:3: 'ot' in 'scope' of 'profile' is \"nope\"; expected one of: yes, no"

# The next cycle carries the scope answers, and an unknown one is kept.
sed 's/internet = "yes";/internet = "yes"; wireless = "no";/' "$TMP/a.cfg" > "$TMP/c.cfg"
run "$KIJUN" --report -q "$Q" "$TMP/c.cfg"
expect_in "an unknown scope answer: a word that it is kept" err "c.cfg:3: scope question 'wireless' is not one of questionnaire 'scope-test'; its answer is kept"
run "$KIJUN" --next-cycle -q "$Q" "$TMP/c.cfg" "$TMP/next.cfg"
expect_status "--next-cycle: exits 0" 0
if grep -qF 'scope = { ot = "no"; internet = "yes"; wireless = "no"; };' "$TMP/next.cfg"; then
  ok "--next-cycle: the scope answers go along, the unknown one too"
else not_ok "--next-cycle: the scope answers go along, the unknown one too" "$(grep scope "$TMP/next.cfg")"; fi
if grep -qF 'note = "未着手"' "$TMP/next.cfg"; then ok "--next-cycle: the answer out of scope goes along"
else not_ok "--next-cycle: the answer out of scope goes along"; fi

# A merge: agreeing answers are kept; conflicting ones are refused.
sed 's/ot = "no"; internet = "yes";/ot = "no";/; s/status = "implemented"; },$/status = "partial"; },/' "$TMP/a.cfg" > "$TMP/d.cfg"
run "$KIJUN" --merge="$TMP/m.cfg" -q "$Q" "$TMP/a.cfg" "$TMP/d.cfg"
expect_status "--merge of agreeing scope answers: exits 0" 0
if grep -qF 'scope = { ot = "no"; internet = "yes"; };' "$TMP/m.cfg"; then ok "--merge: the scope answers merged"
else not_ok "--merge: the scope answers merged" "$(grep scope "$TMP/m.cfg")"; fi
run "$KIJUN" --merge="$TMP/m2.cfg" -q "$Q" "$TMP/a.cfg" "$TMP/b.cfg"
expect_status "--merge of conflicting scope answers: exits 65" 65
expect_in "and says which" err "the inputs give different answers to scope question 'ot': no (a.cfg); yes (b.cfg)"
if [ -e "$TMP/m2.cfg" ]; then not_ok "and writes nothing"; else ok "and writes nothing"; fi
run "$KIJUN" --merge="$TMP/m3.cfg" --profile-from="$TMP/b.cfg" -q "$Q" "$TMP/a.cfg" "$TMP/b.cfg"
expect_status "--profile-from settles it" 0
if grep -qF 'scope = { ot = "yes"; internet = "yes"; };' "$TMP/m3.cfg"; then ok "with that input's scope answers"
else not_ok "with that input's scope answers" "$(grep scope "$TMP/m3.cfg")"; fi

# The line mode asks the scope questions after the profile's fields and
# says why a question is out of scope.
printf '\n\n\n\nn\nx\n\n\ng 2-a\nq\n' > "$TMP/lines"
run sh -c '"$KIJUN" --line --lang en -q "$1" "$2" < "$3"' sh "$Q" "$TMP/line.cfg" "$TMP/lines"
expect_status "line mode: exits 0" 0
expect_in "line mode: asks the scope question" out "Does your organisation operate control systems (OT)? (y yes, n no) [Not answered]:"
expect_in "line mode: refuses an answer that is not y or n" out "Type y for yes, n for no, - to clear, or Enter to keep it."
expect_in "line mode: says what is out of scope" out "2 questions are out of scope now"
expect_in "line mode: the question says why" out "not in scope: no control systems (left out of the figures"
if grep -qF 'scope = { ot = "no"; };' "$TMP/line.cfg"; then ok "line mode: the scope answer is saved"
else not_ok "line mode: the scope answer is saved" "$(grep scope "$TMP/line.cfg")"; fi

# The bundled questionnaire: its conditions validate (check-bundled.sh),
# and with every scope question answered no, exactly the questions with an
# applies member are out of scope.
B="$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg"
ids=$(sed -n 's/^  { id = "\([a-z_]*\)"; ja = .*/\1/p' "$B" | sed '/^[0-9]/d')
nscope=$(echo $ids | wc -w)
if [ "$nscope" -ge 4 ]; then ok "the bundled questionnaire declares $nscope scope questions"; else not_ok "the bundled questionnaire declares scope questions" "$ids"; fi
napplies=$(grep -c ' applies = ' "$B")
{
  printf 'kijun_answers = 1;\nquestionnaire = { id = "nisc-ci-2023"; version = "2023-07-04"; };\nprofile = { scope = {'
  for i in $ids; do printf ' %s = "no";' "$i"; done
  printf ' }; };\n'
} > "$TMP/n.cfg"
run "$KIJUN" --report=json --lang ja -q "$B" "$TMP/n.cfg"
expect_status "the bundled questionnaire, every scope answered no: exits 0" 0
got=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["scope"]["out_of_scope"]))' "$TMP/out")
if [ "$got" = "$napplies" ] && [ "$napplies" -ge 20 ]; then ok "and its $napplies questions with applies are out of scope"
else not_ok "and its questions with applies are out of scope" "$got out of scope, $napplies with applies"; fi

# 5.1.3.6-b (patching internet-facing devices such as VPN appliances)
# stays in the figures of an organisation that allows remote access even
# when it answers internet no, and leaves them only when both are no
# (NEWS, edition 3, Scope).
bundled_with() {
  printf 'kijun_answers = 1;\nquestionnaire = { id = "nisc-ci-2023"; version = "2023-07-04"; };\nprofile = { scope = { %s }; };\n' "$1" > "$TMP/s.cfg"
  run "$KIJUN" --report=json --lang en -q "$B" "$TMP/s.cfg"
}
bundled_with 'internet = "no"; remote = "yes";'
if python3 -c 'import json,sys; assert "5.1.3.6-b" not in json.load(open(sys.argv[1]))["scope"]["out_of_scope"]' "$TMP/out"
then ok "5.1.3.6-b: in scope with internet no and remote yes"; else not_ok "5.1.3.6-b: in scope with internet no and remote yes"; fi
bundled_with 'internet = "no"; remote = "no";'
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
a = {x["question"]: x for x in d["answers"]}
assert "5.1.3.6-b" in d["scope"]["out_of_scope"]
assert a["5.1.3.6-b"]["scope_reason"] == "not in scope: no systems reachable from the internet, no telework or remote access", a["5.1.3.6-b"]
assert "5.1.3.6-h" not in d["scope"]["out_of_scope"] and "5.1.3.6-i" not in d["scope"]["out_of_scope"]
' "$TMP/out"; then ok "5.1.3.6-b: out of scope with both no, saying both; 5.1.3.6-h and -i stay"
else not_ok "5.1.3.6-b: out of scope with both no, saying both; 5.1.3.6-h and -i stay"; fi

done_testing
