"""Humanitarian indicators read from reports: cited tables, validation, charts and exports."""

__version__ = "0.1.0"
