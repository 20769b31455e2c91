"""Local-use vocabulary: runtimes (Ollama, llama.cpp, MLX…), GGUF quant names and owned hardware.

Reads what people who run models on their own machine say — "Q5_K_S", "4-bit gguf", "ollama",
"my MacBook Pro M3 Max 64GB", "laptop 4060", "2x 3090" — into the request's runtime, precision,
KV-cache format, GPUs and the ``local`` flag. Pure; the caller merges the changes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from ..knowledge._catalog import GPU, Catalog
from ..knowledge._workloads import load_workloads
from ..sizing import free_ram_gb, load_assumptions
from ._engines import BATCHING_ENGINE_WORDS, engine_choice

__all__ = [
    "asks_cpu_offload",
    "asks_cpu_ram",
    "asks_host_ram",
    "asks_what_runs",
    "asks_which_model",
    "card_ram_gb",
    "formats_said",
    "names_non_llm_workload",
    "offloads_in_pytorch",
    "purchase_budget",
    "ram_bandwidth",
    "runs_pytorch",
    "speaks_of_a_rental_bill",
    "speaks_of_renting",
    "with_local",
]

_Request = TypeVar("_Request")

_RUNTIMES: list[tuple[str, re.Pattern[str]]] = [
    ("mlx", re.compile(r"\bmlx(?:[- ]lm)?\b")),
    ("exllamav2", re.compile(r"\bexllama(?:v2)?\b|\bexl2\b|\btabbyapi\b")),
    (
        "llama.cpp",
        re.compile(
            r"\bollama(?:\b|_)|\bllama\.?cpp\b|\blm ?studio\b|\bgguf\b|\bkoboldcpp\b|\bllamafile\b|\bjan\.ai\b"
            # an Ollama library tag: "deepseek-r1:14b", "llama3.1:70b", "qwen2.5:32b-instruct-q4_K_M"
            r"|\b[a-z][\w.-]*:\d+(?:\.\d+)?[bm]\b"
            # its layer offload: "-ngl 35", "n_gpu_layers", "offloading 10/51 layers to GPU"
            r"|(?<![\w-])-ngl\b|\bn_gpu_layers\b|\bgpu[- ]layers\b|\boffload\w*\s+\d+\s*(?:/|of|out of)\s*\d+\s+(?:\w+\s+)?layers\b"
            r"|\b\d+\s*(?:/|of|out of)\s*\d+\s+(?:\w+\s+)?layers\b[^.?!]{0,50}\boffload"
            # "with partial offload", "offloading some layers to the GPU": llama.cpp's layer split
            r"|\bpartial(?:ly)?[- ]offload|\boffload(?:ing|ed)?\s+(?:some\s+|the\s+|a few\s+|more\s+)?layers\b"
        ),
    ),
    # the batching servers: LMDeploy (TurboMind), TensorRT-LLM and TGI however spelled, LoRAX (TGI's multi-LoRA fork)
    (
        "server",
        re.compile(
            r"\bvllm\b|\btgi\b|\btext[- ]generation[- ]inference\b|\bsglang\b|\btensorrt[- _]?llm\b|\btrt[- _]?llm\b"
            r"|\blmdeploy\b|\bturbomind\b|\blorax\b"
        ),
    ),
]
_BITS = re.compile(r"\b([2-8])[- ]?bits?\b|\bq([2-8])\b")
_BITS_TO_GGUF = {"2": "q2_k", "3": "q3_k_m", "4": "q4_k_m", "5": "q5_k_m", "6": "q6_k", "8": "q8_0"}
_KV = re.compile(
    r"(?:kv[- ]?cache|cache[- ]type|-ctk|--cache-type-k|kv[-_]cache[-_]dtype)\D{0,12}\b(q8_0|q4_0|f16|fp16|fp8(?:_e[45]m[23])?|8[- ]?bit|4[- ]?bit)\b"
    r"|\b(fp8|q8_0|q4_0|8[- ]?bit|4[- ]?bit)[- ](?:kv|key[- ]value)\b"  # "an fp8 kv cache", "an 8-bit kv cache"
)
_BPW_SAID = re.compile(r"(?<![\d.])(\d(?:\.\d{1,2})?)\s*-?\s*(?:bpw|bits? per weight)\b")
_KV_NAMES = {"q8_0": "q8_0", "q4_0": "q4_0", "f16": "fp16", "fp16": "fp16"}
_OWNED = re.compile(r"\b(?:my|i have|i've got|i own|i got|owned|at home|on hand)\b")
_LAPTOP = re.compile(r"\blaptop|\bnotebook\b|\bmobile gpu\b")
_MEMORY = re.compile(r"\b(\d{1,3})\s*gb\b")
_HF_ID = re.compile(r"(?<![\w/])((?:[A-Za-z][\w.\-]*|\.{0,2})/[\w.\-]*[A-Za-z][\w.\-]*\d[\w.\-]*)(?![\w/])")
_NOT_ORGS = {
    "tokens",
    "token",
    "gb",
    "tb",
    "mb",
    "and",
    "w",
    "images",
    "img",
    "requests",
    "s",
    "hour",
    "month",
    "gpu",
}


def _in_a_desktop(gpu: GPU) -> bool:
    """A card people put in their own box: a desktop or laptop card, or a workstation card (RTX A4000, A6000)."""
    return gpu.gpu_class in ("consumer", "local") or "workstation" in (gpu.form_factor or "").lower()


def with_local(request: _Request, question: str, catalog: Catalog, known_quants: tuple[str, ...]) -> _Request:
    """``request`` with the runtime, quant, KV-cache format and owned hardware ``question`` names."""
    text = question.lower()
    changes: dict[str, object] = {}
    runtime = next((name for name, pattern in _RUNTIMES if pattern.search(text)), None)
    if runtime == "llama.cpp" and engine_choice(question) == "server":
        runtime = (
            None  # "ollama or vllm for my team of 15?": many served, so the batching server is the one sized
        )
    kv = _KV.search(text)
    on_mac = any(catalog.by_name(n).vendor == "Apple" for n in request.gpus) or bool(_MAC.search(text))  # type: ignore[attr-defined]
    quant = _quant(
        text[: kv.start()] + text[kv.end() :] if kv else text,
        runtime or ("llama.cpp" if on_mac else None),  # Macs run GGUF (Ollama, LM Studio): "4-bit" is Q4_K_M
        known_quants,
    )
    if quant and getattr(request, "precision", None) == "mxfp4":
        quant = (
            None  # "gpt-oss-20b-MXFP4-Q8": the experts (the bulk) stay MXFP4, which GGUF and MLX also hold
        )
    bpw = _BPW_SAID.search(text)
    if bpw and 1.5 <= float(bpw.group(1)) <= 8.5:
        # "2.5bpw", "4.65 bits per weight": an EXL2 quant (ExLlamaV2, TabbyAPI, text-generation-webui)
        quant = f"{float(bpw.group(1)):g}bpw"
        runtime = runtime if runtime not in (None, "llama.cpp") else "exllamav2"
    if quant and runtime is None:
        runtime = "llama.cpp"  # a GGUF type names llama.cpp's format
    if quant is None and runtime == "llama.cpp" and getattr(request, "precision", None) == "int4":
        # "a 13B GGUF", "quantized, in Ollama": a 4-bit file under llama.cpp is its usual 4-bit GGUF type
        quant = str(load_assumptions()["default_local_quant"].value)
    if runtime:
        changes["runtime"] = runtime
    if quant:
        changes["precision"] = quant
    if kv:
        raw = (kv.group(1) or kv.group(2)).replace(" ", "").replace("-", "")
        if raw.startswith("fp8") or (raw.startswith("8") and runtime != "llama.cpp"):
            # vLLM/TGI's --kv-cache-dtype fp8 ("an 8-bit KV cache" outside llama.cpp): the weights keep their own
            changes["kv_precision"] = "fp8"
            if (
                getattr(request, "precision", None) == "fp8"
                and "fp8" not in text[: kv.start()] + text[kv.end() :]
            ):
                changes["precision"] = None
        else:
            changes["kv_precision"] = _KV_NAMES.get(raw, "q8_0" if raw.startswith("8") else "q4_0")
    size = _other_size(text, getattr(request, "params", None)) if getattr(request, "model", None) else None
    if size is not None:
        # "deepseek-r1:14b", "deepseek r1 32b": a distilled variant of that size, not the named model
        changes["model"], changes["params"] = None, size
    gpus = [_refine(catalog.by_name(name), text, catalog) for name in request.gpus]  # type: ignore[attr-defined]
    if gpus:
        changes["gpus"] = tuple(dict.fromkeys(g.name for g in gpus))
    hf = next((m for m in _HF_ID.finditer(question) if _looks_like_model_id(m.group(1))), None)
    if hf and getattr(request, "model", None) is None:
        changes["unknown_model"] = hf.group(1).rstrip(
            "."
        )  # a Hugging Face model id: sized from its config.json
    if (
        hf
        and not quant
        and getattr(request, "precision", None) is None
        and runs_pytorch(text)
        and not _QUANT_IN_ID.search(hf.group(1).lower())
    ):
        # "python generate.py --model mistralai/Mistral-7B-v0.1 … runs out of memory": a script loads the repo's
        # weights as published, 16-bit, not the GGUF a local app would download
        changes["precision"] = "bf16"
    mac_memory = _mac_memory(text) if not any(g.vendor == "Apple" for g in gpus) else None
    if mac_memory is not None:  # "a 96GB MacBook", "Mac Studio with 192 GB": a Mac whose chip is not said
        if getattr(request, "stated_memory_gb", 0) is None:
            changes["stated_memory_gb"] = mac_memory
        if gpus and _asks_about_mac_only(question):
            changes["gpus"], changes["gpu_count"] = (), None  # the other cards were background
        changes["runtime"] = changes.get("runtime") or "llama.cpp"
        changes["local"] = True
        changes["mac_said"] = hasattr(request, "mac_said")
    elif (
        _MAC.search(text)
        and not any(g.vendor == "Apple" for g in gpus)
        and not getattr(request, "stated_memory_gb", None)
        and (not gpus or _asks_about_mac_only(question))
    ):
        # "would it run on a Mac?": a Mac with neither chip nor memory said, weighed over every configuration
        changes["gpus"], changes["gpu_count"], changes["any_mac"] = (), None, True
        changes["runtime"] = changes.get("runtime") or "llama.cpp"
        changes["local"] = True
    if _ASKS_FORMAT.search(text) and not quant:
        # "at what quantization does 70B fit?": the format is the question, not a stated fact
        changes["precision"] = None
        if runtime is None and gpus and all(g.gpu_class in ("consumer", "local") for g in gpus):
            changes["runtime"] = runtime = "llama.cpp"  # on a desktop card or a Mac: GGUF's ladder of quants
    if runtime is None and gpus and all(g.software == "Metal" for g in gpus):
        changes["runtime"] = "llama.cpp"  # what Macs run (Ollama, LM Studio); vLLM/TGI need CUDA
    task = getattr(request, "task", None)
    ram = (
        _system_ram(text)
        if not any(g.memory_gb for g in gpus)
        and not (task is not None and task.is_training)  # RAM is not what a fine-tune is bound by
        and not _SHOPPING.search(text)  # "which GPU should I buy for my 64 GB box": they want a card
        else None
    )
    if ram is not None and getattr(request, "stated_memory_gb", None) in (None, ram):
        # "16GB of RAM", "a Raspberry Pi 4 with 4GB": no GPU memory said, so the model runs from system RAM
        # (llama.cpp / Ollama on the CPU), less what the operating system keeps
        changes["ram_gb"] = ram
        changes["stated_memory_gb"] = free_ram_gb(ram, load_assumptions())
        changes["local"] = True
        changes["cpu_only"] = True
        if runtime is None and (runs_pytorch(text) or _PYTORCH_STACK.search(text)) and not quant:
            # "loading it with transformers on my 32GB RAM box": a PyTorch stack loads the 16-bit checkpoint on the
            # CPU, not the GGUF llama.cpp would
            if getattr(request, "precision", None) is None:
                changes["precision"] = "bf16"
        elif runtime is None:
            changes["runtime"] = runtime = "llama.cpp"
            quant = quant or _quant(text, runtime, known_quants)
            if quant:
                changes["precision"] = quant
    # "how much CPU RAM does it need?": the RAM is the question, a GPU memory said beside it is background
    ram_asked = bool(_CPU_RAM_ASKED.search(text)) and not re.search(r"\boffload", text)
    if (
        (_ON_CPU.search(text) or ram_asked)
        and not gpus
        and (ram_asked or not _GPU_MEMORY_SAID.search(text))
        and (
            ram_asked or getattr(request, "stated_memory_gb", None) in (None, changes.get("stated_memory_gb"))
        )
        and not (task is not None and task.is_training)
        and _unlisted_card(text, catalog) is None  # "it runs on the CPU instead of my GTX 1650": the card
    ):
        # "on a CPU", "cpu-only", "without a GPU": the model runs from system RAM, with no GPU context to hold
        changes["cpu_only"] = True
        if ram_asked and "stated_memory_gb" not in changes and getattr(request, "stated_memory_gb", None):
            changes["stated_memory_gb"] = None
        if _INTEGRATED.search(text):
            changes["local"] = True  # a laptop's or mini PC's own graphics: the maker names no card to rent
            if hasattr(request, "vendor"):
                changes["vendor"] = None  # "intel iris xe": the chip's maker, not a filter on cards
        if _DEVICE.search(text):
            changes["local"] = True  # a board or a phone is the user's own device
        cpu_quant = quant or _quant(text, "llama.cpp", known_quants)
        if runtime is None and cpu_quant and not runs_pytorch(text):
            # "70B in 4-bit on a CPU": quantized CPU runs are GGUF files under llama.cpp, so 4-bit is Q4_K_M (with
            # no format said the answer gives the 16-bit figure and the 4-bit one)
            changes["runtime"] = runtime = "llama.cpp"
            changes["local"] = True
            changes["precision"] = quant = cpu_quant
    if (
        (any(g.memory_gb for g in gpus) or getattr(request, "stated_memory_gb", None))
        and (host := _RAM.search(text))
        and not _CARD_RAM.search(text)  # "my card has 12GB of RAM": the card's memory, already read
    ):  # "32gb of system ram ... with a 24gb gpu": RAM beside a card known by name or by its memory
        value = float(next(g for g in host.groups() if g))
        if 2 <= value <= 4096 and hasattr(request, "host_ram_gb"):
            changes["host_ram_gb"] = value  # RAM beside the card: where layers that do not fit it go
            desktop = (
                all(_in_a_desktop(g) for g in gpus)
                if gpus
                else (getattr(request, "stated_memory_gb", None) or 0) <= 48
            )
            home_box = (  # "a 5090 plus 128 GB of system RAM": a desktop card and its RAM, nothing rented or served
                desktop
                and not _SERVING_WORDS.search(text)
                and not _RENTED.search(text)
                and not (task is not None and task.is_training)
            )
            if runtime is None and (re.search(r"\boffload", text) or home_box) and not runs_pytorch(text):
                # "enough RAM to offload a 70B with my 24 GB GPU?": llama.cpp's partial offload, at home
                changes["runtime"] = runtime = "llama.cpp"
                changes["local"] = True
    if (
        runtime is None
        and asks_cpu_offload(text)
        and (
            (len(gpus) == 1 and gpus[0].gpu_class in ("consumer", "local"))
            or (not gpus and getattr(request, "stated_memory_gb", None))
        )
        and not offloads_in_pytorch(text)
        and not (task is not None and task.is_training)
        and not _RENTED.search(text)
        and not _SERVING_WORDS.search(text)
    ):
        # "can I put part of it on the CPU with my 12GB card?": llama.cpp's layer split, on their own card
        changes["runtime"] = runtime = "llama.cpp"
        changes["local"] = True
    if (layers := _GPU_LAYERS.search(text)) is not None and hasattr(request, "gpu_layers"):
        n = int(next(g for g in layers.groups() if g))
        if 0 <= n <= 200 and n not in (99, 999):  # "-ngl 99" is "all of them"
            changes["gpu_layers"] = n
            changes["runtime"] = runtime = runtime or "llama.cpp"
            changes["local"] = True
    if (bandwidth := ram_bandwidth(text)) is not None:
        changes["ram_bandwidth_gbs"], changes["ram_bandwidth_how"] = bandwidth
    unlisted = _unlisted_card(text, catalog)
    if unlisted is not None and getattr(request, "unlisted_gpu", "") is None:
        # "my GTX 1650", "a 3060 laptop": a card the catalog does not have. A catalog card its name begins
        # with ("RTX 3060" in "RTX 3060 Laptop") is another product, so it goes; the card is the user's own
        digits = re.search(r"\d{3,4}", unlisted)
        kept = [g for g in gpus if not (digits and digits.group() in _plain_name(g.name))]
        changes["unlisted_gpu"] = unlisted
        if len(kept) != len(gpus):
            gpus = kept
            changes["gpus"] = tuple(g.name for g in kept)
            if not kept:
                changes["gpu_count"] = None
        changes["local"] = True
        if getattr(request, "stated_memory_gb", None) is None:
            memory = _card_memory(text, unlisted)
            if memory is not None:
                changes["stated_memory_gb"] = memory
    owned = any(g.is_owned_hardware for g in gpus) or (gpus and _OWNED.search(text))
    home_cards = (
        # a desktop card (or several of one kind) named with no serving engine, Transformers or training: what
        # its owner runs is a GGUF under llama.cpp / Ollama. A 24-32 GB card is also rented to serve, but then
        # the question names the engine (vLLM, TGI) or the cloud, which keeps it on the serving path
        len(gpus) == 1
        and gpus[0].gpu_class in ("consumer", "local")  # a desktop card, a laptop's GPU, a Jetson
        and not _RENTED.search(text)
        and runtime is None
        and not (task is not None and task.is_training)
        and not _SERVING_WORDS.search(text)
        and not runs_pytorch(text)
    )
    own_memory = (  # "my 16GB card", "I have a GPU with 8 GB": their own card, known by its memory
        not gpus
        and getattr(request, "stated_memory_gb", None) is not None
        and (getattr(request, "model", None) or getattr(request, "params", None))  # asked of a model, here
        # "my 16GB card", or a desktop card whose memory variant the catalog lacks ("an 8gb rtx 3060"), or a card
        # known only by a desktop card's memory ("will it run on a 16gb card?", "12 GB of VRAM"): a home card
        and (
            _OWNED.search(text)
            or (_DESKTOP_CARD.search(text) and not _RENTED.search(text))
            or (
                (getattr(request, "stated_memory_gb", None) or 999) <= _largest_desktop_card_gb(catalog)
                and _CARD_WORDS.search(text)
                and not _RENTED.search(text)
                # "what batch size fits a 24gb card?": batching is a serving engine's question, asked in 16-bit
                and not getattr(request, "largest_batch", False)
                and not re.search(r"\bbatch", text)
                # a format the user states (fp16, AWQ, GPTQ, FP8) is what they run, not the usual GGUF
                and getattr(request, "precision", None) in (None, *known_quants)
            )
        )
        and runtime is None
        and not (task is not None and task.is_training)
        and not _SERVING_WORDS.search(text)
        and not runs_pytorch(text)
    )
    if (
        runtime is None
        and len(gpus) != 1  # on the one card named, 16-bit stays the default and each GGUF gets its verdict
        and _RUN_LOCALLY.search(text)
        and not (task is not None and task.is_training)
        and not _SERVING_WORDS.search(text)
        and not runs_pytorch(text)
        and getattr(request, "precision", None) in (None, *known_quants)
    ):
        # "70B locally", "an LLM at home", "offline on my PC": what people run for themselves is a GGUF under
        # llama.cpp (Ollama, LM Studio), not 16-bit weights on a serving engine
        changes["runtime"] = runtime = "llama.cpp"
        changes["local"] = True
    if owned or home_cards or own_memory or (runtime and runtime != "server"):
        changes["local"] = True
    if (
        (home_cards or (owned and len(gpus) == 1 and gpus[0].gpu_class in ("consumer", "local")))
        and runtime is None
        and quant is None
        and getattr(request, "precision", None) == "int4"
        and not _PYTORCH_4BIT.search(text)
        and not _SERVING_WORDS.search(text)
        # a PyTorch stack named; "running out of memory" alone says nothing of 16-bit when "quantized" is said
        and not _PYTORCH_STACK.search(text)
        and not (task is not None and task.is_training)
    ):
        # "a 7B quantized on my 4060 / my Jetson": what people run on their own card is the usual 4-bit GGUF under
        # llama.cpp (Ollama, LM Studio), not an int4 checkpoint behind a serving engine's memory reserve
        changes["runtime"] = runtime = "llama.cpp"
        changes["precision"] = quant = str(load_assumptions()["default_local_quant"].value)
    elif (
        (home_cards or (owned and len(gpus) == 1 and gpus[0].gpu_class in ("consumer", "local")))
        and runtime is None
        and getattr(request, "precision", None) == "int4"
        and _GPTQ_AT_HOME.search(text)
        and not _SERVING_WORDS.search(text)
        and not (task is not None and task.is_training)
    ):
        # "a 13B GPTQ on my 3060": a 4-bit GPTQ/EXL2 model at home loads through ExLlama (text-generation-webui,
        # TabbyAPI), with no serving engine's memory reserve
        changes["runtime"] = runtime = "exllamav2"
    count = getattr(request, "gpu_count", None) or 0
    if (
        runtime is None
        and gpus
        and (count > 1 or len(gpus) > 1)
        and all(g.gpu_class == "consumer" for g in gpus)
        and (owned or home_cards or changes.get("local"))
        and getattr(request, "precision", None) in (None, "int4")
        and not (task is not None and task.is_training)
        and not _SERVING_WORDS.search(text)
        and not runs_pytorch(text)
    ):
        # two or more desktop cards at home: a local runtime splits the layers over them (llama.cpp for GGUF
        # files, ExLlama for a 4-bit GPTQ/EXL2 model), with no serving engine's reserve on each card
        changes["runtime"] = "exllamav2" if getattr(request, "precision", None) == "int4" else "llama.cpp"
    return replace(request, **changes) if changes else request  # type: ignore[type-var]


def _largest_desktop_card_gb(catalog: Catalog) -> float:
    """The most memory a desktop (consumer) card in the catalog has (an RTX 5090's 32 GB): a card known only by a
    memory up to this is a home card."""
    return max((g.memory_gb for g in catalog if g.gpu_class == "consumer"), default=0.0)


# a 4-bit format other than GGUF's, run through PyTorch or a GPTQ/AWQ/EXL2 loader: "4-bit" then is not a GGUF file
_PYTORCH_4BIT = re.compile(r"\b(?:gptq|awq|bnb|bitsandbytes|nf4|exl2|exllama\w*|marlin|qlora|load_in_4bit)\b")
_GPTQ_AT_HOME = re.compile(r"\b(?:gptq|exl2|exllama\w*)\b")
# a home card's words ("a 16gb card", "12 GB of VRAM", "graphics card"); "a 24GB GPU" alone is as often a server's
_CARD_WORDS = re.compile(r"\b(?:card|graphics|vram|video memory)\b")
# a desktop graphics card by its family and number: "rtx 3060", "gtx1070", "rx 6600", "a 3060"
_DESKTOP_CARD = re.compile(r"\b(?:rtx|gtx|rx)\s?\d{3,4}\b|\b[1-5][06][5-9]0(?:\s?ti)?\b")
# a card rented rather than owned: "on runpod", "a cloud 4090", "rent a 3090", "per hour"
_RENTED = re.compile(
    r"\b(?:rent\w*|cloud|runpod|vast(?:\.ai)?|lambda|paperspace|colab|kaggle|aws|gcp|azure|per hour|hourly|/h(?:ou)?r)\b"
)


# a bill that runs by time or by volume rather than a one-off purchase: "a month", "spot", "per million tokens"
_BILLED = re.compile(
    r"\ban hour\b|\b(?:a|per) month\b|\bmonthly\b|/\s*mo(?:nth)?\b|\bper million\b|/\s*m\b|\bspot\b|\bon[- ]demand\b"
)


def serves_others(text: str) -> bool:
    """Whether ``text`` speaks of serving people (serve, deploy, users, requests, an API) rather than a run of one's
    own."""
    return bool(_SERVING_WORDS.search(text.lower()))


def speaks_of_renting(text: str) -> bool:
    """Whether ``text`` (lower-cased) speaks of hiring hardware: "rent", "cloud", a provider, "per hour"."""
    return bool(_RENTED.search(text))


def speaks_of_a_rental_bill(text: str) -> bool:
    """Whether ``text`` (lower-cased) prices hired hardware: renting words, or a bill by the month or by volume."""
    return speaks_of_renting(text) or bool(_BILLED.search(text))


_RAM = re.compile(
    r"\b(\d{1,4}(?:\.\d+)?)\s*(?:gb|gigs?|gigabytes?)\s*(?:of\s+)?(?:(?:system|cpu|main|physical|ddr\d?|lpddr\d?x?)\s+)?(?:ram|memory)\b"
    r"(?<!gb memory)(?<!gb of memory)"  # "16GB memory" alone may be a card's; RAM, or system/CPU memory, is not
    r"|\b(?:ram|system memory)\s*(?:of|is|=|:)?\s*(\d{1,4}(?:\.\d+)?)\s*(?:gb|gigs?)\b"
    r"|\b(?:raspberry ?pi|raspi|rpi)(?:\s*\d)?\b[^.?!\d]{0,20}(\d{1,2})\s*gb\b"
    r"|\bpi\s*[2-5]\b[^.?!\d]{0,20}(\d{1,2})\s*gb\b"  # "my pi 4 has 2 gb", "rpi5 8gb"
    r"|\b(\d{1,4})\s*gb\s+(?:of\s+)?(?:lp)?ddr\d\b"  # "128gb ddr5"
)
_ON_CPU = re.compile(
    r"\b(?:raspberry\s?pi|raspi|rpi\s?\d?|orange\s?pi)\b|"  # a single-board computer: llama.cpp on its CPU
    r"\b(?:on|with) (?:a |an |my )?(?:\w+ ){0,2}?(?:phone|smartphone|android|iphone|ipad|tablet)\b|"
    # the phone as the subject: "can my iPhone 12 run it?", "will a Pixel 8 handle a 3B model?"
    r"\b(?:my|an?|the)\s+(?:iphone|android phone|smartphone|phone|pixel\s?\d+|galaxy\s+s\d+)\b(?:\s+\w+){0,3}?\s+(?:run|handle|load|do)\b|\bcpu[- ]only\b|\bon (?:the |a |an |my |our )?(?:\w+ )?cpus?\b(?! (?:offload|ram|memory))"
    r"|\bwithout (?:a |any )?(?:gpus?|graphics card|video card)\b|\bno gpus?\b|\bcpus? inference\b"
    # integrated graphics have no memory of their own: the model sits in system RAM and runs at its speed
    r"|" + r"\bintegrated (?:graphics|gpu)\b|\bigpu\b|\biris\s?xe\b|\b(?:intel\s+)?uhd graphics\b"
    r"|\bradeon\s+(?:\d{3}m|vega\s?\d+)\b|\b(?:680|760|780|880|890|8060s?)m?\b(?=\s*(?:igpu|integrated|graphics|gpu))"
)
# "how much CPU RAM do I need to run it?", "how many 30B cpu mem needed": the system RAM a CPU run takes is asked
_CPU_RAM_ASKED = re.compile(
    r"\bhow (?:much|many)\b[^.?!]{0,30}\b(?:cpu|system|main)\s+(?:ram|mem(?:ory)?)\b(?!\s+(?:beside|alongside|with|for offload))"
    r"|\b(?:cpu|system)\s+(?:ram|mem(?:ory)?)\s+(?:is\s+|are\s+)?(?:needed|required)\b"
)
_INTEGRATED = re.compile(
    r"\bintegrated (?:graphics|gpu)\b|\bigpu\b|\biris\s?xe\b|\b(?:intel\s+)?uhd graphics\b|\bradeon\s+(?:\d{3}m|vega\s?\d+)\b"
)
_DEVICE = re.compile(
    r"\b(?:raspberry\s?pi|raspi|rpi\s?\d?|orange\s?pi|phone|smartphone|android|iphone|pixel\s?\d+|galaxy\s+s\d+)\b"
)
# "my card has 12GB of RAM", "a graphics card with 8 gigs of memory": RAM said of the card is its memory
_CARD_RAM = re.compile(
    r"\b(?:card|gpu|graphics card|video card)(?:\s+(?!has\b|had\b|with\b)\w+){0,3}?\s+(?:has|had|with|w/|having|comes with|got)\s+(?:only\s+|just\s+)?"
    r"(\d{1,3}(?:\.\d+)?)\s*(?:gb|gigs?)\s*(?:of\s+)?(?:ram|memory)\b"
)
_GPU_MEMORY_SAID = re.compile(
    r"\bv-?ram\b|\bgpu memory\b|\bgpu ram\b|\bvideo memory\b|\bunified\b|\bgpu\s*(?:=|:|-|–)\s*\d+(?:\.\d+)?\s*g"
    + "|"
    + _CARD_RAM.pattern
)


def card_ram_gb(text: str) -> float | None:
    """The memory a card is said to have in words for RAM ("my card has 12GB of RAM"), in GB, or None."""
    found = _CARD_RAM.search(text)
    return float(found.group(1)) if found else None


_SIZE = re.compile(
    r"(?<![\dx.])(?<!\d\sx\s)(\d{1,3}(?:\.\d)?)\s*b\b(?!\s*(?:tokens|/s|it/s))"
)  # not "8 x 7b"


def _other_size(text: str, params: float | None) -> float | None:
    """The one size a question gives ('32b') when it is far from the named model's (a distill or a variant)."""
    sizes = {float(m) * 1e9 for m in _SIZE.findall(text)}
    if len(sizes) != 1 or not params:
        return None
    size = sizes.pop()
    return size if not 0.4 < size / params < 2.5 else None


# a PyTorch stack (Transformers, PEFT, a script) or an out-of-memory report on loading: the 16-bit checkpoint was
# loaded, not a GGUF (which llama.cpp splits with the CPU instead of failing)
_PYTORCH = re.compile(
    r"\boom(?:s|ed|ing)?\b|out[- ]of[- ]memory|outofmemory|r[au]n out of (?:gpu |vram |video )?memory|\btorch\b|\btransformers\b|\bpython3?\b|\.py\b|from_pretrained"
    r"|load_in_[48]bit|bitsandbytes|\bpeft\b|lora adapter|\bhugging ?face\b|\bdiffusers\b"
)


_PYTORCH_STACK = re.compile(
    r"\b(?:py)?torch\b|\btransformers\b|\bpython3?\b|\.py\b|from_pretrained|\bpeft\b|\bhugging ?face\b|\bdiffusers\b"
)


# "offload part of the model to the CPU", "put some of it in system RAM", "split it between the GPU and the RAM",
# "load a percentage of the model to cpu": the user asks whether what does not fit the card can live in host RAM
_CPU_OFFLOAD_ASKED = re.compile(
    r"\boffload\w*\b(?:[^.?!]|\.(?=\d)){0,60}\b(?:to|onto|into|in|on)\s+(?:the\s+|my\s+)?(?:cpu|ram|system (?:ram|memory)|main memory|host memory)\b"
    r"|\b(?:put|load|keep|place|move|run|leave)\s+(?:some|part|parts|a part|a portion|a percentage|a fraction|half|the rest|"
    r"the remainder|what does(?:n't| not) fit)\b(?:[^.?!]|\.(?=\d)){0,40}\b(?:on|to|in|into|onto)\s+(?:the\s+|my\s+)?"
    r"(?:cpu|ram|system (?:ram|memory)|main memory)\b"
    r"|\bsplit\w*\b(?:[^.?!]|\.(?=\d)){0,40}?\b(?:between|across|over)\s+(?:the\s+|my\s+)?(?:[\w -]{0,20}?(?:gpu|vram|card|\d{4}(?:\s?ti)?))\s+"
    r"and\s+(?:the\s+|my\s+)?(?:cpu|ram|system (?:ram|memory))\b"
    r"|\b(?:cpu|ram) offload\w*\b"
)


# Accelerate's own offload ("device_map", "accelerate"): a PyTorch loader, not llama.cpp's layer split
_ACCELERATE = re.compile(r"\baccelerate\b|\bdevice_map\b|\bmax_memory\b")


def offloads_in_pytorch(text: str) -> bool:
    """True when ``text`` offloads through a PyTorch loader (Transformers, Accelerate, bitsandbytes, GPTQ)."""
    return runs_pytorch(text) or bool(_ACCELERATE.search(text.lower()))


def asks_cpu_ram(text: str) -> bool:
    """True when ``text`` asks how much system (CPU) RAM a run takes."""
    return bool(_CPU_RAM_ASKED.search(text.lower()))


# swap space or a page file asked about ("would swap help?", "a bigger page file", "virtual memory"), not ComfyUI's
# or kohya's block swap, which moves blocks to RAM on purpose
_SWAP_ASKED = re.compile(
    r"\bswap ?(?:file|space|memory|partition)\b|\bswap (?:help|work|fix|solve)\w*\b"
    r"|(?:\b(?:more|enough|some|bigger|larger|add(?:ing|ed)?|increas\w*|us(?:e|ing)|enabl\w*|with|of|no)|\d\s*gb?)"
    r"\s+swap\b(?!\s*(?:blocks?|the|my|a|an|out|in)\b)"
    r"|\bpage ?file\b|\bpaging file\b|\bvirtual memory\b"
)
# the machine's RAM said to be too little for a load ("my 16GB RAM isn't enough", "16 GB of RAM is not sufficient"), not
# the card's ("12GB GPU RAM")
_RAM_SHORT = re.compile(
    r"(?<!gpu )(?<!video )(?<!graphics )(?<!card )\b(?:system |cpu |host )?ram\b(?:\s+\w+){0,4}?\s+"
    r"(?:is ?n'?t|is not|was ?n'?t|(?:does ?n'?t|do ?n'?t|does not|not) (?:seem to )?(?:be )?|not )?"
    r"(?:enough|sufficient|insufficient|too (?:small|little|low)|runs? out|ran out|(?:is |gets )?(?:full|maxed|exhausted))\b"
)

# "how much RAM (not VRAM)": the machine's RAM set against the card's
_RAM_NOT_VRAM = re.compile(r"\bram\b[^.?!\w]{0,4}(?:and |but |,\s*)?not (?:the )?(?:vram|gpu memory)\b")


def asks_host_ram(text: str) -> bool:
    """True when ``text`` is about the machine's system RAM in a load: how much it takes, the RAM said to be too
    little for it, or whether swap space / a page file helps."""
    t = text.lower()
    return asks_cpu_ram(text) or bool(
        _SWAP_ASKED.search(t) or _RAM_SHORT.search(t) or _RAM_NOT_VRAM.search(t)
    )


def asks_cpu_offload(text: str) -> bool:
    """True when ``text`` asks to keep part of a model in system RAM, beside the GPU (CPU offload)."""
    return bool(_CPU_OFFLOAD_ASKED.search(text.lower()))


def runs_pytorch(text: str) -> bool:
    """True when the question shows a PyTorch stack (Transformers, a script) or reports running out of memory:
    16-bit weights were loaded, not a GGUF under a local runtime."""
    return bool(_PYTORCH.search(text.lower()))


# serving people, not running a model for oneself: the card is weighed as a server's
_SERVING_WORDS = re.compile(
    r"\bserv(?:e|es|ing|er)\b|\bdeploy|\bproduction\b|\bconcurren|\busers\b|\brequests?\b|\bapi\b|\bcloud\b|\brent"
)

_RUN_LOCALLY = re.compile(
    r"\blocal(?:ly)?\b(?! (?:network|disk|storage|files?|server|cluster))|\bat home\b|\boffline\b|\bself[- ]host"
)

_SHOPPING = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:gpus?|cards?|graphics cards?|accelerators?)\b|\b(?:buy|purchase|rent|upgrade)\b"
)


