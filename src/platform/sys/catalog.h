/* The plans a user can choose: the built-ins in the assets folder and the user's own in
 * $XDG_CONFIG_HOME/safebase/plans. Reads files; reports mistakes as "FILE:LINE: message". */
#ifndef SAFEBASE_PLATFORM_CATALOG_H
#define SAFEBASE_PLATFORM_CATALOG_H

#include <stdbool.h>
#include <stdio.h>

#include "core/plan/plan.h"

#define CATALOG_MAX 64
#define CATALOG_MAX_FILE (256 * 1024)   /* a plan file larger than this is refused */

typedef struct {
    char id[64];        /* file name without ".plan": what --plan takes */
    char path[4096];
    bool user;          /* from the user's folder */
    plan_t plan;
} catalog_entry_t;

typedef struct {
    catalog_entry_t items[CATALOG_MAX];
    int count;
} catalog_t;

/* Reads and parses one plan file. Returns true and fills *plan (caller frees) when valid;
 * otherwise writes every mistake to err as "PATH:LINE: message" lines and returns false. */
bool catalog_load_file(const char *path, plan_t *plan, FILE *err);

/* Loads every *.plan in dir, sorted by file name, into cat. Files with mistakes are
 * reported to err and skipped. Returns how many were added. A missing dir is not an error. */
int catalog_load_dir(catalog_t *cat, const char *dir, bool user, FILE *err);

/* Loads the built-in plans and then the user's. */
void catalog_load_all(catalog_t *cat, FILE *err);

/* Finds a plan by id or by title (case-insensitive). Returns NULL when none matches. */
catalog_entry_t *catalog_find(catalog_t *cat, const char *name);

void catalog_free(catalog_t *cat);

#endif
