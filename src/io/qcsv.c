/* qcsv: a questionnaire as a spreadsheet.  See qcsv.h and
 * kijun-questionnaire(5), "Spreadsheets".
 *
 * The import does not build the model itself: it writes the libconfig
 * file the sheet describes, one cell to a line, and loads that with the
 * questionnaire loader, so that a sheet is held to exactly the rules of a
 * file (one set of checks, never two that drift apart).  Each line of the
 * file written remembers its row and column, so the loader's messages
 * come back naming the cell.
 *
 * Why one file of this size: the questionnaire sheet and the mapping
 * sheet share the CSV reader (BOM, Excel quoting, line breaks in cells),
 * the cell checks that name a row and a column, and the generator of the
 * libconfig text that the real loaders then check; split, the two would
 * share a private header of a dozen functions. */
#include <config.h>
#include "io/qcsv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "base/hset.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "io/afile.h"
#include "io/cfgwrite.h"
#include "io/qload.h"
#include "model/csf.h"

/* The columns, in the order export writes them; import finds them by
 * name in the first row. */
#define QCSV_COLUMNS(X) \
  X(KIND, "kind") X(ID, "id") X(ITEM, "item") X(ITEM_TITLE_JA, "item_title_ja") \
  X(ITEM_TITLE_EN, "item_title_en") X(PHASE, "phase") X(LEVEL, "level") X(BASIS, "level_basis") \
  X(LNOTE_JA, "level_note_ja") X(LNOTE_EN, "level_note_en") X(CSF, "csf") X(APPLIES, "applies") \
  X(REVISION, "revision") X(WAS, "was") X(TEXT_JA, "text_ja") X(TEXT_EN, "text_en") X(HINT_JA, "hint_ja") \
  X(HINT_EN, "hint_en") X(NO_JA, "scope_no_ja") X(NO_EN, "scope_no_en")

enum col
{
#define C_ENUM_(id, name) C_##id,
  QCSV_COLUMNS(C_ENUM_)
#undef C_ENUM_
  C_COUNT
};

static const char *const col_names[] = {
#define C_NAME_(id, name) name,
  QCSV_COLUMNS(C_NAME_)
#undef C_NAME_
};

/* The kinds of row. */
#define QCSV_KINDS(X) \
  X(SETTING, "setting") X(SECTOR, "sector") X(SCOPE, "scope") X(ITEM, "item") X(ITEM_LG, "item_lg") \
  X(ITEM_LG_NOTE, "item_lg_note") X(QUESTION, "question") X(RETIRED, "retired")

enum kind
{
#define K_ENUM_(id, name) K_##id,
  QCSV_KINDS(K_ENUM_)
#undef K_ENUM_
  K_COUNT
};

static const char *const kind_names[] = {
#define K_NAME_(id, name) name,
  QCSV_KINDS(K_NAME_)
#undef K_NAME_
};

/* ---- export ---- */

static void
cell(FILE *f, const char *s, bool last)
{
  s = s ? s : "";
  bool quote = strpbrk(s, ",\"\r\n") != NULL || (*s == ' ' || (*s && s[strlen(s) - 1] == ' '));
  if (quote)
    {
      fputc('"', f);
      for (const char *p = s; *p; p++)
        {
          if (*p == '"')
            fputc('"', f);
          fputc(*p, f);
        }
      fputc('"', f);
    }
  else
    fputs(s, f);
  fputs(last ? "\r\n" : ",", f);
}

static void
row_to(FILE *f, const char *const *v, int n)
{
  for (int c = 0; c < n; c++)
    cell(f, v[c], c == n - 1);
}

/* The table's rows go to an emitter: a CSV stream here, a worksheet in
 * report/qn_xlsx. */
typedef struct sink
{
  qcsv_row_fn fn;
  void *ctx;
} sink;

static void
row(const sink *f, const char *const *v, int n)
{
  f->fn(f->ctx, v, n);
}

static void
emit_csv_row(void *ctx, const char *const *v, int n)
{
  row_to(ctx, v, n);
}

const char *const *
qcsv_columns(int *n)
{
  *n = C_COUNT;
  return col_names;
}

static void
text_cells(const char *v[C_COUNT], enum col ja, const qn_text *t)
{
  v[ja] = t->s[LANG_JA];
  v[ja + 1] = t->s[LANG_EN];
}

int
qcsv_export(FILE *f, const questionnaire *q)
{
  fputs("\xEF\xBB\xBF", f);
  row_to(f, col_names, C_COUNT);
  qcsv_rows(q, emit_csv_row, f);
  return ferror(f) ? EX_IOERR : 0;
}

