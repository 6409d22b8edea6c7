#!/usr/bin/env python3
"""Build the JobFit skill taxonomy: data/skills/skills.jsonl and data/skills/stats.json.

Inputs (read-only): the hand-curated layer in data/skills/curated/*.json and
data/skills/common_words.txt, plus three public sources under --shared
(default: ../shared/data beside the repository root):

  onet-29.2/Technology_Skills.txt                 O*NET 29.2, CC BY 4.0
  onet-29.2/Task_Statements.txt                   O*NET 29.2, CC BY 4.0 (word list only)
  esco-skills-derived-northstar/skills_en.csv     ESCO v1.1.1 (derived), CC BY 4.0
  stackoverflow-tag-synonyms/TagSynonyms.csv      Stack Overflow, CC BY-SA 4.0
  stackoverflow-tag-synonyms/Tags.csv             Stack Overflow, CC BY-SA 4.0

Pipeline: curated skills first, then O*NET tool names merged or added, then ESCO
skills merged or added, alias ownership resolved (every alias key belongs to one
skill), Stack Overflow synonyms added as aliases of skills that already exist,
ambiguity flags, related skills, validation, output.

Precision rules (see data/skills/README.md, "Precision audit"): an imported form
whose only content word is an ordinary English word is not a skill name on its
own. "Ordinary" means in common_words.txt, an English stop word, or written in
lower case at least 3 times in the O*NET task statements (18k sentences of
occupational English). O*NET software categories do not lend their practice as
an alias ("Human resources software" is not matched by "human resources");
O*NET product names of one ordinary word ("After the Deadline", "Analyze") are
flagged ambiguous and their weak forms ("Dynamics") dropped; ESCO altLabels and
Stack Overflow tags of one ordinary word are not used as aliases.

Standard library only. The output is byte-identical on rerun (sorted keys, no
timestamps). Exit status 1 with a clear message when an input is missing or the
validation fails.
"""

import argparse
import collections
import csv
import hashlib
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SKILLS_DIR = REPO / "data" / "skills"
CURATED_DIR = SKILLS_DIR / "curated"
COMMON_WORDS = SKILLS_DIR / "common_words.txt"
COVERAGE_TERMS = SKILLS_DIR / "coverage_terms.txt"
STOP_WORDS = REPO / "data" / "stopwords" / "english.txt"
DEFAULT_SHARED = REPO.parent / "shared" / "data"

ONET_FILE = "onet-29.2/Technology_Skills.txt"
ONET_TASKS_FILE = "onet-29.2/Task_Statements.txt"
ESCO_FILE = "esco-skills-derived-northstar/skills_en.csv"
SO_SYN_FILE = "stackoverflow-tag-synonyms/TagSynonyms.csv"
SO_TAGS_FILE = "stackoverflow-tag-synonyms/Tags.csv"

PRIORITY = {"curated": 0, "onet": 1, "esco": 2, "so": 3}
MAX_ALIAS_LEN = 60
MAX_RELATED = 10
ESCO_MAX_WORDS = 6           # longer ESCO altLabels are occupational phrases
ESCO_MAX_ALIASES = 15        # per skill: the shortest ones are kept
ONET_NEIGHBOURS = 5          # candidate co-occurrence neighbours per skill ...
ONET_MIN_COOCCUR = 2         # ... seen together in at least this many groups ...
ONET_MIN_COSINE = 0.2        # ... with cosine co / sqrt(n_a * n_b) at least this
ONET_MAX_GROUP = 40          # larger occupation x commodity groups are skipped
ORDINARY_MIN_COUNT = 3       # lower-case uses in O*NET task statements: an ordinary word

# Vendor prefixes stripped from O*NET product names to form an extra alias
# ("Atlassian JIRA" -> "JIRA"); longest match first. A vetted list: guessing
# vendors from the data also strips words such as "American" or "Sun".
VENDOR_PREFIXES = sorted((
    "Amazon Web Services AWS", "Amazon Web Services", "Amazon", "AWS", "Microsoft Azure",
    "Microsoft", "Google Cloud", "Google", "IBM", "Oracle", "Adobe Systems", "Adobe", "Autodesk",
    "Apache", "Atlassian", "SAP", "Apple", "Cisco", "Intuit", "Salesforce", "Red Hat",
    "Sun Microsystems", "The MathWorks", "MathWorks", "Trimble", "Bentley Systems", "Bentley",
    "Esri", "ESRI", "Siemens", "Corel", "Citrix", "VMware", "Symantec", "McAfee",
    "Hewlett Packard Enterprise", "Hewlett-Packard", "Hewlett Packard", "HP", "Dell", "Infor",
    "Sage", "Blackbaud", "JetBrains", "Facebook", "Meta", "Hootsuite", "Wolfram Research",
    "StataCorp", "Minitab", "Qlik", "Tibco", "Teradata", "Informatica", "Micro Focus", "Novell",
    "Mozilla", "NVIDIA", "Nvidia", "Intel", "Kronos", "Unity Technologies", "Epic Systems",
    "Cerner", "Dassault Systemes", "PTC", "Ansys", "ANSYS", "National Instruments", "Quest",
    "Veritas", "Broadcom", "CA", "Splunk", "Elastic", "MongoDB", "Docker", "HashiCorp",
    "Bluebeam", "Procore", "Epicor", "Lawson", "Hyland", "OpenText", "Zoho", "Intuit QuickBooks",
), key=lambda v: (-len(v), v))


