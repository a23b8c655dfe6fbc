/* Tests of saving files whole: replace over an old file, numbered new files, eight processes
 * saving the same name at once, folders that cannot be written, no temporary file left; and
 * the choices file loaded and saved in a config folder under a temporary HOME. */
#define _GNU_SOURCE /* nftw's FTW_DEPTH */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "platform/sys/choicesfile.h"
#include "platform/sys/savefile.h"

#define WORKERS 8

static char root[256];

static bool read_text(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
    return true;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static int mode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

static int temporaries;

static int count_tmp(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag;
    temporaries += strstr(path + ftw->base, ".tmp-") != NULL;
    if (strstr(path + ftw->base, ".tmp-"))
        fprintf(stderr, "left behind: %s\n", path);
    return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)ftw;
    if (flag == FTW_DP)
        chmod(path, 0700);
    return remove(path);
}

static void in_root(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", root, name);
}

static void test_replace(void)
{
    char path[512], text[64], err[512];
    in_root(path, sizeof path, "notes.txt");
    write_text(path, "the old text\n");
    CHECK(savefile_replace(path, "new", 3, err, sizeof err));
    CHECK(read_text(path, text, sizeof text));
    CHECK_EQ_STR(text, "new");
    CHECK_EQ_INT(mode_of(path), 0600);
    CHECK(savefile_replace(path, "", 0, err, sizeof err));   /* an empty file is a file */
    CHECK(read_text(path, text, sizeof text));
    CHECK_EQ_STR(text, "");

    /* missing folders are made, each new one 0700 */
    char deep[512], mid[512];
    in_root(deep, sizeof deep, "new/deeper/file.tsv");
    in_root(mid, sizeof mid, "new");
    CHECK(savefile_replace(deep, "x\n", 2, err, sizeof err));
    CHECK(read_text(deep, text, sizeof text));
    CHECK_EQ_STR(text, "x\n");
    CHECK_EQ_INT(mode_of(mid), 0700);
    in_root(mid, sizeof mid, "new/deeper");
    CHECK_EQ_INT(mode_of(mid), 0700);
}

static void test_create(void)
{
    char dir[512], out[512], want[512], text[64], err[512];
    in_root(dir, sizeof dir, "plans");
    CHECK(savefile_create(dir, "calm", "plan", "one", 3, out, sizeof out, err, sizeof err));
    in_root(want, sizeof want, "plans/calm.plan");
    CHECK_EQ_STR(out, want);
    CHECK(savefile_create(dir, "calm", "plan", "two", 3, out, sizeof out, err, sizeof err));
    in_root(want, sizeof want, "plans/calm-2.plan");
    CHECK_EQ_STR(out, want);
    CHECK(read_text(out, text, sizeof text));
    CHECK_EQ_STR(text, "two");
    in_root(want, sizeof want, "plans/calm.plan");
    CHECK(read_text(want, text, sizeof text));
    CHECK_EQ_STR(text, "one");   /* never replaced */
    CHECK_EQ_INT(mode_of(out), 0600);
    CHECK(savefile_create(dir, "notes", "", "n", 1, out, sizeof out, err, sizeof err));
    in_root(want, sizeof want, "plans/notes");
    CHECK_EQ_STR(out, want);
    CHECK(savefile_create(dir, "notes", "", "n", 1, out, sizeof out, err, sizeof err));
    in_root(want, sizeof want, "plans/notes-2");
    CHECK_EQ_STR(out, want);
    CHECK_EQ_INT(entries(dir), 4);

    /* not a file name, or no room for the answer */
    CHECK(!savefile_create(dir, "../escape", "plan", "x", 1, out, sizeof out, err, sizeof err));
    CHECK(strstr(err, "escape") != NULL);
    CHECK(!savefile_create(dir, "", "plan", "x", 1, out, sizeof out, err, sizeof err));
    char small[8];
    CHECK(!savefile_create(dir, "calm", "plan", "x", 1, small, sizeof small, err, sizeof err));
    CHECK(strstr(err, "calm.plan") != NULL);
    CHECK_EQ_INT(entries(dir), 4);
}

