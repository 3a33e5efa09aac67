/* ui_undo: u takes back the session's last change and u again redoes it,
 * whichever screen made it: an answer (its status, note, evidence, plan or
 * mark), a profile field or a scope answer.  One change is kept, in the
 * session (struct ui), so that a second stray u can only undo the undo,
 * never carry a mistake further back. */
#include <config.h>

#include <stdlib.h>

#include "base/i18n.h"
#include "base/xalloc.h"
#include "tui/ui_internal.h"

void
undo_free(ui *u)
{
  ui_undo *d = &u->undo;
  if (d->kind == UNDO_ANSWER)
    ans_entry_free(&d->e);
  free(d->value);
  d->value = NULL;
  d->kind = UNDO_NONE;
}

void
undo_remember_answer(ui *u, size_t qi)
{
  undo_free(u);
  ans_entry_dup(&u->undo.e, &u->s->a->e[qi]);
  u->undo.qi = qi;
  u->undo.kind = UNDO_ANSWER;
  u->undo.undone = false;
}

void
undo_remember_profile(ui *u, enum ans_field f)
{
  undo_free(u);
  u->undo.field = f;
  u->undo.value = u->s->a->profile[f] ? xstrdup(u->s->a->profile[f]) : NULL;
  u->undo.kind = UNDO_PROFILE;
  u->undo.undone = false;
}

void
undo_remember_scope(ui *u, size_t si)
{
  undo_free(u);
  u->undo.scope = si;
  u->undo.scope_value = ans_scope_of(u->s->a, si);
  u->undo.kind = UNDO_SCOPE;
  u->undo.undone = false;
}

/* A scope answer back as it was (the questions it governs follow). */
static void
undo_scope_answer(ui *u)
{
  ui_undo *d = &u->undo;
  enum ans_scope was = d->scope_value;
  d->scope_value = ans_scope_of(u->s->a, d->scope);
  ans_set_scope(u->s->a, u->s->qn->scopes[d->scope].id, was);
  ui_changed(u);
  d->undone = !d->undone;
  const char *text = qn_tr(&u->s->qn->scopes[d->scope].text, i18n_lang());
  ui_set_msg(u, false, d->undone ? _("Undone: %s is \"%s\" again (u: redo).") : _("Redone: %s is \"%s\" again (u: undo)."),
             text, ans_scope_name(was));
}

/* A profile field back as it was, where the respondent is. */
static void
undo_profile(ui *u)
{
  ui_undo *d = &u->undo;
  const char *now = u->s->a->profile[d->field];
  char *was = d->value;
  d->value = now ? xstrdup(now) : NULL;
  ans_set_profile(u->s->a, d->field, was);
  ui_changed(u);
  now = ans_profile_shown(u->s->qn, u->s->a, d->field, i18n_lang());
  d->undone = !d->undone;
  /* TRANSLATORS: after u: a profile field and its value as they are
     again; the second form when the field is empty again.  "Redone"
     when u brought back what the u before it undid. */
  if (now)
    ui_set_msg(u, false, d->undone ? _("Undone: %s is \"%s\" again (u: redo).") : _("Redone: %s is \"%s\" again (u: undo)."),
               ans_field_name(d->field), now);
  else
    ui_set_msg(u, false, d->undone ? _("Undone: %s is empty again (u: redo).") : _("Redone: %s is empty again (u: undo)."),
               ans_field_name(d->field));
  free(was);
}

void
undo_apply(ui *u)
{
  ui_undo *d = &u->undo;
  switch (d->kind)
    {
    case UNDO_NONE: ui_set_msg(u, false, "%s", _("Nothing to undo yet.")); return;
    case UNDO_PROFILE: undo_profile(u); return;
    case UNDO_SCOPE: undo_scope_answer(u); return;
    case UNDO_ANSWER: break;
    }
  ans_entry now;
  ans_entry_dup(&now, &u->s->a->e[d->qi]);
  ans_copy_entry(u->s->a, d->qi, &d->e);
  u->s->a->e[d->qi].review = d->e.review;
  ans_entry_free(&d->e);
  d->e = now;
  ui_changed(u);
  ui_open_question(u, u->s->qn->rank[d->qi], SCR_COUNT);
  const ans_entry *e = &u->s->a->e[d->qi];
  d->undone = !d->undone;
  /* TRANSLATORS: after u: the question and its answer as they are
     again; "Redone" when u brought back what the u before it undid. */
  ui_set_msg(u, false, d->undone ? _("Undone: %s is %s again (u: redo).") : _("Redone: %s is %s again (u: undo)."),
             u->s->qn->questions[d->qi].id, ans_status_name(e->status));
}
