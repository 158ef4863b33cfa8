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

# A job that validates several datasets uses the action several times: install once per action
# checkout (a different tag of the action is a different checkout, and is installed again).
marker="$KONTRAK_VENV/kontrak-action-path"
if [[ ! -x "$KONTRAK_VENV/bin/kontrak" || "$(cat "$marker" 2> /dev/null)" != "$KONTRAK_ACTION_PATH" ]]; then
  "$python" -m venv "$KONTRAK_VENV"
  "$KONTRAK_VENV/bin/python" -m pip install --disable-pip-version-check --quiet "$KONTRAK_ACTION_PATH"
  echo "$KONTRAK_ACTION_PATH" > "$marker"
fi
# The installed tool must find its contracts without this repository's checkout.
"$KONTRAK_VENV/bin/kontrak" list > /dev/null
echo "kontrak=$KONTRAK_VENV/bin/kontrak" >> "$GITHUB_OUTPUT"
