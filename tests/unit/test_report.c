/* Tests of the reports: golden outputs in every format and both
 * languages for tests/data/mini-answers.cfg.  Set KIJUN_UPDATE_GOLDEN=1
 * to rewrite the golden files after a deliberate change, then review the
 * diff. */
#include <config.h>

#include <locale.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "base/i18n.h"
#include "io/paths.h"
#include "report/report.h"
#include "io/session.h"
#include "base/text.h"

static session s;

static void
setup(void)
{
  i18n_init(NULL, path_localedir());
  char *qp = data_path("mini.cfg"), *ap = data_path("mini-answers.cfg");
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, ap, qp, false, &d), 0, "%s", d.n ? d.msgs[0] : "");
  free(qp), free(ap);
}

static void
teardown(void)
{
  session_close(&s);
  i18n_set_lang(LANG_EN);
}

TestSuite(report, .init = setup, .fini = teardown);

/* The interface speaks the other language: a report's language is its
 * context's, wholly. */
static void
golden(enum report_fmt fmt, enum lang lang, const char *name)
{
#if !ENABLE_NLS
  if (lang == LANG_JA)
    cr_skip_test("built without native language support");
#endif
  i18n_set_lang(lang == LANG_JA ? LANG_EN : LANG_JA);
  report_ctx r = { s.qn, s.a, "mini-answers.cfg", lang, 80, NULL, NULL, NULL };
  char *out = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&out, &len);
  cr_assert_eq(report_write(m, fmt, &r), 0);
  fclose(m);
  check_golden(name, out, len);
  free(out);
}

Test(report, text_en) { golden(REPORT_TEXT, LANG_EN, "mini.en.txt"); }
Test(report, text_ja) { golden(REPORT_TEXT, LANG_JA, "mini.ja.txt"); }
Test(report, markdown_en) { golden(REPORT_MARKDOWN, LANG_EN, "mini.en.md"); }
Test(report, markdown_ja) { golden(REPORT_MARKDOWN, LANG_JA, "mini.ja.md"); }
Test(report, csv_en) { golden(REPORT_CSV, LANG_EN, "mini.en.csv"); }
Test(report, csv_ja) { golden(REPORT_CSV, LANG_JA, "mini.ja.csv"); }
Test(report, json_en) { golden(REPORT_JSON, LANG_EN, "mini.en.json"); }
Test(report, json_ja) { golden(REPORT_JSON, LANG_JA, "mini.ja.json"); }

Test(report, html_en) { golden(REPORT_HTML, LANG_EN, "mini.en.html"); }
Test(report, html_ja) { golden(REPORT_HTML, LANG_JA, "mini.ja.html"); }

static char *
render(enum report_fmt fmt, enum lang lang)
{
  report_ctx r = { s.qn, s.a, NULL, lang, 80, NULL, NULL, NULL };
  char *out;
  size_t len;
  FILE *m = open_memstream(&out, &len);
  cr_assert_eq(report_write(m, fmt, &r), 0);
  fclose(m);
  return out;
}

/* What a file says is shown as text, wherever the page shows it: the
 * profile, the unmet list (note, evidence) and the appendix. */