_GPU_LAYERS = re.compile(
    r"(?<![\w-])-ngl\s*=?\s*(\d{1,3})\b|\bn_gpu_layers\s*[=:]?\s*(\d{1,3})\b|\bnum_gpu\s*[=:]?\s*(\d{1,3})\b"
    r"|(?<![/\d])\b(\d{1,3})\s+(?:of (?:the |its )?(?:\d+ )?)?layers?\b[^.?!]{0,40}?\b(?:on|to|onto|in|into)\s+(?:the\s+|my\s+)?(?:gpu|vram|card)\b"
    r"|\boffload(?:ing|ed)?\s+(\d{1,3})\s+layers\b"
)
_DDR = re.compile(r"\b(lp)?ddr([345])x?\s*[- ]?\s*(\d{4})\b|\b(\d{4})\s*(?:mt/s|mhz)\b")
_CHANNELS = re.compile(r"\b(single|dual|two|triple|three|quad|four|six|eight|twelve|\d{1,2})[- ]channels?\b")
_CHANNEL_WORDS = {"single": 1, "dual": 2, "two": 2, "triple": 3, "three": 3, "quad": 4, "four": 4, "six": 6}
_CHANNEL_WORDS.update({"eight": 8, "twelve": 12})


# a single-board computer whose RAM bandwidth is on record (corpus/assumptions.yaml board_ram_bandwidth_gbs)
_BOARD = re.compile(r"\b(?:raspberry\s?pi|raspi|rpi|pi)\s?([45])\b")


