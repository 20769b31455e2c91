"""Users are not sequences: "can one H100 serve Llama 3 8B to 200 users?" counts people, not requests in flight.
A server holds KV cache only for the requests being answered at that moment, so when the GPUs named hold the
weights but not all the users' sequences at once, the verdict is conditional on how many run together — with the
number of concurrent sequences the setup holds, and what all of them at once would take."""

from __future__ import annotations

from dataclasses import replace

from ...knowledge import GPU
from ...sizing import MemoryEstimate, NoFit, Task, estimate_memory, fit_at, fit_count, load_assumptions
from .._facts import Facts
from ._format import gb

__all__ = ["users_at_once_note", "users_at_once_sentence"]


def users_at_once_sentence(facts: Facts, what: str) -> str:
    """ "Yes, as long as no more than N of the 200 users have a request running at once — …", or "" when the
    question counts requests in flight (concurrent, at once, a batch), names no GPU, or the GPUs named hold every
    user's sequence together (the plain verdict says so) or not even one."""
    details, work = facts.understanding.details, facts.workload
    if (
        not details.users_unqualified
        or work is None
        or work.task is not Task.INFERENCE
        or not details.batch
        or len(facts.checks) != 1
        or not isinstance(facts.checks[0], NoFit)
    ):
        return ""
    gpu = facts.checks[0].gpu
    count = details.gpu_count or 1
    held_at_once = _held_at_once(facts, gpu, count)
    if held_at_once is None:
        return ""  # not even one sequence fits (the plain No says what it takes), or every user's does
    one, tokens, at_once = held_at_once
    on = f"{count} x {gpu.name}" if count > 1 else f"one {gpu.name}"
    weights = next((i.gb for i in one.items if i.label == "weights"), None)
    held = f" ({gb(weights)} of weights)" if weights else ""
    all_at_once = facts.estimate.total_gb
    needs = facts.checks[0].needs
    more = f", {needs} x {gpu.name}" if needs else ""
    return (
        f"**Yes**, as long as no more than about {at_once} of the {details.batch} users have a request running at "
        f"once — {on} holds {what}{held} plus KV cache for about {at_once} sequences of {work.context:,} tokens "
        f"at the same time ({tokens:,} tokens); a user takes KV cache only while a request of theirs is being "
        f"answered, and a server with continuous batching (vLLM, TGI, SGLang) queues the rest. All {details.batch} "
        f"at once at {work.context:,} tokens each would need about {gb(all_at_once)}{more}."
    )


def users_at_once_note(facts: Facts) -> str:
    """For "how many GPUs to serve Llama 3 8B to 200 users?" (no yes/no): the sizing counts every user's sequence
    at once, which the note says, with how many sequences the fewest GPUs that hold the weights serve together —
    or "" when the count was of requests in flight or those GPUs hold every user anyway."""
    details, work = facts.understanding.details, facts.workload
    if not details.users_unqualified or work is None or work.task is not Task.INFERENCE or not details.batch:
        return ""
    named = facts.checks[0] if len(facts.checks) == 1 else None
    lead = facts.plan.lead if facts.plan else None
    gpu = named.gpu if named is not None else lead.gpu if lead is not None else None
    if gpu is None:
        return ""
    assumptions = load_assumptions()
    count = fit_count(
        estimate_memory(replace(work, batch=1), assumptions), gpu, assumptions, count=details.gpu_count
    )
    held_at_once = None if isinstance(count, NoFit) else _held_at_once(facts, gpu, count)
    if held_at_once is None:
        return ""
    _, _, at_once = held_at_once
    on = f"{count} x {gpu.name}" if count > 1 else f"one {gpu.name}"
    return (
        f"That counts all {details.batch} users' requests at once ({work.context:,} tokens each); {on} holds the "
        f"weights plus KV cache for about {at_once} sequence{'s' if at_once != 1 else ''} at a time, and a user "
        "takes KV cache only while a "
        "request of theirs runs — say how many are active together for a closer figure."
    )


def _held_at_once(facts: Facts, gpu: GPU, count: int) -> tuple[MemoryEstimate, int, int] | None:
    """One user's sequence sized alone, the KV-cache tokens ``count`` x ``gpu`` hold beside the weights, and the
    sequences that makes at once; None when not one fits on them or every user's does."""
    work, users = facts.workload, facts.understanding.details.batch
    assumptions = load_assumptions()
    one = estimate_memory(replace(work, batch=1), assumptions)
    if isinstance(fit_count(one, gpu, assumptions, count=count), NoFit):
        return None
    tokens = fit_at(one, gpu, count, assumptions).kv_capacity_tokens or 0
    at_once = tokens // work.context
    return (one, tokens, at_once) if 1 <= at_once < users else None
