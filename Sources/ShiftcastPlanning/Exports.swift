// The pipeline's values are the stages' types: `import ShiftcastPlanning` gives them all, without the
// file formats (`ShiftcastIO`).
@_exported import ShiftcastCore
@_exported import ShiftcastForecasting
@_exported import ShiftcastScheduling
@_exported import ShiftcastStaffing
