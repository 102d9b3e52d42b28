"""Part I of the report the way a báo cáo công tác đối ngoại tells it: first by pillar
(1. Đối ngoại Đảng, 2. Ngoại giao nhà nước, 3. Đối ngoại nhân dân), then by field with
lettered subsections (a) hợp tác với các địa phương nước ngoài, b) viện trợ PCPNN, c) ODA, …).

A pillar says what the registers give for it: the delegations and the international events
of the province's bodies of that kind (Party bodies; state bodies; the Union of Friendship
Organisations and the mass organisations), counted when the register covers the period and
otherwise only named; a pillar the registers know nothing of is left out. The fields take
the prose's clauses (``prose.by_field``: each sentence is written there, once) and the names
from the registers (foreign localities, agreements, donors).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from doingoai.reports import prose

PARTY, STATE, PEOPLE = "party", "state", "people"
# Which pillar a body's kind belongs to; an enterprise is none of them.
PILLAR_OF_KIND = {
    "party": PARTY,
    "office": STATE, "department": STATE, "border_post": STATE, "commune": STATE,
    "school": STATE,
    "mass": PEOPLE,
}
PILLARS = [PARTY, STATE, PEOPLE]
# The lettered fields in the order of a báo cáo công tác đối ngoại.
FIELDS = [prose.LOCALITIES, prose.NGO_AID, prose.ODA, prose.FDI, prose.DELEGATIONS,
          prose.CONFERENCES, prose.BORDER_WORK, prose.CONSULAR_WORK, prose.INFORMATION]
LETTERS = "a b c d đ e g h i k l m n".split()
NAMED = 6  # names listed at most, the rest summed up as "…"

WORDS = {
    "vi": {
        PARTY: "Đối ngoại Đảng", STATE: "Ngoại giao nhà nước", PEOPLE: "Đối ngoại nhân dân",
        "fields": "Kết quả trên các lĩnh vực",
        prose.LOCALITIES: "Hợp tác với các địa phương nước ngoài",
        prose.NGO_AID: "Viện trợ phi chính phủ nước ngoài (PCPNN)",
        prose.ODA: "Vốn hỗ trợ phát triển chính thức (ODA)",
        prose.FDI: "Kinh tế đối ngoại, thu hút đầu tư trực tiếp nước ngoài (FDI) và xúc tiến "
                   "đầu tư",
        prose.DELEGATIONS: "Đoàn ra, đoàn vào",
        prose.CONFERENCES: "Hội nghị, hội thảo quốc tế",
        prose.BORDER_WORK: "Công tác biên giới",
        prose.CONSULAR_WORK: "Công tác lãnh sự và bảo hộ công dân",
        prose.INFORMATION: "Thông tin đối ngoại",
        "who": {PARTY: "Các cơ quan Đảng của tỉnh", STATE: "Các cơ quan nhà nước của tỉnh",
                PEOPLE: "Các tổ chức hữu nghị, đoàn thể nhân dân của tỉnh"},
        "outgoing": "cử {n} đoàn đi nước ngoài", "incoming": "đón {n} đoàn nước ngoài",
        "organised": "chủ trì {n} hội nghị, hội thảo, sự kiện quốc tế",
        "attended": "cử đại biểu dự {n} hội nghị, hội thảo, sự kiện quốc tế",
        "counted": "{who} đã {what} (theo hồ sơ trên hệ thống).",
        "named": "Các đoàn ra, đoàn vào và sự kiện quốc tế có trong hồ sơ của kỳ này do {who} "
                 "thực hiện.",
        "named_localities": "Các địa phương nước ngoài có quan hệ hợp tác, hữu nghị: {names}",
        "named_agreements": "Các thỏa thuận chủ yếu được ký kết trong kỳ: {names}",
        "named_donors": "Các nhà tài trợ chính: {names}",
        "and": "và",
    },
    "en": {
        PARTY: "Party external relations", STATE: "State diplomacy",
        PEOPLE: "People-to-people diplomacy",
        "fields": "Results by field",
        prose.LOCALITIES: "Cooperation with foreign localities",
        prose.NGO_AID: "Foreign non-governmental aid",
        prose.ODA: "Official development assistance (ODA)",
        prose.FDI: "External economic relations, foreign direct investment (FDI) and "
                   "investment promotion",
        prose.DELEGATIONS: "Outgoing and incoming delegations",
        prose.CONFERENCES: "International conferences and seminars",
        prose.BORDER_WORK: "The border",
        prose.CONSULAR_WORK: "Consular work and citizen protection",
        prose.INFORMATION: "External information",
        "who": {PARTY: "The province's Party bodies", STATE: "The province's state bodies",
                PEOPLE: "The province's friendship and mass organisations"},
        "outgoing": "sent {n} delegations abroad", "incoming": "received {n} foreign "
        "delegations", "organised": "hosted {n} international conferences, seminars or events",
        "attended": "attended {n} international conferences, seminars or events",
        "counted": "{who} {what} (from the records in the system).",
        "named": "The delegations and international events on record for the period were "
                 "carried out by {who}.",
        "named_localities": "Foreign localities with cooperation or friendship relations: "
                            "{names}",
        "named_agreements": "Main agreements signed in the period: {names}",
        "named_donors": "Main donors: {names}",
        "and": "and",
    },
}


@dataclass
class Part:
    """A numbered part of section I: a pillar, or the fields with their lettered
    subsections (``subsections``: (heading, paragraphs) pairs)."""

    key: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    subsections: list[tuple[str, list[str]]] = field(default_factory=list)


def results(report, lang: str = "vi") -> tuple[list[str], list[Part]]:
    """Section I: its opening paragraphs (the notes and the socio-economic context) and its
    numbered parts, a pillar or a field left out when nothing is known of it."""
    words = WORDS[lang]
    opening: list[str] = []
    by_field: dict[str, list[str]] = {}
    for name, text in prose.by_field(report, lang):
        if name in (prose.NOTE, prose.CONTEXT):
            opening.append(text)
        else:
            by_field.setdefault(name, []).append(text)
    for name, text in register_names(report, lang):
        by_field.setdefault(name, []).append(text)

    parts = []
    told = pillar_sentences(report, lang)
    told.setdefault(PEOPLE, []).extend(by_field.pop(prose.FRIENDSHIP, []))
    for pillar in PILLARS:
        if told.get(pillar):
            parts.append(Part(pillar, words[pillar], told[pillar]))
    subsections = []
    for name in FIELDS:
        if by_field.get(name):
            letter = LETTERS[len(subsections)]
            subsections.append((f"{letter}) {words[name]}", by_field[name]))
    if subsections:
        parts.append(Part("fields", words["fields"], subsections=subsections))
    for number, part in enumerate(parts, start=1):
        part.heading = f"{number}. {part.heading}"
    return opening, parts


# --- the pillars from the registers ----------------------------------------------------
def activity_by_pillar(report) -> dict[str, dict]:
    """For each pillar, the delegations out and in and the events organised and attended in
    the period by the province's bodies of that kind, and the names of those bodies."""
    from doingoai.delegations.models import Delegation
    from doingoai.reports import computations

    ids = sorted({u.pk for u in report.units})
    start, end = report.period.start, report.period.end
    found: dict[str, dict] = {}

    def add(pillar_kind, body, key):
        pillar = PILLAR_OF_KIND.get(pillar_kind)
        if pillar is None:
            return
        entry = found.setdefault(pillar, {"outgoing": 0, "incoming": 0, "organised": 0,
                                          "attended": 0, "bodies": {}})
        entry[key] += 1
        entry["bodies"][body.pk] = body

    delegations = (Delegation.objects.filter(owner_id__in=ids, organisation__isnull=False)
                   .departing_between(start, end)
                   .exclude(status__in=computations.NOT_HELD_DELEGATION)
                   .select_related("organisation").order_by("pk"))
    for delegation in delegations:
        key = "outgoing" if delegation.direction == Delegation.Direction.OUTGOING else \
            "incoming"
        add(delegation.organisation.kind, delegation.organisation, key)
    events = (computations.events(ids, start, end).filter(organisation__isnull=False)
              .select_related("organisation").order_by("pk"))
    for event in events:
        key = "organised" if event.role == event.Role.ORGANISED else "attended"
        add(event.organisation.kind, event.organisation, key)
    return found


