#ifndef PIVOT_CNCURSES_SHIM_H
#define PIVOT_CNCURSES_SHIM_H
/* SwiftPM drops pkg-config's -D flags for system libraries, so the wide-character
   API of curses.h is switched on here, before curses.h is read. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Attribute macros use casts that do not import into Swift. */
static inline attr_t pv_A_NORMAL(void)    { return A_NORMAL; }
static inline attr_t pv_A_BOLD(void)      { return A_BOLD; }
static inline attr_t pv_A_REVERSE(void)   { return A_REVERSE; }
static inline attr_t pv_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t pv_A_DIM(void)       { return A_DIM; }
static inline attr_t pv_A_ITALIC(void)    { return A_ITALIC; }
static inline attr_t pv_A_ALTCHARSET(void) { return A_ALTCHARSET; }

/* Swift 6 rejects reads of C mutable globals; these accessors avoid that. */
static inline WINDOW *pv_stdscr(void) { return stdscr; }
static inline int pv_colors(void) { return COLORS; }
static inline int pv_color_pairs(void) { return COLOR_PAIRS; }

/* Mouse masks are macros built from shifts of other macros. */
static inline mmask_t pv_mouse_mask(void) {
    return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int pv_is_wheel_up(mmask_t m)   { return (m & BUTTON4_PRESSED) != 0; }
static inline int pv_is_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }
static inline int pv_is_click(mmask_t m)      { return (m & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0; }

/* The C streams, which Swift 6 sees as shared mutable globals. */
static inline FILE *pv_stdin(void)  { return stdin; }
static inline FILE *pv_stdout(void) { return stdout; }

/* tiparm is variadic, which Swift cannot call: one and two parameters are all we need. */
static inline const char *pv_tiparm1(const char *cap, int a) { return cap ? tiparm(cap, a) : NULL; }
static inline const char *pv_tiparm2(const char *cap, int a, int b) { return cap ? tiparm(cap, a, b) : NULL; }

/* nl_langinfo(CODESET) is a macro argument Swift cannot name. */
static inline const char *pv_codeset(void) { return nl_langinfo(CODESET); }
#endif
