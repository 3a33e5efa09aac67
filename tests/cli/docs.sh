# The documentation and the catalogue keep up with the code: the man
# pages lint clean and name every option and key; every source file with
# messages is in POTFILES.in; ja.po is complete; both READMEs carry the
# same Quick start, and CI runs its test line.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
S="$KIJUN_SRCDIR"
PAGES="man/kijun.1 man/kijun-questionnaire.5 man/kijun-answers.5 man/kijun-mapping.5 man/ja/kijun.1 man/ja/kijun-questionnaire.5 man/ja/kijun-answers.5 man/ja/kijun-mapping.5"

for p in $PAGES; do
  if command -v mandoc >/dev/null 2>&1; then
    out=$(mandoc -Tlint -W warning "$S/$p" 2>&1)
  else
    out=$(groff -ww -Dutf8 -man -Tutf8 "$S/$p" 2>&1 >/dev/null)
  fi
  if [ -z "$out" ]; then ok "$p lints clean"; else not_ok "$p lints clean" "$out"; fi
done

# Plain text of a page: roff escapes for hyphens and quotes undone.
plain() { sed -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" -e 's/\\f[BIRP]//g' "$S/$1"; }

for opt in $("$KIJUN" --help | grep -o -- '--[a-z]*' | sort -u); do
  for p in man/kijun.1 man/ja/kijun.1; do
    if plain "$p" | grep -qF -- "$opt"; then ok "$p documents $opt"; else not_ok "$p documents $opt"; fi
  done
done

# Every key the binding table shows (src/tui/ui_keys.c, from which the help
# screen is made) is in kijun(1), and so is the digit of every answer
# status (the status table in answers.h).
keys=$(sed -n 's/^ *B(KS_[A-Z]*, A_[A-Z_]*, "\([^"]*\)", N_(.*/\1/p' "$S/src/tui/ui_keys.c")
[ "$(echo $keys | wc -w)" -ge 20 ] || not_ok "the binding table's keys are found in src/tui/ui_keys.c" "$keys"
digits=$(sed -n "s/^ *X([A-Z_]*, \"[a-z_]*\", N_(\"[^\"]*\"), '\([0-9]\)'.*/\1/p" "$S/src/model/answers.h")
[ "$(echo $digits | wc -w)" -ge 2 ] || not_ok "the status table's digits are found in src/model/answers.h" "$digits"
keys="$keys $digits"
for k in $keys; do
  case "$k" in ^?) k="Ctrl-${k#^}";; esac
  for p in man/kijun.1 man/ja/kijun.1; do
    if plain "$p" | grep -qF -- "$k"; then ok "$p documents the key $k"; else not_ok "$p documents the key $k"; fi
  done
done

# GNU hello's po-check: no file with messages is missing from POTFILES.in
# (headers too: the vocabulary tables carry N_ strings; i18n.h and
# gettext.h only define the macros), and every file it names exists.
for f in $(cd "$S" && grep -l -E '\b(N?_|ngettext)\(' src/*.c src/*/*.c src/*/*.h | grep -v -x -e src/base/i18n.h -e src/base/gettext.h); do
  if grep -qx "$f" "$S/po/POTFILES.in"; then ok "POTFILES.in lists $f"; else not_ok "POTFILES.in lists $f"; fi
done
for f in $(grep -v '^#' "$S/po/POTFILES.in"); do
  if [ -f "$S/$f" ]; then ok "POTFILES.in names $f, which exists"; else not_ok "POTFILES.in names $f, which exists"; fi
done

# Complete against the current sources, not only against itself: merge
# ja.po with a template made now, as make update-po would.
(cd "$S" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
   --add-comments=TRANSLATORS: -o "$TMP/kijun.pot" $(grep -v '^#' po/POTFILES.in)) 2>/dev/null
msgmerge --quiet -o "$TMP/ja.po" "$S/po/ja.po" "$TMP/kijun.pot" 2>/dev/null
stats=$(LC_ALL=C LANGUAGE= msgfmt --check --statistics -o /dev/null "$TMP/ja.po" 2>&1)
case "$stats" in
  *fuzzy*|*untranslated*) not_ok "ja.po is fully translated" "$stats" ;;
  *translated*) ok "ja.po is fully translated ($stats)" ;;
  *) not_ok "ja.po is fully translated" "$stats" ;;
esac

qs() { sed -n '/Quick start\|クイックスタート/,/^## [^Q]/p' "$S/$1" | grep '^    [a-z]'; }
if [ "$(qs README.md | wc -l)" -eq 2 ]; then ok "README.md has two Quick start lines"; else not_ok "README.md has two Quick start lines" "$(qs README.md)"; fi
if [ "$(qs README.md)" = "$(qs README.ja.md)" ]; then ok "README.ja.md has the same Quick start"; else not_ok "README.ja.md has the same Quick start" "$(qs README.ja.md)"; fi
testline=$(qs README.md | tail -1 | sed 's/^    //')
if grep -qxF -- "$testline" "$S/.ci/run"; then ok ".ci/run runs the README's test line"; else not_ok ".ci/run runs the README's test line" "$testline"; fi

done_testing
