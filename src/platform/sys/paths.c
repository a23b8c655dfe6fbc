/* Finds the assets and the user's XDG folders; creates folders with the right modes.
 * Must not decide file names beyond the "safebase" folder, nor print. */
#include "platform/sys/paths.h"

#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/sys/osfile.h"

#ifdef _WIN32
#define BESIDE_BINARY "assets" /* the zip's folders: safebase.exe, assets\, fonts\ */
#else
#define BESIDE_BINARY "../share/safebase"
#endif

static bool is_dir(const char *path)
{
    osfile_stat_t st;
    return osfile_stat(path, &st) == 0 && st.kind == OSFILE_FOLDER;
}

bool paths_assets(char *buf, size_t size)
{
    const char *env = getenv("SAFEBASE_ASSETS");
    char *base = SDL_GetBasePath();
    char candidate[4096];
    candidate[0] = '\0';
    if (env && *env && is_dir(env))
        snprintf(candidate, sizeof candidate, "%s", env);
    else if (base && snprintf(candidate, sizeof candidate, "%s" BESIDE_BINARY, base) > 0 &&
             is_dir(candidate))
        ;
    else
        snprintf(candidate, sizeof candidate, "%s", SAFEBASE_SOURCE_ASSETS);
    if (!is_dir(candidate) && is_dir(SAFEBASE_INSTALL_ASSETS))
        snprintf(candidate, sizeof candidate, "%s", SAFEBASE_INSTALL_ASSETS);
    SDL_free(base);
    int n = snprintf(buf, size, "%s", candidate);
    return n >= 0 && (size_t)n < size;
}

bool paths_locale(char *buf, size_t size)
{
    char *base = SDL_GetBasePath();
    char installed[4096], assets[4096];
    int n = -1;
    if (base && snprintf(assets, sizeof assets, "%s../share/safebase", base) > 0 && is_dir(assets) &&
        snprintf(installed, sizeof installed, "%s../share/locale", base) > 0 && is_dir(installed))
        n = snprintf(buf, size, "%s", installed);
    else if (is_dir(SAFEBASE_BUILD_LOCALE))
        n = snprintf(buf, size, "%s", SAFEBASE_BUILD_LOCALE);
    else
        n = snprintf(buf, size, "%s", SAFEBASE_INSTALL_LOCALE);
    SDL_free(base);
    return n >= 0 && (size_t)n < size;
}

#ifdef _WIN32
/* which/safebase into buf */
static bool known_dir(osfile_known_t which, const char *leaf, char *buf, size_t size)
{
    char dir[4096];
    return osfile_known_dir(which, dir, sizeof dir) && (!leaf || paths_join(buf, size, dir, leaf)) &&
           (leaf || snprintf(buf, size, "%s", dir) < (int)size);
}

bool paths_config_dir(char *buf, size_t size) { return known_dir(OSFILE_APPDATA, "safebase", buf, size); }
bool paths_data_dir(char *buf, size_t size) { return known_dir(OSFILE_APPDATA, "safebase", buf, size); }
bool paths_cache_dir(char *buf, size_t size) { return known_dir(OSFILE_LOCALAPPDATA, "safebase", buf, size); }
bool paths_state_dir(char *buf, size_t size) { return known_dir(OSFILE_APPDATA, "safebase", buf, size); }
bool paths_music_dir(char *buf, size_t size) { return known_dir(OSFILE_MUSIC, NULL, buf, size); }
bool paths_documents_dir(char *buf, size_t size) { return known_dir(OSFILE_DOCUMENTS, NULL, buf, size); }
#else
static bool xdg_dir(const char *var, const char *fallback, char *buf, size_t size)
{
    const char *xdg = getenv(var);
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/safebase", xdg);
    else if (home && *home)
        n = snprintf(buf, size, "%s/%s/safebase", home, fallback);
    else
        return false;
    return n > 0 && (size_t)n < size;
}

