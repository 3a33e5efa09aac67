/* oscal: OSCAL 1.2 catalog, profiles and assessment results.  See
 * oscal.h for what maps to what.
 *
 * The JSON schemas' traps, each handled here once: ids are tokens that
 * start with a letter (an item "5.1.3.3" becomes the control
 * "item-5.1.3.3"); UUIDs are version 4 or 5 (these are 5); times carry
 * their zone (a time without one is not used); a finding's state is only
 * satisfied or not-satisfied (a question not applicable with a reason has
 * no finding: it is excluded from the reviewed controls, and its reason is
 * in its observation); and OSCAL "string" values (property values, names,
 * versions) are one line without surrounding spaces, so file text put
 * there is folded to one line first.
 *
 * Why one file of this size: the catalog, the profiles and the assessment
 * results share the naming of ids, the UUIDs made from stable names, the
 * metadata and the bilingual parts, and must change together when OSCAL
 * does. */
#include <config.h>
#include "report/oscal.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "base/i18n.h"
#include "base/uuid.h"
#include "base/xalloc.h"
#include "model/coverage.h"
#include "model/oscalid.h"
#include "report/emit.h"
#include "report/jsonw.h"

/* Not reviewed: answered not applicable with a reason, or out of scope
 * (the profile's scope answers leave it out of every figure). */
static bool
excluded(const assessment *a, size_t i)
{
  return !ans_in_scope(a, i) || cov_result(&a->e[i]) == COV_EXCLUDED;
}

/* Why question i is out of scope, in both languages, with the scope
 * questions it applies under and their answers:
 * "対象外: 制御システムなし（制御システム（OT）を運用していますか。: いいえ）/ not in
 * scope: no control systems (Does your organisation operate control
 * systems (OT)?: No)"; NULL when it is in scope. */
static char *
scope_reason_both(const questionnaire *q, const assessment *a, size_t i)
{
  if (ans_in_scope(a, i))
    return NULL;
  const qn_question *x = &q->questions[i];
  char *part[2];
  static const enum lang langs[2] = { LANG_JA, LANG_EN };
  enum lang was = i18n_switch_messages(LANG_JA);
  for (int k = 0; k < 2; k++)
    {
      i18n_switch_messages(langs[k]);
      char *why = ans_scope_reason(a, i, langs[k]);
      char *asked = xstrdup("");
      for (size_t j = 0; j < x->napplies; j++)
        {
          size_t si = x->applies[j];
          char *more = xasprintf("%s%s%s: %s", asked, j ? "; " : "", qn_tr(&q->scopes[si].text, langs[k]),
                                 ans_scope_name(ans_scope_of(a, si)));
          free(asked);
          asked = more;
        }
      part[k] = xasprintf(k ? "%s (%s)" : "%s（%s）", why, asked);
      free(asked);
      free(why);
    }
  i18n_switch_messages(was);
  char *out = xasprintf("%s / %s", part[0], part[1]);
  free(part[0]);
  free(part[1]);
  return out;
}

static const char *const export_keys[] = {
#define OSCAL_EXPORT_KEY_(id, key) key,
  OSCAL_EXPORT_TABLE(OSCAL_EXPORT_KEY_)
#undef OSCAL_EXPORT_KEY_
};

int
oscal_export_parse(const char *s)
{
  for (int i = 0; s && i < OSCAL_EXPORT_COUNT; i++)
    if (strcmp(s, export_keys[i]) == 0)
      return i;
  return -1;
}

const char *
oscal_export_list(void)
{
  static char buf[160];
  size_t len = 0;
  for (int i = 0; i < OSCAL_EXPORT_COUNT; i++)
    len += (size_t) snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "", export_keys[i]);
  return buf;
}

/* The length of the white space character at p (JavaScript's \s, which
 * OSCAL's patterns use: ASCII white space, U+0085, U+00A0, U+1680,
 * U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF), or 0. */
static size_t
space_at(const unsigned char *p)
{
  if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
    return 1;
  if (p[0] == 0xc2 && (p[1] == 0x85 || p[1] == 0xa0))
    return 2;
  if (p[0] == 0xe1 && p[1] == 0x9a && p[2] == 0x80)
    return 3;
  if (p[0] == 0xe2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8a) || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf))
    return 3;
  if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f)
    return 3;
  if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
    return 3;
  if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
    return 3;
  return 0;
}

/* s folded to one line: runs of white space (line breaks and Unicode
 * spaces included) become one ASCII space, none at either end, as
 * OSCAL's "string" type (^\S(.*\S)?$) requires.  NULL when nothing is
 * left.  Newly allocated. */
static char *
one_line(const char *s)
{
  if (!s)
    return NULL;
  char *out = xmalloc(strlen(s) + 1), *o = out;
  bool space = false;
  for (const unsigned char *p = (const unsigned char *) s; *p;)
    {
      size_t n = space_at(p);
      if (n)
        {
          space = o > out;
          p += n;
          continue;
        }
      if (space)
        *o++ = ' ';
      space = false;
      *o++ = (char) *p++;
    }
  *o = '\0';
  if (!*out)
    {
      free(out);
      return NULL;
    }
  return out;
}

