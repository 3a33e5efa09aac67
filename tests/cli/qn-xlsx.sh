# kijun --export-questionnaire=xlsx (kijun-questionnaire(5),
# "Spreadsheets"): the bundled questionnaire as an Excel workbook, read by
# an independent reader (python3-openpyxl): the same columns and rows as
# the CSV sheet, every question in both languages; saved from it as CSV
# (as one does from Excel), --import-questionnaire gives back the same
# questionnaire (digest).  Never written to a terminal.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg"
PY=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
printf 'kijun_answers = 1;\nquestionnaire = { id = "nisc-ci-2023"; version = "2023-07-04"; };\nanswers = ( );\n' > "$TMP/a.cfg"
digest() { "$KIJUN" --report=json "$TMP/a.cfg" --questionnaire "$1" | grep '"digest"'; }

run "$KIJUN" --export-questionnaire=xlsx "$Q"
expect_status "--export-questionnaire=xlsx exits 0" 0
cp "$TMP/out" "$TMP/q.xlsx"
"$KIJUN" --export-questionnaire=csv "$Q" >"$TMP/q.csv"
"$KIJUN" --export-questionnaire=xlsx "$Q" >"$TMP/q2.xlsx"
if [ -z "$PY" ]; then
  for t in "the workbook opens" "the same table as the CSV sheet" "every question in both languages" "saved as CSV, it imports to the same questionnaire"; do
    ok "$t # SKIP python3-openpyxl is not installed"
  done
else
  if "$PY" - "$TMP/q.xlsx" "$TMP/q.csv" "$Q" "$TMP/from-xlsx.csv" >"$TMP/py" 2>&1 <<'PY'
import csv, io, re, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[wb.sheetnames[0]]
rows = [["" if c is None else str(c) for c in r] for r in ws.iter_rows(values_only=True)]
sheet = list(csv.reader(io.open(sys.argv[2], encoding="utf-8-sig", newline="")))
print("opened", wb.sheetnames)
if rows != sheet:
    for i, (a, b) in enumerate(zip(rows, sheet)):
        if a != b:
            print("row", i + 1, "differs:", a[:4], b[:4]); break
    print("rows", len(rows), len(sheet)); sys.exit(2)
ids = re.findall(r'^  \{ id = "([0-9.]*-[a-z])"; section', io.open(sys.argv[3], encoding="utf-8").read(), re.M)
col = {n: i for i, n in enumerate(rows[0])}
q = {r[col["id"]]: r for r in rows[1:] if r[col["kind"]] == "question"}
missing = [i for i in ids if i not in q or not q[i][col["text_ja"]] or not q[i][col["text_en"]]]
if missing or len(ids) < 200:
    print("questions missing or without both texts:", len(ids), missing[:5]); sys.exit(3)
# As Excel saves "CSV UTF-8": a byte order mark, CRLF rows.
with io.open(sys.argv[4], "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
PY
  then ok "the workbook opens"; ok "the same table as the CSV sheet"; ok "every question in both languages"
  else
    st=$?
    [ $st -eq 1 ] && not_ok "the workbook opens" "$(head -c 600 "$TMP/py")" || ok "the workbook opens"
    [ $st -eq 2 ] && not_ok "the same table as the CSV sheet" "$(head -c 600 "$TMP/py")" || ok "the same table as the CSV sheet"
    [ $st -eq 3 ] && not_ok "every question in both languages" "$(head -c 600 "$TMP/py")" || ok "every question in both languages"
  fi
  run "$KIJUN" --import-questionnaire="$TMP/from-xlsx.csv" "$TMP/back.cfg"
  if [ "$status" -eq 0 ] && [ -n "$(digest "$Q")" ] && [ "$(digest "$Q")" = "$(digest "$TMP/back.cfg")" ]; then
    ok "saved as CSV, it imports to the same questionnaire"
  else not_ok "saved as CSV, it imports to the same questionnaire" "status $status" "$(head -c 400 "$TMP/err")"; fi
fi
# A second export (libxlsxwriter stamps the time in the workbook's
# properties, so the bytes are not compared).
if [ -s "$TMP/q2.xlsx" ]; then ok "a second export writes a workbook too"; else not_ok "a second export writes a workbook too"; fi
run "$KIJUN" --export-questionnaire=ods "$Q"
expect_status "an unknown format is bad usage" 2
expect_in "... naming the formats" err "csv, xlsx"
if command -v script >/dev/null 2>&1; then
  script -qec "$KIJUN --export-questionnaire=xlsx $Q" /dev/null >"$TMP/tty" 2>&1
  if grep -q "not shown in a terminal" "$TMP/tty" && ! grep -q "PK" "$TMP/tty"; then ok "never written to a terminal"
  else not_ok "never written to a terminal" "$(head -c 300 "$TMP/tty")"; fi
fi
# No temporary file for the workbook: said, with the reason, and exit 73.
# Under make check-valgrind $KIJUN is a wrapper script running valgrind,
# which needs TMPDIR itself and fails before kijun starts.
if head -c 2 "$KIJUN" | grep -q '#!'; then
  ok "# SKIP no temporary file: $KIJUN is a wrapper script"
  ok "# SKIP ... and says why: $KIJUN is a wrapper script"
else
run env TMPDIR=/nonexistent "$KIJUN" --export-questionnaire=xlsx "$Q"
expect_status "no temporary file: exit 73" 73
expect_in "... and says why" err "cannot make the workbook's temporary file"
fi
done_testing
