/* Draws the start menu, the ready screen, the session screen and the end screen, with the
 * help overlay and messages. Reads views; changes no state outside the renderer. */
#include "platform/draw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/duration.h"

static const SDL_Color INK = { 246, 241, 232, 255 };
static const SDL_Color INK_SOFT = { 214, 208, 198, 255 };
static const SDL_Color DISK = { 250, 234, 206, 255 };
static const SDL_Color MENU_BG = { 38, 48, 58, 255 };

SDL_Color draw_phase_colour(phase_kind_t kind)
{
    static const SDL_Color colours[PHASE_KIND_COUNT] = {
        [PHASE_CONNECT] = { 112, 62, 66, 255 },  /* warm rose: closeness */
        [PHASE_SEPARATE] = { 40, 72, 104, 255 }, /* calm blue: space */
        [PHASE_PLAY] = { 44, 90, 70, 255 },      /* green: play */
        [PHASE_SETTLE] = { 72, 64, 104, 255 },   /* lavender: arriving, breathing */
        [PHASE_CLOSE] = { 46, 54, 74, 255 },     /* dusk: winding down */
    };
    return kind < PHASE_KIND_COUNT ? colours[kind] : MENU_BG;
}

static int pct(int size, double percent)
{
    return (int)lround(size * percent / 100.0);
}

static int unit(const draw_t *d)
{
    return d->w < d->h ? d->w : d->h; /* the short side scales the type */
}

void draw_begin(draw_t *d)
{
    SDL_GetRendererOutputSize(d->renderer, &d->w, &d->h);
}

static void clear(draw_t *d, SDL_Color c)
{
    SDL_SetRenderDrawColor(d->renderer, c.r, c.g, c.b, 255);
    SDL_RenderClear(d->renderer);
}

