#!/usr/bin/env python3
"""Issue 11's figures for each page of ../shared/corpus: raw markup markers left in the plain
output, and the share of the source's prose words found in order in it, for one or two binaries.

    python3 bench/fidelity.py --pivot-tui NEW [--before OLD] [--corpus ../shared/corpus]
"""
import argparse
import pathlib
import re
import subprocess

MARKERS = ["{:", "[^", "<details", "<summary", "<table", "<tr", "<td", "<dl", "[!NOTE]", "[!TIP]", "[!WARNING]"]
SHORTCODE = re.compile(r":[a-z0-9_+\-]+:")
WORD = re.compile(r"[A-Za-z]{3,}")


def prose_words(source):
    text = source
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[end + 4:] if end >= 0 else text
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}|<[^>]*>|\]\([^)]*\)|`[^`]*`|\{:[^}]*\}|\{#[^}]*\}|:[a-z0-9_+\-]+:|https?://\S+", " ", text)
    return WORD.findall(text)


def in_order(words, output):
    out = WORD.findall(output)
    position, found = 0, 0
    for word in words:
        try:
            position = out.index(word, position) + 1
            found += 1
        except ValueError:
            continue
    return found / len(words) if words else 1.0


def present(words, output):
    out = set(WORD.findall(output))
    return sum(1 for word in words if word in out) / len(words) if words else 1.0


def plain(binary, page):
    return subprocess.run([binary, "--plain", str(page)], capture_output=True, text=True, timeout=60).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pivot-tui", required=True)
    ap.add_argument("--before")
    ap.add_argument("--corpus", default=str(pathlib.Path(__file__).resolve().parent.parent.parent / "shared/corpus"))
    a = ap.parse_args()
    pages = sorted(p for p in pathlib.Path(a.corpus).rglob("*.md") if p.name != "MANIFEST.md")
    print("| page | markers left (before → after) | `:shortcode:` left | words in order (before → after) | words present |")
    print("|---|---|---|---|---|")
    for page in pages:
        source = page.read_text(errors="replace")
        words = prose_words(source)
        row = []
        for binary in ([a.before] if a.before else []) + [a.pivot_tui]:
            out = plain(binary, page)
            row.append((sum(out.count(m) for m in MARKERS), len(SHORTCODE.findall(out)), in_order(words, out),
                        present(words, out)))
        name = page.relative_to(a.corpus)
        if len(row) == 2:
            print(f"| {name} | {row[0][0]} → {row[1][0]} | {row[0][1]} → {row[1][1]} | {row[0][2]:.1%} → {row[1][2]:.1%} "
                  f"| {row[0][3]:.1%} → {row[1][3]:.1%} |")
        else:
            print(f"| {name} | {row[0][0]} | {row[0][1]} | {row[0][2]:.1%} | {row[0][3]:.1%} |")


if __name__ == "__main__":
    main()
