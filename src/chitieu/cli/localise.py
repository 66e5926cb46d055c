"""Vietnamese for the words the command-line framework prints itself (help panels, usage, errors).

Typer (with its bundled Click) writes these in English and offers no translation catalogue for most of
them, so the few it shows are replaced here, once, when the CLI starts. Each patch is guarded: if a
future Typer renames something, the CLI keeps working in English rather than failing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

HELP_OPTION_TEXT = "Hiện hướng dẫn này rồi thoát."
USAGE_PREFIX = "Cách dùng: "

# typer.rich_utils constants → Vietnamese
PANEL_TEXTS: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": "Tham số",
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "COMMANDS_PANEL_TITLE": "Lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "ABORTED_TEXT": "Đã dừng.",
    "RICH_HELP": "Xem hướng dẫn: [blue]'{command_path} {help_option}'[/]",
    "DEFAULT_STRING": "[mặc định: {}]",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "ENVVAR_STRING": "[biến môi trường: {}]",
    "DEPRECATED_STRING": "(không còn dùng) ",
}

# English reasons the framework gives for a bad value, by their opening words → Vietnamese
BAD_VALUE_REASONS: tuple[tuple[str, str], ...] = (
    ("Input should be a valid integer", "phải là số nguyên"),
    ("Input should be a valid number", "phải là số"),
    ("Input should be a valid boolean", "phải là có/không (true/false)"),
    ("Input should be", "giá trị không đúng kiểu"),
    ("is not one of", "không thuộc các giá trị cho phép"),
    ("does not exist", "không tồn tại"),
    ("is a directory", "là một thư mục"),
)

PARAM_KINDS: dict[str, str] = {"option": "tùy chọn", "argument": "tham số", "parameter": "tham số"}


def _hint(error: Any) -> str:
    hint = getattr(error, "param_hint", None)
    if hint is None and getattr(error, "param", None) is not None:
        hint = error.param.get_error_hint()
    if isinstance(hint, Sequence) and not isinstance(hint, str):
        hint = " / ".join(hint)
    return str(hint or "").strip("'\"")


def _no_such_option(error: Any) -> str:
    text = f"Không có tùy chọn «{error.option_name}»."
    if error.possibilities:
        text += " Có phải ý bạn là: " + ", ".join(sorted(error.possibilities)) + "?"
    return text


def _missing(error: Any) -> str:
    kind = error.param_type or (error.param.param_type_name if error.param is not None else "parameter")
    return f"Thiếu {PARAM_KINDS.get(kind, 'tham số')} «{_hint(error)}»."


def _bad_parameter(error: Any) -> str:
    message = str(error.message)
    reason = next((vi for en, vi in BAD_VALUE_REASONS if en in message), message)
    return f"Giá trị không hợp lệ cho «{_hint(error)}»: {reason}."


def install() -> None:
    """Apply the Vietnamese texts; safe to call more than once."""
    try:
        from typer import rich_utils
        from typer._click import core, exceptions, formatting
    except ImportError:  # a Typer without these internals: stay in English
        return
    for name, text in PANEL_TEXTS.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)
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
            option.help = HELP_OPTION_TEXT
        return option

    get_help_option._chitieu = True  # type: ignore[attr-defined]
    command.get_help_option = get_help_option


def _patch_usage(formatting: Any) -> None:
    formatter = getattr(formatting, "HelpFormatter", None)
    original: Callable[..., Any] | None = getattr(formatter, "write_usage", None)
    if formatter is None or original is None or getattr(original, "_chitieu", False):
        return

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

    write_usage._chitieu = True  # type: ignore[attr-defined]
    formatter.write_usage = write_usage
