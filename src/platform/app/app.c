/* The app's loop and its wiring. It reads the clock once per turn of the loop and hands
 * now_ms to the core; it sleeps in SDL_WaitEventTimeout until the next visible change. Each
 * part of the app's state is written by its own file (look.c, run.c, applog.c, menu.c,
 * devices.c); what they ask of the screen comes back here as an app_request_t, carried out in
 * one place. */
#include "platform/app/app.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/translate.h"
#include "core/session/breath.h"
#include "core/session/control.h"
#include "core/session/pace.h"
#include "platform/app/applog.h"
#include "platform/app/devices.h"
#include "platform/app/look.h"
#include "platform/app/menu.h"
#include "platform/app/ready.h"
#include "platform/app/request.h"
#include "platform/app/run.h"
#include "platform/log/logfile.h"
#include "platform/sys/i18n.h"
#include "platform/sys/input.h"

typedef struct {
    const options_t *opts;        /* borrowed */
    const settings_t *settings;   /* borrowed */
    catalog_t *cat;               /* borrowed */
    devices_t dev;                /* devices.c: window, text, drawing, presenter, sound, pads */
    look_t look;                  /* look.c: the screen shown, background, banners, fades */
    menu_t menu;                  /* menu.c */
    run_t run;                    /* run.c: the open plan and its session */
    applog_t log;                 /* applog.c: the log's part */
    ready_t ready;                /* ready.c: the ready screen's keys, Adjust, music, client, drops */
    /* the loop's own */
    control_t ctl;                /* the end confirmation, the blank screen */
    bool help;
    bool child_view, hide_time;   /* live: C and T toggle them */
    int64_t frame_due;            /* the next moment the screen looks different on its own */
    int64_t exit_at;              /* --exit-at-end: quit at this time */
    bool quit;
    bool start_held;              /* --start: the session starts once the first frame shows and the sound runs */
    uint64_t t0;
    double longest_ms[SCREEN_COUNT]; /* --timing: the longest turn of the loop on each screen */
} app_t;

static void apply(app_t *app, const app_request_t *req, int64_t now);

/* The ready screen's own screens (Adjust, music, client, a plan's mistakes) show on the
 * adult's window when there is one (--presenter); the child's screen stays calm. */
static bool form_on_presenter(const app_t *app)
{
    screen_t s = app->look.screen;
    return presenter_is_open(&app->dev.presenter) &&
           (s == SCREEN_ADJUST || s == SCREEN_MUSIC || s == SCREEN_CLIENT || s == SCREEN_PROBLEMS);
}

/* What the ready screens work on, for one call. */
static ready_ctx_t ready_ctx(app_t *app)
{
    const draw_t *where = form_on_presenter(app) ? &app->dev.presenter.draw : &app->dev.draw;
    return (ready_ctx_t){ app->cat, &app->run, &app->log, where, app->menu.sel };
}

/* Leaves whatever screen for the plan menu (a finished session's record is written first). */
static void to_menu(app_t *app, int64_t now)
{
    app_request_t req = { 0 };
    applog_leave_end(&app->log, now, &req);
    apply(app, &req, now);
    look_set_screen(&app->look, SCREEN_MENU);
    run_close(&app->run);
    look_set_bg(&app->look, draw_menu_colour(&app->dev.draw), now);
}

/* Carries out what a part of the app asked for. */
static void open_entry(app_t *app, const catalog_entry_t *e, int64_t now);
static void step(app_t *app, int64_t now, session_input_t input);

static void apply(app_t *app, const app_request_t *req, int64_t now)
{
    if (req->menu_changed) {
        int sel = app->menu.sel;
        menu_fill(&app->menu, app->cat);
        menu_choose(&app->menu, sel);
    }
    if (req->open_entry)
        open_entry(app, req->open_entry, now);
    else if (req->music_changed)
        run_setup_music(&app->run, app->dev.audio);
    if (req->start && app->run.plan)
        step(app, now, INPUT_START);
    if (req->set_notice)
        look_notice(&app->look, req->notice, false);
    if (req->banner_ms > 0)
        look_banner(&app->look, req->banner, now, req->banner_ms);
    if (req->set_screen)
        look_set_screen(&app->look, req->screen);
    if (req->set_bg)
        look_set_bg(&app->look, req->bg, now);
    if (req->help_off)
        app->help = false;
    if (req->text_input)
        SDL_StartTextInput();
    if (req->exit_at > 0)
        app->exit_at = req->exit_at;
    if (req->to_menu)
        to_menu(app, now);
}

