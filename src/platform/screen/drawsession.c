/* The session screen: the phase colour, the countdown disk with the breathing guide, the phase
 * name, the time left, the prompt, where we are in the plan, and the pause sign, placed by
 * core/layout.c. Reads the view; changes nothing outside the renderer. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/session/breath.h"
#include "core/base/duration.h"
#include "core/base/translate.h"
#include "platform/screen/draw.h"
#include "platform/screen/drawpriv.h"

typedef struct {
    draw_t *d;
    const char *text[LAYOUT_TEXT_COUNT];
} texts_t;

static void measure(void *ctx, layout_text_t which, int px, int max_w, int *w, int *h)
{
    texts_t *t = ctx;
    text_measure(t->d->text, t->text[which], px, max_w, w, h);
}

/* The words shown while paused, in the user's language. */
static const char *paused_text(void)
{
    /* TRANSLATORS: the session screen while paused, in large type in the prompt's place */
    return _("Paused");
}

static const char *resume_text(void)
{
    /* TRANSLATORS: the session screen while paused, under "Paused": Space is a key, A a game
       controller's button (both stay as they are); a tap in the middle of the screen */
    return _("Space, A or a tap in the middle to go on");
}

/* The digits with each one replaced by 0: the clock's size then changes only with its shape. */
static void clock_shape(const char *clock, char *out, size_t size)
{
    size_t i = 0;
    for (; clock[i] && i + 1 < size; i++)
        out[i] = (clock[i] >= '0' && clock[i] <= '9') ? '0' : clock[i];
    out[i] = '\0';
}

/* Adds " · part" to the label in buf (each part a whole label of its own, not a piece of a sentence). */
static void append_part(char *buf, size_t size, const char *part)
{
    size_t n = strlen(buf);
    if (n < size)
        snprintf(buf + n, size - n, " \xC2\xB7 %s", part);
}

static void session_texts(const session_view_t *v, char *clock, size_t clock_size, char *where, size_t where_size)
{
    duration_format_clock(v->phase_remaining_ms, clock, clock_size);
    /* TRANSLATORS: the session screen, top right: where the session is in its plan; "round %d of
       %d" and "ending soon" may follow, each after a dot */
    snprintf(where, where_size, _("Phase %d of %d"), v->phase_index + 1, v->phase_count);
    char part[64];
    if (v->rounds > 1) {
        /* TRANSLATORS: the session screen, after "Phase %d of %d": a plan that repeats its phases */
        snprintf(part, sizeof part, _("round %d of %d"), v->round, v->rounds);
        append_part(where, where_size, part);
    }
    if (v->ending_soon)
        /* TRANSLATORS: the session screen, after "Phase %d of %d": the last minutes of the session */
        append_part(where, where_size, _("ending soon"));
}

static uint64_t mix_key(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) /* callers hash whole initialised arrays and strings */
        h = (h ^ b[i]) * 1099511628211ULL; // NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult)
    return h;
}

static uint64_t layout_key(const layout_in_t *in, const texts_t *t)
{
    uint64_t h = 1469598103934665603ULL;
    int flags[6] = { in->w, in->h, in->child_view, in->hide_time, in->paused, in->banner };
    h = mix_key(h, flags, sizeof flags);
    for (int i = 0; i < LAYOUT_TEXT_COUNT; i++)
        if (t->text[i])
            h = mix_key(h, t->text[i], strlen(t->text[i]) + 1);
    return h;
}

static const layout_t *lay_out(draw_t *d, const texts_t *t, const draw_session_opts_t *so, bool paused, bool banner)
{
    layout_in_t in = { .w = d->w, .h = d->h, .child_view = so->child_view, .hide_time = so->hide_time,
                       .paused = paused, .banner = banner, .measure = measure, .ctx = (void *)t };
    uint64_t key = layout_key(&in, t);
    if (key != d->layout_key) {
        layout_session(&in, &d->layout);
        d->layout_key = key;
    }
    return &d->layout;
}

static void fill_texts(texts_t *t, draw_t *d, const plan_t *plan, const session_view_t *v, const char *clock_shape_str,
                       const char *where, const draw_overlay_t *o)
{
    memset(t, 0, sizeof *t);
    t->d = d;
    t->text[LAYOUT_TITLE] = plan->title;
    t->text[LAYOUT_WHERE] = where;
    t->text[LAYOUT_PHASE] = v->phase_name;
    t->text[LAYOUT_CLOCK] = clock_shape_str;
    t->text[LAYOUT_PROMPT] = v->prompt;
    t->text[LAYOUT_PAUSED] = paused_text();
    t->text[LAYOUT_RESUME] = resume_text();
    t->text[LAYOUT_BANNER] = o->banner && *o->banner ? o->banner : NULL;
}

