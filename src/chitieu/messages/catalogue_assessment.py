"""Messages of the assessment area (Vietnamese)."""

ASSESSMENT_MESSAGES: dict[str, str] = {}
