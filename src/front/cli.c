/* cli: what kijun's command line says to people, for main.c and the
 * runners of its modes (cli_run.c): the usage line and --help, bad usage
 * in one line, where a report goes (standard output or -o, never
 * markup poured into a terminal), and the exit status of a lost write. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "front/cli.h"
#include "io/afile.h"
#include "io/paths.h"

void
cli_usage_line(FILE *f)
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

void
cli_help(void)
{
  cli_usage_line(stdout);
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
int
cli_bad_usage(char *msg)
{
  if (msg)
    {
      /* msg quotes the command line, which may hold anything. */
      char *shown = txt_sanitize(msg, true);
      fprintf(stderr, "%s: %s\n", PACKAGE, shown);
      free(shown);
    }
  free(msg);
  cli_usage_line(stderr);
  fprintf(stderr, _("Try '%s --help' for more information.\n"), path_invocation());
  return 2;
}

/* Flush stdout and turn a failed write (a full disk, a closed pipe) into
 * an exit status, as GNU's close_stdout does. */
int
cli_finish_stdout(int status)
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

int
cli_emit_report(const char *out, cli_render_fn render, void *ctx)
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
int
cli_refuse_output(const cli *c, enum report_fmt fmt, const char *opt, const char *fmtname, size_t nfiles)
{
  if (c->out || !report_fmt_binaryish(fmt) || !isatty(STDOUT_FILENO))
    return 0;
  const char *mode = strcmp(opt, "--report") == 0 ? "report" : opt + 2;
  char *qq = c->qpath ? path_shell_quote(c->qpath) : NULL;
  char *cmd = xasprintf("%s%s%s %s=%s -o %s", path_invocation(), qq ? " -q " : "", qq ? qq : "", opt, fmtname,
                        suggested_name(mode, fmt));
  free(qq);
  for (size_t i = 0; i < nfiles; i++)
    {
      char *q = path_shell_quote(c->files[i]);
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

/* "--report html FILE": the format taken for a file, since optional
 * arguments need "=", which nobody guesses.  Its own message: no count of
 * files would say what went wrong. */
int
cli_format_taken_for_file(const cli *c)
{
  if (c->fmt_opt && !c->arg && c->nfiles >= 1 && report_fmt_parse(c->files[0]) >= 0
      && strcmp(c->files[0], "text") != 0 && access(c->files[0], F_OK) != 0)
    return cli_bad_usage(xasprintf(_("'%s' is taken as a file name; to choose the format, write %s=%s "
                                 "(with '=', no space)"),
                               c->files[0], c->fmt_opt, c->files[0]));
  return 0;
}
