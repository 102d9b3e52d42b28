"""How far a year's plan is carried out: each item done, under way or not done by the
delegations and events linked to it, and the activities of the year outside the plan."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doingoai.planning.models import AnnualPlan, PlanItem

DONE, UNDER_WAY, NOT_DONE = "done", "under_way", "not_done"
STATE_LABELS = {DONE: _("Done"), UNDER_WAY: _("In progress"), NOT_DONE: _("Not done")}
FINISHED = {"back", "reported", "held"}  # the trip came back, the event was held
DROPPED = {"cancelled", "refused"}


def item_state(item: PlanItem) -> str:
    linked = [r for r in (*item.delegations.all(), *item.events.all())
              if r.status not in DROPPED]
    if any(r.status in FINISHED for r in linked):
        return DONE
    return UNDER_WAY if linked else NOT_DONE


@dataclass
class Implementation:
    plan: AnnualPlan
    rows: list = field(default_factory=list)  # (item, state, label, linked records)
    outside: list = field(default_factory=list)  # delegations and events outside the plan

    def count(self, state: str) -> int:
        return sum(1 for _item, s, _label, _linked in self.rows if s == state)

    @property
    def planned(self) -> int:
        return len(self.rows)

    def by_kind(self) -> list[tuple[str, dict[str, int]]]:
        """For each kind of item the plan has, in the kinds' order: the items planned and
        how many are done, under way, not done."""
        found: dict[str, dict[str, int]] = {}
        for item, state, _label, _linked in self.rows:
            counts = found.setdefault(item.kind, {"planned": 0, DONE: 0, UNDER_WAY: 0,
                                                  NOT_DONE: 0})
            counts["planned"] += 1
            counts[state] += 1
        return [(kind, found[kind]) for kind in PlanItem.Kind.values if kind in found]

    def items_in(self, state: str) -> list[PlanItem]:
        return [item for item, s, _label, _linked in self.rows if s == state]

    @property
    def counts(self) -> list[tuple[str, int]]:
        return [(STATE_LABELS[s], self.count(s)) for s in (DONE, UNDER_WAY, NOT_DONE)] + [
            (_("Outside the plan"), len(self.outside))]


def url_of(record) -> str:
    name = {"delegation": "delegations:delegation-detail", "event": "events:event-detail"}
    return reverse(name[record._meta.model_name], args=[record.pk])


def linked_row(record) -> tuple:
    return record, url_of(record)


def implementation(plan: AnnualPlan) -> Implementation:
    from doingoai.delegations.models import Delegation
    from doingoai.events.models import Event

    items = plan.items.prefetch_related("delegations", "events").order_by("quarter", "pk")
    result = Implementation(plan)
    for item in items:
        state = item_state(item)
        linked = [linked_row(r) for r in (*item.delegations.all(), *item.events.all())]
        result.rows.append((item, state, STATE_LABELS[state], linked))
    result.outside = [linked_row(r) for r in (
        *Delegation.objects.filter(owner_id=plan.owner_id, departs_on__year=plan.year,
                                   plan_item__isnull=True).exclude(status__in=DROPPED),
        *Event.objects.filter(owner_id=plan.owner_id, starts_on__year=plan.year,
                              plan_item__isnull=True).exclude(status__in=DROPPED))]
    return result


def standing(record, day) -> str | None:
    """"outside" for a delegation or event of a year with a plan that links to no item of
    it, else None."""
    if record.plan_item_id or not day or not record.owner_id:
        return None
    has_plan = AnnualPlan.objects.filter(owner_id=record.owner_id, year=day.year).exists()
    return "outside" if has_plan else None
