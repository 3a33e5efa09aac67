/* Tests of the compiled questionnaire cache: an entry rebuilds exactly
 * the questionnaire the loader builds (the digest, computed from what was
 * rebuilt, makes same() a whole comparison); a damaged, planted, foreign
 * or oversized entry or a changed file is never trusted, and nothing in
 * the cache folder can crash kijun. */
#include <config.h>

#include <dirent.h>
#include <fcntl.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "io/qcache.h"
#include "io/qcache-key.h"
#include "io/qload.h"

static char *home;

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  home = scratch_dir();
  setenv("XDG_CACHE_HOME", home, 1);
  /* The key of each test's own, outside the cache folder. */
  char *state = xasprintf("%s-state", home);
  setenv("XDG_STATE_HOME", state, 1);
  free(state);
}

TestSuite(qcache, .init = setup);

/* The single entry in the cache folder. */
static char *
only_entry(void)
{
  char *dir = qcache_dir();
  DIR *d = opendir(dir);
  cr_assert(d, "no cache folder %s", dir);
  struct dirent *e;
  char *found = NULL;
  int n = 0;
  while ((e = readdir(d)))
    if (e->d_name[0] != '.')
      {
        free(found);
        found = xasprintf("%s/%s", dir, e->d_name);
        n++;
      }
  closedir(d);
  cr_assert_eq(n, 1, "%d entries in the cache", n);
  free(dir);
  return found;
}

/* In the single cache entry, change the first byte of the first
 * occurrence of what to new. */
static void
alter_entry(const char *entry, const char *what, char new)
{
  char *c = read_file(entry);
  struct stat st;
  cr_assert_eq(stat(entry, &st), 0);
  char *at = memmem(c, (size_t) st.st_size, what, strlen(what));
  cr_assert_not_null(at, "the entry holds '%s'", what);
  at[0] = new;
  FILE *f = fopen(entry, "wb");
  cr_assert_not_null(f);
  fwrite(c, 1, (size_t) st.st_size, f);
  fclose(f);
  free(c);
}

