"""Every lever acts: each numeric or enumerated key of the schema, perturbed in a scenario
where it should matter, changes the output; where the direction is known, in that direction.

The key list comes from `laborsim schema --json`, so a key added to the schema is tested
without editing this file; a key that cannot change the output in these scenarios must be
listed in INERT with the reason. Runs share a seed (common random numbers), so a
difference comes from the perturbation alone.
"""
import json
import subprocess
from concurrent.futures import ThreadPoolExecutor

import h5py
import numpy as np
import pytest
import yaml

from conftest import REPO_ROOT, laborsim_bin

QUICKSTART = "scenarios/quickstart.yaml"
SMALL = ["scale=0.01"]                                    # model, regions, schools: 2021-2026
POLICY_SMALL = ["scale=0.02"]                             # policy examples
ACCREDITATION = "scenarios/policies/school_accreditation.yaml"

# Keys whose effect needs another scenario than their section's: (base, --set, key path).
# The quickstart has one school per region, so no graduate can progress to a higher level
# there; a school's quality matters where a standard is assessed.
# Commitments weigh on migration only when the committed consider moving: a higher monthly
# migration rate makes enough of them do so in a short run. Partner schools matter where
# the policy's regions hold more than one school.
MOVING = [*POLICY_SMALL, "model.migration_rate=0.2"]
UNCAPPED_DIGITAL = [*POLICY_SMALL, "policies.qn-digital-skills.annual_budget_vnd=0"]
ABROAD_MOVING = [*MOVING, "policies.qn-study-abroad.places_per_year=600", "policies.qn-study-abroad.annual_budget_vnd=0"]
# Employed recruits come after the unemployed: the pool of unemployed doctors must run dry.
RECRUIT_MANY = [*POLICY_SMALL, "policies.cb-doctors.max_hires_per_year=5000", "policies.cb-doctors.annual_budget_vnd=0"]
KEY_BASE = {
    "policy.public_recruitment.recruit_employed": ("scenarios/policies/public_recruitment.yaml", RECRUIT_MANY,
                                                   "policies.cb-doctors.recruit_employed"),
    # The example's pace limit binds at its target already: a higher target shows without it.
    "policy.public_recruitment.target_per_10k": ("scenarios/policies/public_recruitment.yaml", RECRUIT_MANY,
                                                 "policies.cb-doctors.target_per_10k"),
    "model.progression_rate": (ACCREDITATION, POLICY_SMALL, "model.progression_rate"),
    # The ranking bonus matters where meetings are scarce for the supported trainees: the
    # training example's unemployed trainees (the quickstart's rural trainees, at scale 0.01
    # with scale-free firm strata, meet every post they would take).
    # At scale 0.01 the quickstart's moves into Cao Bang are a few dozen agents: more of them
    # consider moving, so that the amenity's pull shows above the noise.
    "region.amenity": (QUICKSTART, [*SMALL, "model.migration_rate=0.01"], "regions.cao-bang.amenity"),
    "model.placement_priority": ("scenarios/policies/vocational_training_quota.yaml", POLICY_SMALL,
                                 "model.placement_priority"),
    "school.quality": (ACCREDITATION, POLICY_SMALL, "schools.hp-vc-an-duong.quality"),
    "policy.talent_attraction.clawback_share": ("scenarios/policies/talent_attraction.yaml", MOVING,
                                                "policies.bk-young-talent.clawback_share"),
    "policy.study_abroad.clawback_share": ("scenarios/policies/study_abroad.yaml", ABROAD_MOVING,
                                           "policies.qn-study-abroad.clawback_share"),
    "policy.study_abroad.return_obligation_months": ("scenarios/policies/study_abroad.yaml", ABROAD_MOVING,
                                                     "policies.qn-study-abroad.return_obligation_months"),
    # The examples' budgets bind: more seats, a dearer course or a bigger bonus cannot change
    # the total spent, so their directions are checked without a cap.
    "policy.digital_skills_program.seats_per_year": ("scenarios/policies/digital_skills_program.yaml", UNCAPPED_DIGITAL,
                                                     "policies.qn-digital-skills.seats_per_year"),
    "policy.digital_skills_program.cost_per_trainee_vnd": ("scenarios/policies/digital_skills_program.yaml",
                                                           UNCAPPED_DIGITAL,
                                                           "policies.qn-digital-skills.cost_per_trainee_vnd"),
    "policy.study_abroad.places_per_year": ("scenarios/policies/study_abroad.yaml",
                                            [*POLICY_SMALL, "policies.qn-study-abroad.annual_budget_vnd=0"],
                                            "policies.qn-study-abroad.places_per_year"),
    "policy.talent_attraction.bonus_vnd": ("scenarios/policies/talent_attraction.yaml",
                                           [*POLICY_SMALL, "policies.bk-young-talent.annual_budget_vnd=0"],
                                           "policies.bk-young-talent.bonus_vnd"),
    "policy.school_enterprise_partnership.schools": (
        "scenarios/policies/school_enterprise_partnership.yaml",
        [*POLICY_SMALL, "policies.qn-university-enterprises.region=[quang-ninh, hai-phong]"],
        "policies.qn-university-enterprises.schools"),
}
# Keys whose doubled value the schema refuses (or a fraction above 0.5, which perturb would
# halve): raised within their range instead, so that the known direction applies. Lowering
# the retirement age instead would only redraw the initial population younger.
RAISE_WITHIN_RANGE = {"model.retirement_age_men": "70", "model.initial_wage_share": "0.9"}
# Bounds that do not bind at their default: the lever is tested by tightening them.
TIGHTEN = {"model.application_odds_cap"}
# Commitment terms: switched off (0), the largest move they have.
TO_ZERO = {"policy.talent_attraction.clawback_share", "policy.study_abroad.clawback_share",
           "policy.study_abroad.return_obligation_months"}
