# What an answer becomes through each relation of a mapping
# (kijun-mapping(5), "What an answer becomes"), case by case, over two
# made-up questionnaires (tests/data/carry): equal and equivalent one to
# one carry as given; broader carries implemented; narrower and
# overlapping propose; unrelated carries nothing; many to one takes the
# least met; a draft mapping makes everything to reconfirm; the two gap
# lists are printed.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
D="$TESTDATA/carry"

# answer ID FILE: the answer group of question ID in FILE, on one line.
answer() { grep -F "{ question = \"$1\";" "$2"; }
# has NAME ID FILE TEXT / lacks NAME ID FILE TEXT
has() {
  if answer "$2" "$3" | grep -qF -- "$4"; then ok "$1"; else not_ok "$1" "answer $2: $(answer "$2" "$3")" "lacks: $4"; fi
}
lacks() {
  if answer "$2" "$3" | grep -qF -- "$4"; then not_ok "$1" "answer $2: $(answer "$2" "$3")" "has: $4"; else ok "$1"; fi
}

run "$KIJUN" --check "$D/old-to-new.cfg" "$D/old.cfg" "$D/new.cfg"
expect_status "the rule fixture is a valid mapping (equivalent and none are relations)" 0

N="$TMP/new.cfg"
run "$KIJUN" --lang=en --migrate="$D/old-to-new.cfg" "$D/old-answers.cfg" "$N" "$D/old.cfg" "$D/new.cfg"
expect_status "--migrate exits 0" 0

has "equal, one to one: the status is carried" n1 "$N" 'status = "implemented"'
has "equal: the note is carried" n1 "$N" 'note = "policy of 2019"'
has "equal: the evidence is carried" n1 "$N" 'evidence = "POL-1"'
lacks "equal, one to one: no reconfirmation" n1 "$N" 'reconfirm'
has "equivalent, one to one: carried" n2 "$N" 'status = "alternative"; note = "a spreadsheet instead"; evidence = "AST-2"'
lacks "equivalent, one to one: no reconfirmation" n2 "$N" 'reconfirm'
has "broader: implemented carries" n3 "$N" 'status = "implemented"'
lacks "broader: implemented carries without reconfirmation" n3 "$N" 'reconfirm'
has "broader: partial is carried to reconfirm" n4 "$N" 'status = "partial"'
has "broader: partial is to reconfirm" n4 "$N" 'reconfirm = true'
lacks "narrower: implemented does not carry as met" n5 "$N" 'status ='
has "narrower: the old answer is a proposal" n5 "$N" 'proposal = "implemented"'
has "narrower: the note still comes" n5 "$N" 'note = "yearly drill"'
has "narrower: where it came from" n5 "$N" 'from = "carry-old 1: o5"'
lacks "overlapping: implemented does not carry as met" n6 "$N" 'status ='
has "overlapping: the old answer is a proposal" n6 "$N" 'proposal = "implemented"'
if answer n7 "$N" >/dev/null; then not_ok "unrelated: nothing is carried"; else ok "unrelated: nothing is carried"; fi
if answer n9 "$N" >/dev/null; then not_ok "no entry: nothing is carried"; else ok "no entry: nothing is carried"; fi
has "many to one: the least met wins" n8 "$N" 'status = "partial"'
has "many to one: to reconfirm" n8 "$N" 'reconfirm = true'
has "many to one: both sources named" n8 "$N" 'from = "carry-old 1: o8, o9"'
has "unrelated: the source answer is kept in retired" o7 "$N" 'status = "not_implemented"; note = "never had one"'

expect_in "the summary counts the proposals" out "2 answers carried only as a proposal (narrower or overlapping)"
expect_in "the first gap list: target questions no answer reaches" out "Questions of carry-new that no answer of carry-old reaches (to answer): 2 questions"
if grep -qx '  n7' "$TMP/out" && grep -qx '  n9' "$TMP/out"; then ok "it lists n7 and n9"; else not_ok "it lists n7 and n9" "$(cat "$TMP/out")"; fi
expect_in "the second gap list: source answers that reach nothing" out "Answers of carry-old that reach no question of carry-new (kept in 'retired'): 1 answer"
expect_in "it lists o7 with its answer" out "  o7 (Not implemented)"

if grep -qF 'unreached = [ "n7", "n9" ];' "$N"; then ok "the new file keeps the first gap list (unreached)"; else not_ok "the new file keeps the first gap list (unreached)" "$(grep unreached "$N")"; fi
run "$KIJUN" --lang=en --report=json "$N" --questionnaire "$D/new.cfg"
expect_status "the migrated file reads back" 0
expect_in "--report=json of the result: the first gap list" out '"unreached": [ "n7", "n9" ]'
expect_in "--report=json of the result: the second (retired)" out '{ "question": "o7", "status": "not_implemented"'
run "$KIJUN" --lang=en --report=text "$N" --questionnaire "$D/new.cfg"
expect_status "and reports in text" 0
expect_in "--report of the result: the first gap list" out "Questions no earlier answer reached (after a migration)"
expect_in "with its questions" out "  n9  [Baseline] Unanswered"
expect_in "--report of the result: the second gap list" out "Answer to a question no longer asked (1)"
expect_in "a proposal is listed to reconfirm with the old answer" out "n5  [Baseline] Unanswered (proposed: Implemented)"
if grep -q "Baseline coverage  *\[.*(3/9)" "$TMP/out" || grep -q "(3/9)" "$TMP/out"; then ok "proposals do not count as met (3 of 9)"; else not_ok "proposals do not count as met (3 of 9)" "$(grep -m3 '/9)' "$TMP/out")"; fi

# A draft mapping: every carried answer to reconfirm, and it says so.
sed 's/^map = (/provenance = { method = "automation"; status = "draft"; };\nmap = (/' "$D/old-to-new.cfg" > "$TMP/draft.cfg"
run "$KIJUN" --check "$TMP/draft.cfg" "$D/old.cfg" "$D/new.cfg"
expect_status "a mapping with provenance is valid" 0
run "$KIJUN" --lang=en --migrate="$TMP/draft.cfg" "$D/old-answers.cfg" "$TMP/draft-new.cfg" "$D/old.cfg" "$D/new.cfg"
expect_status "--migrate through a draft exits 0" 0
expect_in "it says the mapping is a draft" out "The mapping is a draft: every carried answer is to reconfirm."
has "draft: even equal is to reconfirm" n1 "$TMP/draft-new.cfg" 'reconfirm = true'
has "draft: broader implemented is to reconfirm" n3 "$TMP/draft-new.cfg" 'reconfirm = true'
expect_in "draft: 7 of 7 to reconfirm" out "7 questions of carry-new received an answer; 7 of them to reconfirm"

sed 's/status = "draft"/status = "maybe"/' "$TMP/draft.cfg" > "$TMP/bad.cfg"
run "$KIJUN" --check "$TMP/bad.cfg" "$D/old.cfg" "$D/new.cfg"
expect_status "an unknown provenance status exits 65" 65
expect_in "and names the expected words" err "'status' in 'provenance' of the mapping is \"maybe\"; expected one of: complete, draft"

sed 's/( "o2" ); to = ( "n2" ); relation = "equivalent"/( "o2", "o7" ); to = ( "n2" ); relation = "equivalent"/' "$D/old-to-new.cfg" > "$TMP/eq2.cfg"
run "$KIJUN" --check "$TMP/eq2.cfg" "$D/old.cfg" "$D/new.cfg"
expect_status "equivalent with two sources exits 65" 65
expect_in "the count rule names the relation" err "is \"equivalent\" but maps 2 question(s) to 1"

done_testing
