"""The sizing engine: memory, fit, speed and cost arithmetic with stated assumptions (pure).

Nothing here imports LangChain, Chroma or Gradio; every result carries its breakdown and the
assumptions it used, so an answer can show its working.
"""

from ._assumptions import Assumption, Assumptions, load_assumptions
from ._batch import largest_batch, longest_sequence
from ._fit import Fit, FitReport, NoFit, context_room, fit_at, fit_count, fit_gpu, fp8_weight_only, rank_fits
from ._jobs import JobMemory, weights_job_memory
from ._levers import Lever, memory_levers
from ._local_speed import LocalSpeed, decode_efficiency_key, estimate_local_speed
from ._memory import (
    MemoryEstimate,
    MemoryItem,
    estimate_memory,
    kv_cache_bytes_per_token,
    lora_adapter_params,
    offload_cpu_ram_gb,
)
from ._runtime import (
    LOCAL_RUNTIMES,
    RUNTIMES,
    CpuSpeed,
    Offload,
    cpu_speed,
    free_ram_gb,
    is_local,
    machine_ram_gb,
    offload,
    runtime_label,
    usable_memory_gb,
    within_raised_share,
)
from ._speed import (
    Replicas,
    ServingSpeed,
    TrainingTime,
    estimate_serving,
    estimate_training_time,
    gpus_for_deadline,
    replicas_for,
    tensor_parallel_scaling,
    training_tokens_per_s,
)
from ._tools import FinetuneTool, finetune_tool_in, load_finetune_tools, without_tool_names
from ._workload import Task, Workload, format_params, shape_for

__all__ = [
    "LOCAL_RUNTIMES",
    "RUNTIMES",
    "Assumption",
    "Assumptions",
    "CpuSpeed",
    "FinetuneTool",
    "Fit",
    "FitReport",
    "JobMemory",
    "Lever",
    "LocalSpeed",
    "MemoryEstimate",
    "MemoryItem",
    "NoFit",
    "Offload",
    "Replicas",
    "ServingSpeed",
    "Task",
    "TrainingTime",
    "Workload",
    "context_room",
    "cpu_speed",
    "decode_efficiency_key",
    "estimate_local_speed",
    "estimate_memory",
    "estimate_serving",
    "estimate_training_time",
    "finetune_tool_in",
    "fit_at",
    "fit_count",
    "fit_gpu",
    "format_params",
    "fp8_weight_only",
    "free_ram_gb",
    "gpus_for_deadline",
    "is_local",
    "kv_cache_bytes_per_token",
    "largest_batch",
    "load_assumptions",
    "load_finetune_tools",
    "longest_sequence",
    "lora_adapter_params",
    "machine_ram_gb",
    "memory_levers",
    "offload",
    "offload_cpu_ram_gb",
    "rank_fits",
    "replicas_for",
    "runtime_label",
    "shape_for",
    "tensor_parallel_scaling",
    "training_tokens_per_s",
    "usable_memory_gb",
    "weights_job_memory",
    "within_raised_share",
    "without_tool_names",
]
