"""Benchmark of the commons: the content check, our build, a plain Material build and the Pelican build on generated
corpora.

    .venv/bin/python scripts/benchmark.py --tailles 100 1000 5000 --repetitions 3 [--garder DIR] [--profil]
        [--plafond-simple SECONDS] [--seulement verifier,nous,simple,pelican,reedition,serve,serve-pelican]

For each size, scripts/corpus.py writes a corpus (our project) and its plain twin (the same pages,
MkDocs + Material alone, `navigation.prune`, no plugin of ours). Each measure runs in a fresh
subprocess, in turn, `--repetitions` times:

- vérification : `python -m communs verifier --racine CORPUS --strict` (the content check alone);
- nos greffons : `python -m mkdocs build --strict` of the corpus (our plugins, our theme overrides);
- MkDocs seul   : `python -m mkdocs build` of the plain twin;
- Pelican       : `python -m communs.adapters.pelican.construire CORPUS CORPUS/site-pelican --strict`, in Pelican's own
  environment (.venv-pelican, `make .venv-pelican/.installe`), the corpus carrying the repository's pelicanconf.py,
  its content cache emptied before each full build.

Each of our full builds, with either engine, starts without the project's own cache (`.cache/`: the preview cards and
the processed pictures, kept between builds on a working copy), as on a fresh clone or in the publishing workflow:
the cards are drawn during every full build measured, never left by the build before it.

Then, for our MkDocs build and for Pelican, « après une modification »: one solution's text is edited and the build
runs again in a fresh subprocess, as `make build` or `make pelican` would after that edit (MkDocs rebuilds everything,
Pelican reads again only the edited file through its content cache); the edited page is checked to hold the new text.

Then « make serve »: `mkdocs serve --dirty` is started on the corpus; once its first build answers, one solution's
text is saved with a new sentence and its page is asked for until it shows the sentence: the time from the save to
the refreshed page; then the same with `make serve-pelican` (Pelican's server, which writes a page saved below an
unchanged front-matter at once, then builds what changed).

It reports the median wall time, the peak resident memory of the subprocess (from `os.wait4`), the
size of the built site, the HTML bytes per page and the size of the search index, as a Markdown table,
then the ratios ours / plain, the files checked per second, the targets of the issue and how each cost grows from the
smallest size to the largest (a cost that grows faster than the items is super-linear). `--plafond-simple` stops the
plain Material build after that many seconds (its time is then a lower bound: Material renders the whole navigation
into every page, which grows with the square of the pages). The targets
are printed, never asserted: speed is measured here, not in the tests. `--seulement` runs only some of the measures
(a comma-separated list of the names above, `reedition` for both « après une modification »): cheaper while working
on one of them; by default, all of them.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import corpus

REPO = Path(__file__).resolve().parent.parent

CHECK = "verification"
OURS = "communs"
PLAIN = "simple"
PELICAN = "pelican"
EDIT_OURS = "communs-modification"
EDIT_PELICAN = "pelican-modification"
SERVE = "serve"
SERVE_PELICAN = "serve-pelican"
EDITS = "reedition"
CHOICES = {
    "verifier": CHECK,
    "nous": OURS,
    "simple": PLAIN,
    "pelican": PELICAN,
    "reedition": EDITS,
    "serve": SERVE,
    "serve-pelican": SERVE_PELICAN,
}
"""The names `--seulement` takes -> the measure they select."""
VARIANTS = (CHECK, OURS, PLAIN, PELICAN)
LABELS = {
    CHECK: "vérification seule",
    OURS: "nos greffons (MkDocs)",
    PLAIN: "MkDocs + Material seuls",
    PELICAN: "Pelican (même contenu)",
    EDIT_OURS: "MkDocs après une modification",
    EDIT_PELICAN: "Pelican après une modification",
    SERVE: "make serve : enregistrement → page à jour",
    SERVE_PELICAN: "make serve-pelican : enregistrement → page à jour",
}
PELICAN_PYTHON = REPO / ".venv-pelican" / "bin" / "python"
PELICAN_SITE = "site-pelican"
CACHE = ".cache"
"""The project's own cache (core.site.CACHE): preview cards, processed pictures."""
EDITED = "Une phrase ajoutée pour mesurer la reconstruction."

