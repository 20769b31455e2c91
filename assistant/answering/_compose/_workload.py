"""Answers about a workload: memory breakdown, GPUs that fit, alternatives, speed, assumptions, caveats."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from ..._text import article
from ...knowledge import load_catalog, load_models
from ...planning import Option, meets_rate
from ...sizing import (
    Fit,
    NoFit,
    Task,
    Workload,
    decode_efficiency_key,
    estimate_memory,
    estimate_serving,
    fit_at,
    free_ram_gb,
    is_local,
    kv_cache_bytes_per_token,
    largest_batch,
    load_assumptions,
    load_finetune_tools,
    longest_sequence,
    lora_adapter_params,
    machine_ram_gb,
    memory_levers,
    runtime_label,
    training_tokens_per_s,
    usable_memory_gb,
    within_raised_share,
)
from ...understanding._local import asks_cpu_offload, asks_cpu_ram, speaks_of_a_rental_bill
from ...understanding._observed import zero_stages_seen
from ...understanding._premises import larger_variant_named
from ...understanding._progress import run_pace
from ...understanding._understand import Intent
from .._facts import Facts, below_quality_floor
from ._beyond_home import beyond_home_sentence
from ._budget import budget_lead
from ._buy_or_rent import buy_or_rent_text
from ._catalog import (
    as_good_as,
    asks_per,
    claimed_factor,
    factor_said,
    how_much_faster,
    speed_relation,
    speed_verdict,
)
from ._cpu import asks_speed, cpu_speed_text
from ._cpu_offload import pytorch_cpu_load_note, pytorch_offload_lead
from ._data_parallel import ddp_verdict, full_shard_clause, replicated_no_fit, zero12_adapter_verdict
from ._engine_formats import engine_formats_text
from ._engine_memory import ASKS_IF_NORMAL as _ASKS_IF_NORMAL
from ._engine_memory import ASKS_IF_WRONG as _ASKS_IF_WRONG
from ._engine_memory import (
    context_cap,
    default_context_note,
    engine_memory_text,
    reservation_lead,
    share_flag,
)
from ._engines import engine_choice_text
from ._extreme_quant import extreme_quant_text
from ._format import (
    capitalized,
    duration_text,
    gb,
    hours_as_asked,
    markdown_table,
    money,
    number_text,
    split_details,
    token_count,
    with_details,
)
from ._format_pick import format_pick_sentence
from ._format_speed import format_speed_sentence
from ._home import home_answer, moe_instead_text
from ._kv_context import kv_context_text
from ._levers import levers_text
from ._local_support import local_support_text
from ._local_usage import local_usage_text
from ._macs import macs_by_memory
from ._mfu import mfu_text
from ._mid_run_oom import mid_run_oom_text, ooms_partway
from ._minimum import minimum_setup_sentence
from ._network import network_text
from ._observed_cause import fp32_load_cause, observed_cause_text
from ._ollama_parallel import ollama_parallel_text
from ._optimizer import optimizer_saving_text, saving_asked
from ._passages import Passage
from ._power import power_cost_text
from ._scaling import (
    counts_weighed_text,
    kv_format_weighed_text,
    kv_math_text,
    prefix_caching_text,
    speculative_text,
)
from ._seen_concurrency import seen_concurrency_text
from ._serving_slow import serving_slow_text
from ._shapes import (
    asks_will_oom,
    batch_sentence,
    choice_pick_asked,
    choice_sentence,
    count_sentence,
    deadline_sentence,
    fits_as_asked,
    home_sentence,
    lead_fit,
    longest_context_sentence,
    mac_sentence,
    replica_plan,
    replicas_sentence,
    reports_oom,
    run_deadline,
    servers_clause,
    setups_sentence,
    usable_gb_on,
    variant_sentence,
)
from ._slow import moe_offload_note, ram_short_text, slow_reason_text, slow_verdict_text
from ._tensor_parallel import SPEED_QUESTION, tensor_parallel_text
from ._throughput_target import request_rate_sentence, throughput_target_sentence
from ._upgrade_speed import upgrade_speed_text
from ._users_at_once import users_at_once_note, users_at_once_sentence
from ._which_memory import more_memory_text, which_memory_text
from ._working_set import working_set_text
from ._workload_details import breakdown, details_parts
from ._zero_stages import zero_stages_text

__all__ = ["room_figures", "split_sequence_figures", "workload_answer"]


def workload_answer(facts: Facts, passages: Sequence[Passage]) -> str:
    """Short by default: the answer and its key number first (at most three lines), the assumptions that
    changed it, one compact table; then ``DETAILS_BREAK`` and everything else (breakdown, every GPU that
    fits, how the answer changes, speed working, conventions, caveats, background)."""
    if (home := home_answer(facts)) is not None:
        # a model no home machine holds, asked at home: its home routes first; the sizing as asked goes below
        sized, sized_details = split_details(workload_answer(replace(facts, home=None), passages))
        return with_details(
            "\n\n".join(p for p in home if p), "\n\n".join(p for p in (sized, sized_details) if p)
        )
    text = [*_headline(facts)]
    if seen := seen_concurrency_text(
        facts
    ):  # "vLLM only fits 20 sequences at once, why?": the KV room's arithmetic
        text.insert(0, seen)
    if lead := budget_lead(
        facts
    ):  # "what do I buy with $5,000 to run it?": what the budget buys, not a rental
        text = [lead]
    if (saving := optimizer_saving_text(facts)) and text:
        # "how much does 8-bit Adam save?": the saving against AdamW first; "AdamW vs Adafactor": after the total
        text.insert(0 if saving_asked(facts) else 1, saving)
    if (formats := _formats_listed_line(facts)) and text:
        text.insert(1, formats)  # "at 4-bit, 8-bit and fp16?": each format asked, sized, right after the lead
    if not facts.understanding.details.yes_no and (note := users_at_once_note(facts)):
        # "to 200 users": the sizing counted them all at once, which comes right after it
        text.insert(1, note)
    if context_note := default_context_note(facts):  # vLLM/SGLang size for the full context unless told
        text.insert(1, context_note)
        if text[0].startswith("**Yes** — "):
            # it fits, but the server will not start at its default context: the flag is the condition
            flag, cap = context_cap(facts)
            text[0] = f"**Yes, with** `{flag} {cap}` or less — " + text[0].removeprefix("**Yes** — ")
    if text and text[0].startswith("**No**") and (extreme := extreme_quant_text(facts)):
        text.insert(1, extreme)  # too big for their one card in every usual format: the width that would fit
    if unlisted := _unlisted_card_text(facts):
        text = unlisted if not facts.understanding.details.stated_memory_gb else [*text, *unlisted]
    if engine := engine_memory_text(facts):  # "why does vLLM take all my VRAM?", a pasted KV-cache error
        if lead := reservation_lead(facts):  # what the model needs against what the server reserved, first
            text = [lead, engine, *text]
        else:
            text.insert(0 if not facts.understanding.details.yes_no else 1, engine)
            if engine.startswith("**Likely cause:** with no") and text[0].startswith("**Yes** — "):
                # "can it run on my 4090? mine runs out of memory": it fits, but not at the server's default
                # context — the flag is the condition, as when no failure is reported
                flag, cap = context_cap(facts)
                text[0] = f"**Yes, with** `{flag} {cap}` or less — " + text[0].removeprefix("**Yes** — ")
    if choice := engine_choice_text(
        facts
    ):  # "ollama or vllm for my team of 15?": the engine first, then the sizing
        text.insert(0, choice)
    if buy := buy_or_rent_text(facts):  # "buy 2x 3090 or rent an H100?": the costs and break-even lead
        text.insert(0, buy)
    elif power := power_cost_text(facts):  # "and what would it cost in electricity?": after the fit
        text.insert(1, power)
    if which := which_memory_text(facts):  # "is that CPU RAM or GPU RAM?": where the memory has to be, first
        text.insert(0, which)
    if working := working_set_text(
        facts
    ):  # Metal's "recommended max working set" warning on a Mac, explained
        if working.startswith("**No**") and text and text[0].startswith("**No**"):
            text[0] = working  # bigger than the whole Mac: the one "No", with the warning explained in it
        else:
            text.insert(0, working)
    if more := more_memory_text(
        facts
    ):  # "can I make it use more of my 64 GB, would it be faster?": no, and why
        text.insert(0, more)
    if slots := ollama_parallel_text(facts):  # OLLAMA_NUM_PARALLEL: a context per slot, and what it spills
        text.insert(0 if not facts.understanding.details.yes_no else 1, slots)
    if support := local_support_text(facts):  # a Radeon or an Arc at home: how Ollama / llama.cpp run on it
        text.append(support)
    if formats := engine_formats_text(facts):  # "in vLLM with 4-bit": the formats it loads at that width
        text.append(formats)
    if levers := levers_text(facts):  # out of memory on their one GPU: what fills it and what would fit
        text.append(levers)
    elif facts.understanding.details.wants_reason:  # "why?": the working behind the verdict, in the answer
        if why := _why_the_pick(facts):
            text.append(why)
        text.append(breakdown(facts))
    if partway := mid_run_oom_text(facts):  # fine for a while, then out of memory: what changes during a run
        # the run they report is the question: its causes come before a fresh pick of hardware (after a verdict on
        # their own card)
        picked = bool(text) and text[0].startswith(("Best value", "The cheapest option", "Fastest option"))
        text.insert(0, partway) if picked else text.append(partway)
    # what they see has a cause of its own (allocator, optimizer, keep-alive, what each ZeRO stage shards)
    if cause := observed_cause_text(facts):
        text.insert(0, cause)
    if mfu := mfu_text(facts, f"{facts.workload.task_label} of {facts.workload.model_label}"):
        text.insert(0, mfu)  # "what MFU should I expect?": the utilisation, then the rest
    if network := network_text(
        facts
    ):  # InfiniBand or Ethernet between servers: the step's traffic vs compute
        text.insert(0, network)
    if stages := zero_stages_text(facts):
        # after the per-GPU figures of each strategy when the plan sized them side by side, or after what fills
        # the user's own cards and what would fit them (an out-of-memory report); first otherwise
        sized = facts.plan is not None and bool(facts.plan.strategies) and bool(text)
        if facts.levers and not sized and len(zero_stages_seen(facts.understanding.question.lower())) < 2:
            text.append(stages)  # one stage, their own config: their cards' figures and levers come first
        else:
            text.insert(1 if sized else 0, stages)
    notes = [d.removeprefix("note: ") for d in facts.defaults if d.startswith("note:")]
    if notes:
        text.append(" ".join(f"**Note:** {capitalized(n)}." for n in notes))
    assumed = [d for d in facts.defaults if not d.startswith("note:") and _changes_answer(d, facts)]
    if throughput_target_sentence(facts, "") or _request_rate_on_asked(facts, ""):
        # sized on average requests batched together, which it says
        assumed = [d for d in assumed if not _SIZED_PER_SEQUENCE.search(d)]
    elif (
        (facts.understanding.details.tokens and _volume_cost(facts, lead_fit(facts)))
        or _PER_TOKEN.search(facts.understanding.shape_text.lower())
        or facts.understanding.details.largest_batch
    ):
        # a volume, or a price per token at full load, is generated batched; the largest batch is what is asked
        assumed = [d for d in assumed if "one sequence at a time" not in d]
    if (weights := facts.understanding.details.weights_gb) and facts.workload.params:
        assumed.insert(
            0,
            f"the model known only by its size: {weights:g} GB read as 16-bit weights, about "
            f"{facts.workload.params / 1e9:.0f}B parameters",
        )
    if assumed:
        text.append("_Assumed: " + "; ".join(assumed) + "._")
    own = _own_fit(facts)
    if own is not None:
        split = facts.workload.runtime == "llama.cpp"  # the layers split, the cards taking turns
        text.append(
            _own_speed_text(own, facts.workload.runtime)
            + (
                tensor_parallel_text(own, facts.workload, own.count, facts.understanding.question)
                if split
                else ""
            )
        )
    elif facts.shown and not _own_machine(facts) and facts.budget is None:  # rentals are noise when buying
        text.append(_compact_table(facts))
    details = details_parts(facts, passages, own)
    return with_details("\n\n".join(p for p in text if p), "\n\n".join(p for p in details if p))


# defaults a throughput target replaces: it batches many average-length requests, not one long sequence
_SIZED_PER_SEQUENCE = re.compile(r"\bone sequence at a time\b|\bcontext of [\d,]+ tokens per sequence\b")


def _one_gpu_sentence(facts: Facts, what: str, total: float) -> str:
    """ "Can I run it on a single GPU?" with no card named: yes on the cheapest one card that holds it, or no —
    with what it takes instead, and the number format that would fit one card."""
    singles = [f for f in facts.plan.report.fits if f.count == 1]
    if singles:
        one = min(singles, key=lambda f: (f.price_per_hour is None, f.price_per_hour or 0, -f.headroom_gb))
        price = f" ({money(one.price_per_hour)}/hour)" if one.price_per_hour else ""
        rented = (
            _instance(one, ", as ") if facts.understanding.details.providers else ""
        )  # "an ec2 box": its name
        return (
            f"**Yes** — {what} needs about {gb(total)} of GPU memory, which one **{one.gpu.name}** "
            f"({one.gpu.memory_gb:g} GB{rented}) holds{price}; a card with less memory needs it split or quantized."
        )
    report = facts.plan.report
    cards = [f.gpu for f in report.fits] + [n.gpu for n in report.no_fits]
    cards = [g for g in cards if g.gpu_class != "local"] or [
        facts.pick.gpu
    ]  # a Mac is no GPU to rent or rack
    top = max(g.memory_gb or 0 for g in cards)
    largest = " and ".join(sorted({g.name for g in cards if g.memory_gb == top}))
    text = (
        f"**No** — not on one GPU: {what} needs about {gb(total)} of GPU memory, more than any single GPU holds "
        f"(the largest, {largest}, {'have' if ' and ' in largest else 'has'} {top:g} GB)"
    )
    pick = facts.pick
    text += f"; it takes **{pick.label}** ({money(pick.price_per_hour)}/hour)."
    room = max((f.usable_gb for f in report.fits if f.gpu.memory_gb == top), default=0.0) or top * 0.9
    fits_one = [
        o for o in facts.options if o.label.startswith("inference in ") and o.estimate.total_gb <= room
    ]
    if fits_one:
        o = max(fits_one, key=lambda o: o.estimate.total_gb)  # the least compression that fits one card
        text += (
            f" On one card only {o.label.removeprefix('inference ')}: about {gb(o.estimate.total_gb)}, within a "
            f"{top:g} GB card."
        )
    return text


def _unlisted_card_text(facts: Facts) -> list[str]:
    """For a card the catalog does not list ("my GTX 1650"): that it is not listed, and the memory the answer
    went by — or, when no memory was said, the memory the model needs, and a request for the card's."""
    details = facts.understanding.details
    card = details.unlisted_gpu
    if not card or details.gpus:
        return []
    if details.stated_memory_gb:
        return [
            f"_The {card} is not in my catalog, so this goes by the {details.stated_memory_gb:g} GB you gave; "
            "I have no memory-bandwidth figure for it, so I quote no speed for it._"
        ]
    work, total = facts.workload, facts.estimate.total_gb
    what = f"{work.task.label} of {work.model_label}" + (
        f" in {work.precision}" if work.task is Task.INFERENCE else ""
    )
    return [
        f"The **{card}** is not in my catalog, so I do not know how much memory it has and cannot give a "
        f"verdict for it. {capitalized(what)} needs about **{gb(total)}** of GPU memory: it runs on the {card} "
        f"if the card has at least that much. Tell me its memory (how many GB of VRAM) and I will check it against "
        "that."
    ]


_VERDICT_FIRST = re.compile(r"\*\*(?:Yes|No|Only|Not)\b")


def _formats_listed_line(facts: Facts) -> str:
    """'How much VRAM at 4-bit, 8-bit and fp16?': every weight format's total, one line, when several were asked
    (a yes/no's own ladder already gives each format's verdict)."""
    details = facts.understanding.details
    if not details.formats_listed or details.yes_no or not facts.options:
        return ""
    each = [
        f"{_FORMAT_NAMES.get(name, name)}: about {gb(o.estimate.total_gb)}"
        for o in facts.options
        if (name := o.label.removeprefix("inference in "))
    ]
    return "By weight format: " + "; ".join(each) + "." if len(each) >= 2 else ""


def _headline(facts: Facts, *, ratio_said: bool = False) -> list[str]:
    """The answer to the question asked, in its shape: a verdict, a number, a user count or a pick."""
    work, estimate = facts.workload, facts.estimate
    intent = facts.understanding.intent
    what = f"{work.task_label} of {work.model_label}"
    if work.task is Task.INFERENCE:
        what += f" in {work.precision}"
        if work.batch > 1:  # "to 30 people at once": the figure and the pick are for them, say so
            what += f" for {work.batch:,} users at once"
    parts: list[str] = []
    total = estimate.total_gb
    details = facts.understanding.details
    if scaled := (
        kv_math_text(facts)
        or prefix_caching_text(facts)
        or speculative_text(facts)
        or counts_weighed_text(facts)
        or kv_format_weighed_text(facts)
    ):
        return [scaled]  # "8 GPUs or 2?", "how many more with an FP8 KV cache?": both capacities side by side
    if rate := throughput_target_sentence(facts, what):
        return [rate]  # "100 requests/s", "5k tokens/s total": how many GPUs reach it
    if rate := _request_rate_on_asked(facts, what):
        return [rate]  # "how many requests per second can one H100 handle?": the rate it sustains
    if upgrade := upgrade_speed_text(facts):
        return [upgrade]  # "I have a 3050, would a 4090 speed up generation?": each card's speed at home
    named = list({c.gpu.name: c.gpu for c in facts.checks}.values())
    if (
        not ratio_said
        and len(named) >= 2
        and (ratio := how_much_faster(named, details, facts.understanding.question))
    ):
        # "how much faster is the H200 than the H100 for a 70B?": the ratio first, then the setups that hold it
        return [ratio, *_headline(facts, ratio_said=True)]
    if pick := format_pick_sentence(facts):  # "what quant should I use on my 4090?": the format, named
        return [pick]
    if details.yes_no and (users := users_at_once_sentence(facts, what)):
        # "can one H100 serve it to 200 users?": people, not sequences in flight — how many at once it holds
        return [users]
    cost = _capacity_sentence(facts) if details.wants_capacity else ""
    cost = cost or _volume_against_api(facts, lead_fit(facts))  # "API or self-host at 1M tokens a day?"
    # "which GPU to run X at home, budget 2k?": the card to buy and its price, not a monthly rental bill
    buying = bool(facts.purchases) and not speaks_of_a_rental_bill(facts.understanding.question.lower())
    lead = lead_fit(facts)
    asks_cost = (
        details.wants_time
        or (details.wants_cost and not buying)
        or asks_token_budget(facts.understanding)
        or (_asks_training_throughput(facts) and lead is not None and lead.training is not None)
    )
    if not cost and asks_cost and not choice_sentence(facts, what, total):
        cost = _cost_sentence(facts)  # "which costs less, A or B?" is a choice, answered by naming one
    if not cost and details.wants_time and lead is not None and not lead.gpu.training_tflops:
        # "how long on one L20?": no published tensor figure, so no time — said first, not skipped
        cost = (
            f"I can't estimate how long {what} takes on the {lead.gpu.name}: no dense 16-bit tensor TFLOPS figure "
            "is published for it, and the time comes from that figure. Its memory is known: "
            + re.sub(r"^(?:Yes|No) — ", "", _check_sentence(facts, what, total).replace("**", ""))
        )
    if cost:
        parts.append(cost)
        if (
            _ALSO_YES_NO.search(facts.understanding.question.lower())
            and facts.checks
            and not details.wants_time
        ):
            # "what does it cost, and can it serve 70B?": the verdict on their setup first, then the bill
            parts.insert(0, _check_sentence(facts, what, total))
    due = deadline_sentence(facts, what)
    if due and cost and run_deadline(facts)[1]:
        parts.remove(cost)  # a pre-training run sized to an assumed wall clock: its bill is in that sentence
    if due:  # "in a week": the GPUs that finish in time come first
        parts.insert(0, due)
        cost = cost or due
    if (
        cost
        and details.yes_no
        and work.task.is_training
        and details.gpu_count == 1
        and len(facts.checks) == 1
        and isinstance(facts.checks[0], NoFit)
        and not _VERDICT_FIRST.match(parts[0])
    ):
        # "can I ... in under a day on one H100?", "is $50 enough ... on my 4090?": the one card they named does not
        # hold the job, so whatever the time or the bill, the answer is No; that verdict comes first
        parts.insert(0, _check_sentence(facts, what, total))
    elif (
        due
        and details.deadline_hours
        and details.yes_no
        and len(facts.checks) == 1
        and isinstance(facts.checks[0], Fit)
    ):
        # "can I do it in under a day on one 4090?": their setup holds it; whether it finishes in time is the answer
        mine = facts.checks[0]
        if mine.training is not None and not _VERDICT_FIRST.match(parts[0]):
            in_time = mine.training.hours <= details.deadline_hours
            parts[0] = (
                f"**{'Yes' if in_time else 'No'}** — on {mine.label} it takes about {duration_text(mine.training.hours)}, "
                f"{'within' if in_time else 'more than'} the {duration_text(details.deadline_hours)} asked. "
                + parts[0]
            )
    if not details.yes_no and (reason := slow_reason_text(facts)):
        return [reason]  # "why is it so slow / on the CPU?": whether it fits the card is the cause
    if details.yes_no and (reason := slow_verdict_text(facts)):
        return [reason]  # "it is slow on my 3090, is this normal?": no if it fits the card, yes if it spills
    if served := serving_slow_text(
        facts
    ):  # "why so slow under vLLM?", "TP=8 is less than 2x TP=4": the cause
        return [served]
    if seen := _observed_speed_sentence(facts):  # "I get 25 t/s on my 3090, normal?": against the estimate
        return [seen]
    if hoped := _expected_speed_sentence(facts, what):  # "it should do like 100 tok/s, right?": yes or no
        return [hoped]
    if first := _first_token_sentence(facts, what):  # "time to first token for a 32k prompt?": that figure
        return [first]
    if same := _as_fast_sentence(facts, what):  # "the L40S is basically an H100 for serving 8B, right?"
        return [same]
    if published := _pretraining_sentence(
        facts
    ):  # "how many GPU-hours did Llama 3 70B take?": the model card
        return [published]
    pace = _pace_sentence(
        facts
    )  # "30 mins for 0.01 epochs, how long will it take?": the run at the pace seen
    if timed := _observed_time_sentence(facts):  # "30 hours per epoch on 8 A100s, is that normal?"
        return [pace + timed]
    if slow := _slow_training_sentence(facts, what):  # "why is my LoRA on an L4 so slow?": the causes, sized
        return [pace + slow]
    if pace:
        return [pace + _arithmetic_pace(facts).strip()]
    if saving := _context_saving_sentence(facts):  # "does the longer context of 3.1 save VRAM?": no
        return [saving]
    if by_size := format_speed_sentence(
        facts
    ):  # "would Q8 run faster than Q4 on my CPU?": no, the bytes decide
        return [by_size]
    room = batch_sentence(facts, what)
    if room and details.largest_batch:  # "what's the max batch size?": that number is the answer
        return [room]
    if longest := _longest_training_sequence(facts, what):  # "what max seq len can I train at on my 24GB?"
        return [longest]
    if longest := longest_context_sentence(facts, what):  # "how long can the context be?": that number
        return [longest]
    count = (
        ""
        if cost
        else (
            _asked_layers_sentence(facts)
            or _layers_sentence(facts, what, total)
            or count_sentence(facts, what, total)
        )
    )
    strategies = "" if cost else _strategies_sentence(facts, what)
    lever = "" if cost or strategies else _checkpointing_sentence(facts, what)
    if strategies:  # "ZeRO-2 vs ZeRO-3, how much per GPU?": each strategy's memory per GPU is the answer
        parts.append(strategies)
    elif lever:  # "does gradient checkpointing save much?": the job with it and without it
        parts.append(lever)
    elif details.any_mac and (mac := mac_sentence(facts, what, total)):
        parts.append(mac)  # "would it run on a Mac?": the least memory that holds it, over every Mac
    elif (
        details.method_unstated
        and work.task.is_training
        and _method_options(facts)
        and not (cost and not details.yes_no)  # "how long / how much?": the time or cost is the answer
    ):
        choice = ""
        if len(facts.checks) >= 2 and choice_pick_asked(facts):
            choice = choice_sentence(facts, what, total) or variant_pick(facts)
        # "A or B for fine-tuning X, which one?": the pick, then each method on each of them
        parts.append(f"{choice}\n{_variants_on_each(facts)}" if choice else _methods_headline(facts))
    elif count:
        parts.append(count)
    elif setup := setups_sentence(facts, what, total):
        parts.append(setup)
    elif variant := variant_sentence(facts, what, total):
        parts.append(_oom_conditioned(facts, variant) + _leaner_on_smaller(facts))
    elif choice := choice_sentence(facts, what, total):
        parts.append(choice)
    elif len(facts.checks) >= 2 and choice_pick_asked(facts) and (choice := variant_pick(facts)):
        # "A or B for a 30B model?" and neither holds it in 16-bit: the pick in the first format one of them holds
        parts.append(f"{choice}\n{_variants_on_each(facts)}")
    elif cost:
        pass
    elif facts.checks:
        parts.append(_check_sentence(facts, what, total))
        if room:  # their batch does not fit: the one that does, and the accumulation that keeps it
            parts.append(room)
    elif (
        details.stated_memory_gb and not details.gpus and not details.ram_gb and (details.gpu_count or 0) > 1
    ):
        # "8x A800 80GB", "4 H20 (96GB)": several cards the catalog lacks, weighed at their count and memory
        parts.append(_stated_cards_sentence(facts, what, total))
    elif details.stated_memory_gb and (
        details.yes_no or details.ram_gb or details.local
    ):  # their own machine
        parts.append(_stated_memory_sentence(facts, what, total))
    elif details.stated_memory_gb and total > details.stated_memory_gb:
        # "how much memory does it need? it OOMs on my 80G card": the figure first, against what they have
        parts.append(_beyond_stated_sentence(facts, what, total))
    elif details.stated_memory_gb and not details.gpus:
        # the memory they have, said earlier ("23.65 GiB total capacity" in their log, "I have 24GB"): the
        # figure against it, not only the cards to rent
        oom = (
            " — so an out-of-memory error there comes from settings beyond the estimate (batch, sequence length, "
            "checkpointing; see below)"
            if reports_oom(facts.understanding.question) and work.task.is_training
            else ""
        )
        parts.append(
            f"{capitalized(what)} needs about **{gb(total)}** of GPU memory — within the "
            f"{details.stated_memory_gb:g} GB you have{oom}."
        )
    elif not facts.checks and (details.gpu_count or 0) > 1 and not details.yes_no:
        # "full fine-tune on 4 GPUs with ZeRO-3, how much does each need?": the figure at their count
        n = details.gpu_count
        parts.append(
            f"{capitalized(what)} needs about **{gb(estimate.per_gpu_gb(n))} per GPU** spread over {n} GPUs "
            f"({gb(total)} in all)."
        )
    elif facts.pick and details.yes_no and details.gpu_count == 1 and facts.plan is not None:
        parts.append(_one_gpu_sentence(facts, what, total))  # "on a single GPU?": one card, or no
    elif least := minimum_setup_sentence(facts, _minimum_variants(facts)):
        parts.append(
            least
        )  # "what's the minimum GPU for it?": the least hardware per format, not the best value
    elif facts.pick and (beyond := beyond_home_sentence(facts, what)):
        parts.append(
            beyond
        )  # "can I run DeepSeek V3 at home?": the home machines that hold it, then the rental
    elif facts.pick and details.yes_no:
        pick = facts.pick
        where = f"**{pick.label}**" if pick.count > 1 else f"**one {pick.gpu.name}**"
        if details.providers:  # "what size EC2 instance do I need?": the instance to rent, by its name
            where += _instance(pick, " as ")
        if details.local and pick.gpu.gpu_class == "consumer" and work.task is Task.INFERENCE:
            home = home_sentence(
                facts, what, where
            )  # "can I run it at home?": the card to buy, not an hour's rent
            parts.append(f"**Yes** — {home[0].lower()}{home[1:]}")
        else:
            parts.append(
                f"**Yes** — {what} needs about {gb(total)} of GPU memory and runs on {where} "
                f"({money(pick.price_per_hour)}/hour)."
            )
    elif facts.pick:
        pick = facts.pick
        lead = "The cheapest option" if facts.understanding.details.cheaper else "Best value"
        if facts.understanding.details.faster:
            lead = "Fastest option"
        where = f"**{pick.label}**" if pick.count > 1 else f"**one {pick.gpu.name}**"
        if details.providers:  # "which instance on AWS?": the instance type to launch, not only the card
            where += _instance(pick, " as ")
        if details.local and pick.gpu.gpu_class == "consumer" and work.task is Task.INFERENCE:
            home = [home_sentence(facts, what, where)]
            amount_asked = intent is Intent.SIZE or (
                not details.yes_no and _HOW_MUCH.search(facts.understanding.question.lower())
            )
            if amount_asked and not details.observed_gb:
                # "how much VRAM for it at 32k in Ollama?", "what's the vram needed for it in LM Studio?": the
                # figure first, then the card that holds it
                home.insert(0, f"{capitalized(what)} needs about **{gb(total)}**{_kv_share(facts)}.")
            if (
                details.observed_gb
                and not reservation_lead(facts)
                and (
                    _asks_about_usage(facts.understanding.question)
                    or details.observed_gb
                    < _FAR_BELOW * estimate.total_gb  # a reading that cannot hold the weights
                )
            ):
                home.insert(
                    0, _observed_sentence(facts, estimate)
                )  # "why does it use only 1 GB?": that first
            return home
        split = f", {gb(pick.per_gpu_gb)} per GPU when split across {pick.count}" if pick.count > 1 else ""
        rate = _serving_rate(pick)
        if (wanted := _speed_target(facts)) is not None:
            parts.append(wanted)
            return parts
        if intent is Intent.SIZE:
            parts.append(
                f"{capitalized(what)} needs about **{gb(total)}** of GPU memory{split}. "
                f"{lead}: {where} ({money(pick.price_per_hour)}/hour{rate})."
            )
        else:
            parts.append(
                f"{lead}: {where} ({money(pick.price_per_hour)}/hour{rate}) — {what} needs about "
                f"{gb(total)} of GPU memory{split}."
            )
    elif details.consumer_only:
        parts.append(_beyond_consumer_cards(facts, what, total))
    else:
        parts.append(
            f"{what[0].upper() + what[1:]} needs about **{gb(total)}** of GPU memory, and no GPU in the catalog"
            + (" that matches your filters" if facts.filters else "")
            + f" holds it within {facts.max_gpus} GPUs."
        )
    if not strategies and (ddp := _ddp_sentence(facts)):
        parts.append(ddp)
    if split := _sequence_parallel_sentence(
        facts
    ):  # long sequences on several GPUs: activations do not shard
        parts.append(split)
    if adapters := _adapters_sentence(facts):  # "10 LoRA adapters on one base model": what they add
        parts.append(adapters)
    if ram := _cpu_ram_sentence(facts, what):  # "how much RAM for ZeRO-3 offload?": the CPU memory first
        parts.insert(0, ram)
    if (
        details.observed_gb
        and not details.method_unstated
        and not reservation_lead(facts)  # a batching server's reservation: the lead sets it against the need
    ):
        seen = _observed_sentence(facts, estimate)
        if _asks_about_usage(facts.understanding.question):
            parts.insert(0, seen)  # "is it normal that it uses 14 GB?": that is the answer, first
        else:
            parts.append(seen)  # "it uses 30 GB, will it fit on a 24 GB card?": the fit stays the answer
    return parts


# "how much (CPU / system / host) RAM do I need", not GPU memory
_ASKS_RAM = re.compile(
    r"\bhow much (?:cpu |system |host )?(?:ram|memory on the cpu|cpu memory|host memory|system memory)\b"
    r"|\b(?:cpu|system|host) (?:ram|memory)\b[^?]*\?"
    r"|\bram\b\W*\(?\s*not (?:the )?(?:vram|gpu)|\b(?:ram|cpu memory|system memory) (?:requirements?|needed|required)\b"
)
_MERGE = re.compile(r"\bmerg(?:e|es|ing|ed)\b|merge_and_unload")


