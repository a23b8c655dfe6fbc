/* Plans: what an exercise is (title, audience, phases with prompts, music and cues),
 * read from the documented INI-like plan format (docs/plan-format.md).
 * libc only: never includes SDL, never reads a clock or a file; the caller hands in the text. */
#ifndef SAFEBASE_CORE_PLAN_H
#define SAFEBASE_CORE_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLAN_MAX_LINE 1000          /* bytes in one line, newline excluded */
#define PLAN_MAX_PHASES 200         /* after repeats are expanded */
#define PLAN_MAX_PROMPTS 16         /* prompt lines in one phase */
#define PLAN_MAX_PROMPT_CHARS 160   /* characters (not bytes) in one prompt */
#define PLAN_MAX_NAME_CHARS 40      /* characters in a phase name */
#define PLAN_MAX_TITLE_CHARS 60
#define PLAN_MAX_REPEAT 50
#define PLAN_MAX_PHASE_MS (3LL * 3600 * 1000)   /* one phase: at most 3 hours */
#define PLAN_MAX_TOTAL_MS (12LL * 3600 * 1000)  /* whole plan: at most 12 hours */
#define PLAN_MIN_FADE_MS 500
#define PLAN_MAX_ERRORS 32
#define PLAN_MAX_MESSAGE 240         /* bytes in one mistake's message, NUL included */

typedef enum { AUDIENCE_THERAPIST, AUDIENCE_PARENT } plan_audience_t;

/* What kind of moment a phase is: picks its calm colour and where "reconnect" goes. */
typedef enum {
    PHASE_CONNECT,   /* closeness, reunion: the safe haven */
    PHASE_SEPARATE,  /* the child moves away; the adult stays present */
    PHASE_PLAY,      /* child-led play, dance, moving together */
    PHASE_SETTLE,    /* arriving, breathing, calming */
    PHASE_CLOSE,     /* winding down, saying goodbye */
    PHASE_KIND_COUNT
} phase_kind_t;

/* What the music does when a phase starts. */
typedef enum {
    MUSIC_CONTINUE,  /* carry on as before (the default) */
    MUSIC_PLAY,      /* play at full level (fading in if it was soft or silent) */
    MUSIC_SOFT,      /* about 12 dB down */
    MUSIC_SILENCE    /* fade out */
} music_mode_t;

typedef struct {
    char *name;                       /* owned */
    phase_kind_t kind;
    int64_t duration_ms;
    char *prompts[PLAN_MAX_PROMPTS];  /* owned; nprompts of them */
    int nprompts;
    int64_t prompt_every_ms;          /* rotation period; 0 = duration / nprompts */
    music_mode_t music;
    char *track;                      /* owned, NULL = keep the current music */
    int64_t warn_ms;                  /* "ending soon" cue this long before the end; 0 = none */
    double breaths_per_min;           /* breathing guide pace; 0 = no guide */
    char *note;                       /* owned, NULL; a note for the adult (presenter view) */
    int round, rounds;                /* 1-based round within a [repeat] block; 1/1 outside one */
    int line;                         /* line of its [phase] header in the file */
} plan_phase_t;

typedef struct {
    char *title;                      /* owned */
    plan_audience_t audience;
    char *description;                /* owned, may be NULL */
    char *music;                      /* owned, may be NULL: the plan's default music path */
    int64_t end_warning_ms;           /* "ending soon" cue before the whole plan ends; 0 = none */
    int64_t fade_ms;                  /* music fade length */
    bool child_view;                  /* open in child view (disk and colour only) */
    plan_phase_t *phases;             /* owned; nphases of them, repeats expanded */
    int nphases;
    int64_t grow_max_ms;              /* the longest a separate phase may grow to; 0 = no cap */
} plan_t;

typedef struct {
    int line;                         /* 1-based; 0 = the file as a whole */
    char message[PLAN_MAX_MESSAGE];   /* in the user's language (core/base/translate.h) */
} plan_error_t;

typedef struct {
    plan_error_t items[PLAN_MAX_ERRORS];
    int count;                        /* errors stored (at most PLAN_MAX_ERRORS) */
    int dropped;                      /* errors found beyond that */
} plan_errors_t;

/* Parses a plan from text[0..len). On success fills *out (call plan_free) and returns true.
 * On failure returns false, leaves *out empty and lists every mistake found in *errs. */
bool plan_parse(const char *text, size_t len, plan_t *out, plan_errors_t *errs);

/* Frees what a plan owns and zeroes it; safe on a zeroed or already freed plan. */
void plan_free(plan_t *plan);

/* Frees one phase's strings and zeroes it (plan_free does this for every phase). */
void plan_phase_free(plan_phase_t *ph);

/* Total planned length of all phases, in ms. */
int64_t plan_total_ms(const plan_t *plan);

/* Index of the first phase after `from` whose kind is `kind`, or -1. */
int plan_find_kind_after(const plan_t *plan, int from, phase_kind_t kind);

/* The grow of the plan's first growing separate phase (a kind = separate phase in a [repeat]
 * whose round 2 is longer than its round 1): round 2's length minus round 1's, with round 1's
 * length in *first_ms and the repeat's rounds in *rounds. Returns 0 (and sets *first_ms to the
 * first separate phase's length or 0, *rounds to 1) when no separate phase grows. Either
 * pointer may be NULL. */
int64_t plan_separation_grow(const plan_t *plan, int64_t *first_ms, int *rounds);

/* Sets the growing separate phases of that repeat to start at first_ms: round r lasts
 * first_ms + (r - 1) * grow, each capped at grow_max_ms (when set) and PLAN_MAX_PHASE_MS.
 * Another separate phase of the same repeat that grows is moved by the same amount (never
 * below 5 s or its own length, if that is shorter). A warn no longer shorter than its phase
 * is dropped. Returns false and changes nothing when the plan has no growing separation,
 * first_ms is not positive, or the plan would pass PLAN_MAX_TOTAL_MS or no longer be longer
 * than its end_warning. */
bool plan_shift_separations(plan_t *plan, int64_t first_ms);

/* The audience's word as plan files write it ("parent", "therapist"); marked for translation:
 * a screen or a list shows _(plan_audience_name(a)). */
const char *plan_audience_name(plan_audience_t a);
const char *phase_kind_name(phase_kind_t k);

#endif
