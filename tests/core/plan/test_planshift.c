/* Tests of a plan's growing separations: the grow_max key (its checks, and the cap on the
 * plan's own rounds), plan_separation_grow, and plan_shift_separations moving where they start. */
#include "check.h"
#include "core/plan/plan.h"

#define S 1000LL

static bool parse(const char *text, plan_t *p, plan_errors_t *e)
{
    return plan_parse(text, strlen(text), p, e);
}

static bool has_error(const plan_errors_t *e, int line, const char *part)
{
    for (int i = 0; i < e->count; i++) {
        if (e->items[i].line == line && strstr(e->items[i].message, part))
            return true;
    }
    for (int i = 0; i < e->count; i++)
        fprintf(stderr, "  %d: %s\n", e->items[i].line, e->items[i].message);
    return false;
}

#define REPEAT(apart, grow) "[repeat 3]\n[phase Together]\nkind = connect\nduration = 30s\n" \
    "[phase Apart]\nkind = separate\nduration = " apart "\ngrow = " grow "\nwarn = 10s\n[end repeat]\n"

static void test_grow_max_key(void)
{
    plan_t p;
    plan_errors_t e;
    CHECK(parse("[plan]\ntitle = T\n" REPEAT("20s", "20s"), &p, &e));
    CHECK_EQ_INT(p.grow_max_ms, 0);
    CHECK_EQ_INT(p.phases[5].duration_ms, 60 * S);
    plan_free(&p);
    CHECK(parse("[plan]\ntitle = T\nGrow_Max = 45s\n" REPEAT("20s", "20s"), &p, &e));
    CHECK_EQ_INT(p.grow_max_ms, 45 * S);
    CHECK_EQ_INT(p.phases[1].duration_ms, 20 * S);
    CHECK_EQ_INT(p.phases[3].duration_ms, 40 * S);
    CHECK_EQ_INT(p.phases[5].duration_ms, 45 * S);   /* 60 s as written, capped */
    CHECK_EQ_INT(p.phases[4].duration_ms, 30 * S);   /* connect phases are not capped */
    plan_free(&p);
    /* exactly the first separation is fine: it does not grow at all */
    CHECK(parse("[plan]\ntitle = T\ngrow_max = 20s\n" REPEAT("20s", "20s"), &p, &e));
    CHECK_EQ_INT(p.phases[5].duration_ms, 20 * S);
    plan_free(&p);
    /* a cap lets a plan whose own last round would pass 3 hours through */
    CHECK(parse("[plan]\ntitle = T\ngrow_max = 2h\n" REPEAT("1h", "1h"), &p, &e));
    CHECK_EQ_INT(p.phases[5].duration_ms, 2 * 3600 * S);
    plan_free(&p);
    CHECK(!parse("[plan]\ntitle = T\ngrow_max = 0\n" REPEAT("20s", "20s"), &p, &e));
    CHECK(has_error(&e, 3, "grow_max \"0\" is zero"));
    CHECK(!parse("[plan]\ntitle = T\ngrow_max = 3h1s\n" REPEAT("20s", "20s"), &p, &e));
    CHECK(has_error(&e, 3, "grow_max \"3h1s\" is over 3 hours"));
    CHECK(!parse("[plan]\ntitle = T\ngrow_max = long\n" REPEAT("20s", "20s"), &p, &e));
    CHECK(has_error(&e, 3, "bad duration \"long\""));
    CHECK(!parse("[plan]\ntitle = T\ngrow_max = 15s\n" REPEAT("20s", "20s"), &p, &e));
    CHECK(has_error(&e, 3, "grow_max (15 s) is shorter than the first separation (20 s)"));
    CHECK_EQ_INT(e.count, 1);
    CHECK(!parse("[plan]\ntitle = T\ngrow_max = 1m\ngrow_max = 2m\n" REPEAT("20s", "20s"), &p, &e));
    CHECK(has_error(&e, 4, "grow_max is given twice"));
    /* no separation at all: nothing to check it against */
    CHECK(parse("[plan]\ntitle = T\ngrow_max = 1s\n[phase A]\nduration = 1m\n", &p, &e));
    plan_free(&p);
}

