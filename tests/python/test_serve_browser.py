"""The workbench in a real browser (headless Chromium through Selenium): pick Cao Bằng,
double the certificate courses' seats, run 3 replicates at a small scale, and check that the
page's difference table shows what `laborsim compare` prints for the same run set; then
switch to Vietnamese. LABORSIM_WORKBENCH_SCREENSHOTS=DIR keeps a screenshot of each step
(tools/docs/workbench_screenshots writes docs/images/workbench-*.png)."""
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import run_laborsim
from serve_fixtures import Server

webdriver = pytest.importorskip("selenium.webdriver", reason="python3-selenium (tools/setup)")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(not Path(CHROMEDRIVER).exists(), reason="chromium-driver (tools/setup)")


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path / "results")
    yield s
    assert s.stop() == 0


@pytest.fixture
def browser():
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--window-size=1280,1000", "--lang=en-US", "--force-device-scale-factor=1"):
        opts.add_argument(a)
    if Path("/usr/bin/chromium").exists():
        opts.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER) if hasattr(webdriver, "ChromeService") \
        else webdriver.chrome.service.Service(CHROMEDRIVER)
    d = webdriver.Chrome(options=opts, service=service)
    yield d
    d.quit()


def shoot(d, name, element_id=None):
    folder = os.environ.get("LABORSIM_WORKBENCH_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    height = d.execute_script("return document.body.scrollHeight")
    d.set_window_size(1280, min(max(height + 40, 800), 4000))
    target = d.find_element(By.ID, element_id) if element_id else d.find_element(By.TAG_NAME, "body")
    target.screenshot(str(Path(folder) / f"workbench-{name}.png"))
    d.set_window_size(1280, 1000)


def cli_table(base, variant, dates):
    """`laborsim compare`'s table as {(indicator, region, measure, date): (difference, CI, p)}."""
    res = run_laborsim("compare", base, variant, "--regions", "all", *sum((["--at", d] for d in dates), []))
    assert res.returncode == 0, res.stderr
    out, date = {}, None
    line_re = re.compile(r"^  (\w+)\s+(\S+)\s+(in month|cumulative)\s+\S+\s+\S+\s+(\S+(?: pp)?)\s+(\[.*?\])\s+(\S+)$")
    for line in res.stdout.splitlines():
        m = re.match(r".* vs .*, (\d{4}-\d{2}) \(\d+ pairs\)$", line)
        if m:
            date = m.group(1)
            continue
        m = line_re.match(line)
        if m and date:
            measure = "value" if m.group(3) == "in month" else "cumulative"
            out[(m.group(1), m.group(2), measure, date)] = (m.group(4), m.group(5), m.group(6))
    return out


def assert_table_is_compares(d, base, variant, pp="pp"):
    dates = d.find_element(By.ID, "dates").get_attribute("value").split(",")
    cli = cli_table(base, variant, dates)
    rows = d.find_elements(By.CSS_SELECTOR, "#summary tr[data-indicator]")
    assert len(rows) == len(cli) > 10
    for tr in rows:
        key = tuple(tr.get_attribute(f"data-{k}") for k in ("indicator", "region", "measure", "date"))
        shown = tuple(tr.find_element(By.CSS_SELECTOR, f"td.{c}").text for c in ("difference", "ci", "p"))
        if pp != "pp":  # Vietnamese: '.' groups thousands, ',' marks decimals
            swap = str.maketrans({".": ",", ",": "."})
            shown = tuple(re.sub(r"\d[\d.,]*\d", lambda m: m.group(0).translate(swap), x).replace(pp, "pp")
                          for x in shown)
        assert shown == cli[key], key


def test_planner_compares_a_variant_in_the_browser(server, browser):
    d = browser
    wait = WebDriverWait(d, 30)
    d.get(server.url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")

    # 1. The baseline: the shipped Cao Bang scenario, named with its diacritics.
    baseline = Select(d.find_element(By.ID, "baseline"))
    titles = [o.text for o in baseline.options]
    assert "Cao Bằng" in titles and "Hải Phòng" in titles, titles
    baseline.select_by_visible_text("Cao Bằng")
    shoot(d, "1-baseline", "step-baseline")

    # 2. The variant: double the certificate courses' seats, through the generated form.
    card = d.find_element(By.CSS_SELECTOR, '[data-policy="cb-rural-training-certificate"]')
    card.find_element(By.CSS_SELECTOR, "button.edit").click()
    seats = d.find_element(By.ID, "f-cb-rural-training-certificate-seats_per_year")
    original = float(seats.get_attribute("value"))
    assert original == 5511
    help_text = seats.find_element(By.XPATH, "../..").text
    assert "persons/year" in help_text and "Places funded per year" in help_text
    # A wrong value is reported at the field, as the loader locates it.
    seats.clear()
    seats.send_keys("lots\t")
    error = d.find_element(By.ID, "f-cb-rural-training-certificate-seats_per_year-error")
    wait.until(lambda _: "expected a non-negative number" in error.text)
    shoot(d, "2-field-error", "step-variant")
    seats = d.find_element(By.ID, "f-cb-rural-training-certificate-seats_per_year")
    seats.clear()
    seats.send_keys(f"{int(2 * original)}\t")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#validation .ok"))
    assert "seats_per_year: 11022" in d.find_element(By.ID, "variant-yaml").get_attribute("value")
    shoot(d, "3-variant", "step-variant")

    # 3. Run: 3 replicates at a small scale; the scale warning is shown.
    for field, value in (("replicates", "3"), ("scale", "0.005")):
        box = d.find_element(By.ID, field)
        box.clear()
        box.send_keys(value + "\t")
    d.find_element(By.ID, "run").click()
    wait.until(lambda d: d.find_element(By.ID, "progress-text").get_attribute("data-state") in ("running", "done"))
    assert "regions.cao-bang" in d.find_element(By.ID, "warnings").text, "too few agents: warned"
    WebDriverWait(d, 90).until(
        lambda d: d.find_element(By.ID, "progress-text").get_attribute("data-state") == "done")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#summary tr[data-indicator]"))
    shoot(d, "4-run", "step-run")
    assert [o.text for o in Select(d.find_element(By.ID, "region")).options] == ["Cao Bằng", "all regions"]
    assert d.find_elements(By.CSS_SELECTOR, "#chart-difference polygon.band")
    assert d.find_elements(By.CSS_SELECTOR, "#chart-levels rect.policy-period")
    shoot(d, "5-results", "step-results")

    # 4. The page's difference table is `laborsim compare`'s, cell for cell.
    runs = [p for p in server.results.iterdir() if p.is_dir()]
    assert len(runs) == 1
    assert_table_is_compares(d, runs[0] / "baseline", runs[0] / "variant")
    cert = d.find_element(By.CSS_SELECTOR, '#summary tr[data-indicator="certified_rate"][data-region="all"]')
    assert float(cert.find_element(By.CSS_SELECTOR, "td.ci").get_attribute("data-low")) > 0, \
        "doubling the seats raises the certified rate"
    assert "Cost per additional person" in d.find_element(By.ID, "costs").text
    links = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "#downloads a")]
    assert any(h.endswith("variant.yaml") for h in links) and any(".h5" in h for h in links)
    shoot(d, "6-downloads", "step-downloads")

    # 5. Vietnamese.
    d.find_element(By.ID, "lang-toggle").click()
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#step-baseline h2").text.endswith("Chọn kịch bản gốc của tỉnh"))
    assert "Tỷ lệ lao động có bằng cấp, chứng chỉ" in d.find_element(By.ID, "summary").text
    assert "điểm %" in d.find_element(By.ID, "summary").text
    shoot(d, "7-vietnamese", "step-results")
    d.find_element(By.ID, "lang-toggle").click()


