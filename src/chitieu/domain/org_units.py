"""Organisational units (province, districts, communes, party committees) with validity dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class OrgUnit:
    code: str
    name: str
    kind: str = ""  # tỉnh, huyện, thành phố, xã, đảng bộ, ...
    parent_code: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)
