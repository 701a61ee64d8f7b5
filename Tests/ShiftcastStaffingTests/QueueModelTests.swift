import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Queue model")
struct QueueModelTests {
    @Test("accepts a finite positive patience and a concurrency from 1 to 1000", arguments: [
        QueueModel.erlangC, .erlangA(meanPatience: 0.001), .erlangA(meanPatience: 86_400), .chat(concurrency: 1),
        .chat(concurrency: 1000)])
    func accepts(model: QueueModel) throws {
        try model.validate()
    }

    @Test("rejects other patience and concurrency values", arguments: [
        QueueModel.erlangA(meanPatience: 0), .erlangA(meanPatience: -1), .erlangA(meanPatience: .nan),
        .erlangA(meanPatience: .infinity), .chat(concurrency: 0), .chat(concurrency: -2), .chat(concurrency: 1001)])
    func rejects(model: QueueModel) {
        let error = #expect(throws: ShiftcastError.self) { try model.validate() }
        #expect(error?.code == .invalidArgument)
    }
}
