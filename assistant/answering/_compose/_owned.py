"""The answer to 'what can my <hardware> run': a table of models, quants, context and speed, then fine-tuning."""

from __future__ import annotations

import re

from ..._text import article
from ...planning._owned import RunsRow
from ...sizing import Task, Workload, estimate_memory, load_assumptions
from ...understanding._understand import asks_ml_in_general
from .._facts import Facts
from ._format import gb, markdown_table
from ._shapes import reports_oom

__all__ = [
    "largest_run",
    "largest_run_text",
    "memories_answer",
    "owned_answer",
    "tools_by_status",
    "tools_line",
]


def _worth_running() -> tuple[str, ...]:
    return (*load_assumptions().recommended_quants, "mxfp4")  # MXFP4: how gpt-oss ships, not a squeeze


def largest_run(report) -> RunsRow | None:
    """The run a what-runs answer leads with: the largest model at a quant worth running, else the largest."""
    runs = [r for r in report.runs if r.quant]
    good = [r for r in runs if r.quant in _worth_running() or report.runtime == "server"]
    return (good or runs or [None])[-1]


def largest_run_text(report) -> str:
    """The largest run said in bold with its quant and memory ('**Qwen2.5 32B** in Q4_K_M (about 19.9 GB)')."""
    run = largest_run(report)
    if run is None:
        return "no model of my list"
    return f"**{run.model.name}** in {run.quant.upper()} (about {gb(run.memory_gb)})"


# "is it possible to install GPT4All on my M1?", "can I run ollama on a 1650?": whether a local app runs models there
_ASKS_APP_RUNS = re.compile(
    r"\b(?:is it possible|possible|can i|could i|will i be able)\b[^.?!]{0,20}\b(?:install|instal|run|use|set up)\s+"
    r"(?:gpt4all|ollama|lm ?studio|llama\.?cpp|koboldcpp|llamafile|jan|text[- ]generation[- ]webui|oobabooga)\b"
)


def _offloaded_text(facts: Facts) -> str:
    """With the RAM beside the card said: the larger models llama.cpp runs split between the card and the RAM."""
    if not facts.owned_offloaded:
        return ""
    ram = facts.understanding.details.host_ram_gb
    said = []
    for r in facts.owned_offloaded:
        moe = (
            " (a mixture-of-experts model: each token reads only its routed experts)"
            if r.model.is_moe
            else ""
        )
        said.append(
            f"**{r.model.name}** in {r.quant.upper()} (about {gb(r.memory_gb)}) at about "
            f"**{r.decode_tokens_per_s:.1f} tokens/s**{moe}"
        )
    return (
        f" With your {ram:g} GB of RAM beside it, llama.cpp (Ollama, LM Studio) also runs larger models, keeping the "
        f"layers that do not fit the card in RAM (partial offload, bound by the RAM's bandwidth, ±30%): "
        f"{' and '.join(said)}."
    )


