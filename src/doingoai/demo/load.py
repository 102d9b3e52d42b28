"""Writes the demo data held by the data modules of this package.

``load_demo()`` runs in one transaction and is idempotent: every record is looked up by a
natural key (owner and title or name, a user's username, a rate's currency and date...) and
created only when missing. A record that exists is left as it is, even when a user has
edited it or moved it to the trash, so running the command again changes nothing. Child rows
(members, transactions, relations) are written with their parent only.

The registers of issue 7 (consular cases, foreigners, passports, border...) bring their own
``<app>.demo.load_demo(province, user)``, idempotent in the same way; the loader calls them
in the same transaction and counts, for the summary, the province's rows of each of their
models before and after the call: the difference is what the run created, the rows counted
before are "already there".
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from doingoai.accounts.models import Membership
from doingoai.agreements.expiry import expire_lapsed
from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.border import demo as border_demo
from doingoai.border.models import BorderGate, BorderIncident, BorderMarker
from doingoai.consular import demo as consular_demo
from doingoai.consular.models import ConsularCase, ConsularPerson, ConsularStep
from doingoai.core.models import AdminUnit, Currency, ExchangeRate
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.demo import (
    bodies,
    consultations,
    correspondence,
    coverage,
    documents,
    friendship,
    logins,
    partners,
    plan2026,
    rates,
    records,
    year2023,
    year2026,
)
from doingoai.demo import figures as reported
from doingoai.events.models import Event
from doingoai.figures.models import Candidate, ReportedFigure, SourceDocument
from doingoai.figures.review import run_extractor
from doingoai.friendship.models import FriendshipAssociation, FriendshipPact
from doingoai.information import demo as information_demo
from doingoai.information.models import PromotionActivity
from doingoai.partners.models import Partner, PartnerRelation
from doingoai.passports import demo as passports_demo
from doingoai.passports.models import (
    ABTCApplication,
    OfficialPassport,
    PassportHandout,
    PassportMovement,
)
from doingoai.privacy import demo as privacy_demo
from doingoai.protocol import demo as protocol_demo
from doingoai.reports.models import RegisterCoverage, ReportDocument, ReportVersion
from doingoai.residents import demo as residents_demo
from doingoai.residents.models import Foreigner, HomeVisit, PersonAbroad
from doingoai.signatures import demo as signatures_demo
from doingoai.signatures.models import Specimen
from doingoai.staff import demo as staff_demo
from doingoai.staff.models import Attendance, Officer, TrainingCourse
from doingoai.trade import demo as trade_demo
from doingoai.trade.models import ForeignEnterprise, TradeFlow
from doingoai.treaties import demo as treaties_demo
from doingoai.treaties.models import Treaty, TreatyProvision

HG = "Hà Giang"
BK = "Bắc Kạn"


@dataclass(frozen=True)
class Register:
    """One register of issue 7: its demo module, the provinces it is loaded for, and the
    rows it writes, as (model, path from the row to its province[, extra filter]).

    Most demos describe Hà Giang only (a border province, the seeds' gates, cases and
    treaties); loading them for Bắc Kạn would invent border records for a province without
    a border, so only the demos written for any province get Bắc Kạn too."""

    demo: object
    provinces: tuple[str, ...]
    rows: tuple[tuple, ...] = ()


# In loading order: privacy first (it lets the province's leaders see personal data),
# border before trade (the trade flows name the border gate).
REGISTERS = (
    Register(privacy_demo, (HG, BK)),
    Register(border_demo, (HG,), ((BorderMarker, "owner"), (BorderGate, "owner"),
                                  (BorderIncident, "owner"))),
    Register(trade_demo, (HG,), ((TradeFlow, "owner"), (ForeignEnterprise, "owner"))),
    Register(consular_demo, (HG,), ((ConsularCase, "owner"), (ConsularPerson, "case__owner"),
                                    (ConsularStep, "case__owner"))),
    Register(residents_demo, (HG,), ((Foreigner, "owner"), (PersonAbroad, "owner"),
                                     (HomeVisit, "person__owner"))),
    # The trip is one of the province's delegations; only it is counted here.
    Register(passports_demo, (HG,), (
        (Delegation, "owner", {"title": passports_demo.TRIP}), (OfficialPassport, "owner"),
        (PassportMovement, "passport__owner"), (PassportHandout, "owner"),
        (ABTCApplication, "owner"))),
    Register(signatures_demo, (HG, BK), ((Specimen, "owner"),)),
    Register(staff_demo, (HG,), ((Officer, "owner"), (TrainingCourse, "owner"),
                                 (Attendance, "course__owner"))),
    Register(treaties_demo, (HG,), ((Treaty, "owner"), (TreatyProvision, "treaty__owner"))),
    Register(information_demo, (HG, BK), ((PromotionActivity, "owner"),)),
)


@dataclass
class Summary:
    """How many rows of each model the run created, and how many it found already there."""

    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)
    order: list = field(default_factory=list)

    def add(self, model, *, created: bool, count: int = 1):
        if model not in self.order:
            self.order.append(model)
        (self.created if created else self.present)[model] += count

    def lines(self) -> list[str]:
        models = self.order
        width = max((len(str(m._meta.verbose_name_plural)) for m in models), default=0) + 2
        return [
            f"  {str(model._meta.verbose_name_plural) + ':':<{width}}"
            f"{self.created[model]:>5} mới / new, {self.present[model]:>5} đã có / already there"
            for model in models
        ]


def _non_editable(model) -> list[str]:
    return [f.name for f in model._meta.fields if not f.editable]


class Loader:
    def __init__(self):
        self.summary = Summary()
        self.provinces: dict[str, AdminUnit] = {}
        self.authors = {}  # province name -> the demo specialist who enters its records
        self.hg_leader = None
        self.partners: dict[tuple[str, str], Partner] = {}

    # --- generic ---------------------------------------------------------------------
    def save_new(self, obj, author=None):
        """Validate and save a new row, with ``author`` as the user in its history."""
        if author is not None:
            obj._history_user = author
        obj.full_clean(exclude=_non_editable(type(obj)))
        obj.save()
        self.summary.add(type(obj), created=True)
        return obj

    def ensure(self, model, lookup, defaults=None, *, author=None, m2m=None, then=None):
        """The row matching ``lookup`` (trash included), created from ``defaults`` and
        ``m2m`` when missing; ``then(obj)`` writes the children of a new row."""
        manager = getattr(model, "all_objects", model._default_manager)
        obj = manager.filter(**lookup).first()
        if obj is not None:
            self.summary.add(model, created=False)
            return obj
        obj = self.save_new(model(**lookup, **(defaults or {})), author)
        for name, values in (m2m or {}).items():
            getattr(obj, name).set(values)
        if then is not None:
            then(obj)
        return obj

    def owned(self, model, province, lookup, defaults=None, **kwargs):
        """``ensure`` for a province's record: owned by it, entered by its specialist."""
        author = self.authors.get(province)
        return self.ensure(
            model, {"owner": self.province(province), **lookup},
            {"created_by": author, **(defaults or {})}, author=author, **kwargs,
        )

    # --- places ----------------------------------------------------------------------
    def province(self, name: str) -> AdminUnit:
        if name not in self.provinces:
            self.provinces[name] = AdminUnit.objects.provinces().get(name=name,
                                                                     generation="legacy")
        return self.provinces[name]

    def district(self, province: str, name: str) -> AdminUnit:
        return AdminUnit.objects.get(parent=self.province(province), level="district",
                                     name=name)

    def commune(self, district: AdminUnit, name: str) -> AdminUnit:
        return AdminUnit.objects.get(parent=district, level="commune", name=name)

    def partner(self, province: str, key: str) -> Partner:
        return self.partners[(province, key)]

    # --- users -----------------------------------------------------------------------
    def users(self):
        User = get_user_model()
        for login in logins.LOGINS:
            user = User.objects.filter(username=login.username).first()
            if user is not None:
                self.summary.add(User, created=False)
            elif login.role == "admin":
                user = User.objects.create_superuser(
                    login.username, email="", password=login.effective_password(),
                    first_name=login.full_name)
                self.summary.add(User, created=True)
            else:
                user = User.objects.create_user(
                    login.username, password=login.effective_password(),
                    first_name=login.full_name)
                self.summary.add(User, created=True)
                province = None
                if login.province:
                    province = (self.province(login.province) if login.generation == "legacy"
                                else AdminUnit.objects.provinces().get(
                                    name=login.province, generation=login.generation))
                unit = bodies.body(province, login.unit) if login.unit else None
                self.save_new(Membership(user=user, role=login.role, province=province,
                                         title=login.title, organisation=unit))
        for province, login in logins.AUTHOR_OF.items():
            self.authors[province] = User.objects.get(username=login.username)
        self.hg_leader = User.objects.get(username=logins.HG_LEADER.username)

    # --- reference data ----------------------------------------------------------------
    def exchange_rates(self):
        wanted = list(rates.quarterly_rates())
        codes = {currency for currency, _, _ in wanted}
        missing_currencies = codes - set(
            Currency.objects.filter(code__in=codes).values_list("code", flat=True))
        if missing_currencies:
            raise LookupError(f"currencies missing from the reference data: {missing_currencies}")
        existing = set(ExchangeRate.objects.filter(currency_id__in=codes)
                       .values_list("currency_id", "on"))
        new = [ExchangeRate(currency_id=currency, on=on, vnd_per_unit=value,
                            source=rates.SOURCE)
               for currency, on, value in wanted if (currency, on) not in existing]
        bulk_create_with_history(new, ExchangeRate)
        self.summary.add(ExchangeRate, created=True, count=len(new))
        self.summary.add(ExchangeRate, created=False, count=len(wanted) - len(new))

    # --- the registers the seeds describe --------------------------------------------------
    def partner_register(self):
        for row in partners.PARTNERS:
            province = row["owner"]

            def relations(partner, row=row, province=province):
                for kind, started_on, description in row.get("relations", []):
                    self.save_new(PartnerRelation(partner=partner, kind=kind,
                                                  started_on=started_on,
                                                  description=description),
                                  self.authors.get(province))

            parent = self.partner(province, row["parent"]) if row.get("parent") else None
            self.partners[(province, row["key"])] = self.owned(
                Partner, province, {"name_vi": row["name_vi"]},
                {"kind": row["kind"], "name_en": row.get("name_en", ""),
                 "name_native": row.get("name_native", ""), "acronym": row.get("acronym", ""),
                 "aliases": "\n".join(row.get("aliases", [])), "country_id": row["country"],
                 "parent": parent, "website": row.get("website", ""),
                 "notes": row.get("notes", "")},
                then=relations,
            )

    def friendship_pacts(self):
        notes = friendship.ILLUSTRATIVE
        for district_name, commune_name, counterpart, signed_on, cluster in (
                friendship.border_commune_pacts()):
            district = self.district(HG, district_name)
            commune = self.commune(district, commune_name)
            self.owned(FriendshipPact, HG,
                       {"title": f"{commune.full_name} ({district.full_name}) – {counterpart}"},
                       {"kind": "border_commune", "our_side": f"{commune.full_name}, "
                        f"{district.full_name}", "our_unit": commune,
                        "counterpart": counterpart, "country_id": "CN",
                        "signed_on": signed_on,
                        "notes": f"Cụm xã biên giới số {cluster}/13 (bài 002: “13 cụm/34 xã, "
                                 f"thị trấn biên giới”). {notes}"})
        for district_name, partner_key, counterpart, signed_on in friendship.DISTRICT_PAIRS:
            district = self.district(HG, district_name)
            self.owned(FriendshipPact, HG, {"title": f"{district.full_name} – {counterpart}"},
                       {"kind": "district_pair", "our_side": district.full_name,
                        "our_unit": district, "counterpart": counterpart,
                        "counterpart_partner": self.partner(HG, partner_key),
                        "country_id": "CN", "signed_on": signed_on,
                        "notes": "3 cặp đến hết 2020 (bài 001), 6 cặp đến 2024 (bài 000). "
                                 + notes})
        for post, district_name, county, signed_on in friendship.BORDER_POSTS:
            district = self.district(HG, district_name)
            station = (f"Trạm Kiểm tra biên phòng Thiên Bảo ({county})" if "Thanh Thủy" in post
                       else f"Trạm Biên phòng đối diện phía Trung Quốc ({county})")
            self.owned(FriendshipPact, HG, {"title": f"Đồn Biên phòng {post} – {station}"},
                       {"kind": "border_post",
                        "our_side": f"Đồn Biên phòng {post} ({district.full_name})",
                        "our_unit": district, "counterpart": station, "country_id": "CN",
                        "signed_on": signed_on,
                        "notes": "Kết nghĩa “Đồn – Trạm hữu nghị, biên giới bình yên”; 12/12 "
                                 "đồn (bài 000, 001). " + notes})
        province = self.province(HG)
        for partner_key, label, country, signed_on in friendship.TWINNED:
            self.owned(FriendshipPact, HG, {"title": f"Tỉnh Hà Giang – {label}"},
                       {"kind": "locality", "our_side": "Tỉnh Hà Giang", "our_unit": province,
                        "counterpart": label,
                        "counterpart_partner": self.partner(HG, partner_key),
                        "country_id": country, "signed_on": signed_on,
                        "notes": "Quan hệ hợp tác hữu nghị (bài 000, 001); ngày ký là minh "
                                 "họa."})
        for row in friendship.ASSOCIATIONS:
            notes = " ".join(filter(None, [row.get("notes"), friendship.ASSOCIATION_NOTES]))
            self.owned(FriendshipAssociation, HG, {"name": row["name"]}, {"notes": notes},
                       m2m={"countries": row["countries"]})

    def agreement(self, province, row):
        return self.owned(
            Agreement, province, {"title": row["title"]},
            {"kind": row["kind"], "level": row.get("level", "province"),
             "our_signatory": row["our_signatory"], "status": row["status"],
             "signed_on": row["signed_on"], "effective_on": row.get("effective_on"),
             "expires_on": row.get("expires_on"), "summary": row["summary"],
             "report_sent_on": row.get("report_sent_on")},
            m2m={"partners": [self.partner(province, key) for key in row["partners"]],
                 "sectors": row["sectors"]},
        )

    def aid_programme(self, province, row, transactions):
        author = self.authors.get(province)

        def write_transactions(programme):
            for kind, on, amount, currency, note in transactions:
                self.save_new(AidTransaction(programme=programme, kind=kind, on=on,
                                             amount=Decimal(amount), currency_id=currency,
                                             note=note), author)

        return self.owned(
            AidProgramme, province, {"title": row["title"]},
            {"kind": row["kind"], "status": row["status"], "starts_on": row["starts_on"],
             "ends_on": row["ends_on"], "managing_agency": row["managing_agency"],
             "decision_number": row.get("decision_number", ""),
             "decision_date": row.get("decision_date"), "description": row["description"]},
            m2m={"donors": [self.partner(province, key) for key in row["donors"]],
                 "sectors": row["sectors"],
                 "places": [self.district(province, name) for name in row["places"]]},
            then=write_transactions,
        )

    def approval(self, province, decided_on):
        """Who submitted and who approved a 2023 delegation or event (the leader approves)."""
        if decided_on is None:
            return {}
        return {"submitted_by": self.authors.get(province),
                "submitted_on": decided_on - dt.timedelta(days=5),
                "approved_by": self.hg_leader if province == HG else None}

    def event(self, province, row):
        return self.owned(
            Event, province, {"title": row["title"]},
            {"kind": row["kind"], "role": row["role"], "mode": row["mode"],
             "topic": row["topic"], "starts_on": row["starts_on"], "ends_on": row["ends_on"],
             "venue": row["venue"], "country_id": row["country"],
             "foreign_participants": row.get("foreign_participants", 0),
             "status": row["status"], "approval_number": row.get("approval_number", ""),
             "approval_date": row.get("approval_date"), "approver": row.get("approver", ""),
             "report_received_on": row.get("report_received_on"),
             **self.approval(province, row.get("approval_date"))},
            m2m={"partners": [self.partner(province, key) for key in row["partners"]]},
        )

    def seed_records(self):
        for row in records.AGREEMENTS:
            self.agreement(row["owner"], row)
        for row in records.AID_PROGRAMMES:
            self.aid_programme(row["owner"], row, row["transactions"])
        for row in records.EVENTS:
            self.event(row["owner"], row)

    def reported_figures(self):
        documents = {}
        for source in reported.SOURCES:
            documents[source.file_name] = self.owned(
                SourceDocument, source.place, {"file_name": source.file_name},
                {"title": source.title, "url": source.url, "published_on": source.published_on,
                 "text": reported.seed_text(source.file_name)})
        for figure in reported.FIGURES:
            source = reported.source_for(figure)
            document = documents[source.file_name]
            # Offsets in the text as stored, which is the seed's unless someone edited it.
            start, end = reported.offsets(figure, document.text)
            reported_figure = self.owned(
                ReportedFigure, source.place,
                {"source": document, "indicator_id": figure.indicator, "period": figure.period},
                {"place": self.province(source.place), "value": Decimal(figure.value),
                 "unit": figure.unit, "of": Decimal(figure.of) if figure.of else None,
                 "qualifier": figure.qualifier,
                 "equivalent_value": Decimal(figure.equivalent) if figure.equivalent else None,
                 "equivalent_unit": figure.equivalent_unit, "quote": figure.quote,
                 "start": start, "end": end},
            )
            self.link_to_extraction(document, reported_figure)

    def link_to_extraction(self, document, figure):
        """The seeds go through the extractor too: each hand-annotated figure is the
        extractor's reading of the same words, accepted (checked by the demo's tests)."""
        if not document.candidates.exists():
            run_extractor(document)
        candidate = document.candidates.filter(
            indicator_id=figure.indicator_id, start__lt=figure.end, end__gt=figure.start,
            figure__isnull=True,
        ).first()
        if candidate is not None:
            candidate.figure = figure
            candidate.period = figure.period
            candidate.status = Candidate.Status.ACCEPTED
            candidate.save()

    # --- one illustrative year -----------------------------------------------------------
    def year_2023(self):
        data = year2023.build()
        author = self.authors.get(HG)
        for row in data["delegations"]:
            def write_members(delegation, members=row["members"]):
                for member in members:
                    self.save_new(DelegationMember(
                        delegation=delegation, name=member["name"], title=member["title"],
                        unit=member["unit"], role=member["role"],
                        passport_type=member["passport_type"],
                        nationality_id=member["nationality"]), author)

            self.owned(
                Delegation, HG, {"title": row["title"]},
                {**{key: row[key] for key in (
                    "direction", "purpose", "cities", "visits_border_area", "host",
                    "departs_on", "returns_on", "status", "funding", "decision_number",
                    "decision_date", "decision_signer", "report_received_on")},
                **self.approval(HG, row["decision_date"])},
                m2m={"countries": row["countries"],
                     "partners": [self.partner(HG, key) for key in row["partners"]],
                     "places": [self.district(HG, name) for name in row["places"]]},
                then=write_members,
            )
        for row in data["events"]:
            self.event(HG, row)
        for row in data["agreements"]:
            self.agreement(HG, row)
        for row in data["aid"]:
            transactions = [(kind, on, amount, row["currency"], "Dữ liệu minh họa")
                            for kind, on, amount in row["transactions"]]
            self.aid_programme(HG, row, transactions)

    # --- the registers of issue 7 ----------------------------------------------------------
    def registers(self):
        for register in REGISTERS:
            for name in register.provinces:
                province = self.province(name)
                before = self.count_rows(register.rows, province)
                register.demo.load_demo(province, self.authors[name])
                after = self.count_rows(register.rows, province)
                for (model, *_), was, now in zip(register.rows, before, after, strict=True):
                    self.summary.add(model, created=True, count=now - was)
                    self.summary.add(model, created=False, count=was)

    def receiving_and_visiting(self):
        """Today's Tuyên Quang: the leaders' schedule around today and what goes with it
        (protocol.demo), entered by its specialist."""
        from doingoai.protocol import models as protocol

        province = AdminUnit.objects.provinces().get(name="Tuyên Quang", generation="2025")
        author = get_user_model().objects.get(username=logins.TQ_SPECIALIST.username)
        rows = [protocol.Leader, protocol.ScheduleItem, protocol.Interpreter,
                protocol.EntryDocument, protocol.Gift, protocol.Banquet, protocol.Anniversary,
                protocol.Letter, protocol.NgoPermit, protocol.PressVisit]
        before = [model.all_objects.filter(owner=province).count() for model in rows]
        protocol_demo.load_demo(province, author)
        for model, was in zip(rows, before, strict=True):
            now = model.all_objects.filter(owner=province).count()
            self.summary.add(model, created=True, count=now - was)
            self.summary.add(model, created=False, count=was)

    def register_coverage(self):
        """The leader's declaration of the registers' completeness (demo.coverage); a
        declaration that exists is left as it is, like every demo record."""
        for name, registers in coverage.COVERAGE.items():
            province = self.province(name)
            for register, complete_from in registers.items():
                if RegisterCoverage.objects.filter(province=province,
                                                   register=register).exists():
                    self.summary.add(RegisterCoverage, created=False)
                    continue
                row = RegisterCoverage(province=province, register=register,
                                       complete_from=complete_from, updated_by=self.hg_leader)
                row._history_user = self.hg_leader
                row.save()
                self.summary.add(RegisterCoverage, created=True)

    def report_documents(self):
        """The report documents (demo.documents), drafted by Tuyên Quang's specialist and
        taken through the workflow by its leader, the way the pages do it: a document
        that exists for its place and period is left as it is."""
        from doingoai.lib.periods import parse_period
        from doingoai.reports import drafting
        from doingoai.reports.workflow import workflow

        User = get_user_model()
        author = User.objects.get(username=logins.TQ_SPECIALIST.username)
        leader = User.objects.get(username=logins.TQ_LEADER.username)
        for row in documents.DOCUMENTS:
            place = AdminUnit.objects.provinces().get(name=row.province,
                                                      generation=row.generation)
            if ReportDocument.all_objects.filter(place=place, period=row.period).exists():
                self.summary.add(ReportDocument, created=False)
                continue
            doc = drafting.create_draft(place, parse_period(row.period), author)
            first = doc.current
            doc.add_version(drafting.edited(first.sections, row.written), first.annex,
                            author, row.comment)
            for name in row.steps:
                doc.refresh_from_db()
                workflow.apply(doc, name, author if name == "submit" else leader,
                               {"comment": row.step_comments.get(name, "")})
            self.summary.add(ReportDocument, created=True)
            self.summary.add(ReportVersion, created=True, count=2)

    @staticmethod
    def count_rows(rows, province) -> list[int]:
        counts = []
        for model, path, *extra in rows:
            manager = getattr(model, "all_objects", model._base_manager)
            counts.append(manager.filter(**{path: province}, **(extra[0] if extra else {}))
                          .count())
        return counts


def load_demo() -> Summary:
    """Load every piece of demo data in one transaction; see the module docstring."""
    loader = Loader()
    with transaction.atomic():
        loader.users()
        loader.exchange_rates()
        loader.partner_register()
        loader.friendship_pacts()
        loader.seed_records()
        loader.reported_figures()
        loader.year_2023()
        loader.registers()
        loader.receiving_and_visiting()
        loader.register_coverage()
        bodies.load_round(loader)
        year2026.load(loader)
        plan2026.load(loader)
        loader.report_documents()
        # After the report documents: the office's books of the year continue their numbers.
        correspondence.load(loader)
        consultations.load(loader)
        # As the daily job would have done by today: agreements past their end date expire.
        expire_lapsed()
    return loader.summary

