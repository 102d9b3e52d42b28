"""Extract, once, the IATI codes the project uses from the official codelists into the
project's own data file ``aid/data/iati/codes.json``; the importer and exporter read only that
file, never the shared codelists.

    python -m doingoai.aid.iati.extract_codes ../shared/iati/codelists

The codelists give the codes and their English names; how each code maps onto the project's
concepts (a transaction kind, a programme status, a core sector...) is the project's decision
and is written here, beside the older codes of IATI 1.0x (letters for transaction types, words
for organisation roles and date types) and the words of the pre-1.0 drafts some publishers
still send (the samples of IATI/IATI-Schemas use them).
"""

import json
import sys
from pathlib import Path

from lxml import etree

OUT = Path(__file__).resolve().parent.parent / "data" / "iati" / "codes.json"

# Transaction type -> (project kind, priority). Within one activity, for each kind only the
# types of the best (lowest) priority present are kept, so that an activity reporting both
# disbursements and the expenditure made from them is not counted twice.
TRANSACTION_KINDS = {
    "2": ("commitment", 1), "11": ("commitment", 2),
    "3": ("disbursement", 1), "4": ("disbursement", 2), "1": ("disbursement", 3),
}
# IATI 1.0x letter codes, mapped to the 2.0x numeric code they became.
TRANSACTION_LETTERS = {
    "IF": "1", "C": "2", "D": "3", "E": "4", "IR": "5", "LR": "6", "R": "7", "QP": "8",
    "QS": "9", "CG": "10",
}
TRANSACTION_WORDS = {
    "incoming funds": "1", "incoming": "1", "contribution": "1", "commitment": "2",
    "outgoing commitment": "2", "disbursement": "3", "disbursment": "3", "expenditure": "4",
    "interest repayment": "5", "interest payment": "5", "loan repayment": "6",
    "reimbursement": "7", "purchase of equity": "8", "sale of equity": "9",
    "credit guarantee": "10", "incoming commitment": "11",
}

# ActivityStatus -> AidProgramme.Status.
STATUSES = {
    "1": "mobilising", "2": "under_way", "3": "finished", "4": "finished", "5": "cancelled",
    "6": "under_way",
}
STATUS_WORDS = {
    "pipeline": "1", "pipeline/identification": "1", "identification": "1",
    "implementation": "2", "ongoing": "2", "active": "2", "finalisation": "3",
    "completion": "3", "closed": "4", "operationally closed": "4", "completed": "4",
    "post-completion": "4", "cancelled": "5", "canceled": "5", "suspended": "6",
}
# AidProgramme.Status -> ActivityStatus, for the export.
STATUS_EXPORT = {
    "mobilising": "1", "approved": "1", "under_way": "2", "finished": "4", "cancelled": "5",
}

ROLE_WORDS = {
    "funding": "1", "donor": "1", "accountable": "2", "extending": "3",
    "implementing": "4", "implementer": "4",
}
DATE_TYPES = {
    "1": "1", "2": "2", "3": "3", "4": "4",
    "start-planned": "1", "start-actual": "2", "end-planned": "3", "end-actual": "4",
    "start": "2", "end": "4", "completion": "4",
}
SECTOR_VOCABULARIES = {
    # 2.0x codes, 1.0x words; None stands for an absent vocabulary (DAC 5-digit).
    "1": "dac5", "2": "dac3", "DAC": "dac5", "DAC-3": "dac3", "": "dac5",
}
# The DAC 3-digit categories -> the project's core.Sector codes (core/data/sectors.csv).
CORE_SECTOR_OF_CATEGORY = {
    "111": "110", "112": "110", "113": "110", "114": "110",
    "121": "120", "122": "120", "123": "120",
    "130": "130", "140": "140", "151": "150", "152": "150", "160": "160",
    "210": "210", "220": "220",
    "230": "230", "231": "230", "232": "230", "233": "230", "234": "230", "235": "230",
    "236": "230",
    "240": "240", "250": "250", "311": "311", "312": "312", "313": "313",
    "321": "321", "322": "321", "323": "321", "331": "331", "332": "332",
    "410": "410", "430": "430", "720": "720", "730": "730", "740": "740",
    "510": "998", "520": "998", "530": "998", "600": "998", "910": "998", "920": "998",
    "930": "998", "998": "998",
}
# core.Sector -> the DAC category written in exports (vocabulary 2); it maps back to the
# same core sector on import.
CATEGORY_OF_CORE_SECTOR = {
    "110": "111", "120": "121", "150": "151", "230": "231",
}
# OrganisationType -> Partner.Kind, for partners created by an import.
PARTNER_KINDS = {
    "10": "government", "11": "locality", "15": "government", "21": "ngo", "22": "ngo",
    "23": "ngo", "24": "ngo", "30": "business", "40": "intl_org", "60": "ngo",
    "70": "business", "71": "business", "72": "business", "73": "business",
    "80": "association", "90": "intl_org", "multilateral": "intl_org",
    "bilateral": "government", "ngo": "ngo", "private": "business",
}
PARTNER_KIND_EXPORT = {
    "locality": "11", "government": "10", "embassy": "10", "intl_org": "40",
    "financial": "40", "ngo": "21", "business": "70", "association": "90",
}
FINANCE_WORDS = {"grant": "110", "loan": "421", "equity": "510"}
FLOW_WORDS = {"oda": "10", "oof": "21", "private grants": "30", "fdi": "36"}


