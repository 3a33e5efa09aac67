# End to end: kijun works at 80x23 and 80x22 (a terminal inside screen or
# tmux with a status line) and down to 60 columns; the key bar drops whole
# entries; the overview's selection is a full-width reverse-video bar; a
# list that goes on says so; cut text ends in ".."; mouse clicks select
# and answer (and nothing needs them).  en and ja.
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
NISC="$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg"

# click Y X: a left click at screen row Y, column X (1-based), as an
# xterm reports it (SGR 1006).
click() { T send-keys -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$2" "$1" "$2" "$1")"; }
# selected_has TEXT: the line in reverse video holds TEXT.
selected_has() { T capture-pane -p -e | grep -E "$(printf '\033')\\[([0-9]+;)*7m" | grep -qF -- "$1"; }
# title_cut: the first line ends in "..".
title_cut() { screen | head -1 | grep -qF '..'; }

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then SMALL="kijun needs at least 60x22" ONE="( ) 1 Implemented" BAR60="? help  q quit  Esc back  1-6 answer  e note  v evidence"
    SUMMARY="Coverage summary" PROFILE="Respondent profile"
  else SMALL="60x22 以上" ONE="( ) 1 実施" BAR60="? ヘルプ  q 終了  Esc 戻る  1-6 回答  e メモ  v 証跡"
    SUMMARY="充足率の集計" PROFILE="回答者情報"; fi
  A="$TMP/$lang.cfg"
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  for size in "80 23" "80 22" "60 22"; do
    set -- $size
    start $1 $2 -- --lang $lang --questionnaire "$Q" "$A"
    expect_screen "$lang ${1}x$2: the question view shows" "1.2-d"
    if screen | grep -qF "$SMALL"; then not_ok "$lang ${1}x$2: not refused" "$(screen)"; else ok "$lang ${1}x$2: not refused"; fi
    expect_width "$lang ${1}x$2: nothing wider than the terminal" $1
    keys Escape; wait_for "1.1"
    expect_width "$lang ${1}x$2: the overview fits" $1
    keys q; wait_for "$SUMMARY"; keys Enter; wait_for "EXIT="
  done
  start 60 22 -- --lang $lang --questionnaire "$Q" "$A"
  wait_for "1.2-d"
  bar=$(screen | tail -1 | sed 's/ *$//; s/^ //')
  if [ "$bar" = "$BAR60" ]; then ok "$lang: at 60 columns the key bar drops whole entries"
  else not_ok "$lang: at 60 columns the key bar drops whole entries" "[$bar]"; fi
  T resize-window -x 59 -y 22
  expect_screen "$lang: 59 columns are refused with the size needed" "$SMALL"
  T resize-window -x 60 -y 22
  wait_gone "$SMALL"; wait_for "$ONE"
  # A click on a choice answers as its digit does.
  row=$(screen | grep -nF "$ONE" | cut -d: -f1)
  click "$row" 5
  expect_file "$lang: a click on a choice answers" "$A" 'question = "1.2-d"; status = "implemented";'
  mouse=$(T display-message -p '#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}')
  case $mouse in *1*) ok "$lang: the terminal is asked for clicks" ;;
    *) not_ok "$lang: the terminal is asked for clicks" "mouse flags: $mouse" ;; esac
  keys q; wait_for "$SUMMARY"; keys Enter; wait_for "EXIT="
  # --no-mouse: the mouse stays the terminal's (for selecting text), so
  # the terminal is not asked for clicks and sends none.  The modes are
  # set before the first screen is drawn.
  # (1.2-d is answered now, so kijun opens on another question: wait
  # for the key bar of the first screen.)
  start 60 22 -- --no-mouse --lang $lang --questionnaire "$Q" "$A"
  wait_for "${BAR60%%  *}"
  mouse=$(T display-message -p '#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}')
  if [ "$mouse" = 000 ]; then ok "$lang: --no-mouse does not ask for clicks"
  else not_ok "$lang: --no-mouse does not ask for clicks" "mouse flags: $mouse"; fi
  keys q; wait_for "$SUMMARY"; keys Enter; wait_for "EXIT="

  # The bundled questionnaire: a long overview at 80x22.
  B="$TMP/nisc-$lang.cfg"
  start 80 22 -- --lang $lang --questionnaire "$NISC" "$B"
  wait_for "$PROFILE"; keys Escape; wait_for "2.1"
  if screen | grep -q '^v'; then ok "$lang: the overview says there is more below"
  else not_ok "$lang: the overview says there is more below" "$(screen)"; fi
  sel=$(T capture-pane -p -e | grep -F '>' | grep -F '2.1' | head -1)
  if printf '%s' "$sel" | grep -qE "$(printf '\033')\\[([0-9]+;)*7m"; then ok "$lang: the selection is in reverse video"
  else not_ok "$lang: the selection is in reverse video" "$(printf '%s' "$sel" | od -c | head -3)"; fi
  # Click the second item (row 5): selected; click again: opened.
  click 5 10
  if eventually selected_has 2.2; then ok "$lang: a click selects an item"
  else not_ok "$lang: a click selects an item" "$(screen)"; fi
  click 5 10
  expect_screen "$lang: a click selects an item, a second opens it" "2.2-a"
  keys Escape; wait_for "2.1"
  T resize-window -x 60 -y 22
  if eventually title_cut; then ok "$lang: a cut title ends in .."
  else not_ok "$lang: a cut title ends in .." "$(screen | head -1)"; fi
  keys q; wait_for "$SUMMARY"; keys Enter
  expect_exit "$lang: leaves" 0
done

done_testing
