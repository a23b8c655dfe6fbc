/* Lays out and draws the form screens (Adjust, music, client, plan problems) from a plain
 * draw_form_t: rows as large as the menu's, scrolled to keep the chosen one in view, a side
 * panel beside or below them, big buttons, the keys along the bottom. Changes no state. */
#include "platform/screen/formscreen.h"

#include <stdio.h>
#include <string.h>

#include "platform/screen/drawpriv.h"

#define ARROW_LEFT "\xE2\x97\x82"   /* ◂ */
#define ARROW_RIGHT "\xE2\x96\xB8"  /* ▸ */
#define CARET "\xE2\x96\x8F"        /* ▏ */
#define ELLIPSIS "\xE2\x80\xA6"     /* … */
#define MORE_UP "\xE2\x96\xB2"      /* ▲ */
#define MORE_DOWN "\xE2\x96\xBC"    /* ▼ */

static int imin(int a, int b) { return a < b ? a : b; }
static int imax(int a, int b) { return a > b ? a : b; }
static int unit(const draw_t *d) { return imin(d->w, d->h); }
static bool given(const char *s) { return s && *s; }
static const char *item(const char *const *a, int i) { return a ? a[i] : NULL; }

/* The box of str at px, one line (cut to w), in [x, x + w) aligned, from y. */
static SDL_Rect line_box(const draw_t *d, const char *str, int px, int x, int w, int y, text_align_t align)
{
    int tw, th;
    text_measure(d->text, str, px, 0, &tw, &th);
    tw = imin(tw, w);
    int bx = align == TEXT_CENTER ? x + (w - tw) / 2 : align == TEXT_RIGHT ? x + w - tw : x;
    return (SDL_Rect){ bx, y, given(str) ? tw : 0, given(str) ? th : 0 };
}

static const char *label_of(const draw_form_t *f, int i)
{
    const char *s = item(f->labels, i);
    return s ? s : "";
}

/* The size and wrap width at which str fits w x h: one line at px, else wrapped at px or a
 * little less, else one line at half of px or more, else wrapped smaller (to 12 pixels), else
 * the largest one line (cut at its end). */
static int fit_box(const draw_t *d, const char *str, int px, int w, int h, int *wrap)
{
    int tw, th, one = draw_fit_line(d, str, px, w), p = px;
    *wrap = 0;
    if (one == px)
        return px;
    for (; p * 5 >= px * 4 && p >= 12; p = p * 92 / 100) {
        text_measure(d->text, str, p, w, &tw, &th);
        if (th <= h && tw <= w) {
            *wrap = w;
            return p;
        }
    }
    text_measure(d->text, str, one, 0, &tw, &th);
    for (; tw > w && p >= 12; p = p * 92 / 100) { /* (a long message in a language longer than English) */
        int ww, wh;
        text_measure(d->text, str, p, w, &ww, &wh);
        if (wh <= h && ww <= w) {
            *wrap = w;
            return p;
        }
    }
    return one;
}

/* The box of str centred in [x, x + w) from y: on one line at four fifths of want or more,
 * else wrapped at nine tenths of it (rather than too small to read from across the room). */
static SDL_Rect fit_centred(const draw_t *d, const char *str, int want, int x, int w, int y, int *px, int *wrap)
{
    int tw, th;
    *px = draw_fit_line(d, str, want, w);
    *wrap = 0;
    if (*px * 5 < want * 4) {
        *px = want * 9 / 10;
        *wrap = w;
    }
    text_measure(d->text, str, *px, *wrap, &tw, &th);
    tw = imin(tw, w);
    return (SDL_Rect){ x + (w - tw) / 2, y, tw, th };
}

