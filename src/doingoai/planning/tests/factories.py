from decimal import Decimal

from doingoai.planning.models import AnnualPlan, PlanItem


def make_plan(owner, **fields) -> AnnualPlan:
    # One plan a province and year: 2026, or the next year the province has no plan for.
    taken = set(AnnualPlan.all_objects.filter(owner=owner).values_list("year", flat=True))
    year = fields.pop("year", None) or next(y for y in range(2026, 2100) if y not in taken)
    values = {"year": year, "title": f"Kế hoạch hoạt động đối ngoại năm {year}",
              "status": AnnualPlan.Status.DRAFT}
    plan = AnnualPlan.objects.create(owner=owner, **{**values, **fields})
    PlanItem.objects.create(plan=plan, kind=PlanItem.Kind.OUTGOING, quarter=2,
                            title="Đoàn công tác xúc tiến hợp tác tại Vân Nam (Trung Quốc)",
                            responsible="Sở Ngoại vụ", partner="Chính phủ tỉnh Vân Nam",
                            budget=Decimal("350000000"))
    return plan


def plan_form(owner) -> dict:
    # A year no plan of the province has yet (one plan a year): a create then an edit.
    taken = set(AnnualPlan.all_objects.filter(owner=owner).values_list("year", flat=True))
    year = next(y for y in range(2027, 2100) if y not in taken)
    return {"year": str(year), "title": f"Kế hoạch hoạt động đối ngoại năm {year}",
            "status": "draft"}


FACTORIES = {AnnualPlan: make_plan}
FORM_DATA = {AnnualPlan: plan_form}
