/* report_aggcmp: a sector year on year.  See report_aggcmp.h.
 *
 * Why one file of this size: one report kind in every format of the
 * aggregate, and the reading back of an aggregate's JSON it compares;
 * the tables are few and share their rows (see report/table.h for the
 * model the aggregate's own tables use). */
#include <config.h>
#include "report/report_aggcmp.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "report/emit.h"
#include "report/jsonw.h"
#include "report/report_html.h"
#include "report/report_xlsx.h"

/* One organisation then and now (either may be NULL: it entered or left). */
typedef struct pair
{
  const aggcmp_org *o, *n;
} pair;

typedef struct keyed
{
  char *key;
  const aggcmp_org *g;
} keyed;

/* What matches an organisation across the years: its name folded as
 * people tell names apart, or, without a name, its file's path below the
 * folder given (the same file a year later). */
static char *
org_key(const aggcmp_org *g, const char *root)
{
  if (g->organization)
    {
      char *f = txt_fold(g->organization);
      /* Blanks around dropped, runs of blanks as one. */
      size_t n = 0;
      bool blank = false;
      for (const char *p = f; *p; p++)
        {
          if (*p == ' ' || *p == '\t')
            {
              blank = n > 0;
              continue;
            }
          if (blank)
            f[n++] = ' ';
          blank = false;
          f[n++] = *p;
        }
      f[n] = '\0';
      if (n)
        {
          char *k = xasprintf("n:%s", f);
          free(f);
          return k;
        }
      free(f);
    }
  size_t rl = strlen(root);
  const char *rel = strncmp(g->path, root, rl) == 0 ? g->path + rl : g->path;
  while (*rel == '/')
    rel++;
  return xasprintf("p:%s", rel);
}

static int
by_key(const void *a, const void *b)
{
  return strcmp(((const keyed *) a)->key, ((const keyed *) b)->key);
}

static keyed *
keys_of(const aggcmp_side *s, const char *root)
{
  keyed *k = xcalloc(s->norgs ? s->norgs : 1, sizeof *k);
  for (size_t i = 0; i < s->norgs; i++)
    k[i] = (keyed){ org_key(&s->orgs[i], root), &s->orgs[i] };
  if (s->norgs)
    qsort(k, s->norgs, sizeof *k, by_key);
  return k;
}

/* Both years merged by key: both first (sorted by key), then the
 * entries, then those that left; *nboth, *nin, *nout say how many. */
static pair *
match(const aggcmp_ctx *r, size_t *nboth, size_t *nin, size_t *nout)
{
  keyed *a = keys_of(r->old, r->old->path), *b = keys_of(r->new, r->new->path);
  size_t na = r->old->norgs, nb = r->new->norgs, i = 0, j = 0;
  pair *both = xcalloc(na + nb + 1, sizeof *both), *in = xcalloc(nb + 1, sizeof *in),
       *out = xcalloc(na + 1, sizeof *out);
  size_t n0 = 0, n1 = 0, n2 = 0;
  while (i < na || j < nb)
    {
      int c = i >= na ? 1 : j >= nb ? -1 : strcmp(a[i].key, b[j].key);
      if (c == 0)
        {
          both[n0++] = (pair){ a[i].g, b[j].g };
          /* A name in several files of one year: each further one is
           * matched in turn, or enters or leaves. */
          i++, j++;
        }
      else if (c < 0)
        out[n2++] = (pair){ a[i++].g, NULL };
      else
        in[n1++] = (pair){ NULL, b[j++].g };
    }
  memcpy(both + n0, in, n1 * sizeof *in);
  memcpy(both + n0 + n1, out, n2 * sizeof *out);
  free(in);
  free(out);
  for (size_t k = 0; k < na; k++)
    free(a[k].key);
  for (size_t k = 0; k < nb; k++)
    free(b[k].key);
  free(a);
  free(b);
  *nboth = n0, *nin = n1, *nout = n2;
  return both;
}

static const char *
tenths(int v, char buf[COV_PERCENT_SIZE])
{
  if (v < 0)
    return NULL;
  snprintf(buf, COV_PERCENT_SIZE, "%d.%d", v / 10, v % 10);
  return buf;
}

/* "+12.5" from tenths; NULL when either is missing. */
static const char *
change(int before, int after, char buf[COV_PERCENT_SIZE])
{
  if (before < 0 || after < 0)
    return NULL;
  int d = after - before;
  snprintf(buf, COV_PERCENT_SIZE, "%s%d.%d", d > 0 ? "+" : d < 0 ? "-" : "", abs(d) / 10, abs(d) % 10);
  return buf;
}

static const char *
who(const aggcmp_ctx *r, const aggcmp_org *g)
{
  return r->names && g->organization ? g->organization : g->path;
}

/* ---- text ------------------------------------------------------------- */

static void
text_dist_row(FILE *f, const char *label, const int *o, const int *n)
{
  /* Q1, median, Q3 of each: o[1..3], n[1..3]. */
  int q[2][3];
  for (int k = 0; k < 3; k++)
    q[0][k] = o[1 + k], q[1][k] = n[1 + k];
  char b[COV_PERCENT_SIZE], cell[COV_PERCENT_SIZE + 1], c[COV_PERCENT_SIZE];
  fprintf(f, "  ");
  txt_pad(f, label, 14);
  for (int k = 0; k < 6; k++)
    {
      const char *v = tenths(q[k / 3][k % 3], b);
      snprintf(cell, sizeof cell, "%s%s", v ? v : "-", v ? "%" : "");
      fprintf(f, "%s%6s", k == 3 ? "   " : " ", cell);
    }
  const char *d = change(q[0][1], q[1][1], c);
  fprintf(f, "   %s\n", d ? d : "-");
}

