/* Deep copies of plans: every string and the phases are the copy's own. */
#include "core/plan/plancopy.h"

#include <stdlib.h>
#include <string.h>

/* A copy of s in *out (NULL stays NULL); false when memory runs out. */
static bool dup(char **out, const char *s)
{
    *out = NULL;
    if (!s)
        return true;
    size_t n = strlen(s) + 1;
    *out = malloc(n);
    if (*out)
        memcpy(*out, s, n);
    return *out != NULL;
}

static bool copy_phase(plan_phase_t *dst, const plan_phase_t *src)
{
    *dst = *src; /* the numbers; every pointer is the copy's own or NULL before anything can fail */
    dst->name = dst->track = dst->note = NULL;
    for (int i = 0; i < PLAN_MAX_PROMPTS; i++)
        dst->prompts[i] = NULL;
    bool ok = dup(&dst->name, src->name) && dup(&dst->track, src->track) && dup(&dst->note, src->note);
    for (int i = 0; ok && i < src->nprompts; i++)
        ok = dup(&dst->prompts[i], src->prompts[i]);
    return ok;
}

bool plan_copy(plan_t *dst, const plan_t *src)
{
    *dst = *src;
    dst->title = dst->description = dst->music = NULL;
    dst->phases = NULL;
    dst->nphases = 0;
    bool ok = dup(&dst->title, src->title) && dup(&dst->description, src->description) &&
              dup(&dst->music, src->music);
    if (ok && src->nphases > 0) {
        dst->phases = calloc((size_t)src->nphases, sizeof *dst->phases);
        ok = dst->phases != NULL;
        for (int i = 0; ok && i < src->nphases; i++) {
            ok = copy_phase(&dst->phases[i], &src->phases[i]);
            dst->nphases++; /* (one half copied is freed too: its missing strings are NULL) */
        }
    }
    if (!ok) {
        plan_free(dst);
        memset(dst, 0, sizeof *dst);
    }
    return ok;
}
