"""Follow-ups that ask for another model on the same hardware, correct the model size, state the user's own
setup with another verb, or give the sequence length as "8k sequences" (phrasings of our own, in no evaluation
set)."""

from __future__ import annotations

import pytest

from assistant.sizing import Task
from assistant.understanding._understand import Intent


@pytest.mark.parametrize(
    "second",
    [
        "ok, so what would run on it?",
        "is there a lighter model I could use then?",
        "what size of model fits there instead?",
        "which LLMs can it handle?",
        "the best model for that card then?",
    ],
)
def test_asking_for_another_model_reads_what_runs_on_the_same_card(read, second):
    u = read("Will Qwen2.5 72B run on my RTX 4080 16GB?", second)
    assert u.follow_up and u.intent is Intent.MY_HARDWARE
    assert u.details.model is None and u.details.params is None
    assert u.details.gpus == ("RTX 4080",)


def test_another_model_on_memory_said_keeps_that_memory(read):
    u = read("I have 20 GB of VRAM, would Llama 3.1 70B load?", "what about something smaller?")
    assert u.intent is Intent.MY_HARDWARE and u.details.model is None
    assert u.details.stated_memory_gb == 20


def test_another_model_keeps_the_training_method_asked(read):
    u = read("Could I QLoRA Qwen2.5 72B on one RTX 3090?", "which smaller models could I train that way?")
    assert u.intent is Intent.MY_HARDWARE and u.details.task is Task.QLORA and u.details.model is None


def test_a_model_named_in_the_follow_up_is_that_model_not_what_runs(read):
    u = read("Will Qwen2.5 72B run on my RTX 4080 16GB?", "what about a smaller model like Qwen2.5 14B?")
    assert u.intent is not Intent.MY_HARDWARE and u.details.model == "Qwen2.5 14B"


def test_without_hardware_another_model_is_not_a_hardware_question(read):
    u = read("Which cloud GPU should I rent to serve Qwen2.5 72B?", "what about a smaller model?")
    assert u.intent is not Intent.MY_HARDWARE


@pytest.mark.parametrize(
    "second", ["sorry, the 7B one, not the 13B", "not the 13B — I meant the 7B", "no, 7b rather than 13b"]
)
def test_a_corrected_size_is_the_family_at_the_size_kept(read, second):
    u = read("How much VRAM for a full fine-tune of Llama 2 13B?", second)
    assert u.follow_up and u.details.model == "Llama 2 7B" and u.details.task is Task.FULL


def test_a_size_set_aside_alone_is_not_read_as_the_size_asked(read):
    u = read("LoRA memory for a 7b model rather than a 70b one?")
    assert u.details.params == 7e9


@pytest.mark.parametrize(
    "second",
    [
        "we'll load it in 8-bit and train adapters on top",
        "I'd fine-tune it with LoRA adapters, weights in 8-bit",
    ],
)
def test_the_users_own_setup_said_with_another_verb_changes_the_method(read, second):
    u = read("What do I need for a full fine-tune of Mistral 7B?", second)
    assert u.follow_up and u.details.model == "Mistral 7B" and u.details.task is Task.LORA


def test_the_users_own_serving_plan_keeps_the_model(read):
    u = read("Memory to serve Qwen2.5 32B in bf16?", "we'll quantize it to 4 bits with AWQ")
    assert u.follow_up and u.details.model == "Qwen2.5 32B" and u.details.task is Task.INFERENCE


@pytest.mark.parametrize("said", ["with 4k sequences", "on 4k-token sequences", "using 4k token sequences"])
def test_sequences_said_in_thousands_are_the_length(read, said):
    u = read(f"QLoRA of Gemma 2 9B {said} on a 24GB card?")
    assert u.details.context == 4096


def test_sequences_said_in_thousands_change_the_length_in_a_follow_up(read):
    u = read("QLoRA of Gemma 2 9B on a 24GB card?", "and 16k sequences?")
    assert u.follow_up and u.details.context == 16 * 1024


def test_a_count_of_sequences_is_no_length(read):
    u = read("Serve Llama 3.1 8B on an L40S with 256 sequences in flight")
    assert u.details.context != 256


def test_an_everyday_word_in_a_follow_up_names_no_image_model(read):
    u = read("What do I need to serve Falcon 40B?", "just two users, and we can live with int4")
    assert u.intent is not Intent.NON_LLM and u.details.model == "Falcon 40B"
    assert u.details.precision == "int4"


