/* report_html: the HTML page.  See report_html.h.
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
 * hatch or the figure itself, so a black-and-white print loses nothing.
 *
 * SVG coordinates are integers, so nothing here depends on the locale's
 * decimal point. */
#include <config.h>
#include "report/report_html.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

/* ---- the page ---------------------------------------------------------- */

#define JA_FONTS                                                                          \
  "\"Hiragino Sans\", \"Hiragino Kaku Gothic ProN\", \"Yu Gothic Medium\", \"Yu Gothic\", " \
  "YuGothic, Meiryo, \"Noto Sans CJK JP\", \"Noto Sans JP\", \"Source Han Sans JP\", "      \
  "\"IPAexGothic\", sans-serif"

/* The stylesheet, in two parts around the statuses' colours. */
static const char stylesheet[] =
  "@page { size: A4 portrait; margin: 15mm 16mm 17mm;\n"
  "  @bottom-center { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #444; } }\n"
  ":root { --ink: #1b1b1b; --muted: #555; --rule: #bdbdbd; --accent: #1f4e79; }\n"
  "html { font-family: " JA_FONTS "; font-size: 10.5pt; line-height: 1.7; color: var(--ink);\n"
  "  background: #e9e7e3; line-break: strict; word-break: normal; overflow-wrap: normal;\n"
  "  font-kerning: normal; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }\n"
  "html:lang(en) { font-family: \"Segoe UI\", \"Helvetica Neue\", Helvetica, Arial, "
  "\"Liberation Sans\", \"Noto Sans\", " JA_FONTS "; line-height: 1.5; }\n"
  "body { margin: 0; }\n"
  "main { box-sizing: border-box; max-width: 190mm; margin: 8mm auto; padding: 14mm 12mm;\n"
  "  background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, .18); }\n"
  "h1, h2, h3 { line-height: 1.3; break-after: avoid; page-break-after: avoid; }\n"
  "h1 { font-size: 20pt; margin: .2em 0 .3em; font-weight: 700; }\n"
  "h2 { font-size: 13pt; margin: 1.6em 0 .6em; padding-bottom: .2em; color: var(--accent);\n"
  "  border-bottom: 1.5pt solid var(--accent); }\n"
  "h3 { font-size: 10.5pt; margin: 1.2em 0 .3em; }\n"
  "p { margin: .4em 0; }\n"
  ".kicker { margin: 0; color: var(--muted); font-size: 9.5pt; letter-spacing: .04em; }\n"
  ".subtitle { margin: 0 0 1em; font-size: 12pt; }\n"
  ".id, .path { overflow-wrap: anywhere; word-break: normal; }\n"
  ".id { white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
  ".muted { color: var(--muted); }\n"
  ".summary { break-after: page; page-break-after: always; }\n"
  ".appendix { break-before: page; page-break-before: always; }\n"
  "dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1.4em;\n"
  "  margin: 0 0 1.2em; }\n"
  "dl.facts dt { color: var(--muted); }\n"
  "dl.facts dd { margin: 0; }\n"
  ".verdict { margin: 1em 0; padding: .5em .9em; border: 1.5pt solid var(--ink);\n"
  "  border-left-width: 6pt; font-size: 14pt; break-inside: avoid; }\n"
  ".verdict .label { font-size: 9.5pt; color: var(--muted); display: block; }\n"
  ".verdict.met { border-color: #2e7d32; }\n"
  ".verdict.not-met { border-color: #b3261e; }\n"
  ".verdict.incomplete { border-color: #8a6d00; border-style: dashed; }\n"
  ".verdict .caveat { font-size: 9.5pt; display: block; margin-top: .2em; }\n"
  ".kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; margin: 1em 0;\n"
  "  break-inside: avoid; }\n"
  ".kpi { border-top: 1pt solid var(--rule); padding-top: .3em; }\n"
  ".kpi .label { display: block; font-size: 9pt; color: var(--muted); }\n"
  ".kpi .big { font-size: 20pt; font-weight: 700; font-variant-numeric: tabular-nums; }\n"
  ".kpi .small { font-variant-numeric: tabular-nums; color: var(--muted); margin-left: .3em; }\n"
  "figure { margin: .8em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }\n"
  "figcaption { font-weight: 700; margin-bottom: .3em; break-after: avoid; }\n"
  "svg.chart { display: block; width: 100%; height: auto; }\n"
  "svg.defs { position: absolute; width: 0; height: 0; overflow: hidden; }\n"
  "svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }\n"
  "svg .tick { font-size: 10px; fill: var(--muted); }\n"
  "svg .series { font-size: 10.5px; fill: var(--muted); }\n"
  "svg .grid { stroke: #d6d6d6; stroke-width: 1; }\n"
  "svg .sep { stroke: #bdbdbd; stroke-width: .6; }\n"
  "svg .track { fill: #fff; stroke: #8a8a8a; stroke-width: .8; }\n"
  "svg .track.na { stroke-dasharray: 3 2; }\n"
  "svg .s0 { fill: var(--accent); }\n"
  "svg .s1 { fill: url(#kj-hatch); }\n"
  "svg .seg { stroke: #fff; stroke-width: 1; }\n"
  "svg .seg.st-none { stroke: #8a8a8a; stroke-width: .8; }\n"
  "svg .n { font-size: 11px; font-weight: 700; }\n";

