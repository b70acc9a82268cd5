from django.urls import path

from . import tools_views

app_name = "tools"
urlpatterns = [
    path("fees/", tools_views.fee_calculator, name="fees"),
    path("case-numbers/", tools_views.case_number_checker, name="case_numbers"),
]
