/* report: coverage reports in four formats, and the dispatch to the
 * fifth (report_html.c).  See report.h.
 *
 * Each format walks the same figures (coverage.h) in the same order:
 * header and profile, verdict, overall coverage, by phase, by section,
 * unmet baseline questions, the note on editorial levels.  Only the
 * rendering differs, so a figure is never computed twice. */
#include <config.h>
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "report_html.h"
#include "text.h"
#include "xalloc.h"

int
report_fmt_parse(const char *s)
{
  if (!s || strcmp(s, "text") == 0)
    return REPORT_TEXT;
  if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
    return REPORT_MARKDOWN;
  if (strcmp(s, "csv") == 0)
    return REPORT_CSV;
  if (strcmp(s, "json") == 0)
    return REPORT_JSON;
  if (strcmp(s, "html") == 0)
    return REPORT_HTML;
  return -1;
}

/* ---- shared wording ---------------------------------------------------- */

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
  return c->baseline_met ? _("Baseline met") : _("Baseline not met");
}

size_t
report_count_editorial(const questionnaire *q)
{
  size_t n = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    n += q->questions[i].basis == QN_BASIS_EDITORIAL;
  return n;
}

const char *
report_editorial_text(void)
{
  return _("(*) The level of this question is kijun's own reading of the guideline, not the "
           "government's. Levels without the mark come from the government survey or from the "
           "guideline's sources.");
}

/* The sector's name in the report's language, or the raw id. */
const char *
report_sector_name(const report_ctx *r)
{
  const char *id = r->a->profile[ANS_SECTOR];
  if (!id)
    return NULL;
  const qn_sector *s = qn_find_sector(r->qn, id);
  return s ? qn_tr(&s->name, r->lang) : id;
}

const char *
report_profile_value(const report_ctx *r, int f)
{
  return f == ANS_SECTOR ? report_sector_name(r) : r->a->profile[f];
}

/* Why an unmet answer is unmet: its status, or the missing reason. */
const char *
report_unmet_reason(const ans_entry *e)
{
  if (ans_needs_reason(e->status) && !ans_has_reason(e))
    return e->status == ANS_ALTERNATIVE ? _("alternative measure without a reason")
                                        : _("not applicable without a reason");
  return ans_status_name(e->status);
}

/* ---- text ------------------------------------------------------------ */

static void
text_field(FILE *f, const char *label, int lw, const char *value, int width)
{
  fputs("  ", f);
  txt_pad(f, label, lw);
  fputs("  ", f);
  char *v = txt_sanitize(value ? value : "-", true);
  char *cut = txt_ellipsize(v, width - lw - 4);
  fprintf(f, "%s\n", cut);
  free(cut);
  free(v);
}

/* Write s wrapped to width, each line indented by indent columns. */
static void
text_wrapped(FILE *f, const char *s, int indent, int width)
{
  char *clean = txt_sanitize(s, false);
  txt_line *lines;
  size_t n = txt_wrap(clean, width - indent > 20 ? width - indent : 20, &lines);
  for (size_t i = 0; i < n; i++)
    fprintf(f, "%*s%.*s\n", indent, "", (int) lines[i].len, clean + lines[i].off);
  free(lines);
  free(clean);
}

static void
text_bar(FILE *f, const cov_tally *t, int w)
{
  int filled = t->applicable ? (int) ((long) w * t->met / t->applicable) : 0;
  fputc('[', f);
  for (int i = 0; i < w; i++)
    fputc(i < filled ? '#' : (t->applicable ? '-' : ' '), f);
  fputc(']', f);
}

static int
max_width(const char *const *labels, size_t n)
{
  int w = 0;
  for (size_t i = 0; i < n; i++)
    if (labels[i] && txt_width(labels[i]) > w)
      w = txt_width(labels[i]);
  return w;
}