/* After the statuses' colours, which status_styles writes from the
 * status table. */
static const char stylesheet_after_statuses[] =
  "svg.swatch { width: .9em; height: .9em; vertical-align: -.1em; margin-right: .4em; }\n"
  "table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums;\n"
  "  margin: .4em 0 1em; }\n"
  "thead { display: table-header-group; }\n"
  "tr { break-inside: avoid; page-break-inside: avoid; }\n"
  "th, td { text-align: left; vertical-align: top; padding: .25em .5em;\n"
  "  border-bottom: .5pt solid var(--rule); }\n"
  "thead th { border-bottom: 1pt solid var(--ink); font-size: 9pt; font-weight: 700;\n"
  "  white-space: nowrap; }\n"
  "tbody th { font-weight: 400; }\n"
  "td.num, th.num { text-align: right; white-space: nowrap; }\n"
  "table.legend { width: auto; min-width: 60%; }\n"
  "table.answers { font-size: 9pt; }\n"
  "table.answers td.text { width: 50%; }\n"
  "table.answers td.path { width: 16%; }\n"
  "td.kw { white-space: nowrap; }\n"
  "table.items td.band { width: 9.5em; }\n"
  "table.answers td.when { white-space: nowrap; font-size: 8pt; color: var(--muted); }\n"
  "td.band { text-align: right; white-space: nowrap; -webkit-print-color-adjust: exact;\n"
  "  print-color-adjust: exact; }\n"
  "td.band .mark { display: inline-block; width: 1.4em; text-align: center; }\n"
  ".band-full { background: #cde8c8; }\n"
  ".band-high { background: #eef2c2; }\n"
  ".band-low { background: #fde0b4; }\n"
  ".band-none { background: #f6c6bf; }\n"
  ".band-na, .band-empty { background: #fff; color: var(--muted); }\n"
  ".band-unanswered { background: #fff; color: var(--muted); font-style: italic; }\n"
  "td.band .unanswered { color: var(--muted); font-size: 8.5pt; }\n"
  ".bands { font-size: 9pt; color: var(--muted); }\n"
  ".bands span { display: inline-block; padding: 0 .4em; margin-right: .4em;\n"
  "  -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  ".unmet { border-top: .5pt solid var(--rule); padding: .4em 0; break-inside: avoid;\n"
  "  page-break-inside: avoid; }\n"
  ".unmet h3 { margin: 0 0 .2em; font-size: 10.5pt; }\n"
  ".unmet .why { font-weight: 400; color: var(--muted); margin-left: .6em; }\n"
  ".unmet dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; margin: .2em 0 0;\n"
  "  font-size: 9.5pt; }\n"
  ".unmet dt { color: var(--muted); }\n"
  ".unmet dd.action { white-space: pre-line; }\n"
  ".plan-item .state { color: var(--ink); }\n"
  ".unmet dd { margin: 0; }\n"
  ".bases { font-size: 9pt; color: var(--muted); margin: .2em 0 .8em; }\n"
  ".bases p { margin: 0; }\n"
  ".bases ul { margin: .1em 0 0; padding-left: 1.2em; }\n"
  ".bases .n { font-variant-numeric: tabular-nums; }\n"
  ".level-note { font-size: 9pt; color: var(--muted); margin: .2em 0; }\n"
  ".level-note .label, dl.item-notes dt { font-weight: 700; }\n"
  "dl.item-notes { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em;\n"
  "  font-size: 9pt; color: var(--muted); }\n"
  "dl.item-notes dd { margin: 0; }\n"
  ".formula { padding: .5em .8em; border-left: 3pt solid var(--rule); background: #f6f6f4; }\n"
  /* A note may be one long token (a path, a URL): it breaks anywhere
   * rather than widening its table past the page (1200 px, A4). */
  ".note { display: block; font-size: 8.5pt; color: var(--muted); overflow-wrap: anywhere; }\n"
  "@media print {\n"
  "  html { background: none; }\n"
  "  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }\n"
  "  h2 { color: var(--ink); border-bottom-color: var(--ink); }\n"
  "  .formula { background: none; }\n"
  "  svg .s0 { fill: #333; }\n"
  "}\n";

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
  fprintf(f, "</title>\n<style>\n%s", stylesheet);
  status_styles(f);
  fprintf(f, "%s</style>\n</head>\n<body>\n%s<main>\n", stylesheet_after_statuses, svg_defs);
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

/* ---- charts ------------------------------------------------------------ */

/* The part of n/d of w, rounded. */
static int
scale(unsigned n, unsigned d, int w)
{
  return d ? (int) (((long long) w * n + d / 2) / d) : 0;
}

static void
svg_text(FILE *f, const char *cls, int x, int y, const char *anchor, const char *s)
{
  fprintf(f, "<text class=\"%s\" x=\"%d\" y=\"%d\"%s%s%s>", cls, x, y, anchor ? " text-anchor=\"" : "",
          anchor ? anchor : "", anchor ? "\"" : "");
  html_put(f, s);
  fputs("</text>\n", f);
}

static void
figure_open(FILE *f, const char *caption, int w, int h)
{
  fputs("<figure>\n<figcaption>", f);
  html_put(f, caption);
  fprintf(f, "</figcaption>\n<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", w, h);
  html_put(f, caption);
  fputs("\">\n", f);
}

void
html_bar_chart(FILE *f, const char *caption, const char *const series[], size_t nseries,
               const html_bar_row *rows, size_t nrows)
{
  /* User units; the chart scales to the column (about 670 px on A4). */
  enum { W = 640, LABEL = 128, SERIES = 96, X0 = LABEL + SERIES, BW = 296, BH = 15, GAP = 4,
         ROWGAP = 14, TOP = 20 };
  if (nseries > HTML_SERIES_MAX)
    nseries = HTML_SERIES_MAX;
  if (!nseries)
    return;
  int group = (int) nseries * BH + ((int) nseries - 1) * GAP;
  int h = TOP + (int) nrows * (group + ROWGAP);
  figure_open(f, caption, W, h);
  for (int t = 0; t <= 100; t += 25)
    {
      int x = X0 + BW * t / 100;
      fprintf(f, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", x, TOP - 4, x, h);
      fprintf(f, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d%%</text>\n", x,
              TOP - 7, t);
    }
  char buf[64];
  for (size_t i = 0; i < nrows; i++)
    {
      int y = TOP + (int) i * (group + ROWGAP) + ROWGAP / 2;
      if (i)
        fprintf(f, "<line class=\"sep\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", y - ROWGAP / 2,
                W, y - ROWGAP / 2);
      svg_text(f, "label", 0, y + group / 2 + 4, NULL, rows[i].label);
      for (size_t s = 0; s < nseries; s++)
        {
          const cov_tally *t = rows[i].v[s];
          int by = y + (int) s * (BH + GAP);
          if (nseries > 1)
            svg_text(f, "series", LABEL, by + BH - 3, NULL, series[s]);
          if (!t)
            continue;
          fprintf(f, "<rect class=\"track%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
                  t->applicable ? "" : " na", X0, by, BW, BH);
          int w = scale(t->met, t->applicable, BW);
          if (w)
            fprintf(f, "<rect class=\"s%zu\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n", s, X0,
                    by, w, BH);
          cov_format(t, buf, sizeof buf);
          svg_text(f, "fig", X0 + BW + 8, by + BH - 3, NULL, buf);
        }
    }
  fputs("</svg>\n</figure>\n", f);
}

static void
swatch(FILE *f, const char *cls)
{
  fprintf(f, "<svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\">"
             "<rect class=\"%s\" x=\"0.5\" y=\"0.5\" width=\"9\" height=\"9\"/></svg>", cls);
}

void
html_stack_chart(FILE *f, const char *caption, const html_kind *kinds, size_t nkinds,
                 const html_stack_row *rows, size_t nrows)
{
  enum { W = 640, LABEL = 128, BW = W - LABEL - 4, BH = 24, ROWGAP = 12 };
  int h = (int) nrows * (BH + ROWGAP);
  /* One scale for every row, the longest filling the width, so that a
   * count has the same length in each. */
  unsigned scale_to = 0;
  for (size_t i = 0; i < nrows; i++)
    {
      unsigned total = 0;
      for (size_t k = 0; k < nkinds; k++)
        total += rows[i].counts[k];
      if (total > scale_to)
        scale_to = total;
    }
  figure_open(f, caption, W, h);
  for (size_t i = 0; i < nrows; i++)
    {
      int y = (int) i * (BH + ROWGAP) + ROWGAP / 2;
      svg_text(f, "label", 0, y + BH / 2 + 4, NULL, rows[i].label);
      unsigned total = 0, cum = 0;
      for (size_t k = 0; k < nkinds; k++)
        total += rows[i].counts[k];
      if (!total)
        {
          fprintf(f, "<rect class=\"track na\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
                  LABEL, y, BW, BH);
          continue;
        }
      /* Edges from the running sum, so rounding never leaves a gap. */
      for (size_t k = 0; k < nkinds; k++)
        {
          unsigned n = rows[i].counts[k];
          if (!n)
            continue;
          int x0 = LABEL + scale(cum, scale_to, BW);
          cum += n;
          int x1 = LABEL + scale(cum, scale_to, BW);
          fprintf(f, "<rect class=\"seg %s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
                  kinds[k].cls, x0, y, x1 - x0, BH);
          if (x1 - x0 >= 18)
            fprintf(f, "<text class=\"n\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%u</text>\n",
                    (x0 + x1) / 2, y + BH / 2 + 4, n);
        }
    }
  fputs("</svg>\n<table class=\"legend\">\n<thead><tr><th></th>", f);
  for (size_t i = 0; i < nrows; i++)
    {
      fputs("<th class=\"num\">", f);
      html_put(f, rows[i].label);
      fputs("</th>", f);
    }
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t k = 0; k < nkinds; k++)
    {
      fputs("<tr><th>", f);
      swatch(f, kinds[k].cls);
      html_put(f, kinds[k].name);
      fputs("</th>", f);
      for (size_t i = 0; i < nrows; i++)
        fprintf(f, "<td class=\"num\">%u</td>", rows[i].counts[k]);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n</figure>\n", f);
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

/* ---- the single-assessment report -------------------------------------- */

void
html_fact(FILE *f, const char *label, const char *value, const char *cls)
{
  fputs("<dt>", f);
  html_put(f, label);
  fputs(cls ? "</dt><dd class=\"" : "</dt><dd", f);
  if (cls)
    fprintf(f, "%s\"", cls);
  fputs(">", f);
  html_put(f, value);
  fputs("</dd>\n", f);
}

/* A big figure over its counts: "40.0%" and "(2/5)". */
void
html_kpi(FILE *f, const char *label, const char *figure)
{
  const char *paren = strchr(figure, '(');
  size_t n = paren ? (size_t) (paren - figure) : strlen(figure);
  while (n && figure[n - 1] == ' ')
    n--;
  char *big = xstrndup(figure, n);
  fputs("<div class=\"kpi\"><span class=\"label\">", f);
  html_put(f, label);
  fputs("</span><span class=\"big\">", f);
  html_put(f, big);
  fputs("</span>", f);
  if (paren)
    {
      fputs("<span class=\"small\">", f);
      html_put(f, paren);
      fputs("</span>", f);
    }
  fputs("</div>\n", f);
  free(big);
}

/* How many questions have a level of each basis, and what each rests
 * on, beside the verdict. */
static void
bases(FILE *f, const questionnaire *q, const coverage *c, enum lang lang)
{
  fputs("<div class=\"bases\"><p>", f);
  html_put(f, report_bases_heading());
  fputs("</p>\n<ul>\n", f);
  for (int b = 0; b < QN_BASIS_COUNT; b++)
    {
      if (!c->by_basis[b])
        continue;
      const char *mark = report_basis_label((enum qn_basis) b);
      fprintf(f, "<li><span class=\"n\">%zu/%zu</span> <strong>", c->by_basis[b], q->nquestions);
      html_put(f, qn_basis_name((enum qn_basis) b));
      fputs(*mark ? " " : "", f);
      html_put(f, mark);
      fputs("</strong>: ", f);
      html_put(f, qn_basis_desc((enum qn_basis) b));
      fputs("</li>\n", f);
    }
  fputs("</ul>\n", f);
  const char *labels[] = { report_rests_heading(), report_rules_heading() };
  const qn_text *texts[] = { &q->source, &q->guidance };
  for (int i = 0; i < 2; i++)
    if (qn_text_given(texts[i]))
      {
        fputs("<p><strong>", f);
        html_put(f, labels[i]);
        fputs("</strong></p>\n<p class=\"qn-text\">", f);
        html_put_lines(f, qn_tr(texts[i], lang));
        fputs("</p>\n", f);
      }
  fputs("</div>\n", f);
}

void
html_cover_head(FILE *f, const report_ctx *r, const char *kicker)
{
  const questionnaire *q = r->qn;
  const char *org = r->a->profile[ANS_ORGANIZATION];
  fputs("<header>\n<p class=\"kicker\">", f);
  html_put(f, kicker);
  fputs("</p>\n<h1>", f);
  html_put(f, org ? org : qn_tr(&q->title, r->lang));
  fputs("</h1>\n<p class=\"subtitle\">", f);
  html_put(f, qn_tr(&q->title, r->lang));
  fputs("</p>\n<dl class=\"facts\">\n", f);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    if (i != ANS_ORGANIZATION || !org)
      html_fact(f, ans_field_name((enum ans_field) i), report_profile_value(r, i), NULL);
}

static void
cover(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  char now[32], buf[64];
  ans_now(now);

  html_cover_head(f, r, _("kijun: baseline coverage report"));
  html_fact(f, _("Last answer"), report_last_answer_text(c, r->lang), NULL);
  html_fact(f, _("Report made"), report_time_text(now, r->lang), NULL);
  char *ver = xasprintf("%s %s", q->id, q->version);
  html_fact(f, _("Version"), ver, "id");
  free(ver);
  if (r->answers_path)
    html_fact(f, _("Answers file"), r->answers_path, "path");
  fputs("</dl>\n", f);

  const char *verdict = report_verdict_text(c);
  char *caveat = report_caveat_text(c, q->nquestions);
  fprintf(f, "<p class=\"verdict %s\"><span class=\"label\">", cov_verdict_class(c->verdict));
  html_put(f, _("Verdict"));
  fputs("</span><strong>", f);
  html_put(f, verdict);
  fputs("</strong>", f);
  if (caveat)
    {
      fputs("<span class=\"caveat\">", f);
      html_put(f, caveat);
      fputs("</span>", f);
    }
  fputs("</p>\n", f);
  free(caveat);
  bases(f, q, c, r->lang);
  fputs("<div class=\"kpis\">\n", f);
  cov_format(&c->all[QN_BASELINE], buf, sizeof buf);
  html_kpi(f, _("Baseline coverage"), buf);
  cov_format(&c->all[QN_RECOMMENDED], buf, sizeof buf);
  html_kpi(f, _("Recommended coverage"), buf);
  snprintf(buf, sizeof buf, "%u/%u", cov_answered(c->all), cov_total(c->all));
  html_kpi(f, _("Answered"), buf);
  fputs("</div>\n</header>\n", f);
}

static void
phases(FILE *f, const coverage *c)
{
  html_bar_row rows[QN_PHASE_COUNT];
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    rows[p] = (html_bar_row){ qn_phase_name((enum qn_phase) p),
                              { &c->phase[p][QN_BASELINE], &c->phase[p][QN_RECOMMENDED] } };
  const char *series[] = { qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED) };
  html_el(f, "h2", NULL, _("Coverage by phase"));
  html_bar_chart(f, _("Baseline and recommended coverage by PDCA phase"), series, 2, rows,
                 QN_PHASE_COUNT);
}

/* Coverage by CSF: the functions as bars (their names are short), then
 * every row, functions and their categories, as a table like the
 * items'.  Nothing when no question names CSF. */
static void
csf(FILE *f, const report_ctx *r, const coverage *c)
{
  report_csf_row crows[REPORT_CSF_ROWS];
  size_t n = report_csf_rows(c, r->lang, crows);
  if (!n)
    return;
  html_bar_row rows[CSF_FUNCTION_COUNT];
  char *labels[CSF_FUNCTION_COUNT];
  size_t nf = 0;
  for (size_t i = 0; i < n; i++)
    if (!crows[i].category)
      {
        labels[nf] = xasprintf("%s %s", crows[i].id, crows[i].name);
        rows[nf] = (html_bar_row){ labels[nf], { &crows[i].t[QN_BASELINE], &crows[i].t[QN_RECOMMENDED] } };
        nf++;
      }
  const char *series[] = { qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED) };
  html_el(f, "h2", NULL, report_csf_heading());
  html_el(f, "p", NULL, report_csf_note());
  html_bar_chart(f, report_csf_heading(), series, 2, rows, nf);
  for (size_t i = 0; i < nf; i++)
    free(labels[i]);
  fputs("<table class=\"items\">\n<thead><tr><th>", f);
  html_put(f, _("CSF"));
  fputs("</th><th>", f);
  html_put(f, _("Name"));
  fputs("</th><th class=\"num\">", f);
  html_put(f, qn_level_name(QN_BASELINE));
  fputs("</th><th class=\"num\">", f);
  html_put(f, qn_level_name(QN_RECOMMENDED));
  fputs("</th></tr></thead>\n<tbody>\n", f);
  for (size_t i = 0; i < n; i++)
    {
      /* A function's row in bold; its categories follow it. */
      fputs(crows[i].category ? "<tr><td class=\"id\">" : "<tr><td class=\"id\"><strong>", f);
      html_put(f, crows[i].id);
      fputs(crows[i].category ? "</td><td>" : "</strong></td><td><strong>", f);
      html_put(f, crows[i].name);
      fputs(crows[i].category ? "</td>" : "</strong></td>", f);
      html_cell(f, &crows[i].t[QN_BASELINE]);
      html_cell(f, &crows[i].t[QN_RECOMMENDED]);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
}

static void
items(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  html_el(f, "h2", NULL, _("Coverage by item"));
  html_band_legend(f);
  fputs("<table class=\"items\">\n<thead><tr><th>", f);
  html_put(f, _("Item"));
  fputs("</th><th>", f);
  html_put(f, _("Title"));
  fputs("</th><th class=\"num\">", f);
  html_put(f, qn_level_name(QN_BASELINE));
  fputs("</th><th class=\"num\">", f);
  html_put(f, qn_level_name(QN_RECOMMENDED));
  fputs("</th></tr></thead>\n<tbody>\n", f);
  for (size_t s = 0; s < q->nsections; s++)
    {
      fputs("<tr><td class=\"id\">", f);
      html_put(f, q->sections[s].id);
      fputs("</td><td>", f);
      html_put(f, qn_tr(&q->sections[s].title, r->lang));
      fputs("</td>", f);
      html_cell(f, &c->section[s][QN_BASELINE]);
      html_cell(f, &c->section[s][QN_RECOMMENDED]);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
  bool notes = false;
  for (size_t s = 0; s < q->nsections; s++)
    if (qn_text_given(&q->sections[s].level_note))
      {
        fputs(notes ? "" : "<dl class=\"item-notes\">\n", f);
        notes = true;
        html_fact(f, q->sections[s].id, qn_tr(&q->sections[s].level_note, r->lang), NULL);
      }
  if (notes)
    fputs("</dl>\n", f);
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

static void
statuses(FILE *f, const coverage *c)
{
  enum ans_status order[ANS_STATUS_COUNT];
  html_kind kinds[ANS_STATUS_COUNT];
  char cls[ANS_STATUS_COUNT][48];
  int nk = html_status_kinds(kinds, order, cls);
  unsigned counts[QN_LEVEL_COUNT][ANS_STATUS_COUNT];
  html_stack_row rows[QN_LEVEL_COUNT];
  for (int k = 0; k < nk; k++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      counts[l][k] = c->all[l].status[order[k]];
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    rows[l] = (html_stack_row){ qn_level_name((enum qn_level) l), counts[l] };
  html_el(f, "h2", NULL, _("Answers by status"));
  html_stack_chart(f, _("Questions of each level by status"), kinds, (size_t) nk, rows,
                   QN_LEVEL_COUNT);
  unsigned nr = c->all[QN_BASELINE].no_reason + c->all[QN_RECOMMENDED].no_reason;
  if (nr)
    {
      char *s = xasprintf(ngettext("%u alternative or not-applicable answer lacks the reason it "
                                   "needs and counts as not met.",
                                   "%u alternative or not-applicable answers lack the reason they "
                                   "need and count as not met.", nr),
                          nr);
      html_el(f, "p", NULL, s);
      free(s);
    }
}

/* A question's id, marked [k] when its level is kijun's reading. */
void
html_question_id(FILE *f, const qn_question *x)
{
  html_put(f, x->id);
  if (x->basis == QN_BASIS_EDITORIAL)
    {
      fputc(' ', f);
      html_put(f, REPORT_MARK);
    }
}

void
html_plan_fields(FILE *f, const ans_entry *e)
{
  if (!ans_has_plan(e))
    return;
  for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
    {
      if (!e->plan[pf])
        continue;
      fputs("<dt>", f);
      html_put(f, ans_plan_name((enum ans_plan) pf));
      fputs(pf == ANS_PLAN_ACTION ? "</dt><dd class=\"action\">" : "</dt><dd>", f);
      html_put_lines(f, e->plan[pf]);
      fputs("</dd>\n", f);
    }
}

void
html_plan_item(FILE *f, const report_ctx *r, const plan_item *it)
{
  const qn_question *x = &r->qn->questions[it->qi];
  const ans_entry *e = &r->a->e[it->qi];
  fputs("<article class=\"unmet plan-item\">\n<h3><span class=\"id\">", f);
  html_question_id(f, x);
  fputs("</span><span class=\"why\">", f);
  html_put(f, qn_phase_name(x->phase));
  fputs(" \u00b7 ", f);
  html_put(f, report_unmet_reason(e));
  fputs(" \u00b7 </span><span class=\"state\">", f);
  /* The word, in bold when overdue: it reads without colour. */
  fputs(it->state == PLAN_OVERDUE ? "<strong>" : "", f);
  html_put(f, plan_state_name(it->state));
  fputs(it->state == PLAN_OVERDUE ? "</strong>" : "", f);
  fputs("</span></h3>\n<p>", f);
  html_put(f, qn_tr(&x->text, r->lang));
  fputs("</p>\n", f);
  if (ans_has_plan(e))
    {
      fputs("<dl>\n", f);
      html_plan_fields(f, e);
      fputs("</dl>\n", f);
    }
  fputs("</article>\n", f);
}

/* The plan as a section of the report: the questions not met that have
 * a plan, baseline first; the count of those without one. */
static void
plan_section(FILE *f, const report_ctx *r, const coverage *c)
{
  char today[ANS_DATE_SIZE];
  ans_today(today);
  plan p;
  plan_build(r->qn, r->a, c, today, &p);
  html_el(f, "h2", NULL, _("Improvement plan"));
  size_t planned = p.n - p.count[PLAN_NO_ACTION];
  char *s = xasprintf(_("As of %s: %zu of %zu questions not met have a plan (%zu open, %zu overdue, "
                        "%zu done); %zu have no action yet."),
                      today, planned, p.n, p.count[PLAN_OPEN], p.count[PLAN_OVERDUE], p.count[PLAN_DONE],
                      p.count[PLAN_NO_ACTION]);
  html_el(f, "p", NULL, s);
  free(s);
  for (size_t k = 0; k < p.n; k++)
    if (p.items[k].state != PLAN_NO_ACTION)
      html_plan_item(f, r, &p.items[k]);
  plan_free(&p);
}

static void
unmet(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  unsigned n = (unsigned) c->nunmet;
  char *h = report_unmet_heading(r->a, c);
  html_el(f, "h2", NULL, h);
  free(h);
  if (!n)
    {
      html_el(f, "p", NULL, _("none"));
    }
  for (size_t k = 0; k < c->nunmet; k++)
    {
      size_t i = c->unmet[k];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &r->a->e[i];
      fputs("<article class=\"unmet\">\n<h3><span class=\"id\">", f);
      html_question_id(f, x);
      fputs("</span><span class=\"why\">", f);
      html_put(f, qn_phase_name(x->phase));
      fputs(" \u00b7 ", f);
      html_put(f, report_unmet_reason(e));
      fputs("</span></h3>\n<p>", f);
      html_put(f, qn_tr(&x->text, r->lang));
      fputs("</p>\n", f);
      if (qn_text_given(&x->level_note))
        {
          fputs("<p class=\"level-note\"><span class=\"label\">", f);
          html_put(f, report_level_note_label());
          fputs(":</span> ", f);
          html_put(f, qn_tr(&x->level_note, r->lang));
          fputs("</p>\n", f);
        }
      if (e->note || e->evidence || ans_has_plan(e))
        {
          fputs("<dl>\n", f);
          if (e->note)
            {
              fputs("<dt>", f);
              html_put(f, _("Note"));
              fputs("</dt><dd>", f);
              html_put_lines(f, e->note);
              fputs("</dd>\n", f);
            }
          if (e->evidence)
            html_fact(f, _("Evidence"), e->evidence, "path");
          html_plan_fields(f, e);
          fputs("</dl>\n", f);
        }
      fputs("</article>\n", f);
    }
}

/* Answers carried from an earlier revision or question, and answers to
 * questions no longer asked: only when there are any. */
static void
carried(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  if (c->nreconfirm)
    {
      char *h = report_reconfirm_heading(c);
      html_el(f, "h2", NULL, h);
      free(h);
      fputs("<ul class=\"reconfirm\">\n", f);
      for (size_t k = 0; k < c->nreconfirm; k++)
        {
          const qn_question *x = &q->questions[c->reconfirm[k]];
          fputs("<li><span class=\"id\">", f);
          html_question_id(f, x);
          fputs("</span> ", f);
          html_put(f, qn_level_name(x->level));
          fputs(" \u00b7 ", f);
          html_put(f, ans_status_name(r->a->e[c->reconfirm[k]].status));
          fputs(": ", f);
          html_put(f, qn_tr(&x->text, r->lang));
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
  if (c->nretired)
    {
      char *h = report_retired_heading(c);
      html_el(f, "h2", NULL, h);
      free(h);
      fputs("<ul class=\"retired\">\n", f);
      for (size_t k = 0; k < r->a->nretired; k++)
        {
          const ans_retired *x = &r->a->retired[k];
          fputs("<li><span class=\"id\">", f);
          html_put(f, x->question);
          fputs("</span> ", f);
          html_put(f, report_retired_status(x));
          if (x->note)
            {
              fputs(": ", f);
              html_put_lines(f, x->note);
            }
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
}

/* The scope answers and the questions they leave out, with the reason;
 * only when the questionnaire asks scope questions. */
static void
scope(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  if (!report_has_scope(r))
    return;
  html_el(f, "h2", NULL, report_scope_heading());
  fputs("<table class=\"scope\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Scope question"));
  html_el(f, "th", NULL, _("Answer"));
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t k = 0; k < r->a->nscope; k++)
    {
      char *text = report_scope_question(r, k);
      fputs("<tr><td class=\"text\">", f);
      html_put(f, text);
      fputs("</td><td class=\"kw\">", f);
      html_put(f, ans_scope_name(r->a->scope[k].value));
      fputs("</td></tr>\n", f);
      free(text);
    }
  fputs("</tbody>\n</table>\n", f);
  char *out = report_scope_out_text(c);
  html_el(f, "p", NULL, out);
  free(out);
  if (!c->nout)
    return;
  fputs("<ul class=\"out-of-scope\">\n", f);
  for (size_t k = 0; k < c->nout; k++)
    {
      const qn_question *x = &q->questions[c->out[k]];
      char *why = ans_scope_reason(r->a, c->out[k], r->lang);
      fputs("<li><span class=\"id\">", f);
      html_question_id(f, x);
      fputs("</span> ", f);
      html_put(f, qn_level_name(x->level));
      fputs(" \u00b7 ", f);
      html_put(f, ans_status_name(r->a->e[c->out[k]].status));
      fputs(" \u00b7 <em>", f);
      html_put(f, why);
      fputs("</em>: ", f);
      html_put(f, qn_tr(&x->text, r->lang));
      fputs("</li>\n", f);
      free(why);
    }
  fputs("</ul>\n", f);
}

static void
method(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  html_el(f, "h2", NULL, _("How coverage is computed"));
  html_el(f, "p", "formula", report_formula_text());
  html_el(f, "p", NULL, report_editorial_text());
  size_t ed = c->editorial;
  char *s = xasprintf(ngettext("%zu question of %zu has a level of kijun's reading.",
                               "%zu questions of %zu have a level of kijun's reading.", ed),
                      ed, q->nquestions);
  html_el(f, "p", NULL, s);
  free(s);
}

/* An ISO 8601 time on two lines, date over time, so the column stays
 * narrow; anything else as it is. */
static void
put_time(FILE *f, const char *s, enum lang l)
{
  s = report_time_text(s, l);
  /* Break before the time: "4 Dec 2026" over "16:50 JST". */
  const char *colon = s ? strchr(s, ':') : NULL, *t = NULL;
  for (const char *p = colon; p && p > s; p--)
    if (*p == ' ' || *p == 'T')
      {
        t = p;
        break;
      }
  if (!t)
    {
      html_put(f, s ? s : "");
      return;
    }
  char *date = xstrndup(s, (size_t) (t - s));
  html_put(f, date);
  fputs("<br>", f);
  html_put(f, t + 1);
  free(date);
}

static void
appendix(FILE *f, const report_ctx *r)
{
  const questionnaire *q = r->qn;
  fputs("<section class=\"appendix\">\n", f);
  html_el(f, "h2", NULL, _("Appendix: every answer"));
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  const char *heads[] = { _("Question"), _("Text and note"), _("Level"), _("Answer"),
                          _("Evidence"), _("Updated") };
  for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
    html_el(f, "th", NULL, heads[i]);
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &r->a->e[i];
      fputs("<tr><td class=\"id\">", f);
      html_question_id(f, x);
      fputs("</td><td class=\"text\">", f);
      html_put(f, qn_tr(&x->text, r->lang));
      if (e->note)
        {
          fputs("<span class=\"note\">", f);
          html_put_lines(f, e->note);
          fputs("</span>", f);
        }
      fputs("</td><td class=\"kw\">", f);
      html_put(f, qn_level_name(x->level));
      fputs("</td><td class=\"kw\">", f);
      html_put(f, ans_status_name(e->status));
      char *why = ans_scope_reason(r->a, i, r->lang);
      if (why)
        {
          fputs("<span class=\"note\">", f);
          html_put(f, why);
          fputs("</span>", f);
          free(why);
        }
      fputs("</td><td class=\"path\">", f);
      html_put(f, e->evidence ? e->evidence : "");
      fputs("</td><td class=\"when\">", f);
      put_time(f, e->updated, r->lang);
      fputs("</td></tr>\n", f);
    }
  fputs("</tbody>\n</table>\n</section>\n", f);
}

void
html_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const char *org = r->a->profile[ANS_ORGANIZATION];
  char *title = org ? xasprintf("%s: %s", _("kijun: baseline coverage report"), org)
                    : xstrdup(_("kijun: baseline coverage report"));
  html_begin(f, r->lang, title);
  free(title);
  fputs("<section class=\"summary\">\n", f);
  cover(f, r, c);
  phases(f, c);
  fputs("</section>\n<section>\n", f);
  csf(f, r, c);
  items(f, r, c);
  statuses(f, c);
  unmet(f, r, c);
  plan_section(f, r, c);
  carried(f, r, c);
  scope(f, r, c);
  method(f, r, c);
  fputs("</section>\n", f);
  appendix(f, r);
  html_end(f);
}
