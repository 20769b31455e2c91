"""Yes/no about a tool on a CPU, a phone or a card the catalog does not list: the verdict first, from the tool's
row (corpus/software.yaml) — No off a tool's list of cards, "I can't say" where the docs or the catalog do not
settle it — never a card's spec sheet or a Yes about the vendor."""

from tests.support.checked_answers import checked_answer


def test_a_gpu_only_runtime_asked_about_a_cpu_alone_says_no(assistant):
    a = checked_answer(assistant, "can MLC LLM run inference purely on the processor, no graphics chip?")
    assert a.first_line.startswith("**No** — MLC LLM does not support the CPU alone")
    assert "llama.cpp" in a.full  # what runs there instead


def test_an_old_radeon_not_on_the_runners_list_is_a_no_not_a_yes_about_amd(assistant):
    a = checked_answer(assistant, "Is the Radeon R9 290 supported in Ollama?")
    assert a.first_line.startswith("**No** — Ollama does not support the R9 290")
    assert "HSA_OVERRIDE_GFX_VERSION" in a.full


def test_an_unlisted_nvidia_card_below_nothing_known_is_an_honest_cant_say(assistant):
    a = checked_answer(assistant, "does TGI work with a quadro k5000?")
    assert a.first_line.startswith("**I can't say yes or no**")
    assert "compute capability 7.5" in a.first_line


def test_a_phone_asked_of_a_desktop_app_says_no(assistant):
    a = checked_answer(assistant, "can I install LM Studio on an android tablet?")
    assert a.first_line.startswith("**No**")


def test_an_unlisted_geforce_is_judged_by_its_series(assistant):
    a = checked_answer(assistant, "will SGLang work with my GeForce GTX 960?")
    assert a.first_line.startswith("**No** — SGLang does not support the GTX 960")
    assert "(Maxwell) is 5.2" in a.first_line
