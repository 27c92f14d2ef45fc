"""Fixtures of the core's tests; the world they build lives in support.core_world so test
modules import it by a name of its own (every test folder has a conftest)."""

from support.core_world import clock, store, world  # noqa: F401
from support.kpi_world import kpi_clock, kpi_store, org  # noqa: F401
