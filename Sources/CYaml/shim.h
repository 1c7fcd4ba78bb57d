#ifndef PIVOT_CYAML_SHIM_H
#define PIVOT_CYAML_SHIM_H
#include <yaml.h>
#endif
