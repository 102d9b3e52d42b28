from doingoai.core.records import RecordType
from doingoai.trade.access import get_enterprise_for_user, get_trade_flow_for_user
from doingoai.trade.models import ForeignEnterprise, TradeFlow

trade_flows = RecordType(
    model=TradeFlow,
    namespace="trade",
    slug="flow",
    fields=["gate", "direction", "period_start", "period_end", "goods", "counterpart_country",
            "value", "currency", "source"],
    list_columns=["gate", "direction", "period_start", "period_end", "goods", "value",
                  "currency"],
    filters=["direction", "gate"],
    select_related=["gate"],
    access=get_trade_flow_for_user,
)

enterprises = RecordType(
    model=ForeignEnterprise,
    namespace="trade",
    slug="enterprise",
    fields=["kind", "name", "name_foreign", "country", "registration_number", "registered_on",
            "closed_on", "sector", "activity", "business_address", "registered_capital",
            "currency", "employees", "programme", "notes"],
    list_columns=["name", "kind", "country", "registered_on", "registered_capital", "currency",
                  "employees"],
    filters=["kind", "country"],
    select_related=["country"],
    access=get_enterprise_for_user,
)
