"""The vocabulary of price-market questions: regions and continents, spot, providers, price ranges, other
currencies, buying, and the training-vs-inference price gap (pure).

``read_market`` reads what a price question narrows to; ``asks_market`` says whether a question about a GPU
is really a question about where and for how much it is rented (so it is answered from the offerings table
rather than as a spec sheet). Provider names come from the offerings table the caller passes; the few
other spellings people use for them are listed here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

__all__ = ["SPOT_WORDS", "Market", "asks_buy_or_rent", "asks_market", "read_market", "read_providers"]

_CONTINENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Europe",
        re.compile(r"\beurop(?:e|ean)\b|\bin (?:the )?eu\b|\bgermany\b|\bfrance\b|\bthe uk\b|\bnordics?\b"),
    ),
    (
        "North America",
        re.compile(
            r"\bnorth america\b|\bin the us\b|\bthe u\.?s\.?a?\b|\busa\b|\bunited states\b|\bcanada\b"
        ),
    ),
    ("South America", re.compile(r"\bsouth america\b|\blatin america\b|\bbrazil\b")),
    ("Asia", re.compile(r"\basia\b|\bjapan\b|\bsingapore\b|\bindia\b|\bkorea\b|\bmiddle east\b")),
    ("Oceania", re.compile(r"\boceania\b|\baustralia\b|\bnew zealand\b")),
    ("Africa", re.compile(r"\bafrica\b")),
)
# A provider region written the way clouds write them: us-east-1, europe-west4, eu-central-1, ap-south-1.
_REGION_CODE = re.compile(
    r"\b(?:us|eu|ap|ca|sa|me|af|europe|asia|australia|northamerica)-[a-z]+-?\d+[a-z]?\b"
)
# the words for capacity the provider may take back, which the spot market prices
SPOT_WORDS = r"spot|pre-?emptible|interruptible"
_SPOT = re.compile(rf"\b(?:{SPOT_WORDS})\b|\bcommunity cloud\b")
_REGIONS = re.compile(r"\bregions?\b|\blocations?\b|\bwhere (?:is|are) (?:it|they|the \w+) cheapest\b")
_PROVIDERS = re.compile(
    r"\bwhich (?:providers?|clouds?|companies)\b|\bwho (?:rents?|offers?|sells?|has)\b|\bproviders?\b|"
    r"\bwhere (?:can|could|do|should) (?:i|we|you) (?:rent|get|find)\b|\bavailab(?:le|ility)\b"
)
# "what instance on aws has an L4?", "which instance types come with the A10G?": the instance types that hold it
_INSTANCES = re.compile(
    r"\b(?:which|what) (?:\w+ )?(?:instances?|instance types?|vms?|machine types?|skus?)\b"
)
_RANGE = re.compile(
    r"\bprice range\b|\brange\b|\bspread\b(?![^?.]{0,25}\b(?:across|over|between)\b)|\bmedian\b|\bmin(?:imum)?\b.*\bmax(?:imum)?\b|\bvar(?:y|ies)\b"
)
_CURRENCIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("EUR", re.compile(r"€|\beuros?\b|\beur\b")),
    ("GBP", re.compile(r"£|\bpounds?\b|\bgbp\b|\bsterling\b")),
    ("JPY", re.compile(r"¥|\byen\b|\bjpy\b")),
    ("CNY", re.compile(r"\byuan\b|\brmb\b|\bcny\b")),
    ("INR", re.compile(r"₹|\brupees?\b|\binr\b")),
    ("CAD", re.compile(r"\bcad\b|\bcanadian dollars?\b")),
    ("AUD", re.compile(r"\baud\b|\baustralian dollars?\b")),
    ("CHF", re.compile(r"\bchf\b|\bswiss francs?\b")),
)
_BUY = re.compile(
    # "buy" as a verb; "the better buy" / "a good buy" judge value and are comparisons, not purchases
    r"(?<!better )(?<!best )(?<!good )(?<!great )\bbuy(?:ing)?\b|\bpurchas(?:e|ing)\b|\bmsrp\b|\bretail price\b"
    r"|\bstreet price\b|\bown (?:one|it|a|an)\b"
)
_CLASS_GAP = re.compile(
    r"\btraining[- ](?:class |grade )?(?:gpus?|cards?|chips?|accelerators?)\b.*\binference\b|"
    r"\binference[- ](?:class |grade )?(?:gpus?|cards?|chips?|accelerators?)\b.*\btraining\b|"
    r"\bsignwl\b|\b3\s*(?:-|–|to)\s*10\s*x\b"
)
_PRICE_WORD = re.compile(r"\bpric|\bcost|\bexpensive\b|\bcheap|\$|\bper hour\b|\bhourly\b|\brent")
# Spellings of providers besides the table's own names (which are matched as words).
_PROVIDER_ALIASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("aws", re.compile(r"\bamazon\b|\bec2\b")),
    ("gcp", re.compile(r"\bgoogle cloud\b")),
    ("azure", re.compile(r"\bmicrosoft\b")),
    ("vast", re.compile(r"\bvast\.ai\b")),
    ("primeintellect", re.compile(r"\bprime intellect\b")),
    ("lambda", re.compile(r"\blambda labs\b|\blambda cloud\b")),
)


@dataclass(frozen=True)
class Market:
    """What a price question narrows to (empty fields: not said)."""

    continent: str | None = None
    region: str | None = None  # a provider region code such as 'us-east-1'
    spot: bool = False
    providers: tuple[str, ...] = ()
    asks_providers: bool = False
    asks_regions: bool = False
    asks_range: bool = False
    currency: str | None = None  # asked in a currency other than USD
    buy: bool = False
    asks_class_gap: bool = False
    asks_instances: bool = False

    @property
    def where(self) -> str | None:
        """The region filter to apply: a region code if one was given, else a continent."""
        return self.region or self.continent

    @property
    def asked(self) -> bool:
        """True when the question narrows prices to any of these."""
        return bool(
            self.where
            or self.spot
            or self.providers
            or self.asks_providers
            or self.asks_regions
            or self.asks_range
            or self.currency
            or self.buy
            or self.asks_class_gap
            or self.asks_instances
        )


def read_market(question: str, providers: Iterable[str] = ()) -> Market:
    """The regions, spot, providers, range, currency and buying a question asks about."""
    text = question.lower()
    region = _REGION_CODE.search(text)
    named = [p for p in providers if re.search(rf"\b{re.escape(p.lower())}\b", text)]
    named += [p for p, pattern in _PROVIDER_ALIASES if pattern.search(text) and p not in named]
    return Market(
        continent=next((name for name, pattern in _CONTINENTS if pattern.search(text)), None),
        region=region.group() if region else None,
        spot=bool(_SPOT.search(text)),
        providers=tuple(named),
        asks_providers=bool(_PROVIDERS.search(text)),
        asks_regions=bool(_REGIONS.search(text)),
        asks_range=bool(_RANGE.search(text)),
        currency=next((code for code, pattern in _CURRENCIES if pattern.search(text)), None),
        buy=bool(_BUY.search(text)),
        asks_class_gap=bool(_CLASS_GAP.search(text)) and bool(_PRICE_WORD.search(text)),
        asks_instances=bool(_INSTANCES.search(text)),
    )


def asks_market(question: str, details) -> bool:
    """Whether a question without a workload asks where or for how much GPUs are rented or bought."""
    if details.has_workload:
        return False
    market = read_market(question)
    if market.asks_class_gap:
        return True
    if market.buy and not replace(market, buy=False).asked and _buys_one_of(question, details):
        return False  # "buy two 3090s or one 4090?": which to buy is weighed, not the price of each
    return bool(details.gpus) and market.asked


# a choice between the cards named: "A or B", "A vs B", "which", "better", "smarter", "should I"
_CHOICE = re.compile(r"\bor\b|\bvs\b|\bversus\b|\bwhich\b|\bbetter\b|\bsmarter\b|\bwiser\b|\bshould\b")
_PRICE_ASKED = re.compile(r"\bhow much\b|\bprice|\bcosts?\b|\bcheap")


def _buys_one_of(question: str, details) -> bool:
    """Whether buying is said of a choice between two or more cards, with no price asked (and no renting set
    against the buying: "buy a 5090 or rent an H100?" is a question of money)."""
    text = question.lower()
    return (
        len(details.gpus) >= 2
        and bool(_CHOICE.search(text))
        and not _PRICE_ASKED.search(text)
        and not asks_buy_or_rent(text)
    )


# buying (or owning) a card, set against renting one in asks_buy_or_rent
_BOUGHT_OR_HAD = re.compile(
    r"\bbuy(?:ing|s)?\b|\bpurchas\w*|\bbought\b|\bown(?:ing)?\b|"
    # "getting two 3090s", "grab a used 4090", "pick up an rtx 5090": a card bought, by its number
    r"\b(?:get|getting|grab|grabbing|pick(?:ing)? up)\s+(?:a |an |two |three |four |\d+ ?x? ?|my own |some )?"
    r"(?:used |second-?hand |new )?(?:nvidia |geforce )?(?:rtx |gtx |rx )?\d{4}s?\b"
)
_RENT = re.compile(
    r"\brent(?:ing|ed|al)?\b|\bcloud\b|\brunpod\b|\bvast(?:\.ai)?\b|\blambda\b|\bon[- ]demand\b"
)


def asks_buy_or_rent(question: str) -> bool:
    """True when the question sets buying hardware against renting it."""
    q = question.lower()
    return bool(_BOUGHT_OR_HAD.search(q) and _RENT.search(q))


# Before a provider's name: the user rules it out ("not on azure", "anything but runpod", "avoid lambda").
_RULED_OUT = re.compile(
    r"(?:\bnot|\bno|\bexcept|\b(?:anything|anywhere|everything|everywhere|anyone|any provider|any cloud|all) but|\bwithout|\bavoid(?:ing)?|"
    r"\bexcluding|\bother than|\bapart from|\bnever|\bdon'?t (?:want|like|use|trust)|\bbesides|\binstead of|"
    r"\brather than|\bnon-?)"
    r"\s*(?:(?:on|from|with|in|at|using|use|via|through|the|any|a)\s+){0,3}$"
)
# Provider names that are also English words count only where a provider is meant ("on vast", "vast.ai").
_WORDLIKE = {
    "vast": re.compile(
        r"\bvast\.ai\b|\b(?:on|from|at|via|use|using|rent(?:ing)?|with)\s+vast\b(?!\s+(?:amount|majority|number))"
    )
}


def read_providers(question: str, providers: Iterable[str] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The providers a question wants to rent from and those it rules out ('on AWS', 'not on azure')."""
    text = question.lower()
    wanted: list[str] = []
    unwanted: list[str] = []
    spellings = [(p, re.compile(rf"\b{re.escape(p.lower())}\b")) for p in providers]
    spellings += [(p, pattern) for p, pattern in _PROVIDER_ALIASES]
    for name, pattern in spellings:
        for m in pattern.finditer(text):
            check = _WORDLIKE.get(name)
            if check is not None and not check.search(text[max(0, m.start() - 12) : m.end() + 4]):
                continue
            out = bool(_RULED_OUT.search(text[max(0, m.start() - 40) : m.start()]))
            target = unwanted if out else wanted
            if name not in target:
                target.append(name)
    return tuple(p for p in wanted if p not in unwanted), tuple(unwanted)