static void
text_org(FILE *f, const aggcmp_ctx *r, const pair *p, int width)
{
  char b1[COV_PERCENT_SIZE], b2[COV_PERCENT_SIZE], b3[COV_PERCENT_SIZE];
  char *line;
  if (p->o && p->n)
    {
      const char *v0 = tenths(p->o->tenths, b1), *v1 = tenths(p->n->tenths, b2);
      const char *d = change(p->o->tenths, p->n->tenths, b3);
      line = xasprintf("%s: %s -> %s, %s%s -> %s%s (%s)", who(r, p->n), agg_verdict_name(p->o->verdict),
                       agg_verdict_name(p->n->verdict), v0 ? v0 : "-", v0 ? "%" : "", v1 ? v1 : "-",
                       v1 ? "%" : "", d ? d : "-");
    }
  else
    {
      const aggcmp_org *g = p->o ? p->o : p->n;
      const char *v = tenths(g->tenths, b1);
      line = xasprintf("%s: %s, %s%s", who(r, g), agg_verdict_name(g->verdict), v ? v : "-", v ? "%" : "");
    }
  char *clean = txt_sanitize(line, true);
  emit_hanging(f, "  ", clean, width);
  free(clean);
  free(line);
}

static void
text_report(FILE *f, const aggcmp_ctx *r)
{
  const int width = 80;
  const aggcmp_side *o = r->old, *n = r->new;
  char *title = txt_sanitize(r->title && *r->title ? r->title : _("kijun: the sector year on year"), true);
  emit_title(f, title);
  free(title);
  char *b = xasprintf(ngettext("%s (%u file)", "%s (%u files)", o->files), o->path, o->files);
  char *a = xasprintf(ngettext("%s (%u file)", "%s (%u files)", n->files), n->path, n->files);
  const char *labels[] = { _("Before"), _("After") };
  int lw = emit_max_width(labels, 2);
  emit_field(f, labels[0], lw, b, width);
  emit_field(f, labels[1], lw, a, width);
  free(b);
  free(a);

  fprintf(f, "\n%s\n", _("Organisations by verdict: before, after, change"));
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      fprintf(f, "  ");
      txt_pad(f, agg_verdict_name((enum agg_verdict) v), 26);
      int d = (int) n->verdict[v] - (int) o->verdict[v];
      fprintf(f, "  %6u  %6u  %s%d\n", o->verdict[v], n->verdict[v], d > 0 ? "+" : "", d);
    }

  fputc('\n', f);
  emit_wrapped(f, _("Baseline coverage of the organisations: Q1, median, Q3 before; the same after; "
                    "the median's change in points"), 0, width);
  text_dist_row(f, _("Overall"), o->q[0], n->q[0]);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    text_dist_row(f, qn_phase_name((enum qn_phase) p), o->q[1 + p], n->q[1 + p]);
  emit_wrapped(f, _("Assessments not yet decided are left out of the distributions, as in the aggregate."),
               2, width);

  size_t nb, ni, no;
  pair *pairs = match(r, &nb, &ni, &no);
  fprintf(f, "\n");
  fprintf(f, ngettext("Organisation in both (%zu): verdict and baseline coverage before -> after\n",
                      "Organisations in both (%zu): verdict and baseline coverage before -> after\n", nb), nb);
  if (!nb)
    fprintf(f, "  %s\n", _("none"));
  for (size_t k = 0; k < nb; k++)
    text_org(f, r, &pairs[k], width);
  fprintf(f, "\n");
  fprintf(f, ngettext("Entered (%zu)\n", "Entered (%zu)\n", ni), ni);
  if (!ni)
    fprintf(f, "  %s\n", _("none"));
  for (size_t k = 0; k < ni; k++)
    text_org(f, r, &pairs[nb + k], width);
  fprintf(f, "\n");
  fprintf(f, ngettext("Left (%zu)\n", "Left (%zu)\n", no), no);
  if (!no)
    fprintf(f, "  %s\n", _("none"));
  for (size_t k = 0; k < no; k++)
    text_org(f, r, &pairs[nb + ni + k], width);
  free(pairs);
  /* An aggregate JSON made without --names does not list them. */
  const aggcmp_side *sides[] = { o, n };
  for (int k = 0; k < 2; k++)
    if (sides[k]->files && !sides[k]->norgs)
      {
        char *m = xasprintf(_("%s does not list its organisations (made without --names), so no organisation "
                              "of it can be matched."), sides[k]->path);
        fputc('\n', f);
        emit_wrapped(f, m, 0, width);
        free(m);
      }
  fputc('\n', f);
  emit_wrapped(f, _("Organisations are matched by their names, whatever the case, full-width forms and "
                    "blanks; one without a name by its file's place in the folder."), 0, width);
}

/* ---- JSON ---------------------------------------------------------------- */

