"""'Do I need InfiniBand, or is 100GbE fine?' for a training run over several servers: the traffic full sharding
puts on the network each step (ZeRO paper: 3 x the 16-bit parameters per GPU under ZeRO-3 / FSDP) against the
compute of the same step (6 x parameters x tokens at the assumed MFU), over the Ethernet figure the user names
(shared by a server's GPUs) and over InfiniBand-class networking (one 400 Gb/s adapter per GPU, DGX H100)."""

from __future__ import annotations

import re

from ...sizing import Task, load_assumptions, lora_adapter_params
from .._facts import Facts
from ._shapes import lead_fit

__all__ = ["network_figures", "network_text"]

_NETWORK = re.compile(r"\binfini-?band\b|\broce\b|\bethernet\b|\b\d+\s*gbe\b|\befa\b|\binterconnect\b")
_ETHERNET_GBPS = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:gbe|g\s*ethernet|gb(?:it)?/s|gbps|gbit)\b")
_SERVERS = re.compile(r"\b(\d{1,3})\s+(?:nodes|servers|machines|boxes|hosts)\b")
_PER_GPU = re.compile(r"\bper (?:gpu|card)\b|\beach (?:gpu|card)\b")
# a Yes says the link falls short: "do I need InfiniBand?", "will the network bottleneck it?"
_SHORT_ASKED = re.compile(
    r"\bneed\b|\brequire|\bmust\b|\bhave to\b|\bbottleneck|\btoo slow\b|\bslow (?:it|things|us|training)\b"
    r"|\bhold (?:it|us|things) back\b|\blimit(?:ing)?\b"
)


def _asked(facts: Facts) -> float | None:
    """The Ethernet Gb/s the question names for a multi-server training run (100 when it names none), or None."""
    question = facts.understanding.question.lower()
    work = facts.workload
    if work is None or not work.task.is_training or not work.params or not _NETWORK.search(question):
        return None
    said = _ETHERNET_GBPS.search(question)
    return float(said.group(1)) if said else 100.0


def _step(facts: Facts):
    """(GPU, count, servers, seconds of compute, seconds on the user's link, seconds on InfiniBand) per step."""
    gbps = _asked(facts)
    fit = lead_fit(facts)
    if gbps is None or fit is None or not fit.gpu.training_tflops:
        return None
    a = load_assumptions()
    per_node = int(a.number("gpus_per_node"))
    work = facts.workload
    said = _SERVERS.search(facts.understanding.question.lower())
    servers_said = int(said.group(1)) if said else 0
    count = max(facts.understanding.details.gpu_count or fit.count, max(servers_said, 2) * per_node)
    servers = -(-count // per_node)
    traffic_gb = _traffic_gb(work, a)
    tokens = work.batch * work.context
    compute_s = 6 * work.params * tokens / (fit.gpu.training_tflops * 1e12 * a.number("training_mfu"))
    shared = 1 if _PER_GPU.search(facts.understanding.question.lower()) else per_node
    link_s = traffic_gb / (gbps / 8 / shared)
    infiniband_s = traffic_gb / (a.number("infiniband_gbps_per_gpu") / 8)
    return fit.gpu, count, servers, gbps, shared, traffic_gb, tokens, compute_s, link_s, infiniband_s


def _traffic_gb(work, a) -> float:
    """GB each GPU sends per step: a full run sharded (ZeRO-3 / FSDP) moves its 16-bit weights 3 times; an adapter
    run under plain data parallelism all-reduces only the adapters' 16-bit gradients (2 x, as DDP does)."""
    if work.task in (Task.LORA, Task.QLORA):
        return 2 * lora_adapter_params(work, a) * 2 / 1e9
    return a.number("sharded_traffic_params_per_step") * work.params * 2 / 1e9


def network_figures(facts: Facts) -> list[float]:
    """The figures ``network_text`` prints."""
    step = _step(facts)
    if step is None:
        return []
    _, count, servers, gbps, shared, traffic_gb, tokens, compute_s, link_s, infiniband_s = step
    return [count, servers, gbps, gbps / 8 / shared, traffic_gb, tokens, compute_s, link_s, infiniband_s]


def network_text(facts: Facts) -> str:
    """The network verdict for a sharded run over several servers, with the step arithmetic; '' otherwise."""
    step = _step(facts)
    if step is None:
        return ""
    gpu, count, servers, gbps, shared, traffic_gb, tokens, compute_s, link_s, infiniband_s = step
    a = load_assumptions()
    slow = link_s > compute_s
    verdict = ""
    if facts.understanding.details.yes_no:
        short = _SHORT_ASKED.search(facts.understanding.question.lower())
        verdict = "**Yes** — " if slow == bool(short) else "**No** — "
    link = f"{gbps:g} Gb/s Ethernet" + (
        " per GPU" if shared == 1 else f" per server ({shared} GPUs share it)"
    )
    lead = (
        f"{link} is too slow for this: InfiniBand-class networking (or RoCE / EFA at similar speed) is what "
        "keeps the GPUs busy."
        if slow
        else f"{link} keeps up with this run's compute."
    )
    ib = a.number("infiniband_gbps_per_gpu")
    adapters = facts.workload.task in (Task.LORA, Task.QLORA)
    moved = (
        f"Over {servers} servers ({count} x {gpu.name}) under plain data parallelism, each GPU all-reduces only "
        f"the adapters' gradients per step ({traffic_gb:,.2f} GB; the frozen base never crosses the network)."
        if adapters
        else f"Sharded over {servers} servers ({count} x {gpu.name}) with ZeRO-3 / FSDP, each GPU moves about "
        f"{a.number('sharded_traffic_params_per_step'):g} x the 16-bit weights per step ({traffic_gb:,.0f} GB: "
        "two all-gathers and a reduce-scatter)."
    )
    return (
        f"{verdict}{lead} {moved} At {gbps / 8 / shared:,.2f} GB/s per GPU "
        f"that is about {link_s:,.2f} s of traffic per step against about {compute_s:,.1f} s of compute "
        f"({tokens:,} tokens per GPU at {a.number('training_mfu'):.0%} MFU)"
        + (
            "."
            if adapters
            else f"; over {ib:g} Gb/s InfiniBand per GPU (DGX H100) it is about {infiniband_s:,.2f} s. Larger "
            "micro-batches or longer sequences give the traffic more compute to hide behind, and HYBRID_SHARD "
            "(sharding within a server, only gradients across servers) keeps the weight traffic on NVLink."
        )
    )
