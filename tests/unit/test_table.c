/* Tests of the report table (report/table): one table, four renderings;
 * in text the first column gives way (cut with an ellipsis), numbers keep
 * their width and align right; Markdown escapes and aligns; HTML marks
 * number cells; CSV quotes as RFC 4180 and defuses formulas. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>

#include <criterion/criterion.h>

#include "report/table.h"

static char *buf;
static size_t len;
static FILE *f;
static tab t;

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  f = open_memstream(&buf, &len);
  tab_init(&t, 3);
  tab_head(&t, 0, "Name", TAB_TEXT);
  tab_head(&t, 1, "Files", TAB_NUM);
  tab_head(&t, 2, "Met", TAB_NUM);
  tab_row(&t);
  tab_cell(&t, "水道");
  tab_num(&t, 12);
  tab_num(&t, 3);
  tab_row(&t);
  tab_cell(&t, "A very long sector name | with a bar");
  tab_num(&t, 1234567);
  tab_num(&t, 0);
}

static void
teardown(void)
{
  tab_free(&t);
  free(buf);
}

TestSuite(table, .init = setup, .fini = teardown);

Test(table, text_gives_way_in_the_first_column)
{
  tab_text(f, &t, 2, 2, 30, 5);
  fclose(f);
  /* Files is as wide as its widest number, Met as num_min; the name
   * takes the 12 columns left of 30 and is cut. */
  cr_assert_str_eq(buf, "  Name            Files    Met\n  水道               12      3\n  A very lon..  1234567      0\n", "%s", buf);
}

Test(table, markdown_escapes_and_aligns)
{
  tab_md(f, &t);
  fclose(f);
  cr_assert_str_eq(buf, "| Name | Files | Met |\n"
                        "|---|---:|---:|\n"
                        "| 水道 | 12 | 3 |\n"
                        "| A very long sector name \\| with a bar | 1234567 | 0 |\n");
}

Test(table, html_marks_numbers)
{
  tab_html(f, &t, "items");
  fclose(f);
  cr_assert(strstr(buf, "<table class=\"items\">\n<thead><tr><th>Name</th>\n<th class=\"num\">Files</th>\n"));
  cr_assert(strstr(buf, "<tr><td>水道</td><td class=\"num\">12</td><td class=\"num\">3</td></tr>\n"));
  cr_assert(strstr(buf, "</tbody>\n</table>\n"));
}

Test(table, csv_plain_fields_bare_and_crlf)
{
  tab_csv(f, &t);
  fclose(f);
  cr_assert_str_eq(buf, "Name,Files,Met\r\n"
                        "水道,12,3\r\n"
                        "A very long sector name | with a bar,1234567,0\r\n", "%s", buf);
}

Test(table, csv_quotes_commas_quotes_newlines_and_formulas)
{
  tab c;
  tab_init(&c, 3);
  tab_head(&c, 0, "id,name", TAB_TEXT);
  tab_head(&c, 1, "text", TAB_TEXT);
  tab_head(&c, 2, "change", TAB_NUM);
  tab_row(&c);
  tab_cell(&c, "a, b");
  tab_cell(&c, "say \"hi\"");
  tab_num(&c, 1);
  tab_row(&c);
  tab_cell(&c, "two\nlines");
  tab_cell(&c, "=HYPERLINK(\"x\")");
  tab_cell(&c, "-2.5");       /* a figure: never guarded */
  tab_row(&c);
  tab_cell(&c, "@SUM(A1)");
  tab_cell(&c, "+1");
  tab_cell(&c, NULL);
  tab_row(&c);
  tab_cell(&c, "-2");
  tab_cell(&c, "a=b");
  tab_row(&c);                /* a row left short: empty fields */
  tab_csv(f, &c);
  tab_free(&c);
  fclose(f);
  cr_assert_str_eq(buf, "\"id,name\",text,change\r\n"
                        "\"a, b\",\"say \"\"hi\"\"\",1\r\n"
                        "\"two\nlines\",\"'=HYPERLINK(\"\"x\"\")\",-2.5\r\n"
                        "\"'@SUM(A1)\",\"'+1\",\r\n"
                        "\"'-2\",a=b,\r\n"
                        ",,\r\n", "%s", buf);
}

Test(table, an_id_set_apart_in_html_escaped_apart_in_markdown)
{
  tab c;
  tab_init(&c, 1);
  tab_head(&c, 0, "Scope", TAB_TEXT);
  tab_row(&c);
  tab_cell_id(&c, "1.2_a", "Risk <assessment>");
  tab_row(&c);
  tab_cell_id(&c, NULL, "Overall");
  tab_md(f, &c);
  tab_html(f, &c, "items");
  tab_csv(f, &c);
  tab_free(&c);
  fclose(f);
  cr_assert_str_eq(buf, "| Scope |\n|---|\n| 1.2\\_a Risk \\<assessment\\> |\n| Overall |\n"
                        "<table class=\"items\">\n<thead><tr><th>Scope</th>\n</tr></thead>\n<tbody>\n"
                        "<tr><td><span class=\"id\">1.2_a</span> Risk &lt;assessment&gt;</td></tr>\n"
                        "<tr><td>Overall</td></tr>\n</tbody>\n</table>\n"
                        "Scope\r\n1.2_a Risk <assessment>\r\nOverall\r\n", "%s", buf);
}
