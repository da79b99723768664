"""``kg eval``: score what the pipeline reads against hand-checked gold.

The gold file has the format of ``shared/corpus-pages/gold.json``:
``{"docs": {STEM: {"file": …, "self_number": …, "issuer": […], …}}}``. Each
file is read and extracted exactly as ``kg build`` does it; each field is
scored as precision and recall (lists: over the items of all documents;
single values and the issuers: over documents, a document's value counting
as right when it equals the gold).
Fields that a gold entry's notes call inferred (from a URL, an 索引号, by
analogy) are not what a text gives, and are left out of the score; so are
the citation fields of an entry that does not have them at all (a set whose
gold did not check citations: ``[]`` says the page cites none).
"""
from __future__ import annotations

import json
from datetime import date
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from kg.relations import Relation, of_kind
from kg.lexicon.agencies import parse_issuer
from kg.lexicon.areas import LEVEL_PREFIXES, gazetteer
from kg.lexicon.docnumber import DocNumber
from kg.lexicon.titles import display_title, issuer_prefix, title_key
from kg.models import Extraction, UnboundAgency
from kg.pipeline.build import read_and_extract

# gold field -> words of a note sentence that say the field was inferred
INFERRED_NOTES = {
    "issuer": ("issuer", "full name"),
    "jurisdiction": ("jurisdiction",),
    "date": ("date",),
    "self_number": ("own number", "self_number"),
}
LEVELS = {"national": "national", "provincial": "province", "city": "city", "county": "county",
          "township": "township"}


@dataclass
class FieldScore:
    name: str
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)      # "file: gold X, read Y"

    @property
    def precision(self) -> Optional[float]:
        return self.true_positives / self.predicted if self.predicted else None

    @property
    def recall(self) -> Optional[float]:
        return self.true_positives / self.gold if self.gold else None

    def to_json(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "true_positives": self.true_positives,
                "predicted": self.predicted, "gold": self.gold, "misses": self.misses}


@dataclass
class Evaluation:
    documents: int
    fields: dict[str, FieldScore]
    excluded: list[str]                                   # "file: field" left out as inferred

    def table(self, misses: bool = False) -> str:
        lines = [f"{'field':<22}{'P':>7}{'R':>7}{'TP':>6}{'read':>6}{'gold':>6}"]
        for score in self.fields.values():
            lines.append(f"{score.name:<22}{_fmt(score.precision):>7}{_fmt(score.recall):>7}"
                         f"{score.true_positives:>6}{score.predicted:>6}{score.gold:>6}")
        lines.append(f"{self.documents} documents; left out as inferred: {', '.join(self.excluded) or 'none'}")
        if misses:
            for score in self.fields.values():
                lines += [f"  {score.name}: {m}" for m in score.misses]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"documents": self.documents, "excluded": self.excluded,
                "fields": {k: v.to_json() for k, v in self.fields.items()}}


def _fmt(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.2f}"


def number_key(text: str) -> str:
    try:
        return str(DocNumber.parse(text))
    except ValueError:
        return re.sub(r"\s+", "", text)


def reference_key(text: str) -> str:
    """A cited document as gold writes it: a number, else a title."""
    try:
        return str(DocNumber.parse(text))
    except ValueError:
        return title_key(display_title(text)).replace("<", "《").replace(">", "》")


def _same_area(gold: str, read: Optional[str]) -> bool:
    """石林县 is 石林彝族自治县, 广西 is 广西壮族自治区; 全国 is the nation."""
    if read is None:
        return False
    if gold == "全国":
        return read in ("全国", "中华人民共和国")
    # 石林县 is 石林彝族自治县; 广西 and 长沙 are 广西壮族自治区 and 长沙市
    if read == gold or (read.startswith(gold[:-1]) and read.endswith(gold[-1])) or read.startswith(gold):
        return True
    # a district written with its city (长春市绿园区, 西宁市城中区) is the district the reader names alone;
    # a township written with its county (天长市新街镇) the township
    chain = gazetteer().split_area_prefix(gold, None)
    if len(chain) > 1 and chain[-1][0] == len(gold) and chain[-1][1].name == read:
        return True
    if chain and gold[chain[-1][0]:] == read and gazetteer().is_township_name(read):
        return True
    # another name of the same area (万盛经开区 is 万盛经济技术开发区: functional_areas.tsv)
    names = gazetteer().by_name
    return bool(set(names.get(gold, ())) & set(names.get(read, ())))


