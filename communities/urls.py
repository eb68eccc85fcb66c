from django.urls import path

from communities import views

app_name = "communities"

urlpatterns = [
    path("", views.AreaListView.as_view(), name="list"),
]
