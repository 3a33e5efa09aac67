# --aggregate: figures checked against an independent computation over
# each file's own --report=json, the files left out (malformed, another
# questionnaire, unreadable, a symbolic link loop), duplicates, names,
# exit statuses, and the golden reports in every format, both languages.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"
G="$KIJUN_SRCDIR/tests/golden"

# ---- a generated set, and the figures computed another way ----------------
if command -v python3 >/dev/null 2>&1; then
  mkdir -p "$TMP/set/deep/er"
  python3 - "$TMP/set" <<'PY'
import random, sys
random.seed(15)
digest = "sha256:8bb17b3851a76a7906d86c8a166e86576207914ad44e114c97ebfebd77c3071b"
qs = ["1.1-a", "1.1-b", "1.2-a", "1.2-b", "1.2-c", "1.2-d", "1.3-a", "1.3-b"]
sts = [None, "implemented", "partial", "not_implemented", "alternative", "not_applicable", "unknown"]
for k in range(23):
    d = sys.argv[1] + ("/deep/er" if k % 3 == 0 else "/deep" if k % 3 == 1 else "")
    sector = ["water", "gas", None][k % 3]
    with open("%s/org-%02d.cfg" % (d, k), "w") as f:
        f.write('kijun_answers = 1;\nquestionnaire = { id = "mini"; version = "1"; digest = "%s"; };\n' % digest)
        f.write('profile = { organization = "Org %d";%s };\nanswers = (\n' % (k, ' sector = "%s";' % sector if sector else ""))
        rows = []
        for q in qs:
            s = random.choice(sts)
            if s is None:
                continue
            note = '; note = "why"' if s in ("alternative", "not_applicable") and random.random() < 0.6 else ""
            rows.append('  { question = "%s"; status = "%s"%s; }' % (q, s, note))
        f.write(",\n".join(rows) + "\n);\n")
PY
  : > "$TMP/per-file.json"
  for f in $(find "$TMP/set" -name '*.cfg' | sort); do
    "$KIJUN" --report=json -q "$Q" "$f" > "$TMP/one.json" || not_ok "report on $f"
    python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$TMP/one.json" >> "$TMP/per-file.json"
  done
  run "$KIJUN" --aggregate=csv -q "$Q" "$TMP/set"
  expect_status "a clean set aggregates with status 0" 0
  expect_empty "a clean set says nothing on stderr" err
  tr -d '\r' < "$TMP/out" > "$TMP/agg.csv"
  python3 - "$TMP/per-file.json" "$TMP/agg.csv" > "$TMP/check" <<'PY'
import csv, json, math, sys
reports = [json.loads(l) for l in open(sys.argv[1])]
rows = list(csv.DictReader(open(sys.argv[2])))
bad = []
def expect(what, got, want):
    if str(got) != str(want):
        bad.append("%s: got %s, expected %s" % (what, got, want))
def fig(t):
    return "" if t["percent"] is None else "%.1f" % t["percent"]
def five(values):
    v = sorted(values)
    if not v:
        return [""] * 5
    out = []
    for p in (0, .25, .5, .75, 1):
        rank = max(1, math.ceil(len(v) * p))
        out.append("%.1f" % v[rank - 1])
    return out
def row(scope, id_, level="baseline"):
    for r in rows:
        if r["scope"] == scope and r["id"] == id_ and r["level"] == level:
            return r
    bad.append("no row %s %s %s" % (scope, id_, level))
    return None
n = len(reports)
r = row("overall", "mini")
expect("files", r["files"], n)
expect("baseline met files", r["baseline_met_files"], sum(x["verdict"] == "baseline_met" for x in reports))
# Three verdicts: an unfinished assessment is not yet decided, never not met.
expect("not yet decided files", r["not_yet_decided_files"], sum(x["verdict"] == "incomplete" for x in reports))
expect("baseline not met files", r["baseline_not_met_files"],
       sum(x["verdict"] == "baseline_not_met" and "reconfirm" not in x["verdict_label"] for x in reports))
# The distributions are of the decided assessments only.
undecided = sum(x["verdict"] == "incomplete" for x in reports)
expect("left out of the distribution", r["not_yet_decided_left_out"], undecided)
if not undecided or undecided == n:
    bad.append("the set should mix decided and undecided assessments (%d of %d undecided)" % (undecided, n))
