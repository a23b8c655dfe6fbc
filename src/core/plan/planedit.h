/* Adjusting a plan (the ready screen's E): a few rows (length, rounds, separation...) stepped
 * up and down by editing the plan's SOURCE TEXT, so comments, prompts, notes and [repeat]
 * blocks stay as written and the saved file is an ordinary plan that plan_parse accepts.
 * libc only: never includes SDL, never reads a clock or a file; errors are values.
 *
 * The rows and their steps (Right/Up = dir +1, Left/Down = dir -1):
 * - Length: the plan's total, on a ladder of 1, 2, 3, 4, 5, 10, 15, 20, 25, 30, 40, 45, 50,
 *   60, 75, 90, 120, 150, 180 minutes, then every hour up to 12 h. A step goes to the next
 *   ladder length above (or below) the total now. The phases outside any [repeat] are made
 *   longer or shorter in proportion (to 5 s, at least 10 s each; what rounding leaves over
 *   goes to the longest of them, so the total lands on the ladder exactly); their proportions
 *   are those of the plan as opened, until Separation or Connect changes one of them. The
 *   rounds are left alone. When every phase is inside a repeat, every duration and grow is
 *   scaled instead (the total then lands within half a second a round of the ladder).
 * - Rounds: the count of the first [repeat N], 1 to 50.
 * - First separation / Connect time: the duration of the first separate (connect) phase, the
 *   one inside a repeat if there is one there. Steps of 5 s up to 1 min, 15 s to 5 min,
 *   1 min to 30 min, then 5 min; at least 5 s.
 * - Separation grows by: that phase's grow, 0 ("None") to 5 min: 5 s steps to 1 min, then 15 s.
 * - Music: not stepped; set with planedit_set_music (the file chooser's answer).
 * - Breathing pace: every phase with a breathing guide gets the same whole pace, 2 to 20 a
 *   minute; shown as the first's.
 * - Ending-soon warning: None, 30 s, 1, 2, 3, 5 or 10 min before the end (only shorter than
 *   the plan).
 * - Child view: Yes or No; either direction toggles.
 * A step that would break a limit (a phase over 3 h, the plan over 12 h or 200 phases, a
 * scaled phase under 10 s) changes nothing and returns false. When a phase gets as short as
 * its "warn" (or the plan as its end_warning), the warning drops to half the length, rounded
 * down to 5 s, or is removed when that would be 0.
 *
 * A key that is in the text has its value replaced on its own line (spelling and indentation
 * kept); a missing one is added as "key = value" after the section's last key line (grow
 * after duration). A key stepped back to its default (grow 0, end_warning none, child_view
 * no) loses its line, so stepping up and back down gives the file back as it was. Durations
 * are written as "11m30s", "45s", "2m", "1h5m". The file's line end (LF, CRLF or CR) is
 * kept; a byte order mark is dropped. Every change is parsed again with plan_parse and
 * undone if it does not parse: the text always parses. */
#ifndef SAFEBASE_CORE_PLANEDIT_H
#define SAFEBASE_CORE_PLANEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/plan/plan.h"

#define PLANEDIT_LINE 160             /* bytes in one line of planedit_outline, NUL included */

typedef enum {
    PLANEDIT_LENGTH,
    PLANEDIT_ROUNDS,
    PLANEDIT_SEPARATION,
    PLANEDIT_GROWTH,
    PLANEDIT_CONNECT,
    PLANEDIT_MUSIC,
    PLANEDIT_BREATHING,
    PLANEDIT_END_WARNING,
    PLANEDIT_CHILD_VIEW,
    PLANEDIT_ROW_KINDS
} planedit_row_t;

/* The text as lines, without their line ends. */
typedef struct {
    char **line;                      /* owned, each owned */
    int n, cap;
} planedit_doc_t;

typedef struct planedit_scan planedit_scan_t;   /* where sections and keys are (planedit_doc.h) */

typedef struct {
    planedit_doc_t doc;               /* the text now, as lines */
    char eol[3];                      /* the file's line end: "\n", "\r\n" or "\r" */
    bool final_eol;                   /* the text ends with a line end */
    char *text;                       /* owned: doc joined, what plan was parsed from */
    size_t len;
    char *opened;                     /* owned: the text as opened (BOM dropped, ends made one) */
    size_t opened_len;
    char *source_dir;                 /* owned; NULL when none was given */
    plan_t plan;                      /* parsed from text */
    planedit_scan_t *scan;            /* owned */
    int64_t weight[PLAN_MAX_PHASES];  /* Length's proportions, per phase as written */
} planedit_t;

