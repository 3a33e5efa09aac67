/* draft: a mapping proposed from shared CSF categories and ids.  See
 * draft.h. */
#include <config.h>
#include "ops/draft.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "base/xalloc.h"
#include "io/cfgwrite.h"
#include "model/csf.h"


/* The categories a question bears on, as a bit set (a function-only
 * reference names no category and matches nothing: too broad to
 * propose). */
static unsigned long
categories(const qn_question *x)
{
  unsigned long set = 0;
  for (size_t k = 0; k < x->ncsf; k++)
    if (x->csf[k].cat >= 0)
      set |= 1UL << x->csf[k].cat;
  return set;
}

int
draft_mapping(FILE *f, const questionnaire *old, const questionnaire *new_, size_t *nentries,
              size_t *nunmatched)
{
  _Static_assert(CSF_CATEGORY_COUNT <= 32, "categories fit an unsigned long");
  *nentries = *nunmatched = 0;
  unsigned long *oc = xcalloc(old->nquestions ? old->nquestions : 1, sizeof *oc);
  for (size_t s = 0; s < old->nquestions; s++)
    oc[s] = categories(&old->questions[s]);
  fputs("# kijun mapping drafted by kijun --draft-mapping from shared CSF 2.0 categories\n"
        "# and ids: every entry is a proposal (intersect) for a person to confirm;\n"
        "# see kijun-mapping(5).\n", f);
  fputs("kijun_mapping = 1;\nfrom = { id = ", f);
  cfg_put_string(f, old->id);
  fputs("; version = ", f);
  cfg_put_string(f, old->version);
  fputs("; };\nto = { id = ", f);
  cfg_put_string(f, new_->id);
  fputs("; version = ", f);
  cfg_put_string(f, new_->version);
  fputs("; };\nprovenance = { method = \"automation\"; status = \"draft\"; };\nmap = (", f);
  for (size_t pos = 0; pos < new_->nquestions; pos++)
    {
      size_t t = new_->order[pos];
      const qn_question *x = &new_->questions[t];
      unsigned long tc = categories(x);
      unsigned long shared_all = 0;
      size_t n = 0;
      bool same_id = false;
      for (size_t s = 0; s < old->nquestions; s++)
        {
          bool id = strcmp(old->questions[s].id, x->id) == 0;
          if (!(oc[s] & tc) && !id)
            continue;
          shared_all |= oc[s] & tc;
          same_id |= id;
          fputs(n ? ", " : (*nentries ? ",\n  { from = ( " : "\n  { from = ( "), f);
          cfg_put_string(f, old->questions[s].id);
          n++;
        }
      if (!n)
        {
          (*nunmatched)++;
          continue;
        }
      (*nentries)++;
      fputs(" );\n    to = ( ", f);
      cfg_put_string(f, x->id);
      fputs(" ); relation = \"intersect\";\n    note = { ja = \"", f);
      char cats[256] = "";
      for (int c = 0; c < CSF_CATEGORY_COUNT; c++)
        if (shared_all & (1UL << c))
          snprintf(cats + strlen(cats), sizeof cats - strlen(cats), "%s%s", *cats ? " " : "",
                   csf_category_key((enum csf_category) c));
      /* The notes are file content in both languages, not messages. */
      fprintf(f, "自動の提案（共通の CSF カテゴリ: %s%s）。確認して関係を直すこと\"; en = \"Proposed automatically (shared CSF categories: %s%s); confirm and correct the relation\"; }; }",
              *cats ? cats : "なし", same_id ? "、同じ id" : "", *cats ? cats : "none", same_id ? "; same id" : "");
    }
  fputs(*nentries ? "\n);\n" : ");\n", f);
  free(oc);
  return ferror(f) ? EX_IOERR : 0;
}
