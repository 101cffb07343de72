from __future__ import annotations

import pytest

from vn_postal_nlp.corpus.rules import check_record
from vn_postal_nlp.corpus.source import parse_document, split_documents
from vn_postal_nlp.errors import CorpusFormatError


def parse(body: str, topic: str = "result") -> dict:
    docs = split_documents(f"@@ d1 {topic}\n{body}\n", "test.txt")
    assert len(docs) == 1
    return parse_document(docs[0])


def test_marks_become_exact_offsets() -> None:
    record = parse("[Bưu điện tỉnh [Hà Nam]{LOC}]{e1.recipient} [nhận]{e1=AWARD} [Bằng khen]{e1.award} \\[1\\].")
    text = record["text"]
    assert text == "Bưu điện tỉnh Hà Nam nhận Bằng khen [1]."
    (ent,) = record["entities"]
    assert text[ent["start"] : ent["end"]] == "Hà Nam"
    (event,) = record["events"]
    assert event["trigger"]["text"] == "nhận"
    assert [(a["role"], a["text"]) for a in event["arguments"]] == [
        ("recipient", "Bưu điện tỉnh Hà Nam"), ("award", "Bằng khen")]


@pytest.mark.parametrize(
    ("mark", "value"),
    [
        ("[12,5 tỷ đồng]{MONEY=12500000000:VND}", {"amount": 12500000000, "currency": "VND"}),
        ("[21.000 đến 23.000 tỷ đồng]{MONEY=21000000000000..23000000000000:VND}",
         {"amount": 21000000000000, "amount_max": 23000000000000, "currency": "VND"}),
        ("[78,7 USD]{MONEY=78.7:USD}", {"amount": 78.7, "currency": "USD"}),  # cents are kept
        ("[3,2 tỷ yên]{MONEY=3200000000:JPY}", {"amount": 3200000000, "currency": "JPY"}),
        ("[8,2%]{PERCENT=8.2}", 8.2),
        ("[10 - 15%]{PERCENT=10..15}", [10, 15]),
        ("[quý III/2024]{DATE=2024-Q3}", "2024-Q3"),
        ("[6 tháng đầu năm]{DATE=--01/--06}", "--01/--06"),
    ],
)
def test_values_are_read(mark: str, value: object) -> None:
    assert parse(mark)["entities"][0]["value"] == value


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[Hà Nam có", "never closed"),
        ("Hà Nam]{LOC}", "without an opening"),
        ("[Hà Nam] có", "must be followed"),
        ("[Hà Nam]{}", "empty annotation"),
        ("[Hà Nam]{CITY}", "unknown annotation"),
        ("[5 tỷ]{MONEY}", "needs a value"),
        ("[5 tỷ]{MONEY=5e9}", "bad MONEY value"),
        ("[đạt]{e1=RESULT}", "has no arguments"),
        ("[doanh thu]{e1.metric}", "no trigger"),
        ("[đạt]{e1=RESULT} [Bằng khen]{e1.award}", "not one of RESULT"),
        ("[ Hà Nam]{LOC}", "outer spaces"),
        ("a { b", "stray"),
    ],
)
def test_format_errors_name_the_problem(body: str, message: str) -> None:
    with pytest.raises(CorpusFormatError, match=message):
        parse(body)


def test_bad_header_names_file_and_line() -> None:
    with pytest.raises(CorpusFormatError, match=r"test.txt:2: unknown topic"):
        split_documents("\n@@ d1 gossip\ntext", "test.txt")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("ông [Ông Nguyễn An]{PER}", "title/honorific"),
        ("[Giám đốc Lê Bình]{PER}", "title/honorific"),
        ("[hơn 5 tỷ đồng]{MONEY=5000000000:VND}", "qualifier"),
        ("[tăng 5%]{PERCENT=5}", "qualifier"),
        ("[sáng 12/1]{DATE=--01-12}", "stays outside"),
        ("[Sở Y tế [Hà]{LOC}]{ORG}", "overlaps"),
        ("[đạt]{e1=RESULT} [Sở Y tế]{LOC e1.org}", "must be a ORG"),
        ("[đạt]{e1=RESULT} [5 tỷ]{e1.amount}", "must be a MONEY/PERCENT"),
    ],
)
def test_rules_catch_guideline_breaks(body: str, message: str) -> None:
    assert any(message in m for m in check_record(parse(body)))


def test_clean_record_has_no_rule_breaks() -> None:
    body = "Giám đốc [Sở Y tế]{ORG} [Lê Bình]{PER} cho biết [năm 2025]{DATE=2025} chi hơn [5 tỷ đồng]{MONEY=5000000000:VND}."
    assert list(check_record(parse(body))) == []
