"""Deterministic demo data: what a sales organisation's central CRM would hold, from one seed.

The desktop demo (through ``fieldapp.demo.loader``) and the reference central server both
use it, so it knows nothing of the local store and returns JSON-ready record dicts. The
same (accounts, seed, today) always gives byte-identical output: one ``random.Random``
drives every choice, ids come from ``seeded_id``, and no clock is read except for the
default ``today``.
"""

from __future__ import annotations

import gc
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter

from fieldapp.catalogue import COLLECTIONS
from fieldapp.demo import vocabulary as V
from fieldapp.demo.activity import (
    HISTORY_DAYS,
    Account,
    ActivityBuilder,
    Record,
    Rep,
)
from fieldapp.demo.handoffs import add_handoffs
from fieldapp.demo.timeline import DAY_SECONDS as DAY
from fieldapp.demo.vocabulary import Territory

__all__ = ["COLLECTIONS", "DemoData", "DemoUsers", "Record", "generate"]

# About 200 accounts with ~4 visits each over six months keeps a field rep near 6-7
# visits a working day, which is what a rep serving shops really does; at 400 accounts
# a rep's calendar would need 13 visits a day.
ACCOUNTS_PER_FIELD_REP = 200
FIELD_REPS_PER_INSIDE_REP = 4  # an inside rep backs a "pod" of field reps
MIN_ACCOUNTS_FOR_ALL_TERRITORIES = 300
# Visit-frequency target per tier: the usual value, and two less common ones.
FREQUENCY_DAYS = {"A": (14, 7, 21), "B": (30, 21, 45), "C": (90, 60, 120)}
STAGES = (  # cumulative shares of a believable funnel
    ("prospecting", 0.14),
    ("qualification", 0.28),
    ("proposal", 0.44),
    ("negotiation", 0.55),
    ("closed_won", 0.83),
    ("closed_lost", 1.0),
)
AMOUNT_BASE = {"A": 40_000, "B": 12_000, "C": 3_500}
_QC_TRADES = V.FR_TRADES + V.QC_ONLY_TRADES
_WORDS = re.compile(r"[a-z0-9]+")
_NOT_LOCAL_PART = re.compile(r"[^a-z0-9-]")


@dataclass(frozen=True, slots=True)
class DemoUsers:
    """Ids of the three people a demo is meant to be signed in as."""

    field_rep_id: str  # username "field", Montréal
    inside_rep_id: str  # username "inside", backs the demo field rep
    manager_id: str  # username "manager"


@dataclass(slots=True)
class DemoData:
    """Server-side records for every collection, in ``COLLECTIONS`` order."""

    seed: int
    today: date
    demo_users: DemoUsers
    users: list[Record]
    sla_policies: list[Record]
    accounts: list[Record]
    contacts: list[Record]
    opportunities: list[Record]
    visits: list[Record]
    notes: list[Record]
    follow_ups: list[Record]
    reviews: list[Record]
    leads: list[Record]
    priorities: list[Record]
    handoff_events: list[Record]
    inbox_reads: list[Record]

    def collections(self) -> Iterator[tuple[str, list[Record]]]:
        """(collection, records) pairs, parents before children."""
        for name in COLLECTIONS:
            yield name, getattr(self, name)

    def counts(self) -> dict[str, int]:
        return {name: len(records) for name, records in self.collections()}

    def user_id(self, username: str) -> str:
        for user in self.users:
            if user["username"] == username:
                return str(user["id"])
        known = ", ".join(u["username"] for u in self.users[:6])
        raise ValueError(f"The demo data has no user '{username}' (try one of: {known}, ...).")


def generate(accounts: int, seed: int = 1, today: date | None = None) -> DemoData:
    """Build a demo organisation with ``accounts`` customer accounts and everything around
    them: users, contacts, opportunities, six months of visits with their reports, reviews
    and feedback, notes for the field, follow-ups, and the coming days' planned visits.
    ``today`` defaults to the current UTC date."""
    if isinstance(accounts, bool) or not isinstance(accounts, int):
        raise TypeError(f"accounts must be a whole number (got {accounts!r}).")
    if accounts < 0:
        raise ValueError(f"accounts must be zero or more (got {accounts}).")
    builder = _Builder(accounts, seed, today or datetime.now(UTC).date())
    # A run allocates a million dicts that all stay alive: the cyclic garbage collector
    # would rescan them again and again for nothing (a third of the run time at 50,000
    # accounts). The records hold no reference cycles, so pausing it loses nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return builder.build()
    finally:
        if collecting:
            gc.enable()


