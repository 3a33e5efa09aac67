# End to end: the bundled questionnaire's edition 3 opens fully answered
# files of edition 1 and of edition 2 (every question, each with a note of
# its own, generated here from the fixtures).  For each: opening writes
# nothing and says how many answers are to reconfirm; the first save
# writes edition 3 and keeps the original beside it; nothing is dropped
# (every note is in the file and in --report=json, no answer is left
# unplaced); the answers marked to reconfirm are exactly those the files
# call for, derived here from the questionnaires by the rules of
# kijun-questionnaire(5), EDITIONS (not listed by hand); and only the
# questions edition 3 added are unanswered.  Then the answers that
# edition 3 moved through `was` are where they belong: 3.2-b's at 3.2-d,
# 5.4.1-c's at 5.4.1-j, and an edition-2 answer to 5.4.1-i stays there.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 is not installed (the expected answers are derived with it)"
  exit 0
fi
Q3="$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg"
TOOLS="$KIJUN_SRCDIR/tests/tools"

# answered ED QFILE OUT: every question of QFILE answered, in six statuses
# in turn, each with its own note, at the question's revision.
answered() {
  printf 'kijun_answers = 1;\nquestionnaire = { id = "nisc-ci-2023"; version = "2023-07-04"; edition = %s; digest = "-"; };\n' "$1" > "$TMP/stub.cfg"
  digest=$("$KIJUN" --report=json --questionnaire "$2" "$TMP/stub.cfg" | sed -n 's/.*"digest": "\(sha256:[0-9a-f]*\)".*/\1/p')
  python3 - "$TOOLS" "$2" "$1" "$digest" > "$3" <<'EOF'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("c", sys.argv[1] + "/qn-edition-check.py")
c = importlib.util.module_from_spec(spec); spec.loader.exec_module(c)
qs = c.load(sys.argv[2])["questions"]
st = ["implemented", "partial", "not_implemented", "alternative", "not_applicable", "unknown"]
print("# Every question of edition %s answered, each with a note of its own." % sys.argv[3])
print("kijun_answers = 1;")
print('questionnaire = { id = "nisc-ci-2023"; version = "2023-07-04"; edition = %s; digest = "%s"; };' % (sys.argv[3], sys.argv[4]))
print('profile = { organization = "水道局"; sector = "water"; respondent = "山田"; role = "CISO"; started = "2026-01-05T09:00:00+09:00"; };')
print("answers = (")
for i, q in enumerate(qs):
    print('  { question = "%s"; status = "%s"; note = "ed%s note %s: 手順書 第%d版"; evidence = "EV-%s"; revision = %d; updated = "2026-01-05T10:00:00+09:00"; }%s'
          % (q["id"], st[i % 6], sys.argv[3], q["id"], i + 1, q["id"], q.get("revision", 1), "," if i + 1 < len(qs) else ""))
print(");")
EOF
}

# expected OLDQ: the questions of edition 3 whose answer is to reconfirm
# when every question of OLDQ was answered at its revision.  A question
# answered under its own id: when its revision rose.  One reached through
# `was`: when it takes more than one answer (a merge), when an old id it
# takes feeds another question the file does not answer itself (a split),
# or when the answer's revision is lower than its own.
expected() {
  python3 - "$TOOLS" "$1" "$Q3" <<'EOF'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("c", sys.argv[1] + "/qn-edition-check.py")
c = importlib.util.module_from_spec(spec); spec.loader.exec_module(c)
old = {q["id"]: q for q in c.load(sys.argv[2])["questions"]}
new = c.load(sys.argv[3])["questions"]
ids = {q["id"] for q in new}
feeds = {}
for q in new:
    for w in q.get("was", []):
        feeds.setdefault(w, []).append(q["id"])
out = []
for q in new:
    rev = q.get("revision", 1)
    if q["id"] in old:
        if old[q["id"]].get("revision", 1) < rev:
            out.append(q["id"])
        continue
    src = [w for w in q.get("was", []) if w in old]
    if not src:
        continue
    split = any(len([t for t in feeds[w] if t not in old]) > 1 for w in src)
    if len(src) > 1 or split or min(old[w].get("revision", 1) for w in src) < rev:
        out.append(q["id"])
print("\n".join(sorted(out)))
EOF
}

