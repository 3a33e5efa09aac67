/* store_read: reading answers files (see store.h): parse a file and check
 * what needs no questionnaire (store_read), then place its answers on a
 * questionnaire, carrying answers of an earlier edition to the questions
 * that succeed them (store_bind).  Writing is store_write.c's. */
#include <config.h>
#include "io/store.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "io/afile.h"
#include "io/cfgread.h"
#include "io/lock.h"
#include "base/hset.h"
#include "model/coverage.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"

struct store_doc
{
  cfg_reader r;
  const char *qid, *qversion, *qdigest;
  unsigned qedition;          /* 1 when the file does not say */
  bool has_edition;           /* the file says (kijun always writes it) */
  int qline;                  /* of the questionnaire group */
  char *path;
  diag_t warn;                /* what the binder kept but could not place */
};

/* The checks of a parsed answers file that need no questionnaire. */
static int read_doc(store_doc *doc, int rc, size_t before, diag_t *d, store_doc **out);

int
store_read(const char *path, diag_t *d, store_doc **out)
{
  *out = NULL;
  store_doc *doc = xcalloc(1, sizeof *doc);
  doc->path = xstrdup(path);
  size_t before = diag_count(d);
  return read_doc(doc, cfg_open(&doc->r, doc->path, CFG_ANSWERS_LIMITS, d), before, d, out);
}

int
store_read_mem(const char *name, const char *text, size_t len, diag_t *d, store_doc **out)
{
  *out = NULL;
  store_doc *doc = xcalloc(1, sizeof *doc);
  doc->path = xstrdup(name);
  size_t before = diag_count(d);
  return read_doc(doc, cfg_parse(&doc->r, doc->path, text, len, CFG_ANSWERS_LIMITS, d), before, d,
                  out);
}

static int
read_doc(store_doc *doc, int rc, size_t before, diag_t *d, store_doc **out)
{
  const char *path = doc->path;
  if (rc)
    {
      store_doc_free(doc);
      return rc;
    }
  cfg_reader *r = &doc->r;
  const config_setting_t *root = config_root_setting(r->cfg);
  const cfg_where top = { N_("the answers file"), NULL, 0, NULL, NULL };
  if (!config_setting_get_member(root, "kijun_answers"))
    diag_add(d, path, 1, _("not a kijun answers file: 'kijun_answers' is missing; expected kijun_answers = %d; at the top"),
             STORE_FORMAT);
  else
    {
      long long v = cfg_int(r, root, "kijun_answers", STORE_FORMAT, &top);
      if (v != STORE_FORMAT)
        diag_add(d, path, cfg_line(config_setting_get_member(root, "kijun_answers")),
                 _("answers format %lld is not supported; expected kijun_answers = %d;"), v,
                 STORE_FORMAT);
    }
  static const char *const keys[] = { "kijun_answers", "questionnaire", "profile", "previous",
                                      "position", "review", "unreached", "answers", "retired", "summary", NULL };
  cfg_check_keys(r, root, keys, &top);
  const config_setting_t *qg = cfg_group(r, root, "questionnaire", true, false, &top);
  if (qg)
    {
      const cfg_where where = { N_("'questionnaire'"), NULL, 0, NULL, NULL };
      doc->qline = cfg_line(qg);
      static const char *const qkeys[] = { "id", "version", "edition", "digest", NULL };
      cfg_check_keys(r, qg, qkeys, &where);
      doc->qid = cfg_string(r, qg, "id", true, false, &where);
      doc->qversion = cfg_string(r, qg, "version", true, false, &where);
      doc->has_edition = config_setting_get_member(qg, "edition") != NULL;
      doc->qedition = (unsigned) cfg_int_in(r, qg, config_setting_get_member(qg, "edition"), "edition",
                                            false, 1, INT_MAX, 1, &where);
      /* Information only (which content the answers were last saved
       * with): never a reason to refuse them. */
      doc->qdigest = cfg_string(r, qg, "digest", false, false, &where);
    }
  if (diag_count(d) > before)
    {
      store_doc_free(doc);
      return EX_DATAERR;
    }
  *out = doc;
  return 0;
}

