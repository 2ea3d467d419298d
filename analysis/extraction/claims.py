"""Candidate findings: the claim forms the ledger checks, found in a report's text next to its numbers.

Each proposal names its rule and its inputs (other candidates, or an enumeration's text), so that
a person can accept it into data/findings.csv and `audit` judges it like any other finding.
"""

from __future__ import annotations

import re

import pandas as pd

SENTENCE_END = re.compile(r"[。\n!！?？]")
SHARE_WORDS = re.compile(r"占|率为|率达|比例为")
CUT_WORDS = re.compile(r"精简|减少|压缩|下降|精減|減少")
FROM_TO = re.compile(r"由|从|從")
TO_WORDS = re.compile(r"减为|减至|减到|整合为|合并为|精简为|減為|減至|為")
PARTS_OPEN = re.compile(r"^[^。\d]{0,6}[(（]|^[^\d]{0,8}其中|^[^。\d]{0,8}中[,，]")
ITEM = r"[^、,，。:：;；()（）“”\d个個名项項]{1,12}"  # an item holds no number and no measure word
ENUMERATION = rf"{ITEM}(?:(?:、|和|及){ITEM})+"
LIST_BEFORE = re.compile(rf"({ENUMERATION})(?:等)?(?:[”\"]的[“\"]|[,，])?$")
COUNT_UNITS = ("个", "個", "项", "項", "名", "人", "家", "所", "条", "條", "辆", "輛", "处", "處", "村", "镇", "鎮", "乡", "鄉",
               "站", "室", "厅", "级", "級", "种", "種", "类", "類", "位", "县", "縣")
LIST_AFTER = re.compile(rf"^[^、。\d]{{0,16}}?(?:[:：]|即|[(（]|一般为|分别是|分别为|包括|为|為)({ENUMERATION})")
LABEL_LIST = re.compile(rf"^[^、。\d]{{0,4}}[”\"]\s*(?:[(（]|[,，:：]|即)({ENUMERATION})")  # “三要”(要钱、要粮、要命)

COLUMNS = ["rule", "claimed", "claim_start", "claim_end", "line", "inputs", "input_spans", "items", "pattern"]


def _sentences(text: str):
    start = 0
    for m in SENTENCE_END.finditer(text + "\n"):
        yield start, m.start()
        start = m.end()


