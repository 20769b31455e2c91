"""Understanding: a question (and the conversation so far) into an intent and the details it states."""

from ._amounts import WorkAmount, asks_live, asks_rate, work_amount
from ._engines import asks_engine_memory, cache_blocks_error, engines_named, kv_cache_error
from ._market import Market, asks_buy_or_rent, read_market
from ._requirement import quoted_requirement_gb
from ._understand import Details, Intent, Understanding, plain_question, understand
from ._usage import Use, use_said

__all__ = [
    "Details",
    "Intent",
    "Market",
    "Understanding",
    "Use",
    "WorkAmount",
    "asks_buy_or_rent",
    "asks_engine_memory",
    "asks_live",
    "asks_rate",
    "cache_blocks_error",
    "engines_named",
    "kv_cache_error",
    "plain_question",
    "quoted_requirement_gb",
    "read_market",
    "understand",
    "use_said",
    "work_amount",
]