void
store_doc_free(store_doc *doc)
{
  if (!doc)
    return;
  cfg_close(&doc->r);
  diag_clear(&doc->warn);
  free(doc->path);
  free(doc);
}

const char *store_doc_qid(const store_doc *doc) { return doc->qid; }
const char *store_doc_qversion(const store_doc *doc) { return doc->qversion; }
const char *store_doc_qdigest(const store_doc *doc) { return doc->qdigest; }
unsigned store_doc_qedition(const store_doc *doc) { return doc->qedition; }
diag_t *store_doc_warnings(store_doc *doc) { return &doc->warn; }
int store_doc_qline(const store_doc *doc) { return doc->qline; }

/* The scope answers, profile.scope = { ot = "no"; ... }.  An answer to a
 * scope question the questionnaire does not ask is kept, with a word. */
static void
bind_scope(store_doc *doc, const questionnaire *q, assessment *a, const config_setting_t *pg,
           const cfg_where *parent)
{
  cfg_reader *r = &doc->r;
  const config_setting_t *sg = cfg_group(r, pg, "scope", false, false, parent);
  if (!sg)
    return;
  const cfg_where where = { N_("'%s' of %s"), NULL, 0, "scope", parent };
  unsigned n = (unsigned) config_setting_length(sg);
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *m = config_setting_get_elem(sg, i);
      const char *id = config_setting_name(m);
      char wbuf[256], expected[64];
      const char *v = config_setting_type(m) == CONFIG_TYPE_STRING ? config_setting_get_string(m) : NULL;
      int val = v ? vocab_parse(&ans_scope_vocab, v) : -1;
      if (val < 0)
        {
          if (v)
            diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is \"%s\"; expected one of: %s"), id,
                     cfg_where_text(&where, wbuf, sizeof wbuf), v,
                     vocab_list(&ans_scope_vocab, expected, sizeof expected));
          else
            diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is not a string; expected one of: %s"), id,
                     cfg_where_text(&where, wbuf, sizeof wbuf),
                     vocab_list(&ans_scope_vocab, expected, sizeof expected));
          continue;
        }
      if (qn_find_scope(q, id) < 0)
        diag_add(&doc->warn, r->file, cfg_line(m),
                 _("scope question '%s' is not one of questionnaire '%s'; its answer is kept and governs no question"),
                 id, q->id);
      ans_set_scope(a, id, (enum ans_scope) val);
    }
}

static void
bind_profile(store_doc *doc, const questionnaire *q, assessment *a)
{
  cfg_reader *r = &doc->r;
  const config_setting_t *root = config_root_setting(r->cfg);
  const cfg_where top = { N_("the answers file"), NULL, 0, NULL, NULL };
  const config_setting_t *pg = cfg_group(r, root, "profile", false, false, &top);
  if (!pg)
    return;
  const cfg_where where = { N_("'profile'"), NULL, 0, NULL, NULL };
  const char *keys[ANS_FIELD_COUNT + 2];
  for (int f = 0; f < ANS_FIELD_COUNT; f++)
    keys[f] = ans_field_key((enum ans_field) f);
  keys[ANS_FIELD_COUNT] = "scope";
  keys[ANS_FIELD_COUNT + 1] = NULL;
  cfg_check_keys(r, pg, keys, &where);
  bind_scope(doc, q, a, pg, &where);
  for (int f = 0; f < ANS_FIELD_COUNT; f++)
    {
      const char *key = ans_field_key((enum ans_field) f);
      config_setting_t *m = config_setting_get_member(pg, key);
      /* Names may be long (a merge keeps every respondent); the sector is
       * an id and the start a time. */
      const char *v = f == ANS_SECTOR || f == ANS_STARTED
                        ? cfg_string_in(r, pg, m, key, false, false, &where)
                        : cfg_text_in(r, pg, m, key, false, false, &where);
      if (!v)
        continue;
      if (f == ANS_STARTED && !ans_valid_time(v))
        {
          diag_add(r->diag, r->file, cfg_line(m),
                   _("'started' in 'profile' is \"%s\", not a time; expected ISO 8601, such as 2026-11-22T10:00:00+09:00"),
                   v);
          continue;
        }
      if (f == ANS_SECTOR && !qn_find_sector(q, v))
        {
          diag_add(r->diag, r->file, cfg_line(config_setting_get_member(pg, "sector")),
                   _("sector '%s' is not one of the questionnaire's sectors; expected a sector id such as '%s'"),
                   v, q->nsectors ? q->sectors[0].id : "");
          continue;
        }
      ans_set_profile(a, (enum ans_field) f, v);
    }
}

