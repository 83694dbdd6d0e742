"""What a tool call ends in, shared by the toolbox and the MCP server (kept apart so that
``dais mcp`` over stdio imports neither the toolbox nor what it needs)."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Outcome", "ToolRefused"]


class ToolRefused(Exception):
    """No such tool for this caller (unknown, not theirs to use, or hidden as a writer)."""


@attrs.frozen
class Outcome:
    structured: dict[str, Any]
    text: str
    is_error: bool
