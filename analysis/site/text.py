"""Text on the site's pages: escaped, with Chinese runs marked for screen readers and fonts.

A run is marked with its own script's lang when its characters say which it is ("401項": zh-Hant,
"乡镇": zh), and with the page's script when they do not ("中心", "2011年"): a page of a county whose
sources are traditional passes ``script=HANT``. Simplified runs keep lang="zh", as they always had.
"""

from __future__ import annotations

import re
from html import escape

from analysis.scripts import HANS, SCRIPTS, decide, evidence, status_label

# A number as a table writes it ("1,580,000,000", "44.64", "-4.3%", "179" of "179項"), not a digit of an id ("s001",
# "756579b2382613b7"): site.css keeps it on one line (span.nb), where a narrow column would break it ("17/9").
NUMBER = re.compile(r"(?<![A-Za-z0-9_.,])[-+\u2212]?\d(?:[\d,]*\d)?(?:\.\d+)?[%\uff05]?(?![A-Za-z0-9_])")
CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+(?:[\s\d.,:;%()（）、，。：；“”—\-+]*[\u3400-\u9fff]+)*")
STATUS_LABEL = {status: status_label(status) for status in SCRIPTS[HANS].status}  # simplified; status_label(s, script) for others
ZH_LANGS = {s.lang for s in SCRIPTS.values()}


def run_lang(run: str, script: str = HANS) -> str:
    """The lang of a Chinese run: its own script's when its characters decide it, else ``script``'s.

    >>> run_lang("401項"), run_lang("乡镇", "Hant"), run_lang("中心", "Hant"), run_lang("中心")
    ('zh-Hant', 'zh', 'zh-Hant', 'zh')
    """
    return SCRIPTS[decide(*evidence(run)) or script].lang


def zh_runs(text: str):
    """``text`` in pieces, each with whether it is a Chinese run (empty pieces left out).

    >>> list(zh_runs("44.6% 占<总数>"))
    [('44.6% ', False), ('占', True), ('<', False), ('总数', True), ('>', False)]
    """
    return _pieces(text, CJK_RUN.finditer(text))


def _pieces(text: str, matches):
    """``text`` cut at ``matches`` (in order, not overlapping): each match with True, what lies between with False."""
    last = 0
    for m in matches:
        if m.start() > last:
            yield text[last:m.start()], False
        yield m.group(), True
        last = m.end()
    if last < len(text):
        yield text[last:], False


def zh_spans(text: str, script: str = HANS) -> str:
    """Escape ``text`` and mark its Chinese runs with their lang (``script``'s where the run does not say).

    >>> zh_spans("44.6% 占<总数>")
    '44.6% <span lang="zh">占</span>&lt;<span lang="zh">总数</span>&gt;'
    >>> zh_spans("401項 of 乡镇 in 中心", "Hant")
    '401<span lang="zh-Hant">項</span> of <span lang="zh">乡镇</span> in <span lang="zh-Hant">中心</span>'
    """
    return "".join(f'<span lang="{run_lang(piece, script)}">{escape(piece)}</span>' if chinese else escape(piece)
                   for piece, chinese in zh_runs(text))


def number_pieces(text: str):
    """``text`` in pieces, each with whether it is a number of two characters or more (one cannot break).

    >>> list(number_pieces("179/401*100 = 44.64; s001 占1,580,000,000元 2"))
    [('179', True), ('/', False), ('401', True), ('*', False), ('100', True), (' = ', False), ('44.64', True), ('; s001 占', False), ('1,580,000,000', True), ('元 2', False)]
    """
    return _pieces(text, (m for m in NUMBER.finditer(text) if len(m.group()) >= 2))


def numbers_kept(text: str, script: str = HANS) -> str:
    """:func:`zh_spans`, with every number in a ``<span class="nb">`` that site.css never breaks.

    >>> numbers_kept("占下放權限總數的44.6%", "Hant")
    '<span lang="zh-Hant">占下放權限總數的</span><span class="nb">44.6%</span>'
    >>> numbers_kept("[44.55, 44.65) <ok>")
    '[<span class="nb">44.55</span>, <span class="nb">44.65</span>) &lt;ok&gt;'
    """
    return "".join(f'<span class="nb">{escape(piece)}</span>' if number else zh_spans(piece, script)
                   for piece, number in number_pieces(text))


def mark_numbers(soup, root) -> int:
    """Wrap every number in the table cells under ``root`` in ``<span class="nb">``; returns how many.

    A cell of class ``num`` (analysis.display: a number's cell) is kept whole by site.css already.

    Run after :func:`mark_chinese`: a number inside a Chinese run stays inside its lang span.
    """
    from bs4 import NavigableString

    made = 0
    for text in [t for t in root.descendants if type(t) is NavigableString and NUMBER.search(t)]:  # not comments
        parent = text.parent
        if "nb" in parent.get_attribute_list("class") or parent.name in ("script", "style"):
            continue
        while parent is not None and parent.name not in ("td", "th"):
            parent = parent.parent
        if parent is None or "num" in parent.get_attribute_list("class"):  # not in a cell, or a number's cell (kept whole)
            continue
        pieces = list(number_pieces(str(text)))
        if not any(number for _, number in pieces):
            continue
        nodes = []
        for piece, number in pieces:
            if number:
                span = soup.new_tag("span", attrs={"class": "nb"})
                span.string = piece
                nodes.append(span)
                made += 1
            else:
                nodes.append(NavigableString(piece))
        text.replace_with(*nodes)
    return made


def mark_chinese(soup, script: str = HANS) -> None:
    """Wrap the Chinese runs of every visible text node in <span lang=...> (see :func:`run_lang`).

    The spans are built as nodes, not parsed from :func:`zh_spans`' markup: a page has thousands of
    such text nodes, and a parser per node was a fifth of a page's rendering time.
    """
    from bs4 import NavigableString

    from analysis.site.tree import texts

    def node(piece: str, chinese: bool):
        if not chinese:
            return NavigableString(piece)
        span = soup.new_tag("span", attrs={"lang": run_lang(piece, script)})
        span.string = piece
        return span

    for text in texts(soup.body, CJK_RUN):
        if text.parent.name in ("script", "style", "title") or text.parent.get("lang") in ZH_LANGS:
            continue
        text.replace_with(*(node(piece, chinese) for piece, chinese in zh_runs(str(text))))