static void test_race(void)
{
    char dir[512], path[512], text[64], err[512];
    in_root(dir, sizeof dir, "race");
    int gate[2];
    CHECK(pipe(gate) == 0);
    pid_t pids[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        fflush(NULL);
        pids[i] = fork();
        if (pids[i] == 0) {
            char out[512], data[32], c;
            close(gate[1]);
            while (read(gate[0], &c, 1) < 0 && errno == EINTR)
                ;   /* all wait here until the gate closes */
            int n = snprintf(data, sizeof data, "worker %d\n", i);
            _exit(savefile_create(dir, "same", "tsv", data, (size_t)n, out, sizeof out, err, sizeof err) ? 0 : 1);
        }
        CHECK(pids[i] > 0);
    }
    close(gate[0]);
    close(gate[1]);   /* open the gate: all eight save at once */
    for (int i = 0; i < WORKERS; i++) {
        int status = -1;
        CHECK(pids[i] > 0 && waitpid(pids[i], &status, 0) == pids[i]);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    CHECK_EQ_INT(entries(dir), WORKERS);
    bool seen[WORKERS] = { false };
    for (int n = 1; n <= WORKERS; n++) {
        char name[64];
        snprintf(name, sizeof name, n == 1 ? "race/same.tsv" : "race/same-%d.tsv", n);
        in_root(path, sizeof path, name);
        int w = -1;
        CHECK(read_text(path, text, sizeof text) && sscanf(text, "worker %d", &w) == 1);
        char want[32];
        snprintf(want, sizeof want, "worker %d\n", w);
        CHECK_EQ_STR(text, want);   /* whole, one worker's */
        CHECK(w >= 0 && w < WORKERS && !seen[w]);
        if (w >= 0 && w < WORKERS)
            seen[w] = true;
    }
}

static void test_cannot_write(void)
{
    char file[512], path[512], dir[512], out[512], err[512], text[64];
    /* a folder that cannot be made: its parent is a regular file */
    in_root(file, sizeof file, "plain");
    write_text(file, "a file, not a folder");
    in_root(path, sizeof path, "plain/sub/choices.tsv");
    CHECK(!savefile_replace(path, "x", 1, err, sizeof err));
    CHECK(strstr(err, path) != NULL);
    CHECK(strstr(err, strerror(ENOTDIR)) != NULL);
    in_root(dir, sizeof dir, "plain/sub");
    CHECK(!savefile_create(dir, "calm", "plan", "x", 1, out, sizeof out, err, sizeof err));
    CHECK(strstr(err, "plain/sub/calm.plan") != NULL);
    CHECK(read_text(file, text, sizeof text));
    CHECK_EQ_STR(text, "a file, not a folder");

    /* the target is a folder: rename fails, the folder and its file stay, no temporary */
    in_root(dir, sizeof dir, "isdir");
    CHECK(mkdir(dir, 0700) == 0);
    in_root(path, sizeof path, "isdir/keep");
    write_text(path, "kept");
    CHECK(!savefile_replace(dir, "x", 1, err, sizeof err));
    CHECK(strstr(err, dir) != NULL);
    CHECK(read_text(path, text, sizeof text));
    CHECK_EQ_STR(text, "kept");
    CHECK_EQ_INT(entries(root), 6);   /* notes.txt new plans race plain isdir: nothing more */

    /* a folder we may not write (root may write anywhere: skipped) */
    in_root(dir, sizeof dir, "readonly");
    CHECK(mkdir(dir, 0700) == 0);
    in_root(path, sizeof path, "readonly/old.txt");
    write_text(path, "old");
    CHECK(chmod(dir, 0500) == 0);
    if (geteuid() != 0) {
        CHECK(!savefile_replace(path, "new", 3, err, sizeof err));
        CHECK(strstr(err, path) != NULL && strstr(err, strerror(EACCES)) != NULL);
        CHECK(read_text(path, text, sizeof text));
        CHECK_EQ_STR(text, "old");
        CHECK(!savefile_create(dir, "old", "txt", "new", 3, out, sizeof out, err, sizeof err));
        CHECK(strstr(err, "readonly/old.txt") != NULL);
        CHECK_EQ_INT(entries(dir), 1);
    }
    chmod(dir, 0700);
}

static void test_choicesfile(void)
{
    char config[512], path[512], err[1024], text[4096];
    in_root(config, sizeof config, "config");
    setenv("XDG_CONFIG_HOME", config, 1);
    in_root(path, sizeof path, "config/safebase/choices.tsv");

    choices_t c, d;
    choices_init(&c);
    CHECK(choicesfile_load(&c, err, sizeof err));   /* no file yet: no choices, no error */
    CHECK_EQ_STR(err, "");
    CHECK_EQ_INT(c.plan_count + c.client_count + c.recent_count, 0);
    CHECK(choices_set(&c, "plan", "calm-down", "music", "/music/rain.ogg"));
    CHECK(choices_set(&c, "client", "Zoë", "plan", "calm-down"));
    CHECK(choices_add_recent(&c, "/music/rain.ogg"));
    CHECK(choicesfile_save(&c, err, sizeof err));
    CHECK_EQ_INT(mode_of(path), 0600);
    choices_init(&d);
    CHECK(choicesfile_load(&d, err, sizeof err));
    CHECK_EQ_STR(choices_get(&d, "client", "Zoë", "plan"), "calm-down");
    CHECK_EQ_STR(choices_get(&d, "plan", "calm-down", "music"), "/music/rain.ogg");
    choices_free(&d);
    CHECK(choices_set(&c, "client", "Zoë", "plan", NULL));
    CHECK(choicesfile_save(&c, err, sizeof err));   /* again, over the first */
    CHECK(read_text(path, text, sizeof text) && strstr(text, "Zoë") == NULL);
    choices_free(&c);

    /* a bad line is named with the file and its number; the good ones are kept */
    write_text(path, "# hand-edited\nplan\ta\tmusic\t/a\nplan\tb\tsong\t/b\n");
    choices_init(&d);
    CHECK(!choicesfile_load(&d, err, sizeof err));
    char want[600];
    snprintf(want, sizeof want, "%s: line 3: ", path);
    CHECK(strncmp(err, want, strlen(want)) == 0);
    CHECK_EQ_STR(choices_get(&d, "plan", "a", "music"), "/a");

    /* a config folder that cannot be made */
    in_root(config, sizeof config, "plain/config");
    setenv("XDG_CONFIG_HOME", config, 1);
    CHECK(!choicesfile_save(&d, err, sizeof err));
    CHECK(strstr(err, "plain/config/safebase/choices.tsv") != NULL);
    CHECK(!choicesfile_load(&d, err, sizeof err));   /* cannot be read (not "missing") */
    CHECK(strstr(err, "plain/config/safebase/choices.tsv: ") != NULL);
    choices_free(&d);
    unsetenv("XDG_CONFIG_HOME");
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/savefile-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(root)) {
        perror(root);
        return 1;
    }
    test_replace();
    test_create();
    test_race();
    test_cannot_write();
    test_choicesfile();
    temporaries = 0;
    CHECK(nftw(root, count_tmp, 16, FTW_PHYS) == 0);
    CHECK_EQ_INT(temporaries, 0);
    nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    return check_summary();
}
