"""`laborsim serve` started on a free port for a test, with its own results folder, and a
small HTTP client that sends exactly what it is given (no URL normalisation)."""
import http.client
import json
import re
import signal
import subprocess
import time
from pathlib import Path

from conftest import REPO_ROOT, laborsim_bin


class Server:
    def __init__(self, results: Path, *extra, scenarios=REPO_ROOT / "scenarios" / "vietnam"):
        self.results = results
        self.proc = subprocess.Popen(
            [str(laborsim_bin()), "serve", "--port", "0", "--results", str(results),
             "--scenarios", str(scenarios), "--threads", "2", *map(str, extra)],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert m, f"no address in {line!r}; stderr: {self.proc.stderr.read()}"
        self.port = int(m.group(1))
        self.url = f"http://127.0.0.1:{self.port}/"

    def request(self, method, path, body=None, headers=None, timeout=60):
        """(status, parsed JSON or raw bytes)."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        c.putrequest(method, path, skip_accept_encoding=True)
        data = body.encode() if isinstance(body, str) else body
        for k, v in (headers or {}).items():
            c.putheader(k, v)
        if data is not None and "Content-Length" not in (headers or {}):
            c.putheader("Content-Length", str(len(data)))
        c.endheaders()
        if data is not None:
            c.send(data)
        r = c.getresponse()
        raw = r.read()
        c.close()
        try:
            return r.status, json.loads(raw)
        except ValueError:
            return r.status, raw

    def post_json(self, path, obj):
        return self.request("POST", path, json.dumps(obj), {"Content-Type": "application/json"})

    def wait_run(self, run_id, timeout=120):
        end = time.time() + timeout
        while time.time() < end:
            status, s = self.request("GET", f"/api/runs/{run_id}")
            assert status == 200, s
            if s["state"] != "running":
                return s
            time.sleep(0.2)
        raise AssertionError(f"run {run_id} did not finish in {timeout} s")

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def cao_bang_double_seats_variant(seats=11022):
    return ("extends: cao-bang.yaml\nname: cao-bang-variant\npolicies:\n"
            f"  - id: cb-rural-training-certificate\n    seats_per_year: {seats}\n")
