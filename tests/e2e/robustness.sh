# End to end: nothing is lost and the terminal comes back: a second kijun
# on the same file is refused; hang-up, termination and interrupt save a
# pending note and exit 128+signal; suspend and resume redraw; a crash
# restores the terminal; a full disk, a vanished folder and a file changed
# by another program keep the last good file and tell the user.
. "${KIJUN_SRCDIR:-.}/tests/e2e/lib.sh"
Q="$TESTDATA/mini.cfg"
A="$TMP/a.cfg"
fixture "$TESTDATA/mini-answers.cfg" "$A"

# expect_locked_out NAME FIRST SECOND: a kijun on FIRST holds the lock (its
# pid in $first) and a second kijun, on SECOND, is refused with 75.
expect_locked_out() {
  start 80 24 -- -q "$Q" "$2"
  wait_for "1.2-d"
  first=$(kpid)
  T new-window "env HOME=$TMP TERM=tmux-256color LC_ALL=C.UTF-8 $KIJUN -q $Q $3; echo EXIT2=\$?; sleep 600"
  expect_screen "$1" "is open in another kijun (process $first)"
  expect_screen "$1: with status 75" "EXIT2=75"
  T kill-window
}

# ---- neighbours' files, locks, links and modes (issue 10)
# A person's files beside the answers file survive a session start; only
# kijun's own leftover temporary files go.
fixture "$TESTDATA/mini-answers.cfg" "$TMP/n.cfg"
echo "my backup" > "$TMP/.n.cfg.backup"
echo "last quarter" > "$TMP/.n.cfg.2024q1"
echo "not kijun's" > "$TMP/.n.cfg.kijun-tmp-AbCdEf"
printf '# kijun answers file: left by a killed save\n' > "$TMP/.n.cfg.kijun-tmp-XyZ123"
start 80 24 -- -q "$Q" "$TMP/n.cfg"
wait_for "1.2-d"
for f in .n.cfg.backup .n.cfg.2024q1 .n.cfg.kijun-tmp-AbCdEf; do
  if [ -f "$TMP/$f" ]; then ok "$f survives a session start"; else not_ok "$f survives a session start"; fi
done
if [ ! -e "$TMP/.n.cfg.kijun-tmp-XyZ123" ]; then ok "kijun's own leftover temporary file is removed"
else not_ok "kijun's own leftover temporary file is removed"; fi
keys q; wait_for "Coverage summary"; keys Enter; wait_for "EXIT="

# A symbolic link planted as the lock file: kijun refuses to edit.
fixture "$TESTDATA/mini-answers.cfg" "$TMP/l.cfg"
ln -s "$TMP/elsewhere" "$TMP/.l.cfg.lock"
start 80 24 -- -q "$Q" "$TMP/l.cfg"
expect_screen "a symbolic link as the lock file is refused" "kijun: cannot lock $TMP/l.cfg: Too many levels of symbolic links"
expect_exit "with status 73" 73
if [ ! -e "$TMP/elsewhere" ]; then ok "the lock link's target is not created"; else not_ok "the lock link's target is not created"; fi
rm -f "$TMP/.l.cfg.lock"

# Two symbolic links to one file share one lock.
ln -s "$TMP/l.cfg" "$TMP/link1.cfg"; ln -s l.cfg "$TMP/link2.cfg"
expect_locked_out "two links to one file share one lock" "$TMP/link1.cfg" "$TMP/link2.cfg"
keys q; wait_for "Coverage summary"; keys Enter; wait_for "EXIT="

# A read-only answers file opens read-only: never replaced, changes go to
# a separate file.
fixture "$TESTDATA/mini-answers.cfg" "$TMP/ro.cfg"; chmod 0444 "$TMP/ro.cfg"
cp "$TMP/ro.cfg" "$TMP/ro.orig"
start 80 24 -- -q "$Q" "$TMP/ro.cfg"
expect_screen "a 0444 answers file is opened read-only and says so" "Read-only:"
keys 1
expect_screen "a change is not saved to it" "Read-only:"
keys q; wait_for "Coverage summary"; keys Enter
expect_exit "leaving with the change unsaved exits 74" 74
if cmp -s "$TMP/ro.cfg" "$TMP/ro.orig" && [ "$(stat -c %a "$TMP/ro.cfg")" = 444 ]; then ok "the read-only file is untouched and stays 0444"
else not_ok "the read-only file is untouched and stays 0444" "mode $(stat -c %a "$TMP/ro.cfg")"; fi
if ls "$TMP"/ro.cfg.unsaved-* >/dev/null 2>&1; then ok "the change is kept in a separate file"
else not_ok "the change is kept in a separate file" "$(history | tail -4)"; fi

