"""The largest micro-batch (sequences per step) that fits a training or serving job on a setup (pure).

Memory grows with the batch (activations, logits, KV cache) and everything else stays put, so the largest
batch that fits is found by bisection over the same memory arithmetic every other answer uses.
"""

from __future__ import annotations

from ..knowledge._catalog import GPU
from ._assumptions import Assumptions
from ._memory import estimate_memory
from ._runtime import usable_memory_gb
from ._workload import Workload

__all__ = ["largest_batch", "longest_sequence"]

_MOST = 4096  # a bound on the search; no single step holds more sequences than this


def largest_batch(work: Workload, gpu: GPU, count: int, assumptions: Assumptions) -> int:
    """The most sequences of ``work.context`` tokens per step that fit on ``count`` x ``gpu`` (0: not even one)."""
    usable, _ = usable_memory_gb(gpu, work.task.is_training, work.runtime, assumptions, work.memory_fraction)

    def fits(batch: int) -> bool:
        return estimate_memory(work.with_(batch=batch), assumptions).per_gpu_gb(count) <= usable

    return _largest_that_fits(fits, _MOST)


def _largest_that_fits(fits, most: int) -> int:
    """The largest n in 1..``most`` for which ``fits(n)`` holds, ``fits`` being monotone (0: not even 1)."""
    if not fits(1):
        return 0
    low, high = 1, most
    while low < high:
        mid = (low + high + 1) // 2
        if fits(mid):
            low = mid
        else:
            high = mid - 1
    return low


_STEP = 256  # sequence lengths are searched in steps of this many tokens


def longest_sequence(work: Workload, usable_gb: float, count: int, assumptions: Assumptions) -> int:
    """The longest training sequence (a multiple of 256 tokens, up to the model's context) of ``work`` whose
    memory per GPU on ``count`` GPUs stays within ``usable_gb`` (0: not even 256 tokens)."""

    def fits(steps: int) -> bool:
        return estimate_memory(work.with_(context=steps * _STEP), assumptions).per_gpu_gb(count) <= usable_gb

    return _largest_that_fits(fits, max(1, work.shape.max_context // _STEP)) * _STEP
