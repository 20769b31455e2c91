"""Wrong premises corrected first: "The L4 has 24 GB, not 48 GB." before the answer (which already uses the
catalog's figure, since understanding keeps the catalog row for a GPU whose stated memory is wrong)."""

from __future__ import annotations

import re

from ..understanding import Understanding
from ..understanding._premises import reports_bf16_unsupported
from ..understanding._volume import peak_requests_how, peak_requests_per_s, peak_users, peak_users_how

__all__ = ["correct_premises", "format_sentence", "premise_sentences", "setup_sentence", "variant_sentence"]

_FORMAT_LABELS = {"fp4": "FP4 (NVFP4)", "fp8": "FP8", "bf16": "bf16"}


def _listed(names) -> str:
    names = list(names)
    return names[0] if len(names) < 2 else ", ".join(names[:-1]) + f" or {names[-1]}"


# TensorRT-LLM however spelled ('trtllm-serve'): its FP8 needs FP8 hardware, with no weight-only path on Ampere
_TRT = re.compile(r"\btensorrt[- _]?llm|\btrt[- _]?llm")
# the serving engines with vLLM's FP8 Marlin kernel (LoRAX is TGI's fork)
_MARLIN_ENGINE = re.compile(r"\bvllm\b|\bsglang\b|\btgi\b|text[- ]generation[- ]inference|\blorax\b")


def _fp16_instead(understanding: Understanding) -> str:
    """What takes bf16's place on a card without it: fp16 for training (with loss scaling), else fp16 weights."""
    task = understanding.details.task
    if task is not None and task.is_training:
        return "train in fp16 instead (`fp16=True, bf16=False`, with loss scaling); the memory is the same."
    return "load the 16-bit weights in fp16 instead (same memory)."


def _bf16_error_sentence(understanding: Understanding) -> str:
    """A pasted bf16 refusal with no card of the catalog named: what it means and the change that fixes it."""
    if not reports_bf16_unsupported(understanding.question.lower()):
        return ""
    return (
        "That bf16 error means your GPU has no bf16 (cards before Ampere: the T4 — Colab's free GPU —, V100, "
        f"P100, RTX 20xx): {_fp16_instead(understanding)}"
    )


def format_sentence(understanding: Understanding) -> tuple[str, str]:
    """The number formats the user means to run on GPUs that lack them, by the catalog: a verdict first when
    every named GPU lacks a compute format (FP4, FP8), else a note; bf16 is always a note (fp16 takes its
    place at the same memory). Returns (the verdict that leads, notes that follow the headline)."""
    premises = [p for p in understanding.premises if p.spec == "format"]
    if not premises:
        return "", _bf16_error_sentence(understanding)
    named = set(understanding.details.gpus)
    out: list[str] = []
    verdict: str | None = None
    for fmt in ("fp4", "fp8", "bf16"):
        lacking = [p for p in premises if p.fmt == fmt]
        if not lacking:
            continue
        label = _FORMAT_LABELS[fmt]
        who = _listed(f"{p.gpu} ({p.architecture})" for p in lacking)
        has = (
            f" ({_listed(lacking[0].supported_by)} {'have them' if fmt == 'fp4' else 'have it'})"
            if lacking[0].supported_by
            else ""
        )
        if fmt == "bf16":
            out.append(f"The {who} has no bf16: {_fp16_instead(understanding)}")
            continue
        units = "FP4 tensor cores" if fmt == "fp4" else "FP8 support"
        plural = len(lacking) > 1
        if fmt == "fp8" and understanding.intent == "non_llm":
            # diffusion tools (ComfyUI, diffusers, DiffSynth) keep fp8 weights in memory on any GPU and upcast each
            # layer to bf16 / fp16 to compute: the memory saving holds, only the FP8 speed-up is missing
            out.append(
                f"The {who} {'have' if plural else 'has'} no FP8 compute{has}: diffusion tools such as ComfyUI "
                "still keep fp8 weights in memory and upcast each layer to bf16 / fp16 to compute, so the memory "
                "saving holds but not the FP8 speed-up."
            )
            continue
        task = understanding.details.task
        lacking_gpus = {p.gpu for p in lacking}
        if fmt == "fp8" and all(p.weight_only for p in lacking) and not (task and task.is_training):
            marlin = (
                f"vLLM runs FP8 checkpoints on {'them' if plural else 'it'} weight-only through its FP8 Marlin "
                "kernel (SGLang and TGI use it too): each weight takes 1 byte, the math runs in bf16 or fp16, so FP8's "
                "memory saving holds but not its compute speed-up"
            )
            question = understanding.question.lower()
            # the GPU the question runs on lacks FP8 ("on 8 x A100 ... (e.g. H100)" names another in passing)
            gpus = understanding.details.gpus
            leads = not verdict and (
                {p.gpu for p in lacking} == named or (bool(gpus) and gpus[0] in lacking_gpus)
            )
            if _TRT.search(question) and leads:
                verdict = (
                    f"**No, not in TensorRT-LLM** — its FP8 needs FP8 hardware{has}, and the {who} "
                    f"{'have' if plural else 'has'} none; {marlin}."
                )
                continue
            if _MARLIN_ENGINE.search(question) or not leads:  # the engine named serves it: the fit leads
                out.append(f"The {who} {'have' if plural else 'has'} no FP8 compute, but {marlin}.")
                continue
            # no engine named (Transformers refuses FP8 below compute capability 9.0): not natively, and the way
            verdict = f"**No, not natively** — the {who} {'have' if plural else 'has'} no FP8 support{has}; {marlin}."
            continue
        sentence = (
            f"the {who} {'have' if plural else 'has'} no {units}{has}, so {label} builds do not run on "
            f"{'them' if plural else 'it'} natively"
        )
        if {p.gpu for p in lacking} == named and not verdict:
            verdict = (
                f"**No, not natively** — {sentence}. Use a bf16, 8-bit or 4-bit (AWQ/GPTQ) build instead; some "
                "engines can unpack such weights on older GPUs, more slowly."
            )
        else:
            out.append(sentence[0].upper() + sentence[1:] + ".")
    return verdict or "", " ".join(out)


