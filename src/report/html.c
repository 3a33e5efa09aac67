/* html: the pieces every HTML report is made of (see report_html.h): the
 * page and its stylesheet, escaped text, the status colours, the bands
 * that colour a table cell, a fact and a headline figure.
 *
 * Typography: one font stack that finds a Japanese face on Windows
 * (Yu Gothic, Meiryo), macOS (Hiragino Sans) and Linux (Noto Sans CJK JP)
 * before the generic sans-serif, named explicitly so that Han characters
 * in an English page are not drawn with Chinese glyphs; strict Japanese
 * line breaking (no break before small kana or closing punctuation);
 * figures in tabular digits.  Print: A4 portrait, page numbers in the
 * bottom margin, no chart or table row split across pages, headings kept
 * with what follows, the screen's page background and accent colour
 * dropped.  Coloured parts (bands, chart kinds) also carry a mark, a
 * hatch or the figure itself, so a black-and-white print loses nothing. */
#include <config.h>
#include "report/report_html.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

/* ---- the page ---------------------------------------------------------- */

/* The stylesheet (src/report/report.css), split where the statuses'
 * colours go: they are written from the status table. */
#include "report/report-css.h"
#define CSS_STATUSES "/* @status-colours@ */\n"

/* The hatch of the second series, defined once for every chart. */
static const char svg_defs[] =
  "<svg class=\"defs\" aria-hidden=\"true\"><defs>"
  "<pattern id=\"kj-hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" "
  "patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"#e3ebf3\"/>"
  "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#1f4e79\" stroke-width=\"2.2\"/></pattern>"
  "</defs></svg>\n";

static void
put_escaped(FILE *f, const char *s, bool lines)
{
  char *clean = txt_sanitize(s ? s : "-", !lines);
  for (const char *p = clean; *p; p++)
    switch (*p)
      {
      case '&': fputs("&amp;", f); break;
      case '<': fputs("&lt;", f); break;
      case '>': fputs("&gt;", f); break;
      case '"': fputs("&quot;", f); break;
      case '\'': fputs("&#39;", f); break;
      case '\n': fputs("<br>\n", f); break;
      default: fputc(*p, f);
      }
  free(clean);
}

void
html_put(FILE *f, const char *s)
{
  put_escaped(f, s, false);
}

void
html_put_lines(FILE *f, const char *s)
{
  put_escaped(f, s, true);
}

/* The chart kinds of the statuses: met first, then not applicable, then
 * what keeps coverage down, unanswered last (the status table's order
 * within each).  Returns how many, ANS_STATUS_COUNT. */
static int
stack_order(enum ans_status out[ANS_STATUS_COUNT])
{
  int n = 0;
  for (int pass = 0; pass < 3; pass++)
    for (int i = 0; i < ANS_STATUS_COUNT; i++)
      {
        enum ans_status st = ans_status_nth(i);
        const ans_status_info *info = &ans_statuses[st];
        if ((pass == 0 && info->met) || (pass == 1 && !info->met && info->excluded)
            || (pass == 2 && !info->met && !info->excluded))
          out[n++] = st;
      }
  return n;
}

/* The CSS class of a status's chart kind; unanswered is drawn as an
 * empty, outlined box, class st-none. */
static void
status_class(enum ans_status st, char buf[48])
{
  snprintf(buf, 48, "st-%s", st == ANS_NONE ? "none" : ans_status_key(st));
}

static void
status_styles(FILE *f)
{
  enum ans_status order[ANS_STATUS_COUNT];
  int n = stack_order(order);
  for (int k = 0; k < n; k++)
    {
      char cls[48];
      status_class(order[k], cls);
      fprintf(f, ".%s { fill: %s;%s }\n", cls, ans_statuses[order[k]].colour,
              order[k] == ANS_NONE ? " stroke: #8a8a8a; stroke-width: .8;" : "");
    }
}

