#!/usr/bin/env bash
# Pin every dependency: runtime pins in requirements.lock, test tools in requirements-dev.lock.
set -euo pipefail
tmp=$(mktemp -d)
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --upgrade pip
"$tmp/venv/bin/pip" install --quiet -e .
"$tmp/venv/bin/pip" freeze --exclude-editable | grep -v '^tianping' > requirements.lock
"$tmp/venv/bin/pip" install --quiet -e '.[dev]'
"$tmp/venv/bin/pip" freeze --exclude-editable | grep -v '^tianping' \
  | grep -vxF -f requirements.lock > requirements-dev.lock
rm -rf "$tmp"
echo "requirements.lock: $(wc -l < requirements.lock) pins; requirements-dev.lock: $(wc -l < requirements-dev.lock) pins"
