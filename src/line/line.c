/* line: the line mode (see line.h).
 *
 * Every question is printed once, as plain lines that a screen reader
 * speaks in order and a script can match: where it stands ("Question 12
 * of 224, 11 answered"), its id, level and item, its text, what is
 * recorded, the answers by number and the current one named.  The
 * respondent types one line: a number answers and moves on, Enter alone
 * keeps the answer and moves on, and a few letters do the rest (? lists
 * them).  Nothing is ever redrawn, nothing moves by itself, and no
 * terminal control is sent.
 *
 * A change is saved as soon as it is made (with the position, as the
 * screens save it), under the lock the screens take.  A signal that would
 * end the process ends the dialogue as q does, keeping a note that was
 * being typed; the end of the input is q too. */
#include <config.h>
#include "line/line.h"
#include "line/line_int.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "front/run.h"
#include "model/coverage.h"
#include "model/find.h"
#include "model/plan.h"
#include "ops/cycle.h"
#include "report/report.h"

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
  got_signal = sig;
}


/* Print s safe to show (control characters escaped, line breaks kept). */
void
line_put(const char *s)
{
  char *clean = txt_sanitize(s, false);
  fputs(clean, stdout);
  free(clean);
}

void
line_say(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char *s = NULL;
  if (vasprintf(&s, fmt, ap) < 0)
    s = NULL;
  va_end(ap);
  if (s)
    line_put(s);
  putchar('\n');
  free(s);
}

/* ---- saving ------------------------------------------------------------ */

/* Save now, with the respondent at the question shown. */
static void
save(lm *m)
{
  const questionnaire *q = qn_of(m);
  size_t p = m->pos < q->nquestions ? m->pos : q->nquestions - 1;
  char *msg;
  int rc = run_save(m->s, q->questions[qi_at(m, p)].id, &m->told, m->why, &msg);
  if (rc == 0 && m->dirty)
    line_say(_("Saved to %s."), m->s->path);
  m->dirty = rc != 0;
  /* A save that fails as the last one did is not said again after every
   * answer: a screen reader would read it each time. */
  if (msg && !(rc && m->failed && strcmp(msg, m->failed) == 0))
    line_say("%s", msg);
  free(m->failed);
  m->failed = rc ? msg : NULL;
  if (!rc)
    free(msg);
}

/* Save what is pending and leave: 0, or EX_IOERR after a rescue copy. */
static int
final_save(lm *m)
{
  if (m->typing)
    {
      /* The lines typed so far of a note or evidence are kept. */
      (m->typing_note ? ans_set_note : ans_set_evidence)(m->s->a, m->typing_qi, m->typing);
      /* As the screens do: the answer that asked for the reason is
       * given with it. */
      if (m->pending >= 0 && ans_has_reason(&m->s->a->e[m->typing_qi]))
        ans_set_status(m->s->a, m->typing_qi, (enum ans_status) m->pending);
      free(m->typing);
      m->typing = NULL;
      m->dirty = true;
    }
  if (!m->dirty)
    return 0;
  save(m);
  if (!m->dirty)
    return 0;
  char *rescued = run_rescue(m->s);
  fflush(stdout);
  run_report_rescue(m->s, m->why, rescued);
  free(rescued);
  return EX_IOERR;
}

static void
leave_on_signal(lm *m)
{
  if (!got_signal)
    return;
  int sig = got_signal;
  putchar('\n');
  int rc = final_save(m);
  if (rc == 0)
    line_say(_("Saved to %s."), m->s->path);
  fflush(stdout);
  _exit(128 + sig);
}

/* A change was made: save it at once. */
static void
changed(lm *m)
{
  save(m);
}

/* ---- reading ------------------------------------------------------------ */

/* Print prompt and read one line, without its line end; NULL at the end
 * of the input.  The line is valid UTF-8 (else it is asked again). */
