/* store_load: reading one answers file whole (parse, find or take its
 * questionnaire, bind), the sequence that opening a session, reading the
 * previous cycle, migrating and the aggregate's duplicate check share.
 * The readers that must look at the file between parsing and binding
 * (merge and the aggregate compare the questionnaire it names with their
 * own, with messages of their own) call store_read and store_bind. */
#include <config.h>
#include "io/store.h"

#include "io/qfind.h"

int
store_load(const char *path, const store_target *t, diag_t *d, assessment **out, store_loaded *extra)
{
  *out = NULL;
  if (extra)
    *extra = (store_loaded){ 0 };
  store_doc *doc;
  int rc = store_read(path, d, &doc);
  if (rc)
    return rc;
  const questionnaire *q = t->q;
  if (!q)
    {
      rc = qfind_load(t->qpath, store_doc_qid(doc), store_doc_qversion(doc), path, d, t->found);
      q = rc == 0 ? *t->found : NULL;
    }
  if (rc == 0)
    rc = store_bind(doc, q, d, out, extra ? &extra->stamp : NULL);
  diag_t *w = store_doc_warnings(doc);
  if (extra)
    {
      extra->warn = *w;
      *w = (diag_t){ 0 };
      extra->edition = store_doc_qedition(doc);
    }
  else
    for (size_t k = 0; rc == 0 && k < w->n; k++)
      diag_add(d, NULL, 0, "%s", w->msgs[k]);
  store_doc_free(doc);
  return rc;
}
