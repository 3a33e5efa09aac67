# OSCAL: --export=oscal-catalog / oscal-profile[-baseline|-full] and
# --report=oscal through the real binary: the documents for the bundled
# questionnaire, a fully answered, a partly answered and a hostile answers
# file, in both languages, are byte-identical for the same input, carry
# version 5 UUIDs and zoned times, leave a question not applicable with a
# reason out of the findings and the reviewed controls, and validate
# against NIST's JSON schemas in tests/oscal/schema (with ajv from
# .ci/node, installed by .ci/run; SKIP without it).  A broken document
# must fail that validation.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
SRC=${KIJUN_SRCDIR:-.}
Q="$TESTDATA/mini.cfg"
BUNDLED="$SRC/questionnaires/nisc-2023.cfg"
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# save NAME CMD...: run kijun, keep stdout as $TMP/NAME.json.
save() {
  name=$1; shift
  "$@" >"$TMP/$name.json" 2>"$TMP/err"
  status=$?
}
expect_file_in() {
  if grep -qF -- "$3" "$TMP/$2"; then ok "$1"
  else not_ok "$1" "$2 lacks: $3"
  fi
}
expect_same() {
  if cmp -s "$TMP/$2" "$TMP/$3"; then ok "$1"
  else not_ok "$1" "$2 and $3 differ: $(diff "$TMP/$2" "$TMP/$3" | head -5)"
  fi
}

# ---- the documents --------------------------------------------------------
save catalog "$KIJUN" --export=oscal-catalog "$BUNDLED"
expect_status "catalog of the bundled questionnaire exits 0" 0
expect_file_in "catalog declares OSCAL 1.2.1" catalog.json '"oscal-version": "1.2.1"'
expect_file_in "an item is a control with a letter-first id" catalog.json '"id": "item-5.1.3.3"'
expect_file_in "a question is an assessment objective" catalog.json '"id": "item-5.1.3.3_obj.a"'
expect_file_in "objectives carry CSF categories" catalog.json '"value": "PR.DS-11"'
expect_file_in "objectives carry the PDCA phase" catalog.json '"name": "pdca-phase"'
expect_file_in "English is in translation parts" catalog.json '"name": "translation"'
save catalog2 "$KIJUN" --export=oscal-catalog
expect_same "without a file, the bundled questionnaire is exported" catalog.json catalog2.json
LANG=ja_JP.UTF-8 LC_ALL= save catalog-ja "$KIJUN" --lang ja --export=oscal-catalog "$BUNDLED"
LC_ALL=de_DE.UTF-8 save catalog-de "$KIJUN" --lang en --export=oscal-catalog "$BUNDLED"
expect_same "the catalog is the same in Japanese" catalog.json catalog-ja.json
expect_same "the catalog does not follow the locale" catalog.json catalog-de.json

save profile "$KIJUN" --export=oscal-profile "$BUNDLED"
expect_status "baseline profile exits 0" 0
save profile-b "$KIJUN" --export=oscal-profile-baseline "$BUNDLED"
expect_same "oscal-profile is the baseline selection" profile.json profile-b.json
expect_file_in "the baseline selection removes recommended objectives" profile.json '"by-id": "item-2.1_obj.b"'
save profile-full "$KIJUN" --export=oscal-profile-full "$BUNDLED"
expect_file_in "the full selection includes all" profile-full.json '"include-all"'

save ar-bundled "$KIJUN" --report=oscal "$TESTDATA/csf/nisc-two.cfg" -q "$BUNDLED"
expect_status "assessment results against the bundled questionnaire exit 0" 0
expect_file_in "a met backup question is satisfied" ar-bundled.json '"target-id": "item-5.1.3.3_obj.a"'
save ar-partly "$KIJUN" --report=oscal "$TESTDATA/mini-answers.cfg" -q "$Q"
expect_status "assessment results of a partly answered file exit 0" 0
save ar-full "$KIJUN" --report=oscal "$TESTDATA/oscal-full.cfg" -q "$Q"
save ar-hostile "$KIJUN" --report=oscal "$TESTDATA/oscal-hostile.cfg" -q "$Q"
expect_status "hostile text still gives a document" 0
fixture "$TESTDATA/mini-answers.cfg" "$TMP/empty.cfg"
sed -i '/^answers = (/,$d' "$TMP/empty.cfg"
echo 'answers = ( );' >>"$TMP/empty.cfg"
save ar-empty "$KIJUN" --report=oscal "$TMP/empty.cfg" -q "$Q"
expect_status "an unanswered file gives a document" 0
LANG=ja_JP.UTF-8 LC_ALL= save ar-ja "$KIJUN" --lang ja --report=oscal "$TESTDATA/oscal-full.cfg" -q "$Q"
expect_same "assessment results are the same in Japanese" ar-full.json ar-ja.json
save ar-again "$KIJUN" --report=oscal "$TESTDATA/oscal-full.cfg" -q "$Q"
expect_same "the same answers give the same bytes" ar-full.json ar-again.json

