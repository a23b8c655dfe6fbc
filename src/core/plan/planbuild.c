/* Plans: the checks that need a whole section or the whole file (a phase's duration and warn,
 * the title, repeats left open, lengths and counts after repeats), and the expansion of
 * [repeat N] blocks into plain phases. libc only; never prints, never exits. */
#include <stdlib.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/plan/planparse.h"
#include "core/plan/planread.h"

void planparse_close_phase(planparse_t *st)
{
    char q[48], a[32], b[32];
    if (st->section != SECTION_PHASE)
        return;
    st->section = SECTION_NONE;
    plan_phase_t *ph = &st->plan.phases[st->plan.nphases - 1];
    plan_extra_t *x = &st->extra[st->plan.nphases - 1];
    if (!x->duration_line) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, ph->line, _("phase \"%s\" has no duration; add e.g. duration = 2m"),
                        planread_quote(ph->name, q, sizeof q));
    } else if (x->has_duration && ph->warn_ms > 0 && ph->warn_ms >= ph->duration_ms) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, x->warn_line, _("warn (%s) must be shorter than the phase (%s)"),
                        duration_format_length(ph->warn_ms, a, sizeof a),
                        duration_format_length(ph->duration_ms, b, sizeof b));
    }
}

/* Phases after expansion, the crossing line is where PLAN_MAX_PHASES is passed. */
typedef struct {
    int count;
    int crossing_line;
    int64_t total_ms;
    bool complete;                    /* every phase has a valid duration */
} plan_sizes_t;

static void check_growth(planparse_t *st, const plan_phase_t *ph, const plan_extra_t *x)
{
    char q[48], a[32];
    if (!x->has_duration || x->rounds < 2 || x->grow_ms == 0)
        return;
    int64_t last = ph->duration_ms + x->grow_ms * (x->rounds - 1);
    if (ph->kind == PHASE_SEPARATE && st->plan.grow_max_ms > 0 && last > st->plan.grow_max_ms)
        last = st->plan.grow_max_ms > ph->duration_ms ? st->plan.grow_max_ms : ph->duration_ms;
    if (last > PLAN_MAX_PHASE_MS)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, x->grow_line, _("with this grow, phase \"%s\" lasts %s in round %d: "
                        "over 3 hours"), planread_quote(ph->name, q, sizeof q),
                        duration_format_length(last, a, sizeof a), x->rounds);
}

static plan_sizes_t measure(planparse_t *st)
{
    plan_sizes_t z = { 0, 0, 0, true };
    for (int i = 0; i < st->plan.nphases; i++) {
        const plan_phase_t *ph = &st->plan.phases[i];
        const plan_extra_t *x = &st->extra[i];
        int64_t r = x->rounds;
        check_growth(st, ph, x);
        z.complete = z.complete && x->has_duration;
        z.total_ms += ph->duration_ms * r + x->grow_ms * (r - 1) * r / 2;
        z.count += x->rounds;
        if (z.count > PLAN_MAX_PHASES && !z.crossing_line)
            z.crossing_line = x->block ? x->block : ph->line;
    }
    return z;
}

/* grow_max is at least the plan's first separation (its first separate phase, round 1). */
static void check_grow_max(planparse_t *st)
{
    char a[32], b[32];
    if (st->plan.grow_max_ms <= 0)
        return;
    for (int i = 0; i < st->plan.nphases; i++) {
        const plan_phase_t *ph = &st->plan.phases[i];
        if (ph->kind != PHASE_SEPARATE || !st->extra[i].has_duration)
            continue;
        if (st->plan.grow_max_ms < ph->duration_ms)
            /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
            planparse_error(st, st->grow_max_line, _("grow_max (%s) is shorter than the first "
                            "separation (%s)"), duration_format_length(st->plan.grow_max_ms, a, sizeof a),
                            duration_format_length(ph->duration_ms, b, sizeof b));
        return;
    }
}