# added OLDQ: the questions of edition 3 that no answer of OLDQ reaches.
added() {
  python3 - "$TOOLS" "$1" "$Q3" <<'EOF'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("c", sys.argv[1] + "/qn-edition-check.py")
c = importlib.util.module_from_spec(spec); spec.loader.exec_module(c)
old = {q["id"] for q in c.load(sys.argv[2])["questions"]}
print("\n".join(sorted(q["id"] for q in c.load(sys.argv[3])["questions"]
                       if q["id"] not in old and not any(w in old for w in q.get("was", [])))))
EOF
}

for ED in 1 2; do
  QOLD="$TESTDATA/nisc-2023.edition-$ED.cfg"
  A="$TMP/answers-$ED.cfg"
  answered $ED "$QOLD" "$A"
  cp "$A" "$TMP/original-$ED.cfg"
  ids=$(sed -n 's/^  { question = "\([^"]*\)".*/\1/p' "$A")
  nids=$(echo "$ids" | wc -l)
  run "$KIJUN" --report=json --questionnaire "$QOLD" "$A"
  if [ "$status" = 0 ] && [ "$(grep -c '"status": "unanswered"' "$TMP/out")" = 0 ] && [ "$(grep -c '"reconfirm": true' "$TMP/out")" = 0 ]; then
    ok "edition $ED: the generated file answers all $nids questions, none to reconfirm"
  else not_ok "edition $ED: the generated file answers all $nids questions, none to reconfirm" "$(head -3 "$TMP/err")"; fi

  want=$(expected "$QOLD")
  nwant=$(echo "$want" | grep -c .)
  start 80 24 -- --lang=en --questionnaire "$Q3" "$A"
  expect_screen "edition $ED: opening says how many answers are to reconfirm" "Answers of edition $ED opened with edition 3: $nwant to reconfirm"
  if cmp -s "$A" "$TMP/original-$ED.cfg"; then ok "edition $ED: opening wrote nothing"; else not_ok "edition $ED: opening wrote nothing"; fi
  # A change that touches no answer: the role in the profile.
  keys p; wait_for "Respondent profile"
  keys Down Down Down Enter; typed " (acting)"; keys Enter
  expect_file "edition $ED: the first save writes edition 3" "$A" "edition = 3;"
  keys Escape; wait_for "Answered"
  keys q; wait_for "Coverage summary"; keys Enter
  expect_screen "edition $ED: leaving exits 0" "EXIT=0"
  if cmp -s "$TMP/original-$ED.cfg" "$TMP/answers-$ED.edition-$ED.cfg"; then ok "edition $ED: the original is kept beside it"
  else not_ok "edition $ED: the original is kept beside it" "$(ls "$TMP")"; fi

  run "$KIJUN" --report=json --questionnaire "$Q3" "$A"
  cp "$TMP/out" "$TMP/report-$ED.json"
  miss_file="" miss_json=""
  for id in $ids; do
    grep -qF "ed$ED note $id: " "$A" || miss_file="$miss_file $id"
    grep -qF "ed$ED note $id: " "$TMP/report-$ED.json" || miss_json="$miss_json $id"
  done
  if [ -z "$miss_file" ]; then ok "edition $ED: every note is in the file after the first save"
  else not_ok "edition $ED: every note is in the file after the first save" "missing:$miss_file"; fi
  if [ -z "$miss_json" ]; then ok "edition $ED: every note is in --report=json"
  else not_ok "edition $ED: every note is in --report=json" "missing:$miss_json"; fi
  if grep -q '^retired' "$A"; then not_ok "edition $ED: no answer was left unplaced" "$(grep -A5 '^retired' "$A")"
  else ok "edition $ED: no answer was left unplaced"; fi

  in_file=$(grep -F 'reconfirm = true' "$A" | sed -n 's/.*question = "\([^"]*\)".*/\1/p' | sort)
  in_json=$(grep -F '"reconfirm": true' "$TMP/report-$ED.json" | sed -n 's/.*"question": "\([^"]*\)".*/\1/p' | sort)
  if [ "$in_file" = "$want" ]; then ok "edition $ED: the file marks exactly those $nwant answers to reconfirm"
  else not_ok "edition $ED: the file marks exactly those $nwant answers to reconfirm" \
    "$(echo "$want" > "$TMP/e"; echo "$in_file" > "$TMP/f"; diff "$TMP/e" "$TMP/f")"; fi
  if [ "$in_json" = "$want" ]; then ok "edition $ED: and so does --report=json"
  else not_ok "edition $ED: and so does --report=json" \
    "$(echo "$want" > "$TMP/e"; echo "$in_json" > "$TMP/f"; diff "$TMP/e" "$TMP/f")"; fi
  add=$(added "$QOLD")
  unanswered=$(grep -F '"status": "unanswered"' "$TMP/report-$ED.json" | sed -n 's/.*"question": "\([^"]*\)".*/\1/p' | sort)
  if [ -n "$add" ] && [ "$unanswered" = "$add" ]; then ok "edition $ED: only the $(echo "$add" | wc -l) questions no answer reaches are unanswered"
  else not_ok "edition $ED: only the questions no answer reaches are unanswered" "added: $add" "unanswered: $unanswered"; fi
