/* Draws the History screen with SDL_Render rectangles and text_draw: week marks as dots (a
 * filled one for a day with a session), a bar chart of 28 days, the last sessions, totals.
 * Reads history_t only (the app loads it from the log). A day without a session is simply an
 * empty dot, never a failure. */
#include "platform/screen/historyscreen.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/duration.h"
#include "platform/screen/shapes.h"

static const SDL_Color INK = { 246, 241, 232, 255 };
static const SDL_Color INK_SOFT = { 214, 208, 198, 255 };
static const SDL_Color WARM = { 250, 234, 206, 255 };
static const SDL_Color FAINT = { 255, 255, 255, 40 };
static const char *const DAY_LETTERS[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

void historyscreen_close(historyscreen_t *hs)
{
    free(hs->h);
    memset(hs, 0, sizeof *hs);
}

static int pct(int size, double percent)
{
    return (int)lround(size * percent / 100.0);
}

/* s cut (with an ellipsis) so that it is at most max_w pixels wide at size px. */
static char *fit(text_t *t, const char *s, int px, int max_w, char *buf, size_t size)
{
    snprintf(buf, size, "%s", s);
    size_t n = strlen(buf);
    int w, h;
    text_measure(t, buf, px, 0, &w, &h);
    while (w > max_w && n > 0) {
        do
            n--;
        while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);
        snprintf(buf + n, size - n, "\xE2\x80\xA6");
        text_measure(t, buf, px, 0, &w, &h);
    }
    return buf;
}

static void draw_week(draw_t *d, const history_t *h, int x, int y, int w, int u)
{
    text_draw(d->text, h->ref_day == h->q.today ? "This week" : "That week", pct(u, 3.4), INK_SOFT, x, y, 0, TEXT_LEFT);
    int cell = w / 7, r = pct(u, 2.6), cy = y + pct(u, 9);
    for (int i = 0; i < 7; i++) {
        int cx = x + cell * i + cell / 2;
        shapes_disk(d->renderer, cx, cy, r, h->week[i] ? WARM : FAINT);
        text_draw(d->text, DAY_LETTERS[i], pct(u, 2.6), INK_SOFT, cx, cy + r + pct(u, 1), 0, TEXT_CENTER);
    }
    char line[160];
    if (h->week_sessions == 0)
        snprintf(line, sizeof line, "No sessions yet this week");
    else
        snprintf(line, sizeof line, "%ld session%s this week \xC2\xB7 %lld min", h->week_sessions,
                 h->week_sessions == 1 ? "" : "s", (long long)((h->week_ms + 30000) / 60000));
    text_draw(d->text, line, pct(u, 3.6), INK, x, cy + r + pct(u, 6), w, TEXT_LEFT);
}

/* Minutes per day over four weeks; Mondays are labelled with their date. */
static void draw_chart(draw_t *d, const history_t *h, int x, int y, int w, int ht, int u)
{
    text_draw(d->text, "Minutes per day, last four weeks", pct(u, 2.8), INK_SOFT, x, y, 0, TEXT_LEFT);
    y += pct(u, 5);
    ht -= pct(u, 9);
    int64_t most = 0;
    for (int i = 0; i < HISTORY_DAYS; i++)
        most = h->daily_ms[i] > most ? h->daily_ms[i] : most;
    long top = (long)((most + 59999) / 60000);
    top = top < 10 ? 10 : (top + 9) / 10 * 10;
    char label[48];
    snprintf(label, sizeof label, "%ld min", top);
    text_draw(d->text, label, pct(u, 2.2), INK_SOFT, x + w, y - pct(u, 3.2), 0, TEXT_RIGHT);
    shapes_rect(d->renderer, x, y + ht, w, 2, FAINT);
    int slot = w / HISTORY_DAYS, bw = slot * 2 / 3;
    for (int i = 0; i < HISTORY_DAYS; i++) {
        int day = h->ref_day - (HISTORY_DAYS - 1 - i), bx = x + i * slot + (slot - bw) / 2;
        int bh = (int)lround((double)h->daily_ms[i] / 60000.0 / (double)top * ht);
        shapes_rect(d->renderer, bx, y + ht - bh, bw, bh, WARM);
        if (history_weekday(day) == 0) {
            int yy, mm, dd;
            record_civil_from_days(day, &yy, &mm, &dd);
            snprintf(label, sizeof label, "%d/%d", dd, mm);
            text_draw(d->text, label, pct(u, 2.2), INK_SOFT, bx, y + ht + pct(u, 1), 0, TEXT_LEFT);
        }
    }
}

