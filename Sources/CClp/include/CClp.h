// Clp and CBC driven from C++ for Shiftcast's scheduling: the module's umbrella header.
#ifndef SHIFTCAST_CCLP_H
#define SHIFTCAST_CCLP_H
#include "cbc_search.h"
#include "clp_relaxation.h"
#endif
