#!/usr/bin/env python3
"""Builds the scikit-learn parity fixture for JobFit's TF-IDF (Tests/JobFitCoreTests/Fixtures/tfidf/).

Usage (needs scikit-learn; the Swift tests do not):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn
    /tmp/venv/bin/python Tests/Fixtures/make_tfidf_fixture.py [--data /work/shared/data]

The corpus mixes ESCO v1.1.1 occupation descriptions and O*NET 29.2 occupation descriptions and
task statements (both CC BY 4.0; attribution in the fixture README) with a few hand-written
documents that exercise Unicode corner cases of `(?u)\\b\\w\\w+\\b` and `str.lower()`.
Selection is deterministic, so re-running gives identical files for the same sklearn version.
"""

import argparse
import csv
import json
import platform
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import scipy
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

OUT = Path(__file__).resolve().parent.parent / "JobFitCoreTests" / "Fixtures" / "tfidf"

# Hand-written documents: accents, decomposed accents, Greek final sigma, dotted capital I,
# ligatures, Kelvin sign, title-case digraph, numerals of several kinds, CJK, mojibake, emoji.
UNICODE_DOCUMENTS = [
    "Café résumé naïve Zürich ÆRØ École e\u0301cole STRASSE Straße ẞtraße",
    "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ σοφος ΑΣ.Β Σ ΣΑ ΑΣ' ΌΣΟΣ: İstanbul İİ DİYARBAKIR ıi",
    "软件工程师 東京都 データ分析 프로그래머 개발자 数据科学 Python开发",
    "Mojibake: Ã©tudiant â€™s rÃ©sumÃ© Â Â  managerÂ team Ã‰COLE",
    "numbers ²³ x² ½ ٣٤ ١٢٣ 10km 3rd Ⅻ ⅷ ⅻ 2024 ０１２ ⑩⑪",
    "ǅungla ǄEMAL ﬁle ﬂow \u212Aelvin snake_case __init__ _ a_ _b",
    "emoji 👩‍💻 rocket🚀ship ✔done naïve—dash “quoted” ‘single’ don't e-mail",
    "Ⓐⓑ ⓒⓓ hello\u00a0world tab\tsep new\nline x\u0300y ab\u200bcd",
]


def read_esco(data):
    path = data / "esco-occupations-v1.1.1" / "occupations.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["CODE"])
    texts = [r["PREFERREDLABEL"] + ". " + r["DESCRIPTION"] for r in rows if r["DESCRIPTION"].strip()]
    return texts[::25][:110]


def read_tsv(path):
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def read_onet(data):
    folder = data / "onet-29.2"
    occupations = sorted(read_tsv(folder / "Occupation_Data.txt"), key=lambda r: r["O*NET-SOC Code"])
    tasks = defaultdict(list)
    for row in read_tsv(folder / "Task_Statements.txt"):
        tasks[row["O*NET-SOC Code"]].append(row["Task"])
    descriptions = [r["Title"] + ". " + r["Description"] for r in occupations[::10]][:90]
    with_tasks = [o for o in occupations if tasks[o["O*NET-SOC Code"]]][5::23][:40]
    task_documents = [
        o["Title"] + ". " + " ".join(tasks[o["O*NET-SOC Code"]][:12]) for o in with_tasks
    ]
    return descriptions, task_documents


CONFIGURATIONS = {
    "default": {},
    "sublinear_unsmoothed": {"sublinear_tf": True, "smooth_idf": False},
    "min_df_2_max_df_half": {"min_df": 2, "max_df": 0.5},
    "max_features": {"max_features": 500},
    "norm_none": {"norm": None},
    "norm_l1_no_idf": {"norm": "l1", "use_idf": False},
    "proportional_bounds": {"min_df": 0.01, "max_df": 20, "sublinear_tf": True},
}


def stable_top_terms(corpus, limit):
    """The max_features selection with ties broken by code point order (JobFit's rule)."""
    counts = TfidfVectorizer(norm=None, use_idf=False)
    matrix = counts.fit_transform(corpus)
    totals = np.asarray(matrix.sum(axis=0)).ravel()
    terms = counts.get_feature_names_out()
    order = sorted(range(len(terms)), key=lambda i: (-totals[i], i))[:limit]
    return sorted(terms[i] for i in order)


def fit(corpus, parameters):
    vectorizer = TfidfVectorizer(**parameters)
    matrix = vectorizer.fit_transform(corpus).tocsr()
    matrix.sort_indices()
    terms = [str(t) for t in vectorizer.get_feature_names_out()]
    assert terms == sorted(terms), "feature names are not in code point order"
    return vectorizer, matrix, terms


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    args = parser.parse_args()

    esco = read_esco(args.data)
    onet, onet_tasks = read_onet(args.data)
    corpus = esco + onet + onet_tasks + UNICODE_DOCUMENTS + ["", "a b c ! ?"]
    sources = (["esco"] * len(esco) + ["onet-description"] * len(onet)
               + ["onet-tasks"] * len(onet_tasks) + ["synthetic"] * (len(UNICODE_DOCUMENTS) + 2))
    assert len(corpus) >= 200

    OUT.mkdir(parents=True, exist_ok=True)
    versions = {
        "sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
        "python": platform.python_version(), "unicodedata": __import__("unicodedata").unidata_version,
    }
    analyzer = TfidfVectorizer().build_analyzer()
    write(OUT / "corpus.json", {
        "versions": versions, "sources": sources, "documents": corpus,
        "tokens": [analyzer(d) for d in UNICODE_DOCUMENTS],
        "tokenDocumentOffset": len(esco) + len(onet) + len(onet_tasks),
    })

    for name, parameters in CONFIGURATIONS.items():
        parameters = dict(parameters)
        if "max_features" in parameters:
            # sklearn ranks by `(-tfs).argsort()` (an unstable sort), so pick a limit whose
            # cut does not split a group of equal counts; then the tie rule cannot matter.
            limit = parameters["max_features"]
            while True:
                _, _, terms = fit(corpus, {**parameters, "max_features": limit})
                if terms == stable_top_terms(corpus, limit):
                    break
                limit += 1
            parameters["max_features"] = limit
        vectorizer, matrix, terms = fit(corpus, parameters)
        write(OUT / f"{name}.json", {
            "name": name, "versions": versions, "parameters": parameters,
            # Python's int-vs-float distinction made explicit for readers that cannot see it.
            "documentFrequencyBounds": {
                key: {"kind": "int" if isinstance(value, int) else "float", "value": value}
                for key, value in (("min_df", parameters.get("min_df", 1)),
                                   ("max_df", parameters.get("max_df", 1.0)))
            },
            "normName": str(parameters.get("norm", "l2")).lower(),
            "terms": terms,
            "idf": vectorizer.idf_.tolist() if vectorizer.use_idf else None,
            "shape": list(matrix.shape),
            "indptr": matrix.indptr.tolist(), "indices": matrix.indices.tolist(),
            "data": matrix.data.tolist(),
        })
        print(f"{name}: {len(terms)} terms, {matrix.nnz} entries, parameters {parameters}")


def write(path, value):
    with path.open("w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
