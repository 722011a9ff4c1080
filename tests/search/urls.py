"""The project's URLs with the search app's own URLs (suggestions) mounted, until
config/urls.py includes search.urls."""

from django.urls import include, path

from config import urls as project_urls

urlpatterns = [path("search/", include("search.urls")), *project_urls.urlpatterns]
handler404 = project_urls.handler404
handler500 = project_urls.handler500