/* One figure of the previous cycle: { met = N; applicable = N; } (the
 * percent kijun writes beside them is for people and not read). */
static void
bind_figure(cfg_reader *r, const config_setting_t *g, const char *key, const cfg_where *parent,
            ans_figure *out)
{
  const cfg_where where = { N_("'%s' of %s"), NULL, 0, key, parent };
  const config_setting_t *t = cfg_group(r, g, key, true, false, &where);
  if (!t)
    return;
  static const char *const keys[] = { "met", "applicable", "percent", NULL };
  cfg_check_keys(r, t, keys, &where);
  long long met = cfg_int_in(r, t, config_setting_get_member(t, "met"), "met", true, 0, UINT_MAX, 0,
                             &where);
  long long app = cfg_int_in(r, t, config_setting_get_member(t, "applicable"), "applicable", true,
                             0, UINT_MAX, 0, &where);
  if (met > app)
    {
      char wbuf[256];
      diag_add(r->diag, r->file, cfg_line(t),
               _("%s has met = %lld over applicable = %lld; expected met <= applicable"),
               cfg_where_text(&where, wbuf, sizeof wbuf), met, app);
    }
  out->met = (unsigned) met;
  out->applicable = (unsigned) app;
}

/* previous = { path; started; baseline; recommended; phases; }: the
 * cycle this one follows (kijun --next-cycle). */
static void
bind_previous(store_doc *doc, assessment *a)
{
  cfg_reader *r = &doc->r;
  const config_setting_t *root = config_root_setting(r->cfg);
  const cfg_where top = { N_("the answers file"), NULL, 0, NULL, NULL };
  const config_setting_t *pg = cfg_group(r, root, "previous", false, false, &top);
  if (!pg)
    return;
  const cfg_where where = { N_("'previous'"), NULL, 0, NULL, NULL };
  static const char *const keys[] = { "path", "started", "baseline", "recommended", "phases", NULL };
  cfg_check_keys(r, pg, keys, &where);
  ans_previous *p = xcalloc(1, sizeof *p);
  a->previous = p;
  const char *path = cfg_string(r, pg, "path", true, false, &where);
  const char *started = cfg_string(r, pg, "started", false, false, &where);
  if (started && !ans_valid_time(started))
    {
      diag_add(r->diag, r->file, cfg_line(config_setting_get_member(pg, "started")),
               _("'started' in 'previous' is \"%s\", not a time; expected ISO 8601, such as 2026-11-22T10:00:00+09:00"),
               started);
      started = NULL;
    }
  p->path = xstrdup(path ? path : "");
  p->started = started ? xstrdup(started) : NULL;
  if (!config_setting_get_member(pg, "baseline"))
    return;
  p->figures = true;
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    bind_figure(r, pg, qn_level_key((enum qn_level) l), &where, &p->all[l]);
  const cfg_where pw = { N_("'phases' of 'previous'"), NULL, 0, NULL, NULL };
  const config_setting_t *ph = cfg_group(r, pg, "phases", true, false, &where);
  if (!ph)
    return;
  static const char *const phase_keys[QN_PHASE_COUNT + 1] = {
#define K_(id, key, ...) key,
    QN_PHASE_TABLE(K_)
#undef K_
    NULL };
  cfg_check_keys(r, ph, phase_keys, &pw);
  for (int f = 0; f < QN_PHASE_COUNT; f++)
    {
      const cfg_where fw = { N_("'%s' of %s"), NULL, 0, phase_keys[f], &pw };
      const config_setting_t *g = cfg_group(r, ph, phase_keys[f], true, false, &pw);
      for (int l = 0; g && l < QN_LEVEL_COUNT; l++)
        bind_figure(r, g, qn_level_key((enum qn_level) l), &fw, &p->phase[f][l]);
    }
}

