/* The log's share of the app's state: this run's journal, the end screen's answer, the
 * History screen and the client labels used before. Types only; applog.c does the work. */
#ifndef SAFEBASE_PLATFORM_LOGSTATE_H
#define SAFEBASE_PLATFORM_LOGSTATE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/log/record.h"
#include "platform/screen/endscreen.h"
#include "platform/screen/historyscreen.h"
#include "platform/log/journalfile.h"

#define APPLOG_MAX_CLIENTS 12

typedef struct {
    journalfile_t journal;       /* records not yet safely in the log */
    bool journal_ready;          /* journalfile_init worked */
    endscreen_t end;
    historyscreen_t history;
    char clients[APPLOG_MAX_CLIENTS][RECORD_MAX_CLIENT + 1]; /* labels used before, newest first */
    int nclients;
    int client;                  /* index of the label for the next session; -1 = none */
    int history_client;          /* the History screen's filter; -1 = every client */
    int64_t next_checkpoint_ms;  /* while a session runs */
    int64_t next_retry_ms;       /* while records wait for the log */
    char problem[5200];           /* the last problem shown (not repeated every checkpoint) */
} applog_t;

#endif
