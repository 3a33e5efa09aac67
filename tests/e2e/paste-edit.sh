# End to end: pasted text never answers questions, and editing a note
# keeps its line breaks and tabs.  A bracketed paste goes whole into the
# field being edited, line breaks included, and is ignored elsewhere;
# without bracketed paste, a burst of keys after Enter continues the note
# instead of answering, and a burst right after an edit ends is dropped.
# Opening and closing an editor without a change changes nothing.
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
A="$TMP/a.cfg"
fixture "$TESTDATA/mini-answers.cfg" "$A"

# Walk order: 1.1-a 1.2-a 1.2-b 1.3-a 1.1-b 1.2-c 1.2-d 1.3-b; the file
# leaves 1.2-d and 1.3-b unanswered, and 1.1-b has a two-line note.
start 80 24 -- -q "$Q" "$A"
wait_for "7/8"

# ---- a note with a line break, opened and closed without a change
keys Left Left
wait_for "5/8"
cp "$A" "$TMP/before.cfg"
keys e
# The editor shows the whole text: a line break as a mark that ends its row.
expect_screen "the editor shows a line break as a mark" "隔年で見直し⏎"
expect_screen "and the text after it on the next row" "            次回は2027年"
keys Enter
wait_gone "Esc cancel"
sleep 0.5
if cmp -s "$A" "$TMP/before.cfg"; then ok "opening and closing the note without a change changes nothing"
else not_ok "opening and closing the note without a change changes nothing" "$(diff "$TMP/before.cfg" "$A" | head -5)"; fi
keys e; keys End C-j; typed "追記"; keys Tab; typed "済"
expect_screen "Ctrl-J and Tab insert a line break and a tab, shown as marks" "次回は2027年⏎"
expect_screen "the tab too" "追記⇥済"
keys Enter
expect_file "the line breaks and the tab are saved" "$A" 'note = "隔年で見直し\n次回は2027年\n追記\t済";'
keys e; keys Home Right Right Right Right Right Right Delete; keys Enter
expect_file "a line break is deleted like a character" "$A" 'note = "隔年で見直し次回は2027年\n追記\t済";'
# Down and Up move by row: from the start down to the second row, then
# (one column in) up to the start of the first.
keys e; keys Home Down; typed "*"; keys Up; typed "#"; keys Enter
expect_file "Down and Up move the cursor by row" "$A" 'note = "#隔年で見直し次回は2027年\n*追記\t済";'

# ---- a bracketed paste into a note
keys Right Right
wait_for "7/8"
keys e
paste "Policy reviewed.
1. done
2. done
" -p
expect_screen "a bracketed paste stays in the note being edited" "Policy reviewed.⏎"
expect_screen "its lines each on a row" "1. done⏎"
keys Enter
expect_file "the pasted lines are saved in the note" "$A" 'question = "1.2-d"; note = "Policy reviewed.\n1. done\n2. done\n";'
no_answer "the bracketed paste answered nothing (1.2-d)" "$A" 1.2-d
no_answer "the bracketed paste answered nothing (1.3-b)" "$A" 1.3-b

# ---- a bracketed paste outside an editor
paste "1
2
q
x" -p
expect_screen "a paste outside an editor is ignored, and said so" "Pasted text ignored"
expect_screen "the session goes on" "7/8"
no_answer "the ignored paste answered nothing (1.2-d)" "$A" 1.2-d

# ---- the same paste without bracketed paste
keys v
paste "Manual v2
1. done
2. done"
expect_screen "a raw multi-line paste stays in the field" "Manual v2⏎"
expect_screen "its lines each on a row" "2. done"
keys Enter
expect_file "and is saved with its line breaks" "$A" 'evidence = "Manual v2\n1. done\n2. done";'
no_answer "the raw paste answered nothing (1.2-d)" "$A" 1.2-d
no_answer "the raw paste answered nothing (1.3-b)" "$A" 1.3-b
expect_screen "the question stays" "7/8"

# ---- a burst right after a one-line field ends is dropped
keys p; wait_for "Respondent profile"
keys Enter; keys C-u; typed "ACME"
paste "
q
x
"
expect_screen "keys in a burst after an edit ends are ignored, and said so" "keys that came in a burst as the edit ended"
expect_file "the field is saved" "$A" 'organization = "ACME";'
expect_screen "the burst did not quit" "Respondent profile"
keys Escape; wait_for "7/8"

# ---- Alt-1 (Esc 1) in the editor neither cancels the edit nor answers
# (The chord is sent once kijun has drawn "abc" and waits: an Esc typed
# ahead while it is busy is a key of its own.)
keys e; typed "abc"; wait_for "abc"; sleep 0.2; keys M-1
sleep 0.3
typed "d"; keys Enter
expect_file "an Alt chord does not end the edit" "$A" 'note = "Policy reviewed.\n1. done\n2. done\nabcd";'
no_answer "an Alt chord answers nothing" "$A" 1.2-d
keys M-Enter
sleep 0.3
no_answer "nor does Alt-Enter outside an editor" "$A" 1.2-d

# ---- unknown escape sequences are not keys
keys e
printf '\033[57;3u1\033[99q2' > "$TMP/seq"
T load-buffer -b raw "$TMP/seq"; T paste-buffer -b raw
sleep 0.3
# Esc on a changed text asks before discarding it; y discards.
keys Escape; wait_for "Discard what you typed?"; keys y
sleep 0.3
no_answer "an unknown escape sequence answers nothing" "$A" 1.2-d

# ---- Esc and a key typed ahead while kijun was busy are two keys, not
# an Alt chord: ? opens the help, and the Esc and q behind it, already
# waiting when the help is drawn, close it and quit.
tty_log "$TMP/tty.log"
printf '?\033q' > "$TMP/ahead"
T load-buffer -b raw "$TMP/ahead"; T paste-buffer -b raw
expect_screen "Esc then q typed ahead close the help and quit" "Coverage summary"
keys Enter
expect_exit "leaving exits 0" 0
expect_tty "leaving turns bracketed paste off" "$TMP/tty.log" '\033[?2004l'

# ---- a terminal without bracketed paste is not sent the mode
start 80 24 TERM=linux -- -q "$Q" "$A"
tty_log "$TMP/tty.log"
wait_for "7/8"
keys q; wait_for "Coverage summary"; keys Enter
expect_exit "TERM=linux leaves" 0
if grep -qF "$(printf '\033[?2004')" "$TMP/tty.log"; then not_ok "TERM=linux is not sent mode 2004"
else ok "TERM=linux is not sent mode 2004"; fi

# ---- a paste into an editor in a terminal too small goes on into it
start 80 24 -- -q "$Q" "$A"
wait_for "7/8"
keys v; keys End
T resize-window -x 60 -y 15
wait_for "kijun needs at least"
paste "
q
x" -p
keys C-j; typed q
T resize-window -x 80 -y 24
wait_for "7/8"
keys Enter
expect_file "keys and pastes in a small terminal go on into the field" "$A" 'evidence = "Manual v2\n1. done\n2. done\nq\nx\nq";'
keys q; wait_for "Coverage summary"; keys Enter
expect_exit "and the session leaves normally" 0

done_testing
