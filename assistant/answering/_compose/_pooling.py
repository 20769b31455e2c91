"""Whether two or more GPUs add up, answered for the tool that runs them.

"Can I use my two 3090s to train SDXL, 24+24?", "will a second 4060 Ti double my tokens/s?", "do I need NVLink?",
"do the cards have to be identical?": the answer depends on how the tool spreads work over the cards, not on the
sum of their memory. The rules, each from the tool's own documentation:

- Training scripts run several GPUs as data parallelism by default — torchrun / ``accelerate launch`` / the
  Hugging Face Trainer (PyTorch DDP docs: "DDP ... replicates the model on every device"), kohya sd-scripts,
  diffusers' example scripts, ai-toolkit, OneTrainer, Ultralytics YOLO (``device=0,1`` is DDP) and most research
  repositories' ``train.py``: every GPU holds a whole copy of the model, so memory does not add up; a second card
  adds speed (twice the samples per step: the global batch doubles) and the slower card paces every step.
  Only sharding (FSDP, DeepSpeed ZeRO-3) or a layer / pipeline split spreads the model itself (accelerate
  "FSDP" and "DeepSpeed" guides; diffusion-pipe's ``pipeline_stages``, whose author notes each GPU still holds
  its own activations: tdrussell/diffusion-pipe#147).
- llama.cpp / Ollama / LM Studio split a model's layers across all visible GPUs in proportion to their memory
  (``--split-mode layer``, ``--tensor-split``; unequal cards are fine), Ollama only when the model does not fit
  on one GPU (Ollama FAQ "How does Ollama load models on multiple GPUs?"); Transformers / Accelerate
  ``device_map="auto"`` with ``max_memory`` per GPU does the same (Accelerate big-model inference guide); so
  does ExLlamaV2's ``gpu_split``. The cards work one after another on each token: memory adds up, the speed of one
  stream does not.
- vLLM / SGLang / TGI tensor parallelism gives every GPU an equal share of each layer, so the smallest card
  limits every share (smallest memory x N); vLLM's pipeline parallelism can split layers unevenly with
  ``VLLM_PP_LAYER_PARTITION`` (vLLM docs, environment variables; vllm-project/vllm#6824). A model that fits one
  GPU serves about twice the requests as two replicas (``--data-parallel-size 2``, or two servers behind a load
  balancer), not as tensor parallelism, which adds all-reduce traffic on every layer.
- Image generation (AUTOMATIC1111, ComfyUI, a diffusers pipeline) runs one image's model on one GPU; only whole
  components can sit on another card (diffusers ``device_map="balanced"`` places the text encoders, transformer /
  UNet and VAE on different GPUs: diffusers "Distributed inference" guide; the ComfyUI-MultiGPU nodes), or a
  second job can run on it.
- NVLink is never required for any of these: they work over PCIe; NVLink only speeds the traffic between the
  cards (tensor-parallel all-reduce, gradient sync), and it does not merge two cards into one memory: each
  keeps its own (ExLlamaV2's tensor parallelism does not use it at all: turboderp-org/exllamav2#603).
"""

from __future__ import annotations

import re

from ...sizing import Task
from ...understanding import Intent
from ...understanding._several_cards import one_card_owned
from .._facts import Facts
from ._format import gb, split_details, with_details
from ._non_llm import LLM_SAID, names_project
from ._shapes import reports_oom

__all__ = ["pooling_lead"]

# ---------------------------------------------------------------------------------------------------------------
# what the question asks about its several cards