/* A "string" member, folded to one line; nothing when empty. */
static void
oscal_line(jw *w, const char *key, const char *s)
{
  char *l = one_line(s);
  if (l)
    jw_str(w, key, l);
  free(l);
}

/* A property in kijun's namespace; nothing when value is empty. */
static void
oscal_prop(jw *w, const char *name, const char *value)
{
  char *l = one_line(value);
  if (!l)
    return;
  jw_obj(w, NULL);
  jw_str(w, "name", name);
  jw_str(w, "ns", OSCAL_NS);
  jw_str(w, "value", l);
  jw_end(w);
  free(l);
}

/* ---- names, ids, UUIDs and times ------------------------------------------ */

static uuid_bytes
kijun_ns(void)
{
  return uuid_v5(&uuid_ns_url, OSCAL_NS);
}

/* The UUID of the stable name "kind/a/b/c" (parts may be NULL). */
static void
uuid_of(char out[UUID_TEXT_SIZE], const char *kind, const char *a, const char *b, const char *c)
{
  char *name = xasprintf("%s/%s/%s/%s", kind, a ? a : "", b ? b : "", c ? c : "");
  uuid_bytes ns = kijun_ns(), u = uuid_v5(&ns, name);
  uuid_text(&u, out);
  free(name);
}

/* The chapter of a section: its id up to the first dot ("5" of
 * "5.1.3.3"), into buf. */
static const char *
chapter_of(const qn_section *s, char *buf, size_t size)
{
  size_t n = strcspn(s->id, ".");
  snprintf(buf, size, "%.*s", (int) (n < size ? n : size - 1), s->id);
  return buf;
}

