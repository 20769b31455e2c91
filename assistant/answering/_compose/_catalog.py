"""Answers from the catalog alone: specs, comparisons and prices."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...knowledge._catalog import GPU, load_catalog
from ...planning import price_note
from ...sizing import Task, load_assumptions
from ...understanding import engines_named
from ...understanding._premises import same_memory_type
from ...understanding._several_cards import several_cards
from ...understanding._understand import ALTERNATIVE
from .._facts import Facts
from ._format import gb, markdown_table, money, number_text
from ._owned import largest_run, largest_run_text, tools_by_status
from ._shapes import asks_worth_price, reports_oom

__all__ = [
    "PERIODS",
    "RUN_ASKED",
    "asks_alternative",
    "asks_per",
    "chosen_for_use",
    "claimed_factor",
    "class_phrase",
    "compare_answer",
    "factor_said",
    "fastest_within",
    "format_size_figures",
    "how_much_faster",
    "local_pick",
    "matrix_units_sentence",
    "period_of",
    "price_answer",
    "spec_answer",
    "speed_relation",
    "speed_verdict",
]

_ASKED = [
    ("bf16", re.compile(r"\bbf16\b|\bbfloat")),
    ("fp8", re.compile(r"\bfp8\b")),
    ("fp4", re.compile(r"\b(?:nv|mx)?fp4\b|\b4-?bit float")),
    ("fp16", re.compile(r"\bfp16\b|\bfloat16\b|\b16[- ]?bits?\b|\bhalf[- ]precision\b")),
    ("flash", re.compile(r"flash ?attention")),
    ("bandwidth", re.compile(r"\bbandwidth\b")),  # before memory: "the memory bandwidth of X"
    ("memory_type", re.compile(r"\b(?:hbm\d?e?|gddr\d?x?|lpddr\d?x?)\b")),
    (
        "power",
        re.compile(r"\bpower\b|\btdp\b|\bwatts?\b|\bpsu\b"),
    ),  # before memory: "how much power", "how big a PSU"
    ("memory", re.compile(r"\bmemory\b|\bvram\b|\bhow (?:much|big)\b|\bgb\b")),
    ("compute", re.compile(r"\btflops\b|\bflops\b|\bfast\b|\bcompute\b|\bperformance\b")),
    ("link", re.compile(r"\bnvlink\b|\binterconnect\b|\blink\b")),
    ("tensor", re.compile(r"\btensor[- ]?cores?\b|\bmatrix (?:units?|cores?|engines?)\b")),
]
# the memory type a yes/no names ("does the L40S use HBM3?"), compared with the catalog's
_MEMORY_TYPE = re.compile(r"\b(hbm\d?e?|gddr\d?x?|lpddr\d?x?)\b")


# running something on the card asked, with nothing else about the card asked ("can this be executed on a 3090?")
RUN_ASKED = re.compile(
    r"\b(?:run|runs|running|execut\w*|reproduc\w*|replicat\w*|train|training|fine-?tun\w*|inference|infer|"
    r"deploy\w*|host|serve|load)\b"
)
# a sentence that opens as a yes / no ("I want to replicate it. Can this method be executed on a 3090")
_YES_NO_OPENING = re.compile(r"(?:^|[.?!]\s+)(?:can|could|will|would|does|do)\b")


_FORMAT_BYTES = ("fp32", "bf16", "int8", "int4")


def _model_sizes(gpu: GPU) -> dict[str, float]:
    """The largest model, billions of parameters, whose weights alone each number format fits in the card's memory."""
    per_param = load_assumptions()["bytes_per_param"].value
    return {fmt: gpu.memory_gb / float(per_param[fmt]) for fmt in _FORMAT_BYTES}


def format_size_figures(facts: Facts) -> list[float]:
    """The figures ``_weights_by_format`` prints for the cards of the answer."""
    return [size for gpu in facts.gpus for size in _model_sizes(gpu).values()]


def _weights_by_format(gpu: GPU) -> str:
    """' In its 24 GB the weights alone of a model up to about 12B fit in 16-bit, …': the largest model each number
    format holds on the card (memory / bytes per parameter), so a format asked with no model says what it allows."""
    if gpu.gpu_class not in ("consumer", "local"):
        return (
            ""  # a data-center card is asked about its formats for serving or training, not what fits at home
        )
    sizes = _model_sizes(gpu)
    return (
        f" In its {gpu.memory_gb:g} GB the weights alone of a model up to about {sizes['bf16']:.0f}B parameters fit "
        f"in 16-bit (2 bytes each), less in practice since the context's KV cache and buffers take a few GB; fp32 "
        f"(4 bytes) halves that to about {sizes['fp32']:.0f}B and gains nothing for inference. Larger models need "
        f"8-bit weights (bitsandbytes int8, GPTQ or GGUF Q8: up to about {sizes['int8']:.0f}B) or 4-bit ones (GPTQ, "
        f"AWQ or GGUF Q4: up to about {sizes['int4']:.0f}B)."
    )


def _spec_sentence(gpu: GPU, question: str, yes_no: bool = False, count: int = 1) -> str:
    q = question.lower()
    asked = next((name for name, pattern in _ASKED if pattern.search(q)), None)
    if yes_no and (verdict := _spec_verdict(gpu, asked, q)):
        return verdict
    if (
        asked == "fp16"
    ):  # "can I use 16-bit on my 3090 Ti?": every catalog card computes in fp16; bf16 is the question
        also = " and bf16" if gpu.bf16 else " (not bf16: train in fp16 with loss scaling)"
        return f"**Yes** — the {gpu.name} runs 16-bit precision: fp16{also}." + _weights_by_format(gpu)
    if (yes_no or _YES_NO_OPENING.search(q)) and asked is None and RUN_ASKED.search(q):
        # a yes / no about running a job the catalog does not know on the card: no verdict to give, and what decides
        return (
            f"**I can't say yes or no** from the card alone: whether it runs on the {gpu.name} "
            f"({gb(gpu.memory_gb)}) depends on the memory the model or job needs, which I don't have. Tell me the "
            "model (or its parameter count) or the GPU memory its README states, and I will check it against the "
            "card; its spec sheet is below."
        )
    if asked in ("bf16", "fp8", "fp4", "flash"):
        flag = {"bf16": gpu.bf16, "fp8": gpu.fp8, "fp4": gpu.fp4, "flash": gpu.flash_attention_2}[asked]
        label = {
            "bf16": "bf16",
            "fp8": "FP8",
            "fp4": f"FP4 tensor math ({'NVFP4 / MXFP4' if gpu.vendor == 'NVIDIA' else 'MXFP4'})",
            "flash": "FlashAttention-2",
        }[asked]
        extra = ""
        if asked == "fp4" and not flag:
            # no FP4 speed-up, but 4-bit float weights still load where the runtime unpacks them
            extra = (
                " — FP4 weights still load where the runtime unpacks them to 16-bit (llama.cpp runs MXFP4 GGUF files "
                "on any GPU), without FP4's speed-up"
            )
        if asked == "bf16" and not flag:
            extra = " — use fp16 with loss scaling instead"
        if asked == "fp8" and flag and gpu.fp8_tflops:
            extra = f" ({gpu.fp8_tflops:,.0f} dense FP8 TFLOPS)"
        if asked == "fp8" and not flag and gpu.vendor == "NVIDIA" and (gpu.compute_capability or 0) >= 8.0:
            # FP8 checkpoints still serve there, weight-only (the format note after this says how)
            return (
                f"**Not natively** — no FP8 tensor cores on the {gpu.name}; FP8 checkpoints still serve on it "
                "weight-only: vLLM's FP8 Marlin kernel (SGLang and TGI use it too) keeps each weight in 1 byte and "
                "computes in bf16 or fp16."
            )
        return f"**{'Yes' if flag else 'No'}** — the {gpu.name} {'supports' if flag else 'does not support'} {label}{extra}."
    if asked == "bandwidth":
        return f"The {gpu.name} has {gpu.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth ({gpu.memory_type})."
    if asked == "compute":
        return f"The {gpu.name} delivers {number_text(gpu.fp16_tflops, digits=0)} dense FP16/BF16 TFLOPS" + (
            f" and {gpu.fp8_tflops:,.0f} dense FP8 TFLOPS." if gpu.fp8_tflops else " (no FP8)."
        )
    if asked == "power" and count > 1 and gpu.tdp_w:
        # "PSU for two 3090s?": the cards' board power added up, which the supply must carry beside the rest of the PC
        return (
            f"{count} x {gpu.name} draw up to **{number_text(gpu.tdp_w * count, ' W')}** together at their board power "
            f"({number_text(gpu.tdp_w, ' W')} each), before the CPU and the rest of the machine: size the power "
            "supply for that sum plus the CPU's own power limit, with headroom, as the cards can spike above their "
            "board power for milliseconds; a lower power limit (`nvidia-smi -pl`) cuts the draw for a small loss "
            "of speed."
        )
    if asked == "power":
        return f"The {gpu.name} draws up to {number_text(gpu.tdp_w, ' W')}."
    if asked == "link":
        link = f"{gpu.nvlink_gbs:,.0f} GB/s" if gpu.nvlink_gbs else "no NVLink-class link (PCIe only)"
        return f"The {gpu.name} connects via {gpu.interconnect}: {link}."
    kind = class_phrase(gpu)
    if gpu.gpu_class == "local":
        kind = (
            "Mac chip"
            if gpu.vendor == "Apple"
            else "laptop GPU"
            if "Laptop" in gpu.name
            else "compact machine"
        )
    maker = (
        gpu.architecture if gpu.architecture.startswith(gpu.vendor) else f"{gpu.vendor} {gpu.architecture}"
    )
    article = "an" if re.match(r"[AEIOU]|NVIDIA", maker) else "a"
    return f"The {gpu.name} is {article} {maker} {kind}, with {gpu.memory_gb:.0f} GB of {gpu.memory_type}."


