"""Yes/no questions about one GPU's spec ("does it have NVLink / tensor cores / HBM?") and about the order of two
GPUs ("is A faster / slower / more powerful than B?") open with Yes or No decided from the catalog's figures.
Real components; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


def _first(reply) -> str:
    return reply.text.split("\n\n")[0]


@pytest.mark.parametrize(
    ("question", "gpu"),
    [
        ("can I link a pair of RTX 4090s together over nvlink?", "RTX 4090"),
        ("do L40S cards have NVLink?", "L40S"),
        ("does the h100 sxm support nvlink", "H100 SXM"),
    ],
)
def test_an_nvlink_question_is_answered_from_the_catalogs_link(ask, assistant, question, gpu):
    row = assistant.services.catalog.by_name(gpu)
    first = _first(ask(question))
    assert first.startswith("**Yes**" if row.nvlink_gbs else "**No**"), first
    assert row.interconnect in first
    assert (
        "not NVLink. The answer below" not in first
    )  # the answer is the correction, not a note above a card


@pytest.mark.parametrize(
    ("question", "gpu"),
    [
        ("if i nvlink two 4070 ti supers do i get 32gb for one big model?", "RTX 4070 Ti Super"),
        ("does the 5080 have nvlink? i'd pair two for 32gb total", "RTX 5080"),
    ],
)
def test_a_link_asked_for_pooled_memory_says_the_tool_decides_not_the_link(ask, assistant, question, gpu):
    """The link's yes/no from the catalog, then that NVLink never merges memory: the tool's split decides."""
    row = assistant.services.catalog.by_name(gpu)
    first = _first(ask(question))
    assert first.startswith("**Yes**" if row.nvlink_gbs else "**No**"), first
    assert "each keeps its own" in first and "data parallelism" in first, first


@pytest.mark.parametrize(
    ("question", "gpu"),
    [("are there tensor cores on a tesla T4?", "T4"), ("has the P100 got tensor cores?", "P100")],
)
def test_a_tensor_core_question_gets_the_catalogs_yes_or_no(ask, assistant, question, gpu):
    row = assistant.services.catalog.by_name(gpu)
    first = _first(ask(question))
    assert first.startswith("**Yes**" if row.tensor_cores else "**No**"), first
    assert row.architecture in first


def test_a_memory_type_question_is_checked_against_the_catalog(ask, assistant):
    l40s = assistant.services.catalog.by_name("L40S")
    h100 = assistant.services.catalog.by_name("H100 SXM")
    no = _first(ask("is the L40S memory HBM3 like the hopper cards?"))
    assert no.startswith("**No**") and l40s.memory_type in no, no
    yes = _first(ask("does an H100 SXM come with HBM?"))
    assert yes.startswith("**Yes**") and h100.memory_type in yes, yes


@pytest.mark.parametrize(
    ("question", "first", "second", "figure"),
    [
        # training: dense BF16 compute decides
        ("would a 4090 train faster than a 3090?", "RTX 4090", "RTX 3090", "training_tflops"),
        ("is the RTX 3090 quicker than the 4090 for fine-tuning?", "RTX 3090", "RTX 4090", "training_tflops"),
        # inference: memory bandwidth decides
        ("is an L4 slower than an A10G at inference?", "L4", "A10G", "memory_bandwidth_gbs"),
    ],
)
def test_faster_or_slower_than_is_a_yes_or_no_from_the_figure_that_decides_the_use(
    ask, assistant, question, first, second, figure
):
    catalog = assistant.services.catalog
    x, y = getattr(catalog.by_name(first), figure), getattr(catalog.by_name(second), figure)
    slower = "slower" in question
    expected = (x < y) if slower else (x > y)
    lead = _first(ask(question))
    assert lead.startswith("**Yes**" if expected else "**No**"), lead
    assert f"{x:,.0f}" in lead and f"{y:,.0f}" in lead


def test_faster_than_for_a_model_neither_holds_in_16_bit_still_gets_a_verdict(ask, assistant):
    catalog = assistant.services.catalog
    h100, a100 = catalog.by_name("H100 SXM"), catalog.by_name("A100 80GB SXM")
    reply = ask("would an H100 generate tokens faster than an A100 80GB for llama 3 70b?")
    lead = _first(reply)
    assert lead.startswith("**Yes**"), lead
    assert f"{h100.memory_bandwidth_gbs:,.0f}" in lead and f"{a100.memory_bandwidth_gbs:,.0f}" in lead


def test_how_much_faster_asks_for_the_ratio_not_a_yes_or_no(ask):
    lead = _first(ask("how much faster is the H100 than the A100 for training?"))
    assert not lead.startswith(("**Yes**", "**No**")), lead


@pytest.mark.parametrize(
    ("question", "first_gpu", "second_gpu", "spec", "more"),
    [
        (
            "has the h200 got higher memory bandwidth than an mi300x?",
            "H200",
            "MI300X",
            "memory_bandwidth_gbs",
            True,
        ),
        ("would an L40S give me more vram than the a6000 ada", "L40S", "RTX 6000 Ada", "memory_gb", True),
        ("does a b200 have fewer tflops than the h100?", "B200", "H100 SXM", "training_tflops", False),
    ],
)
def test_a_spec_set_against_another_card_is_a_verdict_on_that_spec(
    ask, assistant, question, first_gpu, second_gpu, spec, more
):
    a, b = (getattr(assistant.services.catalog.by_name(n), spec) for n in (first_gpu, second_gpu))
    first = _first(ask(question))
    if a == b:
        assert first.startswith("**No** — both have"), first
    else:
        assert first.startswith("**Yes**" if (a > b) == more else "**No**"), first
        assert f"{a:,.0f}" in first and f"{b:,.0f}" in first


def test_the_memory_bandwidth_asked_of_a_card_is_its_bandwidth_not_its_memory(ask, assistant):
    row = assistant.services.catalog.by_name("A100 40GB")
    first = _first(ask("what is the memory bandwidth of the a100 40gb?"))
    assert f"{row.memory_bandwidth_gbs:,.0f} GB/s of memory bandwidth" in first, first


def test_a_card_name_in_mixed_case_is_not_a_research_release(ask):
    # "L40S" and "A10G" look like project names (capitals around digits); asked how much memory they have, the
    # spec sheet answers, not an estimate over research repositories
    for question in ("how much vram does an A10G have", "how much memory is on the L40S?"):
        first = _first(ask(question))
        assert "research releases" not in first and not first.startswith("**Yes**"), first
        assert " GB of " in first
