/* main: kijun's command line.  It parses the options (GNU style), sets up
 * the language, and hands over to one of the modes: the interactive
 * session, --check, --report, --plan, --compare, --next-cycle,
 * --aggregate, --merge, --migrate, the questionnaire and mapping sheets,
 * or --export.  Exit statuses follow sysexits(3) and are listed in
 * kijun(1).
 *
 * Which options and files go with which mode is one table, in git's
 * manner (modes[] below): a row per mode gives its name, how many files
 * it takes and what they are, the options it takes (a bit set) and its
 * runner.  main() reads the command line into one struct cli, refuses two
 * modes, checks the options and files against the row and calls the
 * runner.  What a table cannot say is a row's hook, each with its reason:
 * --report=oscal and the comparison of two folders are forms of a mode
 * with rows of their own, chosen by a variant hook; "--report html FILE"
 * is a check hook.
 *
 * Why one file of this size: the runners are a few lines each over the
 * layer below, and the session's runner calls both front ends (line and
 * tui), which only this top file may include; a file of runners beside
 * it would need a header that src/LAYERS has no place for. */
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

/* ---- the modes --------------------------------------------------------- */

/* What the command line says, read once by main(): the mode, its option's
 * argument (a format or a file), the options that modify it and the files
 * that follow. */
enum mode
{
  M_SESSION,
  M_CHECK,
  M_REPORT,
  M_PLAN,
  M_COMPARE,
  M_NEXT_CYCLE,
  M_AGGREGATE,
  M_MERGE,
  M_MIGRATE,
  M_EXPORT_QN,
  M_IMPORT_QN,
  M_DRAFT,
  M_EXPORT_MAP,
  M_IMPORT_MAP,
  M_EXPORT,
  /* Forms of a mode above that take other files or options; a row's
   * variant hook picks them from what the command line holds. */
  M_REPORT_OSCAL,
  M_SECTOR_COMPARE,
  M_EXPORT_OSCAL_MAP,
  M_NROWS
};

/* The options that modify a mode, a bit each; a row says which it takes. */
enum
{
  O_QN = 1u << 0,
  O_PREVIOUS = 1u << 1,
  O_OUTPUT = 1u << 2,
  O_TITLE = 1u << 3,
  O_NAMES = 1u << 4,
  O_PATTERN = 1u << 5,
  O_PROFILE_FROM = 1u << 6,
  O_DRY_RUN = 1u << 7,
  O_NO_MOUSE = 1u << 8,
  O_LINE = 1u << 9,
};
/* Their names in messages, bit by bit. */
static const char *const option_names[] = {
  "--questionnaire", "--previous", "--output", "--title", "--names",
  "--pattern", "--profile-from", "--dry-run", "--no-mouse", "--line",
};
enum { N_OPTION_NAMES = sizeof option_names / sizeof option_names[0] };

typedef struct cli
{
  enum mode mode;
  const char *arg;      /* the mode option's argument: a format, a file, NULL */
  const char *fmt_opt;  /* the option whose =FORMAT is optional, if one was given */
  unsigned opts;        /* O_ bits of the options given */
  const char *qpath, *prev, *out, *title, *profile_from;
  survey_opts so;
  bool dry_run, no_mouse, line;
  char *const *files;
  size_t nfiles;
} cli;

#define MANY ((size_t) -1)

/* One row per mode, in git's manner: the name messages give it, the files
 * it takes, the options it takes, and its runner.  main() checks the
 * command line against the row; the runner only runs. */
typedef struct mode_row
{
  const char *name;     /* the option; NULL for the session */
  bool arg_is_file;     /* the option's argument names a file */
  size_t min, max;      /* how many files follow the options */
  const char *files;    /* what they are, for `few' */
  const char *few;      /* fewer than min (or more than max without `many'):
                           %s the mode, then `files' */
  const char *many;     /* more than max: %s the first file too many */
  unsigned takes;       /* the O_ options it takes */
  bool qn_is_file;      /* -q stands for its one file */
  bool says_fallback;   /* says when the language asked for is missing */
  enum mode (*variant)(const cli *c);  /* the row that applies instead */
  int (*check)(const cli *c);          /* what the table cannot say: 0 or a status */
  int (*run)(const cli *c);
} mode_row;

