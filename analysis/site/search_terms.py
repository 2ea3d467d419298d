"""The one table of search terms: English words the site's search also reads as Chinese ("culture station" -> 文化站).

The search page (analysis.site.search) expands a query's English phrase into its Chinese terms, so that
"authorised posts" finds 编制 in a report's own words. The terms are the glossary's (the project's
GLOSSARY.md, section by section) plus the tables' five domain words; the theme codes of
data/theme_codes.csv join them at build time (``funds_mismatch`` -> 财力与事权不匹配 ...).

A Chinese term has two characters or more: the index finds a single character anywhere, inside words
that mean something else (社 of 社会, 区 of 社区), so the glossary's one-character terms (省, 县, 镇,
约) are left to the English words themselves. Terms are written simplified: the index and the query
are both folded to simplified. data/DICTIONARY.md shows the table (``terms_markdown``, kept in step by
a test).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    english: tuple[str, ...]  # phrases, lower case; a trailing plural s is read alike ("culture stations")
    chinese: tuple[str, ...]  # simplified, two characters or more
    section: str  # where it comes from: a glossary section, or "domain" for the tables' domain words


TERMS = (
    # the tables' domain words, each with the glossary section's own term (Staffing (编制), Delegation (放权))
    Term(("finance", "fiscal"), ("财政", "财力"), "domain"),
    Term(("staffing",), ("编制",), "domain"),
    Term(("delegation", "delegate", "delegated"), ("放权", "下放"), "domain"),
    Term(("facilities", "facility"), ("设施",), "domain"),
    # places and levels
    Term(("county-level city",), ("县级市",), "places"),
    Term(("sub-district", "street office"), ("街道",), "places"),
    Term(("township", "township-level unit"), ("乡镇",), "places"),
    Term(("community",), ("社区",), "places"),
    Term(("class-1 town", "class 1 town"), ("一类镇",), "places"),
    Term(("class-2 town", "class 2 town"), ("二类镇",), "places"),
    Term(("class-3 town", "class 3 town"), ("三类镇",), "places"),
    # staffing
    Term(("authorised posts", "authorized posts", "establishment"), ("编制",), "staffing"),
    Term(("administrative posts",), ("行政编制",), "staffing"),
    Term(("public-institution posts", "public institution posts"), ("事业编制",), "staffing"),
    Term(("approved posts",), ("核定编制",), "staffing"),
    Term(("actual staff",), ("实有人员",), "staffing"),
    Term(("vacant posts",), ("空编",), "staffing"),
    Term(("over-establishment",), ("超编",), "staffing"),
    Term(("shortfall",), ("缺编",), "staffing"),
    Term(("posts added by approval",), ("核增",), "staffing"),
    Term(("leadership posts",), ("领导职数",), "staffing"),
    Term(("budget-funded personnel",), ("财政供养人员",), "staffing"),
    Term(("staff of the town organs",), ("机关干部",), "staffing"),
    Term(("cadres",), ("干部",), "staffing"),
    Term(("standby",), ("待岗",), "staffing"),
    Term(("competitive appointment",), ("竞争上岗",), "staffing"),
    Term(("mutual selection",), ("双向选择",), "staffing"),
    Term(("job rotation",), ("轮岗交流",), "staffing"),
    Term(("one person holding several posts",), ("一人多岗",), "staffing"),
    # bodies
    Term(("bodies", "agencies"), ("机构",), "bodies"),
    Term(("party and government offices",), ("党政工作机构", "党政机构"), "bodies"),
    Term(("internal offices",), ("内设机构",), "bodies"),
    Term(("comprehensive office",), ("综合性办公室",), "bodies"),
    Term(("public institutions",), ("事业单位", "事业机构"), "bodies"),
    Term(("service stations",), ("事业站所",), "bodies"),
    Term(("seven stations and eight institutes",), ("七站八所",), "bodies"),
    Term(("service centre", "service center", "citizen service centre", "citizen service center"),
         ("为民服务中心", "便民服务中心"), "bodies"),
    Term(("managed vertically",), ("垂直管理",), "bodies"),
    Term(("branch office",), ("派驻机构",), "bodies"),
    Term(("vertical lines", "territorial governments"), ("条块",), "bodies"),
    Term(("plan fixing functions, bodies and posts", "three-fix plan"), ("三定方案",), "bodies"),
    # finance
    Term(("tax revenue",), ("税收收入",), "finance"),
    Term(("general public budget revenue",), ("公共财政预算收入", "一般公共预算收入"), "finance"),
    Term(("usable funds", "disposable funds"), ("可用财力",), "finance"),
    Term(("total fiscal revenue",), ("财政总收入",), "finance"),
    Term(("transfers", "intergovernmental transfers"), ("转移支付",), "finance"),
    Term(("spending responsibility",), ("事权",), "finance"),
    Term(("revenue authority",), ("财权",), "finance"),
    Term(("expenditure responsibility",), ("支出责任",), "finance"),
    Term(("agricultural tax",), ("农业税",), "finance"),
    Term(("tax-for-fee reform",), ("税费改革",), "finance"),
    Term(("central subsidy",), ("中央补助",), "finance"),
    Term(("provincial match",), ("省级配套",), "finance"),
    Term(("matching funds",), ("配套资金",), "finance"),
    Term(("poverty county",), ("国贫县",), "finance"),
    # delegation
    Term(("expand powers", "expanding the powers of strong towns"), ("扩权", "强镇扩权"), "delegation"),
    Term(("economically developed town",), ("经济发达镇",), "delegation"),
    Term(("administrative powers",), ("管理权限",), "delegation"),
    Term(("administrative approval",), ("行政审批",), "delegation"),
    Term(("licensing",), ("行政许可",), "delegation"),
    Term(("administrative penalty",), ("行政处罚",), "delegation"),
    Term(("comprehensive administrative enforcement",), ("综合行政执法",), "delegation"),
    Term(("direct delegation",), ("直接放权",), "delegation"),
    Term(("delegation by entrustment",), ("委托放权",), "delegation"),
    Term(("moving services forward",), ("服务前移",), "delegation"),
    Term(("take up", "taken up"), ("承接",), "delegation"),
    Term(("list of powers and responsibilities",), ("权责清单",), "delegation"),
    Term(("territorial management",), ("属地管理",), "delegation"),
    Term(("one-vote veto",), ("一票否决",), "delegation"),
    # facilities
    Term(("culture station",), ("文化站",), "facilities"),
    Term(("construction tasks",), ("建设任务",), "facilities"),
    Term(("under construction",), ("在建",), "facilities"),
    Term(("choosing a site",), ("选址",), "facilities"),
    Term(("in operation",), ("投入运行",), "facilities"),
    Term(("free opening",), ("免费开放",), "facilities"),
    # approximate numbers
    Term(("one third",), ("三分之一",), "approximate numbers"),
    Term(("more than half",), ("过半",), "approximate numbers"),
)


def theme_terms(theme_codes) -> list[Term]:
    """The theme codes as terms: the code's words ("funds mismatch") for each of its Chinese names.

    ``theme_codes`` is data/theme_codes.csv (rows with ``theme`` and ``term_zh``, names separated by /).

    >>> import pandas as pd
    >>> theme_terms(pd.DataFrame({"theme": ["funds_mismatch"], "term_zh": ["财力与事权不匹配/财力缺口/债务"]}))
    [Term(english=('funds mismatch',), chinese=('财力与事权不匹配', '财力缺口', '债务'), section='theme_codes.csv')]
    """
    terms = []
    for theme, term_zh in zip(theme_codes["theme"], theme_codes["term_zh"]):
        chinese = tuple(t.strip() for t in str(term_zh).split("/") if len(t.strip()) >= 2)
        if chinese:
            terms.append(Term((theme.replace("_", " "),), chinese, "theme_codes.csv"))
    return terms


def terms_markdown() -> str:
    """The table as data/DICTIONARY.md shows it."""
    lines = ["| English (in a query) | Chinese it also finds | from |", "|---|---|---|"]
    for term in TERMS:
        lines.append(f"| {', '.join(term.english)} | {', '.join(term.chinese)} | {term.section} |")
    return "\n".join(lines)
