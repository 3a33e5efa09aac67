# --merge: disjoint inputs, agreeing and conflicting answers, inputs of
# different editions, profiles that disagree, inputs that are not answers
# files, and OUT never overwritten nor an input.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"
E="$TESTDATA/editions"
D=sha256:8bb17b3851a76a7906d86c8a166e86576207914ad44e114c97ebfebd77c3071b

# answers FILE RESPONDENT ORGANISATION ANSWERS...: a mini answers file.
answers() {
  f=$1 who=$2 org=$3; shift 3
  { printf 'kijun_answers = 1;\nquestionnaire = { id = "mini"; version = "1"; digest = "%s"; };\n' "$D"
    printf 'profile = { organization = "%s"; sector = "water"; respondent = "%s"; started = "%s"; };\nanswers = (\n' \
      "$org" "$who" "2026-0$(( ${#who} % 9 + 1 ))-01T09:00:00+09:00"
    sep=""
    for a in "$@"; do printf '%s  %s' "$sep" "$a"; sep=",
"; done
    printf '\n);\n'; } > "$f"
}
# json_answer FILE QUESTION: that answer's line of the JSON report.
json_answer() { "$KIJUN" --report=json -q "$Q" "$1" | grep "\"question\": \"$2\""; }

answers "$TMP/it.cfg" Sato "Kita Water" \
  '{ question = "1.1-a"; status = "implemented"; note = "policy v3"; evidence = "doc 12"; }' \
  '{ question = "1.1-b"; status = "partial"; }'
answers "$TMP/ot.cfg" Suzuki "Kita Water" \
  '{ question = "1.2-a"; status = "implemented"; }' \
  '{ question = "1.2-b"; status = "alternative"; note = "replica at the plant"; }'

# ---- disjoint ---------------------------------------------------------------
run "$KIJUN" --merge "$TMP/out1.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg"
expect_status "disjoint inputs merge with status 0" 0
expect_in "the summary names each input and its answers" out "it.cfg [Sato]: 2 answers, 2 of them from this file alone"
expect_in "the summary counts no conflict" out "Conflicts: 0"
expect_in "the summary counts what is still unanswered" out "Still unanswered: 4 of 8 questions"
run json_answer "$TMP/out1.cfg" 1.1-a
expect_in "an answer from one input keeps its status" out '"status": "implemented"'
expect_in "... its note" out '"note": "policy v3"'
expect_in "... and its evidence" out '"evidence": "doc 12"'
expect_in "... and is not marked to reconfirm" out '"reconfirm": false'
run json_answer "$TMP/out1.cfg" 1.2-b
expect_in "answers of the other input are there too" out '"status": "alternative", "met": true'
run "$KIJUN" --report=json -q "$Q" "$TMP/out1.cfg"
expect_in "the organisation is the inputs' own" out '"organization": "Kita Water"'
expect_in "both respondents are kept" out '"respondent": "Sato; Suzuki"'
expect_in "the assessment started at the earliest start" out '"started": "2026-05-01T09:00:00+09:00"'

# ---- agreeing and conflicting --------------------------------------------
answers "$TMP/fac.cfg" Ito "Kita Water" \
  '{ question = "1.1-a"; status = "implemented"; note = "policy v3"; evidence = "doc 12"; }' \
  '{ question = "1.2-b"; status = "not_implemented"; note = "no replica yet"; }'
run "$KIJUN" --merge "$TMP/out2.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg" "$TMP/fac.cfg"
expect_status "conflicting inputs merge with status 0" 0
expect_in "the conflicts are listed by question id" out "Conflicts: 1 (the least met answer kept, every note kept, marked to reconfirm): 1.2-b"
run json_answer "$TMP/out2.cfg" 1.2-b
expect_in "a conflict takes the least met status" out '"status": "not_implemented"'
expect_in "a conflict keeps every input's note, labelled by respondent" out '"note": "[Suzuki] replica at the plant\n[Ito] no replica yet"'
expect_in "a conflict is marked to reconfirm" out '"reconfirm": true'
run json_answer "$TMP/out2.cfg" 1.1-a
expect_in "the same answer in two inputs agrees: kept once" out '"note": "policy v3", "evidence": "doc 12"'
expect_in "an agreement is not marked to reconfirm" out '"reconfirm": false'
run grep -c 'reconfirm = true' "$TMP/out2.cfg"
if [ "$(cat "$TMP/out")" = 1 ]; then ok "the file marks exactly the conflict to reconfirm"; else not_ok "the file marks exactly the conflict to reconfirm" "$(cat "$TMP/out")"; fi

