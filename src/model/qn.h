/* qn: the model of a questionnaire, independent of any file format.
 *
 * A questionnaire is a list of guideline items (sections) and of questions,
 * each question belonging to one section, one PDCA phase and one level
 * (baseline or recommended).  Respondents walk the questions in PDCA
 * order: all Plan questions in section order, then Do, Check and Act; that
 * order is computed once (qn_finish) and kept in qn->order.
 *
 * A questionnaire also remembers its past (kijun-questionnaire(5),
 * "Editions"): its edition, each question's revision, the ids of earlier
 * editions each question replaces (was) and the ids retired on purpose.
 * The binder of an answers file uses them to carry answers forward.
 *
 * Every string lives as long as the questionnaire, in what the loader
 * handed over in keep (the parsed file, or a cache entry).  Bilingual strings are qn_text, indexed by
 * enum lang. */
#ifndef KIJUN_QN_H
#define KIJUN_QN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/i18n.h"
#include "base/vocab.h"
#include "model/csf.h"

/* The vocabularies of questionnaires, one table each: X(ID, KEY, LABEL),
 * where QN_<ID> is the enum constant, KEY the word in files and reports
 * ("" for the "none" entry of an optional setting, which files never
 * name) and LABEL the name for people (N_, translated by qn_*_name). */

#define QN_PHASE_TABLE(X) \
  /* TRANSLATORS: PDCA phases, as in the glossary: "計画 (Plan)". At most 12 columns. */ \
  X(PLAN, "plan", N_("Plan")) \
  X(DO, "do", N_("Do")) \
  X(CHECK, "check", N_("Check")) \
  X(ACT, "act", N_("Act"))

#define QN_LEVEL_TABLE(X) \
  /* TRANSLATORS: question levels. At most 12 columns. */ \
  X(BASELINE, "baseline", N_("Baseline")) \
  X(RECOMMENDED, "recommended", N_("Recommended"))

/* Where a question's level comes from: X(ID, KEY, LABEL, DESC), DESC
 * saying in a phrase what the level rests on (reports print it beside
 * the verdict).  "source" levels rest on NISC's 2022 material on revising
 * the guideline, a draft direction: never call them a designation. */
#define QN_BASIS_TABLE(X) \
  X(BASIS_NONE, "", N_("not stated"), N_("no basis given in the questionnaire")) \
  /* TRANSLATORS: where a question's level comes from, and what that rests on. */ \
  X(BASIS_SURVEY, "survey", N_("government survey"), \
    N_("the marks of NISC's survey for item 3.7")) \
  X(BASIS_SOURCE, "source", N_("guideline revision materials"), \
    N_("NISC's 2022 material on revising the guideline (a draft direction, not a government " \
       "designation)")) \
  X(BASIS_EDITORIAL, "editorial", N_("kijun's reading"), \
    N_("kijun's own reading of the guideline, not a government designation"))

/* Parts of the local-government information security policy guideline. */
#define QN_LGPART_TABLE(X) \
  /* TRANSLATORS: the parts of the LG security policy guideline: 基本方針, 対策基準. */ \
  X(LG_BASIC_POLICY, "basic_policy", N_("Basic Policy")) \
  X(LG_STANDARDS, "standards", N_("Standards of Measures"))

/* What the file says of a section's counterpart in that guideline:
 * nothing (lg_ref omitted: not in the part of the table we have), that the
 * table gives none (lg_ref = ( );), or the counterparts.  The keys are
 * the digest's, not a file's. */
#define QN_LGSTATE_TABLE(X) \
  /* TRANSLATORS: what is known of an item's counterpart in the LG guideline. */ \
  X(LGSTATE_UNKNOWN, "unknown", N_("unknown: not in the part of the mapping table kijun has")) \
  X(LGSTATE_NONE, "none", N_("none: the mapping table gives no counterpart")) \
  X(LGSTATE_GIVEN, "given", NULL)

#define QN_ENUM_(id, key, label) QN_##id,
enum qn_phase { QN_PHASE_TABLE(QN_ENUM_) QN_PHASE_COUNT };
enum qn_level { QN_LEVEL_TABLE(QN_ENUM_) QN_LEVEL_COUNT };
#define QN_ENUM4_(id, key, label, desc) QN_##id,
enum qn_basis { QN_BASIS_TABLE(QN_ENUM4_) QN_BASIS_COUNT };
#undef QN_ENUM4_
enum qn_lgpart { QN_LGPART_TABLE(QN_ENUM_) QN_LG_COUNT };
enum qn_lgstate { QN_LGSTATE_TABLE(QN_ENUM_) QN_LGSTATE_COUNT };
#undef QN_ENUM_

typedef struct qn_text
{
  const char *s[LANG_COUNT];
} qn_text;

typedef struct qn_sector
{
  const char *id;
  qn_text name;
} qn_sector;

typedef struct qn_lgref
{
  enum qn_lgpart part;
  qn_text items;
} qn_lgref;

typedef struct qn_section
{
  const char *id;
  qn_text title;
  enum qn_lgstate lg_state;
  qn_lgref *lg;               /* counterparts; nlg > 0 exactly when GIVEN */
  size_t nlg;
  qn_text lg_note;            /* optional note on the counterpart */
  qn_text level_note;         /* optional: why the item's questions have their levels */
  size_t nquestions;          /* questions in this section */
  int line;
} qn_section;