def class_phrase(gpu: GPU) -> str:
    """What a card's catalog class means, in words ("data-center accelerator for inference")."""
    return _CLASS_PHRASES.get(gpu.gpu_class, "accelerator")


# what each catalog class means, in words ("both" is a data-center part sold for training and inference alike)
_CLASS_PHRASES = {
    "training": "data-center accelerator for training",
    "inference": "data-center accelerator for inference",
    "both": "data-center accelerator for training and inference",
    "consumer": "desktop graphics card",
}


# "without NVLink", "no nvlink", "only PCIe", "don't have NVLink": a split asked of cards lacking the link
_WITHOUT_LINK = re.compile(
    r"\b(?:without|no|lacks?|lacking|missing)\s+(?:an?\s+)?nvlink|\bnvlink\b[^?.!]{0,20}\b(?:not|isn'?t|absent)\b|"
    r"\b(?:do ?n'?t|does ?n'?t|do not|does not) have (?:an?\s+)?nvlink|\b(?:only|just|over|via) pcie\b"
)
_SPLIT_WORDS = re.compile(
    r"\btensor[-_ ]parallel\w*|\bpipeline[-_ ]parallel\w*|\bsplit\w*|\bshard\w*|\bmulti[- ]?gpu\b|\bacross\b|"
    r"\bboth (?:gpus|cards)\b|\btwo (?:gpus|cards)\b|\bwork\w*|\bpossible\b|\bcombine\w*|\bpool\w*"
)


# a total said for cards paired: "pair two for 32gb", "32gb total", "so it has 48gb"
_POOLED_TOTAL = re.compile(
    r"\b\d+\s*gb\s+(?:total|combined|together|in total)\b|\bfor\s+\d+\s*gb\b|\bpool\w*"
)
# whether two cards' memory adds up is the tool's doing, never the link's (see _pooling.py for the sources)
_NO_POOLED_MEMORY = (
    "NVLink would not merge the cards into one memory anyway: each keeps its own. Whether their memory adds up "
    'depends on the tool: llama.cpp / Ollama / LM Studio and Transformers `device_map="auto"` split a model\'s '
    "layers over both cards over PCIe, so a model of up to about their combined memory runs; training under plain "
    "data parallelism (DDP: torchrun, `accelerate launch`, the Hugging Face Trainer) puts a whole copy on each card, "
    "so only FSDP / DeepSpeed ZeRO-3 spreads a training run's memory."
)


def _spec_verdict(gpu: GPU, asked: str | None, question: str) -> str:
    """A yes/no asked about one spec ("does the 4090 have NVLink?", "does the T4 have tensor cores?", "does the
    L40S use HBM?") answered Yes or No from the catalog row, with the figure; "" for specs read another way."""
    if _WITHOUT_LINK.search(question) and _SPLIT_WORDS.search(question):
        # "can I use tensor parallel across two 4090s without NVLink?": splitting works over PCIe, only slower
        over = f"{gpu.interconnect}" if not gpu.nvlink_gbs else "PCIe when the NVLink bridge is absent"
        return (
            f"**Yes** — splitting a model across several {gpu.name}s (tensor or pipeline parallel: vLLM "
            f"`--tensor-parallel-size`, SGLang `--tp`, TGI `--num-shard`) works without NVLink: the GPUs exchange "
            f"their partial results over {over}, which slows each step (most with tensor parallel, which talks at "
            "every layer) but does not stop it."
        )
    if asked == "link" and re.search(r"\bnvlink\b", question):
        pooled = several_cards(question) or bool(_POOLED_TOTAL.search(question))
        if gpu.nvlink_gbs:
            linked = f"**Yes** — the {gpu.name} has NVLink: {gpu.interconnect} between GPUs."
            return f"{linked} {_NO_POOLED_MEMORY}" if pooled else linked
        answer = (
            f"**No** — the {gpu.name} has no NVLink: its GPUs talk over {gpu.interconnect}, so splitting a model "
            "across several of them (tensor parallel) moves its traffic over that slower bus."
        )
        if pooled:
            answer += " " + _NO_POOLED_MEMORY
        return answer
    if asked == "tensor":
        if gpu.tensor_cores:
            return f"**Yes** — the {gpu.name} ({gpu.architecture}) has tensor cores: {number_text(gpu.fp16_tflops, digits=0)} dense FP16 TFLOPS on them."
        return (
            f"**No** — the {gpu.name} ({gpu.architecture}) has no tensor cores: its {number_text(gpu.fp16_tflops, digits=1)} "
            "FP16 TFLOPS run on the vector units, so fp16 and mixed-precision work is slow on it."
        )
    if asked == "memory_type" and gpu.memory_type and (found := _MEMORY_TYPE.search(question)):
        same = same_memory_type(found.group(1).lower(), gpu.memory_type)
        return (
            f"**{'Yes' if same else 'No'}** — the {gpu.name} has {gpu.memory_gb:.0f} GB of {gpu.memory_type} "
            f"({gpu.memory_bandwidth_gbs:,.0f} GB/s)."
        )
    return ""


def _spec_rows(gpu: GPU, market=None, *, split: bool = False) -> list[tuple[str, str]]:
    price = gpu.price
    return [
        ("vendor / architecture", f"{gpu.vendor} {gpu.architecture} ({gpu.release_year})"),
        ("memory", f"{gpu.memory_gb:.0f} GB {gpu.memory_type}"),
        ("memory bandwidth", f"{gpu.memory_bandwidth_gbs:,.0f} GB/s"),
        *_compute_rows(gpu, split),
        ("dense FP8", number_text(gpu.fp8_tflops, " TFLOPS") if gpu.fp8 else "not supported"),
        ("power", number_text(gpu.tdp_w, " W")),
        ("form factor / link", f"{gpu.form_factor}; {gpu.interconnect}"),
        ("class", gpu.gpu_class),
        (
            "bf16 / FP8 / FlashAttention-2",
            " / ".join("yes" if f else "no" for f in (gpu.bf16, gpu.fp8, gpu.flash_attention_2)),
        ),
        ("software", gpu.software),
        ("price (on-demand)", _price_cell(price, market)),
    ]


def _halves_bf16(gpu: GPU) -> bool:
    """Whether the card (GeForce) runs FP32-accumulate math, which BF16 and mixed-precision training use, at a
    lower rate than its headline FP16 figure."""
    return bool(gpu.fp16_fp32acc_tflops and gpu.fp16_fp32acc_tflops != gpu.fp16_tflops)


# TFLOPS figures talked about ("70 TFLOPs/sec of 16-bit compute", "rated at 362 TFLOPS")
_TFLOPS_TALK = re.compile(r"\btflops?\b|\bflops\b")


def tflops_gap(facts: Facts) -> str:
    """Two cards' 16-bit TFLOPS set against each other where one halves the FP32-accumulate tensor rate (BF16 and
    mixed-precision training) and the other does not: that rate, not the chip, is the gap; "" otherwise."""
    gpus = facts.gpus
    if len(gpus) != 2 or not _TFLOPS_TALK.search(facts.understanding.question.lower()):
        return ""
    halved = [g for g in gpus if _halves_bf16(g)]
    full = [g for g in gpus if not _halves_bf16(g) and g.fp16_tflops]
    if len(halved) != 1 or len(full) != 1:
        return ""
    h, f = halved[0], full[0]
    return (
        f"**The gap is the accumulate rate:** the {h.name} runs 16-bit tensor math with FP32 accumulate — what BF16 "
        f"and mixed-precision training use — at half its FP16-accumulate rate: {h.training_tflops:,.0f} against "
        f"{h.fp16_tflops:,.0f} dense TFLOPS. The {f.name} ({f.architecture}) runs both at its full rate, "
        f"{f.fp16_tflops:,.0f} dense TFLOPS. So quoted for training (FP32 accumulate) the {f.name} has about "
        f"{f.fp16_tflops:,.0f} against {h.training_tflops:,.0f}; with FP16 accumulate the two are far closer "
        f"({f.fp16_tflops:,.0f} against {h.fp16_tflops:,.0f})."
    )


def _compute_rows(gpu: GPU, split: bool = False) -> list[tuple[str, str]]:
    """Dense 16-bit TFLOPS: one row where FP16 and BF16 run at one rate, two where a card (GeForce) halves the
    FP32-accumulate rate that BF16 and mixed-precision training use (or ``split``, beside such a card)."""

    def tflops(value: float | None) -> str:
        return number_text(value, " TFLOPS", 1 if value and value < 100 else 0)

    if split or _halves_bf16(gpu):
        return [
            ("dense FP16 (FP16 accumulate)", tflops(gpu.fp16_tflops)),
            ("dense BF16 (FP32 accumulate)", tflops(gpu.training_tflops)),
        ]
    return [("dense FP16/BF16", tflops(gpu.fp16_tflops))]


def _price_cell(price, market) -> str:
    """The offerings table's spread when a provider rents the GPU, else the catalog's dated indicative price."""
    if market is not None and market.on_demand:
        d = market.on_demand
        return (
            f"{money(d.median)}/GPU-hour median, from {money(d.min)} ({d.count} offer{'s' if d.count != 1 else ''}, {d.providers} provider{'s' if d.providers != 1 else ''}, "
            f"as of {market.as_of[-1].isoformat()})"
        )
    if price:
        return f"{money(price.typical)}/hour typical, from {money(price.low)} ({price.seen_at}, {price.as_of:%b %Y})"
    return "unknown"


def _markets(facts: Facts) -> dict:
    return {m.gpu: m for m in facts.markets if m.on_demand}


def rates_of(gpus: Sequence[GPU], markets: Sequence = ()) -> dict[str, float]:
    """$/GPU-hour per GPU: the offerings table's on-demand median where a provider rents it, else the catalog's."""
    rates = {g.name: g.price_per_hour for g in gpus if g.price_per_hour}
    rates.update({m.gpu: m.on_demand.median for m in markets if m.on_demand})
    return rates


