"""A throughput target for a whole deployment — "5k tokens/s total", "100 requests per second" — answered with how
many GPUs reach it: copies of the model (each on the fewest GPUs that hold it) behind a load balancer, each
generating its full-load throughput (the KV cache full of sequences, continuous batching), never one user's speed
and never the request count read as sequences held at once."""

from __future__ import annotations

import math
from dataclasses import replace

from ...sizing import Fit, MemoryEstimate, Task, estimate_memory, fit_gpu, load_assumptions
from .._facts import Facts
from ._format import money

__all__ = ["request_rate_sentence", "throughput_target_sentence"]


def _target(facts: Facts) -> tuple[float, str] | None:
    """(generated tokens/s asked for, how it was read) or None."""
    details = facts.understanding.details
    if details.target_tokens_per_s:
        return details.target_tokens_per_s, ""
    if details.target_requests_per_s:
        rate = details.target_requests_per_s
        if details.output_tokens:  # "500 token replies": the reply length said
            return rate * details.output_tokens, (
                f" ({rate:,.4g} requests/s x {details.output_tokens:,.0f} generated tokens each)"
            )
        each = load_assumptions().number("output_tokens_per_request")
        return rate * each, (
            f" ({rate:,.4g} requests/s x {each:.0f} generated tokens each, the average ShareGPT reply — say your "
            "reply length for a closer figure)"
        )
    return None


def _sized(facts: Facts, output: float | None = None, work=None) -> MemoryEstimate:
    """The estimate the target is sized on: one sequence of the context said, or — unsaid — of an average chat
    request (corpus/assumptions.yaml input and output tokens per request, or the reply length said), not the long
    default context."""
    if facts.understanding.details.context and work is None:
        return facts.estimate
    work = work or facts.workload
    a = load_assumptions()
    if facts.understanding.details.context:
        return estimate_memory(work, a)
    length = int(a.number("input_tokens_per_request") + (output or a.number("output_tokens_per_request")))
    return estimate_memory(replace(work, context=length, batch=1), a)


def request_rate_sentence(facts: Facts, what: str, fit: Fit | None, work=None) -> str:
    """ "About **6.7 requests per second** on 1x H100 SXM …": the request rate ``fit`` sustains at full load for
    ``work`` (the question's workload unless another format is served), asked for ("how many requests per second
    can it handle?"), or "" when none is asked."""
    details, work = facts.understanding.details, work or facts.workload
    if not details.rate_asked_per or work is None or work.task is not Task.INFERENCE or fit is None:
        return ""
    a = load_assumptions()
    output = details.output_tokens or a.number("output_tokens_per_request")
    estimate = _sized(facts, output, work)
    sized = fit_gpu(estimate, fit.gpu, a, count=fit.count)
    if not isinstance(sized, Fit) or sized.serving is None or not sized.serving.throughput_tokens_per_s:
        return ""
    s = sized.serving
    rate = s.throughput_tokens_per_s / output * (60 if details.rate_asked_per == "minute" else 1)
    shown = f"{rate:,.2g}" if rate < 10 else f"{rate:,.0f}"
    read = (
        ""
        if details.output_tokens
        else " (the average ShareGPT reply; say your reply length for a closer figure)"
    )
    return (
        f"About **{shown} requests per {details.rate_asked_per}** on {fit.label} for {what} at full load: it "
        f"generates about {s.throughput_tokens_per_s:,.0f} tokens/s in total with {s.max_sequences} sequences of "
        f"{estimate.workload.context:,} tokens batched in its KV cache, at {output:,.0f} generated tokens "
        f"per request{read}. Reading long prompts (prefill) takes its share too, so a long-prompt mix sustains fewer."
    )


