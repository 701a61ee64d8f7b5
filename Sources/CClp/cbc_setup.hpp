// The CBC model both drivers start from (private to CClp).
#ifndef SHIFTCAST_CBC_SETUP_HPP
#define SHIFTCAST_CBC_SETUP_HPP

#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/OsiClpSolverInterface.hpp>

/// A CBC model over Clp set up as `Cbc_newModel` sets it up (`CbcMain0`'s defaults), every log off.
/// `solver` is the model's own Clp, into which a program is loaded.
struct CbcSetUp {
    OsiClpSolverInterface prototype;
    CbcModel model{prototype};
    CbcSolverUsefulData data;
    OsiClpSolverInterface *solver = nullptr;

    CbcSetUp() {
        CbcMain0(model, data);
        solver = dynamic_cast<OsiClpSolverInterface *>(model.solver());
        solver->messageHandler()->setLogLevel(0);
        solver->getModelPtr()->messageHandler()->setLogLevel(0);
        model.setLogLevel(0);
    }
    CbcSetUp(const CbcSetUp &) = delete;
    CbcSetUp &operator=(const CbcSetUp &) = delete;
};

#endif