static const mode_row modes[M_NROWS];

/* "--report html FILE": the format taken for a file, since optional
 * arguments need "=", which nobody guesses.  Its own message: no count of
 * files would say what went wrong. */
static int
check_format_taken_for_file(const cli *c)
{
  if (c->fmt_opt && !c->arg && c->nfiles >= 1 && report_fmt_parse(c->files[0]) >= 0
      && strcmp(c->files[0], "text") != 0 && access(c->files[0], F_OK) != 0)
    return bad_usage(xasprintf(_("'%s' is taken as a file name; to choose the format, write %s=%s "
                                 "(with '=', no space)"),
                               c->files[0], c->fmt_opt, c->files[0]));
  return 0;
}

/* --report=oscal is another document (OSCAL assessment results), with no
 * previous cycle and one file. */
static enum mode
variant_report(const cli *c)
{
  return c->arg && strcmp(c->arg, "oscal") == 0 ? M_REPORT_OSCAL : M_REPORT;
}

/* --compare of two folders (or --aggregate=json reports) compares a
 * sector year on year, which takes the aggregate's options: which row
 * applies depends on what the two files are, not on the options. */
static enum mode
variant_compare(const cli *c)
{
  bool sector = c->nfiles == 2 && (is_folder(c->files[0]) || is_aggregate_json(c->files[0]))
                && (is_folder(c->files[1]) || is_aggregate_json(c->files[1]));
  return sector ? M_SECTOR_COMPARE : M_COMPARE;
}

/* --export=oscal-mapping writes a mapping, found as --check finds its
 * questionnaires: another file and no -q. */
static enum mode
variant_export(const cli *c)
{
  return oscal_export_parse(c->arg) == OSCAL_MAPPING ? M_EXPORT_OSCAL_MAP : M_EXPORT;
}

static int
mode_check(const cli *c)
{
  return run_check(c->arg, c->files, c->nfiles);
}

static int
mode_migrate(const cli *c)
{
  return run_migrate(c->arg, c->files, c->nfiles);
}

static int
mode_export_qn(const cli *c)
{
  return run_export_qn(c->arg, c->qpath, c->files, c->nfiles);
}

static int
mode_import_qn(const cli *c)
{
  return run_import_qn(c->arg, c->files[0]);
}

static int
mode_draft(const cli *c)
{
  return run_draft(c->files[0], c->files[1]);
}

static int
mode_export_map(const cli *c)
{
  if (strcmp(c->arg, "csv") != 0)
    return bad_usage(xasprintf(_("unknown format '%s' for %s; expected %s"), c->arg, "--export-mapping", "csv"));
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
    return bad_usage(NULL);
  return rc ? rc : finish_stdout(0);
}

static int
mode_import_map(const cli *c)
{
  diag_t d = { 0 };
  int rc = qcsv_import_mapping(c->arg, c->files[0], &d);
  diag_print(&d, stderr);
  diag_clear(&d);
  return rc ? rc : finish_stdout(0);
}

static int
mode_export(const cli *c)
{
  int what = oscal_export_parse(c->arg);
  if (what < 0)
    return bad_usage(xasprintf(_("unknown export format '%s'; expected one of: %s"), c->arg,
                               oscal_export_list()));
  return run_export((enum oscal_export) what, c->nfiles == 1 ? c->files[0] : c->qpath);
}

static int
mode_export_oscal_map(const cli *c)
{
  return run_export_mapping(c->files[0], c->files + 1, c->nfiles - 1);
}

static int
mode_merge(const cli *c)
{
  return run_merge(c->arg, c->files, c->nfiles, c->qpath, c->profile_from, c->dry_run);
}

