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
/// The JPEG decoder with the cells its picture is for (see `pivot_picture_decode`).
int pivot_decode_jpeg_for(const uint8_t *bytes, size_t length, size_t max_pixels, int box_columns, int box_rows,
                          int cell_width, int cell_height, pivot_pixels *out, char *message, size_t message_size);
int pivot_decode_webp(const uint8_t *bytes, size_t length, size_t max_pixels, pivot_pixels *out, char *message, size_t message_size);
void pivot_pixels_free(pivot_pixels *pixels);

/// The formats `pivot_picture_decode` reads.
enum {
    PIVOT_FORMAT_PNG = 0,
    PIVOT_FORMAT_JPEG = 1,
    PIVOT_FORMAT_WEBP = 2,
};

/// One decoder by format, with plain arguments (for `dlsym` callers): `*rgba` is freed with
/// `pivot_picture_free`. `box_columns` x `box_rows` cells of `cell_width` x `cell_height`
/// pixels (0: unknown) are what the picture is for: a JPEG much larger than that is decoded
/// at 1/2, 1/4 or 1/8 of its size (libjpeg's scaling), never smaller than the cells need.
int pivot_picture_decode(int format, const uint8_t *bytes, size_t length, size_t max_pixels, int box_columns, int box_rows,
                         int cell_width, int cell_height, int *width, int *height, uint8_t **rgba, char *message,
                         size_t message_size);
void pivot_picture_free(uint8_t *rgba);

/// This interface's version: pivot-tui uses a library of the version it was built with only.
#define PIVOT_PICTURES_VERSION 2
int pivot_pictures_version(void);

/// chafa's symbol sets.
enum {
    PIVOT_SYMBOLS_BLOCKS = 0,
    PIVOT_SYMBOLS_ASCII = 1,
    PIVOT_SYMBOLS_BRAILLE = 2,
    PIVOT_SYMBOLS_SEXTANTS = 3,
};

/// The cells a picture of `width` x `height` pixels fills inside `*columns` x `*rows`, its
/// aspect kept (a cell is about twice as tall as wide); the box is updated to them.
void pivot_picture_fit(int width, int height, int *columns, int *rows);

/// Draws RGBA pixels into `columns` x `rows` cells: per cell its code point and its foreground
/// and background as palette indices (`colors` 240: 16-255; 16: 0-15; 8: 0-7; 0: no colours,
/// the symbols alone, -1 each). The arrays hold `columns * rows` entries. 0, or -1 on failure.
int pivot_picture_cells(const uint8_t *rgba, int width, int height, int columns, int rows, int symbols, int colors,
                        uint32_t *glyphs, int16_t *foreground, int16_t *background);

/// The pixel protocols `pivot_picture_graphics` speaks.
enum {
    PIVOT_GRAPHICS_SIXEL = 1,
    PIVOT_GRAPHICS_KITTY = 2,
};

/// RGBA pixels as the bytes that show them in `columns` x `rows` cells of `cell_width` x
/// `cell_height` pixels, in sixel or kitty graphics, to write at the cursor. `*out` is freed
/// with `pivot_picture_free`. 0, or -1 on failure.
int pivot_picture_graphics(const uint8_t *rgba, int width, int height, int columns, int rows, int cell_width,
                           int cell_height, int protocol, char **out, size_t *length);

#endif
