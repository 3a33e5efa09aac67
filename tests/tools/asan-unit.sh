#!/bin/sh
# asan-unit.sh: run a unit test's ASan build (tests/asan/NAME, made by
# make check-asan) in place of the ordinary one that make check names.
d=$(dirname "$1")
t=${d%/unit}/asan/$(basename "$1")
shift
exec "$t" "$@"
