/* safebase: parse the options, then check or list plans, or run the app. Wiring only: the
 * work is in src/core (decisions) and src/platform (SDL, files). One cleanup path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/base/duration.h"
#include "core/log/record.h"
#include "platform/app/app.h"
#include "platform/sys/catalog.h"
#include "platform/sys/config.h"
#include "platform/log/historyprint.h"
#include "platform/log/journalfile.h"
#include "platform/log/logfile.h"
#include "platform/sys/options.h"

static int check_files(const options_t *o)
{
    int bad = 0;
    for (int i = 0; i < o->nfiles; i++) {
        plan_t plan;
        if (catalog_load_file(o->files[i], &plan, stderr)) {
            printf("%s: ok (%s, %d phases)\n", o->files[i], plan.title, plan.nphases);
            plan_free(&plan);
        } else {
            bad++;
        }
    }
    return bad ? 1 : 0;
}

static void list_plans(const catalog_t *cat)
{
    for (int i = 0; i < cat->count; i++) {
        const catalog_entry_t *e = &cat->items[i];
        char len[48];
        duration_format_length(plan_total_ms(&e->plan), len, sizeof len);
        printf("%-28s %-40s %10s  %-9s%s\n", e->id, e->plan.title, len,
               plan_audience_name(e->plan.audience), e->user ? "  (yours)" : "");
    }
}

/* --plan names a catalogue id or title, or a file, which then joins the catalogue. */
static catalog_entry_t *resolve_plan(catalog_t *cat, const char *name)
{
    catalog_entry_t *e = catalog_find(cat, name);
    if (e || cat->count >= CATALOG_MAX)
        return e;
    FILE *probe = fopen(name, "rb");
    if (!probe) {
        fprintf(stderr, "safebase: no plan named \"%s\" (see --list)\n", name);
        return NULL;
    }
    fclose(probe);
    e = &cat->items[cat->count];
    memset(e, 0, sizeof *e);
    /* a plan file named by its path is one opened from outside, like a file someone sent:
     * adjusting it saves a copy among the user's plans, never over the file itself */
    if (!realpath(name, e->path))
        snprintf(e->path, sizeof e->path, "%s", name);
    const char *base = strrchr(e->path, '/');
    base = base ? base + 1 : e->path;
    snprintf(e->id, sizeof e->id, "%.*s", (int)strcspn(base, "."), base);
    e->opened = true;
    if (!catalog_load_file(name, &e->plan, stderr))
        return NULL;
    cat->count++;
    return e;
}

/* --history: --plan may name a catalogue id; the log holds titles. */
static int show_history(const options_t *o, catalog_t *cat)
{
    char log_path[4096];
    if (!logfile_choose_path(o->log, log_path, sizeof log_path)) {
        fprintf(stderr, "safebase: HOME is not set: no log to read (use --log FILE)\n");
        return 1;
    }
    catalog_entry_t *e = o->plan ? catalog_find(cat, o->plan) : NULL;
    return historyprint_main(log_path, o->since, o->until, o->client, e ? e->plan.title : o->plan,
                             o->csv, stdout, stderr);
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
    tune_memory();
    options_t opts;
    char err[512];
    if (!options_parse(argc, argv, &opts, err, sizeof err)) {
        fprintf(stderr, "safebase: %s\n", err);
        return 2;
    }
    if (opts.mode == MODE_HELP) {
        fputs(options_usage(), stdout);
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
    char log_path[4096];
    if (logfile_choose_path(opts.log, log_path, sizeof log_path))
        journalfile_recover(log_path, stderr); /* sessions a crash or a full disk left behind */
    catalog_t *cat = calloc(1, sizeof *cat);
    if (!cat) {
        fprintf(stderr, "safebase: out of memory\n");
        return 1;
    }
    catalog_load_all(cat, stderr);
    int status = 0;
    catalog_entry_t *entry = NULL;
    settings_t settings;
    if (opts.mode == MODE_LIST) {
        list_plans(cat);
    } else if (opts.mode == MODE_HISTORY) {
        status = show_history(&opts, cat);
    } else if (opts.plan && !(entry = resolve_plan(cat, opts.plan))) {
        status = 2;
    } else {
        /* a plain FILE.plan (opts.plan_file) is opened by the app itself, which shows its
         * mistakes on screen: nothing is read, said or refused here (entry stays NULL) */
        config_load(&settings, &opts, stderr);
        status = app_run(&opts, &settings, cat, entry);
    }
    catalog_free(cat);
    free(cat);
    return status;
}