static bool
digits(const char *s, int n)
{
  for (int i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return true;
}

/* Whether s is an ISO 8601 time with its zone, as OSCAL's date-time
 * with timezone wants: YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM). */
static bool
zoned_time(const char *s)
{
  if (!s || strlen(s) < 20 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-'
      || !digits(s + 8, 2) || s[10] != 'T' || !digits(s + 11, 2) || s[13] != ':' || !digits(s + 14, 2)
      || s[16] != ':' || !digits(s + 17, 2))
    return false;
  const char *p = s + 19;
  if (*p == '.')
    {
      p++;
      if (!digits(p, 1))
        return false;
      while (*p >= '0' && *p <= '9')
        p++;
    }
  if (strcmp(p, "Z") == 0)
    return true;
  return (p[0] == '+' || p[0] == '-') && digits(p + 1, 2) && p[3] == ':' && digits(p + 4, 2) && !p[6];
}

/* The time a questionnaire's documents give as last modified: kijun
 * keeps no date of an edition, so the date of the guideline the
 * questionnaire follows (its version, when a date), at midnight in
 * Japan; the epoch otherwise.  Either way the same file gives the same
 * time.  Newly allocated. */
static char *
qn_time(const questionnaire *q)
{
  const char *v = q->version;
  if (v && strlen(v) == 10 && digits(v, 4) && v[4] == '-' && digits(v + 5, 2) && v[7] == '-'
      && digits(v + 8, 2))
    return xasprintf("%sT00:00:00+09:00", v);
  return xstrdup("1970-01-01T00:00:00Z");
}

char *
oscal_catalog_name(const questionnaire *q)
{
  char *n = xasprintf("%s-catalog.json", q->id);
  oscal_token_tail(n);
  return n;
}

static void
edition_text(const questionnaire *q, char *buf, size_t size)
{
  snprintf(buf, size, "%s edition %u", q->id, q->edition);
}

/* The metadata every document of a questionnaire shares, with its own
 * title, up to its open list of properties. */
static void
metadata(jw *w, const questionnaire *q, const char *title, const char *modified, const char *version)
{
  jw_obj(w, "metadata");
  oscal_line(w, "title", title);
  jw_str(w, "last-modified", modified);
  oscal_line(w, "version", version);
  jw_str(w, "oscal-version", OSCAL_VERSION);
  jw_arr(w, "props");
  oscal_prop(w, "questionnaire-id", q->id);
  oscal_prop(w, "questionnaire-version", q->version);
  char ed[16];
  snprintf(ed, sizeof ed, "%u", q->edition);
  oscal_prop(w, "questionnaire-edition", ed);
  oscal_prop(w, "questionnaire-digest", qn_digest(q));
  /* The caller adds its own properties, then closes the list (and the
   * metadata after anything else it adds). */
}

/* A text: Japanese as the prose, English in a translation part. */
static void
bilingual(jw *w, const char *id, const qn_text *t)
{
  jw_str(w, "prose", qn_tr(t, LANG_JA));
  if (!t->s[LANG_EN] || !*t->s[LANG_EN])
    return;
  jw_arr(w, "parts");
  jw_obj(w, NULL);
  char *tid = xasprintf("%s_en", id);
  jw_str(w, "id", tid);
  free(tid);
  jw_str(w, "name", "translation");
  jw_str(w, "ns", OSCAL_NS);
  jw_arr(w, "props");
  oscal_prop(w, "language", "en");
  jw_end(w);
  jw_str(w, "prose", t->s[LANG_EN]);
  jw_end(w);
  jw_end(w);
}

/* A part of kijun's namespace holding a bilingual text. */
static void
text_part(jw *w, const char *id, const char *name, const char *ns, const qn_text *t)
{
  jw_obj(w, NULL);
  jw_str(w, "id", id);
  jw_str(w, "name", name);
  if (ns)
    jw_str(w, "ns", ns);
  bilingual(w, id, t);
  jw_end(w);
}

/* ---- catalog ------------------------------------------------------------- */

static void
objective(jw *w, const questionnaire *q, const qn_question *x)
{
  char *oid = oscal_objective_id(q, x);
  jw_obj(w, NULL);
  jw_str(w, "id", oid);
  jw_str(w, "name", "assessment-objective");
  jw_arr(w, "props");
  jw_obj(w, NULL);
  jw_str(w, "name", "label");
  oscal_line(w, "value", x->id);
  jw_end(w);
  oscal_prop(w, "level", qn_level_key(x->level));
  if (x->basis)
    oscal_prop(w, "level-basis", qn_basis_key(x->basis));
  oscal_prop(w, "pdca-phase", qn_phase_key(x->phase));
  char rev[16];
  snprintf(rev, sizeof rev, "%u", x->revision);
  oscal_prop(w, "revision", rev);
  for (size_t k = 0; k < x->ncsf; k++)
    {
      char one[CSF_REF_SIZE];
      oscal_prop(w, "csf", csf_ref_text(&x->csf[k], one));
    }
  jw_end(w);
  jw_str(w, "prose", qn_tr(&x->text, LANG_JA));
  jw_arr(w, "parts");
  if (x->text.s[LANG_EN] && *x->text.s[LANG_EN])
    {
      jw_obj(w, NULL);
      char *tid = xasprintf("%s_en", oid);
      jw_str(w, "id", tid);
      free(tid);
      jw_str(w, "name", "translation");
      jw_str(w, "ns", OSCAL_NS);
      jw_arr(w, "props");
      oscal_prop(w, "language", "en");
      jw_end(w);
      jw_str(w, "prose", x->text.s[LANG_EN]);
      jw_end(w);
    }
  if (qn_text_given(&x->hint))
    {
      char *hid = xasprintf("%s_gdn", oid);
      text_part(w, hid, "guidance", NULL, &x->hint);
      free(hid);
    }
  if (qn_text_given(&x->level_note))
    {
      char *nid = xasprintf("%s_lvl", oid);
      text_part(w, nid, "level-note", OSCAL_NS, &x->level_note);
      free(nid);
    }
  jw_end(w);
  jw_end(w);
  free(oid);
}

static void
control(jw *w, const questionnaire *q, size_t s)
{
  const qn_section *sec = &q->sections[s];
  char *cid = oscal_control_id(sec);
  jw_obj(w, NULL);
  jw_str(w, "id", cid);
  oscal_line(w, "title", qn_tr(&sec->title, LANG_JA));
  jw_arr(w, "props");
  jw_obj(w, NULL);
  jw_str(w, "name", "label");
  oscal_line(w, "value", sec->id);
  jw_end(w);
  oscal_prop(w, "title-en", sec->title.s[LANG_EN]);
  jw_end(w);
  bool any = qn_text_given(&sec->level_note);
  for (size_t pos = 0; pos < q->nquestions && !any; pos++)
    any = q->questions[q->order[pos]].section == s;
  if (any)
    {
      jw_arr(w, "parts");
      if (qn_text_given(&sec->level_note))
        {
          char *nid = xasprintf("%s_lvl", cid);
          text_part(w, nid, "level-note", OSCAL_NS, &sec->level_note);
          free(nid);
        }
      /* The questions in walk order, as the respondent meets them. */
      for (size_t pos = 0; pos < q->nquestions; pos++)
        if (q->questions[q->order[pos]].section == s)
          objective(w, q, &q->questions[q->order[pos]]);
      jw_end(w);
    }
  jw_end(w);
  free(cid);
}

int
oscal_catalog_write(FILE *f, const questionnaire *q)
{
  jw w;
  jw_begin(&w, f);
  char id[UUID_TEXT_SIZE], ed[160];
  char *modified = qn_time(q);
  edition_text(q, ed, sizeof ed);
  uuid_of(id, "catalog", q->id, ed, qn_digest(q));
  jw_obj(&w, NULL);
  jw_obj(&w, "catalog");
  jw_str(&w, "uuid", id);
  char *title = xasprintf("%s (kijun: %s)", qn_tr(&q->title, LANG_JA), ed);
  metadata(&w, q, title, modified, ed);
  free(title);
  jw_end(&w);
  jw_str(&w, "remarks",
         "kijun's questionnaire as a catalog: a guideline chapter is a group, an item a control, a "
         "question an assessment objective. The questions and hints are kijun's paraphrase, not the "
         "guideline's text. Japanese is the prose; English is in the parts named translation "
         "(namespace " OSCAL_NS "). Levels, their basis, PDCA phases and NIST CSF 2.0 categories are "
         "kijun's reading, in properties of that namespace.");
  jw_end(&w);
  /* One group a chapter, in the order the sections come. */
  jw_arr(&w, "groups");
  for (size_t s = 0; s < q->nsections;)
    {
      char ch[32], ch2[32];
      chapter_of(&q->sections[s], ch, sizeof ch);
      char *gid = xasprintf("chapter-%s", ch);
      oscal_token_tail(gid + 8);
      jw_obj(&w, NULL);
      jw_str(&w, "id", gid);
      free(gid);
      char *gt = xasprintf("第%s章", ch);
      jw_str(&w, "title", gt);
      free(gt);
      jw_arr(&w, "props");
      jw_obj(&w, NULL);
      jw_str(&w, "name", "label");
      oscal_line(&w, "value", ch);
      jw_end(&w);
      char *en = xasprintf("Chapter %s", ch);
      oscal_prop(&w, "title-en", en);
      free(en);
      jw_end(&w);
      jw_arr(&w, "controls");
      for (; s < q->nsections && strcmp(chapter_of(&q->sections[s], ch2, sizeof ch2), ch) == 0; s++)
        control(&w, q, s);
      jw_end(&w);
      jw_end(&w);
    }
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);
  jw_finish(&w);
  free(modified);
  return ferror(f) ? EX_IOERR : 0;
}

