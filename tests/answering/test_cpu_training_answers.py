"""Fine-tuning without a GPU: the CPU alone trains (slowly) with the RAM the run takes, unless a tool named does not
train there (Unsloth, per its requirements page) — never a list of GPUs the user does not have. Real components;
phrasings in no evaluation set."""

from __future__ import annotations

from assistant.knowledge._software import load_software, support_of


def test_a_fine_tune_with_no_gpu_is_sized_in_system_ram(ask):
    reply = ask("Could I LoRA-tune Qwen2.5 0.5B on a laptop with no GPU at all?")
    assert reply.text.startswith("**Yes**, but it is slow"), reply.text[:200]
    assert "system RAM" in reply.text and "use_cpu=True" in reply.text
    assert "A100" not in reply.text and "RTX" not in reply.text


def test_is_a_gpu_required_to_train_is_answered_no(ask):
    reply = ask("is a GPU really needed to fine tune SmolLM2 135M?")
    assert reply.text.startswith("**No** — a GPU is not required"), reply.text[:200]


def test_a_tool_that_does_not_train_on_the_cpu_gets_no(ask):
    reply = ask("Can unsloth finetune Gemma 2 2B on a cpu-only server?")
    assert reply.text.startswith("**No** — Unsloth does not train on the CPU alone"), reply.text[:200]


def test_unsloth_is_recorded_as_not_training_on_the_cpu():
    unsloth = next(tool for tool, _ in load_software().named_in("unsloth"))
    assert support_of(unsloth, None, "CPU").status == "unsupported"
