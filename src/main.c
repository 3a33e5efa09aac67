/* main: kijun's command line.  It parses the options (GNU style), sets up
 * the language, and hands over to one of the modes: --check, --report,
 * --plan, --compare, --next-cycle, --aggregate, --merge or the interactive
 * session.  Exit statuses follow sysexits(3) and are
 * listed in kijun(1).
 *
 * Why one file of this size: the option parser and the checks of which
 * of its 27 options go together are one reading of the command line, and
 * each mode's runner is a few lines that call the layer below.  A table
 * of modes in git's manner (name, files allowed, options allowed, runner)
 * would replace the checks written one by one; it is the next step
 * (issue 25). */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "ops/check.h"
#include "ops/cycle.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "ops/merge.h"
#include "ops/migrate.h"
#include "io/afile.h"
#include "io/qcsv.h"
#include "io/mapping.h"
#include "ops/draft.h"
#include "io/paths.h"
#include "io/qfind.h"
#include "io/qload.h"
#include "report/oscal.h"
#include "report/qn_xlsx.h"
#include "report/report.h"
#include "report/report_agg.h"
#include "report/report_aggcmp.h"
#include "report/report_compare.h"
#include "report/report_plan.h"
#include "io/session.h"
#include "ops/survey.h"
#include "base/text.h"
#include "line/line.h"
#include "tui/ui.h"
#include "base/xalloc.h"

enum
{
  OPT_HELP = 'h',
  OPT_VERSION = 'V',
  /* long options only */
  OPT_PLAN = 256,
  OPT_COMPARE,
  OPT_NEXT_CYCLE,
  OPT_PREVIOUS,
  OPT_AGGREGATE,
  OPT_NAMES,
  OPT_PATTERN,
  OPT_MERGE,
  OPT_PROFILE_FROM,
  OPT_NO_MOUSE,
  OPT_TITLE,
  OPT_EXPORT_QN,
  OPT_IMPORT_QN,
  OPT_DRAFT_MAPPING,
  OPT_EXPORT_MAP,
  OPT_IMPORT_MAP,
  OPT_EXPORT,
  OPT_LINE,
};

