/* ui_reports: the R panel, which writes the reports a respondent hands on
 * (the management report as HTML, the workbook as .xlsx, the text
 * report) without any shell: into the folder of the answers file, named
 * after the organisation and the date, never over a file without asking.
 * What it wrote is remembered for the summary shown on leaving. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "io/afile.h"
#include "ops/cycle.h"
#include "report/report.h"
#include "tui/ui_internal.h"

enum { RP_HTML, RP_XLSX, RP_TEXT, RP_COUNT };

static const struct
{
  enum report_fmt fmt;
  const char *ext;
} kinds[RP_COUNT] = {
  [RP_HTML] = { REPORT_HTML, "html" },
  [RP_XLSX] = { REPORT_XLSX, "xlsx" },
  [RP_TEXT] = { REPORT_TEXT, "txt" },
};

static const char *
kind_name(int k)
{
  switch (k)
    {
    case RP_HTML: return _("management report (HTML, for printing)");
    case RP_XLSX: return _("workbook (Excel)");
    default: return _("text report");
    }
}

/* The screen's state, created and freed through the screen table. */
typedef struct rp_state
{
  char *dir;                  /* where they go, absolute */
  char *chosen;               /* a folder chosen with d, or NULL: the answers file's */
  char *path[RP_COUNT];       /* the files, absolute */
  bool exists[RP_COUNT];
  bool asking;                /* whether to replace the files that exist */
} rp_state;

static void
clear_paths(rp_state *st)
{
  free(st->dir);
  st->dir = NULL;
  for (int k = 0; k < RP_COUNT; k++)
    {
      free(st->path[k]);
      st->path[k] = NULL;
    }
}

static void
rp_done(void *state)
{
  rp_state *st = state;
  clear_paths(st);
  free(st->chosen);
}

/* A file name from the organisation: what a file name cannot hold, or
 * what a shell or another system would stumble on, becomes '_'; at most
 * 60 bytes, cut on a character. */
static char *
name_part(const char *org)
{
  if (!org || !*org)
    return xstrdup("kijun");
  char *clean = txt_sanitize(org, true);
  size_t n = 0, cap = strlen(clean) + 1;
  char *out = xmalloc(cap);
  for (const char *p = clean; *p && n < 60;)
    {
      size_t k = 1;
      while (((unsigned char) p[k] & 0xC0) == 0x80)
        k++;
      if (n + k > 60)
        break;
      if (k == 1 && (strchr("/\\:*?\"<>|'`$!&;()[]{}#~%^ ", *p) || (unsigned char) *p < 0x20))
        {
          if (n && out[n - 1] != '_')
            out[n++] = '_';
        }
      else
        memcpy(out + n, p, k), n += k;
      p += k;
    }
  while (n && out[n - 1] == '_')
    n--;
  out[n] = '\0';
  while (out[0] == '.' || out[0] == '-' || out[0] == '_')
    memmove(out, out + 1, strlen(out));
  free(clean);
  if (!*out)
    {
      free(out);
      return xstrdup("kijun");
    }
  return out;
}

static void
make_paths(const ui *u)
{
  rp_state *st = ui_state(u, SCR_REPORTS);
  clear_paths(st);
  char *real = realpath(u->s->path, NULL);
  const char *p = real ? real : u->s->path;
  const char *slash = strrchr(p, '/');
  if (st->chosen)
    st->dir = xstrdup(st->chosen);
  else if (slash)
    st->dir = xstrndup(p, slash == p ? 1 : (size_t) (slash - p));
  else
    {
      char cwd[PATH_MAX];
      st->dir = xstrdup(getcwd(cwd, sizeof cwd) ? cwd : ".");
    }
  free(real);
  char today[ANS_DATE_SIZE];
  ans_today(today);
  char *base = name_part(u->s->a->profile[ANS_ORGANIZATION]);
  for (int k = 0; k < RP_COUNT; k++)
    {
      st->path[k] = xasprintf("%s%s%s-%s.%s", st->dir, strcmp(st->dir, "/") ? "/" : "", base, today, kinds[k].ext);
      st->exists[k] = access(st->path[k], F_OK) == 0;
    }
  free(base);
}

static void
rp_open(ui *u, const ui_arg *arg)
{
  rp_state *st = ui_state(u, SCR_REPORTS);
  (void) arg;
  make_paths(u);
  st->asking = false;
}

typedef struct job
{
  const ui *u;
  enum report_fmt fmt;
} job;

static int
render(FILE *f, void *ctx)
{
  const job *j = ctx;
  const ui *u = j->u;
  report_ctx r = { u->s->qn, u->s->a, u->s->path, i18n_lang(), 0, u->has_then ? &u->then : NULL, NULL, NULL };
  cycle_then_names(u->s->a, u->prev, u->prev_path, &r.then_path, &r.then_started);
  return report_write(f, j->fmt, &r);
}

/* The session keeps what was written, for the summary and for leaving. */
static void
remember(ui *u, const char *p)
{
  for (size_t i = 0; i < u->nwritten; i++)
    if (strcmp(u->written[i], p) == 0)
      return;
  u->written = xgrow(u->written, &u->capwritten, u->nwritten + 1, sizeof *u->written);
  u->written[u->nwritten++] = xstrdup(p);
}

/* Write the three; replace says whether files that exist may be replaced
 * (asked first); those that may not are left as they are. */
