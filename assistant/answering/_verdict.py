"""A yes/no question gets Yes / No / "Only with ..." as its first words, whichever composer answered it.

Composers lead with a verdict when their facts decide one; but a premise correction, a note or a headline can
end up in front of it, and some paths (a spec sheet, a guide passage, a non-LLM figure) have no verdict at all.
``lead_with_verdict`` is the one place that makes the shape hold for every answer to a yes/no question:

1. a verdict already in the lead's first sentences moves to the front (a premise correction or a note follows it);
2. otherwise a verdict the lead's own facts decide is put in front of it: a pick that answers "would A be
   faster/better?", a stated hourly rate against the offerings' median, a claimed spec value against the catalog;
3. otherwise the answer is left as the composer wrote it — never a guessed verdict. (A verdict derived from the
   fit for every yes/no, and a generic "can't say" sentence, were tried and removed: the yes/no was often about
   speed, FLOPs or an observed figure, which the fit does not decide.)

Pure text and ``Facts``: nothing here calls a model or a store.
"""

from __future__ import annotations

import re

from .._text import article
from ..sizing import Task
from ..understanding._auxiliaries import AUXILIARIES
from ..understanding._premises import HOURLY_PRICE
from ..understanding._quantizing import asks_if_quantizing_needed
from ._compose._catalog import RUN_ASKED
from ._compose._format import capitalized, split_details, with_details
from ._compose._shapes import asks_will_oom, reports_oom
from ._compose._tensor_parallel import asks_how_to_run
from ._facts import Facts
from ._premises import memory_premise_sentences, verdict_with_correction, without_corrections

__all__ = ["PICKED", "expected_failure_verdict", "lead_with_verdict", "opens_with_verdict"]

_VERDICT = re.compile(
    r"(?:yes|no|only\s+(?:with|if|when|by|after|using|via|in|on)|not without|not\s+natively)\b", re.IGNORECASE
)
_MARKUP = re.compile(r"\*\*|__|`+|^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+)+")
_NOTE = re.compile(r"^\s*_\(.*\)_\s*$", re.DOTALL)  # "_(Your message contains instructions ...)_"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[*_\"'(]*[A-Z])")
# "should I use vLLM or Ollama?", "A100 or H100?": a choice between named things, not a yes/no; but "... or not?",
# "or nah", "enough or do I need 48?", "or is 48GB needed?" stay yes/no questions
_EITHER_OR = re.compile(
    r"\w\s+or\s+(?!not\b|nah\b|no\b|nope\b|what\b|something\b|anything\b|(?:is|are|do|does|will|would|should|can|"
    r"could|must|need|am|i|we|it|this|that|they|you)\b)\w"
)


def _plain(sentence: str) -> str:
    return _MARKUP.sub("", sentence).strip()


def opens_with_verdict(text: str) -> bool:
    """Whether ``text`` (a sentence or an answer) starts with Yes / No / an "Only with"-style verdict."""
    start = _plain(text).lstrip(" \t\"'“‘([{")
    return bool(_VERDICT.match(start))


def _sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(line) if s.strip()]


def _asks_either_or(question: str) -> bool:
    """Whether the question asked (its last "?" clause, else all of it) picks between alternatives."""
    return bool(_EITHER_OR.search(_asked(question)))


def _moved_forward(lead: str) -> str | None:
    """The lead paragraph with a verdict among its first three sentences moved to the front, or None."""
    first, newline, rest = lead.partition("\n")
    sentences = _sentences(first)
    for n, sentence in enumerate(sentences[1:3], start=1):
        if opens_with_verdict(sentence):
            ordered = [sentence, *sentences[:n], *sentences[n + 1 :]]
            return " ".join(ordered) + newline + rest
    return None


# a choice answer's lead: "**The A100 80GB SXM** for ...", "**One L40S (48 GB)** — ...", "**2 x RTX 3090** ..."
PICKED = re.compile(r"^\W*\*\*(?:the |one |an? |\d+\s*x\s*)?(.+?)(?:\s*\([^)]*\))?\*\*", re.IGNORECASE)


def _asked(question: str) -> str:
    """The last sentence that asks (ends with "?"), lower-cased; the whole question when none does."""
    # "e.g." and "i.e." end no sentence: "(e.g. quantization) will I be able…?" is one question
    asked = [
        q
        for q in re.split(r"(?<=[.!?])(?<!e\.g\.)(?<!i\.e\.)\s+", question.lower())
        if q.rstrip().endswith("?")
    ]
    return asked[-1] if asked else question.lower()


# the clause that asks, after any setting-out ("my lora keeps running out of memory at 1024px, what can i change?"):
# an open wh-question ("what can I change?", "how much is the minimum VRAM?", "why is it slow?") is answered by
# what or how much, never by a bare Yes / No; "what about 4-bit?", "how about two?", "what if ...?" change a setting
_ASKING_CLAUSE = re.compile(r"^.*(?:[,;:]|\s[-–—]\s)\s*(?=\w)")
_OPEN_WH = re.compile(
    r"^\W*(?:(?:ok|okay|so|and|but|then|hey|hi|also|well|honestly)[,!]?\s+)*"
    r"(?:what(?!\s+(?:about|if)\b)|how(?!\s+(?:about|(?:can|could|do|would|should|might) (?:i|we|you|one))\b)|why|which|where|when)\b"
)


# "is it possible on an 8GB Mac, and if so, which version?" is a yes/no first; besides the shared auxiliaries an
# opening in the past or the perfect ("did it…", "has anyone…", "have you…"), "am I…" and "must I…" ask yes/no too
_AUXILIARY_FIRST = re.compile(
    rf"^\W*(?:(?:ok|okay|so|and|but|hey|hi|also|well)[,!]?\s+)*(?:{AUXILIARIES}|did|has|have|am|must)\b"
)


def asks_open(question: str) -> bool:
    """Whether every question asked is an open wh-question (it, or its last clause, asks what / how / why / which),
    so none is a yes/no."""
    sentences = [q.strip() for q in re.split(r"(?<=[.!?])\s+", question.lower()) if q.rstrip().endswith("?")]
    return all(_open_sentence(asked) for asked in sentences or [question.lower().strip()])


def _open_sentence(asked: str) -> bool:
    last = _ASKING_CLAUSE.sub(
        "", asked, count=1
    )  # "what do you think, can a 3090 run it?" asks the last clause
    if last == asked:
        return bool(_OPEN_WH.match(asked))
    return bool(_OPEN_WH.match(last)) and not _AUXILIARY_FIRST.match(asked)


# a yes/no that weighs one option against another: "would A100s be faster?", "is the 4090 worth it over ..."
_COMPARES = re.compile(
    r"\b(?:better|faster|quicker|stronger|cheaper|worth|prefer\w*|(?:should|would|do) (?:i|we) (?:get|buy|pick|choose|"
    r"use|go with|rent|upgrade|switch))\b"
)


def _named_at(text: str, gpu) -> int | None:
    """Where ``text`` first names ``gpu`` (its name or an alias, a plural "s" allowed), or None."""
    hits = [
        m.start()
        for name in (gpu.name, *gpu.aliases)
        if (m := re.search(r"(?<![\w-])" + re.escape(name.lower()) + r"s?(?![\w-])", text))
    ]
    return min(hits) if hits else None


def _named_in(text: str, gpus: dict) -> list[tuple[int, str]]:
    """(position, name) of each of ``gpus`` that ``text`` names, in the order named."""
    return sorted((at, name) for name, gpu in gpus.items() if (at := _named_at(text, gpu)) is not None)


def _yes_no_part(clause: str) -> str:
    """The clause from its last auxiliary verb on: "a100 vs h100 for this, is the h100 worth it?" asks about the
    H100, the card after "is", not the first one named."""
    openings = list(re.finditer(rf"(?:^|[\s,;:])(?:{AUXILIARIES})\b", clause))
    return clause[openings[-1].start() :] if openings else clause


