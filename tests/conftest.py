"""Shared fixtures: the shipped model, a tiny corpus, and where the shared real articles are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "realnews"

TINY_SOURCE = """@@ t-ket-qua result
[Năm 2025]{DATE=2025 e1.period}, [Bưu điện tỉnh Hà Nam]{ORG e1.org} [đạt]{e1=RESULT} [tổng doanh thu]{e1.metric} [12,5 tỷ đồng]{MONEY=12500000000:VND e1.amount}, tăng [8,2%]{PERCENT=8.2 e1.change} so với [năm 2024]{DATE=2024}.
Giám đốc [Bưu điện tỉnh]{ORG} [Nguyễn Văn An]{PER} [trao]{e2=AWARD} [Giấy khen]{e2.award} cho [Bưu cục Kim Bảng]{ORG e2.recipient}.

@@ t-ke-hoach plan
Sáng [12/1]{DATE=--01-12 e1.date}, [Bưu điện tỉnh Nam Định]{ORG e1.organiser e2.org} [triển khai]{e1=PLAN_LAUNCH} [kế hoạch kinh doanh [năm 2026]{DATE=2026}]{e1.plan}.
Đơn vị [phấn đấu]{e2=TARGET} [doanh thu]{e2.metric} tăng [10%]{PERCENT=10 e2.change}.

@@ t-tin-chung general
Chị [Lan]{PER} ở [xã Tân Phú]{LOC} nhận lương hưu tại nhà.
"""


@pytest.fixture(scope="session")
def nlp():
    import vn_postal_nlp

    return vn_postal_nlp.load()


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "tiny.txt").write_text(TINY_SOURCE, encoding="utf-8")
    return tmp_path