/* Where the respondent was: a question of this questionnaire, or else
 * nowhere (the question may have gone in another edition). */
static void
bind_position(store_doc *doc, const questionnaire *q, assessment *a)
{
  cfg_reader *r = &doc->r;
  const config_setting_t *root = config_root_setting(r->cfg);
  const cfg_where top = { N_("the answers file"), NULL, 0, NULL, NULL };
  const char *id = cfg_string(r, root, "position", false, false, &top);
  if (id && qn_find_question(q, id) >= 0)
    ans_set_position(a, id);
}

/* review = [ "id", ... ]: the questions the respondent marked to look at
 * again (or, for key "unreached", those no earlier answer reached in a
 * migration); an id that names no question (another edition) is left
 * out. */
static void
bind_marks(store_doc *doc, const questionnaire *q, assessment *a, const char *key)
{
  cfg_reader *r = &doc->r;
  const config_setting_t *root = config_root_setting(r->cfg);
  const config_setting_t *l = config_setting_get_member(root, key);
  bool unreached = strcmp(key, "unreached") == 0;
  if (!l)
    return;
  if (!config_setting_is_aggregate(l))
    {
      diag_add(r->diag, r->file, cfg_line(l), _("'%s' is not a list; expected %s = [ \"1.2-a\", ... ];"), key, key);
      return;
    }
  for (int k = 0; k < config_setting_length(l); k++)
    {
      const char *id = config_setting_get_string_elem(l, k);
      long qi = id ? qn_find_question(q, id) : -1;
      if (!id)
        diag_add(r->diag, r->file, cfg_line(l), _("'%s' holds something other than a question id; "
                                                    "expected %s = [ \"1.2-a\", ... ];"), key, key);
      else if (qi >= 0 && unreached)
        a->e[qi].unreached = true;
      else if (qi >= 0)
        a->e[qi].review = true;
      else if (unreached)
        continue;
      else
        {
          /* A question renamed, merged or split: the mark goes with its
           * answer, to the questions that replace it. */
          size_t n;
          const size_t *succ = qn_successors(q, id, &n);
          for (size_t j = 0; j < n; j++)
            a->e[succ[j]].review = true;
        }
    }
}

/* One answer as the file gives it, before it is placed. */
typedef struct given
{
  ans_source s;
  const char *from;
  enum ans_status proposal;
  int line;
  bool no_revision;           /* the answer does not say its revision */
} given;

/* The keys of an answer group, and their slots (cfg_members): one pass
 * over the group instead of a search for each key, which was a tenth of
 * reading an answers file for kijun --aggregate.  The plan fields come
 * last, in the plan table's order. */
#define PLAN_KEY_(id, key, ...) key,
static const char *const answer_keys[] = { "question", "status", "note", "evidence", "updated",
                                           "revision", "reconfirm", "from", "proposal",
                                           ANS_PLAN_TABLE(PLAN_KEY_) NULL };
#undef PLAN_KEY_
enum { AK_QUESTION, AK_STATUS, AK_NOTE, AK_EVIDENCE, AK_UPDATED, AK_REVISION, AK_RECONFIRM, AK_FROM,
       AK_PROPOSAL, AK_PLAN };
_Static_assert(AK_PLAN + ANS_PLAN_COUNT < CFG_MAX_SLOTS, "an answer group's keys fit cfg_members");

