"""Serving engines named in a question ("vLLM vs Ollama", "TGI or llama.cpp") and whether it asks how their
speed compares (pure)."""

from __future__ import annotations

import re

__all__ = [
    "BATCHING_ENGINES",
    "BATCHING_ENGINE_WORDS",
    "PAGE_BEFORE",
    "above_share",
    "asks_engine_feature",
    "asks_engine_limit",
    "asks_engine_memory",
    "asks_engine_speed",
    "asks_engine_take",
    "asks_for_an_option",
    "cache_blocks_error",
    "engine_choice",
    "engine_memory_seen",
    "engines_named",
    "kv_cache_error",
    "ollama_parallel",
    "startup_oom",
    "usage_figures",
]

# engine -> how people write it; the first group batch many requests continuously on a GPU server
_ENGINES = {
    "vLLM": r"\bvllm\b",
    # its launcher's and shards' own log lines name it too: "Error: ShardCannotStart", "text_generation_launcher"
    "TGI": r"\btgi\b|\btext[- ]generation[- ]inference\b|\bshardcannotstart\b|\btext_generation_(?:launcher|server)\b",
    "SGLang": r"\bsglang\b",
    "TensorRT-LLM": r"\btensorrt[- _]?llm\b|\btrt[- _]?llm\b",
    "LMDeploy": r"\blmdeploy\b",
    "Ollama": r"\bollama(?:\b|_)",  # OLLAMA_NUM_PARALLEL, OLLAMA_HOST: its settings name it too
    "llama.cpp": r"\bllama[. ]?cpp\b",
    "LM Studio": r"\blm ?studio\b",
    "ExLlamaV2": r"\bexllama(?:v2)?\b",
    "Hugging Face transformers": r"\b(?:hf|hugging ?face) transformers\b|\bmodel\.generate\b",
}
BATCHING_ENGINES = ("vLLM", "TGI", "SGLang", "TensorRT-LLM", "LMDeploy")
_PATTERNS = {name: re.compile(p) for name, p in _ENGINES.items()}
# the batching servers by how people write them, as one pattern ("usable for vLLM", "good with SGLang")
BATCHING_ENGINE_WORDS = "|".join(f"(?:{_ENGINES[name]})" for name in BATCHING_ENGINES)
_SPEED = re.compile(
    r"\bfast(?:er|est)?\b|\bspeed|\bslow(?:er)?\b|\bthroughput\b|\btokens?\s*(?:/|per)\s*s|\bt/s\b|\bsame\b|"
    r"\bperformance\b|\blatency\b|\bquicker\b"
)


def engines_named(text: str) -> tuple[str, ...]:
    """The engines ``text`` names, in the order they appear."""
    t = text.lower()
    hits = [(m.start(), name) for name, p in _PATTERNS.items() if (m := p.search(t))]
    return tuple(name for _, name in sorted(hits))


# a serving feature asked of an engine: adapters, speculation, several nodes, two tasks or models in one instance
_FEATURE = re.compile(
    r"\bmulti[- ]?loras?\b|\b(?:several|many|multiple|different|two|\d+|lots of|hundreds of)\s+(?:[\w-]+\s+)?"
    r"(?:lora\s+)?adapters\b|\bloras? adapters\b"
    r"|\bspeculative decoding\b|\bspeculat\w+\b|\bdraft model\b|\beagle\b|\bmedusa\b"
    r"|\bmulti[- ]?node\b|\b(?:across|over|between)\s+(?:nodes|machines|hosts)\b"
    r"|\b(?:across|over|on|between)\s+(?:\d+|two|three|four|several|multiple|many)\s+(?:[\w-]+\s+)?"
    r"(?:nodes|machines|hosts|servers|boxes)\b"
    r"|\b(?:\d+|two|several|multiple) (?:nodes|machines|hosts) with\b"
    r"|\bembed\w*\b[^.?!]{0,40}\band\b[^.?!]{0,25}\b(?:generat\w*|chat\w*|completions?)\b"
    r"|\b(?:generat\w*|chat\w*|completions?)\b[^.?!]{0,40}\band\b[^.?!]{0,25}\bembed\w*"
)
# asked as a capability: "does vLLM support…", "can vllm span…", "is it possible to…", "how do I serve…"
_CAPABILITY = re.compile(
    r"\b(?:does|do|can|could|will|is it possible|possible to|is there a way|any way|how (?:do|can|to))\b"
    r"|\bsupport|\ba thing\b|\bavailable\b"
)