decided = [x for x in reports if x["verdict"] != "incomplete"]
vals = [x["overall"]["baseline"]["percent"] for x in decided if x["overall"]["baseline"]["percent"] is not None]
expect("overall quartiles", [r[k] for k in ("min", "q1", "median", "q3", "max")], five(vals))
expect("pooled met", r["met"], sum(x["overall"]["baseline"]["met"] for x in reports))
for ph in ("plan", "do", "check", "act"):
    r = row("phase", ph)
    vals = [p["baseline"]["percent"] for x in decided for p in x["phases"] if p["id"] == ph and p["baseline"]["percent"] is not None]
    expect("phase " + ph, [r[k] for k in ("min", "q1", "median", "q3", "max")], five(vals))
for sec in ("1.1", "1.2", "1.3"):
    r = row("section", sec)
    vals = [s["baseline"]["percent"] for x in decided for s in x["sections"] if s["id"] == sec and s["baseline"]["percent"] is not None]
    expect("item " + sec, [r[k] for k in ("min", "q1", "median", "q3", "max")], five(vals))
for sector in ("water", "gas", ""):
    got = [r for r in rows if r["scope"] == "sector" and r["id"] == sector]
    want = [x for x in reports if (x["profile"]["sector"] or "") == sector]
    expect("sector " + sector, got[0]["files"] if got else 0, len(want))
order = []
for r in rows:
    if r["scope"] != "question":
        continue
    ans = [a for x in reports for a in x["answers"] if a["question"] == r["id"]]
    expect("question %s met" % r["id"], r["met"], sum(a["met"] is True for a in ans))
    expect("question %s applicable" % r["id"], r["applicable"], sum(a["met"] is not None for a in ans))
    for st in ("implemented", "partial", "not_implemented", "alternative", "not_applicable", "unknown", "unanswered"):
        expect("question %s %s" % (r["id"], st), r[st], sum(a["status"] == st for a in ans))
    app = int(r["applicable"])
    order.append((0 if r["level"] == "baseline" else 1, int(r["met"]) / app if app else 2))
expect("questions least met first", order, sorted(order))
print("\n".join(bad) if bad else "same")
PY
  if [ "$(cat "$TMP/check")" = same ]; then ok "aggregate figures equal those computed from each file's own report"
  else not_ok "aggregate figures equal those computed from each file's own report" "$(head -20 "$TMP/check")"; fi
  if python3 -c 'import csv, sys; sys.exit(len(set(len(r) for r in csv.reader(open(sys.argv[1])))) != 1)' "$TMP/agg.csv"; then
    ok "every CSV row has as many fields as the header"
  else not_ok "every CSV row has as many fields as the header"; fi
  run "$KIJUN" --aggregate=json -q "$Q" "$TMP/set"
  if python3 -m json.tool "$TMP/out" >/dev/null 2>&1; then ok "aggregate JSON is valid"
  else not_ok "aggregate JSON is valid" "$(head -c 400 "$TMP/out")"; fi
  expect_in "JSON names its schema" out '"schema": "kijun-aggregate/1"'
  expect_in "JSON counts the files" out '"aggregated": 23'
  if grep -q 'Org 1' "$TMP/out"; then not_ok "no organisation name without --names"; else ok "no organisation name without --names"; fi
  run "$KIJUN" --aggregate=json --names -q "$Q" "$TMP/set"
  expect_in "--names lists the organisations" out '"organization": "Org 12"'
  run "$KIJUN" --aggregate=html -q "$Q" "$TMP/set"
  expect_status "HTML aggregate exits 0" 0
  if python3 "$KIJUN_SRCDIR/tests/tools/htmlcheck.py" "$TMP/out" >"$TMP/hc" 2>&1; then ok "HTML aggregate passes the strict checker"
  else not_ok "HTML aggregate passes the strict checker" "$(head -5 "$TMP/hc")"; fi
  if command -v tidy >/dev/null 2>&1; then
    if tidy -q -e "$TMP/out" >"$TMP/tidy" 2>&1; then ok "HTML aggregate passes tidy with no warnings"
    else not_ok "HTML aggregate passes tidy with no warnings" "$(head -5 "$TMP/tidy")"; fi
  else ok "# SKIP tidy is not installed"; fi
else
  ok "# SKIP python3 is not installed"
fi

