#ifndef PIVOT_PICTURES_H
#define PIVOT_PICTURES_H

#include <stddef.h>
#include <stdint.h>

/// A decoded picture: `width` x `height` pixels, 4 bytes each (red, green, blue, alpha).
typedef struct {
    int width;
    int height;
    uint8_t *rgba;
} pivot_pixels;

/// What a decoder says. On failure `message` names the problem ("not a PNG", "too large").
enum {
    PIVOT_PICTURE_OK = 0,
    PIVOT_PICTURE_TOO_LARGE = 1,
    PIVOT_PICTURE_BROKEN = 2,
};

/// Each decoder reads a whole file from memory, refuses a picture of more than `max_pixels`
/// pixels before allocating them, and never exits or jumps out: errors come back as a status.
/// `out->rgba` is freed with `pivot_pixels_free`.
int pivot_decode_png(const uint8_t *bytes, size_t length, size_t max_pixels, pivot_pixels *out, char *message, size_t message_size);
int pivot_decode_jpeg(const uint8_t *bytes, size_t length, size_t max_pixels, pivot_pixels *out, char *message, size_t message_size);
int pivot_decode_webp(const uint8_t *bytes, size_t length, size_t max_pixels, pivot_pixels *out, char *message, size_t message_size);
void pivot_pixels_free(pivot_pixels *pixels);

#endif
