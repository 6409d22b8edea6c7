#!/usr/bin/env python3
"""Deterministic benchmark corpus: N résumés and M postings as JSONL, plus 256-d vectors.

Standard library only. The same arguments give byte-identical files on every run and machine
(Python's Mersenne Twister with an integer seed, and only `random()`/`getrandbits()`-based draws).

Each document has 150–600 words: a Zipfian vocabulary of ~30k invented word types (rank r drawn
with probability ∝ 1/r^1.07) mixed with real skill phrases (names and aliases of the curated and
O*NET skills in data/skills/skills.jsonl), under the section headings the section splitter and
the skills channel look for (Skills / Experience / Education for résumés; Requirements / Nice to
have for postings).

Writes into OUT:
  resumes.jsonl, postings.jsonl   one {"id", "text"} object per line
  resumes.f32, postings.f32       row-major little-endian float32, L2-normalised rows (DIM columns)
  meta.json                       sizes, seed and dimension

  python3 make_corpus.py --resumes 1000 --postings 1000 --seed 42 --out corpus/1000x1000
"""

import argparse
import array
import bisect
import json
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

CONSONANTS = "bcdfghjklmnprstvwz"
VOWELS = "aeiou"
ENDINGS = ["", "", "", "s", "ing", "ed", "er", "ion", "al", "ly"]


def word_types(count, rng):
    """`count` distinct pronounceable lower-case words, shortest (most frequent) first."""
    seen = set()
    words = []
    syllables = 1
    while len(words) < count:
        attempts = 0
        while len(words) < count and attempts < 4 * count:
            attempts += 1
            w = "".join(
                CONSONANTS[int(rng.random() * len(CONSONANTS))] + VOWELS[int(rng.random() * len(VOWELS))]
                for _ in range(syllables)
            )
            w += ENDINGS[int(rng.random() * len(ENDINGS))]
            if len(w) >= 3 and w not in seen:
                seen.add(w)
                words.append(w)
            if syllables == 1 and attempts > 2000:
                break
        syllables += 1
    return words


def zipf_cumulative(n, s=1.07):
    total = 0.0
    cumulative = []
    for r in range(1, n + 1):
        total += 1.0 / r**s
        cumulative.append(total)
    return cumulative


def skill_phrases(path, rng):
    """Names and aliases of curated skills (shuffled), then of O*NET-only skills (shuffled).

    `Writer.skill` favours the front of the list, so curated skills are the common ones.
    """
    curated, onet = [], []
    seen = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            sources = record.get("sources", [])
            target = curated if "curated" in sources else onet if "onet" in sources else None
            if target is None:
                continue
            for phrase in [record["name"]] + record.get("aliases", []):
                if phrase not in seen and any(c.isalpha() for c in phrase):
                    seen.add(phrase)
                    target.append(phrase)
    rng.shuffle(curated)
    rng.shuffle(onet)
    return curated + onet