static const struct option long_options[] = {
  { "report", optional_argument, NULL, 'r' },
  { "plan", optional_argument, NULL, OPT_PLAN },
  { "compare", optional_argument, NULL, OPT_COMPARE },
  { "next-cycle", no_argument, NULL, OPT_NEXT_CYCLE },
  { "previous", required_argument, NULL, OPT_PREVIOUS },
  { "check", required_argument, NULL, 'c' },
  { "migrate", required_argument, NULL, 'm' },
  { "aggregate", optional_argument, NULL, OPT_AGGREGATE },
  { "names", no_argument, NULL, OPT_NAMES },
  { "pattern", required_argument, NULL, OPT_PATTERN },
  { "merge", required_argument, NULL, OPT_MERGE },
  { "profile-from", required_argument, NULL, OPT_PROFILE_FROM },
  { "dry-run", no_argument, NULL, 'n' },
  { "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
  { "output", required_argument, NULL, 'o' },
  { "title", required_argument, NULL, OPT_TITLE },
  { "export-questionnaire", required_argument, NULL, OPT_EXPORT_QN },
  { "import-questionnaire", required_argument, NULL, OPT_IMPORT_QN },
  { "draft-mapping", no_argument, NULL, OPT_DRAFT_MAPPING },
  { "export-mapping", required_argument, NULL, OPT_EXPORT_MAP },
  { "import-mapping", required_argument, NULL, OPT_IMPORT_MAP },
  { "export", required_argument, NULL, OPT_EXPORT },
  { "line", no_argument, NULL, OPT_LINE },
  { "questionnaire", required_argument, NULL, 'q' },
  { "lang", required_argument, NULL, 'l' },
  { "help", no_argument, NULL, OPT_HELP },
  { "version", no_argument, NULL, OPT_VERSION },
  { NULL, 0, NULL, 0 },
};

static void
usage_line(FILE *f)
{
  fprintf(f, _("Usage: %s [OPTION]... [ANSWERS-FILE]\n"
              "  or:  %s --check=FILE [QUESTIONNAIRE-FILE]...\n"
              "  or:  %s --migrate=MAPPING OLD-ANSWERS NEW-ANSWERS [QUESTIONNAIRE-FILE]...\n"
              "  or:  %s --compare[=FORMAT] OLD-ANSWERS NEW-ANSWERS\n"
              "  or:  %s --next-cycle OLD-ANSWERS NEW-ANSWERS\n"
              "  or:  %s --aggregate[=FORMAT] [OPTION]... PATH...\n"
              "  or:  %s --merge=OUT [OPTION]... ANSWERS-FILE...\n"
              "  or:  %s --export-questionnaire={csv|xlsx} [QUESTIONNAIRE-FILE]\n"
              "  or:  %s --import-questionnaire=FILE NEW-QUESTIONNAIRE\n"
              "  or:  %s --draft-mapping OLD-QUESTIONNAIRE NEW-QUESTIONNAIRE\n"
              "  or:  %s --export-mapping=csv MAPPING\n"
              "  or:  %s --import-mapping=FILE NEW-MAPPING\n"
              "  or:  %s --export=FORMAT [QUESTIONNAIRE-FILE]\n"
              "  or:  %s --export=oscal-mapping MAPPING [QUESTIONNAIRE-FILE]...\n"),
          PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE,
          PACKAGE, PACKAGE, PACKAGE);
}

static void
help(void)
{
  usage_line(stdout);
  fputs(_("Assess an organisation against Japan's cybersecurity guideline for critical\n"
          "infrastructure, one question at a time, and report its baseline coverage.\n"
          "\n"
          "With no option, open ANSWERS-FILE (or create it) in the interactive\n"
          "interface; without ANSWERS-FILE, use the default file in\n"
          "$XDG_DATA_HOME/kijun/ (~/.local/share/kijun/ when unset).\n"
          "\n"), stdout);
  fputs(_("Options:\n"
          "  -r, --report[=FORMAT]      print the coverage report of ANSWERS-FILE (without\n"
          "                             it, the default file) and exit; FORMAT is text\n"
          "                             (default), markdown, csv, excel-csv, json, html,\n"
          "                             xlsx or oscal (OSCAL 1.2 assessment results;\n"
          "                             only with --report)\n"
          "  -o, --output=FILE          with --report, --plan, --compare or --aggregate,\n"
          "                             write the report to FILE (replaced if it exists)\n"
          "                             instead of standard output; html, json and xlsx\n"
          "                             are never written to a terminal; xlsx is an Excel\n"
          "                             workbook, excel-csv a CSV that Excel opens by a\n"
          "                             double click\n"
          "      --plan[=FORMAT]        print the improvement plan of ANSWERS-FILE (every\n"
          "                             question not met, with its action, owner and\n"
          "                             dates) and exit; FORMAT as for --report\n"
          "      --compare[=FORMAT]     compare two assessments, OLD-ANSWERS then\n"
          "                             NEW-ANSWERS: coverage then and now, questions that\n"
          "                             regressed, became met or are still not met, the\n"
          "                             old plan's overdue items; FORMAT as for --report\n"
          "                             but xlsx; exit status 1 when a question regressed\n"
          "      --next-cycle           start the next cycle: create NEW-ANSWERS from\n"
          "                             OLD-ANSWERS (profile, every answer to reconfirm,\n"
          "                             the plan); never overwrites NEW-ANSWERS\n"
          "      --previous=FILE        show FILE as the previous cycle (its answers\n"
          "                             beside the current ones, the change of each\n"
          "                             figure) instead of the one ANSWERS-FILE records\n"
          "  -c, --check=FILE           check a questionnaire or mapping file and exit;\n"
          "                             silent when it is valid; a mapping is checked\n"
          "                             against the questionnaire files that follow, or\n"
          "                             else the installed ones it names\n"
          "  -m, --migrate=MAPPING      write NEW-ANSWERS for the questionnaire MAPPING\n"
          "                             leads to, from OLD-ANSWERS (never over a file)\n"
          "      --aggregate[=FORMAT]   report on every answers file under the PATHs\n"
          "                             (files, and folders searched recursively) taken\n"
          "                             together, in a FORMAT as for --report; names of\n"
          "                             organisations and respondents are left out\n"
          "      --names                with --aggregate, list the organisations too\n"
          "      --pattern=GLOB         with --aggregate, the files taken from folders\n"
          "                             (default: *.cfg, in any case)\n"
          "      --title=TEXT           with --aggregate, the report's title (the\n"
          "                             association, the year)\n"
          "      --merge=OUT            combine the answers files into a new file OUT\n"
          "      --export=FORMAT        write the questionnaire (the bundled one, or\n"
          "                             QUESTIONNAIRE-FILE) in an OSCAL 1.2 FORMAT and\n"
          "                             exit: oscal-catalog, oscal-profile (the baseline\n"
          "                             selection; also oscal-profile-baseline) or\n"
          "                             oscal-profile-full; or, with oscal-mapping, the\n"
          "                             mapping file MAPPING as an OSCAL 1.2 mapping\n"
          "                             collection (its questionnaires found as\n"
          "                             a check finds them); kijun reads such a\n"
          "                             collection wherever it reads a mapping\n"
          "      --profile-from=FILE    keep the profile of this input (with --merge=OUT)\n"
          "  -n, --dry-run              with --merge=OUT, show what the merge would give\n"
          "                             (answers, conflicts) and write nothing\n"
          "      --export-questionnaire=FORMAT  print QUESTIONNAIRE-FILE (or the one of\n"
          "                             -q, or the bundled one) as a spreadsheet, a row\n"
          "                             per question; FORMAT: csv, or xlsx (a workbook;\n"
          "                             saved from it as CSV UTF-8, it imports)\n"
          "      --import-questionnaire=FILE  write NEW-QUESTIONNAIRE from the sheet\n"
          "                             FILE, checked as a questionnaire file is (never\n"
          "                             over a file)\n"
          "      --draft-mapping        print a draft mapping from OLD-QUESTIONNAIRE to\n"
          "                             NEW-QUESTIONNAIRE: an entry for each new question\n"
          "                             that shares a CSF category or an id, to confirm\n"
          "      --export-mapping=FORMAT  print the mapping file MAPPING as a spreadsheet,\n"
          "                             a row per entry; the only FORMAT: csv\n"
          "      --import-mapping=FILE  write NEW-MAPPING from the sheet FILE, checked as\n"
          "                             a mapping file is (never over a file)\n"
          "  -q, --questionnaire=FILE   use this questionnaire instead of the installed one\n"
          "                             that the answers file names\n"
          "  -l, --lang=LANG            language of messages and questions: ja or en\n"
          "                             (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)\n"
          "      --no-mouse             leave the mouse to the terminal: no clicks, and\n"
          "                             text is selected without holding Shift\n"

          "  -h, --help                 show this help and exit\n"
          "  -V, --version              show the version and exit\n"
          "\n"), stdout);
  fputs(_("Without a full screen:\n"
          "      --line                 a plain dialogue, one line at a time, for\n"
          "                             screen readers, serial consoles and scripts;\n"
          "                             chosen by itself when input or output is not\n"
          "                             a terminal, or the terminal cannot move its\n"
          "                             cursor (TERM=dumb)\n"
          "\n"), stdout);
  fputs(_("Each question names the NIST Cybersecurity Framework (CSF) 2.0 categories\n"
          "it bears on, as kijun's reading: CSF 2.0 sorts security outcomes into six\n"
          "functions (GV Govern, ID Identify, PR Protect, DE Detect, RS Respond, RC\n"
          "Recover) and 22 categories such as GV.PO (policy); reports show coverage by\n"
          "function and category beside the PDCA phases.\n"
          "\n"), stdout);
  fputs(_("Exit status: 0 success, 1 --compare found a question that regressed or\n"
          "--aggregate left files out, 2 bad usage, 65 bad data, 66 a file cannot be\n"
          "opened, 73 a file cannot be created, 74 a file cannot be written.\n"
          "\n"
          "See kijun(1) for the keys of the interface and kijun-questionnaire(5),\n"
          "kijun-answers(5) and kijun-mapping(5) for the file formats.\n"), stdout);
}

/* Print msg (already formatted, or NULL), the usage line and the hint. */
static int
bad_usage(char *msg)
{
  if (msg)
    {
      /* msg quotes the command line, which may hold anything. */
      char *shown = txt_sanitize(msg, true);
      fprintf(stderr, "%s: %s\n", PACKAGE, shown);
      free(shown);
    }
  free(msg);
  usage_line(stderr);
  fprintf(stderr, _("Try '%s --help' for more information.\n"), path_invocation());
  return 2;
}

/* Flush stdout and turn a failed write (a full disk, a closed pipe) into
 * an exit status, as GNU's close_stdout does. */
static int
finish_stdout(int status)
{
  if (fflush(stdout) != 0 || ferror(stdout))
    {
      /* A lost output outranks "files left out" or "regressed" (1): said,
       * and its own status. */
      if (status == 0 || status == 1 || status == EX_IOERR)
        {
          fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("write error"), strerror(errno ? errno : EIO));
          return EX_IOERR;
        }
    }
  return status;
}

