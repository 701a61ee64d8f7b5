#include "clp_relaxation.h"

#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/ClpSimplex.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <algorithm>

namespace {
/// What a solve left in `model`, its values copied out when optimal.
ShiftcastLPStatus result(const ClpSimplex &model, int columns, double *values, double *objective_value) {
    if (model.isProvenPrimalInfeasible()) return SHIFTCAST_LP_INFEASIBLE;
    if (!model.isProvenOptimal()) return SHIFTCAST_LP_STOPPED;
    const double *solution = model.primalColumnSolution();
    std::copy(solution, solution + columns, values);
    *objective_value = model.objectiveValue();
    return SHIFTCAST_LP_OPTIMAL;
}
}  // namespace

ShiftcastLPStatus shiftcast_clp_solve(ShiftcastLPMethod method, int columns, int rows, const int *starts,
                                      const int *indices, const double *elements, const double *column_lower,
                                      const double *column_upper, const double *objective,
                                      const double *row_lower, const double *row_upper, double seconds,
                                      double *values, double *objective_value) {
    try {
        if (method == SHIFTCAST_LP_AS_CBC) {
            // As `Cbc_newModel` sets the solver up: a CBC model over Clp, with CBC's defaults.
            OsiClpSolverInterface prototype;
            CbcModel cbc(prototype);
            CbcSolverUsefulData defaults;
            CbcMain0(cbc, defaults);
            OsiClpSolverInterface &solver = *dynamic_cast<OsiClpSolverInterface *>(cbc.solver());
            solver.messageHandler()->setLogLevel(0);
            solver.getModelPtr()->messageHandler()->setLogLevel(0);
            solver.loadProblem(columns, rows, starts, indices, elements, column_lower, column_upper, objective,
                               row_lower, row_upper);
            solver.setObjSense(1);
            // A deadline on the wall clock, counted from here.
            solver.getModelPtr()->setMaximumWallSeconds(seconds);
            solver.initialSolve();
            return result(*solver.getModelPtr(), columns, values, objective_value);
        }
        ClpSimplex model;
        model.messageHandler()->setLogLevel(0);
        model.loadProblem(columns, rows, starts, indices, elements, column_lower, column_upper, objective,
                          row_lower, row_upper);
        model.setOptimizationDirection(1);
        model.setMaximumWallSeconds(seconds);
        model.dual();
        return result(model, columns, values, objective_value);
    } catch (...) {
        // CoinError and std::bad_alloc must not cross into Swift.
        return SHIFTCAST_LP_STOPPED;
    }
}
