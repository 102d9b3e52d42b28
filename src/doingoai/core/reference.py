"""Loads the reference data the system ships with: Vietnam's administrative units before and
after the 2025 reform (from the ``vietnamadminunits`` package, with the official codes and
its mapping of old units to new), countries and currencies (``pycountry``, ISO 3166 and
4217) and sectors. Idempotent: running it again changes nothing."""

import csv
import datetime as dt
import json
from importlib import resources
from pathlib import Path

import pycountry
import vietnamadminunits
from django.db import transaction
from vietnamadminunits.database import query

from doingoai.lib.text import fold

DATA = Path(__file__).parent / "data"
LAST_DAY_BEFORE_REFORM = dt.date(2025, 6, 30)
REFORM_DAY = dt.date(2025, 7, 1)


def _kind_of(full_name: str, short_name: str) -> str:
    return full_name[: len(full_name) - len(short_name)].strip()


@transaction.atomic
def load_admin_units(AdminUnit):
    """Create every province, district and commune once; ``AdminUnit`` is passed in so that
    a data migration can call this with its historical model."""
    if AdminUnit.objects.exists():
        return 0
    P, D, C = "province", "district", "commune"

    def make(**kw):
        kw["name_folded"] = fold(kw["name"])
        kw["full_name_folded"] = fold(kw["full_name"])
        return AdminUnit(**kw)

    # Units from the 2025 reform on.
    new_provinces = {}
    rows = query("select distinct province, provinceShort, provinceCode, provinceKey "
                 "from admin_units order by provinceCode")
    objs = [make(code=r["provinceCode"], level=P, generation="2025", name=r["provinceShort"],
                 full_name=r["province"], kind=_kind_of(r["province"], r["provinceShort"]),
                 valid_from=REFORM_DAY) for r in rows]
    AdminUnit.objects.bulk_create(objs)
    for r, obj in zip(rows, objs, strict=True):
        new_provinces[r["provinceKey"]] = obj
    AdminUnit.objects.filter(generation="2025", level=P).update(province_id=None)
    new_wards = {}
    rows = query("select ward, wardShort, wardType, wardCode, provinceKey, wardKey "
                 "from admin_units order by wardCode")
    objs = []
    for r in rows:
        province = new_provinces[r["provinceKey"]]
        obj = make(code=r["wardCode"], level=C, generation="2025", name=r["wardShort"],
                   full_name=r["ward"], kind=r["wardType"], parent=province,
                   province=province, valid_from=REFORM_DAY)
        objs.append(obj)
        new_wards[(r["provinceKey"], r["wardKey"])] = obj
    AdminUnit.objects.bulk_create(objs, batch_size=1000)

    # Units before the reform, abolished or merged on 1 July 2025.
    converter = json.loads(
        (resources.files(vietnamadminunits) / "data" / "converter_2025.json").read_text("utf-8")
    )
    old_to_new_province = {
        old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds
    }
    old_provinces = {}
    rows = query("select distinct province, provinceShort, provinceCode, provinceKey "
                 "from admin_units_legacy order by provinceCode")
    objs = [make(code=r["provinceCode"], level=P, generation="legacy", name=r["provinceShort"],
                 full_name=r["province"], kind=_kind_of(r["province"], r["provinceShort"]),
                 valid_to=LAST_DAY_BEFORE_REFORM,
                 successor=new_provinces.get(old_to_new_province.get(r["provinceKey"])))
            for r in rows]
    AdminUnit.objects.bulk_create(objs)
    for r, obj in zip(rows, objs, strict=True):
        old_provinces[r["provinceKey"]] = obj
    rows = query("select distinct district, districtShort, districtType, districtCode, "
                 "provinceKey from admin_units_legacy order by districtCode")
    districts = {}
    objs = []
    for r in rows:
        province = old_provinces[r["provinceKey"]]
        obj = make(code=r["districtCode"], level=D, generation="legacy", name=r["districtShort"],
                   full_name=r["district"], kind=r["districtType"], parent=province,
                   province=province, valid_to=LAST_DAY_BEFORE_REFORM)
        objs.append(obj)
        districts[r["districtCode"]] = obj
    AdminUnit.objects.bulk_create(objs, batch_size=1000)

    old_ward_to_new = {}
    for new_prov, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                old_ward_to_new[old] = (new_prov, new_ward)
    for new_prov, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, targets in olds.items():
            default = next((t for t in targets if t.get("isDefaultNewWard")), targets[0])
            old_ward_to_new[old] = (new_prov, default["newWardKey"])
    rows = query("select ward, wardShort, wardType, wardCode, districtCode, provinceKey, "
                 "districtKey, wardKey from admin_units_legacy where wardCode is not null "
                 "order by wardCode")
    objs = []
    for r in rows:
        district = districts[r["districtCode"]]
        key = f'{r["provinceKey"]}_{r["districtKey"]}_{r["wardKey"]}'
        objs.append(make(
            code=r["wardCode"], level=C, generation="legacy", name=r["wardShort"],
            full_name=r["ward"], kind=r["wardType"], parent=district,
            province=district.province, valid_to=LAST_DAY_BEFORE_REFORM,
            successor=new_wards.get(old_ward_to_new.get(key)),
        ))
    AdminUnit.objects.bulk_create(objs, batch_size=1000)
    return AdminUnit.objects.count()


def country_names():
    """The names of every ISO 3166-1 country as the Ministry of Foreign Affairs of Viet Nam
    writes them, by code: ``{"LA": {"name_vi": "Lào", "full_name_vi": "Cộng hòa Dân chủ
    Nhân dân Lào", "name_en": "Laos"}, ...}``."""
    with open(DATA / "country_names_vi.csv", encoding="utf-8") as fh:
        return {row.pop("code"): row for row in csv.DictReader(fh)}


@transaction.atomic
def load_countries(Country):
    """Create the countries of ISO 3166-1 and give every one, new or already there, the
    names of ``core/data/country_names_vi.csv``, so that ``migrate`` corrects the names of
    an existing database (a change to the file ships with a data migration calling this, as
    core.0003 does). ``Country`` may be a migration's historical model, which may predate
    the full name."""
    names = country_names()
    fields = ["name_vi", "name_en"]
    if any(f.name == "full_name_vi" for f in Country._meta.get_fields()):
        fields.append("full_name_vi")
    existing = {c.code: c for c in Country.objects.all()}
    new, changed = [], []
    for c in pycountry.countries:
        # A code newer than the file keeps its English name until the file has it.
        english = getattr(c, "common_name", None) or c.name
        row = names.get(c.alpha_2) or {"name_vi": english, "full_name_vi": english,
                                       "name_en": english}
        values = {name: row[name] for name in fields}
        country = existing.get(c.alpha_2)
        if country is None:
            new.append(Country(code=c.alpha_2, alpha3=c.alpha_3, **values))
        elif any(getattr(country, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(country, k, v)
            changed.append(country)
    Country.objects.bulk_create(new)
    Country.objects.bulk_update(changed, fields)
    return len(new) + len(changed)


@transaction.atomic
def load_currencies(Currency):
    zero = {
        line.strip()
        for line in (DATA / "currencies_zero_decimal.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    existing = set(Currency.objects.values_list("code", flat=True))
    new = [
        Currency(code=c.alpha_3, name=c.name, minor_unit=0 if c.alpha_3 in zero else 2)
        for c in pycountry.currencies
        if c.alpha_3 not in existing
    ]
    Currency.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def load_sectors(Sector):
    with open(DATA / "sectors.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            Sector.objects.update_or_create(
                code=row["code"], defaults={"name_vi": row["name_vi"], "name_en": row["name_en"]}
            )
