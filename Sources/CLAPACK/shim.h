// LAPACK's Fortran routines as C declarations: Debian's liblapack-dev ships no C header for them.
// Fortran calling convention: every argument by pointer, matrices column-major, trailing underscore.
#ifndef SHIFTCAST_CLAPACK_SHIM_H
#define SHIFTCAST_CLAPACK_SHIM_H

/// Least squares (or minimum norm) solution of A x = b by QR or LQ factorization.
/// LAPACK Users' Guide, section 2.4.2.
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs,
            double *a, const int *lda, double *b, const int *ldb,
            double *work, const int *lwork, int *info);

/// Least squares by complete orthogonal factorization; handles rank-deficient A.
void dgelsy_(const int *m, const int *n, const int *nrhs,
             double *a, const int *lda, double *b, const int *ldb,
             int *jpvt, const double *rcond, int *rank,
             double *work, const int *lwork, int *info);

/// Solution of the symmetric positive definite system A X = B by Cholesky factorization.
void dposv_(const char *uplo, const int *n, const int *nrhs,
            double *a, const int *lda, double *b, const int *ldb, int *info);

#endif
