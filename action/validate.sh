#!/usr/bin/env bash
# Validation step of action.yml: one `kontrak validate` run writes every report format asked for
# (`--report FORMAT=FILE`), annotates the pull request (`--format github`) and writes the text
# report for the job summary, so a national-scale export is read once.
# The step fails with kontrak's exit code: 1 violations, 2 usage error or unreadable input.
set -euo pipefail

: "${KONTRAK:?}" "${INPUT_PATH:?input 'path' is required}" "${GITHUB_OUTPUT:?}"
report_dir="${INPUT_REPORT_DIR:-kontrak-reports}"
mkdir -p "$report_dir"

target=()
if [[ -n "${INPUT_DATASET:-}" ]]; then
  target=("${INPUT_DATASET}${INPUT_VERSION:+@${INPUT_VERSION}}")
elif [[ -n "${INPUT_VERSION:-}" ]]; then
  echo "::error title=kontrak::input 'version' needs input 'dataset'"
  exit 2
fi

# Expand each line of `path` as a glob (** included); a pattern that matches nothing is passed as
# it is, so that kontrak reports the missing file (exit 2) instead of silently checking nothing.
shopt -s nullglob globstar
paths=()
while IFS= read -r pattern || [[ -n "$pattern" ]]; do
  pattern="${pattern#"${pattern%%[![:space:]]*}"}"
  pattern="${pattern%"${pattern##*[![:space:]]}"}"
  [[ -z "$pattern" ]] && continue
  IFS=$'\n' read -r -d '' -a matches < <(compgen -G "$pattern" | sort; printf '\0') || true
  if ((${#matches[@]} == 0)); then
    matches=("$pattern")
  fi
  paths+=("${matches[@]}")
done <<< "$INPUT_PATH"
if ((${#paths[@]} == 0)); then
  echo "::error title=kontrak::input 'path' names no file"
  exit 2
fi

common=(--fail-on "${INPUT_FAIL_ON:-error}" --lang "${INPUT_LANG:-id}")
# a national export with one systematic mistake has millions of violations: the reports list the
# first ones (code scanning takes at most 25,000 SARIF results) and count them all
if [[ -n "${INPUT_MAX_ERRORS:-}" ]]; then
  common+=(--max-errors "$INPUT_MAX_ERRORS")
fi
extension_of() {
  case "$1" in
    junit) echo xml ;;
    text) echo txt ;;
    *) echo "$1" ;;
  esac
}

reports=()
IFS=',' read -r -a formats <<< "${INPUT_FORMAT:-junit,sarif}"
for format in "${formats[@]}"; do
  format="${format//[[:space:]]/}"
  [[ -z "$format" ]] && continue
  report="$report_dir/kontrak.$(extension_of "$format")"
  reports+=(--report "$format=$report")
  echo "$format=$report" >> "$GITHUB_OUTPUT"
done

summary=""
if [[ "${INPUT_SUMMARY:-true}" == "true" && -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  summary="$report_dir/kontrak-summary.txt"
  reports+=(--report "text=$summary")
fi

# the log shows the annotations, or the text report when annotations are off
main_format=text
if [[ "${INPUT_ANNOTATE:-true}" == "true" ]]; then
  main_format=github
fi

status=0
"$KONTRAK" validate "${target[@]}" "${paths[@]}" "${common[@]}" --format "$main_format" \
  "${reports[@]}" || status=$?

if [[ -n "$summary" ]]; then
  {
    echo "### kontrak validate"
    echo
    echo '```text'
    cat "$summary" 2> /dev/null || true
    echo '```'
  } >> "$GITHUB_STEP_SUMMARY"
fi

echo "report-dir=$report_dir" >> "$GITHUB_OUTPUT"
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
exit "$status"
