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
 * --report=oscal, --export=oscal-mapping and the comparison of two
 * folders are forms of a mode with rows of their own, chosen by a variant
 * hook; "--report html FILE" is a check hook.
 *
 * The runners are in front/cli_run.c, the usage and help texts in
 * front/cli.c; only the interactive session's runner is here, as it
 * calls the two front ends (line/, tui/), which only this top file may
 * include. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "front/cli.h"
#include "front/cli_run.h"
#include "io/paths.h"
#include "line/line.h"
#include "report/oscal.h"
#include "tui/ui.h"

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

/* The modes, a row each of the table below. */
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
  return cli_run_sector_files(c) ? M_SECTOR_COMPARE : M_COMPARE;
}

/* --export=oscal-mapping writes a mapping, found as --check finds its
 * questionnaires: another file and no -q. */
static enum mode
variant_export(const cli *c)
{
  return oscal_export_parse(c->arg) == OSCAL_MAPPING ? M_EXPORT_OSCAL_MAP : M_EXPORT;
}

/* The interactive session: the one runner that calls the front ends,
 * which only this top file may include. */
static int
session_run(const cli *c)
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
  return cli_finish_stdout(rc);
}

static const mode_row modes[M_NROWS] = {
  [M_SESSION] = { NULL, false, 0, 1, NULL, NULL, N_("too many files: '%s'; expected one answers file"),
                  O_QN | O_PREVIOUS | O_NO_MOUSE | O_LINE, false, false, NULL, NULL, session_run },
  [M_CHECK] = { "--check", true, 0, MANY, NULL, NULL, NULL, 0, false, true, NULL, NULL, cli_run_check },
  [M_REPORT] = { "--report", false, 0, 1, NULL, NULL, N_("too many files: '%s'; expected one answers file"),
                 O_QN | O_PREVIOUS | O_OUTPUT, false, true, variant_report, cli_format_taken_for_file,
                 cli_run_report },
  [M_PLAN] = { "--plan", false, 0, 1, NULL, NULL, N_("too many files: '%s'; expected one answers file"),
               O_QN | O_OUTPUT, false, true, NULL, cli_format_taken_for_file, cli_run_plan },
  [M_COMPARE] = { "--compare", false, 2, 2, "OLD-ANSWERS NEW-ANSWERS",
                  N_("%s needs two answers files: the old one, then the new one"), NULL, O_QN | O_OUTPUT, false,
                  true, variant_compare, cli_format_taken_for_file, cli_run_compare },
  [M_NEXT_CYCLE] = { "--next-cycle", false, 2, 2, "OLD-ANSWERS NEW-ANSWERS",
                     N_("%s needs two answers files: the old one, then the new one"), NULL, O_QN, false, true,
                     NULL, NULL, cli_run_next_cycle },
  [M_AGGREGATE] = { "--aggregate", false, 1, MANY, "PATH...", N_("%s needs at least one file or folder"), NULL,
                    O_QN | O_OUTPUT | O_NAMES | O_PATTERN | O_TITLE, false, true, NULL,
                    cli_format_taken_for_file, cli_run_aggregate },
  [M_MERGE] = { "--merge", true, 1, MANY, "ANSWERS-FILE...", N_("%s needs the answers files to merge"), NULL,
                O_QN | O_PROFILE_FROM | O_DRY_RUN, false, true, NULL, NULL, cli_run_merge },
  [M_MIGRATE] = { "--migrate", true, 2, MANY, "OLD-ANSWERS NEW-ANSWERS",
                  N_("%s needs the old and the new answers file"), NULL, 0, false, true, NULL, NULL,
                  cli_run_migrate },
  [M_EXPORT_QN] = { "--export-questionnaire", false, 0, 1, NULL, NULL,
                    N_("too many files: '%s'; expected one questionnaire file"), O_QN, true, false, NULL, NULL,
                    cli_run_export_qn },
  [M_IMPORT_QN] = { "--import-questionnaire", true, 1, 1, "NEW-QUESTIONNAIRE",
                    N_("%s needs the name of the new questionnaire file"), NULL, 0, false, false, NULL, NULL,
                    cli_run_import_qn },
  [M_DRAFT] = { "--draft-mapping", false, 2, 2, "OLD-QUESTIONNAIRE NEW-QUESTIONNAIRE",
                N_("%s needs the old and the new questionnaire file"), NULL, 0, false, false, NULL, NULL,
                cli_run_draft },
  [M_EXPORT_MAP] = { "--export-mapping", false, 1, MANY, "MAPPING", N_("%s needs one file: %s"), NULL, 0, false,
                     false, NULL, NULL, cli_run_export_map },
  [M_IMPORT_MAP] = { "--import-mapping", true, 1, 1, "NEW-MAPPING", N_("%s needs one file: %s"), NULL, 0, false,
                     false, NULL, NULL, cli_run_import_map },
  [M_EXPORT] = { "--export", false, 0, 1, NULL, NULL, N_("too many files: '%s'; expected one questionnaire file"),
                 O_QN, true, false, variant_export, NULL, cli_run_export },
  [M_REPORT_OSCAL] = { "--report=oscal", false, 1, 1, "ANSWERS-FILE", N_("%s needs an answers file"),
                       N_("too many files: '%s'; expected one answers file"), O_QN | O_OUTPUT, false, true, NULL,
                       NULL, cli_run_report_oscal },
  [M_SECTOR_COMPARE] = { "--compare", false, 2, 2, "OLD-ANSWERS NEW-ANSWERS",
                         N_("%s needs two answers files: the old one, then the new one"), NULL,
                         O_QN | O_OUTPUT | O_NAMES | O_PATTERN | O_TITLE, false, true, NULL, NULL,
                         cli_run_sector_compare },
  [M_EXPORT_OSCAL_MAP] = { "--export=oscal-mapping", false, 1, MANY, "MAPPING", N_("%s needs one file: %s"), NULL,
                           0, false, false, NULL, NULL, cli_run_export_oscal_map },
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
      /* TRANSLATORS: joins two items of a list (here of modes: "the
         interactive session, --report"). */
      char *more = list ? xasprintf(_("%s, %s"), list, name) : xstrdup(name);
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
check_options(const cli *c, enum mode mode, const mode_row *row)
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
      else if ((n <= 4 && mode <= M_EXPORT) || !row->name)
        msg = xasprintf(_("%s is used with %s"), option_names[i], list);
      else
        msg = xasprintf(_("%s cannot be combined with %s"), option_names[i], row->name);
      free(list);
      return cli_bad_usage(msg);
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
    return cli_bad_usage(files_message(row->many, c->files[row->max - q], NULL));
  if (n < row->min || n > row->max)
    return cli_bad_usage(files_message(row->few, row->name, row->files));
  return 0;
}

