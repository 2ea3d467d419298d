"""The one table of what is not data: numerals a report writes that state no quantity (years, sessions, slogans ...).

Each row names a kind, the reason ``find_numbers`` gives when it skips it, the pattern that finds it in a line,
the rule in words, and an example in each script: simplified (mainland usage) and traditional (Taiwan usage),
with the part skipped and, where the sentence has one, the number kept. data/DICTIONARY.md shows the table
(``not_data_markdown``, kept in step by a test); tests/test_not_data.py runs every example.

Patterns read a line *folded* to one spelling (:func:`fold`: traditional characters to simplified, full-width
forms to ASCII, one character for one, so offsets stay those of the line). A pattern's group ``skip``, when it
has one, is the part that is not data (the rest is context: the 人大 before 一次会议); otherwise the whole match
is. Rows are tried in order and an earlier row's span wins over a later one it overlaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A numeral: Arabic digits, or Chinese ones with their scales.
N = r"(?:\d+|[〇零一二两三四五六七八九十百千]+)"
CN_SMALL = r"[一二三四五六七八九十]{1,3}"  # a Chinese numeral up to 99 (months, days, list markers)
GY = r"(?<![\d.])(?<!\d,)(?:1[89]|20)\d\d(?!\d)"  # a Gregorian year in digits
ROC = r"(?:\d{2,3}|[〇零一二三四五六七八九十百]{1,5})"  # a year of the Republic (民国) in digits or words
_YEAR = rf"(?:{GY}|\d{{2,3}}|[〇零一二三四五六七八九十百]{{2,5}})"
_SPAN = rf"(?:{GY}\s*年?度?\s*[-—–~至到]\s*(?:{GY}\s*年?度?|\d\d\s*年度?)|{ROC}\s*年度\s*[-—–~至到]\s*{ROC}\s*年度|{GY}\s*年\s*[-—–~至到]\s*{GY}\s*年)"
# Words that make a duration of a number of years (not a year): 15年以上, 三十年来, 工作二十五年.
_DURATION_AFTER = r"(?!\s*(?:来|以来|多|余|以上|以下|内|之内|间|期间|左右|的时间|工龄|时间|之久|整))"


@dataclass(frozen=True)
class NotData:
    """One row: a kind of numeral that is not data."""

    kind: str
    reason: str  # what find_numbers says of it
    pattern: str  # on the folded line; group ``skip`` is the part not read as a number
    rule: str  # the rule in words, for data/DICTIONARY.md
    simplified: tuple[str, str, str]  # (sentence, the part skipped, a number kept or "")
    traditional: tuple[str, str, str]


TABLE = (
    NotData("page_marker", "page marker",
            r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[/,]?\s*共\s*\d{1,4}\s*页)?|\d{1,3})\s*$",
            "a line holding only a page number (- 3 -, 第3页, 3)",
            ("- 12 -", "- 12 -", ""), ("第12頁", "第12頁", "")),
    NotData("unit_header", "unit header",
            r"(?:金额|计量)?单位\s*:\s*(?:人民币|新台币)?\s*(?P<unit>(?:万亿|亿|万|千|百)?元|%|人次|人|个|户|吨|公顷|亩|㎡|平方米|公里|项|家)",
            "a table's header line naming the unit of the numbers under it (单位:万元): read as their unit, not a number",
            ("单位:万元", "单位:万元", ""), ("單位:新臺幣千元", "單位:新臺幣千元", "")),
    NotData("citation", "citation",
            r"\[\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*\]"
            rf"|\((?:[^()\d,]{{1,30}}[,\s]\s*)?{GY}[a-z]?\s*:\s*\d+(?:\s*[-–—~]\s*\d+)?\s*\)"
            rf"|\([^()\d,]{{1,30}}[,\s]\s*{GY}[a-z]?\)"
            r"|第?\s*(?<![\d.])\d+\s*[-–—~至]\s*\d+\s*页|(?<![A-Za-z])pp?\.\s*\d+(?:\s*[-–]\s*\d+)?"
            r"|(?<![\u4e00-\u9fff])页\s*\d+(?:\s*[-–—~至]\s*\d+)?",  # (页45-47); 网页3个 is a count of pages
            "a footnote or reference marker ([3]), an author-year citation with its pages ((2003:45-67)), a page range "
            "(第45-67页, (頁45-47))",
            ("据研究(2003:45-67)[3],全镇有农户1200户。", "(2003:45-67)", "1200户"),
            ("據研究(2003:45-67)[3],全鄉有農戶1200戶。", "(2003:45-67)", "1200戶")),
    NotData("document_number", "document number",
            rf"[〔\[【]\s*{GY}\s*[〕\]】]\s*(?:第\s*)?\d+\s*号|[〔【]\s*\d{{4,}}\s*号|[〔\[【]\s*{GY}\s*[〕\]】]"
            r"|〔[^〕\n]{0,8}〕(?:\s*第?\s*\d+\s*号)?"
            r"|第\s*\d+\s*号|(?<![月\d])\d+\s*号(?!\s*[楼院线])"
            r"|ISSN\s*:?\s*\d{4}\s*-\s*\d{3}[\dXx]|CN\s*\d{2}\s*-\s*\d{4}(?:/[A-Z]+)?",
            "a document, issue or serial number: 〔2019〕5号 (also garbled: 〔20*〕1号, 〔20195号), 字第12号, ISSN 1234-5678",
            ("根据《实施意见》(中办发〔2019〕5号),下放事项86项。", "〔2019〕5号", "86项"),
            ("依府授主字第1120012345號函,補助80萬元。", "第1120012345號", "80萬元")),
    NotData("code", "code",
            r"(?<![A-Za-z\d.])(?:[A-Za-z]+-?\d[A-Za-z\d]*|\d+(?!(?:m|km)[23](?![A-Za-z\d]))[A-Za-z]+\d[A-Za-z\d]*|\d+G)"
            r"(?:-[A-Za-z\d]+)*(?![A-Za-z\d])",
            "a code of letters and digits: a project or grant number (22BZZ045), a name (G20, 5G); 300m2 is an area",
            ("本文系国家社科基金项目(22BZZ045)成果,调查乡镇30个。", "22BZZ045", "30个"),
            ("本文係國科會計畫(NSC98-2410-H)成果,調查鄉鎮30個。", "NSC98-2410-H", "30個")),
    NotData("phone_number", "phone number",
            r"(?:电话|传真|热线|手机|联系方式|服务专线|专线|Tel|TEL|tel|Fax|FAX)\s*(?:号码)?\s*:?\s*\+?[\d(][\d()\s-]{5,18}\d"
            r"|(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)|(?<![\d-])\(0\d{1,3}\)\s*\d{6,8}(?!\d)|(?<![\d.])1[3-9]\d{9}(?!\d)",
            "a telephone or fax number",
            ("咨询电话:0571-87654321,受理时限3个工作日。", "电话:0571-87654321", "3个"),
            ("洽詢電話:(049)2222106,受理時限3個工作日。", "電話:(049)2222106", "3個")),
    NotData("postal_code", "postal code", r"(?:邮编|邮政编码|邮递区号)\s*:?\s*\d{3,6}",
            "a postal code after 邮编/郵遞區號",
            ("地址:某县人民路8号,邮编:311100。", "邮编:311100", ""), ("郵遞區號:540,服務據點12處。", "郵遞區號:540", "12處")),
    NotData("counter", "counter",
            r"(?:阅读|浏览|点击|访问|阅览|观看|播放)(?:次数|量|数|人次|人数)?\s*:\s*\d[\d,]*"
            r"|(?:阅读|浏览|点击|访问)(?:次数|量|人次)\s*\d[\d,]*|\d[\d,]*\s*(?:次|人)(?:阅读|浏览|点击|观看)",
            "a page's view or click counter (阅读次数:1234)",
            ("发布时间:2023年5月 阅读次数:1234", "阅读次数:1234", ""), ("瀏覽人次:5678 全鎮人口3萬人", "瀏覽人次:5678", "3萬人")),
    NotData("date", "date",
            rf"(?<![\d个])(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*(?:[12]?\d|3[01]|{CN_SMALL})\s*[日号]"
            r"|(?<![\d个.])(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*[-—–~至到]\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份|底|末)?"
            rf"|(?<![\d.])(?:{GY})[-/.](?:1[0-2]|0?[1-9])(?:[-/.](?:[12]\d|3[01]|0?[1-9]))?(?![\d.])"
            r"|(?<![\d个.第])(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份|底|初|中旬|上旬|下旬|末|中|起|以来)?(?![\d内])"
            r"|(?<![\d月.第个])(?:[12]?\d|3[01]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日(?!\s*(?:内|以内|之内|以上|以下|起算|制|游))"
            r"|(?:前|第|上|下)?[一二三四1-4]\s*季度"
            r"|(?<![至到-])(?:周|星期|礼拜)[一二三四五六日天](?!\s*[至到-]\s*(?:周|星期))"
            r"|(?<![\d.:\-—–~至到])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d.:])(?!\s*[-—–~至到])|(?<![\d.:])\d{1,2}\s*[时点]\s*\d{1,2}\s*分",
            "a date, month, day, quarter, weekday or time of day (10月18日, 十二日, 一季度, 周三, 8:30); the year of a date "
            "is a year",
            ("2024年10月18日召开会议,通过预算12亿元。", "10月18日", "12亿元"),
            ("一一四年十月二十三日達成目標,節省經費3億元。", "十月二十三日", "3億元")),
    NotData("decade", "decade or century",
            r"(?:\d{2}|\d{4}|[〇零一二三四五六七八九十]{2,4})\s*年代(?:初|末|中期|以来)?|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*世纪",
            "a decade or a century (90年代, 二十一世纪)",
            ("上世纪90年代,全县有乡镇30个。", "90年代", "30个"), ("二十一世紀以來,全縣新建學校5所。", "二十一世紀", "5所")),
    NotData("year_span", "year", _SPAN,
            "a span of years (2019—2021年, 103年度至107年度)",
            ("2019—2021年累计投入2亿元。", "2019—2021年", "2亿元"), ("103年度至107年度累計投入2億元。", "103年度至107年度", "2億元")),
    NotData("year", "year", rf"{GY}\s*年度?|20[x×X]{{2}}\s*年",
            "a Gregorian year in digits (2023年, 2023年度)",
            ("2023年全县财政收入12亿元。", "2023年", "12亿元"), ("2023年全縣財政收入12億元。", "2023年", "12億元")),
    NotData("year_by_digit", "year",
            r"(?<![〇零一二两三四五六七八九十百千万亿])[〇零一二三四五六七八九]{3,4}\s*年度?",
            "a year written digit by digit in Chinese numerals (二〇二三年; the ROC's 一一五年度)",
            ("二〇二三年全县新建道路12公里。", "二〇二三年", "12公里"), ("一一五年度歲入預算351億元。", "一一五年度", "351億元")),
    NotData("roc_fiscal_year", "year", rf"(?:民国\s*)?(?<![\d.]){ROC}\s*年度",
            "a fiscal year N年度 in digits or words (107年度, 九十三年度): a year, never a count of years",
            ("九十三年度预算编列3亿元。", "九十三年度", "3亿元"), ("九十三年度預算編列3億元。", "九十三年度", "3億元")),
    NotData("roc_year", "year",
            rf"民国\s*{ROC}\s*年|(?<![\d.])1[0-4]\d\s*年{_DURATION_AFTER}"
            rf"|(?<![\d.])\d{{2,3}}\s*年(?=\s*(?:1[0-2]|0?[1-9])\s*月)|(?<![〇零一二两三四五六七八九十百])[二三四五六七八九]?十[一二三四五六七八九]?\s*年(?=\s*(?:十[一二]?|[一二三四五六七八九])\s*月)"
            rf"|(?<![〇零一二两三四五六七八九十百千万亿\d])(?:[二三四五六七八九]十[一二三四五六七八九]?|一百(?:[〇零][一二三四五六七八九]|一十?[一二三四五六七八九]?|[二三四]十[一二三四五六七八九]?))\s*年{_DURATION_AFTER}(?!\s*[计规行])",
            "a year of the Republic (民国, ROC): 民国93年, 113年, 九十三年 (a duration of as many years would be rare)",
            ("九十三年起,补助提高到每人3000元。", "九十三年", "3000元"), ("民國九十三年補助每人3000元。", "民國九十三年", "3000元")),
    NotData("half_year", "year", r"[上下前后]半年度?",
            "a half of a year (上半年, 下半年; 半年 is not half a year here)",
            ("2023年下半年新增企业15家。", "下半年", "15家"), ("2023年下半年新增企業15家。", "下半年", "15家")),
    NotData("year_before", "year", r"上一(?:年度?|个年度)|前一年",
            "the year before (上一年): a period, not a count",
            ("与上一年相比,全县人口增加300人。", "上一年", "300人"), ("與上一年相比,全縣人口增加300人。", "上一年", "300人")),
    NotData("session", "session number",
            r"(?<!连续)(?<!连任)(?:第\s*)?(?:\d+|[一二三四五六七八九十百]+)\s*届"
            r"|(?<=届)\s*(?:\d+|[一二三四五六七八九十]+)\s*(?:次全会|次全体会议|次会议|次大会)"
            r"|[一二三四五六七八九十]+中全会"
            r"|第\s*(?:\d+|[一二三四五六七八九十百]+)\s*次(?:全体|常务|常委|党委|代表|主任|定期|临时)?(?:会议|大会|全会|会)"
            r"|(?:人大|大会|政协|常委会|党代会|职代会|委员会)\s*(?P<skip>(?:\d+|[一二三四五六七八九十]+)\s*次(?:全体|定期|临时)?(?:会议|大会|全会))"
            r"|党的\s*(?P<skip2>[一二三四五六七八九十]{1,3}大)|(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大(?=精神|报告|会议|代表|召开|以来|胜利|开幕|闭幕|为|的|上|后|期间|提出|强调|部署|作出|确立|明确|指出|和|、|,|。|”|$)"
            r"|[一二三]读(?=通过|程序|会|审议|时|后|前|[,。;、]|$)|[全省市县区]?两会",
            "a congress, plenum, session or meeting number, or a reading of a bill (十八届三中全会, 第二十四次会议, 二十大, 三读)",
            ("十八届三中全会以来,全镇精简机构6个。", "三中全会", "6个"), ("縣議會第二十屆第六次定期會議三讀通過預算12億元。", "第二十屆", "12億元")),
    NotData("plan_name", "plan or slogan name",
            r"十[一二三四五六七八九]五(?![\d个项名万亿元%])"
            r"|(?P<skip>(?:\d+|[一二三四五六七八九十百]+)\s*年)(?:发展|建设|工作|行动|攻坚)?(?:计划|计画|规划|纲要|行动|攻坚)",
            "a plan named by its number or length (十四五, 三年行动计划, 十年计画)",
            ("“十四五”期间,全县新建学校8所。", "十四五", "8所"), ("長照十年計畫投入經費5億元。", "十年", "5億元")),
    NotData("slogan_quoted", "plan or slogan name",
            r"(?<!简称)(?<!简称为)(?<!即)[“\"「『‘]"
            r"(?!(?:[一二两三四五六七八九十]+个?(?:中心|[办室厅站所委局队校馆院组科股部]))+[”\"」』’])"
            r"(?P<skip>[^”\"」』’,。;:]{0,10}?[一二两三四五六七八九十百千万][^”\"」』’,。;:]{0,10}?)[”\"」』’]"
            r"(?![^,。;:(]{0,4}(?:\(|:|,|即|包括|是指|指的是|分别是|分别为)[^。;]{0,60}?、)",
            "a counted name in quotation marks whose members are not listed right after it (“两学一做”, “五水共治”); "
            "“三要”(要钱、要粮、要命) lists its members and is a count, and so is a name that counts bodies (“七站八所”)",
            ("开展“两学一做”学习教育,参加党员320人。", "两学一做", "320人"), ("推動「三大主軸、十大願景」,投入5億元。", "三大主軸、十大願景", "5億元")),
    NotData("slogan", "plan or slogan name",
            r"两学一做|三严三实|四个全面|五位一体|四位一体|四个意识|四个自信|两个维护|两个确立|三会一课|八项规定|四风|一带一路|三农"
            r"|最多跑一次|放管服|五水共治|三改一拆|两不愁三保障|三去一降一补|一网通办|一件事一次办|一窗受理|一站式|一条龙|一张网"
            r"|一号文件|三重一大|一岗双责|一票否决|一村一品|一镇一策|一村一策|一事一议|四好农村路",
            "a policy slogan named by numbers, quoted or not (两学一做, 八项规定, 一网通办)",
            ("贯彻八项规定,全年精简会议12次。", "八项规定", "12次"), ("落實一站式服務,設置窗口6個。", "一站式", "6個")),
    NotData("age_bracket", "age bracket",
            r"(?:年满|未满|不满|满|年龄在?)?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*周?岁\s*(?:及|或)?\s*(?:以上|以下|以内|之间)"
            r"|(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*周?岁?\s*[-—~至到]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*周?岁"
            r"|(?:年满|未满|不满|满)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*周?岁|(?<!\d)(?:[5-9]0|00)后",
            "an age bracket (60岁以上, 18-35岁, 年满18周岁, 80后): the people counted are data, the bracket is not",
            ("全县60岁以上老人3.2万人。", "60岁以上", "3.2万人"), ("全縣65歲以上長者1.2萬人。", "65歲以上", "1.2萬人")),
    NotData("span_length", "time span",
            rf"{_SPAN}\s*(?:连续|这|共|近)?\s*(?P<skip>(?:\d+|[一二两三四五六七八九十]+)\s*年)(?!度)",
            "the number of years of a span just named (2014至2018年连续五年): it restates the span",
            ("2014至2018年连续五年财政收入增长,累计35亿元。", "五年", "35亿元"),
            ("103年度至107年度連續五年有賸餘,累計66億元。", "五年", "66億元")),
    NotData("rate_basis", "rate basis",
            r"(?<![\d一二两三四五六七八九十百千万.])(?P<skip>一\s*(?:年|个月|月|天|日|周|个星期|季度))"
            r"(?=\s*(?:(?:约|大约|平均|可|需|能|要|就|共|合计|达|为|能够|可以|只|仅)[^\d,。;:内]{0,4})?\s*(?:\d|[二两三四五六七八九十百千]))",
            "the 一年 of 一年约20万元: the period a rate is counted over, not a count",
            ("每户一年约2万元。", "一年", "约2万元"), ("每戶一年約2萬元。", "一年", "約2萬元")),
    NotData("change_span", "time span",
            r"(?<![\d一二两三四五六七八九十百千万.第满])(?P<skip>(?:\d+|[一二两三四五六七八九十]+)\s*(?:年|个月|天))(?:之间|间|来|里|中)?"
            r"(?=[^\d,。;:、]{0,4}?(?:增加|增长|减少|下降|提高|降低|上升|缩减|扩大|少了|多了|少(?=[\d一二两三四五六七八九十半])))",
            "the length of time a change is counted over (十年少了2,614人, 一年增加6.7%): not a count",
            ("全镇人口十年少了2614人,降幅20.9%。", "十年", "2614人"), ("舉債比率一年增加6.7%。", "一年", "6.7%")),
    NotData("per_base", "rate basis",
            r"每\s*(?:百|千|万|十万)\s*(?:名|人|户|个|元|平方公里)?",
            "the base a rate is counted per (每百名工作年龄人口扶养66人, 每万人拥有医生3名): not a count",
            ("每万人拥有医生3名。", "每万人", "3名"), ("每百名工作年齡人口扶養66人。", "每百名", "66人")),
    NotData("relative_period", "relative period",
            r"(?:最近|过去|以往|未来|今后|近|这|头)\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:年|个月|天|日|周|个星期)(?:来|以来|中|里)?"
            r"|(?<![\d一二两三四五六七八九十百千万.])(?:\d+|[一二两三四五六七八九十]+)\s*(?:年|个月)(?:来|以来)"
            r"|(?:今明|明后|昨今)\s*(?:两|二|三)\s*(?:天|日|年)"
            r"|(?<![\d一二两三四五六七八九十百千万.])(?:\d+|[一二两三四五六七八九十]+)\s*(?:年|个月|天|日|周|个星期)前(?![期列])",
            "a period counted from now (近三年来, 十年来, 未来四年, 明后两天, 五年前)",
            ("近三年来,全镇引进项目15个。", "近三年来", "15个"), ("明後兩天降雨量約30毫米。", "明後兩天", "")),
    NotData("unnamed_speaker", "set phrase",
            r"(?P<skip>一(?:位|名|个))(?=[^\d,.;:、!?\"“”「」]{1,8}?(?:坦言|表示|说|指出|透露|告诉|感叹|坦承|直言|笑称|回忆|认为|称))",
            "one person named by role and quoted (一位镇干部坦言, 一名村民说): an article, not a count of people",
            ("一位镇干部坦言,全镇干部只有86人。", "一位", "86人"), ("一位鎮幹部坦言,全鎮幹部只有86人。", "一位", "86人")),
    NotData("set_phrase", "set phrase",
            r"近年来|千差万别|百年变局|百年未有之大变局|团结一心|一心一意|万众一心|三心二意|一成不变|三五成群|十全十美|五湖四海|九牛一毛|五花八门"
            r"|七嘴八舌|四通八达|万无一失|一丝不苟|一以贯之|一如既往|千方百计|三令五申|四面八方|七上八下|千家万户|千千万万|三番五次"
            r"|一清二楚|接二连三|一五一十|一年四季|一目了然|一张蓝图|一盘棋|一本账|一揽子|一刀切|一言堂|一竿子|一抓到底|一系列|一项项"
            r"|零售|零基|零星|零散|零碎|零部件|零件|零距离|零容忍|零钱|零工|三次产业|下一步|进一步|第一时间|一把手|一体化|一方面"
            r"|统一|单一|唯一|同一|划一|逐一|专一|初一|一一|一般|一些|一切|一起|一直|一定|一致|一样|一律|一旦|一同|一再|一向|一度|一味"
            r"|一边|一番|一贯|一概|一道|一批|一代|一心|一手|一段|一时|一环|一大|一窗|一门|一级|一并|一流|一线|一体|一步|一举|一路|一行"
            r"|一带|一方|一员|一分子|一部分|万一|十分|十足|百姓|百强|十佳|两岸|千万(?=[要别不])",
            "words and idioms that hold a numeral but state no number (一般, 统一, 近年来, 百年变局, 零售, 下一步)",
            ("进一步统一思想,全年培训干部300人次。", "进一步", "300人次"), ("一般公共預算收入12億元。", "一般", "12億元")),
    NotData("place_name_listed", "place name",
            r"(?:三门峡|三峡|七台河|十堰|六安|六盘水|三亚|三明|三沙|九江|万州|万宁|五指山|四平|四会|二连浩特|五常|五家渠|七星关|九龙坡"
            r"|九寨沟|五台|五莲|三河|三台|四川|八宿|千岛湖|百色|万荣|万年|万安|万源|千阳|三都|五华|六合|七里河|九台|三原|五峰|八公山"
            r"|三江|五大连池|三江源|五结|三星|三芝|三重|三义|二水|二仑|七股|六甲|六脚|六龟|九如|八里|八德|四湖|三地门|万丹|万峦|万里|万华"
            r"|七堵|二林|五股|八卦山|十分寮|三民|四维)(?:市|县|区|乡|镇|村)?",
            "a place whose name holds a numeral (三峡, 四川, 七台河; Taiwan's 五結, 萬丹)",
            ("三峡库区移民补助资金500万元。", "三峡", "500万元"), ("宜蘭縣五結鄉人口4萬人。", "五結鄉", "4萬人")),
    NotData("place_name", "place name",
            r"(?<![\d一二两三四五六七八九十百千万个])(?P<skip>[一二三四五六七八九十百千万]"
            r"(?:(?![个大小类级等批所座家名位项条户人口年月日天次届件部台辆处股室站办委局队组片多余及和与线手县区市乡镇村街里的之分成])[\u4e00-\u9fff]){1,2}"
            r"(?:市(?!场|值|民)|县|区(?!域|别|分)|乡|镇|村(?!民|委|级)|街道))",
            "a numeral, one or two more characters and a place suffix (四会市, 五结乡): a name; "
            "a numeral right before the suffix (六县区, 两乡镇) is a count, and so is a fraction before it (三分之二的乡镇, 七成的村)",
            ("四会市今年新增就业岗位2000个。", "四会市", "2000个"), ("七台河市今年新增就業崗位2000個。", "七台河市", "2000個")),
    NotData("class_label", "ordinal",
            r"(?:划为|列为|属于|定为|评为|归为|确定为|划入)\s*(?P<skip>(?:\d+|[一二三四五六七八九十])\s*类)"
            r"|(?<!分为)(?<!分成)(?<!共)(?P<skip2>(?:\d+|[一二三四五六七八九十])\s*类)(?=乡镇|镇|乡|街道|地区|县|市|区|村|社区|城市|地方|人员|企业|学校|医院|事项)"
            r"|[一二三四五]级(?=调研员|主任科员|科员|巡视员|医院|公路|建筑|响应|预警|风险|保护|文物|指标|标准|教师|法官|警)",
            "a class or grade label (一类乡镇, 划为二类, 三级医院); 分为三类 is a count",
            ("全县有一类乡镇5个。", "一类", "5个"), ("本縣列為一類鄉鎮者5個。", "一類", "5個")),
    NotData("rank", "ordinal",
            r"(?:居|列|排|排名|位居|分居|名列|位列|排在|居于)\s*(?:第\s*)?(?P<skip>(?:\d+|[一二三四五六七八九十]+)(?:\s*[至到-]\s*(?:\d+|[一二三四五六七八九十]+))?\s*[名位])"
            r"|(?:排名|排在|位列|进入|跻身|位居|居)\s*(?P<skip2>前\s*(?:\d+|[一二三四五六七八九十百]+)\s*(?:名|位|强)?)",
            "a rank (分居1至4名, 排名前十)",
            ("四项支出分居1至4名,合计5亿元。", "1至4名", "5亿元"), ("四項支出分居1至4名,合計5億元。", "1至4名", "5億元")),
    NotData("table_number", "ordinal", r"(?:(?<![\u4e00-\u9fff])|(?<=[见如由据依从参照]))(?:附表|附件|附图|表|图)\s*\d+(?:\s*[-.]\s*\d+)?(?![\d.])",
            "the number of a table, figure or annex (表1, 见附件2, 由表4-2可知), not the 表 of 代表600人",
            ("表1 全县财政收入12亿元", "表1", "12亿元"), ("附表2 歲入預算12億元", "附表2", "12億元")),
    NotData("article_number", "article number", rf"第\s*{N}\s*(?:条|款|章|节)",
            "an article, clause, chapter or section number (第六条)",
            ("依预算法第六条,收支平衡,预算总额12亿元。", "第六条", "12亿元"), ("依預算法第六條,收支平衡,預算總額12億元。", "第六條", "12億元")),
    NotData("ordinal", "ordinal",
            rf"第\s*{N}(?:\s*[-—至到、]\s*{N})?"
            r"|(?:^|(?<=[。;:(\s,!?]))(?P<skip>[一二三四五六七八九十]+)(?=是)|其[一二三四五六七八九十]+(?=[,:是])",
            "an ordinal (第三, 第一产业, 第3名) or an enumeration (一是, 其二)",
            ("第一产业增加值22亿元。", "第一", "22亿元"), ("一是財力不足,缺口3億元。", "一", "3億元")),
    NotData("list_marker", "list marker",
            rf"^\s*(?:\(\s*(?:\d{{1,2}}|{CN_SMALL})\s*\)\s*[、.]?|(?:\d{{1,2}}|{CN_SMALL})\s*\)?\s*[、.](?!\d))"
            rf"|\(\s*(?:\d{{1,2}}|{CN_SMALL})\s*\)"
            rf"|(?<=[。;:!?\s])\s*(?:\d{{1,2}}|{CN_SMALL})\s*[、.](?!\d)",
            "a list marker (一、 (一) 1. (1))",
            ("(一)全镇新建道路12公里。", "(一)", "12公里"), ("二、全鎮新建道路12公里。", "二、", "12公里")),
)

REASONS = tuple(dict.fromkeys(row.reason for row in TABLE))
# The characters a match of the costliest rows can begin with: a look at one character rules out most places of a line.
_FIRST = {"date": r"[\d〇零一二三四五六七八九十前第上下周星礼]", "age_bracket": r"[\d一二三四五六七八九十年未不满]",
          "year_span": r"[\d〇零一二三四五六七八九十百]", "span_length": r"[\d〇零一二三四五六七八九十百]",
          "decade": r"[\d〇零一二三四五六七八九十]", "roc_year": r"[民\d一二三四五六七八九十]", "roc_fiscal_year": r"[民\d〇零一二三四五六七八九十百]",
          "relative_period": r"[最过以未今近这头\d一二两三四五六七八九十明昨]",
          "session": r"[\d一二三四五六七八九十百第人大政常党职委全省市县区两]"}
_COMPILED = tuple((row, re.compile(f"(?={_FIRST[row.kind]})(?:{row.pattern})" if row.kind in _FIRST else row.pattern))
                  for row in TABLE)
UNIT_HEADER = next(pattern for row, pattern in _COMPILED if row.kind == "unit_header")
_YEAR_ROWS = _COMPILED[:max(i for i, (row, _) in enumerate(_COMPILED) if row.reason in ("year", "date")) + 1]


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Traditional characters to simplified (OpenCC's character table, first choice) and full-width forms to ASCII:
    each one character for one, so a folded line keeps the offsets of the line."""
    from pathlib import Path

    import opencc

    table: dict[int, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for entry in path.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = entry.partition("\t")
        first = simplified.split(" ")[0]
        if len(traditional) == 1 and len(first) == 1 and traditional != first:
            table[ord(traditional)] = first
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII: ０ -> 0, ％ -> %, （ -> (, ： -> :
        table[code] = chr(code - 0xFEE0)
    table.update({0x3000: " ", 0x2212: "-", 0x30FB: "·", 0x3007: "〇"})
    return table


def fold(text: str) -> str:
    """``text`` in one spelling, character for character: traditional to simplified, full-width to ASCII.

    >>> fold("歲入１０７億元（餘）")
    '岁入107亿元(余)'
    """
    return text.translate(_fold_table())


def spans(folded: str, years_only: bool = False) -> list[tuple[int, int, NotData]]:
    """The parts of a folded line that are not data, each with its row, in order; an earlier row wins an overlap.
    ``years_only``: only the rows up to the last that finds a year or a date (what the year of later lines needs).

    >>> [(folded[a:b], row.reason) for folded in ["2023年全县有乡镇12个"] for a, b, row in spans(folded)]
    [('2023年', 'year')]
    """
    taken = bytearray(len(folded))
    found = []
    for row, pattern in _YEAR_ROWS if years_only else _COMPILED:
        for m in pattern.finditer(folded):
            group = next((g for g in ("skip", "skip2") if g in pattern.groupindex and m.group(g) is not None), None)
            start, end = m.span(group) if group else m.span()
            # spaces around a match are not part of what is skipped
            while start < end and folded[start].isspace():
                start += 1
            while end > start and folded[end - 1].isspace():
                end -= 1
            if end <= start or taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            found.append((start, end, row))
    return sorted(found, key=lambda s: s[0])


_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def year_value(written: str) -> int | None:
    """The number a year is written with (2023, 107, 93, 115), digits or Chinese numerals; None if there is none.

    >>> [year_value(w) for w in ("2023年", "一一五年度", "九十三年度", "二〇二三年", "一百零七年")]
    [2023, 115, 93, 2023, 107]
    """
    m = re.search(r"\d+|[〇零一二三四五六七八九十百]+", fold(written))
    if not m:
        return None
    token = m.group()
    if token.isdigit():
        return int(token)
    if not re.search("[十百]", token):  # digit by digit: 一一五, 二〇二三
        return int("".join(str(_CN_DIGIT[c]) for c in token))
    from analysis.numbers import chinese_or_arabic

    return int(chinese_or_arabic(token.replace("〇", "零")))


def gregorian(written: str) -> tuple[int, int] | None:
    """The Gregorian years a year or a span of years names: (2018, 2018) for 107年度, (2019, 2021) for 2019—2021年.

    A year under 1000 is a year of the Republic (民国 1 = 1912). None when ``written`` names no year.

    >>> gregorian("107年度"), gregorian("九十三年"), gregorian("2019—2021年"), gregorian("103年度至107年度")
    ((2018, 2018), (2004, 2004), (2019, 2021), (2014, 2018))
    """
    parts = re.split(r"\s*[-—–~至到]\s*", fold(written))
    years = []
    for part in parts:
        value = year_value(part)
        if value is None:
            return None
        if value < 100 and years and years[0] >= 1000:  # 2019-21年
            value += years[0] // 100 * 100
        years.append(value + 1911 if value < 1000 else value)
    return years[0], years[-1]


def not_data_markdown() -> str:
    """The table as data/DICTIONARY.md shows it."""
    lines = ["| kind | reason | what it is | simplified | traditional |", "|---|---|---|---|---|"]
    for row in TABLE:
        examples = []
        for sentence, skipped, kept in (row.simplified, row.traditional):
            examples.append(f"{sentence} → {skipped}" + (f" (kept: {kept})" if kept else ""))
        lines.append(f"| {row.kind} | {row.reason} | {row.rule.replace('|', '/')} | {examples[0]} | {examples[1]} |")
    return "\n".join(lines)