static void
same(const questionnaire *a, const questionnaire *b)
{
  cr_assert_str_eq(a->id, b->id);
  cr_assert_str_eq(a->version, b->version);
  cr_assert_eq(a->nquestions, b->nquestions);
  cr_assert_eq(a->nsections, b->nsections);
  cr_assert_eq(a->nsectors, b->nsectors);
  for (size_t i = 0; i < a->nquestions; i++)
    {
      const qn_question *x = &a->questions[i], *y = &b->questions[i];
      cr_assert_str_eq(x->id, y->id);
      cr_assert_eq(x->section, y->section);
      cr_assert_eq(x->phase, y->phase);
      cr_assert_eq(x->level, y->level);
      cr_assert_eq(x->basis, y->basis);
      cr_assert_eq(x->ncsf, y->ncsf);
      for (size_t k = 0; k < x->ncsf; k++)
        cr_assert(x->csf[k].fn == y->csf[k].fn && x->csf[k].cat == y->csf[k].cat
                  && x->csf[k].sub == y->csf[k].sub, "%s: CSF reference %zu", x->id, k);
      for (int l = 0; l < LANG_COUNT; l++)
        {
          cr_assert_str_eq(x->text.s[l], y->text.s[l]);
          cr_assert_str_eq(x->hint.s[l], y->hint.s[l]);
        }
      cr_assert_eq(a->order[i], b->order[i]);
      cr_assert_eq(x->revision, y->revision);
      cr_assert_eq(x->nwas, y->nwas);
      for (size_t k = 0; k < x->nwas; k++)
        cr_assert_str_eq(x->was[k], y->was[k]);
      for (int l = 0; l < LANG_COUNT; l++)
        cr_assert_eq(x->level_note.s[l] == NULL, y->level_note.s[l] == NULL);
      if (qn_text_given(&x->level_note))
        cr_assert_str_eq(x->level_note.s[LANG_EN], y->level_note.s[LANG_EN]);
    }
  cr_assert_eq(a->nscopes, b->nscopes);
  for (size_t i = 0; i < a->nscopes; i++)
    {
      cr_assert_str_eq(a->scopes[i].id, b->scopes[i].id);
      for (int l = 0; l < LANG_COUNT; l++)
        {
          cr_assert_str_eq(a->scopes[i].text.s[l], b->scopes[i].text.s[l]);
          cr_assert_str_eq(a->scopes[i].absent.s[l], b->scopes[i].absent.s[l]);
        }
    }
  for (size_t i = 0; i < a->nquestions; i++)
    {
      cr_assert_eq(a->questions[i].napplies, b->questions[i].napplies);
      for (size_t k = 0; k < a->questions[i].napplies; k++)
        cr_assert_eq(a->questions[i].applies[k], b->questions[i].applies[k]);
    }
  cr_assert_eq(a->edition, b->edition);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      cr_assert_str_eq(qn_tr(&a->source, (enum lang) l), qn_tr(&b->source, (enum lang) l));
      cr_assert_eq(a->guidance.s[l] == NULL, b->guidance.s[l] == NULL);
      if (a->guidance.s[l])
        cr_assert_str_eq(a->guidance.s[l], b->guidance.s[l]);
    }
  cr_assert_eq(a->nretired, b->nretired);
  for (size_t i = 0; i < a->nretired; i++)
    {
      cr_assert_str_eq(a->retired[i].id, b->retired[i].id);
      cr_assert_eq(a->retired[i].edition, b->retired[i].edition);
      cr_assert_str_eq(qn_tr(&a->retired[i].note, LANG_JA), qn_tr(&b->retired[i].note, LANG_JA));
    }
  for (size_t i = 0; i < a->nsections; i++)
    {
      cr_assert_str_eq(a->sections[i].id, b->sections[i].id);
      cr_assert_eq(a->sections[i].nlg, b->sections[i].nlg);
      cr_assert_eq(a->sections[i].lg_state, b->sections[i].lg_state);
      cr_assert_str_eq(qn_tr(&a->sections[i].lg_note, LANG_EN), qn_tr(&b->sections[i].lg_note, LANG_EN));
      cr_assert_str_eq(qn_tr(&a->sections[i].level_note, LANG_JA), qn_tr(&b->sections[i].level_note, LANG_JA));
      for (size_t k = 0; k < a->sections[i].nlg; k++)
        cr_assert_str_eq(a->sections[i].lg[k].items.s[LANG_JA], b->sections[i].lg[k].items.s[LANG_JA]);
    }
  cr_assert_str_eq(qn_digest(a), qn_digest(b));
}

Test(qcache, an_entry_rebuilds_the_same_questionnaire)
{
  const char *src = getenv("KIJUN_SRCDIR");
  char *p = xasprintf("%s/questionnaires/nisc-2023.cfg", src);
  diag_t d = { 0 };
  questionnaire *direct, *first, *cached;
  cr_assert_eq(qload_file(p, &d, &direct), 0);
  cr_assert_eq(qcache_load(p, &d, &first), 0);
  char *entry = only_entry();
  struct stat st;
  cr_assert_eq(stat(entry, &st), 0);
  cr_assert_eq(st.st_mode & 0777, 0600, "the entry is private");
  cr_assert_eq(qcache_load(p, &d, &cached), 0);
  cr_assert(cached->cached, "the second load comes from the cache");
  cr_assert_not(first->cached, "the first load parses the file");
  same(direct, first);
  same(direct, cached);
  qn_free(direct), qn_free(first), qn_free(cached);
  free(entry), free(p);
}

Test(qcache, an_entry_keeps_scope_questions_and_applies)
{
  char *p = data_path("scope.cfg");
  diag_t d = { 0 };
  questionnaire *direct, *first, *cached;
  cr_assert_eq(qload_file(p, &d, &direct), 0);
  cr_assert_eq(qcache_load(p, &d, &first), 0);
  cr_assert_eq(qcache_load(p, &d, &cached), 0);
  cr_assert(cached->cached, "the second load comes from the cache");
  cr_assert_eq(cached->nscopes, 3);
  cr_assert_eq(cached->questions[3].napplies, 2);
  same(direct, cached);
  qn_free(direct), qn_free(first), qn_free(cached);
  free(p);
}