def owned_answer(facts: Facts) -> str:
    report = facts.owned
    if report is None:  # "what can my GTX 1650 run?": a card not in the catalog, its memory not said
        card = facts.understanding.details.unlisted_gpu or "card"
        return (
            f"The **{card}** is not in my catalog, so I do not know how much memory it has. Tell me its memory "
            "(how many GB of VRAM) and I will list the models and quantizations that "
            "fit in it, with the context length and speed to expect. As a rule of thumb, a model in Q4_K_M "
            "(the usual Ollama / LM Studio download) takes a little over half a gigabyte per billion parameters, "
            "plus room for the context."
        )
    gpu = report.gpu
    label = f"{report.count}x {gpu.name}" if report.count > 1 else gpu.name
    runs = [r for r in report.runs if r.quant]
    stand_in = facts.gpus[0] if facts.gpus and facts.gpus[0].name != gpu.name else None
    budget = facts.understanding.details.purchase_budget_usd
    if budget and facts.purchases and facts.purchases[0].name == gpu.name:
        return _budget_answer(facts, budget)
    if facts.ladder and facts.purchases and facts.purchases[0].name == gpu.name:
        return _ladder_answer(facts)
    lead = f"On your **{label}** ({gb(report.usable_gb)} usable"
    if stand_in is not None:  # only the memory was said: speeds are those of a real card with it
        lead = (
            f"On a **{label}** (speeds as on the {stand_in.name}, the slowest such card I track; "
            f"{gb(report.usable_gb)} usable"
        )
    if gpu.gpu_memory_share:
        lead += (
            f": macOS lets the GPU use about {gpu.gpu_memory_share:.0%} of {gpu.memory_gb:.0f} GB by default"
        )
    if facts.understanding.details.ram_gb and not facts.gpus:
        lead = lead.replace(" usable", " left after the operating system")
    served = report.runtime == "server"
    lead += (
        ") with a serving engine (vLLM, SGLang or TGI; 16-bit, 8-bit or 4-bit AWQ/GPTQ weights)"
        if served
        else ") with llama.cpp / Ollama / LM Studio (GGUF quantized weights)"
    )
    lead_run = largest_run(report)
    use = facts.understanding.details.model_use
    largest = (
        f"the largest {use} model here" if use and not facts.understanding.details.family_ladder else None
    )
    if lead_run is not None and (served or lead_run.quant in _worth_running()):
        # the largest at a quant worth running; one bigger only at Q2_K is named as the trade-off it is
        biggest = lead_run
        lead += (
            f", {largest or 'the largest model here'} that runs is **{biggest.model.name}** in {biggest.quant.upper()} "
            f"(about {gb(biggest.memory_gb)} at {report.context:,} tokens of context)."
        )
        if (squeezed := runs[-1]) is not biggest and runs.index(squeezed) > runs.index(biggest):
            lead += (
                f" {squeezed.model.name} also loads, but only in {squeezed.quant.upper()}, which loses much more "
                "quality."
            )
    elif runs:
        biggest = runs[-1]
        lead += (
            f", {largest or 'the largest model here'} that runs is **{biggest.model.name}** in {biggest.quant.upper()} "
            f"(about {gb(biggest.memory_gb)} at {report.context:,} tokens of context), a quant that loses much "
            "quality."
        )
    else:
        lead += ", none of the models I track fit, even at Q2_K."
    rows = []
    for r in report.runs:
        if r.quant:
            speed = f"{r.decode_tokens_per_s:,.0f}" if r.decode_tokens_per_s else "—"
            second = r.batch_tokens_per_s if served else r.prompt_tokens_per_s
            prompt = f"{second:,.0f}" if second else "—"
            fmt = (
                f"{r.quant.upper()} on {r.cards}"
                if served and report.count > 1 and r.cards
                else r.quant.upper()
            )
            rows.append([r.model.name, fmt, gb(r.memory_gb), f"{r.max_context:,}", speed, prompt])
        else:
            rows.append(
                [
                    r.model.name,
                    "does not fit",
                    f"{gb(r.memory_gb)} at the smallest {'format' if served else 'quant'}",
                    "—",
                    "—",
                    "—",
                ]
            )
    if facts.understanding.details.cpu_weighed and stand_in is None and not gpu.gpu_memory_share:
        lead = _card_over_cpu(gpu, report.usable_gb) + " " + lead.replace("On your", "on the", 1)
    elif (
        facts.understanding.details.yes_no or _ASKS_APP_RUNS.search(facts.understanding.question.lower())
    ) and not _asks_training(facts):
        # "is it possible to run on a 4 GB GPU?", "is 8gb vram enough for local llms?": the verdict first
        lead = (
            f"**Yes, with quantized weights** — {lead[0].lower()}{lead[1:]}"
            if runs
            else f"**No** — {lead[0].lower()}{lead[1:]}"
        )
    lead += _usual_size_on_a_small_card(report) + _offloaded_text(facts)
    training = _training_lead(facts, label)
    if training:  # "what's the biggest model I can QLoRA on it?": the fine-tuning answer first
        lead = f"{training}\n\nFor running models: {lead[0].lower()}{lead[1:]}"
    parts = [
        lead,
        markdown_table(
            (
                "model",
                "best format that fits",
                "memory",
                "max context (tokens)",
                "t/s, 1 user",
                "t/s, batched",
            )
            if served
            else (
                "model",
                "best quant that fits",
                "memory",
                "max context (tokens)",
                "generate t/s",
                "prompt t/s",
            ),
            rows,
        ),
        (
            "Speeds: one stream's generation (bound by memory bandwidth) and the total with as many "
            f"{report.context:,}-token sequences batched as the KV cache holds (continuous batching), on the fewest "
            "cards that hold the model ('BF16 on 2': the rest serve more copies); estimates, not measurements. "
            "Memory counts the weights, an fp16 KV cache and the engine's buffers."
            if served
            else "Speeds are batch-1 estimates calibrated on published llama.cpp runs (±30%, see docs/benchmarks.md); "
            "memory counts the weights, an fp16 KV cache and the runtime's buffers."
        )
        + _split_text(report),
    ]
    if not report.trains:  # the CPU alone: speeds from the RAM's bandwidth; training is not sized there
        how = facts.understanding.details.ram_bandwidth_how or (
            "dual-channel desktop RAM; faster RAM scales them, a laptop or a small board is slower"
        )
        parts[-1] = (
            f"Speeds are batch-1 estimates from memory bandwidth: each token reads the weights from RAM at about "
            f"{gpu.memory_bandwidth_gbs:,.0f} GB/s ({how}); reading a long prompt is slow on a CPU. Memory counts the "
            "weights, an fp16 KV cache and the runtime's buffers."
        )
        parts.append(
            "**Fine-tuning**: on a CPU alone it is impractically slow, so I do not size it; rent a GPU for that."
        )
    elif gpu.software == "CUDA":
        lines = []
        for t in report.trains:
            if t.model:
                lines.append(
                    f"- {t.method}: up to **{t.model.name}** ({gb(t.memory_gb or 0.0)} per GPU, sequence 2,048)"
                )
            else:
                lines.append(f"- {t.method}: none of the models I track fit")
        parts.append("**Fine-tuning on it** (gradient checkpointing, micro-batch 1)\n" + "\n".join(lines))
    else:
        if facts.support:  # off CUDA, which tools run decides as much as memory does: said before the table
            parts.insert(1, tools_line(gpu, facts.support))
        parts.append(
            f"**Fine-tuning**: I size training on CUDA cards only (its memory figures come from CUDA tools), so not "
            f"on {gpu.software}; "
            + (
                "MLX (mlx-lm) does LoRA on Macs."
                if gpu.software == "Metal"
                else "the tools above say what runs."
            )
        )
    return "\n\n".join(parts)


