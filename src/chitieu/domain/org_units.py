"""Organisational units (province, districts, communes, party committees) with validity dates, and the
changes that link a unit to the units it became (merge, split, rename, transfer of part)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from chitieu.domain.provenance import Provenance


@dataclass(frozen=True, slots=True)
class OrgUnit:
    code: str
    name: str
    kind: str = ""  # tỉnh, huyện, thành phố, xã, đảng bộ, ...
    parent_code: str | None = None
    valid_from: date | None = None  # first day the unit exists (None: since always)
    valid_to: date | None = None  # last day the unit exists (None: still exists)

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class UnitChangeKind(StrEnum):
    """How a unit became another (sáp nhập, chia tách, đổi tên, điều chỉnh một phần địa giới)."""

    MERGE = "merge"  # the whole predecessor went into the successor (with others, usually)
    SPLIT = "split"  # the predecessor was divided; this successor got ``weight`` of it (or an unknown part)
    RENAME = "rename"  # same territory, new code or name
    TRANSFER = "transfer"  # part of the predecessor (``weight``) moved to the successor; the predecessor lives on

    @property
    def label_vi(self) -> str:
        return {"merge": "sáp nhập", "split": "chia tách", "rename": "đổi tên",
                "transfer": "điều chỉnh một phần"}[self.value]


@dataclass(frozen=True, slots=True)
class UnitChange:
    """A successor link: from ``effective_on``, ``weight`` of ``predecessor_code`` belongs to ``successor_code``.

    ``weight`` is the share (0 < w ≤ 1) of the predecessor's additive quantities (population, area, money)
    that the successor took; None means "the whole" for a merge or rename and "an unknown part" for a split
    or transfer (a split given only as a list of parts).
    """

    predecessor_code: str
    successor_code: str
    effective_on: date
    kind: UnitChangeKind = UnitChangeKind.MERGE
    weight: float | None = None
    note: str = ""
    provenance: Provenance | None = None

    @property
    def share(self) -> float | None:
        """The share of the predecessor the successor took; None when unknown."""
        if self.weight is not None:
            return self.weight
        return 1.0 if self.kind in (UnitChangeKind.MERGE, UnitChangeKind.RENAME) else None