class _Builder(ActivityBuilder):
    """One generation run: the organisation here, what happens at its accounts in the base."""

    def __init__(self, accounts: int, seed: int, today: date) -> None:
        super().__init__(seed, today)
        self.n_accounts = accounts
        self.seed = seed
        self.today = today
        self.names_seen: dict[str, int] = {}

    def build(self) -> DemoData:
        demo_users = self.build_users()
        self.build_accounts()
        self.build_plans()
        add_handoffs(
            self, (demo_users.field_rep_id, demo_users.inside_rep_id, demo_users.manager_id)
        )
        # Ids are UUIDv7, so id order is creation order: the order a server's change feed
        # would send them in, and appends rather than random inserts for the store's
        # primary-key indexes (a fifth off the load time at 50,000 accounts).
        for records in self.out.values():
            records.sort(key=itemgetter("id"))
        return DemoData(self.seed, self.today, demo_users, **self.out)

    def build_users(self) -> DemoUsers:
        n_field = max(2, round(self.n_accounts / ACCOUNTS_PER_FIELD_REP))
        if self.n_accounts >= MIN_ACCOUNTS_FOR_ALL_TERRITORIES:
            n_field = max(n_field, len(V.TERRITORIES))
        active = V.TERRITORIES[: min(n_field, len(V.TERRITORIES))]
        reps_per_territory = _apportion(n_field, [t.weight for t in active], minimum=1)
        field_per_team: dict[str, int] = {}
        for territory, count in zip(active, reps_per_territory, strict=True):
            field_per_team[territory.team] = field_per_team.get(territory.team, 0) + count

        taken: set[str] = set()
        manager_id = self.add_user("manager", "manager", None, None, taken)
        n_inside = 0
        for team, n_team_field in field_per_team.items():
            team_inside = self.inside_by_team[team] = []
            for _ in range(max(1, round(n_team_field / FIELD_REPS_PER_INSIDE_REP))):
                username = _username("inside", n_inside)
                team_inside.append(self.add_user(username, "inside", team, None, taken))
                n_inside += 1
        team_seen: dict[str, int] = {}
        for territory, count in zip(active, reps_per_territory, strict=True):
            inside = self.inside_by_team[territory.team]
            n_team_field = field_per_team[territory.team]
            for _ in range(count):
                position = team_seen.get(territory.team, 0)
                team_seen[territory.team] = position + 1
                rep_id = self.add_user(
                    _username("field", len(self.reps)),
                    "field",
                    territory.team,
                    territory.name,
                    taken,
                )
                pod = inside[position * len(inside) // n_team_field]
                self.reps.append(Rep(rep_id, territory, pod))
        return DemoUsers(self.reps[0].id, self.inside_by_team["quebec"][0], manager_id)

    def add_user(
        self,
        username: str,
        role: str,
        team: str | None,
        territory_name: str | None,
        taken: set[str],
    ) -> str:
        display = V.DEMO_STAFF.get(username) or self.staff_name(team, taken)
        taken.add(" ".join(display))
        first, last = display
        hired = self.cal.local(-200 - int(self.rnd() * 1300), 540, "america")
        user_id = self.new_id(hired)
        email = f"{_local_part(self.fold(first))}.{_local_part(self.fold(last))}"
        hired_text = self.stamp(hired)
        self.out["users"].append(
            {
                "id": user_id,
                "username": username,
                "display_name": f"{first} {last}",
                "email": f"{email}@{V.STAFF_EMAIL_DOMAIN}",
                "role": role,
                "team": team,
                "territory": territory_name,
                "version": 1,
                "created_at": hired_text,
                "updated_at": hired_text,
            }
        )
        return user_id

    def staff_name(self, team: str | None, taken: set[str]) -> tuple[str, str]:
        france = team == "france"
        for _ in range(20):  # a few tries give every colleague a distinct name
            female = self.rnd() < 0.5
            firsts = (
                (V.FR_FEMALE if female else V.FR_MALE)
                if france
                else (V.QC_FEMALE if female else V.QC_MALE)
            )
            name = (self.pick(firsts), self.pick(V.FR_LAST if france else V.QC_LAST))
            if " ".join(name) not in taken:
                break
        return name

    # -- accounts and what hangs off them ------------------------------------------------
    def build_accounts(self) -> None:
        territories: list[Territory] = []
        for rep in self.reps:
            if rep.territory not in territories:
                territories.append(rep.territory)
        counts = _apportion(self.n_accounts, [t.weight for t in territories], minimum=0)
        for territory, count in zip(territories, counts, strict=True):
            reps = [rep for rep in self.reps if rep.territory is territory]
            points = [self.scatter(territory) for _ in range(count)]
            for (lat, lon), owner in zip(points, _partition(points, len(reps)), strict=True):
                account = self.add_account(territory, reps[owner], lat, lon)
                self.add_visit_history(account)
                if self.rnd() < 0.45:
                    self.add_for_field_note(account, self.past_workday(90), pinned=None)

    def scatter(self, territory: Territory) -> tuple[float, float]:
        """A point around the city centre: a 2-D Gaussian, cut at four standard deviations."""
        spread = territory.spread_km
        radius = min(spread * math.sqrt(-2.0 * math.log(1.0 - self.rnd())), 4 * spread)
        angle = 2 * math.pi * self.rnd()
        lat = territory.latitude + radius * math.cos(angle) / 110.574
        lon = territory.longitude + radius * math.sin(angle) / (
            111.320 * math.cos(math.radians(territory.latitude))
        )
        return round(lat, 6), round(lon, 6)

    def add_account(self, territory: Territory, rep: Rep, lat: float, lon: float) -> Account:
        rnd = self.rnd
        lang = "en" if rnd() < territory.english_share else "fr"
        roll = rnd()
        tier = "A" if roll < 0.15 else "B" if roll < 0.50 else "C"
        usual, fewer, more = FREQUENCY_DAYS[tier]
        roll = rnd()
        frequency = usual if roll < 0.85 else fewer if roll < 0.925 else more
        # Established customers: created 400+ days ago, well before the visit history.
        created = self.work_time(-400 - int(rnd() * 2100), territory)
        base_name = self.company_name(territory, lang)
        account_id = self.new_id(created)
        phone = self.phone(territory)
        if territory.country == "CA":
            address = f"{100 + int(rnd() * 9900)} {self.pick(territory.streets)}"
            if rnd() < 0.15:
                address += f", {'suite' if lang == 'en' else 'bureau'} {100 + int(rnd() * 400)}"
            letters = V.CA_POSTAL_LETTERS
            postal = (
                f"{self.pick(territory.postal_prefixes)} {int(rnd() * 10)}"
                f"{self.pick(letters)}{int(rnd() * 10)}"
            )
        else:
            number = f"{1 + int(rnd() * 150)}{' bis' if rnd() < 0.06 else ''}"
            address = f"{number} {self.pick(territory.streets)}"
            postal = self.pick(territory.postal_prefixes)
        self.out["accounts"].append(
            {
                "id": account_id,
                "name": self.unique_name(base_name, territory),
                "tier": tier,
                "address": address,
                "city": territory.name,
                "postal_code": postal,
                "country": territory.country,
                "latitude": lat,
                "longitude": lon,
                "phone": phone,
                "owner_id": rep.id,
                "visit_frequency_days": frequency,
                "version": 1,
                "created_at": self.stamp(created),
                "updated_at": self.stamp(created + int(rnd() * (self.cutoff - created))),
            }
        )
        account = Account(account_id, rep, lang, tier, lat, lon, created)
        rep.accounts.append(account)
        self.add_contacts(account, territory, base_name, phone)
        self.add_opportunities(account, territory)
        return account

    def company_name(self, territory: Territory, lang: str) -> str:
        pick = self.pick
        place, place_phrase = pick(territory.districts)
        if lang == "en":
            return pick(V.EN_NAME_PATTERNS).format(
                adjective=pick(V.EN_ADJECTIVES),
                industry=pick(V.EN_INDUSTRIES),
                suffix=pick(V.EN_SUFFIXES),
                family=pick(V.EN_LAST),
                place=place,
                city=territory.name,
            )
        quebec = territory.country == "CA"
        female = self.rnd() < 0.5
        return pick(V.QC_NAME_PATTERNS if quebec else V.FR_NAME_PATTERNS).format(
            trade=pick(_QC_TRADES if quebec else V.FR_TRADES),
            family=pick(V.QC_LAST if quebec else V.FR_LAST),
            place=place_phrase,
            city=territory.name,
            firm=pick(V.FR_FIRMS),
            craft=pick(V.CRAFTS),
            eatery=pick(V.EATERIES),
            first=pick(_first_names(territory.country, "fr", female)),
        )

    def unique_name(self, name: str, territory: Territory) -> str:
        """Chains and namesakes exist, but a list of identical names helps nobody: a
        repeated name gets its district after a dash, as a CRM user would add it."""
        seen = self.names_seen.get(name, 0)
        self.names_seen[name] = seen + 1
        if not seen:
            return name
        name = f"{name} \N{EN DASH} {self.pick(territory.districts)[0]}"
        seen = self.names_seen.get(name, 0)
        self.names_seen[name] = seen + 1
        return name if not seen else f"{name} {seen + 1}"

    def phone(self, territory: Territory, mobile: bool = False) -> str:
        rnd = self.rnd
        if territory.country == "CA":
            exchange = 200 + int(rnd() * 800)
            exchange += exchange == 555  # 555 numbers look fake to a North American
            return f"{self.pick(territory.area_codes)} {exchange}-{int(rnd() * 10000):04d}"
        prefix = ("06" if rnd() < 0.7 else "07") if mobile else territory.area_codes[0]
        pairs = " ".join(f"{int(rnd() * 100):02d}" for _ in range(3))
        return f"{prefix} {10 + int(rnd() * 90)} {pairs}"

    def add_contacts(
        self, account: Account, territory: Territory, company: str, phone: str
    ) -> None:
        rnd, pick = self.rnd, self.pick
        words = [w for w in _WORDS.findall(self.fold(company)) if w not in V.DOMAIN_STOPWORDS]
        tld = (
            (".fr" if rnd() < 0.8 else ".com")
            if territory.country == "FR"
            else (".ca" if rnd() < 0.65 else ".com")
        )
        domain = "".join(words[:3] or ["commerce"]) + tld
        roll = rnd()
        count = (
            1
            if roll < 0.15
            else 2
            if roll < 0.35
            else 3
            if roll < 0.65
            else (4 if roll < 0.85 else 5)
        )
        # Contacts were all known before the six months of visit history started.
        span = self.cutoff - (HISTORY_DAYS + 20) * DAY - account.created
        records = self.out["contacts"]
        for position in range(count):
            female = rnd() < 0.5
            first = pick(_first_names(territory.country, account.lang, female))
            last = pick(_last_names(territory.country, account.lang, rnd()))
            if account.lang == "fr":
                title = pick(V.FR_BOSS_TITLES if position == 0 else V.FR_TITLES)[female]
            else:
                title = pick(V.EN_BOSS_TITLES if position == 0 else V.EN_TITLES)
            email = None
            if rnd() < 0.92:
                given, family = _local_part(self.fold(first)), _local_part(self.fold(last))
                local = f"{given}.{family}" if rnd() < 0.7 else f"{given[0]}{family}"
                email = f"{local}@{domain}"
            roll = rnd()
            contact_phone = (
                f"{phone} {'poste' if account.lang == 'fr' else 'ext.'} {100 + int(roll * 800)}"
                if roll < 0.45 and territory.country == "CA"
                else self.phone(territory, mobile=True)
                if roll < 0.9
                else None
            )
            created = account.created + int(rnd() * span)
            contact_id = self.new_id(created)
            records.append(
                {
                    "id": contact_id,
                    "account_id": account.id,
                    "first_name": first,
                    "last_name": last,
                    "job_title": title,
                    "email": email,
                    "phone": contact_phone,
                    "version": 1,
                    "created_at": self.stamp(created),
                    "updated_at": self.stamp(created + int(rnd() * (self.cutoff - created))),
                }
            )
            account.contacts.append((contact_id, first, f"{first} {last}", title))

    def add_opportunities(self, account: Account, territory: Territory) -> None:
        rnd = self.rnd
        roll = rnd()
        count = 0 if roll < 0.30 else 1 if roll < 0.75 else 2 if roll < 0.95 else 3
        language = 0 if account.lang == "fr" else 1
        currency = V.CURRENCY[territory.country][0]
        for _ in range(count):
            roll = rnd()
            stage = next(name for name, share in STAGES if roll < share)
            if stage.startswith("closed"):
                close_day = -1 - int(rnd() * 180)
                created = self.work_time(close_day - 15 - int(rnd() * 105), territory)
                updated = self.work_time(close_day, territory)
            else:
                # A few open deals are past their close date: a pipeline review finds them.
                close_day = -1 - int(rnd() * 21) if rnd() < 0.1 else 5 + int(rnd() * 115)
                created = self.work_time(-5 - int(rnd() * 145), territory)
                updated = created + int(rnd() * (self.cutoff - created))
            product = self.pick(V.PRODUCTS)[language]
            name = self.pick(V.OPPORTUNITY_TOPICS[account.lang]).format(product=product)
            amount = AMOUNT_BASE[account.tier] * (0.3 + 1.7 * rnd())
            self.out["opportunities"].append(
                {
                    "id": self.new_id(created),
                    "account_id": account.id,
                    "name": name[0].upper() + name[1:],
                    "stage": stage,
                    "amount": float(round(amount / 50) * 50),
                    "currency": currency,
                    "close_date": self.cal.date_text(close_day),
                    "owner_id": account.rep.id,
                    "version": 1,
                    "created_at": self.stamp(created),
                    "updated_at": self.stamp(updated),
                }
            )


def _username(role: str, index: int) -> str:
    """'field', 'field2', 'field3'...: the first of each role is the one a demo signs in as."""
    return role if index == 0 else f"{role}{index + 1}"


def _first_names(country: str, lang: str, female: bool) -> tuple[str, ...]:
    if lang == "en":
        return V.EN_FEMALE if female else V.EN_MALE
    if country == "FR":
        return V.FR_FEMALE if female else V.FR_MALE
    return V.QC_FEMALE if female else V.QC_MALE


def _last_names(country: str, lang: str, roll: float) -> tuple[str, ...]:
    if country == "FR":
        return V.FR_LAST
    # Anglophone Montréal businesses still employ plenty of francophones.
    return V.EN_LAST if lang == "en" and roll < 0.7 else V.QC_LAST


def _local_part(folded: str) -> str:
    """'st-pierre' stays, "o'brien" -> 'obrien', 'da silva' -> 'dasilva'."""
    return _NOT_LOCAL_PART.sub("", folded)


def _apportion(total: int, weights: list[float], minimum: int) -> list[int]:
    """Split ``total`` by ``weights`` (largest remainder, ties to the first), each share
    getting at least ``minimum`` when the total allows it."""
    floor = minimum if total >= minimum * len(weights) else 0
    shares = [floor] * len(weights)
    rest = total - floor * len(weights)
    scale = sum(weights)
    exact = [rest * w / scale for w in weights]
    for index, value in enumerate(exact):
        shares[index] += int(value)
    left = total - sum(shares)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] - int(exact[i])), i))
    for index in by_remainder[:left]:
        shares[index] += 1
    return shares


def _partition(points: list[tuple[float, float]], parts: int) -> list[int]:
    """Which of ``parts`` reps owns each point: the city is cut into west-to-east bands,
    each band into south-to-north cells of equal size, so a rep's accounts are neighbours
    rather than scattered over the whole city."""
    owners = [0] * len(points)
    if parts <= 1 or not points:
        return owners
    columns = max(1, round(math.sqrt(parts)))
    by_longitude = sorted(range(len(points)), key=lambda i: (points[i][1], i))
    start = first_rep = 0
    for column in range(columns):
        reps_here = parts // columns + (1 if column < parts % columns else 0)
        end = len(points) * (first_rep + reps_here) // parts
        band = sorted(by_longitude[start:end], key=lambda i: (points[i][0], i))
        for position, index in enumerate(band):
            owners[index] = first_rep + position * reps_here // len(band)
        start, first_rep = end, first_rep + reps_here
    return owners
