#!/usr/bin/env python3
"""Builds the s2l built-in evaluation sets (cloze, quiz, grammar) and image set (digits).

Python 3 standard library only.  Deterministic: the same inputs give byte-identical outputs (sorted
iteration, random.Random(SEED) for every choice, gzip with mtime=0 and no file name in the header).

Usage: build_evalsets.py --raw RAW_DIR --corpus CORPUS_DIR --evalsets-out DIR --images-out DIR

RAW_DIR must hold the unpacked packages under the folder names that rebuild-evalsets.sh uses:
  bsdgames/usr/share/games/bsdgames/quiz/*                     (Debian bsdgames 2.17-29+b1)
  language-en/org/languagetool/rules/en/grammar.xml            (Maven Central org.languagetool:language-en:6.5)
  python3-sklearn/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz
                                                               (Debian python3-sklearn 1.2.1+dfsg-1)
  spdx-license-list/package/spdx-full.json                     (npm spdx-license-list@6.12.0; LGPL-2.1 text)
CORPUS_DIR is the built corpus (src/main/resources/s2l/corpus); the cloze set is cut from its held-out
documents of the prose domains.

EVALSETS_OUT receives <name>.jsonl.gz, manifest.json and NOTICE.txt; IMAGES_OUT receives
digits/train.csv.gz, digits/test.csv.gz, manifest.json and NOTICE.txt.
"""

import argparse
import collections
import gzip
import io
import json
import os
import random
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True   # importing build_corpus must leave no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_corpus import clean, non_ascii_share  # noqa: E402  (same text normalisation as the corpus)

SEED = 20250522

# ---------------------------------------------------------------- output helpers


