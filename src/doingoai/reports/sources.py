"""Where each computed figure comes from, in one translatable line: the source note the
report prints beside a figure computed from the records (page, CSV, JSON, DOCX).

The computations' docstrings say the same for programmers, with their line breaks and in
English only; readers get these notes, in their language. A computation without a note
here fails ``reports/tests/test_source_notes.py``."""

from django.utils.translation import gettext_lazy as _

SOURCE_NOTES = {
    "delegations.outgoing": _(
        "Outgoing delegations departing in the period, refused and cancelled trips left out."),
    "delegations.outgoing_persons": _(
        "Members of the outgoing delegations of the period (person-trips)."),
    "delegations.incoming": _("Incoming foreign delegations arriving in the period."),
    "delegations.incoming_persons": _(
        "Members of the incoming delegations of the period (person-trips)."),
    "agreements.signed": _("Agreements, memoranda and minutes signed in the period."),
    "agreements.implementing": _(
        "Agreements in force at the period's end (signed, neither expired nor terminated)."),
    "partners.foreign_localities": _(
        "Foreign provinces and cities with a friendship or cooperation relation standing at "
        "the period's end."),
    "ngo.projects": _(
        "Foreign NGO programmes, projects and grants under way in the period (from start or "
        "approval to end)."),
    "ngo.projects_signed": _(
        "Foreign NGO programmes newly approved (or started, without an approval date) in the "
        "period."),
    "ngo.amount_committed": _(
        "Commitments to foreign NGO programmes dated in the period, in đồng at the rate of "
        "their dates."),
    "ngo.amount_disbursed": _(
        "Disbursements of foreign NGO programmes dated in the period, in đồng at the rate of "
        "their dates."),
    "ngo.organisations": _(
        "Distinct donors of the foreign NGO programmes under way in the period."),
    "oda.projects": _("ODA grants and loans under way in the period."),
    "oda.amount": _("ODA commitments dated in the period, in đồng at the rate of their dates."),
    "fdi.projects": _("FDI projects still licensed at the period's end."),
    "fdi.capital": _(
        "Registered capital of the FDI projects still licensed at the period's end."),
    "conferences.organised": _(
        "International conferences, seminars and talks the province organised, starting in "
        "the period."),
    "conferences.attended": _(
        "International conferences and seminars the province attended, starting in the "
        "period."),
    "friendship.border_communes": _(
        "Border communes and towns with a friendship pact in force at the period's end, out "
        "of the number last reported (or of those that ever had a pact)."),
    "friendship.border_posts": _(
        "Border posts twinned with the facing station at the period's end, out of the number "
        "last reported (or of those that ever were)."),
    "friendship.district_pairs": _(
        "District and city pairs with a friendship pact in force at the period's end."),
    "friendship.village_pairs": _(
        "Village and hamlet pairs across the border twinned at the period's end."),
    "friendship.associations": _(
        "Friendship associations founded on or before the period's end."),
    "consular.cases": _("Consular and citizen-protection cases opened in the period."),
    "consular.cases_closed": _("Consular and citizen-protection cases closed in the period."),
    "consular.persons": _("Citizens concerned by the cases opened in the period."),
    "foreigners.resident": _(
        "Foreigners residing or working in the province at the period's end."),
    "passports.handed_out": _(
        "Official and diplomatic passports handed out for trips in the period."),
    "passports.overdue": _(
        "Passports not back at the office by their deadline, at the period's end."),
    "border.incidents": _("Border incidents that occurred in the period."),
    "trade.exports": _("Exports through the province's border gates in the period, in USD."),
    "trade.imports": _("Imports through the province's border gates in the period, in USD."),
}


# For a period ending after the 2025 reform: counted in today's communes and wards
# (``computations._successor_communes``).
REFORMED_SOURCE_NOTES = {
    "friendship.border_communes": _(
        "Border communes and wards of today with a friendship pact in force at the period's "
        "end, the pacts of the communes merged in 2025 counted in the commune that took them "
        "over, out of those that ever had a pact."),
    "friendship.district_pairs": _(
        "Communes and wards of today that took over the districts with a friendship pair in "
        "force at the period's end."),
}


def source_note(code: str, reformed: bool = False) -> str:
    """The source note of the computation of ``code``, in the active language (today's words
    for a period after the reform, ``reformed``); for a computation added without one, the
    first line of its docstring (and a failing test)."""
    if reformed and code in REFORMED_SOURCE_NOTES:
        return str(REFORMED_SOURCE_NOTES[code])
    if code in SOURCE_NOTES:
        return str(SOURCE_NOTES[code])
    from doingoai.reports.computations import COMPUTATIONS

    computation = COMPUTATIONS.get(code)
    return " ".join(computation.definition.split()) if computation else ""
