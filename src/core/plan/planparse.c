/* The plan parser's shared helpers (planparse.h): recording a mistake against its line and
 * copying a string into the plan, for the reader (planlines.c), the keys (plankeys.c) and the
 * checks (planbuild.c). libc only; never prints. */
#include "core/plan/planparse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void planparse_error(planparse_t *st, int line, const char *fmt, ...)
{
    plan_errors_t *e = st->errs;
    if (e->count >= PLAN_MAX_ERRORS) {
        e->dropped++;
        return;
    }
    plan_error_t *item = &e->items[e->count++];
    item->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(item->message, sizeof item->message, fmt, ap);
    va_end(ap);
}

char *planparse_strdup(planparse_t *st, const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (!copy) {
        st->out_of_memory = true;
        return NULL;
    }
    memcpy(copy, s, n);
    return copy;
}