def _choice_verdict(lead: str, facts: Facts) -> str:
    """'Would A100s be faster?' / 'is the 4090 better than the 3090 for this?' answered by a choice ("**The X**
    for ..."): Yes when the GPU the question is about (the first named in the question asked) is the one
    picked, No when another is."""
    picked = PICKED.match(lead)
    if picked is None or _asks_either_or(facts.understanding.question):
        return ""  # "would a 3090 or an A100 be better?" is answered by the pick itself
    clause = _asked(facts.understanding.question)
    if not _COMPARES.search(clause):
        return ""  # "is it normal that the V100 is that slow?" is not answered by which GPU is picked
    gpus = {c.gpu.name: c.gpu for c in facts.checks} or {g.name: g for g in facts.gpus}
    named = _named_in(_yes_no_part(clause), gpus) or _named_in(clause, gpus)
    if not named:
        return ""
    subject = named[0][1]
    if picked.group(1) == subject:
        return "**Yes**:"
    if picked.group(1) in gpus:
        return f"**No** — not the {subject}:"
    return ""


# a spec value claimed in the question: "has 3.35 TB/s", "80GB", "989 TFLOPS", "700W"
_CLAIMED = re.compile(r"(\d+(?:[.,]\d+)?)\s*(tb/s|gb/s|tflops|gb|w)\b")
_CLAIM_TOLERANCE = 0.03  # catalog figures are rounded differently by vendors and reviews


def _spec_claim_verdict(facts: Facts) -> str:
    """'Is it true the H100 has 3.35 TB/s?': Yes when every spec value the question claims for the one GPU it
    names matches the catalog (a wrong one is corrected by the premise check, and answered No here)."""
    gpus = facts.gpus or tuple(c.gpu for c in facts.checks)
    spec_asked = str(facts.understanding.intent).lower().endswith("spec")
    if not spec_asked or len({g.name for g in gpus}) != 1 or facts.workload is not None or facts.workloads:
        return ""
    gpu = gpus[0]
    asked = _asked(facts.understanding.question)
    if RUN_ASKED.search(asked):
        return (
            ""  # "can we run the 4-bit model on a 4090 with 25GB?": the memory is a premise, the run is asked
        )
    for name in sorted(
        (gpu.name, *gpu.aliases), key=len, reverse=True
    ):  # "A100 80GB" names, it claims nothing
        asked = re.sub(r"(?<![\w-])" + re.escape(name.lower()) + r"s?(?![\w-])", " ", asked)
    claims = []
    for number, unit in _CLAIMED.findall(asked):
        value = float(number.replace(",", ""))
        actual, shown = {
            "tb/s": (
                gpu.memory_bandwidth_gbs / 1000,
                f"{gpu.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth",
            ),
            "gb/s": (gpu.memory_bandwidth_gbs, f"{gpu.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth"),
            "gb": (gpu.memory_gb, f"{gpu.memory_gb:g} GB of memory"),
            "tflops": (gpu.fp16_tflops, f"{gpu.fp16_tflops or 0:,.0f} dense FP16/BF16 TFLOPS"),
            "w": (gpu.tdp_w, f"{article(str(gpu.tdp_w or 0))} {gpu.tdp_w or 0:,.0f} W board power"),
        }[unit]
        if not actual:
            return ""
        claims.append((abs(value - actual) <= _CLAIM_TOLERANCE * actual, shown))
    if not claims:
        return ""
    if all(ok for ok, _ in claims):
        return f"**Yes** — the {gpu.name} has " + " and ".join(shown for _, shown in claims) + " (catalog)."
    return "**No** — the {} has {} (catalog).".format(gpu.name, " and ".join(shown for _, shown in claims))


# "is $1.20/hour a good price for an A100?", "8x H100 at $2.50/gpu/hr, fair?", "is $3 an hour too expensive?": a
# stated hourly rate judged (a Yes to "good?" is a low rate, a Yes to "too expensive?" a high one)
_GOOD_DEAL = re.compile(
    r"\b(?:good|fair|decent|reasonable|great|cheap|ok|okay|competitive)\s+(?:price|deal|rate|offer)\b|\bcheap\b"
    r"|\b(?:fair|reasonable|decent|competitive)\b|\ba (?:good |great )?(?:deal|bargain|steal)\b"
)
_BAD_DEAL = re.compile(
    r"\b(?:too (?:much|expensive|high|pricey)|expensive|overpriced|rip[- ]?off|ripped off|a lot)\b"
)


def _price_verdict(facts: Facts) -> str:
    """A stated rate for one GPU set against the offerings table's on-demand median: the rate said per GPU, or for
    one GPU (a rate beside "8x H100" with no "per GPU" may be the whole machine's)."""
    question = facts.understanding.question.lower()
    rate = HOURLY_PRICE.search(question)
    markets = [m for m in facts.markets if m.on_demand is not None]
    per_gpu = rate is not None and "gpu" in rate.group(0)
    if (
        rate is None
        or len(markets) != 1
        or ((facts.understanding.details.gpu_count or 1) > 1 and not per_gpu)
    ):
        return ""
    good, bad = _GOOD_DEAL.search(question), _BAD_DEAL.search(question)
    market, price = markets[0], float(rate.group(1))
    spread = market.on_demand
    if not good and not bad and _CLAIM_CHECKED.search(question):
        return _price_claim(facts, market, price, per_gpu)
    if bool(good) == bool(bad):
        return ""
    cheap = price <= spread.median
    what = f"{market.n_gpus}x {market.gpu}" if market.n_gpus else f"the {market.gpu}"
    if facts.market is not None and facts.market.providers:  # "lambda wants $4/hr": that provider's offers
        what += f" at {', '.join(facts.market.providers)}"
    where = (
        f"{what} rents for a median of ${spread.median:,.2f} per GPU-hour on demand "
        f"(${spread.min:,.2f} to ${spread.max:,.2f} over {spread.count} offers from {spread.providers} "
        f"provider{'s' if spread.providers != 1 else ''})"
    )
    side = "below" if cheap else "above"
    word = ("Yes" if cheap else "No") if good else ("No" if cheap else "Yes")
    return (
        f"**{word}** — ${price:,.2f} per {'GPU-' if per_gpu else ''}hour is {side} the usual rate: {where}."
    )


# a price said as a fact and checked: "I heard the L4 is $0.20/hr on AWS, true?", "H100s go for $1/hour, right?"
_CLAIM_CHECKED = re.compile(
    r"\b(?:true|right|correct|accurate|really|legit|is that so|is this so|is that the case|am i right)\b"
)


def _price_claim(facts: Facts, market, price: float, per_gpu: bool) -> str:
    """A rate said as a fact, against the offerings table: Yes when some on-demand offer is within a tenth of it
    (the cheapest to the dearest, set-apart outliers aside), No with the range otherwise."""
    spread = market.on_demand
    what = f"{market.n_gpus}x {market.gpu}" if market.n_gpus else f"the {market.gpu}"
    if facts.market is not None and facts.market.providers:  # "on AWS": that provider's offers
        what += f" at {', '.join(facts.market.providers)}"
    holds = 0.9 * spread.min <= price <= 1.1 * spread.max
    offers = f"{spread.count} offer{'s' if spread.count != 1 else ''}"
    span = (
        f"${spread.min:,.2f} to ${spread.max:,.2f}"
        if f"{spread.min:.2f}" != f"{spread.max:.2f}"
        else f"${spread.min:,.2f}"
    )
    where = f"{what} rents for {span} per GPU-hour on demand (median ${spread.median:,.2f}, {offers})"
    if holds:
        return f"**Yes** — ${price:,.2f} per {'GPU-' if per_gpu else ''}hour is within the listed offers: {where}."
    side = "below the cheapest" if price < spread.min else "above the dearest"
    return f"**No** — ${price:,.2f} per {'GPU-' if per_gpu else ''}hour is {side} listed offer: {where}."