/* ---- profiles ------------------------------------------------------------ */

/* The back-matter resource that stands for the catalog file. */
static void
catalog_resource(jw *w, const questionnaire *q, const char *uuid)
{
  jw_obj(w, NULL);
  jw_str(w, "uuid", uuid);
  oscal_line(w, "title", qn_tr(&q->title, LANG_JA));
  jw_str(w, "description",
         "The questionnaire as an OSCAL catalog, as kijun --export=oscal-catalog writes it.");
  jw_arr(w, "rlinks");
  jw_obj(w, NULL);
  char *name = oscal_catalog_name(q);
  jw_str(w, "href", name);
  free(name);
  jw_end(w);
  jw_end(w);
  jw_end(w);
}

int
oscal_profile_write(FILE *f, const questionnaire *q, bool baseline)
{
  jw w;
  jw_begin(&w, f);
  char id[UUID_TEXT_SIZE], res[UUID_TEXT_SIZE], ed[160];
  char *modified = qn_time(q);
  edition_text(q, ed, sizeof ed);
  const char *sel = baseline ? "baseline" : "full";
  uuid_of(id, "profile", q->id, ed, sel);
  uuid_of(res, "catalog-resource", q->id, ed, NULL);
  jw_obj(&w, NULL);
  jw_obj(&w, "profile");
  jw_str(&w, "uuid", id);
  char *title = xasprintf(baseline ? "%s: ベースライン (baseline selection)" : "%s: 全設問 (full selection)",
                          qn_tr(&q->title, LANG_JA));
  metadata(&w, q, title, modified, ed);
  free(title);
  oscal_prop(&w, "selection", sel);
  jw_end(&w);
  jw_str(&w, "remarks",
         baseline ? "The items with a baseline question, each without its recommended objectives. "
                    "Levels are kijun's reading where their basis says so."
                  : "Every item and question of the questionnaire.");
  jw_end(&w);
  jw_arr(&w, "imports");
  jw_obj(&w, NULL);
  char *href = xasprintf("#%s", res);
  jw_str(&w, "href", href);
  free(href);
  bool *has_base = xcalloc(q->nsections ? q->nsections : 1, sizeof *has_base);
  bool *has_rec = xcalloc(q->nsections ? q->nsections : 1, sizeof *has_rec);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      if (x->level == QN_BASELINE)
        has_base[x->section] = true;
      else
        has_rec[x->section] = true;
    }
  if (baseline)
    {
      jw_arr(&w, "include-controls");
      jw_obj(&w, NULL);
      jw_arr(&w, "with-ids");
      for (size_t s = 0; s < q->nsections; s++)
        if (has_base[s])
          {
            char *cid = oscal_control_id(&q->sections[s]);
            jw_str(&w, NULL, cid);
            free(cid);
          }
      jw_end(&w);
      jw_end(&w);
      jw_end(&w);
    }
  else
    {
      jw_obj(&w, "include-all");
      jw_end(&w);
    }
  jw_end(&w);
  jw_end(&w);
  /* The baseline leaves out the recommended objectives of the items it
   * selects. */
  bool alters = false;
  for (size_t s = 0; baseline && s < q->nsections; s++)
    alters |= has_base[s] && has_rec[s];
  if (alters)
    {
      jw_obj(&w, "modify");
      jw_arr(&w, "alters");
      for (size_t s = 0; s < q->nsections; s++)
        {
          if (!(has_base[s] && has_rec[s]))
            continue;
          char *cid = oscal_control_id(&q->sections[s]);
          jw_obj(&w, NULL);
          jw_str(&w, "control-id", cid);
          free(cid);
          jw_arr(&w, "removes");
          for (size_t pos = 0; pos < q->nquestions; pos++)
            {
              const qn_question *x = &q->questions[q->order[pos]];
              if (x->section != s || x->level != QN_RECOMMENDED)
                continue;
              char *oid = oscal_objective_id(q, x);
              jw_obj(&w, NULL);
              jw_str(&w, "by-id", oid);
              jw_end(&w);
              free(oid);
            }
          jw_end(&w);
          jw_end(&w);
        }
      jw_end(&w);
      jw_end(&w);
    }
  free(has_base);
  free(has_rec);
  jw_obj(&w, "back-matter");
  jw_arr(&w, "resources");
  catalog_resource(&w, q, res);
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);
  jw_finish(&w);
  free(modified);
  return ferror(f) ? EX_IOERR : 0;
}