static int
mode_aggregate(const cli *c)
{
  int fmt = report_fmt_parse(c->arg);
  if (fmt < 0)
    return bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), c->arg));
  if (c->so.pattern && !*c->so.pattern)
    return bad_usage(xasprintf("%s", _("an empty pattern was given; expected a pattern such as *.cfg")));
  if (refuse_terminal_output(c->out, (enum report_fmt) fmt, "--aggregate", c->arg, c->files, c->nfiles))
    return 2;
  return run_aggregate(c->files, c->nfiles, c->qpath, (enum report_fmt) fmt, &c->so, c->title, c->out);
}

static int
mode_next_cycle(const cli *c)
{
  return run_next_cycle(c->files[0], c->files[1], c->qpath);
}

static int
mode_compare(const cli *c)
{
  int fmt = report_fmt_parse(c->arg);
  if (fmt < 0)
    return bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), c->arg));
  if (fmt == REPORT_XLSX)
    return bad_usage(xasprintf(_("%s does not write %s; expected text, markdown, csv, excel-csv, json or html"),
                               "--compare", "xlsx"));
  if (refuse_terminal_output(c->out, (enum report_fmt) fmt, "--compare", c->arg, c->files, 2))
    return 2;
  return run_compare(c->files[0], c->files[1], c->qpath, (enum report_fmt) fmt, c->out);
}

static int
mode_sector_compare(const cli *c)
{
  int fmt = report_fmt_parse(c->arg);
  if (fmt < 0)
    return bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), c->arg));
  if (refuse_terminal_output(c->out, (enum report_fmt) fmt, "--compare", c->arg, c->files, 2))
    return 2;
  return run_aggcmp(c->files[0], c->files[1], c->qpath, (enum report_fmt) fmt, &c->so, c->title, c->out);
}

static int
mode_report_oscal(const cli *c)
{
  /* JSON: never into a terminal either. */
  if (refuse_terminal_output(c->out, REPORT_JSON, "--report", "oscal", c->files, 1))
    return 2;
  return run_oscal_results(c->files[0], c->qpath, c->out);
}

static int
mode_report(const cli *c)
{
  bool plan = c->mode == M_PLAN;
  int fmt = report_fmt_parse(c->arg);
  if (fmt < 0 && !plan)
    return bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html, xlsx or oscal"), c->arg));
  if (fmt < 0)
    return bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, excel-csv, json, html or xlsx"), c->arg));
  /* Without a file, the default one, as the session uses. */
  char *dflt = c->nfiles == 0 ? path_default_answers() : NULL;
  if (c->nfiles == 0 && !dflt)
    {
      fprintf(stderr, "%s: %s\n", PACKAGE,
              _("neither XDG_DATA_HOME nor HOME is set; give the answers file as an argument"));
      return 2;
    }
  const char *file = c->nfiles == 1 ? c->files[0] : dflt;
  if (refuse_terminal_output(c->out, (enum report_fmt) fmt, plan ? "--plan" : "--report", c->arg, c->files,
                             c->nfiles))
    {
      free(dflt);
      return 2;
    }
  int rc = run_report(file, c->qpath, c->prev, (enum report_fmt) fmt, plan, c->out);
  free(dflt);
  return rc;
}

static int
mode_session(const cli *c)
{
  char *path = c->nfiles == 1 ? xstrdup(c->files[0]) : path_default_answers();
  if (!path)
    {
      fprintf(stderr, "%s: %s\n", PACKAGE,
              _("neither XDG_DATA_HOME nor HOME is set; give the answers file as an argument"));
      return 2;
    }
  bool want_line = c->line;
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
      line_opts lo = { c->qpath, c->prev, why };
      rc = line_main(path, &lo);
    }
  else
    {
      ui_opts uo = { c->qpath, c->prev, c->no_mouse };
      rc = ui_main(path, &uo);
    }
  free(why);
  free(path);
  return finish_stdout(rc);
}

