/* Tests of the questionnaire loader: a valid file, and one test per kind
 * of problem asserting the exact "FILE:LINE: message". */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "base/i18n.h"
#include "io/cfgread.h"
#include "io/qload.h"

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
  qn_free(q);
  free(path);
  return diag_text(&d, dir);
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
  /* The base file is valid, or the digests below compare nothing. */
  int rc;
  char *a = load(HEAD "questions = ( " Q("a", "") " );\n", &rc);
  cr_assert_eq(rc, 0, "%s", a);
  cr_assert_str_eq(a, "");
  free(a);
  diag_t d = { 0 };
  questionnaire *q1, *q2, *q3;
  char *p1 = write_file(dir, "1.cfg", HEAD "questions = ( " Q("a", "") " );\n");
  char *p2 = write_file(dir, "2.cfg", "# a comment\n" HEAD "\n\nquestions = (\n " Q("a", "") "\n);\n");
  char *p3 = write_file(dir, "3.cfg", HEAD "questions = ( " Q("a", "") " );\n");
  /* Reword the question in the third. */
  char *c3 = read_file(p3);
  char *at = strstr(c3, "en = \"Q\"");
  cr_assert_not_null(at);
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

/* Issue 10: the last sector moved to become the first section (same
 * strings) used to give the same digest. */
Test(qload, digest_tells_lists_apart)
{
  const char *head = "kijun_questionnaire = 1;\n"
                     "id = \"t\"; version = \"1\";\n"
                     "title = { ja = \"題\"; en = \"Title\"; }; source = { ja = \"出典\"; en = \"Source\"; };\n";
  const char *qs = "questions = ( " Q("a", "") " );\n";
  char *c1 = xasprintf("%s%s%s%s", head,
                       "sectors = ( { id = \"water\"; ja = \"水道\"; en = \"Water\"; },"
                       " { id = \"0\"; ja = \"零\"; en = \"Zero\"; } );\n",
                       "sections = ( { id = \"1\"; title = { ja = \"節\"; en = \"Section\"; }; } );\n", qs);
  char *c2 = xasprintf("%s%s%s%s", head,
                       "sectors = ( { id = \"water\"; ja = \"水道\"; en = \"Water\"; } );\n",
                       "sections = ( { id = \"0\"; title = { ja = \"零\"; en = \"Zero\"; }; },"
                       " { id = \"1\"; title = { ja = \"節\"; en = \"Section\"; }; } );\n", qs);
  char *p1 = write_file(dir, "1.cfg", c1), *p2 = write_file(dir, "2.cfg", c2);
  diag_t d = { 0 };
  questionnaire *q1, *q2;
  cr_assert_eq(qload_file(p1, &d, &q1), 0, "%s", d.n ? d.msgs[0] : "");
  cr_assert_eq(qload_file(p2, &d, &q2), 0, "%s", d.n ? d.msgs[0] : "");
  cr_assert_str_neq(qn_digest(q1), qn_digest(q2));
  qn_free(q1), qn_free(q2);
  free(p1), free(p2), free(c1), free(c2);
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
         "q.cfg:1: unknown setting 'a' in the questionnaire; expected one of: kijun_questionnaire, id, version, edition, title, source, guidance, sectors, scope, sections, questions, retired\n"
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
         "q.cfg:7: 'csf' in question 'a' names \"XX\", whose function is not a CSF 2.0 function; expected one of: GV, ID, PR, DE, RS, RC\n");
}

/* CSF 2.0 references: a function alone (editions 1 and 2), categories and
 * subcategories, one or a list; each bad one named with its line. */
