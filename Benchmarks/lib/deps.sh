# Installs the Debian packages of Benchmarks/apt-packages.txt that are missing (root: apt-get),
# then compiles the C programs into .build-bench/. Sourced by run.sh.
bench_deps() {
  local wanted missing=() pkg
  mapfile -t wanted < <(sed -e 's/#.*//' -e '/^\s*$/d' Benchmarks/apt-packages.txt)
  for pkg in "${wanted[@]}"; do
    # nodejs may come from another repository under the same name; a `node` on PATH is enough
    if [ "$pkg" = nodejs ] && command -v node >/dev/null; then continue; fi
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "Missing Debian packages for the benchmarks. Run:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    echo "Installing: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

bench_compile() {
  mkdir -p "$B"
  local lws
  lws=$(pkg-config --cflags --libs libwebsockets)
  cc -O2 -Wall -Wextra -o "$B/gavel-load" Benchmarks/loadgen/*.c
  # shellcheck disable=SC2086
  cc -O2 -Wall -Wextra -o "$B/relay-lws" Benchmarks/peers/relay-lws.c $lws
}