static void check_sizes(planparse_t *st, const plan_sizes_t *z)
{
    char a[32], b[32];
    if (z->crossing_line)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, z->crossing_line, _("too many phases: with its repeats the plan has %d; "
                        "the limit is %d"), z->count, PLAN_MAX_PHASES);
    if (z->total_ms > PLAN_MAX_TOTAL_MS)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, 0, _("the plan lasts %s; the limit is 12 hours"),
                        duration_format_length(z->total_ms, a, sizeof a));
    if (z->complete && st->plan.end_warning_ms > 0 && st->plan.end_warning_ms >= z->total_ms)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, st->end_warning_line, _("end_warning (%s) must be shorter than the "
                        "whole plan (%s)"), duration_format_length(st->plan.end_warning_ms, a, sizeof a),
                        duration_format_length(z->total_ms, b, sizeof b));
}

static char *copy_or_null(planparse_t *st, const char *s)
{
    return s ? planparse_strdup(st, s) : NULL;
}

/* Fills dst as round r of rounds of src, with its own copies of the strings. */
static void copy_phase(planparse_t *st, plan_phase_t *dst, const plan_phase_t *src,
                       const plan_extra_t *x, int r)
{
    *dst = *src;
    dst->name = copy_or_null(st, src->name);
    for (int k = 0; k < src->nprompts; k++)
        dst->prompts[k] = copy_or_null(st, src->prompts[k]);
    dst->track = copy_or_null(st, src->track);
    dst->note = copy_or_null(st, src->note);
    dst->duration_ms = src->duration_ms + x->grow_ms * (r - 1);
    /* grow_max caps a growing separation (never below its own first round) */
    if (src->kind == PHASE_SEPARATE && x->grow_ms > 0 && st->plan.grow_max_ms > 0 &&
        dst->duration_ms > st->plan.grow_max_ms)
        dst->duration_ms = st->plan.grow_max_ms > src->duration_ms ? st->plan.grow_max_ms
                                                                  : src->duration_ms;
    dst->round = r;
    dst->rounds = x->rounds;
}

static void expand(planparse_t *st, int count)
{
    /* NOLINTNEXTLINE(clang-analyzer-optin.portability.UnixAPI): count >= nphases >= 1 here */
    plan_phase_t *out = calloc((size_t)count, sizeof *out);
    if (!out) {
        st->out_of_memory = true;
        return;
    }
    int n = 0, raw = st->plan.nphases;
    for (int i = 0; i < raw;) {
        int end = i + 1;
        while (st->extra[i].block && end < raw && st->extra[end].block == st->extra[i].block)
            end++;
        for (int r = 1; r <= st->extra[i].rounds; r++) {
            for (int j = i; j < end && n < count; j++)
                copy_phase(st, &out[n++], &st->plan.phases[j], &st->extra[j], r);
        }
        i = end;
    }
    for (int i = 0; i < raw; i++)
        plan_phase_free(&st->plan.phases[i]);
    free(st->plan.phases);
    st->plan.phases = out;
    st->plan.nphases = n;
}

void planparse_finish(planparse_t *st)
{
    planparse_close_phase(st);
    if (st->repeat_line)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, st->repeat_line, _("[repeat %d] is never closed: add [end repeat] "
                        "after its phases"), st->repeat_count);
    if (!st->had_content) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, 1, _("empty file: a plan needs a [plan] section and at least one [phase]"));
        return;
    }
    if (!st->plan_line)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, 1, _("missing [plan] section: start with [plan] and a title"));
    else if (!st->title_given)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, st->plan_line, _("[plan] has no title; add e.g. title = Special playtime"));
    if (st->plan.nphases == 0) {
        if (st->phase_headers == 0)
            planparse_error(st, st->plan_line ? st->plan_line : 1,
                            _("no phases: add at least one [phase NAME] with a duration"));
        return;
    }
    plan_sizes_t z = measure(st);
    check_sizes(st, &z);
    check_grow_max(st);
    if (st->errs->count == 0 && st->errs->dropped == 0 && !st->out_of_memory)
        expand(st, z.count);
}