# "does video RAM sum up", "24gb+24gb?", "combined VRAM", "pooled memory", "use both cards", "will it use both"
_POOL = re.compile(
    r"\bsums? up\b|\badds? up\b|\bcombin\w*|\bpool\w*|\b\d+\s*gb?\s*\+\s*\d+\s*gb?\b"
    r"|\b(?:use|utili[sz]e|using|uses|run on|spread (?:over|across))\s+(?:both|all|the two|two|2|multiple|several)\b"
    r"|\bboth\s+(?:gpus?|cards?|gpu'?s)\b|\b(?:memory|vram)\s+(?:of\s+)?(?:both|the two|two|all)\b"
    r"|\bsame (?:way )?as\b|\bmore (?:vram|memory|gpu memory)\b|\b(?:vram|memory) (?:doubles?|is doubled)\b"
    # the sum said as what the run gets: "so it has 48gb", "for a total of 32 GB", "48gb combined"
    r"|\bso (?:that )?(?:it|i|we) (?:has|have|gets?|uses?|can use)\s+\d+\s*gb?\b|\b(?:a )?total of \d+\s*gb?\b"
    r"|\b\d+\s*gb?\s+(?:combined|together|in total|total)\b"
    # the job put on every card: "train it on all 4 of my GPUs", "across all my cards", "spread it across my 2 x 3060"
    r"|\b(?:on|across|over)\s+all\s+(?:\w+\s+){0,3}?(?:gpus|cards|gpu'?s)\b"
    r"|\b(?:spread|split|distribut\w*|run\w*)\b[^.?!]{0,30}\b(?:across|over|between)\s+(?:my|our|the)\s+"
    r"(?:\d+|two|three|four)\s*(?:x\s*)?(?:\w+\s+)?(?:gpus|cards|\d{4}s?)\b"
)
# "double my tokens per second", "twice as fast", "faster with two", "double throughput"
_SPEED = re.compile(
    r"\bdoubl\w* (?:the |my |our )?(?:speed|throughput|tokens|t/s|tok/s|performance|generation|inference)"
    r"|\btwice as fast\b|\b2x (?:faster|speed|the speed)\b|\bfaster\b|\bspeed ?up\b|\bdouble (?:it|that)\b"
)
_ALONE = re.compile(
    r"\balone\b|\bonly (?:the|one|my)\b|\bjust (?:the|one|my)\b|\bon its own\b|\bsingle (?:gpu|card)\b"
)
_NVLINK = re.compile(r"\bnvlink\b|\bsli\b")
# NVLink asked about ("do I need NVLink?", "without nvlink?", "with nvlink and 48G of pooled memory"), not only said
_NVLINK_ASKED = re.compile(
    r"\bneed\w*\s+(?:an?\s+|the\s+)?(?:nvlink|sli)\b|\b(?:nvlink|sli)\s+(?:is\s+|be\s+)?(?:required|necessary|needed)\b"
    r"|\bwithout\s+(?:an?\s+)?(?:nvlink|sli)\b[^.]*\?|\b(?:does|do|will|would|is|can|could)\b[^?.]{0,80}\b(?:nvlink|sli)\b[^.]*\?"
    r"|\b(?:nvlink|sli)\b[^.?]{0,40}\bpool\w*"
)
_IDENTICAL = re.compile(
    r"\bidentical\b|\bsame (?:model|kind|type|card|gpu)s?\b|\bmatch(?:ing|ed)? (?:cards|gpus)\b"
    r"|\bdifferent (?:cards|gpus|models|generations|vram|memory(?: sizes?)?|amounts? of (?:vram|memory))\b|\bmix(?:ed|ing)? (?:cards|gpus|generations)\b"
)
_BATCH = re.compile(r"\bbatch\b")
# the cards used together, not two cards compared ("are the A100 40GB and 80GB identical?")
_MULTI_USE = re.compile(
    r"tensor|parallel|\bsplit|together|\bboth\b|\bpair\b|multi|\bdual\b|\bmix\w*|\bcombin\w*"
    r"|\b(?:on|across|over|with|use|using)\s+(?:two|2|three|3|four|4|several|multiple)\s+(?:\w+\s+)?(?:gpus|cards)\b"
    r"|\bsame (?:machine|box|pc|rig|system|server|node)\b|\bin one (?:machine|box|pc|rig|system|server|node)\b"
)

