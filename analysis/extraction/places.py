"""The one table of the words that name a place, and which place each number of a report is about.

A report speaks of several places in one paragraph: "全国乡镇平均…, 本县…, 本镇…". Each row of ``TABLE`` is a level
of jurisdiction with the words that name the whole of one place of it (全县, 本县, 我县, 该县) and the endings of a
place's name (…县, …镇, …街道), in simplified and traditional characters, mainland and Taiwan usage, and an example
in each script. data/DICTIONARY.md shows the table (``places_markdown``, kept in step by a test);
tests/test_places.py runs every example. Matching reads the text folded to simplified characters
(:func:`analysis.extraction.not_data.fold`, one character for one, so offsets stay the text's).

Which place a number is about (:func:`read_places`): the place named nearest before it in its clause; else the
nearest before it in its sentence that is a word for a whole place (全县, 本镇) or a name that opens a clause (a
topic; 按照山东省…方案 names a document, not the place of the numbers after it); else the place given on the command
line. A name that is one of a list (甲镇、乙镇2个乡镇) is a member the number counts, never its place. Words for a
whole place are read against the place given: its own level is that place; a wider level is the place above it
(counties.csv's parent and province; a new row when the data do not have it); a narrower one cannot be told (which
town is 本镇 in a county's report?) and stays the place given. Every such reading is flagged for the person who
reviews it. Names are matched with counties.csv's rows (also a short form: 屏縣 for 屏東縣); a name the data do not
know is proposed as a new row.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from analysis.extraction.not_data import fold
from analysis.schemas import PLACE_PLACEHOLDERS


@dataclass(frozen=True)
class PlaceLevel:
    """One row: a level of jurisdiction, the words that name a place of it, and an example in each script."""

    level: str  # the table's name for the level
    levels: tuple[str, ...]  # counties.csv levels a place of it may have; the first is proposed for a new one ("" none)
    tier: int  # 0 the whole country ... 4 a town, 5 a village: a smaller tier is wider
    whole: tuple[str, ...]  # words for the whole of one place of this level (全县), or the report's own (本县, 我县)
    endings: tuple[str, ...]  # the endings of a place's name (…县)
    rule: str  # what the words mean, for data/DICTIONARY.md
    simplified: tuple[str, str, str]  # (sentence, a number in it, the place it is read under)
    traditional: tuple[str, str, str]


# The examples read as a report given on the command line as a town (清河镇) of 清河县 (county), in 清河市 (prefecture
# city) of 清河省 (province): "given" is that town, "national" counties.csv's row of the country, "above: county" the
# row above the town at that level, "new: 新竹縣" a new row of that name, "Taiwan" Taiwan as a whole.
TABLE = (
    PlaceLevel("nation", ("nation",), 0, ("全国", "全國", "我国", "我國"), (),
               "the whole country: counties.csv's row of level nation (national); in a Taiwan text (ROC years such as "
               "107年度, 民國, 新臺幣, 臺灣) 全國 is Taiwan as a whole",
               ("全国乡镇平均财政收入1200万元,本镇为650万元。", "1200万元", "national"),
               ("全國鄉鎮平均財政收入1200萬元,本鎮為650萬元。", "1200萬元", "national")),
    PlaceLevel("Taiwan", ("nation",), 0, ("全臺", "全台", "全臺灣", "全台灣", "臺灣地區", "台灣地區", "台湾地区", "全台湾"), (),
               "Taiwan as a whole: a place of its own, proposed as the row taiwan (臺灣地區), at the level a Taiwan text's "
               "全國 gives it (nation); the reviewer may place it otherwise",
               ("全台湾乡镇平均人口2.5万人,本镇为3万人。", "2.5万人", "Taiwan"),
               ("全臺鄉鎮平均人口2.5萬人,本鎮為3萬人。", "2.5萬人", "Taiwan")),
    PlaceLevel("province", ("province",), 1, ("全省", "本省", "我省", "该省", "該省"), ("省", "自治区", "自治區"),
               "a province or autonomous region (广西壮族自治区): the province given, or the one above it (counties.csv's "
               "province column)",
               ("全省乡镇平均编制45名,本镇核定40名。", "45名", "above: province"),
               ("全省鄉鎮平均編制45名,本鎮核定40名。", "45名", "above: province")),
    PlaceLevel("city", ("prefecture_city", "county_level_city"), 2,
               ("全市", "本市", "我市", "该市", "該市", "全州", "本州", "全盟", "本盟"), ("市", "自治州", "盟"),
               "a city (prefecture-level or county-level; a new one is proposed as a prefecture city, the reviewer says "
               "which), an autonomous prefecture (自治州) or league (盟)",
               ("全市下放权限401项,本镇承接179项。", "401项", "above: city"),
               ("全市下放權限401項,本鎮承接179項。", "401項", "above: city")),
    PlaceLevel("county", ("county",), 3, ("全县", "全縣", "本县", "本縣", "我县", "我縣", "该县", "該縣", "全旗", "本旗", "我旗"),
               ("县", "縣", "自治县", "自治縣", "旗", "自治旗"),
               "a county, autonomous county or banner (旗); a county-level city or district is of the same tier: 全县 in "
               "its report is that place (flagged)",
               ("全县财政收入12亿元,本镇1.3亿元。", "12亿元", "above: county"),
               ("新竹縣歲入歲出賸餘25億元,本鎮1億元。", "25億元", "new: 新竹縣")),
    PlaceLevel("district", ("district", "province"), 3, ("全区", "全區", "本区", "本區", "我区", "我區", "该区", "該區"),
               ("区", "區", "新区", "新區"),
               "a district of a city (全区 in an autonomous region's report is the region: a province)",
               ("城东区新增就业岗位2000个,本镇320个。", "2000个", "new: 城东区"),
               ("城東區新增就業崗位2000個,本鎮320個。", "2000個", "new: 城東區")),
    PlaceLevel("town", ("town",), 4,
               ("全镇", "全鎮", "本镇", "本鎮", "我镇", "我鎮", "该镇", "該鎮", "全乡", "全鄉", "本乡", "本鄉", "我乡", "我鄉",
                "该乡", "該鄉", "全街道", "本街道", "该街道", "該街道"),
               ("镇", "鎮", "乡", "鄉", "民族乡", "民族鄉", "街道", "街道办事处", "街道辦事處", "办事处", "辦事處"),
               "a town, township or street office (街道, 办事处): the town given, or in a county's report a town the "
               "text names",
               ("全镇共有行政村12个,常住人口3.2万人。", "3.2万人", "given"),
               ("本鄉共有村12個,設籍人口3.2萬人。", "3.2萬人", "given")),
    PlaceLevel("village", ("",), 5, ("全村", "本村", "我村"), ("村",),
               "a village: counties.csv has no level for it, so its numbers are filed under the place above it (the "
               "town its name follows, 甲镇乙村, or the place given; flagged) and the village stays their entity",
               ("清河镇东坡村有农户320户。", "320户", "given"),
               ("本村有農戶320戶。", "320戶", "given")),
)

# Words that end like a place's name but name none (城市, 乡镇, 社区 ...), and words the ending's character begins
# (市场, 区域): never a place.
NOT_NAMES = (
    "乡镇", "城镇", "城市", "城乡", "县市", "县区", "市县", "区县", "村镇", "市区", "城区", "社区", "地区", "库区", "山区",
    "辖区", "园区", "景区", "片区", "街区", "小区", "灾区", "牧区", "郊区", "特区", "校区", "省市", "市镇", "集镇", "古镇",
    "小镇", "农村", "乡村", "山村", "渔村", "中心镇", "重点镇", "建制镇", "行政村", "自然村", "建制村", "贫困村", "贫困县",
    "直辖市", "县级市", "地级市", "城中村", "开发区", "示范区", "试验区", "保护区", "功能区", "经济区", "高新区",
    "超市", "股市", "楼市", "上市", "都市", "夜市", "集市", "门市", "家乡", "故乡", "下乡", "返乡", "老乡", "他乡", "异乡",
    "节省", "反省", "各省", "外省", "郡县", "州县", "国旗", "党旗", "红旗", "锦旗", "彩旗", "团旗", "队旗", "军旗", "升旗",
    "举旗", "大街道", "县乡", "县镇", "区镇", "镇村", "乡村", "镇街", "镇(街)", "乡(镇)", "乡镇(街道)", "市县乡", "省市县",
    "国贫县", "省贫县", "重点县", "示范县", "试点县", "强县", "大县", "政策县", "强镇", "示范镇", "试点镇", "特色镇", "名镇",
    "名县", "强市", "大市",
)
BEGINS = ("市场", "市值", "市面", "市价", "区域", "区别", "区分", "区间", "区块", "镇压", "镇守", "乡亲", "乡土", "乡愁",
          "省略", "省钱", "省力", "省去", "旗帜", "旗下", "旗舰", "市直", "县直", "区直", "省直", "市级", "县级", "区级", "镇级",
          "乡级", "省级", "市属", "县属", "区属", "省属")
LEVEL_LIST = re.compile(r"[、(]\s*[省市县区镇乡村](?![\u4e00-\u9fff]{0,1}[省市县区镇乡村])")  # 县、镇两级, 县(市、区)
CLASS_WORDS = "类级型等"  # 一类镇, 二级市: a class of places, not a name
# Before a name: a character that ends the name's scan (的, 在, 各 ...) and words cut from its start (其中, 按照, 携手
# ...). A name is 2-4 characters (longer before 自治…: 务川仡佬族苗族自治县); one character only as a short form of a
# place the data know (屏縣 for 屏東縣, 黟县 itself).
STOPS = set("的之在于对从由经向与及把被将至到比为是有设辖含即并且或而也又都均各每该此这那全本我外邻个等以按据依给让使受近次赴")
LEADS = ("其中", "按照", "根据", "依据", "通过", "包括", "以及", "位于", "关于", "对于", "由于", "来自", "属于", "隶属", "除了",
         "其余", "选择", "携手", "全体", "代表", "完成", "实现", "推动", "开展", "组织", "指导", "支持", "帮助", "了解",
         "显现", "改善", "提升", "照护", "召开", "审议", "参加", "前往", "其他")
NAME_MAX, AUTONOMOUS_NAME_MAX = 4, 10
LIST_JOINS = "、和及与"
ANONYMISED = re.compile(r"[某xX×＊*○◯□]")
# A Taiwan text: ROC years (107年度, 九十三年度, 一一五年度, 民國93年), or it names Taiwan or its currency.
TAIWAN_TEXT = re.compile(r"台湾|新台币|民国|(?<![\d])\d{2,3}\s*年度|(?<![〇零一二三四五六七八九十百])[一二三四五六七八九十百]{2,3}年度")
CLAUSE_MARKS = re.compile(r"[,:()\[\]“”「」『』《》]")
SENTENCE_MARKS = re.compile(r"[。;!?]|\n[ \t\u3000]*\n")
# What may stand at a clause's start before a name that opens it: spaces, a year, a leading word.
OPENING = re.compile(r"(?:\s|(?:\d{2,4}|[〇零一二三四五六七八九十百]{2,4})\s*年度?|其中|另外|此外|同时|而且|而|并且|并|就|在|截至|截止|全年)*")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NUMERAL = re.compile(r"[\d〇零一二三四五六七八九十百千]")
# The tier of each counties.csv level: a smaller tier is wider.
TIERS = {"nation": 0, "province": 1, "prefecture_city": 2, "county_level_city": 3, "county": 3, "district": 3, "town": 4}
# A word that names a place of a level, for the name of a row the text does not name ("清河镇所在县").
LEVEL_WORD = {"nation": "国", "Taiwan": "", "province": "省", "city": "市", "county": "县", "district": "区", "town": "镇",
              "village": "村"}
TAIWAN_PLACE = {"county": "taiwan", "name_zh": "臺灣地區", "name_en": "Taiwan (as a whole)", "level": "nation"}
NATION_PLACE = {"county": "national", "name_zh": "全国", "name_en": "China (national)", "level": "nation"}
PLACE_COLUMNS = ("county", "name_zh", "name_en", "level", "parent", "province", "gb_code", "anonymised")


def _folded_words(words) -> dict[str, PlaceLevel]:
    return {fold(w): row for row in TABLE for w in words(row)}


WHOLE = _folded_words(lambda row: row.whole)
ENDINGS = _folded_words(lambda row: row.endings)
_WHOLE_RE = re.compile("|".join(sorted(map(re.escape, WHOLE), key=len, reverse=True)))
_ENDING_RE = re.compile("|".join(sorted(map(re.escape, ENDINGS), key=len, reverse=True)))
_NOT_NAMES = tuple(sorted(NOT_NAMES, key=len, reverse=True))
_ENDINGS = sorted(ENDINGS, key=len, reverse=True)
_LEADS = sorted(LEADS, key=len, reverse=True)


@dataclass
class Mention:
    """A place the text names: a word for a whole place (全县) or a name with its ending (新竹縣)."""

    start: int
    end: int
    written: str  # as the text writes it (a line break inside a name left out)
    row: PlaceLevel
    whole: bool  # 全县, 本镇 ...; else a name
    known: str = ""  # the counties.csv row a name is (also by its short form)
    parent: Mention | None = None  # the place a name follows (甘州区 of 甘州区沙井镇)
    member: bool = False  # one of a list of places (甲镇、乙镇)
    opens: bool = False  # stands at the start of a clause (after a year or a leading word)
    aside: tuple[int, int] | None = None  # the brackets it stands in: it speaks for the numbers in them only


@dataclass
class Given:
    """The place given on the command line (``add-source --county``)."""

    county: str
    name_zh: str = ""
    level: str = ""
    parent: str = ""
    province: str = ""
    name_en: str = ""


@dataclass
class Reading:
    """The place one number is read under: its county id, the words it was read from ("" when the text names none,
    so that it is the place given), and a flag for the reviewer ("" when nothing needs a look)."""

    county: str
    read_from: str = ""
    flag: str = ""


@dataclass
class Places:
    """What :func:`read_places` returns: one reading per number, and every place they are read under that is not the
    place given, each as a counties.csv row (``known``: already in it) with what the reader should check."""

    readings: list[Reading]
    places: dict[str, dict] = field(default_factory=dict)


class Gazetteer:
    """The rows of counties.csv as the reader needs them: by id, by name (folded; anonymised rows are never matched by
    name), and the place given (which may be new)."""

    def __init__(self, counties, given: Given):
        self.rows = {r["county"]: {c: str(r.get(c, "") or "") for c in (*PLACE_COLUMNS, "sources")}
                     for r in counties.to_dict("records")} if counties is not None else {}
        if given.county not in self.rows:
            self.rows[given.county] = {"county": given.county, "name_zh": given.name_zh, "name_en": given.name_en,
                                       "level": given.level, "parent": given.parent, "province": given.province,
                                       "gb_code": "", "anonymised": "false", "sources": ""}
        self.given = given.county
        self.by_name: dict[str, str] = {}
        for county, row in self.rows.items():
            name = re.sub(r"\s*[(（].*$", "", row["name_zh"]).strip()  # 某某镇(虚构): its name without the aside
            if name and (county == self.given or row["anonymised"] != "true" and not ANONYMISED.search(name)):
                self.by_name.setdefault(fold(name), county)
        self.by_name[fold(self.rows[self.given]["name_zh"])] = self.given  # the place given wins a shared name

    def find(self, name: str) -> str:
        """The id of a row named ``name`` (or whose id it is), else ""."""
        if name in self.rows:
            return name
        return self.by_name.get(fold(name), "")

    def short_form(self, base: str, row: PlaceLevel) -> str:
        """The one row whose name starts with ``base`` and ends with an ending of the same level (屏 -> 屏東縣), else ""."""
        found = {county for name, county in self.by_name.items()
                 for ending, level in ENDINGS.items()
                 if level.level == row.level and name.endswith(ending) and len(name) - len(ending) > len(base)
                 and name.startswith(base)}
        return found.pop() if len(found) == 1 else ""

    def level(self, county: str) -> str:
        return self.rows.get(county, {}).get("level", "")

    def above(self, county: str) -> list[str]:
        """The rows above a row, nearest first: its parent's chain (ids or names), then its province."""
        chain, seen = [], {county}
        current = county
        while True:
            parent = self.find(self.rows.get(current, {}).get("parent", ""))
            if not parent or parent in seen:
                break
            chain.append(parent)
            seen.add(parent)
            current = parent
        province = self.find(self.rows.get(county, {}).get("province", ""))
        return chain + ([province] if province and province not in seen else [])


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Every place ``text`` names, in order: words for a whole place, names the data know (and their short forms), and
    other names with a place's ending."""
    folded = fold(text)
    taken = bytearray(len(folded))
    mentions: list[Mention] = []
    titled = bytearray(len(folded))  # inside 《…》: a document's title names no place of the numbers
    for m in re.finditer(r"《[^《》\n]*》", folded):
        titled[m.start():m.end()] = b"\x01" * (m.end() - m.start())

    def in_title(start: int) -> bool:
        return bool(titled[start])

    for m in _WHOLE_RE.finditer(folded):
        if in_title(m.start()) or folded.startswith(BEGINS, m.end() - 1):
            continue
        mentions.append(Mention(m.start(), m.end(), text[m.start():m.end()], WHOLE[m.group()], whole=True))
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    known = sorted((n for n in gazetteer.by_name if len(n) >= 2 and _ending_of(n)), key=len, reverse=True)
    if known:
        for m in re.finditer("|".join(map(re.escape, known)), folded):
            if taken.find(1, m.start(), m.end()) >= 0 or in_title(m.start()) or folded.startswith(BEGINS, m.end() - 1):
                continue
            mentions.append(Mention(m.start(), m.end(), text[m.start():m.end()], ENDINGS[_ending_of(m.group())],
                                    whole=False, known=gazetteer.by_name[m.group()]))
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _ENDING_RE.finditer(folded):
        start, end = m.start(), m.end()
        if taken.find(1, start, end) >= 0 or in_title(start) or folded.startswith(BEGINS + _NOT_NAMES, start):
            continue  # 市场, and a generic word the ending begins (乡镇 of 一类乡镇, 县区 of 六县区)
        if LEVEL_LIST.match(folded, end):
            continue  # 县、镇两级, 县(市、区): levels, not a place
        row = ENDINGS[m.group()]
        begin, name = _name_before(folded, start, taken, AUTONOMOUS_NAME_MAX if m.group().startswith("自治") else NAME_MAX)
        if not name or ANONYMISED.search(name) or (name + m.group()).endswith(_NOT_NAMES) or name in NOT_NAMES \
                or _ending_of(name[-1:]) or name[-1] in CLASS_WORDS:
            continue
        written = text[begin:end].replace("\n", "").replace("\r", "")
        known_id = ""
        if len(name) < 2:
            known_id = gazetteer.short_form(name, row)
            if not known_id:
                continue  # one character: a place's short form, or a word (受县, 在县)
        elif gazetteer.find(name + m.group()):
            known_id = gazetteer.find(name + m.group())
        else:
            known_id = gazetteer.short_form(name, row) if row.level != "village" else ""
        mentions.append(Mention(begin, end, written, row, whole=False, known=known_id))
        taken[begin:end] = b"\x01" * (end - begin)
    mentions.sort(key=lambda x: x.start)
    _join(mentions, folded)
    return mentions