/* Set the mode of an option, noting a second mode for the one message
 * that refuses two. */
static void
set_mode(cli *c, enum mode *mode, enum mode m, const char *arg, const char *fmt_opt, enum mode *second)
{
  if (*mode != M_SESSION && *mode != m && *second == M_SESSION)
    *second = m;
  if (*mode == M_SESSION)
    *mode = m;
  if (m == *mode)
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

  cli c = { 0 };
  enum mode mode = M_SESSION, second = M_SESSION;
  int opt;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, ":r::c:m:q:l:o:nhV", long_options, NULL)) != -1)
    {
      switch (opt)
        {
        case 'r':
          set_mode(&c, &mode, M_REPORT, optarg, "--report", &second);
          break;
        case OPT_PLAN:
          set_mode(&c, &mode, M_PLAN, optarg, "--plan", &second);
          break;
        case OPT_COMPARE:
          set_mode(&c, &mode, M_COMPARE, optarg, "--compare", &second);
          break;
        case OPT_AGGREGATE:
          set_mode(&c, &mode, M_AGGREGATE, optarg, "--aggregate", &second);
          break;
        case OPT_NEXT_CYCLE:
          set_mode(&c, &mode, M_NEXT_CYCLE, NULL, NULL, &second);
          break;
        case 'c':
          set_mode(&c, &mode, M_CHECK, optarg, NULL, &second);
          break;
        case 'm':
          set_mode(&c, &mode, M_MIGRATE, optarg, NULL, &second);
          break;
        case OPT_MERGE:
          set_mode(&c, &mode, M_MERGE, optarg, NULL, &second);
          break;
        case OPT_EXPORT_QN:
          set_mode(&c, &mode, M_EXPORT_QN, optarg, NULL, &second);
          break;
        case OPT_IMPORT_QN:
          set_mode(&c, &mode, M_IMPORT_QN, optarg, NULL, &second);
          break;
        case OPT_DRAFT_MAPPING:
          set_mode(&c, &mode, M_DRAFT, NULL, NULL, &second);
          break;
        case OPT_EXPORT_MAP:
          set_mode(&c, &mode, M_EXPORT_MAP, optarg, NULL, &second);
          break;
        case OPT_IMPORT_MAP:
          set_mode(&c, &mode, M_IMPORT_MAP, optarg, NULL, &second);
          break;
        case OPT_EXPORT:
          set_mode(&c, &mode, M_EXPORT, optarg, NULL, &second);
          break;
        case 'q':
          c.qpath = optarg;
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
            return cli_bad_usage(xasprintf(_("invalid language '%s'; expected ja or en"), optarg));
          break;
        case OPT_HELP:
          cli_help();
          return cli_finish_stdout(0);
        case OPT_VERSION:
          printf("%s %s\n", PACKAGE, VERSION);
          return cli_finish_stdout(0);
        case ':':
          return cli_bad_usage(xasprintf(_("option '%s' needs an argument"), argv[optind - 1]));
        default:
          return cli_bad_usage(xasprintf(_("unknown option '%s'"), argv[optind - 1]));
        }
    }
  c.files = argv + optind;
  c.nfiles = (size_t) (argc - optind);

  /* An empty name is no file; refuse it here rather than let each mode
   * turn it into a confusing system error. */
  bool empty = modes[mode].arg_is_file && c.arg && !*c.arg;
  for (size_t i = 0; i < c.nfiles; i++)
    empty |= !*c.files[i];
  if ((c.qpath && !*c.qpath) || (c.prev && !*c.prev) || (c.profile_from && !*c.profile_from)
      || (c.out && !*c.out) || empty)
    return cli_bad_usage(xasprintf("%s", _("an empty file name was given; expected the name of a file")));
  if (second != M_SESSION)
    return cli_bad_usage(xasprintf(_("%s and %s cannot be combined; choose one"), modes[mode].name,
                               modes[second].name));
  if (modes[mode].variant)
    mode = modes[mode].variant(&c);
  const mode_row *row = &modes[mode];
  int rc = check_options(&c, mode, row);
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
