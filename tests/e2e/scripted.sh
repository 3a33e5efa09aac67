# End to end: kijun's scripted mode (KIJUN_SCRIPT), on which the scripted
# driver of these tests rests.  A line that cannot be read is named and
# ends the session as the end of a script does: it hangs up, which saves; dumps give the screen, its size and the cursor; resize, paste
# and burst reach kijun as a terminal would send them.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"

# scripted SCRIPT ANSWERS [COLS LINES]: run kijun on SCRIPT (a file).
scripted() {
  env -i PATH=/usr/bin:/bin HOME="$TMP" TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC \
    KIJUN_LOCALEDIR="$KIJUN_LOCALEDIR" COLUMNS="${3:-80}" LINES="${4:-24}" \
    KIJUN_SCRIPT="$1" "$KIJUN" -q "$Q" "$2" </dev/null >"$TMP/out" 2>"$TMP/err"
  status=$?
}

fixture "$TESTDATA/mini-answers.cfg" "$TMP/bad.cfg"
printf 'send Tab\nsend 1\n# a comment\nfrobnicate\nsend 2\n' > "$TMP/bad.txt"
scripted "$TMP/bad.txt" "$TMP/bad.cfg"
expect_status "a line that cannot be read hangs up" 129
expect_in "naming its file and line" err "bad.txt:4: expected keys TEXT"
grep -q 'question = "1.3-b"; status = "implemented"' "$TMP/bad.cfg" \
  && ok "the answer before it is saved, and nothing after it is done" \
  || not_ok "the answer before it is saved, and nothing after it is done" "$(grep 1.3-b "$TMP/bad.cfg")"

fixture "$TESTDATA/mini-answers.cfg" "$TMP/a.cfg"
printf 'dump first\nsend Tab\nkeys 3\ndump answered\n' > "$TMP/s.txt"
scripted "$TMP/s.txt" "$TMP/a.cfg"
expect_status "the end of the script hangs up" 129
grep -q 'question = "1.3-b"; status = "not_implemented"' "$TMP/a.cfg" \
  && ok "the answer typed before the end is saved" || not_ok "the answer typed before the end is saved" "$(grep 1.3-b "$TMP/a.cfg")"
grep -q '^--- first$' "$TMP/s.txt.out" && grep -q '^cursor [0-9]*,[0-9]* size 80x24$' "$TMP/s.txt.out" \
  && ok "a dump names itself, the cursor and the size" || not_ok "a dump names itself, the cursor and the size" "$(head -3 "$TMP/s.txt.out")"
[ "$(sed -n '/^--- answered$/,/^--- end$/p' "$TMP/s.txt.out" | wc -l)" -eq 27 ] \
  && ok "and every row of the screen" || not_ok "and every row of the screen" "$(cat "$TMP/s.txt.out")"
sed -n '/^--- answered$/,/^--- end$/p' "$TMP/s.txt.out" | grep -q "(\*) 3 Not implemented" \
  && ok "the screen after a key shows what it did" || not_ok "the screen after a key shows what it did" "$(cat "$TMP/s.txt.out")"

fixture "$TESTDATA/mini-answers.cfg" "$TMP/b.cfg"
printf 'resize 60 22\ndump small\nsend e\npaste first line\\nsecond line\nsend Enter\nsend q\n' > "$TMP/p.txt"
scripted "$TMP/p.txt" "$TMP/b.cfg"
grep -q '^cursor [0-9]*,[0-9]* size 60x22$' "$TMP/p.txt.out" \
  && ok "resize gives the new size" || not_ok "resize gives the new size" "$(head -3 "$TMP/p.txt.out")"
grep -q 'first line\\nsecond line' "$TMP/b.cfg" \
  && ok "a paste lands whole in the note, with its line break" || not_ok "a paste lands whole in the note, with its line break" "$(grep -n note "$TMP/b.cfg")"
done_testing
