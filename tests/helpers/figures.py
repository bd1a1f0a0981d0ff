"""Figures the benchmarks print."""


def pct(values, q):
    """The q-th percentile (0-100) of values, nearest rank."""
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]
