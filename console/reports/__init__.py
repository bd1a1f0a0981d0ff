"""The post-show review (复盘): its numbers (review.py), its charts and its exports (HTML,
PDF, CSV). Everything here runs on any thread: no widget, only QImage/QPainter/QPdfWriter."""
