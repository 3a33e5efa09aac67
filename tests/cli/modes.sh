# The command line's table of modes (src/main.c, modes[]), walked: for
# every mode, each option it does not take is refused with bad usage (2)
# in one line that names the option, each option it takes is not refused,
# and any two modes together are refused in one line naming both.  The
# table below is this test's own statement of which mode takes what, so
# that a change to the table in the code shows here.
# Under valgrind (make check-valgrind sets KIJUN_TEST_SAMPLE=yes) each
# process costs most of a second of valgrind's start-up, and the refusals
# all take one path through main(): there each mode runs once with an
# option it takes, once with one it refuses and once with another mode,
# which passes every row of the table and every message through valgrind.
# make check, ASan and make distcheck run every combination.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"
mkdir "$TMP/year1" "$TMP/year2"
F="$TMP/no-such"   # files that do not exist: the options are checked first

# The options that modify a mode: the name messages give, then the words
# that give it on the command line.
OPTIONS='--questionnaire:-q '"$F"'.q
--previous:--previous='"$F"'.prev
--output:-o '"$TMP"'/out.txt
--title:--title=T
--names:--names
--pattern:--pattern=*.cfg
--profile-from:--profile-from='"$F"'.p
--dry-run:--dry-run
--no-mouse:--no-mouse
--line:--line'

# Each mode: its name, the words that choose it (with files enough), the
# options it takes.  "session" is no option at all.
MODES='session::--questionnaire --previous --no-mouse --line
--check:--check='"$F"'.c:
--report:--report '"$F"'.a:--questionnaire --previous --output
--report=oscal:--report=oscal '"$F"'.a:--questionnaire --output
--plan:--plan '"$F"'.a:--questionnaire --output
--compare:--compare '"$F"'.1 '"$F"'.2:--questionnaire --output
--compare of folders:--compare '"$TMP"'/year1 '"$TMP"'/year2:--questionnaire --output --title --names --pattern
--next-cycle:--next-cycle '"$F"'.1 '"$F"'.2:--questionnaire
--aggregate:--aggregate '"$F"'.d:--questionnaire --output --title --names --pattern
--merge:--merge='"$TMP"'/merged.cfg '"$F"'.1:--questionnaire --profile-from --dry-run
--migrate:--migrate='"$F"'.m '"$F"'.1 '"$F"'.2:
--export-questionnaire:--export-questionnaire=csv:--questionnaire
--import-questionnaire:--import-questionnaire='"$F"'.csv '"$TMP"'/new.cfg:
--draft-mapping:--draft-mapping '"$F"'.1 '"$F"'.2:
--export-mapping:--export-mapping=csv '"$F"'.m:
--import-mapping:--import-mapping='"$F"'.csv '"$TMP"'/new-map.cfg:
--export:--export=oscal-catalog:--questionnaire
--export=oscal-mapping:--export=oscal-mapping '"$F"'.m:'

lines() { grep -c "^kijun:" "$TMP/err"; }
sample=${KIJUN_TEST_SAMPLE:-no}
[ "$sample" = yes ] && echo "# a sample: each mode with one option it takes, one it refuses, one other mode"

echo "$MODES" >"$TMP/modes"
echo "$OPTIONS" >"$TMP/options"
while IFS=: read -r mode words takes <&3; do
  took=no refused=no
  while IFS=: read -r opt optwords <&4; do
    case "$mode: $takes " in
      "session:"*" $opt "*) continue ;;  # it would start the session
    esac
    if [ "$sample" = yes ]; then
      case " $takes " in
        *" $opt "*) [ $took = yes ] && continue; took=yes ;;
        *) [ $refused = yes ] && continue; refused=yes ;;
      esac
    fi
    # shellcheck disable=SC2086  # the words are split on purpose
    run "$KIJUN" $words $optwords </dev/null
    case " $takes " in
      *" $opt "*)
        if grep -q "cannot be combined\|is used with" "$TMP/err"; then
          not_ok "$mode takes $opt" "$(head -1 "$TMP/err")"
        else ok "$mode takes $opt"; fi ;;
      *)
        if [ "$status" -eq 2 ] && [ "$(lines)" -eq 1 ] && head -1 "$TMP/err" | grep -qF -- "kijun: $opt "; then
          ok "$mode refuses $opt in one line naming it"
        else not_ok "$mode refuses $opt in one line naming it" "status $status" "$(cat "$TMP/err")"; fi ;;
    esac
  done 4<"$TMP/options"
done 3<"$TMP/modes"

# Any two modes: one line naming both (in the order given), bad usage.
MODE_OPTS="--check=$F.c --report --plan --compare --next-cycle --aggregate --merge=$TMP/m.cfg --migrate=$F.m
--export-questionnaire=csv --import-questionnaire=$F.csv --draft-mapping --export-mapping=csv
--import-mapping=$F.csv --export=oscal-catalog"
name() { echo "${1%%=*}"; }
nmodes=$(echo "$MODE_OPTS" | wc -w) i=0
for a in $MODE_OPTS; do
  i=$((i + 1)) j=0
  for b in $MODE_OPTS; do
    j=$((j + 1))
    [ "$j" -le "$i" ] && continue  # each pair once, in the order of the list
    # The sample: each mode with the next one, and the first with the last.
    if [ "$sample" = yes ] && [ "$j" -ne $((i + 1)) ] && { [ "$i" -ne 1 ] || [ "$j" -ne "$nmodes" ]; }; then
      continue
    fi
    run "$KIJUN" "$a" "$b" "$F.1" "$F.2"
    want="kijun: $(name "$a") and $(name "$b") cannot be combined; choose one"
    if [ "$status" -eq 2 ] && [ "$(lines)" -eq 1 ] && [ "$(head -1 "$TMP/err")" = "$want" ]; then
      ok "$(name "$a") with $(name "$b") is refused"
    else not_ok "$(name "$a") with $(name "$b") is refused" "status $status" "$(cat "$TMP/err")"; fi
  done
done

# The same mode twice is one mode: the last argument counts.
run "$KIJUN" --report=html --report=text -q "$Q" "$TESTDATA/mini-answers.cfg"
expect_status "--report given twice is one --report" 0
expect_in "... with the last format" out "mini"

# The files against the row: too few, too many, -q standing for the file.
run "$KIJUN" --draft-mapping "$Q"
expect_status "--draft-mapping with one file is bad usage" 2
expect_in "... and says what it needs" err "kijun: --draft-mapping needs the old and the new questionnaire file"
run "$KIJUN" --export=oscal-catalog -q "$Q" "$Q"
expect_status "--export with -q and a file is bad usage" 2
expect_in "... naming the file too many" err "kijun: too many files: '$Q'; expected one questionnaire file"
run "$KIJUN" --export-mapping=csv
expect_status "--export-mapping without a file is bad usage" 2
expect_in "... naming what it needs" err "kijun: --export-mapping needs one file: MAPPING"
run "$KIJUN" --report a.cfg b.cfg
expect_status "--report with two files is bad usage" 2
expect_in "... naming the second" err "kijun: too many files: 'b.cfg'; expected one answers file"

# The generic messages are translated.
if [ "${KIJUN_NLS:-yes}" = yes ]; then
  run "$KIJUN" --lang ja --report --plan
  expect_status "two modes in Japanese: bad usage" 2
  expect_in "... said in Japanese" err "kijun: --report と --plan は併用できません"
  run "$KIJUN" --lang ja --previous=x.cfg --compare a.cfg b.cfg
  expect_in "an option of other modes, in Japanese" err "kijun: --previous は 対話セッション、--report と一緒に指定します"
fi
done_testing
