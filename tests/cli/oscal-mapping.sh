# OSCAL control mappings (issue 28, item 2; kijun-mapping(5), "OSCAL"):
# --export=oscal-mapping writes a kijun mapping as an OSCAL 1.2 mapping
# collection, byte-identical for the same input, that validates against
# NIST's 1.2.1 mapping schema (tests/oscal/schema, with ajv; SKIP without
# it); --check and --migrate read it back; migrating through it gives the
# same answers file as through the kijun mapping (for a hand-made mapping
# and for a draft from --draft-mapping over the bundled questionnaire);
# the gap summaries are checked against the questionnaires; and malformed
# or hostile documents get one line naming the file and line, exit 65.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
SRC=${KIJUN_SRCDIR:-.}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
C="$TESTDATA/carry"
Q="$SRC/questionnaires/nisc-2023.cfg"
D="$TESTDATA/draft"

# one_line NAME: stderr is exactly one line naming FILE:LINE.
one_line() {
  if [ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -qE "^$TMP/$2:[0-9]+: " "$TMP/err"; then ok "$1"
  else not_ok "$1" "stderr: $(head -c 600 "$TMP/err")"; fi
}

# ---- export, byte-identical -------------------------------------------------
run "$KIJUN" --export=oscal-mapping "$C/old-to-new.cfg" "$C/old.cfg" "$C/new.cfg"
expect_status "--export=oscal-mapping writes a mapping" 0
cp "$TMP/out" "$TMP/m.json"
expect_in "a mapping collection" out '"mapping-collection": {'
expect_in "the relationship in OSCAL's words" out '"relationship": "equal-to"'
expect_in "questions by their objective ids" out '"id-ref": "item-S_obj.o1"'
expect_in "the questionnaires named for kijun" out '"name": "questionnaire-id"'
LANG=ja_JP.UTF-8 "$KIJUN" --lang=ja --export=oscal-mapping "$C/old-to-new.cfg" "$C/old.cfg" "$C/new.cfg" >"$TMP/m-ja.json"
if cmp -s "$TMP/m.json" "$TMP/m-ja.json"; then ok "the same bytes in any language"
else not_ok "the same bytes in any language" "$(diff "$TMP/m.json" "$TMP/m-ja.json" | head -5)"; fi

# ---- read back: --check and --migrate ---------------------------------------
run "$KIJUN" --check="$TMP/m.json" "$C/old.cfg" "$C/new.cfg"
expect_status "--check accepts the OSCAL mapping" 0
expect_empty "--check is silent on it" err
run "$KIJUN" --lang=en --migrate="$C/old-to-new.cfg" "$C/old-answers.cfg" "$TMP/via-kijun.cfg" "$C/old.cfg" "$C/new.cfg"
sed "s|$TMP/via-kijun.cfg|NEW|" "$TMP/out" >"$TMP/sum-kijun"
run "$KIJUN" --lang=en --migrate="$TMP/m.json" "$C/old-answers.cfg" "$TMP/via-oscal.cfg" "$C/old.cfg" "$C/new.cfg"
expect_status "--migrate reads an OSCAL mapping" 0
sed "s|$TMP/via-oscal.cfg|NEW|" "$TMP/out" >"$TMP/sum-oscal"
if cmp -s "$TMP/via-kijun.cfg" "$TMP/via-oscal.cfg"; then ok "round trip: the same answers file as through the kijun mapping"
else not_ok "round trip: the same answers file as through the kijun mapping" "$(diff "$TMP/via-kijun.cfg" "$TMP/via-oscal.cfg" | head -8)"; fi
if cmp -s "$TMP/sum-kijun" "$TMP/sum-oscal"; then ok "round trip: the same summary and gap lists"
else not_ok "round trip: the same summary and gap lists" "$(diff "$TMP/sum-kijun" "$TMP/sum-oscal" | head -8)"; fi

# A draft from --draft-mapping over the bundled questionnaire: status draft,
# method automation, carried the same way.
"$KIJUN" --draft-mapping "$Q" "$D/unified-mock.cfg" >"$TMP/draft.cfg" 2>/dev/null
run "$KIJUN" --export=oscal-mapping "$TMP/draft.cfg" "$Q" "$D/unified-mock.cfg"
expect_status "a draft exports" 0
cp "$TMP/out" "$TMP/draft.json"
expect_in "its status stays draft" out '"status": "draft"'
expect_in "its method stays automation" out '"method": "automation"'
expect_in "the target gap summary is written" out '"target-gap-summary": {'
run "$KIJUN" --check="$TMP/draft.json" "$Q" "$D/unified-mock.cfg"
expect_status "--check accepts the draft with its gap summaries" 0
"$KIJUN" --lang=en --migrate="$TMP/draft.cfg" "$D/edition-2-answers.cfg" "$TMP/d-kijun.cfg" "$Q" "$D/unified-mock.cfg" >/dev/null 2>&1
run "$KIJUN" --lang=en --migrate="$TMP/draft.json" "$D/edition-2-answers.cfg" "$TMP/d-oscal.cfg" "$Q" "$D/unified-mock.cfg"
expect_in "a draft OSCAL mapping says every answer is to reconfirm" out "The mapping is a draft"
if cmp -s "$TMP/d-kijun.cfg" "$TMP/d-oscal.cfg"; then ok "round trip of the draft: the same answers file"
else not_ok "round trip of the draft: the same answers file" "$(diff "$TMP/d-kijun.cfg" "$TMP/d-oscal.cfg" | head -8)"; fi
run "$KIJUN" --export-mapping=csv "$TMP/m.json" "$C/old.cfg" "$C/new.cfg"
expect_status "--export-mapping reads an OSCAL mapping too" 0
expect_in "... with question ids, not objective ids" out "entry,o1,n1,equal"
"$KIJUN" --export-mapping=csv "$C/old-to-new.cfg" >"$TMP/from-kijun.csv"
if cmp -s "$TMP/out" "$TMP/from-kijun.csv"; then ok "... the same sheet as from the kijun mapping"
else not_ok "... the same sheet as from the kijun mapping" "$(diff "$TMP/out" "$TMP/from-kijun.csv" | head -5)"; fi

# ---- the schema ----------------------------------------------------------------
NODE_MODULES=${KIJUN_NODE_MODULES:-$SRC/.ci/node/node_modules}
validate() { NODE_PATH="$NODE_MODULES" node "$SRC/tests/oscal/validate.js" "$SRC/tests/oscal/schema" "$@"; }
if ! command -v node >/dev/null 2>&1 || [ ! -d "$NODE_MODULES/ajv" ] || [ ! -d "$NODE_MODULES/ajv-formats" ]; then
  for f in m draft broken; do
    skip "$f validates against NIST's OSCAL 1.2.1 mapping schema" "node with ajv and ajv-formats not found in $NODE_MODULES"
  done
else
  for f in m draft; do
    if validate "$TMP/$f.json" >"$TMP/v" 2>&1; then ok "$f validates against NIST's OSCAL 1.2.1 mapping schema"
    else not_ok "$f validates against NIST's OSCAL 1.2.1 mapping schema" "$(head -c 800 "$TMP/v")"; fi
  done
  sed 's/"relationship": "equal-to"/"relation": "equal-to"/' "$TMP/m.json" >"$TMP/broken.json"
  if validate "$TMP/broken.json" >"$TMP/v" 2>&1; then not_ok "a broken mapping fails the schema"
  else ok "a broken mapping fails the schema"; fi
fi

# ---- gap summaries checked -----------------------------------------------------
python3 - "$TMP/draft.json" "$TMP/gap-wrong.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = d["mapping-collection"]["mappings"][0]
ids = m["target-gap-summary"]["unmapped-controls"][0]["with-ids"]
ids.pop()                                   # leave one unmapped question out
ids.append(m["maps"][0]["targets"][0]["id-ref"])   # and list a mapped one
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
run "$KIJUN" --lang=en --check="$TMP/gap-wrong.json" "$Q" "$D/unified-mock.cfg"
expect_status "a wrong gap summary is refused" 65
expect_in "... naming the mapped question it lists" err "as unmapped, but a map names it"
expect_in "... and the unmapped one it leaves out" err "which no map reaches"

# ---- malformed and hostile documents: one line, file and line, 65 ------------
bad() { # NAME FILE EXPECTED-TEXT
  run "$KIJUN" --lang=en --check="$TMP/$2" "$C/old.cfg" "$C/new.cfg"
  expect_status "$1: refused" 65
  one_line "$1: one line naming the file and line" "$2"
  expect_in "$1: says what was expected" err "$3"
  run "$KIJUN" --lang=en --migrate="$TMP/$2" "$C/old-answers.cfg" "$TMP/never.cfg" "$C/old.cfg" "$C/new.cfg"
  if [ "$status" -eq 65 ] && [ ! -e "$TMP/never.cfg" ]; then ok "$1: --migrate refuses it and writes nothing"
  else not_ok "$1: --migrate refuses it and writes nothing" "status $status"; fi
}
printf '{"mapping-collection": {"uuid": ' >"$TMP/trunc.json"
bad "truncated JSON" trunc.json "not JSON here"
sed 's/"relationship": "equal-to"/"relationship": "same-as"/' "$TMP/m.json" >"$TMP/rel.json"
bad "an unknown relationship" rel.json 'expected one of: equal-to, equivalent-to, subset-of'
sed 's/"id-ref": "item-S_obj.o1"/"id-ref": "item-S_obj.zz"/' "$TMP/m.json" >"$TMP/id.json"
run "$KIJUN" --lang=en --check="$TMP/id.json" "$C/old.cfg" "$C/new.cfg"
expect_status "an objective the questionnaire lacks: refused" 65
one_line "an objective the questionnaire lacks: one line" id.json
expect_in "... names the id" err "item-S_obj.zz"
sed 's/"status": "complete"/"status": "finished"/' "$TMP/m.json" >"$TMP/status.json"
bad "an unknown provenance status" status.json "expected one of: complete, not-complete, draft"
sed '0,/"uuid": "[^"]*"/s//"uuid": "not-a-uuid"/' "$TMP/m.json" >"$TMP/uuid.json"
bad "a bad UUID" uuid.json "expected a UUID of version 4 or 5"
sed 's/"method": "human",/"method": "human", "evil\\u001b[2J": 1,/' "$TMP/m.json" >"$TMP/member.json"
bad "a member the model does not define" member.json "which the OSCAL 1.2 mapping model does not define"
if grep -q "$(printf '\033')" "$TMP/err"; then not_ok "an escape sequence in a member name is shown escaped"
else ok "an escape sequence in a member name is shown escaped"; fi
sed 's/"method": "human",/"method": "human", "method": "automation",/' "$TMP/m.json" >"$TMP/twice.json"
bad "a member given twice" twice.json "twice; expected each member once"
python3 -c 'import sys; sys.stdout.write("{\"a\":"*200 + "1" + "}"*200)' >"$TMP/deep.json"
bad "nesting too deep" deep.json "at most 64 levels of nesting"
python3 - "$TMP/m.json" "$TMP/conf.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["mapping-collection"]["provenance"]["confidence-score"] = {"percentage": 7}
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
bad "a confidence out of range" conf.json "expected a number from 0 to 1"
python3 - "$TMP/m.json" "$TMP/two.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ms = d["mapping-collection"]["mappings"]
ms.append(ms[0])
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
bad "two mappings in one collection" two.json "expected one (a kijun mapping joins two questionnaires)"
python3 - "$TMP/m.json" "$TMP/eq.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = d["mapping-collection"]["mappings"][0]["maps"][0]
m["sources"] = [{"type": "control", "id-ref": "item-S"}]
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
run "$KIJUN" --lang=en --check="$TMP/eq.json" "$C/old.cfg" "$C/new.cfg"
expect_in "a control (an item) stands for its questions; equal-to then needs one on each side" err "expected one question on each side"

done_testing