# ---- --dry-run: the same summary, nothing written --------------------------
cp "$TMP/it.cfg" "$TMP/it-before.cfg"
run "$KIJUN" --merge "$TMP/dry.cfg" --dry-run -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg" "$TMP/fac.cfg"
expect_status "--dry-run succeeds" 0
expect_in "--dry-run says nothing was written" out "Would merge 3 answers files into"
expect_in "--dry-run lists the conflicts a merge would have" out "Conflicts: 1 (the least met answer kept, every note kept, marked to reconfirm): 1.2-b"
if [ ! -e "$TMP/dry.cfg" ]; then ok "--dry-run writes no OUT"; else not_ok "--dry-run writes no OUT"; fi
if cmp -s "$TMP/it.cfg" "$TMP/it-before.cfg"; then ok "--dry-run leaves the inputs alone"; else not_ok "--dry-run leaves the inputs alone"; fi
run "$KIJUN" -n --merge "$TMP/out1.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg"
expect_status "-n still refuses an OUT that exists" 73
run "$KIJUN" --dry-run --report "$TMP/it.cfg"
expect_status "--dry-run without --merge is bad usage" 2
expect_in "... and says what it goes with" err "--dry-run is used with --merge"
run env LANGUAGE=ja LC_ALL=C.UTF-8 "$KIJUN" --lang ja --merge "$TMP/dry.cfg" -n -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg"
expect_status "--dry-run in Japanese" 0
expect_in "... says so in Japanese" out "統合した場合の結果です（何も書いていません）"
if [ ! -e "$TMP/dry.cfg" ]; then ok "... and writes nothing either"; else not_ok "... and writes nothing either"; fi

# Two inputs with one respondent: told apart by file names.
answers "$TMP/ot2.cfg" Suzuki "Kita Water" '{ question = "1.2-b"; status = "partial"; note = "half"; }'
run "$KIJUN" --merge "$TMP/out3.cfg" -q "$Q" "$TMP/ot.cfg" "$TMP/ot2.cfg"
run json_answer "$TMP/out3.cfg" 1.2-b
expect_in "inputs with the same respondent are labelled by file name" out '"note": "[ot.cfg] replica at the plant\n[ot2.cfg] half"'

# ---- different editions -------------------------------------------------------
cat > "$TMP/shop3.cfg" <<'EOT'
kijun_answers = 1;
questionnaire = { id = "shop"; version = "1"; edition = 3; };
profile = { organization = "Shop water works"; sector = "water"; respondent = "Kato"; };
answers = (
  { question = "b-backup"; status = "not_implemented"; note = "tapes lost"; revision = 1; },
  { question = "t1"; status = "implemented"; revision = 1; }
);
EOT
run "$KIJUN" --merge "$TMP/shop.cfg" -q "$E/shop-3.cfg" "$E/shop-1-answers.cfg" "$TMP/shop3.cfg"
expect_status "inputs of editions 1 and 3 merge" 0
expect_in "the edition-1 answer to b1 meets the edition-3 answer to b-backup: a conflict" out "b-backup"
run "$KIJUN" --report=json -q "$E/shop-3.cfg" "$TMP/shop.cfg"
expect_in "the merged file is of the current edition" out '"question": "t1"'
if grep -q 'edition = 3' "$TMP/shop.cfg"; then ok "the merged file names edition 3"; else not_ok "the merged file names edition 3" "$(head -12 "$TMP/shop.cfg")"; fi
expect_in "the carried answer conflicts and takes the least met" out '"question": "b-backup", "section": "2", "phase": "do", "level": "baseline", "level_basis": null, "csf": null, "csf_refs": [], "status": "not_implemented"'
if grep -q 'zz-local' "$TMP/shop.cfg"; then ok "an answer to a question no longer asked is kept"; else not_ok "an answer to a question no longer asked is kept"; fi
# A merge merged with a copy of itself keeps each answer no longer asked once.
cp "$TMP/shop.cfg" "$TMP/shop-copy.cfg"
run "$KIJUN" --merge "$TMP/shop-again.cfg" -q "$E/shop-3.cfg" "$TMP/shop.cfg" "$TMP/shop-copy.cfg"
expect_status "a merge merged with its copy" 0
if [ "$(grep -c 'question = "zz-local"' "$TMP/shop-again.cfg")" = 1 ]; then ok "... keeps the retired list as it was, not doubled"
else not_ok "... keeps the retired list as it was, not doubled" "$(grep -c zz-local "$TMP/shop-again.cfg")"; fi

