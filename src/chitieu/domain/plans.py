"""Plans: resolutions, programmes and their component projects and sub-projects, projects (đề án), conclusions,
plans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class PlanKind(StrEnum):
    RESOLUTION = "resolution"  # nghị quyết
    PROGRAMME = "programme"  # chương trình
    PROJECT = "project"  # đề án
    CONCLUSION = "conclusion"  # kết luận
    DIRECTIVE = "directive"  # chỉ thị
    PLAN = "plan"  # kế hoạch
    COMPONENT = "component"  # dự án thành phần of a programme ("Dự án 3")
    SUBPROJECT = "subproject"  # tiểu dự án of a component ("Tiểu dự án 1")

    @property
    def label_vi(self) -> str:
        return {
            "resolution": "Nghị quyết",
            "programme": "Chương trình",
            "project": "Đề án",
            "conclusion": "Kết luận",
            "directive": "Chỉ thị",
            "plan": "Kế hoạch",
            "component": "Dự án thành phần",
            "subproject": "Tiểu dự án",
        }[self.value]


@dataclass(frozen=True, slots=True)
class Plan:
    code: str
    title: str
    kind: PlanKind = PlanKind.RESOLUTION
    number: str = ""  # "03-NQ/TU"
    issued_on: date | None = None
    issuer: str = ""
    term_start: int | None = None
    term_end: int | None = None
    parent_code: str | None = None
    budget: float | None = None  # tỷ đồng, where the documents state one
    budget_note: str = ""