# A dangling symbolic link as the answers file: its target is created.
ln -s "$TMP/target.cfg" "$TMP/dangling.cfg"
start 80 24 -- -q "$Q" "$TMP/dangling.cfg"
expect_screen "a dangling link starts a new assessment" "Respondent profile"
expect_file "its target is created" "$TMP/target.cfg" "kijun_answers = 1;"
keys Escape; wait_gone "Respondent profile"; keys q; wait_for "Coverage summary"; keys Enter; wait_for "EXIT="
if [ -L "$TMP/dangling.cfg" ]; then ok "the link stays a link"; else not_ok "the link stays a link"; fi

# A basename of 250 bytes: saved, and locked under a short derived name.
long="$TMP/$(printf 'x%.0s' $(seq 1 246)).cfg"
fixture "$TESTDATA/mini-answers.cfg" "$long"
start 80 24 -- -q "$Q" "$long"
wait_for "1.2-d"
if ls -A "$TMP" | grep -q '^\.kijun-[0-9a-f]\{16\}\.lock$'; then ok "a 250-byte name is locked under a short derived name"
else not_ok "a 250-byte name is locked under a short derived name" "$(ls -A "$TMP" | cut -c1-40)"; fi
keys 3
expect_file "a change to a file with a 250-byte name is saved" "$long" '{ question = "1.2-d"; status = "not_implemented";'
keys q; wait_for "Coverage summary"; keys Enter
expect_exit "leaving exits 0" 0

# A comma-decimal locale: the file written is read back.
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  start 80 24 LC_ALL=de_DE.UTF-8 -- -q "$Q" "$TMP/de.cfg"
  expect_screen "a session under de_DE.UTF-8 starts" "Respondent profile"
  keys Escape; wait_gone "Respondent profile"; keys Tab; wait_for "1.1-a"; keys 1; wait_for "1.2-a"
  keys q; wait_for "Coverage summary"; keys Enter; wait_for "EXIT="
  expect_file "its summary has a decimal point" "$TMP/de.cfg" "percent = 20.0;"
  run "$KIJUN" --report "$TMP/de.cfg" -q "$Q"
  expect_status "and the file reads back" 0
else
  ok "# SKIP the de_DE.UTF-8 locale is not installed"
fi

# ---- locking
expect_locked_out "a second kijun on the same file is refused" "$A" "$A"
kill -KILL "$first"
expect_exit "SIGKILL ends the first" 137
start 80 24 -- -q "$Q" "$A"
expect_screen "a lock left by a dead process does not block" "1.2-d"

# ---- hang-up with a note being typed
keys e; typed "切断前に入力したメモ"
wait_for "切断前に入力したメモ"
kill -HUP "$(kpid)"
expect_exit "SIGHUP exits 129" 129
expect_file "the note typed before the hang-up is saved" "$A" 'note = "切断前に入力したメモ";'

start 80 24 -- -q "$Q" "$A"
wait_for "1.2-d"
kill -TERM "$(kpid)"
expect_exit "SIGTERM exits 143" 143
# Ctrl-C says every answer is saved (review I10), in English and Japanese,
# at 80x24 and 60x22.
for lang in en ja; do
  if [ "$lang" = ja ] && [ "${KIJUN_NLS:-yes}" != yes ]; then ok "# SKIP Japanese: built with --disable-nls"; continue; fi
  if [ $lang = en ]; then SAVED="every answer is saved in"; else SAVED="回答はすべて"; fi
  for size in "80 24" "60 22"; do
    set -- $size
    start "$1" "$2" -- --lang $lang -q "$Q" "$A"
    wait_for "1.2-d"
    keys C-c
    expect_screen "$lang ${1}x$2: Ctrl-C says every answer is saved" "$SAVED"
    expect_exit "$lang ${1}x$2: Ctrl-C (SIGINT) exits 130" 130
  done
done

# ---- every signal that would end the process saves the note being typed
# (SIGQUIT is Ctrl-\ at the terminal) and restores the terminal
# (Each on a fresh file: notes typed on top of the last ones would run
# past the screen's width, and the wait for the text would run out.)
for sig in QUIT USR1 USR2 ALRM VTALRM PROF XCPU; do
  fixture "$TESTDATA/mini-answers.cfg" "$A"
  start 80 24 -- -q "$Q" "$A"
  wait_for "1.2-d"
  keys e; typed "SIG$sig のメモ"
  wait_for "SIG$sig のメモ"
  kill -$sig "$(kpid)"
  expect_exit "SIG$sig exits 128+signal" $((128 + $(kill -l $sig)))
  expect_file "the note typed before SIG$sig is saved" "$A" "SIG$sig のメモ\";"
  alt=$(T display-message -p '#{alternate_on}')
  if [ "$alt" = 0 ]; then ok "SIG$sig restores the terminal"; else not_ok "SIG$sig restores the terminal" "alternate_on=$alt"; fi