Test(qload, csf_categories)
{
  int rc;
  char *out = load(HEAD "questions = (\n" Q("a", "csf = ( \"GV.PO\", \"PR.DS-11\", \"RC\" ); ") "\n);\n", &rc);
  cr_assert_eq(rc, 0, "%s", out);
  free(out);
  expect(HEAD "questions = (\n" Q("a", "csf = ( \"GV.XX\", \"gv.po\", \"PR.DS-1\", \"PR.DS-00\", \"QQ.AA\" ); ") "\n);\n",
         EX_DATAERR,
         "q.cfg:7: 'csf' in question 'a' names \"GV.XX\", whose category is not a CSF 2.0 category; expected one of: "
         "GV.OC, GV.RM, GV.RR, GV.PO, GV.OV, GV.SC, ID.AM, ID.RA, ID.IM, PR.AA, PR.AT, PR.DS, PR.PS, PR.IR, DE.CM, "
         "DE.AE, RS.MA, RS.AN, RS.CO, RS.MI, RC.RP, RC.CO\n"
         "q.cfg:7: 'csf' in question 'a' names \"gv.po\"; expected a CSF 2.0 function (GV), category (GV.OC) or subcategory (GV.OC-01)\n"
         "q.cfg:7: 'csf' in question 'a' names \"PR.DS-1\"; expected a CSF 2.0 function (GV), category (GV.OC) or subcategory (GV.OC-01)\n"
         "q.cfg:7: 'csf' in question 'a' names \"PR.DS-00\"; expected a CSF 2.0 function (GV), category (GV.OC) or subcategory (GV.OC-01)\n"
         "q.cfg:7: 'csf' in question 'a' names \"QQ.AA\", whose function is not a CSF 2.0 function; expected one of: GV, ID, PR, DE, RS, RC\n");
  expect(HEAD "questions = (\n" Q("a", "csf = 3; ") "\n);\n", EX_DATAERR,
         "q.cfg:7: 'csf' in question 'a' is not a string or a list; expected \"GV.PO\" or ( \"GV.PO\", \"GV.RR\" )\n");
  expect(HEAD "questions = (\n" Q("a", "csf = ( ); ") "\n);\n", EX_DATAERR,
         "q.cfg:7: 'csf' in question 'a' has 0 entries; expected 1 to 8\n");
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
         "q.cfg:7: unknown setting 'weight' in question 'a'; expected one of: id, section, phase, level, level_basis, csf, text, hint, level_note, revision, was, applies\n");
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

/* Issue 10: C1 controls and bidi overrides and isolates, raw or escaped,
 * are refused in every string. */
