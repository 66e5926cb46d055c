"""Messages of the store area (Vietnamese)."""

STORE_MESSAGES: dict[str, str] = {}
