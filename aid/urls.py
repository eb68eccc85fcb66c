from django.urls import path

from aid import views

app_name = "aid"

urlpatterns = [
    path("", views.form_list, name="list"),
    path("kryterium-dochodowe/", views.income_check, name="income_check"),
    path("<slug:slug>/", views.FormOfHelpDetailView.as_view(), name="detail"),
    path("<slug:slug>/ulotka/", views.FormOfHelpLeafletView.as_view(), name="leaflet"),
]
