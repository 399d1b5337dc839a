"""I/O failures are errors, not crashes: a full disk, a file-size limit, a read-only folder,
an output path that is a folder, a device or a dangling symbolic link, and two runs given
one output each end with exit 3 and one line naming the path and the OS's reason, no HDF5
diagnostics, no crash at exit, and no partial file left behind."""

import os
import shutil
import signal
import subprocess
import time

import pytest

from output_fixtures import ROOT, laborsim_bin

QUICK = ["--set", "scale=0.002", "--set", "calendar.end=2021-06"]
# Large enough to pass a 1 MB limit within a few months.
BIG = ["--set", "scale=0.01", "--set", "output.panel=2000", "--set", "output.snapshots_every_months=2",
       "--set", "calendar.end=2025-12"]
SCENARIO = str(ROOT / "scenarios" / "quickstart.yaml")


def run(out, *extra, prefix=()):
    cmd = [*prefix, laborsim_bin(), "run", SCENARIO, "-o", str(out), "--quiet", *extra]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def assert_one_line_error(res, path, reason):
    assert res.returncode == 3, (res.returncode, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert str(path) in lines[0] and reason in lines[0], lines[0]
    assert "HDF5-DIAG" not in res.stderr


def leftovers(folder, name):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(name + "."))


def namespace_with_tmpfs(mount_point, options):
    """A command prefix that runs the command in a user and mount namespace with a small
    tmpfs at mount_point, or None where the system does not allow it."""
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o {options} tmpfs {mount_point}"],
                           capture_output=True)
    if probe.returncode != 0:
        return None
    script = f'mount -t tmpfs -o {options} tmpfs {mount_point} && exec "$@"'
    return ["unshare", "-rm", "sh", "-c", script, "sh"]


def test_a_file_size_limit_is_one_line_exit_3(tmp_path):
    out = tmp_path / "big.h5"
    res = run(out, *BIG, prefix=["prlimit", "--fsize=1000000"])
    assert_one_line_error(res, out, "File too large")


def test_a_file_size_limit_while_replacing_leaves_the_old_file_and_no_partial(tmp_path):
    out = tmp_path / "big.h5"
    out.write_bytes(b"the previous result")
    res = run(out, *BIG, "--force", prefix=["prlimit", "--fsize=1000000"])
    assert_one_line_error(res, out, "File too large")
    assert out.read_bytes() == b"the previous result"
    assert leftovers(tmp_path, "big.h5") == []


def test_a_full_disk_is_one_line_exit_3(tmp_path):
    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    prefix = namespace_with_tmpfs(mnt, "size=1m")
    if prefix is None:
        pytest.skip("no user namespaces to mount a small tmpfs")
    out = mnt / "full.h5"
    res = run(out, *BIG, "--force", prefix=prefix)
    assert_one_line_error(res, out, "No space left on device")


def test_a_read_only_folder_is_refused_before_the_run(tmp_path):
    mnt = tmp_path / "read-only"
    mnt.mkdir()
    prefix = namespace_with_tmpfs(mnt, "ro")
    if prefix is None:
        if os.geteuid() == 0:
            pytest.skip("root writes anywhere and no namespaces for a read-only mount")
        mnt.chmod(0o555)
        prefix = ()
    res = run(mnt / "x.h5", *QUICK, prefix=prefix)
    assert_one_line_error(res, mnt, "Read-only file system" if prefix else "Permission denied")


def test_a_folder_as_output_is_refused_before_the_run(tmp_path):
    folder = tmp_path / "results"
    folder.mkdir()
    for extra in ([], ["--force"]):
        start = time.monotonic()
        res = run(folder, *QUICK, *extra)
        assert_one_line_error(res, folder, "Is a directory")
        assert time.monotonic() - start < 5
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_a_device_as_output_is_refused(tmp_path):
    res = run("/dev/null", *QUICK, "--force")
    assert_one_line_error(res, "/dev/null", "not a regular file")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_a_dangling_symlink_as_output_creates_nothing(tmp_path):
    link = tmp_path / "out.h5"
    link.symlink_to(tmp_path / "nowhere" / "target.h5")
    res = run(link, *QUICK)
    assert_one_line_error(res, link, "symbolic link")
    assert not (tmp_path / "nowhere").exists()


def test_two_runs_replacing_one_output_the_second_fails_at_once(tmp_path):
    out = tmp_path / "shared.h5"
    out.write_bytes(b"old")
    env = dict(os.environ, HDF5_USE_FILE_LOCKING="FALSE")
    first = subprocess.Popen([laborsim_bin(), "run", SCENARIO, "-o", str(out), "--quiet", "--force", *BIG],
                             cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not leftovers(tmp_path, "shared.h5"):  # its partial file: it holds the lock
            assert first.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        res = run(out, *QUICK, "--force")
        assert_one_line_error(res, out, "another run is writing this output")
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=60)
