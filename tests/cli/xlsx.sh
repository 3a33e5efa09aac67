# Excel workbooks (--report=xlsx, --plan=xlsx, --aggregate=xlsx): each is
# read back with an independent reader (python3-openpyxl) and its cells
# compared with the JSON output of the same command, in English and in
# Japanese, with hostile text (formula-like notes, control characters,
# bidi overrides) that must stay text.  Also -o/--output, the refusal to
# pour a workbook into a terminal, and the Excel CSV's byte order mark.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"
CHECK="$KIJUN_SRCDIR/tests/tools/xlsxcheck.py"

# The reader: Debian's python3-openpyxl, for the system python3.
PY=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done

# Hostile text in every field a workbook shows.
printf '%s\n' \
  'kijun_answers = 1;' \
  'questionnaire = { id = "mini"; version = "1"; digest = "sha256:8bb17b3851a76a7906d86c8a166e86576207914ad44e114c97ebfebd77c3071b"; };' \
  'profile = { organization = "=cmd|'"'"' /C calc'"'"'!A0"; sector = "water"; respondent = "@SUM(1+1)"; role = "-2+3"; started = "2026-11-22T10:00:00+09:00"; };' \
  'answers = (' \
  '  { question = "1.1-a"; status = "implemented"; evidence = "+1+2"; note = "=HYPERLINK(\"http://example.invalid\",\"click\")"; updated = "2026-11-22T10:01:00+09:00"; },' \
  '  { question = "1.1-b"; status = "partial"; note = "red\ttab evil"; updated = "2026-11-23T23:30:00Z";' \
  '    action = "=1+1"; owner = "@owner"; due = "2027-03-31"; },' \
  '  { question = "1.2-a"; status = "alternative"; note = "委託先の手順で代替\n二行目"; updated = "2026-11-22T10:02:00+09:00"; },' \
  '  { question = "1.2-b"; status = "not_implemented"; action = "毎日バックアップを取得する"; owner = "情報システム課"; due = "2026-03-31"; done = "2026-05-15"; },' \
  '  { question = "1.2-c"; status = "unknown"; }' \
  ');' > "$TMP/hostile.cfg"

# A file name is not checked as answers are: controls in it reach the
# workbook's cover, escaped.
HF="$TMP/hostile$(printf '\033')[31m$(printf '\001').cfg"
cp "$TMP/hostile.cfg" "$HF"

if [ -z "$PY" ]; then
  ok "# SKIP python3-openpyxl is not installed"
else
  for lang in en ja; do
    for f in "$TESTDATA/mini-answers.cfg" "$TESTDATA/cycle-1.cfg" "$HF"; do
      b=$(basename "$f" .cfg | tr -cd 'a-z0-9-')
      TZ=Asia/Tokyo run "$KIJUN" --lang="$lang" --report=xlsx -q "$Q" -o "$TMP/$b.$lang.xlsx" "$f"
      expect_status "--report=xlsx -o writes $b ($lang)" 0
      "$KIJUN" --lang="$lang" --report=json -q "$Q" "$f" > "$TMP/$b.$lang.json"
      "$KIJUN" --lang="$lang" --plan=json -q "$Q" "$f" > "$TMP/$b.$lang.plan.json"
      # TZ: times are shown in the reader's zone; the check converts too.
      if out=$(TZ=Asia/Tokyo "$PY" "$CHECK" report "$TMP/$b.$lang.xlsx" "$TMP/$b.$lang.json" "$TMP/$b.$lang.plan.json" 2>&1); then
        ok "report workbook of $b ($lang) matches its JSON report"
      else
        not_ok "report workbook of $b ($lang) matches its JSON report" "$out"
      fi
      # The plan, through standard output (a file, not a terminal).
      "$KIJUN" --lang="$lang" --plan=xlsx -q "$Q" "$f" > "$TMP/$b.$lang.plan.xlsx"
      if out=$("$PY" "$CHECK" plan "$TMP/$b.$lang.plan.xlsx" "$TMP/$b.$lang.plan.json" 2>&1); then
        ok "plan workbook of $b ($lang) matches its JSON plan"
      else
        not_ok "plan workbook of $b ($lang) matches its JSON plan" "$out"
      fi
    done
    # The aggregate, with a title and names.
    mkdir -p "$TMP/agg"
    cp -R "$TESTDATA/agg/." "$TMP/agg/"
    cp "$TMP/hostile.cfg" "$TMP/agg/"
    run "$KIJUN" --lang="$lang" --aggregate=xlsx --names --title='=Water ISAC 2026' -q "$Q" -o "$TMP/agg.$lang.xlsx" "$TMP/agg"
    expect_status "--aggregate=xlsx exits 1 as files were left out ($lang)" 1
    "$KIJUN" --lang="$lang" --aggregate=json --names --title='=Water ISAC 2026' -q "$Q" "$TMP/agg" > "$TMP/agg.$lang.json" 2>/dev/null
    if out=$("$PY" "$CHECK" aggregate "$TMP/agg.$lang.xlsx" "$TMP/agg.$lang.json" 2>&1); then
      ok "aggregate workbook ($lang) matches its JSON"
    else
      not_ok "aggregate workbook ($lang) matches its JSON" "$out"
    fi
  done
  # Japanese sheet names and headings.
  if "$PY" -c 'import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); sys.exit(0 if wb.sheetnames[1]=="回答" and wb["回答"]["A1"].value=="設問" else 1)' "$TMP/mini-answers.ja.xlsx"; then
    ok "the Japanese workbook's sheets and headings are Japanese"
  else
    not_ok "the Japanese workbook's sheets and headings are Japanese"
  fi
