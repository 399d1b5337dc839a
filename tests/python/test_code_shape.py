"""Rules of the code's shape that review found broken once (docs/architecture.md): short
functions in the model and the policies, and no unnamed model constants in sim/."""
import re
from pathlib import Path

from conftest import REPO_ROOT

SIM = REPO_ROOT / "sim"
MAX_FUNCTION_LINES = 80
# A definition head: a name, an argument list, an opening brace at the end of the line (the
# clang-format layout puts it there), not a control statement or a lambda.
HEAD = re.compile(r"^\s*(?:template\s*<[^>]*>\s*)?(?:(?:static|inline|constexpr|\[\[nodiscard\]\])\s+)*"
                  r"[\w:<>,*&\s]+?\b([\w:~]+)\s*\([^;]*\)\s*(?:const\s*)?(?:noexcept\s*)?\{\s*$")
CONTROL = re.compile(r"^\s*(if|for|while|switch|else|return|namespace|struct|class|union|enum)\b")


def functions(path):
    """(name, first line, length in lines) of each function defined in the file."""
    lines = path.read_text().split("\n")
    i = 0
    while i < len(lines):
        m = HEAD.match(lines[i])
        if m and not CONTROL.match(lines[i]) and "=" not in lines[i].split("(")[0]:
            depth, j = 0, i
            while j < len(lines):
                depth += lines[j].count("{") - lines[j].count("}")
                if depth <= 0:
                    break
                j += 1
            yield m.group(1), i + 1, j - i + 1
            i = j + 1
        else:
            i += 1


def test_model_and_policy_functions_are_at_most_80_lines():
    long = [f"{p.relative_to(REPO_ROOT)}:{line} {name}: {n} lines"
            for folder in ("model", "policy") for p in sorted((SIM / folder).glob("*.[ch]pp"))
            for name, line, n in functions(p) if n > MAX_FUNCTION_LINES]
    assert not long, "split these into named steps:\n" + "\n".join(long)


def test_the_checker_sees_a_long_function(tmp_path):
    src = tmp_path / "x.cpp"
    src.write_text("void f(int a) {\n" + "    a += 1;\n" * 90 + "}\n")
    assert [(n, l) for n, _, l in functions(src)] == [("f", 92)]


def test_no_unnamed_model_constants_in_sim():
    """The wage cap and the 100 km distance unit are named in sim/core/units.hpp."""
    bare = []
    for p in sorted(SIM.rglob("*.[ch]pp")):
        if p.name == "units.hpp":
            continue
        for n, line in enumerate(p.read_text().split("\n"), 1):
            if re.search(r"\b4\.0e9\b|/ 100\.0\b", line):
                bare.append(f"{p.relative_to(REPO_ROOT)}:{n}: {line.strip()}")
    assert not bare, "use wage_cap_vnd_month / hundreds_of_km():\n" + "\n".join(bare)
