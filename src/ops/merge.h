/* merge: one assessment made of several answers files of the same
 * questionnaire (kijun --merge), such as the parts that the IT
 * department, the control-systems team and facilities each answered.
 *
 * Each input is bound to the current edition of the questionnaire first,
 * as when it is opened.  A question answered in one input takes that
 * answer; inputs that answer alike agree; answers that differ are a
 * conflict, resolved as the editions carry several answers into one
 * (ans_combine): the least met status, every note and evidence line
 * kept and labelled with the input's respondent (or file name), the
 * plans combined (every action labelled, the earliest due date), the
 * answer marked to reconfirm.  Nothing a person wrote is dropped:
 * answers to questions no longer asked are all kept too. */
#ifndef KIJUN_MERGE_H
#define KIJUN_MERGE_H

#include <stdbool.h>
#include <stdio.h>

#include "model/answers.h"
#include "base/diag.h"
#include "model/qn.h"

typedef struct merge_input
{
  char *path;
  char *label;                  /* the respondent, or the file's name */
  assessment *a;
  unsigned answered;            /* questions it answers */
  unsigned alone;               /* ... that no other input answers */
} merge_input;

typedef struct merge
{
  questionnaire *qn;
  merge_input *in;
  size_t nin;
  assessment *out;
  size_t *conflicts;            /* question indices, walk order */
  size_t nconflicts;
  unsigned unanswered;
} merge;

/* Read and bind the inputs (qpath: --questionnaire, or NULL for the
 * installed questionnaire the first input names).  Returns 0, or a
 * sysexits status with every problem in d. */
int merge_open(merge *m, char *const *paths, size_t n, const char *qpath, diag_t *d);
/* Combine the inputs into m->out: the profile (from the input
 * profile_from when given, a path among the inputs) and the answers.
 * Returns 0, or EX_DATAERR when the inputs name different organisations
 * or sectors and profile_from is NULL (the problem in d). */
int merge_combine(merge *m, const char *profile_from, diag_t *d);
/* Write m->out to the new file out; never replaces a file.  Returns 0,
 * EX_TEMPFAIL when out exists (made since it was checked), or a status
 * with the problem in d (diag.h). */
int merge_write(const merge *m, const char *out, diag_t *d);
/* What came from where, the conflicts by question id, what is still
 * unanswered; dry: what a merge into out would give (--dry-run). */
void merge_summary(FILE *f, const merge *m, const char *out, bool dry);
void merge_free(merge *m);

#endif