Test(qload, c1_controls_and_bidi_overrides)
{
  static const struct { const char *text, *cp; } cases[] = {
    { "Q\xc2\x85", "U+0085" }, { "Q\xc2\x9b" "2J", "U+009B" }, { "Q\\xc2\\x80", "U+0080" },
    { "Q\xe2\x80\xae", "U+202E" }, { "Q\xe2\x80\xaa", "U+202A" }, { "\xe2\x81\xa6Q", "U+2066" },
    { "Q\xe2\x81\xa9", "U+2069" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      char *content = xasprintf(HEAD "questions = (\n"
                                "{ id = \"a\"; section = \"1\"; phase = \"plan\"; level = \"baseline\"; "
                                "text = { ja = \"問\"; en = \"%s\"; }; hint = { ja = \"ヒ\"; en = \"H\"; }; }\n);\n",
                                cases[i].text);
      char *want = xasprintf("q.cfg:7: 'en' in 'text' of question 'a' contains the invisible control character %s; "
                             "expected printable text\n", cases[i].cp);
      expect(content, EX_DATAERR, want);
      free(content), free(want);
    }
  /* Neighbours that are ordinary text pass: U+00A0, U+2029's
   * neighbour U+2010, U+2065, U+206A. */
  int rc;
  char *out = load(HEAD "questions = (\n" Q("a", "csf = \"GV\"; ") "\n);\n"
                   "# \xc2\xa0 \xe2\x80\x90 \xe2\x81\xa5\n", &rc);
  cr_assert_eq(rc, 0, "%s", out);
  free(out);
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
  char *want = xasprintf("q.cfg:7: a string longer than %zu bytes; expected at most %zu bytes in a string\n",
                         CFG_MAX_STRING, CFG_MAX_STRING);
  expect(content, EX_DATAERR, want);
  free(big), free(content), free(want);
}

/* The same string in pieces joined by libconfig is measured whole, before
 * parsing; so are words and comments. */
Test(qload, long_joined_string_word_and_comment)
{
  size_t piece = 1000, n = CFG_MAX_STRING / piece + 1;
  char *joined = xmalloc(n * (piece + 4) + 1), *w = joined;
  for (size_t i = 0; i < n; i++)
    {
      *w++ = '"';
      memset(w, 'y', piece);
      w += piece;
      memcpy(w, "\"\n ", 3);
      w += 3;
    }
  *w = '\0';
  char *content = xasprintf(HEAD "questions = (\n" Q("a", "csf = %s; ") "\n);\n", joined);
  expect(content, EX_DATAERR, "q.cfg:7: a string longer than 65536 bytes; expected at most 65536 bytes in a string\n");
  free(content);
  char *big = xmalloc(CFG_MAX_STRING + 2);
  memset(big, '7', CFG_MAX_STRING + 1);
  big[CFG_MAX_STRING + 1] = '\0';
  content = xasprintf(HEAD "x = %s;\n", big);
  expect(content, EX_DATAERR, "q.cfg:6: a word or comment longer than 65536 bytes; expected at most 65536 bytes\n");
  free(content);
  content = xasprintf(HEAD "\n/* %s */\n", big);
  expect(content, EX_DATAERR, "q.cfg:7: a word or comment longer than 65536 bytes; expected at most 65536 bytes\n");
  free(content);
  content = xasprintf(HEAD "# %s\n", big);
  expect(content, EX_DATAERR, "q.cfg:6: a word or comment longer than 65536 bytes; expected at most 65536 bytes\n");
  free(content), free(big), free(joined);
}

/* Escapes count as the byte they make, and "#" or a block comment's
 * opening in a string is text, not a comment. */
Test(qload, prescan_follows_strings_and_escapes)
{
  int rc;
  char *out = load(HEAD "questions = (\n" Q("a", "csf = \"GV\"; ") "\n);\n# x \"\n// y\n/* \" */\n", &rc);
  cr_assert_eq(rc, 0, "%s", out);
  free(out);
  size_t n = CFG_MAX_STRING / 4;
  char *esc = xmalloc(4 * n + 1);
  for (size_t i = 0; i < n; i++)
    memcpy(esc + 4 * i, "\\x41", 4);
  esc[4 * n] = '\0';
  char *content = xasprintf(HEAD "questions = (\n" Q("a", "hint = { ja = \"#/*%s\"; en = \"h\"; }; ") "\n);\n", esc);
  out = load(content, &rc);
  /* Accepted by the pre-scan (16,384 bytes after escapes); the loader
   * then reports the duplicate hint, nothing about length. */
  cr_assert_null(strstr(out, "longer than"), "%s", out);
  free(out), free(content), free(esc);
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

/* ---- editions ------------------------------------------------------------ */

/* HEAD with an edition line spliced in after the version: lines 1 to 6. */
#define HEAD_ED(n) \
  "kijun_questionnaire = 1;\n" \
  "id = \"t\"; version = \"1\";\n" \
  "edition = " n ";\n" \
  "title = { ja = \"題\"; en = \"Title\"; }; source = { ja = \"出典\"; en = \"Source\"; };\n" \
  "sectors = ( { id = \"water\"; ja = \"水道\"; en = \"Water\"; } );\n" \
  "sections = ( { id = \"1\"; title = { ja = \"節\"; en = \"Section\"; }; } );\n"

static questionnaire *
load_ok(const char *name)
{
  char *p = data_path(name);
  diag_t d = { 0 };
  questionnaire *q;
  int rc = qload_file(p, &d, &q);
  cr_assert_eq(rc, 0, "%s: %s", name, d.n ? d.msgs[0] : "");
  free(p);
  return q;
}

static long
qi(const questionnaire *q, const char *id)
{
  long i = qn_find_question(q, id);
  cr_assert_geq(i, 0, "no question %s", id);
  return i;
}

Test(qload, an_edition_less_file_is_edition_1_with_revisions_1)
{
  questionnaire *q = load_ok("mini.cfg");
  cr_assert_eq(q->edition, 1);
  cr_assert_eq(q->nretired, 0);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      cr_assert_eq(q->questions[i].revision, 1);
      cr_assert_eq(q->questions[i].nwas, 0);
      cr_assert_not(qn_text_given(&q->questions[i].level_note));
    }
  size_t n = 7;
  cr_assert_null(qn_successors(q, "1.1-a", &n));
  cr_assert_eq(n, 0);
  cr_assert_null(qn_find_retired(q, "1.1-a"));
  qn_free(q);
}

Test(qload, lg_ref_omitted_is_unknown_and_empty_is_none)
{
  questionnaire *q = load_ok("mini.cfg");
  cr_assert_eq(q->sections[0].lg_state, QN_LGSTATE_GIVEN);
  cr_assert_eq(q->sections[1].lg_state, QN_LGSTATE_NONE);
  cr_assert_eq(q->sections[2].lg_state, QN_LGSTATE_UNKNOWN);
  cr_assert_eq(q->sections[1].nlg, 0);
  cr_assert_eq(q->sections[2].nlg, 0);
  qn_free(q);
}

Test(qload, edition_2_revisions_renames_splits_and_retired)
{
  questionnaire *q = load_ok("editions/shop-2.cfg");
  cr_assert_eq(q->edition, 2);
  cr_assert_eq(q->questions[qi(q, "a1")].revision, 2, "reworded with a new meaning");
  cr_assert_eq(q->questions[qi(q, "a2")].revision, 1, "a typo fix keeps the revision");
  cr_assert_eq(qn_find_question(q, "a3"), -1);
  const qn_retired *r = qn_find_retired(q, "a3");
  cr_assert_not_null(r);
  cr_assert_eq(r->edition, 2);
  cr_assert_str_eq(qn_tr(&r->note, LANG_EN), "A paper register is not the point of the measure");
  cr_assert_null(qn_find_retired(q, "b1"));
  size_t n;
  const size_t *s = qn_successors(q, "b1", &n);
  cr_assert_eq(n, 1, "a rename");
  cr_assert_str_eq(q->questions[s[0]].id, "b-backup");
  s = qn_successors(q, "b2", &n);
  cr_assert_eq(n, 2, "a split");
  cr_assert_str_eq(q->questions[s[0]].id, "b2-test", "in file order");
  cr_assert_str_eq(q->questions[s[1]].id, "b2-doc");
  cr_assert_null(qn_successors(q, "a1", &n), "a current id has no successors");
  cr_assert_geq(qn_find_question(q, "c1"), 0, "an added question");
  qn_free(q);
}

Test(qload, edition_3_merges_and_notes)
{
  questionnaire *q = load_ok("editions/shop-3.cfg");
  cr_assert_eq(q->edition, 3);
  cr_assert_eq(q->questions[qi(q, "a2")].revision, 3);
  size_t n;
  const size_t *s3 = qn_successors(q, "b3", &n);
  cr_assert_eq(n, 1);
  const size_t *c1 = qn_successors(q, "c1", &n);
  cr_assert_eq(n, 1);
  cr_assert_eq(s3[0], c1[0], "a merge: two old ids, one question");
  const qn_question *m = &q->questions[s3[0]];
  cr_assert_str_eq(m->id, "b-disclose");
  cr_assert_eq(m->nwas, 2);
  cr_assert_str_eq(m->was[0], "b3");
  cr_assert_str_eq(m->was[1], "c1");
  /* Edition 1's ids still find their way. */
  cr_assert_not_null(qn_successors(q, "b1", &n));
  cr_assert_not_null(qn_find_retired(q, "a3"));
  const qn_question *doc = &q->questions[qi(q, "b2-doc")];
  cr_assert_str_eq(qn_tr(&doc->level_note, LANG_JA), "手順がなければ試験もできないため");
  cr_assert_eq(q->sections[1].lg_state, QN_LGSTATE_NONE);
  cr_assert_str_eq(qn_tr(&q->sections[1].lg_note, LANG_EN), "Provided for by another act");
  cr_assert_eq(q->sections[2].lg_state, QN_LGSTATE_UNKNOWN);
  cr_assert_str_eq(qn_tr(&q->sections[2].level_note, LANG_EN), "No source makes it a baseline");
  qn_free(q);
}

Test(qload, the_digest_covers_the_edition_fields)
{
  questionnaire *a = load_ok("editions/shop-3.cfg");
  const char *variants[][2] = {
    { "edition = 3;", "edition = 4;" },
    { "revision = 3;", "revision = 2;" },
    { "was = ( \"b3\", \"c1\" );", "was = ( \"c1\", \"b3\" );" },
    { "en = \"Without a procedure", "en = \"Without any procedure" },
    { "Provided for by another act", "Provided for by another law" },
    { "lg_ref = ( );\n", "\n" },
    { "id = \"a3\"; edition = 2;", "id = \"a3\"; edition = 3;" },
  };
  char *p = data_path("editions/shop-3.cfg");
  char *orig = read_file(p);
  for (size_t i = 0; i < sizeof variants / sizeof *variants; i++)
    {
      char *at = strstr(orig, variants[i][0]);
      cr_assert_not_null(at, "%s", variants[i][0]);
      char *c = xasprintf("%.*s%s%s", (int) (at - orig), orig, variants[i][1], at + strlen(variants[i][0]));
      char *v = write_file(dir, "v.cfg", c);
      diag_t d = { 0 };
      questionnaire *b;
      cr_assert_eq(qload_file(v, &d, &b), 0, "%s: %s", variants[i][1], d.n ? d.msgs[0] : "");
      cr_assert_str_neq(qn_digest(a), qn_digest(b), "changing %s changes the digest", variants[i][0]);
      qn_free(b);
      free(v), free(c);
    }
  free(orig), free(p);
  qn_free(a);
}

Test(qload, bad_edition)
{
  expect(HEAD_ED("0") "questions = ( " Q("a", "") " );\n", EX_DATAERR,
         "q.cfg:3: 'edition' in the questionnaire is 0; expected an integer from 1 to 2147483647\n");
  expect(HEAD_ED("\"2\"") "questions = ( " Q("a", "") " );\n", EX_DATAERR,
         "q.cfg:3: 'edition' in the questionnaire is a string; expected an integer\n");
  expect(HEAD_ED("1.5") "questions = ( " Q("a", "") " );\n", EX_DATAERR,
         "q.cfg:3: 'edition' in the questionnaire is a number; expected an integer\n");
  expect(HEAD_ED("9999999999L") "questions = ( " Q("a", "") " );\n", EX_DATAERR,
         "q.cfg:3: 'edition' in the questionnaire is 9999999999; expected an integer from 1 to 2147483647\n");
}

Test(qload, bad_revision)
{
  expect(HEAD_ED("2") "questions = (\n" Q("a", "revision = 0; ") ",\n" Q("b", "revision = \"2\"; ") ",\n"
         Q("c", "revision = 3; ") ",\n" Q("d", "revision = 2; ") "\n);\n",
         EX_DATAERR,
         "q.cfg:8: 'revision' in question 'a' is 0; expected an integer from 1 to 2147483647\n"
         "q.cfg:9: 'revision' in question 'b' is a string; expected an integer\n"
         "q.cfg:10: 'revision' in question 'c' is 3, above the questionnaire's edition 2; expected at most the edition (a revision rises at most once an edition)\n");
}

Test(qload, bad_was)
{
  expect(HEAD_ED("2") "questions = (\n"
         Q("a", "was = \"x\"; ") ",\n"
         Q("b", "was = ( \"x\", 3, \"\", \"x\" ); ") ",\n"
         Q("c", "was = ( \"a\", \"c\" ); ") ",\n"
         Q("d", "was = ( \"y\\x01\" ); ") ",\n"
         Q("e", "was = [ \"z\" ]; ") "\n);\n",
         EX_DATAERR,
         "q.cfg:8: 'was' in question 'a' is a string; expected a list ( ... )\n"
         "q.cfg:9: element 2 of 'was' in question 'b' is an integer; expected a string \"...\"\n"
         "q.cfg:9: element 3 of 'was' in question 'b' is empty; expected an id\n"
         "q.cfg:9: 'was' in question 'b' lists 'x' twice; expected each id once\n"
         "q.cfg:11: element 1 of 'was' in question 'd' contains the control character 0x01; expected printable text\n"
         "q.cfg:12: 'was' in question 'e' is an array [ ... ]; expected a list ( ... )\n"
         "q.cfg:10: 'was' of question 'c' names 'a', a current question (line 8); expected ids of earlier editions only\n"
         "q.cfg:10: 'was' of question 'c' names 'c', a current question (line 10); expected ids of earlier editions only\n");
}

Test(qload, bad_retired)
{
  expect(HEAD_ED("3") "questions = (\n" Q("a", "") ",\n" Q("b", "was = ( \"old\" ); ") "\n);\n"
         "retired = (\n"
         "  { id = \"gone\"; edition = 2; },\n"
         "  { id = \"gone\"; edition = 3; },\n"
         "  { id = \"a\"; edition = 2; },\n"
         "  { id = \"old\"; edition = 2; },\n"
         "  { id = \"late\"; edition = 4; },\n"
         "  { id = \"early\"; edition = 1; },\n"
         "  { id = \"noed\"; note = { ja = \"理由\"; }; },\n"
         "  { edition = 2; colour = 1; },\n"
         "  \"x\"\n"
         ");\n",
         EX_DATAERR,
         "q.cfg:16: 'edition' in retired question 'late' is 4, above the questionnaire's edition 3; expected the first edition that no longer asks it\n"
         "q.cfg:17: 'edition' in retired question 'early' is 1; expected an integer from 2 to 2147483647\n"
         "q.cfg:18: retired question 'noed' has no 'edition'; expected edition = <integer>;\n"
         "q.cfg:18: 'note' of retired question 'noed' has no 'en'; expected en = \"...\";\n"
         "q.cfg:19: retired question 8 has no 'id'; expected id = \"...\";\n"
         "q.cfg:19: unknown setting 'colour' in retired question 8; expected one of: id, edition, note\n"
         "q.cfg:21: retired question 9 is not a group; expected { id = ...; edition = ...; note = { ... }; }\n"
         "q.cfg:13: retired question 'gone' is listed twice (first at line 12); expected unique ids\n"
         "q.cfg:14: retired question 'a' is a current question (line 8); expected the id of a question no longer asked\n"
         "q.cfg:15: retired question 'old' is also in 'was' of question 'b' (line 9); expected an old id either retired or replaced, not both\n");
}

Test(qload, retired_in_edition_1)
{
  expect(HEAD_ED("1") "questions = (\n" Q("a", "") "\n);\nretired = ( { id = \"z\"; edition = 2; } );\n",
         EX_DATAERR,
         "q.cfg:10: 'retired' lists questions, but the questionnaire is edition 1; expected retired questions only from edition 2 on\n");
}

Test(qload, notes_need_both_languages)
{
  expect("kijun_questionnaire = 1;\n"
         "id = \"t\"; version = \"1\";\n"
         "title = { ja = \"題\"; en = \"Title\"; }; source = { ja = \"出典\"; en = \"Source\"; };\n"
         "sectors = ( );\n"
         "sections = ( { id = \"1\"; title = { ja = \"節\"; en = \"S\"; }; lg_note = { en = \"N\"; };\n"
         "  level_note = \"why\"; } );\n"
         "questions = (\n" Q("a", "level_note = { ja = \"\"; en = \"E\"; }; ") "\n);\n",
         EX_DATAERR,
         "q.cfg:5: 'lg_note' of section '1' has no 'ja'; expected ja = \"...\";\n"
         "q.cfg:6: 'level_note' in section '1' is a string; expected a group { ... }\n"
         "q.cfg:8: 'ja' in 'level_note' of question 'a' is empty; expected text\n");
}

/* The old ids of `was` lists, grouped: each old id gives its questions in
 * file order, one shared by several questions gives each once. */
Test(qload, was_lists_group_by_old_id_in_file_order)
{
  char *path = write_file(dir, "q.cfg",
                          HEAD "edition = 2;\nquestions = (\n"
                          Q("a", "was = ( \"x\", \"y\" ); ") ",\n"
                          Q("b", "was = ( \"y\" ); ") ",\n"
                          Q("c", "was = ( \"z\", \"x\" ); ") "\n);\n");
  diag_t d = { 0 };
  questionnaire *q;
  int rc = qload_file(path, &d, &q);
  char *msgs = diag_text(&d, dir);
  cr_assert_eq(rc, 0, "%s", msgs);
  free(msgs);
  size_t n = 0;
  const size_t *to = qn_successors(q, "x", &n);
  cr_assert_eq(n, 2);
  cr_assert_str_eq(q->questions[to[0]].id, "a");
  cr_assert_str_eq(q->questions[to[1]].id, "c");
  to = qn_successors(q, "y", &n);
  cr_assert_eq(n, 2);
  cr_assert_str_eq(q->questions[to[0]].id, "a");
  cr_assert_str_eq(q->questions[to[1]].id, "b");
  to = qn_successors(q, "z", &n);
  cr_assert_eq(n, 1);
  cr_assert_str_eq(q->questions[to[0]].id, "c");
  cr_assert_null(qn_successors(q, "a", &n));
  cr_assert_eq(n, 0);
  qn_free(q);
  free(path);
}
