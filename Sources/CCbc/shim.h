// COIN-OR CBC's C interface (Debian's coinor-libcbc-dev, CBC 2.10).
#ifndef SHIFTCAST_CCBC_SHIM_H
#define SHIFTCAST_CCBC_SHIM_H
#include <coin/Cbc_C_Interface.h>
#endif
