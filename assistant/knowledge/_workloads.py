"""Non-LLM workloads (image generation, speech, embeddings, vision training): sourced figures per setting (pure).

LLM arithmetic does not carry over to diffusion models, Whisper or ResNets, so each figure here is a
measurement, a published requirement or — labelled as such — plain weight arithmetic, with its source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._data import corpus_dir, load_rows
from ._names import NamedRecords, NameIndex

__all__ = [
    "KindEstimate",
    "RateUnit",
    "ScaledRun",
    "SpeedCheck",
    "TrainingCost",
    "WorkRun",
    "WorkloadFact",
    "WorkloadSpec",
    "Workloads",
    "batch_of",
    "batch_said",
    "default_run",
    "kind_in_text",
    "load_workloads",
    "part_only",
    "scaled_run",
    "scaled_to_batch",
    "scaled_to_size",
    "seconds_per_iteration",
    "speed_check",
    "training_cost",
    "work_run",
]

Basis = Literal["measured", "published", "arithmetic"]
# what a rate counts: seconds of audio transcribed, images generated, texts (sentences, passages) embedded, frames
# of live video processed
RateUnit = Literal["seconds of audio", "images", "texts", "frames"]

_SEPARATORS = re.compile(r"[-_/]+")
# a size word hyphenated to a short name before it ("GPT-xl model", "t5-large"): one name, read whole
_SIZE_SUFFIX = re.compile(r"(?i)\b([a-z]{2,4}\d?)-(xl|xxl|large|base|small|medium|tiny)\b")


class WorkloadFact(BaseModel):
    """One sourced figure: memory (GB) and/or time (hours) for one task and setting."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    task: str = Field(min_length=3, description="inference, training, DreamBooth training, LoRA training…")
    setting: str = Field(
        min_length=5, description="Precision, resolution, tool and options the figure holds for."
    )
    memory_gb: float | None = Field(default=None, gt=0, le=2000, description="GPU memory, GB.")
    hours: float | None = Field(default=None, gt=0, description="Wall-clock hours for the job.")
    gpus: int | None = Field(default=None, ge=1, description="GPUs the time was measured on.")
    gpu: str | None = Field(default=None, description="The catalog GPU the time was measured on.")
    hardware: str | None = Field(default=None, description="Where a memory figure was measured, if said.")
    rate: float | None = Field(
        default=None,
        gt=0,
        description="Work done per second in this setting (seconds of audio, images or texts; see rate_unit), on "
        "`gpus` x `gpu` when those are given, else on `hardware`.",
    )
    rate_unit: RateUnit | None = Field(default=None, description="What `rate` counts per second.")
    offload: bool = Field(
        default=False,
        description="The setting streams weights, optimizer state or blocks from CPU RAM (sequential CPU offload, "
        "DeepSpeed offload, block swap): it fits the memory at a large cost in speed.",
    )
    needs_cuda: bool = Field(
        default=False,
        description="The setting runs only on CUDA GPUs: bitsandbytes (NF4, 8-bit Adam, 8-bit loading) and fp8 "
        "weights, which PyTorch's Metal (MPS) backend cannot hold; a Mac is not offered it.",
    )
    default: bool = Field(
        default=False,
        description="The model's reference tool at its own default settings (openai/whisper fp16, the full Bark "
        "models): what a user who changed nothing runs, so the figure an answer leads with when the question names "
        "no tool, setting or card and does not ask for the minimum.",
    )
    basis: Basis
    source: str = Field(min_length=8)
    as_of: dt.date

    @model_validator(mode="after")
    def _has_a_number(self) -> WorkloadFact:
        if self.memory_gb is None and self.hours is None and self.rate is None:
            raise ValueError("a fact needs memory_gb, hours or rate")
        if self.hours is not None and self.gpus is None:
            raise ValueError("hours need the number of gpus they were measured on")
        if self.gpus is not None and self.hours is None and self.rate is None:
            raise ValueError("gpus go with hours or a rate")
        if (self.rate is None) != (self.rate_unit is None):
            raise ValueError("rate and rate_unit go together")
        if self.rate is not None and self.gpu is None and self.hardware is None:
            raise ValueError("a rate says where it was measured (gpu or hardware)")
        return self

    @property
    def rate_gpus(self) -> int:
        """GPUs the rate was measured on (one unless the source says more)."""
        return self.gpus or 1

    def measured_on(self, gpu_name: str) -> bool:
        """Whether this figure was measured on ``gpu_name`` (a catalog name): the same catalog GPU, or a source
        that names only the family ("A100", variant not stated) that the catalog name belongs to."""
        if self.gpu is not None:
            return self.gpu == gpu_name
        if self.hardware is None:
            return False
        family = self.hardware.split(" (")[0].strip().lower()
        name = gpu_name.lower()
        return name == family or name.startswith(family + " ")


