"""The tools/laborsim package: plots and the docs example run against a real output."""

import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from output_fixtures import ROOT, small_run  # noqa: E402

import laborsim  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_plot_indicators_draws_one_line_per_region(tmp_path):
    ds = laborsim.open_run(small_run())
    fig = laborsim.plot_indicators(ds, ["trained_rate", "unemployment_rate"], regions=["cao-bang", "hai-phong"])
    axes = fig.get_axes()
    assert len(axes) == 2
    assert [len(ax.get_lines()) for ax in axes] == [2, 2]
    assert [t.get_text() for t in axes[0].get_legend().get_texts()] == ["cao-bang", "hai-phong"]
    out = tmp_path / "plot.png"
    fig.savefig(out)
    assert out.read_bytes()[:8] == PNG_MAGIC


def test_plot_indicators_draws_into_a_given_axes_and_rejects_unknown_names():
    import matplotlib.pyplot as plt

    ds = laborsim.open_run(small_run())
    fig, ax = plt.subplots()
    assert laborsim.plot_indicators(ds, "mean_wage", ax=ax) is fig
    assert len(ax.get_lines()) == 4
    with pytest.raises(KeyError):
        laborsim.plot_indicators(ds, "trained_rat")


def test_events_reports_kinds_not_recorded():
    with pytest.raises(KeyError):
        laborsim.events(small_run(), "promotion")


def test_docs_example_writes_a_png(tmp_path):
    out = tmp_path / "trained.png"
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "examples" / "load_and_plot.py"), str(small_run()), str(out)],
                          capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="Agg"))
    assert proc.returncode == 0, proc.stderr
    assert "trained_rate" not in proc.stderr
    assert out.read_bytes()[:8] == PNG_MAGIC
    assert "events/hire:" in proc.stdout
