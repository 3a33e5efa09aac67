/* cli: what kijun's command line read (struct cli, filled by main.c's
 * option parser and checked against its table of modes) and what it says
 * to people: usage, help, bad usage, where a report goes. */
#ifndef KIJUN_CLI_H
#define KIJUN_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ops/survey.h"
#include "report/report.h"

/* The command line, read once: the mode option's argument, the options
 * that modify the mode and the files that follow them. */
typedef struct cli
{
  const char *arg;      /* the mode option's argument: a format, a file, NULL */
  const char *fmt_opt;  /* the option whose =FORMAT is optional, if one was given */
  unsigned opts;        /* the options given, a bit each (main.c's O_ bits) */
  const char *qpath, *prev, *out, *title, *profile_from;
  survey_opts so;
  bool dry_run, no_mouse, line;
  char *const *files;
  size_t nfiles;
} cli;

void cli_usage_line(FILE *f);
void cli_help(void);
/* Print msg (already formatted and freed here, or NULL), the usage line
 * and the hint; returns the status of bad usage (2). */
int cli_bad_usage(char *msg);
/* Flush stdout and turn a failed write (a full disk, a closed pipe) into
 * an exit status, as GNU's close_stdout does. */
int cli_finish_stdout(int status);

/* A report renders into a stream; with -o (out) it goes to a file,
 * replaced atomically (afile.h), else to standard output. */
typedef int (*cli_render_fn)(FILE *f, void *ctx);
int cli_emit_report(const char *out, cli_render_fn render, void *ctx);
/* HTML, JSON and workbooks are never poured into a terminal: say how to
 * write the file instead (the command printed names c's -q and first
 * nfiles files); 2 then, else 0. */
int cli_refuse_output(const cli *c, enum report_fmt fmt, const char *opt, const char *fmtname, size_t nfiles);
/* "--report html FILE": the format taken for a file; 2 (said) or 0. */
int cli_format_taken_for_file(const cli *c);

#endif
