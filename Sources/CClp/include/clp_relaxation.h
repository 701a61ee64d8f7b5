// Linear programs solved by Clp under a wall-clock limit, which CBC's C interface does not pass on to Clp
// when a program has no integer columns. Shiftcast's `LinearProgram` calls it for relaxations (issue 12).
#ifndef SHIFTCAST_CLP_RELAXATION_H
#define SHIFTCAST_CLP_RELAXATION_H
#ifdef __cplusplus
extern "C" {
#endif

/// How `shiftcast_clp_solve` ended.
typedef enum {
    SHIFTCAST_LP_OPTIMAL = 0,
    SHIFTCAST_LP_INFEASIBLE = 1,
    /// Stopped by the time limit, or ended without a proof either way.
    SHIFTCAST_LP_STOPPED = 2,
} ShiftcastLPStatus;

/// Which way Clp goes.
typedef enum {
    /// Clp set up with CBC's defaults (as `Cbc_newModel` does), then presolve, the dual simplex and
    /// postsolve: the steps of the `initialSolve` CBC calls for a program without integer columns, taken
    /// one by one so that none prints to standard output and the simplex keeps the clock (presolve does
    /// not: the caller chooses this way only when presolve is expected to fit the time).
    SHIFTCAST_LP_PRESOLVED_DUAL = 0,
    /// The dual simplex without presolve or crash: every step looks at the clock.
    SHIFTCAST_LP_DUAL_WITHOUT_PRESOLVE = 1,
} ShiftcastLPMethod;

/// Minimises `objective` over the program given column-wise (`starts` has `columns + 1` entries; row
/// `indices` and `elements` of column j at `starts[j] ..< starts[j + 1]`), infinite bounds as +-1e30.
/// Stops after `seconds` of wall-clock time, counted from the start of the solve (after loading). When
/// optimal, writes the column values into `values` (room for `columns`) and the objective into
/// `objective_value`.
ShiftcastLPStatus shiftcast_clp_solve(ShiftcastLPMethod method, int columns, int rows, const int *starts, const int *indices,
                                      const double *elements, const double *column_lower,
                                      const double *column_upper, const double *objective,
                                      const double *row_lower, const double *row_upper, double seconds,
                                      double *values, double *objective_value);

#ifdef __cplusplus
}
#endif
#endif
