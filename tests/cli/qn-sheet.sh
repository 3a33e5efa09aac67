# kijun --export-questionnaire=csv and --import-questionnaire: a
# questionnaire as a spreadsheet and back (kijun-questionnaire(5),
# "Spreadsheets"): the bundled questionnaire survives the round trip
# (same digest, same sheet), with or without a byte order mark, with LF or
# CRLF rows, and every problem of a sheet names its row and column.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg"

# digest QUESTIONNAIRE: its digest, as a report of an empty assessment shows it.
printf 'kijun_answers = 1;\nquestionnaire = { id = "nisc-ci-2023"; version = "2023-07-04"; };\nanswers = ( );\n' > "$TMP/a.cfg"
digest() { "$KIJUN" --report=json "$TMP/a.cfg" --questionnaire "$1" | grep '"digest"'; }

run "$KIJUN" --export-questionnaire=csv "$Q"
expect_status "--export-questionnaire=csv exits 0" 0
cp "$TMP/out" "$TMP/q.csv"
if head -c 3 "$TMP/q.csv" | od -An -tx1 | grep -q 'ef bb bf'; then ok "the sheet starts with a UTF-8 byte order mark (for Excel)"; else not_ok "the sheet starts with a UTF-8 byte order mark (for Excel)"; fi
expect_in "the first row names the columns" out "kind,id,item,item_title_ja,item_title_en,phase,level,level_basis,level_note_ja,level_note_en,csf,applies,revision,was,text_ja,text_en,hint_ja,hint_en,scope_no_ja,scope_no_en"
expect_in "one row per question, with its item's title" out 'question,2.1-a,2.1,策定目的,Purpose,'
if [ "$(grep -c '^question,' "$TMP/q.csv")" -eq "$(grep -c '^  { id = "[0-9.]*-[a-z]"; section' "$Q")" ]; then ok "every question has its row"; else not_ok "every question has its row" "$(grep -c '^question,' "$TMP/q.csv") rows"; fi

run "$KIJUN" --import-questionnaire="$TMP/q.csv" "$TMP/back.cfg"
expect_status "--import-questionnaire exits 0" 0
expect_empty "and is silent" err
run "$KIJUN" --check "$TMP/back.cfg"
expect_status "the questionnaire written passes --check" 0
if [ -n "$(digest "$Q")" ] && [ "$(digest "$Q")" = "$(digest "$TMP/back.cfg")" ]; then ok "export then import gives back the same questionnaire (digest)"; else not_ok "export then import gives back the same questionnaire (digest)" "$(digest "$Q")" "$(digest "$TMP/back.cfg")"; fi
"$KIJUN" --export-questionnaire=csv "$TMP/back.cfg" > "$TMP/q2.csv"
if cmp -s "$TMP/q.csv" "$TMP/q2.csv"; then ok "and the same sheet, field by field"; else not_ok "and the same sheet, field by field" "$(diff "$TMP/q.csv" "$TMP/q2.csv" | head -5)"; fi

# As other programs save it: no byte order mark, LF rows, every cell quoted.
tail -c +4 "$TMP/q.csv" | sed 's/\r$//' > "$TMP/lf.csv"
run "$KIJUN" --import-questionnaire="$TMP/lf.csv" "$TMP/lf.cfg"
expect_status "a sheet without BOM, LF rows, imports" 0
if [ "$(digest "$Q")" = "$(digest "$TMP/lf.cfg")" ]; then ok "to the same questionnaire"; else not_ok "to the same questionnaire"; fi
if command -v python3 >/dev/null; then
  python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],encoding="utf-8-sig",newline=""))); csv.writer(open(sys.argv[2],"w",encoding="utf-8",newline=""),quoting=csv.QUOTE_ALL,lineterminator="\r\n").writerows([x[::-1] for x in r])' "$TMP/q.csv" "$TMP/all.csv"
  run "$KIJUN" --import-questionnaire="$TMP/all.csv" "$TMP/all.cfg"
  expect_status "every cell quoted, columns in another order: imports" 0
  if [ "$(digest "$Q")" = "$(digest "$TMP/all.cfg")" ]; then ok "to the same questionnaire"; else not_ok "to the same questionnaire"; fi
fi

before=$(cksum < "$TMP/back.cfg")
run "$KIJUN" --import-questionnaire="$TMP/q.csv" "$TMP/back.cfg"
expect_status "never over an existing file: exit 73" 73
if [ "$before" = "$(cksum < "$TMP/back.cfg")" ]; then ok "the existing file is untouched"; else not_ok "the existing file is untouched"; fi