# ---- a folder with problems ---------------------------------------------------
mkdir -p "$TMP/mixed/sub"
cp "$TESTDATA/agg/water-a.cfg" "$TESTDATA/agg/water-b.cfg" "$TMP/mixed/"
cp "$TESTDATA/agg/sub/broken.cfg" "$TESTDATA/agg/other.cfg" "$TMP/mixed/sub/"
# The same organisation, its name typed another way (full-width letters,
# another case, an ideographic space and blanks around it).
sed 's/"Minami Water"/" ＭＩＮＡＭＩ　 water "/' "$TESTDATA/agg/water-b.cfg" > "$TMP/mixed/sub/copy-of-b.cfg"
printf 'kijun_answers = 1;\nquestionnaire = { id = "mini"\n' > "$TMP/mixed/sub/syntax.cfg"
ln -s .. "$TMP/mixed/sub/up"
ln -s self.cfg "$TMP/mixed/self.cfg"
cp "$TESTDATA/agg/water-a.cfg" "$TMP/mixed/.hidden.cfg"
cp "$TESTDATA/agg/water-a.cfg" "$TMP/mixed/sub/notes.txt"
sed 's/Kita Water/Locked Water/' "$TESTDATA/agg/water-a.cfg" > "$TMP/mixed/locked.cfg"
chmod 000 "$TMP/mixed/locked.cfg"
run "$KIJUN" --aggregate=csv -q "$Q" "$TMP/mixed"
expect_status "files left out: exit status 1, the aggregate still written" 1
expect_in "the malformed file is named with its line" err "sub/broken.cfg:6: status \"done\""
expect_in "a libconfig syntax error is named with its line" err "sub/syntax.cfg:3:"
expect_in "another questionnaire's file is named with its line" err "sub/other.cfg:3: these answers belong to questionnaire 'shop' version 1"
expect_in "a symbolic link loop is reported, not followed" err "sub/up: symbolic link loop"
expect_in "a link to itself is reported" err "self.cfg: cannot open"
expect_in "the duplicate organisation is reported" err "2 files name the same organisation; each is counted:"
expect_in "with each of its files" err "  $TMP/mixed/sub/copy-of-b.cfg: organisation"
expect_in "with each of its files (the other)" err "  $TMP/mixed/water-b.cfg: organisation"
if [ "$(id -u)" -eq 0 ]; then
  ok "# SKIP root reads files whatever their permissions: the unreadable file is read"
  n_expected=4
else
  expect_in "the unreadable file is left out with its error" err "locked.cfg: cannot open"
  n_expected=3
fi
expect_in "the good files are aggregated, the hidden and .txt ones not taken" out "overall,mini,Test questionnaire,baseline,$n_expected,"
expect_in "CSV lists the files left out" out "left_out,$TMP/mixed/sub/broken.cfg,"
expect_in "CSV lists the duplicates" out "duplicate,$TMP/mixed/sub/copy-of-b.cfg,1"
expect_in "CSV lists each file of a duplicate" out "duplicate,$TMP/mixed/water-b.cfg,1"
chmod 600 "$TMP/mixed/locked.cfg"

rm "$TMP/mixed/sub/up" "$TMP/mixed/self.cfg"
run "$KIJUN" --aggregate -q "$Q" --pattern='*.txt' "$TMP/mixed"
expect_status "--pattern chooses the files taken from folders" 0
expect_in "--pattern=*.txt takes notes.txt only" out "Files aggregated         1"

mkdir -p "$TMP/empty"
run "$KIJUN" --aggregate -q "$Q" "$TMP/empty"
expect_status "no answers file found: exit status 66" 66
expect_in "no answers file found: said so" err "no answers file found"
run "$KIJUN" --aggregate -q "$Q" "$TMP/mixed/sub/broken.cfg"
expect_status "nothing could be aggregated: exit status 65" 65
expect_empty "nothing could be aggregated: no report" out
run "$KIJUN" --aggregate -q "$Q"
expect_status "--aggregate without a path is bad usage" 2
run "$KIJUN" --aggregate=pdf -q "$Q" "$TMP/set"
expect_status "an unknown aggregate format is bad usage" 2
run "$KIJUN" --names -q "$Q" "$TESTDATA/mini-answers.cfg"
expect_status "--names without --aggregate is bad usage" 2