# "we have $500, is that enough to fine-tune it?", "can I do it for under $50?", "is $300 a month enough to host
# it?": a sum the user can spend, said with a cue that it is their ceiling, and its period when it has one
_SUM_SAID = re.compile(
    r"\$\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*(k\b)?(?:\s*(?:/|a|an|per|each)\s*"
    r"(hour|hr|h|gpu[- ]?hour|day|week|month|mo|year|yr)s?\b|\s+(hourly|daily|weekly|monthly|yearly))?"
)
_SUM_CUE = re.compile(
    r"\benough\b|\bafford|\bbudget|\bspend|\bwithin\b|\bunder\b|\bbelow\b|\bless than\b|\bcover\b"
    r"|\bfor (?:that|it|this)\b|\b(?:i|we) (?:only )?(?:have|got)\b|\bcap\b|\bmax(?:imum)?\b"
)
# "training it only costs $300", "they paid $2,000": a price said as fact (a claim to check), not the user's ceiling
_PRICE_STATED_BEFORE = re.compile(
    r"\b(?:costs?|costing|cost me|priced at|price is|charged?|charges|paid|pays?|spent|bills?)\s+"
    r"(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|like\s+|us\s+|me\s+)*$"
)
# the bill a cost answer leads with: "About **$0.91** and ..." (a job), "About **$253.16 per month** ..." (a period)
_BILL_LEAD = re.compile(
    r"^\W*about \*\*\$(\d+(?:,\d{3})*(?:\.\d+)?)(?: per (hour|day|week|month|year))?\*\*", re.I
)
_PERIOD_WORDS = {
    "hr": "hour",
    "h": "hour",
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "mo": "month",
    "yr": "year",
    "yearly": "year",
}


# the format a bill lead names when it is not the 16-bit one: "… for inference of Llama 3 70B in int4"
_LEANER_FORMAT = re.compile(r"\bfor inference of .+? in (int8|int4|fp8)\b")


def _budget_verdict(lead: str, facts: Facts) -> str:
    """'We have $500 — is that enough to fine-tune Mistral 7B on 50k samples?' answered by the bill: Yes when the
    cost the answer leads with is within the sum said (for the same period, or both for the whole job), No when
    it is more. "" when no such sum is said, or the lead gives no bill to weigh it against."""
    bill = _BILL_LEAD.match(lead)
    if bill is None:
        return ""
    question = facts.understanding.question.lower()
    if not _SUM_CUE.search(question):
        return ""
    sums = list(_SUM_SAID.finditer(question))
    if len(sums) != 1:
        return ""  # several amounts (a price quoted beside the budget): not one ceiling to weigh
    said = sums[0]
    if _PRICE_STATED_BEFORE.search(question[max(0, said.start() - 30) : said.start()]):
        return ""
    period = said.group(3) or said.group(4)
    period = _PERIOD_WORDS.get(period, period) if period else None
    if period is not None and period.startswith("gpu"):
        period = "hour"
    if period == "hour" or period != bill.group(2):
        return (
            ""  # an hourly rate is the price verdict's; a monthly sum against a one-off bill does not compare
        )
    limit = float(said.group(1).replace(",", "")) * (1000 if said.group(2) else 1)
    cost = float(bill.group(1).replace(",", ""))
    per = f" per {period}" if period else ""
    body = lead.lstrip()
    body = body[:1].lower() + body[1:]  # "About **$0.91** and ..." -> "about **$0.91** and ..."
    if cost <= limit:
        leaner = _LEANER_FORMAT.search(lead.split(";", 1)[0])
        if leaner and facts.understanding.details.precision is None:
            # planned in a leaner format than the 16-bit one to fit the sum: the Yes is only in that format
            return f"**Yes, with {leaner.group(1)} weights**, within your ${limit:,.0f}{per} — {body}"
        return f"**Yes**, within your ${limit:,.0f}{per} — {body}"
    return f"**No**, more than your ${limit:,.0f}{per} — {body}"


def lead_with_verdict(draft: str, facts: Facts) -> str:
    """``draft`` with its verdict as the first sentence when the question is a yes/no and a verdict is decided."""
    if not facts.understanding.details.yes_no:
        if asks_how_to_run(facts.understanding.question) or facts.understanding.details.wants_cost:
            # "what's the fastest way to run it on my 3090s?", "what does that run on rented L40s?": a way or a bill
            # is asked, not a Yes
            return _without_yes(draft)
        # no yes/no read, but a composer led with a fit verdict anyway ("…, do we need more than one gpu or will an
        # h100 cut it" has no question mark): that verdict still answers in the sense asked
        text, details = split_details(draft)
        first, _, others = text.partition("\n\n")
        turned = _in_the_sense_asked(first, facts.understanding.question, facts)
        return (
            draft if turned == first else with_details(f"{turned}\n\n{others}" if others else turned, details)
        )
    text, details = split_details(draft)
    paragraphs = text.split("\n\n")
    notes: list[str] = []
    while len(paragraphs) > 1 and _NOTE.match(paragraphs[0]):
        notes.append(paragraphs.pop(0))
    lead = paragraphs[0]
    if opens_with_verdict(lead):
        pass
    elif facts.understanding.premises and (moved := _moved_forward(lead)) is not None:
        paragraphs[0] = moved
    elif (
        facts.understanding.premises
        and len(paragraphs) > 1
        and opens_with_verdict(paragraphs[1])
        and "\n" not in lead.strip()
    ):
        # "The L4 has 24 GB, not 48 GB. ..." then the verdict: the verdict first, the correction right after it
        # (before the verdict's own further lines: the per-format table, offload, a smaller model)
        verdict_line, _, more = paragraphs[1].partition("\n")
        paragraphs[0:2] = [verdict_line, lead, *([more] if more.strip() else [])]
    elif verdict := _choice_verdict(lead, facts):
        paragraphs[0] = f"{verdict} {lead.lstrip()}"
    elif within := _budget_verdict(lead, facts):
        paragraphs[0] = within
    elif picked := _pick_verdict(lead, facts):
        paragraphs[0] = picked
    elif verdict := _price_verdict(facts) or _spec_claim_verdict(facts):
        paragraphs.insert(0, verdict)
    elif not asks_open(facts.understanding.question) and (
        stated := _relation_verdict(lead) or expected_failure_verdict(lead, facts.understanding.question)
    ):
        # "how many layers go on the GPU?" is answered by the count ("**All 32 layers** — … within the 8 GB you
        # have"), not by a Yes
        paragraphs[0] = stated
    else:
        return draft
    paragraphs[0] = _in_the_sense_asked(paragraphs[0], facts.understanding.question, facts)
    paragraphs = _memory_corrected_in_verdict(paragraphs, memory_premise_sentences(facts.understanding))
    paragraphs[1:1] = notes  # a note follows the verdict instead of hiding it
    return with_details("\n\n".join(paragraphs), details)


_YES_LEAD = re.compile(r"^\*\*Yes(?:\*\* — |, (?=\w))")


def _without_yes(draft: str) -> str:
    """The draft without the Yes it opens with: '**Yes** — inference of X fits …' is 'Inference of X fits …',
    '**Yes, with 3-bit weights**, at …' is '**With 3-bit weights**, at …'."""
    found = _YES_LEAD.match(draft)
    if found is None:
        return draft
    rest = draft[found.end() :]
    return ("**" if found.group().endswith(", ") else "") + capitalized(rest)


def _memory_corrected_in_verdict(paragraphs: list[str], corrections: list[str]) -> list[str]:
    """The verdict paragraph with a wrong memory the user stated corrected in its first sentence, and that
    correction's own paragraph behind it dropped."""
    first = verdict_with_correction(paragraphs[0], corrections)
    if first is None:
        return paragraphs
    others = [p for p in (without_corrections(p, corrections) for p in paragraphs[1:]) if p]
    return [first, *others]