/* Along the bottom: the keys, then the buttons above them. Returns the content's bottom. */
static int layout_bottom(const draw_t *d, const draw_form_t *f, draw_form_layout_t *l)
{
    int u = unit(d), cw = d->w - 2 * draw_pct(d->w, 5), bottom = d->h - draw_pct(d->h, 3);
    if (given(f->hint)) {
        l->hint = fit_centred(d, f->hint, draw_pct(u, 3), (d->w - cw) / 2, cw, 0, &l->hint_px, &l->hint_wrap);
        l->hint.y = bottom - l->hint.h;
        bottom = l->hint.y - draw_pct(d->h, 2);
    }
    l->nbuttons = draw_count_labels(f->buttons, f->nbuttons, DRAW_FORM_MAX_BUTTONS);
    if (l->nbuttons)
        bottom = draw_buttons_layout(d, f->buttons, l->nbuttons, bottom, l->button, &l->button_px);
    return bottom - draw_pct(d->h, 3);
}

/* The title, its subtitle and the field with its note, down from the top. Returns where the
 * rows may begin; x, w: the rows' column. */
static int layout_top(const draw_t *d, const draw_form_t *f, draw_form_layout_t *l, int x, int w)
{
    int u = unit(d), cw = d->w - 2 * draw_pct(d->w, 5), y = draw_pct(d->h, 4);
    if (given(f->title)) {
        l->title = fit_centred(d, f->title, draw_pct(u, 6), (d->w - cw) / 2, cw, y, &l->title_px, &l->title_wrap);
        y += l->title.h + draw_pct(d->h, 1);
    }
    if (given(f->subtitle)) {
        l->subtitle = fit_centred(d, f->subtitle, draw_pct(u, 3.2), (d->w - cw) / 2, cw, y, &l->subtitle_px,
                                  &l->subtitle_wrap);
        y += l->subtitle.h;
    }
    y += draw_pct(d->h, 3);
    if (!f->field)
        return y;
    l->field_px = draw_pct(u, 4.2);
    l->field = (SDL_Rect){ x, y, w, imax(48, l->field_px * 2) };
    y += l->field.h + draw_pct(d->h, 1);
    if (given(f->field_note)) {
        l->note_px = draw_fit_line(d, f->field_note, draw_pct(u, 3.2), w);
        l->field_note = line_box(d, f->field_note, l->note_px, x, w, y, TEXT_LEFT);
        y += l->field_note.h;
    }
    return y + draw_pct(d->h, 3);
}

static int row_height(const draw_t *d) { return imax(36, draw_pct(d->h, 9)); }

/* The panel's title height (with its gap), or 0 without one. */
static int side_head_height(const draw_t *d, const draw_form_t *f)
{
    int w, h;
    text_measure(d->text, "Ag", draw_pct(unit(d), 3.4), 0, &w, &h);
    return given(f->side_title) ? h + draw_pct(unit(d), 2) / 2 : 0;
}

/* Line i of the panel (-1: "…") wrapped to inner at px: its height. */
static int side_line_height(const draw_t *d, const draw_form_t *f, int i, int px, int inner)
{
    int w, h;
    text_measure(d->text, i < 0 ? ELLIPSIS : item(f->side, i), px, inner, &w, &h);
    return h;
}

/* Which lines show when the first `first` of n do, then "…" and the last (the total). */
static int side_pick(int k, int shown, int n)
{
    if (shown >= n)
        return k;
    return k == shown - 1 ? n - 1 : k == shown - 2 ? -1 : k;
}

/* The height of the panel showing `shown` of n lines at px. */
static int side_height(const draw_t *d, const draw_form_t *f, int shown, int n, int px, int inner)
{
    int pad = draw_pct(unit(d), 2), h = 2 * pad + side_head_height(d, f);
    for (int k = 0; k < shown; k++)
        h += side_line_height(d, f, side_pick(k, shown, n), px, inner);
    return h;
}

/* The panel in x, y, w and at most max_h tall: long lines wrap; the lines shrink together (to
 * two thirds) to fit, then are cut before the last one (the total), which always shows. */
