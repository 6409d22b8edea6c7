#!/usr/bin/env python3
"""Builds the scikit-learn reference for JobFit's LSA (Tests/JobFitCoreTests/Fixtures/lsa/).

Usage (needs NumPy, SciPy and scikit-learn; the Swift tests do not):
    python3 Tests/Fixtures/make_lsa_fixture.py            # makes /tmp/lsa-venv if needed
    python3 Tests/Fixtures/make_lsa_fixture.py --python /tmp/vectors-venv/bin/python

Input: the committed TF-IDF parity corpus (Tests/JobFitCoreTests/Fixtures/tfidf/corpus.json,
CC BY 4.0, attribution in that folder's README), vectorised with scikit-learn's default
TfidfVectorizer(), which JobFit's SklearnAnalyzer + TFIDFConfiguration() reproduce exactly
(the same matrix is committed as tfidf/default.json).

Output: lsa/reference.json with
- the matrix's shape, nonzero count, Frobenius norm and value sum (to check the Swift side reads
  the same matrix),
- all exact singular values (numpy.linalg.svd of the dense matrix, float64),
- for k in (20, 50): TruncatedSVD(k, algorithm="randomized", n_iter=5, n_oversamples=10,
  random_state=0) singular values, explained variance (ratio) and reconstruction error
  ||A - U S V^T||_F (U S = fit_transform(A), V^T = components_), absolute and relative to ||A||_F,
  plus the optimal (Eckart-Young) error sqrt(sum of the squared exact values past k),
- for the same k, a converged sketch: TruncatedSVD(k, n_iter=30, n_oversamples=20,
  random_state=0) singular values and their largest relative deviation from the exact ones.
  The corpus has a flat spectrum (sigma_20/sigma_21 ~ 1.001, sigma_31/sigma_20 ~ 0.93), so the
  default sketch leaves the tail values percents off; 30 power iterations with 20 extra columns
  bring every one of the k values within 1e-4 relative, which is what the Swift test checks
  (to 1e-3) for its own randomized SVD with the same parameters.
Floats are written with Python's repr (round-trip exact).
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "JobFitCoreTests" / "Fixtures"
RANKS = (20, 50)
POWER_ITERATIONS = 5
CONVERGED_POWER_ITERATIONS = 30
CONVERGED_OVERSAMPLING = 20


def ensure_python(args):
    """Re-runs this script under a Python that has scikit-learn (making a venv if asked)."""
    try:
        import sklearn  # noqa: F401
        return
    except ImportError:
        pass
    python = args.python
    if python is None:
        venv = Path("/tmp/lsa-venv")
        if not (venv / "bin" / "python").exists():
            subprocess.check_call([sys.executable, "-m", "venv", str(venv)])
            subprocess.check_call([str(venv / "bin" / "pip"), "install", "-q", "numpy", "scipy", "scikit-learn"])
        python = str(venv / "bin" / "python")
    os.execv(python, [python, __file__] + sys.argv[1:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="a Python with numpy, scipy and scikit-learn")
    args = parser.parse_args()
    ensure_python(args)

    import numpy as np
    import scipy
    import sklearn
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    corpus = json.loads((FIXTURES / "tfidf" / "corpus.json").read_text(encoding="utf-8"))
    matrix = TfidfVectorizer().fit_transform(corpus["documents"])
    dense = matrix.toarray()
    norm = float(np.linalg.norm(dense))
    exact = np.linalg.svd(dense, compute_uv=False)

    cases = []
    for k in RANKS:
        svd = TruncatedSVD(
            n_components=k, algorithm="randomized", n_iter=POWER_ITERATIONS, n_oversamples=10,
            random_state=0)
        projected = svd.fit_transform(matrix)
        error = float(np.linalg.norm(dense - projected @ svd.components_))
        cases.append({
            "components": k,
            "powerIterations": POWER_ITERATIONS,
            "oversampling": 10,
            "singularValues": [float(v) for v in svd.singular_values_],
            "explainedVariance": [float(v) for v in svd.explained_variance_],
            "explainedVarianceRatio": [float(v) for v in svd.explained_variance_ratio_],
            "reconstructionError": error,
            "relativeReconstructionError": error / norm,
            "optimalReconstructionError": float(np.sqrt(np.sum(exact[k:] ** 2))),
        })

    converged = []
    for k in RANKS:
        svd = TruncatedSVD(
            n_components=k, algorithm="randomized", n_iter=CONVERGED_POWER_ITERATIONS,
            n_oversamples=CONVERGED_OVERSAMPLING, random_state=0)
        svd.fit(matrix)
        deviation = np.abs(svd.singular_values_ - exact[:k]) / exact[:k]
        converged.append({
            "components": k,
            "powerIterations": CONVERGED_POWER_ITERATIONS,
            "oversampling": CONVERGED_OVERSAMPLING,
            "singularValues": [float(v) for v in svd.singular_values_],
            "maxRelativeDeviation": float(deviation.max()),
        })

    reference = {
        "versions": {
            "sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
            "python": platform.python_version(),
        },
        "matrix": {
            "source": "tfidf/corpus.json, TfidfVectorizer() defaults (= tfidf/default.json)",
            "shape": list(matrix.shape),
            "nonzeroCount": int(matrix.nnz),
            "frobeniusNorm": norm,
            "valueSum": float(matrix.sum()),
        },
        "exactSingularValues": [float(v) for v in exact],
        "cases": cases,
        "convergedCases": converged,
    }
    out = FIXTURES / "lsa" / "reference.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(reference, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
