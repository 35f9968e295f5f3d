#!/usr/bin/env bash
# Installs what notebooks/run.sh needs to execute the notebooks headlessly: Jupyter's nbconvert and the
# Python kernel from Debian, with pandas and matplotlib for tables and charts. The notebooks read DuckDB
# through `cx query` (the project's own read-only JDBC connection), because Debian ships no DuckDB for
# Python and PyPI is out of reach. --no-install-recommends keeps LaTeX and pandoc (nbconvert's PDF
# export, unused here) off the machine.
set -euo pipefail

if /usr/bin/python3 -c 'import nbconvert, ipykernel, pandas, matplotlib' 2>/dev/null \
        && command -v jupyter-nbconvert >/dev/null 2>&1; then
    echo "ci: jupyter: nbconvert, ipykernel, pandas and matplotlib already installed"
    exit 0
fi
echo "ci: jupyter: installing jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib"
apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib >/dev/null
/usr/bin/python3 -c 'import nbconvert, ipykernel, pandas, matplotlib'
echo "ci: jupyter: ready"
