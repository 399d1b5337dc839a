"""Damaged files are reported, not read as numbers: every chunked dataset but the event
tables carries a Fletcher-32 checksum, and a flipped byte in one makes `laborsim info` fail (exit 2) naming
the dataset, and makes the Python loader raise DamagedOutputError naming it."""

import random
import subprocess

import h5py
import pytest

import laborsim
from output_fixtures import laborsim_bin, small_run

TARGETS = {
    "regions/labor_force": lambda p: laborsim.open_run(p),
    "panel/wage_vnd": lambda p: laborsim.panel(p),
    "snapshots/FIRST/skill": lambda p: laborsim.snapshot(p, laborsim.snapshots(small_run())[0]),
    "policies/cb-rural-training/trained": lambda p: laborsim.policies(p),
}


def flipped(src, dst, offset):
    data = bytearray(src.read_bytes())
    data[offset] ^= 0x5A
    dst.write_bytes(bytes(data))


def info(path):
    return subprocess.run([laborsim_bin(), "info", str(path)], capture_output=True, text=True, timeout=60)


def holds_values(obj):
    """Not a bare netCDF dimension (a chunked dataset that is never written)."""
    return not str(obj.attrs.get("NAME", b"")).startswith(("This is a netCDF dimension", "b'This is a netCDF"))


def test_every_chunked_dataset_has_a_checksum_but_the_event_tables():
    chunked = []
    with h5py.File(small_run(), "r") as f:
        f.visititems(lambda n, o: chunked.append((n, o.fletcher32))
                     if isinstance(o, h5py.Dataset) and o.chunks and holds_values(o) else None)
    assert len(chunked) > 50
    # Event tables rewrite their last chunk monthly: a checksum there would turn a write torn
    # by a kill into lost finished rows (sim/output/h5.hpp).
    assert sorted(n for n, has in chunked if not has) == sorted(f"events/{k}" for k in laborsim.event_kinds(small_run()))


@pytest.mark.parametrize("dataset", sorted(TARGETS))
def test_a_flipped_byte_in_a_dataset_is_named(tmp_path, dataset):
    src = small_run()
    read = TARGETS[dataset]
    dataset = dataset.replace("FIRST", laborsim.snapshots(src)[0])  # snapshots are named by month
    with h5py.File(src, "r") as f:
        chunk = f[dataset].id.get_chunk_info(0)
    bad = tmp_path / "damaged.h5"
    flipped(src, bad, chunk.byte_offset + chunk.size // 2)
    res = info(bad)
    assert res.returncode == 2, res.stdout
    assert f"/{dataset}: damaged" in res.stderr and "Fletcher32" in res.stderr, res.stderr
    with pytest.raises(laborsim.DamagedOutputError, match=f"/{dataset}: damaged"):
        read(bad)
    with pytest.raises(laborsim.DamagedOutputError, match=f"/{dataset}"):
        laborsim.verify(bad)


def test_random_flips_never_pass_as_a_good_file_with_damaged_data(tmp_path):
    """Flips anywhere: info either reads everything back (the byte was not in a checksummed
    chunk: an attribute, free space, an event table) or fails with a message; it never
    crashes, and a flip inside a checksummed chunk always fails."""
    src = small_run()
    size = src.stat().st_size
    chunks = []
    with h5py.File(src, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset) and obj.chunks and obj.fletcher32:
                for i in range(obj.id.get_num_chunks()):
                    c = obj.id.get_chunk_info(i)
                    chunks.append((c.byte_offset, c.byte_offset + c.size))
        f.visititems(visit)
    rng = random.Random(18)
    for k in range(40):
        offset = rng.randrange(size)
        bad = tmp_path / f"flip{k}.h5"
        flipped(src, bad, offset)
        res = info(bad)
        assert res.returncode in (0, 2, 3), (offset, res.returncode, res.stderr)
        if res.returncode != 0:
            assert res.stderr.strip() and len(res.stderr.strip().splitlines()) == 1, res.stderr
        if any(a <= offset < b for a, b in chunks):
            assert res.returncode == 2 and "damaged" in res.stderr, (offset, res.stdout[-200:])
