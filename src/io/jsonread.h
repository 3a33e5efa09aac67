/* jsonread: reading back a JSON file kijun wrote (an --aggregate=json
 * report, for --compare of two aggregates) into a small tree.  Strict
 * RFC 8259: a file that is not JSON gets one message naming the file, the
 * line and what was expected.  Nesting and size are bounded, so any file
 * is read or refused quickly. */
#ifndef KIJUN_JSONREAD_H
#define KIJUN_JSONREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

enum jv_type { JV_NULL, JV_BOOL, JV_NUM, JV_STR, JV_ARR, JV_OBJ };

typedef struct jv
{
  enum jv_type t;
  bool b;
  double num;
  char *str;                  /* JV_STR: UTF-8, may hold no NUL */
  struct jv *items;           /* JV_ARR, JV_OBJ: n values */
  char **keys;                /* JV_OBJ: n keys */
  size_t n;
  int line;                   /* where the value starts, from 1 */
} jv;

/* Read path; 0, or EX_NOINPUT / EX_DATAERR with the reason in d. */
int json_read_file(const char *path, jv *out, diag_t *d);
void jv_free(jv *v);
/* The member key of an object, or NULL (also when o is no object). */
const jv *jv_get(const jv *o, const char *key);

#endif
