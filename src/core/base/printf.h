/* PRINTF_LIKE(f, a): the compiler checks a printf-like function's format (its argument f)
 * against the arguments from a (0 for a va_list). MinGW's GCC reads "printf" as Microsoft's
 * older dialect (no %zu): the Windows build formats with MinGW's own printf, so gnu_printf. */
#ifndef SAFEBASE_CORE_PRINTF_H
#define SAFEBASE_CORE_PRINTF_H

#ifdef __MINGW32__
#define PRINTF_LIKE(f, a) __attribute__((format(gnu_printf, f, a)))
#else
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#endif

#endif
