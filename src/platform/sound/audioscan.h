/* The loudness thread's entry (audio.c starts it with the engine as its argument). */
#ifndef SAFEBASE_PLATFORM_AUDIOSCAN_H
#define SAFEBASE_PLATFORM_AUDIOSCAN_H

/* Runs until the engine's quit flag is set; returns 0. */
int audioscan_main(void *arg);

#endif
