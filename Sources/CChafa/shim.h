#ifndef PIVOT_CCHAFA_SHIM_H
#define PIVOT_CCHAFA_SHIM_H
#include <chafa.h>
#endif
