#!/usr/bin/env python3
"""Reference values of the regularized incomplete gamma functions P(a, x) and Q(a, x).

Run from the package root: `python3 Tests/Reference/incomplete_gamma_reference.py` (needs mpmath). Writes
Fixtures/reference/incomplete-gamma-reference.csv, read by Tests/ShiftcastStaffingTests/IncompleteGammaTests.

Computed at 60 digits: the smaller tail directly (the power series of P below x = a, Legendre's continued fraction
of Q above, as in erlang_reference.py), the larger as 1 minus it. The grid crosses every boundary between the
Swift implementation's methods (x = a + 1; |x/a - 1| = 0.3 for a >= 20; a = 20) and spans a from 1e-3 to 1e9.
"""
import csv
from pathlib import Path

from mpmath import mp, mpf, exp, loggamma, log, nstr

import erlang_reference as reference

mp.dps = 60
OUT = Path(__file__).resolve().parents[2] / "Fixtures/reference/incomplete-gamma-reference.csv"


def tails(a, x):
    a, x = mpf(a), mpf(x)
    log_term = a * log(x) - x - loggamma(a + 1)            # ln D(a, x)
    if x < a:
        lower = exp(log_term) * reference.lower_scaled(a, x)
        return lower, 1 - lower
    upper = exp(log_term) * reference.upper_scaled(a, x)
    return 1 - upper, upper


def main():
    values = [1e-3, 0.1, 0.5, 1.0, 2.5, 7.0, 10.0, 15.0, 19.5, 20.0, 20.5, 50.0, 300.0, 1e4, 1e6, 1e9]
    ratios = [1e-3, 0.1, 0.5, 0.69, 0.7, 0.71, 0.9, 0.99, 0.999999, 1.0, 1.000001, 1.01, 1.1, 1.29, 1.3, 1.31,
              2.0, 10.0]
    rows = []
    for a in values:
        points = {float(a * r) for r in ratios} | {a + 1 - 1e-9, a + 1, a + 1 + 1e-9, a + 0.5}
        for x in sorted(points):
            if x <= 0:
                continue
            lower, upper = tails(a, x)
            rows.append({"a": repr(float(a)), "x": repr(float(x)),
                         "lower": nstr(lower, 20) if lower != 0 else "0",
                         "upper": nstr(upper, 20) if upper != 0 else "0"})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["a", "x", "lower", "upper"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
