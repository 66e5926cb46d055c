"""One Vietnamese sentence per assessment, numbers written the Vietnamese way (pure)."""

from __future__ import annotations

from chitieu.assessment.forecast import Forecast
from chitieu.assessment.pace import RequiredPace
from chitieu.assessment.verdict import Outcome
from chitieu.domain.indicators import Polarity
from chitieu.domain.quantity import Op, Quantity
from chitieu.messages import msg
from chitieu.numbers import format_number, format_percent
from chitieu.vocab.units import is_rate_unit
from chitieu.vocab.verdicts import Status

_GLUED_UNITS = ("%", "‰", "%/năm", "‰/năm")


def with_unit(number: str, unit: str) -> str:
    """"73,1" + "%" → "73,1%"; "47,5" + "triệu đồng" → "47,5 triệu đồng"."""
    if not unit:
        return number
    return f"{number}{unit}" if unit in _GLUED_UNITS else f"{number} {unit}"


def format_quantity(q: Quantity, unit: str = "") -> str:
    """A quantity as officials write it: "> 5%", "9-10%", "2.134,6 tỷ đồng", "Hoàn thành"."""
    unit = unit or q.unit
    if q.op is Op.DONE:
        return q.text.strip() or msg("value_done" if q.boolean else "value_not_done")
    if q.op is Op.RANGE:
        return with_unit(f"{format_number(q.low)}-{format_number(q.high)}", unit)
    symbol = q.op.symbol
    prefix = f"{symbol} " if symbol else ""
    return prefix + with_unit(format_number(q.value), unit)


def verdict_phrase(status: Status, deadline: int | None) -> str:
    key = f"verdict_{status.value}"
    if status in (Status.NOT_YET, Status.NOT_ACHIEVED, Status.AT_RISK) and deadline is None:
        key += "_nodeadline"
    return msg(key, deadline=deadline)


def explain(
    *,
    target: Quantity,
    result: Quantity | None,
    unit: str,
    status: Status,
    outcome: Outcome,
    polarity: Polarity,
    ratio: float | None,
    gap_value: float | None,
    gap_unit: str,
    deadline: int | None,
    lead: str = "lead_actual",
    reason: str = "",
    band: float | None = None,
    forecast: Forecast | None = None,
    pace: RequiredPace | None = None,
) -> str:
    """The explanation sentence shown next to a verdict."""
    target_text = format_quantity(target, unit)
    if result is None:
        return msg("explain_no_data", target=target_text)
    value_text = format_quantity(result, unit)
    if outcome is Outcome.UNKNOWN:
        return msg("explain_unknown", value=result.text or value_text, target=target_text, reason=reason)
    verdict = verdict_phrase(status, deadline)
    if polarity is Polarity.NEUTRAL_STRUCTURE and band is not None:
        verdict += msg("verdict_structure", band=with_unit(format_number(band), gap_unit))
    if target.op is Op.DONE or result.op is Op.DONE:
        text = msg("explain_boolean", lead=msg(lead), value=value_text, target=target_text, verdict=verdict)
    elif ratio is not None and not gap_unit.startswith("điểm"):
        text = msg("explain_ratio", lead=msg(lead), value=value_text, ratio=format_percent(ratio),
                   target=target_text, verdict=verdict)
    else:
        text = msg("explain_gap", lead=msg(lead), value=value_text, target=target_text,
                   gap=_gap_text(gap_value, gap_unit, target), verdict=verdict)
    if forecast is not None and lead != "lead_forecast":
        text += msg("explain_forecast", year=forecast.year, method=forecast.method.label_vi,
                    value=with_unit(format_number(forecast.value), unit))
    if pace is not None and status not in (Status.EXCEEDED, Status.ACHIEVED):
        pace_text = _pace_text(pace, unit)
        if pace_text:
            text += msg("explain_pace", deadline=pace.from_year + pace.years_left, pace=pace_text)
    return text


def _gap_text(gap_value: float | None, gap_unit: str, target: Quantity) -> str:
    if gap_value is None or gap_value == 0:
        return msg("gap_inside") if target.op is Op.RANGE else msg("gap_equal")
    amount = with_unit(format_number(abs(gap_value)), gap_unit)
    return msg("gap_above" if gap_value > 0 else "gap_below", amount=amount)


def _pace_text(pace: RequiredPace, unit: str) -> str:
    """"tăng thêm 8,75 triệu đồng/năm hoặc tăng bình quân 17,0%/năm"; rates move in points, with no CAGR."""
    if pace.average_needed is not None:
        return msg("pace_average", amount=with_unit(format_number(pace.average_needed), unit), years=pace.years_left)
    rate = is_rate_unit(unit)
    parts = []
    if pace.linear_per_year is not None and pace.linear_per_year != 0:
        step = abs(pace.linear_per_year)
        amount = msg("amount_points_percent", amount=format_number(step)) if rate else with_unit(format_number(step), unit)
        parts.append(msg("pace_linear" if pace.linear_per_year > 0 else "pace_linear_down", amount=amount))
    if pace.cagr_percent is not None and not rate and pace.cagr_percent != 0:
        key = "pace_cagr" if pace.cagr_percent > 0 else "pace_cagr_down"
        parts.append(msg(key, rate=format_percent(abs(pace.cagr_percent))))
    return msg("pace_or").join(parts)
