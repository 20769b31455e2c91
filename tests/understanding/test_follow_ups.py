"""Follow-ups that change or add one thing, or ask something new of the earlier workload (phrasings of our own,
in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.knowledge._data import corpus_dir
from assistant.knowledge._offerings_files import load_offerings_from
from assistant.sizing import Task
from assistant.understanding._understand import Intent, understand


def test_fine_tuning_said_again_keeps_the_method_said_before(read):
    u = read(
        "Would QLoRA on Qwen 2.5 14B fit on a 16GB 4080?", "ok and how long would fine-tuning take on it?"
    )
    assert u.follow_up and u.details.task is Task.QLORA and not u.details.method_unstated
    u = read("I'm doing LoRA on a 13B model.", "What hardware do I need to finetune it then?")
    assert u.details.task is Task.LORA and u.details.params == 13e9


def test_a_method_said_again_still_changes_it(read):
    u = read("Would QLoRA on Qwen 2.5 14B fit on an A100 80GB?", "and with full fine-tuning instead?")
    assert u.details.task is Task.FULL and u.details.gpus == ("A100 80GB SXM",)


@pytest.mark.parametrize(
    "second",
    [
        "So what's the smallest card that works then?",
        "which gpu would I need?",
        "What are the hardware requirements for that?",
        "what should we buy?",
    ],
)
def test_asking_for_hardware_recommends_for_the_earlier_workload(read, second):
    u = read("Can I fine-tune Gemma 2 9B with LoRA on an RTX 3060 12GB?", second)
    assert u.follow_up and u.intent is Intent.RECOMMEND
    assert u.details.model == "Gemma 2 9B" and u.details.task is Task.LORA
    assert u.details.gpus == ()  # the card asked about before is not the answer to "which card"


@pytest.mark.parametrize(
    "second",
    ["how much would that cost a month?", "Is 48GB enough for it?", "how long would it need?"],
)
def test_a_question_without_a_workload_of_its_own_asks_of_the_last_one(read, second):
    u = read("How much GPU memory to serve Qwen 2.5 32B in bf16?", second)
    assert u.follow_up and u.details.model == "Qwen2.5 32B" and u.details.task is Task.INFERENCE


def test_a_cloud_named_alone_is_a_provider_for_the_same_setup(catalog, models):
    offerings = load_offerings_from(corpus_dir(), None)
    u = None
    for q in ("Serve Llama 3.1 70B in fp8 on two H100s.", "On GCP?"):
        u = understand(q, catalog, models, u, offerings=offerings)
    assert u.follow_up and u.details.providers == ("gcp",) and u.details.vendor is None
    assert u.details.gpu_count == 2 and u.details.precision == "fp8"


def test_a_concept_question_after_a_workload_starts_afresh(read):
    u = read("Can I fine-tune Mistral 7B with QLoRA on a T4?", "what's the difference between bf16 and fp16?")
    assert not u.follow_up and u.details.model is None


def test_background_sizes_do_not_replace_the_model_asked_about(read):
    u = read(
        "Can I run a 70B model at 4-bit on two 3090s?",
        "On one card 8b and 34b were fine, you said 70b needs both, right?",
    )
    assert u.follow_up and u.details.params == 70e9 and u.details.gpu_count == 2


def test_a_supposed_count_beats_the_card_owned(read):
    u = read(
        "QLoRA fine-tune of a 70B model on my RTX 4090, possible?",
        "I only have a single 4090 now; would it work even with two cards?",
    )
    assert u.details.gpu_count == 2 and u.details.params == 70e9 and u.details.task is Task.QLORA


def test_hardware_owned_earlier_holds_for_a_later_question(read):
    u = read("We've got four RTX A6000s in our lab.", "Can we do full fine-tuning of Llama 3 8B?")
    assert u.details.gpus == ("RTX A6000",) and u.details.gpu_count == 4 and u.intent is Intent.SIZE
    u = read(
        "We've got four RTX A6000s in our lab.",
        "Can we do full fine-tuning of Llama 3 8B?",
        "and with LoRA?",
    )
    assert u.details.gpus == ("RTX A6000",) and u.details.gpu_count == 4 and u.details.task is Task.LORA


def test_hardware_named_without_owning_it_is_not_carried(read):
    u = read("What are the specs of the H200?", "Can I fine-tune Llama 3 8B with LoRA?")
    assert u.details.gpus == ()
    u = read("I have two RTX 3090s.", "Which GPU should I buy to fine-tune Llama 3 70B?")
    assert u.details.gpus == ()


@pytest.mark.parametrize(
    ("first", "second", "model"),
    [
        ("Will Llama 2 7B fit on a T4 for inference?", "thanks, and the 70b one?", "Llama 2 70B"),
        ("Serving Mixtral 8x7B on two L40S, ok?", "what about the 8x22B?", "Mixtral 8x22B"),
        ("QLoRA on Qwen2.5 7B on a 4060 Ti?", "and 32B", "Qwen2.5 32B"),
    ],
)
def test_a_size_said_alone_is_the_earlier_family_at_that_size(read, first, second, model):
    u = read(first, second)
    assert u.follow_up and u.details.model == model


def test_how_many_in_a_follow_up_leaves_the_count_to_the_answer(read):
    u = read("Full fine-tuning of Llama 3 8B OOMs on 2x L40S.", "how many would it take then?")
    assert u.details.gpus == ("L40S",) and u.details.gpu_count is None
    u = read("Full fine-tuning of Llama 3 8B OOMs on 2x L40S.", "and with 4 of them?")
    assert u.details.gpu_count == 4


def test_training_said_in_a_follow_up_is_the_fine_tune_discussed(read):
    u = read("LoRA on a 4-bit 33B model with one 3090?", "does it train any better with two of them?")
    assert u.details.task is Task.QLORA and u.details.gpu_count == 2
    u = read("LoRA on a 4-bit 33B model with one 3090?", "and pretraining a 1B model from scratch?")
    assert u.details.task is Task.PRETRAIN


def test_how_many_after_a_failed_count_asks_for_a_new_count(read):
    u = read(
        "LoRA on Llama 2 13B OOMs on one A10G.", "Same OOM with 2 GPUs via accelerate. How many would I need?"
    )
    assert u.details.gpus == ("A10G",) and u.details.gpu_count is None
    u = read("Serve Llama 3 8B on 2 L4s.", "how many users can that handle?")
    assert u.details.gpu_count == 2


def test_a_gpu_named_again_without_memory_is_the_variant_said_before(read):
    u = read("Full fine-tune of a 3B model on my A100 40GB?", "and would two A100 do it?")
    assert u.details.gpus == ("A100 40GB",) and u.details.gpu_count == 2
    u = read("Full fine-tune of a 3B model on my A100 40GB?", "and on an A100 80GB?")
    assert u.details.gpus[0].startswith("A100 80GB")


def test_the_format_asked_about_wins_over_the_one_tried(read):
    u = read("Llama 2 70B with bnb 8-bit on 2x 3090 OOMs. Would nf4 4-bit fit instead?")
    assert u.details.precision == "int4"


def test_an_oom_log_total_capacity_is_not_a_capacity_question(read):
    u = read(
        "Mistral 7B on my 3060: CUDA out of memory. Tried to allocate 20 MiB (GPU 0; 12 GiB total capacity)"
    )
    assert not u.details.wants_capacity


def test_the_answer_shape_carries_to_a_follow_up_that_changes_a_detail(read):
    u = read("How long would a LoRA run on Llama 3 8B take on an A10G for 20M tokens?", "and on an L40S?")
    assert u.details.wants_time and u.details.gpus == ("L40S",)
    u = read("How many users can Llama 3 8B on an L4 serve?", "and what's the price per hour?")
    assert not u.details.wants_capacity


def test_a_new_workload_on_the_card_of_a_non_llm_question(read):
    u = read("Can a 4080 handle Stable Diffusion XL training?", "and Mistral 7B QLoRA?")
    assert u.details.gpus == ("RTX 4080",) and u.details.task is Task.QLORA


def test_a_memory_before_the_card_is_not_a_count(read):
    d = read("QLoRA on Llama 2 13B with my 16gb 4080 goes OOM").details
    assert d.gpus == ("RTX 4080",) and d.gpu_count == 1


@pytest.mark.parametrize(
    "second",
    [
        "Is there any way to lower the VRAM it uses?",
        "what flags would you set in llama.cpp?",
        "why does it need that much?",
        "We tried ZeRO-3 offload but ran out of host memory. Other options?",
    ],
)
def test_asking_for_remedies_or_reasons_is_about_the_earlier_workload(read, second):
    u = read("Full fine-tuning Qwen2.5 7B on two RTX A6000s runs out of memory.", second)
    assert u.follow_up and u.details.model == "Qwen2.5 7B" and u.details.task is Task.FULL
    assert u.details.gpus == ("RTX A6000",) and u.details.gpu_count == 2


def test_a_bare_k_after_a_context_is_the_context(read):
    u = read("VRAM for Qwen2.5 14B at 16k context?", "and 64k?")
    assert u.details.context == 64 * 1024


def test_serving_settings_do_not_carry_into_a_training_question(read):
    u = read(
        "Serve Llama 3 70B at 32k context to 40 concurrent users in fp8.",
        "and what would I need to LoRA fine-tune a 7B model?",
    )
    assert u.details.task is Task.LORA and u.details.params == 7e9
    assert u.details.context is None and u.details.batch is None and u.details.precision is None
    u = read("Fine-tune Llama 3 8B with LoRA at 4k sequence length.", "and to serve it at 16k context?")
    assert u.details.task is Task.INFERENCE and u.details.context == 16 * 1024


def test_four_bit_after_a_lora_question_is_qlora(read):
    u = read("LoRA on Qwen2.5 7B with my 3060 12GB goes OOM.", "and at 4 bit?")
    assert (
        u.details.task is Task.QLORA and u.details.precision is None and u.details.gpus == ("RTX 3060 12GB",)
    )


@pytest.mark.parametrize("second", ["the 14b one?", "Qwen2.5 32B?", "what would the 32b version need"])
def test_another_model_said_alone_keeps_the_rest(read, second):
    u = read("Can I fine-tune Qwen2.5 7B with LoRA on my RTX 4090?", second)
    assert u.follow_up and u.details.task is Task.LORA and u.details.gpus == ("RTX 4090",)
    assert u.details.model in ("Qwen2.5 14B", "Qwen2.5 32B")


@pytest.mark.parametrize("second", ["and on my 6GB laptop GPU?", "how long does it take per image?"])
def test_a_follow_up_to_an_image_or_speech_question_keeps_its_model(read, second):
    u = read("Can Stable Diffusion 1.5 run on a GTX 1060?", second)
    assert u.follow_up and u.intent is Intent.NON_LLM
    assert "Stable Diffusion 1.5" in u.workload_text and u.workload_text.endswith(second)
    u = read("Can Stable Diffusion 1.5 run on a GTX 1060?", second, "and for SDXL?")
    assert u.intent is Intent.NON_LLM and u.workload_text == "and for SDXL?"


@pytest.mark.parametrize(
    ("first", "second", "precision"),
    [
        ("8-bit inference of Qwen2.5 32B: how much memory?", "Would Qwen2.5 32B run on one L40S?", "int8"),
        ("Mixtral 8x7B quantized to 4 bit, VRAM?", "can I host Mixtral 8x7B on 2 RTX 4090 then", "int4"),
    ],
)
def test_the_same_model_named_again_keeps_how_it_is_run(read, first, second, precision):
    u = read(first, second)
    assert u.follow_up and u.details.precision == precision and u.details.gpu_count in (None, 1, 2)


def test_the_same_model_with_another_method_is_its_own_question(read):
    u = read(
        "LoRA on Llama 3 8B loaded in 8-bit, is a 4090 ok?", "Can I full fine-tune Llama 3 8B on two A100s?"
    )
    assert u.details.task is Task.FULL and u.details.precision is None  # the 8-bit LoRA base does not carry


@pytest.mark.parametrize("second", ["I have 24GB", "my card has 24 gb", "only 24G of vram here"])
def test_the_memory_they_have_said_alone_is_asked_of_the_last_workload(read, second):
    u = read("what does Gemma 2 27B need for inference?", second)
    assert u.follow_up and u.intent in (Intent.SIZE, Intent.RECOMMEND)
    assert u.details.model == "Gemma 2 27B" and u.details.stated_memory_gb == 24


def test_a_pasted_oom_message_tells_the_memory_of_their_card(read):
    u = read(
        "full finetune of qwen2.5 7b crashes: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate "
        "1.50 GiB. GPU 0 has a total capacity of 39.38 GiB of which 1.2 GiB is free. batch size 8",
        "and with LoRA?",
    )
    assert u.details.task is Task.LORA and u.details.stated_memory_gb == pytest.approx(39.38)
    assert u.details.batch == 8  # the log's setup stays for the follow-up


@pytest.mark.parametrize(
    "error",
    [
        "RuntimeError: CUDA error: out of memory",
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 640.00 MiB",
        "it got OOM-killed at step 3",
    ],
)
def test_an_error_pasted_alone_is_what_the_last_workload_did(read, error):
    u = read("Would QLoRA on Qwen2.5 14B work on a 12GB RTX 3060?", error)
    assert u.follow_up and u.details.model == "Qwen2.5 14B" and u.details.task is Task.QLORA
    assert u.details.gpus == ("RTX 3060 12GB",) and u.intent is not Intent.EXPLAIN


def test_an_engine_error_tells_the_context_it_was_started_with(read):
    u = read(
        "serve Qwen2.5 32B on one H100 with vllm?",
        "ValueError: The model's max seq len (32768) is larger than the maximum number of tokens that can be "
        "stored in KV cache (9120)",
    )
    assert u.follow_up and u.details.model == "Qwen2.5 32B" and u.details.context == 32768


def test_a_memory_size_asked_of_the_cards_said_is_their_other_variant(read):
    u = read(
        "Full fine-tune of Qwen2.5 14B on 8 x A100 40GB, ok?",
        "it keeps running out of memory even at batch 1 - do we need 80GB gpus for this?",
    )
    assert u.details.gpus == ("A100 80GB SXM",) and u.details.gpu_count == 8


def test_a_token_length_with_a_hyphen_is_the_training_sequence(read):
    u = read("LoRA-train Llama 3.1 8B on 16k-token transcripts: which card?", "and with QLoRA?")
    assert u.details.context == 16384 and u.details.task is Task.QLORA


@pytest.mark.parametrize("second", ["for training", "what if we train it on our support tickets?"])
def test_training_the_model_asked_about_is_fine_tuning_it(read, second):
    u = read("Which GPU do I need for Gemma 2 9B?", second)
    assert (
        u.details.task is Task.FULL and u.details.method_unstated
    )  # the methods are weighed, not pre-training


def test_pre_training_said_in_a_follow_up_stays_pre_training(read):
    u = read("Which GPU do I need for Gemma 2 9B?", "and to pre-train it from scratch?")
    assert u.details.task is Task.PRETRAIN


@pytest.mark.parametrize("second", ["and spot in the US?", "what about on-demand in europe?", "and in asia?"])
def test_a_market_follow_up_to_a_price_question_stays_a_price_question(read, second):
    u = read("what does an H100 SXM go for per hour?", second)
    assert u.intent is Intent.PRICE and u.details.gpus == ("H100 SXM",)


@pytest.mark.parametrize("second", ["what about 50?", "and fifty?", "ok, and 50 then?"])
def test_a_number_said_alone_is_the_user_count_asked_about_before(read, second):
    u = read("could one L40S serve qwen 2.5 7b to 12 people at once?", second)
    assert u.follow_up and u.details.batch == 50
    assert u.details.gpus == ("L40S",) and u.details.model == "Qwen2.5 7B"


def test_a_number_said_alone_after_a_gpu_count_is_the_count(read):
    u = read("How many users can two A100s serve with Llama 3 8B?", "and 4?")
    assert u.details.gpu_count == 4 and u.details.wants_capacity


@pytest.mark.parametrize(
    "second", ["why?", "how come?", "Why not?", "how did you get that number?", "explain"]
)
def test_why_asks_for_the_working_behind_the_last_answer(read, second):
    u = read("Will Llama 3 70B fit on one A100 80GB?", second)
    assert u.follow_up and u.details.wants_reason
    assert u.details.model == "Llama 3 70B" and u.details.gpus == ("A100 80GB SXM",)
    assert u.details.yes_no  # the same question, answered the same way, with the working shown
    assert u.intent is Intent.SIZE


def test_why_with_no_earlier_workload_is_not_a_follow_up(read):
    u = read("hello", "why?")
    assert not u.details.wants_reason


@pytest.mark.parametrize("second", ["and on an H100?", "what about a 4090?", "how about on an L40S"])
def test_a_bare_follow_up_keeps_the_shape_of_the_question_before(read, second):
    u = read("what generation speed in tok/s would mistral 7b reach on an A10G?", second)
    assert u.follow_up and "tok/s" in u.shape_text and u.details.model == "Mistral 7B"
    u = read("what's the price per 1M tokens serving phi-3 mini on a T4?", second)
    assert "per 1m tokens" in u.shape_text.lower()


def test_a_follow_up_with_its_own_shape_does_not_keep_the_old_one(read):
    u = read(
        "what generation speed in tok/s would mistral 7b reach on an A10G?", "how much is an H100 per hour?"
    )
    assert u.details.asked_as is None and u.shape_text == u.question


@pytest.mark.parametrize(
    "second", ["would it work on a mac?", "what about on a macbook instead?", "and on apple silicon?"]
)
def test_a_mac_without_chip_or_memory_weighs_every_mac(read, catalog, second):
    u = read("Which GPU do I need to run Gemma 2 27B?", second)
    assert u.follow_up and u.details.any_mac and u.details.model == "Gemma 2 27B"
    macs = {g.name for g in catalog if g.vendor == "Apple"}
    assert set(u.details.gpus) == macs and u.details.gpu_count == 1
    assert u.details.runtime == "llama.cpp" and u.details.local


def test_a_mac_follow_up_drops_the_card_asked_about_before(read):
    u = read("could I fine-tune mistral 7b on a 3090?", "what about on a mac?")
    assert u.details.any_mac and "RTX 3090" not in u.details.gpus


def test_a_named_card_after_a_mac_ends_the_mac_weighing(read):
    u = read("would qwen2.5 14b run on a mac?", "and on a 4090?")
    assert not u.details.any_mac and u.details.gpus == ("RTX 4090",)


def test_a_mac_with_its_memory_said_is_that_mac_not_every_one(read):
    u = read("can a mac with 64gb run llama 3 70b?")
    assert not u.details.any_mac and u.details.stated_memory_gb == 64


@pytest.mark.parametrize(
    "question",
    [
        "how much vram to serve my fine-tuned llama 3 8b?",
        "What GPU do I need to run a finetuned Qwen2.5 14B in production?",
        "I trained mistral 7b with LoRA last week, where should I deploy it?",
    ],
)
def test_a_model_that_was_fine_tuned_is_served_not_trained(read, question):
    assert read(question).details.task is Task.INFERENCE


def test_fine_tuning_a_trained_checkpoint_is_still_training(read):
    u = read("how much memory to fine-tune my already trained llama 2 7b checkpoint further?")
    assert u.details.task is Task.FULL


@pytest.mark.parametrize(
    "second",
    [
        "I asked about inference. You answered with the training setup.",
        "no, I meant for inference, you gave me training numbers",
        "that's not what I asked: I want inference only",
    ],
)
def test_a_correction_of_the_last_reply_keeps_the_model_and_takes_the_task_asked(read, second):
    u = read("how much GPU memory for codellama 34b fine-tuning?", second)
    assert u.follow_up and u.details.params == pytest.approx(34e9, rel=0.02)  # Code Llama 34B: 33.7B
    assert u.details.task is Task.INFERENCE


@pytest.mark.parametrize(
    "question",
    [
        "the startup model requires 40GB and I have two L4s, how do I get vllm to use both?",
        "My model is 26 GB. Will it fit on an A100 40GB for serving?",
        "we have a 60 GB checkpoint to host, what GPU?",
    ],
)
def test_a_model_known_only_by_its_size_is_sized_as_16_bit_weights(read, question):
    d = read(question).details
    assert d.weights_gb and d.params == pytest.approx(d.weights_gb * 1e9 / 2)


def test_a_quantized_file_size_is_not_read_as_16_bit_weights(read):
    d = read("my gguf model is 40 GB, can a 4090 run it?").details
    assert d.weights_gb is None


def test_a_training_figure_quoted_beside_a_run_does_not_make_it_training(read):
    u = read(
        "Trying to serve a 13B model on one L4 and it OOMs. By my math it is 26 GB to run and 52 GB for "
        "fine-tuning. Any trick to squeeze it in?"
    )
    assert u.details.task is Task.INFERENCE
    u = read("the readme says 16 GB for inference and 60 GB for training; how much to fine-tune llama 2 7b?")
    assert u.details.task is Task.FULL


@pytest.mark.parametrize("second", ["how much context can I get?", "and how much context length would fit?"])
def test_how_much_context_asks_for_the_longest_that_fits(read, second):
    u = read("Mixtral 8x7B AWQ on one L40S with vLLM?", second)
    assert u.follow_up and u.details.longest_context and not u.details.wants_time


@pytest.mark.parametrize(
    "second", ["and in 4-bit it fits on one?", "what about on a single one?", "with just one card?"]
)
def test_one_of_the_same_cards_is_a_count_of_one(read, second):
    u = read("Can Qwen2.5 32B be served on 2x L40S?", second)
    assert u.follow_up and u.details.gpus == ("L40S",) and u.details.gpu_count == 1


def test_a_model_size_is_not_a_count_of_one(read):
    u = read("Can Qwen2.5 32B be served on 2x L40S?", "and on one 1b model?")
    assert u.details.gpu_count != 1 or u.details.params == 1e9


@pytest.mark.parametrize(
    "second", ["would zero3 with offload work?", "what about 8-bit adam?", "and with ddp?"]
)
def test_a_training_setting_alone_is_a_follow_up(read, second):
    u = read("Full fine-tune of Mistral 7B on 4x V100 32GB with ZeRO-2 runs out of memory", second)
    assert u.follow_up and u.details.model == "Mistral 7B" and u.details.gpu_count == 4


@pytest.mark.parametrize("second", ["why?", "how come?", "why is that"])
def test_why_after_a_comparison_of_cards_asks_its_reasons(read, second):
    u = read("for a chatbot, is the a10g or the l40s the better pick?", second)
    assert u.follow_up and u.intent is Intent.COMPARE and u.details.gpus == ("A10G", "L40S")


@pytest.mark.parametrize("second", ["what about per week?", "and over a whole year?"])
def test_a_period_after_a_price_keeps_the_price(read, second):
    u = read("what's the hourly rate for an l40s?", second)
    assert u.follow_up and u.intent is Intent.PRICE and u.details.gpus == ("L40S",)


def test_their_own_card_said_in_a_follow_up_is_weighed_and_kept(read):
    u = read("I'd like to finetune qwen2.5 7b", "I've got a 3090 btw")
    assert u.intent is Intent.SIZE and u.details.gpus == ("RTX 3090",)
    u = read("I'd like to finetune qwen2.5 7b", "I've got a 3090 btw", "with all parameters, not lora")
    assert u.details.task is Task.FULL and u.details.gpus == ("RTX 3090",) and u.intent is Intent.SIZE


@pytest.mark.parametrize(
    "second",
    [
        "what context length can I get?",
        "throughput?",
        "how many concurrent users then?",
        "and what's the latency like?",
        "how much vram does that leave?",
    ],
)
def test_a_figure_of_the_same_setup_asks_of_the_earlier_workload(read, second):
    u = read("serving qwen2.5 14b on one L40S with vllm", second)
    assert u.follow_up and u.intent is not Intent.OUT_OF_SCOPE
    assert u.details.model == "Qwen2.5 14B" and u.details.gpus == ("L40S",)


@pytest.mark.parametrize("second", ["and an A100?", "what about the L4?", "and for the RTX 4090?"])
def test_another_card_after_a_price_is_its_price(read, second):
    u = read("what does an H100 rent for per hour?", second)
    assert u.follow_up and u.intent is Intent.PRICE


def test_another_card_after_a_spec_sheet_is_its_spec_sheet(read):
    assert read("H100 memory bandwidth?", "and the H200?").intent is Intent.SPEC


@pytest.mark.parametrize(
    "first",
    ["could a 3090 handle finetuning qwen2.5 7b?", "full finetune of llama 3 8b on one a100 80gb, possible?"],
)
def test_a_4_bit_follow_up_to_a_fine_tune_is_qlora(read, first):
    # full parameters are not trained in 4-bit: a 4-bit base with adapters is what "and in 4-bit?" can mean
    details = read(first, "what if I load it in 4bit?").details
    assert details.task is Task.QLORA and not details.method_unstated


@pytest.mark.parametrize(
    "first, second, model, task",
    [
        ("How much memory for QLoRA on Qwen2.5 32B?", "and full fine-tuning on 4 H100s, would that fit?", "Qwen2.5 32B",
         Task.FULL),
        ("I plan to fine-tune Gemma 2 9B.", "is LoRA possible on an L4 then?", "Gemma 2 9B", Task.LORA),
        ("what does full fine-tuning of Mistral 7B take?", "what about QLoRA on a single T4, does that work?",
         "Mistral 7B", Task.QLORA),
    ],
)  # fmt: skip
def test_a_method_on_hardware_after_a_model_asks_of_that_model(read, first, second, model, task):
    u = read(first, second)
    assert u.follow_up and u.intent is Intent.SIZE  # not "which model fits there"
    assert u.details.model == model and u.details.task is task


def test_a_method_on_hardware_asked_first_is_still_what_fits_there(read):
    u = read("Is LoRA possible on an L4?")
    assert u.intent is Intent.MY_HARDWARE


@pytest.mark.parametrize(
    "second, context, batch",
    [
        ("what if I cut the sequence length to 1024?", 1024, 16),
        ("and with max_length reduced from 4096 to 2048?", 2048, 16),
        ("ok, lower the batch size to 2 then", 4096, 2),
        ("what if the micro batch size is set to 4 and the context to 512?", 512, 4),
    ],
)
def test_a_setting_changed_to_a_value_is_the_new_setting(read, second, context, batch):
    u = read("LoRA on Qwen2.5 7B with batch size 16 and seq 4096, how much memory?", second)
    assert u.follow_up and u.details.context == context and u.details.batch == batch


def test_a_statement_of_the_users_own_setup_changes_the_workload(read):
    u = read(
        "What does fine-tuning Gemma 2 9B take?", "I am going to use 8-bit quantization with LoRA adapters"
    )
    assert u.follow_up and u.details.model == "Gemma 2 9B" and u.details.task is Task.LORA
    assert u.details.precision == "int8"
    u = read(
        "How much memory to full fine-tune Qwen2.5 14B?",
        "we would be using deepspeed zero 3 with cpu offload",
    )
    assert (
        u.follow_up
        and u.details.model == "Qwen2.5 14B"
        and u.details.cpu_offload
        and u.details.zero_stage == 3
    )


def test_n_of_them_after_the_users_own_card_counts_that_card(read):
    u = read("I run Mistral 7B on my RTX 3090 at home.", "would Qwen2.5 72B work on three of them?")
    assert u.details.gpus == ("RTX 3090",) and u.details.gpu_count == 3 and u.details.model == "Qwen2.5 72B"


def test_which_format_after_a_sizing_is_a_follow_up(read):
    u = read("can a 4080 run qwen2.5 14b?", "what quant though?")
    assert u.follow_up and u.details.model == "Qwen2.5 14B" and u.details.format_asked
    assert not read(
        "can a 4080 run qwen2.5 14b?", "and how fast?"
    ).details.format_asked  # the shape is per turn


@pytest.mark.parametrize("turn", ["and in 8-bit?", "how about awq 4 bit then", "what about at fp8?"])
def test_a_format_said_after_a_cheapest_ask_is_still_the_cheapest_ask(read, turn):
    u = read("what's the least expensive rig to host qwen2.5 32b for my office?", turn)
    assert u.details.cheaper and u.details.precision is not None


def test_a_format_said_with_a_question_of_its_own_drops_the_cheapest_ask(read):
    u = read(
        "what's the least expensive rig to host qwen2.5 32b for my office?", "in fp8, which card is fastest?"
    )
    assert not u.details.cheaper
