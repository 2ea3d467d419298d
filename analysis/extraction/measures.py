"""Suggest a measure (data/measures.csv) for a candidate number from the words around it.

Chinese names what it counts right next to the number: the noun after a classifier (12个镇), the
label inside the number (五委, 四室), or the subject just before (乡镇事业机构由17个). So a measure
scores by how much of its Chinese term appears in the context, how long that match is (事业机构
is more specific than 机构) and how close it is to the number. Locators of known facts that use the
measure count as further, weaker examples.

A vocabulary measure is suggested only when the text supports it: the measure fits the number's kind (a
growth rate is no share, an increase of an amount is no amount) and the words around the number say a part of
its term beyond the words every measure shares (收入, 支出, 机构, 人员 ...), not only its examples' wording.
Otherwise the suggestion is the generic measure of the number's kind (GENERIC_MEASURES: an amount in 元, a
share, a growth rate, a change in points, a count), labelled with the noun the text uses; where no generic
measure has the number's unit, none is suggested and ``propose`` names the new measure to add.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

import pandas as pd

from analysis.extraction.candidates import CN_DIGIT, to_simplified
from analysis.extraction.claim_forms import words

BEFORE, AFTER = 24, 10  # characters of context on each side of the number
NUMERAL = re.compile(rf"[0-9０-９.．,，%％{CN_DIGIT}十百千万萬亿億多余餘约約近]+")
TERM_PARTS = re.compile(r"[/()（）“”\"、\sX]+")
# people are counted in any of 名/人/位 (编制10人 and 编制117名 are the same measure): the claim-form table's
# same_thing groups, each folded to its first unit
SAME_UNIT = {u: group.split("/")[0] for group in words("count", "same_thing") for u in group.split("/")[1:]}
EXAMPLE_WEIGHT = 0.7  # another report's wording is a weaker sign than the measure's own term
MIN_SCORE = 0.2  # below this a vocabulary measure is a guess, not a reading of the text
UNITLESS_MIN_SCORE = 0.8  # for a number without a unit, which the unit cannot tell from other measures

# The generic measure of each kind of number, by its unit (rows of data/measures.csv; never scored by their terms).
GENERIC_MEASURES = {
    ("amount", "元"): "amount_yuan", ("amount_change", "元"): "amount_change_yuan",
    ("share", "%"): "share_percent", ("growth", "%"): "growth_percent", ("points", "个百分点"): "share_change_points",
    ("count", "个"): "count_items_generic", ("count", "项"): "count_matters_generic",
    ("count", "名"): "count_posts_generic", ("count", "人"): "count_people_generic",
}
# Words that make a percentage a rate of growth or decline (of what came before it), and an amount an increase.
GROWTH_WORDS = re.compile(r"(?:增长|增幅|降幅|增速|下降|上涨|上升|回落|减少|增加|减低|提高|降低|负增长|下滑|增|降)[了为达]?\s*$")
CHANGE_WORDS = re.compile(r"(?:增收|减收|增加|减少|增长|下降|超收|短收|节约|节支|减支|增支)[了]?\s*$")
RELATES = re.compile(r"(?:同比|比上年|较上年|合计)?(?:占|增长|下降|增加|减少|增收|减收|精简|完成)")
GROWTH_TERM = re.compile(r"增长|增長|下降|增幅|降幅|增速|成长率|成長率|增收|减收|減收|增支|减支|減支|增加|减少|減少")
CLASSIFIER_UNITS = {"家", "所", "户", "条", "辆", "处", "次", "座", "支", "批", "套", "间", "份", "册", "株", "栋", "台", "件",
                    "张", "床", "人次"}
MEASURED_UNITS = {"年", "月", "天", "日", "周", "小时", "米", "㎡", "吨", "亩", "倍", "届"}
COUNT_UNITS = {"个", "项", "名", "人", "家", "所", "户", "村", "镇", "乡", "条", "辆", "处", "次", "座", "支", "批", "套", "间",
               "县", "市", "区", "县市", "县区", "省"}
# Words of many measures' terms, which alone say nothing of which measure a number is.
COMMON_WORDS = ("收入", "支出", "资金", "经费", "金额", "总额", "合计", "人员", "机构", "数量", "个数", "人数", "比例", "比重",
                "占比", "增长", "下降", "完成", "情况", "总数", "项目", "工作", "单位", "部门", "建设", "管理", "服务", "全县",
                "全镇", "全市", "本级", "总计", "共计", "累计", "其中", "投入", "规模", "人口", "预算", "经济", "发展", "财政",
                "公共", "社会", "政府", "全年", "新增", "新建", "现有", "共有", "全部")
# Words of change: they say the kind of a number (a growth rate), not what it is of.
CHANGE_TERMS = ("增长", "下降", "比上年", "较上年", "上年", "同比", "增加", "减少", "增收", "减收", "增幅", "降幅", "增速", "上升",
                "上涨", "成长率")
COMMON = re.compile("|".join(sorted({*COMMON_WORDS, *CHANGE_TERMS}, key=len, reverse=True)))
# Words whose presence in a term the other one in the text contradicts.
OPPOSITES = [(a, b) for pair in (("收入", "支出"), ("岁入", "岁出"), ("增加", "减少"), ("增长", "下降"), ("增收", "减收"))
             for a, b in (pair, pair[::-1])]
ONLY_CHANGE = re.compile(f"(?:{'|'.join(sorted(CHANGE_TERMS, key=len, reverse=True))})+")


def bigrams(text: str) -> set[str]:
    """Pairs of adjacent characters: the unit of similarity for Chinese text without a word segmenter."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