class Writer:
    def __init__(self, rng, vocabulary, cumulative, skills):
        self.rng = rng
        self.vocabulary = vocabulary
        self.cumulative = cumulative
        self.total = cumulative[-1]
        self.skills = skills

    def pick(self, items):
        return items[int(self.rng.random() * len(items))]

    def word(self):
        i = bisect.bisect_left(self.cumulative, self.rng.random() * self.total)
        return self.vocabulary[min(i, len(self.vocabulary) - 1)]

    def skill(self):
        # Skills are Zipfian too (the first phrases of a shuffled list are the popular ones).
        i = int(len(self.skills) * self.rng.random() ** 4)
        return self.skills[i]

    def sentence(self, words, skill_rate=0.06):
        """About `words` words; each slot is a skill phrase with probability `skill_rate`."""
        out = []
        n = 0
        while n < words:
            if self.rng.random() < skill_rate:
                phrase = self.skill()
                out.append(phrase)
                n += len(phrase.split())
            else:
                out.append(self.word())
                n += 1
        text = " ".join(out)
        return text[:1].upper() + text[1:] + ".", n

    def paragraph(self, budget):
        lines = []
        used = 0
        while used < budget:
            text, n = self.sentence(min(budget - used, 8 + int(self.rng.random() * 13)))
            lines.append(text)
            used += n
        return " ".join(lines), used

    def skill_list(self, count):
        return ", ".join(self.skill() for _ in range(count))

    def resume(self, number):
        target = 150 + int(self.rng.random() * 451)
        skills = self.skill_list(6 + int(self.rng.random() * 14))
        summary, a = self.paragraph(max(20, target // 6))
        experience, b = self.paragraph(max(40, target - a - len(skills.split()) - 30))
        education, _ = self.paragraph(20)
        years = 1 + int(self.rng.random() * 15)
        return (
            f"Candidate {number}\n\nSummary\n{summary}\n\nSkills\n{skills}\n\n"
            f"Experience\n{years} years of experience. {experience}\n\nEducation\n{education}\n"
        )

    def posting(self, number):
        target = 150 + int(self.rng.random() * 451)
        title = " ".join(self.word() for _ in range(2)).title() + " " + self.skill()
        about, _ = self.paragraph(max(30, target // 3))
        used = len(title.split()) + len(about.split()) + 5
        requirements = []
        for _ in range(4 + int(self.rng.random() * 6)):
            if used + 24 > target:
                break
            years = 1 + int(self.rng.random() * 8)
            text, _ = self.sentence(6 + int(self.rng.random() * 8), skill_rate=0.15)
            line = f"- {years}+ years with {self.skill()}. {text}"
            requirements.append(line)
            used += len(line.split())
        nice = []
        while used + 12 < target:
            text, _ = self.sentence(4 + int(self.rng.random() * 8), skill_rate=0.15)
            line = f"- {self.skill()}. {text}"
            nice.append(line)
            used += len(line.split())
        return (
            f"{title}\n\nAbout the role\n{about}\n\nRequirements\n" + "\n".join(requirements)
            + "\n\nNice to have\n" + "\n".join(nice) + "\n"
        )


def write_jsonl(path, prefix, count, make):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for i in range(count):
            record = {"id": f"{prefix}-{i:06d}", "text": make(i)}
            f.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def write_vectors(path, rows, dim, rng):
    """Unit rows: a few hundred shared directions plus noise, so top-k has structure."""
    centers = [[rng.random() * 2 - 1 for _ in range(dim)] for _ in range(64)]
    with open(path, "wb") as f:
        for _ in range(rows):
            c = centers[int(rng.random() * len(centers))]
            v = array.array("f", (c[j] + (rng.random() * 2 - 1) for j in range(dim)))
            norm = math.sqrt(sum(x * x for x in v)) or 1.0
            v = array.array("f", (x / norm for x in v))
            if sys.byteorder != "little":
                v.byteswap()
            f.write(v.tobytes())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resumes", type=int, required=True)
    parser.add_argument("--postings", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--vocabulary", type=int, default=30000)
    parser.add_argument("--dim", type=int, default=256)
    parser.add_argument("--skills", default=os.path.join(ROOT, "data", "skills", "skills.jsonl"))
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    vocabulary = word_types(args.vocabulary, rng)
    skills = skill_phrases(args.skills, rng)
    writer = Writer(rng, vocabulary, zipf_cumulative(len(vocabulary)), skills)
    write_jsonl(os.path.join(args.out, "resumes.jsonl"), "resume", args.resumes, writer.resume)
    write_jsonl(os.path.join(args.out, "postings.jsonl"), "posting", args.postings, writer.posting)
    vector_rng = random.Random(args.seed + 1)
    write_vectors(os.path.join(args.out, "resumes.f32"), args.resumes, args.dim, vector_rng)
    write_vectors(os.path.join(args.out, "postings.f32"), args.postings, args.dim, vector_rng)
    meta = {"resumes": args.resumes, "postings": args.postings, "seed": args.seed,
            "dim": args.dim, "vocabulary": len(vocabulary), "skill_phrases": len(skills)}
    with open(os.path.join(args.out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
