#!/bin/sh
# layers.sh: the layers of src/LAYERS hold.  Every #include "..." in src/
# names a folder (so that each include line states its layer) and points
# to the including file's own folder or one on an earlier line of
# src/LAYERS; peers on one line include none of each other.  Then the
# check is shown to fail: in a copy of src/, an upward include, a peer's
# include and an unqualified include are each added and must be refused.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
S=${KIJUN_SRCDIR:-.}

# check_layers DIR: print every offending include of DIR; status 1 if any.
check_layers() {
  awk '
    FILENAME ~ /LAYERS$/ {
      if ($0 ~ /^#/ || NF == 0) next
      level++
      for (i = 1; i <= NF; i++) rank[$i] = level
      next
    }
    /^#include "/ {
      inc = $2; gsub(/"/, "", inc)
      path = FILENAME; sub(/^.*\/src\//, "", path)
      me = path; if (me ~ /\//) { sub(/\/.*/, "", me) } else { me = "." }
      if (inc == "config.h") next
      if (inc !~ /\//) {
        # A header of the same folder may be named bare only by tests, never in src/.
        printf "%s:%d: include \"%s\" names no folder\n", path, FNR, inc; bad = 1; next
      }
      to = inc; sub(/\/.*/, "", to)
      if (!(to in rank)) { printf "%s:%d: include \"%s\": folder %s is not in src/LAYERS\n", path, FNR, inc, to; bad = 1; next }
      if (me == ".") next
      if (!(me in rank)) { printf "%s: folder %s is not in src/LAYERS\n", path, me; bad = 1; next }
      if (to == me) next
      if (rank[to] > rank[me]) { printf "%s:%d: include \"%s\" runs upward (%s is above %s)\n", path, FNR, inc, to, me; bad = 1 }
      else if (rank[to] == rank[me]) { printf "%s:%d: include \"%s\" runs sideways (%s and %s are peers)\n", path, FNR, inc, to, me; bad = 1 }
    }
    END { exit bad }
  ' "$1/LAYERS" $(find "$1" -name '*.[ch]' | sort)
}

if out=$(check_layers "$S/src"); then ok "no include in src/ runs against src/LAYERS"
else not_ok "no include in src/ runs against src/LAYERS" "$out"; fi

layers=" $(grep -v '^#' "$S/src/LAYERS" | tr '\n' ' ') "
missing=""
for d in $(cd "$S/src" && find . -mindepth 2 -name '*.[ch]' | sed 's|^\./||; s|/.*||' | sort -u); do
  case "$layers" in *" $d "*) ;; *) missing="$missing $d" ;; esac
done
if [ -z "$missing" ]; then ok "every folder of src/ is a layer of src/LAYERS"
else not_ok "every folder of src/ is a layer of src/LAYERS" "missing:$missing"; fi

# The check can fail: each kind of bad include, added to a copy, is refused.
cp -R "$S/src" "$TMP/src"
chmod -R u+w "$TMP/src"
try() {  # NAME FILE LINE EXPECT
  cp "$TMP/src/$2" "$TMP/saved"
  printf '%s\n' "$3" >> "$TMP/src/$2"
  if out=$(check_layers "$TMP/src"); then not_ok "$1" "the check passed"
  else case "$out" in *"$4"*) ok "$1" ;; *) not_ok "$1" "$out" ;; esac; fi
  cp "$TMP/saved" "$TMP/src/$2"
}
try "an upward include (model -> tui) is refused" model/qn.c '#include "tui/ui.h"' 'model/qn.c:'
try "an upward include (base -> io) is refused" base/text.h '#include "io/store.h"' 'runs upward'
try "an include that names no folder is refused" io/store_read.c '#include "qn.h"' 'names no folder'
try "an include of an unknown folder is refused" report/emit.c '#include "gui/x.h"' 'not in src/LAYERS'
printf 'base\nmodel\nio\nops report\nfront\nline tui\n' > "$TMP/src/LAYERS"
try "a peer's include (ops <-> report) is refused" ops/check.c '#include "report/emit.h"' 'runs sideways'
try "the two front ends are peers (tui -> line is refused)" tui/ui.c '#include "line/line.h"' 'runs sideways'
# Screens know one another only through the screen table: no screen file
# names what another screen file defines (its screen or a function that is
# not static), and ui.c and ui_main.c name screens' table entries alone.
exported() {  # FILE: the screen and the functions it gives to other files
  awk 'prev !~ /^static/ && prev !~ /^[ \t]*$/ && prev !~ /[;{}]/ && /^[a-z_][a-z0-9_]*\(/ { sub(/\(.*/, ""); print }
       /^const ui_screen / { for (i = 3; i <= NF; i++) if ($i ~ /_screen$/ || $i ~ /_screen,$/) { n = $i; sub(/,$/, "", n); print n } }
       { prev = $0 }' "$1"
}
check_screens() {  # SRCDIR
  screens=$(grep -l '^const ui_screen [a-z_]*_screen = ' "$1"/tui/*.c)
  bad=""
  for f in $screens; do
    for name in $(exported "$f"); do
      for g in $screens "$1/tui/ui.c" "$1/tui/ui_main.c"; do
        [ "$g" = "$f" ] && continue
        case "$g:$name" in */ui.c:*_screen) continue ;; esac
        if grep -qw "$name" "$g"; then bad="$bad ${g##*/} names ${f##*/}'s $name;"; fi
      done
    done
  done
  [ -z "$bad" ] || { echo "$bad"; return 1; }
}
if out=$(check_screens "$S/src"); then ok "no screen names another screen's functions; ui.c knows them by the table"
else not_ok "no screen names another screen's functions; ui.c knows them by the table" "$out"; fi
nscr=$(grep -l '^const ui_screen [a-z_]*_screen = ' "$S"/src/tui/*.c | wc -l)
if [ "$nscr" -ge 6 ]; then ok "the screen check reads the screens ($nscr files)"; else not_ok "the screen check reads the screens" "$nscr files"; fi
printf '\nvoid\nqv_peek(void)\n{\n}\n' >> "$TMP/src/tui/ui_question.c"
printf '\nstatic void\nx(void)\n{\n  qv_peek();\n}\n' >> "$TMP/src/tui/ui_plan.c"
if out=$(check_screens "$TMP/src"); then not_ok "a screen calling into another screen's file is refused" "the check passed"
else case "$out" in *"ui_plan.c names ui_question.c's qv_peek"*) ok "a screen calling into another screen's file is refused" ;;
  *) not_ok "a screen calling into another screen's file is refused" "$out" ;; esac; fi
done_testing
