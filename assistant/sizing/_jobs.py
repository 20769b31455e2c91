"""Memory for work on a model's files (pure): converting, quantizing, merging a LoRA adapter into its base.

These read the checkpoint in full precision, whatever the result's size: a converter or a merge holds every
parameter at its source width (two bytes for the 16-bit checkpoints models ship as, four when 32-bit floats are
written), so converting a 7B to a 4-bit GGUF needs about 14 GB of memory though the file it writes is 4 GB. The
exception is llama.cpp's own quantizer, which reads an already converted GGUF one tensor at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._assumptions import Assumptions, load_assumptions

__all__ = ["JobMemory", "weights_job_memory"]


@dataclass(frozen=True)
class JobMemory:
    """The memory a job on the weights needs, and how it was worked out."""

    kind: str  # 'convert', 'quantize' or 'merge'
    gb: float | None  # None: the job streams (llama.cpp's quantizer), so no whole-model figure applies
    bytes_per_param: float
    params: float | None

    @property
    def working(self) -> str:
        """'46.7B parameters x 2 bytes = 93.4 GB' (empty when no figure applies)."""
        if self.gb is None or self.params is None:
            return ""
        return f"{self.params / 1e9:,.1f}B parameters x {self.bytes_per_param:g} bytes = {self.gb:,.1f} GB"


def weights_job_memory(
    kind: str,
    params: float | None,
    *,
    f32: bool = False,
    streams: bool = False,
    assumptions: Assumptions | None = None,
) -> JobMemory:
    """What ``kind`` ('convert', 'quantize', 'merge') needs for a model of ``params`` parameters: the full-
    precision weights (bf16's bytes a parameter, the width models are published in; fp32's when ``f32`` output is
    asked), or no whole-model figure when the tool ``streams`` tensor by tensor (llama.cpp's quantizer on a GGUF)."""
    width = (assumptions or load_assumptions()).bytes_per_param("fp32" if f32 else "bf16")
    if streams or not params:
        return JobMemory(kind, None, width, params)
    return JobMemory(kind, params * width / 1e9, width, params)
