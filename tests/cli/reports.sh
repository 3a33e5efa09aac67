# --report in every format and both languages, through the real binary.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"
A="$TESTDATA/mini-answers.cfg"

run "$KIJUN" --report=text "$A" -q "$Q"
expect_status "text report exits 0" 0
expect_in "text report states the formula" out "Coverage = met / applicable."
expect_in "text report shows baseline coverage with counts" out "40.0% (2/5)"

run "$KIJUN" --report=markdown "$A" -q "$Q"
expect_in "markdown report has a title" out "# kijun: baseline coverage report"
expect_in "markdown report has the phase table" out "| Plan | 100.0% (2/2) | n/a (0/0) |"

run "$KIJUN" --report=csv "$A" -q "$Q"
expect_in "csv report has the stable header" out "scope,id,title,level,met,applicable,percent,total"
expect_in "csv report has the overall baseline row" out "overall,mini,Test questionnaire,baseline,2,5,40.0,5"

run "$KIJUN" --report=json "$A" -q "$Q"
expect_in "json report names its schema" out '"schema": "kijun-report/1"'
expect_in "json report has the verdict" out '"verdict": "baseline_not_met"'

run "$KIJUN" --lang ja --report "$A" -q "$Q"
expect_status "Japanese text report exits 0" 0
expect_in "Japanese report shows Japanese questionnaire text" out "テスト用設問票"

run "$KIJUN" --lang=ja --report=csv "$A" -q "$Q"
expect_in "Japanese csv keeps the English header" out "scope,id,title,level,met,applicable,percent,total"
expect_in "Japanese csv carries Japanese titles" out "overall,mini,テスト用設問票,baseline"

LANG=ja_JP.UTF-8 LC_ALL= run "$KIJUN" --report=json "$A" -q "$Q"
expect_in "the language follows LANG" out '"language": "ja"'

LANGUAGE=en LANG=ja_JP.UTF-8 LC_ALL= run "$KIJUN" --report=json "$A" -q "$Q"
expect_in "LANGUAGE comes before LANG" out '"language": "en"'

LC_ALL=C run "$KIJUN" --lang ja --report=json "$A" -q "$Q"
expect_in "a non-UTF-8 terminal falls back to English" out '"language": "en"'

# A comma-decimal locale: machine-readable output stays in the C format
# (issue 10).
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  LC_ALL=de_DE.UTF-8 run "$KIJUN" --report=json "$A" -q "$Q"
  if python3 -m json.tool "$TMP/out" >/dev/null 2>&1; then ok "json report is valid JSON under de_DE.UTF-8"
  else not_ok "json report is valid JSON under de_DE.UTF-8" "$(grep percent "$TMP/out" | head -2)"; fi
  LC_ALL=de_DE.UTF-8 run "$KIJUN" --report=csv "$A" -q "$Q"
  expect_in "csv percent has a decimal point under de_DE.UTF-8" out "overall,mini,Test questionnaire,baseline,2,5,40.0,5"
  bad=$(tr -d '\r' < "$TMP/out" | awk -F, 'NR == 1 { n = NF } NF != n' | head -1)
  if [ -z "$bad" ]; then ok "every csv row has as many fields as the header under de_DE.UTF-8"
  else not_ok "every csv row has as many fields as the header under de_DE.UTF-8" "$bad"; fi
  LC_NUMERIC=de_DE.UTF-8 run "$KIJUN" --report=text "$A" -q "$Q"
  expect_in "LC_NUMERIC alone does not change the figures" out "40.0% (2/5)"
else
  ok "# SKIP the de_DE.UTF-8 locale is not installed"
fi

# The bundled questionnaire's own texts in every report's basis section
# (issue 26): what its questions rest on, with the guideline's status,
# and its answering rules, in English and Japanese.
QB="$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg"
printf 'kijun_answers = 1;\nquestionnaire = { id = "nisc-ci-2023"; version = "2023-07-04"; edition = 3; digest = "-"; };\n' > "$TMP/b.cfg"
for fmt in text markdown html; do
  run "$KIJUN" --lang=en --report=$fmt -q "$QB" "$TMP/b.cfg"
  expect_in "$fmt: what the questions rest on" out "What the questions rest on"
  expect_in "$fmt: the guideline's status" out "1 October 2026"
  expect_in "$fmt: the LG guideline's edition" out "March 2023 edition"
  expect_in "$fmt: the answering rules" out "How to answer: the questionnaire"
  expect_in "$fmt: the rule for events that did not happen" out "Events that did not happen"
  if [ "$KIJUN_NLS" = yes ]; then
    run "$KIJUN" --lang=ja --report=$fmt -q "$QB" "$TMP/b.cfg"
    expect_in "$fmt ja: what the questions rest on" out "設問の拠り所"
    expect_in "$fmt ja: the guideline's status" out "2026年10月1日"
    expect_in "$fmt ja: the answering rules" out "回答のきまり"
    expect_in "$fmt ja: the rule on contractors" out "委託先や外部サービスが行う対策"
  fi
done

done_testing