def _cpu_ram_sentence(facts: Facts, what: str) -> str:
    """The CPU RAM a training run needs, when the question asks about RAM: the offloaded states of an offloaded
    run, else what loading the checkpoint (or merging an adapter) holds in CPU memory."""
    if not _ASKS_RAM.search(facts.understanding.question.lower()):
        return ""
    if not facts.workload.cpu_offload:
        return _loading_ram_sentence(facts, what) if facts.workload.task.is_training else ""
    ram = next((v for label, v in facts.estimate.alternatives if label.startswith("CPU RAM")), None)
    if ram is None:
        return ""
    told = facts.understanding.details.host_ram_gb
    if told:  # "we have 94 GB of RAM, enough?": the verdict against the RAM said
        verdict = "Yes" if ram <= told else "No"
        relation = "within" if ram <= told else "more than"
        return (
            f"**{verdict}** — {what} with the offloaded states in CPU memory needs about **{gb(ram)} of CPU RAM**, "
            f"{relation} your {gb(told)} (DeepSpeed's estimate: 16 bytes per parameter for the optimizer, 18 with the "
            f"parameters offloaded too, times its 1.5 buffer factor); each GPU then holds about "
            f"{gb(facts.estimate.total_gb)}."
        )
    return (
        f"About **{gb(ram)} of CPU RAM** for {what} with the offloaded states in CPU memory (DeepSpeed's estimate: 16 "
        f"bytes per parameter for the optimizer, 18 with the parameters offloaded too, times its 1.5 buffer factor); "
        f"each GPU then holds about {gb(facts.estimate.total_gb)}."
    )


def _loading_ram_sentence(facts: Facts, what: str) -> str:
    """System RAM for a run that keeps its states on the GPU: Transformers builds the model in CPU memory from its
    16-bit checkpoint before it goes to the GPU (each process of a multi-GPU launch its own copy); a 4-bit base is
    quantized shard by shard as it loads; merging an adapter needs the 16-bit base."""
    work, question = facts.workload, facts.understanding.question.lower()
    weights = work.params * load_assumptions().bytes_per_param("bf16") / 1e9
    shard = load_assumptions().number("hf_checkpoint_shard_gb")
    gpu = gb(facts.estimate.total_gb)
    if _MERGE.search(question) and work.task in (Task.LORA, Task.QLORA):
        four_bit = ", not the 4-bit copy QLoRA trains on" if work.task is Task.QLORA else ""
        return (
            f"About **{gb(weights)} of system RAM** to merge the adapter: merging needs the base in 16-bit "
            f"({gb(weights)} of weights{four_bit}), on the CPU when the GPU cannot hold it; the training itself needs "
            f"{gpu} of GPU memory."
        )
    if work.task is Task.QLORA:
        return (
            f"System RAM is not what limits {what}: loading reads the 16-bit checkpoint one shard at a time (about "
            f"{gb(shard)}) and quantizes it onto the GPU, so a few GB of free RAM do; merging the adapter later needs "
            f"the 16-bit base in RAM, {gb(weights)}. The GPU needs {gpu}."
        )
    n = facts.understanding.details.gpu_count or 1
    if n > 1:
        return (
            f"About **{gb(weights * n)} of system RAM** for {what} on {n} GPUs: each of the {n} processes builds its "
            f"own copy of the model in CPU memory from the 16-bit checkpoint ({gb(weights)} each) before it moves to "
            f"its GPU — one copy, {gb(weights)}, when the loader shards it (FSDP's cpu_ram_efficient_loading, "
            f"DeepSpeed ZeRO-3's zero.Init). The GPUs then need {gb(facts.estimate.per_gpu_gb(n))} each."
        )
    return (
        f"About **{gb(weights)} of system RAM** for {what}: Transformers builds the model in CPU memory from its "
        f"16-bit checkpoint ({gb(weights)}) before it moves to the GPU; loaded straight onto the GPU with device_map "
        f"it reads one {gb(shard)} shard at a time. The GPU needs {gpu}."
    )


_DDP_WORDS = re.compile(r"\bddp\b|distributed ?data ?parallel|\bdata[- ]parallel")


_LONG_SEQUENCE = 8192  # tokens from which one sequence's activations are worth splitting across GPUs


def _sequence_parallel_sentence(facts: Facts) -> str:
    """A long-sequence training run on several GPUs: ZeRO-3 / FSDP shard the weights, gradients and optimizer
    states but every GPU still holds a whole sequence's activations; sequence parallelism (DeepSpeed Ulysses,
    ring attention) splits each sequence across the GPUs. Said when the activations are a quarter or more of what
    each GPU holds."""
    work, estimate = facts.workload, facts.estimate
    n = facts.understanding.details.gpu_count or 0
    long_run = work.task.is_training and work.context >= _LONG_SEQUENCE
    if long_run and n < 2 and facts.plan is not None and facts.plan.lead is None:
        return _split_sequence_sentence(facts)  # no GPU holds one sequence: the levers that make it fit
    if not work.task.is_training or n < 2 or work.context < _LONG_SEQUENCE:
        return ""
    activations = next((i.gb for i in estimate.items if i.label == "activations"), 0.0)
    per_gpu = estimate.per_gpu_gb(n)
    if activations < 0.25 * per_gpu:
        return ""
    return (
        f"At {work.context:,} tokens the activations ({gb(activations)}) stay whole on every GPU: ZeRO-3 and FSDP "
        f"shard the weights, gradients and optimizer states, not a sequence. Sequence parallelism (DeepSpeed Ulysses, "
        f"ring attention; in xtuner, ms-swift, 360-LLaMA-Factory) splits each sequence across the {n} GPUs instead; "
        "so does a shorter maximum length."
    )


def _split_sequence_sentence(facts: Facts) -> str:
    """A sequence too long for any GPU's memory: its activations (and the fp32 logits among them), then what a fused
    cross-entropy and sequence parallelism (each sequence and the model states split over the GPUs) make of it, on
    the user's GPU or the catalog's largest training card."""
    work, a = facts.workload, load_assumptions()
    activations = next((i for i in facts.estimate.items if i.label == "activations"), None)
    if activations is None or not activations.gb:
        return ""
    lean = estimate_memory(work.with_(fused_loss=True), a)
    gpu = facts.checks[0].gpu if facts.checks else _largest_training_card()
    if gpu is None:
        return ""
    usable, _ = usable_memory_gb(gpu, True, work.runtime, a)
    whole = sum(i.gb for i in lean.items if i.label == "CUDA context and framework")
    count = math.ceil((lean.total_gb - whole) / max(usable - whole, 1e-9))
    split = (
        f"then one {gpu.name} holds it ({gb(usable)} usable); beyond that, sequence parallelism"
        if count <= 1
        else "sequence parallelism"
    )
    where = "" if count <= 1 else f": about {count} x {gpu.name} ({gb(usable)} usable each)"
    return (
        f"No GPU holds one {work.context:,}-token sequence: its activations alone are about {gb(activations.gb)} "
        f"({activations.detail}), and every GPU keeps a whole sequence's. A fused, chunked cross-entropy (Liger "
        f"kernel) drops the fp32 logits, leaving about {gb(lean.total_gb)} in all; {split} (DeepSpeed Ulysses, ring "
        "attention; in xtuner, ms-swift, 360-LLaMA-Factory) with ZeRO-3 splits both the sequence and the model "
        f"states over the GPUs{where}."
    )


def split_sequence_figures(facts: Facts) -> list[float]:
    """The card's usable memory and count ``_split_sequence_sentence`` prints (for the number check)."""
    work = facts.workload
    if work is None or facts.plan is None or facts.plan.lead is not None or not work.task.is_training:
        return []
    gpu = facts.checks[0].gpu if facts.checks else _largest_training_card()
    if gpu is None:
        return []
    a = load_assumptions()
    usable, _ = usable_memory_gb(gpu, True, work.runtime, a)
    return [usable, estimate_memory(work.with_(fused_loss=True), a).total_gb]


def _largest_training_card():
    """The catalog's training-class GPU with the most memory, priced; None without one."""
    cards = [g for g in load_catalog() if g.gpu_class == "training" and g.price_per_hour]
    return max(cards, key=lambda g: g.memory_gb, default=None)


def _ddp_sentence(facts: Facts) -> str:
    """'DDP or FSDP, how much per GPU with each?': plain data parallelism keeps the whole model, its gradients
    and optimizer states on every GPU; FSDP / ZeRO-3 splits them. Said when DDP is named beside sharding."""
    work, estimate = facts.workload, facts.estimate
    n = facts.understanding.details.gpu_count or 0
    if not work.task.is_training or work.replicated or n < 2:
        return ""
    if not _DDP_WORDS.search(facts.understanding.question.lower()):
        return ""
    return (
        f"Under plain DDP every GPU holds the whole {gb(estimate.total_gb)} (model, gradients and optimizer "
        f"states are copied to each); FSDP or ZeRO-3 shards them to about {gb(estimate.per_gpu_gb(n))} per GPU "
        f"on {n} GPUs."
    )


_STRATEGY_NOTES = {
    "DDP": "every GPU holds a whole copy of the weights, gradients and optimizer states",
    "ZeRO-1": "the optimizer states split, the 16-bit weights and gradients whole on every GPU",
    "ZeRO-2": "optimizer states and gradients split, the 16-bit weights whole on every GPU",
    "ZeRO-3": "weights, gradients and optimizer states all split",
    "FSDP": "full sharding, like ZeRO-3",
}


# "does gradient checkpointing reduce vram a lot?", "how much does activation checkpointing save?"
_CHECKPOINTING_ASKED = re.compile(
    r"\b(?:gradient|activation|grad)[ _-]?(?:checkpointing|ckpt)\b[^?.]{0,60}?"
    r"\b(?:reduc\w*|sav\w*|lower\w*|cut\w*|decreas\w*|help\w*|matter\w*|difference|impact|affect\w*|worth)\b"
    r"|\b(?:reduc\w*|sav\w*|lower\w*|cut\w*|decreas\w*)\b[^?.]{0,40}?\bby\b[^?.]{0,10}\b(?:gradient|activation)[ _-]?checkpointing\b"
)


def _checkpointing_sentence(facts: Facts, what: str) -> str:
    """'Does gradient checkpointing save much memory?': the training job's memory with it and without it (the
    activations it keeps against those it stores), and whether that is a large share; "" for other questions."""
    work = facts.workload
    if not work.task.is_training or not _CHECKPOINTING_ASKED.search(facts.understanding.question.lower()):
        return ""
    estimate = facts.estimate
    other = next((gb_ for label, gb_ in estimate.alternatives if label.startswith("activations with")), None)
    if other is None:
        return ""
    kept = estimate.item("activations").gb  # the activations of the setting sized
    acts_with, acts_without = (kept, other) if work.gradient_checkpointing else (other, kept)
    rest = estimate.total_gb - kept
    with_ckpt, without = rest + acts_with, rest + acts_without
    saved = without - with_ckpt
    if facts.understanding.details.yes_no:
        verdict = "**Yes**" if saved >= 0.2 * without else "**Not much**"
    else:  # "how much does it save?": the amount first
        verdict = f"About **{gb(saved)}**"
    return (
        f"{verdict} — {what} needs about {gb(with_ckpt)} with gradient checkpointing and about {gb(without)} "
        f"without it, at {work.batch} x {work.context:,} tokens per step: it keeps only each layer's input and "
        f"recomputes the rest in the backward pass, so the activations drop from {gb(acts_without)} to "
        f"{gb(acts_with)}, at the cost of slower steps. The saving grows with batch size and sequence length; the "
        "weights, gradients and optimizer states do not change."
    )


def _strategies_sentence(facts: Facts, what: str) -> str:
    """Memory per GPU under each parallelism strategy the question sets side by side, on the user's GPUs (a
    verdict for the one a yes/no question asks about), or on the GPU count they said."""
    plan = facts.plan
    details = facts.understanding.details
    if plan is None or not plan.strategies:
        return ""
    gpu = facts.plan.named[0] if facts.checks else None
    n = details.gpu_count or 0
    if n < 2:
        return ""
    usable = plan.strategy_room_gb
    lines = []
    fits: dict[str, bool] = {}
    for label, estimate in plan.strategies:
        per_gpu = estimate.per_gpu_gb(n)
        line = f"{label} about {gb(per_gpu)} ({_STRATEGY_NOTES[label]})"
        if usable is not None:
            fits[label] = per_gpu <= usable
            line += " — fits" if fits[label] else " — too much"
        lines.append(line)
    on = f"{n} x {gpu.name}" if gpu is not None else f"{n} GPUs"
    room = f" ({gb(usable)} usable each)" if usable is not None else ""
    text = f"Per GPU on {on}{room}, {what} needs: " + "; ".join(lines) + "."
    if fits and not any(fits.values()) and (lean := _lean_option(facts, gpu.name, n)) is not None:
        text += (
            f" None of them holds it with standard mixed-precision AdamW; sharded like ZeRO-3 with pure bf16 weights "
            f"and an 8-bit AdamW it needs about {gb(lean.on_named[gpu.name].per_gpu_gb)} per GPU, which fits (CPU "
            "offload is the other way)."
        )
    asked = _strategy_asked(facts.understanding.question, [label for label, _ in plan.strategies])
    if details.yes_no and asked in fits:
        text = f"**{'Yes' if fits[asked] else 'No'}** with {asked} — " + text[0].lower() + text[1:]
    return text


def _strategy_asked(question: str, labels: list[str]) -> str | None:
    """The strategy a yes/no question asks about: the first named in its last clause that names one, an
    alternative offered after it ("..., or do I need FSDP?") coming second."""
    clauses = list(reversed(re.split(r"[.?!,;]\s+|\s+but\s+", question.lower())))
    clauses = [c for c in clauses if not c.startswith("or ")] + [c for c in clauses if c.startswith("or ")]
    for sentence in clauses:
        named = [
            (sentence.find(key), label)
            for label in labels
            for key in (label.lower(), label.lower().replace("-", ""), label.lower().replace("-", " "))
            if key in sentence
        ]
        if named:
            return min(named)[1]
    return None


def _at_rate(fit, *, bracketed: bool = False) -> str:
    """The card's rate, ' at $1.99/hour' or ' ($1.99/hour)'; '' for a card nobody in the offerings table rents."""
    if fit.price_per_hour is None:
        return ""
    rate = f"{money(fit.price_per_hour)}/hour"
    return f" ({rate})" if bracketed else f" at {rate}"


# "why does it use 14 GB?", "how come it takes so much?": the cause of a reading is asked
# "why", and the other ways to ask what a reading is made of: "where does the rest go?", "what is using it?"
_ASKS_WHY = re.compile(
    r"\bwhy\b|\bhow come\b|\bwhat (?:makes|causes)\b|\bso much\b|\bthat much\b"
    r"|\bwhere (?:does|did|do|is|are) (?:the |all (?:the |that )?)?(?:rest|it|that|memory|vram|extra|remaining|difference|"
    r"other|gap)\b[^?.!]{0,25}\bgo(?:ing|ne)?\b|\bwhat(?: is|'s| are) (?:using|taking|eating|holding|filling)\b"
)


# a reading below this share of the estimate cannot be the model's weights in memory: it needs explaining even
# when the user did not ask why ("30B runs with only 6GB now")
_FAR_BELOW = 0.7
# a reading above this multiple of the estimate is more than allocator slack: something the estimate left out
_FAR_ABOVE = 1.6


def _asks_about_usage(question: str) -> bool:
    q = question.lower()
    return bool(_ASKS_IF_WRONG.search(q) or _ASKS_IF_NORMAL.search(q) or _ASKS_WHY.search(q))


_NAMED_SHARE = 0.1  # a breakdown line this share of the total or more is named among the causes


def _usage_causes(facts: Facts, seen: float, per: float) -> str:
    """Why a run takes the memory it does: the biggest line of the breakdown, a quantized download set against
    the precision it is loaded in, and what a reading far above the estimate most likely holds."""
    estimate, work = facts.estimate, facts.workload
    details = facts.understanding.details
    biggest = max(estimate.items, key=lambda item: item.gb)
    if fp32 := fp32_load_cause(facts, seen):  # the weights in float32, which no dtype said loads: that is all
        return fp32
    causes = [f"Most of it is the {biggest.label}: {gb(biggest.gb)} ({biggest.detail})."]
    # the other large lines: at a long context, the KV cache and (llama.cpp) the compute buffer grow with it
    others = [i for i in estimate.items if i is not biggest and i.gb >= _NAMED_SHARE * estimate.total_gb]
    if others:
        causes.append(
            "Then "
            + "; ".join(
                f"the {i.label}: {gb(i.gb)} ({i.detail})" for i in sorted(others, key=lambda i: -i.gb)
            )
            + "."
        )
    params = work.params
    bits = details.file_gb * 8e9 / params if details.file_gb and params else None
    sixteen = params * 2 / 1e9
    if bits and bits < 12 and work.precision in ("bf16", "fp16", "fp32"):
        causes.append(
            f"The {details.file_gb:g} GB download stores about {bits:.1f} bits per weight, a quantized file; "
            f"loaded in {work.precision} every weight takes {16 if work.precision != 'fp32' else 32} bits "
            f"({params / 1e9:.1f}B x {2 if work.precision != 'fp32' else 4} bytes)."
        )
    if seen > _FAR_ABOVE * per:
        if work.precision not in ("bf16", "fp16", "fp32") and abs(seen - sixteen) <= 0.2 * sixteen:
            causes.append(
                f"{seen:g} GB is about what the unquantized 16-bit weights take ({params / 1e9:.1f}B x 2 bytes = "
                f"{gb(sixteen)}): check that the run loads the {work.precision} file, not the original model."
            )
        grown = activation_growth(facts)
        context = context_match(facts)
        if grown is not None:
            per_sequence, sequences = grown
            causes.append(
                f"In training the activations grow with the tokens of each step (micro-batch x sequence length): "
                f"about {gb(per_sequence)} per {work.context:,}-token sequence here, with gradient checkpointing "
                f"on, so {seen:g} GB matches about {sequences:,.0f} such sequences per step (check "
                "per_device_train_batch_size and max_seq_length); gradient checkpointing left off keeps every "
                "layer's activations, several times more, and PyTorch's caching allocator keeps freed blocks "
                "reserved (nvidia-smi shows reserved memory, not what is in use)."
            )
        if context is not None:
            per_token, tokens = context
            causes.append(
                f"A longer context would also explain it: the KV cache takes {per_token / 1024:,.0f} KiB per token, "
                f"so {seen:g} GB matches a context of about {tokens:,.0f} tokens (check n_ctx / max_model_len)."
            )
    return " ".join(causes)


def _seen_far_above(facts: Facts) -> tuple[float, float, int] | None:
    """The reading, the estimate per GPU and the GPU count, when the reading is far above the estimate."""
    work, details, estimate = facts.workload, facts.understanding.details, facts.estimate
    seen = details.observed_gb
    if work is None or estimate is None or not seen:
        return None
    n = details.gpu_count or 1
    per = estimate.per_gpu_gb(n) if n > 1 else estimate.total_gb
    return (seen, per, n) if seen > _FAR_ABOVE * per else None


def context_match(facts: Facts) -> tuple[float, float] | None:
    """For an inference run seen far above its estimate: the KV-cache bytes per token and the context the
    reading matches; None otherwise."""
    far = _seen_far_above(facts)
    if far is None or facts.workload.task.is_training:
        return None
    seen, per, _ = far
    per_token = kv_cache_bytes_per_token(facts.workload, load_assumptions())
    return (per_token, (seen - per) * 1e9 / per_token + facts.workload.context) if per_token else None


def activation_growth(facts: Facts) -> tuple[float, float] | None:
    """For a training run seen far above its estimate: the GB one more sequence of the assumed length adds (its
    activations and logits) and how many sequences per step the reading matches; None otherwise."""
    far = _seen_far_above(facts)
    if far is None or not facts.workload.task.is_training:
        return None
    seen, per, n = far
    work = facts.workload
    grown = estimate_memory(replace(work, batch=work.batch + 1), load_assumptions())
    per_sequence = (grown.per_gpu_gb(n) if n > 1 else grown.total_gb) - per
    if per_sequence <= 0:
        return None
    return per_sequence, work.batch + (seen - per) / per_sequence


def _token_budget(facts: Facts, outcome, on: str) -> str:
    """TGI's token budget asked about ("what --max-batch-total-tokens?", "Not enough memory to handle 16000 total
    tokens"): the KV-cache tokens the memory left after the weights holds, the most the budget can be; else ""."""
    if not _TOKEN_BUDGET.search(facts.understanding.question.lower()) or not outcome.kv_capacity_tokens:
        return ""
    return (
        f" After the weights, {on} has room for about {outcome.kv_capacity_tokens:,} tokens of KV cache: that is "
        "the most `--max-batch-total-tokens` can be (TGI works it out at warm-up when it is not set); keep "
        "`--max-batch-prefill-tokens` and `--max-total-tokens` below it."
    )


_TOKEN_BUDGET = re.compile(r"max[-_ ]batch[-_ ]total[-_ ]tokens|\bto handle \d+ total tokens")


def _local_tight_causes(facts: Facts, outcome) -> str:
    """A local run that only just fits and still runs out of memory: what pushes it over under llama.cpp (the
    window it allocates, its parallel slots, memory other programs or macOS keep); "" for a roomy fit or a
    server run, whose own settings the breakdown lists."""
    work = facts.workload
    if (
        not is_local(work.runtime)
        or outcome.headroom_gb >= load_assumptions().number("local_tight_fit_share") * outcome.usable_gb
    ):
        return ""
    mac = outcome.gpu.software == "Metal"
    return (
        f" It only just fits ({gb(outcome.headroom_gb)} to spare), so under llama.cpp (which Ollama and LM Studio run) "
        "a longer context window than the one assumed (num_ctx, -c), parallel request slots (OLLAMA_NUM_PARALLEL, "
        "each with its own KV cache) or memory other programs hold push it over"
        + (
            ", and macOS lets the GPU use only part of the unified memory (`sudo sysctl iogpu.wired_limit_mb=N` "
            "raises it)"
            if mac
            else ""
        )
        + ": shorten the context, quantize the KV cache (q8_0 halves it) or pick the next smaller quant."
    )


def _observed_sentence(facts: Facts, estimate) -> str:
    """'Is it normal that it uses 14 GB?': the memory they see set against the estimate per GPU, and what
    moves it — reserved-but-free memory and longer sequences or bigger batches above, shorter ones below."""
    details = facts.understanding.details
    seen = details.observed_gb
    n = details.gpu_count or 1
    per = estimate.per_gpu_gb(n) if n > 1 else estimate.total_gb
    where = " per GPU" if n > 1 else ""
    work = facts.workload
    question = facts.understanding.question.lower()
    wrong = bool(_ASKS_IF_WRONG.search(question))
    asked = _asks_about_usage(question)
    why_more = (
        "llama.cpp (which Ollama and LM Studio run) holds the KV cache for the whole context window it is started "
        f"with (num_ctx, -c; each parallel slot its own) and its compute buffers, so a window longer than "
        f"{work.context:,} tokens raises the real figure."
        if is_local(work.runtime)
        else "PyTorch's caching allocator keeps freed blocks reserved (nvidia-smi shows reserved memory, not what is "
        f"in use), and sequences longer than {work.context:,} tokens, a bigger batch or gradient checkpointing left "
        "off raise the real figure."
    )
    normal = bool(_ASKS_IF_NORMAL.search(question)) and not wrong
    if n == 1 and (local := local_usage_text(facts, seen, per, normal, claim=not asked)):
        return (
            local  # llama.cpp maps its weights (a reading far below) and holds the whole window (far above)
        )
    why = _ASKS_WHY.search(question) and not wrong and not _ASKS_IF_NORMAL.search(question)
    causes = f" {_usage_causes(facts, seen, per)}" if why else ""
    if _FAR_BELOW * per <= seen <= _FAR_ABOVE * per:
        verdict = ("**No** — " if wrong else "**Yes** — ") if asked and not why else ""
        text = f"the {seen:g} GB you see is in line with the estimate of about {gb(per)}{where}"
        text = f"{verdict}{text}" if verdict else capitalized(text)
        return (
            text
            + (
                f" for {work.context:,}-token sequences at batch {work.batch}."
                if seen <= per
                else f"; {why_more}"
            )
            + causes
        )
    if seen > per:
        return f"The {seen:g} GB you see is well above the estimate of about {gb(per)}{where}." + (
            causes or f" {why_more[0].upper()}{why_more[1:]}"
        )
    return (
        f"The {seen:g} GB you see is less than the estimate of about {gb(per)}{where}, which assumes "
        f"{work.context:,}-token sequences at batch {work.batch}; shorter real sequences need less." + causes
    )


def _why_the_pick(facts: Facts) -> str:
    """'Why that one?' after a pick for serving: it has the lowest cost per million generated tokens at full load of
    the setups that hold the model, against the next ones (a cheaper hour can be a dearer token); '' otherwise."""
    plan = facts.plan
    pick = plan.pick if plan is not None else None
    if pick is None or facts.workload.task.is_training or pick.serving is None:
        return ""
    others = [
        f
        for f in plan.shown
        if f is not pick and f.serving is not None and f.serving.cost_per_million_tokens and f.price_per_hour
    ][:3]
    if not others or not pick.serving.cost_per_million_tokens:
        return ""
    if any(f.serving.cost_per_million_tokens < pick.serving.cost_per_million_tokens for f in others):
        if all(f.price_per_hour >= pick.price_per_hour for f in others):  # "the cheapest option": by the hour
            rest = "; ".join(f"{f.label} {money(f.price_per_hour)}" for f in others)
            return f"**Why {pick.label}:** it is the cheapest by the hour of the setups that hold it, against {rest}."
        return ""
    rest = "; ".join(
        f"{f.label} ${f.serving.cost_per_million_tokens:,.2f} ({money(f.price_per_hour)}/hour)"
        for f in others
    )
    return (
        f"**Why {pick.label}:** of the setups that hold it, it generates tokens the cheapest at full load — about "
        f"${pick.serving.cost_per_million_tokens:,.2f} per million at {money(pick.price_per_hour)}/hour — against "
        f"{rest}: a cheaper hour on slower cards buys fewer tokens."
    )


def _changes_answer(default: str, facts: Facts) -> bool:
    """Whether a default shapes the headline: a capacity answer fills the KV cache with as many sequences as
    fit, so 'one sequence at a time' does not."""
    return not (facts.understanding.details.wants_capacity and default.startswith("one sequence"))


_COMPACT_ROWS = 4


def _compact_table(facts: Facts) -> str:
    """The few setups worth knowing: GPU x count, memory per GPU, price, and speed or job time."""
    work = facts.workload
    training = work.task.is_training
    header = ["setup", "memory/GPU", "$/hour"]
    if training and work.tokens:
        header.append("job time / cost")
    elif not training:
        header.append(f"tokens/s each ({work.batch:,} users)" if work.batch > 1 else "tokens/s (1 user)")
    rows = []
    asked = [s for s in facts.setups if isinstance(s, Fit)]  # "2x H100 or 4x A100": the counts said
    named = asked if len(asked) >= 2 else [c for c in facts.checks if isinstance(c, Fit)]
    setups = named if facts.checks else list(facts.shown[:_COMPACT_ROWS])
    if len(setups) < 2:
        return ""  # one setup: the headline already says it
    for fit in setups:
        row = [fit.label, f"{gb(fit.per_gpu_gb)} of {fit.gpu.memory_gb:.0f} GB", money(fit.price_per_hour)]
        if training and work.tokens:
            row.append(
                f"{duration_text(fit.training.hours)} / {money(fit.training.cost)}"
                if fit.training
                else "unknown"
            )
        elif not training:
            row.append(number_text(_tokens_per_user(fit, work.batch)))
        rows.append(row)
    return markdown_table(header, rows)


def _tokens_per_user(fit: Fit, users: int) -> float | None:
    """Tokens/s each of ``users`` concurrent users gets on ``fit`` (one user: the single-sequence speed)."""
    if fit.serving is None:
        return None
    if users > 1 and fit.serving.batch_tokens_per_s is not None:
        return fit.serving.batch_tokens_per_s
    return fit.serving.decode_tokens_per_s


def _capacity_sentence(facts: Facts) -> str:
    """'How many users' first: users who each still get a fluid speed, and what limits them."""
    fit = lead_fit(facts)
    work = facts.workload
    details = facts.understanding.details
    lead = ""
    theirs = None  # the users their own setup serves, when the setup the text is about is another
    leaner = None  # the format their setup serves the users in, when not the one asked
    named = facts.checks[0] if facts.checks else None
    if named is not None and not fits_as_asked(named, details.gpu_count):
        # "how many users on a T4?" where 16-bit does not fit: the smallest format that does, said so — never
        # the capacity of another GPU passed off as theirs
        fit, work = _capacity_in_another_format(facts, named.gpu.name)
        on = _on_named(named.gpu, details.gpu_count)
        if fit is None:
            # the format was said (or none smaller has room): none on theirs, then the fewest of that GPU that do
            fit = next((f for f in facts.plan.report.fits if f.gpu.name == named.gpu.name), None)
            if fit is None or fit.count <= (details.gpu_count or 1):
                return ""
            held = _users_held(facts, named.gpu, details.gpu_count or 1)
            if held is not None and (details.batch or 1) > 1:
                # "can one L40S serve 100 users?": what theirs holds, then the count of that GPU that holds them
                users, sequences = held
                lead = (
                    f"{on[0].upper()}{on[1:]} holds about **{users} concurrent users** at "
                    f"{load_assumptions().number('user_tokens_per_s') if not details.user_tokens_per_s else details.user_tokens_per_s:g} "
                    f"tokens/s each, not {details.batch:,}: after the weights its KV cache holds {sequences} "
                    f"sequences of {work.context:,} tokens. "
                )
                return _users_verdict(facts, users, lead + _users_text(facts, fit, work))
            theirs = 0
            lead = (
                f"**None** on {on}: {work.model_label} in {work.precision} needs about "
                f"{gb(facts.estimate.total_gb)} with one {work.context:,}-token sequence, more than it can use "
                f"({gb(usable_gb_on(facts, named.gpu) * (details.gpu_count or 1))} usable)"
            )
            room = facts.plan.context_room.get(named.gpu.name) if (details.gpu_count or 1) == 1 else None
            lead += (
                f"; it holds the weights with a context of up to about {room:,} tokens, for one user. "
                if room
                else ". "
            )
        else:
            leaner = work.precision
            lead = _leaner_format_lead(facts, on, work)
    s = fit.serving if fit else None
    if s is None or s.users is None or s.max_sequences is None:
        return ""
    return _users_verdict(
        facts, s.users if theirs is None else theirs, lead + _users_text(facts, fit, work), leaner
    )


def _users_held(facts: Facts, gpu, count: int) -> tuple[int, int] | None:
    """(users at a fluid speed, full-context sequences) that ``count`` of ``gpu`` hold for the workload served at
    one sequence, or None when not even one fits."""
    work = facts.workload.with_(batch=1)
    s = estimate_serving(estimate_memory(work, load_assumptions()), gpu, count, load_assumptions())
    return (s.users, s.max_sequences) if s.users and s.max_sequences else None


def _users_verdict(facts: Facts, users: int, text: str, leaner: str | None = None) -> str:
    """``text`` behind Yes / No when the question asks whether a number of users is served (else unchanged); a
    Yes only in a ``leaner`` format than asked says so."""
    asked = facts.understanding.details.batch
    if not asked or not facts.understanding.details.yes_no:
        return text
    yes = f"**Yes, with {leaner} weights** — " if leaner else "**Yes** — "
    return (yes if users >= asked else "**No** — ") + text[0].lower() + text[1:]


def _users_text(facts: Facts, fit: Fit, work) -> str:
    """'About N concurrent users at R tokens/s each on <fit> …': the users ``fit`` serves and what limits them."""
    s = fit.serving
    text = (
        f"About **{s.users} concurrent users** at {s.user_tokens_per_s:g} tokens/s each on {fit.label} "
        f"for {work.model_label} in {work.precision}: after the weights, the "
        f"{'FP8 ' if work.kv_precision == 'fp8' else ''}KV cache holds {s.max_sequences} "
        f"sequences of {work.context:,} tokens, for about {s.throughput_tokens_per_s:,.0f} tokens/s in total"
    )
    if s.cost_per_million_tokens is not None:
        text += f" (≈ {money(s.cost_per_million_tokens)} per million tokens)"
    text += "."
    if s.time_to_first_token_s is not None:
        text += (
            f" A full {work.context:,}-token prompt takes about {_seconds(s.time_to_first_token_s)} to read "
            "before the first token (prefill, compute-bound)."
        )
    fewer = (
        "Shorter conversations fit more"
        if work.kv_precision == "fp8"
        else "Shorter conversations or an FP8 KV cache fit more"
    )
    return text + (
        f" {fewer}; a serving engine with continuous batching (vLLM, TGI) is what turns the room into concurrency."
    )