def _prices_note(gpus: Sequence[GPU], facts: Facts) -> str:
    markets = _markets(facts)
    rented = [g for g in gpus if g.name in markets]
    note = ""
    if rented:
        dates = sorted({d for g in rented for d in markets[g.name].as_of})
        note = (
            "Prices are the median on-demand $/GPU-hour across the offerings table's providers and regions "
            f"(as of {dates[-1].isoformat()}); ask for a GPU's price for the cheapest offers."
        )
    rest = price_note([g for g in gpus if g.name not in markets])
    return " ".join(x for x in (note, rest) if x)


def spec_answer(facts: Facts) -> str:
    if tflops_gap(facts):  # "why 150 TFLOPS on the A6000 but 70 on the 3090?": the two set side by side
        return compare_answer(facts)
    parts = []
    if lead := ran_out_on_a_larger_card(facts):
        parts.append(lead)
    for gpu in facts.gpus[:3]:
        sentence = _spec_sentence(
            gpu,
            facts.understanding.question,
            facts.understanding.details.yes_no,
            facts.understanding.details.gpu_count or 1,
        )
        if not (lead and sentence.startswith("**I can't say")):
            parts.append(sentence)
        parts.append(markdown_table(("spec", gpu.name), _spec_rows(gpu, _markets(facts).get(gpu.name))))
        if gpu.notes:
            parts.append(f"_Note: {gpu.notes}_")
    parts.append(
        f"Specs from the vendors' datasheets (dense figures, without sparsity). {_prices_note(facts.gpus[:3], facts)}"
    )
    return "\n\n".join(parts)


def ran_out_on_a_larger_card(facts: Facts) -> str:
    """'Can it run on a 4090? On my 5090 it runs out of memory': a job that already runs out of memory on a card
    with at least as much memory as the one asked about does not fit that one either — No, with the reason; ""
    unless the run is asked as a yes / no, an out-of-memory is reported and another card named is no smaller."""
    q = facts.understanding.question.lower()
    if len(facts.gpus) < 2 or not reports_oom(q) or not RUN_ASKED.search(q):
        return ""
    if not (facts.understanding.details.yes_no or _YES_NO_OPENING.search(q)):
        return ""
    asked, others = facts.gpus[0], facts.gpus[1:]
    if failed := cards_that_ran_out(facts.understanding.question, facts.gpus):
        if len(failed) == len(facts.gpus):
            return ""
        # "I ran it on an A100 40GB and it went OOM. Do I need an 80GB card?": the card the report names failed
        asked = max((g for g in facts.gpus if g not in failed), key=lambda g: g.memory_gb)
        others = failed
    larger = max(others, key=lambda g: g.memory_gb)
    if larger.memory_gb < asked.memory_gb:
        return ""
    return (
        f"**No, most likely** — it already runs out of memory on the {larger.name} ({gb(larger.memory_gb)}), "
        f"which has {'as much memory as' if larger.memory_gb == asked.memory_gb else 'more memory than'} the {asked.name} "
        f"({gb(asked.memory_gb)}). It needs a card with more memory, or a lighter setting of the job (smaller "
        "batch or resolution, 8-bit or 4-bit weights, offloading to CPU RAM) if the project offers one."
    )


def cards_that_ran_out(question: str, gpus: Sequence[GPU]) -> list[GPU]:
    """The cards of ``gpus`` the job ran out of memory on: those named in the sentences that report the error ("I
    tried it on my 5090 and it OOMs"), else, when a question names a card, the cards only the other sentences name
    ("I run it on a 5090. It OOMs. Can a 4090 do it?"); none when neither tells."""
    sentences = re.split(r"(?<=[.!?])\s+", question)
    oom = _named_in([s for s in sentences if reports_oom(s)])
    if not oom:
        asked = _named_in([s for s in sentences if s.rstrip().endswith("?")])
        oom = _named_in(sentences) - asked if asked else set()
    return [g for g in gpus if g.name in oom]


def _named_in(sentences: Sequence[str]) -> set[str]:
    """The names of the catalog cards the sentences mention."""
    return {g.name for s in sentences for g in load_catalog().find_in_text(s)}


def compare_answer(facts: Facts) -> str:
    gpus = facts.gpus[:4]
    names = [g.name for g in gpus]
    markets, rates = _markets(facts), rates_of(gpus, facts.markets)
    split = any(_halves_bf16(g) for g in gpus)  # a GeForce card among them: FP16 and BF16 rows for every card
    specs = [dict(_spec_rows(g, markets.get(g.name), split=split)) for g in gpus]
    rows = [(label, *(spec[label] for spec in specs)) for label in specs[0]]
    per_dollar = []
    for g in gpus:
        if rates.get(g.name) and g.training_tflops:
            per_dollar.append(f"{g.training_tflops / rates[g.name]:,.0f}")
        else:
            per_dollar.append("unknown")
    rows.append(("BF16 TFLOPS per $/hour", *per_dollar))
    summary = _compare_summary(gpus, facts)
    return "\n\n".join(
        [
            summary,
            markdown_table(("", *names), rows),
            f"Specs from the vendors' datasheets (dense). {_prices_note(gpus, facts)}",
        ]
    )


def _compare_summary(gpus: Sequence[GPU], facts: Facts) -> str:
    def best(key, reverse=True):
        known = [g for g in gpus if key(g) is not None]
        return sorted(known, key=key, reverse=reverse)[0] if known else None

    memory = best(lambda g: g.memory_gb)
    bandwidth = best(lambda g: g.memory_bandwidth_gbs)
    compute = best(lambda g: g.training_tflops)
    rates = rates_of(gpus, facts.markets)
    cheapest = best(lambda g: rates.get(g.name), reverse=False)
    value = best(
        lambda g: (g.training_tflops / rates[g.name]) if g.training_tflops and rates.get(g.name) else None
    )
    bits = []
    tied_compute = compute is not None and all(
        g.training_tflops and g.training_tflops >= 0.97 * compute.training_tflops for g in gpus
    )
    if tied_compute:  # "A100 40GB vs 80GB": one chip, so one compute figure, not a 'fastest'
        bits.append(
            f"{'both' if len(gpus) == 2 else 'all'} deliver about {compute.training_tflops:,.0f} dense BF16 TFLOPS"
        )
    elif compute:
        others = [g for g in gpus if g is not compute and g.training_tflops]
        ratio = (
            f" ({compute.training_tflops / others[0].training_tflops:.1f}x the {others[0].name})"
            if len(gpus) == 2 and others
            else ""
        )
        bits.append(
            f"the **{compute.name}** is the fastest ({compute.training_tflops:,.0f} dense BF16 TFLOPS{ratio})"
        )
    if (
        bandwidth
        and bandwidth is not compute
        and any(g.memory_bandwidth_gbs < bandwidth.memory_bandwidth_gbs for g in gpus)  # a tie is no 'most'
    ):
        bits.append(
            f"the **{bandwidth.name}** has the most memory bandwidth ({bandwidth.memory_bandwidth_gbs:,.0f} GB/s)"
        )
    if memory:
        tied = [g for g in gpus if g.memory_gb == memory.memory_gb]
        if len(tied) == len(gpus):
            bits.append(f"{'both' if len(gpus) == 2 else 'all'} have {memory.memory_gb:.0f} GB of memory")
        elif len(tied) > 1:
            bits.append(
                f"the {' and '.join(f'**{g.name}**' for g in tied)} have the most memory ({memory.memory_gb:.0f} GB each)"
            )
        else:
            bits.append(f"the **{memory.name}** has the most memory ({memory.memory_gb:.0f} GB)")
    if cheapest:
        bits.append(f"the **{cheapest.name}** is the cheapest ({money(rates[cheapest.name])}/GPU-hour)")
    text = "Side by side: " + "; ".join(bits) + "."
    text += matrix_units_sentence(gpus)
    details = facts.understanding.details
    if details.task is None and engines_named(facts.understanding.question):
        details = replace(
            details, task=Task.INFERENCE
        )  # "both take 19 s under vLLM": an engine only runs models
    if _VALUE.search(facts.understanding.question.lower()):
        details = replace(details, cheaper=True)  # "which is better value for training?": work per dollar
    pick = (
        how_much_faster(gpus, details, facts.understanding.question)
        or _local_pick_sentence(facts)
        or _pick_for_use(gpus, details, rates)
    )
    if not pick and details.cheaper and details.task is None:
        pick = _value_without_use(gpus, rates)  # "which is better value?" with no use said: both measures
    if pick:
        text = pick + "\n\n" + text
    elif value:
        text += f" Best compute per dollar: the **{value.name}**."
    if gap := tflops_gap(facts):
        return gap + "\n\n" + text  # "A has 150 TFLOPS and B 70, same architecture?": the accumulate rate
    if priced := _price_lead(gpus, rates, facts.understanding.question):
        return priced + "\n\n" + text  # "is A cheaper than B per hour?", "A vs B price": the rates first
    if worth := _worth_verdict(gpus, details, rates, facts.understanding.question, _bought(facts)):
        return worth + "\n\n" + text  # "is the H100 worth the extra cost?": the work per dollar decides it
    if identity := _same_card(gpus, facts.understanding.question):
        return identity + "\n\n" + text  # "is the 6000 Ada the same as the A6000?": which card is which
    if alternative := _alternative_verdict(gpus, details, rates, facts.support, facts.understanding.question):
        return (
            alternative + "\n\n" + text
        )  # "is the Gaudi 3 a good alternative to the H100?": specs and software
    if spec := _spec_against(gpus, details, facts.understanding.question):
        return spec + "\n\n" + text  # "does the H200 have more bandwidth than the MI300X?": that spec decides
    relation = speed_relation(facts.understanding.question)
    factor = claimed_factor(facts.understanding.question)
    if relation and (same := as_good_as(gpus, details, relation, factor)):
        return same + "\n\n" + text  # "is A as fast as / faster than B?": yes or no first, then the figures
    if (
        details.yes_no
        and details.task is not None
        and not _CHOICE.search(facts.understanding.question.lower())
        and not _SPEED_TALK.search(facts.understanding.question.lower())
    ):
        text = _can_both(gpus, details) + "\n\n" + text
    return text


