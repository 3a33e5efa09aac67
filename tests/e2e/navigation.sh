# End to end: Esc from the help, the summary or the profile form returns to
# the screen that opened it, always: every screen is opened from every
# screen (and from a screen opened over another), and Esc walks back the
# same way, in English and in Japanese.
# No real terminal needed: the scripted driver (see lib.sh).
E2E_DRIVER=${E2E_DRIVER:-script}
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"

# top TEXT: the title bar comes to show TEXT.
top() {
  i=0
  while [ $i -lt $(( ${E2E_TIMEOUT:-5} * 20 )) ]; do
    if screen | head -1 | grep -qF -- "$1"; then return 0; fi
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

# title KEY: what the title bar of the screen a key opens begins with.
title() {
  case $1 in
    O) echo "$T_OVERVIEW" ;;
    Q) echo "$T_QUESTION" ;;
    '?') echo "$T_HELP" ;;
    s) echo "$T_SUMMARY" ;;
    p) echo "$T_PROFILE" ;;
  esac
}

for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then
    T_OVERVIEW="Test questionnaire" T_QUESTION="Plan  >" T_HELP="Help: keys" T_SUMMARY="Coverage summary"
    T_PROFILE="Respondent profile"
  else
    T_OVERVIEW="テスト用設問票" T_QUESTION="計画" T_HELP="ヘルプ" T_SUMMARY="充足率の集計" T_PROFILE="回答者情報"
  fi
  A="$TMP/$lang.cfg"
  start 80 24 -- --lang $lang --questionnaire "$Q" "$A"
  top "$T_PROFILE" || not_ok "$lang: a new file opens the profile form" "$(screen)"

  # The trap of issue 18: help, then Esc (twice), from the form of a new
  # file.  On the form letters and ? are text (issue 23): F1 is help.
  keys F1; top "$T_HELP"; keys Escape
  if top "$T_PROFILE"; then ok "$lang: Esc from the help returns to the profile form"
  else not_ok "$lang: Esc from the help returns to the profile form" "$(screen | head -3)"; fi
  keys Escape
  if top "$T_OVERVIEW"; then ok "$lang: and Esc from the form then goes on to the overview"
  else not_ok "$lang: and Esc from the form then goes on to the overview" "$(screen | head -3)"; fi

  # Every screen from every screen: from a base screen (the overview, a
  # question), open mid (or nothing), then top over it; Esc returns step
  # by step.
  for base in O Q; do
    for mid in - '?' s p; do
      for over in '?' s p; do
        [ "$mid" = "$over" ] && continue
        # On the form, s is text; its help is F1.
        [ "$mid" = p ] && [ "$over" = s ] && continue
        path="$(title $base)"
        if [ "$base" = Q ]; then keys Tab; else :; fi
        top "$(title $base)" || { not_ok "$lang: reach $base" "$(screen | head -3)"; continue; }
        if [ "$mid" != - ]; then keys "$mid"; top "$(title "$mid")"; path="$path > $(title "$mid")"; fi
        if [ "$mid" = p ] && [ "$over" = '?' ]; then keys F1; else keys "$over"; fi
        top "$(title "$over")"
        back=$base; [ "$mid" != - ] && back=$mid
        keys Escape
        if top "$(title $back)"; then ok "$lang: $path > $(title "$over"), Esc returns to $(title $back)"
        else not_ok "$lang: $path > $(title "$over"), Esc returns to $(title $back)" "$(screen | head -3)"; fi
        if [ "$mid" != - ]; then
          keys Escape
          if top "$(title $base)"; then ok "$lang: and Esc again to $(title $base)"
          else not_ok "$lang: and Esc again to $(title $base)" "$(screen | head -3)"; fi
        fi
        # Back on the overview for the next round.
        if [ "$base" = Q ]; then keys Escape; top "$T_OVERVIEW"; fi
      done
    done
  done

  # q, then Esc, returns to whatever was open, the form included.
  keys p; top "$T_PROFILE"; keys F1; top "$T_HELP"; keys q; top "$T_SUMMARY"; keys Escape
  if top "$T_HELP"; then ok "$lang: Esc from the quit summary returns to the help"
  else not_ok "$lang: Esc from the quit summary returns to the help" "$(screen | head -3)"; fi
  keys Escape
  if top "$T_PROFILE"; then ok "$lang: then to the form"
  else not_ok "$lang: then to the form" "$(screen | head -3)"; fi
  keys Escape; top "$T_OVERVIEW"; keys q; top "$T_SUMMARY"; keys Enter
  expect_exit "$lang: and Enter on the quit summary leaves" 0
done

done_testing
