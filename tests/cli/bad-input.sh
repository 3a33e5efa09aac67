# A corpus of malformed questionnaire and answers files: each gives one
# clear FILE:LINE message (or the system error) and the documented exit
# status; none crashes, hangs or writes anything.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
BAD="$TESTDATA/bad"
Q="$TESTDATA/mini.cfg"

# check_q FILE STATUS TEXT: kijun --check FILE
check_q() {
  run timeout 60 "$KIJUN" --check "$1"
  expect_status "$(basename "$1"): --check exits $2" "$2"
  expect_in "$(basename "$1"): says \"$3\"" err "$3"
}
# check_a FILE STATUS TEXT: kijun --report FILE
check_a() {
  before=$(cksum < "$1")
  run timeout 60 "$KIJUN" --report "$1" --questionnaire "$Q"
  expect_status "$(basename "$1"): --report exits $2" "$2"
  expect_in "$(basename "$1"): says \"$3\"" err "$3"
  if [ "$before" = "$(cksum < "$1")" ]; then ok "$(basename "$1"): left untouched"
  else not_ok "$(basename "$1"): left untouched"; fi
}

check_q "$BAD/q-syntax.cfg" 65 "q-syntax.cfg:8: the file ends inside the list begun on line 6"
check_q "$BAD/q-wrong-type.cfg" 65 "q-wrong-type.cfg:6: 'id' in question 1 is an integer; expected a string"
check_q "$BAD/q-missing-keys.cfg" 65 "q-missing-keys.cfg:1: the questionnaire has no 'version'"
check_q "$BAD/q-duplicate-ids.cfg" 65 "q-duplicate-ids.cfg:8: question id 'a' is used twice (first at line 7)"
check_q "$BAD/q-unknown-phase.cfg" 65 "q-unknown-phase.cfg:6: 'phase' in question 'a' is \"later\"; expected one of: plan, do, check, act"
check_q "$BAD/q-unknown-section.cfg" 65 "q-unknown-section.cfg:6: question 'a' names section '9'"
check_q "$BAD/q-missing-language.cfg" 65 "q-missing-language.cfg:6: 'text' of question 'a' has no 'en'"
check_q "$BAD/q-invalid-utf8.cfg" 65 "q-invalid-utf8.cfg:6: invalid UTF-8 (byte 0x93)"
check_q "$BAD/q-control-char.cfg" 65 "q-control-char.cfg:6: 'en' in 'text' of question 'a' contains the control character 0x1B"
check_q "$BAD/q-empty.cfg" 65 "q-empty.cfg:1: the file is empty"
check_q "$BAD/q-binary.cfg" 65 "q-binary.cfg:1: NUL byte in the file"
check_q "$BAD" 66 "cannot read: Is a directory; expected a regular file"
check_q /dev/null 66 "/dev/null: cannot read: Invalid argument; expected a regular file"
check_q "$TMP/missing.cfg" 66 "missing.cfg: cannot open: No such file or directory"

# Generated: very long strings, deep nesting, a huge file.
{
  printf 'kijun_questionnaire = 1;\nid = "'
  head -c 100000 /dev/zero | tr '\0' 'x'
  printf '";\n'
} > "$TMP/q-long.cfg"
check_q "$TMP/q-long.cfg" 65 "q-long.cfg:2: a string longer than 65536 bytes; expected at most 65536 bytes in a string"

{
  printf 'kijun_questionnaire = 1;\nx = '
  i=0; while [ $i -lt 20000 ]; do printf '('; i=$((i + 1)); done
  i=0; while [ $i -lt 20000 ]; do printf ')'; i=$((i + 1)); done
  printf ';\n'
} > "$TMP/q-deep.cfg"
run timeout 60 "$KIJUN" --check "$TMP/q-deep.cfg"
expect_status "q-deep.cfg: deep nesting exits 65 without crashing" 65
expect_in "q-deep.cfg: names the file and line" err "q-deep.cfg:2:"

if truncate -s 200M "$TMP/q-huge.cfg" 2>/dev/null; then
  check_q "$TMP/q-huge.cfg" 65 "q-huge.cfg: file of 209715200 bytes is too large; expected at most 16777216 bytes"
  rm -f "$TMP/q-huge.cfg"
