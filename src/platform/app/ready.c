/* The ready screen's keys and its screens: what each press leads to, saving plans and choices,
 * drops and plan files from outside. The arithmetic is the core's (planedit, choices); the
 * files are platform/sys's (savefile, choicesfile, catalog); the screens are forms. */
#include "platform/app/ready.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/base/printf.h"
#include "core/sound/playlist.h"
#include "platform/screen/formscreen.h"
#include "platform/sys/choicesfile.h"
#include "platform/sys/i18n.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

#define BANNER_MS 4000
#define LONG_BANNER_MS 7000

enum { BUTTON_ADJUST, BUTTON_MUSIC, BUTTON_CLIENT, BUTTON_KEEP };

static void banner(app_request_t *req, int64_t ms, const char *fmt, ...) PRINTF_LIKE(3, 4);

static void banner(app_request_t *req, int64_t ms, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(req->banner, sizeof req->banner, fmt, ap);
    va_end(ap);
    req->banner_ms = ms;
}

static void show(app_request_t *req, screen_t screen)
{
    req->set_screen = true;
    req->screen = screen;
}

void ready_init(ready_t *r)
{
    memset(r, 0, sizeof *r);
    choices_init(&r->choices);
    char err[600];
    if (!choicesfile_load(&r->choices, err, sizeof err))
        /* TRANSLATORS: the remembered choices (choices.tsv) have bad lines; %s names them */
        i18n_say(stderr, _("%s (the other choices still count)"), err);
}

void ready_free(ready_t *r)
{
    adjust_close(&r->adjust);
    chooser_close(&r->chooser);
    choices_free(&r->choices);
}

/* Saves the choices; says on stderr (and in a banner) when it cannot. */
static void save_choices(ready_t *r, app_request_t *req)
{
    char err[600];
    if (!choicesfile_save(&r->choices, err, sizeof err)) {
        i18n_say(stderr, "%s", err);
        if (req)
            /* TRANSLATORS: a banner: the choice of music or plan cannot be saved; %s says why */
            banner(req, LONG_BANNER_MS, _("Your choice works now but cannot be remembered: %s"), err);
    }
}

/* The open plan's id for remembering, or NULL when it cannot be remembered (never saved). */
static const char *plan_id(const ready_t *r)
{
    return r->entry && strcmp(r->entry->id, "unsaved") != 0 ? r->entry->id : NULL;
}

void ready_opened(ready_t *r, ready_ctx_t *ctx, const catalog_entry_t *entry)
{
    r->entry = entry;
    r->focus = 0;
    const char *id = plan_id(r), *client = applog_client(ctx->log);
    const char *music = id ? choices_get(&r->choices, "plan", id, "music") : NULL;
    if (ctx->run->opts->nmusic > 0) { /* --music given this time wins over what was remembered */
        run_choose_music(ctx->run, NULL);
        return;
    }
    const char *last = client[0] ? choices_get(&r->choices, "client", client, "plan") : NULL;
    if (id && last && strcmp(last, id) == 0 && choices_get(&r->choices, "client", client, "music"))
        music = choices_get(&r->choices, "client", client, "music");
    run_choose_music(ctx->run, music);
}

static void feed_progress(void *ctx, const logread_event_t *ev)
{
    if (ev->kind == LOGREAD_ROW)
        progress_feed(ctx, ev->row);
}

/* The sentence for the ready screen, for today's first separation. */
static void separations_line(ready_t *r, const run_t *run)
{
    char a[48], b[48];
    if (r->sep_grow <= 0) {
        r->sep_why[0] = '\0';
        return;
    }
    int64_t first = 0;
    plan_separation_grow(run->plan, &first, NULL);
    int64_t last = first;
    for (int i = 0; i < run->plan->nphases; i++) {
        const plan_phase_t *ph = &run->plan->phases[i];
        if (ph->kind == PHASE_SEPARATE && ph->rounds > 1 && ph->duration_ms > last)
            last = ph->duration_ms;
    }
    duration_format_length(first, a, sizeof a);
    duration_format_length(last, b, sizeof b);
    /* TRANSLATORS: the ready screen: the keys that change today's separations; the keys'
       names (Left, Right, Backspace) stay as on the keyboard */
    const char *keys = r->sep_first == r->sep_own ? _("Left/Right: change")
                                                  /* TRANSLATORS: see "Left/Right: change" */
                                                  : _("Left/Right: change, Backspace: the plan's own");
    char today[sizeof r->sep_why];
    if (r->sep_why[0]) /* the proposal, in its own words ("Separations today: ...; last time ...") */
        snprintf(today, sizeof today, "%s", r->sep_why);
    else if (r->sep_first == r->sep_own)
        /* TRANSLATORS: the ready screen: today's separations, from the first length to the last */
        snprintf(today, sizeof today, _("Separations today: %s to %s (as the plan has them)"), a, b);
    else
        /* TRANSLATORS: the ready screen: today's separations, from the first length to the last */
        snprintf(today, sizeof today, _("Separations today: %s to %s"), a, b);
    snprintf(r->sep_line_buf, sizeof r->sep_line_buf, "%s \xC2\xB7 %s", today, keys);
}

