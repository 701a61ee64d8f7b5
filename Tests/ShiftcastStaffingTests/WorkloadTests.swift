import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Workload")
struct WorkloadTests {
    @Test("traffic is volume x AHT / interval", arguments: [
        (100.0, 180.0, 1800, 10.0), (0, 0, 900, 0), (0, 300, 900, 0), (1, 86_400, 86_400, 1), (3, 20, 60, 1)])
    func traffic(volume: Double, handleTime: Double, interval: Int, erlangs: Double) throws {
        let workload = Workload(volume: volume, averageHandleTime: handleTime, intervalLength: interval)
        try workload.validate()
        #expect(workload.trafficIntensity == erlangs)
    }

    @Test("a zero volume may come with a zero handle time (a closed interval)")
    func closedInterval() throws {
        try Workload(volume: 0, averageHandleTime: 0, intervalLength: 1800).validate()
    }

    @Test("rejects values no interval can have", arguments: [
        (Double.nan, 180.0, 1800), (-1, 180, 1800), (.infinity, 180, 1800), (1, .nan, 1800), (1, -1, 1800),
        (1, 0, 1800), (1, .infinity, 1800), (1, 180, 0), (1, 180, -900), (1, 180, .min), (1e300, 1e300, 1)])
    func rejects(volume: Double, handleTime: Double, interval: Int) {
        let error = #expect(throws: ShiftcastError.self) {
            try Workload(volume: volume, averageHandleTime: handleTime, intervalLength: interval).validate()
        }
        #expect(error?.code == .badData)
    }
}

/// Deferred work is staffed over consecutive intervals; asking for one interval is an error, not a trap
/// (issue 9).
@Suite struct DeferredPolicyOneIntervalTests {
    @Test func oneIntervalOfDeferredWorkThrows() {
        let policy = StaffingPolicy(method: .deferred(responseTime: 3600, maxOccupancy: 0.85))
        #expect(throws: ShiftcastError.self) {
            try policy.requirement(for: Workload(volume: 10, averageHandleTime: 300, intervalLength: 1800))
        }
    }
}
