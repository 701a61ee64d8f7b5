#include "cbc_search.h"
#include "cbc_setup.hpp"

#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/ClpSimplex.hpp>
#include <coin/ClpSolve.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace {
/// The command line `CbcMain1` reads, as CBC's C interface builds it from its parameters: logs off, the
/// seeds, cuts, no integer preprocessing, a wall-clock limit, then solve.
std::vector<std::string> arguments(const ShiftcastMIPSettings &settings) {
    const std::string seed = std::to_string(std::max(settings.seed, 1));
    std::vector<std::string> words = {"shiftcast", "-log", "0", "-slog", "0", "-randomCbcSeed", seed,
                                      "-randomSeed", seed};
    if (!settings.cutting_planes) words.insert(words.end(), {"-cuts", "off"});
    // CBC's integer preprocessing crashed in its post-processing (`CglPreProcess::postProcess`) in about
    // one run in 800 that its clock stopped (Docs/Limits.md); the program is already tight.
    words.insert(words.end(), {"-preprocess", "off", "-timeMode", "elapsed"});
    words.insert(words.end(), {"-seconds", std::to_string(std::max(settings.seconds, 0.01))});
    words.insert(words.end(), {"-allowableGap", "1e-7", "-solve", "-quit"});
    return words;
}

/// The MIP start by column name, the form `CbcModel::setMIPStart` takes (CBC's own names, "C0000000"...).
std::vector<std::pair<std::string, double>> named(const OsiSolverInterface &solver, const double *start,
                                                  int columns) {
    std::vector<std::pair<std::string, double>> values;
    values.reserve(columns);
    for (int column = 0; column < columns; ++column) values.emplace_back(solver.getColName(column), start[column]);
    return values;
}
}  // namespace

int shiftcast_cbc_solve(int columns, int rows, const int *starts, const int *indices, const double *elements,
                        const double *column_lower, const double *column_upper, const double *objective,
                        const double *row_lower, const double *row_upper, const int *integer_columns,
                        int integer_count, const double *start, ShiftcastMIPSettings settings, double *values,
                        ShiftcastMIPOutcome *outcome) {
    *outcome = ShiftcastMIPOutcome{};
    try {
        CbcSetUp setUp;
        CbcModel &cbc = setUp.model;
        OsiClpSolverInterface &solver = *setUp.solver;
        solver.loadProblem(columns, rows, starts, indices, elements, column_lower, column_upper, objective,
                           row_lower, row_upper);
        solver.setObjSense(1);
        for (int i = 0; i < integer_count; ++i) solver.setInteger(integer_columns[i]);
        // The root relaxation by presolve and the dual simplex. Left on "automatic", Clp's `initialSolve`
        // chooses its sprint method for programs with many more columns than rows, and that prints to
        // standard output ("N slacks added", "row inf ...") whatever the log level.
        // A default `ClpSolve` is what the solver holds after `CbcMain0` (checked on CBC 2.10.8).
        ClpSolve rootSolve;
        rootSolve.setSolveType(ClpSolve::useDual);
        solver.setSolveOptions(rootSolve);
        if (start != nullptr) cbc.setMIPStart(named(solver, start, columns));

        const std::vector<std::string> words = arguments(settings);
        std::vector<const char *> argv;
        for (const std::string &word : words) argv.push_back(word.c_str());
        CbcMain1(static_cast<int>(argv.size()), argv.data(), cbc, nullptr, setUp.data);

        outcome->proven_optimal = cbc.isProvenOptimal();
        outcome->proven_infeasible = cbc.isProvenInfeasible();
        outcome->abandoned = cbc.isAbandoned();
        outcome->has_solution = cbc.bestSolution() != nullptr;
        outcome->bound = cbc.getBestPossibleObjValue();
        outcome->nodes = cbc.getNodeCount();
        const double *solution = cbc.solver()->getColSolution();
        if (solution != nullptr) std::copy(solution, solution + columns, values);
        return 0;
    } catch (...) {
        *outcome = ShiftcastMIPOutcome{};
        return 1;
    }
}
