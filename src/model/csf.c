/* csf: the CSF 2.0 functions and categories.  See csf.h. */
#include <config.h>
#include "model/csf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define FN_KEY_(id, key, en, ja) key,
#define FN_EN_(id, key, en, ja) en,
#define FN_JA_(id, key, en, ja) ja,
static const char *const fn_keys[] = { CSF_FUNCTION_TABLE(FN_KEY_) };
static const char *const fn_names[LANG_COUNT][CSF_FUNCTION_COUNT] = {
  [LANG_EN] = { CSF_FUNCTION_TABLE(FN_EN_) },
  [LANG_JA] = { CSF_FUNCTION_TABLE(FN_JA_) },
};
#undef FN_KEY_
#undef FN_EN_
#undef FN_JA_

#define CAT_KEY_(id, key, fn, en, ja) key,
#define CAT_FN_(id, key, fn, en, ja) CSF_##fn,
#define CAT_EN_(id, key, fn, en, ja) en,
#define CAT_JA_(id, key, fn, en, ja) ja,
static const char *const cat_keys[] = { CSF_CATEGORY_TABLE(CAT_KEY_) };
static const enum csf_function cat_fn[] = { CSF_CATEGORY_TABLE(CAT_FN_) };
static const char *const cat_names[LANG_COUNT][CSF_CATEGORY_COUNT] = {
  [LANG_EN] = { CSF_CATEGORY_TABLE(CAT_EN_) },
  [LANG_JA] = { CSF_CATEGORY_TABLE(CAT_JA_) },
};
#undef CAT_KEY_
#undef CAT_FN_
#undef CAT_EN_
#undef CAT_JA_

#define COUNT_(a) (int) (sizeof a / sizeof a[0])
_Static_assert(COUNT_(fn_keys) == CSF_FUNCTION_COUNT, "CSF functions");
_Static_assert(COUNT_(cat_keys) == CSF_CATEGORY_COUNT && CSF_CATEGORY_COUNT == 22, "CSF 2.0 has 22 categories");
const vocab csf_function_vocab = { fn_keys, COUNT_(fn_keys), 0 };
const vocab csf_category_vocab = { cat_keys, COUNT_(cat_keys), 0 };
#undef COUNT_

static bool
upper2(const char *s)
{
  return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

enum csf_parse_error
csf_ref_parse(const char *s, csf_ref *out)
{
  size_t n = strlen(s);
  if (!((n == 2 || n == 5 || n == 8) && upper2(s)))
    return CSF_BAD_FORM;
  if (n >= 5 && !(s[2] == '.' && upper2(s + 3)))
    return CSF_BAD_FORM;
  if (n == 8 && !(s[5] == '-' && s[6] >= '0' && s[6] <= '9' && s[7] >= '0' && s[7] <= '9'
                  && !(s[6] == '0' && s[7] == '0')))
    return CSF_BAD_FORM;
  char fn[3] = { s[0], s[1], '\0' };
  int f = vocab_parse(&csf_function_vocab, fn);
  if (f < 0)
    return CSF_BAD_FUNCTION;
  csf_ref r = { (signed char) f, -1, 0 };
  if (n >= 5)
    {
      char cat[6];
      memcpy(cat, s, 5);
      cat[5] = '\0';
      int c = vocab_parse(&csf_category_vocab, cat);
      if (c < 0)
        return CSF_BAD_CATEGORY;
      r.cat = (signed char) c;
      if (n == 8)
        r.sub = (signed char) ((s[6] - '0') * 10 + (s[7] - '0'));
    }
  *out = r;
  return CSF_OK;
}

const char *
csf_ref_text(const csf_ref *r, char buf[CSF_REF_SIZE])
{
  if (r->cat < 0)
    snprintf(buf, CSF_REF_SIZE, "%s", fn_keys[r->fn]);
  else if (r->sub)
    snprintf(buf, CSF_REF_SIZE, "%s-%02d", cat_keys[r->cat], r->sub);
  else
    snprintf(buf, CSF_REF_SIZE, "%s", cat_keys[r->cat]);
  return buf;
}

const char *csf_function_key(enum csf_function f) { return fn_keys[f]; }
const char *csf_category_key(enum csf_category c) { return cat_keys[c]; }
enum csf_function csf_category_function(enum csf_category c) { return cat_fn[c]; }
const char *csf_function_name(enum csf_function f, enum lang l) { return fn_names[l][f]; }
const char *csf_category_name(enum csf_category c, enum lang l) { return cat_names[l][c]; }

void
csf_ref_label(const csf_ref *r, enum lang l, char *buf, size_t size)
{
  char key[CSF_REF_SIZE];
  csf_ref_text(r, key);
  const char *fn = fn_names[l][r->fn];
  if (r->cat < 0)
    snprintf(buf, size, "%s (%s)", fn, key);
  else
    snprintf(buf, size, l == LANG_JA ? "%s：%s（%s）" : "%s: %s (%s)", fn, cat_names[l][r->cat], key);
}

char *
csf_refs_label(const csf_ref *refs, size_t n, enum lang l)
{
  char *out = xstrdup("");
  for (size_t k = 0; k < n; k++)
    {
      char one[160];
      csf_ref_label(&refs[k], l, one, sizeof one);
      char *more = xasprintf("%s%s%s", out, k ? (l == LANG_JA ? "、" : "; ") : "", one);
      free(out);
      out = more;
    }
  return out;
}
