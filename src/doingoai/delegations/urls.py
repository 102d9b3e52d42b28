from doingoai.delegations.pages import delegations

app_name = "delegations"

urlpatterns = [*delegations.urls()]
