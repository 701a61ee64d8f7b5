import CLAPACK
import Testing

/// Proves the LAPACK shim links and calls the real Fortran routine.
@Suite struct LAPACKTests {
    /// Fits y = a + b x through four points by `dgels_`; the normal equations give a = 3.5, b = 1.4.
    @Test func leastSquaresLineFit() {
        let xs: [Double] = [1, 2, 3, 4]
        let ys: [Double] = [6, 5, 7, 10]
        var m: Int32 = 4, n: Int32 = 2, nrhs: Int32 = 1
        // Column-major design matrix [1 x].
        var a = [Double](repeating: 1, count: 4) + xs
        var b = ys
        var lda = m, ldb = m, info: Int32 = 0
        var lwork: Int32 = 64
        var work = [Double](repeating: 0, count: Int(lwork))
        var trans = CChar(UInt8(ascii: "N"))
        dgels_(&trans, &m, &n, &nrhs, &a, &lda, &b, &ldb, &work, &lwork, &info)
        #expect(info == 0)
        #expect(abs(b[0] - 3.5) < 1e-12)
        #expect(abs(b[1] - 1.4) < 1e-12)
    }
}