/* Advances the session to now with one input: the sound and the screen follow its cues
 * (run.c), then the log (applog.c). */
static void step(app_t *app, int64_t now, session_input_t input)
{
    if (!app->run.plan)
        return;
    session_cues_t cues;
    app_request_t req = { 0 };
    run_step(&app->run, app->dev.audio, &app->dev.draw, &app->look, now, input, &cues, &req);
    applog_on_cues(&app->log, &app->run, &cues, app->opts->exit_at_end, now, &req);
    for (int i = 0; i < cues.count; i++) {
        if (cues.items[i].kind == CUE_STARTED) {
            ready_ctx_t ctx = ready_ctx(app);
            ready_started(&app->ready, &ctx);
        }
    }
    if (cues.count > 0)
        look_redraw(&app->look);
    apply(app, &req, now);
}

/* Opens a plan on its ready screen, with the music remembered for it. */
static void open_entry(app_t *app, const catalog_entry_t *e, int64_t now)
{
    const plan_t *plan = &e->plan;
    for (int i = 0; i < app->cat->count; i++) {
        if (&app->cat->items[i] == e)
            menu_choose(&app->menu, i);
    }
    run_open(&app->run, e);
    ready_ctx_t ctx = ready_ctx(app);
    ready_opened(&app->ready, &ctx, e);
    ready_separations(&app->ready, &ctx);
    control_init(&app->ctl);
    look_set_screen(&app->look, SCREEN_READY);
    app->child_view = app->settings->child_view || plan->child_view || presenter_is_open(&app->dev.presenter);
    look_set_bg(&app->look, draw_phase_colour(&app->dev.draw, plan->phases[0].kind), now);
    run_setup_music(&app->run, app->dev.audio);
}

static void toggle_view(app_t *app, bool time, int64_t now)
{
    if (time) {
        app->hide_time = !app->hide_time;
        /* TRANSLATORS: a short banner when T hides the session's time (T is the key, the same
           in every language) */
        look_banner(&app->look, app->hide_time ? _("Time hidden (T shows it)")
                                               /* TRANSLATORS: a short banner when T shows the time again */
                                               : _("Time shown"), now, 2000);
    } else {
        app->child_view = !app->child_view;
        /* TRANSLATORS: a short banner when C switches to the child view (only the disk and the
           colour, no words); C is the key, the same in every language */
        look_banner(&app->look, app->child_view ? _("Child view (C for words)")
                                                /* TRANSLATORS: a short banner when C brings the words back */
                                                : _("Words back"), now, 2000);
    }
}

/* The session screen: core/control.c decides; this carries it out. */
static void session_action(app_t *app, action_t act, float fx, int64_t now)
{
    control_result_t r = control_session(&app->ctl, act, fx, app->run.session.state == SESSION_PAUSED, now);
    if (r.hide_message)
        look_hide_banner(&app->look);
    if (r.message)
        look_banner(&app->look, r.message, now, r.message_ms);
    if (r.toggle_time || r.toggle_child)
        toggle_view(app, r.toggle_time, now);
    if (r.input != INPUT_NONE)
        step(app, now, r.input);
}

