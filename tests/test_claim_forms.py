"""The table of claim forms and the claim finder that reads it, on sentences written for these tests (simplified
and traditional characters, mainland and Taiwan usage). Every expected reading was worked out by hand."""

import pytest

from analysis.extraction.candidates import find_numbers
from analysis.extraction.claim_forms import FORM, FORMS, PENDING_RULES, claim_forms_markdown, fold, words
from analysis.extraction.claims import find_claims
from analysis.paths import DATA_DIR
from analysis.rules import RULE_NAMES, count_items


def claims(text):
    return find_claims(text, find_numbers(text))


def reading(row):
    """(claimed, rule, [(role, input as written) ...]) of a proposal."""
    roles = row["roles"].split()
    inputs = [text_of(row, span) for span in row["input_spans"]]
    return row["claimed"], row["rule"], list(zip(roles, inputs))


def text_of(row, span):
    return row["_text"][span[0]:span[1]]


def proposals(text, forms=None):
    """The readings of the proposals in ``text`` (of ``forms`` only, when given)."""
    frame = claims(text)
    frame["_text"] = text
    if forms is not None:
        frame = frame[frame["form"].isin(forms)]
    return [reading(row) for row in frame.to_dict("records")]


# --- the table ---

@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_every_forms_example_gives_its_documented_reading(form):
    frame = claims(form.example)
    claimed = dict(form.reading)["claimed"]
    # one place may hold the claims of two forms (69.4% a share whose part is not stated, and the rest of a split)
    rows = frame[(frame["claimed"] == claimed) & (frame["form"] == form.name)].to_dict("records")
    assert rows, f"{form.name}: nothing proposed at {claimed}"
    row = rows[0]
    rule = form.rule if row["rule"] != form.fall_rule or not form.fall_rule else form.fall_rule
    assert (row["form"], row["rule"]) == (form.name, rule)
    expected = [(role, written) for role, written in form.reading if role != "claimed"]
    if form.rule == "count_items":
        assert row["items"] == expected[0][1]
    elif form.roles == ("parts…",):
        assert row["inputs"] == expected[0][1]
    else:
        got = [(role, form.example[s:e]) for role, (s, e) in zip(row["roles"].split(), row["input_spans"])]
        assert got == expected


