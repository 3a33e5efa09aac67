/* store: read and write answers files.  See store.h.
 *
 * The writer is ours rather than libconfig's config_write: it must go to
 * an arbitrary stream for the atomic save, and writing the file by hand
 * keeps it readable (Japanese text stays text, settings keep a fixed
 * order, a header says what the file is). */
#include <config.h>
#include "store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "afile.h"
#include "cfgread.h"
#include "coverage.h"
#include "i18n.h"
#include "xalloc.h"

struct store_doc
{
  cfg_reader r;
  const char *qid, *qversion, *qdigest;
  char *path;
};

int
store_read(const char *path, diag_t *d, store_doc **out)
{
  *out = NULL;
  store_doc *doc = xcalloc(1, sizeof *doc);
  doc->path = xstrdup(path);
  size_t before = diag_count(d);
  int rc = cfg_open(&doc->r, doc->path, CFG_ANSWERS_LIMITS, d);
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
  static const char *const keys[] = { "kijun_answers", "questionnaire", "profile", "answers",
                                      "summary", NULL };
  cfg_check_keys(r, root, keys, &top);
  const config_setting_t *qg = cfg_group(r, root, "questionnaire", true, false, &top);
  if (qg)
    {
      const cfg_where where = { N_("'questionnaire'"), NULL, 0, NULL, NULL };
      static const char *const qkeys[] = { "id", "version", "digest", NULL };
      cfg_check_keys(r, qg, qkeys, &where);
      doc->qid = cfg_string(r, qg, "id", true, false, &where);
      doc->qversion = cfg_string(r, qg, "version", true, false, &where);
      doc->qdigest = cfg_string(r, qg, "digest", true, false, &where);
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
  free(doc->path);
  free(doc);
}

const char *store_doc_qid(const store_doc *doc) { return doc->qid; }
const char *store_doc_qversion(const store_doc *doc) { return doc->qversion; }

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
  cfg_check_keys(r, pg, ans_field_keys, &where);
  for (int f = 0; f < ANS_FIELD_COUNT; f++)
    {
      const char *v = cfg_string(r, pg, ans_field_key((enum ans_field) f), false, false, &where);
      if (!v)
        continue;
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

static void
bind_answers(store_doc *doc, const questionnaire *q, assessment *a)
{
  cfg_reader *r = &doc->r;
  const config_setting_t *root = config_root_setting(r->cfg);
  const cfg_where top = { N_("the answers file"), NULL, 0, NULL, NULL };
  const config_setting_t *list = cfg_group(r, root, "answers", false, true, &top);
  if (!list)
    return;
  int *seen = xcalloc(q->nquestions ? q->nquestions : 1, sizeof *seen);
  unsigned n = (unsigned) config_setting_length(list);
  static const char *const keys[] = { "question", "status", "note", "evidence", "updated", NULL };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      const cfg_where where = { N_("answer %u"), NULL, i + 1, NULL, NULL };
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          char wbuf[96];
          diag_add(r->diag, r->file, cfg_line(g), _("%s is not a group; expected %s"),
                   cfg_where_text(&where, wbuf, sizeof wbuf), "{ question = ...; status = ...; }");
          continue;
        }
      cfg_check_keys(r, g, keys, &where);
      const char *qid = cfg_string(r, g, "question", true, false, &where);
      /* An unanswered question may still carry a note or evidence. */
      const char *st = cfg_string(r, g, "status", false, false, &where);
      const char *note = cfg_string(r, g, "note", false, true, &where);
      const char *ev = cfg_string(r, g, "evidence", false, true, &where);
      const char *upd = cfg_string(r, g, "updated", false, false, &where);
      if (!qid)
        continue;
      long qi = qn_find_question(q, qid);
      if (qi < 0)
        {
          diag_add(r->diag, r->file, cfg_line(g),
                   _("answer for unknown question '%s'; expected the id of a question of questionnaire '%s'"), qid,
                   q->id);
          continue;
        }
      if (seen[qi])
        {
          diag_add(r->diag, r->file, cfg_line(g),
                   _("question '%s' is answered twice (first at line %d); expected one answer per question"),
                   qid, seen[qi]);
          continue;
        }
      seen[qi] = cfg_line(g);
      int s = st ? vocab_parse(&ans_status_vocab, st) : -1;
      if (st && s < 0)
        {
          char expected[256];
          diag_add(r->diag, r->file, cfg_line(config_setting_get_member(g, "status")),
                   _("status \"%s\" of question '%s' is unknown; expected one of: %s"), st, qid,
                   vocab_list(&ans_status_vocab, expected, sizeof expected));
        }
      ans_entry *e = &a->e[qi];
      e->status = s > 0 ? (enum ans_status) s : ANS_NONE;
      e->note = note ? xstrdup(note) : NULL;
      e->evidence = ev ? xstrdup(ev) : NULL;
      e->updated = upd ? xstrdup(upd) : NULL;
    }
  free(seen);
}