def asks_engine_feature(text: str) -> bool:
    """Whether ``text`` asks if a serving engine it names has a feature (several LoRA adapters, speculative decoding,
    several nodes, generation and embeddings in one instance) — a capability the guides answer, not a sizing."""
    t = text.lower()
    return bool(engines_named(text) and _FEATURE.search(t) and _CAPABILITY.search(t))


def asks_engine_speed(text: str) -> bool:
    """Whether ``text`` compares the speed of a batching server (vLLM, TGI…) with an engine that runs one
    request at a time or a few fixed slots (Ollama, llama.cpp, transformers…), or of two such engines
    ("ExLlamaV2 vs llama.cpp on a 3090")."""
    named = engines_named(text)
    single = [n for n in named if n not in BATCHING_ENGINES]
    return ((any(n in BATCHING_ENGINES for n in named) and bool(single)) or len(single) >= 2) and bool(
        _SPEED.search(text.lower())
    )


# "vLLM or Ollama?", "llama.cpp vs TGI", "which is better, …", "should I use …": one engine to pick
_CHOICE = re.compile(
    r"\bor\b|\bvs\.?(?!\w)|\bversus\b|\bbetter\b|\bwhich\b|\bshould (?:i|we) (?:use|go with|pick|choose)\b|"
    r"\bchoose\b|\bpick\b|\bcompar"
)
# who is served: many at once ("50 users", "my team", "concurrent requests", "in production") or one person
_SERVES_MANY = re.compile(
    r"\busers?\b|\bpeople\b|\bteam\b|\bconcurren|\bsimultaneous|\bcustomers?\b|\bclients?\b|\brequests\b|"
    r"\bproduction\b|\bemployees\b|\bcolleagues\b|\bcompany\b|\bapi\b"
)
_SERVES_ONE = re.compile(
    r"\bjust (?:me|myself)\b|\bonly me\b|\bfor myself\b|\bsingle[- ]user\b|\bone user\b|\bpersonal\b|"
    r"\b(?:my|a) (?:laptop|mac(?:book)?|pc|desktop)\b|\bat home\b|\bhobby\b"
)


def serves_many(text: str) -> bool:
    """Whether ``text`` speaks of serving many (users, a team, concurrent requests, customers)."""
    return bool(_SERVES_MANY.search(text.lower()))


def engine_choice(text: str) -> str | None:
    """When ``text`` asks which engine to use between a batching server (vLLM, TGI…) and one that serves a few
    fixed slots (Ollama, llama.cpp): "server" when many are served, "local" when one person is,
    "either" when it does not say; None when no such choice is asked (a speed comparison is not a choice)."""
    named = engines_named(text)
    t = text.lower()
    if not (
        any(n in BATCHING_ENGINES for n in named)
        and any(n in ("Ollama", "llama.cpp") for n in named)
        and _CHOICE.search(t)
    ) or asks_engine_speed(text):
        return None
    many, one = bool(_SERVES_MANY.search(t)), bool(_SERVES_ONE.search(t))
    return "server" if many and not one else "local" if one and not many else "either"