class WorkloadSpec(BaseModel):
    """A non-LLM model and its sourced figures."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    technique_aliases: tuple[str, ...] = Field(
        default=(),
        description="Words for a technique or tool built around this model (DreamBooth, ControlNet, whisper.cpp): "
        "they select it only when the text names no model.",
    )
    kind: Literal[
        "image generation",
        "video generation",
        "image animation",
        "speech recognition",
        "speech synthesis",
        "audio generation",
        "embeddings",
        "reranker",
        "vision training",
        "vision inference",
        "3D generation",
        "image restoration",
    ]
    params_m: float | None = Field(
        default=None,
        gt=0,
        description="Parameters, millions; None when no source states the count (a tool of several small networks "
        "whose total is not published): answers then say it is not on record rather than guess one.",
    )
    params_note: str = ""
    research: bool = Field(
        default=False,
        description="A research release (paper code, no community tooling): its figures are its own scripts at "
        "their defaults, unoptimised. A model of its kind that is not on record is estimated from these rather than "
        "from the popular models whose figures come from optimised tools (see Workloads.kind_estimate).",
    )
    input: Literal["image", "video", "views"] = Field(
        default="image",
        description="What one run of a vision model takes in: one image (detection, segmentation, depth, pose, OCR), "
        "a video (its frames held or tracked together) or several views of a scene (multi-view stereo cost volumes). "
        "A vision model not on record is estimated from those on record that take in what it does: a network run "
        "on one image needs a few GB, a video or multi-view run several times that (see Workloads.kind_estimate).",
    )
    diffusion: bool = Field(
        default=False,
        description="A vision model that runs a diffusion generator's denoiser (Marigold on Stable Diffusion 2, "
        "DepthCrafter on Stable Video Diffusion): a generator's weights and steps, not one pass of a small network.",
    )
    base: str | None = Field(
        default=None,
        description="For a research release built on a model on record (InstantID on SDXL): that model's name. The "
        "gap between the two default runs is what a tool adds to its base (see Workloads.base_additions).",
    )
    software: str | None = Field(
        default=None,
        description="The row of corpus/software.yaml its code runs on (3D Gaussian Splatting's CUDA rasterizer): "
        "where that row says it does not run (the CPU alone, a stack it lacks), no memory figure makes it run.",
    )
    facts: tuple[WorkloadFact, ...] = Field(min_length=1)

    def smallest_memory(self, task_word: str = "") -> WorkloadFact | None:
        """The fact with the least memory among those whose task mentions ``task_word``."""
        rows = [f for f in self.facts if f.memory_gb is not None and task_word.lower() in f.task.lower()]
        return min(rows, key=lambda f: f.memory_gb or 0.0) if rows else None


# kinds whose research releases are diffusion or transformer generators run the same way (a denoiser over latents,
# text and image encoders, a VAE): when one of them has too few research releases on record, they are pooled. Image
# restoration is not among them: its words cover small upscalers and face restorers (Real-ESRGAN, GFPGAN) as much as
# diffusion restorers, so only its own releases estimate it
_GENERATIVE_KINDS = frozenset(["image generation", "video generation", "3D generation"])
_ESTIMATE_MIN_MODELS = 3
# kinds whose research releases estimate only their own kind, never the pool of every research release
_OWN_ESTIMATE_KINDS = frozenset(["vision inference"])
# kinds of small models (a text-to-speech model of a few hundred million parameters and its vocoder) with too few
# research releases on record: every model of the kind on record estimates one not on record, the popular tools'
# figures with the research ones, rather than the first of the kind standing in (Bark's three models, 12 GB, for
# any TTS)
_WHOLE_KIND_ESTIMATE = frozenset(["speech synthesis"])


@dataclass(frozen=True)
class KindEstimate:
    """What a model not on record probably needs: the default-run figures of the research releases on record of its
    kind (``pooled``: of every generative kind, when its own has too few), their median (the upper of two middles)
    and range. An estimate from other models, which answers must label as one."""

    kind: str
    training: bool
    median_gb: float
    quartile_gb: float  # the lower quartile: what the least asked ("minimum VRAM?") is estimated by
    low_gb: float
    high_gb: float
    models: tuple[str, ...]
    sources: tuple[str, ...]
    pooled: bool
    research_only: bool = (
        True  # False: every model of the kind on record, popular tools too (_WHOLE_KIND_ESTIMATE)
    )
    # the part of its kind it was estimated from, when narrower ("single-image": vision models run on one image)
    scope: str = ""
    count: int = 0  # how many releases it goes by (len(models)), a number its answers print


@dataclass(frozen=True)
class LeverSpan:
    """How far the memory levers of a kind of model reach, read from the rows on record: the largest ratio between
    one model's heaviest and lightest setting for one task (fp16, offloading, fewer-bit weights, a smaller batch,
    resolution or frame count). A measured span, not a promise for another model."""

    kind: str
    model: str
    task: str
    high: WorkloadFact
    low: WorkloadFact

    @property
    def ratio(self) -> float:
        return (self.high.memory_gb or 0.0) / (self.low.memory_gb or 1.0)


class Workloads(NamedRecords[WorkloadSpec]):
    """The non-LLM workloads in file order, with name lookup."""

    _techniques: NameIndex

    def __new__(cls, records, source="<records>"):
        self = super().__new__(cls, records, source)
        self._techniques = NameIndex({r.name: r.technique_aliases for r in self if r.technique_aliases})
        return self

    def find_in_text(self, text: str) -> list[WorkloadSpec]:
        """Models named in ``text`` (first mention first); when none is named, the models a technique or tool
        word points to (see :meth:`assumed_from`)."""
        return self._named(text) or self._by_technique(text)

    def named_in(self, text: str) -> list[WorkloadSpec]:
        """Models named in ``text`` by name or alias only (no technique word standing in for one)."""
        return self._named(text)

    def _named(self, text: str) -> list[WorkloadSpec]:
        # a model named inside a longer hyphenated id ('flux-dev-fp8', 'org/sdxl-lora') is found on a second pass,
        # where a size word joined to a short name ('GPT-xl', 'T5-large') stays part of that name, not an alias
        # of its own ('xl model')
        joined = _SIZE_SUFFIX.sub(r"\1\2", text)
        return super().find_in_text(text) or super().find_in_text(_SEPARATORS.sub(" ", joined))

    def assumed_from(self, text: str) -> list[WorkloadSpec]:
        """Models that ``text`` points to only through a technique or tool word (DreamBooth -> SD 1.5), and only
        when it names no model itself."""
        return [] if self._named(text) else self._by_technique(text)

    def stand_in(self, text: str, training: bool) -> WorkloadSpec | None:
        """For a question about a model that is not on record but whose kind the words say ('a video restoration
        tool', 'YOLO training', 'a try-on diffusion model') or whose name starts like a family on record
        ('HunyuanCustom', 'YOLOv5', 'Flux Kontext'), the nearest model on record with figures for the task asked
        (training or inference): one of that family when there is one, else the first of that kind; None when
        neither is said or nothing of it is on record. Its figures are another model's: answers must label
        them so."""
        family = self.family_in_text(text)
        kind = kind_in_text(text) or (family.kind if family else None)
        if kind is None:
            return None
        if reconstruction_in_text(text):
            # a scene fitted from photos (a NeRF, Gaussian splats): the reconstruction method on record, whose
            # training figures bound a run too, never a text- or image-to-3D generator's
            fitted = [w for w in self if reconstruction_in_text(" ".join((w.name, *w.aliases)))]
            if fitted:
                return fitted[0]
        fits = [
            w
            for w in self
            # a memory or time figure for the task asked: a model with only a measured speed for it (Detectron2's
            # inference rate) would lend its figures for the other task
            if w.kind == kind
            and any(
                ("train" in f.task.lower()) == training and (f.memory_gb is not None or f.hours is not None)
                for f in w.facts
            )
        ]
        if family is not None and family.kind == kind:
            relatives = [w for w in fits if _stems(w) & _stems(family)]
            if relatives:
                return relatives[0]
        if kind == "3D generation" and not reconstruction_in_text(text):
            # a 3D generator (text- or image-to-3D, a 3D editing pipeline) is no scene fitted from photos: a
            # reconstruction method's training figures (Gaussian splatting's) are no guide for it
            fits = [w for w in fits if not reconstruction_in_text(" ".join((w.name, *w.aliases)))]
        if kind == "vision training" and not training:
            # a detector, segmenter or depth model not on record, run: the vision releases run for inference estimate
            # it (see kind_estimate); a classifier's or SAM's own inference figure is no guide for another network
            return None
        # else one whose names share a word with the question ('ViT-L/14' -> the ViT-B/16; not a word any model of
        # the kind may use, like 'video' or 'stable'), else the first of its kind; for generative kinds, whose models
        # differ by size rather than task, a typical one (see _typical)
        words = {
            t
            for t in _TOKEN.findall(text.lower())
            if len(t) >= 3 and not t.isdigit() and t not in _NOT_A_FAMILY and t not in _KIND_WORDS
        }
        # research releases estimate a model not on record by their kind's median (see kind_estimate), and stand in
        # only for their own family: one repository's figure is no guide for another (RealRestorer for SwinIR)
        fits = [w for w in fits if not w.research] or fits
        sharing = [w for w in fits if words & _tokens((w.name, *w.aliases))]
        typical = (
            _typical(fits, training) if kind.endswith(("generation", "synthesis", "animation")) else fits
        )
        found = (sharing or typical or [None])[0]
        if found is None and kind in _ENCODERS:
            # "fine-tuning my s-bert OOMs": no encoder has a training figure on record; one of its kind stands in,
            # its figures labelled as inference ones, with what lowers training memory for encoders
            found = next((w for w in self if w.kind == kind), None)
        return found

    def size_sibling(self, spec: WorkloadSpec, params: float) -> WorkloadSpec | None:
        """Another model on record of ``spec``'s family and kind whose parameter count is about ``params`` (within a
        third either way): the size a question names when ``spec`` is another one ('Wan 2.2 14B' where the name
        found the 5B); None when no such size is on record."""
        return next(
            (
                w
                for w in self
                if w is not spec
                and w.kind == spec.kind
                and w.params_m
                # one release of one family: the first word of the names ("Wan2.2 TI2V-5B", "Wan2.2 A14B")
                and w.name.split()[0].lower() == spec.name.split()[0].lower()
                and 2 / 3 <= params / 1e6 / w.params_m <= 1.5
            ),
            None,
        )

    def lever_span(self, kind: str, training: bool) -> LeverSpan | None:
        """The widest span between one model's heaviest and lightest sized setting of one task, over the models of
        ``kind`` on record run by tools with memory options (research releases, their own scripts at defaults, show
        none), training or run as ``training`` says: how much the settings of that kind can cut memory. None when
        no such model has two sized settings of one task."""
        best: LeverSpan | None = None
        for spec in self:
            if spec.kind != kind or spec.research:
                continue
            by_task: dict[str, list[WorkloadFact]] = {}
            for fact in spec.facts:
                if fact.memory_gb is not None and ("train" in fact.task.lower()) == training:
                    by_task.setdefault(fact.task.lower(), []).append(fact)
            for task, rows in by_task.items():
                if len(rows) < 2:
                    continue
                high = max(rows, key=lambda f: f.memory_gb or 0.0)
                low = min(rows, key=lambda f: f.memory_gb or 0.0)
                span = LeverSpan(kind, spec.name, task, high, low)
                if best is None or span.ratio > best.ratio:
                    best = span
        return best

    def base_additions(self) -> tuple[tuple[str, str, float], ...]:
        """What each research release on record built on a model on record needs beyond that base, at both their
        default runs for inference: (tool, base, GB added), smallest first. A tool's own networks, frames and
        resolution come on top of its base; these are how much they came to."""
        added = []
        for spec in self:
            base = self.by_name(spec.base) if spec.base else None
            if base is None:
                continue
            own = default_run([f for f in spec.facts if "train" not in f.task.lower()])
            under = default_run([f for f in base.facts if "train" not in f.task.lower()])
            if own is None or under is None or own.memory_gb is None or under.memory_gb is None:
                continue
            added.append((spec.name, base.name, round(own.memory_gb - under.memory_gb, 1)))
        return tuple(sorted(added, key=lambda row: row[2]))

    def research_estimate(self, training: bool = False) -> KindEstimate | None:
        """The estimate for a research release whose kind is not said either (a repository asked about by its name
        alone): from the default runs of every research release on record, of any kind (see :class:`KindEstimate`;
        its ``kind`` is then "research release"). Vision models run for inference (depth, segmentation, stereo) are
        left out: they need a fraction of a generator's memory, and a release asked about by name alone is far more
        often a generator; a vision one is estimated from its own kind once its words say so. Trained, every
        research release with a training figure estimates it, vision ones too: training figures are few, and a
        release's training memory is set by its batch and input size as much as by its kind."""
        return self._estimate("research release", None, training)

    def kind_estimate(
        self, kind: str, training: bool = False, text: str | None = None
    ) -> KindEstimate | None:
        """The estimate for a model of ``kind`` that is not on record (see :class:`KindEstimate`): from the default
        run (see :func:`default_run`) of each research release of that kind with a figure for the task; pooled over
        the generative kinds when fewer than three are; None when still fewer than three. Vision words (a depth,
        segmentation, detection or pose model) are read as "vision training"; run rather than trained, such a model is
        estimated from the vision models on record run for inference, and of those from the ones that take in what
        ``text`` says it does (see :func:`vision_input_in_text`) when three or more do: a detector, depth or pose
        network run once on a photo needs a few GB, a video or multi-view run several times that."""
        if kind == "vision training" and not training:
            kind = "vision inference"
        scope = vision_input_in_text(text) if kind == "vision inference" and text is not None else None
        if scope is not None and text is not None:
            # what the model takes in (one image, a video, several views) and whether it runs a diffusion denoiser
            # set its memory far more than its task word: those on record taking in the same estimate it
            diffusion = bool(_DIFFUSION_WORDS.search(text.lower()))

            def same(spec: WorkloadSpec) -> bool:
                return spec.input == scope and spec.diffusion == diffusion

            narrowed = self._estimate(kind, frozenset([kind]), training, same)
            if narrowed is not None:
                label = _SCOPE_LABELS[scope] + (" diffusion-based" if diffusion else "")
                return replace(narrowed, scope=label)
        if kind == "vision inference" and text is not None and scope != "image":
            # several networks chained, or a video or diffusion-based model with too few of its own on record: the
            # releases heavier than one network's single pass over one image estimate it, never those light ones
            heavier = self._estimate(kind, frozenset([kind]), training, _heavier_than_one_pass)
            if heavier is not None:
                return replace(heavier, scope="heavier")
        return self._estimate(kind, frozenset([kind]), training)

    def _estimate(
        self,
        kind: str,
        kinds: frozenset[str] | None,
        training: bool,
        keep: Callable[[WorkloadSpec], bool] | None = None,
    ) -> KindEstimate | None:
        def runs(
            kinds: frozenset[str] | None, research: bool = True
        ) -> list[tuple[WorkloadSpec, WorkloadFact]]:
            found = []
            for spec in self:
                if (research and not spec.research) or (kinds is not None and spec.kind not in kinds):
                    continue
                if keep is not None and not keep(spec):
                    continue
                if kinds is None and spec.kind in _OWN_ESTIMATE_KINDS and not training:
                    continue
                task = [f for f in spec.facts if ("train" in f.task.lower()) == training]
                run = default_run(task)
                if run is not None and run.memory_gb is not None:
                    found.append((spec, run))
            return found

        pooled = kinds is None
        found = runs(kinds)
        if (
            len(found) < _ESTIMATE_MIN_MODELS and kind in _GENERATIVE_KINDS
        ):  # each has enough of its own today
            found, pooled = runs(_GENERATIVE_KINDS), True
        research_only = True
        if len(found) < _ESTIMATE_MIN_MODELS and kind in _WHOLE_KIND_ESTIMATE and kinds is not None:
            found, research_only = runs(kinds, research=False), False
        if len(found) < _ESTIMATE_MIN_MODELS:
            return None
        found.sort(key=lambda pair: pair[1].memory_gb or 0.0)
        sizes = [run.memory_gb or 0.0 for _, run in found]
        return KindEstimate(
            kind=kind,
            training=training,
            median_gb=sizes[len(sizes) // 2],  # the upper of two middles, as _typical: estimates had sat low
            quartile_gb=sizes[len(sizes) // 4],
            low_gb=sizes[0],
            high_gb=sizes[-1],
            models=tuple(spec.name for spec, _ in found),
            sources=tuple(run.source for _, run in found),
            pooled=pooled,
            research_only=research_only,
            count=len(found),
        )

    def family_in_text(self, text: str) -> WorkloadSpec | None:
        """The first model on record whose family name begins a word of ``text`` ('hunyuan' in 'HunyuanCustom',
        'yolo' in 'yolov5', 'flux' in 'fluxgym'): the family a model not on record belongs to, or None."""
        words = _WORD.findall(text.lower())
        return next(
            (w for w in self if any(word.startswith(stem) for stem in _stems(w) for word in words)), None
        )

    def _by_technique(self, text: str) -> list[WorkloadSpec]:
        # a tool word inside a file or package name ('ggml-large-v2.bin') is found on a second pass
        names = self._techniques.find_in_text(text) or self._techniques.find_in_text(
            _SEPARATORS.sub(" ", text)
        )
        return [self.by_name(name) for name in names]


_WORD = re.compile(r"[a-z][a-z0-9]*")
# first words of names that are ordinary words or brands, not a model family ("stable diffusion", "segment anything")
_NOT_A_FAMILY = frozenset(
    [
        "stable",
        "video",
        "large",
        "small",
        "medium",
        "base",
        "tiny",
        "segment",
        "music",
        "speech",
        "image",
        "text",
        "semantic",  # "semantic segmentation" is a task, not NVIDIA's semantic-segmentation repository
        "suno",
        "faster",  # "faster r-cnn": and "is vLLM supposed to be faster?"
        "mask",
        "cascade",
        # ordinary words that begin research releases' names ("Dream3DVG", "RealRestorer", "DiffFace"): "dreambooth",
        # "really", "diffusion" and "controlnet" are no kin of theirs
        "dream",
        "real",
        "diff",
        "control",
        "instant",
        "direct",
        "omni",
        "infinity",
        "vivid",
        # ordinary words that begin vision releases' names ("Depth Crafter", "Grounded-SAM-2")
        "depth",
        "grounded",
        # words that begin releases' names but say no kinship: "at the first step" (Step1X-3D), "a diffusion model"
        # (diffusion-bridge), any NeRF (the original bmild/nerf), SkyReels' text-to-video vs portrait-animation models
        "step",
        "diffusion",
        "nerf",
        "skyreels",
        # everyday words and a maker's name that begin releases' aliases ("live portrait", "retrieval-based voice
        # conversion", "microsoft trellis", "muse talk", "MoDA"): "we can live with int4", "retrieval-augmented
        # generation", "Microsoft's Phi", "on Modal" name none of them
        "live",
        "retrieval",
        "microsoft",
        "muse",
        "moda",
    ]
)


# words a model of any kind may carry in its name ("stable video diffusion", "wan video"): no sign of kinship
_KIND_WORDS = frozenset(
    [
        "diffusion",
        "model",
        "models",
        "generation",
        "editing",
        "audio",
        "vision",
        "embed",
        "portrait",
        "talking",
        "live",
        "animate",
        "animation",
        "anyone",
        "anything",
        # the medium a model makes or reads says its kind, not its family ("Kandinsky Video" is no StableVideo)
        "video",
        "videos",
        "image",
        "images",
        "speech",
        "voice",
        "music",
        "stable",
    ]
)


def _typical(specs: list[WorkloadSpec], training: bool) -> list[WorkloadSpec]:
    """``specs`` led by the typical one to stand in for a model not on record: among those with a figure for the task
    that keeps everything on the GPU (what a user's default run needs), the one whose smallest such figure is the
    median of theirs (the upper of two middles); a model whose only figures are offloading recipes understates a default run. ``specs`` as
    given when none has such a figure."""

    def direct(w: WorkloadSpec) -> float | None:
        sized = [
            f.memory_gb
            for f in w.facts
            if f.memory_gb is not None and not f.offload and ("train" in f.task.lower()) == training
        ]
        return min(sized) if sized else None

    ranked = sorted((w for w in specs if direct(w) is not None), key=lambda w: direct(w) or 0.0)
    if not ranked:
        return specs
    middle = ranked[len(ranked) // 2]  # the upper one of an even count: estimates had sat low
    return [middle, *(w for w in specs if w is not middle)]


# settings that trade quality or speed for memory: quantized or fp8 weights, tiled or sliced decoding, 8-bit
# optimizers. What a user who asks for less memory runs, not what the tool's own example needs.
_LEAN_SETTING = re.compile(
    r"\bfp8\b|\bnf4\b|\b[2-8][- ]?bit\b|\bint[48]\b|\bgguf\b|\bq[2-8](?:_k\w*|_\d)?\b|\bquantiz\w*"
    r"|\btil(?:ed|ing)\b|\bslic(?:ed|ing)\b"
)
# weight arithmetic for one part of a pipeline ("transformer weights alone", "excluding the text encoders"):
# a floor under the whole run, which also holds the rest of the pipeline and the activations
_PART_ONLY = re.compile(r"\balone\b|\bexcluding\b|\bcomes? on top\b")


def lean_inference(fact: WorkloadFact) -> bool:
    """Whether ``fact`` is an inference setting that trades quality or speed for memory (quantized or fp8 weights,
    tiled or sliced decoding): a recipe to choose, not what the tool runs by default."""
    return "train" not in fact.task.lower() and bool(_LEAN_SETTING.search(fact.setting.lower()))


_SIZE_SAID = re.compile(r"\b(\d{3,4})\s*[x\u00d7*]\s*(\d{3,4})\b")
_HEIGHT_SAID = {"720p": (720, 1280), "1080p": (1080, 1920)}
_FRAMES_SAID = re.compile(r"\b(\d{1,4})\s*(?:frames?\b|f\b)")


# a second pass at a larger size: A1111's hires fix, an upscale by a factor ("hires fix 2x from 1024", "upscale by 1.5")
_UPSCALE_SAID = re.compile(r"\bhi(?:gh)?[- .]?res(?:olution)?[- .]?fix\b|\bhires\b|\bupscal\w*")
_FACTOR_SAID = re.compile(r"(?<![\d.])(\d(?:\.\d{1,2})?)\s*[x\u00d7](?![\d\w])|\bby\s+(\d(?:\.\d{1,2})?)\b")
# the side a square image is said by ("from 1024", "1024px", "at 768"), when no width x height is
_SIDE_SAID = re.compile(r"(?<![\w.])(\d{3,4})\s*(?:px|pixels?)?\b(?!\s*[x\u00d7*]\s*\d)")


def _upscaled(text: str) -> tuple[int, int] | None:
    """The (width, height) a second pass upscaled by a factor renders at ("hires fix 2x from 1024" -> 2048x2048), from
    the size said (a width x height, else one side of a square); None when no upscale, factor or size is said."""
    if not _UPSCALE_SAID.search(text):
        return None
    factor = _FACTOR_SAID.search(text)
    size = _SIZE_SAID.search(text)
    side = _SIDE_SAID.search(text)
    if factor is None or (size is None and side is None):
        return None
    k = float(factor.group(1) or factor.group(2))
    width, height = (int(size.group(1)), int(size.group(2))) if size else (int(side.group(1)),) * 2
    if not 1 < k <= 8 or not 256 <= width <= 4096:
        return None
    return round(width * k), round(height * k)


def _size_in(text: str) -> tuple[int, int] | None:
    """The (pixels, frames) a text states: a frame size ('1280x720', '720p', the size a hires-fix pass upscales to)
    and, when said, a frame count (else 0)."""
    t = text.lower()
    m = _SIZE_SAID.search(t)
    pixels = int(m.group(1)) * int(m.group(2)) if m else None
    if (upscaled := _upscaled(t)) is not None:
        pixels = upscaled[0] * upscaled[1]
    if pixels is None:
        height = next((wh for word, wh in _HEIGHT_SAID.items() if re.search(rf"\b{word}\b", t)), None)
        pixels = height[0] * height[1] if height else None
    if pixels is None:
        return None
    frames = _FRAMES_SAID.search(t)
    return pixels, int(frames.group(1)) if frames else 0


def scaled_to_size(spec: WorkloadSpec, text: str) -> WorkloadSpec:
    """``spec`` with one more inference setting when ``text`` asks a frame size (and frame count) that no inference
    setting on record was measured at: the reference run at its own size (see :func:`default_run`), its activations
    (that figure less the weights-alone arithmetic on record) scaled by the pixels (x frames) asked, plus the
    weights: explicit arithmetic (activation memory grows with the pixels and frames generated at once; the weights
    do not). ``spec`` unchanged when no size is asked, one on record matches it, the size asked is no larger than the
    reference's, or no weights figure at the reference's precision is on record."""
    asked = _size_in(text)
    if asked is None:
        return spec
    inference = [f for f in spec.facts if "train" not in f.task.lower() and f.memory_gb is not None]
    if any(_size_in(f.setting) is not None and _size_in(f.setting)[0] == asked[0] for f in inference):
        return spec
    # weights at the reference's own precision: a quantized part (an NF4 or fp8 transformer) is no floor under it
    weights = [
        f
        for f in inference
        if (part_only(f) or "weights alone" in f.setting.lower())
        and not _LEAN_SETTING.search(f.setting.lower())
    ]
    reference = default_run([f for f in inference if f not in weights and not f.offload])
    if not weights or reference is None or reference.basis == "arithmetic":
        return spec
    measured = _size_in(reference.setting)
    floor = min(f.memory_gb or 0.0 for f in weights)
    if measured is None or (reference.memory_gb or 0.0) <= floor:
        return spec
    ratio = asked[0] / measured[0]
    if asked[1] and measured[1]:
        ratio *= asked[1] / measured[1]
    if ratio <= 1:  # a smaller size needs no more than the reference run: its figure stays the answer
        return spec
    activations = (reference.memory_gb or 0.0) - floor
    total = round(floor + activations * ratio, 1)
    if not 0 < total <= 2000:
        return spec
    size, upscaled = _SIZE_SAID.search(text.lower()), _upscaled(text.lower())
    said = (
        f"{upscaled[0]}x{upscaled[1]} (the upscaled pass)"
        if upscaled
        else f"{size.group(1)}x{size.group(2)}"
        if size
        else next(w for w in _HEIGHT_SAID if w in text.lower())
    )
    scaled = WorkloadFact(
        task="inference",
        setting=(
            f"scaled to {said}{f', {asked[1]} frames' if asked[1] and measured[1] else ''} from the reference run "
            f"({reference.setting}): weights {floor:.1f} GB + its activations {activations:.1f} GB x {ratio:.2f} "
            "(pixels x frames asked / measured); an estimate, not a measurement"
        ),
        memory_gb=total,
        basis="arithmetic",
        source=reference.source,
        as_of=reference.as_of,
    )
    if upscaled:  # the second pass is the run asked: no figure at the first pass's size answers for it
        kept = tuple(f for f in spec.facts if "train" in f.task.lower())
        return spec.model_copy(update={"facts": (scaled, *kept)})
    return spec.model_copy(update={"facts": (*spec.facts, scaled)})


# a training profile taken at one input size and batch ("YOLOv8s at imgsz=640, batch 16, as profiled by ...")
_PROFILE = re.compile(r"\bimgsz=(\d{3,4}), batch (\d{1,4})\b")
# the input size a detector is trained at, as people write it: "imgsz 1024", "imgsz=1280", "--img 1280",
# "image size 960", "img size of 1280", "at 1280x1280"
_IMGSZ_SAID = re.compile(
    r"\bimg[_ -]?(?:sz|size)?\s*(?:=|:|of)?\s*(\d{3,4})\b|--img(?:sz)?\s*[= ]\s*(\d{3,4})\b"
    r"|\b(?:image|input) size\s*(?:=|:|of)?\s*(\d{3,4})\b|\b(\d{3,4})\s*[x×]\s*(\d{3,4})\b"
)
_BATCH_SAID = re.compile(
    r"\bbatch(?:[_ -]?size)?\s*(?:=|:|of|is)?\s*(\d{1,4})\b|--batch(?:[_-]size)?\s*[= ]\s*(\d{1,4})\b"
    r"|\b(\d{1,4})\s+(?:images?\s+)?per batch\b"
    r"|\b(\d{1,4})\s+(?:images?|pics|pictures|renders)\s+(?:at once|in (?:one|a|a single) batch|simultaneously)\b"
)


def _imgsz_said(text: str) -> int | None:
    m = _IMGSZ_SAID.search(text)
    if m is None:
        return None
    if m.group(4) and m.group(5) and m.group(4) != m.group(5):
        return None  # "1280x720": not the square input size a detector is trained at
    value = int(next(g for g in m.groups() if g))
    return value if 160 <= value <= 4096 else None


def _batch_said(text: str) -> int | None:
    m = _BATCH_SAID.search(text)
    if m is None:
        return None
    value = int(next(g for g in m.groups() if g))
    return value if 1 <= value <= 1024 else None


def scaled_to_training_input(spec: WorkloadSpec, text: str) -> WorkloadSpec:
    """``spec`` with its training profiles taken at one input size and batch ("imgsz=640, batch 16") rescaled to the
    input size and batch ``text`` trains at, when it says one that no profile was taken at: each profile's memory x
    (size asked / size profiled)^2 x (batch asked / batch profiled), explicit arithmetic (activation memory, which
    dominates a detector's training memory, grows with the pixels per image and the images per batch, the linear
    model Ultralytics' AutoBatch itself fits). With a batch said, the one profile nearest it (the largest batch at
    or below it, else the smallest) is scaled; the profiles replace the ones they scale, so no figure at another
    size or batch answers for the user's. ``spec`` unchanged when nothing new is said."""
    lowered = text.lower()
    size, batch = _imgsz_said(lowered), _batch_said(lowered)
    profiles = [
        (f, int(m.group(1)), int(m.group(2)))
        for f in spec.facts
        if "train" in f.task.lower() and f.memory_gb is not None and (m := _PROFILE.search(f.setting))
    ]
    if not profiles or (size is None and batch is None):
        return spec
    if any((size is None or s0 == size) and (batch is None or b0 == batch) for _, s0, b0 in profiles):
        return spec  # the size and batch asked are on record
    if batch is not None:
        below = [p for p in profiles if p[2] <= batch]
        chosen = [max(below, key=lambda p: p[2]) if below else min(profiles, key=lambda p: p[2])]
    else:
        chosen = profiles
    scaled = []
    for fact, s0, b0 in chosen:
        s1, b1 = size or s0, batch or b0
        ratio = (s1 / s0) ** 2 * (b1 / b0)
        memory = round((fact.memory_gb or 0.0) * ratio, 1)
        if not 0 < memory <= 2000:
            return spec
        scaled.append(
            WorkloadFact(
                task=fact.task,
                setting=(
                    f"{spec.name} at imgsz={s1}, batch {b1}: its imgsz={s0}, batch {b0} profile "
                    f"({fact.memory_gb:g} GB) x {ratio:.2f} ((imgsz {s1}/{s0})^2 x batch {b1}/{b0}); activation "
                    "memory grows with the pixels per image and the batch; an estimate, not a measurement"
                ),
                memory_gb=memory,
                basis="arithmetic",
                hardware=fact.hardware,
                default=fact.default or len(chosen) == 1,
                source=fact.source,
                as_of=fact.as_of,
            )
        )
    kept = [f for f in spec.facts if all(f is not c[0] for c in profiles)]
    return spec.model_copy(update={"facts": (*scaled, *kept)})


# the batch an inference measurement was taken at, as its setting states it ("1024x1024, batch 4, 30 steps")
_INFERENCE_BATCH = re.compile(r"\bbatch (\d{1,4})\b")


def batch_said(text: str) -> int | None:
    """The batch ``text`` states ("batch 8", "batch size of 4", "--batch_size 16", "4 images per batch"), else None."""
    return _batch_said(text.lower())


def scaled_to_batch(spec: WorkloadSpec, text: str) -> WorkloadSpec:
    """``spec`` with its inference settings measured at another batch than the one ``text`` asks dropped, so the
    figure at the batch asked answers: the measurement at that batch when one is on record, else one scaled from the
    runs on record, explicit arithmetic (activation memory grows with the images generated at once, the weights do
    not): from two batches on record, the nearest one plus the memory each extra image added between them; from one,
    its weights-alone floor plus its activations x (batch asked / batch measured). No batch said is one image at a
    time: larger batches on record drop out when a batch-1 setting is on record. ``spec`` unchanged when no
    inference setting states a batch, or nothing to scale from is on record."""
    said = batch_said(text)
    batch = said or 1  # no batch said: one image at a time, as the tools default to
    batched = [
        (f, int(m.group(1)))
        for f in spec.facts
        if "train" not in f.task.lower()
        and f.memory_gb is not None
        and not f.offload
        and not lean_inference(f)
        and (m := _INFERENCE_BATCH.search(f.setting))
    ]
    others = [f for f, b in batched if b != batch]
    if not batched or (said is None and len(others) == len(batched)):
        return spec
    scaled = [] if len(others) < len(batched) else _batch_estimate(spec, batched, batch)
    if scaled is None:
        return spec
    kept = [f for f in spec.facts if all(f is not o for o in others)]
    return spec.model_copy(update={"facts": (*scaled, *kept)})


def batch_of(fact: WorkloadFact) -> int | None:
    """The batch an inference setting states ("1024x1024, batch 4"), else None."""
    m = _INFERENCE_BATCH.search(fact.setting)
    return int(m.group(1)) if m and "train" not in fact.task.lower() else None


def _batch_estimate(
    spec: WorkloadSpec, batched: list[tuple[WorkloadFact, int]], batch: int
) -> list[WorkloadFact] | None:
    """The one inference setting at ``batch`` scaled from the runs on record (see :func:`scaled_to_batch`), else None."""
    anchor, b0 = min(batched, key=lambda p: (abs(p[1] - batch), -p[1]))
    m0 = anchor.memory_gb or 0.0
    pairs = [p for p in batched if p[1] != b0]
    if pairs:
        other, b1 = min(pairs, key=lambda p: abs(p[1] - b0))
        per_image = ((other.memory_gb or 0.0) - m0) / (b1 - b0)
        how = (
            f"the batch {b1} run on record ({other.memory_gb:g} GB) adds {per_image:.1f} GB per image over it"
        )
    else:
        weights = [
            f for f in spec.facts if part_only(f) and "train" not in f.task.lower() and not lean_inference(f)
        ]
        floor = min((f.memory_gb or 0.0 for f in weights), default=0.0)
        if not 0 < floor < m0:
            return None
        per_image = (m0 - floor) / b0
        how = f"its activations over the {floor:g} GB of weights come to {per_image:.1f} GB per image"
    total = round(m0 + per_image * (batch - b0), 1)
    if per_image <= 0 or not 0 < total <= 2000:
        return None
    return [
        WorkloadFact(
            task=anchor.task,
            setting=(
                f"{spec.name} at batch {batch}, scaled from the batch {b0} run ({anchor.setting}; {m0:g} GB): {how}, "
                f"so {m0:g} + {per_image:.1f} x {batch - b0} GB; activation memory grows with the images generated at "
                "once; an estimate, not a measurement"
            ),
            memory_gb=total,
            basis="arithmetic",
            hardware=anchor.hardware,
            default=True,
            source=anchor.source,
            as_of=anchor.as_of,
        )
    ]


def part_only(fact: WorkloadFact) -> bool:
    """Whether ``fact`` is weight arithmetic for one part of a pipeline (a floor, not a setting one can run)."""
    return fact.basis == "arithmetic" and bool(_PART_ONLY.search(fact.setting.lower()))


def default_run(facts: list[WorkloadFact]) -> WorkloadFact | None:
    """Of ``facts`` (one task's sized figures), the one a user who changed nothing needs: the reference tool at its
    defaults when one is flagged; else, among settings that keep everything on the GPU at full precision (no CPU
    offload; for inference also no quantized or fp8 weights and no tiling), the smallest measurement, else the
    smallest published requirement, else whole-pipeline weight arithmetic, else arithmetic for part of the weights (a floor). Lean and
    offloading settings stand only when nothing else is on record. None for no sized figure.

    Leading with the leanest recipe (an NF4 transformer, weights alone, a batch-2 profile) understated what a
    default run needs: measured non-LLM answers sat at 0.83 of the threads' figures."""
    sized = [f for f in facts if f.memory_gb is not None]
    if not sized:
        return None
    flagged = [f for f in sized if f.default]
    if flagged:
        return min(flagged, key=lambda f: f.memory_gb or 0.0)
    # training recipes are written around 8-bit optimizers and cached latents: only inference settings count as lean
    full = [
        f
        for f in sized
        if not f.offload and ("train" in f.task.lower() or not _LEAN_SETTING.search(f.setting.lower()))
    ]
    pool = full or [f for f in sized if not f.offload] or sized
    for group in (
        [f for f in pool if f.basis == "measured"],
        [f for f in pool if f.basis == "published"],
        [f for f in pool if not _PART_ONLY.search(f.setting.lower())],
        pool,
    ):
        if group:
            return min(group, key=lambda f: f.memory_gb or 0.0)
    return None


@lru_cache(maxsize=256)
def _stems_of(labels: tuple[str, ...]) -> frozenset[str]:
    stems = set()
    for label in labels:
        name = label.lower().rsplit("/", 1)[-1]  # an organisation prefix is not the family
        m = re.match(r"[a-z]+", name)
        if m is None:
            continue
        stem = m.group()
        if stem.endswith("v") and name[len(stem) : len(stem) + 1].isdigit():
            stem = stem[:-1]  # a version marker: "yolov8", "dinov2"
        if len(stem) >= 4 and stem not in _NOT_A_FAMILY:
            stems.add(stem)
    return frozenset(stems)


_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=256)
def _tokens(labels: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        t for label in labels for t in _TOKEN.findall(label.lower()) if len(t) >= 3 and not t.isdigit()
    )


def _stems(spec: WorkloadSpec) -> frozenset[str]:
    """The family names of a model: the leading letters of its name and aliases ('hunyuan', 'yolo', 'flux')."""
    return _stems_of((spec.name, *spec.aliases))


@dataclass(frozen=True)
class TrainingCost:
    """What a measured training run costs to rent again: hours x GPUs x USD per GPU-hour (an offerings rate)."""

    fact: WorkloadFact
    gpu_hours: float
    per_gpu_hour_cheapest: float
    cost_cheapest: float
    per_gpu_hour_median: float
    cost_median: float


@dataclass(frozen=True)
class WorkRun:
    """An amount of work (hours of audio, images, texts) at a measured rate: the time it takes on the GPUs the rate
    was measured on, by explicit arithmetic (amount / rate), and what renting them that long costs when they are
    rented (GPU-hours x the cheapest on-demand USD per GPU-hour)."""

    fact: WorkloadFact
    amount: float  # in the fact's rate_unit
    seconds: float
    hours: float
    minutes: float
    per_unit_seconds: float  # seconds per image / text / second of audio: 1 / rate
    per_minute: float  # units done per minute: rate x 60
    gpu_hours: float
    per_gpu_hour: float | None = None
    cost: float | None = None


def work_run(fact: WorkloadFact, amount: float, per_gpu_hour: float | None = None) -> WorkRun:
    """``amount`` units of work (in ``fact.rate_unit``) at ``fact.rate``: seconds = amount / rate."""
    if fact.rate is None:
        raise ValueError("a work run needs a measured rate")
    seconds = amount / fact.rate
    hours = seconds / 3600
    gpu_hours = hours * fact.rate_gpus
    cost = gpu_hours * per_gpu_hour if per_gpu_hour is not None else None
    return WorkRun(
        fact,
        amount,
        seconds,
        hours,
        seconds / 60,
        1 / fact.rate,
        fact.rate * 60,
        gpu_hours,
        per_gpu_hour,
        cost,
    )


# seconds per iteration written in a setting or a question: "1.16-1.20 s/it", "2.5s/it"; or iterations per second
_S_PER_IT = re.compile(
    r"(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*"
    r"(?:s(?:ec)?/it\b|(?:s|secs?|seconds?)\s*(?:per|/|an?|each)\s*(?:it(?:eration)?|step)\b)"
)  # "73s/it", "140 seconds per iteration", "20 sec a step"
_MIN_PER_IT = re.compile(
    r"(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(?:m|mins?|minutes?)\s*(?:/|per|an?|each)\s*"
    r"(?:it(?:eration)?|step)\b"
)  # "6 mins per iteration"
_IT_PER_S = re.compile(r"(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*its?/s\b")


def seconds_per_iteration(text: str) -> tuple[float, float] | None:
    """The seconds per iteration a text states, as (low, high): "1.16-1.20 s/it" or "2 it/s" (0.5 s/it)."""
    t = text.lower()
    m = _S_PER_IT.search(t)
    if m:
        low = float(m.group(1))
        return low, float(m.group(2) or low)
    m = _MIN_PER_IT.search(t)
    if m:
        low = float(m.group(1)) * 60
        return low, float(m.group(2) or m.group(1)) * 60
    m = _IT_PER_S.search(t)
    if m and float(m.group(1)) > 0:
        fast, slow = float(m.group(2) or m.group(1)), float(m.group(1))
        return 1 / max(fast, slow), 1 / min(fast, slow)
    return None


@dataclass(frozen=True)
class SpeedCheck:
    """A speed the user reports set against one measured for the same job on the same GPU: their midpoints and
    the share by which the user's differs (positive: slower than on record)."""

    fact: WorkloadFact
    gpu: str
    user_s_per_it: float
    recorded_s_per_it: float
    difference_share: float
    in_line: bool


def speed_check(
    spec: WorkloadSpec, text: str, gpu_names: tuple[str, ...], training: bool, tolerance: float
) -> SpeedCheck | None:
    """The user's stated s/it (or it/s) against a measured s/it of ``spec`` on one of ``gpu_names`` for the same
    kind of task (training or inference; a LoRA only against a LoRA, a full fine-tune only against one); None
    without both."""
    user = seconds_per_iteration(text)
    if user is None:
        return None
    lora = "lora" in text.lower()
    for fact in spec.facts:
        if ("train" in fact.task.lower()) != training or ("lora" in fact.task.lower()) != lora:
            continue
        recorded = seconds_per_iteration(fact.setting)
        gpu = next((g for g in gpu_names if fact.measured_on(g)), None)
        if recorded is None or gpu is None:
            continue
        user_mid, rec_mid = sum(user) / 2, sum(recorded) / 2
        share = (user_mid - rec_mid) / rec_mid
        return SpeedCheck(fact, gpu, user_mid, rec_mid, share, abs(share) <= tolerance)
    return None


@dataclass(frozen=True)
class ScaledRun:
    """A measured job on one GPU, re-timed for the ``count`` GPUs the user has: ``linear_hours`` if it scaled
    perfectly (hours on one / count), and, when a run on more of the same GPU was measured, that run's scaling
    efficiency (its throughput / (its GPU count x the one-GPU throughput), or from the hours when no throughput is
    on record) and the time at that efficiency."""

    one: WorkloadFact
    count: int
    linear_hours: float
    many: WorkloadFact | None = None
    efficiency: float | None = None
    hours: float | None = None


def scaled_run(spec: WorkloadSpec, gpu_name: str, count: int) -> ScaledRun | None:
    """``spec``'s measured single-GPU run on ``gpu_name`` re-timed for ``count`` of them (count > 1, no run measured
    at that count); None when there is no single-GPU run on it."""
    runs = [f for f in spec.facts if f.hours is not None and f.gpus and f.measured_on(gpu_name)]
    if count <= 1 or any(f.gpus == count for f in runs):
        return None
    one = next((f for f in runs if f.gpus == 1), None)
    if one is None or one.hours is None:
        return None
    linear = one.hours / count
    many = next(
        (f for f in runs if (f.gpus or 1) > 1 and f.setting.split(",")[0] == one.setting.split(",")[0]), None
    )
    if many is None or many.hours is None or many.gpus is None:
        return ScaledRun(one, count, linear)
    if one.rate and many.rate:  # measured throughputs are finer than the rounded hours
        efficiency = many.rate / (many.gpus * one.rate)
    else:
        efficiency = (one.hours / many.hours) / many.gpus
    return ScaledRun(one, count, linear, many, efficiency, linear / efficiency)


def training_cost(fact: WorkloadFact, cheapest: float, median: float) -> TrainingCost:
    """The run of ``fact`` (hours on ``gpus`` GPUs) priced at the cheapest and the median USD per GPU-hour."""
    if fact.hours is None or fact.gpus is None:
        raise ValueError("a training cost needs a measured time and GPU count")
    gpu_hours = fact.hours * fact.gpus
    return TrainingCost(fact, gpu_hours, cheapest, gpu_hours * cheapest, median, gpu_hours * median)


def load_workloads(path: Path | None = None) -> Workloads:
    """Load and validate ``corpus/workloads.yaml`` (or ``path``)."""
    return _cached(path or corpus_dir() / "workloads.yaml")


@lru_cache(maxsize=2)
def _cached(path: Path) -> Workloads:
    return Workloads(load_rows(path, "workloads", WorkloadSpec), source=path)


_ENCODERS = ("embeddings", "reranker")
# the words that say which kind of non-LLM work a question is about when its model is not on record; first
# match wins, so the narrower kinds come first ("video diffusion" is video, "diffusion" alone is image)
_KIND_CUES = (
    # 3D assets made by a model (text-to-3D, image-to-3D, score distillation, Gaussian splats, meshes); before
    # video and image, whose words ("diffusion", "render") their descriptions also use
    (
        "3D generation",
        re.compile(
            # scenes fitted per scene from photos, named by the method ("HandNeRF", "Mip-NeRF", "SplatAD", "gsplat")
            r"\b[a-z]{2,}-?nerfs?\b|\b\w*splat(?:s|ting|facto)?\b|\bsplat[a-z]{2,}\b|"
            r"\b(?:text|image|img|sketch)[- ]?(?:to|2)[- ]?3d\b|\b3d[- ](?:generation|generative|generator|asset"
            r"|mesh generation|reconstruction|gaussian)\w*|\bgaussian[- ]splat\w*|\b3d ?gs\b|\bnerfs?\b"
            r"|\w*dreamfusion\b|\bdreamgaussian\b|\bzero123\w*|\btriposr\b|\binstantmesh\b|\bmesh generation\b"
            r"|\bshap[- ]e\b|\bpoint[- ]e\b|\bwonder3d\b|\btriposg\b|\bstable[- ]fast[- ]3d\b|\bsf3d\b|\blgm\b"
            r"|\bmulti[- ]?view (?:diffusion|generation|images?)\b"
            # textures painted onto a mesh by an image model ("Text2Tex", "TEXTure", "texture generation")
            r"|\b(?:text|img|image|photo|sketch|mesh|paint)[- ]?(?:2|to)[- ]?tex\b|\btexture (?:generation|synthesis|painting)\b|\bmesh textur\w*|\btexturing\b"
            # a tool whose name ends in "3D" ("DreamCraft3D", "Hunyuan3D", "SAR3D"); not a graphics or geometry
            # library ("Direct3D", "Unity3D", "Open3D", "PyTorch3D")
            r"|\b(?!direct3d|unity3d|open3d|pytorch3d|d3d)[a-z]{3,}3d\b"
            # meshes made or pulled out of a model or a fitted scene ("image2mesh", "nerf2mesh", "generate meshes",
            # "a high poly mesh extraction"), 3D objects or assets made ("SAM 3D Objects"), NeRF frameworks and
            # splatting methods named by their stem ("instant-ngp", "nerfstudio", "splatt3r")
            r"|\b[a-z]+2mesh\b|\b(?:generat|extract|export|creat)\w*\s+(?:(?!body|hand|human|head)[\w-]+\s+){0,3}?meshe?s?\b"
            r"|\bmesh (?:extraction|export)\b|\b3d (?:objects?|assets?|shapes?|meshe?s?)\b"
            r"|\binstant[- ]?ngp\b|\bnerf[a-z0-9]+\b|\b\w*splat[a-z]*\d[a-z0-9]*\b"
        ),
    ),
    # a still image (a portrait, a person, a character) brought to motion by a driving video, pose sequence or audio:
    # portrait and pose animation, talking heads, lip sync. Small specialised networks (LivePortrait, SadTalker) or an
    # SD 1.5 UNet with motion modules, far below a text-to-video model's memory; before video, whose cue also
    # matches "animate" words. AnimateDiff (text-to-video motion modules) stays video.
    (
        "image animation",
        re.compile(
            r"\b(?:portrait|pose|human|character|photo|image|face|avatar)[- ](?:driven[- ])?animat\w*"
            # a portrait or avatar driven by speech ("audio-driven talking avatar", "speech-driven portrait video")
            r"|\b(?:audio|speech|voice)[- ]driven\b"
            r"|\banimat(?:e|ing)\s+(?:an?\s+|my\s+|the\s+|this\s+)?(?:\w+\s+)?(?:photos?|portraits?|images?|pictures?|faces?|characters?|selfies?)\b"
            r"|\w+animator\b|\banimate[- ]?anyone\b|\bunianimate\b|\bmimic[- ]?motion\b|\bechomimic\w*"
            r"|\btalking[- ]?(?:heads?|faces?|avatars?|portraits?)\b|\blip[- ]?sync\w*|\bwav2lip\b|\bsadtalker\b"
            r"|\bmusetalk\b|\bv[- ]express\b|\blive[- ]?portrait\b|\bfirst[- ]order[- ](?:motion[- ])?model\b"
            r"|\bface[- ]reenact\w*|\bmotion[- ]transfer\b|\bpose[- ](?:driven|guided)\b"
        ),
    ),
    (
        "video generation",
        re.compile(
            r"\bvideo[- ](?:generation|diffusion|restoration|upscal\w*|super[- ]?resolution|model|enhanc\w*|editing)"
            r"|\btext[- ]to[- ]video\b|\bimage[- ]to[- ]video\b|\bimg2vid\b|\bvid2vid\b|\bt2v\b|\bi2v\b"
            r"|\banimate[- ]?diff\w*|\bltx[- ]?video\b|\bopen[- ]?sora\b|\bhotshot[- ]?xl\b|\bdeforum\b"
            r"|\bpyramid[- ]?flow\b|\ballegro[- ]?(?:t2v|ti2v)?\b(?=.{0,40}\b(?:video|vram|gpu)\b)|\bvideo[- ]?crafter\w*"
            r"|\bzeroscope\w*|\bmodelscope[- ]t2v\b|\bstep[- ]?video\w*|\bmagi[- ]?1\b|\bvchitect\w*"
            r"|\bframe[- ]?pack\b|\bskyreels\w*|\bwan[- ]?2(?:\.\d)?\b|\bwan[- ]?video\b|\bmochi[- ]?(?:1|preview)?\b(?=.{0,40}\b(?:video|vram|gpu|frames?)\b)"
            # image animation and talking heads (AnimateAnyone, StableAnimator, UniAnimate, SadTalker, lip sync)
            r"|\w*animat(?:e|es|ed|ing|ion|or|ors)\w*|\btalking[- ]?(?:heads?|face)\b|\blip[- ]?sync\w*|\bsadtalker\b"
            # a model named for the video it makes ("HunyuanVideo", "CogVideoX", "StepVideo", "SomeVideo-2B", "Foo-Video")
            r"|\b[a-z]{2,}-?video(?:x|s)?(?:[- ]?v?\d[\w.]*)?\b"
            # a checkpoint named for the video resolution it makes ("X-14B-720P", "Foo-T2V-1.3B-480p", "bar_540p")
            r"|\b[a-z][\w.-]*[-_](?:240|360|480|540|576|720|768|1080)p\b"
            # "generate / make a video", "videos from images"
            r"|\b(?:generat|creat|mak|render)\w*\s+(?:\w+\s+){0,3}videos?\b(?!\s+(?:card|ram|memory|output))"
        ),
    ),
    # upscaling and restoring images or frames (Real-ESRGAN, SwinIR, GFPGAN, CodeFormer): small convolutional or
    # transformer networks whose memory is set by the image (or tile) size, nothing like a generator's; before video,
    # whose cue takes "video upscaling"
    (
        "image restoration",
        re.compile(
            r"\breal[- ]?esrgan\w*|\besrgan\b|\bswinir\b|\bgfpgan\b|\bcodeformer\b|\bupscal(?:e|er|ers|ing)\b"
            r"|\bsuper[- ]?resolution\b|\bface (?:restoration|enhanc\w*)\b|\bimage (?:restoration|denois\w*)\b"
            r"|\b(?:remacri|ultrasharp|4x[- ]?ultrasharp|waifu2x|realcugan|real[- ]cugan)\b"
        ),
    ),
    (
        "vision training",
        re.compile(
            r"\byolo\w*|\bobject[- ]detection\b|\bdetr\b|\b(?:instance|semantic)?[- ]?segmentation\b(?![- ]fault)"
            r"|\bimage[- ]classification\b|\bdetectors?\b|\bsegment[- ]anything\b|\bsam[- ]?(?:[1-9]|hq|vit)\w*"
            r"|\bmobile[- ]?sam\b|\bmask[- ]?r-?cnn\b|\bdetectron\w*|\bmmdet\w*|\brt-?detr\b|\bresnet[- ]?\d*\b"
            r"|\befficientnet\w*|\bconvnext\w*|\bvit[- ]?[bslhg]?\b(?:[-/]\d+)?|\bdino(?:v2|v3)?\b|\bswin\b"
            r"|\bclip[- ]vit\w*|\bopen[- ]?clip\b|\bpose[- ]estimation\b|\bkeypoint\w*|\bocr\b|\bpaddle[- ]?ocr\b"
            r"|\btesseract\b|\beasyocr\b|\btrocr\b|\bnougat\b|\bsurya\b|\btext (?:detection|recognition)\b"
            # depth estimation (Depth Anything, MiDaS, ZoeDepth, Marigold): a vision backbone run per image or frame
            r"|\bdepth[- ]?anything\w*|\b(?:monocular )?depth (?:estimation|maps?|model)\b|\bmidas\b|\bzoe[- ]?depth\b"
            r"|\bmarigold\b|\bdpt[- _](?:large|hybrid)\b"
            # depth models named by the word ("PrimeDepth", "ZoeDepth", "MegaDepth", "DepthCrafter", "DepthFM")
            r"|\b[a-z]{2,}depth\b|\bdepth[a-z]{2,}\b(?<!\bdepthwise)"
            # human pose, body and hand mesh recovery (HMR 2.0, ScoreHMR, GVHMR: names ending in "hmr"), motion capture
            r"|\w*hmr\b|\bhuman mesh\b|\bmesh recovery\b|\bsmpl\w*|\b(?:body|hand|head|human) (?:pose|shape|mesh)\b"
            r"|\bmotion capture\b|\bmocap\b|\bvitpose\b"
            # multi-view stereo ("GoMVS", "MVSNet", "CasMVSNet"), stereo matching, optical flow, tracking
            r"|\bmulti[- ]view stereo\b|\b\w*mvs(?:net|former)?\b|\bstereo matching\b|\boptical flow\b"
            # detection and segmentation architectures asked about by name (Mask2Former, SegFormer, DeepLabv3,
            # Faster R-CNN, RetinaNet, Grounding DINO, OWL-ViT, RTMDet, YOLOX, U-Net for segmentation, OpenPose)
            r"|\bmask2former\b|\bmaskformer\b|\boneformer\b|\bsegformer\w*|\bdeeplab\w*|\bpspnet\b|\bhrnet\w*"
            r"|\b(?:faster|cascade)[- ]?r-?cnn\b|\bretinanet\b|\bgrounding[- ]?dino\b|\bowl[- ]?v(?:it|2)\b"
            r"|\brtmdet\b|\brtmpose\b|\bmmpose\b|\bopenpose\b|\bu-?net\b(?=[^.?!]{0,40}\bsegment)"
            # stereo networks named by the word ("RAFT-Stereo", "FoundationStereo", "IGEV-Stereo"), stereo depth
            r"|\b[a-z]{2,}-?stereo\b|\bstereo (?:depth|disparity|network|model)\b"
            r"|\b(?:point|object|multi[- ]object|video object) tracking\b"
            # the classic convolutional networks named by their "-Net" (SegNet, PointNet++, BiSeNet, ENet, MobileNet,
            # DenseNet, AlexNet, VGG, FCN): segmenters, point-cloud and image classifiers, trained or run
            r"|\b(?:seg|point|bise|ic|e|alex|google|le|mobile|shuffle|squeeze|dense)net(?:[- ]?v?\d+)?(?:\+\+)?(?!\w)"
            r"|\bvgg[- ]?(?:11|13|16|19)?\b|\bfcn\b"
        ),
    ),
    (
        "image generation",
        re.compile(
            r"\bdiffusion\b(?![- ]?(?:llm|language))|\btext[- ]to[- ]image\b|\bvirtual[- ]try[- ]?on\b"
            r"|\bimage[- ]generation\b|\binpaint\w*|\bgans?\b"
            # instruction-based image editing and image-to-image (InstructPix2Pix, HiDream-E1, Flux Kontext)
            r"|\bimage[- ]editing\b|\bimage[- ]to[- ]image\b|\bimg2img\b|\binstruct[- ]?pix2pix\b"
            # "generating/editing a single 1024x1024 image", "make pictures", "DALL-E"-style text-to-image models
            r"|\b(?:generat|creat|edit|render)\w*(?:/\w+)?\s+(?:[\w/.-]+\s+){0,3}(?:images?|pictures?|photos?)\b"
            r"(?!\s+(?:card|ram|memory|datasets?|encoders?|embeddings?|features?|captions?|captioning|classifi\w*"
            r"|recognition|segmentation|labels?|tags?))"
            r"|\bdall[- ]?e\s?\d?\b|\bdalle\d?\b|\bimagen\b|\bkandinsky\b"
            # open text-to-image models people ask about by name alone (not add-ons such as InstantID or IP-Adapter,
            # whose base model decides, and which another base's figures would misstate)
            r"|\bpixart\w*|\bkolors\b|\bhidream\w*|\bomnigen\w*|\bsana[- ]?(?:0\.6b|1\.6b|sprint|1\.5)\b"
            r"|\bplayground[- ]?v?2(?:\.5)?\b|\blumina[- ]?(?:next|t2x|image)\w*|\bdeepfloyd\b|\bhunyuan[- ]?dit\b"
            r"|\bauraflow\b|\bcogview\d?\b|\bwuerstchen\b"
        ),
    ),
    (
        "embeddings",
        re.compile(
            r"\bembeddings?\b|\bembedding model|\bsentence[- ]transformers?\b|\bbge(?:[- ]\w+)?\b"
            r"|\bnomic[- ]embed\w*|\bjina[- ]\w*embed\w*|\be5[- ](?:large|base|small|mistral)\w*|\bgte[- ]\w+"
        ),
    ),
    (
        "speech recognition",
        re.compile(r"\bspeech[- ]to[- ]text\b|\bspeech[- ]recognition\b|\btranscri\w*|\basr\b"),
    ),
    # sentence encoders ("my s-bert", "a sentence-transformers model", "a bi-encoder") and cross-encoders
    ("reranker", re.compile(r"\bcross[- ]?encoders?\b|\brerankers?\b")),
    (
        "embeddings",
        re.compile(
            r"\bs-?bert\b|\bsentence[- ]?transformers?\b|\bsentence[- ]embeddings?\b|\bembedding models?\b"
            r"|\bbi[- ]?encoders?\b|\w*mpnet\w*|\w*minilm\w*|\bsimcse\b|\binstructor[- ](?:xl|large|base)\b"
            # sentence-transformers' API: "model.encode(...)", "encoding 2 million records / 60k sentences"
            r"|\.encode\(|\bmodel\.encode\b"
            r"|\bencod\w*\s+(?:[~\d.,]+\s*[km]?\s+|\w+\s+){0,3}(?:sentences|documents|docs|texts|records|passages|chunks)\b"
        ),
    ),
)
# speech made by a model (text-to-speech, voice cloning) is synthesis, never transcription; a TTS tool's name
# usually ends in "tts" (XTTS, F5-TTS, StyleTTS2, tortoise-tts; not "watts")
_SPEECH_OUT = re.compile(
    r"\btext[- ]to[- ]speech\b|\b\w*(?<!wa)tts\d*\b|\bvoice[- ](?:clon|conver)\w*|\bspeech[- ]synthesis\b|\bvocoder\b"
    r"|\bcoqui\b|\bpiper\b|\bkokoro\b|\brvc\b|\bvoice (?:model|generation)\b"
    r"|\bcosy ?voice\w*|\bgpt[- ]?sovits\b|\bfish[- ]?speech\b|\bopenvoice\w*|\bparler\b|\bmeta[- ]?voice\b"
    r"|\bvoicecraft\b|\bspark[- ]?tts\b|\bdia[- ]1\.6b\b|\bzonos\b|\bmaskgct\b"
    # VITS and its descendants ("VITS-fast-fine-tuning", "Bert-VITS2", "so-vits-svc"); a bare "vits" only beside a
    # speech word, as it is also the plural of ViT
    r"|\b\w+-vits\w*|\bvits[-\d]\w*|\bsvc\b|\bvits\b(?=[^.?!]{0,60}\b(?:voice|speech|tts|audio|speaker|singing)\b)"
    r"|\bcsm[- ]?1b\b|\bsesame[- ]csm\b"
)
# music and sound made by a model: audio generation (MusicGen, AudioLDM, Stable Audio, TANGO)
_AUDIO_OUT = re.compile(
    r"\btext[- ]to[- ](?:audio|music)\b|\bmusic[- ]?gen\w*|\baudio[- ]?gen\w*|\bsong[- ]generation\b"
    r"|\bsound (?:effects? )?generation\b|\baudio[- ]?ldm\w*|\bstable[- ]audio\b|\baudio diffusion\b"
    r"|\bmusic (?:model|diffusion)\b|\briffusion\b|\bdiffrhythm\b|\bace[- ]step\b|\byue[- ](?:s1|7b)\w*"
)


# a scene reconstructed per scene from its photos: NeRFs and Gaussian splatting (optimised, not generated)
_RECONSTRUCTION = re.compile(
    r"\bnerfs?\b|\b[a-z]{2,}-?nerfs?\b|\b\w*splat(?:s|ting|facto)?\b|\bsplat[a-z]{2,}\b|\b3d ?gs\b"
    r"|\bneural radiance fields?\b|\binstant[- ]?ngp\b|\bnerf[a-z0-9]+\b|\b\w*splat[a-z]*\d[a-z0-9]*\b"
)


def reconstruction_in_text(text: str) -> bool:
    """Whether ``text`` names a scene reconstruction fitted per scene (a NeRF, Gaussian splatting)."""
    return bool(_RECONSTRUCTION.search(text.lower()))


_VIDEO_WORDS = re.compile(
    r"\bvideos?\b|\bframes?\b|\bclips?\b|\bfootage\b|\btrack(?:ing|er|s)?\b|\btemporal\b|\bfps\b|\bstreams?\b"
)
_VIEWS_WORDS = re.compile(
    r"\bmulti-?view\b|\bmvs\b|\b(?:several|many|multiple|\d+) (?:views|viewpoints|cameras)\b|\bcost[- ]volume\b"
)
_DIFFUSION_WORDS = re.compile(r"\bdiffusion\b|\bdenois\w*|\bmarigold\b")
_SCOPE_LABELS = {"image": "single-image", "video": "video", "views": "multi-view"}


# several networks chained on each image (a person detector, a pose network and a body-mesh regressor for human mesh
# recovery or motion capture; a "whole pipeline"): their memories add up, so no single network's figure estimates them
_PIPELINE_WORDS = re.compile(
    r"\w*hmr\b|\bhuman mesh\b|\bmesh recovery\b|\bsmpl\w*|\bmotion capture\b|\bmocap\b|\bpipeline\b"
    r"|\bavatars?\b|\b(?:body|hand|head|human) (?:shape|mesh)\b"
)


def _heavier_than_one_pass(spec: WorkloadSpec) -> bool:
    """A vision model that is more than one network's single pass over one image: over a video, several views, or a
    diffusion denoiser's steps."""
    return spec.input != "image" or spec.diffusion


def vision_input_in_text(text: str) -> str | None:
    """What a vision model asked about takes in, from the words of ``text`` (a ``WorkloadSpec.input``): "views" for
    several views of a scene (multi-view stereo), "video" for a video or its frames, None for several networks
    chained (see _PIPELINE_WORDS), else "image"."""
    t = text.lower()
    if _PIPELINE_WORDS.search(t):
        return None
    if _VIEWS_WORDS.search(t):
        return "views"
    if _VIDEO_WORDS.search(t):
        return "video"
    return "image"


def kind_in_text(text: str) -> str | None:
    """The kind of non-LLM workload (a ``WorkloadSpec.kind``) the words of ``text`` describe, or None."""
    t = text.lower()
    if _SPEECH_OUT.search(t):
        return "speech synthesis"
    if _AUDIO_OUT.search(t):
        return "audio generation"
    return next((kind for kind, cue in _KIND_CUES if cue.search(t)), None)
