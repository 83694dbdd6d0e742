"""dais: a self-hosted platform for teams of humans and AI agents."""

from __future__ import annotations

__version__ = "0.1.0"
