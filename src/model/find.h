/* find: searching the questionnaire as the respondent sees it, for both
 * front ends (the screens' / and g, the line mode's / and g).  A search
 * matches a question's id, its text in the language shown, its note and
 * its evidence reference, folded (see txt_fold) so that case and
 * full-width forms do not matter.  Positions are in walk order. */
#ifndef KIJUN_FIND_H
#define KIJUN_FIND_H

#include <stdbool.h>
#include <stddef.h>

#include "base/i18n.h"
#include "model/answers.h"
#include "model/qn.h"

/* Where a search landed. */
typedef struct find_hit
{
  size_t pos;                 /* the match's position in walk order */
  size_t rank;                /* which match it is, from the first (1-based) */
  size_t count;               /* how many questions match */
  bool wrapped;               /* the search went past the end (or start) */
} find_hit;

/* The first question at or after from (dir < 0: at or before it),
 * wrapping around, that matches the text query in language l; false when
 * none does or query is empty. */
bool find_text(const questionnaire *q, const assessment *a, enum lang l, const char *query, size_t from, int dir,
               find_hit *hit);

/* The position of the question, or of the first question of the item,
 * whose id text is (folded, spaces around it ignored); false when there
 * is none. */
bool find_id(const questionnaire *q, const char *text, size_t *pos);

#endif
