"""Widget states the theme (resources/theme/dark.qss) colours by dynamic property."""

from PySide6.QtWidgets import QLabel, QWidget


def set_look(widget: QWidget, name: str, value) -> None:
    """Set a property the style sheet selects on, and restyle only when it changed."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def say(label: QLabel, text: str, failed: bool = False) -> None:
    """A dialog's status line: the text, red when something failed (#dialogStatus)."""
    label.setText(text)
    set_look(label, "state", "failed" if failed else "")