def _split_text(report) -> str:
    """On several cards: how one model is split across them, in the runtimes people use (each tool's own flag)."""
    n = report.count
    if n < 2 or report.gpu.software == "Metal":
        return ""
    return (
        f" One model is split across the {n} cards: llama.cpp `--tensor-split` (Ollama and LM Studio do it by "
        f"themselves); vLLM or SGLang `--tensor-parallel-size {n}` (tensor parallelism; the model's attention heads "
        f'must divide by {n}), TGI `--num-shard {n}`, Transformers `device_map="auto"`.'
    )


def tools_by_status(support) -> dict[str, list[str]]:
    """The names of the software table's tools by their status on a card: supported, partial, unsupported."""
    return {status: [s.tool.name for s in support if s.status == status] for status in _STATUS_WORDS}


def tools_line(gpu, support) -> str:
    """The tools of the software table that run on the card, run with limits, or do not, from their own docs."""
    groups = tools_by_status(support)
    said = [
        f"{words}: {', '.join(names)}" for status, words in _STATUS_WORDS.items() if (names := groups[status])
    ]
    return (
        f"**Software on the {gpu.name} ({gpu.software})**, from each tool's own docs — "
        + "; ".join(said)
        + "."
    )


_STATUS_WORDS = {"supported": "runs", "partial": "with limits", "unsupported": "does not run"}


def _usual_size_on_a_small_card(report) -> str:
    """On a card too small for the 7-8B models most people start with, even at Q2_K: what they take in the
    usual 4-bit download, and that llama.cpp still runs them with layers in system RAM (slowly)."""
    if not report.trains:  # the CPU alone: nothing to offload to
        return ""
    row = next((r for r in report.runs if 7e9 <= r.model.params <= 9e9), None)
    if row is None or row.quant is not None:
        return ""
    assumptions = load_assumptions()
    usual = str(assumptions["default_local_quant"].value)
    work = Workload(
        Task.INFERENCE,
        row.model,
        row.model.params,
        precision=usual,
        runtime="llama.cpp",
        context=min(report.context, row.model.max_context),
    )
    need = estimate_memory(work, assumptions).total_gb
    return (
        f" The {row.model.name}-class models most people start with need about {gb(need)} in the usual 4-bit "
        f"{usual.upper()}: on this card they run only with part of their layers in system RAM (llama.cpp / Ollama "
        "partial offload), at a few tokens/s."
    )


