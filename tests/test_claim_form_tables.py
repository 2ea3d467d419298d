"""The claim finder and the audit on tables of sentences written for them (tests/fixtures/claim_forms_<topic>.csv:
none taken from a practice or held-out text; simplified and traditional, mainland and Taiwan wording), each row's
claim, rule, inputs and (where given) grade worked out by hand, its why in the row.

Columns: case, form, text, claimed, rule (`none`: an input, not a claim: nothing may be proposed at it), inputs
(`role=as written;...`, in the rule's order), status (the audit's grade; empty: binding only), why.
A new table of this shape joins by being listed in TABLES."""

import csv
from functools import lru_cache
from pathlib import Path

import pytest

from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import find_claims

FIXTURES = Path(__file__).parent / "fixtures"

# Each table and what its sentences are about (issue 29).
TABLES = {
    "cuts_from_original": "cuts with no base word (压减/删减/刪減/核减/缩减/调减 N) from an amount said to be original (原编列, "
                          "原有, 将原A个) to the one its words bring it to (后为/整合为 B in the cut's or the original's "
                          "clause): the cut and its rate over (A, B); B in a later clause (審定為B): B = A - C, the rate "
                          "before it C over A (a share); the original never the later; a cut (or its rate) with nothing "
                          "bound, after 其中, two originals, 原材料: data; a rate of the other direction: unverifiable",
    "rates_after_changes": "a rate right after an amount of change (增收N,增长P%; 由A减为B,减少N,下降P%): its rate only when "
                           "of the change's direction, with no 其中 between, and (after a from-to's change) naming no base "
                           "of its own (同比, 比上年, 較上年); else unverifiable, both scripts",
    "qizhong_heads": "the total a 其中 splits when heads finds none: a 其中 opening a ;-item (the one amount of the "
                     "parts' unit the item before states of its own; two: nothing), share and rate clauses before 其中 "
                     "passed back to the amount before them (a list of two parts or more only); a later clause counting "
                     "a noun the total's clause does not hold (覆盖…6个乡镇) ends a comma 其中 list; 以上/上述…合计 adding "
                     "the sentence before's list (one amount per item); a count in a list's last item (两乡合计30个) stops it",
    "average_structures": "a mean of one number over itself (人口N, 平均每名員工服務人口M: no count of staff) is never "
                          "proposed; a multiple whose base is bracketed right before 的 (約為乙鎮（8%）的三倍, 為全縣平均值(約285人)的1.44倍); "
                          "an amount of a mean's unit counting the noun after 每 (14个村, 平均每村3个) is its count, no total; "
                          "two such counts, or another noun: unverifiable; 由A增至B,为原来(a year)的N倍: B over A (为乙镇的: not)",
    "rates_after_from_to": "a rate right after a from-to's change (由A降至B,减少N,降幅P%; 十年少了N,降幅P%; 升至/升到/降到 "
                           "as to-words): the from-to's pair; a mean yearly rate, a part's rate after 其中, another "
                           "subject or another ;-item: not",
    "spans_and_shortfalls": "a from-to whose to-word opens the next clause (由A,降至B) and 多了/少了 after it with at most a "
                            "span of time (十年少了N); another subject or a compared place before 多/少: nothing of the "
                            "from-to; 歲入歲出差短 (a shortfall: spending − income); a ;-item opening 上年度 makes its "
                            "amounts the year before's (no pair with this year's)",
    "bases_after": "a change against the year before (比上年/同比/較上年度) whose base a later clause or the next sentence "
                   "states, opening with a prior word and a noun (上年同口径收入为B; scope words such as 同口径/同期 "
                   "aside); the later the one amount of its ;-item whose name that noun ends; another noun (非税收入), "
                   "no noun (上年为), no prior word, two bases: unverifiable",
    "colon_totals": "a total named so (合计/合計, 共/共有, 总额/總額/总数) with a colon right after it, then its parts: one "
                    "per ;-item, or a run joined by 、 or commas each after its own name (经常门A，资本门B); a prior "
                    "year's or a compared amount, an amount per unit, a part's own 其中, one part, two in one item, no "
                    "colon: nothing (a 其中 after the colon stays the 其中 form's)",
    "rate_nouns": "a rate noun between a change word and its rate (精简比率为, 减少比例为, 增长幅度达) and verb rates whose "
                  "whole is the one amount of their unit the ;-item states before the part (查出A,已整改B,整改率P)",
    "share_of_sum": "a sum of shares stated as one share (两项合计占75%, 以上合計佔歲出逾八成): the parts over the one whole "
                    "their shares have, or over the whole the sum names; shares of two wholes give none; the amounts a 其中/分别 "
                    "lists before 合计占; an average is no total of a 其中; a whole bound by half its name, or a gap "
                    "(相差), smaller than its part is no whole",
    "dash_lists": "lists a dash opens after their count (四个乡镇——甲、乙、丙和丁; a list between two dashes; a dash "
                  "before a remark opens no list), both scripts",
    "changes": "shares, changes against a base, percentage points, differences and ratios: the base or the whole in "
               "another clause or sentence, ROC years, 万元/億元 amounts",
    "rates": "wordings the changes table lacks: the base after the rate (上年为A), 成長/衰退/增产, 增幅为, rates in 成 and "
             "fractions, negative growth, two years each with its amount, two rates compared (高于全省N个百分点), "
             "甲比乙多N, 执行率 before its amounts, amounts truncated with 餘 whose written digits agree",
    "bindings": "bindings the held-out texts h1-h4 showed missing (benchmarks/heldout/MISSES.md): bases after 与…相较, "
                "rates named as nouns, 核减至/压减至, X是Y的N倍, 每村…共计, a label split by noun, 、即",
    "products": "sums of products: units counted by class (其中N个各获A,其余M个各获B; 一类镇每个A; 按类别分别核定a、b), "
                "the counts of a complete split (其余, 将X分为) as a total",
    "structures": "balances across paragraphs, structures changed (由a:b:c调整为d:e:f) and the points changes on their "
                  "terms, two false counts (a list of bodies before 设; a sum of products read as a product or a sum)",
    "devset2": "bindings the development texts h5-h8 showed wrong or missing (benchmarks/heldout2/MISSES.md): the "
               "names of a 分别 list, the year of a share's whole, a list item's own name, a percentage that is a "
               "base, a total that holds a 其余 class",
    "fractions": "fractions claimed as shares (三分之一, 2/3, 七成五, 半數), wholes named 其中, parts 来自, named rates "
                 "that are values (城镇化率), one product per place, restatements in more wordings (全年 X then X; "
                 "歲入決算數 then 歲入; 十二个 then 12个; 总收入 and 收入 stay two)",
    "shares_differences": "rates a noun names (出缺率, 使用率, 運轉率: part and whole named by their own words) and "
                          "gaps (缺額/尚缺 = budgeted minus filled, 相差/差額), in council, news and accounts wording",
    "named_elsewhere": "wholes and bases named by a noun stated in another sentence or clause: 占支出合计的P%, a clause "
                       "opening 現有員額中/在X之中 naming the whole, 建成率/承接率 (the verb's amount over the planned "
                       "count), 比上年增长P% with 上年…决算数为A after, 較去年的A減少N and 去年為A,今年再增加N (the later "
                       "the one amount stated under the subject's name); two amounts of the name: unverifiable",
    "averages": "averages and per-capita figures: 村均/镇均/乡均/户均/亩均 over the count of their noun, 平均每所<noun> "
                "naming the total, a total named by the clause before (X以人口N人计,每人平均), 每人每年, 人次; two "
                "counts or two totals of the name, another year, 均为 (each is), caps and 平均水平: unverifiable or nothing",
    "breadth": "averages, multiples, comparisons and ranks, counts of lists, in the registers of council questions, "
               "news features comparing townships, final accounts and reform reports",
    "points_subject": "points between places in a clause that opens with the comparison (…,較乙鎮高N個百分點): the "
                      "later is the rate of the place that opens the sentence; two places, a time word or a place with "
                      "no or two rates: unverifiable",
    "points_share_noun": "X占比/X比重提高N个百分点 with no base in its clause: the base the one earlier-year "
                         "percentage of the sentence named X占比, the later the one share whose part is named X "
                         "(分别占a%; 非税收入 is no 税收); no share word, two parts named X, no year: unverifiable",
    "named_entities": "comparisons between places whose values are stated elsewhere (analysis/extraction/named_amounts.py): "
                      "A是B的N倍 (四倍多), A與B相差N個百分點, A低於平均N個百分點 (a stated average), A由前一年的x%上升N "
                      "(the later is A's value); one amount of the kind and year per place, else unverifiable",
    "named_totals": "totals whose parts follow (分项看, 按…分) or come before (加上A), balances after 扣除, restatements "
                    "(這N名, 0.92億元 for 9,200萬元, Chinese numerals), vacancies (出缺/空编 = 編制 - 實有, 空编率), counts "
                    "of persons in 人/名/位 as one unit",
    "rates_elsewhere": "verb rates (開放率, 閒置率, 承接率, 入住率 …) and fractions or 成 alone after their part (只有41項,"
                       "不到四分之一), the whole the one amount named a total (共/合计/全县) in the sentence or a sentence "
                       "before; (在)受訪的N名X中,有M人…,比例P; two totals, a prior year's or none: no proposal",
    "header_units": "bare numbers under a header line (單位:千元, 金额单位:万元) as amounts of its unit, in sentence lines too: "
                    "differences and shares among them, restatements in another unit (7,143 千元 as 714萬餘元, 9200 万元 "
                    "as 约0.92亿元) graded within the written precision, and where the scale makes them disagree",
    "share_line_heads": "a 其中 opening the line after a sentence's end (收入完成A,增长P%。\\n其中,税收B,占比r%): the first "
                        "amount of the sentence before, a prior year's aside passed, as within a line; no 其中, another "
                        "unit, a heading line, a blank line between, a smaller amount: unverifiable",
    "share_turnout": "a turnout (投票率) read as a verb rate: the amount 投票 names over the electorate a total word (全縣, 共) "
                     "or the ;-item states before it; no voters, no electorate, another place's or the prior "
                     "election's, a smaller one, voters another rate of the sentence took: nothing",
    "share_lists": "shares in a ;-list naming no whole after one that names it (A a,佔歲入決算數p%;B b,佔q%: the "
                   "first's whole), the shares of one whole summed (合計佔r%), a line's heading qualifying the names "
                   "under it (一、歲入:決算數N); two wholes, none stated or another sentence: no carry, no sum; vacancies of a "
                   "kind (行政编制空编N = the one 行政编制 amount − the one filled 行政人员 amount, across sentences, "
                   "改革前 posts aside, 分别核定为a和b named by the list before); two or none: no proposal; restatements "
                   "under a heading (本年度歲入決算數N萬餘元 of 一、歲入:決算數M in 千元; 歲出執行率逾九成)",
    "units_elsewhere": "products whose count of units is stated in another sentence (全县十二个乡镇 … 每个乡镇设…等5个 "
                       "办公室, 由86个整合为60个 or 共N after; 18個區公所 … 每個公所): the one count of the noun 每个 names; "
                       "compound labels (“三站一所”, “一办三中心”,即…, “一中心四站”,分别是…) each part counting the listed "
                       "items ending with its noun",
    "named_item_lists": "其中 after a count whose brackets name its items (涉及5个乡镇(甲、乙…),其中甲a、乙b): each named "
                        "item's amount a part of the one amount of their unit the sentence states before the count (all the items: a "
                        "sum, some or 等: parts); two such amounts, another sentence, two units: nothing",
    "list_tails": "其中 lists whose ;-item goes on after the parts: an average (平均每人, 平均每天) or an amount of a year "
                  "neither the total nor the first part names (是2019年A的N倍, 較108年度A) is no part; a list of years keeps them",
    "counted_totals": "totals after their parts bound by structure: a total whose noun is made of the parts' nouns "
                      "(9个镇、3个街道,共12个乡镇（街道）; 13個鄉、5個鎮及2個縣轄市,共20個鄉鎮市; 共 closing the last "
                      "part's noun), and a sum naming its count of parts (这三个乡镇合计T, 甲a、乙b、丙c三项合计T: the "
                      "amounts of its unit in its ;-item, else its sentence, when exactly that many), a sum word closing "
                      "the last ;-item (甲a,占p%;乙b;丙c,合计T: each item's first amount); another noun, one part, another "
                      "unit, a count of places, more or fewer amounts than the count, an item naming a whole, a year, a "
                      "change or the year before, an amount after the total: nothing or unverifiable",
    "among_lists": "a clause opening (在)X(之)中 then a run of amounts of one unit joined by 、 (現有員額中,甲a人、乙b人): parts "
                   "of the one amount stated before under X's name; two such amounts, none, a comma-split run, one part: nothing",
    "split_actuals": "分项看 (按…分) after a sentence stating a budget then the one actual amount (年初预算安排A,全年实际完成B): "
                     "the items split B; two actual amounts: nothing; the split opening the next paragraph",
    "lists": "totals followed by their parts with no 其中 (共N项,第一批a项、第二批b项; 共N人,男性a人、女性b人; …、其余c), "
             "only when the parts' names are a run of ordinals from 一, both sides of a pair or end with 其余; the "
             "count of an ordinal list (分两批 … 第一批…、第二批…; 分为三类: 一类…二类…三类)",
    "rests": "the rest of a whole (rule remainder: whole − the parts named before it), named as such (其余/其餘各项, 剩余, "
             "余下, 非X after X, 闲置 after 在用, 未 after 已), its whole bound by structure (共/全县, …中, the parts' shares' "
             "whole); 其他 (a category), no whole, two wholes, another year's or unit's, a 其中 list's rest: no proposal; "
             "totals before 按…分类: with one part per ;-item after the colon (over the lines ending with ;), chains "
             "of 加上 clauses (a later 加上 amount is an addend, never a total)",
    "list_wholes": "bare shares of a ;-list bound by structure: the whole the item before named, across that item's change "
                   "rate (佔歲入p%,較上年度增加q%;B b,佔r%), or the whole a later 合計佔X of the sentence names (以上合計佔歲出); "
                   "another rate before, a later share naming its own whole, a sum in another sentence: unverifiable; 執行率/完成率 "
                   "whose actual is stated twice: the one after 較上年度/比上年 or of another year is a base; 現有人員中 (the one "
                   "amount written 現有); a count closing 裡/里 (22名隊員裡) the whole of 逾半數/過半 after its part",
    "bases_by_year": "changes whose base or later the sentence does not state but the text does, bound by name and "
                     "year: a ;-item opening 較上年度/比上年 about the item before's subject (本年度歲入決算數A;較上年度增加P%, "
                     "its base the one 上年度(111年度)… or year-1 amount, before or after), the later the base's noun "
                     "names in the sentence (決算數A;較上年度決算數B增加N), a rate's later named in a 分别 list elsewhere, "
                     "per-mille growth; two, none or another name: unverifiable",
    "restated_nouns": "one quantity stated twice: a title line's amount and the body's (歲入3億2,150萬元 / 全年歲入決算數 "
                      "321,500千元), a number naming nothing before it restated by the noun after it (十三個公所 of "
                      "十三個鄉鎮市公所, 在86项赋权事项中, 0.92亿元可用财力 of 9200.00万元) within its written digits; two "
                      "candidates, another year, value or noun (乡镇便民服务中心 is no 乡镇): nothing",
    "differences": "differences stated as an amount (较预算数A增加N, 超收/短收/节省, 比上年的A增收N, 甲比乙多N, 相差), gaps "
                   "(缺额/出缺/空编 that are also a rate's part), balances (收支相抵/歲入歲出相抵 in a clause before, names "
                   "under a line's heading, 預算所列短絀 of the budget pair), what remains of a plan (尚有N个在建 = 任务 - "
                   "已建成); none, two or three amounts for a role: no proposal",
    "count_lists": "counts of lists in more wordings: items named with their amounts (甲120万元、乙80万元及丙40万元等三项), "
                   "和/與 between two names of bodies (服务站和执法队; not 人口和计划生育办), a compound label's 即 list "
                   "past a comma (“一中心四站”配置,即甲中心,乙站、丙站), 以甲为例…还有乙、丙,合计N个 (no or two examples: "
                   "unverifiable), 件/宗/座; counts that count no list",
    "wholes_elsewhere": "shares whose whole is stated outside the share's words: the one total (全鄉/共) whose name ends with "
                        "the part's head noun (全鄉設籍人口A;老年人口B,佔P%), the one budget of the year and side in the "
                        "paragraph or one either side (完成年初预算的P% with 年初预算安排A in another sentence), a whole named by "
                        "modifier + head noun (占拨付资金的: 实际拨付A); two, none, a sibling class, another year, side or "
                        "paragraph: unverifiable",
    "restate_examples": "balances of the year a clause names after a balance set against (歲入歲出相抵,本年度賸餘A,上年度則短絀B: "
                        "the one income/spending pair named 上年度/上年/去年, a base after 較 of an income among them); this "
                        "year's pair never for 上年度, two prior pairs or none: nothing; a bare count after an example clause "
                        "(以X為例, 就X而言, 拿X来说, 對於X來說) restating the one earlier amount whose name holds X; a title "
                        "naming only a place before its amount (136项权力) restating the one body amount of the same digits "
                        "(这N aside); a named title, another value, two candidates or fewer than three digits: nothing",
    "average_wordings": "means in more wordings: 村均/镇均 opening their clause before a verb of reaching (村均达到N; "
                        "各村均达到 says each), a bracketed second noun counted with the unit (每个乡镇（街道）, 每個鄉（鎮、市）), "
                        "two totals the ends of one change (由A减少到B: the mean of B), a total of 上年/去年 none of this "
                        "year's mean, persons per household (平均每户N人: the one population over the households; two "
                        "populations in its sentence or text: unverifiable), 每件/每宗 counted in their classifier",
    "per_unit": "means per unit and per head in more wordings: 每处/每所/每家(设施)平均 and 平均每所每年 (每年 the period of "
                "a yearly total) over the one count in the classifier, the one stated as a total (合计/共) of several; "
                "以X计算 naming the total; 每位/每名 (县民分摊, 市民负担) per person; 平均每个镇 over the count of a noun "
                "ending 镇 (中心镇) stated before; a 其中 list's parts and other means are no total; X是Y的N倍 of two "
                "counts each the only one of its noun; two counts, two totals, 分摊 with no 每, counts in two "
                "classifiers: unverifiable or nothing; points of a structure's term (结构为a:b:c,第三产业比重比上年的p%"
                "提高N个百分点: the term the ordinal names, the base in the clause); no ordinal, no base, another "
                "sentence: unverifiable",
    "rates_by_subject": "rate nouns (使用率/利用率/開放率/達標率/入住率/承接率 …) whose part its ;-item states (the words "
                        "naming it before or after the amount: 49處正常運作) and whose whole the text states before: the one "
                        "amount named by the kind the part's subject names (長照據點74處), of its place and year, else the "
                        "total of the sentence before (合計/共, 这N项事项中); two, another year, place or unit: nothing; "
                        "an idle count is no part of a use rate, a used count none of an idle rate",
    "cuts_and_counted_units": "times and sizes cut from one amount to another with the noun after both measure words "
                              "(由5.6个工作日压缩到2.1个工作日,缩短了P%; 縮短至/縮小到), a noun after the base only binds "
                              "nothing; totals of facilities counted in 處/处/座 (analysis/counted_units.py)",
    "original_to_now": "a change stated as an amount after 原有/原设/改革前 A … (整合)为 B: A the base, B the later; no clause "
                       "bringing it to a later amount, or two 原有 amounts: unverifiable",
    "per_classifier_counts": "means per 每X (每支队伍, 每所, 每處) over the count in that classifier, not another count of the "
                             "sentence (车辆40余辆, 30个中心); no count in the classifier: unverifiable",
    "return_rates": "a survey's (or a loan's) return rate: 回收率 = 回收/收回 over 发出/发放/寄出, 有效回收率/有效率 = 有效问卷 "
                    "over what went out; the rate alone, or one of the two amounts missing: nothing",
    "place_wholes": "shares whose whole is named by the whole place alone (占全县的, 佔全縣之, 全市, 全鄉): the total the part's "
                    "其中 belongs to, or the one stated total, when that total's clause names the same place; another "
                    "place's total, another year's, none: unverifiable",
    "back_wholes": "shares whose whole is the total just stated, not named in the share's clause: 占总量/總數/全部/总体 "
                   "of (the total a 其中 belongs to, else the one amount a clause names a total: 共/合计/全县), a list under "
                   "a clause naming the whole (歲入決算數中, the line's heading qualifying 決算數) and its own sum (C c、D d, "
                   "合計佔r%), surveys (共N人受訪, 有效问卷N份, 样本共N户) and N成 with a bracketed count (約六成(731人)); "
                   "全部 + a noun is a name; no total, a prior year's, another unit, two totals: unverifiable",
    "ratios_multiples": "ratios of two amounts (A与B之比/二者之比(约)为a:1 or 1:b, full-width colons, a比1; 村里數/人數: "
                        "the count's noun) bound by the names or the last two amounts of one unit in the sentence; neither "
                        "term 1, names not in the sentence, two units, a name holding two amounts, a:b:c: nothing; "
                        "multiples with 之 (為A之N倍), 的约N倍, 更为, A in an earlier ;-item; A naming none or two: unverifiable",
    "ratio_terms": "ratios whose first term carries 约/約 (之比约1:1.7, 二者之比约3.2:1) and whose B names its amount with "
                   "a word between the noun both share (事业人员 in 事业编制人员, at most 2 letters between), both scripts; "
                   "约9:7, a:b:c, one amount, B naming two amounts, 4 letters between, two units: nothing",
    "occupied_and_labels": "shares whose part follows 占了/佔了/占去 with the share noun after it (歲出A,人事費就占了B,比率P%: "
                           "the one amount of the unit before), a whole right before 中 and the part's name (歲出A中人事費B), "
                           "相当于/相當於…的 naming the whole; compound labels (“五办三中心”) whose list follows 设置/設立/下设, "
                           "both scripts; two wholes, a prior year's, an open list (等): unverifiable",
    "restated_again": "restatements in more wordings: 前述/上述 N in a later sentence (前述41.6億元, 上述46个问题, 前述五千餘萬元經費) "
                      "of the one earlier amount of its value whose words hold the noun after it, or of three digits or more; "
                      "(N＝412)/n=1200 sample sizes of the one count naming a sample (有效問卷, 受访者); bounds never restating "
                      "a plan (力争, 目标) unless they name one; names without the verb before the amount (編列, 完成, 达到); "
                      "one digit, two candidates, two sample counts, no sample word: nothing",
    "full_pairs": "a 其中 whose two parts are named by both sides of a pair that splits a whole in full (經常門/資本門, "
                  "城镇/乡村, 男/女: the split form's pairs) lists the whole, rule sum; one side only, or two parts that are no "
                  "pair, stays parts_within (some of the whole)",
    "place_scope": "amounts of two places of one level (东坪县 and 西坪县, 甲镇 and 乙镇): a share's part and whole and a "
                   "restatement's two mentions are of one place, the place last named before each (not one a comparison "
                   "word leads; 全县 the county last named; 三县 none in particular); a fraction of another place "
                   "(不到甲县的一半) is the amount before it over that place's one amount of its unit; both scripts",
    "rate_wholes_and_verbs": "an amount written as the whole of a rate right after it (完成年度计划A的P%, 為預算數A之P%, 占全市A的P%) "
                             "is no total a later 其中 divides (the amount completed is); 达到X的N qualifies N (no share word), "
                             "and a verb rate's verb written apart (达到…标准 for 达标, 建设完成 for 建成) names its part; a whole "
                             "below its part, a part or whole not stated: nothing or unverifiable; a whole named by modifier and head "
                             "noun written apart (问题N个,涉及金额A … 占问题金额的), the one such amount; a 其中 opening a "
                             "sentence that states a count and an amount divides each by unit; two: unverifiable; both scripts",
    "proposal_readings": "shares bound to the whole they name that fail, and a total the same paragraph states (共分流N人, "
                         "合计N, 总数N, 共计N) that reconciles them: a tension (other_whole), never reproduced; no "
                         "reading from a total not so written, of another unit, year or paragraph, or smaller than the part",
    "title_bounds": "a title's bound (代表會刪減逾千萬元, 编制核减逾一成, 歲入近五億元; 逾千萬 without 元: nothing) restating the one "
                    "body amount or rate whose name ends with the title's words before it, of the bound's size, of its "
                    "year; two, none, another size or year, a first line ending a sentence: nothing; after a change "
                    "word (精簡逾一成) bound as changed_bounds",
    "changed_bounds": "a bound rate no other rule took (机构精简近四成, 收入增长逾一成, 財源比率不足兩成) restating the one rate "
                      "of another sentence named by the same last word whose ;-item names the bound's subject before it; "
                      "commas alone bind no subject (two rates after 收入: nothing), 非税收入 is not 税收收入, another "
                      "year, size or no such rate: nothing",
}


