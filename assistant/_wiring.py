"""The composition root: builds every service the Assistant uses from one Settings object."""

from __future__ import annotations

from dataclasses import dataclass

from ._conversations import Conversations, open_conversation_store
from ._settings import Settings, load_settings
from .answering._writers import AnswerWriter, OfflineWriter
from .knowledge._catalog import Catalog, load_catalog
from .knowledge._data import check_guides
from .knowledge._models import ModelSpecs, load_models
from .knowledge._offerings import OfferingsTable
from .knowledge._offerings_files import load_offerings_from
from .knowledge._purchases import PurchasePrice, load_purchase_prices
from .knowledge._software import Software, load_software
from .knowledge._workloads import Workloads, load_workloads
from .retrieval._knowledge_base import KnowledgeBase
from .sizing import Assumptions, load_assumptions
from .understanding._intents import NearestIntent, load_intent_examples

__all__ = ["Services", "build_services"]


@dataclass
class Services:
    """Everything the Assistant depends on; tests may build one with stand-ins."""

    settings: Settings
    catalog: Catalog
    models: ModelSpecs
    assumptions: Assumptions
    knowledge: KnowledgeBase
    writer: AnswerWriter
    conversations: Conversations
    offerings: OfferingsTable | None = None  # None: catalog prices only (tests with stand-ins)
    purchases: dict[str, PurchasePrice] | None = None  # card purchase prices, by catalog name
    intents: NearestIntent | None = None  # votes on the intent where the rules are unsure; None: rules only
    workloads: Workloads | None = None  # non-LLM measurements; None: the bundled corpus's
    software: Software | None = None  # which tools run on which accelerators; None: the bundled corpus's


def build_services(settings: Settings | None = None) -> Services:
    """Wire the defaults: corpus data, the offerings table (live files in the data dir win), the lazily built
    index, and the offline or LLM writer."""
    settings = settings or load_settings()
    corpus = settings.corpus_dir
    catalog = load_catalog(corpus / "gpus.yaml")
    models = load_models(corpus / "models.yaml")
    assumptions = load_assumptions(corpus / "assumptions.yaml")
    check_guides(corpus)  # at start-up, not at the first question that needs a passage
    knowledge = KnowledgeBase(settings, catalog, models)
    return Services(
        settings=settings,
        catalog=catalog,
        models=models,
        assumptions=assumptions,
        knowledge=knowledge,
        writer=_writer(settings),
        conversations=open_conversation_store(settings),
        offerings=load_offerings_from(corpus, settings.data_dir),
        purchases=load_purchase_prices(corpus / "purchase-prices.yaml", catalog),
        intents=_intents(settings, knowledge),
        workloads=load_workloads(corpus / "workloads.yaml"),
        software=load_software(corpus / "software.yaml", catalog),
    )


def _intents(settings: Settings, knowledge: KnowledgeBase) -> NearestIntent | None:
    """The nearest-example intent vote over ``intents.yaml`` with the retrieval embedder (None without the file:
    an older corpus directory answers by the rules alone)."""
    path = settings.corpus_dir / "intents.yaml"
    if not path.is_file():
        return None
    return NearestIntent(
        load_intent_examples(path),
        embed_query=knowledge.embed_query,
        embed_texts=knowledge.embed_texts,
        cache_dir=settings.data_dir,
    )


def _writer(settings: Settings) -> AnswerWriter:
    if not settings.llm:
        return OfflineWriter()
    from .answering._llm import LLMWriter, load_chat_model

    return LLMWriter(
        load_chat_model(settings), deadline_s=settings.llm_timeout_s, max_chars=settings.llm_max_chars
    )