static void
json_side(jw *w, const char *key, const aggcmp_side *g)
{
  jw_obj_flat(w, key);
  jw_str(w, "path", g->path);
  jw_uint(w, "files", g->files);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    jw_uint(w, agg_verdict_key((enum agg_verdict) v), g->verdict[v]);
  static const char *const k5[] = { "min", "q1", "median", "q3", "max" };
  jw_obj_flat(w, "distribution");
  for (int k = 0; k < 5; k++)
    {
      char b[COV_PERCENT_SIZE];
      const char *v = tenths(g->q[0][k], b);
      jw_raw(w, k5[k], v ? v : "null");
    }
  jw_uint(w, "files", g->dist_files);
  jw_uint(w, "not_yet_decided_left_out", g->left_out);
  jw_end(w);
  jw_end(w);
}

static void
json_org(jw *w, const aggcmp_ctx *r, const pair *p)
{
  const aggcmp_org *g = p->n ? p->n : p->o;
  char b[3][COV_PERCENT_SIZE];
  const char *v0 = p->o ? tenths(p->o->tenths, b[0]) : NULL, *v1 = p->n ? tenths(p->n->tenths, b[1]) : NULL;
  const char *d = p->o && p->n ? change(p->o->tenths, p->n->tenths, b[2]) : NULL;
  jw_obj_flat(w, NULL);
  if (r->names)
    jw_str(w, "organization", g->organization);
  jw_str(w, "file_before", p->o ? p->o->path : NULL);
  jw_str(w, "file_after", p->n ? p->n->path : NULL);
  jw_str(w, "verdict_before", p->o ? agg_verdict_key(p->o->verdict) : NULL);
  jw_str(w, "verdict_after", p->n ? agg_verdict_key(p->n->verdict) : NULL);
  jw_raw(w, "baseline_percent_before", v0 ? v0 : "null");
  jw_raw(w, "baseline_percent_after", v1 ? v1 : "null");
  /* JSON numbers have no leading +. */
  jw_raw(w, "change", d ? (d[0] == '+' ? d + 1 : d) : "null");
  jw_end(w);
}

static void
json_report(FILE *f, const aggcmp_ctx *r)
{
  char now[32];
  ans_now(now);
  jw w;
  jw_begin(&w, f);
  jw_obj(&w, NULL);
  jw_str(&w, "schema", "kijun-aggregate-compare/1");
  jw_str(&w, "generated", now);
  jw_str(&w, "language", lang_code(r->lang));
  jw_str(&w, "title", r->title && *r->title ? r->title : _("kijun: the sector year on year"));
  json_side(&w, "before", r->old);
  json_side(&w, "after", r->new);
  size_t nb, ni, no;
  pair *pairs = match(r, &nb, &ni, &no);
  const char *keys[] = { "organizations", "entered", "left" };
  size_t from[] = { 0, nb, nb + ni }, count[] = { nb, ni, no };
  for (int s = 0; s < 3; s++)
    {
      jw_arr(&w, keys[s]);
      for (size_t k = 0; k < count[s]; k++)
        json_org(&w, r, &pairs[from[s] + k]);
      jw_end(&w);
    }
  jw_end(&w);
  jw_finish(&w);
  free(pairs);
}

/* ---- shared by the tables (Markdown, CSV, HTML, Excel) -------------------- */

static const char *
title_of(const aggcmp_ctx *r)
{
  return r->title && *r->title ? r->title : _("kijun: the sector year on year");
}

/* The distribution's rows: overall, then each phase (label, before, after). */
static const char *
dist_label(int row)
{
  return row == 0 ? _("Overall") : qn_phase_name((enum qn_phase) (row - 1));
}

static const char *
dist_key(int row)
{
  return row == 0 ? "overall" : qn_phase_key((enum qn_phase) (row - 1));
}

/* The three groups of organisations: in both years, entered, left. */
static const char *
group_name(int s, size_t n, char *buf, size_t size)
{
  if (s == 0)
    snprintf(buf, size, ngettext("Organisation in both (%zu)", "Organisations in both (%zu)", n), n);
  else if (s == 1)
    snprintf(buf, size, ngettext("Entered (%zu)", "Entered (%zu)", n), n);
  else
    snprintf(buf, size, ngettext("Left (%zu)", "Left (%zu)", n), n);
  return buf;
}

static const char *const group_key[3] = { "both", "entered", "left" };

/* Whose files list no organisations (an aggregate JSON made without
 * --names): the note for it, or NULL. */
static char *
unnamed_note(const aggcmp_side *g)
{
  if (!g->files || g->norgs)
    return NULL;
  return xasprintf(_("%s does not list its organisations (made without --names), so no organisation "
                     "of it can be matched."),
                   g->path);
}

static const char *
match_note(void)
{
  return _("Organisations are matched by their names, whatever the case, full-width forms and "
           "blanks; one without a name by its file's place in the folder.");
}

static const char *
left_out_note(void)
{
  return _("Assessments not yet decided are left out of the distributions, as in the aggregate.");
}

/* "62.5%" or "-". */
static const char *
pct_text(int v, char buf[COV_PERCENT_SIZE + 1])
{
  char b[COV_PERCENT_SIZE];
  const char *t = tenths(v, b);
  snprintf(buf, COV_PERCENT_SIZE + 1, "%s%s", t ? t : "-", t ? "%" : "");
  return buf;
}

/* ---- Markdown ------------------------------------------------------------ */

