from doingoai.residents.pages import foreigners, people_abroad

app_name = "residents"

urlpatterns = [*foreigners.urls(), *people_abroad.urls()]