def _inferred_fields(notes: str) -> set[str]:
    out = set()
    for sentence in re.split(r"(?<=[.;])\s+", notes or ""):
        if re.search(r"\binferred\b", sentence, re.I):
            out |= {name for name, words in INFERRED_NOTES.items() if any(w in sentence for w in words)}
    return out


# --- what the pipeline read, in the gold's terms ---

def _own_number(x: Extraction) -> set[str]:
    return {x.identity.number} if x.identity.number else set()


def _issuers(x: Extraction) -> set[str]:
    """Issuers bound to their area by full name, and those of an unknown area as written."""
    return {a.name for a in x.identity.issuers} | {f.value.text for f in x.facts
                                                   if f.name == "unbound_issuer" and isinstance(f.value, UnboundAgency)}


def _as_gold_writes(gold: set[str], found: set[str], area) -> set[str]:
    """An issuer read with its full area (本溪市明山区人民政府) is the one the
    text names without it (明山区人民政府); an organ the gold writes by a short
    or older name (全国老龄办, 青川县政府) is the organ read in full when both
    name the same organ of the same area; a town the gold names (太平镇) is
    its government read in full (天津市滨海新区太平镇人民政府)."""
    def same(name: str, g: str) -> bool:
        if name.endswith(g) or (g.endswith(TOWN_ENDINGS) and name.endswith(tuple(g + w for w in TOWN_GOVERNMENT))):
            return True
        organ = parse_issuer(g, area)
        return organ is not None and organ.name == name
    return {next((g for g in sorted(gold) if same(name, g)), name) for name in found}


TOWN_ENDINGS = ("镇", "乡", "街道", "苏木")
TOWN_GOVERNMENT = ("人民政府", "办事处")


def _orders_as_gold_writes(gold: set[str], found: set[str]) -> set[str]:
    """An order read with its government's full name (湖南省人民政府令第289号)
    is the one the text names by the level alone (省政府令第289号), as the gold
    writes it: the same order, when the read government is of that level."""
    def level_form(read: str) -> Optional[str]:
        m = FULL_GOVERNMENT_ORDER.fullmatch(read)
        if m is None:
            return None
        gaz = gazetteer()
        areas = gaz.candidates(m.group("area"))

        def of_level(word: str) -> bool:
            # 市 names a province-level government only where it is a municipality (北京市), not 广西
            return any(a.level in LEVEL_PREFIXES.get(word, ()) and (word != "市" or a.level != "province"
                                                                      or gaz.is_municipality(a)) for a in areas)
        return next((g for g in sorted(gold) if (b := LEVEL_ONLY_ORDER.fullmatch(g)) and b.group("rest") == m.group("rest")
                     and of_level(b.group("level"))), None)
    return {(level_form(r) or r) if r not in gold else r for r in found}


FULL_GOVERNMENT_ORDER = re.compile(r"(?P<area>[\u4e00-\u9fff]{2,20}?)人民政府令(?P<rest>.+)")
LEVEL_ONLY_ORDER = re.compile(r"(?P<level>省|自治区|市|州|县|区)(?:人民)?政府令(?P<rest>.+)")


def _dates(x: Extraction) -> set[str]:
    return {f.value.isoformat() for f in x.facts if f.name in ("date", "publication_date") and isinstance(f.value, date)}


def _cited_numbers(x: Extraction) -> set[str]:
    return {c.target.number for c in x.citations if c.target.number and c.target.number != x.identity.number}


