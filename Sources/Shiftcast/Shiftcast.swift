// The umbrella module: `import Shiftcast` gives a Swift program the whole library.
@_exported import ShiftcastCore
@_exported import ShiftcastCSV
@_exported import ShiftcastForecasting
@_exported import ShiftcastIO
@_exported import ShiftcastPlanning
@_exported import ShiftcastStaffing
@_exported import ShiftcastScheduling
@_exported import ShiftcastReport
