/* plan_copy: the copy owns everything and reads the same; changing it leaves the original. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/plan/plancopy.h"

static const char TEXT[] =
    "[plan]\ntitle = Copy me\ndescription = d\nmusic = builtin\n"
    "[phase A]\nkind = connect\nduration = 1m\nprompt = one\nprompt = two\nnote = n\n"
    "[repeat 2]\n[phase B]\nkind = separate\nduration = 20s\ngrow = 20s\ntrack = t.ogg\n[end repeat]\n";

int main(void)
{
    plan_t p, c;
    plan_errors_t errs;
    CHECK(plan_parse(TEXT, strlen(TEXT), &p, &errs));
    CHECK(plan_copy(&c, &p));
    CHECK_EQ_STR(c.title, "Copy me");
    CHECK(c.title != p.title && c.phases != p.phases);
    CHECK_EQ_INT(c.nphases, p.nphases);
    CHECK_EQ_INT(plan_total_ms(&c) == plan_total_ms(&p), 1);
    for (int i = 0; i < p.nphases; i++) {
        CHECK_EQ_STR(c.phases[i].name, p.phases[i].name);
        CHECK(c.phases[i].name != p.phases[i].name);
        CHECK_EQ_INT(c.phases[i].nprompts, p.phases[i].nprompts);
        for (int k = 0; k < p.phases[i].nprompts; k++)
            CHECK_EQ_STR(c.phases[i].prompts[k], p.phases[i].prompts[k]);
    }
    CHECK_EQ_STR(c.phases[1].track, "t.ogg");
    c.phases[1].duration_ms = 99000;
    CHECK_EQ_INT((int)p.phases[1].duration_ms, 20000);
    plan_free(&c);
    CHECK_EQ_STR(p.phases[0].note, "n");
    plan_free(&p);
    plan_t empty;
    memset(&empty, 0, sizeof empty);
    CHECK(plan_copy(&c, &empty));
    plan_free(&c);
    return check_summary();
}
