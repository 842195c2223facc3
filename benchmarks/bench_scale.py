"""Throughput of `l10n translate` on the local executor and on Ray, same machine.

Run from the repository root:  .venv/bin/python benchmarks/bench_scale.py

Builds (never commits) the realistic-size zt→en package of bench_translate.py
(6+6 layers, d_model 512, 8 heads, FFN 2048, 32k vocabulary, int8, echo
weights), then, each case in its own process, drafts the same articles with
the same beam size (4) on the same 2 CPU threads:

  local      the local executor, CTranslate2 with 2 threads
  ray 1×2    a local Ray, 1 actor with 2 threads
  ray 2×1    a local Ray, 2 actors with 1 thread each

Every case first translates one article to start its executor and load the
model (Ray: start the local cluster, start the actors, load the model in each),
then times the run over ARTICLES articles with the draft cache off. Drafting
throughput excludes that start-up, which is reported apart: a newsroom's
cluster is up before an archive run, and a model loads once per run.
Linearity: the local executor on LINEAR_ARTICLES articles against ARTICLES.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "pages" / "udn_like.txt"
SEED = ROOT / "l10n" / "data" / "article.txt"
ARTICLES = 20
LINEAR_ARTICLES = 100
THREADS = 2


def sources(count: int, offset: int = 0):
    from l10n.pipeline import Source

    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines()

    def variant(number: int) -> str:
        return "\n".join(f"第{number}版：{line}" if len(line) > 40 else line for line in lines)

    return [Source(f"a{n}", f"article {n}", variant(n).encode("utf-8")) for n in range(offset, offset + count)]


def peak_mib(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def actor_peaks() -> list[float]:
    """Peak memory of this machine's Ray drafting actors."""
    peaks = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            if b"ray::_Drafter" in command:
                peaks.append(peak_mib(entry.name))
        except OSError:
            continue
    return peaks


def case(executor: str, actors: int, actor_threads: int, articles: int) -> dict:
    from l10n.pipeline import translate
    from l10n.settings import resolve_options

    flags = {"cache": "off", "threads": THREADS, "executor": executor, "actors": actors,
             "actor_threads": actor_threads}
    with tempfile.TemporaryDirectory() as locales:
        started = time.perf_counter()
        translate(sources(1, offset=10_000), ["en"], resolve_options({**flags, "locales": locales}))
        startup = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as locales:
        started = time.perf_counter()
        report = translate(sources(articles), ["en"], resolve_options({**flags, "locales": locales}))
        seconds = time.perf_counter() - started - report.model_load_seconds
    result = {"segments": sum(c.stats.total for c in report.catalogs), "seconds": seconds,
              "startup": startup, "driver_mib": peak_mib(), "actor_mib": actor_peaks()}
    if executor == "ray":
        from l10n.cluster import shutdown

        shutdown()
    return result


CASES = {
    "local": lambda: case("local", 1, 1, ARTICLES),
    "ray-1x2": lambda: case("ray", 1, 2, ARTICLES),
    "ray-2x1": lambda: case("ray", 2, 1, ARTICLES),
    "local-linear": lambda: case("local", 1, 1, LINEAR_ARTICLES),
}


def run_case(name: str, env: dict) -> dict:
    output = subprocess.run([sys.executable, __file__, "--case", name], env=env, capture_output=True, text=True,
                            check=True, cwd=ROOT)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests import modelkit

    with tempfile.TemporaryDirectory(prefix="l10n-bench-") as scratch:
        work = Path(scratch)
        env = {**os.environ, "HOME": str(work / "home"), "XDG_DATA_HOME": str(work / "data"),
               "XDG_CONFIG_HOME": str(work / "config"), "XDG_CACHE_HOME": str(work / "cache"),
               "ARGOS_PACKAGES_DIR": str(work / "packages"), "PYTHONPATH": str(ROOT), "RAY_ADDRESS": ""}
        os.environ.update(env)
        from l10n.models import install_file

        training = "\n".join(path.read_text(encoding="utf-8") for path in (SEED, PAGE)) + " ZQ1 ZQ2 ZQ3 ZQ4 ZQ5 ZQ6"
        package = modelkit.build_package(work, "zt", "en", training, vocab_size=32000, d_model=512, num_heads=8,
                                         ffn_dim=2048, num_layers=(6, 6), quantization="int8")
        install_file(package, work / "packages")
        print(f"package: 6+6 layers, d_model 512, 8 heads, FFN 2048, vocab 32000, int8, echo weights; "
              f"machine: {os.cpu_count()} cores; beam 4; {THREADS} threads in every case\n")
        results = {}
        for name in CASES:
            results[name] = r = run_case(name, env)
            actors = ", ".join(f"{m:.0f}" for m in r["actor_mib"]) or "-"
            print(f"  {name:>12}: {r['segments']:5d} segments in {r['seconds']:7.2f} s "
                  f"(start-up {r['startup']:.1f} s); peak MiB driver {r['driver_mib']:.0f}, actors {actors}",
                  flush=True)

    speed = {name: r["segments"] / r["seconds"] for name, r in results.items()}
    local = speed["local"]
    print("\n| executor (same 2 threads, beam 4) | segments/s | vs local | start-up | peak MiB driver / each actor |")
    print("|---|---|---|---|---|")
    for name, label in (("local", "local"), ("ray-1x2", "Ray, 1 actor × 2 threads"),
                        ("ray-2x1", "Ray, 2 actors × 1 thread")):
        r = results[name]
        actors = " / ".join(f"{m:.0f}" for m in r["actor_mib"]) or "-"
        print(f"| {label} | {speed[name]:.2f} | {speed[name] / local:.2f}× | {r['startup']:.1f} s | "
              f"{r['driver_mib']:.0f} / {actors} |")
    per_article_small = results["local"]["seconds"] / ARTICLES
    per_article_large = results["local-linear"]["seconds"] / LINEAR_ARTICLES
    print(f"\nlinearity (local): {LINEAR_ARTICLES} articles cost {per_article_large / per_article_small:.3f}× "
          f"the per-article time of {ARTICLES} ({per_article_large:.3f} s vs {per_article_small:.3f} s per article)")
    best = max(("ray-1x2", "ray-2x1"), key=speed.get)
    print(f"per-core throughput (best Ray layout, {best}): {speed[best] / THREADS:.2f} segments/s per core")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        sys.path.insert(0, str(ROOT))
        result = CASES[sys.argv[2]]()
        print(json.dumps(result))
    else:
        main()
