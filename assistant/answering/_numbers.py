"""Which numbers the facts support: every value the catalog, model specs, plan and assumptions hold.

Used to check an answer (the offline composer's in tests, an LLM's at run time): a number in the text
that no fact produced is a number someone made up.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import date
from enum import Enum

from pydantic import BaseModel

from ..sizing import Fit, load_assumptions
from ..understanding import use_said
from ..understanding._progress import run_pace
from ._facts import Facts
from ._units_asked import GIB_PER_GB, asks_gib

__all__ = ["fact_numbers", "numbers_not_in", "unsupported_numbers"]

_CITATION = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")
_LIST_MARKER = re.compile(r"^[ \t]*\d+[.)][ \t]", re.MULTILINE)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?")  # not inside names such as H100, L4, bf16, MI300X
_HOURS_PER = (1, 24, 24 * 7, 365 * 24 / 12, 365 * 24)  # hour, day, week, month, year


def _numbers(text: str) -> set[str]:
    text = _THOUSANDS.sub("", text)
    found = set()
    for token in _NUMBER.findall(text):
        whole, _, fraction = token.partition(".")
        whole = whole.lstrip("0") or "0"
        fraction = fraction.rstrip("0")
        found.add(f"{whole}.{fraction}" if fraction else whole)
    return found


def numbers_not_in(text: str, allowed: str) -> set[str]:
    """Numbers in ``text`` that appear nowhere in ``allowed``.

    Thousands separators are ignored (1,024 == 1024) and trailing decimal zeros too (1.50 == 1.5).
    Citation markers such as [1] or [2, 3] and Markdown list markers ("1. ") in ``text`` are not
    counted, since a writer may add them. Tokens are returned in that normalised form.
    """
    text = _LIST_MARKER.sub("", _CITATION.sub("", text))
    return _numbers(text) - _numbers(allowed)


def _renderings(value: float) -> Iterable[str]:
    """The ways an answer may print ``value``: rounded, as a percentage, in minutes or days, per GB or B."""
    for scaled in (value, value * 100, value * 60, value / 24, value / 1e9, value / 1e6, value / 1e12):
        for digits in (0, 1, 2, 3):
            yield f"{scaled:.{digits}f}"
    yield f"{value:g}"


def _walk(value, out: list[str], seen: set[int], depth: int = 0) -> None:
    """Every number and string inside ``value`` (dataclasses, pydantic rows, containers), as text."""
    if depth > 8 or id(value) in seen:
        return
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int | float):
        out.extend(_renderings(float(value)))
        return
    if isinstance(value, str | Enum):
        out.append(str(value))
        return
    if isinstance(value, date):
        out.append(value.isoformat())
        out.append(f"{value:%B %Y}")
        return
    seen.add(id(value))
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _walk(getattr(value, name), out, seen, depth + 1)
        for name in ("price_per_hour", "training_tflops"):
            _walk(getattr(value, name, None), out, seen, depth + 1)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            _walk(getattr(value, f.name), out, seen, depth + 1)
        for name in (
            "total_gb",
            "price_per_hour",
            "headroom_gb",
            "memory_fraction",
            "model_label",
            "scale",
            "total_usd",  # a budget's setups: count x price
            "tokens_per_s",
        ):
            if hasattr(type(value), name):
                _walk(getattr(value, name), out, seen, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(key, out, seen, depth + 1)
            _walk(item, out, seen, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _walk(item, out, seen, depth + 1)


def _arithmetic(facts: Facts, out: list[str]) -> None:
    """The arithmetic an answer may show on catalog rows: ratios, per-dollar figures, costs over a period."""
    details = facts.understanding.details
    if (
        details.model
    ):  # a model card's pre-training compute: GPU-hours, in millions, tokens, FLOPs and the MFU
        from ..knowledge._pretraining import load_pretraining

        run = load_pretraining().get(details.model)
        if run is not None:
            out.extend(_renderings(run.gpu_hours))
            out.extend(_renderings(run.gpu_hours / 1e6))
            out.extend(_renderings(run.tokens_t))
            params = facts.plan.workload.params if facts.plan is not None else 0.0
            flops = 6 * params * run.tokens_t * 1e12
            out.append(f"{flops:.1e}".split("e")[0])
            out.extend(_renderings(params / 1e9))
            from ..knowledge import load_catalog

            g = load_catalog().by_name(run.gpu)
            if g is not None and g.fp16_tflops and flops:
                out.extend(_renderings(100 * flops / (run.gpu_hours * 3600 * g.fp16_tflops * 1e12)))
                out.extend(_renderings(g.fp16_tflops))
    if facts.lead_memory_gb is not None and asks_gib(facts.understanding.question):  # "in GiB please"
        for digits in (0, 1, 2):  # the lead figure as printed (144 GB, 31.5 GB), in GiB
            out.extend(_renderings(round(facts.lead_memory_gb, digits) * GIB_PER_GB))
    if (
        pace := run_pace(facts.understanding.question)
    ) is not None:  # "30 mins for 0.01 epochs": the whole run
        out.extend(_renderings(pace.hours))
    if details.stated_wall_hours and details.reference_wall_hours:  # "13 hours, the paper 3": how many times
        out.extend(_renderings(details.stated_wall_hours / details.reference_wall_hours))
    gpus = list(facts.gpus)
    out.extend(_scaled_speeds(facts))
    specs = (
        "fp16_tflops",
        "training_tflops",
        "fp8_tflops",
        "memory_gb",
        "memory_bandwidth_gbs",
        "price_per_hour",
    )
    medians = {m.gpu: m.on_demand.median for m in facts.markets if m.on_demand}
    if told := details.card_memories:  # "one 24GB and one 16GB card": what they hold together
        out.extend(_renderings(sum(told)))
    pair = [g for g in gpus if g.name in details.gpus]
    if (
        len(pair) >= 2
    ):  # the cards of one machine: their memory together, and the smallest's times their count
        for memory in (sum(g.memory_gb for g in pair), min(g.memory_gb for g in pair) * len(pair)):
            out.extend(_renderings(memory))
            for key in ("serving_memory_fraction", "training_memory_fraction", "local_memory_fraction"):
                out.extend(_renderings(memory * load_assumptions().number(key)))
    assumed = load_assumptions()
    shares = [assumed.number(k) for k in ("serving_memory_fraction", "training_memory_fraction")]
    counts = [float(n) for n in _numbers(facts.understanding.question)] + [1.0]
    counts += [float(n) for _, n in facts.understanding.details.setups]  # "two 3090s": a count in words
    for a in gpus:
        for price in (a.price_per_hour, medians.get(a.name)):  # the catalog's rate or the offerings median
            for compute in (a.fp16_tflops, a.training_tflops):
                if price and compute:
                    out.extend(_renderings(compute / price))
        for b in gpus:
            for spec in specs:
                x, y = getattr(a, spec), getattr(b, spec)
                if x and y:
                    out.extend(_renderings(x / y))
            if medians.get(a.name) and medians.get(
                b.name
            ):  # a worth verdict: the median price ratio, and per job
                price_ratio = medians[a.name] / medians[b.name]
                out.extend(_renderings(price_ratio))
                for spec in ("training_tflops", "memory_bandwidth_gbs"):
                    x, y = getattr(a, spec), getattr(b, spec)
                    if x and y:
                        out.extend(_renderings(price_ratio / (x / y)))
        for spec in ("training_tflops", "memory_bandwidth_gbs", "memory_gb"):  # a setup of several cards
            for count in counts:
                if getattr(a, spec):
                    out.extend(_renderings(getattr(a, spec) * count))
        for (
            count
        ) in counts:  # the memory such a setup may use: the share a serving engine / training run takes
            for share in shares:
                out.extend(_renderings(a.memory_gb * count * share))
        for even in facts.break_evens:  # a break-even in days (and years) of use at the hours a day said
            for count in counts:
                out.extend(_renderings(even.hours / count))
                out.extend(_renderings(even.hours / count / 365))
            if use := use_said(facts.understanding.question):  # weeks (and years) of use at the hours said
                out.extend(_renderings(even.hours / use.hours))
                out.extend(_renderings(even.hours / use.hours / use.per_year))
                out.extend(_renderings(use.per_year))
                out.extend(_renderings(use.hours * use.per_year * even.rent_per_gpu_hour))  # a year's rent
            if span := facts.understanding.details.stated_wall_hours:  # the rent over the time said
                out.extend(_renderings(span))
                out.extend(_renderings(span * even.rent_per_gpu_hour))
        for low_or_typical in (a.price.low, a.price.typical) if a.price else ():
            for count in counts:
                for hours in _HOURS_PER:
                    out.extend(_renderings(low_or_typical * count * hours))


def fact_numbers(facts: Facts, passages: Sequence = ()) -> str:
    """Text holding every number the facts and passages support, in each way an answer may print it."""
    from ._compose import HELP_TEXT  # its example questions are quotes, not figures

    out: list[str] = [facts.understanding.question, HELP_TEXT]
    _walk(facts, out, set())
    _arithmetic(facts, out)
    _plan_arithmetic(facts, out)
    _cluster_arithmetic(facts, out)
    from ._compose._buy_or_rent import buy_or_rent_figures  # buy or rent: costs over a month, break-even
    from ._compose._format_speed import format_speed_figures  # one format against another: bytes per token
    from ._compose._local_figures import local_figures  # home runs: room left, upgrades, phones
    from ._compose._network import network_figures  # a sharded run's traffic per step against its compute
    from ._compose._non_llm import lever_figures  # a non-LLM kind's span of settings on record
    from ._compose._observed_cause import observed_figures  # a reading's cause: gaps, optimizer state, fp32
    from ._compose._power import power_figures  # electricity: board power x hours x $/kWh
    from ._compose._prices import provider_period_figures  # "per month on A vs B": each provider's bill
    from ._compose._workload import split_sequence_figures  # a sequence no GPU holds: the card it splits over

    for value in (
        *power_figures(facts),
        *buy_or_rent_figures(facts),
        *provider_period_figures(facts),
        *observed_figures(facts),
        *lever_figures(facts),
        *format_speed_figures(facts),
        *local_figures(facts),
        *network_figures(facts),
        *split_sequence_figures(facts),
    ):
        out.extend(_renderings(value))
    from ._compose._mfu import mfu_sources

    out.extend(mfu_sources(facts))  # the published runs an MFU answer cites, with their figures
    for passage in passages:
        out.append(passage.page_content)
    return "\n".join(out)


def unsupported_numbers(text: str, facts: Facts, passages: Sequence = ()) -> set[str]:
    """Numbers in ``text`` that no fact or passage supports."""
    return numbers_not_in(text, fact_numbers(facts, passages))


def _plan_arithmetic(facts: Facts, out: list[str]) -> None:
    """What a workload answer derives from its plans: time to first token in ms, the KV cache per token,
    logits and embedding sizes, and, comparing two plans, the difference of each breakdown line."""
    plans = [p for p in (facts.plan, facts.contrast) if p is not None]
    for plan in plans:
        for fit in (plan.lead, *plan.checks):
            serving = getattr(fit, "serving", None)
            if serving is not None and serving.time_to_first_token_s is not None:
                out.extend(_renderings(serving.time_to_first_token_s * 1000))
            if serving is not None and serving.batch_tokens_per_s and serving.batch:
                out.extend(_renderings(serving.batch * serving.batch_tokens_per_s))
            if fit is plan.lead and fit is not None:
                from ._compose._shapes import replica_plan

                served = replica_plan(facts, fit) if hasattr(fit, "gpu") and facts.plan is plan else None
                if served is not None:  # users at a speed each: replicas, users per copy, GPUs in all
                    out.extend(_renderings(served.replicas))
                    out.extend(_renderings(served.users_each))
                    out.extend(_renderings(served.gpus))
                    out.extend(_renderings(served.per_replica))
            if fit is plan.lead and facts.plan is plan:
                from ._compose._workload import activation_growth, context_match

                # a reading far above the estimate: the sequences per step (training) or context it matches
                for matched in (activation_growth(facts), context_match(facts)):
                    for value in matched or ():
                        out.extend(_renderings(value))
            api = facts.understanding.details.api_price_per_million
            if serving is not None and api and serving.cost_per_million_tokens:
                # the self-hosted cost against a quoted API price: the ratio and the break-even busy share
                out.extend(_renderings(api / serving.cost_per_million_tokens))
                out.extend(_renderings(serving.cost_per_million_tokens / api))
        hours = load_assumptions().number("hours_per_month")
        for fit in plan.report.fits:  # any setup's month around the clock (the cheapest one beside a bill)
            if fit.price_per_hour:
                out.extend(_renderings(fit.price_per_hour * hours))
        for fit in (plan.lead, *plan.checks, *plan.report.fits[:1]):
            training = getattr(fit, "training", None)
            if training is not None:  # a FLOP count in e-notation: its mantissa ("8.4e22")
                out.append(f"{training.flops:.1e}".split("e")[0])
                if training.tokens_per_s_per_gpu:  # the throughput across typical MFU, and FLOPs per token
                    a = load_assumptions()
                    for key in ("training_mfu_low", "training_mfu_high"):
                        ratio = a.number(key) / a.number("training_mfu")
                        out.extend(_renderings(training.tokens_per_s_per_gpu * ratio))
                    work = plan.workload
                    out.extend(_renderings(training.flops / work.tokens / work.active_params))
                    out.extend(_renderings(training.tokens_per_s_per_gpu * fit.count))
        from ._compose._shapes import run_deadline, servers_held

        for fit in (plan.lead, *plan.checks):
            if getattr(fit, "training", None) is not None:
                out.extend(_renderings(servers_held(plan.estimate, fit)))
        for option in getattr(plan, "options", ()):  # each method's count, before whole servers
            for fit in (option.best, *option.on_named.values()):
                if isinstance(fit, Fit) and fit.count > 1:
                    out.extend(_renderings(servers_held(option.estimate, fit)))
        deadline, _ = run_deadline(facts)
        for fit in (plan.lead, *plan.checks):
            training = getattr(fit, "training", None)
            if deadline and training is not None:
                from ..sizing import gpus_for_deadline

                per_node = int(load_assumptions().number("gpus_per_node"))
                n = gpus_for_deadline(training, fit.count, deadline, per_node)
                out.extend(_renderings(n // per_node))
                out.extend(_renderings(training.gpu_hours / 24))
                out.extend(_renderings(n))
                out.extend(_renderings(training.gpu_hours / n))
                if fit.gpu.price_per_hour:
                    out.extend(_renderings(training.gpu_hours * fit.gpu.price_per_hour))
        work = plan.workload
        adapters = facts.understanding.details.lora_adapters
        if adapters and work.task.value == "inference":  # LoRA adapters served on the model: each and all
            from ..sizing import lora_adapter_params

            assumed = load_assumptions()
            each = lora_adapter_params(work, assumed) * 2 / 1e9
            out.extend(_renderings(each))
            out.extend(_renderings(each * adapters))
            out.extend(_renderings(work.lora_rank or assumed.number("lora_rank")))
        size = facts.understanding.details.dataset_bytes
        if size and work.tokens:  # a dataset told by its file size: its size and the bytes per token taken
            out.extend(_renderings(size))
            out.extend(_renderings(size * (facts.understanding.details.epochs or 1) / work.tokens))
        examples = facts.understanding.details.examples
        if examples and work.tokens:  # the length assumed per example, and the tokens they make
            out.extend(_renderings(work.tokens / examples / (facts.understanding.details.epochs or 1)))
        theirs = [g for g in facts.gpus if g.name in facts.understanding.details.gpus]
        if work.task.is_training and theirs:
            from ..sizing import training_tokens_per_s  # the pace a slow run is set against, on their card

            count = facts.understanding.details.gpu_count or 1
            pace = training_tokens_per_s(work, theirs[0], count, load_assumptions())
            if pace:
                out.extend(_renderings(pace))
                out.extend(_renderings(work.active_params / 1e9))
        if work.task.is_training:  # system RAM to load the 16-bit checkpoint: once, per process, one shard
            assumed = load_assumptions()
            weights = work.params * assumed.bytes_per_param("bf16") / 1e9
            out.extend(_renderings(weights))
            out.extend(_renderings(weights * (facts.understanding.details.gpu_count or 1)))
            out.extend(_renderings(assumed.number("hf_checkpoint_shard_gb")))
        tokens = work.context * work.batch
        out.extend(_renderings(work.shape.embedding_params))
        out.extend(_renderings(tokens * work.shape.vocab_size * 4))
        out.extend(
            _renderings(
                tokens * work.shape.vocab_size * load_assumptions().number("logits_bytes_per_token_vocab")
            )
        )
        from ._compose._engine_memory import context_cap_figures
        from ._compose._kv_context import kv_context_figures

        if facts.plan is plan:  # a server's context cap: the room after the weights and the cap made of it
            for figure in context_cap_figures(facts):
                out.extend(_renderings(figure))

        for estimate in (plan.estimate, *(o.estimate for o in getattr(plan, "options", ()))):
            for gpu in facts.gpus:  # a long context overflowing a card: the context that fits, 8-bit KV total
                for figure in kv_context_figures(estimate, gpu.memory_gb) or ():
                    if figure is not None:
                        out.extend(_renderings(figure))
        for item in plan.estimate.items:
            if item.label == "KV cache":
                out.extend(_renderings(item.gb * 1e9 / tokens / 1024))
        from ._compose._data_parallel import qlora_copy_gb  # a LoRA run's copy per GPU with a 4-bit base

        if facts.plan is plan and (four_bit := qlora_copy_gb(facts)) is not None:
            out.extend(_renderings(four_bit))
        # memory per GPU at the count the user said, for the estimate, each strategy and each method beside it
        count = facts.understanding.details.gpu_count
        if count:
            estimates = (
                plan.estimate,
                *(e for _, e in getattr(plan, "strategies", ())),
                *(o.estimate for o in getattr(plan, "options", ())),
            )
            for estimate in estimates:
                out.extend(_renderings(estimate.per_gpu_gb(count)))
    if len(plans) == 2:
        a, b = (p.estimate for p in plans)
        for label in {i.label for i in (*a.items, *b.items)}:
            ga = next((i.gb for i in a.items if i.label == label), 0.0)
            gb_ = next((i.gb for i in b.items if i.label == label), 0.0)
            out.extend(_renderings(ga - gb_))
            out.extend(_renderings(abs(ga - gb_)))
        out.extend(_renderings(a.total_gb - b.total_gb))
        out.extend(_renderings(abs(a.total_gb - b.total_gb)))
        out.extend(_renderings(a.total_gb / b.total_gb))  # "1.17x"
        out.extend(_renderings(a.total_gb / b.total_gb - 1))  # "17% more"


def _cluster_arithmetic(facts: Facts, out: list[str]) -> None:
    """GPU-hours over a cluster's GPUs (the wall clock), a wall clock times its GPUs (the GPU-hours), and what
    those GPU-hours cost at each named GPU's rate."""
    from ._compose._cluster_time import cluster_hours

    figures = cluster_hours(facts)
    if figures is None:
        return
    gpu_hours, hours = figures
    out.extend(_renderings(gpu_hours))
    out.extend(_renderings(hours))
    out.extend(_renderings(hours / 24 / 7))
    for gpu in facts.gpus:
        if gpu.price_per_hour:
            out.extend(_renderings(gpu_hours * gpu.price_per_hour))


def _scaled_speeds(facts) -> list[str]:
    """A non-LLM speed measured on one catalog card and carried to the user's by bandwidth or FP16 TFLOPS: the
    measured card's figures and the scaled rates (answering._compose._non_llm._scaled_speed)."""
    from ..knowledge import load_catalog

    out: list[str] = []
    catalog = load_catalog()
    for run in facts.work_runs or ():
        found = catalog.find_in_text(run.fact.gpu or run.fact.hardware or "")
        if not found or not run.fact.rate:
            continue
        other = found[0]
        for spec in ("memory_bandwidth_gbs", "fp16_tflops"):
            theirs = getattr(other, spec) or 0.0
            out.extend(_renderings(theirs))
            for mine in facts.gpus:
                ours = getattr(mine, spec) or 0.0
                if theirs and ours:
                    rate = run.fact.rate * ours / theirs
                    out.extend(_renderings(rate))
                    out.extend(_renderings(1 / rate))
                    if run.amount:
                        out.extend(_renderings(run.amount / rate / 60))
                        out.extend(_renderings(run.amount / rate / 3600))
    return out
