/* cli_run: the runner of each of the command line's modes but the
 * interactive session (which main.c runs, as only it may call the front
 * ends).  main() has checked the files and options against the mode's row
 * of its table; a runner checks what is its own (the format named, a
 * file that must not exist), calls the layer below and turns its result
 * into messages and an exit status. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "front/cli.h"
#include "front/cli_run.h"
#include "io/afile.h"
#include "io/jsonread.h"
#include "io/mapping.h"
#include "io/paths.h"
#include "io/qcsv.h"
#include "io/qfind.h"
#include "io/qload.h"
#include "io/session.h"
#include "ops/check.h"
#include "ops/cycle.h"
#include "ops/draft.h"
#include "ops/merge.h"
#include "ops/migrate.h"
#include "ops/survey.h"
#include "report/oscal.h"
#include "report/qn_xlsx.h"
#include "report/report.h"
#include "report/report_agg.h"
#include "report/report_aggcmp.h"
#include "report/report_compare.h"
#include "report/report_plan.h"

static int
run_check(const char *file, char *const *qfiles, size_t nqfiles)
{
  diag_t d = { 0 };
  int rc = check_file(file, qfiles, nqfiles, &d);
  diag_print(&d, stderr);
  diag_clear(&d);
  return rc == EX_USAGE ? cli_bad_usage(NULL) : rc;
}

static int
run_export_qn(const char *fmt, const char *qpath, char *const *files, size_t nfiles)
{
  bool xlsx = strcmp(fmt, "xlsx") == 0;
  if (strcmp(fmt, "csv") != 0 && !xlsx)
    return cli_bad_usage(xasprintf(_("unknown format '%s' for %s; expected %s"), fmt, "--export-questionnaire", "csv, xlsx"));
  if (xlsx && isatty(STDOUT_FILENO))
    {
      fprintf(stderr, _("%s: the %s output is not shown in a terminal; redirect it to a file, for example:\n"),
              PACKAGE, fmt);
      fprintf(stderr, "  %s --export-questionnaire=xlsx%s%s > questionnaire.xlsx\n", path_invocation(),
              nfiles ? " " : "", nfiles ? files[0] : "");
      return EX_USAGE;
    }
  diag_t d = { 0 };
  questionnaire *q = NULL;
  int rc = qfind_load(nfiles ? files[0] : qpath, NULL, NULL, NULL, &d, &q);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc)
    return rc;
  rc = xlsx ? qn_xlsx_write(stdout, q) : qcsv_export(stdout, q);
  qn_free(q);
  return cli_finish_stdout(rc);
}

static int
run_draft(const char *oldp, const char *newp)
{
  diag_t d = { 0 };
  questionnaire *o = NULL, *n = NULL;
  int rc = qload_file(oldp, &d, &o);
  if (rc == 0)
    rc = qload_file(newp, &d, &n);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc == 0)
    {
      size_t ne, nu;
      rc = draft_mapping(stdout, o, n, &ne, &nu);
      fprintf(stderr, ngettext("%s: drafted %zu entry (every one a proposal to confirm); ",
                               "%s: drafted %zu entries (every one a proposal to confirm); ", ne),
              PACKAGE, ne);
      fprintf(stderr, ngettext("%zu question of %s has no proposal\n", "%zu questions of %s have no proposal\n", nu),
              nu, n->id);
    }
  qn_free(o);
  qn_free(n);
  return rc ? rc : cli_finish_stdout(0);
}

static int
run_import_qn(const char *sheet, const char *out)
{
  diag_t d = { 0 };
  int rc = qcsv_import(sheet, out, &d);
  diag_print(&d, stderr);
  diag_clear(&d);
  return rc;
}

static int
run_migrate(const char *map, char *const *files, size_t nfiles)
{
  diag_t d = { 0 }, warn = { 0 };
  mig_counts n;
  int rc = mig_run(map, files[0], files[1], files + 2, nfiles - 2, stdout, &d, &warn, &n);
  diag_print(&warn, stderr);
  diag_print(&d, stderr);
  diag_clear(&warn);
  diag_clear(&d);
  return cli_finish_stdout(rc == EX_USAGE ? cli_bad_usage(NULL) : rc);
}

/* The previous cycle of s, from prev (--previous) or its record; a record
 * whose file is gone is only a warning (its figures still serve). */