def ram_bandwidth(text: str) -> tuple[float, str] | None:
    """The RAM's peak bandwidth from its speed and channels ("dual-channel DDR5-6000": 2 x 6,000 MT/s x 8 bytes =
    96 GB/s), and how it was worked out; None unless a DDR speed is said. A desktop has two channels unless said.
    A Raspberry Pi 4 / 5 named without a RAM speed: its board's figure."""
    m = _DDR.search(text)
    board = _BOARD.search(text)
    if m is None and board is not None:
        name = f"raspberry pi {board.group(1)}"
        gbs = load_assumptions()["board_ram_bandwidth_gbs"].value.get(name)
        if gbs:
            return float(
                gbs
            ), f"the {name.title().replace('Pi', 'Pi')}'s LPDDR4/4X on a 32-bit bus, {float(gbs):g} GB/s"
    if m is None or (m.group(4) and not re.search(r"\b(?:lp)?ddr\d|\bram\b|\bmemory\b", text)):
        return None
    speed = float(m.group(3) or m.group(4))
    if not 1600 <= speed <= 12800:
        return None
    c = _CHANNELS.search(text)
    channels = (_CHANNEL_WORDS.get(c.group(1)) or int(c.group(1))) if c else 2
    if not 1 <= channels <= 24:
        return None
    kind = (
        f"{'LP' if m.group(1) else ''}DDR{m.group(2)}-{speed:.0f}" if m.group(2) else f"{speed:.0f} MT/s RAM"
    )
    said = "" if c else " (two channels, a desktop's, assumed)"
    how = f"{channels} channel{'s' if channels > 1 else ''} x {speed:,.0f} MT/s x 8 bytes of {kind}{said}"
    return channels * speed * 8 / 1000, how