Test(report, html_escapes_every_string_from_the_file)
{
  ans_set_profile(s.a, ANS_ORGANIZATION, "<b>Evil</b> & \"co\" 'ltd'");
  ans_set_profile(s.a, ANS_RESPONDENT, "ctl\x1b[2J\x07" "end");
  long q = qn_find_question(s.qn, "1.3-a");   /* an unmet baseline question */
  cr_assert_geq(q, 0);
  ans_set_note(s.a, (size_t) q, "<script>alert(1)</script>\nline two");
  ans_set_evidence(s.a, (size_t) q, "\"><img src=x onerror=alert(1)>");
  char *out = render(REPORT_HTML, LANG_EN);
  cr_assert_null(strstr(out, "<script"), "a raw <script> reached the page");
  cr_assert_null(strstr(out, "<img"), "a raw <img> reached the page");
  cr_assert_null(strstr(out, "<b>"), "a raw <b> reached the page");
  cr_assert_null(strchr(out, '\x1b'), "a raw escape reached the page");
  cr_assert_null(strchr(out, '\x07'), "a raw control character reached the page");
  cr_assert(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt;<br>\nline two"), "%s", out);
  cr_assert(strstr(out, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "%s", out);
  cr_assert(strstr(out, "&lt;b&gt;Evil&lt;/b&gt; &amp; &quot;co&quot; &#39;ltd&#39;"), "%s", out);
  cr_assert(strstr(out, "ctl^[[2J^Gend"), "%s", out);
  /* The note and the evidence are in the unmet list and the appendix. */
  const char *unmet = strstr(out, "class=\"unmet\"");
  cr_assert(unmet && strstr(unmet, "&lt;script&gt;"));
  const char *appendix = strstr(out, "class=\"appendix\"");
  cr_assert(appendix && strstr(appendix, "&lt;script&gt;") && strstr(appendix, "onerror=alert(1)&gt;"));
  free(out);
}

Test(report, html_page_names_its_language)
{
  for (int l = 0; l < LANG_COUNT; l++)
    {
      i18n_set_lang((enum lang) l);
      char *out = render(REPORT_HTML, (enum lang) l);
      char want[32];
      snprintf(want, sizeof want, "<html lang=\"%s\">", lang_code((enum lang) l));
      cr_assert(strstr(out, want), "missing %s", want);
      free(out);
    }
}

Test(report, a_report_leaves_the_interface_language_alone)
{
#if !ENABLE_NLS
  cr_skip_test("built without native language support");
#endif
  for (int ui = 0; ui < LANG_COUNT; ui++)
    {
      i18n_set_lang((enum lang) ui);
      const char *before = _("Answered");
      cr_assert_str_eq(before, ui == LANG_JA ? "回答済み" : "Answered", "the catalogue is not in use");
      char *out;
      size_t len;
      FILE *m = open_memstream(&out, &len);
      report_ctx r = { s.qn, s.a, NULL, ui == LANG_JA ? LANG_EN : LANG_JA, 80, NULL, NULL, NULL };
      report_write(m, REPORT_TEXT, &r);
      fclose(m);
      cr_assert_eq(i18n_lang(), (enum lang) ui);
      cr_assert_str_eq(_("Answered"), before, "the interface now speaks the report's language");
      free(out);
    }
}

Test(report, csv_header_is_the_same_in_every_language)
{
  char *out[2];
  for (int l = 0; l < LANG_COUNT; l++)
    {
      i18n_set_lang((enum lang) l);
      report_ctx r = { s.qn, s.a, NULL, (enum lang) l, 80, NULL, NULL, NULL };
      size_t len;
      FILE *m = open_memstream(&out[l], &len);
      report_write(m, REPORT_CSV, &r);
      fclose(m);
      *strchr(out[l], '\n') = '\0';
    }
  cr_assert_str_eq(out[0], out[1]);
  free(out[0]), free(out[1]);
}

Test(report, text_lines_fit_80_columns_in_both_languages)
{
  for (int l = 0; l < LANG_COUNT; l++)
    {
      i18n_set_lang((enum lang) l);
      report_ctx r = { s.qn, s.a, "mini-answers.cfg", (enum lang) l, 80, NULL, NULL, NULL };
      char *out;
      size_t len;
      FILE *m = open_memstream(&out, &len);
      report_write(m, REPORT_TEXT, &r);
      fclose(m);
      char *save, *line = strtok_r(out, "\n", &save);
      for (; line; line = strtok_r(NULL, "\n", &save))
        cr_assert_leq(txt_width(line), 80, "too wide (%d): %s", txt_width(line), line);
      free(out);
    }
}

Test(report, file_text_is_escaped_in_text_and_markdown)
{
  ans_set_profile(s.a, ANS_ORGANIZATION, "evil\x1b]0;pwned\x07 corp");
  for (int fmt = REPORT_TEXT; fmt <= REPORT_MARKDOWN; fmt++)
    {
      report_ctx r = { s.qn, s.a, NULL, LANG_EN, 80, NULL, NULL, NULL };
      char *out;
      size_t len;
      FILE *m = open_memstream(&out, &len);
      report_write(m, (enum report_fmt) fmt, &r);
      fclose(m);
      cr_assert_null(strchr(out, '\x1b'), "a raw escape reached the report");
      cr_assert(strstr(out, "pwned^G corp"), "%s", out);
      free(out);
    }
}

/* Replace a questionnaire string of the loaded session (its strings
 * point into storage the questionnaire keeps, so nothing is freed). */
static void
set_text(const char **slot, const char *v)
{
  *slot = v;
}

static char *
render_path(enum report_fmt fmt, const char *answers_path)
{
  report_ctx r = { s.qn, s.a, answers_path, LANG_EN, 80, NULL, NULL, NULL };
  char *out;
  size_t len;
  FILE *m = open_memstream(&out, &len);
  report_write(m, fmt, &r);
  fclose(m);
  return out;
}

/* Issue 10: a title a spreadsheet would run as a formula is neutralised
 * with a leading single quote inside the quoted field (OWASP). */
Test(report, csv_fields_that_look_like_formulas_are_neutralised)
{
  set_text(&s.qn->sections[0].title.s[LANG_EN], "=HYPERLINK(\"http://x\",\"y\")");
  set_text(&s.qn->sections[1].title.s[LANG_EN], "+1+2");
  set_text(&s.qn->sections[2].title.s[LANG_EN], "@SUM(A1)");
  set_text(&s.qn->title.s[LANG_EN], "-3");
  char *out = render_path(REPORT_CSV, NULL);
  cr_assert(strstr(out, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), "%s", out);
  cr_assert(strstr(out, "section,1.2,\"'+1+2\",baseline,"), "%s", out);
  cr_assert(strstr(out, "section,1.3,\"'@SUM(A1)\",baseline,"), "%s", out);
  cr_assert(strstr(out, "overall,mini,\"'-3\",baseline,"), "%s", out);
  cr_assert_null(strstr(out, ",=") , "%s", out);
  free(out);
}

/* Issue 10: the JSON report is valid UTF-8 JSON whatever bytes a file
 * name has, and C1 controls and bidi overrides never go out raw. */
Test(report, json_escapes_invalid_bytes_c1_and_bidi)
{
  ans_set_note(s.a, 0, "a\xc2\x85" "b\xe2\x80\xae" "c\xe2\x81\xa6" "d");
  char *out = render_path(REPORT_JSON, "dir/\xff\xfe-\xe2\x80\xae.cfg");
  size_t bad;
  cr_assert(txt_valid_utf8(out, strlen(out), &bad), "invalid UTF-8 at byte %zu", bad);
  cr_assert(strstr(out, "\"answers_file\": \"dir/\\\\xFF\\\\xFE-\\u202e.cfg\""), "%s", out);
  cr_assert(strstr(out, "\"note\": \"a\\u0085b\\u202ec\\u2066d\""), "%s", out);
  free(out);
}

/* The report of shop-3.cfg (tests/data/editions), whose items say each
 * what is known of their counterpart (given, none with a note, unknown)
 * and whose b2-doc says why it is a baseline: each report carries what
 * the questionnaire says, in its language. */
static char *
shop_report(enum report_fmt fmt, enum lang lang)
{
  char dir[] = "/tmp/kijun-report-XXXXXX";
  cr_assert(mkdtemp(dir));
  char *ap = xasprintf("%s/a.cfg", dir), *qp = data_path("editions/shop-3.cfg");
  session t;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&t, ap, qp, true, &d), 0, "%s", d.n ? d.msgs[0] : "");
  ans_set_status(t.a, (size_t) qn_find_question(t.qn, "b2-doc"), ANS_NOT_IMPLEMENTED);
  report_ctx r = { .qn = t.qn, .a = t.a, .lang = lang, .width = 80 };
  char *out = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&out, &len);
  cr_assert_eq(report_write(m, fmt, &r), 0);
  fclose(m);
  session_close(&t);
  remove(ap);
  rmdir(dir);
  free(ap), free(qp);
  return out;
}