@pytest.mark.parametrize(
    "second", ["it's a 13B llama model", "the model is Mistral 7B", "Qwen2.5 7B, with LoRA"]
)
def test_the_model_a_hardware_question_left_unsaid_is_asked_on_that_hardware(read, second):
    u = read("Could I train something on my two 24GB cards?", second)
    assert u.follow_up and u.intent is Intent.SIZE and u.details.has_workload
    assert u.details.stated_memory_gb == 24 and u.details.task is not None and u.details.task.is_training


def test_a_new_question_naming_a_model_is_not_filled_into_the_hardware_one(read):
    u = read(
        "What can my RTX 4070 12GB run?", "How much VRAM does Llama 3 70B need for fp16 inference on H100s?"
    )
    assert u.details.model == "Llama 3 70B" and u.details.gpus == ("H100 SXM",)


@pytest.mark.parametrize(
    "second", ["there's 48GB of system RAM as well", "my PC has 48 GB RAM, could it offload?"]
)
def test_ram_said_after_the_users_card_is_the_ram_beside_it(read, second):
    u = read("Will Qwen2.5 72B run on my RTX 4070 Ti?", second)
    assert u.follow_up and u.details.gpus == ("RTX 4070 Ti",)
    assert u.details.host_ram_gb == 48 and u.details.ram_gb is None and not u.details.cpu_only


def test_ram_said_for_the_cpu_alone_is_a_run_from_ram(read):
    u = read("Will Qwen2.5 72B run on my RTX 4070 Ti?", "and on the CPU only, with 96GB of RAM?")
    assert u.details.cpu_only and u.details.ram_gb == 96


@pytest.mark.parametrize("second", ["M2 Ultra, 128GB", "it's an RTX 4060 Ti 16GB"])
def test_hardware_said_alone_after_a_question_is_where_that_workload_runs(read, second):
    u = read("Would Mixtral 8x7B run on my machine?", second)
    assert u.follow_up and u.intent is Intent.SIZE and u.details.model == "Mixtral 8x7B"


@pytest.mark.parametrize(
    "second", ["and just one of them?", "and only one card?", "what about one of those?"]
)
def test_one_of_the_cards_said_is_a_count_of_one(read, second):
    u = read("Could two RTX 4090s serve Qwen2.5 32B in AWQ?", second)
    assert u.follow_up and u.details.gpu_count == 1 and u.details.gpus == ("RTX 4090",)


def test_one_user_is_no_count_of_cards(read):
    u = read("Could two RTX 4090s serve Qwen2.5 32B in AWQ?", "and with just one user?")
    assert u.follow_up and u.details.gpu_count == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("can cogvideox 5b run on a 12gb 3060?", "and will animatediff work on my 8gb 3070?"),
        ("how much vram for llama 3 8b inference?", "what about whisper large-v3?"),
    ],
)
def test_an_image_or_speech_model_named_next_drops_the_earlier_size(read, first, second):
    u = read(first, second)
    assert u.intent is Intent.NON_LLM
    assert u.details.params is None and u.details.model is None


def test_hardware_and_the_earlier_cost_ask_do_not_make_a_cost_of_what_runs(read):
    u = read(
        "which gpu should i rent to serve mistral 7b for 20 users?", "and what would that run us a month?"
    )
    assert u.intent is not Intent.MY_HARDWARE and u.details.wants_cost


def test_how_many_of_a_card_after_a_sizing_keeps_the_workload(read):
    u = read("how much vram for qwen2.5 72b in bf16?", "how many l40s would that take?")
    assert u.details.model == "Qwen2.5 72B" and u.details.gpus == ("L40S",)


def test_it_compared_to_a_card_named_now_weighs_the_two(read):
    u = read("tell me about the h100 sxm", "how does that one stack up against an mi300x?")
    assert u.intent.value == "compare" and u.details.gpus == ("H100 SXM", "MI300X")


def test_which_is_cheaper_after_two_cards_priced_one_by_one_weighs_both(read):
    u = read("hourly rate of an rtx 6000 ada?", "and an a40?", "which one's cheaper to train on?")
    assert u.intent.value == "compare" and set(u.details.gpus) == {"RTX 6000 Ada", "A40"}