static void layout_side(const draw_t *d, const draw_form_t *f, draw_form_layout_t *l, int x, int y, int w, int max_h)
{
    int n = imin(f->nside, DRAW_FORM_MAX_SIDE), want = draw_pct(unit(d), 3.2), px = want;
    int pad = draw_pct(unit(d), 2), inner = w - 2 * pad;
    while (side_height(d, f, n, n, px, inner) > max_h && px * 3 > want * 2)
        px = px * 92 / 100;
    int shown = n;
    while (shown > 0 && side_height(d, f, shown, n, px, inner) > max_h)
        shown--;
    l->side = (SDL_Rect){ x, y, w, side_height(d, f, shown, n, px, inner) };
    l->side_head_px = draw_pct(unit(d), 3.4);
    if (given(f->side_title))
        l->side_head = line_box(d, f->side_title, draw_fit_line(d, f->side_title, l->side_head_px, inner), x + pad,
                                inner, y + pad, TEXT_LEFT);
    int ly = y + pad + side_head_height(d, f);
    for (int k = 0; k < shown; k++) {
        int i = side_pick(k, shown, n), tw, th;
        text_measure(d->text, i < 0 ? ELLIPSIS : item(f->side, i), px, inner, &tw, &th);
        l->side_index[k] = i;
        l->side_line_px[k] = px;
        l->side_line[k] = (SDL_Rect){ x + pad, ly, imin(tw, inner), th };
        ly += th;
    }
    l->side_shown = shown;
    l->side_wrap = inner;
}

/* How many rows fit in h, and the first one shown so that sel is in view. */
static void scroll(const draw_form_t *f, int h, int step, draw_form_layout_t *l)
{
    l->shown = imin(imin(f->count, h / step), DRAW_FORM_ROWS_SHOWN);
    l->shown = imax(l->shown, 0);
    int first = f->sel - l->shown / 2;
    first = imin(first, f->count - l->shown);
    l->first = imax(first, 0);
    l->more_above = l->first > 0;
    l->more_below = l->first + l->shown < f->count;
}

/* The size of ◂ and ▸ beside values of size vpx in a row h tall. */
static int arrow_px(int vpx, int h)
{
    return imin(vpx * 3 / 2, h * 6 / 10);
}

/* What every row shares: the padding, the gap between label and value, the inner width,
 * the em sizes, and the arrows' column (0: none). */
typedef struct {
    int pad, gap, inner, lpx, vpx, acol;
    int gutter;         /* before the labels: room for the chosen row's ▸ */
    int lcol;           /* long values (a plan's problems): the labels' column, the values left-aligned after it; 0 none */
} rowfit_t;

/* The widest of the labels at lpx and of the values at vpx. */
static void widest(const draw_t *d, const draw_form_t *f, int lpx, int vpx, int *lw, int *vw)
{
    *lw = *vw = 0;
    for (int i = 0; i < f->count; i++) {
        int w, h;
        text_measure(d->text, label_of(f, i), lpx, 0, &w, &h);
        *lw = imax(*lw, w);
        text_measure(d->text, item(f->values, i), vpx, 0, &w, &h);
        *vw = imax(*vw, w);
    }
}

/* With arrows, the values' column: the widest value with its ◂ and ▸ (the values shrink to
 * three quarters at most to keep it within 45% of the row), wide enough that each third takes
 * a finger. The labels have the rest. */
static void arrow_columns(const draw_t *d, const draw_form_t *f, rowfit_t *rf)
{
    int lw, vw, aw, ah, most = rf->inner * 45 / 100, want = rf->vpx;
    for (;; rf->vpx = rf->vpx * 92 / 100) {
        widest(d, f, rf->lpx, rf->vpx, &lw, &vw);
        text_measure(d->text, ARROW_LEFT, rf->vpx, 0, &aw, &ah);
        if (vw + 2 * aw + 2 * rf->vpx <= most || rf->vpx * 4 <= want * 3)
            break;
    }
    int col = imax(vw + 2 * aw + 2 * rf->vpx, imax(3 * 48, rf->inner / 5));
    rf->acol = imin(col, most);
}

/* How row i shares the inner width at label size lpx: the label's room and the value's (0:
 * none). A short label leaves the rest to a long value, and the other way. */
