/* The session state machine: deadlines are absolute ms values that pauses shift, so a long
 * session stepped in any increments ends on time. Never reads a clock: time is an argument.
 * Must not allocate, print or touch a file. */
#include "core/session/session.h"

#include <string.h>

static void emit(session_cues_t *c, session_cue_t cue)
{
    if (!c)
        return;
    if (c->count < SESSION_MAX_CUES)
        c->items[c->count++] = cue;
    else
        c->dropped++;
}

static void emit_simple(session_cues_t *c, cue_kind_t kind, int64_t at, int phase)
{
    session_cue_t cue = { .kind = kind, .at_ms = at, .phase = phase };
    emit(c, cue);
}

static const plan_phase_t *current(const session_t *s)
{
    return &s->plan->phases[s->phase];
}

/* The time the session's active clock stands at: frozen at the pause while paused. */
static int64_t active_now(const session_t *s, int64_t now)
{
    return s->state == SESSION_PAUSED ? s->paused_at_ms : now;
}

static int64_t rest_after(const session_t *s, int phase)
{
    int64_t total = 0;
    for (int i = phase + 1; i < s->plan->nphases; i++)
        total += s->plan->phases[i].duration_ms;
    return total;
}

static int64_t plan_end(const session_t *s)
{
    return s->phase_end_ms + rest_after(s, s->phase);
}

static int64_t prompt_period(const plan_phase_t *p)
{
    if (p->nprompts <= 1)
        return 0;
    if (p->prompt_every_ms > 0)
        return p->prompt_every_ms;
    int64_t every = p->duration_ms / p->nprompts;
    return every > 0 ? every : 1;
}

/* Re-arms the warnings when more time is left than they announce (after back or extend). */
static void rearm_warnings(session_t *s, int64_t at)
{
    if (s->phase_end_ms - at > current(s)->warn_ms)
        s->warned_phase = false;
    if (plan_end(s) - at > s->plan->end_warning_ms)
        s->warned_plan = false;
}

static void mark_done(session_t *s, int phase)
{
    if (!s->done[phase]) {
        s->done[phase] = 1;
        s->phases_completed++;
    }
}

/* The current phase is left by reaching its end or by NEXT: done, and a separation reached
 * when no reconnect came during it. */
static void leave_phase(session_t *s)
{
    const plan_phase_t *p = current(s);
    mark_done(s, s->phase);
    if (p->kind == PHASE_SEPARATE && !s->reconnected_in_phase &&
        p->duration_ms > s->longest_separation_ms)
        s->longest_separation_ms = p->duration_ms;
}

static void enter_phase(session_t *s, int index, int64_t at, session_cues_t *c)
{
    const plan_phase_t *p = &s->plan->phases[index];
    if (p->kind == PHASE_SEPARATE && s->first_separation_ms == 0)
        s->first_separation_ms = p->duration_ms;
    s->reconnected_in_phase = false;
    s->phase = index;
    s->phase_start_ms = at;
    s->phase_end_ms = at + p->duration_ms;
    s->prompt = 0;
    s->warned_phase = false;
    rearm_warnings(s, at);
    emit_simple(c, CUE_PHASE_CHANGED, at, index);
    emit_simple(c, CUE_CHIME, at, index);
    if (p->music != MUSIC_CONTINUE || p->track) {
        session_cue_t cue = { .kind = CUE_MUSIC, .at_ms = at, .phase = index,
                              .music = p->music, .track = p->track };
        emit(c, cue);
    }
    if (p->nprompts > 0) {
        session_cue_t cue = { .kind = CUE_PROMPT_CHANGED, .at_ms = at, .phase = index };
        emit(c, cue);
    }
}

static void finish(session_t *s, int64_t at, session_outcome_t outcome, session_cues_t *c)
{
    if (s->state == SESSION_PAUSED)
        s->paused_total_ms += at - s->paused_at_ms;
    s->state = SESSION_FINISHED;
    s->outcome = outcome;
    s->ended_ms = at;
    emit_simple(c, CUE_FINISHED, at, s->phase);
}

/* Sounds the phase's and the plan's warnings whose moment lies in [.., min(now, phase end)). */
static void check_warnings(session_t *s, int64_t now, session_cues_t *c)
{
    const plan_phase_t *p = current(s);
    int64_t plan_at = plan_end(s) - s->plan->end_warning_ms;
    bool plan_due = s->plan->end_warning_ms > 0 && !s->warned_plan && now >= plan_at &&
                    plan_at < s->phase_end_ms;
    int64_t phase_at = s->phase_end_ms - p->warn_ms;
    bool phase_due = p->warn_ms > 0 && !s->warned_phase && now >= phase_at;
    if (plan_due) {
        s->warned_plan = true;
        /* one cue when both fall together on the last phase */
        if (phase_due && s->phase == s->plan->nphases - 1 && phase_at == plan_at)
            s->warned_phase = true, phase_due = false;
        session_cue_t cue = { .kind = CUE_ENDING_SOON, .at_ms = plan_at > s->phase_start_ms ? plan_at : s->phase_start_ms,
                              .phase = s->phase, .plan_end = true };
        emit(c, cue);
    }
    if (phase_due) {
        s->warned_phase = true;
        emit_simple(c, CUE_ENDING_SOON, phase_at, s->phase);
    }
}

