"""A non-LLM model that is not on record, of no family on record, whose kind the words say (phrasings of our own,
in no evaluation set): the research releases of that kind on record, at their own repositories' defaults, give the
estimate (their median) and the range, labelled as such, instead of "I don't know" or the figure of an optimised
popular model; a yes/no about a card opens with Yes or No from that estimate, the assumption in the same
sentence."""

from __future__ import annotations

import statistics

import pytest

from assistant.knowledge._workloads import default_run, load_workloads


def _all(reply) -> str:
    return f"{reply.text}\n\n{reply.details}"


def test_the_estimate_is_the_median_of_the_research_releases_of_the_kind():
    workloads = load_workloads()
    estimate = workloads.kind_estimate("video generation")
    assert estimate is not None and not estimate.pooled
    figures = sorted(
        default_run([f for f in w.facts if "train" not in f.task.lower()]).memory_gb
        for w in workloads
        if w.research and w.kind == "video generation"
    )
    assert len(estimate.models) == len(figures) >= 3
    assert estimate.median_gb == figures[len(figures) // 2]
    assert estimate.low_gb == figures[0] and estimate.high_gb == figures[-1]
    assert statistics.median(figures) <= estimate.median_gb  # the upper of two middles


def test_no_estimate_for_a_kind_with_too_few_research_releases():
    workloads = load_workloads()
    # restoration tools are not pooled with the diffusion generators (an upscaler is small)
    assert workloads.kind_estimate("image restoration") is None


def test_speech_synthesis_is_estimated_from_every_tts_model_on_record_never_the_generators():
    """Too few TTS research releases: the kind's popular tools join them (small models, a few GB), rather than
    the first TTS on record standing in (Bark's three models) or the diffusion generators' pool."""
    workloads = load_workloads()
    estimate = workloads.kind_estimate("speech synthesis")
    assert estimate is not None and not estimate.pooled and not estimate.research_only
    tts = [w for w in workloads if w.kind == "speech synthesis"]
    assert set(estimate.models) <= {w.name for w in tts}
    assert estimate.median_gb < 8  # a typical TTS takes a few GB, not a generator's tens


def test_every_research_release_has_a_sourced_figure_to_estimate_from():
    for spec in load_workloads():
        if spec.research:
            run = default_run([f for f in spec.facts if "train" not in f.task.lower()]) or default_run(
                [f for f in spec.facts if "train" in f.task.lower()]
            )
            assert run is not None and run.memory_gb, spec.name
            assert run.source.startswith(("http", "'http")) or "http" in run.source, spec.name


def test_an_unknown_video_model_gets_the_estimate_labelled_not_i_dont_know(assistant):
    reply = assistant.ask(
        "roughly how much vram would the text-to-video model Zephyrine-V need to sample a clip?"
    )
    estimate = load_workloads().kind_estimate("video generation")
    assert reply.memory_gb == estimate.median_gb
    assert reply.text.startswith(f"About **{estimate.median_gb:.1f} GB**")
    assert "my estimate, not a figure for this model" in reply.text
    assert "research releases on record" in reply.text
    assert "frames" in reply.text  # what moves it: pixels x frames
    assert "Sources" in reply.details


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("would a 12 gig card be enough for the image-to-3D generator Orbix3D?", "**No**"),
        ("can an 80GB H100 run QuillGen text-to-video inference?", "**Yes**"),
    ],
)
def test_a_yes_no_about_an_unknown_model_opens_with_the_verdict_from_the_estimate(
    assistant, question, opening
):
    reply = assistant.ask(question)
    assert reply.text.startswith(opening)
    assert "no figure is on record for the model you ask about" in reply.text.split("\n")[0]
    assert reply.memory_gb is not None


def test_a_run_that_already_ran_out_is_not_a_plain_yes(assistant):
    reply = assistant.ask(
        "the image-to-3D generator Orbix3D hits CUDA out of memory on my 80gb A100, is that card enough?"
    )
    assert reply.text.startswith("**Not without**")


def test_a_model_of_a_family_on_record_keeps_its_familys_figures(assistant):
    # 'Hunyuan...' is HunyuanVideo's family: its own figures, not the kind's research median
    reply = assistant.ask("how much vram does HunyuanFoo text-to-video need?")
    assert "research releases on record" not in reply.text


