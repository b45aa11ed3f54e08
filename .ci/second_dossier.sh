#!/usr/bin/env bash
# The engine's tests against a second dossier: a copy of the repository whose claims.yaml and
# content/ are replaced by the made-up dossier of tests/fixtures/second (as a second newsroom
# would start), then `dossier check` and the tests that read the dossier at the root of the
# repository. They pass as with the first dossier: none of them knows its facts.
#   .ci/second_dossier.sh [PYTEST_ARGS...]       (after `make setup`; VENV_BIN: other tools)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
bin="${VENV_BIN:-$repo/.venv/bin}"
second="tests/fixtures/second"
# The tests that read the root's claims.yaml, content/ and mkdocs.yml (the others use fixture
# dossiers of their own). Not here: tests/dossier (the first dossier's facts), the browser
# tests, and the tests of this repository's README and errors page.
tests=(
  tests/adapter/test_properdocs.py::test_properdocs_builds_the_dossier_as_mkdocs_does
  "tests/adapter/test_same_site_options.py::test_the_same_site_either_way[dossier-search-view]"
  "tests/adapter/test_same_site_options.py::test_the_same_site_either_way[dossier-background-charts]"
  "tests/hardening/test_links.py::test_every_internal_address_leads_to_a_file[dossier]"
  "tests/hardening/test_links.py::test_every_anchor_exists_in_its_page[dossier]"
  "tests/hardening/test_links.py::test_every_other_address_is_http_https_or_mailto[dossier]"
  "tests/hardening/test_links.py::test_every_page_is_reachable_from_the_home_page[dossier]"
  tests/hardening/test_reproducible.py
  tests/hardening/test_fuzz_validate.py::test_mutations_of_the_real_dossier_never_raise
  tests/hardening/test_fuzz_pipeline.py::test_the_real_dossier_passes_the_pipeline
  tests/hardening/test_fuzz_pipeline.py::test_mutations_of_the_real_dossier_never_raise
  tests/editors/test_cli_new_claim.py::test_on_the_dossier_itself
)
work="$(mktemp -d "${TMPDIR:-/tmp}/second-dossier.XXXXXX")"
trap 'rm -rf "$work"' EXIT
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work"
rm -rf "$work/claims.yaml" "$work/content"
cp -R "$second/claims.yaml" "$second/content" "$work/"
cd "$work"
export NO_MKDOCS_2_WARNING=1 PYTHONPATH="$work"
export DOSSIER_SNAPSHOTS="$work/$second/snapshots"
"$bin/dossier" check
"$bin/pytest" -q -p no:cacheprovider "${@:-${tests[@]}}"
