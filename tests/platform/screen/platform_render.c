/* Renders the session screen with the real font into software targets (no window) and checks
 * its pixels: the disk's filled angle matches the time gone within 2 degrees, every text box
 * lies inside the screen without overlapping at five sizes, the digits stand at least 8% of
 * the screen height, and the high-contrast theme's text reaches 7:1 on screen. Also: a caption on
 * the end screen never covers its Done button, and a text first drawn faded shows at full ink
 * once its fade is over. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/plan/plan.h"
#include "core/session/session.h"
#include "platform/screen/draw.h"
#include "platform/screen/endscreen.h"

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
    t->draw.retained = true; /* as in the app's software path: the disk test checks partial frames */
    return true;
}

static void target_close(target_t *t)
{
    draw_free(&t->draw);
    text_close(t->text);
    SDL_DestroyRenderer(t->r);
    SDL_FreeSurface(t->surf);
}

static SDL_Color pixel(const target_t *t, int x, int y)
{
    Uint32 p = ((const Uint32 *)((const Uint8 *)t->surf->pixels + y * t->surf->pitch))[x];
    SDL_Color c;
    SDL_GetRGB(p, t->surf->format, &c.r, &c.g, &c.b);
    c.a = 255;
    return c;
}

static int distance(SDL_Color a, SDL_Color b)
{
    return abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b);
}

static const char plan_text[] =
    "[plan]\ntitle = Connect, separate, connect: render test\naudience = therapist\n"
    "[phase Little step apart]\nkind = separate\nduration = 2m\n"
    "prompt = Follow their lead: describe what they do, delight in them, and let them choose the next game. "
    "Stay close; keep your voice soft and your face warm.\nbreathe = 6\n"
    "[phase Back together]\nkind = connect\nduration = 1m\n";

static void render(target_t *t, const plan_t *plan, const session_view_t *v, const draw_session_opts_t *so,
                   const draw_overlay_t *o)
{
    draw_begin(&t->draw);
    draw_session(&t->draw, plan, v, so, o);
    SDL_RenderPresent(t->r);
    text_end_frame(t->text);
}

/* Walks a circle at 70% of the disk's radius from 12 o'clock clockwise and returns the first
 * angle (degrees) where the full disk colour starts, i.e. where time has reached. */
static double filled_from(const target_t *t, const layout_t *l, SDL_Color disk)
{
    double rr = l->disk_r * 0.7;
    for (int k = 0; k < 7200; k++) {
        double a = k * 0.05;
        int x = (int)lround(l->disk_x + rr * sin(a * M_PI / 180));
        int y = (int)lround(l->disk_y - rr * cos(a * M_PI / 180));
        if (distance(pixel(t, x, y), disk) < 30)
            return a;
    }
    return 360;
}

static void disk_angles(const plan_t *plan, session_view_t *v)
{
    target_t t;
    CHECK(target_open(&t, 1920, 1080, THEME_CALM));
    SDL_Color disk = { t.draw.pal.disk.r, t.draw.pal.disk.g, t.draw.pal.disk.b, 255 };
    draw_overlay_t o = { .bg = draw_phase_colour(&t.draw, v->kind) };
    for (int i = 0; i <= 40; i++) {
        double remaining = 1.0 - i / 40.0 * 0.98 - 0.01; /* 0.99 .. 0.01 */
        if (i == 17)
            remaining = 0.5;
        draw_session_opts_t so = { .disk_remaining = remaining, .breath = (i % 3) ? -1 : 0.7 };
        render(&t, plan, v, &so, &o);
        const layout_t *l = &t.draw.layout;
        double want = 360 * (1 - remaining), got = filled_from(&t, l, disk);
        CHECK(fabs(got - want) <= 2.0);
        if (fabs(got - want) > 2.0)
            fprintf(stderr, "  remaining %.3f: filled from %.2f degrees, want %.2f\n", remaining, got, want);
        /* the part still to go is filled all the way round to 12 o'clock, the rest is not */
        int x = l->disk_x - 3, y = l->disk_y - l->disk_r / 2;
        CHECK(distance(pixel(&t, x, y), disk) < 30);
    }
    target_close(&t);
}

/* Frames that redraw only the disk's steps keep the texts still on screen: the next whole
 * frame (here a new background) draws them from their textures, rendering nothing again. */
