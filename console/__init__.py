"""LiveDesk (直播中控台): a desktop console for a live-commerce streaming room."""

__version__ = "0.1.0"
