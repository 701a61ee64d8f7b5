import ShiftcastCore

/// How contacts queue for agents. See `Docs/QueueingModels.md` for the assumptions behind each.
public enum QueueModel: Hashable, Sendable {
    /// M/M/N: Poisson arrivals, exponential handle times, nobody abandons (Erlang 1917).
    case erlangC
    /// M/M/N+M: as Erlang C, but each waiting contact abandons after an exponential patience with this mean, in
    /// seconds, finite and above 0 (Palm 1946; Garnett, Mandelbaum & Reiman 2002).
    case erlangA(meanPatience: Double)
    /// Chat with `concurrency` sessions per agent: each agent is `concurrency` servers of one M/M/(N x K) queue
    /// whose handle time is the handle time of one chat at that concurrency (the constant-speed case of Tezcan &
    /// Zhang 2014, "Routing and staffing in customer service chat systems with impatient customers"). It assumes a
    /// session takes as long whether its agent holds one session or `K`, and that nobody abandons.
    /// `concurrency` is 1 to 1000.
    case chat(concurrency: Int)

    /// Throws `ShiftcastError(.invalidArgument)` for a patience that is not a finite number above 0 or a
    /// concurrency outside 1 ... 1000.
    public func validate() throws {
        switch self {
        case .erlangC:
            return
        case .erlangA(let patience):
            guard patience.isFinite, patience > 0 else {
                throw ShiftcastError(.invalidArgument, "mean patience must be a finite number of seconds above 0; got \(patience)")
            }
        case .chat(let concurrency):
            guard (1...1000).contains(concurrency) else {
                throw ShiftcastError(.invalidArgument, "chat concurrency must be a whole number from 1 to 1000; got \(concurrency)")
            }
        }
    }

    /// Servers one agent provides: the concurrency for chat, otherwise 1.
    var serversPerAgent: Int {
        if case .chat(let concurrency) = self { return concurrency }
        return 1
    }
}
