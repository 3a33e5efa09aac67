/* ptybench: measure a full-screen program the way a respondent on a slow
 * link meets it: through a pseudo-terminal, counting the bytes it writes
 * and the time until each screen has settled.
 *
 * Usage: ptybench [-c COLS] [-r ROWS] [-q QUIET_MS] SCRIPT -- COMMAND...
 *
 * The script has one step a line:
 *   first LABEL             wait for the first settled screen
 *   key KEY LABEL [N]       send KEY (N times), waiting after each for the
 *                           screen to settle; bytes and time add to LABEL
 *   send KEY                send KEY without measuring
 *   wait                    wait until the program exits
 * KEY is a name (down, up, right, left, home, end, enter, esc, space,
 * tab) or text.
 * A screen has settled when nothing arrives for QUIET_MS (default 120);
 * its time is that of its last byte, so the quiet wait is not counted.
 *
 * Output, one line a label: LABEL COUNT BYTES MILLISECONDS; then
 * "maxrss_kb N" for the program and everything it ran, and "exit N". */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct stat_line
{
  char label[64];
  long count, bytes;
  double ms;
};

static struct stat_line stats[64];
static int nstats;
static int master = -1;
static FILE *dump;                /* PTYBENCH_DUMP: a copy of the output */
static int quiet_ms = 120;

static double
now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static struct stat_line *
stat_for(const char *label)
{
  for (int i = 0; i < nstats; i++)
    if (strcmp(stats[i].label, label) == 0)
      return &stats[i];
  snprintf(stats[nstats].label, sizeof stats[nstats].label, "%s", label);
  return &stats[nstats++];
}

/* Read until quiet; returns bytes read and sets *last to the time of the
 * last byte (or start when none came).  Gives up after 30 s. */
static long
settle(double start, double *last, int quiet)
{
  long total = 0;
  *last = start;
  char buf[65536];
  for (;;)
    {
      struct pollfd p = { master, POLLIN, 0 };
      int r = poll(&p, 1, quiet);
      if (r == 0)
        return total;
      if (r < 0 && errno == EINTR)
        continue;
      ssize_t n = read(master, buf, sizeof buf);
      if (n <= 0)
        return total;
      total += n;
      if (dump)
        fwrite(buf, 1, (size_t) n, dump);
      *last = now_ms();
      if (*last - start > 30000)
        return total;
    }
}

static const char *
key_bytes(const char *name)
{
  if (!strcmp(name, "down")) return "\033OB";
  if (!strcmp(name, "up")) return "\033OA";
  if (!strcmp(name, "right")) return "\033OC";
  if (!strcmp(name, "left")) return "\033OD";
  if (!strcmp(name, "enter")) return "\r";
  if (!strcmp(name, "esc")) return "\033";
  if (!strcmp(name, "space")) return " ";
  if (!strcmp(name, "tab")) return "\t";
  if (!strcmp(name, "home")) return "\033OH";
  if (!strcmp(name, "end")) return "\033OF";
  return name;
}

static void
send_key(const char *name)
{
  const char *b = key_bytes(name);
  if (write(master, b, strlen(b)) < 0)
    perror("write");
}

int
main(int argc, char **argv)
{
  int cols = 80, rows = 24, opt;
  while ((opt = getopt(argc, argv, "+c:r:q:")) != -1)
    switch (opt)
      {
      case 'c': cols = atoi(optarg); break;
      case 'r': rows = atoi(optarg); break;
      case 'q': quiet_ms = atoi(optarg); break;
      default: return 2;
      }
  if (optind + 2 >= argc || strcmp(argv[optind + 1], "--") != 0)
    {
      fprintf(stderr, "usage: ptybench [-c COLS] [-r ROWS] [-q QUIET_MS] SCRIPT -- COMMAND...\n");
      return 2;
    }
  FILE *script = fopen(argv[optind], "r");
  if (!script)
    {
      perror(argv[optind]);
      return 2;
    }
  if (getenv("PTYBENCH_DUMP"))
    dump = fopen(getenv("PTYBENCH_DUMP"), "w");
  struct winsize ws = { .ws_row = (unsigned short) rows, .ws_col = (unsigned short) cols };
  double start = now_ms();
  pid_t pid = forkpty(&master, NULL, NULL, &ws);
  if (pid < 0)
    {
      perror("forkpty");
      return 1;
    }
  if (pid == 0)
    {
      execvp(argv[optind + 2], argv + optind + 2);
      perror(argv[optind + 2]);
      _exit(127);
    }

  char line[512];
  while (fgets(line, sizeof line, script))
    {
      char cmd[32], a[128] = "", b[128] = "";
      long n = 1;
      int f = sscanf(line, "%31s %127s %127s %ld", cmd, a, b, &n);
      if (f < 1 || cmd[0] == '#')
        continue;
      double last;
      if (!strcmp(cmd, "first"))
        {
          long bytes = settle(start, &last, quiet_ms * 3);
          struct stat_line *s = stat_for(a);
          s->count++, s->bytes += bytes, s->ms += last - start;
        }
      else if (!strcmp(cmd, "key"))
        {
          struct stat_line *s = stat_for(b);
          for (long i = 0; i < n; i++)
            {
              double t0 = now_ms();
              if (dump)
                fprintf(dump, "\n<<<%s>>>\n", b);
              send_key(a);
              long bytes = settle(t0, &last, quiet_ms);
              s->count++, s->bytes += bytes, s->ms += last - t0;
            }
        }
      else if (!strcmp(cmd, "send"))
        {
          send_key(a);
          settle(now_ms(), &last, quiet_ms);
        }
      else if (!strcmp(cmd, "wait"))
        break;
    }
  fclose(script);

  /* Drain until the program ends, then collect its resource usage. */
  int status = 0;
  struct rusage ru = { 0 };
  double deadline = now_ms() + 10000;
  for (;;)
    {
      double last;
      settle(now_ms(), &last, 50);
      pid_t w = wait4(pid, &status, WNOHANG, &ru);
      if (w == pid)
        break;
      if (now_ms() > deadline)
        {
          kill(pid, SIGKILL);
          wait4(pid, &status, 0, &ru);
          break;
        }
    }
  for (int i = 0; i < nstats; i++)
    printf("%s %ld %ld %.1f\n", stats[i].label, stats[i].count, stats[i].bytes, stats[i].ms);
  printf("maxrss_kb %ld\n", ru.ru_maxrss);
  printf("exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  return 0;
}
