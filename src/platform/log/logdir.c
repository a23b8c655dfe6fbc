/* The shared log folder: this device's name and file, which files in the folder are devices'
 * logs, and reading them all with a session counted once. The device id is made once, with
 * savefile_create (never replaces: two first runs at once keep the same id). Never writes in
 * the folder itself; logfile.c appends to this device's file. */
#include "platform/log/logdir.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/translate.h"
#include "core/log/record.h"
#include "platform/sys/i18n.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"
#include "platform/sys/savefile.h"

#define ID_HEX 8
#define HOST_MAX 32
#define PREFIX "sessions-"
#define SUFFIX ".csv"

/* The id in the file at path: 8 lower-case hex digits, an optional newline. */
static bool read_id(const char *path, char id[ID_HEX + 1])
{
    int fd = osfile_open(path, O_RDONLY, 0);
    if (fd < 0)
        return false;
    char buf[32];
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    if (n < ID_HEX || (n > ID_HEX && !(n == ID_HEX + 1 && buf[ID_HEX] == '\n')))
        return false;
    for (int i = 0; i < ID_HEX; i++) {
        if (!isxdigit((unsigned char)buf[i]) || isupper((unsigned char)buf[i]))
            return false;
        id[i] = buf[i];
    }
    id[ID_HEX] = '\0';
    return true;
}

static bool random_id(char text[ID_HEX + 2], char *err, size_t errsize)
{
    unsigned char b[ID_HEX / 2];
    errno = EIO;
    if (!osfile_random(b, sizeof b)) {
        /* TRANSLATORS: a shared log folder needs an id for this device, made at random */
        snprintf(err, errsize, _("cannot read /dev/urandom for this device's id: %s"), strerror(errno));
        return false;
    }
    snprintf(text, ID_HEX + 2, "%02x%02x%02x%02x\n", b[0], b[1], b[2], b[3]);
    return true;
}

/* This device's id, made and kept in the state folder the first time. */
static bool device_id(bool create, char id[ID_HEX + 1], char *err, size_t errsize)
{
    char dir[4096], path[4200], made[4200], text[ID_HEX + 2];
    if (!paths_state_dir(dir, sizeof dir) || !paths_join(path, sizeof path, dir, "device-id")) {
        snprintf(err, errsize, "%s", _("no state folder for this device's id (HOME is not set)"));
        return false;
    }
    if (read_id(path, id))
        return true;
    if (!create) {
        snprintf(err, errsize, _("this device has no id yet (%s)"), path);
        return false;
    }
    if (!random_id(text, err, errsize))
        return false;
    osfile_stat_t st;
    bool exists = osfile_stat(path, &st) == 0;
    if (exists) { /* there but not an id (damaged by hand): a new one replaces it */
        if (!savefile_replace(path, text, ID_HEX + 1, err, errsize))
            return false;
    } else if (!savefile_create(dir, "device-id", "", text, ID_HEX + 1, made, sizeof made, err, errsize)) {
        return false;
    } else if (strcmp(made, path) != 0) {
        osfile_unlink(made); /* another first run made device-id a moment before: that one is kept */
    }
    if (read_id(path, id))
        return true;
    snprintf(err, errsize, _("cannot read this device's id back from %s"), path);
    return false;
}

/* The host name lower-cased, [a-z0-9-] only, no '-' at either end or twice in a row. */
static void host_part(char out[HOST_MAX + 1])
{
    char host[256] = "";
    if (!osfile_hostname(host, sizeof host))
        host[0] = '\0';
    size_t n = 0;
    for (const char *p = host; *p && n < HOST_MAX; p++) {
        char c = (char)tolower((unsigned char)*p);
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (ok)
            out[n++] = c;
        else if (n > 0 && out[n - 1] != '-')
            out[n++] = '-';
    }
    while (n > 0 && out[n - 1] == '-')
        n--;
    out[n] = '\0';
    if (n == 0)
        snprintf(out, HOST_MAX + 1, "device");
}

bool logdir_device_name(bool create, char *out, size_t size, char *err, size_t errsize)
{
    char id[ID_HEX + 1], host[HOST_MAX + 1];
    if (!device_id(create, id, err, errsize))
        return false;
    host_part(host);
    if (snprintf(out, size, "%s-%s", host, id) >= (int)size) {
        snprintf(err, errsize, "%s", _("no room for this device's name"));
        return false;
    }
    return true;
}