# a count picked: "**2 x A100 40GB** — inference of ... needs about 67.9 GB in all: ..."
_COUNT_PICKED = re.compile(r"^\*\*(\d+) x ([^*]+)\*\* — ")
# a format picked: "**INT4** — the least compressed format of Mixtral 8x7B that fits on one L40S: ..."
_FORMAT_PICKED = re.compile(r"^\*\*([A-Z0-9_]+)\*\* — the least compressed format of\b")
# the bytes per weight of a format said in a question ("in fp16", "at 8-bit", "int4")
_FORMAT_BYTES = (
    (re.compile(r"\bfp32\b|\bfloat32\b|\b32[- ]?bit\b"), 4.0),
    (re.compile(r"\b(?:fp16|bf16|float16|bfloat16|half precision)\b|\b16[- ]?bit\b"), 2.0),
    (re.compile(r"\b(?:fp8|int8|q8(?:_0)?)\b|\b8[- ]?bit\b"), 1.0),
    (re.compile(r"\b(?:int4|nf4|fp4|awq|gptq|q4\w*)\b|\b4[- ]?bit\b"), 0.5),
)
_PICKED_BYTES = {"BF16": 2.0, "FP16": 2.0, "FP8": 1.0, "INT8": 1.0, "INT4": 0.5}


def _pick_verdict(lead: str, facts: Facts) -> str:
    """A yes/no answered by a pick ("is one A100 40GB enough? if not, how many?" answered "**2 x A100 40GB** — …";
    "does it fit in fp16? otherwise what quant?" answered "**INT4** — the least compressed format that fits …"): the
    verdict the pick decides put in front of it — one card asked about where the pick takes more is No; a format
    asked about that is less compressed than the least compressed one that fits is No, one at least as compressed
    Yes. "" when the lead is no such pick or the question does not ask about one card or one format."""
    details = facts.understanding.details
    counted = _COUNT_PICKED.match(lead)
    if counted is not None:
        count, name = int(counted.group(1)), counted.group(2).strip()
        if details.gpu_count == 1 and count > 1 and tuple(details.gpus) == (name,):
            return f"**No** — one {name} is not enough: {lead.lstrip()}"
        return ""
    formatted = _FORMAT_PICKED.match(lead)
    picked = _PICKED_BYTES.get(formatted.group(1)) if formatted is not None else None
    if picked is None:
        return ""
    asked = [b for pattern, b in _FORMAT_BYTES if pattern.search(facts.understanding.question.lower())]
    if len(asked) != 1:
        return ""  # no format said, or several ("fp16 or int8?"): the pick answers it as it stands
    if asked[0] > picked:
        return f"**No**, not at {asked[0] * 8:.0f}-bit — {lead.lstrip()}"
    return f"**Yes** — {lead.lstrip()}"


# a fit the lead states without a verdict word: "... needs about 15.7 GB — within the 48 GB you have.", "... needs
# about 30 GB, more than the 24 GB you have", "full fine-tuning does not fit on your 8 GB"
_STATED_FITS = re.compile(
    r"\bwithin (?:the |what |your )[^.;]{0,120}?\byou have\b|\bfits (?:on|in|into) your\b"
)
_STATED_SHORT = re.compile(
    r"\bmore than (?:the |what |your )[^.;]{0,120}?\byou have\b|\b(?:does not|doesn't|will not|won't) fit (?:on|in|into) your\b"
)
# the opening words of a sized sentence that read on in lower case after "**Yes** — " (a model name keeps its case)
_COMMON_OPENING = re.compile(
    r"^(?:Inference|Full|Fine-tuning|Training|Serving|Running|Quantizing|It|This|That|The|Each|Every|A|An)\b"
)


def _relation_verdict(lead: str) -> str | None:
    """The lead with the verdict its first sentence states as a fit against the user's own memory ("within the 48
    GB you have" is Yes, "more than the 24 GB you have" No) put in front; None when it states no such relation, or
    both (a verdict is then not the lead's to give)."""
    first = _sentences(lead.partition("\n")[0])
    sentence = _plain(first[0]) if first else ""
    fits, short = _STATED_FITS.search(sentence), _STATED_SHORT.search(sentence)
    if bool(fits) == bool(short):
        return None
    body = lead.lstrip()
    if _COMMON_OPENING.match(body):
        body = body[:1].lower() + body[1:]
    return f"{'**Yes**' if fits else '**No**'} — {body}"


# a lead that says the reported failure is expected ("**Expected** — under plain data parallelism every GPU holds
# a whole copy …", "**Expected** — it does not fit as set up; …")
_EXPECTED_LEAD = re.compile(r"^\*\*Expected\*\*\s*(?:[—:-]\s*)?")


def expected_failure_verdict(lead: str, question: str) -> str | None:
    """A lead that calls the reported failure expected, as the verdict of the yes/no asked: "is this expected?" and
    "will it OOM?" are Yes; "can I train it on these cards?", "will it run if I add more GPUs?" are No as set up.
    None when the lead is no such statement."""
    found = _EXPECTED_LEAD.match(lead)
    if found is None:
        return None
    rest, asked = lead[found.end() :], _asked(question)
    if _EXPECTED.search(asked):
        return f"**Yes**, expected — {rest}"
    if asks_will_oom(asked):
        return f"**Yes** — {rest}"
    return f"**No**, not as set up — {rest}"


# "is 8GB too little for SDXL?", "is 12 GB not enough for a 14B?": asked as a shortfall, so the answer's "it fits"
# (Yes) is No in the sense asked, and "it does not fit" (No) is Yes
_SHORTFALL = re.compile(
    r"\btoo (?:little|small|low|weak|few)\b|\brul(?:e|es|ed|ing) out\b|\bnot (?:big |large |powerful |good )?enough\b|\b(?:in|not )sufficient\b|"
    r"\bunderpowered\b|\bfalls? short\b"
    # "could it be that I do not have enough resources?", "maybe my card lacks the memory?"
    r"|\b(?:do|does|did)(?: not|n'?t) (?:have|got) (?:enough|sufficient|the (?:memory|vram|resources|capacity))\b"
    r"|\black(?:s|ing)? (?:enough|the (?:memory|vram|resources|capacity))\b"
)
# "it keeps running out of memory, is that normal?": asked whether the failure is expected
_EXPECTED = re.compile(r"\bnormal\b|\bexpected\b|\bsupposed to\b|\busual\b|\bto be expected\b")
# a plain fit verdict: "**Yes** on the 4070 Ti …", "**No** — it needs …" (not "**Yes**, if …", already in a sense)
_FIT_VERDICT = re.compile(r"^\*\*(Yes|No)\*\*(?=\s)\s*(?:[—:-]\s*)?")


# "do I need more than one GPU / tensor parallelism for a 13B?": asked whether one GPU is enough
_NEEDS_SEVERAL = re.compile(
    r"\b(?:need|require|have to (?:use|split)|must (?:use|split))\b[^?.!]{0,30}?"
    r"(?:\b(?:more than (?:one|1|a single)|multiple|several|two|2|many|multi)[- ]?(?:gpus?|cards?|graphics cards?)\b|"
    r"\bmulti[- ]?gpu\b|\b(?:tensor|model|pipeline)[- ]?parallel\w*)"
    r"|\b(?:is|are)\s+(?:multi[- ]?gpu|multiple gpus|(?:tensor|model|pipeline)[- ]?parallel\w*)\s+(?:really\s+)?"
    r"(?:needed|necessary|required)\b"
    # "what is tensor parallelism and do I need it for a 13B?": the need asked of "it", named earlier in the sentence
    r"|\b(?:tensor|model|pipeline)[- ]?parallel\w*\b[^?.!]{0,60}?(?:\b(?:need|require)s?\s+(?:it|that|this)\b|"
    r"\b(?:is|would)\s+(?:it|that|this)\s+(?:be\s+)?(?:really\s+)?(?:needed|necessary|required)\b)"
)