/* ---- assessment results -------------------------------------------------- */

/* The finding's reason for a status: a token beside the two states. */
static const char *
reason_token(const ans_entry *e)
{
  if (ans_needs_reason(e->status) && !ans_has_reason(e))
    return "reason-missing";
  switch (e->status)
    {
    case ANS_NONE: return "unanswered";
    case ANS_IMPLEMENTED: return "pass";
    case ANS_ALTERNATIVE: return "alternative";
    case ANS_PARTIAL: return "partial";
    case ANS_NOT_IMPLEMENTED: return "fail";
    case ANS_UNKNOWN: return "unknown";
    default: return "other";
    }
}

/* "実施 / Implemented": a status in both languages, whatever the
 * interface speaks. */
static char *
status_both(enum ans_status st)
{
  enum lang was = i18n_switch_messages(LANG_JA);
  char *ja = xstrdup(ans_status_name(st));
  i18n_switch_messages(LANG_EN);
  char *out = xasprintf("%s / %s", ja, ans_status_name(st));
  i18n_switch_messages(was);
  free(ja);
  return out;
}

/* An observation of one answer, or of an answer to a question no longer
 * asked (retired). */
static void
observation(jw *w, const char *uuid, const char *qid, enum ans_status st,
            const char *note, const char *evidence, const char *collected, bool reconfirm,
            bool retired)
{
  jw_obj(w, NULL);
  jw_str(w, "uuid", uuid);
  oscal_line(w, "title", qid);
  char *sb = status_both(st);
  char *desc = xasprintf("回答 / Answer: %s", sb);
  jw_str(w, "description", desc);
  free(desc);
  free(sb);
  jw_arr(w, "props");
  oscal_prop(w, "status", ans_status_key(st));
  oscal_prop(w, "question", qid);
  if (reconfirm)
    oscal_prop(w, "to-reconfirm", "true");
  if (retired)
    oscal_prop(w, "retired-question", "true");
  jw_end(w);
  jw_arr(w, "methods");
  jw_str(w, NULL, "INTERVIEW");
  jw_end(w);
  jw_arr(w, "types");
  jw_str(w, NULL, "control-objective");
  jw_end(w);
  if (evidence && *evidence)
    {
      jw_arr(w, "relevant-evidence");
      jw_obj(w, NULL);
      jw_str(w, "description", evidence);
      jw_end(w);
      jw_end(w);
    }
  jw_str(w, "collected", collected);
  if (note && *note)
    jw_str(w, "remarks", note);
  jw_end(w);
}