def term_parts(term: str) -> list[str]:
    """The phrases of a measure's Chinese term: "行政机构/综合性办公室" names two, "“三室”" 三室 and 室."""
    parts = [part for part in TERM_PARTS.split(to_simplified(term)) if part]
    # a counted label (两级, 五委) names what is counted with the number itself, which the context reads apart
    return parts + [bare for part in parts if (bare := NUMERAL.sub("", part)) and bare != part]


CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n]")


@dataclass
class Context:
    """The words before a number (nearest last), the number as written (四室, 一办) and the words after it.

    The words after count only to the end of their clause: what follows a comma is about something else.
    """

    before: str
    written: str
    after: str

    def __post_init__(self):
        self.after = CLAUSE_END.split(self.after, maxsplit=1)[0]
        self.label = NUMERAL.sub("", self.written)

    def nearest(self, phrase: str, in_label: bool = True) -> int | None:
        """How many characters separate ``phrase`` from the number; -1 when the number's own words hold it (一办);
        None if absent."""
        if in_label and (phrase in self.label or len(phrase) > 1 and phrase in self.written):
            return -1
        distances = []
        at = self.before.rfind(phrase)
        if at >= 0:
            distances.append(len(self.before) - at - len(phrase))
        at = self.after.find(phrase)
        if at >= 0:
            distances.append(at)
        return min(distances) if distances else None


def phrase_score(part: str, context: Context, unit: str = "") -> float:
    """How well the context says ``part``: its stretches found (longest first), each weighted by length and nearness.

    A single character counts only next to the number (四室, 8个村), where it cannot be a coincidence. A term that
    is the measure's own unit (人 for staff_involved) says nothing when it is only the number's unit (设书记1人).
    """
    score, covered = 0.0, [False] * len(part)
    for length in range(len(part), 0, -1):
        for i in range(len(part) - length + 1):
            if any(covered[i:i + length]):
                continue
            stretch = part[i:i + length]
            distance = context.nearest(stretch, in_label=stretch != unit)
            if distance is None or (length == 1 and distance > 1):
                continue
            score += length / len(part) * (1 + 0.1 * length) / (1 + distance / 6)
            covered[i:i + length] = [True] * length
    return score


