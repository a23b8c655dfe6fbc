/* A deep copy of a plan, for changing one session's lengths (the separations a client has grown
 * into) without touching the catalogue's plan. libc only. */
#ifndef SAFEBASE_CORE_PLANCOPY_H
#define SAFEBASE_CORE_PLANCOPY_H

#include <stdbool.h>

#include "core/plan/plan.h"

/* Copies src into *dst with its own strings and phases (free it with plan_free). False, with
 * *dst zeroed, when memory runs out. */
bool plan_copy(plan_t *dst, const plan_t *src);

#endif
