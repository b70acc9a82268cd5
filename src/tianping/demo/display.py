"""A big screen (电子展示屏) for the demo court 内2502, made by its president 陈志, so that
`tianping demo` can print an address to open (issue 13 part 5). Only once: a token is
kept hashed and cannot be shown again; later runs make none."""

from django.contrib.auth import get_user_model

from tianping.courts.models import Court
from tianping.indicators.display import create_token
from tianping.indicators.models import DisplayToken

LABEL = "立案大厅屏（演示）"


def load_demo_display() -> str:
    """The new screen's path (/indicators/display/<token>/), or "" when it exists."""
    court = Court.objects.filter(code="内2502").first()
    president = get_user_model().objects.filter(username="chenzhi").first()
    if court is None or president is None or DisplayToken.objects.filter(
            court=court, label=LABEL).exists():
        return ""
    _row, token = create_token(court=court, label=LABEL, actor=president)
    return f"/indicators/display/{token}/"
