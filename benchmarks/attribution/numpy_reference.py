"""Independent numpy/scipy implementation of s2l's TRAK scoring (docs/science.md section 3).

    tau = Phi_t (Phi^T Phi + lambda I)^-1 Phi^T . diag(q)        (one model, M = 1)

Reads the features the Java benchmark wrote (raw little-endian float32: pool n x k, targets t x k,
q of length n; shapes in meta.txt), computes tau with the same precision choices as
io.s2l.attribution.Trak: Phi^T Phi as float32 products of row chunks (numpy turns c.T @ c into
one syrk call) summed in float64, Cholesky factorisation and solve in float64 (LAPACK dpotrf/dpotrs
through scipy.linalg.cho_factor/cho_solve), A = Phi_t G^-1 rounded to float32, then one float32
sgemm A @ Phi^T and the column scaling by q. Times it two ways: from the files
(np.fromfile included, as s2l streams the files) and from arrays already in memory.

A resident worker, so that its heap stays warm like the JVM's: prints key=value lines (versions,
import time) and "ready", then answers the Java driver's commands on stdin, one line each:
  run        time one scoring from the files and one from memory; reply "times=FILES,MEMORY"
  write OUT  write the last score matrix to OUT (t x n little-endian float32); reply "written"
  quit

BLAS threads: whatever OPENBLAS_NUM_THREADS says (run.sh sets it for both sides).

usage: python3 numpy_reference.py DATA_DIR
"""

import os
import sys
import time

_START = time.perf_counter()
import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.linalg  # noqa: E402

_IMPORTS = time.perf_counter() - _START


def read_meta(path):
    meta = {}
    with open(path) as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            if key:
                meta[key] = value
    return meta


def load(data, n, t, k):
    pool = np.fromfile(os.path.join(data, "pool.f32"), dtype="<f4").reshape(n, k)
    targets = np.fromfile(os.path.join(data, "targets.f32"), dtype="<f4").reshape(t, k)
    q = np.fromfile(os.path.join(data, "q.f32"), dtype="<f4")
    return pool, targets, q


def trak(pool, targets, q, lam, chunk):
    n, k = pool.shape
    gram = np.zeros((k, k))
    for first in range(0, n, chunk):
        c = pool[first:first + chunk]
        gram += c.T @ c                       # float32 syrk, summed in float64
    gram[np.diag_indices_from(gram)] += lam
    factor = scipy.linalg.cho_factor(gram, lower=True, check_finite=False)
    solved = scipy.linalg.cho_solve(factor, targets.T.astype(np.float64), check_finite=False)
    a = solved.T.astype(np.float32)           # A = Phi_t G^-1, t x k
    scores = a @ pool.T                       # one float32 sgemm, t x n
    if q is not None:
        scores *= q
    return scores


def main():
    data = sys.argv[1]
    meta = read_meta(os.path.join(data, "meta.txt"))
    n, t, k = int(meta["pool"]), int(meta["targets"]), int(meta["dimension"])
    lam, chunk = float(meta["lambda"]), int(meta["chunk"])
    use_q = meta["useQ"] == "true"

    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    print(f"versions=python {sys.version.split()[0]}, numpy {np.__version__} "
          f"({blas['name']} {blas['version']}), scipy {scipy.__version__}")
    print(f"openblas_threads={os.environ.get('OPENBLAS_NUM_THREADS', 'default')}")
    print(f"import_seconds={_IMPORTS!r}")
    print("ready", flush=True)

    scores = None
    pool = targets = q = None
    for line in sys.stdin:
        command = line.split()
        if not command:
            continue
        if command[0] == "run":
            scores = pool = targets = q = None
            t0 = time.perf_counter()
            pool, targets, q = load(data, n, t, k)
            scores = trak(pool, targets, q if use_q else None, lam, chunk)
            from_files = time.perf_counter() - t0
            scores = None
            t0 = time.perf_counter()
            scores = trak(pool, targets, q if use_q else None, lam, chunk)
            in_memory = time.perf_counter() - t0
            print(f"times={from_files!r},{in_memory!r}", flush=True)
        elif command[0] == "write":
            scores.astype("<f4", copy=False).tofile(command[1])
            print("written", flush=True)
        elif command[0] == "quit":
            break


if __name__ == "__main__":
    main()
