from __future__ import annotations

import pytest

from vn_postal_nlp.values import date_value, dateline_year, lunar_year, money_value, parse_number, percent_value

VND, USD = "VND", "USD"

MONEY = [
    ("12,5 tỷ đồng", 12_500_000_000, VND),
    ("800 triệu đồng", 800_000_000, VND),
    ("3.000 USD", 3_000, USD),
    ("1,2 nghìn tỷ đồng", 1_200_000_000_000, VND),
    ("1,2 ngàn tỷ đồng", 1_200_000_000_000, VND),
    ("3.280 tỷ", 3_280_000_000_000, VND),
    ("2 tỉ đồng", 2_000_000_000, VND),
    ("1,5 triệu USD", 1_500_000, USD),
    ("2 tỷ đô la Mỹ", 2_000_000_000, USD),
    ("500.000 đồng", 500_000, VND),
    ("1.250,5 tỷ đồng", 1_250_500_000_000, VND),
    ("45 VNĐ", 45, VND),
    ("700 nghìn đồng", 700_000, VND),
    ("1 tỷ 200 triệu đồng", 1_200_000_000, VND),
    ("âm 5 tỷ đồng", -5_000_000_000, VND),
    ("0,5 tỷ VND", 500_000_000, VND),
    ("2,28 triệu tỷ đồng", 2_280_000_000_000_000, VND),
    ("12 ti\u0309 đô\u0300ng", 12_000_000_000, VND),  # NFD
    ("150 triệu đô la Mỹ", 150_000_000, USD),
    ("1.000.000 đồng", 1_000_000, VND),
]


@pytest.mark.parametrize(("text", "amount", "currency"), MONEY)
def test_money(text: str, amount: int, currency: str) -> None:
    assert money_value(text) == {"amount": amount, "currency": currency}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("21.000 đến 23.000 tỷ đồng", 21_000_000_000_000, 23_000_000_000_000),
        ("10 - 15 tỷ đồng", 10_000_000_000, 15_000_000_000),
        ("3 - 5 triệu USD", 3_000_000, 5_000_000),
        ("800 triệu đến 1 tỷ đồng", 800_000_000, 1_000_000_000),
    ],
)
def test_money_ranges(text: str, low: int, high: int) -> None:
    value = money_value(text)
    assert value["amount"] == low and value["amount_max"] == high


PERCENT = [
    ("18,4%", 18.4),
    ("105 %", 105),
    ("12 phần trăm", 12),
    ("0,97%", 0.97),
    ("100%", 100),
    ("âm 2,5%", -2.5),
    ("1.5%", 1.5),
    ("10 - 15%", [10, 15]),
    ("7-8%", [7, 8]),
    ("3,5 - 4 phần trăm", [3.5, 4]),
]


@pytest.mark.parametrize(("text", "value"), PERCENT)
def test_percent(text: str, value: object) -> None:
    assert percent_value(text) == value


DATES = [
    ("năm 2025", None, "2025"),
    ("Năm 2025", None, "2025"),
    ("2025", None, "2025"),
    ("quý III/2024", None, "2024-Q3"),
    ("quý 3/2024", None, "2024-Q3"),
    ("quý I năm 2025", None, "2025-Q1"),
    ("quý III", None, "--Q3"),
    ("quý IV", 2025, "--Q4"),
    ("tháng 6/2023", None, "2023-06"),
    ("tháng 06/2023", None, "2023-06"),
    ("tháng 12 năm 2025", None, "2025-12"),
    ("tháng 6", None, "--06"),
    ("ngày 2/9", None, "--09-02"),
    ("ngày 2/9", 2025, "2025-09-02"),
    ("12/1", 2026, "2026-01-12"),
    ("15/08/2013", None, "2013-08-15"),
    ("ngày 15/08/2013", 2025, "2013-08-15"),
    ("15-8-2013", None, "2013-08-15"),
    ("ngày 15 tháng 8 năm 2013", None, "2013-08-15"),
    ("giai đoạn 2021 - 2025", None, "2021/2025"),
    ("2021-2025", None, "2021/2025"),
    ("nhiệm kỳ 2020 - 2025", None, "2020/2025"),
    ("6 tháng đầu năm", None, "--01/--06"),
    ("6 tháng đầu năm 2017", None, "2017-01/2017-06"),
    ("Sáu tháng cuối năm", None, "--07/--12"),
    ("9 tháng năm 2025", None, "2025-01/2025-09"),
    ("nửa đầu năm 2025", None, "2025-01/2025-06"),
    ("15-8-1945 - 15-8-2013", None, "1945-08-15/2013-08-15"),
    ("tháng 6 - 8/2025", None, "2025-06/2025-08"),
    ("ngày 12/1 đến ngày 15/1/2026", None, "2026-01-12/2026-01-15"),
    ("Tết Đinh Dậu", None, "2017"),
    ("Tết Nguyên đán Ất Tỵ", None, "2025"),
    ("na\u0306m 2024", None, "2024"),  # NFD
]


@pytest.mark.parametrize(("text", "year", "value"), DATES)
def test_dates(text: str, year: int | None, value: str) -> None:
    assert date_value(text, dateline_year=year) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1.250,5", "1250.5"), ("45.300", "45300"), ("12,5", "12.5"), ("1.5", "1.5"), ("1.000.000", "1000000"),
     ("7", "7")],
)
def test_parse_number(raw: str, value: str) -> None:
    assert str(parse_number(raw)) == value


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("TIÊU ĐỀ\nHà Nam, ngày 12/1/2026\nSáng 11/1, ...", 2026),
        ("TIÊU ĐỀ\nThứ Hai, 12/01/2026 08:15\nNội dung", 2026),
        ("Kỷ niệm ngày giải phóng (10/10/1954 - 10/10/2024) với nhiều hoạt động lớn trong tháng\nNội dung", None),
        ("Không có ngày tháng nào\nở đây", None),
        ("TIÊU ĐỀ\nĐà Nẵng, ngày 9/1/2026 - (BĐVN) Chiều 8/1, Bưu điện thành phố tổ chức hội nghị tổng kết.", 2026),
        ("Hà Nội, 15/8/1945 - 15/8/2025: tám mươi năm một chặng đường của ngành bưu điện cả nước", None),
    ],
)
def test_dateline_year(text: str, year: int | None) -> None:
    assert dateline_year(text) == year


def test_lunar_year_is_nearest_cycle() -> None:
    assert lunar_year("giáp", "thìn", near=2025) == 2024
    assert lunar_year("nope", "thìn") is None


@pytest.mark.parametrize("text", ["", "tỷ đồng", "không có số"])
def test_unreadable_values_are_none(text: str) -> None:
    assert money_value(text) is None
    assert percent_value(text) is None
