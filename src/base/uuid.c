/* uuid: version 5 UUIDs with nettle's SHA-1.  See uuid.h. */
#include <config.h>
#include "base/uuid.h"

#include <stdio.h>
#include <string.h>

#include <nettle/sha1.h>

const uuid_bytes uuid_ns_url = { { 0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                   0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8 } };

uuid_bytes
uuid_v5(const uuid_bytes *ns, const char *name)
{
  struct sha1_ctx c;
  uint8_t d[SHA1_DIGEST_SIZE];
  sha1_init(&c);
  sha1_update(&c, sizeof ns->b, ns->b);
  sha1_update(&c, strlen(name), (const uint8_t *) name);
  sha1_digest(&c, sizeof d, d);
  uuid_bytes u;
  memcpy(u.b, d, sizeof u.b);
  u.b[6] = (uint8_t) ((u.b[6] & 0x0f) | 0x50);    /* version 5 */
  u.b[8] = (uint8_t) ((u.b[8] & 0x3f) | 0x80);    /* the RFC's variant */
  return u;
}

const char *
uuid_text(const uuid_bytes *u, char buf[UUID_TEXT_SIZE])
{
  const uint8_t *b = u->b;
  snprintf(buf, UUID_TEXT_SIZE,
           "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2],
           b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return buf;
}