# "do I need an A100 for this?", "is 80GB of VRAM required for a 72B in 4-bit?", "does it really need a 24 GB card?":
# whether that much hardware is necessary, i.e. whether anything smaller would do (several GPUs are _NEEDS_SEVERAL's)
_NEEDS_HARDWARE = re.compile(
    r"\b(?:do|does|would|will)\s+(?:i|we|you|it|one|they)\s+(?:really\s+|actually\s+|absolutely\s+|even\s+)?"
    r"(?:need|require)\s+(?:(?:an?|the|at least)\b|\d)"
    # "does QLoRA of Llama 2 13B need an A100 80GB?": the work as the subject, a card or an amount as the object
    r"|\b(?:do|does|would|will)\s+[\w .-]{1,40}?\s+(?:really\s+|actually\s+)?(?:need|require)\s+"
    r"(?:an?\s+|the\s+|at least\s+)?(?=(?:rtx\s*)?[a-z]{1,4}\d{2,4}\b|\d+\s*gb\b)"
    r"|\b(?:must|do|does|should)\s+(?:i|we|you|one)\s+(?:really\s+|actually\s+)?(?:have to\s+)?"
    r"(?:have|get|use|rent|buy)\s+(?:(?:an?|the|at least)\b|\d)"
    r"|\b(?:is|are)\s+(?:an?\s+|the\s+|at least\s+)?[\w .-]{1,30}?\s+(?:really\s+)?(?:required|necessary|needed|a must)\b"
    # "what is the required GPU memory?" asks an amount: "required" before its noun is no necessity asked
    r"(?!\s+(?:gpu|vram|memory|ram|hardware|amount|number|resources?|specs?|size|compute|capacity)\b)"
)


def _necessity_verdict(lead: str, question: str, facts: Facts | None) -> str | None:
    """'Do I need an A100 to fine-tune it?': Yes when nothing with less memory than the hardware named holds the
    work (in the leanest method or format left open), No with the smaller card that does; None when not asked so."""
    asked = _asked(question)
    if asks_open(question):
        return None  # "how much is the minimum VRAM needed for X?" asks an amount, not whether
    need_said = _NEEDS_HARDWARE.search(asked)
    overkill = _OVERKILL.search(asked) if need_said is None else None
    need_said = need_said or overkill
    if facts is None or not need_said or _NEEDS_SEVERAL.search(asked):
        return None
    if re.search(r"\bor\b(?!\s+not\b)", asked[: need_said.start()]) or re.search(
        r"\bor\b(?!\s+not\b)[^?.!]{0,40}?\d", asked[need_said.start() :]
    ):
        # "will it fit, or do I need a bigger card?" asks the first sense; "do I need 24GB or is an 11GB 2080 Ti
        # fine?" weighs two sizes (but "do we need an H100, or is that overkill?" is the same question again)
        return None
    details = facts.understanding.details
    named = [c.gpu for c in facts.plan.checks][:1] if facts.plan is not None else list(facts.gpus[:1])
    memory = named[0].memory_gb if named else details.stated_memory_gb
    if not memory or (details.gpu_count or 1) > 1 or len(details.gpus) > 1:
        return None  # "is an L40S ok, or do I need an H100?" weighs two cards: their own verdict answers it
    from ..knowledge import load_catalog
    from ..sizing import load_assumptions, usable_memory_gb

    assumptions = load_assumptions()
    needs: list[float] = []
    if facts.plan is not None:
        work = facts.plan.workload
        open_choice = details.method_unstated or (work.task is Task.INFERENCE and details.precision is None)
        needs = [o.estimate.total_gb for o in facts.plan.options] if open_choice else []
        need = min([facts.plan.estimate.total_gb, *needs])

        def holds(gpu) -> bool:
            usable, _ = usable_memory_gb(gpu, work.task.is_training, work.runtime, assumptions)
            return need <= usable

    elif facts.workloads and facts.headline_memory_gb:
        need = facts.headline_memory_gb  # an image, video or speech job: the figure its answer leads with

        def holds(gpu) -> bool:
            return need <= gpu.gpu_memory_gb

    else:
        return None
    # a training run's smaller card is a CUDA one: the fine-tuning stack (bitsandbytes, FlashAttention) targets it
    training = facts.plan is not None and facts.plan.workload.task.is_training
    smaller = sorted(
        (
            g
            for g in load_catalog()
            if g.memory_gb < memory
            and not g.gpu_memory_share
            and holds(g)
            and (not training or g.software == "CUDA")
        ),
        key=lambda g: (g.memory_gb, g.name),
    )
    body = re.sub(r"^\*\*[^*]+\*\*\s*(?:[—:,-]\s*)?", "", lead, count=1)
    # "is a 4090 overkill for a 7B?" asks the same thing the other way round: Yes when a smaller card holds it
    more, enough = ("**Yes**, more than it needs", "**No**") if overkill else ("**No**", "**Yes**")
    if smaller:
        small = smaller[0]
        return (
            f"{more} — about {need:,.1f} GB is needed{' in the leanest way' if needs else ''}, which a smaller card "
            f"holds (the {small.name}, {small.memory_gb:.0f} GB): {body}"
        )
    if named and not overkill and not holds(named[0]) and lead.startswith("**No**"):
        # "is an A100 required to fine-tune it?" when one A100 does not hold it either: no one card is what it
        # takes, the memory is — several cards, smaller ones too, share it
        return (
            f"**No**, not {article(named[0].name)} {named[0].name} as such — about {need:,.1f} GB is "
            "needed in all, more than one holds, "
            f"so it is split over several cards, and smaller ones can share it as well: {body}"
        )
    return f"{enough} — nothing with less memory holds it (about {need:,.1f} GB): {body}"


# "is a 4090 overkill for a 7B?", "is an H100 too much for this?", "more GPU than I need?": whether the hardware
# named is more than the work needs — the necessity question turned round
_OVERKILL = re.compile(
    r"\bover-?kill\b|\btoo (?:much|big|powerful|beefy) (?:a (?:gpu|card) )?for\b|\bmore (?:gpu|card|vram|memory|"
    r"than) (?:than )?(?:i|we) (?:need|require)\b|\boverpowered\b|\bwaste of (?:money|a (?:gpu|card))\b"
)


# "**Yes**, with another setting: …" / "**Yes**, with 4-bit weights …": it fits only once something changes
_YES_WITH = re.compile(r"^\*\*Yes\*\*,? with\b|^\*\*Yes, with\b")


# "do I need NVLink for ...", "is NVLink required to run ...", "must the cards be NVLinked?"
_NEEDS_NVLINK = re.compile(
    r"\b(?:need|needs|require[sd]?|have to have|must have|necessary|mandatory)\b[^?.!]{0,30}?\bnv-?link\w*"
    r"|\bnv-?link\w*\b[^?.!]{0,20}?\b(?:needed|necessary|required|mandatory|a must)\b"
)


def _without_nvlink(gpu, facts: Facts) -> str:
    """Why several cards need no NVLink for the run sized: llama.cpp's layer split passes little between the cards;
    tensor parallelism runs over PCIe too, only slower (the common-questions guide's answer)."""
    split = facts.understanding.details.runtime == "llama.cpp" or facts.understanding.details.local
    how = (
        "llama.cpp's layer split passes little between the cards, so PCIe is enough"
        if split
        else "tensor parallelism also runs over PCIe, only slower than over NVLink"
    )
    lacks = f" (the {gpu.name} has no NVLink at all)" if not gpu.nvlink_gbs else ""
    return f"NVLink is not needed{lacks}: {how}."