def _speed_target(facts: Facts) -> str | None:
    """'I need 200 tokens/s per user': the pick that reaches it (cheapest first), or that none in the catalog
    does at this format, with the fastest; None when no speed per user was asked for one user at a time."""
    details, work, plan = facts.understanding.details, facts.workload, facts.plan
    rate = details.user_tokens_per_s
    if not rate or work.task is not Task.INFERENCE or details.wants_capacity:
        return None
    what = f"inference of {work.model_label} in {work.precision}"
    if (users := details.batch or 1) > 1:
        return _speed_target_for_users(facts, what, rate, users)
    fits = [f for f in plan.report.fits if f.serving and f.serving.decode_tokens_per_s]
    if not fits:
        return None
    pick = facts.pick
    if pick is not None and pick.serving and pick.serving.decode_tokens_per_s >= rate:
        where = f"**{pick.label}**" if pick.count > 1 else f"**One {pick.gpu.name}**"
        return (
            f"{where} ({money(pick.price_per_hour)}/hour) — {what} generates about "
            f"{pick.serving.decode_tokens_per_s:,.0f} tokens/s for one user there, meeting the {rate:g} tokens/s "
            f"asked (it needs {gb(facts.estimate.total_gb)} of GPU memory). Generation speed is bound by memory "
            "bandwidth, so faster cards, not more memory, raise it."
        )
    top = max(fits, key=lambda f: f.serving.decode_tokens_per_s)
    return (
        f"**No setup in the catalog reaches {rate:g} tokens/s for one user** for {what}: the fastest, "
        f"{top.label}, generates about {top.serving.decode_tokens_per_s:,.0f} tokens/s (generation is bound by "
        "memory bandwidth). A smaller weight format (FP8 or 4-bit) reads fewer bytes per token and is faster."
    )


def _speed_target_for_users(facts: Facts, what: str, rate: float, users: int) -> str | None:
    """'50 users at 30 tokens/s each': the pick whose KV cache holds them all and whose decode step over all of
    them is still that fast (the planner's choice, with the speed each gets there), or that no setup does."""
    pick = facts.pick
    if pick is not None and meets_rate(pick, rate, users) and pick.serving:
        where = f"**{pick.label}**" if pick.count > 1 else f"**One {pick.gpu.name}**"
        rented = _instance(pick, ", ") if facts.understanding.details.providers else ""
        return (
            f"{where} ({money(pick.price_per_hour)}/hour{rented}) is the cheapest setup where {what} gives each of "
            f"{users} concurrent users about {pick.serving.batch_tokens_per_s:,.0f} tokens/s, meeting the "
            f"{rate:g} tokens/s asked: its KV cache holds all {users} sequences of "
            f"{facts.workload.context:,} tokens and one decode step over all of them is still that fast (it needs "
            f"{gb(pick.per_gpu_gb)} per GPU). More users, longer contexts or a higher speed each need more GPUs."
        )
    fits = [f for f in facts.plan.report.fits if f.serving and f.serving.batch_tokens_per_s]
    if not fits:
        return None
    # more users than one engine batches (or than one copy serves that fast): copies of the model behind a load
    # balancer, on the card whose copies cost least at its indicative per-GPU rate
    copies = [
        (plan.gpus * f.gpu.price_per_hour, f)
        for f in fits
        if f.gpu.price_per_hour
        and f.gpu.gpu_class != "consumer"
        and (f.gpu.software == "CUDA" or facts.understanding.details.vendor)
        and (plan := replica_plan(facts, f))
    ]
    if copies:
        cost, fit = min(copies, key=lambda c: c[0])
        return (
            f"{replicas_sentence(facts, fit, what)} At the catalog's indicative {money(fit.gpu.price_per_hour)} "
            f"per GPU-hour that is about {money(cost)}/hour. No single serving engine in the catalog (up to "
            f"{facts.max_gpus} GPUs) gives all {users} that speed at once: an engine batches a few hundred "
            "sequences at most, and each one more slows every step."
        )
    top = max(fits, key=lambda f: f.serving.batch_tokens_per_s or 0.0)
    return (
        f"**No setup in the catalog (up to {facts.max_gpus} GPUs) gives {users} users {rate:g} tokens/s each** for "
        f"{what}: on {top.label} each of {top.serving.batch} users at once gets about "
        f"{top.serving.batch_tokens_per_s:,.0f} tokens/s. A smaller weight format (FP8 or 4-bit), fewer users per "
        "server or several replicas behind a load balancer close the gap."
    )


def _on_named(gpu, count: int | None) -> str:
    """'2 x L40S' or 'one L40S': the GPUs the user named, at their count."""
    return f"{count} x {gpu.name}" if (count or 1) > 1 else f"one {gpu.name}"


def _leaner_format_lead(facts: Facts, on: str, work) -> str:
    """'In bf16, X does not fit on 2 x L40S (about N GB); in int8 it does. ': why ``work``'s format is served."""
    return (
        f"In {facts.workload.precision}, {work.model_label} does not fit on {on} (about "
        f"{gb(facts.estimate.total_gb)}); in {work.precision} it does. "
    )


def _request_rate_on_asked(facts: Facts, what: str) -> str:
    """The request rate asked for, on the GPUs named (in the smallest format that holds it there when the one
    asked does not, said so) or else on the pick; never another setup's rate passed off as theirs."""
    if not facts.understanding.details.rate_asked_per:
        return ""
    named = facts.checks[0] if facts.checks else None
    if named is None or isinstance(named, Fit):
        return request_rate_sentence(facts, what, named or lead_fit(facts))
    other, work = _capacity_in_another_format(facts, named.gpu.name)
    if other is None:
        return ""
    on = _on_named(named.gpu, facts.understanding.details.gpu_count)
    return _leaner_format_lead(facts, on, work) + request_rate_sentence(
        facts, f"{work.task_label} of {work.model_label} in {work.precision}", other, work
    )


def _capacity_in_another_format(facts: Facts, gpu_name: str):
    """(fit, workload) of the first smaller weight format whose serving on the user's GPUs has room for users,
    when the format was not said; (None, workload) otherwise."""
    count = facts.understanding.details.gpu_count
    if facts.understanding.details.precision is None:
        for option in facts.options:
            if not option.label.startswith("inference in "):
                continue
            outcome = option.on_named.get(gpu_name)
            if fits_as_asked(outcome, count) and outcome.serving and outcome.serving.users:
                return outcome, option.estimate.workload
    return None, facts.workload


def _seconds(value: float) -> str:
    """'45 ms', '1.2 s'."""
    return f"{value * 1000:,.0f} ms" if value < 1 else f"{value:,.1f} s"


def _cost_sentence(facts: Facts) -> str:
    """'How much / how long' first: the job's cost and time (training) or the monthly bill (serving)."""
    fit = lead_fit(facts)
    if fit is None:
        return ""
    work = facts.workload
    short = _short_of_named(facts)
    own, refused = None, ""
    if short is not None and not facts.understanding.details.deadline_hours:
        fit = short[1]  # their GPU, at the count that holds the job: not another GPU the question never named
        own = _adapter_on_named(facts, short)
        if own is not None:  # method unsaid: the fine-tune that fits on their GPUs leads, full is the aside
            fit, work = own
        elif (mine := _adapter_on_own_card(facts, short)) is not None:
            # "fully fine-tune it on my 8gb 3070, how long?": their one card does not hold what was asked; more of
            # a card they own one of is no answer, so the No leads, then the adapter run their card does hold
            check = short[0]
            refused = (
                f"**No** — {work.task_label} of {work.model_label} needs about {gb(facts.estimate.total_gb)}, more "
                f"than your {check.gpu.name}'s {check.gpu.memory_gb:g} GB. "
            )
            fit, work = mine
            # their card: no rental bill
            owned_gpu = fit.gpu.model_copy(update={"price": None})
            fit = replace(fit, gpu=owned_gpu, training=replace(fit.training, cost=None))
            short, own = None, None
    where, opening = (f"your {fit.gpu.name}" if refused else fit.label), refused
    stated = facts.plan.stated_card_fit if facts.plan is not None else None
    if stated is not None and short is None and stated.per_gpu_gb > stated.usable_gb:
        # their card is too small for the job: said first, then the time where it does fit
        opening = (
            f"It does not fit your {stated.gpu.memory_gb:g} GB card (about {gb(stated.per_gpu_gb)} needed, "
            f"{gb(stated.usable_gb)} usable). "
        )
    elif stated is not None and short is None and stated.training:
        # "how long on my 12gb card?": their card, timed as the slowest common card of that memory, no rent
        fit = stated
        bill = "; no rental bill, the card is yours" if facts.understanding.details.wants_cost else ""
        where = (
            f"your {stated.gpu.memory_gb:g} GB card (timed as the {stated.gpu.name}; other cards with that memory "
            f"differ in speed{bill})"
        )
    if fit.training:
        return opening + _training_cost(facts, fit, work, where, short, own)
    if work.task.is_training or fit.price_per_hour is None:
        return ""
    named = facts.checks[0] if facts.checks else None
    if named is not None and named.gpu.name != fit.gpu.name:
        # "what does a g5.12xlarge cost a month, and can it serve 70B?": their setup's bill, in the first weight
        # format it holds — never another GPU's bill passed off as theirs
        fit, work = _capacity_in_another_format(facts, named.gpu.name)
        if fit is None or fit.price_per_hour is None:
            return ""
    per_token = fit.serving.cost_per_million_tokens if fit.serving else None
    api = facts.understanding.details.api_price_per_million
    if volume := _volume_against_api(facts, fit) or _volume_cost(facts, fit):
        return volume
    if per_token is not None and (api or _PER_TOKEN.search(facts.understanding.shape_text.lower())):
        text = (
            f"About **{money(per_token)} per million generated tokens** on {fit.label} "
            f"({money(fit.price_per_hour)}/hour) when it is kept busy; idle time raises the real figure."
        )
        if api:
            text += " " + _against_api(per_token, api)
        return text
    if facts.plan.monthly_cost is None:
        return ""
    monthly = (
        facts.plan.monthly_cost
        if fit is lead_fit(facts)
        else fit.price_per_hour * load_assumptions().number("hours_per_month")
    )
    leaner = facts.understanding.details.precision is None and work.precision not in ("bf16", "fp16")
    fmt = f" in {work.precision}" if work is not facts.workload or leaner else ""
    if against := _against_budget(facts, fit, monthly):
        return against
    if _hourly_bill_asked(facts):
        return _hourly_cost(facts, fit, work, fmt, monthly)
    return (
        f"About **{money(monthly)} per month** running around the clock on {fit.label} "
        f"({money(fit.price_per_hour)}/hour) for inference of {work.model_label}{fmt}{_budget_as_hourly(facts, fit)}; "
        "spot or scale-to-zero serverless billing costs less when traffic is uneven."
        + _cheapest_other(facts, fit, monthly=True)
    )


def _as_its_makers_trained(facts: Facts, fit: Fit, work: Workload) -> str:
    """', on the 15T tokens its makers pre-trained it on (…); they report 1.30M H100 SXM GPU-hours, against about
    0.51M by this arithmetic …' for a model whose pre-training is published (corpus/pretraining.yaml); '' else."""
    from ...knowledge._pretraining import load_pretraining

    details = facts.understanding.details
    run = load_pretraining().get(details.model) if details.model else None
    if run is None or abs(work.tokens - run.tokens_t * 1e12) > 1e9:
        return ""
    text = (
        f", on the {token_count(work.tokens)} tokens its makers pre-trained it on ({run.source.split()[0]})"
    )
    if fit.training is None:
        return text
    ours = fit.training.hours * fit.count
    text += (
        f"; they report {run.gpu_hours / 1e6:,.2f}M {run.gpu} GPU-hours for it, against about "
        f"{ours / 1e6:,.2f}M {fit.gpu.name} GPU-hours by this arithmetic (real runs lose time to restarts, "
        "communication and lower utilization)"
    )
    if fit.training.hours > 365 * 24:
        # years on the fewest GPUs that hold it: how many finish it in a month
        text += f"; about {math.ceil(ours / (30 * 24)):,} x {fit.gpu.name} would finish it in a month"
    return text


# a budget, not a bill asked: "under $5/hour", "at most 2 dollars an hour" bound the setup
_HOURLY_BUDGET = re.compile(r"\bdollars? an hour\b|\d ?/\s*h(?:ou)?r\b", re.I)


def _hourly_bill_asked(facts: Facts) -> bool:
    """'What does it cost per hour', 'hourly', '$/hr': the hourly bill is asked (not the month, not a budget)."""
    details = facts.understanding.details
    return not details.budget_per_hour and asks_per(
        _HOURLY_BUDGET.sub("", facts.understanding.shape_text), "hour"
    )


def _hourly_cost(facts: Facts, fit: Fit, work: Workload, fmt: str, monthly: float) -> str:
    """'What does it cost per hour to run X on RunPod?': the setup's hourly price first (from the provider named),
    the month around the clock after it, and the cheapest setup that holds it when that is another."""
    providers = facts.understanding.details.providers
    where = f" on {' / '.join(providers)}" if providers else ""
    text = (
        f"About **{money(fit.price_per_hour or 0.0)} per hour**{where} for {fit.label}, running inference of "
        f"{work.model_label}{fmt} (about {money(monthly)} a month around the clock)."
    )
    return text + _cheapest_other(facts, fit)


def _cheapest_other(facts: Facts, fit: Fit, monthly: bool = False) -> str:
    """' The cheapest setup that holds it is 4x L40S at $10.49 per hour[ (about $7,658 a month)], slower: …' when a
    cheaper setup than ``fit`` holds the work and the user named no card of their own; '' otherwise."""
    priced = [f for f in facts.plan.report.fits if f.price_per_hour is not None]
    cheapest = min(priced, key=lambda f: f.price_per_hour or 0.0, default=None)
    if (
        cheapest is None
        or facts.understanding.details.gpus  # their card named: its bill, not another's
        or cheapest.label == fit.label
        or (cheapest.price_per_hour or 0) >= (fit.price_per_hour or 0)
    ):
        return ""
    slower = cheapest.serving is not None and fit.serving is not None
    slower = slower and cheapest.serving.decode_tokens_per_s < fit.serving.decode_tokens_per_s
    speed = (
        f", slower: about {cheapest.serving.decode_tokens_per_s:.0f} tokens/s for one user against "
        f"{fit.serving.decode_tokens_per_s:.0f}"
        if slower
        else ""
    )
    cheap = money(cheapest.price_per_hour or 0.0)
    month = (
        f" (about {money(cheapest.price_per_hour * load_assumptions().number('hours_per_month'))} a month)"
        if monthly
        else ""
    )
    return f" The cheapest setup that holds it is {cheapest.label} at {cheap} per hour{month}{speed}."


def _training_cost(facts: Facts, fit: Fit, work: Workload, where: str, short, own) -> str:
    """The training half of ``_cost_sentence``: the job's time and cost on ``fit`` (at ``where``), led as asked."""
    t = fit.training
    assumed = ""
    details = facts.understanding.details
    if details.tokens is None and details.dataset_bytes:
        size = details.dataset_bytes
        shown = f"{size / 1e9:g} GB" if size >= 1e9 else f"{size / 1e6:g} MB"
        assumed = (
            f", taking the {shown} dataset as about {token_count(work.tokens)} tokens (about "
            f"{size * (details.epochs or 1) / work.tokens:.0f} bytes of text per token; markup counts too, so "
            "tell me its token count for a closer figure)"
        )
    elif details.tokens is None and details.examples:
        per = work.tokens / details.examples / (details.epochs or 1)
        epochs = f" x {details.epochs:g} epochs" if details.epochs else ""
        assumed = (
            f", assuming about {per:,.0f} tokens per example ({details.examples:,.0f} examples{epochs} ≈ "
            f"{work.tokens / 1e6:,.1f}M tokens; tell me their length for a closer figure)"
        )
    elif details.tokens is None and work.task is Task.PRETRAIN and asks_token_budget(facts.understanding):
        per = work.tokens / work.params
        budget = (
            f"About **{token_count(work.tokens)} training tokens** for {work.model_label} — {per:.0f} per parameter, "
            "the compute-optimal ratio of Chinchilla (Hoffmann et al. 2022). "
        )
        price = f", about {money(t.cost)}" if t.cost is not None else ""
        return (
            f"{budget}On {where} that takes about **{duration_text(t.hours)}**{price} at "
            f"{money(fit.price_per_hour)}/hour. How: {t.detail}."
        )
    elif (
        details.tokens is None
        and work.task is Task.PRETRAIN
        and (made := _as_its_makers_trained(facts, fit, work))
    ):
        assumed = made
    elif details.tokens is None and work.task is Task.PRETRAIN:
        per = work.tokens / work.params
        assumed = (
            f", on about {token_count(work.tokens)} tokens ({per:.0f} per parameter, the compute-optimal ratio of "
            "Chinchilla, Hoffmann et al. 2022; tell me your token budget for a closer figure)"
        )
    elif details.tokens is None:
        assumed = (
            f", assuming about {work.tokens / 1e6:,.0f}M training tokens (an Alpaca-sized dataset; "
            "tell me yours for a closer figure)"
        )
    if short is not None and fit is short[1]:
        assumed += _short_clause(facts, short)
    elif own is not None:
        assumed += _full_aside(facts, short)
    how = f" How: {t.detail}."
    if _asks_training_throughput(facts) and t.tokens_per_s_per_gpu:
        # "how many tokens/s per GPU when training?": the throughput, then what it means for this job
        low, high = (t.tokens_per_s_per_gpu * r for r in _mfu_ratios())
        return (
            f"About **{t.tokens_per_s_per_gpu:,.0f} tokens/s per GPU** for {work.task_label} of "
            f"{work.model_label} on {fit.gpu.name} ({low:,.0f} to {high:,.0f} across typical 30% to 50% MFU): "
            f"{fit.gpu.training_tflops:,.0f} TFLOPS x MFU over {t.flops / work.tokens / work.active_params:.0f} "
            "FLOPs per parameter per token."
            + (
                f" Across {where}: about {t.tokens_per_s_per_gpu * fit.count:,.0f} tokens/s."
                if fit.count > 1
                else ""
            )
            + (
                f" This job takes about {duration_text(t.hours)} there{assumed}."
                if assumed
                else f" {token_count(work.tokens)} tokens take about {duration_text(t.hours)} there."
            )
        )
    if _ASKS_FLOPS.search(facts.understanding.question.lower()) and not details.wants_cost:
        # "how many FLOPs": the compute first, then the time it takes on the setup
        price = f", about {money(t.cost)}" if t.cost is not None else ""
        return (
            f"About **{_flops(t.flops)} FLOPs** of training compute for {work.task_label} of {work.model_label}; "
            f"on {where} that takes about **{duration_text(t.hours)}**{price}{assumed}.{how}"
        )
    if details.wants_time and not details.wants_cost:
        # "how long?": the time first, with the range typical utilisation gives, then what it costs
        spread = ""
        if t.hours_range:
            fast, slow = t.hours_range
            spread = f" ({duration_text(fast)} to {duration_text(slow)} across typical 50% to 30% MFU)"
        price = f", about {money(t.cost)}" if t.cost is not None else ""
        if _GPU_HOURS.search(facts.understanding.question.lower()):
            # "how many GPU-hours / H100 hours?": the compute itself, then the wall clock on the setup
            return (
                f"About **{t.gpu_hours:,.0f} GPU-hours** for {work.task_label} of {work.model_label}: "
                f"{duration_text(t.hours)}{spread} on {where}{price}{_at_rate(fit)}"
                f"{assumed}.{how}"
            )
        unit = _UNIT_ASKED.search(facts.understanding.question.lower())
        return (
            f"About **{hours_as_asked(t.hours, unit and unit.group(1))}**{spread} for {work.task_label} of "
            f"{work.model_label} on {where}{price}{_at_rate(fit)}{assumed}.{how}"
        )
    price = f"**{money(t.cost)}** and " if t.cost is not None else ""
    return (
        f"About {price}**{duration_text(t.hours)}** for {work.task_label} of {work.model_label} on "
        f"{where}{_at_rate(fit, bracketed=True)}{assumed}.{how}" + _cheapest_per_hour(facts, fit)
    )


def _budget_as_hourly(facts: Facts, fit: Fit) -> str:
    """ ", within your $100/month budget (about $0.14/hour over 730 hours a month, around the clock)": a budget
    said per day, week, month or year as the hourly rate ``fit`` is held to, with the hours assumed — or ""."""
    details = facts.understanding.details
    if not details.budget_said or not details.budget_per_hour or details.budget_said[1] == "hour":
        return ""
    amount, period = details.budget_said
    hours = amount / details.budget_per_hour
    clock = ", around the clock" if abs(hours - _hours_in(period)) < 1 else ""
    said = f"${amount:,.0f}/{period}" if amount == int(amount) else f"{money(amount)}/{period}"
    rate = f"about ${details.budget_per_hour:,.3g}/hour over {hours:,.0f} hours a {period}{clock}"
    if details.yes_no:  # the verdict in front already says within or over: only what the budget was read as
        return f" (your {said} read as {rate})"
    within = "within" if fit.price_per_hour <= details.budget_per_hour + 1e-9 else "over"
    return f", {within} your {said} budget ({rate})"


def _hours_in(period: str) -> float:
    """The hours a GPU runs around the clock in a day, week, month or year."""
    month = load_assumptions().number("hours_per_month")
    return {"day": 24, "week": 168, "month": month, "year": month * 12}.get(period, 0.0)


def _against_budget(facts: Facts, fit: Fit, monthly: float) -> str:
    """ "Can I host Llama 3 8B on an A10G for under $2/hour?", "is $500 a month enough for Qwen 14B on an L40S?":
    the bill of the GPUs they named set against their budget, in the budget's own period — Yes when it is within, No
    with the hours the budget buys and a GPU that holds the model within it — or ""."""
    details = facts.understanding.details
    if (
        not details.budget_said
        or not details.budget_per_hour
        or not details.gpus
        or fit.price_per_hour is None
    ):
        return ""
    if fit.gpu.name not in details.gpus:
        return ""
    amount, period = details.budget_said
    hours = (
        amount / details.budget_per_hour
    )  # the hours the budget's period holds (around the clock, or as said)
    cost = fit.price_per_hour * hours
    said = f"${amount:,.0f}/{period}" if amount == int(amount) else f"{money(amount)}/{period}"
    if period == "hour":
        bill = f"{fit.label} costs about **{money(fit.price_per_hour)}/hour**"
        clock = f" (about {money(monthly)} per month running around the clock)"
    else:
        bill = f"{fit.label} costs about **{money(cost)} per {period}** ({hours:,.0f} hours at {money(fit.price_per_hour)}/hour)"
        clock = ""
    what = f"inference of {facts.workload.model_label}"
    if cost <= amount:
        return f"**Yes** — {bill} for {what}, within your {said} budget{clock}."
    buys = amount / fit.price_per_hour
    text = f"**No** — {bill} for {what}, over your {said} budget{clock}" + (
        f"; the budget buys about {buys:,.0f} hours of it a {period} (scale-to-zero or spot billing when traffic "
        "allows)."
        if period != "hour"  # an hourly budget buys no 'hours of it': the rate itself is over
        else "."
    )
    cheaper = next(
        (
            f
            for f in (facts.plan.shown if facts.plan else ())
            if f.price_per_hour is not None
            and f.price_per_hour <= details.budget_per_hour
            and f.gpu.name != fit.gpu.name
        ),
        None,
    )
    if cheaper is not None:
        text += (
            f" Within it: {cheaper.label} holds the model at {money(cheaper.price_per_hour)}/hour"
            f" (about {money(cheaper.price_per_hour * hours)} per {period})."
            if period != "hour"
            else f" Within it: {cheaper.label} holds the model at {money(cheaper.price_per_hour)}/hour."
        )
    return text


# a hosted API set against running the model oneself: "openai api or self host", "vs paying for gpt-4o"
_HOSTED_API = re.compile(
    r"\bapis?\b|\bopenai\b|\bgpt-?[345]\w*|\bclaude\b|\banthropic\b|\bgemini\b|\btogether(?:\.ai| ai)?\b"
    r"|\bgroq\b|\bfireworks\b|\bopenrouter\b|\bbedrock\b"
)


_TOKENS_PER_PERIOD = re.compile(
    r"\btokens?\s*(?:(?:per|a|an|each|every)\s+|/\s*)(hour|day|week|month|year)\b"
)
_PERIOD_HOURS = {"hour": 1.0, "day": 24.0, "week": 168.0}  # a month's hours come from corpus/assumptions.yaml


def _volume_cost(facts: Facts, fit) -> str:
    """'What would generating 10 million tokens cost?': the tokens at the setup's full-load throughput, billed by
    the hour — the time and the bill. '' unless a token volume is said with no period and the setup is priced."""
    tokens = facts.understanding.details.tokens
    serving = fit.serving if fit is not None else None
    question = facts.understanding.question.lower()
    if not (tokens and serving and serving.throughput_tokens_per_s and fit.price_per_hour):
        return ""
    if _TOKENS_PER_PERIOD.search(question) or _HOSTED_API.search(question):
        return ""  # a volume over a period, or set against an API: the day's bill over the day's tokens
    hours = tokens / serving.throughput_tokens_per_s / 3600
    return (
        f"About **{money(hours * fit.price_per_hour)}** to generate {tokens:,.0f} tokens on {fit.label} kept busy: "
        f"about {duration_text(hours)} at {serving.throughput_tokens_per_s:,.0f} tokens/s over a full batch, at "
        f"{money(fit.price_per_hour)}/hour ({money(serving.cost_per_million_tokens)} per million tokens). Requests "
        "sent one at a time generate far slower, so the hours and the bill grow."
    )


def _volume_against_api(facts: Facts, fit) -> str:
    """'API or self-host for 1M tokens a day?': a rented GPU bills every hour whatever the traffic, so at the stated
    volume its cost per million tokens is the day's bill over the day's tokens — the price an API must beat. ''
    unless an API is weighed and a token volume over a period is said."""
    details = facts.understanding.details
    question = facts.understanding.question.lower()
    said = _TOKENS_PER_PERIOD.search(question)
    period = said.group(1) if said else "day" if details.stated_wall_hours == 24 else None
    month = load_assumptions().number("hours_per_month")
    hours = {**_PERIOD_HOURS, "month": month, "year": 12 * month}.get(period or "")
    tokens = details.tokens
    if not (hours and tokens and fit is not None and fit.price_per_hour and _HOSTED_API.search(question)):
        return ""
    if (
        not re.search(
            r"\bself[- ]?host|\bhost (?:it )?(?:my|our)self|\bown (?:gpus?|server|hardware)|\brent|\bdeploy",
            question,
        )
        and not details.api_price_per_million
    ):
        return ""
    bill = fit.price_per_hour * hours
    per_million = bill / (tokens / 1e6)
    rate = tokens / (hours * 3600)
    capacity = fit.serving.throughput_tokens_per_s if fit.serving else None
    busy = (
        f" — about {rate / capacity:.0%} of what it can generate at full load ({capacity:,.0f} tokens/s)"
        if capacity
        else ""
    )
    text = (
        f"Self-hosting {facts.workload.model_label} on {fit.label} costs about **{money(bill)} per {period}** "
        f"({money(fit.price_per_hour)}/hour, billed whether busy or idle), so at {token_count(tokens)} tokens per "
        f"{period} that is about **{money(per_million)} per million tokens**: your volume averages {rate:,.1f} "
        f"tokens/s{busy}."
    )
    api = details.api_price_per_million
    if api:
        cheaper = "self-hosting" if per_million < api else "the API"
        return (
            f"**{capitalized(cheaper)}** is cheaper at this volume — "
            + text[0].lower()
            + text[1:]
            + f" Against the {money(api)} per million tokens you quoted for the API, {cheaper} wins "
            f"(self-hosting breaks even at about {token_count(bill / api * 1e6)} tokens per {period})."
        )
    return (
        text
        + f" An API priced below {money(per_million)} per million tokens is cheaper at this volume; self-hosting "
        "pays off as the volume grows, since the GPU bill stays the same."
    )


def _against_api(per_token: float, api: float) -> str:
    """The self-hosted cost per million tokens set against an API's quoted price: which is cheaper, by how much,
    and the share of the time the GPUs must be busy for self-hosting to break even."""
    if per_token < api:
        return (
            f"That is {api / per_token:.1f}x below the {money(api)} per million tokens you quoted for the API — "
            f"cheaper only while the GPUs are busy at least {per_token / api:.0%} of the time (the API bills "
            "nothing when idle; a rented GPU bills every hour)."
        )
    return (
        f"That is {per_token / api:.1f}x the {money(api)} per million tokens you quoted for the API, even at full "
        "load, so the API is cheaper for this model unless a cheaper GPU or a smaller weight format closes the gap."
    )


# a yes / no asked beside a cost ("... per month, and can it serve 70B?", "will it even fit?")
_ALSO_YES_NO = re.compile(
    r"\b(?:can|could|will|would|does|do|is)\s+(?:it|they|this|that|one|two|these|those|the \w+|my \w+|an? \w+)\s+"
    r"(?:even\s+)?(?:serve|run|fit|handle|hold|host|load|take|be enough)\b"
    r"(?!\s+(?:me|us|you)\b)"  # "what would that run us a month?": to run someone an amount is its cost
)
# "how many tokens should I train it on", "chinchilla optimal", "compute-optimal token count"
_ASKS_TOKENS = re.compile(
    r"\bhow many (?:training )?tokens\b|\bchinchilla\b|\bcompute[- ]optimal\b|\btoken budget\b"
)


def asks_token_budget(understanding) -> bool:
    """A pre-training question that asks how many tokens to train on (or for the compute-optimal budget)."""
    details = understanding.details
    return (
        details.task is Task.PRETRAIN
        and not details.tokens
        and bool(_ASKS_TOKENS.search(understanding.question.lower()))
    )


def _asks_training_throughput(facts: Facts) -> bool:
    """'How many tokens per second per GPU when training X?': the training throughput, not a generation speed."""
    text = facts.understanding.question.lower()
    return facts.workload.task.is_training and bool(_THROUGHPUT.search(text))


_THROUGHPUT = re.compile(r"\b(?:tokens?|toks?)\s*(?:/\s*|per |an? )s(?:ec(?:ond)?)?\b|\bthroughput\b")


def _mfu_ratios() -> tuple[float, float]:
    """The low and high ends of typical MFU as ratios of the assumed one (0.75 and 1.25 at 30/40/50%)."""
    a = load_assumptions()
    mfu = a.number("training_mfu")
    return a.number("training_mfu_low") / mfu, a.number("training_mfu_high") / mfu


_ASKS_FLOPS = re.compile(r"\bflops?\b|\bcompute budget\b|\btotal compute\b|\bhow much compute\b")


def _flops(value: float) -> str:
    """'8.4e22': a FLOP count in the e-notation scaling papers use."""
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def _short_of_named(facts: Facts):
    """(the user's GPU check, that GPU at the count that holds the job) when the GPU they named does not hold a
    training job at the count they said (one when none), and the ranked fits have it at a larger count."""
    checks = facts.checks
    if not checks or any(isinstance(c, Fit) for c in checks) or not facts.workload.task.is_training:
        return None
    gpu = checks[0].gpu
    offloaded = _offloaded_adapters(facts, gpu.name)
    if offloaded is not None and offloaded.on_named[gpu.name].training:
        return checks[0], offloaded.on_named[gpu.name]  # their count, with FSDP and CPU offload
    larger = next((f for f in facts.plan.report.fits if f.gpu.name == gpu.name and f.training), None)
    return (checks[0], larger) if larger is not None else None


