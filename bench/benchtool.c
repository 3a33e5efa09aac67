/* benchtool: the helpers of make bench that need kijun's core library.
 *
 *   benchtool dump QUESTIONNAIRE        id, level and English text of every
 *                                       question in walk order (TSV), for
 *                                       the dialog and whiptail scripts
 *   benchtool gen N FILE                a synthetic questionnaire of N
 *                                       questions shaped like the real one
 *   benchtool answers Q N DIR [FILL%]   N answers files for Q in DIR, FILL%
 *                                       of the questions answered
 *   benchtool parse FILE                libconfig alone: parse, destroy
 *   benchtool load FILE                 kijun's loader: parse, check, model
 *   benchtool cov Q ANSWERS REPS        time of one coverage computation
 *   benchtool run -- COMMAND...         wall time and peak memory of COMMAND
 * Times are printed in milliseconds, memory in KiB. */
#include <config.h>

#include <fcntl.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "model/coverage.h"
#include "io/qload.h"
#include "io/store.h"
#include "base/xalloc.h"

static double
now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
maxrss_self(void)
{
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static questionnaire *
must_load(const char *path)
{
  diag_t d = { 0 };
  questionnaire *q;
  if (qload_file(path, &d, &q) != 0)
    {
      diag_print(&d, stderr);
      exit(1);
    }
  return q;
}

static int
dump(const char *path)
{
  questionnaire *q = must_load(path);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      const qn_question *x = &q->questions[q->order[pos]];
      printf("%s\t%s\t", x->id, qn_level_key(x->level));
      for (const char *p = x->text.s[LANG_EN]; *p; p++)
        putchar(*p == '\t' || *p == '\n' ? ' ' : *p);
      putchar('\n');
    }
  qn_free(q);
  return 0;
}

/* Texts of about the length of the bundled questionnaire's. */
static const char ja_text[] =
  "方針に沿って、十分な世代数のバックアップを取得し、少なくとも一つをネットワークから切り離した状態で保管していますか。";
static const char en_text[] =
  "Does your organisation take backups as its policy requires, keeping enough generations and at least one copy offline?";
static const char ja_hint[] = "証跡の例：バックアップソフトウェアの実行履歴、保持されている世代の一覧（出力日）。";
static const char en_hint[] = "Evidence: the backup job history and the list of generations held (export date).";

static int
gen(long n, const char *out)
{
  FILE *f = fopen(out, "w");
  if (!f)
    {
      perror(out);
      return 1;
    }
  long nsec = n / 10 > 0 ? n / 10 : 1;
  static const char *phases[] = { "plan", "do", "check", "act" };
  fprintf(f, "kijun_questionnaire = 1;\nid = \"synthetic-%ld\";\nversion = \"1\";\n"
             "title = { ja = \"合成設問票\"; en = \"Synthetic questionnaire\"; };\n"
             "source = { ja = \"make bench\"; en = \"make bench\"; };\n"
             "sectors = ( { id = \"water\"; ja = \"水道\"; en = \"Water\"; } );\nsections = (\n", n);
  for (long s = 0; s < nsec; s++)
    fprintf(f, "  { id = \"S%ld\"; title = { ja = \"項目%ld\"; en = \"Item %ld\"; }; lg_ref = ( ); }%s\n", s, s, s,
            s + 1 < nsec ? "," : "");
  fputs(");\nquestions = (\n", f);
  for (long i = 0; i < n; i++)
    fprintf(f,
            "  { id = \"S%ld-q%ld\"; section = \"S%ld\"; phase = \"%s\"; level = \"%s\"; "
            "level_basis = \"editorial\"; csf = \"PR\";\n"
            "    text = { ja = \"%s（%ld）\"; en = \"%s (%ld)\"; };\n"
            "    hint = { ja = \"%s\"; en = \"%s\"; }; }%s\n",
            i % nsec, i, i % nsec, phases[i % 4], i % 3 ? "baseline" : "recommended", ja_text, i,
            en_text, i, ja_hint, en_hint, i + 1 < n ? "," : "");
  fputs(");\n", f);
  return fclose(f) != 0;
}