def gz_bytes(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


def write_jsonl_gz(path, rows):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    with open(path, "wb") as f:
        f.write(gz_bytes(data))


def write_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")


def read_jsonl_gz(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def utf8_len(s):
    return len(s.encode("utf-8"))


# ---------------------------------------------------------------- cloze (LAMBADA-style last word)

CLOZE_DOMAINS = ["literature", "speeches", "encyclopedia"]
CLOZE_EXAMPLES = 256
CLOZE_MIN_BYTES, CLOZE_MAX_BYTES = 150, 230
# A target is a word of >= 3 ASCII letters after a single space that ends a sentence or clause: it is followed
# by one of . ! ? ; : (then optional closing quotes/brackets) and then whitespace or the end of the document.
_CLOZE_TARGET = re.compile(r"(?<=\S) ([A-Za-z]{3,})(?=[.!?;:][\"')\]]*(?:$|\s))")
# Tokens before a full stop that are usually abbreviations, not words.
_ABBREVIATIONS = {"Mrs", "Messrs", "Gen", "Sen", "Gov", "Rev", "Col", "Capt", "Lieut", "Hon", "Esq", "Sept",
                  "Jan", "Feb", "Mar", "Apr", "Aug", "Oct", "Nov", "Dec", "etc", "Ltd", "Inc", "Corp", "Dept",
                  "viz", "Bros", "Ave", "est", "approx"}


def cloze(corpus_dir, stats):
    rng = random.Random(SEED)
    per_domain = [CLOZE_EXAMPLES // len(CLOZE_DOMAINS) + (1 if i < CLOZE_EXAMPLES % len(CLOZE_DOMAINS) else 0)
                  for i in range(len(CLOZE_DOMAINS))]
    examples = []
    for domain, want in zip(CLOZE_DOMAINS, per_domain):
        docs = read_jsonl_gz(os.path.join(corpus_dir, domain, "heldout.jsonl.gz"))
        eligible = []
        for doc in docs:
            text = doc["text"]
            cands = []
            for m in _CLOZE_TARGET.finditer(text):
                word = m.group(1)
                prompt = text[:m.start()]
                if word in _ABBREVIATIONS or not CLOZE_MIN_BYTES <= utf8_len(prompt) <= CLOZE_MAX_BYTES:
                    continue
                cands.append((m.start(), word))
            if cands:
                eligible.append((doc["id"], text, cands))
        stats["cloze"][domain] = {"heldoutDocuments": len(docs), "eligibleDocuments": len(eligible),
                                  "examples": want}
        if len(eligible) < want:
            sys.exit("cloze: domain %s has only %d eligible documents, need %d" % (domain, len(eligible), want))
        for doc_id, text, cands in sorted(rng.sample(eligible, want)):
            pos, word = rng.choice(cands)
            examples.append({"id": "cloze-%s-%d" % (doc_id, pos), "prompt": text[:pos], "answer": " " + word})
    return examples


# ---------------------------------------------------------------- quiz (bsdgames quiz files)

QUIZ_EXAMPLES = 512
QUIZ_CAP_PER_TEMPLATE = 40   # at most this many items of one (subject, question) template before sampling


class QuizSyntaxError(ValueError):
    pass


def _parse_alternatives(s, i, closer):
    """Parses alternatives separated by '|' up to closer (None = end of string).

    Returns (alternatives, next index); an alternative is a list of items: a str (literal), or ('opt', alts)
    for {pat}, or ('grp', alts) for [pat]."""
    alts, cur, lit = [], [], []
    while True:
        if i >= len(s):
            if closer is not None:
                raise QuizSyntaxError("unterminated group")
            break
        c = s[i]
        if c == "\\":
            if i + 1 >= len(s):
                raise QuizSyntaxError("dangling backslash")
            lit.append(s[i + 1])
            i += 2
            continue
        if c == closer:
            i += 1
            break
        if c in "}]":
            raise QuizSyntaxError("unbalanced " + c)
        if c == "|":
            if lit:
                cur.append("".join(lit))
                lit = []
            alts.append(cur)
            cur = []
            i += 1
            continue
        if c in "{[":
            if lit:
                cur.append("".join(lit))
                lit = []
            sub, i = _parse_alternatives(s, i + 1, "}" if c == "{" else "]")
            cur.append(("opt" if c == "{" else "grp", sub))
            continue
        lit.append(c)
        i += 1
    if lit:
        cur.append("".join(lit))
    alts.append(cur)
    return alts, i


# Accented letters are written as overstrikes in groups such as ['\be|e\b'|e] (Yaound\u00e9) in the quiz files:
# ' ` ~ ^ " , \u00b0 mark acute, grave, tilde, circumflex, diaeresis, cedilla (comma below for s and t, as in
# Romanian) and ring. Such a group always has the bare letter as another alternative.
_ACCENT = re.compile("^(?:(['`~^\",\u00b0])\b?([A-Za-z])|([A-Za-z])\b?(['`~^\",\u00b0]))$")
_COMBINING = {"'": "\u0301", "`": "\u0300", "~": "\u0303", "^": "\u0302", '"': "\u0308", ",": "\u0327",
              "\u00b0": "\u030a"}


def _accented(notation, others):
    """The Unicode letter for an accent notation such as "'\be" when the bare letter is among the group's other
    alternatives, else None."""
    m = _ACCENT.match(notation)
    if not m:
        return None
    mark, letter = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    if letter not in others:
        return None
    combining = "\u0326" if mark == "," and letter in "sStT" else _COMBINING[mark]
    return unicodedata.normalize("NFC", letter + combining)


def quiz_canonical(pattern, optional=True):
    """The canonical plain text of a quiz pattern: the first alternative of every choice (an accent
    notation such as ['e|e'|e] becomes the accented letter); optional parts {..} included (optional=True) or
    left out; an optional part that is only spaces is always left out."""
    alts, _ = _parse_alternatives(pattern, 0, None)

    def render(seq):
        out = []
        for item in seq:
            if isinstance(item, str):
                out.append(item)
            elif item[0] == "grp":
                rendered = [render(alt) for alt in item[1]]
                out.append(_accented(rendered[0], rendered[1:]) or rendered[0])
            else:
                inner = render(item[1][0])
                if optional and inner.strip():
                    out.append(inner)
        return "".join(out)

    return " ".join(render(alts[0]).split())


def quiz_alternatives(pattern):
    """Number of top-level alternatives of a pattern."""
    alts, _ = _parse_alternatives(pattern, 0, None)
    return len(alts)


def split_categories(line):
    """Splits a quiz data line at unescaped top-level ':'; escapes are kept for the pattern parser."""
    parts, cur, i = [], [], 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line):
            cur.append(line[i:i + 2])
            i += 2
            continue
        if c == ":":
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


def read_quiz_file(path):
    """Returns the records of a quiz data file: lists of category patterns (continuation lines joined)."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        raw = data.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        raw = data.decode("latin-1").split("\n")
    records, buf = [], ""
    for line in raw:
        if line.endswith("\\") and not line.endswith("\\\\"):
            buf += line[:-1]
            continue
        buf += line
        if buf.strip():
            records.append(split_categories(buf))
        buf = ""
    return records


def _strip_act_scene(s):
    return re.sub(r",? [IVX]+-[ivx]+$", "", s)


def _title(s):
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


# subject file, question column, answer column, question template, options.
#   qopt/aopt: include optional {..} parts of the question/answer; unique: skip items whose answer has several
#   top-level alternatives (e.g. "Burr|Clinton"); skip: regex, items whose question or answer matches are left
#   out; post: function applied to the answer; qpost: to the question.
QUIZ_TEMPLATES = [
    ("africa", 0, 1, "What is the capital of {q}?", {}),
    ("america", 0, 1, "What is the capital of {q}?", {}),
    ("asia", 0, 1, "What is the capital of {q}?", {}),
    ("europe", 0, 1, "What is the capital of {q}?", {}),
    ("province", 0, 1, "What is the capital of the Canadian province of {q}?", {}),
    ("state", 0, 1, "What is the capital of the US state of {q}?", {}),
    ("state", 0, 2, "What is the two-letter postal abbreviation of the US state of {q}?", {}),
    ("state", 0, 3, "What is the state flower of {q}?", {"skip": r"^gok$"}),
    ("midearth", 0, 1, "In Tolkien's Middle-earth, what is the chief city of {q}?", {}),
    ("elements", 3, 0, "What is the chemical symbol of {q}?", {}),
    ("elements", 0, 3, "Which chemical element has the symbol {q}?", {}),
    ("elements", 3, 1, "What is the atomic number of {q}?", {}),
    ("pres", 0, 3, "Who succeeded {q} as President of the United States?", {"unique": True}),
    ("pres", 0, 2, "Who was vice president under President {q}?",
     {"unique": True, "skip": r"^None\b"}),
    ("pres", 0, 1, "In which years was {q} President of the United States?", {"unique": True, "skip": r"-$"}),
    ("sov", 0, 2, "Who succeeded {q} as ruler of England?", {"unique": True, "skip": r"\bPart \d"}),
    ("inca", 0, 1, "Who succeeded {q} as Sapa Inca?", {"post": _title, "qpost": _title}),
    ("chinese", 0, 1, "In the Chinese zodiac, which animal's year follows the year of the {q}?", {}),
    ("sexes", 0, 1, "What is the female counterpart of {q}?", {"skip": r"^(?:Y|effeminate)$"}),
    ("sexes", 1, 0, "What is the male counterpart of {q}?", {"skip": r"^(?:X|mannish)$"}),
    ("babies", 1, 0, "What is a young {q} called?", {}),
    ("collectives", 0, 1, "What is the collective noun for a group of {q}?", {}),
    ("posneg", 0, 1, "What is the opposite of {q}?", {}),
    ("murders", 0, 1, "Who or what killed {q}?", {"unique": True}),
    ("latin", 0, 1, "What does the Latin word \"{q}\" mean in English?", {}),
    ("flowers", 0, 1, "In the language of flowers, what does the {q} mean?", {}),
    ("locomotive", 0, 1, "What is the name of the {q} locomotive wheel arrangement?", {}),
    ("bard", 0, 1, "Which line follows \"{q}\" in Shakespeare?", {}),
    ("bard", 0, 2, "Which Shakespeare play has the line \"{q}\"?", {"post": _strip_act_scene}),
    ("bard", 0, 3, "Which character in Shakespeare says \"{q}\"?", {"unique": True}),
    ("poetry", 0, 1, "Which line follows \"{q}\" in the poem?", {}),
    ("poetry", 0, 3, "Who wrote the line \"{q}\"?", {"unique": True}),
    ("seq-easy", 0, 1, "What number comes next in the sequence {q}?", {"aopt": False}),
    ("seq-hard", 0, 1, "What number comes next in the sequence {q}?", {"aopt": False}),
    ("mult", 0, 1, "What is {q}?", {}),
    ("morse", 0, 1, "What is the Morse code for {q}?", {}),
]
_UNRESOLVED = re.compile(r"[\[\]{}|\\$^*\x00-\x1f]")   # pattern characters or control characters left


def quiz(raw, stats):
    root = os.path.join(raw, "bsdgames", "usr", "share", "games", "bsdgames", "quiz")
    rng = random.Random(SEED)
    by_prompt = collections.OrderedDict()   # prompt -> (template key, answer, source line number)
    counts = collections.Counter()
    for subject, qcol, acol, template, opts in QUIZ_TEMPLATES:
        key = "%s:%d>%d" % (subject, qcol, acol)
        for n, rec in enumerate(read_quiz_file(os.path.join(root, subject))):
            if len(rec) <= max(qcol, acol) or not rec[qcol].strip() or not rec[acol].strip():
                counts["empty"] += 1
                continue
            try:
                q = quiz_canonical(rec[qcol], opts.get("qopt", True))
                a = quiz_canonical(rec[acol], opts.get("aopt", True))
                multi = quiz_alternatives(rec[acol]) > 1
            except QuizSyntaxError:
                counts["unparsable"] += 1
                continue
            if opts.get("unique") and multi:
                counts["ambiguous answer"] += 1
                continue
            q = opts.get("qpost", lambda s: s)(q)
            a = opts.get("post", lambda s: s)(a)
            if (not q or not a or _UNRESOLVED.search(q) or _UNRESOLVED.search(a)
                    or ("skip" in opts and (re.search(opts["skip"], q) or re.search(opts["skip"], a)))):
                counts["unresolved or skipped"] += 1
                continue
            prompt = "Q: " + template.format(q=q) + "\nA:"
            prev = by_prompt.get(prompt)
            if prev is None:
                by_prompt[prompt] = (key, a, n)
            elif prev[1] != a:
                by_prompt[prompt] = (prev[0], None, prev[2])     # same question, different answers: drop
    groups = collections.OrderedDict()
    for prompt, (key, answer, n) in by_prompt.items():
        if answer is None:
            counts["conflicting duplicate question"] += 1
            continue
        groups.setdefault(key, []).append({"id": "quiz-%s-%03d-%s" % (key.split(":")[0], n, key.split(":")[1]
                                                                      .replace(">", "to")),
                                           "prompt": prompt, "answer": " " + answer})
    pool = []
    per_template = {}
    for key, items in groups.items():
        take = items if len(items) <= QUIZ_CAP_PER_TEMPLATE else rng.sample(items, QUIZ_CAP_PER_TEMPLATE)
        per_template[key] = {"items": len(items), "kept": len(take)}
        pool.extend(take)
    chosen = pool if len(pool) <= QUIZ_EXAMPLES else rng.sample(pool, QUIZ_EXAMPLES)
    chosen.sort(key=lambda e: e["id"])
    final = collections.Counter(e["id"][len("quiz-"):e["id"].rindex("-", 0, e["id"].rindex("-"))] for e in chosen)
    stats["quiz"] = {"skipped": dict(sorted(counts.items())), "templates": per_template,
                     "pool": len(pool), "examples": len(chosen), "perSubject": dict(sorted(final.items()))}
    return chosen


# ---------------------------------------------------------------- grammar (LanguageTool examples)

GRAMMAR_EXAMPLES = 1024
GRAMMAR_MAX_BYTES = 160
GRAMMAR_MAX_NON_ASCII = 0.05


def _example_parts(ex):
    """(before, marker text, after) of an <example> with exactly one <marker>, else None."""
    markers = [c for c in ex if c.tag == "marker"]
    if len(markers) != 1 or any(c.tag != "marker" for c in ex) or len(list(markers[0])) != 0:
        return None
    m = markers[0]
    return ex.text or "", m.text or "", m.tail or ""


def _one_line(s):
    return " ".join(clean(s).split())


def grammar(raw, stats):
    path = os.path.join(raw, "language-en", "org", "languagetool", "rules", "en", "grammar.xml")
    tree = ET.parse(path)
    counts = collections.Counter()
    pairs = collections.OrderedDict()     # ungrammatical sentence -> (grammatical, rule id, n)
    rules = []                             # (id, <rule>): a rulegroup's rules share the group's id
    for el in tree.getroot().iter():
        if el.tag == "rulegroup":
            rules.extend((el.get("id"), r) for r in el if r.tag == "rule")
        elif el.tag == "category":
            rules.extend((r.get("id"), r) for r in el if r.tag == "rule")
    example_no = collections.Counter()
    for rule_id, rule in rules:
        for ex in (e for e in rule if e.tag == "example"):
            n = example_no[rule_id]
            example_no[rule_id] += 1
            corr = ex.get("correction")
            if corr is None:
                continue
            counts["examples with correction"] += 1
            parts = _example_parts(ex)
            if parts is None:
                counts["no single plain marker"] += 1
                continue
            before, marked, after = parts
            bad = _one_line(before + marked + after)
            good = _one_line(before + corr.split("|")[0] + after)
            if good == bad:
                counts["identical after substitution and cleaning"] += 1
                continue
            if len(good.strip()) < 2 or len(bad.strip()) < 2:
                counts["a sentence empty after substitution (deletion corrections)"] += 1
                continue
            if utf8_len(good) > GRAMMAR_MAX_BYTES or utf8_len(bad) > GRAMMAR_MAX_BYTES:
                counts["longer than %d bytes" % GRAMMAR_MAX_BYTES] += 1
                continue
            if non_ascii_share(good) > GRAMMAR_MAX_NON_ASCII or non_ascii_share(bad) > GRAMMAR_MAX_NON_ASCII:
                counts["mostly non-ASCII"] += 1
                continue
            if bad in pairs:
                counts["duplicate sentence"] += 1
                continue
            pairs[bad] = (good, rule_id, n)
    goods = collections.Counter(v[0] for v in pairs.values())
    usable = [(bad, v) for bad, v in pairs.items()]
    stats["grammar"] = {"skipped": dict(sorted(counts.items())), "pairs": len(usable),
                        "caseOnlyPairs": sum(1 for bad, v in usable if bad.lower() == v[0].lower()),
                        "repeatedGrammatical": sum(1 for c in goods.values() if c > 1)}
    rng = random.Random(SEED)
    if len(usable) < GRAMMAR_EXAMPLES:
        sys.exit("grammar: only %d pairs" % len(usable))
    chosen = rng.sample(usable, GRAMMAR_EXAMPLES)
    out, used_ids = [], set()
    for bad, (good, rule_id, n) in chosen:
        label = rng.randrange(2)
        choices = [good, bad] if label == 0 else [bad, good]
        ex_id = "grammar-%s-%d" % (rule_id, n)
        k = 2
        while ex_id in used_ids:
            ex_id = "grammar-%s-%d-%d" % (rule_id, n, k)
            k += 1
        used_ids.add(ex_id)
        out.append({"id": ex_id, "prompt": "", "choices": choices, "label": label})
    out.sort(key=lambda e: e["id"])
    stats["grammar"]["examples"] = len(out)
    stats["grammar"]["label0"] = sum(1 for e in out if e["label"] == 0)
    stats["grammar"]["caseOnlyInSample"] = sum(1 for e in out if e["choices"][0].lower() == e["choices"][1].lower())
    return out


# ---------------------------------------------------------------- digits (8x8 images)

DIGITS_TEST = 400


def digits(raw, out_dir, stats):
    path = os.path.join(raw, "python3-sklearn", "usr", "lib", "python3", "dist-packages", "sklearn", "datasets",
                        "data", "digits.csv.gz")
    with gzip.open(path, "rt", encoding="ascii") as f:
        rows = [line.strip().split(",") for line in f if line.strip()]
    images = []
    for i, row in enumerate(rows):
        if len(row) != 65:
            sys.exit("digits: row %d has %d columns" % (i, len(row)))
        vals = [int(float(v)) for v in row]
        if any(str(v) != r and "%d.0" % v != r for v, r in zip(vals, row)):
            sys.exit("digits: row %d has non-integer values" % i)
        pixels, label = vals[:64], vals[64]
        if not 0 <= label <= 9 or any(not 0 <= p <= 16 for p in pixels):
            sys.exit("digits: row %d out of range" % i)
        images.append(("digit-%06d" % i, label, pixels))
    by_label = collections.defaultdict(list)
    for img in images:
        by_label[img[1]].append(img)
    labels = sorted(by_label)
    # stratified: each class gets round(n_c * 400 / 1797) test images, largest remainders fill up to 400
    exact = {c: len(by_label[c]) * DIGITS_TEST / len(images) for c in labels}
    quota = {c: int(exact[c]) for c in labels}
    for c in sorted(labels, key=lambda c: (-(exact[c] - quota[c]), c))[:DIGITS_TEST - sum(quota.values())]:
        quota[c] += 1
    rng = random.Random(SEED)
    test_ids = set()
    for c in labels:
        test_ids.update(img[0] for img in rng.sample(by_label[c], quota[c]))
    header = "id,label," + ",".join("p%d" % k for k in range(64)) + "\n"

    def csv(part):
        return (header + "".join("%s,%d,%s\n" % (i, lab, ",".join(map(str, px))) for i, lab, px in part)).encode()

    train = [img for img in images if img[0] not in test_ids]
    test = [img for img in images if img[0] in test_ids]
    d = os.path.join(out_dir, "digits")
    os.makedirs(d, exist_ok=True)
    for name, part in (("train", train), ("test", test)):
        with open(os.path.join(d, name + ".csv.gz"), "wb") as f:
            f.write(gz_bytes(csv(part)))
    stats["digits"] = {"images": len(images), "train": len(train), "test": len(test),
                       "perClass": {str(c): {"all": len(by_label[c]), "test": quota[c]} for c in labels}}
    return len(train), len(test)


# ---------------------------------------------------------------- notices and main

EVALSETS = [
    {"name": "cloze", "kind": "answer", "chance": None,
     "source": "held-out documents of the built-in corpus domains literature, speeches and encyclopedia "
               "(s2l/corpus/<domain>/heldout.jsonl.gz)",
     "licence": "as the source documents: public domain (Project Gutenberg texts; US government works), "
                "PDDL-1.0 AND CC0-1.0 (State of the Union dataset)",
     "description": "LAMBADA-style last-word prediction: the prompt is the first 150-230 bytes of a held-out "
                    "document, ending just before a word of at least 3 letters that ends a sentence or clause "
                    "(followed by . ! ? ; or :); the answer is that word with its leading space. Loss on the answer bytes."},
    {"name": "quiz", "kind": "answer", "chance": None,
     "source": "Debian bsdgames 2.17-29+b1, usr/share/games/bsdgames/quiz/* (question/answer data files)",
     "licence": "BSD-3-Clause (The Regents of the University of California; Debian copyright file "
                "reproduced in NOTICE.txt)",
     "description": "Short-answer questions (capitals, chemical elements, presidents and monarchs, opposites, "
                    "collective nouns, next lines of Shakespeare and poems, ...) as \"Q: ...?\\nA:\" with one "
                    "canonical plain answer with a leading space. Loss on the answer bytes."},
    {"name": "grammar", "kind": "choice", "chance": 0.5,
     "source": "Maven Central org.languagetool:language-en:6.5, org/languagetool/rules/en/grammar.xml "
               "<example correction=...> sentences",
     "licence": "LGPL-2.1-or-later (LanguageTool; notice and licence text in NOTICE.txt)",
     "description": "Minimal pairs: a sentence LanguageTool flags as an error and the same sentence with the "
                    "rule's first suggested correction. Empty prompt, two choices in random order, label "
                    "points at the grammatical one. Accuracy: the correct choice has the higher likelihood."},
]

EVAL_NOTICES = [
    ("quiz: Debian bsdgames 2.17-29+b1, usr/share/doc/bsdgames/copyright",
     "bsdgames/usr/share/doc/bsdgames/copyright", None),
    ("grammar: org.languagetool:language-en:6.5, the licence header of org/languagetool/rules/en/grammar.xml",
     "language-en/org/languagetool/rules/en/grammar.xml", "header"),
    ("grammar: GNU Lesser General Public License 2.1 (text from npm spdx-license-list@6.12.0, "
     "spdx-full.json, LGPL-2.1-or-later)", "spdx-license-list/package/spdx-full.json", "LGPL-2.1-or-later"),
]

IMAGE_NOTICES = [
    ("digits: Debian python3-sklearn 1.2.1+dfsg-1, usr/share/doc/python3-sklearn/copyright",
     "python3-sklearn/usr/share/doc/python3-sklearn/copyright", None),
    ("digits: Debian python3-sklearn 1.2.1+dfsg-1, sklearn/datasets/descr/digits.rst (dataset description, "
     "creators and references)",
     "python3-sklearn/usr/lib/python3/dist-packages/sklearn/datasets/descr/digits.rst", None),
]


def write_notice(raw, path, intro, notices):
    parts = [intro]
    for title, rel, how in notices:
        with open(os.path.join(raw, rel), "rb") as f:
            body = f.read().decode("utf-8").replace("\r\n", "\n")
        if how == "header":
            body = body[body.index("<!--") + 4:body.index("-->")].strip("\n")
        elif how is not None:
            body = json.loads(body)[how]["licenseText"]
        parts.append("=" * 78 + "\n" + title + "\n" + "=" * 78 + "\n\n" + body.rstrip("\n") + "\n")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(parts))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", required=True, help="folder with the unpacked source packages")
    ap.add_argument("--corpus", required=True, help="the built corpus folder (.../resources/s2l/corpus)")
    ap.add_argument("--evalsets-out", required=True, help="output folder (.../resources/s2l/evalsets)")
    ap.add_argument("--images-out", required=True, help="output folder (.../resources/s2l/images)")
    ap.add_argument("--stats", help="optional path for a JSON file with processing statistics")
    args = ap.parse_args(argv)

    stats = {"cloze": {}}
    os.makedirs(args.evalsets_out, exist_ok=True)
    os.makedirs(args.images_out, exist_ok=True)
    built = {"cloze": cloze(args.corpus, stats), "quiz": quiz(args.raw, stats), "grammar": grammar(args.raw, stats)}
    manifest = {"version": 1, "evalSets": []}
    for spec in EVALSETS:
        rows = built[spec["name"]]
        write_jsonl_gz(os.path.join(args.evalsets_out, spec["name"] + ".jsonl.gz"), rows)
        manifest["evalSets"].append({"name": spec["name"], "kind": spec["kind"], "examples": len(rows),
                                     "chance": spec["chance"], "source": spec["source"],
                                     "licence": spec["licence"], "description": spec["description"]})
    write_json(os.path.join(args.evalsets_out, "manifest.json"), manifest)
    write_notice(args.raw, os.path.join(args.evalsets_out, "NOTICE.txt"),
                 "Notices for the s2l built-in evaluation sets (generated by builtin-corpus/build_evalsets.py).\n"
                 "The quiz and grammar sets were derived from the packages named below; their licence and\n"
                 "notice texts are reproduced here unchanged. The cloze set is cut from the built-in corpus\n"
                 "(see ../corpus/NOTICE.txt). See builtin-corpus/PROVENANCE.md for details.\n", EVAL_NOTICES)

    train, test = digits(args.raw, args.images_out, stats)
    write_json(os.path.join(args.images_out, "manifest.json"), {"version": 1, "imageSets": [{
        "name": "digits", "width": 8, "height": 8, "channels": 1, "classes": 10, "maxValue": 16,
        "train": train, "test": test,
        "source": "Debian python3-sklearn 1.2.1+dfsg-1, sklearn/datasets/data/digits.csv.gz (UCI Optical "
                  "Recognition of Handwritten Digits, test part; E. Alpaydin, C. Kaynak, 1998)",
        "licence": "CC BY 4.0 as listed by the UCI Machine Learning Repository (attribution: E. Alpaydin and "
                   "C. Kaynak; not stated inside the package); the package's copyright file covers it as "
                   "BSD-3-Clause, Scikit-Learn Developers (reproduced in NOTICE.txt)"}]})
    write_notice(args.raw, os.path.join(args.images_out, "NOTICE.txt"),
                 "Notices for the s2l built-in image sets (generated by builtin-corpus/build_evalsets.py).\n"
                 "See builtin-corpus/PROVENANCE.md for details.\n", IMAGE_NOTICES)
    print(json.dumps(stats, indent=1, sort_keys=True), file=sys.stderr)
    if args.stats:
        write_json(args.stats, stats)


if __name__ == "__main__":
    main()
