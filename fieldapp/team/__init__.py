"""The loop between the field and inside teams: SLA policies, working days and clocks.

Pure domain code (no Qt, no SQL, no network), so the laptop and the server compute the same
clock from the same server-assigned times. See docs/team-loop.md, "SLA model".
"""
