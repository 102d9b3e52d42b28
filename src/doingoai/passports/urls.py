from doingoai.passports.pages import abtc_applications, handouts, passports

app_name = "passports"

urlpatterns = [*passports.urls(), *handouts.urls(), *abtc_applications.urls()]
