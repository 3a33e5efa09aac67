/* draft: kijun --draft-mapping OLD NEW: a mapping proposed between two
 * questionnaires from what they share (kijun-mapping(5), "Drafts"), for
 * a person to confirm.  Each question of NEW that shares a CSF 2.0
 * category with questions of OLD, or has the id of one, gets one entry
 * from those questions, relation intersect (a proposal says nothing more);
 * the mapping's provenance is automation and its status draft, so that a
 * migration through it carries nothing as certain until a person has
 * confirmed it. */
#ifndef KIJUN_DRAFT_H
#define KIJUN_DRAFT_H

#include <stddef.h>
#include <stdio.h>

#include "model/qn.h"

/* Write the draft mapping from old to new to f; sets *nentries and
 * *nunmatched (questions of new with no proposal).  Returns 0 or
 * EX_IOERR. */
int draft_mapping(FILE *f, const questionnaire *old, const questionnaire *new_, size_t *nentries,
                  size_t *nunmatched);

#endif
