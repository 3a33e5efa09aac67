/* ui_internal: what the screens of the interactive session share.
 *
 * The session is one struct ui; each screen is a pair of functions,
 * draw and key, dispatched from the single event loop in ui.c (ncdu's
 * and tig's shape).  Screens draw into stdscr after erase(); curses then
 * sends only the cells that changed, which keeps each keystroke cheap on
 * a slow link. */
#ifndef KIJUN_UI_INTERNAL_H
#define KIJUN_UI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "coverage.h"
#include "lineedit.h"
#include "plan.h"
#include "session.h"

#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

enum ui_screen { SCR_OVERVIEW, SCR_QUESTION, SCR_HELP, SCR_SUMMARY, SCR_PROFILE, SCR_PLAN };
enum ui_edit { ED_NONE, ED_NOTE, ED_EVIDENCE, ED_SEARCH, ED_PROFILE, ED_PLAN };

/* Colour pairs; each has a monochrome attribute too. */
enum ui_color { UC_TITLE = 1, UC_SELECT, UC_BASELINE, UC_RECOMMENDED, UC_ERROR, UC_OK, UC_DIM, UC_COUNT };

/* A key as wget_wch returns it: a character, or a function key. */
typedef struct ui_key
{
  wint_t ch;
  bool fn;
} ui_key;

/* Events ui_input makes of what the terminal sends (function keys). */
#define UI_KEY_PASTE (KEY_MAX + 1)    /* a bracketed paste: its text is in ui.paste */
#define UI_KEY_NEWLINE (KEY_MAX + 2)  /* Alt-Enter */

/* Keys that follow one another within this many milliseconds came in one
 * burst: pasted, not typed. */
#define IN_BURST_MS 30

/* One row of the overview: a phase heading (section < 0) or an item. */
typedef struct ov_row
{
  int phase;
  long section;
  size_t first_pos;           /* first question of the row in walk order */
} ov_row;

typedef struct ui
{
  session *s;
  enum ui_screen scr;
  enum ui_screen back;        /* where help, summary and profile return to */
  size_t pos;                 /* current question, as a position in walk order */

  ov_row *rows;
  size_t nrows, sel, top;
  coverage cov;               /* the figures the overview shows */
  bool cov_stale;             /* answers changed since they were computed */

  assessment *prev;           /* the previous cycle's answers, or NULL */
  coverage then;              /* its figures, when has_then */
  bool has_then;
  const char *prev_path;      /* --previous, or NULL: the recorded one */

  plan plan;                  /* the plan screen's list, rebuilt when drawn */
  size_t plsel, pltop;
  enum ui_screen qback;       /* where Esc in the question view returns */
  int plan_field;             /* the plan field being edited (ED_PLAN) */

  char **lines;               /* help and summary pages */
  size_t nlines, ptop;
  bool quitting;              /* the summary was opened by q */

  enum ui_edit ed;
  lineedit le;
  char *ed_orig;              /* the text the editor opened with */
  bool advance_after_edit;    /* a reason was asked for: move on after it */
  int cur_y, cur_x;           /* where the cursor shows while editing; -1: hidden */
  int pf_sel;                 /* profile form: selected field */
  bool pf_picking;            /* choosing a sector */
  size_t pf_pick;
  bool new_file;

  char *search;
  char msg[512];
  bool msg_err;
  bool dirty;                 /* changes not yet on disk after a failed save */
  bool save_pending;          /* a change to save once the screen is drawn */
  char save_error[160];       /* why the last save failed, for messages */
  bool backup_told;           /* the original of an earlier edition was kept, and said */
  bool color;
  bool done;

  ui_key ahead;               /* a key read ahead to look for a burst */
  bool has_ahead;
  uint32_t *paste;            /* the text of the last bracketed paste */
  size_t npaste, paste_cap;
  bool paste_cut;             /* it was longer than kijun takes */
} ui;

/* ui.c */
void ui_changed(ui *u);
void ui_set_msg(ui *u, bool err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ui_open_page(ui *u, enum ui_screen scr);
void ui_open_question(ui *u, size_t pos);
bool ui_global_key(ui *u, ui_key k);
void ui_poll_signal(ui *u);

/* ui_input.c */
bool in_terminal_usable(void);
void in_start(void);
void in_paste_on(void);
void in_paste_off(void);
/* The next key within ms milliseconds (ms < 0: no limit). */
bool in_key(ui *u, int ms, ui_key *k);
/* Whether another key follows within IN_BURST_MS (it is kept for in_key). */
bool in_burst(ui *u);
/* Drop keys until none comes for IN_BURST_MS; how many were dropped. */
size_t in_flush(ui *u);
void in_free(ui *u);
void ui_next_open(ui *u, size_t pos);

/* ui_draw.c */
attr_t ud_attr(const ui *u, enum ui_color c);
int ud_text(int y, int x, int width, const char *s, attr_t a);
int ud_wrapped(int y, int x, int width, int maxrows, const char *s, attr_t a);
int ud_marked(int y, int x, int width, const char *s, attr_t a, unsigned le_flags);
void ud_fill(int y, attr_t a);
void ud_titlebar(const ui *u, const char *left, const char *right);
void ud_keybar(const ui *u, const char *const *items, size_t n);
void ud_status(const ui *u);
void ud_bar(int y, int x, int width, unsigned met, unsigned applicable, attr_t a);

/* ui_overview.c */
void ov_draw(ui *u);
void ov_key(ui *u, ui_key k);
void ov_select_pos(ui *u, size_t pos);

/* ui.c: the figures as of the last change. */
const coverage *ui_figures(ui *u);

/* ui_question.c */
void qv_draw(ui *u);
void qv_key(ui *u, ui_key k);
bool qv_search(ui *u, size_t from);
/* The row where the line editor edits what (the note, the evidence, a
 * plan field), and the width of the labels before it. */
int qv_edit_row(const ui *u, enum ui_edit what);
int qv_label_width(void);
/* Start editing the plan of the current question, field by field. */
void qv_edit_plan(ui *u, int field);

/* ui_plan.c */
void pl_draw(ui *u);
void pl_key(ui *u, ui_key k);

/* ui_pages.c */
void pg_build_help(ui *u);
void pg_build_summary(ui *u);
void pg_free(ui *u);
void pg_draw(ui *u);
void pg_key(ui *u, ui_key k);

/* ui_profile.c */
void pf_draw(ui *u);
void pf_key(ui *u, ui_key k);

/* ui_edit.c */
void ed_start(ui *u, enum ui_edit what, const char *text);
void ed_draw(ui *u);
void ed_key(ui *u, ui_key k);
void ed_commit(ui *u);

#endif
