"""A team's region: whose public holidays and which time zone its working days follow.

Regions are data (a code naming a country, an optional subdivision and a time zone), so a
team in another province or country is a new entry, not new code.
"""

from __future__ import annotations

import functools
import re
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import holidays

from fieldapp.error_codes import given, listed
from fieldapp.errors import ValidationError

# Monday is 0 (date.weekday()); Saturday and Sunday are the weekend everywhere we sell.
MONDAY_TO_FRIDAY = frozenset(range(5))
_FIELDS = frozenset({"code", "country", "subdivision", "time_zone", "weekdays"})
_CODE = re.compile(r"^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$")


@dataclass(frozen=True, slots=True)
class Region:
    """``code`` is what the server stores for a team ("QC"); the rest tells the calendar."""

    code: str
    country: str  # ISO 3166-1 alpha-2, as the holidays library names it ("CA")
    subdivision: str | None  # ISO 3166-2 subdivision without the country ("QC"), or None
    time_zone: str  # IANA name ("America/Toronto")
    working_weekdays: frozenset[int] = MONDAY_TO_FRIDAY

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


# Québec uses America/Toronto: the time-zone database made America/Montreal a link to it.
REGIONS: Mapping[str, Region] = MappingProxyType(
    {
        "QC": Region("QC", "CA", "QC", "America/Toronto"),
        "FR": Region("FR", "FR", None, "Europe/Paris"),
        "BE": Region("BE", "BE", None, "Europe/Brussels"),
    }
)


def region(code: Any) -> Region:
    """The known region named ``code``, or a ValidationError that lists the known ones."""
    if isinstance(code, str) and code.strip().upper() in REGIONS:
        return REGIONS[code.strip().upper()]
    raise ValidationError(
        "region",
        "regions.region_must_one_got",
        value=listed(sorted(REGIONS)),
        value2=reprlib.repr(code),
        got=given(code),
    )


def parse_region(data: Any) -> Region:
    """A region from plain data (JSON from the server), checked against what the holidays
    library and the time-zone database know, so a typo fails here and not in a clock."""
    if not isinstance(data, Mapping):
        raise ValidationError("region", "regions.region_must_object_with_code_country")
    unknown = sorted(str(k) for k in data if k not in _FIELDS)
    if unknown:
        raise ValidationError(
            "region", "regions.unknown_region_field_s", value=reprlib.repr(unknown)
        )
    code = data.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise ValidationError(
            "region.code", "regions.region_code_must_like_qc_or", value=reprlib.repr(code)
        )
    supported = holidays.list_supported_countries()
    country = data.get("country")
    if not isinstance(country, str) or country not in supported:
        raise ValidationError(
            "region.country",
            "regions.no_public_holiday_calendar_for_country",
            value=reprlib.repr(country),
        )
    subdivision = data.get("subdivision")
    if subdivision is not None and (
        not isinstance(subdivision, str) or subdivision not in supported[country]
    ):
        raise ValidationError(
            "region.subdivision",
            "regions.has_no_subdivision_in_public_holiday_calendar",
            country=country,
            value=reprlib.repr(subdivision),
        )
    time_zone = data.get("time_zone")
    # The list, not ZoneInfo(name): that also opens 'America' (a folder) or 'zone.tab'.
    if not isinstance(time_zone, str) or time_zone not in _time_zones():
        raise ValidationError(
            "region.time_zone",
            "regions.unknown_time_zone_iana_name_expected",
            value=reprlib.repr(time_zone),
        )
    return Region(code, country, subdivision, time_zone, _weekdays(data.get("weekdays")))


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _weekdays(value: Any) -> frozenset[int]:
    if value is None:
        return MONDAY_TO_FRIDAY
    if (
        not isinstance(value, list)
        or not value
        or any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in value)
    ):
        raise ValidationError(
            "region.weekdays",
            "regions.working_weekdays_must_non_empty_list_numbers",
        )
    return frozenset(value)