def test_report_page_is_the_workbench_page_without_a_server(browser, tmp_path):
    """`laborsim report --page` writes the workbench's page with the data inlined: opened from
    disk, with no server, it shows compare's numbers in the language asked for."""
    folders = {}
    for name in ("cao-bang", "cao-bang-double-training"):
        folders[name] = tmp_path / name
        res = run_laborsim("run", f"scenarios/vietnam/{name}.yaml", "--set", "scale=0.005", "--replicates", "2",
                           "-o", folders[name], "--quiet", "--threads", "2")
        assert res.returncode == 0, res.stderr
    out = tmp_path / "report.html"
    res = run_laborsim("report", "--page", folders["cao-bang"], folders["cao-bang-double-training"], "-o", out,
                       "--at", "2026-12", "--at", "2030-12", "--lang", "vi")
    assert res.returncode == 0, res.stderr
    text = out.read_text()
    assert 'src="http' not in text and 'href="http' not in text, "nothing is fetched"
    browser.get(out.as_uri())
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#summary tr[data-indicator]"))
    assert browser.find_element(By.CSS_SELECTOR, "#step-results h2").text.endswith("Xem khác biệt")
    info = browser.find_element(By.ID, "report-info").text
    assert "Cao Bằng: gấp đôi đào tạo nghề − Cao Bằng" in info and "2 lần lặp" in info
    assert browser.find_elements(By.CSS_SELECTOR, "#chart-levels rect.policy-period")
    assert [o.text for o in Select(browser.find_element(By.ID, "region")).options] == ["Cao Bằng", "toàn bộ"]
    assert_table_is_compares(browser, folders["cao-bang"], folders["cao-bang-double-training"], pp="điểm %")
    links = {a.get_attribute("download") for a in browser.find_elements(By.CSS_SELECTOR, "#downloads a")}
    assert links == {"compare-every-month.csv", "compare.csv"}
    shoot(browser, "8-report", "step-results")
