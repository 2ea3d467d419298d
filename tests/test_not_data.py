"""What is not data: the table's own examples in both scripts, and sentences written for these tests (mainland and
Taiwan usage) where a numeral states no quantity, next to ones where it does."""

import pytest

from analysis.extraction.candidates import find_numbers
from analysis.extraction.not_data import TABLE, fold, gregorian, not_data_markdown
from analysis.paths import DATA_DIR


def _rows(text):
    rows = find_numbers(text, keep_skipped=True)
    return rows[rows["skipped"] != ""], rows[rows["skipped"] == ""]


def _skipped(text):
    skipped, _ = _rows(text)
    return dict(zip(skipped["as_written"], skipped["skipped"]))


def _kept(text):
    return list(_rows(text)[1]["as_written"])


@pytest.mark.parametrize("row, script", [(row, script) for row in TABLE for script in ("simplified", "traditional")],
                         ids=lambda x: x if isinstance(x, str) else x.kind)
def test_every_rows_examples_skip_their_part_with_its_reason_and_keep_the_number(row, script):
    sentence, part, kept = getattr(row, script)
    assert _skipped(sentence).get(part) == row.reason
    if kept:
        assert kept in _kept(sentence)


@pytest.mark.parametrize("row", TABLE, ids=lambda r: r.kind)
def test_the_traditional_examples_are_written_in_traditional_characters_or_digits(row):
    sentence, _, _ = row.traditional
    simplified, _, _ = row.simplified
    # a traditional example folds to another spelling, or it is only digits and symbols both scripts share
    assert fold(sentence) != sentence or sentence == simplified


