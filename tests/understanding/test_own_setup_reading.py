"""Reading how people describe their own machine (round 4, local): glued card counts, a speed said as "N tokens a
second", a CPU-only run, a Mac's RAM in a follow-up, "locally" across several cards. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.understanding import Intent, understand


@pytest.fixture(scope="module")
def read():
    catalog, models = load_catalog(), load_models()

    def _read(*questions):
        previous = None
        for q in questions:
            previous = understand(q, catalog, models, previous)
        return previous.details

    return _read


@pytest.mark.parametrize(
    ("question", "gpu", "count"),
    [
        ("thinking of 2x3060 12gb for qwen 2.5 32b q4, would that work?", "RTX 3060 12GB", 2),
        ("can 4x3090 hold llama 3.1 70b in 8 bit?", "RTX 3090", 4),
        ("3x4090 enough for mixtral 8x22b at q4_k_m?", "RTX 4090", 3),
    ],
)
def test_a_count_glued_to_a_card_number(read, question, gpu, count):
    d = read(question)
    assert d.gpus == (gpu,) and d.gpu_count == count


def test_a_resolution_is_not_a_card_count(read):
    assert read("sdxl at 1024x1024 on my 3060 12gb?").gpu_count in (None, 1)


@pytest.mark.parametrize(
    "question",
    [
        "qwen2.5 32b on my 4090 in ollama gives like 3 tokens a second, why??",
        "mistral nemo on my 3090 crawls at 4 tokens per sec in lm studio",
    ],
)
def test_a_speed_per_second_is_a_reading_not_a_second_card(read, question):
    d = read(question)
    assert d.gpu_count in (None, 1) and d.observed_tokens_per_s in (3.0, 4.0)


def test_a_second_card_is_still_a_second_card(read):
    assert read("I have one 3090, would adding a second one let me run 70b?").gpu_count == 2


@pytest.mark.parametrize(
    "question",
    [
        "how fast is phi-3 mini on cpu only with llama.cpp?",
        "would gemma 2 9b run on a box without a gpu, 32 gigs of ram?",
        "can my old laptop with 8GB RAM run llama 3.2 3b?",
    ],
)
def test_a_model_run_from_system_ram_is_a_cpu_run(read, question):
    assert read(question).cpu_only


def test_a_card_named_beside_the_cpu_is_not_a_cpu_run(read):
    assert not read("ollama runs qwen 14b on the cpu instead of my 3060 12gb").cpu_only
    assert not read("how much ram to run llama 3 8b without a gpu?", "and on a 4070 instead?").cpu_only


def test_a_macs_ram_in_a_follow_up_is_its_unified_memory(read):
    d = read(
        "ollama on my MacBook Pro M3 Max 48GB runs qwen2.5 72b really slowly",
        "but 48 gigs of RAM should be plenty for it, no?",
    )
    assert d.gpus == ("M3 Max 48GB",) and not d.ram_gb and not d.cpu_only


def test_the_mac_memory_asked_about_wins_over_the_one_owned(read):
    d = read("my mac mini m4 pro 24gb handles 14b models. would the 64gb one run a 32b?")
    assert d.gpus == ("M4 Pro 64GB",)


def test_locally_on_several_cards_means_a_gguf_under_llama_cpp(read):
    d = read("dual 3090 vs a single 4090 for running big models locally, which one?")
    assert d.runtime == "llama.cpp" and d.local
    assert (
        read("serve 70b locally for my team on 2x a6000").runtime != "llama.cpp"
    )  # serving, not for oneself


@pytest.mark.parametrize(
    "question",
    [
        "will I be able to run it on my laptop with 16gb ram or do I need a better one?",
        "what are the hardware requirements? I have a 12gb card",
    ],
)
def test_no_model_said_asks_what_runs(read, question):
    catalog, models = load_catalog(), load_models()
    assert understand(question, catalog, models).intent.value == "my_hardware"


@pytest.mark.parametrize(
    ("question", "precision"),
    [
        ("is 3.5bpw of command r 35b ok on a 3090 with exl2?", "3.5bpw"),
        ("llama 3 70b at 2.25 bits per weight in tabbyapi on my 4090", "2.25bpw"),
    ],
)
def test_an_exl2_bitrate_is_the_weights_format(read, question, precision):
    d = read(question)
    assert d.precision == precision and d.runtime == "exllamav2"


def test_four_bit_on_a_cpu_is_a_gguf_and_no_format_stays_open(read):
    d = read("how much ram does qwen2.5 14b need on a cpu in 4-bit?")
    assert (d.precision, d.runtime, d.cpu_only) == ("q4_k_m", "llama.cpp", True)
    assert read("could a 7B vision model run on cpu?").precision is None  # 16-bit and 4-bit both answered


def test_several_desktop_cards_at_home_split_layers_under_a_local_runtime(read):
    assert read("will 2x 3060 12gb run a 30b gptq model in 4bit at home?").runtime == "exllamav2"
    assert read("dual 4060 ti 16gb at home for mixtral?").runtime == "llama.cpp"
    assert read("serving users from 2x 4090 with mixtral").runtime != "llama.cpp"


def test_has_anyone_tried_is_a_yes_no_even_after_a_which(read):
    d = read("Planning 2 rtx 3060s with a 30b 4-bit model which needs ~20gb. Has anyone tried this setup?")
    assert d.yes_no
    assert not read("which gpu should I buy for 30b models at home?").yes_no


def test_a_phone_runs_a_model_from_its_ram(read):
    d = read("could qwen2.5 0.5b run on my android phone?")
    assert d.cpu_only and not d.gpus


def test_partial_offload_names_llama_cpp_and_the_ram_beside_the_card(read):
    d = read("with 96 gigs of ram and a 3090, can mixtral 8x22b run with partial offload?")
    assert d.runtime == "llama.cpp" and d.host_ram_gb == 96 and d.gpus == ("RTX 3090",)
    assert read("64gb ddr4 plus a 4070, offloading some layers of a 70b?").host_ram_gb == 64


def test_what_context_fits_asks_for_the_longest_context(read):
    assert read("mistral small 24b q4_k_m on a 3090, what context length can I fit?").longest_context


@pytest.mark.parametrize(
    ("question", "gbs"),
    [
        ("cpu only box, ddr5-6000 dual channel, how fast is llama 3.1 8b q4?", 96.0),
        ("epyc with 12 channel ddr5 4800, deepseek v3 q4 speed on cpu?", 460.8),
        ("my laptop has lpddr5x 7500 ram, phi-4 on the cpu, tokens/s?", 120.0),
    ],
)
def test_the_ram_speed_and_channels_give_its_bandwidth(read, question, gbs):
    assert read(question).ram_bandwidth_gbs == pytest.approx(gbs)


def test_no_ram_speed_said_leaves_the_bandwidth_to_the_assumption(read):
    assert read("how fast is mistral 7b on a cpu with 32gb ddr4?").ram_bandwidth_gbs is None


@pytest.mark.parametrize(
    ("question", "usd"),
    [
        ("with 2k I want to build a box for local llms, what gpu?", 2000),
        ("I can spend about 600 dollars on a graphics card for llms at home", 600),
        ("$1,200 budget, best card for running models locally?", 1200),
    ],
)
def test_a_purchase_budget_is_read_with_or_without_a_dollar_sign(read, question, usd):
    assert read(question).purchase_budget_usd == usd


def test_a_context_or_a_rental_is_not_a_purchase_budget(read):
    assert read("budget pick for 8k context on llama 3 8b at home?").purchase_budget_usd is None
    assert read("I want to spend $2 per hour renting a gpu for llama 70b").purchase_budget_usd is None


@pytest.mark.parametrize(
    ("question", "layers"),
    [
        ("qwen2.5 14b q6_k with -ngl 35 on a 3060 12gb", 35),
        ("if I offload 20 layers of a 34b to my 4070, how fast?", 20),
        ("putting 45 layers of mixtral onto the gpu (3090), rest in ram", 45),
    ],
)
def test_the_layers_put_on_the_gpu_are_read(read, question, layers):
    d = read(question)
    assert d.gpu_layers == layers and d.runtime == "llama.cpp"


def test_a_log_of_every_layer_offloaded_is_not_a_layer_count(read):
    assert read("log says offloaded 33/33 layers to GPU on my 3060, only 9 t/s?").gpu_layers is None
    assert read("llama 3 8b with -ngl 99 on a 3060 12gb").gpu_layers is None  # 99: all of them


def test_a_word_ending_the_sentence_before_a_size_is_not_a_model_name(read):
    d = read("Will there be a smaller version? 7B needs 14GB and my card only has 8GB")
    assert d.model_note is None and d.params == 7e9
    assert "olmo" in (read("can my 3090 run olmo 7b?").model_note or "").lower()


@pytest.mark.parametrize(
    ("question", "speed"),
    [
        ("my m1 ultra gets 11 tok/s on mixtral q5, normal?", 11.0),
        ("the 3090 sees 22 tokens/s with llama 3 8b fp16, is that ok", 22.0),
    ],
)
def test_a_speed_the_machine_gets_or_sees_is_the_observed_speed(read, question, speed):
    assert read(question).observed_tokens_per_s == speed


@pytest.mark.parametrize(
    "question",
    [
        "what if i only have a 12gb card?",
        "hmm, we just have a 12gb card",
        "what if i've only got a 12gb card",
        "i'm currently using a 12gb card, then what?",
    ],
)
def test_a_card_the_user_has_is_theirs_with_a_hedging_adverb(read, question):
    # "i only have a 12gb card" is the user's card, not a floor of 12 GB for picking a bigger one
    details = read("i want to fine tune qwen2.5 7b on my own data", question)
    assert details.stated_memory_gb == 12
    assert details.min_memory_gb is None


@pytest.mark.parametrize(
    "statement",
    ["we've got two rtx 3090s", "I own a single RX 7900 XTX.", "our box: 128gb of ram and an rtx a6000"],
)
def test_hardware_told_with_nothing_asked_is_what_runs_on_it(statement):
    # the user tells their hardware and asks nothing: what runs there is the useful answer, not the spec sheet
    assert understand(statement, load_catalog(), load_models()).intent is Intent.MY_HARDWARE


@pytest.mark.parametrize(
    "question", ["i have a 4090, what are its specs?", "my 3090 — how much does it cost?"]
)
def test_hardware_told_beside_a_question_keeps_the_question(question):
    assert understand(question, load_catalog(), load_models()).intent is not Intent.MY_HARDWARE
