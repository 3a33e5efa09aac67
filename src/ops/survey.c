/* survey: reading many answers files into one aggregate.  See survey.h.
 *
 * The main thread walks the folders and hands each file's name through a
 * small bounded queue to the workers; each worker reads, binds and sums
 * into its own aggregate, with no lock but the queue's.  Nothing here
 * depends on the order in which the files are read: the sums do not, and
 * every list (problems, duplicates, names) is sorted by path at the end. */
#include <config.h>
#include "ops/survey.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/coverage.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "io/store.h"
#include "base/text.h"
#include "base/xalloc.h"

/* ---- walking ------------------------------------------------------------ */

/* A folder being walked, and the ones above it, to tell a loop. */
typedef struct ancestor
{
  dev_t dev;
  ino_t ino;
  const char *path;
  const struct ancestor *up;
} ancestor;

/* Files and folders already visited, by device and inode: open
 * addressing, grown at half full. */
typedef struct idset
{
  struct fid { dev_t dev; ino_t ino; bool used; } *slot;
  size_t mask, n;
} idset;

static size_t
fid_hash(dev_t dev, ino_t ino)
{
  uint64_t x = (uint64_t) ino * 0x9E3779B97F4A7C15ULL ^ (uint64_t) dev * 0xC2B2AE3D27D4EB4FULL;
  x ^= x >> 31;
  return (size_t) (x * 0x94D049BB133111EBULL >> 17);
}

/* Add (dev, ino); false when it was there already. */
static bool
idset_add(idset *s, dev_t dev, ino_t ino)
{
  if (!s->slot)
    {
      s->mask = 63;
      s->slot = xcalloc(s->mask + 1, sizeof *s->slot);
    }
  size_t h = fid_hash(dev, ino) & s->mask;
  while (s->slot[h].used)
    {
      if (s->slot[h].dev == dev && s->slot[h].ino == ino)
        return false;
      h = (h + 1) & s->mask;
    }
  s->slot[h] = (struct fid){ dev, ino, true };
  if (++s->n * 2 > s->mask)
    {
      idset old = *s;
      s->mask = old.mask * 2 + 1;
      s->slot = xcalloc(s->mask + 1, sizeof *s->slot);
      s->n = 0;
      for (size_t i = 0; i <= old.mask; i++)
        if (old.slot[i].used)
          idset_add(s, old.slot[i].dev, old.slot[i].ino);
      free(old.slot);
    }
  return true;
}

typedef struct walker
{
  const char *pattern;
  unsigned ordinal;             /* files emitted so far */
  void (*file)(void *ctx, char *path, unsigned ordinal); /* takes path */
  void (*problem)(void *ctx, const char *path, const char *message);
  /* A file in a folder that is not read, and why (NULL: not told). */
  void (*skip)(void *ctx, const char *path, const char *reason);
  void *ctx;
  idset dirs, files;            /* visited: each folder and each file once */
  char **roots;                 /* the folders given, resolved */
  size_t nroots;
} walker;

static void
skipped(walker *w, const char *path, const char *reason)
{
  if (w->skip)
    w->skip(w->ctx, path, reason);
}

/* kijun's own files beside an answers file: its lock and the temporary
 * files of a save (afile.h), which nobody needs to hear about. */
static bool
kijun_own(const char *name)
{
  size_t n = strlen(name);
  return strstr(name, ".kijun-tmp-") || strncmp(name, ".kijun-", 7) == 0
         || (n > 5 && strcmp(name + n - 5, ".lock") == 0);
}

static void
emit(walker *w, char *path)
{
  w->file(w->ctx, path, w->ordinal++);
}

static void
problem(walker *w, const char *path, const char *message)
{
  w->problem(w->ctx, path, message);
}

static void walk_dir(walker *w, const char *dir, const ancestor *up);

/* path is a folder with status st: walk it unless it is one of its own
 * ancestors (a symbolic link leading back up), or was walked already
 * (reached again by another link). */
static void
enter(walker *w, const char *path, const struct stat *st, const ancestor *up)
{
  for (const ancestor *a = up; a; a = a->up)
    if (a->dev == st->st_dev && a->ino == st->st_ino)
      {
        char *m = xasprintf(_("symbolic link loop: this leads back to %s; not followed"), a->path);
        problem(w, path, m);
        free(m);
        return;
      }
  if (!idset_add(&w->dirs, st->st_dev, st->st_ino))
    return;
  ancestor me = { st->st_dev, st->st_ino, path, up };
  walk_dir(w, path, &me);
}