static void rotate_prompt(session_t *s, int64_t now, session_cues_t *c)
{
    const plan_phase_t *p = current(s);
    int64_t every = prompt_period(p);
    if (every == 0)
        return;
    int64_t k = (now - s->phase_start_ms) / every;
    int index = (int)(k % p->nprompts);
    if (index != s->prompt) {
        s->prompt = index;
        session_cue_t cue = { .kind = CUE_PROMPT_CHANGED, .at_ms = s->phase_start_ms + k * every,
                              .phase = s->phase, .prompt = index };
        emit(c, cue);
    }
}

/* Runs the timeline forward to now: warnings, prompt rotation, phase ends, the plan's end. */
static void advance(session_t *s, int64_t now, session_cues_t *c)
{
    while (s->state == SESSION_RUNNING) {
        check_warnings(s, now, c);
        if (now < s->phase_end_ms) {
            rotate_prompt(s, now, c);
            return;
        }
        int64_t at = s->phase_end_ms;
        leave_phase(s);
        if (s->phase == s->plan->nphases - 1)
            finish(s, at, OUTCOME_COMPLETED, c);
        else
            enter_phase(s, s->phase + 1, at, c);
    }
}

static void extend(session_t *s, int64_t now)
{
    s->phase_end_ms += SESSION_EXTEND_MS;
    s->extends++;
    rearm_warnings(s, active_now(s, now));
}

static void toggle_pause(session_t *s, int64_t now, session_cues_t *c)
{
    if (s->state == SESSION_RUNNING) {
        s->state = SESSION_PAUSED;
        s->paused_at_ms = now;
        emit_simple(c, CUE_PAUSED, now, s->phase);
    } else {
        int64_t d = now - s->paused_at_ms;
        s->phase_start_ms += d;
        s->phase_end_ms += d;
        s->paused_total_ms += d;
        s->state = SESSION_RUNNING;
        emit_simple(c, CUE_RESUMED, now, s->phase);
    }
}

static void go_back(session_t *s, int64_t now, session_cues_t *c)
{
    int64_t at = active_now(s, now);
    int index = s->phase;
    if (at - s->phase_start_ms < SESSION_BACK_WINDOW_MS && index > 0)
        index--;
    enter_phase(s, index, at, c);
}

static void reconnect(session_t *s, int64_t now, session_cues_t *c)
{
    int target = plan_find_kind_after(s->plan, s->phase, PHASE_CONNECT);
    s->reconnects++;
    s->reconnected_in_phase = true;
    if (current(s)->kind == PHASE_SEPARATE && s->reconnect_separation_ms == 0)
        s->reconnect_separation_ms = current(s)->duration_ms;
    if (current(s)->kind == PHASE_CONNECT || target < 0) {
        s->phase_end_ms += SESSION_EXTEND_MS;
        rearm_warnings(s, active_now(s, now));
    } else {
        enter_phase(s, target, active_now(s, now), c);
    }
}

static void apply(session_t *s, int64_t now, session_input_t input, session_cues_t *c)
{
    bool live = s->state == SESSION_RUNNING || s->state == SESSION_PAUSED;
    if (input == INPUT_START && s->state == SESSION_READY && s->plan->nphases > 0) {
        s->state = SESSION_RUNNING;
        s->started_ms = now;
        emit_simple(c, CUE_STARTED, now, 0);
        enter_phase(s, 0, now, c);
        return;
    }
    if (!live)
        return;
    switch (input) {
    case INPUT_PAUSE: toggle_pause(s, now, c); break;
    case INPUT_NEXT:
        if (s->phase < s->plan->nphases - 1) {
            leave_phase(s);
            enter_phase(s, s->phase + 1, active_now(s, now), c);
        }
        break;
    case INPUT_BACK: go_back(s, now, c); break;
    case INPUT_EXTEND: extend(s, now); break;
    case INPUT_RECONNECT: reconnect(s, now, c); break;
    case INPUT_END: finish(s, now, OUTCOME_ENDED_EARLY, c); break;
    case INPUT_LOOK_BACK: s->look_backs++; break;
    default: break;
    }
}