static char *
ask(lm *m, const char *prompt)
{
  for (;;)
    {
      line_put(prompt);
      fputs(" ", stdout);
      fflush(stdout);
      char *line = NULL;
      size_t cap = 0;
      leave_on_signal(m);
      errno = 0;
      ssize_t n = getline(&line, &cap, stdin);
      leave_on_signal(m);
      if (n < 0)
        {
          free(line);
          if (errno == EINTR)
            {
              clearerr(stdin);
              continue;
            }
          putchar('\n');
          return NULL;
        }
      while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
      if (m->echo)
        {
          line_put(line);
          putchar('\n');
        }
      size_t bad;
      if (!txt_valid_utf8(line, (size_t) n, &bad))
        {
          line_say("%s", _("That line is not valid UTF-8; type it again."));
          free(line);
          continue;
        }
      return line;
    }
}

/* The line with spaces around it removed, in place. */
static char *
trim(char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    s[--n] = '\0';
  return s;
}

/* A one-character command as ASCII: full-width forms (what an input
 * method left on sends) as their ASCII; 0 when s is not one character. */
static int
one_char(const char *s)
{
  uint32_t cp;
  int len = txt_decode(s, strlen(s), &cp);
  if (len <= 0 || s[len] != '\0')
    return 0;
  cp = txt_halfwidth(cp);
  return cp < 128 ? (int) cp : 0;
}

/* Read a text of several lines, ended by a line holding only ".", for
 * question qi's note (note) or evidence.  Returns the text (newly
 * allocated; "" when it is to be cleared), or NULL to keep the old one:
 * "." at once, or the end of the input before anything was typed. */
static char *
read_text(lm *m, size_t qi, bool note)
{
  m->typing_qi = qi;
  m->typing_note = note;
  char *text = NULL;
  for (;;)
    {
      char *line = ask(m, "|");
      if (!line || strcmp(line, ".") == 0)
        {
          free(line);
          break;
        }
      if (!text && strcmp(line, "-") == 0)
        {
          free(line);
          text = xstrdup("");
          continue;
        }
      char *next = text && *text ? xasprintf("%s\n%s", text, line) : xstrdup(line);
      free(text);
      free(line);
      text = next;
      free(m->typing);
      m->typing = xstrdup(text);
    }
  free(m->typing);
  m->typing = NULL;
  return text;
}

/* ---- acting ------------------------------------------------------------ */

/* After the answer to the question shown: say what was recorded and how
 * many are answered, and go on (past the last one: the end). */
static void
move_on(lm *m, size_t qi)
{
  const questionnaire *q = qn_of(m);
  const qn_question *x = &q->questions[qi];
  enum ans_status st = m->s->a->e[qi].status;
  coverage c;
  line_figures(m, &c);
  char *msg = xasprintf(_("%s: %s - answered %u/%u"), x->id, ans_status_name(st), cov_answered(c.all),
                        cov_total(c.all));
  cov_free(&c);
  if (st != ANS_NONE)
    {
      m->pos++;
      if (m->pos < q->nquestions)
        {
          const qn_question *next = &q->questions[qi_at(m, m->pos)];
          if (next->phase != x->phase && !(m->phases_said & 1u << x->phase))
            {
              m->phases_said |= 1u << x->phase;
              char *more = xasprintf(_("%s done, on to %s"), qn_phase_name(x->phase), qn_phase_name(next->phase));
              char *both = xasprintf("%s. %s", msg, more);
              free(more);
              free(msg);
              msg = both;
            }
        }
    }
  line_say("%s", msg);
  free(msg);
}

/* Set note (note) or evidence of qi from text ("": clear); true if it changed. */
static bool
set_text(lm *m, size_t qi, bool note, const char *text)
{
  const ans_entry *e = &m->s->a->e[qi];
  const char *old = note ? e->note : e->evidence;
  if ((old ? old : "")[0] == '\0' && !*text)
    return false;
  if (old && strcmp(old, text) == 0)
    return false;
  (note ? ans_set_note : ans_set_evidence)(m->s->a, qi, text);
  return true;
}

