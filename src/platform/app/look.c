/* The look of the screen between frames: fades with the app's reduced-motion rule, banners,
 * the notice, and which screen shows. Holds no session and draws nothing. */
#include "platform/app/look.h"

#include <stdio.h>

#include "core/screen/palette.h"

#define BG_FADE_MS 1500
#define DIM_FADE_MS 1000
#define BLANK_FADE_MS 1200
#define ENDING_FADE_MS 3000
#define HELP_FADE_MS 1000
#define REDUCED_FADE_MS 2000   /* reduced motion: fades take 2 s in 8 small steps */
#define REDUCED_STEPS 8

static int64_t fade_ms(const look_t *l, int64_t ms)
{
    return l->reduced_motion ? (ms > REDUCED_FADE_MS ? ms : REDUCED_FADE_MS) : ms;
}

static void fade_level(const look_t *l, fade_t *f, double target, int64_t now, int64_t ms)
{
    fade_to(f, target, now, fade_ms(l, ms), l->reduced_motion ? REDUCED_STEPS : 0);
}

void look_init(look_t *l, bool reduced_motion, SDL_Color bg)
{
    *l = (look_t){ .screen = SCREEN_MENU, .reduced_motion = reduced_motion, .bg_from = bg, .bg_to = bg };
    fade_init(&l->bg_fade, 1.0);
    fade_init(&l->dim, 0.0);
    fade_init(&l->blank, 0.0);
    fade_init(&l->ending, 0.0);
    fade_init(&l->help, 0.0);
}

void look_set_screen(look_t *l, screen_t screen)
{
    l->screen = screen;
    if (screen == SCREEN_READY || screen == SCREEN_SESSION || screen == SCREEN_ADJUST || screen == SCREEN_MUSIC ||
        screen == SCREEN_CLIENT)
        SDL_DisableScreenSaver();
    else
        SDL_EnableScreenSaver();
    SDL_ShowCursor(screen == SCREEN_SESSION ? SDL_DISABLE : SDL_ENABLE);
    l->dirty = true;
}

void look_set_bg(look_t *l, SDL_Color target, int64_t now)
{
    l->dirty = true;
    if (!l->shown) { /* nothing shown yet: the first frame is in this colour */
        l->bg_from = l->bg_to = target;
        fade_init(&l->bg_fade, 1.0);
        return;
    }
    l->bg_from = look_bg_now(l, now);
    l->bg_to = target;
    fade_init(&l->bg_fade, 0.0);
    fade_level(l, &l->bg_fade, 1.0, now, BG_FADE_MS);
}

SDL_Color look_bg_now(const look_t *l, int64_t now)
{
    double t = fade_value(&l->bg_fade, now);
    colour_t a = { l->bg_from.r, l->bg_from.g, l->bg_from.b }, b = { l->bg_to.r, l->bg_to.g, l->bg_to.b };
    colour_t c = colour_mix(a, b, t);
    return (SDL_Color){ c.r, c.g, c.b, 255 };
}

void look_banner(look_t *l, const char *msg, int64_t now, int64_t ms)
{
    snprintf(l->banner, sizeof l->banner, "%s", msg);
    l->banner_until = now + ms;
    l->dirty = true;
}

void look_hide_banner(look_t *l)
{
    l->banner_until = 0;
    l->dirty = true;
}

void look_notice(look_t *l, const char *msg, bool until_start)
{
    snprintf(l->notice, sizeof l->notice, "%s", msg);
    l->notice_until_start = until_start;
    l->dirty = true;
}

void look_notice_until_start(look_t *l)
{
    l->notice_until_start = l->notice[0] != '\0';
}

const char *look_message(const look_t *l, int64_t now)
{
    return l->banner_until > now ? l->banner : l->notice;
}

void look_follow(look_t *l, bool paused, bool ending_soon, bool help, bool blank, int64_t now)
{
    bool in_session = l->screen == SCREEN_SESSION;
    fade_level(l, &l->dim, in_session && paused ? 1.0 : 0.0, now, DIM_FADE_MS);
    fade_level(l, &l->ending, in_session && ending_soon ? 1.0 : 0.0, now, ENDING_FADE_MS);
    fade_level(l, &l->help, help ? 1.0 : 0.0, now, HELP_FADE_MS);
    fade_level(l, &l->blank, blank ? 1.0 : 0.0, now, BLANK_FADE_MS);
}

static void sooner(int64_t *next, int64_t at)
{
    if (at >= 0 && (*next < 0 || at < *next))
        *next = at;
}

int64_t look_next_fade(const look_t *l, int64_t now, bool in_session)
{
    int64_t next = -1;
    sooner(&next, fade_next_change(&l->bg_fade, now));
    sooner(&next, fade_next_change(&l->blank, now));
    sooner(&next, fade_next_change(&l->help, now));
    if (in_session) {
        sooner(&next, fade_next_change(&l->dim, now));
        sooner(&next, fade_next_change(&l->ending, now));
    }
    return next;
}

void look_shown(look_t *l)
{
    l->shown = true;
}

void look_redraw(look_t *l)
{
    l->dirty = true;
}

bool look_take_redraw(look_t *l)
{
    bool due = l->dirty;
    l->dirty = false;
    return due;
}