/* The answers that keep coverage down, by kind, for both levels. */
static void
text_counts(FILE *f, const coverage *c)
{
  static const int kinds[] = { ANS_NONE, ANS_UNKNOWN, ANS_PARTIAL, ANS_NOT_IMPLEMENTED, -1 };
  const char *labels[6];
  for (int i = 0; i < 4; i++)
    labels[i] = ans_status_name((enum ans_status) kinds[i]);
  labels[4] = _("Reason missing");
  labels[5] = _("Not met, by kind");
  int lw = max_width(labels, 6);
  const char *l0 = qn_level_name(QN_BASELINE), *l1 = qn_level_name(QN_RECOMMENDED);
  int w0 = txt_width(l0) > 8 ? txt_width(l0) : 8, w1 = txt_width(l1) > 8 ? txt_width(l1) : 8;
  txt_pad(f, labels[5], lw + 2);
  fputs("  ", f);
  txt_rpad(f, l0, w0);
  fputs("  ", f);
  txt_rpad(f, l1, w1);
  fputc('\n', f);
  for (int i = 0; i < 5; i++)
    {
      const cov_tally *b = &c->all[QN_BASELINE], *r = &c->all[QN_RECOMMENDED];
      unsigned vb = kinds[i] >= 0 ? b->status[kinds[i]] : b->no_reason;
      unsigned vr = kinds[i] >= 0 ? r->status[kinds[i]] : r->no_reason;
      fputs("  ", f);
      txt_pad(f, labels[i], lw);
      fprintf(f, "  %*u  %*u\n", w0, vb, w1, vr);
    }
}

static void
text_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  int width = r->width > 40 ? r->width : 80;
  char buf[64], buf2[64];

  const char *title = _("kijun: baseline coverage report");
  fprintf(f, "%s\n", title);
  for (int i = txt_width(title); i > 0; i--)
    fputc('=', f);
  fputc('\n', f);

  const char *labels[3 + ANS_FIELD_COUNT] = { _("Questionnaire"), _("Version"), _("Answers file") };
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    labels[3 + i] = ans_field_name((enum ans_field) i);
  int lw = max_width(labels, 3 + ANS_FIELD_COUNT);
  text_field(f, labels[0], lw, qn_tr(&q->title, r->lang), width);
  char *ver = xasprintf("%s %s", q->id, q->version);
  text_field(f, labels[1], lw, ver, width);
  free(ver);
  if (r->answers_path)
    text_field(f, labels[2], lw, r->answers_path, width);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    text_field(f, labels[3 + i], lw, report_profile_value(r, i), width);
  fputc('\n', f);

  const char *cl[] = { _("Verdict"), _("Baseline coverage"), _("Recommended coverage"), _("Answered") };
  int cw = max_width(cl, 4);
  txt_pad(f, cl[0], cw);
  fprintf(f, "  %s\n", report_verdict_text(c));
  cov_format(&c->all[QN_BASELINE], buf, sizeof buf);
  txt_pad(f, cl[1], cw);
  fprintf(f, "  %s\n", buf);
  cov_format(&c->all[QN_RECOMMENDED], buf, sizeof buf);
  txt_pad(f, cl[2], cw);
  fprintf(f, "  %s\n", buf);
  txt_pad(f, cl[3], cw);
  fprintf(f, "  %zu/%zu\n", ans_count_answered(r->a), q->nquestions);
  fputc('\n', f);
  text_counts(f, c);
  fputc('\n', f);
  text_wrapped(f, report_formula_text(), 0, width);
  fputc('\n', f);

  /* Bars are 20 columns; the label column takes what the phase names
   * need in the current language. */
  fputs(_("Baseline coverage by phase\n"), f);
  const char *pn[QN_PHASE_COUNT];
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    pn[p] = qn_phase_name((enum qn_phase) p);
  int pw = max_width(pn, QN_PHASE_COUNT);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      const cov_tally *t = &c->phase[p][QN_BASELINE];
      cov_format(t, buf, sizeof buf);
      cov_format(&c->phase[p][QN_RECOMMENDED], buf2, sizeof buf2);
      fputs("  ", f);
      txt_pad(f, pn[p], pw);
      fputs("  ", f);
      text_bar(f, t, 20);
      fputs("  ", f);
      txt_pad(f, buf, 18);
      /* TRANSLATORS: recommended coverage beside the baseline bar; keep
         it short. */
      fprintf(f, _("  recommended %s"), buf2);
      fputc('\n', f);
    }
  fputc('\n', f);

  fputs(_("Baseline coverage by section\n"), f);
  int idw = 0;
  for (size_t s = 0; s < q->nsections; s++)
    if ((int) strlen(q->sections[s].id) > idw)
      idw = (int) strlen(q->sections[s].id);
  int tw = width - 2 - idw - 2 - 2 - 12 - 2 - 18;
  if (tw < 10)
    tw = 10;
  for (size_t s = 0; s < q->nsections; s++)
    {
      const cov_tally *t = &c->section[s][QN_BASELINE];
      char *sid = txt_sanitize(q->sections[s].id, true);
      char *stitle = txt_sanitize(qn_tr(&q->sections[s].title, r->lang), true);
      fprintf(f, "  %-*s  ", idw, sid);
      char *cut = txt_ellipsize(stitle, tw);
      txt_pad(f, cut, tw);
      free(cut);
      fputs("  ", f);
      if (t->total)
        {
          cov_format(t, buf, sizeof buf);
          text_bar(f, t, 10);
          /* Right-align the percentage so the column reads down. */
          const char *paren = strchr(buf, '(');
          int numw = paren ? txt_nwidth(buf, (size_t) (paren - buf)) : 0;
          fprintf(f, "  %*s%s\n", numw < 7 ? 7 - numw : 0, "", buf);
        }
      else
        fprintf(f, "%s\n", _("no baseline questions"));
      free(sid);
      free(stitle);
    }
  fputc('\n', f);

  unsigned unmet = c->all[QN_BASELINE].applicable - c->all[QN_BASELINE].met;
  fprintf(f, ngettext("Unmet baseline question (%u)\n", "Unmet baseline questions (%u)\n", unmet),
          unmet);
  if (!unmet)
    fprintf(f, "  %s\n", _("none"));
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      if (x->level != QN_BASELINE || cov_result(&r->a->e[i]) != COV_NOT_MET)
        continue;
      char *id = txt_sanitize(x->id, true);
      fprintf(f, "  %s%s  [%s] %s\n", id, x->basis == QN_BASIS_EDITORIAL ? " (*)" : "",
              qn_phase_name(x->phase), report_unmet_reason(&r->a->e[i]));
      text_wrapped(f, qn_tr(&x->text, r->lang), 4, width);
      free(id);
    }
  size_t ed = report_count_editorial(q);
  if (ed)
    {
      fputc('\n', f);
      text_wrapped(f, report_editorial_text(), 0, width);
      fprintf(f, ngettext("%zu question of %zu has a level of kijun's reading.\n",
                          "%zu questions of %zu have a level of kijun's reading.\n", ed),
              ed, q->nquestions);
    }
}