def _gb(value: float) -> str:
    return f"{value:,.0f} GB" if value == int(value) else f"{value:,.1f} GB"


def _premised(understanding: Understanding) -> list:
    """The premises ``premise_sentences`` writes a sentence for, in its order."""
    return [p for p in understanding.premises if p.spec in _SPEC_LABELS or p.spec == "memory_gb"]


def premise_sentences(understanding: Understanding) -> list[str]:
    """One sentence per premise the catalog contradicts, e.g. 'The L4 has 24 GB, not 48 GB.'"""
    out = []
    for p in _premised(understanding):
        if p.spec in _SPEC_LABELS:
            out.append(_spec_sentence(p))
            continue
        if p.variants:
            sizes = [_gb(v) for v in sorted({p.actual, *p.variants})]
            listed = ", ".join(sizes[:-1]) + f" or {sizes[-1]}"
            out.append(f"The {p.product or p.gpu} comes with {listed}, not {_gb(p.stated)}.")
        else:
            out.append(f"The {p.gpu} has {_gb(p.actual)}, not {_gb(p.stated)}.")
    return out


def memory_premise_sentences(understanding: Understanding) -> list[str]:
    """The sentences of ``premise_sentences`` that correct a stated memory size ('The A10G has 24 GB, not 48 GB.')."""
    premised = _premised(understanding)
    return [
        s for p, s in zip(premised, premise_sentences(understanding), strict=True) if p.spec == "memory_gb"
    ]


_VERDICT_HEAD = re.compile(r"^(\*\*[^*]+\*\*)\s*[—–-]\s*(\S)")
_CATALOG_FIGURE = re.compile(r"\s*The answer uses the catalog's figures?\.")


def verdict_with_correction(lead: str, corrections: list[str]) -> str | None:
    """A verdict lead with a wrong memory the user stated corrected in its first sentence ("**No** — the A10G has
    24 GB, not 48 GB. Inference of … needs …"), or None when ``lead`` opens with no verdict or already says it."""
    head = _VERDICT_HEAD.match(lead) if corrections else None
    if head is None or any(c[1:] in lead for c in corrections):
        return None
    said = " ".join(corrections)
    rest = lead[head.start(2) :]
    return f"{head.group(1)} — {said[0].lower()}{said[1:]} {rest[0].upper()}{rest[1:]}"