static int
open_previous(const session *s, const char *prev, diag_t *d, assessment **out)
{
  int rc = cycle_open_previous(s, prev, d, out);
  return prev ? rc : 0;
}

typedef struct report_job
{
  enum report_fmt fmt;
  bool plan;
  const report_ctx *r;
} report_job;

static int
render_report(FILE *f, void *ctx)
{
  const report_job *j = ctx;
  return j->plan ? report_plan_write(f, j->fmt, j->r) : report_write(f, j->fmt, j->r);
}

static int
run_report(const char *path, const char *qpath, const char *prev, enum report_fmt fmt, bool plan,
           const char *out)
{
  diag_t d = { 0 };
  session s;
  assessment *pa = NULL;
  int rc = session_open(&s, path, qpath, false, &d);
  if (rc == 0 && !plan)
    rc = open_previous(&s, prev, &d, &pa);
  diag_print(&d, stderr);
  diag_clear(&d);
  /* Answers kept but not placed: the report shows them, and says why. */
  diag_print(&s.warn, stderr);
  if (rc == 0)
    {
      coverage then;
      bool has_then = !plan && cycle_then(s.qn, s.a, pa, &then);
      report_ctx r = { s.qn, s.a, s.path, i18n_lang(), 0, has_then ? &then : NULL, NULL, NULL };
      cycle_then_names(s.a, pa, prev, &r.then_path, &r.then_started);
      report_job j = { fmt, plan, &r };
      rc = cli_emit_report(out, render_report, &j);
      if (has_then)
        cov_free(&then);
    }
  ans_free(pa);
  session_close(&s);
  return cli_finish_stdout(rc);
}

/* --report=oscal: the answers file as OSCAL assessment results. */
static int
render_oscal(FILE *f, void *ctx)
{
  const session *s = ctx;
  return oscal_results_write(f, s->qn, s->a);
}

static int
run_oscal_results(const char *path, const char *qpath, const char *out)
{
  diag_t d = { 0 };
  session s;
  int rc = session_open(&s, path, qpath, false, &d);
  diag_print(&d, stderr);
  diag_clear(&d);
  diag_print(&s.warn, stderr);
  if (rc == 0)
    rc = cli_emit_report(out, render_oscal, &s);
  session_close(&s);
  return cli_finish_stdout(rc);
}

/* --export=oscal-mapping MAPPING [QUESTIONNAIRE-FILE]...: a mapping (of
 * either form) as an OSCAL mapping collection, its questionnaires found
 * as --check finds them. */
static int
run_export_mapping(const char *path, char *const *qfiles, size_t nqfiles)
{
  diag_t d = { 0 };
  mapping *m = NULL;
  questionnaire *from = NULL, *to = NULL;
  int rc = map_read(path, &d, &m);
  if (rc == 0)
    rc = check_sides(m, qfiles, nqfiles, &d, &from, &to);
  if (rc == 0)
    rc = map_bind(m, from, to, &d);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc == 0)
    rc = oscal_mapping_write(stdout, m, from, to);
  qn_free(from);
  qn_free(to);
  map_free(m);
  return cli_finish_stdout(rc == EX_USAGE ? cli_bad_usage(NULL) : rc);
}

