"""A training run that ran out of memory partway through ("fine until step 200", "OOM during eval", "after half
an epoch"): the model states, gradients and optimizer are allocated by the first steps, so a later out-of-memory
error comes from what changes during the run. The usual causes, named with their settings."""

from __future__ import annotations

import re

from .._facts import Facts
from ._shapes import reports_oom

__all__ = ["mid_run_oom_text", "ooms_partway"]

# when in the run it failed: after some steps or epochs, at the evaluation, suddenly after running fine
_PARTWAY = re.compile(
    r"\b(?:after|at|around|when it (?:hit|hits|reached|reaches|got to|gets to))\s+(?:step\s+)?(?:about\s+)?"
    r"(?:\d{2,}(?!\d|[,.]\d|\s*-?\s*(?:tokens?|tok\b|k\b|gb|gib|mb|context|ctx|seq|sequence|length))|a few|some|several|\d+(?:\.\d+)?\s*(?:epochs?|hours?|steps?|iterations?|its?\b|batch(?:es)?))"
    r"|\b(?:during|in|at|on)\s+(?:the\s+)?(?:first\s+|1st\s+|every\s+)?(?:eval\w*|validation)\b|\beval(?:uation)?\s+(?:step|loop|phase)\b"
    r"|\b(?:mid[- ]?(?:training|run|epoch|way)|half ?way|partway|part way|after a while|randomly|suddenly)\b"
    r"|\b(?:shoots?|shot|jumps?|jumped|spikes?|spiked)\s+up\b|\b(?:fine|ok|okay|well)\s+(?:until|till|for)\b"
)


def ooms_partway(question: str) -> bool:
    """Whether ``question`` (lower-cased) reports an out-of-memory error that came partway through a run."""
    return reports_oom(question) and bool(_PARTWAY.search(question))


def mid_run_oom_text(facts: Facts) -> str:
    """The causes of a training run's out-of-memory error that came partway through; '' otherwise."""
    if not facts.workload.task.is_training or not ooms_partway(facts.understanding.question.lower()):
        return ""
    return (
        "**Out of memory partway through a run** that started fine is rarely the model itself (weights, "
        "gradients and optimizer states are allocated in the first steps). The usual causes: the evaluation "
        "loop (lower `per_device_eval_batch_size`, set `eval_accumulation_steps`, or generate shorter), an "
        "unusually long batch (cap the sequence length; `group_by_length` puts the longest together), and "
        "fragmentation of PyTorch's caching allocator (`PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True`, or "
        "`max_split_size_mb` on older versions)."
    )
