/* report_compare: the comparison in five formats.  See report_compare.h.
 *
 * Every format has the same parts in the same order: which assessment is
 * old and which new (file, profile, start, last answer), the questions
 * that regressed, coverage old and new with the change (overall, by
 * phase, by item), the questions that became met, those still not met,
 * and the old plan's items that were due by the new assessment's date
 * and are done in neither.  Nothing here counts: the figures are
 * coverage.h's, the lists compare.h's. */
#include <config.h>
#include "report/report_compare.h"
#include "report/report_compare_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/compare.h"
#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_html.h"
#include "base/text.h"
#include "base/xalloc.h"

/* One side, as the single-assessment report's helpers want it. */
report_ctx
rcmp_side(const report_compare_ctx *r, bool new)
{
  return (report_ctx){ r->qn, new ? r->new : r->old, new ? r->new_path : r->old_path, r->lang, 0,
                       NULL, NULL, NULL };
}

const char *
rcmp_list_title(enum cmp_list l)
{
  switch (l)
    {
    case CMP_REGRESSED: return _("Regressed: met (or not applicable) before, not met now");
    case CMP_IMPROVED: return _("Became met");
    default: return _("Still not met");
    }
}

char *
rcmp_overdue_title(const comparison *c)
{
  return xasprintf(_("Old plan items due by %s (the new assessment's date) and not done"), c->asof);
}

const char *const rcmp_side_labels[2] = { N_("Old"), N_("New") };

/* "Old: a.cfg" / "New: b.cfg": the headings of the two sides. */
char *
rcmp_side_heading(const report_compare_ctx *r, bool new)
{
  /* TRANSLATORS: "Old assessment: FILE" / "New assessment: FILE". */
  return xasprintf(new ? _("New assessment: %s") : _("Old assessment: %s"),
                   new ? r->new_path : r->old_path);
}

/* The scope changes (compare.h): only for a questionnaire that asks scope
 * questions, so that other comparisons read as they always did. */
bool
rcmp_has_scope(const report_compare_ctx *r)
{
  return r->qn->nscopes > 0;
}

const char *
rcmp_scope_title(void)
{
  /* TRANSLATORS: the comparison's section of the scope questions answered
     differently in the two assessments. */
  return _("Scope changes");
}

const char *
rcmp_moved_title(bool left)
{
  return left ? _("Left the figures: out of scope now")
              : _("Back in the figures: in scope again");
}

/* Why question qi moved: the new reason for one that left, the old one
 * for one that came back (newly allocated). */
char *
rcmp_moved_reason(const report_compare_ctx *r, size_t qi, bool left)
{
  if (left)
    return ans_scope_reason(r->new, qi, r->lang);
  char *was = ans_scope_reason(r->old, qi, r->lang);
  /* TRANSLATORS: a question that the new assessment's scope answers bring
     back into the figures; %s is why it was out ("not in scope: no
     control systems"). */
  char *why = xasprintf(_("in scope again (before: %s)"), was ? was : "");
  free(was);
  return why;
}

/* "No -> Yes" */
char *
rcmp_scope_change_text(const report_compare_ctx *r, size_t k)
{
  return xasprintf("%s -> %s", ans_scope_name(ans_scope_of(r->old, k)),
                   ans_scope_name(ans_scope_of(r->new, k)));
}

int
report_compare_write(FILE *f, enum report_fmt fmt, const report_compare_ctx *r, bool *regressed)
{
  coverage then, now;
  cov_compute(r->qn, r->old, &then);
  cov_compute(r->qn, r->new, &now);
  comparison c;
  cmp_compute(r->qn, r->old, &then, r->new, &now, &c);
  *regressed = c.n[CMP_REGRESSED] > 0;
  static void (*const render[])(FILE *, const report_compare_ctx *, const comparison *) = {
    [REPORT_TEXT] = rcmp_text, [REPORT_MARKDOWN] = rcmp_md, [REPORT_CSV] = rcmp_csv,
    [REPORT_JSON] = rcmp_json, [REPORT_HTML] = rcmp_html,
  };
  enum lang ui = i18n_switch_messages(r->lang);
  /* excel-csv: a byte-order mark, then the CSV (it has no slot above). */
  fmt = report_fmt_begin(f, fmt);
  render[fmt](f, r, &c);
  i18n_switch_messages(ui);
  cmp_free(&c);
  cov_free(&then);
  cov_free(&now);
  return ferror(f) ? EX_IOERR : 0;
}