def _card_over_cpu(gpu, usable_gb: float) -> str:
    """'The RTX 3060 12GB, for what fits its memory': generation reads every weight once per token, so its speed
    is the memory's bandwidth — the card's against a desktop's dual-channel RAM."""
    ram = load_assumptions().number("system_ram_bandwidth_gbs")
    times = gpu.memory_bandwidth_gbs / ram
    return (
        f"**The {gpu.name}**, for every model that fits its {gpu.memory_gb:.0f} GB of VRAM: generating reads all the "
        f"weights once per token, so speed follows memory bandwidth — {gpu.memory_bandwidth_gbs:,.0f} GB/s on the "
        f"card against about {ram:,.0f} GB/s from a desktop's dual-channel RAM, about {times:.0f}x faster, whatever "
        "the CPU. Models bigger than its memory still run under llama.cpp with the rest of the layers in system "
        "RAM, at nearer the CPU's speed, so buy enough RAM too. Below:"
    )


def _asks_training(facts: Facts) -> bool:
    task = facts.understanding.details.task
    return task is not None and task.is_training


def _price_text(price) -> str:
    """A card's price as the data has it: a dated street price, else the launch MSRP with its date."""
    if price.street:
        return f"${price.street.usd:,.0f} (street price, {price.street.as_of.isoformat()})"
    when = f", {price.launched.isoformat()}" if price.launched else ""
    return f"${price.msrp_usd:,.0f} (launch MSRP{when})"


def _budget_answer(facts: Facts, budget: float) -> str:
    """'With 2k, what GPU for local LLMs?': the card with the most memory the budget buys, what runs on it, and
    the other cards within the budget."""
    report = facts.owned
    gpu, price = report.gpu, facts.purchases[0]
    runs = [r for r in report.runs if r.quant]
    what = "Mac" if gpu.vendor == "Apple" else "card"
    lead = (
        f"For **${budget:,.0f}**, the {'CUDA ' if gpu.software == 'CUDA' else ''}{what} with the most memory I have a "
        f"price for is the **{gpu.name}** "
        f"({gpu.memory_gb:.0f} GB, {_price_text(price)}"
        + (f", {price.product}" if price.product else "")
        + "): memory decides which models run, its bandwidth how fast."
    )
    biggest = largest_run(report)  # the largest at a quant worth running, not a Q2_K squeeze
    if biggest is not None:
        speed = f", about {biggest.decode_tokens_per_s:,.0f} tokens/s" if biggest.decode_tokens_per_s else ""
        lead += (
            f" Under llama.cpp / Ollama / LM Studio the largest model here that runs on it is **{biggest.model.name}** "
            f"in {biggest.quant.upper()} (about {gb(biggest.memory_gb)} at {report.context:,} tokens of context{speed})."
        )
    if price.note:
        lead += f" Note: {price.note}."
    others = [
        [g.name, f"{g.memory_gb:.0f} GB", f"{g.memory_bandwidth_gbs:,.0f} GB/s", _price_text(p)]
        for g, p in zip(facts.gpus, facts.purchases, strict=False)
    ]
    rows = [
        [
            r.model.name,
            r.quant.upper(),
            gb(r.memory_gb),
            f"{r.decode_tokens_per_s:,.0f}" if r.decode_tokens_per_s else "—",
        ]
        for r in runs
    ]
    return "\n\n".join(
        [
            lead,
            markdown_table((f"{what} within the budget", "memory", "bandwidth", "price"), others[:8]),
            f"**What runs on the {gpu.name}**\n"
            + markdown_table(("model", "best quant that fits", "memory", "generate t/s"), rows)
            if rows
            else "",
            "Prices are launch MSRPs unless a dated street price is shown; used and current prices differ. Speeds are "
            "batch-1 estimates from memory bandwidth (±30%).",
        ]
    )