static void row_split(const draw_t *d, const draw_form_t *f, const rowfit_t *rf, int i, int lpx, int *lroom, int *vroom)
{
    int lw, vw, th, inner = rf->inner - rf->gutter, gap = rf->gap;
    const char *v = item(f->values, i);
    *vroom = rf->acol;
    if (rf->lcol > 0) {
        *vroom = inner - gap - rf->lcol;
    } else if (rf->acol <= 0 && given(v)) {
        text_measure(d->text, label_of(f, i), lpx, 0, &lw, &th);
        text_measure(d->text, v, rf->vpx, 0, &vw, &th);
        *vroom = lw + gap + vw <= inner ? vw : lw <= inner * 2 / 5 ? inner - gap - lw
               : vw <= inner * 2 / 5 ? vw : (inner - gap) / 2;
    }
    *lroom = rf->lcol > 0 ? rf->lcol : *vroom > 0 ? inner - gap - *vroom : inner;
}

/* The largest size, from want down to three quarters of it, at which every label (or every
 * value) fits its room on one line, or on the two or three a tall row has room for (judged
 * from the line's width, which is cheap to measure). */
static int common_size(const draw_t *d, const draw_form_t *f, const rowfit_t *rf, int row_h, bool values, int want)
{
    int p = want;
    for (; p * 4 > want * 3; p = p * 92 / 100) {
        int w, lh, lroom, vroom, i = 0;
        for (; i < f->count; i++) {
            row_split(d, f, rf, i, values ? rf->lpx : p, &lroom, &vroom);
            const char *s = values ? item(f->values, i) : label_of(f, i);
            int room = values ? vroom : lroom;
            text_measure(d->text, s, p, 0, &w, &lh);
            int lines = imin(3, row_h / imax(1, lh));
            if (given(s) && w > room && (lines < 2 || w * 100 > room * lines * 85))
                break;
        }
        if (i == f->count)
            return p;
    }
    return p;
}

/* What the rows share; labels keep their size (a long one wraps in a tall row). */
static void row_fit(const draw_t *d, const draw_form_t *f, int row_h, int col_w, rowfit_t *rf)
{
    int u = unit(d);
    rf->pad = draw_pct(u, 2);
    rf->gap = draw_pct(u, 3);
    rf->inner = col_w - 2 * rf->pad;
    rf->lpx = imin(draw_pct(u, 4), row_h * 6 / 10);
    rf->vpx = imin(draw_pct(u, 4), row_h * 6 / 10); /* the values are what changes: as big as the labels */
    rf->acol = 0;
    int w, h;
    text_measure(d->text, ARROW_RIGHT " ", rf->lpx, 0, &w, &h);
    rf->gutter = w;
    rf->lcol = 0;
    int lw, vw, inner = rf->inner - rf->gutter;
    widest(d, f, rf->lpx, rf->vpx, &lw, &vw);
    if (f->arrows)
        arrow_columns(d, f, rf);
    else if (lw + rf->gap + vw > inner && vw > inner / 2) /* long values: two columns */
        rf->lcol = imin(lw, inner * 2 / 5);
    rf->lpx = common_size(d, f, rf, row_h, false, rf->lpx);
    if (!f->arrows)
        rf->vpx = common_size(d, f, rf, row_h, true, rf->vpx);
}

/* One row's label and value boxes inside r. */
static void layout_row(const draw_t *d, const draw_form_t *f, draw_form_layout_t *l, int k, SDL_Rect r,
                       const rowfit_t *rf)
{
    int i = l->first + k, lroom, vroom, vw, th, lw;
    const char *label = label_of(f, i), *v = item(f->values, i);
    row_split(d, f, rf, i, rf->lpx, &lroom, &vroom);
    l->label_px[k] = fit_box(d, label, rf->lpx, lroom, r.h, &l->label_wrap[k]);
    text_measure(d->text, label, l->label_px[k], l->label_wrap[k], &lw, &th);
    th = imin(th, r.h);
    l->label[k] = (SDL_Rect){ r.x + rf->pad + rf->gutter, r.y + (r.h - th) / 2, imin(lw, lroom), th };
    if (i == f->sel) {
        text_measure(d->text, ARROW_RIGHT, rf->lpx, 0, &lw, &th);
        l->mark = (SDL_Rect){ r.x + rf->pad, r.y + (r.h - th) / 2, imin(lw, rf->gutter), imin(th, r.h) };
        l->mark_px = rf->lpx;
    }
    if (vroom <= 0 || (!given(v) && !(f->arrows && i == f->sel)))
        return;
    int vx = r.x + r.w - rf->pad - vroom;
    if (rf->acol > 0) { /* the whole column: its thirds are the targets for ◂, the value and ▸ */
        int aw, ah;
        text_measure(d->text, ARROW_LEFT, arrow_px(rf->vpx, r.h), 0, &aw, &ah);
        l->value_px[k] = fit_box(d, v, rf->vpx, rf->acol - 2 * aw - rf->vpx, r.h, &l->value_wrap[k]);
        l->value[k] = (SDL_Rect){ vx, r.y, rf->acol, r.h };
        return;
    }
    l->value_px[k] = fit_box(d, v, rf->vpx, vroom, r.h, &l->value_wrap[k]);
    text_measure(d->text, v, l->value_px[k], l->value_wrap[k], &vw, &th);
    vw = imin(vw, vroom);
    th = imin(th, r.h);
    l->value[k] = (SDL_Rect){ rf->lcol > 0 ? vx : vx + vroom - vw, r.y + (r.h - th) / 2, vw, th };
    l->values_left = rf->lcol > 0;
}

