from doingoai.core.access import get_record_for_user
from doingoai.trade.models import ForeignEnterprise, TradeFlow


def get_trade_flow_for_user(request, pk, *, write=False):
    return get_record_for_user(request, TradeFlow, pk, write=write)


def get_enterprise_for_user(request, pk, *, write=False):
    return get_record_for_user(request, ForeignEnterprise, pk, write=write)
