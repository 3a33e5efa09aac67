/* oscalid: OSCAL ids of items and questions.  See oscalid.h. */
#include <config.h>
#include "model/oscalid.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void
oscal_token_tail(char *s)
{
  for (char *p = s; *p; p++)
    if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')
          || *p == '.' || *p == '-' || *p == '_'))
      *p = '_';
}

char *
oscal_control_id(const qn_section *s)
{
  char *id = xasprintf("item-%s", s->id);
  oscal_token_tail(id + 5);
  return id;
}

/* The question's id without the item's prefix, or whole when it has
 * none. */
char *
oscal_objective_id(const questionnaire *q, const qn_question *x)
{
  const char *sid = q->sections[x->section].id;
  size_t n = strlen(sid);
  const char *tail = strncmp(x->id, sid, n) == 0 && x->id[n] == '-' && x->id[n + 1] ? x->id + n + 1 : x->id;
  char *cid = oscal_control_id(&q->sections[x->section]);
  char *id = xasprintf("%s_obj.%s", cid, tail);
  oscal_token_tail(id + strlen(cid) + 5);
  free(cid);
  return id;
}