void ready_separations(ready_t *r, ready_ctx_t *ctx)
{
    const plan_t *written = ctx->run->written;
    r->sep_grow = written ? plan_separation_grow(written, &r->sep_own, &r->sep_rounds) : 0;
    r->sep_first = r->sep_own;
    r->sep_why[0] = r->sep_line_buf[0] = '\0';
    if (r->sep_grow <= 0)
        return;
    const char *client = applog_client(ctx->log);
    if (client[0]) {
        progress_t p;
        progress_init(&p, client, written->title);
        if (r->entry && r->entry->lang[0]) /* a built-in in the user's language: its English sessions count */
            progress_also(&p, r->entry->title_en);
        applog_read_recent(ctx->log, feed_progress, &p);
        r->sep_first = progress_propose(&p, r->sep_own, r->sep_grow, r->sep_rounds, written->grow_max_ms, r->sep_why,
                                        sizeof r->sep_why);
    }
    if (!run_shift_separations(ctx->run, r->sep_first)) {
        r->sep_first = r->sep_own;
        r->sep_why[0] = '\0'; /* the proposal could not be taken: the plan as written, said plainly */
    }
    separations_line(r, ctx->run);
}

/* Left/Right without a button chosen: today's first separation a step (the plan's grow) down or
 * up; Backspace: the plan's own. */
static bool separation_key(ready_t *r, ready_ctx_t *ctx, action_t act)
{
    if (r->sep_grow <= 0 || (act != ACT_NEXT && act != ACT_BACK && act != ACT_ERASE))
        return false;
    int64_t want = act == ACT_ERASE ? r->sep_own : r->sep_first + (act == ACT_NEXT ? r->sep_grow : -r->sep_grow);
    int64_t cap = ctx->run->written->grow_max_ms > 0 ? ctx->run->written->grow_max_ms : PLAN_MAX_PHASE_MS;
    if ((want < PROGRESS_MIN_MS && want < r->sep_own) || want > cap)
        return true; /* at a limit: nothing changes */
    if (run_shift_separations(ctx->run, want))
        r->sep_first = want;
    else
        run_shift_separations(ctx->run, r->sep_first);
    r->sep_why[0] = '\0'; /* the adult's choice now, not the proposal */
    separations_line(r, ctx->run);
    return true;
}

void ready_started(ready_t *r, ready_ctx_t *ctx)
{
    const char *id = plan_id(r), *client = applog_client(ctx->log);
    if (!id || !client[0])
        return;
    choices_set(&r->choices, "client", client, "plan", id);
    choices_set(&r->choices, "client", client, "music", ctx->run->music[0] ? ctx->run->music : NULL);
    save_choices(r, NULL);
}