def test_dictionary_shows_the_table_the_finder_reads():
    assert claim_forms_markdown() in (DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")


def test_every_rule_is_the_ledgers_or_one_being_added():
    for form in FORMS:
        for rule in filter(None, (form.rule, form.fall_rule)):
            assert rule in RULE_NAMES or rule in PENDING_RULES, (form.name, rule)


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_every_traditional_trigger_folds_to_a_simplified_one_of_its_group(form):
    # nothing in the table is a word the finder cannot see: 佔 folds to 占, 較上年度 to 较上年度
    for group, listed in form.triggers.items():
        simplified = set(words(form.name, group))
        assert all(fold(word) in simplified for word in listed)
        assert {fold(word) for word in listed} == simplified


def test_both_scripts_and_both_usages_are_named():
    share = FORM["share"].triggers["share"]
    assert {"占", "佔"} <= set(share)
    against = FORM["change"].triggers["against"]
    assert {"比上年", "较上年度", "較上年度", "較…之", "同比"} <= set(against)
    assert {"个百分点", "個百分點"} <= set(FORM["points"].triggers["points"])


def test_fold_keeps_every_offset():
    text = "較上年度之12,000萬元,減少5%;佔歲入的25%"
    assert len(fold(text)) == len(text) and fold(text) == "较上年度之12,000万元,减少5%;占岁入的25%"


# --- shares: the whole is the amount the words name, never the nearest larger number ---

@pytest.mark.parametrize("text, expected", [
    ("全县下放行政权力200项,其中已承接150项,占下放权力总数的75%。",
     [("75%", "share", [("part", "150项"), ("whole", "200项")])]),
    ("本鄉今年歲入決算數為8,000萬元,其中稅課收入2,000萬元,佔歲入決算數的25%。",
     [("25%", "share", [("part", "2,000萬元"), ("whole", "8,000萬元")])]),
    # 150 is larger than 90 and nearer, but 占下放权力总数 names the 200
    ("全县下放行政权力200项,已承接90项,未承接的150项中有60项正在办理,已承接的占下放权力总数的45%。",
     [("45%", "share", [("part", "90项"), ("whole", "200项")])]),
    # a list of names before 占 and 分别: the k-th rate is of the k-th name
    ("全镇生产总值100亿元。第一产业增加值10亿元,第二产业增加值30亿元,第三产业增加值60亿元。"
     "第一产业、第二产业、第三产业增加值占生产总值的比重分别为10%、30%、60%。",
     [("10%", "share", [("part", "10亿元"), ("whole", "100亿元")]),
      ("30%", "share", [("part", "30亿元"), ("whole", "100亿元")]),
      ("60%", "share", [("part", "60亿元"), ("whole", "100亿元")])]),
    # amounts before 分別, the whole named by another share of the item; 合計: the parts over their one whole
    ("本縣歲入決算數80億元。就歲入來源,以稅課收入20億元、補助及協助收入50億元佔最大宗,比例分別為25%及62.5%,合計佔歲入87.5%。",
     [("25%", "share", [("part", "20億元"), ("whole", "80億元")]),
      ("62.5%", "share", [("part", "50億元"), ("whole", "80億元")]),
      ("87.5%", "share_of_sum", [("parts…", "20億元"), ("parts…", "50億元"), ("whole", "80億元")])]),
    # 轻、重工业增加值: the last name's tail completes the others (轻工业增加值)
    ("全县轻工业增加值30亿元,重工业增加值70亿元,规模以上工业增加值100亿元。轻、重工业增加值占规模以上工业增加值的比重分别为30%和70%。",
     [("30%", "share", [("part", "30亿元"), ("whole", "100亿元")]), ("70%", "share", [("part", "70亿元"), ("whole", "100亿元")])]),
    ("年初预算数5000万元,全年实际完成5200万元,完成预算的104%。",
     [("104%", "share", [("part", "5200万元"), ("whole", "5000万元")])]),
    ("项目总投资2000万元,已完成投资1500万元,完成投资率为75%。",
     [("75%", "share", [("part", "1500万元"), ("whole", "2000万元")])]),
])
def test_shares_bind_the_whole_the_sentence_names(text, expected):
    # a 其中 part's place within its total and a full split's last share are other forms (test_claim_forms_totals.py)
    assert proposals(text, forms=("share", "share_of_sum", "total")) == expected


@pytest.mark.parametrize("text, reason", [
    ("全镇一般公共预算收入5200万元,完成预算的104%。", "the budget amount is not stated"),
    ("該鎮財政支出3000萬元,佔全縣財政支出的12%。", "the whole (全县财政支出) is not stated"),
])
def test_a_share_whose_input_is_not_stated_is_proposed_unverifiable_with_the_reason(text, reason):
    row = claims(text).iloc[0]
    assert (row["form"], row["rule"], row["reason"]) == ("share", "unverifiable", reason)


@pytest.mark.parametrize("text", [
    "全年规模以上工业产品销售率为92.2%。",
    "全县城镇化率为56.3%,比上年提高1.2个百分点。",
    "全縣常住人口50萬人,都市化率為56.3%。",  # the population is no part: the urban population is not stated
])
def test_a_named_rate_without_its_part_and_whole_is_a_value_not_a_share(text):
    assert "share" not in set(claims(text)["form"])


# --- changes against a base ---

@pytest.mark.parametrize("text, expected", [
    ("全县财政收入5.5亿元,比上年的5亿元增长10%。", [("10%", "growth", [("base", "5亿元"), ("later", "5.5亿元")])]),
    ("本年度歲入決算數12,600萬元,較上年度之12,000萬元,增加5%。",
     [("5%", "growth", [("base", "12,000萬元"), ("later", "12,600萬元")])]),
    ("本年度歲出決算數9,500萬元,較上年度之10,000萬元,減少5%。",
     [("5%", "reduction", [("base", "10,000萬元"), ("later", "9,500萬元")])]),
    ("乡镇事业站所由12个整合为5个,精简58%。", [("58%", "reduction", [("base", "12个"), ("later", "5个")])]),
    ("鄉鎮公所課室由8個減為5個,精簡37.5%。", [("37.5%", "reduction", [("base", "8個"), ("later", "5個")])]),
    ("全镇财政收入从2019年的3000万元增加到2023年的4500万元,增长50%。",
     [("50%", "growth", [("base", "3000万元"), ("later", "4500万元")])]),
    ("财政自给率由42.5%提高到45.1%,提高2.6个百分点。",
     [("2.6个百分点", "points", [("base", "42.5%"), ("later", "45.1%")])]),
    ("第一產業比重由30%下降到26.3%,下降3.7個百分點。",
     [("3.7個百分點", "points_fall", [("base", "30%"), ("later", "26.3%")])]),
])
def test_changes_bind_the_base_after_its_word_and_the_later_amount_of_the_clause(text, expected):
    assert proposals(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("增值税6055万元,同比增收164万元,增长2.78%。",
     [("164万元", "unverifiable", []), ("2.78%", "growth_from_change", [("later", "6055万元"), ("change", "164万元")])]),
    ("契稅804萬元,同比減收440萬元,下降35.37%。",
     [("440萬元", "unverifiable", []), ("35.37%", "reduction_from_change", [("later", "804萬元"), ("change", "440萬元")])]),
    # the later amount named in another sentence, of the same name and year (一一五年度歲入預算)
    ("本鄉一一五年度總預算歲入預算總額為二億五千萬元。一一五年度歲入預算較一一四年度增加一千萬元（增幅4.17％）。",
     [("一千萬元", "unverifiable", []),
      ("4.17％", "growth_from_change", [("later", "二億五千萬元"), ("change", "一千萬元")])]),
])
def test_a_rate_stated_with_its_change_binds_the_amount_and_the_change(text, expected):
    assert proposals(text) == expected


