"""Timing, percentiles, memory and the plain-text layout of the report."""

import os
import resource

import numpy as np


def peak_rss_mb():
    """Peak resident set size of this process since it started: VmHWM, which starts again
    at exec, where ru_maxrss keeps the parent's size at fork (a step run in a process of
    its own would report its parent's peak); ru_maxrss where /proc cannot be read."""
    peak = process_peak_rss_mb(os.getpid())
    return peak if peak == peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_peak_rss_mb(pid):
    """Peak resident set size of another process (VmHWM in /proc/PID/status); NaN if unreadable."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for text in handle:
                if text.startswith("VmHWM:"):
                    return int(text.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return float("nan")


def cpu_seconds(pid=None):
    """User and system CPU time of a process (this one by default) so far; NaN if unreadable."""
    if pid is None:
        spent = os.times()
        return spent.user + spent.system
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()  # the command name may hold spaces
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def current_rss_mb():
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")


def percentiles(values):
    """(p50, p95, max) in the unit of the values; NaN when empty."""
    if not len(values):
        return float("nan"), float("nan"), float("nan")
    array = np.asarray(values, dtype=np.float64)
    return float(np.percentile(array, 50)), float(np.percentile(array, 95)), float(array.max())


def ratio(numerator, denominator):
    if not denominator or denominator != denominator or numerator != numerator:
        return float("nan")
    return numerator / denominator


def heading(text):
    print()
    print(f"== {text} ==", flush=True)


def line(label, value, note=""):
    print(f"  {label + ':':<44} {value}" + (f"   ({note})" if note else ""), flush=True)


def ms(value):
    return "n/a" if value != value else f"{value:,.1f} ms"


def times(value):
    """A ratio as "3.2x"; under 1, also as a fraction, so that "0.04x" reads "1/25"."""
    if value != value:
        return "n/a"
    if value < 1 and value > 0:
        return f"{value:.2f}x (1/{1 / value:,.0f})"
    return f"{value:,.1f}x"


def latency_line(label, values, note=""):
    p50, p95, worst = percentiles(values)
    line(label, f"p50 {ms(p50)}, p95 {ms(p95)}, max {ms(worst)}  [{len(values)} queries]", note)
    return p50, p95
