"""Deterministic SYNTHETIC counties in the real tables' schema, for scaling tests and benchmarks.

Everything written is labelled synthetic (ids start with ``syn_``, titles say SYNTHETIC) and goes
to a folder of its own, never into data/. Each county gets a short invented "report" text, so the
locators can be verified like the real ones.
"""

from __future__ import annotations

import csv
import hashlib
import random
import shutil
from pathlib import Path

from analysis.paths import DATA_DIR
from analysis.schemas import COLUMNS

TOWN_NAMES = "东西南北中上下前后左右新老大小"


def _write(path: Path, table: str, rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS[table])
        writer.writeheader()
        writer.writerows(rows)


class _County:
    """Builds one county's report lines and the fact rows that cite them."""

    def __init__(self, index: int, rng: random.Random):
        self.id = f"syn_{index:04d}"
        self.source = f"{self.id}_s"
        self.rng = rng
        self.lines: list[str] = [f"合成数据 SYNTHETIC 县{index:04d} (not a real report)"]
        self.facts: list[dict] = []
        self.findings: list[dict] = []

    def fact(self, slug, entity, domain, measure, unit, sentence, as_written, value):
        fact_id = f"{self.id}_{slug}"
        self.lines.append(sentence)
        self.facts.append({
            "fact_id": fact_id, "county": self.id, "entity": entity, "domain": domain, "measure": measure,
            "period": "", "as_written": as_written, "value": value, "low": "", "high": "", "qualifier": "",
            "unit": unit, "source": self.source, "locator": sentence[:30], "note": "synthetic",
        })
        return fact_id

    def finding(self, slug, domain, claim, claimed, claim_fact, rule, inputs):
        self.findings.append({"finding_id": f"{self.id}_{slug}", "county": self.id, "domain": domain, "claim": claim,
                              "claimed": claimed, "claim_fact": claim_fact, "rule": rule, "inputs": " ".join(inputs),
                              "note": "synthetic"})

    def build(self, towns: int) -> None:
        rng = self.rng
        total = rng.randint(80, 450)
        used = rng.randint(total // 5, total * 3 // 5)
        unused = rng.randint(0, total - used)
        share = round(used / total * 100, 1)
        if rng.random() < 0.1:  # a few counties misstate their share, as real reports do
            share = round(share + rng.choice((-3, 3)), 1)
        t = self.fact("powers", "全县", "delegation", "powers_delegated", "项", f"全县下放管理权限{total}项。", f"{total}项", total)
        u = self.fact("in_use", "全县", "delegation", "powers_in_use", "项", f"其中正常运行的有{used}项,", f"{used}项", used)
        self.fact("unused", "全县", "delegation", "powers_unused", "项", f"暂未使用的有{unused}项。", f"{unused}项", unused)
        s = self.fact("in_use_share", "全县", "delegation", "powers_in_use_share", "%",
                      f"正常运行占下放权限总数的{share}%。", f"{share}%", share)
        self.finding("in_use_share", "delegation", f"正常运行占{share}%", f"{share}%", s, "share", [u, t])
        for k in range(towns):
            town = f"{TOWN_NAMES[k % len(TOWN_NAMES)]}{k // len(TOWN_NAMES) or ''}镇"
            admin, inst = rng.randint(10, 40), rng.randint(10, 60)
            a = self.fact(f"t{k}_admin", town, "staffing", "posts_administrative", "名", f"{town}行政编制{admin}名,", f"{admin}名", admin)
            i = self.fact(f"t{k}_inst", town, "staffing", "posts_institutional", "名", f"{town}事业编制{inst}名,", f"{inst}名", inst)
            p = self.fact(f"t{k}_posts", town, "staffing", "posts_total", "名", f"{town}核定编制{admin + inst}名。", f"{admin + inst}名", admin + inst)
            self.finding(f"t{k}_posts_sum", "staffing", f"{town}核定编制{admin + inst}名", f"{admin + inst}名", p, "sum", [a, i])
            tax = rng.randint(5, 150) / 10
            usable = round(tax * rng.uniform(0.05, 0.3), 1) or 0.1
            self.fact(f"t{k}_tax", town, "finance", "tax_revenue", "元", f"{town}税收收入{tax}亿,", f"{tax}亿", tax * 1e8)
            self.fact(f"t{k}_usable", town, "finance", "usable_funds", "元", f"{town}可用财力{usable}亿。", f"{usable}亿", usable * 1e8)
        tasks = rng.randint(5, 30)
        built = rng.randint(1, tasks)
        running = rng.randint(0, built)
        self.fact("tasks", "全县", "facilities", "culture_station_tasks", "个", f"下达文化站建设任务{tasks}个,", f"{tasks}个", tasks)
        self.fact("built", "全县", "facilities", "culture_stations_built", "个", f"已建成文化站{built}个,", f"{built}个", built)
        self.fact("running", "全县", "facilities", "culture_stations_operating", "个", f"投入运行的有{running}个。", f"{running}个", running)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def generate(n_counties: int, out: Path, seed: int = 0, towns: tuple[int, int] = (3, 6)) -> Path:
    """Write ``n_counties`` synthetic counties to ``out/data`` and their texts to ``out/reports``.

    Returns the data folder, ready for ``python -m analysis --data-dir <it> batch``.
    Same ``n_counties`` and ``seed``, same bytes.
    """
    out = Path(out)
    if out.resolve() == DATA_DIR.resolve() or DATA_DIR.resolve() in out.resolve().parents:
        raise ValueError("synthetic data never goes into data/")
    data, texts = out / "data", out / "reports"
    data.mkdir(parents=True, exist_ok=True)
    texts.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sources, counties, facts, findings = [], [], [], []
    for index in range(1, n_counties + 1):
        county = _County(index, random.Random(rng.getrandbits(64)))
        county.build(rng.randint(*towns))
        (texts / f"{county.id}.txt").write_text(county.text, encoding="utf-8")
        sources.append({"source": county.source, "file": f"{county.id}.txt", "part": "", "line_start": 1,
                        "line_end": len(county.lines), "title_zh": f"合成数据 县{index:04d}",
                        "title_en": f"SYNTHETIC county {index:04d}: invented numbers, not a real report",
                        "issuer": "synthetic generator", "place": "synthetic", "date": "",
                        "sha256": hashlib.sha256(county.text.encode("utf-8")).hexdigest(), "notes": f"seed {seed}"})
        counties.append({"county": county.id, "name_zh": f"合成县{index:04d}", "name_en": f"Synthetic county {index:04d}",
                         "level": "county", "parent": "", "province": "合成省 (synthetic)", "gb_code": "",
                         "anonymised": "false", "sources": county.source})
        facts += county.facts
        findings += county.findings
    _write(data / "sources.csv", "sources", sources)
    _write(data / "counties.csv", "counties", counties)
    _write(data / "facts.csv", "facts", facts)
    _write(data / "findings.csv", "findings", findings)
    for empty in ("lists", "checks", "readings", "themes"):
        _write(data / f"{empty}.csv", empty, [])
    for vocabulary in ("measures.csv", "theme_codes.csv", "glossary.csv"):
        shutil.copy(DATA_DIR / vocabulary, data / vocabulary)
    (out / "README.txt").write_text(f"SYNTHETIC data: {n_counties} invented counties, seed {seed}. Not real reports.\n", encoding="utf-8")
    return data