_AMOUNT = re.compile(
    r"(?:\$|usd\s*|€|£)\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k)?\b"
    r"|\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k)?\s*(?:\$|usd|dollars?|bucks|€|eur(?:os?)?|£|pounds?)"
    r"|(?<![\w.$])(\d+(?:\.\d+)?)\s*k\b"
    r"(?!\s*(?:context|ctx|tokens?|token|steps|images|samples|rows|users|req|gpus?|h\b|max\b|seq\w*|length|window))"
    # "budget around 1500", "budget is 1200": a bare amount right after the word budget
    r"|\bbudget (?:is |of |around |about |roughly |~)*(\d{3,6})\b(?![.,]?\d|\s*(?:gpu|hours?|hrs?|h\b|tokens?|/|per\b|a\b|an\b))"
)
_BUYING = re.compile(
    r"\bbudget\b|\bspend\b|\bafford\b|\bbuy(?:ing)?\b|\bpurchas\w*|\bbuild(?:ing)?\b|\bupgrade\b|\bget me\b"
    # "i have $800, what gpu?", "we've got €1500": money had, said with its currency
    r"|\b(?:i|we)(?: have|'ve got| got|'ve| can spend)\s+(?:about |around |roughly |~|only |just )?(?:\$|usd|€|£)\s*\d"
    r"(?![\d,.]*\s*k?\s*(?:(?:of|in)\s+)?(?:\w+\s+)?credits?\b)"  # "we've got $150 of credits": a rental budget
    # "got about 1800 dollars for a gpu": money set aside for a card
    r"|(?:\$\s*\d[\d,]*k?|\b\d[\d,]*\s*k?\s*(?:dollars?|bucks|usd|€|euros?|£))\s+(?:\w+\s+){0,2}?"
    r"for an? (?:new |used |second[- ]?hand )?(?:gpu|card|graphics card|video card)\b"
    # "with 2k I want to build a box", "with $1500": money said with a currency or thousands ("with 16 users" is
    # no amount, "with 8k context" no money)
    r"|\bwith (?:about |around |roughly |~)?(?:(?:\$|usd|€|£)\s*\d+(?:[.,]\d+)?\s*k?|\d+(?:[.,]\d+)?\s*k)\b"
    r"(?!\s*(?:context|ctx|tokens?|steps|images|samples|rows|users|req|gpus?|max|seq\w*|length|window)\b)"
    # "best gpu under $1000", "less than 800 bucks": a price ceiling on a card (a rate has a period, ruled out below)
    r"|\b(?:under|below|less than|up to|max(?:imum)?|at most|no more than|within|sub)\s*(?:a\s+)?(?:\$|usd|€|£)\s*\d"
    r"|\b(?:under|below|less than|up to|at most|no more than|within|sub)\s*\d+(?:[.,]\d+)?\s*k?\s*(?:\$|usd|dollars?|bucks|€|euros?|£)"
)


