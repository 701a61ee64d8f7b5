import Shiftcast

/// The process exit code of each kind of library error: the `sysexits.h` values of SPEC section 2.
/// The library names what went wrong; only the tool knows it is a process with an exit status.
extension ShiftcastError.Code {
    var exitCode: Int32 {
        switch self {
        case .invalidArgument: 64  // EX_USAGE: an argument of the command line
        case .infeasible: 64  // a target the command line asked for, which no staffing meets
        case .badData: 65  // EX_DATAERR
        case .inputUnavailable: 66  // EX_NOINPUT
        case .internalFailure: 70  // EX_SOFTWARE
        case .cannotCreateOutput: 73  // EX_CANTCREAT
        }
    }
}