def _adapter_on_own_card(facts: Facts, short):
    """(fit, workload) of the first adapter fine-tune (LoRA, then QLoRA) on the user's own single home card, when
    the method asked (full fine-tuning) does not fit one of it; None otherwise."""
    check, _ = short
    details = facts.understanding.details
    if details.method_unstated or (details.gpu_count or 1) != 1 or facts.workload.task is not Task.FULL:
        return None
    owned = details.local or _OWN_CARD.search(facts.understanding.question.lower())
    if not (owned and check.gpu.gpu_class in ("consumer", "local")):
        return None
    for option in _method_options(facts):
        outcome = option.on_named.get(check.gpu.name)
        if option.estimate.workload.task is not Task.FULL and fits_as_asked(outcome, 1) and outcome.training:
            return outcome, option.estimate.workload
    return None


def _adapter_on_named(facts: Facts, short):
    """(fit, workload) of the first adapter fine-tune (LoRA, then QLoRA) that fits on the GPUs the user named at
    their count, when the method was not said and full fine-tuning does not fit there; None otherwise."""
    check, larger = short
    count = facts.understanding.details.gpu_count or 1
    if not facts.understanding.details.method_unstated or larger.count == count:
        return None
    for option in _method_options(facts):
        if option.estimate.workload.task is Task.FULL:
            continue
        outcome = option.on_named.get(check.gpu.name)
        if fits_as_asked(outcome, count) and outcome.training:
            return outcome, option.estimate.workload
    return None


def _full_aside(facts: Facts, short) -> str:
    """' — full fine-tuning does not fit on one RTX 3090 (about 118 GB in all); 8 of them take about 1.8 hours'."""
    check, larger = short
    count = facts.understanding.details.gpu_count or 1
    asked = f"{count} x {check.gpu.name}" if count > 1 else f"one {check.gpu.name}"
    return (
        f" — the method was not said, and full fine-tuning does not fit on {asked} (about "
        f"{gb(facts.estimate.total_gb)} in all); {larger.count} of them would take about "
        f"{duration_text(larger.training.hours)}"
    )


def _short_clause(facts: Facts, short) -> str:
    """'; one A100 80GB SXM does not hold it (about 118 GB), and LoRA fine-tuning on it takes about 2.1 hours'."""
    check, larger = short
    count = facts.understanding.details.gpu_count or 1
    asked = f"{count} x {check.gpu.name}" if count > 1 else f"one {check.gpu.name}"
    if larger.count == count:  # the offloaded adapter fine-tune on their own GPUs
        return (
            f" — with FSDP and CPU offload, since sharding alone does not fit {asked} (offloading makes each step "
            "slower than this)"
        )
    clause = f" — {asked} does not hold it (about {gb(facts.estimate.total_gb)} in all), {larger.count} do"
    if facts.understanding.details.method_unstated:
        quicker = [
            (o.label, o.on_named[check.gpu.name])
            for o in _method_options(facts)
            if o.estimate.workload.task is not Task.FULL
            and fits_as_asked(o.on_named.get(check.gpu.name), count)
        ]
        quicker = [(label, f) for label, f in quicker if f.training]
        if quicker:
            label, f = quicker[0]
            clause += f"; {label} fits on {asked} and takes about {duration_text(f.training.hours)} there"
    return clause


# "how many GPU hours", "H100-hours", "A100 hours", "gpu-hrs": the compute, not the wall clock
# "how many hours / days did it take?": the unit the duration is asked in
_UNIT_ASKED = re.compile(r"\bhow many (?:\w+ ){0,2}?(hours|days|minutes)\b")
_GPU_HOURS = re.compile(r"\b(?:gpu|[a-z]{1,3}\d{2,4}[a-z]?)[- ]?(?:hours?|hrs?)\b")
_PER_TOKEN = re.compile(
    r"\bper[- ](?:million|1m|m|mn|thousand|1k|k)?[\s-]*(?:output |input |generated |completion )?tokens?\b"
    r"|\btoken (?:cost|price)s?\b|\btokens? per (?:dollar|\$)"
    r"|\b(?:a|one|1|per|the) ?(?:million|mil|1m|m|mn)\s+(?:output |input |generated |completion )?tokens?\b"
    r"|\$\s*/\s*(?:1)?m(?:illion)?\b|/\s*(?:1)?m(?:illion)? tokens?\b|\bcost per token\b"
)


def _below_recommended(precision: str) -> bool:
    """Whether ``precision`` is a GGUF type below the lowest one an answer leads with (Q2_K)."""
    assumptions = load_assumptions()
    return assumptions.is_gguf(precision) and precision not in assumptions.recommended_quants


def _method_options(facts: Facts) -> list:
    """The full / LoRA / QLoRA alternatives the plan sized, in that order."""
    return [
        o
        for o in facts.options
        if o.estimate.workload.task in (Task.FULL, Task.LORA, Task.QLORA)
        and o.estimate.workload.optimizer == "adamw"
    ]


def _script_lead(what: str, on: str, methods: str) -> str:
    """The verdict on a repository's training script: its full fine-tune does not fit, so only the adapters do —
    said so, since the script runs the full fine-tune unless switched (its LoRA variant, a LoRA flag)."""
    return (
        f"**Only with {methods}** — full fine-tuning of {what}, which a repository's training script runs unless "
        f"its name or flags say LoRA, does not fit on {on}: the script as it ships will not run there; switch it "
        "to its LoRA variant or flags."
    )


def _methods_headline(facts: Facts) -> str:
    """A fine-tune whose method was not said: a verdict (for the user's GPUs or memory, if stated) and one
    line per method, never a silent choice."""
    details = facts.understanding.details
    options = _method_options(facts)
    named = facts.plan.named[0] if facts.checks else None
    if counts := _method_counts(
        facts, options, named
    ):  # "how many A100s to fine-tune X?": a count per method
        return counts
    stated = details.stated_memory_gb if named is None else None
    spread = details.gpu_count if named is None and (details.gpu_count or 0) > 1 else None
    verdicts: list[tuple[str, bool | None, str]] = []
    lean_only = False  # full fine-tuning fits only in the sharded pure-bf16 / 8-bit AdamW setup
    sharded_full = None  # the full fine-tune's fit when it holds only sharded over the user's cards
    offload_only: list[str] = []  # adapter methods that fit only with FSDP CPU offload
    for option in options:
        label = capitalized(option.label)
        if named is not None:
            outcome = option.on_named.get(named.name)
            # on the count the user named, or on one when they named none ("a single A100"): a fit that
            # needs 4 of them is no "yes" for one
            ok = fits_as_asked(outcome, details.gpu_count)
            figure = (
                f"{gb(outcome.per_gpu_gb)} per GPU" if ok else f"about {gb(option.estimate.total_gb)} in all"
            )
            if not ok and isinstance(outcome, Fit) and not details.gpu_count:
                figure += f" (fits on {outcome.count} of them)"
            whole = outcome.usable_gb if isinstance(outcome, Fit) else named.memory_gb
            if ok and (details.gpu_count or 0) > 1 and option.estimate.total_gb > whole:
                # more than one card holds: it fits only split across them, which plain data parallelism does not do
                figure += f" with FSDP or ZeRO-3 sharding ({gb(option.estimate.total_gb)} in all)"
                if option.estimate.workload.task is Task.FULL and isinstance(outcome, Fit):
                    sharded_full = outcome
            # a user who ran out of memory there ran the usual AdamW: the lean setup is a lever then, not a "yes"
            oom = reports_oom(facts.understanding.question)
            lean = None if oom else _lean_option(facts, named.name, details.gpu_count)
            if not ok and option.estimate.workload.task is Task.FULL and lean is not None:
                # sharded across their GPUs, pure bf16 weights with an 8-bit AdamW fit where the usual one does not
                ok = lean_only = True
                figure = (
                    f"{gb(lean.on_named[named.name].per_gpu_gb)} per GPU with FSDP or ZeRO-3 sharding, pure bf16 "
                    f"weights and an 8-bit AdamW (about {gb(option.estimate.total_gb)} in all with standard "
                    "mixed-precision AdamW, which does not fit)"
                )
            offloaded = None if ok else _offloaded_adapters(facts, named.name, option.estimate.workload.task)
            if offloaded is not None:
                # sharding alone does not hold it, sharding with the frozen base in CPU memory does
                ok = True
                offload_only.append(label)
                fit = offloaded.on_named[named.name]
                ram = next(g for lab, g in offloaded.estimate.alternatives if lab.startswith("CPU RAM"))
                figure = (
                    f"{gb(fit.per_gpu_gb)} per GPU with FSDP and CPU offload, the frozen base and adapters in "
                    f"{gb(ram)} of CPU RAM (about {gb(option.estimate.total_gb)} in all without offloading)"
                )
        elif stated and spread:  # "4 H20 (96GB) GPUs": a card the catalog lacks, several of it, sharded
            per_gpu = option.estimate.per_gpu_gb(spread)
            ok = per_gpu <= stated
            figure = f"{gb(per_gpu)} per GPU sharded over {spread} ({gb(option.estimate.total_gb)} in all)"
            if not ok and (least := _cards_of(option.estimate, stated)):
                figure += f"; it takes {least} cards of {stated:g} GB"
        elif stated:
            ok = option.estimate.total_gb <= stated
            figure = f"about {gb(option.estimate.total_gb)}"
            if not ok and (least := _cards_of(option.estimate, stated)):
                figure += f" (fits sharded over {least} cards of {stated:g} GB)"
        elif spread:  # "across 8 GPUs" with no GPU named: each method's figure per GPU at their count
            ok = None
            figure = (
                f"about {gb(option.estimate.per_gpu_gb(spread))} per GPU on {spread} sharded with DeepSpeed ZeRO-3 "
                f"or FSDP ({gb(option.estimate.total_gb)} in all)"
            )
        else:
            ok, best = None, option.best
            where = f", e.g. {best.label} ({money(best.price_per_hour)}/hour)" if best else ""
            figure = f"about {gb(option.estimate.total_gb)}{where}"
        verdicts.append((label, ok, figure))
    if named is not None:
        count = details.gpu_count
        on = f"{count} x {named.name}" if count and count > 1 else f"one {named.name}"
    else:
        on = (f"your {spread} x {stated:g} GB" if spread else f"your {stated:g} GB") if stated else ""
    lines = []
    for label, ok, figure in verdicts:
        if ok is None:
            lines.append(f"{label}: {figure}.")
        else:
            lines.append(f"{label}: {'yes' if ok else 'no'} — {figure}.")
    fitting = [label for label, ok, _ in verdicts if ok]
    what = facts.workload.model_label
    how = f"{facts.workload.rl.upper()} " if facts.workload.rl else ""
    if details.methods_weighed:
        lead = _method_pick(verdicts, details.methods_weighed, what, on)
    elif on:
        if len(fitting) == len(verdicts) and lean_only and len(verdicts) > 1:
            # the usual full fine-tune does not fit: the methods that do are the answer, the lean full one a lever
            others = " or ".join(
                label.replace(" fine-tuning", "") for label, _, _ in verdicts if not label.startswith("Full")
            )
            # (a training script may well offload or use an 8-bit AdamW: no "No" for it here)
            lead = (
                f"**Yes, with {others}** on {on}; full fine-tuning of {what} fits there only sharded with pure "
                "bf16 weights and an 8-bit AdamW (or with CPU offload), not with standard mixed-precision AdamW."
            )
        elif len(fitting) == len(verdicts):
            lead = f"**Yes** — {how}fine-tuning {what} fits on {on} with any method."
            fit = next((c for c in facts.checks if isinstance(c, Fit)), None)
            if fit is None and stated and (unchecked := _stated_oom_unchecked(facts, options, stated)):
                # "my 4 GB card runs out of memory even at batch 1": on paper every method fits only with
                # gradient checkpointing, which the run, out of memory, most likely did not have
                lead = (
                    f"**Only with gradient checkpointing on** — {how}fine-tuning {what} fits on {on} with any method "
                    f"at the settings sized; without it (off by default in the Hugging Face Trainer) full fine-tuning "
                    f"needs about {gb(unchecked)}, more than your {stated:g} GB can use: turn it on "
                    "(`gradient_checkpointing=True`), or use LoRA."
                )
            if fit and reports_oom(facts.understanding.question) and (lean := _oom_condition(facts, fit)):
                # it ran out of memory there: the fit holds only on the lean settings sized, not as they ran it
                lead = (
                    f"**Only with {lean}** — {how}fine-tuning {what} fits on {on} with any method at those settings; "
                    "your run ran out of memory, so it used more than they take."
                )
            if sharded_full is not None and not details.batch and facts.workload.batch == 1:
                full = next(o for o in options if o.estimate.workload.task is Task.FULL)
                if lead.startswith("**Yes**") and _at_trainer_default(full.estimate.workload, sharded_full)[
                    1
                ] > (sharded_full.usable_gb):
                    # full fits only at one sequence per step, not at a training script's usual batch: the
                    # adapters are the sure "yes", full fine-tuning the tight case
                    adapters = " or ".join(
                        label.replace(" fine-tuning", "")
                        for label, _, _ in verdicts
                        if not label.startswith("Full")
                    )
                    lead = f"**Yes, with {adapters}** on {on}; full fine-tuning of {what} is the tight case."
                # sized at micro-batch 1: a training script's larger per-GPU batch is no part of this "yes"
                lead += (
                    f" Full fine-tuning fits only sharded (FSDP or ZeRO-3) and as sized, at micro-batch 1: "
                    f"{gb(sharded_full.per_gpu_gb)} of the {gb(sharded_full.usable_gb)} usable per GPU; a larger "
                    "per-GPU batch (training scripts often set 2–16) adds activations on every card — lower it and "
                    "keep the total with gradient accumulation."
                )
            if sharded_full is not None and lead.startswith("**Yes** —"):
                # the full fine-tune needs more than one of their cards: it fits only split across them (FSDP or
                # ZeRO-3); plain data parallelism, each card holding the whole run, runs out of memory
                lead = lead.replace(
                    "**Yes** —", "**Yes, with FSDP or ZeRO-3 sharding** (for full fine-tuning) —", 1
                )
        elif fitting:
            methods = " or ".join(f.replace(" fine-tuning", "") for f in fitting)
            if offload_only and set(offload_only) == set(fitting):
                methods += " with FSDP and CPU offload (answer.ai's fsdp_qlora recipe)"
            lead = f"**Only with {methods}** — full fine-tuning of {what} does not fit on {on}."
            if details.runs_script and not any(f.startswith("Full") for f in fitting):
                # the script asked about trains every weight: the verdict is on that, the adapters an alternative
                lead = _script_lead(what, on, methods)
        else:
            lead = f"**No** — no fine-tuning method fits {what} on {on}."
    elif details.yes_no and details.consumer_only:
        lead = _consumer_lead(options, facts.workload.model_label)
    elif details.yes_no:
        pick = f", in full on {facts.pick.label}" if facts.pick else ""
        lead = f"**Yes** — {what} can be fine-tuned{pick}; how much memory depends on the method:"
    else:
        pick = f" (e.g. {facts.pick.label})" if facts.pick else ""
        amount = f"**{gb(options[0].estimate.total_gb)}**{pick}"
        if spread:
            amount = (
                f"**{gb(options[0].estimate.per_gpu_gb(spread))} per GPU** on {spread} GPUs "
                f"({gb(options[0].estimate.total_gb)} in all)"
            )
        # with the states offloaded to the CPU a full fine-tune can need less GPU memory than the adapters without it
        less = all(o.estimate.total_gb < options[0].estimate.total_gb for o in options[1:])
        tail = "LoRA and QLoRA need far less:" if less else "against LoRA and QLoRA (not offloaded):"
        lead = f"Full fine-tuning of {what} needs about {amount}; {tail}"
    return lead + "\n" + " ".join(lines)


# the methods by how much of the model they train and how exactly: the first that fits is the one to use
_BY_FIDELITY = ("full", "lora", "qlora")
_METHOD_LABEL = {"full": "Full fine-tuning", "lora": "LoRA", "qlora": "QLoRA"}
_WHY_FIRST = {
    "full": "it updates every weight, the most the model can learn; LoRA is far cheaper and usually close for "
    "instruction tuning",
    "lora": "it keeps the base in 16-bit, so it trains faster and without QLoRA's 4-bit quantization error; QLoRA's "
    "spare memory buys longer sequences or a bigger batch",
}


def _method_pick(verdicts: list, weighed: tuple[str, ...], what: str, on: str) -> str:
    """'LoRA or QLoRA, which?': of the methods weighed, the most exact one that fits the user's hardware (all of
    them sized when no hardware is said), and why in one sentence."""
    by_kind = {label.split()[0].lower(): (label, ok, figure) for label, ok, figure in verdicts}
    asked = [k for k in _BY_FIDELITY if k in weighed and k in by_kind]
    if len(asked) < 2:
        return f"Fine-tuning {what}, by method:"
    sizes = "; ".join(f"{_METHOD_LABEL[k]} {by_kind[k][2]}" for k in asked)
    if not on:
        first, second = asked[0], asked[1]
        return (
            f"**{_METHOD_LABEL[first]}** where your GPU holds it, else **{_METHOD_LABEL[second]}** — for {what}: "
            f"{sizes}. {capitalized(_WHY_FIRST.get(first, ''))}."
        )
    fitting = [k for k in asked if by_kind[k][1]]
    if not fitting:
        return f"**Neither** fits {what} on {on}: {sizes}."
    pick = fitting[0]
    if len(fitting) == len(asked):
        return f"**{_METHOD_LABEL[pick]}** — both fit {what} on {on} ({sizes}): {_WHY_FIRST.get(pick, '')}."
    return f"**{_METHOD_LABEL[pick]}** — of the two, only it fits {what} on {on}: {sizes}."


def _beyond_consumer_cards(facts: Facts, what: str, total: float) -> str:
    """No consumer setup (a few desktop cards in one machine) holds it: No (or only with QLoRA, for a LoRA asked),
    and the leaner method that fits there."""
    task = facts.workload.task
    lean = next(
        (
            o
            for o in _method_options(facts)
            if o.best is not None and o.estimate.total_gb < total and o.estimate.workload.task is not task
        ),
        None,
    )
    instead = (
        f" {capitalized(lean.label)}: about {gb(lean.estimate.total_gb)}, e.g. {lean.best.label}."
        if lean
        else ""
    )
    verdict = ""
    if facts.understanding.details.yes_no:
        adapter = lean is not None and task is Task.LORA and lean.estimate.workload.task is Task.QLORA
        verdict = "**Only with QLoRA (4-bit base)** — " if adapter else "**No** — "
    return (
        f"{verdict}{capitalized(what)} needs about **{gb(total)}** of GPU memory, more than one machine's desktop "
        f"(consumer) cards hold.{instead}"
    )


def _consumer_lead(options: list, what: str) -> str:
    """'Can I fine-tune X on consumer GPUs?': which methods fit on the desktop cards one machine takes."""
    fitting = [o for o in options if o.best is not None]
    if len(fitting) == len(options):
        return f"**Yes** — fine-tuning {what} fits on consumer cards with any method:"
    if fitting:
        methods = " or ".join(o.label.replace(" fine-tuning", "") for o in fitting)
        return (
            f"**Only with {methods}** on consumer cards — full "
            f"fine-tuning of {what} (about {gb(options[0].estimate.total_gb)}) is more than one machine's "
            "desktop cards hold:"
        )
    return f"**No** — no fine-tuning method fits {what} on the desktop cards one machine takes:"


def _method_counts(facts: Facts, options: list, named) -> str:
    """'How many A100s to fine-tune X?' with the method unsaid: how many of the GPU each method takes (the cheapest
    sensible setup when no GPU was named); '' for any other question or when a count was said."""
    details = facts.understanding.details
    if details.gpu_count or not _HOW_MANY_GPUS.search(facts.understanding.question.lower()):
        return ""
    lines = []
    work = facts.workload
    for option in options:
        label = capitalized(option.label)
        outcome = option.on_named.get(named.name) if named is not None else option.best
        if isinstance(outcome, Fit):
            servers = servers_clause(option.estimate, outcome) if work.task.is_training else ""
            lines.append(
                f"{label}: **{outcome.count} x {outcome.gpu.name}** ({servers + '; ' if servers else ''}"
                f"{gb(outcome.per_gpu_gb)} per GPU, {gb(option.estimate.total_gb)} in all)."
            )
        elif named is not None:
            lines.append(
                f"{label}: more than {facts.max_gpus} x {named.name} ({gb(option.estimate.total_gb)} in all)."
            )
        else:
            lines.append(
                f"{label}: about {gb(option.estimate.total_gb)} in all, more than any one rentable setup in my "
                "offerings holds."
            )
    what = facts.workload.model_label
    how = (
        f"{facts.workload.rl.upper()} " if facts.workload.rl else ""
    )  # "PPO fine-tuning a 7B-parameter model"
    return f"It depends on the method — {how}fine-tuning {what} takes:\n" + " ".join(lines)


_HOW_MANY_GPUS = re.compile(
    r"\bhow many\b(?! (?:concurrent |simultaneous )?(?:users|people|requests|tok(?:en)?s?\b|hours|days|weeks|epochs))"
    r"|\b(?:min(?:imum)?|least)\s+(?:number|no\.?|#|count)\s+of\s+(?:gpus|cards|accelerators|nodes)\b"
)


def _variant_options(facts: Facts) -> list:
    """The alternatives an unsaid choice leaves open: the fine-tuning methods, or for inference whose weight
    format was not said, the formats (16-bit first)."""
    work = facts.workload
    if work.task.is_training:
        return _method_options(facts) if facts.understanding.details.method_unstated else []
    if work.task is Task.INFERENCE and facts.understanding.details.precision is None:
        return [o for o in facts.options if o.label.startswith("inference in ")]
    return []


def _minimum_variants(facts: Facts) -> list:
    """(label, estimate) for each format or method the user left open, else the run as asked."""
    options = _variant_options(facts)
    if options:
        return [(_format_of(o) or o.label, o.estimate) for o in options]
    if facts.estimate is None:
        return []
    return [
        (
            facts.workload.precision
            if facts.workload.task.value == "inference"
            else facts.workload.task_label,
            facts.estimate,
        )
    ]


def _format_of(option) -> str | None:
    """'8-bit (int8)' for the option 'inference in int8'; None for an option that is not a weight format."""
    label = option.label.removeprefix("inference in ")
    return None if label == option.label else _FORMAT_NAMES.get(label, label)


def _variant_label(option) -> str:
    fmt = _format_of(option)
    return capitalized(option.label) if fmt is None else f"In {fmt}"


def _leaner_on_smaller(facts: Facts) -> str:
    """After "you need the bigger card": the first leaner method or weight format the user left open that one of the
    smaller card holds ("On one T4 it fits in 8-bit (int8): about 10.6 GB."), or ""."""
    small = min(facts.checks, key=lambda c: c.gpu.memory_gb)
    if isinstance(small, Fit) and small.count == 1:
        return ""
    for option in _variant_options(facts):
        fit = option.on_named.get(small.gpu.name)
        if isinstance(fit, Fit) and fit.count == 1:
            how = f"in {fmt}" if (fmt := _format_of(option)) else f"with {option.label}"
            return f" On one {small.gpu.name} it fits {how}: about {gb(option.estimate.total_gb)}."
    return ""


def variant_pick(facts: Facts) -> str:
    """Between the GPUs the user named, when the method or weight format was not said: the first alternative (full,
    LoRA, QLoRA; or 16-bit, FP8, 8-bit, 4-bit) that one of them holds on a single card, and of those that do, the
    faster one (compute for training, memory bandwidth for generating one answer at a time)."""
    choice = variant_choice(facts)
    if choice is None:
        return ""
    best, option, single = choice
    training = facts.workload.task.is_training
    unit = "dense BF16 TFLOPS" if training else "GB/s"
    bound = (
        "training is bound by compute"
        if training
        else "generating one answer at a time is bound by memory bandwidth"
    )
    others = [c.gpu for c in facts.checks if c.gpu.name != best.gpu.name]
    held = "both hold it" if len(single) == 2 == len(facts.checks) else f"one {best.gpu.name} holds it"
    if len(single) == 1:
        why = "the only one of them that holds it on one card"
    else:
        why = f"{bound}, and it has {best.gpu.bound_rate(training):,.0f} {unit} against " + ", ".join(
            f"{g.bound_rate(training):,.0f} on the {g.name}" for g in others
        )
    what = option.label if training else f"{facts.workload.task.label} in {_format_of(option)}"
    return (
        f"**The {best.gpu.name}** for {what} of {facts.workload.model_label} (about "
        f"{gb(option.estimate.total_gb)}; {held}): {why}."
    )


def _settings_beyond(facts: Facts) -> str:
    """After 'it fits on paper' under an out-of-memory report: where the rest went — for a served model, the
    server's reserve, the context it sizes for and its batch, each with its flag."""
    text = " An out-of-memory error here comes from settings beyond that"
    if facts.workload.task.is_training or is_local(facts.workload.runtime):
        return text + "."
    return (
        text
        + ": a serving engine sizes its KV cache for the longest context it accepts (vLLM `--max-model-len`, "
        "SGLang `--context-length`, TGI `--max-total-tokens`; the model's full context by default) and the "
        "sequences it batches (`--max-num-seqs`) within the share of each GPU it reserves "
        "(`--gpu-memory-utilization`) — cap the context first."
    )


def variant_choice(facts: Facts) -> tuple[Fit, Option, list[Fit]] | None:
    """The pick ``variant_pick`` words: the first method or format left open that a named GPU holds on one card,
    the fastest such GPU's fit, and every single-card fit of it; None when no named GPU holds any alone."""
    training = facts.workload.task.is_training
    for option in _variant_options(facts):
        single = [
            o for c in facts.checks if isinstance(o := option.on_named.get(c.gpu.name), Fit) and o.count == 1
        ]
        if single:
            return max(single, key=lambda f: f.gpu.bound_rate(training)), option, single
    return None


def _variants_on_each(facts: Facts) -> str:
    """One line per alternative: the setup of each GPU the user named that holds it ("Full fine-tuning (about
    131 GB): 2 x A100 80GB SXM or 4 x L40S. LoRA fine-tuning (about 19.6 GB): one of either.")."""
    lines = []
    for option in _variant_options(facts):
        outcomes = [option.on_named.get(c.gpu.name) for c in facts.checks]
        fits = [o for o in outcomes if isinstance(o, Fit)]
        if fits and all(f.count == 1 for f in fits) and len(fits) == len(outcomes):
            where = "one of either" if len(fits) == 2 else "one of any of them"
        elif fits:
            where = " or ".join(
                f"{f.count} x {f.gpu.name} ({gb(f.per_gpu_gb)} per GPU)"
                if f.count > 1
                else f"one {f.gpu.name}"
                for f in fits
            )
            unsupported = [o for o in outcomes if isinstance(o, NoFit) and o.reason.endswith(" support")]
            where += "".join(f" (the {o.gpu.name} has {o.reason})" for o in unsupported)
        else:
            needs = [f"{o.needs} x {o.gpu.name}" for o in outcomes if isinstance(o, NoFit) and o.needs]
            where = "neither" if len(outcomes) == 2 else "none of them"
            where += f" as asked (it needs {' or '.join(needs)})" if needs else ""
        lines.append(f"{_variant_label(option)} (about {gb(option.estimate.total_gb)}): {where}.")
    return " ".join(lines)


def _stated_cards_sentence(facts: Facts, what: str, total: float) -> str:
    """The workload against the user's N cards of S GB (cards the catalog lacks): per GPU, split across them."""
    details = facts.understanding.details
    n, card = details.gpu_count, details.stated_memory_gb
    per = facts.estimate.per_gpu_gb(n)
    how = "sharded (FSDP or ZeRO-3)" if facts.workload.task.is_training else "split (tensor parallel)"
    body = f"{what} needs about {gb(total)} in all, {gb(per)} per GPU {how} over your {n} x {card:g} GB"
    if per <= card:
        return f"**Yes** — {body}." if details.yes_no else f"{capitalized(body)} — **it fits**."
    least = _cards_of(facts.estimate, card)
    more = f"; it takes {least} such cards" if least else ""
    smaller = [o for o in facts.options if o.estimate.per_gpu_gb(n) <= card]
    instead = (
        f" With {smaller[0].label} it needs about {gb(smaller[0].estimate.per_gpu_gb(n))} per GPU, which fits."
        if smaller
        else ""
    )
    lead = "**No** — " if details.yes_no else ""
    return f"{lead}{capitalized(body) if not lead else body}, more than each card holds{more}.{instead}"


def _cards_of(estimate, card_gb: float) -> int | None:
    """The fewest cards of ``card_gb`` (up to 64) that hold ``estimate`` sharded across them, if any do."""
    return next((n for n in range(2, 65) if estimate.per_gpu_gb(n) <= card_gb), None)


def _observed_offload_sentence(facts: Facts, seen: float) -> str:
    """A speed seen for a model too big for the one card named, under llama.cpp (Ollama, LM Studio): set against
    the speed with the layers that do not fit in system RAM, which the CPU works through at RAM speed."""
    off = facts.plan.offload if facts.plan else None
    work = facts.workload
    if (
        off is None
        or not off.gpu_layers
        or not off.decode_tokens_per_s
        or work is None
        or work.task is not Task.INFERENCE
        or not is_local(work.runtime)
        or len(facts.checks) != 1
        or (facts.understanding.details.gpu_count or 1) > 1
    ):
        return ""
    gpu = facts.checks[0].gpu
    if gpu.software == "Metal":
        return ""
    expected = off.decode_tokens_per_s
    what = f"{work.model_label} in {work.precision.upper() if work.precision.startswith('q') else work.precision}"
    how = (
        f"{what} needs about {gb(facts.estimate.total_gb)}, more than the {gpu.name}'s {gpu.memory_gb:.0f} GB, so "
        f"llama.cpp (which Ollama and LM Studio run) keeps {off.layers - off.gpu_layers} of {off.layers} layers "
        f"({off.cpu_gb:.1f} GB) in system RAM, where the CPU sets the pace at about **{expected:.1f} tokens/s** "
        "(an estimate from RAM bandwidth; ±30%)"
    )
    if seen > 1.3 * expected:  # beyond the estimate's band: fine, and better than the RAM's pace suggests
        return (
            f"**Yes** — {seen:g} tokens/s is normal, faster even than the estimate: {how}. Faster RAM than a "
            "desktop's dual channel, or fewer layers left in RAM than assumed, explains the difference."
        )
    if seen >= 0.6 * expected:
        return f"**Yes** — {seen:g} tokens/s is about what to expect: {how}. A model that fits the card runs far faster."
    return (
        f"**No** — even with part of it in RAM it should reach more: {how}; {seen:g} tokens/s suggests fewer layers "
        "on the GPU than fit (raise `-ngl` / num_gpu), RAM slower than assumed, or other programs holding VRAM."
    )


def _running_beyond_the_share(facts: Facts, count: int) -> Fit | None:
    """The user's own setup (the first card checked, at the count said) as a Fit with its serving speed, when the
    model needs more than a serving engine's default share of it but no more than the cards hold; else None."""
    check = facts.checks[0] if facts.checks else None
    if not isinstance(check, NoFit):
        return None
    gpu, per_gpu = check.gpu, facts.estimate.per_gpu_gb(count)
    if per_gpu > gpu.memory_gb:
        return None
    return fit_at(facts.estimate, gpu, count, load_assumptions())


# a speed said for each of several requests, not their total: "20 tok/s per user", "each request gets 15 t/s"
_PER_USER_SPEED = re.compile(
    r"\b(?:per|each|every|a) (?:user|request|sequence|stream|client|session|conversation)\b|\bapiece\b|\beach\b"
)


