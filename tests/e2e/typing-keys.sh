# End to end: keys mean one thing (issue 23, review S1-S3, I2, I9).
# Typing on the profile form is always text, and the sector searches as
# it is typed; a word typed on the question view (romaji with the input
# method off, a note typed before e) is taken back and ignored, never
# undoing, moving or opening a field; the dialog habit (Down Down Space
# Enter) records nothing and says why; every bar keeps help and the way
# out; Esc in the discard prompt keeps the text once, then discards; a
# word starting with q does not leave.  80x24 and 60x22, en and ja.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
# Esc, and the screen taking it: an Esc with the next key right behind it
# would be read as one Alt chord.
esc_ends() { keys Escape; wait_gone "$IGNORED" >/dev/null; }

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then PROFILE="Respondent profile" FORMESC="Esc done" F1="F1 help" SECTOR=wat
    NOMATCH="No sector matches" HELP="? help" QUIT="q quit" BACK="Esc back" TAKEN="what u did is taken back"
    TAKENQ="what q did is taken back" IGNORED="Typing ignored" NOTKEY="Not a key here" LEFT="1.2-a left unanswered"
    HOW="To answer, press its digit" SAVE="Enter save" ASK="Discard what you typed?" GOON="Esc go on editing"
    DISCARD="Esc discard" LEAVE="Enter or q: leave kijun" TITLE="question 4/8"
  else PROFILE="回答者情報" FORMESC="Esc 完了" F1="F1 ヘルプ" SECTOR="水道"
    NOMATCH="に一致する分野はありません" HELP="? ヘルプ" QUIT="q 終了" BACK="Esc 戻る" TAKEN="u の操作を元に戻しました"
    TAKENQ="q の操作を元に戻しました" IGNORED="入力を無視" NOTKEY="ここでは使えないキーです" LEFT="1.2-a は未回答のままです"
    HOW="回答するには数字キー" SAVE="Enter 保存" ASK="入力した内容を破棄しますか?" GOON="Esc 編集を続ける"
    DISCARD="Esc 破棄" LEAVE="Enter か q: kijun を終了" TITLE="設問 4/8"; fi
  for size in "80 24" "60 22"; do
    set -- $size; W=$1 H=$2; at="$lang ${W}x$H"
    A="$TMP/$lang-$W.cfg"
    start "$W" "$H" -- --lang $lang --questionnaire "$Q" "$A"
    expect_screen "$at: a new file opens the form" "$PROFILE"
    expect_screen "$at: the form's bar keeps Esc" "$FORMESC"
    expect_screen "$at: and help (F1: ? is text on the form)" "$F1"

    # S1: a value starting with q, s, p, ? is typed, not run.
    keys Down Down Down
    typed "quality manager? sp"; keys Enter
    expect_file "$at: 'quality manager? sp' is the role, not quit" "$A" 'role = "quality manager? sp";'
    expect_screen "$at: the form is still open" "$PROFILE"
    keys Up Up
    typed "section chief"; keys Enter
    expect_file "$at: 'section chief' is the respondent" "$A" 'respondent = "section chief";'

    # S4: the sector searches as it is typed; Enter never chooses
    # (none) for what matched nothing; End reaches the last.
    keys Up Up
    typed "$SECTOR"; keys Enter
    expect_file "$at: typing $SECTOR chooses Water" "$A" 'sector = "water";'
    keys Up
    typed "xyz"; keys Enter
    expect_screen "$at: a search that matches nothing says so" "$NOMATCH"
    keys Escape
    expect_file "$at: and Enter did not empty the sector" "$A" 'sector = "water";'
    keys Enter; wait_for "$SECTOR" >/dev/null; keys End Enter
    expect_file "$at: End reaches the last sector" "$A" 'sector = "gas";'

    keys Down Down
    keys Enter
    expect_screen "$at: Enter on the last row opens the first question" "1.1-a"
    # I2: the question view's bar keeps help and the ways out.
    expect_screen "$at: the question bar shows help" "$HELP"
    expect_screen "$at: the question bar shows q" "$QUIT"
    expect_screen "$at: the question bar shows Esc" "$BACK"

    # S2: words typed by mistake.
    keys 2
    expect_file "$at: 2 answers" "$A" 'question = "1.1-a"; status = "partial"'
    expect_screen "$at: and moves on" "1.2-a"
    typed "ukeire"
    expect_screen "$at: 'ukeire' is typing: u is taken back" "$TAKEN"
    expect_file "$at: the answer stays" "$A" 'question = "1.1-a"; status = "partial"'
    if screen | grep -qF "$SAVE"; then not_ok "$at: no field opened" "$(screen)"; else ok "$at: no field opened"; fi
    expect_screen "$at: still at the question answered next" "1.2-a"
    esc_ends
    expect_screen "$at: Esc ends the typing, and stays" "1.2-a"
    typed "kakunin"
    expect_screen "$at: 'kakunin' is ignored" "$IGNORED"
    if screen | grep -qF "$SAVE"; then not_ok "$at: no plan opened" "$(screen)"; else ok "$at: no plan opened"; fi
    esc_ends
    typed "update"
    expect_screen "$at: 'update' is typing too" "$TAKEN"
    if screen | grep -qF "$PROFILE"; then not_ok "$at: p in a word does not open the form" "$(screen)"; else ok "$at: p in a word does not open the form"; fi
    expect_file "$at: and the answer stays" "$A" 'question = "1.1-a"; status = "partial"'
    esc_ends
    typed "う"
    expect_screen "$at: Japanese typed here says it is not a key" "$NOTKEY"
    typed "うけいれ"
    expect_screen "$at: a Japanese word is ignored, saying how to write a note" "$IGNORED"
    esc_ends
    if grep -qF 'action' "$A"; then not_ok "$at: nothing was written to a plan" "$(grep action "$A")"; else ok "$at: nothing was written to a plan"; fi
    if grep -qF 'note = ' "$A"; then not_ok "$at: nor to a note" "$(grep note "$A")"; else ok "$at: nor to a note"; fi

    # S3: the dialog habit: Down Down Space Enter.
    keys Down
    expect_screen "$at: a move past an unanswered question says so" "$LEFT"
    keys Down Space Enter
    expect_screen "$at: Enter says how to answer" "$HOW"
    expect_screen "$at: the moves went on" "$TITLE"
    no_answer "$at: 1.2-a has no answer" "$A" "1.2-a"
    no_answer "$at: 1.2-b has no answer" "$A" "1.2-b"

    # I9: Esc in the discard prompt: once goes on editing, then discards.
    keys e; typed "x"; keys Escape
    expect_screen "$at: Esc on a changed note asks" "$ASK"
    expect_screen "$at: the bar says Esc goes on editing" "$GOON"
    # (The prompt's bar names Enter save too: wait for the prompt to go,
    # or the next Esc would follow this one as one Alt chord.)
    keys Escape; wait_gone "$ASK" >/dev/null
    expect_screen "$at: Esc goes on editing" "$SAVE"
    keys Escape
    expect_screen "$at: asked again, the bar says Esc discards" "$DISCARD"
    keys Escape
    wait_gone "$SAVE" >/dev/null
    if screen | grep -qF "$SAVE"; then not_ok "$at: the fourth Esc discards" "$(screen)"; else ok "$at: the fourth Esc discards"; fi

    # A word starting with q does not leave kijun.
    keys q; wait_for "$LEAVE" >/dev/null
    expect_screen "$at: the leaving screen names its keys" "$LEAVE"
    typed "u"
    expect_screen "$at: 'qu' is typing: back in the session" "$TAKENQ"
    keys Escape; wait_gone "$TAKENQ" >/dev/null
    keys q; wait_for "$LEAVE" >/dev/null; keys Enter
    expect_exit "$at: q Enter leaves" 0
  done
done

done_testing