/* ▲ and ▼ in the gaps above and below the rows when more rows are out of view. */
static void layout_more(const draw_t *d, draw_form_layout_t *l, int y0, SDL_Rect col)
{
    int room = draw_pct(d->h, 3) - 2, w, h, px = room * 5 / 6;
    text_measure(d->text, MORE_UP, px, 0, &w, &h);
    while (h > room && px > 6)
        text_measure(d->text, MORE_UP, --px, 0, &w, &h);
    l->more_px = px;
    int end = l->shown ? l->row[l->shown - 1].y + l->row[l->shown - 1].h : y0;
    if (l->more_above)
        l->more_up = (SDL_Rect){ col.x + (col.w - w) / 2, y0 - h - 1, w, h };
    if (l->more_below)
        l->more_down = (SDL_Rect){ col.x + (col.w - w) / 2, end + 1, w, h };
}

/* The rows in the column col (its x and w) from y0 down to bottom, and the panel at sx, sw
 * beside them or below. */
static void layout_middle(const draw_t *d, const draw_form_t *f, draw_form_layout_t *l, int y0, int bottom,
                          SDL_Rect col, int sx, int sw, bool beside)
{
    int rh = row_height(d), gap = draw_pct(d->h, 3), avail = bottom - y0, rows_h = avail;
    int nside = imin(f->nside, DRAW_FORM_MAX_SIDE);
    bool side = f->side && nside > 0;
    if (!beside && side && f->count > 0) { /* below: the rows keep a few, the panel the rest */
        int need = side_height(d, f, nside, nside, draw_pct(unit(d), 3.2), sw - 2 * draw_pct(unit(d), 2));
        int keep = imin(f->count, imax(1, imin(3, avail / 2 / rh)));
        rows_h = imax(keep * rh, imin(f->count * rh, avail - gap - need));
    } else if (!beside && side) {
        rows_h = 0;
    }
    l->row_step = rh;
    scroll(f, rows_h, rh, l);
    rowfit_t rf;
    row_fit(d, f, rh - imax(2, draw_pct(d->h, 1)), col.w, &rf);
    for (int k = 0; k < l->shown; k++) {
        l->row[k] = (SDL_Rect){ col.x, y0 + k * rh, col.w, rh - imax(2, draw_pct(d->h, 1)) };
        layout_row(d, f, l, k, l->row[k], &rf);
    }
    layout_more(d, l, y0, col);
    if (!side)
        return;
    int top = beside ? (l->field.w ? l->field.y : y0) : y0 + (l->shown ? (l->shown - 1) * rh + l->row[0].h + gap : 0);
    layout_side(d, f, l, sx, top, sw, bottom - top);
}

