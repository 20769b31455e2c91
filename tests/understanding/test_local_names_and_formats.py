"""Understanding local questions (round 13): a local app named before a size is no model; a repo's "-MXFP4"
suffix names MXFP4 weights (not the "-Q8" beside it) and is set aside to find the model; a Mac log's working-set
size picks the Mac's memory option; "how many GPU layers" with a card's memory is a fit question; RAM said with
"only" is a reading. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.sizing import load_assumptions
from assistant.understanding import understand


@pytest.fixture(scope="module")
def read():
    catalog, models, quants = load_catalog(), load_models(), load_assumptions().gguf_types

    def _read(question: str):
        return understand(question, catalog, models, None, quants=quants).details

    return _read


@pytest.mark.parametrize("app", ["koboldcpp", "llamafile", "exllamav2", "gpt4all"])
def test_a_local_app_before_a_size_is_not_a_model_name(read, app):
    details = read(f"{app} 20B on my 12 GB card, does it fit?")
    assert details.model_note is None or app not in details.model_note.lower()


def test_mxfp4_in_a_repo_id_is_the_format_and_the_model_is_found(read):
    details = read("can bartowski/gpt-oss-20b-MXFP4-Q8_0 run on a 4070 ti super?")
    assert details.model == "gpt-oss-20b"
    assert details.precision == "mxfp4"


def test_a_working_set_size_picks_the_macs_memory_option(read):
    details = read(
        "M1 Pro macbook, llama.cpp log: recommendedMaxWorkingSetSize = 22906.50 MB. will a 34b q4_k_m run?"
    )
    assert details.gpus[:1] == ("M1 Pro 32GB",)


def test_how_many_gpu_layers_on_a_stated_card_is_a_fit_question(read):
    details = read("ollama, 20b q4 model, 8gb vram and 32gb ram: what num_gpu should I set?")
    assert details.yes_no and details.stated_memory_gb == 8 and details.min_memory_gb is None


def test_ram_said_with_only_is_a_reading(read):
    details = read("llama.cpp shows only 3 GB of RAM used while a 13b q4 runs, why?")
    assert details.observed_gb == 3
    assert details.ram_gb is None
