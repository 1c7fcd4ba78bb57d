#!/usr/bin/env python3
"""Benchmark documents: the marker text of a page, and the ~128 KiB page.

marker_for(path): the text whose appearance on screen means "painted". It is
the page title (front matter `title:`, else the first `#` heading or `<h1>`),
which is in pivot-tui's header row and, as raw text, on less's first screen.
A page without a plain title falls back to body_words(path): the first words
of the first plain paragraph after the front matter and any HTML, Liquid or
heading lines. Either way at most 3 words of letters and digits, so raw text
(less) and rendered text (pivot-tui) show them alike. For content/pivot.md:
"Pivot" (body words: "After nine months").

build_medium(out_path): a deterministic page of exactly `size` bytes:
  1. front matter and an intro paragraph (the marker),
  2. real Markdown pages: every *.md under ../shared/corpus when that folder
     exists, else the repository's content/ and docs/ pages (without
     docs/BENCHMARKS.md, which changes with every run). Smallest file first, each
     without its front matter, after a "<!-- source: PATH -->" line, cut at a
     blank line outside a code fence once the page is full,
  3. filler sections from a fixed seed (random.Random(SEED)) up to the size.
The same sources give the same bytes. The manifest lists them with sha256.

    python bench/pages.py bench/out/medium.md    # build it and print the manifest
    python bench/pages.py bench/out/big.md 10485760    # the 10 MiB page (run.py --docs big, make bench-micro)
"""

import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20201115
SIZE = 128 * 1024
# The last paragraph starts with these words: on screen, the page's end is reached.
END_MARKER = "End of the benchmark"
PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def strip_front_matter(text):
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            nl = text.find("\n", end + 4)
            return text[nl + 1:] if nl != -1 else ""
    return text


def plain_words(text, max_words=3):
    words = []
    for w in text.split()[:max_words]:
        if not PLAIN_WORD.fullmatch(w):
            break
        words.append(w)
    return " ".join(words)


def title_of(path):
    """The page title as plain words, or '' (see the module docstring)."""
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("---\n"):
        head = text[4:text.find("\n---", 4)]
        m = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", head, re.M)
        if m and m.group(1) not in ("null", "~"):
            return plain_words(m.group(1))
    m = re.search(r"^#\s+(.+?)\s*#*\s*$|<h1[^>]*>([^<]+)</h1>", strip_front_matter(text), re.M)
    return plain_words(m.group(1) or m.group(2)) if m else ""


def marker_for(path):
    return title_of(path) or body_words(path)


def body_words(path, max_words=3):
    """First plain words of the first paragraph; see the module docstring."""
    in_comment = in_fence = False
    for line in strip_front_matter(Path(path).read_text(encoding="utf-8")).splitlines():
        s = line.strip()
        if in_comment:
            in_comment = "-->" not in s
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not s:
            continue
        if s.startswith("<!--"):
            in_comment = "-->" not in s
            continue
        if s[0] in "<{#>|-*+=!" or re.match(r"\d+[.)]\s", s) or line.startswith("    "):
            continue
        words = plain_words(s, max_words)
        if words:
            return words
    raise ValueError(f"no plain paragraph in {path}; pass --marker")


def blocks_of(text):
    """Split Markdown into blocks at blank lines outside code fences; close an
    unclosed fence or HTML comment so the next page is not swallowed."""
    blocks, cur, fence = [], [], None
    for line in text.splitlines():
        m = FENCE.match(line)
        if m and fence is None:
            fence = m.group(1)
        elif m and fence and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                and not m.group(2).strip():
            fence = None
        if not line.strip() and fence is None:
            if cur:
                blocks.append("\n".join(cur) + "\n")
            cur = []
        else:
            cur.append(line)
    if fence:
        cur.append(fence)
    if cur:
        blocks.append("\n".join(cur) + "\n")
    if blocks and text.count("<!--") > text.count("-->"):
        blocks[-1] += "-->\n"
    return blocks


