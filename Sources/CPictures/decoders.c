// PNG, JPEG and WebP decoding with the system libraries. libpng and libjpeg report errors by
// longjmp (or exit); both are caught here, where C can set the jump, so Swift sees a status.
#include "pivot_pictures.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>
#include <png.h>
#include <webp/decode.h>

static int fail(int status, char *message, size_t size, const char *text) {
    if (message && size) snprintf(message, size, "%s", text);
    return status;
}

static int size_allowed(size_t width, size_t height, size_t max_pixels) {
    return width > 0 && height > 0 && width <= 65535 && height <= 65535 && width * height <= max_pixels;
}

void pivot_pixels_free(pivot_pixels *pixels) {
    free(pixels->rgba);
    pixels->rgba = NULL;
}

// MARK: PNG

typedef struct {
    const uint8_t *bytes;
    size_t length;
    size_t offset;
} png_source;

static void png_read_memory(png_structp png, png_bytep out, png_size_t count) {
    png_source *source = png_get_io_ptr(png);
    if (source->length - source->offset < count) png_error(png, "the file ends inside the picture");
    memcpy(out, source->bytes + source->offset, count);
    source->offset += count;
}

static void png_quiet_warning(png_structp png, png_const_charp text) { (void)png; (void)text; }

// libpng's own error handler prints to stderr, which is the reader's screen.
static void png_quiet_error(png_structp png, png_const_charp text) {
    (void)text;
    png_longjmp(png, 1);
}

int pivot_decode_png(const uint8_t *bytes, size_t length, size_t max_pixels, pivot_pixels *out, char *message, size_t message_size) {
    out->rgba = NULL;
    if (length < 8 || png_sig_cmp(bytes, 0, 8) != 0) return fail(PIVOT_PICTURE_BROKEN, message, message_size, "not a PNG file");
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_quiet_error, png_quiet_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        png_destroy_read_struct(&png, &info, NULL);
        return fail(PIVOT_PICTURE_BROKEN, message, message_size, "out of memory");
    }
    png_source source = {bytes, length, 0};
    uint8_t *volatile rgba = NULL;
    png_bytep *volatile rows = NULL;
    volatile int status = PIVOT_PICTURE_BROKEN;
    if (setjmp(png_jmpbuf(png))) {
        free(rgba);
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        return fail(status, message, message_size, status == PIVOT_PICTURE_TOO_LARGE ? "too large" : "a broken PNG");
    }
    png_set_read_fn(png, &source, png_read_memory);
    // Ancillary chunks (text, profiles) may not hold more than this: a small file cannot ask for gigabytes.
    png_set_chunk_malloc_max(png, 8 * 1024 * 1024);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    if (!size_allowed(width, height, max_pixels)) {
        status = PIVOT_PICTURE_TOO_LARGE;
        png_error(png, "too large");
    }
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    rgba = malloc((size_t)width * height * 4);
    rows = malloc(sizeof(png_bytep) * height);
    if (!rgba || !rows) png_error(png, "out of memory");
    for (png_uint_32 y = 0; y < height; y++) rows[y] = rgba + (size_t)y * width * 4;
    png_read_image(png, rows);
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    out->width = (int)width;
    out->height = (int)height;
    out->rgba = rgba;
    return PIVOT_PICTURE_OK;
}

// MARK: JPEG

typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    volatile int cut_short;
} jpeg_failure;

static void jpeg_jump(j_common_ptr info) {
    jpeg_failure *failure = (jpeg_failure *)info->err;
    longjmp(failure->jump, 1);
}

// Warnings are not printed. One is an error here: the data ended early, where libjpeg would
// make up the rest of the picture in grey.
static void jpeg_quiet(j_common_ptr info, int level) {
    if (level < 0 && info->err->msg_code == JWRN_JPEG_EOF) {
        jpeg_failure *failure = (jpeg_failure *)info->err;
        failure->cut_short = 1;
        longjmp(failure->jump, 1);
    }
}

int pivot_decode_jpeg(const uint8_t *bytes, size_t length, size_t max_pixels, pivot_pixels *out, char *message, size_t message_size) {
    return pivot_decode_jpeg_for(bytes, length, max_pixels, 0, 0, 0, 0, out, message, message_size);
}

/// The largest of libjpeg's scalings (1/8, 1/4, 1/2) that still gives the cells their pixels:
/// chafa matches symbols on 8x8 pixels a cell (a cell twice as tall as wide: 8x16), graphics
/// need the terminal's cell size.
static void choose_jpeg_scale(struct jpeg_decompress_struct *info, int box_columns, int box_rows, int cell_width,
                              int cell_height) {
    if (box_columns <= 0 || box_rows <= 0) return;
    int columns = box_columns, rows = box_rows;
    pivot_picture_fit((int)info->image_width, (int)info->image_height, &columns, &rows);
    size_t need_width = (size_t)columns * (size_t)(cell_width > 8 ? cell_width : 8);
    size_t need_height = (size_t)rows * (size_t)(cell_height > 16 ? cell_height : 16);
    for (unsigned denominator = 8; denominator > 1; denominator /= 2) {
        if (info->image_width / denominator >= need_width && info->image_height / denominator >= need_height) {
            info->scale_num = 1;
            info->scale_denom = denominator;
            return;
        }
    }
}

