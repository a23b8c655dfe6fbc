/* Replays fuzz inputs through a harness without libFuzzer, so every committed corpus file
 * (tests/fuzz/NAME/) is a regression test in the plain and sanitizer builds. Each file is
 * handed over in a buffer of exactly its size, so AddressSanitizer sees any overread.
 * Usage: replay_fuzz_NAME DIR|FILE...; exits 1 if nothing was read, aborts on a failed check. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 0;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return 0;
    }
    size_t size = (size_t)st.st_size;
    uint8_t *data = malloc(size ? size : 1);
    size_t got = data ? fread(data, 1, size, f) : 0;
    fclose(f);
    if (!data || got != size) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(data);
        return 0;
    }
    LLVMFuzzerTestOneInput(data, size);
    free(data);
    return 1;
}

static int replay_path(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return replay_file(path);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        char child[4096];
        if (e->d_name[0] == '.')
            continue;
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        n += replay_file(child);
    }
    closedir(d);
    return n;
}

int main(int argc, char **argv)
{
    int n = 0;
    for (int i = 1; i < argc; i++)
        n += replay_path(argv[i]);
    printf("%d inputs replayed\n", n);
    return n > 0 ? 0 : 1;
}