# vLLM's start-up error when the model's maximum context does not fit in the KV cache left after the weights:
#   v0: "The model's max seq len (32768) is larger than the maximum number of tokens that can be stored in KV cache (7344)"
#   v1: "... max seq len (131072), (16.00 GiB KV cache is needed, which is larger than the available KV cache memory
#        (9.65 GiB). Based on the available memory, the estimated maximum model length is 79888."
_KV_ERROR = [
    re.compile(
        r"max(?:imum)?[ _](?:seq(?:uence)?|model)[ _]len(?:gth)?\s*\(?\s*(\d[\d,]*)\s*\)?\s*is (?:larger|greater|bigger) "
        r"than the max(?:imum)? number of tokens that can be stored in (?:the )?kv cache\s*\(?\s*(\d[\d,]*)"
    ),
    re.compile(
        r"max(?:imum)?[ _](?:seq(?:uence)?|model)[ _]len(?:gth)?\s*\(\s*(\d[\d,]*)\s*\).{0,300}?"
        r"estimated maximum model length is\s*(\d[\d,]*)",
        re.S,
    ),
    # the same error told in the user's words: "vllm says max seq len 32768 larger than kv cache 19000",
    # "max_model_len (32768) is bigger than what fits in the KV cache (19,000 tokens)"
    re.compile(
        r"max(?:imum)?[ _-]?(?:seq(?:uence)?|model)[ _-]?len(?:gth)?\W{0,3}?\(?\s*(\d[\d,]*)\s*\)?\s*(?:is\s+)?"
        r"(?:larger|greater|bigger|more|longer)\s+than\s+(?:the\s+|what\s+)?(?:max(?:imum)?\s+(?:number\s+of\s+)?"
        r"tokens?\s+(?:that\s+)?(?:can\s+be\s+stored\s+|fits?\s+)?in\s+(?:the\s+)?|fits\s+in\s+(?:the\s+)?)?"
        r"kv[ _-]?cache\D{0,30}?(\d[\d,]*)"
    ),
]
# "why does vLLM take 20GB for a 4GB model?", "it consumes 69GB of GPU", "uses almost all the VRAM"
_MEMORY_USE = re.compile(
    r"\b(?:uses?|using|used|takes?|taking|took|consum\w*|occup\w*|allocat\w*|reserv\w*|eats?|eating|ate|grabs?|"
    # "it is loading 27GB on each gpu": the memory the load took
    r"loading|"
    r"grabbing|hogs?|hogging|fills?|filling|filled|swallow\w*|gobbl\w*|maxe[sd] out|maxing out)\b"
    r"[^.?!]{0,40}?(?:\d+(?:\.\d+)?\s*(?:gi?b|g)\b|\ball\b|\bmost\b|\d+\s*%|\b(?:so |too |very )?much\b|\bentire\b|\bwhole\b|\bfull\b)|"
    r"\b(?:high|huge|large|excessive|so much|too much|more|whole|massive|insane|crazy|abnormal|unexpected)\s+"
    r"(?:gpu\s+)?(?:memory|vram)\s+(?:usage|use|consumption)|"
    # "excessive use of VRAM", "huge consumption of GPU memory", "VRAM usage is way too high"
    r"\b(?:high|huge|large|excessive|massive|insane|crazy|abnormal|unexpected)\s+(?:usage|use|consumption)\s+of\s+"
    r"(?:the\s+)?(?:gpu\s+)?(?:memory|vram)\b|"
    r"\b(?:memory|vram)\s+(?:usage|use|consumption)\s+(?:is\s+)?(?:way\s+|much\s+|so\s+|too\s+)*(?:high|huge|big)\b|"
    r"\bnvidia-smi\b|\bgpu usage\b|\bmemory usage\b|\bvram usage\b|"
    # "get almost 80GB allocated", "70 GB of VRAM in use", "~60GB reserved", "shows 21GB used": a figure, then the verb
    r"\d+(?:\.\d+)?\s*(?:gi?b|g)\b\s*(?:of\s+(?:gpu\s+)?(?:memory|vram)\s+)?(?:is\s+|are\s+|being\s+)?"
    r"(?:allocated|in use|reserved|occupied|consumed|used)\b|"
    # a tool's reading of it: "it reports 21G", "the dashboard shows 70 GB", "nvtop says 38GB"
    r"\b(?:reports?|reported|reporting|shows?|showed|showing|says|said|displays?|displayed|displaying|"
    r"indicates?|indicated|reads|(?:goes|went|going|shoots?|shot) up to|(?:jumps?|jumped|jumping|climbs?|climbed|"
    r"rises?|rose|grows?|grew|increases?|increased|spikes?|spiked|balloons?|ballooned) (?:up )?to|reach(?:es|ed)?|"
    r"hits?|sits at|stays? at|stayed at)\s+(?:me\s+)?(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+|~\s*)?"
    r"\d+(?:\.\d+)?\s*(?:gi?b|g)\b|"
    # "it is loading 27GB on each gpu", "sits with 30 GB on every card": a figure seen on each of several GPUs
    r"(?<!need )(?<!needs )(?<!require )(?<!requires )(?<!requiring )\b\d+(?:\.\d+)?\s*(?:gi?b|g)\s+on\s+"
    r"(?:each|every|both|all)\s+(?:of\s+)?(?:the\s+|my\s+)?(?:gpus?|cards?)\b|"
    # "why does loading a 7b model with vLLM require 70GB?": a need asked *why* of is a figure seen, not asked for
    r"\bwhy\b[^.?!]{0,80}\b(?:requir\w*|needs?|needed|needing)\b[^.?!]{0,40}?\d+(?:\.\d+)?\s*(?:gi?b|g)\b"
)