int
store_bind(store_doc *doc, const questionnaire *q, diag_t *d, assessment **out, store_stamp *stamp)
{
  *out = NULL;
  if (strcmp(doc->qid, q->id) != 0 || strcmp(doc->qversion, q->version) != 0
      || strcmp(doc->qdigest, qn_digest(q)) != 0)
    {
      const char *what = strcmp(doc->qid, q->id) != 0 ? _("they are different questionnaires")
                         : strcmp(doc->qversion, q->version) != 0 ? _("the versions differ")
                         : _("the same version has different content");
      diag_add(d, doc->path, 0,
               _("these answers were made for questionnaire '%s' version %s (%s), but %s is '%s' version %s (%s): %s"),
               doc->qid, doc->qversion, doc->qdigest, q->path, q->id, q->version, qn_digest(q), what);
      diag_add(d, doc->path, 0,
               _("open the answers with the questionnaire file they were made for (--questionnaire FILE), or start a new answers file"));
      return EX_DATAERR;
    }
  size_t before = diag_count(d);
  assessment *a = ans_new(q);
  bind_profile(doc, q, a);
  bind_answers(doc, q, a);
  if (diag_count(d) > before)
    {
      ans_free(a);
      return EX_DATAERR;
    }
  if (stamp)
    store_stamp_file(doc->path, stamp);
  *out = a;
  return 0;
}

/* ---- writing --------------------------------------------------------- */

/* A libconfig string literal. */
static void
put_string(FILE *f, const char *s)
{
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        case '\f': fputs("\\f", f); break;
        default:
          if (*p < 0x20 || *p == 0x7F)
            fprintf(f, "\\x%02X", *p);
          else
            fputc(*p, f);
        }
    }
  fputc('"', f);
}

static void
put_kv(FILE *f, const char *indent, const char *key, const char *value)
{
  fprintf(f, "%s%s = ", indent, key);
  put_string(f, value ? value : "");
  fputs(";\n", f);
}

/* A scope's tallies, one line a level, with the statuses the table
 * keeps in brief. */
static void
put_levels(FILE *f, const char *indent, const cov_tally t[QN_LEVEL_COUNT])
{
  enum ans_status brief[ANS_STATUS_COUNT];
  int nb = ans_brief_statuses(brief);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      const cov_tally *x = &t[l];
      char pct[COV_PERCENT_SIZE];
      fprintf(f, "%s%s = { met = %u; applicable = %u; ", indent, qn_level_key((enum qn_level) l),
              x->met, x->applicable);
      if (cov_percent_text(x, pct))
        fprintf(f, "percent = %s; ", pct);
      fprintf(f, "total = %u; ", x->total);
      for (int i = 0; i < nb; i++)
        fprintf(f, "%s = %u; ", ans_status_key(brief[i]), x->status[brief[i]]);
      fprintf(f, "missing_reason = %u; };\n", x->no_reason);
    }
}

