"""Local runs (round 13): "how many GPU layers" on a card known only by its memory gets the layer count (and the
RAM the rest needs, as a machine size); a local app's name next to a size is not a model's name, and VRAM said
beside a home runtime and RAM is the user's card, not a floor for picking one; RAM short of a split says the
machine it would take; a Mac log's recommendedMaxWorkingSetSize tells the Mac's memory, and a model bigger than
the whole Mac is a plain No; a repo's "-MXFP4" names the weights' format. Real components; phrasings in no
evaluation set."""

from __future__ import annotations

from assistant.sizing import load_assumptions, machine_ram_gb


def _first(reply) -> str:
    return reply.text.split("\n")[0]


def test_machine_ram_is_the_next_power_of_two_that_leaves_the_split_free():
    assumptions = load_assumptions()
    assert machine_ram_gb(5, assumptions) == 8
    assert machine_ram_gb(20, assumptions) == 32
    assert machine_ram_gb(33, assumptions) == 64  # 32 GB leaves only ~30 after the operating system
    assert machine_ram_gb(100, assumptions) == 128


def test_layers_asked_for_a_card_known_by_its_memory_get_the_count_and_the_ram(ask):
    reply = ask("with lm studio, how many gpu layers can a 10gb card take of qwen2.5 32b q4_k_m?")
    first = _first(reply)
    assert first.startswith("**About ") and "`-ngl " in first
    assert "system RAM" in first and "a machine with" in first


def test_a_model_that_fits_the_stated_card_puts_every_layer_on_it(ask):
    first = _first(ask("phi-3 mini q4 through ollama on an 8gb gpu, how many layers should go on the gpu?"))
    assert first.startswith("**All ") and "-ngl 99" in first


def test_a_runtime_beside_a_size_is_not_a_model_name_and_its_vram_is_the_users_card(ask):
    reply = ask("llamafile 34B on 8GB VRAM plus 64GB RAM: what n_gpu_layers value?")
    assert "not in my model specs" not in reply.text
    first = _first(reply)
    assert first.startswith("**About ") and "-ngl" in first
    assert not first.startswith("**1 x")  # not a card to rent


def test_ram_short_of_the_split_names_the_machine_it_would_take(ask):
    reply = ask(
        "I have 8 GB of VRAM and 16 GB of RAM. can ollama run a 70b q4_k_m with some layers offloaded?"
    )
    assert _first(reply).startswith("**No**")
    assert "a machine with 64 GB" in reply.text


def test_a_working_set_size_in_a_log_tells_the_macs_memory(ask):
    reply = ask(
        "llama.cpp on my M2 MacBook Air: ggml_metal_init: recommendedMaxWorkingSetSize = 17179.89 MB, then "
        "the 34B q4 model crawls. why?"
    )
    assert "M2 24GB" in reply.gpus[:1]


def test_a_model_bigger_than_the_whole_mac_is_a_plain_no(ask):
    reply = ask(
        "command r 35b q8_0 on a mac mini M2 8GB prints warning: current allocated size is greater than the "
        "recommended max working set size. what does it mean?"
    )
    first = _first(reply)
    assert first.startswith("**No**") and "8 GB of unified memory" in first
    assert reply.text.count("**No**") == 1


def test_mxfp4_in_a_repo_name_is_the_weights_format(ask):
    reply = ask("how much memory for lmstudio-community/gpt-oss-20b-MXFP4-Q8 at 4k context?")
    assert "mxfp4" in reply.text.lower()
    assert (
        10 < reply.memory_gb < 16
    )  # 20.9B in MXFP4 (4.25 bits) with 16-bit embeddings, not 8-bit throughout


def test_a_long_context_that_overflows_the_card_gets_the_context_that_fits_and_an_8bit_kv_cache(ask):
    reply = ask("mistral nemo 12b q4_k_m in lm studio with 128k context on my 16 gb card, will it fit?")
    text = reply.text
    assert _first(reply).startswith("**No**")
    assert "KV cache" in text and "tokens (`num_ctx` in Ollama, `-c` in llama.cpp" in text
    assert "-ctk q8_0 -ctv q8_0" in text and "OLLAMA_KV_CACHE_TYPE=q8_0" in text


def test_a_spill_caused_by_the_context_names_the_context_that_fits(ask):
    reply = ask(
        "ollama puts part of qwen2.5 7b q4_k_m on the cpu of my rtx 4060 8gb when I set num_ctx to 65536, why?"
    )
    first = _first(reply)
    assert "KV cache for 65,536 tokens" in first and "`num_ctx` in Ollama" in first
    assert "use a model that fits entirely" not in first


def test_a_ram_reading_with_only_is_a_reading_not_the_machine(ask):
    reply = ask(
        "ollama has mixtral loaded but windows says it's using just 900 MB... no wait, only 1.2 GB of RAM. normal?"
    )
    first = _first(reply)
    assert first.startswith("**Yes**") and "mmap" in first


def test_an_amd_card_off_the_runners_list_gets_their_own_support_note(ask):
    reply = ask("will my radeon rx 6700 xt (12gb) handle llama 3 8b q4 in ollama?")
    assert "ROCm list" in reply.text and ("HSA_OVERRIDE_GFX_VERSION" in reply.text or "Vulkan" in reply.text)


def test_an_nvidia_card_gets_no_backend_note(ask):
    reply = ask("will my rtx 3060 12gb handle llama 3 8b q4 in ollama?")
    assert "runners' hardware docs" not in reply.text


def test_a_named_desktop_app_gets_its_own_runtime_on_an_intel_card(ask):
    reply = ask("thinking of lmstudio with an arc a770, would a 7b chat model be fine on it?")
    assert "LM Studio — through the Vulkan llama.cpp runtime" in reply.text