def _ending_of(name: str) -> str:
    """The longest place ending ``name`` ends with, or ""."""
    return next((e for e in _ENDINGS if name.endswith(e)), "")


def _name_before(folded: str, start: int, taken: bytearray, longest: int) -> tuple[int, str]:
    """Where the name before an ending at ``start`` begins, and the name (line breaks left out): Han characters back to
    a mark, a stop character or another place, with a leading word (其中, 按照) cut off; ("", "") when it runs on
    past ``longest`` characters (a phrase, not a name)."""
    i, chars = start, []
    while i > 0:
        ch = folded[i - 1]
        if ch in "\r\n":
            i -= 1
            continue
        if taken[i - 1] or ch in STOPS or not HAN.match(ch) or ch in "年月日" and i > 1 and NUMERAL.match(folded[i - 2]):
            break  # a mark, a stop, another place, or the end of a date (2022年务川自治县)
        chars.append(ch)
        i -= 1
        if len(chars) > longest + 2:
            return start, ""
    name = "".join(reversed(chars))
    stop = folded[i - 1] if i > 0 and folded[i - 1] in STOPS else ""  # 按 of 按照: a leading word may begin with a stop
    for lead in _LEADS:
        at = (stop + name).rfind(lead)
        if at >= 0 and at + len(lead) > len(stop):
            name, stop = (stop + name)[at + len(lead):], ""
    if len(name) > longest:
        return start, ""
    begin = start
    kept = len(name)
    while kept and begin > 0:  # back over the name's characters (and any line break inside it)
        begin -= 1
        if folded[begin] not in "\r\n":
            kept -= 1
    return begin, name


