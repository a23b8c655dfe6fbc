/* The plan parser's shared state, private to planlines.c (lines and sections), plankeys.c (key
 * values) and planbuild.c (end-of-section checks, repeat expansion).
 * libc only; never prints, never exits: every mistake becomes a plan_error_t. */
#ifndef SAFEBASE_CORE_PLANPARSE_H
#define SAFEBASE_CORE_PLANPARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/printf.h"
#include "core/plan/plan.h"

#define PLAN_DEFAULT_FADE_MS 1500
#define PLAN_MAX_FADE_MS 10000
#define PLAN_MIN_PROMPT_EVERY_MS 5000   /* prompts change no faster than this (0 = automatic) */
#define PLANKEY_MAX 12                  /* keys in one section's table */

typedef enum { SECTION_NONE, SECTION_PLAN, SECTION_PHASE, SECTION_SKIP } plan_section_t;

/* What the parser knows about a raw phase beyond plan_phase_t (parallel to plan.phases). */
typedef struct {
    bool has_duration;                /* a valid duration was given */
    int duration_line;                /* where duration was given, valid or not; 0 = never */
    int64_t grow_ms;
    int grow_line, warn_line;
    int block;                        /* 0 = outside a repeat; else the line of its [repeat N] */
    int rounds;                       /* the repeat's count; 1 outside one */
} plan_extra_t;

typedef struct {
    plan_t plan;                      /* being built; phases are raw (repeats not expanded) */
    plan_extra_t *extra;              /* owned; one per raw phase */
    int capacity;
    plan_errors_t *errs;
    bool out_of_memory;
    bool had_content;                 /* saw a line that is not blank or a comment */
    plan_section_t section;
    int key_line[PLANKEY_MAX];        /* where each key of this section was first given */
    bool prompts_full;                /* "too many prompts" already said for this phase */
    bool phases_full;                 /* "too many phases" already said */
    int plan_line;                    /* line of [plan]; 0 = none yet */
    bool title_given;                 /* a title line was seen, valid or not */
    int phase_headers;                /* [phase ...] headers seen, valid or not */
    int end_warning_line;
    int grow_max_line;                /* where grow_max was given; 0 = never */
    int repeat_line;                  /* line of the open [repeat N]; 0 = none open */
    int repeat_count;
    int repeat_phases;                /* phases inside the open repeat so far */
    int repeat_nested;                /* bad nested [repeat]s whose [end repeat] we swallow */
} planparse_t;

/* Records a mistake on a line (0 = the whole file); counts it as dropped when the list is full. */
void planparse_error(planparse_t *st, int line, const char *fmt, ...)
    PRINTF_LIKE(3, 4);

/* Copies s into memory the plan owns; on failure notes out of memory and returns NULL. */
char *planparse_strdup(planparse_t *st, const char *s);

/* Handles "key = value" in the current section (key already lower-cased, both trimmed). */
void planparse_key(planparse_t *st, const char *key, const char *value, int line);

/* Checks the phase being read (duration given, warn shorter than it) when its section ends. */
void planparse_close_phase(planparse_t *st);

/* End-of-file checks (title, phases, unclosed repeat, totals); expands the repeats into
 * st->plan.phases when there were no errors. */
void planparse_finish(planparse_t *st);

#endif
