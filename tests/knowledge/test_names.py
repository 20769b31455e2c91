"""Forgiving name resolution (pure)."""

from __future__ import annotations

import pytest

from assistant.knowledge._names import NameIndex, compact


def test_compact_reads_g_as_gb():
    assert compact("A100-80G") == compact("a100 80gb") == "a10080gb"


def test_typo_is_forgiven_only_when_numbers_match():
    index = NameIndex({"A100": ["A100"], "A10": ["A10"], "H100 SXM": ["H100 SXM"]})
    assert index.resolve("H100 SMX") == "H100 SXM"
    assert index.resolve("A1000") is None
    assert index.resolve("a10") == "A10"


def test_find_in_text_prefers_longest_phrase():
    index = NameIndex({"H100 SXM": ["H100 SXM", "h100"], "H100 PCIe": ["H100 PCIe"]})
    assert index.find_in_text("an h100 pcie or an H100?") == ["H100 PCIe", "H100 SXM"]


def test_the_article_a_before_an_amount_is_not_an_a_series_gpu():
    index = NameIndex({"A16": ["A16"], "A40": ["A40"], "A10G": ["A10G"], "A100": ["A100"]})
    assert index.find_in_text("would a 16 gig card do for LoRA?") == []
    assert index.find_in_text("I have a 40GB GPU and a 10gb one") == []
    assert index.find_in_text("two A40s, or an A16 and a A100") == ["A40", "A16", "A100"]


def test_a_typo_next_to_a_longer_exact_name_does_not_win_over_it():
    index = NameIndex(
        {"RTX 4070 Ti": ["rtx 4070 ti", "4070ti"], "RTX 4070 Ti Super": ["rtx 4070 ti super", "4070ti super"]}
    )
    # "RTZ 4070ti" is a fuzzy hit, but "4070ti super" starts at the next word and reaches further
    assert index.find_in_text("will an RTZ 4070ti super do?") == ["RTX 4070 Ti Super"]
    assert index.find_in_text("will an RTZ 4070ti do?") == ["RTX 4070 Ti"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we have an A100 80 G card and a spare one", ["A100 80GB"]),  # '80 g' read as '80gb' across words
        ("is the a100 80g enough", ["A100 80GB"]),
        ("two A100-80GB cards beside an L4", ["A100 80GB", "L4"]),
        ("would 3 L4s do", ["L4"]),  # plural of a name ending in a digit
        ("an A100 4 g partition", []),  # '4 gb' is no A100's memory, and typos never change numbers
        ("a100 40 g or an a100 80 gb", ["A100 40GB", "A100 80GB"]),
    ],
)
def test_names_in_text_spanning_words(text, expected):
    index = NameIndex({"A100 80GB": ["A100 80GB", "A100-80G"], "A100 40GB": ["A100 40GB"], "L4": ["L4"]})
    assert index.find_in_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("four 24GB A10Gs", ["A10G"]),  # the singular compacts to 'a10gb', as the name does
        ("two MI300Xs in one box", ["MI300X"]),
        ("3 L4s", ["L4"]),
    ],
)
def test_plurals_of_names_ending_in_a_letter_after_the_digits(text, expected):
    index = NameIndex({"A10G": ["A10G"], "MI300X": ["MI300X"], "L4": ["L4"]})
    assert index.find_in_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("would two 4070 ti supers hold it", ["RTX 4070 Ti Super"]),
        ("3 4080 supers in one case", ["RTX 4080 Super"]),
        ("a pair of 7900 xtxs", ["RX 7900 XTX"]),
    ],
)
def test_plurals_of_names_ending_in_a_tier_word(text, expected):
    """A Super or XTX said in the plural is that card, not the card without the tier."""
    from assistant.knowledge._catalog import load_catalog

    assert [g.name for g in load_catalog().find_in_text(text)] == expected