/* e or v: write the note or evidence of the question shown; inline is
 * text typed after the letter, or NULL. */
static void
edit_text(lm *m, bool note, const char *inline_text)
{
  size_t qi = qi_at(m, m->pos);
  char *text;
  if (inline_text && *inline_text)
    text = xstrdup(strcmp(inline_text, "-") == 0 ? "" : inline_text);
  else
    {
      line_say("%s", note ? _("Note: type it on the lines that follow, then a line holding only a full stop (.).")
                     : _("Evidence: type it on the lines that follow, then a line holding only a full stop (.)."));
      text = read_text(m, qi, note);
    }
  if (!text)
    {
      line_say("%s", _("Kept as it was."));
      return;
    }
  if (set_text(m, qi, note, text))
    {
      changed(m);
      line_say("%s", note ? _("Note saved.") : _("Evidence saved."));
    }
  else
    line_say("%s", _("Kept as it was."));
  free(text);
}

static void
answer(lm *m, enum ans_status st)
{
  size_t qi = qi_at(m, m->pos);
  if (ans_needs_reason(st) && !ans_has_reason(&m->s->a->e[qi]))
    {
      /* The reason is part of the answer: the answer is given with it,
       * or not at all. */
      line_say("%s", _("This answer needs a reason: type it on the lines that follow, then a line holding only a "
                  "full stop (.); a full stop at once leaves the answer as it was."));
      m->pending = (int) st;
      char *text = read_text(m, qi, true);
      m->pending = -1;
      if (text && set_text(m, qi, true, text) && ans_has_reason(&m->s->a->e[qi]))
        {
          ans_set_status(m->s->a, qi, st);
          move_on(m, qi);
          changed(m);
        }
      else
        line_say("%s", _("Not answered: that answer needs its reason."));
      free(text);
      return;
    }
  ans_set_status(m->s->a, qi, st);
  move_on(m, qi);
  changed(m);
}

/* a: the plan fields in turn; Enter keeps one, - clears it, a date must
 * be a date.  inline_text sets the action alone. */
static void
edit_plan(lm *m, const char *inline_text)
{
  size_t qi = qi_at(m, m->pos);
  if (inline_text && *inline_text)
    {
      ans_set_plan(m->s->a, qi, ANS_PLAN_ACTION, strcmp(inline_text, "-") == 0 ? NULL : inline_text);
      changed(m);
      line_say("%s", _("Plan saved."));
      return;
    }
  line_say("%s", _("Plan: Enter keeps a field as it is, a line holding only - clears it."));
  bool any = false;
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    {
      const char *cur = m->s->a->e[qi].plan[f];
      char *prompt = ans_plan_is_date((enum ans_plan) f)
                       ? xasprintf("%s (YYYY-MM-DD) [%s]:", ans_plan_name((enum ans_plan) f), cur ? cur : "")
                       : xasprintf("%s [%s]:", ans_plan_name((enum ans_plan) f), cur ? cur : "");
      char *line;
      for (;;)
        {
          line = ask(m, prompt);
          if (!line)
            break;
          char *t = trim(line);
          if (*t && strcmp(t, "-") != 0 && ans_plan_is_date((enum ans_plan) f) && !ans_valid_date(t))
            {
              line_say(_("\"%s\" is not a date; write YYYY-MM-DD, such as 2027-03-31, or Enter to keep it."), t);
              free(line);
              continue;
            }
          break;
        }
      free(prompt);
      if (!line)
        break;
      char *t = trim(line);
      if (*t)
        {
          ans_set_plan(m->s->a, qi, (enum ans_plan) f, strcmp(t, "-") == 0 ? NULL : t);
          any = true;
          changed(m);
        }
      free(line);
    }
  line_say("%s", any ? _("Plan saved.") : _("Kept as it was."));
}

/* g ID: a question opens; an item opens its first question. */
static void
go_to(lm *m, const char *text)
{
  size_t p;
  if (find_id(qn_of(m), text, &p))
    m->pos = p;
  else
    line_say(_("No question or item is numbered \"%s\"."), text);
}

