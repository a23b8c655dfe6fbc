/* The shared log folder (platform/log/logdir.c): the device id made once and kept, two devices
 * in one folder with two files, the files sync tools leave skipped, a session copied into two
 * files counted once, a file that vanishes between listing and reading skipped with a word,
 * the journal kept on the device, and the log_dir setting. Files in a temporary folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/log/history.h"
#include "core/plan/settings.h"
#include "platform/log/historyprint.h"
#include "platform/log/journalfile.h"
#include "platform/log/logdir.h"
#include "platform/log/logfile.h"
#include "platform/sys/paths.h"

#define ROW(day, plan, client) "2024-03-0" day "T09:30:00+01:00,2024-03-0" day "T09:45:00+01:00," plan \
                               ",900.0,900.0,0.0,completed,3,3," client ",4,0,0,0,\n"

static char root[256];

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void path_of(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", root, name);
}

static void use_state(const char *name)
{
    char dir[512];
    path_of(dir, sizeof dir, name);
    setenv("XDG_STATE_HOME", dir, 1);
}

static void test_device_id(void)
{
    char name[64], again[64], file[4096], err[600], idpath[512], text[32] = "";
    use_state("stateA");
    CHECK(!logdir_device_name(false, name, sizeof name, err, sizeof err)); /* not made when asked not to */
    CHECK(logdir_device_name(true, name, sizeof name, err, sizeof err));
    CHECK(logdir_device_name(false, again, sizeof again, err, sizeof err));
    CHECK_EQ_STR(again, name);
    path_of(idpath, sizeof idpath, "stateA/safebase/device-id");
    FILE *f = fopen(idpath, "r");
    CHECK(f && fgets(text, sizeof text, f));
    if (f)
        fclose(f);
    CHECK_EQ_INT(strlen(text), 9);
    CHECK(strncmp(name + strlen(name) - 8, text, 8) == 0);
    struct stat st;
    CHECK(stat(idpath, &st) == 0 && (st.st_mode & 0777) == 0600);
    for (const char *p = name; *p; p++)
        CHECK((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-');
    CHECK(logdir_device_file("/shared", file, sizeof file, err, sizeof err));
    char want[200];
    snprintf(want, sizeof want, "/shared/sessions-%s.csv", name);
    CHECK_EQ_STR(file, want);
    /* a damaged id is replaced; the name changes with it */
    put(idpath, "not an id\n");
    CHECK(logdir_device_name(true, again, sizeof again, err, sizeof err));
    CHECK(strcmp(again, name) != 0);
    put(idpath, text); /* (back to the first) */
}

static void test_two_devices(void)
{
    char dir[512], a[4096], b[4096], err[600], of[4096];
    path_of(dir, sizeof dir, "shared");
    use_state("stateA");
    CHECK(logdir_device_file(dir, a, sizeof a, err, sizeof err));
    CHECK(logdir_of(a, of, sizeof of));
    CHECK_EQ_STR(of, dir);
    use_state("stateB"); /* another account, or another machine with the same host name */
    CHECK(logdir_device_file(dir, b, sizeof b, err, sizeof err));
    CHECK(strcmp(a, b) != 0);
    CHECK(!logdir_of(a, of, sizeof of)); /* A's file is not B's to read as its own */
    CHECK(logfile_append(a, ROW("4", "Plan A", "Robin"), err, sizeof err));
    CHECK(logfile_append(b, ROW("5", "Plan B", "Sam"), err, sizeof err));
    char paths[8][LOGDIR_PATH];
    CHECK_EQ_INT(logdir_list(dir, paths, 8, err, sizeof err), 2);
    history_query_t q = { .today = 19800, .since = HISTORY_NO_DAY, .until = HISTORY_NO_DAY };
    history_t *h = malloc(sizeof *h);
    long bad = -1;
    history_init(h, &q);
    CHECK_EQ_INT(historyprint_load_dir(dir, h, NULL, stderr, &bad, err, sizeof err), LOGFILE_READ_OK);
    CHECK_EQ_INT(h->sessions, 2);
    CHECK_EQ_INT(bad, 0);
    free(h);
    /* the journal of a device's file in a shared folder never lands in it */
    use_state("stateA");
    journalfile_t jf;
    CHECK(journalfile_init(&jf, a, "0001709541000000-4242"));
    CHECK(journal_put(jf.j, JOURNAL_LIVE, ROW("6", "Plan A", "")));
    CHECK(journalfile_save(&jf, err, sizeof err));
    char state[512];
    path_of(state, sizeof state, "stateA/safebase/");
    CHECK(strncmp(jf.path, state, strlen(state)) == 0);
    CHECK(strstr(jf.path, "/shared/") == NULL);
    journalfile_free(&jf); /* (the record stays in the state folder) */
    FILE *devnull = fopen("/dev/null", "w");
    CHECK_EQ_INT(journalfile_recover(a, devnull), 1); /* and is found there again */
    fclose(devnull);
    CHECK_EQ_INT(logdir_list(dir, paths, 8, err, sizeof err), 2);
}

static void test_filter(void)
{
    static const char *keep[] = { "sessions-anna-laptop-0aca5a2d.csv", "sessions-b-12345678.csv",
                                  "sessions-old.csv" };
    static const char *skip[] = { "sessions-b-12345678.sync-conflict-20240304-093000-ABCDEFG.csv",
                                  ".syncthing.sessions-b-12345678.csv.tmp", "~syncthing~sessions-b-12345678.csv.tmp",
                                  "sessions-b-12345678.csv~", ".#sessions-b-12345678.csv", ".sessions-x.csv",
                                  "sessions-b-12345678 (conflicted copy 2024-03-04).csv", "sessions.csv",
                                  "notes.csv", "sessions-b-12345678.csv.journal-0001-1", "sessions-.csv",
                                  "Sessions-c.csv", "sessions-d.csv.tmp" };
    char dir[512], p[1024], err[600];
    path_of(dir, sizeof dir, "filter");
    mkdir(dir, 0700);
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++) {
        CHECK(!logdir_is_log_name(skip[i]));
        snprintf(p, sizeof p, "%s/%s", dir, skip[i]);
        put(p, RECORD_HEADER "\n");
    }
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        CHECK(logdir_is_log_name(keep[i]));
        snprintf(p, sizeof p, "%s/%s", dir, keep[i]);
        put(p, RECORD_HEADER "\n");
    }
    snprintf(p, sizeof p, "%s/sessions-folder.csv", dir);
    mkdir(p, 0700); /* named like one, but a folder */
    char paths[8][LOGDIR_PATH];
    int n = logdir_list(dir, paths, 8, err, sizeof err);
    CHECK_EQ_INT(n, 3);
    for (int i = 0; i < n && i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, keep[i]);
        CHECK_EQ_STR(paths[i], p); /* sorted by name */
    }
    CHECK_EQ_INT(logdir_list(dir, paths, 2, err, sizeof err), 2); /* at most max */
    path_of(p, sizeof p, "no-such-folder");
    CHECK_EQ_INT(logdir_list(p, paths, 8, err, sizeof err), 0);
    path_of(p, sizeof p, "filter/notes.csv"); /* a file, not a folder */
    CHECK_EQ_INT(logdir_list(p, paths, 8, err, sizeof err), -1);
    CHECK(strstr(err, "notes.csv") != NULL);
}

