/* jsonw: a small streaming JSON writer for every JSON kijun writes (the
 * reports, the aggregate, OSCAL).  It owns the punctuation: commas,
 * nesting and indentation, so no string literal places a comma by hand.
 * Strings go through emit_json, whose escaping (C1 and bidi controls,
 * line separators, invalid bytes as \xNN) no packaged library gives.
 *
 * Every call takes the member's key, or NULL for an element of an array
 * (or the top-level value).  A container is laid out on lines, one member
 * a line indented by two spaces a level, or flat on one line
 * ("{ "a": 1, "b": 2 }"); everything inside a flat container is flat.
 * An empty container is "{}" or "[]". */
#ifndef KIJUN_JSONW_H
#define KIJUN_JSONW_H

#include <stdbool.h>
#include <stdio.h>

#define JW_DEPTH 32

typedef struct jw
{
  FILE *f;
  int depth;
  bool first[JW_DEPTH];       /* nothing written yet in the container */
  bool flat[JW_DEPTH];
  char close[JW_DEPTH];
} jw;

void jw_begin(jw *w, FILE *f);
/* Open an object or an array laid out on lines (flat inside a flat one). */
void jw_obj(jw *w, const char *key);
void jw_arr(jw *w, const char *key);
/* Open one laid out on one line. */
void jw_obj_flat(jw *w, const char *key);
void jw_arr_flat(jw *w, const char *key);
/* Close the innermost open container. */
void jw_end(jw *w);
/* A string (NULL: null). */
void jw_str(jw *w, const char *key, const char *s);
/* A number or literal written as given: "40.0", "null", "true". */
void jw_raw(jw *w, const char *key, const char *text);
void jw_uint(jw *w, const char *key, unsigned long long v);
void jw_int(jw *w, const char *key, long long v);
void jw_bool(jw *w, const char *key, bool b);
/* After the top-level value: the closing newline. */
void jw_finish(jw *w);

#endif
