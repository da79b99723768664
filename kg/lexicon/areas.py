"""The GB/T 2260 gazetteer: area names to coded, placed areas.

Names that occur in several places (朝阳区, 鼓楼区) are resolved only from a
context area; without one they are ambiguous and ``resolve_name`` returns None.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from kg.models import AreaRef
from kg.datafiles import level_words, name_endings, read_lines, read_tsv, split_list

NATION = "CN"
# The level word an autonomous area's customary name ends in (恩施州, 金平县, 鄂温克旗)
CUSTOMARY_LEVEL_WORDS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
# Suffixes dropped to make a short name (威海市 -> 威海, 广西壮族自治区 -> 广西).
SHORT_SUFFIX = re.compile(r"特别行政区$|地区$|林区$|[省市区县旗盟]$")
LEVEL_PREFIXES = level_words("prefix")


# The last character of an area's full name: a name read in running text must
# have one (滨海新区, 邹城市), so that a word (和平, 中山) is not taken for a place.
FULL_NAME_ENDINGS = "".join(name_endings("area"))
TOWNSHIP_SEPARATOR = "/"
TOWNSHIP_ENDINGS = ("镇", "乡", "街道")
SAME_AREA_AGAIN = re.compile(r"[（(]([\u4e00-\u9fff]{2,12})[)）]")
ZONE = "功能区"          # a development zone or new area (functional_areas.tsv)
MUNICIPALITY = "直辖市"


class Gazetteer:
    def __init__(self, rows: Iterable[dict[str, str]]):
        self.by_code: dict[str, AreaRef] = {}
        self.types: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        for row in rows:
            ref = AreaRef(row["code"], row["name"], row["level"], row["parent"] or None)
            self.by_code[ref.code] = ref
            self.types[ref.code] = row["type"]
        for row in read_tsv("functional_areas.tsv"):
            # development zones and new areas that sign documents (青岛西海岸新区): below their
            # city, keyed like townships; a zone that became a GB/T 2260 district is a name of it
            if row["alias_of"]:
                continue
            ref = AreaRef(f"{row['parent']}{TOWNSHIP_SEPARATOR}{row['name']}", row["name"], row["level"], row["parent"])
            self.by_code[ref.code] = ref
            self.types[ref.code] = ZONE
        for ref in self.by_code.values():
            for name in self.names_of(ref) + self._customary_names(ref):
                self.by_name.setdefault(name, []).append(ref.code)
        for row in read_tsv("area_customary_names.tsv"):
            self.by_name.setdefault(row["name"], []).append(row["code"])
        for row in read_tsv("functional_areas.tsv"):
            code = row["alias_of"] or f"{row['parent']}{TOWNSHIP_SEPARATOR}{row['name']}"
            for name in split_list(row["names"]):
                if code not in self.by_name.setdefault(name, []):
                    self.by_name[name].append(code)
        self.max_name_length = max(len(n) for n in self.by_name)
        self.children_of: dict[str, list[str]] = {}
        for ref in self.by_code.values():
            if ref.parent:
                self.children_of.setdefault(ref.parent, []).append(ref.code)
        self.counties_by_first: dict[str, list[AreaRef]] = {}
        for ref in self.by_code.values():
            if ref.level == "county":
                self.counties_by_first.setdefault(ref.name[0], []).append(ref)
        self.sub_provincial = {row["code"] for row in read_tsv("sub_provincial_cities.tsv")}

    def names_of(self, ref: AreaRef) -> list[str]:
        names = [ref.name]
        if ref.code == NATION:
            return names + ["全国", "中国", "国家"]
        autonomous = _autonomous().match(ref.name)
        short = autonomous.group(1) if autonomous else SHORT_SUFFIX.sub("", ref.name)
        if short != ref.name and len(short) >= 2:
            names.append(short)
        return names

    def _customary_names(self, ref: AreaRef) -> list[str]:
        """An autonomous prefecture, county or banner is called by its short name
        and 州, 县 or 旗 (恩施州 for 恩施土家族苗族自治州, 石林县 for 石林彝族自治县,
        金平县 for 金平苗族瑶族傣族自治县): its own organs sign so (恩施州民政局,
        石林县民政局, 金平县民政局). Never by the short name alone, nor with 县
        where the short name is a common word (autonomous_word_names.txt: 互助,
        通道). Forms no rule makes (克州) are data (area_customary_names.tsv)."""
        autonomous = _autonomous().match(ref.name)
        level_word = CUSTOMARY_LEVEL_WORDS.get(self.types.get(ref.code, ""))
        if not autonomous or level_word is None or autonomous.group(1) in _autonomous_word_names():
            return []
        return [autonomous.group(1) + level_word]

    def get(self, code: str) -> AreaRef:
        if code in self.by_code:
            return self.by_code[code]
        if TOWNSHIP_SEPARATOR in code:
            county, _, name = code.partition(TOWNSHIP_SEPARATOR)
            return self.township(name, self.by_code[county])
        return self.by_code[code]

    def place_township(self, name: str, context: Optional[AreaRef] = None,
                       named: Iterable[AreaRef] = ()) -> Optional[AreaRef]:
        """A township the text names without its county (官庄镇为…, 来源:马桥镇),
        placed by the national township table (townships.tsv): the one township
        of that name in the country, else the one within the page's area, else
        the one within an area the text names (上海市 in a cited title). None
        where the name is shared and nothing chooses (城关镇)."""
        counties = _township_counties().get(name, ())
        if context is not None and len(counties) > 1:
            scope = context.parent if context.level == "township" and context.parent else context.code
            counties = tuple(c for c in counties if self.is_within(c, scope))
        if len(counties) > 1:
            scopes = [a.code for a in named]
            within = tuple(c for c in counties if any(self.is_within(c, scope) for scope in scopes))
            counties = within if len(within) == 1 else counties
        return self.township(name, self.by_code[counties[0]]) if len(counties) == 1 else None

    def is_township_name(self, name: str) -> bool:
        """Whether some township or street of the country is so named."""
        return name in _township_counties()

    def township(self, name: str, county: AreaRef) -> AreaRef:
        """A township or street (西翥街道, 白塔镇): below GB/T 2260, so keyed by
        its county's code and its name (530102/西翥街道), its parent the county."""
        return AreaRef(f"{county.code}{TOWNSHIP_SEPARATOR}{name}", name, "township", county.code)

    @property
    def nation(self) -> AreaRef:
        return self.by_code[NATION]

    def chain(self, code: str) -> list[AreaRef]:
        """The area and its ancestors, nearest first, up to the nation."""
        out = []
        ref = self.by_code.get(code) or (self.get(code) if TOWNSHIP_SEPARATOR in code else None)
        while ref is not None:
            out.append(ref)
            ref = self.by_code.get(ref.parent) if ref.parent else None
        return out

    def is_within(self, code: str, ancestor: str) -> bool:
        return any(a.code == ancestor for a in self.chain(code))

    def is_municipality(self, ref: AreaRef) -> bool:
        return self.types.get(ref.code) == "直辖市"

    def is_zone(self, ref: AreaRef) -> bool:
        """A development zone, new area or other administration outside GB/T 2260 (functional_areas.tsv)."""
        return self.types.get(ref.code) == ZONE

    def qualified_name(self, ref: AreaRef) -> str:
        """The name an agency of this area carries: a city district keeps its
        city (威海市环翠区), since district names repeat across the country."""
        if ref.level == "township" and ref.parent:
            return self.qualified_name(self.by_code[ref.parent]) + ref.name
        if ref.level == "county" and self.types.get(ref.code) == "市辖区" and ref.parent:
            return self.by_code[ref.parent].name + ref.name
        if self.types.get(ref.code) == ZONE and ref.parent and ref.parent != NATION:
            parent = self.by_code[ref.parent]     # 万盛经济技术开发区 -> 重庆市…; 青岛西海岸新区 names its city already
            return ref.name if ref.name.startswith(tuple(self.names_of(parent))) else parent.name + ref.name
        return ref.name

    def candidates(self, name: str) -> list[AreaRef]:
        return [self.by_code[c] for c in self.by_name.get(name, ())]

    def resolve_name(self, name: str, context: Optional[AreaRef] = None) -> Optional[AreaRef]:
        """The one area a name denotes, using the context area to choose among
        homonyms: the context itself, then its descendants, then its ancestors'
        descendants. None when the name is unknown or stays ambiguous."""
        found = self.candidates(name)
        if len(found) == 1:
            return found[0]
        if not found or context is None:
            return None
        for ancestor in self.chain(context.code):
            inside = [a for a in found if self.is_within(a.code, ancestor.code)]
            if len(inside) == 1:
                return inside[0]
            if len(inside) > 1:
                # Prefer the highest one: 吉林 in a Jilin province text is the province.
                top = min(inside, key=lambda a: len(self.chain(a.code)))
                if sum(1 for a in inside if len(self.chain(a.code)) == len(self.chain(top.code))) == 1:
                    return top
                return None
        return None

    def resolve_level_prefix(self, prefix: str, context: Optional[AreaRef]) -> Optional[AreaRef]:
        """市/区/省/县 before an agency name: the context area at that level."""
        levels = LEVEL_PREFIXES.get(prefix)
        if not levels or context is None:
            return None
        if prefix == "市" and context.level == "county" and context.name.endswith("市"):
            return context      # 市民政局 in a county-level city (邹城市) is that city's
        for ref in self.chain(context.code):
            if ref.level in levels:
                # 市 in a municipality (重庆市) is the municipality itself.
                if prefix == "市" and ref.level == "province" and not self.is_municipality(ref):
                    continue
                return ref
        return None

    def split_area_prefix(self, text: str, context: Optional[AreaRef]) -> list[tuple[int, AreaRef]]:
        """Area names that a string starts with, chained (威海市环翠区 -> 威海市,
        环翠区): the end offset of each and the area. Each name resolves in
        the context of the one before it."""
        out: list[tuple[int, AreaRef]] = []
        pos = 0
        current = context
        while pos < len(text):
            match = None
            for length in range(min(self.max_name_length, len(text) - pos), 1, -1):
                name = text[pos:pos + length]
                if name in self.by_name and not self._township_of_short_name(name, text, pos + length):
                    ref = self.resolve_name(name, current) or self._county_of_township_after(name, text, pos + length)
                    if ref is not None and (not out or self.is_within(ref.code, out[-1][1].code)):
                        match = (pos + length, ref)
                        break
            if match is None:
                break
            end, ref = match
            # 无锡高新区(新吴区): the same area named again in brackets
            again = SAME_AREA_AGAIN.match(text, end)
            if again and self.resolve_name(again.group(1), ref) == ref:
                match = (again.end(), ref)
            out.append(match)
            pos, current = match
        return out

    def _county_of_township_after(self, name: str, text: str, end: int) -> Optional[AreaRef]:
        """A county's name that several counties bear, then a township's
        (铁东区和平街道: 鞍山's 铁东区 has a 和平街道, 四平's has none): the one
        of them that holds the township, where only one does."""
        towns = [text[end:end + more] + e for more in range(1, TOWNSHIP_NAME_CHARS + 1)
                 for e in TOWNSHIP_ENDINGS if text.startswith(e, end + more)]
        counties = {c for town in towns for c in _township_counties().get(town, ())}
        holding = [code for code in self.by_name[name] if code in counties]
        return self.by_code[holding[0]] if len(holding) == 1 else None

    def _township_of_short_name(self, name: str, text: str, end: int) -> bool:
        """南阳镇 (大丰), 马村镇 (高平): a short name (南阳 of 南阳市) that 镇, 乡 or
        街道 follows begins a township's name, not its own area's — unless the
        township lies in that area (集美街道 of 集美区), which the name then
        names all the same."""
        if any(self.by_code[code].name == name for code in self.by_name[name]):
            return False
        # the township's name may go on past the short name (集贤里街道 of 北辰区, not 集贤县)
        township = next((name + text[end:end + more] + e for more in range(TOWNSHIP_NAME_TAIL + 1)
                         for e in TOWNSHIP_ENDINGS if text.startswith(e, end + more)
                         and name + text[end:end + more] + e in _township_counties()), None)
        if township is None:
            return False
        counties = _township_counties()[township]
        return not any(self.is_within(county, code) for county in counties for code in self.by_name[name])

    def children(self, code: str) -> list[str]:
        """The areas directly below one (a province's cities, a city's counties)."""
        return sorted(self.children_of.get(code, ()))

    def counties_starting(self, initial: str, within: str) -> list[AreaRef]:
        """Counties within an area (a city, or a municipality's districts)
        whose name starts so (环 -> 环翠区 in 威海市)."""
        return [a for a in self.counties_by_first.get(initial[:1], ())
                if a.name.startswith(initial) and self.is_within(a.code, within)]

    def first_organ_area(self, text: str, limit: int = 3000) -> Optional[tuple[int, AreaRef]]:
        """The first area a text names in full (with its 省/市/区/县 … ending,
        unambiguously) as the area of an organ (邹城市委, 钟楼区政务服务中心):
        (offset, the most specific area of its chain)."""
        organ = _organ_words()
        return next(((i, chain[-1]) for i, chain, end in self._full_names(text, limit)
                     if organ.match(text, end) and not _inside_cited_title(text, i)), None)

    def first_at_level(self, text: str, levels: tuple[str, ...], limit: int = 3000) -> Optional[tuple[int, AreaRef]]:
        """The first area of one of these levels that a text names in full, or
        names in a chain (北京市东城区 names 北京市), the levels in the order
        given; level ``municipality`` is a province-level 直辖市, which says
        本市 of itself."""
        for i, chain, _ in self._full_names(text, limit):
            for level in levels:        # in the order given: a 直辖市 before its districts
                for area in reversed(chain):
                    if area.level == level or (level == "municipality" and self.types[area.code] == MUNICIPALITY):
                        return i, area
        return None

    def opening_full_name(self, text: str) -> Optional[tuple[int, AreaRef]]:
        """The area a text opens with, named in full (正阳县不断完善…, 德州市武城县各部门…):
        where its name ends, and the most specific area of its chain."""
        first = next(self._full_names(text, 1), None)
        return (first[2], first[1][-1]) if first else None

    def named_in_full(self, text: str, limit: int = 3000) -> list[AreaRef]:
        """Every area a text names in full, in text order, once each."""
        return list(dict.fromkeys(chain[-1] for _, chain, _ in self._full_names(text, limit)))

    def _full_names(self, text: str, limit: int):
        """(offset, the chain of areas, end) of every area named in full, in text order."""
        for i in range(min(len(text), limit)):
            if not "\u4e00" <= text[i] <= "\u9fff":
                continue
            chain = self.split_area_prefix(text[i:i + 3 * self.max_name_length], None)
            if not chain:
                continue
            end = i + chain[-1][0]
            if text[end - 1] not in FULL_NAME_ENDINGS:
                if end < len(text) and text[end] in FULL_NAME_ENDINGS and text[end] == chain[-1][1].name[-1]:
                    end += 1            # 石林县 for 石林彝族自治县; not 会同市交管大队 for 会同县
                else:
                    continue
            if end - i == 2 and i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff":
                continue                # 完成县医院: a two-character name (成县) inside a word is not one
            yield i, [area for _, area in chain], end