# ---------------------------------------------------------------------------------------------------------------
# the tool that runs them

_TP_ENGINE = re.compile(
    r"\bvllm\b|\bsglang\b|\btgi\b|text[- ]generation[- ]inference|\btensorrt|\baphrodite\b|\blmdeploy\b"
    r"|tensor[- _]parallel"
)
_LAYER_TOOL = re.compile(
    r"llama\.?cpp|\bollama\b|lm ?studio|koboldcpp|\bgguf\b|text[- ]generation[- ]webui|oobabooga|exllama"
    r"|\bfastchat\b|device_map|\bdevice[- ]map\b|\bmax_memory\b"
)
_SHARDING = re.compile(r"\bfsdp\b|zero[-_ ]?(?:stage[-_ ]?)?3\b|\bzero-?infinity\b")
_PIPELINE = re.compile(r"pipeline[_ -]?(?:stages|parallel)")
_IMAGE_UI = re.compile(r"automatic ?1111|\ba1111\b|\bcomfy\w*|\bforge\b|\binvoke ?ai\b|\bfooocus\b")
_TRAINERS = (
    ("kohya", re.compile(r"\bkohya|sd-scripts")),
    ("ai-toolkit", re.compile(r"ai-toolkit|\bostris\b")),
    ("OneTrainer", re.compile(r"onetrainer")),
    ("diffusion-pipe", re.compile(r"diffusion-pipe")),
    ("Ultralytics YOLO", re.compile(r"\byolo\w*|ultralytics")),
    ("torchrun", re.compile(r"\btorchrun\b")),
    ("accelerate", re.compile(r"\baccelerate\b")),
    ("the Hugging Face Trainer", re.compile(r"\btrainer\b")),
)
_DDP = (
    "plain data parallelism (DDP: what torchrun, `accelerate launch`, the Hugging Face Trainer and most training "
    "scripts do with several GPUs)"
)


def _several(facts: Facts) -> bool:
    """The user's setup has two or more GPUs (or is about to: "a second card")."""
    details = facts.understanding.details
    if (details.gpu_count or 1) >= 2 and not details.counts_weighed:
        return True
    if len(details.gpus) >= 2 and not details.cards_weighed and not details.setups:
        return True
    return details.several_cards


def _cards(facts: Facts) -> list:
    """The user's cards, one entry per card, when the catalog names them: two of a kind, or a mixed pair."""
    details = facts.understanding.details
    by_name = {g.name: g for g in facts.gpus}
    named = [by_name[n] for n in details.gpus if n in by_name]
    if not named:
        return []
    if len(named) >= 2 and not details.cards_weighed and not details.setups:
        if details.gpu_count is None or details.gpu_count <= len(named):
            return named
        return []
    count = details.gpu_count or (2 if details.adds_card else 1)
    return [named[0]] * count if count >= 2 else []


def _tool(facts: Facts) -> str:
    """'tp' (a tensor-parallel serving engine), 'layer' (a layer split: llama.cpp, Ollama, device_map), 'image'
    (image generation), 'train' (a training run with no sharding named), 'shard' (FSDP / ZeRO-3 named) or ''."""
    question = facts.understanding.question.lower()
    details = facts.understanding.details
    task = details.task
    training = task is not None and task.is_training
    if not training and re.search(
        r"\b(?:train\w*|fine-?tun\w*|learning|lora|torchrun|ddp|reproduc\w*)\b|\baccelerate (?:launch|config)\b|\bwith accelerate\b",
        question,
    ):
        training = facts.understanding.intent in (Intent.NON_LLM, Intent.EXPLAIN)
    if training:
        return "shard" if _SHARDING.search(question) else "train"
    if _TP_ENGINE.search(question):
        return "tp"
    if _LAYER_TOOL.search(question):
        return "layer"
    # a non-LLM model, on record or estimated from the research releases ("[SomeRepo] two 1080 Ti, can it use both?")
    if (
        facts.understanding.intent is Intent.NON_LLM
        or facts.kind_estimate is not None
        or _IMAGE_UI.search(question)
    ):
        return "image"
    if details.model or details.params:  # a language model with no tool named
        return "layer" if details.local else "tp"
    if names_project(facts.understanding.question) and not LLM_SAID.search(question):
        # a repository named with no model of either kind ("[SomeRepo] can it use my two 1080 Ti?"): one program
        # on one GPU, like the image, video and speech tools, unless its code splits the model
        return "image"
    return ""