/* /WORD: the first match after the question shown, wrapping around. */
static void
find(lm *m, const char *word)
{
  if (*word)
    {
      free(m->search);
      m->search = xstrdup(word);
    }
  if (!m->search)
    {
      line_say("%s", _("Type / and a word to search for, as in /backup."));
      return;
    }
  const questionnaire *q = qn_of(m);
  find_hit hit;
  if (!find_text(q, m->s->a, i18n_lang(), m->search, m->pos < q->nquestions ? m->pos + 1 : 0, 1, &hit))
    {
      line_say(_("No question matches \"%s\"."), m->search);
      return;
    }
  m->pos = hit.pos;
  /* TRANSLATORS: the line mode after a search: which match of how many. */
  line_say(_("Match %zu of %zu for \"%s\" (/ alone: the next)."), hit.rank, hit.count, m->search);
}

static void
toggle_review(lm *m)
{
  size_t qi = qi_at(m, m->pos);
  ans_entry *e = &m->s->a->e[qi];
  e->review = !e->review;
  changed(m);
  line_say(e->review ? _("%s is marked for review.") : _("%s is no longer marked for review."),
      qn_of(m)->questions[qi].id);
}

/* The scope questions, one by one: y or n answers, Enter keeps, - clears;
 * then how many questions are out of scope. */
static void
edit_scope(lm *m)
{
  const questionnaire *q = qn_of(m);
  for (size_t k = 0; k < q->nscopes; k++)
    {
      enum ans_scope was = ans_scope_of(m->s->a, k);
      /* TRANSLATORS: the line mode's prompt for a scope question: the
         question, then the current answer in brackets. */
      char *prompt = xasprintf(_("%s (y yes, n no) [%s]:"), qn_tr(&q->scopes[k].text, i18n_lang()),
                               ans_scope_name(was));
      char *line = NULL;
      int v = -1;
      for (;;)
        {
          line = ask(m, prompt);
          if (!line)
            break;
          char *t = trim(line);
          char *fold = txt_fold(t);
          v = !*fold ? (int) was : strcmp(fold, "-") == 0 ? ANS_SCOPE_UNSET
              : strcmp(fold, "y") == 0 ? ANS_SCOPE_YES : strcmp(fold, "n") == 0 ? ANS_SCOPE_NO : -1;
          free(fold);
          if (v >= 0)
            break;
          line_say("%s", _("Type y for yes, n for no, - to clear, or Enter to keep it."));
          free(line);
        }
      free(prompt);
      if (!line)
        return;
      free(line);
      if (v != (int) was)
        {
          ans_set_scope(m->s->a, q->scopes[k].id, (enum ans_scope) v);
          changed(m);
        }
    }
  if (!q->nscopes)
    return;
  size_t out = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    out += !ans_in_scope(m->s->a, i);
  line_say(ngettext("%zu question is out of scope now; answers typed on it are kept.",
               "%zu questions are out of scope now; answers typed on them are kept.", out),
      out);
}

/* The respondent profile, field by field: Enter keeps, - clears; the
 * sector by its number in the questionnaire's list. */
