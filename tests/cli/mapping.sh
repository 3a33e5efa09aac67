# kijun --check of mapping files (kijun-mapping(5)): the questionnaires
# as extra files or found installed, problems named by file and line, and
# the exit statuses of kijun(1).
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
E="$TESTDATA/editions"
M="$E/shop-to-next.cfg"

run "$KIJUN" --check "$M" "$E/shop-3.cfg" "$E/next.cfg"
expect_status "a valid mapping with its two questionnaires exits 0" 0
expect_empty "a valid mapping is silent" out
expect_empty "a valid mapping prints no error" err

run env KIJUN_QUESTIONNAIRE_DIR="$E" "$KIJUN" --check "$M"
expect_status "installed questionnaires are found by id, the newest edition first" 0
expect_empty "found installed: no error" err

run env KIJUN_QUESTIONNAIRE_DIR="$TMP" "$KIJUN" --check "$M"
expect_status "a mapping whose questionnaires are not installed exits 66" 66
expect_in "the missing questionnaire is named with the way out" err "$M:4: the questionnaire 'shop' that 'from' names is not installed; expected its file as an extra argument"

run "$KIJUN" --check "$M" "$E/shop-2.cfg" "$E/next.cfg"
expect_status "a mapping checked against an older edition exits 65" 65
expect_in "the unknown id is named with its entry and line" err "$M:12: map entry 4 names 'b-disclose' in 'from', which is not a question of 'shop' version 1"

sed 's/relation = "subset";$/relation = "equal";/' "$M" > "$TMP/m.cfg"
run "$KIJUN" --check "$TMP/m.cfg" "$E/shop-3.cfg" "$E/next.cfg"
expect_status "equal with two sources exits 65" 65
expect_in "the count rule is named" err "map entry 3 is \"equal\" but maps 2 question(s) to 1; expected one question on each side"

run "$KIJUN" --check "$M" "$E/shop-3.cfg" "$E/next.cfg" "$TESTDATA/mini.cfg"
expect_status "a questionnaire the mapping does not name is bad usage" 2
expect_in "the extra file is named" err "$TESTDATA/mini.cfg: this is questionnaire 'mini', which the mapping does not name"

run "$KIJUN" --check "$TESTDATA/mini.cfg" "$E/next.cfg"
expect_status "extra files with a questionnaire are bad usage" 2
expect_in "and say why" err "extra files are for checking a mapping"

run "$KIJUN" --check "$M" "$TMP/none.cfg"
expect_status "a missing questionnaire file exits 66" 66

run "$KIJUN" --lang=ja --check "$TMP/m.cfg" "$E/shop-3.cfg" "$E/next.cfg"
expect_status "in Japanese too, exit 65" 65
if [ "$KIJUN_NLS" = yes ]; then
  expect_in "the message is in Japanese" err "3 番目の対応"
fi

# --migrate: a new answers file for the target, a summary, never over a file.
run "$KIJUN" --lang=en --migrate="$E/shop-to-next.cfg" "$E/shop-1-answers.cfg" "$TMP/next.cfg" "$E/shop-3.cfg" "$E/next.cfg"
expect_status "--migrate exits 0" 0
expect_in "it prints a summary" out "4 questions of next received an answer; 4 of them to reconfirm"
expect_in "it names the unmapped answers" out "1 answer not mapped, kept in the new file's retired list"
expect_in "it warns of the answer it could not place" err "question 'zz-local' is not one of questionnaire 'shop'"
run "$KIJUN" --lang=en --report=json "$TMP/next.cfg" --questionnaire "$E/next.cfg"
expect_status "the new file reads back" 0
expect_in "with the retired answers in the report" out '"question": "b2-doc", "status": "not_applicable"'
before=$(cksum < "$TMP/next.cfg")
run "$KIJUN" --lang=en --migrate="$E/shop-to-next.cfg" "$E/shop-1-answers.cfg" "$TMP/next.cfg" "$E/shop-3.cfg" "$E/next.cfg"
expect_status "--migrate onto an existing file exits 73" 73
expect_in "and says why" err "the file exists; kijun --migrate never writes over a file"
if [ "$before" = "$(cksum < "$TMP/next.cfg")" ]; then ok "the existing file is untouched"; else not_ok "the existing file is untouched"; fi
run "$KIJUN" --migrate="$E/shop-to-next.cfg" "$E/shop-1-answers.cfg"
expect_status "--migrate without the new file is bad usage" 2
run "$KIJUN" --migrate="$E/shop-to-next.cfg" "$E/shop-1-answers.cfg" "$TMP/x.cfg" "$E/next.cfg" "$E/next.cfg"
expect_status "--migrate without the source questionnaire exits 66" 66
expect_in "and names it" err "the questionnaire 'shop' that 'from' names is not installed"

# ---- issue 21 ------------------------------------------------------------------
# equal joins two questions into one across entries: refused.
sed 's/{ from = ( "b-disclose" ); to = ( "R-2" ); relation = "superset";/{ from = ( "b-disclose" ); to = ( "G-1" ); relation = "equal";/' "$M" > "$TMP/m-join.cfg"
run "$KIJUN" --check "$TMP/m-join.cfg" "$E/shop-3.cfg" "$E/next.cfg"
expect_status "equal pairs joining two questions into one across entries exit 65" 65
expect_in "... named with both entries" err "map entry 4 says 'b-disclose' equals 'G-1', and map entry 1 at line 7 says 'a1' equals 'G-1'"
# A mapping from a questionnaire to itself.
sed 's/^to = { id = "next"; version = "2026"; };/to = { id = "shop"; version = "1"; };/' "$M" > "$TMP/m-self.cfg"
run "$KIJUN" --check "$TMP/m-self.cfg" "$E/shop-3.cfg" "$E/shop-3.cfg"
expect_status "a mapping from a questionnaire to itself exits 65" 65
expect_in "... and says so" err "m-self.cfg:5: 'from' and 'to' both name questionnaire 'shop' version 1"

# Questionnaires that share an id: an answer the mapping does not carry is
# kept as QID:ID, never reported as the new questionnaire's question no
# longer asked.
sed 's/id = "R-3"/id = "t1"/' "$E/next.cfg" > "$TMP/next-t1.cfg"
printf 'kijun_answers = 1;\nquestionnaire = { id = "shop"; version = "1"; edition = 3; };\nprofile = { organization = "Shop"; };\nanswers = (\n  { question = "a1"; status = "implemented"; },\n  { question = "t1"; status = "partial"; note = "training"; }\n);\n' > "$TMP/shared.cfg"
run "$KIJUN" --migrate "$M" "$TMP/shared.cfg" "$TMP/shared-next.cfg" "$E/shop-3.cfg" "$TMP/next-t1.cfg"
expect_status "--migrate between questionnaires sharing an id exits 0" 0
run "$KIJUN" --report -q "$TMP/next-t1.cfg" "$TMP/shared-next.cfg"
expect_in "... the uncarried answer is kept as shop:t1" out "shop:t1  Partially implemented"
# (t1 may be listed among the questions no answer reached: "  t1  [level] ...".)
if grep -q '^  t1  [^[]' "$TMP/out"; then not_ok "... and next's own t1 is not said to be no longer asked" "$(grep -n t1 "$TMP/out")"
else ok "... and next's own t1 is not said to be no longer asked"; fi

done_testing
