/* Draws the end screen and turns keys, taps and controller buttons into a rating and a note.
 * Digits rate and Space finishes only while the note is empty; once a note is begun every
 * character goes into it and Enter finishes. Never writes the log itself. */
#include "platform/screen/endscreen.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/base/utf8.h"
#include "platform/screen/drawpriv.h"
#include "platform/screen/shapes.h"

static const SDL_Color INK = { 246, 241, 232, 255 };
static const SDL_Color INK_SOFT = { 214, 208, 198, 255 };
static const SDL_Color WARM = { 250, 234, 206, 255 };

typedef struct {
    SDL_Rect targets[5];
    SDL_Rect note;
    SDL_Rect done;
} end_layout_t;

static int pct(int size, double percent)
{
    return (int)lround(size * percent / 100.0);
}

static void layout(const draw_t *d, end_layout_t *l)
{
    int unit = d->w < d->h ? d->w : d->h;
    int size = pct(unit, 13), gap = pct(unit, 4);
    int x = (d->w - 5 * size - 4 * gap) / 2, y = pct(d->h, 44);
    for (int i = 0; i < 5; i++)
        l->targets[i] = (SDL_Rect){ x + i * (size + gap), y, size, size };
    l->note = (SDL_Rect){ pct(d->w, 15), y + size + pct(d->h, 6), d->w - 2 * pct(d->w, 15), pct(unit, 8) };
    int dw = pct(unit, 52), dh = pct(unit, 8);
    l->done = (SDL_Rect){ (d->w - dw) / 2, d->h - pct(d->h, 6) - dh, dw, dh };
}

void endscreen_begin(endscreen_t *es, bool asking, int64_t now_ms)
{
    memset(es, 0, sizeof *es);
    es->asking = asking;
    es->last_input_ms = now_ms;
}

static bool inside(const SDL_Rect *r, int x, int y)
{
    SDL_Point p = { x, y };
    return SDL_PointInRect(&p, r);
}

static void nudge(endscreen_t *es, int by)
{
    int r = es->rating + by;
    es->rating = r < 1 ? 1 : r > 5 ? 5 : r;
}

static endscreen_result_t on_text(endscreen_t *es, const char *text)
{
    if (!es->note[0] && text[0] >= '1' && text[0] <= '5' && !text[1]) {
        es->rating = text[0] - '0';
        return ENDSCREEN_CHANGED;
    }
    if (!es->note[0] && strcmp(text, " ") == 0)
        return ENDSCREEN_DONE;
    utf8_append(es->note, sizeof es->note, text); /* stops at the cap, on a whole character */
    return ENDSCREEN_CHANGED;
}

static endscreen_result_t on_key(endscreen_t *es, const SDL_KeyboardEvent *k)
{
    switch (k->keysym.scancode) {
    case SDL_SCANCODE_RETURN:
    case SDL_SCANCODE_KP_ENTER:
    case SDL_SCANCODE_ESCAPE: return k->repeat ? ENDSCREEN_CHANGED : ENDSCREEN_DONE;
    case SDL_SCANCODE_BACKSPACE:
        if (es->note[0])
            utf8_backspace(es->note);
        else
            es->rating = 0;
        return ENDSCREEN_CHANGED;
    case SDL_SCANCODE_RIGHT:
    case SDL_SCANCODE_UP:
    case SDL_SCANCODE_PAGEDOWN: nudge(es, 1); return ENDSCREEN_CHANGED;
    case SDL_SCANCODE_LEFT:
    case SDL_SCANCODE_DOWN:
    case SDL_SCANCODE_PAGEUP: nudge(es, -1); return ENDSCREEN_CHANGED;
    case SDL_SCANCODE_F1: return ENDSCREEN_IGNORED;
    default: return ENDSCREEN_CHANGED; /* letters arrive as SDL_TEXTINPUT */
    }
}

endscreen_result_t endscreen_event(endscreen_t *es, const SDL_Event *e, action_t act, int x, int y,
                                   const draw_t *d, int64_t now_ms)
{
    if (!es->asking || act == ACT_QUIT)
        return ENDSCREEN_IGNORED;
    endscreen_result_t r = ENDSCREEN_IGNORED;
    end_layout_t l;
    if (e->type == SDL_TEXTINPUT) {
        r = on_text(es, e->text.text);
    } else if (e->type == SDL_KEYDOWN) {
        r = on_key(es, &e->key);
    } else if (act == ACT_CLICK) {
        layout(d, &l);
        r = inside(&l.done, x, y) ? ENDSCREEN_DONE : ENDSCREEN_CHANGED;
        for (int i = 0; i < 5; i++) {
            if (inside(&l.targets[i], x, y))
                es->rating = i + 1;
        }
    } else if (act == ACT_NEXT || act == ACT_UP || act == ACT_BACK || act == ACT_DOWN) {
        nudge(es, act == ACT_NEXT || act == ACT_UP ? 1 : -1); /* a controller or a clicker */
        r = ENDSCREEN_CHANGED;
    } else if (act == ACT_ENTER || act == ACT_PAUSE || act == ACT_ESCAPE) {
        r = ENDSCREEN_DONE;
    }
    if (r != ENDSCREEN_IGNORED)
        es->last_input_ms = now_ms;
    return r;
}

