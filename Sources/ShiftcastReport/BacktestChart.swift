/// The backtest: a bar per model and rolling-origin fold (its WAPE, coloured by the fold's number), a tick
/// at the mean of each model's folds, and the model `auto` chose marked. With more than six folds the
/// colours repeat and the legend says so.
enum BacktestChart {
    static func draw(_ backtests: [PlanReport.ModelBacktest]) -> Markup {
        var markup = Markup()
        guard !backtests.isEmpty else { return markup }
        var frame = ChartFrame()
        frame.bottom = 48
        let top = ChartFrame.roundedTop(backtests.flatMap { $0.folds.compactMap(\.wape) }.max() ?? 0)
        let y = frame.yScale(0...top)
        frame.open(&markup, chart: "backtest", label: "WAPE of each forecasting model on each backtest fold")
        frame.valueAxis(&markup, scale: y, title: "WAPE per fold (lower is better)") { ChartFrame.percent($0, decimals: 0) }
        let group = frame.plotWidth / Double(backtests.count)
        let folds = backtests.map(\.folds.count).max() ?? 1
        let bar = min(28, group * 0.8 / Double(folds))
        for (index, model) in backtests.enumerated() {
            let center = frame.left + group * (Double(index) + 0.5)
            let start = center - bar * Double(model.folds.count) / 2
            markup.open("g", [("class", model.chosen ? "model chosen" : "model")])
            for (position, fold) in model.folds.enumerated() {
                guard let wape = fold.wape else { continue }
                markup.element("rect", [("class", "bar fold\(colour(fold))"), ("x", ChartFrame.number(start + bar * Double(position))),
                                        ("y", ChartFrame.number(y(wape))), ("width", ChartFrame.number(bar - 1)),
                                        ("height", ChartFrame.number(y(0) - y(wape)))],
                               title: "\(model.model), fold \(fold.number) (from \(fold.origin)): WAPE \(ChartFrame.percent(wape))")
            }
            if let mean = model.meanWAPE {
                markup.element("line", [("class", "mean"), ("x1", ChartFrame.number(start - 3)),
                                        ("x2", ChartFrame.number(start + bar * Double(model.folds.count) + 2)),
                                        ("y1", ChartFrame.number(y(mean))), ("y2", ChartFrame.number(y(mean)))],
                               title: "\(model.model): mean of the folds' WAPE \(ChartFrame.percent(mean))")
            }
            markup.element("text", [("class", "label"), ("x", ChartFrame.number(center)), ("y", ChartFrame.number(frame.height - frame.bottom + 16)),
                                    ("text-anchor", "middle")], text: model.model)
            if model.chosen {
                markup.element("text", [("class", "label chosen"), ("x", ChartFrame.number(center)),
                                        ("y", ChartFrame.number(frame.height - frame.bottom + 32)), ("text-anchor", "middle")], text: "▲ chosen")
            }
            markup.close("g")
        }
        let numbers = Set(backtests.flatMap { $0.folds.map(\.number) }).sorted()
        frame.legend(&markup, numbers.count <= 6 ? numbers.map { ("fold\((max(1, $0) - 1) % 6)", "fold \($0)") }
                     : (0..<6).map { ("fold\($0)", "fold \($0 + 1), \($0 + 7), ...") })
        markup.close("svg")
        return markup
    }

    /// One of six colours by the fold's number, so that a fold keeps its colour in every model.
    private static func colour(_ fold: PlanReport.Fold) -> Int { (max(1, fold.number) - 1) % 6 }
}