_DEPLOYED = re.compile(r"\bdeploy|\bserv(?:e|es|ed|ing|er)\b|\binference server\b|\bendpoint\b")
_MORE_THAN_EXPECTED = re.compile(
    r"\bsupposed to\b|\bexpected\b|\bshould (?:only )?(?:take|use|need|be)\b|\bmore than (?:that|expected|the model)|"
    r"\bwhy\b[^?]{0,80}\b(?:so much|so high|more|higher|that much)\b"
)


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def kv_cache_error(text: str) -> tuple[int, int] | None:
    """The (maximum context the server was started with, tokens its KV cache holds) from a pasted vLLM
    "max seq len ... larger than ... KV cache" error, or None."""
    t = text.lower()
    for pattern in _KV_ERROR:
        m = pattern.search(t)
        if m:
            return _int(m.group(1)), _int(m.group(2))
    return None


# the GB a card is sold with, not memory seen in use: glued to the card's model number ("3060 12gb", "a100-40gb") or
# followed by the card itself ("a 24gb gpu", "two 48 GB cards") — "can I use vLLM with a 3060 12gb?" asks a fit;
# the size in brackets after the card ("8 x H20 (96G)", "A40 (48 GB)") is the card's size too
_CARD_BEFORE = re.compile(r"\b[a-z]{0,6}\d{2,4}(?:\s?(?:ti|super|xt|x|s))?\b[\s-]*\(?\s*$")
# ("35G of GPU", "20 GB of GPU memory" are memory taken, not a card: "of" goes with the memory type only)
_CARD_AFTER = re.compile(
    r"^\s*(?:of\s+(?:gddr\w*|hbm\w*)|(?:gddr\w*|hbm\w*\s+)?(?:gpus?|cards?|graphics|accelerators?))\b"
    r"(?!\s+(?:memory|ram|vram|usage)\b)"
)
# "using an M1 with 8 GB", "on a laptop with only 16GB": the size of the machine used, not memory in use
_SIZE_OF_BEFORE = re.compile(r"\bwith\s+(?:only\s+|just\s+)?$")
_GB_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:gi?b|g)\b")


# what a page says is a requirement, not a reading: "the README says 24GB", "the model card shows 16 GB"
PAGE_BEFORE = re.compile(
    r"\b(?:readme|docs?|documentation|paper|model card|page|website|site|blog|guide|article|tutorial|hf|"
    r"hugging ?face)\W*(?:\w+\W+){0,2}$"
)


