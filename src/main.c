/* main: kijun's command line.  It parses the options (GNU style), sets up
 * the language, and hands over to one of the modes: --check, --report,
 * --plan, --compare, --next-cycle or the interactive session.  Exit statuses follow sysexits(3) and are
 * listed in kijun(1). */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "check.h"
#include "cycle.h"
#include "diag.h"
#include "i18n.h"
#include "migrate.h"
#include "paths.h"
#include "qload.h"
#include "report.h"
#include "report_compare.h"
#include "report_plan.h"
#include "session.h"
#include "text.h"
#include "ui.h"
#include "xalloc.h"

enum { OPT_HELP = 'h', OPT_VERSION = 'V', OPT_PLAN = 256, OPT_COMPARE, OPT_NEXT_CYCLE, OPT_PREVIOUS };

static const struct option long_options[] = {
  { "report", optional_argument, NULL, 'r' },
  { "plan", optional_argument, NULL, OPT_PLAN },
  { "compare", optional_argument, NULL, OPT_COMPARE },
  { "next-cycle", no_argument, NULL, OPT_NEXT_CYCLE },
  { "previous", required_argument, NULL, OPT_PREVIOUS },
  { "check", required_argument, NULL, 'c' },
  { "migrate", required_argument, NULL, 'm' },
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
              "  or:  %s --next-cycle OLD-ANSWERS NEW-ANSWERS\n"),
          PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE);
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
          "  -r, --report[=FORMAT]      print the coverage report of ANSWERS-FILE and exit;\n"
          "                             FORMAT is text (default), markdown, csv, json\n"
          "                             or html\n"
          "      --plan[=FORMAT]        print the improvement plan of ANSWERS-FILE (every\n"
          "                             question not met, with its action, owner and\n"
          "                             dates) and exit; FORMAT as for --report\n"
          "      --compare[=FORMAT]     compare two assessments, OLD-ANSWERS then\n"
          "                             NEW-ANSWERS: coverage then and now, questions that\n"
          "                             regressed, became met or are still not met, the\n"
          "                             old plan's overdue items; FORMAT as for --report;\n"
          "                             exit status 1 when a question regressed\n"
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
          "  -q, --questionnaire=FILE   use this questionnaire instead of the installed one\n"
          "                             that the answers file names\n"
          "  -l, --lang=LANG            language of messages and questions: ja or en\n"
          "                             (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)\n"
          "  -h, --help                 show this help and exit\n"
          "  -V, --version              show the version and exit\n"
          "\n"), stdout);
  fputs(_("Exit status: 0 success, 1 --compare found a question that regressed, 2 bad\n"
          "usage, 65 bad data, 66 a file cannot be opened, 73 a file cannot be created,\n"
          "74 a file cannot be written.\n"
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
  fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
  return 2;
}

/* Flush stdout and turn a failed write (a full disk, a closed pipe) into
 * an exit status, as GNU's close_stdout does. */
static int
finish_stdout(int status)
{
  if (fflush(stdout) != 0 || ferror(stdout))
    {
      if (status == 0)
        {
          fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("write error"), strerror(errno));
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

/* The previous cycle of s, from prev (--previous) or its record; a record
 * whose file is gone is only a warning (its figures still serve). */
static int
open_previous(const session *s, const char *prev, diag_t *d, assessment **out)
{
  int rc = cycle_open_previous(s, prev, d, out);
  return prev ? rc : 0;
}

static int
run_report(const char *path, const char *qpath, const char *prev, enum report_fmt fmt, bool plan)
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
      if (plan)
        report_plan_write(stdout, fmt, &r);
      else
        report_write(stdout, fmt, &r);
      if (has_then)
        cov_free(&then);
    }
  ans_free(pa);
  session_close(&s);
  return finish_stdout(rc);
}

static int
run_compare(const char *oldpath, const char *newpath, const char *qpath, enum report_fmt fmt)
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
      report_compare_write(stdout, fmt, &r, &regressed);
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

  const char *check = NULL, *qpath = NULL, *report = NULL, *migrate = NULL, *prev = NULL;
  bool want_report = false, want_plan = false, want_compare = false, want_next = false;
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":r::c:m:q:l:hV", long_options, NULL)) != -1)
    {
      switch (c)
        {
        case 'r':
          want_report = true;
          report = optarg;
          break;
        case OPT_PLAN:
          want_plan = true;
          report = optarg;
          break;
        case OPT_COMPARE:
          want_compare = true;
          report = optarg;
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
        case 'q':
          qpath = optarg;
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
  if ((check && !*check) || (migrate && !*migrate) || (qpath && !*qpath) || (prev && !*prev) || empty)
    return bad_usage(xasprintf("%s", _("an empty file name was given; expected the name of a file")));
  /* The modes of the PDCA loop go with no other mode. */
  int loop = want_plan + want_compare + want_next;
  if (loop && loop + want_report + !!check + !!migrate > 1)
    return bad_usage(xasprintf("%s", _("--check, --migrate, --report, --plan, --compare and --next-cycle cannot be combined; choose one")));
  if (i18n_fallback_reason() && (check || migrate || want_report || loop))
    fprintf(stderr, "%s: %s\n", PACKAGE, i18n_fallback_reason());
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

  int fmt = report_fmt_parse(report);
  if (fmt < 0)
    return bad_usage(xasprintf(_("unknown report format '%s'; expected text, markdown, csv, json or html"), report));
  if (want_compare)
    return run_compare(argv[optind], argv[optind + 1], qpath, (enum report_fmt) fmt);
  if (want_report || want_plan)
    {
      if (rest != 1)
        return bad_usage(xasprintf(_("%s needs an answers file"), want_plan ? "--plan" : "--report"));
      return run_report(argv[optind], qpath, prev, (enum report_fmt) fmt, want_plan);
    }

  char *path = rest == 1 ? xstrdup(argv[optind]) : path_default_answers();
  if (!path)
    {
      fprintf(stderr, "%s: %s\n", PACKAGE,
              _("neither XDG_DATA_HOME nor HOME is set; give the answers file as an argument"));
      return 2;
    }
  int rc = ui_main(path, qpath, prev);
  free(path);
  return finish_stdout(rc);
}
