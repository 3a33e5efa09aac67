/* vocab: keys of the fixed vocabularies.  See vocab.h. */
#include <config.h>
#include "base/vocab.h"

#include <stdio.h>
#include <string.h>

int
vocab_parse(const vocab *v, const char *s)
{
  for (int i = v->from; i < v->n; i++)
    if (strcmp(v->keys[i], s) == 0)
      return i;
  return -1;
}

const char *
vocab_list(const vocab *v, char *buf, size_t size)
{
  size_t len = 0;
  buf[0] = '\0';
  for (int i = v->from; i < v->n && len < size; i++)
    len += (size_t) snprintf(buf + len, size - len, "%s%s", i > v->from ? ", " : "", v->keys[i]);
  return buf;
}
