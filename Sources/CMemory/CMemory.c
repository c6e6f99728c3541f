#include "CMemory.h"
#include <stdlib.h> /* defines __GLIBC__ on glibc */

#if defined(__GLIBC__)
#include <malloc.h>

int capable_tune_malloc(int arenas, int threshold) {
    return mallopt(M_ARENA_MAX, arenas) && mallopt(M_MMAP_THRESHOLD, threshold) && mallopt(M_TRIM_THRESHOLD, threshold);
}
#else
int capable_tune_malloc(int arenas, int threshold) {
    (void)arenas;
    (void)threshold;
    return 0;
}
#endif
