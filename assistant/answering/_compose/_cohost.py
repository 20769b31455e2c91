"""Several models served on the same hardware at once ("Llama 3 8B and Mistral 7B on one A100"): the verdict on
them together — their memory adds up, and each serving engine needs its own share of the card."""

from __future__ import annotations

from ...sizing import Fit, load_assumptions, usable_memory_gb
from .._facts import Facts
from ._format import capitalized, gb

__all__ = ["cohost_lead"]


def cohost_lead(facts: Facts) -> str:
    """'**Yes** — together they need about 34.0 GB …' on the user's GPU (or the answer's pick), with the shares."""
    work = facts.workload
    models = [(work.model_label, facts.estimate.total_gb), *facts.cohosted]
    total = sum(need for _, need in models)
    parts = " + ".join(f"{name} ({gb(need)})" for name, need in models)
    check = next(iter(facts.checks), None)
    fit = check if isinstance(check, Fit) else None
    gpu = check.gpu if check is not None else (facts.pick.gpu if facts.pick else None)
    if gpu is None:
        return f"Together they need about **{gb(total)}**: {parts}, each with its own copy of the weights and KV cache."
    count = facts.understanding.details.gpu_count or (fit.count if fit else 1)
    a = load_assumptions()
    card = usable_memory_gb(gpu, False, work.runtime, a, work.memory_fraction)[0] * count
    raw = gpu.gpu_memory_gb * count
    on = f"{count} x {gpu.name}" if count > 1 else f"one {gpu.name}"
    shares = ""
    default = a.number("serving_memory_fraction")
    if total <= raw * default:
        each = ", ".join(f"about {need / raw:.2f} for {name}" for name, need in models)
        shares = (
            " Under vLLM or SGLang each model is its own server and each takes a share of the card at start-up "
            f"({default:g} by default, so the second one fails to start): give each a share that covers it — "
            f"{each} (`--gpu-memory-utilization`, SGLang `--mem-fraction-static`), summing to no more than "
            f"{default:g}; llama.cpp and Ollama take only what each model needs."
        )
    verdict = "**Yes** — " if total <= card else "**No** — "
    fits = "within" if total <= card else "more than"
    lead = f"together they need about **{gb(total)}**: {parts}, {fits} the {gb(card)} usable on {on}."
    if not facts.understanding.details.yes_no:
        return capitalized(lead) + shares
    return verdict + lead + shares