int
oscal_results_write(FILE *f, const questionnaire *q, const assessment *a)
{
  jw w;
  jw_begin(&w, f);
  coverage c;
  cov_compute(q, a, &c);
  const char *org = a->profile[ANS_ORGANIZATION], *started = a->profile[ANS_STARTED];
  /* When the assessment began and was last changed, with their zones;
   * the questionnaire's time when the file gives none. */
  char *qtime = qn_time(q);
  const char *first = NULL;
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const char *u = a->e[i].updated;
      if (zoned_time(u) && (!first || strcmp(u, first) < 0))
        first = u;
    }
  const char *start = zoned_time(started) ? started : first ? first : qtime;
  const char *last = zoned_time(c.last_update) ? c.last_update : start;
  char ed[160];
  edition_text(q, ed, sizeof ed);
  /* The stable name of this assessment: questionnaire and edition, the
   * organisation, when it began and when it was last changed. */
  char *name = xasprintf("%s|%s|%s|%s", ed, org ? org : "", start, last);
  char doc[UUID_TEXT_SIZE], res_plan[UUID_TEXT_SIZE], res_cat[UUID_TEXT_SIZE], result[UUID_TEXT_SIZE];
  uuid_of(doc, "assessment-results", name, NULL, NULL);
  uuid_of(res_plan, "plan", name, NULL, NULL);
  uuid_of(res_cat, "catalog-resource", q->id, ed, NULL);
  uuid_of(result, "result", name, NULL, NULL);

  jw_obj(&w, NULL);
  jw_obj(&w, "assessment-results");
  jw_str(&w, "uuid", doc);
  char *title = org ? xasprintf("自己評価 / Self-assessment: %s", org) : xstrdup("自己評価 / Self-assessment");
  metadata(&w, q, title, last, last);
  free(title);
  oscal_prop(&w, "verdict", cov_verdict_key(c.verdict));
  jw_end(&w);
  char *org_line = one_line(org);
  if (org_line)
    {
      char party[UUID_TEXT_SIZE];
      uuid_of(party, "party", name, NULL, NULL);
      jw_arr(&w, "parties");
      jw_obj(&w, NULL);
      jw_str(&w, "uuid", party);
      jw_str(&w, "type", "organization");
      jw_str(&w, "name", org_line);
      jw_end(&w);
      jw_end(&w);
    }
  free(org_line);
  jw_end(&w);
  jw_obj(&w, "import-ap");
  char *href = xasprintf("#%s", res_plan);
  jw_str(&w, "href", href);
  free(href);
  jw_end(&w);

  jw_arr(&w, "results");
  jw_obj(&w, NULL);
  jw_str(&w, "uuid", result);
  jw_str(&w, "title", "kijun 自己評価 / kijun self-assessment");
  jw_str(&w, "description",
         "回答者自身による申告であり、監査ではない。/ Self-declared answers; not an audit.");
  jw_str(&w, "start", start);
  jw_str(&w, "end", last);
  jw_arr(&w, "props");
  oscal_prop(&w, "verdict", cov_verdict_key(c.verdict));
  char pct[COV_PERCENT_SIZE];
  oscal_prop(&w, "baseline-coverage", cov_percent_text(&c.all[QN_BASELINE], pct));
  oscal_prop(&w, "recommended-coverage", cov_percent_text(&c.all[QN_RECOMMENDED], pct));
  for (int fi = 0; fi < ANS_FIELD_COUNT; fi++)
    if (fi != ANS_ORGANIZATION && fi != ANS_STARTED)
      oscal_prop(&w, ans_field_keys[fi], a->profile[fi]);
  /* The scope answers, "ot: no", as the profile's other fields. */
  for (size_t k = 0; k < q->nscopes; k++)
    if (ans_scope_of(a, k) != ANS_SCOPE_UNSET)
      {
        char *v = xasprintf("%s: %s", q->scopes[k].id, ans_scope_key(ans_scope_of(a, k)));
        oscal_prop(&w, "scope-answer", v);
        free(v);
      }
  jw_end(&w);

  /* Reviewed: every item, less the questions answered not applicable
   * with a reason (narrowed to their objectives). */
  jw_obj(&w, "reviewed-controls");
  jw_arr(&w, "control-selections");
  jw_obj(&w, NULL);
  jw_obj(&w, "include-all");
  jw_end(&w);
  bool any_excluded = false;
  for (size_t i = 0; i < q->nquestions; i++)
    any_excluded |= excluded(a, i);
  if (any_excluded)
    {
      jw_arr(&w, "exclude-controls");
      for (size_t s = 0; s < q->nsections; s++)
        {
          bool open = false;
          for (size_t pos = 0; pos < q->nquestions; pos++)
            {
              size_t i = q->order[pos];
              const qn_question *x = &q->questions[i];
              if (x->section != s || !excluded(a, i))
                continue;
              if (!open)
                {
                  char *cid = oscal_control_id(&q->sections[s]);
                  jw_obj(&w, NULL);
                  jw_str(&w, "control-id", cid);
                  free(cid);
                  jw_arr(&w, "statement-ids");
                  open = true;
                }
              char *oid = oscal_objective_id(q, x);
              jw_str(&w, NULL, oid);
              free(oid);
            }
          if (open)
            {
              jw_end(&w);
              jw_end(&w);
            }
        }
      jw_end(&w);
    }
  /* Why each question out of scope is excluded: the scope questions and
   * their answers (an answer not applicable gives its reason in its
   * observation). */
  char *why = NULL;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      char *one = scope_reason_both(q, a, i);
      if (!one)
        continue;
      char *oid = oscal_objective_id(q, &q->questions[i]);
      char *more = xasprintf("%s\n- %s (%s): %s",
                             why ? why : "対象範囲外のため除外 / Excluded as not in scope:\n",
                             q->questions[i].id, oid, one);
      free(why);
      free(oid);
      free(one);
      why = more;
    }
  if (why)
    jw_str(&w, "remarks", why);
  free(why);
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);

  /* One observation an answer, in walk order; then the answers to
   * questions no longer asked, which no finding can point to. */
  bool any_obs = a->nretired > 0;
  for (size_t i = 0; i < q->nquestions && !any_obs; i++)
    any_obs = a->e[i].status != ANS_NONE;
  if (any_obs)
    {
      jw_arr(&w, "observations");
      for (size_t pos = 0; pos < q->nquestions; pos++)
        {
          size_t i = q->order[pos];
          const ans_entry *e = &a->e[i];
          if (e->status == ANS_NONE)
            continue;
          char ou[UUID_TEXT_SIZE];
          uuid_of(ou, "observation", name, q->questions[i].id, NULL);
          observation(&w, ou, q->questions[i].id, e->status, e->note, e->evidence,
                      zoned_time(e->updated) ? e->updated : start, e->reconfirm, false);
        }
      for (size_t k = 0; k < a->nretired; k++)
        {
          const ans_retired *x = &a->retired[k];
          char ou[UUID_TEXT_SIZE];
          uuid_of(ou, "retired-observation", name, x->question, NULL);
          observation(&w, ou, x->question, x->status, x->note, x->evidence,
                      zoned_time(x->updated) ? x->updated : start, false, true);
        }
      jw_end(&w);
    }

  /* A finding a question that OSCAL's two states can say: all but the
   * excluded ones. */
  jw_arr(&w, "findings");
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &a->e[i];
      enum cov_result r = cov_result(e);
      if (excluded(a, i))
        continue;
      char fu[UUID_TEXT_SIZE];
      uuid_of(fu, "finding", name, x->id, NULL);
      jw_obj(&w, NULL);
      jw_str(&w, "uuid", fu);
      oscal_line(&w, "title", x->id);
      char *sb = status_both(e->status);
      char *desc = xasprintf("%s (%s): %s", x->id, qn_level_key(x->level), sb);
      jw_str(&w, "description", desc);
      free(desc);
      free(sb);
      jw_arr(&w, "props");
      oscal_prop(&w, "status", ans_status_key(e->status));
      oscal_prop(&w, "level", qn_level_key(x->level));
      jw_end(&w);
      jw_obj(&w, "target");
      jw_str(&w, "type", "objective-id");
      char *oid = oscal_objective_id(q, x);
      jw_str(&w, "target-id", oid);
      free(oid);
      jw_obj(&w, "status");
      jw_str(&w, "state", r == COV_MET ? "satisfied" : "not-satisfied");
      jw_str(&w, "reason", reason_token(e));
      jw_end(&w);
      jw_end(&w);
      if (e->status != ANS_NONE)
        {
          char ou[UUID_TEXT_SIZE];
          uuid_of(ou, "observation", name, x->id, NULL);
          jw_arr(&w, "related-observations");
          jw_obj(&w, NULL);
          jw_str(&w, "observation-uuid", ou);
          jw_end(&w);
          jw_end(&w);
        }
      jw_end(&w);
    }
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);

  jw_obj(&w, "back-matter");
  jw_arr(&w, "resources");
  jw_obj(&w, NULL);
  jw_str(&w, "uuid", res_plan);
  jw_str(&w, "title", "評価計画なし / No separate assessment plan");
  char *pd = xasprintf("kijun で %s に沿って自己評価した。設問票が計画である。/ Self-assessment run with "
                       "kijun against the questionnaire %s; the questionnaire is the plan.",
                       ed, ed);
  jw_str(&w, "description", pd);
  free(pd);
  jw_arr(&w, "rlinks");
  jw_obj(&w, NULL);
  char *cat = oscal_catalog_name(q);
  jw_str(&w, "href", cat);
  free(cat);
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);
  catalog_resource(&w, q, res_cat);
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);
  jw_finish(&w);
  free(name);
  free(qtime);
  cov_free(&c);
  return ferror(f) ? EX_IOERR : 0;
}