/* --export=FORMAT: the questionnaire as an OSCAL catalog or profile. */
static int
run_export(enum oscal_export what, const char *qpath)
{
  diag_t d = { 0 };
  questionnaire *q = NULL;
  int rc = qfind_load(qpath, NULL, NULL, NULL, &d, &q);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc == 0)
    rc = what == OSCAL_CATALOG ? oscal_catalog_write(stdout, q)
                               : oscal_profile_write(stdout, q, what != OSCAL_PROFILE_FULL);
  qn_free(q);
  return cli_finish_stdout(rc);
}

typedef struct compare_job
{
  enum report_fmt fmt;
  const report_compare_ctx *r;
  bool regressed;
} compare_job;

static int
render_compare(FILE *f, void *ctx)
{
  compare_job *j = ctx;
  return report_compare_write(f, j->fmt, j->r, &j->regressed);
}

static int
run_compare(const char *oldpath, const char *newpath, const char *qpath, enum report_fmt fmt,
            const char *out)
{
  diag_t d = { 0 };
  session s;
  assessment *old = NULL;
  int rc = session_open(&s, newpath, qpath, false, &d);
  if (rc == 0)
    rc = cycle_open_previous(&s, oldpath, &d, &old);
  diag_print(&d, stderr);
  diag_clear(&d);
  /* Answers kept but not placed: the report shows them, and says why. */
  diag_print(&s.warn, stderr);
  bool regressed = false;
  if (rc == 0)
    {
      report_compare_ctx r = { s.qn, old, s.a, oldpath, newpath, i18n_lang(), 0 };
      compare_job j = { fmt, &r, false };
      rc = cli_emit_report(out, render_compare, &j);
      regressed = j.regressed;
    }
  ans_free(old);
  session_close(&s);
  rc = cli_finish_stdout(rc);
  return rc == 0 && regressed ? 1 : rc;
}

static int
run_next_cycle(const char *oldpath, const char *newpath, const char *qpath)
{
  diag_t d = { 0 };
  cycle_counts n;
  int rc = cycle_start(oldpath, newpath, qpath, &d, &n);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc == 0)
    {
      char *o = txt_sanitize(oldpath, true), *w = txt_sanitize(newpath, true);
      printf(_("Started the next cycle in %s, after %s.\n"), w, o);
      printf(ngettext("%zu answer carried, to reconfirm; ", "%zu answers carried, to reconfirm; ",
                      n.answers), n.answers);
      printf(ngettext("%zu plan item carried.\n", "%zu plan items carried.\n", n.plans), n.plans);
      free(o);
      free(w);
    }
  return cli_finish_stdout(rc);
}

static int
run_merge(const char *out, char *const *in, size_t n, const char *qpath, const char *profile_from,
          bool dry)
{
  /* OUT is new: never a file that exists (an input among them). */
  struct stat ost, ist;
  if (lstat(out, &ost) == 0)
    {
      bool input = false;
      for (size_t k = 0; k < n && !input; k++)
        input = stat(in[k], &ist) == 0 && stat(out, &ost) == 0 && ist.st_dev == ost.st_dev
                && ist.st_ino == ost.st_ino;
      char *o = txt_sanitize(out, true);
      fprintf(stderr, "%s: %s: %s\n", PACKAGE, o,
              input ? _("is one of the inputs; expected the name of a new answers file to write")
                    : _("exists; kijun --merge never writes over a file; expected the name of a new answers file"));
      free(o);
      return EX_CANTCREAT;
    }
  diag_t d = { 0 };
  merge m;
  int rc = merge_open(&m, in, n, qpath, &d);
  if (rc == 0)
    rc = merge_combine(&m, profile_from, &d);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc == EX_USAGE)
    rc = cli_bad_usage(NULL);
  else if (rc == 0 && dry)
    merge_summary(stdout, &m, out, true);
  else if (rc == 0)
    {
      rc = merge_write(&m, out, &d);
      /* A file made at that name since the check: still never replaced. */
      if (rc == EX_TEMPFAIL)
        {
          char *o = txt_sanitize(out, true);
          fprintf(stderr, "%s: %s: %s\n", PACKAGE, o,
                  _("exists; kijun --merge never writes over a file; expected the name of a new answers file"));
          free(o);
          rc = EX_CANTCREAT;
        }
      diag_print(&d, stderr);
      diag_clear(&d);
      if (rc == 0)
        merge_summary(stdout, &m, out, false);
    }
  merge_free(&m);
  return cli_finish_stdout(rc);
}

