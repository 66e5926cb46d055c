"""Test fixture: a PlanBundle built from the Lai Châu 2023 report (corpus 002) as printed.

Parses the appendix table "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU …" (targets, the 2021-2023 and 2020-2025
results with printed % and verdicts), the per-unit study table (Phụ lục 1), a few narrative figures
and some 2020 draft targets (corpus 001), so report and audit tests run on the documents' numbers
whether or not the bundled dataset is present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from chitieu.domain import (
    Indicator,
    IndicatorGroup,
    Observation,
    ObservationFlag,
    Op,
    OrgUnit,
    Period,
    Plan,
    PlanBundle,
    Polarity,
    Provenance,
    Target,
    TargetKind,
    TargetVersion,
)
from chitieu.numbers import parse_number
from chitieu.quantities import parse_quantity
from chitieu.vocab.verdicts import Status, parse_verdict

DOC = "002"
PLAN = "LC-XIV"
MID = Period(2021, 2023)
END = Period(2020, 2025)
HEADER_CHILDREN = {"Cơ cấu kinh tế": 4, "Tỷ lệ huy động học sinh trong độ tuổi đến trường:": 4}
LOWER_BETTER = ("suy dinh dưỡng",)


def _ratio(text: str) -> float | None:
    t = text.strip().rstrip("%").lstrip(">")
    return parse_number(t) if t else None


def _obs(code: str, period: Period, text: str, ratio: str, verdict: str, line: int, flag: ObservationFlag) -> Observation:
    q = parse_quantity(text)
    return Observation(
        indicator_code=code,
        period=period,
        value=q.value,
        op=q.op,
        flag=flag,
        text=text,
        stated_ratio=_ratio(ratio),
        stated_verdict=verdict or None,
        provenance=Provenance(DOC, f"Phụ lục 3, dòng {line}"),
    )


def load_appendix_bundle(corpus: Path) -> PlanBundle:
    lines = (corpus / "002_afab32be4bedbcb5.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("**KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"))
    plan = Plan(PLAN, "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020-2025", term_start=2020, term_end=2025)
    bundle = PlanBundle(plan=plan)
    group: IndicatorGroup | None = None
    number = ""
    after_page_header = False
    header_left = 0
    header_code: str | None = None
    order = 0
    for line_no, line in enumerate(lines[start:], start + 1):
        cells = line.split("\t")
        if len(cells) < 4 or cells[0] == "TT" or cells[:4] == ["", "", "", ""]:
            after_page_header = after_page_header or cells[0] == "TT" or cells[:4] == ["", "", "", ""]
            continue
        tt, name = cells[0].strip(), re.sub(r"</?i>", "", cells[1]).strip()
        rest = [c.strip() for c in cells[2:]] + [""] * 10
        if tt in ("I", "II", "III", "IV"):
            group = IndicatorGroup(f"G{tt}", name, order=len(bundle.groups) + 1)
            bundle.groups.append(group)
            after_page_header = False
            continue
        if after_page_header and not any(rest):
            last = bundle.indicators[-1]
            bundle.indicators[-1] = Indicator(**{**_fields(last), "name": f"{last.name} {name}"})
            after_page_header = False
            continue
        after_page_header = False
        if tt:
            number = tt
        order += 1
        code = f"R{order:02d}"
        parent = header_code if header_left > 0 else None
        header_left -= 1 if header_left > 0 else 0
        polarity = Polarity.HIGHER_BETTER
        if parent is not None and bundle.indicator(parent).name == "Cơ cấu kinh tế":
            polarity = Polarity.NEUTRAL_STRUCTURE
        elif any(cue in name.lower() for cue in LOWER_BETTER):
            polarity = Polarity.LOWER_BETTER
        assert group is not None
        bundle.indicators.append(
            Indicator(code, name, unit=rest[0], polarity=polarity, group_code=group.code,
                      parent_code=parent, plan_code=PLAN, number=number, order=order)
        )
        if name in HEADER_CHILDREN:
            header_code, header_left = code, HEADER_CHILDREN[name]
            continue
        q = parse_quantity(rest[1])
        per_year = "/năm" in rest[0] or "hằng năm" in name.lower() or name == "Kết nạp đảng viên mới"
        kind = TargetKind.PER_YEAR if per_year else TargetKind.LEVEL
        if rest[0] == "%/năm" or name.startswith("Tốc độ"):
            kind = TargetKind.ANNUAL_RATE
        bundle.targets.append(
            Target(code, q.op, value=q.value, low=q.low, high=q.high, deadline=2025, start_year=2021, kind=kind,
                   version=TargetVersion.ADOPTED, plan_code=PLAN, unit=rest[0], text=rest[1],
                   provenance=Provenance(DOC, f"Phụ lục 3, dòng {line_no}"))
        )
        bundle.observations.append(_obs(code, MID, rest[2], rest[3], rest[4], line_no, ObservationFlag.ESTIMATE))
        bundle.observations.append(_obs(code, END, rest[5], rest[6], rest[7], line_no, ObservationFlag.PROJECTION))
    return bundle


def _fields(ind: Indicator) -> dict[str, object]:
    return {name: getattr(ind, name) for name in Indicator.__slots__}


def code_of(bundle: PlanBundle, name_start: str) -> str:
    return next(i.code for i in bundle.indicators if i.name.startswith(name_start))


def add_narrative_and_drafts(bundle: PlanBundle) -> None:
    """Figures the report's text gives for appendix indicators, and draft targets of the 2020 document."""
    narrative = [
        ("GRDP bình quân", Period.year(2023), "47,45", "Mục II.1, đoạn 1"),
        ("Tỷ lệ số thôn, bản có đường", Period.year(2023), "98,6", "Chú thích 14"),
        ("Thu ngân sách", Period.year(2023), "2.134", "Chú thích 12"),
        ("Tỷ lệ hộ dân được sử dụng điện", Period.year(2023), "96,5", "Chú thích 14"),
        ("Tỷ lệ che phủ rừng", Period.year(2023), "52,3", "Mục II.1.a"),
    ]
    for start, period, text, location in narrative:
        bundle.observations.append(
            Observation(code_of(bundle, start), period, parse_number(text), flag=ObservationFlag.ESTIMATE, text=text,
                        provenance=Provenance(DOC, location))
        )
    drafts = [("Tỷ lệ che phủ rừng", "53"), ("Tỷ lệ hộ dân được sử dụng điện", "99"), ("Tiểu học", "98"),
              ("Tỷ lệ lao động qua đào tạo", "62,79"), ("+ Công nghiệp", "50")]
    for start, text in drafts:
        code = code_of(bundle, start)
        adopted = bundle.current_target(code)
        assert adopted is not None
        bundle.targets.append(
            Target(code, Op.EQ, parse_number(text), deadline=2025, kind=adopted.kind, version=TargetVersion.DRAFT,
                   plan_code=PLAN, unit=adopted.unit, text=text, provenance=Provenance("001", "Mục B.II"))
        )