def _join(mentions: list[Mention], folded: str) -> None:
    """A name right after another place is in it (甘州区沙井镇: the first is the second's parent; they stand as one);
    a place joined by 、/和/及/与 to an item that ends like a place's name (老城镇、王瓜店镇) is a member of a list."""
    merged: list[Mention] = []
    for m in mentions:
        if merged and not m.whole and not merged[-1].whole and merged[-1].end == m.start:
            m.parent = merged.pop()
            m.start = m.parent.start
            m.written = m.parent.written + m.written
        merged.append(m)
    mentions[:] = merged
    for m in mentions:
        m.member = not m.whole and (_listed(folded, m.end, 1) or _listed(folded, m.start, -1))


def _listed(folded: str, at: int, step: int) -> bool:
    """Whether a list join stands at ``at`` (after a place, step 1; before it, step -1) with an item beyond it that
    ends like a place's name."""
    i = at if step == 1 else at - 1
    while 0 <= i < len(folded) and folded[i] in "\r\n":
        i += step
    if not (0 <= i < len(folded)) or folded[i] not in LIST_JOINS:
        return False
    item = []
    i += step
    while 0 <= i < len(folded) and len(item) <= 12 and (HAN.match(folded[i]) or folded[i] in "\r\n"):
        if folded[i] not in "\r\n":
            item.append(folded[i])
        i += step
    item = "".join(item if step == 1 else reversed(item))
    return bool(item) and bool(_ending_of(item))


