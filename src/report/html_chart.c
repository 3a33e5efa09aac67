/* html_chart: the reports' charts as inline SVG (see report_html.h):
 * coverage bars, one or two series, and counts stacked by kind, each with
 * its figures written out and a legend table below for black and white.
 * SVG coordinates are integers, so nothing here depends on the locale's
 * decimal point. */
#include <config.h>
#include "report/report_html.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

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
