#!/bin/bash
# install.sh: the Debian package, proved by installing it.  As root on
# Debian 12 with the build dependencies, debhelper, lintian and man-db:
# build kijun_VERSION_ARCH.deb with dpkg-buildpackage -us -uc -b in a clean
# copy of the tracked sources (the copy is deleted before installing, so
# nothing can come from it), or take the one make deb built, check it with lintian (no error, no warning),
# install it with dpkg -i, run the installed kijun (--version, --report on
# the test fixture in both languages against the golden reports, the
# interactive session in a pseudo-terminal on the bundled questionnaire),
# find both man pages with man -w, then dpkg --purge and check that every
# file the package had installed is gone.
#   bash tests/pkg/install.sh [CHANGES]   (with the .changes file make deb
#   wrote in deb-build/, that package is checked and installed instead of
#   building one; DEB_BUILD_OPTIONS is passed on: CI
#                                     gives nocheck, the suite having run)
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
export KIJUN_SRCDIR=$src TESTDATA=$src/tests/data
if [ "$(id -u)" -ne 0 ]; then echo "install.sh: run as root (it installs and purges a package)" >&2; exit 2; fi
for t in dpkg-buildpackage lintian tmux man; do
  command -v "$t" >/dev/null || { echo "install.sh: $t is missing" >&2; exit 2; }
done
export HOME=${HOME:-/root}
export KIJUN=/usr/bin/kijun KIJUN_LOCALEDIR=
. "$src/tests/e2e/lib.sh"           # ok/not_ok, $TMP, and the tmux driver

if dpkg -s kijun >/dev/null 2>&1; then
  echo "# kijun was installed: purging it first"
  dpkg --purge kijun >/dev/null || exit 1
fi
if [ -e /usr/bin/kijun ]; then not_ok "no kijun on the system before the test" "/usr/bin/kijun exists"; done_testing; exit; fi

# ---- build ----
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
upstream=${version%-*}
arch=$(dpkg --print-architecture)
if [ -n "${1:-}" ]; then
  # The package make deb built from the release tarball: checked and
  # installed as it is, not built again.
  changes=$(realpath "$1")
  deb=$(dirname "$changes")/kijun_${version}_${arch}.deb
  if [ -f "$changes" ] && [ -f "$deb" ]; then ok "the package built by make deb: $(basename "$deb") ($(stat -c %s "$deb") bytes)"
  else not_ok "the package built by make deb" "no $changes or $deb"; done_testing; exit; fi
else
build=$TMP/build/kijun-$upstream
mkdir -p "$build"
git -C "$src" ls-files -z | (cd "$src" && tar --null -T - -cf -) | tar -xf - -C "$build"
start_s=$(date +%s)
if (cd "$build" && DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-} parallel=2" dpkg-buildpackage -us -uc -b) > "$TMP/build.log" 2>&1
then ok "dpkg-buildpackage -us -uc -b in a clean copy ($(( $(date +%s) - start_s )) s)"
else not_ok "dpkg-buildpackage -us -uc -b in a clean copy" "$(grep -E '^(FAIL|ERROR): ' "$TMP/build.log")" "$(tail -25 "$TMP/build.log")"; done_testing; exit; fi
tests=$(sed -n 's/^# TOTAL: *//p' "$build/test-suite.log" 2>/dev/null)
echo "# make check in the package build: ${tests:-not run (nocheck)} tests"
deb=$TMP/build/kijun_${version}_${arch}.deb
if [ -f "$deb" ]; then ok "it built $(basename "$deb") ($(stat -c %s "$deb") bytes)"
else not_ok "it built kijun_${version}_${arch}.deb" "$(ls "$TMP/build")"; done_testing; exit; fi
changes=$TMP/build/kijun_${version}_${arch}.changes
fi
lintian --fail-on error,warning "$changes" > "$TMP/lintian" 2>&1
lrc=$?
lintian -I -E --pedantic --show-overrides "$changes" 2>&1 | grep -v 'root privileges' | sed 's/^/# lintian: /'
if [ $lrc -eq 0 ] && ! grep -q '^[EW]: ' "$TMP/lintian"; then ok "lintian: no error, no warning"
else not_ok "lintian: no error, no warning" "$(grep '^[EW]: ' "$TMP/lintian")"; fi
cp "$deb" "$TMP/kijun.deb"
rm -rf "$TMP/build"          # the installed kijun may use nothing of it