def read_places(text: str, spans: list[tuple[int, int]], given: Given, counties=None) -> Places:
    """The place each number at ``spans`` (offsets in ``text``) is about, and the places they are read under.

    ``counties`` is counties.csv as a frame (its rows are matched by name and give the places above the one given).

    >>> g = Given("qinghe", "清河镇", "town")
    >>> text = "全国乡镇平均财政收入1200万元,本镇为650万元。"
    >>> [r.county for r in read_places(text, [(10, 16), (20, 25)], g).readings]
    ['national', 'qinghe']
    """
    gazetteer = Gazetteer(counties, given)
    folded = fold(text)
    mentions = find_mentions(text, gazetteer)
    ends = [m.end for m in mentions]  # in order: mentions do not overlap
    clause_marks = [m.end() for m in CLAUSE_MARKS.finditer(folded)]
    sentence_marks = [m.end() for m in SENTENCE_MARKS.finditer(folded)]
    marks = sorted(set(clause_marks) | set(sentence_marks))
    for m, aside in zip(mentions, _asides(folded, [m.start for m in mentions])):
        clause = marks[bisect_right(marks, m.start) - 1] if bisect_right(marks, m.start) else 0
        m.opens = OPENING.match(folded, clause).end() >= m.start
        m.aside = aside
    taiwan = bool(TAIWAN_TEXT.search(folded))
    resolver = _Resolver(gazetteer, given, taiwan)
    readings = []
    for start, _ in spans:
        sentence = sentence_marks[bisect_right(sentence_marks, start) - 1] if bisect_right(sentence_marks, start) else 0
        clause = marks[bisect_right(marks, start) - 1] if bisect_right(marks, start) else 0
        before = [m for m in mentions[bisect_left(ends, sentence):bisect_right(ends, start)]
                  if m.aside is None or m.aside[0] < start < m.aside[1]]
        chosen = next((m for m in reversed(before) if m.start >= clause and not m.member), None)
        where = "in its clause"
        if chosen is None:
            chosen = next((m for m in reversed(before) if m.end <= clause and not m.member and (m.whole or m.opens)), None)
            where = "earlier in its sentence"
        if chosen is None:
            readings.append(Reading(given.county))
            continue
        line = text.count("\n", 0, chosen.start) + 1
        county, flag = resolver.place_of(chosen)
        readings.append(Reading(county, f"{chosen.written} ({where}, line {line})", flag))
    places = {}
    for reading in readings:
        county = reading.county
        if county == given.county:
            continue
        row = resolver.proposed.get(county) or {c: gazetteer.rows[county].get(c, "") for c in PLACE_COLUMNS}
        place = places.setdefault(county, {**row, "known": county in gazetteer.rows and county not in resolver.proposed,
                                           "sources": gazetteer.rows.get(county, {}).get("sources", ""),
                                           "numbers": 0, "read_from": [], "flags": []})
        place["numbers"] += 1
        word = reading.read_from.split(" (")[0]
        if word not in place["read_from"]:
            place["read_from"].append(word)
        if reading.flag and reading.flag not in place["flags"]:
            place["flags"].append(reading.flag)
    return Places(readings, places)


