"""Messages of the reports area (Vietnamese)."""

REPORTS_MESSAGES: dict[str, str] = {}