def asks_alternative(question: str) -> bool:
    """Whether ``question`` weighs one card as a stand-in for another ('a good alternative to the H100?')."""
    return bool(ALTERNATIVE.search(question.lower()))


def _alternative_verdict(gpus: Sequence[GPU], details, rates: dict, support, question: str) -> str:
    """'Is the Gaudi 3 a good alternative to the H100?': Yes when the first card named matches the second on memory,
    bandwidth and compute, Partly when on some, No when on none — with the figures and hourly prices; off the
    other's software stack, which common tools run on it (from their own docs) decides as much. '' otherwise."""
    named = [next((g for g in gpus if g.name == n), None) for n in details.gpus[:2]]
    if not asks_alternative(question) or len(named) < 2 or None in named:
        return ""
    a, b = named
    specs = [
        (a.memory_gb, b.memory_gb, "GB of memory", "holds smaller models"),
        (a.memory_bandwidth_gbs, b.memory_bandwidth_gbs, "GB/s", "generates tokens more slowly"),
        (a.training_tflops, b.training_tflops, "dense BF16 TFLOPS", "trains and reads prompts more slowly"),
    ]
    specs = [spec for spec in specs if spec[0] and spec[1]]
    match = load_assumptions().number("spec_match_share")
    short = [cost for x, y, _, cost in specs if x < match * y]
    verdict = "Yes" if not short else "No" if len(short) == len(specs) else "Partly"
    figures = ", ".join(f"{x:,.0f} {unit} against {y:,.0f}" for x, y, unit, _ in specs)
    price = (
        f", at {money(rates[a.name])}/GPU-hour against {money(rates[b.name])} (on-demand medians)"
        if rates.get(a.name) and rates.get(b.name)
        else ""
    )
    text = f"**{verdict} on specs** — the {a.name} has {figures} on the {b.name}{price}."
    if verdict == "Partly":
        text += f" It {' and '.join(short)}."
    if a.software != b.software and support:
        groups = tools_by_status(support)
        words = {"supported": "run", "partial": "run with limits", "unsupported": "do not run"}
        text += (
            f" But it runs {a.software}, not {b.software}, so what you run decides: of the common tools, "
            + "; ".join(f"{', '.join(names)} {words[status]}" for status, names in groups.items() if names)
            + " (from each tool's own docs)."
        )
    return text


# one spec set against another card's: "does A have more memory bandwidth than B?", "is A's VRAM bigger than B's?"
_MORE_SPEC = re.compile(
    r"\b(?P<dir>more|higher|bigger|larger|greater|less|lower|smaller|fewer)\s+(?:\w+\s+)?"
    r"(?P<spec>memory bandwidth|bandwidth|memory|vram|tflops|flops|compute|power draw|power|tdp)\b[^?.!]{0,40}\bthan\b"
    r"|\b(?P<spec2>memory bandwidth|bandwidth|memory|vram|tflops|compute|power draw|tdp)\b[^?.!]{0,12}"
    r"\b(?P<dir2>bigger|larger|higher|greater|smaller|lower|faster)\s+than\b"
)
_BANDWIDTH = (lambda g: g.memory_bandwidth_gbs, "GB/s of memory bandwidth")
_MEMORY = (lambda g: g.memory_gb, "GB of memory")
_COMPUTE = (lambda g: g.training_tflops, "dense BF16 TFLOPS")
_POWER = (lambda g: g.tdp_w, "W of board power")
# what each spec word reads from a card, and its unit (any other word — memory, vram — is the memory)
_SPEC_READ = {
    "memory bandwidth": _BANDWIDTH,
    "bandwidth": _BANDWIDTH,
    "tflops": _COMPUTE,
    "flops": _COMPUTE,
    "compute": _COMPUTE,
    "power": _POWER,
    "power draw": _POWER,
    "tdp": _POWER,
}


def _spec_against(gpus: Sequence[GPU], details, question: str) -> str:
    """'Does the H200 have more memory bandwidth than the MI300X?': Yes or No on that spec for the first card named
    against the second, with both figures; '' for any other question."""
    m = _MORE_SPEC.search(question.lower())
    named = [next((g for g in gpus if g.name == n), None) for n in details.gpus[:2]]
    if m is None or len(named) < 2 or None in named:
        return ""
    read, unit = _SPEC_READ.get(m.group("spec") or m.group("spec2"), _MEMORY)
    a, b = named
    if read(a) is None or read(b) is None:
        return ""
    more = (m.group("dir") or m.group("dir2")) not in ("less", "lower", "smaller", "fewer")
    holds = read(a) > read(b) if more else read(a) < read(b)
    verdict = "Yes" if holds else "No"
    if read(a) == read(b):
        verdict, how = "No", "the same"
    else:
        how = "more" if read(a) > read(b) else "less"
    return (
        f"**{verdict}** — the {a.name} has {how} ({read(a):,.0f} {unit}) than the {b.name} ({read(b):,.0f})."
        if how != "the same"
        else f"**No** — both have {read(a):,.0f} {unit}."
    )


# the price asked of the cards compared: "is A cheaper than B?", "A vs B price per hour", "which costs less to rent"
_CHEAPER_THAN = re.compile(r"\b(?:cheaper|less expensive|more affordable|lower[- ]priced)\s+than\b")
_DEARER_THAN = re.compile(r"\b(?:more expensive|pricier|costlier|dearer|higher[- ]priced)\s+than\b")
_PRICE_ASKED = re.compile(
    r"\bprices?\b|\bpriced\b|\bcosts?\b|\bper hour\b|\bhourly\b|/\s*h(?:ou)?r\b|\brates?\b|\bcheaper\b|"
    r"\bexpensive\b|\bpricier\b"
)
# the price set against what the card does ("worth the extra cost", "per token", "per dollar"): that verdict decides
_VALUE_ASKED = re.compile(
    r"\bworth\b|\bper (?:token|dollar|\$)|\bvalue\b|\bfor (?:training|inference|serving)\b|"
    r"\bcheaper (?:to|for) (?:run|serve|train|fine-?tune|inference|serving|training)\w*|"
    r"\bcost[- ]?(?:effective|efficient)|\bbang for\b"
)


def _price_lead(gpus: Sequence[GPU], rates: dict, question: str) -> str:
    """'Is the MI300X cheaper than the H100 per hour?': Yes or No from the on-demand medians; 'H100 vs B200 price
    per hour': each card's rate, cheapest first. Empty when the price is not what is asked, a rate is missing, or
    the price is weighed against the work (the worth verdict answers that)."""
    q = question.lower()
    if (
        len(gpus) < 2
        or not _PRICE_ASKED.search(q)
        or _VALUE_ASKED.search(q)
        or _VALUE.search(q)
        or _SPEED_TALK.search(q)
    ):
        return ""
    if any(rates.get(g.name) is None for g in gpus):
        return ""
    said = ", ".join(
        f"the {g.name} {money(rates[g.name])}" for g in sorted(gpus, key=lambda g: rates[g.name])
    )
    figures = f"median on-demand per GPU-hour: {said}"
    a, b = gpus[0], gpus[1]
    if _CHEAPER_THAN.search(q) or _DEARER_THAN.search(q):
        holds = rates[a.name] < rates[b.name] if _CHEAPER_THAN.search(q) else rates[a.name] > rates[b.name]
        return f"**{'Yes' if holds else 'No'}** — {figures}."
    return f"{figures[0].upper()}{figures[1:]}."


# "is the RTX 6000 Ada the same as the RTX A6000?", "are the H100 SXM and PCIe identical?": whether they are one card
_SAME_CARD = re.compile(r"\bthe same (?:as\b|(?:card|gpu|chip|thing)s?\b)|\bidentical\b")


def _same_card(gpus: Sequence[GPU], question: str) -> str:
    """'Is A the same as B?' (not the same speed): No, they are different GPUs, and what tells them apart."""
    q = question.lower()
    if len(gpus) != 2 or not _SAME_CARD.search(q) or _SPEED_TALK.search(q):
        return ""

    def said(g: GPU) -> str:
        compute = f", {g.training_tflops:,.0f} dense BF16 TFLOPS" if g.training_tflops else ""
        return (
            f"the **{g.name}** is {g.vendor} {g.architecture} ({g.release_year}, {g.form_factor}) with "
            f"{g.memory_gb:.0f} GB of {g.memory_type} at {g.memory_bandwidth_gbs:,.0f} GB/s{compute}"
        )

    a, b = gpus
    return f"**No** — they are different GPUs: {said(a)}; {said(b)}."


# a question about how fast they are ("same speed on both", "any settings for more performance?"), not whether
# they can do the work at all: the pick and the figures answer it
_SPEED_TALK = re.compile(
    r"\bperformance\b|\bspeed\w*|\bfast\w*|\bslow\w*|\bthroughput\b|\blatency\b|\btokens?\s*(?:/|per)\s*s"
    r"|\bt/s\b|\btake[sn]?\s+\d+(?:\.\d+)?\s*(?:s|sec|seconds|ms)\b"
)


_AS_GOOD_AS = re.compile(
    r"\bas (?:fast|quick|good|powerful|capable|strong) as\b|\bbasically (?:an?|the) \w|\bsame (?:speed )?as\b"
    r"|\bequivalent to\b|\bon par with\b|\bjust like (?:an?|the) \w"
)
_MORE_THAN = re.compile(
    r"\b(?:faster|quicker|speedier|more powerful|stronger)\s+than\b|\b(?:outperforms?|beats?)\b"
)
_LESS_THAN = re.compile(r"\b(?:slower|weaker|less powerful)\s+than\b")