/* Whether the symbolic link at path leads inside one of the folders
 * given: a link is followed only there, so the walk never leaves them. */
static bool
inside_roots(const walker *w, const char *path)
{
  char *real = realpath(path, NULL);
  if (!real)
    return true;                /* dangling: the reader says why */
  bool in = false;
  for (size_t i = 0; i < w->nroots && !in; i++)
    {
      size_t n = strlen(w->roots[i]);
      in = strncmp(real, w->roots[i], n) == 0 && (real[n] == '/' || real[n] == '\0' || n == 1);
    }
  free(real);
  return in;
}

/* kijun's own backup of an earlier edition's file beside it
 * (NAME.edition-N.cfg or NAME.edition-N.K.cfg next to NAME.cfg, see
 * kijun-answers(5)): the same organisation's earlier answers, not
 * another organisation. */
static bool
is_backup(const char *dir, const char *name)
{
  const char *e = strstr(name, ".edition-");
  size_t n = strlen(name);
  if (!e || n < 4 || strcmp(name + n - 4, ".cfg") != 0)
    return false;
  const char *p = e + 9;
  if (*p < '0' || *p > '9')
    return false;
  while (*p >= '0' && *p <= '9')
    p++;
  if (*p == '.' && p[1] >= '0' && p[1] <= '9')
    for (p++; *p >= '0' && *p <= '9'; p++)
      ;
  if (strcmp(p, ".cfg") != 0)
    return false;
  char *orig = xasprintf("%s/%.*s.cfg", dir, (int) (e - name), name);
  struct stat st;
  bool there = stat(orig, &st) == 0;
  free(orig);
  return there;
}

static void
walk_dir(walker *w, const char *dir, const ancestor *up)
{
  DIR *d = opendir(dir);
  if (!d)
    {
      char *m = xasprintf(_("cannot read the folder: %s"), strerror(errno));
      problem(w, dir, m);
      free(m);
      return;
    }
  size_t dl = strlen(dir);
  bool slash = dl && dir[dl - 1] == '/';
  struct dirent *de;
  while ((de = readdir(d)))
    {
      /* Hidden names: ".", "..", and kijun's own lock and temporary
       * files (.NAME.kijun-tmp-XXXXXX). */
      if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 || kijun_own(de->d_name))
        continue;
      char *p = xasprintf("%s%s%s", dir, slash ? "" : "/", de->d_name);
      if (de->d_name[0] == '.')
        {
          /* Hidden: not read, but said, so that no file vanishes. */
          skipped(w, p, _("hidden (its name starts with a dot); not read"));
          free(p);
          continue;
        }
      /* In any case: NAHA-2026.CFG is an answers file too. */
      bool named = fnmatch(w->pattern, de->d_name, FNM_CASEFOLD) == 0;
      bool backup = named && is_backup(dir, de->d_name);
      bool matches = named && !backup;
      struct stat st;
      if (de->d_type == DT_LNK || de->d_type == DT_UNKNOWN)
        {
          struct stat lst;
          if (lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode) && !inside_roots(w, p))
            {
              if (matches || (stat(p, &st) == 0 && S_ISDIR(st.st_mode)))
                problem(w, p, _("symbolic link leading outside the folders given; not followed"));
              free(p);
              continue;
            }
        }
      if (stat(p, &st) != 0)
        {
          /* A dangling link, or one that leads to itself: the reader
           * says why, if its name is an answers file's. */
          if (matches)
            emit(w, p);
          else
            free(p);
          continue;
        }
      if (S_ISDIR(st.st_mode))
        {
          enter(w, p, &st, up);
          free(p);
          continue;
        }
      if (!S_ISREG(st.st_mode))
        {
          skipped(w, p, _("not a regular file; not read"));
          free(p);
          continue;
        }
      if (backup)
        {
          skipped(w, p, _("kijun's backup of an earlier edition of the file beside it; not read"));
          free(p);
          continue;
        }
      /* Each file once, whatever links lead to it. */
      if (matches && !idset_add(&w->files, st.st_dev, st.st_ino))
        {
          free(p);
          continue;
        }
      if (matches)
        emit(w, p);
      else
        {
          char *m = xasprintf(_("its name does not match %s; not read"), w->pattern);
          skipped(w, p, m);
          free(m);
          free(p);
        }
    }
  closedir(d);
}