static void
md_org(FILE *f, const aggcmp_ctx *r, const pair *p)
{
  char b[3][COV_PERCENT_SIZE + 1], d[COV_PERCENT_SIZE];
  const aggcmp_org *g = p->n ? p->n : p->o;
  fputs("| ", f);
  char *clean = txt_sanitize(who(r, g), false);
  emit_md(f, clean);
  free(clean);
  fprintf(f, " | %s | %s | %s | %s | ", p->o ? agg_verdict_name(p->o->verdict) : "-",
          p->n ? agg_verdict_name(p->n->verdict) : "-", p->o ? pct_text(p->o->tenths, b[0]) : "-",
          p->n ? pct_text(p->n->tenths, b[1]) : "-");
  const char *c = p->o && p->n ? change(p->o->tenths, p->n->tenths, d) : NULL;
  fprintf(f, "%s |\n", c ? c : "-");
}

static void
md_report(FILE *f, const aggcmp_ctx *r)
{
  const aggcmp_side *o = r->old, *n = r->new;
  fputs("# ", f);
  emit_md(f, title_of(r));
  fprintf(f, "\n\n| | |\n|---|---|\n| %s | ", _("Before"));
  char *b = xasprintf(ngettext("%s (%u file)", "%s (%u files)", o->files), o->path, o->files);
  char *clean = txt_sanitize(b, false);
  emit_md(f, clean);
  free(clean), free(b);
  fprintf(f, " |\n| %s | ", _("After"));
  b = xasprintf(ngettext("%s (%u file)", "%s (%u files)", n->files), n->path, n->files);
  clean = txt_sanitize(b, false);
  emit_md(f, clean);
  free(clean), free(b);
  fprintf(f, " |\n\n## %s\n\n| %s | %s | %s | %s |\n|---|---:|---:|---:|\n", _("Organisations by verdict"),
          _("Verdict"), _("Before"), _("After"), _("Change"));
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      int d = (int) n->verdict[v] - (int) o->verdict[v];
      fprintf(f, "| %s | %u | %u | %s%d |\n", agg_verdict_name((enum agg_verdict) v), o->verdict[v],
              n->verdict[v], d > 0 ? "+" : "", d);
    }
  fprintf(f, "\n## %s\n\n| %s | %s | %s | %s | %s | %s | %s | %s |\n"
             "|---|---:|---:|---:|---:|---:|---:|---:|\n",
          _("Baseline coverage of the organisations"), _("Scope"), _("Q1 before"), _("Median before"),
          _("Q3 before"), _("Q1 after"), _("Median after"), _("Q3 after"), _("Median's change (points)"));
  for (int row = 0; row <= QN_PHASE_COUNT; row++)
    {
      char c[6][COV_PERCENT_SIZE + 1], d[COV_PERCENT_SIZE];
      fprintf(f, "| %s | %s | %s | %s | %s | %s | %s |", dist_label(row), pct_text(o->q[row][1], c[0]),
              pct_text(o->q[row][2], c[1]), pct_text(o->q[row][3], c[2]), pct_text(n->q[row][1], c[3]),
              pct_text(n->q[row][2], c[4]), pct_text(n->q[row][3], c[5]));
      const char *m = change(o->q[row][2], n->q[row][2], d);
      fprintf(f, " %s |\n", m ? m : "-");
    }
  fprintf(f, "\n%s\n", left_out_note());
  size_t nb, ni, no;
  pair *pairs = match(r, &nb, &ni, &no);
  size_t from[] = { 0, nb, nb + ni }, count[] = { nb, ni, no };
  for (int g = 0; g < 3; g++)
    {
      char head[128];
      fprintf(f, "\n## %s\n\n", group_name(g, count[g], head, sizeof head));
      if (!count[g])
        {
          fprintf(f, "%s\n", _("none"));
          continue;
        }
      fprintf(f, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---:|---:|---:|\n",
              r->names ? ans_field_name(ANS_ORGANIZATION) : _("Answers file"), _("Verdict before"),
              _("Verdict after"), _("Baseline coverage before"), _("Baseline coverage after"),
              _("Change (points)"));
      for (size_t k = 0; k < count[g]; k++)
        md_org(f, r, &pairs[from[g] + k]);
    }
  free(pairs);
  const aggcmp_side *sides[] = { o, n };
  for (int k = 0; k < 2; k++)
    {
      char *m = unnamed_note(sides[k]);
      if (m)
        {
          char *c = txt_sanitize(m, false);
          fputc('\n', f);
          emit_md(f, c);
          fputc('\n', f);
          free(c);
        }
      free(m);
    }
  fprintf(f, "\n%s\n", match_note());
}

/* ---- CSV ----------------------------------------------------------------- */

/* One table: the verdicts' counts, the distributions' quartiles, then
 * each organisation; the row column says which.  Keys, not words, as the
 * JSON's: a machine reads it. */
static void
csv_row(FILE *f, const char *row, const char *key, const char *org, const char *fb, const char *fa,
        const char *vb, const char *va, const char *before, const char *after, const char *chg)
{
  const char *cells[] = { row, key, org, fb, fa, vb, va, before, after, chg };
  for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
    {
      if (i)
        fputc(',', f);
      /* Names and paths are not checked as answers are: controls and
       * bidi overrides are written visibly, as in the aggregate's CSV. */
      char *clean = cells[i] && i >= 2 && i <= 4 ? txt_sanitize(cells[i], true) : NULL;
      /* The figures are kijun's own numbers, written as numbers (a
       * change of -1 is no formula to guard against). */
      if (i >= 7)
        fputs(cells[i] ? cells[i] : "", f);
      else
        emit_csv(f, clean ? clean : cells[i]);
      free(clean);
    }
  fputs("\r\n", f);
}

