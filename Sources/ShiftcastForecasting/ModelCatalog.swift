import ShiftcastCore

/// The models `--model` can name, and the candidates `--model auto` chooses among.
public enum ModelCatalog {
    /// Every named model, in the order `auto` tries them (a tie goes to the earlier one).
    public static let models: [any ForecastModel] = {
        // Constant settings, each within its model's range (ModelCatalogTests builds every one): none throws.
        let weighted = try! WeeklyAverage(weeks: 6, average: .weighted)
        let robust = try! WeeklyAverage(weeks: 8, average: .median)
        let levelProfile = LevelProfileModel()
        let harmonic = HarmonicRegression()
        return [
            robust,
            weighted,
            try! WeeklyAverage(weeks: 4, average: .mean),
            levelProfile,
            harmonic,
            try! DoubleSeasonalHoltWinters(),
            SeasonalNaive(season: .week),
            SeasonalNaive(season: .day),
            try! ModelCombination(name: "combo-median", members: [weighted, robust, levelProfile, harmonic], rule: .median),
            try! ModelCombination(name: "combo-mean", members: [robust, levelProfile], rule: .mean),
        ]
    }()

    /// The combination `auto` keeps unless another model beats it by more than chance (see
    /// ``QueueForecast``): the robust weekly median and the level-times-profile model, averaged.
    public static let defaultModel = "combo-mean"

    /// The model called `name`.
    /// - Throws: `.invalidArgument` naming the choices when there is none.
    public static func model(named name: String) throws -> any ForecastModel {
        guard let model = models.first(where: { $0.name == name }) else {
            throw ShiftcastError(.invalidArgument, "unknown model '\(name)'; expected auto or one of \(names.joined(separator: ", "))")
        }
        return model
    }

    /// The names, in catalog order.
    public static var names: [String] { models.map(\.name) }

    /// The model `name` names (every ``ModelName`` is in the catalog; a test checks it).
    public static func model(_ name: ModelName) -> any ForecastModel {
        models.first { $0.name == name.rawValue }!
    }
}

/// A model of the catalog, by its name.
public enum ModelName: String, Sendable, CaseIterable {
    case median8w = "median-8w", weighted6w = "weighted-6w", average4w = "average-4w"
    case levelProfile = "level-profile", harmonic, doubleSeasonal = "double-seasonal"
    case seasonalNaiveWeek = "snaive-week", seasonalNaiveDay = "snaive-day"
    case comboMedian = "combo-median", comboMean = "combo-mean"
}

/// The model a forecast uses: the one `auto` chooses by backtest, or one named.
public enum ModelChoice: Sendable, Equatable, CustomStringConvertible {
    case auto
    case named(ModelName)

    /// `auto` or a model's name.
    /// - Throws: `.invalidArgument` naming the choices for any other text.
    public init(parsing text: String) throws {
        if text == "auto" {
            self = .auto
        } else if let name = ModelName(rawValue: text) {
            self = .named(name)
        } else {
            throw ShiftcastError(.invalidArgument, "unknown model '\(text)'; expected auto or one of \(ModelCatalog.names.joined(separator: ", "))")
        }
    }

    /// `auto` or the model's name.
    public var description: String {
        switch self {
        case .auto: "auto"
        case .named(let name): name.rawValue
        }
    }
}