def _trainer(question: str) -> str:
    return next((name for name, pattern in _TRAINERS if pattern.search(question)), "")


def _pair(cards: list) -> str:
    if not cards:
        return "your GPUs"
    if len({g.name for g in cards}) == 1:
        return f"{len(cards)} x {cards[0].name}"
    return " + ".join(g.name for g in cards)


# ---------------------------------------------------------------------------------------------------------------
# the leads


def _training_lead(facts: Facts, cards: list) -> str | None:
    question = facts.understanding.question.lower()
    trainer = _trainer(question)
    each = f"{cards[0].memory_gb:.0f} GB" if cards and len({g.memory_gb for g in cards}) == 1 else ""
    if trainer and trainer not in ("torchrun", "accelerate", "the Hugging Face Trainer"):
        who = f"{trainer} trains on several GPUs as plain data parallelism (DDP)"
    else:
        who = f"multi-GPU training is {_DDP}"
    copy = (
        f"{who}: every GPU holds a whole copy of the model, its gradients and optimizer states, so the "
        f"memory of the cards does not add up{f' (each run still has {each} to work in)' if each else ''}"
    )
    speed = "; the extra card adds speed — each GPU trains on its own share of the batch, so a step covers twice the samples"
    if trainer == "diffusion-pipe" or _PIPELINE.search(question):
        return (
            "**No, not the same as one card with the memory of both** — with `pipeline_stages` above 1 diffusion-pipe "
            "splits the model's weights across the GPUs, but every GPU still holds its own activations (large for "
            "video) and buffers for passing them between cards; with one stage it is plain data parallelism, a "
            "whole copy per GPU. One card with the memory of both is always the better pool."
        )
    if _BATCH.search(question) and not _POOL.search(question):
        return (
            f"**Yes, for the batch** — {copy}{speed}: with two cards the total batch per step doubles at the same "
            "memory per GPU. The model itself does not get more room."
        )
    big_model_way = (
        " For a large language model, sharding with FSDP or DeepSpeed ZeRO-3 (or a layer split with "
        '`device_map="auto"`) is what spreads the model itself over the cards.'
        if facts.understanding.intent is not Intent.NON_LLM and not _trainer_is_image(trainer)
        else " The memory levers of one card (gradient checkpointing, a smaller batch, 8-bit optimizers, caching "
        "latents) or a card with more memory are what make a run that does not fit a single GPU fit."
    )
    return f"**No** — {copy}{speed}.{big_model_way}"


# "can I fine-tune X on 4090? ... on 4*4090 it still OOMs", "if I increase the number of 24 GB GPUs will the code
# run?": whether the run works (or more cards of that size make it work) is asked, not why it failed
_MORE_CARDS_ASKED = re.compile(
    r"\b(?:increase|raise|more|add(?:ing)?|extra|additional)\b[^.?!]{0,40}?\b(?:gpus?|cards?|number of|[a-z]{0,2}\d{1,4}(?:\s?ti)?s)\b"
    r"[^.?!]{0,60}\?"
)
_WHY_ASKED = re.compile(r"\bwhy\b|\bhow (?:come|can|do|should|to)\b|\bwhat (?:should|can|do)\b")