static void handle(app_t *app, action_t act, float fx, float fy, int64_t now)
{
    if (act == ACT_NONE)
        return;
    look_redraw(&app->look);
    if (act == ACT_QUIT) {
        if (app->look.screen == SCREEN_SESSION)
            step(app, now, INPUT_END);
        app->quit = true;
        return;
    }
    if (act == ACT_HELP || (app->help && (act == ACT_ESCAPE || act == ACT_CANCEL))) {
        app->help = act == ACT_HELP ? !app->help : false;
        return;
    }
    if (act == ACT_FULLSCREEN) {
        window_toggle_fullscreen(&app->dev.window);
        return;
    }
    if (app->look.screen != SCREEN_SESSION && (act == ACT_TOGGLE_TIME || act == ACT_TOGGLE_CHILD)) {
        toggle_view(app, act == ACT_TOGGLE_TIME, now);
        return;
    }
    switch (app->look.screen) {
    case SCREEN_MENU: {
        int row = act == ACT_ESCAPE ? -1 : menu_action(&app->menu, act, fy, &app->dev.draw);
        if (act == ACT_ESCAPE)
            app->quit = true;
        else if (row >= 0)
            open_entry(app, &app->cat->items[row], now);
        break;
    }
    case SCREEN_READY:
        if (act == ACT_PAUSE || act == ACT_RESUME || act == ACT_ENTER || act == ACT_END || act == ACT_CLICK)
            step(app, now, INPUT_START);
        else if (act == ACT_ESCAPE || act == ACT_CANCEL)
            to_menu(app, now);
        break;
    case SCREEN_SESSION: session_action(app, act, fx, now); break;
    case SCREEN_END:
        if (act == ACT_ENTER || act == ACT_ESCAPE || act == ACT_CLICK || act == ACT_PAUSE || act == ACT_CANCEL
            || act == ACT_END)
            to_menu(app, now);
        break;
    case SCREEN_HISTORY: /* applog.c takes its events */
    case SCREEN_ADJUST:  /* ready.c takes these */
    case SCREEN_MUSIC:
    case SCREEN_CLIENT:
    case SCREEN_PROBLEMS:
    case SCREEN_COUNT: break;
    }
}

/* The breathing guide's fullness now, or -1 when the phase has none or it must not move. */
static double breath_now(const app_t *app, const session_view_t *v)
{
    const plan_t *plan = app->run.plan;
    const plan_phase_t *ph = plan ? &plan->phases[v->phase_index] : NULL;
    if (!ph || ph->breaths_per_min <= 0 || v->state == SESSION_FINISHED)
        return -1;
    if (app->settings->reduced_motion)
        return 0.5; /* reduced motion: the guide shows, still; the prompt gives the pace */
    return breath_level(ph->breaths_per_min, v->phase_length_ms - v->phase_remaining_ms);
}

#define PACE_REF_LINES 1080 /* the disk and the breathing guide are paced for a screen this high */

/* px pixels of this screen as pixels of a PACE_REF_LINES-line screen of the same size: on a
 * larger screen the disk's and the guide's steps grow with its pixels, so they move as far (as
 * a share of the screen) and as often as on a 1080-line screen, and each step changes a pixel
 * by as few levels (a soft edge is as many more pixels wide); smaller screens keep their own. */
static int paced_px(const app_t *app, int px)
{
    int w = app->dev.draw.w, h = app->dev.draw.h, lines = w < h ? w : h;
    return lines > PACE_REF_LINES ? (int)((int64_t)px * PACE_REF_LINES / lines) : px;
}

static int64_t disk_step(const app_t *app, const session_view_t *v)
{
    int r = app->dev.draw.layout.disk_r > 0 ? paced_px(app, app->dev.draw.layout.disk_r) : 300;
    return pace_disk_step_ms(v->phase_length_ms, r, app->settings->reduced_motion);
}

static void session_opts(const app_t *app, const session_view_t *v, int64_t now, draw_session_opts_t *so)
{
    so->child_view = app->child_view;
    so->hide_time = app->hide_time;
    so->disk_remaining = pace_disk_remaining(v, disk_step(app, v));
    so->breath = breath_now(app, v);
    so->ending = fade_value(&app->look.ending, now);
}