done
fixture "$TESTDATA/mini-answers.cfg" "$A"
start 80 24 -- -q "$Q" "$A"
wait_for "1.2-d"
keys e; typed "Ctrl-Q のメモ"
wait_for "Ctrl-Q のメモ"
keys 'C-\'
case $KIJUN in
  # Under valgrind the pane's shell does not live to print the status after
  # a keyboard SIGQUIT (seen in make check-valgrind; not understood yet, and
  # recorded as open); the note's rescue, checked next, still runs there.
  *valgrind*) ok "Ctrl-\\ (SIGQUIT) exits 131 # SKIP the status is not seen under valgrind" ;;
  *) expect_exit "Ctrl-\\ (SIGQUIT) exits 131" 131 ;;
esac
expect_file "the note typed before Ctrl-\\ is saved" "$A" 'Ctrl-Q のメモ";'

# ---- suspend and resume
start 80 24 -- -q "$Q" "$A"
wait_for "1.2-d"
pid=$(kpid)
tty_log "$TMP/tty.log"
kill -TSTP "$pid"
# (The screen stays: in tmux's orphaned process group the stop is
# discarded, see below; the terminal's modes tell that kijun acted.)
expect_tty "suspending turns bracketed paste off" "$TMP/tty.log" '\033[?2004l'
kill -CONT "$pid"
expect_screen "SIGCONT redraws the screen" "1.2-d"
# (In tmux's orphaned process group the stop itself is discarded, and
# kijun resumes at once.)
last=$(grep -ao "$(printf '\033')\[?2004[hl]" "$TMP/tty.log" | tail -1 | tr -d '\033')
if [ "$last" = "[?2004h" ]; then ok "resuming turns bracketed paste on again"
else not_ok "resuming turns bracketed paste on again" "last mode 2004 change: $last"; fi

# ---- stopped behind ncurses' back, then fg: a shell with job control
# runs kijun; SIGTTIN (what a read from the background brings) stops it
# without ncurses' suspend path, the shell takes the terminal back and
# writes over the screen; fg must give a whole screen that takes keys.
pid=$(kpid); kill -HUP "$pid" 2>/dev/null
eventually sh -c "! kill -0 $pid"
T kill-server >/dev/null 2>&1
runs=$((runs + 1)); SOCK="kijun-test-$$-$runs"
T new-session -d -x 80 -y 24 "env -i PATH=/usr/bin:/bin HOME=$TMP TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC \
  KIJUN_LOCALEDIR=$KIJUN_LOCALEDIR PS1='sh$ ' bash --norc --noprofile -i"
wait_for 'sh$'
typed "$KIJUN -q $Q $A"; keys Enter
wait_for "1.2-d"
# (valgrind does not stop its program on SIGTTIN; SIGSTOP, which no one
# can catch, stops it the same way behind ncurses' back.)
case $KIJUN in *valgrind*) stop=STOP ;; *) stop=TTIN ;; esac
kill -$stop "$(kpid)"
expect_screen "SIG$stop stops kijun and the shell says so" "Stopped"
typed "fg"; keys Enter
wait_gone "Stopped"
expect_screen "fg repaints kijun's screen" "1.2-d"
keys q
expect_screen "and kijun takes keys again" "Coverage summary"
keys Enter
# (fg resumes kijun alone: the shell asks for its status.)
wait_for 'sh$'; typed 'echo EXIT=$?'; keys Enter
expect_exit "and leaves" 0
start 80 24 -- -q "$Q" "$A"
wait_for "1.2-d"
pid=$(kpid)
tty_log "$TMP/tty.log"

# ---- a crash restores the terminal
: > "$TMP/tty.log"
kill -SEGV "$pid"
expect_exit "a crash signal still ends with its status" 139
expect_tty "a crash turns bracketed paste off" "$TMP/tty.log" '\033[?2004l'
alt=$(T display-message -p '#{alternate_on}')
if [ "$alt" = 0 ]; then ok "the terminal left the full-screen mode after the crash"
else not_ok "the terminal left the full-screen mode after the crash" "alternate_on=$alt"; fi

