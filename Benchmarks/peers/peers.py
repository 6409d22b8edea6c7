#!/usr/bin/env python3
"""The tools a user would otherwise pick, timed stage by stage on the corpus of make_corpus.py.

  python peers.py --corpus DIR --stage NAME [--repeat R]   one JSON line, like jobfit-stages
  python peers.py --list                                     stage names
  python peers.py --threads                                  threadpoolctl's view (BLAS kernel)

Checksums are computed as jobfit-stages computes them (sum of the kept top-10 scores; nnz and
vocabulary size for TF-IDF), so the report can tell a fast wrong answer from a fast right one.
One stage per process, so /usr/bin/time -v gives each stage's peak memory.
"""

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np

DIM = 256
CHUNK = 2048  # query rows per block: bounds every score block to CHUNK × items


def read_texts(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def read_corpus(directory):
    return (read_texts(os.path.join(directory, "resumes.jsonl")),
            read_texts(os.path.join(directory, "postings.jsonl")))


def read_vectors(directory, name):
    v = np.fromfile(os.path.join(directory, f"{name}.f32"), dtype="<f4")
    return np.ascontiguousarray(v.reshape(-1, DIM))


def top_k_rows(scores, k):
    """Best k per row, best first (argpartition then a sort of the k kept)."""
    k = min(k, scores.shape[1])
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    kept = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-kept, axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(kept, order, axis=1)


def checksum_top_k(score_blocks):
    total = 0.0
    for scores in score_blocks:
        total += float(np.asarray(scores, dtype=np.float64).sum())
    return total


# MARK: - Stages: each takes the corpus directory, does its untimed setup, returns the timed work


def stage_sklearn_tfidf(directory):
    from sklearn.feature_extraction.text import TfidfVectorizer
    resumes, postings = read_corpus(directory)
    texts = resumes + postings

    def work():
        vectorizer = TfidfVectorizer()
        matrix = vectorizer.fit_transform(texts)
        return float(matrix.nnz), {"terms": float(len(vectorizer.vocabulary_))}
    return work


def stage_sklearn_sparse(directory):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel
    resumes, postings = read_corpus(directory)
    matrix = TfidfVectorizer().fit_transform(resumes + postings)
    queries, items = matrix[: len(resumes)], matrix[len(resumes):]

    def work():
        blocks = []
        for start in range(0, queries.shape[0], CHUNK):
            scores = linear_kernel(queries[start:start + CHUNK], items)
            blocks.append(top_k_rows(scores, 10)[1])
        return checksum_top_k(blocks), {}
    return work


def stage_sklearn_lsa(directory):
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    resumes, postings = read_corpus(directory)
    matrix = TfidfVectorizer().fit_transform(resumes + postings)

    def work():
        svd = TruncatedSVD(n_components=DIM, random_state=0)
        svd.fit_transform(matrix)
        return float(svd.singular_values_.sum()), {}
    return work


def stage_numpy_dense(directory):
    queries, items = read_vectors(directory, "resumes"), read_vectors(directory, "postings")

    def work():
        blocks = []
        for start in range(0, queries.shape[0], CHUNK):
            scores = queries[start:start + CHUNK] @ items.T
            blocks.append(top_k_rows(scores, 10)[1])
        return checksum_top_k(blocks), {}
    return work


def stage_faiss_dense(directory):
    import faiss
    faiss.omp_set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    queries, items = read_vectors(directory, "resumes"), read_vectors(directory, "postings")

    def work():
        index = faiss.IndexFlatIP(DIM)
        index.add(items)
        scores, _ = index.search(queries, min(10, items.shape[0]))
        return checksum_top_k([scores]), {}
    return work


def stage_sklearn_e2e(directory):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    def work():
        resumes, postings = read_corpus(directory)
        vectorizer = TfidfVectorizer(sublinear_tf=True).fit(resumes + postings)
        queries, items = vectorizer.transform(resumes), vectorizer.transform(postings)
        blocks = []
        for start in range(0, queries.shape[0], CHUNK):
            blocks.append(top_k_rows(linear_kernel(queries[start:start + CHUNK], items), 10)[1])
        return checksum_top_k(blocks), {"queries": float(queries.shape[0])}
    return work


ENCODER_SENTENCES = 1000  # jobfit-stages --stage encoder takes the same ones


def encoder_sentences(resumes):
    """The résumé texts split at ".", stripped, non-empty: the first ENCODER_SENTENCES."""
    return [s.strip() for text in resumes for s in text.split(".") if s.strip()][:ENCODER_SENTENCES]


def stage_st_encoder(directory):
    """sentence-transformers on the first 1,000 résumé sentences (needs a local model)."""
    import torch
    from sentence_transformers import SentenceTransformer
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    model = SentenceTransformer(os.environ.get("JOBFIT_ENCODER_MODEL", "all-MiniLM-L6-v2"), device="cpu")
    resumes, _ = read_corpus(directory)
    sentences = encoder_sentences(resumes)
    if len(sentences) != ENCODER_SENTENCES:
        raise SystemExit(f"only {len(sentences)} résumé sentences")

    def work():
        embeddings = model.encode(sentences, batch_size=64, normalize_embeddings=True)
        norms = np.linalg.norm(embeddings, axis=1)
        if embeddings.shape[0] != len(sentences) or np.abs(norms - 1).max() > 1e-3:
            raise SystemExit("st-encoder: embeddings are not one unit row per sentence")
        return float(np.asarray(embeddings, dtype=np.float64).sum()), {"sentences": float(len(sentences))}
    return work


STAGES = {
    "sklearn-tfidf": (stage_sklearn_tfidf, "TfidfVectorizer().fit_transform(resumes + postings)"),
    "sklearn-sparse": (stage_sklearn_sparse, "linear_kernel (2048-row blocks) + argpartition top-10"),
    "sklearn-lsa": (stage_sklearn_lsa, "TruncatedSVD(256).fit_transform of the TF-IDF matrix"),
    "numpy-dense": (stage_numpy_dense, "numpy matmul (2048-row blocks) + argpartition top-10"),
    "faiss-dense": (stage_faiss_dense, "faiss IndexFlatIP(256) add + search top-10"),
    "sklearn-e2e": (stage_sklearn_e2e, "read JSONL, TfidfVectorizer(sublinear_tf), linear_kernel top-10"),
    "st-encoder": (stage_st_encoder, "sentence-transformers encode, 1,000 résumé sentences"),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus")
    parser.add_argument("--stage", choices=sorted(STAGES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--threads", action="store_true")
    args = parser.parse_args()
    if args.list:
        for name, (_, summary) in STAGES.items():
            print(f"{name}\t{summary}")
        return
    if args.threads:
        from threadpoolctl import threadpool_info
        import sklearn
        import scipy
        info = {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__,
                "threadpools": threadpool_info()}
        try:
            import faiss
            info["faiss"] = faiss.__version__
        except ImportError:
            pass
        try:
            import torch
            import sentence_transformers
            info["torch"] = torch.__version__
            info["sentence-transformers"] = sentence_transformers.__version__
        except ImportError:
            pass
        print(json.dumps(info, sort_keys=True))
        return
    if not args.corpus or not args.stage:
        parser.error("--corpus and --stage are required")
    make, summary = STAGES[args.stage]
    work = make(args.corpus)
    seconds = []
    checksum, detail = 0.0, {}
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        checksum, detail = work()
        seconds.append(time.perf_counter() - start)
    print(json.dumps({
        "implementation": "peer", "stage": args.stage, "summary": summary,
        "seconds_median": statistics.median_high(seconds), "seconds_all": seconds,
        "checksum": checksum, "detail": detail,
    }, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