static void draw_adult(app_t *app, const session_view_t *v, const char *banner, double help)
{
    /* what the child's screen shows, in large type on the adult's window (--presenter) */
    static const char *const status[] = {
        /* TRANSLATORS: the adult's window (--presenter) says what the child's screen shows: the plans */
        [SCREEN_MENU] = N_("Choosing a plan"),
        /* TRANSLATORS: the adult's window: a plan's ready screen (before the session starts) */
        [SCREEN_READY] = N_("Ready to start"),
        [SCREEN_SESSION] = "",
        /* TRANSLATORS: the adult's window: the end screen */
        [SCREEN_END] = N_("The session is over"),
        /* TRANSLATORS: the adult's window: the History screen */
        [SCREEN_HISTORY] = N_("Looking at the history"),
        /* TRANSLATORS: the adult's window: the Adjust screen (changing the plan before a session) */
        [SCREEN_ADJUST] = N_("Adjusting the plan"),
        /* TRANSLATORS: the adult's window: the music chooser */
        [SCREEN_MUSIC] = N_("Choosing the music"),
        /* TRANSLATORS: the adult's window: typing a client's name (a pseudonym) */
        [SCREEN_CLIENT] = N_("Naming a client"),
        /* TRANSLATORS: the adult's window: a plan file with mistakes is shown */
        [SCREEN_PROBLEMS] = N_("A plan with mistakes"),
    };
    _Static_assert(sizeof status / sizeof *status == SCREEN_COUNT, "a status for each screen");
    screen_t screen = app->look.screen;
    const char *said = status[screen][0] ? _(status[screen]) : ""; /* (gettext("") is the header) */
    draw_form_t f;
    if (form_on_presenter(app) && ready_form(&app->ready, screen, &f))
        presenter_draw_form(&app->dev.presenter, &f, banner);
    else if (presenter_is_open(&app->dev.presenter))
        presenter_draw(&app->dev.presenter, app->run.plan, screen == SCREEN_SESSION ? v : NULL, said, banner,
                       help);
}

static void start_up_late(app_t *app);

static void draw(app_t *app, int64_t now)
{
    const look_t *look = &app->look;
    screen_t screen = look->screen;
    draw_begin(&app->dev.draw);
    double help = fade_value(&look->help, now);
    const char *banner = look_message(look, now);
    /* --presenter: no words on the child's screen in a session; the adult's window has them */
    bool apart = screen == SCREEN_SESSION && app->child_view && presenter_is_open(&app->dev.presenter);
    draw_overlay_t o = { .help = help > 0 && !apart, .help_level = apart ? 0 : help, .bg = look_bg_now(look, now),
                         .banner = apart ? NULL : banner,
                         .dim = fade_value(&look->dim, now), .blank = fade_value(&look->blank, now) };
    session_view_t v = { 0 }; /* (filled when there is a plan, which a session screen has) */
    if (app->run.plan)
        session_view(&app->run.session, now, &v);
    switch (screen) {
    case SCREEN_MENU:
        draw_menu(&app->dev.draw, app->menu.items, app->menu.count, app->menu.sel, &o);
        applog_draw_hints(&app->log, screen, &app->dev.draw, &o);
        break;
    case SCREEN_READY:
    case SCREEN_ADJUST:
    case SCREEN_MUSIC:
    case SCREEN_CLIENT:
    case SCREEN_PROBLEMS: {
        ready_ctx_t ctx = ready_ctx(app);
        if (!form_on_presenter(app))
            ready_draw(&app->ready, &ctx, screen, &app->dev.draw, &o);
        else if (app->run.plan) /* the form is on the adult's window */
            ready_draw(&app->ready, &ctx, SCREEN_READY, &app->dev.draw, &o);
        else
            draw_menu(&app->dev.draw, app->menu.items, app->menu.count, app->menu.sel, &o);
        break;
    }
    case SCREEN_SESSION: {
        draw_session_opts_t so;
        session_opts(app, &v, now, &so);
        draw_session(&app->dev.draw, app->run.plan, &v, &so, &o);
        break;
    }
    case SCREEN_END:
    case SCREEN_HISTORY: applog_draw(&app->log, &app->run, screen, &app->dev.draw, &o); break;
    case SCREEN_COUNT: break;
    }
    window_present(&app->dev.window, &app->dev.draw);
    text_end_frame(app->dev.text);
    draw_adult(app, &v, banner, help);
    if (!look->shown) {
        look_shown(&app->look);
        if (app->opts->timing)
            fprintf(stderr, "safebase: first frame after %.1f ms\n",
                    (double)(SDL_GetPerformanceCounter() - app->t0) * 1000.0 / (double)SDL_GetPerformanceFrequency());
        start_up_late(app);
    }
}

static void sooner(int64_t *next, int64_t at)
{
    if (at >= 0 && at < *next)
        *next = at;
}

/* The next moment the screen looks different on its own: a fade frame, a banner going, the
 * digits or the disk moving, a breathing frame. Far in the future when nothing moves. */