def _cited_titles(x: Extraction) -> set[str]:
    """Titles the text cites in 《》 (the inner title of 《…印发〈X〉…》 is part of
    its mention; the unquoted notice around 印发《X》的通知 is not), and the title of the proposal a reply acknowledges."""
    # the page's own document and the one its title issues, named again in the body (现将《X》印发给你们;
    # an order's 《X》已经…通过，现予公布): the graph links neither to them as cited
    # (a decision's title that amends or repeals 《X》 names another document: X is cited)
    acted_on = {c.target.title for c in x.citations
                if c.evidence.rule == "identity.title-wraps" and c.relation in (Relation.AMENDS, Relation.REPEALS)}
    own = {reference_key(t) for t in [x.identity.title] + [c.target.title for c in x.citations
                                                              if c.evidence.rule == "identity.title-wraps"]
           if t and t not in acted_on}
    titles = {reference_key(c.target.title) for c in x.citations
              if c.target.title and (c.target.title in acted_on or c.evidence.rule not in (
                  "citation.wrapped", "identity.title-wraps", "citation.notice-around-title",
                  "validity.amended-history",       # that one's target is the page's own document
                  "citation.number", "citation.announcement", "citation.clean-up-item"))}    # a name a list item gives its number, in no 《》; a name alone on an item line
    titles -= own
    if x.proposal is not None and x.proposal.title:
        titles.add(reference_key(x.proposal.title))
    return titles


def _targets(*relations: Relation) -> Callable[..., set[str]]:
    """Targets of the document's links of these relations: its own, or those
    of the document its notice promulgates (制定本规划 in the same page). A
    target cited by title and number (《农村五保供养工作条例》(国务院令第456号))
    is named as the gold names it, else by its number."""
    def read(x: Extraction, gold: frozenset[str] = frozenset()) -> set[str]:
        promulgated = {c.target for c in x.citations if c.relation in of_kind("issuing")}
        out = set()
        for c in x.citations:
            if c.relation in relations and (c.source is None or c.source in promulgated):
                keys = [k for k in (c.target.number, reference_key(c.target.title or "")) if k]
                out.add(next((k for k in keys if k in gold), keys[0] if keys else ""))
        return out
    return read


def _responsible_items(x: Extraction) -> set[str]:
    """The items of the document's responsibility lists, as written: agencies
    and collective ones (各区人民政府)."""
    items = ({m.written for _, m in x.responsible} | {c.text for _, c in _stated_collectives(x)}
             | {u.text for _, u in x.unbound})
    return {_item_key(i) for i in items}


def _stated_collectives(x: Extraction):
    """Collective items where a list states them; not those a statement
    (以下各项责任单位均包括各县市区人民政府) gives every later measure, which the
    gold records once, where the statement stands."""
    spans = {m.position: m.span for m in x.measures}
    return [(p, c) for p, c in x.collective if p not in spans or spans[p].start <= c.span.start < spans[p].end]


def _item_key(text: str) -> str:
    return re.sub(r"[\s（）()]", "", text)


def _read_lists(x: Extraction) -> list[tuple[frozenset, frozenset]]:
    """Each measure's responsibility list as written: (all items, the lead ones)."""
    by_measure: dict[int, tuple[set, set]] = {}
    for position, m in x.responsible:
        items, leads = by_measure.setdefault(position, (set(), set()))
        items.add(_item_key(m.written))
        if m.role == "lead":
            leads.add(_item_key(m.written))
    for position, c in [*_stated_collectives(x), *x.unbound]:
        items, leads = by_measure.setdefault(position, (set(), set()))
        items.add(_item_key(c.text))
        if c.role == "lead":
            leads.add(_item_key(c.text))
    return [(frozenset(a), frozenset(b)) for a, b in by_measure.values()]


def score_lists(score: FieldScore, lead_score: FieldScore, stem: str, entry: dict, x: Optional[Extraction]) -> None:
    """Lists exact: a gold list is right when one measure's list holds exactly
    its items; lead: of those, whether the lead items are the gold's."""
    gold_lists = entry.get("measures_responsible")
    if gold_lists is None:
        return
    read = _read_lists(x) if x else []
    leads = entry.get("measures_lead") or [None] * len(gold_lists)
    score.gold += len(gold_lists)
    score.predicted += len(read)
    unused = list(read)
    for items, gold_lead in zip(gold_lists, leads):
        key = frozenset(_item_key(i) for i in items)
        match = next((r for r in unused if r[0] == key), None)
        if match is None:
            score.misses.append(f"{stem}: gold list {sorted(key)} not read as one")
            continue
        unused.remove(match)
        score.true_positives += 1
        if gold_lead is not None:
            lead_score.gold += 1
            lead_score.predicted += 1
            right = match[1] == frozenset(_item_key(i) for i in gold_lead)
            lead_score.true_positives += right
            if not right:
                lead_score.misses.append(f"{stem}: lead gold {sorted(gold_lead)}, read {sorted(match[1])}")