void ready_client_changed(ready_t *r, ready_ctx_t *ctx, app_request_t *req)
{
    const char *client = applog_client(ctx->log);
    const char *last = client[0] ? choices_get(&r->choices, "client", client, "plan") : NULL;
    catalog_entry_t *e = last ? catalog_find(ctx->cat, last) : NULL;
    const char *music = client[0] ? choices_get(&r->choices, "client", client, "music") : NULL;
    if (e && e != r->entry) {
        req->open_entry = e; /* its music follows in ready_opened */
        if (music)
            /* TRANSLATORS: a banner when a client is chosen: %1$s the client, %2$s the plan they
               had last time, which opens; Esc (a key) goes back to the plans */
            banner(req, LONG_BANNER_MS, _("%s: last time %s, with the same music. Esc: the plans"), client,
                   e->plan.title);
        else
            /* TRANSLATORS: as "%s: last time %s, with the same music. Esc: the plans" */
            banner(req, LONG_BANNER_MS, _("%s: last time %s. Esc: the plans"), client, e->plan.title);
    } else if (e && music) {
        run_choose_music(ctx->run, music);
        req->music_changed = true;
        /* TRANSLATORS: a banner when a client is chosen (%s): their music plays again */
        banner(req, BANNER_MS, _("%s: the music from last time"), client);
    } else if (client[0]) {
        /* TRANSLATORS: a banner when a client (%s, a pseudonym) is chosen */
        banner(req, BANNER_MS, _("Client: %s"), client);
    }
    if (!req->open_entry) /* (a plan opened works them out itself) */
        ready_separations(r, ctx);
}

/* The music chosen (chooser or drop) for the open plan: used now and remembered. */
static void choose_music(ready_t *r, ready_ctx_t *ctx, const char *music, const char *name, app_request_t *req)
{
    run_choose_music(ctx->run, music);
    req->music_changed = true;
    const char *id = plan_id(r), *client = applog_client(ctx->log);
    if (id)
        choices_set(&r->choices, "plan", id, "music", music);
    if (client[0])
        choices_set(&r->choices, "client", client, "music", music);
    if (paths_is_absolute(music))
        choices_add_recent(&r->choices, music);
    /* TRANSLATORS: a banner when music is chosen; %s is its file or folder */
    banner(req, BANNER_MS, _("Music: %s"), name);
    save_choices(r, req);
}

static void open_chooser(ready_t *r, ready_ctx_t *ctx, screen_t back, app_request_t *req)
{
    char dir[4096];
    const char *recent[CHOOSER_RECENT];
    int n = choices_recent(&r->choices, recent, CHOOSER_RECENT);
    const char *current = back == SCREEN_ADJUST ? planedit_music(&r->adjust.edit) : ctx->run->music;
    if (!chooser_open(&r->chooser, paths_music_dir(dir, sizeof dir) ? dir : NULL, recent, n, current)) {
        banner(req, BANNER_MS, "%s", _("Out of memory: the music cannot be listed"));
        return;
    }
    r->music_back = back;
    show(req, SCREEN_MUSIC);
}

/* A plan saved or kept at path: the catalogue is read again (every entry moves: the open plan
 * is opened again from its new place) and the saved plan opens. False, back on the menu, when
 * it cannot be read back. */
static bool reopen(ready_t *r, ready_ctx_t *ctx, const char *path, app_request_t *req)
{
    int i = catalog_reload(ctx->cat, path, stderr);
    req->menu_changed = true;
    r->entry = NULL;
    if (i >= 0) {
        req->open_entry = &ctx->cat->items[i];
        return true;
    }
    req->to_menu = true;
    /* TRANSLATORS: a banner: an adjusted plan was saved (%s) but cannot be opened; the
       messages are on the terminal */
    banner(req, LONG_BANNER_MS, _("Saved as %s, but it cannot be read back: see the messages"), path);
    return false;
}

static void save_adjusted(ready_t *r, ready_ctx_t *ctx, app_request_t *req)
{
    char path[4096], err[600];
    if (!planedit_changed(&r->adjust.edit)) { /* nothing to keep: no copy of an unchanged plan */
        adjust_close(&r->adjust);
        show(req, SCREEN_READY);
        /* TRANSLATORS: a banner on leaving the Adjust screen */
        banner(req, BANNER_MS, "%s", _("Nothing was changed, so nothing was saved"));
        return;
    }
    if (adjust_save(&r->adjust, ctx->cat, path, sizeof path, err, sizeof err)) {
        const char *base = paths_last_separator(path);
        adjust_close(&r->adjust);
        if (reopen(r, ctx, path, req))
            /* TRANSLATORS: a banner: the adjusted plan was saved; %s is its file name */
            banner(req, BANNER_MS, _("Saved among your plans (%s)"), base ? base + 1 : path);
        return;
    }
    /* TRANSLATORS: %s says why */
    i18n_say(stderr, _("cannot save the adjusted plan: %s"), err);
    req->open_entry = adjust_unsaved(&r->adjust);
    /* TRANSLATORS: a banner: %s says why the adjusted plan was not saved */
    banner(req, LONG_BANNER_MS, _("Not saved: %s. The adjusted plan is ready for this session."), err);
}

