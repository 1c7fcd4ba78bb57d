#define _GNU_SOURCE
#include "cellwidth.h"
#include <locale.h>
#include <pthread.h>
#include <wchar.h>

static locale_t utf8_locale;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_locale(void) {
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

int pv_cell_width(uint32_t scalar) {
    if (scalar >= 0x20 && scalar < 0x7f) return 1;
    pthread_once(&once, make_locale);
    if (utf8_locale == (locale_t)0) return scalar < 0x7f ? -1 : 1;
    /* uselocale only swaps a thread-local pointer: cheap, and leaves other threads alone. */
    locale_t previous = uselocale(utf8_locale);
    int width = wcwidth((wchar_t)scalar);
    uselocale(previous);
    return width;
}