static void fill_rect(draw_t *d, int x, int y, int w, int h, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(d->renderer, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(d->renderer, c.r, c.g, c.b, c.a);
    SDL_Rect r = { x, y, w, h };
    SDL_RenderFillRect(d->renderer, &r);
}

/* A pie of the remaining time: full circle at the start, shrinking clockwise from 12 o'clock. */
static void draw_disk(draw_t *d, int cx, int cy, int r, double remaining_fraction, SDL_Color c)
{
    enum { SEGMENTS = 720 };
    SDL_Vertex v[SEGMENTS + 2];
    SDL_Color faint = { c.r, c.g, c.b, 40 };
    double frac = remaining_fraction < 0 ? 0 : remaining_fraction > 1 ? 1 : remaining_fraction;
    for (int pass = 0; pass < 2; pass++) {
        double span = pass == 0 ? 1.0 : frac;
        int n = (int)ceil(SEGMENTS * span);
        if (n <= 0)
            continue;
        SDL_Color col = pass == 0 ? faint : c;
        v[0] = (SDL_Vertex){ { (float)cx, (float)cy }, col, { 0, 0 } };
        double start = -M_PI / 2 + 2 * M_PI * (1.0 - span); /* the remaining part ends at 12 o'clock */
        for (int i = 0; i <= n; i++) {
            double a = start + 2 * M_PI * span * i / n;
            v[i + 1] = (SDL_Vertex){ { (float)(cx + r * cos(a)), (float)(cy + r * sin(a)) }, col, { 0, 0 } };
        }
        int idx[SEGMENTS * 3];
        for (int i = 0; i < n; i++) {
            idx[i * 3] = 0;
            idx[i * 3 + 1] = i + 1;
            idx[i * 3 + 2] = i + 2;
        }
        SDL_SetRenderDrawBlendMode(d->renderer, SDL_BLENDMODE_BLEND);
        SDL_RenderGeometry(d->renderer, NULL, v, n + 2, idx, n * 3);
    }
}

static void draw_banner(draw_t *d, const draw_overlay_t *o)
{
    if (!o->banner || !*o->banner)
        return;
    int px = pct(unit(d), 3.6);
    int bh = px * 2;
    fill_rect(d, 0, d->h - bh - pct(d->h, 3), d->w, bh, (SDL_Color){ 0, 0, 0, 120 });
    text_draw(d->text, o->banner, px, INK, d->w / 2, d->h - bh - pct(d->h, 3) + px / 2, d->w * 9 / 10, TEXT_CENTER);
}

static void draw_help(draw_t *d)
{
    static const char *keys[][2] = {
        { "Space", "Pause / resume" },       { "Right, Page Down", "Next phase" },
        { "Left, Page Up", "Back (again: previous phase)" }, { "Up", "One more minute" },
        { "R", "Reconnect now" },           { "L", "Child looked back" },
        { "Esc, Esc", "End the session" },  { "F1, ?", "This help" },
    };
    fill_rect(d, 0, 0, d->w, d->h, (SDL_Color){ 10, 14, 20, 215 });
    int px = pct(unit(d), 4.2), line = px * 2;
    int n = (int)(sizeof keys / sizeof keys[0]);
    int y = (d->h - line * (n + 2)) / 2;
    text_draw(d->text, "Keys", pct(unit(d), 6), INK, d->w / 2, y, 0, TEXT_CENTER);
    y += line * 2;
    for (int i = 0; i < n; i++, y += line) {
        text_draw(d->text, keys[i][0], px, INK, d->w / 2 - px, y, 0, TEXT_RIGHT);
        text_draw(d->text, keys[i][1], px, INK_SOFT, d->w / 2 + px, y, 0, TEXT_LEFT);
    }
}

static void finish_overlays(draw_t *d, const draw_overlay_t *o)
{
    draw_banner(d, o);
    if (o->help)
        draw_help(d);
}

static int menu_rows_visible(const draw_t *d)
{
    int row = pct(d->h, 9);
    int avail = d->h - pct(d->h, 24) - pct(d->h, 8);
    int n = row > 0 ? avail / row : 1;
    return n < 1 ? 1 : n;
}

static int menu_first_row(const draw_t *d, int count, int selected)
{
    int vis = menu_rows_visible(d);
    int first = selected - vis / 2;
    if (first > count - vis)
        first = count - vis;
    return first < 0 ? 0 : first;
}

int draw_menu_row_at(const draw_t *d, int count, int selected, int y)
{
    int row = pct(d->h, 9), top = pct(d->h, 24);
    if (y < top || row <= 0)
        return -1;
    int i = menu_first_row(d, count, selected) + (y - top) / row;
    int vis = menu_rows_visible(d);
    return (i < count && (y - top) / row < vis) ? i : -1;
}

void draw_menu(draw_t *d, const draw_menu_item_t *items, int count, int selected, const draw_overlay_t *o)
{
    clear(d, MENU_BG);
    int u = unit(d);
    text_draw(d->text, "Safe Base", pct(u, 8), INK, d->w / 2, pct(d->h, 5), 0, TEXT_CENTER);
    text_draw(d->text, "Choose a plan: arrows and Enter", pct(u, 3.2), INK_SOFT, d->w / 2,
              pct(d->h, 15), 0, TEXT_CENTER);
    int row = pct(d->h, 9), top = pct(d->h, 24), px = pct(u, 4.2);
    int first = menu_first_row(d, count, selected), vis = menu_rows_visible(d);
    int left = pct(d->w, 8), width = d->w - 2 * left;
    for (int i = first; i < count && i < first + vis; i++) {
        int y = top + (i - first) * row;
        if (i == selected)
            fill_rect(d, left, y, width, row - pct(d->h, 1), (SDL_Color){ 255, 255, 255, 38 });
        char title[160];
        snprintf(title, sizeof title, "%s%s", i == selected ? "\xE2\x96\xB8 " : "  ", items[i].title);
        text_draw(d->text, title, px, INK, left + px / 2, y + (row - px * 4 / 3) / 2, width * 6 / 10, TEXT_LEFT);
        char detail[160];
        snprintf(detail, sizeof detail, "%s%s", items[i].detail, items[i].user ? " \xC2\xB7 yours" : "");
        text_draw(d->text, detail, pct(u, 3.2), INK_SOFT, left + width - px / 2, y + (row - px) / 2, 0, TEXT_RIGHT);
    }
    if (count == 0)
        text_draw(d->text, "No plans found", px, INK, d->w / 2, d->h / 2, 0, TEXT_CENTER);
    finish_overlays(d, o);
}

void draw_ready(draw_t *d, const plan_t *plan, const draw_overlay_t *o)
{
    clear(d, o->bg);
    int u = unit(d), y = pct(d->h, 10);
    y += text_draw(d->text, plan->title, pct(u, 8), INK, d->w / 2, y, d->w * 9 / 10, TEXT_CENTER);
    char line[200], len[64];
    duration_format_length(plan_total_ms(plan), len, sizeof len);
    snprintf(line, sizeof line, "%s \xC2\xB7 %d phases \xC2\xB7 for a %s", len, plan->nphases,
             plan_audience_name(plan->audience));
    y += pct(d->h, 3);
    y += text_draw(d->text, line, pct(u, 4), INK_SOFT, d->w / 2, y, d->w * 9 / 10, TEXT_CENTER);
    y += pct(d->h, 4);
    if (plan->description)
        y += text_draw(d->text, plan->description, pct(u, 4.4), INK, d->w / 2, y, d->w * 8 / 10, TEXT_CENTER);
    y += pct(d->h, 4);
    char first[200];
    snprintf(first, sizeof first, "First: %s", plan->phases[0].name);
    text_draw(d->text, first, pct(u, 4.4), INK_SOFT, d->w / 2, y, d->w * 8 / 10, TEXT_CENTER);
    text_draw(d->text, "Press Space to start", pct(u, 6.5), INK, d->w / 2, d->h - pct(d->h, 24), 0, TEXT_CENTER);
    text_draw(d->text, "Esc: back to the plans", pct(u, 3.2), INK_SOFT, d->w / 2, d->h - pct(d->h, 13), 0, TEXT_CENTER);
    finish_overlays(d, o);
}

/* A thin bar along the bottom: one segment per phase, filled as far as the plan has gone. */
static void draw_progress(draw_t *d, const session_view_t *v)
{
    int x = pct(d->w, 6), w = d->w - 2 * x, h = pct(d->h, 1.6), y = d->h - pct(d->h, 7);
    fill_rect(d, x, y, w, h, (SDL_Color){ 255, 255, 255, 50 });
    fill_rect(d, x, y, (int)lround(w * v->plan_fraction), h, (SDL_Color){ DISK.r, DISK.g, DISK.b, 220 });
}

static void session_texts(const session_view_t *v, char *clock, size_t clock_size,
                          char *where, size_t where_size)
{
    duration_format_clock(v->phase_remaining_ms, clock, clock_size);
    if (v->rounds > 1)
        snprintf(where, where_size, "Phase %d of %d \xC2\xB7 round %d of %d", v->phase_index + 1,
                 v->phase_count, v->round, v->rounds);
    else
        snprintf(where, where_size, "Phase %d of %d", v->phase_index + 1, v->phase_count);
}

void draw_session(draw_t *d, const plan_t *plan, const session_view_t *v, const draw_overlay_t *o)
{
    clear(d, o->bg);
    int u = unit(d);
    bool portrait = d->h > d->w;
    char clock[32], where[96];
    session_texts(v, clock, sizeof clock, where, sizeof where);
    text_draw(d->text, plan->title, pct(u, 3), INK_SOFT, pct(d->w, 3), pct(d->h, 2.5), d->w / 2, TEXT_LEFT);
    text_draw(d->text, where, pct(u, 3), INK_SOFT, d->w - pct(d->w, 3), pct(d->h, 2.5), 0, TEXT_RIGHT);
    text_draw(d->text, v->phase_name, pct(u, 10), INK, d->w / 2, pct(d->h, 8), d->w * 9 / 10, TEXT_CENTER);
    double remaining = 1.0 - v->phase_fraction;
    if (portrait) {
        int r = pct(d->w, 34);
        draw_disk(d, d->w / 2, pct(d->h, 40), r, remaining, DISK);
        text_draw(d->text, clock, pct(u, 16), INK, d->w / 2, pct(d->h, 40) + r + pct(d->h, 2), 0, TEXT_CENTER);
        text_draw(d->text, v->prompt, pct(u, 6), INK, d->w / 2, pct(d->h, 72), d->w * 9 / 10, TEXT_CENTER);
    } else {
        int r = pct(d->h, 28);
        int cx = pct(d->w, 30), cy = pct(d->h, 54);
        draw_disk(d, cx, cy, r, remaining, DISK);
        int tx = pct(d->w, 70);
        int th = text_draw(d->text, clock, pct(d->h, 17), INK, tx, pct(d->h, 28), 0, TEXT_CENTER);
        text_draw(d->text, v->prompt, pct(d->h, 5.5), INK, tx, pct(d->h, 28) + th + pct(d->h, 4),
                  pct(d->w, 50), TEXT_CENTER);
    }
    draw_progress(d, v);
    if (v->paused) {
        fill_rect(d, 0, 0, d->w, d->h, (SDL_Color){ 0, 0, 0, 140 });
        text_draw(d->text, "Paused", pct(u, 12), INK, d->w / 2, pct(d->h, 36), 0, TEXT_CENTER);
        text_draw(d->text, "Press Space to go on", pct(u, 4.5), INK_SOFT, d->w / 2, pct(d->h, 56), 0, TEXT_CENTER);
    }
    finish_overlays(d, o);
}

void draw_end(draw_t *d, const plan_t *plan, const session_t *s, int64_t now_ms, const draw_overlay_t *o)
{
    clear(d, o->bg);
    int u = unit(d);
    bool done = s->outcome == OUTCOME_COMPLETED;
    text_draw(d->text, done ? "Well done" : "Session ended", pct(u, 10), INK, d->w / 2, pct(d->h, 16), 0, TEXT_CENTER);
    char len[64], line[256];
    duration_format_length(session_active_ms(s, now_ms), len, sizeof len);
    snprintf(line, sizeof line, "%s \xC2\xB7 %s", plan->title, len);
    text_draw(d->text, line, pct(u, 5), INK_SOFT, d->w / 2, pct(d->h, 38), d->w * 9 / 10, TEXT_CENTER);
    snprintf(line, sizeof line, "%d of %d phases", s->phases_completed, plan->nphases);
    text_draw(d->text, line, pct(u, 4.4), INK_SOFT, d->w / 2, pct(d->h, 50), 0, TEXT_CENTER);
    text_draw(d->text, "Enter: back to the plans", pct(u, 4.4), INK, d->w / 2, d->h - pct(d->h, 22), 0, TEXT_CENTER);
    finish_overlays(d, o);
}

void draw_overlays(draw_t *d, const draw_overlay_t *o)
{
    finish_overlays(d, o);
}
