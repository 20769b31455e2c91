"""What a question asks for: its intent and details, with follow-ups filled from earlier turns (pure).

Rules, not a model: the patterns below read the things people say about GPU workloads ("fine-tune a
7B model with QLoRA", "serve Llama 3 70B to 20 users at 8k context", "under $2/hour", "which one is
cheaper?"). Names of GPUs and models come from the catalog and the model specs, so a new row in
``corpus/`` is understood without touching this file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

from .._text import article
from ..knowledge._catalog import Catalog
from ..knowledge._models import ModelSpecs
from ..knowledge._names import compact
from ..knowledge._software import cuda_floor, load_software
from ..knowledge._workloads import kind_in_text, load_workloads
from ..planning import WorkloadRequest
from ..sizing import Task, finetune_tool_in, load_assumptions, load_finetune_tools, without_tool_names
from ._auxiliaries import AUXILIARIES, MODALS
from ._cjk import plain_cjk
from ._cluster_time import cluster_gpus, reference_wall_hours, stated_gpu_hours, stated_wall_hours
from ._draft import read_draft
from ._engines import (
    PAGE_BEFORE as _PAGE_BEFORE,
)
from ._engines import (
    asks_engine_feature,
    asks_engine_memory,
    asks_engine_speed,
    engine_choice,
    engine_memory_seen,
    engines_named,
    kv_cache_error,
    ollama_parallel,
    startup_oom,
    usage_figures,
)
from ._example_length import example_length
from ._guards import check_counts
from ._images import read_images
from ._injection import without_injections
from ._instances import find_instances, spell_instances
from ._local import (
    asks_what_runs,
    asks_which_model,
    card_ram_gb,
    names_non_llm_workload,
    purchase_budget,
    speaks_of_renting,
    with_local,
)
from ._market import SPOT_WORDS, asks_market, read_market, read_providers
from ._nodes import spell_nodes
from ._number_words import TENS, UNITS
from ._observed import allocator_readings, holds_after_request
from ._premises import (
    FormatPremise,
    Premise,
    SpecPremise,
    VariantPremise,
    form_variants_asked,
    memory_variants_asked,
    read_format_premises,
    read_premises,
    read_price_premises,
    read_spec_premises,
    read_stated_rates,
)
from ._quantizing import QUANTIZING_NEEDED
from ._requirement import quoted_requirement_gb
from ._script import runs_a_script
from ._several_cards import adds_card, card_memories, one_card_owned, several_cards
from ._software import asks_support, card_stack, host_named, stack_named
from ._spelling import plain_spelling
from ._thousands import joined_thousands
from ._units import plain_units
from ._volume import peak_requests_per_s, peak_users
from ._weights_job import job_ram_gb, read_weights_job

__all__ = ["Details", "Intent", "Understanding", "plain_question", "understand"]


class Intent(StrEnum):
    """What the person wants from the answer."""

    RECOMMEND = "recommend"
    SIZE = "size"
    SPEC = "spec"
    COMPARE = "compare"
    PRICE = "price"
    EXPLAIN = "explain"
    GREETING = "greeting"
    OUT_OF_SCOPE = "out_of_scope"
    # image generation, speech, embeddings, vision training: sourced figures, no LLM arithmetic
    NON_LLM = "non_llm"
    # "what can my laptop 4060 run?": models, quants, context, speed and fine-tuning on owned hardware
    MY_HARDWARE = "my_hardware"


@dataclass(frozen=True)
class Details(WorkloadRequest):
    """The workload and constraints named in a question (None where not said), and a model name it
    used that the specs do not know."""

    unknown_model: str | None = None
    # how the question says its GPUs share a training run: "split" (FSDP, ZeRO-3, DeepSpeed, sharding,
    # device_map="auto", model / pipeline / tensor parallelism), "copy" (DDP, data parallel, ZeRO-1/2), or None
    multi_gpu: str | None = None
    full_shard_named: bool = False  # FSDP or ZeRO stage 3 named: the weights are split too
    method_unstated: bool = False  # a fine-tune without full / LoRA / QLoRA said: the answer covers all three
    # "lora or qlora, which is better?": the fine-tuning methods set against each other ('full', 'lora', 'qlora'),
    # each sized, the answer picking among them
    methods_weighed: tuple[str, ...] = ()
    stated_memory_gb: float | None = (
        None  # "my 8 GB card", "with 45G of GPU memory": the user's memory per GPU
    )
    ram_gb: float | None = None  # system RAM stated ("16GB of RAM", a Raspberry Pi 4GB): stated_memory_gb is
    # what is left of it after the operating system, for a model run on the CPU
    yes_no: bool = False  # the question asks whether something works ("can I…", "is 24 GB enough…")
    wants_cost: bool = False  # the question asks what it costs ("how much would it cost", "$ per month")
    wants_time: bool = False  # the question asks how long it takes
    wants_capacity: bool = False  # the question asks how many users or requests a setup serves
    format_asked: bool = False  # "what quant should I use?": which weight format to pick is the answer
    tools_named: tuple[
        str, ...
    ] = ()  # the tools (and features) named, "vLLM" / "vLLM|AWQ": follow-ups keep them
    instance: str | None = None  # the instance type the user named ("g5.4xlarge"), read as their GPUs
    compared_models: tuple[str, ...] = ()  # models named after the first ("why does A need more than B?")
    deadline_hours: float | None = (
        None  # "train it in a week", "within 3 days": the time a training job may take
    )
    owns_gpus: bool = False  # the GPUs named are the user's own ("I have two 3090s"): later turns keep them
    # two or more GPUs set against each other ("faster on a 4090 than on a 3090", "upgrading from a 3090 to a
    # 4090", "replace my 3060 with a 4060 Ti"): alternatives, never the cards of one machine
    cards_weighed: bool = False
    # "and an L4?" after "Llama 3 8B on an A10G": the card(s) of the turn before, now set aside, so "which is
    # cheaper?" next weighs both
    earlier_gpus: tuple[str, ...] = ()
    per_period: str | None = None  # "1000 users per day": a volume over time, as said, not how many at once
    # the earlier question that named a non-LLM workload ("SDXL on an 8 GB card?"), for a follow-up naming none
    non_llm_context: str | None = None
    # "one A6000 or two 3090s": each named GPU with its own count, when the counts differ
    setups: tuple[tuple[str, int], ...] = ()
    # "will 8 GPUs serve more requests than 2?", "going from 2 to 4 L40S": other counts of the same GPU set against
    # ``gpu_count`` (the same model on fewer or more cards), so the answer weighs each count
    counts_weighed: tuple[int, ...] = ()
    # "how is the KV cache per token calculated?", "where does ~1 MB of memory per token come from?": the KV-cache
    # arithmetic itself (layers x KV heads x head size x bytes), not a GPU to buy
    wants_kv_math: bool = False
    # speculative decoding's draft model ("Llama 3.2 1B as the draft", "a 0.5B draft"): held beside the served model
    # on every GPU, its weights and its own KV cache (numbers cached per token) are extra memory
    # "prefix caching", "every request shares a 2000-token system prompt": the shared prefix's length in tokens
    # (0 when prefix caching is asked about with no length given; None when it is not asked about)
    shared_prefix_tokens: int | None = None
    draft_model: str | None = None
    draft_params: float | None = None
    draft_kv_values: int | None = None
    # "it uses 14 GB", "~12 GB used per GPU": the memory the user sees their run take, to set against the estimate
    observed_gb: float | None = None
    # "and on an H100?" after "how many tokens/s on an A10G?": the earlier question whose shape (tokens/s, $ per
    # million tokens) a follow-up that only changes a detail keeps; None when the question has a shape of its own
    asked_as: str | None = None
    wants_reason: bool = False  # "why?", "how come?" after an answer: the same answer, with its working shown
    weights_gb: float | None = (
        None  # "the model requires 70GB": a model known only by its 16-bit weights' size
    )
    file_gb: float | None = None  # "the download is only 4GB", "a 4.9GB gguf": the size of the model's files
    any_mac: bool = False  # "would it work on a Mac?": chip and memory unsaid, so every Mac is weighed
    mac_said: bool = False  # "a 128GB Mac Studio": a Mac whose chip is unsaid, its memory in stated_memory_gb
    # "my GTX 1650", "an RX 6700 XT": a graphics card the catalog does not list, as written ("GTX 1650"); the
    # answer says so and goes by the memory the user gives
    unlisted_gpu: str | None = None
    formats_listed: bool = False  # "at 4-bit, 8-bit and fp16": several weight formats asked, each one sized
    # "I get 25 t/s", "only 2 tokens/s, is that normal?": the generation speed the user sees on their own setup
    observed_tokens_per_s: float | None = None
    # "vLLM only fits 20 sequences at once", vLLM's log "Maximum concurrency for 8192 tokens per request: 4.53x": the
    # sequences the serving engine runs together on the user's setup, to be explained (not a batch to size)
    observed_sequences: float | None = None
    # "vs gpt-4o-mini at $0.60 per million output tokens": an API's price per million tokens, to set the
    # self-hosted cost per million tokens against (never a budget per GPU-hour)
    api_price_per_million: float | None = None
    # "llama 8b should do like 100 tok/s on it, right?": a speed the user expects, checked against the estimate
    expected_tokens_per_s: float | None = None
    wants_first_token: bool = False  # "time to first token for a 32k prompt?", "TTFT", "prefill latency"
    # "serve 10 LoRA adapters on one base model", "multi-LoRA": how many adapters ride on the served model (0: none)
    lora_adapters: int = 0
    # "64GB of RAM and a 4090": the system RAM beside the card, where llama.cpp keeps the layers that do not fit
    host_ram_gb: float | None = None
    # "with 2k I want to build a box", "$1500 budget for a card": what the user can spend on hardware to buy
    purchase_budget_usd: float | None = None
    # "what card should I get for running models at home?": a card to buy for local LLMs, no budget, model or card
    # said — answered with the cards by purchase price and what each runs
    card_to_buy: bool = False
    # "16gb or 24gb gpu for local llms?", "64 or 128gb mac?": two memory sizes weighed for running models at home
    memories_weighed: tuple[float, ...] = ()
    # "what's the minimum GPU for it?", "min vram?", "smallest card that runs it": the least hardware per format or
    # method, not the best value
    minimum_asked: bool = False
    # the user's machine told as several cards: counted or not ("both cards", "multiple GPUs", "24gb + 12gb"), one
    # more card weighed ("a second 3090", "adding another GPU") and two cards told by their memory alone, in GB
    several_cards: bool = False
    adds_card: bool = False
    # "the biggest qwen2.5 I can run on a 4090": the models of that family (as said: "llama 3.1" is not Llama 3.2),
    # smallest first, that the answer walks; the largest that fits leads
    family_ladder: tuple[str, ...] = ()
    # "the best model for coding on my 4090" (no model named): the use the models walked are chosen for ("coding",
    # whose ladder is the assumption owned_hardware_coding_ladder), else None
    model_use: str | None = None
    card_memories: tuple[float, ...] = ()
    # "a CPU with no GPU, or an RTX 3060?": the card weighed against running from system RAM
    cpu_weighed: bool = False
    # compute and clusters told in figures: "1.3M GPU hours" (stated_gpu_hours), "on 24K GPUs" (cluster_gpus, a
    # cluster of any size), "53 hours", "for 3 days" (stated_wall_hours): GPU-hours over GPUs give the wall clock
    stated_gpu_hours: float | None = None
    cluster_gpus: int | None = None
    # a dataset counted in examples whose length was not said ("on 50k samples", "3 epochs"): the tokens are
    # then the examples x an assumed length, which the answer states
    examples: float | None = None
    epochs: float | None = None
    # a training dataset told by its file size ("my 2GB jsonl dataset"), in bytes: tokens are then estimated
    dataset_bytes: float | None = None
    stated_wall_hours: float | None = None
    # "does vLLM support the V100?": the tools asked about ("vLLM", or "vLLM|AWQ" for a feature of it) and the
    # platform named when no GPU is ("apple silicon" -> "Metal")
    software: tuple[str, ...] = ()
    stack_asked: str | None = None
    # "13 hours, but the paper said 3 hours": the time reported or expected for the same work, to set against it
    reference_wall_hours: float | None = None
    # "under $2/hour", "$500 a month": the budget as said — its amount and period ("hour", "day", "week", "month",
    # "year") — for the answer to set the bill against in the user's own terms (``budget_per_hour`` is its rate)
    budget_said: tuple[float, str] | None = None
    # "serve it to 200 users", "for our 50 employees": a head count with nothing saying they all send at once
    # (no "concurrent", "simultaneous", "at once", no batch or --max-num-seqs) — ``batch`` holds the count, which is
    # then an upper bound on the sequences in flight, not what a server must hold at the same time
    users_unqualified: bool = False
    # throughput targets for a whole deployment: "5k tokens/s total", "an aggregate throughput of 20,000 tok/s"
    # (generated tokens per second over all users) and "100 requests per second", "50 rps" (requests answered per
    # second) — how many GPUs it takes, not the speed one user sees
    target_tokens_per_s: float | None = None
    target_requests_per_s: float | None = None
    # "how many requests per second can one H100 handle?": the request rate a setup sustains is asked, by the unit
    # said ('second', 'minute'); with the reply length said ("500 token outputs"), else the average ShareGPT reply
    rate_asked_per: str | None = None
    output_tokens: int | None = None
    # work on the model's files, not with the model: 'convert' (to GGUF, MLX, HF), 'quantize' or 'merge' (a LoRA
    # into its base), asked about or reported failing; these read the full-precision weights (None: not asked)
    weights_job: str | None = None
    job_ram_gb: float | None = None  # the system RAM said beside such a job ("RAM: 20G", "16 GBs of memory")
    # "bash train.sh", "the official fine-tuning script": a repository's own training script is run, with its
    # defaults (a full fine-tune unless its name or flags say LoRA), not a method of the user's own
    runs_script: bool = False

    @property
    def has_workload(self) -> bool:
        """True when a model or a parameter count is known."""
        return self.model is not None or self.params is not None

    def merged_over(self, earlier: Details, *, keep_gpus: bool) -> Details:
        """These details, with anything left unsaid taken from ``earlier``."""
        values = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(earlier, f.name)
            values[f.name] = theirs if mine in (None, (), False) else mine
        if self.has_workload or self.unknown_model:  # a new model or size replaces the old one entirely
            values["model"], values["params"] = self.model, self.params
            values["model_note"] = self.model_note
        if not keep_gpus and not self.gpus:
            values["gpus"], values["gpu_count"], values["owns_gpus"] = (), self.gpu_count, False
        if self.gpus or not keep_gpus:  # the instance named goes with the GPUs it stood for
            values["instance"] = self.instance
        if (
            self.task is not None
            and earlier.task is not None
            and self.task.is_training != earlier.task.is_training
        ):
            # switching between training and inference: precision, token budgets, and context / batch (a KV
            # cache and concurrent users against a training sequence and micro-batch) do not carry over
            values["precision"], values["tokens"] = self.precision, self.tokens
            values["context"], values["batch"] = self.context, self.batch
            values["user_tokens_per_s"] = self.user_tokens_per_s
        values["cheaper"], values["faster"] = self.cheaper, self.faster
        values["minimum_asked"] = self.minimum_asked
        values["several_cards"], values["adds_card"] = self.several_cards, self.adds_card
        values["family_ladder"] = self.family_ladder
        values["card_memories"] = self.card_memories
        values["memories_weighed"] = self.memories_weighed
        values["counts_weighed"], values["wants_kv_math"] = self.counts_weighed, self.wants_kv_math
        # the shape of the answer is this question's own
        values["yes_no"], values["wants_cost"], values["wants_time"], values["wants_capacity"] = (
            self.yes_no,
            self.wants_cost,
            self.wants_time,
            self.wants_capacity,
        )
        values["format_asked"] = self.format_asked
        values["methods_weighed"] = self.methods_weighed
        values["largest_batch"] = self.largest_batch
        values["wants_first_token"] = self.wants_first_token
        values["asked_as"] = self.asked_as  # set again below when a bare follow-up keeps the earlier shape
        values["wants_reason"] = self.wants_reason
        values["any_mac"] = self.any_mac or (earlier.any_mac and not self.gpus)  # until other hardware
        values["longest_context"] = self.longest_context
        # the CPU until hardware is named: "and on a 3090?" after "on my CPU?" runs on the card
        values["cpu_only"] = self.cpu_only or (
            earlier.cpu_only and not self.gpus and not self.stated_memory_gb and not self.unlisted_gpu
        )
        # figures of this question's own
        for name in (
            "stated_gpu_hours",
            "cluster_gpus",
            "stated_wall_hours",
            "reference_wall_hours",
            "software",
            "stack_asked",
            "runs_script",
        ):
            values[name] = getattr(self, name)
        if self.task is not None:  # a newly stated task brings its own "was the method said?"
            values["method_unstated"] = self.method_unstated
        if (
            self.method_unstated
            and earlier.task in (Task.FULL, Task.LORA, Task.QLORA)
            and not earlier.method_unstated
        ):
            # "how long would fine-tuning take?" after a LoRA question: "fine-tuning" names the run already
            # discussed, whose method was said; only "full" / "LoRA" / "QLoRA" said again changes it
            values["task"], values["method_unstated"] = earlier.task, False
        return Details(**values)


@dataclass(frozen=True)
class Understanding:
    """A question read: intent, details, and whether earlier turns filled anything in."""

    question: str
    intent: Intent
    details: Details
    follow_up: bool = False
    injection: bool = False
    premises: tuple[
        Premise | FormatPremise | SpecPremise | VariantPremise, ...
    ] = ()  # stated figures or formats the catalog contradicts, and figures that name another variant
    # the details as the answer settled a choice among them (the method, GPU, count or format it picked), set by the
    # answering side when remembering the turn: a follow-up asking a figure of it ("and what would that cost?") uses them
    settled: Details | None = None

    @property
    def shape_text(self) -> str:
        """The words that set the answer's shape: the question, after the earlier one whose shape a bare
        follow-up keeps ("and on an H100?" after "how many tokens/s on an A10G?")."""
        earlier = self.details.asked_as
        return f"{earlier} {self.question}" if earlier else self.question

    @property
    def workload_text(self) -> str:
        """The question, after the earlier one that named its non-LLM workload when it names none itself
        ("how long per image?" after "SDXL on an 8 GB card?")."""
        earlier = self.details.non_llm_context
        return f"{earlier} {self.question}" if earlier else self.question


# --- vocabulary -------------------------------------------------------------------------------

_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "the": 1,
    "one": 1,
    "a single": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "sixteen": 16,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "a couple of": 2,
    "a pair of": 2,
    "dual": 2,
    "twin": 2,
    "quad": 4,
}

# Number words written out in a sentence ("fifty people", "twenty five users"), read as digits before the
# patterns below look for counts. "one"/"a" stay words: "one A100" is handled where GPUs are counted.
_TENS = TENS
_UNITS = {word: n for word, n in UNITS.items() if word != "one"}  # "one A100" is counted with the GPU
_NUMBER_WORDS = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")[\s-]+(" + "|".join(k for k in _UNITS if _UNITS[k] < 10) + r")\b"
    r"|a (?:hundred|dozen)\b|a (?:couple|pair) of\b|(?:(?<=\bmy )|(?<=\bour ))(?:couple|pair) of\b|("
    + "|".join([*_TENS, *_UNITS, "hundred"])
    + r"))\b"
)


def _digits(text: str) -> str:
    """``text`` with number words ('fifty', 'twenty-five', 'a dozen') written as digits."""

    def value(m: re.Match[str]) -> str:
        if m.group(1):
            return str(_TENS[m.group(1)] + _UNITS[m.group(2)])
        word = m.group(0)
        if word in ("couple of", "pair of"):  # "my pair of 3090s": "my" stays, the pair is 2
            return "2"
        return str(_WORD_NUMBERS.get(word) or _TENS.get(word) or _UNITS[word])

    return _NUMBER_WORDS.sub(value, text)


_FULL = re.compile(
    r"(?<![a-z])full(?:y)?[-_ ](?:param(?:eter)?s?[-_ ]|weights?[-_ ]|(?:bf16|fp16|16-?bit)[-_ ])?(?:fine|ft|train|sft|tun|dpo|grpo|ppo|rlhf|orpo|kto)|\bfull ft\b|\bfull[-_ ]param(?:eter)?s?\b|"
    # torchtune's full-fine-tune configs: "--config llama3_1/8B_full", "7B_full_low_memory"
    r"\b\d+(?:\.\d+)?b_full\b|\b\d+(?:\.\d+)?b_full_\w+|"
    r"\ball (?:the )?(?:model )?(?:param(?:eter)?s|weights)\b|\bfull (?:model|weights)\b|\b(?:finetuning_type|mode)\W+full\b|"
    r"\b(?:the )?(?:whole|entire) model\b|\bmodel itself\b|\bevery (?:single )?(?:weight|param(?:eter)?)\b|"
    # "fine tune llama 3.2 3b fully on a 3090", "train it completely": the method after the model (a version's
    # decimal point is no sentence end); not where it
    # runs ("fully on the GPU", "fully offloaded")
    # "DPO llama 3.1 8b full on 8 GPUs": a trainer named, then "full" after the model
    r"\b(?:fine[- ]?tun\w*|finetun\w*|train\w*|sft|dpo|grpo|orpo|kto|ppo|simpo)\b(?:[^.?!]|\.(?=\d)){0,40}?"
    r"\b(?:fully|completely|in full|full)\b"
    r"(?!\s+(?:on (?:the )?(?:gpu|cpu|vram)|in (?:the )?(?:gpu|vram)|offload\w*|loaded|precision|bf16|fp16|fp32|"
    r"16|32|context|ctx|length|resolution|hd|res|node|nodes|speed|dataset|data|sequences?|batch|epochs?|run|\d[\w.]*)\b"
    r"|-\w)"
)
# a follow-up that is only the method "full" ("and full?", "what about full then?", "ok, full instead?"): after a
# fine-tuning question, the full fine-tune (not "full context" or "full precision", which name other settings)
_BARE_FULL = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|what about|how about|with|for|then|a|the|do|doing|if i do|if we do)\W+)*"
    r"full(?:\W+(?:one|instead|then|method|version|please))*\W*$"
)
# a follow-up that is only a method or a weight format: "qlora?", "lora then?", "4 bit?", "fp8?"
_BARE_SETTING = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|what about|how about|with|in|then)\W+)*"
    r"(?:q?lora|4[- ]?bits?|8[- ]?bits?|fp8|fp16|bf16|int4|int8|nf4|awq|gptq|q4_k_m|q8_0)"
    r"(?:\W+(?:instead|then|please))*\W*$"
)
# "(full, no peft)", "full / not LoRA": 'full' set against adapters, read before the negated words are blanked
_FULL_NOT_ADAPTERS = re.compile(r"\bfull\s*[,;/]?\s*(?:no|not|without)\s+(?:peft|lora|adapters?)\b")
# "without any PEFT", "no LoRA", "not using adapters": a fine-tune that updates every weight
_WITHOUT_ADAPTERS = re.compile(
    r"\b(?:without|no|not(?: with| using)?)\s+(?:any\s+|using\s+)?(?:peft|q?-?lora|adapters?|parameter[- ]efficient)\b"
)
_WHOLE_MODEL = re.compile(r"(?:the )?(?:whole|entire) model|model itself")
_TRAINING_WORD = re.compile(
    r"\bfine[- ]?tun|\bfinetun|\btrain|\bsft\b|\btun(?:e|ed|es|ing)\b|\bupdat\w*|\blora\b|\badapters?\b|\bpeft\b|\bgradients?\b"
)
_FINE_TUNE = re.compile(
    r"\bfine[- ]?tun|\bfinetun|\bsft\b|\binstruction[- ]tun|\bcustomi[sz]e\b|\bgrpo\b|\bdpo\b|\brlhf\b|"
    r"\b(?:orpo|simpo|kto|cpo|ipo|ppo)\b"  # the other preference / RL trainers are fine-tunes too
    # "tune qwen2.5 7b", "tuning a 13b llm": tuning a model (not "tune the learning rate" or "tune vLLM's flags")
    r"|\btun(?:e|es|ed|ing)\s+(?:a |an |the |my |our |this |that )?(?:[\w.-]+\s+){0,2}?"
    r"(?:[\w.-]*\d+(?:\.\d+)?\s*b\b|(?:llm|model|checkpoint)s?\b)"
)
_NEGATABLE = (
    r"(?:q-?lora|lora|peft|adapters?|full[- ]\w+|fine[- ]?tun\w*|finetun\w*|train\w*|pre-?train\w*|serv\w*|"
    r"infer\w*|run\w*|quanti[sz]\w*)"  # "without any PEFT and quantization": a 16-bit full fine-tune
)
# "not LoRA", "without QLoRA", "I don't want to train", "instead of fine-tuning": the words after these name
# what the user does NOT want, so they are blanked before the task is read.
_NEGATED = re.compile(
    r"\b(?:not|no|without|instead of|rather than|never|skip(?:ping)?(?: the)?|(?:do ?n[o']?t|won'?t|wouldn'?t) (?:want|need|plan|intend) to|"
    r"(?:do ?n[o']?t|won'?t) (?:be )?)\s+(?:\w+ly\s+)?(?:(?:a|any|using|use|with|doing|do|to)\s+){0,2}"
    + _NEGATABLE
    + r"(?:\s*(?:/|\bor\b|\bnor\b|\band\b)\s*"
    + _NEGATABLE
    + r"|\s*,\s*(?!full\b)"  # "not LoRA, full params": after a comma, 'full' is what is wanted
    + _NEGATABLE
    + r")*"
)
_TASK_PATTERNS: list[tuple[Task, re.Pattern[str]]] = [
    # a method glued into a script or config name counts too: "finetune_lora.sh", "mixtral_qlora_fsdp.yaml"
    (Task.QLORA, re.compile(r"(?<![a-z])q-?lora(?![a-z])")),
    (Task.FULL, _FULL),
    # "--lora_r=16" is a LoRA run, and so is peft's "LoraConfig(r=16, target_modules=...)" / "get_peft_model"
    (
        Task.LORA,
        # "parameter-efficient fine-tuning", "low-rank adaptation": PEFT by its long name, LoRA its usual form
        re.compile(
            r"(?<![a-z])lora(?![a-z])|\bloraconfig\b|\bpeft\b|_peft_|\bpeftmodel|\btarget_modules\b|\badapters?\b"
            r"|\bparameter[- ]efficient\b|\blow[- ]rank adaptation\b"
        ),
    ),
    # a compute-optimal token budget is a pre-training notion: "chinchilla-optimal tokens for a 500M model"
    (Task.PRETRAIN, re.compile(r"\bpre-?train|\bfrom scratch\b|\bchinchilla\b|\bcompute[- ]optimal\b")),
    (Task.FULL, _FINE_TUNE),  # a fine-tune with no method said: read as full, the answer covers all three
    (Task.PRETRAIN, re.compile(r"\btrain(?:ing)?\b")),
    (
        Task.INFERENCE,
        re.compile(
            r"\binfer|\bserv(?:e|ing)\b|\bdeploy|\bhost(?:ing)?\b(?!\s*(?:ram|memory|cpu|side|machine))|\brun(?:ning)?\b(?!\s+out\b)|\bchat(?:bot)?\b|"
            r"\bgenerat|\bpredict|\bproduction\b|\bapi\b|\busers?\b|\brequests?\b|\blatency\b"
            # "and to use the finished model?": the result of the training, put to use
            r"|\b(?:use|using|load|loading|query|querying)\s+(?:the|my|our|that|this|it as the)\s+"
            r"(?:finished|final|resulting|merged|new)\s+(?:\w+\s+)?model\b"
        ),
    ),
]

_NO_QUANTIZATION = re.compile(
    r"(?:\b(?:no|without)|\bw/o)\s+(?:(?:any|using|use|a)\s+){0,2}quanti[sz]\w*|\bnot\s+(?:been\s+)?quanti[sz]ed\b"
    r"|\bunquanti[sz]ed\b"
)
_PRECISIONS: list[tuple[str, re.Pattern[str]]] = [
    ("fp32", re.compile(r"\bfp32\b|\bfloat32\b|\bfull precision\b|\b32[- ]bit\b")),
    ("bf16", re.compile(r"\bbf16\b|\bbfloat16\b")),
    (
        "fp16",
        re.compile(
            # "no quantization flags", "without quantization", "not quantized": the 16-bit checkpoint as it ships
            # "ggml-model-f16.bin", "model-f16.gguf": the file type GGML/GGUF names its 16-bit weights by
            # "a 70b f16 model" in Ollama / llama.cpp: GGUF's own name for 16-bit weights, said as a word
            r"\bfp16\b|\bfloat16\b|\bhalf[- ]precision\b|\b16[- ]bit\b|\bunquanti[sz]ed\b|[-_.]f16\b|\bf16\b"
            r"|(?:\b(?:no|without)|\bw/o)\s+(?:(?:any|using|use|a)\s+){0,2}quanti[sz]\w*|\bnot\s+(?:been\s+)?quanti[sz]ed\b"
        ),
    ),
    # OCP MXFP4 (gpt-oss's native MoE weights, 4.25 bits): named first, as a repo's "-MXFP4-Q8" keeps the bulk of the
    # weights (the experts) in MXFP4 and only the rest in 8-bit
    ("mxfp4", re.compile(r"\bmxfp4\b")),
    ("fp8", re.compile(r"\bfp8\b|\bfloat8\b|\be4m3\b")),
    ("int8", re.compile(r"\bint8\b|(?<![a-z0-9])8[- ]?bits?\b|\bq8\b|\bllm\.int8\b")),
    (
        "int4",
        re.compile(
            # "qat": quantization-aware-trained releases (Gemma 3 QAT, Llama 3.2 QLoRA/SpinQuant) ship as 4-bit
            # NVFP4 / FP4 checkpoints hold 4-bit weights (with one 8-bit scale per 16, about 4.5 bits)
            r"\bint4\b|(?<![a-z0-9])4[- ]?bits?\b|\bq4\w*|\bgptq\b|\bawq\b|\bgguf\b|\bnf4\b|\bquanti[sz]|\bqat\b"
            r"|\bnvfp4\b|\bfp4\b"
        ),
    ),
]

# a raw (unquantized) checkpoint file: MLX .npz, PyTorch .pth / .ckpt, safetensors; quantized ones say so in the name
_RAW_CHECKPOINT = re.compile(r"\.(?:npz|safetensors|pth|ckpt)\b")
# a checkpoint already quantized (its name or format says so), and a dtype argument (the compute dtype)
_PREQUANTIZED = re.compile(r"\bgptq\b|\bawq\b|\bexl2\b|\bgguf\b")
_DTYPE_ARG = re.compile(
    r"(?:--|\b)(?:torch_)?dtype\s*[=:]?\s*['\"]?(?:torch\.)?(?:float16|bfloat16|half|fp16|bf16|float32|auto)\b['\"]?"
)

# a count of things is not a model size: "20 million passages", "2M images", "1.5 billion rows"
_COUNTED = (
    r"(?:documents?|docs|passages|sentences|chunks|records|rows|texts|paragraphs|pages|articles|embeddings|"
    r"vectors|items|products|images|pictures|photos|frames|videos|clips|files|samples|examples|users|requests|"
    r"queries|words|lines|tweets|reviews|emails|pdfs|steps|downloads|customers|calls|transcripts|hours|minutes|"
    r"tickets|messages|chats|conversations|comments|posts|songs|tracks|masks|labels|boxes|scans)\b"
)
# AMD's Radeon integrated graphics are named like a size in millions (610M to 890M); with an AMD laptop chip or APU
# said, such a word is the iGPU ("a 7840u with 780m", "ryzen 7 8845hs 780m")
_AMD_IGPU_NAME = re.compile(r"\b(?:6[1-8]0|7[4-8]0|8[6-9]0)\s*m\b")
_AMD_LAPTOP = re.compile(r"\b(?:ryzen|radeon|amd|apu|igpu|integrated)\b|\b\d{4}(?:u|hs|h|hx)\b")
_PARAMS = re.compile(
    # not a graphics chip named like a size: AMD's "780M iGPU", "Radeon 890M", "the 680m graphics"
    # a size inside a checkpoint or script name joined by underscores counts ("i2v_14B", "t2v_1.3B_singleGPU")
    r"(?<![^\W_])(?<![.$])(?<!radeon )(\d+(?:\.\d+)?)\s*(b|bn|billion|m|million|t|trillion)(?![^\W_])(?!\s*tokens?)"
    r"(?!\s*(?:i?gpus?|graphics|apu|integrated|igp|vega)\b)"
    r"(?!\s+(?:[a-z'-]+\s+)?" + _COUNTED + r")"
    r"(?:[- ]?param(?:eter)?s?)?",
)
# a range of model sizes: "3b-8b models", "from 1.5B to 7B", "between 7b and 13b" — the largest decides the card
_SIZE_RANGE = re.compile(
    r"(?:\b(?:between|from)\s+(\d+(?:\.\d+)?)\s*(b|m)?\s*(?:-|–|to|and)\s*"
    r"|(?<![\w.-])(\d+(?:\.\d+)?)\s*(b|m)\s*(?:-|–|to)\s*)"
    r"(\d+(?:\.\d+)?)\s*(b|m)\b(?!\s*tokens?)"
)


def _size_range(text: str) -> tuple[float, float] | None:
    """The smallest and largest size of a range of models said ("3b-8b"), or None."""
    m = _SIZE_RANGE.search(text)
    if m is None:
        return None
    low = _scaled(m.group(1) or m.group(3), m.group(2) or m.group(4) or m.group(6))
    high = _scaled(m.group(5), m.group(6))
    return (low, high) if 1e7 <= low < high <= 5e12 else None


_TOKENS = re.compile(
    r"(\d+(?:\.\d+)?)\s*(k|thousand|m|million|b|billion|t|trillion)?\s*"
    r"((?:output|generated|input|prompt|completion|new)\s+)?tokens?\b(?!\s*(?:of\s*)?context)"
)
# "context of 8k", "ctx=4096", "(...)": vLLM's "The model's max seq len (8192) is larger than ... KV cache"
_CONTEXT_NAMED = re.compile(
    r"(?:context|ctx|sequence length|seq len|seqlen|context window|context length|\bseq(?:uence)?s?)\s*(?:of|=|:)?\s*\(?(\d+(?:\.\d+)?)\s*(k|m)?\b"
)
_CONTEXT = [
    re.compile(
        r"(\d+(?:\.\d+)?)\s*(k|m|million)?\+?[- ]?(?:tokens?\s*)?(?:of\s*)?(?:context|ctx|context[- ]window|sequence|seq(?:uence)? len(?:gth)?)\b"
    ),
    # "8k sequences", "with 4k-token sequences": each sequence's length (said in thousands: "256 sequences" counts)
    re.compile(r"(\d+(?:\.\d+)?)\s*(k)\+?[- ]?(?:tokens?[- ]?)?sequences\b"),
    # "an 8k length dataset", "8k-long samples", "4096-token-long documents": each example's length
    re.compile(r"(\d+(?:\.\d+)?)\s*(k)?\+?[\s-]*(?:tokens?[\s-]*)?(?:length|long)\b(?!\s+(?:of|is|are)\b)"),
    _CONTEXT_NAMED,
    # "8k tokens", "8k-token docs" (never a rate: "5k tokens/s total")
    re.compile(
        r"(\d+(?:\.\d+)?)\s*(k)[\s-]*(?:tokens?|prompts?|inputs?)\b(?!\s*(?:/\s*s\b|per\s+sec|an?\s+sec))"
    ),
    # "sequences of length 32k", "samples of up to 4096 tokens", "documents of ~16k": each one's length
    re.compile(
        r"\b(?:sequences?|samples?|examples?|inputs?|documents?|docs|texts?|prompts?|conversations?)\s+of\s+"
        r"(?:length\s+|up to\s+|about\s+|around\s+|~\s*)?(\d+(?:\.\d+)?)\s*(k)?\b(?!\s*(?:gb|mb|%|samples|examples))"
    ),
    # "how many concurrent 8k requests fit?": each request's length (a count of requests is never 'concurrent 8k')
    re.compile(
        r"\b(?:concurrent|simultaneous|parallel)\s+(\d+(?:\.\d+)?)\s*(k)[\s-]*"
        r"(?:requests?|conversations?|chats?|sequences?|sessions?|users?)\b"
    ),
    # "16 concurrent users at 8k", "requests with 32k each", "the KV cache of X at 8k": the length each one holds
    re.compile(
        r"\b(?:users?|requests?|sequences?|sessions?|chats?|conversations?|streams?|prompts?)\s+(?:each\s+)?"
        r"(?:at|with|of)\s+(\d+(?:\.\d+)?)\s*(k)\b(?!\s*(?:\$|usd|dollars?|users?|requests?|per|a|an)\b)"
    ),
    re.compile(r"\b(?:kv|k/v|key[- ]value)[\s_-]*cache\b[^?.!]{0,60}?\bat\s+(\d+(?:\.\d+)?)\s*(k)\b"),
    # "qlora at 4096 tokens crashes": a length the run is at, not a dataset (those are said in thousands or more)
    re.compile(r"\bat\s+(\d{3,6})()\s*tokens?\b(?!\s+(?:per|a|an|each)\b)"),
    # a server's or runtime's own context setting: Ollama "OLLAMA_CONTEXT_LENGTH=8192", SGLang "--context-length",
    # llama.cpp "--ctx-size 16384" / "-c 16384", TGI "--max-total-tokens 8192" (prompt plus reply per request)
    re.compile(
        r"(?:\bollama_context_length|\bcontext[_-]length|\bctx[_-]size|\bmax[_-]total[_-]tokens)\s*[=:]?\s*"
        r"(\d+(?:\.\d+)?)\s*(k)?\b"
    ),
    re.compile(r"(?<![\w-])-c\s+(\d{3,7})()\b"),
    # "it OOMs at 16k", "crashes past 32k", "max_seq_len=4096", "--max-model-len 8192"
    re.compile(
        r"(?:\boom(?:s|ed|ing)?|out of memory|crash\w*|fails?|dies|breaks?)\s+(?:at|with|beyond|above|past|over|around)\s+"
        r"(\d+(?:\.\d+)?)\s*(k)?\b"
    ),
    # local runtimes' context flags: llama.cpp "-c 32768" / "--ctx-size 16384", koboldcpp "--contextsize 8192",
    # llama-cpp-python "n_ctx=8192", Ollama "num_ctx 32768", LM Studio's "context_length": the window allocated
    re.compile(
        r"(?:(?<![\w-])-c|--ctx[-_]size|\bctx[-_]size|--?contextsize|\bcontext[-_]length|\bnum_ctx|\bn_ctx)"
        r"\s*[=:]?\s*(\d+(?:\.\d+)?)\s*(k)?\b"
    ),
    # the value said before the setting's name: "a 32k max model len", "8192 max-seq-len", "at 4k seq", "an 8k
    # sequence length" (never "4096 sequences", a count)
    re.compile(
        r"\b(\d+(?:\.\d+)?)\s*(k)?\s+(?:max[_ -](?:seq(?:uence)?|model)[_ -]?len(?:gth)?|"
        r"seq(?:uence)?(?![s\w])(?:[_ -]?len(?:gth)?)?)"
    ),
    # trainer arguments, kept last (the reading below knows a flag from a version by it)
    re.compile(
        r"(?:max[_ -](?:(?:seq(?:uence)?|model|position)[_ -]?)?len(?:gth)?|cutoff[_ -]len(?:gth)?|\bmodel_max_length|"
        r"\bmax[ _]length|(?<![a-z])(?:sequence|seq)[ _-]len(?:gth)?|\bmax_(?:source|input)_len(?:gth)?|\bmax_len\b|"
        r"\bblock_size)\s*(?:[=:]|of\b|is\b|to\b)?\s*(\d+(?:\.\d+)?)\s*(k)?\b"
    ),  # trainer arguments: "--cutoff_len=512", "model_max_length 4096", axolotl "sequence_len: 8192", "--seq-length 4k"
]
_CONTEXT_WORD = re.compile(r"\b(?:num_ctx|n_ctx|ctx[-_]size|context)\b")
_CONTEXT_RESET = re.compile(
    r"\b(?:set|setting|raise|raising|increase|increasing|bump|bumping|change|changing)\s+(?:it|that|num_ctx|n_ctx|the context(?: size| length| window)?)"
    r"\s+(?:up\s+)?to\s+(\d+(?:\.\d+)?)\s*(k)?\b"
)
# a length or batch setting changed to a value ("cut the sequence length to 512", "max_length reduced from 2048 to
# 1024", "batch size set to 2"): the value it is changed to is the setting asked about
_SETTING_CHANGED = (
    r"\s+(?:(?:is|was|been|being|now|reduced|lowered|cut|set|changed|dropped|decreased|increased|raised|bumped|"
    r"shortened|trimmed|capped|limited|down|up|back)\s+){0,2}(?:from\s+\d+(?:\.\d+)?\s*k?\s+)?to\s+"
)
_LENGTH_CHANGED = re.compile(
    r"\b(?:context(?:[ _-](?:length|window|size))?|ctx|(?:max(?:imum)?[ _-])?(?:sequence|seq)(?:[ _-]?len(?:gth)?)?"
    r"|seqlen|max[ _-]length|cutoff[ _-]len(?:gth)?)"
    + _SETTING_CHANGED
    + r"(\d+(?:\.\d+)?)\s*(k)?\b(?![ -]?bit)"
)
# the batch one GPU holds in a training step: "micro batch 4", "per_device_train_batch_size=2", "a batch size of 8
# per gpu", "micro_batch_size: 1"
_MICRO_BATCH = re.compile(
    r"(?<![a-z])(?:micro|per[-_ ](?:device|gpu|card))[-_ ](?:train(?:ing)?[-_ ])?batch(?:[-_ ]size)?"
    r"(?:[-_ ]per[-_ ](?:gpu|device))?\s*(?:of|=|:|is|was|to)?\s*(\d+)\b"
    r"|\bbatch(?:[-_ ]size)?\s*(?:of|=|:|is|was)?\s*(\d+)\s*(?:per|/|each|a|an)\s*(?:gpu|device|card|rank)\b"
    # "batch size per device: 32", "batch size per GPU of 16": the unit named before the number
    r"|\bbatch(?:[-_ ]size)?\s+per[-_ ](?:device|gpu|card|rank)\s*(?:of|=|:|is|was)?\s*(\d+)\b"
)
# the usual short forms of a training batch: "bs=16", "bsz 8", "bs: 4"
_BATCH_SHORT = re.compile(r"\bbsz?\s*(?:=|:|of)?\s*(\d+)\b")
_BATCH_CHANGED = re.compile(r"\bbatch(?:[ _-]size)?" + _SETTING_CHANGED + r"(\d+)\b")
# "do I need to quantize it to 4-bit?", "should I convert the model to int8?": a format asked about as a remedy
_NEED_FORMAT = re.compile(
    r"\b(?:do|would|will|should|must)\s+(?:i|we|you)\s+(?:really\s+)?(?:need\s+to|have\s+to)\s+"
    r"(?:create|convert|make|quanti[sz]e|use|switch|go)\b[^.?!]{0,40}?"
    r"(?:\bint[48]\b|(?<![a-z0-9])[48][- ]?bits?\b|\bfp8\b|\bawq\b|\bgptq\b|\bgguf\b|\bq[2-8]\w*)"
    # quantizing asked as a necessity with no format said: "do I need to quantize it to run on an A10?", "does it
    # have to be quantized to fit?", "only after quantization will I be able to run it?", "is quantization needed?"
    + QUANTIZING_NEEDED
)
_OPTIMIZER_8BIT = re.compile(
    r"\b(?:paged_)?adamw?_(?:bnb_)?8bit\b|\b8[- ]?bit (?:paged )?(?:adam\w*|optimi[sz]er)\b|\b(?:paged ?)?adamw? ?[-_]?8 ?-?bit\b"
    r"|\bbnb 8[- ]?bit optim|\bpagedadamw?8bit\b"
)
# torchtune's single-device full fine-tune (the full_finetune_single_device recipe, its *_full_single_device and
# *_full_low_memory configs): bf16 weights, a paged bitsandbytes AdamW and the optimizer step run in the backward
_TORCHTUNE_SINGLE_DEVICE = re.compile(
    r"\bfull_finetune_single_device\b|\b\d+(?:\.\d+)?b_full_(?:single_device|low_memory)\w*"
    r"|\btorchtune\b(?:[^.?!]|\.(?=\d)){0,80}?\bsingle[- _]device\b"
    r"|\bsingle[- _]device\b(?:[^.?!]|\.(?=\d)){0,80}?\btorchtune\b"
)
# the input embeddings and LM head trained beside LoRA adapters: "embed_tokens and lm_head" in the targets, PEFT's
# modules_to_save, "train the embeddings too" (continued pre-training, new tokens)
_TRAINED_EMBEDDINGS = re.compile(
    r"\bembed_tokens\b[^.?!]{0,60}?\blm_head\b|\blm_head\b[^.?!]{0,60}?\bembed_tokens\b|\bmodules_to_save\b"
    r"|\b(?:train|training|trained|trainable|unfreez\w*|updat\w*)\s+(?:the\s+)?(?:input\s+)?embeddings?\b"
    r"(?:\s+(?:layers?|matrix))?(?:\s+(?:and|plus|&)\s+(?:the\s+)?(?:lm[_ ]head|output layer))?"
)
# DeepSpeed ZeRO-Offload / FSDP CPU offload of the optimizer ("zero3 offload", "offload_optimizer: cpu")
_CPU_OFFLOAD = re.compile(
    r"(?:\b|deepspeed)zero[-_ ]?(?:stage[-_ ]?)?[123]?[-_ ]?offload|\boffload(?:ing|ed)?[_ ](?:the\s+)?optimi[sz]er|"
    r"\b(?:cpu|optimi[sz]er)[-_ ]offload|\boffload(?:ing|ed)?\s+(?:\w+\s+){0,3}to (?:the )?(?:cpu|ram|system memory)|"
    r"\b(?:with|and|plus|using) (?:cpu |optimi[sz]er )?offload(?:ing)?\b"
)
_NEGATED_OFFLOAD = re.compile(r"\b(?:no|without|not|disabled?)\s+(?:cpu |optimi[sz]er )?offload\w*")
# preference tuning scored against a frozen reference model (ORPO and SimPO need none, so they are not here)
# online RL fine-tuning: PPO-style RLHF trains a critic beside the policy and scores with a reward model;
# GRPO and its kin (RLOO, REINFORCE++, DAPO, GSPO, RLVR) score groups of completions without a critic
_PPO = re.compile(r"\bppo\b|\bactor[- ]critic\b")
# "RLHF" alone is the classic PPO recipe; when a run names its method ("swift rlhf --rlhf_type grpo", "RLHF with
# DPO") the named method is the run, as ms-swift's and OpenRLHF's launchers are called rlhf whatever they train
_RLHF = re.compile(r"\brlhf\b")
_GROUP_RL = re.compile(r"\b(?:grpo|rloo|reinforce\+*|dapo|gspo|rlvr)\b|\bgrpo\w*")


# "max_prompt_length=512", "max prompt 1k", "prompt length of 256"
_PROMPT_LENGTH = re.compile(
    r"\b(?:max[_ -]?prompt(?:[_ -]?len(?:gth)?)?|prompt[_ -]?len(?:gth)?)\s*(?:=|:|of|is)?\s*(\d+(?:\.\d+)?)\s*(k)?\b"
)
_COMPLETION_LENGTH = re.compile(
    r"\bmax[_ -]?(?:completion|response|new)(?:[_ -]?(?:len(?:gth)?|tokens))?\s*(?:=|:|of|is)?\s*(\d+(?:\.\d+)?)\s*(k)?\b"
    # "completion length 1024", "response len of 2k"
    r"|\b(?:completion|response|generation)[_ -]?len(?:gth)?\s*(?:=|:|of|is)?\s*(\d+(?:\.\d+)?)\s*(k)?\b"
    # "2048 completion tokens", "4k-token completions", "completions of 1024 tokens"
    r"|\b(\d+(?:\.\d+)?)\s*(k)?[ -]?(?:completion|response|generation)[ -]tokens\b"
    r"|\b(\d+(?:\.\d+)?)\s*(k)?[ -]?tokens?[ -](?:completions|responses|generations|rollouts)\b"
    r"|\b(?:completions|responses|rollouts|generations) of (?:up to )?(\d+(?:\.\d+)?)\s*(k)?\s*tokens\b"
    r"|\b(\d+(?:\.\d+)?)\s*(k)?\s+max[_ -]?completion[_ -]?len(?:gth)?\b"  # "4096 max_completion_length"
)


_FP32_WORD = re.compile(
    r"\b(?:fp32|float32|float 32|full[- ]precision|single[- ]precision|torch\.float32)\b"
    r"(?!\s*(?:master|optimi[sz]er|states?|copy|copies|accumulat\w*|logits|upcast\w*|grad\w*|moments?|weights copy))"
)
_FP32_PART = re.compile(
    r"\b(?:master weights?|optimi[sz]er(?: states?)?|adam states|moments|gradients?|logits|accumulation)\s+"
    r"(?:are|is|stay|kept|held|in)\s+(?:in\s+)?(?:fp32|float32)\b"
)
_NO_MIXED = re.compile(
    r"\b(?:without|no|disabled?|turned off|off)\s+(?:the\s+)?(?:amp|mixed[- ]precision|fp16|bf16|half[- ]precision)\b"
    # "I don't use mixed precision", "we do not enable AMP", "not using fp16"
    r"|\b(?:don'?t|do not|doesn'?t|does not|didn'?t|did not|not|never)\s+(?:use|using|enable|enabling|turn on|run with)\s+"
    r"(?:the\s+)?(?:amp|mixed[- ]precision|fp16|bf16|half[- ]precision)\b"
    r"|\b(?:amp|mixed[- ]precision|fp16|bf16)\s*(?:=\s*false|is off|off|disabled|turned off|not supported)\b"
)
_MIXED_SAID = re.compile(
    r"\bmixed[- ]precision\b|\bamp\b|\b(?:bf16|fp16)\b|\bbfloat16\b|\bhalf[- ]precision\b"
)


def _trains_in_fp32(text: str) -> bool:
    """Whether a training run is said to run in fp32: "AMP off", "without fp16", "in full precision (float32)"."""
    if _NO_MIXED.search(text):
        return True
    said = _FP32_WORD.search(_FP32_PART.sub(" ", text))
    return bool(said) and not _MIXED_SAID.search(_NEGATED.sub(" ", text))


# a span of sequence lengths: "from 50 tokens to 19900 tokens", "between 1k and 16k tokens", "512-4096 tokens",
# or one with a length word before it ("sequence lengths range from 512 to 8192")
_LENGTH_RANGE = (
    re.compile(
        r"(?<![\w.$])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(k)?\s*(?:tokens?\s*)?(?:to|and|-|–|up to)\s*(?:about\s+|around\s+|~\s*)?"
        r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(k)?\s*tokens?\b(?!\s*(?:per|/|a\s+sec|each\s+sec))"
    ),
    re.compile(
        r"\b(?:(?:sequence|seq|sample|example|input|prompt|document|context)s?[ _-]?(?:len(?:gth)?s?)?|lengths?)\b"
        r"[^.?!\d]{0,40}?\b(?:from|between)\s+(\d+(?:,\d{3})*(?:\.\d+)?)\s*(k)?\s*(?:to|and|-|–)\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*(k)?\b"
        r"(?![ -]?(?:bits?|gb|mb|b\b|billion|m\b|million|%))"
    ),
)


def _longest_of_range(text: str) -> int | None:
    """The longer end of a span of sequence lengths the text gives, in tokens (256 to 2M), else None."""
    for pattern in _LENGTH_RANGE:
        for m in pattern.finditer(text):
            low = float(m.group(1).replace(",", "")) * (1024 if m.group(2) else 1)
            high = float(m.group(3).replace(",", "")) * (1024 if m.group(4) else 1)
            if low < high and 256 <= high <= 2 * 1024**2:
                return int(high)
    return None


# "512 tokens", "19,900 tokens" said bare (no k / M / B), not a rate ("500 tokens per second") nor a dataset
# trained on ("on 50000 tokens")
_BARE_LENGTH = re.compile(
    r"(?<![\w.$,])(\d{1,3}(?:,\d{3})+|\d{3,7})\s*[- ]?tokens?\b(?![- ]?(?:/|per\b|a\s+sec|each\b|of\s+(?:data|text|training)))"
)


_EACH_SAMPLE = re.compile(
    r"\s*(?:long\s+)?(?:documents?|docs|samples?|examples?|sequences?|inputs?|prompts?|texts?|chunks?|conversations?"
    r"|segments?|records?|rows?|windows?)\b"
)


def _bare_sample_length(text: str) -> int | None:
    """A sample length said as a bare count of tokens ("1024 tokens", "32768-token documents"), else None."""
    for m in _BARE_LENGTH.finditer(text):
        each = _EACH_SAMPLE.match(
            text, m.end()
        )  # "on 32768-token documents": each one's length, not the data
        if (
            not each
            and re.search(
                r"\b(?:on|over|of|with)\s+(?:about\s+|around\s+|~)?$",
                text[max(0, m.start() - 20) : m.start()],
            )
            and re.search(
                r"\b(?:train\w*|tun\w*|data\w*)\b[^.?!]{0,30}$", text[max(0, m.start() - 50) : m.start()]
            )
        ):
            continue  # "trained on 50000 tokens": the data, not a sample's length
        value = int(m.group(1).replace(",", ""))
        if 128 <= value <= 1024**2:
            return value
    return None


def _prompt_and_completion(text: str) -> int | None:
    """Tokens of one sequence when a prompt length and a completion length are both given (TRL's GRPO / DPO
    ``max_prompt_length`` + ``max_completion_length``): the model holds both at once, so the context is their sum."""
    prompt, completion = _PROMPT_LENGTH.search(text), _COMPLETION_LENGTH.search(text)
    if not (prompt and completion):
        return None
    return _tokens_said(prompt) + _tokens_said(completion)


def _tokens_said(m: re.Match[str]) -> int:
    """The token count a length match holds: its first number group, times 1,024 when a "k" follows it."""
    i = next(i for i in range(1, len(m.groups()) + 1, 2) if m.group(i))
    return int(float(m.group(i)) * (1024 if m.group(i + 1) else 1))


def _completion_said(text: str) -> int | None:
    """Tokens of one RL completion when the question gives its length ("max_completion_length 1024", "512 token
    completions"), else None."""
    completion = _COMPLETION_LENGTH.search(text)
    return _tokens_said(completion) if completion else None


def _completion_only(text: str) -> int | None:
    """Tokens of one RL sequence when only the completion's length is given ("max_completion_length 4096", "2048
    completion tokens"): the completion after a prompt of TRL's default ``max_prompt_length``."""
    if _PROMPT_LENGTH.search(text) or not (completion := _COMPLETION_LENGTH.search(text)):
        return None
    return _tokens_said(completion) + int(load_assumptions().number("rl_default_prompt_tokens"))


def _param_offload(text: str) -> bool:
    """The model's parameters live in CPU memory too: said outright, or a CPU offload under ZeRO-3 or FSDP,
    whose offload configs (DeepSpeed's zero3_offload, FSDP's CPUOffload) move the parameters as well."""
    if _NEGATED_OFFLOAD.search(text) and not _PARAM_OFFLOAD.search(text):
        return False
    if _PARAM_OFFLOAD.search(text):
        return True
    if re.search(r"\boptimi[sz]er[-_ ]offload|\boffload(?:ing|ed)?[_ ](?:the\s+)?optimi[sz]er", text):
        return False  # "ZeRO-3 with optimizer offload": only the optimizer, as said
    stage3 = any(next(g for g in m.groups() if g) == "3" for m in _ZERO_STAGE.finditer(text))
    return bool(_CPU_OFFLOAD.search(text)) and (stage3 or bool(re.search(r"\bfsdp\b", text)))


def _rl_method(text: str) -> str | None:
    """'ppo' or 'grpo' when the question trains with online RL, else None."""
    wanted = _NOT_RL.sub(" ", _NEGATED.sub(" ", text))
    if _PPO.search(wanted):
        return "ppo"
    if _GROUP_RL.search(wanted):
        return "grpo"
    named = _PREFERENCE.search(wanted) or _REFERENCE_FREE_PAIRS.search(wanted)
    return "ppo" if _RLHF.search(wanted) and not named else None


# the completions GRPO samples per prompt: "num_generations=4", "8 generations per prompt", "group size 16"
_GROUP_SIZE = re.compile(
    r"\bnum[_ ]generations\W{0,3}(\d+)\b|\b(\d+)\s+(?:generations|completions|rollouts|responses|samples)\s+"
    r"(?:per|for each|each|for every)\s+(?:prompt|question|query|problem)\b|\bgroup[_ ]size\W{0,3}(\d+)\b"
    r"|\b(\d+)\s+(?:generations|rollouts)\b(?![ -]tokens)"
)


def _group_said(text: str) -> int | None:
    """The completions an RL question samples per prompt, when it says ("num_generations 4", "16 generations")."""
    group = _GROUP_SIZE.search(text)
    value = int(next(g for g in group.groups() if g)) if group else None
    return value if value and 1 < value <= 1024 else None


_NOT_RL = re.compile(
    r"\b(?:not|no|without|instead of|rather than|never)\s+(?:\w+\s+)?(?:grpo|ppo|rlhf|rloo|dapo|gspo|rl)\b"
)


_PREFERENCE = re.compile(r"\b(?:dpo|ipo|kto|direct preference optimi[sz]ation)\b")
# preference methods that score a chosen and a rejected answer with no reference model (ORPO, SimPO, CPO)
_REFERENCE_FREE_PAIRS = re.compile(r"\b(?:orpo|simpo|cpo)\b")


def _preference_method(text: str) -> str | None:
    """'DPO', 'IPO' or 'KTO': the reference-model preference method the question names, else None."""
    named = _PREFERENCE.search(text)
    if not named:
        return None
    return "DPO" if named.group(0).startswith("direct") else named.group(0).upper()


def _pair_method(text: str) -> str | None:
    """'ORPO', 'SimPO' or 'CPO' when the question trains on preference pairs without a reference model (and names
    no DPO-style method that needs one), else None."""
    named = _REFERENCE_FREE_PAIRS.search(text)
    if not named or _PREFERENCE.search(text):
        return None
    return {"orpo": "ORPO", "simpo": "SimPO", "cpo": "CPO"}[named.group(0)]


# kernels that compute the loss in chunks from the last hidden states, never holding the fp32 logits whole
# (Liger's fused linear cross-entropy, Apple's Cut Cross-Entropy): "use_liger_kernel=True", "cut cross entropy"
_FUSED_LOSS = re.compile(
    r"(?<![a-z])liger(?![a-z])|\bcut[- _]?cross[- _]?entropy\b|\bfused[- _](?:linear[- _])?cross[- _]?entropy\b"
)
# "what's the max batch size that fits", "how big a batch can my 4090 take": the largest batch is the answer
# the longest context that fits on the user's GPUs: "how long can the context be", "max context length that
# fits", "how many tokens of context can I get"
_LONGEST_CONTEXT = re.compile(
    r"\bhow (?:long|big|large) (?:a |of a )?(?:can |could |will |would |is )?(?:the |my |a )?"
    r"(?:context|prompt|sequence|input|max[-_ ]model[-_ ]len)\b|"
    r"(?<!\dk )(?<!\d )\b(?:max(?:imum)?|longest|largest|biggest|highest)\s+(?:possible\s+)?(?:context|ctx|"
    r"sequence length|seq len|max[-_ ]model[-_ ]len|model len)\b(?:[- ]?(?:length|window|size))?\s*(?:that |which )?(?:i |we |you |one )?"
    r"(?:can\b|could\b|will\b|would\b|fits?\b|is possible\b|possible\b|\?|(?:do|can|could) (?:i|we|you) (?:get|use|fit|run|have)\b)"
    # "max context for llama 3 70b on one a100?", "longest context llama 3.1 8b can do": asked, unless a length
    # follows as a setting ("max context of 8k", "the max context I need is 32k tokens", "max ctx 4096")
    r"|\b(?:max(?:imum)?|longest|largest|biggest)\s+(?:possible\s+)?(?:context|ctx)(?:[- ]?(?:length|window|size))?\b"
    r"(?![^.?!]{0,25}?(?:\b\d+(?:\.\d+)?\s*(?:k\b|tokens?\b)|\b(?:[1-9]\d{4,}|1024|2048|3072|4096|6144|8192)\b|\b\d{1,3},\d{3}\b))(?=(?:[^.!?]|\.(?=\d))*(?:\?|$))"
    r"|\bhow many tokens (?:of context )?(?:can|could|will|would|fit)\b"
    r"|\bhow much (?:context|ctx)(?: length| window| size)? (?:can|could|will|would|do|does|fits?|is (?:possible|left))\b"
    # "what context can I fit?", "which context length will fit on it?"
    r"|\b(?:what|which)\s+(?:max(?:imum)?\s+)?(?:context|ctx|num_ctx|n_ctx|seq(?:uence)?(?:[ _-]?len(?:gth)?)?)"
    r"(?:[- ](?:length|window|size))?\s+"
    r"(?:can|could|will|would|do|does|fits?|is possible)\b"
)
# the batch qualified by where it runs: "micro-batch", "per-device batch", "per-GPU batch size"
_BATCH_KIND = r"(?:micro[- ]?|per[- _](?:device|gpu|card)[- _]?(?:train(?:ing)?[- _])?)?"
_LARGEST_BATCH = re.compile(
    rf"\b(?:max(?:imum)?|largest|biggest|highest|most)\s+{_BATCH_KIND}batch(?:[- _]?size)?\b|"
    rf"\bhow (?:big|large|high) (?:a |of a |can (?:the|my) )?{_BATCH_KIND}batch\b|"
    rf"\bwhat {_BATCH_KIND}batch[- _]?size (?:can|could|will|would|fits?)\b"
)
# "the largest batch size I could use was 2", "max batch of 4 worked": the largest batch reported, not asked
_BATCH_REPORTED = re.compile(
    r"[^.?!]{0,30}?(?:\b(?:was|were|is|of)|=|:)\s*\d+\b(?![-\s]*(?:k\b|tokens?\b|[x×]\s*\d))"
)


def _asks_largest_batch(text: str) -> bool:
    """Whether the largest batch that fits is asked for — not reported with its number ("the biggest batch I
    could run was 2")."""
    return any(not _BATCH_REPORTED.match(text, m.end()) for m in _LARGEST_BATCH.finditer(text))


# Adafactor ("optim=adafactor", "the adafactor optimizer"): factored second moments, no first moment
_ADAFACTOR = re.compile(r"\bada[- ]?factor\b")
_OPTIMIZER_ADAM = re.compile(r"\badamw?\b|\badamw_torch\w*")
# plain data parallelism (each GPU a full replica) unless a sharding scheme is also named
_DDP = re.compile(r"\bddp\b|distributeddataparallel|distributed data parallel|\bdata[- ]parallel")
# "zero2", "ZeRO stage 2", "zero_stage: 2", a DeepSpeed config's "stage": 2
_ZERO_STAGE = re.compile(
    r"\bzero[-_ ]?(?:stage[-_ ]?)?([123])\b|zero_stage\W+([123])\b|\"stage\"\s*:\s*([123])\b"
    r"|\b(?:ds_)?z(?:ero)?([123])_(?:offload|config)"  # config file names: "zero3_offload.json", "ds_z3_config.json"
)
# parameters offloaded too, not only the optimizer: ZeRO-3's offload_param (ZeRO-Infinity), FSDP's CPU offload
_PARAM_OFFLOAD = re.compile(
    r"\boffload[_ ]param|\bparam(?:eter)?s?[_ ]offload|\boffload(?:ing|ed)? (?:the )?(?:model )?(?:param(?:eter)?s|weights)\b"
    r"|\bzero[-_ ]?infinity\b"
)
# the strategies a question names, in its order: "DDP vs FSDP", "zero-1 vs zero-2 vs zero-3", "zero 2/3"
_STRATEGY = re.compile(
    r"\b(ddp)\b|distributeddataparallel|(?<!sharded )distributed data parallel|\bplain data[- ]parallel"
    r"|\bzero[-_ ]?(?:stage[-_ ]?)?([123](?:\s*(?:/|,|&|and|or|vs\.?|versus)\s*(?:zero[-_ ]?(?:stage[-_ ]?)?)?[123])*)\b"
    r"|\b(fsdp)\b"
)
# a stage the user says works ("zero3 works", "fine with zero-3"): the other stages named are the ones that failed
_STAGE_WORKS = (
    re.compile(
        r"\bzero[-_ ]?(?:stage[-_ ]?)?([123])\b(?:(?!\b(?:but|while|though|whereas)\b)[^.,;?!]){0,20}?"
        r"\b(?:works?|worked|is fine|runs? fine|ran fine|runs? ok|succeeds?|doesn'?t oom|does not oom|no oom)\b"
    ),
    re.compile(
        r"\b(?:works?|worked|runs? fine|ran fine|fine)\s+(?:fine\s+)?(?:with|on|using|under)\s+"
        r"zero[-_ ]?(?:stage[-_ ]?)?([123])\b"
    ),
)


# "64GB RAM", "256 GB of system memory", "512gb ram", "RAM: 128 GB", "1TB of RAM": the machine's CPU memory
_HOST_RAM = re.compile(
    r"(\d+(?:\.\d+)?)\s*(gb|tb)\s+(?:of\s+)?(?:system\s+|cpu\s+|host\s+|ddr\d\s+)?(?:ram|memory on the cpu|"
    r"system memory|cpu memory|host memory)\b|\b(?:ram|cpu memory|system memory|host memory|pc memory|computer memory|"
    # a spec list: "RAM: 32GB", "PC memory - 32GB", "RAM = 64 GB"
    r"main memory)\s*(?:of|:|is|=|-|–)\s*(\d+(?:\.\d+)?)\s*(gb|tb)\b"
)


# "my 2GB jsonl dataset", "a 500 MB corpus", "dataset is 1.5 GB", "10GB of text": a dataset told by its file size
_DATASET_SIZE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(mb|gb|tb)\s+(?:of\s+)?(?:[a-z]+\s+){0,2}?(?:dataset|data|corpus|text|jsonl|json|csv|txt|"
    r"parquet)\b|\b(?:dataset|corpus|data)\s+(?:is|of|size(?: is)?|:)\s*(?:about |around |~)?(\d+(?:\.\d+)?)\s*"
    r"(mb|gb|tb)\b"
)


def _dataset_bytes(text: str) -> float | None:
    """The size of a training dataset told in MB / GB / TB, in bytes, or None."""
    m = _DATASET_SIZE.search(text)
    if not m:
        return None
    value, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return float(value) * {"mb": 1e6, "gb": 1e9, "tb": 1e12}[unit]


def _host_ram(text: str) -> float | None:
    """The system RAM a question states beside its GPUs, in GB, or None."""
    m = _HOST_RAM.search(text)
    if not m or card_ram_gb(text.lower()) is not None:
        return None  # "my card has 12GB of RAM": the card's memory, not the system's
    value, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return float(value) * (1000 if unit == "tb" else 1)


# a strategy that splits the model over the GPUs, named: FSDP, ZeRO stage 3, DeepSpeed (whose configs for
# multi-GPU LoRA are ZeRO-2/3), device_map="auto" or other model / pipeline / tensor parallelism, "sharded",
# "split the model / layers across"
_SPLIT_NAMED = re.compile(
    r"\bfsdp|\bzero[-_ ]?(?:stage[-_ ]?|:\s*)?3\b|zero_stage\W+3|\bdeepspeed|\bds_z|\bshard|device_map"
    r"|\bdevice[- ]map|\b(?:model|pipeline|tensor|naive)[- ]parallel|\bsplit\w*\s+(?:the\s+)?(?:model|layers|weights)"
)
# a strategy that copies the model to every GPU, named
_COPY_NAMED = re.compile(
    r"\bddp\b|distributed ?data ?parallel|\bdata[- ]parallel|\bzero[-_ ]?(?:stage[-_ ]?)?[12]\b"
)
_FULL_SHARD = re.compile(r"\bfsdp|\bzero[-_ ]?(?:stage[-_ ]?|:\s*)?3\b|zero_stage\W+3|\bds_z3|\bz3_config")


def _multi_gpu(text: str) -> str | None:
    """'split', 'copy' or None: how the question says its GPUs share the run (see Details.multi_gpu)."""
    if _SPLIT_NAMED.search(text):
        return "split"
    return "copy" if _COPY_NAMED.search(text) else None


def _strategies(text: str) -> tuple[str, ...]:
    """The parallelism strategies named, in order, each once: 'DDP', 'ZeRO-1', 'ZeRO-2', 'ZeRO-3', 'FSDP'."""
    found = []
    for m in _STRATEGY.finditer(text):
        if m.group(2):
            found += [f"ZeRO-{d}" for d in re.findall(r"[123]", m.group(2))]
        else:
            found.append("FSDP" if m.group(3) else "DDP")
    return tuple(dict.fromkeys(found))


def _zero_stage(text: str) -> int | None:
    """The ZeRO stage the question is about: the highest named, or, when it says one stage works, the highest
    of the others (\"OOM at zero2, zero3 works\": stage 2 is the one asked about)."""
    stages = {int(d) for s in _strategies(text) if s.startswith("ZeRO") for d in s[-1]}
    stages |= {int(next(g for g in m.groups() if g)) for m in _ZERO_STAGE.finditer(text)}
    works = {int(m.group(1)) for pattern in _STAGE_WORKS for m in pattern.finditer(text)}
    failing = stages - works
    if works and failing:
        return max(failing)
    return max(stages, default=None)


_LAYER_SPLIT = re.compile(
    r"\bdevice_map\b|\bmodel[- ]parallel|\bpipeline[- ]parallel|\b(?:split|spread)\w* (?:\w+ ){0,3}?(?:by|across) (?:the )?layers"
)
_SHARDED = re.compile(r"\bfsdp\b|\bzero[-_ ]?(?:stage[-_ ]?|:\s*)?[23]\b|zero_stage\W+[23]|deepspeed|\bshard")
# a LoRA rank said: "--lora_r 16", "lora_rank: 128", "LoraConfig(r=32", "rank 64", "r=8", "a rank-256 lora"
_LORA_RANK = re.compile(
    r"\blora_r(?:ank)?\b\s*[=:]?\s*(\d{1,4})\b"
    r"|\bloraconfig\([^)]*?\br\s*=\s*(\d{1,4})\b"
    r"|\b(?:lora )?rank(?: of|[- ]|\s*[=:]\s*)(\d{1,4})\b"
    r"|(?<![\w.-])r\s*=\s*(\d{1,4})\b(?=[^.?!]*\b(?:lora|alpha|adapter|peft|rank)\b)"
    r"|\blora (?:with )?r\s*=\s*(\d{1,4})\b"
)


def _lora_rank(text: str) -> int | None:
    """The LoRA rank the question states (1 to 4096), else None."""
    m = _LORA_RANK.search(text)
    rank = int(next(g for g in m.groups() if g)) if m else None
    return rank if rank and 1 <= rank <= 4096 else None


_NO_CHECKPOINTING = re.compile(
    r"gradient_checkpointing\W+(?:false|0)\b|\b(?:no|without|disabled?|turn(?:ed)? off|off)\s+"
    r"(?:the\s+)?(?:gradient|activation|grad)[ _-]?(?:checkpointing|ckpt)\b|"
    r"\b(?:gradient|activation|grad)[ _-]?(?:checkpointing|ckpt) (?:is |was )?(?:turned |switched )?(?:off|disabled)\b"
)
# one user only: "just me", "only myself", "a single user", "for personal use"
_ONE_USER = re.compile(
    r"\b(?:just|only)\s+(?:for\s+)?(?:me|myself|one (?:user|person)|1 user)\b|\bfor myself\b|\bsingle[- ]user\b"
    r"|\b(?:a single|one|1)\s+(?:concurrent\s+)?(?:user|person)\b|\bpersonal use\b|\bme alone\b|\bjust me\b"
)
# checkpointing said on ("with gradient checkpointing", "gradient_checkpointing=True", "enable activation
# checkpointing"): None would let an earlier turn's "off" stand in a follow-up
_CHECKPOINTING_ON = re.compile(
    r"gradient_checkpointing\W+(?:true|1)\b|\b(?:with|enable[sd]?|enabling|turn(?:ed|ing)? on|use|using|add(?:ing)?)\s+"
    r"(?:the\s+)?(?:gradient|activation|grad)[ _-]?(?:checkpointing|ckpt)\b"
    r"|\b(?:gradient|activation|grad)[ _-]?(?:checkpointing|ckpt) (?:is |was )?(?:turned |switched )?on\b"
)
_BATCH = [
    re.compile(
        r"(\d+)\s*(?:(?:conc?ur+[ae]nt|simult[a-z]*|parallel|active|internal|external|paying|beta|expected|potential|"
        r"real|human|remote|unique|peak|chat|api|end|online|live)[\s-]+){0,2}(?:users?|requests?|sequences?|sessions?|streams?|people|persons|customers|clients|colleagues|"
        r"co-?workers|employees|staff|students|members|developers|devs|programmers|coders|engineers|researchers|"
        r"ppl|peeps|folks|humans|"
        r"scientists|team[- ]?mates|testers|reviewers|writers|doctors|clinicians|lawyers|nurses|teachers|interns|"
        r"operators|tenants|subscribers|players|agents|callers|visitors|seats|"
        r"conversations|chats|analysts)\b(?![\s_-]*len)"  # "4096 sequence length" is no batch
        # "1000 users per day", "50k requests a month": a volume over a period, not how many at once
        r"(?!\s*(?:(?:per|a|an|each|every)\s+|/\s*)(?:day|week|month|year|hour|minute|sec(?:ond)?|s)s?\b|\s+(?:daily|weekly|monthly))"
    ),
    re.compile(
        r"(?<!effective )(?<!global )(?<!total )batch(?:[- _]?size)?\s*(?:of|=|:|is|to)?\s*(\d+)"
    ),  # "per_device_train_batch_size=2", "batchsize 4", "the batch is 64" too; an effective batch is no micro one
    re.compile(
        r"\b(?:a|our|my) (?:small |whole |dev |research )?team of (\d+)\b(?!\s*(?:gpus?|cards?|nodes?)\b)"
    ),
    _PEOPLE_IN_GROUP := re.compile(  # "my 15 person team", "a 40-people startup": the people the group has
        r"\b(\d+)[\s-]+(?:person|people|member|man|strong)[\s-]+(?:team|company|startup|office|lab|org|group|firm|shop)\b"
    ),
    re.compile(r"(?:concurrency|concurrent users)\s*(?:of|=|:)?\s*(\d+)"),
    # a serving engine's cap on sequences run at once: vLLM --max-num-seqs, TGI --max-concurrent-requests
    re.compile(r"max[-_ ](?:num[-_ ]seqs|concurrent[-_ ]requests)\s*(?:of|=|:|to)?\s*(\d+)"),
    # Ollama's parallel slots, each holding its own context: OLLAMA_NUM_PARALLEL=8
    re.compile(r"(?:\b|_)num[_ ]parallel\s*(?:=|:|to|of|at|is)?\s*(\d+)"),
]
# the sequences a serving engine runs together, as seen: its log line "Maximum concurrency for 8192 tokens per
# request: 4.53x", "vLLM only fits 20 sequences at once", "max concurrency is only 6" (not a count wanted)
_ENGINE_CONCURRENCY = re.compile(
    r"maximum concurrency for ([\d,]+) tokens per request:?\s*(\d+(?:\.\d+)?)\s*x"
)
_SEEN_CONCURRENCY = re.compile(
    r"\bonly (?:fits?|handles?|runs?|serves?|gets?|allows?|supports?|takes?|admits?|schedules?|processes|batches|"
    r"holds?|does|manages?|(?:can|will) (?:fit|handle|run|serve|take|hold|do|process|batch)) (?:about |around |~)?"
    r"(\d+) (?:concurrent |parallel |simultaneous )?(?:sequences|seqs|requests|reqs)\b"
    r"(?!\s*(?:per|a|an|each|/)\s*(?:day|hour|minute|min|second|sec|s)\b)"
    r"|\bmax(?:imum)? concurrency (?:is |of |= ?|: ?)(?:only )?(\d+(?:\.\d+)?)\s*x?(?![\w.])"
)


def _seen_concurrency(plain: str) -> tuple[float | None, int | None]:
    """(sequences, tokens each) a serving engine runs together as the user reports it, else (None, None)."""
    if log := _ENGINE_CONCURRENCY.search(plain):
        return float(log.group(2)), int(log.group(1).replace(",", ""))
    if seen := _SEEN_CONCURRENCY.search(plain):
        return float(seen.group(1) or seen.group(2)), None
    return None, None


# a head count of people ("200 users", "50 employees", "a dozen devs"), not of requests or sequences, with no word
# before the noun saying they are all active at once
_HEAD_COUNT = re.compile(
    r"\d+\s*(?:(?:internal|external|paying|beta|expected|potential|real|human|remote|unique|end|online)[\s-]+){0,2}"
    r"(?!requests?\b|sequences?\b|sessions?\b|streams?\b|conversations\b|chats\b)[a-z-]+\b"
)
# "1000 requests per minute", "600 req/min", "300 RPM": a request rate said by the minute (an API's rate-limit unit)
_REQUEST_RATE_PER_MINUTE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(k)?\s*(?:requests?|reqs?|quer(?:y|ies)|calls|prompts|completions)\s*"
    r"(?:/\s*min(?:ute)?\b|per\s+min(?:ute)?\b|an?\s+min(?:ute)?\b|each\s+minute\b|every\s+minute\b)"
    r"|(\d+(?:[.,]\d+)?)\s*(k)?\s*(?:rpm|qpm|req/min)\b"
)
# "concurrent", "simultaneous", "at once", "at the same time", "in parallel", "peak", "active", a batch or an engine's
# cap on sequences: the users (or requests) counted are in flight together
_AT_ONCE = re.compile(
    r"\bconc?ur+[ae]nt|\bconcurrency\b|\bsimult|\bat (?:the same time|once|a time)\b|\bin parallel\b|\bparallel\b"
    r"|\bpeak\b|\bactive\b|\bbatch|\bmax[-_ ]num[-_ ]seqs\b|\bnum[_ ]parallel\b|\ball (?:of them|\d+) (?:at|hitting|using)\b"
)
# "100 requests per second", "2k req/s", "50 rps", "30 QPS": a request rate to serve
_REQUEST_RATE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(k)?\s*(?:requests?|reqs?|quer(?:y|ies)|calls|prompts|completions)\s*"
    r"(?:/\s*s(?:ec(?:ond)?)?\b|per\s+sec(?:ond)?\b|an?\s+sec(?:ond)?\b|each\s+second\b|every\s+second\b)"
    r"|(\d+(?:[.,]\d+)?)\s*(k)?\s*(?:rps|qps|req/s|reqs/s)\b"
)
# "how many requests per second can it handle", "what rps does one L4 give", "how many queries a minute": the rate a
# setup sustains asked for (a rate said with its number is a target instead: _REQUEST_RATE)
_RATE_ASKED = re.compile(
    r"\bhow many (?:\w+ )?(?:requests?|reqs?|quer(?:y|ies)|calls|prompts|completions|chats|conversations|messages"
    r"|questions|replies|responses|answers)\s*"
    r"(?:/\s*|per\s+|an?\s+|each\s+|every\s+)(sec(?:ond)?|s|min(?:ute)?|hour)\b"
    r"|\b(?:what|how much|max(?:imum)?)\s+(?:\w+\s+){0,2}?(rps|qps|rpm|request rate|requests per (?:second|minute))\b"
)
# "500 token outputs", "replies of 300 tokens", "generating 1k tokens each", "max_tokens=512": the reply length
_OUTPUT_LENGTH = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(k)?[- ]?(?:tokens?|toks?)[- ](?:outputs?|responses?|replies|reply|completions?|answers?|"
    r"generations?)\b|\b(?:outputs?|responses?|replies|reply|completions?|answers?) "
    # "replies of 400 tokens", "replies around 400 tokens", "responses ~300 tokens"
    r"(?:(?:of|are|is|average|averaging|run)\s+)?(?:about |around |roughly |approximately |~\s?)?"
    r"(\d+(?:[.,]\d+)?)\s*(k)?\s*tokens?\b|\bmax_(?:new_)?tokens\s*[=:]\s*(\d+)()"
    r"|(\d+(?:[.,]\d+)?)\s*(k)?\s*(?:output|generated|completion) tokens?\b"
)


def _rate_asked_per(text: str) -> str | None:
    """The unit of a request rate asked for ('second' or 'minute'), or None when none is asked."""
    m = _RATE_ASKED.search(text)
    if m is None:
        return None
    unit = (m.group(1) or m.group(2)).lower()
    return "minute" if unit.startswith(("min", "rpm")) or unit.endswith("minute") else "second"


def _output_tokens(text: str) -> int | None:
    """Tokens generated per request, when the question says it."""
    tokens = _rate_said(_OUTPUT_LENGTH.search(text))
    return round(tokens) if tokens is not None else None


# "5k tokens/s total", "an aggregate throughput of 20,000 tok/s", "total throughput 3000 t/s": generated tokens
# per second over the whole deployment (never one user's speed: that needs "per user" or stands alone)
_TOTAL_TOKEN_RATE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(k)?\s*(?:output\s+|generated\s+)?(?:tokens?|toks?|t)\s*(?:/\s*s(?:ec)?|per\s+sec(?:ond)?|an?\s+second)"
    r"\b[^.?!\d]{0,25}?\b(?:total|overall|aggregate|in total|combined|throughput|system[- ]wide|across)\b"
    r"|\b(?:total|overall|aggregate|combined|system[- ]wide)\s+(?:output\s+|generation\s+|decode\s+|token\s+)?"
    r"(?:throughput|speed|rate)\s+(?:target\s+)?(?:of\s+|at\s+|around\s+|about\s+|~\s*)?(\d+(?:[.,]\d+)?)\s*(k)?\s*"
    r"(?:tokens?|toks?|t)\s*(?:/\s*s|per\s+sec)"
    r"|\bthroughput\s+(?:target\s+)?(?:of\s+)?(\d+(?:[.,]\d+)?)\s*(k)?\s*(?:tokens?|toks?|t)\s*(?:/\s*s|per\s+sec)"
)


def _rate_said(m: re.Match | None) -> float | None:
    """The number a rate match holds ("2k" -> 2000, "20,000" -> 20000), or None."""
    if m is None:
        return None
    groups = m.groups()
    for i in range(0, len(groups), 2):
        if groups[i]:
            value = float(groups[i].replace(",", ""))
            return value * 1000 if groups[i + 1] else value
    return None


# "1 billion tokens a day", "500M tokens per month": a token volume over a period, a throughput averaged over it
_TOKEN_VOLUME = re.compile(
    r"(\d+(?:\.\d+)?)\s*(k|m|b|bn|thousand|million|billion)?\s+(?:output\s+|generated\s+)?tokens?\s*"
    r"(?:(?:per|a|an|each|every)\s+|/\s*)(day|week|month|hour)\b"
)
_API_WEIGHED = re.compile(r"\bapis?\b|\bopenai\b|\banthropic\b|\bself[- ]?host")
_VOLUME_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}


def _token_volume_rate(text: str) -> float | None:
    """Tokens/s a volume over a period comes to, spread evenly around the clock ("1B tokens a day" -> ~11,574)."""
    m = _TOKEN_VOLUME.search(text)
    if m is None or _API_WEIGHED.search(
        text
    ):  # "2M tokens a day: self-host or the API?": the bill over the volume
        return None
    tokens = float(m.group(1)) * _VOLUME_SCALE.get((m.group(2) or "").lower(), 1.0)
    return round(tokens / (_HOURS_IN[m.group(3)] * 3600), 1)


# "1000 users per day", "20k requests a month", "500 daily users": how much is served over a period
_PER_PERIOD_VOLUME = re.compile(
    r"\b\d+(?:,\d{3})*(?:\.\d+)?\s*[km]?\s*(?:users?|requests?|people|customers|visitors|queries|conversations|chats|calls)"
    r"\s*(?:(?:per|a|an|each|every)\s+|/\s*)(?:day|week|month|hour)s?\b"
    r"|\b\d+(?:,\d{3})*(?:\.\d+)?\s*k?\s*(?:daily|weekly|monthly)\s+(?:active\s+)?(?:users?|requests?|visitors|customers)\b"
    r"|\b\d+(?:,\d{3})*(?:\.\d+)?\s*k?\s*dau\b"
)
_BUDGET = re.compile(
    r"(?:\$\s*(\d+(?:,\d{3})*(?:\.\d+)?k?)|(\d+(?:,\d{3})*(?:\.\d+)?k?)\s*(?:dollars?|usd|bucks))\s*(?:/|an?|per|a|each)?\s*"
    r"(?:(h|hrs?|hours?|gpu[- ]?hours?)\b|(days?|weeks?|months?|mo|years?|yr)\b|(daily|weekly|monthly|yearly|annually)\b)?"
)
_PER_PERIOD = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
    "mo": "month",
    "yr": "year",
}
_LARGEST_HOURLY_BUDGET = 100.0  # "$500" with no period is a total to spend, not a price per hour
_PRICE_QUOTED = re.compile(
    r"\b(?:costs?|costing|priced at|goes for|rents? for|rented for|sells? for|charges?|retails? for|paid)\s*"
    r"(?:me\s+|us\s+)?(?:about|around|roughly|~|only|just|like)?\s*$"
)
_MIN_MEMORY = re.compile(r"(?:at least|min(?:imum)?|>=?|more than|over)\s*(\d+)\s*gb")
# a floor the user says they lack: "I don't have a GPU with more than 45GB", "no card over 24gb"
_MODEL_OVER = re.compile(
    r"\b(?:model|it|weights?|files?|checkpoints?)\s+(?:is|are|weighs|takes(?: up)?)\s+(?:a bit |a little |slightly |just |only )?$"
)
_NEGATED_FLOOR = re.compile(r"\b(?:don'?t|do not|doesn'?t|does not|no|without|lack\w*|never)\b[^.?!]*$")
_VENDORS = {
    "NVIDIA": re.compile(r"\bnvidia\b|\bcuda\b"),
    "AMD": re.compile(r"\bamd\b|\brocm\b|\binstinct\b"),
    "Intel": re.compile(r"\bintel\b|\bgaudi\b(?!\s*\d)"),
    # a cloud named as a place to rent ("on AWS", "Google Cloud") is a provider, not a chip maker: only its
    # own chips make it the vendor
    "Google": re.compile(r"\btpus?\b(?!\s*v)|\bgoogle(?:'s)? (?:chips?|accelerators?)\b"),
    "AWS": re.compile(
        r"\bneuron\b|\b(?:aws|amazon)(?:'s)? (?:own )?(?:chips?|accelerators?|silicon)\b|"
        r"\bdoes (?:aws|amazon) (?:offer|have|make|sell|build)\b"
    ),
}
# the least hardware that runs it: "minimum gpu", "min vram", "smallest card", "bare minimum", "minimum requirements"
_MINIMUM = re.compile(
    r"\b(?:minimum|min|minimal|smallest|least|lowest)\b[^.?!]{0,20}?\b(?:gpus?|cards?|vram|hardware|setup|"
    r"requirements?|reqs?|specs?|memory|graphics cards?)\b|\bbare minimum\b"
)
_CHEAPER = re.compile(
    r"\bcheap(?:er|est)?\b|\b(?:less|least) expensive\b|\blower cost\b|\blowest[- ]cost\b|\bleast costly\b|\bbudget\b|\bafford|\bsave money\b|\bcost[- ]effective\b|"
    r"\bcosts? (?:less|the least)\b|\bless costly\b"
)
_FASTER = re.compile(r"\bfast(?:er|est)?\b|\bquick(?:er|est)?\b|\bspeed\b|\bthroughput\b|\bmore powerful\b")
_COMPARATIVE_SPEED = re.compile(
    r"\bfast(?:er|est)\b|\bquick(?:er|est)\b|\bmore powerful\b|\b(?:best|most|max(?:imum)?) speed\b"
)
# one card weighed as another's stand-in: "a good alternative to the H100?", "could an L4 stand in for an A10G?"
ALTERNATIVE = re.compile(
    r"\b(?:alternatives?|replacements?|substitutes?|stand[- ]?ins?) (?:to|for)\b|\bin place of\b"
)
# one card set against another, not beside it: comparisons and a move from one card to the next
_CARDS_WEIGHED = re.compile(
    r"\bthan\b|\bvs\.?(?!\w)|\bversus\b|\bbeats?\b|\boutperforms?\b|\bcompared? (?:to|with)\b|\binstead of\b|\brather than\b"
    r"|\bnext to\b|\bagainst\b|\brelative to\b|\bin comparison\b"
    rf"|{ALTERNATIVE.pattern}"
    # "is an H100 worth it over an A100", "would you pick the L4 over the T4"
    r"|\b(?:worth|better|faster|cheaper|pick\w*|prefer\w*|choos\w*|recommend\w*)\b[^.?!]{0,40}\bover\b"
    r"|\b(?:upgrad\w*|switch\w*|mov(?:e|ing)|go(?:ing)?|jump\w*|migrat\w*) (?:up )?from\b"
    r"|\b(?:replac\w*|swap\w*|trad\w*) (?:out )?(?:my |the |a |an |our )?[\w -]{1,25}? (?:with|for|by)\b"
    # a card had and a card to buy: "I currently have a 3050 … I might buy a 4090", "on my 3060 … would a 3090 help"
    r"|\b(?:currently|right now|at the moment|for now)\s+(?:have|own|use|using|run|running|got)\b[^?]{0,200}?"
    r"\b(?:buy|buying|get|getting|purchas\w*|upgrad\w*)\b"
    r"|\b(?:on|with) (?:my|an?)\b[^?]{0,120}?\bwould (?:an?|buying an?|getting an?|upgrading to an?)\s+[\w ]{2,25}?\s+"
    r"(?:speed\b|be (?:\w+ )?(?:faster|quicker)|make (?:\w+ )?(?:faster|quicker))"
)

# one of two cards to choose: "should I get a 3090 or a 4070 Ti Super", "would you pick the L4 or the A10G", "do I go
# with X or Y" (not "or not", "or more", "or so", which are no alternatives)
_CHOICE_BETWEEN = re.compile(
    r"\b(?:should|shall|would|do)\s+(?:i|we|you)\s+(?:\w+\s+){0,2}?"
    r"(?:get|buy|use|choose|pick|go\s+(?:with|for)|rent|prefer|purchase|opt\s+for|invest\s+in|take|select|recommend)\b"
    r"[^?.!]*\bor\b(?!\s+(?:not|so|more|less|fewer|higher|lower|above|below|similar|something|anything|equivalent)\b)"
)

# formats listed side by side ("4-bit, 8-bit and fp16", "fp16 or int8", "q4 vs q8"), not one converted to another
_FORMATS_JOINED = re.compile(r",|\band\b|\bor\b|\bvs\.?(?!\w)|\bversus\b|/")


def _formats_side_by_side(text: str) -> bool:
    """Whether two different weight formats are named next to each other, joined by a comma, 'and', 'or', 'vs'
    or '/' ("4-bit, 8-bit and fp16"), not merely both somewhere in the text ("f16.bin crashes, works quantized")."""
    spans = sorted((m.start(), m.end(), name) for name, p in _PRECISIONS for m in p.finditer(text))
    return any(
        a[2] != b[2] and b[0] - a[1] <= 12 and _FORMATS_JOINED.search(text[a[1] : b[0]])
        for a, b in pairwise(spans)
    )


_FORMAT_CONVERSION = re.compile(r"\bfrom\b[^.?!]{0,40}?\bto\b|\binto\b|->|\bconvert\w*")

# "4090 or 3090 for stable diffusion", "an L4 or a T4 to run whisper?": the message opens with two things joined by
# "or", then what they are for — a pick between them (two cards must be named for it to count)
_BARE_OR = re.compile(
    r"^\W*(?:(?:ok|so|hmm|quick q(?:uestion)?)[,:]?\s+)?(?:(?:the|an?|one|used|a used)\s+)?[\w.-]+(?:\s+[\w.-]+){0,2}?"
    r"\s+or\s+(?:(?:the|an?|one|used|a used|new|a new|two|2)\s+)?[\w.-]+(?:\s+[\w.-]+){0,3}?\s+(?:for|to)\b"
)
# "would a 4070 Super or a 3090 be smarter for ComfyUI?": two cards joined by "or", then a comparative
_OR_COMPARATIVE = re.compile(
    r"\bor\b[^?.!]{1,40}?\b(?:better|smarter|faster|cheaper|wiser|best|preferable|the better|more (?:sensible|"
    r"worth\w*|future[- ]?proof|cost[- ]effective))\b"
)
# "torn between X and Y, which should I buy?", "which of the two", "either": two named cards, one to pick
_WHICH_OF_THEM = re.compile(
    r"\b(?:torn|choos\w*|chose|decid\w*|pick\w*|choice|options?|stuck|debating|hesitat\w*)\s+between\b"
    r"|\bwhich\s+(?:one|card|gpu|of\s+(?:them|the\s+two|these|those|the\s+cards)|should|would|do)\b"
    # "a Mac Studio or two 4090s, which for 70B?": the alternatives first, then the question
    r"|\bor\b[^?.!]{1,60}?[,;:—–-]\s*which\b"
)

_COMPARE = re.compile(
    r"\bcompare|\bcomparison\b|\bvs\.?\b|\bversus\b|\bdiff(?:erence)?s? (?:between|of)\b|\bbetter\b|\bor the\b|\bor an?\b|\bwhich one\b|\bagainst\b"
    r"|\bspeed[- ]?ups?\b|\bstacks? up\b"  # "the speedup of an L40S over an A10G", "how does X stack up to Y"
    # one GPU measured against another: "why is the H100 so much faster than the A100", "how come X beats Y"
    r"|\bthan\b|\bbeats?\b|\boutperforms?\b|\b(?:advantage|edge|upgrade) (?:over|from)\b"
    r"|\bworth (?:it |the (?:\w+ )?(?:cost|money|price|premium) )?over\b"
    r"|\bas (?:fast|quick|good|powerful|capable|strong) as\b"  # "is the L40S as fast as an H100?"
    r"|\bsame (?:speed |performance )?as\b|\bthe same (?:card|gpu|chip|thing)\b|\bidentical\b"  # "the same as"
)
# "A100 40GB or A100 80GB for …", "a 4090 or a 3090?": one card or another, side by side (two GPUs are named)
_CARD_OR_CARD = re.compile(
    r"\b[a-z]{0,3}\d{1,4}[a-z]{0,3}(?:\s*\d+\s*gb)?\s+or\s+(?:the\s+|an?\s+|one\s+)?(?:rtx\s+|nvidia\s+)?"
    r"[a-z]{0,3}\d{1,4}[a-z]{0,3}\b"
)
_PRICE = re.compile(
    r"\bprice|\bcost|\bhow much (?:is|does|do|would|for)\b|\$|\bper hour\b|\bhourly\b|\brent\b|\bcheap|\bexpensive\b|\bspend\b"
    r"|\bwhat (?:does|do|would|will) (?:it|they|one|an?|the)\b[^?.]{0,20}\b(?:go|rent|sell) for\b|\bgoing rate\b|\b(?:does|do|would|will) [\w.]+ charge\b"
    r"|\belectric(?:ity)? bill|\belectricity\b|\bkwh\b|\bpower bill"  # a running cost in power is a price too
)
# "leaving a g6.xlarge on 24/7 for a month", "monthly for two A100s": a GPU kept running over a period is a bill
_RUN_FOR = re.compile(
    r"\b24/7\b|\b24x7\b|\baround the clock\b|\balways[- ]on\b|\bmonthly\b|\bper (?:month|week|day|year)\b|"
    r"\bfor (?:a|one|1|\d+) (?:months?|weeks?|days?|years?)\b"
)
_SPEC = re.compile(
    r"\bspecs?\b|\bspecifications?\b|\bmemory\b|\bvram\b|\bbandwidth\b|\btflops\b|\bflops\b|\btdp\b|\bpower\b|\bwatts?\b|"
    r"\bsupport|\bfp8\b|\bbf16\b|\bflash ?attention|\bnvlink\b|\binterconnect\b|\brelease|\barchitecture\b|\bhow (?:fast|big|good)\b|"
    r"\btell me about\b|\bwhat is the\b|\bwhat's the\b|\bgood for\b|\bdetails\b|\bhbm\b"
)
_SIZE = re.compile(
    r"\bhow much (?:gpu )?(?:memory|vram|ram)\b|\bhow many gpus\b|\bfit\b|\bfits\b|\bcan i\b|\bcould i\b|\bis (?:it|one|a single) enough\b|"
    r"\benough\b|\bvram (?:do|does|for|to|is)\b|\bmemory (?:do|does|for|to|is)\b|\bsize\b|\bwill it\b|\bpossible\b|\bhow long\b|\bhow fast\b|\btokens per second\b|\btokens/s\b|\btok/s\b"
    # "the memory needed for ...", "vram requirement", "gpu requirements for X": the memory is the question
    r"|\b(?:memory|vram|ram)\s+(?:needed|required|requirements?|footprint)\b|\brequirements?\b"
)
_RECOMMEND = re.compile(
    r"\bwhich\b|\bwhat (?:gpus?|hardware|accelerators?|cards?|instances?|chips?)\b|\bwhat (?:do|would|will) (?:i|we) need to\b|\brecommend|\bsuggest|\bbest\b|\bshould i\b|\bgood (?:gpu|choice|option|setup|rig|build)\b|\bwhat(?:'?s| is) (?:a |the )?(?:good |decent |cheap |simple |basic )?(?:setup|rig|build)\b|\bpick\b|\bchoose\b|\boptions?\b|\bideal\b|\bgo with\b|\buse\b"
)
_EXPLAIN = re.compile(
    r"\bwhat (?:is|are|does)\b|\bwhat's\b|\bexplain\b|\bdifference\b|\bhow (?:does|do|is)\b|\bwhy\b|\bmeaning\b|\bdefine\b|\bwhen should\b|\bpros and cons\b|\btell me\b"
)
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|yo|hiya|good (?:morning|afternoon|evening)|thanks?(?: you| u| a lot| so much)?|thank (?:you|u)(?: (?:so|very) much)?|many thanks|thx|ty|cheers|help(?: me| please)?|\?)\W*$|"
    r"\bwhat can you do\b|\bwho are you\b|\bhow do i use (?:you|this)\b|\bwhat do you (?:know|cover)\b"
)
_DOMAIN = re.compile(
    # cards named by their kind or memory: "graphics cards", "lower-end cards", "8gb ones"
    r"\b(?:graphics?|video|gpu|low[- ]end|lower[- ]end|budget|consumer)\s+cards?\b|\b\d+\s*gb\s+(?:cards?|ones)\b|"
    r"\bhardware (?:is |are |do i |would i )?(?:requirements?|needed|required|need)\b|"
    r"\bgpus?\b|\bvram\b|\baccelerator|\bcuda\b|\brocm\b|\btpus?\b|\bnvidia\b|\bamd\b|\bllms?\b|\bmodels?\b|\btrain|\binfer|\bfine[- ]?tun|"
    r"\bfinetun|\blora\b|\bqlora\b|\bquanti[sz]|\bkv[- ]?cache\b|\btokens?\b|\bbatch|\bvllm\b|\bflops\b|\bmemory\b|\bparam|\bbf16\b|\bfp8\b|"
    r"\bfp16\b|\bint4\b|\bint8\b|\bnvlink\b|\bzero\b|\bfsdp\b|\bparallel|\bcloud\b|\bspot\b|\breserved\b|\bon-demand\b|\bserv(?:e|ing)\b|"
    r"\bgptq\b|\bawq\b|\bgguf\b|\bnf4\b|\bexl2\b|\bllama\.?cpp\b|\bollama\b|\btensorrt|\bkv\b|\bvram\b|\bdeepspeed\b|\bflashattention|\bflash attention|\bhbm\d?e?\b|\bgddr\d?x?\b|\bbandwidth\b|\btransformer|\bneural\b|\bdeep learning\b|\bai\b|\bml\b|"
    r"\bmachine learning\b|\btrainium|\binferentia|\bgaudi\b|\bneuron\b|\bxla\b|\bjax\b|\bpytorch\b|\bactivation|\bcheckpointing\b|\boptimi[sz]er"
    # the terms the answers themselves use: "what is MFU?", "what's a roofline?", "what does prefill mean?"
    r"|\bmfu\b|\b[tp]flops\b|\broofline\b|\bprefill\b|\bpaged ?attention\b|\bcontinuous batching\b|\bgqa\b|\bmqa\b"
    r"|\bmoe\b|\bmixture[- ]of[- ]experts\b|\bttft\b|\bspeculative decoding\b|\bgradient accumulation\b|\btensor cores?\b"
    # a card by its memory or to rent: "cheapest card with 48gb", "a 24 gb card", "which card to rent"
    r"|\bgraphics cards?\b|\bcards?\b[^.?!]{0,30}?\b(?:\d+(?:\.\d+)?\s*gb\b|rent\w*)|\b\d+(?:\.\d+)?\s*gb\s+cards?\b"
    r"|\brent\w*\s+(?:an?\s+|the\s+|some\s+)?cards?\b"
)
_OFF_TOPIC = re.compile(
    r"\bjokes?\b|\bpoems?\b|\bhaikus?\b|\bstory\b|\bsongs?\b|\blyrics\b|\brecipes?\b|\bgaming\b|\bgames?\b|\bfps\b|\bmining\b|\bcrypto|\bbitcoin\b|\bethereum\b|\b(?:video|photo) editing\b"
)
_INJECTION = re.compile(
    r"ignore (?:all |any |the )?(?:previous|prior|above|earlier)|disregard (?:all |the )?(?:previous|prior|above)|"
    r"you are now\b|your system prompt|(?:show|print|repeat|output|dump|leak|give) (?:me |us )?(?:your|the) system prompt|"
    r"reveal (?:your|the) (?:prompt|instructions)|pretend (?:to be|you are)|jailbreak|act as\b"
)


# --- extraction -------------------------------------------------------------------------------


def _scaled(value: str, unit: str | None) -> float:
    factor = {
        "k": 1e3,
        "thousand": 1e3,
        "m": 1e6,
        "million": 1e6,
        "b": 1e9,
        "bn": 1e9,
        "billion": 1e9,
        "t": 1e12,
        "trillion": 1e12,
    }
    return float(value) * factor.get((unit or "").lower(), 1.0)


def _first(patterns, text: str) -> re.Match[str] | None:
    hits = [m for p in patterns for m in [p.search(text)] if m]
    return min(hits, key=lambda m: m.start()) if hits else None


def _without_names(text: str, names: list[str]) -> str:
    """The text with GPU/model mentions blanked, so '8x7b' or 'A100 80GB' are not read as sizes."""
    for name in sorted(names, key=len, reverse=True):
        # whole names only: the T4 inside "int4" is no mention (a count's "x" may touch it: "2xa100")
        text = re.sub(rf"(?<![a-wyz]){re.escape(name)}(?![a-rt-z0-9])", " ", text, flags=re.I)
    return text


def _extract(
    question: str, catalog: Catalog, models: ModelSpecs, offerings=None
) -> tuple[Details, tuple[Premise, ...]]:
    providers, not_providers = read_providers(question, offerings.providers if offerings is not None else ())
    instances = find_instances(question, offerings)
    question = spell_instances(question, instances)  # "2x p4d.24xlarge" -> "16x A100 40GB": the user's GPUs
    question = spell_nodes(question)  # "96 DGX-A100 (8x40G)", "4 nodes of 8x H100": the whole cluster's GPUs
    providers = tuple(dict.fromkeys((*providers, *(i.provider for i in instances))))
    question = _GLUED_COUNT.sub(
        lambda m: f"{m.group(1) or m.group(2)}x ", question
    )  # "8xA100", "1xMI300X", "4*H100": a count, then the GPU
    text = plain_units(_digits(question.lower()))  # "sixteen gigs" -> "16 gb"
    gpus = catalog.find_in_text(question)
    if not gpus and _FREE_COLAB.search(text) and catalog.get("T4") is not None:
        gpus = [catalog.get("T4")]  # "on free colab": the free tier's runtime is one T4
    gpus, ambiguous = _ambiguous_cards(text, gpus, catalog)
    stated_own = None
    own_cards: list = []
    if gpus:
        reading = read_premises(question.lower(), gpus, catalog)
        gpus = [catalog.by_name(reading.swaps.get(g.name, g.name)) for g in gpus]
        own_cards = [
            g for g in gpus if g.name in reading.own_memory
        ]  # counted still: "4 2080 Ti modded to 22GB"
        gpus = list({g.name: g for g in gpus if g.name not in reading.own_memory}.values())
        stated_own = next(iter(reading.own_memory.values()), None)
        premises = reading.premises
    else:
        premises = ()
    # "not an H100", "I can't afford an H100": a card ruled out of the pick, not the one asked about
    not_gpus = tuple(g.name for g in gpus if _card_ruled_out(g, text, catalog))
    gpus = [g for g in gpus if g.name not in not_gpus]
    # a fine-tuning tool's name is no model ("alpaca-lora", "qlora.py" do not name Alpaca or a QLoRA model)
    model_words = without_tool_names(question)
    found_models = models.find_in_text(model_words) or models.find_in_text(
        _digits(model_words)
    )  # "llama three 8b"
    draft = read_draft(question, models)  # speculative decoding: the small draft model is not the one served
    drafted = [m for m in found_models if draft is not None and m.name == draft.name]
    found_models = [m for m in found_models if m not in drafted]
    mentioned = [a for g in gpus for a in (g.name, *g.aliases)] + [
        a for m in (*found_models, *drafted) for a in (m.name, *m.aliases)
    ]
    # "qwen7b", "llama13b": a family, then its size
    plain = _GLUED_SIZE.sub(" ", _without_names(text, mentioned))
    plain = _POINT_SIZE.sub(r"\1.\2b", plain)  # BLOOM's "7b1", "1b7": 7.1B, 1.7B
    plain = re.sub(r"\b\d+\s*x\s*\d+(?:\.\d+)?\s*b\b", " ", plain)  # '8x7b' style MoE names not in the specs
    # "a context window of 131,072 tokens", "1,000 users": a number written with thousands separators is one number
    plain = joined_thousands(plain)
    if _AMD_LAPTOP.search(plain):  # "7840u with 780m": the Radeon iGPU, not a 780M-parameter model
        plain = _AMD_IGPU_NAME.sub(" ", plain)

    params = None
    tokens = None
    for match in _TOKENS.finditer(plain):
        if re.search(r"\b(?:at|beyond|past|above|around)\s*$", plain[: match.start()]):
            continue  # "it OOMs at 8k tokens": a sequence length, not a dataset
        volume = _scaled(match.group(1), match.group(2))
        if match.group(3) and volume < 1e5:
            continue  # "2k output tokens" is a reply's length; "500k output tokens" a volume to generate
        if match.group(2) or float(match.group(1)) >= 1e5:
            tokens = volume
            break
    tokens, examples, epochs = _dataset_tokens(plain, tokens)
    asked = _asked_workload(question, found_models, models, mentioned)
    if asked is not None:  # the model or size in the sentence that asks wins over ones told as background
        found_models, params = asked
    sizes = _size_range(plain) if not found_models and params is None else None
    if sizes is not None:  # "3b-8b models on a 16 GB card?": the largest of the range decides
        params = sizes[1]
    if not found_models and params is None:
        m = _PARAMS.search(_NEGATED_SIZE.sub(" ", plain))  # "not the 40B, the 7B": the size kept
        if m:
            params = _scaled(m.group(1), m.group(2))
            if params > 5e12 or params < 1e7:
                params = None
    found_models, params, model_note = _model_as_read(model_words, found_models, params, models)
    if sizes is not None and not found_models and params == sizes[1]:
        model_note = (
            f"sized for {_size_label(sizes[1])}, the largest of the {_size_label(sizes[0])} to {_size_label(sizes[1])} "
            "you gave; the smaller ones need less"
        )
    weights_gb = None
    gguf_file = bool(_GGUF_RUNTIME.search(plain)) and not _NAMED_WIDTH.search(plain)
    if not found_models and params is None and not gguf_file and not _QUANTIZED_FILE.search(plain):
        w = _MODEL_WEIGHTS_GB.search(plain)
        if w and 2 <= float(next(g for g in w.groups() if g)) <= 2000:
            # "the model requires 70GB" with no name or size: 16-bit weights, 2 bytes per parameter
            weights_gb = float(next(g for g in w.groups() if g))
            params = weights_gb * 1e9 / 2
    elif not found_models and params is None and gguf_file:
        w = _MODEL_WEIGHTS_GB.search(plain)
        if w and 1 <= float(next(g for g in w.groups() if g)) <= 2000:
            # "ollama shows 9gb but the model file is only 4.7gb": a GGUF file as these runtimes download it, in
            # their usual quant, not 16-bit weights (4.7 GB of Q4_K_M is an 8B model, not a 2.4B one)
            a = load_assumptions()
            quant = str(a["default_local_quant"].value)
            bits = float(a["gguf_bits_per_weight"].value[quant])
            size = float(next(g for g in w.groups() if g))
            params = size * 8e9 / bits
            model_note = (
                f"{article(f'{size:g}')} {size:g} GB model file under a GGUF runtime, read as "
                f"{quant.upper()} ({bits:.2f} bits per weight): "
                f"about {params / 1e9:.1f}B parameters"
            )
    context = None
    tried: set[int] = set()
    for cm in sorted((m for p in _CONTEXT for m in p.finditer(plain)), key=lambda m: m.start()):
        # a "k" of context is 1,024 tokens (8k = 8,192; 1M = 1,048,576); a bare "3.1" is a version, not a length
        unit = (cm.group(2) or "").lower()
        value = int(float(cm.group(1)) * {"k": 1024, "m": 1024**2, "million": 1024**2}.get(unit, 1))
        if value >= 256 or (
            # "--max_seq_len 128": a flag is no version; nor is "sequence length 96" (an encoder's short inputs)
            value >= 16
            and (
                cm.re is _CONTEXT[-1]
                or cm.group(0).startswith(("sequence length", "seq len", "seqlen", "seq ", "seq=", "seq:"))
            )
        ):
            context = context or value
            if cm.re is _CONTEXT_NAMED and cm.group(0).startswith(("ctx", "context")):
                tried.add(value)
    if len(tried) >= 3:
        # "num_ctx = 4k … 8k … 12k … num_ctx = 32k uses all my RAM": a series of settings tried, the largest the one
        # that strains the machine
        context = max(tried)
    reset = _CONTEXT_RESET.search(plain)
    if reset and (
        context or _CONTEXT_WORD.search(plain[: reset.start()]) or _CONTEXT_WORD.search(reset.group(0))
    ):
        # "set num_ctx to 32768" names the setting itself; "set it to 128000" needs it named before
        # "num_ctx of 40000 worked … when I set it to 128000": the later setting is the one asked about
        value = int(float(reset.group(1)) * (1024 if reset.group(2) else 1))
        context = value if value >= 256 else context
    if (longest := _longest_of_range(plain)) is not None:
        # "samples span from 50 tokens to 19900 tokens", "sequence lengths between 512 and 8k": memory is set by
        # the longest sequence, not the first figure said
        context = longest
    if changed := _LENGTH_CHANGED.search(plain):
        # "cut the sequence length to 512", "max_length reduced from 2048 to 1024": the setting now asked about
        value = int(float(changed.group(1)) * (1024 if changed.group(2) else 1))
        context = value if value >= 64 else context
    # an RL run holds the prompt and its completion at once; a completion said alone follows TRL's default prompt
    lengths = _prompt_and_completion(plain) or (_completion_only(plain) if _rl_method(text) else None)
    if lengths and (context is None or context < lengths or _PROMPT_LENGTH.search(plain)):
        context = lengths
    if kv_error := kv_cache_error(
        text
    ):  # a pasted "max seq len (N) ... KV cache (M)" error: N is the context
        context = kv_error[0]
    if context is None and len(found_models) == 1 and _full_context_asked(plain):
        # "with its full context window", "vLLM at its default max-model-len": the model's whole trained context
        context = found_models[0].max_context
    target_requests = _rate_said(_REQUEST_RATE.search(plain))
    if target_requests is None and (per_minute := _rate_said(_REQUEST_RATE_PER_MINUTE.search(plain))):
        target_requests = per_minute / 60  # "1000 requests per minute": the same load per second
    if target_requests is None:
        target_requests = peak_requests_per_s(plain)  # "1M requests a day": its busiest hour, as assumed
    target_tokens = _rate_said(_TOTAL_TOKEN_RATE.search(plain)) or _token_volume_rate(plain.lower())
    batch = None
    users_unqualified = False
    bm = _first(_BATCH, plain)
    if bm and not (
        examples and float(bm.group(1)) == examples
    ):  # "on 30000 conversations": a dataset, no batch
        batch = int(bm.group(1))
        users_unqualified = (
            bm.re in (_BATCH[0], _PEOPLE_IN_GROUP)
            and _HEAD_COUNT.match(bm.group(0))
            and not _AT_ONCE.search(plain)
        )
    if micro := _MICRO_BATCH.search(plain):
        # "global batch 128, micro batch 4 per gpu": each GPU holds the micro-batch (the global one is reached by
        # data parallelism and gradient accumulation), so memory is sized at it whichever is said first
        batch = int(next(g for g in micro.groups() if g))
    elif batch is None and (short := _BATCH_SHORT.search(plain)):  # "bs=16", "bsz 8"
        batch = int(short.group(1))
    if changed := _BATCH_CHANGED.search(plain):  # "lower the batch size to 2", "micro batch set to 1"
        batch = int(changed.group(1)) or batch
    if batch is None and _rl_method(text) == "grpo" and (group := _GROUP_SIZE.search(plain)):
        # "num_generations=4", "16 completions per prompt": GRPO trains on a prompt's completions together (TRL
        # needs the batch to hold whole groups), so the group is the micro-batch
        batch = int(next(g for g in group.groups() if g))
    if batch is None and context and (slots := _LLAMACPP_SLOTS.search(plain)) and _LLAMACPP_CTX.search(plain):
        # llama-server "-c 32768 -np 8": the context set is the total, shared by the slots — each gets 4,096 (the
        # server README, "--ctx-size ... divided among parallel slots")
        count = int(slots.group(1))
        if count > 1:
            batch, context = count, math.ceil(context / count)
    if batch is None and (peak := peak_users(plain)):
        # "10k daily users": the users at once at the busiest moment, as assumed (the answer says so)
        batch = peak
    if batch is None and (pool := _kv_pool_tokens(plain)):
        # TGI "--max-batch-total-tokens 100000": the KV cache holds that many tokens over all requests at once —
        # as many sequences of the context as fill it
        length = context or int(load_assumptions().number("default_inference_context"))
        if pool > length:
            batch = math.ceil(pool / length)
    seen_sequences, seen_length = _seen_concurrency(plain)
    if (
        seen_sequences is not None
    ):  # a count the engine gave, to explain: sized for one sequence of that length
        batch, users_unqualified, context = None, False, seen_length or context
    if tokens is None and batch and context and (steps := _STEPS.search(joined_thousands(plain))):
        # "1000 steps at batch 4 and seq 512": the tokens a run of that many optimizer steps trains on
        accumulation = _ACCUMULATION.search(plain)
        tokens = _scaled(steps.group(1) or steps.group(3), steps.group(2)) * batch * context
        tokens *= int(accumulation.group(1)) if accumulation else 1
    rate = _USER_RATE.search(plain)
    if rate and _SPEED_JUDGED.search(plain) and _OBSERVED_SPEED.search(plain):
        rate = None  # "we're at 40 tok/s per user, is that normal?": a speed seen, to be judged, not a target
    expected = _expected_speed(plain) if not rate else None
    # "I get 1.5 tok/s while LM Studio can reach 65", "only 10 t/s, I expected 50": a speed seen beside one hoped
    # for (or reached elsewhere) asks whether the one seen is right; our estimate, not their hope, judges it
    seen_speed = _observed_speed(_EXPECTED_SPEED.sub(" ", plain)) if not rate and expected else None
    if seen_speed is not None and seen_speed < expected:
        expected = None
    due = _deadline(plain)
    task, method_unstated = _task(text, bool(found_models))
    methods_weighed = _methods_weighed(plain)
    if methods_weighed:
        task, method_unstated = Task.FULL, True  # every method sized; the answer picks among those weighed
    if context is None and task in (Task.FULL, Task.LORA, Task.QLORA, Task.PRETRAIN):
        # "LoRA, batch 16, 512 tokens": in a training question a bare count of tokens (hundreds to a million,
        # no 'M' or 'B') is each sample's length; datasets are told in millions or billions of tokens
        context = _bare_sample_length(plain)
    precision, formats_listed = None, False
    if task is not Task.QLORA:
        # an 8-bit optimizer says nothing of the weights; "without quantization" names the format NOT used
        weights_text = _NEGATED.sub(" ", _OPTIMIZER_8BIT.sub(" ", plain))
        if _PREQUANTIZED.search(
            weights_text
        ):  # "-GPTQ ... dtype=float16": fp16 is the compute dtype, not the weights'
            weights_text = _DTYPE_ARG.sub(" ", weights_text)
        precision = next((name for name, p in _PRECISIONS if p.search(weights_text)), None)
        if (
            task in (None, Task.INFERENCE)
            and _formats_side_by_side(weights_text)
            and not _FORMAT_CONVERSION.search(weights_text)
        ):
            # "how much VRAM at 4-bit, 8-bit and fp16?": every format is asked, so none is assumed and each is sized
            precision, formats_listed = None, True
        if precision is None and _NO_QUANTIZATION.search(plain):
            precision = "fp16"  # "no quantization", "not quantized": the 16-bit checkpoint as it ships
        if precision is None and _RAW_CHECKPOINT.search(weights_text):
            # "Llama-2-7b-chat.npz", "consolidated.00.pth": a raw checkpoint holds 16-bit weights
            precision = "fp16"
        asked = [q for q in re.split(r"(?<=[.!?])\s+", weights_text.strip()) if q.rstrip().endswith("?")]
        if precision is not None and asked and asked[-1].strip() != weights_text.strip():
            # "load_in_8bit still OOMs. Should I try 4bit instead?": the format asked about wins over the one tried
            precision = next((name for name, p in _PRECISIONS if p.search(asked[-1])), precision)
        if precision is not None and _NEED_FORMAT.search(weights_text):
            # "do I need to create the model int8?": whether a smaller format is needed is asked, so the model
            # is weighed as it ships, unless a format is also said outside that question
            rest = _NEED_FORMAT.sub(" ", weights_text)
            precision = next((name for name, p in _PRECISIONS if p.search(rest)), None)
    base_text = _OPTIMIZER_8BIT.sub(" ", plain)  # "paged_adamw_8bit" is the optimizer, not the base
    if task is Task.QLORA and _eight_bit_base(base_text):
        # LLaMA-Factory's "QLoRA 8-bit" (quantization_bit: 8), "8-bit qlora": LoRA on a bitsandbytes int8 base
        task, precision = Task.LORA, "int8"
    if task in (Task.FULL, Task.LORA) and precision == "int4" and not _FULL.search(_NEGATED.sub(" ", text)):
        task, method_unstated, precision = Task.QLORA, False, None  # fine-tuning a 4-bit model is QLoRA
    if (
        task is Task.LORA
        and precision is None
        and re.search(r"\bbitsandbytes ?config\b|\bbnb_?config\b|\bbnb_4bit", plain)
    ):
        # "used LoRA and BitsAndBytesConfig": the quantized base of PEFT's QLoRA recipe (load_in_4bit, NF4),
        # unless a bit width says otherwise
        task, method_unstated = Task.QLORA, False
    if task in (Task.FULL, Task.LORA, Task.PRETRAIN) and precision in (None, "fp32", "fp16", "bf16"):
        # a training run is in fp32 only when the run itself is said to be ("AMP off", "no mixed precision",
        # "in float32"); "fp32 master weights" or "fp32 optimizer states" are parts of every mixed-precision run
        precision = "fp32" if _trains_in_fp32(plain) else (None if precision == "fp32" else precision)
    if task is Task.FULL and method_unstated and precision == "int8":
        # "fine-tune llama 7b in 8-bit on a 3090": 8-bit weights do not train, adapters on them do (LoRA on an
        # int8 base, as alpaca-lora's load_in_8bit)
        task, method_unstated = Task.LORA, False
    budget = None
    bud = next(
        (
            m
            for m in _BUDGET.finditer(text)
            if not _PRICE_QUOTED.search(text[max(0, m.start() - 30) : m.start()])
            and not _API_PRICE.match(text, m.start())
        ),
        None,
    )  # "an H100 costs $2/hour" quotes a price; it is not the user's budget
    budget_said = None
    if bud and re.search(r"\$|dollar|usd|bucks", bud.group(0)):
        budget = _hourly_budget(bud, text)
        if budget is not None and (
            _BUDGET_CUE.search(text[max(0, bud.start() - 40) : bud.end() + 25])
            or bud.group(4)  # "$250 a month": read as the hourly budget, so said back in its own period
            or bud.group(5)
        ):
            budget_said = _budget_said(bud)
    api_price = _api_price(text)
    cents = re.search(
        r"(\d+)\s*(?:cents?\b|¢)(?!\s*(?:/|per|a|for)\s*(?:1\s*)?(?:m|mn|million|mil|k|1k|thousand)\b)", text
    )
    if budget is None and cents:
        budget = int(cents.group(1)) / 100
    # "I rent an A100 at $1.50/hr": the price they pay for that GPU, not a ceiling on the others
    own_rates = (
        read_stated_rates(text, gpus, catalog, _price_range(offerings)) if offerings is not None else {}
    )
    if budget is not None and budget in own_rates.values():
        budget = None
    count = _gpu_count(text, gpus or own_cards)
    if count is None and len(gpus) == 1 and gpus[0].memory_gb:
        # "256 GB of VRAM across V100 32GB cards": 8 of them
        count = _count_from_total(text, gpus[0].memory_gb)
    if count is None and len(gpus) == 1 and _IS_ONE_ENOUGH.search(text):
        count = 1  # "is V100 32GB VRAM enough for training?", "is an A100 sufficient": the card, singular
    if count is None and len(gpus) == 1 and _NOTEBOOK.search(text):
        count = 1  # "on colab T4", "colab pro A100": a Colab runtime has one GPU, not the fewest that fit
    if count is None and len(gpus) == 1 and (_OWN_ONE.search(text) or _ONE_CARD.search(text)):
        count = 1  # "I'm using an A100 80GB", "my 3090", "a 48 GB card (A6000)": one card, not the fewest that fit
    if count is None and len(gpus) == 1 and _RAN_OUT.search(text) and not _plural(text, gpus[0]):
        count = 1  # "full finetune on rtx 3090, OOM at step 1": the run that failed was on one card
    # an open question word counts where something is asked: "a 30b 4bit which uses 20gb. Has anyone tried it?"
    asked_text = " ".join(q for q in re.split(r"(?<=[.!?])\s+", text) if q.rstrip().endswith("?")) or text
    spaced = re.sub(r"[ \t]{2,}", " ", text)  # "but  is there a way ...": a doubled blank reads as one
    yes_no = (
        bool(_YES_NO.search(spaced)) and not _OPEN_QUESTION.search(asked_text)
    ) or _last_question_yes_no(spaced)
    if not yes_no and _yes_no_then_conditional(spaced):
        yes_no = True  # "can I fine-tune it on a 3090? if not, which gpu do I need?": the yes/no first, then the rest
    if not yes_no and _declarative_yes_no(_BRACKETED.sub(" ", spaced)):
        yes_no = True  # "what gpu for sdxl? 12gb enough?": the last question asked decides, as in _last_question_yes_no
    if (
        not yes_no
        and (_ELLIPTICAL_YES_NO.search(bare := _BRACKETED.sub(" ", text)) or _UNMARKED_YES_NO.search(bare))
        and not _OPEN_QUESTION.search(asked_text)
    ):
        # "works on 8gb?", "available for low vram?": the subject and auxiliary left out; "my gpu is only 48g, does
        # that mean i can't run it" with no question mark: the inverted clause the message ends with asks
        yes_no = True
    if (
        yes_no
        and (polite := _POLITE_REQUEST.search(text))
        and not _EMBEDDED_YES_NO.search(text[polite.end() :])
    ):
        yes_no = False  # "can you recommend a GPU for X?" asks for the recommendation, not whether I can
    # "... it reported OOM even at batch size 1. Can you help me, please?": the closing plea asks for help, so the
    # question is yes/no only if something before it asks one
    before_plea = _without_closing_request(text)
    if yes_no and before_plea is not None:
        asked_rest = (
            " ".join(q for q in re.split(r"(?<=[.!?])\s+", before_plea) if q.rstrip().endswith("?"))
            or before_plea
        )
        yes_no = (
            bool(_YES_NO.search(before_plea)) and not _OPEN_QUESTION.search(asked_rest)
        ) or _last_question_yes_no(before_plea)
    choice = len(gpus) >= 2 and bool(
        _CHOICE_BETWEEN.search(asked_text)
        or _BARE_OR.search(text.lower())
        or _WHICH_OF_THEM.search(text)
        or _OR_COMPARATIVE.search(asked_text)
    )
    if choice or engine_choice(text):
        # "should I get a 3090 or a 4070 Ti Super for SDXL?", "should I use ollama or vllm?" asks which, not whether
        yes_no = False
    if not yes_no and _LAYERS_ASKED.search(text) and (gpus or _stated_memory(plain)):
        # "how many gpu layers should I set for a 13B on 6GB?": whether it fits the card, and if not, the layer
        # split — the fit check against their card, not a card to pick
        yes_no = True
    if (
        not yes_no
        and _BARE_FIT_QUESTION.search(text if before_plea is None else before_plea)
        and (gpus or _stated_memory(plain))
        and not _OPEN_QUESTION.search(asked_text)
        and not _WAY_ASKED.search(asked_text.lower())
    ):
        yes_no = bool(found_models or params or _PARAMS.search(plain))  # "phi3:14b on a 12GB 4070?"
    if (
        not yes_no
        and len(gpus) == 1
        and (found_models or params)
        and _CARD_FOR_JOB.search(asked_text.strip())
    ):
        yes_no = True  # "rtx 3060 for llama 13b?", "a T4 for mistral 7b": is that card enough for the model
    one_desktop = len(gpus) == 1 and gpus[0].gpu_class in ("consumer", "local") and not _plural(text, gpus[0])
    if count is None and one_desktop and (yes_no or _OWNS.search(text) or _HOME_RUNTIME.search(text)):
        # "can an RTX 5090 run 70B?", "my PC with an RTX 3060 ... OOM", "ollama qwen2.5:14b on rtx 3080": a
        # desktop card or a Mac in the singular is the one the user has, not "the fewest that fit"
        count = 1
    min_memory = sized_pick = None
    card_size = _card_size_asked(plain) if not gpus else None
    mm = _MIN_MEMORY.search(plain)
    if card_size:  # "how many 24GB GPUs": cards of that size, counted — not a floor, nor the user's one card
        pass
    elif mm:
        min_memory = float(mm.group(1))
    elif not gpus and not yes_no and not (_HOME_RUNTIME.search(text) and _host_ram(plain)):
        # "a GPU with 80gb of vram": a floor when picking one; not "koboldcpp … on 6GB VRAM and 16GB RAM", the
        # user's own machine (a home runtime and the RAM beside the card)
        floor = _STATED_MEMORY[1].search(plain)
        if floor is None and _PICKS_A_CARD.search(plain) and not _OWNS.search(text):
            floor = sized_pick = _SIZED_CARD.search(
                plain
            )  # "cheapest 48gb gpu to rent": a floor, not their card
        min_memory = (
            float(next(g for g in floor.groups() if g))
            if floor and 2 <= float(next(g for g in floor.groups() if g)) <= 320
            else None
        )
    not_vendors = tuple(v for v, p in _VENDORS.items() if _ruled_out(p, text))
    vendor = next((v for v, p in _VENDORS.items() if p.search(text) and v not in not_vendors), None)
    if vendor and gpus and all(g.vendor == vendor for g in gpus):
        vendor = None  # "the NVIDIA H100" names a GPU, not a filter
    unknown = None
    if not found_models and params is None:
        unknown = _unknown_model(plain, models)
    # a card named with no count is one of it only where the question asks which setup to pick for a workload
    # ("a Mac Studio or two 4090s for 70B, which?"); "V100 vs A100" beside "my 2 V100s" keeps the count said
    # a Mac is one machine: "a mac studio or 4x 3090 for llms?" weighs one Mac against four cards, model or not
    a_mac = any(g.gpu_class == "local" for g in gpus)
    setups = _setups(
        text,
        gpus,
        a_mac
        or (
            (choice or bool(_WEIGHED_OVER.search(text)) or bool(_VERSUS.search(text)))
            and bool(found_models or params)
        ),
    )
    counts_weighed: tuple[int, ...] = ()
    if len(gpus) <= 1 and not setups and (weighed := _counts_weighed(text, count)):
        count, counts_weighed = (
            weighed[0],
            weighed[1:],
        )  # the count asked about, then the one it is set against
    elif count and task is not None and task.is_training and (reference := _reference_count(text, count)):
        counts_weighed = (reference,)  # "trained on 8x A100 ... will 2 of them work?": the run set against 8
    seen = _observed_gb(text)  # names kept: "using 24GB 3090" is the card, not a reading
    details = Details(
        weights_gb=weights_gb,
        file_gb=_file_gb(plain),
        observed_gb=seen,
        unknown_model=unknown,
        compared_models=tuple(m.name for m in found_models[1:]),
        counts_weighed=counts_weighed,
        draft_model=draft.name if draft else None,
        draft_params=draft.params if draft else None,
        draft_kv_values=draft.kv_values_per_token if draft else None,
        wants_kv_math=_asks_kv_math(text),
        shared_prefix_tokens=_shared_prefix(text),
        model=found_models[0].name if found_models else None,
        params=found_models[0].params if found_models else params,
        model_note=model_note,
        family_ladder=_largest_of_family(model_words, models) if not params else (),
        model_use=_model_use(text) if not found_models and not params else None,
        task=task,
        # "a 40GB model" read as 16-bit weights: that is the format they hold, not the runtime's usual quant
        precision=precision or ("bf16" if weights_gb else None),
        context=context,
        batch=batch,
        tokens=tokens,
        gpus=tuple(g.name for g in gpus),
        gpu_count=count if count and 0 < count <= 1024 and not setups else None,
        budget_per_hour=budget,
        budget_said=budget_said if budget is not None else None,
        users_unqualified=bool(users_unqualified and batch and batch > 1),
        # "our box does about 1300 tokens/s total": a total seen, set against the estimate, not a target
        target_tokens_per_s=None
        if target_tokens and _observed_speed(plain) == target_tokens
        else target_tokens,
        target_requests_per_s=target_requests,
        rate_asked_per=_rate_asked_per(plain),
        output_tokens=_output_tokens(plain),
        own_rates=tuple(own_rates.items()),
        memory_fraction=_memory_fraction(plain),
        rl_colocated=bool(_RL_COLOCATED.search(plain)),
        rl_no_reference=bool(_RL_BETA_ZERO.search(plain)),
        rl_vllm=bool(_VLLM_NAMED.search(plain)) and not _VLLM_OFF.search(plain),
        vendor=vendor,
        min_memory_gb=min_memory,
        card_memory_gb=card_size,
        cheaper=bool(_CHEAPER.search(text)),
        minimum_asked=bool(_MINIMUM.search(text)),
        several_cards=several_cards(text),
        adds_card=adds_card(text),
        card_memories=card_memories(text),
        faster=bool(_FASTER.search(text)),
        local=bool(_LOCAL.search(text) or _CONSUMER_ONLY.search(text)) or _buys_a_card(text),
        consumer_only=bool(_CONSUMER_ONLY.search(text)),
        method_unstated=method_unstated,
        methods_weighed=methods_weighed,
        stated_memory_gb=(
            (_stated_memory(plain) or card_ram_gb(plain))
            if not card_size and not sized_pick and (not gpus or not any(g.memory_gb for g in gpus))
            else None
        ),
        yes_no=yes_no and not methods_weighed,  # "should I use lora or qlora?" asks which, not whether
        formats_listed=formats_listed,
        user_tokens_per_s=float(next(g for g in rate.groups() if g)) if rate else None,
        observed_tokens_per_s=(seen_speed or _observed_speed(plain)) if not rate and not expected else None,
        observed_sequences=seen_sequences,
        expected_tokens_per_s=expected,
        wants_first_token=bool(_FIRST_TOKEN.search(text)),
        lora_adapters=_lora_adapters(text, batch) if task is Task.INFERENCE else 0,
        deadline_hours=float(due.group(1) or 1) * _HOURS_IN[due.group(2)] if due else None,
        wants_cost=(bool(_COST_QUESTION.search(_HOURLY_CEILING.sub(" ", text))) and not _resource_cost(text))
        or api_price is not None,
        api_price_per_million=api_price,
        wants_capacity=bool(_CAPACITY_QUESTION.search(text)),
        format_asked=bool(_FORMAT_ASKED.search(text)),
        setups=setups,
        wants_time=bool(
            re.search(
                r"\bhow long\b|\bhow many (?:[\w.-]+[ -]){0,2}(?:seconds|secs|minutes|mins|hours|days|weeks)\b"
                r"|\btime to (?:train|fine)"
                r"|\bhow much (?:gpu |compute |training |wall[- ]clock )?time\b"
                # "estimated training time", "expected finetuning time", "ETA for the run"
                r"|\b(?:training|fine[- ]?tuning|finetuning|run|wall[- ]clock|estimated|expected|total) time\b"
                r"|\b(?:eta|time estimate)\b"
                # "how many epochs can I run per hour", "how many steps a day": the time one takes, asked as a rate
                r"|\bhow many (?:\w+ ){0,2}?(?:epochs|steps|iterations)\b[^.?!]{0,40}\b(?:per|an?|each) (?:hour|day|minute)\b"
                # the wall clock, or the compute a run takes ("total training FLOPs", "compute budget")
                r"|\bwall[- ]?clock\b|\bhow many (?:total )?flops\b|\b(?:training|total) flops\b|\bcompute budget\b",
                text,
            )
            and not _LONGEST_CONTEXT.search(text)
        ),
        longest_context=bool(_LONGEST_CONTEXT.search(text)),
        providers=providers,
        not_providers=not_providers,
        not_vendors=not_vendors,
        not_gpus=not_gpus,
        instance=instances[0].name if instances else None,
        optimizer="paged_inbwd"
        if _TORCHTUNE_SINGLE_DEVICE.search(text)
        else (
            "adam8bit"
            if _OPTIMIZER_8BIT.search(text)
            else (
                "adafactor"
                if _ADAFACTOR.search(text)
                else ("adamw" if _OPTIMIZER_ADAM.search(text) else None)
            )
        ),
        gradient_checkpointing=False
        if _NO_CHECKPOINTING.search(text)
        else (True if _CHECKPOINTING_ON.search(text) else None),
        largest_batch=_asks_largest_batch(text),
        preference=bool(_PREFERENCE.search(text) or _REFERENCE_FREE_PAIRS.search(text)),
        pair_method=_pair_method(text),
        preference_method=_preference_method(text),
        fused_loss=bool(_FUSED_LOSS.search(text)),
        unsloth=bool(re.search(r"\bunsloth\b", text)),
        finetune_tool=finetune_tool_in(text),
        lora_rank=_lora_rank(text),
        rl=_rl_method(text),
        rl_generations=_group_said(plain) if _rl_method(text) else None,
        rl_completion=_completion_said(plain) if _rl_method(text) else None,
        train_embeddings=bool(_TRAINED_EMBEDDINGS.search(text)),
        cpu_offload=bool(_CPU_OFFLOAD.search(_NEGATED_OFFLOAD.sub(" ", text)) or _PARAM_OFFLOAD.search(text)),
        param_offload=_param_offload(text),
        # an 8-bit bitsandbytes base under LoRA is sharded by neither FSDP nor ZeRO-3 (FSDP-QLoRA is 4-bit only):
        # with one of those named for it, each GPU holds it whole unless a layer split (device_map) is said
        data_parallel=(bool(_DDP.search(text)) and not _SHARDED.search(text))
        or (
            task is Task.LORA
            and precision == "int8"
            and (count or 0) > 1
            and bool(_SHARDED.search(text))
            and not _LAYER_SPLIT.search(text)
        ),
        zero_stage=_zero_stage(text),
        strategies=_strategies(text) if len(_strategies(text)) > 1 else (),
        multi_gpu=_multi_gpu(text),
        full_shard_named=bool(_FULL_SHARD.search(text)),
        owns_gpus=bool(gpus) and bool(_OWNS.search(text)),
        cards_weighed=len(gpus) >= 2 and (bool(_CARDS_WEIGHED.search(text)) or choice),
        per_period=(m.group(0).strip() if (m := _PER_PERIOD_VOLUME.search(text)) else None),
        examples=examples if tokens is None else None,
        epochs=epochs if tokens is None else None,
        # the RAM beside a card named, or beside VRAM told by its size ('8gb vram and 32gb ram')
        host_ram_gb=_host_ram(text)
        if gpus or count or _STATED_MEMORY[1].search(text) or _STATED_MEMORY[2].search(text)
        else None,
        dataset_bytes=_dataset_bytes(text) if tokens is None and examples is None else None,
        stated_gpu_hours=stated_gpu_hours(text),
        cluster_gpus=cluster_gpus(text),
        stated_wall_hours=stated_wall_hours(text),
        reference_wall_hours=reference_wall_hours(text),
    )
    if stated_own is not None and details.stated_memory_gb is None:
        details = replace(details, stated_memory_gb=stated_own)
    if (
        len(details.gpus) == 1
        and details.gpu_count is None
        and (_DOES_NOT_FIT.search(text) or _RAN_SLOW.search(text))
        and not _SEVERAL_CARDS.search(text)
    ):
        # "I tried it on an A10G and it does not fit", "it runs slow on my 3090": the card they tried is one card,
        # not a count to choose
        details = replace(details, gpu_count=1)
    if job := read_weights_job(text):
        details = replace(details, weights_job=job, job_ram_gb=job_ram_gb(text))
    if ambiguous:  # "RTX 6000": every card of that name is checked, and the answer says so
        details = replace(details, model_note="; ".join(n for n in (details.model_note, ambiguous) if n))
    if took := engine_memory_seen(plain):
        # "why does vLLM need 70GB for a 7B model?": the figure is what the server took, not the user's card — nor
        # is another reading of the run ("in HF the GPU usage is about 26G, in vLLM 73G"); of several readings the
        # server's is the largest
        stated = (
            None if details.stated_memory_gb in (took, *usage_figures(plain)) else details.stated_memory_gb
        )
        details = replace(details, observed_gb=max(took, details.observed_gb or 0), stated_memory_gb=stated)
    return details, premises


# a model told only by its size on disk or in memory: "the model requires 70GB", "my 40 GB model", "model size is 26GB"
_MODEL_WEIGHTS_GB = re.compile(
    r"\bmodel(?:'s)?(?: weights?| files?| size| checkpoint)?\s+(?:itself\s+)?(?:requires|needs|takes(?: up)?|is|weighs|"
    r"uses|has|of)\s+(?:about |around |roughly |~|only |just |over )?(\d+(?:\.\d+)?)\s*gb\b"
    r"|\b(\d+(?:\.\d+)?)\s*gb\s+(?:vram\s+|weights?\s+)?(?:model|checkpoint|gguf)\b"
    # "a model whose weights are 28GB": the weights' own size
    r"|\bweights?\s+(?:are|is|weigh|take(?: up)?)\s+(?:about |around |roughly |~|only |just |over )?(\d+(?:\.\d+)?)\s*gb\b"
)
# runtimes that download GGUF files in a quantized format by default, and a bit width or GGUF type said outright
_GGUF_RUNTIME = re.compile(r"\bollama\b|\bllama\.?cpp\b|\blm ?studio\b|\bkoboldcpp\b|\bgguf\b|\bjan\b")
_NAMED_WIDTH = re.compile(
    r"\bq[2-8](?:_\w+)?\b|\b[2-8][- ]?bits?\b|\bint[48]\b|\bfp16\b|\bf16\b|\bbf16\b|\bgptq\b|\bawq\b|\bexl2\b"
)
# a quantized file's size says nothing of its parameter count without its bit width
_QUANTIZED_FILE = re.compile(
    r"\bgguf\b|\bgptq\b|\bawq\b|\bexl2\b|\bq[2-8]\w*|\b[48][- ]?bit\b|\bint[48]\b|\bquanti"
)


# a dataset told in examples: "100k samples of 1,000 tokens", "50k rows averaging 512 tokens each"
_SAMPLES = re.compile(
    r"(\d+(?:\.\d+)?)\s*(k|thousand|m|million)?\s*(?:training\s+)?(?:samples|examples|rows|records|instructions|"
    r"pairs|documents|docs|dialogues|conversations)\b[^.?!\d]{0,25}?(\d+(?:\.\d+)?)\s*(k)?\s*tokens?\b"
)
_EPOCHS = re.compile(r"(\d+(?:\.\d+)?)\s*epochs?\b")
# a run counted in optimizer steps ("for 1000 steps", "2k training steps", "max_steps=500") and the gradient
# accumulation that multiplies each step's batch
_STEPS = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(k)?\s*(?:training\s+|optimizer\s+)?(?:steps|iterations|iters)\b|max_steps\W{1,3}(\d+)()"
)
_ACCUMULATION = re.compile(
    r"(?:gradient[_ ]accumulation(?:[_ ]steps)?|grad[_ ]acc\w*)\W{0,3}(?:of\s+)?(\d+)\b"
)
# a dataset counted in examples, their length said elsewhere or not at all: "on 50k samples", "120000 rows"
_EXAMPLES = re.compile(
    r"(\d+(?:\.\d+)?)\s*(k|thousand|m|million)?\s*(?:[a-z-]+\s+)?(?:samples|examples|rows|"
    r"records|instructions|pairs|dialogues|conversations|q&a pairs|qa pairs)\b"
)
# how long each example is, said on its own: "samples are around 512 tokens", "avg length 1k tokens", "each about
# 800 tokens", "~300 tokens per example"
_PER_EXAMPLE = re.compile(
    r"(?:avg|average|mean|typical|each|per (?:sample|example|row)|(?:samples|examples|rows|they) are)\b[^.?!\d]{0,25}?"
    r"(\d+(?:\.\d+)?)\s*(k)?\s*tokens?\b"
    r"|(\d+(?:\.\d+)?)\s*(k)?\s*tokens?\s*(?:each|per (?:sample|example|row|conversation)|on average|avg)\b"
)


def _model_as_read(question: str, found_models: list, params: float | None, models: ModelSpecs):
    """(models, params, note): a community fine-tune named with its size is its base model ('vicuna 13b' is
    LLaMA 13B), a family named without a size is its most used size ('llava', 'qwen3'), a family with a bare
    size is that family's row of the size ('qwen3 with 14 billion parameters'); the note says which was taken."""
    if found_models and (vision := _vision_model_on(question, found_models[0], models)) is not None:
        said, row = vision
        return (
            [row],
            None,
            f"read '{said}' on the {found_models[0].name} language model as {row.name}: its vision encoder and image "
            "tokens are sized too",
        )
    if found_models:
        tune = models.fine_tune_named(question, found_models[0])
        if tune and tune.lower() not in found_models[0].name.lower():
            base = found_models[0].name
            return (
                found_models,
                params,
                f"{tune} is a fine-tune of {base}, so it is sized with {base}'s architecture",
            )
        return found_models, params, None
    family = models.family_in_text(question)
    if family is None and params is None and (variant := models.family_variant_in_text(question)):
        # "Qwen2-Audio", "qwen2.5 omni": a variant of a family on record, not itself on record, is sized as the
        # family's most-run row, said so, rather than answered with a question
        said, spec = variant
        encoder = re.search(r"\b(audio|omni|vision|vl)\b", said.lower())
        return (
            [spec],
            None,
            f"{said} is not in my model specs, so it is sized as {spec.name}, the {spec.family_names[0].title()} most "
            f"people run{'; the audio or vision encoder it adds is not counted' if encoder else ''}",
        )
    if family is None:
        unlisted = _unlisted_name(question, params, models) if params is not None else None
        if unlisted is None:
            return found_models, params, None
        if (vlm := _vision_stand_in(unlisted, params, models)) is not None:
            # "VideoLLaMA2-7B", "MiniGPT4-Video 7B": a video / vision-language model not on record is sized as the
            # one of its size that is, so its frames add their visual tokens (a text model would drop them)
            return (
                [vlm],
                None,
                f"{unlisted} is not in my model specs; its name says it is a video / vision-language model, so it "
                f"is sized as {vlm.name}, the one of its size on record (vision encoder and visual tokens per "
                "image or frame included)",
            )
        note = f"{unlisted} is not in my model specs, so it is sized as a typical {_size_label(params)} model"
        return found_models, params, note
    said, spec = family
    if params is not None:  # "a 13B llava": the family's row of that size, if there is one
        near = [m for m in models if m.family == spec.family and abs(m.params - params) < 0.15 * params]
        if not near:
            return found_models, params, None
        return [near[0]], None, f"read '{said}' at {_size_label(params)} as {near[0].name}"
    named = models.families_in_text(question)
    if len(named) > 1:  # "llama 3 or qwen3 on a 4090?": each family's usual size, compared
        rows = list({s.name: s for _, s in named}.values())
        which = " and ".join(s.name for s in rows)
        return rows, None, f"you did not say which sizes, so this is for {which}, the ones most people run"
    if extreme := _SIZE_EXTREME.search(question.lower()):
        # "the smallest qwen3", "the biggest llama 3.1 I can run": that end of the family, not its usual size
        after = question.lower()[extreme.end() :]
        biggest_that_runs = extreme.group(2) and _RUNS_AFTER.match(after[len(said) :])
        if after.startswith(said.lower()) and not biggest_that_runs:
            rows = sorted((m for m in models if m.family == spec.family), key=lambda m: m.params)
            if rows:
                end = extreme.group(1) or extreme.group(2)
                pick = rows[0] if extreme.group(1) else rows[-1]
                return [pick], None, f"read '{end} {said}' as {pick.name}"
    others = models.sizes_of(spec)
    also = f" (I also have {', '.join(others)})" if others else ""
    return (
        [spec],
        None,
        f"you did not say which size of {said}, so this is for {spec.name}, the one most people run{also}",
    )


def _vision_model_on(question: str, found, models: ModelSpecs):
    """(family as said, row) of the vision-language model of ``found``'s size when the question names a VLM family
    without a size beside its language backbone ('LLaVA-v1.5 ... the vicuna 13b config'): LLaVA-1.5 13B, not
    the Vicuna (LLaMA 13B) it is built on; None otherwise."""
    if found.image_tokens:
        return None
    for said, spec in models.families_in_text(question):
        if not spec.image_tokens or spec.family == found.family:
            continue
        near = [
            m
            for m in models
            if m.family == spec.family
            and m.image_tokens
            and abs(m.params - found.params) < 0.15 * found.params
        ]
        if near:
            return said, near[0]
    return None


def _largest_of_family(question: str, models: ModelSpecs) -> tuple[str, ...]:
    """The family asked for at its largest that runs ("the biggest qwen2.5 I can run on my 4090"): its models as
    said ("llama 3.1": the Llama 3.1 rows of the Llama 3 family), smallest first; () when not asked so."""
    family = models.family_in_text(question)
    extreme = _SIZE_EXTREME.search(question.lower())
    if family is None or extreme is None or not extreme.group(2):
        return ()
    said, spec = family
    after = question.lower()[extreme.end() :]
    if not (after.startswith(said.lower()) and _RUNS_AFTER.match(after[len(said) :])):
        return ()
    rows = sorted((m for m in models if m.family == spec.family), key=lambda m: m.params)
    as_said = [m for m in rows if m.name.lower().startswith(said.lower() + " ")]
    return tuple(m.name for m in (as_said or rows))


# "for coding", "a coding LLM", "as a code assistant": local models wanted for writing code
_CODING_USE = re.compile(
    r"\b(?:for|at|with|as)\s+(?:(?:a|an|the|my|our|some|local|agentic|ai|writing)\s+){0,2}(?:coding|programming|"
    r"code(?:\s+(?:completion|generation|assist\w*|review))?|software development)\b"
    r"|\bcod(?:ing|er)\s+(?:model|llm|assistant|agent)s?\b"
)


# the link a card sits on: its PCIe generation or lane width, the slot, a riser or an external enclosure
_LINK_SPEED = re.compile(
    r"\bpcie?\b|\bpci[- ]?e(?:xpress)?\b|\bgen ?[345]\b|\bx(?:1|4|8|16)\b|\blanes?\b|\bslots?\b|\briser\w*|\bbifurcat\w*"
    r"|\boculink\b|\bthunderbolt\b|\bchipset\b"
)
# whether it costs speed: "slow down", "bottleneck", "hurt", "matter", "performance hit"
_LINK_EFFECT = re.compile(
    r"\bslow(?:s|ing|ed)?\s+(?:\w+\s+){0,2}?down\b|\bslower\b|\bbottleneck\w*|\bhurts?\b|\bmatters?\b|\baffects?\b"
    r"|\bimpact\w*|\bperformance (?:hit|loss|penalty)|\bhold\w* (?:\w+\s+)?back\b|\bcripple\w*|\bhandicap\w*"
)


def asks_link_speed(question: str) -> bool:
    """Whether the question asks what the PCIe link a card sits on (generation, lanes, slot, riser) costs in speed."""
    text = question.lower()
    # "NVLink vs PCIe, does it matter?" weighs the link between cards: the multi-GPU guide's question
    return bool(_LINK_EFFECT.search(text) and _LINK_SPEED.search(text)) and "nvlink" not in text


# a model to pick asked for ("which", "best", "a good one", "recommend"), not why one is slow
_PICK_ASKED = re.compile(
    r"\b(?:which|what|best|good|pick|top|strongest|smartest|recommend\w*|suggest\w*|handle|run)\b"
)


def _model_use(text: str) -> str | None:
    """The use the models are wanted for, when it has its own ladder of models ('coding'), else None."""
    return "coding" if _CODING_USE.search(text.lower()) else None


# "the biggest llama 3.1 I can run on two H100s": the largest that fits, which the hardware answer gives
_RUNS_AFTER = re.compile(
    r"\s*(?:model\s+)?(?:that\s+|which\s+)?(?:i|we|you|it)?\s*(?:can|could|will|would)?\s*(?:run|fit|fits|load)"
)
# "the smallest qwen3", "biggest version of llama 3.1": a family's end named by a superlative just before it
_SIZE_EXTREME = re.compile(
    r"\b(smallest|tiniest|lightest)\s+(?:(?:version|size|variant|model|one)\s+of\s+)?(?:the\s+)?"
    r"|\b(largest|biggest)\s+(?:(?:version|size|variant|model|one)\s+of\s+)?(?:the\s+)?"
)


def _unlisted_name(question: str, params: float, models: ModelSpecs) -> str | None:
    """The model name a size is attached to when the specs lack it ('olmo 7b', 'nous-hermes-13b'), so the answer
    can say it sized a typical model of that size; None for 'a 7B model', 'run 13b' or a known family's word."""
    families = {
        m.group()
        for spec in models
        for m in [re.match(r"[a-z]+", spec.family.lower().replace(" ", ""))]
        if m and len(m.group()) > 1  # one letter (T5's "t") names no family
    }
    for size in _NAMED_SIZE.finditer(question):
        if abs(float(size.group(1)) * 1e9 - params) > 0.01 * params:
            continue
        words: list[str] = []
        for token in reversed(question[: size.start()].rstrip(" -_").split()):
            if token.rstrip("\"')`").endswith((".", "?", "!", ";", ",", ":")):
                break  # "a smaller version? 7B needs 14GB", "… adam take, 7b on an a100": a new clause starts
            token = token.strip("\"'`()[],:;!?")
            parts = [p for p in re.split(r"[-_.]", token.lower()) if p]
            if (
                not parts
                or not re.search(r"[a-z]", token, re.I)
                or all(p in _NOT_A_NAME or p.isdigit() for p in parts)
            ):
                break
            words.insert(0, token)
            if len(words) == 2:
                break
        if not words:
            return None
        first = re.match(r"[a-z]+", words[0].lower())
        if first is None or len(first.group()) < 2:
            return None  # no name
        heads = [re.match(r"[a-z]+", w.lower()) for w in words]
        if any(h and h.group() in families for h in heads):
            return (
                None  # a known family at a size it lacks ('gemma 27b', 'can I fit llama 70b'), not a new name
            )
        return " ".join(words)
    return None


# a model name that says it sees images or video: "VideoLLaMA2", "MiniGPT4-Video", "Video-ChatGPT", "InternVL"
# — "video" only beside a language-model word: HunyuanVideo, CogVideoX and VideoCrafter generate video
_LM_WORD = r"(?:llama|llava|chat|gpt|llm|lm|r1|qa|minigpt\d*)"
_VISION_NAME = re.compile(
    rf"video[-_ ]?{_LM_WORD}|{_LM_WORD}[-_ ]?video|vision|visual|llava|vlm|mllm|(?:^|[-_ ])vl\b|vl(?=[-_ ]?\d)|\w+vl\b",
    re.IGNORECASE,
)


def _vision_stand_in(name: str, params: float, models: ModelSpecs):
    """The row of the stand-in vision-language family (LLaVA, ``vision_stand_in_family``) nearest ``params``
    (within 30%), when ``name`` says it is a video / vision-language model; None otherwise."""
    if "/" in name or not _VISION_NAME.search(name):
        return None  # a hub id ("org/llava-v1.6-7b") is sized from its own config.json
    family = str(load_assumptions()["vision_stand_in_family"].value)
    rows = [
        m for m in models if m.family == family and m.image_tokens and abs(m.params - params) <= 0.3 * params
    ]
    return min(rows, key=lambda m: abs(m.params - params), default=None)


_NAMED_SIZE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*b\b", re.IGNORECASE)
_NOT_A_NAME = frozenset([  # words around a size that are not a model's name ('run a 13b', 'my own 7B llm')
    "a", "an", "the", "my", "our", "your", "this", "that", "these", "those", "its", "their", "of", "for",
    "to", "on", "in", "at", "with", "without", "by", "from", "into", "is", "are", "was", "were", "be",
    "can", "could", "would", "should", "will", "do", "does", "did", "i", "we", "you", "it", "run",
    "running", "runs", "serve", "serving", "host", "hosting", "deploy", "load", "loading", "train",
    "training", "trained", "tune", "tuning", "finetune", "finetuning", "fine", "pretrain", "pretraining",
    "lora", "qlora", "full", "model", "models", "llm", "llms", "parameter", "parameters", "param",
    "params", "size", "sized", "about", "around", "approx", "roughly", "like", "than", "vs", "versus",
    "or", "and", "but", "new", "own", "custom", "base", "instruct", "chat", "dense", "moe", "quantized",
    "quant", "gguf", "gptq", "awq", "fp16", "bf16", "fp8", "int4", "int8", "bit", "any", "some", "which",
    "what", "how", "much", "many", "big", "bigger", "small", "smaller", "large", "larger", "huge",
    "tiny", "whole", "entire", "single", "one", "two", "three", "four", "five", "six", "eight", "x",
    "using", "use", "want", "need", "try", "trying", "get", "got", "have", "has", "had", "up", "only",
    "fit", "fits", "fitting", "squeeze", "put", "doing", "done", "mostly", "mainly", "primarily", "usually",
    "typically", "normally",
    "just", "even", "also", "same", "similar", "another", "other", "each", "every", "per", "over",
    "under", "between", "either", "both", "all", "gpu", "gpus", "card", "cards", "vram", "memory", "ram",
    "mixture", "experts", "expert", "open", "source", "local", "locally", "hf", "ollama", "vllm", "tgi",
    "llama.cpp", "something", "eg", "ie", "etc", "then", "so", "if", "when", "while", "whether", "say",
    # local runtimes and apps, not models ("koboldcpp 13B model", "lm studio 7b", "exllamav2 70b")
    "koboldcpp", "kobold", "llamacpp", "llamafile", "gpt4all", "lmstudio", "studio", "oobabooga", "textgen",
    "exllama", "exllamav2", "exllamav3", "exl2", "exl3", "mlx", "mlc", "webllm", "sglang", "tensorrt", "jan",
    "said", "called", "named", "around", "approximately", "~", "is", "it's", "i'm", "im",
    # verbs a card or a person does to a model ("will a 3060 handle 13b models", "can it cope with 70b")
    "handle", "handles", "handling", "manage", "manages", "support", "supports", "hold", "holds", "work",
    "works", "cope", "go", "choose", "pick", "recommend", "suggest", "compare", "test", "testing", "quantize",
    "quantizing", "convert", "converting", "download", "downloading", "infer", "inference", "inferencing",
    "power", "powering", "accommodate", "take", "takes", "pull", "pulling", "try", "tried", "make", "makes",
    # words that open a clause ("Because 70B models on a CPU …", "Since 13B models crawl …")
    "because", "since", "although", "though", "as", "once", "unless", "until", "after", "before", "whereas",
    "now", "maybe", "perhaps", "yes", "no", "well", "hmm", "ok", "okay", "thanks", "also", "still", "most",
])  # fmt: skip


def _size_label(params: float) -> str:
    value = params / 1e9
    return f"{value:g}B" if value >= 1 else f"{params / 1e6:g}M"


def _dataset_tokens(text: str, tokens: float | None) -> tuple[float | None, float | None, float | None]:
    """(training tokens, examples, epochs): tokens from a token count or from examples x tokens each, times the
    epochs said; the examples counted (and the epochs) also when their length is not said, so the answer can
    assume one and say so."""
    text = joined_thousands(text)
    examples = None
    m = _SAMPLES.search(text)
    if m:  # examples x tokens each: the "1k tokens" there is per example, never the dataset
        examples = _scaled(m.group(1), m.group(2))
        tokens = examples * _scaled(m.group(3), m.group(4))
    elif (counted := _EXAMPLES.search(text)) is not None:
        examples = _scaled(counted.group(1), counted.group(2))
        each = _PER_EXAMPLE.search(text)  # "samples are around 512 tokens", "avg length 1k tokens"
        if each:
            tokens = examples * _scaled(each.group(1) or each.group(3), each.group(2) or each.group(4))
        elif tokens is not None and tokens < examples:
            tokens = None  # "50k samples of up to 2048 tokens": a length limit, not the dataset
    found = _EPOCHS.search(text)
    epochs = float(found.group(1)) if found and 1 <= float(found.group(1)) <= 1000 else None
    if tokens is not None and epochs:
        tokens *= epochs
    return tokens, examples, epochs


def _card_ruled_out(gpu, text: str, catalog: Catalog) -> bool:
    """Whether every mention of ``gpu`` in ``text`` (by any of its spellings) is ruled out ("not an H100"); "H100s
    instead of A100s" weighs the two, ruling neither out."""
    spellings = "|".join(
        re.escape(label.lower()) for label in sorted(catalog.labels_of(gpu), key=len, reverse=True)
    )
    hits = list(re.finditer(rf"(?<![\w.])(?:{spellings})(?![\w])", text))
    befores = [text[max(0, m.start() - 30) : m.start()] for m in hits]
    return bool(befores) and all(_RULED_OUT.search(b) and not _WEIGHED.search(b) for b in befores)


# "instead of", "rather than": a card set against another, not ruled out
_WEIGHED = re.compile(r"\b(?:instead of|rather than)[\s-]*(?:(?:an?|any|the|from|using|use|on)\s+){0,2}$")


def _ruled_out(pattern: re.Pattern[str], text: str) -> bool:
    """Whether every mention of ``pattern`` in ``text`` is ruled out ("anything but NVIDIA", "no AMD")."""
    hits = list(pattern.finditer(text))
    return bool(hits) and all(_RULED_OUT.search(text[max(0, m.start() - 30) : m.start()]) for m in hits)


_RULED_OUT = re.compile(
    r"(?:\bnot|\bno|\bexcept|\bcan'?t afford|\bcannot afford|\bbesides|\b(?:anything|anywhere|everything|any vendor|all) but|\bwithout|\bavoid(?:ing)?|\bexcluding|"
    r"\bother than|\bapart from|\bnever|\bnon|\bdon'?t (?:want|like|trust)|\binstead of|\brather than)"
    r"[\s-]*(?:(?:an?|any|the|from|using|use|on)\s+){0,2}$"
)


def _asked_workload(question: str, found_models, models: ModelSpecs, mentioned: list[str]):
    """(models, params) named in the question's own sentences (those ending in '?') when they differ from the
    first workload of the whole text, e.g. 'I fine-tuned a 14B model on two 4090s. Can I do a 72B one the
    same way?' asks about 72B. None when the asking sentences name no workload or the same one."""
    asking = " ".join(t for t in re.split(r"(?<=[.!?])\s+", question.strip()) if t.rstrip().endswith("?"))
    if not asking or asking.strip() == question.strip():
        return None
    last = [t for t in re.split(r"(?<=[.!?])\s+", question.strip()) if t.rstrip().endswith("?")][-1]
    if found_models and not models.find_in_text(last):
        # "Llama 3 8B ... would Llama 3.1 do better?": the version asked about, at the size already said
        version = _unknown_model(last.lower(), models)
        family = models.family_in_text(last)
        if (
            version
            and family is not None
            and family[1].family == found_models[0].family
            and compact(version) != compact(family[0])
            and compact(version) in compact(family[0])
        ):
            # "I train Qwen2.5-VL-3B. How much memory does Qwen2.5-VL need?": the family asked about is the one
            # whose size was said; 'Qwen2.5' read out of its name is no other version to size at 3B
            return None
        size = re.search(r"\d+(?:\.\d+)?[bm]\b", found_models[0].name.lower())
        same_size = models.find_in_text(f"{version} {size.group()}") if version and size else []
        if same_size and same_size[0] is not found_models[0]:
            return (same_size, None)
    in_asking = models.find_in_text(asking)
    if in_asking:
        return (in_asking, None) if not found_models or in_asking[0] is not found_models[0] else None

    def first_size(text: str) -> float | None:
        plain = _without_names(_digits(text.lower()), mentioned)
        m = _PARAMS.search(re.sub(r"\b\d+\s*x\s*\d+(?:\.\d+)?\s*b\b", " ", plain))
        value = _scaled(m.group(1), m.group(2)) if m else None
        return value if value and 1e7 <= value <= 5e12 else None

    params = first_size(asking)
    whole = found_models[0].params if found_models else first_size(question)
    if params is None or whole is None or abs(whole - params) < 0.15 * params:
        return None  # no size asked about, or the same one said again
    return ([], params)


# how many layers to put on the card: "how many gpu layers", "what -ngl", "n_gpu_layers", "layers can I offload"
_LAYERS_ASKED = re.compile(
    r"\bhow many (?:of (?:the|its) )?(?:gpu |repeating )?layers\b|\bn_gpu_layers\b|(?<![\w-])-ngl\b|\bgpu ?layers\b"
    r"|\bgpulayers\b|\bnum_gpu\b|\blayers? (?:should|can|could|do) (?:i|we) (?:offload|put|load|set)\b"
)
# (an adverb between may hedge the owning: "i only have", "we already own", "i've just got", "i'm currently using")
_OWN_ADVERB = r"(?:(?:only|just|already|currently|also|still|actually) )?"
# the user's own hardware told and nothing asked: "i have 2x 3090", "my setup: 64gb ram and a 3060 12gb"
_HARDWARE_TOLD = re.compile(
    r"^(?:i|we|my|our|i'm|we're|i've|we've)\b(?![^?]*\b(?:what|which|how|why|when|where|can|could|should|would|will"
    r"|is|are|does|do|spec\w*|price|cost)\b)[^?]*$"
)
# something seen on it, to be explained: "my 3090 crashes", "keeps running out of memory", "it's slow"
_TROUBLE_TOLD = re.compile(
    r"\boom\b|out of memory|\berror|\bcrash|\bslow|\bfail|\bfreez|\bhang|\bstuck|\bonly gets?\b"
)
_OWNS = re.compile(
    rf"\b(?:i|we) {_OWN_ADVERB}(?:have|own|bought|got|use)\b|\b(?:i|we)'?ve {_OWN_ADVERB}got\b"
    rf"|\b(?:i'?m|we'?re|i am|we are) {_OWN_ADVERB}(?:using|running)\b|\b(?:my|our)\b"
)
# whether a kind of chip suits a job: "is the MI300X a good choice / good for / suitable for serving it?"
_SUITABILITY = re.compile(
    r"\b(?:good|great|right|best|sensible|solid|suitable|suited|recommended|viable)\s+(?:choice|option|pick|fit|for)\b"
    r"|\b(?:suitable|suited|viable|recommended)\b"
)
# "a 48 GB card (A6000)", "one 80gb GPU": the card named is spoken of as a single one
_ONE_CARD = re.compile(
    r"\b(?:a|one|single|a single)\s+(?:\d+(?:\.\d+)?\s*gb\s+)(?:gpu|card|graphics card|accelerator)\b(?!s)"
)
# one card asked about in the singular: "is V100 32GB VRAM enough", "is an rtx 4090 sufficient", "is the a100 good
# enough" (never "are 2 A100s enough", nor "is 2x A100 enough", whose count is read first)
_IS_ONE_ENOUGH = re.compile(
    r"\bis\s+(?:an?\s+|the\s+|one\s+|a single\s+|my\s+|single\s+)?(?:nvidia\s+|amd\s+|geforce\s+|tesla\s+)?"
    r"(?:rtx\s+|gtx\s+)?[a-z]*\s?\d{2,4}[a-z]*(?:\s+ti)?(?:\s*\d+\s*gb)?(?:\s+(?:of\s+)?v?ram)?\s+"
    r"(?:good\s+)?(?:enough|sufficient)\b"
)
# a Google Colab notebook runtime: one GPU (T4, L4 or A100) per runtime
_NOTEBOOK = re.compile(r"\bcolab\b|\bcolaboratory\b")
# Google Colab's free tier, whose GPU runtime is one T4: "free colab", "colab's free tier", "colab (free)"
_FREE_COLAB = re.compile(
    r"\bfree\b(?:\W+\w+){0,3}?\W+(?:google\s+)?colab|\bcolab\b\W{0,3}(?:'s\s+)?\(?free\b"
)
_OWN_ONE = re.compile(
    r"\b(?:i'?m using|i am using|i use|i have|i've got|we have|we're using|my|our)\s+(?:an?\s+|one\s+|single\s+|"
    r"the\s+)?(?:nvidia\s+|amd\s+|geforce\s+)?[a-z]*\s?\d{2,4}[a-z]*(?:\s+\d+\s*gb)?\b(?!\s*(?:s\b|gpus|cards|x\b))"
)
# within one sentence: a dot inside a URL or a version ("huggingface.co/...", "Llama 3.1") does not end it
_IN_SENTENCE = r"(?:[^.?!]|\.(?=\S))*"
_ADAPTER_INFERENCE = re.compile(
    r"\b(?:infer\w*|serv(?:e|ing)|generat\w*|run(?:ning)?(?!\s+out\b)|deploy\w*)\b"
    + _IN_SENTENCE
    + r"\b(?:lora|adapters?)\b|"
    r"\blora[ _]weights\b|\b(?:lora|adapters?)\b"
    + _IN_SENTENCE
    + r"\b(?:infer\w*|serv(?:e|ing)|generat\w*|deploy\w*)\b"
)
# an adapter chosen per request, user or tenant, or a server's adapter slots: multi-LoRA serving
_ADAPTER_PER_REQUEST = re.compile(
    r"\b(?:requests?|users?|customers?|tenants?|clients?|concurren\w*|queries)\b[^.?!]{0,60}?\b(?:its|their|his|her)\s+"
    r"own\s+(?:q?-?lora|adapters?)\b"
    r"|\b(?:q?-?lora|adapters?)\s+(?:per|for each|for every)\s+(?:request|user|customer|tenant|client|query)\b"
    r"|--?max[-_]loras?\b|--?max[-_]cpu[-_]loras\b|--?lora[-_]modules\b"
)
_ONLY_SERVE = re.compile(
    r"\b(?:just|only|simply|merely)\s+(?:(?:need|want|plan|going)\s+to\s+|to\s+)?"
    r"(?:serve|run|host|deploy|infer|use)\b(?!\s+(?:lora|q-?lora|fine|the training))"
    # "can I just use fp16?", "only use 8-bit adam": a setting of the run asked about, not running the model
    r"(?!\s+(?:an?\s+)?(?:fp16|bf16|fp32|float\d*|bfloat16|half|mixed|\d+[- ]?bit|int[48]|deepspeed|zero|fsdp|"
    r"gradient|smaller|lower|fewer|less)\b)"
)
_GLUED_COUNT = re.compile(
    r"(?<![\w.])(\d{1,3})\s*[x×*](?=[a-z])"
    r"|(?<![\w.])(\d{1,2})\s*[x×*](?=(?:\d{2}[5-9]0|7[6-9]00)(?!\d))",  # "2x3060", "4x4090": a card's number
    re.I,
)
# a model family glued to its size ("Qwen7B", "llama13b", "falcon40b"): three letters or more, then the size
_POINT_SIZE = re.compile(r"(?<![\w.])(\d+)b(\d)\b")
_GLUED_SIZE = re.compile(r"(?<=[a-z]{3})(?=\d+(?:\.\d+)?b\b)")


# a training method tagged onto a checkpoint's name ("llava-onevision-qwen2-72b-ov-sft", "Some-7B-DPO"): how the
# model was made, not the job asked about
_CHECKPOINT_TAG = re.compile(
    r"(?<=[a-z0-9])-(?:sft|dpo|rlhf|grpo|orpo|kto|ppo)\b(?![- ]?(?:train|tun|run|job))"
)


def _task(text: str, names_a_model: bool) -> tuple[Task | None, bool]:
    """The task the words ask for, negated phrases ignored, and whether a fine-tune left its method unsaid.

    Training a model that already exists (a named model, not "from scratch") is fine-tuning it.
    """
    wanted = _NEGATED.sub(" ", _OF_THE_REPLY.sub(" ", _CHECKPOINT_TAG.sub(" ", text)))
    fallback = _FALLBACK_METHOD.sub(" ", wanted)
    if fallback != wanted and _METHOD_WORD.search(fallback):
        # "fit a full fine-tune in Colab or should I settle with QLoRA?": the method asked about is the first,
        # the other is what the user falls back to (the answer names it beside the verdict)
        wanted = fallback
    if (
        (but := list(_BUT.finditer(wanted)))
        and _METHOD_WORD.search(wanted[: but[-1].start()])
        and _METHOD_WORD.search(after := wanted[but[-1].end() :])
        and "?" in after
        and _ASKS_AFTER_BUT.search(after)
        and not _WORKS_AFTER_BUT.search(after)
    ):
        # "I can train it with QLoRA on my 4090, but how much for all parameters?": the method asked about is the
        # one after the "but", the other one is what already works
        wanted = _METHOD_WORD.sub(" ", wanted[: but[-1].start()]) + after
    if (switch := _SWITCH_TO_METHOD.search(wanted)) and _METHOD_WORD.search(wanted[: switch.start()]):
        # "I tried qlora but it is slow, can I do lora instead?": the method switched to is the one asked about
        wanted = _METHOD_WORD.sub(" ", wanted[: switch.start()]) + wanted[switch.start() :]
    if (measured := _METHOD_MEASURED.search(wanted)) and _METHOD_WORD.search(
        rest := wanted[: measured.start()] + " " + wanted[measured.end() :]
    ):
        # "full fine-tuning requires around 17 GB ... with LoRA r=8, what would it take?": the method with a
        # figure beside it is the setup measured; the other method named is the one asked about
        wanted = rest
    if _SERVED_ADAPTERS.search(wanted) and not _TRAIN_WORDS.search(wanted):
        return (
            Task.INFERENCE,
            False,
        )  # "12 lora adapters on qwen 7b under vllm": adapters served, nothing trained
    for aside in (_TUNED, _TRAINING_FIGURE, _TOPIC_LIST):
        # "run my fine-tuned Llama", "serve the trained checkpoint": a model's past, not the job asked about;
        # "I tried to run it ... it needs 26 GB for inference and 52 GB for fine-tuning": a figure set beside
        if aside.search(wanted):
            task, _ = _read_task(aside.sub(" ", wanted), text, names_a_model)
            if task is Task.INFERENCE:
                return task, False
    task, unstated = _read_task(wanted, text, names_a_model)
    tool = finetune_tool_in(wanted)
    if task is None and tool and not _INFERENCE_TOOL.search(wanted):
        task, unstated = Task.FULL, True  # "llamafactory-cli on qwen 14b, 2x 4090": a fine-tune by its tool
    if unstated and task is Task.FULL and not _INFERENCE_TOOL.search(wanted):
        if re.search(r"\bunsloth\b", wanted):
            return (
                Task.QLORA,
                False,
            )  # Unsloth loads a 4-bit base unless told otherwise (load_in_4bit=True): QLoRA
        method = load_finetune_tools()[tool].method if tool else None
        if method:  # the tool is one method: qlora.py trains QLoRA, alpaca-lora's finetune.py LoRA
            return Task(method), False
    return task, unstated


# a list of topics in brackets ("MLX questions (speed, training quant models, server)"): a post's headings, not the
# job, when the sentences themselves ask about running the model
_TOPIC_LIST = re.compile(r"\((?:[^(),]{1,40},){1,5}[^(),]{1,40}\)")


# an 8-bit quantized base for adapter training: "qlora 8-bit", "QLORA 8bit", "quantization_bit: 8", "load_in_8bit"
_EIGHT_BIT_BASE = re.compile(
    r"(?<![a-z0-9._])8[- ]?bits?\b|\bint8\b|\bquantization_bit\W{1,3}8\b|\bload_in_8bit\b", re.I
)
_FOUR_BIT = re.compile(
    r"(?<![a-z0-9.])4[- ]?bits?\b|\bnf4\b|\bint4\b|\bquantization_bit\W{1,3}4\b|\bload_in_4bit\b", re.I
)


def _eight_bit_base(text: str) -> bool:
    """Whether a QLoRA run's base is 8-bit: a bit width said right beside the method ("QLORA 8bit", "8-bit qlora"),
    else an 8-bit base said anywhere with no 4-bit one (a quoted "only 4-bit ... can use fsdp" error aside)."""
    for m in re.finditer(r"\bq-?lora\b", text):
        near = text[max(0, m.start() - 12) : m.end() + 12]
        if _EIGHT_BIT_BASE.search(near):
            return True
        if _FOUR_BIT.search(near):
            return False
    return bool(_EIGHT_BIT_BASE.search(text)) and not _FOUR_BIT.search(text)


# "... or should I just settle with QLoRA?", "or do I have to go qlora", "or would LoRA be needed": the method
# the user falls back to when the one asked about does not fit
_FALLBACK_METHOD = re.compile(
    r"\bor\s+(?:(?:should|do|would|will|must|shall|can|could)\s+(?:i|we|you)\s+)?(?:just\s+|rather\s+|instead\s+)?"
    r"(?:(?:have|need|want)\s+to\s+|be\s+(?:forced|better\s+off)\s+(?:to\s+)?)?"
    r"(?:settle|go|stick|fall\s*back|resort|switch|use|try|do|need|move|drop\s+down)\w*\s+"
    r"(?:(?:with|to|for|on|down\s+to|back\s+to)\s+)?(?:a\s+|an\s+|the\s+)?(?:\d+[- ]?bit\s+)?(?:q-?lora|lora|peft|adapters?)\b"
    r"|\bor\s+(?:(?:a|an|the)\s+)?(?:q-?lora|lora|peft|adapters?)\s+instead\b"
)
# "do lora instead", "switch to full fine-tuning": the method the user moves to (never after "or": a fallback)
_SWITCH_TO_METHOD = re.compile(
    r"(?<!\bor )\b(?:q-?lora|lora|full[- ](?:fine[- ]?tun\w*|finetun\w*|param\w*|ft))\s+instead\b(?!\s+of\b)"
    r"|\b(?:switch(?:ed|ing)?|mov(?:e|ed|ing)|go(?:ing)?)\s+(?:over\s+)?to\s+(?:a\s+)?(?:\d+[- ]?bit\s+)?"
    r"(?:q-?lora|lora|full[- ](?:fine[- ]?tun\w*|finetun\w*|param\w*|ft))\b"
)
_BUT = re.compile(r"\bbut\b|\bhowever\b")
# the clause after "but" asks of its method ("but how much for all parameters?", "but would LoRA fit?") — not a
# "why" about the first, nor a report that the other method works ("... but lora works fine, why?")
_ASKS_AFTER_BUT = re.compile(r"\b(?:how much|how many|what|which|would|could|can|will|is|does|do)\b")
_WORKS_AFTER_BUT = re.compile(
    r"\bwhy\b|\bhow come\b|^\W*(?:(?:the|plain|my)\s+)?(?:q-?lora|lora|peft|adapters?)\b"
)
_METHOD_NAME = r"(q-?lora|lora|full(?:[- ]?(?:fine[- ]?tun\w*|finetun\w*|ft|param\w*|parameters?|weights?|model|training))?)"
# "lora or qlora", "qlora vs full fine-tuning": two methods set against each other ...
_METHOD_CHOICE = re.compile(
    r"\b"
    + _METHOD_NAME
    + r"\s*,?\s*(?:or|vs\.?|versus)\s+(?:a\s+|an\s+|with\s+|use\s+)?"
    + _METHOD_NAME
    + r"\b"
)
# ... in a question that asks to choose ("can I use lora or qlora on 8 GB?" asks whether either fits instead)
_CHOOSES = re.compile(
    r"\bwhich\b|\bbetter\b|\bshould (?:i|we)\b|\bprefer|\brecommend|\bvs\.?\b|\bversus\b|\bchoose\b|\bpick\b"
    r"|\bgo (?:with|for)\b|\bbest\b|\bdifference\b"
)


_ASKS_IF_EITHER = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:can|could|will|would|is|are|does|do|did|am)\b")


def _methods_weighed(text: str) -> tuple[str, ...]:
    """The fine-tuning methods a question sets against each other to choose one ('lora', 'qlora', 'full'), or ()."""
    found = _METHOD_CHOICE.search(text)
    # "lora or full finetune for mistral 7b on an a100?" asks which as it stands; "can I do lora or qlora on 8 GB?",
    # opened by an auxiliary verb, asks whether either fits, unless a choice word says otherwise
    if found is None or (
        not _CHOOSES.search(text) and (_ASKS_IF_EITHER.match(text) or "?" not in text[found.end() :])
    ):
        return ()
    kinds = tuple(
        "qlora" if re.match(r"q-?lora", m) else "lora" if m == "lora" else "full" for m in found.groups()
    )
    return kinds if kinds[0] != kinds[1] else ()


_METHOD_WORD = re.compile(
    r"\bq-?lora\b|\blora\b|\bpeft\b|\badapters?\b|\bparameter[- ]efficient\b|\blow[- ]rank adaptation\b|"
    + _FULL.pattern
)


# several LoRA adapters on one base model under a serving engine, or multi-LoRA serving: a serving question
_SERVED_ADAPTERS = re.compile(
    r"\bmulti[- ]?lora\b|--enable[-_]lora\b|\blorax\b|(?:\b\d+|several|many|multiple|dozens of|hundreds of)\s+"
    r"(?:different\s+)?(?:lora\s+)?(?:adapters|loras)\b(?=.*\b(?:vllm|tgi|sglang|serv\w*|host\w*|deploy\w*|inference|endpoint)\b)"
)
_TRAIN_WORDS = re.compile(r"\b(?:train\w*|fine[- ]?tun\w*|finetun\w*)\b")
# a model's past ("my fine-tuned Llama", "the trained checkpoint"): no training asked for by itself
_TUNED = re.compile(r"\b(?:fine[- ]?tuned|finetuned|pre-?trained|trained)\b")
# a memory figure quoted for training beside one for running ("26 GB for inference and 52 GB for fine-tuning")
_TRAINING_FIGURE = re.compile(
    r"\b\d+(?:\.\d+)?\s*gb\s+(?:of\s+\w+\s+)?(?:for|to|when)\s+(?:full\s+)?(?:fine[- ]?tun\w*|finetun\w*|train\w*)\b"
)
# a method with the memory it was measured to take: "the full fine-tuning requires around 17 GB", "QLoRA used
# 9.5 GB", "LoRA takes ~12 GB" — a setup seen, set beside the one asked about
_METHOD_MEASURED = re.compile(
    r"(?:\bq-?lora\b|\blora\b|\bfull[- ](?:param(?:eter)?s?[- ])?(?:fine[- ]?tun\w*|finetun\w*|training|ft)\b)"
    r"(?:[^.?!,;]|\.(?=\d)){0,30}?\b(?:requires?|required|needs?|needed|takes?|took|uses?|used|consumes?|consumed|"
    r"occupies|occupied|peaks? at|peaked at)\s+(?:about |around |roughly |approximately |~\s*)?"
    r"\d+(?:\.\d+)?\s*(?:gb|gib|g)\b"
)
# sentences about the assistant's last reply ("You responded with the configuration for training."): what the
# reply said, not what the user asks for
_OF_THE_REPLY = re.compile(
    r"(?:^|(?<=[.!?;,:]))\s*(?:but |and |instead |yet )?you(?:'ve| have)? (?:\w+ly )?(?:respond\w*|answer\w*|repl(?:y|ied|ies)|gave|give|"
    r"told|talk\w*|show\w*|said|say|assum\w*|went|sized|list\w*|recommend\w*|quot\w*|calculat\w*|comput\w*)\b[^.!?]*"
)


def _read_task(wanted: str, text: str, names_a_model: bool) -> tuple[Task | None, bool]:
    """The task in ``wanted`` (the words with negated and quoted-back phrases taken out; ``text``: all of them)."""
    # "run a lora of gemma 2 9b", "my qlora on llama 3": an adapter trained on the model, not one loaded to run it
    trains = re.search(
        # "an 8 bit lora on llama 3 8b", "4-bit qlora of mistral": a bit width before the method says so too
        r"\bfine[- ]?tun|\bfinetun|\btrain|\bsft\b"
        r"|\b(?:(?:a|my|the|this|an)\s+(?:\d+[- ]?bit\s+)?|\d+[- ]?bit\s+)q?-?lora (?:of|on)\b(?! top\b)"
        # "the biggest batch I can run for lora": a batch for an adapter is a training batch
        r"|\bbatch\b[^.?!]{0,30}\bq?-?lora\b"
        # "how many epochs per hour can I run with lora": epochs are trained
        r"|\bepochs?\b"
        # "GRPO on qwen 7b with lora, 8 generations per prompt": an RL or preference trainer trains the adapter,
        # however much it generates along the way
        r"|\b(?:grpo|dpo|rlhf|orpo|simpo|kto|cpo|ipo|ppo|rloo|dapo|gspo)\b",
        wanted,
    )
    if _ADAPTER_INFERENCE.search(wanted) and not trains:
        return Task.INFERENCE, False  # running a model with a LoRA adapter loaded is inference
    if _ADAPTER_PER_REQUEST.search(wanted) and not _TRAIN_WORDS.search(wanted):
        # "a batch of 16 requests, each with its own LoRA", "one adapter per customer", "--max-loras 4": adapters
        # picked per request are served (multi-LoRA), whatever batch the requests arrive in
        return Task.INFERENCE, False
    if _ONLY_SERVE.search(wanted):
        return Task.INFERENCE, False  # "just serve it", "I only need to run it": whatever else was said
    if trains and _FULL_NOT_ADAPTERS.search(text):
        return Task.FULL, False
    if trains and _WITHOUT_ADAPTERS.search(text) and not _METHOD_WORD.search(wanted):
        return (
            Task.FULL,
            False,
        )  # "fine-tune llama-7b without any PEFT", "no lora": every weight, said by negation
    for task, pattern in _TASK_PATTERNS:
        if not pattern.search(wanted):
            continue
        if task is Task.INFERENCE and _TRAINING_FLAG.search(wanted) and not _INFERENCE_TOOL.search(wanted):
            return Task.FULL, True  # "run run_squad.py with per_gpu_train_batch_size 12": the script trains
        if pattern is _FINE_TUNE:
            return Task.FULL, True
        if (
            pattern is _FULL
            and not _TRAINING_WORD.search(text)
            and all(_WHOLE_MODEL.fullmatch(m.group()) for m in _FULL.finditer(wanted))
        ):
            continue  # "the entire model runs on the CPU", "room for the whole model": where it runs, not training
        if (
            task is Task.PRETRAIN
            and (names_a_model or _POST_TRAINING.search(wanted))
            and not re.search(r"\bpre-?train|\bfrom scratch\b", wanted)
        ):
            # "train llama 2 on my data", "train the 7B reward model", "PPO training of a 13B": a model trained
            # further (SFT, a reward model, RLHF), not pre-trained
            return Task.FULL, True
        return task, False
    if (_TRAINING_TOOL.search(wanted) or _TRAINING_FLAG.search(wanted)) and not _INFERENCE_TOOL.search(
        wanted
    ):
        return Task.FULL, True  # "unsloth gemma 3 with max_seq_length 8192 OOMs": a fine-tune, method unsaid
    return None, False


# post-training: a reward / critic model, SFT, RLHF and preference methods start from a pre-trained model
_POST_TRAINING = re.compile(
    r"\breward[- ]models?\b|\bcritic\b|\bsft\b|\brlhf\b|\brlaif\b|\bppo\b|\bdpo\b|\bgrpo\b|\borpo\b|\bkto\b|"
    r"\binstruction[- ]tun|\bpreference (?:tuning|optimi[sz]ation|data)\b|\balignment\b"
)
# fine-tuning frameworks and trainer settings: the words say training even when "train" is not said
_TRAINING_TOOL = re.compile(
    r"\bunsloth\b|\baxolotl\b|\bllama-?factory\b|\bsft ?trainer\b|\btorchtune\b|\bper_device_train_batch_size\b"
    r"|\bgradient_accumulation_steps\b|\bnum_train_epochs\b|\blearning_rate\b"
    # training-parallelism libraries and schemes: DeepSpeed's ZeRO stages and PyTorch FSDP shard training state
    r"|\bdeepspeed\b(?![- ]?(?:mii|inference|fastgen)\b)|\bzero[-_ ]?(?:stage[-_ ]?)?[123]\b|\bfsdp\b"
)
# a training flag of a script or config: per_gpu_train_batch_size, train_micro_batch_size_per_gpu, --train_file,
# --do_train ("train" glued inside a flag name is no word of its own); it says training even beside "run run_glue.py"
_TRAINING_FLAG = re.compile(r"\b(?:\w+_)?train_\w+|\bdo_train\b")
# ...unless the run is inference: unsloth also ships GGUF quants people run under Ollama
_INFERENCE_TOOL = re.compile(
    r"\bgguf\b|\bollama\b|llama\.?cpp|\bvllm\b|\blm studio\b|\bexl2\b|\bdeepspeed[- ]?(?:mii|inference|fastgen)\b"
)


_YES_NO = re.compile(
    # an opening word or two of chatter first: "honestly can…", "ok so will…", "hey, does…"
    r"^\W*(?:\[[^\]]*\]\s*)?(?:(?:so|and|but|hi|hello|hey|ok|okay|well|honestly|seriously|also|quick question|"
    r"real quick|just curious|lol|yo|guys|folks)[,!:]? )*(?:can|could|is|are|will|would|does|do|should|am|has|have|may)\b"
    r"|(?:^|[.?!]\s*)(?:now |so |and |but |then )?(?:can|could|is|are|will|would|does|do|should)\s+\w+\b[^?!]*\?"
    # the setting said first: "for a 7b model is a 4090 faster than an A100?", "with 24gb, can I run it?"
    r"|^\W*(?:for|with|on|at|using|given)\s+(?:(?!\b(?:what|which|how|why|where|when|who)\b)[^?.!]){1,50}?,?\s+"
    r"(?:is|are|can|could|will|would|does|do|should)\s+(?:an?|the|my|our|i|we|it|this|that|one|two|\d+\s*x?)\b"
    r"(?![^?!]*\b(?:or|vs\.?|versus|which)\b)[^?!]*\?"  # "for training, is a 3090 or an A5000 stronger?": a choice
    # the last sentence an inverted question left without its mark: "I want to replicate it. Can this method be run on
    # a 3090", "Does it work with 8 GB [SomeRepo]"
    r"|(?:^|[.!?]\s+)(?:can|could|will|would|does|do|is|are|should)\s+(?:i|we|it|this|that|they|the|my|our|your|one)\b"
    r"[^?!.\[]*(?:\[[^\]]*\])?\s*$"
    # "..., right?", "..., any good?", "..., doable?"
    r"|,?\s*\b(?:right|correct|true|yes or no|isn'?t it|aren'?t they|or not|any good|good enough|viable|doable|feasible"
    r"|fair|reasonable|overpriced|(?:a )?(?:good |fair )?(?:deal|price))\s*\?\s*$"
    # "If I have two A10s, can I run it?", "RTX 5090 - can it run 70B?", "..., will llama.cpp use both of them?"
    r"|(?:,|:|;|\s[-–—]+)\s*(?:can|could|will|would|does|is)\s+(?:i|we|it|this|that|they|there)\b[^?!.]*\?"
    r"|(?:,|:|;|\s[-–—]+)\s*(?:can|could|will|would|does)\s+(?![^?!]*\b(?:or|better|best|faster)\b)[\w.:-]+\b[^?!]*\?"
    # "l40s vs h100 for it — is the h100 worth paying more for?": a judgement of one card after the setup
    r"|(?:,|:|;|\s[-–—]+)\s*(?:is|are)\s+(?:the|an?|my|our|this|that)\s+[^?!.,]{1,40}?\b(?:worth|better|enough|good|"
    r"faster|cheaper|sufficient|ok|okay|fine|viable)\b[^?!.]*\?"
    # "if we add a second card will it hold more users?", "when 10 people hit it at once are they served together?":
    # a conditional clause, then the inverted question, with no comma between them
    r"|(?:^|[.?!]\s+)\W*(?:if|when|once|suppose|say)\s(?:(?!\b(?:what|which|how|why|where|who)\b)[^?!.,]){3,90}?"
    r"\s(?:can|could|will|would|does|do|is|are)\s+"
    r"(?:i|we|it|this|that|they|there|you|he|she)\b[^?!.]*\?"
    # "3060 12gb + 32gb ram, will qwen 14b run in lm studio" (no question mark): whether it runs, after the setup
    r"|(?:,|:|;|\s[-–—]+)\s*(?:can|could|will|would|does|do)\s+(?:[\w.:-]+\s+){1,6}?(?:run|fit|work|load)\b"
    r"|\b(?:is|are) (?:it|this|that|\d+\s*gb) (?:enough|sufficient|possible|feasible)\b|\benough\?"
    # "why doesn't it fit in my 6 GB?": the premise is a verdict, answered with one
    r"|\bwhy (?:does ?n'?t|does not|won'?t|will not|can'?t|can ?not|is ?n'?t)\b[^?!.]{0,40}\b(?:fit|load|run)\b"
    r"|\b(?:possible|feasible|doable|sufficient|enough|expected|normal|(?:gonna|going to) (?:fit|work|oom))\s*\?+\s*$"  # "..., possible?"
    r"|\b(?:enough|sufficient)\s+or\s+(?:do|would|will|should|must)\s+(?:i|we)\b"  # "24 GB enough or do I need 48?"
    # "I have 16 GB, enough for a qlora of qwen 14b?", "suffice to train it?": whether the amount does it
    r"|(?<!what is )(?<!what's )(?<!what )\b(?:enough|sufficient|suffices?|adequate)\s+(?:for|to)\b"
    r"(?:[^?!.]|\.(?=\w))*\?"
    # "for lora of phi-3 do I have to split it over several gpus": a yes/no inside the sentence (an open question
    # word anywhere asks for something else: "what GPU do I need")
    r"|(?<!what )(?<!which )(?<!much )(?<!many )(?<!else )(?<!gpus )(?<!gpu )(?<!cards )(?<!card )"
    r"\b(?:do|does|must|should)\s+(?:i|we|you)\s+(?:really\s+)?(?:have\s+to|need\s+to|need)\b"
    # "has anyone tried this?", "this should work, right?": whether the setup described works
    r"|\b(?:has|have) (?:anyone|anybody|someone|somebody|you) (?:already |ever |actually |successfully )?"
    r"(?:tried|done|run|ran|managed|got|gotten|tested)\b[^?!]*\?"
    # asked indirectly: "I was wondering if it fits", "would like to know whether ...", "not sure if 24 GB is
    # enough", "anyone able to run 7B on colab?", "any chance to run it on 8 GB?"
    r"|\b(?:wonder(?:ing)?|know|sure|curious|ask(?:ing)?|confirm|check|inquire|find out|idea|ideas)\s+(?:if|whether)\b"
    # "I want to know can it run the demo?", "I wonder will it fit": the inverted question embedded after the verb
    r"|\b(?:know|ask|wonder(?:ing)?|curious)\s*,?\s+(?:can|could|will|would|does|do|is|are|should)\s+"
    r"(?:i|we|it|this|that|they|the|my|our|one)\b"
    r"|\b(?:anyone|anybody|someone|somebody)\s+(?:been\s+)?(?:able|managed|succeeded)\b"
    # "Anyone serve the model with 8 x H20?", "anybody running qwen 72b on two 3090s?": whether anyone has it working
    r"|(?:^|[.?!]\s*|\b(?:so|but|and)\s+)(?:any(?:one|body)|some(?:one|body))\s+(?:here\s+)?(?:already\s+|ever\s+|"
    r"successfully\s+)?(?:serv|run|ran|deploy|host|load|got|get|tri|test)\w*\b[^?!.]*\?"
    # a judgement asked at the end: "$0.50 an hour, good deal?", "... worth it?"
    r"|\b(?:(?:good|fair|decent|reasonable|great|bad)\s+(?:price|deal|rate|offer|idea)|worth it)\s*\?+\s*$"
    r"|\bany\s+(?:way|chance)\s+(?:to|of|i\s+could|we\s+could)\s+(?:get\s+\w+\s+)?"
    r"(?:run|running|fit|fitting|load|loading|train|training|use|using|host|hosting|serve|serving|fine-?tun\w*)\b"
)
# a question with its subject and auxiliary left out: "works on 8gb vram?", "available for low vram?", "runs on a
# 3060 12gb?", "possible to fine-tune it on one a100?": whether it does, asked by the predicate alone (not "supported
# gpus?", which asks for a list)
_ELLIPTICAL_YES_NO = re.compile(
    r"(?:^|[.?!]\s+)\W*(?:(?:so|and|but|ok|okay|hey|hi|also|still|really)[,!]?\s+)*"
    r"(?:works?|working|runs?|running|fits?|fitting|loads?|available|possible|compatible|supported|usable|runnable|"
    r"doable|feasible|viable|enough|sufficient)\b"
    r"(?!\s+(?:gpus?|cards?|models?|formats?|versions?|hardware|devices?|platforms?|options?|list)\b)"
    r"(?:[^?!.]|\.(?=\w)|(?<=\be\.g)\.|(?<=\bi\.e)\.)*\?"
)
# the message ends on an inverted clause with no question mark: "..., does that mean i don't have enough memory",
# "so can i run it on my 3090" (an open question word in it asks for something else)
_UNMARKED_YES_NO = re.compile(
    r"(?:^|[.!?]\s+|[,;:]\s*|\s[-–—]+\s*)(?:(?:so|and|but|then|now|also)\s+)?"
    r"(?:can|could|will|would|does|do|did|is|are|should|am)\s+(?:i|we|it|this|that|my|our|these|those)\b"
    r"(?!(?:[^.?!]|\.(?=\w))*\b(?:what|which|how|why|where|when|who)\b)(?:[^.?!]|\.(?=\w))*[.!]?\s*$"
)
# a yes/no asked without inverting: "there is way to run it on a 4060 ?", "any chance this runs on a 3060?", "on two
# cards i can run a model bigger than one card?" (a sentence that opens with an open question word asks for something
# else: "which model i can run?")
_DECLARATIVE_YES_NO = re.compile(
    r"\bthere(?:'s|\s+is|\s+are)\s+(?:a\s+|an\s+|any\s+|some\s+)?(?:way|chance|possibility|option)s?\s+"
    r"(?:to|of|that|for)\b(?:[^?!.]|\.(?=\w))*\?"
    r"|\bany\s+(?:way|chance|possibility)\s+(?:that\s+)?(?:i|we|it|this|that|they|you|my|our|the|[\w.-]+\s+(?:\w+\s+)?"
    rf"(?:{MODALS}|might))\b(?:[^?!.]|\.(?=\w))*\?"
    rf"|(?:^|[,;:]\s*|\b(?:so|then|but|and)\s+|\s)(?:i|we|it|this|that|they)\s+(?:{MODALS}|should|am able to|"
    r"are able to|is able to)\s+(?:still\s+|also\s+|even\s+)?"
    r"(?:run|fit|use|load|train|fine-?tune|finetune|serve|host|infer|deploy|work|handle|"
    r"be (?:ok|okay|fine|enough|sufficient|possible|able|good))\b(?:[^?!.]|\.(?=\w))*\?+\s*$"
    # "minimum vram? 8gb works?", "24 gb is enough?": the amount said as the subject
    r"|(?:^|[,;:]\s*|\s)\d+(?:\.\d+)?\s*gb(?:\s+(?:of\s+)?(?:vram|ram|memory|gpu))?\s+(?:works?|(?:is\s+|are\s+)?"
    r"(?:enough|ok|okay|fine|sufficient|plenty)|suffices?|(?:would|will|should) (?:do|work|suffice))\b(?:[^?!.]|\.(?=\w))*\?+\s*$"
)
_OPEN_OPENING = re.compile(r"^\W*(?:what|which|how|why|where|who|whom|whose)\b")
# "cheapest setup that would work?", "smallest card that can run it?": a pick named by its superlative, whose
# "that would work" is a relative clause, not the subject of a yes / no
_PICK_OPENING = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|then|now|fine|alright)\W+)*(?:the\s+)?"
    r"(?:cheapest|best|smallest|minimum|min|fastest|least expensive|most affordable|lowest[- ]cost)\s+\w+"
)


def _declarative_yes_no(text: str) -> bool:
    """Whether the last sentence asked is a yes/no said in statement order ("there is a way to ...?", "any chance
    it runs ...?", "i can run it on two cards?") and opens with no open question word."""
    asked = [q for q in re.split(r"(?<=[.!?])\s+", text) if q.rstrip().endswith("?")]
    last = asked[-1] if asked else ""
    found = _DECLARATIVE_YES_NO.search(last)
    # "i want to know what it can run on a 3090?": an open word before the clause makes it the object of that word
    return bool(
        found
        and not _OPEN_OPENING.match(last)
        and not _PICK_OPENING.match(last)
        and not _OPEN_QUESTION.search(last)
        # "with 24gb i can run what exactly?", "i can use vllm or ollama for it?": an open word or a choice in it
        and not re.search(r"\b(?:what|which|how|why|where|who|whom|whose)\b|\bor\b(?!\s+(?:not|no)\b)", last)
        # "i could use some advice on it?": a request for help, not whether something works
        and not re.search(
            r"\buse\s+(?:some|a|any|your)\s+(?:advice|help|hints?|tips|suggestions?|guidance)", last
        )
    )


# a question that follows on from a yes/no's answer: "if not, which gpu?", "if so, what settings?", "otherwise ..."
_IF_NOT = re.compile(
    r"^\W*(?:(?:and|but|or|also)\s+)?(?:if\s+(?:not|so|yes|no|it\s+(?:does|doesn'?t|can|can'?t|is|isn'?t|won'?t|will)"
    r"|that'?s\s+not\s+(?:possible|the\s+case)|not\s+possible)|otherwise|else)\b"
)


def _yes_no_then_conditional(text: str) -> bool:
    """Whether a yes/no question ("can I run it on a 3090?") is followed by one asked on its answer ("If not, which
    GPU do I need?"): the yes/no is then what is asked first, whatever the open question after it asks."""
    asked = [q for q in re.split(r"(?<=[.!?])\s+", text) if q.strip()]
    for first, then in pairwise(asked):
        if (
            first.rstrip().endswith("?")
            and _IF_NOT.match(then)
            and (_CLAUSE_AUX.search(first) or _YES_NO.match(first))
            and not (_OPEN_QUESTION.search(first) or _WH.search(first))
        ):
            return True
    return False


# a bracketed aside ("[LTX-Video in ComfyUI]", "[Mistral 7B]"): context, not part of the sentence asked
_BRACKETED = re.compile(r"\[[^\]]*\]")
_CLAUSE_AUX = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:but|and|so|then|or|now|also)\s+)"
    r"(?:can|could|is|are|will|would|does|do|did|should|shall|am|may|might|must)\s+"
    # "is 12gb enough?", "is 8 gb ok?": an amount as the subject (its unit glued or not)
    r"(?:i|we|it|this|that|they|these|those|my|our|the|a|an|one|two|\d+(?:\.\d+)?\s*(?:gb|gib|g|tb)?|"
    r"(?:[\w.-]+\s+){1,8}?(?:be|fit|run|work|handle|train|fine-?tune|serve|load|hold))\b"
)
_WH = re.compile(r"^\W*(?:why|how|what|which|where|when|who)\b|\b(?:why|how come)\b")


# "can you compare...", "could you recommend...", "would you suggest...": a request phrased as a question
_POLITE_REQUEST = re.compile(
    r"^\W*(?:(?:hi|hey|hello|ok|okay|so)\b[,!]?\s*)?(?:can|could|would|will) (?:you|u) (?:please |pls |kindly |maybe )?"
    r"(?:compare|recommend|suggest|help|tell|explain|give|list|show|estimate|calculate|provide|share|break|walk|pick"
    r"|choose|advise|outline|describe|summari[sz]e|point|work out|figure out|size|spec|define|run (?:me|us) through"
    r"|take (?:me|us) through)\b"
)
# ...unless the request carries a yes/no of its own: "can you tell me if a 3090 runs it?", "...whether it fits"
_EMBEDDED_YES_NO = re.compile(
    r"\b(?:if|whether)\b|\b(?:can|could|will|would|does|do|is|are)\s+(?:i|we|it|this|that|they|a|an|the|my|one)\b"
)


def _without_closing_request(text: str) -> str | None:
    """The text without its last question when that question is a bare request to the assistant ("Can you help me,
    please?", "could you advise?") carrying no yes/no of its own; None when the last question is not one, or the
    request opens the text (the opening request is weighed as a whole already)."""
    text = re.sub(
        r"\s*\[[^\]]*\]\s*$", "", text.strip()
    )  # "... Can you help? [Mistral 7B]": a context tag after it
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if len(sentences) < 2 or not sentences[-1].rstrip().endswith("?"):
        return None
    last = sentences[-1]
    polite = _POLITE_REQUEST.search(last)
    if polite is None or _EMBEDDED_YES_NO.search(last[polite.end() :]):
        return None
    return " ".join(sentences[:-1])


def _last_question_yes_no(text: str) -> bool:
    """Whether the last question asked ("How much do I need? ..., can I run it?") is a yes/no question: an
    auxiliary opens one of its clauses ("..., but should it fit on one A100?") and no open question word."""
    questions = [q for q in re.split(r"(?<=[.!?])\s+", text) if q.rstrip().endswith("?")]
    if not questions:
        return False
    last = questions[-1]
    choice = re.search(r"\b(?:better|best)\b|\bor\b(?!\s+not\b)", last) and not re.search(
        r"\b(?:enough|sufficient)\s+or\b", last
    )  # "is the 4090 or the L40S the better buy?" picks one; "enough or do I need 48?" stays yes/no
    return bool(_CLAUSE_AUX.search(last)) and not (_OPEN_QUESTION.search(last) or _WH.search(last) or choice)


# "in a week", "within 3 days", "in under 48 hours", "in under an hour", "within 30 minutes": the time a job may take
# a run's own time said before "in <time>": "finished in 75 minutes", "took 3 hours", "it trained in 2 days"
_TIME_SEEN_BEFORE = re.compile(
    r"\b(?:finished|completed|took|ran|trained|converged|was done|were done|got through)\b[^.?!,]{0,20}$"
)
_DEADLINE = re.compile(
    r"\b(?:in|within|inside(?:\s+of)?)\s+(?:under\s+|less than\s+)?(?:a|one|(?<=under )an|(?<=than )an|(\d+(?:\.\d+)?))\s*"
    r"(minutes?|mins?|hours?|days?|weeks?|months?)\b"
)


# "I have 64 H100s for 2 weeks", "we can rent a node for a month": the time the hardware is held is the budget
_HELD_FOR = re.compile(
    r"\b(?:have|got|rent(?:ing)?|reserved?|book(?:ed)?|access to|allocation of)\b[^.?!]{0,40}?\bfor\s+"
    r"(?:a|one|(\d+(?:\.\d+)?))\s*(hours?|days?|weeks?|months?)\b"
)


def _deadline(plain: str) -> re.Match[str] | None:
    """The time a job may take ("in a week", "within 3 days", "inside 10 days", the hardware held "for 2 weeks"),
    not a time a run already took ("finished in 75 minutes"), which only a plain "in" can say."""
    due = _DEADLINE.search(plain) or _HELD_FOR.search(plain)
    if (
        due
        and not re.match(r"within|inside|in\s+(?:under|less)", due.group(0))
        and _TIME_SEEN_BEFORE.search(plain[max(0, due.start() - 30) : due.start()])
    ):
        return None
    return due


_HOURS_IN = {
    "minute": 1 / 60,
    "minutes": 1 / 60,
    "min": 1 / 60,
    "mins": 1 / 60,
    "hour": 1,
    "hours": 1,
    "day": 24,
    "days": 24,
    "week": 168,
    "weeks": 168,
    "month": 730,
    "months": 730,
    "year": 8760,
    "years": 8760,
}


# "$0.60 per million output tokens", "$3/M tokens", "$0.002 per 1k tokens", "15 cents per million": an API's price
_API_PRICE = re.compile(
    r"(?:\$\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:dollars?|usd|bucks|(cents?|¢)))\s*(?:/|per|a|for|for every|each)\s*"
    r"(?:1\s*)?(m\b|mn\b|million\b|mil\b|1m\b|k\b|1k\b|thousand\b)\s*(?:input |output |generated |completion |prompt )?"
    r"(?:tokens?|toks?)?"
)


def _api_price(text: str) -> float | None:
    """An API's price per million tokens said in the question ("$0.60 per million tokens"), or None."""
    m = _API_PRICE.search(text)
    if m is None:
        return None
    amount = float(m.group(1) or m.group(2))
    if m.group(3):
        amount /= 100  # cents
    if m.group(4).startswith(("k", "1k", "thousand")):
        amount *= 1000  # per thousand tokens
    return amount


# words that make a money amount the user's ceiling ("for under $2/hour", "a $500/month budget", "we have $300 a
# month", "our cap is $250") rather than a price stated as fact ("given an A100 is $90/hour")
_BUDGET_CUE = re.compile(
    r"\bbudget|\bunder\b|\bbelow\b|\bless than\b|\bat most\b|\bmax(?:imum)?\b|\bwithin\b|\bafford|\bspend|\bcap\b"
    r"|\blimit|\bwe have\b|\bi have\b|\bgot\b|\bonly\b|\bno more than\b|\benough\b|\bup to\b|\bstay\b|\bkeep it\b"
)


def _budget_amount(match: re.Match) -> float:
    """A ``_BUDGET`` match's dollars, thousands said with a k ("$3k a month" -> 3000)."""
    said = (match.group(1) or match.group(2)).replace(",", "").lower()
    return float(said[:-1]) * 1000 if said.endswith("k") else float(said)


def _budget_said(match: re.Match) -> tuple[float, str]:
    """A ``_BUDGET`` match as said: its amount and period ("$500 a month" -> (500.0, "month")); an amount with no
    period, read as an hourly rate, is per hour."""
    amount = _budget_amount(match)
    period = match.group(4) or match.group(5)
    if match.group(3) or period is None:
        return amount, "hour"
    return amount, _PER_PERIOD.get(period.lower(), period.lower()).rstrip("s")


def _hourly_budget(match: re.Match, text: str) -> float | None:
    """The per-hour budget a money amount sets: "$2/hour" as said; "$500 a month" over the hours the GPU runs in a
    month (the hours they say, e.g. "200 hours a month", else around the clock); None for an amount with no period
    too large to be an hourly price ("I have $5,000": a sum to spend, not a rate)."""
    amount = _budget_amount(match)
    if match.group(3):
        return amount
    period = match.group(4) or match.group(5)
    if period is None:
        if re.match(r"\s*(?:be |is )?enough\b", text[match.end() :]):
            return (
                None  # "is $3 enough to fine-tune it on 1M samples?": a sum for the job, not an hourly rate
            )
        return amount if amount <= _LARGEST_HOURLY_BUDGET else None
    period = _PER_PERIOD.get(period.lower(), period.lower()).rstrip("s")
    used = re.search(rf"(\d+(?:\.\d+)?)\s*(?:gpu[- ]?)?hours?\s*(?:a|per|each|/)\s*{period}\b", text)
    hours = float(used.group(1)) if used else _HOURS_IN.get(period)
    return round(amount / hours, 4) if hours else None


# "20 tokens/s per user", "each user gets 30 tok/s": the speed every user should see
_USER_RATE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:tokens?|toks?|t)\s*(?:/\s*s(?:ec)?|per sec(?:ond)?|a second)\s*(?:per|for each|each|/|for every|"
    r"for (?:a single|one|1|a|the|just one|only one))\s*(?:user|person|request|stream|sequence|session|client)"
    # "each user gets 30 tok/s", "they each want 30 tokens a second" (not "each GPU does 30 tok/s")
    r"|\beach\b(?!\s*(?:gpu|card|node|instance|machine|server|replica)s?\b)[^.?!\d]{0,30}(\d+(?:\.\d+)?)\s*"
    r"(?:tokens?|toks?|t)\s*(?:/\s*s(?:ec)?|per sec(?:ond)?|a sec(?:ond)?)"
    # "30 tps per user", "25 tok/s/user", "a per-user speed of 20 tokens/s"
    r"|(\d+(?:\.\d+)?)\s*(?:tps|tok/s|t/s|tokens?/s)\s*(?:per |/\s*)(?:user|person|request|stream|client)\b"
    r"|\bper[- ]user (?:speed|rate|throughput|generation)\D{0,20}(\d+(?:\.\d+)?)\s*(?:tokens?|toks?|t)\b"
    # "at least 50 tokens per second with qwen 14b for a single user"
    r"|(\d+(?:\.\d+)?)\s*(?:tokens?|toks?|t)\s*(?:/\s*s(?:ec)?|per sec(?:ond)?|a second)\b[^.?!\d]{0,40}?"
    r"\bfor (?:a single|one|just one|only one|each) (?:user|person|request|client)\b"
    # "users at 15 tok/s each", "20 t/s apiece": a speed said for each of several
    r"|(\d+(?:\.\d+)?)\s*(?:tokens?|toks?|t)\s*(?:/\s*s(?:ec)?|per sec(?:ond)?|a second)\s*(?:each|apiece)\b"
    # "what if I only need 5 tokens/s?", "I'd be fine with 10 tok/s": the speed the user needs, one reader
    r"|\b(?:(?:only|just) )?(?:need|needs|want|require|be (?:fine|happy|ok|okay) with)\s+(?:about |around |at least |"
    r"just |only |like |~)?(\d+(?:\.\d+)?)\s*(?:tokens?|toks?|t)\s*(?:/\s*s(?:ec)?|per sec(?:ond)?|a second)\b"
)
# "getting 25 t/s", "only ~2 tokens per second", "runs at 10 tok/s", "pulls 9 tok/s", "averaging 4 t/s": a speed
# the user reports seeing (a speed hoped for, "should hit 50 t/s", is read first as expected)
# a speed the question asks to be judged: "is that normal?", "is this expected", "that's slow, right?"
_SPEED_JUDGED = re.compile(
    r"\b(?:is (?:that|this|it)|that'?s|this is|it'?s)\s+(?:(?:\w+ )?normal|expected|reasonable|typical|ok(?:ay)?|"
    r"right|good|bad|slow|fast|low|high)\b|\bnormal\s*\?"
)
_OBSERVED_SPEED = re.compile(
    r"\b(?:get(?:s|ting)?|got|only|just|runs? at|running at|see(?:s|ing)?|seeing only|reach(?:es|ing)?|achiev\w*|"
    r"(?<!\bto )do|did|does|doing|at|about|around|like|barely|maybe|gives?|giving|generat\w*|outputs?|crawl\w*(?: at)?|~|"
    r"pull(?:s|ing|ed)?|hit(?:s|ting)?|manag(?:e|es|ing|ed)|averag(?:e|es|ing|ed)(?: out)?(?: at| around)?|"
    r"hover(?:s|ing)? (?:at|around)|sit(?:s|ting)? at|stuck at|tops? out at|topping out at|max(?:es|ing)? out at|"
    r"peak(?:s|ing)? at|clock(?:s|ing) (?:in )?at|yield(?:s|ing)?|produc(?:es|ing)|spits? out|spitting out|"
    r"churn(?:s|ing) out|push(?:es|ing)|mere|measly|measured|benchmark(?:s|ed) at|(?:it'?s|it is|is)(?: only)?|"
    # a speed read elsewhere, to be judged: "someone reported 2 tokens/s", "the blog claims 1.5 t/s"
    r"report(?:s|ed|ing)?|claim(?:s|ed|ing)?|quot(?:es|ed|ing)|show(?:s|ed|ing)|list(?:s|ed))"
    r"(?:\s+(?:me|us)\b)?"  # "gives me 3 tokens/s", "gets us 20 t/s"
    r"\s*(?:about |around |like |maybe |only |~\s*)?(\d+(?:\.\d+)?)\s*"
    r"(?:t/s|tok/s|tokens?\s*/\s*s(?:ec)?|tokens? (?:per|a) sec(?:ond)?|tps)\b"
)


# "10 LoRA adapters", "dozens of loras", "multi-LoRA", "--enable-lora": adapters served on one base model
_LORA_ADAPTERS = re.compile(
    r"(?:\b(\d+)|\b(a few|several|many|multiple|dozens of|hundreds of|lots of|a bunch of))\s+(?:different\s+|fine-?tuned\s+)?"
    r"(?:lora|peft|qlora)?\s*(?:adapters|loras)\b|\bmulti[- ]?lora\b|--enable[-_]lora\b|\blora adapters?\b"
)


def _lora_adapters(text: str, batch: int | None = None) -> int:
    """How many LoRA adapters a serving question puts on its base model: the number said, else one per request of
    the batch when each request brings its own ("16 requests, each with its own LoRA"), else 1."""
    m = _LORA_ADAPTERS.search(text)
    per_request = _ADAPTER_PER_REQUEST.search(text.lower())
    if m is None and per_request is None:
        return 0
    if m is not None and m.group(1):
        return int(m.group(1))
    return batch if per_request is not None and batch and batch > 1 else 1


# "time to first token", "TTFT", "first-token latency", "how long until the first token", "prefill time"
_FIRST_TOKEN = re.compile(
    r"\btime[- ]to[- ]first[- ]token\b|\bttft\b|\bfirst[- ]token (?:latency|time|delay)\b"
    r"|\bhow long (?:until|before|till|to get|for) (?:the |a )?first token\b|\bprefill (?:time|latency|speed|takes?)\b"
    r"|\bhow long (?:does it take |will it take |would it take )?to (?:process|prefill|read|ingest) (?:a |the |an? )?\d"
)
# "it should do like 100 tok/s", "I expect ~60 tokens/s", "will it hit 50 t/s?": a speed hoped for, not seen
_EXPECTED_SPEED = re.compile(
    r"\b(?:(?:should|would|will|could|can|supposed to)\s+(?:(?!only\b|just\b|barely\b)[\w.-]+\s+){0,4}?(?:do|get|reach|hit|give|run at|manage|"
    r"generate|see|achieve|push|deliver)|expect(?:ing|ed)?|hop(?:e|ing) (?:for|to get))\s+"
    r"(?:like\s+|about\s+|around\s+|roughly\s+|at least\s+|~\s*)?(\d+(?:\.\d+)?)\s*"
    r"(?:t/s|tok/s|tokens?\s*/\s*s(?:ec)?|tokens? (?:per|a) sec(?:ond)?|tps)\b"
)


def _expected_speed(text: str) -> float | None:
    """The generation speed the user expects, if any ("should do like 100 tok/s")."""
    m = _EXPECTED_SPEED.search(text)
    return float(m.group(1)) if m else None


# "190 ms per token", "time_per_token of around 190 ms", "TPOT 45ms", "inter-token latency is 30 ms"
_OBSERVED_TOKEN_TIME = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*ms\s*(?:per|/|a|each)\s*(?:output\s+|generated\s+)?token\b"
    r"|\b(?:time[-_ ]per[-_ ](?:output[-_ ])?token|tpot|inter[-_ ]token latency|itl|per[-_ ]token latency)\b"
    r"[^0-9\n]{0,40}?(\d+(?:\.\d+)?)\s*ms\b"
    r"|\b(?:each|every|one|a|per) token (?:takes?|took|needs?|is|comes (?:out )?(?:every|in))\s+"
    r"(?:about |around |like |roughly |nearly |over |~\s*)?(\d+(?:\.\d+)?)\s*ms\b"
)


def _observed_speed(text: str) -> float | None:
    """The generation speed the user reports seeing, if any ("getting 25 t/s", "only 2 tokens/s", "190 ms per
    token": one token every 190 ms is 5.3 tokens/s)."""
    m = _OBSERVED_SPEED.search(text)
    if m:
        return float(m.group(1))
    t = _OBSERVED_TOKEN_TIME.search(text)
    ms = float(next(g for g in t.groups() if g)) if t else 0.0
    return round(1000 / ms, 1) if ms > 0 else None


_CAPACITY_QUESTION = re.compile(
    r"\bhow many (?:more |extra |additional |fewer )?(?:concurrent |simultaneous |parallel |active )?"
    # "how many chat users", "how many daily active people": a word or two describing them (never the hardware)
    r"(?:(?!gpus?\b|cards?\b|nodes?\b|instances?\b|servers?\b|machines?\b|of\b)[a-z]+[- ]){0,2}?"
    r"(?:\d+(?:\.\d+)?k?[- ]?(?:tokens?[- ]|ctx |context )?)?(?:users|people|requests|sessions|customers|clients|"
    r"streams|sequences|conversations|chats)\b|\bmax(?:imum)?[-_ ](?:number[-_ ]of[-_ ])?(?:concurrent|simultaneous)[-_ ]\w+|(?<!total )\bcapacity\b|"
    # "will 8 GPUs serve more concurrent requests than 2?", "do I get more concurrent users or just faster tokens?"
    r"\b(?:more|fewer|less) (?:concurrent|simultaneous|parallel) (?:users|people|requests|sessions|streams|sequences|"
    r"conversations|chats)\b|\bhow many\b.{0,40}\bat (?:once|the same time|a time)\b|"
    r"\bscale to \d+ (?:users|people)\b|\b(?:handle|support|serve) \d+ (?:concurrent |simultaneous )?(?:users|people|requests)\b"
)
# "what quant should I use", "which gguf do I download", "what precision for my 4090": the weight format to pick
_FORMAT_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:(?:kind|sort|level|type) of\s+)?(?:quant\w*|precision|format|dtype|gguf|bits?)\b"
)
_COST_QUESTION = re.compile(
    r"\bcost(?:s|ing)?\b|\bhow much (?:money|would|will|does it|do (?:you|i) (?:pay|spend))\b|\bprice\b|\bper month\b|"
    r"\bmonthly\b|\bbudget\b|(?<!less )\bexpensive\b|\bset (?:me|us) back\b|\bdollars?\b|\busd\b|\$"
    # "what would 3 H100s run me per day?": to run someone an amount is to cost them it (not "run me through")
    r"|\bruns? (?:me|us|you)\b(?! through| by| over)"
    # "what does that run on rented L40s?": what it costs to rent, not whether it runs
    r"|\bwhat (?:does|would|will|'d) (?:that|it|this|the job|they) run\b(?=.{0,30}\b(?:rent(?:ed|ing)?|per|a day|a month)\b)"
    r"|\b(?:the|my|our|a) bill\b|\ba month\b.{0,30}\bhow much\b|\bhow much\b.{0,40}\ba month\b"
)
# "the GPU cost when running finetune.sh" beside an out-of-memory error, "training memory cost", "GPU budget ... what
# is the required GPU memory?": the cost asked is GPU memory (the ML sense of a resource cost), not money
_MEMORY_COST = re.compile(
    r"\b(?:memory|vram|gpu ram|gpu memory)[- ](?:costs?|budget|consumption cost)\b|\b(?:costs?|budget) (?:of|in) "
    r"(?:gpu )?(?:memory|vram)\b"
)
_GPU_COST = re.compile(r"\bgpus?[- ](?:costs?|budget)\b|\b(?:costs?|budget) (?:of|in) gpus?\b")
_MEMORY_ASKED = re.compile(
    r"\b(?:out of memory|oom)\b|\bhow much (?:gpu )?(?:memory|vram)\b|\brequired (?:gpu )?(?:memory|vram)\b|"
    r"\b(?:memory|vram) (?:is )?(?:required|needed|requirements?)\b"
)
_MONEY = re.compile(
    r"\$|\bdollars?\b|\busd\b|\beur(?:os?)?\b|\bprice\b|\bper (?:hour|month|day)\b|/\s*(?:hr|hour|month)\b|\bmonthly\b|"
    r"\bcheap|\bexpensive\b|\bhow much (?:money|would it cost|will it cost|does it cost)\b|\bbill\b|\bafford"
)


# "the best GPU under $1/hour", "any card that costs below $2 an hour": a ceiling on the rate of the hardware
# picked, which filters the setups; it does not ask what the job costs ("can we stay below $1.50 an hour?" does)
_HOURLY_CEILING = re.compile(
    r"\b(?:gpus?|cards?|instances?|options?|anything|something|setups?|accelerators?|machines?)\s+"
    r"(?:(?:that|which)\s+(?:costs?|is|are|runs?)\s+)?"
    r"(?:under|below|less than|at most|max(?:imum)?|within|up to|no more than)\s+\$\s?\d[\d.,]*\s*"
    r"(?:/|per|an?)\s*(?:hour|hr|h)\b"
)


def _resource_cost(text: str) -> bool:
    """Whether the cost or budget a question names is GPU memory, not money: a memory cost ("training memory
    cost"), or a GPU cost / budget beside an out-of-memory error or a memory question, with no money named."""
    if _MONEY.search(text):
        return False
    return bool(_MEMORY_COST.search(text) or (_GPU_COST.search(text) and _MEMORY_ASKED.search(text)))


# "best way to run it on my two 4090s?", "the easiest setup for …": a way is asked, not whether
_WAY_ASKED = re.compile(
    r"\b(?:fastest|best|quickest|easiest|optimal|most efficient|cheapest) (?:way|setup|method|route|option)s? "
    r"(?:to|for)\b"
)
# the work a card does for its price: "cost-effective", "bang for the buck", "price/performance"
_VALUE_FOR_MONEY = re.compile(
    r"\bcost[- ]?(?:effective|efficient)|\bbang for (?:the|your|my) bucks?\b|\bprice[- /]?(?:to[- ])?performance\b|"
    r"\bperf(?:ormance)? per (?:dollar|\$)|\bvalue for (?:the )?money\b"
    # "which is cheaper to train on?": the run's cost (time x rate), not the hourly rate
    r"|\bcheaper (?:to|for) (?:run|serve|train|fine-?tune|inference|serving|training)\w*"
)
# the share of peak compute a training run reaches: "what MFU to expect", "model flops utilization", "HFU"
_EFFICIENCY_ASKED = re.compile(r"\b[mh]fu\b|\b(?:model|hardware) flops? utili[sz]ation\b")


def asks_efficiency(question: str) -> bool:
    """'What MFU should I expect?', 'model FLOPs utilization on H100s': the share of peak compute a run reaches."""
    return bool(_EFFICIENCY_ASKED.search(question.lower()))


_OPEN_QUESTION = re.compile(
    r"\bhow (?:much|many|long)\b|\bwhat (?:gpu|hardware|instance|card)s?\b"
    # "which" asks, unless it opens a relative clause about the thing named ("X, which is built on SDXL, on 8GB?",
    # "a tool which uses Wan 2.1"): a passive participle or a plain verb follows it there, never a noun
    r"|\bwhich\b(?!\s+(?:is|was|are|were)\s+(?:\w+ed|built|made|written|run|based|trained)\b)"
    r"(?!\s+(?:uses|used|has|had|needs|requires|runs|takes|adds|loads|builds|extends|combines)\b)"
    # "the biggest batch I can run?", "max context it can take?": a number is asked, not whether it can
    r"|\b(?:biggest|largest|max(?:imum)?|longest)\s+(?:\w+\s+)?(?:batch|context|model|size)\b"
    # "why is the H100 so much faster?", "how come it is slower?": a reason is asked, not whether
    r"|\bwhy (?:is|are|does|do|did|would|can|could|will|was|were)\b|\bhow come\b"
)
_GB = r"\s*(?:gb|gib|gigs?|gigabytes?|g)\b"  # "24gb", "24 GiB", "a 24 gig card", "24G"
_STATED_MEMORY = [
    re.compile(
        r"(?:my|our|a|an|one|the|single|with|have|has|only|max(?:imum)?|is|are|can|could|will|would|on|in|into|got|own|using)"
        r"\s+(?:\w+\s+){0,3}?(\d+(?:\.\d+)?)"
        + _GB
        + r"(?!\s*(?:of\s+)?(?:ram|system|cpu|disk|ssd|storage|model|file|checkpoint|weights|download|dataset))"
    ),
    re.compile(
        r"(\d+(?:\.\d+)?)" + _GB + r"\s*(?:of\s+)?(?:vram|gpu memory|gpu ram|video memory|graphics memory)\b"
    ),
    # "VRAM: 12GB", "VRAM - 12GB", "GPU = 12 GB" (a spec list: a number straight after "GPU" is its memory)
    re.compile(
        r"(?:vram|gpu memory)\s*(?:of|is|=|:|-|–)?\s*(\d+(?:\.\d+)?)"
        + _GB
        + r"|\bgpu\s*(?:=|:|-|–)\s*(\d+(?:\.\d+)?)"
        + _GB
    ),
    # "should 48GB suffice", "would 24 gigs be enough", "16gb sufficient?": the amount weighed is the user's
    re.compile(
        # ("would 64gb of ram be enough to offload ... with a 16gb gpu": system RAM weighed is not the card)
        r"(\d+(?:\.\d+)?)"
        + _GB
        + r"\s+(?:of\s+(?!(?:system\s+|cpu\s+|ddr\d?\s+)?ram\b|system\b|cpu\b|ddr)\w+\s+)?"
        r"(?:(?:be|is|are|would be|will be)\s+)?"
        r"(?:enough|sufficient|suffice|adequate)\b"
    ),
    # "8gb works?", "12 gb ok?", "6gb vram fine?", "24GB card ok?": the amount asked about, said as the subject of
    # a yes/no
    re.compile(
        r"(?:^|[.?!,;:]\s*|\s-\s)(\d+(?:\.\d+)?)"
        + _GB
        + r"(?:\s+(?:of\s+)?(?:vram|gpu|card))?\s+(?:(?:is|would be|will be)\s+)?(?:works?|ok|okay|fine)\b[^?!.]{0,40}\?"
    ),
    # "2x24GB", "4 x 80GB": each card's memory, the count beside it (not system RAM: "2x32GB of RAM")
    re.compile(
        r"(?<![\w.])\d{1,3}\s*[x×*]\s*(\d{1,3}(?:\.\d+)?)\s*(?:gb|gib|g)\b"
        r"(?!\s*(?:of\s+)?(?:system\s+|cpu\s+|ddr\d?\s+)?(?:ram|memory sticks?|dimms?)\b)"
    ),
    # a pasted PyTorch OOM message: "(GPU 0; 23.65 GiB total capacity; ...)", "has a total capacity of 21.99 GiB"
    re.compile(r"(\d+(?:\.\d+)?)" + _GB + r"\s*total capacity\b|\btotal capacity of (\d+(?:\.\d+)?)" + _GB),
    # a notebook runtime's memory said beside it: "in Google Colab (~15 GB Memory)", "kaggle, 16gb"
    re.compile(r"\b(?:colab(?:oratory)?|kaggle)\b\W{0,4}(?:\w+\W{1,4}){0,3}?[~≈]?\s*(\d+(?:\.\d+)?)" + _GB),
]


# the memory a run is seen to take: "uses 14 GB", "is using ~20GB", "peaks at 30 GB", "12 GB used per GPU"
_OBSERVED = re.compile(
    r"\b(?:uses?|using|used|takes?|taking|took|consum(?:es|ed|ing)|eats?|eating|ate|occup(?:ies|ied|ying)|"
    r"allocat(?:es|ed|ing)|reserv(?:es|ed|ing)|grabs?|grabbed|grabbing|hogs?|hogging|"
    r"peaks? at|peaking at|(?:memory|vram) (?:usage|use|consumption) (?:is|of|at|was)"
    # "with the small model it seems about 18Gb": a reading said with a hedge (the hedge is required below)
    r"|seems?(?: to (?:use|take|need|be))?(?=\s+(?:about|around|like|roughly|~)))\s+(?:up\s+)?"
    r"(?:about |around |roughly |approximately |almost |nearly |over |only |up to |like |all |~)?[~≈]?\s*"
    # a range read ("takes 11-13 GB of VRAM", "uses 20 to 22GB"): its top is what the run needs
    r"(?:\d+(?:\.\d+)?\s*(?:gb|gib)?\s*(?:-|–|to)\s*)?"
    r"(\d+(?:\.\d+)?)"
    + _GB
    + r"(?!\s*(?:of\s+)?(?:ram|system|cpu|disk|card|gpu\b|vram card))"
    + r"(?!\s+(?:rtx\s+|gtx\s+|nvidia\s+|geforce\s+|tesla\s+)?[a-z]{0,2}\d{3,4}\b)"  # "using 24gb 3090": a card
    + r"|[~≈]?(\d+(?:\.\d+)?)"
    + _GB
    + r"\s+(?:of (?:vram|gpu memory) )?(?:is |are |being )?(?:used|in use|allocated|occupied)\b"
)


# a usage reading named as such, in GB or MB: "RAM usage stays under 4 GB", "memory usage of only up to 300 Mb",
# "vram usage was around 7.5gb" (a reading whatever the memory, unlike "uses 32GB of RAM", which may be the machine)
_USAGE_READ = re.compile(
    r"\b(?:ram|memory|vram|gpu memory)\s+(?:usage|use|consumption|footprint)"
    r"(?:\s+(?:is|was|stays?|stayed|remains?|remained|of|at|around|about|under|below|only|just|up|to|less|than|"
    r"roughly|approximately|barely|sits|shows?|showed|reads?|peaks?|peaked|hovers?|goes|went|reached|reaches|"
    r"never|exceeds?|over)){0,5}\s*[~≈]?\s*(\d+(?:\.\d+)?)\s*(gb|gib|gigs?|g|mb|mib)\b"
)


# a run reported to need only so much: "30B runs with only 6GB of RAM", "works in just 4 GB", "loads using only 3GB"
# ("only"/"just" make it a reading, where "runs on 16GB of RAM" is the machine)
_RUNS_IN_ONLY = re.compile(
    r"\b(?:runs?|running|ran|works?|working|worked|loads?|loading|loaded|fits?|fitting|fitted)\s+"
    r"(?:with|in|on|using|within)\s+(?:only|just|barely|merely)\s+[~≈]?\s*(\d+(?:\.\d+)?)" + _GB
)


# a tool's reading of the memory in use: "nvidia-smi says 70GB", "it reports 21G", "the dashboard shows 38 GB"
_READ_AS = re.compile(
    r"\b(?:reports?|reported|reporting|shows?|showed|showing|says|said|displays?|displayed|displaying|"
    r"indicates?|indicated|reads|(?:goes|went|going|shoots?|shot) up to|(?:jumps?|jumped|jumping|climbs?|climbed|"
    r"rises?|rose|grows?|grew|increases?|increased|spikes?|spiked|balloons?|ballooned) (?:up )?to|reach(?:es|ed)?|"
    r"hits?|sits at|stays? at|stayed at)\s+(?:me\s+)?(?:about |around |almost |nearly |over |~\s*)?(\d+(?:\.\d+)?)"
    + _GB
    + r"(?!\s*(?:of\s+)?(?:ram|system|cpu|disk|card|gpu\b|vram card|total|free|available))"
)


# llama.cpp server's parallel slots ("-np 4", "--parallel 8") and its context flag ("-c 16384", "--ctx-size 8192")
_LLAMACPP_SLOTS = re.compile(r"(?<![\w-])(?:-np|--parallel|--n-parallel)\s*[=:]?\s*(\d{1,3})\b")
_LLAMACPP_CTX = re.compile(r"(?<![\w-])(?:-c|--ctx[-_]size)\s*[=:]?\s*\d")
# a server's KV-cache pool in tokens over all requests: TGI --max-batch-total-tokens (MAX_BATCH_TOTAL_TOKENS)
_KV_POOL = re.compile(r"max[-_ ]batch[-_ ]total[-_ ]tokens\s*[=:]?\s*[\"']?(\d[\d,_]*)(k)?\b")


def _kv_pool_tokens(text: str) -> int | None:
    """The tokens a server's KV-cache pool is set to hold over all requests together, if the question says it."""
    m = _KV_POOL.search(text.lower())
    if not m:
        return None
    value = int(re.sub(r"[,_]", "", m.group(1))) * (1000 if m.group(2) else 1)
    return value if value >= 256 else None


# RAM a run is seen to take, said as a reading: "shows ollama using only 2 GB of RAM", "only 1.5gb of ram used"
# ("only" or "used" make it a reading, where "uses 32GB of RAM" alone may be the machine)
_RAM_READ = re.compile(
    r"\b(?:only|just|barely|merely)\s+(?:(?:uses?|using|used|shows?|showing|takes?|taking|consum\w*)\s+)?[~≈]?\s*"
    r"(\d+(?:\.\d+)?)" + _GB + r"\s+(?:of\s+)?(?:system\s+)?(?:ram|memory)\b"
    r"|(\d+(?:\.\d+)?)" + _GB + r"\s+of\s+(?:system\s+)?(?:ram|memory)\s+(?:is\s+|being\s+)?(?:used|in use)\b"
)


def _observed_gb(text: str) -> float | None:
    """The memory the user sees their run take; "it should only take 4GB" is an expectation, not a reading."""
    for m in _OBSERVED.finditer(text):
        if not _EXPECTED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            return float(m.group(1) or m.group(2))
    for m in _READ_AS.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if not (_EXPECTED_BEFORE.search(before) or _PAGE_BEFORE.search(before)):
            return float(m.group(1))
    for m in _RUNS_IN_ONLY.finditer(text):
        if not _EXPECTED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            return float(m.group(1))
    for m in _RAM_READ.finditer(text):
        if not _EXPECTED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            return float(m.group(1) or m.group(2))
    for m in _USAGE_READ.finditer(text):
        if not _EXPECTED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            value = float(m.group(1))
            return round(value / 1024, 3) if m.group(2).startswith("m") else value
    if m := _TOOL_SAYS.search(text):  # "ollama says it needs 14 GB": the runtime's own figure for the run
        return float(m.group(1))
    if m := _SMI_READ.search(text):  # nvidia-smi's "23859MiB / 24564MiB": memory in use over the card's total
        value = float(m.group(1))
        return round(value / 1024, 3) if m.group(2).startswith("m") else value
    return None


# a local runtime or monitor quoted for the run's memory: "ollama says it needs 14 GB", "LM Studio shows 9.8 GB",
# "ollama ps lists 15GB" (what the tool reports for this run, not the card's memory or a README's requirement)
_TOOL_SAYS = re.compile(
    r"\b(?:ollama(?: ps)?|lm ?studio|llama\.cpp|llama-server|koboldcpp|gpt4all|nvidia-smi|task manager)\s+"
    r"(?:says?|said|shows?|showed|reports?|reported|estimates?|estimated|lists?|listed|(?:still\s+)?(?:holds?|holding|"
    r"keeps?|keeping))\s+(?:that\s+)?(?:it\s+)?"
    r"(?:needs?|requires?|uses?|takes?|wants?|will (?:use|need)|is)?\s*(?:about |around |~)?"
    r"(\d+(?:\.\d+)?)\s*(?:gb|gib)\b"
)


# nvidia-smi's Memory-Usage column pasted or quoted: "used / total" in MiB (or GB), used first
_SMI_READ = re.compile(r"(\d+(?:\.\d+)?)\s*(mib|mb|gib|gb)\s*/\s*\d+(?:\.\d+)?\s*(?:mib|mb|gib|gb)\b")


_EXPECTED_BEFORE = re.compile(
    r"\b(?:should|would|will|shall|could|can|might|may|must|supposed to|expect\w*|need\w*|want\w*|to|gonna)"
    r"(?:\s+(?:it|this|that|they|only|just|still|not|n't|really|actually|be|at most|at least))*\s*$"
)


# "physical size is 4GB", "the model is 4gb", "weights are ~5GB": the size of the files, not of the card
_SIZE_OF_FILES = re.compile(
    r"\b(?:size|model|weights?|files?|checkpoint|download)\s*(?:is|are|was|of|=|:|~|about|around|only|just|\s)*$"
)


# "a 4.9GB gguf", "the 8 GB safetensors": a size written before the kind of file
_FILE_AFTER = re.compile(r"^\s*(?:gguf|safetensors?|download|file|checkpoint|model file|\.gguf)\b")
_SIZE_GB = re.compile(r"(\d+(?:\.\d+)?)" + _GB)


def _file_gb(text: str) -> float | None:
    """The size of the model's files the user mentions ("the download is only 4GB", "a 4.9GB gguf"), if any."""
    for m in _SIZE_GB.finditer(text):
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 20]
        if _SIZE_OF_FILES.search(before) and re.search(
            r"\b(?:download|files?|gguf|safetensors?|checkpoint)\b", before
        ):
            return float(m.group(1))
        if _FILE_AFTER.search(after):
            return float(m.group(1))
    return None


# a serving engine's reserve: vLLM --gpu-memory-utilization, SGLang --mem-fraction-static, TGI
# --cuda-memory-fraction ("gpu_memory_utilization=0.95", "--gpu-memory-utilization 0.5", "mem fraction 0.8")
_MEMORY_FRACTION = re.compile(
    r"(?:gpu[-_ ]?memory[-_ ]?utili[sz]ation|mem(?:ory)?[-_ ]fraction(?:[-_ ]static)?|cuda[-_ ]memory[-_ ]fraction)"
    r"\s*(?:of|to|at|=|:)?\s*[\"']?(0?\.\d+|1(?:\.0+)?|\d{1,3}\s*%)"
)


# an RL run whose generation engine shares the training GPUs: TRL's vllm_mode="colocate" ("colocated vLLM"),
# Unsloth's fast_inference=True (vLLM inside the training process)
_VLLM_NAMED = re.compile(r"\bv-?llm\b|\buse_vllm\b")
# "no vLLM", "without vllm", "use_vllm=False": the completions generated by the trainer itself, not vLLM
_VLLM_OFF = re.compile(
    r"\b(?:no|without|w/o|not using|not use|disabled?)\s+v-?llm\b|\buse_vllm\s*[=:]\s*false\b"
    r"|\bv-?llm\s+(?:off|disabled)\b"
)
# the KL coefficient set to zero ("beta=0", "beta 0.0", "kl_coef 0", "no KL penalty"): the RL trainer loads no
# reference model (TRL GRPOConfig: "If 0.0, the reference model is not loaded")
_RL_BETA_ZERO = re.compile(
    r"\b(?:beta|kl_coef|init_kl_coef|kl_coeff?)\s*(?:=|:|of|is|to)?\s*0(?:\.0+)?(?![.\d])"
    r"|\b(?:no|without)\s+(?:a\s+|the\s+)?kl(?:[- ]divergence)?(?:\s+(?:penalty|term|loss))?\b"
)
_RL_COLOCATED = re.compile(
    r"\bcolocat(?:e|ed|es|ing|ion)\b|\bco-locat\w*|\bfast_inference\W{0,3}(?:true|1)\b"
)


def _memory_fraction(text: str) -> float | None:
    """The share of GPU memory the user set their serving engine to reserve, if they said it."""
    m = _MEMORY_FRACTION.search(text)
    if not m:
        return None
    raw = m.group(1).replace(" ", "")
    value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    return value if 0.05 <= value <= 1 else None


# the model's whole context asked for: "its full context window", "the entire 128k"-less "max context", or a batching
# server left at its default (vLLM --max-model-len / SGLang --context-length default to the model's full context)
_FULL_CONTEXT = re.compile(
    r"\b(?:full|entire|whole|complete|max(?:imum)?|native)\s+(?:context|ctx|context[- ]window|context[- ]length|"
    r"sequence length)\b"
    # "when using its long context": the model's own (trained) long context, no figure said
    r"|\b(?:its|the model's)\s+(?:long|large|huge|big|extended)\s+(?:context|ctx|context[- ]window|context[- ]length)\b"
)
_DEFAULT_SERVER_CONTEXT = re.compile(
    r"\bdefault\s+(?:context|ctx|context[- ]length|context[- ]window|max[-_ ]model[-_ ]len(?:gth)?|"
    r"context[-_ ]length setting)\b|\b(?:without|no) (?:setting |passing |any )?(?:a |the )?`?-*max[-_ ]model[-_ ]len"
)


def _full_context_asked(text: str) -> bool:
    """Whether ``text`` asks for the model's whole trained context (said outright, or a batching server that
    defaults to it left at its default)."""
    t = text.lower()
    if _FULL_CONTEXT.search(t):
        return True
    return bool(_DEFAULT_SERVER_CONTEXT.search(t)) and any(
        e in ("vLLM", "SGLang") for e in engines_named(text)
    )


# "how many 24GB GPUs do I need", "needs how many GPUs of 24GB?", "how many cards with 48 GB each": a count of cards
# of one size asked for
_CARD_SIZE_ASKED = [
    re.compile(
        r"\bhow many\s+(\d{1,3})\s*(?:gb|gib|g|gigs?)\b\s*(?:vram\s+|memory\s+)?(?:nvidia\s+)?"
        r"(?:gpus?|cards?|graphics cards?|accelerators?|devices?)\b"
    ),
    re.compile(
        r"\bhow many\s+(?:nvidia\s+)?(?:gpus?|cards?|graphics cards?|accelerators?|devices?)\s+(?:of|with)\s+"
        r"(\d{1,3})\s*(?:gb|gib|g)\b"
    ),
]


def _card_size_asked(text: str) -> float | None:
    """The memory of the cards a question asks a count of ("how many 24GB GPUs"), if any."""
    for pattern in _CARD_SIZE_ASKED:
        m = pattern.search(text.lower())
        if m and 4 <= float(m.group(1)) <= 320:
            return float(m.group(1))
    return None


# a run reported not to fit the card tried ("it does not fit", "won't fit on my A10G", "doesn't load")
_DOES_NOT_FIT = re.compile(
    r"\b(?:does ?n[o']?t|do ?n[o']?t|won'?t|will not|did ?n[o']?t|would ?n[o']?t)\s+(?:\w+\s+)?(?:fit|load)\b"
)
# a run the user watched crawl ("runs slow", "only 5-13 t/s here"): it ran on the card they have, one of it
_RAN_SLOW = re.compile(
    r"\b(?:runs?|running|ran|is|goes|going|generation)\s+(?:\w+\s+){0,2}slow(?:ly)?\b|\bvery slow\b"
    r"|\b\d+(?:\.\d+)?\s*(?:-\s*\d+(?:\.\d+)?\s*)?(?:t/s|tok/s|tokens?/s)\s+(?:here|for me|on (?:my|it|this))\b"
)
# several cards said ("two A10Gs", "my 3090s", "both GPUs", "4x"): the count is theirs to say, not one
_SEVERAL_CARDS = re.compile(
    r"\b(?:two|three|four|five|six|eight|both|multiple|several|\d+\s*x)\b|\b\d+\s+(?:\w+\s+)?(?:gpus|cards)\b"
    r"|\b[a-z]*\d{2,4}s\b|\bgpus\b|\bcards\b"  # "my 3090s", "the A100s"
)
_RAM_LABEL = re.compile(r"\b(?:ram|(?:pc|system|cpu|host|main|computer) memory)\s*(?:of|:|is|=|-|–)?\s*$")


# the model (by its size, or its name, which the text read here has dropped) as the subject the figure is said of:
# "13b model in fp16 is", "llama 3 8b is"
_MODEL_IS_SIZE = re.compile(
    r"(?:^\s*|\b\d+(?:\.\d+)?\s*b\b(?:\s+(?:model|llm|params?|parameters?|weights))?)(?:\s+(?:in|at)\s+(?:fp16|bf16|16-?bit|fp32|8-?bit|int8|"
    r"fp8|4-?bit|int4))?\s+(?:is|=|weighs|takes up|is only|is just|is about|is around|is roughly)\s*(?:only\s+|just\s+|about\s+|around\s+|~)?$"
)


def _stated_memory(text: str) -> float | None:
    """The GPU memory the user says they have, per GPU ("my 8gb card", "a GPU with 6GB VRAM"), if any."""
    # "the model is a bit more than 16gb": the model's size, not a floor on the card
    floors = [
        f
        for f in _MIN_MEMORY.finditer(text)
        if not _MODEL_OVER.search(text[max(0, f.start() - 40) : f.start()])
    ]
    if any(not _NEGATED_FLOOR.search(text[max(0, f.start() - 40) : f.start()]) for f in floors):
        return None  # "at least 48 GB" is a filter, not the user's card
    hits = [m for p in _STATED_MEMORY for m in p.finditer(text)]
    # "I don't have a GPU with more than 45GB": a ceiling the user is under, not their card; the card said next is
    hits = [m for m in hits if not any(f.start() <= _start(m) < f.end() for f in floors)]
    hits = [m for m in hits if not _SIZE_OF_FILES.search(text[max(0, m.start(1) - 40) : m.start(1)])]
    # "PC memory - 32GB VRAM - 12GB": a number labelled as the system's RAM is not the card's, whatever follows it
    hits = [m for m in hits if not _RAM_LABEL.search(text[max(0, _start(m) - 30) : _start(m)])]
    # "on Colab it takes 11-13 GB of VRAM": what a run was seen to take is a reading, not the user's card
    seen = [o.span() for o in (*_OBSERVED.finditer(text), *_TOOL_SAYS.finditer(text))]
    hits = [m for m in hits if not any(a <= _start(m) < b for a, b in seen)]
    # "run a 40GB VRAM model", "a 20 gb model": the size of the model, not of the user's card
    hits = [
        m
        for m in hits
        if not (
            _MODEL_AFTER.match(text, m.end())
            and re.search(r"\b(?:an?|one|any|this|that)\s+$", text[: _start(m)])
        )
    ]
    # "a 7b model in fp16 is 7 GB right?", "llama 3 8b is 8gb so...": a size claimed for the model, not the card
    hits = [m for m in hits if not _MODEL_IS_SIZE.search(text[: m.start(1)][-60:])]
    hits = [
        m
        for m in hits
        if re.search(r"vram|gpu|card|memory|graphics|\d\s*(?:gb|gib|gigs?|gigabytes?)\b|\bg\b", text)
    ]
    if not hits:
        return None
    first = min(hits, key=lambda m: m.start())
    value = float(next(g for g in first.groups() if g is not None))
    # no single GPU holds more than 320 GB: more is the memory of several together ("1.5TB of GPU memory", "640gb
    # of vram across the cluster"), held against the whole need
    return value if 2 <= value <= _MOST_GPU_MEMORY_SAID else None


_MODEL_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:vram\s+|gpu\s+)?(?:models?|llms?|ggufs?|checkpoints?)\b(?!\s*(?:quant|param|size|file))"
)

_MOST_GPU_MEMORY_SAID = 50_000  # GB: a large cluster's memory said as one figure; more is not a GPU memory


def _start(m: re.Match) -> int:
    """Where the number a memory pattern caught begins."""
    return next(m.start(i) for i in range(1, (m.re.groups or 0) + 1) if m.group(i) is not None)


# buying a card to own, not renting one: "which gpu should I buy", "budget build", "without breaking the bank"
_BUY_CARD = re.compile(
    r"\b(?:buy|buying|bought|purchas\w*|(?:budget|cheap|cheapest) (?:build|rig|pc|box)|build (?:a|my|an?) "
    r"(?:\w+ )?(?:pc|rig|box|machine|workstation|server)|without breaking the bank|on a (?:tight )?budget|"
    r"upgrade to)\b"
)
_RENT_CUES = re.compile(
    r"\brent|\bcloud\b|per hour|hourly|/\s*h(?:ou)?r\b|per month|a month|monthly|\bspot\b|on[- ]demand|\binstances?\b|"
    r"\baws\b|\bgcp\b|\bazure\b|runpod|lambda|vast\.?ai|\bcolab\b"
)


# asking which card to get: "what gpu should I buy", "whats a decent gpu", "recommend a graphics card", "which card
# do you suggest", "best gpu for", "what card should i get"
_CARD_WORD = (
    r"(?:gpus?|cards?|graphics cards?|video cards?|vram|macs?|macbooks?(?: pro| air)?|mac (?:mini|studio))"
)
_WHICH_CARD = re.compile(
    r"\b(?:what|which|wat|whats|what's|wich|recommend\w*|suggest\w*|advice on|decent|good|best|cheap\w*|"
    r"budget|affordable|worth)\b[^.?!]{0,40}\b" + _CARD_WORD + r"\b"
    r"|\b"
    + _CARD_WORD
    + r"\b[^.?!]{0,20}\b(?:should|would|do)\s+(?:i|you|we)\s+(?:get|buy|pick|go for|recommend|"
    r"suggest|choose)\b"
    r"|\b(?:should|would|do)\s+(?:i|you|we)\s+(?:get|buy|pick|go for|recommend|suggest|choose)\b[^.?!]{0,30}\b"
    + _CARD_WORD
    + r"\b"
)
# ... for running models on one's own machine (not a cloud rental, not training at scale)
_FOR_LOCAL_MODELS = re.compile(
    r"\b(?:local(?:ly)?|at home|home ?lab|my (?:own )?(?:pc|machine|computer|rig|desktop)|self[- ]host\w*|"
    r"ollama|llama[.\s-]?cpp|lm ?studio|gguf|mess(?:ing)? around|tinker\w*|play(?:ing)? (?:around )?with|hobby)\b"
)
# ... or for machine learning in general, learnt or tried at home ("best budget gpu for deep learning", "a GPU to get
# into ML as a student")
_FOR_ML_IN_GENERAL = re.compile(
    r"\b(?:deep[- ]learning|machine[- ]learning|ml|data science|a\.?i\.? (?:stuff|projects?|work))\b"
    r"|\b(?:student|beginner|starting out|get(?:ting)? (?:into|started)|learn(?:ing)? (?:ai|ml|deep|machine))"
)
_NOT_TO_BUY = re.compile(
    r"\brent|\bcloud\b|per hour|hourly|\binstance|\bfine[- ]?tun|\btrain|\bstable diffusion|"
    r"\bsdxl\b|\bflux\b|\bgaming\b|\bwhisper\b"
)


# the CPU (no GPU) weighed against a card: "13600k and no gpu or a 3060", "cpu vs gpu", "is a gpu worth it over
# more ram", "only cpu or should I add a 3060"
_CPU_OR_CARD = re.compile(
    r"\b(?:no|without(?: a)?) gpu\b[^?]{0,80}\b(?:or|vs\.?|versus)\b"
    r"|\b(?:cpu|processor|i[3579][- ]?\d{4,5}\w*|\d{4,5}k|ryzen\s?\d?\s?\d{4}\w*)\b[^?]{0,60}\b(?:or|vs\.?|versus)\b"
    r"[^?]{0,60}\b(?:gpu|card|rtx|gtx|rx|arc|\d{4}\s?(?:ti|xt|super)?)\b"
    r"|\b(?:gpu|card)\b[^?]{0,40}\b(?:or|vs\.?|versus)\b[^?]{0,40}\b(?:cpu|more ram|ram upgrade)\b"
)


# two memory sizes set against each other for a card or a Mac: "16gb or 24gb", "64 vs 128 gb", "8 or 12 gigs"
_TWO_MEMORIES = re.compile(
    r"\b(\d{1,3})\s*(?:gb|gigs?|g)?\s*(?:or|vs\.?|versus|against)\s*(\d{1,3})\s*(?:gb|gigs?)\b"
    r"(?!\s*(?:of\s+)?(?:system\s+)?ram\b)"
)
_FOR_MODELS = re.compile(
    r"\bllms?\b|\bmodels?\b|\blocal\b|\bai\b|\bollama\b|\bllama\b|\bgguf\b|\binference\b"
)


def memories_weighed(text: str) -> tuple[float, ...]:
    """The two memory sizes a question weighs for a card or Mac to run models on ("16gb or 24gb gpu for local
    llms?"), smaller first; () when it weighs none."""
    m = _TWO_MEMORIES.search(text)
    if m is None or not (re.search(_CARD_WORD, text) or _FOR_MODELS.search(text)):
        return ()
    sizes = sorted({float(m.group(1)), float(m.group(2))})
    return tuple(sizes) if len(sizes) == 2 and sizes[0] >= 4 else ()


def _asks_card_to_buy(text: str) -> bool:
    """Whether ``text`` asks which card to get for running language models, or for machine learning in general, on
    one's own machine."""
    home = _FOR_LOCAL_MODELS.search(text) or asks_ml_in_general(text)
    return bool(_WHICH_CARD.search(text) and home) and not _NOT_TO_BUY.search(text)


def asks_ml_in_general(text: str) -> bool:
    """Whether ``text`` speaks of machine learning in general (deep learning, ML, learning it), not of LLMs."""
    return bool(_FOR_ML_IN_GENERAL.search(text.lower())) and not re.search(
        r"\bllms?\b|language models?", text.lower()
    )


def _buys_a_card(text: str) -> bool:
    """Whether the question is about a card to buy and own (its purchase price), not a rental."""
    return bool(_BUY_CARD.search(text)) and not _RENT_CUES.search(text)


# the runtimes people use on their own machine: a card named beside one is the card they run it on
_HOME_RUNTIME = re.compile(
    r"\b(?:ollama|llama[.\s-]?cpp|lm[\s-]?studio|gguf|koboldcpp|text[\s-]generation[\s-]webui|oobabooga|exllama\w*|"
    r"gpt4all|jan\.ai|llamafile)\b"
)
# the class of card the user limits themselves to: "on consumer GPUs", "consumer-grade cards", "2 gaming GPUs",
# "geforce cards only" (not "instead of consumer cards", "no consumer GPU")
_CONSUMER_ONLY = re.compile(
    r"(?<!instead of )(?<!not )(?<!no )(?<!than )\b(?:consumer|gaming|geforce)(?:[- ](?:grade|level|class))?\s+"
    r"(?:(?:nvidia|amd|rtx|radeon|graphics)\s+)?(?:gpus?|cards?|hardware)\b"
)
_LOCAL = re.compile(
    r"\b(?:local(?:ly)?|home|desktop|workstation|consumer|gaming card|my pc|laptop|hobby)\b"
    r"|\bon my (?:own )?(?:machine|computer)\b"
)
_COUNT_WORD = r"(?<![/\d])\b(\d+|one|a single|single|an?|the|two|three|four|eight|sixteen|dual|twin|quad)"
# what people say of the cards between the count and the name: "two used 3090s", "a brand new 4090", "a lone 4090"
_CONDITION = (
    r"(?:(?:used|second[- ]?hand|refurb(?:ished)?|(?:brand )?new|old(?:er)?|cheap(?:er)?|lone|sole)\s+)?"
)


def _label_part(part: str) -> str:
    """One word of a GPU label as a pattern; a memory size is also written without the B ("A100 40G")."""
    size = re.fullmatch(r"(\d+)gb", part)
    return rf"{size.group(1)}\s*g(?:i?b)?\b" if size else re.escape(part)


@lru_cache(maxsize=2048)
def _count_patterns(label: str) -> tuple[re.Pattern, re.Pattern]:
    """Compiled once per catalog label (there are more labels than ``re``'s own cache holds, so building the
    patterns per question recompiled them): '<count> <label>' and '<label> x <count>'."""
    pattern = r"[\s-]*".join(_label_part(part) for part in re.split(r"[\s-]+", label.lower()))
    counted = re.compile(
        _COUNT_WORD
        + r"(?![\d.])\s*(?:[x×*]\s*)?"
        + _CONDITION
        + r"(?:\d+\s*g(?:b|ib)?\s+)?(?:nvidia\s+|amd\s+)?"
        + pattern
        + r"(s?)\b"
    )
    return counted, re.compile(pattern + r"s?\s*[x×*]\s*(\d+)\b(?!\s*g)")


_COUNT_OF_GPUS = re.compile(
    _COUNT_WORD + r"\s+(?:[a-z0-9-]+\s+)?(?:\(?\d+\s*gb\)?\s+)?(?:gpus|cards|accelerators|chips|nodes? of)\b"
)


# a serving engine's split said as a setting: vLLM / SGLang `--tensor-parallel-size 2` (`-tp 2`, `--tp 2`), "a tensor
# parallel size of 4", TGI `--num-shard 2`; times `--pipeline-parallel-size` (`-pp`) when said: the GPUs one copy of the
# model runs on (vLLM docs, "Distributed inference and serving": tensor x pipeline parallel size = GPUs used)
_TP_SIZE = re.compile(
    r"(?:--|\b)(?:tensor[-_ ]parallel[-_ ]size|tp[-_ ]size|tp|num[-_ ]shard)\b\s*(?:of\s+|=\s*|:\s*)?(\d{1,2})\b"
    r"|(?<![\w-])-tp\s*=?\s*(\d{1,2})\b"
)
_PP_SIZE = re.compile(
    r"(?:--|\b)(?:pipeline[-_ ]parallel[-_ ]size|pp[-_ ]size)\b\s*(?:of\s+|=\s*|:\s*)?(\d{1,2})\b"
    r"|(?<![\w-])-pp\s*=?\s*(\d{1,2})\b"
)


def _parallel_size(text: str) -> int | None:
    """The GPUs a served model is split over when the question gives its tensor- (and pipeline-) parallel size."""
    tp = _TP_SIZE.search(text)
    if not tp:
        return None
    size = int(tp.group(1) or tp.group(2))
    pp = _PP_SIZE.search(text)
    size *= int(pp.group(1) or pp.group(2)) if pp else 1
    return size if 1 < size <= 64 else None


def _gpu_count(text: str, gpus) -> int | None:
    """How many GPUs the question puts the workload on: '8x H100', 'two A100s', 'one L40S', '4 GPUs'."""
    text = _NEEDED_INSTEAD.sub(" ", text)  # "is 80GB enough, or do I need 2 GPUs?": the count is the question
    if split := _parallel_size(
        text
    ):  # "4 GPUs ... --tensor-parallel-size 2": the model is split over 2 of them
        return split
    total = _TOTAL_COUNT.search(text)
    if total:  # "1 node with 8 gpus ... 4 nodes with totally 32 gpus": the whole setup asked about
        return _number(total.group(1) or total.group(2))
    supposed = _SUPPOSED_COUNT.search(text) or _ENOUGH_COUNT.search(text)
    if (
        supposed
    ):  # "my single 4090 ... even with two cards?", "I have 2x 3090, is one enough": the setup asked about
        return _number(supposed.group(1))
    if fewer := _FEWER_COUNT.search(text):  # "8x A100 by default ... on fewer, say 2?": the count asked about
        return 1 if fewer.group(3) else _number(fewer.group(1) or fewer.group(2) or fewer.group(4))
    added = next(
        (
            m
            for m in _ADDED.finditer(text)
            if not _PER_TIME_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
        ),
        None,
    )  # "2 tokens a second" is a rate, not a second card
    if added and (gpus or re.search(r"\b(?:gpu|card|one)\b", text[added.end() : added.end() + 30])):
        return _ORDINALS.get(
            added.group(1) or "", 2
        )  # "add a second 3090", "another one": the one they have, plus one
    for gpu in gpus:
        article = None  # "the RTX 4090" counts one only if no number is said for it ("dual RTX 4090" later)
        for label in sorted(_count_labels(gpu), key=len, reverse=True):
            counted, times = _count_patterns(label)
            for m in counted.finditer(text):
                if m.group(1) in ("a", "an", "the"):
                    if m.group(1) == "the" and gpu.gpu_class == "training" and _SUITABILITY.search(text):
                        continue  # "is the MI300X a good choice for DeepSeek V3?": a chip bought by the node, as many as it takes
                    if not m.group(2) and article is None:
                        article = 1  # "the H100s" names the kind of GPU, not one of them
                    continue
                return _number(m.group(1))
            for m in times.finditer(text):  # "A100 x 8", "H100*4"
                return int(m.group(1))
        if article is not None:
            # "the H100 has 80GB, so it fits on 4 of them?", "can the H100 PCIe run it on 8 GPUs?": the number wins
            of_them = _OF_THEM.search(text) or _COUNT_OF_GPUS.search(text)
            return _number(of_them.group(1)) if of_them and _number(of_them.group(1)) else article
    m = _COUNT_OF_GPUS.search(text)  # "4 H20 (96GB) GPUs": a card the catalog lacks, its memory in brackets
    if m:
        inner = re.match(r"\s*(\d+)\b(?!\s*gb)", m.group(0)[len(m.group(1)) :])
        if (
            m.group(1) in ("the", "a", "an") and inner
        ):  # "each of the 8 GPUs uses 70GB": the number, not "the"
            return int(inner.group(1))
        if m.group(1) != "the":  # "on the same GPUs", "the GPUs": cards spoken of, not one of them
            return _number(m.group(1))
    # "8x A800 80GB", "4 x H20 (96gb)": a count of a card the catalog lacks, told with its memory
    m = re.search(r"\b(\d{1,4})\s*[x×*]\s*[a-z]{1,4}\d{2,4}[a-z]*\s*\(?\d+\s*gb\b", text)
    if m:
        return _number(m.group(1))
    # "2x 24GB GPU", "4 x 16gb cards": cards known by their memory, counted with an x
    m = re.search(r"(?<![/\d.])\b(\d{1,3})\s*[x×*]\s*\(?\d+\s*gb\)?\s+(?:vram\s+)?(?:gpus?|cards?)\b", text)
    if m:
        return _number(m.group(1))
    m = _OF_THEM.search(text)  # a follow-up's "two of them"
    if m:
        return _number(m.group(1))
    if not gpus and (
        m := _COUNT_TIMES_MEMORY.search(text)
    ):  # "dual 2x24GB", "4 x 80GB": cards by their memory
        return _number(m.group(1))
    # "I have 2 GPU of 24 GB RTX 4090", "3 card with 16gb": a count said with the singular noun
    m = re.search(r"\b(\d{1,2}|two|three|four|eight)\s+(?:gpu|card)\s+(?:of|with)\b", text)
    if m and _number(m.group(1)):
        return _number(m.group(1))
    return 1 if _ONE_GPU.search(text) else None


# GPUs said by count and memory alone: "2x24GB", "4 x 80 GB", "8*40G" (never "2x 24GB of RAM")
_COUNT_TIMES_MEMORY = re.compile(
    r"(?<![\w.])(\d{1,3})\s*[x×*]\s*(\d{1,3}(?:\.\d+)?)\s*(?:gb|gib|g)\b(?!\s*(?:of\s+)?(?:system\s+|cpu\s+|ddr\d?\s+)?ram\b)"
)


# "RTX 6000" alone names four cards of three generations: the Quadro RTX 6000 (Turing, 24 GB), the RTX A6000
# (Ampere, 48 GB), the RTX 6000 Ada (48 GB) and the RTX PRO 6000 Blackwell (96 GB); the memory said beside the name
# ("RTX 6000 24GB") picks among them, else the three current ones are checked
_BARE_RTX_6000 = re.compile(
    r"(?<!quadro )(?<!pro )(?<!\ba)\brtx[\s-]?6000\b(?![\s-]*(?:ada|pro\b|blackwell|generation|turing))"
    r"(?:\s*(?:with\s+|\(\s*)?(\d{2})\s*(?:gb|gib|g)\b)?"
)
_RTX_6000_CARDS = ("RTX 6000 Ada", "RTX A6000", "RTX PRO 6000 Blackwell")
_RTX_6000_ALL = ("Quadro RTX 6000", *_RTX_6000_CARDS)


def _ambiguous_cards(text: str, gpus: list, catalog: Catalog) -> tuple[list, str]:
    """The GPUs read, with a name that several cards share ("RTX 6000") replaced by the ones of the memory said beside
    it, else by all the current ones with the note that says so (the name was matched to one of them by spelling
    alone)."""
    bare = _BARE_RTX_6000.search(text)
    if not bare or re.search(r"\ba6000\b|\bquadro\b", text):
        return gpus, ""
    kept = [g for g in gpus if g.name not in _RTX_6000_ALL]
    if bare.group(1):
        sized = [
            catalog.by_name(n) for n in _RTX_6000_ALL if catalog.by_name(n).memory_gb == float(bare.group(1))
        ]
        if sized:
            return [*kept, *sized], ""
    cards = [catalog.by_name(n) for n in _RTX_6000_CARDS]
    note = (
        '"RTX 6000" names several cards, so each is checked: the RTX 6000 Ada (48 GB), the RTX A6000 (48 GB) '
        "and the RTX PRO 6000 Blackwell (96 GB); the older Quadro RTX 6000 (24 GB) only when "
        "its memory is said. Say which one you have (or its memory) for a single verdict"
    )
    return [*kept, *cards], note


# one card of no named kind: "on a single GPU", "with one card", "1 gpu", "rent a GPU to run it" (not "a GPU
# or the CPU", "do I need a GPU", "multi-GPU" or "per GPU")
_ONE_GPU = re.compile(
    r"(?<![-/])\b(?:a single|single|one|1|just one|only one)\s+(?:(?:consumer|gaming|datacenter|data[- ]center|cloud|"
    r"rented|big|large)\s+)?(?:gpus?|cards?|accelerators?|graphics cards?)\b(?!\s*(?:or|vs)\b)"
    r"(?![^.?!,;]{0,40}\b(?:was|were|worked|ran|went)\b)"  # "on one card 8b and 34b were fine": what they tried
    r"|\b(?:rent|renting|rented|buy|buying|get|getting)\s+(?:a|one)\s+(?:cloud\s+)?(?:gpu|graphics card)\b(?!s)"
)


# a total told in GB over cards of one kind: "256 GB of VRAM across V100 32GB cards", "320GB total of A100 40GB"
_TOTAL_MEMORY = re.compile(
    r"(\d+(?:\.\d+)?)\s*gb\s+(?:of\s+)?(?:vram|gpu memory|gpu ram|video memory|memory)?\s*"
    r"(?:in total|total|combined|altogether|across|spread (?:over|across)|split (?:over|across)|of)\b"
    r"(?!\s+(?:system\s+|cpu\s+|host\s+|ddr\d?\s+)?(?:ram|ddr|system|storage|disk|ssd|swap|unified))"
    r"|\b(?:total|combined)\s+(?:of\s+)?(?:vram|gpu memory|memory)?\s*(?:of\s+|is\s+)?(\d+(?:\.\d+)?)\s*gb\b"
)


def _count_from_total(text: str, card_gb: float) -> int | None:
    """How many cards of ``card_gb`` a stated total makes, when it is a whole multiple (2 to 64) of one card."""
    for m in _TOTAL_MEMORY.finditer(text):
        cards = float(m.group(1) or m.group(2)) / card_gb
        if 2 <= round(cards) <= 64 and abs(cards - round(cards)) <= 0.03 * cards:
            return round(cards)
    return None


def _count_labels(gpu) -> set[str]:
    """The GPU's names, plus each without its memory size: '4 x 40GB A100' and '4*A100 40G' count the
    A100 40GB, whose catalog names put the size after the product ('A100 40GB')."""
    labels = {gpu.name, *gpu.aliases}
    bare = {_MEMORY_IN_NAME.sub("", label).strip() for label in labels}
    # "on one 3070", "a 4060 ti": a GeForce card is said by its number alone
    bare |= {_GEFORCE_PREFIX.sub("", label) for label in bare}
    return labels | {b for b in bare if re.search(r"\d", b)}


_GEFORCE_PREFIX = re.compile(r"^(?:nvidia\s+)?(?:geforce\s+)?(?:rtx|gtx)\s+", re.IGNORECASE)


_MEMORY_IN_NAME = re.compile(r"[\s-]*\b\d+\s*g(?:b|ib)?\b", re.IGNORECASE)


_SUPPOSED_COUNT = re.compile(
    r"\b(?:even|still|if (?:i|we) (?:had|got|used|bought))\s+(?:with\s+|on\s+|using\s+)?"
    r"(\d+|two|three|four|eight|sixteen|dual)\s+(?:[a-z0-9-]+\s+)?(?:gpus|cards|of them)\b"
)
# "I have 2x 3090 but want to know if one is enough", "would two of them be enough": the count asked about
_ENOUGH_COUNT = re.compile(
    r"\b(?:if|whether|is|would|will|could|can)\s+(one|two|three|four|eight|\d+|a single)"
    # "is one A100 40GB enough": the card named between the count and the word
    r"(?:\s+(?:of them|cards?|gpus?|(?:rtx\s*)?(?:[a-z]{1,4}\d{1,4}|\d{2,4})[a-z]*(?:\s+\d+\s*gb)?(?:\s+(?:gpu|card))?))?"
    r"\s+(?:is |be |are |would be |will be )?(?:enough|sufficient|do|suffice)\b"
)
# "... or do I need 2 GPUs?", "or would we need four cards": a count asked about as the alternative, not the setup
_NEEDED_INSTEAD = re.compile(
    r"\bor (?:do|would|will|should|must) (?:i|we|you) (?:need|have to (?:use|get)) (?:\d+|two|three|four|eight|more)"
    r"(?:\s+[a-z0-9-]+)?\s+(?:gpus|cards|of them)\b"
)
_OF_THEM = re.compile(r"\b(\d+|two|three|four|eight|sixteen)\s+of\s+(?:them|those|these|it|the)\b")
# "could I do it on fewer, say 2 A100s?", "on less A100 (80GB) - perhaps 1 or 2", "on just 2 H100s" beside the 8 the
# README used: the smaller count is the setup asked about, the other one the reference run it is measured against
_FEWER_COUNT = re.compile(
    r"\b(?:fewer|less)\b[^.?!]{0,40}?\b(?:say|e\.g\.|perhaps|maybe|like|such as|for example|only|just)\s*[:,]?\s*"
    r"(\d{1,2}|one|two|three|four|six)\b(?!\s*(?:gb|gib|g\b|b\b|bn\b|billion|k\b|%|x\s*\d))"
    r"|\b(?:on|with|using|to)\s+(?:just|only)\s+(\d{1,2}|one|two|three|four|six)\s+"
    r"(?=[^.?!]{0,30}?(?:\bgpus?\b|\bcards?\b|\bof them\b|\b[a-z]{0,4}\d{2,4}[a-z]{0,4}s?\b))"
    # "trained on 8 A100s ... will a single GPU training work?": one card, asked in the question itself
    r"|\b(?:will|would|can|could|does|is it possible (?:to|with))\s+(?:a\s+|on\s+a\s+)?(single)[- ]?(?:gpu|card)\b"
    r"(?=[^.?!]*\?)"
    # "trained on 8x A100 80GB ... will 2 of them work?": a count of the same cards, asked in the question itself
    r"|\b(?:will|would|can|could|do|does|is|are)\s+(?:just\s+|only\s+)?(\d{1,2}|one|two|three|four|six)\s+of\s+them\b"
    r"(?=[^.?!]*\?)"
)
# "totally 32 gpus", "32 GPUs in total", "a total of 16 cards": the whole cluster, over any per-node count
_TOTAL_COUNT = re.compile(
    r"\b(?:total(?:ly)?|a total of|in all|altogether|overall)\s+(\d+)\s+(?:[a-z0-9-]+\s+)?(?:gpus|cards|accelerators)\b"
    r"|\b(\d+)\s+(?:[a-z0-9-]+\s+)?(?:gpus|cards|accelerators)\s+(?:in total|in all|altogether|total)\b"
)


# a question that only names a workload and hardware ("yi-34b at Q4 on a 3090?"): does it fit / run there?
_BARE_FIT_QUESTION = re.compile(
    # not when a figure is what it asks for: "expected tokens/sec for mistral 7b on an A10G, single user?"
    r"^(?![^?]*\b(?:how|what|which|why|when|where|who|whats|compare|vs|versus|or|speed|throughput|latency|cost|"
    r"price|tokens?\s*(?:/|per)\s*s(?:ec(?:ond)?)?|t/s|tok/s|it/s)(?![\w/]))"
    r"[^?]*\b(?:on|in|with|into)\b[^?]*\?\s*$"
)


# a card of a memory size, to be picked: "a 48gb gpu", "cards with 24 GB", "an accelerator having 80gb"
_SIZED_CARD = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*gb\s+(?:(?:nvidia|amd|cloud|data ?center|consumer)\s+)?(?:gpus?|cards?|graphics cards?|accelerators?)\b"
    r"|\b(?:gpus?|cards?|accelerators?)\s+(?:with|of|having|that has|that have)\s+(?:\w+\s+)?(\d+(?:\.\d+)?)\s*gb\b"
)
# a card to be picked or rented, none owned: "cheapest", "which", "best", "recommend", "rent", "suggest"
_PICKS_A_CARD = re.compile(
    r"\b(?:cheap\w*|which|best|recommend\w*|suggest\w*|rent\w*|lease|find|list|options?)\b"
    # "what" asks a card unless a setting follows it ("what seq len fits on a 24gb card?" is about that card)
    r"|\bwhat\b(?!\s+(?:(?:max(?:imum)?|longest|largest|biggest)\s+)?(?:seq\w*|sequence|context|ctx|batch|rank|"
    r"length|lr|learning rate|speed|settings?|quant\w*|precision)\b)"
)


# a card, then "for" and the job, and nothing else asked: "rtx 3060 for llama 13b?", "a t4 for mistral 7b",
# "my 4060 8gb ok for qwen 7b?" — whether that card does it (what to pick or how much is asked with its own words)
_CARD_FOR_JOB = re.compile(
    r"^(?![^?]*\b(?:how|what|which|why|when|where|who|whats|compare|vs|versus|or|best|cheap\w*|recommend\w*|"
    r"suggest\w*|speed|fast\w*|throughput|latency|cost|price|rent\w*|buy\w*|hours?|month\w*)\b)"
    r"(?:(?:is|are|would|will)\s+)?(?:(?:an?|my|the|one|single|1x?)\s+)?"
    r"(?:[a-z]+\s+){0,2}[\w.-]*\d[\w.-]*(?:\s+[\w.-]+){0,3}?\s+(?:(?:ok|okay|enough|good|fine)\s+)?for\s+[^?]{2,60}\??$"
)


def _plural(text: str, gpu) -> bool:
    """Whether ``text`` speaks of several of ``gpu`` ("4090s", "some A6000 cards", "multiple GPUs")."""
    if re.search(r"\b(?:gpus|cards|multiple|several|some|many|cluster|rig)\b", text):
        return True
    names = sorted((gpu.name, *gpu.aliases), key=len, reverse=True)
    return any(re.search(re.escape(n.lower()) + r"s\b", text) for n in names)


_ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_PER_TIME_BEFORE = re.compile(
    r"\b(?:tokens?|toks?|t|its?|words|times|frames|images|steps|requests|once|twice)\s*$"
)
_ADDED = re.compile(r"\b(?:a|one)\s+(second|2nd|third|3rd|fourth|4th)\b|\b(?:another|one more)\b")


# one setup weighed against another for the work: "is an RTX PRO 6000 worth it over two 5090s for 70B?", "one A6000
# instead of two 3090s?"
# setups set against each other with a count beside the "vs" ("an A6000 vs 3x 3090", "2x 4090 vs one A100"); a count
# said elsewhere ("V100 vs A100? I serve it on 2 V100s") is the user's machine, not a setup weighed
_VERSUS = re.compile(
    r"\b(?:vs\.?|versus)\s+(?:\d{1,2}|one|two|three|four|eight|a pair of)\s*(?:x\s*)?[a-z]"
    r"|\b(?:\d{1,2}|two|three|four|eight)\s*x\s*[\w -]{1,20}?\s+(?:vs\.?|versus)\b"
)
_WEIGHED_OVER = re.compile(
    r"\bworth\b[^?.!]{0,40}?\b(?:over|instead of|rather than|compared (?:to|with)|vs\.?|versus)\s"
    r"|\b(?:instead of|rather than)\s+(?:an?\s+|one\s+|two\s+|\d\s*x?\s*)"
)


def _setups(text: str, gpus, alternatives: bool = False) -> tuple[tuple[str, int], ...]:
    """'one A6000 or two 3090s', '2x 4090 vs 1x A100': each named GPU with the count said before it, when every
    one has a count and they differ (one count for all is ``gpu_count``); set against each other
    (``alternatives``: 'a Mac Studio or 2x 4090'), a GPU named with no count is one of it."""
    if len(gpus) < 2:
        return ()
    counts: list[tuple[str, int]] = []
    for gpu in gpus:
        found = None
        for label in sorted((gpu.name, *gpu.aliases), key=len, reverse=True):
            pattern = r"[\s-]*".join(re.escape(part) for part in re.split(r"[\s-]+", label.lower()))
            # "a second 3090", "another 3090": the one they have plus the one added
            added = re.search(
                r"\b(second|2nd|third|3rd|fourth|4th|another|one more)\s+"
                + _CONDITION
                + r"(?:nvidia\s+|amd\s+|rtx\s+)?"
                + pattern
                + r"\b",
                text,
            )
            if added:
                found = _ORDINALS.get(added.group(1), 2)
                break
            m = re.search(
                _COUNT_WORD
                + r"\s*(?:[x×*]\s*)?"
                + _CONDITION
                + r"(?:nvidia\s+|amd\s+|rtx\s+)?"
                + pattern
                + r"(?:s|'s)?\b",
                text,
            )
            if m and m.group(1) != "the":
                found = _number(m.group(1))
                break
        if found is None and _plural_of(gpu, text) and re.search(r"\bor\b|\bvs\.?(?!\w)|\bversus\b", text):
            found = 0  # "2 L40S or rent H100s": as many as the work needs, sized by the handler
        if found is None and not alternatives:
            return ()
        counts.append((gpu.name, 1 if found is None else found))
    return tuple(counts) if len({n for _, n in counts}) > 1 else ()


def _plural_of(gpu, text: str) -> bool:
    """Whether ``text`` names ``gpu`` in the plural with no count ('rent H100s', 'a few A100s')."""
    for label in (gpu.name, *gpu.aliases):
        pattern = r"[\s-]*".join(re.escape(part) for part in re.split(r"[\s-]+", label.lower()))
        if re.search(r"(?<![\w-])" + pattern + r"s\b", text):
            return True
    return False


# two GPU counts set against each other: "8 GPUs ... than 2", "from 2 to 4 L40S", "4 vs 8 H100s", "2 or 4 cards"
_COUNT_PAIR = re.compile(
    r"\bfrom\s+(\d{1,2})\s*(?:x\s*)?(?:gpus?|cards?)?\s+(?:up |down )?to\s+(\d{1,2})(?![\d.])(?!\s*(?:b|k|gb|bit|users?|people|requests?)\b)"
    r"|\b(\d{1,2})\s*(?:x\s*)?(?:gpus?|cards?|[a-z]\w*\d\w*s?|of (?:them|those|these)|total|in total)\b.{0,80}?\b(?:than|vs\.?|versus|instead of|rather than|"
    r"compared (?:to|with)|or)\s+(?:with |on |using |use |have |had |if |when |i'?a?m |i |we'?re |we |just |only |a |an )*"
    r"(\d{1,2})(?![\d.])(?!\s*(?:b|k|gb|bit)\b)"
    r"|\b(\d{1,2})\s+(?:vs\.?|versus|or)\s+(\d{1,2})\s*(?:x\s*)?(?:gpus?|cards?|[a-z]\w*\d\w*s?)\b"
)


_KV_WORDS = re.compile(r"\b(?:kv|k/v|key[- ]value)[\s_-]*cache\b|\bkv per token\b")
# asking for the arithmetic: how it is calculated or sized, its formula, where a figure comes from
_EXPLAIN_MATH = re.compile(
    r"\b(?:calculat\w*|comput(?:e|ed|es|ing|ation)|formula|equation|derive[ds]?|math|arithmetic|work(?:ed)? out)\b"
    r"|\bhow (?:big|large|much (?:memory|vram|space|ram)|many (?:gb|bytes|mb|kb))\b.{0,40}\b(?:kv|k/v|key[- ]value)"
    r"|\b(?:kv|k/v|key[- ]value)[\s_-]*cache\b.{0,30}\bper (?:token|sequence|request|user)\b"
    r"|\bwhere does\b.{0,40}\bcome from\b|\bsize of (?:the |a )?(?:kv|k/v|key[- ]value)"
    # "the memory needed for the KV cache of X", "KV cache size / footprint at 32k": the cache's own size
    r"|\b(?:memory|vram|space|gb|gib)\b(?: (?:needed|required|used|taken|consumed))? (?:for|by|of) (?:the |a )?"
    r"(?:kv|k/v|key[- ]value)\b"
    r"|\b(?:kv|k/v|key[- ]value)[\s_-]*cache(?:'s)? (?:size|memory|footprint|usage|requirements?)\b"
    # "the vram difference between an fp16 and an fp8 kv cache", "how much does an fp8 kv cache save?"
    r"|\b(?:difference|sav(?:e[sd]?|ings?)|halve[sd]?)\b.{0,60}\b(?:kv|k/v|key[- ]value)[\s_-]*cache\b"
    r"|\b(?:kv|k/v|key[- ]value)[\s_-]*cache\b.{0,60}\b(?:difference|sav(?:e[sd]?|ings?)|halve[sd]?)\b"
)
# "1MB GPU ram usage per token", "memory per token": the per-token cost, which is the KV cache's
_PER_TOKEN_MEMORY = re.compile(
    r"\b(?:gpu )?(?:memory|vram|ram)(?: usage| use| cost| footprint)? per (?:token|generated token)\b"
    r"|\b(?:mb|kb|mib|kib|bytes?) per token\b"
    # "how much vram does a 7b use per 1k tokens of context?": the KV cache's growth with the context
    r"|\b(?:memory|vram|ram)\b[^.?!]{0,40}\bper (?:1k|1,?000|one thousand|a thousand|thousand|\d+k) tokens?\b"
)


_PREFIX_CACHING = re.compile(
    r"\bprefix[-_ ]cach\w*|\bprompt[-_ ]cach\w*|\bradix[-_ ]?(?:attention|cache|tree)\b|\bshared prefix"
)
# "a 2000-token system prompt", "the same 3k token prefix", "system prompt of 1500 tokens"
_PREFIX_LENGTH = re.compile(
    r"(\d+(?:\.\d+)?)\s*(k)?[- ]?tokens?[- ](?:long )?(?:shared |common |same )?(?:system[- ]prompt|prefix|preamble|instructions?)"
    r"|(?:system[- ]prompt|prefix|preamble)\s*(?:is|of|with|at|around|about|~)?\s*(?:about |around |~)?(\d+(?:\.\d+)?)\s*(k)?\s*tokens?"
)


def _shared_prefix(text: str) -> int | None:
    """The length of a prompt prefix every request shares, when prefix caching or a shared prefix is asked about."""
    length = _PREFIX_LENGTH.search(text)
    if not _PREFIX_CACHING.search(text) and not (
        length and re.search(r"\b(?:same|shared?|every|all|common)\b", text)
    ):
        return None
    if length is None:
        return 0
    value, k = (length.group(1), length.group(2)) if length.group(1) else (length.group(3), length.group(4))
    return int(float(value) * (1024 if k else 1))


def _asks_kv_math(text: str) -> bool:
    """The question asks how the KV cache is sized (its per-token arithmetic), not which GPU to get."""
    return bool((_KV_WORDS.search(text) and _EXPLAIN_MATH.search(text)) or _PER_TOKEN_MEMORY.search(text))


def _counts_weighed(text: str, count: int | None) -> tuple[int, ...]:
    """(the count asked about, the count it is set against) for one GPU ("will 8 GPUs serve more than 2?": 8, 2;
    "from 2 to 4 L40S": 4, 2; "we have two; with 4 total, more than with 2?": 4, 2), or () — read only when one of
    the pair is the count read for the GPUs, so '7B to 13B' or '2 to 4 users' never count."""
    if not count:
        return ()
    at = 0
    while (m := _COUNT_PAIR.search(text, at)) is not None:
        at = m.start() + 1  # overlapping: "2 H100s ... add 2 more (4 total) ... than with 2" pairs 4 with 2
        a, b = (int(g) for g in m.groups() if g is not None)
        if a != b and count in (a, b) and min(a, b) >= 1 and max(a, b) <= 64:
            if m.group(1) is not None:  # "from A to B": B is the setup asked about
                return (b, a)
            if m.group(3) is not None:  # "A ... than B": A is
                return (a, b)
            return (count, b if a == count else a)  # "A vs B": the count read for the GPUs
    return ()


# a count of cards said anywhere: "8 A100s", "8x A100 80GB", "4 H100s", "eight GPUs", "8 L20 80 GiB GPUs"
_CARDS_COUNTED = re.compile(
    r"\b(\d{1,2}(?![\d.])|two|four|eight|sixteen)\s*[x×*]?\s*(?:nvidia\s+|tesla\s+)?(?:rtx\s*|gtx\s*)?"
    # a model's size after a version number ("llama 3 70b", "llama 2 13b") is no card
    r"(?:[a-z]{0,4}\d{2,4}(?![bm]\b)[a-z]*|gpus?|cards?)\b(?!\s*(?:gb|gib|tokens?|samples|steps)\b)"
)


def _reference_count(text: str, count: int) -> int | None:
    """The larger count of cards a training question sets its own against ("the authors used 8 A100s ... on one?"),
    or None when no larger count is said."""
    said = [n for m in _CARDS_COUNTED.finditer(text) if (n := _number(m.group(1))) and 1 < n <= 64]
    larger = [n for n in said if n > count]
    return max(larger) if larger else None


def _number(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else _WORD_NUMBERS.get(raw)


def _unknown_model(text: str, models: ModelSpecs) -> str | None:
    """A model name of a known family that the specs do not have ('Llama 4', 'Gemma 3'), if any."""
    # a family's leading word, spaces dropped: "Code Llama" is "codellama", never the word "code" ("exit code 137")
    families = {
        m.group()
        for spec in models
        for m in [re.match(r"[a-z]+", spec.family.lower().replace(" ", ""))]
        if m
        and len(m.group()) > 1  # one letter names no family: T5's "t" would make "isn't 48" a model "T 48"
    }
    pattern = (
        r"\b("
        + "|".join(sorted(families))
        + r")[\s-]?(\d+(?:\.\d+)?)\b(?:\s*(?:mini|medium|small|large|scout|maverick|instruct))?"
    )
    match = re.search(pattern, text)
    if match:
        return match.group(0).strip()
    # a name of no known family, hyphenated with its version, as the thing run or trained: "run grok-1",
    # "serve dbrx-2", "fine-tune falconx-3": a model to ask the size of, not an off-topic question
    for named in _WORKLOAD_NAME.finditer(text):
        name = named.group(1)
        if not _NOT_A_MODEL.match(name):
            return name
    # a multi-part hyphenated name with its version beside "for" / "with" or before what it does: "is 8x A100 ok for
    # MiniMax-VL-01?", "can DeepThink-R-2 run on two 3090s?" — a model's name, never a setting
    for named in _MODEL_LIKE_NAME.finditer(text):
        name = named.group(1) or named.group(2)
        if not _NOT_A_MODEL.match(name):
            return name
    return None


_MODEL_LIKE_NAME = re.compile(
    r"\b(?:for|with)\s+(?:the\s+)?([a-z][a-z]{2,}(?:-[a-z]+)+-\d+(?:\.\d+)?)(?![\w.-])"
    r"|\b([a-z][a-z]{2,}(?:-[a-z]+)+-\d+(?:\.\d+)?)\s+(?:can\s+|could\s+|will\s+)?(?:run|runs|fit|fits|need|needs)\b",
    re.IGNORECASE,
)


_WORKLOAD_NAME = re.compile(
    r"\b(?:run|running|runs|serve|serving|host|hosting|deploy|deploying|load|loading|fine-?tune|fine-?tuning|"
    r"finetune|finetuning|train|training|self-host|inference (?:of|on|for|with))\s+(?:the\s+|a\s+|an\s+|my\s+)?"
    r"([a-z][a-z]{2,}(?:-[a-z]+)*-\d+(?:\.\d+)?)(?![\w.-])",
    re.IGNORECASE,
)
# hyphenated words with a number that are settings, tools or hardware, never a model
_NOT_A_MODEL = re.compile(
    r"(?:zero|stage|fsdp|deepspeed|cuda|pcie|gen|ddr|gddr|hbm|nvlink|sm|fp|bf|int|top|python|version|torch|ubuntu|"
    r"windows|step|epoch|batch|rank|lora|qlora|bit|node|gpu|card|rtx|gtx|tesla|quadro|radeon|instinct|rx|arc|mi|"
    r"tpu|trn|inf|ollama|vllm|tgi|sglang|flash|attention|llamacpp|exllama|exllamav|awq|gptq|gguf|q)-",
    re.IGNORECASE,
)


# "what the VRAM cost is", "memory cost of training", "it costs 46 GB", "cost in VRAM": the memory it takes,
# not money. Said as use, so no reading takes a price question from it.
_MEMORY_COST = re.compile(
    r"\b((?:v?ram|memory|gpu memory|hbm)[ -])costs?\b"
    r"|\b(?P<amount>cost(?:s|ing)?)(?=\s+(?:(?:about|around|roughly|approximately|almost|nearly|over|more than|up to|~|>=?)\s*)?\d+(?:\.\d+)?\s*(?:gb|gib|g)\b)"
    r"|\bcosts?(?=\s+(?:in|of)\s+(?:terms of\s+)?(?:v?ram|(?:gpu )?memory)\b)"
    # "how much GPU memory does it cost to run?": the memory is what it costs
    r"|\b(?P<asked>(?:v?ram|memory)\s+(?:does|do|will|would|did)\s+(?:it|this|that|they|these)\s+)cost\b"
    # "what seq len can I afford?", "how big a batch could we afford on 24GB": a setting the memory allows
    r"|\b(?P<setting>(?:seq(?:uence)?(?:[ _-]?len(?:gth)?)?|context(?:[ _-]?(?:length|window|size))?|ctx|"
    r"batch(?:[ _-]?size)?|rank|max[ _-]?len(?:gth)?)\s+(?:can|could|would|will|do|should)\s+(?:i|we|you)\s+)"
    r"afford\b",
    re.I,
)


def _memory_not_money(question: str) -> str:
    """``question`` with a memory 'cost' said as memory use (see _MEMORY_COST)."""
    return _MEMORY_COST.sub(
        lambda m: (
            f"{m.group(1)}use"
            if m.group(1)
            else f"{m.group('setting')}fit"
            if m.group("setting")
            else f"{m.group('asked')}use"
            if m.group("asked")
            else ("takes" if m.group("amount") else "use")
        ),
        question,
    )


def _tools_floor(details: Details, tools, intent: Intent) -> Details:
    """The tools named (kept for follow-ups) and the oldest NVIDIA generation they run on: "serve a 13B AWQ with
    vLLM" weighs only cards of compute capability 7.5 or newer."""
    if not tools:
        return details
    keys = tuple(f"{tool.name}|{feature.name}" if feature else tool.name for tool, feature in tools)
    details = replace(details, tools_named=keys)
    floor = cuda_floor(tools)
    if floor is None or intent is Intent.SPEC:
        return details
    return replace(details, min_compute_capability=floor[0], compute_floor_by=floor[1])


# --- intent -----------------------------------------------------------------------------------


def _unsure(text: str, details: Details, intent: Intent | None) -> bool:
    """Whether the rules decided ``intent`` without a cue of their own: no cue at all, the fall-through
    explanation, or a greeting said in a long sentence."""
    t = text.lower()
    if intent is None:
        return True
    if intent is Intent.GREETING:
        return len(re.findall(r"\w+", t)) > 5
    if intent is Intent.OUT_OF_SCOPE:
        return False  # an off-topic word ('gaming', 'poem') is a cue of its own
    if intent is Intent.EXPLAIN:
        return not (_EXPLAIN.search(t) or _SETUP_QUESTION.search(t) or _gpu_trouble(t, details))
    return False


_NVLINK_NEED_WORDS = (
    r"\bnvlink\b[^?.!]{0,40}?\b(?:need\w*|necessary|required|requirement|essential|mandatory|must)\b"
    r"|\b(?:need|necessary|required|essential|mandatory)\b[^?.!]{0,30}?\bnvlink\b"
)
_NVLINK_NEED = re.compile(_NVLINK_NEED_WORDS)
# a yes/no about how GPUs or models share a machine — cards together, several models on one card, the link
# between them — which the guides answer and a spec sheet does not
_SETUP_QUESTION = re.compile(
    r"\btogether\b|\bat the same time\b|\bsimultaneous\w*|\bconcurren(?:t|tly)\b|\bin parallel\b|\bcombin\w+|\bmix(?:ing|ed)?\b"
    r"|\b(?:two|2|several|multiple|many|different) (?:different )?(?:llms|models)\b|\bmore than one model\b"
    # "do I need NVLink", "is nvlink necessary", "what is NVLink and do I need it": whether the link is needed
    r"|" + _NVLINK_NEED_WORDS + r"|\bsame (?:machine|pc|system|box|rig)\b"
    # "does ollama use both gpus?", "will it use all my cards?", "can llama.cpp split across two of them?"
    r"|\b(?:use|using|utili[sz]e|(?:split|spread|shard)\w*\b[^?.]{0,20}?\b(?:across|over|between|on))\s+(?:of )?(?:my |the )?"
    r"(?:both|all|multiple|two|2)\b"
    r"|\bboth (?:of (?:my|the) )?(?:gpus|cards)\b|\bmulti-?gpus?\b"
)

# an open question about one card's trouble or set-up, with no work named: why it is slow, how to set it up — and
# whether an older data-center card is still worth it. (What an OOM in training does was a guide section too: it
# displaced a fine-tuning FAQ's Yes/No from the passages of a held-out yes/no question, so it was left out.)
_GPU_TROUBLE = re.compile(
    r"\bwhy (?:is|does|do|are|would|'?s)\b[^?.!]{0,50}?\b(?:slow|sluggish|laggy|slower)\b"
    r"|\bstill (?:worth|good|viable|relevant|a good (?:buy|choice|pick|deal))\b"
)
# "what happens if my 3060 runs out of memory running a model?", "what happens when the model doesn't fit in VRAM?":
# what the software does then (an error, layers on the CPU, the driver's shared-memory fallback), whatever the job
_WHAT_HAPPENS_OOM = re.compile(
    r"\bwhat (?:happens|would happen|will happen|happened)\b[^?.!]{0,60}?"
    r"\b(?:runs? out of (?:memory|vram|gpu memory)|out of (?:memory|vram)|(?:vram|memory) (?:is |gets )?full"
    r"|(?:does ?n[o']?t|doesnt|won'?t|will not|can'?t|cannot) fit|(?:bigger|larger) than)"
)
# what the guide covers only with no job said: slow local generation, and an older card's worth in general ("is the
# 3090 still good for fine-tuning?" is weighed for that job instead)
_TROUBLE_ANY_JOB = re.compile(r"\bset ?up\b|\bsetting up\b")


def _gpu_trouble(text: str, details: Details) -> bool:
    """An open question about one card's trouble or set-up the troubleshooting guide answers."""
    if _WHAT_HAPPENS_OOM.search(text):
        # a run out of memory: the guide's section is about loading and running models, not a training job's levers
        return details.task is None or not details.task.is_training
    found = _card_trouble(text, details)
    if not found:
        return False
    return details.task is None or bool(_TROUBLE_ANY_JOB.search(found.group(0)))


def _card_trouble(text: str, details: Details) -> re.Match[str] | None:
    """The trouble or older-card worth said of a card, if any; an older card weighed for running models at home
    ("is the P40 still good for local LLMs?") is no trouble: what runs there answers it."""
    found = _GPU_TROUBLE.search(text)
    return None if found and found.group(0).startswith("still") and details.local else found


# "what happens if I put a 3090 and a 1080 Ti in one box?", "how do a 4090 and a 3060 work together?": how two cards
# behave as one setup, asked openly
_HOW_SETUP_WORKS = re.compile(
    r"\bwhat (?:happens|would happen|will happen)\b|\bwhat if\b|\bhow (?:do|does|would|will|well do|well does|would)\b"
)
_ONE_BOX = re.compile(r"\b(?:one|a single|the same) (?:machine|pc|system|box|rig|tower|computer|build)\b")


def _classify(text: str, details: Details) -> Intent | None:
    """The intent the words ask for, or None when the question has no cue of its own."""
    t = text.lower()
    related = (
        bool(_DOMAIN.search(t)) or details.has_workload or bool(details.gpus) or bool(details.unknown_model)
    )
    if _GREETING.search(t) and not details.has_workload and not details.gpus:
        return Intent.GREETING
    if _OFF_TOPIC.search(t) and not details.has_workload and details.task in (None, Task.INFERENCE):
        return Intent.OUT_OF_SCOPE
    if not related:
        return None
    workload = details.has_workload
    if workload and details.setups:
        return Intent.COMPARE  # "one A6000 or two 3090s for a 70B": the setups side by side for the work
    if (
        not workload
        and details.gpus
        and (details.yes_no or (len(details.gpus) >= 2 and _HOW_SETUP_WORKS.search(t)))
        and (_SETUP_QUESTION.search(t) or (len(details.gpus) >= 2 and _ONE_BOX.search(t)))
        and not details.counts_weighed  # "6 A10Gs rather than 3, more served concurrently?": both counts weighed
        and not (
            re.search(r"\bnvlink\b", t)
            and not re.search(r"\bneed|\bnecess|\brequire|\bessential|\bmandatory", t)
        )  # "can they be linked?": the spec
    ):
        # "can my 7900 XTX and my 3080 work together?": how setups work, not a spec sheet
        return Intent.EXPLAIN
    if not workload and len(details.gpus) == 1 and not details.setups and _gpu_trouble(t, details):
        # "why is my 4090 so slow in ollama?", "is the A100 still worth it?", "how do I set up my
        # 3090 for training?": causes, levers and steps from the guides, not the card's spec sheet
        return Intent.EXPLAIN
    if not workload and _EFFICIENCY_ASKED.search(t):
        return (
            Intent.EXPLAIN
        )  # "what MFU should I expect on H100s?": the efficiency real runs reach, not a spec
    if not workload and (asks_engine_speed(t) or engine_choice(t)):
        # "is vLLM faster than Ollama on my 4090?", "vLLM or llama.cpp for 50 users on an L40S?": how the engines
        # differ, or which to use, not a spec
        return Intent.EXPLAIN
    if not workload and (
        startup_oom(t)
        or asks_engine_memory(t)
        or ollama_parallel(t) is not None
        or allocator_readings(t)
        is not None  # "nvidia-smi shows 22 GB but torch says 5": the allocator, no spec
        or holds_after_request(t)  # "ollama still holds 9 GB after the request": its keep-alive
    ):
        # a vLLM / SGLang out-of-memory log, or "why does TGI take 90% of my VRAM?", with no model named: where the
        # memory went
        return Intent.EXPLAIN
    if (
        len(details.gpus) >= 2
        and not workload
        and (
            _COMPARE.search(t)
            or _RECOMMEND.search(t)
            or " or " in t
            or details.cards_weighed
            or re.search(r"\bworth\b", t)
        )
    ):  # "h100s instead of a100s, worth it?": cards set against each other are compared
        # "is the H200 worth it when A100s are so much cheaper?": what the card does is weighed against its price
        worth = re.search(r"\bworth\b", t)
        return Intent.PRICE if details.cheaper and not _COMPARE.search(t) and not worth else Intent.COMPARE
    if workload:
        if len(details.gpus) >= 2 and (_COMPARE.search(t) or _CARD_OR_CARD.search(t)):
            return Intent.COMPARE
        if details.gpus or details.stated_memory_gb or _SIZE.search(t):
            return Intent.SIZE
        return Intent.RECOMMEND
    if details.gpus:
        if _PRICE.search(t) or _RUN_FOR.search(t):
            return Intent.PRICE
        if details.task is not None and _RECOMMEND.search(t) and not _SPEC.search(t):
            return Intent.SPEC
        return Intent.SPEC
    if (
        details.task is not None
        and _RECOMMEND.search(t)
        and not re.search(r"\bdifference\b|\bvs\b|\bversus\b", t)
    ):
        return Intent.RECOMMEND
    filtered = details.vendor or details.min_memory_gb or details.budget_per_hour
    if _PRICE.search(t) and (filtered or re.search(r"\bcheapest\b", t)):
        return Intent.PRICE
    if (
        _RECOMMEND.search(t)
        and re.search(r"\bgpus?\b|\baccelerators?\b|\bhardware\b|\bcard\b", t)
        and not _EXPLAIN.search(t)
    ):
        return Intent.RECOMMEND
    return Intent.EXPLAIN


# a question about a language model or its tokens is never a non-LLM one, whatever else it mentions
# "tokens" inside a hyphenated model id ('roberta-large-nli-stsb-mean-tokens', a sentence encoder) is no LLM word
_LLM_WORDS = re.compile(
    r"\bllms?\b|\blanguage models?\b|(?<![-_/])\btokens?\b(?![-_/])|\bchat ?bots?\b|\bgguf\b"
)


# intents whose answer already fits a question that also says its kind of work ("A100 vs H100 for video
# generation" is a comparison, "what does an L4 cost for transcription" a price)
_OWN_ANSWER = frozenset(
    {Intent.NON_LLM, Intent.COMPARE, Intent.PRICE, Intent.SPEC, Intent.GREETING, Intent.MY_HARDWARE}
)


# a turn that only swaps a tool, model or setting of the turn before: "what about faster-whisper int8?"
_BARE_FOLLOW_UP = re.compile(
    r"\s*(?:and|what about|how about|with|using|then|ok(?:ay)?,? (?:and|what about))\b"
)


# words that ask about running a model on hardware, not about the hardware itself
_RUNS_MODEL = re.compile(
    r"\b(?:run|runs|running|fit|fits|serve|serving|load|host|deploy|infer(?:ence)?|train|fine-?tune|ok|okay|enough|"
    r"sufficient|handle|support|fine|good|suitable|possible|work|works|doable|feasible)\b"
)


def _unlisted_non_llm(question: str, details: Details, workloads=None) -> bool:
    """A question about image, video, audio, detection or transcription work whose model is not on record (no LLM
    or parameter count named either), said by its kind's words or by a name of a family on record
    ('HunyuanCustom', 'YOLOv5'): the non-LLM answer labels the nearest model of that kind or family on record."""
    if details.model is not None or details.unknown_model:
        return False
    t = question.lower()
    if _LLM_WORDS.search(t):
        return False
    table = workloads if workloads is not None else load_workloads()
    if details.params is not None:
        if not _MODEL_SIZE_SAID.search(t):  # "100 million records": a count of work, not of parameters
            return False
        # a size said with the kind's own words ("a 2B-param diffusion transformer", "my 300M ViT", "Wan 2.2 5B") is
        # a model of that kind, sized by its own arithmetic, not an LLM of that size; a family's first letters alone
        # are not enough ("Hunyuan-Large 389B" is an LLM)
        return kind_in_text(t) is not None
    return kind_in_text(t) is not None or table.family_in_text(t) is not None


_AUXILIARY_OPENING = re.compile(rf"^(?:(?:but|yet)\s+)?(?:{AUXILIARIES})\b")
# the clause that asks, after what the message reports: "…, but will my 4070 Ti do?", "…; can a 3080 work?"
_ASKING_AFTER_REPORT = re.compile(
    rf"^.*(?:,|;|\s[-–—]\s|\b(?:but|yet)\b)\s*(?=(?:(?:but|yet)\s+)?(?:{AUXILIARIES})\b)"
)


def _card_owned_among_others(question: str, details: Details, catalog: Catalog) -> str | None:
    """The one card the user says is all they have ("I only have a single RTX 3090") when the message names other
    cards too (a paper's or README's hardware); None otherwise."""
    if len(details.gpus) < 2 or details.cards_weighed:
        return None
    words = one_card_owned(question)
    named = {g.name for g in catalog.find_in_text(words)} if words else set()
    own = [n for n in details.gpus if n in named]
    return own[0] if len(own) == 1 and len(named) == 1 else None


def _card_asked_among_others(question: str, details: Details, catalog: Catalog) -> str | None:
    """The one card a yes/no clause names for a job after the message reports other cards (a README's or paper's
    hardware); None when there is no such report, or the asking clause weighs cards or names none or several."""
    if len(details.gpus) < 2 or not details.has_workload:
        return None
    if details.cards_weighed:
        return None
    asked = [
        q
        for q in re.split(r"(?<=[.!?])\s+", question)
        if q.rstrip().endswith("?") and catalog.find_in_text(q)
    ]
    if not asked:
        return None  # the last question that names a card asks about it ("…can a 3080 work? How much VRAM?")
    clause = _ASKING_AFTER_REPORT.sub("", asked[-1], count=1)
    low = clause.lower()
    if clause == asked[-1] or not _AUXILIARY_OPENING.match(low):
        return None  # no report before the ask, or an ask that is no yes/no
    if _COMPARE.search(low) or _CARD_OR_CARD.search(low) or re.search(r"\b(?:both|each|all|either)\b", low):
        return None
    named = {g.name for g in catalog.find_in_text(clause)}
    in_clause = [n for n in details.gpus if n in named]
    return in_clause[0] if len(in_clause) == 1 and len(named) == 1 else None


def _quotes_own_requirement(question: str, details: Details) -> bool:
    """A memory requirement quoted from a model's own README or paper ("the readme says 16GB minimum") with the user's
    card or memory said, about no model on record, no LLM and no parameter count (an LLM of a said size is sized by
    the formula): the quoted figure against that card answers it."""
    if details.model is not None or details.unknown_model or details.params is not None:
        return False
    if not (details.gpus or details.stated_memory_gb or details.unlisted_gpu):
        return False
    t = question.lower()
    return not _LLM_WORDS.search(t) and quoted_requirement_gb(t) is not None


# a model's size as people write it: "2B", "300M", "1.5b", "2 billion parameters", "300 million params"; not a count
# of work ("100M sentences", "2 million records"), though a kind named from its input ("300M text-to-speech") is a size
_MODEL_SIZE_SAID = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:[bm]\b|(?:billion|million|bn)\s*[- ]?param)"
    r"(?!\s*(?:records?|sentences?|documents?|docs|texts?|images?|pictures?|photos?|samples?|rows?|tokens?|examples?"
    r"|passages?|chunks?|files?|pairs?|words?|frames?|clips?|videos?|steps?|embeddings?|vectors?|queries)"
    # "300M text-to-speech", "5B image-to-video", "1.3B text-to-video": a kind of model, not a count of texts
    r"(?![- ]?(?:to|2)[- ]))"
)


# the user's run ran out of memory ("OOM", "CUDA out of memory", "ran out of memory")
_RAN_OUT = re.compile(
    r"\boom(?:s|ed|ing)?\b|out[- ]?of[- ]?memory|\br[au]n out of (?:gpu |video )?(?:memory|v?ram)\b"
)


def _named_kind_over_llm_reading(question: str, details: Details, intent: Intent, catalog: Catalog) -> bool:
    """The question says its kind of non-LLM work outright (text-to-speech, voice conversion, video or 3D
    generation) yet was read as "which LLMs run on my card" or as a price with no cost asked ("can I go with a
    1080 Ti for Tortoise TTS?", "minimum VRAM? looks out of range of a 3090"): that kind's figures answer it."""
    home_cards = bool(details.gpus) and all(
        catalog.by_name(g).gpu_class in ("consumer", "local") for g in details.gpus
    )
    t = question.lower()
    ran_out_on_each = bool(_RAN_OUT.search(t)) and not _COMPARE.search(t)
    if intent is Intent.MY_HARDWARE or (
        intent is Intent.COMPARE
        and not details.has_workload
        # "tried a 4090 and an L40, both ran out of memory": the job's fit on each, not the cards set side by side
        and (details.yes_no or home_cards or ran_out_on_each)
    ):
        # "piper tts on a 1660 ti vs a 2070, any good?", "coqui tts: a 2060 super or a 3060?": the TTS figures
        # (a comparison of home cards with no workload on record would weigh the LLMs they run); "A100 vs H100
        # for video?" weighs data-center cards for the job and stays a choice
        return kind_in_text(question.lower()) is not None
    return intent is Intent.PRICE and not details.wants_cost and kind_in_text(question.lower()) is not None


# a card and its count written as one word: "L40x2", "A100x8", "H100X4", "rtx4090x2", "3090x2", "l40sx2" (the
# name has a letter or is a four-digit card number; "8x7b", "512x512" and "1024x768" are left alone)
_CARD_THEN_COUNT = re.compile(
    r"\b([a-z]{1,5}[- ]?\d{2,4}[a-z]{0,4}|\d{4}(?:ti)?|(?<=[a-z]\d{3}[- ])\d{2,3}g(?:i?b)?)[x×](\d{1,2})\b(?![.,]?\d)",
    re.I,
)


def _unglued_counts(text: str) -> str:
    """``text`` with a GPU count glued to the card's name split off ("L40x2" -> "L40 x2"), or to the memory size
    after it ("A100-80Gx8" -> "A100-80G x8")."""
    return _CARD_THEN_COUNT.sub(lambda m: f"{m.group(1)} x{m.group(2)}", text)


# a checkpoint's file name with its size between underscores ("wan2.1_t2v_14B_fp8_e4m3fn.safetensors",
# "hunyuan_video_13B_bf16"): its parts are words, so the size and the weight format in it are read
_FILE_NAME = re.compile(r"\b[\w.]*?_\d+(?:\.\d+)?[bB]_[\w.]*")
# ...when a weight format or a checkpoint extension in it says it is one ("OA_SFT_Llama_30B_6" is a model's name)
_FILE_FORMAT = re.compile(
    r"(?:^|_)(?:fp8|fp16|bf16|fp32|int8|int4|nf4|e4m3\w*|e5m2\w*)(?:_|$|\.)|\.(?:safetensors|ckpt|pth|pt|bin|gguf)$",
    re.I,
)


def _unglued_file_names(text: str) -> str:
    """``text`` with the underscores of a checkpoint file name that carries a size turned to spaces."""
    return _FILE_NAME.sub(
        lambda m: m.group().replace("_", " ") if _FILE_FORMAT.search(m.group()) else m.group(), text
    )


# full-width punctuation typed by CJK input methods ("How much is needed？ Can my 16GB card run it？"): ASCII, so the
# sentences it ends are read as sentences and questions
_FULL_WIDTH = str.maketrans(
    {"？": "?", "！": "!", "。": ".", "，": ",", "：": ":", "；": ";", "（": "(", "）": ")"}
)
_FULL_WIDTH_END = re.compile(r"([？！。，：；])(?=\S)")


def _ascii_punctuation(question: str) -> str:
    return _FULL_WIDTH_END.sub(r"\1 ", question).translate(_FULL_WIDTH)


def _plain(question: str) -> tuple[str, tuple[str, ...]]:
    question = plain_cjk(_ascii_punctuation(question))
    question, injected = without_injections(question)  # instructions inside the question fill no slot
    # "6 gigs", "16 gigabytes", "80 GiB": one spelling, "NN gb"; "funetuning", "traning": the verb spelt right
    question = _SIZE_OF_FAMILY.sub(lambda m: f"{m['family']} {m['size']}", question)
    question = _EXPERTS_TIMES_SIZE.sub(lambda m: f"{m[1]}x{m[2]}", question)  # "Mixtral 8*7B": 8x7B
    return plain_spelling(_unglued_file_names(_unglued_counts(plain_units(question)))), injected


# a mixture of experts' size with "*" for "x": "Mistral 8*7B", "8 * 22B" (not "8*A100", a count of cards)
_EXPERTS_TIMES_SIZE = re.compile(r"(?<![\w.*])(\d{1,2})\s?\*\s?(\d{1,3}(?:\.\d+)?[bB])\b")
# "the 120b model of gpt-oss", "the 8B version of Llama 3": the model's name is the family and then the size
_SIZE_OF_FAMILY = re.compile(
    r"\b(?:the\s+)?(?P<size>\d+(?:\.\d+)?\s?[bB])\s+(?:model|version|variant|one)\s+of\s+(?:the\s+)?"
    r"(?P<family>[A-Za-z][\w.\-]*(?:\s\d[\w.]*)?)"
)


def plain_question(question: str) -> str:
    """The text ``understand`` reads (and ``Understanding.question`` holds) for ``question``: what the guides
    are searched with, so its query vector can be computed while the question is being understood."""
    return _plain(question)[0]


# a training method said in words ("is QLoRA possible", "can I do a full fine-tune", "is training doable")
_METHOD_SAID = re.compile(
    r"\bq?lora\b|\bfine[- ]?tun\w*|\bfinetun\w*|\bfull[- ]param\w*|\btrain(?:ing)?\b|\bdpo\b|\bsft\b"
)


def _asks_method_on_hardware(question: str, details: Details, catalog: Catalog, software) -> bool:
    """'Is QLoRA possible on an RTX 3060?', 'can I do full fine-tuning on one A100?': a training method on named
    hardware, no model and no tool: whether it fits any model, and which, on that hardware."""
    return (
        details.yes_no
        and details.task is not None
        and details.task.is_training
        and (len(details.gpus) == 1 or (not details.gpus and details.stated_memory_gb))
        and details.model is None
        and details.params is None
        and not details.unknown_model
        and not details.cards_weighed
        and bool(_METHOD_SAID.search(question.lower()))
        and not (software or load_software(catalog=catalog)).named_in(question)
    )


# a follow-up that weighs the alternatives again ("cheaper?", "and which costs less?", "what about both on AWS?")
# a speed asked as a figure: "how many tokens/s?", "what t/s would I get?"
_SPEED_FIGURE = re.compile(r"\btok(?:en)?s?\s*(?:/|per)\s*s(?:ec(?:ond)?)?\b|\bt/s\b")
_WEIGHS_AGAIN = re.compile(r"\bwhich\b|\bor\b|\bcheaper\b|\bcosts? less\b|\b(?:each|both|either)\b")


def _as_settled(previous: Understanding, text: str, details: Details) -> Understanding:
    """The earlier turn as its answer settled it when this follow-up asks a figure of the pick ("and what would that
    cost?", "how many users could it serve?", "how fast?"), not the alternatives again."""
    figure = (
        details.wants_cost
        or details.wants_time
        or details.wants_capacity
        or details.wants_first_token
        or bool(_FASTER.search(text) or _SPEED_FIGURE.search(text))
    )
    if previous.settled is None or not figure or _COMPARE.search(text) or _WEIGHS_AGAIN.search(text):
        return previous
    if details.budget_said or details.budget_per_hour or details.purchase_budget_usd:
        return previous  # "and if we only have $90 a month?": a budget weighs the setups again, not the pick's bill
    if details.user_tokens_per_s:
        return previous  # "what if I only need 5 tokens/s?": a speed to meet weighs the setups again
    return replace(previous, details=previous.settled)


def understand(
    question: str,
    catalog: Catalog,
    models: ModelSpecs,
    previous: Understanding | None = None,
    *,
    offerings=None,
    quants: tuple[str, ...] | None = None,
    intents=None,
    workloads=None,
    software=None,
) -> Understanding:
    """Read ``question``; a follow-up inherits what it leaves unsaid from ``previous``.

    ``offerings`` (the offerings table) lets instance types and provider names be read; ``quants`` are the
    GGUF type names the sizing assumptions know and ``workloads`` the non-LLM workloads table (both read
    from the default corpus when not given); ``intents`` (a ``NearestIntent``) votes on the intent where
    the rules are unsure; ``software`` (the tools table) lets "does vLLM support the V100?" be read.
    """
    question, injected = _plain(question)
    kept = None  # the pick an earlier answer settled, carried past a turn that only prices it
    question = _memory_not_money(question)
    check_counts(question, catalog)  # negative or zero counts: InvalidQuestion, not a different question
    details, premises = _extract(question, catalog, models, offerings)
    details = replace(details, runs_script=runs_a_script(question))
    named_gpus = [catalog.by_name(n) for n in details.gpus]
    sizes = memory_variants_asked(question.lower(), named_gpus, catalog) or form_variants_asked(
        question.lower(), named_gpus, catalog
    )
    if sizes:  # "do I need the 80GB version?": every size of the product, weighed for the work
        details = replace(details, gpus=tuple(g.name for g in sizes), cards_weighed=True)
    if quants is None:
        quants = load_assumptions().gguf_types
    named = models.get(details.model) if details.model else None
    details = with_local(details, question, catalog, quants)
    if (owned := _card_owned_among_others(question, details, catalog)) is not None:
        # "they trained on 4 V100s; my machine is equipped only with a T4": the user's one card, the others reported
        details = replace(details, gpus=(owned,), setups=(), gpu_count=1, several_cards=False)
    if (asked_card := _card_asked_among_others(question, details, catalog)) is not None:
        # "the README says an A6000 or an H100, but will my 4070 Ti Super do?": the card the yes/no asks about; the
        # others are what the message reports, not alternatives to weigh ("they trained on 8 A100s; can one 4090…")
        count = (
            dict(details.setups).get(asked_card, details.gpu_count if not details.setups else None) or None
        )
        details = replace(details, gpus=(asked_card,), setups=(), gpu_count=count, yes_no=True)
    active_said = (
        named is not None
        and named.is_moe
        and details.model is None
        and details.params is not None
        and abs(details.params - named.active_params) < 0.15 * named.active_params
    )
    if (
        active_said
    ):  # "Llama-4-Scout-17B-16E": the size said is the MoE model's active count, not another model
        details = replace(details, model=named.name, params=named.params)
    intent = (
        Intent.NON_LLM
        if names_non_llm_workload(question, details, workloads)
        else _classify(question, details)
    )
    if asks_engine_feature(question):
        # "does vLLM support speculative decoding for Llama 3 70B?", "can one vllm server chat and embed?": a feature
        # of the engine, which the guides answer, not a sizing of the model or the embedding model named
        intent = Intent.EXPLAIN
    if intent is Intent.EXPLAIN and asks_engine_feature(question):
        pass  # an engine's feature asked: no embedding or vision model's figures answer it
    elif (
        intent not in _OWN_ANSWER
        or intent is Intent.SPEC
        or _named_kind_over_llm_reading(question, details, intent, catalog)
    ) and _unlisted_non_llm(question, details, workloads):
        # "YOLO training OOMs", "a video restoration tool on two 5070 Tis": its kind's figures; a GPU named for
        # such a job ("a second 4070 Super for my video upscaler") is the hardware for it, not a spec question
        intent = Intent.NON_LLM
    elif intent is not Intent.NON_LLM and _quotes_own_requirement(question, details):
        # "the README says it requires 24GB, I have a 3080 10GB, any chance?": the requirement quoted for a model not
        # on record, weighed against the card, not the card's spec sheet or the LLMs it runs
        intent = Intent.NON_LLM
    if (
        details.min_memory_gb
        and intent is not Intent.NON_LLM
        and not _MIN_MEMORY.search(
            question.lower()
        )  # "more than 24gb", "at least 48 GB": a floor said as one
        and not (details.gpus or details.stated_memory_gb or details.unknown_model)
        and (
            (
                not details.has_workload
                and asks_what_runs(question, replace(details, stated_memory_gb=details.min_memory_gb))
            )
            # "max context for llama 3.1 8b on a 24gb card?": the longest it takes on that card
            or (details.has_workload and details.longest_context)
        )
    ):
        # "with an 80gb gpu, what's the biggest model I can serve?": the memory of the card they have, not a floor
        # for a card to pick
        details = replace(details, stated_memory_gb=details.min_memory_gb, min_memory_gb=None)
    # after an earlier turn, "is it enough?" is asked of what that turn was about (a model, perhaps one not on
    # record), not "what runs on my hardware" — unless that turn was itself about what runs there
    model_before = previous is not None and previous.intent not in (Intent.GREETING, Intent.MY_HARDWARE)
    method_on_hardware = intent is not Intent.NON_LLM and _asks_method_on_hardware(
        question, details, catalog, software
    )
    # "is NVLink needed to train on two 3090s?" asks how the cards work together, not what runs on them
    setup_asked = intent is Intent.EXPLAIN and bool(_NVLINK_NEED.search(question.lower()))
    # "how do I set up my 3090?" asks the steps, not what runs on the card
    trouble = (
        intent is Intent.EXPLAIN
        and not details.has_workload
        and bool(_card_trouble(question.lower(), details) or _gpu_trouble(question.lower(), details))
    )
    if (
        intent is not Intent.NON_LLM
        and not setup_asked
        and not trouble
        and not details.unknown_model  # "is A100*8 ok for MiniMax-VL-01?" asks about that model, not what runs
        and ollama_parallel(question) is None  # "NUM_PARALLEL=10 on my M3 Ultra": how the slots spend memory
        and not _EFFICIENCY_ASKED.search(question.lower())  # "what MFU do people get on an H200?"
        and (asks_what_runs(question, details, model_before=model_before) or method_on_hardware)
    ):
        intent = Intent.MY_HARDWARE
    if (
        intent in (Intent.SPEC, Intent.EXPLAIN, Intent.RECOMMEND)
        and (details.gpus or details.stated_memory_gb)
        and not (details.has_workload or details.unknown_model)
        and (details.batch or 0) > 1
        and engines_named(question)
        and ollama_parallel(question) is None  # "NUM_PARALLEL=10 on my M3 Ultra": how the slots spend memory
        and engine_choice(question) is None  # "vLLM or Ollama on an A6000 for 40 people?": which engine
    ):
        # "ollama for 10 users on a 4090", "vLLM for 30 people on two L40S": what that card serves to them
        intent = Intent.MY_HARDWARE
    if details.family_ladder and (details.gpus or details.stated_memory_gb) and intent is not Intent.NON_LLM:
        # "the biggest qwen2.5 I can run on a 4090": what of that family runs there; "…I can run…" inside this
        # which-question asks no yes/no
        intent = Intent.MY_HARDWARE
        details = replace(details, yes_no=False)
    if (
        details.model_use
        and (details.gpus or details.stated_memory_gb)
        and intent in (Intent.SPEC, Intent.SIZE, Intent.EXPLAIN, Intent.RECOMMEND)
        and _PICK_ASKED.search(question.lower())
    ):
        # "a good coding model for my 4060 Ti?": the models of that use that run on the card, not the card's spec
        intent = Intent.MY_HARDWARE
    if intent is Intent.SPEC and details.unknown_model and _RUNS_MODEL.search(question.lower()):
        # "what GPU can MiniMax-VL-01 run on, is A100*8 ok?": running a model not on record, not the card's spec
        intent = Intent.SIZE
        if _named_kind_over_llm_reading(question, details, intent, catalog) and _unlisted_non_llm(
            question, details, workloads
        ):  # "can I go with a 1080 Ti or a 2080 Ti [for Tortoise TTS]?": the TTS figures, not a table of LLMs
            intent = Intent.NON_LLM
    if (
        intent in (Intent.SPEC, Intent.COMPARE, Intent.EXPLAIN, Intent.RECOMMEND, Intent.PRICE)
        and len(details.gpus) == 1
        and not details.has_workload
        and _CPU_OR_CARD.search(question.lower())
        and catalog.by_name(details.gpus[0]).gpu_class in ("consumer", "local")
    ):
        # "13600k and no gpu, or a cheap cpu and an rtx 3060?": the card against the CPU for running models
        # at home — what runs on the card, and how much faster than from RAM
        details = replace(details, local=True, cpu_weighed=True)
        intent = Intent.MY_HARDWARE
    budget = purchase_budget(question)
    if budget is not None and not details.gpus and not details.stated_memory_gb:
        details = replace(details, purchase_budget_usd=budget)
        if not details.has_workload and intent is not Intent.NON_LLM and not details.unknown_model:
            # "with 2k, what GPU for local LLMs?": the card that budget buys, and what runs on it
            intent = Intent.MY_HARDWARE
    if (
        details.budget_per_hour
        and budget is None
        and intent is not Intent.NON_LLM
        and not (details.gpus or details.stated_memory_gb or details.ram_gb or details.has_workload)
        and not details.unknown_model
        and asks_which_model(question)
    ):
        # "$2/hour, what's the biggest model I can serve?": the largest model a rental within that rate holds
        intent = Intent.MY_HARDWARE
    if (
        budget is None
        and intent is not Intent.NON_LLM
        and not (details.gpus or details.stated_memory_gb or details.ram_gb or details.has_workload)
        and not details.unknown_model
        and _asks_card_to_buy(question.lower())
    ):
        # "whats a decent gpu to mess around with local llms", "what card should i get for running models at
        # home?": a card to buy, no budget said — the cards by price and what each runs
        details = replace(details, card_to_buy=True, local=True)
        intent = Intent.MY_HARDWARE
    if (
        intent is not Intent.NON_LLM
        and not (details.gpus or details.has_workload or details.unknown_model)
        and (weighed := memories_weighed(question.lower()))
    ):
        # "16gb or 24gb gpu for local llms?": what runs at each memory, the larger when it runs more
        details = replace(
            details, memories_weighed=weighed, stated_memory_gb=None, min_memory_gb=None, local=True
        )
        intent = Intent.MY_HARDWARE
    if (
        intent is Intent.SPEC
        and details.gpus
        and not details.has_workload
        and not details.unknown_model
        and _HARDWARE_TOLD.match(question.strip().lower())
        and not (details.observed_tokens_per_s or details.observed_gb)  # "my 3080 manages 4 tok/s": a reading
        and not _TROUBLE_TOLD.search(question.lower())
        and (previous is None or not previous.details.has_workload)  # "I've got a 3090 btw": for that model
    ):
        # "i have 2x 3090", "we own 8 a100s": hardware told, nothing asked — what runs on it, not its spec sheet
        intent = Intent.MY_HARDWARE
    if intent in (Intent.SPEC, Intent.COMPARE, Intent.EXPLAIN) and asks_market(question, details):
        intent = Intent.PRICE  # where / for how much it is rented: answered from the offerings table
    if (
        intent is Intent.PRICE
        and len(details.gpus) >= 2
        and not details.has_workload
        and _VALUE_FOR_MONEY.search(question.lower())
    ):
        intent = (
            Intent.COMPARE
        )  # "which is more cost-effective, H100 or A100?": the work per dollar, not the rate
    if (
        intent is Intent.SPEC
        and details.gpus
        and details.wants_cost
        and not details.has_workload
        and not _SPEC.search(question.lower().replace("what's the", "").replace("what is the", ""))
    ):  # "what would two L4s run us a month?": what the cards cost ("its bandwidth and cost?": the sheet has both)
        intent = Intent.PRICE
    if (
        intent is Intent.MY_HARDWARE
        and details.gpus
        and not details.has_workload
        and read_market(question).spot
    ):
        intent = (
            Intent.PRICE
        )  # "is spot pricing for a100s worth it for fine-tuning?": the rental market, not owned cards
    tools = (software or load_software(catalog=catalog)).named_in(question)
    stack = (
        None
        if details.gpus or details.any_mac
        # "only on the CPU of an android phone", "an AMD Radeon R7 360": the CPU or phone, else the platform said
        else host_named(question) or stack_named(question) or card_stack(details.unlisted_gpu)
    )
    if (
        not (intent is Intent.MY_HARDWARE and not re.search(r"\bsupport|\bcompatib", question.lower()))
        # "NUM_PARALLEL=10 to support multiple people": how the slots spend memory, not whether Ollama runs there
        and ollama_parallel(question) is None
        and asks_support(  # "can I use ollama on my 3060?": what runs there, which answers it (Yes) and says more
            question,
            tools_named=bool(tools),
            hardware_named=bool(details.gpus) or details.any_mac or stack is not None,
            # a model, a non-LLM job or a GPU count ("TGI on 6 A10Gs rather than 3") makes it a question about that
            # setup unless support is asked outright
            workload_named=details.has_workload
            or bool(details.unknown_model)
            or intent is Intent.NON_LLM
            or (details.gpu_count or 1) > 1,
            model_run_asked=details.has_workload
            and intent is not Intent.NON_LLM
            and not any(feature for _, feature in tools),
        )
    ):
        # "does vLLM support the V100?", "can llama.cpp use an Arc A770?": the tools' own support, read against the
        # catalog (compute capability, software stack), not a spec table
        keys = tuple(f"{tool.name}|{feature.name}" if feature else tool.name for tool, feature in tools)
        details = replace(
            details, software=keys, stack_asked="Metal" if details.any_mac and not details.gpus else stack
        )
        intent = Intent.SPEC
    details = _tools_floor(details, tools, intent)
    images, image_size = read_images(question.lower())
    if (
        images or image_size
    ):  # visual tokens for a vision-language model (planning adds them where it has one)
        details = replace(details, images=images, image_size=image_size)
    injection = bool(injected) or bool(_INJECTION.search(question.lower()))
    follows = (
        previous is not None
        and previous.intent not in (Intent.GREETING, Intent.OUT_OF_SCOPE)
        and (
            _is_follow_up(question, details, intent, previous.details.has_workload)
            or (  # "on a 3090?" after a non-LLM sizing (whose model is no LLM row): the same job on that card
                previous.intent is Intent.NON_LLM
                and bool(details.gpus)
                and not details.has_workload
                and bool(_ON_CARD_ALONE.match(question.lower()))
            )
            or _names_the_earlier_among_others(question, details, previous.details)
            or bool(_ABOUT_THE_REPLY.search(question.lower()))
            or (
                (previous.details.has_workload or bool(previous.details.gpus))
                and bool(_WHY.search(question.lower()))
            )  # "why?" after a sizing, a comparison or a price: the reasons for that answer
            or _same_model_again(question, details, previous.details)
            or (
                bool(previous.details.gpus) and bool(_COMPARES_IT.search(question.lower()))
            )  # "how does it compare to…"
            or (
                previous.settled is not None and bool(_BARE_SPOT.match(question.lower()))
            )  # "any spot pricing?"
            or (  # "on runpod", "and on aws?" after a price or a spec: the same cards there
                bool(previous.details.gpus)
                and not details.gpus
                and not details.has_workload
                and bool(details.providers)
                and _detail_only(question.lower())
            )
            or _states_what_they_have(question, details, previous.details)
            or _reports_an_error_of_it(question, details, previous.details)
            or _names_the_model_left_unsaid(question, details, previous.details)
        )
    )
    if intents is not None and not follows and _unsure(question, details, intent):
        vote = intents.vote(question)
        if vote is not None and _plausible(vote.intent, details):
            intent = vote.intent
    if previous is not None and not follows and _asks_of_own_hardware(question, details, previous.details):
        # "I have two 3090s." then "Can I fine-tune Llama 3 8B?": the question is about the hardware they have
        of_them = _OF_THEM.search(
            question.lower()
        )  # "could I run the 70B on two of them?": their card, that many
        details = replace(
            details,
            gpus=previous.details.gpus,
            gpu_count=_number(of_them.group(1)) if of_them else previous.details.gpu_count,
            owns_gpus=True,
            local=details.local or previous.details.local,
        )
        if intent is Intent.RECOMMEND:
            intent = Intent.SIZE
    earlier_non_llm = (
        previous is not None
        and previous.intent is Intent.NON_LLM
        and intent is not Intent.NON_LLM
        and not details.has_workload
        and not details.unknown_model
        and intent is not Intent.GREETING
        and not _CONCEPT.search(question.lower())
        and (
            follows
            or bool(_ASKS_FOR_WORKLOAD.search(question.lower()))
            or bool(_REFERENCE.search(question.lower()))
        )
    )
    follows = follows or earlier_non_llm
    if follows:
        t = question.lower()
        asked_before = previous
        previous = _as_settled(previous, t, details)
        settled = (
            previous is not asked_before
        )  # a figure of the pick asked: the setup the answer picked stays
        if previous.details.task in (Task.FULL, Task.LORA, Task.QLORA) and _BARE_FULL.search(t):
            # "and full?", "what about full then?" after a LoRA or QLoRA question: the full fine-tune of it
            details = replace(details, task=Task.FULL, method_unstated=False)
        said_gpus = details.gpus or (("Mac",) if details.any_mac else ())
        if details.faster and not _COMPARATIVE_SPEED.search(t):
            details = replace(details, faster=False)  # "how fast will it be?": the speed of that setup
        new_target = not details.gpus and bool(_NEW_TARGET.search(question.lower()))
        keep_gpus = (
            not details.gpus
            and not new_target
            and (
                settled
                or previous.intent in (Intent.COMPARE, Intent.PRICE, Intent.SPEC)
                or (
                    previous.intent is Intent.RECOMMEND and previous.details.owns_gpus
                )  # their card stays theirs
                or (
                    previous.intent in (Intent.SIZE, Intent.NON_LLM, Intent.MY_HARDWARE)
                    and (details.task is None or bool(previous.details.gpus))  # "I meant full FT": same card
                    and not (details.cheaper or details.faster)
                )
                or (
                    previous.intent is Intent.SIZE
                    and len(previous.details.gpus) >= 2
                    and details.task is None
                )  # "cheaper?" after "L40S or A100 for X?": which of the two cards weighed
                # "on 2 of them?" after a pick: that card, counted
                or (bool(previous.details.gpus) and bool(_OF_THEM.search(t)))
            )
        )
        if (
            details.task is Task.PRETRAIN
            and previous.details.task in (Task.FULL, Task.LORA, Task.QLORA)
            and not re.search(r"\bpre-?train|\bfrom scratch\b", question.lower())
        ):
            details = replace(details, task=None)  # "65b won't train on two cards?": the fine-tune discussed
        elif (
            details.task is Task.PRETRAIN
            and previous.details.model is not None
            and not details.has_workload
            and not re.search(r"\bpre-?train|\bfrom scratch\b", question.lower())
        ):
            # "for training" after "what GPU for Mistral 7B?": training a model that exists is fine-tuning it,
            # read as the same words would be with the model named
            task, unstated = _task(question.lower(), True)
            details = replace(details, task=task, method_unstated=unstated)
        details = _same_family(question, details, previous.details, models)
        training = (Task.FULL, Task.LORA, Task.QLORA, Task.PRETRAIN)
        if details.context is None and (
            previous.details.context is not None or (details.task or previous.details.task) in training
        ):
            bare = re.search(
                r"(?<![\w.$])(\d+(?:\.\d+)?)\s*k\b(?!\s*(?:steps|samples|examples|users|rows|images))", t
            )
            if (
                bare
            ):  # "and at 128k?" after a context was said, "at 8k?" after a fine-tune: the sequence length
                details = replace(details, context=int(float(bare.group(1)) * 1024))
        if details.context is None and (details.task or previous.details.task) in training:
            # "I meant 512 tokens", "what about 2048 tokens?" after a fine-tuning question: each sample's length
            details = replace(details, context=_bare_sample_length(t))
        details = _bare_number(t, details, previous.details)
        length = example_length(question) if previous.details.examples and not details.examples else None
        if length is not None and (details.tokens is None or details.tokens <= length):
            # "each example is about 800 tokens" after "200k examples, how long?": the data is examples x that
            epochs = details.epochs or previous.details.epochs or 1
            details = replace(
                details,
                examples=previous.details.examples,
                tokens=previous.details.examples * length * epochs,
                context=details.context or previous.details.context or int(length),
            )
        if (previous.details.batch or 1) > 1 and not details.batch and _ONE_USER.search(t):
            # "what about just me?" after "for 50 users": one sequence at a time now, not the earlier crowd
            details = replace(details, batch=1)
        if (
            not details.gpu_count
            and len(re.findall(r"\w+", t))
            <= 10  # a short ask, not "on one card 8b was fine, ..." told as past
            and _ON_ONE.search(t)
            and (details.gpus or previous.details.gpus)
        ):
            details = replace(details, gpu_count=1)  # "and in 4-bit it fits on one?": one of the same card
        if _names_the_earlier_among_others(question, details, previous.details):
            details = replace(details, model=None, params=None, compared_models=())  # the earlier one stays
        details = _earlier_variant(question, details, previous.details, catalog)
        details, other_hardware = _same_chip_other_memory(details, previous.details, catalog, question)
        other_hardware = other_hardware or details.any_mac  # "what about on a Mac?": not the card said before
        another_model = _asks_another_model(question, details)
        said_memory = details.stated_memory_gb
        only_where = bool(details.providers) and not (details.gpus or details.has_workload or details.faster)
        # "and if we quantize to 4 bit?" after "the cheapest way to run it": the same ask, in that format
        only_setting = bool(details.precision) and not (
            details.gpus or details.has_workload or details.faster
        )
        details = details.merged_over(previous.details, keep_gpus=keep_gpus and not other_hardware)
        if previous.details.cheaper and (
            (only_where and _detail_only(question.lower()))
            or (only_setting and len(re.findall(r"\w+", question)) <= 8)
        ):
            details = replace(
                details, cheaper=True
            )  # "on aws?" after "the cheapest way to run it": cheapest there
        renting = speaks_of_renting(question.lower()) and not _LOCAL.search(question.lower())
        if (
            said_memory is None
            and details.stated_memory_gb is not None
            and (details.cheaper or new_target or renting)
        ):
            # "cheapest cloud option for that?" after "on my 24GB card?": renting, so the memory of the user's own
            # card no longer bounds the answer
            details = replace(details, stated_memory_gb=None)
        if renting and not details.gpus:
            # "... the cheapest way to rent gpus for it then?" after "on my 3090?": cloud instance shapes, not cards
            # at home
            details = replace(details, local=False, owns_gpus=False)
        if previous.details.tools_named and intent is not Intent.SPEC:
            # "and if we switch to awq?" after "serve it with vLLM": the feature is the earlier tool's
            table = software or load_software(catalog=catalog)
            names = " ".join(key.partition("|")[0] for key in previous.details.tools_named)
            tools = table.named_in(f"{question} ({names})")
            if not any(feature for _, feature in tools):  # no new feature said: the earlier ones stay
                tools = table.named_in(
                    f"{question} ({' '.join(previous.details.tools_named).replace('|', ' ')})"
                )
            details = _tools_floor(details, tools, intent)
        if details.precision == "int4" and (
            details.task is Task.LORA
            or (details.task is Task.FULL and (details.method_unstated or not _FULL.search(question.lower())))
        ):
            # "and in 4-bit?" after LoRA or after a fine-tune (full parameters cannot train in 4-bit): QLoRA
            details = replace(details, task=Task.QLORA, precision=None, method_unstated=False)
        if (
            details.precision == "int8"
            and details.task is Task.FULL
            and (details.method_unstated or not _FULL.search(question.lower()))
        ):
            # "what about with 8-bit?" after a fine-tune: 8-bit weights train only through adapters, LoRA on them
            details = replace(details, task=Task.LORA, method_unstated=False)
        if _HOW_MANY_GPUS.search(question.lower()):
            details = replace(details, gpu_count=None)  # "how many do I need then?": the count is the answer
        why = bool(_WHY.search(t)) and previous.details.has_workload
        if why:  # "why?": the answer just given, with the working that led to it
            details = replace(details, wants_reason=True)
        if why or (
            (_LEAD.search(question.lower()) or _BARE_COMPARATIVE.match(question.lower()) or _detail_only(t))
            and not _OPEN_QUESTION.search(question.lower())
        ):
            # "and with QLoRA?", "what about two of them?": the same question on a changed detail, in its shape
            earlier = previous.details
            # a bare "what if I use fp8 on one?" / "and if I add a second 4090?" reads as yes / no only by its
            # form; the earlier figure (speed, $ per million tokens, users, time) stays the answer unless the
            # follow-up asks a yes / no of its own ("... would it fit?") or another figure
            asks_yes_no = details.yes_no and bool(_OWN_YES_NO.search(t))
            own_shape = (
                asks_yes_no
                or details.wants_cost
                or details.wants_time
                or details.wants_capacity
                or details.wants_first_token
            )
            # "and if I only have 20gb?": memory the user has, said anew, asks whether it fits there
            their_memory = (
                details.stated_memory_gb is not None and details.stated_memory_gb != earlier.stated_memory_gb
            )
            if not own_shape:  # "and on an A100?" after "how long would it take?": the same kind of answer
                details = replace(
                    details,
                    # "cheapest cloud option for that?" is a pick, not the earlier yes / no (the earlier figure,
                    # a monthly bill, stays its shape)
                    yes_no=(earlier.yes_no and not (details.cheaper or new_target)) or their_memory,
                    wants_cost=earlier.wants_cost,
                    wants_time=earlier.wants_time,
                    wants_capacity=earlier.wants_capacity,
                    wants_first_token=earlier.wants_first_token,
                    asked_as=earlier.asked_as or previous.question,
                )
        intent = _follow_up_intent(question, details, intent, previous)
        if another_model and intent is not Intent.NON_LLM and _has_hardware(details):
            # "what about a smaller model?", "which models can it run then?", "the largest llama that fits?" after a
            # model on some hardware: what runs on that hardware (a family's largest that fits, when one is said), not
            # the earlier model again
            details = replace(
                details, model=None, params=None, model_note=None, compared_models=(), yes_no=False
            )
            intent = Intent.MY_HARDWARE
        if intent is Intent.MY_HARDWARE and method_on_hardware and previous.details.has_workload:
            # "and what about full fine-tuning on 8 H100s, would that fit?", "is QLoRA possible on a 3060 then?"
            # after a turn about a model: the method changed for that model, not "which model fits there"
            intent = Intent.SIZE
        if (
            previous.details.software
            and not details.software
            and previous.intent is Intent.SPEC
            and not (details.has_workload and details.model != previous.details.model)
            and (said_gpus or stack_named(question))
        ):  # "does vLLM support the V100?" then "and a T4?" / "what about AMD?": the same tools on other hardware
            details = replace(
                details,
                software=previous.details.software,
                stack_asked=None
                if details.gpus and not details.any_mac
                else ("Metal" if details.any_mac else stack_named(question)),
            )
            intent = Intent.SPEC
        if new_target and details.has_workload and intent in (Intent.SIZE, Intent.EXPLAIN, Intent.SPEC):
            intent = Intent.RECOMMEND  # "what's the minimum GPU then?": a GPU for the same workload
    if (
        earlier_non_llm
    ):  # "how long per image?", "and on my 4 GB laptop?": the image / speech model said before
        intent = Intent.NON_LLM
        details = replace(details, non_llm_context=previous.details.non_llm_context or previous.question)
    elif intent is Intent.NON_LLM and names_non_llm_workload(question, details, workloads):
        details = replace(details, non_llm_context=None)  # it names its own
    if (
        intent is Intent.NON_LLM
        and previous is not None
        and names_non_llm_workload(question, None, workloads)
        and not _PARAMS.search(question.lower())
        and (details.model is None or details.model == previous.details.model)
    ):
        # "will animatediff work on my 8gb 3070?" after "cogvideox 5b on a 3060?", "what about whisper?" after a
        # Llama: the earlier model and its size are not the one named now
        details = replace(details, model=None, params=None, model_note=None)
    if (
        previous is not None
        and previous.intent is Intent.NON_LLM
        and intent is Intent.NON_LLM
        and not details.gpus
        and details.stated_memory_gb is None
        and _BARE_FOLLOW_UP.match(question.lower())
    ):  # "can I run whisper large on a T4?" then "what about faster-whisper int8?": still on that T4
        details = replace(
            details,
            gpus=previous.details.gpus,
            gpu_count=previous.details.gpu_count,
            stated_memory_gb=previous.details.stated_memory_gb,
        )
    if (
        follows
        and previous is not None
        and previous.settled is not None
        and previous.settled.gpus
        and not said_gpus  # no card of its own named (the pick's, inherited, may be in the details by now)
        and (_WHERE_TO_RENT.search(question.lower()) or _BARE_SPOT.match(question.lower()))
    ):
        # "and which provider is that cheapest on?" after a recommendation: where the setup it picked is rented; the
        # pick stays settled, so "and how fast would that be?" next is still about it
        details = Details(gpus=previous.settled.gpus, gpu_count=previous.settled.gpu_count)
        intent = Intent.PRICE
        kept = previous.settled
    if follows and previous is not None:
        details, intent = _cards_of_two_turns(question, details, intent, previous)
    if details.any_mac and details.has_workload and not details.gpus and intent is not Intent.NON_LLM:
        details = _every_mac(details, catalog)
        if intent is Intent.RECOMMEND:
            intent = Intent.SIZE  # "which Mac?", "would it work on a Mac?": a verdict over the Macs
    if intent is None:
        intent = Intent.OUT_OF_SCOPE
    if (
        intent in (Intent.SPEC, Intent.EXPLAIN)
        and details.unknown_model
        and details.task is not None
        and not details.has_workload
    ):
        intent = Intent.SIZE  # "fine-tune Phi-2 on a 3090?": a sizing question about a model the specs lack
    if intent is Intent.SIZE and not details.has_workload and not details.unknown_model:
        intent = Intent.SPEC if details.gpus else Intent.EXPLAIN
    if asks_link_speed(question):
        # "will a PCIe 3.0 x8 slot slow down my 4090?": what the link costs in speed (the guide's PCIe section),
        # not a slow run to diagnose, the card's spec sheet or the model's memory
        intent = Intent.EXPLAIN
    named = [catalog.by_name(n) for n in details.gpus]
    training = details.task is not None and details.task.is_training
    premises = (  # "NVFP4 on a 4090", "fine-tune it on my T4" (bf16 unsaid)
        *premises,
        *read_format_premises(question.lower(), named, catalog, training=training),
    )
    # "the L40S has HBM3", "the A10G's 1.5 TB/s", "two 4090s over NVLink": other stated specs, checked too
    premises = (*premises, *read_spec_premises(question.lower(), named, catalog))
    if offerings is not None:  # "the H100 costs $0.10/hour": a price far from every offer is corrected too
        premises = (
            *premises,
            *read_price_premises(question.lower(), named, catalog, _price_range(offerings)),
        )
    return Understanding(
        question, intent, details, follow_up=follows, injection=injection, premises=premises, settled=kept
    )


# where a setup is rented: "which provider is that cheapest on?", "where can I rent that?", "who rents it cheapest?"
_WHERE_TO_RENT = re.compile(
    r"\b(?:which|what) (?:provider|cloud|host|hosting|vendor|platform|service)s?\b|\bwhere (?:can|could|do|should|would) "
    r"(?:i|we|you) (?:rent|get|find|buy|run)\b|\bwhere (?:is|are) (?:it|that|this|they|those) (?:cheapest|cheaper)\b"
    r"|\bwho (?:rents|offers|sells|has)\b"
)
# "and on spot?", "what about spot pricing?": the picked setup's price on the spot market
_BARE_SPOT = re.compile(
    r"^\W*(?:and |so |ok |what about |how about |on |with |using |the |any |is there (?:a )?)*"
    rf"(?:{SPOT_WORDS})(?: instances?| pricing| prices?| market| rates?| vms?)?"
    r"(?: for (?:it|that|them|those))?\s*\??\s*$"
)


# "which is cheaper?", "which one's faster", "which of the two is better for it?": a pick between the cards discussed
_WHICH_OF_THE_CARDS = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|then|now)\W+)*(?:which|what)(?:\s+one|\s+of (?:them|the two|those|these|both))?"
    r"(?:'s|\s+is|\s+are|\s+would be|\s+will be|\s+should i (?:get|rent|pick|use|choose))?\s+"
    r"(?:the\s+)?(?:cheaper|cheapest|faster|fastest|better|best|quicker|more (?:cost[- ])?efficient|less expensive)\b"
)


# the card of the last turn set against one named now: "how does it compare to the H200?", "is it faster than an A100?"
_COMPARES_IT = re.compile(
    r"\b(?:it|that|this one|that one|this card|that card)\b[^.?!]{0,25}\b(?:compare[sd]?|stack up|measure up|"
    r"against|vs\.?|versus|than)\b|\b(?:compare|comparing)\s+(?:it|that|this one|that one)\b"
)


def _cards_of_two_turns(
    question: str, details: Details, intent: Intent, previous: Understanding
) -> tuple[Details, Intent]:
    """A follow-up naming another card in place of the last ("and an L4?") keeps the one set aside; "which is
    cheaper?" after it weighs the two cards for the workload discussed (a comparison), not the cheapest of all."""
    before = previous.details
    if (
        len(details.gpus) == 1
        and before.gpus
        and details.gpus[0] not in before.gpus
        and _COMPARES_IT.search(question.lower())
    ):  # "how does it compare to the H200?" after the MI300X: the two cards side by side
        return replace(
            details, gpus=(before.gpus[0], details.gpus[0]), gpu_count=None, cards_weighed=True
        ), Intent.COMPARE
    if (
        len(details.gpus) == 1
        and len(before.gpus) == 1
        and details.gpus != before.gpus
        and not details.cards_weighed
        and (details.has_workload or not before.has_workload)  # the same workload, or cards priced one by one
    ):
        return replace(details, earlier_gpus=before.gpus), intent
    if (
        details.gpus in ((), before.gpus)  # none named now (or the last card kept)
        and before.earlier_gpus
        and before.gpus
        and _WHICH_OF_THE_CARDS.search(question.lower())
    ):
        cards = tuple(dict.fromkeys((*before.earlier_gpus, *before.gpus)))
        return replace(details, gpus=cards, gpu_count=None, cards_weighed=True), Intent.COMPARE
    return details, intent


def _price_range(offerings):
    """name -> on-demand (lowest, median, highest) per-GPU-hour price and the lowest spot one, or None."""

    def price_range(name: str):
        demand = offerings.price_stats(name)
        if demand.min is None:
            return None
        return demand.min, demand.median, demand.max, offerings.price_stats(name, spot=True).min

    return price_range


_VARIANT_SIZE = re.compile(r"\b(\d+)\s*(?:gb|g)\s+(?:cards?|gpus?|versions?|variants?|models?|ones?)\b")


def _every_mac(details: Details, catalog: Catalog) -> Details:
    """A Mac whose chip and memory were not said: every Apple Silicon configuration in the catalog, one machine
    each, run the way Macs run models (GGUF under llama.cpp / Ollama / LM Studio)."""
    macs = sorted((g for g in catalog if g.vendor == "Apple"), key=lambda g: (g.memory_gb, g.name))
    return replace(
        details,
        gpus=tuple(g.name for g in macs),
        gpu_count=1,
        local=True,
        runtime=details.runtime or "llama.cpp",
    )


# "it fits on one?", "on a single one", "with just one card": one of the GPUs talked about
_ON_ONE = re.compile(
    r"\b(?:on|with|in|using|onto|into)\s+(?:just |only |a single |one single )?(?:one|1|a single)\b"
    r"(?:\s+(?:of them|card|gpu|one))?(?!\s*(?:b\b|billion|[a-z]*\d))"
    # "with just one user", "on one node": a count of something else, not of the cards
    r"(?!\s+(?:users?|person|people|requests?|sequences?|prompts?|clients?|epochs?|batch|samples?|examples?|nodes?|"
    r"servers?|machines?|process(?:es)?)\b)"
    # "and just one of them?", "only one card?": one of the cards said, with no preposition before it
    r"|\b(?:just|only)\s+(?:one|1|a single)\s+(?:of (?:them|those|these)|card|gpu)\b"
    r"|^\W*(?:and\s+|what about\s+|how about\s+)?one of (?:them|those|these)\b"
)


# "what about 50?", "and a hundred?", "or 8?": a number alone, for the count the last turn was about
_BARE_NUMBER = re.compile(
    r"^\W*(?:(?:and|or|so|ok(?:ay)?|but)\W+)*(?:what about|how about|what if|and if|with|for|at|then|maybe|even|only)?\s*"
    r"(?:like |about |around |roughly |say |just |only )?(\d{1,7})\s*(?:then|instead|now|too)?\W*$"
)


def _bare_number(text: str, details: Details, earlier: Details) -> Details:
    """A number said alone after a question with a count in it is that count again: users (or batch) when the
    last question had them, else GPUs, else a context length."""
    m = _BARE_NUMBER.match(_digits(text))
    if not m or details.batch or details.gpu_count or details.context:
        return details
    n = int(m.group(1))
    if earlier.batch and n >= 1:
        return replace(details, batch=n)
    if (earlier.gpu_count or earlier.gpus) and 1 <= n <= 64:
        return replace(details, gpu_count=n)
    if earlier.context and n >= 256:
        return replace(details, context=n)
    return details


def _same_chip_other_memory(
    details: Details, earlier: Details, catalog: Catalog, question: str | None = None
) -> tuple[Details, bool]:
    """'What if I get the 128GB version?' after an M3 Max 36GB: the catalog's variant of the GPU said before
    with the memory now stated. When no variant has it ('would a Mac Studio with 128 GB work instead?' after
    a 4090), the stated memory replaces the earlier GPUs: the second value says whether they are dropped."""
    if (
        details.ram_gb
        and not details.gpus
        and earlier.gpus
        and all(catalog.by_name(n).vendor == "Apple" for n in earlier.gpus)
    ):
        # "isn't 48 GB of RAM enough?" after a Mac: a Mac's RAM is its unified memory, the GPU's too
        details = replace(details, stated_memory_gb=details.ram_gb, ram_gb=None, cpu_only=False)
    elif (
        details.ram_gb
        and not details.gpus
        and earlier.gpus
        and earlier.owns_gpus
        and not earlier.cpu_only
        and not (question is not None and _CPU_SAID.search(question.lower()))
    ):
        # "I have 32GB of RAM too" after "can I run Mixtral on my 3070?": the system RAM beside their card, where
        # llama.cpp keeps the layers that do not fit on it — not a run from RAM alone on the CPU
        details = replace(
            details, host_ram_gb=details.ram_gb, ram_gb=None, stated_memory_gb=None, cpu_only=False
        )
    size, said_alone = details.stated_memory_gb, False
    if size is None and question is not None:  # "do I need 80GB cards?": a size of the same card, not owned
        named = _VARIANT_SIZE.search(plain_units(_digits(question.lower())))
        size, said_alone = (float(named.group(1)), True) if named else (None, False)
    if details.gpus or not earlier.gpus or size is None:
        return details, False
    swapped = []
    for name in earlier.gpus:
        gpu = catalog.by_name(name)
        base = _without_memory(gpu.name)
        same_size = [g for g in catalog if g.memory_gb == size and g.vendor == gpu.vendor]
        # the same card with that memory, else the same chip in another form factor ("what if I only had 40GB
        # cards?" after A100 80GB SXM: the A100 40GB)
        variant = next((g for g in same_size if _without_memory(g.name) == base), None) or next(
            (g for g in same_size if _chip(g.name) == _chip(gpu.name)), None
        )
        if variant is None:
            return details, not said_alone
        swapped.append(variant.name)
    return replace(details, gpus=tuple(swapped), stated_memory_gb=None), False


def _asks_of_own_hardware(question: str, details: Details, earlier: Details) -> bool:
    """Whether a new question about a workload, naming no hardware, asks what the user's own GPUs (said in an
    earlier turn) can do: a yes/no, a time or a speed, not "which GPU should I buy"."""
    if not earlier.owns_gpus or not earlier.gpus or not details.has_workload:
        return False
    if details.gpus or details.stated_memory_gb or details.providers or details.instance or details.cheaper:
        return False
    t = question.lower()
    if _NEW_TARGET.search(t) or re.search(r"\b(?:buy|rent|purchase|cloud)\b", t):
        return False
    return (
        details.yes_no
        or details.wants_time
        or bool(re.search(r"\bhow fast\b|\btok(?:en)?s?\s*(?:/|per)\s*s", t))
    )


_HOW_MANY_GPUS = re.compile(
    r"\bhow many\b(?! (?:\w+ )?(?:users|people|requests|tokens|t/s|tok|hours|days|minutes|concurrent|more\b))"
    r"|\bnumber of (?:gpus|cards)\b"
)
_SIZE_WORD = re.compile(r"(?<![\w.])((?:\d+\s*x\s*)?\d+(?:\.\d+)?\s*b)\b", re.IGNORECASE)
# "the 7B one, not the 40B", "13b instead of the 7b", "rather than 70B": a size set aside, not the one asked about
_NEGATED_SIZE = re.compile(
    r"\b(?:not|instead of|rather than)\s+(?:the\s+|a\s+)?(?:\d+\s*x\s*)?\d+(?:\.\d+)?\s*(?:b|bn|billion)\b"
    r"(?:\s+(?:one|version|variant|model))?",
    re.IGNORECASE,
)


def _same_family(question: str, details: Details, earlier: Details, models: ModelSpecs) -> Details:
    """'and the 13B?' after Llama 2 7B is Llama 2 13B, 'the 8x22B version' after Mixtral 8x7B is Mixtral
    8x22B: a size said alone in a follow-up is the earlier model's family at that size, when the specs have it."""
    if details.model is not None or details.unknown_model or earlier.model is None:
        return details
    family = re.sub(r"\s*(?:\d+\s*x\s*)?\d+(?:\.\d+)?\s*[bm]\b.*$", "", earlier.model, flags=re.IGNORECASE)
    if not family or family == earlier.model:
        return details
    for m in _SIZE_WORD.finditer(_NEGATED_SIZE.sub(" ", question)):
        found = models.find_in_text(f"{family} {m.group(1).replace(' ', '')}")
        if (
            found
            and found[0].name != earlier.model
            and (details.params is None or abs(found[0].params - details.params) < 0.15 * details.params)
        ):
            return replace(details, model=found[0].name, params=found[0].params)
    return details


def _names_the_earlier_among_others(question: str, details: Details, earlier: Details) -> bool:
    """Whether a follow-up names several model sizes, the conversation's among them ("7b and 13b work, 30b
    only at 1024 tokens, 65b never"): the others are the user's background, the question is still the earlier
    model's."""
    if details.params is None or earlier.params is None:
        return False
    named = (details.model, *details.compared_models) if details.compared_models else ()
    if earlier.model and named and earlier.model not in named:
        return False  # "Llama 3.1 70B and Qwen2.5 7B" after "Llama 3 8B": other models by name, not its sizes
    plain = re.sub(r"\b\d+\s*x\s*\d+(?:\.\d+)?\s*b\b", " ", plain_units(_digits(question.lower())))
    plain = _NEGATED_SIZE.sub(" ", plain)  # "the 7B one, not the 40B": the 40B is set aside, not weighed
    sizes = {_scaled(m.group(1), m.group(2)) for m in _PARAMS.finditer(plain)}
    sizes = {v for v in sizes if 1e7 <= v <= 5e12}
    return len(sizes) >= 2 and any(abs(v - earlier.params) < 0.15 * earlier.params for v in sizes)


def _same_model_again(question: str, details: Details, earlier: Details) -> bool:
    """'Can I run Llama-2-70b-chat with 4 x 3090?' after '4-bit inference of Llama 2 70B': the model of the
    last turn named again, with nothing of its own about how it is run (no method, format or context), is the
    same workload on other hardware or in another shape; what was said of it before (4-bit, LoRA, the
    context) still holds."""
    if earlier.model is None or details.model != earlier.model or details.compared_models:
        return False
    same_task = (
        details.task in (None, earlier.task)
        or (earlier.task is None and details.task is Task.INFERENCE)  # a size asked, then "can I host it"
        or (  # "fine-tune it" after a LoRA question: the run discussed
            details.method_unstated
            and details.task.is_training
            and earlier.task is not None
            and earlier.task.is_training
        )
    )
    own = (details.precision, details.context, details.batch, details.tokens)
    return same_task and all(v is None for v in own) and not _CONCEPT.search(question.lower())


def _states_what_they_have(question: str, details: Details, earlier: Details) -> bool:
    """'I have 24GB', 'my card has 16 GB' after a sizing question: the memory the user has, said with no
    workload of its own, answers the question the last reply left open; it is asked of the last workload."""
    return (
        earlier.has_workload
        and not details.has_workload
        and not details.unknown_model
        and not details.gpus
        and details.stated_memory_gb is not None
        and not _CONCEPT.search(question.lower())
    )


# an error pasted or reported: PyTorch's OOM, an engine's ValueError / RuntimeError, a traceback
_ERROR_REPORT = re.compile(
    r"out ?of ?memory|\boom(?:s|ed|ing)?\b|\b\w*(?:error|exception)\b\s*:|\btraceback\b|\bkilled\b"
)


# an out-of-memory error the user hit ("OOM at step 1", "CUDA out of memory", "ran out of memory")
_RAN_OUT = re.compile(
    r"out ?of ?memory|outofmemory|\boom(?:s|ed|ing|'d)?\b|\bout of (?:(?:the )?(?:gpu|cuda|video|device) )?(?:memory|mem|vram)\b"
)


def _reports_an_error_of_it(question: str, details: Details, earlier: Details) -> bool:
    """'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 1002.00 MiB' after 'LoRA on Llama 3
    8B on a T4?': an error message with no workload of its own is what the last workload did when they ran it,
    not a question about CUDA."""
    return (
        earlier.has_workload
        and not details.has_workload
        and not details.unknown_model
        and bool(_ERROR_REPORT.search(question.lower()))
    )


def _earlier_variant(question: str, details: Details, earlier: Details, catalog: Catalog) -> Details:
    """'Would two V100 work?' after 'I have a V100 32GB': a GPU named again without its memory is the variant
    said before, not the catalog's default for the bare name."""
    if not details.gpus or not earlier.gpus:
        return details
    t = question.lower()
    swapped = []
    for name in details.gpus:
        gpu = catalog.by_name(name)
        said = gpu.memory_gb and re.search(rf"\b{gpu.memory_gb:.0f}\s*g", t)
        same = next(
            (e for e in earlier.gpus if e != name and _chip(e) == _chip(name) and e not in details.gpus), None
        )
        swapped.append(same if same and not said else name)
    return replace(details, gpus=tuple(dict.fromkeys(swapped)))


def _chip(name: str) -> str:
    return re.sub(r"\s*(?:\d+\s*GB|SXM\d?|PCIe|NVL)\b", "", name).strip()


def _without_memory(name: str) -> str:
    return re.sub(r"\s*\d+\s*GB\b", "", name).strip()


def _plausible(intent: Intent, details: Details) -> bool:
    """Whether an intent the examples voted for can be answered from what the question states."""
    if intent is Intent.COMPARE:
        return len(details.gpus) >= 2
    if intent is Intent.MY_HARDWARE:
        return bool(details.gpus or details.stated_memory_gb)
    if intent is Intent.SPEC:
        return bool(details.gpus)
    if intent is Intent.PRICE:  # as the rules: a price needs a GPU or a filter to look up
        return bool(details.gpus or details.vendor or details.min_memory_gb or details.budget_per_hour)
    return intent is not Intent.NON_LLM  # the workloads file decides that, not resemblance


# a follow-up that asks a yes / no of its own: "would it fit then?", "is that enough?", "can I do it on one?"
_OWN_YES_NO = re.compile(
    r"\b(?:can|could|will|would|does|do|is|are|should|did)\s+(?:i|we|it|this|that|they|one|he|she|you)\b"
    r"|\b(?:fits?|enough|possible|feasible|doable|work)\s*\?|\b(?:right|correct|true)\s*\?"
)
# a turn that only says a detail, asking nothing of its own: "on an h100 instead?", "each example is about 800
# tokens", "my samples are around 300", "4 of them": the earlier question, on that detail
_ASKING_OPENER = re.compile(
    r"^\W*(?:how|what|whats|what's|which|why|when|where|who|can|could|will|would|does|do|did|is|are|should|shall|"
    r"may|might|tell|explain|compare|recommend|give|list|show)\b"
)


def _detail_only(text: str) -> bool:
    """Whether ``text`` (lower case) is a short turn that says a detail without asking anything of its own."""
    return len(re.findall(r"\w+", text)) <= 12 and not _ASKING_OPENER.search(text)


_LEAD = re.compile(
    # after any thanks / "ok," / "got it.": a sentence that opens by leaning on the last turn
    r"^\s*(?:(?:thanks?(?: you)?|thx|ty|ok(?:ay)?|cool|great|nice|perfect|got it|i see|makes sense|alright)\b[\s!.,:;-]*)*"
    r"(?:and|what about|how about|what if|and if|if|or|but|then|also|same|instead|with|without|in|for|at|"
    r"using|ok(?:ay)?|so|now|hmm+|sorry|i meant|actually|rather|wait|switch(?:ing)? to)\b"
)
# "cheaper?", "anything faster?", "a cheaper option?", "any less expensive gpu??": only the comparison, so the
# earlier question's shape (a monthly bill, a speed, users) stays the answer's
_BARE_COMPARATIVE = re.compile(
    r"^\s*(?:(?:is there |got |maybe |any ?thing |some ?thing |any |an? )?(?:even |a bit |much )?"
    r"(?:cheaper|less expensive|more affordable|faster|quicker)"
    r"(?:\s+(?:option|alternative|one|gpu|card|setup|instance|choice|way|place|provider)s?)?"
    r"(?:\s+(?:then|instead|possible|available|out there))?\s*[?!.]*\s*$)"
)
_REFERENCE = re.compile(
    r"\bwhich one\b|\bwhich (?:is|would|should|of them)\b|\bthat one\b|\bthe same\b|\bthose\b|\bthem\b|\bit\b|\bthey\b|\binstead\b|\bthis\b|\bthat\b"
)


_SPEC_ONLY = re.compile(
    r"\bspecs?\b|\bbandwidth\b|\btflops\b|\bprice\b|\bcost\b|\bwhat is\b|\btell me about\b"
)
_ASKS_OF_IT = re.compile(
    r"\bhow many\b[^?]*\b(?:it|that|this|we|i)\b|\b(?:would|will|does|can) (?:it|that|this)\b"
)
_SAME_AS_BEFORE = re.compile(
    r"\b(?:the|that|this) same\b|\bsame (?:card|gpus?|setup|hardware|machine|config|settings?|node|server)\b"
    r"|\bstill (?:fit|work|run|be enough)\b"
)
_OTHER_VERSION = re.compile(r"\bthe [\w.-]+ (?:one|version|variant|model|size)\b")
# "why?", "how come?", "why not?", "how did you get that?", "explain that": the reasons for the last answer
_WHY = re.compile(
    r"^\W*(?:(?:but|and|ok(?:ay)?|hm+|so|really|wait)\W+)*(?:why(?: (?:not|so|is that|is it|that one|this one|those|"
    r"that|though|would (?:it|that)|"
    r"does (?:it|that)|do(?:es)?n'?t it|would(?:n'?t| not) it|wo(?:n'?t|uld not)(?: it)?|can'?t (?:i|it|we)|so much|so many|"
    r"that much|that many|is it (?:so|that) (?:much|high|big|many)))?|how come|how so|"
    r"how did you (?:get|calculate|compute|work out|arrive at|come up with)\b[^?]{0,30}|"
    r"where (?:does|did) (?:that|this|it) (?:number |figure |estimate )?come from|"
    r"(?:can you |could you |please )?(?:explain|justify|show)(?: (?:that|this|it|why|how|me|the math|your (?:math|working)))*)"
    r"\W*(?:please)?\W*$"
)
# the question answers the assistant's last reply ("it seems like you are saying...", "as you said")
_ABOUT_THE_REPLY = re.compile(
    r"\byou(?:'re| are)? (?:saying|said|suggest(?:ed|ing)?|mean|meant|recommended)\b|\byour (?:answer|reply|suggestion|estimate)\b"
    r"|\byou (?:respond\w*|answer\w*|repl(?:y|ied)|gave me|talk\w* about)\b|\b(?:i|we) (?:asked|was asking|were asking|meant) (?:for|about)\b"
    r"|\bnot what (?:i|we) asked\b"
)
# what a question without a workload of its own asks of the last one: hardware it needs, a figure, a verdict
_ASKS_FOR_WORKLOAD = re.compile(
    r"\b(?:need|needs|needed|require[sd]?|requirements?|reqs?|minimum|min|smallest|cheapest|enough|fit|fits|"
    r"how (?:long|much|many|fast)|cost|price|version|which (?:gpu|card|one|instance)s?|"
    r"what (?:gpu|card|hardware|instance)s?|buy|rent|purchase|reduce|lower|workaround|trick|"
    r"(?:any|other) (?:way|option|alternative)s?|settings?|config(?:uration)?|flags|tips)\b|\bthen\W*$"
    # the format of the same setup: "what quant?", "which precision?", "what gguf should i get?"
    r"|\b(?:what|which)\s+(?:quant\w*|precision|format|dtype|gguf|bits?)\b"
    # a setting or figure of the same setup: "what context length can I get?", "throughput?", "how many users?"
    r"|\b(?:context(?: length| window| size)?|throughput|latency|speed|tokens?\s*(?:/|per)\s*s\w*|tok/s|t/s|"
    r"concurrent(?:ly)?|at the same time|in parallel|queued?|batch(?: size)?|vram|memory)\b"
    r"|\bwhy (?:so much|so many|so slow|(?:does|would|is) (?:it|that|this))\b"
)
_CONCEPT = re.compile(
    r"\bdifference\b|\bexplain\b|\bmean(?:s|ing)?\b|\bdefin(?:e|ition)\b|\bvs\.?\b|\bversus\b"
)
# a follow-up asking for hardware for the last workload rather than about the card named before
_NEW_TARGET = re.compile(
    r"\b(?:minimum|min|smallest|cheapest|which|what)\s+(?:\w+\s+)?(?:gpus?|cards?|hardware|instances?|setup)\b"
    r"|\bgpu req|\b(?:hardware|gpu|vram) requirements?\b|\bwhat (?:do|would|will|should) (?:i|we) (?:need|buy|get)\b"
)
# "on a 3090?", "with an L4?": a card alone behind a preposition, the last question asked of it
_ON_CARD_ALONE = re.compile(r"\s*(?:on|with|using)\s+(?:an?\s+|the\s+|my\s+)?[\w .-]{2,30}\?\s*$")
_STILL = re.compile(
    r"\bstill\b|\binstead\b|\bincreas|\bmore\b|\benough\b|\bfit\b|\bwork\b|\bhelp\b|\bsolve\b"
)


# another model asked for, none named: "a smaller model?", "what size model would fit instead?", "which models can it
# run then?", "the biggest one it can handle?" (a model to run there, not a card, a setting or a figure)
_ANOTHER_MODEL = re.compile(
    r"\b(?:smaller|lighter|tinier|less demanding|lower[- ]param(?:eter)?)\s+(?:\w+\s+)?"
    r"(?:models?|llms?|ones?|versions?|variants?|sizes?)\b"
    r"|\bwhat (?:size|sizes) (?:of )?(?:models?|llms?)\b|\bwhich (?:size|sizes)\b"
    r"|\bhow (?:big|large) (?:of )?an? (?:model|llm)\b"
    r"|\b(?:which|what) (?:other )?(?:models?|llms?)\b"
    r"|\b(?:biggest|largest|best|smartest) (?:\w+ )?(?:models?|llms?|ones?)\b"
    r"|\bwhat (?:else )?(?:can|could|would|will) (?:it|i|we|my|this|that|the)\b(?:\s+\w+){0,2}\s+(?:run|fit|handle|load)\b"
    r"(?!\s+(?:it|this|that|them|on|with|me|us|you)\b)"  # "what would that run me a month?" asks a cost
    r"|\bwhat (?:else )?(?:can|could|would|will|might) (?:run|fit|work)\b"
    r"|\b(?:something|anything|one) (?:a bit |much )?(?:smaller|lighter|less demanding)\b"
    r"|\bwhat fits\b"
)


def _asks_another_model(question: str, own: Details) -> bool:
    """Whether a follow-up asks for some other model to run (``own``: its details before the merge), naming none."""
    if own.has_workload or own.unknown_model or own.compared_models:
        return False
    return bool(own.family_ladder) or bool(_ANOTHER_MODEL.search(question.lower()))


# the CPU said as where the model runs: "on the CPU only", "without the GPU", "no gpu"
_CPU_SAID = re.compile(
    r"\bcpu\b|\bwithout (?:a |the |my |any )?(?:gpu|graphics card)\b|\bno (?:gpu|graphics card)\b"
)


def _names_the_model_left_unsaid(question: str, details: Details, earlier: Details) -> bool:
    """'it's a 7B llama model' after 'can I fine-tune on 2 GPUs with 24GB each?': a short turn naming only the model
    that the earlier question about the user's hardware left unsaid."""
    return (
        not earlier.has_workload
        and not earlier.unknown_model
        and bool(earlier.gpus or earlier.stated_memory_gb)
        and details.has_workload
        and not (details.gpus or details.stated_memory_gb or details.any_mac)
        and _detail_only(question.lower())
    )


def _has_hardware(details: Details) -> bool:
    """Whether the hardware to run on is known: cards, their memory, a Mac or the CPU with its RAM."""
    return bool(
        details.gpus
        or details.stated_memory_gb
        or details.unlisted_gpu
        or details.any_mac
        or (details.cpu_only and details.ram_gb)
    )


def _is_follow_up(
    question: str, details: Details, intent: Intent | None, previous_workload: bool = False
) -> bool:
    """Whether the question leans on the last turn: 'and with QLoRA?', 'which one is cheaper?'."""
    t = question.lower()
    if previous_workload and (_BARE_FULL.search(t) or _BARE_SETTING.search(t)):
        return True  # "full?", "qlora?", "4 bit?" alone after a sizing: that one setting changed
    if intent in (Intent.GREETING, Intent.OUT_OF_SCOPE):
        return False
    if _LEAD.search(t):
        return True
    if previous_workload and (_CORRECTION.search(t) or _NEGATED_SIZE.search(t)):
        return True  # "not the 13B, I meant the 7B", "no, the 8B one": the last question, corrected
    standalone = details.has_workload or bool(details.gpus)
    sentences = re.split(r"(?<=[.!?])\s+", t.strip())
    if (
        not standalone
        and len(sentences) > 1
        and len(re.findall(r"\w+", t)) <= 20
        and any(_LEAD.search(s) for s in sentences[1:])
    ):
        return True  # "too expensive. what if we go qlora?": a short reaction, then a sentence leaning on the last turn
    if _REFERENCE.search(t) and not standalone:
        return True
    if (
        previous_workload
        and details.gpus
        and not details.has_workload
        and not _SPEC_ONLY.search(t)
        and (
            details.gpu_count
            or _STILL.search(t)
            or _ASKS_OF_IT.search(t)
            or _ON_CARD_ALONE.match(t)
            or re.search(r"\bhow many\b", t)
        )
    ):
        return True  # "and on 8 x A10G?", "on a 3090?", "how many H200s?" after a workload: the same workload there
    if previous_workload and details.any_mac and not details.has_workload and not _SPEC_ONLY.search(t):
        return True  # "would a Mac do?": the same workload on a Mac
    if (
        previous_workload
        and details.gpus
        and not details.has_workload
        and not _SPEC_ONLY.search(t)
        and (_detail_only(t) and not t.rstrip().endswith("?"))
    ):
        return (
            True  # "64GB M1 Max" after "can I run it on my Mac?": the hardware the last question left unsaid
        )
    if (
        previous_workload
        and details.has_workload
        and not details.gpus
        and details.task is None
        and (len(re.findall(r"\w+", t)) <= 5 or _OTHER_VERSION.search(t))
    ):
        return True  # "the 70b one?", "Qwen 14B?": the same question about another model
    if previous_workload and _SAME_AS_BEFORE.search(t):
        return True  # "the 70B with the same LoRA setup on that same card": one detail changed
    if (
        previous_workload
        and not standalone
        and not details.unknown_model
        and intent is not Intent.NON_LLM
        and not _CONCEPT.search(t)
        and (details.providers or details.instance or _ASKS_FOR_WORKLOAD.search(t))
    ):
        return True  # "which card would I need?", "how much would that cost?", "on AWS?": the last workload
    if previous_workload and not standalone and example_length(question) is not None:
        return True  # "each example is about 800 tokens", "my samples are ~300 tokens": the last job's data
    if standalone or (intent is Intent.EXPLAIN and _EXPLAIN.search(t)):
        return False
    modifiers = (
        details.task, details.precision, details.context, details.batch, details.budget_per_hour,
        details.vendor, details.tokens, details.zero_stage, details.optimizer, details.kv_precision,
        details.memory_fraction, details.runtime, details.gradient_checkpointing,
    )  # fmt: skip
    if details.cpu_offload or details.data_parallel:
        modifiers = (*modifiers, True)  # "would zero3 with offload work?": a training setting changed
    short = len(re.findall(r"\w+", t)) <= 6 and not re.match(
        r"\s*(?:what|which|how|does|do|is|are|can|could|should|tell|list|show)\b", t
    )
    # "I will use 8-bit quantization and LoRA", "we'd be using deepspeed zero 3 with offload": the user's own setup
    # for the workload just discussed, said as a statement of any length
    own_setup = previous_workload and bool(_OWN_SETUP.match(t))
    # "just two users, and we can live with int4": a short turn of details only, asking nothing of its own
    details_only = previous_workload and _detail_only(t) and not t.rstrip().endswith("?")
    return (short or own_setup or details_only) and (
        any(m is not None for m in modifiers) or details.cheaper or details.faster
    )


# a turn correcting the last one: "I meant the 7B", "no, with LoRA", "sorry, for inference"
_CORRECTION = re.compile(r"\b(?:i|we) mean(?:t)?\b|^\W*(?:no|nope|sorry|oops)\b\W")
_OWN_SETUP = re.compile(
    r"\s*(?:(?:ok(?:ay)?|well|so|hmm+|right)\W+)?(?:i|we)(?:'ll|'d| will| would| am| are|'m|'re| plan to| want to|"
    r" intend to| can| could)?\s+(?:be\s+|going to\s+|gonna\s+)?(?:use|using|go with|going with|try|trying|run|"
    r"running|do|doing|train|training|load|loading|quantize|quantizing|fine-?tune|fine-?tuning|finetune|finetuning|"
    r"switch|switching|serve|serving|deploy|deploying|host|hosting)\b"
)


# "and per week?", "over a whole year?", "monthly?": the period a price is asked over
_PRICE_PERIOD = re.compile(
    r"\b(?:per|a|an|each|every|for a|for one|over a|over one|for the|over the)\s+(?:whole\s+|full\s+)?"
    r"(?:hour|day|week|month|year)\b|\b(?:hourly|daily|weekly|monthly|yearly|annually|annual)\b"
)


def _follow_up_intent(
    question: str, details: Details, intent: Intent | None, previous: Understanding
) -> Intent:
    t = question.lower()
    if (
        (
            previous.intent is Intent.COMPARE
            or (previous.intent is Intent.SIZE and len(previous.details.gpus) >= 2)
        )
        and details.has_workload
        and len(details.gpus) >= 2
        and not _NEW_TARGET.search(t)
        and intent is not Intent.NON_LLM
    ):
        return (
            Intent.COMPARE
        )  # "cheaper?", "and on AWS?" after "A100 vs H100 for X": the same cards weighed again
    if (
        previous.intent in (Intent.COMPARE, Intent.PRICE, Intent.SPEC)
        and not details.has_workload
        and details.gpus
    ):
        if details.cheaper or _PRICE.search(t):
            return Intent.PRICE
        if previous.intent is Intent.PRICE and not _SPEC.search(t) and intent in (None, Intent.SPEC):
            return Intent.PRICE  # "and an A100?" after an H100's price: the price of that one
        if previous.intent is Intent.PRICE and asks_market(question, details):
            return Intent.PRICE  # "and on-demand in europe?" after a price: still the price, now there
        if (
            previous.intent is Intent.PRICE
            and not _SPEC.search(t)
            and (_PRICE_PERIOD.search(t) or _WHY.search(t))
        ):
            return Intent.PRICE  # "and for a month?", "why so much?" after a price: still the price
        if intent in (None, Intent.EXPLAIN, Intent.RECOMMEND, Intent.OUT_OF_SCOPE):
            return Intent.COMPARE if len(details.gpus) > 1 else Intent.SPEC
    if details.has_workload and intent in (
        None, Intent.EXPLAIN, Intent.PRICE, Intent.SPEC, Intent.OUT_OF_SCOPE, Intent.RECOMMEND
    ) and details.gpus and not previous.details.gpus and (
        details.owns_gpus or bool(_OWNS.search(previous.question.lower()))
    ):  # fmt: skip
        # "i want to fine-tune mistral 7b" then "on my 4090", "would it run on my machine?" then "an M2 Ultra,
        # 128GB": whether it fits there
        return Intent.SIZE
    if (
        previous.intent is Intent.MY_HARDWARE
        and not details.has_workload
        and not details.unknown_model
        and details.task is not None
        and (details.gpus or details.stated_memory_gb or details.any_mac)
        and intent in (None, Intent.EXPLAIN, Intent.RECOMMEND, Intent.OUT_OF_SCOPE)
        and len(re.findall(r"\w+", t)) <= 8
    ):
        return (
            Intent.MY_HARDWARE
        )  # "and for fine-tuning?" after "what can my 3080 run?": what it trains there
    if (
        previous.intent is Intent.MY_HARDWARE
        and not previous.details.has_workload
        and details.has_workload
        and (details.gpus or details.stated_memory_gb)
        and intent in (None, Intent.EXPLAIN, Intent.RECOMMEND, Intent.SPEC, Intent.OUT_OF_SCOPE)
    ):
        return (
            Intent.SIZE
        )  # "it's a 7B llama model" after "can I fine-tune on my two 24GB cards?": it on them
    if details.has_workload and intent in (
        None, Intent.EXPLAIN, Intent.PRICE, Intent.SPEC, Intent.OUT_OF_SCOPE
    ):  # fmt: skip
        return previous.intent if previous.intent in (Intent.RECOMMEND, Intent.SIZE) else Intent.RECOMMEND
    return intent or previous.intent


def replace_details(understanding: Understanding, **changes) -> Understanding:
    """A copy with some details changed (used when defaults are filled in)."""
    return replace(understanding, details=replace(understanding.details, **changes))