def _observed_speed_sentence(facts: Facts) -> str:
    """The speed the user sees on their own hardware set against the bandwidth estimate: about right (yes), or
    far below it (no — and the usual cause: layers left on the CPU, or a context that pushed them there)."""
    seen = facts.understanding.details.observed_tokens_per_s
    fit = _own_fit(facts)
    if seen and fit is None and (spilled := _observed_offload_sentence(facts, seen)):
        return spilled  # "3 tok/s with 70B on my 4090, normal?": the model spills to RAM, whose speed decides
    work = facts.workload
    if seen and fit is None and (home := _own_fit_in_a_format(facts)) is not None:
        # 16-bit does not fit their card, the download they run does: its speed is the yardstick
        fit, work = home
    if fit is None or fit.local is None:
        # their card under a serving engine or Transformers ("I get 12 t/s with fp16 on my 4090"): one
        # sequence's speed on the card named, when it holds the model at the count said
        count = facts.understanding.details.gpu_count or 1
        fit = next(
            (
                c
                for c in facts.checks[:1]
                if isinstance(c, Fit) and c.count <= count and c.serving is not None
            ),
            None,
        )
        if fit is None and seen and facts.workload.task is Task.INFERENCE:
            # just over what an engine takes by default but within the card ("20 tok/s with a 70B in 8-bit on my
            # A100 80GB"): it runs, as they see; the bandwidth estimate on that setup is the yardstick
            fit = _running_beyond_the_share(facts, count)
        if fit is None or facts.workload.task is not Task.INFERENCE:
            return ""
        expected, how = fit.serving.decode_tokens_per_s, fit.serving.detail
        served = fit.serving
        if (served.batch or 1) > 1 and served.batch_tokens_per_s:
            # "1500 tok/s with 64 concurrent requests": a total over the batch (each one's speed when said so),
            # set against the step-time estimate at that batch, not one sequence's speed
            each = bool(_PER_USER_SPEED.search(facts.understanding.question.lower()))
            total = served.batch * served.batch_tokens_per_s
            expected = served.batch_tokens_per_s if each else total
            how = (
                f"{served.batch} sequences batched: about {served.batch_tokens_per_s:,.0f} tokens/s each, "
                f"{total:,.0f} in total; {how}"
            )
    else:
        expected, how = fit.local.decode_tokens_per_s, fit.local.detail
    if not seen:
        return ""
    what = f"{work.model_label} in {work.precision.upper() if work.precision.startswith('q') else work.precision}"
    estimate = (
        f"about **{expected:,.0f} tokens/s** on {fit.label} (an estimate from memory bandwidth — {how}; ±30%)"
    )
    ceiling = expected / load_assumptions().number(decode_efficiency_key(fit.gpu))
    if seen > 1.1 * ceiling and (fit.serving is None or (fit.serving.batch or 1) <= 1):
        # faster than reading the weights at the card's full bandwidth allows: a batch's total, or not the format
        full = fit.serving.throughput_tokens_per_s if fit.serving else None
        each = _PER_USER_SPEED.search(facts.understanding.question.lower())  # "per user": one stream's speed
        if full and seen <= 1.3 * full and not each:
            return (
                f"**Yes, as a total over batched requests** — {seen:g} tokens/s is more than one stream of {what} "
                f"can reach on {fit.label} (at most about {ceiling:,.0f} tokens/s at its full memory bandwidth), "
                f"but within what a full batch gives: up to about {full:,.0f} tokens/s in total with "
                f"{fit.serving.max_sequences} sequences at once ({estimate})."
            )
        return (
            f"**Not with {what}** — {seen:g} tokens/s is more than reading its weights at {fit.label}'s full memory "
            f"bandwidth allows (at most about {ceiling:,.0f} tokens/s; {estimate}). So the run differs from "
            "that: a quantized build (FP8, AWQ/GPTQ 4-bit), speculative decoding, or a total over several requests "
            "rather than one stream's speed."
        )
    # beyond the estimate's ±30%: normal, and better than the bandwidth rule expects
    if seen > 1.3 * expected:
        return (
            f"**Yes** — {seen:g} tokens/s is normal, faster even than what {what} should generate by the estimate: "
            f"{estimate}. Your runtime reads the weights more efficiently than the share of bandwidth assumed."
        )
    if seen >= 0.6 * expected:
        return f"**Yes** — {seen:g} tokens/s is in line with what {what} should generate: {estimate}."
    if fit.local is None:
        return (
            f"**No** — {what} should generate {estimate}, so {seen:g} tokens/s means the card is not doing all "
            "the work: usually part of the model placed on the CPU (device_map='auto' or an offload setting), "
            "a framework without fused kernels (plain Transformers `generate` is slower than vLLM, TGI or "
            "llama.cpp), or prompts long enough that reading them dominates."
        )
    return (
        f"**No** — {what} should generate {estimate}, so {seen:g} tokens/s means part of the work is not on the "
        "GPU: usually layers left in system RAM (offload them all: `-ngl 99` in llama.cpp; `ollama ps` should "
        "show 100% GPU), a context window (num_ctx) large enough to push some layers out of VRAM, or a build "
        "that runs on the CPU alone (its log says which backend loaded)."
    )


# "is that normal?", "is this expected", "why so slow", "too long?": a time the user sees, to be judged
_JUDGE_TIME = re.compile(
    r"\b(?:normal|expected|reasonable|typical|too (?:slow|long)|so (?:slow|long)|that (?:slow|long)|"
    r"makes? sense|right|realistic)\b"
)
_ASKS_TOO_SLOW = re.compile(r"\btoo (?:slow|long)\b|\b(?:so|that|this) (?:slow|long)\b")
_SLOW_CAUSES = (
    "padding every example to the full sequence length, a micro-batch of 1, gradient checkpointing (about a third "
    "more compute), CPU offload, or GPUs that talk over PCIe or a slow network"
)


def _observed_time_sentence(facts: Facts) -> str:
    """A training time the user sees (a dataset size known) set against the FLOPs arithmetic: in line (yes), or
    several times slower (no — and the usual causes). When the examples' length was assumed, the long end
    allows for examples as long as the training sequence."""
    details = facts.understanding.details
    seen = details.stated_wall_hours
    if (
        not seen
        or details.deadline_hours
        or not (details.tokens or details.examples)
        or not _JUDGE_TIME.search(facts.understanding.question.lower())
    ):
        return ""
    short = _short_of_named(facts)
    fit = short[1] if short is not None else lead_fit(facts)
    if fit is None or fit.training is None or not facts.checks:
        return ""
    t, work = fit.training, facts.workload
    fast, slow = t.hours_range or (t.hours, t.hours)
    longest = slow
    assumed = ""
    if details.tokens is None and details.examples:
        per = work.tokens / details.examples / (details.epochs or 1)
        longest = slow * max(1.0, work.context / per)
        assumed = (
            f" (with examples of about {per:,.0f} tokens; up to {duration_text(longest)} if every example fills the "
            f"{work.context:,}-token sequence)"
        )
    expected = (
        f"{work.task_label} of {work.model_label} on {fit.label} should take about {duration_text(t.hours)} "
        f"({duration_text(fast)} to {duration_text(slow)} across 50% to 30% MFU){assumed}. How: {t.detail}."
    )
    too_slow = bool(
        _ASKS_TOO_SLOW.search(facts.understanding.question.lower())
    )  # "too slow?": yes means slow
    if seen <= 3 * longest:
        return f"**{'No' if too_slow else 'Yes'}** — {duration_text(seen)} is in line with the arithmetic: {expected}"
    return (
        f"**{'Yes' if too_slow else 'No'}** — {duration_text(seen)} is about {seen / longest:,.0f} times the slow end of "
        f"the arithmetic: {expected} The usual causes are {_SLOW_CAUSES}."
    )


# "how many GPU hours did it take to pre-train X", "how much compute did Meta use to train X", "how many GPUs
# were used to train X": the makers' own figure, not a fine-tuning estimate
_ASKS_PRETRAIN_COMPUTE = re.compile(
    r"\bhow (?:many|much)\b[^?]{0,40}\b(?:gpu[- ]?hours?|gpu[- ]?hrs|compute|gpus?(?!\s*(?:memory|mem|vram|ram)\b)|flops|"
    r"h100[- ]?hours)\b[^?]{0,80}"
    r"\b(?:pre-?train\w*|train(?:ed|ing)?|took|take|used?)\b"
    r"|\bpre-?train(?:ing|ed)?\b[^?]{0,60}\bhow (?:many|much)\b[^?]{0,30}\b(?:gpu[- ]?hours?|compute|gpus?)\b"
)
_ASKS_MEMORY = re.compile(r"\bhow (?:much|many (?:gb|gib))\b[^?]{0,20}\b(?:memory|vram|ram)\b")
_FINE_TUNE_WORDS = re.compile(r"\bfine[- ]?tun\w*|\blora\b|\bqlora\b|\bsft\b|\bmy (?:data|dataset)\b")


def _pretraining_sentence(facts: Facts) -> str:
    """What pre-training a model took, from its model card: the GPU-hours on the GPU named and the tokens seen,
    checked against 6 x parameters x tokens (the MFU it implies on that GPU's dense 16-bit peak). Only when the
    question asks what training the model took and states no GPU-hours of its own."""
    from ...knowledge import load_catalog
    from ...knowledge._pretraining import load_pretraining

    details = facts.understanding.details
    question = facts.understanding.question.lower()
    if details.stated_gpu_hours or not details.model or _FINE_TUNE_WORDS.search(question):
        return ""
    if _ASKS_MEMORY.search(
        question
    ):  # "how much GPU memory will vLLM use …": memory, not the makers' compute
        return ""
    if not _ASKS_PRETRAIN_COMPUTE.search(question):
        return ""
    run = load_pretraining().get(details.model)
    if run is None:
        return ""
    work = facts.workload
    flops = 6 * work.params * run.tokens_t * 1e12
    gpu = load_catalog().by_name(run.gpu)
    check = ""
    if gpu is not None and gpu.fp16_tflops:
        mfu = flops / (run.gpu_hours * 3600 * gpu.fp16_tflops * 1e12)
        check = (
            f" Checked against the arithmetic: 6 x {work.params / 1e9:.1f}B parameters x {run.tokens_t:g}T tokens = "
            f"{flops:.1e} FLOPs, which over {run.gpu_hours:,.0f} GPU-hours is {mfu:.0%} of the {gpu.name}'s "
            f"{gpu.fp16_tflops:,.0f} dense 16-bit TFLOPS (MFU; 30-50% is typical)."
        )
    millions = run.gpu_hours / 1e6
    return (
        f"About **{millions:,.2f} million GPU-hours** ({run.gpu_hours:,.0f}) on {run.gpu_as_written} to pre-train "
        f"{details.model} on about {run.tokens_t:g} trillion tokens, as its model card reports.{check} "
        f"Source: {run.source.split(' ')[0]}"
    )


# "why is training so slow", "extremely slow", "takes forever", "13 h, what am I doing wrong?", "9 s/it"
_TRAINING_SLOW = re.compile(
    r"\bslow(?:er|ly|ness)?\b|\btakes? (?:so |too |way |far )?(?:long|forever|ages)\b|\blonger than\b|"
    r"\bdoing (?:something )?wrong\b|\b\d+(?:\.\d+)?\s*s(?:ec(?:ond)?s?)?\s*/\s*it\b|\bmore time\b"
)
# "I don't mind the program running a bit slower", "even if it's slow", "slow is fine": slowness the user accepts
# in exchange for fitting, not a complaint about speed
_SLOWNESS_ACCEPTED = re.compile(
    r"\b(?:(?:do|does)(?: not|n'?t) mind|(?:am|i'?m|we'?re|are) (?:ok|okay|fine|happy|alright)(?: with)?|"
    r"(?:can|could) (?:live|cope) with|accept|tolerate|even if|even though)\b[^.?!]{0,50}?"
    r"\b(?:slow(?:er|ly|ness)?|longer|more time|takes? (?:longer|a while|ages))\b"
    r"|\b(?:slow(?:er|ness)?|speed|time)\s+(?:is|are|would be|isn'?t|is not)\s+(?:fine|ok|okay|acceptable|no problem|"
    r"not (?:a|an) (?:problem|issue|concern))\b"
    r"|\b(?:speed|time)\s+(?:does(?:n'?t| not)|do(?:n'?t| not)) matter\b"
)
_SEEN_SLOW = re.compile(
    r"\b(?:getting|got|is|it's|its|am|so|very|extremely|really|super|painfully|incredibly|quite)\s+(?:\w+\s+)?slow"
    r"|\btakes? forever\b|\bs/it\b|\bdoing (?:something )?wrong\b"
)
_SLOW_BANDWIDTH_PER_TFLOPS = (
    3.0  # GB/s per dense 16-bit TFLOPS below which small micro-batches wait on memory
)


def _arithmetic_pace(facts: Facts) -> str:
    """' At the arithmetic's pace <job> on <their card> trains on about N tokens/s (how)…', or '' without a card
    named and a model."""
    details, work = facts.understanding.details, facts.workload
    theirs = [gpu for gpu in facts.gpus if gpu.name in details.gpus]
    if not theirs or not (details.params is not None or details.models):
        return ""
    named, assumed, count = theirs[0], load_assumptions(), details.gpu_count or 1
    tokens_per_s = training_tokens_per_s(work, named, count, assumed)
    if not tokens_per_s:
        return ""
    per = 6 if work.task in (Task.FULL, Task.PRETRAIN) else 4
    return (
        f" At the arithmetic's pace {work.task_label} of {work.model_label} on {count}x {named.name} trains "
        f"on about **{tokens_per_s:,.0f} tokens/s** ({count} x {named.training_tflops:,.0f} TFLOPS x "
        f"{assumed.number('training_mfu'):.0%} MFU / ({per} FLOPs x {work.active_params / 1e9:.1f}B "
        "parameters per token)); your data's tokens divided by that is the time to expect."
    )


def _pace_sentence(facts: Facts) -> str:
    """'At the pace you see (30 mins for 0.01 epochs), the whole run takes about **50 hours (2.1 days)**. ': the
    run's time scaled from the progress the user reports part-way, for a training job; '' without one."""
    work = facts.workload
    pace = run_pace(facts.understanding.question)
    if pace is None or work is None or not work.task.is_training:
        return ""
    said = (
        f"{pace.hours:,.0f} hours ({duration_text(pace.hours)})"
        if pace.hours >= 48
        else duration_text(pace.hours)
    )
    return f"At the pace you see ({pace.seen}), the whole run takes about **{said}**. "


def _slow_training_sentence(facts: Facts, what: str) -> str:
    """Why a training run is slow, when the dataset's size is not told: set against the time reported for the same
    work when one is ("13 hours, but the paper took 3"), and the causes that apply to this run first — an 8-bit or
    4-bit base, a card with little memory bandwidth for its compute, a small per-device batch — with the
    arithmetic's throughput on their card, so their data's tokens give the time to expect."""
    details, work = facts.understanding.details, facts.workload
    question = _SLOWNESS_ACCEPTED.sub(" ", facts.understanding.question.lower())
    compared = details.stated_wall_hours and details.reference_wall_hours and _JUDGE_TIME.search(question)
    if not work.task.is_training or not (_TRAINING_SLOW.search(question) or compared):
        return ""
    if details.deadline_hours and not _SEEN_SLOW.search(question):
        return ""  # "can it finish within a day, or is that too slow?" asks for a setup, not a cause
    causes = []
    if work.precision == "int8" or re.search(r"load_in_8_?bit|8[- ]?bit", question):
        causes.append(
            "8-bit (bitsandbytes LLM.int8) base weights, which train several times slower than 16-bit"
        )
    elif work.task is Task.QLORA:
        causes.append("the 4-bit base, dequantized at every step (QLoRA trains slower than 16-bit LoRA)")
    theirs = [gpu for gpu in facts.gpus if gpu.name in details.gpus]  # the cards the question names
    for gpu in theirs:
        if gpu.fp16_tflops and gpu.memory_bandwidth_gbs / gpu.fp16_tflops < _SLOW_BANDWIDTH_PER_TFLOPS:
            causes.append(
                f"the {gpu.name}'s memory bandwidth ({gpu.memory_bandwidth_gbs:,.0f} GB/s) is low for its compute, "
                "and small micro-batches wait on reading the weights"
            )
    causes.append(
        "a small per-device batch that leaves the GPUs under-used (raise the per-device batch size and lower the "
        "gradient-accumulation steps to keep the same effective batch)"
    )
    causes.append(_SLOW_CAUSES)
    listed = "; ".join(causes)
    pace = _arithmetic_pace(facts)
    modelled = details.params is not None or bool(details.models)
    seen, ref = details.stated_wall_hours, details.reference_wall_hours
    if seen and ref and seen > 1.5 * ref:
        verdict = "**No** — " if details.yes_no else ""
        return (
            f"{verdict}{duration_text(seen)} is about {seen / ref:,.1f} times the {duration_text(ref)} reported for the same work, so "
            f"each step does less than it should. The usual causes: {listed}.{pace}"
        )
    subject = what if modelled else "a training run"
    return f"What usually makes {subject} slow: {listed}.{pace}"


_ASKS_SAVING = re.compile(
    r"\b(?:save|saves|saving|lowers?|less|reduces?|reducing|smaller|cuts?)\b[^.?!]{0,30}\b(?:vram|memory)\b"
    r"|\b(?:vram|memory)\b[^.?!]{0,20}\b(?:savings?|lower|less|smaller)\b"
)


def _context_saving_sentence(facts: Facts) -> str:
    """'Does a longer context (a newer version's 128k) save VRAM?': no — the KV cache grows with every token of
    context, at the model's per-token cost, whatever the weights' format."""
    question = facts.understanding.question.lower()
    work = facts.workload
    if work.task is not Task.INFERENCE or "context" not in question or not _ASKS_SAVING.search(question):
        return ""
    kv = next((i for i in facts.estimate.items if i.label == "KV cache"), None)
    if kv is None:
        return ""
    weights = facts.estimate.item("weights").gb
    return (
        f"**No** — a longer context never lowers the memory: the KV cache grows with every token of context. For "
        f"{work.model_label} it is {kv.detail} — about {gb(kv.gb)} at {work.context:,} tokens, on top of "
        f"{gb(weights)} of {work.precision} weights ({gb(facts.estimate.total_gb)} in all). Quantizing the weights "
        "does not change the per-token cost; a quantized KV cache (8-bit or 4-bit) or a shorter maximum context does."
    )


def _beyond_stated_sentence(facts: Facts, what: str, total: float) -> str:
    """The memory a workload needs, first, when it is more than the user says they have (no yes/no asked):
    the figure, the shortfall, and the other methods or formats that fit in their memory."""
    stated = facts.understanding.details.stated_memory_gb
    text = (
        f"{capitalized(what)} needs about **{gb(total)}** of GPU memory — more than the {stated:g} GB you have"
        + (", so it runs out of memory there." if reports_oom(facts.understanding.question) else ".")
    )
    pick = facts.pick
    if pick is not None and pick.count > 1:
        text += (
            f" It fits on {pick.label} ({gb(pick.per_gpu_gb)} per GPU, {money(pick.price_per_hour)}/hour)."
        )
    smaller = [o for o in facts.options if o.estimate.total_gb <= stated]
    if smaller:
        text += (
            " In your "
            + f"{stated:g} GB: "
            + "; ".join(f"{o.label}, about {gb(o.estimate.total_gb)}" for o in smaller)
            + "."
        )
    return text