bool paths_config_dir(char *buf, size_t size) { return xdg_dir("XDG_CONFIG_HOME", ".config", buf, size); }
bool paths_data_dir(char *buf, size_t size) { return xdg_dir("XDG_DATA_HOME", ".local/share", buf, size); }
bool paths_cache_dir(char *buf, size_t size) { return xdg_dir("XDG_CACHE_HOME", ".cache", buf, size); }
bool paths_state_dir(char *buf, size_t size) { return xdg_dir("XDG_STATE_HOME", ".local/state", buf, size); }

/* One line of user-dirs.dirs: 0 when it does not set name (XDG_MUSIC_DIR...), 1 with the folder
 * in out, -1 when it sets it to nothing usable ("$HOME" alone means no such folder; a relative
 * path is not allowed). The value is in shell double quotes: \" \\ \$ \` are escapes. */
static int user_dirs_line(const char *line, const char *name, const char *home, char *out, size_t size)
{
    size_t klen = strlen(name);
    while (*line == ' ' || *line == '\t')
        line++;
    if (strncmp(line, name, klen) != 0 || line[klen] != '=')
        return 0;
    const char *p = line + klen + 1;
    if (*p++ != '"')
        return -1;
    char val[4096];
    size_t n = 0;
    for (; *p && *p != '"'; p++) {
        if (*p == '\\' && p[1] && strchr("\"\\$`", p[1]))
            p++;
        if (n + 1 >= sizeof val)
            return -1;
        val[n++] = *p;
    }
    val[n] = '\0';
    while (n > 1 && val[n - 1] == '/')
        val[--n] = '\0';
    if (*p != '"')
        return -1;
    if (strncmp(val, "$HOME/", 6) == 0)
        return paths_join(out, size, home, val + 6) ? 1 : -1;
    if (val[0] == '/')
        return snprintf(out, size, "%s", val) < (int)size ? 1 : -1;
    return -1; /* "$HOME" alone, or not a path we may use */
}

/* A folder of xdg-user-dirs: the environment variable name, else its line in user-dirs.dirs,
 * else ~/fallback. */
static bool user_dir(const char *name, const char *fallback, char *buf, size_t size)
{
    const char *env = getenv(name);
    if (env && env[0] == '/') {
        int n = snprintf(buf, size, "%s", env);
        return n > 0 && (size_t)n < size;
    }
    const char *home = getenv("HOME");
    if (!home || !*home)
        return false;
    char file[4096];
    const char *config = getenv("XDG_CONFIG_HOME");
    bool named = config && config[0] == '/' ? paths_join(file, sizeof file, config, "user-dirs.dirs")
                                            : paths_join(file, sizeof file, home, ".config/user-dirs.dirs");
    FILE *f = named ? osfile_fopen(file, "r") : NULL;
    int found = 0;
    if (f) {
        char line[4200];
        while (fgets(line, sizeof line, f)) {
            int r = user_dirs_line(line, name, home, buf, size);
            if (r != 0)
                found = r; /* like the shell: the last line that sets it wins */
        }
        fclose(f);
    }
    return found == 1 || paths_join(buf, size, home, fallback);
}

bool paths_music_dir(char *buf, size_t size)
{
    return user_dir("XDG_MUSIC_DIR", "Music", buf, size);
}

bool paths_documents_dir(char *buf, size_t size)
{
    return user_dir("XDG_DOCUMENTS_DIR", "Documents", buf, size);
}

#endif

