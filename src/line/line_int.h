/* line_int: what the line mode's files share (line.c: the dialogue, its
 * commands and saving; line_show.c: what it prints of a question and of
 * the assessment).  Internal to the line mode; see line.h. */
#ifndef KIJUN_LINE_INT_H
#define KIJUN_LINE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "front/run.h"
#include "model/coverage.h"

typedef struct lm
{
  session *s;
  lock_t *lk;
  assessment *prev;
  const char *prev_path;
  size_t pos;                 /* walk position; nquestions: past the last */
  bool echo;                  /* the input is no terminal: show what was read */
  bool dirty;                 /* changes not on disk: the last save failed */
  bool told;                  /* the kept original was said */
  char why[RUN_WHY];
  char *search;               /* the last search, or NULL */
  unsigned phases_said;
  /* A text being typed over several lines, kept if a signal comes. */
  char *typing;
  size_t typing_qi;
  bool typing_note;
  int pending;                /* the answer waiting for the reason typed, or -1 */
  char *failed;               /* what the last failed save said, said once */
} lm;

static inline const questionnaire *
qn_of(const lm *m)
{
  return m->s->qn;
}

/* The question index at walk position p. */
static inline size_t
qi_at(const lm *m, size_t p)
{
  return qn_of(m)->order[p];
}

/* Print s safe to show (control characters escaped, line breaks kept). */
void line_put(const char *s);
/* A line, formatted, printed as line_put prints. */
void line_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The figures of the answers as they are now. */
const coverage *line_figures(lm *m, coverage *c);
/* The question at m->pos, or the end when past the last. */
void line_show(lm *m);
void line_show_help(void);
void line_show_summary(lm *m);

#endif