static int64_t next_frame(const app_t *app, int64_t now)
{
    const look_t *look = &app->look;
    bool in_session = look->screen == SCREEN_SESSION, visible = app->dev.window.visible;
    int64_t next = INT64_MAX, fades = INT64_MAX;
    sooner(&fades, look_next_fade(look, now, in_session));
    if (look->banner_until > now)
        sooner(&next, look->banner_until);
    bool blanked = app->ctl.blank && fade_next_change(&look->blank, now) < 0;
    if (!in_session || blanked || !visible) {
        sooner(&next, fades);
        return visible ? next : INT64_MAX;
    }
    session_view_t v;
    session_view(&app->run.session, now, &v);
    int64_t wait = pace_session_wait(&v, disk_step(app, &v), !app->hide_time || presenter_is_open(&app->dev.presenter));
    double per_min = app->run.plan->phases[v.phase_index].breaths_per_min;
    int64_t breath = -1;
    if (wait > 0 && per_min > 0 && !app->settings->reduced_motion) {
        int travel = paced_px(app, breath_glow_travel(app->dev.draw.layout.disk_r, app->dev.draw.layout.halo_r));
        int64_t t = v.phase_length_ms - v.phase_remaining_ms;
        breath = breath_next_change(per_min, t, travel > 0 ? travel : 40);
    }
    int64_t frame = pace_merge(breath, wait > 0 ? wait : -1); /* the guide and the disk in one frame */
    /* and a fade's frame due just before them waits for them too */
    frame = pace_merge(fades < INT64_MAX ? fades - now : -1, frame);
    if (frame > 0)
        sooner(&next, now + frame);
    return next;
}

/* How long to sleep: until the next frame, the session's next deadline (a cue, a phase end),
 * --exit-at-end, the log's next deadline, or a second at most (audio warnings and controller
 * hotplug are looked at then). */
static int wait_ms(app_t *app, int64_t now)
{
    app->frame_due = next_frame(app, now);
    int64_t next = now + 1000;
    sooner(&next, app->frame_due);
    if (app->exit_at > 0)
        sooner(&next, app->exit_at);
    if (app->run.plan)
        sooner(&next, session_next_deadline(&app->run.session));
    sooner(&next, applog_next_deadline(&app->log));
    return next > now ? (int)(next - now) : 0;
}

/* Fades that follow the session: the pause dimming and the last-minutes change. */
static void follow_session(app_t *app, int64_t now)
{
    bool in_session = app->look.screen == SCREEN_SESSION;
    session_view_t v = { .paused = false, .ending_soon = false };
    if (in_session)
        session_view(&app->run.session, now, &v);
    else
        app->ctl.blank = false;
    look_follow(&app->look, v.paused, v.ending_soon, app->help, app->ctl.blank, now);
}

static void window_events(app_t *app, const SDL_Event *e)
{
    if (e->type == SDL_RENDER_TARGETS_RESET || e->type == SDL_RENDER_DEVICE_RESET) {
        look_redraw(&app->look);
        return;
    }
    if (e->type != SDL_WINDOWEVENT)
        return;
    if (presenter_is_open(&app->dev.presenter) && e->window.windowID == app->dev.presenter.window_id) {
        if (e->window.event == SDL_WINDOWEVENT_CLOSE)
            presenter_close(&app->dev.presenter);
        look_redraw(&app->look);
        return;
    }
    if (window_event(&app->dev.window, e, &app->dev.draw))
        look_redraw(&app->look);
}

/* The window a click or a tap came from. */
static Uint32 click_window(const SDL_Event *e)
{
    return e->type == SDL_MOUSEBUTTONDOWN ? e->button.windowID : e->type == SDL_FINGERDOWN ? e->tfinger.windowID : 0;
}

