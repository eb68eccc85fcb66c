from django.urls import path

from projects import feeds, views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="list"),
    path("rss/", feeds.LatestProjectsFeed(), name="rss"),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
]
