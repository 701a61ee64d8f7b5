@testable import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
import ShiftcastScheduling
import Testing

@Suite struct AgentsFileTests {
    static let header = "agent,shifts,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable,skills\n"
    let day = ShiftFamily(name: "day", weekdays: Set(1...7), earliestStart: 8 * 3600, latestStart: 10 * 3600, startStep: 3600,
                          minimumLength: 4 * 3600, maximumLength: 8 * 3600, lengthStep: 3600)

    @Test func readsContracts() throws {
        let file = try AgentsFile(table: table(Self.header + "ana,day,38,40,5,11,Sat|Sun|2025-03-05,en|de\nbo,*,,,,,,\n", name: "agents.csv"))
        let ana = file.contracts[0]
        #expect(ana.allowedFamilies == ["day"])
        #expect(ana.minimumWeekSeconds == 38 * 3600 && ana.maximumWeekSeconds == 40 * 3600)
        #expect(ana.maximumDaysPerWeek == 5 && ana.minimumRestSeconds == 11 * 3600)
        #expect(ana.unavailableWeekdays == [6, 7])
        #expect(ana.unavailableDays.count == 1)
        #expect(ana.skills == ["en", "de"])
        #expect(file.contracts[1] == AgentContract(agent: "bo"))
        #expect(try file.contracts(fitting: [day]).count == 2)
    }

    /// Issue 12: the number of agents is bounded (InputLimits.maximumAgents), located at the first agent too many.
    @Test func moreAgentsThanTheLimitAreRefused() throws {
        let rows = (0...InputLimits.maximumAgents).map { "a\($0),*,,,,,,\n" }.joined()
        expectError(.badData, at: "agents.csv:\(InputLimits.maximumAgents + 2)", containing: "has \(InputLimits.maximumAgents + 1) agents; one schedule takes at most") {
            _ = try AgentsFile(table: table(Self.header + rows, name: "agents.csv"))
        }
        let allowed = (0..<InputLimits.maximumAgents).map { "a\($0),*,,,,,,\n" }.joined()
        #expect(try AgentsFile(table: table(Self.header + allowed, name: "agents.csv")).contracts.count == InputLimits.maximumAgents)
    }

    @Test func aContractNoShiftCanSatisfyIsLocated() throws {
        let file = try AgentsFile(table: table(Self.header + "ana,day,38,40,4,11,,\n", name: "agents.csv"))
        expectError(.badData, at: "agents.csv:2:5", containing: "agent 'ana': no week of shifts reaches min_week_hours 38h: at most 32h") {
            _ = try file.contracts(fitting: [day])
        }
        let unknown = try AgentsFile(table: table(Self.header + "bo,night,,,,,,\n", name: "agents.csv"))
        expectError(.badData, at: "agents.csv:2:2", containing: "shift family 'night' is not in the Shifts file") {
            _ = try unknown.contracts(fitting: [day])
        }
    }

    @Test func badFieldsAreLocated() {
        expectError(.badData, at: "agents.csv:2:5", containing: "is not a whole number from 0 to 7") {
            _ = try AgentsFile(table: table(Self.header + "ana,*,,,8,,,\n", name: "agents.csv"))
        }
        expectError(.badData, at: "agents.csv:2:3", containing: "is not a number of hours from 0 to 168") {
            _ = try AgentsFile(table: table(Self.header + "ana,*,-5,,,,,\n", name: "agents.csv"))
        }
        expectError(.badData, at: "agents.csv:2:7", containing: "unavailable 'Someday' is not a weekday") {
            _ = try AgentsFile(table: table(Self.header + "ana,*,,,,,Someday,\n", name: "agents.csv"))
        }
        expectError(.badData, at: "agents.csv:1", containing: "has a header but no rows; expected one row per agent") {
            _ = try AgentsFile(table: table(Self.header, name: "agents.csv"))
        }
        expectError(.badData, at: "agents.csv:3:1", containing: "appears twice (first on line 2)") {
            _ = try AgentsFile(table: table(Self.header + "ana,*,,,,,,\nana,*,,,,,,\n", name: "agents.csv"))
        }
    }
}
