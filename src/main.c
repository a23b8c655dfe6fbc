/* safebase: parse the options, then check or list plans, or run the app. Wiring only: the
 * work is in src/core (decisions) and src/platform (SDL, files). One cleanup path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/log/record.h"
#include "platform/app/app.h"
#include "platform/sys/catalog.h"
#include "platform/sys/config.h"
#include "platform/log/historyprint.h"
#include "platform/log/journalfile.h"
#include "platform/log/logdir.h"
#include "platform/log/logfile.h"
#include "platform/log/reportprint.h"
#include "platform/sys/i18n.h"
#include "platform/sys/options.h"
#include "platform/sys/osfile.h"
#include "platform/sys/osproc.h"
#include "platform/sys/paths.h"

static int check_files(const options_t *o)
{
    int bad = 0;
    for (int i = 0; i < o->nfiles; i++) {
        plan_t plan;
        if (catalog_load_file(o->files[i], &plan, stderr)) {
            /* TRANSLATORS: --check, a good plan file: the file, the plan's title, its phases */
            printf(P_("%s: ok (%s, %d phase)\n", "%s: ok (%s, %d phases)\n", plan.nphases), o->files[i], plan.title,
                   plan.nphases);
            plan_free(&plan);
        } else {
            bad++;
        }
    }
    return bad ? 1 : 0;
}

/* Writes s padded with spaces to width characters (UTF-8 counted as characters, as printf's
 * %-Ns and %Ns count bytes): left-aligned, or right-aligned when width is negative. */
static void print_column(const char *s, int width)
{
    int chars = 0;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    int pad = (width < 0 ? -width : width) - chars;
    pad = pad > 0 ? pad : 0;
    if (width < 0)
        printf("%*s%s", pad, "", s);
    else
        printf("%s%*s", s, pad, "");
}

static void list_plans(const catalog_t *cat)
{
    for (int i = 0; i < cat->count; i++) {
        const catalog_entry_t *e = &cat->items[i];
        char len[48];
        duration_format_length(plan_total_ms(&e->plan), len, sizeof len);
        print_column(e->id, 28);
        fputs(" ", stdout);
        print_column(e->plan.title, 40);
        fputs(" ", stdout);
        print_column(len, -10);
        fputs("  ", stdout);
        print_column(_(plan_audience_name(e->plan.audience)), 9);
        /* TRANSLATORS: --list: marks a plan of the user's own (in their plans folder) */
        fputs(e->user ? _("  (yours)") : "", stdout);
        fputs("\n", stdout);
    }
}

/* --plan names a catalogue id or title, or a file, which then joins the catalogue. */
static catalog_entry_t *resolve_plan(catalog_t *cat, const char *name)
{
    catalog_entry_t *e = catalog_find(cat, name);
    if (e || cat->count >= CATALOG_MAX)
        return e;
    FILE *probe = osfile_fopen(name, "rb");
    if (!probe) {
        /* TRANSLATORS: --plan NAME found no plan; --list stays as it is */
        i18n_say(stderr, _("no plan named \"%s\" (see --list)"), name);
        return NULL;
    }
    fclose(probe);
    e = &cat->items[cat->count];
    memset(e, 0, sizeof *e);
    /* a plan file named by its path is one opened from outside, like a file someone sent:
     * adjusting it saves a copy among the user's plans, never over the file itself */
    if (!osfile_realpath(name, e->path, sizeof e->path))
        snprintf(e->path, sizeof e->path, "%s", name);
    const char *base = paths_last_separator(e->path);
    base = base ? base + 1 : e->path;
    snprintf(e->id, sizeof e->id, "%.*s", (int)strcspn(base, "."), base);
    e->opened = true;
    if (!catalog_load_file(name, &e->plan, stderr))
        return NULL;
    cat->count++;
    return e;
}

/* --history: --plan may name a catalogue id; the log holds titles. log_path is the log
 * chosen by choose_log, "" when there is none; log_dir the shared folder, "" when none. */
static int show_history(const options_t *o, catalog_t *cat, const char *log_path, const char *log_dir)
{
    if (!log_path[0]) {
        i18n_say(stderr, "%s", _("no log to read (HOME is not set, or the shared folder cannot be used; use --log FILE)"));
        return 1;
    }
    if (log_dir[0])
        /* TRANSLATORS: --history with a shared log folder (%1$s): every device's file in it is
           read; %2$s is this device's file */
        i18n_say(stderr, _("every device's file in %s; this device writes %s"), log_dir,
                 paths_last_separator(log_path) ? paths_last_separator(log_path) + 1 : log_path);
    catalog_entry_t *e = o->plan ? catalog_find(cat, o->plan) : NULL;
    return historyprint_main(log_path, log_dir[0] ? log_dir : NULL, o->since, o->until, o->client,
                             e ? e->plan.title : o->plan, o->csv, stdout, stderr);
}

/* The log: --log FILE; else this device's file in the shared folder (--log-dir DIR, or
 * log_dir = DIR in the settings, relative to the settings file's folder), its folder into
 * log_dir; else the default. Says how to bring the old default log into a shared folder
 * that has no file of this device yet. Returns false (log_path "") when there is none. */