def without_corrections(paragraph: str, corrections: list[str]) -> str:
    """``paragraph`` with the correction sentences (and the catalog-figure note after them) taken out."""
    if not any(c in paragraph for c in corrections):
        return paragraph
    for correction in corrections:
        paragraph = paragraph.replace(correction, "")
    return "" if not _CATALOG_FIGURE.sub("", paragraph).strip() else paragraph.strip()


_SPEC_LABELS = {
    "memory_type": "memory",
    "memory_bandwidth_gbs": "of memory bandwidth",
    "tflops": "",
    "nvlink": "",
    "price": "",
}


def _spec_sentence(p) -> str:
    """'The L40S has GDDR6 memory, not HBM3.', 'The RTX 4090 has no NVLink (PCIe 4.0 x16).'"""
    if p.spec == "nvlink":
        return f"The {p.gpu} has {p.fact}: its GPUs talk over PCIe, not NVLink."
    if p.spec == "price":
        return f"The {p.gpu} rents for {p.fact} in the offerings on record, not {p.claimed}."
    label = _SPEC_LABELS[p.spec]
    return f"The {p.gpu} has {p.fact}{' ' + label if label else ''}, not {p.claimed}."


def variant_sentence(understanding: Understanding) -> str:
    """Which card the answer uses when a stated memory figure names another variant than the name read ("an H100
    PCIe with 94GB"): 'The answer uses the H100 NVL: 94 GB is its memory (the H100 PCIe has 80 GB).'"""
    out = []
    for p in understanding.premises:
        if p.spec != "variant":
            continue
        out.append(
            f"The answer uses the {p.used}: {_gb(p.stated)} is its memory (the {p.gpu} has {_gb(p.named_gb)})."
        )
    return " ".join(out)


def setup_sentence(understanding: Understanding) -> str | None:
    """What a cloud instance type named in the question holds, e.g. 'A g5.12xlarge has 4x A10G.'"""
    d = understanding.details
    if not d.instance or not d.gpus or d.instance.lower() not in understanding.question.lower():
        return None
    count = f"{d.gpu_count}x " if d.gpu_count else ""
    return f"Read as {count}{d.gpus[0]} (what a {d.instance} holds)."


def volume_sentence(understanding: Understanding) -> str | None:
    """'1000 users per day' with no count at once: a volume over time is not concurrency, so say what was sized."""
    d = understanding.details
    if d.per_period and d.batch and d.batch == peak_users(d.per_period.lower()):
        return (
            f"{d.per_period} read as about {d.batch:,} users at once at the peak (assumed: {peak_users_how()}); "
            "say how many use it at the same moment to size for your real peak."
        )
    if (
        d.per_period
        and d.target_requests_per_s
        and d.target_requests_per_s == peak_requests_per_s(d.per_period.lower())
    ):
        return (
            f"{d.per_period} read as about {d.target_requests_per_s:,.3g} requests/s at the peak (assumed: "
            f"{peak_requests_how()}); say your peak rate to size for it."
        )
    if not d.per_period or d.batch:
        return None
    return (
        f"{d.per_period} is a volume over time, not how many at once: the figures are for one request at a time; "
        "say how many use it at the same moment (the peak) to size for them."
    )


_BF16_SAID = re.compile(r"\bbf16\b|\bbfloat16\b")


def _yes_in_fp16(draft: str, understanding: Understanding) -> str:
    """'Will my bf16 fine-tune work on a V100?' where it fits: yes, but in fp16, since the card has no bf16 and a
    bf16 run stops at start-up; the note after the headline says how."""
    task = understanding.details.task
    lacking = [p for p in understanding.premises if p.spec == "format" and p.fmt == "bf16"]
    if not (
        lacking
        and task is not None
        and task.is_training
        and understanding.details.yes_no
        and _BF16_SAID.search(understanding.question.lower())
        and draft.startswith("**Yes** —")
    ):
        return draft
    return "**Yes, with fp16 instead of bf16** —" + draft.removeprefix("**Yes** —")


