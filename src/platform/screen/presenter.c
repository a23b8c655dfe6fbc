/* The adult's window for --presenter: a plain stacked view read up close (phase, time, next
 * phase, prompt, the plan's note, the keys). Draws only; the app decides what happens. */
#include "platform/screen/presenter.h"

#include <stdio.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "platform/screen/drawpriv.h"

bool presenter_open(presenter_t *p, int child_display, const settings_t *s, char *msg, size_t size)
{
    memset(p, 0, sizeof *p);
    int n = SDL_GetNumVideoDisplays();
    if (n < 2) {
        /* TRANSLATORS: --presenter (the adult's own window) needs a second monitor; a notice */
        snprintf(msg, size, "%s", _("Presenter view needs a second display; showing one view"));
        return false;
    }
    int other = child_display == 0 ? 1 : 0;
    SDL_Rect b = { 0, 0, 1280, 720 };
    SDL_GetDisplayUsableBounds(other, &b);
    /* TRANSLATORS: the title of the adult's window (--presenter) */
    p->win = SDL_CreateWindow(_("Safe Base: adult view"), (int)SDL_WINDOWPOS_CENTERED_DISPLAY(other),
                              (int)SDL_WINDOWPOS_CENTERED_DISPLAY(other), b.w * 8 / 10, b.h * 8 / 10,
                              SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE);
    if (p->win)
        p->renderer = SDL_CreateRenderer(p->win, -1, 0);
    char err[256] = "";
    if (p->renderer)
        p->text = text_open(p->renderer, s->font, false, err, sizeof err);
    if (!p->text) {
        /* TRANSLATORS: --presenter's window could not open; %s says why */
        snprintf(msg, size, _("Presenter view failed (%s); showing one view"), err[0] ? err : SDL_GetError());
        presenter_close(p);
        return false;
    }
    draw_init(&p->draw, p->renderer, p->text, s->theme);
    p->window_id = SDL_GetWindowID(p->win);
    return true;
}

bool presenter_is_open(const presenter_t *p)
{
    return p->win != NULL;
}

void presenter_close(presenter_t *p)
{
    if (p->text) {
        draw_free(&p->draw);
        text_close(p->text);
    }
    if (p->renderer)
        SDL_DestroyRenderer(p->renderer);
    if (p->win)
        SDL_DestroyWindow(p->win);
    memset(p, 0, sizeof *p);
}

/* One line of text, shrunk to the width; returns the height used. */
static int line(presenter_t *p, const char *s, int px, bool soft, int x, int y, int w, bool wrap)
{
    draw_t *d = &p->draw;
    SDL_Color c = draw_sdl(soft ? d->pal.ink_soft : d->pal.ink, 255);
    int tw, th;
    for (;; px = px * 9 / 10) {
        text_measure(p->text, s, px, wrap ? w : 0, &tw, &th);
        if (tw <= w || px <= 10)
            break;
    }
    return text_draw(p->text, s, px, c, x, y, wrap ? w : 0, TEXT_LEFT);
}

/* The keys along the bottom: each key with what it does (the keys' names are the same in every
 * language), a dot between them. */
static const char *const key_list[][2] = {
    /* TRANSLATORS: the adult's window (--presenter), along the bottom: what a key does, after
       the key's name (Space pause, Right next...); each a word or two, the key stays as it is */
    { "Space", N_("pause") },
    /* TRANSLATORS: the adult's window, after the key Right: the next phase */
    { "Right", N_("next") },
    /* TRANSLATORS: the adult's window, after the key Left: back (pressed twice: the phase before) */
    { "Left", N_("back") },
    /* TRANSLATORS: the adult's window, after the key Up: one more minute */
    { "Up", N_("+1 min") },
    /* TRANSLATORS: the adult's window, after the key R: a reconnection now */
    { "R", N_("reconnect") },
    /* TRANSLATORS: the adult's window, after the key L: the child looked back to the adult */
    { "L", N_("look-back") },
    /* TRANSLATORS: the adult's window, after the key "." (full stop): a blank screen */
    { ".", N_("blank") },
    /* TRANSLATORS: the adult's window, after the key T: hide or show the time */
    { "T", N_("time") },
    /* TRANSLATORS: the adult's window, after the key C: the child view (only the disk and colour) */
    { "C", N_("child view") },
    /* TRANSLATORS: the adult's window, after Esc pressed twice: end the session */
    { "Esc Esc", N_("end") },
    /* TRANSLATORS: the adult's window, after the key F1: the help */
    { "F1", N_("help") },
};

/* The keys' line into buf: "Space pause · Right next · ...", the spaces inside each
 * key's words no-break spaces (U+00A0), so the line wraps only between keys. A key that does
 * not fit is left out whole. */
