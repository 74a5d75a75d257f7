#!/usr/bin/env bash
# Installs what the Spark program (spark/) needs, only when something is missing: Java 17 from
# Debian's packages, and a venv at spark/.venv with the pinned pyspark from spark/requirements.txt.
# Prints the venv's python on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Spark 4 runs on Java 17 or newer.
java_major=$(java -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p' || true)
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  if ! dpkg-query -W -f='${Status}' openjdk-17-jre-headless 2>/dev/null | grep -q "install ok installed"; then
    echo "Installing system packages: openjdk-17-jre-headless" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
      echo "error: need root (or sudo) to install openjdk-17-jre-headless" >&2; exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
  fi
fi

venv=spark/.venv
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s spark/requirements.txt "$stamp"; then
  echo "Installing pyspark into $venv" >&2
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r spark/requirements.txt >&2
  cp spark/requirements.txt "$stamp"
fi
echo "$PWD/$venv/bin/python"
