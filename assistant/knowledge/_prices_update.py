"""``gpu-assistant prices update``: fetch the live SkyPilot catalog files, normalise them as the snapshot was,
and write them to the data directory with the fetch time (standard library HTTP only).

For each cloud, ``<base_url>/<cloud>/vms.csv`` is downloaded and normalised by the same code that built
``corpus/offerings.csv`` (:func:`parse_skypilot_csv`, consumer cards without a fabric, memory-mismatch flags),
each row's ``as_of`` being the fetch date and its ``source`` the URL. A file that cannot be fetched or does not
validate is rejected and the data already there (a previous update, else the snapshot) is kept. The result
is written to ``<data_dir>/offerings/<cloud>.csv`` (atomically) and the fetch times to ``fetched.json``
beside it; :func:`load_offerings_from` then prefers those files. Offerings are queried, not embedded, so
nothing needs re-indexing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ._catalog import Catalog
from ._offerings import (
    OfferingsError,
    flag_memory_mismatch,
    load_alias_file,
    make_resolver,
    parse_skypilot_csv,
    write_offerings_csv,
)
from ._offerings_files import live_offerings_dir

__all__ = ["CloudUpdate", "PriceUpdate", "update_prices"]

_FETCHED = "fetched.json"
_MAX_BYTES = 200 * 1024 * 1024  # the largest live catalog (AWS) is tens of MB


@dataclass(frozen=True)
class CloudUpdate:
    """What happened to one cloud's file: ``status`` is 'updated', 'rejected' or 'unreachable'."""

    cloud: str
    status: str
    detail: str
    offerings: int = 0
    fetched_at: dt.datetime | None = None


@dataclass(frozen=True)
class PriceUpdate:
    """The outcome of one update run."""

    clouds: tuple[CloudUpdate, ...] = field(default_factory=tuple)

    @property
    def offline(self) -> bool:
        """True when no cloud could be reached at all (no network, or the catalog host is down)."""
        return bool(self.clouds) and all(c.status == "unreachable" for c in self.clouds)

    @property
    def updated(self) -> tuple[str, ...]:
        return tuple(c.cloud for c in self.clouds if c.status == "updated")


def update_prices(
    clouds: Sequence[str],
    base_url: str,
    data_dir: Path,
    catalog: Catalog,
    corpus: Path,
    *,
    timeout: float = 30.0,
    now: dt.datetime | None = None,
) -> PriceUpdate:
    """Fetch, normalise and store each cloud's ``vms.csv``; a failure for one cloud keeps its old data."""
    aliases, provider_aliases = load_alias_file(Path(corpus) / "offerings-aliases.yaml")
    resolve = make_resolver({g.name: g.aliases for g in catalog}, aliases, provider_aliases)
    folder = live_offerings_dir(data_dir)
    results = []
    for cloud in clouds:
        url = f"{base_url.rstrip('/')}/{cloud}/vms.csv"
        fetched_at = now or dt.datetime.now(dt.UTC)
        try:
            text = _fetch(url, timeout)
        except (TimeoutError, urllib.error.URLError, ConnectionError, OSError) as exc:
            status = "rejected" if isinstance(exc, urllib.error.HTTPError) else "unreachable"
            results.append(CloudUpdate(cloud, status, _reason(exc)))
            continue
        try:
            offerings = _normalise(text, cloud, resolve, catalog, url, fetched_at.date())
        except OfferingsError as exc:
            results.append(CloudUpdate(cloud, "rejected", f"malformed file: {exc}"))
            continue
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{cloud}.csv"
        partial = target.with_suffix(".csv.partial")
        write_offerings_csv(offerings, partial)
        os.replace(partial, target)
        _record_fetch(folder, cloud, fetched_at)
        results.append(CloudUpdate(cloud, "updated", url, len(offerings), fetched_at))
    return PriceUpdate(tuple(results))


def _fetch(url: str, timeout: float) -> str:
    request = urllib.request.Request(url, headers={"User-Agent": "gpu-assistant prices update"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data = response.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:
        raise OfferingsError(f"{url}: larger than {_MAX_BYTES} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise OfferingsError(f"{url}: not UTF-8 text") from None


def _normalise(text: str, cloud: str, resolve, catalog: Catalog, url: str, as_of: dt.date):
    result = parse_skypilot_csv(text, cloud, resolve, source=url, as_of=as_of)
    if not result.offerings:
        raise OfferingsError(f"{cloud}: no row names a GPU in the catalog")
    gpu_class = {g.name: g.gpu_class for g in catalog}
    offerings = [
        o.model_copy(update={"interconnect": "none"})
        if o.interconnect is None and gpu_class.get(o.gpu) == "consumer"
        else o
        for o in result.offerings
    ]
    memory = {g.name: g.memory_gb for g in catalog}
    return flag_memory_mismatch(offerings, memory.get)


def _record_fetch(folder: Path, cloud: str, fetched_at: dt.datetime) -> None:
    path = folder / _FETCHED
    try:
        times = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        times = {}
    times[cloud] = fetched_at.isoformat(timespec="seconds")
    path.write_text(json.dumps(times, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code}"
    reason = getattr(exc, "reason", exc)
    return str(reason) or type(exc).__name__