_HOW_MUCH_FASTER = re.compile(
    r"\bhow (?:much|many times|many x) (?:faster|quicker|slower)\b|\bwhat(?:'s| is) the (?:speed[- ]?up|speed difference)\b"
    r"|\bhow big (?:is )?the (?:speed ?up|speed difference|difference in speed)\b"
    r"|\bby how much\b[^?.!]{0,40}\b(?:faster|quicker|slower)\b"  # "by how much is the H200 faster …"
    # "why is the H100 so much faster than the A100?": the ordering is granted, its size and cause are asked
    r"|\b(?:why (?:is|are|does|do|would)|how come)\b[^?.!]{0,60}\b(?:faster|quicker|slower)\b"
)


def how_much_faster(gpus: Sequence[GPU], details, question: str) -> str:
    """'How much faster is A than B (for X)?': the ratio first — memory bandwidth for generating tokens, dense BF16
    compute for training and prompt reading — each a spec-sheet ratio; '' for any other question."""
    named = [next((g for g in gpus if g.name == n), None) for n in details.gpus[:2]]
    if len(named) < 2 or None in named or not _HOW_MUCH_FASTER.search(question.lower()):
        return ""
    a, b = named
    if not (a.memory_bandwidth_gbs and b.memory_bandwidth_gbs and a.training_tflops and b.training_tflops):
        return ""
    training = details.task is not None and details.task.is_training
    # the faster one for the use asked is the subject ("from an A100 to an H200": the H200's speed-up)
    if (
        (a.training_tflops < b.training_tflops)
        if training
        else (a.memory_bandwidth_gbs < b.memory_bandwidth_gbs)
    ):
        a, b = b, a
    decode = a.memory_bandwidth_gbs / b.memory_bandwidth_gbs
    compute = a.training_tflops / b.training_tflops
    generate = (
        f"about **{decode:.1f}x** for generating tokens (bound by memory bandwidth: {a.memory_bandwidth_gbs:,.0f} vs "
        f"{b.memory_bandwidth_gbs:,.0f} GB/s)"
    )
    train = (
        f"about **{compute:.1f}x** for training and reading prompts (bound by compute: {a.training_tflops:,.0f} vs "
        f"{b.training_tflops:,.0f} dense BF16 TFLOPS)"
    )
    first, second = (train, generate) if training else (generate, train)
    return (
        f"The {a.name} against the {b.name}: {first}; {second}. These are spec-sheet ratios: real speedups are "
        "usually smaller (kernels, batch size and software matter)."
    )


def speed_relation(question: str) -> str | None:
    """What a yes/no setting two GPUs against each other claims of the first: "as" (as fast as, the same as),
    "more" (faster than, beats) or "less" (slower than); None when it claims no ordering."""
    q = question.lower()
    if _HOW_MUCH_FASTER.search(q):
        return None  # "how much faster is A than B?", "why is A faster?": a ratio or a reason, not a yes/no
    if _AS_GOOD_AS.search(q):
        return "as"
    if _LESS_THAN.search(q):
        return "less"
    if _MORE_THAN.search(q) and not re.search(r"\bhow (?:much|many times)\b", q):
        return "more"  # "how much faster is A than B" asks for the ratio, not a yes/no
    return None


# a speed-up claimed as a factor: "2x faster than", "twice as fast as", "3 times quicker", "50% faster"
_FACTOR = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(?:x|×|times)\s+(?:as\s+)?(?:faster|quicker|speedier|fast|quick|slower|more powerful)\b"
    r"|\b(twice|double|three times|triple|four times|half)\s+(?:as\s+)?(?:fast|quick|the speed|faster|quicker)\b"
    r"|\b(\d+(?:\.\d+)?)\s*%\s+(?:faster|quicker|slower)\b"
)
_FACTOR_WORDS = {
    "twice": 2.0,
    "double": 2.0,
    "three times": 3.0,
    "triple": 3.0,
    "four times": 4.0,
    "half": 0.5,
}


def claimed_factor(question: str) -> float | None:
    """The speed-up a question claims ("is A 2x faster than B?": 2.0; "50% faster": 1.5), None when none is said.
    ("how many times faster" asks for the factor: none is claimed.)"""
    m = _FACTOR.search(question.lower())
    if m is None:
        return None
    if m.group(1):
        return float(m.group(1))
    if m.group(2):
        return _FACTOR_WORDS[m.group(2)]
    return 1 + float(m.group(3)) / 100


def factor_said(verdict: str, ratio: float, factor: float) -> str:
    """'not the 2x said', 'about the 3x said', 'more than the 2x said': a ratio against the factor claimed."""
    if verdict == "No":
        return f"not the {factor:g}x said"
    return f"{'more than' if ratio > 1.1 * factor else 'about'} the {factor:g}x said"


def speed_verdict(
    relation: str, x: float, y: float, *, slack: float = 1.0, factor: float | None = None
) -> str:
    """'Yes' or 'No' for a claimed ``relation`` of a first GPU's figure ``x`` to a second's ``y`` ("as": at least
    ``slack`` of it); with a ``factor`` claimed ("2x faster"), the ratio must reach it (within ``slack``)."""
    if factor and factor > 1 and relation in ("as", "more"):
        return "Yes" if x >= slack * factor * y else "No"
    if factor and factor > 1 and relation == "less":
        return "Yes" if y >= slack * factor * x else "No"
    holds = {"as": x >= slack * y, "more": x > y, "less": x < y}[relation]
    return "Yes" if holds else "No"


def as_good_as(gpus: Sequence[GPU], details, relation: str = "as", factor: float | None = None) -> str:
    """'Is A as fast as / faster than / slower than B (for X)?': Yes or No from each GPU's figure for that use —
    memory bandwidth for inference (generating tokens reads every weight), dense BF16 compute otherwise."""
    named = [next((g for g in gpus if g.name == n), None) for n in details.gpus[:2]]
    if len(named) < 2 or None in named:
        return ""
    a, b = named
    # a model named with no task said is run, not trained
    inference = (details.task is None and details.has_workload) or (
        details.task is not None and not details.task.is_training
    )
    if inference:
        x, y, unit, why = (
            a.memory_bandwidth_gbs,
            b.memory_bandwidth_gbs,
            "GB/s",
            "generating tokens is bound by memory bandwidth",
        )
    else:
        x, y, unit, why = a.training_tflops, b.training_tflops, "dense BF16 TFLOPS", "compute decides"
    if not x or not y:
        return ""
    verdict = speed_verdict(relation, x, y, slack=0.9 if factor else 1.0, factor=factor)
    ratio = f", {y / x:.1f}x more" if y > x else f", {x / y:.1f}x less" if x > y else ""
    said = ""
    if factor and factor > 1:  # "is A 2x faster than B?": the ratio the figures give, against the one said
        r = x / y if relation != "less" else y / x
        said = f"about {r:.1f}x, {factor_said(verdict, r, factor)}: "
    return (
        f"**{verdict}** — {said}{why}{' for inference' if inference else ''}: the {a.name} has {x:,.0f} {unit} "
        f"({a.memory_gb:.0f} GB of {a.memory_type}), the {b.name} {y:,.0f}{ratio} ({b.memory_gb:.0f} GB of {b.memory_type})."
    )


# "is A or B better for X", "which should I rent": a choice between the GPUs, answered by naming one, not yes/no
_CHOICE = re.compile(
    r"\bbetter\b|\bwhich\b|\bprefer|\bshould i (?:get|buy|rent|pick|choose|use|go)\b|\bworth\b"
)


def _bought(facts: Facts) -> dict:
    """What each compared card costs to buy (its PurchasePrice), when the comparison is about running models at
    home (else empty)."""
    if not facts.owned_each:
        return {}
    return {p.name: p for p in facts.purchases}


def _price_said(price) -> str:
    """'$2,749 street (2026-10-01)' or '$1,499 launch MSRP'."""
    if price.street:
        return f"${price.street.usd:,.0f} street ({price.street.as_of.isoformat()})"
    return f"${price.msrp_usd:,.0f} launch MSRP"


def _worth_verdict(
    gpus: Sequence[GPU],
    details,
    rates: dict[str, float],
    question: str,
    bought: dict[str, float] | None = None,
) -> str:
    """'Is the H100 worth the extra cost over the A100?': Yes when the dearer GPU's speed for the work (compute
    for training, memory bandwidth for generating tokens) grows more than its price, so a job costs less: the
    hourly rental price, or for cards bought to run models at home (``bought``) the purchase price."""
    if len(gpus) != 2 or not asks_worth_price(question):
        return ""
    if _VALUE.search(question.lower()) and not details.yes_no:
        return (
            ""  # "which gives more bang for the buck?" asks which, not whether: the per-dollar pick answers
        )
    training = details.task is None or details.task.is_training
    if details.task is None and (
        bought or re.search(r"\binferenc|\bserv|\bgenerat|\bchat", question.lower())
    ):
        training = False
    if bought and all(g.name in bought for g in gpus):
        return _worth_buying(gpus, bought, question, dict(details.setups))

    def power(g: GPU) -> float:
        return g.bound_rate(training)

    if any(not rates.get(g.name) or not power(g) for g in gpus):
        return ""
    dear, cheap = sorted(gpus, key=lambda g: rates[g.name], reverse=True)
    if rates[dear.name] == rates[cheap.name]:
        return ""
    speed = power(dear) / power(cheap)
    price = rates[dear.name] / rates[cheap.name]
    unit = "dense BF16 TFLOPS" if training else "GB/s of memory bandwidth"
    use = "training (compute-bound)" if training else "generating tokens (bandwidth-bound)"
    cost = price / speed
    compared = (
        f"the {dear.name} has {speed:.1f}x the {unit} of the {cheap.name} "
        f"({power(dear):,.0f} vs {power(cheap):,.0f}) for {price:.1f}x the median hourly price "
        f"({money(rates[dear.name])} vs {money(rates[cheap.name])} per GPU-hour), so the same job costs about "
        f"{cost:.2f}x as much on it{' and finishes sooner' if speed > 1 else ''}"
    )
    caveat = (
        "Real speedups are usually smaller than the spec ratio (memory, communication and kernels matter)."
    )
    if _worth_subject(gpus, question) is cheap:
        # "is the A100 still worth it, or should I get H100s?": the cheaper card is the one asked about
        word = "Yes" if speed <= price else "No"
        per_job = "less per job, if slower" if speed <= price else "less per hour but more per job"
        if abs(cost - 1) < 0.05:
            per_job = "about the same per job, and less per hour"
        return f"**{word}** — for {use}, {compared}: the {cheap.name} costs {per_job}. {caveat}"
    word = "Yes" if speed > price else "No"
    return f"**{word}** — for {use}, {compared}. {caveat}"


