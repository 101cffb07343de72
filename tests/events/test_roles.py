from __future__ import annotations

import pytest

from vn_postal_nlp.events.owners import Mention, candidates, is_exchange
from vn_postal_nlp.events.roles import Cand, split_event
from vn_postal_nlp.events.triggers import Lexicon

M1, M2 = Cand(0, 2, "METRIC"), Cand(8, 10, "METRIC")
A1, A2 = Cand(3, 6, "MONEY"), Cand(11, 14, "MONEY")
C1, ORG, PERIOD = Cand(6, 7, "PERCENT"), Cand(20, 24, "ORG"), Cand(30, 32, "DATE")


def test_two_metrics_make_two_events_sharing_org_and_period() -> None:
    args = [("metric", M1), ("amount", A1), ("change", C1), ("metric", M2), ("amount", A2),
            ("org", ORG), ("period", PERIOD)]
    first, second = split_event("RESULT", args)
    assert {r for r, _ in first} == {"metric", "amount", "change", "org", "period"}
    assert ("amount", A2) in second and ("org", ORG) in second and ("change", C1) not in second


def test_one_metric_stays_one_event() -> None:
    args = [("metric", M1), ("amount", A1)]
    assert split_event("TARGET", args) == [args]


def test_awards_split_with_their_nearest_recipients() -> None:
    aw1, rec1, aw2, rec2 = Cand(2, 5, "AWARD"), Cand(6, 9, "ORG"), Cand(11, 13, "AWARD"), Cand(14, 16, "ORG")
    giver = Cand(0, 1, "ORG")
    one, two = split_event("AWARD", [("giver", giver), ("award", aw1), ("recipient", rec1), ("award", aw2),
                                     ("recipient", rec2)])
    assert ("recipient", rec1) in one and ("recipient", rec2) in two
    assert ("giver", giver) in one and ("giver", giver) in two


def test_plans_are_never_split() -> None:
    args = [("plan", Cand(1, 3, "PLAN")), ("plan", Cand(4, 6, "PLAN"))]
    assert split_event("PLAN_LAUNCH", args) == [args]


@pytest.mark.parametrize(("forms", "found"), [
    (["Bộ", "trao", "tặng", "Cờ"], [(1, 3)]),
    (["phấn", "đấu", "doanh", "thu", "đạt"], [(0, 2), (4, 5)]),
    (["không", "có", "gì"], []),
])
def test_lexicon_longest_match(forms: list[str], found: list[tuple[int, int]]) -> None:
    lex = Lexicon.from_phrases(["trao", "trao tặng", "phấn đấu", "đạt"])
    assert lex.find(forms) == found


def test_owner_candidates_are_bounded_and_keep_the_main_body() -> None:
    mentions = [Mention(i * 10, i * 10 + 5, f"Org{i}", i, i, "x", "y") for i in range(100)]
    cands = candidates(mentions, trigger_start=995, sentence=99)
    assert len(cands) <= 20
    assert cands[0].text == "Org0" and cands[-1].text == "Org99"


@pytest.mark.parametrize(("text", "expected"), [("HoSE", True), ("UPCoM", True), ("VNPost", False)])
def test_exchanges(text: str, expected: bool) -> None:
    assert is_exchange(text) is expected
