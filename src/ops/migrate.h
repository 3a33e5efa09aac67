/* migrate: kijun --migrate=MAPPING OLD-ANSWERS NEW-ANSWERS: carry an
 * assessment to another questionnaire through a mapping file
 * (kijun-mapping(5)).  Each target question receives the answers of the
 * source questions mapped to it, with their notes, evidence and where
 * they came from; every carried answer awaits reconfirmation except one
 * of an equal relation; the profile is carried; source answers no entry
 * maps are kept in the new file's retired list.  The new file is never
 * written over an existing one. */
#ifndef KIJUN_MIGRATE_H
#define KIJUN_MIGRATE_H

#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"

/* What a migration did, for its summary. */
typedef struct mig_counts
{
  size_t carried;             /* target questions that received an answer */
  size_t reconfirm;           /* ... of them awaiting reconfirmation */
  size_t unmapped;            /* source answers in no entry: retired */
  size_t unanswered;          /* target questions left unanswered */
} mig_counts;

/* Migrate.  qfiles are questionnaire files for the mapping's sides (as
 * for --check); otherwise the installed ones are used.  Prints the
 * summary to out.  Returns 0, EX_USAGE for bad usage (extra files that do not
 * fit), or a sysexits status (EX_CANTCREAT when new_path exists), the
 * problems in d and warnings in warn. */
int mig_run(const char *map_path, const char *old_path, const char *new_path, char *const *qfiles,
            size_t nqfiles, FILE *out, diag_t *d, diag_t *warn, mig_counts *counts);

#endif
