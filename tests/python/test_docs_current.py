"""Every run-derived block of README.md and docs/ is what the current binary gives.

tools/docs/refresh regenerates the blocks between `<!-- generated: NAME -->` markers; here it
runs in --check mode on the cheap blocks (seconds each): a stale number fails the suite
with the diff. Runs are deterministic, so the comparison is exact.
"""
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO_ROOT, laborsim_bin

sys.path.insert(0, str(REPO_ROOT / "tools" / "docs"))
import docblocks  # noqa: E402
from generators import REGISTRY  # noqa: E402


def test_docs_blocks_match_the_current_binary(tmp_path):
    env = dict(os.environ, LABORSIM_BIN=str(laborsim_bin()))
    res = subprocess.run([sys.executable, str(REPO_ROOT / "tools/docs/refresh"), "--check", "--work", str(tmp_path)],
                         env=env, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, "stale generated docs; run tools/docs/refresh:\n" + res.stdout + res.stderr


def test_every_generator_has_a_block_and_every_block_a_generator():
    docs = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
    used = {name for d in docs for name in docblocks.block_names(d)}
    assert used == set(REGISTRY), f"unused generators: {set(REGISTRY) - used}; unknown blocks: {used - set(REGISTRY)}"


def test_check_detects_a_stale_block(tmp_path):
    text = "a\n<!-- generated: x -->\nold\n<!-- end generated: x -->\nb\n"
    assert docblocks.replace(text, {"x": "new\n"}) == "a\n<!-- generated: x -->\nnew\n<!-- end generated: x -->\nb\n"
    assert docblocks.diff(text, docblocks.replace(text, {"x": "new\n"}), "t") != ""
    try:
        docblocks.blocks("<!-- generated: y -->\nno end\n")
    except ValueError as e:
        assert "y" in str(e)
    else:
        raise AssertionError("a torn block must be an error")
