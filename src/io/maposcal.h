/* maposcal: a mapping read from an OSCAL 1.2 control mapping collection
 * (JSON), the interchange form of crosswalks (kijun-mapping(5), "OSCAL"),
 * as kijun --export=oscal-mapping writes it or another tool does.
 *
 * The document becomes the same mapping a kijun mapping file gives, so
 * --check, --migrate and --export-mapping treat both alike: its one
 * mapping's source and target resources name the two questionnaires
 * (properties questionnaire-id and questionnaire-version in kijun's
 * namespace), each map is an entry, its relationship a relation, its
 * sources and targets the questions (statements: assessment objectives)
 * or items (controls: all their questions) by the ids of kijun's OSCAL
 * catalog.  The provenance gives method and status (not-complete counts
 * as a draft); its confidence is checked and kept; the gap summaries are
 * checked against the questionnaires when the mapping is bound.
 *
 * The reader is strict: members the mapping model does not define, a
 * wrong type, a value outside its list, or a member given twice is one
 * message naming the file, the line and what was expected. */
#ifndef KIJUN_MAPOSCAL_H
#define KIJUN_MAPOSCAL_H

#include <stdbool.h>

#include "base/diag.h"
#include "io/mapping.h"

/* Whether path starts (after a byte order mark and white space) with
 * '{': JSON, where a kijun mapping file never does. */
bool maposcal_sniff(const char *path);
/* As map_read.  Returns 0, EX_NOINPUT or EX_DATAERR. */
int maposcal_read(const char *path, diag_t *d, mapping **out);
/* For map_bind: turn the OSCAL ids of every entry into question ids.
 * Returns 0 or EX_DATAERR with the problems in d. */
int maposcal_translate(mapping *m, const questionnaire *from, const questionnaire *to, diag_t *d);
/* For map_bind, once resolved: every id a gap summary lists is unmapped,
 * and every unmapped question is listed.  Problems go to d. */
void maposcal_check_gaps(const mapping *m, const questionnaire *from, const questionnaire *to, diag_t *d);

#endif
