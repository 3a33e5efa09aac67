# End to end: a search's match is highlighted (reverse video), in the
# question's text and in its note, en and ja.  The attributes are the
# terminal's, so this runs under tmux; the rest of searching and going to
# a number is search-goto.sh's, on the scripted driver.
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then WORD="backup" M1='Match 1/2 for "backup"' NOTE='Match 1/1 for "委託先"' SUMMARY="Coverage summary"
  else WORD="バックアップ" M1='「バックアップ」の一致 1/2' NOTE='「委託先」の一致 1/1' SUMMARY="充足率の集計"
  fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  wait_for "1.2-d"
  keys Home; wait_for "1.1-a"
  keys /; typed "$WORD"; keys Enter
  expect_screen "$lang: a search opens its first match" "$M1"
  if T capture-pane -p -e | grep -qE "$(printf '\033')\[([0-9]+;)*7m$WORD"; then ok "$lang: the match is highlighted"
  else not_ok "$lang: the match is highlighted" "$(T capture-pane -p -e | sed -n 4,8p | od -c | head)"; fi
  keys /; typed "委託先"; keys Enter
  expect_screen "$lang: a search finds a note" "$NOTE"
  if T capture-pane -p -e | grep -qE "$(printf '\033')\[([0-9]+;)*7m委託先"; then ok "$lang: the match in the note is highlighted"
  else not_ok "$lang: the match in the note is highlighted" "$(T capture-pane -p -e | grep -F 委託先 | od -c | head)"; fi
  keys q; wait_for "$SUMMARY"; keys Enter
  expect_exit "$lang: leaves" 0
done

done_testing
