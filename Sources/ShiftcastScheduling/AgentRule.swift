/// A rule of an agent's contract that a shift can break (SPEC section 3, Agents file); its raw value is
/// the column or rule the summary names as the cause when a shift cannot be given to an agent.
///
/// - `shifts`: the shift's family is not one the agent may work;
/// - `unavailable`: some part of the shift falls on a weekday or date the agent does not work (a night
///   shift from Friday into a Saturday the agent is unavailable is refused);
/// - `oneShiftPerDay`: the agent already starts a shift that day;
/// - `maximumDaysPerWeek`, `maximumWeekHours`: the week's days or paid hours would exceed the contract
///   (weeks are seven-day blocks from the first day of the horizon, `AgentHorizon`);
/// - `minimumRest`: less than `min_rest_hours` between this shift and another of the agent's (on a cyclic
///   horizon also across the wrap of the week), or the two overlap.
///
/// `min_week_hours` is the one rule not checked shift by shift: the scheduler adds shifts to reach it and
/// the summary names the agents it could not bring up to it, with the rule that stopped it.
public enum AgentRule: String, Sendable, CaseIterable {
    case shifts
    case unavailable
    case oneShiftPerDay = "one shift a day"
    case maximumDaysPerWeek = "max_days_per_week"
    case maximumWeekHours = "max_week_hours"
    case minimumRest = "min_rest_hours"
}