# what turns a 'worth' question into one about the dearer card whatever is named first ("worth upgrading to")
_UPGRADE = re.compile(
    r"\bworth (?:it )?(?:to )?(?:upgrad|switch|mov|go(?:ing)? (?:up|for)|pay)|\bover (?:the |an? |my )?\w"
)


def _worth_subject(gpus: Sequence[GPU], question: str, *, upgrade: bool = False) -> GPU | None:
    """The one card a 'worth' question asks about: the only one of the two named before "worth" ("is the A100
    still worth it, or should I just get H100s?" asks about the A100); None when both or neither are, or when
    the question weighs an upgrade ("worth upgrading from the A100 to the H100?", "worth it over the A100")
    unless ``upgrade`` (buying: "is an RTX 6000 Ada worth it over two 4090s?" asks about the RTX 6000 Ada)."""
    low = question.lower()
    m = re.search(r"\bworth\b", low)
    if m is None or (_UPGRADE.search(low) and not upgrade):
        return None
    before = low[: m.start()]

    def named(g: GPU) -> bool:
        labels = {g.name, *g.aliases}
        labels |= {re.sub(r"[\s-]*\b\d+\s*g(?:b|ib)?\b", "", label).strip() for label in labels}
        return any(
            label and re.search(r"(?<![\w.])" + re.escape(label.lower()) + r"(?:s|'s)?(?![\w.])", before)
            for label in labels
        )

    asked = [g for g in gpus if named(g)]
    return asked[0] if len(asked) == 1 else None


def _worth_buying(gpus: Sequence[GPU], bought: dict, question: str = "", counts: dict | None = None) -> str:
    """The card asked about (named before "worth", else named first) to buy for running models at home, against
    the other, at the counts said ("over two 4090s"): its memory bandwidth (tokens/s; cards that split a model's
    layers take turns, so a setup runs at one card's) and memory (which models fit; the split pools it) against
    its purchase price."""
    counts = counts or {}
    card = _worth_subject(gpus, question, upgrade=True) or gpus[0]
    other = gpus[1] if card is gpus[0] else gpus[0]
    n, m = counts.get(card.name, 1), counts.get(other.name, 1)
    speed = card.memory_bandwidth_gbs / other.memory_bandwidth_gbs
    price = bought[card.name].price_usd * n / (bought[other.name].price_usd * m)
    mine, theirs = card.memory_gb * n, other.memory_gb * m
    word = "Yes" if speed >= price or (speed >= 1 and (mine > theirs or price <= 1)) else "No"
    memory = (
        f"; {mine:.0f} GB against {theirs:.0f} GB decides which models fit at all" if mine != theirs else ""
    )
    bandwidths = f"({card.memory_bandwidth_gbs:,.0f} vs {other.memory_bandwidth_gbs:,.0f} GB/s)"
    if n == m == 1:
        setups = (
            "where generating tokens is bound by memory bandwidth, the "
            f"{card.name} has {speed:.1f}x the bandwidth of the {other.name} {bandwidths}"
        )
    else:
        same = " — the same memory" if mine == theirs else ""
        setups = (
            f"{_setup_label(card, n)} ({mine:.0f} GB) against {_setup_label(other, m)} ({theirs:.0f} GB{same}): "
            f"cards that split a model's layers take turns, so generation runs at one card's bandwidth, "
            f"{speed:.2f}x {bandwidths},"
        )
    return (
        f"**{word}** — for running models at home, {setups} for {price:.2f}x the price to buy "
        f"({_price_said(bought[card.name])}{_times(n)} vs {_price_said(bought[other.name])}{_times(m)}){memory}."
    )


def _times(count: int) -> str:
    """' x 2' after a price bought that many times; '' for one."""
    return f" x {count}" if count > 1 else ""


def _setup_label(gpu: GPU, count: int) -> str:
    return f"{count} x {gpu.name}" if count > 1 else f"one {gpu.name}"


def matrix_units_sentence(gpus: Sequence[GPU]) -> str:
    """Why a card without tensor cores (or matrix units) is slower at 16-bit work than one with them, whatever
    its memory or bandwidth: its FP16 runs on the vector units, and no software update adds the hardware."""
    with_units = [g for g in gpus if g.tensor_cores and g.fp16_tflops]
    without = [g for g in gpus if not g.tensor_cores and g.fp16_tflops]
    if not with_units or not without:
        return ""
    fast = max(with_units, key=lambda g: g.fp16_tflops)
    names = " and the ".join(f"**{g.name}** ({g.architecture})" for g in without)
    figures = ", ".join(f"{g.fp16_tflops:,.1f}" for g in without)
    return (
        f" The {names} {'have' if len(without) > 1 else 'has'} no tensor cores: {figures} FP16 TFLOPS on the "
        f"vector units, against {fast.fp16_tflops:,.1f} on the {fast.name}'s tensor cores, so fp16 and "
        "mixed-precision work (diffusion models, LLMs, training) runs slower on it; software cannot add them."
    )


# value asked for: "which is better value", "value for money", "bang for the buck", "performance per dollar"
_VALUE = re.compile(
    r"\b(?:better|best|good|more|most|great) value\b|\bvalue for (?:the )?money\b|\bbang for (?:the |your |my )?bucks?\b"
    r"|\b(?:performance|perf|compute|tflops) per (?:dollar|\$)|\bprice[ /-](?:to[ -])?performance\b"
    # "which is the better deal", "worth the money", "cheaper per token", "more cost-effective": the same question
    r"|\b(?:better|best|good|great|bigger|a) deal\b|\bworth (?:the |its )?(?:money|price)\b"
    r"|\b(?:cheaper|cheapest|cost) per (?:token|million tokens|request)\b|\bcost[- ](?:effective|efficient)\b"
    r"|\b(?:more|most) economical\b"
    # "TPU v5e vs H100 for inference cost", "which is cheaper to train on": the work's cost, not the hourly rate
    r"|\b(?:inference|serving|training|fine-?tuning|token) costs?\b|\bcost (?:of|to) (?:run|serve|train|infer)\w*"
    r"|\bcheaper (?:to|for) (?:run|serve|train|fine-?tune|inference|serving|training)\w*"
)


def _value_without_use(gpus: Sequence[GPU], rates: dict[str, float]) -> str:
    """'Which is better value?' with no use said: the card with the most of each bound per rented dollar — compute
    (training, reading prompts) and memory bandwidth (generating tokens) — one pick when they agree; '' unpriced."""
    priced = [g for g in gpus if rates.get(g.name) and g.training_tflops]
    if len(priced) < 2:
        return ""
    train = max(priced, key=lambda g: _per_dollar(g, rates, True))
    serve = max(priced, key=lambda g: _per_dollar(g, rates, False))

    def figures(training: bool) -> str:
        unit = "dense BF16 TFLOPS" if training else "GB/s"
        return ", ".join(
            f"{_per_dollar(g, rates, training):,.0f} {unit} per $/hour on the {g.name}" for g in priced
        )

    if train is serve:
        return (
            f"**The {train.name}** is the better value rented, for training and for generating tokens alike: "
            f"{figures(True)}; {figures(False)} (on-demand medians)."
        )
    return (
        f"**It depends on the work** — for training (bound by compute) the **{train.name}**: {figures(True)}; for "
        f"generating tokens (bound by memory bandwidth) the **{serve.name}**: {figures(False)} (on-demand medians)."
    )


def _per_dollar(g: GPU, rates: dict[str, float], training: bool) -> float:
    """What a dollar an hour buys of the resource the work is bound by: compute for training, bandwidth for
    generating tokens."""
    return g.bound_rate(training) / rates[g.name]


def chosen_for_use(gpus: Sequence[GPU], details, rates: dict[str, float] | None = None) -> GPU | None:
    """The one GPU to name for a stated use: most compute per dollar on a budget, most compute for training
    (dense BF16, i.e. with the FP32 accumulate mixed precision uses: half a GeForce card's headline FP16 figure),
    most memory bandwidth for inference (decoding is bandwidth-bound); None without a use."""
    if details.task is None or len(gpus) < 2:
        return None
    if details.cheaper:
        rates = rates if rates is not None else rates_of(gpus)
        training = details.task.is_training
        known = [g for g in gpus if rates.get(g.name) and (g.training_tflops or not training)]
        return max(known, key=lambda g: _per_dollar(g, rates, training)) if known else None
    if details.task.is_training:
        known = [g for g in gpus if g.training_tflops]
        if not known:
            return None
        fastest = max(known, key=lambda g: (g.training_tflops, g.memory_gb))
        return _roomier_at_par(fastest, known, True) or fastest
    fastest = max(gpus, key=lambda g: (g.memory_bandwidth_gbs, g.memory_gb))
    return _roomier_at_par(fastest, gpus, False) or fastest


