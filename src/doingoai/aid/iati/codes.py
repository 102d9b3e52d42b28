"""The IATI codes the project uses, read from its own data file (``aid/data/iati/codes.json``,
extracted once from the official codelists by ``extract_codes.py``), and the small functions
that turn a code as a publisher wrote it (2.0x numbers, 1.0x letters and words, the words of
the pre-1.0 drafts) into the project's own values."""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "iati"
SCHEMA = DATA / "schema" / "iati-activities-schema.xsd"


@cache
def codes() -> dict:
    return json.loads((DATA / "codes.json").read_text("utf-8"))


def _key(value: str | None) -> str:
    return " ".join((value or "").split())


def transaction_type(value: str | None) -> str | None:
    """The 2.0x numeric transaction type of ``value`` ("3", "D", "disbursement"...)."""
    value = _key(value)
    data = codes()
    if value in data["transaction_types"]:
        return value
    if value.upper() in data["transaction_letters"]:
        return data["transaction_letters"][value.upper()]
    return data["transaction_words"].get(value.lower())


def transaction_kind(type_code: str | None) -> tuple[str | None, int]:
    """(AidTransaction.Kind value or None, priority) of a 2.0x transaction type."""
    row = codes()["transaction_types"].get(type_code or "")
    if not row or not row["kind"]:
        return None, 0
    return row["kind"], row["priority"]


def activity_status(value: str | None) -> str | None:
    """The AidProgramme.Status of an ActivityStatus code or word; None when unknown."""
    value = _key(value)
    data = codes()
    code = value if value in data["activity_statuses"] else data["status_words"].get(
        value.lower())
    return data["activity_statuses"][code]["status"] if code else None


def status_code(status: str) -> str:
    return codes()["status_export"].get(status, "1")


def organisation_role(value: str | None) -> str | None:
    """The 2.0x OrganisationRole code ("1" funding ... "4" implementing)."""
    value = _key(value)
    if value in codes()["organisation_roles"]:
        return value
    return codes()["role_words"].get(value.lower())


def partner_kind(org_type: str | None, default: str = "intl_org") -> str:
    return codes()["partner_kinds"].get(_key(org_type).lower(), default)


def organisation_type(partner_kind_value: str) -> str:
    return codes()["partner_kind_export"].get(partner_kind_value, "90")


def date_type(value: str | None) -> str | None:
    """The 2.0x ActivityDateType ("1" planned start ... "4" actual end)."""
    return codes()["date_types"].get(_key(value).lower())


def flow_type(value: str | None) -> str | None:
    value = _key(value)
    if value in codes()["flow_types"]:
        return value
    return codes()["flow_words"].get(value.lower())


def finance_type(value: str | None) -> str | None:
    value = _key(value)
    if value in codes()["finance_types"]:
        return value
    return codes()["finance_words"].get(value.lower())


def finance_group(code: str | None) -> str | None:
    """The group of a finance type ("100" grants, "400"/"420"/"430" loans, "500" equity)."""
    row = codes()["finance_types"].get(code or "")
    return row["group"] if row else None


def core_sector(code: str | None, vocabulary: str | None) -> str | None:
    """The core.Sector code of a DAC 5-digit or 3-digit sector code; None for other
    vocabularies and unknown codes."""
    code = _key(code)
    data = codes()
    kind = data["sector_vocabularies"].get(_key(vocabulary))
    if kind == "dac5":
        row = data["sectors"].get(code)
        category = row[0] if row else (code[:3] if len(code) == 5 and code.isdigit() else None)
    elif kind == "dac3":
        category = code
    else:
        return None
    row = data["sector_categories"].get(category or "")
    return row["core"] if row else None


def export_category(core_code: str) -> str:
    """The DAC 3-digit category written in an export for a core.Sector code."""
    return codes()["category_of_core_sector"].get(core_code, core_code)


def is_country(code: str) -> bool:
    return code in codes()["countries"]


def country_named(name: str) -> str | None:
    """The code of the country whose codelist name is ``name`` (case-insensitive)."""
    key = _key(name).lower()
    if not key:
        return None
    for code, country in codes()["countries"].items():
        if country.lower() == key:
            return code
    return None


def is_currency(code: str) -> bool:
    return code in codes()["currencies"]