static void texts_kept_through_steps(const plan_t *plan, const session_view_t *v)
{
    target_t t;
    CHECK(target_open(&t, 1920, 1080, THEME_CALM));
    draw_overlay_t o = { .bg = draw_phase_colour(&t.draw, v->kind) };
    draw_session_opts_t so = { .disk_remaining = 0.9, .breath = -1 };
    render(&t, plan, v, &so, &o);
    unsigned before = text_renders(t.text);
    CHECK(before >= 4); /* title, where, phase, digits, prompt */
    for (int i = 1; i <= 20; i++) {
        so.disk_remaining = 0.9 - i * 0.01;
        render(&t, plan, v, &so, &o);
        CHECK(!t.draw.full);
    }
    o.bg = (SDL_Color){ (Uint8)(o.bg.r / 2), (Uint8)(o.bg.g / 2), (Uint8)(o.bg.b / 2), 255 };
    render(&t, plan, v, &so, &o);
    CHECK(t.draw.full);
    CHECK_EQ_INT((int)text_renders(t.text), (int)before);
    target_close(&t);
}

static bool rect_ok(layout_rect_t r, int w, int h)
{
    return r.w <= 0 || layout_inside(r, w, h);
}

/* Rows of the clock's box that hold ink: the digits' height in pixels. */
static int ink_height(const target_t *t, layout_rect_t b, SDL_Color bg)
{
    int top = -1, bottom = -1;
    for (int y = b.y; y < b.y + b.h; y++)
        for (int x = b.x; x < b.x + b.w; x += 2)
            if (distance(pixel(t, x, y), bg) > 200) {
                top = top < 0 ? y : top;
                bottom = y;
                break;
            }
    return top < 0 ? 0 : bottom - top + 1;
}

static void layouts(const plan_t *plan, const session_view_t *v0)
{
    static const int sizes[][2] = { { 1366, 768 }, { 1920, 1080 }, { 3840, 2160 }, { 1080, 1920 }, { 640, 400 } };
    for (int s = 0; s < 5; s++) {
        target_t t;
        int w = sizes[s][0], h = sizes[s][1];
        CHECK(target_open(&t, w, h, s == 1 ? THEME_CONTRAST : THEME_CALM));
        for (int flags = 0; flags < 8; flags++) {
            session_view_t v = *v0;
            v.paused = flags & 1;
            v.ending_soon = flags & 2;
            draw_overlay_t o = { .bg = draw_phase_colour(&t.draw, v.kind),
                                 .banner = (flags & 4) ? "Press Esc again (or Enter) to end the session" : NULL };
            draw_session_opts_t so = { .disk_remaining = 0.6, .breath = 0.5 };
            render(&t, plan, &v, &so, &o);
            const layout_t *l = &t.draw.layout;
            layout_rect_t all[LAYOUT_TEXT_COUNT + 3];
            int n = 0, before = check_failed;
            for (int i = 0; i < LAYOUT_TEXT_COUNT; i++)
                if (l->shown[i] && i != LAYOUT_BANNER)
                    all[n++] = l->box[i];
            all[n++] = layout_disk_box(l);
            all[n++] = l->progress;
            all[n++] = l->banner_panel;
            for (int i = 0; i < n; i++) {
                CHECK(rect_ok(all[i], w, h));
                for (int j = i + 1; j < n; j++)
                    CHECK(!layout_overlap(all[i], all[j]));
            }
            CHECK(l->shown[LAYOUT_TITLE] && l->shown[LAYOUT_WHERE] && l->shown[LAYOUT_PHASE]);
            CHECK(l->shown[LAYOUT_PROMPT] == !v.paused && l->shown[LAYOUT_PAUSED] == v.paused);
            CHECK(l->shown[LAYOUT_BANNER] == ((flags & 4) != 0));
            if (!v.paused) {
                int digits = ink_height(&t, l->box[LAYOUT_CLOCK], o.bg);
                CHECK(digits >= 0.08 * h);
                if (digits < 0.08 * h)
                    fprintf(stderr, "  digits %d px at %dx%d\n", digits, w, h);
            }
            if (check_failed != before)
                fprintf(stderr, "  ... at %dx%d, flags %d\n", w, h, flags);
        }
        target_close(&t);
    }
}