def organ_word_at(text: str, end: int) -> bool:
    """Whether an organ's word follows an area's name ending at ``end`` (邹城市委, 西城区残联)."""
    return bool(_organ_words().match(text, end))


TOWNSHIP_NAME_CHARS = 5    # characters of a township's name before its 镇, 乡 or 街道 (和平, 东街, 文新)
TOWNSHIP_NAME_TAIL = 3     # characters a township's name has beyond an area's short name (集贤里街道)


def _inside_cited_title(text: str, i: int) -> bool:
    """Whether offset i stands inside 《…》 (根据《山西省人民政府办公厅关于…》):
    the organ there issued the cited document, not the page."""
    opened = text.rfind("《", 0, i)
    return opened >= 0 and text.rfind("》", opened, i) < 0 and text.find("》", i) >= 0


@lru_cache(maxsize=1)
def _organ_words() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(read_lines("area_organ_words.txt"), key=len, reverse=True))))


@lru_cache(maxsize=1)
def _township_counties() -> dict[str, tuple[str, ...]]:
    """township name -> the codes of the counties (or county-less cities) that have one so named."""
    out: dict[str, list[str]] = {}
    # 38,000 rows, read once and not kept as rows (read_tsv caches its dicts)
    for row in read_tsv.__wrapped__("townships.tsv"):
        out.setdefault(row["name"], []).append(row["county"])
    return {name: tuple(codes) for name, codes in out.items()}


@lru_cache(maxsize=1)
def _autonomous() -> re.Pattern:
    """An autonomous area's name: its short name, the nationalities, 自治区/州/县/旗
    (黔东南 苗族侗族 自治州; 西藏 自治区)."""
    groups = "|".join(sorted(read_lines("ethnic_groups.txt"), key=len, reverse=True))
    return re.compile(rf"^([\u4e00-\u9fff]{{2,}}?)族?(?:(?:{groups})族?)*自治[区州县旗]$")


@lru_cache(maxsize=1)
def _autonomous_word_names() -> frozenset[str]:
    return frozenset(read_lines("autonomous_word_names.txt"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(read_tsv("areas.tsv"))