/* Opens text (a whole plan file) for adjusting; source_dir is the folder the file lives in
 * (relative music/track paths are relative to it; may be NULL). False, with the plan's
 * mistakes in errs (may be NULL), when it does not parse or memory runs out; *e is then
 * zeroed, and planedit_free is safe on it either way. */
bool planedit_open(planedit_t *e, const char *text, size_t len, const char *source_dir,
                   plan_errors_t *errs);
void planedit_free(planedit_t *e);

/* The rows this plan has, in screen order, PLANEDIT_LENGTH always first; returns how many.
 * Rounds only with a [repeat]; First separation with a separate-kind phase (Separation grows
 * by only if that phase is inside a repeat); Connect time with a connect-kind phase;
 * Breathing pace only when some phase has breathe; Music, Ending-soon warning and Child view
 * always. */
int planedit_rows(const planedit_t *e, planedit_row_t rows[PLANEDIT_ROW_KINDS]);

/* "Length", "Rounds", "First separation", "Separation grows by", "Connect time", "Music",
 * "Breathing pace", "Ending-soon warning", "Child view". */
const char *planedit_label(planedit_row_t row);

/* The row's value for the screen: "20 min", "3", "20 s", "20 s a round" / "None", "1 min",
 * "Safe Base's music" / "None" / the file or folder's base name, "6 a minute",
 * "2 min before the end" / "None", "Yes" / "No". Empty for a row the plan does not have. */
void planedit_value(const planedit_t *e, planedit_row_t row, char *buf, size_t size);

/* One step up (dir +1) or down (-1). Returns false and changes nothing at a limit, for a row
 * the plan does not have, or for MUSIC. */
bool planedit_step(planedit_t *e, planedit_row_t row, int dir);

/* Sets the plan's music ([plan] music key): "builtin", "none", or an absolute path. False
 * (nothing changed) if it would not parse or has control characters or spaces at either end. */
bool planedit_set_music(planedit_t *e, const char *music);

/* The plan's music key as it is now ("builtin" and "none" lower-cased); NULL: none given. */
const char *planedit_music(const planedit_t *e);

/* The plan as it is now (parsed from the current text): for the preview and for running it
 * unsaved. Borrowed: valid until the next change or planedit_free. */
const plan_t *planedit_plan(const planedit_t *e);

/* The plan now as lines for a preview, at most max: "Arrive · 1 min 30 s",
 * "3 rounds of: Together 1 min, Apart 20 s to 1 min", "Reunion · 2 min", last "Total: 10 min".
 * When they do not all fit, the last phase line is "..." (the total is always there).
 * Lines too long end in "...". Returns how many. */
int planedit_outline(const planedit_t *e, char lines[][PLANEDIT_LINE], int max);

/* Anything differs from what was opened (stepping back to it counts as no change). */
bool planedit_changed(const planedit_t *e);

/* The whole file to save (malloc'd, caller frees): first the comment
 * "# Adjusted in Safe Base on DATE from FROM." (wrapped onto more "# " lines when long; no
 * "on DATE" when date is NULL), then the current text with the [plan] title set to title
 * (control characters made spaces, cut to PLAN_MAX_TITLE_CHARS), and every relative music and
 * track path (not "builtin"/"none", not absolute) made absolute against source_dir, since the
 * saved file lives in another folder. When title is NULL the title is kept; when from is NULL
 * there is no comment. The result parses with plan_parse to the same phases; NULL on out of
 * memory or if it would not (a path too long for a line). */
char *planedit_text(const planedit_t *e, const char *title, const char *from, const char *date);

/* A title for the user's own copy: base's own trailing " (yours)" or " (yours N)" removed,
 * then " (yours)", or " (yours 2)", " (yours 3)"... whichever no title in taken[0..n) has
 * (ASCII case-insensitive); base shortened at a UTF-8 character boundary so the result has at
 * most PLAN_MAX_TITLE_CHARS characters (and fits out[size]). An empty base is "My plan". */
void planedit_own_title(const char *base, const char *const *taken, int n, char *out, size_t size);

/* A file name stem for a title: lower-case ASCII letters and digits, runs of anything else
 * become one '-', no leading/trailing '-', at most 60 bytes; "plan" when nothing is left.
 * "Special playtime (yours 2)" -> "special-playtime-yours-2". */
void planedit_file_stem(const char *title, char *out, size_t size);

#endif
