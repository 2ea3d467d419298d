"""The one table of claim forms: the ways a report relates its numbers, as the claim finder reads them.

``analysis.extraction.claims.find_claims`` reads this table (each form's trigger words, the roles of the numbers
it binds and its rule); data/DICTIONARY.md shows it (``claim_forms_markdown``, kept in step by a test), and each
form's example sentence gives its documented reading (a test runs the finder on it).

Trigger words are listed as reports write them: simplified and traditional characters, mainland and Taiwan
usage (比上年 / 較上年度之, 占 / 佔). The finder folds a text to simplified characters one character at a time
(OpenCC's t2s, so offsets do not move) and matches the simplified words; a test checks that every traditional
word folds to a word of its group, so the table holds no word the finder cannot see. "…" in a word stands for a
few characters of the same clause (为…的: 为下放权限总数的).

Rules are analysis/rules.py's (share, sum, reduction, growth, points, points_fall, difference, ratio, product,
value, count_items; greater, less and order compare without recomputing): a change is claimed by its size and the rule carries its direction (a rise growth or points,
a fall reduction or points_fall). A change stated with its amount and no base ("6055万元,同比增收164万元,增长
2.78%") takes the rules over (later, change): ``growth_from_change`` and ``reduction_from_change``. A claim whose input the text does not give is proposed with
the rule ``unverifiable`` and the reason ("base-year amount not stated").
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Rules a form may name that analysis/rules.py does not define yet, with what they compute.
PENDING_RULES: dict[str, str] = {}  # none today: growth_from_change and reduction_from_change are in rules.py
UNVERIFIABLE = "unverifiable"


@dataclass(frozen=True)
class ClaimForm:
    """One way a report relates numbers: its words, the numbers it binds and the rule that checks it."""

    name: str
    what: str
    triggers: dict[str, tuple[str, ...]]  # group -> words (simplified, traditional, Taiwan usage)
    rule: str  # for a fall, ``fall_rule`` when set
    roles: tuple[str, ...]  # the inputs, in the rule's order ("parts…": one or more)
    binding: str  # how each role is found in the sentence, in words
    example: str
    reading: tuple[tuple[str, str], ...]  # ("claimed", as written), then (role, as written) ...
    fall_rule: str = ""
    unverifiable: str = ""  # the reason given when the text does not state an input
    pattern: str = ""  # a short sketch of the form, shown with each proposal
    extra: dict[str, str] = field(default_factory=dict)


# Words shared by several forms.
# 增/减/多/少 alone are change words only after a base word (较预算数X增N, 比预算少N): see the change form's binding
RISE = ("增长", "增長", "增加", "提高", "上升", "上涨", "上漲", "增收", "增幅", "涨幅", "漲幅", "增", "超收", "多收", "多",
        "成长", "成長", "增产", "增產")  # 成長: Taiwan usage for growth
# 压减/刪減/核减N: a cut needs no base word (减 alone does), but is a change only when bound to an original amount the
# words bring to a later one (原编列A,经删减N后为B); else data (代表會刪減逾千萬元: a title's bound, no change)
CUT = ("压减", "壓減", "删减", "刪減", "核减", "核減", "缩减", "縮減", "调减", "調減")
FALL = ("下降", "减少", "減少", "降低", "减低", "減低", "减收", "減收", "下滑", "回落", "减幅", "減幅", "减", "減",
        "短收", "少收", "精简", "精簡", "压缩", "壓縮", "少", "降幅", "衰退", "减产", "減產",
        "节省", "節省", "缩短", "縮短")  # 衰退: Taiwan usage for a fall; 缩短了P%: a time cut (由A压缩到B); 比预算节省N: spent N less (节约N reads as 约N, about N)
# a clause that gives the base itself: 上年为A, 上年同期为A, 去年為A (a year before 为 works alike: 2022年为A)
PRIOR = ("上年", "上年度", "上年同期", "去年", "去年同期", "上一年", "前一年")
# against the year before: the base may be the amount of the same name and the year before, stated elsewhere
PREVIOUS_YEAR = ("比上年", "比上年度", "较上年", "較上年", "较上年度", "較上年度", "比去年", "较去年", "較去年", "同比",
                 "比上一年", "与上年", "與上年", "与上一年", "與上一年", "与去年", "與去年")
YEARLY = ("年均", "年平均", "平均每年", "年复合", "年複合")  # a mean yearly rate over years: no growth of two amounts
AGAINST = ("比上年", "比上年度", "较上年", "較上年", "较上年度", "較上年度", "比去年", "较去年", "較去年", "同比", "与…相比",
           "與…相比", "较…之", "較…之", "比…的", "较…的", "較…的", "比…之", "较预算数", "較預算數", "较预算", "較預算", "比预算", "比預算")
FLAT = ("持平", "基本持平")
# 合计A / 合计占X的p%: the words that say the amount or the share after them is of the parts stated before
SUMS_BEFORE = ("合计", "合計", "总计", "總計", "共计", "共計", "合共", "总共", "總共")

FORMS: tuple[ClaimForm, ...] = (
    ClaimForm(
        "share", "a part as a percentage of its whole",
        {"share": ("占", "佔", "占比", "佔比", "比重", "比例", "比率", "为…的", "為…的", "达…的", "達…的",
                   "相当于…的", "相當於…的"),
         "rate": ("率为", "率為", "率达", "率達"),
         # 歲出A,人事費就占了B,比率P%: the words right before a part that its whole, stated before, holds
         "occupies": ("占了", "佔了", "就占", "就佔", "占去", "佔去", "占用了", "佔用了"),  # 完成投资率为X%: the whole is of what the rate names (投资)
         "done": ("完成", "实现", "實現", "执行", "執行", "到位", "使用", "达成", "達成"),
         "of_whole": ("占", "佔", "为", "為", "达", "達", "相当于", "相當於"),  # 占X的Y%: X names the whole
         "qualified_of": ("不到", "不足", "超过", "超過"),  # 不到X的20%
         "not_whole": ("比重", "比例", "比率", "最大宗", "多数", "大多数", "大多數", "首位", "主导", "主導"),
         "budget": ("完成预算的", "完成預算的", "完成年初预算的", "完成年初預算的", "完成预算", "完成預算", "完成年初预算",
                    "完成年初預算", "完成调整预算", "完成調整預算", "为预算的", "為預算的"),
         # 执行率/完成率: the actual amount over the budgeted or planned one, both named in the sentence
         "execution": ("执行率", "執行率", "完成率", "达成率", "達成率"),
         "planned": ("预算", "預算", "计划", "計劃", "計畫", "目标", "目標", "任务", "任務", "应建", "應建", "应配", "應配"),
         "actual": ("实际", "實際", "决算", "決算", "实支", "實支", "实付", "實付", "执行数", "執行數", "完成", "实现", "實現",
                    "实收", "實收", "实征", "實徵"),
         "budget_amount": ("预算数", "預算數", "年初预算", "年初預算", "调整预算", "調整預算", "批准", "预算安排", "預算安排"),
         # 收入/支出: a budget of one side of the accounts is no budget of the other side's amount
         "side": ("收入", "支出", "岁入", "岁出", "歲入", "歲出"),
         "whole": ("总数", "總數", "总额", "總額", "全部", "总收入", "總收入", "总量", "總量", "总计", "總計", "合计", "合計", "总", "總"),
         "each": ("分别", "分別"),
         "of_it": ("其中", "其"),  # 占其中的80%: the whole is the total the sentence states before the part
         "from": ("来自", "來自", "源自", "来源于", "來源於", "来自于", "來自於"),  # X%来自A: A is the part
         # rates a noun names whose part and whole are amounts named apart (出缺率 = 缺额 / 预算员额): for each
         # prefix, the rate words, the words naming the part's clause and those naming the whole's
         "vacancy_rate": ("出缺率", "缺额率", "缺額率", "空缺率", "空编率", "空編率"),
         "vacancy_part": ("缺额", "缺額", "出缺", "空缺", "尚缺", "空编", "空編"),
         "vacancy_whole": ("预算员额", "預算員額", "编制员额", "編制員額", "核定员额", "核定員額", "编制数", "編制數"),
         "use_rate": ("使用率", "利用率", "启用率", "啟用率"),
         # 49處正常運作: the part's words may follow its amount in its clause
         "use_part": ("使用", "利用", "启用", "啟用", "运作", "運作", "运营", "運營", "营运", "營運"),
         # 閒置者41處, 閒置或低度使用的設施103處: a count of idle units is no part of a use or run rate (its complement)
         "idle": ("闲置", "閒置", "低度使用", "未使用", "未利用", "停用", "空置", "荒废", "荒廢", "废弃", "廢棄"),
         "use_whole": ("共", "总", "總", "全部", "合计", "合計", "共计", "共計"),
         # 发出问卷600份,回收552份,回收率92.0%;有效问卷516份,有效回收率86.0%: a survey's (or a loan's) return rate
         # is what came back over what went out; the valid rate the valid ones over what went out (read before 回收率)
         "valid_rate": ("有效回收率", "有效率"),
         "valid_part": ("有效问卷", "有效問卷", "有效样本", "有效樣本", "有效"),
         "valid_whole": ("发出", "發出", "发放", "發放", "寄出", "派发", "派發"),
         "return_rate": ("回收率",),
         "return_part": ("回收", "收回"),
         "return_whole": ("发出", "發出", "发放", "發放", "寄出", "派发", "派發"),
         "run_rate": ("运转率", "運轉率", "运行率", "運行率"),
         "run_part": ("运转", "運轉", "运行", "運行", "实际", "實際", "运作", "運作"),
         "run_whole": ("设计", "設計", "共", "总", "總", "全部", "合计", "合計", "共计", "共計"),
         # 現有員額中,A佔六成一 / 已承接事项中实际运行62项: a clause opening "(在)X(之)中" names the whole X of the
         # shares after it; not 集中, 其中, 高中 … (the characters before 中) nor 中心, 中央 … (after it)
         "among": ("之中", "当中", "當中", "中"),
         "among_not_before": ("集", "其", "高", "初", "空", "从", "從", "居", "适", "適", "期", "途", "家", "当", "當", "正",
                              "年", "月", "中", "命", "打"),
         "among_not_after": ("心", "央", "学", "學", "小", "国", "國", "型", "期", "部", "间", "間", "等", "级", "級", "旬",
                             "文", "华", "華", "断", "斷", "止", "标", "標", "签", "簽", "奖", "獎", "了", "的"),
         # 建成率/承接率 X%: the amount the rate's verb names (已建成41个) over the planned count (建设任务46个)
         # or the total a "…中," closes (在86项事项中)
         "verb_rate": ("建成率", "承接率", "覆盖率", "覆蓋率", "开工率", "開工率", "落实率", "落實率", "办结率", "辦結率",
                       "签约率", "簽約率", "到位率", "验收率", "驗收率", "开放率", "開放率", "闲置率", "閒置率", "入住率",
                       "出租率", "受理率", "参保率", "參保率", "达标率", "達標率", "整改率", "收回率", "拨付率",
                       "撥付率", "兑现率", "兌現率", "销号率", "銷號率", "投票率"),
         # a verb rate's whole, else: the one amount of the part's unit its sentence states before the part
         # (查出问题金额A,已整改B,整改率P). Not 回收率: a survey's 有效回收率 is valid over distributed questionnaires,
         # neither the amount named 回收 nor the total its 其中 gives
         # the whole of a verb rate or of a share standing alone (只有41项,不到四分之一) when no 其中/…中 gives it:
         # the one amount of the part's unit a clause names as a total (共168项, 全县12个乡镇均…), in the part's
         # sentence before it, else in the nearest sentence before that states amounts of that unit
         # a total its paragraph states (共分流132人, 合计1200名): the other wholes a proposed share is read against
         # when its literal whole fails (standard reading other_whole: a tension, never reproduced)
         "paragraph_whole": ("共", "共计", "共計", "合计", "合計", "总计", "總計", "总共", "總共", "合共", "总数", "總數",
                             "总额", "總額"),
         "stated_whole": ("共", "共计", "共計", "合计", "合計", "总计", "總計", "总共", "總共", "全部", "总数", "總數",
                          "全县", "全縣", "全市", "全镇", "全鎮", "全乡", "全鄉", "全区", "全區", "全省", "全村", "全校"),
         # 占总量的38.1%, 佔總數之25%: a whole named by a total's word alone points back to the total just stated (the
         # 其中 list's, else the one amount a clause names a total: stated_whole), never to an amount named 总量
         # 占全县的75%, 佔全縣之78.4%: a whole named by the whole place alone is that place's stated total (the 其中
         # list's, else the one total stated), when the total's clause names the same place
         "place_whole": ("全国", "全國", "全省", "全市", "全县", "全縣", "全区", "全區", "全乡", "全鄉", "全镇", "全鎮",
                         "全村", "全街道", "全乡镇", "全鄉鎮"),
         "back_whole": ("总量", "總量", "总数", "總數", "总额", "總額", "全部", "总计", "總計", "合计", "合計", "总和", "總和",
                        "总体", "總體", "全体", "全體", "整体", "整體"),
         # 共1,206人受訪, 有效问卷860份, 样本数500户: a survey's respondents are its shares' whole (words before the
         # amount in its clause, or right after its unit: 1,206名受访者)
         "survey_whole": ("受访", "受訪", "受访者", "受訪者", "有效问卷", "有效問卷", "有效样本", "有效樣本", "样本", "樣本",
                          "受调查", "受調查", "接受调查", "接受調查", "参与调查", "參與調查", "填答", "回收问卷", "回收問卷"),
         # a fraction or 成 alone in its clause after the part's clause (只有41项,不到四分之一; 有281人…,近九成): the words
         # it may carry before it
         "alone": ("不到", "不足", "近", "将近", "將近", "接近", "约", "約", "大约", "大約", "超过", "超過", "逾", "仅", "僅",
                   "只有", "只占", "只佔", "还不到", "還不到", "约占", "約佔", "达", "達", "已达", "已達", "占", "佔")},
        "share", ("part", "whole"),
        "part: the amount the clause is about (before 占, or each name of a list before 占, or each amount before "
        "分别 in turn); whole: the amount the words after 占/为 name (下放权限总数 -> the amount named 下放权限), "
        "else the total a 其中 part belongs to (the sentence before's when 其中 opens a sentence) or the amount a "
        "\"…中,\" (…裡,) closes before the part (全县120个村中), else the whole the share of the ;-item before names (A a,占歲入"
        "決算數p%(,較上年度增加r%);B b,占q%; a line's heading qualifies the names under it: 一、歲入:決算數N), else the whole another share of the ;-item names (not_whole "
        "words name none: 占最大宗), else the whole a later 合計佔X of the sentence names (most of its name: 以上合計佔歲出); 为/占/达/完成 A 的(之) X%: A is the whole; 完成投资率为X%: the amount named 投资; "
        "for 完成预算的, the budget amount the sentence states (预算数, 年初预算, 批准的…), else the one budget amount of "
        "the part's unit and year in its paragraph or one either side (not 上年's, not of the other side: 支出 for a "
        "收入 part); a whole named by a modifier and a head noun (占拨付资金的) is the one amount its clause writes "
        "after the modifier (实际拨付A); a share naming no whole after a part named X+noun (老年人口) is of the one "
        "amount its sentence states in a ;-item before the part's whose name ends with that noun in a clause naming a total "
        "(全鄉設籍人口A;…); 执行率/完成率X%: the "
        "actual amount (实际, 决算, 实支, 实收 …) over the planned one (预算, 计划, 目标 …; 一般公共预算 is a name, not a "
        "budget) the sentence states, before or after the rate (an amount after 較上年度/比上年, named 上年 or of another year is a base, neither); 占A的(比重为)X%, 占…(A)的X%: A is the whole; a part "
        "stated only after the share (占85%,达1020人) in the clause that follows it; 占其中的X%: the whole is the first "
        "amount of the part's unit and year the sentence states before the part's clause; X%来自A(,为N): the part is N "
        "or the amount named A, the whole the total a 其中 before it belongs to, else the first amount of the sentence. "
        "甲、乙、丙产量分别为a、b和c names each amount by its own name (晚稻 -> b); a whole is of the part's year (not an amount "
        "上年度/去年 names, unless the part is of that year too); a percentage right after 比/较 and a noun (比上年的46.1%) is "
        "a change's base, no share. "
        "出缺率/使用率/運轉率 X%: the part the amount of a clause before it named 缺額/使用/運轉 (vacancy_part …; "
        "else the nearest amount of the rate's ;-item the words after it name so: 49處正常運作), never one named idle "
        "(idle: 閒置者41處 is no part of a 使用率), the whole the amount of the same unit before that one named "
        "預算員額/共/設計 (vacancy_whole …) in the sentence, else found as a verb rate's is (the kind its subject "
        "names, a stated total); with either not stated the rate is a value (no proposal). "
        "建成率/开放率/闲置率/承接率 … (verb_rate) X%: the part the amount its clause names with the verb (闲置7处; "
        "or the words after it: 12處已開放), the whole the total a 其中/…中 gives it, the one planned count (应建9个), "
        "else the one amount stated before whose name's head noun (its last three characters) the part's ;-item "
        "names before it (長照據點74處 … 長照據點則有49處), else the one amount of its unit named a "
        "total (stated_whole: 共168项, 全县12个乡镇均…, or closing its clause with …中: 这136项事项中,) in the nearest sentence that states its unit, the part's own "
        "(before it) or one before (the paragraph or the one before) (not a 上年 amount, not another year's; two: none). A "
        "fraction or 成 alone in its clause (alone: 只有41项,不到四分之一) is a share of the amount of the clause before, "
        "its whole found the same way. "
        "A named rate (城镇化率为56.3%) whose part or whole the text does not state is a value, not a share: no proposal. "
        "Never the nearest larger number",
        "全镇下放权限120项,其中已承接90项,占下放权限总数的75%。", (("claimed", "75%"), ("part", "90项"), ("whole", "120项")),
        unverifiable="the whole is not stated", pattern="X … 占(Y的) Z%"),
    ClaimForm(
        "share_of_sum", "the parts a list states, as one percentage of their whole",
        {"sums_before": SUMS_BEFORE},
        "share_of_sum", ("parts…", "whole"),
        "a share after the sum words (以上合計佔X, 两项合计占) whose sentence states two or more shares before it, each "
        "with its part and the one whole they share bound (by the share form's binding, a whole named after them by "
        "the sum included): the parts are theirs, the whole theirs, or the one the sum's words name (合计占可用财力的: "
        "the parts over it). When the parts are not all bound, or the shares are of two wholes: the stated shares' sum (the "
        "total form's sum over the percentages), or unverifiable",
        "全镇总收入4亿元。补助收入2亿元,占总收入的50%;税收收入1亿元,占25%;两项合计占75%。",
        (("claimed", "75%"), ("parts…", "2亿元"), ("parts…", "1亿元"), ("whole", "4亿元")),
        unverifiable="the shares summed are of more than one whole", pattern="A a,占X p%;B b,占q%;合计占r%"),
    ClaimForm(
        "change", "a rate of change against a base the text names",
        {"against": AGAINST, "rise": RISE, "fall": FALL, "flat": FLAT, "cut": CUT,
         "base_marks": ("较", "較", "比", "与…相比", "與…相比", "与…相较", "與…相較", "同比"),
         "flat_against": ("与", "與", "同", "比", "较", "較"),
         "versus": ("与", "與", "同", "和"), "versus_end": ("相比", "相較", "相较", "比较", "比較"),
         "prior": PRIOR, "previous_year": PREVIOUS_YEAR, "yearly": YEARLY,
         # 比上年增长P%。上年同口径收入为B: words that qualify the base's noun (the same scope), no part of the name
         "base_scope": ("同口径", "同口徑", "可比口径", "可比口徑", "同期", "全年", "实际", "實際"),
         # a reduction over clauses (将原143个站所整合为…,全县共保留48个,精简66.43%): the one amount of the rate's
         # ;-item after an original word (base) and the one in its clause or the clause before after a kept word (later)
         "original": ("原有", "原", "改革前", "整合前", "调整前", "調整前", "精简前", "精簡前"),
         "not_original": ("原因", "原则", "原則", "原料", "原材料", "原始", "原本", "原计划", "原計劃", "原計畫", "原预算",
                          "原預算", "原价", "原價"),
         "kept": ("保留", "留存", "剩余", "剩餘", "现有", "現有", "改革后", "改革後", "整合后", "整合後", "调整后", "調整後",
                  "精简后", "精簡後"),
         # a rate of change named as a noun, its sign its direction (年增率为-4.5%, 人口增加率為-4.5‰): the rule growth
         "rate_noun": ("增长率", "增長率", "增加率", "年增率", "年增长率", "年增長率", "成长率", "成長率", "变动率", "變動率")},
        "growth", ("base", "later"),
        "base: the amount right after 较/比/与 and a noun (较上年度之X, 比上年的X, 較上年度決算數X; not 同比增收N), or between "
        "与 and 相比/相較 (与上年的X相比), or the amount of a clause of the same ;-item, before or after the rate, that opens "
        "with a prior word or an earlier year (上年为X, 去年同期完成X, 2022年全县财政收入X, 一一二年度為X; not 上年结转), or the amount the words after 较/比 name (较预算数: the amount named 预算数 in the sentence), "
        "or, against the year before (同比, 比上年), the amount of the same name and the year before stated earlier; "
        "later: the amount the clause is about, or the amount of the same name and year stated elsewhere (the name "
        "before 较/比/与: its base marks); a rate of change of a percentage (比重为40.7%,比上年的39.7%提高1.0%): the "
        "percentage right after 比/较 and a noun in the rate's own clause is the base, the later the percentage the "
        "item is about (its % may be meant as points: the audit's percent_for_points); a fall with no base after 较/比 "
        "(将原143个…整合为…,全县共保留48个,精简66.43%): the one amount after an original word in its ;-item is the base, "
        "the one after a kept word in its clause or the clause before the later; a change with no base amount is proposed unverifiable, and so is a yearly "
        "mean rate (年均增长); 增/减/多/少 alone are change words only after a base word (較預算數X增N, 比预算少N), "
        "not in 新增, 核增; 增加为/下降为 B is what it came to, not a change (增幅为X% is); 持平 only after 与/比/较 (与去年持平, "
        "not 保持平稳)",
        "该镇今年税收收入5520万元,较上年度之4800万元,增加15%。", (("claimed", "15%"), ("base", "4800万元"), ("later", "5520万元")),
        fall_rule="reduction", unverifiable="base-year amount not stated", pattern="X, 较上年度之A, 增加Y%"),
    ClaimForm(
        "from_to", "a change from one stated amount to another",
        {"from": ("由", "从", "從", "自"),
         "to": ("减为", "減為", "减至", "減至", "减到", "減到", "降为", "降為", "降至", "整合为", "整合為", "合并为", "合併為",
                "精简为", "精簡為", "增加到", "增至", "增加至", "提高到", "提高至", "上升到", "上升至", "下降到", "下降至", "核减至", "核減至", "核减为", "核減為", "核减到", "核減到", "压减至", "壓減至", "压减为", "壓減為",
                "缩减为", "縮減為", "缩减至", "縮減至", "缩减到", "縮減到", "调减为", "調減為", "调减至", "調減至", "精简到",
                "精簡到", "精简至", "精簡至", "核增至", "核增为", "核增為", "增长到",
                "增長到", "发展到", "發展到", "增加为", "增加為", "增为", "增為", "减少为", "減少為", "减少到", "減少到", "减少至", "減少至", "下降为", "下降為", "提高为",
                "提高為", "上升为", "上升為", "降低为", "降低為",
                # 由5.6个工作日压缩到2.1个工作日, 由18天缩短至7天: times and sizes brought down to a later amount
                "压缩到", "壓縮到", "压缩至", "壓縮至", "压缩为", "壓縮為", "缩短到", "縮短到", "缩短至", "縮短至", "缩短为",
                "縮短為", "降低到", "降低至", "缩小到", "縮小到", "缩小至", "縮小至",
                # 由38.5%升至45.2%, 由A降到B: the short verbs
                "升至", "升到", "升为", "升為", "降到", "到", "至", "为", "為"),
         "rise": RISE, "fall": FALL},
        "growth", ("base", "later"),
        "base: the amount after 由/从/自; later: the amount after 减为/到/至 in the same clause; the claim: the "
        "rate (or amount) after the fall or rise word that follows",
        "乡镇事业机构由17个减为4个,精简76%。", (("claimed", "76%"), ("base", "17个"), ("later", "4个")),
        fall_rule="reduction", pattern="由A减为B, 精简C%"),
    ClaimForm(
        "change_with_amount", "a rate of change stated with the amount and its change, the base not stated",
        {"rise": RISE, "fall": FALL},
        "growth_from_change", ("later", "change"),
        "change: the amount after 增收/减收/增加/减少 just before the rate; later: the amount the item is about "
        "before it (same unit), or the amount of the same name and year stated elsewhere",
        "全镇税收收入6055万元,同比增收164万元,增长2.78%。", (("claimed", "2.78%"), ("later", "6055万元"), ("change", "164万元")),
        fall_rule="reduction_from_change", unverifiable="the amount that changed is not stated",
        pattern="X, 同比增收N, 增长Y%"),
    ClaimForm(
        "points", "a change of a percentage in percentage points",
        {"points": ("个百分点", "個百分點", "百分点", "百分點"), "rise": RISE, "fall": FALL,
         # two rates compared: 高于全省N个百分点 (高/低 alone only after 比/较: 比全省平均水平x%高N个百分点)
         "above": ("高于", "高於", "高出", "超出", "高"), "below": ("低于", "低於", "低出", "低"),
         "level": ("平均水平", "平均值", "平均", "水平"),  # 全省平均水平 names the rate of 全省
         # 税收占比提高N个百分点: the share a points change names by its part's noun (the 税收 share of a 分别 list)
         "share_noun": ("占比", "佔比", "比重"),
         # 甲鎮的達標率…,較乙鎮高N個百分點: the end of the rate noun the subject's clause names (both rates must be of it)
         "measure": ("率", "比例", "比重", "占比", "佔比")},
        "points", ("base", "later"),
        "base and later: the percentages after 由 and 到 (or after 较/比) in the same clause, or as for a change (上年为a%); "
        "two rates compared (高于/低于全省N个百分点, 比全省平均水平a%高N个百分点): the base is the rate of the ;-item whose "
        "clause names what is compared (全省为a%, 全市平均为a%; 平均水平 aside), the later the item's own rate; a fall "
        "(低于) is points_fall; X占比/X比重提高N个百分点 with no base in its clause: the base the one earlier-year "
        "percentage of m's sentence named X占比, the later the one share proposed with a part named X (分别占a%), of no "
        "earlier year; a clause opening with 较/比 (…,较乙镇高N个百分点) is of the place opening the sentence, when both "
        "rates' sentences name the rate noun that place's clause names (达标率)",
        "全镇财政自给率由42.5%提高到45.1%,提高2.6个百分点。",
        (("claimed", "2.6个百分点"), ("base", "42.5%"), ("later", "45.1%")),
        fall_rule="points_fall", unverifiable="base-year percentage not stated", pattern="由a%提高到b%, 提高N个百分点"),
    ClaimForm(
        "difference", "a change stated as an amount",
        {"against": AGAINST, "rise": RISE, "fall": FALL,
         # a gap named as a noun: budgeted (编制) less filled (现有) posts, stated in the sentence before it
         "gap": ("缺额", "缺額", "尚缺", "尚差", "空缺", "出缺", "空编", "空編"),
         "budgeted": ("预算员额", "預算員額", "编制员额", "編制員額", "核定员额", "核定員額", "编制", "編制", "预算", "預算"),
         "filled": ("现有", "現有", "实有", "實有", "在职", "在職", "现职", "現職", "已有", "在编", "在編"),
         # posts or staff of a time before the gap's (改革前核定行政编制512名): none of its inputs
         "superseded": ("改革前", "调整前", "調整前", "原核定", "原有", "上年", "去年"),
         # the staff a kind of post is filled by: 行政编制 -> 行政人员 (the kind's words, then one of these)
         "staff": ("人员", "人員", "人数", "人數", "干部", "幹部"),
         "differ": ("相差", "差额为", "差額為", "差额", "差額", "差距为", "差距為"),  # between the two amounts before
         # 任务46个,已建成41个,尚有5个在建: what remains of a plan is the planned amount less the done one
         "remaining": ("尚有", "还有", "還有", "仍有", "尚余", "尚餘", "剩余", "剩餘", "其余", "其餘"),
         "unfinished": ("在建", "未建", "未建成", "待建", "未完成", "待完成", "未开工", "未開工", "未竣工", "推进中", "推進中"),
         "planned": ("任务", "任務", "计划", "計畫", "計劃", "目标", "目標", "规划", "規劃"),
         "done": ("已建成", "已完成", "已竣工", "已开工", "已開工", "已建", "已落实", "已落實"),
         # 原设17个,此次整合为7个,减少10个: the amount its clause says was (原有) is the base, the one a later clause
         # brings it to (为/到/至) the later
         "original": ("原有", "原设", "原設", "原来", "原來", "原先", "原共", "改革前", "调整前", "調整前", "合并前", "合併前",
                      "撤并前", "撤併前"),
         "brought_to": ("为", "為", "到", "至")},
        "difference", ("later", "base"),
        "base: the amount right after 较/比 (較預算數X增N), or the amount the noun after 较/比 names (比预算多N, 甲镇比乙镇多N), "
        "or as for a change (上年为A); later: the amount the clause is about, or the amount the words before 比 name "
        "(甲镇); 缺額/尚缺 N: later the amount named 預算員額/編制 (budgeted), base the amount named 現有/實有 (filled), "
        "both in the sentence before N; 原设A…整合为B,减少N: base the one amount of N's unit its clause says was (原有, 改革前), "
        "later the one a later clause of the sentence brings it to (为, 到); a gap naming its kind (行政编制空编N): later the one amount before it named "
        "编制 of that kind (分别核定为a和b: named by the list before), base the one named 人员 of that kind and filled "
        "(实有, or after a 其中 of a total so named), superseded ones (改革前) aside, two or none: no proposal; 相差/差額 N after exactly two amounts of N's unit in the sentence: later the "
        "larger, base the smaller; 尚有N个在建 (未完成, 待建): later the one amount of N's unit its sentence states before it under a planned word (任务, 计划), base the one under a done word (已建成, 已完成), none or two: no proposal; 多/少/增/减 alone are change words only after 较/比; for a fall the rule's order is (base, later); with no "
        "base amount the claim is proposed unverifiable",
        "全年歲入決算數5,200萬元,較預算數4,800萬元增400萬元。",
        (("claimed", "400萬元"), ("later", "5,200萬元"), ("base", "4,800萬元")),
        unverifiable="base-year amount not stated", pattern="X, 較預算數A增N / 同比增收N"),
    ClaimForm(
        "balance", "what is left when spending is taken from income (or the deficit)",
        {"surplus": ("结余", "結餘", "余绌", "餘絀", "盈余", "盈餘", "賸餘", "剩余", "剩餘", "结存", "結存"),
         "deficit": ("短绌", "短絀", "赤字", "缺口", "差短"),
         "income": ("收入", "岁入", "歲入"), "spending": ("支出", "岁出", "歲出"),
         # 收支相抵后结余N, 歲入歲出相抵後賸餘N: words that set income against spending, which may be stated elsewhere
         "set_against": ("收支", "岁入岁出", "歲入歲出", "相抵"),
         # 預算所列短絀N, 预算赤字N: a balance of the budget's income and spending, not of the final accounts'
         "budget": ("预算", "預算"),
         # T, 扣除支出B后, 结转N: the amount before the deduction less the one deducted; 结转 is a balance only there
         "deduct": ("扣除", "减去", "減去", "扣减", "扣減"), "carried": ("结转", "結轉")},
        "difference", ("income", "spending"),
        "income and spending: the amounts of the sentence named 收入/歲入 and 支出/歲出 before the balance; a "
        "deficit (短絀, 赤字) is spending less income. When the balance's words set them against each other (收支相抵, "
        "歲入歲出相抵) and the sentence does not state both: the amounts stated before of the balance's year whose names "
        "are the same but for 收入/支出 (place, period and stage words aside: 全年歲入決算數 / 歲出決算數; a line's "
        "heading qualifying them, 一、歲入:決算數N), those stated as data before a title's, the last such pair; the "
        "setting-against words may close an amount-free clause before (歲入歲出相抵,賸餘N). A balance naming the budget "
        "(預算所列短絀N) sets the budget's income and spending against each other; one naming none, those not of the "
        "budget when the text states both kinds. A balance in a clause after a balance so set against (本年度賸餘A,上年度則短絀B) "
        "is set against too; a balance naming the year before (上年度, 上年, 去年) is of the one pair named so (a base after "
        "較/比 among them, of the kind its later names: 歲入決算數A,較上年度決算數B), two pairs or none: nothing; one naming "
        "no prior year is of no amount so named",
        "收入总额8600万元,支出总额8200万元,收支相抵后结余400万元。",
        (("claimed", "400万元"), ("income", "8600万元"), ("spending", "8200万元")),
        unverifiable="income or spending not stated", pattern="收入A, 支出B, 结余/短绌C"),
    ClaimForm(
        "total", "a total and the parts the text lists for it",
        {"brackets": ("(", "（"), "qizhong": ("其中",), "among": ("…中", "…裡", "…裏", "…里"),
         "parts_open": ("分别为", "分別為", "分别是", "分別是", "包括", "其中包括"),
         "by": ("按…分", "分类别看", "分類別看", "分项看", "分項看", "分类看", "分類看", "从…看", "從…看"),
         "sums_before": SUMS_BEFORE, "cumulative": ("累计", "累計"),
         "all": ("共有", "共", "计有", "計有"),
         # 經費合計A：甲a；乙b；丙c / 支出总额A:甲a、乙b: a total named so, a colon right after it, then its parts
         "colon_whole": ("总额", "總額", "总数", "總數", "总量", "總量"),
         # A, 加上B和C, (再加上D,) 全镇可用财力T: the amount before the first 加上 and those of the 加上 clauses that
         # follow one another add up to the amount of the clause after the last (a later 加上 amount is no total)
         "plus": ("加上", "再加上"),
         # 共N,第一批a、第二批b / 男性a、女性b / 甲a、其余b: parts after a total with no 其中, only when their names
         # split it in full: a run of ordinals from 一 (第一批, 一类), both sides of a pair (the split form's), or a
         # last part named as the rest
         "rest": ("其余", "其餘", "其他", "其它", "余下", "餘下", "剩余", "剩餘"),
         # ordinals that name some periods of a longer run (第一季度、第二季度 of four): no full split
         "partial_ordinals": ("季度", "季", "月", "周", "週", "年", "年度", "天", "日", "次"),
         # 分两批, 分为三类, 分成两个阶段: a count of the ordinals (第一批…、第二批…) that follow it
         "split_into": ("分", "分为", "分為", "分成", "分作"),
         # 已下放136项,今年再下放约40项,届时将达170多项: an amount added again (again + a verb) and the total it
         # brings the count to (lead … reach) add the one earlier amount the same verb (or the sentence) states
         "again": ("再", "另", "新增", "再新增", "新建", "新设", "新設", "增设", "增設", "续", "續", "陆续", "陸續"),
         "reach_lead": ("届时", "屆時", "累计", "累計", "总数", "總數", "总量", "總量", "合计", "合計", "总计", "總計"),
         "reach": ("将达到", "將達到", "将达", "將達", "可达", "可達", "达到", "達到", "达", "達")},
        "sum", ("parts…",),
        "parts: the amounts of the total's unit in the brackets right after it (the run joined by 、; 含 may open "
        "it); after 其中: to the end of the ;-item when 其中 follows a comma, to the end of the sentence (one part "
        "per ;-item) when it opens a sentence or takes a colon, one per line when it ends a line and list markers "
        "(——, (1)) open the lines that follow; after 分别为/包括, as after 其中; after N…中, to the end of the sentence, one "
        "per ;-item; after 按…分, "
        "one per ;-item of the total of the sentence before (past a paragraph's break; its first amount, or when that is "
        "named a budget (预算安排) the one amount after it named done (实际完成), two such: nothing); 全年支出合计A,按功能分类: (a clause of by words ending with "
        "a colon) splits A into one part per ;-item after the colon, over the lines that end with ; when the colon ends "
        "its line. Parts inside a part's brackets, or after a rate word, "
        "are no parts. With several totals before 其中, each part goes to the total whose name it repeats. A 其中 "
        "list's ;-item may go on past its parts: an average (平均每人) or an amount of a year neither the total nor the first "
        "part names (是2019年A的N倍) is no part. A "
        "clause opening (在)X(之)中 then a run of amounts of one unit joined by 、 (現有員額中,甲a人、乙b人): parts of "
        "the one amount stated before under X's name (a share's whole after such a clause). 其中 after a "
        "count whose brackets name its items (涉及5个乡镇(甲、乙…),其中甲a、乙b): each amount after its own bracket name "
        "is a part of the one amount of their unit the sentence states before the count (all the items named: a sum; "
        "some, or 等: parts), never a part of the count; two such amounts, or amounts of two units: nothing. A 其中 "
        "list may name only some parts (the sum is then at most the total); one part is not proposed. 合计N: the "
        "amounts of N's unit before it in its ;-item, none in brackets or a 其中 list; 累计N adds amounts of other "
        "years the text does not state: unverifiable; 共N opening a clause after the list (甲、乙分别有村15个、12个,共27个村): "
        "as 合计, when the words after 共 name nothing the list's words do not (乡镇12个、街道3个,共有行政村240个 is no sum). "
        "共N (合计N) ending its clause, then to the end of its ;-item only amounts of its unit, each after its own name, "
        "and those names split it in full (a run of ordinals from 一 of one noun, 第一批、第二批 or 一类、二类, not periods "
        "of a longer run such as 第一季度; both sides of a pair, 男性/女性; a last name of the rest, 其余): a sum "
        "(党员干部800人、女干部300人 overlap: no sum). A running total (再下放B, 届时…将达T): T = A + B, A the one "
        "earlier amount of B's unit in B's sentence, else in the text before whose clause holds the verb after 再 "
        "(下放); two or none: unverifiable",
        "核定编制45名(行政编制20名、事业编制25名)。", (("claimed", "45名"), ("parts…", "20名 25名")),
        pattern="N (a、b) / 共N, 其中a、b"),
    ClaimForm(
        "parts", "the parts a 其中 (包括, 含) list names, which may be only some of its total",
        {"qizhong": ("其中",), "some": ("含", "包括", "包含", "其中包括")},
        "parts_within", ("parts…",),
        "the total: the amount before 其中 (as for a total); parts: those of its unit the 其中 list names, one or more "
        "(“其中已承接90项”); with several totals before 其中, each part goes to the total whose name it repeats "
        "(“机构251个,事业机构231个,其中…事业机构16个”). The parts add up to the total, or their sum fits under it: a "
        "list of some parts; a sum above the total is a discrepancy",
        "全县第二产业增加值21.22亿元,下降10.2%,其中工业增加值19.13亿元,增长8.1%。",
        (("claimed", "21.22亿元"), ("parts…", "19.13亿元")),
        unverifiable="the parts are not stated", pattern="N, 其中a(、b) (some parts)"),
    ClaimForm(
        "rest", "the rest of a whole: what the parts named before it leave, the text naming it as the rest",
        # 其他 (其他收入, 其他支出, 其他类) names a category of a classification, listed like the others: no rest
        {"rest": ("其余", "其餘", "余下", "餘下", "剩余", "剩餘", "剩下"),
         # 非税收入 after 税收收入: 非 and the name of a part stated before it
         "not": ("非",),
         # the parts' word / the rest's word: 在用的29处,闲置7处; 已承接90项,未承接30项
         "pairs": ("在用/闲置", "在用/閒置", "使用/闲置", "使用/閒置", "已/未", "正常/闲置", "正常/閒置", "开放/未开放",
                   "開放/未開放")},
        "remainder", ("whole", "parts…"),
        "the rest: the last amount of its unit in its sentence whose name opens with a rest word (其余各项收入; not 其他收入, "
        "a category), "
        "is 非 and a part's name (非税收入 after 税收收入), or the second word of a pair a part before it names with the "
        "first (在用/闲置); none after 各 (其余8个各获…: a class, see sum_of_products). The whole: the total a “…中,” names, the one whole the parts' shares name "
        "(佔歲入決算數), or the one amount of the unit named a total (共, 全县, 合计) in the sentence or the paragraph "
        "before (share: stated_whole); two or none: no proposal. The parts: the amounts of the unit between the whole "
        "and the rest in the rest's sentence, none a part of a part. A rest a 其中 list ends is not proposed: the "
        "list's total already checks the same sum",
        "全县共有长者活动中心36处,在用的29处,闲置7处。",
        (("claimed", "7处"), ("whole", "36处"), ("parts…", "29处")),
        pattern="共W, a, 其余/闲置/非X r (r = W − a)"),
    ClaimForm(
        "split", "the shares of the parts of a split the text names in full, which leave nothing of 100%",
        {"each": ("分别为", "分別為", "分别是", "分別是", "分别占", "分別佔", "依次为", "依次為"),
         "ordinals": ("第一", "第二", "第三", "第四", "一", "二", "三", "四"),  # 第一、二、三产业: the whole run from 一
         "pairs": ("轻/重", "輕/重", "男/女", "城镇/乡村", "城鎮/鄉村", "城镇/农村", "城鎮/農村", "城市/农村", "城市/農村",
                   "国有/非国有", "國有/非國有", "公办/民办", "公辦/民辦", "境内/境外", "境內/境外", "本地/外地",
                   # a budget's two doors (經常門/資本門): a 其中 naming both lists the whole, a sum, not some parts
                   "经常门/资本门", "經常門/資本門")},
        "complement", ("others…",),
        "the names before the share word and 分别为 (第一产业、第二产业、第三产业; 轻、重工业) are a split in full (and a 其中 "
        "whose two parts are named by both sides of a pair, 其中經常門A,資本門B, lists the whole: rule sum): the "
        "ordinals 一…N with N shares, or both sides of a pair (轻/重, 男/女, 城镇/乡村); the last share is what the "
        "others leave of 100%. A list of some parts (稅課收入、補助收入…比例分別為34.41%及59.61%) names no full split",
        "全县规模以上工业中,轻、重工业占比分别为30.6%和69.4%。",
        (("claimed", "69.4%"), ("others…", "30.6%")),
        pattern="a、b占比分别为x%和y%"),
    ClaimForm(
        "structure", "the terms of a ratio of parts (a:b:c), each the share of one part of a stated total",
        {"structure": ("结构为", "結構為", "结构是", "結構是", "比例为", "比例為", "之比为", "之比為", "比为", "比為"),
         # 结构由上年的a:b:c调整为d:e:f: the base year's terms, then the later year's
         "from": ("结构由", "結構由", "比例由", "之比由", "比由"),
         "to": ("调整为", "調整為", "调整到", "調整到", "变为", "變為", "变化为", "變化為", "转变为", "轉變為", "优化为", "優化為"),
         # 第一产业比重下降N个百分点: the share of a term, named by its ordinal or its part's name
         "term_share": ("比重", "占比", "佔比", "比例")},
        "share", ("part", "whole"),
        "the k-th term is the share of the k-th part of the total whose parts the text just listed (as many "
        "parts as terms). 由a:b:c调整为d:e:f (terms adding up to 100 each): the later terms are claims as above, the "
        "base terms the base year's shares; a change of a term's share stated after it (第一产业比重下降N个百分点, "
        "提高N%) is a points change (or a rate, rule growth/reduction) of the k-th base and later terms, k by the "
        "ordinal the clause names (第一) or the part's name it repeats; each term is a share in %",
        "全镇生产总值20亿元,其中:第一产业增加值5亿元;第二产业增加值6亿元;第三产业增加值9亿元。三次产业结构为25:30:45。",
        (("claimed", "25"), ("part", "5亿元"), ("whole", "20亿元")),
        unverifiable="the parts of the ratio are not stated", pattern="结构为a:b:c / 由a:b:c调整为d:e:f"),
    ClaimForm(
        "ratio", "two amounts the text states, as a ratio a:1 or 1:b (A与B之比为3.2:1; 二者之比约为1:1.34)",
        {"ratio_of": ("之比", "比值"),
         # 之比约为, 之比為, 之比是: what may stand between the words and the first term
         "said": ("约为", "約為", "大约为", "大約為", "约是", "約是", "为", "為", "是", "约", "約", "达", "達"),
         # 二者之比: the two amounts of one unit stated last before the words in the sentence, in order
         "pair": ("二者", "两者", "兩者", "两项", "兩項", "前者与后者", "前者與後者"),
         # A与B之比: A and B each the name of the one amount of the sentence it is a part of
         "joins": ("与", "與", "和", "同", "跟", "对", "對"),
         # 村里数, 人数: a count's noun said with 数 (村里数 names 村里167个)
         "count_noun": ("人数", "人數", "数", "數"),
         "terms_joined": (":", "：", "比"),
         # 人口約17.6萬,不到蒼崖的一半: the words before another place's name and 的 and a fraction (是/为 too
         # often say what the place's own value is: 最低的是甲鄉的4%)
         "fraction_of_place": ("不到", "不足", "不及", "不满", "不滿", "未及", "只有", "仅为", "僅為", "仅有", "僅有",
                               "仅及", "僅及", "相当于", "相當於")},
        "ratio", ("later", "base"),
        "之比(约)为a:1 (or a比1): a is A over B; 1:b: b is B over A; the other term exactly 1 (约/約 may stand in "
        "the first term: 之比约1:1.7; a:b with neither 1, 5.5:4.5, is left to the structure form). A与B之比: A and B "
        "name (all of the noun, 数 taken off a count's noun; or the noun cut in two with at most 2 letters between, "
        "ending the name: 事业人员 names 事业编制人员) one amount each among the amounts of the sentence before the "
        "words, of one unit; 二者/两者之比: the last two "
        "amounts of one unit stated before the words in the sentence, in order. Anything else is no proposal (a ratio "
        "whose amounts are not named in its sentence). A fraction of another place (不到乙县的一半, 约为甲镇的三成) is the amount "
        "just before it in its sentence over the one amount of its unit (and year) the text states of that place, the "
        "best by name where several (rule share, A over B in %); a place the text names once, or no such amount: "
        "no proposal",
        "其中行政编制1,136名、事业编制1,520名,行政与事业编制之比约为1:1.34。",
        (("claimed", "1.34"), ("later", "1,520名"), ("base", "1,136名")),
        unverifiable="the amounts of the ratio are not stated", pattern="A与B之比为a:1 / 二者之比为1:b"),
    ClaimForm(
        "average", "an average or per-capita figure",
        {"average": ("平均", "人均", "户均", "戶均", "每人", "每户", "每戶", "年均", "分摊", "分攤"), "counted": ("平均",),
         # 每位县民分摊N, 每名学员平均N: per person, the count a number of persons
         "per_person": ("人均", "每人", "每位", "每名"),
         # 分摊 is a mean only after 每 (每位县民分摊N); 县乡两级分摊N is a share of a cost
         "shared": ("分摊", "分攤"),
         # 每处设施平均N, 平均每所每年N: per unit counted in the classifier after 每 (the one count of that unit the text
         # states before, or the one stated as a total: 合计294处)
         "per_classifier": ("处", "處", "所", "座", "家", "间", "間", "栋", "棟", "辆", "輛", "站", "校", "件", "宗", "支"),
         # 以总投入计算,每处平均N: the noun between opens the sentence's clause naming the total
         "total_opens": ("以", "按"),
         "per_head": ("人均", "户均", "戶均"),
         # 村均18万元: per unit of the noun(s) after / (the one count of 行政村, 乡镇, 亩 the text states); 各村均为,
         # 农村均已 (before: each_before; after: each_after) say "each", no mean
         "per_unit": ("村均/村", "镇均/镇", "鎮均/鎮", "乡均/乡/乡镇", "鄉均/鄉/鄉鎮", "亩均/亩", "畝均/畝"),
         "each_before": ("各", "每", "农", "農", "全", "都", "两", "兩", "三"),
         "each_after": ("为", "為", "有", "已", "达", "達", "需", "可", "应", "應", "要", "在", "能", "须", "須", "设", "設", "置",
                        "配", "建", "是", "实", "實", "完", "纳", "納"),
         # 平均每所出缺N人: the unit after 每, then the noun naming the total (出缺)
         "per_nouns": ("乡镇", "鄉鎮", "鄉鎮市", "乡", "鄉", "镇", "鎮", "村", "户", "戶", "所", "公所", "区", "區", "街道",
                       "社区", "社區", "单位", "單位", "学校", "學校", "校", "中心", "人"),
         # 社會福利支出以人口N人計,每人平均M: the noun the ;-item opens with before 以/按 names the total
         "noun_goes_on": ("民", "小组", "小組", "级", "級", "委", "干部", "幹部", "组织", "組織", "部", "长", "長"),
         "computed_on": ("以", "按"), "computed_end": ("计", "計", "计算", "計算"),
         "population": ("人口", "常住人口", "户籍人口", "戶籍人口", "设籍人口", "設籍人口", "总人口", "總人口"),
         "households": ("户数", "戶數", "农户", "農戶", "住户", "住戶", "总户数", "總戶數"),
         # 年均投入N: a mean over years whose values the text seldom gives (unverifiable)
         "yearly": ("年均", "年平均", "平均每年"),
         # 为上年13亿元的2.2倍,平均每个项目N: of two totals, one written of the year before is none of this year's mean
         "prior_year": ("上年", "去年", "上年度", "前一年", "上一年", "同期"),
         # 由A减少到B,平均每个X N: two totals the ends of one change (change_from … change_to): the mean is of B
         "change_from": ("由", "从", "從"),
         "change_to": ("到", "至", "为", "為"),
         # 十年少了2,614人: the amount a population changed by, beside its two ends, is no population
         "change_by": ("少了", "多了", "减少", "減少", "增加", "增长", "增長", "下降", "净减", "淨減", "净增", "淨增", "減少了",
                       "减少了", "增加了"),
         # 這三個公所: a count after a demonstrative counts some of the units named before, never all of them
         "demonstrative": ("这", "這", "该", "該", "此", "上述", "以上", "前述"),
         # 村均达到N: 村均 opening its clause, then a verb of reaching: the mean (各村均达到 says "each")
         "per_unit_reaches": ("达到", "達到", "达", "達", "为", "為", "约", "約", "近", "超过", "超過", "逾"),
         # 全省平均水平N is the value compared with, not an average the text computes; 每户最多补助N is a cap
         "reference": ("水平", "水准", "水準", "线", "線"),
         "cap": ("最多", "最高", "不超过", "不超過", "不高于", "不高於", "上限", "至少", "最低", "不低于", "不低於"),
         # 五鄉鎮平均為x%: the places counted before 平均, whose values the text gave each (rule mean)
         "listed_places": ("乡镇", "鄉鎮", "镇乡", "鎮鄉", "乡", "鄉", "镇", "鎮", "村", "县", "縣", "市", "区", "區", "街道",
                           "社区", "社區"),
         # 甲52.4%,乙31.6%,丙26.0%,平均约三成: 平均 alone opens the clause after a run of clauses each naming one value
         # of its unit, the unweighted mean of those values (rule mean); a value named as a whole is none of them
         "mean_opens": ("平均", "平均为", "平均為", "平均约", "平均約", "平均达", "平均達", "平均约为", "平均約為"),
         "not_listed": ("全县", "全縣", "全市", "全省", "全国", "全國", "全区", "全區", "全镇", "全鎮", "全乡", "全鄉", "总", "總",
                        "合计", "合計", "平均")},
        "ratio", ("total", "count"),
        "total: the amount of the same unit the sentence states; count: the number of persons or units it states. "
        "The word names the number: no 、-list between them; per person (人均, 每人) a measured amount, not a count "
        "(每人联系一个社 is no average). When the sentence states neither, 人均X (户均X) divides the amount the text "
        "names X (all of X's name, same year) by the one population (人口, in 人; households: 户) the text states "
        "anywhere; persons are counted in 人, 名, 位 or 人次; two populations that differ (户籍, 常住) leave it unverifiable, unless its sentence names one (按常住人口"
        "计算); a name with 总 inside (地区生产总值) is matched whole, one amount of it only. 村均/镇均/乡均/亩均N (per_unit, not "
        "各村均为/农村均已: each) divides by the one count of its noun (8个行政村) or unit (6000亩) the text states, its "
        "sentence's first; two that differ: unverifiable. Two amounts of N's unit before it: the one the words after 人均 "
        "name (人均支出: 支出). No total in the sentence: the one amount of N's unit and year named by the noun after 平均每X "
        "(每所出缺N人: 出缺) or by the noun its ;-item opens with before 以/按…计 (社会福利支出以人口N人计,每人平均M); a "
        "total after it only with 共/合计 in its ;-item. 平均每个X N: the count of X the text "
        "states anywhere (全县共有乡镇12个) when the sentence states none, the total the one amount of N's unit before it "
        "or after 共/合计 in its sentence; of X's counts those stated before it, X ending a longer noun (4个中心镇 for 每个镇). "
        "每处(设施)平均N, 平均每所每年N (每年 the period of a yearly total): the one count in the classifier after 每 "
        "(per_classifier) stated before, of several the one stated as a total (合计294处). A clause 以/按X计算 "
        "(total_opens) earlier in the sentence names the total: the one amount of N's unit named X. 每位/每名 (per_person) "
        "count persons; 分摊 is a mean only after 每. 村均/镇均 opening their clause before a verb of reaching "
        "(per_unit_reaches: 村均达到N) is the mean (各村均达到: each); a bracketed second noun is counted with the unit "
        "(每个乡镇（街道）, 每個鄉（鎮、市）); of two totals the ends of one change (change_from … change_to: 由208个减少到128个) "
        "the mean is of the state reached; a total written of the year before (prior_year: 为上年13亿元) is none; a count "
        "after a demonstrative (這三個公所) is no count of all the units when the sentence states none; 平均每户N人 "
        "divides the one population (of a 由…降至 change the state reached; a change amount, change_by, is none) by the "
        "households, proposed only when bound. Other means and the parts of a 其中 list are no total. 年均N is unverifiable (the years' values are not given); 平均水平N (a value "
        "compared with) and 每户最多N (a cap) are no average. N鄉鎮平均為x (a count of places, listed_places, before 平均): the "
        "unweighted mean (rule mean, values…) of the one value of x's kind and year the text gave each place of that "
        "ending before it, only when as many places have one as N says. 平均(约)x opening a clause after a run of clauses "
        "each naming one value of x's unit (甲a,乙b,丙c,平均约三成), the first numbers of their sentence and none named as "
        "a whole (全县, 总): the unweighted mean of the run (rule mean); the mean is then no value the list ranks",
        "全镇财政支出9000万元,常住人口3万人,人均3000元。", (("claimed", "3000元"), ("total", "9000万元"), ("count", "3万人")),
        unverifiable="the total or the count it is divided by is not stated", pattern="人均N"),
    ClaimForm(
        "multiple", "one amount as a multiple of another",
        {"times": ("倍",), "doubled": ("倍增", "翻番", "翻一番", "翻了一番", "成倍增长", "成倍增長"),
         "grown": ("增长", "增長", "增加", "提高", "上升"),
         # 前者是后者的N倍: the two amounts stated just before, in the order named
         "former": ("前者",), "latter": ("后者", "後者"),
         # 由A增至B,为原来的N倍: the words naming the from-to's start (a year, or none, too)
         "start_named": ("原来", "原來", "原先", "改革前", "过去", "過去", "当初", "當初", "以前")},
        "ratio", ("later", "base"),
        "从A到B, 倍增: later B over base A; X是A的N倍: X over A; 由A增长到B,增长N倍 and X比A增长N倍 (增加一倍): "
        "N times more, the rule growth_times over (base A, later X or B); 是乙镇的N倍: the one amount of X's unit the "
        "place 乙镇 names when no name repeats X's; 前者是后者的N倍: the two amounts of one unit stated just before, in order; "
        "約為A%的N倍: rates as amounts; a clause with no subject (…,是乙镇的N倍) speaks of its ;-item's first amount, the "
        "base the one amount before of that unit whose words name 乙镇; 较…的B翻了一番: B the base, the clause's subject later; "
        "约为乙镇(B)的N倍: B bracketed right before 的, X the clause's subject; 由A增至B,为原来(a year)的N倍: the clause "
        "right after a from-to, the words before 的 only a start_named word or a year: B over A",
        "全镇税收从2018年的0.8亿元增加到2022年的1.6亿元,实现倍增。",
        (("claimed", "倍增"), ("later", "1.6亿元"), ("base", "0.8亿元")),
        unverifiable="the amount it is a multiple of is not stated", pattern="从A到B, 倍增 / X是A的N倍"),
    ClaimForm(
        "comparison", "one amount above or below another the text states, first or last of a list, or a rank",
        {"above": ("高于", "高於", "多于", "多於", "大于", "大於", "超过", "超過", "超出", "领先于", "領先於"),
         "below": ("低于", "低於", "少于", "少於", "小于", "小於", "不足", "不到", "不及", "未及", "未达", "未達"),
         "top": ("最高", "最大", "最多", "居首", "居首位", "居第一", "居第一位", "位居第一", "排名第一", "排第一", "居冠", "第一名"),
         "bottom": ("最低", "最小", "最少", "居末", "居末位", "排名最后", "排名最後", "倒数第一", "倒數第一", "垫底", "墊底",
                    "敬陪末座"),
         "next_to": ("仅次于", "僅次於"),
         # 分居1至4名, 分列前三位, 居第3名: a rank, checkable only when every amount ranked above is given
         "ranks": ("分居", "分列", "依次居", "依次位居", "分别居", "分別居", "分别位居", "分別位居", "依序居", "依序位居",
                   "依序列"),
         # 由高至低依序为甲18%、乙12%、丙9%: the amounts that follow, each above the next (由低至高: each below)
         "descending": ("由高至低", "由高到低", "从高到低", "從高到低", "由多至少", "由多到少", "从多到少", "從多到少",
                        "由大到小", "从大到小", "從大到小"),
         "ascending": ("由低至高", "由低到高", "从低到高", "從低到高", "由少至多", "由少到多", "从少到多", "從少到多",
                       "由小到大", "从小到大", "從小到大"),
         "in_order": ("依序为", "依序為", "依次为", "依次為", "依序是", "依次是", "排序为", "排序為", "排列为", "排列為", "依序",
                      "依次"),
         "rank": ("居", "位居", "排名", "排", "列")},
        "greater", ("others…",),
        "A高于(低于, 多于, 少于, 超过, 不足) B: A is the amount the clause is about, B the amount right after the word "
        "(its unit; 高于上年的B, 低于全县平均水平B; 高于乙的B及丙的C: each amount of the run); a bound the number's own words make (超过2亿元, 不足20%) is no "
        "comparison. 甲…、乙…、丙…, 其中甲最高 (居首, 最多; 最低, 最少): the amount the name before the word names, "
        "over the other amounts (or rates) of the list (same unit, same sentence, each named; in a 分别 list each by its "
        "own item); X以A居首: the amount right before; 最高的是丁乡的A (最多的为甲镇,达A): the amount right after the name (最多，共A), or after a name and a verb (最高的甲镇为A, 最低的乙乡仅A). "
        "由高至低依序为甲a、乙b、丙c: each above the next (由低至高: below), the last the claim; "
        "a、b、c、d分居1至4名: each above the next (rule order, the last the claim); 仅次于A、B, 居第3名: the amounts "
        "after 仅次于 rank above the clause's subject, as many as the rank says; a rank whose amounts above it the "
        "text does not give (居第一名 among units it does not state) is unverifiable",
        "全县税收收入5200万元,高于上年的4800万元。", (("claimed", "5200万元"), ("others…", "4800万元")),
        fall_rule="less", unverifiable="the amounts it is compared with are not stated",
        pattern="A高于B / 甲…最高 / 分居1至N名"),
    ClaimForm(
        "product", "a total of units that each hold the same number",
        {"each": ("均", "各", "每个", "每個"), "total": ("共", "共计", "共計", "合计", "合計", "总计", "總計"),
         # 每个乡镇 with 十二个乡镇 in another sentence: the units 每个/各 names, the count's noun ending there or before
         # one of these words (12个乡镇均已…, 18個公所，)
         "units_named": ("每个", "每個", "每一个", "每一個", "各"),
         "noun_ends": ("均", "全", "全部", "都", "已", "共", "各", "统一", "統一", "分别", "分別", "中", "的", "于", "於",
                       "在", "和", "及", "设", "設", "于", "完成", "建成", "实行", "實行"),
         # a one-character unit after 每个 followed by one of these is part of a longer noun (每个村民小组, 每个村委会,
         # 每个镇干部, 每个所长): no count of 村/镇/所 serves it
         "noun_goes_on": ("民", "委", "干", "幹", "级", "級", "小", "组", "組", "长", "長", "属", "屬", "务", "務", "内", "內")},
        "product", ("count", "each"),
        "count: the number of units before 均/各 in its clause; each: the numbers after it in that clause (N个X, or "
        "the counted parts of a quoted label, “五办四中心”); the totals: the numbers after 共 in the same ;-item, "
        "the k-th total of the k-th number each holds; none when a 其余…各 class comes before 共 (the total holds its "
        "units too). 每个X/各X with no count of X in its sentence: the count is the one value the text gives of X "
        "(十二个乡镇 two sentences before; two values: none), each the first amount after 每个X in its clause (not "
        "a change, not after 平均/最多), the total after 共 in the sentence, else the one later amount of a change "
        "(由86个整合为60个) of each's unit before 每个X in the sentence",
        "甲乡、乙乡、丙乡3个乡各设2个办公室,共设办公室6个。", (("claimed", "6个"), ("count", "3个"), ("each", "2个")),
        pattern="N个X均(各)设M个, 共T个"),
    ClaimForm(
        "sum_of_products", "a total of units counted by class, each class's units holding one number",
        {"each": ("各", "每个", "每個", "每"), "rest": ("其余", "其餘", "其他", "另"),
         "split_into": ("分为", "分為", "划分为", "劃分為", "分成"), "by_class": ("按…类", "按…類", "按…类别", "按…類別"),
         "respectively": ("分别", "分別"), "total": ("共", "共计", "共計", "合计", "合計", "总计", "總計")},
        "sum_of_products", ("count", "each", "count", "each…"),
        "the pairs: a count and the amount after 各 in its clause (4个镇各核定39名、6个镇各30名; 其中8个各获A, 其余10个各获B), "
        "or a class's count stated where the text splits its units into classes (将乡镇分为一类镇4个、二类镇4个: its name "
        "before the count) and the amount after that name and 每个 (一类镇每个39名), or the amounts after 按…类分别 in the "
        "classes' order when as many; the total: the amount after 共/合计 in the sentence, else (其中 before the pairs) "
        "the last amount of the each's unit stated before 其中 in the sentence. The counts' sum is a total too: of "
        "the count before whose noun the 其余 count's noun starts, or of the count of the noun split (将乡镇分为: N个乡镇)",
        "全县12个村中,其中4个村各补助5万元,其余8个村各补助3万元,共计44万元。",
        (("claimed", "44万元"), ("count", "4个"), ("each", "5万元"), ("count", "8个"), ("each", "3万元")),
        pattern="n个各A, 其余m个各B, 共T / 一类X每个A、二类X每个B"),
    ClaimForm(
        "count", "a count of a named list or of a counted label",
        # a dash (——, —) opens the list its count names: 四个乡镇——甲镇、乙镇和丙乡
        {"list_opens": ("(", "（", ":", "：", "即", "一般为", "一般為", "分别是", "分別是", "分别为", "分別為", "包括", "为", "為",
                        "——", "—"),
         # “五办三中心”模式,设置甲办公室、…和丙中心: a compound label's one list may also follow the verb that sets the
         # bodies up (only after a quoted label: a count's own list keeps to list_opens)
         "label_sets": ("设置", "設置", "设立", "設立", "下设", "下設", "组建", "組建", "成立", "整合为", "整合為", "整合成"),
         "units": ("个", "個", "项", "項", "名", "人", "家", "所", "条", "條", "辆", "輛", "处", "處", "村", "镇", "鎮", "乡", "鄉",
                   "站", "室", "厅", "廳", "级", "級", "种", "種", "类", "類", "位", "县", "縣", "块", "塊", "办", "辦", "中心", "县市",
                   "縣市", "县区", "縣區"),
         # 以甲为例,…;还有乙、丙,合计三个: a list after these words adds to what the sentence named before (the one
         # example 以…为例 names), and the count after 合计/共 counts both; no example named: not the whole list
         "more": ("还有", "還有", "另有", "也有", "此外还有", "此外還有"),
         "sum_opens": ("合计", "合計", "共计", "共計", "一共", "总共", "總共", "共"),
         "example": ("为例", "為例"),
         # measure words of counted things that only a list counts here (十二件民生实事:甲、乙…; 三座水库): not units the
         # other forms (averages, products) count by
         "list_measures": ("件", "座"),
         # measure words that count the same thing (a total of 36位 and 9位 stated as 45人: persons), the first the
         # unit a fact is kept in (measures.SAME_UNIT); 个 and 所/座 are not: the ledger sums one unit only
         "same_thing": ("名/人/位",),
         "open": ("等等", "等"),  # 甲、乙等5个: the list may name only some of the 5
         # 三成村庄、即12个: a word that restates what comes before it, no item of a list
         "apposition": ("即", "亦即", "也即", "也就是", "计", "計", "共", "共计", "共計"),
         # 全县6个镇的便民服务中心已实现“一窗通办”,即甲、乙、丙: a list closing the sentence after a comma restates
         # what the sentence's one count counts
         "closing_list": ("即", "亦即", "也即", "也就是"),
         "lead": ("设立", "設立", "设置", "設置", "设有", "設有", "成立", "组建", "組建", "建立", "建成", "包括", "包含",
                  "走访", "走訪", "走访了", "走訪了", "调查了", "調查了",  # 記者走訪甲、乙、丙三鄉
                  "涵盖", "涵蓋", "涉及", "下辖", "下轄", "辖", "轄"),
         # 乡镇、办事处人民政府设乡镇长1人: a body and a plain 设 (not 建设, 设施) end a list of the bodies that set up
         # what the count counts; a hard-wrapped line may stand between them
         # what the items of a list of bodies end with: 和/及 between two such names joins two items (甲服务站和乙执法队),
         # not two words of one name (人口和计划生育办: 人口 ends with none)
         "item_ends": ("中心", "站", "所", "队", "隊", "办", "辦", "办公室", "辦公室", "室", "局", "委", "院", "馆", "館", "校",
                       "园", "園", "场", "場", "厂", "廠", "部", "科", "股", "组", "組", "处", "處", "镇", "鎮", "乡", "鄉",
                       "村", "社区", "社區", "街道", "公所", "县", "縣", "区", "區", "市"),
         "body_sets": ("政府", "公所", "办事处", "辦事處", "街道", "办", "辦", "处", "處", "镇", "鎮", "乡", "鄉", "县", "縣",
                       "区", "區", "村", "局", "委", "中心", "站", "所")},
        "count_items", ("list",),
        "list: the items joined by 、/和/及 just before the count (甲、乙、丙3个; not when a verb ends them: 甲镇、乙镇"
        "各设3个 counts what follows), or after it up to the end of its brackets or clause (3个(甲、乙、丙), 3个: 甲、"
        "乙、丙; N个方面:甲;乙;丙 by its ;-clauses); a counted label (“三要”(要钱、要粮、要命)); a compound label takes "
        "one bracketed group per part (“一办三中心”(甲,乙、丙、丁)). count_by: 、, and a comma when it joins groups, "
        "和/及 when both sides end alike (文化中心和计生中心, not 人口和计划生育办). The words before the first item up to a "
        "lead word (全县设立甲中心 -> 甲中心) are no part of it. A list that ends with 等 may name only some: fewer "
        "items than the count is unverifiable, as many reproduces, more is a discrepancy. 分/分为 N批 (类, 期, 个阶段): the "
        "ordinals of that noun that follow in its sentence or the next (not one opening with a year), a run from 第一 of "
        "two or more, counted as distinct ordinals (one ordinal alone is no list). Items named with their amounts "
        "(甲420萬元、乙350萬元及丙126萬元等四項: 和/及 after an amount opens the next item); 和 between two names ending "
        "with a body's noun (item_ends: 服务站和执法队) joins two items; a compound label's list runs on past a comma while "
        "each group's items end with a part's noun (“一中心四站”配置,即甲中心,乙站、丙站); 以甲为例…还有乙、丙,合计N个: "
        "the one example and the list (no example: unverifiable)",
        "全镇设“一办三中心”(党政办,便民服务中心、农业服务中心和综治中心)。",
        (("claimed", "三中心"), ("list", "便民服务中心、农业服务中心和综治中心")),
        unverifiable="the list ends with 等 and names fewer items than the count", pattern="甲、乙、丙N个 / N个(甲、乙、丙) / “N字”(…)"),
    ClaimForm(
        "restatement", "two mentions of one quantity",
        {"names": ("",),
         # words around a bound that name no quantity: 首次突破400亿元大关 restates the amount named without them
         "bound": ("首次", "首度", "第一次", "大关", "大關", "关口", "關口", "历史", "歷史", "年度", "当年", "當年"),
         # a plan or target (力争2亿元, 目标1.8亿元) and what was done are two quantities: a bound naming no plan of its
         # own (迈上近1.9亿元) restates no amount named by these
         # the verbs a name ends with before its amount (歲入預算編列186,420; 收入完成38,642万元; 迈上): no part of
         # the quantity's name (本年度歲入預算 then restates it)
         "verb_end": ("编列", "編列", "完成", "达到", "達到", "实现", "實現", "迈上", "邁上", "为", "為", "达", "達"),
         # (N＝96) / n=1,200: a survey's sample size restates the one count named by these (有效样本96份, 受訪者1,200人)
         "sample": ("样本", "樣本", "问卷", "問卷", "受访", "受訪", "受调查", "受調查", "调查对象", "調查對象", "有效回收",
                    "回收有效", "回收"),
         "plan": ("力争", "力爭", "目标", "目標", "预计", "預計", "计划", "計劃", "计画", "計畫", "拟", "擬", "预期", "預期"),
         # time words before a name that name no other quantity (全年一般公共预算收入 is 一般公共预算收入 of its year)
         "period": ("全年", "全年度", "当年", "當年", "本年", "本年度", "今年", "年内", "年內"),
         # the stage a 决算 states after a name (歲入決算數 then 歲入): one quantity when the values agree
         "stage": ("决算数", "決算數", "决算额", "決算額", "决算", "決算", "实际数", "實際數", "实际完成数", "實際完成數",
                   "执行数", "執行數", "实收数", "實收數"),
         # the verbs before a count's noun (全县设立便民服务中心十二个, 12个便民服务中心): no part of what is counted
         "count_lead": ("共设立", "共設立", "设立", "設立", "设置", "設置", "设有", "設有", "共有", "建成", "建有", "成立", "组建",
                        "組建", "下辖", "下轄", "辖", "轄", "有", "共", "计", "計"),
         # 共320人。这320人中: a count after these words names no noun of its own, it restates the count just stated
         "demonstrative": ("这", "這", "这些", "這些", "上述", "前述", "以上", "该", "該"),
         # 以活動中心為例,162處中…: a clause naming the example, no amount in it; the bare count after it is of that noun
         "example_open": ("以", "拿", "就", "对于", "對於"), "example_close": ("为例", "為例", "而言", "来说", "來說", "来看", "來看"),
         # 在86项赋权事项中, 0.92亿元可用财力: words before a number naming nothing, its noun after it
         "noun_lead": ("在", "于", "於", "对", "對", "将", "將", "这", "這", "这些", "這些", "上述", "前述", "该", "該"),
         # 十三個公所平均…, 86项赋权事项中: the words that end the noun after a count (what follows is no noun)
         "noun_end": ("平均", "之中", "中", "的", "均", "各", "共", "合计", "合計", "全部", "都", "已", "扣除", "其中",
                      "，", ",", "。", "；", ";", "、")},
        "value", ("earlier",),
        "earlier: a mention before it of the same unit and year whose name is the same (wording and the "
        "words 自/从/至/到/为 aside) and that is no change or rate. A bound (突破/超过N, N以上) restates an amount of "
        "the text whose name shares four characters or more with its own (首次, 大关 aside), or the amount of the "
        "clause before when its clause names nothing (歲出2億3,456萬元,首度超過2億元); the bound is the claim, the "
        "amount its input, whichever comes first; a bound of a rate (歲出執行率逾九成) restates the one rate whose name, "
        "its line's heading before it (二、歲出:…執行率90.36%), shares four characters with its own. A line's heading "
        "qualifies the names under it (一、歲入:決算數N is 歲入決算數). A period word before a name (全年, 当年, 本年) names the same "
        "quantity; a name and the same name with its stage (歲入 / 歲入決算數) are one quantity when their values "
        "agree; a count in Chinese numerals and in digits (便民服务中心十二个 / 12个便民服务中心) restates it when the "
        "noun it counts (lead verbs 设立/共有 aside) is the same and the values agree; a count after 这/上述 (共320人。这320人中) "
        "with no noun of its own restates the last count of its unit in the sentence before when the values agree. Two aggregates (总收入, 收入) "
        "stay two. A number naming nothing before it (在/这 aside) with a noun after it (十三個公所, 在86项赋权事项中, "
        "0.92亿元可用财力) restates the one earlier mention of its unit, year and value (within its written digits) whose "
        "name holds that noun (three characters or more, or two ending the earlier noun and ending its own: 公所 of "
        "鄉鎮市公所); a title line's amount (the text's first line, a body after it) restates the one body amount of its "
        "unit, year and value whose name holds the noun the title names it by (歲入 / 全年歲入決算數), or, the title naming "
        "only a place before it (臨瀾縣136項權力 / 下放管理權限136項: a paraphrase), the one body amount written with the same "
        "digits, three or more (这/上述N restating it aside); a number naming nothing after a clause that names an example and no amount (以活動中心為例,162處中; "
        "就便民服务中心而言,12个中) restates the one earlier mention of its unit, year and value whose name holds the example's "
        "noun; 前述/上述 N in a later sentence (前述41.6億元, 上述46个问题) restates the one earlier amount of its unit, year and "
        "value whose words hold the noun after it, or of three digits or more; (N＝412) the one count of its value naming a "
        "sample (有效問卷, 受访者); a bound restates no plan (力争, 目标) unless it names one; the verb before an amount "
        "(編列, 完成, 达到) is no part of its name; two: nothing",
        "全镇财政收入5200万元。全镇财政收入自2019年的3100万元增至2022年的5200万元。",
        (("claimed", "5200万元"), ("earlier", "5200万元")),
        pattern="X A … X A"),
)

FORM = {form.name: form for form in FORMS}


_T2S: dict[str, str] = {}


def fold(text: str) -> str:
    """``text`` with traditional characters folded to simplified one character at a time (OpenCC's t2s table),
    so that every offset stays where it was.

    >>> fold("較上年度之12,000萬元,減少5%")
    '较上年度之12,000万元,减少5%'
    """
    missing = set(text) - _T2S.keys()
    if missing:
        from opencc import OpenCC

        convert = OpenCC("t2s").convert
        for char in missing:
            folded = convert(char)
            _T2S[char] = folded if len(folded) == 1 else char
    return "".join(_T2S[c] for c in text)


def words(form: str, group: str) -> tuple[str, ...]:
    """The simplified words of a form's trigger group (what the finder matches in folded text)."""
    return tuple(dict.fromkeys(fold(w) for w in FORM[form].triggers[group]))


def claim_forms_markdown() -> str:
    """The table as data/DICTIONARY.md shows it."""
    lines = ["| form | trigger words | rule (roles) | how the inputs are found | example | reading |", "|---|---|---|---|---|---|"]
    for form in FORMS:
        groups = "; ".join(f"{group}: {' '.join(w for w in ws if w) or '(names)'}" for group, ws in form.triggers.items())
        rule = f"{form.rule} ({', '.join(form.roles)})"
        if form.fall_rule:
            rule += f"; a fall: {form.fall_rule}"
        if form.unverifiable:
            rule += f"; {UNVERIFIABLE} when {form.unverifiable}"
        reading = ", ".join(f"{role} {written}" for role, written in form.reading)
        lines.append(f"| {form.name}: {form.what} | {groups} | {rule} | {form.binding} | {form.example} | {reading} |")
    return "\n".join(lines)