class BuildError(Exception):
    """A missing input or a failed validation; the message says which."""


# --------------------------------------------------------------------------- text


def fold(text):
    """Lower-case and strip accents (NFKD, drop combining marks)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def norm_key(text):
    """Merge/lookup key: fold, '&' -> 'and', '+' -> 'plus', '#' -> 'sharp',
    then drop everything but [a-z0-9]. "Node.js", "NodeJS" and "node js" all
    give "nodejs"; "C++" gives "cplusplus"; "A/B testing" gives "abtesting"."""
    t = fold(text).replace("&", " and ").replace("+", "plus").replace("#", "sharp")
    return re.sub(r"[^a-z0-9]+", "", t)


def slugify(name):
    """Stable id: fold, '&' -> '-and-', keep [a-z0-9+#.], other runs -> '-'."""
    t = fold(name).replace("&", " and ")
    t = re.sub(r"[^a-z0-9+#.]+", "-", t)
    t = re.sub(r"-{2,}", "-", t).strip("-")
    t = re.sub(r"\.+$", "", t)
    t = re.sub(r"-?\.-", "-", t)
    return t or "skill"


def clean_label(text):
    """Collapse white space and trim; '' for None."""
    return re.sub(r"\s+", " ", text or "").strip()


def tag_to_phrase(tag):
    """Stack Overflow tag -> phrase: hyphens stand for spaces."""
    return tag.replace("-", " ").strip()


def plural_stem(word):
    """The matcher's plural folding: drop one "s" from alphabetic words longer than
    three letters unless they end in "ss", "us" or "is" ("models" -> "model")."""
    if len(word) > 3 and word.endswith("s") and word[-2] not in "sui" and word.isalpha():
        return word[:-1]
    return word


class Vocabulary:
    """Ordinary English, for telling skill names from phrases: our common words,
    English stop words, and how often each (plural-folded) word is written in lower
    case in the O*NET task statements."""

    def __init__(self, common, stop, counts):
        self.common = common
        self.stop = stop
        self.counts = counts

    def words(self, text):
        return re.findall(r"[a-z0-9]+", fold(text))

    def content(self, text):
        return [w for w in self.words(text) if w not in self.stop]

    def ordinary(self, word):
        return (word in self.common or word in self.stop
                or self.counts.get(plural_stem(word), 0) >= ORDINARY_MIN_COUNT)

    def ordinary_name(self, text):
        """One content word, and an ordinary one: "After the Deadline" is
        "deadline" to the matcher, "Adapt It" is "adapt", "Dynamics" is
        "dynamics". Two words ("Oracle Database", "React Native", "Windows
        Server") are a name often enough to keep."""
        words = self.content(text)
        return len(words) == 1 and words[0].isalpha() and self.ordinary(words[0])


# --------------------------------------------------------------------------- files


def require(path):
    """Return path if it is a readable file, else raise a BuildError naming it."""
    if not path.is_file():
        raise BuildError(f"missing input file: {path}")
    return path


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def check_columns(rows, path, columns):
    if not rows:
        raise BuildError(f"{path}: no data rows")
    missing = [c for c in columns if c not in rows[0]]
    if missing:
        raise BuildError(f"{path}: missing columns {missing}")


def load_common_words(path):
    words = set()
    for line in require(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.update(line.split())
    return words


def load_stop_words(path):
    return {line.strip().lower() for line in require(path).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def load_task_words(path):
    """Lower-case word counts (plural-folded) over the O*NET task statements."""
    rows = read_tsv(require(path))
    check_columns(rows, path, ["Task"])
    counts = collections.Counter()
    for row in rows:
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*", row["Task"]):
            if word.islower():
                for part in re.findall(r"[a-z]+", word):
                    counts[plural_stem(part)] += 1
    return dict(counts)


def load_curated(directory):
    """All curated entries, file by file in name order, entry order kept."""
    files = sorted(directory.glob("*.json"))
    if not files:
        raise BuildError(f"no curated files in {directory}")
    entries = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise BuildError(f"{path}: invalid JSON: {error}") from None
        if not isinstance(data, list):
            raise BuildError(f"{path}: expected a list of skills")
        for number, entry in enumerate(data):
            where = f"{path.name}[{number}]"
            if not isinstance(entry, dict) or not clean_label(entry.get("name")):
                raise BuildError(f"{where}: entry needs a non-empty name")
            if not clean_label(entry.get("category")):
                raise BuildError(f"{where}: entry needs a category")
            for field in ("aliases", "related", "ambiguous_aliases"):
                value = entry.get(field, [])
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise BuildError(f"{where}: {field} must be a list of strings")
            entries.append((where, entry))
    return files, entries


def load_onet(path):
    """Per tool name: commodity titles (counted), hot/in-demand flags, and the
    (occupation, commodity) groups it appears in."""
    rows = read_tsv(require(path))
    check_columns(rows, path, ["O*NET-SOC Code", "Example", "Commodity Code",
                               "Commodity Title", "Hot Technology", "In Demand"])
    tools = {}
    groups = collections.defaultdict(list)
    for row in rows:
        name = clean_label(row["Example"])
        if not name:
            continue
        tool = tools.setdefault(name, {"commodities": collections.Counter(),
                                       "hot": False, "demand": False, "occupations": 0})
        tool["commodities"][clean_label(row["Commodity Title"])] += 1
        tool["hot"] |= row["Hot Technology"].strip() == "Y"
        tool["demand"] |= row["In Demand"].strip() == "Y"
        tool["occupations"] += 1
        group = (row["O*NET-SOC Code"].strip(), row["Commodity Code"].strip())
        if name not in groups[group]:
            groups[group].append(name)
    return tools, groups, len(rows)


def load_esco(path):
    rows = read_csv(require(path))
    check_columns(rows, path, ["preferredLabel", "altLabels", "skillType"])
    skills = []
    for row in rows:
        label = clean_label(row["preferredLabel"])
        if not label:
            continue
        alts = [clean_label(a) for a in (row["altLabels"] or "").split("\n")]
        skills.append((label, [a for a in alts if a], clean_label(row["skillType"])))
    return skills, len(rows)


def load_so(syn_path, tags_path):
    """Approved synonym pairs (source, target) in Id order, and tag counts."""
    syn_rows = read_csv(require(syn_path))
    check_columns(syn_rows, syn_path, ["Id", "SourceTagName", "TargetTagName", "ApprovalDate"])
    tag_rows = read_csv(require(tags_path))
    check_columns(tag_rows, tags_path, ["TagName", "Count"])
    approved = [r for r in syn_rows if clean_label(r["ApprovalDate"])]
    approved.sort(key=lambda r: int(r["Id"]))
    pairs = [(r["SourceTagName"].strip(), r["TargetTagName"].strip()) for r in approved]
    counts = {r["TagName"].strip(): int(r["Count"] or 0) for r in tag_rows}
    return pairs, counts, len(syn_rows)


# --------------------------------------------------------------------------- O*NET names


def product_like(text):
    """True when no word is an all-lower-case word of 4+ letters: "Salesforce",
    "Amazon Elastic Compute Cloud", "Apple iOS"; not "Cost accounting"."""
    words = text.split()
    if not words:
        return False
    return not any(re.fullmatch(r"[a-z]{4,}", w) for w in words[1:]) and not words[0].islower()


def onet_forms(name, vocab, counters):
    """(strong, weak) alias forms of an O*NET tool name. Strong forms may merge
    the tool with an existing skill; weak forms are only added as aliases.

    Two kinds of form are not made. A software category without " software"
    ("Human resources software" -> "Human resources") names a practice, not the
    software, and would match every document about the practice. A weak form
    whose only content word is ordinary ("Dynamics" of "Microsoft Dynamics",
    "LifeCycle" of "Adobe LifeCycle ES", "SEQUENCE") is that word far more often
    than the product; the full name still matches."""
    strong, weak = [], []
    base = name
    paren = re.fullmatch(r"(.*\S)\s*\(([^()]+)\)", base)
    if paren:
        base = paren.group(1)
        strong.append(base)
        weak.append(paren.group(2))
    if base.lower().endswith(" software") and len(base.split()) >= 2:
        base = base[: -len(" software")].strip()
        if product_like(base):
            strong.append(base)
        else:
            counters["onet_category_practice_dropped"] += 1
    words = base.split()
    if len(words) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", words[-1]) and not words[-2].isupper():
        weak.append(words[-1])
        base = " ".join(words[:-1])
        (strong if product_like(base) else weak).append(base)
    stripped = None
    for prefix in VENDOR_PREFIXES:
        if base.startswith(prefix + " ") and len(base) > len(prefix) + 2:
            stripped = base[len(prefix) + 1:]
            break
    if stripped and stripped[:1].isupper() | stripped[:1].isdigit():
        if len(norm_key(stripped)) > 2:
            weak.append(stripped)
    kept = [form for form in weak if not vocab.ordinary_name(form)]
    counters["onet_weak_ordinary_dropped"] += len(weak) - len(kept)
    return strong, kept


# --------------------------------------------------------------------------- model


class Skill:
    """One skill while building; aliases maps key -> [display, set of sources]."""

    def __init__(self, name, category, origin):
        self.name = name
        self.key = norm_key(name)
        self.category = category
        self.origin = origin
        self.sources = {origin}
        self.aliases = {}
        self.curated_related = []
        self.curated_ambiguous = []
        self.onet_names = []
        self.id = None


class Taxonomy:
    """Skills plus two indexes: name key -> skill, and strong alias key -> skill
    (-1 when two skills claim the same strong alias)."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.common = vocab.common
        self.skills = []
        self.names = {}
        self.strong = {}
        self.counters = collections.Counter()

    def create(self, name, category, origin):
        skill = Skill(name, category, origin)
        if not skill.key:
            raise BuildError(f"skill name has no letters or digits: {name!r}")
        self.names[skill.key] = len(self.skills)
        self.skills.append(skill)
        return len(self.skills) - 1

    def find(self, forms, aliases_too=True):
        """Index of the skill a label belongs to: any name key first, then a
        unique strong alias key; None when there is none."""
        keys = [norm_key(f) for f in forms if norm_key(f)]
        for key in keys:
            if key in self.names:
                return self.names[key]
        if aliases_too:
            for key in keys:
                if self.strong.get(key, -1) >= 0:
                    return self.strong[key]
        return None

    def add_alias(self, index, display, source, strong=False):
        """Attach an alias (dropped when too long or equal to the name)."""
        skill = self.skills[index]
        display = clean_label(display)
        key = norm_key(display)
        if not key or key == skill.key:
            return False
        if len(display) > MAX_ALIAS_LEN:
            self.counters[f"dropped_long_{source}"] += 1
            return False
        entry = skill.aliases.setdefault(key, [display, set()])
        entry[1].add(source)
        skill.sources.add(source)
        if strong:
            owner = self.strong.get(key)
            if owner is None:
                self.strong[key] = index
            elif owner != index:
                self.strong[key] = -1
        return True

    def alias_owner(self):
        """key -> skill index over names and aliases, after ownership is resolved."""
        index = {}
        for i, skill in enumerate(self.skills):
            for key in skill.aliases:
                index[key] = i
        index.update(self.names)
        return index


# --------------------------------------------------------------------------- sources


def add_curated(tax, entries):
    for where, entry in entries:
        name = clean_label(entry["name"])
        if norm_key(name) in tax.names:
            raise BuildError(f"{where}: duplicate curated skill {name!r}")
        index = tax.create(name, clean_label(entry["category"]), "curated")
        skill = tax.skills[index]
        skill.curated_related = [clean_label(r) for r in entry.get("related", [])]
        skill.curated_ambiguous = [clean_label(a) for a in entry.get("ambiguous_aliases", [])]
        for alias in entry.get("aliases", []):
            key = norm_key(alias)
            owner = tax.strong.get(key)
            if owner is not None and owner != index:
                other = tax.skills[owner].name if owner >= 0 else "several skills"
                raise BuildError(f"{where}: alias {alias!r} also used by {other!r}")
            if key in tax.names and tax.names[key] != index:
                raise BuildError(f"{where}: alias {alias!r} is the name of another skill")
            if len(clean_label(alias)) > MAX_ALIAS_LEN:
                raise BuildError(f"{where}: alias {alias!r} longer than {MAX_ALIAS_LEN}")
            tax.add_alias(index, alias, "curated", strong=True)
    tax.counters["curated_entries"] = len(entries)


def add_onet(tax, tools):
    """Merge each O*NET tool name into an existing skill or add it."""
    tool_skill = {}
    for name in sorted(tools):
        tool = tools[name]
        strong, weak = onet_forms(name, tax.vocab, tax.counters)
        index = tax.find([name] + strong)
        if index is None:
            top = sorted(tool["commodities"].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            index = tax.create(name, top, "onet")
            tax.counters["onet_created"] += 1
        else:
            tax.skills[index].sources.add("onet")
            tax.add_alias(index, name, "onet", strong=True)
            tax.counters["onet_merged"] += 1
        for form in strong:
            tax.add_alias(index, form, "onet", strong=True)
        for form in weak:
            tax.add_alias(index, form, "onet")
        tax.skills[index].onet_names.append(name)
        tool_skill[name] = index
    tax.counters["onet_tools"] = len(tools)
    return tool_skill


ESCO_CATEGORY = {"knowledge": "Knowledge (ESCO)", "skill/competence": "Skill or competence (ESCO)"}


def esco_alias_ok(alias, collisions, vocab, counters):
    """Filter for ESCO altLabels: not too long, not a single ordinary word, not
    numeric, and not shared by several ESCO skills (the heuristic aliases often
    are). Aliases of two generic words ("new product" of "develop new products",
    "sales team" of "manage sales teams") are kept: dropping them removed about as
    many right mentions as wrong ones and cost retrieval (data/skills/README.md)."""
    key = norm_key(alias)
    if not key or key.isdigit():
        counters["esco_alias_dropped_empty"] += 1
        return False
    if len(alias) > MAX_ALIAS_LEN:
        counters["esco_alias_dropped_long"] += 1
        return False
    if " " not in alias and vocab.ordinary(fold(alias)):
        counters["esco_alias_dropped_common_word"] += 1
        return False
    if collisions[key] >= 2:
        counters["esco_alias_dropped_collision"] += 1
        return False
    if len(alias.split()) > ESCO_MAX_WORDS:
        counters["esco_alias_dropped_words"] += 1
        return False
    return True


def strip_qualifier(label):
    """"Python (computer programming)" -> "Python"; None without a qualifier."""
    match = re.fullmatch(r"(.*\S)\s*\([^()]+\)", label)
    return match.group(1) if match else None


def add_esco(tax, rows):
    collisions = collections.Counter()
    for label, alts, _ in rows:
        for key in {norm_key(a) for a in alts} - {norm_key(label)}:
            collisions[key] += 1
    for label, alts, skill_type in rows:
        index = tax.find([label])
        bare = strip_qualifier(label)
        if index is None and bare:
            index = tax.names.get(norm_key(bare))
        if index is None:
            category = ESCO_CATEGORY.get(skill_type, "Skill (ESCO)")
            index = tax.create(label, category, "esco")
            tax.counters["esco_created"] += 1
        else:
            tax.skills[index].sources.add("esco")
            tax.add_alias(index, label, "esco", strong=True)
            tax.counters["esco_merged"] += 1
        kept = [a for a in alts if esco_alias_ok(a, collisions, tax.vocab, tax.counters)]
        kept = sorted(set(kept), key=lambda a: (len(a), a))
        tax.counters["esco_alias_dropped_cap"] += max(0, len(kept) - ESCO_MAX_ALIASES)
        for alias in kept[:ESCO_MAX_ALIASES]:
            tax.add_alias(index, alias, "esco")
    tax.counters["esco_rows"] = len(rows)


def resolve_ownership(tax, warnings):
    """Give every alias key one owner: the skill with that name; else the one
    curated claimant; else the only claimant. Keys claimed by several skills
    with no such winner are removed from all of them."""
    claims = collections.defaultdict(list)
    for index, skill in enumerate(tax.skills):
        for key, (_, sources) in skill.aliases.items():
            claims[key].append((index, "curated" in sources))
    for key in sorted(claims):
        claimants = claims[key]
        if key in tax.names:
            winner = tax.names[key]
        else:
            curated = [i for i, is_curated in claimants if is_curated]
            winner = curated[0] if len(curated) == 1 else (claimants[0][0] if len(claimants) == 1 else None)
        for index, is_curated in claimants:
            if index == winner:
                continue
            skill = tax.skills[index]
            display = skill.aliases.pop(key)[0]
            tax.counters["alias_dropped_collision"] += 1
            if is_curated:
                warnings.append(f"curated alias {display!r} of {skill.name!r} lost to another skill")


def so_gold(tax, pairs):
    """How many approved synonym pairs land both tags on the same skill."""
    owner = tax.alias_owner()
    same = target_mapped = 0
    for source, target in pairs:
        a, b = owner.get(norm_key(source)), owner.get(norm_key(target))
        target_mapped += b is not None
        same += a is not None and a == b
    total = len(pairs)
    return {"approved_pairs": total, "target_tag_is_a_skill": target_mapped,
            "same_skill": same, "share": round(same / total, 4) if total else 0.0,
            "share_of_mapped_targets": round(same / target_mapped, 4) if target_mapped else 0.0}


def is_refinement(tag, other):
    """True when tag is the other tag plus extra words that are not a version
    ("javascript-alert" against "javascript"): a narrower topic, not a synonym."""
    words, base = tag.split("-"), set(other.split("-"))
    extra = [w for w in words if w not in base]
    return len(words) > 1 and base <= set(words) and any(not re.fullmatch(r"[0-9.x]+", w) for w in extra)


def plural_key(text):
    """The alias key as the matcher sees it: words plural-folded, then joined."""
    return "".join(plural_stem(w) for w in re.findall(r"[a-z0-9]+", fold(text)))


def add_so(tax, pairs, tag_counts):
    """Approved synonyms become aliases of the skill the other tag maps to.
    Stack Overflow never creates skills. A tag that is one ordinary English word
    ("order" for "ordering", "documentation" for "docs", "sheets") is a
    programming sense or a neighbour, not a synonym, and is not used, unless it is
    only the plural or singular of a form the skill already has. Ordinary means
    used in the O*NET task statements here: product names in common_words.txt
    ("hive", "unity") stay, flagged ambiguous."""
    owner = tax.alias_owner()
    for source, target in pairs:
        ks, kt = norm_key(source), norm_key(target)
        a, b = owner.get(ks), owner.get(kt)
        if a is None and b is None:
            tax.counters["so_pairs_unmapped"] += 1
        elif a is not None and b is not None:
            tax.counters["so_pairs_same" if a == b else "so_pairs_conflict"] += 1
            if a == b:
                tax.skills[a].sources.add("so")
        else:
            index, tag, key = (a, target, kt) if b is None else (b, source, ks)
            other = source if b is None else target
            if is_refinement(tag, other):
                tax.counters["so_pairs_refinement_skipped"] += 1
                continue
            phrase = tag_to_phrase(tag)
            if " " not in phrase and tax.vocab.counts.get(plural_stem(fold(phrase)), 0) >= ORDINARY_MIN_COUNT:
                skill = tax.skills[index]
                forms = {plural_key(skill.name)} | {plural_key(d) for d, _ in skill.aliases.values()}
                if plural_key(phrase) not in forms:
                    tax.counters["so_alias_skipped_ordinary_word"] += 1
                    continue
            if tax.add_alias(index, phrase, "so"):
                owner[key] = index
                tax.counters["so_aliases_added"] += 1
    for tag in sorted(tag_counts):
        index = owner.get(norm_key(tag))
        if index is not None:
            tax.skills[index].sources.add("so")
    top = sorted(tag_counts, key=lambda t: (-tag_counts[t], t))[:1000]
    covered = sum(owner.get(norm_key(t)) is not None for t in top)
    return {"top_tags": len(top), "covered": covered,
            "share": round(covered / len(top), 4) if top else 0.0}


def mark_ambiguous(tax):
    """Curated flags, plus: any form of 1-2 key characters ("R", "Go", "QA"),
    single common words used as product names ("Excel", "Spark"), and imported
    (not curated) product-like forms of one or two ordinary words: product names
    such as "After the Deadline", "Analyze", "Act!", "Front Desk", "Adapt It",
    which the matcher then takes only in their own capitals and in context."""
    for skill in tax.skills:
        forms = {skill.key: skill.name}
        forms.update({k: d for k, (d, _) in skill.aliases.items()})
        imported = {k for k, (_, sources) in skill.aliases.items() if "curated" not in sources}
        if skill.origin != "curated":
            imported.add(skill.key)
        flagged = set()
        for alias in skill.curated_ambiguous:
            key = norm_key(alias)
            if key not in forms:
                raise BuildError(f"{skill.name!r}: ambiguous alias {alias!r} is not a name or alias")
            flagged.add(forms[key])
        product = not skill.name.islower()
        for key, display in forms.items():
            if len(key) <= 2:
                flagged.add(display)
            elif product and " " not in display and fold(display) in tax.common:
                flagged.add(display)
            elif key in imported and product_like(display) and tax.vocab.ordinary_name(display):
                flagged.add(display)
                tax.counters["ambiguous_ordinary_imported"] += 1
        skill.ambiguous = sorted(flagged, key=lambda d: (fold(d), d))


def assign_ids(tax):
    """Slug of the canonical name; on a clash the skill from the higher-priority
    source (then the smaller key) keeps the bare slug, others get -2, -3, ..."""
    order = sorted(range(len(tax.skills)),
                   key=lambda i: (PRIORITY[tax.skills[i].origin], tax.skills[i].key, tax.skills[i].name))
    used = set()
    for i in order:
        base = slugify(tax.skills[i].name)
        sid, n = base, 2
        while sid in used:
            sid, n = f"{base}-{n}", n + 1
        used.add(sid)
        tax.skills[i].id = sid
        tax.counters["id_suffixed"] += sid != base


def build_related(tax, groups, tool_skill):
    """Curated relations (made symmetric) first, then O*NET neighbours: tools
    listed for the same occupation under the same commodity."""
    owner = tax.alias_owner()
    by_id = {s.id: i for i, s in enumerate(tax.skills)}
    related = [[] for _ in tax.skills]

    def push(i, j):
        if i != j and j not in related[i] and len(related[i]) < MAX_RELATED:
            related[i].append(j)

    curated_edges = []
    for i, skill in enumerate(tax.skills):
        for ref in skill.curated_related:
            j = by_id.get(ref)
            if j is None:
                j = owner.get(norm_key(ref))
            if j is None:
                raise BuildError(f"{skill.name!r}: related skill {ref!r} not found")
            push(i, j)
            curated_edges.append((i, j))
    for i, j in curated_edges:
        push(j, i)
    cooccur, seen = collections.Counter(), collections.Counter()
    for group in sorted(groups):
        members = sorted({tool_skill[name] for name in groups[group]})
        if len(members) > ONET_MAX_GROUP:
            continue
        seen.update(members)
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                cooccur[(a, b)] += 1
    neighbours = collections.defaultdict(list)
    for (a, b), count in cooccur.items():
        cosine = count / (seen[a] * seen[b]) ** 0.5
        if count >= ONET_MIN_COOCCUR and cosine >= ONET_MIN_COSINE:
            neighbours[a].append((cosine, b))
            neighbours[b].append((cosine, a))
    best = {i: {j for _, j in sorted(cands, key=lambda cb: (-cb[0], tax.skills[cb[1]].id))[:ONET_NEIGHBOURS]}
            for i, cands in neighbours.items()}
    onet_edges = 0
    for i in sorted(best):
        ranked = sorted(neighbours[i], key=lambda cb: (-cb[0], tax.skills[cb[1]].id))
        for _, j in ranked:
            if j in best[i] and i in best.get(j, ()):   # mutual nearest neighbours only
                before = len(related[i])
                push(i, j)
                onet_edges += len(related[i]) - before
    tax.counters["onet_related_edges"] = onet_edges
    for i, skill in enumerate(tax.skills):
        skill.related = [tax.skills[j].id for j in related[i]]
    return len(curated_edges)


# --------------------------------------------------------------------------- output


def records(tax):
    out = []
    for skill in sorted(tax.skills, key=lambda s: s.id):
        aliases = sorted((d for d, _ in skill.aliases.values()), key=lambda d: (fold(d), d))
        out.append({"id": skill.id, "name": skill.name, "category": skill.category,
                    "aliases": aliases, "related": skill.related,
                    "ambiguous_aliases": skill.ambiguous,
                    "sources": sorted(skill.sources, key=lambda s: PRIORITY[s])})
    return out


ID_PATTERN = re.compile(r"[a-z0-9+#.][a-z0-9+#.-]*")


def validate(lines, minimum):
    """Check the serialised lines, not the in-memory objects."""
    parsed = []
    for number, line in enumerate(lines, 1):
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise BuildError(f"line {number}: invalid JSON: {error}") from None
    ids = [r["id"] for r in parsed]
    if len(set(ids)) != len(ids):
        raise BuildError("duplicate ids")
    if ids != sorted(ids):
        raise BuildError("lines are not sorted by id")
    known = set(ids)
    for r in parsed:
        if not ID_PATTERN.fullmatch(r["id"]):
            raise BuildError(f"{r['id']}: id has characters outside [a-z0-9+#.-]")
        if not r["name"] or not r["category"] or not r["sources"]:
            raise BuildError(f"{r['id']}: empty name, category or sources")
        if len(r["related"]) > MAX_RELATED or r["id"] in r["related"]:
            raise BuildError(f"{r['id']}: too many related skills or related to itself")
        missing = [x for x in r["related"] if x not in known]
        if missing:
            raise BuildError(f"{r['id']}: related ids do not exist: {missing}")
        for alias in r["aliases"]:
            if not alias.strip() or len(alias) > MAX_ALIAS_LEN:
                raise BuildError(f"{r['id']}: bad alias {alias!r}")
        forms = set(r["aliases"]) | {r["name"]}
        if not set(r["ambiguous_aliases"]) <= forms:
            raise BuildError(f"{r['id']}: ambiguous aliases not among name and aliases")
    if len(parsed) < minimum:
        raise BuildError(f"only {len(parsed)} skills, expected at least {minimum}")
    return parsed


def check_coverage(tax, path):
    """Every term in coverage_terms.txt (spellings from the sample and seed
    postings and résumés) must resolve to a skill by name or alias key."""
    owner = tax.alias_owner()
    terms = [t.split("#", 1)[0].strip() for t in require(path).read_text(encoding="utf-8").splitlines()]
    terms = [t for t in terms if t]
    missing = [t for t in terms if owner.get(norm_key(t)) is None]
    if missing:
        raise BuildError(f"{len(missing)} coverage terms map to no skill: {missing}")
    return len(terms)


def build_stats(tax, parsed, inputs, gold_before, gold_after, top_tags, curated_edges, coverage):
    by_origin = collections.Counter(s.origin for s in tax.skills)
    with_source = collections.Counter(src for s in tax.skills for src in s.sources)
    alias_sources = collections.Counter(src for s in tax.skills for _, srcs in s.aliases.values() for src in srcs)
    return {
        "skills": len(parsed),
        "skills_created_by_source": dict(sorted(by_origin.items())),
        "skills_with_source": dict(sorted(with_source.items())),
        "aliases": {
            "total": sum(len(r["aliases"]) for r in parsed),
            "by_source": dict(sorted(alias_sources.items())),
            "skills_with_aliases": sum(bool(r["aliases"]) for r in parsed),
            "ambiguous_flags": sum(len(r["ambiguous_aliases"]) for r in parsed),
            "skills_with_ambiguous": sum(bool(r["ambiguous_aliases"]) for r in parsed),
        },
        "related": {
            "edges": sum(len(r["related"]) for r in parsed),
            "skills_with_related": sum(bool(r["related"]) for r in parsed),
            "curated_edges": curated_edges,
        },
        "build_counters": dict(sorted(tax.counters.items())),
        "so_alias_gold_before_so_aliases": gold_before,
        "so_alias_gold": gold_after,
        "so_top_tag_coverage": top_tags,
        "coverage_terms_checked": coverage,
        "inputs_sha256": inputs,
    }


def build(shared, out_dir):
    started = time.monotonic()
    paths = {name: require(shared / name) for name in (ONET_FILE, ONET_TASKS_FILE, ESCO_FILE, SO_SYN_FILE, SO_TAGS_FILE)}
    common = load_common_words(COMMON_WORDS)
    vocab = Vocabulary(common, load_stop_words(STOP_WORDS), load_task_words(paths[ONET_TASKS_FILE]))
    curated_files, entries = load_curated(CURATED_DIR)
    tools, groups, onet_rows = load_onet(paths[ONET_FILE])
    esco_rows, _ = load_esco(paths[ESCO_FILE])
    pairs, tag_counts, _ = load_so(paths[SO_SYN_FILE], paths[SO_TAGS_FILE])

    tax = Taxonomy(vocab)
    warnings = []
    add_curated(tax, entries)
    tool_skill = add_onet(tax, tools)
    add_esco(tax, esco_rows)
    resolve_ownership(tax, warnings)
    gold_before = so_gold(tax, pairs)
    top_tags = add_so(tax, pairs, tag_counts)
    gold_after = so_gold(tax, pairs)
    mark_ambiguous(tax)
    assign_ids(tax)
    curated_edges = build_related(tax, groups, tool_skill)
    coverage = check_coverage(tax, COVERAGE_TERMS)

    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records(tax)]
    parsed = validate(lines, 5000)
    inputs = {f"shared/{name}": sha256_of(path) for name, path in sorted(paths.items())}
    for path in curated_files + [COMMON_WORDS, COVERAGE_TERMS, STOP_WORDS]:
        inputs[str(path.relative_to(REPO))] = sha256_of(path)
    stats = build_stats(tax, parsed, dict(sorted(inputs.items())), gold_before, gold_after,
                        top_tags, curated_edges, coverage)

    out_dir.mkdir(parents=True, exist_ok=True)
    jsonl = ("\n".join(lines) + "\n").encode("utf-8")
    (out_dir / "skills.jsonl").write_bytes(jsonl)
    (out_dir / "stats.json").write_text(json.dumps(stats, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                        encoding="utf-8")
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"skills: {len(parsed)}  aliases: {stats['aliases']['total']}  "
          f"ambiguous flags: {stats['aliases']['ambiguous_flags']}  "
          f"related edges: {stats['related']['edges']}  size: {len(jsonl) / 1e6:.2f} MB")
    print(f"O*NET rows: {onet_rows}  tools: {len(tools)}  ESCO rows: {len(esco_rows)}  "
          f"approved SO pairs: {len(pairs)}")
    print(f"SO alias gold: {gold_before['share']:.1%} of approved pairs map to one skill before SO aliases "
          f"({gold_before['share_of_mapped_targets']:.1%} of pairs whose target is a skill); "
          f"{gold_after['share']:.1%} after ({gold_after['share_of_mapped_targets']:.1%})")
    print(f"coverage terms: {coverage} all resolved; time {time.monotonic() - started:.1f} s")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                        help=f"folder with the public sources (default: {DEFAULT_SHARED})")
    parser.add_argument("--out", type=Path, default=SKILLS_DIR,
                        help="output folder for skills.jsonl and stats.json (default: data/skills)")
    args = parser.parse_args(argv)
    try:
        build(args.shared.resolve(), args.out)
    except BuildError as error:
        print(f"build_taxonomy: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