bool logdir_device_file(const char *dir, char *out, size_t size, char *err, size_t errsize)
{
    char name[64], file[128];
    if (!logdir_device_name(true, name, sizeof name, err, errsize))
        return false;
    snprintf(file, sizeof file, PREFIX "%s" SUFFIX, name);
    if (!paths_join(out, size, dir, file)) {
        snprintf(err, errsize, _("the log folder's path is too long: %s"), dir);
        return false;
    }
    return true;
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

bool logdir_is_log_name(const char *name)
{
    size_t n = strlen(name);
    if (n <= strlen(PREFIX) + strlen(SUFFIX) || strncmp(name, PREFIX, strlen(PREFIX)) != 0 || !ends_with(name, SUFFIX))
        return false;
    char lower[256];
    snprintf(lower, sizeof lower, "%s", name);
    for (char *p = lower; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    /* Syncthing's sessions-x.sync-conflict-DATE-TIME-ID.csv, other tools' "(conflicted copy)",
     * and temporaries that happen to end in .csv */
    return !strstr(lower, "conflict") && !strstr(lower, "~syncthing~") && !strstr(lower, ".syncthing.") &&
           !strchr(lower, '/');
}

bool logdir_of(const char *log_path, char *dir, size_t size)
{
    char name[64], want[128], err[300];
    const char *base = log_path;
    for (const char *p = log_path; *p; p++)
        if (paths_is_separator(*p))
            base = p + 1;
    if (!logdir_is_log_name(base) || !logdir_device_name(false, name, sizeof name, err, sizeof err))
        return false;
    snprintf(want, sizeof want, PREFIX "%s" SUFFIX, name);
    if (strcmp(base, want) != 0)
        return false;
    paths_dirname(log_path, dir, size);
    return true;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int logdir_list(const char *dir, char paths[][LOGDIR_PATH], int max, char *err, size_t errsize)
{
    osfile_dir_t *d = osfile_opendir(dir);
    if (!d) {
        if (errno == ENOENT)
            return 0;
        /* TRANSLATORS: the shared log folder (%1$s) cannot be read, and why */
        snprintf(err, errsize, _("cannot read the log folder %s: %s"), dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    const char *name;
    osfile_kind_t kind;
    while ((name = osfile_readdir(d, &kind))) {
        char path[LOGDIR_PATH];
        osfile_stat_t st;
        if (!logdir_is_log_name(name) || !paths_join(path, sizeof path, dir, name) ||
            osfile_stat(path, &st) != 0 || st.kind != OSFILE_REGULAR)
            continue;
        if (count == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            char **grown = realloc(names, ncap * sizeof *names);
            if (!grown)
                break;
            names = grown;
            cap = ncap;
        }
        if ((names[count] = strdup(name)))
            count++;
    }
    osfile_closedir(d);
    if (count > 1)
        qsort(names, count, sizeof *names, by_name);
    int n = 0;
    for (size_t i = 0; i < count; i++) {
        if (n < max && paths_join(paths[n], LOGDIR_PATH, dir, names[i]))
            n++;
        free(names[i]);
    }
    free(names);
    return n;
}

/* The sessions already handed on: 64-bit hashes of the whole row (every field, so a row a
 * copied file repeats, and nothing else), open addressing. 0 marks an empty slot. */
typedef struct {
    uint64_t *slots;
    size_t cap, used;
    bool full;                 /* memory ran out: later rows are not checked */
} seen_t;

static uint64_t session_key(const record_row_t *row)
{
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < RECORD_COLUMNS; i++) {
        for (const char *p = row->field[i]; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
        h = (h ^ 0x1f) * 1099511628211ULL; /* a separator no field holds */
    }
    return h ? h : 1;
}

/* Adds key; returns false when it was there already. */
static bool seen_add(seen_t *s, uint64_t key)
{
    if (s->full)
        return true;
    if ((s->used + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 1024;
        uint64_t *grown = calloc(ncap, sizeof *grown);
        if (!grown) {
            s->full = true;
            return true;
        }
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slots[i])
                continue;
            size_t j = (size_t)(s->slots[i] % ncap);
            while (grown[j])
                j = (j + 1) % ncap;
            grown[j] = s->slots[i];
        }
        free(s->slots);
        s->slots = grown;
        s->cap = ncap;
    }
    size_t j = (size_t)(key % s->cap);
    while (s->slots[j]) {
        if (s->slots[j] == key)
            return false;
        j = (j + 1) % s->cap;
    }
    s->slots[j] = key;
    s->used++;
    return true;
}

typedef struct {
    logdir_fn fn;
    void *ctx;
    const char *path;
    seen_t seen;
    logdir_stats_t *stats;
} reader_t;

static void on_event(void *ctx, const logread_event_t *ev)
{
    reader_t *r = ctx;
    if (ev->kind == LOGREAD_ROW) {
        if (!seen_add(&r->seen, session_key(ev->row))) {
            r->stats->duplicates++;
            return;
        }
        r->stats->rows++;
    }
    r->fn(r->ctx, r->path, ev);
}

logfile_read_t logdir_read(char paths[][LOGDIR_PATH], int n, off_t tail_bytes, logdir_fn fn, void *ctx,
                           FILE *warn, logdir_stats_t *stats)
{
    logdir_stats_t local = { 0 };
    reader_t r = { .fn = fn, .ctx = ctx, .stats = stats ? stats : &local };
    memset(r.stats, 0, sizeof *r.stats);
    for (int i = 0; i < n; i++) {
        char err[600];
        r.path = paths[i];
        logfile_read_t got = logfile_read(paths[i], tail_bytes, on_event, &r, err, sizeof err);
        if (got == LOGFILE_READ_OK) {
            r.stats->files++;
            continue;
        }
        r.stats->skipped++;
        if (warn && got == LOGFILE_READ_MISSING)
            /* TRANSLATORS: a device's log file in the shared folder (%s) vanished */
            i18n_say(warn, _("%s: gone before it could be read (moved by a sync tool?): skipped"), paths[i]);
        else if (warn)
            /* TRANSLATORS: %s says which log file cannot be read, and why */
            i18n_say(warn, _("%s: skipped"), err);
    }
    if (warn && r.seen.full)
        i18n_say(warn, "%s", _("out of memory: a session copied into two files may be counted twice"));
    free(r.seen.slots);
    return r.stats->files > 0 ? LOGFILE_READ_OK : LOGFILE_READ_MISSING;
}