void draw_form_layout(const draw_t *d, const draw_form_t *f, draw_form_layout_t *l)
{
    memset(l, 0, sizeof *l);
    int mx = draw_pct(d->w, 6), cw = d->w - 2 * mx;
    bool side = f->side && f->nside > 0, beside = side && d->w * 5 > d->h * 6; /* w > h * 1.2 */
    int col_w = beside ? cw * 56 / 100 : cw;
    int bottom = layout_bottom(d, f, l);
    int y0 = layout_top(d, f, l, mx, col_w);
    int sx = beside ? mx + col_w + draw_pct(d->w, 3) : mx;
    layout_middle(d, f, l, y0, bottom, (SDL_Rect){ mx, 0, col_w, 0 }, sx, beside ? mx + cw - sx : cw, beside);
}

static SDL_Color ink(const draw_t *d, bool soft)
{
    return draw_sdl(soft ? d->pal.ink_soft : d->pal.ink, 255);
}

static void draw_box_text(draw_t *d, const char *s, int px, SDL_Color c, SDL_Rect b, int wrap, text_align_t align)
{
    if (b.w > 0)
        text_draw_box(d->text, s, px, c, b.x, b.y, b.w, b.h, wrap, align);
}

static void draw_field(draw_t *d, const draw_form_t *f, const draw_form_layout_t *l)
{
    SDL_Rect r = l->field;
    int t = imax(1, r.h / 32), pad = draw_pct(unit(d), 2), tw, th;
    draw_fill(d, r, (SDL_Color){ 255, 255, 255, 22 });
    draw_fill(d, (SDL_Rect){ r.x, r.y + r.h - t, r.w, t }, draw_sdl(d->pal.ink_soft, 160));
    char shown[512];
    snprintf(shown, sizeof shown, "%s" CARET, f->field);
    text_measure(d->text, shown, l->field_px, 0, &tw, &th);
    th = imin(th, r.h);
    /* too long for the frame: its end (where the caret is) stays in view */
    text_draw_box(d->text, shown, l->field_px, ink(d, false), r.x + pad, r.y + (r.h - th) / 2, r.w - 2 * pad, th, 0,
                  tw > r.w - 2 * pad ? TEXT_RIGHT : TEXT_LEFT);
    draw_box_text(d, f->field_note, l->note_px, ink(d, true), l->field_note, 0, TEXT_LEFT);
}

/* A value in the arrows' column: centred, with ◂ and ▸ at the column's edges when chosen. */
static void draw_column_value(draw_t *d, const char *v, int vpx, int wrap, SDL_Rect b, bool arrows)
{
    int px = arrow_px(vpx, b.h), aw, ah, vw, vh;
    text_measure(d->text, ARROW_LEFT, px, 0, &aw, &ah);
    text_measure(d->text, v, vpx, wrap, &vw, &vh);
    int ay = b.y + (b.h - ah) / 2, inner = b.w - 2 * aw - vpx;
    if (arrows) {
        text_draw_box(d->text, ARROW_LEFT, px, ink(d, false), b.x, ay, aw, ah, 0, TEXT_LEFT);
        text_draw_box(d->text, ARROW_RIGHT, px, ink(d, false), b.x + b.w - aw, ay, aw, ah, 0, TEXT_RIGHT);
    }
    if (given(v))
        text_draw_box(d->text, v, vpx, ink(d, !arrows), b.x + aw + vpx / 2, b.y + (b.h - imin(vh, b.h)) / 2, inner,
                      imin(vh, b.h), wrap, TEXT_CENTER);
}

static void draw_rows(draw_t *d, const draw_form_t *f, const draw_form_layout_t *l)
{
    for (int k = 0; k < l->shown; k++) {
        int i = l->first + k;
        bool sel = i == f->sel;
        if (sel) {
            draw_fill(d, l->row[k], (SDL_Color){ 255, 255, 255, 38 });
            draw_box_text(d, ARROW_RIGHT, l->mark_px, ink(d, false), l->mark, 0, TEXT_LEFT);
        }
        draw_box_text(d, label_of(f, i), l->label_px[k], ink(d, false), l->label[k], l->label_wrap[k], TEXT_LEFT);
        const char *v = item(f->values, i);
        if (f->arrows && l->value[k].w > 0)
            draw_column_value(d, v, l->value_px[k], l->value_wrap[k], l->value[k], sel);
        else
            draw_box_text(d, v, l->value_px[k], ink(d, !sel), l->value[k], l->value_wrap[k],
                          l->values_left ? TEXT_LEFT : TEXT_RIGHT);
    }
}

