"""Import of IATI activity files into a province's aid programmes.

Transactions: **one database transaction per file.** A file that cannot be read as a whole
(not XML, not well-formed, a DOCTYPE/entity bomb, not IATI) leaves the database exactly as it
was, even when the fault is found after thousands of activities were written. Inside the file,
each activity runs in a savepoint: an activity whose data cannot be used (an amount that is not
a number, an unknown currency...) is left out and listed in ``errors``, and the others of the
file are kept. Several files are imported one after the other, each in its own transaction.

Batches: the activities are saved ``BATCH_SIZE`` at a time, each batch in a savepoint with a
few queries whatever its size (one look-up of the existing programmes, bulk inserts of the
programmes, their links and transactions with their history rows, bulk updates of the changed
ones; ``Importer.prepare`` turns an activity into unsaved objects, ``write_batch`` saves
them). An activity whose data cannot be used is left out of its batch before anything is
written. When the database refuses a batch, its savepoint is rolled back and its activities
are saved again one at a time (``Importer.save``), each in its own savepoint as above, so the
errors and counts are exactly those of saving one by one.

Matching: an activity updates the programme of the owning province (or of a province merged
into it) with the same IATI identifier, so re-importing a file updates rather than duplicates;
a programme in the trash is left there (skipped, with the reason). Our own exports carry
identifiers ``<reporting-org ref>-<pk>`` for programmes that had none; re-importing them into
their province updates the same programmes.

What goes where:
- title, description (general), other-identifier -> code, iati-identifier;
- activity-status -> status; activity dates -> starts_on/ends_on (actual, else planned);
- default flow/finance type -> kind (private development finance -> NGO aid, loans -> ODA
  loan, equity or private FDI -> FDI, otherwise ODA grant; a grant whose funders are NGOs or
  foundations -> NGO aid);
- funding and extending organisations -> donors, found in the province's partner register by
  IATI organisation identifier (kept as an ``IATI:<ref>`` line in Partner.aliases), then by
  any of their names or acronym, folded; created when unknown. Accountable (else
  implementing) organisations -> managing_agency;
- DAC 5- and 3-digit sectors -> the core 3-digit sectors; other vocabularies are ignored;
- commitments -> commitment transactions; disbursements (else expenditure, else incoming
  funds) -> disbursement transactions, in the value's currency or the activity's default,
  dated by value-date (else transaction date, else the start date); budgets become commitment
  transactions (tranche "IATI budget") only when the activity reports no commitment;
  negative values (corrections) are left out, as AidTransaction holds no negative amount;
- locations naming a province (with or without diacritics) -> places.

Kept as the file gave them too, so that an export writes the same activity back (round
trip): every participating organisation (``AidParticipant``: role, ref, type, name), every
sector of any vocabulary with its percentage (``AidSector``), every location with its name,
point and administrative codes (``AidLocation``), and each kept transaction's IATI type and
transaction date (``AidTransaction.iati_type``, ``transaction_date``). These child rows are
bulk-inserted per batch like the transactions, and replaced on re-import only when they
changed.
"""

import datetime as dt
import gc
import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from doingoai.aid.iati import codes, rules
from doingoai.aid.iati.parse import Activity, ActivityError, IatiFileError, iter_activities
from doingoai.aid.models import (
    AidLocation,
    AidParticipant,
    AidProgramme,
    AidSector,
    AidTransaction,
)
from doingoai.core.models import TEXT_LENGTH, AdminUnit, Currency, Sector
from doingoai.lib import bulk
from doingoai.lib.text import fold
from doingoai.partners.models import Partner

NGO_TYPES = {"21", "22", "23", "24", "60", "ngo"}
ALIAS_PREFIX = "IATI:"
PROGRESS_EVERY = 200
BATCH_SIZE = 500
# The fields an import sets on a programme (besides the ones ``save`` itself keeps).
PROGRAMME_FIELDS = ("iati_identifier", "title", "description", "code", "kind", "starts_on",
                    "ends_on", "managing_agency", "status")
