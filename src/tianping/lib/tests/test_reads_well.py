"""The scan of what a page shows (lib/testing/browser.problems): it finds the real problems
and lets legitimate content through."""

import pytest

from tianping.lib.testing.browser import problems


@pytest.mark.parametrize(
    "text",
    [
        "王军 wangjun 内2502 （2026）内2502民初15号",
        "联系邮箱：li_xia@court.example；网址 https://court.example/a_b",
        "张三 152502********0022 13800000001 2026-12-01 10:30",
        "（2026）内2502民初15号结案文书.pdf 案件受理费：150.00 元",
        "锡林浩特市人民法院 · 民事审判第一庭",
        "立案庭 刑事审判庭",
        "判决书(1).pdf · Zhang San (ZS) 2026-12-09",
    ],
)
def test_legitimate_chinese_content_passes(text):
    assert problems(text, "zh-hans") == []


@pytest.mark.parametrize(
    "text",
    [
        "Divisions\nNone\nFee: 150.00 yuan",
        "Handed in by zhangsan (li_xia@court.example) at Xilinhot People's Court",
        "Case (2026)内2502民初15号: filed",
    ],
)
def test_legitimate_english_content_passes(text):
    assert problems(text, "en") == []


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("提交时间 review_due_on 2026-12-08", "a raw key"),
        ("已提交\nchannel: online", "a raw key as a caption"),
        ("suspension: 2026-10-01", "a raw key as a caption"),
        ("当事人 ['张三', '李四']", "a Python value"),
        ("备注 None", "a Python value"),
        ("案件受理费 150.00000 元", "an amount with too many decimals"),
        ("渠道: 网上立案", "ASCII punctuation in Chinese"),
        ("原告(张三)", "ASCII punctuation in Chinese"),
        ("结案方式 02 (判决)", "ASCII brackets around Chinese"),
        ("审查期限 2026-12-09 (剩余 7 天)", "ASCII brackets around Chinese"),
        ("王军 (for 李四)", "ASCII brackets around Chinese"),
        ("天平 天平", "a label said twice"),
        ("刑事审判庭 刑事审判庭", "a label said twice"),
        ("下一步 Back to the list of filings", "English on a Chinese page"),
    ],
)
def test_real_problems_are_found_on_a_chinese_page(text, what):
    found = problems(text, "zh-hans")
    assert any(f.startswith(what) for f in found), found


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Filed\nchannel: online", "a raw key as a caption"),
        ("Review due by: review_due_on", "a raw key"),
        ("Items: ['a', 'b']", "a Python value"),
        ("Fee: 150.00000 yuan", "an amount with too many decimals"),
    ],
)
def test_real_problems_are_found_on_an_english_page(text, what):
    found = problems(text, "en")
    assert any(f.startswith(what) for f in found), found
