/* Tests of the questionnaire loader: a valid file, and one test per kind
 * of problem asserting the exact "FILE:LINE: message". */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "i18n.h"
#include "cfgread.h"
#include "qload.h"

static char *dir;

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  i18n_set_lang(LANG_EN);
  dir = scratch_dir();
}

TestSuite(qload, .init = setup);

/* The header every test file shares: lines 1 to 5. */
#define HEAD \
  "kijun_questionnaire = 1;\n" \
  "id = \"t\"; version = \"1\";\n" \
  "title = { ja = \"題\"; en = \"Title\"; }; source = { ja = \"出典\"; en = \"Source\"; };\n" \
  "sectors = ( { id = \"water\"; ja = \"水道\"; en = \"Water\"; } );\n" \
  "sections = ( { id = \"1\"; title = { ja = \"節\"; en = \"Section\"; }; } );\n"

/* A valid question on one line, with field overrides spliced in. */
#define Q(id, extra) \
  "{ id = \"" id "\"; section = \"1\"; phase = \"plan\"; level = \"baseline\"; " \
  "text = { ja = \"問\"; en = \"Q\"; }; hint = { ja = \"ヒ\"; en = \"H\"; }; " extra "}"

/* Load content; return the diagnostics joined by newlines and the status. */
static char *
load(const char *content, int *rc)
{
  char *path = write_file(dir, "q.cfg", content);
  diag_t d = { 0 };
  questionnaire *q;
  *rc = qload_file(path, &d, &q);
  char *out = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&out, &len);
  diag_print(&d, m);
  fclose(m);
  diag_clear(&d);
  qn_free(q);
  /* Strip the folder so the expectations read "q.cfg:LINE: ...". */
  char *prefix = xasprintf("%s/", dir);
  char *clean = xmalloc(strlen(out) + 1), *w = clean;
  for (const char *p = out; *p;)
    if (strncmp(p, prefix, strlen(prefix)) == 0)
      p += strlen(prefix);
    else
      *w++ = *p++;
  *w = '\0';
  free(prefix);
  free(out);
  free(path);
  return clean;
}

static void
expect(const char *content, int status, const char *messages)
{
  int rc;
  char *out = load(content, &rc);
  cr_assert_str_eq(out, messages);
  cr_assert_eq(rc, status, "status %d, expected %d", rc, status);
  free(out);
}

Test(qload, valid_file_loads_with_order_and_digest)
{
  char *p = data_path("mini.cfg");
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qload_file(p, &d, &q), 0);
  cr_assert_eq(diag_count(&d), 0);
  cr_assert_str_eq(q->id, "mini");
  cr_assert_eq(q->nsections, 3);
  cr_assert_eq(q->nquestions, 8);
  cr_assert_eq(q->nsectors, 2);
  /* Walk order: plan (1.1-a, 1.2-a), do (1.2-b, 1.3-a), check (1.1-b,
   * 1.2-c), act (1.2-d, 1.3-b). */
  const char *want[] = { "1.1-a", "1.2-a", "1.2-b", "1.3-a", "1.1-b", "1.2-c", "1.2-d", "1.3-b" };
  for (size_t i = 0; i < 8; i++)
    {
      cr_assert_str_eq(q->questions[q->order[i]].id, want[i]);
      cr_assert_eq(q->rank[q->order[i]], i);
    }
  cr_assert_str_eq(qn_tr(&q->questions[0].text, LANG_JA), "方針を定めていますか。");
  cr_assert_eq(q->sections[0].nlg, 1);
  cr_assert_eq(q->sections[0].lg[0].part, QN_LG_BASIC_POLICY);
  cr_assert_eq(q->sections[1].nlg, 0);
  cr_assert_eq(qn_find_question(q, "1.2-c"), 4);
  cr_assert_eq(qn_find_question(q, "nope"), -1);
  cr_assert_eq(strncmp(qn_digest(q), "sha256:", 7), 0);
  cr_assert_eq(strlen(qn_digest(q)), 7 + 64);
  qn_free(q);
  free(p);
}

Test(qload, digest_ignores_layout_but_not_wording)
{
  int rc;
  char *a = load(HEAD "questions = ( " Q("a", "") " );\n", &rc);
  free(a);
  diag_t d = { 0 };
  questionnaire *q1, *q2, *q3;
  char *p1 = write_file(dir, "1.cfg", HEAD "questions = ( " Q("a", "") " );\n");
  char *p2 = write_file(dir, "2.cfg", "# a comment\n" HEAD "\n\nquestions = (\n " Q("a", "") "\n);\n");
  char *p3 = write_file(dir, "3.cfg", HEAD "questions = ( " Q("a", "") " );\n");
  /* Reword the question in the third. */
  char *c3 = read_file(p3);
  char *at = strstr(c3, "en = \"Q\"");
  at[6] = 'R';
  free(write_file(dir, "3.cfg", c3));
  cr_assert_eq(qload_file(p1, &d, &q1), 0);
  cr_assert_eq(qload_file(p2, &d, &q2), 0);
  cr_assert_eq(qload_file(p3, &d, &q3), 0);
  cr_assert_str_eq(qn_digest(q1), qn_digest(q2));
  cr_assert_str_neq(qn_digest(q1), qn_digest(q3));
  qn_free(q1), qn_free(q2), qn_free(q3);
  free(p1), free(p2), free(p3), free(c3);
}