def _memory_seen_in_use(t: str) -> bool:
    """Some ``_MEMORY_USE`` phrase in ``t`` whose GB figure (if any) is memory in use, not a card's size (nor
    what a page says the model needs)."""
    for m in _MEMORY_USE.finditer(t):
        if PAGE_BEFORE.search(t[max(0, m.start() - 30) : m.start()]):
            continue
        figures = list(_GB_FIGURE.finditer(m.group(0)))
        if not figures:
            return True
        start, end = m.start() + figures[-1].start(), m.start() + figures[-1].end()
        if not (
            _CARD_BEFORE.search(t[:start]) or _CARD_AFTER.search(t[end:]) or _SIZE_OF_BEFORE.search(t[:start])
        ):
            return True
    return False


# "how much memory will vLLM use on an H100?", "how much VRAM does SGLang take for Llama 3 8B?": what the server
# itself will take, asked before it runs — the share of each GPU it reserves, not the model's need. The server (or
# "it", with one named) is the subject of the verb; "how much will it take to serve X" asks the need instead.
_ENGINE_TAKE = re.compile(
    r"\bhow (?:much|many (?:gb|gib|gigabytes))\b[^?.!]{0,60}?\b(?:will|would|does|do|is|might|could)\s+"
    r"(?:(?:the\s+)?(?:vllm|sglang|tgi|text[- ]generation[- ]inference|lmdeploy|tensorrt[- _]?llm|trt[- _]?llm|"
    r"(?:the )?(?:inference )?server)\s+(?:going to\s+|gonna\s+)?(?:actually\s+|really\s+)?"
    r"(?:use|take|occupy|allocate|reserve|consume|grab|eat)\b"
    # "it" as the subject only with a verb of taking memory: "how much will it take to serve X" asks the need
    r"|it\s+(?:going to\s+|gonna\s+)?(?:actually\s+|really\s+)?(?:use|occupy|allocate|reserve|consume|grab)\b)"
)
# GPU memory, not the machine's: "100GB of system memory", "CPU RAM" are where offloaded weights go
_GPU_MEMORY = r"(?<!system )(?<!cpu )(?<!host )(?<!main )\b(?:memory|vram|footprint)\b"
# "is there a flag to make vLLM use less memory?", "can I limit how much VRAM SGLang takes?": a way to cap what the
# server takes
_ENGINE_LIMIT = re.compile(
    r"\b(?:limit\w*|reduc\w*|lower\w*|cap(?:ping|ped)?|restrict\w*|control\w*|decreas\w*|shrink\w*|less|minimal|"
    r"minimum|smaller)\b[^?.!]{0,60}"
    + _GPU_MEMORY
    + "|"
    + _GPU_MEMORY
    + r"[^?.!]{0,40}\b(?:limit\w*|reduc\w*|"
    r"lower\w*|cap(?:ping|ped)?|restrict\w*|less|minimal|smaller)\b(?! (?:gpu|card|capacity|vram)\b)"
    # "so it only takes what it needs", "make it use only 10 GB"
    r"|\bonly (?:takes?|uses?|allocates?|reserves?|grabs?)\b|\b(?:take|use|allocate|reserve)s? only\b"
)
# "is there an option / a flag / some start-up setting / a way to …": a yes/no ask whose answer names the knob
_OPTION_ASKED = re.compile(
    r"\b(?:is|are|would|will|could) there(?: be)?\b[^?.!]{0,30}\b(?:options?|flags?|settings?|param(?:eter)?s?|arg(?:ument)?s?|knobs?|"
    r"ways?|switch(?:es)?|config\w*|env(?:ironment)? var\w*|variables?)\b"
    r"|\b(?:can|could) (?:i|we|you|one)\s+(?:somehow\s+)?(?:limit|reduce|lower|cap|restrict|control|set|make|tell|force)\b"
)