# ---- a full disk (a file size limit makes every write fail)
start 80 24 -- -q "$Q" "$A"
wait_for "1.2-d"
pid=$(kpid)
cp "$A" "$TMP/before.cfg"
if prlimit --pid "$pid" --fsize=200: 2>/dev/null; then
  keys 3
  expect_screen "a failed save is reported in the interface" "Not saved:"
  if cmp -s "$A" "$TMP/before.cfg"; then ok "the last good file is intact"; else not_ok "the last good file is intact"; fi
  prlimit --pid "$pid" --fsize=unlimited:
  keys Left 6
  expect_screen "the next change saves again" "Saved to"
  expect_file "both answers reach the file" "$A" '{ question = "1.2-d"; status = "unknown";'
else
  ok "# SKIP prlimit is not available"
fi
keys q; wait_for "Coverage summary"; keys Enter
expect_exit "leaving after a recovered fault exits 0" 0

# ---- the folder vanishes
mkdir -p "$TMP/sub"
fixture "$TESTDATA/mini-answers.cfg" "$TMP/sub/a.cfg"
start 80 24 -- -q "$Q" "$TMP/sub/a.cfg"
wait_for "1.2-d"
rm -rf "$TMP/sub"
keys 1
expect_screen "a vanished folder is reported" "Not saved: No such file or directory"
keys q; wait_for "Coverage summary"; keys Enter
expect_exit "leaving with unsaved answers exits 74" 74
if history | grep -qF "your answers were written to $TMP/kijun-unsaved-"; then ok "the answers are rescued to the home folder"
else not_ok "the answers are rescued to the home folder" "$(history | tail -5)"; fi
rescued=$(ls "$TMP"/kijun-unsaved-*.cfg 2>/dev/null | head -1)
expect_file "the rescued file holds the new answer" "${rescued:-/nonexistent}" '{ question = "1.2-d"; status = "implemented";'

# ---- another program changes the file
fixture "$TESTDATA/mini-answers.cfg" "$A"
start 80 24 -- -q "$Q" "$A"
wait_for "1.2-d"
sleep 1.1
echo "# edited by hand" >> "$A"
keys 1
expect_screen "a file changed on disk is not overwritten" "another program changed the answers file"
expect_file "the other program's change is kept" "$A" "# edited by hand"
keys q; wait_for "Coverage summary"; keys Enter
expect_exit "leaving without overwriting exits 74" 74

# ---- a malformed answers file is refused and left alone
printf 'kijun_answers = 1;\nquestionnaire = { id = "mini"; };\nanswers = ( { question = "1.1-a"; status = "maybe"; } );\n' > "$TMP/bad.cfg"
cp "$TMP/bad.cfg" "$TMP/bad.orig"
start 80 24 -- -q "$Q" "$TMP/bad.cfg"
expect_exit "a malformed answers file exits 65" 65
expect_screen "with FILE:LINE" "$TMP/bad.cfg:2:"
if cmp -s "$TMP/bad.cfg" "$TMP/bad.orig"; then ok "the malformed file is not touched"; else not_ok "the malformed file is not touched"; fi

# ---- text from files never reaches the terminal raw
grep -v 'organization = ' "$TESTDATA/mini-answers.cfg" > "$A"
printf 'profile = { organization = "evil\\xc2\\x9b2J\\xe2\\x80\\xaecorp"; };\n' >> "$A"
cp "$A" "$TMP/c1.orig"
start 80 24 -- -q "$Q" "$A"
expect_screen "a C1 control in a file is refused with file and line" "a.cfg:12: 'organization' in 'profile' contains the invisible control character U+009B"
expect_exit "and the session does not start (65)" 65
if cmp -s "$A" "$TMP/c1.orig"; then ok "the file with a C1 control is not touched"; else not_ok "the file with a C1 control is not touched"; fi

# ---- privacy: nothing the user did not type
# kijun ran with HOME=$TMP (lib.sh's start); the login's own home is
# looked up too, since a program could read it from the password file.
host=$(uname -n)
user=$(id -un)
login_home=$(getent passwd "$user" | cut -d: -f6)
files=$(ls "$TMP"/*.cfg 2>/dev/null)
if [ -z "$files" ]; then not_ok "no host, home or login name in answers files" "no answers files in $TMP"
elif leak=$(grep -sF -e "$host" -e "$TMP" -e "${login_home:-/nonexistent}/" -e "$HOME" $files); then
  not_ok "no host, home or login name in answers files" "$leak"
else ok "no host, home or login name in answers files"; fi

done_testing
