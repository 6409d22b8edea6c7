#!/usr/bin/env python3
"""Build JobFit's occupation title list: data/occupations/onet_titles.tsv.

Input (read-only), under --shared (default: ../shared/data beside the repository root):

  onet-29.2/Occupation_Data.txt              O*NET 29.2, CC BY 4.0
  onet-29.2/Alternate_Titles.txt             O*NET 29.2, CC BY 4.0
  onet-29.2/Sample_of_Reported_Titles.txt    O*NET 29.2, CC BY 4.0

Output: one row per (occupation, title form), tab-separated, sorted, deduplicated:

  code <TAB> kind <TAB> title

`kind` is `occupation` for the occupation's own O*NET title (one row per occupation; the
engine names occupations by it and counts it twice), `alternate` for an alternate title or its
short form, `reported` for a title reported by workers. A title with a parenthesis is split:
"Information Technology Manager (IT Manager)" gives "Information Technology Manager" and
"IT Manager". Titles are kept as O*NET writes them; the engine normalises them (case, plurals,
stop words) with the same analyzer it uses for document titles, so there is one normaliser.

Standard library only; the output is byte-identical on rerun. Exit status 1 with a clear
message when an input is missing or malformed.
"""

import argparse
import csv
import pathlib
import re
import sys

HEADER = (
    "# O*NET 29.2 occupation titles (O*NET-SOC code, kind, title), derived by\n"
    "# scripts/build_occupations.py from Occupation_Data, Alternate_Titles and\n"
    "# Sample_of_Reported_Titles. Source: O*NET 29.2 Database by the U.S. Department of\n"
    "# Labor, Employment and Training Administration (USDOL/ETA), CC BY 4.0.\n"
    "# Modified: titles with a parenthesis split in two, rows deduplicated and sorted.\n"
)

PAREN = re.compile(r"\(([^()]*)\)")
CODE = re.compile(r"^\d\d-\d\d\d\d\.\d\d$")


def forms(title):
    """The title without its parentheses, and each parenthesised part, cleaned."""
    parts = [PAREN.sub(" ", title)] + PAREN.findall(title)
    out = []
    for part in parts:
        part = " ".join(part.replace("\t", " ").split()).strip(" ,;-")
        if part:
            out.append(part)
    return out


def read(path, columns):
    if not path.is_file():
        sys.exit(f"build_occupations: missing input {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            sys.exit(f"build_occupations: {path} lacks column(s) {', '.join(missing)}")
        rows = list(reader)
    for n, row in enumerate(rows, start=2):
        if not CODE.match(row[columns[0]] or ""):
            sys.exit(f"build_occupations: {path}:{n}: not an O*NET-SOC code")
    return rows


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=pathlib.Path, default=root.parent / "shared" / "data")
    parser.add_argument("--out", type=pathlib.Path, default=root / "data" / "occupations")
    args = parser.parse_args()
    onet = args.shared / "onet-29.2"

    rows = set()
    occupations = read(onet / "Occupation_Data.txt", ["O*NET-SOC Code", "Title"])
    known = set()
    for r in occupations:
        code = r["O*NET-SOC Code"]
        known.add(code)
        # The occupation's own title stays whole (it names the occupation in explanations).
        rows.add((code, "occupation", " ".join(r["Title"].split())))
        for form in forms(r["Title"])[1:]:
            rows.add((code, "alternate", form))
    alternates = read(
        onet / "Alternate_Titles.txt", ["O*NET-SOC Code", "Alternate Title", "Short Title"])
    for r in alternates:
        code = r["O*NET-SOC Code"]
        for title in (r["Alternate Title"], r["Short Title"]):
            if title and title != "n/a":
                for form in forms(title):
                    rows.add((code, "alternate", form))
    reported = read(onet / "Sample_of_Reported_Titles.txt", ["O*NET-SOC Code", "Reported Job Title"])
    for r in reported:
        for form in forms(r["Reported Job Title"]):
            rows.add((r["O*NET-SOC Code"], "reported", form))

    unknown = sorted({code for code, _, _ in rows} - known)
    if unknown:
        sys.exit(f"build_occupations: titles for unknown occupation(s) {', '.join(unknown[:5])}")
    # A form that equals the occupation's own title is not repeated as an alternate.
    own = {(code, title) for code, kind, title in rows if kind == "occupation"}
    rows = {r for r in rows if r[1] == "occupation" or (r[0], r[2]) not in own}

    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "onet_titles.tsv"
    with target.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        for code, kind, title in sorted(rows):
            out.write(f"{code}\t{kind}\t{title}\n")
    kinds = {}
    for _, kind, _ in rows:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"wrote {target}: {len(rows)} rows, {len(known)} occupations, "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    main()
