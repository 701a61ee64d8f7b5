import ShiftcastCore
import Testing

/// The `ShiftcastError` that `body` throws, or `nil` (recorded as a test issue) when it throws none.
public func shiftcastError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> ShiftcastError? {
    do {
        try body()
        Issue.record("expected a ShiftcastError, got none", sourceLocation: sourceLocation)
    } catch let error as ShiftcastError {
        return error
    } catch {
        Issue.record("expected a ShiftcastError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