void
qcsv_rows(const questionnaire *q, qcsv_row_fn fn, void *ctx)
{
  const sink sk = { fn, ctx }, *f = &sk;
  const char *v[C_COUNT];
  char num[32];
#define RESET() memset(v, 0, sizeof v)
  RESET();
  v[C_KIND] = "setting", v[C_ID] = "id", v[C_TEXT_EN] = q->id;
  row(f, v, C_COUNT);
  RESET();
  v[C_KIND] = "setting", v[C_ID] = "version", v[C_TEXT_EN] = q->version;
  row(f, v, C_COUNT);
  RESET();
  snprintf(num, sizeof num, "%u", q->edition);
  v[C_KIND] = "setting", v[C_ID] = "edition", v[C_TEXT_EN] = num;
  row(f, v, C_COUNT);
  const struct { const char *key; const qn_text *t; } texts[] = {
    { "title", &q->title }, { "source", &q->source }, { "guidance", &q->guidance },
  };
  for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
    if (qn_text_given(texts[k].t))
      {
        RESET();
        v[C_KIND] = "setting", v[C_ID] = texts[k].key;
        text_cells(v, C_TEXT_JA, texts[k].t);
        row(f, v, C_COUNT);
      }
  for (size_t i = 0; i < q->nsectors; i++)
    {
      RESET();
      v[C_KIND] = "sector", v[C_ID] = q->sectors[i].id;
      text_cells(v, C_TEXT_JA, &q->sectors[i].name);
      row(f, v, C_COUNT);
    }
  /* Scope questions: the question, and what "no" means. */
  for (size_t i = 0; i < q->nscopes; i++)
    {
      RESET();
      v[C_KIND] = "scope", v[C_ID] = q->scopes[i].id;
      text_cells(v, C_TEXT_JA, &q->scopes[i].text);
      text_cells(v, C_NO_JA, &q->scopes[i].absent);
      row(f, v, C_COUNT);
    }
  for (size_t i = 0; i < q->nsections; i++)
    {
      const qn_section *s = &q->sections[i];
      RESET();
      v[C_KIND] = "item", v[C_ID] = s->id;
      text_cells(v, C_TEXT_JA, &s->title);
      text_cells(v, C_LNOTE_JA, &s->level_note);
      row(f, v, C_COUNT);
      if (s->lg_state == QN_LGSTATE_NONE)
        {
          RESET();
          v[C_KIND] = "item_lg", v[C_ITEM] = s->id, v[C_ID] = "none";
          row(f, v, C_COUNT);
        }
      for (size_t k = 0; k < s->nlg; k++)
        {
          RESET();
          v[C_KIND] = "item_lg", v[C_ITEM] = s->id, v[C_ID] = qn_lgpart_key(s->lg[k].part);
          text_cells(v, C_TEXT_JA, &s->lg[k].items);
          row(f, v, C_COUNT);
        }
      if (qn_text_given(&s->lg_note))
        {
          RESET();
          v[C_KIND] = "item_lg_note", v[C_ITEM] = s->id;
          text_cells(v, C_TEXT_JA, &s->lg_note);
          row(f, v, C_COUNT);
        }
    }
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      const qn_section *s = &q->sections[x->section];
      RESET();
      v[C_KIND] = "question", v[C_ID] = x->id, v[C_ITEM] = s->id;
      text_cells(v, C_ITEM_TITLE_JA, &s->title);
      v[C_PHASE] = qn_phase_key(x->phase);
      v[C_LEVEL] = qn_level_key(x->level);
      v[C_BASIS] = qn_basis_key(x->basis);
      text_cells(v, C_LNOTE_JA, &x->level_note);
      /* The CSF 2.0 references, main one first, separated by spaces. */
      char *csf = NULL;
      for (size_t k = 0; k < x->ncsf; k++)
        {
          char buf[CSF_REF_SIZE];
          char *n = xasprintf("%s%s%s", csf ? csf : "", csf ? " " : "", csf_ref_text(&x->csf[k], buf));
          free(csf);
          csf = n;
        }
      v[C_CSF] = csf;
      char *applies = NULL;
      for (size_t k = 0; k < x->napplies; k++)
        {
          char *n = xasprintf("%s%s%s", applies ? applies : "", applies ? " " : "", q->scopes[x->applies[k]].id);
          free(applies);
          applies = n;
        }
      v[C_APPLIES] = applies;
      snprintf(num, sizeof num, "%u", x->revision);
      v[C_REVISION] = x->revision > 1 ? num : NULL;
      char *was = NULL;
      for (size_t k = 0; k < x->nwas; k++)
        {
          char *n = xasprintf("%s%s%s", was ? was : "", was ? " " : "", x->was[k]);
          free(was);
          was = n;
        }
      v[C_WAS] = was;
      text_cells(v, C_TEXT_JA, &x->text);
      text_cells(v, C_HINT_JA, &x->hint);
      row(f, v, C_COUNT);
      free(was);
      free(csf);
      free(applies);
    }
  for (size_t i = 0; i < q->nretired; i++)
    {
      RESET();
      snprintf(num, sizeof num, "%u", q->retired[i].edition);
      v[C_KIND] = "retired", v[C_ID] = q->retired[i].id, v[C_REVISION] = num;
      text_cells(v, C_TEXT_JA, &q->retired[i].note);
      row(f, v, C_COUNT);
    }
#undef RESET
}

/* ---- reading CSV ---- */

#define QCSV_MAX_ROWS 20000

typedef struct csv_row
{
  char **cell;
  size_t n;
  unsigned num;               /* the row's number as a spreadsheet shows it */
} csv_row;

typedef struct csv
{
  csv_row *rows;
  size_t n, cap;
} csv;

static void
csv_free(csv *t)
{
  for (size_t i = 0; i < t->n; i++)
    {
      for (size_t k = 0; k < t->rows[i].n; k++)
        free(t->rows[i].cell[k]);
      free(t->rows[i].cell);
    }
  free(t->rows);
}

/* RFC 4180 as Excel writes it: fields separated by commas, quoted with
 * doubled quotes inside, rows ended by CRLF or LF, line breaks inside
 * quoted fields (CRLF in a field becomes LF).  Returns false after a
 * report for an unclosed quote or a quote inside an unquoted field. */