const layout_t *draw_session_layout(draw_t *d, const plan_t *plan, const session_view_t *v,
                                    const draw_session_opts_t *so, const draw_overlay_t *o)
{
    char clock[32], shape[32], where[128];
    session_texts(v, clock, sizeof clock, where, sizeof where);
    clock_shape(clock, shape, sizeof shape);
    texts_t t;
    fill_texts(&t, d, plan, v, shape, where, o);
    return lay_out(d, &t, so, v->paused, t.text[LAYOUT_BANNER] != NULL);
}

/* False when r lies wholly outside the rectangle being redrawn: nothing to draw there. */
static bool in_clip(const draw_t *d, layout_rect_t r)
{
    if (!SDL_RenderIsClipEnabled(d->renderer))
        return true;
    SDL_Rect clip, box = { r.x, r.y, r.w, r.h };
    SDL_RenderGetClipRect(d->renderer, &clip);
    return SDL_HasIntersection(&clip, &box);
}

static void text_at(draw_t *d, const layout_t *l, layout_text_t which, const char *str, colour_t c, text_align_t a,
                    Uint8 alpha)
{
    if (!l->shown[which])
        return;
    const layout_rect_t *b = &l->box[which];
    if (!in_clip(d, *b)) /* on screen from before: kept, not drawn */
        text_keep(d->text, str, l->px[which], draw_sdl(c, alpha), l->wrap[which], a);
    else
        text_draw_box(d->text, str, l->px[which], draw_sdl(c, alpha), b->x, b->y, b->w, b->h, l->wrap[which], a);
}

/* The plan's progress: a track and, over it, the part done, both opaque (their colours over
 * the background worked out here), so a step is a plain fill. */
