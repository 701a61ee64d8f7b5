import ArgumentParser
import Shiftcast

extension ShiftcastCommand {
    /// `shiftcast erlang`: the queueing calculator for one interval.
    struct Erlang: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The queueing calculator for one interval: agents needed, or what a number of agents achieves.",
            discussion: """
                Erlang C by default; --patience switches to Erlang A (callers abandon), --concurrency to chat. \
                Without --agents, finds the fewest agents meeting every target given; without any target, \
                aims for 80% within 20s.

                Example (100 calls in 30 minutes, AHT 3 minutes, 80/20, occupancy at most 85%, 30% shrinkage):
                  shiftcast erlang --volume 100 --aht 180s --interval 30m \\
                      --service-level 80% --answer-within 20s \\
                      --max-occupancy 85% --shrinkage 30%
                """)

        @Option(help: ArgumentHelp("Contacts offered in the interval.", valueName: "contacts"))
        var volume: Double

        @Option(help: ArgumentHelp("Average handle time (180s, 3m).", valueName: "duration"))
        var aht: TimeSpan

        @Option(help: ArgumentHelp("Length of the interval.", valueName: "duration"))
        var interval: TimeSpan = .minutes(30)

        @Option(help: ArgumentHelp("Evaluate this many agents instead of finding the fewest that meet the targets.", valueName: "N"))
        var agents: Int?

        @OptionGroup var staffing: StaffingOptions

        @Option(help: "Output format.")
        var format: ReportFormat = .table

        func validate() throws {
            guard volume.isFinite, volume >= 0, volume <= InputLimits.maximumVolume else {
                throw ValidationError("--volume must be a number of contacts from 0 to \(Int64(InputLimits.maximumVolume)); got \(volume).")
            }
            try StaffingOptions.validate(aht: aht)
            guard intervalSeconds != nil else {
                throw ValidationError("--interval must be a whole number of seconds above 0, at most a year; got \(interval).")
            }
            if let agents, agents < 0 || agents > 1_000_000 {
                throw ValidationError("--agents must be between 0 and 1000000; got \(agents).")
            }
        }

        func run() async throws {
            do {
                try calculate()
            } catch var error as ShiftcastError where error.code == .badData {
                // Every value here came from a flag, so bad data is a bad command line.
                error.code = .invalidArgument
                throw error
            }
        }

        /// The interval in whole seconds, from 1 s to a year; `nil` for any other length.
        private var intervalSeconds: Int? {
            Int(exactly: interval.seconds).flatMap { (1...31_622_400).contains($0) ? $0 : nil }
        }

        private func calculate() throws {
            guard let intervalSeconds else { throw ShiftcastError(.invalidArgument, "the interval \(interval) is not a whole number of seconds") }
            let workload = Workload(volume: volume, averageHandleTime: aht.seconds, intervalLength: intervalSeconds)
            let calculator = StaffingCalculator(model: staffing.model, targets: staffing.targets)
            let performance = if let agents {
                try calculator.performance(of: workload, agents: agents)
            } else {
                try calculator.agentsNeeded(for: workload)
            }
            let scheduled = try Shrinkage.scheduledAgents(for: Double(performance.agents), shrinkage: staffing.shrinkage.value)
            let report = ErlangReport(model: staffing.model, performance: performance, scheduledAgents: scheduled,
                                      shrinkage: staffing.shrinkage.value, answerWithin: staffing.answerWithin.seconds)
            print(report.rendered(as: format), terminator: "")
        }
    }
}
