"""Independent numpy/scipy implementation of the s2l scale-correlation analysis (docs/science.md section 2).

Reads the study the Java benchmark wrote (raw little-endian float32 losses, uint8 correctness and a
key=value meta file), runs the same statistics, single-threaded, and prints key=value lines for the
Java driver: timings and every statistic. Vectorised where numpy can (per-example correlations over
all examples at once, the distribution bootstrap over all replicates at once, pair signs for
Kendall's tau-b and decision accuracy); a loop only over proxies and over chunks of the example
bootstrap (to bound memory).

usage: python3 numpy_reference.py DATA_DIR
"""

import os
import time

_START = time.perf_counter()
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import sys  # noqa: E402

import numpy as np  # noqa: E402
import scipy  # noqa: E402
from scipy import stats  # noqa: E402

_IMPORTS = time.perf_counter() - _START

LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]
NAMES = ["pearsonR", "r2", "slope", "intercept", "spearman", "kendall", "decisionAccuracy"]
EXAMPLE_CHUNK = 10  # replicates per chunk of the example bootstrap; 10 x 20000 int64 fits in cache


def read_meta(path):
    meta = {}
    with open(path) as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            meta[key] = value
    return meta


def pair_statistics(xb, yb):
    """All seven statistics of B samples at once; xb, yb of shape (B, K)."""
    k = xb.shape[1]
    with np.errstate(invalid="ignore", divide="ignore"):
        mx, my = xb.mean(1, keepdims=True), yb.mean(1, keepdims=True)
        dx, dy = xb - mx, yb - my
        sxx, syy, sxy = (dx * dx).sum(1), (dy * dy).sum(1), (dx * dy).sum(1)
        xconst = np.ptp(xb, axis=1) == 0
        yconst = np.ptp(yb, axis=1) == 0
        r = np.clip(sxy / np.sqrt(sxx * syy), -1, 1)
        r[xconst | yconst] = np.nan
        slope = sxy / sxx
        intercept = my[:, 0] - slope * mx[:, 0]
        slope[yconst] = 0.0                      # LinearFit's flat line through a constant y
        intercept[yconst] = yb[yconst, 0]
        slope[xconst] = np.nan
        intercept[xconst] = np.nan
        rx, ry = stats.rankdata(xb, axis=1), stats.rankdata(yb, axis=1)
        rx -= rx.mean(1, keepdims=True)
        ry -= ry.mean(1, keepdims=True)
        rho = np.clip((rx * ry).sum(1) / np.sqrt((rx * rx).sum(1) * (ry * ry).sum(1)), -1, 1)
        rho[xconst | yconst] = np.nan
        i, j = np.triu_indices(k, 1)
        sx, sy = np.sign(xb[:, i] - xb[:, j]), np.sign(yb[:, i] - yb[:, j])
        n0 = i.size
        n1, n2 = (sx == 0).sum(1), (sy == 0).sum(1)
        tau = np.clip((sx * sy).sum(1) / np.sqrt((n0 - n1).astype(float) * (n0 - n2)), -1, 1)
        tau[(n1 == n0) | (n2 == n0)] = np.nan
        da = ((sx == sy) & (sy != 0)).sum(1) / (n0 - n2)
    return np.stack([r, r * r, slope, intercept, rho, tau, da])


