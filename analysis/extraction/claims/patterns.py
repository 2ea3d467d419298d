"""The patterns the claim finder matches, compiled once from the trigger words of claim_forms.FORMS, and the
characters that cut a text into sentences, ;-items and clauses.
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import words


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
# 精简比率为47.4%, 减少比例达20%, 增长幅度为5%: a rate noun between the change word and its rate
DIRECTION = _rx(rf"(?:(?P<rise>{RISE})|(?P<fall>{FALL}))(?P<rate>比率|比例|幅度|率)?(?P<tail>了|为|达|约|近)?\s*$")
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
                   _rx(_group("share", k + "_whole"))) for k in ("vacancy", "use", "run", "valid", "return")}
GAP_WORD = _rx(rf"(?:{_group('difference', 'gap')})[^{STOP}\d]{{0,4}}$")  # 缺額5人, 缺额人数为5人
DIFFER_WORD = _rx(rf"(?:{_group('difference', 'differ')})[^{STOP}\d]{{0,2}}$")  # 相差7人
FILLED, BUDGETED = _rx(_group("difference", "filled")), _rx(_group("difference", "budgeted"))
# 任务46个,已建成41个,尚有5个在建 (named apart from the share form's PLANNED and DONE)
LEFT_TO_DO = _rx(rf"(?:{_group('difference', 'remaining')})[^{STOP}\d]{{0,2}}$")  # 尚有5个(在建)
UNFINISHED, TO_DO = _rx(_group("difference", "unfinished")), _rx(_group("difference", "planned"))
DONE_SO_FAR = _rx(_group("difference", "done"))
SUPERSEDED, STAFF = _rx(_group("difference", "superseded")), _rx(rf"(?:{_group('difference', 'staff')})")
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
BUDGET_STAGE = _rx(_group("balance", "budget"))
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
                 r"(?=[\d一二两三四五六七八九十])"
                 # 最高的甲镇为52.4%, 最低的乙乡仅11.8%: 的, the name, a verb, the amount
                 rf"|的[^{STOP}\d、的]{{2,8}}?(?:为|达|仅|只有|约|是)\s*(?=\d)")
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
# a dash closes a list (甲站、乙站和丙站——并组建…): no item runs through it
ITEM = rf"(?:[{QO}][^{QO}{QC}、。]{{1,20}}[{QC}]|[^、,，。:：;；()（）{QO}{QC}\d个名项—]{{1,12}})"
ENUMERATION = rf"{ITEM}(?:(?:、|和|及|与|與){ITEM})+"
LIST_BEFORE = re.compile(rf"({ENUMERATION})(?:等)?(?:[{QC}\"]的[{QO}\"]|[,，])?$")
LIST_AFTER = re.compile(rf"^[^、。\d{QO}]{{0,16}}?(?:{_group('count', 'list_opens')})({ENUMERATION})")
BRACKETED = re.compile(rf"^[^、。\d()（）{QO}{QC}]{{0,10}}?[(（]([^()（）\d]{{1,200}})[)）]")
COLON_LIST = re.compile(rf"^[^、。\d{QO}{QC}(（,，;；]{{0,8}}[:：]([^。:：]*[,，;；][^。:：]*)$")
LABEL_LIST = re.compile(rf"^[^、。\d]{{0,4}}[{QC}\"]\s*(?:[(（]|[,，:：]|即)({ENUMERATION})")  # “三要”(要钱、要粮、要命)


PERIOD_WORD = re.compile(rf"^(?:{_group('restatement', 'period')})")
STAGE = re.compile(rf"(?:{_group('restatement', 'stage')})$")
DEMONSTRATIVE = re.compile(rf"(?:{_group('restatement', 'demonstrative')})")  # 这320人: the count just stated
NOUN_LEAD = re.compile(rf"^(?:{_group('restatement', 'noun_lead')})$")  # 在86项…中: 在 names nothing
NOUN_END = re.compile(rf"(?:{_group('restatement', 'noun_end')})")  # what ends the noun after a count
COUNT_LEAD = re.compile(rf"^.*?(?:{_group('restatement', 'count_lead')})")


RESTATED_BOUND = _rx(_group("restatement", "bound"))


OPEN_LIST = _rx(rf"(?:{_group('count', 'open')})\s*$")
APPOSITION = _rx(rf"[、，,]\s*(?:{_group('count', 'apposition')})\s*$")  # 三成村庄、即12个: no list before 12个
LEAD = _rx(rf"^[^、,，]*(?:{_group('count', 'lead')})")
