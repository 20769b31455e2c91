"""A LoRA asked on the user's own card that does not hold it: 'Only with' the leaner adapter run that fits that
card (QLoRA's 4-bit base, then at the leanest settings), each sized again — not a rental. A full fine-tune that
does not fit stays 'No' (a different method is not a way to do what was asked), and with nothing fitting the
rental stays. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re
import uuid


def _first(reply) -> str:
    return reply.text.split("\n")[0]


def test_a_lora_too_big_for_my_card_is_only_with_qlora(ask):
    reply = ask("any way i can lora qwen2.5 7b on my rtx 3060 12gb? dont want to pay for cloud")
    first = _first(reply)
    assert first.startswith("**Only with QLoRA")
    assert "/hour" not in reply.text.split("_Assumed")[0]  # no rental offered when their card does it
    sized = float(re.search(r"it needs about ([\d.]+) GB", first).group(1))
    assert sized <= 12 * 0.95


def test_the_leanest_adapter_run_when_plain_qlora_is_still_too_big(ask):
    reply = ask("trying to squeeze a llama 3.1 8b lora onto my 8gb 4060 laptop gpu, doable?")
    first = _first(reply)
    assert first.startswith("**Only with QLoRA")
    assert "512-token" in first and "chunks" in first


def test_a_full_finetune_too_big_for_my_card_stays_no(ask):
    reply = ask("could i do a full finetune of mistral 7b on my 4090?")
    assert _first(reply).startswith("**No**")


def test_nothing_with_adapters_fits_so_renting_stays(ask):
    reply = ask("can i lora llama 3.1 70b on my 12gb 3060?")
    assert _first(reply).startswith("**No**")
    assert "setup that fits" in reply.text


def test_a_lora_whose_batch_overflows_the_card_keeps_the_method_at_a_smaller_micro_batch(assistant):
    # the user's batch is what overflows: a smaller micro-batch with LoRA fits, so the method is not swapped first
    reply = assistant.ask(
        "lora finetune of qwen2.5 7b at batch 12, seq 2048 runs out of memory on my 3090 — any way to make it fit?",
        conversation_id=f"own-card-batch-{uuid.uuid4().hex}",
    )
    first = reply.text.split("\n\n")[0]
    assert first.startswith("**Only with micro-batch ")
    assert "QLoRA" not in first
    assert "gradient accumulation" in reply.text


def test_a_long_sequence_lora_that_fits_with_a_chunked_loss_keeps_the_method_and_the_length(assistant):
    # micro-batch 1 alone is still too big; with the fp32 logits gone as well the same LoRA at the same length fits
    reply = assistant.ask(
        "my 4090 runs out of vram doing lora on llama 3.1 8b with 4096-token samples and batch size 4, fixes?",
        conversation_id=f"own-card-chunked-{uuid.uuid4().hex}",
    )
    first = _first(reply)
    assert first.startswith("**Only with micro-batch 1 and a loss computed in chunks**"), first
    assert "4,096-token" in first and "QLoRA" not in first


def test_a_qlora_too_long_for_my_card_says_the_change_that_fits_it_before_any_rental(ask):
    reply = ask("would a qlora of llama 3.1 8b with 4096-token examples squeeze onto my 12gb 4070 super?")
    first = _first(reply)
    assert first.startswith("**Only with ")
    assert "/hour" not in reply.text.split("_Assumed")[0]
    assert "What would fit" in reply.text  # the other levers, each sized on their card


def test_a_qlora_at_a_very_long_sequence_leads_with_the_longest_sequence_my_card_holds(ask):
    reply = ask("qlora on llama 3.1 8b, 16k-token documents, my rtx 3060 12gb - feasible?")
    first = _first(reply)
    assert first.startswith("**Only with sequences of about ")
    longest = int(re.search(r"about ([\d,]+) tokens or less", first).group(1).replace(",", ""))
    assert 512 <= longest < 16384
    assert "chunks" in first


def test_a_full_finetune_no_on_my_card_lists_what_would_fit_it(ask):
    reply = ask("does a full-parameter finetune of qwen2.5 3b fit on my rtx 4090?")
    assert _first(reply).startswith("**No**")
    levers = reply.text.split("**What would fit**")[1]
    assert re.search(r"- LoRA\b.*— fits", levers)


def test_a_full_finetune_on_one_card_said_by_its_number_is_judged_on_that_one_card(ask):
    reply = ask("full-weight training of qwen2.5 0.5b on a 3070 laptop")
    first = _first(reply)
    assert first.startswith(("**No**", "**Only with LoRA"))
    assert "3x" not in first and "3 x" not in first


def test_a_mac_too_small_gets_no_bitsandbytes_levers(ask):
    reply = ask("is my m3 pro macbook with 36gb able to fully fine-tune llama 3.1 8b?")
    assert "**What would fit**" not in reply.text
    assert "8-bit (paged) AdamW" not in reply.text
