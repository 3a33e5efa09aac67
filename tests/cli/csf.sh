# NIST CSF 2.0 categories: --check validates a question's csf references
# (file, line, what was expected), a questionnaire of editions 1 and 2
# (csf = "GV") still loads, every bundled question names a category, and
# the reports and the aggregate show coverage by function and category.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
SRC=${KIJUN_SRCDIR:-.}
BUNDLED="$SRC/questionnaires/nisc-2023.cfg"
A="$TESTDATA/csf/nisc-two.cfg"

run "$KIJUN" --check="$BUNDLED"
expect_status "the bundled questionnaire checks clean" 0
nq=$(grep -c '^  { id = .*phase = ' "$BUNDLED")
mq=$(grep '^  { id = ' "$BUNDLED" | grep -c 'csf = ( "[A-Z][A-Z]\.[A-Z][A-Z]')
if [ "$nq" -gt 200 ] && [ "$nq" -eq "$mq" ]; then ok "every bundled question names a CSF category ($mq of $nq)"
else not_ok "every bundled question names a CSF category" "$mq of $nq"; fi

# Edition 1 still names functions alone.
run "$KIJUN" --check="$TESTDATA/nisc-2023.edition-1.cfg"
expect_status "an edition 1 questionnaire (csf = \"GV\") still checks clean" 0

fixture "$BUNDLED" "$TMP/bad.cfg"
line=$(grep -n '{ id = "2.1-a"' "$TMP/bad.cfg" | cut -d: -f1)
sed -i '/{ id = "2.1-a"/s/csf = ( [^)]* );/csf = ( "GV.OC", "GV.ZZ", "PR.DS-7" );/' "$TMP/bad.cfg"
run "$KIJUN" --check="$TMP/bad.cfg"
expect_status "an unknown category is bad data" 65
expect_in "it names file, line and the category" err "bad.cfg:$line: 'csf' in question '2.1-a' names \"GV.ZZ\", whose category is not a CSF 2.0 category; expected one of: GV.OC, GV.RM"
expect_in "a malformed subcategory is named with the expected form" err "names \"PR.DS-7\"; expected a CSF 2.0 function (GV), category (GV.OC) or subcategory (GV.OC-01)"

# ---- reports ------------------------------------------------------------------
# The answers file meets one PR.DS-11 question of two; the baseline
# questions naming PR.DS (the category, once a question) counted here from
# the file itself.
ds=$(grep '^  { id = .*level = "baseline".*csf = ( .*"PR\.DS' "$BUNDLED" | wc -l)
pr=$(grep '^  { id = .*level = "baseline".*csf = ( .*"PR\.' "$BUNDLED" | wc -l)
run "$KIJUN" --report "$A" -q "$BUNDLED"
expect_status "text report exits 0" 0
expect_in "text report has the CSF view" out "Coverage by NIST CSF 2.0 function and category"
expect_in "a category row with its figure" out "PR.DS Data security"
expect_in "PR.DS baseline: 1 of $ds met" out "(1/$ds)"
wide=$(sed -n '/^Coverage by NIST CSF/,/^$/p' "$TMP/out" | awk 'length($0) > 80' | head -1)
if [ -z "$wide" ]; then ok "the CSF view stays within 80 columns"; else not_ok "the CSF view stays within 80 columns" "$wide"; fi
run "$KIJUN" --lang ja --report "$A" -q "$BUNDLED"
expect_in "Japanese names the categories in Japanese" out "PR.DS データの保護"
run "$KIJUN" --report=csv "$A" -q "$BUNDLED"
expect_in "csv has a category row" out "csf_category,PR.DS,Data security,baseline,1,$ds,"
expect_in "csv has a function row" out "csf_function,PR,Protect,baseline,1,$pr,"
run "$KIJUN" --report=json "$A" -q "$BUNDLED"
expect_in "json has the CSF view" out '{ "scope": "csf_category", "id": "PR.DS", "name": "Data security", "baseline": { "met": 1, "applicable": '"$ds"
expect_in "json gives each answer its references" out '"csf_refs": [ "PR.DS-11" ]'
run "$KIJUN" --report=markdown "$A" -q "$BUNDLED"
expect_in "markdown has the CSF table" out "| PR.DS | Data security |"
expect_in "with its figure" out "(1/$ds) |"
run "$KIJUN" --report=html "$A" -q "$BUNDLED"
expect_in "html has the CSF chart" out "Coverage by NIST CSF 2.0 function and category"
run "$KIJUN" --aggregate=csv -q "$BUNDLED" "$A"
expect_in "the aggregate has category rows" out "csf_category,PR.DS,Data security,baseline,"

# ---- line mode -------------------------------------------------------------------
fixture "$A" "$TMP/line.cfg"
printf 'q\n' | "$KIJUN" --line --lang en -q "$BUNDLED" "$TMP/line.cfg" >"$TMP/out" 2>"$TMP/err"
expect_in "the line mode names the categories in words" out "NIST CSF 2.0: Govern: Organisational context (GV.OC)"

# ---- help -----------------------------------------------------------------------
run "$KIJUN" --help
expect_in "help explains CSF" out "NIST Cybersecurity Framework (CSF) 2.0"

done_testing