/* ---- mapping collection ---------------------------------------------------- */

/* A side's resource: the questionnaire's catalog, named in kijun's
 * properties so that kijun reads the document back. */
static void
map_resource(jw *w, const char *key, const questionnaire *q)
{
  jw_obj(w, key);
  jw_str(w, "type", "catalog");
  char *name = oscal_catalog_name(q);
  jw_str(w, "href", name);
  free(name);
  jw_arr(w, "props");
  oscal_prop(w, "questionnaire-id", q->id);
  oscal_prop(w, "questionnaire-version", q->version);
  jw_end(w);
  jw_end(w);
}

static void
map_items(jw *w, const char *key, const questionnaire *q, const size_t *qi, size_t n)
{
  jw_arr(w, key);
  for (size_t k = 0; k < n; k++)
    {
      jw_obj(w, NULL);
      jw_str(w, "type", "statement");
      char *oid = oscal_objective_id(q, &q->questions[qi[k]]);
      jw_str(w, "id-ref", oid);
      free(oid);
      jw_end(w);
    }
  jw_end(w);
}

/* A gap summary: the objectives of the questions no map reaches. */
static void
gap_summary(jw *w, const char *key, const mapping *m, const questionnaire *q, bool to, const char *names)
{
  bool *mapped = xcalloc(q->nquestions ? q->nquestions : 1, sizeof *mapped);
  map_mapped(m, to, q->nquestions, mapped);
  size_t n = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    n += !mapped[i];
  if (n)
    {
      char id[UUID_TEXT_SIZE];
      uuid_of(id, key, names, NULL, NULL);
      jw_obj(w, key);
      jw_str(w, "uuid", id);
      jw_arr(w, "unmapped-controls");
      jw_obj(w, NULL);
      jw_arr(w, "with-ids");
      for (size_t pos = 0; pos < q->nquestions; pos++)
        if (!mapped[q->order[pos]])
          {
            char *oid = oscal_objective_id(q, &q->questions[q->order[pos]]);
            jw_str(w, NULL, oid);
            free(oid);
          }
      jw_end(w);
      jw_end(w);
      jw_end(w);
      jw_end(w);
    }
  free(mapped);
}