static int
run_check(const char *file, char *const *qfiles, size_t nqfiles)
{
  diag_t d = { 0 };
  int rc = check_file(file, qfiles, nqfiles, &d);
  diag_print(&d, stderr);
  diag_clear(&d);
  return rc == EX_USAGE ? bad_usage(NULL) : rc;
}

static int
run_export_qn(const char *fmt, const char *qpath, char *const *files, size_t nfiles)
{
  bool xlsx = strcmp(fmt, "xlsx") == 0;
  if (strcmp(fmt, "csv") != 0 && !xlsx)
    return bad_usage(xasprintf(_("unknown format '%s' for %s; expected %s"), fmt, "--export-questionnaire", "csv, xlsx"));
  if (xlsx && isatty(STDOUT_FILENO))
    {
      fprintf(stderr, _("%s: the %s output is not shown in a terminal; redirect it to a file, for example:\n"),
              PACKAGE, fmt);
      fprintf(stderr, "  %s --export-questionnaire=xlsx%s%s > questionnaire.xlsx\n", path_invocation(),
              nfiles ? " " : "", nfiles ? files[0] : "");
      return EX_USAGE;
    }
  if (nfiles > 1 || (nfiles && qpath))
    return bad_usage(xasprintf(_("%s takes one questionnaire file"), "--export-questionnaire"));
  diag_t d = { 0 };
  questionnaire *q = NULL;
  int rc = qfind_load(nfiles ? files[0] : qpath, NULL, NULL, NULL, &d, &q);
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc)
    return rc;
  rc = xlsx ? qn_xlsx_write(stdout, q) : qcsv_export(stdout, q);
  qn_free(q);
  return finish_stdout(rc);
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
  return rc ? rc : finish_stdout(0);
}

