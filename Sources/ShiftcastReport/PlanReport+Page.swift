extension PlanReport {
    /// Readable at 1280 px and on a phone: the charts scale with the page; below 720 px they keep a width
    /// at which their labels stay legible and scroll sideways. The colours are Okabe and Ito's palette for
    /// colour-blind readers (2008), and ColorBrewer's red-yellow-green for the service level.
    static let styleSheet = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;max-width:1280px;margin:0 auto;padding:16px}
        h1{font-size:1.6em;margin:.2em 0 .6em}h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:1px solid #d0d7de}
        figure{margin:1em 0}figcaption{font-weight:600;margin-bottom:.3em}.note{color:#57606a;font-size:.9em;margin:.3em 0}
        .scroll{overflow-x:auto}svg.chart{width:100%;height:auto;display:block;font-size:12px}
        @media (max-width:720px){body{padding:8px;font-size:14px}svg.chart{min-width:900px}}
        .axis text,.legend text,.label{fill:#444}.axis-title{font-weight:600;fill:#1b1f24}
        .grid{stroke:#e6e9ed}.day{stroke:#eef0f3}.origin{stroke:#333;stroke-dasharray:4 3}
        path.history{fill:none;stroke:#7f7f7f;stroke-width:1.2}path.forecast{fill:none;stroke:#0072b2;stroke-width:1.6}
        path.band,.swatch.band{fill:#56b4e9;fill-opacity:.3}.swatch.history{fill:#7f7f7f}.swatch.forecast{fill:#0072b2}
        rect.event,.swatch.event{fill:#e69f00;fill-opacity:.18}
        .hover rect{fill:transparent}.hover rect:hover{fill:#000;fill-opacity:.04}
        path.required{fill:none;stroke:#1b1f24;stroke-width:1.4}path.scheduled{fill:none;stroke:#009e73;stroke-width:1.4}
        .swatch.required{fill:#1b1f24}.swatch.scheduled{fill:#009e73}rect.short,.swatch.short{fill:#d55e00;fill-opacity:.8}
        .bar.fold0,.swatch.fold0{fill:#0072b2}.bar.fold1,.swatch.fold1{fill:#56b4e9}.bar.fold2,.swatch.fold2{fill:#009e73}
        .bar.fold3,.swatch.fold3{fill:#e69f00}.bar.fold4,.swatch.fold4{fill:#cc79a7}.bar.fold5,.swatch.fold5{fill:#999}
        .model .bar{fill-opacity:.55}.model.chosen .bar{fill-opacity:1}.mean{stroke:#1b1f24;stroke-width:2}.label.chosen{font-weight:700;fill:#1b1f24}
        .model.chosen text.label{font-weight:700;fill:#1b1f24}
        .swatch.sl-zero{fill:#d73027}.swatch.sl-full{fill:#1a9850}.swatch.sl-low{fill:#a50026}.swatch.sl-near{fill:#fdae61}.swatch.sl-met{fill:#a6d96a}.swatch.sl-high{fill:#006837}
        rect.cell:hover,rect.segment:hover,rect.bar:hover{stroke:#000;stroke-width:1}
        .segment.work,.swatch.work{fill:#0072b2}.segment.break,.swatch.break{fill:#e69f00}.segment.lunch,.swatch.lunch{fill:#cc79a7}
        .segment.other,.swatch.other{fill:#999}svg[data-chart=starts] rect.bar{fill:#009e73}
        table{border-collapse:collapse;margin:.6em 0}th,td{padding:3px 10px;border-bottom:1px solid #e6e9ed;text-align:left;vertical-align:top}
        table.summary th{font-weight:500;color:#57606a}td.number{text-align:right;font-variant-numeric:tabular-nums}td.time{white-space:nowrap}
        th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit}
        th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
        """

    /// Sorts a table by the column whose heading is clicked: by each cell's `data-sort` number where it has
    /// one, else by its text; a second click reverses.
    static let sortingScript = """
        document.querySelectorAll("table.sortable").forEach(function (table) {
          var headings = table.querySelectorAll("thead th");
          headings.forEach(function (heading, column) {
            heading.querySelector("button").addEventListener("click", function () {
              var ascending = heading.getAttribute("aria-sort") !== "ascending";
              headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
              heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              function key(row) {
                var cell = row.cells[column];
                var value = cell.getAttribute("data-sort");
                return value === null ? cell.textContent : Number(value);
              }
              rows.sort(function (a, b) {
                var x = key(a), y = key(b);
                var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        """
}