int
oscal_mapping_write(FILE *f, const mapping *m, const questionnaire *from, const questionnaire *to)
{
  jw w;
  jw_begin(&w, f);
  char id[UUID_TEXT_SIZE], mid[UUID_TEXT_SIZE];
  char *names = xasprintf("%s@%s/%s@%s", from->id, from->version, to->id, to->version);
  /* The document's UUID changes with its content (OSCAL: a revised
   * document gets a new one): the entries are in its name. */

  char *content = xstrdup("");
  for (size_t i = 0; i < m->nentries; i++)
    {
      const map_entry *e = &m->entries[i];
      char *next = xasprintf("%s|%s:", content, map_relation_key(e->relation));
      free(content);
      content = next;
      for (int side = 0; side < 2; side++)
        for (size_t k = 0; k < (side ? e->nto : e->nfrom); k++)
          {
            next = xasprintf("%s%s%s", content, side && !k ? ">" : ",", (side ? e->to : e->from)[k]);
            free(content);
            content = next;
          }
    }

  uuid_of(id, "mapping-collection", names, map_status_key(m->status), content);
  uuid_of(mid, "mapping", names, NULL, NULL);
  free(content);
  char *modified = qn_time(to);
  jw_obj(&w, NULL);
  jw_obj(&w, "mapping-collection");
  jw_str(&w, "uuid", id);
  jw_obj(&w, "metadata");
  char *title = xasprintf("kijun mapping: %s %s → %s %s", from->id, from->version, to->id, to->version);
  oscal_line(&w, "title", title);
  free(title);
  jw_str(&w, "last-modified", modified);
  oscal_line(&w, "version", names);
  jw_str(&w, "oscal-version", OSCAL_VERSION);
  jw_end(&w);
  jw_obj(&w, "provenance");
  jw_str(&w, "method", map_method_key(m->method));
  jw_str(&w, "matching-rationale", m->method == MAP_AUTOMATION ? "syntactic" : "semantic");
  jw_str(&w, "status", map_status_key(m->status));
  jw_str(&w, "mapping-description",
         "kijun's mapping between two questionnaires: each map carries the answers of its source "
         "questions (assessment objectives of kijun's OSCAL catalogs) to its target questions, as "
         "its relationship allows (kijun-mapping(5)). Notes are in properties note-ja and note-en "
         "(namespace " OSCAL_NS ").");
  jw_end(&w);
  jw_arr(&w, "mappings");
  jw_obj(&w, NULL);
  jw_str(&w, "uuid", mid);
  map_resource(&w, "source-resource", from);
  map_resource(&w, "target-resource", to);
  jw_arr(&w, "maps");
  for (size_t i = 0; i < m->nentries; i++)
    {
      const map_entry *e = &m->entries[i];
      char one[UUID_TEXT_SIZE], nth[24];
      snprintf(nth, sizeof nth, "%zu", i + 1);
      uuid_of(one, "map", names, nth, NULL);
      jw_obj(&w, NULL);
      jw_str(&w, "uuid", one);
      jw_str(&w, "relationship", map_relation_oscal(e->relation));
      map_items(&w, "sources", from, e->from_q, e->nfrom);
      map_items(&w, "targets", to, e->to_q, e->nto);
      if (qn_text_given(&e->note))
        {
          jw_arr(&w, "props");
          oscal_prop(&w, "note-ja", e->note.s[LANG_JA]);
          oscal_prop(&w, "note-en", e->note.s[LANG_EN]);
          jw_end(&w);
        }
      jw_end(&w);
    }
  jw_end(&w);
  gap_summary(&w, "source-gap-summary", m, from, false, names);
  gap_summary(&w, "target-gap-summary", m, to, true, names);
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);
  jw_finish(&w);
  free(modified);
  free(names);
  return ferror(f) ? EX_IOERR : 0;
}
