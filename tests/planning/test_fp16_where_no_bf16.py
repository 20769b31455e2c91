"""16-bit inference asked on cards with no bf16 (Volta, Turing) is planned in fp16: the engines load the weights in
fp16 there (vLLM asks for --dtype half), the bytes are the same, and the answer names the format the card runs."""

import pytest

from assistant import Task, WorkloadRequest
from assistant.planning import plan_workload


@pytest.fixture
def plan(catalog, models, assumptions):
    def _plan(**kw):
        return plan_workload(WorkloadRequest(task=Task.INFERENCE, **kw), catalog, models, assumptions)

    return _plan


def test_a_card_without_bf16_gets_fp16_weights_of_the_same_size(plan):
    on_turing = plan(model="Mistral 7B", gpus=("T4",))
    on_ada = plan(model="Mistral 7B", gpus=("L4",))
    assert on_turing.workload.precision == "fp16" and on_ada.workload.precision == "bf16"
    assert abs(on_turing.estimate.total_gb - on_ada.estimate.total_gb) < 0.01
    assert any("has no bf16" in d and "--dtype half" in d for d in on_turing.defaults)


def test_a_format_the_user_said_or_a_mixed_set_of_cards_is_left_alone(plan):
    assert plan(model="Mistral 7B", gpus=("V100 32GB",), precision="bf16").workload.precision == "bf16"
    assert plan(model="Mistral 7B", gpus=("V100 32GB", "A100 40GB")).workload.precision == "bf16"
    assert plan(model="Mistral 7B").workload.precision == "bf16"