def items(path: Path):
    for item in etree.parse(str(path)).iter("codelist-item"):
        code = item.findtext("code").strip()
        name = ""
        for narrative in item.iterfind("name/narrative"):
            if narrative.get("{http://www.w3.org/XML/1998/namespace}lang") in (None, "en"):
                name = " ".join((narrative.text or "").split())
                break
        yield code, name, item


def main(source: str) -> None:
    src = Path(source)
    names = {f: {code: name for code, name, _ in items(src / f"{f}.xml")} for f in (
        "TransactionType", "ActivityStatus", "OrganisationRole", "OrganisationType",
        "FlowType", "FinanceType", "AidType", "SectorCategory", "Country", "Currency",
        "ActivityDateType",
    )}
    sectors = {}
    for code, name, item in items(src / "Sector.xml"):
        category = item.findtext("category")
        sectors[code] = [category, name]
    finance_groups = {code: item.findtext("category") for code, _, item in
                      items(src / "FinanceType.xml")}
    data = {
        "source": "IATI/IATI-Codelists 75e827ba and IATI-Codelists-NonEmbedded 7aeece77",
        "transaction_types": {
            code: {"name": name, "kind": TRANSACTION_KINDS.get(code, (None, 0))[0],
                   "priority": TRANSACTION_KINDS.get(code, (None, 0))[1]}
            for code, name in names["TransactionType"].items()
        },
        "transaction_letters": TRANSACTION_LETTERS,
        "transaction_words": TRANSACTION_WORDS,
        "activity_statuses": {
            code: {"name": name, "status": STATUSES[code]}
            for code, name in names["ActivityStatus"].items()
        },
        "status_words": STATUS_WORDS,
        "status_export": STATUS_EXPORT,
        "organisation_roles": names["OrganisationRole"],
        "role_words": ROLE_WORDS,
        "organisation_types": names["OrganisationType"],
        "partner_kinds": PARTNER_KINDS,
        "partner_kind_export": PARTNER_KIND_EXPORT,
        "date_types": DATE_TYPES,
        "flow_types": names["FlowType"],
        "flow_words": FLOW_WORDS,
        "finance_types": {code: {"name": name, "group": finance_groups[code]}
                          for code, name in names["FinanceType"].items()},
        "finance_words": FINANCE_WORDS,
        "aid_types": names["AidType"],
        "sector_vocabularies": SECTOR_VOCABULARIES,
        "sector_categories": {
            code: {"name": name, "core": CORE_SECTOR_OF_CATEGORY.get(code, "998")}
            for code, name in names["SectorCategory"].items()
        },
        "category_of_core_sector": CATEGORY_OF_CORE_SECTOR,
        "sectors": sectors,
        "countries": names["Country"],
        "currencies": names["Currency"],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(sectors)} sectors, {len(names['Country'])} countries)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/iati/codelists")