done

# Where edition 3 put what edition 2 said (issue 26, item 6).
line() { grep -F "question = \"$2\"" "$1"; }
case "$(line "$TMP/answers-2.cfg" 3.2-d)" in
  *"ed2 note 3.2-b: "*) case "$(line "$TMP/answers-2.cfg" 3.2-d)" in *"reconfirm = true"*) not_ok "edition 2: 3.2-b's answer is at 3.2-d, not to reconfirm" ;;
                          *) ok "edition 2: 3.2-b's answer is at 3.2-d, not to reconfirm" ;; esac ;;
  *) not_ok "edition 2: 3.2-b's answer is at 3.2-d, not to reconfirm" "$(line "$TMP/answers-2.cfg" 3.2-d)" ;;
esac
case "$(line "$TMP/answers-2.cfg" 5.4.1-j)" in
  *"ed2 note 5.4.1-c: "*) case "$(line "$TMP/answers-2.cfg" 5.4.1-j)" in *"reconfirm = true"*) not_ok "edition 2: 5.4.1-c's answer is at 5.4.1-j, not to reconfirm" ;;
                            *) ok "edition 2: 5.4.1-c's answer is at 5.4.1-j, not to reconfirm" ;; esac ;;
  *) not_ok "edition 2: 5.4.1-c's answer is at 5.4.1-j, not to reconfirm" "$(line "$TMP/answers-2.cfg" 5.4.1-j)" ;;
esac
case "$(line "$TMP/answers-2.cfg" 5.4.1-i)" in
  *"ed2 note 5.4.1-i: "*) ok "edition 2: 5.4.1-i keeps its own answer" ;;
  *) not_ok "edition 2: 5.4.1-i keeps its own answer" "$(line "$TMP/answers-2.cfg" 5.4.1-i)" ;;
esac
case "$(line "$TMP/answers-1.cfg" 5.4.1-i)" in
  *"ed1 note 5.4.1-c: "*"reconfirm = true"*) ok "edition 1: 5.4.1-c's answer reaches 5.4.1-i too, to reconfirm" ;;
  *) not_ok "edition 1: 5.4.1-c's answer reaches 5.4.1-i too, to reconfirm" "$(line "$TMP/answers-1.cfg" 5.4.1-i)" ;;
esac

# Help shows the questionnaire's answering rules and what its questions
# rest on, with the guideline's status, in English and Japanese, within
# 80 columns.  The help page is long: page up from its end until the
# heading shows.
help_shows() { # LANG RULES-HEADING STATUS-WORDS PROFILE-TITLE OVERVIEW-WORD
  start 80 24 -- --lang=$1 --questionnaire "$Q3" "$TMP/help-$1.cfg"
  wait_for "$4"; keys Escape; wait_for "$5"
  keys '?'; keys End
  expect_screen "$1: help ends with the guideline's status" "$3"
  expect_width "$1: help within 80 columns" 80
  i=0
  until screen | grep -qF -- "$2" || [ $i -ge 12 ]; do keys PPage; i=$((i + 1)); done
  expect_screen "$1: help shows the answering rules" "$2"
}
help_shows en "How to answer: the questionnaire's rules" "Status of the guideline" "Respondent profile" "Answered"
if [ "$KIJUN_NLS" = yes ]; then
  help_shows ja "回答のきまり（設問票の定め）" "指針の現状" "回答者情報" "回答済み"
fi

done_testing