# ---- contents ----
dpkg-deb -c "$TMP/kijun.deb" | awk '{ print $6 }' | sed 's|^\./|/|' > "$TMP/contents"
has() {
  if grep -qx -- "$1" "$TMP/contents"; then ok "the package has $1"; else not_ok "the package has $1"; fi
}
has /usr/bin/kijun
has /usr/share/kijun/questionnaires/nisc-2023.cfg
has /usr/share/locale/ja/LC_MESSAGES/kijun.mo
has /usr/share/bash-completion/completions/kijun
has /usr/share/doc/kijun/copyright
# Every man page of Makefile.am, English and Japanese.
for m in $(grep -o 'man/[^ ]*\.[1-8]' "$src/Makefile.am" | sort -u); do
  sec=${m##*.}
  case $m in
    man/ja/*) has "/usr/share/man/ja/man$sec/${m##*/}.gz" ;;
    *) has "/usr/share/man/man$sec/${m##*/}.gz" ;;
  esac
done
depends=$(dpkg-deb -f "$TMP/kijun.deb" Depends)
case "$depends" in
  *libc6*libconfig*|*libconfig*libc6*) ok "Depends comes from dh_shlibdeps: $depends" ;;
  *) not_ok "Depends comes from dh_shlibdeps" "$depends" ;;
esac

# ---- install and run ----
if dpkg -i "$TMP/kijun.deb" > "$TMP/dpkg.log" 2>&1; then ok "dpkg -i"
else not_ok "dpkg -i" "$(cat "$TMP/dpkg.log")"; done_testing; exit; fi
dpkg -L kijun > "$TMP/files"

run /usr/bin/kijun --version
expect_status "installed kijun --version exits 0" 0
expect_in "and prints kijun $upstream" out "kijun $upstream"