LINKS = ("donors", "sectors", "places")


def reporting_org_ref(owner: AdminUnit) -> str:
    """The IATI organisation identifier written for a province in exports (configurable
    with DOINGOAI_IATI_REPORTING_ORG_REF, a template with ``{code}``)."""
    template = getattr(settings, "DOINGOAI_IATI_REPORTING_ORG_REF", "VN-PROVINCE-{code}")
    return template.format(code=owner.code)


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)
    read: int = 0
    # The IATI rulesets' findings on the activities imported (aid/iati/rules.py): warnings,
    # which do not stop an activity.
    warnings: list[str] = field(default_factory=list)

    def skip(self, reason: str):
        self.skipped += 1
        self.reasons[reason] += 1

    def merge(self, other: "Summary"):
        self.created += other.created
        self.updated += other.updated
        self.skipped += other.skipped
        self.errors += other.errors
        self.reasons.update(other.reasons)
        self.read += other.read
        self.warnings += other.warnings

    def reason_list(self) -> list[tuple[str, int]]:
        return sorted(self.reasons.items())

    def as_dict(self) -> dict:
        return {"created": self.created, "updated": self.updated, "skipped": self.skipped,
                "errors": list(self.errors), "skipped_reasons": dict(self.reasons),
                "warnings": list(self.warnings)}


def find_unit(text: str) -> AdminUnit | None:
    """The administrative unit named or coded ``text``; a province before a district before a
    commune, today's unit before an abolished one."""
    units = list(AdminUnit.objects.find(text))
    if not units:
        return None
    level_rank = {"province": 0, "district": 1, "commune": 2}
    units.sort(key=lambda u: (level_rank.get(u.level, 3), u.generation != "2025", u.pk))
    return units[0]


def province_of(unit: AdminUnit) -> AdminUnit:
    return unit if unit.level == AdminUnit.Level.PROVINCE else unit.province


class PlaceFilter:
    """Does an activity's location lie in ``unit`` (or a unit merged into it)? By names,
    folded, found as whole words in location texts, and by official codes (GSO codes of the
    unit and of its districts and communes, ISO 3166-2 for a province)."""

    def __init__(self, unit: AdminUnit):
        units = list(AdminUnit.objects.rolling_up_to(unit))
        names = {u.name_folded for u in units} | {u.full_name_folded for u in units}
        self.pattern = re.compile(
            r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            + r")\b")
        self.codes = {u.code for u in units}
        provinces = [u for u in units if u.level == AdminUnit.Level.PROVINCE]
        if provinces:
            self.codes |= set(AdminUnit.objects.filter(province__in=provinces)
                              .values_list("code", flat=True))
            import pycountry

            folded = {u.name_folded for u in provinces}
            for sub in pycountry.subdivisions.get(country_code="VN") or []:
                if fold(sub.name) in folded:
                    self.codes.add(sub.code.upper())
        self.codes |= {c.lstrip("0") for c in self.codes if c.isdigit()}

    def matches(self, activity: Activity) -> bool:
        for code in activity.location_codes:
            if code in self.codes or (code.isdigit() and code.lstrip("0") in self.codes):
                return True
        return any(self.pattern.search(fold(text)) for text in activity.location_texts)


class ProvinceFinder:
    """The provinces named in location texts, for a programme's places."""

    def __init__(self, owner: AdminUnit):
        self.by_name: dict[str, list[AdminUnit]] = {}
        for unit in AdminUnit.objects.provinces():
            for name in {unit.name_folded, unit.full_name_folded}:
                self.by_name.setdefault(name, []).append(unit)
        self.owner_ids = set(AdminUnit.objects.rolling_up_to(owner).values_list("pk", flat=True))
        self.pattern = re.compile(r"\b(" + "|".join(
            re.escape(n) for n in sorted(self.by_name, key=len, reverse=True)) + r")\b")

    def find(self, texts) -> set[AdminUnit]:
        found = set()
        for text in texts:
            for match in self.pattern.finditer(fold(text)):
                candidates = self.by_name[match.group(1)]
                mine = [u for u in candidates if u.pk in self.owner_ids]
                current = [u for u in candidates if u.generation == "2025"]
                found.add((mine or current or candidates)[0])
        return found