static int draw_last(draw_t *d, const history_t *h, int x, int y, int w, int rows, int u)
{
    text_draw(d->text, "Last sessions", pct(u, 3.4), INK_SOFT, x, y, 0, TEXT_LEFT);
    y += pct(u, 6);
    int px = pct(u, 2.8), line = pct(u, 5), gap = pct(u, 2), when_w, stars_w, len_w, th;
    text_measure(d->text, "Wed 28/12 23:59", px, 0, &when_w, &th);
    text_measure(d->text, "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85", px, 0, &stars_w, &th);
    int plan_x = x + when_w + gap, len_right = x + w - stars_w - gap;
    for (int i = 0; i < h->nlast && i < rows; i++, y += line) {
        const history_session_t *s = &h->last[i];
        int yy, mm, dd;
        char when[48], plan[200], len[48], stars[32] = "";
        record_civil_from_days(s->day, &yy, &mm, &dd);
        snprintf(when, sizeof when, "%s %d/%d %02d:%02d", DAY_LETTERS[history_weekday(s->day)], dd, mm,
                 s->minute / 60, s->minute % 60);
        duration_format_length(s->duration_ms, len, sizeof len);
        text_measure(d->text, len, px, 0, &len_w, &th);
        for (int k = 1; s->rating > 0 && k <= 5; k++)
            strcat(stars, k <= s->rating ? "\xE2\x98\x85" : "\xE2\x98\x86");
        text_draw(d->text, when, px, INK_SOFT, x, y, 0, TEXT_LEFT);
        text_draw(d->text, fit(d->text, s->plan, px, len_right - len_w - gap - plan_x, plan, sizeof plan), px,
                  INK, plan_x, y, 0, TEXT_LEFT);
        text_draw(d->text, len, px, INK, len_right, y, 0, TEXT_RIGHT);
        text_draw(d->text, stars, px, WARM, x + w, y, 0, TEXT_RIGHT);
    }
    return y;
}

static void draw_summary(draw_t *d, const history_t *h, int x, int y, int w, int u)
{
    char line[200];
    snprintf(line, sizeof line, "%ld session%s \xC2\xB7 %lld min in all \xC2\xB7 %.0f min on average",
             h->sessions, h->sessions == 1 ? "" : "s", (long long)((h->total_ms + 30000) / 60000),
             h->sessions ? (double)h->total_ms / 60000.0 / (double)h->sessions : 0.0);
    y += text_draw(d->text, line, pct(u, 3), INK, x, y, w, TEXT_LEFT) + pct(u, 1.5);
    for (int i = 0; i < h->nplans && i < 4; i++) { /* minutes per plan, the first four */
        char name[200], mins[48];
        snprintf(mins, sizeof mins, "%lld min", (long long)((h->plans[i].ms + 30000) / 60000));
        text_draw(d->text, fit(d->text, h->plans[i].name, pct(u, 2.6), w * 7 / 10, name, sizeof name), pct(u, 2.6),
                  INK_SOFT, x, y, 0, TEXT_LEFT);
        y += text_draw(d->text, mins, pct(u, 2.6), INK_SOFT, x + w, y, 0, TEXT_RIGHT) + pct(u, 0.5);
    }
    y += pct(u, 1.5);
    history_trend_t first, last;
    if (!history_trend(h, &first, &last))
        return;
    snprintf(line, sizeof line, "%s, the first %d sessions \xE2\x86\x92 the latest %d:", h->client,
             first.sessions, last.sessions);
    y += text_draw(d->text, line, pct(u, 2.8), INK_SOFT, x, y, w, TEXT_LEFT) + pct(u, 0.5);
    int n = snprintf(line, sizeof line, "%.0f \xE2\x86\x92 %.0f min \xC2\xB7 %.1f \xE2\x86\x92 %.1f look-backs",
                     first.minutes, last.minutes, first.look_backs, last.look_backs);
    if (first.rated && last.rated && n > 0)
        snprintf(line + n, sizeof line - (size_t)n, " \xC2\xB7 rating %.1f \xE2\x86\x92 %.1f", first.rating, last.rating);
    text_draw(d->text, line, pct(u, 2.8), INK, x, y, w, TEXT_LEFT);
}

void historyscreen_draw(draw_t *d, const historyscreen_t *hs, const char *client_hint, const draw_overlay_t *o)
{
    SDL_SetRenderDrawColor(d->renderer, o->bg.r, o->bg.g, o->bg.b, 255);
    SDL_RenderClear(d->renderer);
    int u = d->w < d->h ? d->w : d->h, margin = pct(d->w, 5), half = (d->w - 3 * margin) / 2;
    text_draw(d->text, "History", pct(u, 6.5), INK, margin, pct(d->h, 4), 0, TEXT_LEFT);
    text_draw(d->text, client_hint, pct(u, 3), INK_SOFT, d->w - margin, pct(d->h, 6), 0, TEXT_RIGHT);
    const history_t *h = hs->h;
    if (!h || hs->error[0] || hs->missing) {
        const char *msg = hs->error[0] ? hs->error : "No sessions logged yet. They will appear here after the first one.";
        text_draw(d->text, msg, pct(u, 4), INK, d->w / 2, pct(d->h, 40), d->w * 8 / 10, TEXT_CENTER);
    } else {
        int top = pct(d->h, 18), right = 2 * margin + half;
        draw_week(d, h, margin, top, half, u);
        draw_chart(d, h, margin, top + pct(u, 27), half, pct(d->h, 40), u);
        int y = draw_last(d, h, right, top, half, HISTORY_LAST, u);
        draw_summary(d, h, right, y + pct(u, 4), half, u);
    }
    char foot[160] = "Esc: back";
    if (hs->bad)
        snprintf(foot, sizeof foot, "Esc: back \xC2\xB7 %ld damaged line%s of the log skipped (named in the terminal)",
                 hs->bad, hs->bad == 1 ? "" : "s");
    text_draw(d->text, foot, pct(u, 2.8), INK_SOFT, d->w / 2, d->h - pct(d->h, 6), 0, TEXT_CENTER);
    draw_overlays(d, o);
}