def _ladder_answer(facts: Facts) -> str:
    """'What card should I get for local LLMs?': one pick and why (the most memory per dollar on a CUDA card,
    since memory decides which models run), then the cheapest card of each memory size with what runs on it."""
    report, price = facts.owned, facts.purchases[0]
    gpu = report.gpu
    best = largest_run(report)
    general = asks_ml_in_general(facts.understanding.question)
    where = (
        "For deep learning on your own machine, memory decides what you can train and run, and CUDA is what PyTorch "
        "and nearly every tool support first"
        if general
        else "For running models at home, memory decides which models run and bandwidth how fast"
    )
    lead = (
        f"{where}; of the {'Macs' if gpu.vendor == 'Apple' else 'cards'} I "
        f"have prices for, the **{gpu.name}** ({gpu.memory_gb:.0f} GB, {_price_text(price)}) gives the most memory "
        "per dollar"
        + (
            " on CUDA, which every local runtime supports first"
            if gpu.software == "CUDA" and not general
            else ""
        )
        + (" on CUDA" if gpu.software == "CUDA" and general else "")
        + "."
    )
    if best is not None and best.quant:
        speed = f", about {best.decode_tokens_per_s:,.0f} tokens/s" if best.decode_tokens_per_s else ""
        lead += (
            f" Under llama.cpp / Ollama / LM Studio it runs up to **{best.model.name}** in {best.quant.upper()} "
            f"(about {gb(best.memory_gb)}{speed})."
        )
    if price.note:
        lead += f" Note: {price.note}."
    rows = [
        [
            g.name,
            f"{g.memory_gb:.0f} GB",
            _price_text(p),
            f"{r.model.name} ({r.quant.upper()})" if r is not None and r.quant else "—",
            f"{r.decode_tokens_per_s:,.0f}" if r is not None and r.decode_tokens_per_s else "—",
        ]
        for g, p, r in facts.ladder
    ]
    return "\n\n".join(
        [
            lead,
            "More memory buys bigger models; each card below is the cheapest way to its amount of memory:",
            markdown_table(("card", "memory", "price", "largest model that runs", "generate t/s"), rows),
            "Prices are launch MSRPs unless a dated street price is shown; used cards (a used RTX 3090 is the usual "
            "24 GB buy) cost less. Speeds are batch-1 estimates from memory bandwidth (±30%). Tell me a budget or a "
            "model and I will narrow it down.",
        ]
    )


def _runs_fully(facts: Facts, tool: str) -> bool:
    """Whether the software table says ``tool`` runs on the card without limits (its checks are in facts.support)."""
    return any(s.tool.name == tool and s.status == "supported" for s in facts.support)


def _trains_with_pytorch(facts: Facts) -> bool:
    """Training is sized on CUDA cards, and on others (ROCm) where the software table says PyTorch runs."""
    return facts.owned.gpu.software == "CUDA" or _runs_fully(facts, "PyTorch")


def _trains_setting(facts: Facts) -> str:
    """The run the 'largest model that trains' figures are for: the usual fine-tune, or GRPO at TRL's defaults."""
    if facts.understanding.details.rl != "grpo":
        return "sequence 2,048, gradient checkpointing, micro-batch 1"
    group = load_assumptions().number("rl_generations_per_prompt")
    return (
        f"{group:.0f} completions per prompt at TRL GRPOConfig's default prompt and completion lengths, gradient "
        "checkpointing"
    )