# ---- inputs that cannot vanish, duplicates told apart, a title ----------------
mkdir -p "$TMP/usb"
cp -R "$TESTDATA/agg/." "$TMP/usb/"
fixture "$TESTDATA/mini-answers.cfg" "$TMP/usb/NAHA-2026.CFG"
echo notes > "$TMP/usb/readme.txt"
fixture "$TESTDATA/mini-answers.cfg" "$TMP/usb/.old-copy.cfg"
: > "$TMP/usb/.water-a.cfg.lock"
: > "$TMP/usb/.water-a.cfg.kijun-tmp-AbC123"
run "$KIJUN" --lang=en --aggregate=json --title='Water ISAC, FY2026' -q "$Q" "$TMP/usb"
expect_in "a file named *.CFG in capitals is aggregated" out '"aggregated": 5'
expect_in "a file whose name does not match is listed as skipped, with why" out '"reason": "its name does not match *.cfg; not read"'
expect_in "a hidden file is listed as skipped" out '.old-copy.cfg'
if grep -q 'kijun-tmp\|\.lock' "$TMP/out" "$TMP/err"; then not_ok "kijun's own lock and temporary files are not listed"
else ok "kijun's own lock and temporary files are not listed"; fi
expect_in "skipped files are named on stderr too" err "skipped: $TMP/usb/readme.txt"
expect_in "a duplicate names its organisation on stderr" err "organisation Minami Water"
expect_in "a duplicate gives each file's size" err "bytes"
expect_in "a duplicate gives each file's last answer or says there is none" err "no answer yet"
expect_in "JSON details the duplicates" out '"details": [ { "file": '
expect_in "--title is the JSON title" out '"title": "Water ISAC, FY2026"'
expect_in "JSON counts the undecided organisations" out '"not_yet_decided": '
run "$KIJUN" --lang=en --aggregate --title='Water ISAC, FY2026' -q "$Q" "$TMP/usb"
expect_in "--title heads the text report" out "Water ISAC, FY2026"
expect_in "the text report counts the undecided" out "Not yet decided"
if tr '\n' ' ' < "$TMP/out" | tr -s ' ' | grep -q "are left out of these figures"; then
  ok "the text report says the undecided are left out of the distributions"
else not_ok "the text report says the undecided are left out of the distributions"; fi
w=$("$COLWIDTH" < "$TMP/out")
if [ "$w" -le 80 ]; then ok "the English aggregate text fits 80 columns"
else not_ok "the English aggregate text fits 80 columns" "widest line: $w"; fi
run "$KIJUN" --lang=ja --aggregate --title='水道ISAC 2026年度' -q "$Q" "$TMP/usb"
w=$("$COLWIDTH" < "$TMP/out")
if [ "$w" -le 80 ]; then ok "the Japanese aggregate text fits 80 columns"
else not_ok "the Japanese aggregate text fits 80 columns" "widest line: $w"; fi
expect_in "the Japanese text says 判定保留" out "判定保留"
run "$KIJUN" --title=x -q "$Q" "$TESTDATA/mini-answers.cfg"
expect_status "--title without --aggregate is bad usage" 2

# ---- files left out: plain words in printed reports, detail on stderr ----------
run "$KIJUN" --lang=en --aggregate -q "$Q" "$TESTDATA/agg"
if tr '\n' ' ' < "$TMP/out" | tr -s ' ' | grep -qF "answers another questionnaire (shop version 1)"; then
  ok "the text report says in plain words why a file was left out"
else not_ok "the text report says in plain words why a file was left out"; fi
if grep -qF -- "--questionnaire FILE" "$TMP/out"; then not_ok "no command-line jargon in the printed report"
else ok "no command-line jargon in the printed report"; fi
expect_in "the technical detail is on standard error" err "(or give the other questionnaire with --questionnaire FILE)"
run "$KIJUN" --lang=en --aggregate=json -q "$Q" "$TESTDATA/agg"
expect_in "JSON keeps the detail and adds the plain reason" out '"reason": "answers another questionnaire (shop version 1)"'

# ---- the sector year on year: --compare of two folders -------------------------
mkdir -p "$TMP/y2025" "$TMP/y2026"
mk() { # FILE ORGANISATION STATUS...: answers to 1.1-a, 1.2-a, 1.2-b, 1.2-c, 1.3-a
  f=$1 org=$2; shift 2
  {
    echo 'kijun_answers = 1;'
    echo 'questionnaire = { id = "mini"; version = "1"; digest = "sha256:8bb17b3851a76a7906d86c8a166e86576207914ad44e114c97ebfebd77c3071b"; };'
    echo "profile = { organization = \"$org\"; sector = \"water\"; };"
    echo 'answers = ('
    i=0
    for q in 1.1-a 1.2-a 1.2-b 1.2-c 1.3-a; do
      i=$((i + 1)); st=$(eval echo "\${$i}")
      [ "$st" = - ] && continue
      echo "  { question = \"$q\"; status = \"$st\"; },"
    done
    echo '  { question = "1.1-b"; status = "implemented"; }'
    echo ');'
  } > "$f"
}
mk "$TMP/y2025/a.cfg" "Sapporo Water" implemented not_implemented implemented implemented implemented
mk "$TMP/y2025/b.cfg" "Kobe Water" implemented implemented implemented implemented implemented
mk "$TMP/y2025/c.cfg" "ＮＡＨＡ　水道" implemented - - - -
mk "$TMP/y2026/a2.cfg" "sapporo  water" implemented implemented implemented implemented implemented
mk "$TMP/y2026/c.cfg" "naha 水道" implemented implemented not_implemented implemented implemented
mk "$TMP/y2026/d.cfg" "Sendai Water" implemented implemented implemented implemented implemented
run "$KIJUN" --lang=en --compare=json --names -q "$Q" "$TMP/y2025" "$TMP/y2026"
expect_status "--compare of two folders compares the sector" 0
python3 - "$TMP/out" > "$TMP/check" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
bad = []
def expect(what, got, want):
    if got != want:
        bad.append("%s: got %r, expected %r" % (what, got, want))