# "how much VRAM will Qwen2.5 7B use in vLLM on two L4s?", "how much memory does it occupy under SGLang": the model as
# the subject, but the memory it will be seen to *use inside* the server (not "need to serve", which is the need)
_USE_INSIDE = re.compile(
    r"\bhow (?:much|many (?:gb|gib|gigabytes))\b[^?.!]{0,25}?\b(?:memory|vram)\b(?:[^?.!]|\.(?=\w)){0,60}?\b"
    r"(?:use|occupy|consume|allocate|reserve|take up)\s+(?:\w+\s+){0,2}?(?:in|with|under|inside|on|when (?:served|run) "
    r"(?:with|by|in|on))\s+(?:the\s+)?(?:vllm|sglang|tgi|text[- ]generation[- ]inference|lmdeploy|tensorrt[- _]?llm|"
    r"trt[- _]?llm)\b"
)


def asks_engine_take(text: str) -> bool:
    """Whether ``text`` asks how much GPU memory a batching server will take when it runs (its reserve)."""
    t = text.lower()
    return bool(_ENGINE_TAKE.search(t) or _USE_INSIDE.search(t)) and any(
        n in BATCHING_ENGINES for n in engines_named(text)
    )


def asks_engine_limit(text: str) -> bool:
    """Whether ``text`` asks how to make a named batching server take less GPU memory."""
    t = text.lower()
    return (
        any(n in BATCHING_ENGINES for n in engines_named(text))
        and bool(_ENGINE_LIMIT.search(t))
        and not _OOM.search(t)  # "it runs out of memory, how do I reduce it?" is the OOM's own answer
    )


def asks_for_an_option(text: str) -> bool:
    """Whether ``text`` asks yes/no whether an option, flag or way exists (answered "Yes — <the knob>")."""
    return bool(_OPTION_ASKED.search(text.lower()))


# more memory in use than the share allows: "2.5 GB more than --gpu-memory-utilization 0.9", "exceeds the 0.8 I set"
_ABOVE_SHARE = re.compile(
    r"\bmore than\b[^.?!]{0,50}(?:gpu[-_ ]memory[-_ ]utili[sz]ation|the share|it should|allow\w*|i set|set to)"
    r"|\b(?:exceed\w*|above|over|ignor\w*|beyond)\b[^.?!]{0,30}gpu[-_ ]memory[-_ ]utili[sz]ation"
)


def above_share(text: str) -> bool:
    """Whether ``text`` reports vLLM holding more memory than its ``gpu_memory_utilization`` share."""
    return "vLLM" in engines_named(text) and bool(_ABOVE_SHARE.search(text.lower()))


def asks_engine_memory(text: str) -> bool:
    """Whether ``text`` asks why a batching server (vLLM, SGLang, TGI…) shows far more GPU memory in use than
    the model needs (it reserves a share of every GPU up front and fills it with KV cache), how much it will
    take, or how to make it take less."""
    t = text.lower()
    if asks_engine_take(text) or asks_engine_limit(text) or above_share(text):
        return True
    if not _memory_seen_in_use(t):
        return False
    if any(n in BATCHING_ENGINES for n in engines_named(text)):
        return True
    # no engine named, but a deployment whose memory in use is more than the model should take (an engine named that
    # reserves nothing up front, llama.cpp or MLX, is no batching server's reservation)
    return not engines_named(text) and bool(_DEPLOYED.search(t) and _MORE_THAN_EXPECTED.search(t))


def engine_memory_seen(text: str) -> float | None:
    """The GB a batching server is said to take ("why does vLLM need 70GB…", "it consumes 69GB"), or None."""
    t = text.lower()
    if not asks_engine_memory(text):
        return None
    # the largest figure read as memory in use: "HF takes 26G, vLLM takes 73G" — the server's is the larger
    seen = [float(f) for f in usage_figures(t)]
    return max(seen) if seen else None


