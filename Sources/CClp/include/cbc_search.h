// CBC's branch and bound driven from C++, so that Clp's root solve can be told which simplex to use:
// CBC's C interface leaves it on "automatic", and for programs with many more columns than rows Clp
// then tries its sprint method, which prints "N slacks added" to standard output whatever the log level.
#ifndef SHIFTCAST_CBC_SEARCH_H
#define SHIFTCAST_CBC_SEARCH_H
#ifdef __cplusplus
extern "C" {
#endif

/// How the branch-and-bound search runs.
typedef struct {
    /// Wall-clock seconds, counted by CBC from the start of its search.
    double seconds;
    /// CBC's and Clp's random seeds (at least 1).
    int seed;
    /// 0 turns CBC's cut generators off.
    int cutting_planes;
} ShiftcastMIPSettings;

/// What the search found, as CBC's model reports it.
typedef struct {
    int proven_optimal;
    int proven_infeasible;
    int abandoned;
    /// 1 when CBC holds an integer solution (the values were written).
    int has_solution;
    /// The best bound CBC proved on the optimum.
    double bound;
    int nodes;
} ShiftcastMIPOutcome;

/// Minimises `objective` over the program given column-wise (as `shiftcast_clp_solve`), the columns listed
/// in `integer_columns` integer. `start`, when not null, is a solution to start from (one value per column).
/// Writes the solver's column values into `values` (room for `columns`) and returns 0; returns 1 when CBC
/// threw (the outcome is then all zeros).
int shiftcast_cbc_solve(int columns, int rows, const int *starts, const int *indices, const double *elements,
                        const double *column_lower, const double *column_upper, const double *objective,
                        const double *row_lower, const double *row_upper, const int *integer_columns,
                        int integer_count, const double *start, ShiftcastMIPSettings settings, double *values,
                        ShiftcastMIPOutcome *outcome);

#ifdef __cplusplus
}
#endif
#endif