typedef struct {
    int rows, headers;
    char clients[256];
} count_t;

static void on_event(void *ctx, const char *path, const logread_event_t *ev)
{
    count_t *c = ctx;
    (void)path;
    if (ev->kind == LOGREAD_ROW) {
        c->rows++;
        strcat(c->clients, ev->row->field[COL_CLIENT]);
        strcat(c->clients, ";");
    }
    c->headers += ev->kind == LOGREAD_HEADER;
}

static void test_dedupe_and_vanish(void)
{
    char dir[512], a[1024], b[1024], c[1024], err[600];
    path_of(dir, sizeof dir, "dedupe");
    mkdir(dir, 0700);
    snprintf(a, sizeof a, "%s/sessions-a-11111111.csv", dir);
    snprintf(b, sizeof b, "%s/sessions-a-11111111-copy.csv", dir); /* a copy of A, one row more */
    snprintf(c, sizeof c, "%s/sessions-c-33333333.csv", dir);
    put(a, RECORD_HEADER "\n" ROW("1", "P", "Robin") ROW("2", "P", "Sam") ROW("3", "\"Q, R\"", ""));
    put(b, RECORD_HEADER "\n" ROW("1", "P", "Robin") ROW("2", "P", "Sam") ROW("3", "\"Q, R\"", "")
           ROW("4", "P", "Robin"));
    put(c, RECORD_HEADER "\n" ROW("2", "P", "Alex") ROW("5", "P", "Sam"));
    char paths[8][LOGDIR_PATH];
    int n = logdir_list(dir, paths, 8, err, sizeof err);
    CHECK_EQ_INT(n, 3);
    count_t cnt = { 0 };
    logdir_stats_t st;
    CHECK_EQ_INT(logdir_read(paths, n, 0, on_event, &cnt, NULL, &st), LOGFILE_READ_OK);
    CHECK_EQ_INT(cnt.rows, 6); /* 3 + 1 new in the copy + 2 (same times, another client: another session) */
    CHECK_EQ_INT(st.duplicates, 3);
    CHECK_EQ_INT(st.files, 3);
    CHECK_EQ_INT(cnt.headers, 3);
    history_query_t q = { .today = 19800, .since = HISTORY_NO_DAY, .until = HISTORY_NO_DAY };
    history_t *h = malloc(sizeof *h);
    long bad;
    history_init(h, &q);
    CHECK_EQ_INT(historyprint_load_dir(dir, h, NULL, NULL, &bad, err, sizeof err), LOGFILE_READ_OK);
    CHECK_EQ_INT(h->sessions, 6);
    free(h);
    /* tails: each file's last bytes only, still once each */
    memset(&cnt, 0, sizeof cnt);
    logdir_read(paths, n, 200, on_event, &cnt, NULL, &st);
    CHECK(cnt.rows >= 2 && cnt.rows <= 6);

    /* a file that vanishes between the listing and its turn (a sync tool renamed it) */
    unlink(b);
    char *said = NULL;
    size_t saidlen = 0;
    FILE *warn = open_memstream(&said, &saidlen);
    memset(&cnt, 0, sizeof cnt);
    CHECK_EQ_INT(logdir_read(paths, n, 0, on_event, &cnt, warn, &st), LOGFILE_READ_OK);
    fclose(warn);
    CHECK_EQ_INT(cnt.rows, 5);
    CHECK_EQ_INT(st.skipped, 1);
    CHECK(said && strstr(said, b) && strstr(said, "gone before it could be read"));
    free(said);
    unlink(a);
    unlink(c);
    memset(&cnt, 0, sizeof cnt);
    CHECK_EQ_INT(logdir_read(paths, n, 0, on_event, &cnt, NULL, &st), LOGFILE_READ_MISSING);
    CHECK_EQ_INT(cnt.rows, 0);
}