def fewer_cards_sentence(understanding: Understanding) -> str:
    """A training run asked on fewer GPUs than the run it is set against: how the global batch is kept."""
    details = understanding.details
    asked, weighed = details.gpu_count, details.counts_weighed
    if not (details.task and details.task.is_training and asked and weighed and weighed[0] > asked):
        return ""
    factor = weighed[0] / asked
    cards = "GPU" if asked == 1 else "GPUs"
    return (
        f"On {asked} {cards} instead of {weighed[0]}, keep the same global batch by raising "
        f"`gradient_accumulation_steps` {factor:g}x (the per-GPU batch unchanged); each optimizer step then takes "
        f"about {factor:g}x as long."
    )


def correct_premises(draft: str, understanding: Understanding) -> str:
    """``draft`` opened by the corrections of any wrong premises the question stated (unchanged if none); a
    named instance type's reading follows the headline, so the answer still comes first."""
    setup = setup_sentence(understanding)
    if fewer := fewer_cards_sentence(understanding):
        head, sep, rest = draft.partition("\n\n")
        draft = f"{head}\n\n{fewer}{sep}{rest}"
    if volume := volume_sentence(understanding):
        head, sep, rest = draft.partition("\n\n")
        draft = f"{head}\n\n_{volume}_{sep}{rest}"
    if setup:
        head, sep, rest = draft.partition("\n\n")
        draft = f"{head}\n\n_{setup}_{sep}{rest}"
    if variants := variant_sentence(understanding):  # after the headline: the answer still comes first
        head, sep, rest = draft.partition("\n\n")
        draft = f"{head}\n\n_{variants}_{sep}{rest}"
    verdict, notes = format_sentence(understanding)
    draft = _yes_in_fp16(draft, understanding)
    if "Marlin" in draft.split("\n", 1)[0]:  # the headline already says how FP8 serves weight-only
        notes = " ".join(n for n in re.split(r"(?<=\.) ", notes) if "Marlin" not in n)
    if notes:
        head, sep, rest = draft.partition("\n\n")
        draft = f"{head}\n\n{notes}{sep}{rest}"
    if verdict and not _already_said(draft, understanding):
        draft = f"{verdict}\n\n{draft}"
    sentences = premise_sentences(understanding)
    if sentences and understanding.intent == "spec" and _VERDICT.match(draft):
        # "does the 4090 have NVLink?" asks about the spec itself: the spec answer's Yes/No is the correction
        sentences = [
            s for p, s in zip(_premised(understanding), sentences, strict=True) if p.spec == "memory_gb"
        ]
    if not sentences:
        return draft
    specs = [p for p in understanding.premises if p.spec in _SPEC_LABELS]
    if specs and all(p.spec == "price" for p in specs):
        first = " ".join(sentences) + " The answer uses the offerings' prices."
        if understanding.details.yes_no and not _VERDICT.match(draft):
            # "the H100 is only $0.10 an hour, right?": the claim is the question, and it is wrong
            first = "**No** — t" + first[1:]
        if _VERDICT.match(draft):
            head, sep, rest = draft.partition("\n\n")
            return f"{head}\n\n{first}{sep}{rest}"
        return f"{first}\n\n{draft}"
    if specs and _VERDICT.match(draft):
        # a yes / no asked on a claimed spec ("the A10G's 1.5 TB/s should give 90 tok/s, right?"): the verdict
        # stays first, the correction right after it, before anything else
        head, sep, rest = draft.partition("\n\n")
        return f"{head}\n\n{' '.join(sentences)} The answer uses the catalog's figures.{sep}{rest}"
    head, sep, rest = draft.partition("\n\n")
    if len(sentences) == len(specs := memory_premise_sentences(understanding)) and (
        folded := verdict_with_correction(head, specs)
    ):
        return f"{folded}{sep}{rest}"  # the verdict still first, the memory corrected in its first sentence
    return f"{' '.join(sentences)} The answer uses the catalog's figure.\n\n{draft}"


_VERDICT = re.compile(r"\*\*(?:Yes|No|Only|Neither|Not)\b")


def _already_said(draft: str, understanding: Understanding) -> bool:
    """Whether the draft's first line already turns the format down (a sized FP8 run on a GPU without FP8)."""
    first = draft.split("\n", 1)[0]
    verdicts = [p for p in understanding.premises if p.spec == "format" and p.fmt != "bf16"]
    return (
        bool(verdicts)
        and first.startswith("**No")
        and all(_FORMAT_LABELS[p.fmt].split(" ")[0] in first for p in verdicts)
    )