#define HAS(out, s) cr_assert(strstr(out, s), "the report lacks %s:\n%s", s, out)

Test(report, level_notes_and_what_is_known_of_the_counterparts)
{
  char *t = shop_report(REPORT_TEXT, LANG_EN);
  /* The unmet question with its reason for being a baseline; the item
   * that says why its levels are what they are. */
  HAS(t, "  b2-doc [k]  [Plan] Not implemented\n"
         "    Does your organisation document the recovery procedure?\n"
         "    Why this level: Without a procedure there is nothing to test\n");
  HAS(t, "  3  No source makes it a baseline\n");
  HAS(t, "kijun's reading [k]: kijun's own reading of the guideline, not a\n");
  free(t);
  t = shop_report(REPORT_TEXT, LANG_JA);
  HAS(t, "    この区分の理由: 手順がなければ試験もできないため\n");
  HAS(t, "  3  基本対策とする根拠がない\n");
  free(t);
  t = shop_report(REPORT_MARKDOWN, LANG_EN);
  HAS(t, "| Does your organisation document the recovery procedure? | Without a procedure there is "
         "nothing to test |");
  HAS(t, "- 3: No source makes it a baseline\n");
  free(t);
  t = shop_report(REPORT_HTML, LANG_EN);
  HAS(t, "<p class=\"level-note\"><span class=\"label\">Why this level:</span> Without a procedure "
         "there is nothing to test</p>");
  HAS(t, "<dt>3</dt><dd>No source makes it a baseline</dd>");
  free(t);
  t = shop_report(REPORT_JSON, LANG_EN);
  HAS(t, "\"level_basis\": \"editorial\", \"level_note\": \"Without a procedure there is nothing to "
         "test\", \"csf\"");
  /* No level_note key where the questionnaire gives none. */
  HAS(t, "{ \"question\": \"b-backup\", \"section\": \"2\", \"phase\": \"do\", \"level\": "
         "\"baseline\", \"level_basis\": null, \"csf\"");
  HAS(t, "{ \"id\": \"1\", \"title\": \"Policy\", \"lg_state\": \"given\", \"lg_ref\": [ { "
         "\"part\": \"basic_policy\", \"items\": \"1. Purpose\" } ], \"baseline\"");
  HAS(t, "\"lg_state\": \"none\", \"lg_ref\": [], \"lg_note\": \"Provided for by another act\", ");
  HAS(t, "\"lg_state\": \"unknown\", \"lg_ref\": null, \"level_note\": \"No source makes it a "
         "baseline\", ");
  HAS(t, "\"level_bases\": { \"survey\": 0, \"source\": 0, \"editorial\": 1 },");
  free(t);
}