static void test_setting(void)
{
    settings_t s;
    settings_errors_t errs;
    settings_defaults(&s);
    CHECK_EQ_STR(s.log_dir, "");
    const char *text = "log_dir = Sync/safebase\n";
    CHECK(settings_parse(text, strlen(text), &s, &errs));
    CHECK_EQ_STR(s.log_dir, "Sync/safebase");
    text = "log_dir =\n";
    CHECK(!settings_parse(text, strlen(text), &s, &errs));
    CHECK_EQ_INT(errs.items[0].line, 1);
    char out[4096];
    setenv("HOME", "/home/me", 1);
    CHECK(paths_resolve("~/Sync/safebase", "/etc/x", out, sizeof out));
    CHECK_EQ_STR(out, "/home/me/Sync/safebase");
    CHECK(paths_resolve("Sync", "/home/me/.config/safebase", out, sizeof out));
    CHECK_EQ_STR(out, "/home/me/.config/safebase/Sync");
    CHECK(paths_resolve("/srv/log", "/home/me/.config/safebase", out, sizeof out));
    CHECK_EQ_STR(out, "/srv/log");
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/platform_logdir.XXXXXX");
    if (!mkdtemp(root))
        return 1;
    test_device_id();
    test_two_devices();
    test_filter();
    test_dedupe_and_vanish();
    test_setting();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", root);
    return check_summary();
}