# a generation speed said in any words: "30 tokens per second", "20 tok/s", "15 t/s", "10 tps"
_SPEED_SAID = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:tokens?|toks?|t)\s*(?:/\s*s(?:ec)?\b|per\s+sec(?:ond)?\b|an?\s+sec(?:ond)?\b)"
    r"|(\d+(?:\.\d+)?)\s*(?:tps|tok/s|t/s)\b"
)


# a context length said as a setting or a size: "num_ctx 16384", "-c 8192", "16k context", "an 8k model", "32k"
_CONTEXT_SAID = re.compile(
    r"(?:\b(?:num_ctx|n_ctx|ctx[-_ ]size|context[-_ ]length|max_model_len)|(?<!\w)-c)\s*[=:]?\s*(\d+(?:\.\d+)?)\s*(k)?\b"
    r"|(?<![$€£\d.])\b(\d+(?:\.\d+)?)\s*(k)\b(?!\s*(?:\$|usd|dollars?|bucks|€|eur|budget|steps|images|samples|rows|users|gpus?))"
    r"|\b(\d{4,6})\s*(?:-?tokens?\s+)?(?:context|ctx)\b"
)


def contexts_said(question: str) -> tuple[int, ...]:
    """Every distinct context length the question states (tokens, 512 to 10M), in order: "num_ctx 16k and 8k" is
    (16384, 8192) — so two runs at different contexts can be set side by side."""
    found: list[int] = []
    for m in _CONTEXT_SAID.finditer(question.lower()):
        number, k = (
            (m.group(1), m.group(2))
            if m.group(1)
            else (m.group(3), m.group(4))
            if m.group(3)
            else (m.group(5), None)
        )
        value = float(number) * (1024 if k else 1)
        tokens = int(value)
        if 512 <= tokens <= 10_000_000 and tokens not in found:
            found.append(tokens)
    return tuple(found)