def _roomier_at_par(fastest: GPU, known: Sequence[GPU], training: bool) -> GPU | None:
    """A card about as fast as the fastest one for the work with far more memory (see :func:`_roomier_and_as_fast`),
    which decides what fits (model size, context or sequence length, batch) where the speed barely differs; else
    None."""
    par = [g for g in known if g is not fastest and _roomier_and_as_fast(g, fastest, training)]
    return max(par, key=lambda g: (g.memory_gb, g.bound_rate(training))) if par else None


def _roomier_and_as_fast(roomy: GPU, other: GPU, training: bool) -> bool:
    """Whether ``roomy`` has at least the at-par share of ``other``'s rate for the work (compute to train, bandwidth
    to generate) and the roomier ratio of its memory (both in corpus/assumptions.yaml)."""
    assumptions = load_assumptions()
    return (
        roomy.bound_rate(training) >= assumptions.number("at_par_rate_share") * other.bound_rate(training)
        and roomy.memory_gb >= assumptions.number("roomier_memory_ratio") * other.memory_gb
    )


def _ladder_rank(report) -> int:
    """How far up the what-runs ladder a card gets at a quant worth running (-1: nothing runs)."""
    run = largest_run(report)
    return -1 if run is None else next(i for i, r in enumerate(report.runs) if r is run)


def local_pick(reports) -> GPU | None:
    """For local LLMs with no model named, the card that runs the largest model at a quant worth running; of cards
    that reach the same model, the one with the most memory bandwidth (faster tokens)."""
    if len(reports) < 2:
        return None
    best = max(reports, key=lambda r: (_ladder_rank(r), r.gpu.memory_bandwidth_gbs))
    return best.gpu


# "which should I buy", "worth buying", "for the money": the card is bought, so its price weighs with its speed
_BUYING = re.compile(
    r"\bbuy|\bpurchas|\bfor the money\b|\bvalue\b|\bbudget\b|\bafford|\bused\b|\bsecond-?hand\b"
)


def _value_to_buy(best, others, bought: dict, question: str) -> str:
    """' To buy, the RTX 3090 is the better value: …' when the question is about buying, every card reaches the
    same models, and a cheaper card gives up less speed (memory bandwidth) than it saves in price; else ''."""
    if not _BUYING.search(question) or best.gpu.name not in bought:
        return ""

    def price(report) -> float:
        return bought[report.gpu.name].price_usd

    cheaper = [o for o in others if o.gpu.name in bought and o.count == best.count and price(o) < price(best)]
    if not cheaper:
        return ""
    value = min(cheaper, key=price)
    speed = best.gpu.memory_bandwidth_gbs / value.gpu.memory_bandwidth_gbs
    ratio = price(best) / price(value)
    if ratio <= speed:
        return ""
    return (
        f" To buy, the **{value.gpu.name}** is the better value: it runs the same models for "
        f"{_price_said(bought[value.gpu.name])} against {_price_said(bought[best.gpu.name])} — {ratio:.1f}x the "
        f"price for {speed:.2f}x the bandwidth on the {best.gpu.name}."
    )


def _quant_and_memory(report) -> str:
    """'in Q3_K_M, about 23.7 GB': the largest run's quant and memory on one owned setup."""
    run = largest_run(report)
    return f"in {run.quant.upper()}, about {gb(run.memory_gb)}"


def _local_pick_sentence(facts: Facts) -> str:
    """'A or B for local LLMs?': the card that runs bigger models, what each runs at most, and which is faster on the
    models both hold (tokens/s follow memory bandwidth)."""
    reports = {r.gpu.name: r for r in facts.owned_each}
    if len(reports) < 2 or facts.gpus[0].name not in reports:
        return ""
    best = reports[facts.gpus[0].name]
    others = [reports[g.name] for g in facts.gpus[1:] if g.name in reports]

    def setup(report) -> str:
        return f"{report.count} x {report.gpu.name}" if report.count > 1 else report.gpu.name

    def memory(report) -> str:
        return f"{report.count * report.gpu.memory_gb:.0f} GB"

    same_reach = all(_ladder_rank(o) == _ladder_rank(best) for o in others)
    where = "For local models (llama.cpp / Ollama / LM Studio, GGUF weights)"
    details = facts.understanding.details
    q = facts.understanding.question.lower()
    if (
        details.gpus
        and re.search(r"\b(?:is|are|would|will)\b[^?]*\b(?:better|faster|smarter)\b[^?]*\bthan\b", q)
        and claimed_factor(q)
        is None  # "is A 50% faster than B?": the factor's verdict leads, not a second one
    ):
        # "is a 4060 Ti 16GB better than a 3080 for local models?": whether the first card named is the pick
        where = f"**{'Yes' if details.gpus[0] == best.gpu.name else 'No'}** — f{where[1:]}"
    if same_reach:
        both = largest_run_text(best)
        if any(
            largest_run_text(o) != both for o in others
        ):  # the same model, at a lighter quant on the smaller card
            model = largest_run(best).model.name
            quants = "; ".join(f"{_quant_and_memory(r)} on the {setup(r)}" for r in (best, *others))
            both = f"**{model}** ({quants})"
        text = (
            f"{where}, the **{setup(best)}**: both run up to {both}, and it generates tokens faster "
            f"({best.gpu.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth against "
            + ", ".join(f"{o.gpu.memory_bandwidth_gbs:,.0f} on the {setup(o)}" for o in others)
            + ")."
        )
        return text + _value_to_buy(best, others, _bought(facts), q)
    text = (
        f"{where}, the **{setup(best)}**: {'their' if best.count > 1 else 'its'} {memory(best)} runs up to "
        f"{largest_run_text(best)}, where "
        + "; ".join(f"the {setup(o)}'s {memory(o)} stops at {largest_run_text(o)}" for o in others)
        + " — which models fit at all decides before speed does."
    )
    faster = [o for o in others if o.gpu.memory_bandwidth_gbs > best.gpu.memory_bandwidth_gbs]
    if faster:
        f = max(faster, key=lambda o: o.gpu.memory_bandwidth_gbs)
        ratio = f.gpu.memory_bandwidth_gbs / best.gpu.memory_bandwidth_gbs
        text += (
            f" On models both hold, the {f.gpu.name} is faster: about {ratio:.1f}x the tokens/s "
            f"({f.gpu.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth against {best.gpu.memory_bandwidth_gbs:,.0f})."
        )
    else:
        text += (
            f" It is also the faster one ({best.gpu.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth against "
            + ", ".join(f"{o.gpu.memory_bandwidth_gbs:,.0f}" for o in others)
            + ")."
        )
    return text


def _pick_for_use(gpus: Sequence[GPU], details, rates: dict[str, float]) -> str:
    """'Which is better for X': one GPU for that use and why, in one sentence ('' without a use)."""
    if details.task is not None and len(gpus) >= 2 and any(n > 1 for _, n in details.setups):
        return _setups_for_use(gpus, details)
    g = chosen_for_use(gpus, details, rates)
    if g is None:
        return ""
    others = [o for o in gpus if o is not g]
    if details.cheaper:
        training = details.task.is_training
        unit = "dense BF16 TFLOPS" if training else "GB/s of memory bandwidth"
        vs = ", ".join(
            f"{_per_dollar(o, rates, training):,.0f} on the {o.name}"
            for o in others
            if rates.get(o.name) and (o.training_tflops or not training)
        )
        return (
            f"For {'training' if training else 'inference'} per dollar, the **{g.name}**: it gives the most "
            f"{'compute' if training else 'memory bandwidth'} per dollar ({_per_dollar(g, rates, training):,.0f} "
            f"{unit} per $/hour" + (f" against {vs}" if vs else "") + ")."
        )
    training = details.task.is_training
    at_par = [o for o in others if _roomier_and_as_fast(g, o, training)]
    if at_par:  # as fast, with far more memory: what fits decides
        f = max(at_par, key=lambda o: o.bound_rate(training))
        same = "the same" if f.bound_rate(training) == g.bound_rate(training) else "about the same"
        if training:
            return (
                f"For training, the **{g.name}**: its {g.memory_gb:.0f} GB holds what {f.memory_gb:.0f} GB cannot "
                "(larger models, longer sequences, bigger batches: weights, gradients and optimizer states all live "
                f"there), at {same} compute ({g.training_tflops:,.0f} dense BF16 TFLOPS against "
                f"{f.training_tflops:,.0f} on the {f.name})."
            )
        return (
            f"For inference, the **{g.name}**: its {g.memory_gb:.0f} GB holds what {f.memory_gb:.0f} GB cannot (larger "
            "models, longer contexts, more users at once: weights and KV cache all live there), at "
            f"{same} speed for generating tokens ({g.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth against "
            f"{f.memory_bandwidth_gbs:,.0f} on the {f.name})."
        )
    if details.task.is_training:
        vs = ", ".join(f"{o.training_tflops:,.0f} on the {o.name}" for o in others if o.training_tflops)
        return (
            f"For training, the **{g.name}**: training is compute-bound, and it has {g.training_tflops:,.0f} dense BF16 "
            f"TFLOPS ({vs}) with {g.memory_gb:.0f} GB for weights, gradients and optimizer states."
        )
    vs = ", ".join(f"{o.memory_bandwidth_gbs:,.0f} GB/s on the {o.name}" for o in others)
    return (
        f"For inference, the **{g.name}**: generating tokens is limited by memory bandwidth, and it has "
        f"{g.memory_bandwidth_gbs:,.0f} GB/s ({vs}) with {g.memory_gb:.0f} GB for weights and KV cache."
    )


