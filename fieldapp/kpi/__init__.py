"""Key figures of the team loop (issue 11): what the manager's dashboard shows, and each
rep's own, for a period and a scope.

Pure reads of the local store (``Store.query``/``rows``/``scalar``), never a write. Each
number keeps the ids of the records it counts, so every figure drills down to them, and
each figure turns into rows for CSV. How each one is computed: docs/team-loop.md, "How each
KPI is computed".
"""

from fieldapp.kpi.dashboard import COMPUTE, TABLES, Dashboard, Settings, dashboard, figure
from fieldapp.kpi.period import Period, PeriodKind, period_between, period_containing
from fieldapp.kpi.scope import Scope, ScopeKind, scope_for

__all__ = [
    "COMPUTE",
    "TABLES",
    "Dashboard",
    "Period",
    "PeriodKind",
    "Scope",
    "ScopeKind",
    "Settings",
    "dashboard",
    "figure",
    "period_between",
    "period_containing",
    "scope_for",
]
