#!/bin/bash
# sancc.sh: compile C sources into objects, several at a time, for the
# builds that make compiles by hand with clang and a sanitizer (make
# check-asan, make fuzz): each source is compiled once, into one folder,
# and every program of that build links the same objects.
#   sancc.sh JOBS OUTDIR SRCDIR COMPILER FLAGS... -- SOURCES...
# SOURCES are relative to SRCDIR; src/io/qload.c becomes
# OUTDIR/src_io_qload.o.  The exit status is non-zero if any compile
# fails (the compiler says which).
set -u
if [ "${1:-}" = --one ]; then
  # One compile, run by xargs: --one OUTDIR SRCDIR COMPILER FLAGS... SOURCE
  shift
  out=$1 src=$2; shift 2
  f=${!#}
  o=$out/$(printf '%s' "${f%.c}" | tr / _).o
  exec "${@:1:$#-1}" -c "$src/$f" -o "$o"
fi
jobs=$1 out=$2 src=$3; shift 3
cc=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do cc+=("$1"); shift; done
[ $# -gt 0 ] || { echo "sancc.sh: no -- before the sources" >&2; exit 2; }
shift
mkdir -p "$out" || exit 1
printf '%s\n' "$@" | xargs -d '\n' -P "$jobs" -n 1 bash "$0" --one "$out" "$src" "${cc[@]}"
