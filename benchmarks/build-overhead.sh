#!/usr/bin/env bash
# Times `dotnet build` of the same small console project with and without the BoardingDsl package,
# alternating the two, and prints the ratio of the medians (target: <= 1.05).
# Usage: bash benchmarks/build-overhead.sh [runs] [server|fresh] [files] [plain|own-schema|override]   (packs the package first)
#   server: build through the shared compiler server (UseSharedCompilation=true), as on a developer machine; without it
#   every build starts a fresh compiler, as this machine's environment (UseSharedCompilation=false) and many CI agents do.
#   files: how many source files the consumer has (default 20 one-line classes; more files get a little real code each).
#   mode: what the consumer with BoardingDsl also has: nothing (plain, the default: precompiled models only), one schema
#   of its own (own-schema), or a schema replacing a shipped one, with BoardingDslPrecompiledModels=false (override).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shared=false
if [[ "${2:-}" == "server" ]]; then shared=true; fi
files="${3:-20}"
mode="${4:-plain}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="0.1.0-overhead.$(date +%s)"
dotnet pack src/BoardingDsl.Package -c Release -o "$work/feed" -p:Version="$version" --disable-build-servers -v q >/dev/null
remote="$(dotnet nuget list source --format short | awk '$1 == "E" && $2 ~ /:\/\// { print $2; exit }')"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><clear /><add key="feed" value="$work/feed" /><add key="machine" value="$remote" /></packageSources>
  <packageSourceMapping>
    <packageSource key="feed"><package pattern="BoardingDsl" /></packageSource>
    <packageSource key="machine"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

make_project() { # name, extra item
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup>$2</ItemGroup>
</Project>
XML
  for i in $(seq 1 "$files"); do
    if [[ "$files" -le 20 ]]; then
      printf 'namespace App;\npublic static class C%s { public static int F(int x) => x * %s; }\n' "$i" "$i" > "$work/$1/C$i.cs"
    else
      cat > "$work/$1/C$i.cs" <<CS
namespace App;
using System.Linq;
public sealed record Item$i(string Name, decimal Price, int Count);
public static class C$i
{
    public static int F(int x) => x * $i;
    public static decimal Total(System.Collections.Generic.IEnumerable<Item$i> items) => items.Where(i => i.Count > 0).Sum(i => i.Price * i.Count);
    public static async System.Threading.Tasks.Task<string> DescribeAsync(Item$i item)
    {
        await System.Threading.Tasks.Task.Yield();
        return item switch { { Count: 0 } => \$"{item.Name}: none", { Price: > 100m } => \$"{item.Name}: dear", _ => item.ToString() };
    }
}
CS
    fi
  done
  printf 'System.Console.WriteLine(App.C1.F(2));\n' > "$work/$1/Program.cs"
  (cd "$work/$1" && dotnet restore -v q >/dev/null)
}
make_project Plain ""
make_project WithDsl "<PackageReference Include=\"BoardingDsl\" Version=\"$version\" />"
case "$mode" in
  own-schema)
    cat > "$work/WithDsl/register-device.schema.json" <<'JSON'
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://acme.example/schemas/register-device.schema.json",
  "title": "RegisterDeviceRequest",
  "x-boarding-endpoint": { "operation": "RegisterDevice", "role": "request", "method": "POST", "path": "/devices", "responses": { "200": "OK" } },
  "type": "object",
  "additionalProperties": false,
  "required": ["serial"],
  "properties": {
    "serial": { "type": "string", "description": "The serial number." },
    "callbackUrl": { "type": "string", "format": "uri", "pattern": "^https://", "description": "Where to call back." }
  }
}
JSON
    ;;
  override)
    cp schemas/order-status-response.schema.json "$work/WithDsl/"
    sed -i 's|<Nullable>enable</Nullable>|<Nullable>enable</Nullable><BoardingDslPrecompiledModels>false</BoardingDslPrecompiledModels>|' "$work/WithDsl/WithDsl.csproj"
    ;;
esac

time_build() { # project -> seconds
  local start end
  start=$(date +%s.%N)
  (cd "$work/$1" && dotnet build --no-restore --no-incremental -v q -nologo -p:UseSharedCompilation=$shared >/dev/null)
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}

# One warm-up each, then alternate.
time_build Plain >/dev/null; time_build WithDsl >/dev/null
plain=(); dsl=()
for i in $(seq 1 "$runs"); do
  plain+=("$(time_build Plain)")
  dsl+=("$(time_build WithDsl)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mp=$(median "${plain[@]}"); md=$(median "${dsl[@]}")
echo "compiler server: $shared; consumer files: $files; mode: $mode"
echo "without BoardingDsl: median ${mp}s (${plain[*]})"
echo "with BoardingDsl:    median ${md}s (${dsl[*]})"
awk -v a="$md" -v b="$mp" 'BEGIN { printf "ratio: %.3f\n", a / b }'
