/* ui_internal: what the screens of the interactive session share.
 *
 * struct ui holds what belongs to the whole session: the answers, where
 * the respondent is, the undo record and the last search, the message
 * line, saving and the screen stack.  Every screen keeps its own state in
 * its own file and shows itself to ui.c through a ui_screen (open with an
 * argument, draw, key, resize, what Esc returns to, done): ncdu's and
 * tig's shape.  Screens open one another through ui_push and ui_goto with
 * a ui_arg, never by calling into each other's files.
 * Keys are named once, in the binding table of ui_keys.c, from which the
 * screens' dispatch, the help screen and kijun(1)'s check are derived.
 * Screens draw into stdscr after erase(); curses then sends only the
 * cells that changed, which keeps each keystroke cheap on a slow link. */
#ifndef KIJUN_UI_INTERNAL_H
#define KIJUN_UI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <wchar.h>

#include <curses.h>

#include "model/coverage.h"
#include "tui/lineedit.h"
#include "model/plan.h"
#include "io/session.h"

#define UI_MIN_COLS 60
#define UI_MIN_LINES 22

/* Control characters by name: UI_CTRL('L') is Ctrl-L. */
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC UI_CTRL('[')
#define UI_DEL 0x7f                   /* what Backspace sends on most terminals */

enum ui_screen_id { SCR_OVERVIEW, SCR_QUESTION, SCR_HELP, SCR_SUMMARY, SCR_PROFILE, SCR_PLAN, SCR_LIST, SCR_REPORTS,
                    SCR_COUNT };

/* Colour pairs; each has a monochrome attribute too. */
enum ui_color { UC_TITLE = 1, UC_SELECT, UC_BASELINE, UC_RECOMMENDED, UC_ERROR, UC_OK, UC_DIM, UC_COUNT };

/* A key as wget_wch returns it: a character, or a function key. */
typedef struct ui_key
{
  wint_t ch;
  bool fn;
} ui_key;

/* Events ui_input makes of what the terminal sends (function keys). */
#define UI_KEY_PASTE (KEY_MAX + 1)    /* a bracketed paste: its text is in_paste()'s */
#define UI_KEY_NEWLINE (KEY_MAX + 2)  /* Alt-Enter */
/* The paste brackets, as curses returns them once taught (ui_input.c). */
#define UI_KEY_PASTE_BEGIN (KEY_MAX + 10)
#define UI_KEY_PASTE_END (KEY_MAX + 11)

/* Keys that follow one another within this many milliseconds came in one
 * burst: pasted, not typed. */
#define IN_BURST_MS 30

/* Screens return to the one that opened them: a small stack. */
#define UI_STACK 16

/* What an opener passes to a screen's open; NULL means "come back to it
 * as it was".  Each screen reads the fields it names. */
typedef struct ui_arg
{
  size_t pos;                 /* question view, overview: the question (walk order) shown or selected */
  enum ui_screen_id from;     /* question view: the list Esc returns to (SCR_COUNT: the overview) */
  bool fresh;                 /* filter list: from the top; profile form: a new file's first form */
  bool quit;                  /* summary: shown as the way out */
} ui_arg;

/* The last change, for u to take back and u again to redo (ui_undo.c):
 * an answer as it was (status, note, evidence, plan or mark), a profile
 * field's value as it was, or a scope answer as it was. */
typedef struct ui_undo
{
  enum { UNDO_NONE, UNDO_ANSWER, UNDO_PROFILE, UNDO_SCOPE } kind;
  size_t qi;                  /* UNDO_ANSWER: the question, and its entry */
  ans_entry e;
  enum ans_field field;       /* UNDO_PROFILE: the field, and its value */
  char *value;
  size_t scope;               /* UNDO_SCOPE: the scope question, and its answer */
  enum ans_scope scope_value;
  bool undone;                /* the last u undid (the next one redoes) */
} ui_undo;

