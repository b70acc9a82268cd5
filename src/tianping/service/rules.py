"""The rules of service as pure computation (no ORM; dates as arguments).

- Public notice (公告送达): served when 30 days have passed from publication (民事诉讼法
  art. 95), 60 days for a party not domiciled in the mainland (art. 283); the publication
  date is the last posting or publication (民诉解释 art. 138). Counted like any period, the
  day of publication not counted (art. 85): published on 1 March, served on 31 March.
  Whether a last day on a rest day moves is not said for this "视为送达" date; it does not
  move here (a choice of the platform).
- Not under summary procedure or small claims (民诉解释 art. 140; 2019 审限规定 art. 4): the
  case must be converted to ordinary procedure first.
- Several channels: the earliest effective one counts (在线诉讼规则 arts. 29-33, domain
  reference §3.3).
"""

import datetime

PUBLIC_NOTICE_DAYS = 30
PUBLIC_NOTICE_DAYS_ABROAD = 60
NO_PUBLIC_NOTICE = frozenset({"summary", "small_claims"})


def public_notice_effective_on(published_on: datetime.date, *, abroad: bool) -> datetime.date:
    days = PUBLIC_NOTICE_DAYS_ABROAD if abroad else PUBLIC_NOTICE_DAYS
    return published_on + datetime.timedelta(days=days)


def public_notice_allowed(procedure: str) -> bool:
    return procedure not in NO_PUBLIC_NOTICE


def earliest(attempts):
    """The attempt that counts: the earliest effective date, then the earliest moment, then
    the first made; None while none is effective. ATTEMPTS: objects with `effective_on`,
    `effective_at` (may be None) and `pk`."""
    done = [a for a in attempts if a.effective_on is not None]
    if not done:
        return None
    far = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    return min(done, key=lambda a: (a.effective_on, a.effective_at or far, a.pk))