def _covered(report, code: str) -> bool:
    line = report.line(code)
    return line is not None and line.basis == "computed"


def pillar_sentences(report, lang: str = "vi") -> dict[str, list[str]]:
    """One sentence per pillar the registers know of: the counts when the registers cover
    the period (so that they add up to the printed figures), else the bodies' names only."""
    words = WORDS[lang]
    covered = {"outgoing": _covered(report, "delegations.outgoing"),
               "incoming": _covered(report, "delegations.incoming"),
               "organised": _covered(report, "conferences.organised"),
               "attended": _covered(report, "conferences.attended")}
    told: dict[str, list[str]] = {}
    for pillar, entry in activity_by_pillar(report).items():
        names = sorted(body.name for body in entry["bodies"].values())
        who = _join(names, words["and"]) if len(names) <= 3 else words["who"][pillar]
        what = [words[key].format(n=entry[key]) for key in covered
                if covered[key] and entry[key]]
        if what and all(covered[key] for key in covered if entry[key]):
            told[pillar] = [words["counted"].format(who=who, what="; ".join(what))]
        else:
            told[pillar] = [words["named"].format(who=_join(names[:NAMED], words["and"])
                                                  + (", …" if len(names) > NAMED else ""))]
    return told


def _join(names: list[str], word: str) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {word} " + names[-1]


