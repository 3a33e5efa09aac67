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

done_testing
