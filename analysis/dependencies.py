"""What each batch run reads, digested, so an edit re-runs only the runs that read what changed.

A county's run reads its county's rows (of counties, facts, lists, findings, checks, themes), the
readings of its findings, the facts and lists its findings name (even another county's), the
sources all of those cite, and the vocabularies (measures, theme codes) whole. The overview reads
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

VOCABULARIES = ("measures", "theme_codes")
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

    def rows(self, county: str) -> dict[str, pd.DataFrame]:
        t = self.tables
        none = np.array([], dtype=int)
        own = {name: self.by_county[name].get(county, none) for name in (*COUNTY_TABLES, "counties")}
        claims = [t.findings.iloc[own["findings"]], t.checks.iloc[own["checks"]]]
        readings = sorted(i for frame in claims for finding in frame["finding_id"] for i in self.readings_of.get(finding, ()))
        named = {token for frame in (*claims, t.readings.iloc[readings]) for column in REFERENCE_COLUMNS
                 if column in frame for cell in frame[column] for token in cell.split()}
        facts = sorted({*own["facts"], *(self.fact_at[i] for i in named if i in self.fact_at)})
        lists = sorted({*own["lists"], *(self.list_at[i] for i in named if i in self.list_at)})
        cited = {s for cell in t.counties.iloc[own["counties"]]["sources"] for s in cell.split()}
        for name, rows in (("facts", facts), ("lists", lists), ("themes", own["themes"])):
            cited |= set(getattr(t, name).iloc[rows]["source"])
        sources = sorted(self.source_at[s] for s in cited if s in self.source_at)
        picked = {"counties": own["counties"], "sources": sources, "facts": facts, "lists": lists,
                  "findings": own["findings"], "checks": own["checks"], "readings": readings, "themes": own["themes"]}
        return {name: getattr(t, name).iloc[list(rows)] for name, rows in picked.items()} | \
               {name: getattr(t, name) for name in VOCABULARIES}


def county_rows(tables, county: str) -> dict[str, pd.DataFrame]:
    """Every row a county's notebooks read, by table (the vocabularies whole)."""
    return _Index(tables).rows(county)


def _digest_frames(frames: dict[str, pd.DataFrame]) -> str:
    h = hashlib.sha256()
    for name in sorted(frames):
        h.update(name.encode())
        h.update(frames[name].to_csv(index=False).encode())
    return h.hexdigest()


def run_digests(tables, jobs, code: str, notebooks: dict[str, bytes], links: dict[str, list]) -> dict[str, str]:
    """Each job's digest: the code, its notebook, its parameters, the rows it reads and the pages it links to.

    ``code`` digests the analysis package; ``notebooks`` maps a notebook's name to its bytes; ``links``
    maps a job's key to the pages its navigation names.
    """
    index = _Index(tables)
    everything = None
    by_county: dict[str, str] = {}
    digests = {}
    for job in jobs:
        if job.county is None:
            everything = everything or _digest_frames({name: getattr(tables, name) for name in TABLES})
            rows = everything
        else:
            if job.county not in by_county:
                by_county[job.county] = _digest_frames(index.rows(job.county))
            rows = by_county[job.county]
        h = hashlib.sha256()
        for part in (code, rows, json.dumps(job.parameters, sort_keys=True), json.dumps(links.get(job.key, []))):
            h.update(part.encode())
        h.update(notebooks[job.notebook])
        digests[job.key] = h.hexdigest()
    return digests
