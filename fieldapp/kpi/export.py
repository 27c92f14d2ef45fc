"""CSV of the key figures: the one writer of ``fieldapp.exports.csv_lists``, under the
name the dashboard and ``fieldapp kpi --csv`` have always imported."""

from __future__ import annotations

from fieldapp.exports.csv_lists import csv_cell, write_csv

__all__ = ["csv_cell", "write_csv"]
