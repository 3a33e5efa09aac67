# End to end: an earlier edition's answers file with a 248-byte name is
# saved at the current edition, and SIGTERM then saves and exits (under
# tmux: a signal reaches kijun while it waits for the terminal).  The
# rest of opening earlier and newer editions is editions.sh's.
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
ED="$TESTDATA/editions"

# Issue 21: the first save of an earlier edition's file with a 248-byte
# name looped for ever looking for a backup name (ENAMETOOLONG), and
# SIGTERM was never acted on.  The save ends, the backup gets a shortened
# name, and a termination saves and exits.
long=$(printf '%0244d' 0 | tr 0 n).cfg
fixture "$ED/shop-1-answers.cfg" "$TMP/$long"
start 80 24 -- --lang=en --questionnaire "$ED/shop-3.cfg" "$TMP/$long"
expect_screen "a 248-byte name opens" "[to reconfirm]"
keys 1
expect_file "its first save ends and writes edition 3" "$TMP/$long" "edition = 3;"
if ls "$TMP" | grep -q '\.edition-1\.cfg$' && cmp -s "$ED/shop-1-answers.cfg" "$TMP/$(ls "$TMP" | grep 'nnn.*\.edition-1\.cfg$' | head -1)"
then ok "the original is kept under a shortened name"; else not_ok "the original is kept under a shortened name" "$(ls "$TMP")"; fi
kill -TERM "$(kpid)"
expect_exit "SIGTERM is acted on and exits 143" 143

done_testing
