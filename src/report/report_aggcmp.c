/* report_aggcmp: a sector year on year.  See report_aggcmp.h. */
#include <config.h>
#include "report/report_aggcmp.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "report/emit.h"

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
json_side(FILE *f, const char *key, const aggcmp_side *g)
{
  fprintf(f, "  \"%s\": { \"path\": ", key);
  emit_json(f, g->path);
  fprintf(f, ", \"files\": %u", g->files);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    fprintf(f, ", \"%s\": %u", agg_verdict_key((enum agg_verdict) v), g->verdict[v]);
  static const char *const k5[] = { "min", "q1", "median", "q3", "max" };
  fputs(", \"distribution\": {", f);
  for (int k = 0; k < 5; k++)
    {
      char b[COV_PERCENT_SIZE];
      const char *v = tenths(g->q[0][k], b);
      fprintf(f, "%s\"%s\": %s", k ? ", " : " ", k5[k], v ? v : "null");
    }
  fprintf(f, ", \"files\": %u, \"not_yet_decided_left_out\": %u } },\n", g->dist_files, g->left_out);
}

static void
json_org(FILE *f, const aggcmp_ctx *r, const pair *p, bool first)
{
  fputs(first ? "\n    { " : ",\n    { ", f);
  const aggcmp_org *g = p->n ? p->n : p->o;
  if (r->names)
    {
      fputs("\"organization\": ", f);
      emit_json(f, g->organization);
      fputs(", ", f);
    }
  fputs("\"file_before\": ", f);
  emit_json(f, p->o ? p->o->path : NULL);
  fputs(", \"file_after\": ", f);
  emit_json(f, p->n ? p->n->path : NULL);
  char b[3][COV_PERCENT_SIZE];
  const char *v0 = p->o ? tenths(p->o->tenths, b[0]) : NULL, *v1 = p->n ? tenths(p->n->tenths, b[1]) : NULL;
  const char *d = p->o && p->n ? change(p->o->tenths, p->n->tenths, b[2]) : NULL;
  fputs(", \"verdict_before\": ", f);
  emit_json(f, p->o ? agg_verdict_key(p->o->verdict) : NULL);
  fputs(", \"verdict_after\": ", f);
  emit_json(f, p->n ? agg_verdict_key(p->n->verdict) : NULL);
  fprintf(f, ", \"baseline_percent_before\": %s, \"baseline_percent_after\": %s, \"change\": %s }",
          v0 ? v0 : "null", v1 ? v1 : "null", d ? (d[0] == '+' ? d + 1 : d) : "null");
}

static void
json_report(FILE *f, const aggcmp_ctx *r)
{
  char now[32];
  ans_now(now);
  fputs("{\n  \"schema\": \"kijun-aggregate-compare/1\",\n", f);
  emit_json_kv(f, "  ", "generated", now, true);
  emit_json_kv(f, "  ", "language", lang_code(r->lang), true);
  emit_json_kv(f, "  ", "title", r->title && *r->title ? r->title : _("kijun: the sector year on year"), true);
  json_side(f, "before", r->old);
  json_side(f, "after", r->new);
  size_t nb, ni, no;
  pair *pairs = match(r, &nb, &ni, &no);
  const char *keys[] = { "organizations", "entered", "left" };
  size_t from[] = { 0, nb, nb + ni }, count[] = { nb, ni, no };
  for (int s = 0; s < 3; s++)
    {
      fprintf(f, "  \"%s\": [", keys[s]);
      for (size_t k = 0; k < count[s]; k++)
        json_org(f, r, &pairs[from[s] + k], k == 0);
      fputs(count[s] ? "\n  ]" : "]", f);
      fputs(s < 2 ? ",\n" : "\n}\n", f);
    }
  free(pairs);
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

bool
aggcmp_supports(enum report_fmt fmt)
{
  return fmt == REPORT_TEXT || fmt == REPORT_JSON;
}

int
aggcmp_write(FILE *f, enum report_fmt fmt, const aggcmp_ctx *r)
{
  enum lang ui = i18n_switch_messages(r->lang);
  if (fmt == REPORT_JSON)
    json_report(f, r);
  else
    text_report(f, r);
  i18n_switch_messages(ui);
  return ferror(f) ? EX_IOERR : 0;
}
