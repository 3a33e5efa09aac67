/* lineedit: the editing logic of a one-line text field, without curses.
 *
 * The text is kept as code points, so the cursor moves and deletes by
 * character and never splits a multibyte sequence or half of a wide
 * character.  le_view computes which part of a long text shows in a
 * field of a given width so the cursor stays visible; the screen code
 * only draws what it is told.
 *
 * A multi-line field (a note, an evidence reference) keeps line breaks
 * and tabs as characters of the text; on the one line they show as a
 * mark (le_mark), so nothing the file holds is flattened by editing. */
#ifndef KIJUN_LINEEDIT_H
#define KIJUN_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* le_init flags. */
enum
{
  LE_MULTILINE = 1,           /* line breaks and tabs are text */
  LE_ASCII = 2,               /* marks in ASCII: the terminal is not UTF-8 */
};

typedef struct lineedit
{
  uint32_t *cp;               /* code points */
  size_t len, cap;
  size_t cur;                 /* cursor: 0..len */
  size_t first;               /* first code point shown */
  size_t max;                 /* most code points accepted */
  unsigned flags;             /* LE_* */
} lineedit;

/* Start editing a copy of utf8 (NULL for empty), cursor at the end.  In
 * a one-line field, a line break or tab in utf8 becomes a space. */
void le_init(lineedit *e, const char *utf8, size_t max, unsigned flags);
void le_free(lineedit *e);
/* The index in the text le_init makes of utf8 of the character that
 * starts at byte byte of utf8. */
size_t le_index(const char *utf8, size_t byte);
/* Insert one character at the cursor; false when full, or a control or
 * bidirectional formatting character (a line break and a tab are taken
 * in a multi-line field only). */
bool le_insert(lineedit *e, uint32_t cp);
/* How a line break or a tab shows in the field ("⏎" "⇥", or "^J" "^I"
 * with LE_ASCII); NULL for any other character, which shows as itself. */
const char *le_mark(uint32_t cp, unsigned flags);
/* Columns cp takes in the field, marks included. */
int le_cwidth(uint32_t cp, unsigned flags);
void le_backspace(lineedit *e);
void le_delete(lineedit *e);
void le_left(lineedit *e);
void le_right(lineedit *e);
void le_home(lineedit *e);
void le_end(lineedit *e);
void le_kill_start(lineedit *e);
void le_kill_end(lineedit *e);
/* The text as a newly allocated UTF-8 string. */
char *le_text(const lineedit *e);
/* Fit the text in width columns around the cursor: sets *from and *to
 * (code points shown, half-open) and *col (the cursor's column). */
void le_view(lineedit *e, int width, size_t *from, size_t *to, int *col);
/* UTF-8 of code points [from, to) into a new string. */
char *le_slice(const lineedit *e, size_t from, size_t to);

/* A text flowed into rows of width columns, as a note is shown and
 * edited on several rows: a character that does not fit on its row
 * starts the next one, and a line break ends its row.  The one place
 * that rule is written: the screens draw by it, and le_up and le_down
 * move by it. */
typedef struct le_flow
{
  const uint32_t *cp;
  size_t n;
  unsigned flags;
  int width;
  size_t i;                   /* the next position to place, 0..n */
  int row, col;
} le_flow;

void le_flow_start(le_flow *f, const uint32_t *cp, size_t n, unsigned flags, int width);
/* Place position f->i (before code point i; n is the end of the text):
 * *row and *col, then on to the next.  False once the end is placed. */
bool le_flow_next(le_flow *f, int *row, int *col);
/* Where the cursor shows at a position placed at (row, col): after a
 * full row it goes to the start of the next. */
void le_flow_cursor(const le_flow *f, int *row, int *col);
/* Move the cursor one row up or down in a text flowed into width
 * columns, to the column nearest the one it is at (not past it); from
 * the first row up goes to the start, from the last down to the end. */
void le_up(lineedit *e, int width);
void le_down(lineedit *e, int width);

#endif
