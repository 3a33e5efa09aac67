/* ui_keys: every key binding of the interactive session, in one table (in
 * the manner of tig's request table).  The screens ask it what a key
 * means in their scope; the help screen lists it; tests/cli/docs.sh reads
 * its shown keys to check that kijun(1) names each of them.  A key typed
 * with a Japanese input method on (full-width ASCII, the ideographic
 * space) means the same as its ASCII key. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/ui_internal.h"

/* A function key in the table: KEY_* as a negative number, so that it
 * cannot be mistaken for a character. */
#define FN(k) (-(int) (k))

typedef struct ui_binding
{
  enum ui_scope scope;
  enum ui_act act;
  const char *shown;          /* the keys as the help and kijun(1) name them; NULL: not listed */
  const char *help;           /* N_() */
  int keys[6];                /* characters, or FN(KEY_*); 0 ends */
} ui_binding;

/* One row: scope, action, the keys as shown, what they do, the keys.  A
 * row without shown keys adds keys to the row above it in the help. */
#define B(sc, act, shown, help, ...) { sc, act, shown, help, { __VA_ARGS__, 0 } }

static const ui_binding bindings[] = {
  B(KS_GLOBAL, A_HELP, "? F1", N_("this help"), '?', FN(KEY_F(1))),
  B(KS_GLOBAL, A_LANG, "L", N_("switch language (interface and questions)"), 'L'),
  B(KS_GLOBAL, A_SUMMARY, "s", N_("coverage summary"), 's'),
  B(KS_GLOBAL, A_PLAN_LIST, "P", N_("improvement plan: every question not met"), 'P'),
  B(KS_GLOBAL, A_PROFILE, "p", N_("respondent profile"), 'p'),
  B(KS_GLOBAL, A_REPORTS, "R", N_("write the reports (HTML, Excel workbook, text) beside the answers file"), 'R'),
  B(KS_GLOBAL, A_QUIT, "q", N_("quit: shows the summary; any key leaves, Esc returns"), 'q'),
  B(KS_GLOBAL, A_REDRAW, "Ctrl-L", N_("redraw the screen"), UI_CTRL('L')),

  B(KS_OVERVIEW, A_UP, "Up Down k j", N_("move"), FN(KEY_UP), 'k'),
  B(KS_OVERVIEW, A_DOWN, NULL, NULL, FN(KEY_DOWN), 'j'),
  B(KS_OVERVIEW, A_PGUP, "PgUp PgDn Home End", N_("move by page, to the first or last item"), FN(KEY_PPAGE)),
  B(KS_OVERVIEW, A_PGDN, NULL, NULL, FN(KEY_NPAGE)),
  B(KS_OVERVIEW, A_HOME, NULL, NULL, FN(KEY_HOME)),
  B(KS_OVERVIEW, A_END, NULL, NULL, FN(KEY_END)),
  B(KS_OVERVIEW, A_OPEN, "Enter", N_("open the item's first question in that phase"), '\r', '\n',
    FN(KEY_ENTER)),
  B(KS_OVERVIEW, A_UNANSWERED, "Tab", N_("next question to answer, reconfirm or give a reason"), '\t'),
  B(KS_OVERVIEW, A_SEARCH, "/", N_("search question text, ids, notes and evidence"), '/'),
  B(KS_OVERVIEW, A_FILTER, "f", N_("filter list: unknown, partial, reason missing, to reconfirm, for review, "
                                   "notes and evidence, not implemented, unanswered"), 'f'),
  B(KS_OVERVIEW, A_GOTO, "g :", N_("go to a question or item by its number (5.1.3.3, 5.1.3.3-a)"), 'g', ':'),

  B(KS_QUESTION, A_ANSWERS, NULL, NULL, 0),
  B(KS_QUESTION, A_NOTE, "e / v", N_("edit the note / the evidence reference"), 'e'),
  B(KS_QUESTION, A_EVIDENCE, NULL, NULL, 'v'),
  B(KS_QUESTION, A_PLAN, "a", N_("edit the plan: action, owner, due and done dates (YYYY-MM-DD)"), 'a'),
  /* No letters move here: a letter is a command, and words typed by
   * mistake must not walk away from the question (see ui.c, typing). */
  B(KS_QUESTION, A_PREV, "Left Right Up Down", N_("previous / next question (leaving one unanswered says so)"),
    FN(KEY_LEFT), FN(KEY_UP)),
  B(KS_QUESTION, A_NEXT, NULL, NULL, FN(KEY_RIGHT), FN(KEY_DOWN)),
  B(KS_QUESTION, A_PREV_ITEM, "PgUp PgDn", N_("previous / next item"), FN(KEY_PPAGE)),
  B(KS_QUESTION, A_NEXT_ITEM, NULL, NULL, FN(KEY_NPAGE)),
  B(KS_QUESTION, A_FIRST, "Home End", N_("first / last question"), FN(KEY_HOME)),
  B(KS_QUESTION, A_LAST, NULL, NULL, FN(KEY_END)),
  B(KS_QUESTION, A_UNANSWERED, "Tab", N_("next question to answer, reconfirm or give a reason"), '\t'),
  B(KS_QUESTION, A_HOW, "Enter Space", N_("say how to answer (a digit) and how to write a note (e)"), '\r', '\n',
    ' ', FN(KEY_ENTER)),
  B(KS_QUESTION, A_SEARCH, "/ n N", N_("search (Enter alone repeats the last) / next / previous match"), '/'),
  B(KS_QUESTION, A_SEARCH_NEXT, NULL, NULL, 'n'),
  B(KS_QUESTION, A_SEARCH_PREV, NULL, NULL, 'N'),
  B(KS_QUESTION, A_FILTER, "f", N_("filter list"), 'f'),
  B(KS_QUESTION, A_REVIEW, "m", N_("mark or unmark the question for review"), 'm'),
  B(KS_QUESTION, A_UNDO, "u", N_("undo the last change (again: redo)"), 'u'),
  B(KS_QUESTION, A_GOTO, "g :", N_("go to a question or item by its number"), 'g', ':'),
  B(KS_QUESTION, A_BACK, "Esc", N_("back to the overview (or the plan screen)"), UI_ESC),

  B(KS_LIST, A_UP, NULL, NULL, FN(KEY_UP), 'k'),
  B(KS_LIST, A_DOWN, NULL, NULL, FN(KEY_DOWN), 'j'),
  B(KS_LIST, A_PGUP, NULL, NULL, FN(KEY_PPAGE)),
  B(KS_LIST, A_PGDN, NULL, NULL, FN(KEY_NPAGE)),
  B(KS_LIST, A_HOME, NULL, NULL, FN(KEY_HOME)),
  B(KS_LIST, A_END, NULL, NULL, FN(KEY_END)),
  B(KS_LIST, A_FILTER_NEXT, "f Right Left", N_("next / previous filter"), 'f', FN(KEY_RIGHT)),
  B(KS_LIST, A_FILTER_PREV, NULL, NULL, FN(KEY_LEFT)),
  B(KS_LIST, A_OPEN, "Enter", N_("open the question; Esc there comes back"), '\r', '\n', FN(KEY_ENTER)),
  B(KS_LIST, A_BACK, NULL, NULL, UI_ESC),

  B(KS_REPORTS, A_OPEN, "Enter", N_("write the reports (asks before replacing a file)"), '\r', '\n',
    FN(KEY_ENTER)),
  B(KS_REPORTS, A_FOLDER, "d", N_("write them into another folder (typed; Enter keeps it)"), 'd'),
  B(KS_REPORTS, A_BACK, "Esc", N_("back"), UI_ESC),

  B(KS_PLAN, A_UP, "Up Down k j", N_("move"), FN(KEY_UP), 'k'),
  B(KS_PLAN, A_DOWN, NULL, NULL, FN(KEY_DOWN), 'j'),
  B(KS_PLAN, A_PGUP, NULL, NULL, FN(KEY_PPAGE)),
  B(KS_PLAN, A_PGDN, NULL, NULL, FN(KEY_NPAGE)),
  B(KS_PLAN, A_HOME, NULL, NULL, FN(KEY_HOME)),
  B(KS_PLAN, A_END, NULL, NULL, FN(KEY_END)),
  B(KS_PLAN, A_OPEN, "Enter", N_("open the question"), '\r', '\n', FN(KEY_ENTER)),
  B(KS_PLAN, A_BACK, "Esc", N_("back"), UI_ESC),

  /* Help and summary pages. */
  B(KS_PAGE, A_UP, NULL, NULL, FN(KEY_UP), 'k'),
  B(KS_PAGE, A_DOWN, NULL, NULL, FN(KEY_DOWN), 'j'),
  B(KS_PAGE, A_PGUP, NULL, NULL, FN(KEY_PPAGE)),
  B(KS_PAGE, A_PGDN, NULL, NULL, FN(KEY_NPAGE)),
  B(KS_PAGE, A_HOME, NULL, NULL, FN(KEY_HOME)),
  B(KS_PAGE, A_END, NULL, NULL, FN(KEY_END)),
  B(KS_PAGE, A_BACK, NULL, NULL, UI_ESC),

  /* The summary shown by q: any other key leaves. */
  B(KS_QUIT, A_UP, NULL, NULL, FN(KEY_UP)),
  B(KS_QUIT, A_DOWN, NULL, NULL, FN(KEY_DOWN)),
  B(KS_QUIT, A_PGUP, NULL, NULL, FN(KEY_PPAGE)),
  B(KS_QUIT, A_PGDN, NULL, NULL, FN(KEY_NPAGE)),
  B(KS_QUIT, A_HOME, NULL, NULL, FN(KEY_HOME)),
  B(KS_QUIT, A_END, NULL, NULL, FN(KEY_END)),
  B(KS_QUIT, A_BACK, NULL, NULL, UI_ESC),

  B(KS_PROFILE, A_UP, "Up Down Tab Shift-Tab", N_("select a field, or the way on to the questions"), FN(KEY_UP),
    FN(KEY_BTAB)),
  B(KS_PROFILE, A_DOWN, NULL, NULL, FN(KEY_DOWN), '\t'),
  B(KS_PROFILE, A_OPEN, "Enter", N_("edit the field (saved with Enter, then the next one); on the last row: "
                                    "go on to the questions"), '\r', '\n', FN(KEY_ENTER)),
  B(KS_PROFILE, A_NONE, N_("characters"), N_("typing starts editing the selected field with what is typed (on the "
                                              "sector: searches the list); ? and letters are text here, F1 is help"), 0),
  B(KS_PROFILE, A_NONE, "y n Space", N_("on a scope question: yes, no; Space or Enter goes round yes, no and "
                                        "not answered"), 0),
  B(KS_PROFILE, A_BACK, "Esc", N_("close the form"), UI_ESC),

  /* Letters search the list (type-ahead): no letter moves. */
  B(KS_PICKER, A_UP, NULL, NULL, FN(KEY_UP)),
  B(KS_PICKER, A_DOWN, NULL, NULL, FN(KEY_DOWN)),
  B(KS_PICKER, A_PGUP, NULL, NULL, FN(KEY_PPAGE)),
  B(KS_PICKER, A_PGDN, NULL, NULL, FN(KEY_NPAGE)),
  B(KS_PICKER, A_HOME, NULL, NULL, FN(KEY_HOME)),
  B(KS_PICKER, A_END, NULL, NULL, FN(KEY_END)),
  B(KS_PICKER, A_ED_BACKSPACE, NULL, NULL, FN(KEY_BACKSPACE), UI_CTRL('H'), UI_DEL),
  B(KS_PICKER, A_OPEN, NULL, NULL, '\r', '\n', FN(KEY_ENTER)),
  B(KS_PICKER, A_BACK, NULL, NULL, UI_ESC),

  B(KS_EDIT, A_ED_LEFT, "Left Right", N_("move by character"), FN(KEY_LEFT), UI_CTRL('B')),
  B(KS_EDIT, A_ED_RIGHT, NULL, NULL, FN(KEY_RIGHT), UI_CTRL('F')),
  B(KS_EDIT, A_ED_UP, "Up Down ^P ^N", N_("move by row (note and evidence shown on several rows)"), FN(KEY_UP),
    UI_CTRL('P')),
  B(KS_EDIT, A_ED_DOWN, NULL, NULL, FN(KEY_DOWN), UI_CTRL('N')),
  B(KS_EDIT, A_ED_HOME, "Home End ^A ^E", N_("start / end of the text"), FN(KEY_HOME), UI_CTRL('A')),
  B(KS_EDIT, A_ED_END, NULL, NULL, FN(KEY_END), UI_CTRL('E')),
  B(KS_EDIT, A_ED_BACKSPACE, "Backspace Del ^D", N_("delete a character"), FN(KEY_BACKSPACE), UI_CTRL('H'),
    UI_DEL),
  B(KS_EDIT, A_ED_DELETE, NULL, NULL, FN(KEY_DC), UI_CTRL('D')),
  B(KS_EDIT, A_ED_KILL_START, "^U ^K", N_("delete to the start / to the end"), UI_CTRL('U')),
  B(KS_EDIT, A_ED_KILL_END, NULL, NULL, UI_CTRL('K')),
  B(KS_EDIT, A_ED_NEWLINE, "^J Alt-Enter", N_("line break (note and evidence)"), '\n', FN(UI_KEY_NEWLINE)),
  B(KS_EDIT, A_ED_TAB, "Tab", N_("tab (note and evidence)"), '\t'),
  B(KS_EDIT, A_ED_SAVE, "Enter", N_("save"), '\r', FN(KEY_ENTER)),
  B(KS_EDIT, A_ED_CANCEL, "Esc", N_("cancel; a changed text asks first: y discards, Esc goes on editing (once; "
                                    "asked again, Esc discards), Enter saves"), UI_ESC),
  B(KS_EDIT, A_ED_PASTE, NULL, NULL, FN(UI_KEY_PASTE)),
};

