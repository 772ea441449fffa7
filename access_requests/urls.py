from django.urls import path

from . import views

app_name = "access_requests"
urlpatterns = [
    path("practices/<int:page_id>/request-access/", views.request_access, name="request"),
]