void session_init(session_t *s, const plan_t *plan)
{
    memset(s, 0, sizeof *s);
    s->plan = plan;
    s->state = SESSION_READY;
}

int session_update(session_t *s, int64_t now_ms, session_input_t input, session_cues_t *cues)
{
    if (cues)
        cues->count = cues->dropped = 0;
    if (now_ms < s->last_now_ms)
        now_ms = s->last_now_ms;
    s->last_now_ms = now_ms;
    advance(s, now_ms, cues);
    if (input != INPUT_NONE) {
        apply(s, now_ms, input, cues);
        advance(s, now_ms, cues);
    }
    return cues ? cues->count : 0;
}

int64_t session_active_ms(const session_t *s, int64_t now_ms)
{
    switch (s->state) {
    case SESSION_READY: return 0;
    case SESSION_FINISHED: return s->ended_ms - s->started_ms - s->paused_total_ms;
    case SESSION_PAUSED: return s->paused_at_ms - s->started_ms - s->paused_total_ms;
    default: break;
    }
    int64_t t = now_ms - s->started_ms - s->paused_total_ms;
    return t > 0 ? t : 0;
}

int64_t session_paused_ms(const session_t *s, int64_t now_ms)
{
    if (s->state == SESSION_PAUSED && now_ms > s->paused_at_ms)
        return s->paused_total_ms + (now_ms - s->paused_at_ms);
    return s->paused_total_ms;
}

static void view_times(const session_t *s, int64_t now, session_view_t *v)
{
    int64_t at = active_now(s, now);
    if (s->state == SESSION_FINISHED)
        at = s->ended_ms;
    int64_t remaining = s->phase_end_ms - at;
    if (remaining < 0 || s->state == SESSION_FINISHED)
        remaining = 0;
    v->phase_length_ms = s->phase_end_ms - s->phase_start_ms;
    v->phase_remaining_ms = remaining;
    v->plan_remaining_ms = s->state == SESSION_FINISHED ? 0 : remaining + rest_after(s, s->phase);
    v->plan_elapsed_ms = session_active_ms(s, now);
    if (v->phase_length_ms > 0)
        v->phase_fraction = 1.0 - (double)remaining / (double)v->phase_length_ms;
    int64_t whole = v->plan_elapsed_ms + v->plan_remaining_ms;
    if (whole > 0)
        v->plan_fraction = (double)v->plan_elapsed_ms / (double)whole;
}

void session_view(const session_t *s, int64_t now_ms, session_view_t *v)
{
    memset(v, 0, sizeof *v);
    v->state = s->state;
    v->phase_count = s->plan->nphases;
    v->prompt = "";
    if (s->plan->nphases == 0)
        return;
    const plan_phase_t *p = current(s);
    v->phase_index = s->phase;
    v->phase_name = p->name;
    v->kind = p->kind;
    v->round = p->round;
    v->rounds = p->rounds;
    if (p->nprompts > 0)
        v->prompt = p->prompts[s->prompt];
    v->paused = s->state == SESSION_PAUSED;
    v->next_phase_name = s->phase + 1 < s->plan->nphases ? s->plan->phases[s->phase + 1].name : NULL;
    if (s->state == SESSION_READY) {
        v->phase_length_ms = v->phase_remaining_ms = p->duration_ms;
        v->plan_remaining_ms = plan_total_ms(s->plan);
        return;
    }
    view_times(s, now_ms, v);
    v->ending_soon = s->state != SESSION_FINISHED && (s->warned_phase || s->warned_plan);
}

static int64_t earliest(int64_t a, int64_t b)
{
    if (a < 0)
        return b;
    if (b < 0)
        return a;
    return a < b ? a : b;
}

int64_t session_next_deadline(const session_t *s)
{
    if (s->state != SESSION_RUNNING)
        return -1;
    const plan_phase_t *p = current(s);
    int64_t next = s->phase_end_ms;
    int64_t every = prompt_period(p);
    if (every > 0) {
        int64_t k = (s->last_now_ms - s->phase_start_ms) / every + 1;
        next = earliest(next, s->phase_start_ms + k * every);
    }
    if (p->warn_ms > 0 && !s->warned_phase)
        next = earliest(next, s->phase_end_ms - p->warn_ms);
    if (s->plan->end_warning_ms > 0 && !s->warned_plan) {
        int64_t at = plan_end(s) - s->plan->end_warning_ms;
        if (at > s->last_now_ms)
            next = earliest(next, at);
    }
    return next;
}

const char *session_outcome_name(session_outcome_t o)
{
    switch (o) {
    case OUTCOME_COMPLETED: return "completed";
    case OUTCOME_ENDED_EARLY: return "ended_early";
    default: return "none";
    }
}
