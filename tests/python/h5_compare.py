"""Compares two laborsim output files object by object: every dataset byte for byte, its
dimension scales by name, and every attribute, except the root attributes that say when,
where and how a run was made."""

import h5py
import numpy as np

# Root attributes that legitimately differ between two runs of the same scenario.
RUN_SPECIFIC_ATTRS = {"wall_time_s", "start_time", "threads", "command_line", "host"}
# Dimension-scale bookkeeping holds object references (file addresses): compared through
# the names of the scales instead.
REFERENCE_ATTRS = {"DIMENSION_LIST", "REFERENCE_LIST"}


def objects(f):
    found = {}
    f.visititems(lambda name, obj: found.__setitem__(name, obj))
    return found


def attributes(obj, skip=()):
    return {k: v for k, v in obj.attrs.items() if k not in skip and k not in REFERENCE_ATTRS}


def same_value(a, b):
    """Equal to the byte (NaN equals NaN, -0.0 differs from 0.0); strings by value."""
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype.kind == "O" or b.dtype.kind == "O":
        return repr(a.tolist()) == repr(b.tolist())
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def differences(path_a, path_b):
    """What differs between two files: an empty list when nothing does."""
    out = []
    with h5py.File(path_a, "r") as a, h5py.File(path_b, "r") as b:
        oa, ob = objects(a), objects(b)
        if sorted(oa) != sorted(ob):
            out.append(f"objects differ: {sorted(set(oa) ^ set(ob))[:8]}")
        for name, x in oa.items():
            y = ob.get(name)
            if y is None:
                continue
            if isinstance(x, h5py.Dataset):
                if not same_value(x[()], y[()]):
                    out.append(f"{name}: values differ")
                if [[s.name for s in d.values()] for d in x.dims] != [[s.name for s in d.values()] for d in y.dims]:
                    out.append(f"{name}: dimension scales differ")
            ax, ay = attributes(x), attributes(y)
            if sorted(ax) != sorted(ay):
                out.append(f"{name}: attributes differ: {sorted(set(ax) ^ set(ay))}")
            out += [f"{name}: attribute {k} differs" for k in set(ax) & set(ay) if not same_value(ax[k], ay[k])]
        ra, rb = attributes(a, RUN_SPECIFIC_ATTRS), attributes(b, RUN_SPECIFIC_ATTRS)
        out += [f"/: attribute {k} differs" for k in set(ra) | set(rb)
                if k not in ra or k not in rb or not same_value(ra[k], rb[k])]
    return out
