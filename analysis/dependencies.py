"""What each batch run reads, digested, so an edit re-runs only the runs that read what changed.

A county's run reads its county's rows (of counties, facts, lists, findings, checks, themes), the
readings of its findings, the facts and lists its findings name (even another county's), the
sources all of those cite, and the vocabularies (measures, theme codes, the glossary) whole. The overview reads
every table. Every run also depends on the analysis code, its notebook, its parameters and the
pages it links to. :func:`county_rows` is that slice; a test checks that every view of every
county computed from its slice alone equals the view computed from all the tables.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pandas as pd

from analysis.tables import TABLES

VOCABULARIES = ("measures", "theme_codes", "glossary")
COUNTY_TABLES = ("facts", "lists", "findings", "checks", "themes")
REFERENCE_COLUMNS = ("claim_fact", "inputs")  # ids of facts and lists, in findings and checks (readings: inputs)


class _Index:
    """Row positions by county and by id, built once per batch: each county's slice is then a lookup."""

    def __init__(self, tables):
        self.tables = tables
        self.by_county = {name: getattr(tables, name).groupby("county", sort=False).indices for name in (*COUNTY_TABLES, "counties")}
        self.readings_of = tables.readings.groupby("finding_id", sort=False).indices
        self.fact_at = dict(zip(tables.facts["fact_id"], range(len(tables.facts))))
        self.list_at = dict(zip(tables.lists["list_id"], range(len(tables.lists))))
        self.source_at = dict(zip(tables.sources["source"], range(len(tables.sources))))
        # the columns a slice is chosen by, as arrays: a lookup per county, not a DataFrame per county
        self.columns = {(name, column): getattr(tables, name)[column].to_numpy()
                        for name, column in (("findings", "finding_id"), ("checks", "finding_id"), ("counties", "sources"),
                                             ("facts", "source"), ("lists", "source"), ("themes", "source"),
                                             *((name, column) for name in ("findings", "checks", "readings")
                                               for column in REFERENCE_COLUMNS if column in getattr(tables, name)))}

    def positions(self, county: str) -> dict[str, np.ndarray]:
        """The rows of each table (not the vocabularies) that ``county``'s notebooks read, as positions."""
        col = self.columns
        none = np.array([], dtype=int)
        own = {name: self.by_county[name].get(county, none) for name in (*COUNTY_TABLES, "counties")}
        findings = [*col["findings", "finding_id"][own["findings"]], *col["checks", "finding_id"][own["checks"]]]
        readings = sorted(i for finding in findings for i in self.readings_of.get(finding, ()))
        named = {token for name, rows in (("findings", own["findings"]), ("checks", own["checks"]), ("readings", readings))
                 for column in REFERENCE_COLUMNS if (name, column) in col for cell in col[name, column][rows] for token in cell.split()}
        facts = sorted({*own["facts"], *(self.fact_at[i] for i in named if i in self.fact_at)})
        lists = sorted({*own["lists"], *(self.list_at[i] for i in named if i in self.list_at)})
        cited = {s for cell in col["counties", "sources"][own["counties"]] for s in cell.split()}
        for name, rows in (("facts", facts), ("lists", lists), ("themes", own["themes"])):
            cited |= set(col[name, "source"][rows])
        sources = sorted(self.source_at[s] for s in cited if s in self.source_at)
        return {name: np.asarray(rows, dtype=int) for name, rows in
                {"counties": own["counties"], "sources": sources, "facts": facts, "lists": lists,
                 "findings": own["findings"], "checks": own["checks"], "readings": readings, "themes": own["themes"]}.items()}

    def rows(self, county: str) -> dict[str, pd.DataFrame]:
        t = self.tables
        return {name: getattr(t, name).iloc[rows] for name, rows in self.positions(county).items()} | \
               {name: getattr(t, name) for name in VOCABULARIES}


def county_rows(tables, county: str) -> dict[str, pd.DataFrame]:
    """Every row a county's notebooks read, by table (the vocabularies whole)."""
    return _Index(tables).rows(county)


class _RowDigests:
    """A table's rows hashed once (pandas' hash of each row's values); a slice's digest then hashes the
    slice's row hashes with the table's columns. Writing each county's slice as CSV instead took 12.6 s
    for 2,800 synthetic counties, on every batch, a no-op one included (now 0.5 s with the notebooks
    digested once too)."""

    def __init__(self, tables):
        self.columns = {name: "\x1f".join(map(str, getattr(tables, name).columns)).encode() for name in TABLES}
        self.hashes = {name: pd.util.hash_pandas_object(getattr(tables, name), index=False).to_numpy() for name in TABLES}

    def digest(self, positions: dict[str, np.ndarray | None]) -> str:
        """The digest of the given rows of each named table (None: all its rows)."""
        h = hashlib.sha256()
        for name in sorted(positions):
            rows = self.hashes[name] if positions[name] is None else self.hashes[name][positions[name]]
            h.update(name.encode() + b"\x1e" + self.columns[name] + b"\x1e" + len(rows).to_bytes(8, "little"))
            h.update(rows.tobytes())
        return h.hexdigest()


def run_digests(tables, jobs, code: str, notebooks: dict[str, bytes], links: dict[str, list]) -> dict[str, str]:
    """Each job's digest: the code, its notebook, its parameters, the rows it reads and the pages it links to.

    ``code`` digests the analysis package; ``notebooks`` maps a notebook's name to its bytes; ``links``
    maps a job's key to the pages its navigation names.
    """
    index, rows_of = _Index(tables), _RowDigests(tables)
    notebook_digests = {name: hashlib.sha256(text).hexdigest() for name, text in notebooks.items()}  # once, not per run
    everything = None
    by_county: dict[str, str] = {}
    digests = {}
    for job in jobs:
        if job.county is None:
            everything = everything or rows_of.digest(dict.fromkeys(TABLES))
            rows = everything
        else:
            if job.county not in by_county:
                by_county[job.county] = rows_of.digest(index.positions(job.county) | dict.fromkeys(VOCABULARIES))
            rows = by_county[job.county]
        h = hashlib.sha256()
        for part in (code, rows, json.dumps(job.parameters, sort_keys=True), json.dumps(links.get(job.key, [])),
                     notebook_digests[job.notebook]):
            h.update(part.encode())
        digests[job.key] = h.hexdigest()
    return digests