static const mode_row modes[M_NROWS] = {
  [M_SESSION] = { NULL, false, 0, 1, NULL, NULL, N_("too many files: '%s'; expected one answers file"),
                  O_QN | O_PREVIOUS | O_NO_MOUSE | O_LINE, false, false, NULL, NULL, mode_session },
  [M_CHECK] = { "--check", true, 0, MANY, NULL, NULL, NULL, 0, false, true, NULL, NULL, mode_check },
  [M_REPORT] = { "--report", false, 0, 1, NULL, NULL, N_("too many files: '%s'; expected one answers file"),
                 O_QN | O_PREVIOUS | O_OUTPUT, false, true, variant_report, check_format_taken_for_file,
                 mode_report },
  [M_PLAN] = { "--plan", false, 0, 1, NULL, NULL, N_("too many files: '%s'; expected one answers file"),
               O_QN | O_OUTPUT, false, true, NULL, check_format_taken_for_file, mode_report },
  [M_COMPARE] = { "--compare", false, 2, 2, "OLD-ANSWERS NEW-ANSWERS",
                  N_("%s needs two answers files: the old one, then the new one"), NULL, O_QN | O_OUTPUT, false,
                  true, variant_compare, check_format_taken_for_file, mode_compare },
  [M_NEXT_CYCLE] = { "--next-cycle", false, 2, 2, "OLD-ANSWERS NEW-ANSWERS",
                     N_("%s needs two answers files: the old one, then the new one"), NULL, O_QN, false, true,
                     NULL, NULL, mode_next_cycle },
  [M_AGGREGATE] = { "--aggregate", false, 1, MANY, "PATH...", N_("%s needs at least one file or folder"), NULL,
                    O_QN | O_OUTPUT | O_NAMES | O_PATTERN | O_TITLE, false, true, NULL,
                    check_format_taken_for_file, mode_aggregate },
  [M_MERGE] = { "--merge", true, 1, MANY, "ANSWERS-FILE...", N_("%s needs the answers files to merge"), NULL,
                O_QN | O_PROFILE_FROM | O_DRY_RUN, false, true, NULL, NULL, mode_merge },
  [M_MIGRATE] = { "--migrate", true, 2, MANY, "OLD-ANSWERS NEW-ANSWERS",
                  N_("%s needs the old and the new answers file"), NULL, 0, false, true, NULL, NULL,
                  mode_migrate },
  [M_EXPORT_QN] = { "--export-questionnaire", false, 0, 1, NULL, NULL,
                    N_("too many files: '%s'; expected one questionnaire file"), O_QN, true, false, NULL, NULL,
                    mode_export_qn },
  [M_IMPORT_QN] = { "--import-questionnaire", true, 1, 1, "NEW-QUESTIONNAIRE",
                    N_("%s needs the name of the new questionnaire file"), NULL, 0, false, false, NULL, NULL,
                    mode_import_qn },
  [M_DRAFT] = { "--draft-mapping", false, 2, 2, "OLD-QUESTIONNAIRE NEW-QUESTIONNAIRE",
                N_("%s needs the old and the new questionnaire file"), NULL, 0, false, false, NULL, NULL,
                mode_draft },
  [M_EXPORT_MAP] = { "--export-mapping", false, 1, MANY, "MAPPING", N_("%s needs one file: %s"), NULL, 0, false,
                     false, NULL, NULL, mode_export_map },
  [M_IMPORT_MAP] = { "--import-mapping", true, 1, 1, "NEW-MAPPING", N_("%s needs one file: %s"), NULL, 0, false,
                     false, NULL, NULL, mode_import_map },
  [M_EXPORT] = { "--export", false, 0, 1, NULL, NULL, N_("too many files: '%s'; expected one questionnaire file"),
                 O_QN, true, false, variant_export, NULL, mode_export },
  [M_REPORT_OSCAL] = { "--report=oscal", false, 1, 1, "ANSWERS-FILE", N_("%s needs an answers file"),
                       N_("too many files: '%s'; expected one answers file"), O_QN | O_OUTPUT, false, true, NULL,
                       NULL, mode_report_oscal },
  [M_SECTOR_COMPARE] = { "--compare", false, 2, 2, "OLD-ANSWERS NEW-ANSWERS",
                         N_("%s needs two answers files: the old one, then the new one"), NULL,
                         O_QN | O_OUTPUT | O_NAMES | O_PATTERN | O_TITLE, false, true, NULL, NULL,
                         mode_sector_compare },
  [M_EXPORT_OSCAL_MAP] = { "--export=oscal-mapping", false, 1, MANY, "MAPPING", N_("%s needs one file: %s"), NULL,
                           0, false, false, NULL, NULL, mode_export_oscal_map },
};

