/* csf: the NIST Cybersecurity Framework 2.0 (CSF) as kijun names it: its
 * six functions and twenty-two categories, one table each, with short
 * names in both languages written in kijun's own words (not NIST's
 * titles).  A question names the categories it bears on as kijun's
 * reading (kijun-questionnaire(5), "csf"); reports count coverage by
 * function and category, and the OSCAL export carries the ids.
 *
 * A reference is a function alone ("GV", what edition 1 and 2 files
 * say), a category ("GV.OC") or a subcategory ("GV.OC-01"): kijun checks
 * a subcategory's form and its category, not NIST's numbering of it. */
#ifndef KIJUN_CSF_H
#define KIJUN_CSF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/i18n.h"
#include "base/vocab.h"

/* X(ID, KEY, EN, JA) */
#define CSF_FUNCTION_TABLE(X) \
  X(GV, "GV", "Govern", "統治") \
  X(ID, "ID", "Identify", "識別") \
  X(PR, "PR", "Protect", "防御") \
  X(DE, "DE", "Detect", "検知") \
  X(RS, "RS", "Respond", "対応") \
  X(RC, "RC", "Recover", "復旧")

/* X(ID, KEY, FUNCTION, EN, JA), in NIST's order. */
#define CSF_CATEGORY_TABLE(X) \
  X(GV_OC, "GV.OC", GV, "Organisational context", "組織の状況") \
  X(GV_RM, "GV.RM", GV, "Risk management strategy", "リスク管理の方針") \
  X(GV_RR, "GV.RR", GV, "Roles and responsibilities", "役割・責任・権限") \
  X(GV_PO, "GV.PO", GV, "Policy", "方針・規程") \
  X(GV_OV, "GV.OV", GV, "Oversight by management", "経営による監督") \
  X(GV_SC, "GV.SC", GV, "Supply chain risk", "サプライチェーンのリスク管理") \
  X(ID_AM, "ID.AM", ID, "Asset management", "資産の管理") \
  X(ID_RA, "ID.RA", ID, "Risk assessment", "リスクの評価") \
  X(ID_IM, "ID.IM", ID, "Improvement", "改善") \
  X(PR_AA, "PR.AA", PR, "Identity and access control", "識別・認証・アクセス制御") \
  X(PR_AT, "PR.AT", PR, "Awareness and training", "意識啓発と教育") \
  X(PR_DS, "PR.DS", PR, "Data security", "データの保護") \
  X(PR_PS, "PR.PS", PR, "Platform security", "機器・ソフトウェアの保護") \
  X(PR_IR, "PR.IR", PR, "Infrastructure resilience", "基盤の強靱性") \
  X(DE_CM, "DE.CM", DE, "Continuous monitoring", "継続的な監視") \
  X(DE_AE, "DE.AE", DE, "Analysis of adverse events", "異常な事象の分析") \
  X(RS_MA, "RS.MA", RS, "Incident management", "インシデントの管理") \
  X(RS_AN, "RS.AN", RS, "Incident analysis", "インシデントの分析") \
  X(RS_CO, "RS.CO", RS, "Incident communication", "インシデントの報告・連絡") \
  X(RS_MI, "RS.MI", RS, "Incident mitigation", "インシデントの封じ込め") \
  X(RC_RP, "RC.RP", RC, "Recovery plan execution", "復旧計画の実行") \
  X(RC_CO, "RC.CO", RC, "Recovery communication", "復旧に関する連絡")

#define CSF_FN_ENUM_(id, key, en, ja) CSF_##id,
enum csf_function { CSF_FUNCTION_TABLE(CSF_FN_ENUM_) CSF_FUNCTION_COUNT };
#undef CSF_FN_ENUM_
#define CSF_CAT_ENUM_(id, key, fn, en, ja) CSF_##id,
enum csf_category { CSF_CATEGORY_TABLE(CSF_CAT_ENUM_) CSF_CATEGORY_COUNT };
#undef CSF_CAT_ENUM_

/* A reference a question makes: cat < 0 for a function alone; sub 0 for
 * a whole category, else the subcategory's number (1 to 99). */
typedef struct csf_ref
{
  signed char fn, cat, sub;
} csf_ref;

/* The longest reference's text, "GV.OC-01", with its NUL. */
#define CSF_REF_SIZE 9

/* The files' words: function keys, category keys (for "expected one of"). */
extern const vocab csf_function_vocab, csf_category_vocab;

/* Why csf_ref_parse refused a text. */
enum csf_parse_error
{
  CSF_OK,
  CSF_BAD_FORM,          /* not "GV", "GV.OC" or "GV.OC-01" */
  CSF_BAD_FUNCTION,      /* the function is not one of the six */
  CSF_BAD_CATEGORY,      /* the category is not one of the twenty-two */
};
enum csf_parse_error csf_ref_parse(const char *s, csf_ref *out);
/* The reference as files write it, into buf (CSF_REF_SIZE). */
const char *csf_ref_text(const csf_ref *r, char buf[CSF_REF_SIZE]);

const char *csf_function_key(enum csf_function f);
const char *csf_category_key(enum csf_category c);
enum csf_function csf_category_function(enum csf_category c);
/* The short names, in language l. */
const char *csf_function_name(enum csf_function f, enum lang l);
const char *csf_category_name(enum csf_category c, enum lang l);
/* A reference for people, in language l: "Govern: Policy (GV.PO)",
 * "Protect: Data security (PR.DS-11)" or "Govern (GV)". */
void csf_ref_label(const csf_ref *r, enum lang l, char *buf, size_t size);
/* n references for people, joined: "Govern: Policy (GV.PO); Protect: ..."
 * (「、」 in Japanese); newly allocated.  The question view and the line
 * mode both say them so. */
char *csf_refs_label(const csf_ref *refs, size_t n, enum lang l);

#endif