class PartnerBook:
    """The owning province's partner register, indexed by IATI ref and folded names."""

    def __init__(self, owner: AdminUnit, user=None):
        self.owner = owner
        self.user = user
        self.by_ref: dict[str, Partner] = {}
        self.by_name: dict[str, Partner] = {}
        self.journal: list[tuple[dict, str]] = []
        self.changed: list[Partner] = []
        for partner in Partner.objects.owned_by(owner).order_by("pk"):
            self._index(partner)
        self.begin()

    def begin(self):
        """Start recording, so that ``rollback`` can forget what an activity added when its
        savepoint is rolled back."""
        self.journal = []
        self.changed = []

    def rollback(self):
        for index, key in self.journal:
            index.pop(key, None)
        for partner in self.changed:
            partner.refresh_from_db()
        self.begin()

    def _add(self, index: dict, key: str, partner: Partner):
        if key not in index:
            index[key] = partner
            self.journal.append((index, key))

    def _index(self, partner: Partner):
        for name in partner.names():
            if name.startswith(ALIAS_PREFIX):
                self._add(self.by_ref, name[len(ALIAS_PREFIX):].strip().upper(), partner)
            else:
                self._add(self.by_name, fold(name), partner)

    def get(self, org) -> Partner:
        ref = org.ref.strip().upper()
        partner = self.by_ref.get(ref) if ref else None
        if partner is None and org.name:
            partner = self.by_name.get(fold(org.name))
            if partner is not None and ref:
                partner.aliases = "\n".join(
                    [line for line in partner.aliases.splitlines() if line.strip()]
                    + [f"{ALIAS_PREFIX}{org.ref.strip()}"])
                partner.save()
                self.changed.append(partner)
                self._add(self.by_ref, ref, partner)
        if partner is not None:
            return partner
        country = ref[:2] if len(ref) > 3 and ref[2] == "-" and codes.is_country(ref[:2]) \
            and ref[:2] not in ("XM", "XI") else None
        name = (org.name or org.ref)[:200]
        partner = Partner(
            owner=self.owner, created_by=self.user, kind=codes.partner_kind(org.type),
            name_vi=name, name_en=name, country_id=country,
            aliases=f"{ALIAS_PREFIX}{org.ref.strip()}" if ref else "",
            notes=_("Created by an IATI import."),
        )
        partner.save()
        self._index(partner)
        return partner


def programme_kind(activity: Activity, funders) -> str:
    group = codes.finance_group(activity.finance_type)
    if activity.flow_type == "36" or group == "500":
        return AidProgramme.Kind.FDI
    if activity.flow_type == "30":
        return AidProgramme.Kind.NGO
    if group in ("400", "420", "430", "450"):
        return AidProgramme.Kind.ODA_LOAN
    if funders and all(org.type.lower() in NGO_TYPES for org in funders):
        return AidProgramme.Kind.NGO
    return AidProgramme.Kind.ODA_GRANT