static void
write_all(ui *u, bool replace)
{
  rp_state *st = ui_state(u, SCR_REPORTS);
  int ok = 0, kept = 0;
  char why[256] = "";
  for (int k = 0; k < RP_COUNT; k++)
    {
      job j = { u, kinds[k].fmt };
      diag_t d = { 0 };
      int rc = replace ? afile_write(st->path[k], render, &j, &d) : afile_write_new(st->path[k], render, &j, &d);
      if (rc == 0)
        {
          ok++;
          remember(u, st->path[k]);
        }
      else if (rc == EX_TEMPFAIL)
        kept++;
      else if (!why[0])
        snprintf(why, sizeof why, "%s: %s", st->path[k], d.n ? d.msgs[0] : strerror(errno));
      diag_clear(&d);
    }
  for (int k = 0; k < RP_COUNT; k++)
    st->exists[k] = access(st->path[k], F_OK) == 0;
  if (why[0])
    ui_set_msg(u, true, _("Not all reports were written: %s"), why);
  else if (kept)
    ui_set_msg(u, false, ngettext("%d report written; %d file that exists was kept", "%d reports written; %d files that exist were kept", ok + kept), ok, kept);
  else
    ui_set_msg(u, false, _("Reports written into %s"), st->dir);
}

static void
rp_draw(ui *u)
{
  rp_state *st = ui_state(u, SCR_REPORTS);
  if (!st->dir)
    make_paths(u);
  ud_titlebar(u, _("Write the reports"), NULL);
  int y = 2, w = COLS - 4;
  /* The panel has nothing to select: a screen reader starts at its text. */
  ud_focus(y, 2);
  y += ud_wrapped(y, 2, w, 3, _("Enter writes these reports for the people the results go to, in the "
                                "language of the screen:"), A_NORMAL);
  y++;
  for (int k = 0; k < RP_COUNT && y < LINES - 4; k++)
    {
      ud_text(y++, 2, w, kind_name(k), A_BOLD);
      const char *slash = strrchr(st->path[k], '/');
      char *line = xasprintf("%s%s", slash ? slash + 1 : st->path[k],
                             st->exists[k] ? _("  (exists: asks before replacing)") : "");
      y += ud_wrapped(y, 4, w - 2, 2, line, A_NORMAL);
      free(line);
    }
  y++;
  if (y < LINES - 3)
    {
      char *where = xasprintf(_("Folder: %s"), st->dir);
      y += ud_wrapped(y, 2, w, LINES - 3 - y, where, A_NORMAL);
      free(where);
    }
  for (size_t i = 0; i < u->nwritten && y + 1 < LINES - 3; i++)
    {
      if (i == 0)
        ud_text(++y, 2, w, _("Written in this session:"), ud_attr(u, UC_OK)), y++;
      y += ud_wrapped(y, 4, w - 2, 2, u->written[i], A_NORMAL);
    }
  ud_status(u);
  if (ed_active(u) == ED_SEARCH)
    {
      ed_draw(u, LINES - 2, 0, 1);
      ed_keybar(u);
      return;
    }
  if (st->asking)
    {
      const char *keys[] = { _("y replace them"), _("n keep them, write the others"), _("Esc cancel") };
      ud_keybar(u, keys, 3);
    }
  else
    {
      const char *keys[] = { _("Enter write"), _("d another folder"), _("Esc back"), _("? help") };
      ud_keybar(u, keys, 4);
    }
}

/* The folder typed after d: an existing folder, made absolute. */
static void
folder_done(ui *u, enum ed_end how, const char *text, bool changed)
{
  rp_state *st = ui_state(u, SCR_REPORTS);
  (void) changed;
  if (how != ED_SAVE || !text || !*text)
    return;
  char *real = realpath(text, NULL);
  struct stat sb;
  if (!real || stat(real, &sb) != 0 || !S_ISDIR(sb.st_mode))
    {
      char *shown = txt_sanitize(text, true);
      ui_set_msg(u, true, _("%s: not a folder; the reports still go to %s"), shown, st->dir);
      free(shown);
      free(real);
      return;
    }
  free(st->chosen);
  st->chosen = real;
  make_paths(u);
  ui_set_msg(u, false, _("The reports go to %s"), st->dir);
}

static bool
rp_key(ui *u, ui_key k, enum ui_act a)
{
  rp_state *st = ui_state(u, SCR_REPORTS);
  if (st->asking)
    {
      if (!k.fn && (k.ch == 'y' || k.ch == 'Y'))
        {
          st->asking = false;
          write_all(u, true);
        }
      else if (!k.fn && (k.ch == 'n' || k.ch == 'N'))
        {
          st->asking = false;
          write_all(u, false);
        }
      else if (a == A_BACK || (!k.fn && k.ch == UI_ESC))
        {
          st->asking = false;
          ui_set_msg(u, false, "%s", _("Nothing written."));
        }
      return true;
    }
  if (a == A_FOLDER)
    {
      ed_start(u, ED_SEARCH, _("Folder"), st->dir, folder_done);
      return true;
    }
  if (a == A_OPEN)
    {
      int n = 0;
      for (int i = 0; i < RP_COUNT; i++)
        n += st->exists[i];
      if (n)
        {
          st->asking = true;
          ui_set_msg(u, true, ngettext("%d of the files exists. Replace it?", "%d of the files exist. Replace them?", n), n);
        }
      else
        write_all(u, false);
      return true;
    }
  return false;
}

static bool
rp_modal(const ui *u)
{
  rp_state *st = ui_state(u, SCR_REPORTS);
  (void) u;
  return st->asking;
}

const ui_screen reports_screen = { .scope = KS_REPORTS, .state_size = sizeof(rp_state), .open = rp_open,
                                   .draw = rp_draw, .key = rp_key, .modal = rp_modal, .esc = SCR_COUNT,
                                   .done = rp_done };
