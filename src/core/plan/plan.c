/* Plans once read: freeing them and small queries (their length, a kind of phase, names).
 * Reading a plan from text is planlines.c's. libc only. */
#include "core/plan/plan.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"

void plan_phase_free(plan_phase_t *ph)
{
    free(ph->name);
    for (int i = 0; i < ph->nprompts && i < PLAN_MAX_PROMPTS; i++)
        free(ph->prompts[i]);
    free(ph->track);
    free(ph->note);
    memset(ph, 0, sizeof *ph);
}

void plan_free(plan_t *plan)
{
    if (!plan)
        return;
    free(plan->title);
    free(plan->description);
    free(plan->music);
    for (int i = 0; plan->phases && i < plan->nphases; i++)
        plan_phase_free(&plan->phases[i]);
    free(plan->phases);
    memset(plan, 0, sizeof *plan);
}

int64_t plan_total_ms(const plan_t *plan)
{
    int64_t total = 0;
    for (int i = 0; plan && i < plan->nphases; i++)
        total += plan->phases[i].duration_ms;
    return total;
}

int plan_find_kind_after(const plan_t *plan, int from, phase_kind_t kind)
{
    for (int i = from < 0 ? 0 : from + 1; plan && i < plan->nphases; i++) {
        if (plan->phases[i].kind == kind)
            return i;
    }
    return -1;
}

const char *plan_audience_name(plan_audience_t a)
{
    if (a == AUDIENCE_PARENT)
        /* TRANSLATORS: who a plan is for, shown beside its title in the plan list and --list
           (about 10 letters). In the plan file itself the value stays "parent". */
        return N_("parent");
    /* TRANSLATORS: who a plan is for (see "parent"); the plan file's value stays "therapist" */
    return N_("therapist");
}

const char *phase_kind_name(phase_kind_t k)
{
    static const char *const names[PHASE_KIND_COUNT] = {
        "connect", "separate", "play", "settle", "close"
    };
    return (unsigned)k < PHASE_KIND_COUNT ? names[k] : "play";
}