# Money keys whose default is 0 move to a sizeable amount (VND).
MONEY_STEP_VND = 10_000_000

# Where each policy type's keys are perturbed: its example, and the policy id in it.
POLICY_BASE = {
    "vocational_training_quota": "bk-unemployed-training",
    "minimum_wage": "zone-4-minimum-wage",
    "talent_attraction": "bk-young-talent",
    "school_accreditation": "hp-vocational-standard",
    "school_enterprise_partnership": "qn-university-enterprises",
    "study_abroad": "qn-study-abroad",
    "digital_skills_program": "qn-digital-skills",
    "public_recruitment": "cb-doctors",
    "firm_training_subsidy": "hp-industry-training",
}

# Keys that do not change what a run computes, with the reason. Keep this list short.
INERT = {
    "scenario.name": "a label (and the default output name)",
    "scenario.description": "free text",
    "scenario.title": "a display name for people (the workbench, reports)",
    "scenario.extends": "composition: which parent file is read, not a value",
    "region.id": "an identity: renaming it changes nothing but the label",
    "region.name": "a display name",
    "school.id": "an identity",
    "policy.id": "an identity",
    "policy.type": "selects the policy's section: every type's own keys are tested",
    "output.path": "where the file goes",
}

# Known directions: key -> (dataset, region or None for the sum over regions, how the series
# is reduced, expected sign of perturbed - base). Perturbations raise the value (see perturb).
DIRECTIONS = {
    "model.separation_rate": ("regions/separations", None, "sum", +1),
    "model.migration_rate": ("regions/migration_in", None, "sum", +1),
    "model.mortality_gompertz_a": ("regions/exits", None, "sum", +1),
    "model.learning_rate": ("regions/mean_skill", "cao-bang", "last", +1),
    "model.depreciation_rate": ("regions/mean_skill", "cao-bang", "last", -1),
    "model.vacancy_rate": ("regions/vacancies", None, "mean", +1),
    "model.firm_training_review_rate": ("regions/firm_trained", None, "sum", +1),
    "model.firm_training_cost_vnd": ("regions/firm_trained", None, "sum", -1),
    "model.initial_wage_share": ("regions/mean_wage", "hai-phong", "first", +1),
    "model.retirement_age_men": ("regions/labor_force", None, "last", +1),
    # A fraction above 0.5 is perturbed by halving it (perturb): lower participation, a larger 15+ population.
    "model.participation_rate_15plus": ("regions/population_15plus", None, "first", +1),
    "model.social_insurance_rate": ("regions/formal_employed", None, "mean", -1),
    "region.labor_force": ("regions/labor_force", "cao-bang", "first", +1),
    "region.unemployment_rate": ("regions/unemployed", "cao-bang", "first", +1),
    "region.mean_wage_vnd": ("regions/mean_wage", "cao-bang", "first", +1),
    # The minimum binds formal jobs only (informal wages have no floor): formal wages rise.
    "region.min_wage_vnd": ("regions/formal_mean_wage", "cao-bang", "first", +1),
    "region.amenity": ("regions/migration_in", "cao-bang", "sum", +1),
    "school.seats_per_year": ("regions/enrolments", "cao-bang", "sum", +1),
    "policy.vocational_training_quota.seats_per_year": ("policies/{id}/beneficiaries", None, "sum", +1),
    "policy.vocational_training_quota.cost_per_trainee_vnd": ("policies/{id}/spending_vnd", None, "sum", +1),
    "policy.study_abroad.places_per_year": ("scenarios/policies/study_abroad.yaml",
                                            [*POLICY_SMALL, "policies.qn-study-abroad.annual_budget_vnd=0"],
                                            "policies.qn-study-abroad.places_per_year"),
    "policy.talent_attraction.bonus_vnd": ("policies/{id}/spending_vnd", None, "sum", +1),
    "policy.study_abroad.places_per_year": ("policies/{id}/beneficiaries", None, "sum", +1),
    "policy.digital_skills_program.seats_per_year": ("policies/{id}/beneficiaries", None, "sum", +1),
    "policy.digital_skills_program.cost_per_trainee_vnd": ("policies/{id}/spending_vnd", None, "sum", +1),
    "policy.public_recruitment.target_per_10k": ("regions/doctors_per_10k", "cao-bang", "last", +1),
    "policy.school_enterprise_partnership.ordered_seats_per_year": ("regions/enrolments", "quang-ninh", "sum", +1),
    "minimum_wage_step.wage_vnd": ("regions/formal_mean_wage", "cao-bang", "mean", +1),
}