static void keep(ready_t *r, ready_ctx_t *ctx, app_request_t *req)
{
    char path[4096], err[600];
    if (!r->entry || !r->entry->opened || strcmp(r->entry->id, "unsaved") == 0) {
        /* TRANSLATORS: a banner after K (keep this plan) on the ready screen */
        banner(req, BANNER_MS, "%s", r->entry && r->entry->user ? _("This plan is already one of yours")
                                     /* TRANSLATORS: a banner after K (keep this plan); E is the key
                                        that opens the Adjust screen: it stays E */
                                     : _("This plan is already here; E adjusts a copy of your own"));
        return;
    }
    if (!adjust_open(&r->adjust, r->entry, err, sizeof err) || !adjust_keep(&r->adjust, path, sizeof path, err,
                                                                             sizeof err)) {
        adjust_close(&r->adjust);
        /* TRANSLATORS: K (keep a plan from outside among the user's plans) failed; %s says why */
        i18n_say(stderr, _("cannot keep the plan: %s"), err);
        /* TRANSLATORS: a banner: K failed; %s says why */
        banner(req, LONG_BANNER_MS, _("Not kept: %s"), err);
        return;
    }
    adjust_close(&r->adjust);
    const char *base = paths_last_separator(path);
    if (reopen(r, ctx, path, req))
        /* TRANSLATORS: a banner: the plan was kept; %s is its file name */
        banner(req, BANNER_MS, _("Kept among your plans (%s)"), base ? base + 1 : path);
}

static void ready_command(ready_t *r, ready_ctx_t *ctx, int which, const SDL_Event *e, app_request_t *req)
{
    char why[600];
    switch (which) {
    case BUTTON_ADJUST:
        if (r->entry && strcmp(r->entry->id, "unsaved") == 0) { /* it lives in the Adjust screen's memory */
            /* TRANSLATORS: a banner; Esc is a key */
            banner(req, LONG_BANNER_MS, "%s", _("This adjusted plan could not be saved: Esc, then adjust the plan again"));
            return;
        }
        if (!r->entry || !adjust_open(&r->adjust, r->entry, why, sizeof why)) {
            /* TRANSLATORS: a banner: %s says why */
            banner(req, LONG_BANNER_MS, _("This plan cannot be adjusted: %s"), r->entry ? why : _("none is open"));
            return;
        }
        show(req, SCREEN_ADJUST);
        return;
    case BUTTON_MUSIC: open_chooser(r, ctx, SCREEN_READY, req); return;
    case BUTTON_CLIENT: {
        char known[400] = "";
        int n = applog_clients(ctx->log);
        if (n > 0)
            /* TRANSLATORS: the client field's hint: %d labels were used before, which Tab (a key)
               goes through on the ready screen */
            snprintf(known, sizeof known, _("Type a pseudonym. %d used before: Tab on the ready screen"), n);
        namefield_open(&r->name, known, e);
        show(req, SCREEN_CLIENT);
        return;
    }
    case BUTTON_KEEP: keep(r, ctx, req); return;
    default: return;
    }
}

/* The ready screen's buttons, as drawn. */
static void ready_view(ready_t *r, const ready_ctx_t *ctx, draw_ready_t *v)
{
    memset(v, 0, sizeof *v);
    run_music_label(ctx->run, r->music_line, sizeof r->music_line);
    const char *client = applog_client(ctx->log);
    char who[200];
    if (client[0])
        /* TRANSLATORS: the ready screen: the client (%s, a pseudonym) of this session */
        snprintf(who, sizeof who, _("Client: %s"), client);
    else
        /* TRANSLATORS: the ready screen, when no client is chosen (N chooses one) */
        snprintf(who, sizeof who, "%s", _("No client named"));
    snprintf(r->client_line, sizeof r->client_line, "%s%s%s", who, r->sep_line_buf[0] ? ". " : "", r->sep_line_buf);
    v->music = r->music_line;
    v->client = r->client_line;
    /* TRANSLATORS: the ready screen's buttons: a word, two spaces, the key that presses it. The
       keys (E, M, N, K) stay the same letters in every language; about 12 characters each */
    v->buttons[v->nbuttons++] = _("Adjust  E");
    /* TRANSLATORS: a ready screen button; see "Adjust  E" (M stays M) */
    v->buttons[v->nbuttons++] = _("Music  M");
    /* TRANSLATORS: a ready screen button; see "Adjust  E" (N stays N) */
    v->buttons[v->nbuttons++] = _("Client  N");
    if (r->entry && r->entry->opened && strcmp(r->entry->id, "unsaved") != 0)
        /* TRANSLATORS: a ready screen button: keep a plan opened from a file among the user's
           plans; see "Adjust  E" (K stays K) */
        v->buttons[v->nbuttons++] = _("Keep  K");
    v->focused = r->focus <= v->nbuttons ? r->focus : 0;
}