static void test_separation_grow(void)
{
    plan_t p;
    plan_errors_t e;
    int64_t first = -1;
    int rounds = -1;
    CHECK(parse("[plan]\ntitle = T\n[phase Apart]\nkind = separate\nduration = 1m\n" REPEAT("20s", "15s"), &p, &e));
    CHECK_EQ_INT(plan_separation_grow(&p, &first, &rounds), 15 * S);
    CHECK_EQ_INT(first, 20 * S);     /* the growing one, not the lone one before it */
    CHECK_EQ_INT(rounds, 3);
    CHECK_EQ_INT(plan_separation_grow(&p, NULL, NULL), 15 * S);
    plan_free(&p);
    CHECK(parse("[plan]\ntitle = T\n[phase Apart]\nkind = separate\nduration = 1m\n" REPEAT("20s", "0"), &p, &e));
    CHECK_EQ_INT(plan_separation_grow(&p, &first, &rounds), 0);
    CHECK_EQ_INT(first, 60 * S);
    CHECK_EQ_INT(rounds, 1);
    CHECK(!plan_shift_separations(&p, 30 * S));
    CHECK_EQ_INT(p.phases[2].duration_ms, 20 * S);
    plan_free(&p);
    CHECK(parse("[plan]\ntitle = T\n[phase A]\nduration = 1m\n", &p, &e));
    CHECK_EQ_INT(plan_separation_grow(&p, &first, &rounds), 0);
    CHECK_EQ_INT(first, 0);
    plan_free(&p);
}

static void test_shift(void)
{
    plan_t p;
    plan_errors_t e;
    /* a second repeat with the same rounds after it, and a play phase that grows too */
    CHECK(parse("[plan]\ntitle = T\n[phase Arrive]\nkind = settle\nduration = 1m\n" REPEAT("20s", "20s")
                "[repeat 3]\n[phase Dance]\nduration = 10s\ngrow = 10s\n[phase Away]\nkind = separate\n"
                "duration = 30s\ngrow = 30s\n[end repeat]\n", &p, &e));
    CHECK(plan_shift_separations(&p, 50 * S));
    static const int64_t want[] = { 60, 30, 50, 30, 70, 30, 90, 10, 30, 20, 60, 30, 90 };
    CHECK_EQ_INT(p.nphases, 13);
    for (int i = 0; i < 13; i++)
        CHECK_EQ_INT(p.phases[i].duration_ms, want[i] * S);
    CHECK_EQ_INT(p.phases[2].warn_ms, 10 * S);
    /* down to 5 s: a warn no longer shorter than its phase is dropped */
    CHECK(plan_shift_separations(&p, 5 * S));
    CHECK_EQ_INT(p.phases[2].duration_ms, 5 * S);
    CHECK_EQ_INT(p.phases[2].warn_ms, 0);
    CHECK_EQ_INT(p.phases[4].warn_ms, 10 * S);
    CHECK(!plan_shift_separations(&p, 0));
    plan_free(&p);
}

static void test_shift_caps_and_limits(void)
{
    plan_t p;
    plan_errors_t e;
    CHECK(parse("[plan]\ntitle = T\ngrow_max = 2m\n" REPEAT("20s", "20s")
                "[phase Also apart]\nkind = separate\nduration = 10m\n", &p, &e));
    CHECK(plan_shift_separations(&p, 100 * S));
    CHECK_EQ_INT(p.phases[1].duration_ms, 100 * S);
    CHECK_EQ_INT(p.phases[3].duration_ms, 120 * S);
    CHECK_EQ_INT(p.phases[5].duration_ms, 120 * S);
    CHECK_EQ_INT(p.phases[6].duration_ms, 600 * S);   /* outside the repeat: as written */
    plan_free(&p);
    /* capped at 3 hours a phase with no grow_max */
    CHECK(parse("[plan]\ntitle = T\n" REPEAT("20s", "20s"), &p, &e));
    CHECK(plan_shift_separations(&p, 3 * 3600 * S - 30 * S));
    CHECK_EQ_INT(p.phases[5].duration_ms, 3 * 3600 * S);
    plan_free(&p);
    /* past 12 hours in all: refused, nothing changed */
    CHECK(parse("[plan]\ntitle = T\n[phase Long]\nduration = 3h\n[phase Longer]\nduration = 3h\n"
                REPEAT("20s", "20s"), &p, &e));
    CHECK(!plan_shift_separations(&p, 2 * 3600 * S));
    CHECK_EQ_INT(p.phases[3].duration_ms, 20 * S);
    CHECK(plan_shift_separations(&p, 1800 * S));
    CHECK(plan_total_ms(&p) <= 12 * 3600 * S);
    plan_free(&p);
    /* the plan's end warning must stay shorter than the plan */
    CHECK(parse("[plan]\ntitle = T\nend_warning = 2m50s\n" REPEAT("1m", "20s"), &p, &e));
    CHECK(!plan_shift_separations(&p, 5 * S));
    CHECK_EQ_INT(p.phases[1].duration_ms, 60 * S);
    plan_free(&p);
}

int main(void)
{
    test_grow_max_key();
    test_separation_grow();
    test_shift();
    test_shift_caps_and_limits();
    return check_summary();
}
