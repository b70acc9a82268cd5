"""Reads of filings beyond the permission scope (which lives in `filings.permissions`)."""

from django.db.models import Q

from tianping.filings import steering
from tianping.filings.choices import FilingStatus, MediationChoice, type_code_of
from tianping.filings.models import Filing, MediationSteeringRule
from tianping.filings.permissions import filings_visible_to


def review_queue(user, court):
    """Filings awaiting review at COURT: green channel first, then by the clock."""
    return (
        filings_visible_to(user)
        .filter(court=court)
        .open_for_review()
        .select_related("court", "filer")
        .prefetch_related("parties")
        .green_first()
    )


# Steering to mediation (分调裁审): the rules of a court, a filing's facts, the
# recommendation (pure evaluation in `filings.steering`), the filings whose filer consented.


def steering_rules_for(court) -> list[steering.SteeringRule]:
    """The active rules for COURT: its own first, then the general ones, each by priority."""
    rows = MediationSteeringRule.objects.filter(is_active=True).filter(
        Q(court=court) | Q(court__isnull=True)
    )
    ordered = sorted(rows, key=lambda r: (r.court_id is None, r.priority, r.pk))
    return [
        steering.SteeringRule(
            name=r.name,
            reason=r.reason,
            reason_en=r.reason_en,
            recommend=r.recommend,
            pk=r.pk,
            kinds=tuple(r.kinds or ()),
            cause_codes=tuple(r.cause_codes or ()),
            max_amount=r.max_amount,
            min_amount=r.min_amount,
            party_kinds=tuple(r.party_kinds or ()),
            max_parties=r.max_parties,
            green=r.green,
        )
        for r in ordered
    ]


def cause_path(cause) -> tuple[str, ...]:
    """The cause's code and its parents' codes (at most four levels: one query a level)."""
    if cause is None:
        return ()
    path = [cause.code]
    parent = cause.parent_code
    entries = cause.version.entries
    while parent and parent not in path:
        path.append(parent)
        parent = entries.filter(code=parent).values_list("parent_code", flat=True).first() or ""
    return tuple(path)


def filing_facts(filing: Filing) -> steering.FilingFacts:
    return steering.FilingFacts(
        kind=filing.kind,
        type_code=type_code_of(filing.kind),
        cause_path=cause_path(filing.cause),
        amount=filing.amount,
        party_kinds=tuple(filing.parties.values_list("kind", flat=True)),
        is_green=filing.is_green,
    )


def mediation_recommendation(filing: Filing) -> steering.Recommendation | None:
    """What the rules say of FILING as it stands now: the deciding rule (which may steer
    away from mediation: `recommended` False), or None when no rule matches."""
    return steering.recommend(steering_rules_for(filing.court), filing_facts(filing))


def filings_consented_to_mediation(court):
    """The filings handed in to COURT, under review, whose filer agreed to mediate first:
    the ones the mediation flow takes up (oldest choice first)."""
    return (
        Filing.objects.filter(
            court=court,
            mediation_choice=MediationChoice.CONSENTED,
            status=FilingStatus.SUBMITTED,
        )
        .select_related("court", "filer", "cause")
        .order_by("mediation_choice_at", "id")
    )


STEERING_OPEN = (FilingStatus.DRAFT, FilingStatus.SUBMITTED, FilingStatus.CORRECTION_REQUESTED)


def mediation_state(filing: Filing) -> dict | None:
    """What the pages and the API show of steering, worded in the active language: the
    recommendation (the rules' answer now while the filing is open; the one answered
    once it is closed), and the choice made. None when nothing is recommended or chosen."""
    stored = filing.mediation_recommended or {}
    current = mediation_recommendation(filing) if filing.status in STEERING_OPEN else None
    if current is not None and current.recommended:
        recommended, rule, reasons = True, current.rule.name, current.texts()
    elif filing.mediation_choice and stored:
        recommended, rule = bool(stored.get("recommended")), str(stored.get("rule", ""))
        reasons = steering.stored_texts(stored)
    else:
        return None
    by = filing.mediation_choice_by
    return {
        "recommended": recommended,
        "rule": rule,
        "reasons": reasons,
        "choice": filing.mediation_choice,
        "choice_label": str(filing.get_mediation_choice_display()),
        "choice_at": filing.mediation_choice_at,
        "choice_by": by.full_name if by is not None else None,
        "answered_rule": str(stored.get("rule", "")) if filing.mediation_choice else "",
    }


def recommending_rule_names(courts) -> list[str]:
    """The names of the rules recommending mediation at COURTS (their own and the general
    ones), each once, for the clerk to ask about at the window."""
    names: list[str] = []
    for court in courts:
        for rule in steering_rules_for(court):
            if rule.recommend and rule.name not in names:
                names.append(rule.name)
    return names
