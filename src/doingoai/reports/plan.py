"""The year's report on the annual foreign-affairs plan (issue 16, §3): how many of the
plan's activities were carried out, by kind, which are under way or not done, and the
activities outside the plan with the approval each went on. Only in the report of a
calendar year: the plan is a year's, and its items' states are those of today's records
(``planning.progress``), so a quarter or a half-year would be told the year's end early.
Every number comes from ``planning.progress.implementation``."""

from __future__ import annotations

from doingoai.lib.periods import YEAR
from doingoai.planning.models import AnnualPlan
from doingoai.planning.progress import DONE, NOT_DONE, UNDER_WAY, implementation

# Names are listed up to this many; past it the prose gives the count alone.
NAMED = 5
WORDS = {
    "vi": {
        "heading": "Kết quả thực hiện Kế hoạch hoạt động đối ngoại năm {year}",
        "kinds": {"outgoing": "đoàn ra", "incoming": "đoàn vào",
                  "conference": "hội nghị, hội thảo quốc tế",
                  "agreement": "ký kết thỏa thuận quốc tế", "other": "hoạt động khác"},
        "table": ["Loại hoạt động", "Theo kế hoạch", "Đã thực hiện", "Đang thực hiện",
                  "Chưa thực hiện"],
        "total": "Tổng cộng", "outside": "Ngoài kế hoạch",
    },
    "en": {
        "heading": "Implementation of the {year} foreign-affairs plan",
        "kinds": {"outgoing": "outgoing delegations", "incoming": "incoming visits",
                  "conference": "international conferences and seminars",
                  "agreement": "agreements to sign", "other": "other activities"},
        "table": ["Kind of activity", "Planned", "Done", "In progress", "Not done"],
        "total": "Total", "outside": "Outside the plan",
    },
}


def plans_of(report) -> list[AnnualPlan]:
    """The approved plans of the report's places for its year; none for another period."""
    if report.period.kind != YEAR:
        return []
    return list(AnnualPlan.objects.filter(
        owner__in=report.places, year=report.period.start.year,
        status=AnnualPlan.Status.APPROVED).select_related("owner").order_by("owner__name"))


def table(result, lang: str = "vi") -> list[list]:
    """The small table: a header, a row per kind planned, the total, the activities
    outside the plan (numbers as int, for the workbook)."""
    words = WORDS[lang]
    rows = [list(words["table"])]
    for kind, counts in result.by_kind():
        rows.append([words["kinds"][kind].capitalize(), counts["planned"], counts[DONE],
                     counts[UNDER_WAY], counts[NOT_DONE]])
    rows.append([words["total"], result.planned, result.count(DONE), result.count(UNDER_WAY),
                 result.count(NOT_DONE)])
    rows.append([words["outside"], "", len(result.outside), "", ""])
    return rows


def _dmy(day) -> str:
    return day.strftime("%d/%m/%Y")


def _names(titles: list[str]) -> str:
    return "; ".join(titles[:NAMED]) + ("…" if len(titles) > NAMED else "")


def _approval(record, lang) -> str:
    number = getattr(record, "outside_plan_decision", "")
    if not number:
        return ""
    by = record.outside_plan_decided_by
    day = record.outside_plan_decided_on
    if lang == "en":
        return (f" (allowed{' by ' + by if by else ''} in document {number}"
                f"{' of ' + _dmy(day) if day else ''})")
    return (f" (được{' ' + by if by else ''} cho phép tại văn bản số {number}"
            f"{' ngày ' + _dmy(day) if day else ''})")


def paragraphs(report, plan, result, lang: str = "vi", subject: str | None = None) -> list[str]:
    """The prose a leader signs: the share carried out, by kind, what is under way or not
    done, and what was done outside the plan."""
    year = plan.year
    by_kind = WORDS[lang]["kinds"]
    shares = "; ".join(f"{by_kind[kind]} {c[DONE]}/{c['planned']}"
                       for kind, c in result.by_kind())
    under_way = [i.title for i in result.items_in(UNDER_WAY)]
    not_done = [i.title for i in result.items_in(NOT_DONE)]
    outside = [f"{r.title}{_approval(r, lang)}" for r, _url in result.outside]
    decision = ""
    if lang == "en":
        subject = subject or "the province"
        if plan.decision_number:
            decision = (f" (approved by decision {plan.decision_number}"
                        f"{' of ' + _dmy(plan.approved_on) if plan.approved_on else ''})")
        text = [f"In {year} {subject} carried out {result.count(DONE)} of the "
                f"{result.planned} foreign-affairs activities of its plan{decision}: "
                f"{shares}."]
        rest = []
        if under_way:
            rest.append(f"{len(under_way)} in progress ({_names(under_way)})")
        if not_done:
            rest.append(f"{len(not_done)} not carried out ({_names(not_done)})")
        if rest:
            text[0] += f" Of the rest, {'; '.join(rest)}."
        if outside:
            text.append(f"Outside the plan, {subject} carried out {len(outside)} "
                        f"activit{'y' if len(outside) == 1 else 'ies'}: {_names(outside)}.")
        return text
    subject = subject or "tỉnh"
    if plan.decision_number:
        decision = (f" (phê duyệt tại Quyết định số {plan.decision_number}"
                    f"{' ngày ' + _dmy(plan.approved_on) if plan.approved_on else ''})")
    text = [f"Năm {year}, {subject} thực hiện {result.count(DONE)}/{result.planned} hoạt động "
            f"đối ngoại theo Kế hoạch hoạt động đối ngoại năm {year}{decision}, gồm: "
            f"{shares}."]
    rest = []
    if under_way:
        rest.append(f"{len(under_way)} hoạt động đang triển khai ({_names(under_way)})")
    if not_done:
        rest.append(f"{len(not_done)} hoạt động chưa thực hiện ({_names(not_done)})")
    if rest:
        text[0] += f" Còn {'; '.join(rest)}."
    if outside:
        text.append(f"Ngoài kế hoạch, {subject} thực hiện {len(outside)} hoạt động đối ngoại: "
                    f"{_names(outside)}.")
    return text


def sections(report, lang: str = "vi") -> list[tuple[str, list[str], list[list]]]:
    """(heading without its number, paragraphs, table) for each approved plan of the
    report's places and year."""
    found = []
    plans = plans_of(report)
    for plan in plans:
        result = implementation(plan)
        subject = None
        if len(report.places) > 1:
            kind = (plan.owner.kind or "tỉnh").lower() if lang == "vi" else "province"
            subject = (f"{kind} {plan.owner.name}" if lang == "vi"
                       else f"{plan.owner.name} {kind}")
        heading = WORDS[lang]["heading"].format(year=plan.year)
        if len(plans) > 1:
            heading += f" ({plan.owner.name})"
        found.append((heading, paragraphs(report, plan, result, lang, subject),
                      table(result, lang)))
    return found