def speed_said(question: str) -> float | None:
    """The first generation speed the question states in tokens per second, however it is worded; None without."""
    m = _SPEED_SAID.search(question.lower())
    return float(m.group(1) or m.group(2)) if m else None


def purchase_budget(question: str) -> float | None:
    """What the user can spend on hardware ("with 2k I want to build a box", "$1,500 budget for a GPU"), in USD
    (other currencies read at face value); None when no amount is said with buying words, or it is a rental."""
    text = question.lower()
    if not _BUYING.search(text) or speaks_of_a_rental_bill(text):
        return None
    m = _AMOUNT.search(text)
    if m is None:
        return None
    raw = (m.group(1) or m.group(3) or m.group(5) or m.group(6)).replace(",", "")
    thousands = bool(m.group(2) or m.group(4) or m.group(5))
    value = float(raw) * (1000 if thousands else 1)
    return value if 100 <= value <= 100_000 else None


def _system_ram(text: str) -> float | None:
    """System RAM the user says their machine has, when no GPU memory is said."""
    if _GPU_MEMORY_SAID.search(text) or _MAC.search(text):
        return None  # a card's memory, or a Mac's unified memory (read as its GPU), is what runs the model
    m = _RAM.search(text)
    if m is None or _READING_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
        return (
            None  # "30B runs with only 6GB of RAM": how much the run was seen to take, not the machine's RAM
        )
    value = float(next(g for g in m.groups() if g))
    return value if 1 <= value <= 2048 else None


# a run said to need only so much, just before a RAM figure: that figure is a reading, not the machine
_READING_BEFORE = re.compile(
    r"\b(?:runs?|running|ran|works?|working|worked|loads?|loading|loaded|fits?|fitting|fitted)\s+"
    r"(?:with|in|on|using|within)\s+(?:only|just|barely|merely)\s+[~≈]?\s*$"
    # "task manager shows ollama using only 2 GB of RAM", "it only takes 3gb of ram": what a run was seen to use
    r"|\b(?:using|uses|used|shows?|showing|shown|takes?|taking|took|consum\w*|occup\w*|eats?|eating)\s+"
    r"(?:only|just|barely|merely|about|around|roughly|~|≈)\s*$"
    r"|\b(?:only|just|barely)\s+(?:using|uses|used|shows?|showing|takes?|taking|took|consum\w*|occup\w*)\s+$"
)


_ASKS_FORMAT = re.compile(
    r"\b(?:what|which)\s+(?:quant\w*|precision|bit[- ]?width|bits?|format|gguf)\b|\bat what (?:quant\w*|precision|bits?)\b"
    r"|\bhow (?:much|far|low) (?:do i|should i|must i|to)\s+quanti[sz]e\b"
)
_MAC = re.compile(r"\bmac(?:book(?:\s*(?:pro|air))?|\s*studio|\s*mini|\s*pro)?s?\b|\bapple silicon\b")


def _mac_memory(text: str) -> float | None:
    """The memory of a Mac named without its chip: a 'NN GB' within a few words of 'Mac…'."""
    for mac in _MAC.finditer(text):
        window = text[max(0, mac.start() - 30) : mac.end() + 30]
        sizes = [float(m) for m in _MEMORY.findall(window) if 8 <= float(m) <= 512]
        if sizes:
            return max(sizes)
    return None


def _asks_about_mac_only(question: str) -> bool:
    """Whether the last question asked names a Mac and no other hardware (GPUs before it were background)."""
    asked = [s for s in re.split(r"(?<=[.?!])\s+", question.strip()) if s.rstrip().endswith("?")]
    last = asked[-1].lower() if asked else question.lower()
    return bool(_MAC.search(last)) and not re.search(
        r"\b(?:rtx|gtx|geforce|radeon|\d{4}\s*(?:ti|super)?)\b", last
    )


# a repository id that names a quantized release: "-AWQ", "-GPTQ-Int4", "-GGUF", "-4bit", "-bnb-4bit", "-NVFP4", "-FP8"
_QUANT_IN_ID = re.compile(
    r"awq|gptq|gguf|exl2|bnb|nf4|fp4|fp8|int[48]|[248][- _]?bit|\bq[2-8]|mlx-community|w[48]a"
)


# a file of a repository's code ('examples/sam2_video_predictor.ipynb', 'scripts/train_v2.sh', 'configs/x1.yaml'): a
# script or notebook to run, not a model id (a local config.json path still is one)
_CODE_FILE = re.compile(r"\.(?:py|ipynb|sh|bash|bat|ps1|ya?ml|toml|cfg|ini|txt|md|js|ts|cpp|cu|c|h|lua)$")


def _looks_like_model_id(text: str) -> bool:
    """'org/name' that names a model, not alternatives written with a slash ('zero2/zero3', 'fp16/bf16') nor a
    repository's script or notebook ('examples/demo_v2.ipynb')."""
    org, _, name = text.rstrip(".").partition("/")
    if org.lower() in _NOT_ORGS or not name or _CODE_FILE.search(name.lower()):
        return False
    alternatives = re.fullmatch(r"[a-z]+[\d.]+", org.lower())  # 'zero2/zero3', 'fp16/bf16', 'q4/q5'
    return not (alternatives and re.fullmatch(r"[a-z]*[\d.]+", name.lower()))


# a GGUF type however it is typed: "Q4_K_M", "q4km", "q4-k-s", "Q2K", "IQ2_XS", "iq3m", "Q5_1", "Q8" (the digit
# and the letters after it may be glued or split by _, - or a space), or llama.cpp's older "2Q" / "4Q" spelling
_GGUF_TYPE = re.compile(
    r"(?<![a-z0-9])(i?)q[ _-]?([1-8])(?:[ _-]?(k))?(?:[ _-]?(xxs|xs|s|m|l|nl|0|1))?"
    r"(?![a-z0-9]|\.\d|\s*\(?\s*(?:kv[- ]?)?cache)"
    r"|(?<![a-z0-9.])([2-8])q(?![a-z0-9])",
    re.I,
)


def _gguf_types(text: str, known: tuple[str, ...]) -> list[str]:
    """Every GGUF type named in ``text``, in order, as the catalog's names: a K-quant without its size is the
    usual medium ('Q4_K' is Q4_K_M), and a type the catalog does not list is the usual one of its bit width."""
    found = []
    for m in _GGUF_TYPE.finditer(text):
        if m.group(5):
            if usual := _BITS_TO_GGUF.get(m.group(5)):  # "4Q"; there is no usual 7-bit type
                found.append(usual)
            continue
        iq, bits, k, size = m.group(1), m.group(2), m.group(3), m.group(4)
        if not (k or size or iq):
            continue  # a bare "q4" is read below, where it cannot be a quarter of the year
        name = f"{'iq' if iq else 'q'}{bits}" + ("_k" if k else "") + (f"_{size}" if size else "")
        for candidate in (name, f"{name}_m", _BITS_TO_GGUF.get(bits)):
            if candidate in known:
                found.append(candidate)
                break
    return found


