"""`laborsim serve`'s JSON API over plain HTTP: what it answers, and what it refuses (paths
outside its folders through '..', absolute paths and symlinks; oversized bodies; too many
runs; malformed requests), staying up through all of it."""
import json
import os
import socket
import time

import h5py
import pytest

from conftest import REPO_ROOT, run_laborsim
from serve_fixtures import Server, cao_bang_double_seats_variant

SECRET = "root:"  # a line of /etc/passwd: must never come back


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("serve") / "results", "--max-runs", "1", "--max-body", "65536")
    yield s
    assert s.stop() == 0, "a SIGTERM stops the server cleanly"


@pytest.fixture(scope="module")
def finished_run(server):
    status, r = server.post_json("/api/runs", {"baseline": "cao-bang.yaml", "replicates": 2, "scale": 0.01,
                                               "variant_yaml": cao_bang_double_seats_variant()})
    assert status == 202, r
    assert server.wait_run(r["id"])["state"] == "done"
    return r["id"]


def refused(status, body):
    text = body.decode(errors="replace") if isinstance(body, bytes) else json.dumps(body)
    return 400 <= status < 500 and SECRET not in text


def test_lists_the_shipped_baselines_with_their_titles(server):
    status, items = server.request("GET", "/api/scenarios")
    assert status == 200
    by_file = {s["file"]: s for s in items}
    assert by_file["cao-bang.yaml"]["title"] == "Cao Bằng" and by_file["cao-bang.yaml"]["baseline"]
    assert not by_file["cao-bang-double-training.yaml"]["baseline"]
    assert by_file["base.yaml"]["title"] == "Việt Nam (toàn quốc)" and by_file["base.yaml"]["baseline"]
    status, sc = server.request("GET", "/api/scenarios/cao-bang.yaml")
    assert status == 200 and sc["regions"][0]["id"] == "cao-bang"
    seats = {p["id"]: p.get("seats_per_year") for p in sc["resolved"]["policies"]}
    assert seats["cb-rural-training-certificate"] == 5511


def test_schema_is_the_cli_schema(server):
    status, schema = server.request("GET", "/api/schema")
    assert status == 200
    assert schema == json.loads(run_laborsim("schema", "--json").stdout)


def test_validate_reports_located_errors(server):
    status, ok = server.post_json("/api/validate", {"yaml": cao_bang_double_seats_variant(), "scale": 0.005})
    assert status == 200 and ok["ok"] and ok["name"] == "cao-bang-variant"
    assert any(w["key_path"] == "regions.cao-bang" for w in ok["warnings"]), "scale too small: warned"
    status, bad = server.post_json("/api/validate", {"yaml": cao_bang_double_seats_variant("lots")})
    assert status == 422
    (d,) = bad["diagnostics"]
    assert (d["file"], d["line"], d["key_path"]) == ("variant.yaml", 5, "policies[1].seats_per_year")
    assert d["column"] > 0 and "non-negative number" in d["message"]