def _rows(topic: str) -> list[dict]:
    with (FIXTURES / f"claim_forms_{topic}.csv").open(encoding="utf-8", newline="") as f:
        return [dict(row, table=topic) for row in csv.DictReader(f)]


CASES = [row for topic in TABLES for row in _rows(topic)]
GRADED = [c for c in CASES if c.get("status")]


def _id(case: dict) -> str:
    return f"{case['table']}-{case['case']}"


def test_every_table_of_this_shape_is_listed():
    # a table left out would test nothing; the others in fixtures/ have tests of their own shape
    shaped = {p.name[len("claim_forms_"):-len(".csv")] for p in FIXTURES.glob("claim_forms_*.csv")
              if {"case", "text", "claimed", "rule", "inputs"} <= set(next(csv.reader(p.open(encoding="utf-8"))))}
    assert shaped == set(TABLES)


def _expected_inputs(cell: str) -> list[tuple[str, str]]:
    return [tuple(pair.split("=", 1)) for pair in cell.split(";")] if cell else []


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_finder_binds_each_claim_by_the_sentences_structure(case):
    text = case["text"]
    here = [row for row in find_claims(text, find_numbers(text)).to_dict("records") if row["claimed"] == case["claimed"]]
    if case["rule"] == "none":  # an input, not a claim: nothing is proposed at it
        assert here == []
        return
    assert here, f"nothing proposed at {case['claimed']}"
    rules = [row["rule"] for row in here]
    assert case["rule"] in rules, rules
    row = here[rules.index(case["rule"])]
    got = [(role, text[s:e]) for role, (s, e) in zip(row["roles"].split(), row["input_spans"])]
    assert got == _expected_inputs(case["inputs"])
    # a claim is proposed with one rule of these forms: never also checked another way at the same place
    assert len({r for r in rules if r != "unverifiable"}) <= 1, rules


@lru_cache(maxsize=1)
def _tables():
    from analysis.tables import load_tables

    return load_tables()


@pytest.mark.parametrize("case", GRADED, ids=_id)
def test_the_audit_grades_each_proposal_as_worked_out_by_hand(case):
    from analysis.extraction.onboarding import propose

    findings = propose(case["text"], None, "x", "sx", _tables()).findings
    here = [f for f in findings if f["claimed"] == case["claimed"] and f["rule"] == case["rule"]]
    assert here, [(f["claimed"], f["rule"]) for f in findings]
    assert here[0]["status"] == case["status"], here[0]["note"]