/* Down (or a D-pad) reaches the buttons; Left/Right then move along them, Up goes back to
 * none; with a button chosen, Enter, Space or A presses it and Esc or B lets go of it. Returns
 * the button to press, -1 for none; *taken says whether the key was used here. */
static int focus_key(ready_t *r, int nbuttons, action_t act, bool *taken)
{
    *taken = true;
    if (act == ACT_DOWN)
        r->focus = r->focus == 0 ? 1 : r->focus;
    else if (r->focus > 0 && (act == ACT_UP || act == ACT_ESCAPE || act == ACT_CANCEL))
        r->focus = 0;
    else if (r->focus > 0 && (act == ACT_NEXT || act == ACT_BACK))
        r->focus = act == ACT_NEXT ? (r->focus < nbuttons ? r->focus + 1 : nbuttons) : (r->focus > 1 ? r->focus - 1 : 1);
    else if (r->focus > 0 && (act == ACT_ENTER || act == ACT_PAUSE || act == ACT_RESUME || act == ACT_END)) {
        int which = r->focus - 1;
        r->focus = 0;
        return which;
    } else
        *taken = false;
    return -1;
}

static bool on_ready(ready_t *r, ready_ctx_t *ctx, const SDL_Event *e, action_t act, float fx, float fy,
                     app_request_t *req)
{
    int which = act == ACT_ADJUST ? BUTTON_ADJUST : act == ACT_MUSIC ? BUTTON_MUSIC
              : act == ACT_CLIENT ? BUTTON_CLIENT : act == ACT_KEEP ? BUTTON_KEEP : -1;
    draw_ready_t v;
    ready_view(r, ctx, &v);
    if (act == ACT_CLICK) {
        which = draw_ready_button_at(ctx->draw, &v, fx, fy);
        if (which == BUTTON_KEEP && v.nbuttons <= BUTTON_KEEP)
            which = -1;
        r->focus = 0;
    } else if (which < 0) {
        bool taken;
        which = focus_key(r, v.nbuttons, act, &taken);
        if (which < 0)
            return taken || (r->focus == 0 && separation_key(r, ctx, act));
    }
    if (which < 0)
        return false;
    ready_command(r, ctx, which, e, req);
    return true;
}

static bool on_adjust(ready_t *r, ready_ctx_t *ctx, action_t act, float fx, float fy, app_request_t *req)
{
    switch (adjust_action(&r->adjust, act, fx, fy, ctx->draw)) {
    case ADJUST_NONE: return false; /* F, T, C... the loop's */
    case ADJUST_CHANGED: return true;
    case ADJUST_SAVE: save_adjusted(r, ctx, req); return true;
    case ADJUST_LEAVE:
        adjust_close(&r->adjust);
        show(req, SCREEN_READY);
        return true;
    case ADJUST_MUSIC: open_chooser(r, ctx, SCREEN_ADJUST, req); return true;
    }
    return true;
}

static bool on_music(ready_t *r, ready_ctx_t *ctx, action_t act, float fx, float fy, app_request_t *req)
{
    chooser_result_t res = chooser_action(&r->chooser, act, fx, fy, ctx->draw);
    if (res == CHOOSER_CHOSEN) {
        if (r->music_back == SCREEN_ADJUST) {
            if (!adjust_set_music(&r->adjust, r->chooser.chosen))
                banner(req, BANNER_MS, "%s", _("That music cannot go in a plan file (its path is too unusual)"));
        } else {
            choose_music(r, ctx, r->chooser.chosen, r->chooser.chosen_name, req);
        }
    }
    if (res == CHOOSER_CHOSEN || res == CHOOSER_LEAVE) {
        chooser_close(&r->chooser);
        show(req, r->music_back);
    }
    return res != CHOOSER_NONE;
}