@pytest.mark.parametrize("text, claimed, form, reason", [
    ("全县地区生产总值86.8亿元,同比下降1.3%。", "1.3%", "change", "base-year amount not stated"),
    ("本鄉稅課收入較上年度增加3.5%。", "3.5%", "change", "base-year amount not stated"),
    ("全县粮食种植面积43907公顷,比上年增加63公顷。", "63公顷", "difference", "base-year amount not stated"),
    ("第一產業比重下降3.72個百分點。", "3.72個百分點", "points", "base-year percentage not stated"),
    ("油料产量2万吨,与去年持平。", "2万吨", "change", "base-year amount not stated"),
])
def test_a_change_whose_base_is_not_stated_is_proposed_unverifiable(text, claimed, form, reason):
    row = claims(text).iloc[0]
    assert (row["claimed"], row["form"], row["rule"], row["reason"]) == (claimed, form, "unverifiable", reason)


@pytest.mark.parametrize("text, expected", [
    ("全年歲入決算數5,200萬元,較預算數4,800萬元增400萬元。",
     [("400萬元", "difference", [("later", "5,200萬元"), ("base", "4,800萬元")])]),
    ("全年支出4,600万元,较预算数5,000万元减少400万元。",
     [("400万元", "difference", [("base", "5,000万元"), ("later", "4,600万元")])]),
    ("收入总额8600万元,支出总额8200万元,收支相抵后结余400万元。",
     [("400万元", "difference", [("income", "8600万元"), ("spending", "8200万元")])]),
    ("附屬單位預算收入總額一億二千萬元,支出總額一億三千萬元,收入支出相抵後短絀一千萬元。",
     [("一千萬元", "difference", [("spending", "一億三千萬元"), ("income", "一億二千萬元")])]),
])
def test_differences_and_balances(text, expected):
    assert proposals(text) == expected


