"""Pure assessment engine: verdicts, tolerance, ratio and gap, forecast, required pace, explanation, summary."""

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
    "Forecast",
    "ForecastMethod",
    "Outcome",
    "RequiredPace",
    "Stage",
    "Tolerance",
    "align_result",
    "assess",
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
