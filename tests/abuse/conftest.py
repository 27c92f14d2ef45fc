"""Fixtures of the abuse tests: hostile input, fuzzing, access control, damaged files."""

from __future__ import annotations
