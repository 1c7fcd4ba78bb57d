#ifndef PIVOT_HIGHLIGHT_H
#define PIVOT_HIGHLIGHT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One highlighted token: `length` bytes at byte `start` of line `line` (from 0), of the
/// source-highlight element `element` ("keyword", "string", "comment", ...).
typedef void (*pivot_highlight_token)(void *context, uint32_t line, uint32_t start, uint32_t length,
                                      const char *element);

enum {
    PIVOT_HIGHLIGHT_OK = 0,
    /// source-highlight has no definition for this language.
    PIVOT_HIGHLIGHT_UNKNOWN_LANGUAGE = 1,
    /// The library failed (a missing data file, a regular expression that gave up).
    PIVOT_HIGHLIGHT_FAILED = 2,
};

/// The version of this interface: pivot-tui loads a library only when it is the one it was built for.
#define PIVOT_HIGHLIGHT_VERSION 1
int pivot_highlight_version(void);

/// Highlights `length` bytes of `code` (lines end at '\n') as `language` names it in lang.map
/// ("python", "sh", "rs"), calling `token` for each token that is not plain text.
/// Lines longer than `max_line_bytes` stay plain (the library's regular expressions take time
/// that grows with the square of a line's length); past `time_limit_ms` it stops and fails.
/// Definitions are read from `data_dir` (NULL: the library's own folder) and cached.
int pivot_highlight_code(const char *data_dir, const char *language, const char *code, size_t length,
                         size_t max_line_bytes, double time_limit_ms, pivot_highlight_token token, void *context);

#ifdef __cplusplus
}
#endif

#endif
