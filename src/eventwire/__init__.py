"""eventwire: conflict and political reporting in, a geolocated, source-attributed event dataset out."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
