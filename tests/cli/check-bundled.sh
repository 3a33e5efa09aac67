# The bundled guideline questionnaire is valid and found from the build
# tree without installation.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"

run "$KIJUN" --check "$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg"
expect_status "kijun --check questionnaires/nisc-2023.cfg exits 0" 0
expect_empty "and prints nothing" err

# An answers file that names the bundled questionnaire by id only: the
# build-tree binary must find it by itself.
printf 'kijun_answers = 1;\nquestionnaire = { id = "nisc-ci-2023"; version = "2023-07-04"; digest = "x"; };\n' > "$TMP/a.cfg"
run "$KIJUN" --report "$TMP/a.cfg"
expect_status "answers naming nisc-ci-2023 find the bundled file (the digest is information only)" 0
expect_in "the bundled file is the one used" out "nisc-ci-2023 2023-07-04"

done_testing
