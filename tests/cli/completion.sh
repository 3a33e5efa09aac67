# The bash completion (completion/kijun.bash) driven as bash drives it:
# COMP_WORDS and COMP_CWORD set, _kijun called, COMPREPLY read.  The
# options it offers are those of kijun --help; the report formats and
# languages it offers are the ones kijun accepts.
[ -n "$BASH_VERSION" ] || exec bash "$0" "$@"
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
A="$TESTDATA/mini-answers.cfg"
Q="$TESTDATA/mini.cfg"
. "$KIJUN_SRCDIR/completion/kijun.bash"

# The command the completion runs (kijun --lang=en --help, at every
# completion).  Under valgrind (KIJUN_TEST_SAMPLE=yes) that is one run of
# one path, 26 times at most of a second each: kijun prints its help once
# under valgrind, and the completions read that help from a stand-in.
CK=$KIJUN
if [ "${KIJUN_TEST_SAMPLE:-no}" = yes ]; then
  echo "# a sample: kijun --help runs once, and the completions read what it printed"
  LC_ALL=C "$KIJUN" --lang=en --help >"$TMP/help.txt" || not_ok "kijun --help under valgrind"
  printf '#!/bin/sh\ncat "%s"\n' "$TMP/help.txt" >"$TMP/kijun-help"
  chmod +x "$TMP/kijun-help"
  CK=$TMP/kijun-help
fi

# comp WORD...: complete the last WORD of the command line "kijun WORD...";
# the candidates go to $got, sorted, one per line.
comp() {
  COMP_WORDS=("$CK" "$@")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _kijun "$CK" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>"$TMP/comp-err"
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort)
}
# expect NAME EXPECTED: the candidates are exactly EXPECTED (words).
expect() {
  want=$(printf '%s\n' $2 | sort)
  if [ "$got" = "$want" ] && [ ! -s "$TMP/comp-err" ]; then ok "$1"
  else not_ok "$1" "offered: $(echo $got)" "expected: $(echo $want)" "stderr: $(cat "$TMP/comp-err")"
  fi
}

# The options: every long option of --help, "=" after those with an argument.
# (An option named in the prose too, "FORMAT as for --report", counts once.)
help_opts=$("$KIJUN" --lang=en --help | grep -o -- '--[a-z][a-z-]*\[\{0,1\}=\{0,1\}' | sort -u |
  sed 's/^\(.*\)\[=$/\1 \1=/' | tr ' ' '\n' | sort -u)
comp --
expect "-- offers every option of --help" "$help_opts"
case "$help_opts" in *--report=*) ok "--help has --report[=FORMAT] (the test reads it)";; *) not_ok "--help has --report[=FORMAT]" "$help_opts";; esac
comp --q
expect "--q completes to --questionnaire=" "--questionnaire="
comp --li
expect "--li completes to --line" "--line"

# Report formats: those --help names, each of which kijun accepts.
# The sentence may wrap: from "FORMAT is" to the next option.
formats=$("$KIJUN" --lang=en --help | sed -n '/FORMAT is/,/^ *-/p' | sed '$d' | tr '\n' ' ' |
  sed 's/.*FORMAT is //; s/([^)]*)//g; s/,/ /g; s/ or / /g')
comp --report = ""
expect "--report= offers the formats of --help" "$formats"
run "$KIJUN" --lang=en --report=nope "$A"
expected=$(sed -n 's/.*; expected //p' "$TMP/err" | sed 's/,/ /g; s/ or / /g')
comp --report = ""
expect "--report= offers the formats of the unknown-format message" "$expected"
for f in $got; do
  run "$KIJUN" --lang=en --report="$f" "$A" -q "$Q"
  expect_status "kijun accepts the offered format $f" 0
done
comp --report = c
expect "--report=c completes to csv" "csv"
# --plan, --compare and --aggregate take the formats of --report but
# oscal (assessment results are of one assessment); --compare writes no
# workbook either.
for o in --plan --compare --aggregate; do
  comp "$o" = ""
  if [ "$o" = --compare ]; then
    expect "$o= offers the formats of --report but oscal and xlsx" "$(echo $formats | sed 's/ *oscal//; s/ *xlsx//')"
  else
    expect "$o= offers the formats of --report but oscal" "$(echo $formats | sed 's/ *oscal//')"
  fi
done
# --export offers what its unknown-format message lists.
run "$KIJUN" --lang=en --export=nope
expected=$(sed -n 's/.*; expected one of: //p' "$TMP/err" | sed 's/,/ /g')
comp --export = ""
expect "--export= offers the exports kijun names" "$expected"
comp --report=m
expect "--report=m as one word (no = in COMP_WORDBREAKS) completes to --report=markdown" "--report=markdown"

# Languages.
comp --lang ""
expect "--lang offers ja and en" "ja en"
for l in $got; do
  run "$KIJUN" --lang="$l" --report "$A" -q "$Q"
  expect_status "kijun accepts the offered language $l" 0
done
comp -l e
expect "-l e completes to en" "en"
comp --lang = j
expect "--lang=j completes to ja" "ja"

# Files after the options that take a file, and as ANSWERS-FILE.
mkdir -p "$TMP/d/sub"
: > "$TMP/d/answers.cfg"
: > "$TMP/d/nisc.cfg"
comp --check "$TMP/d/n"
expect "--check FILE completes files" "$TMP/d/nisc.cfg"
comp -c "$TMP/d/a"
expect "-c FILE completes files" "$TMP/d/answers.cfg"
comp --questionnaire = "$TMP/d/n"
expect "--questionnaire=FILE completes files" "$TMP/d/nisc.cfg"
comp --questionnaire="$TMP/d/n"
expect "--questionnaire=FILE as one word completes files" "--questionnaire=$TMP/d/nisc.cfg"
comp "$TMP/d/"
expect "ANSWERS-FILE completes files and folders" "$TMP/d/answers.cfg $TMP/d/nisc.cfg $TMP/d/sub"
: > "$TMP/d/my answers.cfg"
comp "$TMP/d/my"
if [ "${#COMPREPLY[@]}" -eq 1 ] && [ "${COMPREPLY[0]}" = "$TMP/d/my answers.cfg" ]; then ok "a file name with a space is one candidate"
else not_ok "a file name with a space is one candidate" "$(printf '[%s]' "${COMPREPLY[@]}")"; fi
rm "$TMP/d/my answers.cfg"
comp -r "$TMP/d/a"
expect "-r takes no separate argument: the next word is a file" "$TMP/d/answers.cfg"
comp --report "$TMP/d/a"
expect "--report takes no separate argument: the next word is a file" "$TMP/d/answers.cfg"
comp -- --r
expect "after -- every word is a file" ""
comp --help ""
ok "an option without argument is followed by anything: $(echo $got | wc -w) candidates"

# A kijun that cannot be run: files, and no noise.
KIJUN_SAVED=$KIJUN KIJUN=$TMP/d/no-such-kijun
comp "$TMP/d/a"
expect "without a runnable kijun, files are still completed" "$TMP/d/answers.cfg"
KIJUN=$KIJUN_SAVED

# Registered for the command kijun.
if complete -p kijun 2>/dev/null | grep -q -- '-F _kijun kijun$'; then ok "registered with complete -F _kijun kijun"
else not_ok "registered with complete -F _kijun kijun" "$(complete -p kijun 2>&1)"; fi

done_testing
