/* Lays out and renders the form screens (Adjust, music, client, plan problems) and the ready
 * screen with the real font into software targets at six sizes, in both themes, with long
 * German-like texts: every box inside the window, none overlapping, the chosen row in view,
 * the panel's last line (the total) shown, buttons a finger's size, taps on each row and
 * button found again, and a caption never over a button. SAFEBASE_SHOTS=DIR writes each
 * picture there as BMP. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/plan/plan.h"
#include "platform/screen/draw.h"
#include "platform/screen/formscreen.h"

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
    draw_begin(&t->draw);
    return true;
}

static void target_close(target_t *t)
{
    draw_free(&t->draw);
    text_close(t->text);
    SDL_DestroyRenderer(t->r);
    SDL_FreeSurface(t->surf);
}

static void shot(const target_t *t, const char *name)
{
    const char *dir = getenv("SAFEBASE_SHOTS");
    if (!dir)
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/%s-%dx%d-%s.bmp", dir, name, t->surf->w, t->surf->h,
             t->draw.pal.ink.g == 255 ? "contrast" : "calm");
    SDL_SaveBMP(t->surf, path);
}

static Uint32 pixel(const target_t *t, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)t->surf->pixels + y * t->surf->pitch))[x];
}

static bool inside(SDL_Rect r, int w, int h)
{
    return r.w <= 0 || (r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h);
}

static bool within(SDL_Rect in, SDL_Rect out)
{
    return in.w <= 0 || (in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w && in.y + in.h <= out.y + out.h);
}

static bool overlap(SDL_Rect a, SDL_Rect b)
{
    return a.w > 0 && b.w > 0 && a.h > 0 && b.h > 0 && SDL_HasIntersection(&a, &b);
}

/* Every box of n inside the window and none overlapping another. */
static void disjoint(const SDL_Rect *box, int n, int w, int h, const char *what)
{
    int before = check_failed;
    for (int i = 0; i < n; i++) {
        CHECK(inside(box[i], w, h));
        for (int j = i + 1; j < n; j++) {
            CHECK(!overlap(box[i], box[j]));
            if (overlap(box[i], box[j]))
                fprintf(stderr, "  %s: box %d (%d,%d %dx%d) overlaps box %d (%d,%d %dx%d)\n", what, i, box[i].x,
                        box[i].y, box[i].w, box[i].h, j, box[j].x, box[j].y, box[j].w, box[j].h);
        }
    }
    if (check_failed != before)
        fprintf(stderr, "  ... %s at %dx%d\n", what, w, h);
}

static float fx(const target_t *t, int x) { return (x + 0.5f) / (float)t->surf->w; }
static float fy(const target_t *t, int y) { return (y + 0.5f) / (float)t->surf->h; }

