# End to end: keys typed with a Japanese input method still on (full-width
# ASCII, the ideographic space) act as their ASCII keys everywhere a key
# is read, but stay as typed in text; search folds width, case and
# half-width katakana in the query and in the text.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then HELP="Help: keys" SUMMARY="Coverage summary" PROFILE="Respondent profile" REVIEW="[for review]"
    BACKUP="have a backup procedure?" QUERY="ＢＡＣＫＵＰ　ＰＲＯＣＥＤＵＲＥ"
  else HELP="ヘルプ: キー操作" SUMMARY="充足率の集計" PROFILE="回答者情報" REVIEW="[見直し]"
    BACKUP="バックアップの手順を定めていますか。" QUERY="ﾊﾞｯｸｱｯﾌﾟの手順"
  fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  # Clear the answers so the session opens at the first question.
  sed -i '/question = /d' "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  expect_screen "$lang: opens at the first question" "1.1-a"
  typed "？"
  expect_screen "$lang: full-width ？ opens the help" "$HELP"
  keys Escape; wait_for "1.1-a"
  typed "ｓ"
  expect_screen "$lang: full-width ｓ opens the summary" "$SUMMARY"
  keys Escape; wait_for "1.1-a"
  typed "１"
  expect_file "$lang: full-width １ answers implemented" "$A" 'question = "1.1-a"; status = "implemented";'
  expect_screen "$lang: and moves on" "1.2-a"
  # (No letter moves on the question view: issue 23.)
  keys Left; wait_for "1.1-a"
  typed "ｍ"
  expect_screen "$lang: full-width ｍ marks the question for review" "$REVIEW"
  typed "ｅ"; typed "ＣＳＩＲＴ　１"; keys Enter
  expect_file "$lang: in the note editor full-width text stays as typed" "$A" 'note = "ＣＳＩＲＴ　１";'
  typed "／"; typed "$QUERY"; keys Enter
  expect_screen "$lang: search folds width and case (and half-width kana)" "$BACKUP"
  typed "ｐ"
  expect_screen "$lang: full-width ｐ opens the profile" "$PROFILE"
  keys Escape; wait_gone "$PROFILE"
  typed "ｑ"
  expect_screen "$lang: full-width ｑ quits to the summary" "$SUMMARY"
  typed "　"
  expect_exit "$lang: and the ideographic space leaves" 0
done

done_testing