Test(qcache, an_entry_keeps_editions_revisions_was_and_retired)
{
  char *p = data_path("editions/shop-3.cfg");
  diag_t d = { 0 };
  questionnaire *direct, *first, *cached;
  cr_assert_eq(qload_file(p, &d, &direct), 0);
  cr_assert_eq(qcache_load(p, &d, &first), 0);
  cr_assert_eq(qcache_load(p, &d, &cached), 0);
  cr_assert(cached->cached, "the second load comes from the cache");
  cr_assert_not(first->cached, "the first load parses the file");
  same(direct, cached);
  size_t n;
  const size_t *s = qn_successors(cached, "b2", &n);
  cr_assert_eq(n, 2);
  cr_assert_str_eq(cached->questions[s[0]].id, "b2-test");
  cr_assert_not_null(qn_find_retired(cached, "a3"));
  qn_free(direct), qn_free(first), qn_free(cached);
  free(p);
}

/* Load p twice, the second time from the entry the first wrote; returns
 * the entry's path. */
static char *
cache(const char *p)
{
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  qn_free(q);
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  cr_assert(q->cached, "the entry serves this loader");
  qn_free(q);
  return only_entry();
}

Test(qcache, a_damaged_entry_is_not_trusted)
{
  char *p = data_path("mini.cfg");
  diag_t d = { 0 };
  questionnaire *q;
  char *entry = cache(p);
  /* Change one byte of a question's text in the entry. */
  alter_entry(entry, "your organisation take backups?", 'X');
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  cr_assert_not(q->cached, "a damaged entry is not used");
  cr_assert_eq(qn_find_question(q, "1.2-b"), 3);
  cr_assert_str_eq(q->questions[3].text.s[LANG_EN], "Does your organisation take backups?");
  qn_free(q);
  /* A truncated entry too. */
  cr_assert_eq(truncate(entry, 100), 0);
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  cr_assert_str_eq(q->questions[3].text.s[LANG_EN], "Does your organisation take backups?");
  qn_free(q);
  free(entry), free(p);
}

Test(qcache, a_changed_file_misses_the_cache)
{
  char *dir = scratch_dir();
  char *src = data_path("mini.cfg");
  char *text = read_file(src);
  char *p = write_file(dir, "q.cfg", text);
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  qn_free(q);
  char *changed = strstr(text, "Does your organisation take backups?");
  memcpy(changed, "Does your organisation keep backups?", 36);
  free(write_file(dir, "q.cfg", text));
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  cr_assert_not(q->cached, "a changed file is parsed again");
  cr_assert_str_eq(q->questions[3].text.s[LANG_EN], "Does your organisation keep backups?");
  qn_free(q);
  free(text), free(p), free(src), free(dir);
}

/* An entry written by another loader (another branch or build of kijun
 * sharing ~/.cache/kijun) is never read, even at this loader's name. */
Test(qcache, an_entry_of_another_loader_is_not_read)
{
  char *p = data_path("mini.cfg");
  diag_t d = { 0 };
  questionnaire *q;
  char *entry = cache(p);
  /* The loader's digest in the header: change one hex digit of it. */
  alter_entry(entry, QCACHE_LOADER, QCACHE_LOADER[0] == '0' ? '1' : '0');
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  cr_assert_not(q->cached, "another loader's entry is not read");
  cr_assert_str_eq(q->questions[3].text.s[LANG_EN], "Does your organisation take backups?");
  qn_free(q);
  free(entry), free(p);
}

/* An entry whose seal holds but whose records are out of place is
 * refused once, and its bytes stay the caller's: a bad record used to
 * free them twice, which crashed every later command. */
Test(qcache, a_bad_record_is_refused_and_freed_once)
{
  char *p = data_path("mini.cfg");
  char *entry = cache(p);
  struct stat st;
  cr_assert_eq(stat(entry, &st), 0);
  char *buf = read_file(entry);
  /* The blob of strings must end with a NUL: make its last byte text. */
  buf[st.st_size - 1] = 'x';
  cr_assert_null(qcache_decode(buf, (size_t) st.st_size, NULL, p));
  free(buf);                  /* still ours: a second free would abort */
  /* A question's record pointing past the end of the strings. */
  buf = read_file(entry);
  char *copy = xmalloc((size_t) st.st_size + 1);
  memcpy(copy, buf, (size_t) st.st_size);
  questionnaire *q = qcache_decode(copy, (size_t) st.st_size, NULL, p);
  cr_assert_not_null(q, "the unaltered entry decodes");
  qn_free(q);
  free(buf), free(entry), free(p);
}

/* A planted entry: sealed for other contents (here, with another key,
 * as anyone without the user's key must), put at the name of the real
 * file's entry.  It is not trusted, and no figure changes. */
