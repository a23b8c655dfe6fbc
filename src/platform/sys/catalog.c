/* Loads plan files from disk for the core parser and keeps them in a list. Prints only to
 * the stream it is given; never exits. No SDL here. */
#include "platform/sys/catalog.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "platform/sys/paths.h"

/* Reads a whole small regular file. Returns a malloc'd buffer (caller frees) or NULL with a
 * reason in why. */
static char *read_small_file(const char *path, size_t *len, const char **why)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *why = strerror(errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        *why = "not a regular file";
        return NULL;
    }
    if (st.st_size > CATALOG_MAX_FILE) {
        fclose(f);
        *why = "file is too large for a plan (over 256 KiB)";
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
    bool failed = !buf || ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        *why = "could not read the file";
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

bool catalog_load_file(const char *path, plan_t *plan, FILE *err)
{
    const char *why = NULL;
    size_t len = 0;
    char *text = read_small_file(path, &len, &why);
    if (!text) {
        if (err)
            fprintf(err, "%s: %s\n", path, why);
        return false;
    }
    plan_errors_t *errs = calloc(1, sizeof *errs); /* large: on the heap, not the stack */
    if (!errs) {
        free(text);
        if (err)
            fprintf(err, "%s: out of memory\n", path);
        return false;
    }
    bool ok = plan_parse(text, len, plan, errs);
    free(text);
    for (int i = 0; err && i < errs->count; i++) {
        if (errs->items[i].line > 0)
            fprintf(err, "%s:%d: %s\n", path, errs->items[i].line, errs->items[i].message);
        else /* about the file as a whole */
            fprintf(err, "%s: %s\n", path, errs->items[i].message);
    }
    if (err && errs->dropped > 0)
        fprintf(err, "%s: %d more errors not shown\n", path, errs->dropped);
    free(errs);
    return ok;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_plan_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".plan") == 0 && name[0] != '.';
}

static void add_entry(catalog_t *cat, const char *dir, const char *name, bool user, FILE *err)
{
    catalog_entry_t *e = &cat->items[cat->count];
    memset(e, 0, sizeof *e);
    if (!paths_join(e->path, sizeof e->path, dir, name))
        return;
    size_t idlen = strlen(name) - 5;
    if (idlen >= sizeof e->id)
        idlen = sizeof e->id - 1;
    memcpy(e->id, name, idlen);
    e->user = user;
    if (catalog_load_file(e->path, &e->plan, err))
        cat->count++;
}

int catalog_load_dir(catalog_t *cat, const char *dir, bool user, FILE *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char *names[256];
    int n = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) && n < 256) {
        char *name = has_plan_suffix(ent->d_name) ? strdup(ent->d_name) : NULL;
        if (name) /* (out of memory: skipped, never a NULL for by_name) */
            names[n++] = name;
    }
    closedir(d);
    if (n > 1)
        qsort(names, (size_t)n, sizeof names[0], by_name);
    int before = cat->count;
    for (int i = 0; i < n; i++) {
        if (cat->count < CATALOG_MAX)
            add_entry(cat, dir, names[i], user, err);
        free(names[i]);
    }
    return cat->count - before;
}

void catalog_load_all(catalog_t *cat, FILE *err)
{
    char dir[4096], plans[4096], assets[4096];
    if (paths_assets(assets, sizeof assets) && paths_join(dir, sizeof dir, assets, "plans") &&
        catalog_load_dir(cat, dir, false, err) == 0 && err)
        fprintf(err, "safebase: no built-in plans in %s: reinstall Safe Base, or set "
                "SAFEBASE_ASSETS to its assets folder\n", dir);
    if (paths_config_dir(dir, sizeof dir) && paths_join(plans, sizeof plans, dir, "plans"))
        catalog_load_dir(cat, plans, true, err);
}

catalog_entry_t *catalog_find(catalog_t *cat, const char *name)
{
    for (int i = 0; i < cat->count; i++)
        if (strcasecmp(cat->items[i].id, name) == 0)
            return &cat->items[i];
    for (int i = 0; i < cat->count; i++)
        if (strcasecmp(cat->items[i].plan.title, name) == 0)
            return &cat->items[i];
    return NULL;
}

void catalog_free(catalog_t *cat)
{
    for (int i = 0; i < cat->count; i++)
        plan_free(&cat->items[i].plan);
    cat->count = 0;
}