static void
edit_profile(lm *m)
{
  const questionnaire *q = qn_of(m);
  putchar('\n');
  line_say("%s", _("Respondent profile: Enter keeps a field as it is, a line holding only - clears it."));
  for (int f = 0; f < ANS_FORM_FIELDS; f++)
    {
      const char *shown = ans_profile_shown(q, m->s->a, (enum ans_field) f, i18n_lang());
      if (f == ANS_SECTOR)
        for (size_t k = 0; k < q->nsectors; k++)
          line_say("  %zu %s", k + 1, qn_tr(&q->sectors[k].name, i18n_lang()));
      char *prompt = f == ANS_SECTOR ? xasprintf(_("%s (a number) [%s]:"), ans_field_name((enum ans_field) f),
                                                 shown ? shown : "")
                                     : xasprintf("%s [%s]:", ans_field_name((enum ans_field) f), shown ? shown : "");
      char *line;
      const char *value = NULL;
      for (;;)
        {
          line = ask(m, prompt);
          if (!line)
            break;
          char *t = trim(line);
          value = t;
          if (f != ANS_SECTOR || !*t || strcmp(t, "-") == 0)
            break;
          char *fold = txt_fold(t), *end;
          unsigned long k = strtoul(fold, &end, 10);
          bool number = *end == '\0' && end != fold;
          free(fold);
          if (number && k >= 1 && k <= q->nsectors)
            {
              value = q->sectors[k - 1].id;
              break;
            }
          line_say(_("Type a number from 1 to %zu, - for none, or Enter to keep it."), q->nsectors);
          free(line);
        }
      free(prompt);
      if (!line)
        break;
      if (*value)
        {
          ans_set_profile(m->s->a, (enum ans_field) f, strcmp(value, "-") == 0 ? NULL : value);
          changed(m);
        }
      free(line);
    }
  edit_scope(m);
}

static void
switch_language(void)
{
  enum lang to = i18n_lang() == LANG_JA ? LANG_EN : LANG_JA;
  if (to == LANG_JA && !i18n_utf8())
    {
      line_say("%s", _("Japanese needs a UTF-8 terminal; start kijun with a UTF-8 locale."));
      return;
    }
  i18n_set_lang(to);
}

/* One command; false when it is time to leave.  Shows the question again
 * when the position changed. */
static bool
command(lm *m, char *raw)
{
  const questionnaire *q = qn_of(m);
  size_t was = m->pos;
  bool at_question = m->pos < q->nquestions;
  char *line = trim(raw);
  int c = one_char(line);
  int st = c ? ans_status_of_digit(c) : -1;
  /* A letter and the text that follows it: "e We use ...". */
  const char *rest = NULL;
  if (!c && (line[0] == 'e' || line[0] == 'v' || line[0] == 'a' || line[0] == 'g') && line[1] == ' ')
    {
      c = line[0];
      rest = trim(line + 1);
    }
  if (!*line)
    {
      if (at_question)
        m->pos++;
    }
  else if (line[0] == '/')
    find(m, trim(line + 1));
  else if (st >= 0 && at_question)
    answer(m, (enum ans_status) st);
  else
    switch (c)
      {
      case 'q': return false;
      case '?': line_show_help(); return true;
      case '<':
        if (m->pos)
          m->pos--;
        break;
      case '>':
        if (at_question)
          m->pos++;
        break;
      case 's': line_show_summary(m); return true;
      case 'p': edit_profile(m); break;
      case 'L': switch_language(); line_show(m); return true;
      case 't':
        {
          size_t p = ans_next_open(m->s->a, at_question ? (m->pos + 1) % q->nquestions : 0, true);
          if (p < q->nquestions)
            m->pos = p;
          else
            line_say("%s", _("Every question is answered."));
          break;
        }
      case 'g':
        if (rest && *rest)
          go_to(m, rest);
        else
          line_say("%s", _("Type g and a question or item number, as in g 2.1-a."));
        break;
      case 'h':
        if (at_question)
          {
            const qn_question *x = &q->questions[qi_at(m, m->pos)];
            line_say("%s", _("What would show it is done:"));
            line_say("%s", qn_tr(&x->hint, i18n_lang()));
          }
        return true;
      case 'e': case 'v': case 'a': case 'm':
        if (!at_question)
          {
            line_say("%s", _("There is no question here; type < to go back, or g and a question number."));
            return true;
          }
        if (c == 'm')
          toggle_review(m);
        else if (c == 'a')
          edit_plan(m, rest);
        else
          edit_text(m, c == 'e', rest);
        return true;
      default:
        line_say(_("Not understood: \"%s\". Type ? and Enter for help."), line);
        return true;
      }
  if (m->pos != was || m->pos >= q->nquestions || c == 'p')
    line_show(m);
  else if (at_question)
    {
      /* Still on the same question (the first, or a move that could not
       * go further): say so rather than print it again. */
      line_say(_("Still at question %s."), q->questions[qi_at(m, m->pos)].id);
    }
  return true;
}