/* The paths named on the command line: a folder is walked, anything else
 * is taken as an answers file whatever its name (once). */
static void
walk(walker *w, char *const *paths, size_t n)
{
  w->roots = xcalloc(n ? n : 1, sizeof *w->roots);
  for (size_t i = 0; i < n; i++)
    {
      struct stat st;
      if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
        {
          char *r = realpath(paths[i], NULL);
          if (r)
            w->roots[w->nroots++] = r;
        }
    }
  for (size_t i = 0; i < n; i++)
    {
      struct stat st;
      if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
        enter(w, paths[i], &st, NULL);
      else if (stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode) || idset_add(&w->files, st.st_dev, st.st_ino))
        emit(w, xstrdup(paths[i]));
    }
  for (size_t i = 0; i < w->nroots; i++)
    free(w->roots[i]);
  free(w->roots);
  free(w->dirs.slot);
  free(w->files.slot);
}

/* ---- the workers --------------------------------------------------------- */

#define QUEUE_SIZE 64

typedef struct job
{
  char *path;
  unsigned ordinal;
} job;

/* A duplicate key: the hash of an organisation's name and the file it
 * came from (kept with it: walking the folders again to name the files
 * would name others when the folders changed meanwhile). */
typedef struct dupkey
{
  uint64_t hash;
  char *path;
} dupkey;

typedef struct shared
{
  const questionnaire *q;
  const survey_opts *o;
  pthread_mutex_t lock;
  pthread_cond_t can_take, can_put;
  job ring[QUEUE_SIZE];
  size_t head, count;
  bool closed;
  /* Every file's key, in one array that the workers append to while
   * they hold the lock anyway (to take their next file). */
  dupkey *keys;
  size_t nkeys, capkeys;
} shared;

typedef struct worker
{
  shared *sh;
  pthread_t thread;
  aggregate g;
  survey_problem *problems;
  size_t nproblems, capproblems;
  dupkey key;                   /* of the last file, not yet handed over */
  bool has_key;
  survey_org *orgs;
  size_t norgs, caporgs;
  unsigned found;
} worker;

static void
add_problem(survey_problem **v, size_t *n, size_t *cap, const char *path, const char *message,
            const char *reason)
{
  *v = xgrow(*v, cap, *n + 1, sizeof **v);
  (*v)[(*n)++] = (survey_problem){ xstrdup(path), xstrdup(message), xstrdup(reason) };
}

/* FNV-1a over the name as people would tell it apart: folded as search
 * folds it (full-width letters and digits, the ideographic space,
 * half-width katakana, case: "ＡＣＭＥ水道" is "acme水道"), blanks around it
 * dropped and each run of blanks inside one space.  False for a name
 * that is blank. */
static bool
org_hash(const char *s, uint64_t *out)
{
  if (!s)
    return false;
  char *f = txt_fold(s);
  uint64_t h = 0xcbf29ce484222325ULL;
  bool any = false, blank = false;
  for (const unsigned char *p = (const unsigned char *) f; *p; p++)
    {
      if (*p == ' ' || *p == '\t')
        {
          blank = any;
          continue;
        }
      if (blank)
        h = (h ^ ' ') * 0x100000001b3ULL;
      blank = false;
      h = (h ^ *p) * 0x100000001b3ULL;
      any = true;
    }
  free(f);
  *out = h;
  return any;
}

