# lib.sh for the end-to-end tests: drive the real kijun binary inside a
# private tmux server (its own socket, no configuration), type keys with
# send-keys and read the screen with capture-pane.  The environment is
# pinned: TERM, size, locale, HOME, time.
#
# A test that needs no real terminal (no resize, signal, paste, mouse or
# terminal type) sets E2E_DRIVER=script before sourcing this: kijun then
# runs in its scripted mode (tests/e2e/script.sh), keys go through a FIFO
# and each screen is read from curses itself once every key before it has
# been handled, so nothing waits or depends on timing.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"

if [ "${E2E_DRIVER:-tmux}" = script ]; then
  . "${KIJUN_SRCDIR:-.}/tests/e2e/script.sh"
else
if ! command -v tmux >/dev/null 2>&1; then
  echo "1..0 # SKIP tmux is not installed"
  exit 0
fi

# A fresh server (and socket) for every start, so one run can never see
# the end of the previous one.
runs=0
SOCK="kijun-test-$$-0"
T() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT

# start COLS LINES ENV... -- ARGS...: run kijun in a new session; the
# shell prints EXIT=<status> when kijun ends, and then waits.
start() {
  cols=$1 rows=$2; shift 2
  envs=""
  while [ "$1" != "--" ]; do envs="$envs $1"; shift; done
  shift
  # The previous kijun must be gone, or its lock refuses the next one:
  # hang it up at once (the terminal's own hang-up comes late) and wait.
  old=$(kpid 2>/dev/null)
  if [ -n "$old" ] && [ "$(cat /proc/"$old"/comm 2>/dev/null)" = kijun ]; then
    kill -HUP "$old" 2>/dev/null
    i=0
    while kill -0 "$old" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
  fi
  T kill-server >/dev/null 2>&1
  runs=$((runs + 1))
  SOCK="kijun-test-$$-$runs"
  T new-session -d -x "$cols" -y "$rows" \
    "env -i PATH=/usr/bin:/bin HOME=$TMP TERM=xterm-256color LC_ALL=${KIJUN_TEST_LOCALE:-C.UTF-8} TZ=UTC \
     KIJUN_LOCALEDIR=$KIJUN_LOCALEDIR $envs $KIJUN $*; echo EXIT=\$?; sleep 600"
}

screen() { T capture-pane -p -J; }
history() { T capture-pane -p -J -S -400; }
keys() { T send-keys "$@"; }
# type TEXT literally
typed() { T send-keys -l "$1"; }
# settle: what was typed has been handled.  A terminal cannot tell, so
# tests that check for something's absence use the scripted driver,
# where this is exact; here it can only pause.
settle() { sleep 0.3; }

# kpid: the process id of the kijun running in the session.
kpid() {
  shell=$(T display-message -p '#{pane_pid}')
  ps -o pid= --ppid "$shell" | tr -d ' ' | head -1
}
fi

# wait_for TEXT [SECONDS]: until the screen shows TEXT; false on timeout.
wait_for() {
  limit=$(( ${2:-${E2E_TIMEOUT:-5}} * 20 ))
  i=0
  while [ $i -lt $limit ]; do
    if screen | grep -qF -- "$1"; then return 0; fi
    [ -n "${SETTLED:-}" ] && return 1
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
  i=0
  while [ $i -lt $(( ${E2E_TIMEOUT:-5} * 20 )) ]; do
    if ! screen | grep -qF -- "$1"; then return 0; fi
    [ -n "${SETTLED:-}" ] && return 1
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

# expect_screen NAME TEXT: the screen shows TEXT (waiting for it).
expect_screen() {
  if wait_for "$2"; then ok "$1"
  else not_ok "$1" "the screen lacks: $2" "$(screen | sed 's/^/| /')"
  fi
}

# expect_file NAME FILE TEXT: FILE comes to contain TEXT (kijun saves
# right after drawing, so the file may lag the screen by a moment).
expect_file() {
  if eventually grep -qF -- "$3" "$2"; then ok "$1"
  else not_ok "$1" "$2 lacks: $3" "$(head -c 800 "$2" 2>/dev/null)"
  fi
}

# eventually CMD...: CMD succeeds within the time limit.
eventually() {
  [ -n "${SETTLED:-}" ] && settle
  i=0
  while [ $i -lt $(( ${E2E_TIMEOUT:-5} * 20 )) ]; do
    if "$@" 2>/dev/null; then return 0; fi
    [ -n "${SETTLED:-}" ] && return 1
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

# expect_width NAME MAX: no line of the screen is wider than MAX columns.
expect_width() {
  w=$(screen | "$COLWIDTH")
  if [ "$w" -le "$2" ]; then ok "$1"
  else not_ok "$1" "a line is $w columns wide" "$(screen | sed 's/^/| /')"
  fi
}


# expect_exit NAME STATUS: kijun ended with STATUS.
expect_exit() {
  expect_screen "$1" "EXIT=$2"
}

# paste TEXT [-p]: paste TEXT into the pane as a terminal would: line
# feeds become carriage returns, and with -p the text is bracketed
# (ESC [200~ ... ESC [201~) if kijun asked for bracketed paste.  The
# whole text arrives in one write, as a burst.
paste() {
  T set-buffer -b kijun-test -- "$1"
  T paste-buffer -b kijun-test $2
}

# tty_log FILE: from now on, copy everything kijun sends to the terminal
# into FILE.
tty_log() {
  : > "$1"
  T pipe-pane -O "cat >> '$1'"
}

# expect_tty NAME LOG BYTES: LOG (see tty_log) comes to hold BYTES, given
# as a printf format ('\033[?2004l').
expect_tty() {
  if eventually grep -qF -- "$(printf "$3")" "$2"; then ok "$1"
  else not_ok "$1" "the terminal did not get $3" "$(od -c "$2" | tail -5)"
  fi
}

# no_answer NAME FILE QUESTION: FILE gives QUESTION no status.
no_answer() {
  if grep -qF "question = \"$3\"; status" "$2"; then
    not_ok "$1" "$(grep -F "question = \"$3\"" "$2")"
  else ok "$1"; fi
}
