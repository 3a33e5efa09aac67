# End to end: g or : jumps to a question or an item by its exact number;
# / starts with an empty field that offers the last search (Enter alone
# repeats it), says which match of how many, highlights it, says when it
# wraps, and searches notes and evidence too (a match there highlighted
# too).  en and ja.  That the matches are highlighted (reverse video),
# which only a real terminal shows, is search-highlight.sh's, under tmux;
# the rest needs no real terminal: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then WORD="backup" M1='Match 1/2 for "backup"' M2='Match 2/2 for "backup"' WRAP="wrapped around"
    NOTFOUND='No question or item "2-a"; / searches the text.' OFFER="Search (Enter: backup)" NOTE='Match 1/1 for "委託先"' OVERVIEW="Answered"
  else WORD="バックアップ" M1='「バックアップ」の一致 1/2' M2='「バックアップ」の一致 2/2' WRAP="先頭に戻りました"
    NOTFOUND='「2-a」という番号はありません（/ で文章を検索）' OFFER="検索（Enter: バックアップ）" NOTE='「委託先」の一致 1/1' OVERVIEW="回答済み"
  fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  wait_for "1.2-d"
  keys g; typed "1.3-a"; keys Enter
  expect_screen "$lang: g goes to a question by its number" "1.3-a"
  # Keys right behind the end of an edit are taken for a paste: they
  # come once it has been handled.
  settle
  keys :; typed "1.2"; keys Enter
  expect_screen "$lang: : goes to an item's first question" "1.2-a"
  settle; keys g; typed "2-a"; keys Enter
  expect_screen "$lang: the number is exact, not a part of one" "$NOTFOUND"
  settle; keys g; typed "１．３－ｂ"; keys Enter
  expect_screen "$lang: full-width digits are understood" "1.3-b"
  keys Home; wait_for "1.1-a"
  keys /; typed "$WORD"; keys Enter
  expect_screen "$lang: a search says which match of how many" "$M1"
  expect_screen "$lang: and opens it" "1.2-a"
  keys n
  expect_screen "$lang: n goes to the next match" "$M2"
  keys n
  expect_screen "$lang: and says when the search wraps" "$WRAP"
  keys /
  expect_screen "$lang: the field starts empty, offering the last search" "$OFFER"
  keys Enter
  expect_screen "$lang: Enter alone repeats it" "$M2"
  keys /; typed "委託先"; keys Enter
  expect_screen "$lang: notes are searched too" "$NOTE"
  # Back on the overview before g, so that Esc and g never arrive as one chord.
  keys Escape; wait_for "$OVERVIEW"
  keys g; typed "1.3"; keys Enter
  expect_screen "$lang: g from the overview goes too" "1.3-a"
  keys q; wait_for "EXIT" 1; keys Enter
  expect_exit "$lang: leaves" 0
done

done_testing
