#!/usr/bin/env bash
# Builds .build-fuzz/gavel-fuzz: the fuzz targets with libFuzzer and AddressSanitizer, from the
# package's sources. SwiftPM cannot give one target -sanitize=fuzzer without giving it to every
# executable (each would need libFuzzer's main), so swiftc builds, with coverage instrumentation:
#   1. GavelCore as a static library and module (.build-fuzz/GavelCore.swiftmodule);
#   2. one executable module, GavelFuzz, from the pure sources the targets reach beyond the core
#      (the GavelTesting fixtures, GavelServer's Config loaders and client frame decoder) and
#      Fuzz/Sources. Their `import GavelCore` lines find step 1.
# Swift 6.3 on Linux ships libclang_rt.fuzzer in its toolchain, so nothing else is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build-fuzz
mkdir -p "$out"
core=($(find Sources/GavelCore -name '*.swift' | sort))
rest=(
  Sources/GavelTesting/Committees.swift Sources/GavelTesting/Given.swift Sources/GavelTesting/Given+Floor.swift
  Sources/GavelTesting/ManualClock.swift Sources/GavelTesting/ScenarioFailure.swift
  $(find Sources/GavelServer/Config -name '*.swift' | sort)
  Sources/GavelServer/Protocol/ClientFrame.swift Sources/GavelServer/Protocol/CloseCode.swift
  $(find Fuzz/Sources -name '*.swift' | sort)
)
# -package-name: the sources use `package` access (SwiftPM passes the same flag).
flags=(-swift-version 6 -package-name gavel -parse-as-library -sanitize=fuzzer,address -Onone -g -suppress-warnings)
newest_core=$(ls -t "${core[@]}" | head -1) || true  # head closing the pipe is not an error
newest=$(ls -t "${core[@]}" "${rest[@]}" Fuzz/build.sh | head -1) || true
if [[ -x "$out/gavel-fuzz" && "$out/gavel-fuzz" -nt "$newest" ]]; then
  exit 0
fi
echo "building $out/gavel-fuzz (-sanitize=fuzzer,address)…" >&2
if [[ ! -f "$out/libGavelCore.a" || ! "$out/libGavelCore.a" -nt "$newest_core" ]]; then
  swiftc "${flags[@]}" -module-name GavelCore -emit-library -static -emit-module \
    -emit-module-path "$out/GavelCore.swiftmodule" -o "$out/libGavelCore.a" "${core[@]}"
fi
# ld.gold warns about ASan's local symbols; those lines are noise, real errors still fail the build.
swiftc "${flags[@]}" -module-name GavelFuzz -I "$out" "${rest[@]}" "$out/libGavelCore.a" \
  -o "$out/gavel-fuzz" 2>&1 | grep -v "Cannot export local symbol" >&2 || true
[[ -x "$out/gavel-fuzz" && "$out/gavel-fuzz" -nt "$newest" ]]
