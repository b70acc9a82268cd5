"""The steps of a payment order (督促程序) that close its case or open another: each one
transaction calling the actions of `payorders`, `cases` (through `flows.cases.close_case`)
and `filings`.

- `dismiss`: the application does not stand (民事诉讼法 art. 227 ¶1): a ruling closes the
  case.
- `terminate`: the debtor objected in time; the judge rules to terminate the procedure
  (终结督促程序, art. 228 ¶1) and the ruling closes the case.
- `creditor_answer`: the creditor, told of the ruling, agrees to a suit (it is handed in at
  once) or does not want one (民诉解释 art. 438, within seven days of receiving the ruling).
- `hand_in_suit`: seven days after the ruling reached the creditor without an answer, the
  case's judge or the filing division hands the suit in (art. 228 ¶2: 转入诉讼程序).
- `take_effect`: nobody objected within fifteen days of service: the order is in effect
  and can be enforced (art. 227 ¶3); the case closes.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tianping.cases.choices import ClosureMode
from tianping.cases.events import case_event
from tianping.filings import actions as filing_actions
from tianping.flows.cases import close_case
from tianping.lib.money import money_text
from tianping.lib.text import bounded_text
from tianping.payorders import actions as orders
from tianping.payorders import permissions as perms
from tianping.payorders.choices import OrderStatus


def _close_with_ruling(case, order, *, actor, acted_for, today, mode, note, **extra):
    upload = orders.render_document(
        case, "payorders/documents/termination_ruling.html", _("Civil ruling"),
        actor=actor, today=today, order=order, **extra)
    case = orders.ready_for_ruling(case, actor=actor, acted_for=acted_for)
    case = close_case(case, actor=actor, acted_for=acted_for, mode=mode, closed_on=today,
                      note=note, documents=[upload])
    return case, case.documents.order_by("-id").first()


def dismiss(case, *, actor, reasons: str, acted_for=None, today=None):
    """The judge dismisses the application by ruling (not appealable)."""
    today = today or timezone.localdate()
    perms.require_judge(acted_for or actor, case)
    reasons = bounded_text(reasons, orders.TEXT_LENGTH, "reasons", required=True,
                           message=_("Give the reasons for dismissing the application."))
    with transaction.atomic():
        order = orders.order_of(case)
        if order.status != OrderStatus.ACCEPTED:
            raise ValidationError(_("Only an application not yet decided can be dismissed."))
        case, ruling = _close_with_ruling(case, order, actor=actor, acted_for=acted_for,
                                          today=today, mode=ClosureMode.RULING,
                                          note=_("Application dismissed"), terminated=False,
                                          reasons=reasons)
        order = orders.mark(order, OrderStatus.DISMISSED, dismissal_reasons=reasons,
                            ruling_document=ruling)
        case_event(case, "payment_order_dismissed", actor=actor, acted_for=acted_for)
    return order


def terminate(case, *, actor, acted_for=None, today=None):
    """The judge rules to terminate the procedure on the debtor's objection."""
    today = today or timezone.localdate()
    perms.require_judge(acted_for or actor, case)
    with transaction.atomic():
        order = orders.order_of(case)
        if order.status != OrderStatus.OBJECTED:
            raise ValidationError(_("The procedure is terminated on a debtor's objection: "
                                    "there is none."))
        case, ruling = _close_with_ruling(
            case, order, actor=actor, acted_for=acted_for, today=today,
            mode=ClosureMode.TERMINATION, note=_("Payment order procedure terminated"),
            terminated=True)
        order = orders.mark(order, OrderStatus.TERMINATED, terminated_on=today,
                            ruling_document=ruling)
        case_event(case, "payment_order_terminated", actor=actor, acted_for=acted_for)
    return order


def _suit_claims(case, order) -> str:
    """The suit's claims: the money the order asked for, and the application's own words.
    Written in Chinese, the court's language, like the papers a clerk types."""
    with translation.override("zh-hans"):
        return _("Order the defendant to pay the plaintiff %(amount)s yuan.\n(The application "
                 "for a payment order asked: %(claims)s)") % {
                     "amount": money_text(order.amount), "claims": case.claims}


def _suit(case, order, *, actor, acted_for, today):
    filing = filing_actions.hand_in_suit_after_payment_order(
        court=case.court, parties=list(case.parties.prefetch_related("representatives")),
        actor=actor, case_number=case.number, claims=_suit_claims(case, order),
        facts=case.filing.facts if case.filing_id else "", amount=case.amount,
        cause=case.cause, today=today)
    order = orders.mark(order, OrderStatus.LITIGATION, litigation_filing=filing)
    case_event(case, "payment_order_to_suit", actor=actor, acted_for=acted_for,
               filing=filing.code)
    return order


def creditor_answer(case, *, actor, want_suit: bool, acted_for=None, today=None):
    """The creditor's answer to the termination: a suit now, or none (within the seven
    days of receiving the ruling, while they run or before it is served)."""
    today = today or timezone.localdate()
    if not perms.creditor_parties(acted_for or actor, case).exists():
        perms.require_window(acted_for or actor, case)  # handed in on paper at the court
    with transaction.atomic():
        order = orders.order_of(case)
        if order.status != OrderStatus.TERMINATED:
            raise ValidationError(_("There is no terminated payment order to answer."))
        window = orders.creditor_window(case, order)
        if window["due"] is not None and today > window["due"]:
            raise ValidationError(
                _("The seven days from the ruling's service on %(served)s ended on %(due)s.")
                % {"served": window["served_on"], "due": window["due"]})
        if want_suit:
            return _suit(case, order, actor=actor, acted_for=acted_for, today=today)
        order = orders.mark(order, OrderStatus.NO_SUIT)
        case_event(case, "payment_order_no_suit", actor=actor, acted_for=acted_for)
    return order


def hand_in_suit(case, *, actor, acted_for=None, today=None):
    """The creditor said nothing within the seven days: the dispute goes to litigation."""
    today = today or timezone.localdate()
    perms.require_window(acted_for or actor, case)
    with transaction.atomic():
        order = orders.order_of(case)
        if order.status != OrderStatus.TERMINATED:
            raise ValidationError(_("There is no terminated payment order to turn into a "
                                    "suit."))
        window = orders.creditor_window(case, order)
        if window["due"] is None or today <= window["due"]:
            raise ValidationError(
                _("The creditor has seven days from receiving the ruling to say they want no "
                  "suit: wait until they have passed (%(due)s).")
                % {"due": window["due"] or _("the ruling is not yet served")})
        return _suit(case, order, actor=actor, acted_for=acted_for, today=today)


def take_effect(case, *, actor, acted_for=None, today=None):
    """No objection within the fifteen days: the judge records the order in effect."""
    today = today or timezone.localdate()
    perms.require_judge(acted_for or actor, case)
    with transaction.atomic():
        order = orders.order_of(case)
        day = orders.check_can_take_effect(case, order, today)
        case = orders.ready_for_ruling(case, actor=actor, acted_for=acted_for)
        case = close_case(case, actor=actor, acted_for=acted_for, mode=ClosureMode.OTHER,
                          closed_on=today, note=_("Payment order in effect"))
        order = orders.mark(order, OrderStatus.EFFECTIVE, effective_on=day)
        case_event(case, "payment_order_effective", actor=actor, acted_for=acted_for,
                   effective_on=day)
    return order
