"""The composition root: builds every service the Assistant uses from one Settings object."""

from __future__ import annotations

from dataclasses import dataclass

from ._conversations import ConversationStore
from ._settings import Settings, load_settings
from .answering._writers import AnswerWriter, OfflineWriter
from .knowledge._catalog import Catalog, load_catalog
from .knowledge._models import ModelSpecs, load_models
from .knowledge._offerings import OfferingsTable
from .knowledge._offerings_files import load_offerings_from
from .knowledge._purchases import PurchasePrice, load_purchase_prices
from .retrieval._knowledge_base import KnowledgeBase
from .sizing import Assumptions, load_assumptions

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
    conversations: ConversationStore
    offerings: OfferingsTable | None = None  # None: catalog prices only (tests with stand-ins)
    purchases: dict[str, PurchasePrice] | None = None  # card purchase prices, by catalog name


def build_services(settings: Settings | None = None) -> Services:
    """Wire the defaults: corpus data, the offerings table (live files in the data dir win), the lazily built
    index, and the offline or LLM writer."""
    settings = settings or load_settings()
    corpus = settings.corpus_dir
    catalog = load_catalog(corpus / "gpus.yaml")
    models = load_models(corpus / "models.yaml")
    assumptions = load_assumptions(corpus / "assumptions.yaml")
    return Services(
        settings=settings,
        catalog=catalog,
        models=models,
        assumptions=assumptions,
        knowledge=KnowledgeBase(settings, catalog, models),
        writer=_writer(settings),
        conversations=ConversationStore(
            ttl_seconds=settings.conversation_ttl_s, max_conversations=settings.max_conversations
        ),
        offerings=load_offerings_from(corpus, settings.data_dir),
        purchases=load_purchase_prices(corpus / "purchase-prices.yaml", catalog),
    )


def _writer(settings: Settings) -> AnswerWriter:
    if not settings.llm:
        return OfflineWriter()
    from .answering._llm import LLMWriter, load_chat_model

    return LLMWriter(load_chat_model(settings))