static void check_form(target_t *t, const draw_form_t *f, const char *name)
{
    int w = t->surf->w, h = t->surf->h, u = w < h ? w : h, before = check_failed;
    draw_form_layout_t l;
    draw_form_layout(&t->draw, f, &l);
    SDL_Rect all[DRAW_FORM_ROWS_SHOWN + DRAW_FORM_MAX_BUTTONS + 8];
    int n = 0;
    all[n++] = l.title, all[n++] = l.subtitle, all[n++] = l.field, all[n++] = l.field_note, all[n++] = l.side;
    all[n++] = l.hint, all[n++] = l.more_up, all[n++] = l.more_down;
    for (int k = 0; k < l.shown; k++) {
        all[n++] = l.row[k];
        CHECK(within(l.label[k], l.row[k]) && within(l.value[k], l.row[k]));
        CHECK(!overlap(l.label[k], l.value[k]));
        CHECK(l.label_px[k] >= 12);
        CHECK(l.row[k].h >= 30 && l.row_step >= 36);
    }
    for (int i = 0; i < l.nbuttons; i++) {
        all[n++] = l.button[i];
        CHECK(l.button[i].h >= 48 && l.button[i].h >= u * 8 / 100);
        CHECK_EQ_INT(draw_form_hit(&t->draw, f, fx(t, l.button[i].x + l.button[i].w / 2),
                                   fy(t, l.button[i].y + l.button[i].h / 2)), DRAW_FORM_BUTTON + i);
    }
    disjoint(all, n, w, h, name);
    CHECK(l.title.w > 0 && l.title_px >= u * 4 / 100);
    int nb = 0;
    while (nb < DRAW_FORM_MAX_BUTTONS && f->buttons[nb] && (f->nbuttons <= 0 || nb < f->nbuttons))
        nb++;
    CHECK_EQ_INT(l.nbuttons, nb);
    if (f->count > 0 && f->sel >= 0) /* the chosen row in view */
        CHECK(l.first <= f->sel && f->sel < l.first + l.shown);
    CHECK(l.shown > 0 || f->count == 0);
    CHECK(l.more_below == (l.first + l.shown < f->count));
    CHECK((l.more_down.w > 0) == l.more_below && (l.more_up.w > 0) == l.more_above);
    for (int k = 0; k < l.shown; k++) { /* taps on each row, and on the chosen row's ◂ and ▸ */
        SDL_Rect r = l.row[k], v = l.value[k];
        int i = l.first + k;
        CHECK_EQ_INT(draw_form_hit(&t->draw, f, fx(t, r.x + 4), fy(t, r.y + r.h / 2)), i);
        if (f->arrows && i == f->sel) {
            CHECK(v.w >= 3 * 40);
            CHECK_EQ_INT(draw_form_hit(&t->draw, f, fx(t, v.x + v.w / 6), fy(t, r.y + r.h / 2)), DRAW_FORM_LEFT_OF + i);
            CHECK_EQ_INT(draw_form_hit(&t->draw, f, fx(t, v.x + v.w * 5 / 6), fy(t, r.y + r.h / 2)),
                         DRAW_FORM_RIGHT_OF + i);
            CHECK_EQ_INT(draw_form_hit(&t->draw, f, fx(t, v.x + v.w / 2), fy(t, r.y + r.h / 2)), i);
        }
    }
    CHECK_EQ_INT(draw_form_hit(&t->draw, f, fx(t, 1), fy(t, 1)), -1);
    if (f->nside > 0) { /* the panel's lines inside it, apart, and the last one (the total) shown */
        CHECK(l.side_shown >= 3 && l.side_shown <= f->nside);
        CHECK_EQ_INT(l.side_index[l.side_shown - 1], f->nside - 1);
        SDL_Rect lines[DRAW_FORM_MAX_SIDE + 1];
        int m = 0;
        lines[m++] = l.side_head;
        for (int k = 0; k < l.side_shown; k++) {
            CHECK(within(l.side_line[k], l.side));
            lines[m++] = l.side_line[k];
        }
        CHECK(within(l.side_head, l.side));
        disjoint(lines, m, w, h, "side panel");
    }
    if (check_failed != before)
        fprintf(stderr, "  ... the %s form at %dx%d\n", name, w, h);
}

/* The form drawn with and without a caption: no pixel of a button changes. */
static void caption_clear(target_t *t, const draw_form_t *f, const draw_form_layout_t *l)
{
    draw_overlay_t o = { .bg = draw_menu_colour(&t->draw) };
    draw_form(&t->draw, f, &o);
    SDL_RenderFlush(t->r);
    Uint32 *saved = malloc((size_t)t->surf->pitch * (size_t)t->surf->h);
    memcpy(saved, t->surf->pixels, (size_t)t->surf->pitch * (size_t)t->surf->h);
    o.banner = "\xE2\x99\xAA Die Musik ist gew\xC3\xA4hlt und wird zum Beginn der Sitzung leise eingeblendet";
    draw_form(&t->draw, f, &o);
    SDL_RenderFlush(t->r);
    int changed = 0, caption = 0;
    for (int y = 0; y < t->surf->h; y++)
        for (int x = 0; x < t->surf->w; x++) {
            bool diff = pixel(t, x, y) != saved[y * (t->surf->pitch / 4) + x];
            caption += diff;
            SDL_Point p = { x, y };
            for (int i = 0; i < l->nbuttons; i++)
                changed += diff && SDL_PointInRect(&p, &l->button[i]);
        }
    CHECK_EQ_INT(changed, 0);
    CHECK(caption > 100);
    free(saved);
}