bool paths_mkdirs(const char *dir, unsigned parents_mode, unsigned mode)
{
    char tmp[4096];
    if (!*dir) {
        errno = ENOENT;
        return false;
    }
    if (snprintf(tmp, sizeof tmp, "%s", dir) >= (int)sizeof tmp) {
        errno = ENAMETOOLONG;
        return false;
    }
    size_t root = paths_root_length(tmp);
    for (char *p = tmp + (root > 0 ? root : 1);; p++) {
        if (!paths_is_separator(*p) && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (osfile_mkdir(tmp, c ? parents_mode : mode) != 0 && errno != EEXIST) {
            int error = errno;
            if (!is_dir(tmp)) { /* (a drive, "C:", or a root: Windows may say "access denied") */
                errno = error;
                return false;
            }
        }
        *p = c;
        if (!c)
            break;
    }
    if (!is_dir(tmp)) {
        errno = ENOTDIR;
        return false;
    }
    return true;
}

bool paths_is_separator(char c)
{
#ifdef _WIN32
    return c == '/' || c == '\\';
#else
    return c == '/';
#endif
}

size_t paths_root_length(const char *path)
{
#ifdef _WIN32
    size_t n = 0;
    if (paths_is_separator(path[0]) && paths_is_separator(path[1])) {
        if ((path[2] == '?' || path[2] == '.') && paths_is_separator(path[3]))
            return 4 + paths_root_length(path + 4); /* \\?\C:\... */
        n = 2; /* \\server\share\ */
        for (int part = 0; part < 2 && path[n]; part++) {
            while (path[n] && !paths_is_separator(path[n]))
                n++;
            if (path[n])
                n++;
        }
        return n;
    }
    bool letter = (path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z');
    if (letter && path[1] == ':')
        return paths_is_separator(path[2]) ? 3 : 2;
    return paths_is_separator(path[0]) ? 1 : 0;
#else
    return path[0] == '/' ? 1 : 0;
#endif
}

bool paths_is_absolute(const char *path)
{
#ifdef _WIN32
    bool drive = ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) && path[1] == ':' &&
                 paths_is_separator(path[2]);
    return drive || paths_is_separator(path[0]);
#else
    return path[0] == '/';
#endif
}

const char *paths_home(void)
{
    const char *home = getenv("HOME");
#ifdef _WIN32
    if (!home || !*home)
        home = getenv("USERPROFILE");
#endif
    return home && *home ? home : NULL;
}

void paths_shown(const char *path, char *buf, size_t size)
{
#ifdef _WIN32
    snprintf(buf, size, "%s", path); /* "~" means nothing to most Windows users */
#else
    const char *home = paths_home();
    size_t n = home ? strlen(home) : 0;
    while (n > 1 && home[n - 1] == '/')
        n--;
    if (n > 1 && strncmp(path, home, n) == 0 && (path[n] == '/' || path[n] == '\0'))
        snprintf(buf, size, "~%s", path + n);
    else
        snprintf(buf, size, "%s", path);
#endif
}

const char *paths_last_separator(const char *path)
{
    const char *last = NULL;
    for (const char *p = path; *p; p++)
        if (paths_is_separator(*p))
            last = p;
    return last;
}

bool paths_resolve(const char *value, const char *base, char *out, size_t size)
{
    int n;
    if (value[0] == '~' && (paths_is_separator(value[1]) || value[1] == '\0')) {
        const char *home = paths_home();
        if (!home)
            return false;
        n = snprintf(out, size, "%s%s", home, value + 1);
    } else if (paths_is_absolute(value) || !base || !*base) {
        n = snprintf(out, size, "%s", value);
    } else {
        return paths_join(out, size, base, value);
    }
    return n > 0 && (size_t)n < size;
}

bool paths_join(char *buf, size_t size, const char *a, const char *b)
{
    size_t la = strlen(a);
    int n = snprintf(buf, size, "%s%s%s", a, (la > 0 && paths_is_separator(a[la - 1])) ? "" : "/", b);
    return n > 0 && (size_t)n < size;
}

void paths_dirname(const char *path, char *buf, size_t size)
{
    const char *slash = paths_last_separator(path);
    if (!slash) {
        snprintf(buf, size, ".");
        return;
    }
    size_t n = (size_t)(slash - path), root = paths_root_length(path);
    if (n < root)
        n = root; /* "/" of "/x", and "C:\" of "C:\x" */
    snprintf(buf, size, "%.*s", (int)n, path);
}