def percentile_interval(values, level):
    values = values[~np.isnan(values)]
    if values.size == 0:
        return (np.nan, np.nan)
    alpha = 1 - level
    lo, hi = np.percentile(values, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return (lo, hi)


def analyze(L, C, meta):
    scales = meta["scales"].split(",")
    ref = scales.index(meta["reference"])
    resamples, seed = int(meta["resamples"]), int(meta["seed"])
    level, threshold, bins = float(meta["level"]), float(meta["threshold"]), int(meta["bins"])
    flops = [float(v) for v in meta["flops"].split(",")]
    chance = float(meta["chance"])
    k = L.shape[1]

    ref_runs = L[ref].mean(axis=2, dtype=np.float64)          # (K, R) mean loss per run
    y = ref_runs.mean(axis=1)
    yz = L[ref].mean(axis=1, dtype=np.float64)                # (K, Z) seed-averaged per example
    ydev = yz - yz.mean(axis=0)
    syy = np.einsum("kz,kz->z", ydev, ydev)
    yvaries = np.ptp(yz, axis=0) > 0
    ref_acc = C[ref].mean()

    out = {}
    frontier = []
    for index, p in enumerate(q for q in range(len(scales)) if q != ref):
        runs = L[p].mean(axis=2, dtype=np.float64)
        x = runs.mean(axis=1)
        lr = stats.linregress(x, y)
        point = pair_statistics(x[None, :], y[None, :])[:, 0]
        e = {
            "pearsonR": stats.pearsonr(x, y).statistic,
            "r2": lr.rvalue ** 2,
            "slope": lr.slope,
            "intercept": lr.intercept,
            "spearman": stats.spearmanr(x, y).statistic,
            "kendall": stats.kendalltau(x, y).statistic,
            "decisionAccuracy": point[6],
        }
        rng = np.random.default_rng([seed, index, 0])
        idx = rng.integers(0, k, size=(resamples, k))
        replicates = pair_statistics(x[idx], y[idx])
        for name, row in zip(NAMES, replicates):
            e["ci." + name] = percentile_interval(row, level)

        xz = L[p].mean(axis=1, dtype=np.float64)
        xdev = xz - xz.mean(axis=0)
        defined = (np.ptp(xz, axis=0) > 0) & yvaries
        with np.errstate(invalid="ignore", divide="ignore"):
            r = np.einsum("kz,kz->z", xdev, ydev) / np.sqrt(np.einsum("kz,kz->z", xdev, xdev) * syy)
        r = np.clip(r[defined], -1, 1)
        r2 = r * r
        n = r2.size
        rng = np.random.default_rng([seed, index, 1])
        means = np.empty(resamples)
        for start in range(0, resamples, EXAMPLE_CHUNK):
            rows = min(EXAMPLE_CHUNK, resamples - start)
            means[start:start + rows] = np.take(r2, rng.integers(0, n, size=(rows, n))).mean(axis=1)
        e["defined"] = n
        e["quantiles"] = np.quantile(r2, LEVELS)
        e["meanR2"] = r2.mean()
        e["meanCi"] = percentile_interval(means, level)
        e["fractionPositiveR"] = (r > 0).mean()
        e["fractionR2Above05"] = (r2 > 0.5).mean()
        e["histogram"] = np.histogram(r2, bins=bins, range=(0, 1))[0]
        e["proxyAccuracy"] = C[p].mean()
        e["referenceAccuracy"] = ref_acc
        e["proxyAboveChance"] = e["proxyAccuracy"] - chance
        e["proxyNoise"] = runs.std(axis=1, ddof=1).mean()
        e["proxySpread"] = x.std(ddof=1)
        e["referenceNoise"] = ref_runs.std(axis=1, ddof=1).mean()
        e["referenceSpread"] = y.std(ddof=1)
        out[scales[p]] = e
        key = "decisionAccuracy" if meta["metric"] == "DECISION_ACCURACY" else "r2"
        lower = e["ci." + key][0]                              # one evaluation set
        frontier.append((flops[p], scales[p], lower >= threshold, lower))
    frontier.sort(key=lambda t: t[0])
    clearing = [s for _, s, clears, _ in frontier if clears]
    out["recommended"] = clearing[0] if clearing else None
    return out


def main():
    data = sys.argv[1]
    meta = read_meta(os.path.join(data, "meta.txt"))
    shape = (len(meta["scales"].split(",")), int(meta["distributions"]),
             int(meta["seeds"]), int(meta["examples"]))
    t0 = time.perf_counter()
    L = np.fromfile(os.path.join(data, "losses.f32"), dtype="<f4").reshape(shape)
    C = np.fromfile(os.path.join(data, "correct.u8"), dtype=np.uint8).reshape(shape).view(bool)
    load = time.perf_counter() - t0
    times = []
    for _ in range(int(meta["repeats"])):
        t0 = time.perf_counter()
        result = analyze(L, C, meta)
        times.append(time.perf_counter() - t0)

    print(f"versions=python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}")
    print(f"import_seconds={_IMPORTS!r}")
    print(f"load_seconds={load!r}")
    print("run_seconds=" + ",".join(repr(t) for t in times))
    print(f"recommended={result.pop('recommended')}")
    for scale, e in result.items():
        for key, value in e.items():
            if isinstance(value, tuple):
                print(f"{scale}.{key}.low={float(value[0])!r}")
                print(f"{scale}.{key}.high={float(value[1])!r}")
            elif isinstance(value, np.ndarray):
                print(f"{scale}.{key}=" + ",".join(repr(float(v)) for v in value))
            else:
                print(f"{scale}.{key}={float(value)!r}")


if __name__ == "__main__":
    main()