# The reports of the fixture, from a folder outside any source tree, equal
# the golden ones: the installed catalogue is complete and found.
cp "$TESTDATA/mini.cfg" "$TESTDATA/mini-answers.cfg" "$TMP/"
for lang in en ja; do
  for f in text:txt markdown:md csv:csv; do
    (cd "$TMP" && env -i PATH=/usr/bin:/bin HOME="$TMP" LC_ALL=C.UTF-8 TZ=UTC \
       kijun --lang "$lang" --report="${f%:*}" mini-answers.cfg -q mini.cfg) > "$TMP/report" 2>&1
    if cmp -s "$TMP/report" "$src/tests/golden/mini.$lang.${f#*:}"; then ok "kijun --lang $lang --report=${f%:*} on the fixture gives the golden report"
    else not_ok "kijun --lang $lang --report=${f%:*} on the fixture gives the golden report" "$(diff "$TMP/report" "$src/tests/golden/mini.$lang.${f#*:}" | head -10)"; fi
  done
done

# One interactive session in a pseudo-terminal, on the installed
# questionnaire: the profile form, one answer, quit.
A=$TMP/session/answers.cfg
mkdir -p "$TMP/session"
start 80 24 -- "$A"
expect_screen "the installed kijun opens the profile form" "Respondent profile"
keys Escape
expect_screen "the overview of the bundled questionnaire" "Answered"
keys Tab
expect_screen "Tab opens the first question" "[Baseline]"
keys 1
keys q
expect_screen "q shows the coverage summary" "Coverage summary"
keys Enter
expect_exit "kijun leaves with status 0" 0
expect_file "the answer is saved" "$A" 'status = "implemented"'
expect_file "the answers file names the installed questionnaire" "$A" 'id = "nisc-ci-2023"'
start 80 24 -- --lang ja "$A"
expect_screen "kijun --lang ja resumes in Japanese, from the installed catalogue" "計画 (Plan)"
keys q
expect_screen "q shows the summary in Japanese" "充足率の集計"
keys Enter
expect_exit "and leaves with status 0" 0
T kill-server >/dev/null 2>&1
run /usr/bin/kijun --report "$A"
expect_status "kijun --report on the session's file finds the installed questionnaire" 0
expect_in "and reports one question met" out "(1/"

# ---- manual pages and completion ----
w=$(man -w kijun 2>&1)
if [ "$w" = /usr/share/man/man1/kijun.1.gz ]; then ok "man -w kijun: $w"; else not_ok "man -w kijun" "$w"; fi
w=$(man -w -L ja kijun 2>&1)
if [ "$w" = /usr/share/man/ja/man1/kijun.1.gz ]; then ok "man -w -L ja kijun: $w"; else not_ok "man -w -L ja kijun" "$w"; fi
w=$(man -w 5 kijun-answers 2>&1)
if [ "$w" = /usr/share/man/man5/kijun-answers.5.gz ]; then ok "man -w 5 kijun-answers: $w"; else not_ok "man -w 5 kijun-answers" "$w"; fi
if out=$(man -P cat kijun 2>/dev/null) && echo "$out" | grep -q 'bash-completion/completions/kijun'; then ok "man kijun renders and names the completion"
else not_ok "man kijun renders and names the completion"; fi
if [ -f /usr/share/bash-completion/bash_completion ]; then
  # bash-completion's own loader finds and loads the installed script.
  got=$(bash -c '. /usr/share/bash-completion/bash_completion
    COMP_WORDS=(kijun --report=); COMP_CWORD=1; COMP_LINE="kijun --report="; COMP_POINT=15
    __load_completion kijun && complete -p kijun && COMP_WORDS=(kijun --report = ""); COMP_CWORD=3
    _kijun kijun "" =; echo "${COMPREPLY[*]}"' 2>&1)
  case "$got" in
    *"-F _kijun kijun"*"text markdown csv"*"json html"*) ok "bash-completion loads the installed completion" ;;
    *) not_ok "bash-completion loads the installed completion" "$got" ;;
  esac
else
  ok "# SKIP bash-completion is not installed"
fi

# ---- purge ----
if dpkg --purge kijun > "$TMP/dpkg.log" 2>&1; then ok "dpkg --purge kijun"
else not_ok "dpkg --purge kijun" "$(cat "$TMP/dpkg.log")"; fi
if dpkg -s kijun >/dev/null 2>&1; then not_ok "dpkg no longer knows kijun" "$(dpkg -s kijun | head -3)"
else ok "dpkg no longer knows kijun"; fi
left=""
while IFS= read -r f; do
  [ "$f" = /. ] && continue
  [ -e "$f" ] || [ -L "$f" ] || continue
  # A folder another package also owns stays, rightly.
  if [ -d "$f" ] && [ ! -L "$f" ] && dpkg-query -S "$f" >/dev/null 2>&1; then continue; fi
  left="$left $f"
done < "$TMP/files"
n_files=$(wc -l < "$TMP/files")
if [ -z "$left" ]; then ok "nothing of the $n_files paths kijun had installed is left"
else not_ok "nothing of the paths kijun had installed is left" "left:$left"; fi
leftover=$(ls /var/lib/dpkg/info/kijun.* 2>/dev/null; command -v kijun)
if [ -z "$leftover" ]; then ok "no kijun in dpkg's database or on PATH"
else not_ok "no kijun in dpkg's database or on PATH" "$leftover"; fi

done_testing
