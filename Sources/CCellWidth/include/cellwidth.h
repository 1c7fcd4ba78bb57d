#ifndef PIVOT_CELLWIDTH_H
#define PIVOT_CELLWIDTH_H
#include <stdint.h>
/* Terminal cells taken by one Unicode scalar, from the C library's wcwidth under a
   fixed UTF-8 locale, so the answer does not depend on the user's LANG.
   Returns -1 for non-printable scalars (controls), 0 for combining marks. */
int pv_cell_width(uint32_t scalar);
#endif
