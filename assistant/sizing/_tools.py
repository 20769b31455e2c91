"""Fine-tuning tools' shipped defaults, loaded from ``corpus/finetune-tools.yaml`` (pure).

A question that names its tool (alpaca-lora, qlora.py, LLaMA-Factory) and leaves a setting unsaid runs at what
that tool does when not told: its micro-batch, sequence length, gradient checkpointing, LoRA rank and targets,
and how it loads the base. Each row cites the script or config it was read from.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..knowledge._data import corpus_dir, load_keyed

__all__ = ["FinetuneTool", "finetune_tool_in", "load_finetune_tools", "without_tool_names"]


class FinetuneTool(BaseModel):
    """One tool's defaults for the settings that size a fine-tune's memory."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    label: str = Field(min_length=3)  # "alpaca-lora's finetune.py"
    names: tuple[str, ...] = Field(min_length=1)  # how people write it, lower case
    method: Literal["lora", "qlora", "full"] | None = None  # the method the tool is (qlora.py is QLoRA)
    micro_batch: int = Field(ge=1)
    sequence: int = Field(ge=16)
    sequence_setting: str = Field(min_length=3)  # the tool's own name for it ("cutoff_len")
    gradient_checkpointing: bool
    # a full fine-tuning script (FastChat's, LLaVA's finetune.sh) has no LoRA settings: they stay unset
    lora_rank: int | None = Field(default=None, ge=1)
    lora_targets: Literal["all", "qv"] | None = None  # every linear projection, or only q_proj and v_proj
    base: Literal["bf16", "int8", "nf4"] | None = None  # how the frozen base is loaded for LoRA
    # whether the tool runs PEFT's prepare_model_for_kbit_training on a quantized base, which casts the parameters
    # bitsandbytes leaves unquantized (embeddings, LM head, norms) to fp32 (qlora.py, alpaca-lora; TRL's SFTTrainer
    # no longer calls it)
    kbit_fp32_rest: bool = False
    # what a full fine-tune under the tool trains with: "adamw" is the Hugging Face Trainer's mixed precision (fp32
    # master weights, AdamW), so the low-memory recipe (pure bf16, 8-bit Adam) is not what its users run
    full_optimizer: Literal["adamw"] | None = None
    source: str = Field(min_length=20)
    as_of: date

    @model_validator(mode="after")
    def _adapter_settings(self) -> FinetuneTool:
        if self.method != "full" and (
            self.lora_rank is None or self.lora_targets is None or self.base is None
        ):
            raise ValueError(f"{self.key}: a LoRA / QLoRA tool needs lora_rank, lora_targets and base")
        return self

    def describe(self, stated: frozenset[str] = frozenset()) -> str:
        """The defaults in words, leaving out the settings the user ``stated`` ('batch', 'sequence',
        'gradient_checkpointing', 'precision'), e.g. "alpaca-lora's finetune.py defaults: micro-batch 4, ..."."""
        targets = "q_proj and v_proj" if self.lora_targets == "qv" else "every linear layer"
        base = {"int8": "base loaded in 8-bit", "nf4": "base loaded in 4-bit NF4", "bf16": "", None: ""}[
            self.base
        ]
        method = "full fine-tuning (every weight trained)" if self.method == "full" else ""
        parts = [
            ("method", method),
            ("batch", f"micro-batch {self.micro_batch}"),
            ("sequence", f"sequence {self.sequence:,} tokens ({self.sequence_setting})"),
            (
                "gradient_checkpointing",
                f"gradient checkpointing {'on' if self.gradient_checkpointing else 'off'}",
            ),
            ("lora_rank", f"LoRA rank {self.lora_rank} on {targets}" if self.lora_rank else ""),
            ("precision", base),
        ]
        said = ", ".join(text for key, text in parts if text and key not in stated)
        return f"{self.label} defaults: {said}"


def load_finetune_tools(path: Path | None = None) -> dict[str, FinetuneTool]:
    """Every tool's defaults by key, validated (``corpus/finetune-tools.yaml`` by default)."""
    return _cached(path or corpus_dir() / "finetune-tools.yaml")


def finetune_tool_in(text: str) -> str | None:
    """The key of the first fine-tuning tool named in ``text`` (lower case), else None."""
    found = [(m.start(), key) for key, pattern in _patterns() for m in [pattern.search(text)] if m]
    return min(found)[1] if found else None


def without_tool_names(text: str) -> str:
    """``text`` with every fine-tuning tool's name blanked (case ignored), so that no name is read as a model."""
    for _, pattern in _patterns():
        text = pattern.sub(" ", text)
    return text


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (
            key,
            re.compile(
                r"(?<![\w/.-])(?:" + "|".join(re.escape(n) for n in tool.names) + r")(?![\w-])", re.IGNORECASE
            ),
        )
        for key, tool in load_finetune_tools().items()
    )


@lru_cache(maxsize=4)
def _cached(path: Path) -> dict[str, FinetuneTool]:
    return load_keyed(path, "tools", FinetuneTool, "fine-tuning tool")