static const char *const adjust_labels[] = {
    "L\xC3\xA4nge der gesamten Sitzung",        "Trennungsphasen werden schrittweise l\xC3\xA4nger",
    "Musik w\xC3\xA4hrend der Wiederverbindung", "Atemf\xC3\xBChrung in der Ankommensphase",
    "Sanfter Hinweis vor dem Ende",              "Lautst\xC3\xA4rke der Glocke",
    "Anzahl der Wiederholungen",                 "Schlussphase",
};
static const char *const adjust_values[] = {
    "20 min", "um 30 Sekunden", "Eigene Musik", "6 Atemz\xC3\xBCge pro Minute", "2 min vorher", "leise", "3", "aus",
};
static const char *const side_lines[] = {
    "1. Ankommen und gemeinsam atmen  \xC2\xB7  2 min", "2. Verbinden: gemeinsam spielen  \xC2\xB7  3 min",
    "3. Kleiner Schritt auseinander  \xC2\xB7  1 min",   "4. Wieder zusammen  \xC2\xB7  2 min",
    "5. Kleiner Schritt auseinander  \xC2\xB7  1 min 30 s", "6. Wieder zusammen  \xC2\xB7  2 min",
    "7. Gr\xC3\xB6\xC3\x9F" "erer Schritt auseinander  \xC2\xB7  2 min", "8. Wieder zusammen  \xC2\xB7  2 min",
    "9. Tanz der sicheren Basis mit R\xC3\xBC" "ckblicken  \xC2\xB7  3 min", "10. Wieder zusammen  \xC2\xB7  1 min",
    "11. Zur Ruhe kommen  \xC2\xB7  1 min",              "12. Abschied und Ausklang  \xC2\xB7  30 s",
    "",                                                  "Gesamt: 20 min 30 s",
};
static const char *const problem_labels[] = { "Zeile 12", "Zeile 31", "Zeile 47", "Zeile 48", "Zeile 102" };
static const char *const problem_values[] = {
    "Unbekannter Schl\xC3\xBCssel \xE2\x80\x9E" "duraton\xE2\x80\x9C (gemeint ist vielleicht \xE2\x80\x9E" "duration\xE2\x80\x9C)",
    "Die Dauer \xE2\x80\x9E" "zwanzig\xE2\x80\x9C ist keine Zeitangabe: schreibe etwa 20m oder 1m30s",
    "Eine Phase ohne Namen", "kind muss connect, separate, play, settle oder close sein",
    "Die Datei endet mitten in einer Phase: es fehlt die Dauer der letzten Phase \xE2\x80\x9E" "Abschied\xE2\x80\x9C",
};

