#!/bin/sh
# run.sh: kijun's benchmarks (make bench).  One run on one machine, kijun
# beside a shell script around dialog and one around whiptail on the same
# questionnaire, so the figures are ratios that mean something on a noisy
# machine.  Needs no network; uses what the README's setup installs.
#   bench/run.sh BUILDDIR SRCDIR
# Prints a table and writes bench/results.md in the source tree.
set -u
B=${1:-.}
S=${2:-.}
KIJUN="$B/src/kijun"
TOOL="$B/bench/benchtool"
PTY="$B/bench/ptybench"
FLOOR="$B/bench/cfgfloor"
Q="$S/questionnaires/nisc-2023.cfg"
W=$(mktemp -d "${TMPDIR:-/tmp}/kijun-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
OUT="$S/bench/results.md"
REPS=${BENCH_REPS:-5}
SIZES=${BENCH_SIZES:-"1000 10000 20000"}
NFILES=${BENCH_FILES:-10000}

ENVV="env -i PATH=/usr/bin:/bin HOME=$W TERM=xterm LC_ALL=C.UTF-8 TZ=UTC"
have() { command -v "$1" >/dev/null 2>&1; }

# median of numbers on standard input
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# field LABEL COLUMN FILE: a column of ptybench's line for LABEL
field() { awk -v l="$1" -v c="$2" '$1 == l { print $c }' "$3"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print 0; else printf "%.1f", a / b }'; }

progress() { printf '  %-60s\r' "$1" >&2; }

"$TOOL" dump "$Q" > "$W/q.tsv" || exit 1
NQ=$(wc -l < "$W/q.tsv")
mkdir -p "$W/a"
"$TOOL" answers "$Q" 1 "$W/a" 0 || exit 1

# ---- deliverables: the time to write each report -------------------------
# For a fully answered assessment of the bundled questionnaire and for an
# aggregate of 1,000 files, each format written with -o, medians of 3
# runs.  BENCH_ONLY=deliverables runs this part alone and replaces only
# its section of bench/results.md.
deliverables() {
  mkdir -p "$W/full" "$W/agg1k"
  "$TOOL" answers "$Q" 1 "$W/full" 100 || exit 1
  "$TOOL" answers "$Q" 1000 "$W/agg1k" 80 || exit 1
  F="$W/full/answers-00000.cfg"
  {
    echo "## Deliverables"
    echo
    echo "The time to write each report with \`-o FILE\`: for one fully answered assessment of the bundled questionnaire ($NQ questions), and for an aggregate of 1,000 answers files. Medians of 3 runs."
    echo
    echo "| command | time | peak memory | size |"
    echo "|---|---:|---:|---:|"
    for spec in "report text" "report markdown" "report csv" "report excel-csv" "report json" "report html" "report xlsx" \
                "plan text" "plan html" "plan xlsx" \
                "aggregate text" "aggregate csv" "aggregate json" "aggregate html" "aggregate xlsx"; do
      set -- $spec
      progress "deliverables: --$1=$2"
      if [ "$1" = aggregate ]; then input="$W/agg1k"; else input="$F"; fi
      for r in 1 2 3; do
        "$TOOL" run -- "$KIJUN" "--$1=$2" -q "$Q" -o "$W/deliv.out" "$input" > "$W/deliv.$r"
      done
      ms=$(for r in 1 2 3; do awk '$1 == "ms" { print $2 }' "$W/deliv.$r"; done | median)
      kb=$(for r in 1 2 3; do awk '$1 == "maxrss_kb" { print $2 }' "$W/deliv.$r"; done | median)
      size=$(wc -c < "$W/deliv.out")
      what=$([ "$1" = aggregate ] && echo "1,000 files" || echo "1 file")
      echo "| \`kijun --$1=$2\` ($what) | $ms ms | $kb KiB | $((size / 1024)) KiB |"
    done
  } > "$W/deliverables.md"
  printf '%-64s\r' "" >&2
}

if [ "${BENCH_ONLY:-}" = deliverables ]; then
  deliverables
  cat "$W/deliverables.md"
  if [ -f "$OUT" ]; then
    awk '/^## Deliverables/ { exit } { print }' "$OUT" > "$W/head.md"
    { cat "$W/head.md"; cat "$W/deliverables.md"; } > "$OUT"
  else
    cp "$W/deliverables.md" "$OUT"
  fi
  echo
  echo "written to $OUT"
  exit 0
fi

# ---- scripts for the pseudo-terminal harness --------------------------
# kijun opens an existing, empty assessment on question 1; dialog and
# whiptail start on question 1 too.  Navigation: kijun moves the overview
# selection (the nearest thing to a radiolist's highlight) and goes to
# the next question; the peers move the radiolist highlight.  Answer:
# kijun's digit, the peers' Enter on the preselected choice; each moves to
# the next question.
cat > "$W/k-nav.txt" <<EOT
first first
key right next_question 10
key left next_question 10
send esc
send home
key down nav 10
key up nav 10
send q
send enter
wait
EOT
{ echo "first first"; echo "key 1 answer $NQ"; echo "send q"; echo "send enter"; echo "wait"; } > "$W/k-walk.txt"
{ echo "first first"; i=0; while [ $i -lt 5 ]; do echo "key down nav 1"; echo "key up nav 1"; i=$((i + 1)); done
  i=0; while [ $i -lt 5 ]; do echo "key down nav 1"; echo "key up nav 1"; i=$((i + 1)); done
  echo "send esc"; echo "wait"; } > "$W/d-nav.txt"
{ echo "first first"; echo "key enter answer $NQ"; echo "wait"; } > "$W/d-walk.txt"

run_kijun() { # SCRIPT ANSWERS -> ptybench output
  cp "$W/a/answers-00000.cfg" "$W/k.cfg"
  $ENVV "$PTY" "$1" -- "$KIJUN" -q "$Q" "$W/k.cfg"
}
run_peer() { # TOOL SCRIPT
  $ENVV "$PTY" "$2" -- "$S/bench/dialog-walk.sh" "$1" "$W/q.tsv" "$W/$1.out"
}

PEERS=""
have dialog && PEERS="$PEERS dialog"
have whiptail && PEERS="$PEERS whiptail"

for who in kijun $PEERS; do
  for r in $(seq "$REPS"); do
    progress "terminal: $who, run $r of $REPS"
    if [ "$who" = kijun ]; then run_kijun "$W/k-nav.txt"; else run_peer "$who" "$W/d-nav.txt"; fi > "$W/$who-nav.$r"
    if [ "$who" = kijun ]; then run_kijun "$W/k-walk.txt"; else run_peer "$who" "$W/d-walk.txt"; fi > "$W/$who-walk.$r"
  done
  # medians over the runs
  med() { for r in $(seq "$REPS"); do field "$1" "$2" "$W/$who-$3.$r"; done | median; }
  eval "${who}_first_ms=\$(med first 4 nav)"
  eval "${who}_first_b=\$(med first 3 nav)"
  eval "${who}_nav_b=\$(per \$(med nav 3 nav) \$(med nav 2 nav))"
  eval "${who}_nav_ms=\$(per \$(med nav 4 nav) \$(med nav 2 nav))"
  eval "${who}_ans_b=\$(per \$(med answer 3 walk) \$(med answer 2 walk))"
  eval "${who}_ans_ms=\$(per \$(med answer 4 walk) \$(med answer 2 walk))"
  eval "${who}_walk_b=\$(( \$(med first 3 walk) + \$(med answer 3 walk) ))"
  eval "${who}_walk_ms=\$(awk -v a=\$(med first 4 walk) -v b=\$(med answer 4 walk) 'BEGIN { printf \"%.1f\", a + b }')"
  eval "${who}_rss=\$(med maxrss_kb 2 walk)"
done
kijun_next_b=$(per "$(for r in $(seq "$REPS"); do field next_question 3 "$W/kijun-nav.$r"; done | median)" 20)

# ---- scale ----------------------------------------------------------------
for n in $SIZES; do
  progress "scale: generating $n questions"
  "$TOOL" gen "$n" "$W/s$n.cfg"
  mkdir -p "$W/s$n"
  "$TOOL" answers "$W/s$n.cfg" 1 "$W/s$n" 50
  for r in $(seq 3); do
    progress "scale: $n questions, run $r of 3"
    "$TOOL" parse "$W/s$n.cfg" > "$W/parse$n.$r"
    "$TOOL" load "$W/s$n.cfg" > "$W/load$n.$r"
    "$TOOL" run -- "$KIJUN" --check "$W/s$n.cfg" > "$W/check$n.$r"
    "$TOOL" cov "$W/s$n.cfg" "$W/s$n/answers-00000.cfg" 5 > "$W/cov$n.$r"
    "$TOOL" run -- "$KIJUN" --report=csv -q "$W/s$n.cfg" "$W/s$n/answers-00000.cfg" > "$W/report$n.$r"
    cp "$W/s$n/answers-00000.cfg" "$W/big.cfg"
    printf 'first first\nsend q\nsend enter\nwait\n' > "$W/k-first.txt"
    $ENVV "$PTY" -q 300 "$W/k-first.txt" -- "$KIJUN" -q "$W/s$n.cfg" "$W/big.cfg" > "$W/first$n.$r"
  done
  sm() { for r in 1 2 3; do awk -v k="$2" '$1 == k { print $2 }' "$W/$1$n.$r"; done | median; }
  eval "parse_ms_$n=\$(sm parse ms)"; eval "parse_kb_$n=\$(sm parse maxrss_kb)"
  eval "load_ms_$n=\$(sm load ms)"; eval "load_kb_$n=\$(sm load maxrss_kb)"
  eval "check_ms_$n=\$(sm check ms)"; eval "check_kb_$n=\$(sm check maxrss_kb)"
  eval "cov_ms_$n=\$(sm cov ms)"
  eval "report_ms_$n=\$(sm report ms)"; eval "report_kb_$n=\$(sm report maxrss_kb)"
  eval "first_ms_$n=\$(for r in 1 2 3; do field first 4 \"\$W/first$n.\$r\"; done | median)"
done

# ---- duplicate checks: 'was' lists of N ids (issue 21) --------------------
# The ids are checked for duplicates with a keyed hash set; an unkeyed
# search was quadratic (200,000 ids took 160 s).  One list may hold
# 200,000 elements, and a file 500,000 values: 199,999 ids in one list,
# and 199,000 in each of two questions (398,000 ids), are the worst the
# limits allow.
for lists in 1 2; do
  k=199999
  [ "$lists" -gt 1 ] && k=199000
  n=$((lists * k))
  progress "duplicates: $lists was list(s), $n ids"
  awk -v k="$k" -v lists="$lists" '{ print } /id = "1\.[0-9]-[a-z]"; section/ && made < lists { printf "    was = ("; for (i = 0; i < k; i++) printf "%s\"old-%d-%d\"", (i ? ", " : " "), made, i; print " );"; made++ }' \
    "$S/tests/data/mini.cfg" > "$W/was$n.cfg"
  for r in 1 2 3; do "$TOOL" run -- "$KIJUN" --check "$W/was$n.cfg" > "$W/was$n.$r"; done
  eval "was_ms_$lists=\$(for r in 1 2 3; do awk '\$1 == \"ms\" { print \$2 }' \"\$W/was$n.\$r\"; done | median)"
  "$TOOL" parse "$W/was$n.cfg" > "$W/wasparse$n"
  eval "was_floor_$lists=\$(awk '\$1 == \"ms\" { print \$2 }' \"\$W/wasparse$n\")"
  rm -f "$W/was$n.cfg"
done

# ---- the largest files the limits allow (issue 21) ---------------------
# The answers file's limits are 16 MiB and 500,000 values: long notes up
# to the size, then tiny answers up to the values (all to questions the
# questionnaire does not know, kept and shown), then one value too many.
progress "largest files"
mkanswers() { # N NOTE-CHARS FILE: N answers to unknown questions
  awk -v n="$1" -v c="$2" 'BEGIN {
    note = ""; for (i = 0; i < c; i++) note = note "\343\201\202";
    print "kijun_answers = 1;"; print "questionnaire = { id = \"mini\"; version = \"1\"; };"; print "answers = (";
    for (i = 0; i < n; i++) printf "  { question = \"x-%d\"; status = \"partial\"; note = \"%s\"; evidence = \"e\"; updated = \"2026-11-22T10:01:00+09:00\"; }%s\n", i, (c ? note : "n"), (i + 1 < n ? "," : "");
    print ");" }' > "$3"
}
mkanswers 260 21000 "$W/big.cfg"
mkanswers 83000 0 "$W/many.cfg"
mkanswers 83400 0 "$W/over.cfg"
for k in big many over; do
  for r in 1 2 3; do "$TOOL" run -- "$KIJUN" --report=csv -q "$S/tests/data/mini.cfg" "$W/$k.cfg" > "$W/$k.$r"; done
  eval "${k}_ms=\$(for r in 1 2 3; do awk '\$1 == \"ms\" { print \$2 }' \"\$W/\$k.\$r\"; done | median)"
  eval "${k}_exit=\$(awk '\$1 == \"exit\" { print \$2 }' \"\$W/\$k.1\")"
  rm -f "$W/$k.cfg"
