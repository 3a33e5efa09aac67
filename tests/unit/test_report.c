/* Tests of the reports: golden outputs in every format and both
 * languages for tests/data/mini-answers.cfg.  Set KIJUN_UPDATE_GOLDEN=1
 * to rewrite the golden files after a deliberate change, then review the
 * diff. */
#include <config.h>

#include <locale.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "i18n.h"
#include "report.h"
#include "session.h"
#include "text.h"

static session s;

static void
setup(void)
{
  i18n_init(NULL);
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

static void
golden(enum report_fmt fmt, enum lang lang, const char *name)
{
#if !ENABLE_NLS
  if (lang == LANG_JA)
    cr_skip_test("built without native language support");
#endif
  i18n_set_lang(lang);
  report_ctx r = { s.qn, s.a, "mini-answers.cfg", lang, 80 };
  char *out = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&out, &len);
  cr_assert_eq(report_write(m, fmt, &r), 0);
  fclose(m);

  const char *src = getenv("KIJUN_SRCDIR");
  char *path = xasprintf("%s/tests/golden/%s", src ? src : ".", name);
  if (getenv("KIJUN_UPDATE_GOLDEN"))
    {
      FILE *f = fopen(path, "wb");
      cr_assert(f);
      fwrite(out, 1, len, f);
      fclose(f);
    }
  char *want = read_file(path);
  cr_assert(want, "missing golden file %s", path);
  cr_assert_str_eq(out, want, "%s differs from the golden file:\n%s", name, out);
  free(want), free(out), free(path);
}

Test(report, text_en) { golden(REPORT_TEXT, LANG_EN, "mini.en.txt"); }
Test(report, text_ja) { golden(REPORT_TEXT, LANG_JA, "mini.ja.txt"); }
Test(report, markdown_en) { golden(REPORT_MARKDOWN, LANG_EN, "mini.en.md"); }
Test(report, markdown_ja) { golden(REPORT_MARKDOWN, LANG_JA, "mini.ja.md"); }
Test(report, csv_en) { golden(REPORT_CSV, LANG_EN, "mini.en.csv"); }
Test(report, csv_ja) { golden(REPORT_CSV, LANG_JA, "mini.ja.csv"); }
Test(report, json_en) { golden(REPORT_JSON, LANG_EN, "mini.en.json"); }
Test(report, json_ja) { golden(REPORT_JSON, LANG_JA, "mini.ja.json"); }

Test(report, csv_header_is_the_same_in_every_language)
{
  char *out[2];
  for (int l = 0; l < LANG_COUNT; l++)
    {
      i18n_set_lang((enum lang) l);
      report_ctx r = { s.qn, s.a, NULL, (enum lang) l, 80 };
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
      report_ctx r = { s.qn, s.a, "mini-answers.cfg", (enum lang) l, 80 };
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
      report_ctx r = { s.qn, s.a, NULL, LANG_EN, 80 };
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
