# kijun --draft-mapping OLD NEW (kijun-mapping(5), "Drafts"): a mapping
# proposed from shared CSF 2.0 categories and ids, every entry intersect,
# provenance automation and draft; checked, confirmed by a person, and an
# edition-2 answers file to the bundled questionnaire migrated through it
# to a small made-up CSF-shaped questionnaire (tests/data/draft).
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg"
M="$TESTDATA/draft/unified-mock.cfg"
A="$TESTDATA/draft/edition-2-answers.cfg"

run "$KIJUN" --lang=en --draft-mapping "$Q" "$M"
expect_status "--draft-mapping exits 0" 0
cp "$TMP/out" "$TMP/draft.cfg"
expect_in "it says what it drafted" err "drafted 2 entries (every one a proposal to confirm); 1 question of mock-csf has no proposal"
expect_in "provenance: automation, draft" out 'provenance = { method = "automation"; status = "draft"; };'
if [ "$(grep -c 'relation = ' "$TMP/draft.cfg")" -eq "$(grep -c 'relation = "intersect"' "$TMP/draft.cfg")" ]; then ok "every entry is intersect"; else not_ok "every entry is intersect"; fi
if grep -q 'from = ( .*"5.1.3.3-a".* );' "$TMP/draft.cfg" && grep -q 'to = ( "M2-a" )' "$TMP/draft.cfg"; then ok "a shared category (PR.DS) proposes 5.1.3.3-a for M2-a"; else not_ok "a shared category (PR.DS) proposes 5.1.3.3-a for M2-a"; fi
if grep -q '"M3-a"' "$TMP/draft.cfg"; then not_ok "a question sharing nothing gets no entry"; else ok "a question sharing nothing gets no entry"; fi
expect_in "each entry says why it was proposed" out 'shared CSF categories: PR.DS'

run "$KIJUN" --check "$TMP/draft.cfg" "$Q" "$M"
expect_status "the draft is a valid mapping" 0

run "$KIJUN" --lang=en --migrate="$TMP/draft.cfg" "$A" "$TMP/via-draft.cfg" "$Q" "$M"
expect_status "an edition-2 answers file migrates through the draft" 0
expect_in "the draft says so" out "The mapping is a draft: every carried answer is to reconfirm."
if grep -q 'question = "M2-a";.*proposal = "implemented"' "$TMP/via-draft.cfg"; then ok "through the draft, implemented is only a proposal"; else not_ok "through the draft, implemented is only a proposal" "$(grep M2-a "$TMP/via-draft.cfg")"; fi
expect_in "the edition-2 answer renamed in edition 3 (3.2-b, now 3.2-d) reaches nothing and is kept" out "  3.2-d (Partially implemented)"
if grep -qF 'unreached = [ "M3-a" ];' "$TMP/via-draft.cfg"; then ok "M3-a is listed as reached by no answer"; else not_ok "M3-a is listed as reached by no answer"; fi

# A person confirms in a spreadsheet: M2-a is 5.1.3.3-a in other words;
# the rest stands.  The mapping goes to CSV and back.
run "$KIJUN" --export-mapping=csv "$TMP/draft.cfg"
expect_status "--export-mapping=csv exits 0" 0
cp "$TMP/out" "$TMP/draft.csv"
expect_in "the sheet names the questionnaires and the provenance" out "questionnaires,nisc-ci-2023 2023-07-04,mock-csf 2099-01,,,,automation,draft"
run "$KIJUN" --import-mapping="$TMP/draft.csv" "$TMP/draft-back.cfg"
expect_status "--import-mapping of the sheet as exported exits 0" 0
"$KIJUN" --export-mapping=csv "$TMP/draft-back.cfg" > "$TMP/draft-back.csv"
if cmp -s "$TMP/draft.csv" "$TMP/draft-back.csv"; then ok "the mapping round-trips through CSV (same sheet)"; else not_ok "the mapping round-trips through CSV (same sheet)"; fi
python3 - "$TMP/draft.csv" "$TMP/confirmed.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
h = rows[0]
for r in rows[1:]:
    if r[0] == "questionnaires":
        r[h.index("status")] = "complete"; r[h.index("method")] = "hybrid"
    if r[0] == "entry" and r[h.index("to")] == "M2-a":
        r[h.index("from")] = "5.1.3.3-a"; r[h.index("relation")] = "equivalent"
        r[h.index("note_ja")] = "バックアップの復元の確認"; r[h.index("note_en")] = "Backups and restores"
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\r\n").writerows(rows)
bad = [list(r) for r in rows]
bad[2][h.index("relation")] = "same"
csv.writer(open(sys.argv[2] + ".bad", "w", encoding="utf-8", newline=""), lineterminator="\r\n").writerows(bad)
PY
run "$KIJUN" --import-mapping="$TMP/confirmed.csv" "$TMP/confirmed.cfg"
expect_status "the confirmed sheet imports" 0
run "$KIJUN" --lang=en --import-mapping="$TMP/confirmed.csv.bad" "$TMP/bad.cfg"
expect_status "a sheet with an unknown relation exits 65" 65
expect_in "named by row and column" err "row 3, column relation: 'relation' in map entry 1 is \"same\"; expected one of: equal, equivalent, subset, superset, intersect, none"
run "$KIJUN" --check "$TMP/confirmed.cfg" "$Q" "$M"
expect_status "the confirmed mapping is valid" 0
run "$KIJUN" --lang=en --migrate="$TMP/confirmed.cfg" "$A" "$TMP/new.cfg" "$Q" "$M"
expect_status "the edition-2 answers migrate through the confirmed mapping" 0
if grep -q 'question = "M2-a"; status = "implemented"; evidence = "backup log"' "$TMP/new.cfg" && ! grep 'question = "M2-a"' "$TMP/new.cfg" | grep -q reconfirm; then
  ok "confirmed equivalent: implemented carries with its evidence, no reconfirmation"
else not_ok "confirmed equivalent: implemented carries with its evidence, no reconfirmation" "$(grep M2-a "$TMP/new.cfg")"; fi
if grep -q 'question = "M1-a";.*proposal = "implemented"' "$TMP/new.cfg"; then ok "still overlapping: a proposal, the note kept"; else not_ok "still overlapping: a proposal, the note kept"; fi
run "$KIJUN" --lang=en --report "$TMP/new.cfg" -q "$M"
expect_status "the migrated assessment reports" 0
expect_in "with the question no answer reached" out "  M3-a  [Recommended] Unanswered"

run "$KIJUN" --draft-mapping "$Q"
expect_status "--draft-mapping with one questionnaire is bad usage" 2
run "$KIJUN" --draft-mapping "$Q" "$TMP/none.cfg"
expect_status "a missing questionnaire exits 66" 66

done_testing
