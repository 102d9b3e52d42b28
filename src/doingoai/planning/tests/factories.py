from decimal import Decimal

from doingoai.planning.models import AnnualPlan, PlanItem


def make_plan(owner, **fields) -> AnnualPlan:
    values = {"year": 2026, "title": "Kế hoạch hoạt động đối ngoại năm 2026",
              "status": AnnualPlan.Status.DRAFT}
    plan = AnnualPlan.objects.create(owner=owner, **{**values, **fields})
    PlanItem.objects.create(plan=plan, kind=PlanItem.Kind.OUTGOING, quarter=2,
                            title="Đoàn công tác xúc tiến hợp tác tại Vân Nam (Trung Quốc)",
                            responsible="Sở Ngoại vụ", partner="Chính phủ tỉnh Vân Nam",
                            budget=Decimal("350000000"))
    return plan


def plan_form(owner) -> dict:
    # A year no plan of the province has yet (one plan a year): a create then an edit.
    year = 2027 + AnnualPlan.all_objects.filter(owner=owner).count()
    return {"year": str(year), "title": f"Kế hoạch hoạt động đối ngoại năm {year}",
            "status": "draft"}


FACTORIES = {AnnualPlan: make_plan}
FORM_DATA = {AnnualPlan: plan_form}