static void
csv_report(FILE *f, const aggcmp_ctx *r)
{
  const aggcmp_side *o = r->old, *n = r->new;
  fputs("row,key,organization,file_before,file_after,verdict_before,verdict_after,before,after,change\r\n", f);
  char b1[32], b2[32], b3[32];
  snprintf(b1, sizeof b1, "%u", o->files);
  snprintf(b2, sizeof b2, "%u", n->files);
  snprintf(b3, sizeof b3, "%d", (int) n->files - (int) o->files);
  csv_row(f, "files", "aggregated", NULL, o->path, n->path, NULL, NULL, b1, b2, b3);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      snprintf(b1, sizeof b1, "%u", o->verdict[v]);
      snprintf(b2, sizeof b2, "%u", n->verdict[v]);
      snprintf(b3, sizeof b3, "%d", (int) n->verdict[v] - (int) o->verdict[v]);
      csv_row(f, "verdict", agg_verdict_key((enum agg_verdict) v), NULL, NULL, NULL, NULL, NULL, b1, b2, b3);
    }
  static const char *const k5[] = { "min", "q1", "median", "q3", "max" };
  for (int row = 0; row <= QN_PHASE_COUNT; row++)
    for (int k = 0; k < 5; k++)
      {
        char key[64], t[3][COV_PERCENT_SIZE];
        snprintf(key, sizeof key, "%s:%s", dist_key(row), k5[k]);
        const char *x = tenths(o->q[row][k], t[0]), *y = tenths(n->q[row][k], t[1]);
        const char *c = change(o->q[row][k], n->q[row][k], t[2]);
        csv_row(f, "distribution", key, NULL, NULL, NULL, NULL, NULL, x, y, c && c[0] == '+' ? c + 1 : c);
      }
  size_t nb, ni, no;
  pair *pairs = match(r, &nb, &ni, &no);
  size_t from[] = { 0, nb, nb + ni }, count[] = { nb, ni, no };
  for (int g = 0; g < 3; g++)
    for (size_t k = 0; k < count[g]; k++)
      {
        const pair *p = &pairs[from[g] + k];
        const aggcmp_org *x = p->n ? p->n : p->o;
        char t[3][COV_PERCENT_SIZE];
        const char *v0 = p->o ? tenths(p->o->tenths, t[0]) : NULL, *v1 = p->n ? tenths(p->n->tenths, t[1]) : NULL;
        const char *c = p->o && p->n ? change(p->o->tenths, p->n->tenths, t[2]) : NULL;
        csv_row(f, "organization", group_key[g], r->names ? x->organization : NULL, p->o ? p->o->path : NULL,
                p->n ? p->n->path : NULL, p->o ? agg_verdict_key(p->o->verdict) : NULL,
                p->n ? agg_verdict_key(p->n->verdict) : NULL, v0, v1, c && c[0] == '+' ? c + 1 : c);
      }
  free(pairs);
}

/* ---- HTML ---------------------------------------------------------------- */

static void
html_num(FILE *f, const char *s)
{
  html_el(f, "td", "num", s ? s : "-");
}