# "do I need all 8 GPUs?", "do we really need 4 H100s for this?", "will it need all of them?": whether that many
# of the card are necessary, i.e. whether fewer would hold the work
_NEEDS_COUNT = re.compile(
    r"\b(?:need|require|have to use|must use)\s+(?:all\s+(?:of\s+)?(?:the\s+|my\s+|our\s+|those\s+|these\s+)?)?"
    r"(\d+)\s*(?:x\s*)?(?:[\w.-]+\s+){0,2}?(?:gpus?|cards?|of them)\b"
    r"|\b(?:need|require)\s+all\s+(?:of\s+)?(?:them|the (?:gpus|cards)|my (?:gpus|cards)|our (?:gpus|cards)|those)\b"
)


def _count_verdict(lead: str, question: str, facts: Facts | None) -> str | None:
    """'Do I need all 8 GPUs?': Yes when fewer of that card do not hold the work sized, No with the count that
    does; None when no such count is asked or the work is not sized."""
    if facts is None or facts.plan is None or facts.estimate is None:
        return None
    asked = _asked(question)
    said = _NEEDS_COUNT.search(asked)
    if said is None or re.search(r"\bor\b|\benough\b", asked[: said.start()]):
        return (
            None  # "is one 80GB card enough, or would we need 2?": the first sense asked is the one answered
        )
    count = int(said.group(1)) if said.group(1) else (facts.understanding.details.gpu_count or 0)
    if count < 3 and "all" not in said.group(0):
        return None  # "do I need 2 GPUs?" is the several-GPUs question, answered by its own verdict
    pick = facts.plan.pick.gpu if facts.plan.pick is not None else None
    gpu = next(iter(c.gpu for c in facts.plan.checks), None) or pick
    if count < 2 or gpu is None:
        return None
    from ..sizing import load_assumptions
    from ..sizing._fit import fit_count

    fewest = fit_count(facts.estimate, gpu, load_assumptions())
    if not isinstance(fewest, int):
        return None
    body = re.sub(r"^\*\*(?:yes|no)\*\*\s*(?:[—:,-]\s*)?", "", lead, count=1, flags=re.IGNORECASE)
    need = facts.estimate.total_gb
    if fewest >= count:
        return (
            f"**Yes** — fewer than {count} x {gpu.name} do not hold it (about {need:,.1f} GB in all): {body}"
        )
    held = "one" if fewest == 1 else f"{fewest} x"
    return (
        f"**No** — {held} {gpu.name} hold{'s' if fewest == 1 else ''} it (about {need:,.1f} GB in all); the other "
        f"cards can run more copies of the model for more users, or other work: {body}"
    )


# a tensor-parallel size said: "tensor parallel 3", "--tensor-parallel-size 6", "tp=3", "TP size of 6", "--tp 3"
_TP_SIZE = re.compile(
    r"(?:\btensor[- _]parallel(?:ism)?(?:[- _]size)?|--tensor-parallel-size|--tp(?:-size)?|\btp(?:[-_ ]?size)?)"
    r"\s*(?:=|:|of|to)?\s*(\d{1,2})\b"
)


def _tensor_parallel_verdict(lead: str, question: str, facts: Facts | None) -> str | None:
    """'Can I use tensor parallel 3 for Llama 3 8B?': No when the size does not divide the model's attention heads
    (vLLM, SGLang and TGI split the heads evenly across the ranks and stop at start-up otherwise), with the sizes
    that work; None when no size is said, it divides them, or the model's shape is a stand-in."""
    said = _TP_SIZE.search(question.lower())
    if facts is None or said is None or facts.workload is None or facts.workload.shape_is_proxy:
        return None
    if not facts.understanding.details.yes_no:
        return (
            None  # "how much memory at tp 3?" asks a figure; the fit line's own clause says the heads' limit
        )
    size = int(said.group(1))
    work = facts.workload
    heads, kv = work.shape.attention_heads, work.shape.kv_heads
    if size < 2 or not heads or heads % size == 0:
        return None
    sizes = [n for n in range(min(size, kv or size), 0, -1) if heads % n == 0 and (not kv or kv % n == 0)]
    tp = sizes[0] if sizes else 1
    body = re.sub(r"^\*\*[^*]+\*\*,?\s*(?:[—:,-]\s*)?", "", lead, count=1)
    return (
        f"**No** — tensor parallelism splits the attention heads evenly across the GPUs, and {work.model_label} has "
        f"{heads}, which {size} does not divide, so vLLM / SGLang / TGI stop at start-up. Use "
        f"`--tensor-parallel-size {tp}`, or all {size} GPUs with pipeline parallelism (`--pipeline-parallel-size "
        f"{size}`, which splits the layers instead), or separate replicas. As for memory: {body}"
    )


# "someone said Flux needs 24 GB, is that true?", "you can't train an SDXL LoRA on 8 GB, right?": the question
# asks whether a claim holds, so the verdict is about the claim, not about the fit the composer led with
_CLAIM_ASKED = re.compile(
    r"\bis (?:that|this|it) (?:really |actually )?(?:true|right|correct|accurate|so|the case|a myth)\b"
    r"|\b(?:true|right|correct|accurate|legit|a myth|fact or (?:fiction|myth))\s*\?|\bam i right\b"
    r"|\bis it true (?:that\b)?"
)
# the claim says the work cannot be done ("can't train", "won't run", "impossible on 8 GB")
_CLAIM_CANNOT = re.compile(
    r"\b(?:can'?t|cannot|can not|won'?t|wont|unable to|impossible|not possible|no way to|doesn'?t (?:fit|run|work)|"
    r"does not (?:fit|run|work)|isn'?t (?:possible|enough)|not enough)\b"
)
# the claim says the work needs at least N GB ("needs 24gb", "requires at least 16 GB", "minimum of 12GB")
_CLAIM_NEEDS = re.compile(
    r"\b(?:needs?|requires?|minimum(?: of)?|at least|no less than)\b[^.?!\d]{0,24}?(\d+(?:\.\d+)?)\s*(?:gb|gib|g)\b"
)
# the memory the fit verdict was weighed on: "on the RTX 4070 Ti Super (16.0 GB usable)", "on 8.0 GB of GPU memory"
_WEIGHED_ON = re.compile(r"\((\d+(?:\.\d+)?) GB usable\)|\bon (\d+(?:\.\d+)?) GB of GPU memory\b")
# a fit that holds only with a condition: "**Yes**, but only with offloading", "**Yes**, with fp8", "**Only with** 8-bit"
_FITS_WITH = re.compile(
    r"^\*\*(?:Yes\*\*,?\s+(?:but\s+)?(?:only\s+)?(?=with\b|if\b)|Yes,\s+(?=with\b)|Only\*\*\s+(?=with\b)"
    r"|Only (?=with\b)(?:with\*\*|(?=[^*]*\*\*)))"
)
# the memory the lead says the work needs: "needs about 17.8 GB"
_NEEDS_ABOUT = re.compile(r"\bneeds about (\d+(?:\.\d+)?) GB\b")


