#!/usr/bin/env bash
# Warms a new Codespace so that a workshop's first notebook cell is quick (also runs in prebuilds):
# builds the course (restores ~280 MB of libtorch), then runs the lessons' setup cells plus one torch
# call through the .NET Interactive kernel (dotnet-repl), which restores the notebooks' pinned
# `#r "nuget: ..."` packages and makes TorchSharp's first native load from the NuGet cache.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start=$(date +%s)
dotnet build Course.sln
export PATH="$PATH:$HOME/.dotnet/tools"
dotnet tool list -g | grep -qi "dotnet-repl *0.3.259" || dotnet tool install -g dotnet-repl --version 0.3.259
mkdir -p artifacts
# dotnet-repl prints nothing without a terminal and exits 2 when a cell fails (DESIGN.md fact 6); the
# notebooks' relative #r paths resolve against the current folder, so run it from notebooks/ as VS Code does.
(cd notebooks && dotnet repl --run ../.devcontainer/warm-up.ipynb --exit-after-run --working-dir . --output-path ../artifacts/warm-up.ipynb)
dotnet run --no-build --project src/Course -- doctor
echo "Codespace warmed in $(( $(date +%s) - start )) s"