# --- names from the registers ----------------------------------------------------------
def _list(names: list[str]) -> str:
    """"A; B; C." or, beyond ``NAMED`` names, "A; B; …" (no full stop after the ellipsis)."""
    shown = names[:NAMED]
    return "; ".join(shown) + ("; …" if len(names) > NAMED else ".")


def register_names(report, lang: str = "vi") -> list[tuple[str, str]]:
    """(field, sentence) pairs naming, from the registers, the foreign localities the
    province has relations with at the period's end, the agreements signed in it and the
    main donors."""
    from doingoai.partners.models import Partner, PartnerRelation
    from doingoai.reports import computations

    words = WORDS[lang]
    ids = sorted({u.pk for u in report.units})
    end, start = report.period.end, report.period.start
    english = lang == "en"
    found = []
    standing = PartnerRelation.objects.filter(
        kind__in=[PartnerRelation.Kind.FRIENDSHIP, PartnerRelation.Kind.COOPERATION],
    ).filter(Q(started_on__isnull=True) | Q(started_on__lte=end)).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=end))
    localities = (Partner.objects.filter(owner_id__in=ids, kind=Partner.Kind.FOREIGN_LOCALITY,
                                         relations__in=standing)
                  .select_related("country").distinct())
    names = []
    for partner in localities:
        name = (partner.name_en if english else partner.name_vi) or partner.name_vi
        country = ""
        if partner.country_id:
            country = partner.country.name_en if english else partner.country.name_vi
        names.append(f"{name} ({country})" if country else name)
    if names:
        found.append((prose.LOCALITIES,
                      words["named_localities"].format(names=_list(sorted(names)))))
    agreements = [a.title for a in computations.agreements_signed(ids, start, end)
                  .order_by("signed_on", "pk")]
    if agreements:
        found.append((prose.LOCALITIES,
                      words["named_agreements"].format(names=_list(agreements))))
    # The donors are named under their own field: a foreign NGO under PCPNN, a bank or a
    # development agency under ODA (JICA, KOICA and the World Bank are no NGOs).
    from doingoai.reports.report import aid_by
    for kinds, field_ in ((computations.NGO, prose.NGO_AID), (computations.ODA, prose.ODA)):
        donors = [row["name"] for row in aid_by(ids, start, end, "donors", kinds)]
        if donors:
            found.append((field_, words["named_donors"].format(names=_list(donors))))
    return found
