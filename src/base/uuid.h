/* uuid: name-based UUIDs, version 5 (RFC 9562, section 5.5): SHA-1 of a
 * namespace UUID and a name.  The same namespace and name always give the
 * same UUID, which is what makes kijun's OSCAL documents byte-identical
 * for the same input. */
#ifndef KIJUN_UUID_H
#define KIJUN_UUID_H

#include <stdint.h>

/* "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx" and its NUL. */
#define UUID_TEXT_SIZE 37

typedef struct uuid_bytes
{
  uint8_t b[16];
} uuid_bytes;

/* RFC 9562's namespace for URLs, 6ba7b811-9dad-11d1-80b4-00c04fd430c8. */
extern const uuid_bytes uuid_ns_url;

uuid_bytes uuid_v5(const uuid_bytes *ns, const char *name);
/* Lower-case text, into buf. */
const char *uuid_text(const uuid_bytes *u, char buf[UUID_TEXT_SIZE]);

#endif
