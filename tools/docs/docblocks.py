"""Generated blocks in Markdown files: find them, replace their content, report differences.

A block is written as

    <!-- generated: NAME -->
    ...text that tools/docs/refresh writes...
    <!-- end generated: NAME -->

Everything between the two markers belongs to the generator NAME (tools/docs/generators.py);
everything outside them is prose that people write.
"""
import difflib
import re
from pathlib import Path

BEGIN = re.compile(r"^<!-- generated: ([a-z0-9_-]+) -->\n", re.M)


def end_marker(name):
    return f"<!-- end generated: {name} -->"


def blocks(text):
    """[(name, start of content, end of content)] in file order; raises on a torn block."""
    out = []
    for m in BEGIN.finditer(text):
        name = m.group(1)
        end = text.find(end_marker(name), m.end())
        if end < 0:
            raise ValueError(f"block '{name}' has no '{end_marker(name)}'")
        out.append((name, m.end(), end))
    return out


def replace(text, contents):
    """The text with each block whose name is in `contents` replaced (content ends with a newline)."""
    pieces, pos = [], 0
    for name, start, end in blocks(text):
        if name not in contents:
            continue
        body = contents[name]
        if not body.endswith("\n"):
            body += "\n"
        pieces += [text[pos:start], body]
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def block_names(path):
    return [name for name, _, _ in blocks(Path(path).read_text(encoding="utf-8"))]


def diff(old, new, label):
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), label + " (in the file)",
                                        label + " (from the current binary)"))