# ---- profiles that disagree -----------------------------------------------
answers "$TMP/other-org.cfg" Mori "Minami Water" '{ question = "1.3-a"; status = "implemented"; }'
run "$KIJUN" --merge "$TMP/out4.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/other-org.cfg"
expect_status "two organisations: exit status 65" 65
expect_in "two organisations: a clear error naming both, as kijun's (I18)" err "kijun: the inputs name different values of 'organization': Kita Water; Minami Water"
if [ -e "$TMP/out4.cfg" ]; then not_ok "two organisations: nothing written"; else ok "two organisations: nothing written"; fi
run "$KIJUN" --merge "$TMP/out4.cfg" --profile-from="$TMP/other-org.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/other-org.cfg"
expect_status "--profile-from settles it" 0
run "$KIJUN" --report=json -q "$Q" "$TMP/out4.cfg"
expect_in "--profile-from's profile is kept" out '"organization": "Minami Water"'
expect_in "--profile-from's respondent is kept" out '"respondent": "Mori"'
run "$KIJUN" --merge "$TMP/out5.cfg" --profile-from="$TMP/fac.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/other-org.cfg"
expect_status "--profile-from naming no input is bad usage" 2

# ---- inputs that are not answers files, and OUT ------------------------------
run "$KIJUN" --merge "$TMP/out6.cfg" -q "$Q" "$TMP/it.cfg" "$Q"
expect_status "a questionnaire given as an input: exit status 65" 65
expect_in "... named with what is wrong" err "mini.cfg:1: not a kijun answers file"
if [ -e "$TMP/out6.cfg" ]; then not_ok "... and nothing written"; else ok "... and nothing written"; fi
run "$KIJUN" --merge "$TMP/out6.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/missing.cfg"
expect_status "a missing input: exit status 66" 66
cp "$TMP/fac.cfg" "$TMP/keep.cfg"
run "$KIJUN" --merge "$TMP/keep.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg"
expect_status "OUT exists: exit status 73" 73
expect_in "OUT exists: said so" err "keep.cfg: exists"
if cmp -s "$TMP/fac.cfg" "$TMP/keep.cfg"; then ok "OUT exists: left as it was"; else not_ok "OUT exists: left as it was"; fi
run "$KIJUN" --merge "$TMP/it.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg"
expect_status "OUT is an input: exit status 73" 73
expect_in "OUT is an input: said so" err "is one of the inputs"
run "$KIJUN" --merge "$TMP/out7.cfg" -q "$Q"
expect_status "--merge without inputs is bad usage" 2
run "$KIJUN" --lang ja --merge "$TMP/out8.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg" "$TMP/fac.cfg"
expect_in "the summary in Japanese" out "競合"

# ---- what a merge writes, kijun reads (issue 21) ------------------------------
# Seven inputs with 12 KB notes on one question: the joined note is longer
# than one string may be; it is kept whole, and the file opens.
long=$(head -c 12000 /dev/zero | tr '\0' 'x')
set --
for k in 1 2 3 4 5 6 7; do
  answers "$TMP/long$k.cfg" "R$k" "Kita Water" "{ question = \"1.1-a\"; status = \"partial\"; note = \"$k$long\"; }"
  set -- "$@" "$TMP/long$k.cfg"
