"""Whether the user runs a repository's own training script, with its defaults, rather than a method of their own
(pure): "bash train.sh", "the official fine-tuning script", "with the default config"."""

from __future__ import annotations

import re

__all__ = ["runs_a_script"]

# "can I run your training script on 8 40G cards?", "the finetune script in the readme with default settings",
# "bash train.sh": a repository's own training script, which trains every weight unless its name or flags say LoRA
_RUNS_A_SCRIPT = re.compile(
    r"\b(?:your|the|their|its|this|official|provided|repo'?s|default|sample|example)\s+(?:[\w'-]+\s+){0,2}"
    r"(?:training|train|fine-?tun(?:e|ing)|finetune|sft)\s+(?:script|code|command)s?\b"
    r"|\b(?:train|finetune|fine_tune|sft)\w*\.(?:py|sh)\b"
    r"|\bwith (?:the |its |their )?default (?:settings|config(?:uration)?|hyper-?param(?:eter)?s|params)\b"
)


def runs_a_script(question: str) -> bool:
    """Whether the user runs a repository's own training script (its defaults), rather than a method of their own."""
    return bool(_RUNS_A_SCRIPT.search(question.lower()))