/* ---- Markdown ---------------------------------------------------------- */

/* Inline Markdown: sanitized, with the characters that would start markup
 * or break a table escaped. */
static void
md_put(FILE *f, const char *s)
{
  char *clean = txt_sanitize(s ? s : "-", true);
  for (const char *p = clean; *p; p++)
    {
      if (strchr("\\`*_[]<>|#", *p))
        fputc('\\', f);
      fputc(*p, f);
    }
  free(clean);
}

static void
md_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  char buf[64], buf2[64];
  fprintf(f, "# %s\n\n", _("kijun: baseline coverage report"));
  fprintf(f, "| | |\n|---|---|\n| %s | ", _("Questionnaire"));
  md_put(f, qn_tr(&q->title, r->lang));
  fprintf(f, " |\n| %s | ", _("Version"));
  md_put(f, q->id);
  fputc(' ', f);
  md_put(f, q->version);
  fputs(" |\n", f);
  if (r->answers_path)
    {
      fprintf(f, "| %s | ", _("Answers file"));
      md_put(f, r->answers_path);
      fputs(" |\n", f);
    }
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    {
      fprintf(f, "| %s | ", ans_field_name((enum ans_field) i));
      md_put(f, report_profile_value(r, i));
      fputs(" |\n", f);
    }
  fprintf(f, "\n**%s:** %s\n\n", _("Verdict"), report_verdict_text(c));

  fprintf(f, "## %s\n\n", _("Coverage"));
  fprintf(f, "| %s | %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|---:|---:|\n",
          _("Level"), _("Coverage"), ans_status_name(ANS_NONE), ans_status_name(ANS_UNKNOWN),
          ans_status_name(ANS_PARTIAL), ans_status_name(ANS_NOT_IMPLEMENTED), _("Reason missing"));
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      const cov_tally *t = &c->all[l];
      cov_format(t, buf, sizeof buf);
      fprintf(f, "| %s | %s | %u | %u | %u | %u | %u |\n", qn_level_name((enum qn_level) l), buf,
              t->status[ANS_NONE], t->status[ANS_UNKNOWN], t->status[ANS_PARTIAL],
              t->status[ANS_NOT_IMPLEMENTED], t->no_reason);
    }
  fprintf(f, "\n%s\n\n", report_formula_text());

  fprintf(f, "## %s\n\n| %s | %s | %s |\n|---|---:|---:|\n", _("By phase"), _("Phase"),
          qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED));
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      cov_format(&c->phase[p][QN_BASELINE], buf, sizeof buf);
      cov_format(&c->phase[p][QN_RECOMMENDED], buf2, sizeof buf2);
      fprintf(f, "| %s | %s | %s |\n", qn_phase_name((enum qn_phase) p), buf, buf2);
    }

  fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n", _("By section"), _("Item"),
          _("Title"), qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED));
  for (size_t s = 0; s < q->nsections; s++)
    {
      fputs("| ", f);
      md_put(f, q->sections[s].id);
      fputs(" | ", f);
      md_put(f, qn_tr(&q->sections[s].title, r->lang));
      cov_format(&c->section[s][QN_BASELINE], buf, sizeof buf);
      cov_format(&c->section[s][QN_RECOMMENDED], buf2, sizeof buf2);
      fprintf(f, " | %s | %s |\n", c->section[s][QN_BASELINE].total ? buf : "-",
              c->section[s][QN_RECOMMENDED].total ? buf2 : "-");
    }

  fprintf(f, "\n## %s\n\n", _("Unmet baseline questions"));
  bool any = false;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      if (x->level != QN_BASELINE || cov_result(&r->a->e[i]) != COV_NOT_MET)
        continue;
      if (!any)
        fprintf(f, "| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Question"), _("Phase"),
                _("Answer"), _("Text"));
      any = true;
      fputs("| ", f);
      md_put(f, x->id);
      if (x->basis == QN_BASIS_EDITORIAL)
        fputs(" (\\*)", f);
      fprintf(f, " | %s | %s | ", qn_phase_name(x->phase), report_unmet_reason(&r->a->e[i]));
      md_put(f, qn_tr(&x->text, r->lang));
      fputs(" |\n", f);
    }
  if (!any)
    fprintf(f, "%s\n", _("none"));
  if (report_count_editorial(q))
    {
      fputs("\n> ", f);
      md_put(f, report_editorial_text());
      fputc('\n', f);
    }
}

