"""Counts: a counted label or number and the list it counts (一办三中心：…), with the list's items.
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import fold, words
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _known
from analysis.extraction.claims.patterns import (
    APPOSITION, BRACKETED, COLON_LIST, COUNT_UNITS, ENUMERATION, HARD_END, LABEL_LIST, LEAD, LIST_AFTER, LIST_BEFORE,
    LIST_VERB, OPEN_LIST, QC, QO, _group,
)
from analysis.extraction.places import TABLE as PLACE_LEVELS
from analysis.rules import count_items

# items each named with its amount (甲420萬元、乙350萬元及丙126萬元等四項): an amount ends an item, so 和/及/与 after
# one always opens the next
_AMOUNT_ITEM = r"[^、,，。;；:：()（）\d]{1,14}\d[\d,.]*\s*(?:[万萬亿億千百]*元|[个個项項人名件所户戶])?"
AMOUNT_LIST = re.compile(rf"({_AMOUNT_ITEM}(?:(?:、|和|及|与|與){_AMOUNT_ITEM})+(?:等)?)$")  # 等 kept: an open list
# 还有乙、丙,合计三个: a list adding to what was named before it, then its count (NUMERAL is the count itself)
MORE_LIST = re.compile(rf"(?:{_group('count', 'more')})({ENUMERATION})[,，]\s*(?:{_group('count', 'sum_opens')})\s*$")
# 以甲公所为例: the one example a sentence names (no 、 or comma inside it)
EXAMPLE = re.compile(rf"以([^、,，。;；:：以\d]{{2,12}}?)(?:{_group('count', 'example')})")
ITEM_ENDS = tuple(sorted(words("count", "item_ends"), key=len, reverse=True))
LIST_MEASURES = words("count", "list_measures")
# a list closing the sentence after a comma and 即 (…已实现“一窗通办”,即甲、乙、丙和丁。): what its one count counts
CLOSING_LIST = re.compile(rf"[,，]\s*(?:{_group('count', 'closing_list')})\s*[:：]?\s*({ENUMERATION}(?:等)?)\s*$")

# a compound label's one list: in brackets, after a colon, or after 即/包括/分别是 (a comma may stand before, and a
# verb or noun of the label before that: “一中心四站”配置,即…; “一办三中心”模式,包括…)
LABEL_OPENS = re.compile(rf"[^、。,，:：;；()（）\d{QO}{QC}]{{0,4}}?\s*[,，]?\s*(?:{_group('count', 'list_opens')}|{_group('count', 'label_sets')})"
                         r"\s*[:：]?\s*([^。；;:：()（）,，]+)")


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


def _joined_names(pieces: list[str], seps: list[str], nouns: list[str]) -> list[str]:
    """The items of a list split at 、/和/及/与, a piece that ends with no counted noun joined to the next across
    和/及/与 (自然资源和生态环境办公室 is one 办公室, not 自然资源 and 生态环境办公室).

    >>> _joined_names(["自然资源", "生态环境办公室", "党群服务中心"], ["和", "、"], ["办", "中心"])
    ['自然资源和生态环境办公室', '党群服务中心']
    """
    out, carry = [], ""
    for k, piece in enumerate(pieces):
        piece = carry + piece
        # the nouns are folded (办); the pieces as written (綜合辦公室) are folded to be compared
        if k < len(seps) and seps[k] in ("和", "及", "与", "與") and not any(noun in fold(piece) for noun in nouns):
            carry = piece + seps[k]
            continue
        out.append(piece)
        carry = ""
    return out + ([carry] if carry else [])


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


def _end(item: str) -> str:
    """What an item's name ends with, for telling whether two items are alike: a place's level ending (镇 and 乡 are
    both towns: places.TABLE), else its last character (站, 中心's 心: 人口 of 人口和计划生育办 ends with none)."""
    folded = fold(item)
    return next((row.level for row in PLACE_LEVELS for e in row.endings if folded.endswith(e)), folded[-1:])


def _body(item: str) -> bool:
    """Whether an item names a body or place by its ending (服务站, 执法队, 中心; count.item_ends), so that 和 before
    it joins two items (甲服务站和乙执法队), not two words of one name (人口和计划生育办: 人口 ends with none).

    >>> _body("退役军人服务站"), _body("综合行政執法隊"), _body("人口"), _body("自然资源")
    (True, True, False, False)
    """
    folded = fold(item)
    return len(folded) >= 2 and any(folded.endswith(e) and len(folded) > len(e) for e in ITEM_ENDS)


def _count_by(items: str) -> str:
    """How a proposed list's items are told apart: 、 always; a comma when it joins groups (甲、乙,丙、丁); 和/及/与
    before the last item when both sides end alike (文化服务中心和计划生育服务中心, 龙口镇和松林乡; not 人口和计划生育办).

    >>> _count_by("青石镇、白沙镇、龙口镇和松林乡"), _count_by("党政综合办、人口和计划生育办")
    ('split 、|和|及|与|與', 'split 、')
    >>> _count_by("甲服务中心、乙服务中心、丙服务站和丁执法队"), _count_by("甲办、自然资源和生态环境办公室")
    ('split 、|和|及|与|與', 'split 、')
    >>> _count_by("土地征收、房屋拆迁和工资拖欠"), _count_by("便民服务中心和综合文化站")
    ('split 、|和|及|与|與', 'split 、|和|及|与|與')
    """
    separators = ["、"]
    if re.search("[,，]", items):
        separators.append("[,，]")
    pieces = re.split("[、,，]", items)
    last = pieces[-1]
    joined = re.split("和|及|与|與", last)
    if len(joined) == 2 and all(joined) and len(pieces) > 1:
        ends = {_end(p) for p in pieces[:-1]}
        # items of one kind: both ends alike, both bodies' names, or neither a body's name (土地征收、房屋拆迁和工资拖欠:
        # things done; 人口和计划生育办 is one office, its 办 a body's noun on one side only)
        if (_end(joined[0]) in ends and _end(joined[1]) in ends or all(_body(p) for p in joined)
                or not any(_body(p) for p in joined) and all(len(p) >= 2 for p in joined)):
            separators.append("和|及|与|與")
    if len(pieces) == 1 and len(joined) == 2 and all(joined) and (joined[0][-1:] == joined[1][-1:]
                                                                   or all(_body(p) for p in joined)):
        separators.append("和|及|与|與")
    return "split " + "|".join(separators)


class _Counts(_Base):
    """The finder of the count form: a counted label or number and the list it counts."""

    def _compound_by_noun(self, count: Mention, parts: list[Mention], quote_close: int, s_end: int) -> str | None:
        """“三站一中心”:甲站、乙站、丙站和丁中心 — one list after the label: each counted part takes the items that end
        with its noun (站, 中心)."""
        listed = LABEL_OPENS.match(self.f, quote_close + 1, s_end)  # the clause after: (…), :…, ,即…, 包括…
        if listed is None:
            return None
        nouns = [re.sub(r"^[一二两兩三四五六七八九十]+", "", fold(x.as_written)) for x in parts]
        said = self.text[listed.start(1):listed.end(1)]
        # the list may go on past a comma (即甲中心,乙站、丙站和丁站): each ,-group whose items all end with a part's
        # noun joins it; the first that does not (即甲中心,负责…) ends it
        at = listed.end(1)
        while self.f[at:at + 1] in (",", "，") and at < s_end:
            group = re.match(r"[,，]([^。；;:：()（）,，]+)", self.f[at:s_end])
            if group is None:
                break
            more = self.text[at + 1:at + group.end()]
            found = _joined_names(re.split(r"、|和|及|與|与", more), re.findall(r"、|和|及|與|与", more), nouns)
            if not all(nouns) or _by_noun([fold(w) for w in found if w.strip()], nouns) is None:
                break
            said, at = said + "、" + more, at + group.end()
        pieces = re.split(r"、|和|及|與|与", said)
        items = [w for w in _joined_names(pieces, re.findall(r"、|和|及|與|与", said), nouns) if w.strip()]
        if len(items) < 2 or any(len(w) > 20 for w in items):
            return None
        if any("等" in w for w in items):  # 甲办公室、乙办公室等机构: an open list counts no part of the label
            return None
        groups = _by_noun([fold(w) for w in items], nouns) if all(nouns) else None
        if groups is None:
            return None
        mine = [w for w, folded in zip(items, [fold(w) for w in items]) if folded in groups[parts.index(count)]]
        return "、".join(mine)

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
        if compound == "":  # a compound label's list that its nouns do not split
            return self.unverifiable("count", count)
        if compound is not None:
            return propose(compound)
        label = LABEL_LIST.search(after)
        if label:  # a counted label with its items in brackets: “三要”(要钱、要粮、要命)
            return propose(items_of(label, count.end))
        unit = fold(count.unit) or next((u for u in COUNT_UNITS if self.f.startswith(u, count.end)), "")
        quoted_label = self.f[count.start - 1:count.start] in QO and not re.search(r"\d", count.as_written)
        if not unit and self.f[count.end:count.end + 1] in LIST_MEASURES:  # 十二件民生实事: a thing only a list counts
            unit = self.f[count.end]
        if unit not in COUNT_UNITS + LIST_MEASURES and not quoted_label:
            return None
        more = MORE_LIST.search(self.f[s_start:count.start])
        if more:  # 以甲为例,…;还有乙、丙,合计三个: the example and the list; no one example: the list is not all
            examples = EXAMPLE.findall(self.f[s_start:s_start + more.start()])
            if len(examples) != 1:
                return self.unverifiable("count", count)
            at = self.f.index(examples[0], s_start)
            return propose(self.text[at:at + len(examples[0])] + "、" + self.text[s_start + more.start(1):s_start + more.end(1)])
        window = max(s_start, count.start - 120)
        before = LIST_BEFORE.search(self.f[window:count.start])
        # "乡镇长1人、副乡镇长3人": 人 is the unit of 1, not the first item of a list; "甲镇、乙镇各设3个…": a verb
        # ends the words before the count, which are the units that hold them, not what is counted
        # (a hard-wrapped line may cut a word: 人民政\n府设)
        if before and (LIST_VERB.search(re.sub(r"\s", "", before.group(1))) or APPOSITION.search(self.f, 0, count.start)):
            before = None
        # 甲、乙两乡合计30个: a count in the list's last item (两乡) counts the list; 30个 is a sum of what they hold
        if before:
            last = max(m.end() for m in re.finditer(r"、|和|及|与|與", before.group(1)))
            if self.between(window + before.start(1) + last, count.start):
                before = None
        # a numeral just before the list's first word may be part of it (3个甲、乙: no list of its own), unless a lead
        # verb stands between (统一设置甲中心、乙站: 一 ends 统一)
        if before and (_lead_trimmed(items_of(before, window)) != items_of(before, window) or not re.match(
                r"[\d零一二两三四五六七八九十]", self.f[window + before.start() - 1:window + before.start()] or "-")):
            return propose(items_of(before, window))
        amounts = None if before else AMOUNT_LIST.search(self.f[window:count.start])
        if amounts and not LIST_VERB.search(amounts.group(1)):
            return propose(items_of(amounts, window), "split 、|和|及|与|與")
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
        closing = CLOSING_LIST.search(after)
        if closing and self.only_count(count, count.end + closing.start()):
            return propose(items_of(closing, count.end))
        return None

    def only_count(self, count: Mention, upto: int) -> bool:
        """Whether ``count`` is the one number of things its sentence states before ``upto`` (a closing 即 list
        restates it; with two, which it names is not said)."""
        return [x for x in self.in_sentence(count) if x.start < upto and fold(x.unit) in COUNT_UNITS] == [count]

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
        groups = [] if bracket is None else \
            re.split(r"[,，;；]", self.text[quote_close + 1 + bracket.start(1):quote_close + 1 + bracket.end(1)])
        if len(groups) == len(parts):
            return groups[parts.index(count)]
        # one list for all the parts (“三站一所”(甲站、乙站、丙站、丁所), “一办三中心”,即…): each part takes the items
        # ending with its noun; a list that splits so by no noun gives no count of the part (not the whole list)
        mine = self._compound_by_noun(count, parts, quote_close, s_end)
        if mine is None and LABEL_OPENS.match(self.f, quote_close + 1, s_end):
            return ""
        return mine