static void forms_at(int w, int h, theme_t theme)
{
    target_t t;
    if (!target_open(&t, w, h, theme)) {
        CHECK(!"a software target with the font");
        return;
    }
    char music[40][80], tracks[40][32];
    const char *music_labels[40], *music_values[40];
    for (int i = 0; i < 40; i++) {
        snprintf(music[i], sizeof music[i], "Kinder/Tanzmusik f\xC3\xBCr ruhige Nachmittage %d", i + 1);
        snprintf(tracks[i], sizeof tracks[i], "%d Titel", 24 + i);
        music_labels[i] = music[i], music_values[i] = tracks[i];
    }
    const char *hint = "Auf/Ab: Zeile w\xC3\xA4hlen \xC2\xB7 Links/Rechts: \xC3\xA4ndern \xC2\xB7 Enter: speichern \xC2\xB7 "
                       "Esc: verlassen ohne zu speichern";
    draw_form_t adjust = { .title = "Anpassen: Besondere Spielzeit mit dem Geschwisterkind",
                           .subtitle = "\xC3\x84nderungen gelten ab der n\xC3\xA4" "chsten Sitzung; der Plan bleibt wie er war",
                           .labels = adjust_labels, .values = adjust_values, .count = 8, .sel = 6, .arrows = true,
                           .side = side_lines, .nside = 14, .side_title = "Der Plan jetzt", .hint = hint,
                           .buttons = { "Speichern", "Als neuen Plan speichern", "Abbrechen" }, .nbuttons = 3 };
    draw_form_t chooser = { .title = "Musik w\xC3\xA4hlen", .subtitle = "Aus dem Ordner Musik",
                            .labels = music_labels, .values = music_values, .count = 40, .sel = 0, .hint = hint,
                            .buttons = { "W\xC3\xA4hlen", "Keine Musik", "Abbrechen" } };
    draw_form_t client = { .title = "Neue Klientin, neuer Klient", .subtitle = "Type a pseudonym",
                           .field = "Robin-Maximilian von Hohenzollern-Sigmaringen der J\xC3\xBCngere",
                           .field_note = "Pseudonyms only: no real names", .labels = adjust_labels, .count = 3,
                           .sel = -1, .hint = "Enter: speichern \xC2\xB7 Esc: zur\xC3\xBC" "ck",
                           .buttons = { "Speichern", "Abbrechen" }, .nbuttons = 2 };
    draw_form_t problems = { .title = "Der Plan hat Fehler: geschwister-spielzeit.plan",
                             .labels = problem_labels, .values = problem_values, .count = 5, .sel = 1,
                             .hint = "Auf/Ab: Zeile w\xC3\xA4hlen \xC2\xB7 Esc: zur\xC3\xBC" "ck",
                             .buttons = { "Zur\xC3\xBC" "ck" }, .nbuttons = 1 };
    draw_form_t *forms[] = { &adjust, &chooser, &client, &problems };
    const char *names[] = { "adjust", "music", "client", "problems" };
    draw_overlay_t o = { .bg = draw_menu_colour(&t.draw) };
    for (int k = 0; k < 4; k++) {
        draw_begin(&t.draw);
        draw_form(&t.draw, forms[k], &o);
        SDL_RenderFlush(t.r);
        shot(&t, names[k]);
        check_form(&t, forms[k], names[k]);
    }
    for (int sel = 0; sel < 40; sel += 3) { /* scrolled through the music */
        chooser.sel = sel;
        check_form(&t, &chooser, "music");
    }
    chooser.sel = 39;
    check_form(&t, &chooser, "music");
    client.field = ""; /* empty: the caret alone */
    check_form(&t, &client, "client");
    draw_form(&t.draw, &client, &o);
    adjust.sel = 0;
    draw_form_layout_t l;
    draw_form_layout(&t.draw, &adjust, &l);
    caption_clear(&t, &adjust, &l);
    target_close(&t);
}

static const char plan_text[] =
    "[plan]\ntitle = Verbinden, trennen, verbinden: sanft, f\xC3\xBCr Geschwisterkinder\n"
    "audience = therapist\n"
    "description = Ein Wechsel von N\xC3\xA4he und kleinen Trennungen, in dem das Kind f\xC3\xBChrt und die "
    "Erwachsene sichtbar und freundlich da bleibt, auch wenn es l\xC3\xA4nger dauert.\n"
    "[phase Gemeinsam ankommen und zur Ruhe kommen]\nkind = connect\nduration = 2m\n"
    "[phase Kleiner Schritt]\nkind = separate\nduration = 1m\n";

