# Fetches the Etalab commune list (npm package @etalab/decoupage-administratif, MIT) that the
# real-geography and enrichment tests read. It is test data only: never committed (tests/.cache/).
DECOUPAGE_VERSION="6.0.0"

# ensure_communes_json [cache_dir]: leaves communes.json in cache_dir (default
# tests/.cache/decoupage-administratif) unless it is already there. Returns non-zero on failure,
# so the tests that need the file report it (they fail when CI=true).
ensure_communes_json() {
  local dir="${1:-tests/.cache/decoupage-administratif}"
  local target="$dir/communes.json"
  [ -s "$target" ] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is missing: cannot fetch @etalab/decoupage-administratif@$DECOUPAGE_VERSION" >&2
    return 1
  fi
  local tmp
  tmp=$(mktemp -d) || return 1
  echo "Fetching @etalab/decoupage-administratif@$DECOUPAGE_VERSION (communes.json) into $dir" >&2
  if (cd "$tmp" && npm pack --silent "@etalab/decoupage-administratif@$DECOUPAGE_VERSION" >/dev/null) \
     && tar -xzf "$tmp"/etalab-decoupage-administratif-*.tgz -C "$tmp" package/data/communes.json; then
    mkdir -p "$dir" && mv "$tmp/package/data/communes.json" "$target.part" && mv "$target.part" "$target"
    local rc=$?
    rm -rf "$tmp"
    return $rc
  fi
  rm -rf "$tmp"
  echo "Could not fetch @etalab/decoupage-administratif@$DECOUPAGE_VERSION" >&2
  return 1
}