void
html_begin(FILE *f, enum lang lang, const char *title)
{
  fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
          lang_code(lang));
  fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", f);
  fprintf(f, "<meta name=\"generator\" content=\"%s %s\">\n<title>", PACKAGE, VERSION);
  html_put(f, title);
  fputs("</title>\n<style>\n", f);
  const char *at = strstr(report_css, CSS_STATUSES);
  fwrite(report_css, 1, at ? (size_t) (at - report_css) : strlen(report_css), f);
  status_styles(f);
  if (at)
    fputs(at + strlen(CSS_STATUSES), f);
  fprintf(f, "</style>\n</head>\n<body>\n%s<main>\n", svg_defs);
}

void
html_end(FILE *f)
{
  fputs("</main>\n</body>\n</html>\n", f);
}

void
html_el(FILE *f, const char *tag, const char *cls, const char *s)
{
  if (cls)
    fprintf(f, "<%s class=\"%s\">", tag, cls);
  else
    fprintf(f, "<%s>", tag);
  html_put(f, s);
  fprintf(f, "</%s>\n", tag);
}

int
html_status_kinds(html_kind kinds[ANS_STATUS_COUNT], enum ans_status order[ANS_STATUS_COUNT],
                  char cls[ANS_STATUS_COUNT][48])
{
  int nk = stack_order(order);
  for (int k = 0; k < nk; k++)
    {
      status_class(order[k], cls[k]);
      kinds[k] = (html_kind){ ans_status_name(order[k]), cls[k] };
    }
  return nk;
}

/* ---- bands ------------------------------------------------------------- */

static const struct
{
  const char *cls, *mark, *name;
} bands[HTML_BAND_COUNT] = {
  [HTML_BAND_EMPTY] = { "band-empty", "", NULL },
  [HTML_BAND_UNANSWERED] = { "band-unanswered", "\u2026", N_("not yet answered") },
  [HTML_BAND_NA] = { "band-na", "\u2013", N_("nothing applicable") },
  [HTML_BAND_NONE] = { "band-none", "\u00d7", N_("none met") },
  /* xgettext:no-c-format */
  [HTML_BAND_LOW] = { "band-low", "\u25b3", N_("under 50%") },
  /* xgettext:no-c-format */
  [HTML_BAND_HIGH] = { "band-high", "\u25cb", N_("50% or more") },
  [HTML_BAND_FULL] = { "band-full", "\u25ce", N_("all met") },
};

enum html_band
html_band(const cov_tally *t)
{
  if (!t->total)
    return HTML_BAND_EMPTY;
  if (t->status[ANS_NONE] == t->total)
    return HTML_BAND_UNANSWERED;
  if (!t->applicable)
    return HTML_BAND_NA;
  if (t->met == t->applicable)
    return HTML_BAND_FULL;
  if (!t->met)
    return HTML_BAND_NONE;
  return 2 * t->met >= t->applicable ? HTML_BAND_HIGH : HTML_BAND_LOW;
}

void
html_cell(FILE *f, const cov_tally *t)
{
  enum html_band b = html_band(t);
  fprintf(f, "<td class=\"band %s\">", bands[b].cls);
  if (b == HTML_BAND_EMPTY)
    fputs("-", f);
  else if (b == HTML_BAND_UNANSWERED)
    {
      fprintf(f, "<span class=\"mark\">%s</span>", bands[b].mark);
      html_put(f, _(bands[b].name));
    }
  else
    {
      char buf[64];
      cov_format(t, buf, sizeof buf);
      fprintf(f, "<span class=\"mark\">%s</span>", bands[b].mark);
      html_put(f, buf);
      /* Unanswered questions are not failures: said apart, in grey. */
      if (t->status[ANS_NONE])
        {
          char *u = xasprintf(_("%u unanswered"), t->status[ANS_NONE]);
          fputs("<br><span class=\"unanswered\">", f);
          html_put(f, u);
          fputs("</span>", f);
          free(u);
        }
    }
  fputs("</td>", f);
}

void
html_band_legend(FILE *f)
{
  fputs("<p class=\"bands\">", f);
  for (int b = HTML_BAND_FULL; b > HTML_BAND_EMPTY; b--)
    {
      fprintf(f, "<span class=\"%s\">%s ", bands[b].cls, bands[b].mark);
      html_put(f, _(bands[b].name));
      fputs("</span>", f);
    }
  fputs("</p>\n", f);
}