static void
html_page(FILE *f, const aggcmp_ctx *r)
{
  const aggcmp_side *o = r->old, *n = r->new;
  char buf[128], now[32];
  ans_now(now);
  html_begin(f, r->lang, title_of(r));
  fputs("<section class=\"summary\">\n<header>\n<p class=\"kicker\">", f);
  html_put(f, _("kijun: the sector year on year"));
  fputs("</p>\n<h1>", f);
  html_put(f, title_of(r));
  fputs("</h1>\n<dl class=\"facts\">\n", f);
  const aggcmp_side *sides[] = { o, n };
  for (int k = 0; k < 2; k++)
    {
      char *v = xasprintf(ngettext("%s (%u file)", "%s (%u files)", sides[k]->files), sides[k]->path,
                          sides[k]->files);
      char *clean = txt_sanitize(v, true);
      html_fact(f, k ? _("After") : _("Before"), clean, "path");
      free(clean), free(v);
    }
  html_fact(f, _("Report made"), report_time_text(now, r->lang), NULL);
  fputs("</dl>\n<div class=\"kpis\">\n", f);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    if (v != AGG_RECONFIRM || o->verdict[v] || n->verdict[v])
      {
        snprintf(buf, sizeof buf, "%u (%u → %u)", n->verdict[v], o->verdict[v], n->verdict[v]);
        html_kpi(f, agg_verdict_name((enum agg_verdict) v), buf);
      }
  fputs("</div>\n</header>\n", f);

  html_el(f, "h2", NULL, _("Organisations by verdict"));
  fputs("<table class=\"items\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Verdict"));
  html_el(f, "th", "num", _("Before"));
  html_el(f, "th", "num", _("After"));
  html_el(f, "th", "num", _("Change"));
  fputs("</tr></thead>\n<tbody>\n", f);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      fputs("<tr>", f);
      html_el(f, "td", NULL, agg_verdict_name((enum agg_verdict) v));
      int d = (int) n->verdict[v] - (int) o->verdict[v];
      snprintf(buf, sizeof buf, "%u", o->verdict[v]);
      html_num(f, buf);
      snprintf(buf, sizeof buf, "%u", n->verdict[v]);
      html_num(f, buf);
      snprintf(buf, sizeof buf, "%s%d", d > 0 ? "+" : "", d);
      html_num(f, buf);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);

  html_el(f, "h2", NULL, _("Baseline coverage of the organisations"));
  html_el(f, "p", NULL, left_out_note());
  /* Two header rows (before and after over their quartiles): eight
   * long headers in one row would not fit 1200 px or A4. */
  fputs("<table class=\"items\">\n<thead><tr><th rowspan=\"2\">", f);
  html_put(f, _("Scope"));
  fputs("</th><th class=\"num\" colspan=\"3\">", f);
  html_put(f, _("Before"));
  fputs("</th><th class=\"num\" colspan=\"3\">", f);
  html_put(f, _("After"));
  fputs("</th><th rowspan=\"2\">", f);
  html_put(f, _("Median's change (points)"));
  fputs("</th></tr>\n<tr>", f);
  for (int k = 0; k < 6; k++)
    html_el(f, "th", "num", k % 3 == 0 ? _("Q1") : k % 3 == 1 ? _("Median") : _("Q3"));
  fputs("</tr></thead>\n<tbody>\n", f);
  for (int row = 0; row <= QN_PHASE_COUNT; row++)
    {
      char c[COV_PERCENT_SIZE + 1], d[COV_PERCENT_SIZE];
      fputs("<tr>", f);
      html_el(f, "td", NULL, dist_label(row));
      for (int k = 1; k <= 3; k++)
        html_num(f, pct_text(o->q[row][k], c));
      for (int k = 1; k <= 3; k++)
        html_num(f, pct_text(n->q[row][k], c));
      html_num(f, change(o->q[row][2], n->q[row][2], d));
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n</section>\n<section>\n", f);

  size_t nb, ni, no;
  pair *pairs = match(r, &nb, &ni, &no);
  size_t from[] = { 0, nb, nb + ni }, count[] = { nb, ni, no };
  for (int g = 0; g < 3; g++)
    {
      html_el(f, "h2", NULL, group_name(g, count[g], buf, sizeof buf));
      if (!count[g])
        {
          html_el(f, "p", "muted", _("none"));
          continue;
        }
      fputs("<table class=\"items\">\n<thead><tr><th rowspan=\"2\">", f);
      html_put(f, r->names ? ans_field_name(ANS_ORGANIZATION) : _("Answers file"));
      fputs("</th><th colspan=\"2\">", f);
      html_put(f, _("Verdict"));
      fputs("</th><th class=\"num\" colspan=\"2\">", f);
      html_put(f, _("Baseline coverage"));
      fputs("</th><th rowspan=\"2\">", f);
      html_put(f, _("Change (points)"));
      fputs("</th></tr>\n<tr>", f);
      html_el(f, "th", NULL, _("Before"));
      html_el(f, "th", NULL, _("After"));
      html_el(f, "th", "num", _("Before"));
      html_el(f, "th", "num", _("After"));
      fputs("</tr></thead>\n<tbody>\n", f);
      for (size_t k = 0; k < count[g]; k++)
        {
          const pair *p = &pairs[from[g] + k];
          char c[2][COV_PERCENT_SIZE + 1], d[COV_PERCENT_SIZE];
          char *name = txt_sanitize(who(r, p->n ? p->n : p->o), true);
          fputs("<tr>", f);
          html_el(f, "td", r->names ? NULL : "path", name);
          free(name);
          html_el(f, "td", NULL, p->o ? agg_verdict_name(p->o->verdict) : "-");
          html_el(f, "td", NULL, p->n ? agg_verdict_name(p->n->verdict) : "-");
          html_num(f, p->o ? pct_text(p->o->tenths, c[0]) : NULL);
          html_num(f, p->n ? pct_text(p->n->tenths, c[1]) : NULL);
          html_num(f, p->o && p->n ? change(p->o->tenths, p->n->tenths, d) : NULL);
          fputs("</tr>\n", f);
        }
      fputs("</tbody>\n</table>\n", f);
    }
  free(pairs);
  for (int k = 0; k < 2; k++)
    {
      char *m = unnamed_note(sides[k]);
      if (m)
        {
          char *c = txt_sanitize(m, true);
          html_el(f, "p", NULL, c);
          free(c);
        }
      free(m);
    }
  html_el(f, "p", "muted", match_note());
  fputs("</section>\n", f);
  html_end(f);
}

/* ---- Excel ---------------------------------------------------------------- */

static void
xlsx_tenths(xlsx_book *b, lxw_worksheet *ws, int row, int col, int v)
{
  if (v >= 0)
    worksheet_write_number(ws, (lxw_row_t) row, (lxw_col_t) col, v / 1000.0, b->pct);
}

/* A change in points as a number (12.5), blank when either is missing. */
static void
xlsx_points(xlsx_book *b, lxw_worksheet *ws, int row, int col, int before, int after)
{
  if (before >= 0 && after >= 0)
    worksheet_write_number(ws, (lxw_row_t) row, (lxw_col_t) col, (after - before) / 10.0, b->num);
}