def _asks_if_it_can_run(facts: Facts) -> bool:
    """Whether a multi-GPU run that ran out of memory comes with a yes/no on whether it can work at all, or on
    whether more cards of the same size would make it work — rather than asking why, or what to change."""
    question = facts.understanding.question.lower()
    if _WHY_ASKED.search(question):
        return False
    return facts.understanding.details.yes_no or bool(_MORE_CARDS_ASKED.search(question))


def _ddp_oom_lead(facts: Facts, cards: list) -> str:
    how = (
        "under plain data parallelism every GPU runs the same script with a whole copy of the model and the same "
        "per-GPU batch, so each card needs at least what the single-GPU run needed, plus a little more: DDP's "
        "gradient buckets and each process's CUDA context (often extra on GPU 0, where anything loaded before the "
        "launch lands)"
    )
    if _asks_if_it_can_run(facts):
        same = (
            f"{cards[0].memory_gb:.0f} GB cards"
            if cards and len({g.memory_gb for g in cards}) == 1
            else "cards of the same size"
        )
        return (
            f"**No, not as it runs now** — more {same} do not help: {how}. What can make it "
            "fit: a smaller per-GPU batch (keep the total with gradient accumulation), sharding the model with FSDP "
            "or DeepSpeed ZeRO-3 (with CPU offload if the shards are still too large), or cards with more memory "
            "each."
        )
    return (
        f"**Expected** — {how}. Lower the per-GPU batch (keep the total with gradient accumulation), or shard the "
        "model with FSDP or DeepSpeed ZeRO-3."
    )


def _trainer_is_image(trainer: str) -> bool:
    return trainer in ("kohya", "ai-toolkit", "OneTrainer", "diffusion-pipe")


def _shard_lead(facts: Facts, cards: list) -> str | None:
    if facts.plan is not None:  # the sized answer says whether the sharded run fits
        return None
    return (
        f"**Yes** — FSDP and DeepSpeed ZeRO-3 shard the weights, gradients and optimizer states across "
        f"{_pair(cards)}, so for those the memory adds up; each GPU still holds its own activations."
    )


_IMAGE_WORDS = re.compile(
    r"\bimages?\b|\bstable ?diffusion\b|\bsd ?(?:1\.5|xl|3)|\bsdxl\b|\bflux\b|comfy|automatic ?1111|\ba1111\b|diffus"
)


def _image_lead(facts: Facts, cards: list) -> str:
    if not _IMAGE_WORDS.search(facts.understanding.question.lower()):
        return (
            "**No** — a model like this runs in one process on one GPU, so the memory of two cards does not add up "
            "into one; a second card can run a second job in parallel, or hold parts of the pipeline where the code "
            'places them on another device (diffusers `device_map="balanced"` for pipelines).'
        )
    return (
        "**No** — image generation (AUTOMATIC1111, ComfyUI, a diffusers pipeline) runs one image's model on one GPU; "
        "the memory of two cards does not add up into one. What a second card can do: hold whole components — the "
        'text encoders or the VAE — beside the model on the first (diffusers `device_map="balanced"`, the '
        "ComfyUI-MultiGPU nodes), or generate a second image in parallel."
    )


_LAYER_POOLS = "so their memory adds up for holding a bigger model; unequal cards are fine."


def _layer_lead(facts: Facts, cards: list) -> str:
    question = facts.understanding.question.lower()
    tool = "ExLlamaV2" if "exllama" in question else "Ollama" if "ollama" in question else ""
    how = (
        "ExLlamaV2 splits the layers across the cards (`gpu_split`, or `autosplit`)"
        if tool == "ExLlamaV2"
        else 'Transformers / Accelerate `device_map="auto"` places layers on each card (`max_memory` per GPU)'
        if re.search(r"device_map|device[- ]map|max_memory|transformers|accelerate", question)
        else "llama.cpp (Ollama, LM Studio) splits the layers across the cards in proportion to their memory "
        "(`--tensor-split`; Ollama only when the model does not fit on one)"
    )
    return f"**Yes** — {how}, {_LAYER_POOLS}"


