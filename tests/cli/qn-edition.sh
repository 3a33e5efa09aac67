# The editorial rules of the bundled questionnaire's editions that the
# loader does not enforce (tests/tools/qn-edition-check.py): every id of
# the previous edition asked, carried or retired; every `was` kept;
# levels explained; the hint prefix; NEWS saying exactly what changed
# (from edition 3 on also its counts, renames, hints, phase and function).
# Edition 3 is checked against edition 2, and edition 2 (a fixture)
# against edition 1.  Needs python3; skipped without it.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 is not installed (tests/tools/qn-edition-check.py needs it)"
  exit 0
fi

S=$KIJUN_SRCDIR
CHECK="$S/tests/tools/qn-edition-check.py"
Q3="$S/questionnaires/nisc-2023.cfg"
Q2="$S/tests/data/nisc-2023.edition-2.cfg"
Q1="$S/tests/data/nisc-2023.edition-1.cfg"
NEWS="$S/questionnaires/NEWS"

run python3 "$CHECK" "$Q3" "$Q2" "$NEWS"
expect_status "qn-edition-check: edition 3 against edition 2 and NEWS" 0
run python3 "$CHECK" "$Q2" "$Q1" "$NEWS"
expect_status "qn-edition-check: edition 2 against edition 1 and NEWS" 0

# The checker can fail.  Each case below changes one thing in a copy of
# NEWS or of the questionnaire and must be refused, saying why.
refused() { # NAME EXPECTED-MESSAGE NEW OLD NEWS
  run python3 "$CHECK" "$3" "$4" "$5"
  if [ "$status" = 1 ] && grep -qF -- "$2" "$TMP/err"; then ok "$1"
  else not_ok "$1" "status $status" "$(cat "$TMP/err")"; fi
}

grep -v '4\.9-e' "$NEWS" > "$TMP/NEWS"
refused "a NEWS without the split of 4.9-e is refused (edition 2)" "4.9-e" "$Q2" "$Q1" "$TMP/NEWS"

# The scope decisions: NEWS lists the questions that depend on each scope
# question, exactly as the file has them (5.1.3.6-b depends on internet
# and remote).
sed 's/^- internet: 5\.1\.1\.1-b, 5\.1\.3\.6-b, 5\.5\.1-c$/- internet: 5.1.1.1-b, 5.5.1-c/' "$NEWS" > "$TMP/NEWS"
refused "a NEWS that leaves 5.1.3.6-b out of the internet scope list is refused" \
  "NEWS Scope: 'internet' lists 5.1.1.1-b, 5.5.1-c, the file says 5.1.1.1-b, 5.1.3.6-b, 5.5.1-c" "$Q3" "$Q2" "$TMP/NEWS"
sed 's/applies = ( "internet", "remote" ); level_basis = "editorial"; csf = ( "PR.PS-02" );/level_basis = "editorial"; csf = ( "PR.PS-02" );/' "$Q3" > "$TMP/q3.cfg"
refused "a questionnaire whose 5.1.3.6-b depends on no scope question, against NEWS, is refused" \
  "NEWS Scope should say '33 questions name the ones they apply under'" "$TMP/q3.cfg" "$Q2" "$NEWS"
grep -v '^- ot: ' "$NEWS" > "$TMP/NEWS"
refused "a NEWS without the ot scope list is refused" "NEWS Scope does not list the questions that depend on 'ot'" "$Q3" "$Q2" "$TMP/NEWS"

# Level notes and hints use kijun's words (GLOSSARY.md): the scope
# questions as the interface names them, the source by one name, the
# governance umbrella in one wording, and no sentence of the seeds.
bad_words() { # NAME EXPECTED-MESSAGE SED
  sed "$3" "$Q3" > "$TMP/q3.cfg"
  refused "$1" "$2" "$TMP/q3.cfg" "$Q2" "$NEWS"
}
bad_words "a note that calls the scope question 範囲の質問 is refused" \
  "2.2-c: the ja level_note says '範囲の質問'" '0,/回答者情報の対象範囲の設問に「いいえ」と回答すると/s//回答者情報の範囲の質問への「いいえ」で/'