# --- totals and their parts ---

# sum: every part (brackets, 按…分, 合计, 分别为, N…中); parts_within: a 其中, 包括 or 含 list, which may name only some
@pytest.mark.parametrize("text, claimed, rule, parts", [
    ("核定编制45名(行政编制20名、事业编制25名)。", "45名", "sum", "20名 25名"),
    ("一般轉移支付收入1478萬元(含均衡性轉移支付收入166萬元、結算補助收入1312萬元,專項轉移支付收入406萬元)。", "1478萬元",
     "parts_within", "166萬元 1312萬元"),  # the run joined by 、 ends at the comma
    # 其中 after a comma: the parts of its ;-item only
    ("镇政府性基金收入总计3319万元,其中本级收入103万元,上级补助收入1331万元,上年结余1885万元;政府性基金支出总计3300万元。",
     "3319万元", "parts_within", "103万元 1331万元 1885万元"),
    # 其中: opening a sentence: one part per ;-item, each item's rate and sub-parts aside
    ("全縣生產總值254.5億元,比上年增長5.2%。其中:第一產業增加值23.3億元,增長5.2%;第二產業增加值129.8億元,增長7.1%,"
     "其中工業增加值100億元;第三產業增加值101.4億元,增長3%。", "254.5億元", "parts_within", "23.3億元 129.8億元 101.4億元"),
    ("全县地区生产总值86.8亿元。按产业分,第一产业增加值22.81亿元,增长2.9%;第二产业增加值21.22亿元;第三产业增加值42.76亿元。",
     "86.8亿元", "sum", "22.81亿元 21.22亿元 42.76亿元"),
    ("一般公共预算收入4402万元,上级补助收入1884万元,上年结余60万元,收入合计6346万元。", "6346万元", "sum",
     "4402万元 1884万元 60万元"),
    ("支出合计300万元,其中:\n——一般公共服务支出100万元,增长5%;\n——教育支出120万元;\n——农林水支出80万元。", "300万元",
     "parts_within", "100万元 120万元 80万元"),
    ("全县下放的300项权限中,已承接的有200项;尚未承接的有100项。", "300项", "sum", "200项 100项"),
    ("全县核定编制45名,包括行政编制20名、事业编制25名。", "45名", "parts_within", "20名 25名"),
    ("全縣地區生產總值86.8億元,第一、二、三產業增加值分別為22.81億元、21.22億元、42.76億元。", "86.8億元", "sum",
     "22.81億元 21.22億元 42.76億元"),
])
def test_totals_take_the_parts_their_structure_lists(text, claimed, rule, parts):
    frame = claims(text)
    row = frame[frame["rule"].isin(["sum", "parts_within"]) & (frame["claimed"] == claimed)].iloc[0]
    assert (row["rule"], row["inputs"]) == (rule, parts)


def test_several_totals_before_one_qizhong_each_take_the_parts_that_repeat_their_name():
    frame = claims("全县乡镇共有党政机构120个,事业机构90个,其中甲镇党政机构8个、乙镇党政机构7个,甲镇事业机构6个、乙镇事业机构5个。")
    assert frame[["claimed", "inputs"]].values.tolist() == [["120个", "8个 7个"], ["90个", "6个 5个"]]


@pytest.mark.parametrize("text", [
    "下放权限120项,其中已承接90项。",  # one part: at most the total, no sum
    "上年结转结余60万元,基金调入103万元。",  # 结余 names an item; no income and spending to balance
    "全县经济保持平稳健康发展,新增就业1200人。",  # 保持平稳 is no 持平; 新增 is no change against a base
    "全县有事业机构231个。甲镇有事业机构16个。",  # the same name of another body: no restatement
    "全县地区生产总值86.8亿元。人均地区生产总值28231元。",  # 人均 X is not X
    "西部县建设项目,中央补助16万元;其他县区建设项目,中央补助12万元。",  # one name, two projects' amounts
])
def test_what_is_not_a_claim_of_that_form_is_not_proposed_as_one(text):
    frame = claims(text)
    assert not frame["rule"].isin(["sum", "difference", "value", "share"]).any()
    assert not ((frame["form"] == "change") & (frame["claimed"] == "1200人")).any()


