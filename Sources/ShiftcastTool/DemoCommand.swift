import ArgumentParser
import Foundation
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast demo`: the pipeline on the sample data in `Fixtures/`, the first thing a new user runs.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Shiftcast on the sample data in Fixtures/ and say where the results went.",
            discussion: """
                Forecasts the next week from ten weeks of sample history (Fixtures/history-sample.csv: a \
                large centre with the daily and weekly shape of a real bank's calls), choosing the model by \
                backtest, and writes forecast.csv into the output folder; staffs that week for 80% of calls \
                answered within 20 seconds, occupancy at most 85% and 30% shrinkage (requirements.csv); then \
                schedules it as a repeating week with the shift families of Fixtures/shifts-week.csv and the \
                breaks and lunches of Fixtures/breaks-week.csv, worked by the 450 named agents of \
                Fixtures/agents-sample.csv under their contracts, searching for --time-limit (schedule.csv and \
                coverage.csv), with a report (report.md, and report.html with charts): `plan` on the sample data.

                Example:
                  shiftcast demo --output-folder demo-output
                """)

        @Option(help: ArgumentHelp("Folder holding the sample files; by default Fixtures/ in the current folder or beside the package the tool was built in.", valueName: "folder"))
        var fixtures: String?

        @Option(help: ArgumentHelp("Folder for the results (created if missing).", valueName: "folder"))
        var outputFolder: String = "demo-output"

        @Option(help: ArgumentHelp("Time for the schedule search (10s).", valueName: "duration"))
        var timeLimit: TimeSpan = .seconds(10)

        func validate() throws {
            try SchedulingOptions.validate(timeLimit: timeLimit)
        }

        func run() async throws {
            let fixtures = try locateFixtures()
            func fixture(_ name: String) -> String { (fixtures as NSString).appendingPathComponent(name) }
            func output(_ name: String) -> String { (outputFolder as NSString).appendingPathComponent(name) }
            // `plan` on the sample: the week after the history, the model chosen by backtest; 80% within
            // 20 s, occupancy at most 85%, 30% shrinkage (Erlang C); the sample shift families with two
            // breaks and a lunch, as a repeating week, worked by 450 named agents under their contracts.
            let inputs = PlanRun.Inputs(
                history: try VolumeFile.read(path: fixture("history-sample.csv")),
                forecast: ForecastRequest(horizon: .days(7), model: .auto, level: 0.8, folds: 4),
                staffing: StaffingPolicy(
                    method: .queueing(model: .erlangC, targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20, maxOccupancy: 0.85)),
                    shrinkage: 0.3),
                shifts: try ShiftsFile.read(path: fixture("shifts-week.csv")),
                breaks: try BreaksFile.read(path: fixture("breaks-week.csv")),
                agents: try AgentsFile.read(path: fixture("agents-sample.csv")),
                schedule: .init(timeLimit: timeLimit.seconds), cyclic: true)
            let plan = try PlanRun.run(inputs, folder: outputFolder, quiet: false)
            let models = Set(plan.forecast.queues.map(\.forecast.model)).sorted().joined(separator: ", ")
            let schedule = plan.schedules[0]
            print("""
                Forecast the week after \(fixture("history-sample.csv")) with \(models) (chosen by backtest)
                Wrote \(output("forecast.csv"))

                Staffed it for 80% within 20s, occupancy at most 85%, shrinkage 30% (Erlang C):
                \(plan.requirements.summary)
                Wrote \(output("requirements.csv"))

                Scheduled it as a repeating week with the shift families of \(fixture("shifts-week.csv")),
                the breaks of \(fixture("breaks-week.csv")) and the named agents of \(fixture("agents-sample.csv")):
                \(schedule.summary(lines: 5))
                \(plan.projections.first.flatMap { $0?.summary } ?? "")
                Wrote \(output("schedule.csv")) and \(output("coverage.csv")), and the report \(output("report.md"))
                Open the report with charts in a browser: \(output("report.html"))
                Next: shiftcast plan --help (the same on your data), forecast --help, staff --help, schedule --help,
                and Docs/GettingStarted.md.
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
    }
}