# The targets of the issue, for 5,000 items.
TARGET_SIZE = 5000
TARGET_MEMORY_MB = 500
TARGET_HTML_KB = 30
TARGET_FILES_PER_SECOND = 2000
# The targets of issue 15, at 5,000 items (the edit loop also at 1,000).
TARGET_BUILD_SECONDS = 30
TARGET_PLAIN_RATIO = 0.25
TARGET_SERVE_SECONDS = {1000: 3.0, 5000: 5.0}
# The targets of the Pelican build at 5,000 items.
TARGET_PELICAN_SECONDS = 20
TARGET_PELICAN_EDIT_SECONDS = 3

_CHECKED = re.compile(r"(\d+) fichiers vérifiés en ([\d.]+) s : (\d+) erreur\(s\), (\d+) avertissement\(s\)")


@dataclass
class Run:
    seconds: float
    peak_kb: int
    returncode: int
    log: Path


@dataclass
class SiteStats:
    pages: int = 0
    total_bytes: int = 0
    html_mean: float = 0.0
    html_max: int = 0
    heaviest: str = ""
    over_target: int = 0
    search_bytes: int = 0


@dataclass
class Result:
    size: int
    variant: str
    runs: list[Run] = field(default_factory=list)
    site: SiteStats | None = None
    files: int = 0
    inner_seconds: float = 0.0
    diagnostics: str = ""
    warnings: int = 0

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(run.returncode == 0 for run in self.runs)

    @property
    def median(self) -> float:
        return statistics.median(run.seconds for run in self.runs) if self.runs else 0.0

    @property
    def peak_mb(self) -> float:
        return max(run.peak_kb for run in self.runs) / 1024 if self.runs else 0.0


ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
TIMED_OUT = -9


def measure(command: Sequence[str], cwd: Path, log: Path, limit: float | None = None) -> Run:
    """Run `command` in a fresh subprocess: wall time, and peak RSS of that child from wait4. Past `limit` seconds
    the child is stopped and the run says so (return code TIMED_OUT, its time is the limit: a lower bound)."""
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=ENV)
        timer = threading.Timer(limit, process.send_signal, (signal.SIGKILL,)) if limit else None
        if timer is not None:
            timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if timer is not None:
            timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(elapsed, usage.ru_maxrss, process.returncode, log)


def site_stats(site: Path) -> SiteStats:
    stats = SiteStats()
    sizes: dict[str, int] = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        stats.total_bytes += size
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html" and rel != "404.html":
            sizes[rel] = size
        material_index = rel.startswith("search/") and path.suffix == ".json"
        our_index = rel.startswith("recherche/") and path.suffix == ".js"  # the commons' prebuilt French index
        if material_index or our_index or re.search(r"search.?index.*\.json$", path.name):
            stats.search_bytes += size
    if sizes:
        stats.pages = len(sizes)
        stats.html_mean = statistics.fmean(sizes.values())
        stats.heaviest = max(sizes, key=lambda rel: sizes[rel])
        stats.html_max = sizes[stats.heaviest]
        stats.over_target = sum(1 for size in sizes.values() if size > TARGET_HTML_KB * 1024)
    return stats


def _site(variant: str, project: Path) -> Path:
    return project / (PELICAN_SITE if variant in (PELICAN, EDIT_PELICAN) else "site")


def _commands(variant: str, project: Path) -> list[str]:
    if variant == CHECK:
        return [sys.executable, "-m", "communs", "verifier", "--racine", str(project), "--strict"]
    if variant in (PELICAN, EDIT_PELICAN):
        # Without the web editor, as the corpus' MkDocs configuration (corpus.py): it is not what is measured.
        command = [str(PELICAN_PYTHON), "-m", "communs.adapters.pelican.construire", str(project), str(_site(variant, project))]
        return [*command, "--strict", "--sans-editeur"]
    if variant == EDIT_OURS:
        return [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "--strict"]
    build = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
    return [*build, "--strict"] if variant == OURS else build