def _tp_lead(facts: Facts, cards: list) -> str:
    small = min(cards, key=lambda g: g.memory_gb) if cards else None
    mixed = bool(cards) and len({g.memory_gb for g in cards}) > 1
    if mixed and small is not None:
        shares = small.memory_gb * len(cards)
        return (
            f"**Only with pipeline parallelism** — tensor parallelism (`--tensor-parallel-size {len(cards)}`) gives "
            f"every GPU an equal share, so the {small.name}'s {small.memory_gb:.0f} GB limits each share: "
            f"{len(cards)} shares hold {shares:.0f} GB, not the sum. vLLM's pipeline parallelism "
            f"(`--pipeline-parallel-size {len(cards)}` with `VLLM_PP_LAYER_PARTITION` to put more layers on the "
            "larger card) or llama.cpp's `--tensor-split` use each card's own memory."
        )
    return (
        "**Yes** — tensor parallelism splits every layer evenly across the GPUs, so their memory adds up (less a "
        "copy of the activations and CUDA graphs on each)."
    )


def _speed_lead(facts: Facts, cards: list, tool: str) -> str | None:
    question = facts.understanding.question.lower()
    if tool == "train":
        return None  # the training lead says a second card adds speed
    bigger = max(cards, key=lambda g: g.memory_gb) if cards else None
    if _ALONE.search(question) and bigger is not None:
        return (
            f"**Yes, if the model fits on the {bigger.name} alone** — split over two cards, every token passes "
            "through both one after the other and crosses PCIe between them, and the slower card runs its share "
            "at its own speed; Ollama keeps a model on one GPU when it fits (`CUDA_VISIBLE_DEVICES` picks it)."
        )
    if tool == "tp":
        return (
            "**No, not double** — for a model that fits on one GPU, tensor parallelism adds all-reduce traffic "
            "between the cards on every layer; two replicas (`--data-parallel-size 2`, or two servers behind a "
            "load balancer) serve about twice the requests instead. Tensor parallelism pays off when the model "
            "or its KV cache does not fit one card."
        )
    if tool in ("layer", ""):
        return (
            "**No** — a second card does not double the speed of one chat: llama.cpp / Ollama split the layers, "
            "and each token passes through the cards one after the other, so one stream runs no faster than on one "
            "card holding the whole model. What the second card adds is memory (a bigger model or a longer context) "
            "or room to serve other requests at the same time."
        )
    return None


def _nvlink_lead(facts: Facts, cards: list, tool: str) -> str:
    question = facts.understanding.question.lower()
    pooled = bool(_POOL.search(question))
    if "exllama" in question:
        return (
            "**No** — ExLlamaV2's tensor parallelism does not use NVLink; it runs over PCIe, and so does its layer "
            "split (`gpu_split`)."
        )
    if pooled and tool != "layer":
        return (
            "**No** — NVLink does not merge two cards into one memory: each keeps its own, and software must split "
            "the model across them (tensor or pipeline parallelism, a layer split, FSDP / ZeRO-3). A program "
            "written for one GPU still sees one card's memory."
        )
    return (
        "**No**, NVLink is not needed — multi-GPU inference and training run over PCIe; NVLink only speeds the "
        "traffic between the cards (tensor parallelism's all-reduce, the gradient sync of data parallelism), and it "
        "does not merge their memory."
    )


