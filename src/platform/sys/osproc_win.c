/* osproc.h on Windows. */
#include "platform/sys/osproc.h"

#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <shellapi.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

char **osproc_args(int *argc, char **argv)
{
    int n = 0;
    wchar_t **wide = CommandLineToArgvW(GetCommandLineW(), &n);
    if (!wide) /* (no memory for it: the C runtime's, in the ANSI code page) */
        return argv;
    char **out = calloc((size_t)n + 1, sizeof *out);
    bool ok = out != NULL;
    for (int i = 0; ok && i < n; i++) {
        int len = WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, NULL, 0, NULL, NULL);
        out[i] = len > 0 ? malloc((size_t)len) : NULL;
        ok = out[i] != NULL && WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, out[i], len, NULL, NULL) == len;
    }
    LocalFree(wide);
    if (ok)
        *argc = n;
    return ok ? out : NULL; /* (out of memory at start: what was made is left to the exit) */
}

/* Whether the C runtime's stream for fd goes somewhere (a file, a pipe, a console given). */
static bool connected(int fd)
{
    intptr_t h = _get_osfhandle(fd);
    return h != -1 && h != -2 && h != 0;
}

static UINT console_code_page; /* the console's own, put back at exit */

static void restore_code_page(void)
{
    SetConsoleOutputCP(console_code_page);
}

void osproc_console(void)
{
    bool out = connected(1), err = connected(2);
    setvbuf(stderr, NULL, _IONBF, 0);
    if ((out && err) || !AttachConsole(ATTACH_PARENT_PROCESS))
        return; /* redirected, or started from Explorer: no console to speak on */
    if ((!out && !freopen("CONOUT$", "w", stdout)) || (!err && !freopen("CONOUT$", "w", stderr)))
        return;
    console_code_page = GetConsoleOutputCP();
    if (console_code_page != CP_UTF8 && SetConsoleOutputCP(CP_UTF8))
        atexit(restore_code_page);
}

int osproc_utc_offset(time_t t)
{
    struct tm local = { 0 };
    if (localtime_s(&local, &t) != 0)
        return 0;
    return (int)(_mkgmtime(&local) - t); /* local time read as if it were UTC, less UTC */
}

static volatile sig_atomic_t stop;

static BOOL WINAPI on_console(DWORD type)
{
    stop = 1;
    if (type == CTRL_CLOSE_EVENT || type == CTRL_LOGOFF_EVENT || type == CTRL_SHUTDOWN_EVENT)
        Sleep(4000); /* the process ends when this returns: the main loop ends the session first */
    return TRUE;
}

/* A hidden window of the main thread's, there to be told the session ends: Windows sends
 * WM_QUERYENDSESSION and WM_ENDSESSION to every top-level window (SDL's message hook sees only
 * posted messages), and SDL's event loop on this thread dispatches them. The function to call
 * rides in the window's user data (set before the loop can dispatch anything to it). */
static LRESULT CALLBACK on_message(HWND window, UINT message, WPARAM wparam, LPARAM lparam)
{
    if (message == WM_QUERYENDSESSION)
        return TRUE;
    if (message == WM_ENDSESSION) {
        void (*ending)(void) = (void (*)(void))GetWindowLongPtrW(window, GWLP_USERDATA);
        if (wparam && ending)
            ending();
        return 0;
    }
    return DefWindowProcW(window, message, wparam, lparam);
}

void osproc_watch(void (*ending)(void))
{
    SetConsoleCtrlHandler(on_console, TRUE);
    WNDCLASSW kind = { .lpfnWndProc = on_message, .hInstance = GetModuleHandleW(NULL),
                       .lpszClassName = L"SafeBaseSessionEnd" };
    HWND window = NULL;
    if (RegisterClassW(&kind) || GetLastError() == ERROR_CLASS_ALREADY_EXISTS)
        window = CreateWindowExW(0, kind.lpszClassName, L"Safe Base", WS_POPUP, 0, 0, 0, 0, NULL, NULL,
                                 kind.hInstance, NULL);
    if (window)
        SetWindowLongPtrW(window, GWLP_USERDATA, (LONG_PTR)ending);
}

bool osproc_stop_asked(void)
{
    if (!stop)
        return false;
    stop = 0;
    return true;
}

FILE *osproc_memstream_open(osproc_memstream_t *m)
{
    memset(m, 0, sizeof *m);
    wchar_t dir[MAX_PATH + 1], name[MAX_PATH + 1];
    DWORD n = GetTempPathW(MAX_PATH, dir);
    if (n == 0 || n > MAX_PATH || !GetTempFileNameW(dir, L"sbm", 0, name))
        return NULL;
    m->f = _wfopen(name, L"w+bTD"); /* T: kept in memory if it can, D: gone when closed */
    if (!m->f)
        DeleteFileW(name);
    return m->f;
}

char *osproc_memstream_close(osproc_memstream_t *m, size_t *len)
{
    *len = 0;
    if (!m->f)
        return NULL;
    long size = fflush(m->f) == 0 ? ftell(m->f) : -1;
    char *buf = size >= 0 ? malloc((size_t)size + 1) : NULL;
    if (buf) {
        rewind(m->f);
        if (fread(buf, 1, (size_t)size, m->f) == (size_t)size) {
            buf[size] = '\0';
            *len = (size_t)size;
        } else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(m->f);
    m->f = NULL;
    return buf;
}
