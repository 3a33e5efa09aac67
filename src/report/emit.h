/* emit: escaped output for the reports (text, Markdown, CSV, JSON).  See
 * emit.c.  Every string from a file goes out through one of these. */
#ifndef KIJUN_EMIT_H
#define KIJUN_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A text report's label and value columns: indent, then the label padded
 * to its column, a gap, the value. */
enum { EMIT_INDENT = 2, EMIT_GAP = 2 };

/* "  Label  value" on one line, the value cut to width (NULL: "-"). */
void emit_field(FILE *f, const char *label, int lw, const char *value, int width);
/* prefix, then s wrapped to what is left of width, its further lines
 * indented to the end of the prefix. */
void emit_hanging(FILE *f, const char *prefix, const char *s, int width);
/* s wrapped to width, each line indented by indent columns. */
void emit_wrapped(FILE *f, const char *s, int indent, int width);
/* The widest of n labels (NULL entries skipped), in columns. */
int emit_max_width(const char *const *labels, size_t n);
/* A title underlined with '='. */
void emit_title(FILE *f, const char *title);
/* s as inline Markdown (NULL: "-"). */
void emit_md(FILE *f, const char *s);
/* s as a CSV field (NULL: empty); formulas defused. */
void emit_csv(FILE *f, const char *s);
/* s as a JSON string (NULL: null); report/jsonw places it. */
void emit_json(FILE *f, const char *s);

#endif