static void ready_at(int w, int h, theme_t theme, const plan_t *plan)
{
    target_t t;
    if (!target_open(&t, w, h, theme)) {
        CHECK(!"a software target with the font");
        return;
    }
    int before = check_failed, u = w < h ? w : h;
    draw_ready_t r = { .music = "Music: Kids/Dance f\xC3\xBCr ruhige Nachmittage (24 tracks)",
                       .client = "Client: Robin-Maximilian",
                       .buttons = { "Adjust  E", "Music  M", "Client  N", "Keep  K", "History  H" },
                       .nbuttons = 5 };
    draw_overlay_t o = { .bg = draw_menu_colour(&t.draw) };
    draw_ready(&t.draw, plan, &r, &o);
    SDL_RenderFlush(t.r);
    shot(&t, "ready");
    draw_ready_layout_t l;
    draw_ready_layout(&t.draw, plan, &r, &l);
    SDL_Rect all[DRAW_READY_LINES + 2 + DRAW_READY_BUTTONS];
    int n = 0;
    for (int i = 0; i < DRAW_READY_LINES; i++) {
        all[n++] = l.line[i];
        CHECK(l.line[i].w > 0);
        if (i > 0) /* "Press Space to start" the biggest after the title */
            CHECK(l.start_px > l.px[i]);
    }
    all[n++] = l.start, all[n++] = l.keys;
    CHECK_EQ_INT(l.nbuttons, 5);
    for (int i = 0; i < l.nbuttons; i++) {
        all[n++] = l.button[i];
        CHECK(l.button[i].h >= 48 && l.button[i].h >= u * 8 / 100);
        CHECK(l.button[i].y > l.keys.y + l.keys.h); /* under the start hint */
        CHECK_EQ_INT(draw_ready_button_at(&t.draw, &r, fx(&t, l.button[i].x + l.button[i].w / 2),
                                          fy(&t, l.button[i].y + l.button[i].h / 2)), i);
    }
    disjoint(all, n, w, h, "ready");
    CHECK(l.start.w > 0 && l.start.h >= l.start_px);
    CHECK_EQ_INT(draw_ready_button_at(&t.draw, &r, fx(&t, l.start.x + l.start.w / 2), fy(&t, l.start.y + 2)), -1);
    /* a caption sits above the buttons */
    Uint32 *saved = malloc((size_t)t.surf->pitch * (size_t)h);
    memcpy(saved, t.surf->pixels, (size_t)t.surf->pitch * (size_t)h);
    o.banner = "\xE2\x99\xAA Die Musik ist gew\xC3\xA4hlt: Kinder/Tanz, 24 Titel";
    draw_ready(&t.draw, plan, &r, &o);
    SDL_RenderFlush(t.r);
    int changed = 0;
    for (int i = 0; i < l.nbuttons; i++)
        for (int y = l.button[i].y; y < l.button[i].y + l.button[i].h; y++)
            for (int x = l.button[i].x; x < l.button[i].x + l.button[i].w; x++)
                changed += pixel(&t, x, y) != saved[y * (t.surf->pitch / 4) + x];
    CHECK_EQ_INT(changed, 0);
    free(saved);
    /* no buttons and no music or client lines: as the ready screen was */
    draw_ready_t bare = { 0 };
    draw_ready_layout(&t.draw, plan, &bare, &l);
    CHECK(l.nbuttons == 0 && l.line[4].w == 0 && l.line[5].w == 0);
    CHECK(inside(l.start, w, h) && inside(l.keys, w, h) && !overlap(l.start, l.line[3]));
    CHECK_EQ_INT(draw_ready_button_at(&t.draw, &bare, 0.5f, 0.95f), -1);
    if (check_failed != before)
        fprintf(stderr, "  ... the ready screen at %dx%d\n", w, h);
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
    bool parsed = plan_parse(plan_text, sizeof plan_text - 1, &plan, &errs);
    CHECK(parsed);
    for (int i = 0; !parsed && i < errs.count; i++)
        fprintf(stderr, "  plan line %d: %s\n", errs.items[i].line, errs.items[i].message);
    if (!parsed)
        return check_summary();
    static const int sizes[][2] = { { 1920, 1080 }, { 1366, 768 }, { 1280, 720 },
                                    { 800, 600 },   { 1080, 1920 }, { 720, 1280 } };
    for (int s = 0; s < 6; s++)
        for (int theme = 0; theme < 2; theme++) {
            forms_at(sizes[s][0], sizes[s][1], theme ? THEME_CONTRAST : THEME_CALM);
            ready_at(sizes[s][0], sizes[s][1], theme ? THEME_CONTRAST : THEME_CALM, &plan);
        }
    plan_free(&plan);
    SDL_Quit();
    return check_summary();
}