static bool on_client(ready_t *r, ready_ctx_t *ctx, const SDL_Event *e, action_t act, float fx, float fy,
                      app_request_t *req)
{
    switch (namefield_event(&r->name, e, act, fx, fy, ctx->draw)) {
    case NAMEFIELD_DONE:
        applog_set_client(ctx->log, r->name.text);
        show(req, SCREEN_READY);
        ready_client_changed(r, ctx, req);
        return true;
    case NAMEFIELD_LEAVE: show(req, SCREEN_READY); return true;
    default: return true; /* every event is the field's while it shows */
    }
}

static bool on_problems(ready_t *r, action_t act, app_request_t *req)
{
    int n = r->problems.count;
    if (act == ACT_UP || act == ACT_DOWN) {
        r->problem_sel += act == ACT_UP ? -1 : 1;
        r->problem_sel = r->problem_sel < 0 ? 0 : r->problem_sel >= n ? n - 1 : r->problem_sel;
        return true;
    }
    if (act == ACT_ENTER || act == ACT_ESCAPE || act == ACT_CANCEL || act == ACT_PAUSE || act == ACT_CLICK ||
        act == ACT_END) {
        req->to_menu = true;
        return true;
    }
    return false;
}

bool ready_event(ready_t *r, ready_ctx_t *ctx, screen_t screen, const SDL_Event *e, action_t act, float fx,
                 float fy, app_request_t *req)
{
    if (e->type == SDL_DROPFILE)
        return false; /* the loop hands drops to ready_drop */
    switch (screen) {
    case SCREEN_READY: return on_ready(r, ctx, e, act, fx, fy, req);
    case SCREEN_ADJUST: return act == ACT_HELP || act == ACT_QUIT ? false : on_adjust(r, ctx, act, fx, fy, req);
    case SCREEN_MUSIC: return act == ACT_HELP || act == ACT_QUIT ? false : on_music(r, ctx, act, fx, fy, req);
    case SCREEN_CLIENT: return act == ACT_QUIT ? false : on_client(r, ctx, e, act, fx, fy, req);
    case SCREEN_PROBLEMS: return act == ACT_HELP || act == ACT_QUIT ? false : on_problems(r, act, req);
    default: return false;
    }
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcasecmp(s + n - t, tail) == 0;
}

static void show_problems(ready_t *r, const char *path, const plan_errors_t *errs, const char *why)
{
    r->problems = *errs;
    r->problem_sel = 0;
    const char *base = paths_last_separator(path);
    /* TRANSLATORS: the title of the screen listing a plan file's mistakes; %s is the file */
    snprintf(r->problems_title, sizeof r->problems_title, _("%s cannot open yet"), base ? base + 1 : path);
    if (errs->dropped)
        /* TRANSLATORS: under the title of the plan-mistakes screen: %s is "FILE: N mistakes" */
        snprintf(r->problems_note, sizeof r->problems_note,
                 _("%s (the first ones shown). Fix them in a text editor, then open it again."), why);
    else
        /* TRANSLATORS: under the title of the plan-mistakes screen: %s is "FILE: N mistakes";
           "it"/"them" are the mistakes, "open it" the file */
        snprintf(r->problems_note, sizeof r->problems_note,
                 P_("%s. Fix it in a text editor, then open it again.",
                    "%s. Fix them in a text editor, then open it again.", errs->count), why);
    for (int i = 0; i < errs->count; i++) {
        if (errs->items[i].line > 0)
            /* TRANSLATORS: the plan-mistakes screen: where a mistake is (left of it, short) */
            snprintf(r->problem_lines[i], sizeof r->problem_lines[i], _("Line %d"), errs->items[i].line);
        else
            /* TRANSLATORS: the plan-mistakes screen: a mistake about the whole file */
            snprintf(r->problem_lines[i], sizeof r->problem_lines[i], "%s", _("The file"));
        snprintf(r->problem_text[i], sizeof r->problem_text[i], "%s", errs->items[i].message);
        r->problem_labelp[i] = r->problem_lines[i];
        r->problem_valuep[i] = r->problem_text[i];
    }
}

