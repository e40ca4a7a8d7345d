from django.urls import path

from earlyhelp.directory import staff_views

app_name = "directory_staff"
urlpatterns = [
    path("search-words/", staff_views.search_words, name="search_words"),
    path("search-words/remove/", staff_views.remove_search_words, name="remove_search_words"),
    path(
        "searches-without-results/",
        staff_views.searches_without_results,
        name="searches_without_results",
    ),
]