done
run "$KIJUN" --merge "$TMP/long-out.cfg" -q "$Q" "$@"
expect_status "seven 12 KB notes on one question merge" 0
run "$KIJUN" --report=json -q "$Q" "$TMP/long-out.cfg"
expect_status "... and the merged file opens" 0
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); n=[a["note"] for a in d["answers"] if a["question"]=="1.1-a"][0]; sys.exit(0 if all("[R%d] %d" % (k,k) in n for k in range(1,8)) and len(n) > 84000 else 1)' "$TMP/out"
then ok "... with every note whole"; else not_ok "... with every note whole"; fi
# 1,200 respondents: the joined respondent field is long too.
set --
i=0
while [ $i -lt 1200 ]; do
  printf 'kijun_answers = 1;\nquestionnaire = { id = "mini"; version = "1"; };\nprofile = { organization = "Kita Water"; respondent = "respondent number %04d of the Kita Water survey team, water works department"; };\nanswers = ( { question = "1.1-a"; status = "implemented"; } );\n' $i > "$TMP/r$i.cfg"
  set -- "$@" "$TMP/r$i.cfg"; i=$((i + 1))
done
run "$KIJUN" --merge "$TMP/many-out.cfg" -q "$Q" "$@"
expect_status "1,200 respondents merge" 0
run "$KIJUN" --report=json -q "$Q" "$TMP/many-out.cfg"
expect_status "... and the merged file opens" 0
expect_in "... with the last respondent kept" out "respondent number 1199 of the Kita Water survey team, water works department\""
rm -f "$TMP"/r[0-9]*.cfg
# File names as labels: ESC, a byte 0xff and U+202E are escaped.
k=0
for nm in "$(printf 'esc\033[31m.cfg')" "$(printf 'ff\377.cfg')" "$(printf 'bidi\342\200\256gfc.cfg')"; do
  answers "$TMP/$nm" Same "Kita Water" "{ question = \"1.1-a\"; status = \"partial\"; note = \"from $k\"; }"
  k=$((k + 1))
done
run "$KIJUN" --merge "$TMP/names-out.cfg" -q "$Q" "$TMP"/esc* "$TMP"/ff* "$TMP"/bidi*
expect_status "inputs with control bytes in their names merge" 0
run "$KIJUN" --report=json -q "$Q" "$TMP/names-out.cfg"
expect_status "... and the merged file opens" 0
expect_in "... the names labelled, escaped (ESC)" out '[esc^[[31m.cfg] from'
expect_in "... (a byte 0xff)" out '[ff\\xFF.cfg] from'
expect_in "... (U+202E)" out '[bidi<U+202E>gfc.cfg] from'
# One file named twice (a hard link) is refused.
ln "$TMP/it.cfg" "$TMP/it-link.cfg"
run "$KIJUN" --merge "$TMP/twice.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg" "$TMP/it-link.cfg"
expect_status "an input named twice (a hard link) is bad usage" 2
expect_in "... said so" err "is the same file as the input"
if [ -e "$TMP/twice.cfg" ]; then not_ok "... and nothing written"; else ok "... and nothing written"; fi
# Owners are compared whole: "Ops" is kept beside "DevOps".
answers "$TMP/own1.cfg" A "Kita Water" '{ question = "1.1-b"; status = "partial"; action = "a"; owner = "DevOps"; }'
answers "$TMP/own2.cfg" B "Kita Water" '{ question = "1.1-b"; status = "not_implemented"; action = "b"; owner = "Ops"; }'
answers "$TMP/own3.cfg" C "Kita Water" '{ question = "1.1-b"; status = "partial"; action = "c"; owner = "IT"; }'
answers "$TMP/own4.cfg" D "Kita Water" '{ question = "1.1-b"; status = "partial"; action = "d"; owner = "IT security"; }'
run "$KIJUN" --merge "$TMP/own-out.cfg" -q "$Q" "$TMP/own1.cfg" "$TMP/own2.cfg" "$TMP/own4.cfg" "$TMP/own3.cfg"
expect_status "owners merge" 0
if grep -q 'owner = "DevOps, Ops, IT security, IT"' "$TMP/own-out.cfg"; then ok "... each owner kept, compared whole"
else not_ok "... each owner kept, compared whole" "$(grep owner "$TMP/own-out.cfg")"; fi
# A write error names the file.
run "$KIJUN" --merge "$TMP/no-such-folder/out.cfg" -q "$Q" "$TMP/it.cfg" "$TMP/ot.cfg"
expect_status "a merge that cannot write: 73" 73
expect_in "... names the file" err "no-such-folder/out.cfg: cannot create: No such file or directory"

done_testing
