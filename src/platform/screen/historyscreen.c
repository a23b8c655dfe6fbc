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
#include "core/base/translate.h"
#include "core/log/daytext.h"
#include "platform/screen/drawpriv.h"
#include "platform/screen/shapes.h"

static const SDL_Color INK = { 246, 241, 232, 255 };
static const SDL_Color INK_SOFT = { 214, 208, 198, 255 };
static const SDL_Color WARM = { 250, 234, 206, 255 };
static const SDL_Color FAINT = { 255, 255, 255, 40 };

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
    /* TRANSLATORS: the History screen: the heading of the current week's dots */
    const char *head = h->ref_day == h->q.today ? _("This week")
                                                /* TRANSLATORS: the History screen: the heading of an
                                                   earlier week's dots (--until: looking back) */
                                                : _("That week");
    text_draw(d->text, head, pct(u, 3.4), INK_SOFT, x, y, 0, TEXT_LEFT);
    int cell = w / 7, r = pct(u, 2.6), cy = y + pct(u, 9);
    for (int i = 0; i < 7; i++) {
        int cx = x + cell * i + cell / 2;
        char day[32];
        shapes_disk(d->renderer, cx, cy, r, h->week[i] ? WARM : FAINT);
        text_draw(d->text, daytext_weekday(i, "%a", day, sizeof day), pct(u, 2.6), INK_SOFT, cx, cy + r + pct(u, 1),
                  0, TEXT_CENTER);
    }
    char line[200];
    if (h->week_sessions == 0)
        /* TRANSLATORS: the History screen, under the week's dots */
        snprintf(line, sizeof line, "%s", _("No sessions yet this week"));
    else
        snprintf(line, sizeof line,
                 /* TRANSLATORS: the History screen, under the week's dots: sessions this week and their
                    minutes in all */
                 P_("%ld session this week \xC2\xB7 %lld min", "%ld sessions this week \xC2\xB7 %lld min",
                    h->week_sessions),
                 h->week_sessions, (long long)((h->week_ms + 30000) / 60000));
    text_draw(d->text, line, pct(u, 3.6), INK, x, cy + r + pct(u, 6), w, TEXT_LEFT);
}

/* Minutes per day over four weeks; Mondays are labelled with their date. */
static void draw_chart(draw_t *d, const history_t *h, int x, int y, int w, int ht, int u)
{
    int64_t most = 0;
    for (int i = 0; i < HISTORY_DAYS; i++)
        most = h->daily_ms[i] > most ? h->daily_ms[i] : most;
    long top = (long)((most + 59999) / 60000);
    top = top < 10 ? 10 : (top + 9) / 10 * 10;
    char label[48];
    /* TRANSLATORS: the History screen: the top of the bar chart's scale ("30 min"), short */
    snprintf(label, sizeof label, _("%ld min"), top);
    int lw, lh;
    text_measure(d->text, label, pct(u, 2.2), 0, &lw, &lh);
    /* TRANSLATORS: the History screen: the heading of a bar chart */
    const char *head = _("Minutes per day, last four weeks");
    text_draw(d->text, head, draw_fit_line(d, head, pct(u, 2.8), w - lw - pct(u, 2)), INK_SOFT, x, y, 0, TEXT_LEFT);
    y += pct(u, 5);
    ht -= pct(u, 9);
    text_draw(d->text, label, pct(u, 2.2), INK_SOFT, x + w, y - pct(u, 3.2), 0, TEXT_RIGHT);
    shapes_rect(d->renderer, x, y + ht, w, 2, FAINT);
    int slot = w / HISTORY_DAYS, bw = slot * 2 / 3;
    for (int i = 0; i < HISTORY_DAYS; i++) {
        int day = h->ref_day - (HISTORY_DAYS - 1 - i), bx = x + i * slot + (slot - bw) / 2;
        int bh = (int)lround((double)h->daily_ms[i] / 60000.0 / (double)top * ht);
        shapes_rect(d->renderer, bx, y + ht - bh, bw, bh, WARM);
        if (history_weekday(day) == 0) {
            /* TRANSLATORS: the History screen: a Monday's date under the bar chart ("28/12"), very
               short; a strftime format: %-d the day and %-m the month without a leading zero;
               order them as your language writes a short date ("%-d.%-m.") */
            /* xgettext:no-c-format */
            daytext_format(day, 0, _("%-d/%-m"), label, sizeof label);
            text_draw(d->text, label, pct(u, 2.2), INK_SOFT, bx, y + ht + pct(u, 1), 0, TEXT_LEFT);
        }
    }
}