expect("schema", d["schema"], "kijun-aggregate-compare/1")
both = {o["organization"]: o for o in d["organizations"]}
expect("matched by folded names", sorted(both), ["naha 水道", "sapporo  water"])
s = both.get("sapporo  water", {})
expect("Sapporo's movement", (s.get("verdict_before"), s.get("verdict_after"), s.get("baseline_percent_before"),
                              s.get("baseline_percent_after"), s.get("change")),
       ("baseline_not_met", "baseline_met", 80.0, 100.0, 20.0))
n = both.get("naha 水道", {})
expect("an unfinished one then is not yet decided, not failed", n.get("verdict_before"), "not_yet_decided")
expect("entered", [o["organization"] for o in d["entered"]], ["Sendai Water"])
expect("left", [o["organization"] for o in d["left"]], ["Kobe Water"])
expect("verdicts before", (d["before"]["baseline_met"], d["before"]["baseline_not_met"], d["before"]["not_yet_decided"]), (1, 1, 1))
expect("verdicts after", (d["after"]["baseline_met"], d["after"]["baseline_not_met"], d["after"]["not_yet_decided"]), (2, 1, 0))
expect("undecided left out of the distribution before", d["before"]["distribution"]["not_yet_decided_left_out"], 1)
print("\n".join(bad) if bad else "same")
PY
if [ "$(cat "$TMP/check")" = same ]; then ok "the sector comparison matches organisations, entries, leavers and verdicts"
else not_ok "the sector comparison matches organisations, entries, leavers and verdicts" "$(cat "$TMP/check")"; fi
run "$KIJUN" --lang=en --compare -q "$Q" "$TMP/y2025" "$TMP/y2026"
if tr '\n' ' ' < "$TMP/out" | tr -s ' ' | grep -qF "$TMP/y2026/a2.cfg: Baseline not met -> Baseline met"; then
  ok "without --names, organisations are shown by file"
else not_ok "without --names, organisations are shown by file" "$(grep -A2 'in both' "$TMP/out")"; fi
if grep -qF "Sapporo" "$TMP/out"; then not_ok "without --names, no organisation's name"; else ok "without --names, no organisation's name"; fi
w=$("$COLWIDTH" < "$TMP/out")
if [ "$w" -le 80 ] || grep -q "$TMP" "$TMP/out"; then ok "the sector comparison's text fits 80 columns (but for long paths)"
else not_ok "the sector comparison's text fits 80 columns (but for long paths)" "$w"; fi
run "$KIJUN" --lang=ja --compare --names -q "$Q" "$TMP/y2025" "$TMP/y2026"
expect_in "ja: 前後の判定" out "判定保留 ->"
# Two --aggregate=json outputs (made with --names) compare as the folders do.
"$KIJUN" --lang=en --aggregate=json --names -q "$Q" "$TMP/y2025" > "$TMP/y2025.json" 2>/dev/null
"$KIJUN" --lang=en --aggregate=json --names -q "$Q" "$TMP/y2026" > "$TMP/y2026.json" 2>/dev/null
# Named relative to $TMP, so that no path is long enough to be cut (a cut
# falls at a different place in "y2025" and "y2025.json").
(cd "$TMP" && "$KIJUN" --lang=en --compare --names -q "$Q" y2025 y2026) > "$TMP/cmp-folders.txt"
run sh -c 'cd "$1" && shift && exec "$@"' sh "$TMP" "$KIJUN" --lang=en --compare --names -q "$Q" y2025.json y2026.json
expect_status "--compare of two --aggregate=json outputs" 0
sed "s|y2025.json|y2025|; s|y2026.json|y2026|" "$TMP/out" > "$TMP/cmp-json.txt"
if cmp -s "$TMP/cmp-folders.txt" "$TMP/cmp-json.txt"; then ok "the two aggregate JSONs compare as their folders do"
else not_ok "the two aggregate JSONs compare as their folders do" "$(diff "$TMP/cmp-folders.txt" "$TMP/cmp-json.txt" | head -10)"; fi
run "$KIJUN" --lang=en --compare --names -q "$Q" "$TMP/y2025" "$TMP/y2026.json"
expect_status "a folder and an aggregate JSON compare too" 0
"$KIJUN" --lang=en --aggregate=json -q "$Q" "$TMP/y2025" > "$TMP/anon.json" 2>/dev/null
run "$KIJUN" --lang=en --compare -q "$Q" "$TMP/anon.json" "$TMP/y2026.json"
# The message wraps where the path's length puts it: read it as one line.
if tr '\n' ' ' < "$TMP/out" | grep -qF "made without --names"; then
  ok "an aggregate JSON without --names says its organisations cannot be matched"
