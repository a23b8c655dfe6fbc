/* Draws the start menu, the ready screen and the end screen, with the help overlay, the
 * banner, the blank-calm screen and the pause dimming. Reads views; changes no state outside
 * the renderer. The session screen is drawsession.c's. */
#include "platform/screen/draw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "platform/screen/drawpriv.h"

SDL_Color draw_sdl(colour_t c, Uint8 a)
{
    return (SDL_Color){ c.r, c.g, c.b, a };
}

void draw_init(draw_t *d, SDL_Renderer *renderer, text_t *text, theme_t theme)
{
    memset(d, 0, sizeof *d);
    d->renderer = renderer;
    d->text = text;
    d->disk.renderer = renderer;
    palette_for(theme, &d->pal);
}

void draw_free(draw_t *d)
{
    disk_free(&d->disk);
}

void draw_set_renderer(draw_t *d, SDL_Renderer *renderer)
{
    draw_free(d);
    text_set_renderer(d->text, renderer);
    d->renderer = d->disk.renderer = renderer;
    draw_invalidate(d);
}

SDL_Color draw_phase_colour(const draw_t *d, phase_kind_t kind)
{
    return draw_sdl(kind < PHASE_KIND_COUNT ? d->pal.phase_bg[kind] : d->pal.menu_bg, 255);
}

SDL_Color draw_menu_colour(const draw_t *d)
{
    return draw_sdl(d->pal.menu_bg, 255);
}

int draw_pct(int size, double percent)
{
    return (int)lround(size * percent / 100.0);
}

static int unit(const draw_t *d)
{
    return d->w < d->h ? d->w : d->h; /* the short side scales the type */
}

void draw_begin(draw_t *d)
{
    int w = d->w, h = d->h;
    SDL_GetRendererOutputSize(d->renderer, &d->w, &d->h);
    if (w != d->w || h != d->h)
        draw_invalidate(d);
    d->full = true;
    d->ndirty = 0;
}

void draw_invalidate(draw_t *d)
{
    d->sig.valid = false;
}

static void clear(draw_t *d, SDL_Color c)
{
    SDL_SetRenderDrawColor(d->renderer, c.r, c.g, c.b, 255);
    SDL_RenderClear(d->renderer);
}