fi

if [ "$(id -u)" -ne 0 ]; then
  fixture "$Q" "$TMP/unreadable.cfg"; chmod 000 "$TMP/unreadable.cfg"
  check_q "$TMP/unreadable.cfg" 66 "cannot open: Permission denied"
fi

check_a "$BAD/a-syntax.cfg" 65 "a-syntax.cfg:4: the file ends inside the list begun on line 3"
check_a "$BAD/a-unknown-status.cfg" 65 "a-unknown-status.cfg:3: status \"done\" of question '1.1-a' is unknown"
check_a "$BAD/a-unknown-question.cfg" 0 "a-unknown-question.cfg:3: question '9.9-z' is not one of questionnaire 'mini' (edition 1), which does not say what became of it; its answer is kept among the answers to questions no longer asked"
check_a "$BAD/a-wrong-type.cfg" 65 "a-wrong-type.cfg:3: 'status' in answer 1 is an integer; expected a string"
check_a "$BAD/a-missing-questionnaire.cfg" 65 "a-missing-questionnaire.cfg:1: the answers file has no 'questionnaire'"
check_a "$BAD/a-invalid-utf8.cfg" 65 "a-invalid-utf8.cfg:3: invalid UTF-8 (byte 0xFF)"
check_a "$BAD/a-control-char.cfg" 65 "a-control-char.cfg:3: 'note' in answer 1 contains the control character 0x1B"
check_a "$BAD/a-duplicate.cfg" 65 "a-duplicate.cfg:4: question '1.1-a' is answered twice (first at line 3)"
check_a "$BAD/a-unknown-sector.cfg" 65 "a-unknown-sector.cfg:3: sector 'mars' is not one of the questionnaire's sectors"
check_a "$BAD/a-empty.cfg" 65 "a-empty.cfg:1: the file is empty"
check_a "$BAD/a-binary.cfg" 65 "a-binary.cfg:1: invalid UTF-8 (byte 0xFF)"

# ---- hostile names and files (issue 10)
for args in "" "--report=" "--check=" "-q="; do
  case $args in
    "") run timeout 10 "$KIJUN" "" ;;
    -q=) run timeout 10 "$KIJUN" --report -q "" "$TESTDATA/mini-answers.cfg" ;;
    *) run timeout 10 "$KIJUN" "$args" "" ;;
  esac
  [ "$args" = "--check=" ] && run timeout 10 "$KIJUN" --check ""
  expect_status "an empty file name ($args) is bad usage" 2
  expect_in "an empty file name ($args) is named" err "an empty file name was given"
done

# An option of the session with a mode that has no session.
run "$KIJUN" --no-mouse --report "$TESTDATA/mini-answers.cfg" -q "$Q"
expect_status "--no-mouse with --report is bad usage" 2
expect_in "... and says what it goes with" err "--no-mouse is used with the interactive session only"

# A FIFO never hangs kijun: as answers, as questionnaire, as --check and
# among the installed questionnaires.
mkfifo "$TMP/fifo.cfg"
run timeout 10 "$KIJUN" --report "$TMP/fifo.cfg" -q "$Q"
expect_status "a FIFO as answers file: --report exits 66 at once" 66
expect_in "a FIFO as answers file is named" err "fifo.cfg: cannot read: Invalid argument; expected a regular file"
run timeout 10 "$KIJUN" --check "$TMP/fifo.cfg"
expect_status "a FIFO to --check exits 66 at once" 66
run timeout 10 "$KIJUN" --report "$TESTDATA/mini-answers.cfg" -q "$TMP/fifo.cfg"
expect_status "a FIFO as --questionnaire exits 66 at once" 66
mkdir "$TMP/qdir"; mkfifo "$TMP/qdir/a-fifo.cfg"; cp "$Q" "$TMP/qdir/mini.cfg"
KIJUN_QUESTIONNAIRE_DIR="$TMP/qdir" run timeout 10 "$KIJUN" --report "$TESTDATA/mini-answers.cfg"
expect_status "a FIFO among the installed questionnaires is skipped" 0

