"""Counts the Lai Châu 2023 report (corpus 002) states about its own appendix, as data.

Mục II.5.1 and Mục III.1 of the report; each entry names the category counted in the table
(see ``chitieu.audit.summary_counts.CATEGORIES``). Kept here until the dataset carries a
``stated_counts`` table of its own.
"""

from __future__ import annotations

from chitieu.audit.summary_counts import StatedCount
from chitieu.domain.provenance import Provenance

_SECTION_5_1 = Provenance("002", "Mục II.5.1", "4 nhóm chỉ tiêu chủ yếu, 11 chỉ tiêu cụ thể và 55 chỉ tiêu thành phần")
_SECTION_III_1 = Provenance("002", "Mục III.1", "1/11 nhóm chỉ tiêu chủ yếu, 22/55 chỉ tiêu thành phần")

LC_XIV_STATED_COUNTS: tuple[StatedCount, ...] = (
    StatedCount("LC-XIV", 2023, "groups", 4, _SECTION_5_1),
    StatedCount("LC-XIV", 2023, "indicators", 11, _SECTION_5_1),
    StatedCount("LC-XIV", 2023, "components", 55, _SECTION_5_1),
    StatedCount("LC-XIV", 2023, "exceeded", 12, _SECTION_5_1),
    StatedCount("LC-XIV", 2023, "achieved", 10, _SECTION_5_1),
    StatedCount("LC-XIV", 2023, "on_track", 27, _SECTION_5_1),
    StatedCount("LC-XIV", 2023, "at_risk", 6, _SECTION_5_1),
    StatedCount("LC-XIV", 2023, "indicators_met", 1, _SECTION_III_1),
    StatedCount("LC-XIV", 2023, "met", 22, _SECTION_III_1),
)
