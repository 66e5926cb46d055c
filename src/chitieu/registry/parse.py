"""Validate raw registry tables and turn them into a ``Registry`` (frictionless-style: report, don't raise).

Every problem names the file, the row as the user sees it and the column. Nothing is returned
unless the whole registry is valid, so importers write all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chitieu.audit.summary_counts import CATEGORIES
from chitieu.domain import (
    Indicator,
    IndicatorGroup,
    Observation,
    ObservationFlag,
    OrgUnit,
    Period,
    Plan,
    PlanBundle,
    PlanKind,
    Polarity,
    Provenance,
    Target,
    TargetKind,
    TargetVersion,
)
from chitieu.domain.registry import CitedDocument, Registry
from chitieu.domain.stated_counts import StatedCount
from chitieu.messages import Problem, Report, msg
from chitieu.registry.cell_values import infer_target_kind, quantity_of, resolve_cell
from chitieu.registry.cells import Cells
from chitieu.registry.parse_programmes import read_budget_tables
from chitieu.registry.parse_round_rules import read_round_rules
from chitieu.registry.parse_tasks import read_tasks
from chitieu.registry.parse_unit_changes import read_unit_changes
from chitieu.registry.schema import TABLES
from chitieu.registry.tables import RawTable
from chitieu.registry.text_cells import read_words_cell
from chitieu.vocab.verdicts import parse_verdict


def _check_columns(table: RawTable, report: Report) -> bool:
    spec = next(t for t in TABLES if t.name == table.name)
    ok = True
    for column in spec.required:
        if column not in table.columns:
            report.add(Problem.make("missing_column", path=table.label, column=column, accepted=column))
            ok = False
    for column in table.columns:
        if column not in spec.columns:
            report.add(Problem.make("unknown_column", severity="warning", path=table.label, column=column))
    return ok


def _cycles(parents: dict[str, str | None]) -> set[str]:
    """Codes that sit on a parent cycle."""
    bad: set[str] = set()
    for start in parents:
        seen: list[str] = []
        code: str | None = start
        while code is not None and code in parents and code not in seen:
            seen.append(code)
            code = parents[code]
        if code is not None and code in seen:
            bad.update(seen[seen.index(code) :])
    return bad


class _Builder:
    def __init__(self, tables: dict[str, RawTable], report: Report) -> None:
        self.tables = tables
        self.report = report
        self.registry = Registry()
        self.documents: set[str] = set()
        # Keys whose rows exist but were rejected, per table: references to them are not reported again,
        # so one bad row (or one unreadable file) gives one problem, not one per row that refers to it.
        self.rejected: dict[str, set[object]] = {spec.name: set() for spec in TABLES}
        self.unreadable = {name for name, table in tables.items() if not table.readable}
        self.indicators: dict[tuple[str, str], Indicator] = {}  # (plan, code): targets and observations look up

    def already_reported(self, table: str, key: object) -> bool:
        """Whether a reference to ``key`` in ``table`` fails only because of a problem reported there."""
        return table in self.unreadable or key in self.rejected[table]

    def rows(self, name: str, each: Callable[[Cells], None]) -> None:
        table = self.tables.get(name)
        if table is None or not table.readable or not _check_columns(table, self.report):
            return
        for row in table.rows:
            each(Cells(table, row, self.report))

    def content(self, plan_code: str) -> PlanBundle:
        if plan_code not in self.registry.contents:
            plan = self.registry.plan(plan_code)
            assert plan is not None
            self.registry.contents[plan_code] = PlanBundle(plan=plan)
        return self.registry.contents[plan_code]

    def unique(self, cells: Cells, seen: set[Any], key: object, shown: str) -> bool:
        if key in seen:
            cells.problem("duplicate_key", value=shown)
            return False
        seen.add(key)
        return True

    def provenance(self, c: Cells) -> Provenance | None:
        """The row's source, reporting a source_document that names no document."""
        source = c.provenance()
        if source is not None and source.document not in self.documents \
                and not self.already_reported("documents", source.document):
            c.problem("unknown_reference", "source_document", value=source.document)
        return source

    # -- tables ---------------------------------------------------------------------------------
    def read_documents(self) -> None:
        def each(c: Cells) -> None:
            code, title = c.required("code"), c.required("title")
            doc = CitedDocument(code, title, c.text("kind"), c.day("issued_on"), c.text("issuer"), c.text("note"))
            if code and self.unique(c, self.documents, code, code) and not c.failed:
                self.registry.documents.append(doc)
            elif code:
                self.rejected["documents"].add(code)

        self.rows("documents", each)

    def read_plans(self) -> None:
        seen: set[object] = set()
        where: dict[str, Cells] = {}

        def each(c: Cells) -> None:
            code, title = c.required("code"), c.required("title")
            plan = Plan(
                code=code, title=title, kind=c.choice("kind", PlanKind, PlanKind.RESOLUTION) or PlanKind.RESOLUTION,
                number=c.text("number"), issued_on=c.day("issued_on"), issuer=c.text("issuer"),
                term_start=c.year("term_start"), term_end=c.year("term_end"), parent_code=c.optional("parent_code"),
                budget=c.number("budget"), budget_note=c.text("budget_note"),
            )
            if plan.term_start and plan.term_end and plan.term_end < plan.term_start:
                c.problem("bad_value", "term_end", value=plan.term_end, reason=msg("reason_term_order"))
            source = self.provenance(c)
            if code and self.unique(c, seen, code, code) and not c.failed:
                self.registry.plans.append(plan)
                where[code] = c
                if source is not None:
                    self.registry.plan_sources[code] = source
            elif code:
                self.rejected["plans"].add(code)

        self.rows("plans", each)
        self._check_parents({p.code: p.parent_code for p in self.registry.plans}, where, self.rejected["plans"])

    def _check_parents(
        self, parents: dict[str, str | None], where: dict[str, Cells], rejected: set[object] | None = None
    ) -> None:
        for code, parent in parents.items():
            if parent is not None and parent not in parents and parent not in (rejected or set()):
                where[code].problem("unknown_reference", "parent_code", value=parent)
        on_cycle = _cycles(parents)
        for code in (c for c in parents if c in on_cycle):  # in row order
            where[code].problem("parent_cycle", "parent_code", value=parents[code])

    def read_org_units(self) -> None:
        seen: set[object] = set()
        where: dict[str, Cells] = {}

        def each(c: Cells) -> None:
            code, name = c.required("code"), c.required("name")
            unit = OrgUnit(code, name, c.text("kind"), c.optional("parent_code"), c.day("valid_from"), c.day("valid_to"))
            if unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from:
                c.problem("bad_value", "valid_to", value=unit.valid_to, reason=msg("reason_validity_order"))
            if code and self.unique(c, seen, code, code) and not c.failed:
                self.registry.org_units.append(unit)
                where[code] = c
            elif code:
                self.rejected["org_units"].add(code)

        self.rows("org_units", each)
        self._check_parents({u.code: u.parent_code for u in self.registry.org_units}, where, self.rejected["org_units"])

    def plan_ref(self, c: Cells) -> str | None:
        code = c.required("plan_code")
        if code and self.registry.plan(code) is None:
            if not self.already_reported("plans", code):
                c.problem("unknown_reference", "plan_code", value=code)
            return None
        return code or None

    def read_groups(self) -> None:
        seen: set[object] = set()
        where: dict[tuple[str, str], Cells] = {}

        def each(c: Cells) -> None:
            plan_code, code, name = self.plan_ref(c), c.required("code"), c.required("name")
            order = c.integer("order")
            if plan_code is None or not code or not self.unique(c, seen, (plan_code, code), code) or c.failed:
                self.rejected["groups"].add((plan_code, code))
                return
            bundle = self.content(plan_code)
            bundle.groups.append(IndicatorGroup(code, name, c.optional("parent_code"), order if order is not None else len(bundle.groups) + 1))
            where[(plan_code, code)] = c

        self.rows("groups", each)
        for plan_code, bundle in self.registry.contents.items():
            cells = {g.code: where[(plan_code, g.code)] for g in bundle.groups}
            self._check_parents({g.code: g.parent_code for g in bundle.groups}, cells)

    def read_indicators(self) -> None:
        seen: set[object] = set()
        where: dict[tuple[str, str], Cells] = {}

        def each(c: Cells) -> None:
            plan_code, code, name = self.plan_ref(c), c.required("code"), c.required("name")
            unit = c.unit("unit")
            polarity = c.choice("polarity", Polarity, Polarity.HIGHER_BETTER, code="bad_polarity")
            group_code, order = c.optional("group_code"), c.integer("order")
            if plan_code is None or not code or not self.unique(c, seen, (plan_code, code), code) or c.failed:
                self.rejected["indicators"].add((plan_code, code))
                return
            bundle = self.content(plan_code)
            if group_code and not any(g.code == group_code for g in bundle.groups):
                if not self.already_reported("groups", (plan_code, group_code)):
                    c.problem("unknown_reference", "group_code", value=group_code)
                self.rejected["indicators"].add((plan_code, code))
                return
            indicator = Indicator(
                code=code, name=name, unit=unit, polarity=polarity or Polarity.HIGHER_BETTER,
                group_code=group_code, parent_code=c.optional("parent_code"), plan_code=plan_code,
                number=c.text("number"), order=order if order is not None else len(bundle.indicators) + 1,
                description=c.text("description"),
            )
            bundle.indicators.append(indicator)
            self.indicators[(plan_code, code)] = indicator
            where[(plan_code, code)] = c

        self.rows("indicators", each)
        for plan_code, bundle in self.registry.contents.items():
            cells = {i.code: where[(plan_code, i.code)] for i in bundle.indicators}
            self._check_parents({i.code: i.parent_code for i in bundle.indicators}, cells)

    def indicator_ref(self, c: Cells) -> Indicator | None:
        plan_code, code = self.plan_ref(c), c.required("indicator_code")
        if plan_code is None or not code:
            return None
        indicator = self.indicators.get((plan_code, code))  # a dict: linear in rows, however many indicators
        if indicator is None and not self.already_reported("indicators", (plan_code, code)):
            c.problem("unknown_reference", "indicator_code", value=code)
        return indicator

    def read_targets(self) -> None:
        org_units = {u.code for u in self.registry.org_units}
        first_row: dict[tuple[str, str, str, TargetVersion], int | None] = {}

        def each(c: Cells) -> None:
            indicator = self.indicator_ref(c)
            org_unit = c.optional("org_unit_code")
            if org_unit and org_unit not in org_units and not self.already_reported("org_units", org_unit):
                c.problem("unknown_reference", "org_unit_code", value=org_unit)
            version = c.choice("version", TargetVersion, None)
            if not c.text("version"):
                c.problem("missing_value", "version")
            text = c.required("text")
            resolved = resolve_cell(c, text, with_range=True)
            unit = c.unit("unit")
            kind = c.choice("kind", TargetKind, None)
            start_year, deadline = c.year("start_year"), c.year("deadline")
            baseline_year, baseline_value = c.year("baseline_year"), c.number("baseline_value")
            source = self.provenance(c)
            if indicator is None or version is None or resolved is None or c.failed:
                return
            key = (indicator.plan_code or "", indicator.code, org_unit or "", version)
            if version is not TargetVersion.REVISED and key in first_row:  # one adopted (draft) target each
                c.problem("second_target", "indicator_code", value=indicator.code, version=version.value,
                          first=first_row[key])
                return
            first_row[key] = c.row
            op, value, low, high, quantity = resolved
            plan = self.registry.plan(indicator.plan_code or "")
            unit = unit or (quantity.unit if quantity else "")
            self.content(indicator.plan_code or "").targets.append(
                Target(
                    indicator_code=indicator.code, op=op, value=value, low=low, high=high,
                    deadline=deadline or (plan.term_end if plan else None),
                    start_year=start_year or (plan.term_start if plan else None),
                    kind=kind or infer_target_kind(quantity, unit or indicator.unit),
                    version=version, plan_code=indicator.plan_code, unit=unit, text=text,
                    baseline_year=baseline_year, baseline_value=baseline_value, provenance=source,
                    org_unit_code=org_unit or None,
                )
            )

        self.rows("targets", each)

    def read_observations(self) -> None:
        org_units = {u.code for u in self.registry.org_units}

        def each(c: Cells) -> None:
            indicator = self.indicator_ref(c)
            period_text = c.required("period")
            period = None
            try:
                period = Period.parse(period_text) if period_text else None
                if period is not None and (period.end < period.start or not 1900 <= period.start <= 2200):
                    raise ValueError(period_text)
            except ValueError:
                c.problem("bad_period", "period", value=period_text)
            text = c.required("text")
            resolved = resolve_cell(c, text, with_range=False)
            org_unit = c.optional("org_unit_code")
            if org_unit and org_unit not in org_units and not self.already_reported("org_units", org_unit):
                c.problem("unknown_reference", "org_unit_code", value=org_unit)
            flag = c.choice("flag", ObservationFlag, ObservationFlag.ACTUAL)
            ratio, verdict = c.number("stated_ratio"), c.optional("stated_verdict")
            if ratio is None and text and quantity_of(text) is None:  # "… 1.020 đảng viên/năm (96%)"
                words = read_words_cell(text, target=False)
                ratio = words.stated_ratio if words is not None else None
            if verdict and parse_verdict(verdict) is None:
                c.problem("unknown_verdict", "stated_verdict", severity="warning", value=verdict)
            source = self.provenance(c)
            if indicator is None or period is None or resolved is None or flag is None or c.failed:
                return
            op, value, _, _, _ = resolved
            self.content(indicator.plan_code or "").observations.append(
                Observation(
                    indicator_code=indicator.code, period=period, value=value, op=op, org_unit_code=org_unit,
                    flag=flag, text=text, stated_ratio=ratio, stated_verdict=verdict, provenance=source,
                )
            )

        self.rows("observations", each)

    def read_stated_counts(self) -> None:
        seen: set[object] = set()

        def each(c: Cells) -> None:
            plan_code, year, category = self.plan_ref(c), c.year("year"), c.required("category")
            if not c.text("year"):
                c.problem("missing_value", "year")
            if category and category not in CATEGORIES:
                c.problem("bad_choice", "category", value=category, accepted=", ".join(CATEGORIES))
            count = c.integer("count")
            if not c.text("count"):
                c.problem("missing_value", "count")
            elif count is not None and count < 0:
                c.problem("bad_value", "count", value=count, reason=msg("reason_negative_count"))
            source = self.provenance(c)
            if plan_code is None or year is None or count is None or c.failed:
                return
            if not self.unique(c, seen, (plan_code, year, category), f"{plan_code}/{year}/{category}"):
                return
            self.content(plan_code).stated_counts.append(StatedCount(plan_code, year, category, count, source))

        self.rows("stated_counts", each)


def parse_registry(tables: dict[str, RawTable], report: Report, path_label: str) -> Registry | None:
    """The registry held by ``tables``, or None when ``report`` has errors (all problems recorded)."""
    for spec in TABLES:
        if spec.required_table and spec.name not in tables:
            report.add(Problem.make("missing_table", path=path_label, table=spec.name))
    builder = _Builder(tables, report)
    builder.read_documents()
    builder.read_plans()
    builder.read_org_units()
    read_unit_changes(builder)
    builder.read_groups()
    builder.read_indicators()
    builder.read_targets()
    builder.read_observations()
    builder.read_stated_counts()
    read_round_rules(builder)
    read_budget_tables(builder)
    read_tasks(builder)
    builder.registry.tables = {name for name, table in tables.items() if table.readable}
    return builder.registry if report.ok else None
