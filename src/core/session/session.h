/* The session state machine: where we are in a plan, driven by time given as an argument.
 * Inputs come in as small events; decisions come out as cues the platform carries out, and
 * a plain view struct the screen draws. libc only: never reads a clock, never allocates. */
#ifndef SAFEBASE_CORE_SESSION_H
#define SAFEBASE_CORE_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan/plan.h"

#define SESSION_BACK_WINDOW_MS 3000   /* Back within this of a phase start goes to the previous one */
#define SESSION_EXTEND_MS 60000       /* Extend adds one minute */
#define SESSION_MAX_CUES 32           /* cues one update can emit; more are dropped (and counted) */

typedef enum {
    SESSION_READY,      /* plan loaded, not started */
    SESSION_RUNNING,
    SESSION_PAUSED,
    SESSION_FINISHED    /* completed or ended; see session_t.outcome */
} session_state_t;

typedef enum {
    INPUT_NONE,
    INPUT_START,        /* READY -> RUNNING; ignored elsewhere */
    INPUT_PAUSE,        /* toggles pause/resume */
    INPUT_NEXT,         /* skip to the next phase; ignored on the last one (ending always asks) */
    INPUT_BACK,         /* restart this phase, or go to the previous one within 3 s of its start */
    INPUT_EXTEND,       /* +1 minute to the current phase */
    INPUT_RECONNECT,    /* jump to the next connect phase, or extend the current one */
    INPUT_END,          /* end now (the platform has already asked for confirmation) */
    INPUT_LOOK_BACK     /* the adult marks that the child looked back (counted) */
} session_input_t;

typedef enum {
    CUE_STARTED,          /* the session began */
    CUE_PHASE_CHANGED,    /* .phase is the new phase */
    CUE_PROMPT_CHANGED,   /* .prompt is the prompt index now shown */
    CUE_CHIME,            /* the soft transition chime */
    CUE_ENDING_SOON,      /* the gentle cue before a phase or the plan ends */
    CUE_MUSIC,            /* .music is what the music should now do, .track a new track or NULL */
    CUE_PAUSED,
    CUE_RESUMED,
    CUE_FINISHED          /* the session is over; see session_t.outcome */
} cue_kind_t;

typedef enum { OUTCOME_NONE, OUTCOME_COMPLETED, OUTCOME_ENDED_EARLY } session_outcome_t;

typedef struct {
    cue_kind_t kind;
    int64_t at_ms;          /* the moment in the timeline the cue belongs to (may be < now) */
    int phase;              /* phase index it concerns */
    int prompt;             /* CUE_PROMPT_CHANGED: prompt index */
    music_mode_t music;     /* CUE_MUSIC */
    const char *track;      /* CUE_MUSIC: borrowed from the plan; NULL = keep the current track */
    bool plan_end;          /* CUE_ENDING_SOON: true when it warns of the plan's end */
} session_cue_t;

typedef struct {
    session_cue_t items[SESSION_MAX_CUES];
    int count;
    int dropped;
} session_cues_t;

typedef struct {
    const plan_t *plan;       /* borrowed: must outlive the session */
    session_state_t state;
    session_outcome_t outcome;
    int phase;                /* current phase index */
    int prompt;               /* current prompt index within the phase */
    int64_t started_ms;       /* when START came */
    int64_t ended_ms;         /* when it finished (the deadline itself when completed) */
    int64_t phase_start_ms;   /* shifted by pauses, so now - phase_start_ms = active time in phase */
    int64_t phase_end_ms;     /* absolute deadline, shifted by pauses */
    int64_t paused_at_ms;     /* when the current pause began */
    int64_t paused_total_ms;  /* all finished pauses */
    int64_t last_now_ms;      /* latest now_ms seen; time never goes backwards */
    bool warned_phase;        /* the phase's "ending soon" cue has sounded */
    bool warned_plan;         /* the plan's "ending soon" cue has sounded */
    int phases_completed;     /* distinct phases left by reaching their end or by NEXT */
    int extends, reconnects, look_backs;
    unsigned char done[PLAN_MAX_PHASES]; /* which phases count as completed */
    /* Separations, by the planned length of separate phases (extends not counted); 0 = none. */
    int64_t first_separation_ms;     /* the first separate phase that started */
    int64_t longest_separation_ms;   /* the longest left (its end or NEXT) with no reconnect in it */
    int64_t reconnect_separation_ms; /* the separate phase in which the first reconnect in one came */
    bool reconnected_in_phase;       /* a reconnect came during the current phase */
} session_t;

/* What the screen needs, and nothing it could change. */
typedef struct {
    session_state_t state;
    const char *phase_name;   /* borrowed from the plan */
    phase_kind_t kind;
    const char *prompt;       /* borrowed; "" when the phase has none */
    int phase_index, phase_count;
    int round, rounds;        /* 1-based round of a repeated block; 1/1 otherwise */
    int64_t phase_remaining_ms;
    int64_t phase_length_ms;  /* current length including extensions */
    int64_t plan_remaining_ms;
    int64_t plan_elapsed_ms;  /* active time since start */
    double phase_fraction;    /* 0 at phase start .. 1 at its end */
    double plan_fraction;
    bool paused;
    bool ending_soon;         /* within the phase's or the plan's warning time */
    const char *next_phase_name; /* NULL on the last phase */
} session_view_t;

/* Sets up a session for a plan (borrowed), in READY. */
void session_init(session_t *s, const plan_t *plan);

/* Advances the session to now_ms and applies one input (INPUT_NONE for none). Appends what
 * the platform must do to *cues (cleared first). now_ms must not go backwards; if it does, it
 * is treated as the last time seen. Returns the number of cues emitted. */
int session_update(session_t *s, int64_t now_ms, session_input_t input, session_cues_t *cues);

/* Fills *v for drawing at now_ms (no state changes). */
void session_view(const session_t *s, int64_t now_ms, session_view_t *v);

/* The next moment (absolute ms) at which the session will change on its own (phase end, prompt
 * rotation, a warning), or -1 if none (not running). Lets the loop sleep until then. */
int64_t session_next_deadline(const session_t *s);

/* Active time (pauses excluded) between start and now_ms, or the end if finished. */
int64_t session_active_ms(const session_t *s, int64_t now_ms);

/* Paused time up to now_ms, including a pause in progress. */
int64_t session_paused_ms(const session_t *s, int64_t now_ms);

const char *session_outcome_name(session_outcome_t o);

#endif