def bench_size(
    size: int,
    root: Path,
    repetitions: int,
    seed: int,
    plain_limit: float | None = None,
    only: frozenset[str] = frozenset(CHOICES.values()),
) -> list[Result]:
    ours, plain = root / f"corpus-{size}", root / f"simple-{size}"
    logs = root / "journaux"
    logs.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    corpus.generate(ours, size, seed, replace=True)
    corpus.generate_plain(ours, plain, replace=True)
    shutil.copyfile(REPO / "pelicanconf.py", ours / "pelicanconf.py")
    _say(f"{size} éléments : corpus généré en {time.perf_counter() - started:.1f} s dans {root}")
    projects = {CHECK: ours, OURS: ours, PLAIN: plain, PELICAN: ours, EDIT_OURS: ours, EDIT_PELICAN: ours}
    variants = tuple(v for v in VARIANTS if v in only and (v != PELICAN or PELICAN_PYTHON.is_file()))
    results = {variant: Result(size, variant) for variant in variants}
    for repetition in range(1, repetitions + 1):
        for variant in variants:  # in turn, so that a slow moment of the machine spreads over all of them
            project = projects[variant]
            shutil.rmtree(_site(variant, project), ignore_errors=True)
            shutil.rmtree(project / (PELICAN_SITE + ".cache"), ignore_errors=True)
            if variant in (OURS, PELICAN):
                shutil.rmtree(project / CACHE, ignore_errors=True)  # cold: the cards drawn in every run (see above)
            log = logs / f"{size}-{variant}-{repetition}.log"
            run = measure(_commands(variant, project), project, log, plain_limit if variant == PLAIN else None)
            results[variant].runs.append(run)
            state = "" if run.returncode == 0 else f" ÉCHEC (code {run.returncode}, voir {log})"
            if run.returncode == TIMED_OUT:
                state = f" ARRÊTÉ après {plain_limit:.0f} s (--plafond-simple) : plus long que cela"
            _say(f"  {size} {LABELS[variant]} n°{repetition} : {run.seconds:.2f} s, {run.peak_kb / 1024:.0f} Mo{state}")
    edited = [(EDIT_OURS, OURS), *([(EDIT_PELICAN, PELICAN)] if PELICAN_PYTHON.is_file() else [])]
    for variant, built in edited if EDITS in only else []:
        results[variant] = edit_rebuild(size, variant, projects[variant], built, logs, repetitions)
    if SERVE in only:
        results[SERVE] = serve_edit(size, ours, logs, repetitions)
    if SERVE_PELICAN in only and PELICAN_PYTHON.is_file():
        results[SERVE_PELICAN] = serve_edit(size, ours, logs, repetitions, pelican=True)
    for variant, result in results.items():
        text = result.runs[-1].log.read_text(encoding="utf-8", errors="replace")
        result.warnings = sum(1 for line in text.splitlines() if line.startswith(("WARNING", "ERROR")))
        if variant == CHECK:
            match = _CHECKED.search(text)
            if match:
                result.files, result.inner_seconds = int(match.group(1)), float(match.group(2))
                result.diagnostics = f"{match.group(3)} erreur(s), {match.group(4)} avertissement(s)"
        elif variant not in (SERVE, SERVE_PELICAN) and _site(variant, projects[variant]).is_dir():
            result.site = site_stats(_site(variant, projects[variant]))
    return list(results.values())


def edit_rebuild(size: int, variant: str, project: Path, built: str, logs: Path, repetitions: int) -> Result:
    """One solution edited, then the build again over its previous output (and Pelican's cache): the time until the
    edited page is written anew."""
    result = Result(size, variant)
    source = sorted((project / "prototypes").glob("*.md"))[0]
    original = source.read_text(encoding="utf-8")
    shutil.rmtree(_site(built, project), ignore_errors=True)
    shutil.rmtree(project / (PELICAN_SITE + ".cache"), ignore_errors=True)
    measure(_commands(built, project), project, logs / f"{size}-{variant}-avant.log")
    try:
        for repetition in range(1, repetitions + 1):
            source.write_text(original + f"\n{EDITED} ({repetition})\n", encoding="utf-8")
            run = measure(_commands(variant, project), project, logs / f"{size}-{variant}-{repetition}.log")
            page = _site(variant, project) / "prototypes" / source.stem / "index.html"
            if run.returncode == 0 and f"{EDITED} ({repetition})" not in page.read_text(encoding="utf-8"):
                run.returncode = -1  # the page was not refreshed
            result.runs.append(run)
            _say(f"  {size} {LABELS[variant]} n°{repetition} : {run.seconds:.2f} s")
    finally:
        source.write_text(original, encoding="utf-8")
    return result


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, marker: str | None, deadline: float) -> float | None:
    """Ask for `url` until it answers (and holds `marker`): the moment it did, or None past `deadline`."""
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read().decode("utf-8", errors="replace")
            if marker is None or marker in body:
                return time.perf_counter()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    return None


