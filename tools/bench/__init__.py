"""The benchmark: retrieval quality against vanilla baselines, answer pass rates, sizing accuracy against
published figures and calculators' documented rules, speed, memory and load. Writes docs/benchmarks.md.

    python -m tools.bench            # full run (about 3 minutes on 2 cores)
    python -m tools.bench --quick    # CI subset, written to a temp file unless --output is given
    python -m tools.bench --quick --data-dir data   # on a copy of an index already built there

Targets live here (``GOALS``), not in timed unit tests.
"""

from ._results import GOALS
from ._runner import BenchConfig, run_benchmark

__all__ = ["GOALS", "BenchConfig", "run_benchmark"]