def _claim_verdict(lead: str, question: str) -> str | None:
    """A fit verdict restated about the claim the question asks to check: "X needs 24 GB, true?" answered by a fit
    on a smaller card is No (it needs less); "you can't do X on 8 GB, right?" answered by a fit is No (it can), by
    a no-fit Yes (the claim holds). None when no claim is asked about or the fit does not decide it."""
    text = question.lower()
    if not _CLAIM_ASKED.search(text):
        return None
    plain, conditional = _FIT_VERDICT.match(lead), _FITS_WITH.match(lead)
    if plain is None and conditional is None:
        return None
    fits = conditional is not None or plain.group(1) == "Yes"
    rest = lead[conditional.end() :] if conditional else lead[plain.end() :]
    if conditional and lead[: conditional.end()].count("**") % 2:
        rest = rest.replace(
            "**", "", 1
        )  # "**Yes, with 4-bit weights** — ...": the condition's bold closes in rest
    if conditional and not rest.lstrip().startswith(("with", "if")):
        rest = "with " + rest.lstrip(" *")  # "**Only with** 8-bit ..." -> "with 8-bit ..."
    weighed = _WEIGHED_ON.search(lead)
    room = float(weighed.group(1) or weighed.group(2)) if weighed else None
    needs = _CLAIM_NEEDS.search(text)
    if needs and not _CLAIM_CANNOT.search(text[: needs.start()]):
        said = float(needs.group(1))
        need = _NEEDS_ABOUT.search(lead)
        if room is None and fits and need and not conditional:
            # no card named: the figure the lead gives for the work against the one claimed
            if float(need.group(1)) < said * 0.8:
                return f"**No** — it needs less than {said:g} GB: {rest.lstrip(' —:')}"
            return None
        if not fits or room is None or room >= said * 0.95:
            return None  # a no-fit on a smaller card, or a card as large as claimed, does not decide it
        if conditional:
            return f"**No**, not strictly — it fits in less than {said:g} GB {rest.lstrip()}"
        return f"**No** — it needs less than {said:g} GB. It fits {rest.lstrip()}"
    if not _CLAIM_CANNOT.search(text):
        return None  # a claim that it works ("runs on 8 GB, right?") is answered by the fit as it stands
    if not fits:
        return f"**Yes**, that holds — it does not fit: {rest.lstrip(' —:')}"
    condition, _, after = rest.strip().partition(" — ")
    if (
        conditional
        and after
        and re.search(r"\bq?lora\b", condition, re.IGNORECASE)
        and re.search(r"\bin full\b|\bfull(?:y)?[- ]?(?:fine|param|ft\b)|\bfull fine", text)
        and not re.search(r"\bq?lora\b", text)
    ):
        # "I can't fine-tune it in full on a T4, right?" answered "Only with QLoRA": the claim is about full
        # fine-tuning, and it holds — adapters are another method
        first, newline, others = after.strip().partition("\n")
        return (
            f"**Yes**, that holds for full fine-tuning — {first.strip()} It fits only {condition.strip()}."
            + newline
            + others
        )
    if conditional:
        return f"**No** — it can, {rest.lstrip()}"
    return f"**No** — it can. It fits {rest.lstrip()}"


# "why does my 3090 run out of memory ...?", "how come it won't load on 16 GB?": asked for a cause, not a yes/no
_WHY = re.compile(
    r"^\W*(?:(?:ok|okay|so|and|but|then|hey|hi|also|well|honestly)[,!]?\s+)*(?:why\b|how come\b)"
)


def _asks_why(question: str) -> bool:
    """Whether the sentence asked opens with why / how come (its last clause after any setting-out, too)."""
    asked = _asked(question)
    return bool(_WHY.match(asked) or _WHY.match(_ASKING_CLAUSE.sub("", asked, count=1)))


def _why_verdict(lead: str, question: str) -> str | None:
    """A plain fit verdict restated as the cause a why-question asks for: "**No** — it needs 133 GB, more than
    the 24 GB" becomes "Because it needs 133 GB, more than the 24 GB"; a fit under a reported out-of-memory says
    the work itself should fit, so the cause lies elsewhere in the run. None when not a why-question or no plain
    verdict leads."""
    found = _FIT_VERDICT.match(lead)
    if found is None or not _asks_why(question):
        return None
    rest = lead[found.end() :].lstrip(" —:-")
    if found.group(1) == "No":
        if _NEGATIVE_PROPOSITION.search(_asked(question)):
            # "why doesn't it fit?", "why can't I load it?": the negative it takes as given holds, then the cause
            return f"**No**, it does not fit, because {rest}"
        return f"**Because** {rest}"
    if reports_oom(question):
        return (
            "**Not because of its size** — it should fit, so the out-of-memory comes from something else in the "
            f"run (another process holding memory, a larger batch or context, or fp32 instead of fp16): {rest}"
        )
    return None


# "does this mean the 3090 no longer supports FP8?", "is it true that vLLM can't load it on 24 GB?", "so the 4060
# won't run it, right?": asked whether a NEGATIVE statement holds, so the fact's "No, it does not" is "Yes" as asked
# (never "doesn't it run on 8 GB?", where the negation sits on the opening auxiliary and "No" answers it)
_CONFIRM_ASKED = re.compile(
    r"\b(?:does|would|do|should)\s+(?:it|this|that)\s+mean\b|\bis it (?:true|correct|right|fair to say|the case)\b"
    r"|\bam i (?:right|correct|wrong)\b|\b(?:right|correct|true)\s*\?\s*$|\bi (?:take it|guess|assume|understand)\b"
)
_NEGATIVE_PROPOSITION = re.compile(
    r"\b(?:no longer|not|never|can'?t|cannot|won'?t|wont|doesn'?t|don'?t|isn'?t|aren'?t|wasn'?t|unable to|"
    r"impossible|no way)\b"
)
_NEGATIVE_AUXILIARY_FIRST = re.compile(
    r"^\W*(?:(?:so|and|but|then)[,]?\s+)?(?:can'?t|doesn'?t|don'?t|isn'?t|aren'?t|won'?t|wouldn'?t|couldn'?t|"
    r"shouldn'?t)\b"
)


def _negative_claim_verdict(lead: str, question: str) -> str | None:
    """'Does it mean the 3090 no longer supports FP8?' answered "**No** — FP8 does not run on the RTX 3090": as
    asked, the negative statement holds, so Yes; a fit ("**Yes** — it fits") makes it No. None when the question
    confirms no negative statement or no plain verdict leads."""
    asked = _asked(question)
    cue = _CONFIRM_ASKED.search(asked)
    if cue is None or _NEGATIVE_AUXILIARY_FIRST.match(asked):
        return None
    claim = asked[cue.end() :] if cue.end() < len(asked.rstrip(" ?")) else asked[: cue.start()]
    if not _NEGATIVE_PROPOSITION.search(claim):
        return None
    found, conditional = _FIT_VERDICT.match(lead), _FITS_WITH.match(lead)
    if conditional is not None:
        # "does that mean I can't run it?" answered "**Yes, with 4-bit weights** — …": it can, on that condition
        rest = lead[conditional.end() :]
        if lead[: conditional.end()].count("**") % 2:
            rest = rest.replace("**", "", 1)
        rest = rest.lstrip(" *")
        condition, dash, after = rest.partition(" — ")
        condition = condition if condition.startswith(("with", "if")) else "with " + condition
        return f"**No** — it can, {condition.strip()}{': ' + after if dash else ''}"
    if found is None:
        return None
    rest = lead[found.end() :].lstrip(" —:-")
    if found.group(1) == "No":
        return f"**Yes** — {rest}"
    return f"**No** — {rest}"


def _quantizing_verdict(lead: str, question: str) -> str | None:
    """'Do I need to quantize it to run on an A10?' answered by the fit of the weights as they ship: a plain fit is
    No (quantizing is not needed), a fit only in a smaller format is Yes, and no fit even quantized says that
    quantizing alone is not enough. None when quantizing is not asked as a necessity."""
    if not asks_if_quantizing_needed(_asked(question)):
        return None
    plain, conditional = _FIT_VERDICT.match(lead), _FITS_WITH.match(lead)
    if conditional is not None:
        rest = lead[conditional.end() :]
        if lead[: conditional.end()].count("**") % 2:
            rest = rest.replace("**", "", 1)
        if rest.lstrip().startswith(
            "with `--"
        ):  # "Only with `--max-model-len 5120`": a server flag, not a format
            return f"**No** — quantizing is not needed, it fits {rest.lstrip()}"
        return f"**Yes** — it fits only {rest.lstrip()}"
    if plain is None:
        return None
    rest = lead[plain.end() :].lstrip(" —:-")
    if plain.group(1) == "Yes":
        return f"**No** — quantizing is not needed: {rest}"
    return f"**Yes, and even that is not enough** — {rest}"


