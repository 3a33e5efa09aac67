# Replays the fuzzing seed corpus through each fuzz target, built with the
# ordinary compiler: every input must run to the end.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
B="$BUILDDIR/tests/fuzz"
for t in qload answers text mapping qcache roundtrip; do
  run "$B/replay_$t" "$KIJUN_SRCDIR/tests/fuzz/corpus/$t"
  expect_status "the $t corpus replays without a crash" 0
  expect_in "the $t corpus is not empty" out "inputs replayed"
done
done_testing
