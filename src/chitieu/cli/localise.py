"""Vietnamese for the words the command-line framework prints itself (help panels, usage, errors).

Typer (with its bundled Click) writes these in English and offers no translation catalogue for most of
them, so the few it shows are replaced here, once, when the CLI starts. Each patch is guarded: if a
future Typer renames something, the CLI keeps working in English rather than failing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from chitieu.messages import msg

# typer.rich_utils constants → catalogue codes
PANEL_TEXTS: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": "cli_panel_arguments",
    "OPTIONS_PANEL_TITLE": "cli_panel_options",
    "COMMANDS_PANEL_TITLE": "cli_panel_commands",
    "ERRORS_PANEL_TITLE": "cli_panel_errors",
    "ABORTED_TEXT": "cli_aborted",
    "RICH_HELP": "cli_rich_help",
    "DEFAULT_STRING": "cli_default",
    "REQUIRED_LONG_STRING": "cli_required",
    "ENVVAR_STRING": "cli_envvar",
    "DEPRECATED_STRING": "cli_deprecated",
}

# English reasons the framework gives for a bad value, by their opening words → catalogue codes
BAD_VALUE_REASONS: tuple[tuple[str, str], ...] = (
    ("Input should be a valid integer", "cli_bad_integer"),
    ("Input should be a valid number", "cli_bad_float"),
    ("Input should be a valid boolean", "cli_bad_boolean"),
    ("Input should be", "cli_bad_type"),
    ("is not one of", "cli_bad_choice"),
    ("does not exist", "cli_no_such_path"),
    ("is a directory", "cli_is_directory"),
)

PARAM_KINDS: dict[str, str] = {"option": "cli_kind_option", "argument": "cli_kind_argument",
                               "parameter": "cli_kind_argument"}


def _hint(error: Any) -> str:
    hint = getattr(error, "param_hint", None)
    if hint is None and getattr(error, "param", None) is not None:
        hint = error.param.get_error_hint()
    if isinstance(hint, Sequence) and not isinstance(hint, str):
        hint = " / ".join(hint)
    return str(hint or "").strip("'\"")


def _no_such_option(error: Any) -> str:
    text = msg("cli_no_such_option", name=error.option_name)
    if error.possibilities:
        text += msg("cli_did_you_mean", names=", ".join(sorted(error.possibilities)))
    return text


def _missing(error: Any) -> str:
    kind = error.param_type or (error.param.param_type_name if error.param is not None else "parameter")
    return msg("cli_missing_parameter", kind=msg(PARAM_KINDS.get(kind, "cli_kind_argument")), name=_hint(error))


def _bad_parameter(error: Any) -> str:
    message = str(error.message)
    reason = next((msg(code) for en, code in BAD_VALUE_REASONS if en in message), message)
    return msg("cli_bad_parameter", name=_hint(error), reason=reason)


def install() -> None:
    """Apply the Vietnamese texts; safe to call more than once."""
    try:
        from typer import rich_utils
        from typer._click import core, exceptions, formatting
    except ImportError:  # a Typer without these internals: stay in English
        return
    for name, code in PANEL_TEXTS.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, msg(code))
    _patch_help_option(core)
    _patch_usage(formatting)
    for cls_name, render in (
        ("NoSuchOption", _no_such_option),
        ("MissingParameter", _missing),
        ("BadParameter", _bad_parameter),
    ):
        cls = getattr(exceptions, cls_name, None)
        if cls is not None:
            cls.format_message = render


def _patch_help_option(core: Any) -> None:
    command = getattr(core, "Command", None)
    original: Callable[..., Any] | None = getattr(command, "get_help_option", None)
    if command is None or original is None or getattr(original, "_chitieu", False):
        return

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = msg("cli_help_option")
        return option

    get_help_option._chitieu = True  # type: ignore[attr-defined]
    command.get_help_option = get_help_option


def _patch_usage(formatting: Any) -> None:
    formatter = getattr(formatting, "HelpFormatter", None)
    original: Callable[..., Any] | None = getattr(formatter, "write_usage", None)
    if formatter is None or original is None or getattr(original, "_chitieu", False):
        return

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, msg("cli_usage_prefix") if prefix is None else prefix)

    write_usage._chitieu = True  # type: ignore[attr-defined]
    formatter.write_usage = write_usage