/* The plan fields of an answer group (its slots m) into plan[]; dates
 * must be dates. */
static void
read_plan(cfg_reader *r, const config_setting_t *g, config_setting_t **m, const char *qid,
          const cfg_where *where, const char *plan[ANS_PLAN_COUNT])
{
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    {
      const char *key = ans_plan_key((enum ans_plan) f);
      const char *v = ans_plan_is_date((enum ans_plan) f)
                        ? cfg_string_in(r, g, m[AK_PLAN + f], key, false, false, where)
                        : cfg_text_in(r, g, m[AK_PLAN + f], key, false, f == ANS_PLAN_ACTION, where);
      if (v && ans_plan_is_date((enum ans_plan) f) && !ans_valid_date(v))
        {
          diag_add(r->diag, r->file, cfg_line(m[AK_PLAN + f]),
                   _("%s \"%s\" of question '%s' is not a date; expected YYYY-MM-DD, such as 2027-03-31"),
                   key, v, qid ? qid : "?");
          v = NULL;
        }
      plan[f] = v;
    }
}

/* Read one answer group (of answers or retired: qkey names the question
 * key); false when it cannot be read at all. */
static bool
read_given(cfg_reader *r, const config_setting_t *g, const cfg_where *where, given *out)
{
  *out = (given){ .line = cfg_line(g), .s.revision = 1 };
  if (config_setting_type(g) != CONFIG_TYPE_GROUP)
    {
      char wbuf[96];
      diag_add(r->diag, r->file, cfg_line(g), _("%s is not a group; expected %s"),
               cfg_where_text(where, wbuf, sizeof wbuf), "{ question = ...; status = ...; }");
      return false;
    }
  config_setting_t *m[CFG_MAX_SLOTS];
  cfg_members(r, g, answer_keys, where, m);
  out->s.id = cfg_string_in(r, g, m[AK_QUESTION], "question", true, false, where);
  /* An unanswered question may still carry a note or evidence. */
  const char *st = cfg_string_in(r, g, m[AK_STATUS], "status", false, false, where);
  out->s.note = cfg_text_in(r, g, m[AK_NOTE], "note", false, true, where);
  out->s.evidence = cfg_text_in(r, g, m[AK_EVIDENCE], "evidence", false, true, where);
  out->s.updated = cfg_string_in(r, g, m[AK_UPDATED], "updated", false, false, where);
  if (out->s.updated && !ans_valid_time(out->s.updated))
    {
      diag_add(r->diag, r->file, cfg_line(m[AK_UPDATED]),
               _("'updated' of question '%s' is \"%s\", not a time; expected ISO 8601, such as 2026-11-22T10:00:00+09:00"),
               out->s.id ? out->s.id : "?", out->s.updated);
      out->s.updated = NULL;
    }
  out->from = cfg_text_in(r, g, m[AK_FROM], "from", false, false, where);
  read_plan(r, g, m, out->s.id, where, out->s.plan);
  out->s.revision = (unsigned) cfg_int_in(r, g, m[AK_REVISION], "revision", false, 1, INT_MAX, 1, where);
  out->no_revision = m[AK_REVISION] == NULL;
  const config_setting_t *rc = m[AK_RECONFIRM];
  if (rc && config_setting_type(rc) != CONFIG_TYPE_BOOL)
    {
      char wbuf[96];
      diag_add(r->diag, r->file, cfg_line(rc), _("'reconfirm' of %s is not true or false; expected reconfirm = true;"),
               cfg_where_text(where, wbuf, sizeof wbuf));
    }
  else if (rc)
    out->s.reconfirm = config_setting_get_bool(rc);
  int s = st ? vocab_parse(&ans_status_vocab, st) : -1;
  if (st && s < 0)
    {
      char expected[256];
      diag_add(r->diag, r->file, cfg_line(m[AK_STATUS]),
               _("status \"%s\" of question '%s' is unknown; expected one of: %s"), st,
               out->s.id ? out->s.id : "?", vocab_list(&ans_status_vocab, expected, sizeof expected));
    }
  out->s.status = s > 0 ? (enum ans_status) s : ANS_NONE;
  const char *pr = cfg_string_in(r, g, m[AK_PROPOSAL], "proposal", false, false, where);
  int p = pr ? vocab_parse(&ans_status_vocab, pr) : -1;
  if (pr && p <= 0)
    {
      char expected[256];
      diag_add(r->diag, r->file, cfg_line(m[AK_PROPOSAL]),
               _("proposal \"%s\" of question '%s' is unknown; expected one of: %s"), pr,
               out->s.id ? out->s.id : "?", vocab_list(&ans_status_vocab, expected, sizeof expected));
    }
  out->proposal = p > 0 ? (enum ans_status) p : ANS_NONE;
  return out->s.id != NULL;
}

