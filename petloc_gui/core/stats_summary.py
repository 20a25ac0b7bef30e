"""Number summaries of `petloc stats` (count, min, max, mean, std, median, p05, p95) and their
one-line text. Used through ``core.stats``, which re-exports everything here.
"""

from __future__ import annotations

import math

import numpy as np

# Values at or above this are shown in e-notation by `format_summary`.
_PLAIN_BELOW = 1e12


def summarize(values: list[float]) -> dict[str, float] | None:
    """Summary statistics of the finite `values`, or None when there are none.

    Every figure is finite, as strict JSON (`petloc stats --json`) needs: an infinite value (a box
    from -1e308 to 1e308 in a file whose image size is unknown is inf wide) is left out, and the
    figures are computed on the values scaled by a power of two (exact), as the sums of the mean and
    std and the differences of the percentiles overflow to inf on values near the float maximum.
    """
    arr = np.asarray(values, dtype=np.float64)
    arr = arr[np.isfinite(arr)]
    if not arr.size:
        return None
    exponent = int(np.frexp(np.abs(arr).max())[1])  # the values scaled by 2**-exponent lie in (-1, 1)
    scaled = np.ldexp(arr, -exponent)
    p05, median, p95 = np.percentile(scaled, [5, 50, 95])
    figures = {"min": scaled.min(), "max": scaled.max(), "mean": scaled.mean(), "std": scaled.std(),
               "median": median, "p05": p05, "p95": p95}
    return {"count": int(arr.size)} | {key: round(math.ldexp(float(value), exponent), 4)
                                       for key, value in figures.items()}


def format_summary(summary: dict[str, float] | None, fmt: str = ".2f") -> str:
    """`mean 12.3  median 11.0  min 2.0  max 40.0  p05-p95 3.0-30.0` (each value formatted with ``fmt``),
    or ``-`` when there were no values."""
    if not summary:
        return "-"
    def f(value: float) -> str:
        # A value no image has (a box of 1e308 in a file without a size) in e-notation, not 300 digits.
        return format(value, fmt) if abs(value) < _PLAIN_BELOW else format(value, ".3g")

    return (
        f"mean {f(summary['mean'])}  median {f(summary['median'])}  "
        f"min {f(summary['min'])}  max {f(summary['max'])}  "
        f"p05-p95 {f(summary['p05'])}-{f(summary['p95'])}"
    )