# Problems, each by row and column, all in one pass.  edit IN OUT N:COLUMN=VALUE...
# sets cells of the Nth question row and prints the row number (as a
# spreadsheet counts them) of the first question.
edit() {
  python3 - "$@" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
h = rows[0]
qs = [i for i, r in enumerate(rows) if r[0] == "question"]
for e in sys.argv[3:]:
    n, rest = e.split(":", 1)
    col, val = rest.split("=", 1)
    rows[qs[int(n) - 1]][h.index(col)] = val
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\r\n").writerows(rows)
print(qs[0] + 1)
PY
}
if command -v python3 >/dev/null; then
row1=$(edit "$TMP/q.csv" "$TMP/bad.csv" 1:phase=doo 2:revision=two 3:csf=XX)
run "$KIJUN" --lang=en --import-questionnaire="$TMP/bad.csv" "$TMP/bad.cfg"
expect_status "a bad sheet exits 65" 65
expect_in "a bad phase: row and column, in --check's words" err "$TMP/bad.csv: row $row1, column phase: 'phase' in question '2.1-a' is \"doo\"; expected one of: plan, do, check, act"
expect_in "a revision that is not a number" err "row $((row1 + 1)), column revision: 'revision' in question"
expect_in "an unknown CSF function" err "row $((row1 + 2)), column csf:"
if [ -e "$TMP/bad.cfg" ]; then not_ok "nothing is written for a bad sheet"; else ok "nothing is written for a bad sheet"; fi

edit "$TMP/q.csv" "$TMP/bad2.csv" 2:id=2.1-a 3:item=9.9 4:text_en= 5:kind=questoin >/dev/null
run "$KIJUN" --lang=en --import-questionnaire="$TMP/bad2.csv" "$TMP/bad2.cfg"
expect_status "a sheet with problems of its own exits 65" 65
expect_in "an id given twice names both rows" err "row $((row1 + 1)), column id: '2.1-a' is given twice (first in row $row1)"
expect_in "an item no item row defines" err "row $((row1 + 2)), column item: \"9.9\" is not the id of any item row"
expect_in "one language missing names the empty cell" err "row $((row1 + 3)), column text_en: empty, but its other language is given"
expect_in "an unknown kind of row" err "row $((row1 + 4)), column kind: \"questoin\" is not a kind of row"

run "$KIJUN" --lang=ja --import-questionnaire="$TMP/bad.csv" "$TMP/bad.cfg"
expect_status "in Japanese too, exit 65" 65
if [ "$KIJUN_NLS" = yes ]; then
  expect_in "the place is in Japanese" err "$row1 行目、列 phase"
fi
fi

printf 'kind,id,text_en\nsetting,id,"x\n' > "$TMP/open.csv"
run "$KIJUN" --lang=en --import-questionnaire="$TMP/open.csv" "$TMP/open.cfg"
expect_status "an unclosed quote exits 65" 65
expect_in "and is named" err "row 2, column 3: a quoted field is not closed"
printf 'kind,id,colour\n' > "$TMP/col.csv"
run "$KIJUN" --lang=en --import-questionnaire="$TMP/col.csv" "$TMP/col.cfg"
expect_status "an unknown column exits 65" 65
expect_in "and is named" err "row 1, column 3: \"colour\" is not a column kijun reads"
printf 'kind,id,text_en\nsector,x,\xff\n' > "$TMP/u.csv"
run "$KIJUN" --lang=en --import-questionnaire="$TMP/u.csv" "$TMP/u.cfg"
expect_status "invalid UTF-8 exits 65" 65
expect_in "and is named" err "row 2, column 3: not valid UTF-8"

{ echo "kind,id,text_ja,text_en"; i=0; while [ $i -lt 20001 ]; do echo "sector,s$i,x,y"; i=$((i + 1)); done; } > "$TMP/big.csv"
run "$KIJUN" --lang=en --import-questionnaire="$TMP/big.csv" "$TMP/big.cfg"
expect_status "a sheet of more rows than any questionnaire exits 65" 65
expect_in "and says how many it takes" err "the sheet has 20002 rows; expected at most 20000"

run "$KIJUN" --export-questionnaire=xml "$Q"
expect_status "an unknown export format is bad usage" 2
run "$KIJUN" --import-questionnaire="$TMP/q.csv"
expect_status "--import-questionnaire without the new file is bad usage" 2
run "$KIJUN" --import-questionnaire="$TMP/none.csv" "$TMP/none.cfg"
expect_status "a missing sheet exits 66" 66

done_testing