def test_a_whole_is_an_amount_not_a_bound():
    # 超过400亿元 names 岁入 too, and comes first, but it is a bound: a share divides by the 405亿元
    text = "本县岁入首次超过400亿元。本县岁入决算数405亿元,其中税课收入139亿元,占岁入的34.3%。"
    assert proposals(text, forms=("share",)) == [("34.3%", "share", [("part", "139亿元"), ("whole", "405亿元")])]


@pytest.mark.parametrize("text", [
    "以乡镇所辖人口、区域面积、人均财政收入三项指标为依据。",  # 人均 names 财政收入, not the three indicators
    "每人联系一个社、一个产业。",  # a count per person is no per-capita amount
])
def test_an_average_word_names_only_its_own_number(text):
    assert not (claims(text)["form"] == "average").any()


def test_a_rate_of_masked_amounts_says_so():
    row = claims("改革后,乡镇行政编制由++名减为++名,精简10%。").iloc[0]
    assert (row["rule"], row["reason"]) == ("unverifiable", "the amounts are masked in the text")


def test_a_cumulative_amount_and_a_per_capita_figure_without_their_inputs_are_unverifiable():
    assert claims("五年累计投入1.2亿元。")[["form", "rule", "reason"]].values.tolist() == [
        ["total", "unverifiable", "the amounts it adds up are not stated"]]
    assert claims("人均地区生产总值28231元。")["reason"].tolist() == ["the total or the count it is divided by is not stated"]


def test_a_ratio_of_parts_takes_the_parts_just_listed():
    text = "全镇生产总值20亿元,其中:第一产业增加值5亿元;第二产业增加值6亿元;第三产业增加值9亿元。三次产业结构为25:30:45。"
    assert [p for p in proposals(text) if p[1] == "share"] == [
        ("25", "share", [("part", "5亿元"), ("whole", "20亿元")]), ("30", "share", [("part", "6亿元"), ("whole", "20亿元")]),
        ("45", "share", [("part", "9亿元"), ("whole", "20亿元")])]


@pytest.mark.parametrize("text, expected", [
    ("全镇财政支出9000万元,常住人口3万人,人均3000元。", [("3000元", "ratio", [("total", "9000万元"), ("count", "3万人")])]),
    ("全镇今年税收收入1.6亿元,是2018年0.8亿元的2倍。", [("2倍", "ratio", [("later", "1.6亿元"), ("base", "0.8亿元")])]),
    ("全鎮稅收從2018年的0.8億元增加到2022年的1.6億元,實現倍增。", [("倍增", "ratio", [("later", "1.6億元"), ("base", "0.8億元")])]),
])
def test_averages_and_multiples(text, expected):
    assert proposals(text) == expected


# --- counts of named lists and counted labels ---

