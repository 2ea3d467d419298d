"""Candidate findings: the claims a report makes about its numbers, found by the forms of claim_forms.FORMS.

Each proposal names its form, its rule and its inputs (other candidate numbers, or an enumeration's text), each
input in a role of the form (part, whole, base, later ...), so that a person can accept it into
data/findings.csv and `audit` judges it like any other finding. Inputs are bound by the sentence's structure:
the amount named after 较/比/与 is a base, the whole is the amount the words after 占 name (or the total a 其中
part belongs to), a 其中 list's parts are those of its item or sentence, each amount belongs to the year its
;-item (else its paragraph) gives it. A claim whose input the text does not state is proposed with the rule
``unverifiable`` and the reason ("base-year amount not stated"): a reader wants to see what was not checked.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import pandas as pd

from analysis.extraction.claim_forms import FORM, UNVERIFIABLE, fold, words
from analysis.extraction.named_amounts import NamedAmounts
from analysis.rules import count_items

COLUMNS = ["form", "rule", "claimed", "claim_start", "claim_end", "line", "inputs", "input_spans", "roles", "items",
           "count_by", "pattern", "reason", "fact_span"]

HARD_END = "。！？!?"
CLAUSE_END = "，,；;：:" + HARD_END
SEGMENT_END = "；;" + HARD_END
OPENS, CLOSES = "(（", ")）"
BOUNDARY = re.compile(r"[(（)）；;：:。！？!?\n]|(?<!\d)[,，]|[,，](?!\d)")  # a comma between digits is 4,800's
STOP = "，,。；;：:！？!?\n"
GAP = rf"[^{STOP}]{{0,12}}?"  # what "…" in a trigger word stands for: a few characters of the same clause
# A year a text gives its amounts: 2023年, 107年度 (ROC), 一一五年度 (digit by digit).
YEAR = re.compile(r"(?<![\d.])(?<!\d,)((?:19|20)\d{2})\s*年(?:度)?|(?<![\d.])(?<!\d,)(\d{2,3})\s*年度|([〇零一二三四五六七八九]{3,4})\s*年度?")
CN_DIGITS = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0"}
LIST_MARK = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．)）]|——|—|-|第[一二三四五六七八九十\d]+)")
NAME_STOP = re.compile(r"[的之为是有达共计约仅只则自从由至到及与和、“”「」『』\"'\[\]【】\s]|实现|审定|初步核算|核算|其中|分别")
PLACE = re.compile(r"^(?:全|本|我|该)?(?:县|镇|市|区|乡|省|街道)")
PLACE_NAME = re.compile(r"^[^\d]{0,2}(?:县|镇|市|区|乡|省)$")  # 屏县, 全镇: a place before a name


def _alternation(ws) -> str:
    return "|".join(re.escape(w).replace("…", GAP) for w in sorted(ws, key=len, reverse=True) if w)


def _group(form: str, group: str) -> str:
    return _alternation(words(form, group))


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# Patterns compiled from the table's words (claim_forms.FORMS), once.
RISE, FALL, FLAT = _group("change", "rise"), _group("change", "fall"), _group("change", "flat")
DIRECTION = _rx(rf"(?:(?P<rise>{RISE})|(?P<fall>{FALL}))(?P<tail>了|为|达|约|近)?\s*$")
# a base named after 较/比 (较上年度决算数A, 比乙镇的A, 比全省平均水平a%): not 占比, 同比, 比重; the noun names no change
BASE_MARK = _rx(rf"(?:(?<![占同环])比(?![重例率较])|较(?![多少大小高低快慢好差为]))(?P<noun>[^{STOP}\d]{{2,10}})$")
COMPARED_IN = _rx(r"(?<![占同环])比(?![重例率较])|较(?![多少大小高低快慢好差为])")  # 甲比乙多N: 多 is a change word
ABOVE, BELOW = _group("points", "above"), _group("points", "below")
COMPARED = _rx(rf"(?:(?P<above>{ABOVE})|(?P<below>{BELOW}))(?P<noun>[^{STOP}\d]{{0,10}}?)\s*$")  # 高于全省N个百分点
LEVEL_WORDS = _rx(_group("points", "level"))
FLAT_WORD = _rx(FLAT)
FLAT_AGAINST = _rx(rf"(?:{_group('change', 'flat_against')})[^{STOP}]{{0,6}}$")  # 与去年持平
AGAINST = _rx(_group("change", "against"))
_SHARE_WORDS = "|".join(w for w in words("share", "share") if w.startswith(("比", "占")) and len(w) == 2)  # 比重, 占比
_SHARE_BI = "".join(w[1] for w in words("share", "share") if w.startswith("比") and len(w) == 2)  # 比重, 比例 ...
# where a change's base words start: the subject's name ends there, and a year after them is the base's
AGAINST_START = _rx("|".join(w if w != "比" else f"比(?![{_SHARE_BI}])" for w in (
    re.escape(x).replace("…", f"(?={GAP}") + (")" if "…" in x else "") for x in words("change", "base_marks"))))
BASE_YEAR = _rx(rf"(?:{AGAINST_START.pattern}|{_group('from_to', 'from')})[^{STOP}\d]{{0,4}}$")
AGAINST_END = _rx(rf"(?:{_group('change', 'against')})\s*$")  # right before the base amount
SHARE = _rx(f'{_group("share", "share")}|{_group("share", "rate")}')
RATE = _rx(rf"(?:{_group('share', 'rate')})$")
DONE = _rx(rf"^.*?(?:{_group('share', 'done')})")
OF_WHOLE = rf"(?:{_group('share', 'of_whole')})(?:到|了)?"
QUALIFIED_OF = _rx(rf"^(?:{_group('share', 'qualified_of')})")
NOT_WHOLE = _rx(rf"(?:{_group('share', 'not_whole')})")
BUDGET = _rx(_group("share", "budget"))
# 出缺率X%: (the rate's words, the part's clause words, the whole's clause words), per prefix of the share form's groups
NAMED_SHARE = {k: (_rx(rf"(?:{_group('share', k + '_rate')})[^{STOP}\d]{{0,4}}$"), _rx(_group("share", k + "_part")),
                   _rx(_group("share", k + "_whole"))) for k in ("vacancy", "use", "run")}
GAP_WORD = _rx(rf"(?:{_group('difference', 'gap')})[^{STOP}\d]{{0,4}}$")  # 缺額5人, 缺额人数为5人
DIFFER_WORD = _rx(rf"(?:{_group('difference', 'differ')})[^{STOP}\d]{{0,2}}$")  # 相差7人
FILLED, BUDGETED = _rx(_group("difference", "filled")), _rx(_group("difference", "budgeted"))
BUDGET_AMOUNT = _rx(_group("share", "budget_amount"))
WHOLE_WORDS = _rx(_group("share", "whole"))
OF_IT = _rx(rf"^(?:{_group('share', 'of_it')})$")  # 占其中的80%: the whole is named 其中
SHARE_FROM = _rx(rf"\s*(?:{_group('share', 'from')})(?P<noun>[^{STOP}\d]{{2,12}})")  # 60%来自税收收入
EACH = _rx(_group("share", "each"))
RESPECTIVE = _rx(rf"(?:{_group('share', 'each')})(?:为|為|是|达|達)?")  # 甲、乙分别为a、b: the k-th amount of the k-th name
INCLUDES = _rx(rf"\s*(?:{_group('parts', 'some')})")  # N(含a、b): the brackets may name only some parts
FROM_END = _rx(rf"(?:{_group('from_to', 'from')})(?:[^{STOP}\d]{{0,6}}?|[^{STOP}]{{0,10}}?(?:年度?|月|底)[的之]?)\s*$")
TO_BETWEEN = _rx(rf"^\s*(?:{_group('from_to', 'to')})(?:[^{STOP}]{{0,10}}?(?:年度?|月|底)[的之]?)?\s*$")
FROM = _rx(_group("from_to", "from"))
POINTS = _rx(rf"\s*(?:{_group('points', 'points')})")  # matched where a number ends
SURPLUS, DEFICIT = _rx(_group("balance", "surplus")), _rx(_group("balance", "deficit"))
INCOME, SPENDING = _rx(_group("balance", "income")), _rx(_group("balance", "spending"))
SET_AGAINST = _rx(_group("balance", "set_against"))
DEDUCT = _rx(rf"(?:{_group('balance', 'deduct')})[^{STOP}\d]{{0,8}}$")  # 扣除当年支出B: the words before B
LEFT_OVER = _rx(rf"(?:{_group('balance', 'surplus')}|{_group('balance', 'carried')})")
PLUS = _rx(_group("total", "plus"))
BY = _rx(rf"\s*(?:{_group('total', 'by')})\s*[,，:：]?")  # matched where a sentence starts
PARTS_OPEN = _rx(rf"(?:{_group('total', 'parts_open')})[ \t]*[:：]?[ \t]*")
AMONG = _rx(rf"(?:{_group('total', 'among')})[,，]")  # matched where a number ends: 401项管理权限中,
QIZHONG = _rx(rf"(?:{_group('total', 'qizhong')})(?:\s*[:：,，]?\s*(?:{_group('total', 'qizhong')}))*[ \t]*[:：,，]?[ \t]*")
SUMS_BEFORE = _rx(rf"(?:(?P<sum>{_group('total', 'sums_before')})|(?P<cumulative>{_group('total', 'cumulative')}))"
                  rf"[^{STOP}、\d]{{0,4}}$")  # 收入合计6346万元, 累计投入1.2亿元
# …各设, not 建设; 分别有村15个: the noun after the verb is what is counted, not the list's last item
ALL_BEFORE = _rx(rf"^\s*(?:{_group('total', 'all')})(?P<noun>[^{STOP}、\d]{{0,4}})$")  # …,共36个村 / 共有村36个
LIST_VERB = _rx(rf"(?:设置|设立|设有|共有|(?:{_group('product', 'each')}|分别|共)(?:设|有|为)"
                rf"|(?:{_group('count', 'body_sets')})设(?![施计备想置立有]))[^、和及]{{0,10}}$")
EACH_UNIT = _rx(_group("product", "each"))
EACH_BEFORE = _rx(rf"(?:{_group('product', 'each')})[^{STOP}\d]{{0,6}}$")  # 各设5个: what each unit holds
EACH_AFTER = _rx(rf"[^{STOP}\d]{{0,6}}?(?:{_group('product', 'each')})")  # 3个乡各设: the count of the units
TOTAL_OF_EACH = _rx(_group("product", "total"))
COUNTED_LABEL = _rx(r"[一二两兩三四五六七八九十]{1,2}[^\d\s]")  # 三产, 五办, 四中心's 四中: a numeral and a noun
# sums of products (claim_forms: the sum_of_products form): 4个镇各核定39名, 一类镇每个39名, 按镇类分别核定11名、9名
EACH_PAIR = _rx(rf"^[^{STOP}、\d]{{0,8}}?(?:{_group('sum_of_products', 'each')})[^{STOP}、\d]{{0,6}}$")
REST = _rx(rf"(?:{_group('sum_of_products', 'rest')})[^{STOP}\d]{{0,2}}$")
SPLIT_INTO = _rx(_group("sum_of_products", "split_into"))
BY_CLASS = _rx(rf"(?:{_group('sum_of_products', 'by_class')})[^{STOP}\d]{{0,4}}?(?:{_group('sum_of_products', 'respectively')})[^{STOP}\d]{{0,6}}$")
CLASS_EACH = rf"\s*每(?:个|個|一个|一個)?[^{STOP}\d]{{0,4}}$"
MASKED = _rx(r"[+＋×*xX]{2}")  # ++名, xx万元: amounts an anonymised text hides
SPLIT_EACH = _rx(_group("split", "each"))
SPLIT_PAIRS = tuple(tuple(w.split("/")) for w in words("split", "pairs"))
ORDINAL = _rx(rf"(?:{_group('split', 'ordinals')})")
STRUCTURE = _rx(rf"(?:{_group('structure', 'structure')})\s*$")
STRUCTURE_FROM = _rx(rf"(?:{_group('structure', 'from')})[^{STOP}\d]{{0,6}}$")  # 结构由上年的a:b:c (years taken out)
STRUCTURE_TO = _rx(rf"^\s*(?:{_group('structure', 'to')})[^{STOP}\d]{{0,6}}$")  # 调整为(2023年的)d:e:f
TERM_SHARE = _rx(_group("structure", "term_share"))
AVERAGE = _rx(_group("average", "average"))
AVERAGE_YEARLY = _rx(_group("average", "yearly"))
AVERAGE_REFERENCE = _rx(rf"^[^{STOP}\d]{{0,2}}(?:{_group('average', 'reference')})")  # 平均水平N
AVERAGE_CAP = _rx(_group("average", "cap"))
ALL_OR_SUM = _rx(rf"(?:{_group('total', 'all')}|{_group('total', 'sums_before')})[^{STOP}\d]{{0,4}}$")
DOUBLED = _rx(_group("multiple", "doubled"))
COUNT_UNITS = tuple(sorted(words("count", "units"), key=len, reverse=True))
# comparisons and orderings (claim_forms: the comparison form's binding)
COMPARE_BEFORE = _rx(rf"(?:(?P<above>{_group('comparison', 'above')})|(?P<below>{_group('comparison', 'below')}))"
                     rf"[^{STOP}\d、]{{0,12}}$")  # 高于上年的B, 低于全省平均水平B: the words before B
EXTREME = _rx(rf"(?P<which>(?P<top>{_group('comparison', 'top')})|(?P<bottom>{_group('comparison', 'bottom')}))")
NEXT_TO = _rx(_group("comparison", "next_to"))
RANK_NUMERAL = r"[\d一二三四五六七八九十]{1,3}"
# 分居1至4名, 分列前三位: how many amounts the ranks take, in the order the text gives them
RANKS = _rx(rf"(?:{_group('comparison', 'ranks')})[^{STOP}\d]{{0,6}}?(?:第?(?P<a>{RANK_NUMERAL})(?:名|位)?(?:至|到|-|—|~|～)"
            rf"第?(?P<b>{RANK_NUMERAL})|前(?P<n>{RANK_NUMERAL}))(?:名|位)")
# 由高至低依序为甲18%、乙12%: the amounts after the words, in the order stated
SORTED = _rx(rf"(?:(?P<down>{_group('comparison', 'descending')})|(?P<up>{_group('comparison', 'ascending')}))"
             rf"[^{STOP}\d]{{0,4}}?(?:{_group('comparison', 'in_order')})[:：]?")
FORMER_LATTER = _rx(rf"^\s*(?:{_group('multiple', 'former')})(?:约|約|大约|大約)?(?:是|为|為|相当于|相當於)"
                    rf"(?:{_group('multiple', 'latter')})的\s*$")
# 最高的是丁乡的22%: the amount after 的是 and a name is the one first (last) of the list
EXTREME_IS = _rx(rf"(?:[,，]?(?:达|为|有|计|共|共计)\s*(?=[\d一二两三四五六七八九十]))|(?:的|者)(?:是|为|属)[^{STOP}\d、]{{1,8}}?(?:[的之]|[,，]?(?:达|为|有|仅|共|约|逾|近)|[,，])\s*"
                 r"(?=[\d一二两三四五六七八九十])")
RANK = _rx(rf"(?:{_group('comparison', 'rank')})[^{STOP}\d]{{0,6}}?第(?P<k>{RANK_NUMERAL})(?:名|位)")
# a change's base in other words (claim_forms: the change form's binding)
# 与上年的A相比, 與111年度歲入A相較: before A (a year may stand between, as may a longer noun after one)
VERSUS = _rx(rf"(?:{_group('change', 'versus')})(?:[^{STOP}\d]{{0,8}}|(?:{YEAR.pattern})[^{STOP}\d]{{0,12}})$")
VERSUS_END = _rx(rf"\s*(?:{_group('change', 'versus_end')})")  # matched where A ends
# 上年为A, 去年同期完成A, 上年度预算数为A: a clause that opens with a prior word (not 上年结转, this year's money)
PRIOR_CLAUSE = _rx(rf"^\s*(?:{_group('change', 'prior')})(?!结转|结余|结存)[^{STOP}\d]{{0,10}}$")
YEAR_CLAUSE = _rx(rf"^\s*(?:{YEAR.pattern})[^{STOP}\d]{{0,12}}$")  # 2022年为A, 2022年全县财政收入A, 一一二年度为A
PREVIOUS_YEAR = _rx(_group("change", "previous_year"))
PRIOR_NAME = _rx(rf"^(?:{_group('change', 'prior')})")  # 上年度岁入决算数: a name of the year before
YEARLY = _rx(_group("change", "yearly"))
RATE_NOUN = _rx(rf"(?:{_group('change', 'rate_noun')})(?:为|是|达|约|仅)?\s*$")  # 年增率为-4.5%: before the rate
# 较预算数减少4%, 比预算少200万元: the noun after 较/比 names the base (not a time: 比上年, 较年初)
NAMED_AGAINST = _rx(rf"(?:较|比)(?P<noun>[^{STOP}\d]{{2,10}}?)[的之]?(?:{RISE}|{FALL})(?:了|为|达|约|近)?\s*$")
PRIOR_SAID = _rx(_group("change", "prior"))  # 前一年的15.1%, 去年為A: a value of the year before
FROM_YEAR = _rx(rf"(?:{_group('from_to', 'from')})\s*(?:\d{{2,4}}|[〇零一二三四五六七八九]{{3,4}})\s*年")  # 由2022年的A: a base
COMPARED_WORD = _rx(_group("comparison", "above") + "|" + _group("comparison", "below"))  # 高於乙鎮N個百分點
JOINED = _rx(rf"\s*(?:与|和|及|跟|同)(?:[^{STOP}\d与和及]{{0,4}}的)?\s*")  # 甲镇与(居次的)乙镇相差
BI_NAMED = _rx(rf"(?:比|较)(?P<noun>[^{STOP}\d]{{1,12}}?)(?:高出|低了|高了|高|低)\s*$")  # 甲镇比乙镇高N个百分点
# 五鄉鎮平均為x%, 3个村平均达x: a count of places, then the mean of what each was given
COUNT_MEAN = _rx(rf"(?P<n>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*(?:个|個)?(?P<noun>(?:{_group('average', 'listed_places')})+)"
                 rf"(?:的)?[^{STOP}\d]{{0,8}}?平均[^{STOP}\d]{{0,2}}$")
RATE_WORD = re.compile(r"率|比例|比重|占比")  # 甲镇的比率是乙乡的N倍: rates, not amounts
TIME_NOUN = _rx(r"^(?:上年|上年度|去年|上一年|同期|上年同期|去年同期|年初|期初|上月|上季度?|前一年)")
WHOLE_THEN_RATE = _rx(rf"^\s*[)）]?\s*[的之]\s*(?:{_SHARE_WORDS})?(?:为|是|达)?\s*$")
# 現有員額中,A佔六成一: a clause opening (在)X(之)中 names the whole X of the shares after it
AMONG_NOUN = _rx(rf"\s*(?:在|於|于)?(?P<noun>[^{STOP}\d“”「」]{{2,10}}?)(?<![{''.join(words('share', 'among_not_before'))}])"
                 rf"(?:{_group('share', 'among')})(?![{''.join(words('share', 'among_not_after'))}])")
VERB_RATE = _rx(rf"(?P<rate>{_group('share', 'verb_rate')})[^{STOP}\d]{{0,3}}$")  # 建成率89.13%
NAMED_PRIOR = _rx(rf"\s*(?P<noun>[^{STOP}\d]{{2,10}}?)(?:{_group('change', 'prior')})(?:为|為|是|有|达|達)?\s*(?=\d|[零〇一二两兩三四五六七八九十百千万萬])")
PART_AFTER = _rx(r"^\s*(?:为|达|达到|计|共|共计|合计|有)\s*$")  # 占85%,达1020人: the part after the share
EXECUTION = _rx(rf"(?:{_group('share', 'execution')})(?:为|达|是)?\s*$")
PLANNED, ACTUAL = _rx(_group("share", "planned")), _rx(_group("share", "actual"))
BUDGET_NAME = _rx(r"一般公共预算|公共预算|预算内|预算外")  # names of revenue, not a budget (一般公共预算收入)

QO, QC = "“「『", "”」』"  # quotation marks: mainland “”, Taiwan 「」『』
# Lists, matched in folded text (items are then read from the text itself, at the same offsets).
# an item holds no number and no measure word, or is quoted
ITEM = rf"(?:[{QO}][^{QO}{QC}、。]{{1,20}}[{QC}]|[^、,，。:：;；()（）{QO}{QC}\d个名项]{{1,12}})"
ENUMERATION = rf"{ITEM}(?:(?:、|和|及){ITEM})+"
LIST_BEFORE = re.compile(rf"({ENUMERATION})(?:等)?(?:[{QC}\"]的[{QO}\"]|[,，])?$")
LIST_AFTER = re.compile(rf"^[^、。\d{QO}]{{0,16}}?(?:{_group('count', 'list_opens')})({ENUMERATION})")
BRACKETED = re.compile(rf"^[^、。\d()（）{QO}{QC}]{{0,10}}?[(（]([^()（）\d]{{1,200}})[)）]")
COLON_LIST = re.compile(rf"^[^、。\d{QO}{QC}(（,，;；]{{0,8}}[:：]([^。:：]*[,，;；][^。:：]*)$")
LABEL_LIST = re.compile(rf"^[^、。\d]{{0,4}}[{QC}\"]\s*(?:[(（]|[,，:：]|即)({ENUMERATION})")  # “三要”(要钱、要粮、要命)


@dataclass(eq=False)  # one mention is itself only: two "103万元" of a text are two mentions
class Mention:
    """A candidate number in its sentence: where it stands, its name and year, and what the words around it make it."""

    i: int
    start: int
    end: int
    as_written: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    sentence: int = 0
    segment: int = 0
    clause: int = 0
    depth: int = 0
    before: str = ""  # folded text from the previous number of its clause (or the clause's start) to it
    name: str = ""
    named: bool = True  # the name is its own (see _Reading._mentions)
    year: str = ""
    direction: str = ""  # rise / fall: the change word just before it
    versus: str = ""  # 高于全省N个百分点: the noun of the rate it is compared with (全省)
    points: bool = False
    bound: bool = False  # one end only (突破400亿元, 65%以上): a bound, not an amount to divide by
    claim_end: int = 0
    pairs: frozenset = frozenset()  # the character pairs of its name and the noun after it (name lookups)
    roles: set = field(default_factory=set)  # "base", "later", "change", "part" ... what it is an input as

    @property
    def percent(self) -> bool:
        return self.unit == "%" and not self.points

    @property
    def amount(self) -> bool:
        return self.unit != "%" and not self.points and (_known(self.value) or _known(self.low) or _known(self.high))

    @property
    def level(self) -> bool:
        """An amount that is no change, rate or base (nor a counted label, 三产, 五办): what a clause states of its
        subject."""
        return self.amount and not self.direction and "base" not in self.roles and not self.label

    @property
    def label(self) -> bool:
        return bool(COUNTED_LABEL.fullmatch(self.as_written)) and fold(self.unit) not in COUNT_UNITS


PERSONS = ("人", "名", "位")  # the measure words of a count of persons
# measure word -> the group of those that count the same thing (claim_forms: the count form's same_thing)
SAME_THING = {u: k for k, w in enumerate(words("count", "same_thing")) for u in w.split("/")}


def same_unit(a: str, b: str) -> bool:
    """Two units of one kind: equal, or measure words that count the same thing (位 and 人, not 所 and 个).

    >>> same_unit("位", "人"), same_unit("名", "人"), same_unit("個", "所"), same_unit("人", "个"), same_unit("万元", "万元")
    (True, True, False, False, True)
    """
    a, b = fold(a), fold(b)
    return a == b or a in SAME_THING and SAME_THING[a] == SAME_THING.get(b)


def _rankable(x: Mention) -> bool:
    """An amount or a rate a clause states of its subject (出缺率12%): what a list compares or ranks."""
    return x.level or x.percent and not x.direction and "base" not in x.roles


def _known(x) -> bool:
    return x is not None and not pd.isna(x)


class _Index:
    """Which sentence (;-item, clause) a place is in: ``index[pos]``, by bisection of their starts."""

    def __init__(self, starts: list[int]):
        self.starts = starts

    def __getitem__(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1


class _Depth:
    """How many brackets are open at a place (``depth[pos]``); an unclosed one ends with its sentence."""

    def __init__(self, changes: list[tuple[int, int]]):
        self.at, self.depth = [p for p, _ in changes], [d for _, d in changes]

    def __getitem__(self, pos: int) -> int:
        return self.depth[bisect_right(self.at, pos) - 1]


class _Reading:
    """A text read once: folded to simplified characters, cut into sentences, ;-items and clauses, with the
    bracket depth and year of every place, and its candidate numbers as mentions."""

    def __init__(self, text: str, candidates: pd.DataFrame):
        self.text = text
        self.folded = fold(text)
        soft = self._soft_breaks()
        clause, segment, sentence, brackets = [0], [0], [0], [(0, 0)]  # starts; (position, depth from there on)
        depth = 0
        for found in BOUNDARY.finditer(self.folded):
            pos, char = found.start(), found.group()
            if char == "\n" and pos in soft:
                continue
            if char in OPENS or char in CLOSES:
                depth = depth + 1 if char in OPENS else max(0, depth - 1)
                brackets.append((pos + 1, depth))
                continue
            clause.append(pos + 1)
            if char in SEGMENT_END or char == "\n":
                segment.append(pos + 1)
            if char in HARD_END or char == "\n":
                sentence.append(pos + 1)
                depth = 0  # an unclosed bracket ends with its sentence
                brackets.append((pos + 1, 0))
        self.clause_starts, self.segment_starts, self.sentence_starts = clause, segment, sentence
        self.clause, self.segment, self.sentence = _Index(clause), _Index(segment), _Index(sentence)
        self.depth = _Depth(brackets)
        self.years = [(m.start(), m.end(), _year(m), not self.base_year(m.start())) for m in YEAR.finditer(self.folded)]
        self.year_ends = [e for _, e, _, _ in self.years]
        self.mentions = self._mentions(candidates)

    def base_year(self, pos: int) -> bool:
        """Whether the year at ``pos`` is a base's (较一一四年度, 由2019年的): it belongs to that amount only."""
        return bool(BASE_YEAR.search(self.folded, self.clause_starts[self.clause[pos]], pos))

    def sentence_end(self, sentence: int) -> int:
        return self.sentence_starts[sentence + 1] if sentence + 1 < len(self.sentence_starts) else len(self.folded)

    def _soft_breaks(self) -> set[int]:
        """Line breaks inside a sentence (a gazetteer's hard-wrapped lines): the line before is long and ends
        without a stop, the next goes on without a heading or list marker."""
        soft, pos = set(), 0
        lines = self.folded.split("\n")
        for k, line in enumerate(lines[:-1]):
            pos += len(line)
            after = lines[k + 1]
            if (len(line.strip()) >= 20 and line.rstrip()[-1:] not in "。！？!?；;：:" and after.strip()
                    and not LIST_MARK.match(after)):
                soft.add(pos)
            pos += 1
        return soft

    def _mentions(self, candidates: pd.DataFrame) -> list[Mention]:
        out: list[Mention] = []
        for row in candidates.sort_values("start").to_dict("records"):
            start, end = int(row["start"]), int(row["end"])
            k = bisect_right(self.year_ends, start)  # the first year ending after the number starts
            if k < len(self.years) and self.years[k][0] < end:
                continue  # a year ("107年度"), not an amount
            if row["as_written"].startswith("百分") and self.folded[start - 1:start] == "个":
                continue  # 百分 of 个百分点, read as a number of its own
            if self.folded[start - 1:start] in "[【" and self.folded[end:end + 1] in "]】" and start:
                continue  # a note's marker ([1]), not a number of the text
            m = Mention(len(out), start, end, row["as_written"], _num(row["value"]), _num(row.get("low")),
                        _num(row.get("high")), row["unit"] if isinstance(row["unit"], str) else "")
            m.claim_end = end
            m.bound = _known(m.low) != _known(m.high)  # 突破400亿, 65%以上: one end only
            tail = POINTS.match(self.folded, end) if m.as_written.endswith(("个", "個")) else None
            if tail or "百分点" in fold(m.as_written):
                m.points, m.unit = True, "个百分点"
                m.claim_end = tail.end() if tail else end
            m.sentence, m.segment, m.clause, m.depth = (self.sentence[start], self.segment[start], self.clause[start],
                                                        self.depth[start])
            out.append(m)
        for k, m in enumerate(out):
            left = self.clause_starts[m.clause]
            if k and out[k - 1].clause == m.clause:
                left = max(left, out[k - 1].claim_end)
            m.before = self.folded[left:m.start]
            m.year = self.year_at(m.start)
            m.name = self._name(m, out[k - 1] if k else None)
            # a name of its own: the clause's, an item's of a 、-list, or the head a from-to shares; not the words
            # between two numbers of a clause ("…3个5万人口以下的乡镇核定34人": 乡镇核定 is no name of 34人)
            m.named = not (k and out[k - 1].clause == m.clause) or m.before.lstrip().startswith("、") or len(_core(m.before)) < 2
            found = DIRECTION.search(m.before)
            said_before = self.clause_text(m)[:m.start - self.clause_starts[m.clause]]
            if found:
                word = found.group("rise") or found.group("fall")
                # 增加为B, 下降为3.2%: B is what it came to, not the change (增幅为6.5% is a rate)
                to = found.group("tail") == "为" and not word.endswith("幅")
                # 增/减/多/少 alone are change words only against a named base (较预算数X增N, 甲比乙多N), not in 新增
                if not to and (len(word) > 1 or AGAINST.search(said_before) or COMPARED_IN.search(said_before)):
                    m.direction = "rise" if found.group("rise") else "fall"
            compared = COMPARED.search(m.before) if m.points and not m.direction else None
            if compared and (len(compared.group("above") or compared.group("below")) > 1 or COMPARED_IN.search(said_before)):
                m.direction = "rise" if compared.group("above") else "fall"
                m.versus = LEVEL_WORDS.sub("", _core(compared.group("noun")))
        return out

    def clause_text(self, m: Mention) -> str:
        lo = self.clause_starts[m.clause]
        hi = self.clause_starts[m.clause + 1] if m.clause + 1 < len(self.clause_starts) else len(self.folded)
        return self.folded[lo:hi]

    def year_at(self, pos: int) -> str:
        """The year a place belongs to: the last year its ;-item names before it; else the last year the paragraph
        gives its subject before it (not a year after 较/比/与 or 由/从/自, which is a base's: "…较一一四年度增加…；
        歲出預算則較…" leaves the second item in the first item's 一一五年度); "" when none."""
        item_start = self.segment_starts[self.segment[pos]]
        paragraph_start = self.folded.rfind("\n", 0, pos) + 1
        for k in range(bisect_right(self.year_ends, pos) - 1, -1, -1):
            s, _, y, subject = self.years[k]
            if s < paragraph_start:
                break
            if s >= item_start or subject:
                return y
        return ""

    def same_year(self, a: str, b: str) -> bool:
        return not a or not b or a == b

    def _name(self, m: Mention, previous: Mention | None) -> str:
        """What an amount is of: the words before it in its clause (years, numbers and function words aside), or
        the clause's head when those are only such words ("自103年度A至107年度B": B is of the head)."""
        own = _core(m.before)
        if len(own) >= 2 or previous is None or previous.clause != m.clause:
            return own
        head = self.folded[self.clause_starts[m.clause]:m.start]
        cut = re.search(rf"{FROM.pattern}|\d", head)
        return _core(head[:cut.start()] if cut else head)


