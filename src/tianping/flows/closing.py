"""Closing by mediation document (调解书): the case ends on the day the document reaches
the last party (2000 审限规定 art. 10; 民事诉讼法 art. 100: it takes effect on signing).

The judge first stores the mediation document among the case's documents and has it
served (app `service`); when every party has been served, the judge closes the case
with that document and the closing date is not chosen: it is the last service date. Until
then the closing is refused and names the parties still to be served. (A closing by
the mediation record the parties signed, 民事诉讼法 art. 101, which needs no document to
be served, keeps the usual closing with its upload.)"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.choices import ClosureMode
from tianping.cases.permissions import require_case_judge
from tianping.flows.cases import close_case
from tianping.service.queries import effective_service_date


def close_on_mediation_service(case, *, actor, document, acted_for=None):
    """Close CASE by the mediation DOCUMENT once served on every party; its date is the
    last service date."""
    require_case_judge(case, acted_for or actor)
    if document.case_id != case.pk:
        raise ValidationError(_("That document is not a document of this case."))
    today = timezone.localdate()
    days, unserved = [], []
    for party in case.parties.all():
        day = effective_service_date(case, party, document)
        if day is None or day > today:
            unserved.append(party.name)
        else:
            days.append(day)
    if unserved:
        raise ValidationError(_(
            "The mediation document has not yet been served on: %(parties)s. The case "
            "closes on the day it reaches the last party.") % {"parties": "、".join(unserved)})
    return close_case(case, actor=actor, mode=ClosureMode.MEDIATION, closed_on=max(days),
                      served_document=document, acted_for=acted_for)