typedef struct agg_job
{
  enum report_fmt fmt;
  const aggrep_ctx *r;
} agg_job;

static int
render_aggregate(FILE *f, void *ctx)
{
  const agg_job *j = ctx;
  return aggrep_write(f, j->fmt, j->r);
}

static int
run_aggregate(char *const *paths, size_t n, const char *qpath, enum report_fmt fmt,
              const survey_opts *o, const char *title, const char *out)
{
  diag_t d = { 0 };
  questionnaire *q;
  int rc = qfind_load(qpath, NULL, NULL, NULL, &d, &q);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc)
    return rc;
  survey s;
  survey_run(&s, q, paths, n, o);
  for (size_t i = 0; i < s.nleft_out; i++)
    fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("left out"), s.left_out[i].message);
  for (size_t i = 0; i < s.nskipped; i++)
    {
      char *p = txt_sanitize(s.skipped[i].path, true);
      fprintf(stderr, "%s: %s: %s: %s\n", PACKAGE, _("skipped"), p, s.skipped[i].message);
      free(p);
    }
  /* Duplicates: each file with what tells it apart, so that the auditor
   * can tell which to drop. */
  for (size_t i = 0; i < s.ndups; i++)
    {
      fprintf(stderr, ngettext("%s: %zu file names the same organisation; each is counted:\n",
                               "%s: %zu files name the same organisation; each is counted:\n",
                               s.dups[i].n), PACKAGE, s.dups[i].n);
      for (size_t k = 0; k < s.dups[i].n; k++)
        {
          char *line = survey_dup_line(&s.dups[i], k, true);
          char *shown = txt_sanitize(line, true);
          fprintf(stderr, "  %s\n", shown);
          free(shown);
          free(line);
        }
    }
  if (!s.agg.files)
    {
      if (!s.found)
        fprintf(stderr, _("%s: no answers file found (looked for %s)\n"), PACKAGE,
                o->pattern ? o->pattern : SURVEY_PATTERN);
      else
        fprintf(stderr, _("%s: no answers file could be aggregated\n"), PACKAGE);
      rc = s.found ? EX_DATAERR : EX_NOINPUT;
    }
  else
    {
      aggrep_ctx r = { &s, i18n_lang(), 0, o->names, title };
      agg_job j = { fmt, &r };
      rc = cli_emit_report(out, render_aggregate, &j);
      if (rc == 0 && s.nleft_out)
        rc = 1;
    }
  survey_free(&s);
  qn_free(q);
  return cli_finish_stdout(rc);
}