# "what can I change?", "what should I do?", "how can I make it fit?", "any ideas?": the levers are asked for
_LEVERS_ASKED = re.compile(
    r"\bwhat (?:can|could|should|do) (?:i|we) (?:do|change|try|tweak|adjust|use)\b|\bwhat are (?:my|our) options\b"
    r"|\bhow (?:can|could|do|should) (?:i|we) (?:fix|solve|avoid|reduce|lower|get around|make (?:it|this) (?:fit|work))\b"
    r"|\bany (?:ideas|suggestions|tips|advice|workarounds?)\b|\bhow to (?:fix|avoid|make it fit)\b"
)
# the lever a plain no-fit names: "With **QLoRA fine-tuning** it would need about 14.8 GB per GPU, which fits."
_LEVER_THAT_FITS = re.compile(
    r"\s*With \*\*(?P<lever>[^*]+)\*\* it would need about (?P<gb>[\d.,]+) GB per GPU, which fits\."
)


def _levers_verdict(lead: str, question: str, *, yes_no: bool = False) -> str | None:
    """'It keeps running out of memory — what can I change?' answered by a plain no-fit that names a setting that
    fits: that setting first ("**Switch to QLoRA fine-tuning** — about 14.8 GB per GPU, which fits"), then why the run
    as it is does not. When the question also asks yes/no ("can I fine-tune it on a T4? if not, what can I change?")
    the No leads and the setting follows it. None when no levers are asked or the lead names none."""
    found = _FIT_VERDICT.match(lead)
    if found is None or found.group(1) != "No" or not _LEVERS_ASKED.search(_asked(question)):
        return None
    first, newline, others = lead.partition("\n")
    lever = _LEVER_THAT_FITS.search(first)
    if lever is None:
        return None
    why = (first[found.end() : lever.start()] + first[lever.end() :]).strip(" —:-")
    name = lever.group("lever").removeprefix("inference in ")
    switch = f"**No** — switch to {name}:" if yes_no else f"**Switch to {name}** —"
    return (
        f"{switch} about {lever.group('gb')} GB per GPU, which fits. As you run it now, {why}"
        + newline
        + others
    )


# "**No**, not as listed, on …", "**No**, not at its defaults, …": a no-fit with its qualification after a comma
_QUALIFIED_NO = re.compile(r"^\*\*(No)\*\*(?=, not\b)")


def _will_fail_verdict(lead: str, question: str) -> str | None:
    """'Will it crash / run out of memory on my 8 GB card?' answered by a plain fit: its "Yes" is the failure, so a
    fit is No and a no-fit is Yes. None when the failure is not what is asked, or no plain verdict leads."""
    found = _FIT_VERDICT.match(lead) or _QUALIFIED_NO.match(lead)
    if found is None or not asks_will_oom(_asked(question)):
        return None
    rest = lead[found.end() :].lstrip(" —:-,")
    if found.group(1) == "Yes":
        return f"**No**, it should not run out of memory — {rest}"
    return f"**Yes**, it would run out of memory — {rest}"


def _in_the_sense_asked(lead: str, question: str, facts: Facts | None = None) -> str:
    """A plain Yes / No fit verdict turned round when the question asks whether the hardware falls short, or
    whether an out-of-memory error it reports is expected; set by the GPU count when it asks whether several
    GPUs are needed; restated as a cause when it asks why."""
    yes_no = facts is not None and facts.understanding.details.yes_no
    if (because := _why_verdict(lead, question)) is not None and not (
        yes_no and because.startswith("**Because")
    ):
        return because  # a why that also asks yes/no ("why does it OOM, can it even fit?") keeps its verdict word
    if (quantizing := _quantizing_verdict(lead, question)) is not None:
        return quantizing
    if (levers := _levers_verdict(lead, question, yes_no=yes_no)) is not None:
        return levers
    if (failure := _will_fail_verdict(lead, question)) is not None:
        return failure
    if (split := _tensor_parallel_verdict(lead, question, facts)) is not None:
        return split
    if (counted := _count_verdict(lead, question, facts)) is not None:
        return counted
    if (necessity := _necessity_verdict(lead, question, facts)) is not None:
        return necessity
    if (claim := _claim_verdict(lead, question)) is not None:
        return claim
    if (negative := _negative_claim_verdict(lead, question)) is not None:
        return negative
    if (yes_with := _YES_WITH.match(lead)) and _SHORTFALL.search(_asked(question)):
        # "is 10 GB too little for Flux?" answered "Yes, with NF4 weights it fits": as asked, not too little then
        rest = lead[yes_with.end() - len("with") :].lstrip()
        if lead[: yes_with.end()].count("**") % 2:
            rest = rest.replace(
                "**", "", 1
            )  # "**Yes, with 4-bit weights** — ...": the condition's bold ends in rest
        condition, dash, after = rest.partition(" — ")
        if not dash:
            return "**No**, it is enough " + rest
        return f"**No**, it is enough {condition.strip()} — {after}"
    with_ = _YES_WITH.match(lead)
    pick = facts.plan.pick if facts is not None and facts.plan is not None else None
    if with_ and pick is not None and pick.count > 1 and _NEEDS_NVLINK.search(_asked(question)):
        # "does vLLM need NVLink for 70B on four L40S?" where it fits with a condition (a context limit): the
        # link's need first, then the condition
        said = facts.understanding.details.gpus
        gpu = next((f.gpu for f in facts.checks if f.gpu.name in said), None) if said else None
        condition = lead[with_.end() :].lstrip("* ").replace(" — ", ", ", 1)
        return f"**No** — {_without_nvlink(gpu or pick.gpu, facts)} With {condition}"
    found = _FIT_VERDICT.match(lead)
    if not found:
        return lead
    asked, rest, fits = _asked(question), lead[found.end() :], found.group(1) == "Yes"
    pick = facts.plan.pick if facts is not None and facts.plan is not None else None
    several = _NEEDS_SEVERAL.search(asked)
    if several and re.search(r"\benough\b", asked[: several.start()]):
        several = (
            None  # "is one 80GB card enough, or would we need 2?": the first sense asked is the one answered
        )
    if several and pick is not None and not fits and pick.count > 1:
        return (
            f"**Yes** — {rest}"  # "No — not on one GPU: …" answers "does it fit on one?"; several are needed
        )
    if several and pick is not None and fits:
        if pick.count == 1:
            return f"**No** — one GPU is enough: {rest}"
        alone = [f for f in facts.plan.report.single_gpu() if not f.gpu.is_owned_hardware]
        one = (
            f" (a single card with more memory holds it alone: the {alone[0].gpu.name}, {alone[0].gpu.memory_gb:.0f} GB)"
            if alone and not facts.plan.request.gpus
            else ""
        )
        return f"**Yes** — it takes {pick.count} GPUs here{one}: {rest}"
    if fits and _NEEDS_NVLINK.search(asked) and pick is not None and pick.count > 1:
        # "do I need NVLink for 2x 3090 to run 70B?": the need of the link is what is asked, not the fit
        said = facts.understanding.details.gpus
        gpu = next((f.gpu for f in facts.checks if f.gpu.name in said), None) if said else None
        return f"**No** — {_without_nvlink(gpu or pick.gpu, facts)} {rest[:1].upper()}{rest[1:]}"
    if _SHORTFALL.search(asked):
        return f"**No**, it is enough — {rest}" if fits else f"**Yes**, it falls short — {rest}"
    if reports_oom(question) and _EXPECTED.search(asked):
        if fits:
            return (
                f"**No** — it should fit, so the out-of-memory comes from something else in the run (another "
                f"process holding memory, a larger batch, or fp32 instead of fp16): {rest}"
            )
        return f"**Yes**, running out of memory is expected — {rest}"
    return lead
