// Pixels to terminal cells with chafa: its symbol matching, dithering and colour quantisation.
// Here in C, inside libpivot-pictures.so, so that chafa and GLib load only when a page has a
// picture (linked into pivot-tui they cost every start their dynamic linking).
#include "pivot_pictures.h"

#include <chafa.h>
#include <stdlib.h>
#include <string.h>

int pivot_pictures_version(void) { return PIVOT_PICTURES_VERSION; }

void pivot_picture_fit(int width, int height, int *columns, int *rows) {
    gint fitted_columns = *columns, fitted_rows = *rows;
    // A cell is about half as wide as tall; grow to fill the box, keep the aspect.
    chafa_calc_canvas_geometry(width, height, &fitted_columns, &fitted_rows, 0.5f, TRUE, FALSE);
    *columns = fitted_columns < 1 ? 1 : fitted_columns;
    *rows = fitted_rows < 1 ? 1 : fitted_rows;
}

static ChafaSymbolTags symbol_tags(int symbols) {
    switch (symbols) {
    case PIVOT_SYMBOLS_ASCII: return CHAFA_SYMBOL_TAG_ASCII;
    case PIVOT_SYMBOLS_BRAILLE: return CHAFA_SYMBOL_TAG_BRAILLE | CHAFA_SYMBOL_TAG_SPACE;
    case PIVOT_SYMBOLS_SEXTANTS: return CHAFA_SYMBOL_TAG_SEXTANT | CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_SPACE;
    default: return CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_SPACE;
    }
}

static ChafaCanvasMode canvas_mode(int colors) {
    switch (colors) {
    case 0: return CHAFA_CANVAS_MODE_FGBG;
    case 8: return CHAFA_CANVAS_MODE_INDEXED_8;
    case 16: return CHAFA_CANVAS_MODE_INDEXED_16;
    // 240, not 256: the first 16 colours are the user's to redefine.
    default: return CHAFA_CANVAS_MODE_INDEXED_240;
    }
}

int pivot_picture_cells(const uint8_t *rgba, int width, int height, int columns, int rows, int symbols, int colors,
                        uint32_t *glyphs, int16_t *foreground, int16_t *background) {
    ChafaSymbolMap *map = chafa_symbol_map_new();
    ChafaCanvasConfig *config = chafa_canvas_config_new();
    if (!map || !config) {
        if (map) chafa_symbol_map_unref(map);
        if (config) chafa_canvas_config_unref(config);
        return -1;
    }
    chafa_symbol_map_add_by_tags(map, symbol_tags(symbols));
    // One column per symbol: a wide symbol would take two the layout does not give it.
    chafa_symbol_map_remove_by_tags(map, CHAFA_SYMBOL_TAG_WIDE);
    chafa_canvas_config_set_canvas_mode(config, canvas_mode(colors));
    chafa_canvas_config_set_geometry(config, columns, rows);
    chafa_canvas_config_set_symbol_map(config, map);
    // Without colours the symbols are light ink on a dark terminal, as the frames format shows them.
    chafa_canvas_config_set_fg_color(config, 0xFFFFFF);
    chafa_canvas_config_set_bg_color(config, 0x000000);
    ChafaCanvas *canvas = chafa_canvas_new(config);
    chafa_canvas_config_unref(config);
    chafa_symbol_map_unref(map);
    if (!canvas) return -1;
    chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, rgba, width, height, width * 4);
    for (int row = 0; row < rows; row++) {
        for (int column = 0; column < columns; column++) {
            size_t cell = (size_t)row * columns + column;
            gint fg = -1, bg = -1;
            chafa_canvas_get_raw_colors_at(canvas, column, row, &fg, &bg);
            glyphs[cell] = (uint32_t)chafa_canvas_get_char_at(canvas, column, row);
            foreground[cell] = (int16_t)fg;
            background[cell] = (int16_t)bg;
        }
    }
    chafa_canvas_unref(canvas);
    return 0;
}

// Real pixels: chafa's sixel or kitty output, with the control sequences of a terminal known
// to speak that protocol (chafa's own terminal database, asked with a made-up environment).
int pivot_picture_graphics(const uint8_t *rgba, int width, int height, int columns, int rows, int cell_width,
                           int cell_height, int protocol, char **out, size_t *length) {
    *out = NULL;
    *length = 0;
    gchar *kitty[] = {"TERM=xterm-kitty", "KITTY_WINDOW_ID=1", NULL};
    gchar *sixel[] = {"TERM=mlterm", NULL};
    ChafaTermInfo *info = chafa_term_db_detect(chafa_term_db_get_default(),
                                               protocol == PIVOT_GRAPHICS_KITTY ? kitty : sixel);
    ChafaTermSeq begin = protocol == PIVOT_GRAPHICS_KITTY ? CHAFA_TERM_SEQ_BEGIN_KITTY_IMMEDIATE_IMAGE_V1
                                                            : CHAFA_TERM_SEQ_BEGIN_SIXELS;
    if (!info || !chafa_term_info_have_seq(info, begin)) {
        if (info) chafa_term_info_unref(info);
        return -1;
    }
    ChafaCanvasConfig *config = chafa_canvas_config_new();
    chafa_canvas_config_set_pixel_mode(config, protocol == PIVOT_GRAPHICS_KITTY ? CHAFA_PIXEL_MODE_KITTY : CHAFA_PIXEL_MODE_SIXELS);
    chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR);
    chafa_canvas_config_set_geometry(config, columns, rows);
    chafa_canvas_config_set_cell_geometry(config, cell_width, cell_height);
    ChafaCanvas *canvas = chafa_canvas_new(config);
    chafa_canvas_config_unref(config);
    if (!canvas) {
        chafa_term_info_unref(info);
        return -1;
    }
    chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, rgba, width, height, width * 4);
    GString *printed = chafa_canvas_print(canvas, info);
    chafa_canvas_unref(canvas);
    chafa_term_info_unref(info);
    if (!printed) return -1;
    *out = malloc(printed->len);
    if (*out) {
        memcpy(*out, printed->str, printed->len);
        *length = printed->len;
    }
    g_string_free(printed, TRUE);
    return *out ? 0 : -1;
}