def laborsim(*args):
    return subprocess.run([str(laborsim_bin()), *map(str, args)], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=300)


def schema():
    res = laborsim("schema", "--json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)["sections"]


def resolved(base, sets):
    res = laborsim("validate", base, "--print", *[a for s in sets for a in ("--set", s)])
    assert res.returncode == 0, res.stderr
    return yaml.safe_load(res.stdout)


def number(text):
    try:
        return float(str(text).split()[0])
    except ValueError:
        return None


def perturb(key, current, default_text, other_choices):
    """A YAML value that moves `key` up from `current` (or its default) as far as makes sense."""
    t = key["type"]
    value = current if current is not None else number(default_text)
    if t in ("integer", "nonneg", "number"):
        if not value:
            if key["key"].endswith("_vnd") or "_vnd_" in key["key"]:
                return str(MONEY_STEP_VND)
            return "6" if t == "integer" else "0.5"
        return str(int(value * 2) if t == "integer" else value * 2)
    if t == "fraction":
        value = value or 0
        return str(min(1.0, value * 2) if 0 < value <= 0.5 else (0.5 if value == 0 else value / 2))
    if t == "boolean":
        on = current if current is not None else default_text.strip().startswith("true")
        return "false" if on else "true"
    if t == "choice":
        return other_choices[0]
    if t == "level_numbers":
        return "{none: 0, short_course: 0.3, elementary: 0.5, intermediate: 0.6, college: 0.8, university: 1.2, postgraduate: 1.5}"
    if t == "level_shares":
        return "{none: 0.3, elementary: 0.3, college: 0.2, university: 0.2}"
    if t == "field_shares":
        return "{agriculture: 0.1, industry: 0.4, services: 0.3, health: 0.1, education: 0.05, digital: 0.05}"
    if t == "field_fractions":
        return "{agriculture: 0.5, industry: 0.5, services: 0.5, health: 0.5, education: 0.5, digital: 0.5}"
    if t == "number_list":
        return "[0.3, 0.3, 0.2, 0.1, 0.1]"
    raise AssertionError(f"no perturbation for type {t}")


def cases():
    """(case id, base scenario, --set list of the base, key path, schema key, default, choices)."""
    sections = {s["name"]: s for s in schema()}
    out = []
    quick = resolved(QUICKSTART, SMALL)
    school = quick["schools"][0]["id"]
    plain = {"model": "model", "region": "regions.cao-bang", "school": f"schools.{school}",
             "job_level_shares": "model.job_level_shares", "output": "output", "scenario": "", "calendar": "calendar"}
    for name, prefix in plain.items():
        for k in sections[name]["keys"]:
            out.append((f"{name}.{k['key']}", QUICKSTART, SMALL, (prefix + "." if prefix else "") + k["key"], k))
    for ptype, pid in POLICY_BASE.items():
        base = f"scenarios/policies/{ptype}.yaml"
        for k in sections["policy." + ptype]["keys"]:
            out.append((f"policy.{ptype}.{k['key']}", base, POLICY_SMALL, f"policies.{pid}.{k['key']}", k))
    voc = ("scenarios/policies/vocational_training_quota.yaml", POLICY_SMALL, "policies.bk-unemployed-training")
    for k in sections["policy"]["keys"]:
        out.append((f"policy.{k['key']}", voc[0], voc[1], f"{voc[2]}.{k['key']}", k))
    for k in sections["target"]["keys"]:
        out.append((f"target.{k['key']}", voc[0], voc[1], f"{voc[2]}.target.{k['key']}", k))
    mw = ("scenarios/policies/minimum_wage.yaml", POLICY_SMALL, "policies.zone-4-minimum-wage.steps.0")
    for k in sections["minimum_wage_step"]["keys"]:
        out.append((f"minimum_wage_step.{k['key']}", mw[0], mw[1], f"{mw[2]}.{k['key']}", k))
    out = [(c, *KEY_BASE[c], k) if c in KEY_BASE else (c, b, s, p, k) for c, b, s, p, k in out]
    return [c for c in out if c[4]["type"] not in ("mapping", "mapping_list")]


def lookup(tree, path):
    node = tree
    for part in path.split("."):
        if isinstance(node, list):
            node = next((x for x in node if isinstance(x, dict) and x.get("id") == part), None) if not part.isdigit() \
                else (node[int(part)] if int(part) < len(node) else None)
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
        if node is None:
            return None
    return node


def value_for(case_id, base, sets, path, key):
    """The perturbed value as YAML text, for keys whose type has no generic perturbation."""
    current = lookup(resolved(base, sets), path)
    name = key["key"]
    if key["type"] == "date":
        if case_id == "minimum_wage_step.from":
            return "2021-06"
        if case_id.startswith("calendar."):
            return "2021-07" if name == "start" else "2023-06"
        return "2023-01" if name == "start" else "2022-12"
    if key["type"] == "string_list":
        if case_id == "policy.region":
            return "cao-bang"
        if case_id == "output.events":
            return "[hire]"
        if case_id == "policy.school_accreditation.kinds":
            return "[vocational_college]"
        if case_id == "policy.school_enterprise_partnership.schools":
            return "[qn-university, hp-vocational-college]"
        return "[]"
    if key["type"] in ("identifier", "string"):
        if case_id == "school.region":
            return "bac-kan"
        return "renamed"
    choices = [c for c in key["choices"] if c != current and not (current is None and c == key["default"])]
    if case_id == "school.level":
        choices = ["university"]
    if case_id == "target.min_level":
        choices = ["elementary"]
    if case_id == "target.max_level":
        choices = ["none"]
    if case_id == "target.field":
        choices = ["agriculture"]
    if case_id == "scenario.scale":
        return "0.015" if base == QUICKSTART else "0.03"
    if case_id == "scenario.seed":
        return "7"
    if case_id == "target.min_age":
        return "30"
    if case_id == "target.max_age":
        return "30"
    if case_id in TO_ZERO:
        return "0"
    if case_id == "policy.school_enterprise_partnership.placement_window_months":
        return "1"  # partner graduates find jobs within weeks in this model: only the shortest window binds
    if case_id in RAISE_WITHIN_RANGE:
        return RAISE_WITHIN_RANGE[case_id]
    if case_id in TIGHTEN:
        value = (current if current is not None else number(key["default"])) / 4
        return str(int(value) if key["type"] == "integer" else value)
    return perturb(key, current, key["default"], choices)


def digest(path):
    """Every dataset of the file (strings and compound event tables as their text)."""
    out = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                data = obj[()]
                out[name] = data if obj.dtype.kind in "fiub" else np.array(repr(data.tolist()))
        f.visititems(visit)
    return out


def run(base, sets, out, refused_ok=False):
    """The run's datasets; None when the loader refuses the value (exit 2) and refused_ok."""
    res = laborsim("run", base, "-o", out, "--quiet", "--force", "--threads", 1,
                   *[a for s in sets for a in ("--set", s)])
    if refused_ok and res.returncode == 2:
        return None
    assert res.returncode == 0, f"{base} {sets}: {res.stderr}"
    return digest(out)


def halved(value):
    """The downward move for a value whose upward move the schema refuses (e.g. a maximum)."""
    try:
        v = float(value)
    except ValueError:
        return None
    return str(int(v // 4)) if v.is_integer() else str(v / 4)


def run_case(base, sets, path, value, out):
    """(datasets, sign of the move): up first; down (sign -1) when the schema refuses up."""
    got = run(base, [*sets, f"{path}={value}"], out, refused_ok=True)
    if got is not None:
        return got, +1
    down = halved(value)
    assert down is not None, f"{path}={value} refused and has no downward move"
    return run(base, [*sets, f"{path}={down}"], out), -1


def reduce(series, how):
    s = np.asarray(series, dtype=float)
    return {"sum": s.sum(), "mean": s.mean(), "first": s[0], "last": s[-1]}[how]


def measure(d, dataset, region, how, region_ids):
    data = d[dataset]
    if data.ndim == 2:
        data = data[:, region_ids.index(region)] if region else data.sum(axis=1)
    return reduce(data, how)


def test_every_lever_changes_the_output(tmp_path):
    all_cases = cases()
    bases = {}
    for _, base, sets, _, _ in all_cases:
        bases.setdefault((base, tuple(sets)), None)
    with ThreadPoolExecutor(2) as pool:
        futures = {b: pool.submit(run, b[0], list(b[1]), tmp_path / f"base-{i}.h5") for i, b in enumerate(bases)}
        bases = {b: f.result() for b, f in futures.items()}
        jobs = []
        for i, (case_id, base, sets, path, key) in enumerate(all_cases):
            if case_id in INERT:
                continue
            value = value_for(case_id, base, sets, path, key)
            jobs.append((case_id, base, sets, path, value,
                         pool.submit(run_case, base, sets, path, value, tmp_path / f"case-{i}.h5")))
        inert, wrong = [], []
        for case_id, base, sets, path, value, fut in jobs:
            (got, moved), ref = fut.result(), bases[(base, tuple(sets))]
            same = got.keys() == ref.keys() and all(np.array_equal(got[k], ref[k]) for k in ref)
            if same:
                inert.append(f"{case_id} ({path}={value})")
                continue
            if case_id in DIRECTIONS:
                dataset, region, how, sign = DIRECTIONS[case_id]
                pid = path.split(".")[1] if path.startswith("policies.") else ""
                dataset = dataset.format(id=pid)
                regions = [r.decode() if isinstance(r, bytes) else str(r) for r in
                           h5py.File(tmp_path / "base-0.h5", "r")["regions/region"][()]]
                delta = measure(got, dataset, region, how, regions) - measure(ref, dataset, region, how, regions)
                if np.sign(delta) != sign * moved:
                    wrong.append(f"{case_id} ({path}={value}): {dataset} {region or 'all'} {how} moved {delta:+.4g}, "
                                 f"expected sign {sign * moved:+d}")
    assert not inert, "levers that change nothing:\n  " + "\n  ".join(inert)
    assert not wrong, "levers that move the wrong way:\n  " + "\n  ".join(wrong)


def test_inert_list_names_real_keys():
    ids = {c[0] for c in cases()}
    assert set(INERT) <= ids, set(INERT) - ids
    assert set(DIRECTIONS) <= ids, set(DIRECTIONS) - ids
