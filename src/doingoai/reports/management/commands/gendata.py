"""``doingoai gendata --provinces 34 --years 20``: a national-scale synthetic data set for the
benchmark (about a million delegation members and 100 thousand aid transactions at the
default scale). Deterministic: the same options give the same rows.

Records are owned as they would be in life: before 1 July 2025 by the old province (one of
the units merged into each of today's provinces), from then on by today's province, so the
reports exercise the roll-up. Every title starts with ``[gendata]``; ``--replace`` deletes
those rows first. Rows are written with bulk_create and no history.
"""

import datetime as dt
import random
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.core.models import REFORM_DATE, AdminUnit, ExchangeRate
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.events.models import Event
from doingoai.lib.text import fold
from doingoai.partners.models import Partner

MARK = "[gendata]"
COUNTRIES = ["CN", "LA", "KH", "JP", "KR", "TH", "US", "FR", "DE", "AU", "SG", "RU"]
# Per today's province and year, at scale 1: about 1 470 members and 150 transactions.
DELEGATIONS_PER_YEAR = 200
PROGRAMMES_PER_YEAR = 30
EVENTS_PER_YEAR = 20
AGREEMENTS_PER_YEAR = 10
BATCH = 5000


class Command(BaseCommand):
    help = "Generate a national-scale synthetic data set (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--provinces", type=int, default=34)
        parser.add_argument("--years", type=int, default=20)
        parser.add_argument("--end-year", type=int, default=2024)
        parser.add_argument("--scale", type=float, default=1.0,
                            help="Multiply every count (0.05 for a quick run).")
        parser.add_argument("--seed", type=int, default=20250701)
        parser.add_argument("--replace", action="store_true",
                            help="Delete earlier generated rows first.")

    def handle(self, *args, **options):
        if Delegation.all_objects.filter(title__startswith=MARK).exists():
            if not options["replace"]:
                raise CommandError("Generated data are already there; use --replace.")
            self.delete()
        provinces = list(AdminUnit.objects.provinces().filter(generation="2025")
                         .order_by("code")[: options["provinces"]])
        if len(provinces) < options["provinces"]:
            raise CommandError(f"Only {len(provinces)} provinces of 2025 are loaded.")
        rng = random.Random(options["seed"])
        first = options["end_year"] - options["years"] + 1
        self.rates(first, options["end_year"])
        totals = dict.fromkeys(("delegations", "members", "programmes", "transactions",
                                "events", "agreements"), 0)
        for province in provinces:
            merged = list(AdminUnit.objects.provinces().filter(successor=province)
                          .exclude(pk=province.pk)) or [province]
            with transaction.atomic():
                donors = self.partners(province, merged[0], rng)
                for year in range(first, options["end_year"] + 1):
                    for key, count in self.year(province, merged, year, donors, rng,
                                                options["scale"]).items():
                        totals[key] += count
            self.stdout.write(f"{province.name}: {totals['members']} members so far")
        self.stdout.write(", ".join(f"{v} {k}" for k, v in totals.items()))

    def delete(self):
        with transaction.atomic():
            DelegationMember.objects.filter(delegation__title__startswith=MARK).delete()
            for model in (Delegation, AidProgramme, Event, Agreement):
                model.all_objects.filter(title__startswith=MARK).delete()
            Partner.all_objects.filter(name_vi__startswith=MARK).delete()

    def rates(self, first, last):
        rows = []
        for year in range(first - 1, last + 1):
            for month in range(1, 13):
                on = dt.date(year, month, 1)
                usd = Decimal(16000 + (year - 2005) * 450 + month * 10)
                rows.append(ExchangeRate(currency_id="USD", on=on, vnd_per_unit=usd,
                                         source=MARK))
                rows.append(ExchangeRate(currency_id="EUR", on=on,
                                         vnd_per_unit=usd * Decimal("1.12"), source=MARK))
        ExchangeRate.objects.bulk_create(rows, ignore_conflicts=True)

    def partners(self, province, owner, rng):
        names = [f"{MARK} Tổ chức {province.name} {n}" for n in range(12)]
        return Partner.objects.bulk_create([
            Partner(owner=owner, kind=rng.choice(["ngo", "government", "intl_org"]),
                    name_vi=name, country_id=rng.choice(COUNTRIES), search_text=fold(name))
            for name in names])

    def year(self, province, merged, year, donors, rng, scale):
        def owner_on(day):
            return province if day >= REFORM_DATE else rng.choice(merged)

        def day_in(year):
            return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))

        counts = {}
        trips = []
        for n in range(round(DELEGATIONS_PER_YEAR * scale)):
            departs = day_in(year)
            direction = "outgoing" if n % 2 else "incoming"
            title = f"{MARK} Đoàn {direction} {province.code}-{year}-{n}"
            trips.append(Delegation(
                owner=owner_on(departs), direction=direction, title=title, purpose="Làm việc",
                departs_on=departs, returns_on=departs + dt.timedelta(days=rng.randint(2, 9)),
                status="reported", search_text=fold(title)))
        trips = Delegation.objects.bulk_create(trips, batch_size=BATCH)
        through = Delegation.countries.through
        through.objects.bulk_create(
            [through(delegation_id=t.pk, country_id=rng.choice(COUNTRIES)) for t in trips],
            batch_size=BATCH)
        members = [DelegationMember(delegation_id=t.pk, name=f"Thành viên {m}")
                   for t in trips for m in range(rng.randint(3, 12))]
        DelegationMember.objects.bulk_create(members, batch_size=BATCH)
        counts["delegations"], counts["members"] = len(trips), len(members)

        programmes = []
        for n in range(round(PROGRAMMES_PER_YEAR * scale)):
            starts = day_in(year)
            title = f"{MARK} Dự án {province.code}-{year}-{n}"
            programmes.append(AidProgramme(
                owner=owner_on(starts), kind=rng.choice(["ngo"] * 6 + ["oda_grant", "fdi"]),
                title=title, status="under_way", starts_on=starts, decision_date=starts,
                ends_on=starts + dt.timedelta(days=rng.randint(180, 1500)),
                search_text=fold(title)))
        programmes = AidProgramme.objects.bulk_create(programmes, batch_size=BATCH)
        link = AidProgramme.donors.through
        link.objects.bulk_create([link(aidprogramme_id=p.pk, partner_id=rng.choice(donors).pk)
                                  for p in programmes], batch_size=BATCH)
        money = []
        for p in programmes:
            currency = rng.choice(["VND", "VND", "VND", "USD", "USD", "EUR"])
            base = Decimal(rng.randint(20, 900)) * (1_000_000 if currency == "VND" else 100)
            money.append(AidTransaction(programme_id=p.pk, kind="commitment", on=p.starts_on,
                                        amount=base * 4, currency_id=currency))
            for k in range(4):
                on = p.starts_on + dt.timedelta(days=90 * k + rng.randrange(30))
                money.append(AidTransaction(programme_id=p.pk, kind="disbursement", on=on,
                                            amount=base, currency_id=currency))
        AidTransaction.objects.bulk_create(money, batch_size=BATCH)
        counts["programmes"], counts["transactions"] = len(programmes), len(money)

        events = []
        for n in range(round(EVENTS_PER_YEAR * scale)):
            starts = day_in(year)
            title = f"{MARK} Hội nghị {province.code}-{year}-{n}"
            events.append(Event(owner=owner_on(starts), kind="conference", title=title,
                                role="organised" if n % 3 else "attended", starts_on=starts,
                                status="reported", search_text=fold(title)))
        Event.objects.bulk_create(events, batch_size=BATCH)
        agreements = []
        for n in range(round(AGREEMENTS_PER_YEAR * scale)):
            signed = day_in(year)
            title = f"{MARK} Thỏa thuận {province.code}-{year}-{n}"
            agreements.append(Agreement(
                owner=owner_on(signed), kind="mou", title=title, our_signatory="UBND tỉnh",
                status="in_force", signed_on=signed,
                expires_on=signed + dt.timedelta(days=365 * rng.randint(1, 5)),
                search_text=fold(title)))
        agreements = Agreement.objects.bulk_create(agreements, batch_size=BATCH)
        link = Agreement.partners.through
        link.objects.bulk_create([link(agreement_id=a.pk, partner_id=rng.choice(donors).pk)
                                  for a in agreements], batch_size=BATCH)
        counts["events"], counts["agreements"] = len(events), len(agreements)
        return counts