else not_ok "an aggregate JSON without --names says its organisations cannot be matched" "$(cat "$TMP/out")"; fi
printf '{"schema": "kijun-aggregate/1", "files": {' > "$TMP/cut.json"
run "$KIJUN" --compare -q "$Q" "$TMP/cut.json" "$TMP/y2026.json"
expect_status "a cut aggregate JSON is bad data" 65
expect_in "named with its line and what was expected" err "cut.json:1: not JSON here; expected"
# Every format the aggregate has: Markdown, CSV, HTML (the management
# report's style), Excel.
run "$KIJUN" --lang=en --compare=markdown --names -q "$Q" "$TMP/y2025" "$TMP/y2026"
expect_status "--compare=markdown of two folders" 0
expect_in "Markdown: each organisation's movement" out "| sapporo  water | Baseline not met | Baseline met | 80.0% | 100.0% | +20.0 |"
expect_in "Markdown: the verdicts before and after" out "| Not yet decided | 1 | 0 | -1 |"
run "$KIJUN" --lang=en --compare=csv --names -q "$Q" "$TMP/y2025" "$TMP/y2026"
expect_status "--compare=csv of two folders" 0
expect_in "CSV: one header" out "row,key,organization,file_before,file_after,verdict_before,verdict_after,before,after,change"
expect_in "CSV: each organisation's movement, in keys" out "organization,both,sapporo  water,$TMP/y2025/a.cfg,$TMP/y2026/a2.cfg,baseline_not_met,baseline_met,80.0,100.0,20.0"
expect_in "CSV: the entered" out "organization,entered,Sendai Water,,$TMP/y2026/d.cfg,,baseline_met,,100.0,"
expect_in "CSV: the verdicts' counts" out "verdict,not_yet_decided,,,,,,1,0,-1"
run "$KIJUN" --lang=ja --compare=excel-csv --names -q "$Q" "$TMP/y2025" "$TMP/y2026"
if [ "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then ok "--compare=excel-csv starts with a byte order mark"
else not_ok "--compare=excel-csv starts with a byte order mark"; fi
run "$KIJUN" --lang=en --compare=html --names -q "$Q" -o "$TMP/cmp.html" "$TMP/y2025" "$TMP/y2026"
expect_status "--compare=html of two folders" 0
if python3 "$KIJUN_SRCDIR/tests/tools/htmlcheck.py" "$TMP/cmp.html" >"$TMP/check" 2>&1; then ok "the sector comparison in HTML passes htmlcheck"
else not_ok "the sector comparison in HTML passes htmlcheck" "$(head -5 "$TMP/check")"; fi
tr -d '\n' < "$TMP/cmp.html" > "$TMP/cmp.flat"
expect_in "HTML: each organisation's movement" cmp.flat '<td>sapporo  water</td><td>Baseline not met</td><td>Baseline met</td><td class="num">80.0%</td><td class="num">100.0%</td><td class="num">+20.0</td>'
expect_in "HTML: entered and left" cmp.html "<h2>Left (1)</h2>"
expect_in "HTML: in the management report's style" cmp.html '<div class="kpis">'
run "$KIJUN" --lang=ja --compare=html -q "$Q" -o "$TMP/cmp.ja.html" "$TMP/y2025" "$TMP/y2026"
tr -d '\n' < "$TMP/cmp.ja.html" > "$TMP/cmp.ja.flat"
expect_in "HTML in Japanese, by file without --names" cmp.ja.flat "$TMP/y2026/a2.cfg</td><td>ベースライン未達成</td>"
if grep -qF "Sapporo" "$TMP/cmp.ja.html"; then not_ok "HTML without --names: no organisation's name"; else ok "HTML without --names: no organisation's name"; fi
PY=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
for lang in en ja; do
  run "$KIJUN" --lang=$lang --compare=xlsx --names --title="=Water ISAC 2025-2026" -q "$Q" -o "$TMP/cmp.$lang.xlsx" "$TMP/y2025" "$TMP/y2026"
  expect_status "--compare=xlsx of two folders ($lang)" 0
  "$KIJUN" --lang=$lang --compare=json --names --title="=Water ISAC 2025-2026" -q "$Q" "$TMP/y2025" "$TMP/y2026" > "$TMP/cmp.$lang.json"
  if [ -z "$PY" ]; then ok "# SKIP python3-openpyxl is not installed"
  elif out=$("$PY" "$KIJUN_SRCDIR/tests/tools/xlsxcheck.py" aggcompare "$TMP/cmp.$lang.xlsx" "$TMP/cmp.$lang.json" 2>&1); then
    ok "the sector comparison's workbook ($lang) matches its JSON"
  else not_ok "the sector comparison's workbook ($lang) matches its JSON" "$out"; fi
done

# ---- the bundled questionnaire's long names in 80 columns (I16) ----------------
mkdir -p "$TMP/big"
for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
  sec=$( [ $((k % 2)) -eq 0 ] && echo government || echo telecom )
  printf '%s\n' 'kijun_answers = 1;' 'questionnaire = { id = "nisc-ci-2023"; version = "2023-07-04"; };' \
    "profile = { organization = \"Org $k\"; sector = \"$sec\"; };" \
    'answers = ( { question = "2.1-a"; status = "implemented"; } );' > "$TMP/big/o$k.cfg"
done
for lang in en ja; do
  run "$KIJUN" --lang=$lang --aggregate "$TMP/big"
  w=$("$COLWIDTH" < "$TMP/out")
  if [ "$w" -le 80 ]; then ok "the aggregate of the bundled questionnaire fits 80 columns ($lang)"
  else not_ok "the aggregate of the bundled questionnaire fits 80 columns ($lang)" "widest: $w"; fi
done
expect_in "numbers are never cut (the files of a long-named sector)" out "6"

# ---- a walk that ends, inside the folders given (issue 21) ------------------
# Folders d0..d12, each linking twice to the next: one file was counted
# 2^12 times; each folder and file is visited once.
mkdir -p "$TMP/expo/d12"
cp "$TESTDATA/agg/water-a.cfg" "$TMP/expo/d12/"
i=0
while [ $i -lt 12 ]; do
  mkdir -p "$TMP/expo/d$i"
  ln -s "../d$((i + 1))" "$TMP/expo/d$i/x"
  ln -s "../d$((i + 1))" "$TMP/expo/d$i/y"
  i=$((i + 1))
done
run timeout 60 "$KIJUN" --aggregate=json -q "$Q" "$TMP/expo"
expect_status "folders linking twice to the next: exit 0" 0
expect_in "... the one file counted once" out '"aggregated": 1'
# A link to a folder outside the tree given is not followed.
mkdir -p "$TMP/tree" "$TMP/outside"
cp "$TESTDATA/agg/water-a.cfg" "$TMP/tree/"
cp "$TESTDATA/agg/water-b.cfg" "$TMP/outside/"
ln -s ../outside "$TMP/tree/out"
ln -s .. "$TMP/tree/parent"
ln -s ../outside/water-b.cfg "$TMP/tree/b.cfg"
run "$KIJUN" --aggregate=json -q "$Q" "$TMP/tree"
expect_in "links leading outside the tree are not followed" out '"aggregated": 1'
expect_in "... and said so" err "tree/out: symbolic link leading outside the folders given; not followed"
expect_in "... for a file too" err "tree/b.cfg: symbolic link leading outside the folders given"
# A file reached by two names (a hard link, a link inside the tree) counts once.
mkdir -p "$TMP/twice/sub"
cp "$TESTDATA/agg/water-a.cfg" "$TMP/twice/a.cfg"
ln "$TMP/twice/a.cfg" "$TMP/twice/sub/hard.cfg"
ln -s ../a.cfg "$TMP/twice/sub/soft.cfg"
run "$KIJUN" --aggregate=json -q "$Q" "$TMP/twice" "$TMP/twice/a.cfg"
expect_in "a file under several names is counted once" out '"aggregated": 1'
if grep -q "the same organisation" "$TMP/err"; then not_ok "... and is no duplicate of itself" "$(cat "$TMP/err")"
else ok "... and is no duplicate of itself"; fi
# kijun's backup of an earlier edition's file is not another organisation.
mkdir -p "$TMP/bk"
cp "$TESTDATA/agg/water-a.cfg" "$TMP/bk/site.cfg"
cp "$TESTDATA/agg/water-a.cfg" "$TMP/bk/site.edition-1.cfg"
cp "$TESTDATA/agg/water-a.cfg" "$TMP/bk/site.edition-1.2.cfg"
run "$KIJUN" --aggregate=json -q "$Q" "$TMP/bk"
expect_in "kijun's own backups beside a file are not counted" out '"aggregated": 1'
if grep -q "same organisation" "$TMP/err"; then not_ok "... nor reported as duplicates" "$(cat "$TMP/err")"
else ok "... nor reported as duplicates"; fi
expect_in "... but listed as skipped, with why" err "site.edition-1.cfg: kijun's backup of an earlier edition"

# Files left out and standard output full: the write error is said, 74.
run sh -c '"$0" --aggregate -q "$1" "$2" > /dev/full' "$KIJUN" "$Q" "$TESTDATA/agg"
expect_status "files left out and a full standard output: exit 74" 74
expect_in "... with the write error said" err "write error: No space left on device"

# ---- golden reports -----------------------------------------------------------
# Run from tests/data so the file names in the reports are relative.
for lang in en ja; do
  for fmt in txt md csv json html; do
    case $fmt in txt) f=text ;; md) f=markdown ;; *) f=$fmt ;; esac
    # The HTML's stylesheet is report.css's (tests/cli/html.sh), left out here.
    (cd "$TESTDATA" && "$KIJUN" --lang "$lang" --aggregate=$f -q mini.cfg agg) 2>/dev/null \
      | sed '/^<style>$/,/^<\/style>$/{/^<style>$/b;/^<\/style>$/b;d;}' > "$TMP/agg.$lang.$fmt"
    if [ -n "${KIJUN_UPDATE_GOLDEN:-}" ]; then cp "$TMP/agg.$lang.$fmt" "$G/agg.$lang.$fmt"; fi
    if cmp -s "$TMP/agg.$lang.$fmt" "$G/agg.$lang.$fmt"; then ok "golden aggregate $lang $fmt"
    else not_ok "golden aggregate $lang $fmt" "$(diff "$G/agg.$lang.$fmt" "$TMP/agg.$lang.$fmt" | head -20)"; fi
  done
