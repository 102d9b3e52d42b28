from doingoai.core.records import RecordType
from doingoai.information.access import get_activity_for_user
from doingoai.information.models import PromotionActivity

activities = RecordType(
    model=PromotionActivity,
    namespace="information",
    slug="promotion",
    fields=["kind", "title", "starts_on", "ends_on", "place", "countries", "languages",
            "partners", "audience", "reach", "results", "notes"],
    list_columns=["title", "kind", "starts_on", "place", "audience", "reach"],
    filters=["kind"],
    prefetch_related=["countries"],
    access=get_activity_for_user,
)
