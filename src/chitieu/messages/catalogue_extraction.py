"""Messages of the extraction area (Vietnamese)."""

EXTRACTION_MESSAGES: dict[str, str] = {}
