"""The batch: every applicable notebook per county, failure isolation, incremental reruns, the site."""

import json
import shutil
import time

import nbformat
import pytest
from bs4 import BeautifulSoup

from analysis.batch import PER_COUNTY, SITE_WIDE, format_summary, run_batch
from analysis.cli import main
from analysis.outputs import write_chunks_atomic, write_text_atomic
from analysis.paths import DATA_DIR, NOTEBOOKS_DIR, reports_dir
from analysis.tables import load_tables
from tests.conftest import BATCH_COUNTIES
from tests.test_tables import set_cell


def statuses(summary):
    return {job["key"]: job["status"] for job in summary["jobs"]}


def _pages_with_data(counties):
    """(county, notebook) of the per-county notebooks whose domain has a number or claim of the county."""
    from analysis.views import domains_with_data

    with_data = set(domains_with_data(load_tables()))
    return {(c, n) for c in counties for n, domain in PER_COUNTY.items() if (c, domain) in with_data}


def test_runs_what_applies_and_skips_what_has_no_data(built_site):
    got = statuses(built_site["summary"])
    # each county's notebooks of the domains it has numbers or claims in (the five reports' own: test_five_reports_transcription)
    pages = _pages_with_data(BATCH_COUNTIES)
    assert got == {**{f"overview/{n}": "ok" for n in SITE_WIDE}, **{f"{c}/{n}": "ok" for c, n in pages}}
    every = {(c, n) for c in BATCH_COUNTIES for n in PER_COUNTY}
    assert set(map(tuple, built_site["summary"]["no_data"])) == every - pages != set()
    out = built_site["out"]
    for key in got:
        assert (out / "reports" / f"{key}.ipynb").is_file() and (out / "site" / f"{key}.html").is_file()
    executed = nbformat.read(out / "reports" / "laishui" / "03-delegation.ipynb", as_version=4)
    assert executed.metadata.papermill.parameters == {"county": "laishui"}  # parameters kept in metadata
    assert not list(out.rglob("*.tmp.ipynb"))


def test_a_second_run_with_no_change_skips_everything(built_site):
    started = time.perf_counter()
    summary = run_batch(BATCH_COUNTIES, jobs=2, reports_dir=built_site["out"] / "reports", site_dir=built_site["out"] / "site")
    assert set(statuses(summary).values()) == {"up to date"}
    assert time.perf_counter() - started < 10


def test_summary_lists_counties_by_notebook(built_site):
    text = format_summary(built_site["summary"], load_tables())
    summary = built_site["summary"]
    ok = sum(job["status"] == "ok" for job in summary["jobs"])
    assert "dongying" in text and "no data" in text and f"total: no data {len(summary['no_data'])}, ok {ok}" in text


def test_a_broken_notebook_fails_alone(tmp_path, capsys):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS_DIR, notebooks)
    broken = nbformat.read(notebooks / "03-delegation.ipynb", as_version=4)
    broken.cells.insert(3, nbformat.v4.new_code_cell('raise RuntimeError("deliberately broken for the test")'))
    nbformat.write(broken, notebooks / "03-delegation.ipynb")

    code = main(["batch", "--county", "laishui", "--notebook", "02-staffing", "--notebook", "03-delegation",
                 "--jobs", "2", "--notebooks-dir", str(notebooks), "--out", str(tmp_path)])
    printed = capsys.readouterr().out
    assert code == 1
    assert "FAILED laishui/03-delegation: RuntimeError: deliberately broken for the test" in printed
    state = json.loads((tmp_path / "reports" / ".batch-state.json").read_text())
    assert state["laishui/02-staffing"]["status"] == "ok"
    # the executed copy keeps the error cell; its page and the index say it failed
    executed = nbformat.read(tmp_path / "reports" / "laishui" / "03-delegation.ipynb", as_version=4)
    assert any(o.get("output_type") == "error" for c in executed.cells for o in c.get("outputs", []))
    page = (tmp_path / "site" / "laishui" / "03-delegation.html").read_text(encoding="utf-8")
    assert "This run failed." in page
    index = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "RuntimeError: deliberately broken for the test" in index.get_text()
    good = (tmp_path / "site" / "laishui" / "02-staffing.html").read_text(encoding="utf-8")
    assert "This run failed." not in good and "义安镇" in good