Test(qload, syntax_error)
{
  expect(HEAD "questions = ( " Q("a", "") "\n", EX_DATAERR,
         "q.cfg:7: syntax error; expected libconfig syntax (name = value; groups in { }, lists in ( ))\n");
}

Test(qload, empty_file)
{
  expect("", EX_DATAERR, "q.cfg:1: the file is empty; expected a kijun file in libconfig format\n");
}

Test(qload, missing_file_and_directory)
{
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qload_file("/nonexistent/q.cfg", &d, &q), EX_NOINPUT);
  cr_assert_str_eq(d.msgs[0], "/nonexistent/q.cfg: cannot open: No such file or directory");
  diag_clear(&d);
  cr_assert_eq(qload_file(dir, &d, &q), EX_NOINPUT);
  cr_assert(strstr(d.msgs[0], ": cannot read: Is a directory; expected a regular file"));
  diag_clear(&d);
}

Test(qload, not_a_questionnaire)
{
  expect("a = 1;\n", EX_DATAERR,
         "q.cfg:1: not a kijun questionnaire: 'kijun_questionnaire' is missing; expected kijun_questionnaire = 1; at the top\n"
         "q.cfg:1: unknown setting 'a' in the questionnaire; expected one of: kijun_questionnaire, id, version, title, source, sectors, sections, questions\n"
         "q.cfg:1: the questionnaire has no 'id'; expected id = \"...\";\n"
         "q.cfg:1: the questionnaire has no 'version'; expected version = \"...\";\n"
         "q.cfg:1: the questionnaire has no 'title'; expected title = { ... };\n"
         "q.cfg:1: the questionnaire has no 'source'; expected source = { ... };\n"
         "q.cfg:1: the questionnaire has no 'sectors'; expected sectors = ( ... );\n"
         "q.cfg:1: the questionnaire has no 'sections'; expected sections = ( ... );\n"
         "q.cfg:1: the questionnaire has no 'questions'; expected questions = ( ... );\n");
}

Test(qload, unsupported_format_version)
{
  char *c = xasprintf("kijun_questionnaire = 2;%s", strchr(HEAD, '\n'));
  char *full = xasprintf("%squestions = ( %s );\n", c, Q("a", ""));
  expect(full, EX_DATAERR,
         "q.cfg:1: questionnaire format 2 is not supported; expected kijun_questionnaire = 1;\n");
  free(c);
  free(full);
}

Test(qload, duplicate_question_id)
{
  expect(HEAD "questions = (\n" Q("a", "") ",\n" Q("a", "") "\n);\n", EX_DATAERR,
         "q.cfg:8: question id 'a' is used twice (first at line 7); expected unique ids\n");
}

Test(qload, duplicate_section_and_sector_ids)
{
  expect("kijun_questionnaire = 1;\n"
         "id = \"t\"; version = \"1\";\n"
         "title = { ja = \"題\"; en = \"Title\"; }; source = { ja = \"出典\"; en = \"Source\"; };\n"
         "sectors = ( { id = \"w\"; ja = \"水\"; en = \"W\"; },\n { id = \"w\"; ja = \"水\"; en = \"W\"; } );\n"
         "sections = ( { id = \"1\"; title = { ja = \"節\"; en = \"S\"; }; },\n"
         "{ id = \"1\"; title = { ja = \"節\"; en = \"S\"; }; } );\n"
         "questions = ( " Q("a", "") " );\n",
         EX_DATAERR,
         "q.cfg:5: sector id 'w' is used twice; expected unique ids\n"
         "q.cfg:7: section id '1' is used twice (first at line 6); expected unique ids\n");
}

Test(qload, unknown_phase_and_level)
{
  expect(HEAD "questions = (\n"
              "{ id = \"a\"; section = \"1\"; phase = \"review\"; level = \"must\"; "
              "text = { ja = \"問\"; en = \"Q\"; }; hint = { ja = \"ヒ\"; en = \"H\"; }; }\n);\n",
         EX_DATAERR,
         "q.cfg:7: 'phase' in question 'a' is \"review\"; expected one of: plan, do, check, act\n"
         "q.cfg:7: 'level' in question 'a' is \"must\"; expected one of: baseline, recommended\n");
}

Test(qload, unknown_level_basis_and_csf)
{
  expect(HEAD "questions = (\n" Q("a", "level_basis = \"law\"; csf = \"XX\"; ") "\n);\n", EX_DATAERR,
         "q.cfg:7: 'level_basis' in question 'a' is \"law\"; expected one of: survey, source, editorial\n"
         "q.cfg:7: 'csf' in question 'a' is \"XX\"; expected one of: GV, ID, PR, DE, RS, RC\n");
}