typedef struct ui
{
  session *s;
  enum ui_screen_id scr;
  enum ui_screen_id stack[UI_STACK];  /* openers of the current screen */
  size_t depth;
  unsigned long changes;      /* counts changes to the answers */
  size_t pos;                 /* the question the respondent is at, in walk order */
  ui_undo undo;
  char *search;               /* the last search, or NULL */
  struct ui_editor *ed;       /* the field being edited (ui_edit.c), or NULL before the first */
  void *state[SCR_COUNT];     /* each screen's own state (ui_state) */
  char **written;             /* the reports written this session (full paths) */
  size_t nwritten, capwritten;

  assessment *prev;           /* the previous cycle's answers, or NULL */
  coverage then;              /* its figures, when has_then */
  bool has_then;
  const char *prev_path;      /* --previous, or NULL: the recorded one */

  char msg[512];
  bool msg_err;
  bool dirty;                 /* changes not yet on disk after a failed save */
  bool save_pending;          /* a change to save once the screen is drawn */
  char save_error[160];       /* why the last save failed, for messages */
  bool backup_told;           /* the original of an earlier edition was kept, and said */
  bool color;
  bool mouse;                 /* clicks are asked of the terminal */
  bool done;
} ui;

/* ---- key bindings (ui_keys.c) ---------------------------------------- */

/* Where a binding applies.  Screen scopes are tried before KS_GLOBAL. */
enum ui_scope { KS_GLOBAL, KS_OVERVIEW, KS_QUESTION, KS_PLAN, KS_LIST, KS_PAGE, KS_QUIT, KS_PROFILE, KS_PICKER, KS_EDIT,
                KS_REPORTS, KS_COUNT };

enum ui_act
{
  A_NONE,
  A_HELP, A_LANG, A_SUMMARY, A_PROFILE, A_PLAN_LIST, A_QUIT, A_REDRAW, A_REPORTS, A_FOLDER,
  A_UP, A_DOWN, A_PGUP, A_PGDN, A_HOME, A_END,
  A_OPEN, A_BACK, A_UNANSWERED, A_SEARCH, A_SEARCH_NEXT, A_SEARCH_PREV, A_GOTO, A_FILTER, A_FILTER_NEXT,
  A_FILTER_PREV, A_REVIEW, A_UNDO, A_HOW,
  A_PREV, A_NEXT, A_PREV_ITEM, A_NEXT_ITEM, A_FIRST, A_LAST, A_NOTE, A_EVIDENCE, A_PLAN,
  A_ANSWERS,                  /* the status table's digits (help only) */
  A_ED_LEFT, A_ED_RIGHT, A_ED_UP, A_ED_DOWN, A_ED_HOME, A_ED_END, A_ED_BACKSPACE, A_ED_DELETE, A_ED_KILL_START,
  A_ED_KILL_END, A_ED_NEWLINE, A_ED_TAB, A_ED_SAVE, A_ED_CANCEL, A_ED_PASTE,
};

/* What k does in scope sc (A_NONE: nothing there). */
enum ui_act uk_action(enum ui_scope sc, ui_key k);
/* The help page's text, wrapped to width: every scope with a heading,
 * every shown binding. */
char *uk_help_text(int width);
/* text wrapped to width, its lines after the first indented by indent. */
void uk_wrap(FILE *m, const char *text, int indent, int width);

/* ---- the screen interface ------------------------------------------- */

typedef struct ui_screen
{
  enum ui_scope scope;
  /* The size of the screen's own state, zeroed when the session starts
   * and freed as it ends (tig's private_size); the screen reaches it with
   * ui_state. */
  size_t state_size;
  /* Opened or come back to, with the opener's argument (NULL: come back
   * as it was); NULL: nothing to prepare. */
  void (*open)(ui *u, const ui_arg *arg);
  void (*draw)(ui *u);
  /* A key and its action in the screen's scope; false lets the global
   * bindings have it. */
  bool (*key)(ui *u, ui_key k, enum ui_act a);
  void (*resize)(ui *u);      /* NULL: the next draw fits itself */
  /* Whether the screen takes every key before the global bindings. */
  bool (*modal)(const ui *u);
  /* Where Esc goes: a screen, or SCR_COUNT to return to the opener. */
  enum ui_screen_id esc;
  /* A mouse click at (y, x) (NULL: clicks do nothing there); the mouse
   * only ever does what keys do. */
  void (*click)(ui *u, int y, int x);
  /* Free what the state points to, as kijun leaves (NULL: nothing). */
  void (*done)(void *state);
} ui_screen;

extern const ui_screen overview_screen, question_screen, help_screen, summary_screen, profile_screen, plan_screen, list_screen,
  reports_screen;