def _year_number(year: str) -> int | None:
    """A year as a number (2023, or an ROC year 113), None when unknown or a span."""
    return int(year) if year and year.isdigit() else None


def _num(x):
    return None if x is None or pd.isna(x) else float(x)


def _year(m: re.Match) -> str:
    if m.group(1):
        return m.group(1)
    if m.group(2):
        return m.group(2)
    return "".join(CN_DIGITS[c] for c in m.group(3))


def _core(words_: str) -> str:
    text = YEAR.sub("", words_)
    text = re.sub(r"[\d.,，%％]+", "", text)
    return NAME_STOP.sub("", text)


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} if len(s) > 1 else ({s} if s else set())


def name_score(wanted: str, name: str) -> float:
    """How much of the name ``wanted`` an amount's name repeats: the share of its character pairs found there.

    >>> name_score("下放权限", "本市下放管理权限"), name_score("岁入", "审定岁入决算数"), name_score("岁入", "岁出")
    (0.6666666666666666, 1.0, 0.0)
    """
    pairs = _bigrams(wanted)
    return len(pairs & _bigrams(name)) / len(pairs) if pairs else 0.0


def _same_name(a: str, b: str) -> bool:
    """Two names of one quantity: equal but for a place or a period word before one of them (全县, 本县, 屏县; 全年)."""
    a, b = _unplaced(a), _unplaced(b)
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 2 and (short == long_ or long_.endswith(short) and bool(PLACE_NAME.match(long_[:-len(short)])))


PERIOD_WORD = re.compile(rf"^(?:{_group('restatement', 'period')})")
STAGE = re.compile(rf"(?:{_group('restatement', 'stage')})$")
DEMONSTRATIVE = re.compile(rf"(?:{_group('restatement', 'demonstrative')})")  # 这320人: the count just stated
COUNT_LEAD = re.compile(rf"^.*?(?:{_group('restatement', 'count_lead')})")


def _unplaced(name: str) -> str:
    """A name without the place and the period words before it (全县全年一般公共预算收入 -> 一般公共预算收入)."""
    return PLACE.sub("", PERIOD_WORD.sub("", PLACE.sub("", name)))


def _same_but_stage(a: str, b: str) -> bool:
    """A name and the same name with the stage a 决算 states after it (岁入 / 岁入决算数)."""
    a, b = _unplaced(a), _unplaced(b)
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 2 and long_ != short and long_.startswith(short) and bool(STAGE.fullmatch(long_[len(short):]))