fi

# A workbook, HTML or JSON is never poured into a terminal.
if command -v script >/dev/null 2>&1; then
  for fmt in xlsx html json; do
    script -qec "\"$KIJUN\" --report=$fmt -q \"$Q\" \"$TESTDATA/mini-answers.cfg\"" /dev/null > "$TMP/tty" 2>&1
    st=$?
    if [ "$st" -eq 2 ] && grep -q -- "-o report.$fmt" "$TMP/tty" && ! grep -q '<html\|"schema"\|PK' "$TMP/tty"; then
      ok "--report=$fmt on a terminal says how to write the file instead"
    else
      not_ok "--report=$fmt on a terminal says how to write the file instead" "status $st" "$(head -c 400 "$TMP/tty")"
    fi
  done
  script -qec "\"$KIJUN\" --report -q \"$Q\" \"$TESTDATA/mini-answers.cfg\"" /dev/null > "$TMP/tty" 2>&1
  if grep -q "Baseline coverage" "$TMP/tty"; then ok "the text report is still shown in a terminal"
  else not_ok "the text report is still shown in a terminal" "$(head -c 300 "$TMP/tty")"; fi
fi

# -o replaces the file whole, and a failure leaves the old one.
echo old > "$TMP/r.html"
run "$KIJUN" --report=html -q "$Q" -o "$TMP/r.html" "$TESTDATA/mini-answers.cfg"
expect_status "-o writes the HTML report" 0
expect_in "-o's file holds the report" r.html "</html>"
run "$KIJUN" --report=html -q "$Q" --output="$TMP/no/such/dir/r.html" "$TESTDATA/mini-answers.cfg"
expect_status "-o into a missing folder fails with 73" 73
expect_in "and names the file" err "no/such/dir/r.html"
run "$KIJUN" --check="$Q" -o "$TMP/x"
expect_status "-o with --check is bad usage" 2

# --report html (a space for '=') suggests --report=html.
run "$KIJUN" --report html "$TESTDATA/mini-answers.cfg"
expect_status "--report html FILE is bad usage" 2
expect_in "and suggests --report=html" err "--report=html"

# --report without a file reads the default answers file.
mkdir -p "$TMP/xdg/kijun"
cp "$TESTDATA/mini-answers.cfg" "$TMP/xdg/kijun/answers.cfg"
XDG_DATA_HOME="$TMP/xdg" run "$KIJUN" --report -q "$Q"
expect_status "--report without a file uses the default answers file" 0
expect_in "the default file's report" out "CISO"

# Excel's CSV: a byte order mark, then the machine CSV unchanged.
"$KIJUN" --report=csv -q "$Q" "$TESTDATA/mini-answers.cfg" > "$TMP/m.csv"
"$KIJUN" --report=excel-csv -q "$Q" "$TESTDATA/mini-answers.cfg" > "$TMP/x.csv"
if [ "$(head -c 3 "$TMP/x.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && tail -c +4 "$TMP/x.csv" | cmp -s - "$TMP/m.csv" \
   && [ "$(head -c 3 "$TMP/m.csv" | od -An -tx1 | tr -d ' ')" != efbbbf ]; then
  ok "--report=excel-csv is the CSV with a byte order mark; --report=csv has none"
else
  not_ok "--report=excel-csv is the CSV with a byte order mark; --report=csv has none"
fi
for mode in --plan --aggregate; do
  if [ "$mode" = --aggregate ]; then arg="$TESTDATA/agg"; else arg="$TESTDATA/mini-answers.cfg"; fi
  "$KIJUN" "$mode=excel-csv" -q "$Q" "$arg" 2>/dev/null | head -c 3 | od -An -tx1 | tr -d ' ' > "$TMP/bom"
  if [ "$(cat "$TMP/bom")" = efbbbf ]; then ok "$mode=excel-csv starts with a byte order mark"
  else not_ok "$mode=excel-csv starts with a byte order mark"; fi
done
run "$KIJUN" --compare=xlsx -q "$Q" "$TESTDATA/cycle-1.cfg" "$TESTDATA/cycle-2.cfg"
expect_status "--compare=xlsx is refused" 2

done_testing
