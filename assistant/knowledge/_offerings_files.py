"""Which offerings files the assistant reads: the corpus snapshot, with providers a live update fetched taken
from the data directory instead (pure).

``gpu-assistant prices update`` writes ``<data_dir>/offerings/<provider>.csv`` (corpus offerings columns, each
row's ``as_of`` the fetch date). When such a file exists its rows replace that provider's snapshot rows; a
file that no longer validates is ignored (the snapshot stays) and named in the table's notes.
"""

from __future__ import annotations

from pathlib import Path

from .._errors import DataError
from ._offerings import Offering, OfferingsError, OfferingsTable, load_region_rules, read_offerings_csv

__all__ = ["LIVE_OFFERINGS_DIR", "live_offerings_dir", "load_offerings_from"]

#: Folder under the data directory that holds live offerings files, one per provider.
LIVE_OFFERINGS_DIR = "offerings"

SNAPSHOT_FILES = ("offerings.csv", "offerings-hyperscalers.csv")


def live_offerings_dir(data_dir: Path) -> Path:
    """Where live offerings files are written and read."""
    return Path(data_dir) / LIVE_OFFERINGS_DIR


def load_offerings_from(corpus: Path, data_dir: Path | None = None) -> OfferingsTable:
    """The offerings table: the corpus snapshot, with each provider that has a valid live file replaced by it.

    Raises DataError when a corpus file is missing or invalid (the snapshot is part of the package).
    """
    corpus = Path(corpus)
    try:
        rules = load_region_rules(corpus / "offerings-regions.yaml")
        snapshot: list[Offering] = []
        for name in SNAPSHOT_FILES:
            snapshot.extend(read_offerings_csv(corpus / name))
    except OfferingsError as exc:
        raise DataError(str(exc)) from None
    live: dict[str, list[Offering]] = {}
    notes: list[str] = []
    folder = live_offerings_dir(data_dir) if data_dir is not None else None
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.csv")):
            try:
                rows = read_offerings_csv(path)
            except OfferingsError as exc:
                notes.append(f"ignored {path.name} ({exc}); kept the snapshot")
                continue
            live[path.stem] = rows
    kept = [o for o in snapshot if o.provider not in live]
    table = OfferingsTable([*kept, *(o for rows in live.values() for o in rows)], region_rules=rules)
    table.notes = tuple(notes)
    table.live_providers = tuple(sorted(live))
    return table
