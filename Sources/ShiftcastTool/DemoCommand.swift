import ArgumentParser
import Foundation
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast demo`: the pipeline on the sample data in `Fixtures/`, the first thing a new user runs.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Shiftcast on the sample data in Fixtures/ and say where the results went.",
            discussion: """
                Forecasts the next week from ten weeks of sample history (Fixtures/history-sample.csv: a
                large centre with the daily and weekly shape of a real bank's calls), choosing the model by
                backtest, and writes forecast.csv into the output folder; staffs that week for 80% of calls
                answered within 20 seconds, occupancy at most 85% and 30% shrinkage (requirements.csv); then
                schedules it as a repeating week with the shift families of Fixtures/shifts-week.csv
                (schedule.csv and coverage.csv).

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
            let historyPath = (fixtures as NSString).appendingPathComponent("history-sample.csv")
            let forecastPath = (outputFolder as NSString).appendingPathComponent("forecast.csv")
            let requirementsPath = (outputFolder as NSString).appendingPathComponent("requirements.csv")

            // Forecast the week after the history, the model chosen by backtest.
            let history = try VolumeFile.read(path: historyPath)
            let forecastOutput = try ForecastOutput(
                history: history, request: ForecastRequest(horizon: .days(7), model: "auto", level: 0.8, folds: 4))
            let forecastBytes = forecastOutput.csvBytes()
            try OutputFile.write(forecastBytes, to: forecastPath)
            let models = Set(forecastOutput.queues.map(\.forecast.model)).sorted().joined(separator: ", ")

            // Staff it.
            let forecast = try VolumeFile(table: CSVTable(bytes: forecastBytes, name: forecastPath))
            let policy = StaffingPolicy(
                method: .queueing(model: .erlangC,
                                  targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20, maxOccupancy: 0.85)),
                shrinkage: 0.3)
            let requirements = try RequirementsFile(forecast: forecast, averageHandleTime: nil, policy: policy)
            try OutputFile.write(requirements.csvBytes(), to: requirementsPath)

            // Schedule the week with the sample shift families, as a repeating week.
            let shiftsPath = (fixtures as NSString).appendingPathComponent("shifts-week.csv")
            let schedulePath = (outputFolder as NSString).appendingPathComponent("schedule.csv")
            let coveragePath = (outputFolder as NSString).appendingPathComponent("coverage.csv")
            let curve = try RequirementsReader.curve(from: CSVTable(bytes: requirements.csvBytes(), name: requirementsPath), cyclic: true)
            let families = try ShiftsFile.read(path: shiftsPath).families(fitting: curve)
            let mix = try ShiftMixOptimizer.solve(families: families, curve: curve, options: .init(timeLimit: 30))
            let roster = AnonymousRoster.assign(mix)
            try OutputFile.write(ScheduleFile.csvBytes(roster, families: families, curve: curve), to: schedulePath)
            try OutputFile.write(CoverageFile.csvBytes(mix), to: coveragePath)

            print("""
                Forecast the week after \(historyPath) with \(models) (chosen by backtest)
                Wrote \(forecastPath)

                Staffed it for 80% within 20s, occupancy at most 85%, shrinkage 30% (Erlang C):
                \(requirements.summary)
                Wrote \(requirementsPath)

                Scheduled it as a repeating week with the shift families of \(shiftsPath):
                \(mix.summary(agents: Set(roster.map(\.agent)).count, shortfallLines: 5))
                Wrote \(schedulePath) and \(coveragePath)
                Next: shiftcast forecast --help, staff --help, schedule --help, and Docs/GettingStarted.md.
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
            where FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("history-sample.csv")) {
                return candidate
            }
            throw ShiftcastError(.inputUnavailable, "cannot find the sample data (Fixtures/history-sample.csv); run from the Shiftcast package folder or give --fixtures", file: "Fixtures")
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
