/* report_base: what every report format shares.  See report_base.h. */
#include <config.h>
#include "report/report_base.h"

#include <stdio.h>

#include "report/emit.h"
#include "base/xalloc.h"

const char *
report_formula_text(void)
{
  return _("Coverage = met / applicable. Met: implemented, or an alternative measure with a "
           "reason. Applicable: every question of the level except those not applicable with a "
           "reason. Unanswered, unknown, partially implemented and not implemented count as not "
           "met, and so do alternative and not-applicable answers without a reason.");
}

const char *
report_verdict_text(const coverage *c)
{
  static char buf[160];
  switch (c->verdict)
    {
    case COV_VERDICT_MET:
      return _("Baseline met");
    case COV_VERDICT_INCOMPLETE:
      /* TRANSLATORS: the verdict while baseline questions are unanswered:
         not a failure, not yet decided. */
      snprintf(buf, sizeof buf,
               ngettext("Not yet decided: %u baseline question unanswered",
                        "Not yet decided: %u baseline questions unanswered", c->baseline_unanswered),
               c->baseline_unanswered);
      return buf;
    default:
      return c->baseline_waits ? _("Baseline not met: answers await reconfirmation") : _("Baseline not met");
    }
}

char *
report_caveat_text(const coverage *c, size_t nquestions)
{
  if (!c->editorial)
    return NULL;
  /* TRANSLATORS: said next to the verdict; %s is the mark of such levels. */
  return xasprintf(ngettext("%zu question of %zu has a level of kijun's own reading (marked %s), not a "
                            "government designation.",
                            "%zu questions of %zu have a level of kijun's own reading (marked %s), not a "
                            "government designation.", c->editorial),
                   c->editorial, nquestions, REPORT_MARK);
}

char *
report_reconfirm_heading(const coverage *c)
{
  unsigned n = (unsigned) c->nreconfirm;
  return xasprintf(ngettext("Answer to reconfirm (%u)", "Answers to reconfirm (%u)", n), n);
}

char *
report_retired_heading(const coverage *c)
{
  unsigned n = (unsigned) c->nretired;
  return xasprintf(ngettext("Answer to a question no longer asked (%u)",
                            "Answers to questions no longer asked (%u)", n), n);
}

bool
report_has_scope(const report_ctx *r)
{
  return r->qn->nscopes > 0 || r->a->nscope > 0;
}

const char *
report_scope_heading(void)
{
  /* TRANSLATORS: the reports' section of the profile's scope answers and
     the questions they leave out. */
  return _("Scope of the assessment");
}

char *
report_scope_question(const report_ctx *r, size_t k)
{
  if (k < r->qn->nscopes)
    return xstrdup(qn_tr(&r->qn->scopes[k].text, r->lang));
  /* TRANSLATORS: a scope answer kept from a file, for a scope question
     the questionnaire does not ask; %s is its id. */
  return xasprintf(_("%s (a scope question this questionnaire does not ask; it governs no question)"),
                   r->a->scope[k].id);
}

char *
report_scope_out_text(const coverage *c)
{
  if (!c->nout)
    return xstrdup(_("Every question is in scope."));
  return xasprintf(ngettext("%zu question is not in scope and is left out of every figure; its answer, if any, is kept:",
                            "%zu questions are not in scope and are left out of every figure; their answers are kept:",
                            c->nout),
                   c->nout);
}

const char *
report_retired_status(const ans_retired *x)
{
  return ans_status_name(x->status);
}

const char *
report_editorial_text(void)
{
  return _("[k] The level of this question is kijun's own reading of the guideline, not a "
           "government designation. Levels without the mark rest on NISC's survey for item 3.7, "
           "on NISC's 2022 material on revising the guideline (a draft direction), or on no "
           "basis that the questionnaire states.");
}

const char *
report_rests_heading(void)
{
  /* TRANSLATORS: heading in reports before the questionnaire's statement
     of what its questions rest on and the guideline's status; the same
     words as in help. */
  return _("What the questions rest on");
}

const char *
report_rules_heading(void)
{
  /* TRANSLATORS: heading in reports before the questionnaire's answering
     rules; the same words as in help. */
  return _("How to answer: the questionnaire's rules");
}

const char *
report_bases_heading(void)
{
  return _("Where the levels come from (the verdict is measured against them)");
}

const char *
report_basis_label(enum qn_basis b)
{
  return b == QN_BASIS_EDITORIAL ? REPORT_MARK : "";
}

const char *
report_level_note_label(void)
{
  /* TRANSLATORS: label before the questionnaire's note on why a question
     has its level; the same words as in the question view. */
  return _("Why this level");
}

/* The sector's name in the report's language, or the raw id. */
const char *
report_sector_name(const report_ctx *r)
{
  return ans_profile_shown(r->qn, r->a, ANS_SECTOR, r->lang);
}

const char *
report_profile_value(const report_ctx *r, int f)
{
  return ans_profile_shown(r->qn, r->a, (enum ans_field) f, r->lang);
}

/* Why an unmet answer is unmet: its status, or the missing reason. */
const char *
report_unmet_reason(const ans_entry *e)
{
  if (ans_needs_reason(e->status) && !ans_has_reason(e))
    return _(ans_statuses[e->status].unmet);
  return ans_status_name(e->status);
}

void
report_json_phase_head(FILE *f, enum qn_phase p)
{
  fprintf(f, "    { \"id\": \"%s\", \"name\": ", qn_phase_key(p));
  emit_json(f, qn_phase_name(p));
}

void
report_json_section_head(FILE *f, const qn_section *s, enum lang l)
{
  fputs("    { \"id\": ", f);
  emit_json(f, s->id);
  fputs(", \"title\": ", f);
  emit_json(f, qn_tr(&s->title, l));
}

size_t
report_csf_rows(const coverage *c, enum lang l, report_csf_row *rows)
{
  size_t n = 0;
  for (int f = 0; f < CSF_FUNCTION_COUNT; f++)
    {
      /* Every question of a level is in its tallies, answered or not:
       * a total of 0 means no question names it. */
      if (!cov_total(c->csf_fn[f]))
        continue;
      rows[n++] = (report_csf_row){ "csf_function", csf_function_key((enum csf_function) f),
                                    csf_function_name((enum csf_function) f, l), c->csf_fn[f], false };
      for (int k = 0; k < CSF_CATEGORY_COUNT; k++)
        if (csf_category_function((enum csf_category) k) == (enum csf_function) f
            && cov_total(c->csf_cat[k]))
          rows[n++] = (report_csf_row){ "csf_category", csf_category_key((enum csf_category) k),
                                        csf_category_name((enum csf_category) k, l), c->csf_cat[k],
                                        true };
    }
  return n;
}

const char *
report_csf_heading(void)
{
  return _("Coverage by NIST CSF 2.0 function and category");
}

const char *
report_csf_note(void)
{
  return _("NIST's Cybersecurity Framework (CSF) 2.0 sorts security outcomes into six functions "
           "(Govern, Identify, Protect, Detect, Respond, Recover) and 22 categories. Which of them a "
           "question bears on is kijun's reading, not a government mapping. A question counts under "
           "every function and category it names, so the rows do not add up to the whole.");
}
