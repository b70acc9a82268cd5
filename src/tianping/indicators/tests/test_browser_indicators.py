"""The indicator pages in a real browser, in Chinese, at phone and desktop widths: the
president 陈志 (内2502) opens the indicator page (the old dashboard's address leads there),
sees the table and the trend charts drawn, and drills from 结案率's numerator to the list
of the cases behind it, as many as the figure; the pages read well in Chinese."""

import pytest
from django.utils import timezone

from tianping.courts.models import Court
from tianping.indicators.tests.test_compute import case
from tianping.lib.testing.browser import DESKTOP, assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def this_year(demo):
    """内2502 this year: four cases received, three of them closed, one left pending."""
    today = timezone.localdate()
    first = today.replace(month=1, day=1)
    for n in range(4):
        case(Court.objects.get(code="内2502"), filed=first, closed=today if n < 3 else None,
             judge=demo["wangjun"])


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_president_drills_from_a_rate_to_its_cases(page, demo, this_year, size):
    if size == "desktop":
        page.set_viewport_size(DESKTOP)
    sign_in(page, "chenzhi")
    page.goto(page.base_url + "/cases/dashboard/")
    page.wait_for_url("**/indicators/**")
    body = page.inner_text("main")
    assert "审判质效指标" in body and "结案率" in body and "传统指标" in body
    page.wait_for_selector(".ind-chart canvas")  # ECharts drew the trends
    assert page.locator(".ind-chart canvas").count() >= 3
    assert_reads_well(page, "zh-hans")
    shoot(page, f"indicators-court-{size}")

    numerator = page.locator("tr[data-code=closure_rate] td:nth-child(3) a").first
    figure = int(numerator.inner_text().replace(",", ""))
    assert figure >= 3
    with page.expect_navigation():
        numerator.click()
    heading = page.inner_text("main h1")
    assert "结案率" in heading and "分子" in heading
    assert page.locator("table.ind-cases tbody tr").count() == min(figure, 50)
    assert f"{figure}件案件" in page.inner_text(".ind-total")
    assert_reads_well(page, "zh-hans")
    shoot(page, f"indicators-cases-{size}")