done

# ---- a whole survey: many answers files, one after another --------------
progress "survey: generating $NFILES answers files"
mkdir -p "$W/survey"
"$TOOL" answers "$Q" "$NFILES" "$W/survey" 80
progress "survey: reporting on $NFILES files"
t0=$(date +%s.%N)
for f in "$W"/survey/*.cfg; do "$KIJUN" --report=csv -q "$Q" "$f"; done > "$W/survey.csv"
t1=$(date +%s.%N)
survey_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
survey_rows=$(grep -c '^overall,.*,baseline,' "$W/survey.csv")

# ---- the same survey in one process: kijun --aggregate ----------------------
# Beside the floor: libconfig alone parsing the same files one after
# another (bench/cfgfloor.c).  Peak memory at 1,000 files and at all of
# them shows whether it grows with the number of files.
mkdir -p "$W/survey1k"
ls "$W/survey" | head -1000 | while read -r f; do cp "$W/survey/$f" "$W/survey1k/"; done
for r in $(seq 3); do
  progress "aggregate: $NFILES files, run $r of 3"
  "$TOOL" run -- "$KIJUN" --aggregate=csv -q "$Q" "$W/survey" > "$W/agg.$r"
  "$TOOL" run -- "$FLOOR" "$W/survey" > "$W/floor.$r"
  "$TOOL" run -- "$KIJUN" --aggregate=csv -q "$Q" "$W/survey1k" > "$W/agg1k.$r"
done
am() { for r in 1 2 3; do awk -v k="$2" '$1 == k { print $2 }' "$W/$1.$r"; done | median; }
agg_ms=$(am agg ms); agg_kb=$(am agg maxrss_kb); agg_exit=$(am agg exit)
floor_ms=$(am floor ms); floor_kb=$(am floor maxrss_kb)
agg1k_ms=$(am agg1k ms); agg1k_kb=$(am agg1k maxrss_kb)
"$KIJUN" --aggregate=json -q "$Q" "$W/survey" > "$W/agg.json"
agg_files=$(awk -F'[:,]' '/"files": \{ "aggregated"/ { gsub(/ /, "", $3); print $3; exit }' "$W/agg.json")
printf '%-64s\r' "" >&2
deliverables

# ---- the table --------------------------------------------------------
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
{
  echo "# kijun benchmarks"
  echo
  echo "Measured by \`make bench\` on $(date -u +%Y-%m-%d) on $(nproc) cores of ${cpu:-an unknown CPU}, $(uname -sr);"
  echo "kijun $("$KIJUN" --version | awk '{ print $2 }'), $(dialog --version 2>/dev/null | head -1 | sed 's/^Version: /dialog /'), $(whiptail -v 2>/dev/null | head -1)."
  echo "Terminal figures are medians of $REPS runs at 80x24 through a pseudo-terminal (bench/ptybench.c);"
  echo "a screen counts as settled when nothing arrives for 120 ms, and its time is that of its last byte."
  echo "The questionnaire is the bundled one ($NQ questions). Ratios are kijun / peer; below 1 is better."
  echo
  echo "## In the terminal"
  echo
  echo "| measure | kijun | dialog | ratio | whiptail | ratio |"
  echo "|---|---:|---:|---:|---:|---:|"
  row() { # LABEL VAR UNIT
    k=$(eval echo "\${kijun_$2}"); d=$(eval echo "\${dialog_$2:-0}"); w=$(eval echo "\${whiptail_$2:-0}")
    echo "| $1 | $k $3 | $d $3 | $(ratio "$k" "$d") | $w $3 | $(ratio "$k" "$w") |"
  }
  row "first settled screen, time" first_ms ms
  row "first settled screen, bytes" first_b B
  row "navigation keystroke, bytes" nav_b B
  row "navigation keystroke, time" nav_ms ms
  row "answer keystroke (answer and next question), bytes" ans_b B
  row "answer keystroke, time" ans_ms ms
  row "whole walk-through ($NQ answers), bytes" walk_b B
  row "whole walk-through, time" walk_ms ms
  row "peak memory (max RSS)" rss KiB
  echo
  echo "Navigation in kijun is the overview's selection; moving to the next question (a new screen of text) costs $kijun_next_b B."
  echo
  echo "## Scale"
  echo
  echo "Synthetic questionnaires generated by the bench (not committed). libconfig alone = parse and free, the floor the format sets."
  echo
  echo "| questions | libconfig alone | kijun load + validate | ratio | peak memory, libconfig / kijun | ratio | kijun --check | coverage | --report=csv | first screen |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for n in $SIZES; do
    p=$(eval echo "\$parse_ms_$n"); l=$(eval echo "\$load_ms_$n"); pk=$(eval echo "\$parse_kb_$n"); lk=$(eval echo "\$load_kb_$n")
    echo "| $n | $p ms | $l ms | $(ratio "$l" "$p") | $((pk / 1024)) / $((lk / 1024)) MiB | $(ratio "$lk" "$pk") | $(eval echo "\$check_ms_$n") ms | $(eval echo "\$cov_ms_$n") ms | $(eval echo "\$report_ms_$n") ms | $(eval echo "\$first_ms_$n") ms |"
  done
  echo
  echo "Duplicate checks: \`kijun --check\` of a questionnaire whose one question's \`was\` lists 199,999 ids, the most one list may hold: $was_ms_1 ms (libconfig alone: $was_floor_1 ms); 199,000 ids in each of two questions, 398,000 ids, near the most the limits allow: $was_ms_2 ms (libconfig alone: $was_floor_2 ms; it grows a list by reallocation, which the floor includes)."
  echo
  echo "The largest files: every file within the limits is read, or refused, in under a second. An answers file of 16 MiB, the most allowed, of 64 KB Japanese notes: $big_ms ms (\`kijun --report=csv\`; exit $big_exit). One of 83,000 answers of 6 values each, just under the 500,000 values allowed: $many_ms ms (exit $many_exit). One value too many: refused in $over_ms ms (exit $over_exit)."
  echo
  echo "A whole survey: $NFILES answers files to the bundled questionnaire, each reported with \`kijun --report=csv\`, one process after another: ${survey_s} s ($survey_rows files)."
  echo
  echo "## A survey in one process"
  echo
  echo "The same $NFILES files aggregated by \`kijun --aggregate=csv\` in one process ($(nproc) cores; it reads on every core), beside libconfig alone parsing them one after another in one process (bench/cfgfloor.c, the floor). Medians of 3 runs."
  echo
  echo "| | files | time | ratio to the floor | peak memory |"
  echo "|---|---:|---:|---:|---:|"
  echo "| libconfig alone (floor) | $NFILES | $floor_ms ms | 1.00 | $floor_kb KiB |"
  echo "| kijun --aggregate | ${agg_files:-?} (exit $agg_exit) | $agg_ms ms | $(ratio "$agg_ms" "$floor_ms") | $agg_kb KiB |"
  echo "| kijun --aggregate, 1,000 of them | 1000 | $agg1k_ms ms | | $agg1k_kb KiB |"
  echo
  echo "Peak memory, 10 times the files: $(ratio "$agg_kb" "$agg1k_kb") times the memory (the aggregate keeps counts, not files; finding duplicate organisations keeps a hash and the path of each file, and the walk the device and inode of each file and folder)."
  echo
  cat "$W/deliverables.md"
} > "$W/results.md"
cat "$W/results.md"
cp "$W/results.md" "$OUT"
echo
echo "written to $OUT"