def _counts(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[(frame["unit"] != "%") & frame["value"].notna()]


def find_claims(text: str, candidates: pd.DataFrame) -> pd.DataFrame:
    """Proposed findings (share, reduction, sum, count_items) from ``text`` and its candidate numbers.

    ``candidates`` are rows of :func:`analysis.extraction.candidates.find_numbers` (start, end, value, unit ...).

    Examples
    --------
    >>> from analysis.extraction.candidates import find_numbers
    >>> t = "下放权限120项,其中已承接90项,占75%。"
    >>> find_claims(t, find_numbers(t))[["rule", "claimed", "inputs"]].values.tolist()
    [['share', '75%', '90项 120项']]
    """
    rows = []
    for s_start, s_end in _sentences(text):
        inside = candidates[(candidates["start"] >= s_start) & (candidates["end"] <= s_end)].sort_values("start")
        records = inside.to_dict("records")
        for i, c in enumerate(records):
            if c["unit"] != "%":
                rows += _total_and_parts(text, c, candidates, s_end)
                rows += _enumeration(text, c, s_start, s_end)
                continue
            before = text[records[i - 1]["end"] if i else s_start:c["start"]]
            earlier = pd.DataFrame(records[:i], columns=inside.columns)
            is_share = SHARE_WORDS.search(before) or ("的" in c["as_written"] and c["qualifier"])  # 不到…的20%
            if is_share and not CUT_WORDS.search(before[-6:]):
                paragraph = candidates[(candidates["start"] >= text.rfind("\n", 0, c["start"]) + 1) & (candidates["end"] <= c["start"])]
                rows += _share(text, c, earlier, paragraph)
            if CUT_WORDS.search(text[max(s_start, c["start"] - 6):c["start"]]):
                rows += _reduction(text, c, earlier, s_start)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    frame["line"] = [sum(1 for s in line_starts if s <= start) for start in frame["claim_start"]]
    return frame


def _row(rule, claim, parts=(), items="", pattern=""):
    return {"rule": rule, "claimed": claim["as_written"], "claim_start": claim["start"], "claim_end": claim["end"],
            "line": 0, "inputs": " ".join(p["as_written"] for p in parts), "input_spans": [(p["start"], p["end"]) for p in parts],
            "items": items, "pattern": pattern}


def _share(text: str, claim, earlier: pd.DataFrame, paragraph: pd.DataFrame) -> list[dict]:
    counts = _counts(earlier)
    if counts.empty:
        return []
    part = counts.iloc[-1]
    # The whole: the nearest larger number before the part, not itself the part of a stated share
    # ("401项中, 179项, 占…44.6%; 155项, 占…": 155's whole is 401, not 179).
    pool = _counts(paragraph)
    wholes = pool[(pool["unit"] == part["unit"]) & (pool["value"] > part["value"]) & (pool["start"] < part["start"])]
    wholes = wholes[[not SHARE_WORDS.search(text[w["end"]:w["end"] + 4]) for _, w in wholes.iterrows()]]
    if wholes.empty:
        return []
    whole = wholes.iloc[-1]
    return [_row("share", claim, [part, whole], pattern="X ... 占 Y%")]


def _reduction(text: str, claim, earlier: pd.DataFrame, s_start: int) -> list[dict]:
    counts = _counts(earlier)
    for j in range(len(counts) - 1, 0, -1):
        after, before = counts.iloc[j], counts.iloc[j - 1]
        between = text[before["end"]:after["start"]]
        if TO_WORDS.search(between) and FROM_TO.search(text[max(s_start, before["start"] - 12):before["start"] + 1]):
            return [_row("reduction", claim, [before, after], pattern="由A减为B, 精简C%")]
    return []


def _total_and_parts(text: str, total, candidates: pd.DataFrame, s_end: int) -> list[dict]:
    paragraph_end = text.find("\n", total["end"])
    following = text[total["end"]:paragraph_end if paragraph_end >= 0 else len(text)]
    if not PARTS_OPEN.search(following):
        return []
    if "其中" not in following[:10]:  # parts in brackets or "X中, a, b": within the sentence
        following = following[: max(0, s_end - total["end"])]
    close = following.find(")") if following.lstrip().startswith(("(", "（")) else -1
    close = following.find("）") if close < 0 and following.lstrip().startswith("（") else close
    limit = total["end"] + (close if close >= 0 else len(following))
    later = candidates[(candidates["start"] >= total["end"]) & (candidates["end"] <= limit)].sort_values("start")
    parts = [c for c in later.to_dict("records") if c["unit"] == total["unit"] and pd.notna(c["value"])]
    if len(parts) < 2:
        return []
    return [_row("sum", total, parts, pattern="N (a、b) / 共N, 其中a、b")]


def _enumeration(text: str, count, s_start: int, s_end: int) -> list[dict]:
    label = LABEL_LIST.search(text[count["end"]:s_end])
    if label:  # a counted label with its items in brackets: “三要”(要钱、要粮、要命)
        return [_row("count_items", count, items=label.group(1), pattern="N字(甲、乙、丙)")]
    if count["unit"] not in COUNT_UNITS:
        return []
    before = LIST_BEFORE.search(text[max(s_start, count["start"] - 80):count["start"]])
    if before:
        return [_row("count_items", count, items=before.group(1), pattern="甲、乙、丙N个")]
    after = LIST_AFTER.search(text[count["end"]:s_end])
    if after:
        return [_row("count_items", count, items=after.group(1), pattern="N个: 甲、乙、丙")]
    return []