static void on_event(app_t *app, const SDL_Event *e)
{
    char msg[256];
    int64_t now = (int64_t)SDL_GetTicks64();
    if (pads_handle(&app->dev.pads, e, msg, sizeof msg)) {
        look_banner(&app->look, msg, now, 3000);
        return;
    }
    window_events(app, e);
    float fx = 0.5f, fy = 0.5f;
    action_t act = input_translate(e, &fx, &fy);
    app_request_t req = { 0 };
    ready_ctx_t ctx = ready_ctx(app);
    if (form_on_presenter(app) && act == ACT_CLICK && click_window(e) != app->dev.presenter.window_id)
        return; /* the form is on the adult's window: a tap on the child's screen does nothing */
    if (e->type == SDL_DROPFILE) { /* a file dropped on the window (a file manager's drag) */
        if (e->drop.file)
            ready_drop(&app->ready, &ctx, app->look.screen, e->drop.file, &req);
        SDL_free(e->drop.file);
        look_redraw(&app->look);
        apply(app, &req, now);
        return;
    }
    /* a typed name takes every key; the log's screens (end, history) and keys take theirs
     * first (in output pixels), then the ready screen's own */
    const char *client_before = applog_client(&app->log);
    char before[RECORD_MAX_CLIENT + 1];
    snprintf(before, sizeof before, "%s", client_before);
    bool typing = app->look.screen == SCREEN_CLIENT;
    if (!app->help && !typing &&
        applog_event(&app->log, app->look.screen, e, act, (int)(fx * (float)app->dev.draw.w),
                     (int)(fy * (float)app->dev.draw.h), &app->dev.draw, now, &req)) {
        if (strcmp(before, applog_client(&app->log)) != 0)
            ready_client_changed(&app->ready, &ctx, &req);
        look_redraw(&app->look);
        apply(app, &req, now);
        return;
    }
    if ((typing || !app->help) && ready_event(&app->ready, &ctx, app->look.screen, e, act, fx, fy, &req)) {
        look_redraw(&app->look);
        apply(app, &req, now);
        return;
    }
    handle(app, act, fx, fy, now);
}

/* --timing: how long a turn of the loop (its events, the step, the frame) kept the screen
 * from answering, the longest on each screen, said at the end. */
static void note_turn(app_t *app, uint64_t from)
{
    double ms = (double)(SDL_GetPerformanceCounter() - from) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    double *longest = &app->longest_ms[app->look.screen];
    *longest = ms > *longest ? ms : *longest;
}

static void say_turns(const app_t *app)
{
    static const char *const names[] = { "menu", "ready", "session", "end", "history",
                                         "adjust", "music", "client", "problems" };
    _Static_assert(sizeof names / sizeof *names == SCREEN_COUNT, "a name for each screen");
    for (int i = 0; i < SCREEN_COUNT; i++) {
        if (app->longest_ms[i] > 0)
            fprintf(stderr, "safebase: timing: longest turn of the loop on the %s screen: %.1f ms\n", names[i],
                    app->longest_ms[i]);
    }
}

#define START_WAIT_MS 3000  /* --start waits this long at most for the sound device to run */
#define START_LEAD_MS 40    /* then starts this far ahead, its chime scheduled to the sample */

/* --start, once the first frame shows (the session at its first moment): waits for the sound
 * device to run (a new PulseAudio stream can take two seconds), so the session's clock and its
 * first chime agree with what is heard; then starts the session START_LEAD_MS ahead, its first
 * cues handed to the audio thread (more than a device buffer ahead: the chime sounds exactly
 * then, not at the next buffer). A device that does not run holds nothing up for longer: the
 * session starts and the chime plays when it can. */
static void start_when_heard(app_t *app)
{
    app->start_held = false;
    bool running = audio_wait_running(app->dev.audio, START_WAIT_MS);
    int64_t at = (int64_t)SDL_GetTicks64() + (running ? START_LEAD_MS : 1);
    if (running)
        run_schedule_start(&app->run, app->dev.audio, at);
    int64_t left = at - 1 - (int64_t)SDL_GetTicks64();
    if (left > 0)
        SDL_Delay((Uint32)left);
    int64_t woke = (int64_t)SDL_GetTicks64(), tick = woke;
    while (tick == woke || tick < at) /* to the first moment of a tick: at's, or the next if late */
        tick = (int64_t)SDL_GetTicks64();
    if (app->opts->timing) { /* the start on CLOCK_MONOTONIC too, for tests that record the sound */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        double mono = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9 - (double)(tick - at) / 1000.0;
        fprintf(stderr, "safebase: timing: session start at=%lld monotonic=%.6f sound=%s\n", (long long)at, mono,
                running ? "running" : app->dev.audio ? "not-running" : "none");
    }
    step(app, at, INPUT_START);
}