def test_a_stated_size_keeps_the_weight_arithmetic(assistant):
    reply = assistant.ask(
        "a 3B text-to-video diffusion transformer not on your list, how much VRAM to run it?"
    )
    assert "research releases on record" not in reply.text


def test_a_repository_asked_about_by_name_alone_gets_the_research_estimate(assistant):
    reply = assistant.ask("[HoloWarp] how much VRAM is needed for inference? would a 12 GB card do?")
    estimate = load_workloads().research_estimate()
    assert estimate is not None and estimate.pooled
    # the median of every research release on record is above 12 GB, their lower quartile within it
    assert reply.text.startswith("**Yes**, with memory savings, probably")
    assert "its kind is not said" in reply.text
    assert reply.memory_gb == estimate.median_gb


@pytest.mark.parametrize(
    "question",
    [
        "how much VRAM does the KV cache take for a long prompt?",  # an LLM explanation, no repository
        "what is the difference between model and sequential CPU offload?",  # no requirement asked
    ],
)
def test_no_research_estimate_without_a_repository_requirement_asked(assistant, question):
    reply = assistant.ask(question)
    assert "research releases on record" not in reply.text


def test_mixed_case_tool_names_are_no_project():
    from assistant.answering._compose._non_llm import asks_repo_memory

    assert asks_repo_memory("[TerraMorph] how much vram is needed for inference?")
    assert asks_repo_memory("can this method run on a 16GB card?")
    assert not asks_repo_memory("how much VRAM does ComfyUI need on GitHub runners?")
    assert not asks_repo_memory("how much VRAM does a 7B LLM need?")


def test_what_research_tools_added_to_their_base_is_sourced_arithmetic():
    workloads = load_workloads()
    added = workloads.base_additions()
    assert len(added) >= 3
    for tool, base, gb in added:
        spec, under = workloads.by_name(tool), workloads.by_name(base)
        assert spec.research and spec.base == base and under is not None
        own = default_run([f for f in spec.facts if "train" not in f.task.lower()]).memory_gb
        floor = default_run([f for f in under.facts if "train" not in f.task.lower()]).memory_gb
        assert gb == round(own - floor, 1)
    assert [gb for _, _, gb in added] == sorted(gb for _, _, gb in added)


def test_a_tool_built_on_a_big_base_gets_a_no_from_what_tools_add(assistant):
    reply = assistant.ask("FabricSwap is a garment transfer tool built on SDXL; could a 10gb 3080 handle it?")
    assert reply.text.startswith("**No**")
    assert "SDXL's own figure" in reply.text and "more than their base" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "[LumaSplice] is it feasible to run inference on a 6GB laptop gpu?",
        "[LumaSplice] does it work with 8 gigs of vram?",
        "[LumaSplice] will it fit in 10 GB?",
        "[LumaSplice] is my gpu memory enough for this project? it has 11GB",
    ],
)
def test_a_fit_asked_about_a_repository_by_name_opens_with_a_verdict(question):
    from assistant.answering._compose._non_llm import asks_repo_memory

    assert asks_repo_memory(question)


def test_a_repository_on_the_users_card_is_no_question_of_which_llms_fit_it(assistant):
    reply = assistant.ask("[QuillMotion] can i run this on my RTX 3060?")
    assert (
        reply.text.startswith("**Yes**, with memory savings") and "research releases on record" in reply.text
    )
    assert reply.gpus[:1] == ["RTX 3060 12GB"]
    # a language model's name, or no project named, is still the LLM question
    for question in ("[StarCoder] can i run this on my RTX 3060?", "can I run this on a RTX 3060? some LLMs"):
        assert "research releases on record" not in assistant.ask(question).text


def test_a_repository_on_a_named_card_is_no_spec_sheet_question(assistant):
    reply = assistant.ask("[PixelForge3] any chance to run it on a colab T4?")
    assert (
        reply.text.startswith("**Yes**, with memory savings") and "research releases on record" in reply.text
    )
    assert reply.gpus[:1] == ["T4"]
    assert "research releases" not in assistant.ask("what are the specs of the T4?").text


def test_the_least_asked_is_estimated_by_the_lower_quartile(assistant):
    estimate = load_workloads().kind_estimate("video generation")
    assert estimate.low_gb <= estimate.quartile_gb <= estimate.median_gb
    reply = assistant.ask("what's the bare minimum vram for the text-to-video model Zephyrine-V?")
    assert reply.memory_gb == estimate.quartile_gb
    assert "at the least is my estimate" in reply.text