static void draw_side(draw_t *d, const draw_form_t *f, const draw_form_layout_t *l)
{
    SDL_Rect b = l->side;
    SDL_Color edge = draw_sdl(d->pal.ink_soft, 90);
    draw_fill(d, b, draw_sdl(d->pal.panel, (Uint8)(d->pal.panel_alpha / 2)));
    draw_fill(d, (SDL_Rect){ b.x, b.y, b.w, 1 }, edge); /* an edge, seen on the contrast theme's black too */
    draw_fill(d, (SDL_Rect){ b.x, b.y + b.h - 1, b.w, 1 }, edge);
    draw_fill(d, (SDL_Rect){ b.x, b.y + 1, 1, b.h - 2 }, edge);
    draw_fill(d, (SDL_Rect){ b.x + b.w - 1, b.y + 1, 1, b.h - 2 }, edge);
    draw_box_text(d, f->side_title, l->side_head_px, ink(d, true), l->side_head, 0, TEXT_LEFT);
    for (int k = 0; k < l->side_shown; k++) {
        int i = l->side_index[k];
        draw_box_text(d, i < 0 ? ELLIPSIS : item(f->side, i), l->side_line_px[k], ink(d, i < 0), l->side_line[k],
                      l->side_wrap, TEXT_LEFT);
    }
}

void draw_form(draw_t *d, const draw_form_t *f, const draw_overlay_t *o)
{
    SDL_SetRenderDrawColor(d->renderer, o->bg.r, o->bg.g, o->bg.b, 255);
    SDL_RenderClear(d->renderer);
    draw_form_layout_t l;
    draw_form_layout(d, f, &l);
    draw_box_text(d, f->title, l.title_px, ink(d, false), l.title, l.title_wrap, TEXT_CENTER);
    draw_box_text(d, f->subtitle, l.subtitle_px, ink(d, true), l.subtitle, l.subtitle_wrap, TEXT_CENTER);
    if (f->field)
        draw_field(d, f, &l);
    draw_rows(d, f, &l);
    draw_box_text(d, MORE_UP, l.more_px, ink(d, true), l.more_up, 0, TEXT_CENTER);
    draw_box_text(d, MORE_DOWN, l.more_px, ink(d, true), l.more_down, 0, TEXT_CENTER);
    if (l.side.w > 0)
        draw_side(d, f, &l);
    draw_buttons(d, f->buttons, l.nbuttons, l.button, l.button_px, -1);
    draw_box_text(d, f->hint, l.hint_px, ink(d, true), l.hint, l.hint_wrap, TEXT_CENTER);
    draw_overlay_t over = *o;
    int above = l.nbuttons ? l.button[0].y : l.hint.w ? l.hint.y : 0;
    if (above > 0 && (over.banner_above <= 0 || over.banner_above > above))
        over.banner_above = above; /* a caption never covers a button or the keys */
    draw_banner(d, &over, NULL);
    draw_finish(d, &over);
}

int draw_form_hit(const draw_t *d, const draw_form_t *f, float fx, float fy)
{
    draw_form_layout_t l;
    draw_form_layout(d, f, &l);
    int x = (int)(fx * d->w), y = (int)(fy * d->h), b = draw_box_at(l.button, l.nbuttons, x, y);
    if (b >= 0)
        return DRAW_FORM_BUTTON + b;
    for (int k = 0; k < l.shown; k++) {
        SDL_Rect slot = { l.row[k].x, l.row[k].y, l.row[k].w, l.row_step }, v = l.value[k];
        int i = l.first + k;
        if (draw_box_at(&slot, 1, x, y) < 0)
            continue;
        if (f->arrows && i == f->sel && v.w > 0 && x >= v.x && x < v.x + v.w) {
            int third = (x - v.x) * 3 / v.w;
            return third == 0 ? DRAW_FORM_LEFT_OF + i : third == 2 ? DRAW_FORM_RIGHT_OF + i : i;
        }
        return i;
    }
    return -1;
}