static int
run_import_qn(const char *sheet, char *const *files, size_t nfiles)
{
  if (nfiles != 1)
    return bad_usage(xasprintf(_("%s needs the name of the new questionnaire file"), "--import-questionnaire"));
  diag_t d = { 0 };
  int rc = qcsv_import(sheet, files[0], &d);
  diag_print(&d, stderr);
  diag_clear(&d);
  return rc;
}

static int
run_migrate(const char *map, char *const *files, size_t nfiles)
{
  if (nfiles < 2)
    return bad_usage(xasprintf(_("%s needs the old and the new answers file"), "--migrate"));
  diag_t d = { 0 }, warn = { 0 };
  mig_counts n;
  int rc = mig_run(map, files[0], files[1], files + 2, nfiles - 2, stdout, &d, &warn, &n);
  diag_print(&warn, stderr);
  diag_print(&d, stderr);
  diag_clear(&warn);
  diag_clear(&d);
  return finish_stdout(rc == EX_USAGE ? bad_usage(NULL) : rc);
}

/* ---- where a report goes ------------------------------------------------- */

/* A report renders into a stream; with -o it goes to a file, replaced
 * atomically (afile.h), else to standard output. */
typedef int (*render_fn)(FILE *f, void *ctx);

static int
emit_report(const char *out, render_fn render, void *ctx)
{
  if (!out)
    return render(stdout, ctx);
  diag_t d = { 0 };
  int rc = afile_write(out, (afile_writer) render, ctx, &d);
  if (rc)
    {
      char *o = txt_sanitize(out, true);
      fprintf(stderr, "%s: %s: %s\n", PACKAGE, o, d.n ? d.msgs[0] : strerror(errno));
      free(o);
    }
  diag_clear(&d);
  return rc;
}

/* The file name suggested for a report written with -o. */
static const char *
suggested_name(const char *mode, enum report_fmt fmt)
{
  static char buf[64];
  static const char *const ext[] = {
    [REPORT_TEXT] = "txt", [REPORT_MARKDOWN] = "md", [REPORT_CSV] = "csv", [REPORT_JSON] = "json",
    [REPORT_HTML] = "html", [REPORT_XLSX] = "xlsx", [REPORT_CSV_EXCEL] = "csv",
  };
  snprintf(buf, sizeof buf, "%s.%s", mode, ext[fmt]);
  return buf;
}

/* HTML, JSON and workbooks are for a browser, a program or Excel: poured
 * into a terminal they are pages of markup.  Say how to write the file
 * instead, with a command that works as pasted; 2 then, else 0. */
static const char *given_qpath;  /* -q, repeated in the commands printed */

static int
refuse_terminal_output(const char *out, enum report_fmt fmt, const char *opt, const char *fmtname,
                       char *const *files, size_t nfiles)
{
  if (out || !report_fmt_binaryish(fmt) || !isatty(STDOUT_FILENO))
    return 0;
  const char *mode = strcmp(opt, "--report") == 0 ? "report" : opt + 2;
  char *qq = given_qpath ? path_shell_quote(given_qpath) : NULL;
  char *cmd = xasprintf("%s%s%s %s=%s -o %s", path_invocation(), qq ? " -q " : "", qq ? qq : "", opt, fmtname,
                        suggested_name(mode, fmt));
  free(qq);
  for (size_t i = 0; i < nfiles; i++)
    {
      char *q = path_shell_quote(files[i]);
      char *more = xasprintf("%s %s", cmd, q);
      free(q);
      free(cmd);
      cmd = more;
    }
  char *shown = txt_sanitize(cmd, true);
  /* TRANSLATORS: %s is a format (html, json, xlsx); the command follows
     on the next line. */
  fprintf(stderr, _("%s: the %s output is not shown in a terminal; write it to a file with -o FILE, "
                    "for example:\n"), PACKAGE, fmtname);
  fprintf(stderr, "  %s\n", shown);
  free(shown);
  free(cmd);
  return 2;
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
      rc = emit_report(out, render_report, &j);
      if (has_then)
        cov_free(&then);
    }
  ans_free(pa);
  session_close(&s);
  return finish_stdout(rc);
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
    rc = emit_report(out, render_oscal, &s);
  session_close(&s);
  return finish_stdout(rc);
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
  return finish_stdout(rc == EX_USAGE ? bad_usage(NULL) : rc);
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
  return finish_stdout(rc);
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
      rc = emit_report(out, render_compare, &j);
      regressed = j.regressed;
    }
  ans_free(old);
  session_close(&s);
  rc = finish_stdout(rc);
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
  return finish_stdout(rc);
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
    rc = bad_usage(NULL);
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
  return finish_stdout(rc);
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
      rc = emit_report(out, render_aggregate, &j);
      if (rc == 0 && s.nleft_out)
        rc = 1;
    }
  survey_free(&s);
  qn_free(q);
  return finish_stdout(rc);
}

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

