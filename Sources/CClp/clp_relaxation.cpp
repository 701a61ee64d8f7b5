#include "clp_relaxation.h"
#include "cbc_setup.hpp"

#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/ClpPresolve.hpp>
#include <coin/ClpSimplex.hpp>
#include <coin/CoinTime.hpp>
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
        if (method == SHIFTCAST_LP_PRESOLVED_DUAL) {
            CbcSetUp cbc;
            OsiClpSolverInterface &solver = *cbc.solver;
            solver.loadProblem(columns, rows, starts, indices, elements, column_lower, column_upper, objective,
                               row_lower, row_upper);
            solver.setObjSense(1);
            // Presolve, the dual simplex, postsolve: what `initialSolve` does for such a program, without
            // its prints to standard output, which no log level silences ("N slacks added"). On the
            // agents' week it leaves the search the same start quality (1.75% from the bound in 60 s).
            ClpSimplex &model = *solver.getModelPtr();
            const double deadline = CoinWallclockTime() + seconds;
            ClpPresolve presolve;
            ClpSimplex *small = presolve.presolvedModel(model, 1.0e-8, false, 5);
            if (small == nullptr) {  // presolve found the program infeasible
                return SHIFTCAST_LP_INFEASIBLE;
            }
            small->messageHandler()->setLogLevel(0);
            // Clp reads a negative limit as none: past the deadline already, stop here.
            if (CoinWallclockTime() >= deadline) {
                delete small;
                return SHIFTCAST_LP_STOPPED;
            }
            small->setMaximumWallSeconds(deadline - CoinWallclockTime());
            small->dual();
            const bool optimal = small->isProvenOptimal();
            const bool infeasible = small->isProvenPrimalInfeasible();
            presolve.postsolve(true);
            delete small;
            if (infeasible) return SHIFTCAST_LP_INFEASIBLE;
            if (!optimal) return SHIFTCAST_LP_STOPPED;
            // Postsolve may leave a few infeasibilities; the primal simplex cleans them up from the basis.
            model.checkSolution();
            if (model.numberPrimalInfeasibilities() > 0 || model.numberDualInfeasibilities() > 0) {
                if (CoinWallclockTime() >= deadline) return SHIFTCAST_LP_STOPPED;
                model.setMaximumWallSeconds(deadline - CoinWallclockTime());
                model.primal(1);
            }
            return result(model, columns, values, objective_value);
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
