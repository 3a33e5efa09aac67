# End to end: a long note and evidence wrap into the question view's free
# rows, with ".." where even that is not enough; the editor shows the
# whole text while editing; the text and Markdown reports carry every
# note and evidence reference.  en and ja, 80x24.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

long="見直しは隔年で行い、外部監査の結果と内部のインシデント記録を参照して経営層の承認を得る。"
for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then NOTES="Notes and evidence (4)"; else NOTES="理由・メモと証跡 (4)"; fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  wait_for "1.2-d"
  keys e; typed "${long}END1"; keys Enter
  expect_file "$lang: a long note is saved" "$A" "END1\";"
  expect_screen "$lang: a long note wraps onto more rows, its end in sight" "END1"
  expect_width "$lang: within 80 columns" 80
  keys e; typed "$long$long$long$long$long$long${long}END2"
  expect_screen "$lang: the editor shows the whole text while editing" "END2"
  expect_screen "$lang: the start too" "見直しは隔年で行い"
  keys Enter
  wait_gone "Esc"
  if screen | grep -q "END2"; then not_ok "$lang: a note longer than the free rows is cut" "$(screen)"
  else ok "$lang: a note longer than the free rows is cut"; fi
  if screen | grep -q '\.\.$'; then ok "$lang: and ends in a .. mark"
  else not_ok "$lang: and ends in a .. mark" "$(screen)"; fi
  keys v; typed "規程 第12号"; keys Enter
  expect_file "$lang: evidence saved" "$A" 'evidence = "規程 第12号";'
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang: leaves" 0
  run "$KIJUN" --lang $lang --questionnaire "$Q" --report "$A"
  expect_in "$lang: the text report lists notes and evidence" out "$NOTES"
  expect_in "$lang: with the evidence" out "規程 第12号"
  expect_in "$lang: and the note" out "隔年で見直し"
  run "$KIJUN" --lang $lang --questionnaire "$Q" --report=markdown "$A"
  expect_in "$lang: the Markdown report too" out "| 1.2-d |"
  expect_in "$lang: with the evidence" out "規程 第12号 |"
done

done_testing
