/* Where things live: the assets shipped with the app, and the user's XDG config, data and
 * cache folders. No SDL beyond finding the executable; no policy about what goes where. */
#ifndef SAFEBASE_PLATFORM_PATHS_H
#define SAFEBASE_PLATFORM_PATHS_H

#include <stdbool.h>
#include <stddef.h>

/* The assets folder (plans/, sounds/, music/) into buf: beside an installed binary
 * (PREFIX/share/safebase; on Windows the assets folder beside safebase.exe), else the source
 * tree's; SAFEBASE_ASSETS overrides both. Returns false when it does not fit. */
bool paths_assets(char *buf, size_t size);

/* The folder of the translations (LL/LC_MESSAGES/safebase.mo): ../share/locale beside an
 * installed binary, the build folder's locale/ for one run from its build folder, else the
 * install prefix's. Returns false when it does not fit buf. */
bool paths_locale(char *buf, size_t size);

/* $XDG_CONFIG_HOME/safebase (or ~/.config/safebase), $XDG_DATA_HOME/safebase (or
 * ~/.local/share/safebase), $XDG_CACHE_HOME/safebase (or ~/.cache/safebase),
 * $XDG_STATE_HOME/safebase (or ~/.local/state/safebase) written into buf.
 * Returns false when neither the XDG variable nor HOME is set (or buf is too small).
 * On Windows: %APPDATA%/safebase for config, data and state, %LOCALAPPDATA%/safebase for the
 * cache. */
bool paths_config_dir(char *buf, size_t size);
bool paths_data_dir(char *buf, size_t size);
bool paths_cache_dir(char *buf, size_t size);
bool paths_state_dir(char *buf, size_t size);

/* The user's music folder into buf: $XDG_MUSIC_DIR when it is an absolute path, else the
 * XDG_MUSIC_DIR="..." line of $XDG_CONFIG_HOME/user-dirs.dirs (or ~/.config/user-dirs.dirs;
 * "$HOME/..." or an absolute path, shell quoting), else ~/Music ("$HOME" alone there means
 * none, so ~/Music too). Does not check that it exists. Returns false when there is no HOME
 * (and no absolute $XDG_MUSIC_DIR), or when it does not fit. On Windows: the Music folder. */
bool paths_music_dir(char *buf, size_t size);

/* The user's documents folder, the same way: XDG_DOCUMENTS_DIR, else user-dirs.dirs, else
 * ~/Documents. (Reports are written there.) */
bool paths_documents_dir(char *buf, size_t size);

/* Creates dir and its missing parents: each new parent with parents_mode, dir itself with mode.
 * Returns false with errno set on failure (ENOENT for ""). An existing folder is fine (its mode
 * is left alone); a drive or a share's root is never made. */
bool paths_mkdirs(const char *dir, unsigned parents_mode, unsigned mode);

/* Whether c separates folder names in a path: '/', and '\\' too on Windows. */
bool paths_is_separator(char c);

/* How many bytes of path name its root, which is there and cannot be made: 1 for "/"; on
 * Windows 3 for "C:\", and "\\server\share\" whole; 0 for a relative path. */
size_t paths_root_length(const char *path);

/* Whether path is absolute: "/..."; on Windows also "C:\..." (or "C:/...") and "\\server\...". */
bool paths_is_absolute(const char *path);

/* The home folder ("~" in a path from a plan or the settings): $HOME; on Windows, without HOME,
 * %USERPROFILE%. NULL when there is none. */
const char *paths_home(void);

/* path as people read it on the screen: the home folder (paths_home) shown as "~"
 * ("/home/ana/Music" -> "~/Music"); any other path, and every path on Windows, as it is. */
void paths_shown(const char *path, char *buf, size_t size);

/* A path someone wrote in a plan or the settings file, made usable: "~" or "~/x" under the home
 * folder (paths_home), an absolute path as it is, else relative to base (the file's folder; as
 * it is when base is NULL or ""). Returns false when it does not fit or there is no home. */
bool paths_resolve(const char *value, const char *base, char *out, size_t size);

/* The last separator in path (strrchr for '/', and '\\' on Windows), or NULL. */
const char *paths_last_separator(const char *path);

/* Joins a and b with one '/'. Returns false if it does not fit. */
bool paths_join(char *buf, size_t size, const char *a, const char *b);

/* The directory part of path ("." when there is none). */
void paths_dirname(const char *path, char *buf, size_t size);

#endif
