from doingoai.trade.pages import enterprises, trade_flows

app_name = "trade"

urlpatterns = [*trade_flows.urls(), *enterprises.urls()]