def serve_edit(size: int, project: Path, logs: Path, repetitions: int, *, pelican: bool = False) -> Result:
    """`make serve` (`mkdocs serve --dirty`) on the corpus: once the server has built the site, one solution's text
    is saved with a new sentence, and its page is asked for until it shows it: the time from the save to the
    refreshed page, as a person editing with the browser open waits for it. Peak memory is the server's. With
    `pelican`, the same for `make serve-pelican` (`construire --servir`)."""
    variant = SERVE_PELICAN if pelican else SERVE
    result = Result(size, variant)
    port = _free_port()
    source = sorted((project / "prototypes").glob("*.md"))[1]
    original = source.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/prototypes/{source.stem}/"
    log = logs / f"{size}-{variant}.log"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--dirty",
        "--dev-addr",
        f"127.0.0.1:{port}",
        "-f",
        str(project / "mkdocs.yml"),
    ]
    if pelican:
        command = [*_commands(PELICAN, project), "--servir", str(port)]
    with log.open("wb") as out:
        start = time.perf_counter()
        server = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=ENV)
        try:
            ready = _wait_for(url, None, start + 1800)
            _say(f"  {size} make serve : premier affichage après {(ready or time.perf_counter()) - start:.1f} s")
            for repetition in range(1, repetitions + 1 if ready else 1):
                time.sleep(1.5)  # the server's watcher settles after the previous build
                marker = f"{EDITED} (serve {repetition})"
                saved = time.perf_counter()
                source.write_text(original + f"\n{marker}\n", encoding="utf-8")
                seen = _wait_for(url, marker, saved + 600)
                run = Run((seen or time.perf_counter()) - saved, 0, 0 if seen else -1, log)
                result.runs.append(run)
                _say(f"  {size} {LABELS[variant]} n°{repetition} : {run.seconds:.2f} s{_reconstruction(log)}")
        finally:
            source.write_text(original, encoding="utf-8")
            server.send_signal(signal.SIGINT)
            try:
                _, _, usage = os.wait4(server.pid, 0)
                for run in result.runs:
                    run.peak_kb = usage.ru_maxrss
            except ChildProcessError:
                pass
    if not result.runs:
        result.runs.append(Run(0.0, 0, -1, log))
    return result


_CONSTRUIT_EN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def _reconstruction(log: Path) -> str:
    """What the server says its last build took (MkDocs writes it), the rest being the wait for its watcher."""
    found = _CONSTRUIT_EN.findall(log.read_text(encoding="utf-8", errors="replace"))
    return f" (dont la reconstruction : {float(found[-1]):.2f} s, d'après le serveur)" if len(found) > 1 else ""


def growth(results: Sequence[Result]) -> str:
    """How each cost grows from the smallest size to the largest: a cost that grows faster than the items is
    super-linear."""
    sizes = sorted({r.size for r in results})
    if len(sizes) < 2:
        return ""
    low, high = sizes[0], sizes[-1]
    by = {(r.size, r.variant): r for r in results}
    factor = high / low
    lines = [
        f"**Croissance de {_num(low, 0)} à {_num(high, 0)} éléments** (× {_num(factor, 1)} éléments ; "
        "au-delà, la mesure croît plus vite que le contenu)",
        "",
        f"| mesure | {_num(low, 0)} (s) | {_num(high, 0)} (s) | croissance | par élément |",
        "|---|---:|---:|---:|---:|",
    ]
    for variant in LABELS:
        a, b = by.get((low, variant)), by.get((high, variant))
        if a is None or b is None or not a.runs or not b.runs or not a.median:
            continue
        ratio = b.median / a.median
        mark = "" if b.ok else " (arrêtée : au moins)" if any(r.returncode == TIMED_OUT for r in b.runs) else " (échec)"
        lines.append(
            f"| {LABELS[variant]}{mark} | {_num(a.median)} | {_num(b.median)} | × {_num(ratio)} | × {_num(ratio / factor)} |"
        )
    return "\n".join(lines)