def test_a_typo_never_swaps_the_letter_glued_to_a_cards_number():
    """'tesla m40' is another card than the P40 and 'dgx a100' no DGX H100 (in short codes the letter is the
    generation); a typo elsewhere in the name is still forgiven, and model names keep forgiving it."""
    from assistant.knowledge._catalog import load_catalog

    catalog = load_catalog()
    assert catalog.get("tesla m40") is None
    assert [g.name for g in catalog.find_in_text("ninety-six dgx a100 boxes")] != ["H100 SXM"]
    assert catalog.get("tesla p40").name == "P40"
    assert catalog.get("geforse rtx 4090").name == "RTX 4090"


def test_model_names_still_forgive_the_letter_before_a_number():
    from assistant.knowledge._models import load_models

    assert [m.name for m in load_models().find_in_text("could llama v2 70b gptq load on it")] == [
        "Llama 2 70B"
    ]


@pytest.mark.parametrize(
    "text",
    ["moving from a 3090 to a 4090", "is a 3090 or a 4090 better", "a 3090 in my tower", "one 3090 at home"],
)
def test_a_short_word_after_a_number_is_no_typo_of_a_suffix(text):
    index = NameIndex({"RTX 3090": ["RTX 3090", "3090"], "RTX 3090 Ti": ["RTX 3090 Ti", "3090 Ti"]})
    assert index.find_in_text(text)[0] == "RTX 3090"


def test_the_suffix_itself_is_still_read():
    index = NameIndex({"RTX 3090": ["RTX 3090", "3090"], "RTX 3090 Ti": ["RTX 3090 Ti", "3090 Ti"]})
    assert index.find_in_text("from a 3090 ti to a 3090") == ["RTX 3090 Ti", "RTX 3090"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("would my 3090ti-24GB handle it", ["RTX 3090 Ti"]),
        ("a laptop with a 4060-8gb inside", ["RTX 4060"]),
        ("the A100-80GB one", ["A100 80GB"]),  # the glued form that is itself a label still wins
    ],
)
def test_a_memory_size_glued_on_with_a_hyphen_leaves_the_card_name(text, expected):
    index = NameIndex(
        {
            "RTX 3090 Ti": ["RTX 3090 Ti", "3090 Ti"],
            "RTX 4060": ["RTX 4060", "4060"],
            "A100 80GB": ["A100 80GB", "A100-80G"],
            "A100 40GB": ["A100 40GB"],
        }
    )
    assert index.find_in_text(text) == expected


def test_a_short_letter_code_before_a_number_is_no_typo_of_another_code():
    # "e5-large" (an embedding model) is one edit from "t5-large", but the code is the name: no typo forgiven
    index = NameIndex({"T5-Large": ["t5-large"], "Mistral 7B": ["mistral 7b"]})
    assert index.find_in_text("embeddings from e5-large") == []
    assert index.find_in_text("t5 large") == ["T5-Large"]
    assert index.find_in_text("mistrel 7b") == ["Mistral 7B"]  # a longer name's typo is still forgiven


@pytest.mark.parametrize("said", ["yolov8x", "yolov8m", "yolo11l"])
def test_a_size_letter_after_a_models_number_is_another_variant_not_a_typo(said):
    """'yolov8x' is the extra-large sibling of the small detector on record, not a misspelt 'yolov8' or
    'yolov8s': its figures would be several times too low."""
    index = NameIndex({"YOLOv8s": ["yolov8s", "yolov8"], "YOLO11n": ["yolo11n", "yolo11"]})
    assert index.resolve(said) is None
    assert index.resolve("yolov8") == "YOLOv8s"
    assert index.resolve("yolov8s") == "YOLOv8s"


def test_a_workload_variant_letter_does_not_name_the_sibling_on_record():
    from assistant.knowledge._workloads import load_workloads

    workloads = load_workloads()
    assert "YOLOv8s" not in [w.name for w in workloads.named_in("finetuning a yolov8l detector, 30k images")]
    assert [w.name for w in workloads.named_in("finetuning a yolov8 detector, 30k images")] == ["YOLOv8s"]