Test(qload, question_in_unknown_section)
{
  expect(HEAD "questions = (\n"
              "{ id = \"a\"; section = \"9\"; phase = \"plan\"; level = \"baseline\"; "
              "text = { ja = \"問\"; en = \"Q\"; }; hint = { ja = \"ヒ\"; en = \"H\"; }; }\n);\n",
         EX_DATAERR,
         "q.cfg:7: question 'a' names section '9', which is not in 'sections'; expected the id of a section\n");
}

Test(qload, missing_and_empty_language)
{
  expect(HEAD "questions = (\n"
              "{ id = \"a\"; section = \"1\"; phase = \"plan\"; level = \"baseline\";\n"
              "  text = { ja = \"問\"; };\n  hint = { ja = \"\"; en = \"H\"; }; }\n);\n",
         EX_DATAERR,
         "q.cfg:8: 'text' of question 'a' has no 'en'; expected en = \"...\";\n"
         "q.cfg:9: 'ja' in 'hint' of question 'a' is empty; expected text\n");
}

Test(qload, wrong_type)
{
  char *c = xasprintf("%s", HEAD "questions = (\n" Q("a", "") "\n);\n");
  memcpy(strstr(c, "version = \"1\""), "version =  1 ", 13);
  expect(c, EX_DATAERR, "q.cfg:2: 'version' in the questionnaire is an integer; expected a string \"...\"\n");
  free(c);
}

Test(qload, wrong_type_of_list)
{
  expect(HEAD "questions = { a = 1; };\n", EX_DATAERR,
         "q.cfg:6: 'questions' in the questionnaire is a group { ... }; expected a list ( ... )\n");
}

Test(qload, unknown_setting)
{
  expect(HEAD "questions = (\n" Q("a", "weight = 3; ") "\n);\n", EX_DATAERR,
         "q.cfg:7: unknown setting 'weight' in question 'a'; expected one of: id, section, phase, level, level_basis, csf, text, hint\n");
}

Test(qload, no_questions)
{
  expect(HEAD "questions = ( );\n", EX_DATAERR,
         "q.cfg:6: 'questions' is empty; expected at least one question\n");
}

Test(qload, invalid_utf8)
{
  expect(HEAD "questions = (\n" Q("a", "") "\n);\n# caf\xE9\n", EX_DATAERR,
         "q.cfg:9: invalid UTF-8 (byte 0xE9); expected UTF-8 text\n");
}

Test(qload, invalid_utf8_through_an_escape)
{
  expect(HEAD "questions = (\n" Q("a", "csf = \"\\xff\"; ") "\n);\n", EX_DATAERR,
         "q.cfg:7: 'csf' in question 'a' has invalid UTF-8 (byte 0xFF); expected UTF-8 text\n");
}

Test(qload, control_character)
{
  expect(HEAD "questions = (\n"
              "{ id = \"a\"; section = \"1\"; phase = \"plan\"; level = \"baseline\"; "
              "text = { ja = \"問\"; en = \"Q\\x1b[2J\"; }; hint = { ja = \"ヒ\"; en = \"H\"; }; }\n);\n",
         EX_DATAERR,
         "q.cfg:7: 'en' in 'text' of question 'a' contains the control character 0x1B; expected printable text\n");
}

Test(qload, nul_byte)
{
  char *path = xasprintf("%s/nul.cfg", dir);
  FILE *f = fopen(path, "wb");
  fwrite("kijun_questionnaire = 1;\nid = \"a\0b\";\n", 1, 37, f);
  fclose(f);
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qload_file(path, &d, &q), EX_DATAERR);
  cr_assert_eq(d.n, 1);
  cr_assert(strstr(d.msgs[0], "nul.cfg:2: NUL byte in the file; expected UTF-8 text"));
  diag_clear(&d);
  free(path);
}

Test(qload, very_long_string)
{
  size_t n = CFG_MAX_STRING + 10;
  char *big = xmalloc(n + 1);
  memset(big, 'x', n);
  big[n] = '\0';
  char *content = xasprintf(HEAD "questions = (\n" Q("a", "csf = \"%s\"; ") "\n);\n", big);
  char *want = xasprintf("q.cfg:7: 'csf' in question 'a' is %zu bytes long; expected at most %zu bytes\n",
                         n, CFG_MAX_STRING);
  expect(content, EX_DATAERR, want);
  free(big), free(content), free(want);
}

Test(qload, many_problems_are_all_reported)
{
  int rc;
  char *out = load(HEAD "questions = (\n" Q("a", "level_basis = \"x\"; ") ",\n" Q("b", "csf = \"y\"; ") ",\n" Q("a", "") "\n);\n", &rc);
  cr_assert_eq(rc, EX_DATAERR);
  cr_assert(strstr(out, "q.cfg:7:"), "%s", out);
  cr_assert(strstr(out, "q.cfg:8:"), "%s", out);
  cr_assert(strstr(out, "q.cfg:9: question id 'a' is used twice"), "%s", out);
  free(out);
}