def test_dictionary_shows_the_table_the_code_uses():
    assert not_data_markdown() in (DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")


def test_fold_keeps_every_offset():
    text = "歲入１０７億元（餘絀數）「三讀」"
    assert len(fold(text)) == len(text) and fold(text) == "岁入107亿元(余绌数)「三读」"


@pytest.mark.parametrize(
    "sentence, part, reason",
    [
        # years of the Republic (民国) in digits and in words, and fiscal years
        ("九十三年度本鄉補助經費200萬元。", "九十三年度", "year"),
        ("九十三年本乡补助经费200万元。", "九十三年", "year"),
        ("一一五年度總預算12億元。", "一一五年度", "year"),
        ("107年度歲出決算數390億元。", "107年度", "year"),
        ("民國93年補助200萬元。", "民國93年", "year"),
        ("二〇二三年全县生产总值86亿元。", "二〇二三年", "year"),
        ("2023年度全县财政收入12亿元。", "2023年度", "year"),
        ("2023年下半年新增就业300人。", "下半年", "year"),   # not 半年 of 下半年
        ("二十世纪九十年代全县有乡镇30个。", "九十年代", "decade or century"),
        # dates, weekdays and quarters
        ("於十二日審議通過預算。", "十二日", "date"),
        ("截至9月底,全镇完成投资3亿元。", "9月底", "date"),
        ("每周三下午集中办公,接待群众50人次。", "周三", "date"),
        ("一季度全县税收增长8%。", "一季度", "date"),
        # sessions, plenums, congresses and readings of a bill
        ("十八届三中全会以来,全镇精简机构6个。", "十八届", "session number"),
        ("党的二十大以来,全县新增企业120家。", "二十大", "session number"),
        ("学习贯彻十九大精神,全镇培训干部200人次。", "十九大", "session number"),
        ("县人大常委会第二十四次会议审议通过。", "第二十四次会议", "session number"),
        ("鎮四屆人大一次會議批准預算。", "一次會議", "session number"),
        ("該條例於立法院一讀通過。", "一讀", "session number"),
        # slogans and counted names without their members
        ("深入开展“两学一做”学习教育,参加党员320人。", "两学一做", "plan or slogan name"),
        ("全面推进“五水共治”,新建污水管网45公里。", "五水共治", "plan or slogan name"),
        ("推動「三大主軸、十大願景」政見,投入5億元。", "三大主軸、十大願景", "plan or slogan name"),
        ("两学一做学习教育常态化。", "两学一做", "plan or slogan name"),
        ("“十四五”时期全县新建学校8所。", "十四五", "plan or slogan name"),
        # age brackets, citations, documents, counters, phones
        ("全县60岁以上老人3.2万人。", "60岁以上", "age bracket"),
        ("招聘18-35岁人员12名。", "18-35岁", "age bracket"),
        ("研究表明(2003:45-67)[3],全镇有农户1200户。", "[3]", "citation"),
        ("据《关于推进乡镇改革的意见》(国发〔2020〕10号),下放事项86项。", "〔2020〕10号", "document number"),
        ("浏览次数:1234 本镇常住人口3万人。", "浏览次数:1234", "counter"),
        ("联系电话:0571-87654321。", "电话:0571-87654321", "phone number"),
        # places named with numerals, set phrases, relative periods, rate bases, ranks
        ("宜蘭縣五結鄉人口4萬人。", "五結鄉", "place name"),
        ("四会市新增就业岗位2000个。", "四会市", "place name"),
        ("七台河市新增企业15家。", "七台河市", "place name"),
        ("三峡库区移民资金500万元。", "三峡", "place name"),
        ("明後兩天降雨機率70%。", "明後兩天", "relative period"),
        ("近年来全镇新建道路12公里。", "近年来", "set phrase"),
        ("面对百年变局,全县引进项目15个。", "百年变局", "set phrase"),
        ("每戶一年約2萬元。", "一年", "rate basis"),
        ("全县排名前十,得分92分。", "前十", "ordinal"),
        ("二类乡镇每个定编30人。", "二类", "ordinal"),
        ("第一产业增加值22.81亿元。", "第一", "ordinal"),
        ("2023年1—6月,全市工业增加值增长4.2%。", "1—6月", "date"),
        ("發布日期:2023-05-12", "2023-05-12", "date"),
        ("預估一年約需經費2,400萬元。", "一年", "rate basis"),
        ("本文系国家社科基金项目(22BZZ045)阶段性成果。", "22BZZ045", "code"),
        ("該鄉自九十八年起推動觀光,十年來累計吸引遊客逾百萬人次。", "十年來", "relative period"),
        ("未来四年将投入5千万元改善排水。", "未来四年", "relative period"),
        ("根据《通知》(综改〔20*〕1号)精神,以人口等三项指标分类。", "〔20*〕1号", "document number"),  # garbled year
        ("由于乡镇情况千差万别,工作重心各不相同。", "千差万别", "set phrase"),
        ("一名村民告诉记者,村里只有3名医生。", "一名", "set phrase"),   # one person quoted: an article
        ("一個受訪的里長也表示,人手嚴重不足。", "一個", "set phrase"),
        # a time counted back from now, and a page range without 第 (written for these tests)
        ("比五年前同類調查上升近8個百分點。", "五年前", "relative period"),
        ("与十年前相比,全镇常住人口减少1200人。", "十年前", "relative period"),
        ("三个月前新登记个体工商户15家。", "三个月前", "relative period"),
        ("約有三成屬村里設施(頁45-47)[2]。", "頁45-47", "citation"),
        ("详见该书12-15页,全县乡镇18个。", "12-15页", "citation"),
        ("见(页88)的附表,受访干部240人。", "页88", "citation"),
        # the length of time a change is counted over, a per-hundred base, a table cited after 由/据
        ("全乡人口十年少了2,614人。", "十年", "time span"),
        ("舉債比率一年增加6.7%。", "一年", "time span"),
        ("两年之间减少120人。", "两年", "time span"),
        ("三個月下降了5.2%。", "三個月", "time span"),
        ("每百名工作年齡人口要扶養66人。", "每百名", "rate basis"),
        ("每万人拥有执业医师3名。", "每万人", "rate basis"),
        ("由表4-2可知,样本协会96个。", "表4-2", "ordinal"),
        ("據表3所列,受訪者240人。", "表3", "ordinal"),
    ],
)
def test_numerals_that_state_no_quantity_are_skipped_with_their_reason(sentence, part, reason):
    assert _skipped(sentence).get(part) == reason


@pytest.mark.parametrize(
    "sentence, numbers",
    [
        # the same words where they do count something
        ("坚持“三要”(要钱、要粮、要命)。", ["三要"]),                  # a slogan whose members are listed: a count
        ("“两负责”即向上对领导负责、向下对群众负责。", ["两负责"]),
        ("仍按“七站八所”的机构模式运转。", ["七站", "八所"]),            # a name that counts bodies
        ("六县区乡镇共有党政内设机构251个。", ["六县区", "251个"]),      # a numeral right before the place suffix
        ("全县两乡镇合并为一个镇。", ["两乡镇", "一个"]),
        ("全县乡镇分为三类,一类乡镇12个。", ["三类", "12个"]),          # 分为三类 is a count; 一类 a class label
        ("全县60岁以上老人3.2万人,平均年龄68岁。", ["3.2万人", "68岁"]),  # the people counted and an average age
        ("确保乡镇编制5年内只减不增,15年以上的干部轮岗。", ["5年内", "15年以上"]),  # durations, not years
        ("審議後一年內完成,補助30萬元。", ["一年內", "30萬元"]),  # a deadline, not the 一年 of a rate
        ("县里下放权限120项,其中已承接90项。", ["120项", "90项"]),
        ("人口12 345人,其中男性6 200人。", ["12 345人", "6 200人"]),
        ("出生率3‰,增长-4.3%,负增长2%。", ["3‰", "-4.3%", "负增长2%"]),
        ("预算3千2百万元,补助八万五千元,合计1兆2,000亿元。", ["3千2百万元", "八万五千元", "1兆2,000亿元"]),
        ("五成以上的村,7成农户,未及半數的鄉鎮,過半數的村里。", ["五成以上", "7成", "未及半數", "過半數"]),
        ("医疗保健类价格上涨1·8%,教育类上涨4.2％。", ["1·8%", "4.2％"]),
        ("首次突破4百億元大關。", ["突破4百億元"]),
        ("「零負債」目標達成,經濟發展支出倍增。", ["零負債", "倍增"]),
        ("一年內完成3項,文化站面積300m2。", ["一年內", "3項", "300m2"]),  # a deadline; an area, not a code
        ("113年度第1次追加預算共1億2千萬元,其中7成用於道路。", ["1億2千萬元", "7成"]),
        ("全縣12鄉鎮市中有半數以上財源不足,自籌比率僅約三成。", ["12鄉鎮", "半數以上", "約三成"]),
        # fractions: before a place word they count it (not 二的乡, a place name); digits only by a share word
        ("全镇30个村中,超过三分之二的村已完成改制,约占2/3。", ["30个", "超过三分之二", "2/3"]),
        ("全縣逾半鄉鎮、七成的村、2/3以上的里已設服務站。", ["逾半", "七成", "2/3以上"]),
        ("自籌比率由七成五降至六成二。", ["七成五", "六成二"]),
        ("全镇有一名干部被处分,另有3人被约谈。", ["一名", "3人"]),     # counted people, nobody quoted
        ("全镇大约有1200户,約有三成外出务工;节约有关经费300万元。", ["大约有1200户", "約有三成", "300万元"]),
        ("提前5天完成,印制宣传页3000张,网页3个。", ["5天", "3000张", "3个"]),  # 页 in a word: no page number
        ("前期投入3年,五年前后变化不大。", ["3年"]),
        ("工作满3年增加工资200元,3年累计投资5亿元,第一年增加3人。", ["3年", "200元", "3年", "5亿元", "3人"]),
        ("代表600人,每户平均2.33人,百名干部下乡。", ["600人", "2.33人", "百名"]),
        ("一位鎮長、兩位課長出席,共3人。", ["一位", "兩位", "3人"]),
        ("全年接待游客120万人次,旅游收入9.8亿元,同比分别增长15.2%和18.7%。",
         ["120万人次", "9.8亿元", "15.2%", "18.7%"]),
    ],
)
def test_numbers_stated_are_kept(sentence, numbers):
    assert _kept(sentence) == numbers


def test_a_digit_fraction_needs_a_share_word_by_it():
    # 3/5 with no share word or qualifier by it (a date, a score) is not read as 60%
    assert not {"3/5", "于3/5"} & set(_kept("会议于3/5召开,到会代表120人。"))
    assert "3/5" in _kept("到会代表占3/5。")


@pytest.mark.parametrize(
    "written, years",
    [
        ("107年度", (2018, 2018)), ("九十三年度", (2004, 2004)), ("一一五年度", (2026, 2026)), ("民國93年", (2004, 2004)),
        ("2022年", (2022, 2022)), ("二〇二三年", (2023, 2023)), ("2019—2021年", (2019, 2021)), ("2019-21年", (2019, 2021)),
        ("103年度至107年度", (2014, 2018)),
    ],
)
def test_gregorian_years(written, years):
    assert gregorian(written) == years


WIDE = str.maketrans({",": "，", ":": "：", "(": "（", ")": "）", ";": "；", "%": "％"})


@pytest.mark.parametrize("row", TABLE, ids=lambda r: r.kind)
def test_full_width_punctuation_reads_as_ascii_does(row):
    """Real texts mix ASCII and full-width punctuation: the examples give the same rows either way."""
    for sentence, _, _ in (row.simplified, row.traditional):
        ascii_rows = find_numbers(sentence, keep_skipped=True)[["start", "end", "skipped", "value"]]
        wide_rows = find_numbers(sentence.translate(WIDE), keep_skipped=True)[["start", "end", "skipped", "value"]]
        assert ascii_rows.equals(wide_rows), sentence


def test_a_word_ending_in_a_table_word_is_no_table_number():
    assert _kept("发动党员、群众代表600余人次。") == ["600余人次"]  # 代表600, not 表600
    assert _skipped("详见表2,全县收入12亿元。") == {"表2": "ordinal"}


@pytest.mark.parametrize("sentence, numbers", [
    ("农村土地 -2023将城镇管理推向市场。", []),         # a page marker run into the line: no minus, a bare year
    ("各县可根据实际,在 -4站所,要强化公益属性。", ["4站"]),  # no negative count of stations
    ("增长-4.3%,减收-12万元。", ["-4.3%", "-12万元"]),     # a rate and an amount may be negative
])
def test_a_dash_is_a_minus_sign_only_before_a_rate_or_an_amount(sentence, numbers):
    assert _kept(sentence) == numbers


def test_about_qualifies_its_number_across_has():
    """约有/大约有: the 约 is the number's qualifier (its window is about's), not a word before it."""
    rows = _rows("全镇约有1200户,大約有三成外出,签约有效期内完成验收。")[1]
    assert list(rows["as_written"]) == ["约有1200户", "大約有三成"]
    assert list(rows["qualifier"]) == ["约", ""]  # a fraction in words is already approximate: 成's own window