def _identical_lead(facts: Facts, cards: list, tool: str) -> str:
    if tool == "tp":
        equal = bool(cards) and len({g.memory_gb for g in cards}) == 1
        tail = (
            f" Both have {cards[0].memory_gb:.0f} GB, so each share gets the full card."
            if equal and len({g.name for g in cards}) > 1
            else ""
        )
        return (
            "**No**, they need not be identical — but tensor parallelism gives every GPU an equal share, so the "
            f"card with the least memory sets each share and the slower card sets the pace.{tail}"
        )
    if tool in ("train", "shard"):
        return (
            "**No**, they need not be identical — but under data parallelism every step waits for the slower card, "
            "and the card with less memory limits the batch each GPU can take."
        )
    if tool == "layer":
        return (
            '**No**, they need not be identical — llama.cpp / Ollama and `device_map="auto"` split the layers by '
            "each card's memory, so unequal cards are fine; the slower card runs its share at its own speed."
        )
    return (
        "Cards of different memory are used in full only by a split that follows each card's memory: llama.cpp's "
        '`--tensor-split` (Ollama does it by itself), Transformers `device_map="auto"` with `max_memory` per GPU, '
        "or vLLM's pipeline parallelism (`--pipeline-parallel-size`, with `VLLM_PP_LAYER_PARTITION` giving the "
        "larger card more layers). Tensor parallelism (vLLM, SGLang, TGI) gives every GPU an equal share, so the "
        "card with the least free memory limits every share."
    )


def _asks_speed(question: str) -> bool:
    """Whether a sentence that asks something ("will it double my tokens/s?", "faster on one card alone?") is about
    speed; "I split it for faster serving. Why 27GB per GPU?" asks about memory."""
    asked = [part for part in re.split(r"(?<=[.!?])\s+", question) if part.rstrip().endswith("?")]
    return any(_SPEED.search(part) for part in asked)


def _memory_pair_lead(facts: Facts) -> str | None:
    """Two cards told by their memory, for a layer split (llama.cpp, Ollama, ``device_map="auto"``): the verdict
    is against the memory they hold together (the answer below it was judged on one card's)."""
    pair = facts.understanding.details.card_memories
    work = facts.workload
    if not pair or facts.plan is None or work is None or work.task is not Task.INFERENCE:
        return None
    question = facts.understanding.question.lower()
    if _TP_ENGINE.search(question) or facts.understanding.details.gpus:
        return None
    total, together = facts.estimate.total_gb, sum(pair)
    how = (
        'Transformers / Accelerate `device_map="auto"` places layers on each card by its free memory (`max_memory` '
        "per GPU sets the shares)"
        if re.search(r"device_map|device[- ]map|max_memory|transformers|accelerate", question)
        else f"llama.cpp (Ollama, LM Studio) splits the layers in proportion to each card's memory (`--tensor-split "
        f"{pair[0]:.0f},{pair[1]:.0f}`)"
    )
    sums = f"{together:.0f} GB ({pair[0]:.0f} + {pair[1]:.0f})"
    what = f"{facts.understanding.details.model or 'the model'} in {work.precision}"
    if total <= together:
        return (
            f"**Yes** — {what} needs about {gb(total)}, within the {sums} the two cards hold together: {how}."
        )
    return f"**No** — it needs about {gb(total)}, more than the {sums} the two cards hold together, even though {how}."


_ANY_VERDICT = re.compile(r"^\W*(?:yes|no|only|not without)\b", re.IGNORECASE)
_OPEN_QUESTION = re.compile(r"^\W*(?:how|what|explain|describe|tell me)\b")


