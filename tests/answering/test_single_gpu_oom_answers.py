"""Single-GPU fine-tuning questions about running out of memory: "will it OOM?" is answered with the failure
as "Yes"; an OOM report on the user's one card says what fills it and which change fits (each sized again);
Unsloth runs are sized from its published minimum. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_will_it_oom_when_it_fits_is_no(ask):
    reply = ask("Gonna do a LoRA on Mistral 7B with an A100 80GB at 8k seq len. Will it OOM?")
    assert reply.text.startswith("**No**, it should not run out of memory")


def test_will_it_oom_when_it_does_not_fit_is_yes(ask):
    reply = ask("would a full fine-tune of qwen2.5 7b run out of memory on a single L40S?")
    assert reply.text.startswith("**Yes**, it will run out of memory")


def test_an_oom_report_of_a_full_fine_tune_names_the_model_states_and_the_fix(ask):
    reply = ask(
        "full finetuning mistral 7b on my 3090, batch size 4, max_seq_length 2048, no gradient checkpointing "
        "-> CUDA out of memory. what's using all the memory?"
    )
    assert "What fills the RTX 3090" in reply.text and "model states" in reply.text
    assert "alone cannot make it fit" in reply.text  # the weights, gradients and Adam states exceed 24 GB
    assert re.search(r"- LoRA \([^)]*\): about [\d.]+ GB — fits", reply.text)


def test_an_oom_report_of_a_qlora_run_finds_the_settings_that_fit(ask):
    reply = ask(
        "qlora on llama 3.1 8b crashes with OOM on rtx 3080 (10gb), micro_batch_size 2 sequence_len 4096. "
        "what should I change?"
    )
    fits = [line for line in reply.text.splitlines() if line.startswith("- ") and line.endswith("fits")]
    # at micro-batch 1 Llama 3.1's 128k-vocabulary logits still take ~3 GB at 2,048 tokens: the chunked loss fits
    assert any("micro-batch 1" in line for line in fits)
    assert "fp32 logits" in reply.text  # what the long sequences cost, shown


def test_an_oom_report_that_fits_on_paper_lists_no_levers(ask):
    reply = ask("QLoRA of Llama 3 8B OOMs on my A100 80GB, why?")
    assert "What fills" not in reply.text


def test_unsloth_qlora_of_an_8b_fits_an_8gb_laptop_card(ask):
    reply = ask("does unsloth qlora of llama 3.1 8b work on a laptop with an 8 gig gpu?")
    assert reply.text.startswith("**Yes**")
    assert "Unsloth" in reply.text + reply.details
    assert reply.memory_gb < 7.6


def test_unsloth_qlora_of_a_70b_fits_one_48gb_card(ask):
    reply = ask("can unsloth finetune llama 3.3 70b in 4bit on a single rtx a6000?")
    assert reply.text.startswith("**Yes**")


def test_an_encoder_fine_tune_out_of_memory_gets_the_encoder_levers(ask):
    reply = ask("my sentence-transformers bi-encoder runs out of memory while training at batch 64, 6gb gpu")
    assert reply.intent == "non_llm"
    text = reply.text + reply.details
    assert "max_seq_length" in text and "CachedMultipleNegativesRankingLoss" in text
    assert not reply.text.startswith("**Yes")  # an inference figure is no verdict on training


def test_a_cross_encoder_fine_tune_stands_in_with_a_reranker(ask):
    reply = ask("training a cross-encoder on an L4 keeps hitting cuda oom at max_length 512, what lowers it")
    assert "reranker" in reply.text and "a floor, not a verdict" in reply.text


def test_does_a_need_much_more_than_b_is_answered_from_both_estimates(ask):
    reply = ask("for qlora, does mistral nemo 12b need way more gpu memory than mistral 7b?")
    assert re.match(r"\*\*(Yes|No)\*\*", reply.text)
    assert "Mistral 7B" in reply.text and re.search(r"\d\.\d\dx", reply.text)


def test_a_bare_size_after_than_is_the_same_family_at_that_size(ask):
    reply = ask("is qwen2.5 32b a lot heavier than 14b to fine-tune with lora?")
    assert reply.text.startswith("**Yes**") and "Qwen2.5 14B" in reply.text


def test_a_small_gap_asked_as_significant_is_no(ask):
    reply = ask("does llama 3.1 8b take significantly more memory than llama 3 8b for lora?")
    assert reply.text.startswith("**No**")


def test_is_80gb_enough_or_do_i_need_two_is_about_the_80gb(ask):
    reply = ask("is one 80gb card enough to fully fine-tune qwen2.5 7b with adamw, or would we need 2 gpus?")
    assert reply.text.startswith("**No**")


def test_is_it_not_enough_when_it_fits_is_no(ask):
    reply = ask(
        "qlora of qwen2.5 7b crashed with OOM on my 3080 Ti (12GB) at seq 1024. is 12gb just not enough?"
    )
    assert reply.text.startswith("**No**, on paper it is enough")


def test_one_of_the_cards_they_own_asked_about(ask):
    reply = ask("i've got two rtx 4090s, would one be enough for lora on mistral 7b?")
    assert reply.text.startswith("**Yes**") and "one RTX 4090" in reply.text


def test_how_much_on_a_named_card_leads_with_the_amount(ask):
    reply = ask("how much vram will a lora of qwen2.5 3b use on my rtx 3090?")
    assert re.match(
        r"LoRA fine-tuning of Qwen2\.5 3B needs about \*\*[\d.]+ GB\*\* per GPU — it fits", reply.text
    )


def test_unsloth_with_no_method_said_is_qlora(ask):
    reply = ask("fine-tune phi-3 mini with unsloth on a 6gb laptop gpu, doable?")
    assert "QLoRA" in reply.text.split("\n")[0] and reply.memory_gb < 6


def test_gpt2_is_on_record_and_trained_within_its_own_context(ask):
    reply = ask("how much gpu memory to fully fine-tune gpt2-large?")
    assert reply.text.startswith("Full fine-tuning of GPT-2 Large 774M needs about")
    assert "RoPE" not in reply.text and "1,024 tokens" in reply.text + reply.details


def test_an_oom_that_fits_only_with_checkpointing_names_it(ask):
    reply = ask("lora of qwen2.5 7b keeps dying with cuda oom on one a100 40gb at 2048 tokens, batch 4. why?")
    assert (
        reply.text.startswith("**Only with gradient checkpointing on**")
        and "gradient_checkpointing=True" in reply.text
    )


def test_a_dpo_run_is_named_as_one(ask):
    reply = ask("can I do dpo with lora on qwen2.5 7b on a single l40s?")
    assert "DPO LoRA fine-tuning of Qwen2.5 7B" in reply.text.split("\n")[0]


def test_a_vision_language_fine_tune_says_images_add_tokens(ask):
    reply = ask("is a 24gb card enough to lora fine-tune llava 1.5 7b on my image dataset?")
    assert "vision-language model" in reply.text and "visual tokens" in reply.text
