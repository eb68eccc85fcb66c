from django.urls import path

from centre import views

app_name = "centre"

urlpatterns = [
    path("kontakt/", views.contact, name="contact"),
    path("deklaracja-dostepnosci/", views.accessibility, name="accessibility"),
    path("informacje/", views.information, name="information"),
    path("informacje/zakres-dzialalnosci.txt", views.information_text, name="information_text"),
    path("polityka-prywatnosci/", views.privacy, name="privacy"),
]