/* The help page's heading of each scope; NULL: not in the help. */
static const char *const headings[KS_COUNT] = {
  [KS_GLOBAL] = N_("Everywhere (except while editing text)"),
  [KS_OVERVIEW] = N_("Overview"),
  [KS_QUESTION] = N_("Question view"),
  [KS_PLAN] = N_("Plan screen"),
  [KS_LIST] = N_("Filter list"),
  [KS_REPORTS] = N_("Reports panel (R)"),
  [KS_PROFILE] = N_("Respondent profile"),
  [KS_EDIT] = N_("Editing text"),
};

enum ui_act
uk_action(enum ui_scope sc, ui_key k)
{
  int code = k.fn ? FN(k.ch) : (int) k.ch;
  for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
    if (bindings[i].scope == sc)
      for (const int *c = bindings[i].keys; *c; c++)
        if (*c == code)
          return bindings[i].act;
  return A_NONE;
}

/* One row: the keys padded to kw columns, then what they do, wrapped to
 * width with its further lines under the first. */
static void
help_row(FILE *m, const char *keys, int kw, const char *what, int width)
{
  fputs("  ", m);
  txt_pad(m, keys, kw);
  fputs("  ", m);
  uk_wrap(m, _(what), kw + 4, width);
}

void
uk_wrap(FILE *m, const char *text, int indent, int width)
{
  txt_line *lines;
  int w = width - indent > 20 ? width - indent : 20;
  size_t n = txt_wrap(text, w, &lines);
  for (size_t i = 0; i < n; i++)
    fprintf(m, "%*s%.*s\n", i ? indent : 0, "", (int) lines[i].len, text + lines[i].off);
  free(lines);
}

char *
uk_help_text(int width)
{
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  int kw = 1;
  size_t n = sizeof bindings / sizeof bindings[0];
  for (size_t i = 0; i < n; i++)
    if (bindings[i].shown && headings[bindings[i].scope] && txt_width(_(bindings[i].shown)) > kw)
      kw = txt_width(_(bindings[i].shown));
  bool first = true;
  for (int sc = 0; sc < KS_COUNT; sc++)
    {
      if (!headings[sc])
        continue;
      fprintf(m, "%s%s\n", first ? "" : "\n", _(headings[sc]));
      first = false;
      for (size_t i = 0; i < n; i++)
        {
          const ui_binding *b = &bindings[i];
          if ((int) b->scope != sc)
            continue;
          if (b->act == A_ANSWERS)
            for (int k = 0; k < ANS_STATUS_COUNT; k++)
              {
                const ans_status_info *st = &ans_statuses[ans_status_nth(k)];
                help_row(m, (char[]){ st->digit, '\0' }, kw, st->help, width);
              }
          else if (b->shown)
            help_row(m, _(b->shown), kw, b->help, width);
        }
    }
  fclose(m);
  return text;
}