static void progress(draw_t *d, const layout_t *l, int done_px, SDL_Color bg, colour_t fill)
{
    const layout_rect_t *p = &l->progress;
    if (p->w <= 0 || !in_clip(d, *p))
        return;
    colour_t under = { bg.r, bg.g, bg.b }, track = colour_over(under, d->pal.ink, 50);
    colour_t done = colour_over(under, fill, 220);
    SDL_SetRenderDrawBlendMode(d->renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(d->renderer, track.r, track.g, track.b, 255);
    if (p->w > done_px) /* (SDL's software renderer fills a column for a rectangle 0 wide) */
        SDL_RenderFillRect(d->renderer, &(SDL_Rect){ p->x + done_px, p->y, p->w - done_px, p->h });
    SDL_SetRenderDrawColor(d->renderer, done.r, done.g, done.b, 255);
    if (done_px > 0)
        SDL_RenderFillRect(d->renderer, &(SDL_Rect){ p->x, p->y, done_px, p->h });
}

#define GLOW_ALPHA 90

/* The disk's pixels now: its colours over the background, the pie's fraction, the glow. */
static diskpix_t disk_state(const draw_t *d, const layout_t *l, const draw_session_opts_t *so, SDL_Color bg)
{
    colour_t under = { bg.r, bg.g, bg.b };
    colour_t fill = colour_mix(d->pal.disk, d->pal.disk_ending, so->ending);
    double glow_r = so->breath >= 0 ? breath_glow_radius(l->disk_r, l->halo_r, so->breath) : 0;
    /* the part already gone is opaque, the faint colour already over the background, so the
     * glow shows only outside the disk */
    return (diskpix_t){ .bg = under, .glow = d->pal.ink, .glow_alpha = GLOW_ALPHA, .glow_r = glow_r,
                        .faint = colour_over(under, fill, d->pal.faint_alpha), .fill = fill, .r = l->disk_r,
                        .remaining = so->disk_remaining };
}

/* True when all that is being redrawn lies under the disk's layer. */
static bool under_layer(const draw_t *d, const layout_t *l)
{
    if (!d->disk.layer.valid || !SDL_RenderIsClipEnabled(d->renderer))
        return false;
    SDL_Rect clip, all;
    SDL_RenderGetClipRect(d->renderer, &clip);
    layout_rect_t b = layout_disk_box(l);
    SDL_Rect box = { b.x, b.y, b.w, b.h };
    return SDL_IntersectRect(&clip, &box, &all) && SDL_RectEquals(&all, &clip);
}

static int bar_done(const layout_t *l, const session_view_t *v)
{
    double f = v->plan_fraction < 0 ? 0 : v->plan_fraction > 1 ? 1 : v->plan_fraction;
    return (int)lround(l->progress.w * f);
}

/* The background colour, where the disk's opaque layer will not cover it. */
static void background(draw_t *d, const layout_t *l, SDL_Color bg)
{
    if (under_layer(d, l))
        return;
    SDL_SetRenderDrawBlendMode(d->renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(d->renderer, bg.r, bg.g, bg.b, 255);
    layout_rect_t b = layout_disk_box(l);
    if (!d->disk.layer.valid || SDL_RenderIsClipEnabled(d->renderer) || b.w <= 0) {
        SDL_RenderFillRect(d->renderer, NULL); /* unlike a clear, it keeps to the clip rectangle */
        return;
    }
    SDL_Rect around[4] = { /* above, below, left and right of the layer */
        { 0, 0, d->w, b.y }, { 0, b.y + b.h, d->w, d->h - b.y - b.h },
        { 0, b.y, b.x, b.h }, { b.x + b.w, b.y, d->w - b.x - b.w, b.h } };
    for (int i = 0; i < 4; i++)
        if (around[i].w > 0 && around[i].h > 0)
            SDL_RenderFillRect(d->renderer, &around[i]);
}

static void shapes(draw_t *d, const layout_t *l, const session_view_t *v, const draw_session_opts_t *so, SDL_Color bg)
{
    if (in_clip(d, layout_disk_box(l)))
        disk_layer_draw(&d->disk);
    progress(d, l, bar_done(l, v), bg, colour_mix(d->pal.disk, d->pal.disk_ending, so->ending));
    if (l->icon.w > 0)
        disk_draw_icon(&d->disk, v->kind, (SDL_Rect){ l->icon.x, l->icon.y, l->icon.w, l->icon.h },
                       draw_sdl(d->pal.ink, 255));
}

/* Everything on screen but the texts (each its own key), the digits, the disk and the bar. */
static uint64_t base_key(const draw_t *d, const layout_t *l, const session_view_t *v, const draw_session_opts_t *so,
                         const draw_overlay_t *o)
{
    uint64_t h = 1469598103934665603ULL;
    double levels[3] = { o->dim, o->blank, o->help_level };
    bool unplaced = o->banner && *o->banner && !l->shown[LAYOUT_BANNER]; /* (a banner in draw.c's own band) */
    int flags[11] = { o->help, v->paused, so->child_view, so->hide_time, so->breath >= 0, (int)v->kind,
                      o->bg.r << 16 | o->bg.g << 8 | o->bg.b, l->disk_r, d->w, d->h, unplaced };
    h = mix_key(h, levels, sizeof levels);
    h = mix_key(h, flags, sizeof flags);
    return h;
}

/* A text's key: its words, size and wrap as the layout shows them (0 when it is not shown). */
static uint64_t text_key(const layout_t *l, const texts_t *t, int i)
{
    if (!l->shown[i] || !t->text[i])
        return 0;
    int size[2] = { l->px[i], l->wrap[i] };
    uint64_t h = mix_key(1469598103934665603ULL, size, sizeof size);
    return mix_key(h, t->text[i], strlen(t->text[i]) + 1) | 1;
}

static void add_dirty(draw_t *d, layout_rect_t r)
{
    if (r.w > 0 && r.h > 0 && d->ndirty < DRAW_MAX_DIRTY)
        d->dirty[d->ndirty++] = (SDL_Rect){ r.x, r.y, r.w, r.h };
}

static bool same_rect(layout_rect_t a, layout_rect_t b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

/* The same places for everything but the texts: the disk, its room, the bar and the shapes. */
static bool same_frame(const layout_t *a, const layout_t *b)
{
    return a->disk_x == b->disk_x && a->disk_y == b->disk_y && a->disk_r == b->disk_r && a->halo_r == b->halo_r &&
           same_rect(a->progress, b->progress) && same_rect(a->icon, b->icon) && same_rect(a->pause_icon, b->pause_icon);
}

/* A text whose words, size or place changed (a prompt turning, a caption coming or going,
 * "ending soon"): where it was and where it is now (the banner with its panel). */
static void text_changes(draw_t *d, const draw_sig_t *was, const draw_sig_t *now)
{
    const layout_t *a = &was->layout, *b = &now->layout;
    for (int i = 0; i < LAYOUT_TEXT_COUNT; i++) {
        bool panel = i == LAYOUT_BANNER;
        if (was->text[i] == now->text[i] && same_rect(a->box[i], b->box[i]) &&
            (!panel || same_rect(a->banner_panel, b->banner_panel)))
            continue;
        if (was->text[i]) {
            add_dirty(d, a->box[i]);
            if (panel)
                add_dirty(d, a->banner_panel);
        }
        if (now->text[i]) {
            add_dirty(d, b->box[i]);
            if (panel)
                add_dirty(d, b->banner_panel);
        }
    }
}

/* Compares what the screen will show with what it showed: sets d->full or d->dirty (the
 * disk layer's changed rectangles, then the texts that changed, the digits and the bar). */
static void find_changes(draw_t *d, const layout_t *l, const draw_sig_t *now, const SDL_Rect *disk, int ndisk)
{
    const draw_sig_t *was = &d->sig;
    d->ndirty = 0;
    d->full = !d->retained || !was->valid || was->base != now->base || ndisk < 0 || !same_frame(&was->layout, l);
    if (d->full)
        return;
    for (int i = 0; i < ndisk; i++)
        add_dirty(d, (layout_rect_t){ disk[i].x, disk[i].y, disk[i].w, disk[i].h });
    text_changes(d, was, now);
    if (was->clock != now->clock)
        add_dirty(d, l->box[LAYOUT_CLOCK]);
    if (was->bar_colour != now->bar_colour)
        add_dirty(d, l->progress);
    else if (was->bar_done != now->bar_done) { /* just the part that moved */
        int x0 = was->bar_done < now->bar_done ? was->bar_done : now->bar_done;
        int x1 = was->bar_done < now->bar_done ? now->bar_done : was->bar_done;
        add_dirty(d, (layout_rect_t){ l->progress.x + x0, l->progress.y, x1 - x0, l->progress.h });
    }
    if (d->ndirty == DRAW_MAX_DIRTY) /* (never with DRAW_MAX_DIRTY above the most there can be) */
        d->full = true;
}

/* True when nothing but the disk's layer shows in r: a rectangle wholly inside the layer that
 * no text, bar, shape, banner or overlay crosses (then r is a plain copy from the layer). */
static bool layer_only(const draw_t *d, const layout_t *l, const session_view_t *v, const draw_overlay_t *o, SDL_Rect r)
{
    layout_rect_t box = layout_disk_box(l), at = { r.x, r.y, r.w, r.h };
    if (!d->disk.layer.valid || v->paused || o->dim > 0 || o->blank > 0 || o->help_level > 0 || o->help ||
        r.x < box.x || r.y < box.y || r.x + r.w > box.x + box.w || r.y + r.h > box.y + box.h)
        return false;
    if (o->banner && *o->banner &&
        (!l->shown[LAYOUT_BANNER] || layout_overlap(l->banner_panel, at) || layout_overlap(l->box[LAYOUT_BANNER], at)))
        return false;
    for (int i = 0; i < LAYOUT_TEXT_COUNT; i++)
        if (l->shown[i] && layout_overlap(l->box[i], at))
            return false;
    return !layout_overlap(l->progress, at) && !(l->icon.w > 0 && layout_overlap(l->icon, at));
}

static void paint(draw_t *d, const plan_t *plan, const session_view_t *v, const draw_session_opts_t *so,
                  const draw_overlay_t *o, const layout_t *l, const char *clock, const char *where)
{
    background(d, l, o->bg);
    shapes(d, l, v, so, o->bg);
    text_at(d, l, LAYOUT_TITLE, plan->title, d->pal.ink_soft, TEXT_LEFT, 255);
    text_at(d, l, LAYOUT_WHERE, where, d->pal.ink_soft, TEXT_RIGHT, 255);
    text_at(d, l, LAYOUT_PHASE, v->phase_name, d->pal.ink, TEXT_CENTER, 255);
    text_at(d, l, LAYOUT_CLOCK, clock, d->pal.ink, TEXT_CENTER, 255);
    text_at(d, l, LAYOUT_PROMPT, v->prompt, d->pal.ink, TEXT_CENTER, 255);
    if (o->dim > 0) {
        double a = 255 * d->pal.pause_dim * (o->dim > 1 ? 1 : o->dim);
        draw_fill(d, (SDL_Rect){ 0, 0, d->w, d->h }, (SDL_Color){ 0, 0, 0, (Uint8)lround(a) });
    }
    if (v->paused) { /* over the dimming, in the prompt's place: never on the disk or the digits */
        Uint8 a = (Uint8)lround(255 * (o->dim < 0.25 ? 0.25 : o->dim > 1 ? 1 : o->dim)); /* fading in with it */
        text_at(d, l, LAYOUT_PAUSED, paused_text(), d->pal.ink, TEXT_CENTER, a);
        text_at(d, l, LAYOUT_RESUME, resume_text(), d->pal.ink_soft, TEXT_CENTER, a);
        const layout_rect_t *p = &l->pause_icon;
        disk_draw_pause(&d->disk, (SDL_Rect){ p->x, p->y, p->w, p->h }, draw_sdl(d->pal.panel, a));
    }
    draw_banner(d, o, l);
    draw_finish(d, o);
}

/* Marks every text on screen as drawn this frame, for a frame drawn in part: its texture is
 * kept (text_end_frame lets go of textures not drawn for a few frames), as paint() keeps those
 * outside its clip rectangle. */
static void keep_texts(draw_t *d, const layout_t *l, const plan_t *plan, const session_view_t *v,
                       const draw_overlay_t *o, const char *clock, const char *where)
{
    const char *str[LAYOUT_TEXT_COUNT] = { [LAYOUT_TITLE] = plan->title, [LAYOUT_WHERE] = where,
                                           [LAYOUT_PHASE] = v->phase_name, [LAYOUT_CLOCK] = clock,
                                           [LAYOUT_PROMPT] = v->prompt, [LAYOUT_PAUSED] = paused_text(),
                                           [LAYOUT_RESUME] = resume_text(), [LAYOUT_BANNER] = o->banner };
    for (int i = 0; i < LAYOUT_TEXT_COUNT; i++) {
        if (!l->shown[i] || !str[i] || ((i == LAYOUT_PAUSED || i == LAYOUT_RESUME) && !v->paused))
            continue;
        bool soft = i == LAYOUT_TITLE || i == LAYOUT_WHERE || i == LAYOUT_RESUME;
        text_align_t a = i == LAYOUT_TITLE ? TEXT_LEFT : i == LAYOUT_WHERE ? TEXT_RIGHT : TEXT_CENTER;
        text_keep(d->text, str[i], l->px[i], draw_sdl(soft ? d->pal.ink_soft : d->pal.ink, 255), l->wrap[i], a);
    }
}

void draw_session(draw_t *d, const plan_t *plan, const session_view_t *v, const draw_session_opts_t *so,
                  const draw_overlay_t *o)
{
    char clock[32], shape[32], where[128];
    session_texts(v, clock, sizeof clock, where, sizeof where);
    clock_shape(clock, shape, sizeof shape);
    texts_t t;
    fill_texts(&t, d, plan, v, shape, where, o);
    const layout_t *l = lay_out(d, &t, so, v->paused, t.text[LAYOUT_BANNER] != NULL);
    colour_t bar_c = colour_mix(d->pal.disk, d->pal.disk_ending, so->ending);
    draw_sig_t sig = { .valid = true, .base = base_key(d, l, v, so, o), .layout = *l, .bar_done = bar_done(l, v),
                       .bar_colour = (uint32_t)(bar_c.r << 16 | bar_c.g << 8 | bar_c.b) };
    for (int i = 0; i < LAYOUT_TEXT_COUNT; i++)
        sig.text[i] = text_key(l, &t, i);
    sig.clock = mix_key(1469598103934665603ULL, clock, strlen(clock));
    diskpix_t disk = disk_state(d, l, so, o->bg);
    layout_rect_t box = layout_disk_box(l);
    SDL_Rect changed[DISKPIX_MAX_RECTS];
    int nchanged = disk_layer_update(&d->disk, l->disk_x, l->disk_y, box.w / 2, &disk, changed);
    find_changes(d, l, &sig, changed, nchanged);
    d->sig = sig;
    if (d->full) {
        paint(d, plan, v, so, o, l, clock, where);
        return;
    }
    bool clipped = false;
    for (int i = 0; i < d->ndirty; i++) {
        if (layer_only(d, l, v, o, d->dirty[i])) { /* the disk's slivers and rings: a plain copy */
            if (clipped)
                SDL_RenderSetClipRect(d->renderer, NULL);
            clipped = false;
            disk_layer_draw_part(&d->disk, d->dirty[i]);
            continue;
        }
        SDL_RenderSetClipRect(d->renderer, &d->dirty[i]);
        clipped = true;
        paint(d, plan, v, so, o, l, clock, where);
    }
    SDL_RenderSetClipRect(d->renderer, NULL);
    keep_texts(d, l, plan, v, o, clock, where);
}
