from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("submit/", views.case_study_form, name="submit"),
    path("my/case-studies/", views.my_case_studies, name="my_case_studies"),
    path("my/case-studies/<int:pk>/edit/", views.case_study_form, name="edit"),
    path("my/case-studies/<int:pk>/submitted/", views.submitted, name="submitted"),
]