static void draw_question(draw_t *d, const endscreen_t *es, const end_layout_t *l, int unit)
{
    /* TRANSLATORS: the end screen asks the adult to rate the session from 1 to 5 */
    text_draw(d->text, _("How did it go?"), pct(unit, 5), INK, d->w / 2, l->targets[0].y - pct(d->h, 9), 0,
              TEXT_CENTER);
    for (int i = 0; i < 5; i++) {
        const SDL_Rect *t = &l->targets[i];
        bool on = es->rating == i + 1;
        shapes_disk(d->renderer, t->x + t->w / 2, t->y + t->h / 2, t->w / 2, on ? WARM : (SDL_Color){ 255, 255, 255, 46 });
        char num[2] = { (char)('1' + i), '\0' };
        text_draw(d->text, num, pct(unit, 5.5), on ? (SDL_Color){ 40, 44, 52, 255 } : INK,
                  t->x + t->w / 2, t->y + (t->h - pct(unit, 7.3)) / 2, 0, TEXT_CENTER);
    }
    int px = pct(unit, 2.8), below = l->targets[0].y + l->targets[0].h + pct(d->h, 1);
    /* TRANSLATORS: the end screen: under the rating 1 (the lowest), starting at its left edge;
       short (about 12 letters) */
    text_draw(d->text, _("hard going"), px, INK_SOFT, l->targets[0].x, below, 0, TEXT_LEFT);
    /* TRANSLATORS: the end screen: under the rating 5 (the highest), ending at its right edge;
       short (about 16 letters) */
    text_draw(d->text, _("went really well"), px, INK_SOFT, l->targets[4].x + l->targets[4].w, below, 0, TEXT_RIGHT);
    char shown[RECORD_MAX_NOTE + 8];
    snprintf(shown, sizeof shown, "%s\xE2\x96\x8F", es->note); /* a thin caret */
    /* TRANSLATORS: the end screen: the empty note field, in grey, until something is typed */
    const char *note = es->note[0] ? shown : _("Type a note if you like (optional)");
    /* the field grows with a long note, up to the Done button; the note shrinks (to two thirds)
     * if it must */
    int npx = pct(unit, 3.6), pad = pct(unit, 2), wrap = l->note.w - 2 * pad, tw, th;
    int most = l->done.y - pad - l->note.y;
    text_measure(d->text, note, npx, wrap, &tw, &th);
    while (th + 2 * pad > most && npx * 3 > pct(unit, 3.6) * 2) {
        npx = npx * 92 / 100;
        text_measure(d->text, note, npx, wrap, &tw, &th);
    }
    int nh = th + 2 * pad > l->note.h ? th + 2 * pad : l->note.h;
    shapes_rect(d->renderer, l->note.x, l->note.y, l->note.w, nh < most ? nh : most, (SDL_Color){ 0, 0, 0, 60 });
    text_draw(d->text, note, npx, es->note[0] ? INK : INK_SOFT, l->note.x + pad, l->note.y + pad, wrap, TEXT_LEFT);
    shapes_rect(d->renderer, l->done.x, l->done.y, l->done.w, l->done.h, (SDL_Color){ 255, 255, 255, 40 });
    /* TRANSLATORS: the end screen's button once a note is typed (Enter is the key: it stays);
       room for about 24 letters */
    const char *done = es->note[0] ? _("Done (Enter)")
                                   /* TRANSLATORS: the end screen's button (Enter and Space are
                                      keys: they stay); room for about 24 letters */
                                   : _("Done (Enter or Space)");
    int dpx = draw_fit_line(d, done, pct(unit, 3.6), l->done.w - 2 * pct(unit, 2));
    text_draw(d->text, done, dpx, INK, d->w / 2, l->done.y + (l->done.h - pct(unit, 4.8) * dpx / pct(unit, 3.6)) / 2, 0,
              TEXT_CENTER);
}

void endscreen_draw(draw_t *d, const endscreen_t *es, const plan_t *plan, const session_t *s,
                    const draw_overlay_t *o)
{
    SDL_SetRenderDrawColor(d->renderer, o->bg.r, o->bg.g, o->bg.b, 255);
    SDL_RenderClear(d->renderer);
    int unit = d->w < d->h ? d->w : d->h;
    bool done = s->outcome == OUTCOME_COMPLETED;
    /* TRANSLATORS: the end screen's large title after a session that went to its end */
    const char *title = done ? _("Well done")
                             /* TRANSLATORS: the end screen's large title after a session ended early */
                             : _("Session ended");
    text_draw(d->text, title, pct(unit, 9), INK, d->w / 2, pct(d->h, 7), 0, TEXT_CENTER);
    char len[64], line[256];
    duration_format_length(session_active_ms(s, s->ended_ms), len, sizeof len);
    snprintf(line, sizeof line,
             /* TRANSLATORS: the end screen, under the title: the plan's title, how long the session ran
                ("12 min"), how many of the plan's phases were done */
             P_("%s \xC2\xB7 %s \xC2\xB7 %d of %d phase", "%s \xC2\xB7 %s \xC2\xB7 %d of %d phases", plan->nphases),
             plan->title, len, s->phases_completed, plan->nphases);
    text_draw(d->text, line, pct(unit, 4), INK_SOFT, d->w / 2, pct(d->h, 22), d->w * 9 / 10, TEXT_CENTER);
    end_layout_t l;
    layout(d, &l);
    if (es->asking)
        draw_question(d, es, &l, unit);
    else
        /* TRANSLATORS: the end screen once the session's record is written */
        text_draw(d->text, es->saved ? _("Saved in the log") : "", pct(unit, 4.4), INK_SOFT, d->w / 2,
                  pct(d->h, 50), 0, TEXT_CENTER);
    draw_overlay_t over = *o;
    if (es->asking) /* a caption never covers the Done button */
        over.banner_above = l.done.y;
    draw_overlays(d, &over);
}
