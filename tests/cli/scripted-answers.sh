# A file scripted from kijun-answers(5), without revision (issue 23 item
# 8, review S11): its answers are given to the questions as they are, so
# the same answers typed and scripted get the same verdict; a file an
# earlier kijun wrote (with its digest) still has its answers to revised
# questions reconfirmed.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/editions/shop-2.cfg"
# a1_reconfirm NAME true|false: the last report marks a1's answer so.
a1_reconfirm() {
  got=$(grep '"question": "a1"' "$TMP/out" | grep -o '"reconfirm": [a-z]*')
  if [ "$got" = "\"reconfirm\": $2" ]; then ok "$1"; else not_ok "$1" "a1: $got"; fi
}

script() {
  cat > "$1" <<EOT
kijun_answers = 1;
questionnaire = { id = "shop"; version = "1"; $2 };
answers = (
  { question = "a1"; status = "implemented"; },
  { question = "a2"; status = "implemented"; },
  { question = "b-backup"; status = "implemented"; },
  { question = "b2-test"; status = "implemented"; },
  { question = "b2-doc"; status = "implemented"; },
  { question = "b3"; status = "implemented"; },
  { question = "c1"; status = "implemented"; }
);
EOT
}

# a1 is at revision 2: a script that names no revision means the question
# as it is.
script "$TMP/scripted.cfg" ""
run "$KIJUN" --report=json -q "$Q" "$TMP/scripted.cfg"
expect_status "a scripted file reports" 0
a1_reconfirm "the answer to the revised a1 is not to reconfirm" false
expect_in "the verdict is met, as typed answers would be" out '"verdict": "baseline_met"'
if grep -qF "await reconfirmation" "$TMP/out"; then not_ok "no word of reconfirmation"; else ok "no word of reconfirmation"; fi

# Written with exactly this content (its digest): the same.
digest=$("$KIJUN" --report=json -q "$Q" "$TMP/scripted.cfg" | sed -n 's/.*"digest": "\(sha256:[0-9a-f]*\)".*/\1/p' | head -1)
script "$TMP/digest.cfg" "edition = 2; digest = \"$digest\";"
run "$KIJUN" --report=json -q "$Q" "$TMP/digest.cfg"
a1_reconfirm "with this content's digest: a1 is not to reconfirm" false

# An earlier kijun's file (another digest, or an earlier edition): a1 was
# answered at revision 1 and is reconfirmed.
script "$TMP/old.cfg" "digest = \"sha256:0000000000000000000000000000000000000000000000000000000000000000\";"
run "$KIJUN" --report=json -q "$Q" "$TMP/old.cfg"
a1_reconfirm "an earlier kijun's answer to a revised question is reconfirmed" true
script "$TMP/old2.cfg" "edition = 1;"
run "$KIJUN" --report=json -q "$Q" "$TMP/old2.cfg"
a1_reconfirm "and so is one of a file that names edition 1" true

done_testing
