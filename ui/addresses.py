"""Postal addresses written the way each country's post and each language expect.

Canada Post: "Montréal (Québec) H3J 8K4" in French, "Montréal QC H3J 8K4" in English; the
USPS: "City, ST 12345"; La Poste: "75001 Paris". The store keeps no province column, so a
Canadian province comes from the first letter of the postal code (Canada Post's forward
sortation areas), which every Canadian address carries.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

# First letter of a Canadian postal code -> (English abbreviation, French name).
_PROVINCES = {
    "A": ("NL", "Terre-Neuve-et-Labrador"),
    "B": ("NS", "Nouvelle-Écosse"),
    "C": ("PE", "Île-du-Prince-Édouard"),
    "E": ("NB", "Nouveau-Brunswick"),
    "G": ("QC", "Québec"),
    "H": ("QC", "Québec"),
    "J": ("QC", "Québec"),
    "K": ("ON", "Ontario"),
    "L": ("ON", "Ontario"),
    "M": ("ON", "Ontario"),
    "N": ("ON", "Ontario"),
    "P": ("ON", "Ontario"),
    "R": ("MB", "Manitoba"),
    "S": ("SK", "Saskatchewan"),
    "T": ("AB", "Alberta"),
    "V": ("BC", "Colombie-Britannique"),
    "X": ("NT", "Territoires du Nord-Ouest"),
    "Y": ("YT", "Yukon"),
}


def city_line(
    city: str | None,
    postal_code: str | None,
    country: str | None,
    region: str | None = None,
) -> str:
    """The line under the street: city, region and postal code in the country's order."""
    city = (city or "").strip()
    code = (postal_code or "").strip().upper()
    french = QLocale().language() == QLocale.Language.French
    match (country or "").upper():
        case "CA":
            province = _PROVINCES.get(code[:1])
            name = (province[1] if french else province[0]) if province else region
            if french and name:
                return _join(city, f"({name})", code)
            return _join(city, name, code)
        case "US":
            state = (region or "").upper()
            return _join(f"{city}," if city and (state or code) else city, state, code)
        case "FR" | "BE" | "CH" | "DE":
            return _join(code, city)
        case _:
            return _join(city, region, code)


def one_line(
    street: str | None,
    city: str | None,
    postal_code: str | None,
    country: str | None,
    region: str | None = None,
) -> str:
    """Street and city line on one line, for lists and headers."""
    parts = [(street or "").strip(), city_line(city, postal_code, country, region)]
    return ", ".join(part for part in parts if part)


def _join(*parts: str | None) -> str:
    return " ".join(part for part in parts if part)