static void
read_one(worker *w, const char *path, unsigned ordinal)
{
  const questionnaire *q = w->sh->q;
  diag_t d = { 0 };
  store_doc *doc;
  assessment *a = NULL;
  w->found++;
  int rc = store_read(path, &d, &doc);
  /* What went wrong in plain words, for the printed reports (an auditor
   * reads them; the technical detail goes to standard error). */
  char *reason = NULL;
  if (rc)
    reason = xstrdup(rc == EX_DATAERR
                       ? _("not a readable answers file: damaged, cut short, or another kind of file")
                       : _("cannot be opened: missing, or not readable by this user"));
  if (rc == 0)
    {
      if (strcmp(store_doc_qid(doc), q->id) != 0 || strcmp(store_doc_qversion(doc), q->version) != 0)
        {
          reason = xasprintf(_("answers another questionnaire (%s version %s)"), store_doc_qid(doc),
                             store_doc_qversion(doc));
          diag_add(&d, path, store_doc_qline(doc),
                   _("these answers belong to questionnaire '%s' version %s, not to '%s' version %s that is being aggregated; expected answers to '%s' (or give the other questionnaire with --questionnaire FILE)"),
                   store_doc_qid(doc), store_doc_qversion(doc), q->id, q->version, q->id);
          rc = EX_DATAERR;
        }
      else if ((rc = store_bind(doc, q, &d, &a, NULL)) != 0)
        reason = xstrdup(_("holds a value kijun cannot read, such as a misspelt answer"));
      store_doc_free(doc);
    }
  if (rc)
    {
      size_t more = diag_count(&d) - 1;
      char *m = more ? xasprintf(ngettext("%s (and %zu more problem)", "%s (and %zu more problems)", more),
                                 d.msgs[0], more)
                     : xstrdup(d.msgs[0]);
      add_problem(&w->problems, &w->nproblems, &w->capproblems, path, m, reason);
      free(m);
      free(reason);
      diag_clear(&d);
      return;
    }
  free(reason);
  diag_clear(&d);
  coverage c;
  cov_compute(q, a, &c);
  agg_add(&w->g, a, &c);
  uint64_t h;
  if (org_hash(a->profile[ANS_ORGANIZATION], &h))
    {
      w->key = (dupkey){ h, xstrdup(path) };
      w->has_key = true;
    }
  if (w->sh->o->names)
    {
      w->orgs = xgrow(w->orgs, &w->caporgs, w->norgs + 1, sizeof *w->orgs);
      const char *const *p = (const char *const *) a->profile;
      w->orgs[w->norgs++] = (survey_org){
        xstrdup(path),
        p[ANS_ORGANIZATION] ? xstrdup(p[ANS_ORGANIZATION]) : NULL,
        p[ANS_RESPONDENT] ? xstrdup(p[ANS_RESPONDENT]) : NULL,
        p[ANS_SECTOR] ? xstrdup(p[ANS_SECTOR]) : NULL,
        agg_verdict_of(&c), cov_tenths(&c.all[QN_BASELINE]),
      };
    }
  cov_free(&c);
  ans_free(a);
}

static void *
work(void *arg)
{
  worker *w = arg;
  shared *sh = w->sh;
  for (;;)
    {
      pthread_mutex_lock(&sh->lock);
      if (w->has_key)
        {
          sh->keys = xgrow(sh->keys, &sh->capkeys, sh->nkeys + 1, sizeof *sh->keys);
          sh->keys[sh->nkeys++] = w->key;
          w->has_key = false;
        }
      while (!sh->count && !sh->closed)
        pthread_cond_wait(&sh->can_take, &sh->lock);
      if (!sh->count)
        {
          pthread_mutex_unlock(&sh->lock);
          return NULL;
        }
      job j = sh->ring[sh->head];
      sh->head = (sh->head + 1) % QUEUE_SIZE;
      sh->count--;
      pthread_cond_signal(&sh->can_put);
      pthread_mutex_unlock(&sh->lock);
      read_one(w, j.path, j.ordinal);
      free(j.path);
    }
}

/* ---- the two walks --------------------------------------------------- */

typedef struct first_walk
{
  shared *sh;
  survey_problem *problems;
  size_t nproblems, capproblems;
  survey_problem *skipped;
  size_t nskipped, capskipped;
} first_walk;

static void
walk_skip(void *ctx, const char *path, const char *reason)
{
  first_walk *fw = ctx;
  add_problem(&fw->skipped, &fw->nskipped, &fw->capskipped, path, reason, reason);
}

static void
queue_file(void *ctx, char *path, unsigned ordinal)
{
  shared *sh = ((first_walk *) ctx)->sh;
  pthread_mutex_lock(&sh->lock);
  while (sh->count == QUEUE_SIZE)
    pthread_cond_wait(&sh->can_put, &sh->lock);
  sh->ring[(sh->head + sh->count) % QUEUE_SIZE] = (job){ path, ordinal };
  sh->count++;
  pthread_cond_signal(&sh->can_take);
  pthread_mutex_unlock(&sh->lock);
}

static void
walk_problem(void *ctx, const char *path, const char *message)
{
  first_walk *fw = ctx;
  diag_t d = { 0 };
  diag_add(&d, path, 0, "%s", message);
  add_problem(&fw->problems, &fw->nproblems, &fw->capproblems, path, d.msgs[0], message);
  diag_clear(&d);
}

