"""``vn_postal_events``: triggers + roles → ``doc._.events`` (GUIDELINES §2, §3 shape).

>>> doc = nlp("Năm 2025, Bưu điện tỉnh Hà Nam đạt tổng doanh thu 12,5 tỷ đồng.")  # doctest: +SKIP
>>> doc._.events[0]["type"], doc._.events[0]["trigger"]["text"]  # doctest: +SKIP
('RESULT', 'đạt')
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from vn_postal_nlp.corpus.source import ROLES
from vn_postal_nlp.errors import ModelNotFoundError
from vn_postal_nlp.events.owners import Mention, feature_rows, generic_cue, org_mentions
from vn_postal_nlp.events.roles import (
    FALLBACK_ROLE,
    OWNER_ROLE,
    PARTY_ROLES,
    ROLE_KIND,
    Cand,
    role_features,
    split_event,
)
from vn_postal_nlp.events.triggers import SEED_TRIGGERS, Lexicon, trigger_features
from vn_postal_nlp.extensions import register_extensions
from vn_postal_nlp.linear import LinearModel
from vn_postal_nlp.ner.component import bio_spans, sentence_tokens
from vn_postal_nlp.ner.features import sentence_features
from vn_postal_nlp.ner.model import CrfTagger
from vn_postal_nlp.text.normalise import norm_token

NONE = "NONE"
FILES = ("lexicon.json", "triggers.bin", "roles.bin", "owners.bin", "phrases.crfsuite")
SINGLE_ROLES = ("amount", "change", "plan_ratio", "period", "date", "org")


@dataclass
class Sentence:
    """One sentence seen by the event model: token indices, forms, entity tags, candidates."""

    index: int
    idx: list[int]
    forms: list[str]
    low: list[str]
    ent_tags: list[str]
    ents: list[Cand]


def read_sentences(doc: Doc) -> list[Sentence]:
    pos_of: dict[int, tuple[int, int]] = {}
    out: list[Sentence] = []
    for s, idx in enumerate(sentence_tokens(doc)):
        forms = [norm_token(doc[i].text) for i in idx]
        out.append(Sentence(s, idx, forms, [f.lower() for f in forms], ["O"] * len(idx), []))
        pos_of.update({i: (s, p) for p, i in enumerate(idx)})
    for ent in doc.ents:
        if ent.start not in pos_of or ent.end - 1 not in pos_of:
            continue
        s, p = pos_of[ent.start]
        s2, q = pos_of[ent.end - 1]
        if s != s2:
            continue
        sent = out[s]
        sent.ent_tags[p : q + 1] = [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (q - p)
        sent.ents.append(Cand(p, q + 1, ent.label_))
    return out


def char_span(doc: Doc, sent: Sentence, start: int, end: int) -> dict:
    first, last = doc[sent.idx[start]], doc[sent.idx[end - 1]]
    a, b = first.idx, last.idx + len(last)
    return {"start": a, "end": b, "text": doc[sent.idx[start] : sent.idx[end - 1] + 1].text}


class EventExtractor:
    """spaCy pipe: lexicon → trigger classifier → phrase CRF → role classifier → events."""

    def __init__(self, name: str, *, role_threshold: float, resolve_org: bool,
                 fallback_threshold: float, C: float) -> None:
        self.name = name
        self.cfg = {"role_threshold": role_threshold, "resolve_org": resolve_org,
                    "fallback_threshold": fallback_threshold, "C": C}
        self.lexicon = Lexicon.from_phrases(SEED_TRIGGERS)
        self.trigger_model: LinearModel | None = None
        self.role_model: LinearModel | None = None
        self.phrase_model: CrfTagger | None = None
        self.owner_model: LinearModel | None = None

    # prediction -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if self.trigger_model is None or self.role_model is None or self.phrase_model is None:
            raise ModelNotFoundError(f"component {self.name!r} is not trained: load a trained pipeline")
        events: list[dict] = []
        sents = read_sentences(doc)
        mentions = org_mentions(doc, {i: s.index for s in sents for i in s.idx})
        for sent in sents:
            sentence_events = self._sentence_events(doc, sent)
            cue = generic_cue(sent.low, sent.ent_tags) if sentence_events else ""
            for event in sentence_events:
                if self.cfg["resolve_org"] and event["type"] in OWNER_ROLE:
                    self._resolve_owner(event, mentions, OWNER_ROLE[event["type"]], cue)
                role = FALLBACK_ROLE.get(event["type"])
                if self.cfg["resolve_org"] and role and all(a["role"] != role for a in event["arguments"]):
                    # a generic word (``cho đơn vị``, ``Hội nghị phát động``) asks for the body named
                    # before; without one, only a confident ranker may fill the role
                    threshold = 0.0 if cue else self.cfg["fallback_threshold"]
                    self._resolve_owner(event, mentions, role, cue, threshold)
                if event["arguments"]:
                    events.append(event)
        doc._.events = events
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _phrases(self, sent: Sentence) -> list[Cand]:
        tags = self.phrase_model.tag(self._phrase_features(sent))
        return [Cand(a, b, label) for a, b, label in bio_spans(tags)]

    def _phrase_features(self, sent: Sentence) -> list[list[str]]:
        feats = sentence_features(sent.forms)
        lex = {p for a, b in self.lexicon.find(sent.forms) for p in range(a, b)}
        for p, f in enumerate(feats):
            f.append(f"ent={sent.ent_tags[p]}")
            if p in lex:
                f.append("lex")
        return feats

    def _triggers(self, sent: Sentence) -> list[tuple[int, int, str]]:
        found = self.lexicon.find(sent.forms)
        if not found:
            return []
        feats = [trigger_features(sent.forms, sent.ent_tags, a, b) for a, b in found]
        types = self.trigger_model.predict(feats)
        return [(a, b, t) for (a, b), t in zip(found, types, strict=True) if t != NONE]

    def _sentence_events(self, doc: Doc, sent: Sentence) -> list[dict]:
        triggers = self._triggers(sent)
        if not triggers:
            return []
        cands = sorted(set(sent.ents) | set(self._phrases(sent)), key=lambda c: (c.start, c.end))
        spans = [(a, b) for a, b, _ in triggers]
        out = []
        for a, b, etype in triggers:
            pool = [c for c in cands if c.end <= a or c.start >= b]
            if not pool:
                continue
            feats = [role_features(sent.low, etype, (a, b), c, pool, spans) for c in pool]
            probs = self.role_model.predict_proba(feats)
            args, score = [], {}
            for cand, row in zip(pool, probs, strict=True):
                best = int(row.argmax())
                role = self.role_model.classes[best]
                if role != NONE and row[best] >= self.cfg["role_threshold"] and _fits(etype, role):
                    args.append((role, cand))
                    score[(role, cand)] = float(row[best])
            for group in split_event(etype, args):
                group = _one_per_role(group, score)
                if group:
                    out.append(self._event(doc, sent, etype, (a, b), group))
        return out

    def _event(self, doc: Doc, sent: Sentence, etype: str, trig: tuple[int, int],
               args: list[tuple[str, Cand]]) -> dict:
        return {
            "type": etype,
            "sentence": sent.index,
            "trigger": char_span(doc, sent, *trig),
            "arguments": [{"role": r, **char_span(doc, sent, c.start, c.end)} for r, c in args],
        }

    def _resolve_owner(self, event: dict, mentions: list[Mention], role: str, cue: str,
                       threshold: float = 0.0) -> None:
        """Give the event its ``role`` (a RESULT/TARGET's ``org``, or a missing organiser or
        recipient): the ranker's choice among the ORG mentions, if it is sure enough."""
        event["arguments"] = [a for a in event["arguments"] if a["role"] != role]
        cands, rows = feature_rows(mentions, event["trigger"]["start"], event["sentence"], role, cue)
        if not cands or self.owner_model is None or "1" not in self.owner_model.classes:
            return
        probs = self.owner_model.predict_proba(rows)[:, self.owner_model.classes.index("1")]
        # a body that already fills another role (the giver of an award) cannot fill this one
        taken = [(a["start"], a["end"]) for a in event["arguments"]]
        taken_text = {a["text"].lower() for a in event["arguments"]}
        for k, m in enumerate(cands):
            if m.text.lower() in taken_text or any(a < m.end and m.start < b for a, b in taken):
                probs[k] = 0.0
        if probs.max() < threshold or probs.max() == 0.0:
            return
        best = cands[int(probs.argmax())]
        event["arguments"].append({"role": role, "start": best.start, "end": best.end, "text": best.text})
        event["arguments"].sort(key=lambda x: x["start"])

    # training --------------------------------------------------------------------------
    def fit(self, docs: Iterable[Doc]) -> None:
        """Train from gold docs: ``doc.ents`` and ``doc._.events`` hold the gold annotation."""
        data = [(doc, read_sentences(doc)) for doc in docs]
        phrases = {t["trigger"]["text"] for doc, _ in data for t in doc._.events or []}
        self.lexicon = Lexicon.from_phrases([*SEED_TRIGGERS, *(norm_token(p) for p in phrases)])
        trig_x, trig_y, role_x, role_y, phrase_x, phrase_y = [], [], [], [], [], []
        owner_x, owner_y = [], []
        for doc, sents in data:
            gold = _gold_by_sentence(doc, sents)
            x, y = _owner_examples(doc, sents)
            owner_x += x
            owner_y += y
            for sent in sents:
                triggers, gold_phrases = gold.get(sent.index, ({}, set()))
                for a, b in self.lexicon.find(sent.forms):
                    trig_x.append(trigger_features(sent.forms, sent.ent_tags, a, b))
                    trig_y.append(_overlapping_type(triggers, a, b))
                tags = ["O"] * len(sent.idx)
                for c in sorted(gold_phrases, key=lambda c: (c.start, c.start - c.end)):
                    if all(t == "O" for t in tags[c.start : c.end]):
                        tags[c.start : c.end] = [f"B-{c.kind}"] + [f"I-{c.kind}"] * (c.end - c.start - 1)
                phrase_x.append(self._phrase_features(sent))
                phrase_y.append(tags)
                cands = sorted(set(sent.ents) | gold_phrases, key=lambda c: (c.start, c.end))
                spans = list(triggers)
                for (a, b), (etype, roles) in triggers.items():
                    for cand in cands:
                        if cand.end <= a or cand.start >= b:
                            role_x.append(role_features(sent.low, etype, (a, b), cand, cands, spans))
                            role_y.append(roles.get((cand.start, cand.end), NONE))
        self.trigger_model = LinearModel.fit(trig_x, trig_y, C=self.cfg["C"])
        self.role_model = LinearModel.fit(role_x, role_y, C=self.cfg["C"])
        self.phrase_model = CrfTagger.fit(phrase_x, phrase_y, max_iterations=100)
        self.owner_model = LinearModel.fit(owner_x, owner_y or ["0"], C=self.cfg["C"])

    # serialisation ---------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps(self.cfg, indent=2))
        phrases = sorted(" ".join(p) for p in self.lexicon.phrases)
        (path / "lexicon.json").write_text(json.dumps(phrases, ensure_ascii=False, indent=0))
        if self.trigger_model and self.role_model and self.phrase_model and self.owner_model:
            (path / "triggers.bin").write_bytes(self.trigger_model.to_bytes())
            (path / "roles.bin").write_bytes(self.role_model.to_bytes())
            (path / "owners.bin").write_bytes(self.owner_model.to_bytes())
            (path / "phrases.crfsuite").write_bytes(self.phrase_model.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> EventExtractor:
        path = Path(path)
        missing = [f for f in FILES if not (path / f).is_file()]
        if missing:
            raise ModelNotFoundError(f"{path}: the event model is incomplete (missing {', '.join(missing)})")
        self.lexicon = Lexicon.from_phrases(json.loads((path / "lexicon.json").read_text()))
        self.trigger_model = LinearModel.from_bytes((path / "triggers.bin").read_bytes())
        self.role_model = LinearModel.from_bytes((path / "roles.bin").read_bytes())
        self.owner_model = LinearModel.from_bytes((path / "owners.bin").read_bytes())
        self.phrase_model = CrfTagger.from_bytes((path / "phrases.crfsuite").read_bytes())
        return self

    def to_bytes(self, *, exclude: tuple = ()) -> bytes:
        parts = {
            "lexicon": sorted(" ".join(p) for p in self.lexicon.phrases),
            "triggers": self.trigger_model.to_bytes().hex() if self.trigger_model else "",
            "roles": self.role_model.to_bytes().hex() if self.role_model else "",
            "owners": self.owner_model.to_bytes().hex() if self.owner_model else "",
            "phrases": self.phrase_model.to_bytes().hex() if self.phrase_model else "",
        }
        return json.dumps(parts).encode()

    def from_bytes(self, data: bytes, *, exclude: tuple = ()) -> EventExtractor:
        parts = json.loads(data)
        self.lexicon = Lexicon.from_phrases(parts["lexicon"])
        if parts["triggers"]:
            self.trigger_model = LinearModel.from_bytes(bytes.fromhex(parts["triggers"]))
            self.role_model = LinearModel.from_bytes(bytes.fromhex(parts["roles"]))
            self.owner_model = LinearModel.from_bytes(bytes.fromhex(parts["owners"]))
            self.phrase_model = CrfTagger.from_bytes(bytes.fromhex(parts["phrases"]))
        return self


def _one_per_role(group: list[tuple[str, Cand]], score: dict) -> list[tuple[str, Cand]]:
    """Keep the best-scored candidate of each single-valued role (one amount, one period...)."""
    best: dict[str, tuple[str, Cand]] = {}
    for role, cand in group:
        if role in SINGLE_ROLES and (role not in best or score.get((role, cand), 0) > score.get(best[role], 0)):
            best[role] = (role, cand)
    return [(r, c) for r, c in group if r not in SINGLE_ROLES or best[r] == (r, c)]


def _owner_examples(doc: Doc, sents: list[Sentence]) -> tuple[list[dict], list[str]]:
    """Ranker rows: every candidate ORG mention of every gold event with an org (RESULT,
    TARGET), or with an organiser (PLAN_LAUNCH) or recipient (AWARD) named in another sentence."""
    mentions = org_mentions(doc, {i: s.index for s in sents for i in s.idx})
    xs, ys = [], []
    for event in doc._.events or []:
        role = OWNER_ROLE.get(event["type"]) or FALLBACK_ROLE.get(event["type"])
        gold = [a["text"].lower() for a in event["arguments"] if a["role"] == role]
        sentence = event.get("sentence", 0)
        if not gold or sentence >= len(sents):
            continue
        if role == FALLBACK_ROLE.get(event["type"]) and _in_sentence(doc, sents[sentence], event, role):
            continue  # the fallback ranker learns only from bodies named in another sentence
        cue = generic_cue(sents[sentence].low, sents[sentence].ent_tags)
        cands, rows = feature_rows(mentions, event["trigger"]["start"], sentence, role, cue)
        xs += rows
        ys += ["1" if m.text.lower() in gold else "0" for m in cands]
    return xs, ys


def _in_sentence(doc: Doc, sent: Sentence, event: dict, role: str) -> bool:
    start, end = doc[sent.idx[0]].idx, doc[sent.idx[-1]].idx + len(doc[sent.idx[-1]])
    return any(start <= a["start"] < end for a in event["arguments"] if a["role"] == role)


def _fits(etype: str, role: str) -> bool:
    return role in ROLES[etype]


def _overlapping_type(triggers: dict, a: int, b: int) -> str:
    for (s, e), (etype, _) in triggers.items():
        if s < b and a < e:
            return etype
    return NONE


def _gold_by_sentence(doc: Doc, sents: list[Sentence]) -> dict[int, tuple[dict, set[Cand]]]:
    """Per sentence: {trigger span: (type, {cand span: role})} and the gold phrase candidates."""
    starts: dict[int, tuple[int, int]] = {}
    ends: dict[int, tuple[int, int]] = {}
    for sent in sents:
        for p, i in enumerate(sent.idx):
            starts[doc[i].idx] = (sent.index, p)
            ends[doc[i].idx + len(doc[i])] = (sent.index, p + 1)
    out: dict[int, tuple[dict, set[Cand]]] = {}
    for event in doc._.events or []:
        t = event["trigger"]
        if t["start"] not in starts or t["end"] not in ends:
            continue
        s, a = starts[t["start"]]
        _, b = ends[t["end"]]
        triggers, phrases = out.setdefault(s, ({}, set()))
        _, roles = triggers.setdefault((a, b), (event["type"], {}))
        ent_spans = {(c.start, c.end) for c in sents[s].ents}
        for arg in event["arguments"]:
            if arg["start"] not in starts or arg["end"] not in ends:
                continue
            s2, p = starts[arg["start"]]
            _, q = ends[arg["end"]]
            if s2 != s:
                continue
            roles[(p, q)] = arg["role"]
            kind = ROLE_KIND.get(arg["role"])
            if kind is None and arg["role"] in PARTY_ROLES and (p, q) not in ent_spans:
                kind = "PARTY"
            if kind:
                phrases.add(Cand(p, q, kind))
    return out


@Language.factory(
    "vn_postal_events",
    default_config={"role_threshold": 0.35, "resolve_org": True, "fallback_threshold": 0.5, "C": 1.0},
)
def make_events(nlp: Language, name: str, role_threshold: float, resolve_org: bool,
                fallback_threshold: float, C: float) -> EventExtractor:  # noqa: N803 - sklearn's name
    register_extensions()
    return EventExtractor(name, role_threshold=role_threshold, resolve_org=resolve_org,
                          fallback_threshold=fallback_threshold, C=C)