static void
retire(assessment *a, const given *g)
{
  ans_retired x = { (char *) g->s.id, g->s.status, (char *) g->s.note, (char *) g->s.evidence,
                    (char *) g->s.updated, g->s.revision, (char *) g->from, { NULL } };
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    x.plan[f] = (char *) g->s.plan[f];
  ans_add_retired(a, &x);
}

/* Place every answer of the file (kijun-answers(5), "Editions"): on its
 * question; carried by 'was' to the questions that replace its id; or,
 * for an id the questionnaire retired or does not know, among the
 * answers to questions no longer asked.  Nothing the file holds is
 * dropped. */
static void
bind_answers(store_doc *doc, const questionnaire *q, assessment *a)
{
  cfg_reader *r = &doc->r;
  const config_setting_t *root = config_root_setting(r->cfg);
  const cfg_where top = { N_("the answers file"), NULL, 0, NULL, NULL };
  const config_setting_t *list = cfg_group(r, root, "answers", false, true, &top);
  unsigned n = list ? (unsigned) config_setting_length(list) : 0;
  size_t nq = q->nquestions ? q->nquestions : 1;
  int *seen = xcalloc(nq, sizeof *seen);
  given *gv = xcalloc(n ? n : 1, sizeof *gv);
  /* For answers to old ids: their successors, and how many sources each
   * question receives (then, in place, where its sources start). */
  const size_t **succ = xcalloc(n ? n : 1, sizeof *succ);
  size_t *nsucc = xcalloc(n ? n : 1, sizeof *nsucc);
  size_t *nsrc = xcalloc(nq + 1, sizeof *nsrc);
  bool newer = doc->qedition > q->edition;
  bool current = doc->qdigest && strcmp(doc->qdigest, qn_digest(q)) == 0;
  size_t unplaced = 0;
  hset *old_seen = hset_new(0);
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      const cfg_where where = { N_("answer %u"), NULL, i + 1, NULL, NULL };
      if (!read_given(r, g, &where, &gv[i]))
        {
          gv[i].s.id = NULL;
          continue;
        }
      long qi = qn_find_question(q, gv[i].s.id);
      if (qi >= 0)
        {
          if (seen[qi])
            {
              diag_add(r->diag, r->file, gv[i].line,
                       _("question '%s' is answered twice (first at line %d); expected one answer per question"),
                       gv[i].s.id, seen[qi]);
              continue;
            }
          seen[qi] = gv[i].line;
          ans_entry *e = &a->e[qi];
          e->status = gv[i].s.status;
          e->note = gv[i].s.note ? xstrdup(gv[i].s.note) : NULL;
          e->evidence = gv[i].s.evidence ? xstrdup(gv[i].s.evidence) : NULL;
          e->updated = gv[i].s.updated ? xstrdup(gv[i].s.updated) : NULL;
          e->from = gv[i].from ? xstrdup(gv[i].from) : NULL;
          for (int f = 0; f < ANS_PLAN_COUNT; f++)
            e->plan[f] = gv[i].s.plan[f] ? xstrdup(gv[i].s.plan[f]) : NULL;
          /* An answer that names no revision, in a file kijun did not
           * write (no digest and no edition: every kijun writes the
           * digest, and the edition since there were editions) or
           * written with exactly this content (its digest): given to
           * the question as it is, so that a file scripted from
           * kijun-answers(5) is not judged worse than the same answers
           * typed.  Elsewhere it is an earlier kijun's: revision 1. */
          if (gv[i].no_revision && (current || (!doc->has_edition && !doc->qdigest)))
            gv[i].s.revision = q->questions[qi].revision;
          e->revision = gv[i].s.revision;
          /* A revision that rose changed the question's meaning. */
          e->reconfirm = e->status != ANS_NONE
                         && (gv[i].s.reconfirm || gv[i].s.revision < q->questions[qi].revision);
          /* A proposal is an answer to confirm, never one given. */
          e->proposal = e->status == ANS_NONE ? gv[i].proposal : ANS_NONE;
          e->reconfirm |= e->proposal != ANS_NONE;
          continue;
        }
      /* An old id (or one no longer asked) answered twice is the same
       * mistake as a current one answered twice. */
      int *first = hset_put(old_seen, gv[i].s.id, gv[i].line);
      if (first)
        {
          diag_add(r->diag, r->file, gv[i].line,
                   _("question '%s' is answered twice (first at line %d); expected one answer per question"),
                   gv[i].s.id, *first);
          continue;
        }
      succ[i] = qn_successors(q, gv[i].s.id, &nsucc[i]);
      if (nsucc[i])
        {
          for (size_t k = 0; k < nsucc[i]; k++)
            nsrc[succ[i][k]]++;
          continue;
        }
      if (!qn_find_retired(q, gv[i].s.id))
        {
          if (newer)
            unplaced++;
          else if (!diag_skip(&doc->warn))
            diag_add(&doc->warn, r->file, gv[i].line,
                     _("question '%s' is not one of questionnaire '%s' (edition %u), which does not say what became of it; its answer is kept among the answers to questions no longer asked"),
                     gv[i].s.id, q->id, q->edition);
        }
      retire(a, &gv[i]);
    }
  if (newer)
    diag_add(&doc->warn, r->file, 0,
             ngettext("these answers were saved with edition %u of questionnaire '%s', newer than this one (edition %u); "
                      "%zu answer to a question it does not know is shown among the answers to questions no longer asked",
                      "these answers were saved with edition %u of questionnaire '%s', newer than this one (edition %u); "
                      "%zu answers to questions it does not know are shown among the answers to questions no longer asked",
                      unplaced),
             doc->qedition, q->id, q->edition, unplaced);

  /* The carried answers, grouped by the question they go to. */
  size_t total = 0;
  for (size_t t = 0; t < q->nquestions; t++)
    {
      size_t c = nsrc[t];
      nsrc[t] = total;
      total += c;
    }
  nsrc[q->nquestions] = total;
  const ans_source **src = xcalloc(total ? total : 1, sizeof *src);
  size_t *fill = xcalloc(nq, sizeof *fill);
  bool *split = xcalloc(nq, sizeof *split);
  /* A successor the file answers itself takes nothing from the old id
   * (below), so an old id is split only among the successors it still
   * feeds: an edition-2 file that answers 5.4.1-i and 5.4.1-c carries
   * 5.4.1-c to 5.4.1-j alone, as a rename, not a split.  And an old
   * answer that reaches one of them is placed, not kept aside. */
  size_t *unfed = xcalloc(n ? n : 1, sizeof *unfed);
  for (unsigned i = 0; i < n; i++)
    for (size_t k = 0; k < nsucc[i]; k++)
      unfed[i] += !seen[succ[i][k]];
  for (unsigned i = 0; i < n; i++)
    for (size_t k = 0; k < nsucc[i]; k++)
      {
        size_t t = succ[i][k];
        src[nsrc[t] + fill[t]++] = &gv[i].s;
        split[t] |= unfed[i] > 1;
      }
  for (size_t t = 0; t < q->nquestions; t++)
    {
      size_t k = nsrc[t + 1] - nsrc[t];
      if (!k)
        continue;
      if (seen[t])
        {
          /* The file answers the new id as well: that answer stands, and
           * what the old ids said is kept beside it, unless it reached
           * another question it feeds. */
          bool kept = false;
          for (size_t j = 0; j < k; j++)
            {
              const given *g = (const given *) src[nsrc[t] + j];
              if (unfed[g - gv])
                continue;
              retire(a, g);
              kept = true;
            }
          if (kept)
            diag_add(&doc->warn, r->file, seen[t],
                     _("question '%s' is answered, and so is a question it replaces; the older answer is kept among the answers to questions no longer asked"),
                     q->questions[t].id);
          continue;
        }
      /* A split or a merge makes the carry uncertain, also when only one
       * of the merged questions was answered: the others' part of the
       * new question is not. */
      ans_combine(a, t, src + nsrc[t], k, split[t] || q->questions[t].nwas > 1);
    }
  free(src);
  free(fill);
  free(split);
  free(unfed);
  free(succ);
  free(nsucc);
  free(nsrc);
  free(gv);
  free(seen);
  hset_free(old_seen);
}