def _proposal(x: Extraction) -> set[str]:
    if x.proposal is None or (x.proposal.number is None and not x.proposal.raw_number):
        return set()        # a proposal known by its title only
    return {str(x.proposal.number) if x.proposal.number is not None else x.proposal.raw_number}


# the gold's field of based-on targets is named after its relation (its implements field is not)
BASED_ON = Relation.BASED_ON.value
LINK_FIELDS = ("implements", BASED_ON, "links")
# gold field -> (score name, what was read, how gold values are keyed)
SET_FIELDS: dict[str, tuple[str, Callable[..., set[str]], Callable[[str], str]]] = {
    "self_number": ("own number", _own_number, number_key),
    "issuer": ("issuer", _issuers, str),
    "cited_numbers": ("cited numbers", _cited_numbers, number_key),
    "cited_titles": ("cited titles", _cited_titles, reference_key),
    "implements": ("implements targets", _targets(Relation.APPLIES), reference_key),
    BASED_ON: ("based-on targets", _targets(Relation.BASED_ON), reference_key),
    "links": ("implements+based-on", _targets(*of_kind("carrying-out")), reference_key),
    "responds_to_proposal": ("proposal number", _proposal, str),
    "measures_responsible": ("agencies per measure", _responsible_items, _item_key),
}


def _gold_values(entry: dict, name: str, key) -> set[str]:
    if name == "links":
        return _gold_values(entry, "implements", key) | _gold_values(entry, BASED_ON, key)
    if name == "measures_responsible":
        return {key(item) for items in entry.get(name) or [] for item in items}
    value = entry.get(name)
    if value is None:
        return set()
    values = value if isinstance(value, list) else [value]
    return {key(str(v)) for v in values}


SUBSETS = {"all": lambda entry: True, "clean": lambda entry: not entry.get("damaged"),
           "damaged": lambda entry: bool(entry.get("damaged"))}


def evaluate(gold_file: Path, corpus: Optional[Path] = None, subset: str = "all",
             validity_file: Optional[Path] = None, kinds: Iterable[str] = ()) -> Evaluation:
    """Score every gold entry of ``subset`` (all, clean, damaged), and of
    ``kinds`` where some are given (the gold's ``kind``: notice, reply, news
    …); with ``validity_file`` (by default ``validity.json`` beside the gold,
    where there is one), the validity facts of the pages it checked too."""
    gold_file = Path(gold_file)
    every = json.loads(gold_file.read_text(encoding="utf-8"))["docs"]
    wanted = set(kinds)
    every = {stem: entry for stem, entry in every.items() if not wanted or entry.get("kind") in wanted}
    entries = {stem: entry for stem, entry in every.items() if SUBSETS[subset](entry)}
    validity_file = validity_file or (gold_file.parent / VALIDITY_FILE)
    if Path(validity_file).is_file():
        checked = json.loads(Path(validity_file).read_text(encoding="utf-8"))["docs"]
        entries = {stem: {**entry, "validity": checked[stem]} if stem in checked else entry
                   for stem, entry in entries.items()}
        # a page the validity gold checked that has no other gold: scored for validity alone
        entries.update({stem: {"file": entry.get("file") or f"{PAGES}/{stem}.txt", "validity": entry,
                               "validity_only": True}
                        for stem, entry in checked.items()
                        if stem not in every and SUBSETS[subset](entry) and not wanted})
    corpus = Path(corpus) if corpus else gold_file.parent
    scores = {name: FieldScore(label) for name, (label, _, _) in SET_FIELDS.items()}
    for extra in ("title", "area", "level", "date"):
        scores[extra] = FieldScore(extra)
    scores["own_date"] = FieldScore("own date")
    scores["lists"] = FieldScore("lists exact")
    scores["lead"] = FieldScore("lead per list")
    for name, label in VALIDITY_FIELDS.items():
        scores[name] = FieldScore(label)
    excluded = []
    for stem, entry in sorted(entries.items()):
        path = corpus / entry["file"]
        read = read_and_extract((path, path.parent))
        x = read if isinstance(read, Extraction) else None      # a skipped file reads nothing
        if entry.get("validity_only"):
            _score_validity(scores, stem, entry["validity"], x)
            continue
        inferred = _inferred_fields(entry.get("notes", ""))
        excluded += [f"{stem}: {name}" for name in sorted(inferred)]
        _score_sets(scores, stem, entry, x, inferred)
        _score_place_and_date(scores, stem, entry, x, inferred)
        score_lists(scores["lists"], scores["lead"], stem, entry, x)
        _score_validity(scores, stem, entry.get("validity"), x)
    ordered = {k: scores[k] for k in ("self_number", "title", "issuer", "area", "level", "date", "own_date",
                                      "cited_numbers",
                                      "cited_titles", "implements", BASED_ON, "links", "responds_to_proposal",
                                      "measures_responsible", "lists", "lead", *VALIDITY_FIELDS)}
    return Evaluation(len(entries), ordered, excluded)


