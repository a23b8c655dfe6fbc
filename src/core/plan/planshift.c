/* Plans: where a plan's growing separations start, and moving that start (for separations
 * that grow across sessions, docs/separations.md). Works on expanded phases, which know their
 * round. libc only; never prints, never allocates. */
#include "core/plan/plan.h"

#define SHIFT_MIN_MS 5000   /* a shifted separation is never made shorter than this */

/* The repeat block around phase i: its first phase and its phases per round (round 1). */
static void block_of(const plan_t *plan, int i, int *start, int *size)
{
    const plan_phase_t *ph = plan->phases;
    int b = i, e = i + 1;
    while (b > 0 && ph[b - 1].round == 1 && ph[b - 1].rounds == ph[i].rounds)
        b--;
    while (e < plan->nphases && ph[e].round == 1 && ph[e].rounds == ph[i].rounds)
        e++;
    *start = b;
    *size = e - b;
}

/* The grow of phase i (round 1 of a block of size k): round 2's length minus round 1's. */
static int64_t grow_at(const plan_t *plan, int i, int k)
{
    const plan_phase_t *ph = &plan->phases[i];
    if (ph->kind != PHASE_SEPARATE || ph->round != 1 || ph->rounds < 2 || i + k >= plan->nphases)
        return 0;
    int64_t g = plan->phases[i + k].duration_ms - ph->duration_ms;
    return g > 0 ? g : 0;
}

/* The first growing separate phase: its index, block start and size, and grow; -1 if none. */
static int find_growing(const plan_t *plan, int *start, int *size, int64_t *grow)
{
    for (int i = 0; i < plan->nphases; i++) {
        const plan_phase_t *ph = &plan->phases[i];
        if (ph->kind != PHASE_SEPARATE || ph->round != 1 || ph->rounds < 2)
            continue;
        block_of(plan, i, start, size);
        *grow = grow_at(plan, i, *size);
        if (*grow > 0)
            return i;
    }
    return -1;
}

int64_t plan_separation_grow(const plan_t *plan, int64_t *first_ms, int *rounds)
{
    int start, size;
    int64_t grow = 0;
    int i = find_growing(plan, &start, &size, &grow);
    if (first_ms) {
        *first_ms = 0;
        int f = i >= 0 ? i : plan_find_kind_after(plan, -1, PHASE_SEPARATE);
        if (f >= 0)
            *first_ms = plan->phases[f].duration_ms;
    }
    if (rounds)
        *rounds = i >= 0 ? plan->phases[i].rounds : 1;
    return i >= 0 ? grow : 0;
}

static int64_t capped(const plan_t *plan, int64_t ms)
{
    if (plan->grow_max_ms > 0 && ms > plan->grow_max_ms)
        ms = plan->grow_max_ms;
    return ms < PLAN_MAX_PHASE_MS ? ms : PLAN_MAX_PHASE_MS;
}

/* The new length of phase j (round r of a growing separate phase at offset o), or its own. */
static int64_t shifted(const plan_t *plan, int j, int i, int start, int size, int64_t first_ms,
                       int64_t grow)
{
    const plan_phase_t *ph = &plan->phases[j];
    int rounds = plan->phases[i].rounds;
    if (j < start || j >= start + size * rounds || ph->kind != PHASE_SEPARATE)
        return ph->duration_ms;
    int o = (j - start) % size, r = (j - start) / size + 1;
    int64_t g = grow_at(plan, start + o, size);
    if (g == 0)
        return ph->duration_ms;
    if (start + o == i)
        return capped(plan, first_ms + grow * (r - 1));
    int64_t moved = ph->duration_ms + (first_ms - plan->phases[i].duration_ms);
    int64_t floor = ph->duration_ms < SHIFT_MIN_MS ? ph->duration_ms : SHIFT_MIN_MS;
    return capped(plan, moved > floor ? moved : floor);
}

bool plan_shift_separations(plan_t *plan, int64_t first_ms)
{
    int start, size;
    int64_t grow = 0;
    int i = find_growing(plan, &start, &size, &grow);
    if (i < 0 || first_ms <= 0)
        return false;
    int64_t total = 0;
    for (int j = 0; j < plan->nphases; j++)
        total += shifted(plan, j, i, start, size, first_ms, grow);
    if (total > PLAN_MAX_TOTAL_MS || (plan->end_warning_ms > 0 && plan->end_warning_ms >= total))
        return false;
    /* all lengths first (shifted() reads the old ones), then write them */
    int64_t lengths[PLAN_MAX_PHASES];
    int n = plan->nphases < PLAN_MAX_PHASES ? plan->nphases : PLAN_MAX_PHASES;
    for (int j = 0; j < n; j++)
        lengths[j] = shifted(plan, j, i, start, size, first_ms, grow);
    for (int j = 0; j < n; j++) {
        plan_phase_t *ph = &plan->phases[j];
        ph->duration_ms = lengths[j];
        if (ph->warn_ms >= ph->duration_ms)
            ph->warn_ms = 0;
    }
    return true;
}
