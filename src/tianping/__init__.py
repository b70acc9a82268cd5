"""Tianping (天平): an open-source platform for the people's courts."""

__version__ = "0.1.0"
