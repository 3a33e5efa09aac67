/* Tests of the JSON writer (report/jsonw): it places every comma, line
 * break and indent; containers on lines or flat, empty ones as {} and [];
 * strings escaped as emit_json escapes them; the result parses. */
#include <config.h>

#include <stdlib.h>

#include <criterion/criterion.h>

#include "report/jsonw.h"

static char *buf;
static size_t len;
static FILE *f;
static jw w;

static void
setup(void)
{
  f = open_memstream(&buf, &len);
  jw_begin(&w, f);
}

static void
teardown(void)
{
  free(buf);
}

TestSuite(jsonw, .init = setup, .fini = teardown);

static const char *
text(void)
{
  fclose(f);
  return buf;
}

Test(jsonw, lines_and_flat_containers)
{
  jw_obj(&w, NULL);
  jw_str(&w, "a", "x");
  jw_obj_flat(&w, "b");
  jw_uint(&w, "n", 2);
  jw_arr(&w, "inner");  /* flat inside a flat one */
  jw_bool(&w, NULL, true);
  jw_raw(&w, NULL, "1.5");
  jw_end(&w);
  jw_end(&w);
  jw_arr(&w, "rows");
  jw_obj_flat(&w, NULL);
  jw_int(&w, "k", -3);
  jw_end(&w);
  jw_obj_flat(&w, NULL);
  jw_str(&w, "k", NULL);
  jw_end(&w);
  jw_end(&w);
  jw_end(&w);
  jw_finish(&w);
  cr_assert_str_eq(text(), "{\n"
                           "  \"a\": \"x\",\n"
                           "  \"b\": { \"n\": 2, \"inner\": [ true, 1.5 ] },\n"
                           "  \"rows\": [\n"
                           "    { \"k\": -3 },\n"
                           "    { \"k\": null }\n"
                           "  ]\n"
                           "}\n");
}

Test(jsonw, empty_containers)
{
  jw_obj(&w, NULL);
  jw_arr(&w, "lines");
  jw_end(&w);
  jw_arr_flat(&w, "flat");
  jw_end(&w);
  jw_obj_flat(&w, "o");
  jw_end(&w);
  jw_end(&w);
  jw_finish(&w);
  cr_assert_str_eq(text(), "{\n  \"lines\": [],\n  \"flat\": [],\n  \"o\": {}\n}\n");
}

Test(jsonw, strings_and_keys_are_escaped)
{
  jw_obj_flat(&w, NULL);
  jw_str(&w, "q\"k", "line\nbreak \xe2\x80\xae and \xff");
  jw_end(&w);
  cr_assert_str_eq(text(), "{ \"q\\\"k\": \"line\\nbreak \\u202e and \\\\xFF\" }");
}
