import ArgumentParser
import Foundation
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast demo`: the pipeline on the sample data in `Fixtures/`, the first thing a new user runs.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Shiftcast on the sample data in Fixtures/ and say where the results went.",
            discussion: """
                Staffs the sample week (Fixtures/forecast-week.csv: a large centre with the daily and weekly
                shape of a real bank's calls) for 80% of calls answered within 20 seconds, occupancy at most
                85% and 30% shrinkage, and writes requirements.csv into the output folder.

                Example:
                  shiftcast demo --output-folder demo-output
                """)

        @Option(help: ArgumentHelp("Folder holding the sample files; by default Fixtures/ in the current folder or beside the package the tool was built in.", valueName: "folder"))
        var fixtures: String?

        @Option(help: ArgumentHelp("Folder for the results (created if missing).", valueName: "folder"))
        var outputFolder: String = "demo-output"

        func run() async throws {
            let fixtures = try locateFixtures()
            try createFolder(outputFolder)
            let forecastPath = (fixtures as NSString).appendingPathComponent("forecast-week.csv")
            let requirementsPath = (outputFolder as NSString).appendingPathComponent("requirements.csv")

            let forecast = try VolumeFile.read(path: forecastPath)
            let policy = StaffingPolicy(
                method: .queueing(model: .erlangC,
                                  targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20, maxOccupancy: 0.85)),
                shrinkage: 0.3)
            let requirements = try RequirementsFile(forecast: forecast, averageHandleTime: nil, policy: policy)
            try OutputFile.write(requirements.csvBytes(), to: requirementsPath)

            print("""
                Staffed \(forecastPath) for 80% within 20s, occupancy at most 85%, shrinkage 30% (Erlang C):
                \(requirements.summary)
                Wrote \(requirementsPath)
                Next: shiftcast staff --help, and Docs/GettingStarted.md for your own data.
                """)
        }

        /// `--fixtures`, else `Fixtures/` in the current folder, else the package root the binary was built
        /// in (`.build/<configuration>/shiftcast` sits three levels below it).
        private func locateFixtures() throws -> String {
            if let fixtures { return fixtures }
            var candidates = ["Fixtures"]
            let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                folder = folder.deletingLastPathComponent()
                candidates.append(folder.appendingPathComponent("Fixtures").path)
            }
            for candidate in candidates
            where FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("forecast-week.csv")) {
                return candidate
            }
            throw ShiftcastError(.inputUnavailable, "cannot find the sample data (Fixtures/forecast-week.csv); run from the Shiftcast package folder or give --fixtures", file: "Fixtures")
        }

        private func createFolder(_ path: String) throws {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw ShiftcastError(.cannotCreateOutput, "cannot create the output folder: \(error.localizedDescription)", file: path)
            }
        }
    }
}