def _training_lead(facts: Facts, label: str) -> str:
    """The largest model each fine-tuning method fits on the hardware, the method asked about first, when the
    question is about training (empty otherwise, or where training is not sized)."""
    task = facts.understanding.details.task
    report = facts.owned
    if task is None or not task.is_training or not report.trains or not _trains_with_pytorch(facts):
        return ""
    # the method asked about first; with none said, the report's order (QLoRA, the one that fits most, first)
    asked = "" if facts.understanding.details.method_unstated else task.label.lower()
    # the method asked, also as an RL run's ("GRPO QLoRA fine-tuning" for "qlora")
    rl = facts.understanding.details.rl or ""
    rows = sorted(report.trains, key=lambda t: t.method.lower() not in (asked, f"{rl} {asked}"))
    if report.gpu.software != "CUDA" and not _runs_fully(facts, "bitsandbytes"):
        rows = [t for t in rows if t.method != Task.QLORA.label] or rows  # 4-bit QLoRA kernels: bitsandbytes
    first, rest = rows[0], rows[1:]
    if first.model is None:
        head = f"On your **{label}**, none of the models I track fit for {first.method}"
    else:
        head = (
            f"On your **{label}**, the largest model I track that fits for {first.method} is "
            f"**{first.model.name}** (about {gb(first.memory_gb or 0.0)} per GPU, {_trains_setting(facts)})"
        )
    others = [f"{t.method}: {t.model.name if t.model else 'none'}" for t in rest]
    text = head + (f"; {'; '.join(others)}." if others else ".")
    if report.gpu.software == "Metal":
        text += (
            " On a Mac these run with Apple's MLX (`mlx_lm.lora`, `--fine-tune-type full` for full fine-tuning; on a "
            "4-bit model for the QLoRA equivalent), slower than on a comparable NVIDIA card."
        )
    if facts.understanding.details.yes_no and reports_oom(facts.understanding.question):
        # "my training run keeps running out of memory on it, any way to make it work?": the failure is the
        # measurement of that job as it is set up, so it leads; the listing is not that job (its model is not
        # named), only a scale for what a change of method or model would fit
        text = (
            f"**No**, not as your run is set up: it ran out of memory on your {label}, and that is the measurement "
            "of this job. What would let it fit (micro-batch 1, gradient checkpointing, LoRA or QLoRA) depends on "
            "the size of the model it trains, which you haven't named. For scale: "
            f"{text[0].lower()}{text[1:]}"
        )
    elif facts.understanding.details.yes_no:
        # "is QLoRA possible on my 3060?": whether the method (the leanest when none is said) fits a model I track
        verdict = "**Yes**" if first.model is not None else "**No**"
        text = f"{verdict} — {text[0].lower()}{text[1:]}"
    return text


def memories_answer(facts: Facts) -> str:
    """'16gb or 24gb gpu for local llms?': the memory that runs larger models, what each runs at most (which decides
    before speed), and a row per memory with the card whose speeds are quoted."""
    small, big = facts.owned_each[0], facts.owned_each[-1]
    small_gb, big_gb = (
        facts.understanding.details.memories_weighed[0],
        facts.understanding.details.memories_weighed[-1],
    )
    kind = "Mac" if big.gpu.vendor == "Apple" else "card"

    bigger = [r for r in big.runs if r.quant]
    same = (
        largest_run(big) is not None
        and largest_run(small) is not None
        and (largest_run(big).model.name == largest_run(small).model.name)
    )
    if same:
        lead = (
            f"**Either** — {article(f'{small_gb:g}')} {small_gb:g} GB and {article(f'{big_gb:g}')} {big_gb:g} GB {kind} "
            f"both run up to {largest_run_text(big)}; the "
            f"{big_gb:g} GB one runs it in a less compressed format or with a longer context."
        )
    else:
        lead = (
            f"**{big_gb:g} GB** — which models fit at all decides before speed does: {article(f'{big_gb:g}')} "
            f"{big_gb:g} GB {kind} runs up to {largest_run_text(big)} where {article(f'{small_gb:g}')} {small_gb:g} GB one stops "
            f"at {largest_run_text(small)} (llama.cpp / Ollama / LM Studio, "
            "GGUF weights)."
        )
    rows = []
    for gb_said, report in zip(facts.understanding.details.memories_weighed, facts.owned_each, strict=True):
        run = largest_run(report)
        rows.append(
            [
                f"{gb_said:g} GB",
                report.gpu.name,
                f"{run.model.name} ({run.quant.upper()})" if run is not None else "—",
                f"{run.decode_tokens_per_s:,.0f}" if run is not None and run.decode_tokens_per_s else "—",
            ]
        )
    table = markdown_table(
        ("memory", f"{kind} the speeds are from", "largest model that runs", "generate t/s"), rows
    )
    note = (
        f"Speeds are those of the slowest {kind} of each memory I track; a faster one of the same memory runs the "
        "same models, faster."
    )
    return "\n\n".join([lead, table, note]) if bigger else lead
