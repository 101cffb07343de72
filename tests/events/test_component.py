"""The shipped event model on clear cases of each type (GUIDELINES §2)."""

from __future__ import annotations

import pytest


def events_of(nlp, text: str) -> list[dict]:  # noqa: ANN001
    return nlp(text)._.events


def roles(event: dict) -> set[tuple[str, str]]:
    return {(a["role"], a["text"]) for a in event["arguments"]}


@pytest.mark.parametrize(
    ("text", "etype", "trigger", "expected"),
    [
        ("Năm 2025, Bưu điện tỉnh Thái Bình đạt tổng doanh thu 210 tỷ đồng, tăng 9% so với năm 2024.",
         "RESULT", "đạt", {("org", "Bưu điện tỉnh Thái Bình"), ("metric", "tổng doanh thu"),
                           ("amount", "210 tỷ đồng"), ("change", "9%"), ("period", "Năm 2025")}),
        ("Năm 2026, Bưu điện tỉnh Ninh Bình phấn đấu doanh thu đạt 180 tỷ đồng.",
         "TARGET", "phấn đấu", {("org", "Bưu điện tỉnh Ninh Bình"), ("amount", "180 tỷ đồng"),
                                ("period", "Năm 2026")}),
        ("Sáng 5/1, Bưu điện tỉnh Lào Cai tổ chức hội nghị triển khai kế hoạch kinh doanh năm 2026.",
         "PLAN_LAUNCH", "triển khai", {("organiser", "Bưu điện tỉnh Lào Cai")}),
        ("Tại buổi lễ, Tổng công ty Bưu điện Việt Nam trao Cờ thi đua cho Bưu điện tỉnh Sơn La.",
         "AWARD", "trao", {("giver", "Tổng công ty Bưu điện Việt Nam"), ("award", "Cờ thi đua"),
                           ("recipient", "Bưu điện tỉnh Sơn La")}),
    ],
)
def test_each_event_type(nlp, text: str, etype: str, trigger: str, expected: set) -> None:  # noqa: ANN001
    found = [e for e in events_of(nlp, text) if e["type"] == etype]
    assert found, events_of(nlp, text)
    assert found[0]["trigger"]["text"] == trigger
    assert expected <= roles(found[0])


def test_two_figures_in_one_sentence_are_two_events(nlp) -> None:  # noqa: ANN001
    text = ("Năm 2025, doanh thu dịch vụ chuyển phát của Bưu điện tỉnh Hòa Bình đạt 40 tỷ đồng, tăng 12%; "
            "doanh thu tài chính bưu chính đạt 25 tỷ đồng.")
    results = [e for e in events_of(nlp, text) if e["type"] == "RESULT"]
    amounts = {a["text"] for e in results for a in e["arguments"] if a["role"] == "amount"}
    assert len(results) == 2 and amounts == {"40 tỷ đồng", "25 tỷ đồng"}


def test_org_is_resolved_across_sentences(nlp) -> None:  # noqa: ANN001
    text = ("Bưu điện tỉnh Yên Bái tổ chức hội nghị tổng kết năm 2025.\n"
            "Năm 2025, đơn vị đạt tổng doanh thu 95 tỷ đồng, tăng 7%.")
    (result,) = [e for e in events_of(nlp, text) if e["type"] == "RESULT"]
    (org,) = [a for a in result["arguments"] if a["role"] == "org"]
    assert org["text"] == "Bưu điện tỉnh Yên Bái" and org["end"] < text.index("\n")
    assert result["sentence"] == 1


@pytest.mark.parametrize(
    ("text", "etype", "role", "body"),
    [
        ("Sáng 8/1, Bưu điện tỉnh Tuyên Quang tổ chức hội nghị tổng kết năm 2025.\n"
         "Hội nghị đã phát động phong trào thi đua “Về đích sớm” năm 2026.",
         "PLAN_LAUNCH", "organiser", "Bưu điện tỉnh Tuyên Quang"),
        ("Chiều 20/3, Công ty Điện lực Quảng Bình kỷ niệm 45 năm thành lập.\n"
         "Thừa ủy quyền của Chủ tịch nước, Phó Chủ tịch UBND tỉnh Trần Phong trao Huân chương Lao động hạng Ba cho công ty.",
         "AWARD", "recipient", "Công ty Điện lực Quảng Bình"),
    ],
)
def test_a_generic_organiser_or_recipient_resolves_to_the_body_named_before(
    nlp, text: str, etype: str, role: str, body: str,  # noqa: ANN001
) -> None:
    (event,) = [e for e in events_of(nlp, text) if e["type"] == etype]
    (arg,) = [a for a in event["arguments"] if a["role"] == role]
    assert arg["text"] == body and text[arg["start"]:arg["end"]] == body
    assert arg["end"] < text.index("\n") and event["sentence"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Bưu điện tỉnh Bạc Liêu tổ chức hội nghị khách hàng năm 2025.\n"
        "Dịp này, Bưu điện tỉnh Bạc Liêu trao danh hiệu “Giao dịch viên thân thiện” cho 12 giao dịch viên.",
        "Dịp này, Hiệp hội Thương mại điện tử Việt Nam biểu dương 20 nhà bán hàng nhỏ và vừa.",
    ],
)
def test_the_giver_is_never_also_resolved_as_the_recipient(nlp, text: str) -> None:  # noqa: ANN001
    (award,) = [e for e in events_of(nlp, text) if e["type"] == "AWARD"]
    givers = {a["text"] for a in award["arguments"] if a["role"] == "giver"}
    recipients = {a["text"] for a in award["arguments"] if a["role"] == "recipient"}
    assert givers and not givers & recipients


@pytest.mark.parametrize(
    "text",
    [
        "Ông Nguyễn Văn Hải, Giám đốc Bưu điện tỉnh Hà Giang, đã đến thăm xã Lũng Cú vào ngày 3/5.",
        "Bưu điện tỉnh Phú Thọ có 120 điểm phục vụ và 45.300 bưu gửi mỗi tháng.",
        "Chị Lan ở Hà Nội cho biết giá vàng hôm nay là 8 triệu đồng một chỉ.",
    ],
)
def test_sentences_with_entities_but_no_event_give_none(nlp, text: str) -> None:  # noqa: ANN001
    doc = nlp(text)
    assert doc.ents and doc._.events == []