/* qsort with an empty list: its pointer may be null then, which qsort
 * itself must never be given, even for no elements. */
static void
sort_list(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
  if (n)
    qsort(base, n, size, cmp);
}

/* ---- putting it together ------------------------------------------------ */

static int
cmp_key(const void *a, const void *b)
{
  const dupkey *x = a, *y = b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return strcmp(x->path, y->path);
}

static int
cmp_problem(const void *a, const void *b)
{
  const survey_problem *x = a, *y = b;
  int c = strcmp(x->path, y->path);
  return c ? c : strcmp(x->message, y->message);
}

static int
cmp_org(const void *a, const void *b)
{
  return strcmp(((const survey_org *) a)->path, ((const survey_org *) b)->path);
}

static int
cmp_dup(const void *a, const void *b)
{
  return strcmp(((const survey_dup *) a)->paths[0], ((const survey_dup *) b)->paths[0]);
}

/* What tells the files of one organisation apart: the name as written,
 * the last answer and the size (read again: duplicates are few, and the
 * first read kept nothing, to keep memory flat). */
static void
dup_details(const questionnaire *q, const char *path, survey_dupfile *out)
{
  *out = (survey_dupfile){ NULL, NULL, -1 };
  struct stat st;
  if (stat(path, &st) == 0)
    out->size = (long long) st.st_size;
  diag_t d = { 0 };
  assessment *a = NULL;
  if (store_load(path, &(store_target){ .q = q }, &d, &a, NULL) != 0)
    a = NULL;
  diag_clear(&d);
  if (!a)
    return;
  if (a->profile[ANS_ORGANIZATION])
    out->organization = xstrdup(a->profile[ANS_ORGANIZATION]);
  coverage c;
  cov_compute(q, a, &c);
  if (c.last_update)
    out->last_update = xstrdup(c.last_update);
  cov_free(&c);
  ans_free(a);
}

/* Name the files of each group of equal keys (sorted by hash, then
 * path); takes the paths. */
static void
find_dups(survey *s, dupkey *keys, size_t n)
{
  for (size_t i = 0; i < n;)
    {
      size_t j = i + 1;
      while (j < n && keys[j].hash == keys[i].hash)
        j++;
      if (j - i > 1)
        {
          survey_dup dup = { xcalloc(j - i, sizeof (char *)), NULL, 0, NULL };
          for (size_t k = i; k < j; k++)
            {
              dup.paths[dup.n++] = keys[k].path;
              keys[k].path = NULL;
            }
          dup.files = xcalloc(dup.n, sizeof *dup.files);
          for (size_t k = 0; k < dup.n; k++)
            dup_details(s->agg.qn, dup.paths[k], &dup.files[k]);
          /* With names kept, the group can say whose files they are. */
          survey_org key = { .path = dup.paths[0] };
          const survey_org *g = s->norgs ? bsearch(&key, s->orgs, s->norgs, sizeof *s->orgs, cmp_org) : NULL;
          if (g && g->organization)
            dup.organization = xstrdup(g->organization);
          s->dups = xrealloc(s->dups, (s->ndups + 1) * sizeof *s->dups);
          s->dups[s->ndups++] = dup;
        }
      for (size_t k = i; k < j; k++)
        free(keys[k].path);
      i = j;
    }
  sort_list(s->dups, s->ndups, sizeof *s->dups, cmp_dup);
}

