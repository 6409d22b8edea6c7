#!/usr/bin/env python3
"""Turns one compare.sh run (JSON lines) into the table of medians and ratios.

  python3 report.py RUN.jsonl --json latest.json --markdown latest.md

Ratio = JobFit seconds ÷ peer seconds (below 1 is faster); speedup = its inverse. A target is
the speedup issue 5 asks for at (50000, 5000); at smaller sizes it is shown for orientation.
"Same answer" compares checksums (sum of kept top-10 scores, or nnz and vocabulary size).
Standard library only.
"""

import argparse
import json

# (what, JobFit stage, peer stage, target speedup or None, checksum comparable?)
COMPARISONS = [
    ("TF-IDF fit+transform (sklearn analysis)", "tfidf-sklearn", "sklearn-tfidf", 8.0, "tfidf"),
    ("TF-IDF fit+transform (JobFit analyzer vs sklearn)", "tfidf-standard", "sklearn-tfidf", None, None),
    ("sparse cosine + top-10", "sparse", "sklearn-sparse", 4.0, "scores"),
    ("LSA 256 (randomized truncated SVD)", "lsa", "sklearn-lsa", 2.0, "lsa"),
    ("dense 256-d top-10 vs FAISS IndexFlatIP", "dense", "faiss-dense", 1.0, "scores"),
    ("dense 256-d top-10 vs numpy matmul", "dense", "numpy-dense", None, "scores"),
    ("dense 256-d top-10 vs plain C sgemm", "dense", "c-dense", 1 / 1.1, "scores"),
    ("end to end, lexical top-10", "e2e", "sklearn-e2e", 4.0, None),
    ("encoder all-MiniLM-L6-v2, 1,000 sentences", "encoder", "st-encoder", 1.5, "encoder"),
]


def same_answer(kind, ours, theirs):
    if kind is None or ours is None or theirs is None:
        return None
    if kind == "tfidf":
        return ours["checksum"] == theirs["checksum"] and ours["detail"].get("terms") == theirs["detail"].get("terms")
    a, b = ours["checksum"], theirs["checksum"]
    if kind == "lsa":
        # Σ σ_j of two randomized SVDs with different test matrices: equal to ~1e-4 relative
        # after 5 power iterations; each side also checks ‖A·v_j‖ against σ_j itself.
        return abs(a - b) <= 1e-3 * abs(b)
    if kind == "encoder":
        # Sum of 1,000 × 384 entries (1.5e-4 apart in a test run); each stage checks unit rows, and
        # jobfit-stages checks parity (cosine ≥ 0.9999) on the fixture before timing.
        n = ours["detail"].get("sentences", 1.0)
        return ours["detail"].get("sentences") == theirs["detail"].get("sentences") and abs(a - b) <= 1e-5 * n
    return abs(a - b) <= 1e-4 * max(1.0, abs(b))


def build(lines):
    machine, blas, peer_threads, load = {}, {}, {}, {}
    runs = {}
    sizes = []
    for line in lines:
        kind = line.get("kind")
        if kind == "machine":
            machine = line
        elif kind == "jobfit-blas":
            blas = line["report"]
        elif kind == "load":
            load = line
        elif kind == "peer-threads":
            peer_threads = line["report"]
        elif "stage" in line:
            if line["corpus"] not in sizes:
                sizes.append(line["corpus"])
            runs[(line["corpus"], line["stage"])] = line
    rows = []
    for size in sizes:
        for what, ours_name, peer_name, target, kind in COMPARISONS:
            ours = runs.get((size, ours_name)) if ours_name else None
            peer = runs.get((size, peer_name))
            if peer is None and ours is None:
                continue
            row = {"corpus": size, "what": what, "jobfit_stage": ours_name, "peer_stage": peer_name,
                   "jobfit_seconds": ours and ours["seconds_median"],
                   "peer_seconds": peer and peer["seconds_median"],
                   "jobfit_peak_rss_mb": ours and round(ours["peak_rss_kb"] / 1024, 1),
                   "peer_peak_rss_mb": peer and round(peer["peak_rss_kb"] / 1024, 1),
                   "target_speedup": target, "same_answer": same_answer(kind, ours, peer)}
            if ours and peer and peer["seconds_median"] > 0 and ours["seconds_median"] > 0:
                row["ratio"] = ours["seconds_median"] / peer["seconds_median"]
                row["speedup"] = peer["seconds_median"] / ours["seconds_median"]
                row["target_met"] = None if target is None else row["speedup"] >= target
            rows.append(row)
    kernels = [
        {k: p.get(k) for k in ("internal_api", "version", "architecture", "num_threads", "filepath")}
        for p in peer_threads.get("threadpools", [])
    ]
    machine = dict(machine, load_end=load.get("load_end"))
    return {"machine": machine, "jobfit_blas": blas, "peer_versions": {
        k: v for k, v in peer_threads.items() if k != "threadpools"}, "peer_blas": kernels,
        "rows": rows, "runs": list(runs.values())}