/* A scope question (kijun-questionnaire(5), "Scope"): asked once, on the
 * profile form, of the organisation as a whole ("Does it operate control
 * systems?").  A question whose applies names it is out of scope while it
 * is answered no; absent says what that no means, as the reason shown
 * ("no control systems"). */
typedef struct qn_scope
{
  const char *id;
  qn_text text, absent;
  int line;
} qn_scope;

typedef struct qn_question
{
  const char *id;
  size_t section;             /* index into sections */
  enum qn_phase phase;
  enum qn_level level;
  enum qn_basis basis;
  const csf_ref *csf;          /* the CSF 2.0 references, main one first (csf.h) */
  size_t ncsf;
  qn_text text, hint;
  qn_text level_note;         /* optional: why the question has its level */
  unsigned revision;          /* >= 1; raised when the meaning changes */
  const char **was;           /* ids of earlier editions it replaces */
  size_t nwas;
  size_t *applies;            /* scope questions it applies under (indices into
                                 scopes), any of them; none: always */
  size_t napplies;
  int line;
} qn_question;

/* A question id of an earlier edition that is no longer asked and not
 * replaced by any question. */
typedef struct qn_retired
{
  const char *id;
  unsigned edition;           /* the first edition that no longer asks it */
  qn_text note;               /* optional: why */
  int line;
} qn_retired;

typedef struct qn_pool qn_pool;

typedef struct questionnaire
{
  char *path;                 /* the file it came from */
  const char *id, *version;
  unsigned edition;           /* >= 1 */
  qn_text title, source;
  /* The answering rules that hold for every question (optional): shown
   * in help and printed in reports. */
  qn_text guidance;
  qn_sector *sectors;
  size_t nsectors;
  qn_section *sections;
  size_t nsections;
  qn_question *questions;
  size_t nquestions;
  qn_retired *retired;
  size_t nretired;
  qn_scope *scopes;           /* the scope questions, in file order */
  size_t nscopes;
  size_t *order;              /* question indices in walk order */
  size_t *rank;               /* rank[q] = position of q in order */
  char digest_[72];           /* cache of qn_digest; empty until asked */
  qn_pool *pool;
  struct qn_index *qindex, *sindex, *rindex;
  /* The was index (see qn_successors): distinct old ids, and for old id
   * k the questions was_q[was_start[k] .. was_start[k + 1]). */
  struct qn_index *windex;
  const char **was_ids;
  size_t nwas_ids, *was_start, *was_q;
  bool cached;                /* rebuilt from a qcache entry, not parsed */
  void *keep;                 /* what the strings point into, if not the pool */
  void (*keep_free)(void *);
} questionnaire;

questionnaire *qn_new(void);
void qn_free(questionnaire *q);

/* Allocate zeroed memory that lives as long as q. */
void *qn_alloc(questionnaire *q, size_t size);

/* Compute the walk order and the lookup indices.  Call once after the
 * sections and questions are in place. */
void qn_finish(questionnaire *q);

/* "sha256:" and 64 hex digits identifying the content (see
 * kijun-questionnaire(5)).  Computed on first use: checking a
 * questionnaire does not need it, and on a large file it is a tenth of
 * the load time. */
const char *qn_digest(const questionnaire *q);

/* Index of the question or section with this id, or -1. */
long qn_find_question(const questionnaire *q, const char *id);
long qn_find_section(const questionnaire *q, const char *id);
const qn_sector *qn_find_sector(const questionnaire *q, const char *id);

/* Index of the scope question with this id, or -1. */
long qn_find_scope(const questionnaire *q, const char *id);

/* The current questions whose 'was' names old_id, in file order: sets
 * *n and returns their indices (NULL and 0 when none).  Several
 * questions for one old id is a split. */
const size_t *qn_successors(const questionnaire *q, const char *old_id, size_t *n);
/* The retired entry for id, or NULL. */
const qn_retired *qn_find_retired(const questionnaire *q, const char *id);

/* Whether t has any text (optional texts are all NULL when absent). */
bool qn_text_given(const qn_text *t);

/* The string of t in language l, falling back to the other language. */
const char *qn_tr(const qn_text *t, enum lang l);

/* The words files use, for parsing and for "expected one of" messages. */
extern const vocab qn_phase_vocab, qn_level_vocab, qn_basis_vocab, qn_lgpart_vocab;

/* Names as they appear in files ("plan", "baseline", "survey"). */
const char *qn_phase_key(enum qn_phase p);
const char *qn_level_key(enum qn_level l);
const char *qn_basis_key(enum qn_basis b);
/* At most this many CSF references a question; their text's size. */
#define QN_CSF_MAX 8
#define QN_CSF_TEXT_SIZE (QN_CSF_MAX * CSF_REF_SIZE)
/* The question's CSF references as a file writes them, "GV.OC,GV.RM-01"
 * ("" when none), into buf. */
const char *qn_csf_text(const qn_question *x, char *buf, size_t size);
const char *qn_lgpart_key(enum qn_lgpart p);
const char *qn_lgstate_key(enum qn_lgstate s);

/* Translated names for people ("Plan", "Baseline", ...). */
const char *qn_phase_name(enum qn_phase p);
const char *qn_level_name(enum qn_level l);
const char *qn_basis_name(enum qn_basis b);
const char *qn_lgpart_name(enum qn_lgpart p);
/* What a level of this basis rests on, in a phrase. */
const char *qn_basis_desc(enum qn_basis b);
/* The counterpart's state in words: NULL for GIVEN (the refs say it). */
const char *qn_lgstate_name(enum qn_lgstate s);

#endif
