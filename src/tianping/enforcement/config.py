"""The enforcement settings, each with its default (override in Django settings):

- ENFORCEMENT_MAJOR_AMOUNT: a case applying for at least this many yuan is major and is
  pooled under the bureau head (default 1,000,000).
- ENFORCEMENT_CLUE_DAYS: days the officer has to act on a party's clue (default 5: 2006
  执行期限规定, leads verified within 5 days).
- ENFORCEMENT_CHECK_MONTHS / ENFORCEMENT_CHECK_YEARS: after 终本, a property check every
  6 months for 5 years (UNSURE in the sources: hence settings).
- ENFORCEMENT_SEARCH_BACKEND: dotted path of the network-search backend class
  (`enforcement.backends.ManualBackend`: staff enter the answer)."""

from decimal import Decimal

from django.conf import settings


def major_amount() -> Decimal:
    return Decimal(str(getattr(settings, "ENFORCEMENT_MAJOR_AMOUNT", "1000000")))


def clue_days() -> int:
    return int(getattr(settings, "ENFORCEMENT_CLUE_DAYS", 5))


def check_months() -> int:
    return int(getattr(settings, "ENFORCEMENT_CHECK_MONTHS", 6))


def check_years() -> int:
    return int(getattr(settings, "ENFORCEMENT_CHECK_YEARS", 5))


def search_backend_path() -> str:
    return getattr(settings, "ENFORCEMENT_SEARCH_BACKEND",
                   "tianping.enforcement.backends.ManualBackend")
