"""Report services: the official appendix (XLSX or DOCX) of a plan, written atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from chitieu.assessment.conventions import DEFAULT_PROFILE, ConventionProfile
from chitieu.domain.bundle import PlanBundle
from chitieu.messages import ChitieuError
from chitieu.reports.appendix import AppendixTable, AssessedRow, build_appendix
from chitieu.reports.filing import FilingDetails
from chitieu.services.output_files import atomic_output

FORMATS = ("xlsx", "docx")


def appendix_table(
    bundle: PlanBundle,
    *,
    as_of: int,
    midterm: Sequence[AssessedRow] | None = None,
    final: Sequence[AssessedRow] | None = None,
    filing: FilingDetails | None = None,
    profile: ConventionProfile = DEFAULT_PROFILE,
) -> AppendixTable:
    """The appendix rows from the as-of and forecast assessments (computed here under ``profile`` unless given)."""
    if not bundle.indicators:
        raise ChitieuError("report_no_indicators", code=bundle.plan.code)
    if midterm is None or final is None:
        from chitieu.assessment.bundle import assess_bundle

        midterm = assess_bundle(bundle, as_of=as_of, profile=profile) if midterm is None else midterm
        final = assess_bundle(bundle, forecast=True, profile=profile) if final is None else final
    return build_appendix(bundle, midterm, final, as_of=as_of, filing=filing)


def _writer(fmt: str) -> Callable[[AppendixTable, Path], None]:
    if fmt == "xlsx":
        from chitieu.reports.xlsx_writer import write_xlsx

        return write_xlsx
    if fmt == "docx":
        from chitieu.reports.docx_writer import write_docx

        return write_docx
    raise ChitieuError("report_bad_format", value=fmt, accepted=", ".join(FORMATS))


def write_table(table: AppendixTable, out_path: Path, fmt: str) -> Path:
    """Write an already built table; a temp file beside ``out_path`` is renamed into place at the end."""
    fmt = fmt.lower().lstrip(".")
    write = _writer(fmt)
    out_path = Path(out_path)
    with atomic_output(out_path) as temp:
        write(table, temp)
    return out_path


def write_appendix(
    bundle: PlanBundle,
    out_path: Path,
    fmt: str,
    *,
    as_of: int,
    midterm: Sequence[AssessedRow] | None = None,
    final: Sequence[AssessedRow] | None = None,
    filing: FilingDetails | None = None,
    profile: ConventionProfile = DEFAULT_PROFILE,
) -> Path:
    """Assess ``bundle`` as of ``as_of`` and to the end of the term, and write the appendix as ``fmt``.

    ``fmt`` is "xlsx" or "docx". Nothing is left half-written: the file appears only when complete.
    The two assessment runs may be passed in when the caller already has them (``chitieu demo``);
    ``filing`` gives the report the appendix goes with (number, date, signer).
    """
    fmt = fmt.lower().lstrip(".")
    _writer(fmt)  # reject an unknown format before any work
    table = appendix_table(bundle, as_of=as_of, midterm=midterm, final=final, filing=filing, profile=profile)
    return write_table(table, out_path, fmt)