int
store_write(FILE *f, const assessment *a)
{
  const questionnaire *q = a->qn;
  char now[32];
  ans_now(now);
  fputs(STORE_MARK ": one self-assessment.  Written by kijun on every change;\n"
        "# see kijun-answers(5).  The summary group is recomputed on each save.\n", f);
  fprintf(f, "kijun_answers = %d;\n\n", STORE_FORMAT);
  fputs("questionnaire = {\n", f);
  put_kv(f, "  ", "id", q->id);
  put_kv(f, "  ", "version", q->version);
  put_kv(f, "  ", "digest", qn_digest(q));
  fputs("};\n\nprofile = {\n", f);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    if (a->profile[i])
      put_kv(f, "  ", ans_field_key((enum ans_field) i), a->profile[i]);
  fputs("};\n\nanswers = (", f);
  bool first = true;
  /* Walk order, so the file reads like the questionnaire. */
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const ans_entry *e = &a->e[i];
      if (e->status == ANS_NONE && !e->note && !e->evidence)
        continue;
      fputs(first ? "\n" : ",\n", f);
      first = false;
      fputs("  { question = ", f);
      put_string(f, q->questions[i].id);
      if (e->status != ANS_NONE)
        {
          fputs("; status = ", f);
          put_string(f, ans_status_key(e->status));
        }
      if (e->note)
        fputs("; note = ", f), put_string(f, e->note);
      if (e->evidence)
        fputs("; evidence = ", f), put_string(f, e->evidence);
      if (e->updated)
        fputs("; updated = ", f), put_string(f, e->updated);
      fputs("; }", f);
    }
  fputs(first ? ");\n\n" : "\n);\n\n", f);

  coverage c;
  cov_compute(q, a, &c);
  fputs("summary = {\n", f);
  put_kv(f, "  ", "computed", now);
  put_kv(f, "  ", "formula",
         "coverage = met / applicable; met = implemented, or alternative with a reason; "
         "applicable = all questions of the level except not_applicable with a reason");
  put_kv(f, "  ", "verdict", c.baseline_met ? "baseline_met" : "baseline_not_met");
  put_levels(f, "  ", c.all);
  fputs("  phases = {\n", f);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      fprintf(f, "    %s = {\n", qn_phase_key((enum qn_phase) p));
      put_levels(f, "      ", c.phase[p]);
      fputs("    };\n", f);
    }
  fputs("  };\n  unmet_baseline = [", f);
  for (size_t k = 0; k < c.nunmet; k++)
    {
      fputs(k ? ", " : " ", f);
      put_string(f, q->questions[c.unmet[k]].id);
    }
  fputs(c.nunmet ? " ];\n};\n" : "];\n};\n", f);
  cov_free(&c);
  return ferror(f) ? -1 : 0;
}

int
store_write_cb(FILE *f, void *ctx)
{
  return store_write(f, ctx);
}

void
store_stamp_file(const char *path, store_stamp *stamp)
{
  struct stat st;
  if (stat(path, &st) != 0)
    {
      stamp->valid = false;
      return;
    }
  stamp->valid = true;
  stamp->dev = st.st_dev;
  stamp->ino = st.st_ino;
  stamp->size = st.st_size;
  stamp->mtime = st.st_mtim;
}

int
store_save(const char *path, const assessment *a, store_stamp *stamp)
{
  if (stamp && stamp->valid)
    {
      store_stamp now;
      store_stamp_file(path, &now);
      /* A file that vanished is simply written again; one that was
       * replaced or edited holds someone's work and is left alone. */
      if (now.valid
          && (now.dev != stamp->dev || now.ino != stamp->ino || now.size != stamp->size
              || now.mtime.tv_sec != stamp->mtime.tv_sec || now.mtime.tv_nsec != stamp->mtime.tv_nsec))
        return STORE_CHANGED;
    }
  if (afile_write(path, store_write_cb, (void *) a) != 0)
    return errno ? errno : EIO;
  if (stamp)
    store_stamp_file(path, stamp);
  return 0;
}