static int
xlsx_compare(FILE *f, const aggcmp_ctx *r)
{
  const aggcmp_side *o = r->old, *n = r->new;
  xlsx_book b;
  int rc = xlsx_open(&b);
  if (rc)
    return rc;
  /* The cover: the two years and the verdicts. */
  lxw_worksheet *ws = xlsx_sheet(&b, _("Summary"));
  worksheet_set_column(ws, 0, 0, 34, NULL);
  worksheet_set_column(ws, 1, 3, 16, NULL);
  xlsx_text(&b, ws, 0, 0, title_of(r), b.title);
  char now[32];
  ans_now(now);
  int row = 2;
  xlsx_text(&b, ws, row, 0, _("Report made"), b.bold);
  xlsx_date(&b, ws, row++, 1, now);
  row++;
  xlsx_text(&b, ws, row, 1, _("Before"), b.head);
  xlsx_text(&b, ws, row, 2, _("After"), b.head);
  xlsx_text(&b, ws, row++, 3, _("Change"), b.head);
  xlsx_text(&b, ws, row, 0, _("Answers files"), b.bold);
  xlsx_text(&b, ws, row, 1, o->path, b.text);
  xlsx_text(&b, ws, row++, 2, n->path, b.text);
  xlsx_text(&b, ws, row, 0, _("Files aggregated"), b.bold);
  xlsx_number(&b, ws, row, 1, o->files);
  xlsx_number(&b, ws, row, 2, n->files);
  xlsx_number(&b, ws, row++, 3, (double) n->files - (double) o->files);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      xlsx_text(&b, ws, row, 0, agg_verdict_name((enum agg_verdict) v), b.bold);
      xlsx_number(&b, ws, row, 1, o->verdict[v]);
      xlsx_number(&b, ws, row, 2, n->verdict[v]);
      xlsx_number(&b, ws, row++, 3, (double) n->verdict[v] - (double) o->verdict[v]);
    }
  row++;
  const aggcmp_side *sides[] = { o, n };
  for (int k = 0; k < 2; k++)
    {
      char *m = unnamed_note(sides[k]);
      if (m)
        xlsx_text(&b, ws, row++, 0, m, NULL);
      free(m);
    }
  xlsx_text(&b, ws, row, 0, match_note(), NULL);

  /* The distributions. */
  ws = xlsx_sheet(&b, _("Baseline coverage of the organisations"));
  const char *dh[] = { _("Scope"), _("Q1 before"), _("Median before"), _("Q3 before"), _("Q1 after"),
                       _("Median after"), _("Q3 after"), _("Median's change (points)") };
  static const double dw[] = { 16, 11, 13, 11, 11, 13, 11, 16 };
  xlsx_header(&b, ws, dh, dw, 8, 1);
  for (int i = 0; i <= QN_PHASE_COUNT; i++)
    {
      int rr = i + 1;
      xlsx_text(&b, ws, rr, 0, dist_label(i), b.text);
      for (int k = 1; k <= 3; k++)
        {
          xlsx_tenths(&b, ws, rr, k, o->q[i][k]);
          xlsx_tenths(&b, ws, rr, 3 + k, n->q[i][k]);
        }
      xlsx_points(&b, ws, rr, 7, o->q[i][2], n->q[i][2]);
    }
  xlsx_filter(ws, QN_PHASE_COUNT + 1, 8);
  xlsx_text(&b, ws, QN_PHASE_COUNT + 3, 0, left_out_note(), NULL);

  /* Each organisation: in both years, entered, left. */
  ws = xlsx_sheet(&b, _("Organisations"));
  const char *oh[] = { _("Group"), r->names ? ans_field_name(ANS_ORGANIZATION) : _("Answers file"),
                       _("File before"), _("File after"), _("Verdict before"), _("Verdict after"),
                       _("Baseline coverage before"), _("Baseline coverage after"), _("Change (points)") };
  static const double ow[] = { 14, 28, 36, 36, 22, 22, 14, 14, 12 };
  xlsx_header(&b, ws, oh, ow, 9, 2);
  size_t nb, ni, no;
  pair *pairs = match(r, &nb, &ni, &no);
  size_t from[] = { 0, nb, nb + ni }, count[] = { nb, ni, no };
  const char *gname[] = { _("in both"), _("entered"), _("left") };
  row = 1;
  for (int g = 0; g < 3; g++)
    for (size_t k = 0; k < count[g]; k++, row++)
      {
        const pair *p = &pairs[from[g] + k];
        xlsx_text(&b, ws, row, 0, gname[g], b.text);
        xlsx_text(&b, ws, row, 1, who(r, p->n ? p->n : p->o), b.text);
        if (p->o)
          {
            xlsx_text(&b, ws, row, 2, p->o->path, b.text);
            xlsx_text(&b, ws, row, 4, agg_verdict_name(p->o->verdict), b.text);
            xlsx_tenths(&b, ws, row, 6, p->o->tenths);
          }
        if (p->n)
          {
            xlsx_text(&b, ws, row, 3, p->n->path, b.text);
            xlsx_text(&b, ws, row, 5, agg_verdict_name(p->n->verdict), b.text);
            xlsx_tenths(&b, ws, row, 7, p->n->tenths);
          }
        if (p->o && p->n)
          xlsx_points(&b, ws, row, 8, p->o->tenths, p->n->tenths);
      }
  free(pairs);
  xlsx_filter(ws, row - 1 > 0 ? row - 1 : 1, 9);
  return xlsx_close(&b, f);
}

/* ---- the two sides -------------------------------------------------------- */

static const unsigned five_num[5] = { 0, 1, 1, 3, 1 }, five_den[5] = { 1, 4, 2, 4, 1 };