class Importer:
    def __init__(self, owner: AdminUnit, *, country: str = "VN", place: AdminUnit | None = None,
                 user=None, progress=None):
        self.owner = owner
        self.country = None if country.lower() == "all" else country.upper()
        self.place = place
        self.user = user
        self.progress = progress
        self.place_filter = PlaceFilter(place) if place is not None else None
        self.provinces = ProvinceFinder(owner)
        self.owner_ids = list(AdminUnit.objects.rolling_up_to(owner).values_list("pk", flat=True))
        self.currencies = set(Currency.objects.values_list("code", flat=True))
        self.sectors = set(Sector.objects.values_list("code", flat=True))
        self.make = {model: bulk.unsaved(model)
                     for model in (AidProgramme, AidTransaction, AidSector, AidLocation,
                                   AidParticipant)}
        own = re.escape(reporting_org_ref(owner))
        self.own_identifier = re.compile(rf"^{own}-(\d+)$")

    # --- files -----------------------------------------------------------------------
    def import_files(self, sources) -> Summary:
        """Import each of ``sources`` ((name, path or file object) pairs)."""
        total = Summary()
        for name, source in sources:
            total.merge(self.import_file(source, name))
        return total

    def import_file(self, source, name: str = "") -> Summary:
        summary = Summary()
        self.findings = rules.Findings()
        # What was loaded before the file (Django, the codes, the registers) is left out of
        # the garbage collector's passes while it runs: the thousands of rows an import
        # makes would otherwise set off full passes over all of it, a third of the time.
        gc.freeze()
        try:
            with transaction.atomic():
                self._import(source, name, summary)
        except IatiFileError as error:
            failed = Summary(read=summary.read)
            failed.errors.append(_("%(file)s: %(error)s (nothing of this file was imported)")
                                 % {"file": name, "error": error})
            return failed
        finally:
            gc.unfreeze()
        summary.warnings = self.findings.lines()
        return summary

    def _import(self, source, name, summary):
        self.partners = PartnerBook(self.owner, self.user)
        self.load_identifiers()
        batch: list[Activity] = []
        in_batch: set[str] = set()
        for item in iter_activities(source):
            summary.read += 1
            if self.progress and summary.read % PROGRESS_EVERY == 0:
                self.progress(name, summary)
            if isinstance(item, ActivityError):
                self.save_batch(batch, name, summary)  # the errors stay in the file's order
                summary.errors.append(self._where(name, item.identifier, item.line, item))
                continue
            reason = self.reason_to_skip(item)
            if reason:
                summary.skip(reason)
                continue
            self.findings.add(item)
            if not batch:
                in_batch = set()
            if item.identifier in in_batch:
                # The second occurrence updates what the first wrote: after it is saved.
                self.save_batch(batch, name, summary)
                in_batch = set()
            batch.append(item)
            in_batch.add(item.identifier)
            if len(batch) >= BATCH_SIZE:
                self.save_batch(batch, name, summary)
        self.save_batch(batch, name, summary)
        if self.progress:
            self.progress(name, summary)

    def save_batch(self, batch: list[Activity], name: str, summary: Summary):
        """Save ``batch`` (emptied) in one savepoint with a handful of queries; if the database
        refuses any of it, roll the savepoint back and save its activities one at a time, so
        that the errors and counts are exactly those of the one-by-one path."""
        if not batch:
            return
        self.partners.begin()
        try:
            with transaction.atomic():
                outcomes = self.write_batch(batch)
        except (DatabaseError, Replay):
            self.partners.rollback()
            for activity in batch:
                self.save_one(activity, name, summary)
            batch.clear()
            return
        except BaseException:
            self.partners.rollback()
            raise
        for activity, (outcome, pk) in zip(batch, outcomes, strict=True):
            self.count(activity, outcome, pk, name, summary)
        batch.clear()

    def save_one(self, activity: Activity, name: str, summary: Summary):
        self.partners.begin()
        try:
            with transaction.atomic():
                outcome = self.save(activity)
        except (ActivityError, DatabaseError) as error:
            self.partners.rollback()
            if isinstance(error, DatabaseError):
                error = _("the database refused it: %s") % error
            summary.errors.append(self._where(name, activity.identifier, activity.line, error))
            return
        except BaseException:
            self.partners.rollback()
            raise
        self.count(activity, outcome, self.last_pk, name, summary)

    def count(self, activity, outcome, pk, name, summary):
        if isinstance(outcome, ActivityError):
            summary.errors.append(self._where(name, activity.identifier, activity.line, outcome))
        elif outcome == "created":
            self.known[activity.identifier] = pk
            summary.created += 1
        elif outcome == "updated":
            summary.updated += 1
        else:
            summary.skip(outcome)

    @staticmethod
    def _where(name, identifier, line, error) -> str:
        return _("%(file)s line %(line)s, activity %(id)s: %(error)s") % {
            "file": name, "line": line or "?", "id": identifier or "?", "error": error}

    # --- one activity ------------------------------------------------------------------
    def reason_to_skip(self, activity: Activity) -> str | None:
        if not activity.identifier:
            return _("no iati-identifier")
        if self.country:
            if not activity.countries:
                return _("no recipient country")
            if self.country not in activity.countries:
                return _("not for %(country)s") % {"country": self.country}
        if self.place_filter is not None and not self.place_filter.matches(activity):
            return _("not located in %(place)s") % {"place": self.place.name}
        return None

    def load_identifiers(self):
        """The owner's programmes by IATI identifier, read once per file: the column has no
        index, and a query per activity would scan the table each time. Programmes created
        by this file are added as they are made (the one thing that grows with the file:
        an identifier and a number per activity)."""
        self.known: dict[str, int] = {}
        rows = (AidProgramme.all_objects.filter(owner_id__in=self.owner_ids)
                .exclude(iati_identifier="").order_by("-pk")
                .values_list("iati_identifier", "pk"))
        for identifier, pk in rows.iterator(chunk_size=2000):
            self.known[identifier] = pk

    def find_existing(self, identifier: str) -> AidProgramme | None:
        qs = AidProgramme.all_objects.filter(owner_id__in=self.owner_ids)
        pk = self.known.get(identifier)
        found = qs.filter(pk=pk).first() if pk is not None else None
        if found is None:
            match = self.own_identifier.match(identifier)
            if match:
                found = qs.filter(pk=int(match.group(1)), iati_identifier="").first()
        return found

    def check(self, activity: Activity):
        """The activity's transaction rows; ``ActivityError`` before anything is written."""
        if len(activity.identifier) > 150:
            raise ActivityError(_("the iati-identifier is longer than 150 characters"))
        return self.transactions(activity)

    def save(self, activity: Activity) -> str:
        """Save one activity (the path of a batch the database refused)."""
        rows = self.check(activity)
        programme = self.find_existing(activity.identifier)
        if programme is not None and programme.deleted_at is not None:
            return _("the programme is in the trash")
        plan = self.prepare(activity, programme, rows)
        programme = plan.programme
        if plan.changed:
            if not plan.created:
                programme.version += 1
            programme.save()
        if plan.created:
            # A new programme has no links yet: insert them without add()'s lookups.
            for name in LINKS:
                through = getattr(AidProgramme, name).through
                through.objects.bulk_create(plan.links(name))
        else:
            programme.donors.set(plan.donors)
            programme.sectors.set(plan.sectors)
            programme.places.add(*plan.places)
        self.save_transactions(programme, plan.transactions, plan.created)
        for model, key in CHILDREN:
            self.save_children(model, key, programme, plan.children[model], plan.created)
        self.last_pk = programme.pk
        return "created" if plan.created else "updated"

    def prepare(self, activity: Activity, programme: AidProgramme | None,
                rows) -> "Plan":
        """The unsaved objects an activity makes: its programme (new, or ``programme`` with
        the activity's values set), donors (found or made in the partner register), sectors,
        places and transactions."""
        created = programme is None
        if created:
            programme = self.make[AidProgramme](owner=self.owner, created_by=self.user)
        funders = [o for o in activity.organisations if o.role in ("1", "3")]
        participants = list(activity.organisations)
        if not funders and activity.reporting_org and (
                activity.reporting_org.name or activity.reporting_org.ref):
            funders = [activity.reporting_org]
            # Kept without a role (so not exported as a participant): the export then knows
            # the donor it became came from the file, not from the page.
            participants.append(activity.reporting_org)
        managers = [o for o in activity.organisations if o.role == "2"] or [
            o for o in activity.organisations if o.role == "4"]
        values = {
            "iati_identifier": activity.identifier,
            "title": (activity.title or activity.identifier)[:300],
            "description": activity.description[:TEXT_LENGTH],
            "code": activity.other_identifier[:60],
            "kind": programme_kind(activity, funders),
            "starts_on": activity.dates.get("2") or activity.dates.get("1"),
            "ends_on": activity.dates.get("4") or activity.dates.get("3"),
            "managing_agency": "; ".join(o.name or o.ref for o in managers)[:200],
        }
        if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
            values["ends_on"] = None
        if activity.status:
            values["status"] = activity.status
        elif created:
            values["status"] = AidProgramme.Status.MOBILISING
        changed = created or any(getattr(programme, k) != v for k, v in values.items())
        if changed:
            for key, value in values.items():
                setattr(programme, key, value)

        donors = []
        for org in funders:
            partner = self.partners.get(org)
            if partner not in donors:
                donors.append(partner)
        places = self.provinces.find(activity.location_texts)
        if self.place is not None:
            places.add(self.place)
        make = self.make
        new_transaction = make[AidTransaction]
        transactions = [
            new_transaction(programme=programme, kind=kind, on=on, amount=amount,
                            currency_id=currency, tranche=ref, note=note, iati_type=iati_type,
                            transaction_date=transaction_date)
            for kind, on, amount, currency, ref, note, iati_type, transaction_date in rows]
        children = {
            AidSector: [make[AidSector](
                programme=programme, vocabulary=row.vocabulary[:10], code=row.code,
                percentage=row.percentage, name=row.name) for row in activity.sector_rows],
            AidLocation: [make[AidLocation](
                programme=programme, ref=place.ref, name=place.name, point=place.point,
                administrative="\n".join("|".join(t) for t in place.administrative)[:300])
                for place in activity.locations
                if place.ref or place.name or place.point or place.administrative],
            AidParticipant: [make[AidParticipant](
                programme=programme, role=org.role or "", ref=org.ref[:150],
                org_type=org.type[:40], name=org.name[:300]) for org in participants],
        }
        return Plan(programme, created, changed, donors, sorted(activity.sectors & self.sectors),
                    places, transactions, children)

    def write_batch(self, batch: list[Activity]) -> list[tuple]:
        """Save the activities of ``batch`` with a few queries for all of them; returns the
        outcome of each (as ``count`` takes it). ``Replay`` (or the database's error) when
        the batch must be saved one activity at a time instead."""
        outcomes: list = [None] * len(batch)
        checked = []
        for i, activity in enumerate(batch):
            try:
                checked.append((i, activity, self.check(activity)))
            except ActivityError as error:
                outcomes[i] = (error, None)
        existing = self.find_existing_many([activity.identifier for _, activity, _ in checked])
        if len({p.pk for p in existing.values()}) < len(existing):
            raise Replay  # two identifiers name one programme: the first takes it
        plans = []
        for i, activity, rows in checked:
            programme = existing.get(activity.identifier)
            if programme is not None and programme.deleted_at is not None:
                outcomes[i] = (_("the programme is in the trash"), None)
                continue
            plan = self.prepare(activity, programme, rows)
            plans.append(plan)
            outcomes[i] = plan
        new = [plan for plan in plans if plan.created]
        old = [plan for plan in plans if not plan.created]
        for plan in new:
            plan.programme.fill_search_text()
        bulk.insert([plan.programme for plan in new], AidProgramme)
        changed = [plan.programme for plan in old if plan.changed]
        now = timezone.now()
        for programme in changed:
            programme.version += 1
            programme.updated_at = now
            programme.fill_search_text()
        if changed:
            bulk_update_with_history(
                changed, AidProgramme, [*PROGRAMME_FIELDS, "version", "updated_at",
                                        "search_text"], manager=AidProgramme.all_objects)
        for name in LINKS:
            rows = [row for plan in new for row in plan.link_rows(name)]
            if old:
                rows += self.changed_links(name, old)
            bulk.insert_links(getattr(AidProgramme, name).through, rows)
        for plan in new:
            pk = plan.programme.pk  # known now
            for tx in plan.transactions:
                tx.programme_id = pk
            for rows in plan.children.values():
                for row in rows:
                    row.programme_id = pk
        fresh = [tx for plan in new for tx in plan.transactions]
        if old:
            fresh += self.changed_transactions(old)
        bulk.insert(fresh, AidTransaction, user=self.user)
        for model, key in CHILDREN:
            fresh = [row for plan in new for row in plan.children[model]]
            if old:
                fresh += changed_rows(model, key, old, lambda plan, m=model: plan.children[m])
            bulk.insert(fresh, model, user=self.user)
        return [outcome if isinstance(outcome, tuple) else
                ("created" if outcome.created else "updated", outcome.programme.pk)
                for outcome in outcomes]

    def find_existing_many(self, identifiers: list[str]) -> dict[str, AidProgramme]:
        """``find_existing`` for many identifiers, in at most two queries."""
        qs = AidProgramme.all_objects.filter(owner_id__in=self.owner_ids)
        known = {i: self.known[i] for i in identifiers if i in self.known}
        by_pk = qs.in_bulk(set(known.values())) if known else {}
        found = {i: by_pk[pk] for i, pk in known.items() if pk in by_pk}
        own = {}
        for identifier in identifiers:
            match = identifier not in found and self.own_identifier.match(identifier)
            if match:
                own[identifier] = int(match.group(1))
        if own:
            by_pk = qs.filter(iati_identifier="").in_bulk(set(own.values()))
            found.update({i: by_pk[pk] for i, pk in own.items() if pk in by_pk})
        return found

    @staticmethod
    def changed_links(name: str, plans: list["Plan"]) -> list:
        """The links of existing programmes to insert ((programme pk, target pk) pairs), as
        ``set`` (donors, sectors) and ``add`` (places) would; those ``set`` removes are
        deleted here."""
        relation = getattr(AidProgramme, name)
        through = relation.through
        target = f"{relation.field.m2m_reverse_field_name()}_id"
        have: dict[int, dict] = {}
        for pk, programme_id, target_id in through.objects.filter(
                aidprogramme_id__in=[plan.programme.pk for plan in plans]).values_list(
                "pk", "aidprogramme_id", target):
            have.setdefault(programme_id, {})[target_id] = pk
        add, remove = [], []
        for plan in plans:
            existing = have.get(plan.programme.pk, {})
            wanted = {getattr(t, "pk", t) for t in getattr(plan, name)}
            if name != "places":
                remove += [pk for target_id, pk in existing.items() if target_id not in wanted]
            add += [row for row in plan.link_rows(name) if row[1] not in existing]
        if remove:
            through.objects.filter(pk__in=remove).delete()
        return add

    @staticmethod
    def changed_transactions(plans: list["Plan"]) -> list[AidTransaction]:
        """The transactions of existing programmes to insert: all of an activity's when they
        differ from the programme's, whose old ones are then deleted (with their history)."""
        return changed_rows(AidTransaction, transaction_key, plans,
                            lambda plan: plan.transactions)

    def save_transactions(self, programme, new, created):
        self.save_children(AidTransaction, transaction_key, programme, new, created)

    def save_children(self, model, key, programme, new, created):
        if not created:
            old = list(model.objects.filter(programme=programme))
            if sorted(map(key, old)) == sorted(map(key, new)):
                return
            for row in old:
                row.delete()
        if new:
            bulk_create_with_history(new, model, default_user=self.user)

    def transactions(self, activity: Activity):
        best: dict[str, int] = {}
        typed = []
        for money in activity.money:
            if money.type == "budget":
                continue
            kind, priority = codes.transaction_kind(money.type)
            if kind:
                typed.append((kind, priority, money))
                best[kind] = min(best.get(kind, priority), priority)
        chosen = [(kind, money) for kind, priority, money in typed if priority == best[kind]]
        if "commitment" not in best:
            chosen += [("commitment", m) for m in activity.money if m.type == "budget"]
        start = activity.dates.get("2") or activity.dates.get("1")
        rows = []
        for kind, money in chosen:
            currency = money.currency
            if not currency:
                raise ActivityError(_("a transaction has no currency and the activity no "
                                      "default-currency"))
            if currency not in self.currencies or not codes.is_currency(currency):
                raise ActivityError(_("unknown currency %(code)r") % {"code": currency[:10]})
            if money.amount < 0:
                continue  # a correction, which AidTransaction (amounts >= 0) cannot hold
            on = money.on or start
            if on is None:
                raise ActivityError(_("a transaction has no date"))
            if on < dt.date(1900, 1, 1):
                raise ActivityError(_("a transaction is dated %(date)s") % {"date": on})
            iati_type = "" if money.type == "budget" else (money.type or "")
            rows.append((kind, on, money.amount, currency, money.ref[:60], money.note[:300],
                         iati_type, money.transaction_date))
        return rows


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def transaction_key(tx: AidTransaction) -> tuple:
    return (tx.kind, tx.on, tx.amount, tx.currency_id, tx.tranche, tx.note, tx.iati_type,
            _iso(tx.transaction_date))


