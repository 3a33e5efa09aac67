/* Tests of the mapping loader: the fixture mapping reads and binds; one
 * test per kind of problem asserting the exact "FILE:LINE: message". */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "ops/check.h"
#include "helpers.h"
#include "base/i18n.h"
#include "io/mapping.h"
#include "io/qload.h"

static char *dir;
static questionnaire *shop, *next;

static questionnaire *
load_q(const char *name)
{
  char *p = data_path(name);
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qload_file(p, &d, &q), 0, "%s", name);
  free(p);
  return q;
}

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  i18n_set_lang(LANG_EN);
  dir = scratch_dir();
  shop = load_q("editions/shop-3.cfg");
  next = load_q("editions/next.cfg");
}

static void
teardown(void)
{
  qn_free(shop);
  qn_free(next);
}

TestSuite(mapping, .init = setup, .fini = teardown);

static char *
messages(diag_t *d)
{
  return diag_text(d, dir);
}

/* Read content and, when it reads, bind it to shop and next. */
static void
expect(const char *content, int status, const char *want)
{
  char *path = write_file(dir, "m.cfg", content);
  diag_t d = { 0 };
  mapping *m;
  int rc = map_read(path, &d, &m);
  if (rc == 0)
    rc = map_bind(m, shop, next, &d);
  char *out = messages(&d);
  cr_assert_str_eq(out, want);
  cr_assert_eq(rc, status, "status %d, expected %d", rc, status);
  map_free(m);
  free(out);
  free(path);
}

/* Lines 1 to 3. */
#define HEAD \
  "kijun_mapping = 1;\n" \
  "from = { id = \"shop\"; version = \"1\"; };\n" \
  "to = { id = \"next\"; version = \"2026\"; };\n"

Test(mapping, the_fixture_reads_and_binds)
{
  char *p = data_path("editions/shop-to-next.cfg");
  diag_t d = { 0 };
  mapping *m;
  cr_assert_eq(map_read(p, &d, &m), 0);
  cr_assert_str_eq(m->from_id, "shop");
  cr_assert_str_eq(m->to_version, "2026");
  cr_assert_eq(m->nentries, 4);
  cr_assert_eq(map_bind(m, shop, next, &d), 0);
  cr_assert_eq(diag_count(&d), 0);
  cr_assert(m->bound);
  const map_entry *e = &m->entries[2];
  cr_assert_eq(e->relation, MAP_SUBSET);
  cr_assert_eq(e->nfrom, 2);
  cr_assert_str_eq(shop->questions[e->from_q[1]].id, "b2-test");
  cr_assert_str_eq(next->questions[e->to_q[0]].id, "R-1");
  cr_assert_eq(m->entries[0].relation, MAP_EQUAL);
  cr_assert_not(qn_text_given(&m->entries[0].note));
  cr_assert_str_eq(qn_tr(&m->entries[1].note, LANG_JA), "新基準は対策の見直しも求める");
  map_free(m);
  free(p);
}

Test(mapping, relation_keys)
{
  for (int r = 0; r < MAP_RELATION_COUNT; r++)
    cr_assert_eq(map_relation_parse(map_relation_key((enum map_relation) r)), r);
  cr_assert_eq(map_relation_parse("same"), -1);
}

Test(mapping, not_a_mapping_and_missing_parts)
{
  expect("a = 1;\n", EX_DATAERR,
         "m.cfg:1: not a kijun mapping: 'kijun_mapping' is missing; expected kijun_mapping = 1; at the top\n"
         "m.cfg:1: unknown setting 'a' in the mapping; expected one of: kijun_mapping, from, to, provenance, map\n"
         "m.cfg:1: the mapping has no 'from'; expected from = { ... };\n"
         "m.cfg:1: the mapping has no 'to'; expected to = { ... };\n"
         "m.cfg:1: the mapping has no 'map'; expected map = ( ... );\n");
}

Test(mapping, unsupported_format_and_bad_sides)
{
  expect("kijun_mapping = 2;\n"
         "from = { id = \"shop\"; };\n"
         "to = ( );\n"
         "map = ( );\n",
         EX_DATAERR,
         "m.cfg:1: mapping format 2 is not supported; expected kijun_mapping = 1;\n"
         "m.cfg:2: 'from' of the mapping has no 'version'; expected version = \"...\";\n"
         "m.cfg:3: 'to' in the mapping is a list ( ... ); expected a group { ... }\n"
         "m.cfg:4: 'map' is empty; expected at least one entry\n");
}

Test(mapping, bad_entries)
{
  expect(HEAD "map = (\n"
         "  { from = ( \"a1\" ); to = ( \"G-1\" ); relation = \"same\"; },\n"
         "  { from = ( ); to = \"G-1\"; relation = \"subset\"; weight = 2; },\n"
         "  { from = ( \"a1\", \"a1\" ); to = ( \"G-1\", 7 ); },\n"
         "  { from = ( \"a1\" ); to = ( \"G-1\" ); relation = \"equal\"; note = { en = \"x\"; }; },\n"
         "  \"a1\"\n"
         ");\n",
         EX_DATAERR,
         "m.cfg:5: 'relation' in map entry 1 is \"same\"; expected one of: equal, equivalent, subset, superset, intersect, none\n"
         "m.cfg:6: unknown setting 'weight' in map entry 2; expected one of: from, to, relation, note\n"
         "m.cfg:6: 'from' in map entry 2 is empty; expected at least one question id\n"
         "m.cfg:6: 'to' in map entry 2 is a string; expected a list ( ... )\n"
         "m.cfg:7: 'from' in map entry 3 lists 'a1' twice; expected each id once\n"
         "m.cfg:7: element 2 of 'to' in map entry 3 is an integer; expected a string \"...\"\n"
         "m.cfg:7: map entry 3 has no 'relation'; expected relation = \"...\";\n"
         "m.cfg:8: 'note' of map entry 4 has no 'ja'; expected ja = \"...\";\n"
         "m.cfg:10: map entry 5 is not a group; expected { from = ( ... ); to = ( ... ); relation = \"...\"; }\n");
}