# Out of scope: excluded with its reason, the scope question and its
# answer, in both languages; the scope answers are properties.
cat >"$TMP/scope-a.cfg" <<'A'
kijun_answers = 1;
questionnaire = { id = "scope-test"; version = "1"; };
profile = { organization = "Scope Power"; scope = { ot = "no"; internet = "yes"; }; };
answers = (
  { question = "1-a"; status = "implemented"; updated = "2026-04-01T09:00:00+09:00"; },
  { question = "2-a"; status = "not_implemented"; note = "not started"; updated = "2026-04-01T09:00:00+09:00"; }
);
A
save ar-scope "$KIJUN" --report=oscal "$TMP/scope-a.cfg" -q "$TESTDATA/scope.cfg"
expect_status "assessment results with scope answers exit 0" 0
expect_file_in "the reason for a question out of scope, with the scope question and answer" ar-scope.json \
  '- 2-a (item-2_obj.a): 対象外: 制御システムなし（制御システム（OT）を運用していますか。: いいえ） / not in scope: no control systems (Does your organisation operate control systems (OT)?: No)'
expect_file_in "an unanswered question out of scope has its reason too" ar-scope.json '- 2-d (item-2_obj.d): 対象外'
expect_file_in "the scope answers are properties" ar-scope.json '"value": "ot: no"'

# Not applicable with a reason: excluded, no finding; the exact status kept.
expect_file_in "n/a with a reason is excluded from the reviewed controls" ar-full.json '"statement-ids"'
if grep -q '"target-id": "item-1.2_obj.b"' "$TMP/ar-full.json"; then
  not_ok "n/a with a reason has no finding"
else ok "n/a with a reason has no finding"; fi
expect_file_in "its reason is in its observation" ar-full.json '"remarks": "No control systems on site"'
expect_file_in "an alternative is satisfied with a reason token" ar-full.json '"reason": "alternative"'
expect_file_in "partial is not satisfied" ar-full.json '"reason": "partial"'
expect_file_in "kijun's exact status is a property" ar-full.json '"value": "partial"'
expect_file_in "an alternative without a reason is not satisfied" ar-hostile.json '"reason": "reason-missing"'
expect_file_in "the verdict is a property" ar-full.json '"name": "verdict"'

# Every UUID is version 5; every time has its zone.
for f in catalog profile profile-full ar-bundled ar-partly ar-full ar-hostile ar-empty ar-scope; do
  bad=$(grep -o '"[a-z-]*uuid": "[^"]*"' "$TMP/$f.json" \
        | grep -Ev '"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$' | head -3)
  if [ -z "$bad" ]; then ok "$f: every UUID is version 5"; else not_ok "$f: every UUID is version 5" "$bad"; fi
  bad=$(grep -oE '"(last-modified|start|end|collected)": "[^"]*"' "$TMP/$f.json" \
        | grep -Ev '(Z|[+-][0-9]{2}:[0-9]{2})"$' | head -3)
  if [ -z "$bad" ]; then ok "$f: every time carries its zone"; else not_ok "$f: every time carries its zone" "$bad"; fi
done

# ---- validation against NIST's schemas ------------------------------------
NODE_MODULES=${KIJUN_NODE_MODULES:-$SRC/.ci/node/node_modules}
validate() { NODE_PATH="$NODE_MODULES" node "$SRC/tests/oscal/validate.js" "$SRC/tests/oscal/schema" "$@"; }
if ! command -v node >/dev/null 2>&1 || [ ! -d "$NODE_MODULES/ajv" ] || [ ! -d "$NODE_MODULES/ajv-formats" ]; then
  for f in catalog catalog-ja profile profile-full ar-bundled ar-partly ar-full ar-hostile ar-empty ar-ja ar-scope broken; do
    skip "$f validates against NIST's OSCAL schemas" "node with ajv and ajv-formats not found in $NODE_MODULES (.ci/run installs them)"
  done
else
  for f in catalog catalog-ja profile profile-full ar-bundled ar-partly ar-full ar-hostile ar-empty ar-ja ar-scope; do
    if validate "$TMP/$f.json" >"$TMP/v" 2>&1; then ok "$f validates against NIST's OSCAL schemas"
    else not_ok "$f validates against NIST's OSCAL schemas" "$(head -c 800 "$TMP/v")"; fi
  done
  # A broken document fails: not-applicable is no finding state, and an
  # id may not start with a digit.
  sed 's/"not-satisfied"/"not-applicable"/' "$TMP/ar-full.json" >"$TMP/broken.json"
  sed 's/"id": "item-2.1"/"id": "2.1"/' "$TMP/catalog.json" >"$TMP/broken-cat.json"
  if validate "$TMP/broken.json" >"$TMP/v" 2>&1; then not_ok "a finding state not-applicable fails validation"
  else
    if grep -q 'state must be equal to one of the allowed values' "$TMP/v"; then ok "a finding state not-applicable fails validation"
    else not_ok "a finding state not-applicable fails validation" "$(head -c 400 "$TMP/v")"; fi
  fi
  if validate "$TMP/broken-cat.json" >"$TMP/v" 2>&1; then not_ok "a control id starting with a digit fails validation"
  else ok "a control id starting with a digit fails validation"; fi
fi

# ---- usage ------------------------------------------------------------------
run "$KIJUN" --export=oscal-bogus
expect_status "an unknown export is bad usage" 2
expect_in "it names the exports" err "oscal-catalog, oscal-profile"
run "$KIJUN" --export=oscal-catalog "$TMP/missing.cfg"
expect_status "a missing questionnaire cannot be opened" 66
run "$KIJUN" --export=oscal-catalog --report "$TESTDATA/mini-answers.cfg"
expect_status "--export goes with no other mode" 2

done_testing