/* ---- CSV --------------------------------------------------------------- */

/* A field that a spreadsheet would take for a formula (starting with
 * = + - @, or a tab or carriage return, as OWASP lists them) gets a
 * leading single quote inside quotes, so opening the report never runs
 * text from a file. */
static void
csv_field(FILE *f, const char *s)
{
  s = s ? s : "";
  bool formula = *s && strchr("=+-@\t\r", *s);
  if (!formula && !strpbrk(s, ",\"\r\n"))
    {
      fputs(s, f);
      return;
    }
  fputc('"', f);
  if (formula)
    fputc('\'', f);
  for (; *s; s++)
    {
      if (*s == '"')
        fputc('"', f);
      fputc(*s, f);
    }
  fputc('"', f);
}

static void
csv_row(FILE *f, const char *scope, const char *id, const char *title, int level, const cov_tally *t)
{
  csv_field(f, scope);
  fputc(',', f);
  csv_field(f, id);
  fputc(',', f);
  csv_field(f, title);
  fprintf(f, ",%s,%u,%u,", qn_level_key((enum qn_level) level), t->met, t->applicable);
  if (t->applicable)
    fprintf(f, "%.1f", cov_percent(t));
  fprintf(f, ",%u,%u,%u,%u,%u,%u,%u,%u,%u\r\n", t->total, t->status[ANS_IMPLEMENTED],
          t->status[ANS_PARTIAL], t->status[ANS_NOT_IMPLEMENTED], t->status[ANS_ALTERNATIVE],
          t->status[ANS_NOT_APPLICABLE], t->status[ANS_UNKNOWN], t->status[ANS_NONE], t->no_reason);
}