Test(mapping, equal_needs_one_question_on_each_side)
{
  expect(HEAD "map = (\n"
         "  { from = ( \"a1\", \"a2\" ); to = ( \"G-1\" ); relation = \"equal\"; },\n"
         "  { from = ( \"a1\" ); to = ( \"G-1\", \"G-2\" ); relation = \"equal\"; },\n"
         "  { from = ( \"a1\", \"a2\" ); to = ( \"G-1\" ); relation = \"superset\"; }\n"
         ");\n",
         EX_DATAERR,
         "m.cfg:5: map entry 1 is \"equal\" but maps 2 question(s) to 1; expected one question on each side (use subset, superset or intersect)\n"
         "m.cfg:6: map entry 2 is \"equal\" but maps 1 question(s) to 2; expected one question on each side (use subset, superset or intersect)\n");
}

Test(mapping, unknown_question_ids_on_either_side)
{
  expect(HEAD "map = (\n"
         "  { from = ( \"a1\", \"b1\" ); to = ( \"G-1\" ); relation = \"subset\"; },\n"
         "  { from = ( \"a2\" ); to = ( \"G-9\" ); relation = \"subset\"; }\n"
         ");\n",
         EX_DATAERR,
         "m.cfg:5: map entry 1 names 'b1' in 'from', which is not a question of 'shop' version 1; expected a question id of the source questionnaire\n"
         "m.cfg:6: map entry 2 names 'G-9' in 'to', which is not a question of 'next' version 2026; expected a question id of the target questionnaire\n");
}

Test(mapping, the_same_pair_in_two_entries)
{
  expect(HEAD "map = (\n"
         "  { from = ( \"a1\" ); to = ( \"G-1\" ); relation = \"equal\"; },\n"
         "  { from = ( \"a2\", \"b-backup\" ); to = ( \"R-1\", \"G-2\" ); relation = \"intersect\"; },\n"
         "  { from = ( \"a1\" ); to = ( \"G-2\" ); relation = \"intersect\"; },\n"
         "  { from = ( \"b-backup\" ); to = ( \"R-2\", \"G-2\" ); relation = \"intersect\"; },\n"
         "  { from = ( \"t1\" ); to = ( \"G-1\" ); relation = \"subset\"; }\n"
         ");\n",
         EX_DATAERR,
         "m.cfg:8: map entry 4 maps 'b-backup' to 'G-2' again (first in map entry 2 at line 6); expected each pair of questions in one entry\n");
}

Test(mapping, questionnaires_other_than_those_named)
{
  char *path = write_file(dir, "m.cfg", HEAD "map = ( { from = ( \"a1\" ); to = ( \"G-1\" ); relation = \"equal\"; } );\n");
  diag_t d = { 0 };
  mapping *m;
  cr_assert_eq(map_read(path, &d, &m), 0);
  cr_assert_eq(map_bind(m, next, shop, &d), EX_DATAERR);
  char *out = messages(&d);
  char *p1 = data_path("editions/next.cfg"), *p3 = data_path("editions/shop-3.cfg");
  char *want = xasprintf("m.cfg:2: 'from' names questionnaire 'shop' version 1, but %s is 'next' version 2026; expected the questionnaire the mapping was written for\n"
                         "m.cfg:3: 'to' names questionnaire 'next' version 2026, but %s is 'shop' version 1; expected the questionnaire the mapping was written for\n",
                         p1, p3);
  cr_assert_str_eq(out, want);
  map_free(m);
  free(out), free(want), free(p1), free(p3), free(path);
}

/* kijun --check's entry point: the kind of file is told by its key. */
Test(mapping, check_file_tells_mappings_from_questionnaires)
{
  char *m = data_path("editions/shop-to-next.cfg");
  char *qs[] = { data_path("editions/next.cfg"), data_path("editions/shop-3.cfg"),
                 data_path("editions/shop-2.cfg") };
  diag_t d = { 0 };
  cr_assert_eq(check_file(m, qs, 2, &d), 0, "%s", d.n ? d.msgs[0] : "");
  cr_assert_eq(check_file(qs[1], NULL, 0, &d), 0, "a questionnaire");
  cr_assert_eq(diag_count(&d), 0);
  /* Edition 2 lacks b-disclose, which the mapping names. */
  char *older[] = { qs[0], qs[2] };
  cr_assert_eq(check_file(m, older, 2, &d), EX_DATAERR);
  cr_assert(strstr(d.msgs[0], "map entry 4 names 'b-disclose' in 'from'"), "%s", d.msgs[0]);
  diag_clear(&d);
  /* A file the mapping does not name. */
  char *q1 = data_path("mini.cfg");
  char *three[] = { qs[0], qs[1], q1 };
  cr_assert_eq(check_file(m, three, 3, &d), EX_USAGE);
  cr_assert(strstr(d.msgs[0], "this is questionnaire 'mini', which the mapping does not name"), "%s", d.msgs[0]);
  diag_clear(&d);
  /* Extra files with a questionnaire. */
  cr_assert_eq(check_file(qs[1], qs, 1, &d), EX_USAGE);
  cr_assert(strstr(d.msgs[0], "extra files are for checking a mapping"), "%s", d.msgs[0]);
  diag_clear(&d);
  free(m), free(q1);
  for (int i = 0; i < 3; i++)
    free(qs[i]);
}