/* --compare of two folders: the sector year on year. */
static bool is_folder(const char *p);
static bool is_aggregate_json(const char *p);

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
      rc = emit_report(out, render_aggcmp, &j);
    }
  for (int k = 0; k < got; k++)
    aggcmp_side_free(&side[k]);
  qn_free(q);
  return finish_stdout(rc);
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

/* The Linux virtual console draws at most 512 glyphs: Japanese comes out
 * as replacement boxes.  Say so, once, in English (the one language it
 * shows), and offer English or the line mode, whose text a screen reader
 * reads from /dev/vcsu.  True when the line mode was chosen. */
static bool
linux_console_japanese(void)
{
  const char *term = getenv("TERM");
  if (i18n_lang() != LANG_JA || !term || strncmp(term, "linux", 5) != 0)
    return false;
  enum lang was = i18n_switch_messages(LANG_EN);
  fprintf(stderr, "%s: %s\n", PACKAGE,
          _("the Linux console cannot show Japanese: it would draw boxes instead of the text."));
  fputs(_("Type e and Enter for English, l for the line mode in Japanese (a screen reader reads\n"
          "its text from /dev/vcsu), or j to go on in Japanese anyway: "), stderr);
  fflush(stderr);
  char buf[64];
  const char *got = fgets(buf, sizeof buf, stdin);
  i18n_switch_messages(was);
  if (got && (buf[0] == 'l' || buf[0] == 'L'))
    return true;
  if (!got || !(buf[0] == 'j' || buf[0] == 'J'))
    i18n_set_lang(LANG_EN);
  return false;
}