def _seen_over_stated(facts: Facts) -> str:
    """'8gb vram laptop, a 13b only gives 2 tokens/s — normal?': a local model too big for the VRAM told by its
    size spills layers to system RAM, whose bandwidth then caps the speed; a speed at or under that cap is what
    to expect ("Yes"), "" when no speed was seen or the model fits."""
    details = facts.understanding.details
    seen, stated = details.observed_tokens_per_s, details.stated_memory_gb
    work = facts.workload
    if (
        not seen
        or not stated
        or details.ram_gb
        or work.task is not Task.INFERENCE
        or not (details.local or is_local(work.runtime))
    ):
        return ""
    usual = str(load_assumptions()["default_local_quant"].value)
    home = next((o for o in facts.options if o.label == f"inference in {usual}"), None)
    estimate = facts.estimate if work.precision in _FORMAT_NAMES else (home.estimate if home else None)
    if estimate is None or estimate.total_gb <= stated:
        return ""
    assumptions = load_assumptions()
    weights = estimate.item("weights").gb
    layers = work.shape.layers
    per_layer = weights / layers
    room = stated * assumptions.number("local_memory_fraction") - (estimate.total_gb - weights)
    on_gpu = max(0, min(layers, int(room // per_layer)))
    cpu_gb = weights - on_gpu * per_layer
    if cpu_gb <= 0:
        return ""
    cap = (
        assumptions.number("system_ram_bandwidth_gbs")
        * assumptions.number("decode_bandwidth_efficiency")
        / cpu_gb
    )
    if seen > 1.3 * cap:
        return ""
    fmt = estimate.workload.precision.upper()
    return (
        f"**Yes** — {seen:g} tokens/s is what to expect: {work.model_label} in {fmt} needs about "
        f"{gb(estimate.total_gb)}, more than your {stated:g} GB of VRAM, so llama.cpp (which Ollama and LM Studio "
        f"run) keeps about {layers - on_gpu} of {layers} layers ({cpu_gb:.1f} GB) in system RAM, where the CPU "
        f"works through them at RAM speed: at most about **{cap:.1f} tokens/s** with a desktop's dual-channel RAM "
        "(an estimate from its bandwidth), less on a laptop's. A model that fits the VRAM entirely runs several "
        "times faster."
    )


def _layer_split(vram: float, total: float, weights: float, layers: int) -> tuple[int, float]:
    """llama.cpp's split of a GGUF model over ``vram`` GB and system RAM: the layers that fit on the card (the
    context and buffers stay on it too) and the GB of weights left for the RAM."""
    per_layer = weights / layers
    room = vram * load_assumptions().number("local_memory_fraction") - (total - weights)
    on_gpu = max(0, min(layers, int(room // per_layer)))
    return on_gpu, weights - on_gpu * per_layer


def _split_short_of_ram(facts: Facts, what: str, total: float, split: tuple[int, float], free: float) -> str:
    """VRAM and RAM both told, and the model too big even split over them: No, with the RAM the split would take
    and the largest GGUF type that the same VRAM and RAM do hold (partially offloaded)."""
    details = facts.understanding.details
    stated, host, layers = details.stated_memory_gb, details.host_ram_gb, facts.workload.shape.layers
    on_gpu, cpu_gb = split
    reserve = load_assumptions().number("os_ram_reserve_gb")
    text = (
        f"**No** — not even with partial offload: {what} needs about {gb(total)}; about {on_gpu} of {layers} layers "
        f"fit in your {stated:g} GB of VRAM, and the other {cpu_gb:.1f} GB would have to sit in system RAM, more than "
        f"the ~{gb(free)} your {host:g} GB leaves after the operating system (the rest would page from disk, "
        f"far slower still). That split takes about {gb(cpu_gb + reserve)} of RAM: a machine with "
        f"{machine_ram_gb(cpu_gb, load_assumptions())} GB."
    )
    held = []
    for o in facts.options:
        fmt = o.label.removeprefix("inference in ")
        if below_quality_floor(o) or not load_assumptions().is_gguf(fmt) or o.estimate.total_gb >= total:
            continue
        o_gpu, o_cpu = _layer_split(stated, o.estimate.total_gb, o.estimate.item("weights").gb, layers)
        if o_gpu > 0 and o_cpu <= free:
            held.append((o.estimate.total_gb, fmt, o_gpu, o_cpu))
    if held:
        size, fmt, o_gpu, o_cpu = max(held)
        text += (
            f" With the RAM you have, a smaller quant does: {_FORMAT_NAMES.get(fmt, fmt.upper())} (about {gb(size)}) "
            f"with about {o_gpu} layers on the card (`-ngl {o_gpu}`) and {o_cpu:.1f} GB in RAM."
        )
    return text + moe_instead_text(facts)


def _split_over_stated(facts: Facts, what: str, total: float) -> str:
    """VRAM told by its size with the RAM beside it ('8gb vram, 32gb ram'), a GGUF model too big for the VRAM:
    "Only with partial offload" when the layers left over fit the RAM after the operating system, with the
    speed bounded by the RAM's; "" otherwise (it fits, no RAM was said, or the RAM is short too)."""
    details = facts.understanding.details
    work = facts.workload
    stated, host = details.stated_memory_gb, details.host_ram_gb
    if (
        not stated
        or not host
        or details.ram_gb
        or work.runtime != "llama.cpp"
        or work.task is not Task.INFERENCE
    ):
        return ""
    assumptions = load_assumptions()
    weights = facts.estimate.item("weights").gb
    layers = work.shape.layers
    on_gpu, cpu_gb = _layer_split(stated, total, weights, layers)
    free = free_ram_gb(host, assumptions)
    if on_gpu == 0 or on_gpu == layers:
        return ""
    if cpu_gb > free:
        return _split_short_of_ram(facts, what, total, (on_gpu, cpu_gb), free)
    ram = assumptions.number("system_ram_bandwidth_gbs") * assumptions.number("decode_bandwidth_efficiency")
    speed = ram / (
        cpu_gb * work.shape.active_params / work.shape.params
    )  # an MoE reads its routed experts only
    figure = f"{speed:.1f}" if speed < 10 else f"{speed:.0f}"
    # "is 32 GB of RAM enough to offload it?": offloading is what they ask about, so the RAM holding the rest is Yes
    verdict = (
        "**Yes**, with partial offload"
        if re.search(r"\boffload", facts.understanding.question.lower())
        else "**Only with partial offload**"
    )
    return (
        f"{verdict} — under llama.cpp (Ollama, LM Studio, Jan), about {on_gpu} of {layers} "
        f"layers fit in your {stated:g} GB of VRAM (`-ngl {on_gpu}`, GPU offload layers) and the other "
        f"{cpu_gb:.1f} GB stay in your {host:g} GB of system RAM, so the RAM sets the speed: at most about "
        f"**{figure} tokens/s** (an estimate from a desktop's RAM bandwidth). Entirely on the GPU, {what} "
        f"needs about {gb(total)}, more than {stated:g} GB; a check that looks only at the VRAM calls it too big."
        + moe_instead_text(facts)
    )


def _stated_memory_sentence(facts: Facts, what: str, total: float) -> str:
    """A yes/no against the GPU memory the user says they have."""
    details = facts.understanding.details
    stated = details.stated_memory_gb
    have = f"the {stated:g} GB you have"
    if details.ram_gb:  # system RAM: what the OS leaves of it, run on the CPU (llama.cpp / Ollama)
        have = f"the {stated:g} GB your {details.ram_gb:g} GB of RAM leaves after the operating system"
    if mac := _mac_by_memory_sentence(facts, what, total):
        return mac
    limit = stated
    if macs := macs_by_memory(facts):
        # a fine-tune over the share macOS lets the GPU use: the share is the limit, and a laptop or a desktop Mac
        # has no second card to shard over
        limit = min(g.gpu_memory_gb for g in macs)
        have = f"the {gb(limit)} of {stated:g} GB that macOS lets the GPU use by default"
    elif facts.workload.task.is_training and not details.ram_gb:
        # a training run keeps the same headroom on a stated amount as on a named card: within the last few
        # percent the caching allocator's fragmentation makes an out-of-memory error likely
        limit = stated * load_assumptions().number("training_memory_fraction")
        if limit < total <= stated:
            have = f"what training can use of the {stated:g} GB you have (the allocator needs some headroom)"
    elif details.runtime == "server" and not details.ram_gb and facts.workload.task is Task.INFERENCE:
        # vLLM / SGLang on "my 16 GB card": the server takes its share of the card, as on a named one
        a = load_assumptions()
        limit, _ = usable_memory_gb(
            None, False, facts.workload.runtime, a, facts.workload.memory_fraction, memory_gb=stated
        )
        raised = a.number("serving_memory_fraction_raised")
        if facts.workload.memory_fraction is None and within_raised_share(total, stated, a):
            # just over the default share, as on a named card: the server may take more when nothing else runs
            return (
                f"**Yes, with** `--gpu-memory-utilization {raised:g}` — {what} needs about {gb(total)}, just over "
                f"the {gb(limit)} a serving engine takes of the {stated:g} GB you have by default (vLLM's "
                f"{a.number('serving_memory_fraction'):g}) but within the {gb(stated * raised)} it may use when "
                "raised and nothing else runs on the GPU; a shorter `--max-model-len` or an FP8 KV cache "
                "(`--kv-cache-dtype fp8`) leaves more room."
            )
        if limit < total <= stated:
            have = f"the {gb(limit)} a serving engine takes of the {stated:g} GB you have (`--gpu-memory-utilization`)"
    if total <= limit:
        text = f"**Yes** — {what} needs about {gb(total)}, within {have}."
        work = facts.workload
        if not details.ram_gb and details.precision is None and work.precision in _FORMAT_NAMES:
            # the usual GGUF download was assumed, not said: the verdict rests on that format, and the bigger
            # (better) quants that also fit, or the next that does not, are worth knowing
            fmt = _FORMAT_NAMES[work.precision]
            text = f"**Yes, with {fmt} weights** — {what} needs about {gb(total)}, within {have}."
            bigger = sorted(
                (o for o in facts.options if o.estimate.total_gb > total), key=lambda o: o.estimate.total_gb
            )
            fits = [o for o in bigger if o.estimate.total_gb <= stated]
            if fits:
                best = fits[-1]
                text += f" Even {_FORMAT_NAMES.get(best.label.removeprefix('inference in '), best.label)} fits (about {gb(best.estimate.total_gb)})."
            elif bigger:
                nxt = bigger[0]
                text += f" The next size up, {_FORMAT_NAMES.get(nxt.label.removeprefix('inference in '), nxt.label)}, would not (about {gb(nxt.estimate.total_gb)})."
        if ram := _offloaded_ram(facts):  # the model lives in CPU memory: the machine's RAM is the condition
            text = f"**Yes, as long as** the machine has about {gb(ram)} of CPU RAM — {what} needs about {gb(total)} on the GPU, within {have}."
        text += _little_room_left(facts, total, limit)
        if details.ram_gb and not details.yes_no and asks_speed(facts.understanding.question):
            # "how many tokens/s on my CPU with 64 GB?": the speed is the answer, the fit follows
            plain = text.split(" — ", 1)[1]
            return f"{cpu_speed_text(facts)} {capitalized(plain)}" + moe_instead_text(facts)
        if details.ram_gb:
            text += pytorch_cpu_load_note(facts) + " " + cpu_speed_text(facts) + moe_instead_text(facts)
        return text
    text = f"**No** — {what} needs about {gb(total)}{_kv_share(facts)}, more than {have}."
    if seen_spill := _seen_over_stated(facts):
        return seen_spill
    if split := _split_over_stated(facts, what, total):
        return split
    if pytorch := pytorch_offload_lead(facts, f"the {stated:g} GB you have", what, total, stated):
        return pytorch
    if asks_cpu_offload(facts.understanding.question) and (
        partial := _partial_offload_lead(
            facts, f"{stated:g} GB card", what, f"needs about {gb(total)}, more than {have}"
        )
    ):
        return (
            partial  # "can I put part of it in RAM with my 12GB card?": llama.cpp's layer split on that card
        )
    least = facts.smallest_format_not_fitting
    if least is not None:
        fmt = least.label.removeprefix("inference in ")
        text = (
            f"**No** — even in {_FORMAT_NAMES.get(fmt, fmt)}, inference of {facts.workload.model_label} needs "
            f"about {gb(least.estimate.total_gb)}{_kv_share(facts)}, more than {have}."
        )
    smaller = [o for o in facts.options if o.estimate.total_gb <= limit]
    work = facts.workload
    if work.task is Task.INFERENCE and facts.understanding.details.precision is None and facts.options:
        # the weights' format was not said: every format's verdict, and "Only with …" when a smaller one fits
        lines = [
            f"{_FORMAT_NAMES.get(o.label.removeprefix('inference in '), o.label.removeprefix('inference in '))}: "
            f"{'yes' if o.estimate.total_gb <= limit else 'no'} — about {gb(o.estimate.total_gb)}."
            for o in facts.options
        ]
        if worth := [o for o in smaller if not below_quality_floor(o)]:
            # a format worth running fits; when only a 2-bit file does, the lead stays "No" and its line says so
            best = max(worth, key=lambda o: o.estimate.total_gb).label.removeprefix("inference in ")
            text = (
                f"**Only with {_FORMAT_NAMES.get(best, best)} weights** — {what} needs about {gb(total)}, more than "
                f"{have}."
            )
        return (
            text
            + "\n"
            + " ".join(lines)
            + _moe_offload_sentence(facts)
            + _smaller_model_for_stated(facts, stated, worth)
        )
    if smaller:
        o = min(smaller, key=lambda o: -o.estimate.total_gb)
        text += f" With {o.label} it needs about {gb(o.estimate.total_gb)}, which fits."
    if (
        work.task.is_training
        and not details.ram_gb
        and not macs
        and work.precision != "int8"  # an 8-bit bitsandbytes base is not sharded by FSDP / ZeRO-3
        # more memory than any one card has is several cards' total already ("1.5TB of GPU memory")
        and stated <= max(g.memory_gb for g in load_catalog())
        and (least := _cards_of(facts.estimate, limit))
    ):
        text += f" Sharded over {least} cards of {stated:g} GB (FSDP or ZeRO-3) it fits as it is."
    if not details.ram_gb:  # a long context on their card: the context that fits and an 8-bit KV cache
        text += kv_context_text(facts, stated, kv_said=bool(_kv_share(facts)))
    return text + _smaller_model_for_stated(facts, stated, smaller)


def _little_room_left(facts: Facts, total: float, limit: float) -> str:
    """A home run that fits the memory told with little to spare (less than ``local_headroom_note_share`` free):
    what is left for the rest of the machine, and what makes room — the family's next size down (or a smaller
    model), a lower quant, a shorter context. "" for a roomy fit, training, or a server."""
    work, details = facts.workload, facts.understanding.details
    if (
        work.task is not Task.INFERENCE
        or details.runtime == "server"
        or not (details.local or details.ram_gb or is_local(work.runtime))
        or limit - total >= load_assumptions().number("local_headroom_note_share") * limit
    ):
        return ""
    kin = _next_size_down(work)
    model = f"a smaller model ({kin})" if kin else "a smaller model"
    others = (
        "the operating system, a browser" if details.ram_gb or not details.stated_memory_gb else "the desktop"
    )
    return (
        f" That leaves only about {gb(max(limit - total, 0.0))} for everything else ({others}, a longer context), "
        f"so memory can fill up and swap: {model}, a lower-bit quant or a shorter context leaves room."
    )


# the sizes open models are commonly released in, billions of parameters: "a 3B one" names a class, not a model
_COMMON_SIZES_B = (1, 3, 7, 14, 32, 70)


def _next_size_down(work: Workload) -> str:
    """The largest model of the same family with at most three quarters of the parameters, else the largest
    common size class at most 60% of it ('a 3B one' for a 7B); '' for the smallest models."""
    shape = work.shape
    kin = [
        m
        for m in load_models()
        if not work.shape_is_proxy
        and m.family == shape.family
        and m.params <= 0.75 * shape.params
        and (m.vision_encoder_b is None) == (shape.vision_encoder_b is None)
    ]
    if kin:
        return max(kin, key=lambda m: m.params).name
    size = _size_class_below(work.params)
    return f"{article(str(size))} {size}B one" if size else ""


def _size_class_below(params: float) -> int | None:
    """The largest common size class (billions) at most 60% of ``params``: 3 for a 7B model, None below 2B."""
    return max((b for b in _COMMON_SIZES_B if b <= 0.6 * params / 1e9), default=None)


def room_figures(facts: Facts) -> list[float]:
    """The figures ``_little_room_left`` may print: what the memory told leaves, and the size class named."""
    stated, work = facts.understanding.details.stated_memory_gb, facts.workload
    if not stated or work is None or facts.estimate is None:
        return []
    size = _size_class_below(work.params)
    return [max(stated - facts.estimate.total_gb, 0.0), *((size,) if size else ())]


def _smaller_model_for_stated(facts: Facts, stated: float, smaller: list) -> str:
    """When no format of the model fits the VRAM the user states, or only a squeeze below the recommended quants
    (Q2_K): the largest model that does, what people run next ("" when a recommended format fits or none is
    known)."""
    instead = facts.plan.fits_instead if facts.plan else None
    if instead is None or any(not _below_recommended(o.estimate.workload.precision) for o in smaller):
        return ""
    return (
        f"\nA smaller model that fits entirely in {stated:g} GB: **{instead.model.name}** in "
        f"{instead.quant.upper()} (about {gb(instead.memory_gb)})."
    )


def _mac_by_memory_sentence(facts: Facts, what: str, total: float) -> str:
    """A Mac named by its memory but not its chip ("a Mac Studio with 64 GB"): the verdict against the share of
    that memory macOS lets the GPU use (the catalog's Macs of that size), and, asked how fast, the speed across
    the chips sold with that memory (their bandwidth differs by up to 4x)."""
    question = facts.understanding.question.lower()
    stated = facts.understanding.details.stated_memory_gb
    # MLX fine-tunes in the same GPU share ("fully fine-tune it on a 192GB Mac?")
    training = facts.workload.task.is_training
    macs = macs_by_memory(facts)
    if not macs:
        return ""
    from ...sizing import estimate_local_speed

    assumptions = load_assumptions()
    gpu_gb = min(g.gpu_memory_gb for g in macs)
    reserve = assumptions.number("os_ram_reserve_gb")
    share = f"the {gb(gpu_gb)} of {stated:g} GB that macOS lets the GPU use by default"
    if total <= gpu_gb:
        text = f"**Yes** — {what} needs about {gb(total)}, within {share}."
    elif total <= stated - reserve:
        text = (
            f"**Only if you raise macOS's GPU memory limit** — {what} needs about {gb(total)}, more than {share}, "
            f"but within the {gb(stated - reserve)} the operating system leaves (`sudo sysctl iogpu.wired_limit_mb=N`)."
        )
    elif training:
        return ""  # over the share: the methods that fit are weighed by the training answer
    else:
        # over what the GPU may use (and what the OS leaves): the formats that fit the GPU's share, not the whole
        # memory the user said
        verdicts = [
            (_FORMAT_NAMES.get(label := o.label.removeprefix("inference in "), label), o.estimate.total_gb)
            for o in _variant_options(facts)
        ]
        fitting = [name for name, need in verdicts if need <= gpu_gb]
        lead = f"**Only with {fitting[0]} weights**" if fitting else "**No**"
        text = f"{lead} — {what} needs about {gb(total)}, more than {share}."
        if verdicts:
            text += "\n" + " ".join(
                f"{name}: {'yes' if need <= gpu_gb else 'no'} — about {gb(need)}." for name, need in verdicts
            )
        return text
    if _SPEED_QUESTION.search(question) and not training:
        speeds = sorted(
            ((estimate_local_speed(facts.estimate, g, 1, assumptions).decode_tokens_per_s, g) for g in macs),
            key=lambda x: x[0],
        )
        (slow, slow_gpu), (fast, fast_gpu) = speeds[0], speeds[-1]
        text += (
            f" Speed depends on the chip: about **{slow:,.0f} tokens/s** on {article(slow_gpu.name)} "
            f"{slow_gpu.name} "
            f"({slow_gpu.memory_bandwidth_gbs:,.0f} GB/s)"
            + (
                f" up to about **{fast:,.0f} tokens/s** on {article(fast_gpu.name)} {fast_gpu.name} "
                f"({fast_gpu.memory_bandwidth_gbs:,.0f} GB/s)"
                if fast_gpu is not slow_gpu and fast > slow * 1.1
                else ""
            )
            + " — estimates from memory bandwidth at batch 1 (±30%); tell me the chip for one figure."
        )
    return text


def _own_machine(facts: Facts) -> bool:
    """The question is about the user's own machine: its RAM, or the memory of a card they run locally."""
    details = facts.understanding.details
    return bool(
        details.ram_gb
        or details.any_mac
        or (details.local and details.stated_memory_gb and not details.gpus)
        or (details.unlisted_gpu and not details.gpus)
    )


def _kv_share(facts: Facts) -> str:
    """', of which 14.7 GB is the KV cache for 128,000 tokens of context' when the context is what makes it big."""
    estimate = facts.estimate
    kv = next((i for i in estimate.items if i.label == "KV cache"), None)
    if kv is None or kv.gb < 0.3 * estimate.total_gb:
        return ""
    work = facts.workload
    return (
        f" ({gb(kv.gb)} of it the {work.kv_precision} KV cache for {work.context:,} tokens of context, which grows "
        "with the context)"
    )


def _offloaded_ram(facts: Facts) -> float | None:
    """The CPU RAM a run with its parameters offloaded (ZeRO-3 offload_param, FSDP CPU offload) needs."""
    if not facts.workload.param_offload:
        return None
    return next((gb_ for label, gb_ in facts.estimate.alternatives if label.startswith("CPU RAM")), None)


def _check_sentence(facts: Facts, what: str, total: float) -> str:
    """A verdict on each GPU the user named, for the count they named (one when they said none and ask yes/no).

    When the weights' precision was not said and 16-bit does not fit, the verdict says which smaller format
    does ("Only with 8-bit weights"), with one line per format; when more cards are needed, how many."""
    details = facts.understanding.details
    if mixed := _mixed_cards_sentence(facts, what, total):
        return mixed
    sentences = []
    for outcome in facts.checks:
        gpu = outcome.gpu
        count = details.gpu_count
        on_asked = f"{count} x {gpu.name}" if count and count > 1 else f"one {gpu.name}"
        holds = isinstance(outcome, Fit) and (count or outcome.count == 1 or not details.yes_no)
        if holds and not count and outcome.count > 1 and details.local and details.host_ram_gb:
            holds = False  # "on a 4090 + 64 GB of RAM": one card of their own and the RAM beside it, not two cards
        if holds:
            on = on_asked if count or outcome.count == 1 else outcome.label
            if _SPEED_QUESTION.search(facts.understanding.shape_text.lower()):
                speed = _speed_sentence(outcome, what, on)
                if speed:  # "can it run X, and how fast?": the verdict, then the speed
                    sentences.append(f"**Yes** — {speed[0].lower()}{speed[1:]}" if details.yes_no else speed)
                    continue
            fits = (
                f"{what} fits on {on}: it needs about {gb(outcome.per_gpu_gb)} per GPU of the "
                f"{gb(outcome.usable_gb)} usable ({gpu.memory_gb:.0f} GB total)."
            )
            fits += _split_clause(facts, count or outcome.count, outcome)
            fits += full_shard_clause(facts, count or outcome.count, outcome)
            ddp = ddp_verdict(facts, what, outcome) or zero12_adapter_verdict(facts, what, outcome)
            if ddp is not None:
                sentences.append(
                    ddp
                )  # an adapter run on several GPUs, strategy unsaid: DDP, each a whole copy
                continue
            unchecked = _without_checkpointing_gb(facts, outcome)
            if _asks_if_oom_expected(facts) and unchecked and unchecked > outcome.usable_gb:
                # it fits with gradient checkpointing, not without: the likely setting behind the error
                sentences.append(
                    f"**Yes**, if gradient checkpointing is off — without it {what} needs about {gb(unchecked)} per "
                    f"GPU, more than the {gb(outcome.usable_gb)} usable on {on}; with it on, about "
                    f"{gb(outcome.per_gpu_gb)} per GPU, which fits."
                )
            elif _asks_if_oom_expected(facts) and (trainer := _trainer_batch_gb(facts, outcome)):
                # it fits one sequence per step, not the Trainer's default batch the user left unset: the likely
                # setting behind the error
                sentences.append(
                    f"**Yes**, if the batch was left at the Hugging Face Trainer's default "
                    f"(per_device_train_batch_size {trainer[0]}) — at {_batch_words(facts, trainer[0])} {what} "
                    f"needs about {gb(trainer[1])} per GPU, more than the "
                    f"{gb(outcome.usable_gb)} usable on {on}; at one sequence per step it needs about "
                    f"{gb(outcome.per_gpu_gb)} per GPU, which fits (keep the total with gradient_accumulation_steps)."
                )
            elif details.yes_no and asks_will_oom(facts.understanding.question):
                # "will it OOM?": it fits, so the answer to the question asked is no
                sentences.append(f"**No**, it should not run out of memory — {fits}")
            elif details.yes_no and _ASKS_NOT_ENOUGH.search(facts.understanding.question.lower()):
                # "is 11GB not enough?": it is enough on paper, so no
                sentences.append(
                    f"**No**, on paper it is enough — {fits}"
                    + (_settings_beyond(facts) if reports_oom(facts.understanding.question) else "")
                )
            elif _asks_if_oom_expected(facts):
                # "I get CUDA OOM, is this expected?": on paper it fits, so no, the OOM is not expected
                sentences.append(f"**No**, not on paper — {fits}{_settings_beyond(facts)}")
            elif reports_oom(facts.understanding.question) and (
                not details.yes_no or bool(_ASKS_CAUSE.search(facts.understanding.question.lower()))
            ):
                # "it OOMs on my A100, why?": no yes/no was asked, and the estimate says it should fit, so the
                # settings beyond the estimate's (listed under it) are what to look at — first of all gradient
                # checkpointing, assumed on but off unless the user turns it on (the Hugging Face Trainer's default)
                # a run that ran out at its start fits only on the lean settings sized; one that ran for a while
                # had them, so there the estimate is said "on paper"
                partway = ooms_partway(facts.understanding.question.lower())
                if unchecked and unchecked > outcome.usable_gb and details.gradient_checkpointing is None:
                    sentences.append(
                        (
                            f"On paper, {fits[:-1]} with gradient checkpointing on."
                            if partway
                            else f"**Only with gradient checkpointing on** — {fits}"
                        )
                        + f" Without it (off by default in the Hugging Face Trainer) it needs "
                        f"about {gb(unchecked)} per GPU, more than the {gb(outcome.usable_gb)} usable: turn it on "
                        "(`gradient_checkpointing=True`)."
                    )
                elif trainer_clause := _trainer_batch_clause(facts, outcome):
                    sentences.append(
                        ("On paper, " if partway else "**Only with a per-GPU batch of 1–2** — ")
                        + f"{fits[:-1]} at one sequence per step.{trainer_clause}"
                    )
                else:
                    sentences.append(
                        f"On paper, {fits}{_settings_beyond(facts)}"
                        + _local_tight_causes(facts, outcome)
                        + _token_budget(facts, outcome, on)
                    )
            elif (
                details.yes_no
                and facts.workload.task.is_training
                and reports_oom(facts.understanding.question)
            ):
                # "it crashes with OOM at batch 4 — can it work?": yes on paper, and the failure says something
                # beyond the estimate's settings takes the rest; with little headroom the batch is the first lever
                share = load_assumptions().number("training_oom_tight_share")
                tight = outcome.per_gpu_gb > share * outcome.usable_gb
                lean = _oom_condition(facts, outcome)
                sentences.append(
                    (f"**Only with {lean}** — " if lean else "**Yes**, on paper — ")
                    + f"{fits} It ran out of memory as you ran it, so something beyond these "
                    "settings takes the rest"
                    + (
                        "; with this little headroom, a smaller per-GPU batch (keep the total with gradient "
                        "accumulation) or a shorter sequence is the first thing to try."
                        if tight
                        else "."
                    )
                    + _trainer_batch_clause(facts, outcome)
                    + _local_tight_causes(facts, outcome)
                    + _token_budget(facts, outcome, on)
                )
            elif (ram := _offloaded_ram(facts)) and (host := details.host_ram_gb):
                # the RAM the machine has, said: the condition answered
                if ram > host:
                    sentences.append(
                        f"**No** — with the model offloaded, {what} needs about {gb(ram)} of CPU RAM, more than "
                        f"the {host:g} GB the machine has (the GPUs would hold only {gb(outcome.per_gpu_gb)} each)."
                    )
                else:
                    sentences.append(
                        f"**Yes** — {fits} The offloaded states take about {gb(ram)} of the {host:g} GB of CPU RAM."
                    )
            elif ram := _offloaded_ram(facts):
                # the GPU holds little once the model lives in CPU memory: the machine's RAM is the condition
                sentences.append(f"**Yes, as long as** the machine has about {gb(ram)} of CPU RAM — {fits}")
            elif not details.yes_no and _HOW_MUCH.search(facts.understanding.question.lower()):
                # "how much VRAM will it use on a T4?": the amount first, then that it fits
                sentences.append(
                    f"{capitalized(what)} needs about **{gb(outcome.per_gpu_gb)}** per GPU — it fits on {on} "
                    f"({gb(outcome.usable_gb)} usable of {gpu.memory_gb:.0f} GB)."
                    + _split_clause(facts, count or outcome.count, outcome)
                )
            else:
                sentences.append(f"**Yes** — {fits}" + _token_budget(facts, outcome, on))
            continue
        home = details.local and gpu.gpu_class in ("consumer", "local")  # their own card: the quant that fits
        if (
            not home
            and _SPEED_QUESTION.search(facts.understanding.shape_text.lower())
            and (slower := _speed_beyond(facts, outcome, what))
        ):
            sentences.append(
                slower
            )  # "how many tokens/s does an H100 do on X?": the number, on the setup that holds it
            continue
        zero3 = _zero3_full(facts, gpu.name, count)
        staged = next((o.estimate for o in facts.options if o.estimate.workload == facts.workload), None)
        if zero3 is not None and staged is not None:
            stage = facts.workload.zero_stage
            sentences.append(
                f"**Only with ZeRO-3** (or FSDP full sharding) — at ZeRO stage {stage} every GPU keeps the whole "
                f"16-bit weights{' and gradients' if stage == 1 else ''}, so {what} needs about "
                f"{gb(staged.per_gpu_gb(count))} per GPU on {on_asked}, more than the {gb(zero3.on_named[gpu.name].usable_gb)} "
                f"usable; with ZeRO-3 it needs about {gb(zero3.on_named[gpu.name].per_gpu_gb)} per GPU, which fits."
            )
            continue
        lean = _lean_full(facts, gpu.name, count)
        if lean is not None:
            fit = lean.on_named[gpu.name]
            usual = (
                "standard mixed-precision AdamW"
                if facts.workload.optimizer == "adamw"
                else "8-bit Adam over fp32 master weights"
            )
            stage = facts.workload.zero_stage if facts.workload.zero_stage in (1, 2) else None
            shard = "FSDP or ZeRO-3 sharding, " if fit.count > 1 else ""
            if stage and fit.count > 1:
                shard = f"ZeRO-3 (or FSDP) sharding in place of stage {stage}, "
            sentences.append(
                f"**Yes, with** {shard}pure bf16 weights (no fp32 master copy) and an 8-bit (paged) AdamW — {what} "
                f"then needs about {gb(lean.estimate.total_gb)}"
                + (f", {gb(fit.per_gpu_gb)} per GPU on {on_asked}" if fit.count > 1 else f" on {on_asked}")
                + f"; with {usual} it needs about {gb(total)}{_per_gpu_as_asked(facts, count, on_asked)}, which "
                "does not fit."
            )
            continue
        offloaded = _offloaded_adapters(facts, gpu.name)
        if offloaded is not None:
            sentences.append(_offloaded_sentence(facts, offloaded, gpu.name, what, on_asked, count))
            continue
        raised = facts.plan.raised_share.get(gpu.name)
        if raised is not None:
            # just over the engine's default reserve: it fits once told to use more of the card
            sentences.append(
                f"**Yes, with** `{share_flag(facts.understanding.question)} {raised.memory_fraction:g}` — {what} needs about "
                f"{gb(raised.per_gpu_gb)} per GPU on {on_asked}, just over the share a serving engine reserves by "
                f"default (vLLM's 0.9) but within the {gb(raised.usable_gb)} it may use when raised and nothing else "
                "runs on the GPU"
                + _kv_room(raised, facts.workload.context)
                + "; a shorter `--max-model-len` or an FP8 KV cache also makes room."
                + _split_clause(facts, count or 1)
            )
            continue
        formats = _precision_verdicts(facts, gpu.name, count)
        room = facts.plan.context_room.get(gpu.name)
        if room:
            sentences.append(_shorter_context_sentence(facts, what, on_asked, room, total, formats, gpu))
            continue
        smaller = next((label for label, ok, _ in formats if ok), None)
        usual = _FORMAT_NAMES.get(str(load_assumptions()["default_local_quant"].value))
        if (
            smaller is not None
            and details.local
            and details.precision is None
            and gpu.gpu_class in ("consumer", "local")
            and any(ok and label == usual for label, ok, _ in formats)
        ):
            # on their own card the usual download (Ollama's default Q4_K_M tag) is what they run and measure: it
            # leads, and the better formats that also fit are on their lines
            smaller = usual
        first = next(
            (o for o in _variant_options(facts) if fits_as_asked(o.on_named.get(gpu.name), count)), None
        )  # the option behind ``smaller``: its format, not its display label, says how lossy it is
        squeezed = (
            smaller is not None
            and first is not None
            and _below_recommended(first.estimate.workload.precision)
        )
        if squeezed and details.local and _partial_offload_lead(facts, gpu.name, what, "needs more"):
            # only Q2_K fits: partial offload of the usual Q4_K_M leads, Q2_K stays in the list
            smaller = None
        elif (
            squeezed
            and _ENOUGH.search(facts.understanding.question.lower())
            and _home_quant_no(facts, gpu, what, count)
        ):
            smaller = None  # "is a 5090 enough for 70B?": not in the download people run; Q2_K is the squeeze
        needs = (
            f"needs about {gb(total)} in all{_kv_share(facts)}"
            + (
                f", so {outcome.count} of them ({gb(outcome.per_gpu_gb)} each)"
                if isinstance(outcome, Fit)
                else ("" if outcome.reason.startswith("needs about") else f" ({outcome.reason})")
            )
            + (
                f"; more than {on_asked} holds ({gpu.memory_gb:.0f} GB each)"
                if not gpu.gpu_memory_share
                else _mac_share_clause(facts, gpu, total)
            )
        )
        if (
            details.local
            and gpu.gpu_class in ("consumer", "local")
            and (count or 1) == 1
            and not gpu.gpu_memory_share
        ):
            # one card of their own: set against its memory, not "needs 4 of them" they do not have
            holds = (
                f"the {gpu.name} holds"
                if gpu.name.endswith("GB")
                else f"the {gpu.name}'s {gpu.memory_gb:.0f} GB"
            )
            if total <= gpu.memory_gb:  # "7.8 GB, more than the 4060's 8 GB" reads wrong: what it can use
                holds = (
                    f"the {gb(usable_gb_on(facts, gpu))} usable of the {gpu.name}'s {gpu.memory_gb:.0f} GB"
                )
            needs = f"needs about {gb(total)}{_kv_share(facts)}, more than {holds}"
        unsupported = isinstance(outcome, NoFit) and outcome.reason.endswith(" support")
        reserve = load_assumptions().number("os_ram_reserve_gb")
        partial = adapter = ""
        if unsupported and smaller and not details.precision:
            # the model's own format (DeepSeek's FP8) cannot run there, but the user named none: the format that
            # runs and fits is the answer, not a flat no
            lead = (
                f"**Only with {smaller} weights** — the {gpu.name} ({gpu.architecture}) has {outcome.reason}, so "
                f"{what} does not run on it as released.{_split_clause(facts, count or 1)}"
            )
        elif unsupported:  # a format the GPU cannot compute in: not a question of memory
            lead = f"**No** — the {gpu.name} ({gpu.architecture}) has {outcome.reason}, so {what} does not run on it."
        elif (count or 1) == 1 and (
            pytorch := pytorch_offload_lead(
                facts, f"the {gpu.name}'s {gpu.memory_gb:.0f} GB", what, total, usable_gb_on(facts, gpu)
            )
        ):
            lead = pytorch  # "can I offload the rest to the CPU with bitsandbytes?": yes, slowly
        elif _asks_if_oom_expected(facts):
            # "it runs out of memory — is that expected / normal?": yes, the verdict word agrees with the OOM
            failure = "running out of memory" if reports_oom(facts.understanding.question) else "that failure"
            lead = f"**Yes**, {failure} is expected there — {what} {needs}."
        elif (
            gpu.gpu_memory_share
            and isinstance(outcome, NoFit)
            and (count or 1) == 1
            and facts.workload.task is Task.INFERENCE
            and total <= gpu.memory_gb - reserve
        ):
            # a Mac: over macOS's default share for the GPU, but within what the operating system leaves
            lead = (
                f"**Only if you raise macOS's GPU memory limit** — {what} needs about {gb(total)}, more than the "
                f"{gb(gpu.gpu_memory_gb)} of its {gpu.memory_gb:.0f} GB that macOS lets the GPU use by default, but "
                f"within the {gb(gpu.memory_gb - reserve)} the operating system leaves: `sudo sysctl "
                "iogpu.wired_limit_mb=N` (N in MB, until the next reboot) lets the GPU take it; with other apps "
                "open it will swap."
            ) + _mac_speed_clause(facts, gpu)
        elif (
            (squeezed or smaller is None)
            and details.local
            and (context_lead := _long_context_lead(facts, gpu, count))
        ):
            lead = context_lead  # the stated long context overflows the usual download, not its weights
        elif smaller and details.local and gpu.gpu_class in ("consumer", "local"):
            # their own card: yes, the way people run models at home, with what 16-bit would need (said once:
            # "in 16-bit", not "in 16-bit … in bf16")
            sixteen = facts.workload.precision in ("bf16", "fp16")
            as_asked = "in 16-bit, " if sixteen else ""
            base = what.removesuffix(f" in {facts.workload.precision}") if sixteen else what
            speed = (
                _own_format_speed(facts, gpu.name, smaller)
                if _SPEED_QUESTION.search(facts.understanding.question.lower())
                else ""
            )
            loss = ", at a large loss of quality" if squeezed else ""
            lead = f"**Yes, with {smaller} weights**{loss}{speed} — {as_asked}{base} {needs}."
        elif smaller:
            lead = f"**Only with {smaller} weights** — {what} {needs}.{_split_clause(facts, count or 1)}"
        elif _ASKS_NOT_ENOUGH.search(facts.understanding.question.lower()):
            lead = f"**Yes**, it is not enough — {what} {needs}."  # "is a 40GB card just not enough?"
        elif (
            isinstance(outcome, Fit)
            and details.local
            and details.host_ram_gb
            and (partial := _partial_offload_lead(facts, gpu.name, what, needs))
        ):
            lead = partial  # one card of their own with its RAM said: the layer split, not a second card, answers
        elif isinstance(outcome, Fit):
            lead = f"**Only with {outcome.count} x {gpu.name}** — {what} {needs}.{_split_clause(facts, outcome.count)}"
        elif (copied := replicated_no_fit(facts, what, outcome)) is not None:
            lead = copied  # DDP named: each GPU a whole copy, so sharding is the way out, not more GPUs
        elif details.yes_no and asks_will_oom(facts.understanding.question):
            lead = f"**Yes**, it will run out of memory — {what} {needs}."  # "will it OOM?": it does not fit
        elif partial := _partial_offload_lead(facts, gpu.name, what, needs):
            # too big for the card, not for the card and the RAM beside it: llama.cpp splits the layers
            lead = partial
        elif home := _home_quant_no(facts, gpu, what, count):
            lead = home  # a home card: the usual GGUF download decides, not 16-bit
        elif adapter := _own_card_adapter_lead(facts, gpu, what, needs, count, outcome):
            lead = adapter  # "squeeze an 8B LoRA on my 8 GB card": the leaner adapter run that fits, not a rental
        else:
            lead = f"**No** — {what} {needs}."
        offload = "" if partial else _offload_sentence(facts)
        if formats:
            lead += "\n" + " ".join(
                f"{label}: {'yes' if ok else 'no'} — {figure}." for label, ok, figure in formats
            )
            sentences.append(lead + offload)
            continue
        sentences.append(lead + offload)
        if adapter:  # the lead already says what fits their card; no rental after it
            continue
        fits_here = sorted(
            (o for o in facts.options if fits_as_asked(o.on_named.get(gpu.name), count)),
            key=lambda o: o.estimate.workload.task is not facts.workload.task,  # the same task first
        )
        if fits_here:
            o = fits_here[0]
            sentences.append(
                f"With **{o.label}** it would need about {gb(o.on_named[gpu.name].per_gpu_gb)} per GPU, which fits."
            )
        elif facts.pick and not isinstance(outcome, Fit):
            sentences.append(
                f"A setup that fits: **{facts.pick.label}** ({money(facts.pick.price_per_hour)}/hour)."
            )
    return " ".join(sentences)


def _long_context_lead(facts: Facts, gpu, count) -> str:
    """A local run at a long context the user stated, which only a format below the recommended ones (Q2_K) fits, or
    none does:
    the usual GGUF download at the context that fits the card, or with an 8-bit KV cache, leads — the context, not
    the weights, is the lever. "" when the usual download's KV cache is not what overflows."""
    usual = str(load_assumptions()["default_local_quant"].value)
    option = next((o for o in _variant_options(facts) if o.estimate.workload.precision == usual), None)
    if option is None or (count or 1) != 1 or not facts.understanding.details.context:
        return ""
    estimate = option.estimate
    levers = kv_context_text(facts, gpu.memory_gb, kv_said=True, estimate=estimate)
    if "fits entirely on the card" not in levers and "which fits" not in levers:
        return ""  # neither a useful shorter context nor an 8-bit KV cache brings it onto the card
    work = estimate.workload
    kv = next(i.gb for i in estimate.items if i.label == "KV cache")
    return (
        f"**Only with a shorter context or an 8-bit KV cache** — in {_FORMAT_NAMES.get(usual, usual)}, the usual "
        f"download, {work.model_label} at {work.context:,} tokens of context needs about {gb(estimate.total_gb)} "
        f"({gb(kv)} of it the KV cache), more than the {gpu.name}'s {gpu.memory_gb:.0f} GB.{levers}"
    )


def _longest_training_sequence(facts: Facts, what: str) -> str:
    """'What max sequence length can I train at on my 24GB card?': the longest sequence the run fits at its
    micro-batch on the user's card (named, or told by its memory), and with a loss computed in chunks when that
    goes further. Empty for no such question, no card, or a run that is not training."""
    details, work = facts.understanding.details, facts.workload
    if not (details.longest_context and work.task.is_training and work.task is not Task.PRETRAIN):
        return ""
    assumed = load_assumptions()
    count = details.gpu_count or 1
    if facts.checks and details.gpus:
        gpu = facts.checks[0].gpu
        usable, on = usable_memory_gb(gpu, True, work.runtime, assumed)[0], f"the {gpu.name}"
    elif details.stated_memory_gb:
        stated = details.stated_memory_gb
        usable = usable_memory_gb(None, True, work.runtime, assumed, memory_gb=stated)[0]
        on = f"your {stated:g} GB card"
    else:
        return ""
    if count > 1:
        on = f"{count} x {on.removeprefix('the ').removeprefix('your ')}"
    tokens = longest_sequence(work, usable, count, assumed)
    settings = (
        f"micro-batch {work.batch}, gradient checkpointing {'on' if work.gradient_checkpointing else 'off'}"
    )
    if tokens == 0:
        text = f"**None** — {what} needs more than {on} has ({gb(usable)} usable) even at 256-token sequences ({settings})."
    else:
        text = (
            f"**About {tokens:,} tokens** — the longest sequence for {what} on {on} ({gb(usable)} usable for "
            f"training; {settings})."
        )
    if not work.fused_loss:
        chunked = longest_sequence(work.with_(fused_loss=True), usable, count, assumed)
        if chunked > max(tokens, 256) * 1.2:
            text += (
                f" With a loss computed in chunks (Liger kernel's fused cross-entropy, or Unsloth), which keeps no "
                f"fp32 logits over the vocabulary, about **{chunked:,} tokens**."
            )
    return text


def _same_run_leaner(work: Workload, gpu, assumed) -> tuple[str, str] | None:
    """(the change, the sentence) when the same method at the same sequence length fits ``gpu`` at micro-batch 1
    with gradient checkpointing and a loss computed in chunks (no fp32 logits over the vocabulary), which keeps
    what was asked; None when it is what was asked or does not fit."""
    lean = work.with_(batch=1, gradient_checkpointing=True, fused_loss=True)
    if lean == work or work.fused_loss:
        return None
    need = estimate_memory(lean, assumed).per_gpu_gb(1)
    usable = usable_memory_gb(gpu, True, work.runtime, assumed)[0]
    if need > usable:
        return None
    settings = [
        s
        for s, on in (
            ("micro-batch 1", work.batch > 1),
            ("gradient checkpointing", not work.gradient_checkpointing),
        )
        if on
    ]
    change = " and ".join([*settings, "a loss computed in chunks"])
    return change, (
        f"with {', '.join(settings) + ' and ' if settings else ''}a loss computed in chunks (Liger kernel's fused "
        f"cross-entropy, or Unsloth, keeping no fp32 logits over the vocabulary) it needs about {gb(need)} at the "
        f"same {work.context:,}-token sequences, within the {gb(usable)} usable on the {gpu.name}."
    )


_OWN_CARD = re.compile(r"\b(?:my|i (?:only |just )?(?:have|got)|i've (?:only )?got|i own)\b")


def _own_card_adapter_lead(facts: Facts, gpu, what: str, needs: str, count, outcome) -> str:
    """A LoRA asked on the user's own single card that it does not hold: 'Only with' the first adapter run that
    fits it — QLoRA's 4-bit base, then the same at the leanest settings (checkpointing, micro-batch 1, a shorter
    sequence, a loss computed in chunks), each sized again. Empty when the method was not LoRA, the card is not
    their own, or nothing with adapters fits (then renting is the answer)."""
    details, work = facts.understanding.details, facts.workload
    adapters = (Task.LORA, Task.QLORA)
    if work.task not in adapters or details.method_unstated or (count or 1) != 1 or isinstance(outcome, Fit):
        return ""
    owned = details.local or _OWN_CARD.search(facts.understanding.question.lower())
    if not (owned and gpu.gpu_class in ("consumer", "local") and not gpu.gpu_memory_share):
        return ""
    assumed = load_assumptions()
    if work.batch > 1 and (most := largest_batch(work, gpu, 1, assumed)) >= 1:
        # "LoRA at batch 8 crashes my 4090": a smaller micro-batch keeps the method (the batch sentence that
        # follows gives the gradient accumulation that keeps the effective batch)
        smaller = estimate_memory(work.with_(batch=most), assumed).per_gpu_gb(1)
        usable = usable_memory_gb(gpu, True, work.runtime, assumed)[0]
        return (
            f"**Only with micro-batch {most}{' or less' if most > 1 else ''}** — at micro-batch {work.batch}, "
            f"{what} {needs}; at micro-batch {most} it needs about {gb(smaller)}, within the {gb(usable)} usable "
            f"on the {gpu.name}."
        )
    if keep := _same_run_leaner(work, gpu, assumed):
        return f"**Only with {keep[0]}** — {what} {needs}; {keep[1]}"
    if work.task is Task.QLORA:  # already the 4-bit base: the sequence is what is left to give
        return _shorter_sequence_lead(work, gpu, assumed, what, needs)
    levers = [lever for lever in memory_levers(work, gpu, assumed) if lever.workload.task is Task.QLORA]
    leanest = work.with_(task=Task.QLORA, gradient_checkpointing=True, batch=1, fused_loss=True, context=512)
    if work.context > 512:
        from ...sizing import Lever

        usable = levers[0].usable_gb if levers else None
        if usable is not None:
            label = "QLoRA (4-bit base), 512-token sequences, a loss computed in chunks (Liger / Unsloth)"
            levers.append(Lever(label, leanest, estimate_memory(leanest, assumed).per_gpu_gb(1), usable))
    fitting = next((lever for lever in levers if lever.fits), None)
    if fitting is None:
        return ""
    return (
        f"**Only with {fitting.label}** — {what} {needs}; with {fitting.label} it needs about {gb(fitting.gb)}, "
        f"within the {gb(fitting.usable_gb)} usable on the {gpu.name}."
    )


def _per_gpu_as_asked(facts: Facts, count, on_asked: str) -> str:
    """' (33.3 GB per GPU on 4 x RTX 4090, sharded)': the run as asked, per GPU on the user's several cards, at the
    ZeRO stage they named (which keeps the weights whole on each) or fully sharded; '' for one card."""
    if not count or count < 2:
        return ""
    stage = facts.workload.zero_stage
    how = f"at ZeRO stage {stage}" if stage in (1, 2) else "sharded"
    return f" ({gb(facts.estimate.per_gpu_gb(count))} per GPU on {on_asked}, {how})"


def _shorter_sequence_lead(work: Workload, gpu, assumed, what: str, needs: str) -> str:
    """'Only with sequences of N tokens or less': the longest sequence the run fits on the user's one ``gpu`` at
    micro-batch 1 with checkpointing (and further with a loss computed in chunks); empty when not even 512 fit."""
    lean = work.with_(batch=1, gradient_checkpointing=True)
    usable = usable_memory_gb(gpu, True, work.runtime, assumed)[0]
    tokens = longest_sequence(lean, usable, 1, assumed)
    chunked = longest_sequence(lean.with_(fused_loss=True), usable, 1, assumed) if not work.fused_loss else 0
    if max(tokens, chunked) < 512:
        return ""
    more = (
        f", or up to {chunked:,} with a loss computed in chunks (Liger kernel's fused cross-entropy, or Unsloth)"
        if chunked > tokens
        else ""
    )
    shortest = tokens if tokens >= 512 else chunked
    return (
        f"**Only with sequences of about {shortest:,} tokens or less** — at {work.context:,} tokens {what} {needs}; "
        f"the {gpu.name} ({gb(usable)} usable) holds it up to about {tokens:,}-token sequences at micro-batch 1 "
        f"with gradient checkpointing{more}."
    )


def _kv_room(fit: Fit, context: int) -> str:
    """', leaving room for about N sequences of C tokens at once' (the KV cache left after the weights)."""
    s = fit.serving
    if s is None or not s.max_sequences:
        return ""
    return f", leaving room for about {s.max_sequences} sequence{'s' if s.max_sequences > 1 else ''} of {context:,} tokens at once"


def _split_clause(facts: Facts, count: int, fit: Fit | None = None) -> str:
    """How a model served from several GPUs is spread over them: tensor parallelism in a serving engine, a
    layer split under llama.cpp; for a training run that one GPU cannot hold, that it fits only sharded."""
    if count <= 1:
        return ""
    if facts.workload.task.is_training:
        if fit is None or facts.estimate.total_gb <= fit.usable_gb or facts.workload.task is Task.FULL:
            return ""  # a full fine-tune's answer says how it is sharded already
        return (
            f" Only sharded across them (FSDP or DeepSpeed ZeRO-3, e.g. FSDP-QLoRA): under plain data parallelism "
            f"every GPU holds a whole copy ({gb(facts.estimate.total_gb)}), which one does not."
        )
    if facts.workload.task is not Task.INFERENCE:
        return ""
    if facts.workload.runtime == "llama.cpp":
        return " llama.cpp (Ollama, LM Studio) splits the layers across the cards (`--tensor-split`)."
    return (
        f" The weights are split across the {count} GPUs with tensor parallelism: vLLM or SGLang "
        f"`--tensor-parallel-size {count}`, TGI `--num-shard {count}`." + _heads_clause(facts, count)
    )


def _heads_clause(facts: Facts, count: int) -> str:
    """Tensor parallelism splits attention heads: a size that does not divide them fails at start-up, and one
    above the KV heads replicates them (older vLLM versions refuse it) — the size that works, with pipeline
    parallelism for the remaining GPUs."""
    work = facts.workload
    if work.shape_is_proxy:
        return ""
    heads, kv = work.shape.attention_heads, work.shape.kv_heads
    if heads % count == 0 and count <= kv:
        return ""
    sizes = [n for n in range(min(count, kv), 0, -1) if heads % n == 0 and kv % n == 0]
    tp = sizes[0] if sizes else 1
    why = (
        f"{work.model_label} has {heads} attention heads, which {count} does not divide, so the engine stops at "
        "start-up"
        if heads % count
        else f"{work.model_label} has only {kv} key/value heads, fewer than {count} GPUs, so each would be "
        "replicated (older vLLM versions refuse it outright)"
    )
    rest = (
        f" with `--pipeline-parallel-size {count // tp}` for all {count}"
        if count % tp == 0 and count // tp > 1
        else ""
    )
    return (
        f" But tensor parallelism splits the attention heads: {why}. Use `--tensor-parallel-size {tp}`"
        f"{rest}, or run separate replicas on the other GPUs."
    )


# a yes/no about the cause of an error ("is the reference model to blame?"), not about whether it fits
_ASKS_CAUSE = re.compile(
    r"\bto blame\b|\bthe (?:problem|cause|culprit|reason|issue)\b|\bbecause of\b|\bcaus(?:e|es|ed|ing)\b"
    r"|\bany (?:idea|ideas|clue|clues|hints?|thoughts)\b|\bwhat gives\b|\bwhy\b"  # "dies with OOM, any idea?"
)


def _without_checkpointing_gb(facts: Facts, fit: Fit) -> float | None:
    """Per-GPU memory of the same run with gradient checkpointing off, when the estimate assumed it on."""
    work = facts.workload
    if not work.task.is_training or not work.gradient_checkpointing or work.unsloth:
        # Unsloth turns its own checkpointing on (use_gradient_checkpointing="unsloth"): off is no default there
        return None
    other = next(
        (
            v
            for label, v in facts.estimate.alternatives
            if label == "activations without gradient checkpointing"
        ),
        None,
    )
    if other is None:
        return None
    return fit.per_gpu_gb - facts.estimate.item("activations").gb + other


# training frameworks with batch defaults of their own, not the Hugging Face Trainer's (MLX, torchtune, LitGPT,
# axolotl, NeMo / Megatron, ColossalAI, llama.cpp's finetune)
_OTHER_TRAINER = re.compile(
    r"\bmlx\b|\btorchtune\b|\btune run\b|\blit-?gpt\b|\blit-?llama\b|\baxolotl\b|\bnemo\b|\bmegatron\b"
    r"|\bcolossal-?ai\b|\bllama\.?cpp\b|\bkeras\b|\bjax\b"
)


def _trainer_batch_gb(facts: Facts, fit: Fit) -> tuple[int, float] | None:
    """(batch, per-GPU memory) of the same run at the Hugging Face Trainer's default per_device_train_batch_size,
    when the estimate assumed one sequence per step only because no batch was said (and no tool named sets its
    own, no RL group, no encoder model sized at that default already) and that default does not fit."""
    work = facts.workload
    details = facts.understanding.details
    if (
        not work.task.is_training
        or details.batch
        or details.largest_batch
        or details.finetune_tool
        or work.rl
        or work.unsloth
        or work.batch != 1
        or work.shape.is_encoder
        or fit.gpu.software == "Metal"
        or _OTHER_TRAINER.search(facts.understanding.question.lower())
    ):
        return None
    batch, at_default = _at_trainer_default(work, fit)
    return (batch, at_default) if at_default > fit.usable_gb else None


def _at_trainer_default(work, fit: Fit) -> tuple[int, float]:
    """(batch, per-GPU memory) of ``work`` at the Hugging Face Trainer's default per_device_train_batch_size, on the
    cards of ``fit``."""
    assumptions = load_assumptions()
    batch = int(assumptions.number("trainer_default_micro_batch"))
    return batch, estimate_memory(work.with_(batch=batch), assumptions).per_gpu_gb(fit.count)


def _trainer_batch_clause(facts: Facts, fit: Fit) -> str:
    """' At the Trainer's default per_device_train_batch_size of 8 it needs about X per GPU, more than the Y
    usable: …' when that unsaid default, not the sized single sequence, is the likely setting behind an OOM."""
    found = _trainer_batch_gb(facts, fit)
    if found is None:
        return ""
    batch, need = found
    return (
        f" Left unset, the Hugging Face Trainer's per_device_train_batch_size is {batch}: at {_batch_words(facts, batch)} "
        f"it needs about {gb(need)} per GPU, more than the {gb(fit.usable_gb)} usable — set it to 1–2 and keep the "
        "total with gradient_accumulation_steps."
    )


def _oom_conditioned(facts: Facts, sentence: str) -> str:
    """'Yes — the RTX 4090 is enough: …' for a training run the user says ran out of memory on that card: 'Only
    with gradient checkpointing on — …' when the fit holds only on a setting they did not say (their run, out of
    memory, did not use it); the sentence unchanged otherwise."""
    if not sentence.startswith("**Yes** — ") or not reports_oom(facts.understanding.question):
        return sentence
    small = min(facts.checks, key=lambda c: c.gpu.memory_gb)
    if not isinstance(small, Fit) or not (lean := _oom_condition(facts, small)):
        return sentence
    return (
        f"**Only with {lean}** — {sentence.removeprefix('**Yes** — ')} Your run ran out of memory there, so it most "
        f"likely ran without {'those' if ' and ' in lean else 'that'}."
    )


def _stated_oom_unchecked(facts: Facts, options, stated: float) -> float | None:
    """Full fine-tuning's memory with gradient checkpointing off, on a card told only by its memory whose run ran
    out of memory, when that is more than the card (the setting the estimate assumed on, off by default); else
    None."""
    details = facts.understanding.details
    if not reports_oom(facts.understanding.question) or details.gradient_checkpointing is not None:
        return None
    full = next((o.estimate for o in options if o.estimate.workload.task is Task.FULL), None)
    if full is None or not full.workload.gradient_checkpointing or full.workload.unsloth:
        return None
    other = next(
        (v for label, v in full.alternatives if label == "activations without gradient checkpointing"), None
    )
    if other is None:
        return None
    unchecked = full.total_gb - full.item("activations").gb + other
    usable = stated * load_assumptions().number("training_memory_fraction")  # as on a catalog card
    return unchecked if unchecked > usable else None


def _oom_condition(facts: Facts, fit: Fit) -> str:
    """'one sequence per step and gradient checkpointing on': the lean settings the estimate assumed, the user did
    not say, and without which the run does not fit — the condition on a fit when their own run ran out of memory
    ('' when none decides it)."""
    details = facts.understanding.details
    question = facts.understanding.question.lower()
    if (
        not facts.workload.task.is_training
        or ooms_partway(question)
        or larger_variant_named(question, fit.gpu, load_catalog())
    ):
        # "did you use the 80GB ones?" after an OOM on 40GB: a question about the larger card, not a condition
        return ""
    lean = []
    if _trainer_batch_gb(facts, fit):
        lean.append("one sequence per step")
    unchecked = _without_checkpointing_gb(facts, fit)
    if details.gradient_checkpointing is None and unchecked and unchecked > fit.usable_gb:
        lean.append("gradient checkpointing on")
    if details.rl_vllm and not details.memory_fraction:
        # vLLM generating the completions reserves its share of the card it runs on: the first lever on an RL OOM
        lean.append("a lower vllm_gpu_memory_utilization")
    return " and ".join(lean)


def _batch_words(facts: Facts, batch: int) -> str:
    """'8 sequences of 2,048 tokens', or for preference tuning '8 chosen-and-rejected pairs of 2,048 tokens'."""
    unit = "chosen-and-rejected pairs" if facts.workload.preference else "sequences"
    return f"{batch} {unit} of {facts.workload.context:,} tokens"


# "unable to load it on 2x A100 40GB, is this expected?": a failure to load reported, as an OOM is
_FAILS_TO_LOAD = re.compile(
    r"\b(?:unable|not able|failed|fails?|failing)\s+to\s+(?:load|start|launch|fit)\b"
    r"|\b(?:can'?t|cannot|can not|could ?n'?t|won'?t|does ?n'?t|did ?n'?t)\s+(?:load|start|launch|fit)\b"
)


def _asks_if_oom_expected(facts: Facts) -> bool:
    """'I get CUDA out of memory … is this expected?': a yes/no about the error, not about the fit."""
    question = facts.understanding.question.lower()
    return (
        facts.understanding.details.observed_gb is None
        and (reports_oom(question) or bool(_FAILS_TO_LOAD.search(question)))
        and bool(_ASKS_IF_NORMAL.search(question))
        and not _ASKS_IF_WRONG.search(question)
    )


def _mixed_cards_sentence(facts: Facts, what: str, total: float) -> str:
    """Two or more different home cards in one machine ("a 3090 and a 3060"): llama.cpp splits the layers over
    all of them in proportion to their memory, so the verdict is against the memory they hold together."""
    details = facts.understanding.details
    gpus = [c.gpu for c in facts.checks]
    if (
        len(gpus) < 2
        or len({g.name for g in gpus}) != len(gpus)
        or (details.gpu_count or 1)
        not in (1, len(gpus))  # "two GPU cards, a 3090 + a 1080 Ti": the pair's count
        or any(n > 1 for _, n in details.setups)
        or details.cards_weighed
        or not details.local
        or facts.workload.task is not Task.INFERENCE
        or any(g.gpu_class not in ("consumer", "local") or g.gpu_memory_share for g in gpus)
    ):
        return ""
    if _TENSOR_PARALLEL_ENGINE.search(facts.understanding.question.lower()):
        return _mixed_tensor_parallel(facts, gpus, what, total)
    fraction = load_assumptions().number("local_memory_fraction")
    together = sum(g.memory_gb for g in gpus)
    usable = together * fraction
    room = f" ({gb(usable)} usable)" if fraction < 1 else ""
    names = " and the ".join(g.name for g in gpus)
    split = ",".join(f"{g.memory_gb:.0f}" for g in gpus)
    sums = " + ".join(f"{g.memory_gb:.0f}" for g in gpus)
    how = (
        f"llama.cpp splits the layers over the cards in proportion to their memory (`--tensor-split {split}`); "
        "they take turns on every token, so each card's share runs at its own speed"
    )
    if _LAYER_MAP.search(
        facts.understanding.question.lower()
    ):  # Transformers / Accelerate big-model inference
        how = (
            'Transformers / Accelerate `device_map="auto"` places the layers on each card by its free memory '
            "(`max_memory` per GPU sets the shares); the cards work one after the other"
        )
    if total <= usable:
        return (
            f"**Yes** — {what} needs about {gb(total)}, within the {together:.0f} GB ({sums}) the {names} hold "
            f"together{room}: {how}."
        )
    smaller = [o for o in facts.options if o.estimate.total_gb <= usable]
    text = (
        f"**No** — {what} needs about {gb(total)}, more than the {together:.0f} GB ({sums}) the {names} hold "
        f"together{room}, even though {how}."
    )
    if smaller:
        best = max(smaller, key=lambda o: o.estimate.total_gb)
        label = best.label.removeprefix("inference in ")
        text += (
            f" In {_FORMAT_NAMES.get(label, label)} it needs about {gb(best.estimate.total_gb)}, which fits."
        )
    text += " Layers that do not fit can also stay in system RAM (partial offload), at RAM speed."
    return text


# a serving engine whose multi-GPU mode is tensor parallelism (vLLM, SGLang, TGI, TensorRT-LLM, LMDeploy)
_TENSOR_PARALLEL_ENGINE = re.compile(
    r"\bvllm\b|\bsglang\b|\btgi\b|text[- ]generation[- ]inference|\btensorrt|\blmdeploy\b|tensor[- _]parallel"
)
_LAYER_MAP = re.compile(r"device_map|\bdevice[- ]map\b|\bmax_memory\b|\baccelerate\b|\btransformers\b")


def _mixed_tensor_parallel(facts: Facts, gpus: list, what: str, total: float) -> str:
    """Different cards under a tensor-parallel server: every GPU gets an equal share of each layer, so the card
    with the least memory limits every share (vLLM docs; vllm-project/vllm#2317, #6824); pipeline parallelism with
    ``VLLM_PP_LAYER_PARTITION`` (vLLM's environment variables) splits the layers unevenly instead."""
    fraction = load_assumptions().number("serving_memory_fraction")
    small = min(gpus, key=lambda g: g.memory_gb)
    count = len(gpus)
    shares = small.memory_gb * count * fraction
    together = sum(g.memory_gb for g in gpus) * fraction
    names = " and the ".join(g.name for g in gpus)
    equal = (
        f"tensor parallelism (`--tensor-parallel-size {count}`) gives each GPU an equal share, so the "
        f"{small.name}'s {small.memory_gb:.0f} GB limits every share: about {gb(shares)} usable over the {count}"
    )
    uneven = (
        f"pipeline parallelism (`--pipeline-parallel-size {count}`, with `VLLM_PP_LAYER_PARTITION` putting more "
        f"layers on the larger card) uses each card's own memory, about {gb(together)} usable on the {names}"
    )
    if total <= shares:
        return f"**Yes** — {what} needs about {gb(total)}; {equal}, which holds it."
    if total <= together:
        return f"**Only with pipeline parallelism** — {what} needs about {gb(total)}, but {equal}; {uneven}, which holds it."
    return (
        f"**No** — {what} needs about {gb(total)}: {equal}, and even {uneven}, which is still less. A smaller "
        "format or a shorter context would bring it down."
    )


# a yes/no question asked in the negative ("is 40GB not enough?", "is my card too small?"): "yes" agrees that
# it does not fit
# "how much VRAM will it use?", "what's the memory usage": an amount asked, not a yes/no
_HOW_MUCH = re.compile(
    r"\bhow (?:much|many (?:gb|gigs))\b|\bwhat(?:'s| is| are)? the (?:vram|memory|gpu memory)\b"
)
_ASKS_NOT_ENOUGH = re.compile(
    r"\b(?:is|are)\b[^.?!]{0,40}\b(?:not|n't)\s+(?:\w+\s+)?(?:enough|sufficient|big enough|large enough)\b[^.!]*\?|"
    r"\b(?:is|are)\b[^.?!]{0,40}\btoo (?:small|little)\b[^.!]*\?"
)


def _shorter_context_sentence(
    facts: Facts,
    what: str,
    on: str,
    room: int,
    total: float,
    formats: list[tuple[str, bool, str]],
    gpu=None,
) -> str:
    """The weights fit the GPU the user named but the assumed context does not: yes, with the context capped
    where it fits (the server's maximum context), and the formats that hold the assumed one. Asked how fast
    (and not a yes/no), the speed on that card leads."""
    work = facts.workload
    weights = facts.estimate.item("weights").gb
    # a GGUF run sizes its KV cache from the context it is started with; a server from its maximum context
    knob = (
        "its context is set there (llama.cpp `-c`, Ollama `num_ctx`, LM Studio's context length)"
        if work.runtime == "llama.cpp"
        else "the server's maximum context is capped there (vLLM `--max-model-len`, TGI `--max-total-tokens`)"
    )
    text = (
        f"**Yes, with a context of up to about {room:,} tokens** — {what} fits on {on} once {knob}: the "
        f"{gb(weights)} of weights fit, but at the assumed {work.context:,} tokens it needs about {gb(total)} "
        "with the KV cache."
    )
    question = facts.understanding.question.lower()
    if gpu is not None and is_local(work.runtime) and _SPEED_QUESTION.search(question):
        from ...sizing import estimate_local_speed

        speed = estimate_local_speed(facts.estimate, gpu, 1, load_assumptions()).decode_tokens_per_s
        said = f"about **{speed:,.0f} tokens/s** at batch 1 (an estimate from memory bandwidth, ±30%)"
        if facts.understanding.details.yes_no:
            text += f" It then generates {said}."
        else:
            text = (
                f"On {on}, {what} generates {said}, once its context is capped at about {room:,} tokens: the "
                f"{gb(weights)} of weights fit, but at the assumed {work.context:,} tokens it needs about "
                f"{gb(total)} with the KV cache; set the context {knob.removeprefix('its context is set there ')}."
            )
    full = [label for label, ok, _ in formats if ok]
    if full:
        text += f" With {full[0]} weights the full {work.context:,} tokens fit."
    if formats:
        text += f"\nAt {work.context:,} tokens: " + " ".join(
            f"{label}: {'yes' if ok else 'no'} — {figure}." for label, ok, figure in formats
        )
    return text


_LAYERS_QUESTION = re.compile(
    r"\bhow many (?:\w+ )?layers\b|\b(?:what|which)\s+(?:value\s+(?:of|for)\s+)?(?:-ngl|n_gpu_layers|num_gpu|gpu layers)\b"
    r"|\b(?:-ngl|n_gpu_layers|num_gpu)\b[^.?!]{0,30}\b(?:should|value|set)\b"
)


def _asked_layers_sentence(facts: Facts) -> str:
    """'If I put 30 layers on the GPU…', '-ngl 40 runs out of memory': that many layers against the card — what it
    then holds and the speed, or that it is too many and how many fit."""
    asked = facts.plan.offload_asked if facts.plan else None
    if asked is None:
        return ""
    gpu = facts.checks[0].gpu
    most = facts.plan.offload
    model = f"{facts.workload.model_label} in {asked.precision.upper()}"
    if asked.fits:
        text = (
            f"**Yes — {asked.gpu_layers} of {asked.layers} layers** of {model} on the GPU (`-ngl {asked.gpu_layers}`) "
            f"hold about {gb(asked.gpu_total_gb)} with the KV cache and buffers, within the {gpu.name}'s "
            f"{gpu.memory_gb:.0f} GB"
        )
        if asked.gpu_layers < asked.layers:
            text += (
                f"; the other {asked.layers - asked.gpu_layers} ({asked.cpu_gb:.1f} GB) run from system RAM: about "
                f"**{asked.decode_tokens_per_s:.1f} tokens/s**, bound by the RAM."
            )
        else:
            text += ": every layer is on the GPU."
        if most is not None and most.gpu_layers > asked.gpu_layers:
            text += f" Up to {most.gpu_layers} fit (`-ngl {most.gpu_layers}`): about {most.decode_tokens_per_s:.1f} tokens/s."
        elif most is None and asked.gpu_layers < asked.layers:
            text += " All of them fit, though: `-ngl 99` runs it at the card's speed."
        return text + ram_short_text(facts, asked.cpu_gb)
    text = (
        f"**No — {asked.gpu_layers} of {asked.layers} layers** of {model} need about {gb(asked.gpu_total_gb)} on the "
        f"GPU with the KV cache and buffers, more than the {gpu.name}'s {gpu.memory_gb:.0f} GB, so it runs out of memory"
    )
    if most is not None and most.gpu_layers > 0:
        text += (
            f": about {most.gpu_layers} fit (`-ngl {most.gpu_layers}`), the other {most.layers - most.gpu_layers} "
            f"({most.cpu_gb:.1f} GB) in system RAM: about **{most.decode_tokens_per_s:.1f} tokens/s**."
        )
    else:
        text += "."
    return text


def _layers_sentence(facts: Facts, what: str, total: float) -> str:
    """'How many layers can I offload (-ngl)?': the layer count first, from the memory left on the card."""
    if not _LAYERS_QUESTION.search(facts.understanding.shape_text.lower()):
        return ""
    if not facts.checks:
        return _stated_layers_sentence(facts, what, total)
    if len(facts.checks) != 1:
        return ""
    check, layers = facts.checks[0], facts.workload.shape.layers
    off = facts.plan.offload
    if off is None and isinstance(check, Fit) and check.count == 1:
        return (
            f"**All {layers} layers** (`-ngl 99`) — {what} needs about {gb(total)}, which fits in one "
            f"{check.gpu.name} ({check.gpu.memory_gb:.0f} GB), so nothing needs to stay on the CPU."
        )
    if off is None:
        fitting = next(
            (label for label, ok, _ in _precision_verdicts(facts, check.gpu.name, None) if ok), None
        )
        if fitting is None:
            return ""
        return (
            f"**All {layers} layers** (`-ngl 99`) with {fitting} weights, which fit in one {check.gpu.name} "
            f"({check.gpu.memory_gb:.0f} GB); in 16-bit {what} needs about {gb(total)}, more than it holds."
        )
    return (
        f"**About {off.gpu_layers} of {layers} layers** (`-ngl {off.gpu_layers}`) — {facts.workload.model_label} in "
        f"{off.precision.upper()} is more than one {check.gpu.name} ({check.gpu.memory_gb:.0f} GB) holds, so the other "
        f"layers ({off.cpu_gb:.1f} GB) stay in system RAM: about {off.decode_tokens_per_s:.1f} tokens/s, bound by the RAM."
    )


def _stated_layers_sentence(facts: Facts, what: str, total: float) -> str:
    """'How many layers on my 6 GB card?', the card known only by its memory: all of them when the model fits it,
    else the layers that fit (the plan's split on a home card of that memory), the rest in system RAM — with the
    RAM that takes, against the RAM they said or as what they need free."""
    details = facts.understanding.details
    stated, layers = details.stated_memory_gb, facts.workload.shape.layers
    if not stated or details.ram_gb or details.cpu_only or facts.workload.task is not Task.INFERENCE:
        return ""
    off = facts.plan.offload if facts.plan else None
    if off is None:
        if total > stated:
            return ""
        return (
            f"**All {layers} layers** (`-ngl 99`) — {what} needs about {gb(total)}, within the {stated:g} GB of "
            "VRAM you have, so nothing needs to stay on the CPU."
        )
    if off.gpu_layers == 0:
        return ""
    ram = ram_short_text(facts, off.cpu_gb) or (
        ""
        if details.host_ram_gb
        else f" Those {off.cpu_gb:.1f} GB need that much free system RAM beside the operating system: a machine "
        f"with {machine_ram_gb(off.cpu_gb, load_assumptions())} GB of RAM or more."
    )
    return (
        f"**About {off.gpu_layers} of {layers} layers** (`-ngl {off.gpu_layers}`, GPU layers) — "
        f"{facts.workload.model_label} in {off.precision.upper()} is more than your {stated:g} GB of VRAM holds, so the other "
        f"layers ({off.cpu_gb:.1f} GB) stay in system RAM: about {off.decode_tokens_per_s:.1f} tokens/s, bound by "
        f"the RAM.{ram} A longer context takes more VRAM for its KV cache, leaving room for fewer layers."
    )


# a runtime that keeps the layers a card cannot hold in system RAM, named by the user (so it runs, split)
_OFFLOADING_RUNTIME = re.compile(
    r"\bollama\b|\bllama[.-]?cpp\b|\blm ?studio\b|\bkoboldcpp\b|\bllamafile\b|\bjan\b|\bgguf\b|\boffload"
    r"|\bgpt4all\b|\btext[- ]generation[- ]webui\b|\boobabooga\b|\b[a-z][\w.-]*:\d+(?:\.\d+)?[bm]\b"
)
_ENOUGH = re.compile(r"\b(?:enough|sufficient|suffice)\b")
# the system RAM is what "enough" weighs: "would 64 GB of RAM be enough", "is my ram sufficient", "enough ddr5"
_RAM_ENOUGH = re.compile(
    r"\b(?:ram|ddr\d?|system memory)\b[^.?!]{0,25}\b(?:enough|sufficient|suffice)\b"
    r"|\b(?:enough|sufficient)\s+(?:system\s+)?(?:ram|ddr\d?|system memory)\b"
)
_ASKS_USABLE = re.compile(r"\b(?:usable|useable|bearable|fast enough|quick enough|responsive|snappy)\b")


def _mac_speed_clause(facts: Facts, gpu) -> str:
    """' Then it generates about N tokens/s (…)' when a Mac question asks how fast (or whether it is usable): the
    speed once the GPU may hold it, from the chip's memory bandwidth."""
    question = facts.understanding.question.lower()
    if not (_SPEED_QUESTION.search(question) or _ASKS_USABLE.search(question)):
        return ""
    from ...sizing import estimate_local_speed

    speed = estimate_local_speed(facts.estimate, gpu, 1, load_assumptions()).decode_tokens_per_s
    return (
        f" Then it generates about **{speed:,.0f} tokens/s** on the {gpu.name} ({gpu.memory_bandwidth_gbs:,.0f} GB/s), "
        "an estimate from memory bandwidth at batch 1 (±30%)."
    )


# "or should I get two?", "would a second one do it", "2 of them": more of the same card weighed
_MORE_CARDS = re.compile(
    r"\b(?:two|2|three|3|four|4|a pair|pair of|dual|second|another|more|multiple|several)\b"
    r"(?:\s+(?:of\s+)?(?:them|those|cards?|gpus?|ones?|\w+s))?"
)


_CARD_COUNTS = {2: "Two", 3: "Three", 4: "Four"}


def _home_quant_no(facts: Facts, gpu, what: str, count: int | None) -> str:
    """'No — even in the usual 4-bit GGUF (Q4_K_M) it needs …' for one home card that holds no weight format: at
    home the GGUF download people run decides, not the 16-bit checkpoint; then how many of the same card hold
    that download (the "or should I get two?" a home user weighs next). "" when it does not apply."""
    details = facts.understanding.details
    if not (
        details.local
        and gpu.gpu_class in ("consumer", "local")
        and (count or 1) == 1
        and not gpu.gpu_memory_share
        and details.precision is None
        and facts.workload.task is Task.INFERENCE
    ):
        return ""
    usual = str(load_assumptions()["default_local_quant"].value)
    option = next((o for o in _variant_options(facts) if o.label == f"inference in {usual}"), None)
    if option is None:
        return ""
    base = what.removesuffix(f" in {facts.workload.precision}")
    lead = (
        f"**No** — even in the usual 4-bit GGUF ({usual.upper()}) that Ollama and llama.cpp download, {base} needs "
        f"about {gb(option.estimate.total_gb)}, more than the {gpu.name}'s {gpu.memory_gb:.0f} GB."
    )
    squeeze = next(
        (o for o in _variant_options(facts) if fits_as_asked(o.on_named.get(gpu.name), 1)), None
    )  # a format below the usual one that does fit (Q2_K): the trade-off, not the answer
    if squeeze is not None:
        lead += (
            f" Only {_FORMAT_NAMES.get(squeeze.label.removeprefix('inference in '), squeeze.label)} fits "
            f"(about {gb(squeeze.estimate.total_gb)}), at a large loss of quality."
        )
    outcome = option.on_named.get(gpu.name)
    needed = outcome.count if isinstance(outcome, Fit) else getattr(outcome, "needs", None)
    if needed and 2 <= needed <= 4:
        more = _MORE_CARDS.search(facts.understanding.question.lower())
        lead += (
            f" {_CARD_COUNTS.get(needed, str(needed))} {gpu.name}s ({needed * gpu.memory_gb:.0f} GB "
            f"together) hold it in {usual.upper()}: llama.cpp and Ollama split the layers across the cards "
            "(`--tensor-split`), at about the speed of one card."
        )
        if more and needed > 2 and re.search(r"\b(?:two|2|second|another|pair|dual)\b", more.group(0)):
            lead += f" Two are not enough for {usual.upper()}."
    return lead


def _partial_offload_lead(facts: Facts, gpu_name: str, what: str, needs: str) -> str:
    """ "Only with partial offload", when the model is too big for the user's one card but llama.cpp (Ollama, LM
    Studio) runs it with some layers on the card and the rest in system RAM that has room for them (the RAM they
    said, or, unsaid, the RAM it takes is the condition); "" when not even one layer fits or their RAM is short."""
    off = facts.plan.offload if facts.plan else None
    if off is None or off.gpu_layers == 0 or ram_short_text(facts, off.cpu_gb):
        return ""
    host = facts.understanding.details.host_ram_gb
    question = facts.understanding.question.lower()
    ram_asked = bool(host and _RAM_ENOUGH.search(question))
    # "can I put part of it on the CPU?", "how much system RAM beside my 4090?": offloading is the question
    offload_asked = asks_cpu_offload(question) or asks_cpu_ram(question)
    if _ENOUGH.search(question) and not ram_asked and not offload_asked:
        return ""  # "is one 3090 enough for it?": the card alone is not; the split is said after the no
    if not host and not _OFFLOADING_RUNTIME.search(question) and not offload_asked:
        return ""  # neither the RAM nor a runtime that splits layers said: the card's own verdict
    ram = (
        f"the other {off.cpu_gb:.1f} GB stay in your system RAM"
        if host
        else f"the other {off.cpu_gb:.1f} GB stay in system RAM (you need that much free beside the operating system: "
        f"a machine with {machine_ram_gb(off.cpu_gb, load_assumptions())} GB of RAM or more)"
    )
    # "would 128 GB of DDR5 be enough for a 70B with my 4090?": the RAM is what is weighed, and it holds the rest
    verdict = (
        "**Yes**, with partial offload" if ram_asked or offload_asked else "**Only with partial offload**"
    )
    if not host and asks_cpu_ram(question) and not asks_cpu_offload(question):
        # "how much system RAM beside my 3090?": the RAM is the answer, the layer split its reason
        machine = machine_ram_gb(off.cpu_gb, load_assumptions())
        verdict = f"**{machine} GB of system RAM or more**, for a partial offload"
    # what offloading costs, when it is what they ask: each layer in RAM runs at the RAM's speed, not the card's
    slow = ", so far slower than a model the card holds whole" if offload_asked else ""
    card_gb = facts.checks[0].gpu.memory_gb if facts.checks else 0.0
    on, split = f"the {gpu_name}", ""
    if off.cards > 1:  # "2x 3060 and 64 GB of RAM": the cards' memory adds up, the rest still goes to the RAM
        on = f"the {off.cards} x {gpu_name} ({off.cards * card_gb:.0f} GB together)"
        split = "; llama.cpp shares them between the cards, `--tensor-split`"
    return (
        f"{verdict} — under llama.cpp (Ollama, LM Studio), in {off.precision.upper()}, about "
        f"{off.gpu_layers} of {off.layers} layers fit on {on} (`-ngl {off.gpu_layers}`, n_gpu_layers{split}) and "
        f"{ram}: about **{off.decode_tokens_per_s:.1f} tokens/s**, bound by the RAM{slow} (an estimate from memory "
        f"bandwidth, ±30%){moe_offload_note(facts) or '.'} Entirely on the GPU, {what} {needs}."
        + (kv_context_text(facts, card_gb * off.cards, kv_said="KV cache" in needs) if facts.checks else "")
        + moe_instead_text(facts)
    )


def _moe_offload_sentence(facts: Facts) -> str:
    """A mixture-of-experts model too big for a home card known by its memory: it still runs with the experts that
    do not fit in system RAM, usably fast since each token reads only the routed experts; "" otherwise."""
    off = facts.plan.offload if facts.plan else None
    work = facts.workload
    if off is None or off.gpu_layers == 0 or not work.shape.is_moe or work.task is not Task.INFERENCE:
        return ""
    return (
        f"\nAs a mixture-of-experts model (about {work.shape.active_params_b:g}B of its "
        f"{work.shape.params_b:g}B parameters read per token) it also runs in {off.precision.upper()} with what does "
        f"not fit in system RAM: under llama.cpp keep the experts of some layers on the CPU (`--n-cpu-moe N`; Ollama "
        f"splits layers itself), about {off.cpu_gb:.1f} GB in RAM, about **{off.decode_tokens_per_s:.0f} tokens/s**, "
        "bound by the RAM (an estimate from memory bandwidth, ±30%)." + ram_short_text(facts, off.cpu_gb)
    )


def _offload_sentence(facts: Facts) -> str:
    """llama.cpp runs a model too big for the card with only some layers on it: how many (-ngl) and how fast;
    and the largest model that fits entirely when even the smallest quant does not."""
    off = facts.plan.offload if facts.plan else None
    instead = facts.plan.fits_instead if facts.plan else None
    other = (
        f"\nA smaller model that fits entirely: **{instead.model.name}** in {instead.quant.upper()} "
        f"(about {gb(instead.memory_gb)})."
        if instead is not None
        else ""
    )
    if off is None:
        return other
    if off.gpu_layers == 0:
        return (
            " Under llama.cpp not even one layer fits beside the KV cache and buffers, so it would run on the CPU."
            + other
        )
    return (
        f"\nUnder llama.cpp (Ollama, LM Studio) it still runs with **partial offload** (in {off.precision.upper()}): "
        f"about {off.gpu_layers} of "
        f"{off.layers} layers fit on the GPU (`-ngl {off.gpu_layers}`, n_gpu_layers), the rest stay in system RAM "
        f"({off.cpu_gb:.1f} GB): about {off.decode_tokens_per_s:.1f} tokens/s, bound by the RAM"
        + (moe_offload_note(facts) or ".")
        + ram_short_text(facts, off.cpu_gb)
    ) + other


def _zero3_full(facts: Facts, gpu_name: str, count: int | None):
    """The same full fine-tune at ZeRO-3, when the user's ZeRO-1/2 does not fit their GPUs and stage 3 does."""
    if (
        facts.workload.task is not Task.FULL
        or facts.workload.zero_stage not in (1, 2)
        or not count
        or count < 2
    ):
        return None
    return next(
        (
            o
            for o in facts.options
            if o.estimate.workload.zero_stage == 3
            and o.estimate.workload.optimizer == "adamw"
            and fits_as_asked(o.on_named.get(gpu_name), count)
        ),
        None,
    )


def _lean_full(facts: Facts, gpu_name: str, count: int | None):
    """The low-memory full fine-tune (pure bf16, 8-bit Adam, sharded) when a stated full fine-tune on several GPUs
    only fits so."""
    if facts.workload.task is not Task.FULL or facts.understanding.details.method_unstated:
        return None
    if _tool_runs_adamw(facts):  # FastChat's train.py: the lean recipe is not what the named script runs
        return None
    return _lean_option(facts, gpu_name, count)


def _tool_runs_adamw(facts: Facts) -> bool:
    """The named fine-tuning tool's full fine-tune trains with mixed-precision AdamW (fp32 master weights) and
    the question asks for no other optimizer."""
    key = facts.understanding.details.finetune_tool
    tool = load_finetune_tools().get(key) if key else None
    return tool is not None and tool.full_optimizer == "adamw" and facts.workload.optimizer == "adamw"


def _lean_option(facts: Facts, gpu_name: str, count: int | None):
    """The sharded low-memory full fine-tune on ``count`` x the GPU, if it fits there (several GPUs only) and the
    GPU computes in bf16 (pure fp16 weights without an fp32 master copy do not train reliably: V100, T4, Turing)."""
    if any(g.name == gpu_name and not g.bf16 for g in (facts.plan.named if facts.plan else ())):
        return None
    if (not count or count < 2) and facts.workload.optimizer != "adam8bit":
        # one GPU: people run the usual AdamW and hit OOM; the option is named after the No. Who asks about
        # 8-bit Adam on one GPU asks about the low-memory recipe itself (torchtune's single-device full fine-tune)
        return None
    for option in facts.options:
        w = option.estimate.workload
        if (
            w.task is Task.FULL
            and w.optimizer == "bf16_adam8bit"
            and fits_as_asked(option.on_named.get(gpu_name), count)
        ):
            return option
    return None


def _offloaded_adapters(facts: Facts, gpu_name: str, task: Task | None = None):
    """The plan's LoRA/QLoRA with FSDP CPU offload on the user's GPUs, when it is the asked method (or ``task``)
    and only offloading makes it fit there."""
    option = facts.plan.offloaded if facts.plan else None
    wanted = task or facts.workload.task
    if option is None or gpu_name not in option.on_named or option.estimate.workload.task is not wanted:
        return None
    return option


def _cheapest_per_hour(facts: Facts, fit) -> str:
    """' The cheapest per hour that holds it: 4x RTX A5000 at $0.66/hour, about 1.4 hours and $0.92 for the job.' when
    the user keeps to a budget ("budget is tight", "cheapest") and the job's cheapest run is not the lowest rate."""
    plan = facts.plan
    if not facts.understanding.details.cheaper or plan is None or fit.price_per_hour is None:
        return ""
    cheaper = min(
        (
            f
            for f in plan.report.fits
            if f.price_per_hour and f.price_per_hour < fit.price_per_hour and f.training and f.training.cost
        ),
        key=lambda f: f.price_per_hour,
        default=None,
    )
    if cheaper is None:
        return ""
    return (
        f" The cheapest per hour that holds it: {cheaper.label} at {money(cheaper.price_per_hour)}/hour, about "
        f"{duration_text(cheaper.training.hours)} and {money(cheaper.training.cost)} for the job."
    )


def _mac_share_clause(facts: Facts, gpu, total: float) -> str:
    """'; more than the N GB of its M GB that macOS lets the GPU use', or, when the total is within that share but
    over what the run may fill of it (a training allocator's headroom, a runtime's reserve), that smaller figure."""
    share = f"the {gb(gpu.gpu_memory_gb)} of its {gpu.memory_gb:.0f} GB that macOS lets the GPU use"
    if total > gpu.gpu_memory_gb:
        return f"; more than {share}"
    work = facts.workload
    usable, _ = usable_memory_gb(
        gpu, work.task.is_training, work.runtime, load_assumptions(), work.memory_fraction
    )
    return f"; more than the {gb(usable)} it can fill of {share} (some headroom is kept)"


def _offloaded_sentence(
    facts: Facts, option, gpu_name: str, what: str, on_asked: str, count: int | None
) -> str:
    """'Yes, with FSDP and CPU offload' for an adapter fine-tune that sharding alone does not fit."""
    fit = option.on_named[gpu_name]
    ram = next((gb_ for label, gb_ in option.estimate.alternatives if label.startswith("CPU RAM")), None)
    work = option.estimate.workload
    sharded = facts.estimate if facts.workload.task is work.task else None
    plain = (
        f"; sharded without offloading it needs about {gb(sharded.per_gpu_gb(count or fit.count))} per GPU, more "
        f"than the {gb(fit.usable_gb)} usable"
        if sharded is not None
        else ""
    )
    question = facts.understanding.question.lower()
    lead = "**Yes, with** FSDP and CPU offload"  # "can I ...?": the way it fits
    if facts.understanding.details.yes_no and asks_will_oom(question):
        lead = (
            "**Yes**, as set up it will run out of memory; only FSDP with CPU offload fits"  # "will it OOM?"
        )
    elif reports_oom(question):
        lead = "**Expected** — it does not fit as set up; FSDP with CPU offload does"
    return (
        f"{lead} (answer.ai's fsdp_qlora recipe; DeepSpeed ZeRO-3 with offload_param "
        f"does the same) — {what} then needs about "
        f"{gb(fit.per_gpu_gb)} per GPU on {on_asked}, with the frozen {_base_format(work)} base and the adapters in "
        f"CPU memory (about {gb(ram)} of RAM){plain}. Each step is slower than on GPUs that hold the model."
        + (
            f" That RAM is more than the {host:g} GB the machine has."
            if (host := facts.understanding.details.host_ram_gb) and ram and ram > host
            else ""
        )
    )


def _base_format(work) -> str:
    return "4-bit" if work.task is Task.QLORA else ("8-bit" if work.precision == "int8" else "16-bit")


def _precision_verdicts(facts: Facts, gpu_name: str, count: int | None) -> list[tuple[str, bool, str]]:
    """For inference whose weight format was not said: (format, fits as asked, memory) per format, 16-bit
    first. Empty when the user named the format (stated facts win) or the work is not served."""
    if facts.workload.task is not Task.INFERENCE:
        return []
    out = []
    for option in _variant_options(facts):
        label = option.label.removeprefix("inference in ")
        outcome = option.on_named.get(gpu_name)
        fits = fits_as_asked(outcome, count)
        figure = f"about {gb(option.estimate.total_gb)}"
        if isinstance(outcome, NoFit) and outcome.reason.endswith(" support"):
            figure = f"the {gpu_name} has {outcome.reason}"  # not a question of memory: "no FP8 support"
        out.append((_FORMAT_NAMES.get(label, label), fits, figure))
    return out


_FORMAT_NAMES = {
    "int8": "8-bit (int8)",
    "int4": "4-bit (int4)",
    "fp8": "FP8",
    "q8_0": "8-bit (GGUF Q8_0)",
    "q6_k": "6-bit (GGUF Q6_K)",
    "q5_k_m": "5-bit (GGUF Q5_K_M)",
    "q4_k_m": "4-bit (GGUF Q4_K_M)",
    "q3_k_m": "3-bit (GGUF Q3_K_M)",
    "q2_k": "2-bit (GGUF Q2_K)",
}


def _instance(fit: Fit, joint: str) -> str:
    """' as 2x aws p4d.24xlarge (us-east-1)': what to rent for a setup priced at a real offering, else ''."""
    offering = getattr(fit, "offering", None)
    if offering is None:
        return ""
    count = f"{fit.instances}x " if fit.instances > 1 else ""
    return f"{joint}{count}{offering.provider} `{offering.instance_type}`"


def _serving_rate(fit: Fit) -> str:
    """', ≈ $0.23 per million tokens at full load' for inference fits with a known price."""
    cost = fit.serving.cost_per_million_tokens if fit.serving else None
    return f", ≈ {money(cost)} per million generated tokens at full load" if cost is not None else ""


# a speed asked, or a time: "how long", "latency"
_SPEED_QUESTION = re.compile(rf"{SPEED_QUESTION.pattern}|\bhow long\b|\blatency\b")


def _own_format_speed(facts: Facts, gpu_name: str, fmt: str) -> str:
    """', at about **N tokens/s** (an estimate: …)' for the format that fits the user's own card, when they
    asked how fast (generation at batch 1 is bound by the memory bandwidth; the working is the estimate's)."""
    for option in facts.options:
        label = option.label.removeprefix("inference in ")
        if _FORMAT_NAMES.get(label, label) != fmt:
            continue
        fit = option.on_named.get(gpu_name)
        speed = getattr(fit, "local", None)
        if speed is None:
            return ""
        return (
            f", at about **{speed.decode_tokens_per_s:,.0f} tokens/s** generating (an estimate from memory "
            f"bandwidth — {speed.detail}; ±30%)"
        )
    return ""


def _speed_sentence(fit: Fit, what: str, on: str) -> str:
    """Lead with speed when the question asks how fast."""
    if fit.local:  # llama.cpp / MLX on their own machine: one stream at batch 1, no batched server throughput
        return (
            f"On {on}, {what} generates about **{fit.local.decode_tokens_per_s:,.0f} tokens/s** at batch 1, an "
            f"estimate from memory bandwidth (it needs {gb(fit.per_gpu_gb)} per GPU, so it fits)."
        )
    if fit.serving:
        return f"On {on}, {what} generates {_serving_speed(fit.serving)} (it needs {gb(fit.per_gpu_gb)} per GPU, so it fits)."
    if fit.training:
        t = fit.training
        return f"On {fit.label}, {what} takes about **{duration_text(t.hours)}** ({t.gpu_hours:,.0f} GPU-hours, {money(t.cost)})."
    return ""


def _serving_speed(s, on: str = "") -> str:
    """'about **N tokens/s** per sequence at batch 1[ on <on>] and up to about M tokens/s in total with K sequences
    batched'."""
    text = f"about **{s.decode_tokens_per_s:,.0f} tokens/s** per sequence at batch 1" + (
        f" on {on}" if on else ""
    )
    if s.batch_tokens_per_s and s.batch:
        # "for my team of 15": what each of them gets with all of them generating at once
        text += (
            f"; with {s.batch} at once, about **{s.batch_tokens_per_s:,.0f} tokens/s each** "
            f"({s.batch * s.batch_tokens_per_s:,.0f} in total)"
        )
    if s.throughput_tokens_per_s:
        text += f" and up to about {s.throughput_tokens_per_s:,.0f} tokens/s in total with {s.max_sequences} sequences batched"
    return text


def _speed_beyond(facts: Facts, outcome: Fit | NoFit, what: str) -> str:
    """A speed asked of a GPU that does not hold the work at the count asked: the speed on the setup asked in the
    leaner format it holds first, when one does, then on the fewest of that GPU that hold it as sized (as the plan
    rents them), and why it takes that many."""
    if raised := _speed_at_raised_share(facts, outcome, what):
        return raised
    fit = next((f for f in facts.plan.report.fits if f.gpu.name == outcome.gpu.name), None)
    if fit is None or fit.serving is None:
        return ""
    gpu = outcome.gpu
    needs = (
        f"{what} needs about {gb(facts.estimate.total_gb)}, more than {_asked_setup(facts, gpu)} "
        f"({gb(fit.usable_gb)} usable of {gpu.memory_gb:.0f} GB each)"
    )
    room = facts.plan.context_room.get(gpu.name)
    room_text = (
        f" One {gpu.name} holds the weights with a context of up to about {room:,} tokens." if room else ""
    )
    if leaner := _leaner_speed_on_asked(facts, gpu):
        # "how fast on ONE H100?": that card's answer leads (the format it holds), the bigger setup follows
        on = f"on {_asked_cards(facts, gpu)} it does not fit as sized: {needs}; {leaner} "
        said = facts.understanding.details.precision is not None
        return (
            (f"**No** in the format asked — {on}" if said else capitalized(on))
            + f"In {facts.workload.precision} it takes {fit.count} of them: {_serving_speed(fit.serving, fit.label)}."
            + room_text
        )
    return (
        capitalized(_serving_speed(fit.serving, fit.label))
        + f" — {needs}, so it takes {fit.count} of them."
        + room_text
    )


def _leaner_speed_on_asked(facts: Facts, gpu) -> str:
    """'in fp8 it fits 8 x H100 SXM: about **N tokens/s** per sequence at batch 1.' — the first leaner format that
    the setup asked holds, and its speed there; '' when none does."""
    count = facts.understanding.details.gpu_count or 1
    for option in facts.options:
        fit = option.on_named.get(gpu.name)
        if isinstance(fit, Fit) and fit.count == count and fit.serving is not None:
            label = option.label.removeprefix("inference in ")
            return (
                f"in {_FORMAT_NAMES.get(label, label)} it fits {_asked_cards(facts, gpu)}: "
                f"{_serving_speed(fit.serving)}."
            )
    return ""


def _asked_cards(facts: Facts, gpu) -> str:
    """'one H100 SXM', '2 x H100 SXM': the cards the question asked about."""
    count = facts.understanding.details.gpu_count or 1
    return f"{count} x {gpu.name}" if count > 1 else f"one {gpu.name}"


def _asked_setup(facts: Facts, gpu) -> str:
    """'one H100 SXM holds', '2 x H100 SXM hold': the setup the question asked about."""
    count = facts.understanding.details.gpu_count or 1
    return f"{_asked_cards(facts, gpu)} {'hold' if count > 1 else 'holds'}"


def _speed_at_raised_share(facts: Facts, outcome: Fit | NoFit, what: str) -> str:
    """'How fast is a 70B on 2 H100s with vLLM?' where the setup asked is just over a serving engine's default share
    of memory but within the raised one: the speed on that setup when started with the raised share (at batch 1,
    bound by memory bandwidth), not on a bigger setup; '' otherwise."""
    a = load_assumptions()
    work = facts.workload
    count = facts.understanding.details.gpu_count or 1
    details = facts.understanding.details
    if (
        not isinstance(outcome, NoFit)
        or details.yes_no
        or details.observed_tokens_per_s  # "I get 20 tok/s, is that normal?": judged against the estimate
        or work.runtime != "server"
        or work.task is not Task.INFERENCE
        or work.memory_fraction is not None
    ):
        return ""
    gpu = outcome.gpu
    per_gpu = facts.estimate.per_gpu_gb(count)
    if not within_raised_share(per_gpu, gpu.memory_gb, a):
        return ""
    default, raised = a.number("serving_memory_fraction"), a.number("serving_memory_fraction_raised")
    speed = estimate_serving(facts.estimate, gpu, count, a)
    return (
        f"On {_asked_cards(facts, gpu)}, {what} generates about **{speed.decode_tokens_per_s:,.0f} tokens/s** per sequence at batch 1 "
        f"once started with `{share_flag(facts.understanding.question)} {raised:g}`: it needs about "
        f"{gb(per_gpu)} per GPU, just over the {gb(gpu.memory_gb * default)} a serving engine takes by default "
        f"(vLLM's {default:g}) but within the {gb(gpu.memory_gb * raised)} it may use when nothing else runs on the "
        "GPU, which leaves little room for the KV cache (few sequences at once); "
        + (
            "a 4-bit build (AWQ/GPTQ) or an FP8 KV cache leaves far more."
            if work.precision in ("fp8", "int8")
            else "an FP8 build of the model leaves far more."
        )
    )


def _adapters_sentence(facts: Facts) -> str:
    """LoRA adapters served on the base model (multi-LoRA): each adds its low-rank weights, small beside the base
    model; the engine keeps a set number on the GPU and swaps the rest in from CPU memory."""
    count = facts.understanding.details.lora_adapters
    work = facts.workload
    if not count or work.task is not Task.INFERENCE:
        return ""
    assumptions = load_assumptions()
    each = lora_adapter_params(work, assumptions) * 2 / 1e9  # 16-bit adapter weights
    rank = work.lora_rank or assumptions.number("lora_rank")
    total = (
        f"; {count} of them about {gb(each * count)}, small beside the base model's {gb(facts.estimate.item('weights').gb)}"
        if count > 1
        else ""
    )
    return (
        f"LoRA adapters ride on the one copy of the base model: each (rank {rank:.0f} on every attention and MLP "
        f"projection, 16-bit) adds about {gb(each)}{total}. vLLM: `--enable-lora --max-loras N "
        f"--max-lora-rank {rank:.0f}` keeps N adapters on the GPU at once and loads the others from CPU memory "
        "as requests ask for them (TGI and LoRAX do the same); requests for different adapters batch together."
    )


def _as_fast_sentence(facts: Facts, what: str) -> str:
    """'Is A as fast as B for X?' with X named: Yes when A's estimated speed for the work reaches B's (tokens/s for
    one sequence when serving, compute when training), No with both figures and what decides them."""
    details = facts.understanding.details
    relation = speed_relation(facts.understanding.question)
    if not details.yes_no or len(facts.checks) < 2 or relation is None:
        return ""
    # the claim is about the first card named against the second, whichever the plan ranks first
    named = [next((c for c in facts.checks if c.gpu.name == n), None) for n in details.gpus[:2]]
    a, b = named if None not in named and len(named) == 2 else (facts.checks[0], facts.checks[1])
    if not (isinstance(a, Fit) and isinstance(b, Fit)):
        # not both hold it as asked (e.g. 70B in 16-bit on one card): the figure that decides the use, then the
        # format or method each of them holds
        choice = variant_choice(facts)
        if choice is not None and len(choice[2]) == 1 and relation in ("as", "more", "less"):
            # only one of them holds it on one card (e.g. a 70B in 4-bit on a 64 GB Mac, not on a 24 GB card):
            # that decides, before any figure of speed
            holds_first = choice[0].gpu.name == a.gpu.name
            yes = holds_first if relation in ("as", "more") else not holds_first
            winner, loser = (a.gpu, b.gpu) if holds_first else (b.gpu, a.gpu)
            lead = (
                f"**{'Yes' if yes else 'No'}** — for {facts.workload.model_label} the {winner.name} holds it on one "
                f"card and the {loser.name} does not, which decides before speed: a model spilling out of GPU "
                "memory runs at the speed of system RAM."
            )
            return "\n".join((lead, variant_pick(facts)))
        verdict = as_good_as([a.gpu, b.gpu], details, relation, claimed_factor(facts.understanding.question))
        return verdict and "\n".join(filter(None, (verdict, variant_pick(facts))))
    if facts.workload.task.is_training:
        if not (a.training and b.training):
            return ""
        x, y = 1 / a.training.hours, 1 / b.training.hours
        shown = f"{duration_text(a.training.hours)} on {a.label} against {duration_text(b.training.hours)} on {b.label}"
        why = "training is bound by compute"
    else:
        if not (a.serving and b.serving):
            return ""
        x, y = a.serving.decode_tokens_per_s, b.serving.decode_tokens_per_s
        shown = f"about {x:,.0f} tokens/s for one sequence on {a.label} against {y:,.0f} on {b.label}"
        why = (
            f"generating tokens is bound by memory bandwidth ({a.gpu.memory_bandwidth_gbs:,.0f} against "
            f"{b.gpu.memory_bandwidth_gbs:,.0f} GB/s)"
        )
    factor = claimed_factor(facts.understanding.question)
    verdict = speed_verdict(relation, x, y, slack=0.9, factor=factor)
    if factor and factor > 1:  # "2x faster for X?": the ratio of the two estimates, against the one said
        ratio = x / y if relation != "less" else y / x
        shown = f"about {ratio:.1f}x ({shown}), {factor_said(verdict, ratio, factor)}"
    return f"**{verdict}** — for {what}, {shown}: {why}."


def _first_token_sentence(facts: Facts, what: str) -> str:
    """'Time to first token for a 32k prompt?': the prefill time of one prompt of the context asked on the named
    GPUs (or the pick), compute-bound, then the generation speed that follows."""
    if not facts.understanding.details.wants_first_token:
        return ""
    fit = next((c for c in facts.checks if isinstance(c, Fit)), None) or lead_fit(facts)
    lead, named = "", facts.checks[0] if facts.checks else None
    count = facts.understanding.details.gpu_count
    if named is not None and not isinstance(named, Fit):
        # "TTFT of 70B on 2 H100s" where 16-bit does not fit them: their GPUs in the format that fits, said so —
        # never another setup's figure passed off as theirs
        other, work = _capacity_in_another_format(facts, named.gpu.name)
        on = _on_named(named.gpu, count)
        if other is None:
            return (
                f"{capitalized(what)} does not fit on {on} (about {gb(facts.estimate.total_gb)}), so it has no time to "
                f"first token there; the setups below hold it."
            )
        fit = other
        what = f"{work.task_label} of {work.model_label} in {work.precision}"
        lead = _leaner_format_lead(facts, on, work)
    s = fit.serving if fit else None
    if s is None or s.time_to_first_token_s is None:
        return ""
    work = facts.workload
    return lead + (
        f"About **{_seconds(s.time_to_first_token_s)}** to the first token for "
        f"{article(str(work.context))} {work.context:,}-token prompt "
        f"on {fit.label} ({what}, one request at a time): reading the prompt (prefill) is compute-bound, about "
        f"two FLOPs per parameter per prompt token. Then it generates about {s.decode_tokens_per_s:,.0f} tokens/s. "
        "Several long prompts arriving together queue behind each other, and prefix caching skips a prompt's "
        "repeated start."
    )


def _expected_speed_sentence(facts: Facts, what: str) -> str:
    """A speed the user expects on the GPUs they name, set against the bandwidth estimate for one sequence:
    Yes when the estimate reaches it (within the estimate's ±30%), No with the figure and what bounds it."""
    details = facts.understanding.details
    hoped = details.expected_tokens_per_s
    if not hoped and details.yes_no and (details.batch or 1) <= 1 and not details.wants_capacity:
        hoped = details.user_tokens_per_s  # "should give ~90 tok/s for one user, correct?"
    fit = next((c for c in facts.checks if isinstance(c, Fit)), None)
    if not hoped or fit is None:
        return ""
    speed = fit.local or fit.serving
    if speed is None:
        return ""
    got = speed.decode_tokens_per_s
    bandwidth = f"{fit.gpu.memory_bandwidth_gbs:,.0f} GB/s"
    if got >= 0.7 * hoped:
        return (
            f"**Yes** — {what} generates about **{got:,.0f} tokens/s** for one sequence on {fit.label}, "
            f"in line with the {hoped:g} tokens/s you expect (an estimate from memory bandwidth, {bandwidth} per "
            "GPU; ±30%)."
        )
    return (
        f"**No** — {what} generates about **{got:,.0f} tokens/s** for one sequence on {fit.label}, not "
        f"{hoped:g}: each new token reads all the weights from memory, so the speed is bound by memory bandwidth "
        f"({bandwidth} per GPU). A smaller weight format (FP8 or 4-bit) or a card with more bandwidth is faster; "
        "batching many users raises the total, not one user's speed."
    )


def _own_fit_in_a_format(facts: Facts) -> tuple[Fit, Workload] | None:
    """On their own card with no format said, when 16-bit does not fit: the fit (and workload) of the usual local
    download (Q4_K_M), the format they most likely measured, when it fits there; None otherwise."""
    details = facts.understanding.details
    if not details.local or details.any_mac or details.precision or len(facts.checks) != 1:
        return None
    gpu, usual = facts.checks[0].gpu, str(load_assumptions()["default_local_quant"].value)
    for option in _variant_options(facts):
        fit = option.on_named.get(gpu.name)
        if option.estimate.workload.precision == usual and isinstance(fit, Fit) and fit.local:
            return (fit, option.estimate.workload) if fit.count <= (details.gpu_count or 1) else None
    return None


def _own_fit(facts: Facts) -> Fit | None:
    """The fit on hardware the user owns and runs locally, when the question is about that."""
    if not facts.understanding.details.local or facts.understanding.details.any_mac:
        return None  # every Mac weighed is not hardware they have: the headline gives one Mac's speed
    have = facts.understanding.details.gpu_count or 1  # one card when no count is said
    # more of the card than they have is no speed "on your" hardware: it does not all fit there
    return next((c for c in facts.checks if isinstance(c, Fit) and c.local and c.count <= have), None)


def _own_speed_text(fit: Fit, runtime: str) -> str:
    """Prompt and generation speed on the user's own hardware under a local runtime."""
    s = fit.local
    prompt = (
        f", reading the prompt at about {s.prompt_tokens_per_s:,.0f} tokens/s"
        if s.prompt_tokens_per_s
        else ""
    )
    layers = ""
    if runtime == "llama.cpp" and fit.gpu.software != "Metal":
        # llama.cpp keeps layers on the CPU unless told: every one fits here, so offload them all
        layers = (
            " It all fits on the GPU, so offload every layer: `-ngl 99` (n_gpu_layers in the Python bindings and "
            "LM Studio, num_gpu in Ollama); layers left on the CPU run at RAM speed."
        )
    return (
        f"**Speed on your {fit.label}** ({fit.gpu.software}, {runtime_label(runtime)}): about "
        f"{s.decode_tokens_per_s:,.0f} tokens/s generating{prompt}. How: {s.detail} "
        f"(calibrated on published llama.cpp measurements, ±30%).{layers}"
    )