VALIDITY_FILE = "validity.json"
PAGES = "pages"         # where a set keeps its texts, for a validity entry that names no file
# validity facts a checked page states (gold key -> score name); a date the
# gold could not give as such ("on_issue", "5 years") is not scored
VALIDITY_FIELDS = {"entry_into_force": "entry into force", "expiry": "expiry", "provisional": "provisional",
                   "stated_validity": "stated validity",
                   **{r.value: r.value for r in of_kind("repeal", "amendment")}, "amended_by": "amended by"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _score_validity(scores, stem: str, checked: Optional[dict], x: Optional[Extraction]) -> None:
    """Only pages the validity gold checked: elsewhere a read value is neither right nor wrong."""
    if checked is None:
        return
    facts = {f.name: f.value for f in x.facts} if x else {}
    read = {"entry_into_force": facts.get("entry_into_force"), "expiry": facts.get("expiry"),
            "provisional": facts.get("provisional"), "stated_validity": facts.get("validity")}
    for name, value in read.items():
        gold = checked.get(name)
        if name in ("entry_into_force", "expiry") and gold is not None and not ISO_DATE.match(str(gold)):
            continue
        found = None if value is None else (value.isoformat() if hasattr(value, "isoformat") else value)
        if gold is None and found is None:
            continue
        score = scores[name]
        score.gold += gold is not None
        score.predicted += found is not None
        score.true_positives += gold is not None and found == gold
        if found != gold:
            score.misses.append(f"{stem}: gold {gold}, read {found}")
    for relation in of_kind("repeal", "amendment"):      # the gold names them as the relations
        gold = {reference_key(str(v)) for v in checked.get(relation.value) or []}
        _count(scores[relation.value], stem, gold, _targets(relation)(x, frozenset(gold)) if x else set())
    # the decisions its history names as amending it (the gold writes their titles)
    _count(scores["amended_by"], stem, {reference_key(str(v)) for v in checked.get("amended_by") or []},
           {reference_key(c.source.title or "") for c in x.citations
            if c.relation == Relation.AMENDS and c.source is not None and c.target == x.identity} if x else set())


# the gold keys whose presence says a field was checked (links: either kind)
CHECKED_BY = {"links": ("implements", BASED_ON), "issuer": ("issuer",), "self_number": ("self_number",),
              "responds_to_proposal": ("responds_to_proposal",), "measures_responsible": ("measures_responsible",)}


def _score_sets(scores, stem: str, entry: dict, x: Optional[Extraction], inferred: set[str]) -> None:
    for name, (_, read, key) in SET_FIELDS.items():
        if name in inferred or not any(k in entry for k in CHECKED_BY.get(name, (name,))):
            continue
        gold = _gold_values(entry, name, key)
        found = (read(x, frozenset(gold)) if name in LINK_FIELDS else read(x)) if x else set()
        if name == "measures_responsible" and entry.get(name) is None:
            continue        # the page keeps no list (or the gold says none applies)
        if name == "issuer":
            if gold:        # a text that names no issuer: nothing to score
                found = _as_gold_writes(gold, found, x.area if x else None)
                _count_single(scores[name], stem, sorted(gold), sorted(found) or None, found == gold)
            continue
        _count(scores[name], stem, gold, _orders_as_gold_writes(gold, found))


def _count(score: FieldScore, stem: str, gold: Iterable[str], found: Iterable[str]) -> None:
    gold, found = set(gold), set(found)
    score.gold += len(gold)
    score.predicted += len(found)
    score.true_positives += len(gold & found)
    if gold != found:
        score.misses.append(f"{stem}: gold {sorted(gold)}, read {sorted(found)}")


def _score_place_and_date(scores, stem: str, entry: dict, x: Optional[Extraction], inferred: set[str]) -> None:
    area = x.area if x else None
    if "jurisdiction" not in inferred and entry.get("jurisdiction"):
        # GB/T 2260 codes end at the county: a township's coded jurisdiction is its county (西翥街道 -> 五华区);
        # a gold that writes the township with its county (怀远县兰桥乡) names the same township
        coded = gazetteer().get(area.parent) if area and area.level == "township" and area.parent else None
        right = (_same_area(entry["jurisdiction"], area.name if area else None)
                 or bool(coded and _same_area(entry["jurisdiction"], coded.name))
                 or bool(coded and area and entry["jurisdiction"] == coded.name + area.name))
        _count_single(scores["area"], stem, entry["jurisdiction"], area.name if area else None, right)
        level = LEVELS.get(entry.get("level") or "")
        read_level = area.level if area else None
        _count_single(scores["level"], stem, level, read_level, level == read_level)
    if "title" in entry:
        # entries that give the key (null where the text states no title of its own)
        _score_title(scores["title"], stem, entry["title"], x.identity.title if x else None)
    if "date" not in inferred:
        dates = _dates(x) if x else set()
        gold = set(entry.get("date") or [])
        # right when every date read is one the text gives for the document
        score = scores["date"]
        score.gold += bool(gold)
        score.predicted += bool(dates)
        score.true_positives += bool(gold and dates and dates <= gold)
        if dates and not dates <= gold or gold and not dates:
            score.misses.append(f"{stem}: gold {sorted(gold)}, read {sorted(dates)}")
        _score_own_date(scores["own_date"], stem, gold, x)


def _score_own_date(score: FieldScore, stem: str, gold: set[str], x: Optional[Extraction]) -> None:
    """The one date the reader gives the document (its own date, else the
    page's publication date) is one the gold gives for it: a publication
    date read beside the own date (发布日期 under 成文日期) is no miss here,
    as the gold lists a document's own dates only (the ``date`` row counts it)."""
    read = None
    for name in ("date", "publication_date"):
        read = read or next((f.value.isoformat() for f in (x.facts if x else ())
                             if f.name == name and isinstance(f.value, date)), None)
    if not gold and read is None:
        return
    score.gold += bool(gold)
    score.predicted += read is not None
    score.true_positives += bool(gold and read in gold)
    if read not in gold:
        score.misses.append(f"{stem}: gold {sorted(gold)}, read {read}")


def _score_title(score: FieldScore, stem: str, gold: Optional[str], read: Optional[str]) -> None:
    """A title is right when it equals the gold's, spaces, bracket widths and
    quote styles aside, or is the gold with its issuing organs before 关于 or
    without them (GB/T 9704 titles name the organ; many pages set it on a line
    of its own, and gatherers differ on whether it belongs to the title), or
    with or without the portal column's tag before it (【时政新闻】县政府召开…:
    no part of the document's title, and gatherers differ on keeping it)."""
    right = bool(gold and read and _title_core(gold) == _title_core(read))
    score.gold += bool(gold)
    score.predicted += read is not None
    score.true_positives += right
    if (gold or read) and not right:
        score.misses.append(f"{stem}: gold {gold}, read {read}")


def _title_core(title: str) -> str:
    return _without_organs(title_key(COLUMN_TAG.sub("", display_title(title))))


COLUMN_TAG = re.compile(r"^\s*【[^】]{1,12}】\s*(?=\S)")


def _without_organs(key: str) -> str:
    """A title key without the organs it opens with, where each is an organ
    (衡阳市人民政府办公室关于… -> 关于…)."""
    organs = issuer_prefix(key)
    if not organs or not all(parse_issuer(o) or parse_issuer(o, gazetteer().nation) for o in organs):
        return key
    return key[key.index("关于"):] if "关于" in key else key


def _count_single(score: FieldScore, stem: str, gold, read, right: bool) -> None:
    score.gold += 1
    score.predicted += read is not None
    score.true_positives += bool(right)
    if not right:
        score.misses.append(f"{stem}: gold {gold}, read {read}")