@pytest.mark.parametrize("text, claimed, items, count", [
    ("设立甲村、乙村、丙村3个试点村。", "3个", "甲村、乙村、丙村", 3),  # 设立 leads the list, no part of it
    ("选择3个县区(甲区、乙县、丙县)开展调研。", "3个", "甲区、乙县、丙县", 3),
    ("选择4个乡镇(甲县A镇、B镇,乙县C乡、D乡)开展调研。", "4个", "甲县A镇、B镇,乙县C乡、D乡", 4),  # groups by county
    ("和1个街道办事处(甲区西街街道办事处)。", "1个", "甲区西街街道办事处", 1),
    ("全镇设“一办三中心”(党政办,便民服务中心、农业服务中心和综治中心)。", "三中心", "便民服务中心、农业服务中心和综治中心", 3),
    ("鄉公所設置「三課一室」(民政課、財政課、建設課,秘書室)。", "三課", "民政課、財政課、建設課", 3),
    ("鄉公所設置「三課一室」(民政課、財政課、建設課,秘書室)。", "一室", "秘書室", 1),
    ("该站挂“文化站”和“广播站”两块牌子。", "两块", "“文化站”和“广播站”", 2),
    ("坚持“三不”(不推诿、不拖延、不刁难)。", "三不", "不推诿、不拖延、不刁难", 3),
    ("履行三个方面的职能:促进发展;改善民生;维护稳定。", "三个", "促进发展;改善民生;维护稳定", 3),
    # 和 inside an item's name is no separator: 人口和计划生育办 is one office
    ("设置党政办、经济办、人口和计划生育办3个办公室。", "3个", "党政办、经济办、人口和计划生育办", 3),
])
def test_counts_take_their_list_and_how_to_count_it(text, claimed, items, count):
    row = claims(text).set_index("claimed").loc[claimed]
    assert (row["rule"], row["items"]) == ("count_items", items)
    assert count_items(row["items"], row["count_by"]) == count


def test_a_total_of_units_that_each_hold_the_same_number_is_their_product():
    text = ("其中甲镇、乙镇、丙镇、丁镇4个一类乡镇均设置“五办四中心”(党政办、经济办、社会办、综治办、计生办,"
            "农业中心、社会中心、文化中心和计生中心),共设置党政内设机构20个,事业机构16个;")
    assert [p for p in proposals(text) if p[1] == "product"] == [
        ("20个", "product", [("count", "4个"), ("each", "五办")]), ("16个", "product", [("count", "4个"), ("each", "四中心")])]


def test_the_units_that_each_hold_a_list_are_not_the_list():
    # 宏村镇、西递镇各设: the towns hold the offices; the 3 counts the bracketed offices
    row = claims("宏村镇、西递镇各设3个综合性办公室(党政办公室、经济发展办公室、社会事业办公室)。").iloc[0]
    assert (row["claimed"], row["items"], count_items(row["items"], row["count_by"])) == (
        "3个", "党政办公室、经济发展办公室、社会事业办公室", 3)


def test_a_number_of_persons_after_another_is_no_list():
    # "乡镇长1人、副乡镇长3人": 人 is the unit of 1, not an item of a list counted by 3人
    assert claims("设乡镇长1人、副乡镇长3人。").empty


# --- restatements ---

@pytest.mark.parametrize("text, claimed, earlier", [
    ("全镇财政收入5200万元。全镇财政收入自2019年的3100万元增至2022年的5200万元。", "5200万元", "5200万元"),
    ("本鄉歲入決算數32,468萬元。本鄉歲入自一一〇年度的25,000萬元增至一一四年度的32,468萬元。", "32,468萬元", "32,468萬元"),
    # the same name with another place before it, and another value of the same size: a restatement to judge
    ("本县岁入岁出余绌数15.23亿元。屏县岁入岁出余绌数15.2亿元居第3名。", "15.2亿元", "15.23亿元"),
    ("本市共下放400多项管理权限。本市下放的401项管理权限中,已承接的有179项。", "401项", "400多项"),
])
def test_a_quantity_stated_twice_is_a_restatement_of_its_first_mention(text, claimed, earlier):
    frame = claims(text)
    row = frame[frame["rule"] == "value"].iloc[0]
    assert (row["claimed"], row["inputs"], row["roles"]) == (claimed, earlier, "earlier")


def test_each_proposal_says_its_line_and_the_claimed_numbers_place():
    text = "第一行没有数字。\n全县财政收入5.5亿元,比上年的5亿元增长10%。"
    row = claims(text).iloc[0]
    assert (row["line"], text[row["claim_start"]:row["claim_end"]]) == (2, "10%")
