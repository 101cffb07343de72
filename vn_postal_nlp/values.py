"""Normalised values of MONEY, PERCENT and DATE spans (GUIDELINES §1).

>>> money_value("12,5 tỷ đồng")
{'amount': 12500000000, 'currency': 'VND'}
>>> percent_value("18,4%")
18.4
>>> date_value("quý III/2024")
'2024-Q3'
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from vn_postal_nlp.text.normalise import norm_text

Number = int | float

SCALES = {
    "nghìn tỷ": Decimal(10) ** 12, "ngàn tỷ": Decimal(10) ** 12, "nghìn tỉ": Decimal(10) ** 12,
    "ngàn tỉ": Decimal(10) ** 12, "triệu tỷ": Decimal(10) ** 15,
    "tỷ": Decimal(10) ** 9, "tỉ": Decimal(10) ** 9, "triệu": Decimal(10) ** 6,
    "nghìn": Decimal(10) ** 3, "ngàn": Decimal(10) ** 3, "trăm": Decimal(100),
    "tr": Decimal(10) ** 6, "k": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
}
_SCALE_RE = "|".join(sorted((re.escape(s) for s in SCALES), key=len, reverse=True))
_NUM_RE = r"\d+(?:[.,]\d+)*"
_AMOUNT = re.compile(rf"({_NUM_RE})\s*({_SCALE_RE})?(?![^\W\d_])")
_RANGE_SPLIT = re.compile(r"\s*(?:đến|tới|–|—|~|-)\s*")
_CURRENCIES = (
    (re.compile(r"usd|đô\s*la|\$|dollar"), "USD"),
    (re.compile(r"eur|euro|€"), "EUR"),
    (re.compile(r"yên|jpy"), "JPY"),
    (re.compile(r"nhân dân tệ|cny"), "CNY"),
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
CAN = ("canh", "tân", "nhâm", "quý", "giáp", "ất", "bính", "đinh", "mậu", "kỷ")
CHI = ("thân", "dậu", "tuất", "hợi", "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi")


def parse_number(raw: str) -> Decimal:
    """Read a Vietnamese-written number: ``1.250,5`` → 1250.5, ``45.300`` → 45300, ``12,5`` → 12.5."""
    if "," in raw and "." in raw:
        last = max(raw.rfind(","), raw.rfind("."))
        integer, frac = raw[:last], raw[last + 1 :]
        raw = re.sub(r"[.,]", "", integer) + "." + frac
    elif "," in raw:
        parts = raw.split(",")
        raw = "".join(parts[:-1]) + "." + parts[-1] if len(parts) == 2 else "".join(parts)
    elif "." in raw:
        parts = raw.split(".")
        if not all(len(p) == 3 for p in parts[1:]):
            raw = "".join(parts[:-1]) + "." + parts[-1]
        else:
            raw = "".join(parts)
    try:
        return Decimal(raw)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {raw!r}") from exc


def _plain(value: Decimal) -> Number:
    return int(value) if value == value.to_integral_value() else float(value)


def _amounts(text: str) -> list[Decimal]:
    """Each amount of a range part; ``1 tỷ 200 triệu`` sums into one amount."""
    parts: list[tuple[Decimal, str | None]] = []
    for part in _RANGE_SPLIT.split(text):
        found = list(_AMOUNT.finditer(part))
        if found:
            total = sum(parse_number(m[1]) * SCALES.get(m[2] or "", Decimal(1)) for m in found)
            parts.append((Decimal(total), found[-1][2]))
    if len(parts) == 2 and parts[0][1] is None and parts[1][1]:  # "21.000 đến 23.000 tỷ"
        parts[0] = (parts[0][0] * SCALES[parts[1][1]], parts[1][1])
    return [amount for amount, _ in parts]


def money_value(text: str) -> dict[str, object] | None:
    """``{"amount", ["amount_max"], "currency"}`` for a MONEY span, or None when unreadable."""
    low = norm_text(text).lower()
    currency = next((code for pattern, code in _CURRENCIES if pattern.search(low)), "VND")
    amounts = _amounts(low)
    if not amounts:
        return None
    sign = -1 if re.match(r"\s*(?:âm|-)\s*\d", low) else 1
    value: dict[str, object] = {"amount": _plain(sign * amounts[0])}
    if len(amounts) > 1:
        value["amount_max"] = _plain(amounts[1])
    value["currency"] = currency
    return value


def percent_value(text: str) -> Number | list[Number] | None:
    """The number of a PERCENT span (``18,4%`` → 18.4); a range gives ``[low, high]``."""
    low = norm_text(text).lower()
    numbers = [parse_number(n) for n in re.findall(_NUM_RE, low)]
    if not numbers:
        return None
    sign = -1 if re.match(r"\s*(?:âm|-)\s*\d", low) else 1
    if len(numbers) >= 2:
        return [_plain(sign * numbers[0]), _plain(numbers[1])]
    return _plain(sign * numbers[0])


def _day(d: int | str, m: int | str, y: int | str | None) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}" if y else f"--{int(m):02d}-{int(d):02d}"


def _month(m: int | str, y: int | str | None) -> str:
    return f"{int(y):04d}-{int(m):02d}" if y else f"--{int(m):02d}"


def _year_of(text: str) -> str | None:
    m = re.search(r"(?<!\d)(\d{4})(?!\d)", text)
    return m[1] if m else None


def lunar_year(can: str, chi: str, *, near: int = 2025) -> int | None:
    """Solar year of a lunar-year name (``Đinh Dậu`` → 2017), the one nearest ``near``."""
    if can not in CAN or chi not in CHI:
        return None
    for year in sorted(range(near - 59, near + 60), key=lambda y: abs(y - near)):
        if CAN[year % 10] == can and CHI[year % 12] == chi:
            return year
    return None


_DMY = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?!\d)")
_DMY_WORDS = re.compile(r"(?:ngày\s*)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?")
_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{4})(?!\d)")
_QUARTER = re.compile(r"(?:quý|q)\s*(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|năm|-)\s*(\d{4}))?")
_MONTH = re.compile(r"tháng\s*(\d{1,2})(?:\s*(?:/|năm|-)\s*(\d{4}))?(?!\s*tháng)")
_FIRST_MONTHS = re.compile(r"(\d{1,2})\s*tháng(?:\s*(đầu|cuối))?(?:\s*năm)?(?:\s*(\d{4}))?")
_HALF = re.compile(r"nửa\s*(đầu|cuối)\s*năm(?:\s*(\d{4}))?")
_YEAR_RANGE = re.compile(r"(\d{4})\s*[-–—/]\s*(\d{4})|(\d{4})\s*(?:đến|tới)\s*(?:năm\s*)?(\d{4})")
_LUNAR = re.compile(rf"\b({'|'.join(CAN)})\s+({'|'.join(CHI)})\b")


def _single_date(low: str, year: int | None) -> str | None:
    if m := _DMY_WORDS.search(low) or _DMY.search(low):
        day, month, y = m[1], m[2], m[3] or year
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            return _day(day, month, y)
    if m := _QUARTER.search(low):
        q = ROMAN.get(m[1]) or int(m[1])
        return f"{m[2]}-Q{q}" if m[2] else f"--Q{q}"
    if m := _MONTH_YEAR.search(low):
        return _month(m[1], m[2])
    if m := _HALF.search(low):
        return _months_span(1 if m[1] == "đầu" else 7, 6, m[2])
    if (m := _FIRST_MONTHS.search(low)) and "ngày" not in low:
        n = int(m[1])
        first = 13 - n if m[2] == "cuối" else 1
        return _months_span(first, n, m[3])
    if m := _MONTH.search(low):
        return _month(m[1], m[2])
    if m := _LUNAR.search(low):
        solar = lunar_year(m[1], m[2], near=year or 2025)
        return str(solar) if solar else None
    return _year_of(low)


def _months_span(first: int, n: int, y: str | None) -> str:
    last = first + n - 1
    return f"{_month(first, y)}/{_month(last, y)}"


COUNT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
               "mười một": 11, "mười hai": 12}
_COUNT_MONTHS = re.compile(rf"\b({'|'.join(sorted(COUNT_WORDS, key=len, reverse=True))})(?=\s+tháng)")


_DAY_RANGE = re.compile(
    r"(?:ngày\s*)?(\d{1,2})\s*(?:-|–|đến|tới)\s*(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?!\d)"
)


def date_value(text: str, *, dateline_year: int | None = None) -> str | None:
    """ISO-8601 value of a DATE span as precise as the text allows, or None when unreadable.

    ``dateline_year`` completes a day written without a year (``ngày 2/9`` → ``2025-09-02``).
    """
    low = _COUNT_MONTHS.sub(lambda m: str(COUNT_WORDS[m[1]]), norm_text(text).lower())
    if (m := _DAY_RANGE.fullmatch(low.strip())) and 1 <= int(m[3]) <= 12:  # "22 đến 24/10/2024"
        year = m[4] or dateline_year
        return f"{_day(m[1], m[3], year)}/{_day(m[2], m[3], year)}"
    if m := _YEAR_RANGE.search(low):
        a, b = (m[1], m[2]) if m[1] else (m[3], m[4])
        if not re.search(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*" + a, low):
            return f"{a}/{b}"
    parts = [p for p in re.split(r"\s+(?:-|–|—|đến|tới)\s+", low) if p.strip()]
    if len(parts) == 2:
        second = _single_date(parts[1], dateline_year)
        year_b = _year_of(parts[1])
        first = _single_date(parts[0], int(year_b) if year_b else dateline_year)
        if first and year_b and first.startswith("--"):
            first = year_b + "-" + first[2:]
        if first and second and first != second:
            return f"{first}/{second}"
    return _single_date(low, dateline_year)


_DATELINE = re.compile(
    r"(?<!\d)\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(\d{4})(?!\d)|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(\d{4})"
)

_LEDE_DASH = re.compile(r"\s*[-–—]\s+(?!\d)")


def dateline_year(text: str, *, lines: int = 3, rest: int = 35) -> int | None:
    """The year of the dateline: a full date on one of the first ``lines`` lines that holds
    little else (``Hà Nam, ngày 12/1/2026``, ``Thứ Hai, 12/01/2026 08:15``) or that opens the
    lede (``Đà Nẵng, ngày 9/1/2026 - (BĐVN) Chiều 8/1, …``), if any."""
    head = [line for line in text.splitlines()[: lines + 3] if line.strip()][:lines]
    for line in head:
        low = norm_text(line).lower().strip()
        m = _DATELINE.search(low)
        if not m:
            continue
        opens_lede = m.start() <= rest and "(" not in low[: m.start()] and _LEDE_DASH.match(low, m.end())
        if len(low) - (m.end() - m.start()) <= rest or opens_lede:
            return int(m[1] or m[2])
    return None


def entity_value(label: str, text: str, *, dateline_year: int | None = None) -> object:
    """The normalised value for an entity of ``label``, or None for labels without one."""
    if label == "MONEY":
        return money_value(text)
    if label == "PERCENT":
        return percent_value(text)
    if label == "DATE":
        return date_value(text, dateline_year=dateline_year)
    return None
