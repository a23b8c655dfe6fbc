/* Private to planedit*.c: a plan's text as editable lines (planedit_doc.c), where its sections
 * and keys are, setting a key's value on its own line, and what the files share. libc only;
 * the text handed in has parsed, so its shape is known good; never prints. */
#ifndef SAFEBASE_CORE_PLANEDIT_DOC_H
#define SAFEBASE_CORE_PLANEDIT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/plan/planedit.h"

/* One [phase] as written (before repeats are expanded). */
typedef struct {
    int head, end;                    /* its header line; the first line after its section */
    int rep;                          /* index of its [repeat] in scan.rep, -1 outside one */
    phase_kind_t kind;
    int64_t dur, grow, warn;
    double breathe;                   /* 0: no guide */
} planedit_raw_t;

typedef struct {
    int head;                         /* the [repeat N] line */
    int count;
} planedit_rep_t;

struct planedit_scan {
    int plan_head, plan_end;          /* [plan] and the first line after its section */
    int64_t end_warning;
    bool child_view;
    planedit_raw_t ph[PLAN_MAX_PHASES];
    int nph;
    planedit_rep_t rep[PLAN_MAX_PHASES];
    int nrep;
};

/* Splits text (BOM dropped) into d's lines; the first line end found is the file's. */
bool planedit_doc_split(planedit_doc_t *d, const char *text, size_t len, char eol[3],
                        bool *final_eol);
bool planedit_doc_clone(planedit_doc_t *dst, const planedit_doc_t *src);
void planedit_doc_free(planedit_doc_t *d);

/* The lines joined with eol, after head (may be NULL); malloc'd, NULL on out of memory. */
char *planedit_doc_join(const planedit_doc_t *d, const char *eol, bool final_eol,
                        const char *head, size_t *len);

/* Reads where the sections are and the values that the rows step. */
void planedit_doc_scan(const planedit_doc_t *d, planedit_scan_t *s);

/* The line of key in the section from its header head to end, or -1. */
int planedit_doc_find(const planedit_doc_t *d, int head, int end, const char *key);

/* The trimmed value of key line i into buf. */
char *planedit_doc_value(const planedit_doc_t *d, int i, char *buf, size_t size);

/* Sets key's value in the section (head, end): on its line, or added after the line of key
 * `after` (may be NULL), else after the section's last key line. False on out of memory. */
bool planedit_doc_set(planedit_doc_t *d, int head, int end, const char *key, const char *value,
                      const char *after);

void planedit_doc_delete(planedit_doc_t *d, int i);

/* Replaces the first run of digits in line i (a [repeat N]) with n. */
bool planedit_doc_set_count(planedit_doc_t *d, int i, int n);

/* A duration as people write it: "11m30s", "45s", "2m", "1h5m", "2.5s", "0". */
char *planedit_duration(int64_t ms, char *buf, size_t size);

/* planedit.c: the first phase of kind inside a repeat, else the first anywhere; -1 if none. */
int planedit_find_phase(const planedit_scan_t *s, phase_kind_t kind);

/* planedit.c: the first phase with a breathing guide, or -1. */
int planedit_first_breathing(const planedit_scan_t *s);

/* planedit.c: the plan has this row. */
bool planedit_has_row(const planedit_t *e, planedit_row_t row);

/* planedit.c: Length's proportions become the phases' durations now. */
void planedit_reset_weights(planedit_t *e);

/* The plan's total, with repeats and growth. */
int64_t planedit_scan_total(const planedit_scan_t *s);

#endif