def sector_key(row: AidSector) -> tuple:
    percentage = "" if row.percentage is None else f"{row.percentage.normalize():f}"
    return (row.vocabulary, row.code, percentage, row.name)


def location_key(row: AidLocation) -> tuple:
    return (row.ref, row.name, row.point, row.administrative)


def participant_key(row: AidParticipant) -> tuple:
    return (row.role, row.ref, row.org_type, row.name)


CHILDREN = ((AidSector, sector_key), (AidLocation, location_key),
            (AidParticipant, participant_key))


def changed_rows(model, key, plans: list["Plan"], wanted) -> list:
    """The ``model`` rows of existing programmes to insert: all of an activity's
    (``wanted(plan)``) when they differ from the programme's, whose old ones are then
    deleted (with their history). One query to read them, one to delete."""
    old: dict[int, list] = {}
    for row in model.objects.filter(
            programme_id__in=[plan.programme.pk for plan in plans]).order_by("pk"):
        old.setdefault(row.programme_id, []).append(row)
    fresh, stale = [], []
    for plan in plans:
        before = old.get(plan.programme.pk, [])
        rows = wanted(plan)
        if sorted(map(key, before)) != sorted(map(key, rows)):
            stale += [row.pk for row in before]
            fresh += rows
    if stale:
        model.objects.filter(pk__in=stale).delete()
    return fresh


class Replay(Exception):
    """A batch that must be saved one activity at a time."""


@dataclass
class Plan:
    """What one activity makes, unsaved (``Importer.prepare``)."""

    programme: AidProgramme
    created: bool
    changed: bool
    donors: list[Partner]
    sectors: list[str]
    places: set[AdminUnit]
    transactions: list[AidTransaction]
    children: dict = field(default_factory=dict)  # AidSector etc. -> unsaved rows

    def links(self, name: str) -> list:
        """Rows of the ``name`` many-to-many table from the programme to its targets."""
        relation = getattr(AidProgramme, name)
        target = f"{relation.field.m2m_reverse_field_name()}_id"
        return [relation.through(aidprogramme_id=pk, **{target: target_pk})
                for pk, target_pk in self.link_rows(name)]

    def link_rows(self, name: str) -> list[tuple]:
        """``links`` as (programme pk, target pk) pairs, for ``bulk.insert_links``."""
        pk = self.programme.pk
        return [(pk, getattr(t, "pk", t)) for t in getattr(self, name)]
