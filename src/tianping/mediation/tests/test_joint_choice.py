"""The parties' joint choice of a mediator (在线调解规则 art. 10 ¶2): once every party has
agreed to mediate, 2 working days to choose together; the same mediator named by all is
appointed without a warning, and the court appoints another only with a reason while the
window is open or against their choice."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tianping.flows.mediation import answer_invitation, apply_for_mediation
from tianping.mediation import actions_mediations as actions
from tianping.mediation.models import Mediator
from tianping.mediation.tests.test_mediations import (  # noqa: F401
    MONDAY,
    court,
    draft,
    hutao_entry,
)

pytestmark = pytest.mark.django_db


def respondent_of(m, user):
    party = m.filing.parties.get(role="defendant")
    party.user = user
    party.save(update_fields=["user"])
    return party


def other_mediator(court):  # noqa: F811
    return Mediator.objects.filter(court=court, delisted_on__isnull=True).exclude(
        pk=hutao_entry().pk).first()


def test_the_same_mediator_named_by_every_party_is_their_joint_choice(demo, court,  # noqa: F811
                                                                      other_litigant):
    m = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"], today=MONDAY,
                            preferred=hutao_entry())
    respondent = respondent_of(m, other_litigant)
    answer_invitation(m, respondent, actor=other_litigant, answer="accepted",
                      mediator=hutao_entry(), today=MONDAY)
    m.refresh_from_db()
    assert m.chosen_mediator == hutao_entry() and m.chosen_on == MONDAY
    assert m.choice_due_on == datetime.date(2026, 3, 4)  # 2 working days after Monday
    assert [e.kind for e in m.events.all()][-2:] == ["answered", "jointly_chosen"]
    # the court appoints their choice without being asked for a reason
    m = actions.appoint(m, hutao_entry(), actor=demo["lixia"], today=MONDAY)
    assert m.mediator == hutao_entry() and m.appointment_note == ""
    # and another mediator only with a reason (shown in the reader's language)
    other = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"], today=MONDAY,
                                preferred=hutao_entry())
    answer_invitation(other, respondent_of(other, other_litigant), actor=other_litigant,
                      answer="accepted", mediator=hutao_entry(), today=MONDAY)
    with pytest.raises(ValidationError, match="胡涛"):
        actions.appoint(other, other_mediator(court), actor=demo["lixia"], today=MONDAY)


def test_until_the_window_closes_the_court_waits_or_gives_a_reason(demo, court,  # noqa: F811
                                                                   other_litigant):
    m = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"], today=MONDAY)
    answer_invitation(m, respondent_of(m, other_litigant), actor=other_litigant,
                      answer="accepted", today=MONDAY)
    m.refresh_from_db()
    assert m.chosen_mediator is None and m.choice_due_on == datetime.date(2026, 3, 4)
    assert "choice" in m.clock_steps
    mediator = other_mediator(court)
    with pytest.raises(ValidationError, match="2026-03-04"):
        actions.appoint(m, mediator, actor=demo["lixia"], today=MONDAY)
    # after the window, the court appoints (other warnings aside)
    later = datetime.date(2026, 3, 5)
    try:
        actions.appoint(m, mediator, actor=demo["lixia"], today=later)
    except ValidationError as error:
        assert "2026-03-04" not in " ".join(error.messages)


def test_a_choice_goes_with_a_yes_and_a_listed_mediator(demo, court, other_litigant):  # noqa: F811
    m = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"], today=MONDAY)
    respondent = respondent_of(m, other_litigant)
    with pytest.raises(ValidationError):
        answer_invitation(m, respondent, actor=other_litigant, answer="refused",
                          mediator=hutao_entry(), today=MONDAY)


def test_a_party_chooses_on_the_page(demo, court, other_litigant):  # noqa: F811
    m = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"], today=MONDAY,
                            preferred=hutao_entry())
    respondent = respondent_of(m, other_litigant)
    client = Client()
    client.force_login(other_litigant)
    page = client.get(reverse("mediation:detail", args=[m.code])).content.decode()
    assert 'name="mediator"' in page
    answer = client.post(reverse("mediation:answer", args=[m.code]), {
        "party": respondent.pk, "answer": "accepted", "mediator": hutao_entry().pk})
    assert answer.status_code == 302
    m.refresh_from_db()
    assert m.chosen_mediator == hutao_entry()
    clerk = Client()
    clerk.force_login(demo["lixia"])
    page = clerk.get(reverse("mediation:detail", args=[m.code])).content.decode()
    assert "双方共同选定" in page or "共同选定" in page