void draw_fill(draw_t *d, SDL_Rect r, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(d->renderer, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(d->renderer, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(d->renderer, &r);
}

int draw_fit_line(const draw_t *d, const char *str, int px, int max_w)
{
    int w, h, floor_px = px / 2 > 9 ? px / 2 : 9;
    for (;; px = px * 9 / 10) {
        text_measure(d->text, str, px, 0, &w, &h);
        if (w <= max_w || px <= floor_px)
            return px;
    }
}

/* The largest size from px down at which str fits max_w on one line. */
static int fit_line(draw_t *d, const char *str, int px, int max_w)
{
    return draw_fit_line(d, str, px, max_w);
}

void draw_banner(draw_t *d, const draw_overlay_t *o, const layout_t *band)
{
    if (!o->banner || !*o->banner)
        return;
    if (band && band->shown[LAYOUT_BANNER]) {
        const layout_rect_t *p = &band->banner_panel, *b = &band->box[LAYOUT_BANNER];
        int px = band->px[LAYOUT_BANNER], wrap = band->wrap[LAYOUT_BANNER], tw, th;
        SDL_Rect r = { b->x, b->y, b->w, b->h };
        text_measure(d->text, o->banner, px, wrap, &tw, &th);
        if (th > b->h && wrap > 0) { /* longer than the band's line: in the whole panel, smaller if need be */
            while (th > p->h && px > 9) {
                px = px * 92 / 100 > 9 ? px * 92 / 100 : 9;
                text_measure(d->text, o->banner, px, wrap, &tw, &th);
            }
            r = (SDL_Rect){ (d->w - tw) / 2, p->y + (p->h - th) / 2, tw, th < p->h ? th : p->h };
        }
        draw_fill(d, (SDL_Rect){ p->x, p->y, p->w, p->h }, draw_sdl(d->pal.panel, d->pal.panel_alpha));
        text_draw_box(d->text, o->banner, px, draw_sdl(d->pal.ink, 255), r.x, r.y, r.w, r.h, wrap, TEXT_CENTER);
        return;
    }
    int want = draw_pct(unit(d), 3.4), room = d->w * 9 / 10, wrap = 0, tw, th;
    int px = fit_line(d, o->banner, want, room);
    text_measure(d->text, o->banner, px, 0, &tw, &th);
    if (tw > room) { /* too long for one line even at half the size: wrapped, at three quarters */
        px = want * 3 / 4 > 9 ? want * 3 / 4 : 9;
        wrap = room;
        text_measure(d->text, o->banner, px, wrap, &tw, &th);
    }
    int pad = px / 3, bh = (wrap ? th : px + px / 4) + 2 * pad, y = d->h - bh - draw_pct(unit(d), 3);
    if (o->banner_above > 0 && y + bh > o->banner_above - pad)
        y = o->banner_above - pad - bh;
    draw_fill(d, (SDL_Rect){ 0, y, d->w, bh }, draw_sdl(d->pal.panel, d->pal.panel_alpha));
    text_draw(d->text, o->banner, px, draw_sdl(d->pal.ink, 255), d->w / 2, y + pad, wrap, TEXT_CENTER);
}

/* The help overlay's rows: what, the keys, a game controller's buttons (marked for translation
 * where there are words; the keys' and buttons' names are the same in every language). */
static const char *const help_rows[][3] = {
    /* TRANSLATORS: the help overlay (F1): the first column says what each key does (about 30
       letters); the next columns name the keys and a game controller's buttons */
    { N_("Pause / go on"),
      /* TRANSLATORS: the help overlay's keys: Space and F5 are keys and stay as they are; only
         the words ("goes on", "tap the middle" of the screen) are translated; keep the dots */
      N_("Space  \xC2\xB7  F5 goes on  \xC2\xB7  tap the middle"), "A" },
    /* TRANSLATORS: the help overlay: what a key does */
    { N_("Next phase"),
      /* TRANSLATORS: the help overlay's keys (Right and Page Down are keys and stay as they are) */
      N_("Right  \xC2\xB7  Page Down  \xC2\xB7  tap the right"),
      /* TRANSLATORS: the help overlay: a game controller's buttons (RB and D-pad right) */
      N_("RB  \xC2\xB7  D-pad right") },
    /* TRANSLATORS: the help overlay: what a key does */
    { N_("Back (twice: the phase before)"),
      /* TRANSLATORS: the help overlay's keys (Left and Page Up are keys and stay as they are) */
      N_("Left  \xC2\xB7  Page Up  \xC2\xB7  tap the left"),
      /* TRANSLATORS: the help overlay: a game controller's buttons (LB and D-pad left) */
      N_("LB  \xC2\xB7  D-pad left") },
    /* TRANSLATORS: the help overlay: what a key does (adds a minute to the phase) */
    { N_("One more minute"), "Up",
      /* TRANSLATORS: the help overlay: a game controller's button */
      N_("D-pad up") },
    /* TRANSLATORS: the help overlay: what a key does */
    { N_("Reconnect now"), "R", "X" },
    /* TRANSLATORS: the help overlay: what a key does (counts a look back to the adult) */
    { N_("The child looked back"), "L", "Y" },
    /* TRANSLATORS: the help overlay: what a key does */
    { N_("End the session"),
      /* TRANSLATORS: the help overlay's keys (Esc and Enter are keys and stay as they are) */
      N_("Esc, then Esc or Enter"),
      /* TRANSLATORS: the help overlay: a game controller's button (Start) pressed twice */
      N_("Start, then Start") },
    /* TRANSLATORS: the help overlay: what a key does (the screen goes dark, the session goes on) */
    { N_("Blank screen (timer goes on)"),
      /* TRANSLATORS: the help overlay's keys: the full stop key or B (keys stay as they are) */
      N_(". or B"), "" },
    /* TRANSLATORS: the help overlay: what a key does */
    { N_("Hide / show the time"), "T", "" },
    /* TRANSLATORS: the help overlay: what a key does (only the disk and the colour show) */
    { N_("Child view: disk and colour"), "C", "" },
    /* TRANSLATORS: the help overlay: what a key does */
    { N_("Full screen / window"), "F", "" },
    /* TRANSLATORS: the help overlay: what a key does on the ready screen (before a session) */
    { N_("Ready screen: adjust the plan"), "E",
      /* TRANSLATORS: the help overlay: a game controller's buttons (the D-pad's down, then A) */
      N_("D-pad down, A") },
    /* TRANSLATORS: the help overlay: what a key does on the ready screen */
    { N_("Ready screen: choose the music"),
      /* TRANSLATORS: the help overlay's keys: M is a key and stays; music files can also be
         dropped on the window */
      N_("M  \xC2\xB7  drop music on the window"), N_("D-pad down, A") },
    /* TRANSLATORS: the help overlay: what a key does on the ready screen (N: a new client's
       name; Tab: the next client used before) */
    { N_("Ready screen: a new client / one used before"), "N  \xC2\xB7  Tab", N_("D-pad down, A") },
    /* TRANSLATORS: the help overlay: what a key does on the ready screen (keep a plan file
       opened from elsewhere among your plans) */
    { N_("Ready screen: keep a plan someone sent"), "K", N_("D-pad down, A") },
    /* TRANSLATORS: the help overlay: what a key does */
    { N_("This help"), "F1  \xC2\xB7  H  \xC2\xB7  ?", "Back" },
};

/* A help entry in the user's language ("" stays "": gettext("") is the translations' header). */
static const char *help_text(int row, int col)
{
    const char *s = help_rows[row][col];
    if (!s[0])
        return s;
    return _(s);
}

/* The widest entry of each help column at px. */
static void help_columns(draw_t *d, int px, int col[3])
{
    enum { ROWS = sizeof help_rows / sizeof help_rows[0] };
    for (int c = 0; c < 3; c++) {
        col[c] = 0;
        for (int r = 0; r < ROWS; r++) {
            int w, h;
            text_measure(d->text, help_text(r, c), px, 0, &w, &h);
            col[c] = w > col[c] ? w : col[c];
        }
    }
}

/* Every key in three columns (what, keys, controller); on a narrow screen, what above keys. */
static void draw_help(draw_t *d, double level)
{
    enum { ROWS = sizeof help_rows / sizeof help_rows[0] };
    Uint8 a = (Uint8)lround(255 * (level < 0 ? 0 : level > 1 ? 1 : level));
    draw_fill(d, (SDL_Rect){ 0, 0, d->w, d->h }, draw_sdl(d->pal.panel, a));
    int margin = draw_pct(unit(d), 4), gap = draw_pct(unit(d), 2.5), room = d->w - 2 * margin;
    int want = draw_pct(unit(d), 3.6), px = want, col[3];
    bool narrow = d->w < d->h;
    int lines = narrow ? 2 * ROWS + 3 : ROWS + 3;
    px = px * 3 / 2 * lines > d->h * 9 / 10 ? d->h * 9 / 10 / lines * 2 / 3 : px;
    for (;; px = px * 9 / 10) {
        help_columns(d, px, col);
        int width = narrow ? (col[0] > col[1] + gap + col[2] ? col[0] : col[1] + gap + col[2])
                           : col[0] + col[1] + col[2] + 2 * gap;
        if (width <= room || px <= 9)
            break;
    }
    int line = px + px / 2, x0 = margin, y = (d->h - line * lines) / 2;
    if (!narrow)
        x0 = (d->w - (col[0] + col[1] + col[2] + 2 * gap)) / 2;
    SDL_Color ink = draw_sdl(d->pal.ink, a), soft = draw_sdl(d->pal.ink_soft, a);
    /* TRANSLATORS: the help overlay's heading: the ways to control Safe Base; keep the dots */
    text_draw(d->text, _("Keys  \xC2\xB7  clicker  \xC2\xB7  touch  \xC2\xB7  controller"), px * 5 / 4, ink,
              d->w / 2, y, 0, TEXT_CENTER);
    y += line * 2;
    for (int r = 0; r < ROWS; r++, y += line) {
        text_draw(d->text, help_text(r, 0), px, soft, x0, y, 0, TEXT_LEFT);
        int kx = x0 + col[0] + gap;
        if (narrow) {
            y += line;
            kx = x0 + gap;
        }
        text_draw(d->text, help_text(r, 1), px, ink, kx, y, 0, TEXT_LEFT);
        text_draw(d->text, help_text(r, 2), px, ink, narrow ? d->w - margin : kx + col[1] + gap, y, 0,
                  narrow ? TEXT_RIGHT : TEXT_LEFT);
    }
}

void draw_finish(draw_t *d, const draw_overlay_t *o)
{
    if (o->blank > 0) {
        Uint8 a = (Uint8)lround(255 * (o->blank > 1 ? 1 : o->blank));
        draw_fill(d, (SDL_Rect){ 0, 0, d->w, d->h }, draw_sdl(d->pal.blank, a));
    }
    if (o->help_level > 0)
        draw_help(d, o->help_level);
}

static int menu_row_h(const draw_t *d) { return draw_pct(d->h, 9) > 36 ? draw_pct(d->h, 9) : 36; }
static int menu_top(const draw_t *d) { return draw_pct(d->h, 24); }

static int menu_rows_visible(const draw_t *d)
{
    int avail = d->h - menu_top(d) - draw_pct(d->h, 8);
    int n = avail / menu_row_h(d);
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

int draw_menu_row_at(const draw_t *d, int count, int selected, float fy)
{
    int y = (int)(fy * d->h), row = menu_row_h(d), top = menu_top(d);
    if (y < top)
        return -1;
    int i = menu_first_row(d, count, selected) + (y - top) / row;
    return (i < count && (y - top) / row < menu_rows_visible(d)) ? i : -1;
}

static void menu_row(draw_t *d, const draw_menu_item_t *it, bool selected, int y)
{
    int row = menu_row_h(d), u = unit(d), left = draw_pct(d->w, 6), width = d->w - 2 * left;
    int pad = draw_pct(u, 2);
    if (selected)
        draw_fill(d, (SDL_Rect){ left, y, width, row - draw_pct(d->h, 1) }, (SDL_Color){ 255, 255, 255, 38 });
    char detail[160], title[160];
    if (it->user)
        /* TRANSLATORS: the plan list: a plan the user made or kept; %s is its length and who it
           is for ("15 min · parent"); "yours" is short (about 8 letters) */
        snprintf(detail, sizeof detail, _("%s \xC2\xB7 yours"), it->detail);
    else
        snprintf(detail, sizeof detail, "%s", it->detail);
    snprintf(title, sizeof title, "%s%s", selected ? "\xE2\x96\xB8 " : "   ", it->title);
    int dpx = fit_line(d, detail, draw_pct(u, 3.2), width * 2 / 5), dw, dh;
    text_measure(d->text, detail, dpx, 0, &dw, &dh);
    int tpx = fit_line(d, title, draw_pct(u, 4.2), width - dw - 3 * pad), tw, th;
    text_measure(d->text, title, tpx, 0, &tw, &th);
    for (size_t n = strlen(title); tw > width - dw - 3 * pad && n > 4;) { /* still too long: cut, with "…" */
        do
            n--;
        while (n > 4 && ((unsigned char)title[n] & 0xC0) == 0x80);
        snprintf(title + n, sizeof title - n, "\xE2\x80\xA6");
        text_measure(d->text, title, tpx, 0, &tw, &th);
    }
    int inner = row - draw_pct(d->h, 1);
    text_draw_box(d->text, title, tpx, draw_sdl(d->pal.ink, 255), left + pad, y + (inner - th) / 2,
                  width - dw - 3 * pad, th, 0, TEXT_LEFT);
    text_draw(d->text, detail, dpx, draw_sdl(d->pal.ink_soft, 255), left + width - pad, y + (inner - dh) / 2, 0,
              TEXT_RIGHT);
}

void draw_menu(draw_t *d, const draw_menu_item_t *items, int count, int selected, const draw_overlay_t *o)
{
    clear(d, o->bg);
    int u = unit(d);
    /* TRANSLATORS: under the title of the plan list: how to choose (Enter is a key, A a game
       controller's button: they stay as they are) */
    const char *hint = _("Choose a plan: arrows and Enter, a tap, or A");
    text_draw(d->text, "Safe Base", draw_pct(u, 8), draw_sdl(d->pal.ink, 255), d->w / 2, draw_pct(d->h, 4), 0,
              TEXT_CENTER);
    text_draw(d->text, hint, fit_line(d, hint, draw_pct(u, 3.2), d->w * 9 / 10), draw_sdl(d->pal.ink_soft, 255),
              d->w / 2, draw_pct(d->h, 4) + draw_pct(u, 8) * 5 / 4 + draw_pct(d->h, 1), 0, TEXT_CENTER);
    int first = menu_first_row(d, count, selected), vis = menu_rows_visible(d);
    for (int i = first; i < count && i < first + vis; i++)
        menu_row(d, &items[i], i == selected, menu_top(d) + (i - first) * menu_row_h(d));
    if (count == 0)
        /* TRANSLATORS: the plan list is empty */
        text_draw(d->text, _("No plans found"), draw_pct(u, 4.2), draw_sdl(d->pal.ink, 255), d->w / 2, d->h / 2, 0,
                  TEXT_CENTER);
    draw_banner(d, o, NULL);
    draw_finish(d, o);
}

int draw_count_labels(const char *const *labels, int n, int max)
{
    int lim = n > 0 && n < max ? n : max, c = 0;
    while (labels && c < lim && labels[c])
        c++;
    return c;
}

int draw_box_at(const SDL_Rect *box, int n, int x, int y)
{
    SDL_Point p = { x, y };
    for (int i = 0; i < n; i++)
        if (SDL_PointInRect(&p, &box[i]))
            return i;
    return -1;
}

int draw_buttons_layout(const draw_t *d, const char *const *labels, int n, int bottom, SDL_Rect *box, int *px)
{
    int u = unit(d), bh = draw_pct(u, 8) > 48 ? draw_pct(u, 8) : 48, gap = draw_pct(u, 2.5) > 8 ? draw_pct(u, 2.5) : 8;
    int avail = d->w * 9 / 10, least = draw_pct(u, 18) > 2 * bh ? draw_pct(u, 18) : 2 * bh;
    *px = draw_pct(u, 3.6) < bh * 55 / 100 ? draw_pct(u, 3.6) : bh * 55 / 100;
    if (n <= 0)
        return bottom;
    int pad = draw_pct(u, 2.5) > 12 ? draw_pct(u, 2.5) : 12, width[8], total = (n - 1) * gap;
    for (int i = 0; i < n && i < 8; i++) { /* one row: each as wide as its label needs */
        int h;
        text_measure(d->text, labels[i], *px, 0, &width[i], &h);
        width[i] = width[i] + 2 * pad > least ? width[i] + 2 * pad : least;
        total += width[i];
    }
    if (total <= avail && n <= 8) {
        for (int i = 0, x = (d->w - total) / 2; i < n; x += width[i++] + gap)
            box[i] = (SDL_Rect){ x, bottom - bh, width[i], bh };
        return bottom - bh;
    }
    /* wrapped: as many to a row as still fit at four fifths of the size, the rows as even as
     * can be, sharing the width */
    int per_row = n - 1;
    for (; per_row > 1; per_row--) {
        int bw = (avail - (per_row - 1) * gap) / per_row, i = 0;
        while (i < n && draw_fit_line(d, labels[i], *px * 4 / 5, bw - 2 * pad) == *px * 4 / 5)
            i++;
        if (i == n)
            break;
    }
    per_row = per_row < 1 ? 1 : per_row;
    int rows = (n + per_row - 1) / per_row;
    per_row = (n + rows - 1) / rows;
    int bw = (avail - (per_row - 1) * gap) / per_row, top = bottom - rows * bh - (rows - 1) * gap;
    for (int i = 0; i < n; i++)
        *px = draw_fit_line(d, labels[i], *px, bw - 2 * pad);
    for (int i = 0; i < n; i++) {
        int row = i / per_row, in_row = row == rows - 1 ? n - row * per_row : per_row;
        int x0 = (d->w - in_row * bw - (in_row - 1) * gap) / 2;
        box[i] = (SDL_Rect){ x0 + (i % per_row) * (bw + gap), top + row * (bh + gap), bw, bh };
    }
    return top;
}

void draw_buttons(draw_t *d, const char *const *labels, int n, const SDL_Rect *box, int px, int focus)
{
    SDL_Color ink = draw_sdl(d->pal.ink, 255);
    for (int i = 0; i < n; i++) {
        SDL_Rect b = box[i];
        bool chosen = i == focus; /* chosen with the keys or a controller: lighter, a full-ink frame */
        SDL_Color edge = chosen ? ink : draw_sdl(d->pal.ink_soft, 120);
        int t = (chosen ? b.h / 14 : b.h / 32) > 1 ? (chosen ? b.h / 14 : b.h / 32) : 1, w, h;
        draw_fill(d, b, (SDL_Color){ 255, 255, 255, chosen ? 90 : 40 });
        draw_fill(d, (SDL_Rect){ b.x, b.y, b.w, t }, edge);
        draw_fill(d, (SDL_Rect){ b.x, b.y + b.h - t, b.w, t }, edge);
        draw_fill(d, (SDL_Rect){ b.x, b.y + t, t, b.h - 2 * t }, edge);
        draw_fill(d, (SDL_Rect){ b.x + b.w - t, b.y + t, t, b.h - 2 * t }, edge);
        text_measure(d->text, labels[i], px, 0, &w, &h);
        h = h < b.h - 2 * t ? h : b.h - 2 * t;
        text_draw_box(d->text, labels[i], px, ink, b.x + t, b.y + (b.h - h) / 2, b.w - 2 * t, h, 0, TEXT_CENTER);
    }
}

/* Texts stacked down the middle: each a size, a shade and a gap above it. */
typedef struct {
    const char *str;
    double size;        /* percent of the short side */
    bool soft;
    int gap_before;     /* percent of the height */
} line_t;

/* The height lines stack to at scale, wrapped to width. */
static int stack_height(const draw_t *d, const line_t *lines, int n, double scale, int width)
{
    int total = 0;
    for (int i = 0; i < n; i++) {
        if (!lines[i].str || !*lines[i].str)
            continue;
        int w, h;
        text_measure(d->text, lines[i].str, (int)(draw_pct(unit(d), lines[i].size) * scale), width, &w, &h);
        total += h + draw_pct(d->h, lines[i].gap_before);
    }
    return total;
}

/* Lays lines out down the middle from top: they all shrink together until they fit above
 * bottom; what still does not fit is cut there. Fills box[0..n) (w 0: not shown) and px. */
static void stack_layout(const draw_t *d, const line_t *lines, int n, int top, int bottom, SDL_Rect *box, int *px)
{
    double scale = 1.0;
    int width = d->w * 88 / 100, y = top;
    for (int tries = 0; tries < 12 && top + stack_height(d, lines, n, scale, width) > bottom; tries++)
        scale *= 0.88;
    for (int i = 0; i < n; i++) {
        int w, h;
        box[i] = (SDL_Rect){ 0, 0, 0, 0 };
        px[i] = (int)(draw_pct(unit(d), lines[i].size) * scale);
        if (!lines[i].str || !*lines[i].str)
            continue;
        y += draw_pct(d->h, lines[i].gap_before);
        text_measure(d->text, lines[i].str, px[i], width, &w, &h);
        h = h < bottom - y ? h : bottom - y;
        if (h > 0)
            box[i] = (SDL_Rect){ (d->w - w) / 2, y, w, h };
        y += h > 0 ? h : 0;
    }
}

static void stack_draw(draw_t *d, const line_t *lines, int n, const SDL_Rect *box, const int *px)
{
    for (int i = 0; i < n; i++)
        if (box[i].w > 0)
            text_draw_box(d->text, lines[i].str, px[i], draw_sdl(lines[i].soft ? d->pal.ink_soft : d->pal.ink, 255),
                          box[i].x, box[i].y, box[i].w, box[i].h, d->w * 88 / 100, TEXT_CENTER);
}

static const line_t ready_hints[] = {
    /* TRANSLATORS: the ready screen's large line (Space is the key: it stays as it is) */
    { N_("Press Space to start"), 6.0, false, 0 },
    /* TRANSLATORS: the ready screen, under "Press Space to start": the other ways to start (A:
       a game controller's button, F5: a key, a tap on the screen), then Esc and F1 (keys, they
       stay as they are); one line across the screen; keep the dots */
    { N_("or A, F5, a tap  \xC2\xB7  Esc: back to the plans  \xC2\xB7  F1: keys"), 3.0, true, 2 },
};

/* The ready screen's two lines of keys, in the user's language. */
static void ready_hint_lines(line_t out[2])
{
    for (int i = 0; i < 2; i++) {
        out[i] = ready_hints[i];
        out[i].str = _(ready_hints[i].str);
    }
}

/* The plan's lines on the ready screen (facts and first are filled here, 200 bytes each). */
static void ready_lines(const plan_t *plan, const draw_ready_t *r, char *facts, char *first, line_t *out)
{
    char len[64];
    duration_format_length(plan_total_ms(plan), len, sizeof len);
    int n = plan->nphases;
    if (plan->audience == AUDIENCE_PARENT)
        snprintf(facts, 200,
                 /* TRANSLATORS: the ready screen, under the plan's title: its length ("15 min"), how many
                    phases, who it is for */
                 P_("%s \xC2\xB7 %d phase \xC2\xB7 for a parent", "%s \xC2\xB7 %d phases \xC2\xB7 for a parent", n),
                 len, n);
    else
        snprintf(facts, 200,
                 /* TRANSLATORS: as "%s · %d phases · for a parent", for a plan made for therapists */
                 P_("%s \xC2\xB7 %d phase \xC2\xB7 for a therapist",
                    "%s \xC2\xB7 %d phases \xC2\xB7 for a therapist", n),
                 len, n);
    /* TRANSLATORS: the ready screen: the name of the plan's first phase */
    snprintf(first, 200, _("First: %s"), plan->phases[0].name);
    const line_t lines[DRAW_READY_LINES] = {
        { plan->title, 7.5, false, 0 },
        { facts, 3.8, true, 3 },
        { plan->description, 4.2, false, 5 },
        { first, 4.2, true, 4 },
        { r ? r->music : NULL, 3.8, true, 3 },
        { r ? r->client : NULL, 3.8, true, 1 },
    };
    memcpy(out, lines, sizeof lines);
}

static int ready_buttons(const draw_t *d, const draw_ready_t *r, SDL_Rect *box, int *n, int *px)
{
    *n = r ? draw_count_labels(r->buttons, r->nbuttons, DRAW_READY_BUTTONS) : 0;
    return draw_buttons_layout(d, r ? r->buttons : NULL, *n, d->h - draw_pct(d->h, 4), box, px);
}

void draw_ready_layout(const draw_t *d, const plan_t *plan, const draw_ready_t *r, draw_ready_layout_t *l)
{
    memset(l, 0, sizeof *l);
    int top = ready_buttons(d, r, l->button, &l->nbuttons, &l->button_px);
    int bottom = l->nbuttons ? top - draw_pct(d->h, 3) : d->h - draw_pct(d->h, 11);
    line_t hints[2];
    ready_hint_lines(hints);
    int need = stack_height(d, hints, 2, 1.0, d->w * 88 / 100), most = draw_pct(d->h, 24);
    int hint_top = bottom - (need < most ? need : most);
    SDL_Rect hb[2];
    int hp[2];
    stack_layout(d, hints, 2, hint_top, bottom, hb, hp);
    l->start = hb[0], l->keys = hb[1], l->start_px = hp[0], l->keys_px = hp[1];
    char facts[200], first[200];
    line_t lines[DRAW_READY_LINES];
    ready_lines(plan, r, facts, first, lines);
    stack_layout(d, lines, DRAW_READY_LINES, draw_pct(d->h, 8), hint_top - draw_pct(d->h, 3), l->line, l->px);
}

void draw_ready(draw_t *d, const plan_t *plan, const draw_ready_t *r, const draw_overlay_t *o)
{
    clear(d, o->bg);
    draw_ready_layout_t l;
    draw_ready_layout(d, plan, r, &l);
    char facts[200], first[200];
    line_t lines[DRAW_READY_LINES];
    ready_lines(plan, r, facts, first, lines);
    stack_draw(d, lines, DRAW_READY_LINES, l.line, l.px);
    line_t hints[2];
    ready_hint_lines(hints);
    stack_draw(d, hints, 2, (SDL_Rect[]){ l.start, l.keys }, (int[]){ l.start_px, l.keys_px });
    if (r)
        draw_buttons(d, r->buttons, l.nbuttons, l.button, l.button_px, r->focused - 1);
    draw_overlay_t over = *o;
    if (over.banner_above <= 0 || over.banner_above > l.start.y)
        over.banner_above = l.start.y; /* a caption never covers the start line, its keys or a button */
    draw_banner(d, &over, NULL);
    draw_finish(d, &over);
}

int draw_ready_button_at(const draw_t *d, const draw_ready_t *r, float fx, float fy)
{
    SDL_Rect box[DRAW_READY_BUTTONS];
    int n, px;
    ready_buttons(d, r, box, &n, &px);
    return draw_box_at(box, n, (int)(fx * d->w), (int)(fy * d->h));
}

void draw_overlays(draw_t *d, const draw_overlay_t *o)
{
    draw_banner(d, o, NULL);
    draw_finish(d, o);
}
