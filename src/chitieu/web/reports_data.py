"""Report files and tables of a plan for the web: appendix (.xlsx/.docx), observations CSV / SDMX-CSV."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from chitieu.domain import PlanBundle
from chitieu.web.queries import PlanView

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
SDMX_STATUS = {"actual": "A", "estimate": "E", "projection": "F", "plan": "P"}


def appendix_bytes(view: PlanView, fmt: str) -> bytes:
    from chitieu.services.reports import appendix_table, write_table

    table = appendix_table(view.bundle, as_of=view.as_of, midterm=view.rows, final=view.forecast)
    with tempfile.TemporaryDirectory(prefix="chitieu-report-") as folder:
        path = write_table(table, Path(folder) / f"phu-luc.{fmt}", fmt)
        return path.read_bytes()


def summary_text(view: PlanView) -> str:
    from chitieu.services.reports import appendix_table

    return appendix_table(view.bundle, as_of=view.as_of, midterm=view.rows, final=view.forecast).summary


def _safe(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula is written with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def observations_csv(bundle: PlanBundle, sdmx: bool = False) -> str:
    """Every observation of the plan: a plain table, or SDMX-CSV (DATAFLOW, dimensions, OBS_VALUE)."""
    out = io.StringIO()
    out.write("\ufeff")  # Excel reads UTF-8 only with a BOM
    writer = csv.writer(out, lineterminator="\r\n")
    names = {i.code: i for i in bundle.indicators}
    rows = sorted(bundle.observations, key=lambda o: (o.indicator_code, o.org_unit_code or "", o.period.start, o.period.end))
    if sdmx:
        writer.writerow(["DATAFLOW", "REF_AREA", "INDICATOR", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE",
                         "OBS_STATUS", "COMMENT"])
        flow = f"CHITIEU:{bundle.plan.code}(1.0)"
        for o in rows:
            if o.value is None:
                continue
            period = str(o.period.start) if o.period.is_year else f"{o.period.start}/{o.period.end}"
            unit = names[o.indicator_code].unit if o.indicator_code in names else ""
            writer.writerow([_safe(x) for x in (flow, o.org_unit_code or bundle.plan.code, o.indicator_code, period,
                                                  o.value, unit, SDMX_STATUS.get(o.flag.value, "A"), o.text)])
        return out.getvalue()
    writer.writerow(["plan_code", "indicator_code", "indicator_name", "unit", "org_unit", "period", "value", "op",
                     "text", "flag", "stated_ratio", "stated_verdict", "source_document", "source_location"])
    for o in rows:
        indicator = names.get(o.indicator_code)
        p = o.provenance
        writer.writerow([_safe(x) for x in (
            bundle.plan.code, o.indicator_code, indicator.name if indicator else "", indicator.unit if indicator else "",
            o.org_unit_code or "", o.period.label(), o.value, o.op.value, o.text, o.flag.value, o.stated_ratio,
            o.stated_verdict or "", p.document if p else "", p.location if p else "",
        )])
    return out.getvalue()
