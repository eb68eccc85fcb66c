from django.urls import path

from communities import feeds, views

app_name = "communities"

# The event paths come before "<slug>/" so that no area can shadow them;
# the models' constraints keep slugs off the reserved words.
urlpatterns = [
    path("", views.AreaListView.as_view(), name="list"),
    path("wydarzenia/", views.EventListView.as_view(), name="events"),
    path("wydarzenia.ics", views.events_ics, name="ics"),
    path("wydarzenia/archiwum/", views.EventListView.as_view(archive=True), name="archive"),
    path("wydarzenia/rss/", feeds.UpcomingEventsFeed(), name="rss"),
    path("wydarzenia/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
    path("wydarzenia/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("<slug:slug>/", views.AreaDetailView.as_view(), name="detail"),
    path("<slug:slug>/ulotka/", views.AreaLeafletView.as_view(), name="leaflet"),
]
