from django.urls import path

from tianping.mediation import views, views_mediations, views_outcomes, views_partners

app_name = "mediation"
urlpatterns = [
    path("", views.roster, name="roster"),
    path("courts/<str:code>/roster/", views.public, name="public_roster"),
    path("courts/<str:code>/mediators/new/", views.new_mediator, name="new_mediator"),
    path("mediators/<int:pk>/", views.mediator, name="mediator"),
    path("mediators/<int:pk>/edit/", views.edit_mediator, name="edit_mediator"),
    path("mediators/<int:pk>/delist/", views.delist_mediator, name="delist_mediator"),
    path("mediators/<int:pk>/relist/", views.relist_mediator, name="relist_mediator"),
    path("partners/", views_partners.partners, name="partners"),
    path("courts/<str:code>/partners/new/", views_partners.new_partner, name="new_partner"),
    path("partners/<int:pk>/", views_partners.partner, name="partner"),
    path("partners/<int:pk>/edit/", views_partners.edit_partner, name="edit_partner"),
    path("partners/<int:pk>/agreements/new/", views_partners.new_agreement,
         name="new_agreement"),
    path("agreements/<int:pk>/edit/", views_partners.edit_agreement, name="edit_agreement"),
    path("partners/<int:pk>/coordinators/", views_partners.add_coordinator,
         name="add_coordinator"),
    path("coordinators/<int:pk>/end/", views_partners.end_coordinator, name="end_coordinator"),
    path("courts/<str:code>/stations/new/", views_partners.new_station, name="new_station"),
    path("stations/<int:pk>/edit/", views_partners.edit_station, name="edit_station"),
    # mediations
    path("mediations/", views_mediations.mediations, name="mediations"),
    path("apply/", views_mediations.apply, name="apply"),
    path("filings/<str:code>/refer/", views_mediations.refer, name="refer"),
    path("cases/<str:code>/refer/", views_mediations.refer_case, name="refer_case"),
    path("m/<str:code>/", views_mediations.detail, name="detail"),
    path("m/<str:code>/appoint/", views_mediations.appoint, name="appoint"),
    path("m/<str:code>/accept/", views_mediations.accept, name="accept"),
    path("m/<str:code>/decline/", views_mediations.decline, name="decline"),
    path("m/<str:code>/answer/", views_mediations.answer, name="answer"),
    path("m/<str:code>/sessions/", views_mediations.schedule, name="schedule"),
    path("m/<str:code>/sessions/<int:pk>/record/", views_mediations.record_session,
         name="record_session"),
    path("m/<str:code>/sessions/<int:pk>/cancel/", views_mediations.cancel_session,
         name="cancel_session"),
    path("m/<str:code>/extend/", views_mediations.extend, name="extend"),
    path("m/<str:code>/end/", views_mediations.end, name="end"),
    path("m/<str:code>/withdraw/", views_mediations.withdraw, name="withdraw"),
    # the agreement and after
    path("m/<str:code>/agreement/", views_outcomes.draft, name="draft"),
    path("m/<str:code>/agreement/sign/", views_outcomes.sign, name="sign"),
    path("m/<str:code>/agreement/paper/", views_outcomes.sign_paper, name="sign_paper"),
    path("m/<str:code>/agreement/join/", views_outcomes.join, name="join"),
    path("m/<str:code>/agreement/confirmation/", views_outcomes.apply_confirmation,
         name="apply_confirmation"),
    path("m/<str:code>/agreement/document/", views_outcomes.apply_document,
         name="apply_document"),
    path("m/<str:code>/agreement/voluntary/", views_outcomes.voluntary, name="voluntary"),
    path("m/<str:code>/agreement/performance/", views_outcomes.performance,
         name="performance"),
    path("m/<str:code>/rating/", views_outcomes.rate, name="rate"),
    path("cases/<str:code>/ruling/", views_outcomes.ruling, name="ruling"),
]

# Mediation figures for leaders and coordinators (issue 11, part 7)
from tianping.mediation import views_figures  # noqa: E402

urlpatterns += [path("figures/", views_figures.figures, name="figures")]

# Group disputes (群体性纠纷, issue 11, part 6)
from tianping.mediation import views_groups  # noqa: E402

urlpatterns += [
    path("groups/", views_groups.group_list, name="groups"),
    path("groups/new/", views_groups.new_group, name="new_group"),
    path("groups/template.xlsx", views_groups.template, name="group_template"),
    path("groups/<str:code>/", views_groups.group, name="group"),
    path("groups/<str:code>/<str:step>/", views_groups.group_step, name="group_step"),
]