/* How a session's start is written in the list ("Wed 28/12 23:59"): a strftime format. */
static const char *when_format(void)
{
    /* TRANSLATORS: the History screen: when a session started ("Wed 28/12 23:59"), short; a
       strftime format: %a the weekday's short name, %-d the day and %-m the month without a
       leading zero, %H:%M the time; order them as your language writes a short date */
    /* xgettext:no-c-format */
    return _("%a %-d/%-m %H:%M");
}

/* The widest start time the list can show at px: each weekday's, at the end of December at
 * 23:59 (the widest digits). */
static int when_width(draw_t *d, int px)
{
    int widest = 0, day = record_days_from_civil(2022, 12, 26); /* a Monday */
    for (int i = 0; i < 7; i++) {
        char when[64];
        int w, h;
        text_measure(d->text, daytext_format(day + i, 23 * 60 + 59, when_format(), when, sizeof when), px, 0, &w, &h);
        widest = w > widest ? w : widest;
    }
    return widest;
}

/* The list's em size: from want down (to two thirds) until a row's start, length ("59 min 59
 * s") and stars leave four ems for the plan's name in w. Fills the columns' widths. */
static int last_px(draw_t *d, int want, int w, int gap, int *when_w, int *stars_w)
{
    int px = want, len_w, th;
    for (;; px = px * 92 / 100) {
        *when_w = when_width(d, px);
        text_measure(d->text, "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85", px, 0, stars_w, &th);
        char len[48];
        duration_format_length(3599000, len, sizeof len);
        text_measure(d->text, len, px, 0, &len_w, &th);
        if (*when_w + *stars_w + len_w + 3 * gap + 4 * px <= w || px * 3 <= want * 2)
            return px;
    }
}

