#ifndef PIVOT_CUNIBREAK_SHIM_H
#define PIVOT_CUNIBREAK_SHIM_H
#include <stddef.h>
#include <linebreak.h>
#endif