def _copy(estimate: MemoryEstimate, gpu, tokens: float) -> Fit | None:
    """The copy of the model on ``gpu`` (1, 2, 4 or 8 of them, tensor parallel) that reaches ``tokens``/s with the
    fewest GPUs in all: a bigger copy has more KV-cache room, so it batches more sequences per GPU."""
    best, fewest = None, math.inf
    for size in (1, 2, 4, 8):
        outcome = fit_gpu(estimate, gpu, load_assumptions(), count=size)
        if (
            not isinstance(outcome, Fit)
            or outcome.serving is None
            or not outcome.serving.throughput_tokens_per_s
        ):
            continue
        gpus = math.ceil(tokens / outcome.serving.throughput_tokens_per_s) * size
        if gpus < fewest:
            best, fewest = outcome, gpus
    return best


def throughput_target_sentence(facts: Facts, what: str) -> str:
    """ "**8 x L4** for about 33,800 tokens/s — …", "Yes/No — 4 x L4 generate about …", or "" when no throughput
    target was said (or the model is not served)."""
    work, details = facts.workload, facts.understanding.details
    if work is None or work.task is not Task.INFERENCE or (target := _target(facts)) is None:
        return ""
    tokens, read = target
    estimate = _sized(facts, facts.understanding.details.output_tokens)
    named = [c.gpu for c in facts.checks]
    if named:
        copies = [(gpu, c) for gpu in named if (c := _copy(estimate, gpu, tokens)) is not None]
    else:
        report = facts.plan.report if facts.plan else None
        weighed = [f.gpu for f in report.fits] + [n.gpu for n in report.no_fits] if report else []
        copies = [
            (gpu, c)
            for gpu in weighed
            if gpu.price_per_hour
            and gpu.gpu_class != "consumer"
            and (gpu.software == "CUDA" or details.vendor)
            and (c := _copy(estimate, gpu, tokens)) is not None
        ]
    if not copies:
        return ""

    def need(fit: Fit) -> tuple[int, int]:
        replicas = math.ceil(tokens / fit.serving.throughput_tokens_per_s)
        return replicas, replicas * fit.count

    def cost(pair) -> float:
        gpu, fit = pair
        return need(fit)[1] * (gpu.price_per_hour or math.inf)

    gpu, fit = min(copies, key=cost) if not named else copies[0]
    s = fit.serving
    context = estimate.workload.context
    replicas, gpus = need(fit)
    one = f"one {gpu.name}" if fit.count == 1 else f"{fit.count} x {gpu.name} (tensor parallel)"
    per_copy = (
        f"{one} generates about {s.throughput_tokens_per_s:,.0f} tokens/s at full load ({s.max_sequences} sequences "
        f"of {context:,} tokens batched together in its KV cache)"
    )
    price = f", about {money(gpus * gpu.price_per_hour)}/hour" if gpu.price_per_hour else ""
    if price and details.wants_cost:  # "what does it cost to serve …": the month around the clock too
        month = gpus * gpu.price_per_hour * load_assumptions().number("hours_per_month")
        price += f" (about **{money(month)} a month** around the clock)"
    asked = f"about {tokens:,.0f} generated tokens/s{read}"
    if not details.context:
        whose = (
            "the average ShareGPT prompt and your reply length"
            if details.output_tokens
            else "the average ShareGPT request, prompt and reply"
        )
        asked += f", sequences of about {context:,} tokens ({whose})"
    if named and details.gpu_count and details.yes_no:
        have = details.gpu_count // fit.count
        reach = have * s.throughput_tokens_per_s
        verdict = "**Yes**" if reach >= tokens else "**No**"
        return (
            f"{verdict} — {details.gpu_count} x {gpu.name} reach about {reach:,.0f} tokens/s for {what}, against "
            f"{asked}: {per_copy}. It takes {gpus} x {gpu.name}{price}."
        )
    copies_said = (
        f"{replicas} copies of the model behind a load balancer give" if replicas > 1 else "one copy gives"
    )
    return (
        f"**{gpus} x {gpu.name}** for {asked} — {what}: {per_copy}, so {copies_said} about "
        f"{replicas * s.throughput_tokens_per_s:,.0f} tokens/s{price}. Longer prompts and replies, or a per-user "
        "speed to keep, need more."
    )