def source_files():
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        files = [p for p in corpus.rglob("*.md") if p.name != "MANIFEST.md"]
        base, kind = corpus, "../shared/corpus"
    else:
        files = list((ROOT / "content").glob("*.md")) + \
            [p for p in (ROOT / "docs").glob("*.md") if p.name != "BENCHMARKS.md"]
        base, kind = ROOT, "repository content/ and docs/"
    files.sort(key=lambda p: (p.stat().st_size, str(p.relative_to(base))))
    return [(p, str(p.relative_to(base))) for p in files], kind


WORDS = ("terminal reader page section fold outline heading paragraph scroll screen "
         "model data training evaluation value build project library tutorial review "
         "latency bytes memory cursor width column layout render cache index search "
         "signal window theme colour table list quote code line word render markdown").split()


def filler(rng, n):
    """Filler section n: a heading, paragraphs with inline markup, a list, sometimes code."""
    def sentence():
        ws = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
        i = rng.randrange(len(ws))
        ws[i] = rng.choice([f"**{ws[i]}**", f"*{ws[i]}*", f"`{ws[i]}`",
                            f"[{ws[i]}](https://example.com/{ws[i]})", ws[i]])
        return " ".join(ws).capitalize() + "."
    out = [f"## Filler section {n}\n"]
    for _ in range(rng.randint(2, 4)):
        out.append(" ".join(sentence() for _ in range(rng.randint(3, 6))) + "\n")
    out.append("".join(f"- {sentence()}\n" for _ in range(rng.randint(2, 5))))
    if rng.random() < 0.3:
        out.append("```swift\n" + "".join(f"let {rng.choice(WORDS)}{i} = {rng.randint(0, 999)}\n"
                                          for i in range(rng.randint(2, 6))) + "```\n")
    return out


def build_medium(out_path, size=SIZE, seed=SEED):
    head = ("---\ntitle: Benchmark page\n---\n\n"
            "Benchmark page built from real Markdown pages and seeded filler text by "
            "bench/pages.py. Its title is the first-paint marker.\n")
    parts, total = [head], len(head.encode())
    files, kind = source_files()
    manifest = {"size": size, "seed": seed, "sources_from": kind, "sources": []}
    full = False
    for path, rel in files:
        data = path.read_bytes()
        entry = {"path": rel, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        blocks = [f"<!-- source: {rel} -->\n"] + blocks_of(strip_front_matter(data.decode("utf-8")))
        used = 0
        for b in blocks:
            n = len(b.encode()) + 1
            if total + n > size:
                full = True
                break
            parts.append(b)
            total += n
            used += 1
        entry["blocks_used"] = f"{max(0, used - 1)}/{len(blocks) - 1}"
        manifest["sources"].append(entry)
        if full:
            break
    rng, n = random.Random(seed), 1
    while not full:
        for b in filler(rng, n):
            if total + len(b.encode()) + 1 > size:
                full = True
                break
            parts.append(b)
            total += len(b.encode()) + 1
        n += 1
    manifest["filler_sections"] = n - 1
    text = "\n".join(parts) + "\n"
    room = size - len(text.encode()) - 1          # a last paragraph makes the size exact
    ending = " " + END_MARKER + " page."     # last, so the page's last screen shows it
    words = "Closing"
    while len(words) < room - len(ending):
        words += " " + rng.choice(WORDS)
    words = words[:max(0, room - len(ending))].rstrip()
    text += (words.ljust(room - len(ending), ".") + ending)[-room:] + "\n" if room > 0 else ""
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    Path(out_path).write_text(text, encoding="utf-8")
    manifest["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    return manifest


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "bench" / "out" / "medium.md")
    size = int(sys.argv[2]) if len(sys.argv) > 2 else SIZE
    print(json.dumps(build_medium(out, size=size), indent=1))
    print("marker:", marker_for(out))
