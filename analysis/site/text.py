"""Text on the site's pages: escaped, with Chinese runs marked lang="zh" for screen readers and fonts."""

from __future__ import annotations

import re
from html import escape

CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+(?:[\s\d.,:;%()（）、，。：；“”—\-+]*[\u3400-\u9fff]+)*")
STATUS_LABEL = {"reproduced": "reproduced 已复现", "tension": "tension 可合理解释", "discrepancy": "discrepancy 不一致",
                "unverifiable": "unverifiable 无法核实"}


def zh_runs(text: str):
    """``text`` in pieces, each with whether it is a Chinese run (empty pieces left out).

    >>> list(zh_runs("44.6% 占<总数>"))
    [('44.6% ', False), ('占', True), ('<', False), ('总数', True), ('>', False)]
    """
    last = 0
    for m in CJK_RUN.finditer(text):
        if m.start() > last:
            yield text[last:m.start()], False
        yield m.group(), True
        last = m.end()
    if last < len(text):
        yield text[last:], False


def zh_spans(text: str) -> str:
    """Escape ``text`` and mark its Chinese runs with lang="zh".

    >>> zh_spans("44.6% 占<总数>")
    '44.6% <span lang="zh">占</span>&lt;<span lang="zh">总数</span>&gt;'
    """
    return "".join(f'<span lang="zh">{escape(piece)}</span>' if chinese else escape(piece) for piece, chinese in zh_runs(text))


def mark_chinese(soup) -> None:
    """Wrap the Chinese runs of every visible text node in <span lang="zh">.

    The spans are built as nodes, not parsed from :func:`zh_spans`' markup: a page has thousands of
    such text nodes, and a parser per node was a fifth of a page's rendering time.
    """
    from bs4 import NavigableString

    from analysis.site.tree import texts

    def node(piece: str, chinese: bool):
        if not chinese:
            return NavigableString(piece)
        span = soup.new_tag("span", attrs={"lang": "zh"})
        span.string = piece
        return span

    for text in texts(soup.body, CJK_RUN):
        if text.parent.name in ("script", "style", "title") or text.parent.get("lang") == "zh":
            continue
        text.replace_with(*(node(piece, chinese) for piece, chinese in zh_runs(str(text))))
