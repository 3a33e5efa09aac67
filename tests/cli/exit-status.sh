# The command line: GNU options and the documented exit statuses.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"
A="$TESTDATA/mini-answers.cfg"

run "$KIJUN" --version
expect_status "--version exits 0" 0
expect_in "--version names the program" out "kijun "

run "$KIJUN" --help
expect_status "--help exits 0" 0
expect_in "--help shows the usage line" out "Usage: kijun [OPTION]... [ANSWERS-FILE]"
expect_in "--help lists --report" out "--report[=FORMAT]"

if [ "${KIJUN_NLS:-yes}" = yes ]; then
  run "$KIJUN" --lang ja --help
  expect_status "--help in Japanese exits 0" 0
  expect_in "--help follows --lang ja" out "使い方: kijun [オプション]... [ANSWERS-FILE]"
  expect_in "and lists the options in Japanese" out "--questionnaire=FILE"
  w=$("$COLWIDTH" < "$TMP/out")
  if [ "$w" -le 80 ]; then ok "Japanese --help fits 80 columns"; else not_ok "Japanese --help fits 80 columns" "$w columns"; fi
  LANGUAGE=ja run "$KIJUN" --help
  expect_in "--help follows LANGUAGE" out "使い方:"
else
  ok "# SKIP built with --disable-nls: messages are English only"
fi

run "$KIJUN" --frobnicate
expect_status "an unknown option exits 2" 2
expect_in "an unknown option is named" err "kijun: unknown option '--frobnicate'"
expect_in "bad usage shows the usage line" err "Usage: kijun [OPTION]... [ANSWERS-FILE]"

run "$KIJUN" --lang=fr --report "$A"
expect_status "an unknown language exits 2" 2
expect_in "an unknown language is explained" err "invalid language 'fr'; expected ja or en"

run "$KIJUN" --report=pdf "$A"
expect_status "an unknown report format exits 2" 2

run "$KIJUN" --report
expect_status "--report without a file reads the default one, here missing: 66" 66

run "$KIJUN" a.cfg b.cfg
expect_status "two answers files exit 2" 2

run "$KIJUN" --check
expect_status "--check without a file exits 2" 2
expect_in "a missing argument is named" err "option '--check' needs an argument"

run "$KIJUN" --check "$Q"
expect_status "--check of a valid questionnaire exits 0" 0
expect_empty "--check of a valid questionnaire is silent" out
expect_empty "--check of a valid questionnaire prints no error" err

printf 'kijun_questionnaire = 1;\nid = ;\n' > "$TMP/bad.cfg"
run "$KIJUN" --check "$TMP/bad.cfg"
expect_status "--check of a malformed questionnaire exits 65" 65
expect_in "the error names file and line" err "$TMP/bad.cfg:2: syntax error"

run "$KIJUN" --check "$TMP/nonexistent.cfg"
expect_status "--check of a missing file exits 66" 66
expect_in "a missing file gives the system error" err "cannot open: No such file or directory"

run "$KIJUN" --report "$TMP/nonexistent.cfg" --questionnaire "$Q"
expect_status "--report of a missing file exits 66" 66

run "$KIJUN" --report "$A" --questionnaire "$Q"
expect_status "--report exits 0" 0
expect_in "--report prints the verdict" out "Baseline not met"

printf 'kijun_answers = 1;\nquestionnaire = { id = "mini"; version = "1"; digest = "sha256:0"; };\n' > "$TMP/other.cfg"
run "$KIJUN" --report "$TMP/other.cfg" --questionnaire "$Q"
expect_status "answers saved with other content of the questionnaire open (the digest is information only)" 0
printf 'kijun_answers = 1;\nquestionnaire = { id = "mini"; version = "2"; digest = "sha256:0"; };\n' > "$TMP/other.cfg"
run "$KIJUN" --report "$TMP/other.cfg" --questionnaire "$Q"
expect_status "answers for another version of the questionnaire exit 65" 65
expect_in "the mismatch says what to do" err "or start a new answers file"

printf 'kijun_answers = 1;\nquestionnaire = { id = "nowhere"; version = "1"; digest = "sha256:0"; };\n' > "$TMP/lost.cfg"
run "$KIJUN" --report "$TMP/lost.cfg"
expect_status "answers for a questionnaire not installed exit 66" 66
expect_in "the missing questionnaire is named" err "the questionnaire 'nowhere' these answers belong to is not installed"

if [ "$(id -u)" -ne 0 ]; then
  cp "$A" "$TMP/unreadable.cfg"; chmod 000 "$TMP/unreadable.cfg"
  run "$KIJUN" --report "$TMP/unreadable.cfg" --questionnaire "$Q"
  expect_status "an unreadable answers file exits 66" 66
fi

if [ -w /dev/full ]; then
  run "$KIJUN" --report "$A" --questionnaire "$Q"
  "$KIJUN" --report "$A" --questionnaire "$Q" >/dev/full 2>"$TMP/err"
  status=$?
  expect_status "a report to a full disk exits 74" 74
  expect_in "a write error is reported" err "write error"
fi

# kijun opens no network connection: no socket is even created.
if command -v strace >/dev/null 2>&1; then
  cp "$A" "$TMP/net.cfg"
  strace -f -qq -e trace=socket,connect -o "$TMP/strace" "$KIJUN" --report=json "$TMP/net.cfg" -q "$Q" >/dev/null 2>&1
  if grep -qE 'socket\(|connect\(' "$TMP/strace"; then not_ok "no network: --report makes no socket" "$(head -5 "$TMP/strace")"
  else ok "no network: --report makes no socket"; fi
fi

done_testing