/* The messages of the table are formats chosen by row, which no compiler
 * can check against their arguments: each row's `few' takes the mode and
 * its files (a format may use only the first), `many' takes one file. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
files_message(const char *fmt, const char *a, const char *b)
{
  return xasprintf(_(fmt), a, b);
}
#pragma GCC diagnostic pop

/* The modes that take option bit `o', for a message ("--report, --plan,
 * --compare, --aggregate"), and how many.  The forms of a mode (the rows
 * after M_EXPORT) are not named: --names is "used with --aggregate",
 * though a comparison of two folders takes it too. */
static char *
modes_taking(unsigned o, int *n)
{
  char *list = NULL;
  *n = 0;
  for (int m = M_SESSION; m <= M_EXPORT; m++)
    {
      if (!(modes[m].takes & o))
        continue;
      const char *name = modes[m].name ? modes[m].name : _("the interactive session");
      char *more = list ? xasprintf("%s, %s", list, name) : xstrdup(name);
      free(list);
      list = more;
      ++*n;
    }
  return list;
}

/* The first option given that the row does not take, refused in one
 * line; 0 when every one is taken.  The line names the modes that take
 * the option when they are few, else the mode it was given with (-q goes
 * with nine), as it does for a form of a mode: "--previous is used with
 * --report" would puzzle after --report=oscal. */
static int
check_options(const cli *c, const mode_row *row)
{
  for (int i = 0; i < N_OPTION_NAMES; i++)
    {
      unsigned o = 1u << i;
      if (!(c->opts & o) || (row->takes & o))
        continue;
      int n;
      char *list = modes_taking(o, &n);
      char *msg;
      if (n == 1 && (modes[M_SESSION].takes & o))
        msg = xasprintf(_("%s is used with the interactive session only"), option_names[i]);
      else if ((n <= 4 && c->mode <= M_EXPORT) || !row->name)
        msg = xasprintf(_("%s is used with %s"), option_names[i], list);
      else
        msg = xasprintf(_("%s cannot be combined with %s"), option_names[i], row->name);
      free(list);
      return bad_usage(msg);
    }
  return 0;
}

/* The files against the row's count (-q counting as the file where it
 * stands for one); 0 when they fit. */
static int
check_files(const cli *c, const mode_row *row)
{
  size_t q = row->qn_is_file && c->qpath ? 1 : 0, n = c->nfiles + q;
  if (n > row->max && row->many)
    return bad_usage(files_message(row->many, c->files[row->max - q], NULL));
  if (n < row->min || n > row->max)
    return bad_usage(files_message(row->few, row->name, row->files));
  return 0;
}

/* Set the mode of an option, noting a second mode for the one message
 * that refuses two. */