@pytest.mark.parametrize("body, reason", [
    ("{not json", "malformed JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"scale": 0.1}', "yaml: required"),
    ('{"yaml": {"a": 1}}', "yaml: expected a string"),
])
def test_malformed_bodies_get_a_reason(server, body, reason):
    status, r = server.request("POST", "/api/validate", body)
    assert status == 400 and reason in r["error"]
    assert server.alive()


@pytest.mark.parametrize("path", [
    "/api/scenarios/../../../etc/passwd",
    "/api/scenarios/..%2f..%2f..%2fetc%2fpasswd",
    "/api/scenarios/%2e%2e%2f%2e%2e%2fREADME.md",
    "/api/scenarios/%2Fetc%2Fpasswd",
    "/api/runs/..%2f..%2f..%2fetc/files/passwd",
    "/api/runs/20990101-000000-1/files/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/api/scenarios/bad%zzescape",
])
def test_paths_outside_the_folders_are_refused(server, path):
    status, body = server.request("GET", path)
    assert refused(status, body), (path, status, body)


@pytest.mark.parametrize("variant", [
    "extends: /etc/passwd\nname: x\n",
    "extends: ../../../../etc/passwd\nname: x\n",
    "extends: cao-bang.yaml\nname: x\nmodel:\n  include: ../../README.md\n",
])
def test_variants_cannot_reach_outside_the_scenario_folder(server, variant):
    status, r = server.post_json("/api/validate", {"yaml": variant})
    assert status == 403 and "outside the scenario folder" in r["error"]
    status, r = server.post_json("/api/runs", {"baseline": "cao-bang.yaml", "variant_yaml": variant})
    assert status == 403


@pytest.mark.parametrize("baseline", ["../quickstart.yaml", "/etc/passwd", "../../../etc/passwd"])
def test_baselines_outside_the_scenario_folder_are_refused(server, baseline):
    status, r = server.post_json("/api/runs", {"baseline": baseline, "variant_yaml": cao_bang_double_seats_variant()})
    assert status == 403, r


def test_symlinks_out_of_the_folders_are_refused(server, finished_run, tmp_path):
    folder = server.results / finished_run
    (folder / "leak.h5").symlink_to("/etc/passwd")
    status, body = server.request("GET", f"/api/runs/{finished_run}/files/leak.h5")
    assert status == 403 and refused(status, body)
    (server.results / "20990101-000000-7").symlink_to("/etc")
    status, body = server.request("GET", "/api/runs/20990101-000000-7/files/passwd")
    assert status == 403 and refused(status, body)
    # A scenario folder holding a symlink to a file outside it.
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    (scenarios / "evil.yaml").symlink_to("/etc/passwd")
    other = Server(tmp_path / "results", scenarios=scenarios)
    try:
        status, body = other.request("GET", "/api/scenarios/evil.yaml")
        assert status == 403 and refused(status, body)
    finally:
        other.stop()


def test_oversized_bodies_are_refused(server):
    status, r = server.request("POST", "/api/validate", json.dumps({"yaml": "x" * 100_000}))
    assert status == 413 and "too large" in r["error"] and "65536" in r["error"]
    assert server.request("GET", "/api/schema")[0] == 200


def test_garbage_and_unknown_requests_get_4xx(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(b"THIS IS NOT HTTP\r\n\r\n")
        answer = s.recv(4096)
    assert answer.startswith(b"HTTP/1.1 400"), answer
    assert server.request("GET", "/api/nothing")[0] == 404
    assert server.request("DELETE", "/api/schema")[0] == 405
    assert server.request("GET", "/api/runs/not-an-id/compare")[0] == 400
    assert server.request("GET", "/api/runs/20990101-000000-9")[0] == 404
    for body in ({"baseline": "cao-bang.yaml", "variant_yaml": "name: x", "replicates": "many"},
                 {"baseline": "cao-bang.yaml", "variant_yaml": "name: x", "replicates": 1},
                 {"baseline": "cao-bang.yaml", "variant_yaml": "name: x", "scale": 5}):
        status, r = server.post_json("/api/runs", body)
        assert status == 400 and r["error"], body
    assert server.alive()


def test_compare_is_the_cli_compare(server, finished_run):
    folder = server.results / finished_run
    status, c = server.request("GET", f"/api/runs/{finished_run}/compare?at=2025-12,2030-12")
    assert status == 200
    cli = json.loads(run_laborsim("compare", folder / "baseline", folder / "variant", "--at", "2025-12",
                                  "--at", "2030-12", "--json", "-").stdout)
    assert c["rows"] == cli["rows"] and c["cost_effectiveness"] == cli["cost_effectiveness"]
    status, csv = server.request("GET", f"/api/runs/{finished_run}/compare.csv?at=2030-12")
    cli_csv = run_laborsim("compare", folder / "baseline", folder / "variant", "--at", "2030-12", "--csv", "-").stdout
    assert status == 200 and csv.decode() == cli_csv
    status, every = server.request("GET", f"/api/runs/{finished_run}/compare?at=every-month&regions=all")
    assert status == 200 and len(every["dates"]) == 120
    status, files = server.request("GET", f"/api/runs/{finished_run}/files")
    names = {f["path"] for f in files}
    assert {"variant.yaml", "baseline/replicate-000.h5", "variant/replicate-001.h5"} <= names
    status, yaml = server.request("GET", f"/api/runs/{finished_run}/files/variant.yaml")
    assert status == 200 and yaml.decode() == cao_bang_double_seats_variant()


def test_one_run_at_a_time_and_cancel(server, finished_run):
    big = {"baseline": "cao-bang.yaml", "replicates": 10, "scale": 0.3, "variant_yaml": cao_bang_double_seats_variant()}
    status, first = server.post_json("/api/runs", big)
    assert status == 202, first
    status, second = server.post_json("/api/runs", big)
    assert status == 429 and "at most 1 at once" in second["error"]
    status, s = server.request("POST", f"/api/runs/{first['id']}/cancel")
    assert status == 200
    assert server.wait_run(first["id"])["state"] == "cancelled"
    status, again = server.post_json("/api/runs", dict(big, scale=0.01, replicates=2))
    assert status == 202 and server.wait_run(again["id"])["state"] == "done"


def test_a_stopped_server_leaves_readable_files(tmp_path):
    s = Server(tmp_path / "results")
    status, r = s.post_json("/api/runs", {"baseline": "cao-bang.yaml", "replicates": 4, "scale": 0.3,
                                          "variant_yaml": cao_bang_double_seats_variant()})
    assert status == 202
    end = time.time() + 60
    while time.time() < end and s.request("GET", f"/api/runs/{r['id']}")[1]["months_done"] < 150:
        time.sleep(0.1)
    assert s.stop() == 0
    folder = tmp_path / "results" / r["id"] / "baseline"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["replicates"], "the manifest lists the replicates run so far"
    for f in folder.glob("*.h5"):
        with h5py.File(f, "r") as h5:
            assert int(h5.attrs["completed"]) in (0, 1)
    # The next `laborsim run --replicates` on the folder resumes it.
    res = run_laborsim("run", REPO_ROOT / "scenarios/vietnam/cao-bang.yaml", "--set", "scale=0.3", "--replicates", "1",
                       "-o", folder, "--quiet", "--threads", "2")
    assert res.returncode == 0, res.stderr


def test_report_download_is_the_page_with_the_data(server, finished_run):
    status, html = server.request("GET", f"/api/runs/{finished_run}/report.html?at=2030-12&region=all&lang=vi")
    assert status == 200
    text = html.decode()
    assert "window.LABORSIM_REPORT = " in text and '"lang": "vi"' in text
    assert 'src="http' not in text and 'href="http' not in text
    status, r = server.request("GET", f"/api/runs/{finished_run}/report.html?at=1999-01")
    assert status == 422 and r["option"] == "at"
