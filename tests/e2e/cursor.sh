# End to end: the hardware cursor follows the focus on every screen, as
# screen readers and braille displays (which take the cursor as the
# focus) need: tmux's #{cursor_x},#{cursor_y} after each step is checked
# against the selected row, field or question, and the selection is
# marked by a character (">"), not only by reverse video.  Then the same
# screens with NO_COLOR on a monochrome vt100: every mark is still there.
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
A="$TMP/a.cfg"

# cursor: "X Y" of the pane's cursor.
cursor() { T display-message -p '#{cursor_x} #{cursor_y}'; }
# row_at Y: the screen's row Y (0-based).
row_at() { screen | sed -n "$(($1 + 1))p"; }
# at_focus NAME TEXT [CHAR]: (waiting for it) the cursor's row holds TEXT
# and, when CHAR is given, the cell under the cursor is CHAR.
at_focus() {
  i=0
  while :; do
    pos=$(cursor); x=${pos% *}; y=${pos#* }
    row=$(row_at "$y")
    cell=$(printf '%s\n' "$row" | cut -c $((x + 1)))
    case $row in
      *"$2"*) if [ -z "${3:-}" ] || [ "$cell" = "$3" ]; then ok "$1"; return; fi ;;
    esac
    i=$((i + 1))
    if [ $i -ge $(( ${E2E_TIMEOUT:-5} * 20 )) ]; then
      not_ok "$1" "cursor at $x,$y on: $row" "expected \"$2\" and \"${3:-}\" under it" "$(screen | sed 's/^/| /')"
      return
    fi
    sleep 0.05
  done
}

walk() {  # the screens, in order; $1 names the run
  at_focus "$1: the profile form's first field has the cursor and a >" "Organisation" ">"
  keys Down
  at_focus "$1: Down moves the cursor to the next field" "Sector" ">"
  keys Enter; wait_for "(none)"
  at_focus "$1: the sector list's choice has the cursor and a >" "(none)" ">"
  keys Down
  at_focus "$1: Down moves it to the next sector" "Water" ">"
  keys Escape; wait_gone "(none)"
  keys Escape; wait_for "Answered"
  at_focus "$1: the overview's selected item has the cursor and a >" "1.1" ">"
  keys Down
  at_focus "$1: Down moves it to the next item" "1.2" ">"
  keys Up; keys Tab; wait_for "1.1-a"
  at_focus "$1: the question view puts the cursor on the question" "Does your organisation have a policy?" "D"
  keys 1; wait_for "1.2-a"
  at_focus "$1: answering moves the cursor to the next question" "Does your organisation have a backup" "D"
  keys 6; wait_for "1.2-b"
  at_focus "$1: ... and again" "Does your organisation take backups?" "D"
  keys e; wait_for "Enter save"
  x0=$(cursor | cut -d' ' -f1)
  typed "abc"
  i=0; while [ "$(cursor | cut -d' ' -f1)" != $((x0 + 3)) ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
  if [ "$(cursor | cut -d' ' -f1)" = $((x0 + 3)) ]; then ok "$1: in the editor the cursor is the insertion point"
  else not_ok "$1: in the editor the cursor is the insertion point" "$x0 then $(cursor)"; fi
  keys Enter; wait_gone "Enter save"
  keys '?'; wait_for "Help"
  if [ "$(cursor)" = "1 1" ]; then ok "$1: ... at 1,1"; else not_ok "$1: help cursor" "$(cursor)"; fi
  keys Escape; wait_gone "Help"
  keys s; wait_for "Coverage summary"
  if [ "$(cursor)" = "1 1" ]; then ok "$1: the summary puts the cursor at its first line"; else not_ok "$1: summary cursor" "$(cursor)"; fi
  keys R; wait_for "Write the reports"
  at_focus "$1: the reports panel puts the cursor on its text" "Enter writes these reports"
  keys Escape; wait_gone "Write the reports"
  keys Escape; wait_gone "Coverage summary"
  keys P; wait_for "1.2-a"
  at_focus "$1: the plan list's selected question has the cursor and a >" "1." ">"
  # (Esc, then Esc once the first has been handled: two in one write
  # are Alt-Esc, one key.)
  keys Escape; wait_for "1-6 answer"
  keys Escape; wait_for "Answered"; keys Tab; wait_for "question"
  keys /; typed "zzzzqq"; keys Enter
  expect_screen "$1: a message that needs attention is marked by ! as well as colour" '! No question matches "zzzzqq".'
  keys f; wait_for "Filter:"
  at_focus "$1: the filter list's selected question has the cursor and a >" "1." ">"
  keys Escape
}

start 80 24 -- --questionnaire "$Q" "$A"
wait_for "Respondent profile"
walk "colour"
rm -f "$A"
start 80 24 TERM=vt100 NO_COLOR=1 -- --questionnaire "$Q" "$A"
wait_for "Respondent profile"
walk "vt100, NO_COLOR"

# In Japanese: the same focus, the width of the labels notwithstanding.
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then JA=ja_JP.UTF-8; else JA=C.UTF-8; fi
  rm -f "$A"
  start 80 24 LC_ALL=$JA LANGUAGE=ja -- --questionnaire "$Q" "$A"
  wait_for "回答者情報"
  at_focus "ja: the profile form's first field has the cursor and a >" "組織名" ">"
  keys Escape; wait_for "回答済み"
  at_focus "ja: the overview's selected item has the cursor and a >" "1.1" ">"
  keys Tab; wait_for "1.1-a"
  at_focus "ja: the question view puts the cursor on the question" "方針を定めていますか。"
  if [ "$(cursor)" = "2 $(screen | grep -n '方針を定めていますか。' | head -1 | cut -d: -f1 | awk '{ print $1 - 1 }')" ]; then
    ok "ja: ... on its first cell"
  else not_ok "ja: the cursor is on the question's first cell" "$(cursor)"; fi
fi

done_testing