static bool
is_folder(const char *p)
{
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether p begins as kijun's aggregate JSON does (its schema first). */
static bool
is_aggregate_json(const char *p)
{
  FILE *f = fopen(p, "r");
  if (!f)
    return false;
  char buf[128] = "";
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  return strstr(buf, "\"kijun-aggregate/1\"") != NULL;
}


/* --compare of two folders: the sector year on year. */
typedef struct aggcmp_job
{
  enum report_fmt fmt;
  const aggcmp_ctx *r;
} aggcmp_job;

static int
render_aggcmp(FILE *f, void *ctx)
{
  const aggcmp_job *j = ctx;
  return aggcmp_write(f, j->fmt, j->r);
}

static int
run_aggcmp(const char *oldp, const char *newp, const char *qpath, enum report_fmt fmt,
           const survey_opts *o, const char *title, const char *out)
{
  diag_t d = { 0 };
  questionnaire *q;
  int rc = qfind_load(qpath, NULL, NULL, NULL, &d, &q);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc)
    return rc;
  /* Each side a folder, aggregated now, or an --aggregate=json report.
   * Names are kept to match organisations; printed only with --names. */
  survey_opts so = *o;
  so.names = true;
  aggcmp_side side[2];
  const char *paths[2] = { oldp, newp };
  int got = 0;
  for (int k = 0; k < 2 && rc == 0; k++)
    {
      if (is_folder(paths[k]))
        {
          survey s;
          survey_run(&s, q, (char *const *) &paths[k], 1, &so);
          for (size_t i = 0; i < s.nleft_out; i++)
            fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("left out"), s.left_out[i].message);
          aggcmp_from_survey(&side[k], &s, paths[k]);
          survey_free(&s);
        }
      else
        {
          jv root;
          rc = json_read_file(paths[k], &root, &d);
          if (rc == 0)
            {
              rc = aggcmp_from_json(&side[k], &root, paths[k], &d);
              jv_free(&root);
            }
          diag_print(&d, stderr);
          diag_clear(&d);
          if (rc)
            break;
        }
      got++;
    }
  if (rc == 0)
    {
      aggcmp_ctx r = { &side[0], &side[1], i18n_lang(), o->names, title };
      aggcmp_job j = { fmt, &r };
      rc = cli_emit_report(out, render_aggcmp, &j);
    }
  for (int k = 0; k < got; k++)
    aggcmp_side_free(&side[k]);
  qn_free(q);
  return cli_finish_stdout(rc);
}

int
cli_run_check(const cli *c)
{
  return run_check(c->arg, c->files, c->nfiles);
}

int
cli_run_migrate(const cli *c)
{
  return run_migrate(c->arg, c->files, c->nfiles);
}

int
cli_run_export_qn(const cli *c)
{
  return run_export_qn(c->arg, c->qpath, c->files, c->nfiles);
}

int
cli_run_import_qn(const cli *c)
{
  return run_import_qn(c->arg, c->files[0]);
}

int
cli_run_draft(const cli *c)
{
  return run_draft(c->files[0], c->files[1]);
}

int
cli_run_export_map(const cli *c)
{
  if (strcmp(c->arg, "csv") != 0)
    return cli_bad_usage(xasprintf(_("unknown format '%s' for %s; expected %s"), c->arg, "--export-mapping", "csv"));
  diag_t d = { 0 };
  mapping *m = NULL;
  int rc = map_read(c->files[0], &d, &m);
  questionnaire *from = NULL, *to = NULL;
  /* An OSCAL mapping names objectives: its questionnaires (the files
   * that follow, else the installed ones) turn them into question ids. */
  if (rc == 0 && (m->oscal || c->nfiles > 1))
    {
      rc = check_sides(m, c->files + 1, c->nfiles - 1, &d, &from, &to);
      if (rc == 0)
        rc = map_bind(m, from, to, &d);
    }
  if (rc == 0)
    rc = qcsv_export_mapping(stdout, m);
  qn_free(from);
  qn_free(to);
  map_free(m);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc == EX_USAGE)
    return cli_bad_usage(NULL);
  return rc ? rc : cli_finish_stdout(0);
}

int
cli_run_import_map(const cli *c)
{
  diag_t d = { 0 };
  int rc = qcsv_import_mapping(c->arg, c->files[0], &d);
  diag_print(&d, stderr);
  diag_clear(&d);
  return rc ? rc : cli_finish_stdout(0);
}

int
cli_run_export(const cli *c)
{
  int what = oscal_export_parse(c->arg);
  if (what < 0)
    return cli_bad_usage(xasprintf(_("unknown export format '%s'; expected one of: %s"), c->arg,
                               oscal_export_list()));
  return run_export((enum oscal_export) what, c->nfiles == 1 ? c->files[0] : c->qpath);
}

int
cli_run_export_oscal_map(const cli *c)
{
  return run_export_mapping(c->files[0], c->files + 1, c->nfiles - 1);
}

