"""What the user says a GPU has: "the L4 has 48 GB", "an A10 with 40GB", "my 48GB 4090" (pure).

Each memory figure stated next to a GPU the catalog names is read as a claim about that GPU:

* it names one of the GPU's catalog variants ("an A100 with 40 GB", "H100 with 94GB") -> that variant;
* it is a size the product is sold in but the catalog does not list (a consumer card whose catalog name
  carries its size, e.g. an 8 GB "RTX 3060 12GB") -> the user's own card: its memory is taken as stated;
* otherwise it is a wrong premise -> a :class:`Premise` the answer corrects from the catalog first, and the
  catalog's figure is the one used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge._catalog import GPU, Catalog

__all__ = [
    "HOURLY_PRICE",
    "FormatPremise",
    "Premise",
    "PremiseReading",
    "SpecPremise",
    "VariantPremise",
    "form_variants_asked",
    "larger_variant_named",
    "memory_variants_asked",
    "product_of",
    "read_format_premises",
    "read_premises",
    "read_price_premises",
    "read_spec_premises",
    "read_stated_rates",
    "reports_bf16_unsupported",
    "same_memory_type",
]

_GB = r"(\d+(?:\.\d+)?)\s*(?:gb|gib|g)\b(?!\s*(?:of\s+)?(?:system\s+|cpu\s+|host\s+|ddr\d?\s+)?(?:ram|system|cpu|disk|ssd|storage|dram|ddr))"
# "<gpu> has 48 GB", "<gpu> with 48gb", "<gpu> (48 GB)", "<gpu>, which has 48GB", "<gpu> 48GB version"
_AFTER = re.compile(
    r"^\s*(?:gpus?|cards?|graphics card|chip)?\s*(?:s\b)?\s*[(,:]?\s*(?:which\s+|that\s+)?"
    r"(?:has|have|had|has got|with|w/|comes with|offers|is|are|'s|features|packs|of|having|gives(?: me| us| you)?|"
    r"provides|holds|carries|boasts|sports|got|equipped with|=|(?:'s\s+)?(?:memory|vram)\s+(?:is|=|of))?\s*"
    r"(?:only\s+|just\s+|a\s+whole\s+|a\s+|full\s+|all\s+)?(?:"
    + _GB
    # the unit left out: "the 4060 GPU 16 memory", "a 3060 with 12 vram"
    + r"|(\d{1,3})\s+(?:vram|memory)\b)"
)
_BEFORE = re.compile(
    _GB + r"\s*(?:of\s+)?(?:vram\s+|memory\s+)?(?:nvidia\s+|amd\s+|geforce\s+|rtx\s+)?$"
    # "the 48gb on an a10g": the memory a card has, said before it (never "20gb on an a10g", an amount used)
    r"|\bthe\s+" + _GB + r"\s*(?:of\s+)?(?:vram\s+|memory\s+)?(?:on|in)\s+(?:the\s+|an?\s+)?$"
)
# "2080 Ti modded to 22GB", "a 3070 upgraded with 16gb": a card whose memory was changed by hand, known to its owner
_MODDED = re.compile(
    r"^\s*(?:gpus?|cards?|s\b)?\s*[(,]?\s*(?:(?:memory|vram)[\s-]+)?(?:modd?ed|modified|upgraded|hacked|flashed|swapped)"
    r"(?:\s+(?:memory|vram))?\s+(?:to|with)\s+(?:a\s+|the\s+)?" + _GB
)
_FORM = re.compile(r"^(?:\d+(?:\.\d+)?gb|sxm\d?|pcie|nvl)$", re.I)


@dataclass(frozen=True)
class Premise:
    """A figure the user states for a GPU that the catalog contradicts."""

    gpu: str  # catalog name
    spec: str  # 'memory_gb'
    stated: float
    actual: float
    variants: tuple[float, ...] = ()  # other catalog sizes of the same product, for "comes with 40 or 80 GB"
    product: str = ""  # the product the variants share ('V100', 'M2 Max'); '' when the row has no variants


@dataclass(frozen=True)
class VariantPremise:
    """A memory figure that names another variant of the GPU the user named ("an H100 PCIe with 94GB" is the H100
    NVL's 94 GB): the answer uses that variant and says so."""

    gpu: str  # the catalog row the name read as
    spec: str  # 'variant'
    stated: float
    used: str  # the variant whose memory the figure is, which the answer uses
    named_gb: float  # the memory of the row the name read as


@dataclass(frozen=True)
class PremiseReading:
    """What the stated figures change: GPUs swapped for the variant meant, cards taken at their stated memory,
    and the premises to correct."""

    swaps: dict[str, str]  # catalog name read -> the variant the stated memory names
    own_memory: dict[str, float]  # catalog name -> the memory the user's own variant has
    premises: tuple[Premise | VariantPremise, ...]


def _base(gpu: GPU) -> str:
    """The product a catalog row is a variant of: its name without memory size or form factor."""
    return " ".join(w for w in gpu.name.split() if not _FORM.match(w)).lower()


def _variants(gpu: GPU, catalog: Catalog) -> list[GPU]:
    base = _base(gpu)
    return [g for g in catalog if _base(g) == base and g.memory_gb]


@lru_cache(maxsize=2048)
def _label_pattern(label: str) -> re.Pattern | None:
    """A catalog label as a pattern (spaces or hyphens between its words), compiled once per label."""
    parts = [re.escape(p) for p in re.split(r"[\s-]+", label.lower()) if p]
    return re.compile(r"(?<![\w.])" + r"[\s-]*".join(parts) + r"(?:s|'s)?(?![\w.])") if parts else None


def _spans(labels: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for label in sorted(labels, key=len, reverse=True):
        pattern = _label_pattern(label)
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    return spans


_SEVERAL = re.compile(
    r"(?:\d+|two|three|four|five|six|eight|sixteen|dual|twin|quad|pair of)\s*(?:[x×*]\s*)?(?:nvidia\s+|amd\s+|geforce\s+|rtx\s+)?$"
)


# a name that says which variant it is ("H100 PCIe", "A100 40GB"), unlike the bare product ("an A100 with 40 GB")
_QUALIFIED = re.compile(r"(?:sxm\d?|pcie|nvl|\d+\s*gb)\b")


def _is_total(text: str, start: int, end: int, stated: float, per_gpu: float) -> bool:
    """Whether ``stated`` is the memory of several of the GPU together ("2x A6000 with 96 GB")."""
    ratio = stated / per_gpu
    several = bool(_SEVERAL.search(text[max(0, start - 16) : start])) or text[end : end + 1] == "s"
    return several and ratio > 1.5 and abs(ratio - round(ratio)) < 0.05


_MODEL_NUMBER = re.compile(r"\b\d{3,4}\b")


def _sibling(gpu: GPU, stated: float, catalog: Catalog) -> GPU | None:
    """For a consumer card said to have more memory than the catalog's row of that name ("4060 with 16 GB"), the
    one consumer card of the same model number that has exactly that memory ("RTX 4060 Ti 16GB"); None when there
    is none or more than one, or the name has no model number."""
    if gpu.vendor == "Apple" and gpu.memory_gb:
        return _apple_sibling(gpu, stated, catalog)
    if gpu.gpu_class != "consumer" or not gpu.memory_gb or stated <= gpu.memory_gb:
        return None
    number = _MODEL_NUMBER.search(gpu.name)
    if number is None:
        return None
    laptop = "laptop" in gpu.name.lower()
    found = [
        g
        for g in catalog
        if g is not gpu
        and g.gpu_class == "consumer"
        and g.memory_gb
        and abs(g.memory_gb - stated) < 0.5
        and number.group(0) in _MODEL_NUMBER.findall(g.name)
        and ("laptop" in g.name.lower()) == laptop
    ]
    if not found and not laptop:
        # "my 16 GB RTX 3080": no desktop 3080 has 16 GB, the laptop 3080 does — the owner's card is that one
        found = [
            g
            for g in catalog
            if "laptop" in g.name.lower()
            and g.memory_gb
            and abs(g.memory_gb - stated) < 0.5
            and number.group(0) in _MODEL_NUMBER.findall(g.name)
            and _base(g).replace(" laptop", "") == _base(gpu)
        ]
    return found[0] if len(found) == 1 else None


def _apple_sibling(gpu: GPU, stated: float, catalog: Catalog) -> GPU | None:
    """'A MacBook Pro M3 with 18 GB': no base M3 has 18 GB, the M3 Pro 18GB does; the owner knows the memory, so the
    chip of that generation (any tier) sold with exactly that memory is the one meant, the lowest tier when two are
    ("an M3 with 36 GB": the M3 Pro 36GB, not the M3 Max 36GB); None when none is."""
    generation = gpu.name.split()[0]  # "M3" of "M3 8GB" / "M3 Pro 18GB"
    found = [
        g
        for g in catalog
        if g.vendor == "Apple"
        and g.name.split()[0] == generation
        and g.memory_gb
        and abs(g.memory_gb - stated) < 0.5
    ]
    tiers = ("Pro", "Max", "Ultra")  # the catalog names the base chip without a tier word
    found.sort(key=lambda g: next((i + 1 for i, t in enumerate(tiers) if t in g.name.split()), 0))
    return found[0] if found else None


_OWN_CARD = re.compile(r"\b(?:my|i have|i've got|i got|i own|mine|laptop|notebook)\b")


def read_premises(text: str, gpus: list[GPU], catalog: Catalog) -> PremiseReading:
    """The memory figures ``text`` (lower-cased) states for the named ``gpus``, read as above."""
    swaps: dict[str, str] = {}
    own: dict[str, float] = {}
    premises: list[Premise] = []
    named_at = {g.name: _spans(catalog.labels_of(g), text) for g in gpus}
    for gpu in gpus:
        if not gpu.memory_gb:
            continue
        # "A100 40GB or A100 80GB": where another GPU named is spelt out in full, this one's shorter label is not it
        others = [span for name, spans in named_at.items() if name != gpu.name for span in spans]
        for start, end in named_at[gpu.name]:  # "my laptop 3050 with 4gb": its bare number too
            if any(s <= start and end < e for s, e in others):
                continue
            modded = _MODDED.match(text[end : end + 40])
            if modded is not None and gpu.gpu_class == "consumer":
                own[gpu.name] = float(modded.group(1))  # its owner knows what they soldered on
                break
            after = _AFTER.match(text[end : end + 40])
            before = _BEFORE.search(text[max(0, start - 32) : start])
            hit = after or before
            if hit is None:
                continue
            stated = float(next(g for g in hit.groups() if g is not None))
            if not 1 <= stated <= 1024 or abs(stated - gpu.memory_gb) < 0.5:
                break
            if _is_total(text, start, end, stated, gpu.memory_gb):
                break  # "two A6000s with 96GB": all of them together
            variants = _variants(gpu, catalog)
            match = next((v for v in variants if abs(v.memory_gb - stated) < 0.5), None)
            sibling = _sibling(gpu, stated, catalog) if match is None else None
            if sibling is not None:
                # "a 4060 with 16 GB": no 4060 has 16 GB, the 4060 Ti 16GB does; the owner knows the memory, so
                # the card of that number that has it is the one meant, and the answer says which it used
                swaps[gpu.name] = sibling.name
                premises.append(VariantPremise(gpu.name, "variant", stated, sibling.name, gpu.memory_gb))
            elif match is not None:
                swaps[gpu.name] = match.name
                if _QUALIFIED.search(
                    text[start:end]
                ):  # the name said another variant: say which card is used
                    premises.append(VariantPremise(gpu.name, "variant", stated, match.name, gpu.memory_gb))
            elif (
                gpu.gpu_class == "consumer"
                and stated < gpu.memory_gb
                and (re.search(r"\d+GB\b", gpu.name) or _OWN_CARD.search(text))
            ):
                # sold in more sizes than the catalog lists, or the owner's own smaller variant ("my laptop has a
                # 4gb rtx 3050"): its owner knows its memory, so the card is the user's, not a figure to correct
                # (a bigger one, "my 4090 with 48 GB", "the 4060 ti has 24gb", is checked against the catalog)
                own[gpu.name] = stated
            else:
                others = tuple(sorted({v.memory_gb for v in variants if v.memory_gb != gpu.memory_gb}))
                product = " ".join(w for w in gpu.name.split() if not _FORM.match(w)) if others else ""
                premises.append(Premise(gpu.name, "memory_gb", stated, gpu.memory_gb, others, product))
            break
        else:  # no memory said beside the name: "I have 40GB of GPU VRAM … with an A100" names the variant too
            said = _VRAM_SAID.search(text)
            stated = float(said.group(1)) if said and len(gpus) == 1 else None
            match = next(
                (
                    v
                    for v in _variants(gpu, catalog)
                    if stated and abs(v.memory_gb - stated) < 0.5 and v is not gpu
                ),
                None,
            )
            if match is not None and abs(gpu.memory_gb - stated) >= 0.5:
                swaps[gpu.name] = match.name
    return PremiseReading(swaps, own, tuple(premises))


# the GPU memory a message says the user has, anywhere in it: "I have 40GB gpu vram", "with 24 GB of VRAM"
_VRAM_SAID = re.compile(r"\b(\d{1,3})\s*gb\s+(?:of\s+)?(?:gpu\s+)?(?:vram|gpu\s+(?:memory|ram))\b")


@dataclass(frozen=True)
class FormatPremise:
    """A number format the user means to run on a GPU that cannot compute in it natively ("NVFP4 on a 4090")."""

    gpu: str  # catalog name
    architecture: str  # the GPU's, from the catalog
    fmt: str  # 'fp4', 'fp8' or 'bf16'
    supported_by: tuple[str, ...]  # architectures in the catalog that have the format, oldest first
    spec: str = "format"
    # FP8 on NVIDIA compute capability 8.0+ (Ampere): serving engines run FP8 weights on it weight-only through
    # the FP8 Marlin kernel (16-bit math), so an FP8 checkpoint still serves there
    weight_only: bool = False


# NVFP4 and a bare FP4 need FP4 tensor cores; MXFP4 is left out: engines unpack its weights on older GPUs
# (gpt-oss runs in MXFP4 on Hopper), so it is not a hardware premise.
_FORMATS = {
    "fp4": re.compile(r"\bnvfp4\b|(?<![a-z])fp4\b|\bw4a4\b|\bfloat4\b"),
    "fp8": re.compile(r"\bfp8\b|\bfloat8\b|\be4m3\b|\bw8a8[-_ ]?fp8\b"),
    "bf16": re.compile(r"\bbf16\b|\bbfloat16\b"),
}


# "an fp8 kv cache", "kv cache in fp8", "--kv-cache-dtype fp8_e5m2": the KV cache's storage format
_KV_FP8 = re.compile(
    r"(?:fp8|float8)(?:[_-]?e[45]m[23])?[\s_-]*(?:kv|k/v)[\s_-]*cache"
    r"|(?:kv|k/v)[\s_-]*cache(?:[\s_-]*dtype)?\s*[=:]?\s*(?:in |as |to |with |of |set to )?(?:an? )?(?:fp8|float8)(?:[_-]?e[45]m[23])?\b"
)


# a pasted bf16 refusal: transformers' "Your setup doesn't support bf16/gpu", accelerate's "bf16 mixed precision
# requires ... Ampere", PyTorch's "Bfloat16 is only supported on GPUs with compute capability of at least 8.0"
_BF16_REFUSED = re.compile(
    r"(?:doesn'?t|does not|don'?t|do not|not|no|without|lacks?) (?:support(?:s|ed)?|have) (?:for )?(?:bf16|bfloat16)"
    r"|(?:bf16|bfloat16)\b[^\n]{0,80}?(?:not supported|unsupported|isn'?t supported|only supported"
    r"|a supported device|requires? (?:an? )?(?:ampere|gpu|compute capability))"
)


def reports_bf16_unsupported(text: str) -> bool:
    """Whether ``text`` (lower-cased) pastes or tells an error saying the GPU cannot do bf16."""
    return bool(_BF16_REFUSED.search(text))


def _has(gpu: GPU, fmt: str) -> bool:
    return bool(getattr(gpu, fmt))


def read_format_premises(
    text: str, gpus: list[GPU], catalog: Catalog, *, training: bool = False
) -> tuple[FormatPremise, ...]:
    """The formats ``text`` (lower-cased) names that a named GPU lacks, by the catalog's capability fields
    (``fp4``, ``fp8``, ``bf16``), each with the architectures that do have the format. Training on NVIDIA cards
    that all lack bf16 (T4, V100, P100, RTX 20xx) counts as a bf16 premise unsaid: fine-tuning recipes set bf16,
    which those cards refuse."""
    out: list[FormatPremise] = []
    weights_text = _KV_FP8.sub(
        " ", text
    )  # an FP8 KV cache is the cache's format, not the weights' (own caveat)
    unsaid_bf16 = training and bool(gpus) and all(g.vendor == "NVIDIA" and not g.bf16 for g in gpus)
    for fmt, pattern in _FORMATS.items():
        if not pattern.search(weights_text) and not (fmt == "bf16" and unsaid_bf16):
            continue
        having = sorted(
            (g for g in catalog if _has(g, fmt) and g.vendor in {x.vendor for x in gpus}),
            key=lambda g: g.release_year,
        )
        archs = tuple(dict.fromkeys(g.architecture.split(" (")[0] for g in having))
        for gpu in gpus:
            if not _has(gpu, fmt):
                marlin = fmt == "fp8" and gpu.vendor == "NVIDIA" and (gpu.compute_capability or 0) >= 8.0
                out.append(FormatPremise(gpu.name, gpu.architecture, fmt, archs, weight_only=marlin))
    return tuple(out)


# "do I need the 80GB version?", "the 40GB one or the 80GB one", "A100 40GB or 80GB": which memory size of a
# product to get
_OR = r"\s+(?:or|vs\.?|versus|v\.?|and|against|compared (?:to|with))\s+"
_SIZE_WORD = re.compile(
    r"(\d+)\s*gb\s*(?:version|variant|model|one|edition|card|sku)\b|\bthe\s+(\d+)\s*gb\b"
    rf"|(\d+)\s*gb{_OR}(\d+)\s*gb|(\d+)\s*(?:gb)?{_OR}(?:the\s+)?(\d+)\s*gb"
)
# "the H100 PCIe and SXM", "SXM vs PCIe A100": two form factors of one product set against each other
_FORMS = ("pcie", "sxm", "nvl")
_FORM_PAIR = re.compile(rf"\b({'|'.join(_FORMS)})\d?{_OR}(?:the\s+|an?\s+)?({'|'.join(_FORMS)})\d?\b")


def product_of(gpu: GPU) -> str:
    """The product a catalog row is a variant of ('A100' for 'A100 80GB SXM')."""
    return _base(gpu)


def form_variants_asked(text: str, gpus: list[GPU], catalog: Catalog) -> list[GPU]:
    """When ``text`` (lower-cased) sets two form factors of one product against each other ("the H100 PCIe and
    SXM"), one catalog row per form named (the first of each in catalog order); else []."""
    products = {_base(g) for g in gpus}
    pair = _FORM_PAIR.search(text)
    if len(products) != 1 or pair is None or pair.group(1) == pair.group(2):
        return []
    variants = _variants(gpus[0], catalog)
    rows = [next((v for v in variants if form in v.name.lower().split()), None) for form in pair.groups()]
    return [r for r in rows if r is not None] if all(rows) else []


def memory_variants_asked(text: str, gpus: list[GPU], catalog: Catalog) -> list[GPU]:
    """When ``text`` (lower-cased) asks which memory size of one product to get, one catalog row per size of that
    product (smallest first, the first row of each size in catalog order); else []. With one size named ("do I
    need the 80GB version?") every smaller size is weighed against it too."""
    products = {_base(g) for g in gpus}
    if len(products) != 1:
        return []
    variants = _variants(gpus[0], catalog)
    sizes = sorted({v.memory_gb for v in variants})
    if len(sizes) < 2:
        return []
    named = {float(n) for m in _SIZE_WORD.finditer(text) for n in m.groups() if n}
    named &= set(sizes)
    if not named:
        return []
    wanted = sizes if len(named) == 1 else sorted(named)
    if len(named) == 1:
        wanted = [s for s in sizes if s <= max(named)]
    if len(wanted) < 2:
        return []
    return [next(v for v in variants if v.memory_gb == s) for s in wanted]


_GB_AMOUNT = re.compile(r"(?<![\w.])(\d{2,3})\s*gb?\b")


def larger_variant_named(text: str, gpu: GPU, catalog: Catalog) -> bool:
    """Whether ``text`` (lower-cased) names a larger memory size that ``gpu``'s product also comes in ("I have
    the 40GB A100s — did you use the 80GB ones?")."""
    sizes = {v.memory_gb for v in _variants(gpu, catalog)}
    return any(
        float(m.group(1)) in sizes and float(m.group(1)) > gpu.memory_gb for m in _GB_AMOUNT.finditer(text)
    )


@dataclass(frozen=True)
class SpecPremise:
    """A spec other than memory size that the user states for a GPU and the catalog contradicts: its memory
    type ("the L40S has HBM3"), memory bandwidth ("the A10G's 1.5 TB/s"), dense 16-bit TFLOPS or an NVLink it
    lacks ("two 4090s over NVLink")."""

    gpu: str  # catalog name
    spec: str  # 'memory_type', 'memory_bandwidth_gbs', 'tflops', 'nvlink' or 'price'
    claimed: str  # as the user wrote it ("HBM3", "1.5 TB/s")
    fact: str  # the catalog's figure, ready to print ("GDDR6", "600 GB/s", "no NVLink (PCIe 4.0 x16)")


_MEMORY_TYPE = re.compile(r"\b(hbm3e|hbm3|hbm2e|hbm2|hbm|gddr7|gddr6x|gddr6|gddr5x|gddr5|lpddr5x|lpddr5)\b")
_BANDWIDTH = re.compile(r"(\d+(?:[.,]\d+)?)\s*(tb/s|tbps|tb per second|gb/s|gb per second)")
_TFLOPS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:dense\s+|sparse\s+)?(?:fp16\s+|bf16\s+)?tflops\b")
_NVLINK = re.compile(
    r"\b(?:has|have|with|over|via|using|supports?|through|connected by|linked by|and)\s+(?:an?\s+)?nvlink\b"
    r"|\bnvlink(?:ed)?\s+(?:bridge|together|between)"
)
_LINK_WORDS = re.compile(
    r"\b(?:pcie|nvlink|interconnect|link|network|infiniband|ethernet|disk|ssd|nvme|download)\b"
)
# a spec claim belongs to the GPU named just before it, within its clause
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\bbut\b|\bwhile\b|\bwhereas\b")


def same_memory_type(claimed: str, actual: str) -> bool:
    """Whether a stated memory type agrees with the catalog's ("HBM" with "HBM3", "GDDR6" with "GDDR6")."""
    a = re.sub(r"\(.*?\)", "", actual).lower().replace(" ", "")
    if claimed == "hbm":
        return a.startswith("hbm")
    return a.startswith(claimed) and a[len(claimed) :] in ("", "e", "x")


def _near(claimed: float, *actual: float | None) -> bool:
    return any(a and abs(claimed - a) <= 0.15 * a for a in actual)


def read_spec_premises(text: str, gpus: list[GPU], catalog: Catalog) -> tuple[SpecPremise, ...]:
    """The memory types, bandwidths, TFLOPS and NVLink ``text`` (lower-cased) states for the named ``gpus``
    that the catalog contradicts; a figure the catalog agrees with (within 15%, any of its quoted TFLOPS
    figures) is no premise."""
    spans = sorted(
        ((start, end, gpu) for gpu in gpus for start, end in _spans(catalog.labels_of(gpu), text)),
        key=lambda span: span[
            :2
        ],  # two GPUs may share a spelling at one place: the order of the text decides
    )
    out: dict[tuple[str, str], SpecPremise] = {}
    for i, (_, end, gpu) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        window = text[end : min(stop, end + 70)]
        cut = _CLAUSE_END.search(window)
        window = window[: cut.start()] if cut else window
        found = _MEMORY_TYPE.search(window)
        if found and gpu.memory_type and not same_memory_type(found.group(1), gpu.memory_type):
            out.setdefault(
                (gpu.name, "memory_type"),
                SpecPremise(gpu.name, "memory_type", found.group(1).upper(), gpu.memory_type),
            )
        found = _BANDWIDTH.search(window)
        if found and not _LINK_WORDS.search(window[: found.start()]):
            value = float(found.group(1).replace(",", "."))
            gbs = value * 1000 if found.group(2).startswith("tb") else value
            if not _near(gbs, gpu.memory_bandwidth_gbs):
                out.setdefault(
                    (gpu.name, "memory_bandwidth_gbs"),
                    SpecPremise(
                        gpu.name,
                        "memory_bandwidth_gbs",
                        found.group(0).upper().replace("/S", "/s").replace("PER SECOND", "per second"),
                        f"{gpu.memory_bandwidth_gbs:,.0f} GB/s",
                    ),
                )
        found = _TFLOPS.search(window)
        if found and gpu.fp16_tflops:
            value = float(found.group(1))
            quoted = (gpu.fp16_tflops, gpu.fp16_tflops_sparse, gpu.fp16_fp32acc_tflops, gpu.fp8_tflops)
            if not _near(value, *quoted):
                out.setdefault(
                    (gpu.name, "tflops"),
                    SpecPremise(
                        gpu.name,
                        "tflops",
                        f"{found.group(1)} TFLOPS",
                        f"{gpu.fp16_tflops:,.0f} dense FP16/BF16 TFLOPS",
                    ),
                )
        if _NVLINK.search(window) and not gpu.nvlink_gbs:
            out.setdefault(
                (gpu.name, "nvlink"),
                SpecPremise(gpu.name, "nvlink", "NVLink", f"no NVLink ({gpu.interconnect})"),
            )
    return tuple(out.values())


# "$0.10/hour", "$2 an hour", "$1.50 per hour", "$3/hr", "$0.5/gpu-hour": an hourly price
# "$2.50/hour", "$2.50 an hour", "$2.50/gpu/hr", "$2.50 per gpu per hour", "$2.50/gpu-hour"
HOURLY_PRICE = re.compile(
    r"\$\s*(\d+(?:\.\d+)?)\s*(?:/\s*|an?\s+|per\s+|each\s+)"
    r"(?:gpu(?:[- ]|\s*/\s*|\s+(?:per|an?)\s+)?)?(?:h|hr|hrs|hour)\b"
)
# the price said before the GPU: "we pay $1.10 per hour for an L40S"
_HOURLY_BEFORE = re.compile(
    HOURLY_PRICE.pattern + r"\s+(?:for|on)\s+(?:an?\s+|the\s+|our\s+|each\s+|one\s+)?$"
)
# how far a stated price may sit from the offerings' range before it is a wrong premise: a spot or a promotional
# rate, a region's or a provider's own price all fall inside; a figure 20x below every offer does not
_PRICE_SLACK = 2.0
# a ceiling, not a price paid: "an A100 under $2/hour", "at most $1.50 an hour", "a budget of $3/hr"
_CEILING = re.compile(
    r"\b(?:under|below|less than|max(?:imum)?|at most|up to|budget|cheaper than|no more than|within)\b"
)


def _hourly_claims(text: str, gpus: list[GPU], catalog: Catalog, price_range):
    """(GPU, stated hourly price, its offerings' range, the words just before the price) for each named GPU with
    a price said right after it ("the H100 costs $0.10/hour") or just before it ("$1.10 per hour for an L40S")."""
    spans = sorted(
        ((start, end, gpu) for gpu in gpus for start, end in _spans(catalog.labels_of(gpu), text)),
        key=lambda span: span[
            :2
        ],  # two GPUs may share a spelling at one place: the order of the text decides
    )
    for i, (start, end, gpu) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        window = text[end : min(stop, end + 50)]
        cut = _CLAUSE_END.search(window)
        window = window[: cut.start()] if cut else window
        found, before = HOURLY_PRICE.search(window), ""
        if found:
            before = window[: found.start()]
        else:
            ahead = text[max(spans[i - 1][1] if i else 0, start - 50) : start]
            found = _HOURLY_BEFORE.search(ahead)
            before = ahead[: found.start()] if found else ""
        known = price_range(gpu.name) if found else None
        if found and known is not None:
            yield gpu, float(found.group(1)), known, before


def _plausible(stated: float, known) -> bool:
    low, _, high, spot = known
    return min(low, spot or low) / _PRICE_SLACK <= stated <= high * _PRICE_SLACK


def read_price_premises(text: str, gpus: list[GPU], catalog: Catalog, price_range) -> tuple[SpecPremise, ...]:
    """Hourly prices ``text`` (lower-cased) states for the named ``gpus`` ("the H100 costs $0.10/hour") that are
    far outside what the offerings rent it for: ``price_range(name)`` gives the on-demand (lowest, median, highest)
    per GPU-hour and the lowest spot price (None without one), or None when nothing prices it."""
    out: dict[str, SpecPremise] = {}
    for gpu, stated, known, _ in _hourly_claims(text, gpus, catalog, price_range):
        if _plausible(stated, known):
            continue
        low, median, high, spot = known
        fact = f"${low:,.2f} to ${high:,.2f} per GPU-hour on demand (median ${median:,.2f})"
        if spot is not None and spot < low:
            fact += f", spot from ${spot:,.2f}"
        out.setdefault(gpu.name, SpecPremise(gpu.name, "price", f"${stated:,.2f} an hour", fact))
    return tuple(out.values())


def read_stated_rates(text: str, gpus: list[GPU], catalog: Catalog, price_range) -> dict[str, float]:
    """The hourly price the user says they pay for a named GPU ("I rent an A100 at $1.50/hr"), by catalog name,
    when it is a plausible price (inside what the offerings span, with the same slack as premises) and not a
    ceiling ("under $2/hour" is a budget)."""
    rates: dict[str, float] = {}
    for gpu, stated, known, before in _hourly_claims(text, gpus, catalog, price_range):
        if _plausible(stated, known) and not _CEILING.search(before):
            rates.setdefault(gpu.name, stated)
    return rates