# Hostile answers files are refused before parsing, each in well under a
# second (libconfig alone took 82 s and 4.3 GB on the first two).
# check_fast FILE TEXT: --report refuses FILE with TEXT within 5 s.
check_fast() {
  start_ns=$(date +%s%N)
  run timeout 60 "$KIJUN" --report "$1" -q "$Q"
  ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  expect_status "$(basename "$1"): refused with 65" 65
  expect_in "$(basename "$1"): says \"$2\"" err "$2"
  if [ "$ms" -lt 5000 ]; then ok "$(basename "$1"): refused in $ms ms"
  else not_ok "$(basename "$1"): refused in $ms ms" "expected well under a second"; fi
}
AHEAD='kijun_answers = 1;
questionnaire = { id = "mini"; version = "1"; digest = "x"; };'
{ echo "$AHEAD"; printf 'profile = { organization = "'; head -c 8388608 /dev/zero | tr '\0' x; printf '"; };\n'; } > "$TMP/a-string8m.cfg"
check_fast "$TMP/a-string8m.cfg" "a-string8m.cfg:3: a string longer than 65536 bytes; expected at most 65536 bytes in a string"
{ echo "$AHEAD"; for k in 1 2 3; do printf 'x%d = [' $k; head -c 180000 /dev/zero | sed 's/\x0/1,/g'; printf '1];\n'; done; } > "$TMP/a-array.cfg"
check_fast "$TMP/a-array.cfg" "a-array.cfg:5: more than 500000 settings and list elements; expected at most 500000"
# One list may hold 200,000 elements: libconfig grows a list by
# reallocation, so a longer one costs time out of proportion.
{ echo "$AHEAD"; printf 'x = [\n'; head -c 250000 /dev/zero | sed 's/\x0/1,/g'; printf '1];\n'; } > "$TMP/a-list.cfg"
check_fast "$TMP/a-list.cfg" "a-list.cfg:3: a list of more than 200000 elements; expected at most 200000 in one list"
truncate -s 100M "$TMP/a-100m.cfg"
check_fast "$TMP/a-100m.cfg" "a-100m.cfg: file of 104857600 bytes is too large; expected at most 16777216 bytes"
rm -f "$TMP/a-string8m.cfg" "$TMP/a-array.cfg" "$TMP/a-list.cfg" "$TMP/a-100m.cfg"

# The worst questionnaire under the limits: strings of 64,000 bytes up to
# 16 MiB, each a legal token, so libconfig parses all of it (from memory:
# about half a second here, measured for the closing note; a timed check
# has no place in the suite, which also runs under valgrind).
{ printf 'kijun_questionnaire = 1;\nx = (\n'
  s=$(head -c 64000 /dev/zero | tr '\0' x)
  i=0; while [ $i -lt 260 ]; do printf '"%s",\n' "$s"; i=$((i + 1)); done
  printf '"");\n'; } > "$TMP/q-strings.cfg"
run timeout 120 "$KIJUN" --check "$TMP/q-strings.cfg"
expect_status "q-strings.cfg: 16 MiB of long strings is read and refused with 65" 65
expect_in "q-strings.cfg: ... as not a questionnaire, with its line" err "q-strings.cfg:2:"
rm -f "$TMP/q-strings.cfg"

# C1 controls and bidi controls are refused in answers too; file names are
# escaped in every message; the JSON report is valid whatever the name.
grep -v 'organization = ' "$TESTDATA/mini-answers.cfg" > "$TMP/a-bidi.cfg"
printf 'profile = { organization = "abc\xe2\x80\xaecba"; };\n' >> "$TMP/a-bidi.cfg"
check_a "$TMP/a-bidi.cfg" 65 "a-bidi.cfg:12: 'organization' in 'profile' contains the invisible control character U+202E; expected printable text"
evil=$(printf '%s/e\033]0;x\007\302\233\342\200\256.cfg' "$TMP")
fixture "$BAD/a-syntax.cfg" "$evil"
run timeout 10 "$KIJUN" --report "$evil" -q "$Q"
if LC_ALL=C grep -q "$(printf '[\001-\037\177]\\|\302[\200-\237]\\|\342\200\256')" "$TMP/err"; then
  not_ok "a file name with controls is escaped in diagnostics" "$(od -c "$TMP/err" | head -5)"
