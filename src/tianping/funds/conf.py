"""The funds app's settings, each with its default (override in the Django settings).

- FUNDS_PAYOUT_DAYS (30): days from the finance department's arrival notice within which
  the money is paid out. The national rule (SPC 法发〔2017〕6号); local courts set shorter
  limits (5 days, 10 days, 1 month): set the court's own here.
- FUNDS_CLAIM_DAYS (3): days within which money arrived in the master account is claimed
  to its case (认领).
- FUNDS_RESUME_DAYS (10): days within which the money is paid out once the reason of a
  deferral ends. UNSURE: the sources read for the project give no national figure; 10 is
  the platform's default, to be set from the court's own rules.
- FUNDS_APPROVAL_TIERS: [(upper bound exclusive or None, roles that approve)], the first
  tier whose bound is above the amount applies. Default: below ¥100,000 the head of the
  case's division (执行局局长) or the president; at or above, the president.
- FUNDS_PAYMENT_BACKEND: the dotted path of the class that pays (funds/backends.py);
  default a manual backend where finance enters the bank's reference.
- FUNDS_STATEMENT_MAX_BYTES (2 MB), FUNDS_STATEMENT_MAX_ROWS (20,000): bounds of an
  imported bank statement.
"""

from decimal import Decimal

from django.conf import settings

DEFAULT_TIERS = [(Decimal("100000"), ("division_head", "president")), (None, ("president",))]


def payout_days() -> int:
    return int(getattr(settings, "FUNDS_PAYOUT_DAYS", 30))


def claim_days() -> int:
    return int(getattr(settings, "FUNDS_CLAIM_DAYS", 3))


def resume_days() -> int:
    return int(getattr(settings, "FUNDS_RESUME_DAYS", 10))  # UNSURE: see above


def approval_tiers():
    return getattr(settings, "FUNDS_APPROVAL_TIERS", DEFAULT_TIERS)


def payment_backend_path() -> str:
    return getattr(settings, "FUNDS_PAYMENT_BACKEND", "tianping.funds.backends.ManualBackend")


def statement_max_bytes() -> int:
    return int(getattr(settings, "FUNDS_STATEMENT_MAX_BYTES", 2 * 1024 * 1024))


def statement_max_rows() -> int:
    return int(getattr(settings, "FUNDS_STATEMENT_MAX_ROWS", 20000))
