import Foundation

/// Slots that concurrent workers fill, one each, read once all are done; it also counts the slots
/// filled so far, for progress reports.
package final class ConcurrentResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private var filled = 0
    private let lock = NSLock()

    package init(count: Int) { storage = Array(repeating: nil, count: count) }

    package subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { _ = store(newValue, at: index) }
    }

    /// Fills slot `index` and returns how many slots are filled now.
    @discardableResult
    package func store(_ value: Value?, at index: Int) -> Int {
        lock.withLock {
            if storage[index] == nil, value != nil { filled += 1 }
            storage[index] = value
            return filled
        }
    }

    package var values: [Value?] { lock.withLock { storage } }
}