static bool choose_log(const options_t *o, const settings_t *s, char *log_path, size_t size, char *log_dir,
                       size_t dirsize)
{
    char base[4096] = "", err[600], old[4096];
    log_path[0] = log_dir[0] = '\0';
    if (o->log || (!o->log_dir && !s->log_dir[0]))
        return logfile_choose_path(o->log, log_path, size);
    if (o->config)
        paths_dirname(o->config, base, sizeof base);
    else if (!paths_config_dir(base, sizeof base))
        base[0] = '\0';
    if (o->log_dir)
        snprintf(log_dir, dirsize, "%s", o->log_dir);
    else if (!paths_resolve(s->log_dir, base, log_dir, dirsize)) /* (relative to the settings' folder) */
        log_dir[0] = '\0';
    if (!log_dir[0] || !logdir_device_file(log_dir, log_path, size, err, sizeof err)) {
        /* TRANSLATORS: the shared log folder (%1$s) cannot be used; %2$s says why */
        i18n_say(stderr, _("the shared log folder %s cannot be used: %s"), log_dir[0] ? log_dir : s->log_dir,
                 log_dir[0] ? err : _("its path is too long, or HOME is not set"));
        log_path[0] = log_dir[0] = '\0';
        return false;
    }
    osfile_stat_t st;
    if (osfile_stat(log_path, &st) != 0 && logfile_choose_path(NULL, old, sizeof old) && osfile_stat(old, &st) == 0)
        /* TRANSLATORS: when a shared log folder is first used: %1$s is the old log, %2$s the
           shared folder, %3$s the file name this device uses there */
        i18n_say(stderr, _("your earlier sessions are in %s; to see them with every device's, copy that "
                           "file into %s as %s (before this device's first session there; see docs/log-format.md)"),
                 old, log_dir, paths_last_separator(log_path) + 1);
    return true;
}

/* glibc's malloc, tuned for a long-running app whose big blocks (text and disk textures, sound
 * buffers) come and go: each block of 1 MiB or more (the disk's layer, a window-wide text)
 * gets its own mapping, given back the moment it is freed (by default the threshold rises
 * with every such block freed, up to 32 MiB, and freed blocks then stay in the heap). Smaller
 * ones, such as the digits rendered anew each second, reuse heap memory: mapped afresh, each
 * would cost its page faults every second (at 128 KiB, the clock's frame took 0.95 ms, now
 * 0.6; peak memory rose 0.7 MiB). And one arena for all threads, rather than
 * one per thread that allocates (the decoder and the loudness threads), each keeping its own
 * spare memory. The audio callback never allocates, so it never waits for the arena. */
static void tune_memory(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    mallopt(M_ARENA_MAX, 1);
#endif
}

int main(int argc, char **argv)
{
    osproc_console();
    argv = osproc_args(&argc, argv);
    if (!argv)
        return 1;
    i18n_init();
    tune_memory();
    options_t opts;
    char err[512];
    if (!options_parse(argc, argv, &opts, err, sizeof err)) {
        fprintf(stderr, "safebase: %s\n", err);
        return 2;
    }
    if (opts.mode == MODE_HELP) {
        options_usage(stdout);
        return 0;
    }
    if (opts.mode == MODE_VERSION) {
        printf("safebase %s\n", SAFEBASE_VERSION);
        return 0;
    }
    if (opts.mode == MODE_CHECK)
        return check_files(&opts);
    if (opts.client && !record_label_ok(opts.client, err, sizeof err)) {
        fprintf(stderr, "safebase: --client: %s\n", err);
        return 2;
    }
    settings_t settings;
    config_load(&settings, &opts, stderr);
    char log_path[4096], log_dir[4096];
    if (choose_log(&opts, &settings, log_path, sizeof log_path, log_dir, sizeof log_dir))
        journalfile_recover(log_path, stderr); /* sessions a crash or a full disk left behind */
    if (!opts.log && (opts.log_dir || settings.log_dir[0]))
        opts.log = log_path; /* this device's file, and only that one ("" = none: not the default) */
    catalog_t *cat = calloc(1, sizeof *cat);
    if (!cat) {
        i18n_say(stderr, "%s", _("out of memory"));
        return 1;
    }
    catalog_load_all(cat, stderr);
    int status = 0;
    catalog_entry_t *entry = NULL;
    if (opts.mode == MODE_LIST) {
        list_plans(cat);
    } else if (opts.mode == MODE_HISTORY) {
        status = show_history(&opts, cat, log_path, log_dir);
    } else if (opts.mode == MODE_REPORT) {
        /* the one log, as --history reads it; --plan may name a catalogue id (the log holds titles) */
        const catalog_entry_t *pe = opts.plan ? catalog_find(cat, opts.plan) : NULL;
        const char *logs[1] = { log_path };
        if (!log_path[0]) {
            i18n_say(stderr, "%s", _("no log to read (HOME is not set, or the shared log folder cannot be "
                                     "used: see above; --log FILE names one)"));
            status = 1;
        } else {
            status = reportprint_run(&opts, pe ? pe->plan.title : opts.plan, logs, 1, stdout, stderr);
        }
    } else if (opts.plan && !(entry = resolve_plan(cat, opts.plan))) {
        status = 2;
    } else {
        /* a plain FILE.plan (opts.plan_file) is opened by the app itself, which shows its
         * mistakes on screen: nothing is read, said or refused here (entry stays NULL) */
        status = app_run(&opts, &settings, cat, entry);
    }
    catalog_free(cat);
    free(cat);
    return status;
}
