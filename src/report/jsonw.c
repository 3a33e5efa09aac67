/* jsonw: the JSON writer (see jsonw.h).  Only the separator logic lives
 * here: before a value, a comma if the container already holds one, then
 * a line break and indentation (on lines) or a space (flat). */
#include <config.h>
#include "report/jsonw.h"

#include <assert.h>

#include "report/emit.h"

void
jw_begin(jw *w, FILE *f)
{
  *w = (jw){ .f = f };
  w->first[0] = true;
}

static void
sep(jw *w, const char *key)
{
  int d = w->depth;
  if (d > 0)
    {
      if (!w->first[d])
        fputc(',', w->f);
      if (w->flat[d])
        fputc(' ', w->f);
      else
        fprintf(w->f, "\n%*s", 2 * d, "");
    }
  w->first[d] = false;
  if (key)
    {
      emit_json(w->f, key);
      fputs(": ", w->f);
    }
}

static void
container(jw *w, const char *key, char o, char c, bool flat)
{
  sep(w, key);
  fputc(o, w->f);
  assert(w->depth + 1 < JW_DEPTH);
  int d = ++w->depth;
  w->first[d] = true;
  w->flat[d] = flat || (d > 1 && w->flat[d - 1]);
  w->close[d] = c;
}

void jw_obj(jw *w, const char *key) { container(w, key, '{', '}', false); }
void jw_arr(jw *w, const char *key) { container(w, key, '[', ']', false); }
void jw_obj_flat(jw *w, const char *key) { container(w, key, '{', '}', true); }
void jw_arr_flat(jw *w, const char *key) { container(w, key, '[', ']', true); }

void
jw_end(jw *w)
{
  int d = w->depth;
  assert(d > 0);
  if (!w->first[d])
    {
      if (w->flat[d])
        fputc(' ', w->f);
      else
        fprintf(w->f, "\n%*s", 2 * (d - 1), "");
    }
  fputc(w->close[d], w->f);
  w->depth--;
}

void
jw_str(jw *w, const char *key, const char *s)
{
  sep(w, key);
  emit_json(w->f, s);
}

void
jw_raw(jw *w, const char *key, const char *text)
{
  sep(w, key);
  fputs(text, w->f);
}

void
jw_uint(jw *w, const char *key, unsigned long long v)
{
  sep(w, key);
  fprintf(w->f, "%llu", v);
}

void
jw_int(jw *w, const char *key, long long v)
{
  sep(w, key);
  fprintf(w->f, "%lld", v);
}

void
jw_bool(jw *w, const char *key, bool b)
{
  jw_raw(w, key, b ? "true" : "false");
}

void
jw_finish(jw *w)
{
  fputc('\n', w->f);
}
