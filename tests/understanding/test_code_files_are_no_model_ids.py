"""A repository's script, notebook or config file named in a question ('examples/demo_v2.ipynb', 'scripts/train_x1.sh')
is no Hugging Face model id to size from its config (a stand-in LLM). Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


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