void
survey_run(survey *s, const questionnaire *q, char *const *paths, size_t npaths,
           const survey_opts *o)
{
  *s = (survey){ 0 };
  agg_init(&s->agg, q);
  /* The digest is computed on first use and kept in q: compute it here,
   * before the threads share q (store_bind compares it). */
  (void) qn_digest(q);

  unsigned nt = o->threads;
  if (!nt)
    {
      long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
      nt = ncpu < 1 ? 1 : ncpu > SURVEY_MAX_THREADS ? SURVEY_MAX_THREADS : (unsigned) ncpu;
    }
  shared sh = { .q = q, .o = o };
  pthread_mutex_init(&sh.lock, NULL);
  pthread_cond_init(&sh.can_take, NULL);
  pthread_cond_init(&sh.can_put, NULL);
  worker *ws = xcalloc(nt, sizeof *ws);
  unsigned started = 0;
  for (unsigned t = 0; t < nt; t++)
    {
      ws[t].sh = &sh;
      agg_init(&ws[t].g, q);
      if (pthread_create(&ws[t].thread, NULL, work, &ws[t]) == 0)
        started++;
      else
        break;
    }

  first_walk fw = { &sh, NULL, 0, 0, NULL, 0, 0 };
  walker w = { o->pattern ? o->pattern : SURVEY_PATTERN, 0, queue_file, walk_problem, walk_skip, &fw, { 0 }, { 0 },
               NULL, 0 };
  if (started)
    walk(&w, paths, npaths);
  pthread_mutex_lock(&sh.lock);
  sh.closed = true;
  pthread_cond_broadcast(&sh.can_take);
  pthread_mutex_unlock(&sh.lock);
  if (!started)
    {
      /* No thread could be made: read them here, one by one. */
      started = 1;
      work(&ws[0]);
    }

  survey_problem *probs = fw.problems;
  size_t np = fw.nproblems, capp = fw.capproblems;
  for (unsigned t = 0; t < nt; t++)
    {
      worker *x = &ws[t];
      if (t < started && x->thread)
        pthread_join(x->thread, NULL);
      agg_merge(&s->agg, &x->g);
      agg_free(&x->g);
      s->found += x->found;
      for (size_t i = 0; i < x->nproblems; i++)
        {
          probs = xgrow(probs, &capp, np + 1, sizeof *probs);
          probs[np++] = x->problems[i];
        }
      free(x->problems);
      s->orgs = xrealloc(s->orgs, (s->norgs + x->norgs + 1) * sizeof *s->orgs);
      if (x->norgs) /* a worker that read no file has no list, not even an empty one */
        memcpy(s->orgs + s->norgs, x->orgs, x->norgs * sizeof *s->orgs);
      s->norgs += x->norgs;
      free(x->orgs);
    }
  free(ws);
  pthread_mutex_destroy(&sh.lock);
  pthread_cond_destroy(&sh.can_take);
  pthread_cond_destroy(&sh.can_put);

  sort_list(probs, np, sizeof *probs, cmp_problem);
  s->left_out = probs;
  s->nleft_out = np;
  sort_list(fw.skipped, fw.nskipped, sizeof *fw.skipped, cmp_problem);
  s->skipped = fw.skipped;
  s->nskipped = fw.nskipped;
  sort_list(s->orgs, s->norgs, sizeof *s->orgs, cmp_org);
  sort_list(sh.keys, sh.nkeys, sizeof *sh.keys, cmp_key);
  find_dups(s, sh.keys, sh.nkeys);
  free(sh.keys);
}

void
survey_free(survey *s)
{
  agg_free(&s->agg);
  for (size_t i = 0; i < s->nleft_out; i++)
    free(s->left_out[i].path), free(s->left_out[i].message), free(s->left_out[i].reason);
  free(s->left_out);
  for (size_t i = 0; i < s->nskipped; i++)
    free(s->skipped[i].path), free(s->skipped[i].message), free(s->skipped[i].reason);
  free(s->skipped);
  for (size_t i = 0; i < s->ndups; i++)
    {
      for (size_t k = 0; k < s->dups[i].n; k++)
        {
          free(s->dups[i].paths[k]);
          free(s->dups[i].files[k].organization);
          free(s->dups[i].files[k].last_update);
        }
      free(s->dups[i].paths);
      free(s->dups[i].files);
      free(s->dups[i].organization);
    }
  free(s->dups);
  for (size_t i = 0; i < s->norgs; i++)
    {
      survey_org *g = &s->orgs[i];
      free(g->path), free(g->organization), free(g->respondent), free(g->sector);
    }
  free(s->orgs);
  *s = (survey){ 0 };
}

char *
survey_dup_line(const survey_dup *d, size_t k, bool names)
{
  const survey_dupfile *f = &d->files[k];
  char *org = names && f->organization ? xasprintf(_("organisation %s, "), f->organization)
                                       : xstrdup("");
  char *last = f->last_update ? xasprintf(_("last answer %s"), f->last_update)
                              : xstrdup(_("no answer yet"));
  char *size = f->size >= 0 ? xasprintf(ngettext(", %lld byte", ", %lld bytes", (unsigned long) f->size), f->size)
                            : xstrdup("");
  char *line = xasprintf("%s: %s%s%s", d->paths[k], org, last, size);
  free(org);
  free(last);
  free(size);
  return line;
}
