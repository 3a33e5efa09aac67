/* emit: the small writers every report shares, so that a note, a path or
 * a title is escaped the same way in each: text fields and wrapped
 * paragraphs in display columns, inline Markdown, CSV fields that a
 * spreadsheet will not run, and JSON strings valid whatever a file held.
 * The coverage report, the plan and the comparison are made of these. */
#include <config.h>
#include "report/emit.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

void
emit_field(FILE *f, const char *label, int lw, const char *value, int width)
{
  fprintf(f, "%*s", EMIT_INDENT, "");
  txt_pad(f, label, lw);
  fprintf(f, "%*s", EMIT_GAP, "");
  char *v = txt_sanitize(value ? value : "-", true);
  char *cut = txt_ellipsize(v, width - EMIT_INDENT - lw - EMIT_GAP);
  fprintf(f, "%s\n", cut);
  free(cut);
  free(v);
}

/* Write prefix, then s wrapped to what is left of width, its further
 * lines indented to the end of the prefix. */
void
emit_hanging(FILE *f, const char *prefix, const char *s, int width)
{
  int pw = txt_width(prefix);
  char *clean = txt_sanitize(s, false);
  txt_line *lines;
  size_t n = txt_wrap(clean, width - pw > 20 ? width - pw : 20, &lines);
  for (size_t i = 0; i < n; i++)
    fprintf(f, "%s%*s%.*s\n", i ? "" : prefix, i ? pw : 0, "", (int) lines[i].len,
            clean + lines[i].off);
  free(lines);
  free(clean);
}

/* Write s wrapped to width, each line indented by indent columns. */
void
emit_wrapped(FILE *f, const char *s, int indent, int width)
{
  char *pad = xasprintf("%*s", indent, "");
  emit_hanging(f, pad, s, width);
  free(pad);
}

int
emit_max_width(const char *const *labels, size_t n)
{
  int w = 0;
  for (size_t i = 0; i < n; i++)
    if (labels[i] && txt_width(labels[i]) > w)
      w = txt_width(labels[i]);
  return w;
}

/* Inline Markdown: sanitized, with the characters that would start markup
 * or break a table escaped. */
void
emit_md(FILE *f, const char *s)
{
  char *clean = txt_sanitize(s ? s : "-", true);
  for (const char *p = clean; *p; p++)
    {
      if (strchr("\\`*_[]<>|#", *p))
        fputc('\\', f);
      fputc(*p, f);
    }
  free(clean);
}

/* A field that a spreadsheet would take for a formula (starting with
 * = + - @, or a tab or carriage return, as OWASP lists them) gets a
 * leading single quote inside quotes, so opening the report never runs
 * text from a file. */
void
emit_csv(FILE *f, const char *s)
{
  s = s ? s : "";
  bool formula = *s && strchr("=+-@\t\r", *s);
  if (!formula && !strpbrk(s, ",\"\r\n"))
    {
      fputs(s, f);
      return;
    }
  fputc('"', f);
  if (formula)
    fputc('\'', f);
  for (; *s; s++)
    {
      if (*s == '"')
        fputc('"', f);
      fputc(*s, f);
    }
  fputc('"', f);
}

/* A JSON string that is valid whatever s holds: controls, C1 controls,
 * bidi overrides and isolates and the line separators as \uXXXX (valid
 * JSON, but they must not reach a terminal raw), and each byte that is
 * not UTF-8 as the text \xNN, as the screens show it (JSON cannot carry
 * raw bytes; a file name may have them). */
void
emit_json(FILE *f, const char *s)
{
  if (!s)
    {
      fputs("null", f);
      return;
    }
  fputc('"', f);
  size_t n = strlen(s);
  for (size_t i = 0; i < n;)
    {
      uint32_t cp;
      int len = txt_decode(s + i, n - i, &cp);
      if (cp == TXT_INVALID)
        fprintf(f, "\\\\x%02X", (unsigned char) s[i]);
      else if (cp == '"' || cp == '\\')
        fprintf(f, "\\%c", (int) cp);
      else if (cp == '\n')
        fputs("\\n", f);
      else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x2028 && cp <= 0x202E)
               || (cp >= 0x2066 && cp <= 0x2069))
        fprintf(f, "\\u%04x", (unsigned) cp);
      else
        fwrite(s + i, 1, (size_t) len, f);
      i += (size_t) len;
    }
  fputc('"', f);
}


void
emit_title(FILE *f, const char *title)
{
  fprintf(f, "%s\n", title);
  for (int i = txt_width(title); i > 0; i--)
    fputc('=', f);
  fputc('\n', f);
}