def test_data_strings_are_escaped_on_every_page(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    rows = (data / "findings.csv").read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(rows, start=1) if line.startswith("laishui_posts_bodies_sum,"))
    set_cell(data / "findings.csv", row, "note", '<script>alert("x")</script> & <b>bold</b>')
    run_batch(["laishui"], ["02-staffing"], jobs=1, data_dir=data, reports_dir=tmp_path / "reports", site_dir=tmp_path / "site")
    for page in (tmp_path / "site" / "index.html", tmp_path / "site" / "laishui" / "02-staffing.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert '<script>alert("x")</script>' in soup.get_text()  # shown as text
        assert not [s for s in soup.find_all("script") if "alert" in s.get_text()]
        assert not [b for b in soup.find_all("b") if b.get_text() == "bold"]


def test_an_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "index.html"
    target.write_text("old, complete page", encoding="utf-8")

    def crash(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("analysis.outputs.os.replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "new page")
    assert target.read_text(encoding="utf-8") == "old, complete page"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


@pytest.fixture
def small_disk(tmp_path):
    """A 64 KiB file system (tmpfs, which root may mount): a write past its room fails as on a full disk."""
    import subprocess

    disk = tmp_path / "disk"
    disk.mkdir()
    if not shutil.which("mount") or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
                                                   capture_output=True).returncode:
        pytest.skip("no tmpfs can be mounted here (it takes root)")
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.parametrize("writer", ["text", "bytes", "chunks"])
def test_a_full_disk_leaves_the_old_file_and_the_error_names_it(small_disk, writer):
    import errno

    from analysis.outputs import write_bytes_atomic

    target = small_disk / "index.html"
    old = "<p>乡镇 401项</p>\n" * 1000  # 19 kB
    write_text_atomic(target, old)
    new = "<p>x</p>\n" * 10_000  # 90 kB: more than the room left
    write = {"text": lambda: write_text_atomic(target, new), "bytes": lambda: write_bytes_atomic(target, new.encode()),
             "chunks": lambda: write_chunks_atomic(target, iter([new[:45_000], new[45_000:]]))}[writer]
    with pytest.raises(OSError) as caught:
        write()
    # the disk named no file ("[Errno 28] No space left on device"); the error names the one that was not written
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(target)
    assert str(caught.value) == f"[Errno 28] No space left on device: '{target}'"
    assert target.read_text(encoding="utf-8") == old
    assert [p.name for p in small_disk.iterdir()] == ["index.html"]  # the temporary file is gone, its room free again


def test_a_refused_temporary_file_and_a_failed_rename_name_the_file_meant(tmp_path, monkeypatch):
    import errno
    import tempfile

    target = tmp_path / "index.html"
    target.write_text("old, complete page", encoding="utf-8")

    def refused(dir, prefix, suffix):  # as a folder the user may not write to refuses (root may write anywhere)
        raise PermissionError(errno.EACCES, "Permission denied", f"{dir}/{prefix}k3j9x{suffix}")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(PermissionError) as caught:
        write_text_atomic(target, "new page")
    assert str(caught.value) == f"[Errno 13] Permission denied: '{target}'"
    monkeypatch.undo()

    def io_error(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("analysis.outputs.os.replace", io_error)
    with pytest.raises(OSError) as caught:
        write_text_atomic(target, "new page")
    assert str(caught.value) == f"[Errno 5] Input/output error: '{target}'"
    assert target.read_text(encoding="utf-8") == "old, complete page"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_page_written_in_chunks_is_their_text_and_a_failing_chunk_leaves_the_old_file(tmp_path):
    target = tmp_path / "index.html"
    write_chunks_atomic(target, iter(["<p>乡镇", "</p>\n", "<p>401项</p>\n"]))
    assert target.read_bytes() == "<p>乡镇</p>\n<p>401项</p>\n".encode()  # UTF-8, "\n" untranslated

    def rows():
        yield "<p>half a page"
        raise ValueError("row 3: bad cell")

    with pytest.raises(ValueError, match="row 3"):
        write_chunks_atomic(target, rows())
    assert target.read_text(encoding="utf-8") == "<p>乡镇</p>\n<p>401项</p>\n"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_page_made_by_a_filtered_batch_is_relinked_when_its_neighbours_are_made(tmp_path):
    """A --county batch links only pages that exist; the later batch that makes a neighbour renders the
    first page again (its run is up to date, so it is not executed again) with the link to it."""
    folders = {"notebooks": ["03-delegation"], "jobs": 1, "reports_dir": tmp_path / "reports", "site_dir": tmp_path / "site"}

    def links(county):
        soup = BeautifulSoup((tmp_path / "site" / county / "03-delegation.html").read_text(encoding="utf-8"), "html.parser")
        return {rel: a["href"] for rel in ("prev", "next") if (a := soup.find("a", rel=rel))}

    first = run_batch(["laishui"], **folders)
    assert statuses(first) == {"laishui/03-delegation": "ok"} and first["relinked"] == []
    assert links("laishui") == {}  # no other county's delegation page yet
    executed = tmp_path / "reports" / "laishui" / "03-delegation.ipynb"
    run_at = executed.stat().st_mtime_ns

    second = run_batch(["dongying"], **folders)
    assert statuses(second) == {"dongying/03-delegation": "ok"}
    assert second["relinked"] == ["laishui/03-delegation"]
    assert links("laishui") == {"prev": "../dongying/03-delegation.html"}  # 东营 comes before 涞水 in counties.csv
    assert links("dongying") == {"next": "../laishui/03-delegation.html"}
    assert executed.stat().st_mtime_ns == run_at  # rendered again, not run again
    assert "pages relinked to neighbours made since (not run again): 1" in format_summary(second, load_tables())

    third = run_batch(["dongying", "laishui"], **folders)
    assert set(statuses(third).values()) == {"up to date"} and third["relinked"] == []


def test_a_page_whose_executed_notebook_is_gone_is_left_as_it_is(tmp_path):
    folders = {"notebooks": ["03-delegation"], "jobs": 1, "reports_dir": tmp_path / "reports", "site_dir": tmp_path / "site"}
    run_batch(["laishui"], **folders)
    (tmp_path / "reports" / "laishui" / "03-delegation.ipynb").unlink()  # its page cannot be rendered again
    page = (tmp_path / "site" / "laishui" / "03-delegation.html").read_bytes()
    summary = run_batch(["dongying"], **folders)
    assert statuses(summary) == {"dongying/03-delegation": "ok"} and summary["relinked"] == []
    assert (tmp_path / "site" / "laishui" / "03-delegation.html").read_bytes() == page


def test_force_reruns(built_site, tmp_path):
    shutil.copytree(built_site["out"], tmp_path / "copy")
    summary = run_batch(["anhui"], ["00-overview"], jobs=1, force=True,
                        reports_dir=tmp_path / "copy" / "reports", site_dir=tmp_path / "copy" / "site")
    assert statuses(summary) == {"overview/00-overview": "ok"}


def test_outputs_are_readable_by_others_as_a_plain_open_would_make_them(tmp_path):
    plain = tmp_path / "plain.html"
    plain.write_text("page", encoding="utf-8")
    write_text_atomic(tmp_path / "site" / "index.html", "page")
    mode = (tmp_path / "site" / "index.html").stat().st_mode & 0o777
    assert mode == plain.stat().st_mode & 0o777  # under the usual umask 0644, not mkstemp's owner-only 0600


def test_site_pages_have_the_permissions_of_a_plain_open(built_site):
    from analysis.outputs import FILE_MODE

    pages = list((built_site["out"] / "site").rglob("*.html"))
    assert pages and {p.stat().st_mode & 0o777 for p in pages} == {FILE_MODE}


def test_a_filtered_run_keeps_the_index_of_the_whole_site(built_site):
    # the README's own example: one county, one notebook. The index must still describe every page on disk.
    site = built_site["out"] / "site"
    before = (site / "index.html").read_text(encoding="utf-8")
    summary = run_batch(["laishui"], ["02-staffing"], jobs=1, force=True,
                        reports_dir=built_site["out"] / "reports", site_dir=site)
    assert statuses(summary) == {"laishui/02-staffing": "ok"}
    after = (site / "index.html").read_text(encoding="utf-8")
    assert after == before
    soup = BeautifulSoup(after, "html.parser")
    linked = {a["href"] for a in soup.select("a[href$='.html']")} - {"index.html"}  # the navigation's own "Front page"
    on_disk = {str(p.relative_to(site)) for p in site.rglob("*.html") if p.name != "index.html"}
    # every page on disk is linked from the front page (the long tables, glossary and sources by its navigation, each
    # report's text by its part), and no link points nowhere
    assert linked == on_disk
    # counties this batch never ran say so, rather than "no data in the reports"
    row = next(tr for tr in soup.select("tr") if tr.find("code") and tr.find("code").text == "yixian")
    # 黟县 (003 part 7), never run here: its notebooks with data say so, the others that the reports give nothing
    with_data = len(_pages_with_data(["yixian"]))
    assert row.text.count("not run yet") == with_data > 0
    assert row.text.count("no numbers or claims in the reports") == len(PER_COUNTY) - with_data


def test_every_link_and_anchor_of_the_site_resolves(built_site):
    # the path of a number: source passage <-> fact row <-> finding <-> page <-> index, every href and #anchor real
    from urllib.parse import unquote, urlparse

    site = built_site["out"] / "site"
    ids, links = {}, []
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids[page] = {tag["id"] for tag in soup.find_all(id=True)}
        links += [(page, a["href"]) for a in soup.find_all("a", href=True)]
    checked = 0
    for page, href in links:
        url = urlparse(href)
        assert not url.scheme or url.scheme == "data", href  # nothing from the network
        if url.scheme == "data":  # a figure's numbers as CSV, inline
            continue
        target = (page.parent / unquote(url.path)).resolve() if url.path else page
        assert target.is_file(), (page, href)
        if url.fragment and target.suffix == ".html":
            assert url.fragment in ids[target], (page, href)
        checked += 1
    if reports_dir() is not None:
        assert checked > 500  # the source pages and their back-links
    else:  # without the report texts there are no source pages, and nothing may point to one
        assert checked > 300 and not (site / "sources").exists()
        assert not any("sources/" in href for _, href in links)
    assert (site / "static" / "site.css").is_file() and (site / "static" / "notebook.css").is_file()


def test_a_fact_is_one_click_from_its_passage_and_back(built_site, source_reports):
    # 001 東營: "能正常運行的有179項" is marked in the source page, and the mark links back to its fact row and findings
    site = built_site["out"] / "site"
    page = BeautifulSoup((site / "dongying" / "03-delegation.html").read_text(encoding="utf-8"), "html.parser")
    link = page.find("a", href="../sources/s001.html#dongying_powers_in_use")
    assert link is not None and link.find_parent("tr")["id"] == "fact-dongying_powers_in_use"
    source = BeautifulSoup((site / "sources" / "s001.html").read_text(encoding="utf-8"), "html.parser")
    mark = source.find(id="dongying_powers_in_use")
    assert mark.name == "mark" and mark.get_text() == "能正常運行的有179項"
    back = {a["href"] for a in mark.find_parent(class_="line").select(".used a")}
    assert "../dongying/03-delegation.html#fact-dongying_powers_in_use" in back
    assert "../dongying/ledger.html#finding-dongying_in_use_share" in back  # 179 of 401 = 44.6%, on dongying's ledger page
    ledger = BeautifulSoup((site / "dongying" / "ledger.html").read_text(encoding="utf-8"), "html.parser")
    assert "44.6%" in ledger.find(id="finding-dongying_in_use_share").get_text()


def test_pages_share_one_stylesheet_and_offer_their_notebook(built_site):
    page = (built_site["out"] / "site" / "dongying" / "03-delegation.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert not soup.find_all("style")  # no 264 kB copy of JupyterLab's CSS in every page
    assert [l["href"] for l in soup.find_all("link", rel="stylesheet")] == ["../static/notebook.css", "../static/site.css"]
    assert soup.find("a", href="03-delegation.ipynb", download=True)
    assert nbformat.read(built_site["out"] / "site" / "dongying" / "03-delegation.ipynb", as_version=4).metadata.papermill
    toc = soup.find("nav", class_="site-toc")
    assert toc and len(toc.find_all("a")) >= 5
    assert soup.find("a", rel="next")  # the same notebook for the next county with data


def test_tables_on_pages_are_whole_and_have_no_index_column(built_site):
    from analysis.audit import audit_findings

    page = BeautifulSoup((built_site["out"] / "site" / "laishui" / "02-staffing.html").read_text(encoding="utf-8"), "html.parser")
    for table in page.select("div.table-scroll table"):
        assert all(th.get_text(strip=True) for th in table.select("thead th"))  # no empty pandas index header
    assert all(div.get("tabindex") == "0" and div.get("role") == "region" for div in page.select("div.table-scroll"))
    # 003 part 10: the note on the 59 posts is shown whole, not cut at 50 characters
    note = audit_findings(load_tables()).set_index("finding_id").at["laishui_posts_bodies_sum", "note"]
    assert len(note) > 200 and note in page.get_text()


def test_each_figures_numbers_download_as_csv(built_site):
    import csv
    import io
    from urllib.parse import unquote

    page = BeautifulSoup((built_site["out"] / "site" / "dongying" / "03-delegation.html").read_text(encoding="utf-8"), "html.parser")
    links = page.select("p.csv-link a[download]")
    assert len(links) == len(page.select(".jp-OutputArea-child img"))  # one per figure
    rows = list(csv.DictReader(io.StringIO(unquote(links[0]["href"].split(",", 1)[1]).lstrip("\ufeff"))))
    # 001 東營: the claims figure draws "44.6%" (179 of 401) with its window [44.55, 44.65)
    row = next(r for r in rows if r["finding_id"] == "dongying_in_use_share")
    assert (row["claimed"], row["claim_low"], row["claim_high"]) == ("44.6%", "44.55", "44.65")


def test_the_ledger_links_each_finding_to_its_county_page_and_each_theme_to_its_passage(built_site, source_reports):
    site = built_site["out"] / "site"
    soup = BeautifulSoup((site / "ledger.html").read_text(encoding="utf-8"), "html.parser")
    row = soup.find(id="finding-dongying_in_use_share")
    assert row.find("a", href="dongying/03-delegation.html#finding-dongying_in_use_share")  # its row on its notebook page
    assert row.find("a", href="sources/s001.html#dongying_powers_in_use_share")  # the claim's own passage
    soup = BeautifulSoup((site / "problems.html").read_text(encoding="utf-8"), "html.parser")
    themes = soup.find(id="themes").find_next("table")
    assert themes.select("a[href^='sources/s001.html#theme-']")


def test_the_overviews_comparisons_link_each_number_to_its_passage(built_site, source_reports):
    # 001 東營's 401 delegated powers, compared across counties on the overview, one click from "本市下放的401項"
    page = BeautifulSoup((built_site["out"] / "site" / "overview" / "00-overview.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("a", href="../sources/s001.html#dongying_powers_delegated")
    assert page.find("a", href="../anon_district_pp/ledger.html#finding-anon_district_pp_institutions_cut_2002")  # a stated cut, to its ledger row


def test_a_killed_runs_temporary_notebooks_are_removed_by_the_next_run(built_site):
    leftover = built_site["out"] / "reports" / "laishui" / ".02-staffing.99999.tmp.ipynb"
    leftover.write_text("{}", encoding="utf-8")
    run_batch(["laishui"], ["02-staffing"], jobs=1, reports_dir=built_site["out"] / "reports", site_dir=built_site["out"] / "site")
    assert not leftover.exists()


def test_a_failed_write_keeps_the_executed_notebook_and_names_it(tmp_path, monkeypatch):
    """A full disk during a forced rerun: papermill's write of the notebook stops part-way (issue 28 found
    36,864 bytes of broken JSON where a 254,646-byte notebook had been). The good one stays, byte for byte."""
    import errno

    import papermill.iorw

    folders = {"jobs": 1, "reports_dir": tmp_path / "reports", "site_dir": tmp_path / "site"}
    assert statuses(run_batch(["laishui"], ["02-staffing"], **folders)) == {"laishui/02-staffing": "ok"}
    executed = tmp_path / "reports" / "laishui" / "02-staffing.ipynb"
    good = executed.read_bytes()

    def full_disk(self, buf, path):  # papermill's own write, cut short as a full disk cuts it
        with open(path, "w", encoding="utf-8") as f:
            f.write(buf[:len(buf) // 3])
            f.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(papermill.iorw.LocalHandler, "write", full_disk)  # the workers are forked: they have it too
    summary = run_batch(["laishui"], ["02-staffing"], force=True, **folders)
    error = (f"{executed}: not written (No space left on device); the previous one is kept; "
             "run the batch again once it can be written")
    assert summary["jobs"][0]["status"] == "failed" and summary["jobs"][0]["error"] == error
    assert executed.read_bytes() == good
    assert [p.name for p in executed.parent.iterdir()] == [executed.name]  # no cut-short temporary notebook
    # the page is made again from the kept notebook, saying the run failed, as the index does
    page = BeautifulSoup((tmp_path / "site" / "laishui" / "02-staffing.html").read_text(encoding="utf-8"), "html.parser")
    assert "This run failed." in page.get_text() and error in page.get_text() and "义安镇" in page.get_text()
    assert summary["relinked"] == ["laishui/02-staffing"]
    index = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert error in index.get_text() and index.find(id="batch-notice") is None


def test_an_up_to_date_batch_marks_the_index_while_it_runs_and_leaves_it_byte_for_byte(tmp_path, monkeypatch):
    """From a batch's start the index says its statuses may be out of date (a batch killed then leaves it saying
    so); a batch that ends takes the notice off again, here restoring the very bytes it had."""
    import analysis.batch

    folders = {"notebooks": ["03-delegation"], "jobs": 1, "reports_dir": tmp_path / "reports", "site_dir": tmp_path / "site"}
    run_batch(["laishui"], **folders)
    index = tmp_path / "site" / "index.html"
    before = index.read_bytes()
    assert analysis.batch.BATCH_NOTICE not in before
    seen = []
    real = analysis.batch._stale_links

    def look(*args):  # between the start and the end of the batch
        seen.append(index.read_bytes())
        return real(*args)

    monkeypatch.setattr(analysis.batch, "_stale_links", look)
    assert statuses(run_batch(["laishui"], **folders)) == {"laishui/03-delegation": "up to date"}
    marked = BeautifulSoup(seen[0].decode(), "html.parser")
    notice = marked.find(id="batch-notice")
    assert notice.get_text() == ("A batch is running or was interrupted: statuses may be out of date. "
                                 "They are checked again when a batch ends (make reports).")
    assert next(c for c in marked.find("main").children if c.name) is notice  # first in the page's main part
    assert seen[0].replace(analysis.batch.BATCH_NOTICE, b"") == before
    assert index.read_bytes() == before


@pytest.mark.parametrize("failures, status", [(1, "ok"), (2, "failed")])
def test_a_kernel_that_did_not_start_is_started_once_more(failures, status, tmp_path, monkeypatch):
    """jupyter_client picks free ports and closes them before the kernel binds them; another process may take one
    between ("Address already in use"), and nbclient then says the kernel died before replying to kernel_info. No
    cell ran: the run starts its kernel once more; a second such failure fails the run, naming it."""
    import papermill

    calls = []
    real = papermill.execute_notebook

    def flaky(*args, **kwargs):  # the workers are forked: they have it too, and count in their own process
        calls.append(1)
        if len(calls) <= failures:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return real(*args, **kwargs)

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    summary = run_batch(["laishui"], ["02-staffing"], jobs=1, reports_dir=tmp_path / "reports", site_dir=tmp_path / "site")
    job = summary["jobs"][0]
    assert job["status"] == status
    if status == "failed":
        assert job["error"] == "RuntimeError: Kernel died before replying to kernel_info"
    else:
        assert (tmp_path / "reports" / "laishui" / "02-staffing.ipynb").is_file()