static void loop(app_t *app)
{
    while (!app->quit) {
        int64_t now = (int64_t)SDL_GetTicks64();
        SDL_Event e;
        bool woke = SDL_WaitEventTimeout(&e, wait_ms(app, now));
        uint64_t turn = SDL_GetPerformanceCounter();
        bool counted = app->look.shown; /* (not the first frame: the start has its own figures) */
        if (woke) {
            do
                on_event(app, &e);
            while (SDL_PollEvent(&e));
        }
        now = (int64_t)SDL_GetTicks64();
        step(app, now, INPUT_NONE);
        app_request_t req = { 0 };
        applog_tick(&app->log, now, &req);
        run_poll_audio(&app->run, app->dev.audio, app->look.screen == SCREEN_SESSION, now, &req);
        if (ready_poll(&app->ready, app->look.screen, now))
            look_redraw(&app->look);
        apply(app, &req, now);
        follow_session(app, now);
        if (app->exit_at > 0 && now >= app->exit_at)
            app->quit = true;
        if (now >= app->frame_due) /* woken for a change on screen, not just for the second */
            look_redraw(&app->look);
        if (app->dev.window.visible && look_take_redraw(&app->look))
            draw(app, now);
        if (app->start_held && (app->look.shown || !app->dev.window.visible))
            start_when_heard(app);
        if (app->opts->timing && counted)
            note_turn(app, turn);
    }
    if (app->opts->timing)
        say_turns(app);
}

/* The loop's part of starting: the menu's colour, the screen options, and a notice that is
 * said once more when the first session starts. */
static bool start_up(app_t *app, char *err, size_t errsize)
{
    if (!devices_open(&app->dev, app->opts, app->settings, &app->look, err, errsize))
        return false;
    look_set_bg(&app->look, draw_menu_colour(&app->dev.draw), 0);
    app->hide_time = app->settings->hide_time;
    app->child_view = app->settings->child_view || presenter_is_open(&app->dev.presenter);
    look_notice_until_start(&app->look);
    return true;
}

/* Right after the first frame: the rest of the devices; new sound gets the open plan's music
 * (--plan's ready screen came up silent). */
static void start_up_late(app_t *app)
{
    if (!devices_late(&app->dev, app->opts, &app->look))
        return;
    look_notice_until_start(&app->look);
    run_setup_music(&app->run, app->dev.audio);
}

int app_run(const options_t *opts, const settings_t *settings, catalog_t *cat, catalog_entry_t *plan_entry)
{
    app_t *app = calloc(1, sizeof *app); /* large: one per run, owned here and passed down */
    if (!app) {
        i18n_say(stderr, "%s", _("out of memory"));
        return 1;
    }
    app->opts = opts;
    app->settings = settings;
    app->cat = cat;
    app->t0 = SDL_GetPerformanceCounter();
    look_init(&app->look, settings->reduced_motion, (SDL_Color){ 0, 0, 0, 255 });
    ready_init(&app->ready);
    run_init(&app->run, opts, settings);
    char log_path[4096];
    if (!logfile_choose_path(opts->log, log_path, sizeof log_path)) {
        log_path[0] = '\0';
        /* TRANSLATORS: HOME is the environment variable, --log FILE the option: both stay as they are */
        i18n_say(stderr, "%s", _("HOME is not set: sessions will not be logged (use --log FILE)"));
    }
    applog_open(&app->log, log_path, opts->client);
    char err[512] = ""; /* start_up leaves it empty when it has said why itself */
    int status = 0;
    if (!start_up(app, err, sizeof err)) {
        if (err[0])
            i18n_say(stderr, "%s", err);
        status = 1;
    } else {
        menu_fill(&app->menu, cat);
        look_set_screen(&app->look, SCREEN_MENU);
        int64_t now = (int64_t)SDL_GetTicks64();
        if (plan_entry) {
            open_entry(app, plan_entry, now);
        } else if (opts->plan_file) { /* safebase FILE.plan: its ready screen, or its mistakes */
            app_request_t req = { 0 };
            ready_ctx_t ctx = ready_ctx(app);
            ready_open_file(&app->ready, &ctx, opts->plan_file, false, &req);
            apply(app, &req, now);
        }
        if (opts->start && app->run.plan) { /* the first frame shows the session at its start */
            app->start_held = true;
            look_set_screen(&app->look, SCREEN_SESSION);
        }
        loop(app);
    }
    applog_close(&app->log, (int64_t)SDL_GetTicks64());
    run_close(&app->run);
    ready_free(&app->ready);
    devices_close(&app->dev);
    free(app);
    return status;
}