static int
answers(const char *qpath, long n, const char *dir, int fill)
{
  questionnaire *q = must_load(qpath);
  srand(42);
  for (long k = 0; k < n; k++)
    {
      assessment *a = ans_new(q);
      /* A profile as a survey's files have one: each its organisation,
       * the sectors in turn. */
      char org[64];
      snprintf(org, sizeof org, "Organisation %05ld", k);
      ans_set_profile(a, ANS_ORGANIZATION, org);
      ans_set_profile(a, ANS_RESPONDENT, "Bench Respondent");
      if (q->nsectors)
        ans_set_profile(a, ANS_SECTOR, q->sectors[k % (long) q->nsectors].id);
      for (size_t i = 0; i < q->nquestions; i++)
        if (rand() % 100 < fill)
          {
            enum ans_status st = (enum ans_status) (1 + rand() % 6);
            ans_set_status(a, i, st);
            /* A fully answered assessment, as the deliverables bench
             * writes it, has its notes and its plan too. */
            if (fill >= 100 && st != ANS_IMPLEMENTED)
              {
                ans_set_note(a, i, "委託先の手順書と点検記録で確認した。次回の見直しで改めて確認する。");
                ans_set_plan(a, i, ANS_PLAN_ACTION, "手順書を改訂し、局長決裁を得たうえで全職員に周知する");
                ans_set_plan(a, i, ANS_PLAN_OWNER, "情報システム課");
                ans_set_plan(a, i, ANS_PLAN_DUE, "2027-03-31");
              }
          }
      char *p = xasprintf("%s/answers-%05ld.cfg", dir, k);
      if (store_save(p, a, NULL, NULL) != 0)
        {
          perror(p);
          return 1;
        }
      free(p);
      ans_free(a);
    }
  qn_free(q);
  return 0;
}

static int
parse(const char *path)
{
  double t0 = now_ms();
  config_t cfg;
  config_init(&cfg);
  if (config_read_file(&cfg, path) != CONFIG_TRUE)
    {
      fprintf(stderr, "%s:%d: %s\n", path, config_error_line(&cfg), config_error_text(&cfg));
      return 1;
    }
  config_destroy(&cfg);
  printf("ms %.1f\nmaxrss_kb %ld\n", now_ms() - t0, maxrss_self());
  return 0;
}

static int
load(const char *path)
{
  double t0 = now_ms();
  questionnaire *q = must_load(path);
  double t1 = now_ms();
  qn_free(q);
  printf("ms %.1f\nmaxrss_kb %ld\n", t1 - t0, maxrss_self());
  return 0;
}

static int
cov(const char *qpath, const char *apath, long reps)
{
  questionnaire *q = must_load(qpath);
  diag_t d = { 0 };
  store_doc *doc;
  assessment *a;
  if (store_read(apath, &d, &doc) != 0 || store_bind(doc, q, &d, &a, NULL) != 0)
    {
      diag_print(&d, stderr);
      return 1;
    }
  store_doc_free(doc);
  double t0 = now_ms();
  unsigned sink = 0;
  for (long r = 0; r < reps; r++)
    {
      coverage c;
      cov_compute(q, a, &c);
      sink += c.all[QN_BASELINE].met;
      cov_free(&c);
    }
  printf("ms %.3f\n", (now_ms() - t0) / (double) reps);
  ans_free(a);
  qn_free(q);
  return sink == 0xFFFFFFFF;
}

static int
run(char **argv)
{
  double t0 = now_ms();
  pid_t pid = fork();
  if (pid == 0)
    {
      int null = open("/dev/null", 1);
      dup2(null, 1);
      execvp(argv[0], argv);
      _exit(127);
    }
  int status;
  struct rusage ru;
  wait4(pid, &status, 0, &ru);
  printf("ms %.1f\nmaxrss_kb %ld\nexit %d\n", now_ms() - t0, ru.ru_maxrss,
         WIFEXITED(status) ? WEXITSTATUS(status) : 128);
  return 0;
}

int
main(int argc, char **argv)
{
  if (argc >= 3 && !strcmp(argv[1], "dump"))
    return dump(argv[2]);
  if (argc >= 4 && !strcmp(argv[1], "gen"))
    return gen(atol(argv[2]), argv[3]);
  if (argc >= 5 && !strcmp(argv[1], "answers"))
    return answers(argv[2], atol(argv[3]), argv[4], argc > 5 ? atoi(argv[5]) : 50);
  if (argc >= 3 && !strcmp(argv[1], "parse"))
    return parse(argv[2]);
  if (argc >= 3 && !strcmp(argv[1], "load"))
    return load(argv[2]);
  if (argc >= 5 && !strcmp(argv[1], "cov"))
    return cov(argv[2], argv[3], atol(argv[4]));
  if (argc >= 4 && !strcmp(argv[1], "run") && !strcmp(argv[2], "--"))
    return run(argv + 3);
  fprintf(stderr, "usage: see the comment at the top of bench/benchtool.c\n");
  return 2;
}
