# script.sh: the scripted driver of the end-to-end tests (see lib.sh).
# kijun runs with KIJUN_SCRIPT and KIJUN_SCRIPT_OUT on two FIFOs: keys are
# written to the first as script commands, and screen() asks for a dump
# and reads it from the second.  kijun reads the next command only when
# it waits for a key, so a dump shows the screen after every key sent
# before it: no test waits for anything.  After kijun has ended, screen()
# shows what it printed and EXIT=STATUS, as the tmux driver's shell does.
SETTLED=1
runs=0
kijun_pid=""
trap 'stop_kijun; rm -rf "$TMP"' EXIT
# A write to kijun after it has ended must not end the test.
trap '' PIPE

# stop_kijun: close the script, so that a kijun still running hangs up
# (and saves), and wait for it.
stop_kijun() {
  [ -n "$kijun_pid" ] || return 0
  exec 3>&- 4<&-
  wait "$kijun_pid" 2>/dev/null
  kijun_pid=""
}

# exit_status: kijun's exit status, once it has ended (screen() may run
# in a pipeline's subshell, which cannot wait for it: the shell that ran
# kijun writes the status to a file).
exit_status() {
  i=0
  while [ ! -s "$TMP/status.$runs" ] && [ $i -lt $(( ${E2E_TIMEOUT:-5} * 100 )) ]; do sleep 0.01; i=$((i + 1)); done
  cat "$TMP/status.$runs"
}

# start COLS LINES ENV... -- ARGS: run kijun, scripted, at that size.
start() {
  cols=$1 rows=$2; shift 2
  envs=""
  while [ "$1" != "--" ]; do envs="$envs $1"; shift; done
  shift
  stop_kijun
  runs=$((runs + 1))
  fin="$TMP/script.$runs" fout="$TMP/screens.$runs" out="$TMP/printed.$runs"
  rm -f "$fin" "$fout" "$TMP/status.$runs"
  mkfifo "$fin" "$fout" || exit 99
  # ENV and ARGS are read by the shell, as the tmux driver's command line
  # is: a test quotes a name with a space ("'$F'") the same way for both.
  # shellcheck disable=SC2086
  ( eval "env -i PATH=/usr/bin:/bin HOME=\"\$TMP\" TERM=xterm-256color LC_ALL=\"\${KIJUN_TEST_LOCALE:-C.UTF-8}\" TZ=UTC \
      KIJUN_LOCALEDIR=\"\$KIJUN_LOCALEDIR\" COLUMNS=\"\$cols\" LINES=\"\$rows\" \
      KIJUN_SCRIPT=\"\$fin\" KIJUN_SCRIPT_OUT=\"\$fout\" $envs \"\$KIJUN\" $*" </dev/null >"$out" 2>&1
    echo $? > "$TMP/status.$runs" ) &
  kijun_pid=$!
  exec 3>"$fin" 4<"$fout"
}

# send LINE: one script command (lost, as keys are, once kijun has ended).
send() {
  [ -s "$TMP/status.$runs" ] || printf '%s\n' "$1" >&3 2>/dev/null
  return 0
}

keys() { send "send $*"; }
typed() { send "keys $1"; }

# settle: every key sent so far has been handled (a dump is read and
# dropped); notices when kijun has ended.
settle() { screen >/dev/null; }

screen() {
  if [ ! -s "$TMP/status.$runs" ]; then
    send "dump"
    got=""
    while IFS= read -r line <&4; do
      [ "$line" = "--- end" ] && { printf '%s' "$got" | sed '1,2d'; return 0; }
      got="$got$line
"
    done
    # The FIFO closed: kijun has ended.
  fi
  cat "$out"
  echo "EXIT=$(exit_status)"
}
history() { screen; }

# kpid: the process id of the kijun running (the child of the shell that
# started it), for a test that signals it.
kpid() {
  ps -o pid= --ppid "$kijun_pid" | tr -d ' ' | head -1
}

# cursor: "ROW,COL" of the cursor on the current screen.
cursor() {
  send "dump"
  c=""
  while IFS= read -r line <&4; do
    case "$line" in "cursor "*) c=${line#cursor }; c=${c%% *} ;; "--- end") break ;; esac
  done
  echo "$c"
}
