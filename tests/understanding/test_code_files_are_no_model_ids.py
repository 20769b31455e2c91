"""A repository's script, notebook or config file named in a question ('examples/demo_v2.ipynb', 'scripts/train_x1.sh')
is no Hugging Face model id to size from its config, and a family named with its version glued on ('sam2.1_hiera',
'cogvideox15') still finds the family on record. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.knowledge._workloads import load_workloads


@pytest.mark.parametrize(
    "question",
    [
        "Running notebooks/demo_v2.ipynb on my 3080 10GB gives CUDA OOM halfway",
        "scripts/train_lora_v3.sh crashes with out of memory on a 4090",
        "python tools/infer_depth2.py --input clip.mp4 runs out of memory on an RTX 3060",
        "with configs/vit_l16.yaml training OOMs on an A10",
    ],
)
def test_a_code_file_is_no_model_id(read, question):
    assert read(question).details.unknown_model is None


@pytest.mark.parametrize("model_id", ["TheBloke/SomeName-7B-v2", "acme/tiny-coder-3b.v2"])
def test_a_hub_id_is_still_one(read, model_id):
    assert read(f"{model_id} on a T4").details.unknown_model == model_id


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("demo/sam2.1_hiera_large_video.py runs out of memory", "Segment Anything (SAM)"),
        ("the sam3.1 video predictor on a 4090", "Segment Anything (SAM)"),
    ],
)
def test_a_family_with_its_version_glued_on_is_found(text, family):
    assert [w.name for w in load_workloads().find_in_text(text)][:1] == [family]


@pytest.mark.parametrize("text", ["llama3 on a 3090", "rtx4090 vram for qwen2.5", "mixtral8x7b at 4 bit"])
def test_a_glued_llm_or_card_name_finds_no_workload(text):
    assert load_workloads().find_in_text(text) == []