else ok "a file name with controls is escaped in diagnostics"; fi
expect_in "and shown visibly" err "e^[]0;x^G<U+009B><U+202E>.cfg:4: the file ends inside"
bin=$(printf '%s/n\377\376.cfg' "$TMP")
fixture "$TESTDATA/mini-answers.cfg" "$bin"
run timeout 10 "$KIJUN" --report=json "$bin" -q "$Q"
if python3 -m json.tool "$TMP/out" >/dev/null 2>"$TMP/jerr"; then ok "json report with a non-UTF-8 file name is valid JSON"
else not_ok "json report with a non-UTF-8 file name is valid JSON" "$(cat "$TMP/jerr")"; fi
expect_in "the invalid bytes are escaped as text" out '"answers_file": "'"$TMP"'/n\\xFF\\xFE.cfg"'
# From its folder: the text report shortens a long path with "..", and the
# test folder's path is long in make distcheck and in package builds.
cd "$TMP" && run timeout 10 "$KIJUN" --report=text "$(basename "$bin")" -q "$Q"; cd - >/dev/null
expect_in "the text report shows the name escaped" out 'n\xFF\xFE.cfg'

# ---- values the reader checks (issue 21) --------------------------------------
# An integer beyond 32 bits wrapped in libconfig (4294967299 read as 3).
sed 's/version = "1";/version = "1"; edition = 4294967299;/' "$TESTDATA/mini-answers.cfg" > "$TMP/a-edition-wrap.cfg"
check_a "$TMP/a-edition-wrap.cfg" 65 "a-edition-wrap.cfg:3: the integer 4294967299 is out of range; expected at most 2147483647"
sed 's/"1.3-a"; status = "not_implemented";/"1.3-a"; status = "not_implemented"; revision = 0x100000001;/' "$TESTDATA/mini-answers.cfg" > "$TMP/a-revision-wrap.cfg"
check_a "$TMP/a-revision-wrap.cfg" 65 "a-revision-wrap.cfg:11: the integer 0x100000001 is out of range"
sed 's/^version = "1";/version = "1"; edition = 4294967298;/' "$Q" > "$TMP/q-edition-wrap.cfg"
check_q "$TMP/q-edition-wrap.cfg" 65 "q-edition-wrap.cfg:5: the integer 4294967298 is out of range"
# Times are times: "zzzz" would have been the latest update of a comparison.
sed 's/updated = "2026-11-22T10:01:00+09:00"/updated = "zzzz"/' "$TESTDATA/mini-answers.cfg" > "$TMP/a-bad-time.cfg"
check_a "$TMP/a-bad-time.cfg" 65 "a-bad-time.cfg:6: 'updated' of question '1.1-a' is \"zzzz\", not a time; expected ISO 8601"
sed 's/started = "2026-11-22T10:00:00+09:00"/started = "2026-02-30T10:00:00+09:00"/' "$TESTDATA/mini-answers.cfg" > "$TMP/a-bad-start.cfg"
check_a "$TMP/a-bad-start.cfg" 65 "a-bad-start.cfg:4: 'started' in 'profile' is \"2026-02-30T10:00:00+09:00\", not a time"
# A SOURCE_DATE_EPOCH out of range is not a clock: the real one is used,
# and every date field is a date.
for sde in 99999999999999999 -5 12abc; do
  run env SOURCE_DATE_EPOCH=$sde "$KIJUN" --report=json -q "$Q" "$TESTDATA/mini-answers.cfg"
  if python3 -c 'import json,sys,re; d=json.load(open(sys.argv[1])); sys.exit(0 if re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", d["generated"]) and re.match(r"^\d{4}-\d\d-\d\d$", d.get("as_of") or "2000-01-01") else 1)' "$TMP/out"
  then ok "SOURCE_DATE_EPOCH=$sde: the report is dated"
  else not_ok "SOURCE_DATE_EPOCH=$sde: the report is dated" "$(head -c 300 "$TMP/out")"; fi
done

done_testing