def fmt(x, spec=".3f"):
    return "—" if x is None else format(x, spec)


def markdown(report):
    m, b = report["machine"], report["jobfit_blas"]
    blas = b.get("blas", {})
    out = ["# JobFit vs peers: latest run", ""]
    out.append(f"- CPU: {m.get('cpu', '?')}, {m.get('cores', '?')} cores; threads per side: {m.get('threads', '?')}")
    out.append(f"- OS: {m.get('os', '?')}; {m.get('swift', '')}")
    if m.get("load_start") or m.get("load_end"):
        out.append(f"- load average (1, 5, 15 min) at start: {m.get('load_start', '?')}; at end: {m.get('load_end') or '?'}")
    out.append(f"- JobFit BLAS: {blas.get('implementation', '?')} ({blas.get('configuration') or blas.get('libraryPath', '')}),"
               f" sgemm {fmt(b.get('sgemm_gflops'), '.1f')} GFLOP/s measured")
    for k in report["peer_blas"]:
        out.append(f"- peer BLAS: {k['internal_api']} {k['version']} kernel {k['architecture']},"
                   f" {k['num_threads']} threads ({(k['filepath'] or '').split('/')[-1]})")
    out.append(f"- peer versions: " + ", ".join(f"{k} {v}" for k, v in sorted(report["peer_versions"].items())))
    out.append("- OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for the peer commands only;"
               " medians of repeated runs on a shared, noisy machine")
    out.append("")
    out.append("| corpus N×M | stage | JobFit s | peer | peer s | JobFit ÷ peer | speedup | target | same answer | JobFit peak MB | peer peak MB |")
    out.append("| --- | --- | ---: | --- | ---: | ---: | ---: | --- | --- | ---: | ---: |")
    for r in report["rows"]:
        target = "—" if r["target_speedup"] is None else (
            f"≥ {r['target_speedup']:.2f}×" + ("" if r.get("target_met") is None else (" ✓" if r["target_met"] else " ✗")))
        same = {None: "—", True: "yes", False: "NO"}[r["same_answer"]]
        if r["peer_seconds"] is None:
            same = "peer not run"
        out.append(f"| {r['corpus']} | {r['what']} | {fmt(r['jobfit_seconds'])} | {r['peer_stage']} |"
                   f" {fmt(r['peer_seconds'])} | {fmt(r.get('ratio'), '.2f')} | {fmt(r.get('speedup'), '.2f')}{'×' if r.get('speedup') else ''} |"
                   f" {target} | {same} | {fmt(r['jobfit_peak_rss_mb'], '.0f')} | {fmt(r['peer_peak_rss_mb'], '.0f')} |")
    out.append("")
    out.append("Targets (issue 5) are stated for 50000×5000 on a quiet machine; smaller sizes are for orientation.")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("run")
    parser.add_argument("--json")
    parser.add_argument("--markdown")
    args = parser.parse_args()
    with open(args.run, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    report = build(lines)
    text = markdown(report)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
