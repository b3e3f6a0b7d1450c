#!/usr/bin/env bash
# LM featurisation benchmark: TRAK features of pool documents of a byte-level transformer, s2l
# (LmGradients' per-example weight copies, BlockProjection, FeatureFileWriter) against PyTorch
# (functorch vmap(grad) per-example gradients, the same projection) on the same model and the same
# documents, side by side in one run. The model is the largest scale of examples/demo-quick.json
# (d 48, 2 blocks, 4 heads, context 64; 84,544 parameters), trained here with LmTrainer on the
# built-in corpus at the demo's 20 tokens per parameter; the documents are the first DOCUMENTS
# training documents of the built-in corpus, taken from its 7 domains in turn, each cut to its first
# 256 bytes (4 windows of 64 predictions). f is the document's mean next-byte loss.
#
# Steps: build featurize-core's test classes and write the test classpath (one reactor build);
# train and write the model and documents (java ... prepare, not timed); s2l featurises every
# document into target/features-s2l.f32 (java ... featurize); PyTorch into
# target/features-pytorch.f32 (pytorch_featurize.py featurize) with the same batch (documents per
# gradient computation, from s2l's memory estimate and BUDGET_MIB) and the same chunk (BATCHES
# batches projected together); then the report: documents/s of each side, the ratio, the time spent
# in gradients, peak resident set size (VmHWM) after 1,000 documents and at the end (flat: memory
# does not grow with the pool), and how far the two feature files are apart. Each side runs one
# untimed chunk first. Everything is pinned to one CPU (taskset), one intra-op and one inter-op
# thread each side. See README.md.
#
# usage: benchmarks/lm-featurize/run.sh [DOCUMENTS [DIMENSION [BUDGET_MIB [BATCHES [ROUNDS]]]]]
#        defaults 10000 1024 256 4 1; ROUNDS rounds of s2l then PyTorch, each ratio and the median
# env:   S2L_BENCH_PYTHON    python with torch and functorch (default /usr/bin/python3, Debian's
#                            python3-torch 1.13, which ships functorch)
#        S2L_BENCH_CPU       the CPU to pin to (default 0)
#        S2L_BENCH_BLAS_DIR  a directory holding an OpenBLAS libblas.so.3, put first on the python
#                            side's LD_LIBRARY_PATH (for a machine whose system libblas.so.3 is the
#                            netlib reference BLAS and libopenblas0-pthread cannot be installed:
#                            apt-get download libopenblas0-pthread && dpkg-deb -x <deb> DIR, then
#                            DIR/usr/lib/x86_64-linux-gnu/openblas-pthread)
#        S2L_BENCH_TOKENS_PER_PARAM  training budget of the model (default 20, the demo's)
#        S2L_BENCH_MKL_DISPATCH  1 (default when cc exists): preload
#                            trainer-worker/src/main/c/mkl_intel_dispatch.c (built here with cc)
#                            into the s2l side, as the launcher and the trainer-worker image do for
#                            trainer workers, where featurisation runs (docs/configuration.md); on a
#                            non-Intel CPU with AVX-512 libtorch's MKL then uses its AVX-512
#                            kernels. 0: without it
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
documents="${1:-10000}"
dimension="${2:-1024}"
budget="${3:-256}"
batches="${4:-4}"
rounds="${5:-1}"
seed=7
python="${S2L_BENCH_PYTHON:-/usr/bin/python3}"
work="$here/target"

if ! "$python" -c 'import torch, functorch' 2> /dev/null; then
  echo "$python cannot import torch and functorch: apt-get install -y python3-torch" >&2
  exit 1
fi

cd "$root"
mkdir -p "$work"
cp_file="$work/classpath.txt"
mvn -q -o -pl libs/featurize-core -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
module="$root/libs/featurize-core/target"
classpath="$module/test-classes:$module/classes:$(cat "$cp_file")"

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1
pin=()
if command -v taskset > /dev/null; then
  pin=(taskset -c "${S2L_BENCH_CPU:-0}")
  echo "pinned to CPU ${S2L_BENCH_CPU:-0} with taskset: one core for the JVM and for python"
else
  echo "taskset not found: not pinned; each side still uses one intra-op + one inter-op thread"
fi
preload=()
if [ "${S2L_BENCH_MKL_DISPATCH:-1}" = 1 ] && command -v cc > /dev/null; then
  cc -shared -fPIC -O2 -o "$work/libmkl_intel_dispatch.so" \
    "$root/trainer-worker/src/main/c/mkl_intel_dispatch.c"
  preload=(env "LD_PRELOAD=$work/libmkl_intel_dispatch.so")
  echo "s2l side: MKL's kernels chosen from the CPU's feature flags (mkl_intel_dispatch preloaded)"
else
  echo "s2l side: without mkl_intel_dispatch (MKL keeps to AVX2 kernels on non-Intel CPUs)"
fi
pyenv=()
if [ -n "${S2L_BENCH_BLAS_DIR:-}" ]; then
  pyenv=(env "LD_LIBRARY_PATH=$S2L_BENCH_BLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
fi
java=(java -Xms256m -Xmx256m -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -cp "$classpath"
  io.s2l.featurize.bench.LmFeaturizeBenchmark)
result() { sed -n 's/^RESULT //p' | tail -1; }
field() { echo "$1" | "$python" -c "import json, sys; print(json.load(sys.stdin)['$2'])"; }

echo "load before: $(cat /proc/loadavg)"
"${pin[@]}" "${java[@]}" prepare "$work" "$documents" "${S2L_BENCH_TOKENS_PER_PARAM:-20}"
ratios=()
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds, load: $(cat /proc/loadavg)"
  "${preload[@]}" "${pin[@]}" "${java[@]}" featurize "$work" "$dimension" "$seed" "$budget" \
    "$batches" | tee "$work/s2l.out"
  s2l="$(result < "$work/s2l.out")"
  "${pyenv[@]}" "${pin[@]}" "$python" "$here/pytorch_featurize.py" featurize --work "$work" \
    --dimension "$dimension" --seed "$seed" --batch "$(field "$s2l" batch)" \
    --chunk "$(field "$s2l" chunk)" | tee "$work/pytorch.out"
  pytorch="$(result < "$work/pytorch.out")"
  case "$pytorch" in
    *'"blas": "OpenBLAS'*) ;;
    *) echo "WARNING: PyTorch's BLAS is not OpenBLAS (netlib's reference BLAS?): the comparison" \
      "is unfair to PyTorch; install libopenblas0-pthread or set S2L_BENCH_BLAS_DIR" >&2 ;;
  esac
  "$python" "$here/pytorch_featurize.py" report --work "$work" --dimension "$dimension" \
    --s2l "$s2l" --pytorch "$pytorch" | tee "$work/report.out"
  ratios+=("$(field "$(result < "$work/report.out")" ratio)")
done
echo "load after: $(cat /proc/loadavg)"
echo "ratios s2l / PyTorch by round: ${ratios[*]}; median $(printf '%s\n' "${ratios[@]}" | sort -g \
  | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}')"