static bool
csv_parse(const char *path, const char *s, size_t len, csv *t, diag_t *d)
{
  size_t i = 0;
  unsigned num = 1;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len)
    {
      csv_row r = { NULL, 0, num };
      size_t cap = 0;
      for (;;)
        {
          size_t bcap = 16, bn = 0;
          char *b = xmalloc(bcap);
          if (i < len && s[i] == '"')
            {
              i++;
              for (;;)
                {
                  if (i >= len)
                    {
                      diag_add(d, path, 0, _("row %u, column %zu: a quoted field is not closed; expected a closing \""),
                               num, r.n + 1);
                      free(b);
                      for (size_t k = 0; k < r.n; k++)
                        free(r.cell[k]);
                      free(r.cell);
                      return false;
                    }
                  if (s[i] == '"')
                    {
                      if (i + 1 < len && s[i + 1] == '"')
                        i++;
                      else
                        {
                          i++;
                          break;
                        }
                    }
                  else if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
                    {
                      i++;
                      continue;
                    }
                  if (bn + 2 > bcap)
                    b = xrealloc(b, bcap *= 2);
                  b[bn++] = s[i++];
                }
              if (i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n')
                {
                  diag_add(d, path, 0, _("row %u, column %zu: text after a closing quote; expected a comma or the end of the row"),
                           num, r.n + 1);
                  free(b);
                  for (size_t k = 0; k < r.n; k++)
                    free(r.cell[k]);
                  free(r.cell);
                  return false;
                }
            }
          else
            while (i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n')
              {
                if (bn + 2 > bcap)
                  b = xrealloc(b, bcap *= 2);
                b[bn++] = s[i++];
              }
          b[bn] = '\0';
          r.cell = xgrow(r.cell, &cap, r.n + 1, sizeof *r.cell);
          r.cell[r.n++] = b;
          if (i < len && s[i] == ',')
            {
              i++;
              continue;
            }
          if (i < len && s[i] == '\r')
            i++;
          if (i < len && s[i] == '\n')
            i++;
          break;
        }
      /* A row of empty cells (a spreadsheet's trailing rows) is nothing. */
      bool empty = true;
      for (size_t k = 0; k < r.n; k++)
        empty &= !*r.cell[k];
      if (empty)
        {
          for (size_t k = 0; k < r.n; k++)
            free(r.cell[k]);
          free(r.cell);
        }
      else
        {
          t->rows = xgrow(t->rows, &t->cap, t->n + 1, sizeof *t->rows);
          t->rows[t->n++] = r;
        }
      num++;
    }
  return true;
}

/* ---- writing the questionnaire file ---- */

/* The file being written, and for each of its lines the cell it holds. */
typedef struct gen
{
  FILE *f;
  char *buf;
  size_t len;
  int line;                   /* lines written */
  struct { unsigned row; int col; } *at;
  size_t cap;
} gen;

/* Write one line (fmt, without its newline) holding the cell (row, col);
 * col -1 for a line that holds none. */
static void put(gen *g, unsigned row, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
put(gen *g, unsigned row, int col, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vfprintf(g->f, fmt, ap);
  va_end(ap);
  fputc('\n', g->f);
  g->line++;
  g->at = xgrow(g->at, &g->cap, (size_t) g->line + 1, sizeof *g->at);
  g->at[g->line].row = row;
  g->at[g->line].col = col;
}


typedef struct sheet
{
  const char *path;
  csv t;
  const char *const *names;   /* the columns kijun reads (col_names, map_cols) */
  int ncols;
  const char *what;           /* the option that reads such sheets, for messages */
  int colidx[C_COUNT];        /* the sheet's column of each, or -1 */
  diag_t *d;
} sheet;

static const char *
get(const sheet *sh, const csv_row *r, enum col c)
{
  int k = sh->colidx[c];
  return k >= 0 && (size_t) k < r->n ? r->cell[k] : "";
}

static void
cell_error(const sheet *sh, const csv_row *r, enum col c, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));

static void
cell_error(const sheet *sh, const csv_row *r, enum col c, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char *m = NULL;
  if (vasprintf(&m, fmt, ap) < 0)
    m = NULL;
  va_end(ap);
  /* TRANSLATORS: where a problem is in a spreadsheet: row number and column name. */
  diag_add(sh->d, sh->path, 0, _("row %u, column %s: %s"), r->num, sh->names[c], m ? m : "");
  free(m);
}

/* key = "value"; for a non-empty cell. */
static void
put_str(gen *g, const sheet *sh, const csv_row *r, const char *indent, const char *key, enum col c)
{
  const char *v = get(sh, r, c);
  if (!*v)
    return;
  char *qv = cfg_quoted(v);
  put(g, r->num, c, "%s%s = %s;", indent, key, qv);
  free(qv);
}

/* An integer cell as an integer, or (anything else) as a string, for the
 * loader to refuse with its own words. */
static void
put_int(gen *g, const sheet *sh, const csv_row *r, const char *indent, const char *key, enum col c)
{
  const char *v = get(sh, r, c);
  if (!*v)
    return;
  bool digits = strspn(v, "0123456789") == strlen(v) && strlen(v) < 10;
  if (digits)
    put(g, r->num, c, "%s%s = %s;", indent, key, v);
  else
    put_str(g, sh, r, indent, key, c);
}

/* key = { ja = ...; en = ...; }; from two cells: both or neither. */
static void
put_text(gen *g, const sheet *sh, const csv_row *r, const char *indent, const char *key, enum col ja,
         bool required)
{
  const char *j = get(sh, r, ja), *e = get(sh, r, ja + 1);
  if (!*j && !*e)
    {
      if (required)
        cell_error(sh, r, ja, _("empty; expected the %s in Japanese and in English"), key);
      return;
    }
  if (!*j || !*e)
    {
      cell_error(sh, r, *j ? ja + 1 : ja, _("empty, but its other language is given; expected both"));
      /* The file is then only checked, never written: the given text
       * stands for both, so that the loader says nothing more of it. */
      if (!*j)
        j = e;
      else
        e = j;
    }
  put(g, r->num, ja, "%s%s = {", indent, key);
  char *qj = cfg_quoted(j), *qe = cfg_quoted(e);
  put(g, r->num, ja, "%s  ja = %s;", indent, qj);
  put(g, r->num, ja + 1, "%s  en = %s;", indent, qe);
  put(g, r->num, ja, "%s};", indent);
  free(qj);
  free(qe);
}

/* key = ( "a", "b" ); from a cell of words separated by spaces or
 * commas. */
static void
put_list(gen *g, const sheet *sh, const csv_row *r, const char *key, enum col c)
{
  const char *cellv = get(sh, r, c);
  if (!*cellv)
    return;
  char *copy = xstrdup(cellv), *save = NULL;
  put(g, r->num, c, "  %s = (", key);
  bool first = true;
  for (char *w = strtok_r(copy, " ,\n\t", &save); w; w = strtok_r(NULL, " ,\n\t", &save))
    {
      char *qw = cfg_quoted(w);
      put(g, r->num, c, "    %s%s", first ? "" : ", ", qw);
      free(qw);
      first = false;
    }
  put(g, r->num, c, "  );");
  free(copy);
}

static int
kind_of(const char *s)
{
  for (int k = 0; k < K_COUNT; k++)
    if (strcmp(s, kind_names[k]) == 0)
      return k;
  return -1;
}

/* Rows of kind k, in the sheet's order. */
#define EACH_ROW(sh, r, k) \
  for (const csv_row *r = (sh)->t.rows + 1; r < (sh)->t.rows + (sh)->t.n; r++) \
    if (kind_of(get((sh), r, C_KIND)) == (k))

static bool
same_text(const char *a, const char *b)
{
  return strcmp(a ? a : "", b ? b : "") == 0;
}

/* The cells that need no questionnaire rules: kinds, unknown settings,
 * ids given twice, rows that name an item no item row defines, cells
 * given where the kind takes none. */
static void
check_rows(sheet *sh)
{
  static const char *const settings[] = { "id", "version", "edition", "title", "source", "guidance" };
  /* Which columns each kind reads. */
  static const enum col uses[K_COUNT][C_COUNT + 1] = {
    [K_SETTING] = { C_KIND, C_ID, C_TEXT_JA, C_TEXT_EN, C_COUNT },
    [K_SECTOR] = { C_KIND, C_ID, C_TEXT_JA, C_TEXT_EN, C_COUNT },
    [K_SCOPE] = { C_KIND, C_ID, C_TEXT_JA, C_TEXT_EN, C_NO_JA, C_NO_EN, C_COUNT },
    [K_ITEM] = { C_KIND, C_ID, C_TEXT_JA, C_TEXT_EN, C_LNOTE_JA, C_LNOTE_EN, C_COUNT },
    [K_ITEM_LG] = { C_KIND, C_ID, C_ITEM, C_TEXT_JA, C_TEXT_EN, C_COUNT },
    [K_ITEM_LG_NOTE] = { C_KIND, C_ITEM, C_TEXT_JA, C_TEXT_EN, C_COUNT },
    [K_QUESTION] = { C_KIND, C_ID, C_ITEM, C_ITEM_TITLE_JA, C_ITEM_TITLE_EN, C_PHASE, C_LEVEL, C_BASIS,
                     C_LNOTE_JA, C_LNOTE_EN, C_CSF, C_APPLIES, C_REVISION, C_WAS, C_TEXT_JA, C_TEXT_EN, C_HINT_JA,
                     C_HINT_EN, C_COUNT },
    [K_RETIRED] = { C_KIND, C_ID, C_REVISION, C_TEXT_JA, C_TEXT_EN, C_COUNT },
  };
  /* The ids of each kind, to their row: items first, as rows may name
   * an item defined further down. */
  hset *ids[K_COUNT];
  for (int k = 0; k < K_COUNT; k++)
    ids[k] = hset_new(sh->t.n);
  for (size_t i = 1; i < sh->t.n; i++)
    {
      const csv_row *r = &sh->t.rows[i];
      if (kind_of(get(sh, r, C_KIND)) != K_ITEM || !*get(sh, r, C_ID))
        continue;
      const int *first = hset_put(ids[K_ITEM], get(sh, r, C_ID), (int) i);
      if (first)
        cell_error(sh, r, C_ID, _("'%s' is given twice (first in row %u); expected each once"), get(sh, r, C_ID),
                   sh->t.rows[*first].num);
    }
  for (size_t i = 1; i < sh->t.n; i++)
    {
      const csv_row *r = &sh->t.rows[i];
      for (size_t c = 0; c < r->n; c++)
        {
          size_t bad;
          if (!txt_valid_utf8(r->cell[c], strlen(r->cell[c]), &bad))
            {
              diag_add(sh->d, sh->path, 0, _("row %u, column %zu: not valid UTF-8 at byte %zu; expected a sheet saved as UTF-8 (CSV UTF-8)"),
                       r->num, c + 1, bad + 1);
              goto done;
            }
        }
      const char *ks = get(sh, r, C_KIND);
      int k = kind_of(ks);
      if (k < 0)
        {
          char list[160] = "";
          for (int j = 0; j < K_COUNT; j++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "", kind_names[j]);
          cell_error(sh, r, C_KIND, _("\"%s\" is not a kind of row; expected one of: %s"), ks, list);
          continue;
        }
      for (int c = 0; c < C_COUNT; c++)
        {
          bool used = false;
          for (const enum col *u = uses[k]; *u != C_COUNT; u++)
            used |= *u == (enum col) c;
          if (!used && *get(sh, r, (enum col) c))
            cell_error(sh, r, (enum col) c, _("a %s row has no %s; expected it empty"), ks, col_names[c]);
        }
      const char *id = get(sh, r, C_ID);
      if (k == K_SETTING)
        {
          bool known = false;
          for (size_t j = 0; j < sizeof settings / sizeof settings[0]; j++)
            known |= strcmp(id, settings[j]) == 0;
          if (!known)
            cell_error(sh, r, C_ID, _("\"%s\" is not a setting; expected one of: %s"), id,
                       "id, version, edition, title, source, guidance");
        }
      if (k == K_ITEM_LG_NOTE || k == K_ITEM_LG || k == K_QUESTION)
        {
          const char *item = get(sh, r, C_ITEM);
          const int *at = hset_get(ids[K_ITEM], item);
          const csv_row *def = at ? &sh->t.rows[*at] : NULL;
          if (!*item)
            cell_error(sh, r, C_ITEM, _("empty; expected the id of an item"));
          else if (!def)
            cell_error(sh, r, C_ITEM, _("\"%s\" is not the id of any item row; expected an item defined by a row of kind item"),
                       item);
          else if (k == K_QUESTION)
            for (enum col c = C_ITEM_TITLE_JA; c <= C_ITEM_TITLE_EN; c++)
              {
                const char *t = get(sh, r, c);
                if (*t && !same_text(t, get(sh, def, c == C_ITEM_TITLE_JA ? C_TEXT_JA : C_TEXT_EN)))
                  cell_error(sh, r, c, _("differs from the title of item %s in row %u; expected it the same or empty"),
                             item, def->num);
              }
        }
      /* An id given twice: the loader would name a line of the file
       * written, not a row of the sheet. */
      if (*id && k != K_ITEM_LG && k != K_ITEM)
        {
          const int *first = hset_put(ids[k], id, (int) i);
          if (first)
            cell_error(sh, r, C_ID, _("'%s' is given twice (first in row %u); expected each once"), id,
                       sh->t.rows[*first].num);
        }
    }
done:
  for (int k = 0; k < K_COUNT; k++)
    hset_free(ids[k]);
}

static void
generate(gen *g, const sheet *sh)
{
  put(g, 1, -1, "# kijun questionnaire, written by kijun --import-questionnaire from a spreadsheet.");
  put(g, 1, -1, "kijun_questionnaire = 1;");
  EACH_ROW(sh, r, K_SETTING)
    {
      const char *key = get(sh, r, C_ID);
      if (strcmp(key, "id") == 0 || strcmp(key, "version") == 0 || strcmp(key, "edition") == 0)
        {
          enum col c = *get(sh, r, C_TEXT_EN) ? C_TEXT_EN : C_TEXT_JA;
          if (*get(sh, r, C_TEXT_EN) && *get(sh, r, C_TEXT_JA) && !same_text(get(sh, r, C_TEXT_JA), get(sh, r, C_TEXT_EN)))
            cell_error(sh, r, C_TEXT_JA, _("differs from text_en; a setting that is not a text has one value"));
          if (strcmp(key, "edition") == 0)
            put_int(g, sh, r, "", key, c);
          else
            put_str(g, sh, r, "", key, c);
        }
      else
        put_text(g, sh, r, "", key, C_TEXT_JA, true);
    }
  bool any = false;
  EACH_ROW(sh, r, K_SECTOR)
    {
      if (!any)
        put(g, r->num, -1, "sectors = (");
      else
        put(g, r->num, -1, ",");
      any = true;
      char *id = cfg_quoted(get(sh, r, C_ID)), *ja = cfg_quoted(get(sh, r, C_TEXT_JA)), *en = cfg_quoted(get(sh, r, C_TEXT_EN));
      put(g, r->num, C_ID, "{ id = %s;", id);
      put(g, r->num, C_TEXT_JA, "  ja = %s;", ja);
      put(g, r->num, C_TEXT_EN, "  en = %s; }", en);
      free(id), free(ja), free(en);
    }
  if (any)
    put(g, 0, -1, ");");
  any = false;
  EACH_ROW(sh, r, K_SCOPE)
    {
      put(g, r->num, -1, any ? "," : "scope = (");
      any = true;
      char *id = cfg_quoted(get(sh, r, C_ID)), *ja = cfg_quoted(get(sh, r, C_TEXT_JA)), *en = cfg_quoted(get(sh, r, C_TEXT_EN));
      char *nja = cfg_quoted(get(sh, r, C_NO_JA)), *nen = cfg_quoted(get(sh, r, C_NO_EN));
      put(g, r->num, C_ID, "{ id = %s;", id);
      put(g, r->num, C_TEXT_JA, "  ja = %s;", ja);
      put(g, r->num, C_TEXT_EN, "  en = %s;", en);
      put(g, r->num, C_NO_JA, "  no = { ja = %s;", nja);
      put(g, r->num, C_NO_EN, "         en = %s; }; }", nen);
      free(id), free(ja), free(en), free(nja), free(nen);
    }
  if (any)
    put(g, 0, -1, ");");
  any = false;
  EACH_ROW(sh, r, K_ITEM)
    {
      put(g, r->num, -1, any ? "," : "sections = (");
      any = true;
      put_str(g, sh, r, "{ ", "id", C_ID);
      put_text(g, sh, r, "  ", "title", C_TEXT_JA, true);
      put_text(g, sh, r, "  ", "level_note", C_LNOTE_JA, false);
      const char *item = get(sh, r, C_ID);
      bool lg = false, none = false;
      EACH_ROW(sh, o, K_ITEM_LG)
        {
          if (strcmp(get(sh, o, C_ITEM), item) != 0)
            continue;
          if (strcmp(get(sh, o, C_ID), "none") == 0)
            {
              if (lg || none)
                cell_error(sh, o, C_ID, _("item %s has counterparts; expected \"none\" alone"), item);
              none = true;
              continue;
            }
          if (none)
            cell_error(sh, o, C_ID, _("item %s has \"none\" as counterpart; expected \"none\" alone"), item);
          put(g, o->num, -1, lg ? "  , {" : "  lg_ref = ( {");
          lg = true;
          put_str(g, sh, o, "    ", "part", C_ID);
          put_text(g, sh, o, "    ", "items", C_TEXT_JA, false);
          put(g, o->num, -1, "  }");
        }
      if (lg)
        put(g, r->num, -1, "  );");
      else if (none)
        put(g, r->num, -1, "  lg_ref = ( );");
      EACH_ROW(sh, o, K_ITEM_LG_NOTE)
        if (strcmp(get(sh, o, C_ITEM), item) == 0)
          put_text(g, sh, o, "  ", "lg_note", C_TEXT_JA, true);
      put(g, r->num, -1, "}");
    }
  if (any)
    put(g, 0, -1, ");");
  any = false;
  EACH_ROW(sh, r, K_QUESTION)
    {
      put(g, r->num, -1, any ? "," : "questions = (");
      any = true;
      put_str(g, sh, r, "{ ", "id", C_ID);
      put_str(g, sh, r, "  ", "section", C_ITEM);
      put_str(g, sh, r, "  ", "phase", C_PHASE);
      put_str(g, sh, r, "  ", "level", C_LEVEL);
      put_str(g, sh, r, "  ", "level_basis", C_BASIS);
      put_text(g, sh, r, "  ", "level_note", C_LNOTE_JA, false);
      put_list(g, sh, r, "csf", C_CSF);
      put_list(g, sh, r, "applies", C_APPLIES);
      put_int(g, sh, r, "  ", "revision", C_REVISION);
      put_list(g, sh, r, "was", C_WAS);
      put_text(g, sh, r, "  ", "text", C_TEXT_JA, true);
      put_text(g, sh, r, "  ", "hint", C_HINT_JA, false);
      put(g, r->num, -1, "}");
    }
  if (any)
    put(g, 0, -1, ");");
  any = false;
  EACH_ROW(sh, r, K_RETIRED)
    {
      put(g, r->num, -1, any ? "," : "retired = (");
      any = true;
      put_str(g, sh, r, "{ ", "id", C_ID);
      put_int(g, sh, r, "  ", "edition", C_REVISION);
      put_text(g, sh, r, "  ", "note", C_TEXT_JA, false);
      put(g, r->num, -1, "}");
    }
  if (any)
    put(g, 0, -1, ");");
}

/* The loader's messages on the file written, as messages on the sheet. */
static void
translate(const sheet *sh, const gen *g, const char *tmp, const diag_t *from)
{
  size_t tl = strlen(tmp);
  for (size_t i = 0; i < from->n; i++)
    {
      const char *m = from->msgs[i];
      if (strncmp(m, tmp, tl) == 0 && m[tl] == ':')
        {
          char *end;
          long line = strtol(m + tl + 1, &end, 10);
          if (end != m + tl + 1 && *end == ':' && line > 0 && line <= g->line)
            {
              const char *rest = end + 1 + (end[1] == ' ');
              if (g->at[line].col >= 0)
                diag_add(sh->d, sh->path, 0, _("row %u, column %s: %s"), g->at[line].row,
                         sh->names[g->at[line].col], rest);
              else if (g->at[line].row > 1)
                /* TRANSLATORS: where a problem is in a spreadsheet: a whole row. */
                diag_add(sh->d, sh->path, 0, _("row %u: %s"), g->at[line].row, rest);
              else
                diag_add(sh->d, sh->path, 0, "%s", rest);
              continue;
            }
          diag_add(sh->d, sh->path, 0, "%s", m[tl + 1] == ' ' ? m + tl + 2 : m + tl + 1);
          continue;
        }
      diag_add(sh->d, NULL, 0, "%s", m);
    }
  if (from->dropped)
    diag_add(sh->d, sh->path, 0, _("and %zu more problems"), from->dropped);
}

struct blob
{
  const char *s;
  size_t n;
};

static int
write_blob(FILE *f, void *ctx)
{
  const struct blob *b = ctx;
  return fwrite(b->s, 1, b->n, f) == b->n ? 0 : EX_IOERR;
}

static char *
slurp(const char *path, size_t *len, diag_t *d)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    {
      diag_add(d, path, 0, _("cannot read: %s"), strerror(errno));
      return NULL;
    }
  char *buf = NULL;
  size_t cap = 0, n = 0;
  for (;;)
    {
      buf = xgrow(buf, &cap, n + 65536 + 1, 1);
      size_t got = fread(buf + n, 1, 65536, f);
      n += got;
      if (got < 65536)
        break;
    }
  bool err = ferror(f);
  fclose(f);
  if (err)
    {
      diag_add(d, path, 0, _("cannot read: %s"), strerror(EIO));
      free(buf);
      return NULL;
    }
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* Read the sheet at path into sh (names set): the rows, and the first
 * row's column names.  Returns 0 or a status, the problems in d. */
static int
read_sheet(sheet *sh, const char *out, diag_t *d)
{
  const char *path = sh->path;
  if (access(out, F_OK) == 0)
    {
      diag_add(d, out, 0, _("the file exists; %s never writes over a file; expected the name of a new file"), sh->what);
      return EX_CANTCREAT;
    }
  size_t len;
  char *text = slurp(path, &len, d);
  if (!text)
    return EX_NOINPUT;
  size_t before = diag_count(d);
  if (memchr(text, '\0', len))
    diag_add(d, path, 0, _("the file holds a NUL byte; expected a CSV file saved as UTF-8 text"));
  else
    csv_parse(path, text, len, &sh->t, d);
  free(text);
  if (diag_count(d) > before)
    return EX_DATAERR;
  /* A sheet is a questionnaire or a mapping made by people: the bundled
   * questionnaire is some 360 rows.  The cap keeps a hostile sheet from
   * costing more than its reading. */
  if (sh->t.n > QCSV_MAX_ROWS)
    {
      diag_add(d, path, 0, _("the sheet has %zu rows; expected at most %d"), sh->t.n, QCSV_MAX_ROWS);
      return EX_DATAERR;
    }
  if (sh->t.n == 0)
    {
      diag_add(d, path, 0, _("the sheet is empty; expected a first row naming the columns (%s, ...)"), "kind, id");
      return EX_DATAERR;
    }
  /* The first row names the columns, in any order. */
  for (int c = 0; c < C_COUNT; c++)
    sh->colidx[c] = -1;
  const csv_row *h = &sh->t.rows[0];
  for (size_t k = 0; k < h->n; k++)
    {
      int found = -1;
      for (int c = 0; c < sh->ncols; c++)
        if (strcmp(h->cell[k], sh->names[c]) == 0)
          found = c;
      if (found < 0)
        diag_add(d, path, 0, _("row %u, column %zu: \"%s\" is not a column kijun reads; expected one of the names kijun %s writes"),
                 h->num, k + 1, h->cell[k], strcmp(sh->what, "--import-mapping") == 0 ? "--export-mapping" : "--export-questionnaire");
      else if (sh->colidx[found] >= 0)
        diag_add(d, path, 0, _("row %u, column %zu: column %s is given twice; expected each once"), h->num, k + 1,
                 sh->names[found]);
      else
        sh->colidx[found] = (int) k;
    }
  if (diag_count(d) == before && (sh->colidx[0] < 0 || sh->colidx[1] < 0))
    diag_add(d, path, 0, _("row 1 names no column %s; expected the first row to name the columns"),
             sh->colidx[0] < 0 ? sh->names[0] : sh->names[1]);
  return diag_count(d) > before ? EX_DATAERR : 0;
}

/* The file g holds, checked by load (the loader of its kind) as a file
 * beside out and then written as out; the loader's problems named by
 * cell.  sheet_rc: the sheet already had a problem (check, never write). */
static int
check_and_write(sheet *sh, gen *g, const char *out, int sheet_rc, int (*load)(const char *, diag_t *),
                diag_t *d)
{
  char *tmp = afile_sibling(out, "import");
  diag_t why = { 0 };
  struct blob b = { g->buf, g->len };
  int rc = afile_write_new(tmp, write_blob, &b, &why);
  if (rc)
    {
      diag_add(d, out, 0, _("cannot write: %s"), why.n ? why.msgs[0] : "");
      rc = EX_CANTCREAT;
    }
  else
    {
      diag_t ld = { 0 };
      int lrc = load(tmp, &ld);
      unlink(tmp);
      if (lrc)
        {
          translate(sh, g, tmp, &ld);
          rc = EX_DATAERR;
        }
      else if (sheet_rc)
        rc = EX_DATAERR;
      diag_clear(&ld);
    }
  diag_clear(&why);
  free(tmp);
  if (rc == 0)
    {
      why = (diag_t){ 0 };
      int wrc = afile_write_new(out, write_blob, &b, &why);
      if (wrc == EX_TEMPFAIL)
        diag_add(d, out, 0, _("the file exists; %s never writes over a file; expected the name of a new file"), sh->what);
      else if (wrc)
        diag_add(d, out, 0, _("cannot write: %s"), why.n ? why.msgs[0] : "");
      if (wrc)
        rc = EX_CANTCREAT;
      diag_clear(&why);
    }
  return rc;
}

/* What an import makes of a sheet: the libconfig text, into g, saying
 * what is wrong in its cells; false when the text must not reach the
 * loader at all. */
typedef bool sheet_make_fn(gen *g, sheet *sh);

/* The one sequence of every import: read the sheet, make the text, have
 * the real loader check it, write it as a new file. */
static int
import_sheet(sheet *sh, const char *out, sheet_make_fn *make, int (*load)(const char *, diag_t *), diag_t *d)
{
  int rc = read_sheet(sh, out, d);
  if (rc)
    {
      csv_free(&sh->t);
      return rc;
    }
  size_t before = diag_count(d);
  gen g = { 0 };
  g.f = open_memstream(&g.buf, &g.len);
  bool loadable = make(&g, sh);
  fclose(g.f);
  /* Checked by the loader even after a problem of the sheet's own, so
   * that one pass names them all. */
  rc = diag_count(d) > before ? EX_DATAERR : 0;
  if (loadable)
    rc = check_and_write(sh, &g, out, rc, load, d);
  free(g.buf);
  free(g.at);
  csv_free(&sh->t);
  return rc;
}

static int
load_questionnaire(const char *path, diag_t *d)
{
  questionnaire *q = NULL;
  int rc = qload_file(path, d, &q);
  qn_free(q);
  return rc;
}

static bool
make_questionnaire(gen *g, sheet *sh)
{
  size_t before = diag_count(sh->d);
  check_rows(sh);
  /* Ids given twice or rows naming no item would reach the loader as
   * lines of a file no one sees: the loader runs only on a sheet
   * without them (the cells generate checks are reported either way). */
  bool rows_bad = diag_count(sh->d) > before;
  generate(g, sh);
  return !rows_bad;
}

int
qcsv_import(const char *path, const char *out, diag_t *d)
{
  sheet sh = { path, { 0 }, col_names, C_COUNT, "--import-questionnaire", { 0 }, d };
  return import_sheet(&sh, out, make_questionnaire, load_questionnaire, d);
}

/* ---- mappings ---- */

#define MAP_COLUMNS(X) \
  X(KIND, "kind") X(FROM, "from") X(TO, "to") X(RELATION, "relation") X(NOTE_JA, "note_ja") \
  X(NOTE_EN, "note_en") X(METHOD, "method") X(STATUS, "status")

enum mcol
{
#define M_ENUM_(id, name) M_##id,
  MAP_COLUMNS(M_ENUM_)
#undef M_ENUM_
  M_COUNT
};

static const char *const map_cols[] = {
#define M_NAME_(id, name) name,
  MAP_COLUMNS(M_NAME_)
#undef M_NAME_
};

static void
ids_cell(char **out, const char *const *ids, size_t n)
{
  char *s = NULL;
  for (size_t k = 0; k < n; k++)
    {
      char *t = xasprintf("%s%s%s", s ? s : "", s ? " " : "", ids[k]);
      free(s);
      s = t;
    }
  *out = s;
}

int
qcsv_export_mapping(FILE *f, const mapping *m)
{
  fputs("\xEF\xBB\xBF", f);
  row_to(f, map_cols, M_COUNT);
  const char *v[M_COUNT] = { 0 };
  char *from = xasprintf("%s %s", m->from_id, m->from_version), *to = xasprintf("%s %s", m->to_id, m->to_version);
  v[M_KIND] = "questionnaires", v[M_FROM] = from, v[M_TO] = to;
  v[M_METHOD] = map_method_key(m->method), v[M_STATUS] = map_status_key(m->status);
  row_to(f, v, M_COUNT);
  free(from), free(to);
  for (size_t i = 0; i < m->nentries; i++)
    {
      const map_entry *e = &m->entries[i];
      char *fc, *tc;
      ids_cell(&fc, e->from, e->nfrom);
      ids_cell(&tc, e->to, e->nto);
      memset(v, 0, sizeof v);
      v[M_KIND] = "entry", v[M_FROM] = fc, v[M_TO] = tc, v[M_RELATION] = map_relation_key(e->relation);
      v[M_NOTE_JA] = e->note.s[LANG_JA], v[M_NOTE_EN] = e->note.s[LANG_EN];
      row_to(f, v, M_COUNT);
      free(fc), free(tc);
    }
  return ferror(f) ? EX_IOERR : 0;
}

/* "id version" into a side group. */
static void
put_side(gen *g, const sheet *sh, const csv_row *r, const char *key, int c)
{
  const char *v = get(sh, r, (enum col) c);
  const char *sp = strchr(v, ' ');
  if (!*v || !sp || strchr(sp + 1, ' ') || !sp[1] || sp == v)
    {
      cell_error(sh, r, (enum col) c, _("\"%s\" is not a questionnaire's id and version; expected \"ID VERSION\", such as \"nisc-ci-2023 2023-07-04\""), v);
      return;
    }
  char *id = xstrndup(v, (size_t) (sp - v));
  char *qi = cfg_quoted(id), *qv = cfg_quoted(sp + 1);
  put(g, r->num, c, "%s = { id = %s; version = %s; };", key, qi, qv);
  free(id), free(qi), free(qv);
}

static int
load_mapping(const char *path, diag_t *d)
{
  mapping *m = NULL;
  int rc = map_read(path, d, &m);
  map_free(m);
  return rc;
}

static bool
make_mapping(gen *g, sheet *sh)
{
  put(g, 1, -1, "# kijun mapping, written by kijun --import-mapping from a spreadsheet.");
  put(g, 1, -1, "kijun_mapping = 1;");
  bool heads = false, any = false;
  for (size_t i = 1; i < sh->t.n; i++)
    {
      const csv_row *r = &sh->t.rows[i];
      const char *kind = get(sh, r, (enum col) M_KIND);
      if (strcmp(kind, "questionnaires") == 0)
        {
          if (heads)
            cell_error(sh, r, (enum col) M_KIND, _("a second questionnaires row; expected one"));
          heads = true;
          put_side(g, sh, r, "from", M_FROM);
          put_side(g, sh, r, "to", M_TO);
          const char *me = get(sh, r, (enum col) M_METHOD), *st = get(sh, r, (enum col) M_STATUS);
          if (*me || *st)
            {
              put(g, r->num, -1, "provenance = {");
              put_str(g, sh, r, "  ", "method", (enum col) M_METHOD);
              put_str(g, sh, r, "  ", "status", (enum col) M_STATUS);
              put(g, r->num, -1, "};");
            }
        }
      else if (strcmp(kind, "entry") == 0)
        {
          put(g, r->num, -1, any ? "," : "map = (");
          any = true;
          put(g, r->num, -1, "{");
          put_list(g, sh, r, "from", (enum col) M_FROM);
          put_list(g, sh, r, "to", (enum col) M_TO);
          put_str(g, sh, r, "  ", "relation", (enum col) M_RELATION);
          put_text(g, sh, r, "  ", "note", (enum col) M_NOTE_JA, false);
          put(g, r->num, -1, "}");
        }
      else
        cell_error(sh, r, (enum col) M_KIND, _("\"%s\" is not a kind of row; expected one of: %s"), kind,
                   "questionnaires, entry");
    }
  if (any)
    put(g, 0, -1, ");");
  return true;
}

int
qcsv_import_mapping(const char *path, const char *out, diag_t *d)
{
  sheet sh = { path, { 0 }, map_cols, M_COUNT, "--import-mapping", { 0 }, d };
  return import_sheet(&sh, out, make_mapping, load_mapping, d);
}
