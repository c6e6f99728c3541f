#ifndef CAPABLE_CMEMORY_H
#define CAPABLE_CMEMORY_H

/// Makes glibc's malloc give memory back: at most `arenas` arenas (by default one per
/// allocating thread, up to eight per core), and blocks of `threshold` bytes or more mapped on
/// their own and the heap's free top returned above the same size (by default the mapping
/// threshold grows with every large block freed, so large page buffers end up in the heap and
/// stay there). Returns 1 when set; elsewhere (macOS) it does nothing and returns 0.
int capable_tune_malloc(int arenas, int threshold);

#endif
