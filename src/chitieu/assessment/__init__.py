"""Pure assessment: the row engine (verdicts, tolerance, ratio and gap, forecast, required pace, explanation),
the assessment of a whole plan bundle (``assess_bundle`` → ``AssessmentRow``), and summaries."""

from chitieu.assessment.bundle import AssessmentRow, assess_bundle
from chitieu.assessment.engine import Assessment, align_result, assess
from chitieu.assessment.forecast import Forecast, ForecastMethod, forecast_to_deadline
from chitieu.assessment.pace import RequiredPace, required_pace
from chitieu.assessment.stage import Stage, parse_stage, stage_for_year
from chitieu.assessment.summary import summarise, summary_sentence
from chitieu.assessment.tolerance import DEFAULT_TOLERANCE, Tolerance
from chitieu.assessment.verdict import Outcome, compare, status_for, verdicts_agree

__all__ = [
    "DEFAULT_TOLERANCE",
    "Assessment",
    "AssessmentRow",
    "Forecast",
    "ForecastMethod",
    "Outcome",
    "RequiredPace",
    "Stage",
    "Tolerance",
    "align_result",
    "assess",
    "assess_bundle",
    "compare",
    "forecast_to_deadline",
    "parse_stage",
    "required_pace",
    "stage_for_year",
    "status_for",
    "summarise",
    "summary_sentence",
    "verdicts_agree",
]
