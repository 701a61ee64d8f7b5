import CLAPACK

/// Linear least squares through LAPACK: minimises ||A x - b|| by complete orthogonal factorization
/// (`dgelsy`), so a rank-deficient design (a Fourier term with no data behind it) still gets the
/// minimum-norm answer instead of failing.
///
/// Source: LAPACK Users' Guide (3rd ed.), section 2.4.2.
enum LeastSquares {
    /// - Parameters:
    ///   - design: the `rows x columns` matrix A, column-major.
    ///   - target: b, `rows` values.
    /// - Returns: x, `columns` values; zeros when there are no rows.
    /// - Complexity: O(rows x columns^2).
    static func solve(design: [Double], rows: Int, columns: Int, target: [Double]) -> [Double] {
        guard rows > 0, columns > 0 else { return [Double](repeating: 0, count: columns) }
        var a = design
        var m = Int32(rows), n = Int32(columns), nrhs = Int32(1)
        var lda = m, ldb = Int32(max(rows, columns))
        var b = target + [Double](repeating: 0, count: max(0, columns - rows))
        var pivots = [Int32](repeating: 0, count: columns)
        var rcond = 1e-10
        var rank = Int32(0), info = Int32(0)
        var query = 0.0, lwork = Int32(-1)
        dgelsy_(&m, &n, &nrhs, &a, &lda, &b, &ldb, &pivots, &rcond, &rank, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: Int(max(query, 1)))
        dgelsy_(&m, &n, &nrhs, &a, &lda, &b, &ldb, &pivots, &rcond, &rank, &work, &lwork, &info)
        guard info == 0 else { return [Double](repeating: 0, count: columns) }
        return Array(b.prefix(columns))
    }
}
