/* survey: an aggregate of many answers files, read from files and
 * folders (kijun --aggregate): the folders are walked recursively, each
 * answers file is read once, bound to the questionnaire and summed into
 * the aggregate (agg.h), and then forgotten, so that memory does not
 * grow with the number of files.  Several threads each read a share of
 * the files and sum their own aggregate; the sums are added at the end.
 *
 * A file that cannot be read, belongs to another questionnaire or is
 * malformed is left out and listed with its first problem ("FILE:LINE:
 * message"); so is a symbolic link that leads back into a folder being
 * walked (a loop) or outside the folders given, which is not followed.
 * Each folder and file is visited once, by device and inode, so links
 * can neither multiply a count nor make the walk exponential; kijun's
 * own NAME.edition-N.cfg backups beside NAME.cfg are skipped.  Files of
 * one organisation (the same organisation name) are reported as
 * duplicates; each is counted.  Finding them keeps, for each file, a
 * 64-bit hash of the name and the file's path (named from what was read,
 * never from a second walk). */
#ifndef KIJUN_SURVEY_H
#define KIJUN_SURVEY_H

#include <stdbool.h>
#include <stddef.h>

#include "model/agg.h"
#include "model/qn.h"

#define SURVEY_PATTERN "*.cfg"
#define SURVEY_MAX_THREADS 8

typedef struct survey_opts
{
  const char *pattern;          /* files taken from folders (fnmatch); NULL: SURVEY_PATTERN */
  bool names;                   /* keep each organisation's names (survey.orgs) */
  unsigned threads;             /* 0: one a processor, at most SURVEY_MAX_THREADS */
} survey_opts;

/* A file left out, or a path not followed. */
typedef struct survey_problem
{
  char *path;
  char *message;                /* "FILE:LINE: message", escaped, one line */
} survey_problem;

/* Files that name the same organisation. */
typedef struct survey_dup
{
  char **paths;                 /* sorted */
  size_t n;
  char *organization;
} survey_dup;

/* One aggregated file, kept only with survey_opts.names. */
typedef struct survey_org
{
  char *path, *organization, *respondent, *sector;
  bool baseline_met;
  int tenths;                   /* baseline coverage (cov_tenths) */
} survey_org;

typedef struct survey
{
  aggregate agg;
  survey_problem *left_out;     /* sorted by path */
  size_t nleft_out;
  survey_dup *dups;             /* sorted by their first path */
  size_t ndups;
  survey_org *orgs;             /* sorted by path */
  size_t norgs;
  unsigned found;               /* answers files found (aggregated or left out) */
} survey;

/* Aggregate the answers files under paths (files are taken whatever
 * their name; folders are walked for files matching the pattern; names
 * starting with a dot are skipped).  q must stay loaded while s lives. */
void survey_run(survey *s, const questionnaire *q, char *const *paths, size_t npaths,
                const survey_opts *o);
void survey_free(survey *s);

#endif