@dataclass(frozen=True)
class UnitTableRow:
    name: str
    values: list[float | None]


STUDY_COLUMNS = ("hoi_nghi", "luot", "dv_tong", "dv_hoc", "dv_tyle", "cc_tong", "cc_hoc", "cc_tyle", "quan_chung")
STUDY_UNITS = ("Hội nghị", "Lượt người", "Người", "Người", "%", "Người", "Người", "%", "Người")


def add_study_table(bundle: PlanBundle, corpus: Path) -> None:
    """Phụ lục 1 (per-unit study of the resolution) as observations per org unit, total at the province."""
    lines = (corpus / "002_afab32be4bedbcb5.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("PHỤ LỤC I"))
    bundle.groups.append(IndicatorGroup("PL1", "Phụ lục 1: học tập, quán triệt Nghị quyết", order=99))
    for k, (code, unit) in enumerate(zip(STUDY_COLUMNS, STUDY_UNITS, strict=True)):
        bundle.indicators.append(Indicator(f"PL1.{code}", code, unit=unit, group_code="PL1", order=100 + k))
    bundle.org_units.append(OrgUnit("LC", "Tỉnh Lai Châu", "tỉnh"))
    for line_no, line in enumerate(lines[start:start + 30], start + 1):
        cells = line.split("\t")
        if len(cells) < 3 or not (re.match(r"\d+\.$", cells[0]) or cells[0] == "Tổng"):
            continue
        unit_code = "LC" if cells[0] == "Tổng" else f"U{cells[0].rstrip('.')}"
        if unit_code != "LC":
            bundle.org_units.append(OrgUnit(unit_code, cells[1], parent_code="LC"))
        for code, text in zip(STUDY_COLUMNS, cells[2:11], strict=False):
            if text.strip():
                bundle.observations.append(
                    Observation(f"PL1.{code}", Period(2021, 2023), parse_number(text), org_unit_code=unit_code,
                                text=text.strip(), provenance=Provenance(DOC, f"Phụ lục 1, dòng {line_no}"))
                )


@dataclass(frozen=True)
class FakeRow:
    """Stand-in for chitieu.assessment.bundle.AssessmentRow: echoes the printed verdicts."""

    code: str
    value: float | None
    value_text: str
    ratio: float | None
    status: Status


def fake_assessment(bundle: PlanBundle, period: Period) -> list[FakeRow]:
    rows = []
    for obs in bundle.observations:
        if obs.period != period or obs.org_unit_code is not None or obs.stated_verdict is None:
            continue
        target = bundle.current_target(obs.indicator_code)
        ref = target.low if target is not None and target.op is Op.RANGE else (target.value if target else None)
        ratio = obs.value / ref * 100 if ref and obs.value is not None else None
        rows.append(FakeRow(obs.indicator_code, obs.value, obs.text, ratio, parse_verdict(obs.stated_verdict) or Status.NO_DATA))
    return rows