Test(qcache, a_planted_entry_is_not_trusted)
{
  char *dir = scratch_dir();
  char *src = data_path("mini.cfg");
  char *text = read_file(src);
  char *p = write_file(dir, "q.cfg", text);
  char *entry = cache(p);
  /* Another key, and a questionnaire whose levels differ. */
  char *other = xasprintf("%s/other-state", dir);
  char *mine = xstrdup(getenv("XDG_STATE_HOME"));
  setenv("XDG_STATE_HOME", other, 1);
  char *at = strstr(text, "level = \"baseline\"");
  cr_assert_not_null(at);
  char *lowered = xasprintf("%.*slevel = \"recommended\"%s", (int) (at - text), text,
                            at + strlen("level = \"baseline\""));
  char *p2 = write_file(dir, "q2.cfg", lowered);
  free(lowered);
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qcache_load(p2, &d, &q), 0);
  qn_free(q);
  cr_assert_eq(qcache_load(p2, &d, &q), 0);
  cr_assert(q->cached);
  qn_free(q);
  /* Its entry, at the real file's name. */
  char *cdir = qcache_dir();
  DIR *dd = opendir(cdir);
  struct dirent *e;
  char *planted = NULL;
  while ((e = readdir(dd)))
    {
      char *x = xasprintf("%s/%s", cdir, e->d_name);
      if (e->d_name[0] != '.' && strcmp(x, entry) != 0)
        planted = x;
      else
        free(x);
    }
  closedir(dd);
  cr_assert_not_null(planted);
  /* The planter writes the real entry's name into the header too (32
   * bytes at offset 80, after the marker, sizes and loader): all that an
   * unkeyed checksum would need. */
  {
    struct stat st;
    cr_assert_eq(stat(planted, &st), 0);
    char *b = read_file(planted);
    const char *hex = strrchr(entry, '/') + 1;
    for (int i = 0; i < 32; i++)
      {
        unsigned v;
        cr_assert_eq(sscanf(hex + 2 * i, "%2x", &v), 1);
        b[80 + i] = (char) v;
      }
    FILE *f = fopen(entry, "wb");
    cr_assert_not_null(f);
    fwrite(b, 1, (size_t) st.st_size, f);
    fclose(f);
    free(b);
    unlink(planted);
  }
  setenv("XDG_STATE_HOME", mine, 1);
  questionnaire *direct;
  cr_assert_eq(qload_file(p, &d, &direct), 0);
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  cr_assert_not(q->cached, "the planted entry is not used");
  same(direct, q);
  qn_free(q), qn_free(direct);
  free(planted), free(cdir), free(other), free(mine), free(p2), free(p), free(entry), free(src), free(text),
    free(dir);
}

/* A 2 GiB sparse file at an entry's name is not read. */
Test(qcache, an_oversized_entry_is_not_read)
{
  char *p = data_path("mini.cfg");
  char *entry = cache(p);
  cr_assert_eq(truncate(entry, (off_t) 2 << 30), 0);
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  cr_assert_not(q->cached);
  cr_assert_str_eq(q->questions[3].text.s[LANG_EN], "Does your organisation take backups?");
  qn_free(q);
  /* A folder, and a FIFO, at the name: neither hangs nor is read. */
  cr_assert_eq(unlink(entry), 0);
  cr_assert_eq(mkfifo(entry, 0600), 0);
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  cr_assert_not(q->cached);
  qn_free(q);
  free(entry), free(p);
}

/* The key is the user's alone: made 0600 outside the cache folder; a key
 * that others could have written is not used, and neither is the cache. */
Test(qcache, the_key_is_private_and_outside_the_cache)
{
  char *p = data_path("mini.cfg");
  free(cache(p));
  char *key = xasprintf("%s/kijun/cache-key", getenv("XDG_STATE_HOME"));
  struct stat st;
  cr_assert_eq(stat(key, &st), 0, "the key is at %s", key);
  cr_assert_eq(st.st_mode & 0777, 0600);
  cr_assert_eq(st.st_size, 32);
  cr_assert_eq(chmod(key, 0620), 0);
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qcache_load(p, &d, &q), 0);
  cr_assert_not(q->cached, "a key others could write is not used");
  qn_free(q);
  free(key), free(p);
}