def usage_figures(text: str) -> list[float]:
    """Every GB figure ``text`` reads as memory in use ("takes up 35G", "GPU usage is about 26G"), not a card's size."""
    t = text.lower()
    out = []
    for m in _MEMORY_USE.finditer(t):
        if PAGE_BEFORE.search(t[max(0, m.start() - 30) : m.start()]):
            continue
        for f in _GB_FIGURE.finditer(m.group(0)):
            start, end = m.start() + f.start(), m.start() + f.end()
            if not (
                _CARD_BEFORE.search(t[:start])
                or _CARD_AFTER.search(t[end:])
                or _SIZE_OF_BEFORE.search(t[:start])
            ):
                out.append(float(re.match(r"\d+(?:\.\d+)?", f.group(0)).group(0)))
    out += [float(n) for n in _USAGE_IS.findall(t)]
    return out


# "GPU usage is about 26G", "memory usage was 18 GB": a reading named as usage
_USAGE_IS = re.compile(
    r"\b(?:gpu|memory|vram|ram)\s+(?:usage|use|consumption)\s+(?:is|was|of|at|shows?)\s+(?:about |around |~|only |almost |nearly )?"
    r"(\d+(?:\.\d+)?)\s*(?:gi?b|g)\b"
)


# a batching server's own memory knobs: naming one says the server is vLLM / SGLang-like even unnamed
_ENGINE_FLAGS = re.compile(
    r"--?enforce[-_]eager|enforce_eager|cuda ?graphs?|cudagraph|--?gpu[-_]memory[-_]utili[sz]ation|--?max[-_]num[-_]seqs"
    r"|--?max[-_]model[-_]len|--?mem[-_]fraction[-_]static"
)
_OOM = re.compile(r"\bout of memory\b|\boutofmemoryerror\b|\boom\b|\bcuda error: out of memory\b")


def startup_oom(text: str) -> bool:
    """Whether ``text`` reports a batching server (vLLM, SGLang, TGI…) running out of GPU memory — at start-up,
    while capturing CUDA graphs or under load — rather than asking whether a model fits."""
    t = text.lower()
    if not _OOM.search(t):
        return False
    return bool(_ENGINE_FLAGS.search(t)) or any(n in BATCHING_ENGINES for n in engines_named(text))


# vLLM's "ValueError: No available memory for the cache blocks", its log's "# GPU blocks: 0" / "cuda blocks: 0", or
# "the rest of the memory reserved for KV Cache is -1.05GiB": the reserve left nothing for the KV cache at start-up
_NO_CACHE_BLOCKS = re.compile(
    r"no available memory for (?:the )?cache blocks|#?\s*(?:gpu|cuda) blocks:?\s*0\b"
    r"|reserved for kv ?cache is -|kv ?cache (?:size|memory) (?:is )?(?:negative|-\d)"
)


def cache_blocks_error(text: str) -> bool:
    """Whether ``text`` reports vLLM finding no memory left for KV-cache blocks at start-up."""
    return bool(_NO_CACHE_BLOCKS.search(text.lower()))


# Ollama's parallel slots: "OLLAMA_NUM_PARALLEL=8", "num_parallel 4", "set num parallel to 10"
_OLLAMA_PARALLEL = re.compile(
    r"(?:\b|_)(?:ollama[_ ])?num[_ ]parallel\b(?:\s*(?:=|:|to|of|at|is)?\s*(\d{1,3})\b)?"
)


def ollama_parallel(text: str) -> int | None:
    """The parallel slots set with Ollama's ``OLLAMA_NUM_PARALLEL`` (0 when it is named without a number), or
    None when the question does not name it."""
    found = list(_OLLAMA_PARALLEL.finditer(text.lower()))
    if not found:
        return None
    # "setup MAX_QUEUE and NUM_PARALLEL ... NUM_PARALLEL=10": the count wherever it is given
    return next((int(m.group(1)) for m in found if m.group(1)), 0)
