/// Checks that the bytes of an input file are UTF-8 text before they are read as CSV.
///
/// A NUL byte anywhere means a binary file (a spreadsheet saved as `.xlsx`, a picture, a UTF-16 file
/// without a byte-order mark): no text file holds one. A byte that is not valid UTF-8 means text in
/// another encoding, most often Windows-1252 or Latin-1 from an older spreadsheet export.
enum TextEncodingCheck {
    /// What is wrong with the bytes, and at which byte offset it first shows.
    enum Problem: Equatable {
        /// A NUL byte (0x00): the file is binary.
        case binary(offset: Int)
        /// A byte sequence that is not UTF-8.
        case notUTF8(offset: Int)
        /// The file starts with a UTF-16 byte-order mark.
        case utf16
    }

    /// The first problem in `bytes`, or `nil` when they are valid UTF-8 without NUL bytes.
    /// A NUL byte anywhere wins over an earlier invalid sequence, so a binary file is called binary.
    ///
    /// - Complexity: O(n), eight bytes at a time over ASCII text.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .utf16
        }
        guard let invalid = firstInvalidOffset(in: bytes) else { return nil }
        if bytes[invalid] == 0 { return .binary(offset: invalid) }
        // Not UTF-8; binary if a NUL follows anywhere.
        var offset = invalid
        while offset < bytes.count {
            if bytes[offset] == 0 { return .binary(offset: offset) }
            offset += 1
        }
        return .notUTF8(offset: invalid)
    }

    /// Offset of the first NUL byte or invalid UTF-8 sequence (overlong forms, surrogates and
    /// scalars above U+10FFFF are invalid, as in the Unicode standard, table 3-7).
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var offset = 0
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        while offset < count {
            if offset + 8 <= count {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                // All ASCII and no zero byte (the classic "has zero byte" test).
                if word & highBits == 0, (word &- ones) & ~word & highBits == 0 {
                    offset += 8
                    continue
                }
            }
            let lead = base[offset]
            if lead == 0 { return offset }
            if lead < 0x80 {
                offset += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return offset
            }
            guard offset + length <= count else { return offset }
            let second = base[offset + 1]
            guard second >= low, second <= high else { return offset }
            var next = 2
            while next < length {
                guard base[offset + next] & 0xC0 == 0x80 else { return offset }
                next += 1
            }
            offset += length
        }
        return nil
    }
}
