"""URLs a site adds for back-health search: ``path("search/", include("back_health.urls"))``."""

from django.urls import path

from .views.search import search

app_name = "back_health"

urlpatterns = [path("", search, name="search")]
