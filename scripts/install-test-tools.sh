#!/usr/bin/env bash
# Installs what the tests need beyond Maven's dependencies, from Debian's packages:
#   python3-torch  PyTorch for /usr/bin/python3: the reference trainer (trainers/pytorch) and its
#                  tests, the cross-trainer check and the PyTorch baselines of the benchmarks.
#   libopenblas0-pthread  an optimised BLAS for it: without it Debian's torch falls back to the
#                  reference BLAS and trains about 8 times slower.
#   chromium, chromium-driver  the browser and its WebDriver at /usr/bin/chromium and
#                  /usr/bin/chromedriver: the dashboard's browser test (DashboardBrowserIT) drives them.
# Idempotent: does nothing when everything is present. Needs root (or sudo) and apt on a miss.
set -euo pipefail
python=${S2L_PYTHON:-/usr/bin/python3}
# Outside Debian (no dpkg) the interpreter's own BLAS is taken as it is.
have_openblas() { ! command -v dpkg > /dev/null || dpkg -s libopenblas0-pthread > /dev/null 2>&1; }
have_torch() { "$python" -c 'import torch, numpy' 2> /dev/null && have_openblas; }
have_browser() { [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; }
if have_torch && have_browser; then
  echo "install-test-tools: $python has torch $("$python" -c 'import torch; print(torch.__version__)');" \
       "$(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"
  exit 0
fi
if ! command -v apt-get > /dev/null; then
  have_torch || echo "install-test-tools: $python lacks torch and numpy, and this machine has no apt-get;" \
       "install PyTorch for it and set S2L_PYTHON (or -Ds2l.python) to that interpreter" >&2
  have_browser || echo "install-test-tools: no /usr/bin/chromium and /usr/bin/chromedriver, and no" \
       "apt-get to install them; install Chromium and its chromedriver there" >&2
  exit 1
fi
sudo=""
if [[ $(id -u) != 0 ]]; then sudo=sudo; fi
export DEBIAN_FRONTEND=noninteractive
packages=()
have_torch || packages+=(python3 python3-torch python3-numpy libopenblas0-pthread)
have_browser || packages+=(chromium chromium-driver)
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
"$python" -c 'import torch; print("install-test-tools: torch", torch.__version__)'
/usr/bin/chromedriver --version