/* The heading and rows (as many as fit the height) of the latest sessions, down from y. */
static int draw_last(draw_t *d, const history_t *h, int x, int y, int w, int rows, int u)
{
    /* TRANSLATORS: the History screen: the heading of the list of the latest sessions */
    text_draw(d->text, _("Last sessions"), pct(u, 3.4), INK_SOFT, x, y, 0, TEXT_LEFT);
    y += pct(u, 6);
    int line = pct(u, 5), gap = pct(u, 2), when_w, stars_w, len_w, th, px = last_px(d, pct(u, 2.8), w, gap, &when_w,
                                                                                   &stars_w);
    int plan_x = x + when_w + gap, len_right = x + w - stars_w - gap;
    for (int i = 0; i < h->nlast && i < rows; i++, y += line) {
        const history_session_t *s = &h->last[i];
        char when[64], plan[200], len[48], stars[32] = "";
        daytext_format(s->day, s->minute, when_format(), when, sizeof when);
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

/* Draws str as text_draw does (only measures it when !draw); returns its height. */
static int put(draw_t *d, bool draw, const char *str, int px, SDL_Color c, int x, int y, int max_w, text_align_t a)
{
    int w, h;
    if (draw)
        return text_draw(d->text, str, px, c, x, y, max_w, a);
    text_measure(d->text, str, px, max_w, &w, &h);
    return h;
}

/* The totals, the minutes of the first `plans` plans (at most four) and the client's trend down
 * from y (drawn, or only measured when !draw); returns where they end. */
static int draw_summary(draw_t *d, const history_t *h, int x, int y, int w, int u, int plans, bool draw)
{
    char line[200];
    snprintf(line, sizeof line,
             /* TRANSLATORS: the History screen: the sessions in the log (or those chosen), their minutes in
                all and the minutes of a session on average */
             P_("%ld session \xC2\xB7 %lld min in all \xC2\xB7 %.0f min on average",
                "%ld sessions \xC2\xB7 %lld min in all \xC2\xB7 %.0f min on average", h->sessions),
             h->sessions, (long long)((h->total_ms + 30000) / 60000),
             h->sessions ? (double)h->total_ms / 60000.0 / (double)h->sessions : 0.0);
    y += put(d, draw, line, pct(u, 3), INK, x, y, w, TEXT_LEFT) + pct(u, 1.5);
    for (int i = 0; i < h->nplans && i < plans && i < 4; i++) { /* minutes per plan */
        char name[200], mins[48];
        /* TRANSLATORS: the History screen: a plan's minutes in all ("45 min"), short */
        snprintf(mins, sizeof mins, _("%lld min"), (long long)((h->plans[i].ms + 30000) / 60000));
        put(d, draw, fit(d->text, h->plans[i].name, pct(u, 2.6), w * 7 / 10, name, sizeof name), pct(u, 2.6), INK_SOFT,
            x, y, 0, TEXT_LEFT);
        y += put(d, draw, mins, pct(u, 2.6), INK_SOFT, x + w, y, 0, TEXT_RIGHT) + pct(u, 0.5);
    }
    y += pct(u, 1.5);
    history_trend_t first, last;
    if (!history_trend(h, &first, &last))
        return y;
    snprintf(line, sizeof line,
             /* TRANSLATORS: the History screen: how a client's sessions changed; %s is the client (a
                pseudonym), then how many sessions the figures below average, from the first ones to the
                latest ones; the line under it gives the figures */
             P_("%s, the first %d session \xE2\x86\x92 the latest %d:",
                "%s, the first %d sessions \xE2\x86\x92 the latest %d:", first.sessions),
             h->client, first.sessions, last.sessions);
    y += put(d, draw, line, pct(u, 2.8), INK_SOFT, x, y, w, TEXT_LEFT) + pct(u, 0.5);
    if (first.rated && last.rated)
        snprintf(line, sizeof line,
                 /* TRANSLATORS: the History screen: a client's first sessions, then (the arrow) the latest,
                    on average: minutes, look-backs (times the child looked back to the adult) and the
                    rating from 1 to 5 */
                 _("%.0f \xE2\x86\x92 %.0f min \xC2\xB7 %.1f \xE2\x86\x92 %.1f look-backs \xC2\xB7 "
                   "rating %.1f \xE2\x86\x92 %.1f"),
                 first.minutes, last.minutes, first.look_backs, last.look_backs, first.rating, last.rating);
    else
        /* TRANSLATORS: as the line with a rating, for sessions without one */
        snprintf(line, sizeof line, _("%.0f \xE2\x86\x92 %.0f min \xC2\xB7 %.1f \xE2\x86\x92 %.1f look-backs"),
                 first.minutes, last.minutes, first.look_backs, last.look_backs);
    return y + put(d, draw, line, pct(u, 2.8), INK, x, y, w, TEXT_LEFT);
}

/* The title, and the client hint beside it (under it when there is no room). Returns the
 * bottom of the two. */
static int draw_head(draw_t *d, const char *client_hint, int margin, int u)
{
    /* TRANSLATORS: the History screen's title */
    const char *title = _("History");
    int tw, th, hw, hh, room = d->w - 2 * margin - pct(u, 4);
    text_measure(d->text, title, pct(u, 6.5), 0, &tw, &th);
    text_draw(d->text, title, pct(u, 6.5), INK, margin, pct(d->h, 4), 0, TEXT_LEFT);
    int px = draw_fit_line(d, client_hint, pct(u, 3), room - tw);
    text_measure(d->text, client_hint, px, 0, &hw, &hh);
    if (hw <= room - tw && px * 4 >= pct(u, 3) * 3) { /* beside it, at three quarters of the size or more */
        text_draw(d->text, client_hint, px, INK_SOFT, d->w - margin, pct(d->h, 6), 0, TEXT_RIGHT);
        return pct(d->h, 4) + th;
    }
    int y = pct(d->h, 4) + th; /* a narrow window: under the title (wrapped if it must) */
    text_measure(d->text, client_hint, pct(u, 3), 0, &hw, &hh);
    return y + text_draw(d->text, client_hint, pct(u, 3), INK_SOFT, d->w - margin, y,
                         hw > d->w - 2 * margin ? d->w - 2 * margin : 0, TEXT_RIGHT);
}

/* The week, the chart, the latest sessions and the totals from top to bottom: in two columns,
 * or in one on a narrow window (the chart shorter); the list lists as many sessions as leave
 * room for the totals. */
static void draw_body(draw_t *d, const history_t *h, int top, int bottom, int margin, int u)
{
    int half = (d->w - 3 * margin) / 2, x = 2 * margin + half, w = half, y = top, line = pct(u, 5);
    if (d->w < d->h) {
        w = d->w - 2 * margin;
        x = margin;
        draw_week(d, h, margin, top, w, u);
        draw_chart(d, h, margin, top + pct(u, 27), w, pct(d->h, 17), u);
        y = top + pct(u, 27) + pct(d->h, 17) + pct(u, 2);
    } else {
        draw_week(d, h, margin, top, half, u);
        draw_chart(d, h, margin, top + pct(u, 27), half, pct(d->h, 40), u);
    }
    int plans = 4, rows = 0; /* three sessions at least, if need be with fewer plans' minutes */
    for (; plans >= 0; plans -= 2) {
        rows = (bottom - draw_summary(d, h, x, 0, w, u, plans, false) - pct(u, 4) - y - pct(u, 6)) / line;
        if (rows >= 3 || plans == 0)
            break;
    }
    if (rows > 0) /* (a heading over no rows says nothing) */
        y = draw_last(d, h, x, y, w, rows > HISTORY_LAST ? HISTORY_LAST : rows, u) + pct(u, 4);
    draw_summary(d, h, x, y, w, u, plans, true);
}

void historyscreen_draw(draw_t *d, const historyscreen_t *hs, const char *client_hint, const draw_overlay_t *o)
{
    SDL_SetRenderDrawColor(d->renderer, o->bg.r, o->bg.g, o->bg.b, 255);
    SDL_RenderClear(d->renderer);
    int u = d->w < d->h ? d->w : d->h, margin = pct(d->w, 5);
    int head = draw_head(d, client_hint, margin, u);
    const history_t *h = hs->h;
    if (!h || hs->error[0] || hs->missing) {
        const char *msg = hs->error[0] ? hs->error
                                       /* TRANSLATORS: the History screen when the log is empty */
                                       : _("No sessions logged yet. They will appear here after the first one.");
        text_draw(d->text, msg, pct(u, 4), INK, d->w / 2, pct(d->h, 40), d->w * 8 / 10, TEXT_CENTER);
    } else {
        int top = pct(d->h, 18) > head + pct(u, 3) ? pct(d->h, 18) : head + pct(u, 3);
        draw_body(d, h, top, d->h - pct(d->h, 6) - pct(u, 1), margin, u);
    }
    char foot[240];
    if (hs->bad)
        snprintf(foot, sizeof foot,
                 /* TRANSLATORS: the History screen's foot: Esc is the key (it stays); damaged lines of the
                    log file were left out, and each is named on the terminal */
                 P_("Esc: back \xC2\xB7 %ld damaged line of the log skipped (named in the terminal)",
                    "Esc: back \xC2\xB7 %ld damaged lines of the log skipped (named in the terminal)", hs->bad),
                 hs->bad);
    else
        /* TRANSLATORS: the History screen's foot: Esc is the key (it stays as it is) */
        snprintf(foot, sizeof foot, "%s", _("Esc: back"));
    text_draw(d->text, foot, pct(u, 2.8), INK_SOFT, d->w / 2, d->h - pct(d->h, 6), 0, TEXT_CENTER);
    draw_overlays(d, o);
}