/* What opening found, in a line or two: a read-only file, answers of
 * another edition, the language's fallback. */
static void
opening(lm *m, const char *prev_msg)
{
  const session *s = m->s;
  if (i18n_fallback_reason())
    line_say("%s", i18n_fallback_reason());
  if (prev_msg[0])
    line_say("%s", prev_msg);
  diag_print(&s->warn, stdout);
  coverage c;
  line_figures(m, &c);
  if (s->upgrade)
    line_say(_("Answers of edition %u opened with edition %u: %zu to reconfirm (t), %zu no longer asked (s)."),
        s->file_edition, s->qn->edition, c.nreconfirm, c.nretired);
  else if (c.nreconfirm || s->warn.n)
    line_say(_("%zu answers to reconfirm (t), %zu to questions no longer asked (s)."), c.nreconfirm, c.nretired);
  cov_free(&c);
  if (s->read_only)
    {
      char *t = session_read_only_text(s);
      line_say("%s", t);
      free(t);
    }
}

int
line_main(const char *path, const line_opts *o)
{
  session s;
  lock_t lk;
  assessment *pa;
  char prev_msg[256];
  int rc = run_open(path, o->qpath, o->prev, &s, &lk, &pa, prev_msg, sizeof prev_msg);
  if (rc)
    return rc;
  run_signals(on_signal, NULL);
  lm m = { 0 };
  m.s = &s;
  m.lk = &lk;
  m.prev = pa;
  m.prev_path = o->prev;
  m.echo = !isatty(STDIN_FILENO);
  m.pending = -1;
  if (o->why)
    /* TRANSLATORS: the first line of the line mode when kijun chose it;
       %s says why. */
    line_say(_("kijun: line mode, because %s."), o->why);
  char *name = txt_sanitize(s.path, true);
  /* TRANSLATORS: the line mode's first lines. */
  line_say(_("kijun %s, answers file %s. Type ? and Enter for help, q and Enter to leave."), VERSION, name);
  free(name);
  opening(&m, prev_msg);
  const questionnaire *q = s.qn;
  if (s.is_new)
    {
      edit_profile(&m);
      m.pos = 0;
    }
  else
    {
      long at = s.a->position ? qn_find_question(q, s.a->position) : -1;
      if (at >= 0)
        {
          m.pos = q->rank[at];
          coverage c;
          line_figures(&m, &c);
          line_say(_("Resuming where you left off: question %zu/%zu, answered %u/%u."), m.pos + 1, q->nquestions,
              cov_answered(c.all), cov_total(c.all));
          cov_free(&c);
        }
      else
        m.pos = ans_next_open(s.a, 0, false);
    }
  line_show(&m);
  for (;;)
    {
      /* TRANSLATORS: the line mode's prompt at a question: the digits
         that answer, as in "Answer 1-6, Enter keeps, ? help:". */
      char *prompt = m.pos < q->nquestions
                       ? xasprintf(_("Answer %c-%c, Enter keeps, ? help:"), ans_statuses[ans_status_nth(0)].digit,
                                   ans_statuses[ans_status_nth(ANS_STATUS_COUNT - 2)].digit)
                       : xstrdup(_("Command (q leaves, ? help):"));
      char *line = ask(&m, prompt);
      free(prompt);
      if (!line)
        break;
      bool go_on = command(&m, line);
      free(line);
      if (!go_on)
        break;
    }
  rc = final_save(&m);
  line_show_summary(&m);
  name = txt_sanitize(s.path, true);
  printf(_("Answers file: %s\n"), name);
  free(name);
  free(m.search);
  free(m.failed);
  run_close(&s, &lk, pa);
  return rc;
}
