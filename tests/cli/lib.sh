# lib.sh: a tiny TAP producer for kijun's shell tests.
#
# Each test script sources this, calls the check functions, and ends with
# `done_testing`.  Output is TAP, read by automake's tap-driver.sh.
# $KIJUN, $TESTDATA and $KIJUN_SRCDIR come from make check.

n=0
failed=0
TMP=$(mktemp -d "${HOME:-/tmp}/cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
  shift
  for line in "$@"; do printf '#   %s\n' "$line"; done
}

# fixture SRC DST: a writable copy of a test file.  In make distcheck the
# source tree is read-only, cp keeps the mode, and kijun opens a read-only
# answers file read-only: a plain cp would quietly turn the copy into one.
fixture() { cp "$1" "$2" && chmod u+w "$2"; }

# run CMD...: run kijun, keeping stdout, stderr and the status.
run() {
  "$@" >"$TMP/out" 2>"$TMP/err"
  status=$?
}

# expect_status NAME STATUS: the last run exited with STATUS.
expect_status() {
  if [ "$status" -eq "$2" ]; then ok "$1"
  else not_ok "$1" "status $status, expected $2" "stderr: $(head -c 600 "$TMP/err")"
  fi
}

# expect_in NAME FILE TEXT: FILE (out or err) contains TEXT.
expect_in() {
  if grep -qF -- "$3" "$TMP/$2"; then ok "$1"
  else not_ok "$1" "$2 lacks: $3" "$2 was: $(head -c 600 "$TMP/$2")"
  fi
}

# expect_empty NAME FILE
expect_empty() {
  if [ ! -s "$TMP/$2" ]; then ok "$1"
  else not_ok "$1" "$2 is not empty: $(head -c 600 "$TMP/$2")"
  fi
}

done_testing() {
  echo "1..$n"
  [ "$failed" -eq 0 ]
}
