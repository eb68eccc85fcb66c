from django.urls import path

from survey import views

app_name = "survey"

urlpatterns = [
    path("", views.CurrentPollView.as_view(), name="current"),
    path("<slug:slug>/", views.PollDetailView.as_view(), name="detail"),
    path("<slug:slug>/wyniki/", views.PollResultsView.as_view(), name="results"),
    path("<slug:slug>/wyniki.json", views.results_json, name="results_json"),
]