def formats_said(question: str, known: tuple[str, ...]) -> list[str]:
    """Every weight format ``question`` names, in order, as GGUF types ('Q4_K_M', '8bit' -> q8_0): the formats a
    'would Q8 run faster than Q4?' question sets against each other."""
    text = question.lower()
    found = [(m.start(), t) for m in _GGUF_TYPE.finditer(text) for t in _gguf_types(m.group(0), known)]
    for m in _BITS.finditer(text):
        if (usual := _BITS_TO_GGUF.get(m.group(1) or m.group(2))) and all(p != m.start() for p, _ in found):
            found.append((m.start(), usual))
    return [t for _, t in sorted(found) if t in known]


def _quant(text: str, runtime: str | None, known: tuple[str, ...]) -> str | None:
    """A GGUF type named outright ('Q5_K_S', 'q4ks', 'IQ2_XS', '2Q'), or 'N-bit' with a GGUF runtime mapped to its
    usual type. With several named ("the 4Q version runs; I tried the 2Q instead"), the last is the one asked about."""
    named = _gguf_types(text, known)
    if named:
        return named[-1]
    if runtime == "llama.cpp":
        bits = _BITS.search(text)
        if bits:
            return _BITS_TO_GGUF.get(bits.group(1) or bits.group(2))
    bare = _BARE_Q.search(text)
    if bare and runtime is None:  # "70b at q4": GGUF's naming (llama.cpp / Ollama tags), its usual K-quant
        return _BITS_TO_GGUF.get(bare.group(1))
    return None


_BARE_Q = re.compile(r"\bq([2-8])\b(?![-_.]\d)(?!\s*\(?\s*(?:kv[- ]?)?cache)")  # "Q4 (cache)" is the KV cache


def _refine(gpu: GPU, text: str, catalog: Catalog) -> GPU:
    """The laptop variant of a GeForce card when the question is about a laptop; a Mac's memory option."""
    if _LAPTOP.search(text) and not gpu.is_owned_hardware:
        laptop = catalog.get(f"{gpu.name} Laptop")
        if laptop is not None:
            return laptop
    if gpu.vendor == "Apple":
        chip = gpu.architecture.removeprefix("Apple ")
        asked = [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s.rstrip().endswith("?")]
        # "my M4 Pro 24GB runs 14B fine. would 64gb let me run 32B?": the memory asked about comes first
        for size in _MEMORY.findall(asked[-1] if asked else "") + _MEMORY.findall(text):
            option = catalog.get(f"{chip} {size}GB")
            if option is not None:
                return option
        if (wired := _working_set_gb(text)) is not None:
            # a llama.cpp / MLX log's "recommendedMaxWorkingSetSize = 11453.25 MB": the memory option whose GPU
            # share is that size (macOS wires a fixed share of the unified memory)
            options = [g for g in catalog if g.vendor == "Apple" and g.architecture == gpu.architecture]
            best = min(options, key=lambda g: abs(g.gpu_memory_gb - wired), default=None)
            if best is not None and abs(best.gpu_memory_gb - wired) <= 0.1 * wired:
                return best
    return gpu


# Metal's working-set size as logs print it: llama.cpp "recommendedMaxWorkingSetSize = 11453.25 MB" (MB of 10^6
# bytes), MLX's "max_recommended_working_set_size" in bytes
_WORKING_SET_SIZE = re.compile(
    r"recommendedmaxworkingsetsize\s*[=:]\s*([\d.]+)\s*(mb|mib|gb|gib)?\b"
    r"|max_recommended_working_set_size\W{1,4}(\d{9,13})\b"
)


def _working_set_gb(text: str) -> float | None:
    """The GPU working set a Mac's log reports, in GiB (the catalog's unit for a Mac's memory), or None."""
    m = _WORKING_SET_SIZE.search(text)
    if m is None:
        return None
    if m.group(3):
        return int(m.group(3)) / 2**30
    value, unit = float(m.group(1)), m.group(2) or "mb"
    return {"mb": value * 1e6 / 2**30, "mib": value / 1024, "gb": value * 1e9 / 2**30, "gib": value}[unit]


def names_non_llm_workload(question: str, request: object, workloads=None) -> bool:
    """True when ``question`` is about an image, speech, embedding or vision model and names no LLM
    (``workloads``: the caller's workloads table; the default corpus's when not given)."""
    table = workloads if workloads is not None else load_workloads()
    return bool(table.find_in_text(question)) and getattr(request, "model", None) is None


_LOCAL_APPS = r"(?:gpt4all|ollama|lm ?studio|llama\.?cpp|koboldcpp|llamafile|jan\.ai|text[- ]generation[- ]webui|oobabooga)"
_WHAT_RUNS = re.compile(
    # ("what would 3 H100s run me per day?" asks a cost: to run someone an amount)
    r"\bwhat(?:'?s| is)? (?:can|could|will|would|should|models?|llms?|sizes?|else)\b.{0,40}\b(?:run(?! (?:me|us)\b)|fit|"
    r"handle|load|do|train|use|fine[- ]?tune|finetune|q?lora|serve|host)"
    r"|\b(?:best|biggest|largest|smartest) (?:local )?(?:models?|llms?)\b.{0,30}\b(?:run|fit|handle|load|use|serve|host)\b"
    r"|\bwhich (?:models?|llms?)\b|\bwhat fits\b|\bbiggest (?:model|llm)\b|\blargest (?:model|llm)\b|\bcapable of\b"
    # a card weighed for a kind of job: "good for", "decent for", "fine for", "any good at"
    r"|\b(?:good|decent|great|okay|ok|fine|suited|viable|usable|capable) (?:for|at)\b|\bany good\b|\bwhat (?:can|could) i do\b"
    # a local LLM app to install on the hardware, no model named: "is it possible to install GPT4All on my M1?" —
    # what runs there is the answer
    r"|\b(?:install|instal|set up|setup)\s+(?:\w+\s+){0,2}?" + _LOCAL_APPS + r"\b"
    r"|\b(?:run|use)\s+"
    + _LOCAL_APPS
    + r"\s+on\s+my\s+(?!team|company|users|server)"  # "run ollama on my 1650?"
)
# "is my 1650 enough?", "minimum requirements?", "good enough for local LLMs?": with no model said in the
# conversation, what runs on it (after a question about a model, "enough" is asked of that model)
_ENOUGH = re.compile(
    r"\b(?:good |big |powerful )?enough\b|\b(?:minimum |system |hardware )*requirements?\b|\bsuitable\b|\bup to the task\b"
    r"|\bcan it (?:handle|cope)\b|\bneed (?:more|a (?:better|bigger|stronger))\b|\b(?:more|enough) power\b"
    # "will I be able to run it on my laptop?": no model said anywhere, so what runs there
    r"|\b(?:be able to|can i|could i|will i)\s+(?:\w+\s+)?(?:run|use|load)\s+(?:it|this|that|them|these|one|llms?|models?|ai)\b"
    # "is it even possible to run <an app> with that gpu?", "any workaround to make it work with an 8gb gpu?":
    # no model said, so what runs on the card is the answer
    # (the hardware is the object: "is the V100 able to run flash attention 2?" asks about a feature)
    r"|\b(?:possible|able) to (?:run|use|load)\b[^.?!]{0,40}\b(?:with|on) (?:that|this|my|the|such an?|an?) "
    r"(?:[\w-]+\s+){0,2}(?:gpu|card|graphics card|laptop|pc|machine)\b"
    r"|\b(?:make|get) (?:it|this|that) (?:to )?(?:work|run)(?:ning)?\b[^.?!]{0,20}\b(?:with|on)\b"
    # "is it even possible to run a local chatbot?", "can it run any llm", "will it run anything useful": some
    # model, none named, so what runs on the hardware named
    r"|\b(?:run|use|load|host)\s+(?:a|an|any|some)\s+(?:[\w-]+\s+){0,2}(?:llms?|models?|chat\s?bots?|ai|assistants?)\b"
    r"|\b(?:run|load|handle)\s+anything\b"
    # "can I use an Arc A770 for LLMs?", "using my 3060 for local ai": the card put to running models, none named
    r"|\b(?:use|using)\b[^.?!]{0,40}\bfor\s+(?:running\s+)?(?:local\s+)?(?:llms?|language models?|ai|chat\s?bots?)\b"
)