/* The high-contrast theme on screen: the brightest pixel of the digits against the background. */
static void contrast_on_screen(const plan_t *plan, const session_view_t *v)
{
    target_t t;
    CHECK(target_open(&t, 1920, 1080, THEME_CONTRAST));
    draw_overlay_t o = { .bg = draw_phase_colour(&t.draw, v->kind) };
    draw_session_opts_t so = { .disk_remaining = 0.5, .breath = -1 };
    render(&t, plan, v, &so, &o);
    for (int which = LAYOUT_WHERE; which <= LAYOUT_PROMPT; which++) {
        layout_rect_t b = t.draw.layout.box[which];
        colour_t bg = { o.bg.r, o.bg.g, o.bg.b }, best = bg;
        for (int y = b.y; y < b.y + b.h; y++)
            for (int x = b.x; x < b.x + b.w; x++) {
                SDL_Color c = pixel(&t, x, y);
                colour_t cc = { c.r, c.g, c.b };
                if (colour_contrast(cc, bg) > colour_contrast(best, bg))
                    best = cc;
            }
        CHECK(colour_contrast(best, bg) >= 7.0);
    }
    target_close(&t);
}

/* The end screen with a caption ("Closing chime") showing: the Done button's pixels (whatever
 * differs from the background in the bottom fifth without a caption) are all still there. */
static void end_caption_clear_of_button(const plan_t *plan, session_t *s)
{
    int sizes[][2] = { { 1920, 1080 }, { 1366, 768 }, { 1080, 1920 } };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        target_t plain, captioned;
        if (!target_open(&plain, w, h, THEME_CALM) || !target_open(&captioned, w, h, THEME_CALM)) {
            CHECK(!"a software target with the font");
            return;
        }
        endscreen_t es;
        endscreen_begin(&es, true, 0);
        draw_overlay_t o = { .bg = draw_menu_colour(&plain.draw) };
        draw_begin(&plain.draw);
        endscreen_draw(&plain.draw, &es, plan, s, &o);
        SDL_RenderFlush(plain.r);
        o.banner = "\xE2\x99\xAA Closing chime";
        draw_begin(&captioned.draw);
        endscreen_draw(&captioned.draw, &es, plan, s, &o);
        SDL_RenderFlush(captioned.r);
        int button = 0, covered = 0, caption = 0;
        for (int y = h * 4 / 5; y < h; y++)
            for (int x = 0; x < w; x++) {
                SDL_Color a = pixel(&plain, x, y), b = pixel(&captioned, x, y);
                if (distance(a, o.bg) > 30) {
                    button++;
                    covered += distance(a, b) > 30;
                }
            }
        for (int y = 0; y < h; y++) /* and the caption is on screen somewhere */
            for (int x = 0; x < w; x += 4)
                caption += distance(pixel(&plain, x, y), pixel(&captioned, x, y)) > 30;
        if (covered)
            fprintf(stderr, "%dx%d: the caption covers %d of the Done button's %d pixels\n", w, h, covered, button);
        CHECK(button > 100);
        CHECK_EQ_INT(covered, 0);
        CHECK(caption > 100);
        target_close(&plain);
        target_close(&captioned);
    }
}

/* A text first drawn faded (the help or "Paused" fading in) is drawn at full ink once the fade
 * is over: its cached texture holds it opaque; the fade is applied only when it is drawn. */
static void fade_not_kept(void)
{
    target_t t;
    if (!target_open(&t, 400, 80, THEME_CALM)) {
        CHECK(!"a software target with the font");
        return;
    }
    int brightest = 0;
    for (int a = 30; a <= 255; a += 225) {
        SDL_SetRenderDrawColor(t.r, 0, 0, 0, 255);
        SDL_RenderClear(t.r);
        text_draw(t.text, "Pause / go on", 40, (SDL_Color){ 250, 250, 250, (Uint8)a }, 10, 10, 0, TEXT_LEFT);
        SDL_RenderFlush(t.r);
        text_end_frame(t.text);
    }
    for (int y = 0; y < 80; y++)
        for (int x = 0; x < 400; x++) {
            SDL_Color c = pixel(&t, x, y);
            brightest = c.g > brightest ? c.g : brightest;
        }
    CHECK(brightest >= 240);
    if (brightest < 240)
        fprintf(stderr, "  a text drawn faded, then whole: its brightest pixel is %d of 250\n", brightest);
    target_close(&t);
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
    session_t s;
    session_init(&s, &plan);
    session_cues_t cues;
    session_update(&s, 0, INPUT_START, &cues);
    session_update(&s, 1500, INPUT_NONE, &cues);
    session_view_t v;
    session_view(&s, 1500, &v);
    disk_angles(&plan, &v);
    texts_kept_through_steps(&plan, &v);
    layouts(&plan, &v);
    contrast_on_screen(&plan, &v);
    session_update(&s, 3000, INPUT_END, &cues);
    end_caption_clear_of_button(&plan, &s);
    fade_not_kept();
    plan_free(&plan);
    SDL_Quit();
    return check_summary();
}
