import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tianping.courts.actions import create_court
from tianping.courts.choices import CourtLevel
from tianping.courts.models import Court

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "level", "parent", "message"),
    [
        ("内251", CourtLevel.INTERMEDIATE, "内", "两位数字"),
        ("内25021", CourtLevel.BASIC, "内25", "四位数字"),
        ("京2503", CourtLevel.BASIC, "内25", "必须以省份字“内”开头"),
        ("内蒙", CourtLevel.HIGH, "最高法", "一个汉字"),
        ("最高", CourtLevel.SUPREME, None, "最高法"),
    ],
)
def test_a_code_that_does_not_fit_the_level_is_refused_and_nothing_is_created(
    demo, code, level, parent, message
):
    before = Court.objects.count()
    with pytest.raises(ValidationError) as caught, translation.override("zh-hans"):
        create_court(
            actor=demo["platform"],
            code=code,
            name=f"测试法院{code}",
            level=level,
            parent=Court.objects.filter(code=parent).first(),
        )
    assert message in " ".join(caught.value.messages)
    assert Court.objects.count() == before


def test_a_basic_court_cannot_sit_directly_under_the_supreme_court(demo):
    with pytest.raises(ValidationError) as caught:
        create_court(
            actor=demo["platform"],
            code="内2599",
            name="测试法院",
            level=CourtLevel.BASIC,
            parent=Court.objects.get(code="最高法"),
        )
    assert "parent" in caught.value.message_dict


def test_a_valid_court_is_created_with_an_audit_entry(demo):
    court = create_court(
        actor=demo["platform"],
        code="内2524",
        name="苏尼特右旗人民法院",
        level=CourtLevel.BASIC,
        parent=Court.objects.get(code="内25"),
    )
    from tianping.audit.models import AuditEntry

    entry = AuditEntry.objects.get(action="court.created", object_id=str(court.pk))
    assert entry.actor == demo["platform"] and entry.changes["code"] == "内2524"
