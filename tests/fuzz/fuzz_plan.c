/* libFuzzer harness for the plan parser (plan_parse): any bytes must give either a valid plan
 * that keeps the documented limits, or a list of mistakes with sane line numbers; never a
 * crash, a leak or undefined behaviour. Built only with -DSAFEBASE_FUZZ=ON (clang). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Lines in the text as the reader counts them (LF, CRLF or a lone CR end a line). */
static int count_lines(const uint8_t *data, size_t size)
{
    int lines = 1;
    for (size_t i = 0; i < size; i++)
        if (data[i] == '\n' || (data[i] == '\r' && !(i + 1 < size && data[i + 1] == '\n')))
            lines++;
    return lines;
}

static void check_valid(const plan_t *p)
{
    if (!p->title || !p->title[0] || p->nphases < 1 || p->nphases > PLAN_MAX_PHASES)
        abort();
    int64_t total = plan_total_ms(p);
    if (total <= 0 || total > PLAN_MAX_TOTAL_MS)
        abort();
    if (p->end_warning_ms < 0 || p->end_warning_ms >= total)
        abort();
    if (p->fade_ms < PLAN_MIN_FADE_MS || p->fade_ms > 10000)
        abort();
    for (int i = 0; i < p->nphases; i++) {
        const plan_phase_t *ph = &p->phases[i];
        if (!ph->name || ph->duration_ms <= 0 || ph->duration_ms > PLAN_MAX_PHASE_MS)
            abort();
        if (ph->warn_ms < 0 || (ph->warn_ms > 0 && ph->warn_ms >= ph->duration_ms))
            abort();
        if (ph->nprompts < 0 || ph->nprompts > PLAN_MAX_PROMPTS)
            abort();
        for (int k = 0; k < ph->nprompts; k++)
            if (!ph->prompts[k])
                abort();
        if ((unsigned)ph->kind >= PHASE_KIND_COUNT || ph->round < 1 || ph->round > ph->rounds)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    plan_t plan;
    plan_errors_t errs;
    if (plan_parse((const char *)data, size, &plan, &errs)) {
        if (errs.count != 0 || errs.dropped != 0)
            abort();
        check_valid(&plan);
        plan_free(&plan);
        return 0;
    }
    static const plan_t zero;
    if (memcmp(&plan, &zero, sizeof zero) != 0 || errs.count < 1 || errs.count > PLAN_MAX_ERRORS)
        abort(); /* a refused plan is empty and says why */
    int lines = count_lines(data, size);
    for (int i = 0; i < errs.count; i++) {
        const plan_error_t *e = &errs.items[i];
        if (e->line < 0 || e->line > lines || !memchr(e->message, '\0', sizeof e->message) ||
            !e->message[0])
            abort();
    }
    return 0;
}