static void keys_line(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof key_list / sizeof key_list[0]; i++) {
        char item[160], joined[320];
        snprintf(item, sizeof item, "%s %s", key_list[i][0], _(key_list[i][1]));
        size_t k = 0;
        for (const char *c = item; *c && k + 2 < sizeof joined; c++) {
            if (*c == ' ') {
                joined[k++] = '\xC2';
                joined[k++] = '\xA0';
            } else {
                joined[k++] = *c;
            }
        }
        joined[k] = '\0';
        int m = snprintf(buf + n, size - n, "%s%s", n ? " \xC2\xB7 " : "", joined);
        if (m < 0 || (size_t)m >= size - n) {
            buf[n] = '\0';
            return;
        }
        n += (size_t)m;
    }
}

/* Adds " · part" to the label in buf (each part a whole label, not a piece of a sentence). */
static void append_part(char *buf, size_t size, const char *part)
{
    size_t n = strlen(buf);
    if (n < size)
        snprintf(buf + n, size - n, " \xC2\xB7 %s", part);
}

static void session_part(presenter_t *p, const plan_t *plan, const session_view_t *v, int x, int y, int w)
{
    draw_t *d = &p->draw;
    int u = d->h, gap = u / 40;
    char clock[32], next[160], where[160];
    duration_format_clock(v->phase_remaining_ms, clock, sizeof clock);
    /* TRANSLATORS: the adult's window (--presenter): where the session is in its plan; "paused"
       and "ending soon" may follow, each after a dot */
    snprintf(where, sizeof where, _("Phase %d of %d"), v->phase_index + 1, v->phase_count);
    if (v->paused)
        /* TRANSLATORS: the adult's window, after "Phase %d of %d": the session is paused */
        append_part(where, sizeof where, _("paused"));
    if (v->ending_soon)
        /* TRANSLATORS: the adult's window, after "Phase %d of %d": the last minutes of the session */
        append_part(where, sizeof where, _("ending soon"));
    if (v->next_phase_name)
        /* TRANSLATORS: the adult's window: the name of the next phase (from the plan) */
        snprintf(next, sizeof next, _("Next: %s"), v->next_phase_name);
    else
        /* TRANSLATORS: the adult's window: the phase shown is the plan's last */
        snprintf(next, sizeof next, "%s", _("Next: the end"));
    y += line(p, where, u / 28, true, x, y, w, false) + gap;
    y += line(p, v->phase_name, u / 10, false, x, y, w / 2, false);
    text_draw(p->text, clock, u / 8, draw_sdl(d->pal.ink, 255), x + w, y - u / 8, 0, TEXT_RIGHT);
    y += gap;
    if (v->prompt && *v->prompt)
        y += line(p, v->prompt, u / 18, false, x, y, w, true) + gap;
    y += line(p, next, u / 22, true, x, y, w, false) + gap;
    const char *note = plan->phases[v->phase_index].note;
    if (note && *note) {
        char buf[600];
        /* TRANSLATORS: the adult's window: the plan's note for the adult about this phase */
        snprintf(buf, sizeof buf, _("Note: %s"), note);
        line(p, buf, u / 24, true, x, y, w, true);
    }
    int bar = u / 60 > 3 ? u / 60 : 3;
    draw_fill(d, (SDL_Rect){ x, d->h - u / 7, w, bar }, draw_sdl(d->pal.ink, 50));
    draw_fill(d, (SDL_Rect){ x, d->h - u / 7, (int)(w * v->plan_fraction), bar }, draw_sdl(d->pal.disk, 220));
}

void presenter_draw(presenter_t *p, const plan_t *plan, const session_view_t *v, const char *status,
                    const char *banner, double help_level)
{
    if (!p->win)
        return;
    draw_t *d = &p->draw;
    draw_begin(d);
    SDL_Color bg = v ? draw_phase_colour(d, v->kind) : draw_menu_colour(d);
    SDL_SetRenderDrawColor(d->renderer, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(d->renderer);
    int x = d->w / 20, w = d->w - 2 * x, y = d->h / 20;
    if (plan)
        y += line(p, plan->title, d->h / 30, true, x, y, w, false) + d->h / 60;
    if (v && plan)
        session_part(p, plan, v, x, y, w);
    else
        line(p, status, d->h / 14, false, x, y + d->h / 10, w, true);
    if (banner && *banner) /* above the plan's progress bar */
        line(p, banner, d->h / 24, false, x, d->h - d->h / 7 - d->h / 12, w, false);
    char keys[600];
    keys_line(keys, sizeof keys);
    line(p, keys, d->h / 40, true, x, d->h - d->h / 10, w, true);
    if (help_level > 0)
        draw_overlays(d, &(draw_overlay_t){ .help = true, .help_level = help_level });
    SDL_RenderPresent(d->renderer);
    text_end_frame(p->text);
}

void presenter_draw_form(presenter_t *p, const draw_form_t *f, const char *banner)
{
    if (!p->win)
        return;
    draw_t *d = &p->draw;
    draw_begin(d);
    draw_form(d, f, &(draw_overlay_t){ .bg = draw_menu_colour(d), .banner = banner });
    SDL_RenderPresent(d->renderer);
    text_end_frame(p->text);
}