def _num(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def table(results: Sequence[Result]) -> str:
    head = (
        "| éléments | mesure | pages | temps médian (s) | min – max (s) | mémoire max (Mo) | site (Mo) "
        "| HTML par page moy. (Ko) | HTML par page max (Ko) | index de recherche (Ko) |"
    )
    lines = [head, "|" + "---:|---|" + "---:|" * 8]
    for r in results:
        low, high = min(run.seconds for run in r.runs), max(run.seconds for run in r.runs)
        label = LABELS[r.variant] + ("" if r.ok else " (ÉCHEC)")
        cells = [_num(r.size, 0), label]
        if r.site is None:
            cells.append(f"{_num(r.files, 0)} fichiers" if r.variant == CHECK else "—")
        else:
            cells.append(_num(r.site.pages, 0))
        cells += [_num(r.median), f"{_num(low)} – {_num(high)}", _num(r.peak_mb, 0)]
        if r.site is None:
            cells += ["—"] * 4
        else:
            cells += [
                _num(r.site.total_bytes / 1024**2, 1),
                _num(r.site.html_mean / 1024, 1),
                _num(r.site.html_max / 1024, 1),
                _num(r.site.search_bytes / 1024, 0),
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _rate(result: Result) -> tuple[float, float]:
    """Files per second: for the whole command (interpreter start included), and for the check itself."""
    whole = result.files / result.median if result.median else 0.0
    inner = result.files / result.inner_seconds if result.inner_seconds else 0.0
    return whole, inner


def summary(results: Sequence[Result]) -> str:
    lines: list[str] = []
    by_size: dict[int, dict[str, Result]] = {}
    for r in results:
        by_size.setdefault(r.size, {})[r.variant] = r
    for size, row in by_size.items():
        check, ours, plain = (row.get(v) or Result(size, v) for v in (CHECK, OURS, PLAIN))
        lines.append(f"**{_num(size, 0)} éléments**")
        pelican = row.get(PELICAN)
        if pelican is not None and pelican.ok and ours.ok:
            lines.append("")
            lines.append(
                f"- Pelican / nos greffons (MkDocs) : temps × {_num(pelican.median / ours.median)}, "
                f"mémoire × {_num(pelican.peak_mb / ours.peak_mb)}"
            )
        if EDIT_PELICAN in row and EDIT_OURS in row:
            lines.append(
                f"- après une modification : MkDocs {_num(row[EDIT_OURS].median)} s, Pelican {_num(row[EDIT_PELICAN].median)} s"
            )
        lines.append("")
        if SERVE in row and row[SERVE].runs:
            lines.append(f"- make serve, enregistrement → page à jour : {_num(row[SERVE].median)} s (médiane)")
        if SERVE_PELICAN in row and row[SERVE_PELICAN].runs:
            lines.append(f"- make serve-pelican, enregistrement → page à jour : {_num(row[SERVE_PELICAN].median)} s")
        if ours.ok and plain.ok:
            lines.append(
                f"- nos greffons / MkDocs seul : temps × {_num(ours.median / plain.median)}, "
                f"mémoire × {_num(ours.peak_mb / plain.peak_mb)}"
            )
        whole, inner = _rate(check)
        lines += (
            []
            if not check.runs
            else [
                f"- vérification : {_num(check.files, 0)} fichiers, {check.diagnostics or 'résultat illisible'} ; "
                f"{_num(whole, 0)} fichiers/s pour la commande entière ({_num(check.median)} s, démarrage de Python compris), "
                f"{_num(inner, 0)} fichiers/s pour la vérification seule ({_num(check.inner_seconds)} s)"
            ]
        )
        for r in (ours, plain, *([pelican] if pelican else [])):
            if r.site is not None:
                lines.append(
                    f"- page la plus lourde ({LABELS[r.variant]}) : {r.site.heaviest}, {_num(r.site.html_max / 1024, 1)} Ko ; "
                    f"{r.site.over_target} page(s) au-delà de {TARGET_HTML_KB} Ko"
                )
            if r.warnings:
                lines.append(f"- {LABELS[r.variant]} : {r.warnings} ligne(s) WARNING/ERROR dans {r.runs[-1].log}")
        lines.append("")
    largest = max(by_size)
    lines.append(targets(by_size[largest], largest, by_size))
    return "\n".join(lines)


def targets(row: dict[str, Result], size: int, all_rows: dict[int, dict[str, Result]]) -> str:
    check, ours, plain = (row.get(v) or Result(size, v) for v in (CHECK, OURS, PLAIN))
    note = "" if size == TARGET_SIZE else f" (les cibles valent pour {_num(TARGET_SIZE, 0)} éléments)"
    lines = [f"**Cibles, mesurées à {_num(size, 0)} éléments**{note}", ""]

    def verdict(met: bool) -> str:
        return "atteinte" if met else "**non atteinte**"

    if ours.runs:
        fast = ours.ok and ours.median <= TARGET_BUILD_SECONDS
        lines.append(f"- construction complète ≤ {TARGET_BUILD_SECONDS} s : {_num(ours.median)} s, {verdict(fast)}")
    stopped = any(run.returncode == TIMED_OUT for run in plain.runs)
    if ours.ok and (plain.ok or stopped):
        ratio = ours.median / plain.median
        bound = "au plus " if stopped else ""
        met = ratio <= TARGET_PLAIN_RATIO
        lines.append(
            f"- construction ≤ {_num(TARGET_PLAIN_RATIO)} × MkDocs + Material seuls (navigation.prune) : "
            f"× {bound}{_num(ratio)}{' (Material arrêté au plafond)' if stopped else ''}, {verdict(met)}"
        )
    for serve_size, limit in TARGET_SERVE_SECONDS.items():
        served = all_rows.get(serve_size, {}).get(SERVE)
        if served is not None and served.runs:
            met = served.ok and served.median <= limit
            lines.append(
                f"- make serve, enregistrement → page à jour à {_num(serve_size, 0)} éléments ≤ {_num(limit, 0)} s : "
                f"{_num(served.median)} s (médiane ; {', '.join(_num(r.seconds) for r in served.runs)}), {verdict(met)}"
            )
    if ours.runs:
        lines.append(
            f"- mémoire de notre construction < {TARGET_MEMORY_MB} Mo : {_num(ours.peak_mb, 0)} Mo, "
            f"{verdict(ours.peak_mb < TARGET_MEMORY_MB)}"
        )
    if ours.site is not None:
        heaviest = ours.site.html_max / 1024
        lines.append(
            f"- au plus {TARGET_HTML_KB} Ko de HTML par page : max {_num(heaviest, 1)} Ko ({ours.site.heaviest}), "
            f"{ours.site.over_target} page(s) au-delà, {verdict(ours.site.over_target == 0)}"
        )
    pelican, edit = row.get(PELICAN), row.get(EDIT_PELICAN)
    if pelican is not None and pelican.runs:
        fast = pelican.ok and pelican.median <= TARGET_PELICAN_SECONDS
        lines.append(
            f"- Pelican ≤ {TARGET_PELICAN_SECONDS} s : {_num(pelican.median)} s, {verdict(fast)} ; "
            f"≤ {TARGET_MEMORY_MB} Mo : {_num(pelican.peak_mb, 0)} Mo, {verdict(pelican.peak_mb <= TARGET_MEMORY_MB)}"
        )
    if edit is not None and edit.runs:
        met = edit.ok and edit.median <= TARGET_PELICAN_EDIT_SECONDS
        limit = TARGET_PELICAN_EDIT_SECONDS
        lines.append(f"- Pelican après une modification ≤ {limit} s : {_num(edit.median)} s, {verdict(met)}")
    served = row.get(SERVE_PELICAN)
    if served is not None and served.runs:
        met = served.ok and served.median <= TARGET_PELICAN_EDIT_SECONDS
        lines.append(
            f"- make serve-pelican, enregistrement → page à jour ≤ {TARGET_PELICAN_EDIT_SECONDS} s : "
            f"{_num(served.median)} s, {verdict(met)}"
        )
    whole, inner = _rate(check)
    lines += (
        []
        if not check.runs
        else [
            f"- vérification ≥ {_num(TARGET_FILES_PER_SECOND, 0)} fichiers/s : {_num(whole, 0)} (commande entière), "
            f"{_num(inner, 0)} (vérification seule), {verdict(whole >= TARGET_FILES_PER_SECOND)}"
        ]
    )
    return "\n".join(lines)


def profile(size: int, root: Path, top: int = 25) -> str:
    """Our build of the corpus once under cProfile: the functions with the largest cumulative time."""
    project = root / f"corpus-{size}"
    output = root / f"profil-{size}.prof"
    shutil.rmtree(project / "site", ignore_errors=True)
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "--strict"]
    command += ["-f", str(project / "mkdocs.yml")]
    run = measure(command, project, root / "journaux" / f"{size}-profil.log")
    if run.returncode != 0 or not output.is_file():
        return f"Le profilage a échoué (code {run.returncode}, voir {run.log})."
    parts = []
    for key, count in (("cumulative", top), ("tottime", 15)):
        buffer = io.StringIO()
        pstats.Stats(str(output), stream=buffer).sort_stats(key).print_stats(count)
        parts.append(f"Tri par {key} :\n" + buffer.getvalue().split("\n", 3)[-1].strip("\n"))
    text = "\n\n".join(parts)
    prefixes = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["stdlib"], str(REPO)}
    for prefix in sorted(prefixes, key=len, reverse=True):
        text = text.replace(prefix + "/", "")
    return (
        f"Profil de notre construction, {_num(size, 0)} éléments ({_num(run.seconds)} s sous cProfile) :\n\n```text\n{text}\n```"
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    # Started in the background (`nohup … &`), this process ignores SIGINT and so would the servers it starts: they
    # could then never be stopped by the SIGINT of `serve_edit`. Handled here, the servers get the default back.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    parser = argparse.ArgumentParser(description="Banc d'essai : vérification, construction avec nos greffons, Material seul.")
    parser.add_argument("--tailles", type=int, nargs="+", default=[100, 1000, 5000], help="nombres d'éléments")
    parser.add_argument("--repetitions", type=int, default=3, help="mesures par taille et par variante (médiane)")
    parser.add_argument("--graine", type=int, default=0, help="graine du générateur de corpus")
    parser.add_argument("--garder", type=Path, help="garde les corpus, sites et journaux dans ce dossier")
    parser.add_argument("--profil", action="store_true", help="profile une fois notre construction de la plus grande taille")
    parser.add_argument(
        "--plafond-simple", type=float, help="arrête la construction de Material seul après autant de secondes (une borne)"
    )
    parser.add_argument(
        "--seulement",
        help=f"seulement ces mesures, séparées par des virgules, parmi : {', '.join(CHOICES)} (par défaut : toutes)",
    )
    args = parser.parse_args(argv)
    names = [name.strip() for name in args.seulement.split(",")] if args.seulement else list(CHOICES)
    if unknown := [name for name in names if name not in CHOICES]:
        parser.error(f"mesure(s) inconnue(s) : {', '.join(unknown)} ; choisir parmi {', '.join(CHOICES)}")
    only = frozenset(CHOICES[name] for name in names)
    if args.repetitions < 1 or any(size < corpus.MIN_ITEMS for size in args.tailles):
        parser.error(f"il faut au moins une répétition et {corpus.MIN_ITEMS} éléments par taille")
    with tempfile.TemporaryDirectory(prefix="banc-communs-") as temporary:
        root = args.garder.resolve() if args.garder else Path(temporary)
        root.mkdir(parents=True, exist_ok=True)
        results: list[Result] = []
        try:
            for size in args.tailles:
                results += bench_size(size, root, args.repetitions, args.graine, args.plafond_simple, only)
        except FileExistsError as exc:
            _say(f"banc d'essai : {exc}")
            return 2
        print(
            f"Banc d'essai du commun : médiane de {args.repetitions} mesure(s), Python {sys.version.split()[0]}, "
            f"{os.cpu_count()} cœur(s).\n"
        )
        print(table(results))
        print()
        print(summary(results))
        print()
        print(growth(results))
        if args.profil:
            print()
            print(profile(max(args.tailles), root))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
