"""Where each id of the tables is shown, so that any number is one click from its source passage and back."""

from __future__ import annotations

from dataclasses import dataclass, field

LEDGER_PAGE = "ledger.html"  # each county's findings, checks, numbers and problems: site/<county>/ledger.html


@dataclass(frozen=True)
class Linker:
    """Hrefs for ids: a fact or list goes to its marked passage, a finding to its row on its county's ledger
    page, a source to its text.

    ``sources`` holds the sources whose page exists (none when the report texts are absent: no dead links).
    A finding links to its county's ledger page, not to the index, on every site: the index lists the
    whole ledger only while it is small enough to open (see analysis.site.index), and a page's links
    must not depend on how many counties later join it.
    """

    facts: dict[str, str] = field(default_factory=dict)  # fact_id -> source
    lists: dict[str, str] = field(default_factory=dict)  # list_id -> source
    findings: dict[str, str] = field(default_factory=dict)  # finding_id (of findings and checks) -> county
    sources: frozenset[str] = frozenset()

    @classmethod
    def from_tables(cls, tables, with_sources: bool) -> Linker:
        return cls(dict(zip(tables.facts["fact_id"], tables.facts["source"])),
                   dict(zip(tables.lists["list_id"], tables.lists["source"])),
                   {**dict(zip(tables.findings["finding_id"], tables.findings["county"])),
                    **dict(zip(tables.checks["finding_id"], tables.checks["county"]))},
                   frozenset(tables.sources["source"]) if with_sources else frozenset())

    def href(self, token: str, depth: int = 1) -> str | None:
        """The link for one id, from a page ``depth`` folders below the site's root; None if it has none.

        >>> linker = Linker({"f1": "s001"}, {}, {"x": "laishui"}, frozenset({"s001"}))
        >>> linker.href("f1"), linker.href("x", depth=0)
        ('../sources/s001.html#f1', 'laishui/ledger.html#finding-x')
        """
        up = "../" * depth
        for table in (self.facts, self.lists):
            if token in table:
                return f"{up}sources/{table[token]}.html#{token}" if table[token] in self.sources else None
        if token in self.findings:
            return f"{up}{self.findings[token]}/{LEDGER_PAGE}#finding-{token}"
        if token in self.sources:
            return f"{up}sources/{token}.html"
        return None

    def markup(self, tokens: str, depth: int = 1) -> str:
        """Ids as code, each a link where it has one.

        >>> Linker({}, {}, {"x": "laishui"}).markup("x y", depth=0)
        '<a href="laishui/ledger.html#finding-x"><code>x</code></a> <code>y</code>'
        """
        from html import escape

        out = []
        for token in tokens.split():
            href = self.href(token, depth)
            out.append(f'<a href="{escape(href)}"><code>{escape(token)}</code></a>' if href else f"<code>{escape(token)}</code>")
        return " ".join(out)

    def link_cells(self, soup, depth: int = 1) -> int:
        """Turn every table cell that holds only ids into links; a fact's row gets the anchor fact-<id>.

        Returns the number of links made.
        """
        from analysis.site.tree import tags

        made, anchored = 0, set()
        for cell in tags(soup, "td"):
            tokens = cell.get_text().split()
            hrefs = [self.href(t, depth) for t in tokens]
            if not tokens or not all(hrefs):
                continue
            cell.clear()
            for i, (token, href) in enumerate(zip(tokens, hrefs)):  # as markup() writes them, built as nodes
                if i:
                    cell.append(" ")
                code = soup.new_tag("code")
                code.string = token
                link = soup.new_tag("a", attrs={"href": href})
                link.append(code)
                cell.append(link)
            made += len(tokens)
            row = cell.parent
            first = row.find("td")
            if first is cell and tokens[0] in self.facts and tokens[0] not in anchored and not row.get("id"):
                row["id"] = f"fact-{tokens[0]}"
                anchored.add(tokens[0])
        return made