/* The file's own retired list: read back as it was, every save. */
static void
bind_retired(store_doc *doc, assessment *a)
{
  cfg_reader *r = &doc->r;
  const config_setting_t *root = config_root_setting(r->cfg);
  const cfg_where top = { N_("the answers file"), NULL, 0, NULL, NULL };
  const config_setting_t *list = cfg_group(r, root, "retired", false, true, &top);
  unsigned n = list ? (unsigned) config_setting_length(list) : 0;
  for (unsigned i = 0; i < n; i++)
    {
      const cfg_where where = { N_("retired answer %u"), NULL, i + 1, NULL, NULL };
      given g;
      if (read_given(r, config_setting_get_elem(list, i), &where, &g))
        retire(a, &g);
    }
}

int
store_bind(store_doc *doc, const questionnaire *q, diag_t *d, assessment **out, store_stamp *stamp)
{
  *out = NULL;
  /* Editions of one question set carry answers forward (bind_answers);
   * another question set, or another guideline version, is a migration
   * (--migrate).  The digest only tells which content the file was last
   * saved with. */
  if (strcmp(doc->qid, q->id) != 0 || strcmp(doc->qversion, q->version) != 0)
    {
      const char *what = strcmp(doc->qid, q->id) != 0 ? _("they are different questionnaires")
                         : _("the versions differ");
      diag_add(d, doc->path, 0,
               _("these answers were made for questionnaire '%s' version %s (%s), but %s is '%s' version %s (%s): %s"),
               doc->qid, doc->qversion, doc->qdigest ? doc->qdigest : "-", q->path, q->id, q->version,
               qn_digest(q), what);
      diag_add(d, doc->path, 0,
               _("open the answers with the questionnaire file they were made for (--questionnaire FILE), or start a new answers file"));
      return EX_DATAERR;
    }
  size_t before = diag_count(d);
  assessment *a = ans_new(q);
  bind_profile(doc, q, a);
  bind_previous(doc, a);
  bind_position(doc, q, a);
  bind_marks(doc, q, a, "review");
  bind_marks(doc, q, a, "unreached");
  bind_answers(doc, q, a);
  bind_retired(doc, a);
  if (diag_count(d) > before)
    {
      ans_free(a);
      return EX_DATAERR;
    }
  if (stamp)
    {
      /* The file as it was read, from the descriptor read: a stat of the
       * name now could describe a file another program put there since. */
      const struct stat *st = &doc->r.st;
      *stamp = (store_stamp){ doc->r.has_st, st->st_dev, st->st_ino, st->st_size, st->st_mtim };
    }
  *out = a;
  return 0;
}
