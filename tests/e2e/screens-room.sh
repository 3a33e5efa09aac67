# End to end: what each screen shows and says (issue 23, review S5, S14,
# I1, I4, I5, I7, I8, I10, I21, I22, I26, sections C and D).  The
# overview's titles have room at 60 columns; the hint
# keeps its place beside a long note; a note keeps kinsoku; an answer
# changed from N/A asks whether its reason stays; the plan screen shows
# question texts and keeps its rows while planning, with the owner in view
# and the date form said before typing; g suggests /, the filters have
# not implemented and unanswered, the help is translated (that Ctrl-C says
# the answers are saved is robustness.sh's, a signal).  80x24 and 60x22,
# en and ja.  Nothing here needs a real terminal, so it runs in the
# scripted mode (lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
# page_to TEXT: page up from the end of the help until TEXT shows.
page_to() {
  keys End; pg=0
  while [ $pg -lt 10 ]; do wait_for "$1" 1 && return 0; keys PageUp; pg=$((pg + 1)); done
  return 1
}

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then PROFILE="Respondent profile" TITLE2="Backup" TITLE3="Disclosure"
    HINT="An approved policy document" ASKKEEP="Keep the note?" TEXT1="have a policy?"
    OWNER_L="Owner" DATEFORM="a date as YYYY-MM-DD" GOTO_SLASH="/ searches the text" NOTIMPL="Filter: Not implemented"
    UNANS="Filter: Unanswered" HELPFORM="typing starts editing" SUMMARY="Coverage summary"
    PLANT="Improvement plan" SAVE="Enter save" HELPT="Help: keys" LW=8 NOQ="is numbered"
  else PROFILE="回答者情報" TITLE2="バックアップ" TITLE3="開示" HINT="承認された方針文書"
    ASKKEEP="メモを残しますか?" TEXT1="方針を定めていますか。" OWNER_L="担当" DATEFORM="日付を YYYY-MM-DD"
    GOTO_SLASH="/ で文章を検索" NOTIMPL="絞り込み: 未実施" UNANS="絞り込み: 未回答"
    HELPFORM="文字を打つと選択中の" SUMMARY="充足率の集計" PLANT="改善計画" SAVE="Enter 保存" HELPT="ヘルプ: キー操作" LW=10 NOQ="番号の設問"; fi
  for size in "80 24" "60 22"; do
    set -- $size; W=$1 H=$2; at="$lang ${W}x$H"
    A="$TMP/$lang-$W.cfg"
    start "$W" "$H" -- --lang $lang --questionnaire "$Q" "$A"
    expect_screen "$at: a new file opens the form" "$PROFILE"
    keys Escape; wait_gone "$PROFILE" >/dev/null

    # I22: item titles have the room before the bars.
    expect_screen "$at: the overview shows the title $TITLE2 whole" " $TITLE2 "
    expect_screen "$at: and $TITLE3" " $TITLE3 "

    # I4/I26: the hint keeps its place beside a long note.
    keys Tab
    keys e
    for k in 1 2 3 4 5 6 7 8 9; do typed "line $k"; keys C-j; done
    typed "end"; keys Enter
    expect_file "$at: a nine-line note is saved" "$A" 'line 9'
    expect_screen "$at: the hint still shows beside it" "$HINT"

    # I5: a note keeps kinsoku: 。 does not start a row.
    fw=$((W - 2 - LW - 2 - 1)); nch=$((fw / 2)); note=""
    k=0; while [ $k -lt $nch ]; do note="${note}あ"; k=$((k + 1)); done
    keys e C-u; typed "${note}。いう"; keys Enter
    expect_file "$at: the note is saved" "$A" "。いう"
    wait_for "いう" >/dev/null
    if screen | grep -q '^ *。'; then not_ok "$at: no row of the note starts with 。" "$(screen)"; else ok "$at: no row of the note starts with 。"; fi

    # S14: an answer changed from N/A asks whether its reason stays.
    keys 5; wait_for "1.2-a" >/dev/null
    expect_file "$at: 5 with the note as its reason answers" "$A" 'question = "1.1-a"; status = "not_applicable"'
    keys Left; wait_for "$TEXT1" >/dev/null
    keys 3
    expect_screen "$at: changing it to 3 asks about the reason" "$ASKKEEP"
    keys n
    expect_file "$at: n answers 3" "$A" 'question = "1.1-a"; status = "not_implemented"'
    eventually sh -c "! grep -q 'いう' '$A'"
    if grep -q 'いう' "$A"; then not_ok "$at: and removes the note" "$(grep -F 1.1-a "$A")"; else ok "$at: and removes the note"; fi
    expect_screen "$at: and moves on" "1.2-a"
    keys 3; wait_for "1.2-b" >/dev/null

    # S5, I7, I8: the plan screen.
    keys P
    expect_screen "$at: P opens the plan screen" "$PLANT"
    expect_screen "$at: it shows the question's text" "$TEXT1"
    keys Down Enter
    expect_screen "$at: Enter opens the second row's question" "1.2-a"
    keys a; typed "Write it"; keys Enter
    expect_file "$at: the action is saved" "$A" 'action = "Write it";'
    typed "IT dept"; keys Enter
    expect_file "$at: the owner is saved" "$A" 'owner = "IT dept";'
    expect_screen "$at: the date form is said before typing" "$DATEFORM"
    expect_screen "$at: the owner stays in view while the due date is edited" "IT dept"
    typed "2030-01-31"; keys Enter
    expect_file "$at: the due date is saved" "$A" 'due = "2030-01-31";'
    keys Enter; wait_gone "$SAVE" >/dev/null
    keys Escape
    expect_screen "$at: Esc returns to the plan screen" "$PLANT"
    order=$(screen | grep -o '1\.[12]-a' | tr '\n' ' ')
    if [ "$order" = "1.1-a 1.2-a " ]; then ok "$at: the rows stayed where they were"; else not_ok "$at: the rows stayed where they were" "$order" "$(screen)"; fi
    keys Escape; wait_gone "$PLANT" >/dev/null

    # I21: g suggests / for words; the filters include not implemented
    # and unanswered.
    keys g; typed "バックアップ"; keys Enter
    expect_screen "$at: g with a word points to /" "$GOTO_SLASH"
    keys f; wait_for "1/" >/dev/null
    keys f f f f f f
    expect_screen "$at: f reaches not implemented" "$NOTIMPL"
    keys f
    expect_screen "$at: and unanswered" "$UNANS"
    keys Escape

    # I1: the help is translated (the profile form's row included).
    keys F1; wait_for "?" >/dev/null
    if page_to "$HELPFORM"; then ok "$at: the help names the form's typing"; else not_ok "$at: the help names the form's typing" "$(screen)"; fi
    if [ $lang = ja ] && screen | grep -q 'characters'; then not_ok "$at: no English word in the Japanese help" "$(screen)"
    else ok "$at: no English word in the help's key column"; fi
    keys Escape

    # I10 (Ctrl-C says the answers are saved) is a signal: robustness.sh.
    keys q; wait_for "$SUMMARY" >/dev/null; keys Enter
    expect_exit "$at: leaves" 0

    # S5: on the bundled questionnaire, ids of 9 characters (5.1.1.1-d)
    # and of 7 (5.5.2-e) keep the text in one column.
    start "$W" "$H" -- --lang $lang --questionnaire "$KIJUN_SRCDIR/questionnaires/nisc-2023.cfg" "$TMP/bundled-$lang-$W.cfg"
    expect_screen "$at: the bundled questionnaire opens on the form" "$PROFILE"
    keys Escape; wait_gone "$PROFILE" >/dev/null; keys P; wait_for "$PLANT" >/dev/null; keys End
    expect_screen "$at: the plan lists 5.5.2-e" "5.5.2-e"
    cols=$(screen | awk 'match($0, /^[> ] [-+!] [0-9][^ ]* +/) { print RLENGTH }' | sort -u | tr '\n' ' ')
    if [ "$(echo $cols | wc -w)" -eq 1 ]; then ok "$at: question texts start in one column ($cols)"
    else not_ok "$at: question texts start in one column" "$cols" "$(screen)"; fi
  done
done

done_testing