static void
set_mode(cli *c, enum mode m, const char *arg, const char *fmt_opt, enum mode *second)
{
  if (c->mode != M_SESSION && c->mode != m && *second == M_SESSION)
    *second = m;
  if (c->mode == M_SESSION)
    c->mode = m;
  if (m == c->mode)
    {
      c->arg = arg;
      c->fmt_opt = fmt_opt;
    }
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

  cli c = { .mode = M_SESSION };
  enum mode second = M_SESSION;
  int opt;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":r::c:m:q:l:o:nhV", long_options, NULL)) != -1)
    {
      switch (opt)
        {
        case 'r':
          set_mode(&c, M_REPORT, optarg, "--report", &second);
          break;
        case OPT_PLAN:
          set_mode(&c, M_PLAN, optarg, "--plan", &second);
          break;
        case OPT_COMPARE:
          set_mode(&c, M_COMPARE, optarg, "--compare", &second);
          break;
        case OPT_AGGREGATE:
          set_mode(&c, M_AGGREGATE, optarg, "--aggregate", &second);
          break;
        case OPT_NEXT_CYCLE:
          set_mode(&c, M_NEXT_CYCLE, NULL, NULL, &second);
          break;
        case 'c':
          set_mode(&c, M_CHECK, optarg, NULL, &second);
          break;
        case 'm':
          set_mode(&c, M_MIGRATE, optarg, NULL, &second);
          break;
        case OPT_MERGE:
          set_mode(&c, M_MERGE, optarg, NULL, &second);
          break;
        case OPT_EXPORT_QN:
          set_mode(&c, M_EXPORT_QN, optarg, NULL, &second);
          break;
        case OPT_IMPORT_QN:
          set_mode(&c, M_IMPORT_QN, optarg, NULL, &second);
          break;
        case OPT_DRAFT_MAPPING:
          set_mode(&c, M_DRAFT, NULL, NULL, &second);
          break;
        case OPT_EXPORT_MAP:
          set_mode(&c, M_EXPORT_MAP, optarg, NULL, &second);
          break;
        case OPT_IMPORT_MAP:
          set_mode(&c, M_IMPORT_MAP, optarg, NULL, &second);
          break;
        case OPT_EXPORT:
          set_mode(&c, M_EXPORT, optarg, NULL, &second);
          break;
        case 'q':
          c.qpath = given_qpath = optarg;
          c.opts |= O_QN;
          break;
        case OPT_PREVIOUS:
          c.prev = optarg;
          c.opts |= O_PREVIOUS;
          break;
        case 'o':
          c.out = optarg;
          c.opts |= O_OUTPUT;
          break;
        case OPT_TITLE:
          c.title = optarg;
          c.opts |= O_TITLE;
          break;
        case OPT_NAMES:
          c.so.names = true;
          c.opts |= O_NAMES;
          break;
        case OPT_PATTERN:
          c.so.pattern = optarg;
          c.opts |= O_PATTERN;
          break;
        case OPT_PROFILE_FROM:
          c.profile_from = optarg;
          c.opts |= O_PROFILE_FROM;
          break;
        case 'n':
          c.dry_run = true;
          c.opts |= O_DRY_RUN;
          break;
        case OPT_NO_MOUSE:
          c.no_mouse = true;
          c.opts |= O_NO_MOUSE;
          break;
        case OPT_LINE:
          c.line = true;
          c.opts |= O_LINE;
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
  c.files = argv + optind;
  c.nfiles = (size_t) (argc - optind);

  /* An empty name is no file; refuse it here rather than let each mode
   * turn it into a confusing system error. */
  bool empty = modes[c.mode].arg_is_file && c.arg && !*c.arg;
  for (size_t i = 0; i < c.nfiles; i++)
    empty |= !*c.files[i];
  if ((c.qpath && !*c.qpath) || (c.prev && !*c.prev) || (c.profile_from && !*c.profile_from)
      || (c.out && !*c.out) || empty)
    return bad_usage(xasprintf("%s", _("an empty file name was given; expected the name of a file")));
  if (second != M_SESSION)
    return bad_usage(xasprintf(_("%s and %s cannot be combined; choose one"), modes[c.mode].name,
                               modes[second].name));
  if (modes[c.mode].variant)
    c.mode = modes[c.mode].variant(&c);
  const mode_row *row = &modes[c.mode];
  int rc = check_options(&c, row);
  if (rc)
    return rc;
  if (row->says_fallback && i18n_fallback_reason())
    fprintf(stderr, "%s: %s\n", PACKAGE, i18n_fallback_reason());
  if (row->check && (rc = row->check(&c)) != 0)
    return rc;
  if ((rc = check_files(&c, row)) != 0)
    return rc;
  return row->run(&c);
}
