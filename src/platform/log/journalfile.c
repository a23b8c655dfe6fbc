/* Writes, locks, finds and recovers journals. A journal is replaced, never edited in place:
 * the new text goes to PATH.tmp, which is locked, fsync()ed and renamed over PATH, then the
 * folder is fsync()ed; a power cut leaves the old journal or the new one, never half of one.
 * (On Windows the same through osfile.h: LockFileEx, FlushFileBuffers, MoveFileExW.) */
#include "platform/log/journalfile.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/base/translate.h"
#include "core/log/logkeep.h"
#include "platform/log/logdir.h"
#include "platform/log/logfile.h"
#include "platform/sys/i18n.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

#define STALE_TMP_S 60   /* a temporary file older than this, unlocked, is left from a crash */

/* The log's path in one spelling whatever way it was given: its folder resolved by
 * realpath() when it exists, else made absolute as written. */
static void canonical(const char *path, char *out, size_t size)
{
    char dir[4096], real[4096], cwd[4096];
    const char *base = NULL;
    for (const char *p = path; *p; p++)
        if (paths_is_separator(*p))
            base = p;
    paths_dirname(path, dir, sizeof dir);
    int n;
    if (osfile_realpath(dir, real, sizeof real))
        n = snprintf(out, size, "%s/%s", strcmp(real, "/") == 0 ? "" : real, base ? base + 1 : path);
    else if (!paths_is_absolute(path) && getcwd(cwd, sizeof cwd))
        n = snprintf(out, size, "%s/%s", cwd, path);
    else
        n = snprintf(out, size, "%s", path);
    if (n < 0 || (size_t)n >= size)
        snprintf(out, size, "%s", path); /* too long to resolve: as given */
}

