from django.urls import path

from . import views

urlpatterns = [
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("cities/<slug:slug>/", views.city_detail, name="city_detail"),
]
