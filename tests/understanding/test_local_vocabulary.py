"""Understanding what people running models on their own machine say (runtimes, quants, owned hardware)."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.sizing import Task
from assistant.understanding import understand


@pytest.fixture(scope="module")
def read():
    catalog, models = load_catalog(), load_models()
    return lambda q: understand(q, catalog, models).details


def test_a_mac_and_its_memory_said_apart(read):
    d = read("Would Mistral 7B be usable on an M1 Pro? mine has 32 GB")
    assert d.gpus == ("M1 Pro 32GB",) and d.local and d.runtime == "llama.cpp"


def test_a_laptop_card_is_not_the_desktop_card(read):
    d = read("I have a gaming laptop with an RTX 4070, can it do Phi-4?")
    assert d.gpus == ("RTX 4070 Laptop",) and d.local


def test_quant_names_and_runtimes(read):
    d = read("phi-4 in Q6_K through LM Studio on my 4060 ti 16gb")
    assert (d.runtime, d.precision, d.gpus) == ("llama.cpp", "q6_k", ("RTX 4060 Ti 16GB",))
    assert read("gemma 2 27b as a 5 bit gguf").precision == "q5_k_m"
    assert read("qwen2.5 14b with ollama").runtime == "llama.cpp"
    assert read("serve llama 3.1 8b with vLLM on a 4090").runtime == "server"
    assert read("exl2 of qwen2.5 32b on a 3090").runtime == "exllamav2"


def test_kv_cache_format_is_not_the_weights_format(read):
    d = read("llama 3.1 8b q5_k_m, kv cache q4_0, 64k context on a 3060 12gb")
    assert (d.precision, d.kv_precision) == ("q5_k_m", "q4_0")


def test_two_owned_cards(read):
    d = read("my two 3090s: enough for Llama 3.3 70B in q4_k_m?")
    assert d.gpus == ("RTX 3090",) and d.gpu_count == 2 and d.local
    d = read("got three second-hand 3090s off ebay, will qwen2.5 72b q4 fit?")
    assert d.gpus == ("RTX 3090",) and d.gpu_count == 3


@pytest.mark.parametrize(
    ("question", "ram", "usable"),
    [
        ("my desktop has 32 GB of RAM and no graphics card, is Qwen2.5 14B doable?", 32.0, 30.0),
        ("Could a Raspberry Pi 5 with 8GB handle Phi-3 mini?", 8.0, 6.0),
        ("old thinkpad, ram: 12gb. would gemma 2 9b load?", 12.0, 10.0),
        # a Pi named the short way, its RAM after it
        ("my pi 5 has 8 gb, will llama 3.2 1b run on it?", 8.0, 6.0),
        ("rpi4 4gb, qwen2.5 0.5b possible?", 4.0, 2.0),
    ],
)
def test_system_ram_is_the_memory_checked_with_the_os_share_taken_off(read, question, ram, usable):
    d = read(question)
    assert d.ram_gb == ram and d.stated_memory_gb == usable
    assert d.local and d.runtime == "llama.cpp"


def test_ram_beside_a_graphics_card_is_not_the_memory_checked(read):
    d = read("I have an RTX 4060 Ti 16GB and 64 GB of system RAM, will Qwen2.5 32B run?")
    assert d.ram_gb is None and d.gpus == ("RTX 4060 Ti 16GB",)


def test_the_whole_model_on_the_gpu_is_where_it_runs_not_full_training(read):
    d = read("llama.cpp puts the entire model in system memory instead of my 4090 with Qwen2.5 14B, why?")
    assert d.task in (None, Task.INFERENCE)
    assert read("we want to train the entire model, Qwen2.5 7B, on our data").task is Task.FULL


def test_an_ollama_tag_with_its_variant_names_the_model(read):
    d = read("pulled qwen2.5:7b-instruct-q5_K_M and it is slow on my 3060")
    assert d.model == "Qwen2.5 7B" and d.precision == "q5_k_m"


def test_a_community_fine_tune_is_sized_as_its_base(read):
    assert read("is nous-mixtral too big for a 24GB card?").model == "Mixtral 8x7B"


def test_the_context_the_user_raised_it_to_is_the_one_sized(read):
    d = read("n_ctx 8192 is fine for mistral 7b on my 12gb card, but after I bump it to 32768 it crawls")
    assert d.context == 32768


@pytest.mark.parametrize(
    "question",
    [
        "34B model, 12 out of 63 layers offloaded on my 3090",
        "what -ngl should I pass for a 70B model on a 4090?",
        "which n_gpu_layers value for Qwen2.5 32B on a 16 GB card",
    ],
)
def test_layer_offload_settings_name_llama_cpp(read, question):
    d = read(question)
    assert d.runtime == "llama.cpp" and d.local


@pytest.mark.parametrize(
    "question",
    [
        "my server has 256 GB of RAM, which GPU should I buy for Llama 3.1 70B?",
        "fine-tune Mistral 7B with LoRA on a box with 64gb ram, what do I need?",
    ],
)
def test_ram_is_not_the_memory_when_a_card_is_wanted_or_a_model_is_trained(read, question):
    assert read(question).ram_gb is None


# mistyped setting words are read as the setting: a typo must not drop the context, quant, offload or speed
@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("running qwen 2.5 7b at 16k contxt on my 3060, enough vram?", 16_000),
        ("mistral nemo with a 32k conext window on a 4070 ti super 16gb", 32_000),
        ("llama 3.1 8b, 64k cntext, does it fit my 4090?", 64_000),
    ],
)
def test_a_mistyped_context_still_sets_the_context(read, question, context):
    assert read(question).context in (context, context * 1024 // 1000)


@pytest.mark.parametrize(
    "question", ["is a qauntized 13b ok on 8gb?", "mistral 7b quantzied, fits my 6gb card?"]
)
def test_a_mistyped_quantized_still_reads_a_quantized_model(read, question):
    assert read(question).precision == "int4"


def test_swapped_letters_in_vram_still_read_the_card_memory_and_the_ram_beside_it(read):
    d = read("12 gb vrma and 32 gb ram, will llama 3 70b gguf run?")
    assert (d.stated_memory_gb, d.host_ram_gb) == (12, 32)


# a speed the user sees, said with any verb and any spelling of the unit
@pytest.mark.parametrize(
    ("question", "speed"),
    [
        ("my 3060 pulls 9 tokens/sec on gemma 2 9b, normal?", 9),
        ("qwen 14b on a 4070 hits 18 toks/s, is that ok", 18),
        ("llama 3 70b q4 on 2x3090 only manages 11 tk/s", 11),
        ("averaging around 4 tokens a second with mixtral on my 4060 ti 16gb", 4),
        ("I'm seeing 2.5 tokens per sec with 70b on a 4090, expected?", 2.5),
        ("deepseek r1 32b on my 7900 xtx tops out at 22 tokens/second, why so slow", 22),
    ],
)
def test_an_observed_speed_is_read_whatever_the_verb_or_unit(read, question, speed):
    assert read(question).observed_tokens_per_s == speed


def test_a_hoped_for_speed_is_not_an_observed_one(read):
    d = read("will a 3090 hit 30 tokens/sec on llama 3 70b q2?")
    assert d.observed_tokens_per_s is None


def test_the_ram_beside_vram_told_by_size_is_the_host_ram(read):
    d = read("I've got 6gb of vram and 32gb of ram, can i run a 13b gguf?")
    assert (d.stated_memory_gb, d.host_ram_gb, d.runtime, d.precision) == (6, 32, "llama.cpp", "q4_k_m")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("contxt", "context"),
        ("conext", "context"),
        ("quantisized", "quantized"),
        ("offlaod", "offload"),
        ("paramters", "parameters"),
        ("tokesn", "tokens"),
        ("secnod", "second"),
        ("inferecne", "inference"),
    ],
)
def test_setting_words_are_respelt(typed, meant):
    from assistant.understanding._spelling import plain_spelling

    assert plain_spelling(f"how about {typed} here") == f"how about {meant} here"


@pytest.mark.parametrize("word", ["content", "contest", "trailing", "influence", "gigabits", "interference"])
def test_real_words_near_a_setting_word_are_left_alone(word):
    from assistant.understanding._spelling import plain_spelling

    assert plain_spelling(f"the {word} here") == f"the {word} here"


@pytest.mark.parametrize(
    ("question", "users"),
    [
        ("cheapest way to host mixtral for like 30 ppl at my company?", 30),
        ("serving llama 3 8b to 12 usrs, what gpu", 12),
        ("qwen2.5 14b with 40 ccu on one L40S, does that work?", 40),
    ],
)
def test_chat_shorthand_for_people_is_a_user_count(read, question, users):
    assert read(question).batch == users


@pytest.mark.parametrize(
    "question",
    [
        "going from a 3060 to a 4070, will mistral 7b be quicker?",
        "would a 7900 xtx beat a 4080 for llama 3 8b gguf?",
        "thinking of swapping my 3080 for a 3090 to run 30b models in ollama",
        "3090 vs 4090 for 70b q4 with llama.cpp?",
    ],
)
def test_cards_set_against_each_other_are_weighed_not_one_machine(read, question):
    details = read(question)
    assert len(details.gpus) == 2 and details.cards_weighed


@pytest.mark.parametrize(
    "question",
    ["I have a 3090 and a 3060 in one box, can they run llama 3 70b q4?", "my rig: 4090 + 3090, 70b q4 ok?"],
)
def test_cards_in_one_machine_are_not_weighed(read, question):
    details = read(question)
    assert len(details.gpus) == 2 and not details.cards_weighed


@pytest.mark.parametrize(
    ("question", "size_gb"),
    [
        ("lm studio says 11gb in use and the model file is just 8.5gb, what's going on", 8.5),
        ("with ollama the model is 4.1gb but nvidia-smi shows 7gb, why?", 4.1),
    ],
)
def test_a_model_file_under_a_gguf_runtime_is_read_in_its_usual_quant(read, question, size_gb):
    # a GGUF download's size is its Q4_K_M weights, not 16-bit ones: 4.1 GB is a ~7B model, not a 2B one
    from assistant.sizing import load_assumptions

    a = load_assumptions()
    bits = a["gguf_bits_per_weight"].value[str(a["default_local_quant"].value)]
    assert read(question).params == pytest.approx(size_gb * 8e9 / bits, rel=0.01)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("is an l40s beter than an a10g", "better"),
        ("which is fatser for sdxl", "faster"),
        ("is it cheapr", "cheaper"),
    ],
)
def test_comparison_words_are_respelt_and_their_real_neighbours_kept(typed, meant):
    from assistant.understanding._spelling import plain_spelling

    assert meant in plain_spelling(typed)
    assert (
        plain_spelling("a bitter butter batter, faster than a foster")
        == "a bitter butter batter, faster than a foster"
    )


def test_asking_to_offload_to_the_cpu_is_a_layer_split_at_home(read):
    d = read("with a 12 GB card, could I put some of Gemma 2 27B on the CPU?")
    assert (d.runtime, d.local, d.stated_memory_gb) == ("llama.cpp", True, 12)
    d = read(
        "Is it possible to offload part of Llama 2 13B to system memory with bitsandbytes on my 8gb card?"
    )
    assert d.runtime != "llama.cpp"  # a PyTorch loader's offload, not llama.cpp's


def test_a_model_said_to_be_more_than_a_size_is_no_floor_on_the_card(read):
    d = read(
        "trying to run Yi 34B with 16GB of vram, the model is a bit more than 20gb, can I offload some of it to ram?"
    )
    assert d.stated_memory_gb == 16


def test_cpu_ram_asked_is_a_cpu_run_even_beside_a_gpu_said(read):
    d = read("how much cpu ram is needed for Falcon 40B? I ran the 7B on a gpu with 12GB mem")
    assert d.cpu_only and d.stated_memory_gb is None
    assert not read("how much system ram do I need to offload a 70B beside my 24gb card?").cpu_only


def test_a_pytorch_load_on_system_ram_is_16_bit(read):
    d = read("running Phi-3 medium with transformers on a box with 32GB of RAM")
    assert d.cpu_only and d.precision == "bf16" and d.runtime != "llama.cpp"
    assert read("running Phi-3 medium on a box with 32GB of RAM").runtime == "llama.cpp"


def test_a_phone_as_the_subject_is_a_cpu_run_on_the_device(read):
    d = read("can my galaxy s23 run qwen2.5 1.5b?")
    assert d.cpu_only and d.local
