/* cli_run: the runners of the command line's modes, one each, called by
 * main.c from its table once the files and options have been checked
 * against the mode's row.  Each returns the exit status. */
#ifndef KIJUN_CLI_RUN_H
#define KIJUN_CLI_RUN_H

#include <stdbool.h>

#include "front/cli.h"

int cli_run_check(const cli *c);
int cli_run_report(const cli *c);
int cli_run_report_oscal(const cli *c);
int cli_run_plan(const cli *c);
int cli_run_compare(const cli *c);
int cli_run_sector_compare(const cli *c);
int cli_run_next_cycle(const cli *c);
int cli_run_aggregate(const cli *c);
int cli_run_merge(const cli *c);
int cli_run_migrate(const cli *c);
int cli_run_export_qn(const cli *c);
int cli_run_import_qn(const cli *c);
int cli_run_draft(const cli *c);
int cli_run_export_map(const cli *c);
int cli_run_import_map(const cli *c);
int cli_run_export(const cli *c);
int cli_run_export_oscal_map(const cli *c);

/* Whether the two files of --compare are a sector's (folders, or
 * --aggregate=json reports): the comparison's variant. */
bool cli_run_sector_files(const cli *c);

#endif
