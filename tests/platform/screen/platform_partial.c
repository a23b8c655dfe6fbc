/* Frames drawn in part look exactly like frames drawn whole: a session screen is driven through
 * its phases (the disk's steps, the breathing guide, prompts turning, captions coming and going,
 * the last minutes' colour, a pause, the background's fade) on a target that keeps its pixels
 * and redraws only what changed, and after every frame each pixel is compared with the same
 * moment drawn whole on a second target. Most frames must have been drawn in part. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/plan/plan.h"
#include "core/screen/palette.h"
#include "core/session/breath.h"
#include "core/session/pace.h"
#include "core/session/session.h"
#include "platform/screen/draw.h"

typedef struct {
    SDL_Surface *surf;
    SDL_Renderer *r;
    text_t *text;
    draw_t draw;
} target_t;

static bool target_open(target_t *t, int w, int h, theme_t theme)
{
    t->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    t->r = t->surf ? SDL_CreateSoftwareRenderer(t->surf) : NULL;
    char err[256];
    t->text = t->r ? text_open(t->r, NULL, false, err, sizeof err) : NULL;
    if (!t->text)
        return false;
    draw_init(&t->draw, t->r, t->text, theme);
    t->draw.retained = true;
    return true;
}

static void target_close(target_t *t)
{
    draw_free(&t->draw);
    text_close(t->text);
    SDL_DestroyRenderer(t->r);
    SDL_FreeSurface(t->surf);
}

static void render(target_t *t, const plan_t *plan, const session_view_t *v, const draw_session_opts_t *so,
                   const draw_overlay_t *o)
{
    draw_begin(&t->draw);
    draw_session(&t->draw, plan, v, so, o);
    SDL_RenderFlush(t->r);
    text_end_frame(t->text);
}

static const char plan_text[] =
    "[plan]\ntitle = Partial frames\naudience = therapist\nend_warning = 20s\n"
    "[phase Arrive]\nkind = settle\nduration = 30s\nbreathe = 6\n"
    "prompt = Sit together. Let them arrive.\nprompt = Breathe slowly. Let them match you, and take your time.\n"
    "[phase Together]\nkind = connect\nduration = 20s\nprompt_every = 5s\n"
    "prompt = Come close.\nprompt = Notice them. Say what you see.\nprompt = Be warm and present.\n"
    "[phase Goodbye]\nkind = close\nduration = 30s\nbreathe = 6\nprompt = Thank them.\n";

/* The pixels that differ between the two targets. */
static long differing(const target_t *a, const target_t *b)
{
    long n = 0;
    for (int y = 0; y < a->surf->h; y++) {
        const Uint32 *ra = (const Uint32 *)(const void *)((const Uint8 *)a->surf->pixels + y * a->surf->pitch);
        const Uint32 *rb = (const Uint32 *)(const void *)((const Uint8 *)b->surf->pixels + y * b->surf->pitch);
        for (int x = 0; x < a->surf->w; x++)
            n += ra[x] != rb[x];
    }
    return n;
}

static SDL_Color mix(SDL_Color a, SDL_Color b, double t)
{
    colour_t c = colour_mix((colour_t){ a.r, a.g, a.b }, (colour_t){ b.r, b.g, b.b }, t);
    return (SDL_Color){ c.r, c.g, c.b, 255 };
}

/* Runs the plan in uneven steps of the clock, comparing every frame. */
static void run_through(const plan_t *plan, int w, int h, theme_t theme)
{
    target_t part, whole;
    if (!target_open(&part, w, h, theme) || !target_open(&whole, w, h, theme)) {
        CHECK(!"two software targets with the font");
        return;
    }
    session_t s;
    session_init(&s, plan);
    session_cues_t cues;
    session_update(&s, 0, INPUT_START, &cues);
    int frames = 0, in_part = 0, last_phase = 0;
    int64_t phase_at = 0;
    SDL_Color bg_from = draw_phase_colour(&part.draw, plan->phases[0].kind), bg_to = bg_from;
    bool paused = false, resumed = false;
    for (int64_t now = 0; now < 90000 && s.state != SESSION_FINISHED; now += 97 + (now / 97 % 5) * 61) {
        session_input_t in = INPUT_NONE; /* a pause of two seconds in the second phase */
        if (now >= 41000 && !paused)
            in = INPUT_PAUSE, paused = true;
        else if (now >= 43000 && !resumed)
            in = INPUT_PAUSE, resumed = true;
        session_update(&s, now, in, &cues);
        session_view_t v;
        session_view(&s, now, &v);
        if (v.phase_index != last_phase) { /* a new phase: its colour fades in, a caption shows */
            last_phase = v.phase_index;
            phase_at = now;
            bg_from = bg_to;
            bg_to = draw_phase_colour(&part.draw, v.kind);
        }
        double fade = (double)(now - phase_at) / 1500.0;
        const plan_phase_t *ph = &plan->phases[v.phase_index];
        draw_session_opts_t so = {
            .disk_remaining = pace_disk_remaining(&v, pace_disk_step_ms(v.phase_length_ms, 200, false)),
            .breath = ph->breaths_per_min > 0 ? breath_level(ph->breaths_per_min, v.phase_length_ms - v.phase_remaining_ms)
                                              : -1,
            .ending = v.ending_soon ? 1.0 : 0.0,
        };
        draw_overlay_t o = { .bg = mix(bg_from, bg_to, fade > 1 ? 1 : (double)(int)(fade * 16) / 16),
                             .banner = now - phase_at < 4000 && now > 0 ? "\xE2\x99\xAA A soft chime: the phase changes"
                                                                       : NULL,
                             .dim = v.paused ? 1.0 : 0.0 };
        render(&part, plan, &v, &so, &o);
        draw_invalidate(&whole.draw);
        disk_free(&whole.draw.disk); /* the disk's layer shaded whole too */
        render(&whole, plan, &v, &so, &o);
        frames++;
        in_part += !part.draw.full;
        long bad = differing(&part, &whole);
        if (bad)
            fprintf(stderr, "%dx%d at %lld ms (phase %d%s): %ld pixels differ from the whole frame\n", w, h,
                    (long long)now, v.phase_index, part.draw.full ? ", drawn whole" : "", bad);
        CHECK(bad == 0);
    }
    printf("%dx%d: %d frames, %d drawn in part\n", w, h, frames, in_part);
    CHECK(in_part > frames * 3 / 5);
    target_close(&part);
    target_close(&whole);
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    plan_t plan;
    plan_errors_t errs;
    CHECK(plan_parse(plan_text, sizeof plan_text - 1, &plan, &errs));
    run_through(&plan, 960, 540, THEME_CALM);
    run_through(&plan, 1280, 720, THEME_CONTRAST);
    plan_free(&plan);
    SDL_Quit();
    return check_summary();
}