int
cli_run_merge(const cli *c)
{
  return run_merge(c->arg, c->files, c->nfiles, c->qpath, c->profile_from, c->dry_run);
}

int
cli_run_aggregate(const cli *c)
{
  int fmt = report_fmt_parse(c->arg);
  if (fmt < 0)
    return cli_bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), c->arg));
  if (c->so.pattern && !*c->so.pattern)
    return cli_bad_usage(xasprintf("%s", _("an empty pattern was given; expected a pattern such as *.cfg")));
  if (cli_refuse_output(c, (enum report_fmt) fmt, "--aggregate", c->arg, c->nfiles))
    return 2;
  return run_aggregate(c->files, c->nfiles, c->qpath, (enum report_fmt) fmt, &c->so, c->title, c->out);
}

int
cli_run_next_cycle(const cli *c)
{
  return run_next_cycle(c->files[0], c->files[1], c->qpath);
}

int
cli_run_compare(const cli *c)
{
  int fmt = report_fmt_parse(c->arg);
  if (fmt < 0)
    return cli_bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), c->arg));
  if (fmt == REPORT_XLSX)
    return cli_bad_usage(xasprintf(_("%s does not write %s; expected text, markdown, csv, excel-csv, json or html"),
                               "--compare", "xlsx"));
  if (cli_refuse_output(c, (enum report_fmt) fmt, "--compare", c->arg, 2))
    return 2;
  return run_compare(c->files[0], c->files[1], c->qpath, (enum report_fmt) fmt, c->out);
}

int
cli_run_sector_compare(const cli *c)
{
  int fmt = report_fmt_parse(c->arg);
  if (fmt < 0)
    return cli_bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), c->arg));
  if (cli_refuse_output(c, (enum report_fmt) fmt, "--compare", c->arg, 2))
    return 2;
  return run_aggcmp(c->files[0], c->files[1], c->qpath, (enum report_fmt) fmt, &c->so, c->title, c->out);
}

int
cli_run_report_oscal(const cli *c)
{
  /* JSON: never into a terminal either. */
  if (cli_refuse_output(c, REPORT_JSON, "--report", "oscal", 1))
    return 2;
  return run_oscal_results(c->files[0], c->qpath, c->out);
}

static int
run_report_or_plan(const cli *c, bool plan)
{
  int fmt = report_fmt_parse(c->arg);
  if (fmt < 0 && !plan)
    return cli_bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html, xlsx or oscal"), c->arg));
  if (fmt < 0)
    return cli_bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), c->arg));
  /* Without a file, the default one, as the session uses. */
  char *dflt = c->nfiles == 0 ? path_default_answers() : NULL;
  if (c->nfiles == 0 && !dflt)
    {
      fprintf(stderr, "%s: %s\n", PACKAGE,
              _("neither XDG_DATA_HOME nor HOME is set; give the answers file as an argument"));
      return 2;
    }
  const char *file = c->nfiles == 1 ? c->files[0] : dflt;
  if (cli_refuse_output(c, (enum report_fmt) fmt, plan ? "--plan" : "--report", c->arg, c->nfiles))
    {
      free(dflt);
      return 2;
    }
  int rc = run_report(file, c->qpath, c->prev, (enum report_fmt) fmt, plan, c->out);
  free(dflt);
  return rc;
}

int
cli_run_report(const cli *c)
{
  return run_report_or_plan(c, false);
}

int
cli_run_plan(const cli *c)
{
  return run_report_or_plan(c, true);
}

/* Whether the two files of --compare are a sector's: folders to
 * aggregate, or --aggregate=json reports. */
bool
cli_run_sector_files(const cli *c)
{
  return c->nfiles == 2 && (is_folder(c->files[0]) || is_aggregate_json(c->files[0]))
         && (is_folder(c->files[1]) || is_aggregate_json(c->files[1]));
}