/* The prefix of journal file names for a log, in the folder beside it or the fallback one. */
static bool journal_prefix(const char *log, bool fallback, char *dir, size_t dirsize, char *prefix,
                           size_t size)
{
    if (!fallback) {
        paths_dirname(log, dir, dirsize);
        const char *base = log;
        for (const char *p = log; *p; p++)
            if (paths_is_separator(*p))
                base = p + 1;
        /* a device's file in a shared folder (logdir.h): its journal stays on the device */
        return !logdir_is_log_name(base) && snprintf(prefix, size, "%s.journal-", base) < (int)size;
    }
    char abs[4096];
    canonical(log, abs, sizeof abs);
    uint64_t h = 1469598103934665603ULL; /* FNV-1a of the log's canonical path */
    for (const char *p = abs; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return paths_state_dir(dir, dirsize) && snprintf(prefix, size, "%016llx.journal-", (unsigned long long)h) < (int)size;
}

bool journalfile_init(journalfile_t *jf, const char *log_path, const char *id)
{
    memset(jf, 0, sizeof *jf);
    jf->fd = -1;
    jf->j = calloc(1, sizeof *jf->j);
    jf->buf = malloc(JOURNAL_MAX_BYTES);
    if (!jf->j || !jf->buf)
        return false;
    char abs[4096];
    canonical(log_path, abs, sizeof abs);
    journal_init(jf->j, id, abs);
    return true;
}

/* Writes text to target via target.tmp. Returns the new journal's locked fd, or -1. held is
 * this app's descriptor of target itself (or NULL): Windows will not rename over a file that is
 * open, so when the rename fails it is closed (and set to -1) and the rename tried once more. */
static int replace(const char *target, const char *text, size_t n, int *held, char *err, size_t errsize)
{
    char tmp[4500], dir[4400];
    int fd = -1;
    if (snprintf(tmp, sizeof tmp, "%s.tmp", target) >= (int)sizeof tmp) {
        /* TRANSLATORS: the journal keeps sessions safe until the log can be written */
        snprintf(err, errsize, "%s", _("the journal's path is too long"));
        return -1;
    }
    paths_dirname(target, dir, sizeof dir);
    if (!paths_mkdirs(dir, 0755, 0700) ||
        (fd = osfile_open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 || osfile_lock(fd, true) != 0)
        goto fail;
    for (size_t done = 0; done < n;) {
        ssize_t w = write(fd, text + done, n - done);
        if (w <= 0) {
            errno = w < 0 ? errno : ENOSPC;
            goto fail;
        }
        done += (size_t)w;
    }
    if (osfile_sync(fd) != 0)
        goto fail;
    if (osfile_replace(tmp, target) != 0) {
        if (!held || *held < 0)
            goto fail;
        close(*held); /* (for a moment no lock guards target: a start just then may recover it) */
        *held = -1;
        if (osfile_replace(tmp, target) != 0) {
            int error = errno;
            int again = osfile_open(target, O_RDWR, 0); /* the old one kept, locked again */
            if (again >= 0 && osfile_lock(again, false) != 0) {
                close(again);
                again = -1;
            }
            *held = again;
            errno = error;
            goto fail;
        }
    }
    osfile_sync_dir(dir);
    return fd;
fail:
    /* TRANSLATORS: the journal (%1$s) cannot be written, and why */
    snprintf(err, errsize, _("cannot keep the journal %s: %s"), target, strerror(errno));
    if (fd >= 0) {
        osfile_unlink(tmp);
        close(fd);
    }
    return -1;
}

static void forget(journalfile_t *jf, bool remove)
{
    if (remove && jf->path[0]) {
        char dir[4096];
        osfile_unlink(jf->path);
        paths_dirname(jf->path, dir, sizeof dir);
        osfile_sync_dir(dir);
    }
    if (jf->fd >= 0)
        close(jf->fd);
    jf->fd = -1;
    jf->path[0] = '\0';
}

bool journalfile_save(journalfile_t *jf, char *err, size_t errsize)
{
    if (jf->j->count == 0) {
        forget(jf, true);
        return true;
    }
    int n = journal_encode(jf->j, jf->buf, JOURNAL_MAX_BYTES);
    if (n < 0) {
        snprintf(err, errsize, "%s", _("the journal is too long"));
        return false;
    }
    char targets[3][4400]; /* where it is now, then beside the log, then the fallback folder */
    int count = 0;
    if (jf->path[0])
        snprintf(targets[count++], sizeof targets[0], "%s", jf->path);
    for (int fallback = 0; fallback < 2; fallback++) {
        char dir[4096], prefix[256];
        if (journal_prefix(jf->j->log, fallback, dir, sizeof dir, prefix, sizeof prefix) &&
            snprintf(targets[count], sizeof targets[0], "%s/%s%s", dir, prefix, jf->j->id) < (int)sizeof targets[0] &&
            (count == 0 || strcmp(targets[count], targets[0]) != 0))
            count++;
    }
    for (int i = 0; i < count; i++) {
        bool current = jf->fd >= 0 && strcmp(targets[i], jf->path) == 0;
        int fd = replace(targets[i], jf->buf, (size_t)n, current ? &jf->fd : NULL, err, errsize);
        if (fd < 0)
            continue;
        if (strcmp(targets[i], jf->path) != 0)
            forget(jf, true); /* it moved: the old copy goes */
        if (jf->fd >= 0)
            close(jf->fd);
        jf->fd = fd;
        memcpy(jf->path, targets[i], sizeof jf->path);
        return true;
    }
    return false;
}

void journalfile_free(journalfile_t *jf)
{
    forget(jf, jf->j && jf->j->count == 0);
    free(jf->j);
    free(jf->buf);
    jf->j = NULL;
    jf->buf = NULL;
}

/* Reads a whole journal file (bounded). Returns its length, or -1. */
static long slurp(int fd, char *buf, size_t size)
{
    size_t have = 0;
    ssize_t got;
    while (have < size && (got = read(fd, buf + have, size - have)) > 0)
        have += (size_t)got;
    return have < size ? (long)have : -1;
}

/* Carries out core/log/logkeep's recovery of a dead app's journal jf: its records appended
 * to the log once each, oldest first (the policy is logkeep's), said on out. Returns how many
 * were written; what could not be stays in the journal. */
static int recover_records(journalfile_t *jf, const char *log, FILE *out)
{
    logkeep_t *k = malloc(sizeof *k); /* (large: it holds a parsed record) */
    if (!k) {
        i18n_say(out, _("out of memory: the journal %s is left for the next start"), jf->path);
        return 0;
    }
    logkeep_actions_t todo = { 0 };
    logkeep_action_t a;
    char err[600] = "";
    logkeep_init(k, jf->j);
    logkeep_recover(k, &todo);
    while (logkeep_take(&todo, &a)) {
        if (a.kind == LOGKEEP_APPEND_ONCE) {
            logfile_result_t r = logfile_append_once(log, a.line, err, sizeof err);
            logkeep_appended_once(k, logfile_once_kept(r), 0, &todo);
        } else if (a.kind == LOGKEEP_SAVE_JOURNAL) { /* empty: removed; else what is left */
            bool ok = journalfile_save(jf, err, sizeof err);
            if (!ok)
                i18n_say(out, "%s", err);
            logkeep_saved(k, ok, 0, &todo);
        } else if (a.kind == LOGKEEP_TELL && a.tell == LOGKEEP_TELL_RECOVERED) {
            /* TRANSLATORS: a session found in the journal after a crash went into the log (%1$s);
               %2$s says which ("a session cut off on 2024-03-04 at 09:30 (Plan, 5 min)") */
            i18n_say(out, _("added to %s: %s"), log, a.detail);
        } else if (a.kind == LOGKEEP_TELL && a.tell == LOGKEEP_TELL_DAMAGED) {
            /* TRANSLATORS: %1$s is the log, %2$s what is wrong with the record */
            i18n_say(out, _("a record in the journal for %s is damaged (%s): left in the journal"), log, a.detail);
        } else if (a.kind == LOGKEEP_TELL && a.tell == LOGKEEP_TELL_KEPT) {
            i18n_say(out, "%s", err);
            i18n_say(out, P_("%d session is kept safe and will be written at the next start",
                             "%d sessions are kept safe and will be written at the next start", a.count), a.count);
        }
    }
    int written = logkeep_recovered(k);
    free(k);
    return written;
}

/* Recovers one journal if its app is gone. Returns the records written. */
static int recover_one(const char *path, const char *log_abs, bool fallback, const char *log, FILE *out)
{
    int fd = osfile_open(path, O_RDWR, 0);
    if (fd < 0)
        return 0;
    osfile_stat_t held, now;
    journalfile_t jf = { .fd = -1 };
    int written = 0;
    if (osfile_lock(fd, false) != 0 || osfile_fstat(fd, &held) != 0 || osfile_stat(path, &now) != 0 ||
        held.ino != now.ino || held.dev != now.dev)
        goto done; /* its app is alive (or just replaced it) */
    char err[300];
    jf.j = calloc(1, sizeof *jf.j); /* (zeroed: freed unread when the file is too long) */
    jf.buf = malloc(JOURNAL_MAX_BYTES + 1);
    long n = jf.j && jf.buf ? slurp(fd, jf.buf, JOURNAL_MAX_BYTES + 1) : -1;
    if (n < 0 || !journal_decode(jf.buf, (size_t)n, jf.j, err, sizeof err)) {
        /* TRANSLATORS: a journal (%1$s) left by an app that stopped cannot be read; %2$s says why */
        i18n_say(out, _("cannot read the journal %s (%s): left as it is"), path, n < 0 ? _("too long") : err);
        goto done;
    }
    if (fallback && strcmp(jf.j->log, log_abs) != 0)
        goto done; /* another log's journal (a name clash in the fallback folder) */
    snprintf(jf.path, sizeof jf.path, "%s", path);
    jf.fd = fd;
    fd = -1;
    written = recover_records(&jf, log, out);
done:
    if (fd >= 0)
        close(fd);
    journalfile_free(&jf);
    return written;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Removes a temporary journal left by a crash (unlocked, and old enough not to be in use). */
static void remove_stale_tmp(const char *path)
{
    int fd = osfile_open(path, O_RDONLY, 0);
    osfile_stat_t st;
    if (fd < 0)
        return;
    if (osfile_lock(fd, false) == 0 && osfile_fstat(fd, &st) == 0 &&
        time(NULL) - st.mtime_ns / 1000000000 > STALE_TMP_S)
        osfile_unlink(path);
    close(fd);
}

/* Recovers the journals in dir whose names start with prefix, oldest first. */
static int recover_dir(const char *dir, const char *prefix, const char *log_abs, bool fallback, const char *log,
                       FILE *out)
{
    osfile_dir_t *d = osfile_opendir(dir);
    if (!d)
        return 0;
    char *names[256];
    int count = 0, written = 0;
    size_t plen = strlen(prefix);
    const char *name;
    osfile_kind_t kind;
    while (count < 256 && (name = osfile_readdir(d, &kind))) {
        if (strncmp(name, prefix, plen) == 0 && (names[count] = strdup(name)))
            count++;
    }
    osfile_closedir(d);
    if (count > 1)
        qsort(names, (size_t)count, sizeof names[0], by_name);
    for (int i = 0; i < count; i++) {
        char path[4400];
        size_t n = strlen(names[i]);
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (n > 4 && strcmp(names[i] + n - 4, ".tmp") == 0)
            remove_stale_tmp(path);
        else
            written += recover_one(path, log_abs, fallback, log, out);
        free(names[i]);
    }
    return written;
}

int journalfile_recover(const char *log_path, FILE *out)
{
    char abs[4096], dir[4096], prefix[256];
    canonical(log_path, abs, sizeof abs);
    int written = 0;
    for (int fallback = 0; fallback < 2; fallback++) {
        if (journal_prefix(log_path, fallback, dir, sizeof dir, prefix, sizeof prefix))
            written += recover_dir(dir, prefix, abs, fallback, log_path, out);
    }
    return written;
}
