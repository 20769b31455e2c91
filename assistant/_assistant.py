"""The Assistant: question in, grounded answer out, through one LCEL chain."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from ._errors import ServiceUnavailable
from ._logs import current_request_id, request_scope
from ._reply import InvalidQuestion, Reply, check_question
from ._settings import Settings
from .answering._compose import INJECTION_NOTE, split_details, with_details
from .answering._compose._pooling import pooling_lead
from .answering._facts import Facts
from .answering._handlers import Handler, Knowledge, handler_for
from .answering._premises import correct_premises
from .answering._remembered import remembered
from .answering._size_claim import correct_size_claim
from .answering._sources import collect_sources
from .answering._units_asked import in_units_asked
from .answering._verdict import lead_with_verdict
from .knowledge import GPU
from .planning import CatalogFilter, Plan, WorkloadRequest, filter_catalog, plan_workload
from .retrieval._hybrid import covers_question
from .understanding import Intent, Understanding, plain_question, understand
from .understanding._codec import to_json, understanding_from_json

__all__ = ["Assistant"]

_START_WAIT_S = 0.005  # at most this long for the background embedding to start (a busy pool: go on without)

log = logging.getLogger("assistant")

GUIDES_UNAVAILABLE_NOTE = (
    "_(The guides cannot be searched right now (the vector store is unavailable), so this answer comes "
    "from the GPU catalog and the sizing arithmetic only.)_"
)


@dataclass(frozen=True)
class _Turn:
    """What a conversation remembers of its last turn."""

    understanding: Understanding
    gpus: tuple[str, ...]

    def dumps(self) -> str:
        """The turn as JSON, for a conversation store shared across processes."""
        data = {"version": 1, "understanding": to_json(self.understanding), "gpus": list(self.gpus)}
        return json.dumps(data, ensure_ascii=True, allow_nan=False)

    @classmethod
    def loads(cls, text: str | None) -> _Turn | None:
        """A turn stored by ``dumps``; None (a fresh conversation) for nothing or what cannot be read."""
        if text is None:
            return None
        try:
            data = json.loads(text)
            return cls(understanding_from_json(data["understanding"]), tuple(data.get("gpus", ())))
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("a stored conversation turn could not be read (%s); starting afresh", exc)
            return None


class Assistant:
    """Answers questions about which GPU or accelerator to use, with sources and arithmetic.

    ``Assistant()`` reads settings from the environment and uses the embedded defaults: a local
    Chroma index of ``corpus/``, the bundled MiniLM embedder and the offline answer writer. Front
    ends (CLI, web app, Slack bot) receive one Assistant and only translate input and output.

    >>> bot = Assistant()
    >>> reply = bot.ask("Which GPU should I use to fine-tune a 7B model?", conversation_id="alice")
    >>> reply.text, reply.sources, reply.gpus, reply.memory_gb
    """

    def __init__(self, settings: Settings | None = None, *, services=None):
        from ._wiring import build_services

        self.services = services or build_services(settings)
        self.settings = self.services.settings
        self._turn_locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        # Embeds each question's search text while the question is understood and planned: the embedding
        # model releases the GIL, so on two cores the query vector is ready by the time the guides are searched.
        self._ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed-ahead")
        self.chain = self._build_chain()

    # --- public API ---------------------------------------------------------------------------

    def ask(self, question: str, conversation_id: str | None = None) -> Reply:
        """Answer ``question``; with a ``conversation_id``, follow-ups use earlier turns."""
        with request_scope():
            state = self._prepare(question, conversation_id)
            start = time.perf_counter()
            text = self.services.writer.write(state["question"], state["draft"], state["passages"])
            log.info("answer written", extra={"stage": "write", "ms": _ms(time.perf_counter() - start)})
            return self._reply(state, text)

    def stream(self, question: str, conversation_id: str | None = None) -> Iterator[str]:
        """Answer text as it is produced (validation errors raise before the first chunk)."""
        with request_scope():
            state = self._prepare(question, conversation_id)
        return self._write(state)

    def ask_streaming(self, question: str, conversation_id: str | None = None) -> tuple[Reply, Iterator[str]]:
        """The reply's metadata (text empty) and an iterator of its text, for front ends that show both."""
        with request_scope():
            state = self._prepare(question, conversation_id)
        return self._reply(state, ""), self._write(state)

    def plan(self, request: WorkloadRequest) -> Plan:
        """The plan for a workload stated as data (the web Sizing tab's path); InvalidQuestion if it cannot be sized."""
        s = self.services
        return plan_workload(request, s.catalog, s.models, s.assumptions, s.offerings)

    def find_gpus(self, constraints: CatalogFilter | None = None) -> list[GPU]:
        """Catalog rows that pass ``constraints`` (all rows without), in catalog order."""
        return filter_catalog(self.services.catalog, constraints or CatalogFilter())

    def forget(self, conversation_id: str) -> None:
        """Start a conversation afresh."""
        self.services.conversations.forget(conversation_id)

    def warm_up(self) -> None:
        """Build or refresh the index and load the embedder now rather than on the first question."""
        self.services.knowledge.search("GPU memory", k=1)

    # --- the chain ----------------------------------------------------------------------------

    def _build_chain(self):
        from langchain_core.runnables import RunnableLambda

        # Three chain steps, each running a few plain stages (timed one by one in "stages_ms"): every
        # RunnableLambda costs ~0.15 ms of config and callback handling per question, a step per stage was
        # ~1.3 ms of a ~15 ms answer. RunnableParallel would also start a thread pool per question.
        def stages(name: str, *steps: tuple[str, object]) -> RunnableLambda:
            adders = [self._with(**{key: fn}) for key, fn in steps]

            def run(state: dict) -> dict:
                for add in adders:
                    state = add(state)
                return state

            return RunnableLambda(run, name=name)

        self._prepare_chain = (
            stages("understand", ("understanding", self._understand), ("handler", self._handler))
            | stages(
                "gather",
                ("facts", self._facts),
                ("passages", self._retrieve),
                ("guides_unavailable", self._guides_unavailable),
                ("passages", lambda state: state["passages"] or []),
                ("facts", self._ground),
            )
            | stages(
                "compose",
                ("draft", self._compose),
                ("details", self._details),
                ("draft", self._short),
            )
        )
        self._write_step = RunnableLambda(self._write_generator)
        return self._prepare_chain | self._write_step

    @staticmethod
    def _with(**step):
        """A chain step that adds ``key = fn(state)`` to the state dict."""
        ((key, fn),) = step.items()

        stage = getattr(fn, "__name__", key).strip("_")

        def add(state: dict) -> dict:
            start = time.perf_counter()
            value = fn(state)
            stages = {**state.get("stages_ms", {}), stage: _ms(time.perf_counter() - start)}
            return {**state, key: value, "stages_ms": stages}

        add.__name__ = f"add_{key}"
        return add

    def _understand(self, state: dict) -> Understanding:
        s = self.services
        turn = _Turn.loads(s.conversations.get(state["conversation_id"]))
        previous = turn.understanding if turn else None
        return understand(
            state["question"],
            s.catalog,
            s.models,
            previous,
            offerings=s.offerings,
            quants=s.assumptions.gguf_types,
            intents=s.intents,
            workloads=s.workloads,
            software=s.software,
        )

    def _handler(self, state: dict) -> Handler:
        return handler_for(state["understanding"].intent)

    @property
    def _knowledge(self) -> Knowledge:
        s = self.services
        return Knowledge(
            s.catalog,
            s.models,
            s.assumptions,
            offerings=s.offerings,
            purchases=s.purchases,
            data_dir=self.settings.data_dir,
            workloads=s.workloads,
            software=s.software,
        )

    def _facts(self, state: dict) -> Facts:
        return state["handler"].gather(state["understanding"], self._knowledge)

    def _retrieve(self, state: dict) -> list | None:
        understanding: Understanding = state["understanding"]
        wants = state["handler"].retrieval(understanding)
        ahead: _Ahead | None = state.get("ahead")
        if not wants.wanted:
            if ahead is not None:
                ahead.future.cancel()  # not needed after all (it may be running already: then it finishes)
            return []
        vector = ahead.vector_for(understanding.question) if ahead is not None else None
        try:
            passages = self.services.knowledge.search(
                understanding.question, kinds=wants.kinds, k=3, vector=vector
            )
        except ServiceUnavailable as exc:  # the catalog and the arithmetic still answer; the note says so
            log.warning("Answering without the guides: %s", exc)
            return None
        known = " ".join(understanding.details.gpus)
        if wants.must_cover and not covers_question(understanding.question, passages, known):
            return []  # nothing relevant: the answer says it does not know instead of quoting noise
        return passages

    @staticmethod
    def _guides_unavailable(state: dict) -> bool:
        return state["passages"] is None

    def _ground(self, state: dict) -> Facts:
        return state["handler"].ground(state["facts"], state["passages"], self._knowledge)

    def _compose(self, state: dict) -> str:
        draft = state["handler"].compose(state["facts"], state["passages"])
        if state["understanding"].injection:  # instructions inside a question are data: say they were ignored
            draft = f"{INJECTION_NOTE}\n\n{draft}"
        draft = correct_premises(draft, state["understanding"])  # a wrong stated spec is corrected first
        draft = lead_with_verdict(draft, state["facts"])  # ...after the verdict a yes/no question is owed
        draft = pooling_lead(draft, state["facts"])  # several GPUs: whether they add up, for the tool used
        draft = in_units_asked(draft, state["facts"])  # "in GiB please": the lead figure in GiB too
        draft = correct_size_claim(
            draft, state["facts"]
        )  # "when it's only 13 GB": the weights' real size first
        if state["guides_unavailable"]:
            text, details = split_details(draft)
            draft = with_details(f"{text}\n\n{GUIDES_UNAVAILABLE_NOTE}", details)
        return draft

    @staticmethod
    def _details(state: dict) -> str:
        """What goes behind the answer's details fold (breakdown, assumptions, caveats); may be empty."""
        return split_details(state["draft"])[1]

    @staticmethod
    def _short(state: dict) -> str:
        """The answer itself: what the writer writes and ``Reply.text`` holds."""
        return split_details(state["draft"])[0]

    def _write_generator(self, state: dict) -> Iterator[str]:
        yield from self.services.writer.stream(state["question"], state["draft"], state["passages"])

    # --- helpers ------------------------------------------------------------------------------

    def _prepare(self, question: str, conversation_id: str | None) -> dict:
        try:
            text = check_question(question)
        except InvalidQuestion as exc:
            log.info("question refused: %s", str(exc)[:200], extra={"chars": _length(question)})
            raise
        log.debug("question: %r", text)  # the text itself only at DEBUG: it is the user's, not ours
        ahead = self._embed_ahead(text)
        with self._conversation_lock(conversation_id):
            state = self._prepare_chain.invoke(
                {
                    "question": text,
                    "conversation_id": conversation_id,
                    "request_id": current_request_id(),
                    "ahead": ahead,
                }
            )
            facts: Facts = state["facts"]
            if conversation_id is not None and not self._an_aside(state["understanding"], conversation_id):
                self._remember(
                    conversation_id, _Turn(remembered(facts, state["draft"]), tuple(facts.gpu_names))
                )
        state["sources"] = collect_sources(facts, state["passages"])
        log.info(
            "question prepared",
            extra={
                "intent": str(state["understanding"].intent),
                "chars": len(text),
                "follow_up": state["understanding"].follow_up,
                "guides_unavailable": state["guides_unavailable"],
                "stages_ms": state["stages_ms"],
            },
        )
        return state

    def _embed_ahead(self, question: str) -> _Ahead | None:
        """Start embedding the text the guides will be searched with, in the background (None if it cannot)."""
        search_text = plain_question(question)
        try:
            embedder = self.services.knowledge.embedder()
            started = threading.Event()

            def embed() -> list[float]:
                started.set()
                return embedder.embed_query(search_text)

            future = self._ahead.submit(embed)
            # Hand the worker the GIL now: otherwise it waits for this thread to give it up (Python's 5 ms switch
            # interval) and the embedding starts late; it releases the GIL again inside the model.
            started.wait(_START_WAIT_S)
            return _Ahead(search_text, future)
        except Exception as exc:  # e.g. the embedder's packages are missing: the search reports it as usual
            log.debug("no query vector ahead of the search: %s", exc)
            return None

    def _an_aside(self, understanding: Understanding, conversation_id: str) -> bool:
        """A turn the assistant could not place (out of scope), or thanks, after one it answered: the conversation
        keeps the answered turn, so 'what quant?' misread does not make the next 'how fast?' lose the model and the Mac."""
        asides = (Intent.OUT_OF_SCOPE, Intent.GREETING)  # "thanks!" between two questions is an aside too
        if understanding.intent not in asides:
            return False
        earlier = _Turn.loads(self.services.conversations.get(conversation_id))
        return earlier is not None and earlier.understanding.intent not in asides

    def _remember(self, conversation_id: str, turn: _Turn) -> None:
        try:
            stored = turn.dumps()
        except (ValueError, TypeError) as exc:  # e.g. a number JSON cannot hold: the next turn starts afresh
            log.warning("a conversation turn could not be stored (%s)", exc)
            return
        self.services.conversations.put(conversation_id, stored)

    def _write(self, state: dict) -> Iterator[str]:
        return self._write_step.stream(state)

    def _conversation_lock(self, conversation_id: str | None) -> threading.Lock:
        if conversation_id is None:
            return threading.Lock()
        with self._locks_guard:
            if len(self._turn_locks) > 4 * self.settings.max_conversations:
                self._turn_locks.clear()
            return self._turn_locks.setdefault(conversation_id, threading.Lock())

    def _reply(self, state: dict, text: str) -> Reply:
        facts: Facts = state["facts"]
        return Reply(
            text=text,
            sources=state["sources"],
            gpus=facts.gpu_names,
            memory_gb=round(facts.lead_memory_gb, 2) if facts.lead_memory_gb is not None else None,
            intent=str(state["understanding"].intent),
            conversation_id=state["conversation_id"],
            plan=facts.plan,
            request_id=state.get("request_id"),
            details=state.get("details", ""),
        )


@dataclass(frozen=True)
class _Ahead:
    """A query vector being computed in the background for one question's search text."""

    text: str
    future: Future

    def vector_for(self, text: str) -> list[float] | None:
        """The vector when it is for ``text``, waiting for it if it is being computed; None when it is for
        another text, still queued (cancelled: the search embeds at once), or failed (the search reports it)."""
        if text != self.text or self.future.cancel():
            return None
        try:
            return self.future.result()
        except Exception:
            return None


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _length(question: object) -> int | None:
    return len(question) if isinstance(question, str) else None
