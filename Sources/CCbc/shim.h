// COIN-OR CBC's C interface (Debian's coinor-libcbc-dev, CBC 2.10), and that of Clp, the simplex solver
// under it, for linear relaxations that must keep a time limit.
#ifndef SHIFTCAST_CCBC_SHIM_H
#define SHIFTCAST_CCBC_SHIM_H
#include <coin/Cbc_C_Interface.h>
#include <coin/Clp_C_Interface.h>
#endif
