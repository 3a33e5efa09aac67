#!/bin/bash
# reproducible.sh: the release tarball is byte-for-byte reproducible and
# builds without autotools.  Two clean copies of the tracked sources are
# each bootstrapped and packed with make dist (with different umasks, time
# zones and folders), under the same SOURCE_DATE_EPOCH (default: the last
# commit's date, as make release takes it); the tarballs must be identical,
# and identical to TARBALL when one is given (with TARBALL.sha256 checked).
# Then one is unpacked and built with ./configure && make && make check
# TESTS= (the test programs are built; make distcheck runs the suite from
# the same tarball) && make install, with every autotools program on PATH
# replaced by a stub
# that records its call: none may be called, and no file of the tarball
# may change.  REPRO_CONFIGURE_FLAGS are given to that ./configure: CI
# gives --enable-werror, so that this build is also its gcc build with
# warnings as errors (kijun, the tools and the test programs).
# Run from anywhere: bash tests/pkg/reproducible.sh [TARBALL]
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
export KIJUN_SRCDIR=$src
HOME=${HOME:-/tmp}
. "$src/tests/cli/lib.sh"
given=${1:+$(realpath "$1")}
work=$TMP
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$src" log -1 --format=%ct)}
echo "# SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"

# copy DIR: the tracked files of the source tree, as they are now.
copy() {
  mkdir -p "$1"
  git -C "$src" ls-files -z | (cd "$src" && tar --null -T - -cf -) | tar -xf - -C "$1"
}

# pack NAME UMASK TZ: bootstrap a clean copy and make dist there.
pack() {
  copy "$work/$1"
  (cd "$work/$1" && umask "$2" && export TZ="$3" &&
     autoreconf -fi && ./configure && make dist) >"$work/$1.log" 2>&1
}

# Side by side: each is one process most of the time (autoreconf, configure).
pack a 022 UTC &
pack b 002 Asia/Tokyo &
wait
ta=$(ls "$work"/a/kijun-*.tar.gz 2>/dev/null)
tb=$(ls "$work"/b/kijun-*.tar.gz 2>/dev/null)
if [ -f "$ta" ] && [ -f "$tb" ]; then ok "make dist in two clean copies"
else not_ok "make dist in two clean copies" "$(tail -20 "$work/a.log" "$work/b.log")"; done_testing; exit; fi
name=$(basename "$ta")

# differ A B: what differs between two tarballs, for the log.
differ() {
  diff <(tar -tvzf "$1") <(tar -tvzf "$2") | head -20
  mkdir -p "$work/x1" "$work/x2"
  tar -xzf "$1" -C "$work/x1"; tar -xzf "$2" -C "$work/x2"
  diff -r "$work/x1" "$work/x2" | head -40
  rm -rf "$work/x1" "$work/x2"
}
if cmp -s "$ta" "$tb"; then ok "the two tarballs are identical ($(sha256sum <"$ta" | cut -c1-16)...)"
else not_ok "the two tarballs are identical" "$(differ "$ta" "$tb")"; fi
if [ -n "$given" ]; then
  if cmp -s "$given" "$ta"; then ok "$(basename "$given") is identical to them"
  else not_ok "$(basename "$given") is identical to them" "$(differ "$given" "$ta")"; fi
  if (cd "$(dirname "$given")" && sha256sum -c --strict "$(basename "$given").sha256") >/dev/null 2>&1
  then ok "$(basename "$given").sha256 matches it"
  else not_ok "$(basename "$given").sha256 matches it"; fi
fi
bad=$(tar -tvzf "$ta" | awk '$2 != "0/0" || substr($1, 6, 1) == "w" || substr($1, 9, 1) == "w"')
if [ -z "$bad" ]; then ok "members are owned by 0/0 and writable by the owner only"
else not_ok "members are owned by 0/0 and writable by the owner only" "$(echo "$bad" | head -5)"; fi
dates=$(TZ=UTC tar -tvzf "$ta" | awk '{ print $4, $5 }' | sort -u)
want=$(TZ=UTC date -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M')
if [ "$dates" = "$want" ]; then ok "every member is dated SOURCE_DATE_EPOCH ($want UTC)"
else not_ok "every member is dated SOURCE_DATE_EPOCH" "$dates"; fi
for f in debian/control debian/rules completion/kijun.bash tests/pkg/install.sh tests/pkg/reproducible.sh configure Makefile.in; do
  if tar -tzf "$ta" | grep -qx "${name%.tar.gz}/$f"; then ok "the tarball has $f"; else not_ok "the tarball has $f"; fi
done

# Build the tarball as a machine without autotools would.
stubs=$work/stubs
mkdir -p "$stubs"
for p in autoconf autoheader autom4te autoreconf automake aclocal automake-1.16 aclocal-1.16 \
         autopoint autoscan autoupdate libtoolize gettextize makeinfo; do
  printf '#!/bin/sh\necho "%s $*" >> %s/called\nexit 1\n' "$p" "$work" > "$stubs/$p"
  chmod +x "$stubs/$p"
done
mkdir -p "$work/build"
tar -xzf "$ta" -C "$work/build"
dir=$work/build/${name%.tar.gz}
(cd "$dir" && find . -type f -exec sha256sum {} + | sort -k2) > "$work/sums"
flags=${REPRO_CONFIGURE_FLAGS:-}
# shellcheck disable=SC2086  # the flags are words
if (cd "$dir" && export PATH="$stubs:$PATH" &&
    ./configure --prefix=/usr $flags && make -j2 && make -j2 check TESTS= &&
    make install DESTDIR="$work/root") > "$work/build.log" 2>&1
then ok "./configure${flags:+ $flags} && make && make check TESTS= && make install from the tarball"
else not_ok "./configure${flags:+ $flags} && make && make check TESTS= && make install from the tarball" "$(tail -30 "$work/build.log")"; fi
if [ ! -s "$work/called" ]; then ok "no autotools program was called"
else not_ok "no autotools program was called" "$(cat "$work/called")"; fi
changed=$(cd "$dir" && sha256sum -c --quiet "$work/sums" 2>&1)
if [ -z "$changed" ]; then ok "no file of the tarball was changed by the build"
else not_ok "no file of the tarball was changed by the build" "$changed"; fi
for f in usr/bin/kijun usr/share/kijun/questionnaires/nisc-2023.cfg usr/share/locale/ja/LC_MESSAGES/kijun.mo \
         usr/share/man/man1/kijun.1 usr/share/man/ja/man1/kijun.1 usr/share/bash-completion/completions/kijun; do
  if [ -f "$work/root/$f" ]; then ok "make install installs /$f"; else not_ok "make install installs /$f"; fi
done
echo "# $(sed -n 's/^# TOTAL: *//p' "$dir/test-suite.log" 2>/dev/null) tests run by make check from the tarball"
done_testing
