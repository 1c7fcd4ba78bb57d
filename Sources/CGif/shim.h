#ifndef PIVOT_CGIF_SHIM_H
#define PIVOT_CGIF_SHIM_H
#include <gif_lib.h>
#endif