static void
csv_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  fputs("scope,id,title,level,met,applicable,percent,total,implemented,partial,not_implemented,"
        "alternative,not_applicable,unknown,unanswered,missing_reason\r\n", f);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    csv_row(f, "overall", q->id, qn_tr(&q->title, r->lang), l, &c->all[l]);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(f, "phase", qn_phase_key((enum qn_phase) p), qn_phase_name((enum qn_phase) p), l,
              &c->phase[p][l]);
  for (size_t s = 0; s < q->nsections; s++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(f, "section", q->sections[s].id, qn_tr(&q->sections[s].title, r->lang), l,
              &c->section[s][l]);
}

/* ---- JSON -------------------------------------------------------------- */

/* A JSON string that is valid whatever s holds: controls, C1 controls,
 * bidi overrides and isolates and the line separators as \uXXXX (valid
 * JSON, but they must not reach a terminal raw), and each byte that is
 * not UTF-8 as the text \xNN, as the screens show it (JSON cannot carry
 * raw bytes; a file name may have them). */
static void
json_str(FILE *f, const char *s)
{
  if (!s)
    {
      fputs("null", f);
      return;
    }
  fputc('"', f);
  size_t n = strlen(s);
  for (size_t i = 0; i < n;)
    {
      uint32_t cp;
      int len = txt_decode(s + i, n - i, &cp);
      if (cp == TXT_INVALID)
        fprintf(f, "\\\\x%02X", (unsigned char) s[i]);
      else if (cp == '"' || cp == '\\')
        fprintf(f, "\\%c", (int) cp);
      else if (cp == '\n')
        fputs("\\n", f);
      else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x2028 && cp <= 0x202E)
               || (cp >= 0x2066 && cp <= 0x2069))
        fprintf(f, "\\u%04x", (unsigned) cp);
      else
        fwrite(s + i, 1, (size_t) len, f);
      i += (size_t) len;
    }
  fputc('"', f);
}

static void
json_kv(FILE *f, const char *indent, const char *key, const char *value, bool comma)
{
  fprintf(f, "%s\"%s\": ", indent, key);
  json_str(f, value);
  fputs(comma ? ",\n" : "\n", f);
}

static void
json_tally(FILE *f, const cov_tally *t)
{
  fprintf(f, "{ \"met\": %u, \"applicable\": %u, \"percent\": ", t->met, t->applicable);
  if (t->applicable)
    fprintf(f, "%.1f", cov_percent(t));
  else
    fputs("null", f);
  fprintf(f, ", \"total\": %u, \"implemented\": %u, \"partial\": %u, \"not_implemented\": %u, "
             "\"alternative\": %u, \"not_applicable\": %u, \"unknown\": %u, \"unanswered\": %u, "
             "\"missing_reason\": %u }",
          t->total, t->status[ANS_IMPLEMENTED], t->status[ANS_PARTIAL],
          t->status[ANS_NOT_IMPLEMENTED], t->status[ANS_ALTERNATIVE], t->status[ANS_NOT_APPLICABLE],
          t->status[ANS_UNKNOWN], t->status[ANS_NONE], t->no_reason);
}

static void
json_levels(FILE *f, const cov_tally t[QN_LEVEL_COUNT])
{
  fputs("\"baseline\": ", f);
  json_tally(f, &t[QN_BASELINE]);
  fputs(", \"recommended\": ", f);
  json_tally(f, &t[QN_RECOMMENDED]);
}