int
main(int argc, char **argv)
{
  /* --lang must be known before the first message, so look for it before
   * getopt reports anything. */
  const char *lang = NULL;
  for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
    {
      if (strncmp(argv[i], "--lang=", 7) == 0)
        lang = argv[i] + 7;
      else if ((strcmp(argv[i], "--lang") == 0 || strcmp(argv[i], "-l") == 0) && i + 1 < argc)
        lang = argv[i + 1];
      else if (strncmp(argv[i], "-l", 2) == 0 && argv[i][2])
        lang = argv[i] + 2;
    }
  i18n_init(lang && lang_parse(lang) >= 0 ? lang : NULL, path_localedir());
  path_set_invocation(argv[0]);

  const char *check = NULL, *qpath = NULL, *report = NULL, *migrate = NULL, *prev = NULL;
  const char *merge_out = NULL, *profile_from = NULL, *export_qn = NULL, *import_qn = NULL, *export = NULL;
  bool want_draft = false;
  const char *export_map = NULL, *import_map = NULL;
  const char *out = NULL, *title = NULL, *report_opt = NULL;
  bool want_report = false, want_plan = false, want_compare = false, want_next = false;
  bool want_aggregate = false, dry_run = false, no_mouse = false, want_line = false;
  survey_opts so = { 0 };
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":r::c:m:q:l:o:nhV", long_options, NULL)) != -1)
    {
      switch (c)
        {
        case 'r':
          want_report = true;
          report = optarg;
          report_opt = "--report";
          break;
        case OPT_PLAN:
          want_plan = true;
          report = optarg;
          report_opt = "--plan";
          break;
        case OPT_COMPARE:
          want_compare = true;
          report = optarg;
          report_opt = "--compare";
          break;
        case 'o':
          out = optarg;
          break;
        case OPT_TITLE:
          title = optarg;
          break;
        case OPT_NEXT_CYCLE:
          want_next = true;
          break;
        case OPT_PREVIOUS:
          prev = optarg;
          break;
        case 'c':
          check = optarg;
          break;
        case 'm':
          migrate = optarg;
          break;
        case OPT_AGGREGATE:
          want_aggregate = true;
          report = optarg;
          report_opt = "--aggregate";
          break;
        case OPT_NAMES:
          so.names = true;
          break;
        case OPT_PATTERN:
          so.pattern = optarg;
          break;
        case OPT_MERGE:
          merge_out = optarg;
          break;
        case OPT_PROFILE_FROM:
          profile_from = optarg;
          break;
        case 'n':
          dry_run = true;
          break;
        case OPT_NO_MOUSE:
          no_mouse = true;
          break;
        case OPT_EXPORT_QN:
          export_qn = optarg;
          break;
        case OPT_IMPORT_QN:
          import_qn = optarg;
          break;
        case OPT_DRAFT_MAPPING:
          want_draft = true;
          break;
        case OPT_EXPORT_MAP:
          export_map = optarg;
          break;
        case OPT_IMPORT_MAP:
          import_map = optarg;
          break;
        case OPT_EXPORT:
          export = optarg;
          break;
        case OPT_LINE:
          want_line = true;
          break;
        case 'q':
          qpath = optarg;
          given_qpath = optarg;
          break;
        case 'l':
          if (lang_parse(optarg) < 0)
            return bad_usage(xasprintf(_("invalid language '%s'; expected ja or en"), optarg));
          break;
        case OPT_HELP:
          help();
          return finish_stdout(0);
        case OPT_VERSION:
          printf("%s %s\n", PACKAGE, VERSION);
          return finish_stdout(0);
        case ':':
          return bad_usage(xasprintf(_("option '%s' needs an argument"), argv[optind - 1]));
        default:
          return bad_usage(xasprintf(_("unknown option '%s'"), argv[optind - 1]));
        }
    }

  int rest = argc - optind;
  /* An empty name is no file; refuse it here rather than let each mode
   * turn it into a confusing system error. */
  bool empty = false;
  for (int i = optind; i < argc; i++)
    empty |= !*argv[i];
  if ((check && !*check) || (migrate && !*migrate) || (qpath && !*qpath) || (prev && !*prev)
      || (merge_out && !*merge_out) || (profile_from && !*profile_from) || (out && !*out) || empty)
    return bad_usage(xasprintf("%s", _("an empty file name was given; expected the name of a file")));
  /* The modes of the PDCA loop go with no other mode. */
  int loop = want_plan + want_compare + want_next;
  if (loop && loop + want_report + !!check + !!migrate > 1)
    return bad_usage(xasprintf("%s", _("--check, --migrate, --report, --plan, --compare and --next-cycle cannot be combined; choose one")));
  /* Many files at once go with no other mode either. */
  int many = want_aggregate + !!merge_out;
  if (many && many + loop + want_report + !!check + !!migrate > 1)
    return bad_usage(xasprintf(_("%s cannot be combined with other modes or files"),
                               want_aggregate ? "--aggregate" : "--merge"));
  /* --compare of two folders is an aggregate's comparison. */
  bool sector_compare = want_compare && rest == 2
                        && (is_folder(argv[optind]) || is_aggregate_json(argv[optind]))
                        && (is_folder(argv[optind + 1]) || is_aggregate_json(argv[optind + 1]));
  if ((so.names || so.pattern) && !want_aggregate && !sector_compare)
    return bad_usage(xasprintf(_("%s is used with %s"), so.names ? "--names" : "--pattern", "--aggregate"));
  if (out && !(want_report || want_plan || want_compare || want_aggregate))
    return bad_usage(xasprintf(_("%s is used with %s"), "--output", "--report, --plan, --compare, --aggregate"));
  if (title && !want_aggregate && !sector_compare)
    return bad_usage(xasprintf(_("%s is used with %s"), "--title", "--aggregate"));
  /* "--report html FILE": the format taken for a file.  Optional
   * arguments need "=", which nobody guesses. */
  if (report_opt && !report && rest >= 1 && report_fmt_parse(argv[optind]) >= 0
      && strcmp(argv[optind], "text") != 0 && access(argv[optind], F_OK) != 0)
    return bad_usage(xasprintf(_("'%s' is taken as a file name; to choose the format, write %s=%s "
                                 "(with '=', no space)"),
                               argv[optind], report_opt, argv[optind]));
  if (profile_from && !merge_out)
    return bad_usage(xasprintf(_("%s is used with %s"), "--profile-from", "--merge"));
  if (dry_run && !merge_out)
    return bad_usage(xasprintf(_("%s is used with %s"), "--dry-run", "--merge"));
  if ((no_mouse || want_line) && (loop || many || want_report || check || migrate))
    return bad_usage(xasprintf(_("%s is used with the interactive session only"),
                               want_line ? "--line" : "--no-mouse"));
  if (i18n_fallback_reason() && (check || migrate || want_report || loop || many))
    fprintf(stderr, "%s: %s\n", PACKAGE, i18n_fallback_reason());
  if (export_map || import_map)
    {
      if ((export_map && import_map) || want_draft || export_qn || import_qn || export || want_report || check
          || migrate || loop || many || qpath)
        return bad_usage(xasprintf(_("%s cannot be combined with other modes or files"),
                                   export_map ? "--export-mapping" : "--import-mapping"));
      /* An OSCAL mapping names objectives: its questionnaires (the files
       * that follow, else the installed ones) turn them into question
       * ids. */
      if (rest != 1 && !(export_map && rest > 1))
        return bad_usage(xasprintf(_("%s needs one file: %s"), export_map ? "--export-mapping" : "--import-mapping",
                                   export_map ? "MAPPING" : "NEW-MAPPING"));
      if (export_map && strcmp(export_map, "csv") != 0)
        return bad_usage(xasprintf(_("unknown format '%s' for %s; expected %s"), export_map, "--export-mapping", "csv"));
      diag_t d = { 0 };
      int rc;
      if (export_map)
        {
          mapping *m = NULL;
          rc = map_read(argv[optind], &d, &m);
          questionnaire *from = NULL, *to = NULL;
          if (rc == 0 && (m->oscal || rest > 1))
            {
              rc = check_sides(m, argv + optind + 1, (size_t) rest - 1, &d, &from, &to);
              if (rc == 0)
                rc = map_bind(m, from, to, &d);
            }
          if (rc == 0)
            rc = qcsv_export_mapping(stdout, m);
          qn_free(from);
          qn_free(to);
          map_free(m);
          if (rc == EX_USAGE)
            {
              diag_print(&d, stderr);
              diag_clear(&d);
              return bad_usage(NULL);
            }
        }
      else
        rc = qcsv_import_mapping(import_map, argv[optind], &d);
      diag_print(&d, stderr);
      diag_clear(&d);
      return rc ? rc : finish_stdout(0);
    }
  if (want_draft)
    {
      if (export_qn || import_qn || export || want_report || check || migrate || loop || many || qpath)
        return bad_usage(xasprintf(_("%s cannot be combined with other modes or files"), "--draft-mapping"));
      if (rest != 2)
        return bad_usage(xasprintf(_("%s needs the old and the new questionnaire file"), "--draft-mapping"));
      return run_draft(argv[optind], argv[optind + 1]);
    }
  if (export_qn || import_qn)
    {
      if (export_qn && import_qn)
        return bad_usage(xasprintf("%s", _("--export-questionnaire and --import-questionnaire cannot be combined; choose one")));
      if (want_report || check || migrate || loop || many || export || (import_qn && qpath))
        return bad_usage(xasprintf(_("%s cannot be combined with other modes or files"),
                                   export_qn ? "--export-questionnaire" : "--import-questionnaire"));
      if (import_qn && !*import_qn)
        return bad_usage(xasprintf("%s", _("an empty file name was given; expected the name of a file")));
      return export_qn ? run_export_qn(export_qn, qpath, argv + optind, (size_t) rest)
                       : run_import_qn(import_qn, argv + optind, (size_t) rest);
    }
  if (export)
    {
      int what = oscal_export_parse(export);
      if (what < 0)
        return bad_usage(xasprintf(_("unknown export format '%s'; expected one of: %s"), export,
                                   oscal_export_list()));
      if (loop || many || want_report || check || migrate || prev || no_mouse || want_line)
        return bad_usage(xasprintf(_("%s cannot be combined with other modes or files"), "--export"));
      if (what == OSCAL_MAPPING)
        {
          if (rest < 1 || qpath)
            return bad_usage(xasprintf(_("%s needs one file: %s"), "--export=oscal-mapping", "MAPPING"));
          return run_export_mapping(argv[optind], argv + optind + 1, (size_t) rest - 1);
        }
      if (rest > 1 || (rest == 1 && qpath))
        return bad_usage(xasprintf(_("too many files: '%s'; expected one questionnaire file"),
                                   argv[optind + (rest > 1)]));
      return run_export((enum oscal_export) what, rest == 1 ? argv[optind] : qpath);
    }
  if (migrate)
    {
      if (want_report || qpath || check)
        return bad_usage(xasprintf(_("%s cannot be combined with other modes or files"), "--migrate"));
      return run_migrate(migrate, argv + optind, (size_t) rest);
    }
  if (check)
    {
      if (want_report || qpath)
        return bad_usage(xasprintf(_("%s cannot be combined with other modes or files"), "--check"));
      return run_check(check, argv + optind, (size_t) rest);
    }
  if (merge_out)
    {
      if (rest < 1)
        return bad_usage(xasprintf(_("%s needs the answers files to merge"), "--merge"));
      if (prev)
        return bad_usage(xasprintf(_("%s cannot be combined with %s"), "--previous", "--merge"));
      return run_merge(merge_out, argv + optind, (size_t) rest, qpath, profile_from, dry_run);
    }
  if (want_aggregate)
    {
      int afmt = report_fmt_parse(report);
      if (afmt < 0)
        return bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), report));
      if (so.pattern && !*so.pattern)
        return bad_usage(xasprintf("%s", _("an empty pattern was given; expected a pattern such as *.cfg")));
      if (rest < 1)
        return bad_usage(xasprintf(_("%s needs at least one file or folder"), "--aggregate"));
      if (prev)
        return bad_usage(xasprintf(_("%s cannot be combined with %s"), "--previous", "--aggregate"));
      if (refuse_terminal_output(out, (enum report_fmt) afmt, "--aggregate", report, argv + optind,
                                 (size_t) rest))
        return 2;
      return run_aggregate(argv + optind, (size_t) rest, qpath, (enum report_fmt) afmt, &so, title, out);
    }
  if (want_compare || want_next)
    {
      const char *opt = want_compare ? "--compare" : "--next-cycle";
      if (rest != 2)
        return bad_usage(xasprintf(_("%s needs two answers files: the old one, then the new one"), opt));
      if (prev)
        return bad_usage(xasprintf(_("%s cannot be combined with %s"), "--previous", opt));
    }
  if (want_next)
    return run_next_cycle(argv[optind], argv[optind + 1], qpath);
  if (rest > 1 && !want_compare)
    return bad_usage(xasprintf(_("too many files: '%s'; expected one answers file"), argv[optind + 1]));

  if (want_report && report && strcmp(report, "oscal") == 0)
    {
      if (rest != 1)
        return bad_usage(xasprintf(_("%s needs an answers file"), "--report"));
      if (prev)
        return bad_usage(xasprintf(_("%s cannot be combined with %s"), "--previous", "--report=oscal"));
      /* JSON: never into a terminal either. */
      if (refuse_terminal_output(out, REPORT_JSON, "--report", "oscal", argv + optind, 1))
        return 2;
      return run_oscal_results(argv[optind], qpath, out);
    }
  int fmt = report_fmt_parse(report);
  if (fmt < 0 && want_report)
    return bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html, xlsx or oscal"), report));
  if (fmt < 0)
    return bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), report));
  if (sector_compare)
    {
      if (refuse_terminal_output(out, (enum report_fmt) fmt, "--compare", report, argv + optind, 2))
        return 2;
      return run_aggcmp(argv[optind], argv[optind + 1], qpath, (enum report_fmt) fmt, &so, title, out);
    }
  if (want_compare)
    {
      if (fmt == REPORT_XLSX)
        return bad_usage(xasprintf(_("%s does not write %s; expected text, markdown, csv, excel-csv, json or html"),
                                   "--compare", "xlsx"));
      if (refuse_terminal_output(out, (enum report_fmt) fmt, "--compare", report, argv + optind, 2))
        return 2;
      return run_compare(argv[optind], argv[optind + 1], qpath, (enum report_fmt) fmt, out);
    }
  if (want_report || want_plan)
    {
      /* Without a file, the default one, as the session uses. */
      char *dflt = rest == 0 ? path_default_answers() : NULL;
      if (rest == 0 && !dflt)
        {
          fprintf(stderr, "%s: %s\n", PACKAGE,
                  _("neither XDG_DATA_HOME nor HOME is set; give the answers file as an argument"));
          return 2;
        }
      char *file = rest == 1 ? argv[optind] : dflt;
      if (refuse_terminal_output(out, (enum report_fmt) fmt, want_plan ? "--plan" : "--report", report,
                                 rest == 1 ? argv + optind : NULL, rest == 1 ? 1 : 0))
        {
          free(dflt);
          return 2;
        }
      int rc = run_report(file, qpath, prev, (enum report_fmt) fmt, want_plan, out);
      free(dflt);
      return rc;
    }

  char *path = rest == 1 ? xstrdup(argv[optind]) : path_default_answers();
  if (!path)
    {
      fprintf(stderr, "%s: %s\n", PACKAGE,
              _("neither XDG_DATA_HOME nor HOME is set; give the answers file as an argument"));
      return 2;
    }
  /* The line mode where the screens cannot work: no terminal at one end,
   * or one that cannot address the cursor (TERM=dumb, an Emacs buffer, a
   * printing terminal, a type this system does not know). */
  char *why = NULL;
  /* The screens' scripted mode (KIJUN_SCRIPT, for tests; see
   * tui/ui_script.c) needs no terminal and is never asked anything. */
  const char *script = getenv("KIJUN_SCRIPT");
  bool scripted = script && *script;
  if (!want_line && !scripted && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
    why = xstrdup(_("standard input or output is not a terminal"));
  else if (!want_line && !scripted && !ui_terminal_usable())
    {
      const char *term = getenv("TERM");
      char *t = txt_sanitize(term ? term : "", true);
      why = xasprintf(_("the terminal type '%s' is unknown here or cannot move its cursor"), t);
      free(t);
    }
  int rc;
  if (!want_line && !why && !scripted && linux_console_japanese())
    want_line = true;
  if (want_line || why)
    {
      line_opts lo = { qpath, prev, why };
      rc = line_main(path, &lo);
    }
  else
    {
      ui_opts uo = { qpath, prev, no_mouse };
      rc = ui_main(path, &uo);
    }
  free(why);
  free(path);
  return finish_stdout(rc);
}
