#!/usr/bin/env bash
# Install step of action.yml: put the kontrak of this action's checkout (the tag the workflow
# pinned) into its own virtual environment, and name the executable in the step's outputs.
# Only installing reaches the network (the package index); validation later runs offline.
set -euo pipefail

: "${KONTRAK_ACTION_PATH:?}" "${KONTRAK_VENV:?}" "${GITHUB_OUTPUT:?}"
python="${KONTRAK_PYTHON:-}"
if [[ -z "$python" ]]; then
  python="$(command -v python3)"
fi

"$python" -m venv "$KONTRAK_VENV"
"$KONTRAK_VENV/bin/python" -m pip install --disable-pip-version-check --quiet "$KONTRAK_ACTION_PATH"
# The installed tool must find its contracts without this repository's checkout.
"$KONTRAK_VENV/bin/kontrak" list > /dev/null
echo "kontrak=$KONTRAK_VENV/bin/kontrak" >> "$GITHUB_OUTPUT"