def _asides(folded: str, positions: list[int]) -> list[tuple[int, int] | None]:
    """The innermost brackets each of ``positions`` (ascending) stands in, or None: (甘州区、高台县、肃南县) lists
    members, it is not a topic. One pass over the text."""
    opened, inside, ends = [], [], {}
    at = 0
    for i, ch in enumerate(folded):
        while at < len(positions) and positions[at] == i:
            inside.append(opened[-1] if opened else None)
            at += 1
        if ch in "([【〔":
            opened.append(i)
        elif ch in ")]】〕" and opened:
            ends[opened.pop()] = i + 1
    inside += [None] * (len(positions) - len(inside))
    return [(o, ends[o]) if o is not None and o in ends else None for o in inside]


class _Resolver:
    """The county id of a mention, proposing rows the data do not have; each reading that needs a look is flagged."""

    def __init__(self, gazetteer: Gazetteer, given: Given, taiwan: bool):
        self.g, self.given, self.taiwan = gazetteer, given, taiwan
        self.proposed: dict[str, dict] = {}
        self.new_names: dict[str, tuple[str, str]] = {}  # a new name (folded) -> its row id and flag

    def place_of(self, m: Mention) -> tuple[str, str]:
        if m.row.level == "village":
            above = self.place_of(m.parent) if m.parent else (self.given.county, "")
            return above[0], (f"a village has no level in counties.csv: filed under {above[0]}, the village is the "
                              "number's entity")
        if m.whole:
            return self._whole(m)
        if m.known:
            flag = "" if fold(m.written) == fold(self.g.rows[m.known]["name_zh"]) or m.parent else \
                f"read as {self.g.rows[m.known]['name_zh']} ({m.known}): check"
            return m.known, flag
        return self._new_name(m)

    def _whole(self, m: Mention) -> tuple[str, str]:
        row = m.row
        if row.level == "Taiwan" or row.level == "nation" and self.taiwan:
            found = self.g.find("taiwan") or self.g.find("臺灣地區") or self._propose(dict(TAIWAN_PLACE))
            flag = f"in a Taiwan text: Taiwan as a whole ({found}): check" if row.level == "nation" else ""
            return found, flag
        if row.level == "nation":
            found = next((c for c, r in self.g.rows.items() if r["level"] == "nation" and c != "taiwan"
                          and fold(r["name_zh"]) != fold(TAIWAN_PLACE["name_zh"])), "") or self._propose(dict(NATION_PLACE))
            return found, ""
        given_level = self.g.level(self.given.county)
        if given_level in row.levels:
            return self.given.county, ""
        tier = TIERS.get(given_level)
        if tier is None:
            return self.given.county, "the place given has no level: filed under it: check"
        if tier == row.tier:
            return self.given.county, f"in the report of a {given_level}: read as the place given (the same tier): check"
        if row.tier > tier:
            return self.given.county, (f"in the report of a {given_level}: which {row.level}? filed under the place "
                                       "given: check")
        for county in self.g.above(self.given.county):
            if self.g.level(county) in row.levels:
                return county, f"in the report of a {given_level}: the {row.level} above it ({county}): check"
        return self._relative(m, given_level)

    def _relative(self, m: Mention, given_level: str) -> tuple[str, str]:
        """A row for the place above the one given that the data do not have: named by counties.csv's parent or
        province column when that names a place of this level, else by what it is (清河镇所在县)."""
        row, given = m.row, self.g.rows[self.given.county]
        name = ""
        for written in (given["parent"], given["province"]):
            ending = _ending_of(fold(written))
            if written and ending and m.row is ENDINGS[ending] and not self.g.find(written):
                name = written
                break
        county = f"{self.given.county}_{row.level}"
        what = f"named {name} by counties.csv" if name else "the text does not name it: name it"
        if county in self.g.rows:  # proposed for an earlier report of the same place, and accepted
            return county, f"in the report of a {given_level}: the {row.level} above it ({county}): check"
        own = re.sub(r"\s*[(（].*$", "", given["name_zh"]).strip() or self.given.county  # 某某镇(虚构): without its aside
        proposed = self._propose({"county": county, "name_zh": name or f"{own}所在{LEVEL_WORD[row.level]}",
                                  "name_en": f"(the {row.level} above {given['name_en'] or self.given.county})",
                                  "level": row.levels[0], "province": given["province"] if row.level != "province" else name})
        return proposed, f"in the report of a {given_level}: the {row.level} above it, a new row {proposed} ({what})"

    def _new_name(self, m: Mention) -> tuple[str, str]:
        name = fold(m.written if not m.parent else m.written[len(m.parent.written):])
        written = m.written[len(m.parent.written):] if m.parent else m.written
        if name in self.new_names:
            return self.new_names[name]
        parent = ""
        if m.parent:  # as far as the report says: the row the name follows, or that name as written
            parent = m.parent.known or m.parent.written
        given_tier = TIERS.get(self.g.level(self.given.county), -1)
        if not parent and m.row.tier > given_tier >= 0:
            parent = self.given.county  # a town the report of a county names: a town of that county (flagged)
        level = m.row.levels[0]
        n = 1
        while f"{m.row.level}_{n}" in self.g.rows or f"{m.row.level}_{n}" in self.proposed:
            n += 1
        county = self._propose({"county": f"{m.row.level}_{n}", "name_zh": written, "name_en": PLACE_PLACEHOLDERS["name_en"], "level": level,
                                "parent": parent,
                                "province": self.g.rows[self.given.county]["province"] if parent == self.given.county else ""})
        note = f"a place the data do not know: a new row {county} (level {level}"
        note += ", or county_level_city" if m.row.level == "city" else ""
        note += f", in {parent}" if parent else ""
        self.new_names[name] = (county, note + "): check its name and level")
        return self.new_names[name]

    def _propose(self, row: dict) -> str:
        full = {c: "" for c in PLACE_COLUMNS} | {"anonymised": "false"} | row
        self.proposed.setdefault(full["county"], full)
        return full["county"]


def places_markdown() -> str:
    """The table as data/DICTIONARY.md shows it."""
    lines = ["| level | counties.csv level | words for the whole place | endings of a name | what they mean | simplified | "
             "traditional |", "|---|---|---|---|---|---|---|"]
    for row in TABLE:
        examples = [f"{sentence} → {number}: {place}" for sentence, number, place in (row.simplified, row.traditional)]
        lines.append(f"| {row.level} | {', '.join(filter(None, row.levels)) or '(none)'} | {' '.join(row.whole)} | "
                     f"{' '.join(row.endings) or '(none)'} | {row.rule} | {examples[0]} | {examples[1]} |")
    return "\n".join(lines)


def not_names_markdown() -> str:
    """The words that are never a place's name, as data/DICTIONARY.md lists them."""
    return (f"Never a name: {' '.join(NOT_NAMES)}; nor a word the ending begins ({' '.join(BEGINS)}). A name stops at "
            f"{' '.join(sorted(STOPS))} and loses a leading {' '.join(LEADS)}.")