def near_phrases(context: Context, longest: int) -> set[str]:
    """Every phrase of up to ``longest`` characters that ``context.nearest`` can find and phrase_score can count:
    a single character only in the number's label or next to the number, longer ones anywhere in the context."""
    near = set(context.label) | set(context.before[-2:]) | set(context.after[:2])
    for words in (context.before, context.after, context.written, context.label):
        for length in range(2, min(len(words), longest) + 1):
            near.update([words[i:i + length] for i in range(len(words) - length + 1)])
    return near


def measure_kind(unit: str, term: str) -> str:
    """The kind of number a measure of the vocabulary holds, from its unit and term (as kind_of reads a number's)."""
    if unit == "%":
        return "growth" if GROWTH_TERM.search(term) else "share"
    if unit in ("个百分点", "元"):
        return {"个百分点": "points", "元": "amount"}[unit]
    return "count" if unit in COUNT_UNITS or len(unit) == 1 and unit not in MEASURED_UNITS else "other"


def kind_of(context: Context, unit: str) -> str:
    """What kind of number it is, from its unit and the words of its clause before it: amount, amount_change (同比增收
    164万元), share, growth (增长5.2%), points (个百分点), count (of things, people, posts, items or a counted label
    such as 五委), or other (lengths, areas, weights, times, multiples, or no unit)."""
    before = context.before
    if unit == "%":
        return "growth" if GROWTH_WORDS.search(before) or before.endswith(("负", "-")) else "share"
    if unit == "个百分点":
        return "points"
    if unit == "元":
        return "amount_change" if CHANGE_WORDS.search(before) else "amount"
    if unit in COUNT_UNITS or unit and unit not in MEASURED_UNITS and len(unit) == 1:
        return "count"
    return "other"


