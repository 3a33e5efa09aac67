/* migrate: kijun --migrate=MAPPING OLD-ANSWERS NEW-ANSWERS: carry an
 * assessment to another questionnaire through a mapping file
 * (kijun-mapping(5)).  Each target question receives the answers of the
 * source questions mapped to it, with their notes, evidence and where
 * they came from, as the relation allows (mig_rule); the profile is
 * carried; source answers no entry maps are kept in the new file's
 * retired list.  The new file is never written over an existing one. */
#ifndef KIJUN_MIGRATE_H
#define KIJUN_MIGRATE_H

#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"
#include "io/mapping.h"
#include "model/answers.h"

/* What becomes of one source answer carried through one entry
 * (kijun-mapping(5), "What an answer becomes"). */
enum mig_outcome
{
  MIG_CARRY,                  /* carried as given */
  MIG_RECONFIRM,              /* carried, to reconfirm */
  MIG_PROPOSE,                /* shown as a proposal: the question stays unanswered */
  MIG_NOTHING                 /* not carried */
};

/* The rule, written once: an answer of status st through an entry of
 * relation rel; one_to_one when the source question is mapped to no other
 * target; draft when the mapping's status is draft.  Several answers for
 * one target are then combined: the least met status, the least certain
 * outcome. */
enum mig_outcome mig_rule(enum map_relation rel, bool one_to_one, enum ans_status st, bool draft);

/* What a migration did, for its summary. */
typedef struct mig_counts
{
  size_t carried;             /* target questions that received an answer */
  size_t reconfirm;           /* ... of them awaiting reconfirmation */
  size_t proposed;            /* ... of them only as a proposal */
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