void
aggcmp_from_survey(aggcmp_side *s, const survey *sv, const char *path)
{
  const aggregate *g = &sv->agg;
  *s = (aggcmp_side){ 0 };
  s->path = xstrdup(path);
  s->files = g->files;
  memcpy(s->verdict, g->verdict, sizeof s->verdict);
  for (int k = 0; k < 5; k++)
    {
      s->q[0][k] = agg_quantile(&g->overall, five_num[k], five_den[k]);
      for (int p = 0; p < QN_PHASE_COUNT; p++)
        s->q[1 + p][k] = agg_quantile(&g->phase[p], five_num[k], five_den[k]);
    }
  s->dist_files = g->overall.n;
  s->left_out = g->overall.unfinished;
  s->orgs = xcalloc(sv->norgs ? sv->norgs : 1, sizeof *s->orgs);
  for (size_t i = 0; i < sv->norgs; i++)
    {
      const survey_org *o = &sv->orgs[i];
      s->orgs[i] = (aggcmp_org){ xstrdup(o->path), o->organization ? xstrdup(o->organization) : NULL,
                                 o->verdict, o->tenths };
    }
  s->norgs = sv->norgs;
}

static unsigned
count_of(const jv *o, const char *key)
{
  const jv *v = jv_get(o, key);
  return v && v->t == JV_NUM && v->num >= 0 ? (unsigned) v->num : 0;
}

/* A percentage as the report writes it (one decimal), in tenths; -1 for
 * null. */
static int
tenths_of(const jv *v)
{
  if (!v || v->t != JV_NUM)
    return -1;
  double t = v->num * 10.0;
  return (int) (t + (t >= 0 ? 0.5 : -0.5));
}

static void
quartiles_of(const jv *dist, int q[5])
{
  static const char *const k5[] = { "min", "q1", "median", "q3", "max" };
  for (int k = 0; k < 5; k++)
    q[k] = tenths_of(jv_get(dist, k5[k]));
}

int
aggcmp_from_json(aggcmp_side *s, const jv *root, const char *path, diag_t *d)
{
  *s = (aggcmp_side){ 0 };
  const jv *schema = jv_get(root, "schema"), *files = jv_get(root, "files");
  if (!schema || schema->t != JV_STR || strcmp(schema->str, "kijun-aggregate/1") != 0 || !files)
    {
      diag_add(d, path, 0, "%s", _("not an aggregate report; expected the output of kijun --aggregate=json"));
      return EX_DATAERR;
    }
  if (!jv_get(files, "not_yet_decided"))
    {
      diag_add(d, path, 0, "%s", _("an aggregate report of an older kijun, without the not-yet-decided "
                                   "count; expected one made by this version (or give the folder)"));
      return EX_DATAERR;
    }
  s->path = xstrdup(path);
  s->files = count_of(files, "aggregated");
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    s->verdict[v] = count_of(files, agg_verdict_key((enum agg_verdict) v));
  const jv *overall = jv_get(jv_get(root, "overall"), "distribution");
  quartiles_of(overall, s->q[0]);
  s->dist_files = count_of(overall, "files");
  s->left_out = count_of(overall, "not_yet_decided_left_out");
  const jv *phases = jv_get(root, "phases");
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      const jv *ph = phases && phases->t == JV_ARR && (size_t) p < phases->n ? &phases->items[p] : NULL;
      quartiles_of(jv_get(ph, "distribution"), s->q[1 + p]);
    }
  /* The organisations: in a report made with --names only. */
  const jv *orgs = jv_get(root, "organizations");
  size_t n = orgs && orgs->t == JV_ARR ? orgs->n : 0;
  s->orgs = xcalloc(n ? n : 1, sizeof *s->orgs);
  for (size_t i = 0; i < n; i++)
    {
      const jv *o = &orgs->items[i], *file = jv_get(o, "file"), *org = jv_get(o, "organization"),
               *verdict = jv_get(o, "verdict");
      enum agg_verdict v = AGG_NOT_MET;
      for (int k = 0; k < AGG_VERDICT_COUNT; k++)
        if (verdict && verdict->t == JV_STR && strcmp(verdict->str, agg_verdict_key((enum agg_verdict) k)) == 0)
          v = (enum agg_verdict) k;
      s->orgs[s->norgs++] = (aggcmp_org){ xstrdup(file && file->t == JV_STR ? file->str : "?"),
                                          org && org->t == JV_STR ? xstrdup(org->str) : NULL, v,
                                          tenths_of(jv_get(o, "baseline_percent")) };
    }
  return 0;
}

void
aggcmp_side_free(aggcmp_side *s)
{
  for (size_t i = 0; i < s->norgs; i++)
    free(s->orgs[i].path), free(s->orgs[i].organization);
  free(s->orgs);
  free(s->path);
  *s = (aggcmp_side){ 0 };
}

int
aggcmp_write(FILE *f, enum report_fmt fmt, const aggcmp_ctx *r)
{
  enum lang ui = i18n_switch_messages(r->lang);
  int rc = 0;
  fmt = report_fmt_begin(f, fmt);
  switch (fmt)
    {
    case REPORT_XLSX: rc = xlsx_compare(f, r); break;
    case REPORT_CSV_EXCEL: break;
    case REPORT_TEXT: text_report(f, r); break;
    case REPORT_MARKDOWN: md_report(f, r); break;
    case REPORT_CSV: csv_report(f, r); break;
    case REPORT_JSON: json_report(f, r); break;
    case REPORT_HTML: html_page(f, r); break;
    }
  i18n_switch_messages(ui);
  return rc ? rc : ferror(f) ? EX_IOERR : 0;
}
