"""Scale-honest policies: a policy's spending and beneficiaries, in persons and VND, do not
depend on the sampling rate. Each policy example runs at scale 0.01 and 0.1 over several
seeds; the mean totals must agree within their sampling error (issue 15). Budgets are rounded
to whole agents at random each year and seats carry their fractions, so the expectations are
the same at every scale; only the noise differs."""
import math
from pathlib import Path

import h5py
import numpy as np
import pytest

from conftest import REPO_ROOT, run_laborsim

EXAMPLES = sorted(p.stem for p in (REPO_ROOT / "scenarios/policies").glob("*.yaml"))
SCALES = {0.01: 8, 0.1: 3}  # scale -> replicates


def totals(folder, policy_type):
    """Per replicate: (spending, beneficiaries) of the example's policies of that type."""
    out = []
    for f in sorted(Path(folder).glob("replicate-*.h5")):
        with h5py.File(f) as h:
            spend = ben = 0.0
            for pid, g in h["policies"].items():
                if g.attrs["type"] != policy_type:
                    continue
                spend += g["spending_vnd"][()].sum()
                b = g["beneficiaries"]
                flow = b.attrs.get("measure", "flow")
                flow = flow.decode() if isinstance(flow, bytes) else flow
                ben += b[()].sum() if flow == "flow" else b[()].mean()
            out.append((spend, ben))
    return np.array(out)


def agree(a, b):
    """Means of a and b within 3.5 standard errors of their difference, or 2% of the larger."""
    ma, mb = a.mean(), b.mean()
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    return abs(ma - mb) <= max(3.5 * se, 0.02 * max(abs(ma), abs(mb))), f"{ma:.6g} vs {mb:.6g} (se {se:.3g})"


@pytest.mark.parametrize("example", EXAMPLES)
def test_spending_and_beneficiaries_do_not_depend_on_the_scale(example, tmp_path):
    runs = {}
    for scale, n in SCALES.items():
        out = tmp_path / f"s{scale}"
        res = run_laborsim("run", f"scenarios/policies/{example}.yaml", "--replicates", n, "-o", out, "--quiet",
                           "--set", f"scale={scale}")
        assert res.returncode == 0, res.stderr
        runs[scale] = totals(out, example)
    small, large = runs[0.01], runs[0.1]
    for k, what in enumerate(["spending_vnd", "beneficiaries"]):
        ok, text = agree(small[:, k], large[:, k])
        assert ok, f"{example} {what}: scale 0.01 vs 0.1: {text}"