void ready_open_file(ready_t *r, ready_ctx_t *ctx, const char *path, bool start, app_request_t *req)
{
    plan_errors_t errs = { .count = 0 };
    char why[600] = "";
    int i = catalog_open_file(ctx->cat, path, &errs, why, sizeof why);
    if (i >= 0) {
        req->menu_changed = true;
        req->open_entry = &ctx->cat->items[i];
        req->start = start;
        return;
    }
    i18n_say(stderr, "%s", why);
    for (int k = 0; k < errs.count; k++) {
        if (errs.items[k].line > 0)
            fprintf(stderr, "%s:%d: %s\n", path, errs.items[k].line, errs.items[k].message);
        else
            fprintf(stderr, "%s: %s\n", path, errs.items[k].message);
    }
    if (errs.count > 0) {
        show_problems(r, path, &errs, why);
        show(req, SCREEN_PROBLEMS);
    } else {
        banner(req, LONG_BANNER_MS, "%s", why);
    }
}

void ready_drop(ready_t *r, ready_ctx_t *ctx, screen_t screen, const char *path, app_request_t *req)
{
    const char *base = paths_last_separator(path);
    base = base && base[1] ? base + 1 : path;
    osfile_stat_t st;
    if (screen != SCREEN_MENU && screen != SCREEN_READY) {
        /* TRANSLATORS: a banner: a file was dropped on a screen that does not take it */
        banner(req, BANNER_MS, "%s", _("Drop it on the plans or on the ready screen"));
        return;
    }
    if (osfile_stat(path, &st) != 0) {
        /* TRANSLATORS: a banner: a dropped file (%s) cannot be found */
        banner(req, BANNER_MS, _("Cannot find %s"), path);
        return;
    }
    if (ends_with(path, ".plan")) {
        ready_open_file(r, ctx, path, false, req);
        return;
    }
    bool music = st.kind == OSFILE_FOLDER || playlist_is_playlist_name(path) || playlist_is_audio_name(path);
    if (!music) {
        /* TRANSLATORS: a banner: a dropped file (%s) that Safe Base cannot use */
        banner(req, LONG_BANNER_MS, _("%s is neither music nor a plan: drop a sound file, a music folder, a "
               "playlist (.m3u, .pls, .xspf) or a .plan file"), base);
        return;
    }
    if (screen == SCREEN_MENU) {
        if (ctx->menu_sel < 0 || ctx->menu_sel >= ctx->cat->count)
            return;
        r->entry = &ctx->cat->items[ctx->menu_sel];
        req->open_entry = r->entry;
    }
    char name[300];
    snprintf(name, sizeof name, "%s", base);
    choose_music(r, ctx, path, name, req);
}

bool ready_poll(ready_t *r, screen_t screen, int64_t now)
{
    return screen == SCREEN_MUSIC && chooser_poll(&r->chooser, now);
}

bool ready_form(ready_t *r, screen_t screen, draw_form_t *f)
{
    switch (screen) {
    case SCREEN_ADJUST: adjust_form(&r->adjust, f); return true;
    case SCREEN_MUSIC: chooser_form(&r->chooser, f); return true;
    case SCREEN_CLIENT: namefield_form(&r->name, f); return true;
    case SCREEN_PROBLEMS:
        memset(f, 0, sizeof *f);
        f->title = r->problems_title;
        f->subtitle = r->problems_note;
        f->labels = r->problem_labelp;
        f->values = r->problem_valuep;
        f->count = r->problems.count;
        f->sel = r->problem_sel;
        /* TRANSLATORS: the plan-mistakes screen's key hint; the keys' names (Up, Down, Enter,
           Esc) stay as on the keyboard */
        f->hint = _("Up/Down: read the list \xC2\xB7 Enter or Esc: back to the plans");
        /* TRANSLATORS: the plan-mistakes screen's one button (about 20 characters) */
        f->buttons[0] = _("Back to the plans");
        f->nbuttons = 1;
        return true;
    default: return false;
    }
}

void ready_draw(ready_t *r, const ready_ctx_t *ctx, screen_t screen, draw_t *d, const draw_overlay_t *o)
{
    draw_form_t f;
    if (ready_form(r, screen, &f)) {
        draw_form(d, &f, o);
        return;
    }
    if (screen == SCREEN_READY) {
        draw_ready_t v;
        ready_view(r, ctx, &v);
        draw_ready(d, ctx->run->plan, &v, o);
    }
}