def _lead(facts: Facts) -> str | None:
    question = facts.understanding.question.lower()
    if facts.understanding.intent is Intent.MY_HARDWARE and not facts.understanding.details.yes_no:
        return None  # "what can I run on two H100s?": the list of what runs answers it, no verdict is asked
    if not _several(facts) or (_OPEN_QUESTION.search(question) and not reports_oom(question)):
        return None  # "how is a model spread across cards?" asks for the mechanism, not a verdict
    if one_card_owned(question) == "":
        # "the authors used 4 V100s; can I train it on my one GPU?": the other cards are not theirs (one named after
        # "I only have" is read as their card in understanding, which leaves no several cards here)
        return None
    cards = _cards(facts)
    tool = _tool(facts)
    if tool == "layer" and (paired := _memory_pair_lead(facts)):
        return paired
    if _NVLINK_ASKED.search(question) and ("exllama" in question or _POOL.search(question)):
        return _nvlink_lead(facts, cards, tool)  # other NVLink questions have the catalog's link answer
    if _IDENTICAL.search(question) and _MULTI_USE.search(question):
        return _identical_lead(facts, cards, tool)
    pool = bool(_POOL.search(question))
    if (
        tool == "train"
        and reports_oom(question)
        and facts.plan is None
        and not pool
        and not facts.understanding.details.adds_card
    ):
        return _ddp_oom_lead(facts, cards)
    if tool == "train" and (pool or _BATCH.search(question) or facts.understanding.details.adds_card):
        if facts.plan is not None and facts.understanding.intent is not Intent.NON_LLM:
            return None  # an LLM run the planner sized: its verdict says per GPU vs sharded already
        return _training_lead(facts, cards)
    if tool == "shard" and pool:
        return _shard_lead(facts, cards)
    if _asks_speed(question) and (
        facts.understanding.details.adds_card or _ALONE.search(question) or "tensor" in question
    ):
        return _speed_lead(facts, cards, tool)
    if not pool:
        return None
    if tool == "image":
        return _image_lead(facts, cards)
    if tool == "layer" and facts.plan is None:
        return _layer_lead(facts, cards)
    if tool == "tp" and facts.plan is None:
        return _tp_lead(facts, cards)
    return None


_OPENING_VERDICT = re.compile(r"^\*\*(?:Yes|No)\*\*(?:,\s*(?:but\s+)?|\s*[—:-]\s*|\s+)(?=\S)")


def pooling_lead(draft: str, facts: Facts) -> str:
    """``draft`` led by whether the user's several GPUs add up for the tool they use, when the question asks it
    (memory pooled, a second card's speed, NVLink, identical cards); unchanged otherwise. A verdict the draft
    opened with (on one card's figures) gives way to this one."""
    lead = _lead(facts)
    question = facts.understanding.question.lower()
    if lead is not None and facts.understanding.details.yes_no:
        from .._verdict import expected_failure_verdict  # the verdict module imports the composers' helpers

        lead = (
            expected_failure_verdict(lead, facts.understanding.question) or lead
        )  # "Expected" in the sense asked
    if (
        lead is None
        and _NVLINK.search(question)
        and _several(facts)
        and "nvlink" not in split_details(draft)[0].lower()
    ):
        # NVLink said beside the question ("the 4090 has no nvlink"), not asked: the verdict stays, the note follows
        text, details = split_details(draft)
        first, sep, others = text.partition("\n\n")
        note = (
            "NVLink is not needed: splitting a model or a training run over several GPUs works over PCIe; NVLink "
            "only speeds the traffic between the cards."
        )
        return with_details(f"{first}\n\n{note}{sep}{others}", details)
    if lead is None:
        return draft
    text, details = split_details(draft)
    if (
        facts.understanding.intent is Intent.EXPLAIN
        and lead.endswith(_LAYER_POOLS)  # the plain "does it use both cards?" the guide answers itself
        and _ANY_VERDICT.match(text)
        and "exllama" not in question
    ):
        return draft  # the guide's own answer to this question already leads with its verdict
    if facts.plan is None and facts.understanding.intent is Intent.EXPLAIN:
        return with_details(lead, details)  # a guide passage quoted for the question: the lead answers it
    if facts.understanding.details.card_memories and " the two cards hold together" in lead.split(":")[0]:
        text = text.partition("\n\n")[
            2
        ]  # the sized lead was judged on one card's memory: this one replaces it
    rest = _OPENING_VERDICT.sub("", text, count=1)
    if rest != text and rest:
        rest = (
            rest[0].upper() + rest[1:]
        )  # its verdict was on the figures of one setup: the lead's is the answer
    body = f"{lead}\n\n{rest}" if rest.strip() else lead
    return with_details(body, details)
