# End to end: the question view says which NIST CSF 2.0 categories a
# question bears on in words a reader without NIST's ids understands
# (function and category names beside the ids), at 80x24 and wider, in
# English and Japanese.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
BUNDLED="${KIJUN_SRCDIR:-.}/questionnaires/nisc-2023.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  for size in "80 24" "120 40"; do
    A="$TMP/$lang.${size% *}.cfg"
    fixture "$TESTDATA/csf/nisc-two.cfg" "$A"
    # shellcheck disable=SC2086
    start $size -- --lang $lang --questionnaire "$BUNDLED" "$A"
    wait_for "2.1-a"
    if [ $lang = en ]; then
      expect_screen "$lang $size: the categories in words" "NIST CSF 2.0: Govern: Organisational context (GV.OC)"
    else
      expect_screen "$lang $size: the categories in words" "NIST CSF 2.0: 統治：組織の状況（GV.OC）"
    fi
    if screen | grep -q 'CSF GV '; then not_ok "$lang $size: no bare \"CSF GV\"" "$(screen)"
    else ok "$lang $size: no bare \"CSF GV\""; fi
    keys q; wait_for "EXIT" 1; keys Enter; wait_for "EXIT=0"
  done
done

done_testing