def _setups_for_use(gpus: Sequence[GPU], details) -> str:
    """'2x 4090 or 1x A6000 for training': the setups at their counts — compute and memory add up, but each card
    holds only its own memory, so a model larger than one card must be split across cards over their link."""
    counts = dict(details.setups)
    setups = [(g, counts.get(g.name, 1)) for g in gpus]
    training = details.task.is_training

    def label(g: GPU, n: int) -> str:
        return f"{n} x {g.name}" if n > 1 else f"one {g.name}"

    def power(setup) -> float:
        g, n = setup
        return n * g.bound_rate(training)

    best = max(setups, key=power)
    unit = "dense BF16 TFLOPS" if training else "GB/s of memory bandwidth"
    bound = "training is compute-bound" if training else "generating tokens is limited by memory bandwidth"
    rest = ", ".join(f"{power(s):,.0f} on {label(*s)}" for s in setups if s is not best)
    text = (
        f"For {'training' if training else 'inference'}, **{label(*best)}**: {bound}, and "
        f"{'together they have' if best[1] > 1 else 'it has'} {power(best):,.0f} {unit} against {rest}"
    )
    split = [(g, n) for g, n in setups if n > 1]
    if split:
        largest = max(g.memory_gb for g in gpus)
        g, n = split[0]
        text += (
            f". But {n} x {g.name} is {n} x {g.memory_gb:.0f} GB, not one {n * g.memory_gb:.0f} GB card: a model that "
            f"needs more than {g.memory_gb:.0f} GB must be split across the cards "
            + ("(FSDP or ZeRO-3 for training)" if training else "(tensor or pipeline parallelism)")
            + f", which talk over {g.interconnect}"
        )
        if largest > g.memory_gb:
            text += f"; one card with {largest:.0f} GB holds it without splitting"
    return text + ". Name the model for the exact memory on each."


def _can_both(gpus: Sequence[GPU], details) -> str:
    """A yes/no about whether the named GPUs can do a kind of work at all (framework support)."""
    use = "training" if details.task.is_training else "inference"
    able = [g for g in gpus if g.software in ("CUDA", "ROCm") or not details.task.is_training]
    if len(able) == len(gpus):
        names = " and the ".join(g.name for g in gpus)
        return (
            f"**Yes** — the {names} {'both' if len(gpus) == 2 else 'all'} run {use} with the standard frameworks "
            f"({', '.join(sorted({g.software for g in gpus}))}); what differs is speed and how big a model fits."
        )
    missing = ", ".join(g.name for g in gpus if g not in able)
    return f"**Only with** the others — the {missing} is not a usual {use} target ({gpus[0].software})."


def price_answer(facts: Facts) -> str:
    gpus = facts.gpus
    priced = [g for g in gpus if g.price]
    details = facts.understanding.details
    if not priced:
        names = ", ".join(g.name for g in gpus[:5])
        return f"I don't have an indicative price for {names} in the catalog, so I won't guess one. The specs are in the catalog; ask me to compare it with a priced GPU."
    if len(details.gpus) >= 2 and (details.cheaper or facts.understanding.follow_up):
        cheapest = min(priced, key=lambda g: g.price_per_hour)
        others = ", ".join(f"{g.name} {money(g.price_per_hour)}" for g in gpus if g is not cheapest)
        lead = f"The **{cheapest.name}** is cheaper: about {money(cheapest.price_per_hour)} per GPU-hour on demand, against {others}."
    elif fastest := fastest_within(facts):
        # "the fastest card I can rent for under $1.50/hour": fastest by the measure the job's speed follows
        best, lead = fastest
        gpus = (best, *(g for g in gpus if g is not best))
    elif details.budget_per_hour and _WANTS_MOST.search(facts.understanding.question.lower()):
        # "the best GPU I can rent for $500 a month": the most capable within the budget, not the cheapest
        best = max(priced, key=lambda g: (g.memory_gb, g.training_tflops or 0.0))
        lead = (
            f"The most capable match is the **{best.name}** ({best.memory_gb:.0f} GB, "
            f"{best.training_tflops or 0:,.0f} dense BF16 TFLOPS) at about {money(best.price_per_hour)} per GPU-hour "
            f"(typical on-demand) — filters: {', '.join(facts.filters)}; the cheapest is the {priced[0].name} at "
            f"{money(priced[0].price_per_hour)}."
        ) + _period_cost(best, 1, facts.understanding.question)
    elif facts.filters or not facts.understanding.details.gpus:
        lead = (
            f"The cheapest match is the **{priced[0].name}** at about {money(priced[0].price_per_hour)} per GPU-hour (typical on-demand)"
            + (f" — filters: {', '.join(facts.filters)}." if facts.filters else ".")
        )
    else:
        g = priced[0]
        lead = (
            f"The **{g.name}** costs about **{money(g.price.typical)} per GPU-hour** on demand (typical), "
            f"from about {money(g.price.low)} at the cheapest providers ({g.price.seen_at}; seen {g.price.as_of:%B %Y})."
        )
        lead += _period_cost(g, details.gpu_count or 1, facts.understanding.question)
    rows = [
        (
            g.name,
            money(g.price.low) if g.price else "unknown",
            money(g.price.typical) if g.price else "unknown",
            f"{g.memory_gb:.0f} GB",
            g.price.seen_at if g.price else "—",
        )
        for g in gpus[:8]
    ]
    table = markdown_table(("GPU", "low $/h", "typical $/h", "memory", "seen at"), rows)
    missing = [g.name for g in gpus[:8] if not g.price]
    tail = price_note(priced)
    if missing:
        tail += f" No indicative price in the catalog for: {', '.join(missing)}."
    return "\n\n".join([lead, table, tail])


_WANTS_FASTEST = re.compile(r"\b(?:fastest|quickest|speediest)\b")


def fastest_within(facts: Facts) -> tuple[GPU, str] | None:
    """The fastest priced card of those matching an hourly budget and the lead that says so, when the question
    asks for the fastest within one; else None."""
    details = facts.understanding.details
    priced = [g for g in facts.gpus if g.price]
    if not (
        priced and details.budget_per_hour and _WANTS_FASTEST.search(facts.understanding.question.lower())
    ):
        return None
    best = _fastest(priced, details)
    return best, _fastest_lead(best, priced, details, facts.filters)


def _fastest(priced: Sequence[GPU], details) -> GPU:
    """The card a job runs fastest on: dense BF16 compute for training, memory bandwidth for inference (decoding
    reads every weight for each token, so bandwidth sets tokens/s)."""
    if details.task is not None and details.task.is_training:
        return max(priced, key=lambda g: (g.training_tflops or 0.0, g.memory_bandwidth_gbs))
    return max(priced, key=lambda g: (g.memory_bandwidth_gbs, g.training_tflops or 0.0))


def _fastest_lead(best: GPU, priced: Sequence[GPU], details, filters: Sequence[str]) -> str:
    """'The fastest card within … is the GH200 …: by memory bandwidth …; by dense BF16 compute …'."""
    training = details.task is not None and details.task.is_training
    compute = max(priced, key=lambda g: (g.training_tflops or 0.0, g.memory_bandwidth_gbs))
    bandwidth = f"{best.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth"
    flops = f"{best.training_tflops or 0:,.0f} dense BF16 TFLOPS"
    lead = (
        f"The fastest card to rent within {', '.join(filters)} is the **{best.name}** ({best.memory_gb:.0f} GB) at "
        f"about {money(best.price_per_hour)} per GPU-hour (typical on-demand, {best.price.seen_at}; seen "
        f"{best.price.as_of:%B %Y}) — "
    )
    if training:
        return lead + f"by {flops}, what sets training speed; it has {bandwidth}."
    lead += f"by {bandwidth}, what sets how fast an LLM generates tokens (each token reads every weight)"
    if compute is best:
        return lead + f"; it also leads on compute ({flops}), what sets training and prompt-reading speed."
    return (
        lead + f"; for training or long prompts, compute decides: the {compute.name} has the most "
        f"({compute.training_tflops or 0:,.0f} dense BF16 TFLOPS, {money(compute.price_per_hour)}/GPU-hour)."
    )


_WANTS_MOST = re.compile(
    r"\bbest\b|\bmost (?:powerful|capable|memory|vram)\b|\bbiggest\b|\bstrongest\b|\bfastest\b"
)

PERIODS = (
    ("month", re.compile(r"\b(?:per |a |each )?month(?:ly)?\b"), 365 * 24 / 12),
    ("day", re.compile(r"\b(?:per |a |each )?day\b|\bdaily\b"), 24),
    ("week", re.compile(r"\b(?:per |a |each )?week(?:ly)?\b"), 24 * 7),
    ("year", re.compile(r"\b(?:per |a |each )?year\b|\bannual(?:ly)?\b"), 365 * 24),
    # last: "per hour and per month" asks the longer bill too
    ("hour", re.compile(r"\bper (?:gpu[- ])?h(?:ou)?r\b|\bhourly\b|\ban hour\b|/\s*h(?:ou)?r\b"), 1.0),
)


def period_of(question: str) -> tuple[str, float] | None:
    """('month', 730.0) when the question asks per month (day, week, year, hour likewise), else None."""
    q = question.lower()
    return next(((name, hours) for name, pattern, hours in PERIODS if pattern.search(q)), None)


def asks_per(question: str, period: str) -> bool:
    """True when the question names ``period`` ('hour', 'month'…), whichever other period it names too."""
    q = question.lower()
    return any(name == period and pattern.search(q) for name, pattern, _ in PERIODS)


def _period_cost(gpu: GPU, count: int, question: str) -> str:
    """' For 8 GPUs running around the clock: about $17,461 per month (typical rate).' when asked."""
    period = period_of(question)
    if (period is None or period[1] <= 1) and count == 1:
        return ""  # one GPU's hourly price is the answer already
    name, hours = period or ("hour", 1)
    low, typical = gpu.price.low * count * hours, gpu.price.typical * count * hours
    who = f"{count} GPUs" if count > 1 else "one GPU"
    clock = " running around the clock" if hours > 1 else ""
    return f" For {who}{clock}: about **{money(typical)} per {name}** at the typical rate ({money(low)} at the lowest)."