/* ---- ui_term.c -------------------------------------------------------- */
/* Start curses on the terminal (into nothing when scripted); false when
 * the terminal cannot be used. */
bool term_start(ui *u);
/* Give the terminal back as it was; safe to call more than once. */
void term_restore(void);
void term_install_signals(void);
/* The signal that asks kijun to leave, or 0. */
int term_signal(void);
/* Repaint after a stop that ncurses did not arrange. */
void term_resume(void);
/* Say that the terminal cannot be used; the exit status. */
int term_refuse(void);

/* ---- ui.c ------------------------------------------------------------- */
/* The screen shown. */
const ui_screen *ui_screen_of(const ui *u);
/* Create every screen's state (once, as the session starts). */
void ui_start(ui *u);
/* Screen id's own state (see ui_screen.state_size). */
void *ui_state(const ui *u, enum ui_screen_id id);
/* Save now; 0, or the status after saying why in the message line. */
int ui_save(ui *u);
/* Save whatever is pending before leaving: 0 when the answers are in
 * the answers file, EX_IOERR after writing a rescue copy (its path in
 * *rescued, or NULL). */
int ui_final_save(ui *u, char **rescued);
void ui_report_rescue(ui *u, const char *rescued);
/* Free what the session and its screens keep, as kijun leaves. */
void ui_done(ui *u);
void ui_changed(ui *u);
/* The figures of the answers as they are now (computed once per change). */
const coverage *ui_figures(ui *u);
void ui_set_msg(ui *u, bool err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Open scr over the current screen with arg (see ui_arg); Esc returns
 * to the current one. */
void ui_push(ui *u, enum ui_screen_id scr, const ui_arg *arg);
/* Leave the current screen as Esc does. */
void ui_back(ui *u);
/* Go to one of the base screens (overview, question) with arg, closing
 * the others. */
void ui_goto(ui *u, enum ui_screen_id scr, const ui_arg *arg);
/* Open the question at pos (walk order); Esc returns to from, a list
 * screen, or with SCR_COUNT to the overview. */
void ui_open_question(ui *u, size_t pos, enum ui_screen_id from);
void ui_poll_signal(ui *u);
/* Move a list's selection (of n rows, page rows a page) as action a
 * says; false when a is not a move. */
bool ui_list_move(enum ui_act a, size_t *sel, size_t n, size_t page);

/* ---- ui_input.c ------------------------------------------------------- */
bool in_terminal_usable(void);
void in_start(void);
void in_paste_on(void);
void in_paste_off(void);
/* The next key within ms milliseconds (ms < 0: no limit). */
bool in_key(ui *u, int ms, ui_key *k);
/* Whether another key follows within IN_BURST_MS (it is kept for in_key). */
bool in_burst(ui *u);
/* Drop keys until none comes for IN_BURST_MS; how many were dropped (a
 * resize among them is not dropped but is the next key). */
size_t in_flush(ui *u);
/* The text of the last bracketed paste; *cut: it was longer than kijun takes. */
const uint32_t *in_paste(size_t *n, bool *cut);
void in_free(void);

/* ---- ui_script.c ------------------------------------------------------ */
/* The scripted mode for tests (KIJUN_SCRIPT=FILE; see ui_script.c).
 * scr_start reads the script: 0, or 2 after a message for a bad one. */
int scr_start(void);
bool scr_active(void);
/* The script's next key; timed: asked within a key's handling, where only
 * the rest of a paste or burst has arrived.  False when none is there. */
bool scr_key(bool timed, ui_key *k);
void scr_stop(void);

/* ---- ui_draw.c -------------------------------------------------------- */
attr_t ud_attr(const ui *u, enum ui_color c);
int ud_text(int y, int x, int width, const char *s, attr_t a);
int ud_wrapped(int y, int x, int width, int maxrows, const char *s, attr_t a);
/* The same, the first part of each row that holds query (folded, see
 * txt_fold; NULL: none) in reverse video. */
int ud_wrapped_hl(int y, int x, int width, int maxrows, const char *s, attr_t a, const char *query);
int ud_marked(int y, int x, int width, const char *s, attr_t a, unsigned le_flags);
/* A multi-line field's text (code points, as lineedit keeps them) laid
 * out in rows of width columns, a line break ending its row after its
 * mark.  Draws rows first..first+maxrows-1 at (y, x); the cell of code
 * point cur (-1: none) goes to *cy, *cx.  Returns the rows the whole text
 * takes (at least one). */
int ud_flow(int y, int x, int width, const uint32_t *cp, size_t n, unsigned flags, int first, int maxrows, attr_t a,
            long cur, int *cy, int *cx);
/* Show code points [from, to) of a text drawn by ud_flow (same
 * arguments) with attribute a instead: a search match in a note. */
void ud_flow_mark(int y, int x, int width, const uint32_t *cp, size_t n, unsigned flags, int first, int maxrows,
                  size_t from, size_t to, attr_t a);
void ud_fill(int y, attr_t a);
void ud_titlebar(const ui *u, const char *left, const char *right);
void ud_keybar(const ui *u, const char *const *items, size_t n);
void ud_status(const ui *u);
/* The same, with legend (a screen's marks explained) before the file's
 * name when there is no message. */
void ud_status_legend(const ui *u, const char *legend);
void ud_bar(int y, int x, int width, unsigned met, unsigned applicable, attr_t a);
/* The focus of the screen being drawn: the first cell of the selected
 * row, field or the question's text.  After every draw the hardware
 * cursor is put there (hidden, unless a field is being edited), because
 * screen readers and braille displays take the cursor as the focus. */
void ud_focus(int y, int x);
/* The focus said since the last call, and forget it; false when none. */
bool ud_focus_take(int *y, int *x);

/* ---- ui_search.c ------------------------------------------------------ */
/* Ask for a search and open its first match at or after from. */
void search_start(ui *u, size_t from);
/* The last search again, from from onwards (dir < 0: backwards); false
 * when there was none. */
bool search_again(ui *u, size_t from, int dir);
/* Ask for a question or item number and open it. */
void search_goto(ui *u);
/* Open the first question at or after pos, wrapping around, that is
 * unanswered, whose answer awaits reconfirmation or lacks its reason. */
void search_next_open(ui *u, size_t pos);
void search_free(ui *u);

/* ---- ui_undo.c -------------------------------------------------------- */
/* Keep the answer to qi as it is now, before it changes. */
void undo_remember_answer(ui *u, size_t qi);
/* Keep profile field f as it is now, before the form changes it. */
void undo_remember_profile(ui *u, enum ans_field f);
/* The same for the answer to scope question si. */
void undo_remember_scope(ui *u, size_t si);
/* Undo the last change (again: redo it), as u does. */
void undo_apply(ui *u);
void undo_free(ui *u);

/* ---- ui_edit.c -------------------------------------------------------- */

/* The fields the editor edits, for the screen that draws it. */
enum ui_edit { ED_NONE, ED_NOTE, ED_EVIDENCE, ED_SEARCH, ED_PROFILE, ED_PLAN, ED_PLAN_ACTION };
/* How an edit ended: Enter, Esc, or kijun leaving (save, do not move). */
enum ed_end { ED_SAVE, ED_CANCEL, ED_LEAVE };
/* Told of the end of an edit: the text, and whether it differs from the
 * text the editor opened with. */
typedef void ed_done_fn(ui *u, enum ed_end how, const char *text, bool changed);

/* Open the editor on text for the field what, labelled label; done is
 * told how it ended. */
void ed_start(ui *u, enum ui_edit what, const char *label, const char *text, ed_done_fn *done);
enum ui_edit ed_active(const ui *u);
/* The open field may not be saved empty (blank): Enter says why, and the
 * field stays open. */
void ed_require(ui *u, const char *why);
/* Draw the field from row y on, in at most rows rows (a one-line field
 * takes one), its label in lw columns (lw <= 0: the label's own width). */
void ed_draw(ui *u, int y, int lw, int rows);
/* The rows the text being edited takes in a field width columns wide. */
int ed_rows(const ui *u, int width);
void ed_key(ui *u, ui_key k);
/* The key bar while editing: the editor's own keys. */
void ed_keybar(ui *u);
/* End the edit as how says (nothing when none is open). */
void ed_finish(ui *u, enum ed_end how);
/* Where the cursor shows while editing; false when hidden. */
bool ed_cursor(const ui *u, int *y, int *x);
/* At the session's end: the editor's memory. */
void ed_free(ui *u);

#endif
