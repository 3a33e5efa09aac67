/* oscal: a questionnaire and an assessment as OSCAL 1.2 JSON documents,
 * for the tools that speak NIST's Open Security Controls Assessment
 * Language: the questionnaire as a catalog, its baseline and full
 * selections as profiles, and an answers file as assessment results.
 *
 * What maps to what (kijun(1), "OSCAL"): a guideline chapter is a group,
 * an item a control, a question an assessment objective (a part of its
 * control), with level, level basis, PDCA phase and CSF references as
 * properties in kijun's namespace.  Japanese is the prose; English is in
 * a part named "translation" (kijun's namespace) under each text.
 *
 * The documents depend on their input alone: every UUID is version 5
 * from stable names, every time comes from the files (with its zone),
 * and nothing follows the locale or the interface language, so the same
 * input gives the same bytes. */
#ifndef KIJUN_OSCAL_H
#define KIJUN_OSCAL_H

#include <stdbool.h>
#include <stdio.h>

#include "io/mapping.h"
#include "model/answers.h"
#include "model/qn.h"

/* The OSCAL version the documents declare, and kijun's namespace for
 * the properties and parts OSCAL has no name for. */
#define OSCAL_VERSION "1.2.1"
#define OSCAL_NS "urn:kijun:oscal"

/* The kinds of document --export writes. */
#define OSCAL_EXPORT_TABLE(X) \
  X(CATALOG, "oscal-catalog") \
  X(PROFILE, "oscal-profile") \
  X(PROFILE_BASELINE, "oscal-profile-baseline") \
  X(PROFILE_FULL, "oscal-profile-full") \
  X(MAPPING, "oscal-mapping")

enum oscal_export
{
#define OSCAL_EXPORT_ENUM_(id, key) OSCAL_##id,
  OSCAL_EXPORT_TABLE(OSCAL_EXPORT_ENUM_)
#undef OSCAL_EXPORT_ENUM_
  OSCAL_EXPORT_COUNT
};

/* The export named s, or -1. */
int oscal_export_parse(const char *s);
/* "oscal-catalog, oscal-profile, ..." for messages. */
const char *oscal_export_list(void);

/* Each returns 0, or EX_IOERR when the stream failed. */
int oscal_catalog_write(FILE *f, const questionnaire *q);
/* The baseline selection (the items with a baseline question, without
 * their recommended objectives) or the full one. */
int oscal_profile_write(FILE *f, const questionnaire *q, bool baseline);
int oscal_results_write(FILE *f, const questionnaire *q, const assessment *a);

/* A bound mapping as an OSCAL mapping collection (kijun-mapping(5),
 * "OSCAL"): one mapping from the catalog of from to that of to, a map an
 * entry, questions by their objective ids, and both gap summaries. */
int oscal_mapping_write(FILE *f, const mapping *m, const questionnaire *from, const questionnaire *to);

/* The file name a profile's and the results' back-matter give for the
 * catalog: "<questionnaire id>-catalog.json" (newly allocated). */
char *oscal_catalog_name(const questionnaire *q);

#endif