static void
json_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  const assessment *a = r->a;
  char now[32];
  ans_now(now);
  fputs("{\n", f);
  json_kv(f, "  ", "schema", "kijun-report/1", true);
  json_kv(f, "  ", "generated", now, true);
  json_kv(f, "  ", "language", lang_code(r->lang), true);
  fputs("  \"questionnaire\": {\n", f);
  json_kv(f, "    ", "id", q->id, true);
  json_kv(f, "    ", "version", q->version, true);
  json_kv(f, "    ", "digest", qn_digest(q), true);
  json_kv(f, "    ", "title", qn_tr(&q->title, r->lang), false);
  fputs("  },\n", f);
  json_kv(f, "  ", "answers_file", r->answers_path, true);
  fputs("  \"profile\": {\n", f);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    json_kv(f, "    ", ans_field_key((enum ans_field) i), a->profile[i], true);
  json_kv(f, "    ", "sector_name", report_sector_name(r), false);
  fputs("  },\n", f);
  json_kv(f, "  ", "formula", report_formula_text(), true);
  json_kv(f, "  ", "verdict", c->baseline_met ? "baseline_met" : "baseline_not_met", true);
  json_kv(f, "  ", "verdict_label", report_verdict_text(c), true);
  fputs("  \"overall\": { ", f);
  json_levels(f, c->all);
  fputs(" },\n  \"phases\": [\n", f);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      fprintf(f, "    { \"id\": \"%s\", \"name\": ", qn_phase_key((enum qn_phase) p));
      json_str(f, qn_phase_name((enum qn_phase) p));
      fputs(", ", f);
      json_levels(f, c->phase[p]);
      fputs(p + 1 < QN_PHASE_COUNT ? " },\n" : " }\n", f);
    }
  fputs("  ],\n  \"sections\": [\n", f);
  for (size_t s = 0; s < q->nsections; s++)
    {
      fputs("    { \"id\": ", f);
      json_str(f, q->sections[s].id);
      fputs(", \"title\": ", f);
      json_str(f, qn_tr(&q->sections[s].title, r->lang));
      fputs(", ", f);
      json_levels(f, c->section[s]);
      fputs(s + 1 < q->nsections ? " },\n" : " }\n", f);
    }
  fputs("  ],\n  \"unmet_baseline\": [", f);
  bool first = true;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      if (x->level != QN_BASELINE || cov_result(&a->e[i]) != COV_NOT_MET)
        continue;
      fputs(first ? "\n    " : ",\n    ", f);
      first = false;
      json_str(f, x->id);
    }
  fputs(first ? "],\n" : "\n  ],\n", f);
  fputs("  \"answers\": [\n", f);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &a->e[i];
      fputs("    { \"question\": ", f);
      json_str(f, x->id);
      fputs(", \"section\": ", f);
      json_str(f, q->sections[x->section].id);
      fprintf(f, ", \"phase\": \"%s\", \"level\": \"%s\", \"level_basis\": ", qn_phase_key(x->phase),
              qn_level_key(x->level));
      json_str(f, x->basis ? qn_basis_key(x->basis) : NULL);
      fputs(", \"csf\": ", f);
      json_str(f, x->csf ? qn_csf_key(x->csf) : NULL);
      fprintf(f, ", \"status\": \"%s\", \"met\": %s, \"note\": ", ans_status_key(e->status),
              cov_result(e) == COV_MET ? "true" : cov_result(e) == COV_EXCLUDED ? "null" : "false");
      json_str(f, e->note);
      fputs(", \"evidence\": ", f);
      json_str(f, e->evidence);
      fputs(", \"updated\": ", f);
      json_str(f, e->updated);
      fputs(", \"text\": ", f);
      json_str(f, qn_tr(&x->text, r->lang));
      fputs(pos + 1 < q->nquestions ? " },\n" : " }\n", f);
    }
  fputs("  ]\n}\n", f);
}

int
report_write(FILE *f, enum report_fmt fmt, const report_ctx *r)
{
  coverage c;
  cov_compute(r->qn, r->a, &c);
  switch (fmt)
    {
    case REPORT_TEXT: text_report(f, r, &c); break;
    case REPORT_MARKDOWN: md_report(f, r, &c); break;
    case REPORT_CSV: csv_report(f, r, &c); break;
    case REPORT_JSON: json_report(f, r, &c); break;
    case REPORT_HTML: html_report(f, r, &c); break;
    }
  cov_free(&c);
  return ferror(f) ? -1 : 0;
}
