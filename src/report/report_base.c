/* report_base: what every report format shares.  See report_base.h. */
#include <config.h>
#include "report/report_base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

unsigned
report_unmet_unanswered(const assessment *a, const coverage *c)
{
  unsigned n = 0;
  for (size_t k = 0; k < c->nunmet; k++)
    n += a->e[c->unmet[k]].status == ANS_NONE;
  return n;
}

char *
report_unmet_heading(const assessment *a, const coverage *c)
{
  unsigned un = report_unmet_unanswered(a, c), notmet = (unsigned) c->nunmet - un;
  if (!un)
    return xasprintf(ngettext("Unmet baseline question (%u)", "Unmet baseline questions (%u)", notmet),
                     notmet);
  char *a1 = xasprintf(ngettext("%u not met", "%u not met", notmet), notmet);
  char *a2 = xasprintf(ngettext("%u not yet answered", "%u not yet answered", un), un);
  /* TRANSLATORS: the heading of the baseline questions not met yet:
     "Baseline questions not met or not answered: 19 not met, 73 not yet
     answered". */
  char *h = xasprintf(_("Baseline questions not met or not answered: %s, %s"), a1, a2);
  free(a1);
  free(a2);
  return h;
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

/* Days from 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long
days_from_civil(int y, int m, int d)
{
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool
report_time_parse(const char *s, time_t *out)
{
  int y, mo, d, h, mi, se, n = 0;
  if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) != 6)
    return false;
  const char *z = s + n;
  long off = 0;
  int oh, om;
  if (*z == '.')
    while (*++z >= '0' && *z <= '9')
      ;
  if (*z == 'Z' && !z[1])
    off = 0;
  else if ((*z == '+' || *z == '-') && strlen(z) == 6 && sscanf(z + 1, "%2d:%2d", &oh, &om) == 2)
    off = (*z == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
  else
    return false;
  *out = (time_t) (days_from_civil(y, mo, d) * 86400L + h * 3600L + mi * 60L + se - off);
  return true;
}

const char *
report_time_text(const char *s, enum lang l)
{
  static char bufs[3][96];
  static int next;
  time_t t;
  struct tm tm;
  if (!report_time_parse(s, &t) || !localtime_r(&t, &tm))
    return s;
  char *buf = bufs[next];
  next = (next + 1) % 3;
  char zone[32];
  /* The zone's name, never the locale's words: %Z is an abbreviation. */
  strftime(zone, sizeof zone, "%Z", &tm);
  if (l == LANG_JA)
    snprintf(buf, sizeof bufs[0], "%d年%d月%d日 %02d:%02d %s", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, zone);
  else
    {
      static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
      snprintf(buf, sizeof bufs[0], "%d %s %d %02d:%02d %s", tm.tm_mday, months[tm.tm_mon],
               tm.tm_year + 1900, tm.tm_hour, tm.tm_min, zone);
    }
  return buf;
}

const char *
report_profile_value(const report_ctx *r, int f)
{
  const char *v = ans_profile_shown(r->qn, r->a, (enum ans_field) f, r->lang);
  return f == ANS_STARTED ? report_time_text(v, r->lang) : v;
}

const char *
report_last_answer_text(const coverage *c, enum lang l)
{
  return c->last_update ? report_time_text(c->last_update, l) : _("none yet");
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
report_json_phase_head(jw *w, enum qn_phase p)
{
  jw_obj_flat(w, NULL);
  jw_str(w, "id", qn_phase_key(p));
  jw_str(w, "name", qn_phase_name(p));
}

void
report_json_section_head(jw *w, const qn_section *s, enum lang l)
{
  jw_obj_flat(w, NULL);
  jw_str(w, "id", s->id);
  jw_str(w, "title", qn_tr(&s->title, l));
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

/* The statuses of the reports' "not met, by kind": the brief ones that
 * can never count.  Returns how many. */
int
report_unmet_kinds(enum ans_status out[ANS_STATUS_COUNT])
{
  enum ans_status brief[ANS_STATUS_COUNT];
  int n = 0, nb = ans_brief_statuses(brief);
  for (int i = 0; i < nb; i++)
    if (!ans_statuses[brief[i]].met && !ans_statuses[brief[i]].excluded)
      out[n++] = brief[i];
  return n;
}