# "can you suggest a model that works?", "is there a model supported for my 4060 ti?", "can we get a model supported
# for 24GB?": some model, none named, for the hardware said (on hardware hired, the bill is asked: see below)
_SOME_MODEL = re.compile(
    r"\b(?:suggest|recommend)\s+(?:me\s+)?(?:a|an|some|any)\s+(?:[\w-]+\s+)?(?:models?|llms?)\b"
    r"|\b(?:is there|are there|any)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:models?|llms?)\s+(?:that\s+)?"
    r"(?:works?|fits?|runs?|supported|suitable)\b"
    r"|\bget\s+(?:an?|some)\s+(?:[\w-]+\s+)?(?:models?|llms?)\s+(?:supported|working|running|to run)\b"
)
_PRICE_WORDS = re.compile(r"\$|\bcosts?\b|\bprice|\bcheap")


def _asks_some_model(text: str) -> bool:
    """Some model asked for the user's hardware — not on a card they hire, where the bill is the question."""
    return (
        bool(_SOME_MODEL.search(text)) and not speaks_of_a_rental_bill(text) and not _PRICE_WORDS.search(text)
    )


def asks_which_model(question: str) -> bool:
    """True for 'what's the biggest model I can serve', 'which LLMs fit': a model is asked for, hardware or not."""
    return bool(_WHAT_RUNS.search(question.lower()))


# the card weighed for a serving engine, not for models: "is the MI300X usable for vLLM?" asks whether the engine runs
# there (the software table), not what models fit
_FIT_FOR_AN_ENGINE = re.compile(
    r"\b(?:good|decent|great|okay|ok|fine|suited|viable|usable|capable|ready|compatible)\s+(?:for|at|with)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:" + BATCHING_ENGINE_WORDS + r")"
)


def asks_what_runs(question: str, request: object, *, model_before: bool = False) -> bool:
    """True for 'what can my <hardware> run' questions: hardware (or its memory) named, no model or size given."""
    return (
        bool(
            getattr(request, "gpus", ())
            or getattr(request, "stated_memory_gb", None)
            or getattr(request, "unlisted_gpu", None)  # a card not listed: its memory is asked for
        )
        and getattr(request, "model", None) is None
        and getattr(request, "params", None) is None
        # "is the MI300X good for LLM inference compared to H100?": two cards weighed, a comparison
        and not getattr(request, "cards_weighed", False)
        and not _FIT_FOR_AN_ENGINE.search(question.lower())
        and bool(
            _WHAT_RUNS.search(question.lower())
            or _asks_some_model(question.lower())
            or (not model_before and _ENOUGH.search(question.lower()))
        )
    )


# Graphics cards by their product names — GeForce GTX / RTX, Radeon RX, Arc, Tesla, Quadro, TITAN — and bare
# model numbers with a Ti / Super suffix ("1080 ti", "1660 super"), which name a card and not a year or a size
_CARD = re.compile(
    # workstation cards said with their A ("RTX A2000", "RTX A4500"): the catalog lists some of them
    r"\b(?:nvidia\s+)?(?:geforce\s+)?((?:gtx|rtx|gt)\s*-?\s*(?:\d{3,4}(?:\s*(?:ti|super))?|a\d{4}(?:\s*ada)?)"
    r"(?:\s*(?:laptop|mobile|max-?q|notebook)\b)?)"
    r"|\b(?:amd\s+)?(?:radeon\s+)?(rx\s*-?\s*\d{3,4}\s*(?:xtx|xt|gre|m)?)\b"
    r"|\bradeon\s+(\d{3,4}\s*(?:xtx|xt|gre)?)\b"  # "Radeon 7900 XT": an RX card said without the RX
    r"|\b(?:intel\s+)?(arc\s*[ab]\d{3}m?)\b"
    r"|\b((?:tesla\s+)?(?:p40|p4|k80|m40|m60|k40|p6000)|tesla\s+[a-z]\d{1,3})\b"
    r"|\b(quadro\s+(?:rtx\s+)?[a-z]{0,2}\d{3,4})\b"
    r"|\b(titan\s+(?:xp|x|v|rtx))\b"
    r"|(?<![\w.$])((?:9[5-8]0|10[5-8]0|16[56]0|20[6-8]0|30[5-9]0|40[5-9]0|50[6-9]0)\s*(?:ti|super))\b"
    # a maker's name then a model code the catalog lacks: "nvidia q9000", "nvidia h300", "amd instinct mi400"
    r"|\bnvidia\s+((?:tesla\s+)?[a-z]{1,2}\d{2,4}[a-z]?)\b(?!\s*(?:gb|b)\b)"
    r"|\b(?:amd\s+)?(?:instinct\s+)?(mi\s*\d{3}[a-z]?|mi(?:25|50|60)\b)\b"
    # older Radeons by series: "r7 360", "r9 390x", "r9 fury", "vega 64", "radeon hd 7970"
    r"|\b(?:amd\s+)?(?:radeon\s+)?(r[579]\s*-?\s*\d{3}x?|r9\s+(?:fury(?:\s*x)?|nano)|vega\s*(?:56|64)|(?<=radeon\s)hd\s*\d{4})\b"
)
_NAMED_WORDS = ("quadro", "tesla", "titan", "vega", "fury", "nano")  # written capitalized, not in capitals
_SUFFIXES = {"ti": "Ti", "super": "Super", "laptop": "Laptop", "mobile": "Laptop", "notebook": "Laptop"}


def _plain_name(name: str) -> str:
    """A GPU name without brand words, spaces or hyphens, lower-case: 'GeForce RTX 3060 Ti' -> 'rtx3060ti'."""
    text = re.sub(r"\b(?:nvidia|geforce|amd|radeon|intel)\b", "", name.lower())
    return re.sub(r"[\s-]+", "", text)


def _display(raw: str) -> str:
    """'gtx1080ti' -> 'GTX 1080 Ti', 'rx 6700xt' -> 'RX 6700 XT': a card's name as it is usually written."""
    words = re.findall(
        r"(?<![a-z])(?:mi|[a-z])\d+m?|[a-z]+|\d+x(?![a-z])|\d+", raw.lower()
    )  # "mi100", "r7", "390x"
    out = []
    for w in words:
        if w in _SUFFIXES:
            out.append(_SUFFIXES[w])
        elif w.isdigit() or len(w) <= 4 or w in _NAMED_WORDS:
            out.append(w.upper() if w not in _NAMED_WORDS else w.capitalize())
        else:
            out.append(w.upper())
    name = " ".join(out)
    if name[:1].isdigit():  # "1080 Ti": a GeForce number said alone
        name = ("GTX " if int(re.match(r"\d+", name).group()) < 2000 else "RTX ") + name
    name = re.sub(r"(\d) X\b", r"\1X", name)  # "R9 290X": the X is part of the model number
    return name.replace("MAXQ", "Max-Q").replace("ARC ", "Arc ")


_LISTED: dict[int, tuple[Catalog, frozenset[str]]] = {}  # catalog id -> (catalog, its plain names)


def _listed_names(catalog: Catalog) -> frozenset[str]:
    """Every catalog name and alias as ``_plain_name`` writes it, worked out once per catalog (kept on it: the
    catalog never changes once loaded, and ~700 names per question cost ~1 ms; kept by id, as the instance
    index in ``_instances`` keeps its table's)."""
    cached = _LISTED.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        cached = _LISTED[id(catalog)] = (
            catalog,
            frozenset(_plain_name(n) for g in catalog for n in (g.name, *g.aliases)),
        )
    return cached[1]


def _unlisted_card(text: str, catalog: Catalog) -> str | None:
    """The first graphics card ``text`` names that the catalog does not list, as usually written, if any."""
    names = _listed_names(catalog)
    for m in _CARD.finditer(text):
        raw = next(g for g in m.groups() if g)
        if m.group(3):
            raw = "rx " + raw
        plain = _plain_name(raw)
        if plain in names or any(n.startswith(plain) and len(n) - len(plain) >= 3 for n in names):
            continue  # a listed card ("rtx 4090"), or the start of a longer listed name ("rtx 6000" Ada)
        if (m.group(9) or m.group(10)) and any(n.startswith(plain) for n in names):
            continue  # a maker's code a listed card's name begins with: "mi250" is the MI250X
        return _display(raw)
    return None


def _card_memory(text: str, card: str) -> float | None:
    """The memory written right after an unlisted card's name ('980 ti 6gb', 'rx 6700 xt (12 GB)', 'tesla m40
    (24 gb)')."""
    digits = re.search(r"\d{2,4}", card)
    if digits is None:
        return None
    m = re.search(re.escape(digits.group()) + r"[^.,;?!\d]{0,25}?\(?\s*(\d{1,2})\s*(?:gb|gib|g)\b", text)
    return float(m.group(1)) if m and 1 <= float(m.group(1)) <= 96 else None
