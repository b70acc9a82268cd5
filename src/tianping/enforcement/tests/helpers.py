"""Enforcement cases made the way the platform makes them: an effective judgment of 王军's
(张三 plaintiff), 张三's online application, the filing clerk's acceptance."""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.appeals.tests.helpers import judged_case, serve_by_post
from tianping.cases.tests.closing import PDF
from tianping.flows import enforcement as flow
from tianping.flows.filing import accept_filing

DAY = datetime.timedelta(days=1)


def pdf(name="决定书.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def effective_judgment(demo, defendant_user=None):
    """A 民初 judgment closed 60 days ago, served on both parties 40 days ago."""
    today = timezone.localdate()
    case, judgment = judged_case(demo, filed_days_ago=90, closed_days_ago=60,
                                 defendant_user=defendant_user)
    for party in case.parties.all():
        serve_by_post(case, party, judgment, today - 40 * DAY, actor=demo["wangjun"])
    return case


def enforcement_case(demo, *, amount="50000", filed_days_ago=0, defendant_user=None):
    """张三's 执 case against 李四, accepted FILED_DAYS_AGO by 李霞."""
    origin = effective_judgment(demo, defendant_user)
    filing = flow.apply_online(origin, actor=demo["zhangsan"], amount=Decimal(amount),
                               request="强制执行判决确定的借款本息")
    on = timezone.localdate() - filed_days_ago * DAY
    case = accept_filing(filing, actor=demo["lixia"], today=on)
    case.refresh_from_db()
    return case


def assigned_case(demo, **kwargs):
    from tianping.enforcement import actions

    case = enforcement_case(demo, **kwargs)
    return actions.assign(case, actor=demo["hanlei"], officer=demo["gaofeng"], reason="")