int pivot_decode_jpeg_for(const uint8_t *bytes, size_t length, size_t max_pixels, int box_columns, int box_rows,
                          int cell_width, int cell_height, pivot_pixels *out, char *message, size_t message_size) {
    out->rgba = NULL;
    if (length < 3 || bytes[0] != 0xFF || bytes[1] != 0xD8) return fail(PIVOT_PICTURE_BROKEN, message, message_size, "not a JPEG file");
    struct jpeg_decompress_struct info;
    jpeg_failure failure;
    info.err = jpeg_std_error(&failure.manager);
    failure.manager.error_exit = jpeg_jump;
    failure.manager.emit_message = jpeg_quiet;
    failure.cut_short = 0;
    uint8_t *volatile rgba = NULL;
    volatile int status = PIVOT_PICTURE_BROKEN;
    if (setjmp(failure.jump)) {
        free(rgba);
        jpeg_destroy_decompress(&info);
        const char *text = status == PIVOT_PICTURE_TOO_LARGE ? "too large" : failure.cut_short ? "a JPEG cut short" : "a broken JPEG";
        return fail(status, message, message_size, text);
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, bytes, (unsigned long)length);
    jpeg_read_header(&info, TRUE);
    if (!size_allowed(info.image_width, info.image_height, max_pixels)) {
        status = PIVOT_PICTURE_TOO_LARGE;
        longjmp(failure.jump, 1);
    }
    info.out_color_space = JCS_EXT_RGBA;
    choose_jpeg_scale(&info, box_columns, box_rows, cell_width, cell_height);
    jpeg_start_decompress(&info);
    size_t width = info.output_width, height = info.output_height;
    rgba = malloc(width * height * 4);
    if (!rgba) longjmp(failure.jump, 1);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = rgba + (size_t)info.output_scanline * width * 4;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    out->width = (int)width;
    out->height = (int)height;
    out->rgba = rgba;
    return PIVOT_PICTURE_OK;
}

// MARK: WebP

int pivot_decode_webp(const uint8_t *bytes, size_t length, size_t max_pixels, pivot_pixels *out, char *message, size_t message_size) {
    out->rgba = NULL;
    int width = 0, height = 0;
    if (!WebPGetInfo(bytes, length, &width, &height)) return fail(PIVOT_PICTURE_BROKEN, message, message_size, "not a WebP file");
    if (!size_allowed((size_t)width, (size_t)height, max_pixels)) return fail(PIVOT_PICTURE_TOO_LARGE, message, message_size, "too large");
    uint8_t *decoded = WebPDecodeRGBA(bytes, length, &width, &height);
    if (!decoded) return fail(PIVOT_PICTURE_BROKEN, message, message_size, "a broken WebP");
    // WebP's buffer is freed with WebPFree; ours with free.
    uint8_t *rgba = malloc((size_t)width * height * 4);
    if (rgba) memcpy(rgba, decoded, (size_t)width * height * 4);
    WebPFree(decoded);
    if (!rgba) return fail(PIVOT_PICTURE_BROKEN, message, message_size, "out of memory");
    out->width = width;
    out->height = height;
    out->rgba = rgba;
    return PIVOT_PICTURE_OK;
}

// MARK: One entry point

int pivot_picture_decode(int format, const uint8_t *bytes, size_t length, size_t max_pixels, int box_columns, int box_rows,
                         int cell_width, int cell_height, int *width, int *height, uint8_t **rgba, char *message,
                         size_t message_size) {
    pivot_pixels pixels = {0, 0, NULL};
    int status;
    switch (format) {
    case PIVOT_FORMAT_PNG: status = pivot_decode_png(bytes, length, max_pixels, &pixels, message, message_size); break;
    case PIVOT_FORMAT_JPEG:
        status = pivot_decode_jpeg_for(bytes, length, max_pixels, box_columns, box_rows, cell_width, cell_height, &pixels,
                                       message, message_size);
        break;
    case PIVOT_FORMAT_WEBP: status = pivot_decode_webp(bytes, length, max_pixels, &pixels, message, message_size); break;
    default: return fail(PIVOT_PICTURE_BROKEN, message, message_size, "an unknown format");
    }
    *width = pixels.width;
    *height = pixels.height;
    *rgba = pixels.rgba;
    return status;
}

void pivot_picture_free(uint8_t *rgba) { free(rgba); }
