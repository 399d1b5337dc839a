#!/usr/bin/python3
"""Mutation fuzzing of the scenario loader through `laborsim validate` (issue 18).

Mutants are made from a corpus (tests/fuzz/corpus/: every hostile-input reproducer of issue 18,
and every shipped scenario under scenarios/) by seeded, repeatable mutations: extreme numbers,
byte flips, lines deleted, duplicated or swapped, YAML aliases and alias bombs, `extends` and
`include` of hostile paths (devices, pipes, /proc, directories, the file itself), splices of two
files, long scalars and deep nesting. Each mutant is validated under a time limit.

Passes when every mutant exits 0 (accepted) or 2 (rejected) within the limit, and every
rejection starts with a located line (FILE:LINE:COLUMN: ...). Failing mutants are kept in
--keep DIR with their output, to be added to the corpus once fixed.

    tests/fuzz/fuzz_validate.py --laborsim build/release/laborsim --count 1000 [--seed 1] [--jobs 2]
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LOCATED = re.compile(r"^[^\n]+?:\d+:\d+: ")
NUMBER = re.compile(r"(?<![\w.-])-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w-])")
EXTREMES = ["1e300", "-1e300", "1e15", "2e9", "-1", "0", "1e-320", ".nan", ".inf", "-.inf", "99999999999999999999",
            "4294967296", "65536", "256", "0.5", "1.0000001", "NaN", "0x10", "1_000", "~", "''", "[]", "{}"]
HOSTILE_PATHS = ["/dev/zero", "/dev/null", "/dev/urandom", "/etc/passwd", "/proc/self/mem", "/proc/self/status",
                 "/tmp", ".", "..", "PIPE", "SELF", "does-not-exist.yaml", "''", "[a, b]", "{include: SELF}"]
ALIASES = ["&r [*r]", "&m {a: *m}", "[&x [1, 2], *x, *x, *x]",
           "{a0: &a0 [l, l, l, l, l, l, l, l, l], a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0], "
           "a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1], a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2], "
           "a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3], a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4], "
           "a6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5], a7: [*a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6]}",
           "*undefined_anchor", "!!binary aGVsbG8=", "!custom tag", "<<: *nothing"]


def mutate_numbers(rng, text):
    spans = [m.span() for m in NUMBER.finditer(text)]
    if not spans:
        return text
    a, b = rng.choice(spans)
    return text[:a] + rng.choice(EXTREMES) + text[b:]


def mutate_bytes(rng, text):
    data = bytearray(text.encode())
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        i = rng.randrange(len(data))
        op = rng.randrange(3)
        if op == 0:
            data[i] = rng.randrange(256)
        elif op == 1:
            del data[i]
        else:
            data.insert(i, rng.choice(b"{}[]:,&*!|>-'\"#\n\t \x00\xff"))
    return data.decode("utf-8", "replace")


def mutate_lines(rng, text):
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    op = rng.randrange(4)
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(i, lines[j])
    elif op == 2:
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines[i] = " " * rng.randrange(1, 9) + lines[i]
    return "\n".join(lines)


def value_spans(text):
    return [m.span(2) for m in re.finditer(r"^(\s*-?\s*[\w-]+:[ \t]*)([^\n#]+)", text, re.M)]


def replace_value(rng, text, value):
    spans = value_spans(text)
    if not spans:
        return value + "\n" + text
    a, b = rng.choice(spans)
    return text[:a] + value + text[b:]


def mutate_alias(rng, text):
    return replace_value(rng, text, rng.choice(ALIASES))


def mutate_include(rng, text):
    path = rng.choice(HOSTILE_PATHS)
    if rng.random() < 0.5:
        return replace_value(rng, text, "{include: " + path + "}")
    return "extends: " + path + "\n" + text


def mutate_splice(rng, text, other):
    a, b = rng.randrange(len(text) + 1), rng.randrange(len(other) + 1)
    return text[:a] + other[b:]


def mutate_size(rng, text):
    if rng.random() < 0.5:
        return replace_value(rng, text, "x" * rng.choice([1000, 100000, 1000000]))
    depth = rng.choice([50, 70, 200, 5000])
    return replace_value(rng, text, "[" * depth + "]" * depth)


def mutant(rng, corpus):
    name, text = rng.choice(corpus)
    ops = [mutate_numbers, mutate_numbers, mutate_bytes, mutate_lines, mutate_alias, mutate_include, mutate_size]
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.1:
            text = mutate_splice(rng, text, rng.choice(corpus)[1])
        else:
            text = rng.choice(ops)(rng, text)
    return name, text


def load_corpus(work):
    """Copies the corpus and the shipped scenarios into `work` (so relative includes resolve)."""
    shutil.copytree(REPO / "scenarios", work / "scenarios", ignore=shutil.ignore_patterns("*.csv", "*.h5"))
    shutil.copytree(REPO / "tests" / "fuzz" / "corpus", work / "corpus")
    corpus = []
    for path in sorted(work.rglob("*.yaml")):
        corpus.append((path, path.read_text(errors="replace")))
    return corpus


def run_one(laborsim, path, timeout):
    t0 = time.monotonic()
    try:
        res = subprocess.run([laborsim, "validate", str(path)], capture_output=True, timeout=timeout,
                             stdin=subprocess.DEVNULL)
        return res.returncode, time.monotonic() - t0, res.stdout.decode(errors="replace"), res.stderr.decode(
            errors="replace")
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - t0, "", ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--laborsim", default=os.environ.get("LABORSIM_BIN", str(REPO / "build/release/laborsim")))
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", default="", help="folder for failing mutants and their output")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="laborsim-fuzz-") as tmp:
        work = Path(tmp)
        corpus = load_corpus(work)
        os.mkfifo(work / "corpus" / "PIPE")
        rng = random.Random(args.seed)
        mutants = []
        for i in range(args.count):
            origin, text = mutant(rng, corpus)
            path = origin.parent / f"mutant-{i:05d}.yaml"
            text = text.replace("SELF", path.name).replace("PIPE", str(work / "corpus" / "PIPE"))
            path.write_bytes(text.encode("utf-8", "replace"))
            mutants.append((i, origin, path))
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(lambda m: run_one(args.laborsim, m[2], args.timeout), mutants))

        counts = {"accepted": 0, "rejected": 0}
        failures = []
        slowest = 0.0
        for (i, origin, path), (rc, seconds, out, err) in zip(mutants, results):
            slowest = max(slowest, seconds)
            if rc is None:
                failures.append((path, origin, f"timeout after {seconds:.1f} s", err))
            elif rc == 0:
                counts["accepted"] += 1
            elif rc == 2 and LOCATED.match(err):
                counts["rejected"] += 1
            elif rc == 2:
                failures.append((path, origin, "rejection without FILE:LINE:COLUMN", err))
            else:
                failures.append((path, origin, f"exit {rc}", err))
        print(f"fuzz: {args.count} mutants (seed {args.seed}) of {len(corpus)} corpus files: "
              f"{counts['accepted']} accepted, {counts['rejected']} rejected with a located error, "
              f"{len(failures)} failures; slowest {slowest:.2f} s (limit {args.timeout:g} s)")
        for path, origin, why, err in failures[:20]:
            print(f"FAIL {path.name} (from {origin.relative_to(work)}): {why}\n  {err[:300]!r}")
        if failures and args.keep:
            keep = Path(args.keep)
            keep.mkdir(parents=True, exist_ok=True)
            for path, origin, why, err in failures:
                shutil.copy(path, keep / path.name)
                (keep / (path.name + ".txt")).write_text(f"{why}\n{err}")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
