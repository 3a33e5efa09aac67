# The editorial rules of the bundled questionnaire's edition 2 that the
# loader does not enforce (tests/tools/qn-edition-check.py): every
# edition-1 id asked, carried or retired; levels explained; the hint
# prefix; NEWS saying exactly what changed.  Needs python3; skipped
# without it.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 is not installed (tests/tools/qn-edition-check.py needs it)"
  exit 0
fi

S=$KIJUN_SRCDIR
run python3 "$S/tests/tools/qn-edition-check.py" "$S/questionnaires/nisc-2023.cfg" \
  "$S/tests/data/nisc-2023.edition-1.cfg" "$S/questionnaires/NEWS"
expect_status "qn-edition-check: edition 2 against edition 1 and NEWS" 0

# The checker can fail: a NEWS that forgets a split is refused.
grep -v '4\.9-e' "$S/questionnaires/NEWS" > "$TMP/NEWS"
run python3 "$S/tests/tools/qn-edition-check.py" "$S/questionnaires/nisc-2023.cfg" \
  "$S/tests/data/nisc-2023.edition-1.cfg" "$TMP/NEWS"
expect_status "a NEWS without the split of 4.9-e is refused" 1

done_testing
