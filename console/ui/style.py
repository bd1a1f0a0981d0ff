"""Widget states the theme (resources/theme/dark.qss) colours by dynamic property."""

from PySide6.QtWidgets import QWidget


def set_look(widget: QWidget, name: str, value) -> None:
    """Set a property the style sheet selects on, and restyle only when it changed."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