class _Finder:
    def __init__(self, text: str, candidates: pd.DataFrame):
        self.r = _Reading(text, candidates)
        self.text, self.f = text, self.r.folded
        self.m = self.r.mentions
        self.rows: list[dict] = []
        self.sums: list[tuple[Mention, list[Mention]]] = []
        self.summed: set[int] = set()
        self.class_totals: set[int] = set()  # totals a sum of products binds: no 其中 list's total besides
        self.points_pairs: dict[int, tuple[Mention, Mention] | None] = {}
        self._named: NamedAmounts | None = None
        self.starts = [x.start for x in self.m]
        for x in self.m:
            x.pairs = frozenset(_bigrams(x.name + self.after_noun(x)))
        self.respective_names()
        self.percent_bases()

    def respective_names(self):
        """甲、乙、丙产量分别为a、b和c: the k-th amount is of the k-th name (and the tail the last name gives them all,
        产量), not of all three, when as many amounts as names follow 分别 in its clause."""
        for found in RESPECTIVE.finditer(self.f):
            clause = self.r.clause[found.start()]
            head = self.f[self.r.clause_starts[clause]:found.start()]
            names = [x for x in re.split(r"[、和及与]", _core_keep_list(head)) if x]
            end = self.r.clause_starts[clause + 1] if clause + 1 < len(self.r.clause_starts) else len(self.f)
            # the amounts run on after the clause's comma-free list (a、b和c): to the end of the ;-item's clause run
            amounts = [x for x in self.between(found.end(), self.r.sentence_end(self.r.sentence[found.start()]))
                       if (x.amount or x.percent) and x.segment == self.r.segment[found.start()]]
            amounts = [x for x in amounts if self.r.clause[x.start] == clause
                       or not re.search(rf"[{STOP}]", self.f[found.end():x.start].replace(",", "").replace("，", ""))]
            amounts = [x for x in amounts if x.percent == amounts[0].percent]  # amounts, or rates: one kind
            if len(names) < 2 or len(amounts) != len(names) or any(m.depth for m in amounts):
                continue
            if len({len(x) for x in names[:-1]}) == 1 and len(names[-1]) > len(names[0]):
                tail = names[-1][len(names[0]):]  # 早稻、晚稻、旱粮产量: 早稻产量 …
                names = [x + tail for x in names[:-1]] + names[-1:]
            for x, name in zip(amounts, names):
                x.pairs = frozenset(_bigrams(name))

    def percent_bases(self):
        """比上年的46.1%, 较上年的40.2%: a percentage right after 比/较 and a noun is the base of a change, no share and
        no later rate."""
        for x in self.m:
            if x.unit == "%" and not x.points and not x.direction and BASE_MARK.search(x.before):
                x.roles.add("base")

    # --- proposals ---
    def propose(self, form: str, claim: Mention | tuple[int, int, str], rule: str, inputs=(), roles=(), items="",
                count_by="", reason="", fact: Mention | None = None):
        """One proposal. Its span is the claimed candidate's (its fact in a review file); ``claimed`` also holds
        the words that finish it (3.72个 -> 3.72个百分点). The pattern carries the reason of an unverifiable one, so
        that a review file's note says what was not checked. ``fact``: the claim fact when the claim's words are
        not a number (居第3名, 最高: the amount ranked), its span in ``fact_span`` and its number as ``claimed``."""
        if isinstance(claim, Mention):
            start, end, written = claim.start, claim.end, self.text[claim.start:claim.claim_end]
        else:
            start, end, written = claim
        if fact is not None:
            written = fact.as_written
        spec = FORM[form]
        self.rows.append({
            "form": form, "rule": UNVERIFIABLE if reason else rule, "claimed": written, "claim_start": start,
            "claim_end": end, "line": 0, "inputs": " ".join(p.as_written for p in inputs),
            "input_spans": [(p.start, p.end) for p in inputs], "roles": " ".join(roles), "items": items,
            "count_by": count_by, "pattern": f"{spec.pattern} ({UNVERIFIABLE}: {reason})" if reason else spec.pattern,
            "reason": reason, "fact_span": (fact.start, fact.end) if fact is not None else None})

    def unverifiable(self, form: str, claim, reason: str | None = None):
        self.propose(form, claim, UNVERIFIABLE, reason=reason or FORM[form].unverifiable)

    # --- helpers over mentions ---
    def segment_mentions(self, m: Mention) -> list[Mention]:
        return [x for x in self.in_sentence(m) if x.segment == m.segment]

    def preceding(self, m: Mention) -> list[Mention]:
        """Mentions before ``m`` in its ;-item, nearest first."""
        out = []
        for x in self.back(m.i):  # mentions are in the text's order: an item's are together
            if x.segment != m.segment:
                break
            out.append(x)
        return out

    def back(self, i: int):
        """The mentions before the i-th, nearest first."""
        return (self.m[k] for k in range(i - 1, -1, -1))

    def between(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start at or after ``lo`` and before ``hi``."""
        return self.m[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def in_sentence(self, m: Mention) -> list[Mention]:
        return self.between(self.r.sentence_starts[m.sentence], self.r.sentence_end(m.sentence))

    def subject(self, m: Mention, unit: str, exclude=()) -> Mention | None:
        """The amount the item is about: the nearest amount of ``unit`` before ``m`` in its segment that is
        stated as a level (no change, rate or base) and not nested deeper than ``m``."""
        for x in self.preceding(m):
            if x not in exclude and x.level and x.unit == unit and x.depth <= m.depth:
                return x
        return None

    def by_name(self, wanted: str, unit: str, year: str, before: int, exclude=(), threshold: float = 0.5):
        """The amount of ``unit`` and ``year`` stated before ``before`` whose name repeats ``wanted`` best; on a tie
        the one named as a total (总, 合计), then the first stated."""
        wanted = PLACE.sub("", _core(WHOLE_WORDS.sub("", wanted)) or _core(wanted))
        pairs = _bigrams(wanted)
        if not pairs:
            return None
        best, best_key = None, None
        for x in self.m[:bisect_left(self.starts, before)]:
            if not pairs & x.pairs or x in exclude or not x.amount or x.direction:
                continue
            if (x.unit != unit and x.unit and unit) or not self.r.same_year(x.year, year):
                continue  # a number written without its unit (1.3亿) stands for any unit
            score = len(pairs & x.pairs) / len(pairs)
            if score < threshold:
                continue
            key = (score, not x.bound, bool(WHOLE_WORDS.search(x.before)), -x.start)
            if best_key is None or key > best_key:
                best, best_key = x, key
        return best

    def item_head(self, m: Mention) -> str:
        """What m's ;-item says before m's clause, numbers and function words aside ("" when m's clause opens it)."""
        return _core(self.f[self.r.segment_starts[m.segment]:self.r.clause_starts[m.clause]])

    def after_noun(self, m: Mention) -> str:
        """The noun a count names after it ("4个一类乡镇", "401项管理权限中"), up to the clause's end."""
        # 、 opens the next item of a list: 人事费1,200万元、业务费600万元 names no 业务费 after 1,200万元
        tail = re.match(rf"[^{STOP}\d(（{QO}、]{{0,8}}", self.f[m.end:m.end + 8])
        return _core(tail.group()) if tail else ""

    @property
    def named(self) -> NamedAmounts:
        """The text's levels and rates by the place each is named with (甲镇 -> its one rate), built when a form first
        asks: a rate or amount stated of a year before (由前一年的x%, 上年为A) or as a base (较A) is none of them."""
        if self._named is None:
            self._named = NamedAmounts(self.text, [(x.i, x.start, self.r.segment_starts[x.segment], _kind(x), x.year)
                                                   for x in self.m if self._entity_value(x)])
        return self._named

    def _entity_value(self, x: Mention) -> bool:
        return _rankable(x) and not x.bound and not x.roles & {"base", "change"} \
            and not (AGAINST_END.search(x.before) or PRIOR_SAID.search(x.before) or FROM_YEAR.search(x.before))

    def named_pair(self, a: str, b: str, year: str, kind: str | None = None) -> tuple[Mention, Mention] | None:
        """The amounts of places ``a`` and ``b``: of ``kind``, else of the one kind each has exactly one amount of."""
        kinds = [kind] if kind else sorted({k for _, k, _, _ in self.named.by_name.get(a, ())})
        pairs = []
        for k in kinds:
            x, y = self.named.lookup(a, k, year), self.named.lookup(b, k, year)
            if x is not None and y is not None:
                pairs.append((self.m[x], self.m[y]))
        return pairs[0] if len(pairs) == 1 else None

    # --- the forms: from-to first (it marks bases and later amounts), totals before shares (a part's total is a
    # share's whole), restatements last (no change, base or claim restates) ---
    def run(self) -> pd.DataFrame:
        self.from_to()
        for m in self.m:  # a points change's base share (比上年的70%, 上年为79%) is an input, not a share to check
            if m.points and m.direction and "claim" not in m.roles:
                pair = self.base_and_later(m, "%")
                self.points_pairs[m.i] = pair
                if pair is not None:
                    pair[0].roles.add("base")
        self.counts()
        self.sums_of_products()
        self.totals()
        self.structure()
        self.named_rates()
        self.named_shares()
        self.verb_rates()
        self.shares()
        self.splits()
        self.changes()
        self.entity_points()
        self.gaps()
        self.balances()
        self.deducted_balances()
        self.averages()
        self.listed_means()
        self.multiples()
        self.products()
        self.per_unit_products()
        self.comparisons()
        self.bound_restatements()
        self.restatements()
        self.count_restatements()
        frame = pd.DataFrame(self.rows, columns=COLUMNS)
        line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        frame["line"] = [bisect_right(line_starts, start) for start in frame["claim_start"]]
        return frame.sort_values(["claim_start", "form"], kind="stable").reset_index(drop=True)

    def from_to(self):
        """由A减为B(, 精简C% / 减少N个 / 提高N个百分点 / 倍增): A is the base, B the later amount."""
        for a in self.m:
            if not FROM_END.search(a.before):
                continue
            b = next((x for x in self.m[a.i + 1:a.i + 2] if x.segment == a.segment), None)
            if b is None or a.unit != b.unit or not TO_BETWEEN.match(self.f[a.claim_end:b.start]):
                self.from_named(a)
                continue
            a.roles.add("base")
            b.roles.add("later")
            claim = next((x for x in self.m[b.i + 1:b.i + 3] if x.segment == b.segment and x.direction), None)
            if claim is None:
                continue
            claim.roles.add("claim")
            fall = claim.direction == "fall"
            if self.yearly(claim):
                form = "points" if claim.points else "from_to" if claim.percent else "difference"
                self.unverifiable(form, claim, "a mean yearly rate: the years it averages over are not counted")
                continue
            if claim.unit == "倍" and not fall:  # 由A增长到B,增长2倍: two times more
                self.propose("multiple", claim, "growth_times", (a, b), ("base", "later"))
            elif claim.points and a.percent:
                self.propose("points", claim, _rule("points", fall), (a, b), ("base", "later"))
            elif claim.percent:
                self.propose("from_to", claim, _rule("from_to", fall), (a, b), ("base", "later"))
            elif claim.amount and claim.unit == a.unit:
                self.propose("difference", claim, "difference", (a, b) if fall else (b, a),
                             ("base", "later") if fall else ("later", "base"))
        # 从A到B, 倍增: the word that doubles, after a from-to
        for found in DOUBLED.finditer(self.f):
            at = found.start()
            later = next((x for x in self.back(bisect_left(self.starts, at))
                          if x.end <= at and "later" in x.roles and x.sentence == self.r.sentence[at]), None)
            base = self.m[later.i - 1] if later is not None and later.i else None
            claim = (found.start(), found.end(), self.text[found.start():found.end()])
            if later is not None and base is not None and "base" in base.roles:
                self.propose("multiple", claim, "ratio", (later, base), ("later", "base"))
                continue
            # X A, 较2020年的B翻了一番: B the base right before the word, A the amount the clause before is about
            base = next((x for x in self.back(bisect_left(self.starts, at)) if x.end <= at), None)
            later = None
            if base is not None and base.sentence == self.r.sentence[at] and base.amount \
                    and re.fullmatch(rf"[^{STOP}\d]{{0,3}}", self.f[base.claim_end:at]) and AGAINST_END.search(base.before):
                later = self.subject(base, base.unit, exclude=(base,))
            if later is not None:
                base.roles.add("base")
                self.propose("multiple", claim, "ratio", (later, base), ("later", "base"))
            else:
                self.unverifiable("multiple", claim)

    def from_named(self, a: Mention):
        """甲鎮由前一年的15.1%上升2.4%: the base after 由, the change right after it; the later is the one amount of the
        base's kind and of the claim's year the text gives the place named before 由 (its clause), else nothing here."""
        claim = self.m[a.i + 1] if a.i + 1 < len(self.m) else None
        if claim is None or claim.clause != a.clause or not claim.direction or "claim" in claim.roles \
                or not DIRECTION.fullmatch(claim.before.strip()) or self.yearly(claim):
            return
        names = self.named.names_between(self.r.clause_starts[a.clause], a.start)
        # the ;-item's year is the base's when only the base states one (由2022年的A): the later's is then not said
        key = self.named.lookup(names[-1][2], _kind(a), "" if claim.year == a.year else claim.year) if names else None
        if key is None:
            return
        later, fall = self.m[key], claim.direction == "fall"
        if claim.points and a.percent:
            form, rule = "points", _rule("points", fall)
        elif claim.percent:
            form, rule = "from_to", _rule("from_to", fall)
        elif claim.amount and claim.unit == a.unit:
            self.propose("difference", claim, "difference", (a, later) if fall else (later, a),
                         ("base", "later") if fall else ("later", "base"))
            a.roles.add("base")
            return
        else:
            return
        a.roles.add("base")
        claim.roles.add("claim")
        self.propose(form, claim, rule, (a, later), ("base", "later"))

    def changes(self):
        """Rates and amounts of change (增长X%, 同比增收N, 较上年度之A增加Y%), and 持平."""
        for m in self.m:
            if not m.direction or "claim" in m.roles or "later" in m.roles or "base" in m.roles:
                continue
            if m.unit == "倍":  # X比A增长2倍: two times more than the base
                m.roles.add("claim")
                self.times_more(m)
                continue
            if (m.percent or self.points_pairs.get(m.i) is None) and self.structure_change(m):
                continue  # 第一产业比重下降N个百分点: the terms of a structure changed before
            if m.points:
                self.points_change(m)
            elif m.percent:
                self.rate_of_change(m, self.against_base(m))
            elif m.amount:
                m.roles.add("change")
                pair = self.base_and_later(m, m.unit)
                if pair is not None:
                    base, later = pair
                    fall = m.direction == "fall"
                    self.propose("difference", m, "difference", (base, later) if fall else (later, base),
                                 ("base", "later") if fall else ("later", "base"))
                    continue
                self.unverifiable("difference", m)
        for found in FLAT_WORD.finditer(self.f):  # 与去年持平: the amount before it did not change
            at = found.start()
            if not FLAT_AGAINST.search(self.f, self.r.clause_starts[self.r.clause[at]], at):
                continue  # 保持平稳: no comparison
            m = next((x for x in self.back(bisect_left(self.starts, at)) if x.end <= at and x.segment == self.r.segment[at]
                      and self.r.clause[at] - x.clause <= 1), None)
            if m is not None and m.amount:
                self.unverifiable("change", m)

    def times_more(self, m: Mention):
        """X比A增长N倍: (A, X), the base right after 比/较 and the amount the clause is about, in one unit."""
        base = next((x for x in self.preceding(m)[:3] if x.clause >= m.clause - 1 and x.amount
                     and AGAINST_END.search(x.before)), None)
        later = self.subject(m, base.unit, exclude=(base,)) if base is not None and m.direction == "rise" else None
        if later is None:
            self.unverifiable("multiple", m)
        else:
            base.roles.add("base")
            self.propose("multiple", m, "growth_times", (base, later), ("base", "later"))
    def points_change(self, m: Mention):
        """提高N个百分点: from the share before to the share now, each bound as a change's base and later are."""
        pair = self.base_and_later(m, "%") or self.compared_named(m)
        if pair is not None:
            base, later = pair
            self.propose("points", m, _rule("points", m.direction == "fall"), (base, later), ("base", "later"))
        else:
            self.unverifiable("points", m)

    def base_and_later(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """The base and the later amount (of ``unit``; "%" a percentage) of the change ``m`` states: the amount
        right after 较/比 (or between 与 and 相比), else a clause of the item that gives the base (上年为A, 2022年为A),
        else the amount the words after 较/比 name (较预算数), else the year before's of the same name (同比)."""
        if self.yearly(m):
            return None
        if m.i in self.points_pairs:
            return self.points_pairs[m.i]
        base = self.against_base(m)
        if base is not None and (base.unit == unit or unit == "%" and base.percent):
            later = self.later_of(m, base) if unit != "%" else self.percent_subject(m, exclude=(base,))
            if later is not None:
                return base, later
            return None
        if m.versus:  # 高于全省N个百分点: the rate of what it is compared with, or none
            return self.compared_base(m)
        return (self.base_in_item(m, unit) or self.named_base(m, unit) or self.previous_year_base(m, unit)
                or self.named_prior_base(m, unit) or self.prior_named_base(m, unit))

    def compared_base(self, m: Mention) -> tuple[Mention, Mention] | None:
        """高于全省2.1个百分点 (全省为56.1%, 全市平均为62.2%): the base is the percentage of m's ;-item whose clause
        names what m is compared with; the later the item's own rate."""
        base = next((x for x in self.segment_mentions(m) if x is not m and self._of_unit(x, "%")
                     and m.versus in _core(self.f[self.r.clause_starts[x.clause]:x.start])), None) \
            if len(m.versus) >= 2 else None
        later = self.percent_subject(m, exclude=(base,)) if base is not None else None
        return (base, later) if later is not None else None

    def compared_named(self, m: Mention) -> tuple[Mention, Mention] | None:
        """甲鎮高於乙鎮N個百分點, 丙鄉低於平均N個百分點: the base is the one rate the text gives the place compared with
        (乙鎮), or the one rate it states as an average (平均為a%, 各乡镇平均达标率为a%) before m; the later the item's own
        rate, else the one rate of the place the clause names before the word. None when any is not exactly one."""
        lo = self.r.clause_starts[m.clause]
        said = None
        for said in COMPARED_WORD.finditer(self.f, lo, m.start):
            pass
        bi = BI_NAMED.search(self.f, lo, m.start) if said is None else None  # 東山鄉比城關鎮高N個百分點
        if said is None and bi is None or self.yearly(m):
            return None
        word_at, noun_lo, noun_hi = (said.start(), said.end(), m.start) if said else (bi.start(), *bi.span("noun"))
        noun = self.f[noun_lo:noun_hi]
        if AVERAGE.search(noun):
            bases = [x for x in self.m[:m.i] if x.percent and _rankable(x) and not x.bound
                     and AVERAGE.search(self.f, self.r.clause_starts[x.clause], x.start)]
            base = bases[0] if len(bases) == 1 else None
        else:
            names = self.named.names_between(noun_lo, noun_hi)
            key = self.named.lookup(names[0][2], "%", m.year) if len(names) == 1 else None
            base = self.m[key] if key is not None else None
        if base is None:
            return None
        later = self.percent_subject(m, exclude=(base,))
        if later is None:
            names = self.named.names_between(lo, word_at)
            key = self.named.lookup(names[-1][2], "%", m.year, exclude=(base.i,)) if names else None
            later = self.m[key] if key is not None else None
        return (base, later) if later is not None and later is not base else None

    def entity_points(self):
        """甲鎮與乙鎮相差N個百分點: the one rate the text gives each of the two places the clause names before 相差; the
        smaller is the base, the larger the later; unverifiable when either has none or several."""
        for m in self.m:
            if not m.points or m.direction or m.roles or "claim" in m.roles:
                continue
            lo = self.r.clause_starts[m.clause]
            if not DIFFER_WORD.search(self.f, lo, m.start):
                continue
            names = self.named.names_between(lo, m.start)
            if len(names) != 2 or names[0][2] == names[1][2] \
                    or not JOINED.fullmatch(self.f[names[0][1]:names[1][0]]):
                continue
            pair = self.named_pair(names[0][2], names[1][2], m.year, "%")
            m.roles.add("claim")
            if pair is None:
                self.unverifiable("points", m)
                continue
            base, later = sorted(pair, key=lambda x: x.value if _known(x.value) else 0)
            self.propose("points", m, "points", (base, later), ("base", "later"))

    def yearly(self, m: Mention) -> bool:
        """年均增长X%: a mean yearly rate, no change between two stated amounts."""
        return bool(YEARLY.search(self.f, self.r.clause_starts[m.clause], m.start))

    def later_of(self, m: Mention, base: Mention) -> Mention | None:
        return self.subject(m, base.unit, exclude=(base,)) or self.later_by_name(m, base) or self.later_by_subject(m, base)

    def only_named(self, noun: str, unit: str, exclude=()) -> Mention | None:
        """The one amount of ``unit`` the text states under all of ``noun`` (a place aside), no change, base or
        amount of the year before (上年…, 去年…); None when none or several fit."""
        noun = PLACE.sub("", noun)
        if len(noun) < 2:
            return None
        fits = [x for x in self.m if x not in exclude and x.level and x.unit == unit and noun in x.name + self.after_noun(x)
                and not PRIOR_NAME.search(PLACE.sub("", x.name)) and not AGAINST_END.search(x.before)]
        return fits[0] if len(fits) == 1 else None

    def later_by_subject(self, m: Mention, base: Mention) -> Mention | None:
        """現有員額較去年的A減少N: the later amount is the one the text states under the noun before 较/比 in the
        base's clause (現有員額僅B, another sentence), when exactly one fits."""
        head = self.f[self.r.clause_starts[base.clause]:base.start]
        cut = AGAINST_START.search(head)
        if cut is None:
            return None
        return self.only_named(_core(head[:cut.start()]), base.unit, exclude=(base, m))

    def named_prior_base(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """约聘人员去年为A,今年再增加N: the base is A, a clause of m's ;-item naming its subject before a prior word;
        the later the one amount stated elsewhere under that subject's name."""
        for x in self.preceding(m):
            if not self._of_unit(x, unit) or unit == "%":
                continue
            said = NAMED_PRIOR.match(self.f, self.r.clause_starts[x.clause], x.end)
            if said is None or said.end() != x.start:
                continue
            later = self.only_named(_core(said.group("noun")), x.unit, exclude=(x, m))
            return (x, later) if later is not None else None
        return None

    def prior_named_base(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """全年实际完成A,比上年增长P% … 上年全镇一般公共预算收入决算数为B: the base is the one amount named with a prior
        word whose noun (a place and a stage aside) m's sentence names before the later amount A, the item's subject."""
        lo = self.r.segment_starts[m.segment]
        if unit == "%" or not PREVIOUS_YEAR.search(self.f, lo, m.start):
            return None
        later = next((x for x in self.preceding(m) if self._of_unit(x, unit) and x.depth <= m.depth), None)
        if later is None:
            return None
        said = self.f[self.r.sentence_starts[later.sentence]:later.start]
        fits = []
        for x in self.m:
            name = PLACE.sub("", x.name)
            prior = PRIOR_NAME.match(name)
            if x is later or prior is None or x.unit != later.unit or not self._of_unit(x, unit):
                continue
            noun = STAGE.sub("", PLACE.sub("", name[prior.end():]))
            if len(noun) >= 2 and noun in _core(said):
                fits.append(x)
        return (fits[0], later) if len(fits) == 1 else None

    def item_subject(self, m: Mention) -> Mention | None:
        """农林水支出A,较上年的B增加N,…,占支出合计的S%: the amount that opens m's ;-item (no base, change or rate)."""
        first = next((x for x in self.segment_mentions(m) if x.i < m.i), None)
        if first is None or not first.level or first.clause != self.r.clause[self.r.segment_starts[m.segment]] \
                or AGAINST_END.search(first.before) or first.depth > m.depth:
            return None
        return first

    def among_whole(self, part: Mention, m: Mention) -> Mention | None:
        """已承接事项中实际运行62项,占78.48%: the whole is the amount the text states under the noun of the last
        clause of the part's sentence (up to the part's) that opens "(在)X(之)中" (X's words before its last two, its
        head: 已承接事项 -> 承接), stated before, exactly one; a "…中," closing a number nearer the part is its own."""
        lo = self.r.sentence_starts[part.sentence]
        found = None
        for k in range(self.r.clause[lo], part.clause + 1):
            said = AMONG_NOUN.match(self.f, self.r.clause_starts[k])
            if said is not None and said.end() <= part.start:
                found = said
        if found is None:
            return None
        total = self.containing_total(part)
        if total is not None and total.start > found.start():
            return None
        noun = found.group("noun")
        modifier = re.sub(r"^(?:已经|已|各)", "", noun[:-2]) if len(noun) >= 4 else ""
        key = _core(modifier) if len(_core(modifier)) >= 2 else _core(noun)  # names lose their function words (有)
        fits = [x for x in self.m[:m.i] if x is not part and x.level and x.unit == part.unit and x.depth <= m.depth
                and key in x.name + self.after_noun(x) and not PRIOR_NAME.search(PLACE.sub("", x.name))
                and not AGAINST_END.search(x.before) and x.start < found.start() + len(found.group())]
        fits = [x for x in fits if x.start < found.start() or x.clause == self.r.clause[found.start()] and x is not part]
        return fits[0] if len(fits) == 1 else None

    def verb_rates(self):
        """建成率89.13%, 承接率91.86%: the amount the rate's verb names before it in the sentence (已建成41个) over the
        total a "…中," closes (在86项事项中) or the one planned count (建设任务46个); either not stated: a value."""
        for m in self.m:
            if not m.percent or m.direction or m.roles:
                continue
            said = VERB_RATE.search(self.clause_head(m))
            if said is None:
                continue
            verb = said.group("rate")[:-1]
            part = next((x for x in self.back(m.i) if x.sentence == m.sentence and x.level and verb in x.before), None)
            if part is None:
                continue
            whole = self.containing_total(part)
            if whole is None:
                planned = [x for x in self.back(part.i) if x.sentence == m.sentence and x.level and x.unit == part.unit
                           and PLANNED.search(x.before)]
                whole = planned[0] if len(planned) == 1 else None
            if whole is None or whole is part:
                continue
            m.roles.add("claim")
            part.roles.add("part")
            self.propose("share", m, "share", (part, whole), ("part", "whole"))

    def percent_subject(self, m: Mention, exclude=()) -> Mention | None:
        """The percentage the item is about: the nearest one before ``m`` in its ;-item that is no change or base."""
        for x in self.preceding(m):
            if x not in exclude and x.percent and not x.direction and "base" not in x.roles and x.depth <= m.depth:
                return x
        return None

    @staticmethod
    def _of_unit(x: Mention, unit: str) -> bool:
        """A level of ``unit``: "%" a percentage that is no change, "" an amount of any unit."""
        if unit == "%":
            return x.percent and not x.direction and "base" not in x.roles
        return x.level and (not unit or x.unit == unit)

    def base_in_item(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """上年为A, 2022年为A, 一一二年度為A: a clause of m's ;-item that opens with a prior word or a year gives the
        base; the later is the item's other amount of its unit (of a later year when both name one)."""
        # the base may close the item (增长12%,达到5.6亿元,上年为5亿元): its amounts before m, nearest first, then after
        after = [x for x in self.segment_mentions(m) if x.i > m.i]
        stated = [x for x in self.preceding(m) + after if x.depth <= m.depth and self._of_unit(x, unit)]
        for x in stated:
            head = self.f[self.r.clause_starts[x.clause]:x.start]
            prior, dated = PRIOR_CLAUSE.match(head), YEAR_CLAUSE.match(head)
            if not (prior or dated):
                continue
            others = [y for y in stated if y is not x and y.unit == x.unit and y.percent == x.percent
                      and y.clause != x.clause]
            if len(others) != 1:
                return None  # the later amount is not one
            later = others[0]
            if prior and not dated:
                return x, later
            years = _year_number(x.year), _year_number(later.year)
            if None in years or years[0] == years[1]:
                return None
            return (x, later) if years[0] < years[1] else (later, x)
        return None

    def named_base(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """较预算数减少4%, 比预算少200万元: the amount the noun after 较/比 names, in m's sentence; the later amount is
        the item's subject."""
        said = NAMED_AGAINST.search(self.f, self.r.clause_starts[m.clause], m.start)
        if said is None or TIME_NOUN.match(said.group("noun")) or YEAR.search(said.group("noun")):
            return None
        noun = said.group("noun")
        base = next((x for x in reversed(self.in_sentence(m)) if x.i < m.i and self._of_unit(x, unit)
                     and (_core(noun) or noun) in x.name), None)  # names lose their function words (计)
        if base is None:
            return None
        # 甲镇比乙镇多N: the later is the amount the words before 比 name, else the item's subject
        head = _core(self.f[self.r.clause_starts[m.clause]:said.start()])
        named = self.by_name(head, base.unit, m.year, m.start, exclude=(base, m)) if len(head) >= 2 and unit != "%" else None
        later = named or (self.subject(m, base.unit, exclude=(base,)) if unit != "%" else
                          self.percent_subject(m, exclude=(base,)))
        return (base, later) if later is not None else None

    def previous_year_base(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """同比增长16% (比上年, 较上年度) of an amount whose year is known: the base is the amount of the same name and
        the year before, stated earlier in the text."""
        lo = self.r.segment_starts[m.segment]
        if not PREVIOUS_YEAR.search(self.f, lo, m.start):
            return None
        later = next((x for x in self.preceding(m) if self._of_unit(x, unit) and x.depth <= m.depth), None)
        year = _year_number(later.year) if later is not None else None
        if year is None:
            return None
        wanted = PLACE.sub("", later.name)
        best, best_score = None, 0.0
        for x in self.m[:later.i]:
            if _year_number(x.year) != year - 1 or x.unit != later.unit or not self._of_unit(x, unit):
                continue
            score = min(name_score(wanted, PLACE.sub("", x.name)), name_score(PLACE.sub("", x.name), wanted))
            if score >= 0.6 and score >= best_score:
                best, best_score = x, score
        return (best, later) if best is not None else None

    def against_base(self, m: Mention) -> Mention | None:
        """The amount right after 较/比/与 (较上年度之A, 比上年的A, 较预算数A), or between 与 and 相比 (与上年的A相比),
        in m's clause or the clause before."""
        for x in self.preceding(m)[:3]:
            if x.clause < m.clause - 1:
                break
            if x.unit != (m.unit if not m.percent and not m.points else x.unit):
                continue
            if AGAINST_END.search(x.before) or (VERSUS.search(x.before) and VERSUS_END.match(self.f, x.claim_end)) \
                    or self.named_mark(x, m):
                x.roles.add("base")
                return x
        return None

    def named_mark(self, x: Mention, m: Mention) -> bool:
        """较上年度决算数A, 比乙镇的A, 比全省平均水平a%: A right after 较/比 and a noun that names no change (not 同比增收N,
        较上年增加N); a rate's base is an amount, a points change's a percentage."""
        said = BASE_MARK.search(x.before)
        if said is None or re.search(rf"{RISE}|{FALL}", said.group("noun")):
            return False
        return x.percent if m.points else x.amount

    def later_by_name(self, m: Mention, base: Mention | None) -> Mention | None:
        """The amount of the name and year the change's item is about, stated elsewhere ("一一五年度歲入預算較
        一一四年度增加…" -> the 一一五年度 amount named 歲入預算)."""
        lo = self.r.segment_starts[m.segment]
        head = self.f[lo:m.start]
        cut = AGAINST_START.search(head) or DIRECTION.search(head) or re.search(rf"(?:{RISE}|{FALL})", head)
        head = head[:cut.start()] if cut else head
        wanted = _core(head)
        if len(wanted) < 2:
            return None
        unit = base.unit if base is not None else m.unit
        return self.by_name(wanted, unit, self.r.year_at(lo + len(head)), m.start, exclude=(m, base) if base else (m,))

    def rate_of_change(self, m: Mention, base: Mention | None):
        fall = m.direction == "fall"
        if self.yearly(m):
            self.unverifiable("change", m, "a mean yearly rate: the years it averages over are not counted")
            return
        if base is not None and base.amount:
            later = self.later_of(m, base) or self.later_after_base(base)
            if later is not None:
                self.propose("change", m, _rule("change", fall), (base, later), ("base", "later"))
                return
        change = next((x for x in self.preceding(m)[:1] if x.amount and x.direction), None)
        if change is not None:
            change.roles.add("change")
            later = self.subject(change, change.unit) or self.later_by_name(change, None)
            if later is not None:
                self.propose("change_with_amount", m, _rule("change_with_amount", change.direction == "fall"),
                             (later, change), ("later", "change"))
            else:
                self.unverifiable("change_with_amount", m)
            return
        if base is None:
            pair = (self.base_in_item(m, "") or self.named_base(m, "") or self.previous_year_base(m, "")
                    or self.prior_named_base(m, ""))
            if pair is not None and pair[0].amount:
                self.propose("change", m, _rule("change", fall), pair, ("base", "later"))
                return
        masked = MASKED.search(self.f, self.r.segment_starts[m.segment], m.start)
        self.unverifiable("change", m, "the amounts are masked in the text" if masked else None)

    def later_after_base(self, base: Mention) -> Mention | None:
        """與111年度歲入A相較,成長Y% in an item of its own: the later amount is the one stated earlier under the base's
        name (a place aside) and of a later year than the year written before the base; the nearest when several."""
        written = YEAR.search(base.before)
        base_year = _year_number(_year(written)) if written else None
        wanted = PLACE.sub("", base.name)
        if base_year is None or len(wanted) < 2:
            return None
        best, best_key = None, None
        for x in self.m[:base.i]:
            year = _year_number(x.year)
            if year is None or year <= base_year or x.unit != base.unit or not x.level:
                continue
            name = PLACE.sub("", x.name)  # all of the base's name (歲入 in 歲入決算數), then the closest, the nearest
            key = (name_score(wanted, name), name_score(name, wanted), x.start)
            if key[0] == 1.0 and (best_key is None or key > best_key):
                best, best_key = x, key
        return best

    def named_rates(self):
        """年增率为-4.5%, 人口增加率為-4.5‰: a rate of change named as a noun, its sign its direction (the rule growth:
        a fall is negative). The base is the amount after 较/比/与 in its ;-item (較上年度的A); the later the item's
        subject, else the amount of the base's name and a later year; else an earlier year's clause or the year
        before's amount of the same name (as for 增长X%). A second rate on the same base, or one after 其中, is a part's
        (自然增加率): unverifiable."""
        rated: set[int] = set()
        for m in self.m:
            if not m.percent or m.direction or m.roles & {"base", "later", "claim", "part"}:
                continue
            if not RATE_NOUN.search(self.f, self.r.clause_starts[m.clause], m.start):
                continue
            m.roles.add("claim")
            if self.yearly(m):
                self.unverifiable("change", m, "a mean yearly rate: the years it averages over are not counted")
                continue
            base = next((x for x in self.preceding(m) if x.amount and (
                AGAINST_END.search(x.before) or VERSUS.search(x.before) and VERSUS_END.match(self.f, x.claim_end)
                or self.named_mark(x, m))), None)
            pair = None
            if base is not None and (base.i in rated or QIZHONG.search(self.f, self.r.clause_starts[m.clause], m.start)):
                self.unverifiable("change", m)  # 其中自然增加率为…: a part of the rate before, not these amounts' change
                continue
            if base is not None:
                rated.add(base.i)
                base.roles.add("base")
                later = self.subject(m, base.unit, exclude=(base,)) or self.later_after_base(base)
                pair = (base, later) if later is not None else None
            else:
                pair = self.base_in_item(m, "") or self.previous_year_base(m, "")
            if pair is not None and pair[0].amount:
                self.propose("change", m, "growth", pair, ("base", "later"))
            else:
                self.unverifiable("change", m)

    def shares(self):
        """X … 占(Y的) Z%: the part the clause is about, the whole the words after 占 name."""
        by_item: dict[int, list[Mention]] = {}
        for m in self.m:
            if m.percent and not m.direction and not m.roles & {"base", "later", "claim", "part"}:
                by_item.setdefault(m.segment, []).append(m)
        for rates in by_item.values():
            shared_whole = None  # a whole one share of the ;-item names serves the others (比例分别为…, 合计占歲入…)
            found = []
            for m in rates:
                if self.whole_between(m) or self.execution_rate(m):
                    continue
                trigger = self.share_trigger(m)
                if trigger is None:
                    self.share_from(m)
                    continue
                found.append((m, trigger))
                named = self.whole_name(m, trigger) if not RATE.search(trigger.group()) else ""
                if named:
                    shared_whole = shared_whole or named
            for m, trigger in found:
                self.share(m, trigger, shared_whole)

    def clause_head(self, x: Mention) -> str:
        """The folded words of ``x``'s clause before it."""
        return self.f[self.r.clause_starts[x.clause]:x.start]

    def named_by(self, m: Mention, pattern: re.Pattern, unit: str | None, exclude=(), before: int | None = None):
        """The nearest amount before ``m`` (or position ``before``) in its sentence whose own words name it
        (``pattern`` in the words since the number before it in its clause), of ``unit`` when given."""
        at = m.start if before is None else before
        return next((x for x in self.back(m.i) if x.sentence == m.sentence and x.end <= at and x.level
                     and x not in exclude and (unit is None or same_unit(x.unit, unit))
                     and pattern.search(x.before)), None)  # its own words: 現有員額27人、預算員額30人

    def named_shares(self):
        """出缺率15%, 使用率为80%, 運轉率75%: a rate a noun names, its part the amount a clause before names 缺額
        (使用, 運轉), its whole the amount of that unit before the part named 預算員額 (共, 設計); one not stated: a
        value, no proposal. Bound by the names, never by the nearest larger number."""
        for m in self.m:
            if not m.percent or m.direction or m.roles:
                continue
            head = self.clause_head(m)
            kind = next((k for k, rx in NAMED_SHARE.items() if rx[0].search(head)), None)
            if kind is None:
                continue
            _, part_rx, whole_rx = NAMED_SHARE[kind]
            m.roles.add("claim")
            part = self.named_by(m, part_rx, None)
            whole = self.named_by(part, whole_rx, part.unit, exclude=(part,)) if part is not None else None
            if part is not None and whole is None:  # 建成站点中投入使用37个,使用率…: the whole a "X中" names
                whole = self.among_whole(part, m)
            if part is None or whole is None:  # a named rate whose part or whole is not stated is a value
                continue
            part.roles.add("part")
            self.propose("share", m, "share", (part, whole), ("part", "whole"))

    def gaps(self):
        """缺額5人, 尚缺6人: the budgeted posts (預算員額, 編制) less the filled ones (現有, 實有), both stated in the
        sentence before; 相差7人 after exactly two amounts of its unit in the sentence: the larger less the smaller.
        With either not stated nothing is proposed (a gap stated alone is data)."""
        for m in self.m:
            if not m.level or m.roles:
                continue
            head = self.clause_head(m)
            if GAP_WORD.search(head):
                filled = self.named_by(m, FILLED, m.unit)
                budgeted = self.named_by(m, BUDGETED, m.unit, exclude=(filled,))
                if budgeted is None and filled is not None:
                    budgeted = self.budgeted_before(m)
                # 行政编制486名、事业编制612名,合计1098名;实有1035人,空编63名: a kind of post is a part, the gap is of
                # the total the parts add up to
                budgeted = next((t for t, parts in self.sums if budgeted in parts and t.sentence == m.sentence
                                 and t.end <= m.start), budgeted)
                if filled is None or budgeted is None or FILLED.search(budgeted.before):
                    continue
                later, base = budgeted, filled
            elif DIFFER_WORD.search(head):
                stated = [x for x in self.in_sentence(m) if x.end <= m.start and x.level and x.unit == m.unit]
                if len(stated) != 2:
                    continue
                later, base = sorted(stated, key=lambda x: -x.value if _known(x.value) else 0)
            else:
                continue
            m.roles.add("claim")
            self.propose("difference", m, "difference", (later, base), ("later", "base"))

    def budgeted_before(self, m: Mention) -> Mention | None:
        """預算員額30人。現有27人,出缺3人: the budgeted posts stated in the sentence before the gap's, when exactly one
        amount of its unit and year there is named 預算員額/編制 (two would leave it unbound)."""
        found = [x for x in self.m if x.sentence == m.sentence - 1 and x.level and same_unit(x.unit, m.unit)
                 and self.r.same_year(x.year, m.year) and BUDGETED.search(x.before) and not FILLED.search(x.before)]
        return found[0] if len(found) == 1 else None

    def whole_between(self, m: Mention) -> bool:
        """为预算数5,000万元的104%, 占支出总额8亿元之80%, 完成年初预算5000万元的104%: the amount between the share
        word and 的/之 right before the rate is the whole; the part is the item's subject."""
        whole = self.m[m.i - 1] if m.i and self.m[m.i - 1].clause == m.clause else None
        # 占A的75%, 占A的比重为80%, 占全县财政收入(6亿元)的75%: A is the whole
        if whole is None or not whole.level or not WHOLE_THEN_RATE.match(self.f[whole.claim_end:m.start]):
            return False
        if not re.search(rf"(?:{OF_WHOLE}|相当于|完成|实现)[^{STOP}\d]{{0,10}}$", whole.before):
            return False
        part = self.subject(m, whole.unit, exclude=(whole,))
        if part is None:
            self.unverifiable("share", m, "the part is not stated")
        else:
            part.roles.add("part")
            self.propose("share", m, "share", (part, whole), ("part", "whole"))
        return True

    def execution_rate(self, m: Mention) -> bool:
        """执行率/完成率X%: the actual amount over the budgeted or planned one, both named in the sentence
        (预算支出A, 实际支出B); 一般公共预算 names revenue, not a budget."""
        if not EXECUTION.search(self.f, self.r.clause_starts[m.clause], m.start):
            return False
        # the amounts may follow the rate (执行率为95.2%,预算数1亿元,实支数9520万元): the sentence's, either side
        stated = [x for x in self.in_sentence(m) if x is not m and x.level]
        planned = [x for x in stated if PLANNED.search(BUDGET_NAME.sub("", x.before))]
        actual = [x for x in stated if x not in planned and ACTUAL.search(BUDGET_NAME.sub("", x.before))]
        if len(planned) == 1 and len(actual) == 1 and planned[0].unit == actual[0].unit:
            actual[0].roles.add("part")
            self.propose("share", m, "share", (actual[0], planned[0]), ("part", "whole"))
        else:
            self.unverifiable("share", m, "the budgeted or the actual amount is not stated")
        return True

    def share_trigger(self, m: Mention) -> re.Match | None:
        lo = self.r.segment_starts[m.segment]
        text = self.f[lo:m.start]
        last = None
        for last in SHARE.finditer(text):
            pass
        budget = None
        for budget in BUDGET.finditer(text):
            pass
        qualified_of = "的" in fold(m.as_written) and bool(QUALIFIED_OF.match(fold(m.as_written)))
        best = max((x for x in (last, budget) if x is not None), key=lambda x: x.end(), default=None)
        if best is None and not qualified_of:
            return None
        if best is not None and self.r.clause[lo + best.start()] < m.clause - 1 and not EACH.search(text[best.end():]):
            return None  # a share word two clauses back belongs to another number
        return best if best is not None else re.match("", "")

    def whole_name(self, m: Mention, trigger: re.Match) -> str:
        """The whole the words after 占 (为…的, 达…的) name ("占下放權限總數的" -> 下放权限总数; "合计占歲入94%" ->
        歲入); for 完成投资率为X%, the thing the rate is of (投资); else ""."""
        lo = self.r.segment_starts[m.segment]
        if BUDGET.fullmatch(trigger.group() or "-"):
            return ""
        previous_clause = self.r.clause_starts[m.clause - 1] if m.clause else lo
        head = self.f[max(lo, previous_clause):m.start]
        if not trigger.group():  # 不到财政预算收入的20%: the qualifier's words name the whole
            head = fold(m.as_written)
        named = None
        for named in re.finditer(rf"{OF_WHOLE}([^，,。；;、\d%]{{2,20}}?)的", head):
            pass
        if named is None:
            named = re.search(r"占(?:到|了)?([^，,。；;、\d%的]{2,12}?)$", head)  # 合计占歲入94.02%
        if named is None and not trigger.group():
            named = re.match(rf"{QUALIFIED_OF.pattern}([^，,。；;、\d%的]{{2,12}}?)(?:的|[\d百一二三四五六七八九十])", head)
        if named is None and RATE.search(trigger.group()):  # 完成投资率为X%: the whole is of 投资
            rate = self.f[self.r.clause_starts[m.clause]:lo + trigger.start()]
            return DONE.sub("", rate) if len(rate) >= 2 else ""
        if named is None or NOT_WHOLE.fullmatch(named.group(1)):
            return ""
        # 占歲入比率為40%, 佔歲入決算數之40%: the share's own noun and 之 are no part of the whole's name
        name = re.sub(r"[的之]?(?:比率|比重|比例|占比)?(?:为|是|达)?$", "", named.group(1)) or named.group(1)
        return "" if len(name) < 2 or name.startswith("比") and len(name) <= 3 else name  # 占比达75%: names none

    def share(self, m: Mention, trigger: re.Match, shared_whole: str):
        lo = self.r.segment_starts[m.segment]
        sentence = self.in_sentence(m)
        # the rates one 分别 gives, in turn: the k-th belongs to the k-th part
        each = EACH.search(self.f, lo + trigger.end() if trigger.group() else m.start, m.start)
        if each is None and trigger.group():  # 分别占X的a%、b%: 分别 just before the share word
            each = re.search(rf"{EACH.pattern}$", self.f[self.r.clause_starts[self.r.clause[lo + trigger.start()]]:lo + trigger.start()])
            each = EACH.search(self.f, lo + trigger.start() - 2, lo + trigger.start()) if each else None
        rates = [x for x in sentence if x.percent and x.start >= (each.end() if each else m.start)
                 and x.clause == self.r.clause[each.end() if each else m.start]]
        k = rates.index(m) if each and m in rates else 0
        n = len(rates) if each else 1
        if BUDGET.fullmatch(trigger.group() or "-"):
            whole = next((x for x in self.back(m.i) if x.sentence == m.sentence and x.amount
                          and BUDGET_AMOUNT.search(x.before)), None)
            part = self.subject(m, whole.unit, exclude=(whole,)) if whole is not None else None
            if whole is None or part is None:
                missing = "budget" if whole is None else "actual"
                self.unverifiable("share", m, f"the {missing} amount is not stated")
                return
            self.propose("share", m, "share", (part, whole), ("part", "whole"))
            return
        head = self.f[lo:lo + trigger.start()] if trigger.group() else ""
        if head:  # the part is named before the clause's first share word (…增加值占…的比重: before 占)
            first = SHARE.search(self.f, self.r.clause_starts[self.r.clause[lo + len(head)]], lo + len(head))
            head = self.f[lo:first.start()] if first else head
        if re.search(rf"(?:{_group('total', 'sums_before')})\s*$", head[-4:]):
            stated = [x for x in sentence if x.percent and x.segment == m.segment and x.start < m.start]
            if len(stated) >= 2:  # 比例分别为a%及b%, 合计占X c%: the shares of the parts add
                self.propose("total", m, "sum", stated, ("parts…",) * len(stated))
                return
        part = self.share_part(m, head, k, n)
        named_rate = bool(RATE.search(trigger.group()))  # 城镇化率为56.3%: a value unless its part and whole are stated
        if part is None:
            if not named_rate:
                self.unverifiable("share", m, "the part is not stated")
            return
        name = self.whole_name(m, trigger) or shared_whole
        whole = None
        if OF_IT.match(name or "-"):  # 占其中的80%
            whole = self.sentence_total(part, m)
            name = ""
        elif name:
            # a whole is of the part's own year: an amount a prior word names (上年度…为A, 去年) is none of a part
            # that names no prior year
            prior = () if PRIOR_NAME.search(name + part.name) else tuple(x for x in self.m if PRIOR_NAME.search(x.name))
            whole = self.by_name(name, part.unit, part.year, m.start, exclude=(part, *prior))
            if whole is None:
                if not named_rate:
                    self.unverifiable("share", m, f"the whole ({name}) is not stated")
                return
        else:
            whole = self.among_whole(part, m) or self.containing_total(part)
        if whole is None:
            if not named_rate:
                self.unverifiable("share", m)
            return
        part.roles.add("part")
        self.propose("share", m, "share", (part, whole), ("part", "whole"))

    def sentence_total(self, part: Mention, m: Mention) -> Mention | None:
        """占其中的80%, 60%来自A: the whole 其 names is the total a 其中 list gave the part, else the first amount of the
        part's unit and year the sentence states as a level before the clause that holds the share."""
        total = self.containing_total(part)
        if total is not None and total is not part:
            return total
        lo = self.r.clause_starts[min(m.clause, part.clause)]
        return next((x for x in self.in_sentence(m) if x.end <= lo and x is not part and x.level and x.unit == part.unit
                     and x.depth <= m.depth and self.r.same_year(x.year, part.year)), None)

    def share_from(self, m: Mention):
        """X%来自A(,为N): the part is N (the clause after, opening with 为/达) or the amount the sentence names A; the
        whole the total the sentence states before (其中 before the rate: the total it belongs to)."""
        said = SHARE_FROM.match(self.f, m.claim_end)
        if said is None:
            return
        follows = next((x for x in self.m[m.i + 1:m.i + 2] if x.segment == m.segment and x.clause == m.clause + 1), None)
        part = follows if follows is not None and follows.level and PART_AFTER.match(
            self.f[self.r.clause_starts[follows.clause]:follows.start]) else None
        if part is None:
            unit = next((x.unit for x in self.back(m.i) if x.sentence == m.sentence and x.level), "")
            part = self.by_name(said.group("noun"), unit, m.year, self.r.sentence_end(m.sentence), exclude=(m,),
                                threshold=0.6)
            if part is not None and part.sentence != m.sentence:
                part = None
        whole = self.sentence_total(part, m) if part is not None else None
        if part is None or whole is None:
            self.unverifiable("share", m, "the part is not stated" if part is None else None)
            return
        part.roles.add("part")
        self.propose("share", m, "share", (part, whole), ("part", "whole"))

    def share_part(self, m: Mention, head: str, k: int, n: int) -> Mention | None:
        """The part: the k-th of n amounts before the share word in the sentence (分别); else the amount of the share
        word's clause; else what the clause names before 占 (the k-th name of a list: "第一产业、第二产业、第三产业
        增加值占…"); else, when the clause names nothing ("…有179项,占…"), the amount of the clause before."""
        lo = self.r.segment_starts[m.segment]
        cut = lo + len(head) if head else m.start
        amounts = [x for x in self.in_sentence(m) if x.i < m.i and x.level and x.end <= cut and x.depth <= m.depth]
        if n > 1 and len(amounts) >= n:
            return amounts[len(amounts) - n + k]
        clause = self.r.clause[cut] if head else m.clause
        clause_lo = self.r.clause_starts[clause]
        in_clause = [x for x in amounts if x.start >= clause_lo]
        if in_clause:
            return in_clause[-1]
        # 其中大专以上学历的占85%,达1020人: the part stated in the clause right after the share, opening with 为/达/计
        follows = next((x for x in self.m[m.i + 1:m.i + 2] if x.segment == m.segment and x.clause == m.clause + 1), None)
        if n == 1 and follows is not None and follows.level and follows.depth <= m.depth \
                and PART_AFTER.match(self.f[self.r.clause_starts[follows.clause]:follows.start]):
            return follows
        names = [x for x in re.split(r"[、和及]", _core_keep_list(self.f[clause_lo:cut])) if x]
        if not names or len("".join(names)) < 2:
            before = [x for x in amounts if x.segment == m.segment and x.clause == clause - 1
                      and not AGAINST_END.search(x.before)]  # 较上年度之A增加N,占…: A is a base, no part
            return before[-1] if before else self.item_subject(m) if n == 1 else None
        if len(names) > 1 and len({len(x) for x in names[:-1]}) == 1 and len(names[-1]) > len(names[0]):
            # a tail the last name gives them all: 第一产业、第二产业、第三产业增加值 -> 第一产业增加值 …; 轻、重工业 -> 轻工业
            tail = names[-1][len(names[0]):]
            names = [x + tail for x in names[:-1]] + names[-1:]
        name = names[min(k, len(names) - 1)]
        unit = next((x.unit for x in self.back(m.i) if x.amount), "")
        return self.by_name(name, unit, m.year, m.start) if len(name) >= 2 else None

    def containing_total(self, part: Mention) -> Mention | None:
        """The total a part belongs to: the amount before 其中 in the part's sentence, or the total a sum gave it."""
        for total, parts in self.sums:
            if part in parts:
                return total
        lo = self.r.sentence_starts[part.sentence]
        found = None
        for found in QIZHONG.finditer(self.f, lo, part.start):
            pass
        if found is None:
            # 全县120个行政村中,已有90个村…: the amount a "…中," closes before the part is its whole
            return next((x for x in self.back(part.i) if x.sentence == part.sentence and x.unit == part.unit
                         and x.level and AMONG.match(self.f, x.claim_end)), None)
        where = found.start()
        if self.opens_sentence(where):  # 其中 opening a sentence: the total the sentence before states
            return next((x for x in self.heads(where) if x.unit == part.unit), None)
        return next((x for x in self.back(part.i) if x.end <= where and x.sentence == part.sentence
                     and x.unit == part.unit and x.level), None)

    def totals(self):
        for m in self.m:  # N(a、b), N（含a、b）
            if m.amount and not m.direction and not m.roles & {"base", "claim"}:
                parts, some = self.bracket_parts(m)
                if parts:
                    self.add_sum(m, parts, "parts" if some else "total")
        for found in QIZHONG.finditer(self.f):
            self.qizhong(found)
        for found in PARTS_OPEN.finditer(self.f):  # 核定编制45名,包括行政编制20名、事业编制25名
            if not any(t.end <= found.start() and id(t) in self.summed and t.segment == self.r.segment[found.start()]
                       for t in self.heads(found.start())):
                self.qizhong(found)
        for m in self.m:  # 本市下放的401项管理权限中,甲有179项…;乙有155项…: the parts of the sentence's items
            among = AMONG.match(self.f, m.claim_end)
            if among is None or not m.level or id(m) in self.summed:
                continue
            hi = self.r.sentence_end(m.sentence)
            parts = self._items_parts(m.unit, m.depth, among.end(), hi, per_item=True)
            if len(parts) >= 2:
                self.add_sum(m, parts)
        self.distributed_totals()
        self.totals_after_parts()
        self.added_totals()

    def added_totals(self):
        """A, 加上B(和C), 全镇可用财力T: A (the last amount of T's unit in the clause before 加上) and the amounts of
        the 加上 clause add up to T, the first amount of the clause after it, all in one sentence."""
        for found in PLUS.finditer(self.f):
            clause = self.r.clause[found.start()]
            added = [x for x in self.m if x.clause == clause and x.start > found.start() and x.level]
            if not added or any(not same_unit(x.unit, added[0].unit) for x in added):
                continue
            unit, sentence = added[0].unit, added[0].sentence
            before = [x for x in self.m if x.clause == clause - 1 and x.sentence == sentence]
            after = [x for x in self.m if x.clause == clause + 1 and x.sentence == sentence]
            if not before or not after or not before[-1].level or not same_unit(before[-1].unit, unit):
                continue
            total = after[0]
            if not total.level or not same_unit(total.unit, unit) or id(total) in self.summed or total.roles:
                continue
            self.add_sum(total, [before[-1], *added])

    def add_sum(self, total: Mention, parts: list[Mention], form: str = "total"):
        """A total and its parts: all of them (form total, rule sum), or those a 其中/包括/含 list names, which may be
        only some (form parts, rule parts_within)."""
        self.sums.append((total, parts))
        self.summed.add(id(total))
        for p in parts:
            p.roles.add("part")
        self.propose(form, total, FORM[form].rule, parts, ("parts…",) * len(parts))

    def bracket_parts(self, total: Mention) -> tuple[list[Mention], bool]:
        """N(a、b), N（含a、b）: the amounts of N's unit in the brackets right after it, the run joined by 、; and
        whether the brackets say they hold only some parts (含, 包括)."""
        opened = re.match(r"[^。\d(（，,；;]{0,6}[(（]", self.f[total.claim_end:total.claim_end + 8])
        if opened is None:
            return [], False
        open_at = total.claim_end + opened.end() - 1
        some = bool(INCLUDES.match(self.f, open_at + 1))
        run = []
        for x in self.m[total.i + 1:]:
            if x.sentence != total.sentence or not self._before_close(open_at, x.start):
                break
            if x.depth != total.depth + 1 or x.unit != total.unit or x.direction:
                continue
            if len(run) >= 2 and re.search(r"[,，;；]", self.f[run[-1].end:x.start]):
                break  # the run joined by 、 ends at a comma
            run.append(x)
        return (run if len(run) >= 2 else []), some

    def qizhong(self, found: re.Match):
        """A total and the parts its 其中 lists (see the table's binding for "total")."""
        w, at = found.start(), found.end()
        heads = self.heads(w)
        if not heads:
            return
        unit, depth = heads[0].unit, self.r.depth[w]
        colon = re.search(r"[:：]", found.group())
        if self.f.startswith("\n", at) or (colon and not self.f[at:].split("\n", 1)[0].strip()):
            parts = self.line_items(heads[0], self.f.find("\n", at))
        elif self.opens_sentence(w) or colon:
            sentence = self.r.sentence[at]
            hi = self.r.sentence_end(sentence)
            parts = self._items_parts(unit, depth, at, hi, per_item=True)
        else:
            segment = self.r.segment[at]
            hi = self.r.segment_starts[segment + 1] if segment + 1 < len(self.r.segment_starts) else len(self.f)
            parts = self._items_parts(unit, depth, at, hi, per_item=False)
        for total in heads:
            if id(total) in self.class_totals:
                continue
            # several totals before 其中: each part to the total it names (either name may hold the other's words:
            # 事业机构 in 共有事业机构; 甲镇、乙镇共设置党政内设机构 repeats half of 六县区乡镇共有党政内设机构)
            def score(p, h):
                return max(name_score(p.name, h.name), name_score(h.name, p.name))
            mine = parts if len(heads) == 1 else [
                p for p in parts if max(heads, key=lambda h: score(p, h)) is total and score(p, total) >= 0.5]
            for p in mine:
                p.roles.add("sub")  # a part of a part, not a part of a later 合计
            # 分别为 lists every part (a sum); 其中 and 包括 may list only some, even one ("其中已承接90项"): within
            if EACH.search(found.group()) and len(mine) >= 2:
                self.add_sum(total, mine)
            elif not EACH.search(found.group()) and mine:
                self.add_sum(total, mine, "parts")

    def opens_sentence(self, w: int) -> bool:
        return not re.sub(r"[\s,，:：]", "", self.f[self.r.sentence_starts[self.r.sentence[w]]:w])

    def heads(self, w: int) -> list[Mention]:
        """The totals a 其中 at ``w`` belongs to: the first amount of the sentence before when 其中 opens a sentence;
        else the last amount of the clause before it (past clauses that only give a rate: 42.76亿元,增长0.2%,其中),
        with the totals of the same unit in the clauses just before that one (A 251个, B 231个, 其中 …)."""
        if self.opens_sentence(w):
            sentence = self.r.sentence[w] - 1
            first = next((x for x in self.between(self.r.sentence_starts[sentence], self.r.sentence_end(sentence))
                          if x.level and x.depth == 0), None)
            return [first] if first is not None else []
        depth, segment, clause = self.r.depth[w], self.r.segment[w], self.r.clause[w]
        heads: list[Mention] = []
        for c in range(clause, -1, -1):
            if self.r.segment_starts[segment] > self.r.clause_starts[c] and c != clause:
                break
            clause_end = self.r.clause_starts[c + 1] if c + 1 < len(self.r.clause_starts) else len(self.f)  # the text may end in a 其中
            inside = [x for x in self.between(self.r.clause_starts[c], min(w, clause_end)) if x.depth <= depth]
            level = [x for x in inside if x.level and x.depth == depth]
            if not level:
                if inside and all(x.direction for x in inside) and not heads:
                    continue  # a clause that only gives a rate
                if c == clause:
                    continue
                break
            if heads and level[-1].unit != heads[0].unit:
                break
            heads.append(level[-1])
        return sorted(heads, key=lambda x: x.start)

    def _before_close(self, open_at: int, pos: int) -> bool:
        depth = 0
        for c in self.f[open_at:pos]:
            depth += c in OPENS
            depth -= c in CLOSES
            if depth <= 0:
                return False
        return True

    def _items_parts(self, unit: str, depth: int, lo: int, hi: int, per_item: bool) -> list[Mention]:
        """Parts of ``unit`` between lo and hi at ``depth``, no change or rate; with ``per_item`` and ;-items, the
        first of each item (an item's own 其中 names parts of that part)."""
        inside = [x for x in self.between(lo, hi) if x.end <= hi and same_unit(x.unit, unit) and x.level and x.depth <= depth]
        items = sorted({self.r.segment[x.start] for x in inside})
        # a new total ends the list: an item that opens with a year, a part named as a total (…合计N)
        stop = next((s for s in items if s != self.r.segment[lo] and YEAR.match(self.f, self.r.segment_starts[s])), None)
        inside = [x for x in inside if stop is None or self.r.segment[x.start] < stop]
        ended = next((k for k, x in enumerate(inside) if re.search(r"合计|总计|共计", x.before)), None)
        inside = inside[:ended]
        if per_item and len({self.r.segment[x.start] for x in inside}) > 1:
            firsts, seen = [], set()
            for x in inside:
                if self.r.segment[x.start] not in seen:
                    seen.add(self.r.segment[x.start])
                    firsts.append(x)
            return firsts
        return inside

    def line_items(self, total: Mention, at: int) -> list[Mention]:
        """其中: ending a line, the parts one per following line that opens with a list marker (——, (1), 1.)."""
        parts, pos = [], at + 1
        while 0 < pos < len(self.f):
            end = self.f.find("\n", pos)
            end = len(self.f) if end < 0 else end
            if not LIST_MARK.match(self.f, pos):
                break
            first = next((x for x in self.between(pos, end) if same_unit(x.unit, total.unit) and x.level), None)
            if first is not None:
                parts.append(first)
            pos = end + 1
        return parts

    def distributed_totals(self):
        """按产业分, a…; b…; c…: the previous sentence's first amount is split into one part per ;-item."""
        for m in self.m:
            if not m.sentence or (m.i and self.m[m.i - 1].sentence == m.sentence):
                continue  # only the first amount of a sentence opens it
            start = self.r.sentence_starts[m.sentence]
            head = BY.match(self.f, start)
            if head is None:
                continue
            previous = self.between(self.r.sentence_starts[m.sentence - 1], start)
            total = next((x for x in previous if x.level and x.depth == 0), None)
            if total is None or id(total) in self.summed:
                continue
            hi = self.r.sentence_end(m.sentence)
            parts = self._items_parts(total.unit, 0, head.end(), hi, per_item=True)
            # one part per ;-item, or per clause of one item (分项看:教育支出a,社保支出b): an item or clause with two
            # amounts of the unit is no list of parts
            per = self.r.segment if len({self.r.segment[p.start] for p in parts}) > 1 else self.r.clause
            if len(parts) >= 2 and len({per[p.start] for p in parts}) == len(parts):
                self.add_sum(total, parts)

    def totals_after_parts(self):
        """a, b, c, 合计N: the amounts of N's unit stated before it in its ;-item, none inside brackets or a 其中
        list; 累计N adds amounts of other years, which the text does not state."""
        for m in self.m:
            if not m.amount or m.direction or id(m) in self.summed:
                continue
            said = SUMS_BEFORE.search(m.before)
            plain = None if said else ALL_BEFORE.search(m.before)
            if not said and not plain:
                continue
            if said and said.group("cumulative"):
                self.unverifiable("total", m, "the amounts it adds up are not stated")
                continue
            parts = [x for x in self.segment_mentions(m) if x.i < m.i and same_unit(x.unit, m.unit) and x.level
                     and x.depth == 0 and not x.roles & {"part", "sub"} and not self.held_by_each(x)]
            if plain and parts:
                # 共 alone opens a clause of its own total as often as it closes a list ("乡镇12个、街道3个,共有行政村
                # 240个"): a total of the list only when it names nothing the list's words do not
                noun = _core(plain.group("noun")) or self.after_noun(m)
                said_before = self.f[self.r.segment_starts[m.segment]:self.r.clause_starts[m.clause]]
                if m.clause == parts[-1].clause or (noun and not set(noun) <= set(said_before)):
                    continue
            if len(parts) >= 2:
                self.add_sum(m, parts)

    def held_by_each(self, x: Mention) -> bool:
        """3个乡各设2个: the count of units 各 follows, or what each unit holds; neither is a part of a total of
        the units' holdings (甲、乙两镇各设5个,丙镇设3个,共13个 is 2 × 5 + 3, not 5 + 3)."""
        return bool(EACH_BEFORE.search(x.before) or EACH_AFTER.match(self.f, x.claim_end))

    def ratio_terms(self, m: Mention) -> list[Mention]:
        """a:b:c from its first term ``m``."""
        terms = [m]
        for x in self.m[m.i + 1:]:
            if self.f[terms[-1].end:x.start].strip() in (":", "："):
                terms.append(x)
            else:
                break
        return terms

    def structure(self):
        """三次产业结构为a:b:c: each term the share of one part of the total just split into as many parts; 结构由
        a:b:c调整为d:e:f (each run adding up to 100): d, e, f as such, a, b, c the base year's shares, kept (with the
        split) for the changes of a term's share stated after it."""
        self.structures: list[tuple[list[Mention], list[Mention], list[Mention] | None]] = []
        for m in self.m:
            if "structure" in m.roles:
                continue
            base = None
            if STRUCTURE_FROM.search(YEAR.sub("", m.before)):
                base = self.ratio_terms(m)
                after = self.m[base[-1].i + 1] if base[-1].i + 1 < len(self.m) else None
                if after is None or not STRUCTURE_TO.match(YEAR.sub("", self.f[base[-1].end:after.start])):
                    continue
                terms = self.ratio_terms(after)
                if len(terms) != len(base) or not all(_adds_to_100(run) for run in (base, terms)):
                    continue
                for x in base:
                    x.roles.update(("base", "structure"))
            elif STRUCTURE.search(m.before):
                terms = self.ratio_terms(m)
            else:
                continue
            if len(terms) < 2:
                continue
            split = next(((t, p) for t, p in reversed(self.sums) if len(p) == len(terms) and t.start < terms[0].start), None)
            if base is not None:
                self.structures.append((base, terms, split[1] if split is not None else None))
            for k, term in enumerate(terms):
                term.roles.update(("claim", "structure"))
                if split is None:
                    self.unverifiable("structure", term)
                else:
                    self.propose("structure", term, "share", (split[1][k], split[0]), ("part", "whole"))

    def structure_change(self, m: Mention) -> bool:
        """第一产业比重下降N个百分点 (提高N%) after a structure changed (由a:b:c调整为d:e:f): the change of the k-th
        term, k the ordinal the clause names (第一) or else the part (of the split the terms share) whose name it
        repeats best; only a clause that names a share (比重, 占比) before m and no other number."""
        if not getattr(self, "structures", None) or not (m.points or m.percent):
            return False
        lo = self.r.clause_starts[m.clause]
        head = self.f[lo:m.start]
        said = TERM_SHARE.search(head)
        if said is None or any(x.start >= lo for x in self.back(m.i)):
            return False
        known = [s for s in self.structures if s[1][-1].end <= m.start]
        if not known:
            return False
        base, later, parts = known[-1]
        subject = head[:said.start()]
        ordinal = re.search(r"第([一二三四五六七八九])", subject)
        k = None
        if ordinal:
            k = "一二三四五六七八九".index(ordinal.group(1))
        elif parts is not None:
            scores = [name_score(_core(p.name), subject) for p in parts]
            best = max(scores)
            k = scores.index(best) if best >= 0.6 and scores.count(best) == 1 else None
        if k is None or k >= len(later):
            return False
        fall = m.direction == "fall"
        rule = _rule("points", fall) if m.points else _rule("change", fall)
        m.roles.add("claim")
        self.propose("structure", m, rule, (base[k], later[k]), ("base", "later"))
        return True

    def splits(self):
        """甲、乙占比分别为x%和y%, when 甲、乙 are a split in full (一…N, 轻/重): the last share is what the others leave."""
        for found in SPLIT_EACH.finditer(self.f):
            at = found.end()
            clause = self.r.clause[found.start()]
            rates = []
            for x in self.between(at, self.r.sentence_end(self.r.sentence[at])):
                if not x.percent or x.direction or re.search(r"[,，;；。]", self.f[rates[-1].end if rates else at:x.start]):
                    break
                rates.append(x)
            head = self.f[self.r.clause_starts[clause]:found.start()]
            share = SHARE.search(head)
            if len(rates) < 2 or share is None:
                continue
            names = [n for n in re.split(r"[、和及与]", PLACE.sub("", head[:share.start()])) if n]
            if not _complete_split(names, len(rates)):
                continue
            self.propose("split", rates[-1], "complement", rates[:-1], ("others…",) * (len(rates) - 1))

    def balances(self):
        """收入A, 支出B, 结余C (or 短绌C: B − A)."""
        self.balanced: set[tuple] = set()  # (income, spending) values set against each other
        for m in self.m:
            if not m.amount or m.direction:
                continue
            surplus, deficit = SURPLUS.search(m.before), DEFICIT.search(m.before)
            if not (surplus or deficit):
                continue
            earlier = [x for x in self.back(m.i) if x.sentence == m.sentence and x.unit == m.unit and x.level]
            income = next((x for x in earlier if INCOME.search(x.name) and not SPENDING.search(x.name)), None)
            spending = next((x for x in earlier if SPENDING.search(x.name) and not INCOME.search(x.name)), None)
            if (income is None or spending is None) and SET_AGAINST.search(m.before):
                income, spending = self.balance_by_name(m, income, spending)
            if income is None or spending is None:
                continue  # 上年结转结余60万元: a name, not a balance of what the sentence states
            self.balanced.add((income.value, spending.value))
            if deficit and (not surplus or deficit.start() > surplus.start()):
                self.propose("balance", m, "difference", (spending, income), ("spending", "income"))
            else:
                self.propose("balance", m, "difference", (income, spending), ("income", "spending"))

    def deducted_balances(self):
        """全年可用财力T,扣除当年支出B后,结转(结余)N: T less B, T the last amount of N's unit in the clause before
        the deduction's, B the one amount of the deduction's clause, N the first of the clause after it."""
        for b in self.m:
            if not b.level or not DEDUCT.search(b.before):
                continue
            inside = [x for x in self.m if x.clause == b.clause and x.amount]
            before = [x for x in self.m if x.clause == b.clause - 1 and x.sentence == b.sentence]
            after = [x for x in self.m if x.clause == b.clause + 1 and x.sentence == b.sentence]
            if len(inside) != 1 or not before or not after:
                continue
            income, left = before[-1], after[0]
            if not (income.level and left.level and same_unit(income.unit, b.unit) and same_unit(left.unit, b.unit)):
                continue
            if left.roles or not LEFT_OVER.search(self.clause_head(left)):
                continue
            left.roles.add("claim")
            self.propose("balance", left, "difference", (income, b), ("income", "spending"))

    def balance_by_name(self, m: Mention, income: Mention | None, spending: Mention | None):
        """收支相抵后结余N with income or spending stated in another sentence: the last pair stated before N, of N's
        year and unit, whose names are the same but for 收入/支出 (places, period and stage words aside), the pair
        stated as data before one in a title (a line without a stop); one the sentence states is kept."""
        def key(x: Mention) -> str:
            return STAGE.sub("", SPENDING.sub("", INCOME.sub("", _unplaced(x.name))))

        def data(x: Mention) -> bool:
            start = self.f.rfind("\n", 0, x.start) + 1
            end = self.f.find("\n", x.start)
            return any(c in self.f[start:end if end >= 0 else len(self.f)] for c in HARD_END)

        # the year: income and spending of one year, the last pair before the balance (a base, 较111年度的A, is none)
        stated = [x for x in self.m[:m.i] if x.amount and x.level and not x.bound and "base" not in x.roles
                  and fold(x.unit) == fold(m.unit)]
        incomes = [income] if income else [x for x in stated if INCOME.search(x.name) and not SPENDING.search(x.name)]
        spendings = [spending] if spending else [x for x in stated if SPENDING.search(x.name) and not INCOME.search(x.name)]
        pairs = [(i, s) for i in incomes for s in spendings if key(i) == key(s) and self.r.same_year(i.year, s.year)]
        if not pairs:
            return None, None
        pair = max(pairs, key=lambda p: (data(p[0]) and data(p[1]), max(p[0].start, p[1].start), min(p[0].start, p[1].start)))
        if (pair[0].value, pair[1].value) in self.balanced:
            return None, None  # a later mention of a balance already set against these amounts restates it
        return pair

    def averages(self):
        """人均N / 平均每个X N: the total of N's unit over the count of persons (or units) the sentence states."""
        for m in self.m:
            clause = self.f[self.r.clause_starts[m.clause]:m.start]
            said = None
            for said in AVERAGE.finditer(clause):
                pass
            # the word names this number: no list between them (人均财政收入、…三项指标), and per person a measure
            if not m.amount or m.direction or said is None or "、" in clause[said.end():] or m.unit == "倍":
                continue
            if self.f[m.start - 1:m.start] == "每" and m.value == 1:
                continue  # 平均每一乡镇80人: the 一 of 每一 is no average
            if fold(m.unit) in COUNT_UNITS and said.group() not in words("average", "counted"):
                continue
            between = clause[said.end():]
            if AVERAGE_REFERENCE.match(between) or AVERAGE_CAP.search(between):
                continue  # 低于全省平均水平N: the value compared with; 每户最多补助N: a cap
            if AVERAGE_YEARLY.search(clause[max(0, said.start() - 1):said.end() + 2]):
                if not m.percent:
                    self.unverifiable("average", m, "a mean over years: the years' values are not stated")
                continue
            earlier = [x for x in self.in_sentence(m) if x.i < m.i and x.level]
            totals = [x for x in earlier if x.unit == m.unit]
            if not totals:  # 12个乡镇平均每个乡镇40名,共480名: the total named after 共/合计
                totals = [x for x in self.in_sentence(m) if x.i > m.i and x.level and x.unit == m.unit
                          and ALL_OR_SUM.search(x.before)]
            if len(totals) > 1:  # 共1,186人次,其中送餐742人次…: the total is the one 共/合计 states
                totals = [x for x in totals if ALL_OR_SUM.search(x.before)] or totals
            count_unit = "户" if re.search("户均|每户", clause) else "人" if re.search("人均|每人", clause) else None
            # persons are counted in 人, 名 or 位 (由四名照服员负责,平均每人N)
            count_units = PERSONS if count_unit == "人" else (count_unit,)
            counts = [x for x in earlier if x.unit != m.unit
                      and (fold(x.unit) in count_units or count_unit is None and fold(x.unit) in COUNT_UNITS)]
            if not counts and count_unit is None:
                counts = self.counted(between)
            if len(totals) == 1 and len(counts) == 1:
                self.propose("average", m, "ratio", (totals[0], counts[0]), ("total", "count"))
                continue
            # 人均地区生产总值28231元: the total the words after 人均 name and the population (户数) the text states
            # elsewhere, each the only one of its kind and year; else unverifiable
            named = _core(clause[said.end():])
            total = totals[0] if len(totals) == 1 else (
                self.by_name(named, m.unit, m.year, len(self.f), exclude=(m,), threshold=1.0)
                if not totals and len(named) >= 2 and said.group() in words("average", "per_head") else None)
            if total is not None and total is not (totals[:1] or [None])[0] and AVERAGE.search(total.before):
                total = None  # 城镇居民人均可支配收入: another average, not a total
            count = counts[0] if len(counts) == 1 else self.population(m, count_unit) if not counts else None
            if total is not None and count is not None and total.value and m.value and total.value > m.value:
                self.propose("average", m, "ratio", (total, count), ("total", "count"))
            else:
                self.unverifiable("average", m)

    def listed_means(self):
        """五鄉鎮平均為21.8%, 三乡平均为22.3%: the unweighted mean of the values the text gave each place of that kind
        (鄉, 鎮) before it, one value of the claim's kind and year per place; proposed only when as many places have one
        as the count says, else nothing here (a mean over places the text does not list is a value)."""
        for m in self.m:
            if m.direction or m.bound or m.roles or not (m.percent or m.amount):
                continue
            lo = self.r.clause_starts[m.clause]
            said = COUNT_MEAN.search(self.f, lo, m.start)
            if said is None or self.yearly(m):
                continue
            n = _small_number(said.group("n"))
            values = {name: key for name, key in self.named.entities_of(_kind(m), before=lo, year=m.year).items()
                      if name[-1] in said.group("noun")}
            if n is None or len(values) != n or n < 2:
                continue
            inputs = sorted((self.m[k] for k in values.values()), key=lambda x: x.start)
            m.roles.add("claim")
            self.propose("average", m, "mean", inputs, ("values…",) * n)

    def counted(self, between: str) -> list[Mention]:
        """平均每个乡镇N: the one count of 乡镇 the text states anywhere (全县共有乡镇12个, 12个乡镇), or none."""
        noun = re.match(r"^\s*每(?:个|個|一个|一個)?([^\d，,。；;]{2,4}?)(?:核定|拥有|擁有|有|为|為|达|達|约|約|共|配备|配備|设|設|\s*$)",
                        between)
        if noun is None:
            return []
        name = noun.group(1)
        found = [x for x in self.m if x.amount and fold(x.unit) in COUNT_UNITS and x.level and not AVERAGE.search(x.before)
                 and (self.after_noun(x).startswith(name) or x.name.endswith(name))]
        return found[:1] if found and all(_agree(x, found[0]) for x in found) else []

    def population(self, m: Mention, unit: str | None) -> Mention | None:
        """The one population (人口, in 人) or number of households (户数, in 户) the text states for m's year: None when
        it states none, or several that differ (户籍人口 and 常住人口)."""
        if unit is None:
            return None
        name = _rx(_group("average", "population" if unit == "人" else "households"))
        found = [x for x in self.m if x.unit == unit and x.level and self.r.same_year(x.year, m.year)
                 and name.search(x.name + self.after_noun(x))]
        return found[0] if found and all(_agree(x, found[0]) for x in found) else None

    def multiples(self):
        """X是A的N倍: X over A."""
        for m in self.m:
            if m.unit != "倍" or "claim" in m.roles or DOUBLED.match(self.f, m.start):
                continue  # 倍增, 翻番 after a from-to: see from_to
            of = self.m[m.i - 1] if m.i and self.m[m.i - 1].sentence == m.sentence else None
            if of is not None and FORMER_LATTER.match(self.f[of.end:m.start].lstrip("，,")):
                pair = self.former_latter(of)  # 甲镇4.5万元,乙镇1.5万元,前者是后者的3倍
                if pair is not None:
                    self.propose("multiple", m, "ratio", pair, ("later", "base"))
                    continue
            stated = of is not None and (of.amount or of.percent) and re.fullmatch(r"\s*的\s*", self.f[of.end:m.start]) \
                and re.search(r"(?:是|为|相当于)[^，,。；;\d]{0,8}$", _no_year(of.before))
            x = (self.percent_subject(of) if of.percent else self.subject(of, of.unit)) if stated else None
            if x is None and of is not None and of.clause == m.clause and of.amount:
                self.unverifiable("multiple", m)  # 是A的N倍 with A stated but no subject: not a noun's amount
                continue
            pair = (x, of) if x is not None else \
                self.multiple_by_name(m) or self.multiple_of_subject(m) or self.multiple_by_entity(m)
            if pair is None:
                self.unverifiable("multiple", m)
            else:
                self.propose("multiple", m, "ratio", pair, ("later", "base"))

    def multiple_of_subject(self, m: Mention) -> tuple[Mention, Mention] | None:
        """甲镇出缺率15%,较乙镇的5%高出10个百分点,是乙镇的3倍: a clause that names no subject speaks of the ;-item's
        first amount (or rate); the base is the one amount of its unit before m whose name holds the noun before 的."""
        head = _no_year(self.f[self.r.clause_starts[m.clause]:m.start])
        said = re.fullmatch(rf"\s*(?:约|约为|大约)?(?:是|为|相当于)(?P<y>[^{STOP}\d]{{2,8}}?)的\s*", head)
        items = [x for x in self.in_sentence(m) if x.segment == m.segment and x.i < m.i]
        if said is None or not items or not _rankable(items[0]) and "base" not in items[0].roles:
            return None
        later, y_noun = items[0], _core(said.group("y"))
        bases = [x for x in items[1:] if x.unit == later.unit and x.clause < m.clause
                 and y_noun in x.name + self.f[self.r.clause_starts[x.clause]:x.start]]
        if y_noun in later.name or len(bases) != 1:
            return None
        return later, bases[0]

    def multiple_by_entity(self, m: Mention) -> tuple[Mention, Mention] | None:
        """甲鎮的比率是乙鄉的四倍多: A and B the two places the clause names, B right before 的 and the multiple, 是/为/达
        between them; each place's one amount of a kind (a rate when the words between say 率/比例/比重) and of m's
        year, stated anywhere in the text."""
        lo = self.r.clause_starts[m.clause]
        names = self.named.names_between(lo, m.start)
        if len(names) != 2 or names[0][2] == names[1][2] or not re.fullmatch(r"\s*的\s*", self.f[names[1][1]:m.start]):
            return None
        words_between = self.f[names[0][1]:names[1][0]]
        if not re.search(r"(?:是|为|达|相当于)[^是为达]{0,2}$", words_between):
            return None
        return self.named_pair(names[0][2], names[1][2], m.year, "%" if RATE_WORD.search(words_between) else None)

    def former_latter(self, latter: Mention) -> tuple[Mention, Mention] | None:
        """前者是后者的N倍: the two amounts (or rates) of one unit stated last before the words, in their order."""
        former = next((x for x in self.back(latter.i) if x.sentence == latter.sentence and x.unit == latter.unit), None)
        if former is None or not _rankable(former) or not _rankable(latter):
            return None
        return former, latter

    def multiple_by_name(self, m: Mention) -> tuple[Mention, Mention] | None:
        """城镇居民人均可支配收入是农村居民的2.20倍: X (the amount the whole name before 是 names, stated earlier) over
        the amount whose name holds the noun between 是 and 的 and repeats most of X's name; each the only one."""
        head = _no_year(self.f[self.r.clause_starts[m.clause]:m.start])
        said = re.fullmatch(rf"\s*(?P<x>[^{STOP}\d]{{2,24}}?)(?:是|为|相当于)(?P<y>[^{STOP}\d]{{1,12}}?)的\s*", head)
        if said is None:
            return None
        x_name, y_noun = _core(said.group("x")), _core(said.group("y"))
        if len(x_name) < 2 or not y_noun or y_noun in x_name:
            return None
        later = self.by_name(x_name, "", m.year, m.start, exclude=(m,), threshold=1.0)
        if later is None:
            return None
        scored = [(name_score(x_name, z.name), z) for z in self.m[:m.i]
                  if z is not later and z.level and z.unit == later.unit and y_noun in z.name
                  and self.r.same_year(z.year, later.year)]
        best = max((score for score, _ in scored), default=0.0)
        bases = [z for score, z in scored if score == best]
        parallel = [z for _, z in scored if _unplaced(z.name).replace(y_noun, x_name) == _unplaced(later.name)]
        if best < 1.0 and len(parallel) == 1:
            return later, parallel[0]  # 城镇居民人均收入 / 农村居民人均收入: the names differ only by 城镇/农村
        if best < 0.5 and len(scored) == 1 and len(y_noun) >= 2 and PLACE_NAME.match(y_noun):
            return later, scored[0][1]  # 甲镇人口3.2万人,…丙镇1.6万人,甲镇人口是丙镇的2倍: the one amount 丙镇 names
        return (later, bases[0]) if best >= 0.5 and len(bases) == 1 else None

    def comparisons(self):
        """A高于B (低于, 超过, 不足 …), 甲…最高 among a list, 分居1至N名, 仅次于A、B居第3名 (see the table's binding)."""
        for b in self.m:
            found = COMPARE_BEFORE.search(b.before)
            if found is None or b.bound or b.direction or b.points or not (b.amount or b.percent) or b.roles & {"claim", "base"}:
                continue
            a = (self.percent_subject(b) if b.percent else self.subject(b, b.unit))
            # a level of the same size: 超过上年400万元 states by how much, not what is exceeded
            if a is None or a.clause < b.clause - 1 or not _known(a.value) or not _known(b.value) or not b.value \
                    or not 0.1 <= a.value / b.value <= 10:
                continue
            rule = "greater" if found.group("above") else "less"
            others = [b]
            for x in self.m[b.i + 1:]:  # 高于乙乡的9%及丙乡的6%: the amounts joined to B
                if x.clause != b.clause or x.unit != b.unit or not re.fullmatch(
                        rf"(?:及|与|和|、|以及)[^{STOP}\d、]{{0,8}}", self.f[others[-1].claim_end:x.start]):
                    break
                others.append(x)
            for x in others:
                x.roles.add("compared")
            self.propose("comparison", a, rule, others, ("others…",) * len(others))
        for found in EXTREME.finditer(self.f):
            self.extreme(found)
        for found in RANKS.finditer(self.f):
            self.ranked(found)
        for found in NEXT_TO.finditer(self.f):
            self.next_to(found)
        for found in SORTED.finditer(self.f):
            self.sorted_list(found)

    def sorted_list(self, found: re.Match):
        """由高至低依序为甲18%、乙12%、丙9%: the amounts of one unit after the words, to the sentence's end, each above
        the next (由低至高: below); the last is the claim."""
        sentence = self.r.sentence[found.start()]
        after = [x for x in self.between(found.end(), self.r.sentence_end(sentence))]
        if not after:
            return
        amounts = self.listed(found.end(), self.r.sentence_end(sentence), after[0].unit)
        if len(amounts) < 2 or len(amounts) != len(after):
            return  # other numbers among them: not one ranked list
        if found.group("up"):
            amounts = amounts[::-1]
        claim = (found.start(), found.end(), self.text[found.start():found.end()])
        self.propose("comparison", claim, "order", amounts[:-1], ("others…",) * (len(amounts) - 1), fact=amounts[-1])

    def listed(self, lo: int, hi: int, unit: str) -> list[Mention]:
        """The amounts of a list between lo and hi: levels of one unit, each named, none a total of the others."""
        return [x for x in self.between(lo, hi) if x.end <= hi and x.unit == unit and _rankable(x) and not x.bound
                and x.depth == 0 and id(x) not in self.summed and not WHOLE_WORDS.search(x.before)]

    def extreme(self, found: re.Match):
        """甲…、乙…、丙…, 其中甲最高 / 以A居首: the amount named (or stated) right before the word, over the list's others."""
        at = found.start()
        clause = self.r.clause[at]
        head = self.f[self.r.clause_starts[clause]:at]
        stated = [x for x in self.between(self.r.clause_starts[clause], at) if x.end <= at]
        named_after = EXTREME_IS.match(self.f, found.end())
        after = [x for x in self.between(found.end(), self.r.sentence_end(self.r.sentence[at]))]
        if stated and re.fullmatch(rf"[^{STOP}\d]{{0,2}}", self.f[stated[-1].claim_end:at]):
            claim = stated[-1]  # 以5200万元居首, 甲镇5200万元最多
        elif named_after and after and after[0].start == named_after.end():
            claim = after[0]  # 出缺率最高的是丁乡的22%, 最多的为甲镇,达120项
        else:
            name = _core(re.split(r"其中|以|而|则|又|、", head)[-1])
            if len(name) < 2 or stated:
                return
            sentence = self.r.sentence[at]
            pool = [x for x in self.between(self.r.sentence_starts[max(0, sentence - 1)], at) if x.named]
            pairs = _bigrams(name)
            # an amount of a 分别 list is named by its own item (respective_names), not by the whole list's name
            scored = [(len(pairs & x.pairs) / len(pairs) if x.pairs != frozenset(_bigrams(x.name + self.after_noun(x)))
                       else name_score(name, PLACE.sub("", x.name) or x.name), x) for x in pool if _rankable(x)]
            best = max((score for score, _ in scored), default=0)
            chosen = [x for score, x in scored if score == best]
            if best < 0.5 or len(chosen) != 1:
                return
            claim = chosen[0]
        if not _rankable(claim) or claim.bound:
            return
        sentence = claim.sentence
        others = [x for x in self.listed(self.r.sentence_starts[sentence], self.r.sentence_end(sentence), claim.unit)
                  if x is not claim and x.named and x.percent == claim.percent]
        if len(others) < 2:
            return  # 最高气温, 最多补助3000元: no list to be first of
        rule = "greater" if found.group("top") else "less"
        self.propose("comparison", (at, found.end(), self.text[at:found.end()]), rule, others,
                     ("others…",) * len(others), fact=claim)

    def ranked(self, found: re.Match):
        """a、b、c、d分居1至4名 (分列前3位): the last N amounts of one unit before the words, each above the next."""
        lo, hi = found.group("a"), found.group("b")
        n = (_rank(hi) - _rank(lo) + 1) if lo else _rank(found.group("n"))
        at = found.start()
        sentence = self.r.sentence[at]
        before = [x for x in self.between(self.r.sentence_starts[sentence], at) if x.end <= at]
        unit = before[-1].unit if before else ""
        amounts = self.listed(self.r.sentence_starts[sentence], at, unit) if before else []
        claim = (at, found.end(), self.text[at:found.end()])
        if n < 2 or (lo and _rank(lo) != 1) or len(amounts) < n:
            if amounts:
                self.unverifiable("comparison", claim)
            return
        ranked = amounts[-n:]
        self.propose("comparison", claim, "order", ranked[:-1], ("others…",) * (n - 1), fact=ranked[-1])

    def next_to(self, found: re.Match):
        """X A 仅次于 甲B、乙C, 居第3名: B and C rank above A; the rank says how many do."""
        at = found.end()
        sentence = self.r.sentence[at]
        rank = RANK.search(self.f, at, self.r.sentence_end(sentence))
        subject = next((x for x in self.back(bisect_left(self.starts, found.start())) if x.sentence == sentence), None)
        if subject is None or not subject.level or rank is None:
            return
        above = [x for x in self.listed(at, rank.start(), subject.unit) if x.sentence == sentence]
        claim = (rank.start(), rank.end(), self.text[rank.start():rank.end()])
        if not above or len(above) != _rank(rank.group("k")) - 1:
            self.unverifiable("comparison", claim)
            return
        for x in above:
            x.roles.add("compared")
        self.propose("comparison", claim, "order", above, ("others…",) * len(above), fact=subject)

    def sums_of_products(self):
        """Units counted by class, each class's units holding one number (claim_forms: sum_of_products): the pairs
        of a sentence, (count, the amount after 各) or (a class's count, the amount after its name and 每个 or in the
        classes' order after 按…类分别), and the total after 共 or before the 其中 that opens them; with 其余 or a
        split into classes (将X分为…), the counts' sum is the count stated before of the whole."""
        classes = self._classes()
        for sentence in range(len(self.r.sentence_starts)):
            lo, hi = self.r.sentence_starts[sentence], self.r.sentence_end(sentence)
            inside = self.between(lo, hi)
            pairs, whole_by = self._each_pairs(inside), None
            if len(pairs) < 2:
                known = [c for c in classes if c[0] < lo]
                pairs = self._class_pairs(inside, known[-1][1]) if known else []
                whole_by = None
            if len(pairs) < 2 or len({fold(e.unit) for _, e in pairs}) != 1:
                continue
            total = self._product_total(pairs, lo, hi)
            if total is not None:
                total.roles.add("claim")
                self.summed.add(id(total))
                self.class_totals.add(id(total))
                for c, e in pairs:
                    e.roles.add("each")
                inputs = [x for pair in pairs for x in pair]
                self.propose("sum_of_products", total, "sum_of_products", inputs, ("count", "each") * len(pairs))
            rest = pairs[-1][0]
            if REST.search(rest.before) and whole_by is None:
                noun = re.split(rf"{_group('sum_of_products', 'each')}|均", self.after_noun(rest))[0]
                self._count_whole(noun, rest.unit, [c for c, _ in pairs])
        for at, listed, noun in classes:
            self._count_whole(noun, listed[0][1].unit, [c for _, c in listed])

    def _each_pairs(self, inside: list[Mention]) -> list[tuple[Mention, Mention]]:
        """(count, each) of a sentence: a count of units, then 各 and an amount in its clause (4个镇各核定39名)."""
        pairs = []
        for c, e in zip(inside, inside[1:]):
            if (c.amount and fold(c.unit) in COUNT_UNITS and not c.direction and c.clause == e.clause and e.amount
                    and not e.direction and EACH_PAIR.match(self.f[c.end:e.start])):
                pairs.append((c, e))
        return pairs

    def _classes(self) -> list[tuple[int, list[tuple[str, Mention]], str]]:
        """将乡镇分为一类镇4个(…)、二类镇4个、三类乡6个: where each split into classes ends, its (class name, count)
        in order, and the noun split (乡镇)."""
        out = []
        for found in SPLIT_INTO.finditer(self.f):
            sentence = self.r.sentence[found.start()]
            clause_start = self.r.clause_starts[self.r.clause[found.start()]]
            noun = re.sub(r"^(?:将|把|对)", "", self.f[clause_start:found.start()].strip())
            listed, pos = [], found.end()
            for x in self.between(found.end(), self.r.sentence_end(sentence)):
                if not x.amount or fold(x.unit) not in COUNT_UNITS or x.depth or not re.match(r"[、，,(（。；;和及]|$", self.f[x.claim_end:]):
                    continue  # 一类镇's 一类 is part of a name: a class's count ends an item
                said = re.sub(r"[(（][^()（）]*[)）]", "", self.f[pos:x.start])
                name = re.split(r"[、，,和及与]", said)[-1].strip()
                if not name or re.search(rf"[{STOP}]", said.replace("，", "").replace(",", "")) and listed:
                    break
                if not re.fullmatch(r"[^\d]{2,8}", name):
                    break
                listed.append((name, x))
                pos = x.claim_end
            if len(listed) >= 2 and len({n for n, _ in listed}) == len(listed):
                out.append((listed[-1][1].end, listed, noun))
        return out

    def _class_pairs(self, inside: list[Mention], listed: list[tuple[str, Mention]]) -> list[tuple[Mention, Mention]]:
        """The classes' amounts in a sentence: each after its class name and 每个 (一类镇每个39名), or all in order
        after 按…类分别 (按镇类分别核定11名、9名、8名); every class or none."""
        pairs = []
        for name, count in listed:
            each = next((x for x in inside if x.amount and re.search(re.escape(name) + CLASS_EACH,
                                                                  self.f[max(0, x.start - len(name) - 8):x.start])), None)
            if each is None:
                break
            pairs.append((count, each))
        if len(pairs) == len(listed):
            return pairs
        for k, x in enumerate(inside):
            if not BY_CLASS.search(self.f[self.r.clause_starts[x.clause]:x.start]):
                continue
            run = [x]
            for y in inside[k + 1:]:
                if y.unit != x.unit or self.f[run[-1].end:y.start].strip() not in ("、", "和", "及"):
                    break
                run.append(y)
            if len(run) == len(listed):
                return [(count, each) for (_, count), each in zip(listed, run)]
        return []

    def _product_total(self, pairs, lo: int, hi: int) -> Mention | None:
        """The total of the pairs: the amount of their unit right after 共/合计 after them in the sentence, else the last
        amount of that unit stated before the 其中 that opens them (a level, no base)."""
        unit, last = pairs[0][1].unit, pairs[-1][1]
        said = TOTAL_OF_EACH.search(self.f, last.end, hi)
        if said is not None:
            after = next((x for x in self.between(said.end(), hi) if x.amount), None)
            if after is not None and after.unit == unit and not re.search(r"\d", self.f[said.end():after.start]):
                return after
        first = min(x.start for pair in pairs for x in pair if x.start >= lo)  # a class's count may stand before
        opened = [q for q in QIZHONG.finditer(self.f, lo, first)]
        if not opened:
            return None
        # not a base (较上年度的A, 由A, 与A相比): the later roles are not yet given, the words before say it
        return next((x for x in reversed(self.between(lo, opened[-1].start())) if x.amount and x.unit == unit
                     and not x.direction and "base" not in x.roles
                     and not (BASE_MARK.search(x.before) or FROM_END.search(x.before) or VERSUS.search(x.before))), None)

    def _count_whole(self, noun: str, unit: str, counts: list[Mention]):
        """The counts of a complete split (其余, 将X分为) add up to the count stated before of the noun split."""
        noun = _core(noun)
        if not noun or len(counts) < 2:
            return
        whole = next((x for x in self.back(counts[0].i) if x.amount and fold(x.unit) == fold(unit) and x.level
                      and x not in counts and _core(self.after_noun(x)).startswith(noun)), None)
        if whole is None or id(whole) in self.summed or "claim" in whole.roles:
            return
        whole.roles.add("claim")
        self.summed.add(id(whole))
        self.class_totals.add(id(whole))
        self.propose("total", whole, "sum", counts, ("parts…",) * len(counts))

    def products(self):
        """甲、乙…4个乡镇均设置“五办四中心”…,共设置党政内设机构20个,事业机构16个: each total is the count times
        the number each unit holds, in order."""
        for found in EACH_UNIT.finditer(self.f):
            at = found.start()
            clause = self.r.clause[at]
            count = next((x for x in self.between(self.r.clause_starts[clause], at) if x.amount), None)  # the subject's
            if count is None or fold(count.unit) not in COUNT_UNITS:
                continue
            clause_end = self.r.clause_starts[clause + 1] if clause + 1 < len(self.r.clause_starts) else len(self.f)
            each = [x for x in self.between(found.end(), clause_end) if x.amount and x.depth == count.depth]
            said = TOTAL_OF_EACH.search(self.f, clause_end, self.r.sentence_end(count.sentence))
            if not each or said is None or self.r.segment[said.start()] != count.segment:
                continue
            totals = [x for x in self.between(said.end(), self.r.sentence_end(count.sentence))
                      if x.amount and x.segment == count.segment and x.depth == count.depth][:len(each)]
            if len(totals) != len(each):
                continue
            if any(x.amount and x.depth == count.depth and fold(x.unit) in {fold(e.unit) for e in each}
                   for x in self.between(clause_end, said.start())):
                continue  # 甲、乙两镇各设5个,丙镇设3个,共13个: the total holds other units' amounts too
            if re.search(rf"(?:{_group('sum_of_products', 'rest')})[^{STOP}\d]{{0,8}}?(?:{EACH_UNIT.pattern})",
                         self.f[clause_end:said.start()]):
                continue  # 3个镇各设7个,其余乡镇各设5个,共51个: the total holds the other units' too (no product)
            for total, per in zip(totals, each):
                if "product" in total.roles or id(total) in self.class_totals:  # one claim per place
                    continue
                total.roles.update(("claim", "product"))
                self.propose("product", total, "product", (count, per), ("count", "each"))

    def _compound_by_noun(self, count: Mention, parts: list[Mention], quote_close: int, s_end: int) -> str | None:
        """“三站一中心”:甲站、乙站、丙站和丁中心 — one list after the label: each counted part takes the items that end
        with its noun (站, 中心)."""
        listed = re.match(r"\s*[:：(（]\s*([^。；;:：()（）,，]+)", self.f[quote_close + 1:s_end])  # the clause after
        if listed is None:
            return None
        at = quote_close + 1 + listed.start(1)
        items = [w for w in re.split(r"、|和|及|與|与", self.text[at:at + len(listed.group(1))]) if w.strip()]
        if len(items) < 2 or any(len(w) > 20 for w in items):
            return None
        nouns = [re.sub(r"^[一二两兩三四五六七八九十]+", "", fold(x.as_written)) for x in parts]
        groups = _by_noun([fold(w) for w in items], nouns) if all(nouns) else None
        if groups is None:
            return None
        mine = [w for w, folded in zip(items, [fold(w) for w in items]) if folded in groups[parts.index(count)]]
        return "、".join(mine)

    def per_unit_products(self):
        """全乡12个村,每村补助5万元,共计60万元 (每个社区3万元, 每村八萬五千元): the count stated before 每 in the
        sentence whose unit or noun 每 repeats, times the amount right after 每X in its clause, is the total after
        共/合计 in the same ;-item (not 平均每, an average, nor 每户最多, a cap)."""
        for found in re.finditer(r"每(?:个|個|一个|一個)?", self.f):
            at, noun = found.start(), self.f[found.end():found.end() + 4]
            clause = self.r.clause[at]
            if AVERAGE.search(self.f, max(0, at - 2), found.end()) or not noun:
                continue
            counts = [x for x in self.between(self.r.sentence_starts[self.r.sentence[at]], at)
                      if x.amount and x.level and fold(x.unit) in COUNT_UNITS and x.depth == 0]
            count = next((x for x in reversed(counts) if _repeats(noun, fold(x.unit), self.after_noun(x))), None)
            if count is None or count.segment != self.r.segment[at]:
                continue
            clause_end = self.r.clause_starts[clause + 1] if clause + 1 < len(self.r.clause_starts) else len(self.f)
            each = next((x for x in self.between(found.end(), clause_end) if x.amount), None)
            if each is None or AVERAGE_CAP.search(self.f, found.end(), each.start) or "claim" in each.roles:
                continue
            said = TOTAL_OF_EACH.search(self.f, each.end, self.r.sentence_end(count.sentence))
            total = next((x for x in self.between(said.end(), self.r.sentence_end(count.sentence)) if x.amount), None) \
                if said is not None and self.r.segment[said.start()] == count.segment else None
            if total is None or total.segment != count.segment or "claim" in total.roles \
                    or re.search(r"\d", self.f[said.end():total.start]) or fold(total.unit) != fold(each.unit):
                continue
            total.roles.add("claim")
            self.propose("product", total, "product", (count, each), ("count", "each"))

    def restatements(self):
        """The same quantity stated again: same unit and year, neither a change nor a rate, and the same name (a
        place before it aside) with values of one size, or the same number of three digits or more under a name one
        of them contains."""
        by_tail: dict[tuple, list[Mention]] = {}  # a name and a name it ends with share their last two characters
        by_number: dict[tuple, list[Mention]] = {}
        for m in self.m:
            if not m.amount or m.direction or m.roles & {"change", "base", "claim"} or not m.name or not _stated(m):
                continue
            if not m.named:
                continue
            bare = PLACE.sub("", m.name)
            number = (m.unit, m.value, m.low, m.high)
            tail = (STAGE.sub("", _unplaced(m.name)) or bare)[-2:]  # 岁入决算数 is looked up with 岁入
            earlier = by_tail.get((m.unit, tail), [])
            if _digits(m.as_written) >= 3:
                earlier = earlier + by_number.get(number, [])
            for x in sorted(set(earlier), key=lambda x: x.start):
                if not self.r.same_year(x.year, m.year) or x.clause == m.clause:
                    continue
                a = PLACE.sub("", x.name)
                same_number = (x.unit, x.value, x.low, x.high) == number and _digits(x.as_written) >= 3
                contained = min(len(a), len(bare)) >= 2 and (a in bare or bare in a)
                one_size = _known(x.value) and _known(m.value) and min(x.value, m.value) > 0 \
                    and max(x.value, m.value) / min(x.value, m.value) <= 1.5
                # two items that each name their own subject first (西部县项目,中央补助16万元; 其他县区项目,中央补助12万元)
                # speak of two things, unless their numbers agree and say more than a digit (401项, 400多项)
                heads = self.item_head(x), self.item_head(m)
                apart = all(heads) and heads[0] != heads[1] and not (_agree(x, m) and _digits(m.as_written) >= 2)
                staged = _same_but_stage(x.name, m.name) and _agree(x, m)  # 歲入決算數 then 歲入, values agreeing
                if ((_same_name(x.name, m.name) or staged) and one_size and not apart) or (same_number and contained):
                    self.propose("restatement", m, "value", (x,), ("earlier",))
                    break
            by_tail.setdefault((m.unit, tail), []).append(m)
            by_number.setdefault(number, []).append(m)

    def count_restatements(self):
        """便民服务中心十二个 … 12个便民服务中心: a count stated again, in Chinese numerals or digits, of the same noun
        (the words before it up to a lead verb, or the noun after its measure word) and year; proposed only when the
        values agree (a count of the same noun may be a subset: 其中5个便民服务中心)."""
        done = {row["claim_start"] for row in self.rows if row["form"] == "restatement"}
        seen: dict[tuple, list[Mention]] = {}
        for m in self.m:
            if (m.percent or m.points or m.direction or m.bound or m.roles & {"change", "base", "claim", "part"}
                    or fold(m.unit) not in COUNT_UNITS or not _known(m.value) or m.value < 2):
                continue
            # 12个便民服务中心均已运行, 13个乡镇公所共精简, 13个便民服务中心全部实现: what follows the noun
            after = re.split(r"[均已各都将正在为是的共]|全部|全数|中$", self.after_noun(m))[0]
            noun = _unplaced(COUNT_LEAD.sub("", after or m.name))
            if DEMONSTRATIVE.fullmatch(m.name) and m.start not in done:
                # 共320人。這320人中 (上述120项权限): the count the sentence before states last, of the same unit and
                # value (and noun, when one follows)
                # 這45名約聘人員: the noun after it opens with words the earlier count's name holds (138人 then
                # 一百三十八个缺额 stays apart: the ledger compares one unit, and 个 is not 人)
                def named(x):
                    held = x.name + self.after_noun(x)
                    return len(after) < 2 or after in held or after[:2] in held

                earlier = next((x for x in self.back(m.i) if x.sentence < m.sentence and same_unit(x.unit, m.unit)
                                and x.level), None)
                if earlier is not None and earlier.sentence == m.sentence - 1 and _agree(earlier, m) and named(earlier):
                    m.roles.add("claim")
                    self.propose("restatement", m, "value", (earlier,), ("earlier",))
                continue
            if len(noun) < 3:
                continue
            key = (fold(m.unit), noun)
            earlier = next((x for x in seen.get(key, []) if x.sentence != m.sentence and self.r.same_year(x.year, m.year)
                            and _agree(x, m)), None)
            if earlier is not None and m.start not in done:
                m.roles.add("claim")
                self.propose("restatement", m, "value", (earlier,), ("earlier",))
            seen.setdefault(key, []).append(m)

    def bound_restatements(self):
        """突破400亿元 / 超过2亿元 / 1.2亿元以上: a bound restating an amount of the text (see the table's binding)."""
        for b in self.m:
            if not b.bound or not b.amount or b.direction or b.points or b.roles or not b.named:
                continue
            own = _bound_core(b.name)
            end = b.low if _known(b.low) else b.high
            if not own:  # 歲出2億3,456萬元,首度超過2億元: the clause names nothing, the amount before is its subject
                amount = next((x for x in self.preceding(b) if x.clause == b.clause - 1), None)
                found = [amount] if amount is not None and amount.level and not amount.bound and amount.unit == b.unit else []
            else:
                found = [x for x in self.m if x is not b and x.level and not x.bound and x.unit == b.unit
                         and x.named and self.r.same_year(x.year, b.year) and x.clause != b.clause
                         and _shared_run(own, _bound_core(x.name)) >= 4]
            found = [x for x in found if _known(x.value) and end and 0 < x.value / end <= 1.5 and end / x.value <= 1.5]
            if len(found) == 1:
                b.roles.add("claim")
                self.propose("restatement", b, "value", (found[0],), ("earlier",) if found[0].start < b.start else ("later",))

    def counts(self):
        for m in self.m:
            if m.unit == "%" or m.points:
                continue
            self._enumeration(m)

    def _enumeration(self, count: Mention):
        s_start = self.r.sentence_starts[count.sentence]
        s_end = self.r.sentence_end(count.sentence)
        s_end -= self.f[s_end - 1:s_end] in tuple(HARD_END + "\n")  # not the stop that ends it
        after = self.f[count.end:s_end]

        def items_of(found: re.Match, at: int) -> str:  # the list as the text writes it
            return self.text[at + found.start(1):at + found.end(1)]

        def propose(items: str, count_by: str = ""):
            items = _lead_trimmed(items)
            open_list = OPEN_LIST.search(items)
            if open_list:  # 甲、乙等5个: the list may name only some of the 5
                items = items[:open_list.start()]
            count_by = count_by or _count_by(items)
            if open_list and _known(count.value) and count_items(items, count_by) < count.value:
                return self.unverifiable("count", count)
            self.propose("count", count, "count_items", items=items, count_by=count_by)

        compound = self._compound(count, s_end)
        if compound is not None:
            return propose(compound)
        label = LABEL_LIST.search(after)
        if label:  # a counted label with its items in brackets: “三要”(要钱、要粮、要命)
            return propose(items_of(label, count.end))
        unit = fold(count.unit) or next((u for u in COUNT_UNITS if self.f.startswith(u, count.end)), "")
        quoted_label = self.f[count.start - 1:count.start] in QO and not re.search(r"\d", count.as_written)
        if unit not in COUNT_UNITS and not quoted_label:
            return None
        window = max(s_start, count.start - 120)
        before = LIST_BEFORE.search(self.f[window:count.start])
        # "乡镇长1人、副乡镇长3人": 人 is the unit of 1, not the first item of a list; "甲镇、乙镇各设3个…": a verb
        # ends the words before the count, which are the units that hold them, not what is counted
        # (a hard-wrapped line may cut a word: 人民政\n府设)
        if before and (LIST_VERB.search(re.sub(r"\s", "", before.group(1))) or APPOSITION.search(self.f, 0, count.start)):
            before = None
        if before and not re.match(r"[\d零一二两三四五六七八九十]", self.f[window + before.start() - 1:window + before.start()] or "-"):
            return propose(items_of(before, window))
        bracket = BRACKETED.search(after)
        if bracket and (re.search("[、,，]", bracket.group(1)) or count.value == 1 and len(bracket.group(1)) >= 2
                        and not re.search(r"[,，:：]", after[:bracket.start(1)])):
            items = items_of(bracket, count.end)
            return propose(re.sub(r"^(?:含|即)", "", items))
        listed = LIST_AFTER.search(after)
        if listed:
            return propose(items_of(listed, count.end))
        clauses = COLON_LIST.match(after)
        if clauses:  # 四个方面的职能:甲,乙;丙,丁;…: the items are the ;-clauses (or the ,-clauses) to the sentence's end
            items = items_of(clauses, count.end)
            return propose(items, "split [;；]" if re.search("[;；]", items) else "split [,，]")
        return None

    def _compound(self, count: Mention, s_end: int) -> str | None:
        """“五办四中心”(甲、乙,丙、丁): each counted part of a quoted label takes one bracketed group, in order."""
        lo = self.r.sentence_starts[count.sentence]
        quote_open = max(self.f.rfind(q, lo, count.start) for q in QO)
        quote_close = min((at for at in (self.f.find(q, count.end, s_end) for q in QC) if at >= 0), default=-1)
        if quote_open < 0 or quote_close < 0 or re.search(f"[{QO}{QC}]", self.f[quote_open + 1:count.start]):
            return None
        parts = [x for x in self.between(quote_open + 1, quote_close) if x.end <= quote_close]
        if len(parts) < 2 or count not in parts:
            return None
        bracket = re.match(r"\s*[(（]([^()（）]+)[)）]", self.f[quote_close + 1:s_end])
        if bracket is None:
            return self._compound_by_noun(count, parts, quote_close, s_end)
        groups = re.split(r"[,，;；]", self.text[quote_close + 1 + bracket.start(1):quote_close + 1 + bracket.end(1)])
        if len(groups) != len(parts):
            return None
        return groups[parts.index(count)]


def _by_noun(items: list[str], nouns: list[str]) -> list[list[str]] | None:
    """Each item to the counted part whose noun it ends with (else holds: 党政办公室 is an 办), nouns tried longest
    first; None when an item fits none.

    >>> _by_noun(["农业服务站", "文化站", "党群服务中心"], ["站", "中心"])
    [['农业服务站', '文化站'], ['党群服务中心']]
    """
    out: list[list[str]] = [[] for _ in nouns]
    order = sorted(range(len(nouns)), key=lambda k: -len(nouns[k]))
    for item in items:
        k = next((k for k in order if item.endswith(nouns[k])), None)
        k = k if k is not None else next((k for k in order if nouns[k] in item), None)
        if k is None:
            return None
        out[k].append(item)
    return out


def _repeats(noun: str, unit: str, after: str) -> bool:
    """Whether the words after 每 name what a count counts: its unit (15村 … 每村) or the noun after it (20个社区 …
    每个社区; 12个村每村: one character that is a count unit).

    >>> _repeats("村六万元", "村", ""), _repeats("社区3万", "个", "社区"), _repeats("村补助5", "个", "村每村补助"), _repeats("人补助", "个", "村")
    (True, True, True, False)
    """
    if unit and unit not in ("个", "個") and noun.startswith(unit):
        return True
    shared = len(next((p for p in (after[:k] for k in range(min(len(after), 4), 0, -1)) if noun.startswith(p)), ""))
    return shared >= 2 or shared == 1 and after[:1] in COUNT_UNITS


def _adds_to_100(terms: list[Mention]) -> bool:
    """The terms of a structure of shares: they add up to 100, within their rounding (half a last digit each)."""
    values = [t.value for t in terms]
    if len(values) < 2 or not all(_known(v) for v in values):
        return False
    digits = max((len(t.as_written.split(".")[1]) if "." in t.as_written else 0) for t in terms)
    return abs(sum(values) - 100) <= len(values) * 0.5 * 10 ** -digits + 1e-9


def _complete_split(names: list[str], n: int) -> bool:
    """Whether ``names`` are a split in full of n parts: the ordinals 一…n in turn (第一产业、第二产业、第三产业;
    第一、二、三产业), or the two sides of a pair of the table (轻、重工业; 城镇和乡村).

    >>> _complete_split(["第一产业", "第二产业", "第三产业增加值"], 3), _complete_split(["第一", "二", "三产业"], 3)
    (True, True)
    >>> _complete_split(["第一产业", "第二产业"], 2), _complete_split(["轻", "重工业"], 2), _complete_split(["税收", "非税"], 2)
    (False, True, False)
    """
    if len(names) != n:
        return False
    firsts = [ORDINAL.match(name) for name in names]
    if all(firsts):
        numerals = [CN_DIGITS.get(f.group()[-1]) for f in firsts]
        # 一…N in turn, N of three or more: 三次产业 (第一、第二产业 alone may leave a third out)
        return numerals == [str(k) for k in range(1, n + 1)] and n >= 3
    return n == 2 and any(names[0].startswith(a) and names[1].startswith(b) for a, b in SPLIT_PAIRS)


def _rank(written: str) -> int:
    """A rank as written (4, 四, 十二) as a number.

    >>> _rank("4"), _rank("四"), _rank("十二"), _rank("二十")
    (4, 4, 12, 20)
    """
    if written.isdigit():
        return int(written)
    tens, _, ones = written.rpartition("十")
    if "十" not in written:
        return int(CN_DIGITS[written[-1]])
    return int(CN_DIGITS.get(tens, "1") if tens else 1) * 10 + (int(CN_DIGITS[ones]) if ones else 0)


def _rule(form: str, fall: bool) -> str:
    """The form's rule for a rise, or its rule for a fall (a change is claimed by its size)."""
    spec = FORM[form]
    return spec.fall_rule if fall and spec.fall_rule else spec.rule


def _kind(x: Mention) -> str:
    """What an amount counts, for binding by name: a rate, or its unit (persons in 人, 名 or 位 alike)."""
    return "%" if x.percent else "人" if fold(x.unit) in PERSONS else fold(x.unit)


def _small_number(written: str) -> int | None:
    """三 -> 3, 5 -> 5, 十二 -> 12: the count a mean names (None past 99)."""
    if written.isdigit():
        return int(written)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
    if len(written) == 1:
        return 10 if written == "十" else digits.get(written)
    tens, _, ones = written.partition("十")
    if not _:
        return None
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def _no_year(words_: str) -> str:
    return YEAR.sub("", words_)


def _agree(a: Mention, b: Mention) -> bool:
    """Whether two numbers can be one value: their stated ends or values overlap (401 and 400多)."""
    def ends(m):
        lo = m.low if _known(m.low) else m.value
        hi = m.high if _known(m.high) else m.value
        return (lo if _known(lo) else -float("inf")), (hi if _known(hi) else float("inf"))
    (lo1, hi1), (lo2, hi2) = ends(a), ends(b)
    return lo1 <= hi2 and lo2 <= hi1


RESTATED_BOUND = _rx(_group("restatement", "bound"))


def _bound_core(name: str) -> str:
    """A name without the words around a bound that name no quantity (首次, 大关) nor a place before it."""
    return PLACE.sub("", RESTATED_BOUND.sub("", _core(name)))


def _shared_run(a: str, b: str) -> int:
    """The length of the longest run of characters two names share (岁入决算 in 屏东县岁入决算 and 岁入决算数).

    >>> _shared_run("屏东县岁入决算", "岁入决算数"), _shared_run("岁入", "岁出")
    (4, 1)
    """
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _stated(m: Mention) -> bool:
    """A number written out (digits, or a Chinese amount of three characters or more), not a counted label (一类)."""
    return bool(re.search(r"\d", m.as_written)) or len(re.findall(r"[零〇一二两三四五六七八九十百千万亿萬億]", m.as_written)) >= 3


def _digits(written: str) -> int:
    return len(re.sub(r"\D", "", written.split("%")[0]).strip("0") or "")


def _core_keep_list(head: str) -> str:
    text = YEAR.sub("", head)
    text = re.sub(r"[\d.,，%％]+", "", text)
    return re.sub(r"[的之为是有达共计约仅只则自从由至到“”\"'\s]|实现|审定|全县|全镇|全市|全区", "", text)


OPEN_LIST = _rx(rf"(?:{_group('count', 'open')})\s*$")
APPOSITION = _rx(rf"[、，,]\s*(?:{_group('count', 'apposition')})\s*$")  # 三成村庄、即12个: no list before 12个
LEAD = _rx(rf"^[^、,，]*(?:{_group('count', 'lead')})")


def _lead_trimmed(items: str) -> str:
    """A list without the words before its first item up to a lead word (全县设立甲中心、乙中心 -> 甲中心、乙中心),
    when the first item keeps two characters or more.

    >>> _lead_trimmed("全县设立甲中心、乙中心"), _lead_trimmed("全縣設置甲站、乙站"), _lead_trimmed("设立局、办")
    ('甲中心、乙中心', '甲站、乙站', '设立局、办')
    """
    found = LEAD.match(fold(items))
    if found is None or len(re.split("[、,，和及]", items[found.end():])[0].strip()) < 2:
        return items
    return items[found.end():]


def _count_by(items: str) -> str:
    """How a proposed list's items are told apart: 、 always; a comma when it joins groups (甲、乙,丙、丁); 和/及
    before the last item when both sides end alike (文化服务中心和计划生育服务中心, not 人口和计划生育办)."""
    separators = ["、"]
    if re.search("[,，]", items):
        separators.append("[,，]")
    pieces = re.split("[、,，]", items)
    last = pieces[-1]
    joined = re.split("和|及", last)
    if len(joined) == 2 and all(joined) and len(pieces) > 1:
        ends = {p[-2:] for p in pieces[:-1]}
        if joined[0][-2:] in ends and joined[1][-2:] in ends or len(pieces) == 1:
            separators.append("和|及")
    if len(pieces) == 1 and len(joined) == 2 and all(joined) and joined[0][-1:] == joined[1][-1:]:
        separators.append("和|及")
    return "split " + "|".join(separators)


def find_claims(text: str, candidates: pd.DataFrame) -> pd.DataFrame:
    """Proposed findings in ``text`` for its candidate numbers, one row per claim and form (claim_forms.FORMS).

    ``candidates`` are rows of :func:`analysis.extraction.candidates.find_numbers` (start, end, value, unit ...).
    Columns: form, rule (``unverifiable`` with a reason when an input is not stated), claimed, claim_start,
    claim_end, line, inputs (as written, space-separated), input_spans, roles (of the inputs, in order), items and
    count_by (a list to count), pattern, reason, fact_span (the claim fact's span when the claim's words are no
    number: 居第3名; else None).

    Examples
    --------
    >>> from analysis.extraction.candidates import find_numbers
    >>> t = "下放权限120项,其中已承接90项,占75%。"
    >>> find_claims(t, find_numbers(t))[["rule", "claimed", "inputs", "roles"]].values.tolist()
    [['parts_within', '120项', '90项', 'parts…'], ['share', '75%', '90项 120项', 'part whole']]
    >>> t = "地区生产总值86.8亿元,同比下降1.3%。"
    >>> find_claims(t, find_numbers(t))[["rule", "claimed", "reason"]].values.tolist()
    [['unverifiable', '1.3%', 'base-year amount not stated']]
    """
    if candidates.empty:
        return pd.DataFrame(columns=COLUMNS)
    return _Finder(text, candidates).run()
