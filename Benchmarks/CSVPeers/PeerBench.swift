// Evaluation of SwiftCSV 0.10.0 and CSV.swift 2.5.2 for Shiftcast (Docs/CSV.md); built by run.sh in /tmp.
import CSV
import Foundation
import SwiftCSV

func now() -> Double { Date().timeIntervalSinceReferenceDate }
func report(_ label: String, bytes: Int, seconds: Double, extra: String = "") {
    print(String(format: "%@: %.1f MB in %.2f s = %.1f MB/s %@", label, Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / seconds, extra))
}
let args = CommandLine.arguments
let mode = args[1]

switch mode {
case "read-swiftcsv":
    let t0 = now()
    let data = try Data(contentsOf: URL(fileURLWithPath: args[2]))
    let text = String(decoding: data, as: UTF8.self)
    let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false, rowLimit: 1)
    var rows = 0, sum = 0.0
    try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { row in
        rows += 1
        sum += Double(row[2])! + Double(row[3])!
    }
    report("SwiftCSV read+parse numbers", bytes: data.count, seconds: now() - t0, extra: "rows \(rows) sum \(sum)")
case "read-csvswift":
    let t0 = now()
    let size = try FileManager.default.attributesOfItem(atPath: args[2])[.size] as! Int
    let reader = try CSVReader(stream: InputStream(fileAtPath: args[2])!, hasHeaderRow: true)
    var rows = 0, sum = 0.0
    while let row = reader.next() {
        rows += 1
        sum += Double(row[2])! + Double(row[3])!
    }
    report("CSV.swift read+parse numbers", bytes: size, seconds: now() - t0, extra: "rows \(rows) sum \(sum)")
case "write-csvswift", "write-swiftcsv":
    // Same data as gen.py's shape, built in memory first (not timed).
    var queues: [String] = [], stamps: [String] = [], volumes: [Double] = [], ahts: [Double] = []
    let start = Date(timeIntervalSince1970: 1_735_689_600)
    let f = DateFormatter(); f.dateFormat = "yyyy-MM-dd'T'HH:mm"; f.timeZone = TimeZone(identifier: "UTC")
    let stampTexts = (0..<35040).map { f.string(from: start.addingTimeInterval(Double($0) * 900)) }
    var g = SystemRandomNumberGenerator()
    for q in 0..<100 {
        for i in 0..<35040 {
            queues.append(String(format: "q%03d", q)); stamps.append(stampTexts[i])
            volumes.append((Double.random(in: 0..<100, using: &g) * 10).rounded() / 10)
            ahts.append((Double.random(in: 180..<300, using: &g) * 100).rounded() / 100)
        }
    }
    let path = args[2]
    let t0 = now()
    if mode == "write-csvswift" {
        let stream = OutputStream(toFileAtPath: path, append: false)!
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: ["queue", "timestamp", "volume", "aht"])
        for i in 0..<queues.count {
            try writer.write(row: [queues[i], stamps[i], String(volumes[i]), String(ahts[i])])
        }
        writer.stream.close()
    } else {
        // SwiftCSV has no public API to build a CSV from rows; the fair use is to build its input text and
        // re-serialize: `CSV<Enumerated>(string:).serialized`. Timed: text -> parse -> serialized -> file.
        var text = "queue,timestamp,volume,aht\n"
        for i in 0..<queues.count {
            text += queues[i] + "," + stamps[i] + "," + String(volumes[i]) + "," + String(ahts[i]) + "\n"
        }
        let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        try csv.serialized.write(toFile: path, atomically: false, encoding: .utf8)
    }
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
    report(mode, bytes: size, seconds: now() - t0)
case "probe":
    // Rule probes on small inputs: print what each library does.
    let cases: [(String, String)] = [
        ("quoted", "a,b\n\"x, \"\"y\"\"\nz\",2\n3,4\n"),
        ("bom", "\u{FEFF}a,b\n1,2\n"),
        ("crlf", "a,b\r\n1,2\r\n"),
        ("semicolon", "a;b\n1,5;2\n"),
        ("ragged", "a,b\n1,2,3\n4\n"),
        ("unterminated", "a,b\n\"1,2\n3,4\n"),
        ("stray quote", "a,b\n1\"x,2\n"),
        ("nul", "a,b\n1,\u{0}\u{0}\n"),
    ]
    for (name, text) in cases {
        var s1: String
        do {
            let c = try CSV<Enumerated>(string: text, loadColumns: false)  // guesses delimiter
            s1 = "header \(c.header) rows \(c.rows) delimiter \(c.delimiter.rawValue.debugDescription)"
        } catch { s1 = "error \(error)" }
        var s2: String
        do {
            let r = try CSVReader(string: text, hasHeaderRow: true)
            var rows: [[String]] = []
            while let row = r.next() { rows.append(row) }
            s2 = "header \(r.headerRow!) rows \(rows) error \(String(describing: r.error))"
        } catch { s2 = "error \(error)" }
        print("\(name):\n  SwiftCSV:  \(s1.debugDescription)\n  CSV.swift: \(s2.debugDescription)")
    }
    // Invalid UTF-8 bytes through each library's file entry point.
    let bad = Data([0x61, 0x2C, 0x62, 0x0A, 0xFF, 0xFE, 0x00, 0x2C, 0x31, 0x0A])
    let badPath = NSTemporaryDirectory() + "/peer-bad.csv"
    try bad.write(to: URL(fileURLWithPath: badPath))
    do { let c = try CSV<Enumerated>(url: URL(fileURLWithPath: badPath), delimiter: .comma); print("binary SwiftCSV: rows \(c.rows)") }
    catch { print("binary SwiftCSV: error \(error)") }
    do {
        let r = try CSVReader(stream: InputStream(fileAtPath: badPath)!, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = r.next() { rows.append(row) }
        print("binary CSV.swift: rows \(rows) error \(String(describing: r.error))")
    } catch { print("binary CSV.swift: error \(error)") }
case "longline-swiftcsv", "longline-csvswift":
    let t0 = now()
    let data = try Data(contentsOf: URL(fileURLWithPath: args[2]))
    if mode == "longline-swiftcsv" {
        let csv = try CSV<Enumerated>(string: String(decoding: data, as: UTF8.self), delimiter: .comma, loadColumns: false)
        print("SwiftCSV long line: header fields \(csv.header.count), rows \(csv.rows.count), \(now() - t0) s")
    } else {
        let r = try CSVReader(stream: InputStream(fileAtPath: args[2])!, hasHeaderRow: true)
        var n = 0
        while r.next() != nil { n += 1 }
        print("CSV.swift long line: header fields \(r.headerRow!.count), rows \(n), \(now() - t0) s")
    }
default: fatalError("mode?")
}
