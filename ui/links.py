"""Links out of the app: a stop on a map, a phone call, an e-mail; opened by the desktop.

The addresses are built here, once, so every page links the same way; ``open_link`` hands
them to ``QDesktopServices``, which asks the desktop's own handler (the browser, the
softphone, the mail program). Maps are OpenStreetMap's: no account, no key, and it opens
in any browser (docs/decisions.md, "Today: map, links, undo").
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlencode

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from fieldapp.routing import Point

OSM = "https://www.openstreetmap.org"
MAP_ZOOM = 17  # a street and its neighbours
_EXTENSION = re.compile(r"\s*(?:ext\.?|x|poste|#)\s*(\d+)\s*$", re.IGNORECASE)
# The North American plan: area code and exchange never start with 0 or 1.
_NORTH_AMERICAN = re.compile(r"1?[2-9]\d\d[2-9]\d{6}")


def _coordinate(value: float) -> str:
    return f"{value:.6f}"  # about 10 cm; a dot whatever the locale


def map_url(point: Point) -> str:
    """A marker on the stop, centred on it."""
    lat, lon = _coordinate(point.latitude), _coordinate(point.longitude)
    return f"{OSM}/?{urlencode({'mlat': lat, 'mlon': lon})}#map={MAP_ZOOM}/{lat}/{lon}"


def directions_url(origin: Point, destination: Point) -> str:
    """Driving directions from the previous stop to this one (OSRM, OpenStreetMap's own)."""
    route = ";".join(
        f"{_coordinate(p.latitude)},{_coordinate(p.longitude)}" for p in (origin, destination)
    )
    return f"{OSM}/directions?{urlencode({'engine': 'fossgis_osrm_car', 'route': route})}"


def address_search_url(address: str) -> str:
    """A stop without coordinates: the map searches its address instead."""
    return f"{OSM}/search?{urlencode({'query': address})}"


def stop_map_url(point: Point | None, previous: Point | None, address: str) -> str | None:
    """Directions from the previous stop when both have coordinates, else the stop on the
    map, else a search for its address; None when there is nothing to look for."""
    if point is not None and previous is not None:
        return directions_url(previous, point)
    if point is not None:
        return map_url(point)
    return address_search_url(address) if address.strip() else None


def tel_url(phone: str | None) -> str | None:
    """``tel:`` (RFC 3966) for a phone as the CRM holds it; an extension ("poste 246",
    "ext. 246", "x246") as ``;ext=``. A local North American number (ten digits, area code
    and exchange starting 2-9, or eleven with the trunk 1) is made global, ``+1…``: the
    reps work in Québec and RFC 3966 wants a global number where there is one. Any other
    number keeps its digits and its leading + (we do not guess its country). None when the
    text holds no digit to dial."""
    if not phone:
        return None
    text, extension = phone.strip(), ""
    found = _EXTENSION.search(text)
    if found:
        text, extension = text[: found.start()], f";ext={found.group(1)}"
    digits = re.sub(r"\D", "", text)
    if not digits:
        return None
    if text.startswith("+"):
        return f"tel:+{digits}{extension}"
    if _NORTH_AMERICAN.fullmatch(digits):
        return f"tel:+1{digits[-10:]}{extension}"
    return f"tel:{digits}{extension}"


def mailto_url(email: str | None) -> str | None:
    """``mailto:`` (RFC 6068); None unless the text looks like one address."""
    address = (email or "").strip()
    if address.count("@") != 1 or any(c.isspace() for c in address):
        return None
    return f"mailto:{quote(address, safe='@.+-_')}"


def anchor(url: str | None, text: str) -> str:
    """Rich text for a label: the text, escaped (people's words are never markup), linked
    when there is somewhere to go."""
    shown = html.escape(text)
    return f'<a href="{html.escape(url, quote=True)}">{shown}</a>' if url else shown


def open_link(url: str) -> bool:
    """Hand the link to the desktop; False when it has no handler for it."""
    return QDesktopServices.openUrl(QUrl(url))
