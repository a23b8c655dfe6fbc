/* The decoder thread's entry (audio.c starts it with the engine as its argument). */
#ifndef SAFEBASE_PLATFORM_AUDIODEC_H
#define SAFEBASE_PLATFORM_AUDIODEC_H

/* Runs until the engine's quit flag is set; returns 0. */
int audiodec_main(void *arg);

#endif