@dataclass
class MeasureSuggester:
    """Nearest measure by its Chinese term and by the locators of facts that use it.

    Built from the vocabulary and from known facts (for a new report, the facts of every other report).
    A number's context holds few of the terms' phrases and few of the examples' bigrams, so both are indexed
    by phrase and bigram: a suggestion scores only the parts and examples its context shares something with,
    instead of every stretch of every term of every measure (4 ms a number, most of a long text's time).
    """

    measures: pd.DataFrame
    examples: pd.DataFrame  # facts: measure, unit, locator

    def __post_init__(self):
        generic = set(GENERIC_MEASURES.values())
        self.parts = {m.measure: term_parts(m.term_zh) for m in self.measures.itertuples() if m.measure not in generic}
        self.example_words: dict[str, list[set[str]]] = {}
        for f in self.examples.itertuples():
            if f.measure in generic:  # a generic measure is chosen by kind, never by likeness
                continue
            self.example_words.setdefault(f.measure, []).append(bigrams(NUMERAL.sub(" ", to_simplified(f.locator))))
        self.written_unit = dict(zip(self.measures["measure"], self.measures["unit"]))
        self.kinds = {m.measure: measure_kind(m.unit, m.term_zh) for m in self.measures.itertuples()}
        self.unit_of = {m: SAME_UNIT.get(u, u) for m, u in self.written_unit.items()}
        self.units = set(self.unit_of.values())
        self._rank = {measure: i for i, measure in enumerate(self.parts)}  # the vocabulary's order breaks ties
        self._measures_of: dict[str, list[str]] = {}
        for measure, parts in self.parts.items():
            for part in parts:
                self._measures_of.setdefault(part, []).append(measure)
        # phrase_score's stretches of each part (longest first, then left to right), and the parts holding each
        self._stretches: dict[str, list[tuple[int, int, str]]] = {}
        self._holders: dict[str, set[str]] = {}
        for part in self._measures_of:
            self._stretches[part] = [(i, length, part[i:i + length])
                                     for length in range(len(part), 0, -1) for i in range(len(part) - length + 1)]
            for _, _, stretch in self._stretches[part]:
                self._holders.setdefault(stretch, set()).add(part)
        self._longest = max(map(len, self._stretches), default=1)
        # each bigram of the examples: the (measure, example) pairs that hold it; an empty example is never compared
        self._example_of: list[tuple[str, int]] = []  # (measure, number of bigrams) of each example
        self._examples_with: dict[str, list[int]] = {}
        for measure, examples in self.example_words.items():
            for ex in examples:
                for bigram in ex:
                    self._examples_with.setdefault(bigram, []).append(len(self._example_of))
                self._example_of.append((measure, len(ex)))

    def suggest_at(self, text: str, start: int, end: int, unit: str) -> tuple[str, float]:
        """The suggestion for the number at text[start:end], read with the words on either side of it."""
        return self.suggest(self.context_at(text, start, end), unit)

    @staticmethod
    def context_at(text: str, start: int, end: int) -> Context:
        return Context(text[max(0, start - BEFORE):start], text[start:end], text[end:end + AFTER])

    def suggest(self, context: Context | str, unit: str) -> tuple[str, float]:
        """(measure, confidence in [0, 1]) for a number with this context and unit.

        The vocabulary's best measure when the text supports it (see the module's docstring), with its score;
        else the generic measure of the number's kind, with confidence 0.5 (right by construction, saying little);
        ("", 0) when neither fits. A plain string is read as the words before the number.
        """
        return self.propose(context, unit)[:2]

    def propose(self, context: Context | str, unit: str, noun: str = "") -> tuple[str, float, str, str]:
        """(measure, confidence, kind, new measure to add or ""): :meth:`suggest` with the kind of number it read and,
        when no measure of the vocabulary or generic one fits, the new measure to propose, named with ``noun`` (the
        noun the text uses, find_numbers' ``entity``)."""
        if isinstance(context, str):
            context = Context(context, "", "")
        context = Context(*(to_simplified(s) for s in (context.before, context.written, context.after)))
        kind = kind_of(context, unit)
        # a number without a unit (15.8亿, 9.2:51:39.8) is not told apart by its unit: its words must say more
        least = MIN_SCORE if unit else UNITLESS_MIN_SCORE
        counted_label = not re.search(r"\d", context.written) and unit in "办室厅站所委局队校馆院组科股部"  # 七站八所
        if unit in CLASSIFIER_UNITS and SAME_UNIT.get(unit, unit) not in self.units and not counted_label:
            least = 2.0  # 15家: no measure of the vocabulary counts in 家 (a counted label, 八所, counts bodies in 个)
        for measure, score in self.ranked(context, unit):  # the best the text supports, if any scores enough
            if score < least:
                break
            if self._fits(measure, kind, unit) and self.supported(measure, context):
                return measure, score, kind, ""
        generic = GENERIC_MEASURES.get((kind, unit))
        if generic and generic in self.unit_of:
            return generic, 0.5, kind, ""
        return "", 0.0, kind, f"{kind} in {unit or '(no unit)'}" + (f": {noun}" if noun else "")

    def _fits(self, measure: str, kind: str, unit: str) -> bool:
        """A vocabulary measure of the number's kind (a growth rate is no share, an increase of an amount no amount);
        a number without a unit may be of any kind."""
        return self.kinds.get(measure) == kind or kind == "other" and not unit

    def supported(self, measure: str, context: Context) -> bool:
        """Whether the words of the number's clause say a part of the measure's term: the number's own label holds it,
        the whole part stands in the context (unless it is only words of change: 增长), or a stretch of it does that
        says more than the words every measure shares (收入, 机构, 增长 ...) and does not begin or end inside one of
        those (the 算数 of 决算数 does not say 预算数). A one-character term must stand right by the number (8个村);
        a term saying 收入 is not said by a text saying 支出, nor the other way round."""
        # the number's own clause: a term said in the clause before speaks of another number, unless this one only
        # relates to it (能正常运行的有179项,占…44.6%)
        clause = CLAUSE_END.split(context.before)[-1]
        if clause.strip() and not RELATES.match(clause.lstrip()):  # a clause that begins with the number: the one before
            context = Context(clause, context.written, context.after)
        context = Context(context.before, context.written, context.after.split("、")[0])  # not the next item of a list
        near = near_phrases(context, self._longest)
        said = context.before + context.written + context.after
        for part in self.parts.get(measure, []):
            if any(one in part and other in said and one not in said for one, other in OPPOSITES):
                continue  # 一般公共预算收入 does not say 一般公共预算支出
            if part in context.label or len(part) > 1 and part in near and not ONLY_CHANGE.fullmatch(part):
                return True  # the whole term said, unless it is only words of change (增长)
            if len(part) == 1:
                if part in context.before[-1:] or part in context.after[:1]:
                    return True
                continue
            cuts = {k for m in COMMON.finditer(part) for k in range(m.start() + 1, m.end())}  # inside a shared word
            for length in range(len(part), 1, -1):
                for i in range(len(part) - length + 1):
                    stretch = part[i:i + length]
                    if (i not in cuts and i + length not in cuts and stretch in near and COMMON.sub("", stretch)
                            and "非" + stretch not in said):  # 非税收入 does not say 税收收入
                        return True
        return False

    def score(self, context: Context | str, unit: str) -> tuple[str, float]:
        """The vocabulary's best measure for a number with this context and unit, and its score in [0, 1]; ("", 0)
        if none shares anything with the context. A plain string is read as the words before the number.
        """
        ranked = self.ranked(context, unit)
        return ranked[0] if ranked else ("", 0.0)

    def ranked(self, context: Context | str, unit: str) -> list[tuple[str, float]]:
        """Every measure of the vocabulary the context shares something with, best first (ties in the vocabulary's
        order), with its score in [0, 1]."""
        if isinstance(context, str):
            context = Context(context, "", "")
        context = Context(*(to_simplified(s) for s in (context.before, context.written, context.after)))
        words = bigrams(context.before + " " + context.label + context.after)
        unit = SAME_UNIT.get(unit, unit)
        unit = unit if unit in self.units or not unit else "个"  # a counted label (五委, 七站) is a number of things
        near = near_phrases(context, self._longest)
        said = set().union(*map(self._holders.__getitem__, near & self._holders.keys()))  # parts scoring more than 0
        # len(words & example) of every example sharing a bigram with the words
        shared = Counter(chain.from_iterable(map(self._examples_with.__getitem__, words & self._examples_with.keys())))
        seen_in: dict[str, float] = {}  # the best share of an example's bigrams, by measure
        for j, count in shared.items():
            measure, size = self._example_of[j]
            if count / size > seen_in.get(measure, 0.0):
                seen_in[measure] = count / size
        # a measure none of whose parts and examples the context shares anything with scores 0: never the best
        named = {m for m in seen_in if m in self._rank}.union(*(self._measures_of[part] for part in said))
        scores: dict[tuple[str, str], float] = {}  # (part, unit): a part shared by measures of one unit is scored once
        found = []
        for measure in sorted(named, key=self._rank.__getitem__):
            if unit and self.unit_of.get(measure) not in (unit, None):
                continue
            own = 0.0
            for part in self.parts[measure]:
                if part in said:
                    key = (part, self.written_unit[measure])
                    if key not in scores:
                        scores[key] = self._part_score(part, context, key[1], near)
                    own = max(own, scores[key])
            candidate = max(own, EXAMPLE_WEIGHT * seen_in.get(measure, 0.0))
            if candidate > 0:
                found.append((measure, round(min(candidate, 1.0), 2), candidate))
        found.sort(key=lambda f: -f[2])  # stable: ties keep the vocabulary's order
        return [(measure, rounded) for measure, rounded, _ in found]

    def _part_score(self, part: str, context: Context, unit: str, near: set[str]) -> float:
        """phrase_score(part, context, unit), reading only the stretches ``near`` holds (the others add nothing),
        in the same order and with the same sums."""
        score, covered = 0.0, [False] * len(part)
        for i, length, stretch in self._stretches[part]:
            if stretch not in near or any(covered[i:i + length]):
                continue
            distance = context.nearest(stretch, in_label=stretch != unit)
            if distance is None or (length == 1 and distance > 1):
                continue
            score += length / len(part) * (1 + 0.1 * length) / (1 + distance / 6)
            covered[i:i + length] = [True] * length
        return score