done
(cd "$TESTDATA" && "$KIJUN" --lang ja --aggregate --names -q mini.cfg agg) > "$TMP/names.txt" 2>/dev/null
if grep -q 'Minami Water' "$TMP/names.txt"; then ok "--names prints the organisations"; else not_ok "--names prints the organisations"; fi

# File names are not text kijun checked: a line break or a bidi override
# in one must not fake a line of the --names text or reach the CSV raw;
# and the CSV's files of a phase are the JSON's (those in the distribution).
mkdir -p "$TMP/evil"
fixture "$TESTDATA/agg/water-a.cfg" "$TMP/evil/$(printf 'line\nfake.cfg')"
fixture "$TESTDATA/agg/water-b.cfg" "$TMP/evil/$(printf 'evil\342\200\256gfc.cfg')"
"$KIJUN" --aggregate=text --names -q "$TESTDATA/mini.cfg" "$TMP/evil" > "$TMP/evil.txt" 2>/dev/null
if grep -q '^fake\.cfg' "$TMP/evil.txt"; then not_ok "a line break in a file name does not start a line of --names" "$(cat "$TMP/evil.txt")"
else ok "a line break in a file name does not start a line of --names"; fi
"$KIJUN" --aggregate=csv --names -q "$TESTDATA/mini.cfg" "$TMP/evil" > "$TMP/evil.csv" 2>/dev/null
if grep -q "$(printf '\342\200\256')" "$TMP/evil.csv"; then not_ok "a bidi override in a file name is not written raw to the CSV"
else ok "a bidi override in a file name is not written raw to the CSV"; fi
(cd "$TESTDATA" && "$KIJUN" --aggregate=csv -q mini.cfg agg) > "$TMP/files.csv" 2>/dev/null
(cd "$TESTDATA" && "$KIJUN" --aggregate=json -q mini.cfg agg) > "$TMP/files.json" 2>/dev/null
csv_act=$(awk -F, '$1 == "phase" && $2 == "act" { print $5 }' "$TMP/files.csv")
json_act=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([p for p in d["phases"] if p["id"]=="act"][0]["distribution"]["files"])' "$TMP/files.json")
if [ -n "$csv_act" ] && [ "$csv_act" = "$json_act" ]; then ok "CSV and JSON count a phase's files alike ($csv_act)"
else not_ok "CSV and JSON count a phase's files alike" "csv $csv_act, json $json_act"; fi

done_testing