bad_words "a note that calls the source \"the materials\" is refused" \
  "5.1.3.3-c: the en level_note says 'materials'" 's/(a baseline example in the revision materials)/(a baseline example in the materials)/'
bad_words "a note that copies the seeds' sentence on mission assurance is refused" \
  "4.1-e: the ja level_note says '最低限確保すべき任務保証'" 's/サービス停止時間の上限など、組織が守る任務保証の最低水準をはっきり示すこと/サービス停止時間の上限など、最低限確保すべき任務保証の水準を明示すること/'
bad_words "a note with the old umbrella wording is refused" \
  "3.8-a: the ja level_note says '広い記述'" 's/改定資料が組織統治・リスクマネジメントの仕組み全体をベースラインの例に挙げていることだけでは/改定資料の「組織統治はベースライン」という広い記述だけでは/'

# A hint change NEWS does not list (edition 3 lists 5.4.4-f's).
grep -v '^- 5\.4\.4-f: names the status' "$NEWS" > "$TMP/NEWS"
refused "a NEWS that omits a hint change is refused" "the hint of 5.4.4-f changed" "$Q3" "$Q2" "$TMP/NEWS"

# A hint changed in the file and not in NEWS.
sed '0,/"証跡の例：委託先選定基準、/s//"証跡の例：委託先の選定基準、/' "$Q3" > "$TMP/q3.cfg"
refused "a hint changed without a NEWS line is refused" "the hint of 5.2.2-a changed" "$TMP/q3.cfg" "$Q2" "$NEWS"

# A phase change NEWS does not list.
sed 's/{ id = "5.2.4-c"; section = "5.2.4"; phase = "check";/{ id = "5.2.4-c"; section = "5.2.4"; phase = "act";/' "$Q3" > "$TMP/q3.cfg"
refused "a phase change without a NEWS line is refused" "5.2.4-c: phase check -> act" "$TMP/q3.cfg" "$Q2" "$NEWS"

# A function change NEWS lists but the file does not make.
grep -v '^- 5\.1\.3\.6-i: csf PR -> ID' "$NEWS" > "$TMP/NEWS"
refused "a function change missing from NEWS is refused" "5.1.3.6-i: csf PR -> ID" "$Q3" "$Q2" "$TMP/NEWS"

# The counts of NEWS's opening line.
sed 's/^232 questions (edition 2: 224); 121 baseline/232 questions (edition 2: 224); 120 baseline/' "$NEWS" > "$TMP/NEWS"
refused "wrong counts in NEWS's opening line are refused" "NEWS opening line" "$Q3" "$Q2" "$TMP/NEWS"

# A rename NEWS does not list.
grep -v '^- 3\.2-b -> 3\.2-d' "$NEWS" > "$TMP/NEWS"
refused "a rename missing from NEWS is refused" "NEWS Renamed" "$Q3" "$Q2" "$TMP/NEWS"

# A level change through `was` NEWS does not list.
grep -v '^- 5\.1\.3\.6-i (from 5\.1\.3\.5-b)' "$NEWS" > "$TMP/NEWS"
refused "a level change through was missing from NEWS is refused" "through was" "$Q3" "$Q2" "$TMP/NEWS"

# Dropping an old `was` entry loses edition-1 answers.
sed 's/    was = ( "2.2-b" );//' "$Q3" > "$TMP/q3.cfg"
refused "an edition-1 id no longer in any was is refused" "2.2-b, named in a was" "$TMP/q3.cfg" "$Q2" "$NEWS"

# A source level whose note does not name its passage.
sed 's/改定資料（2022年の案）は、どの分野でも求められる取組としてバックアップ/kijunはバックアップ/' "$Q3" > "$TMP/q3.cfg"
refused "a source level whose note names no passage is refused" "5.1.3.3-a: a source level whose note" "$TMP/q3.cfg" "$Q2" "$NEWS"

done_testing
