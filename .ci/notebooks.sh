#!/usr/bin/env bash
# Executes every notebook in notebooks/ headlessly against a small demo warehouse, so they cannot rot.
# Run after `mvn -B verify`, which builds jobs/cli/target/cx.jar (the notebooks query the marts
# through `cx query`, read-only). The committed notebooks are never modified: executed copies go to
# target/notebooks/executed/. Any cell that raises fails this script.
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/jupyter.sh

jar="$PWD/jobs/cli/target/cx.jar"
if [ ! -f "$jar" ]; then
    echo "ci: notebooks: $jar is missing: run mvn -B verify (or package) first" >&2
    exit 1
fi

work="$PWD/target/notebooks"
rm -rf "$work"
mkdir -p "$work"
echo "ci: notebooks: building a demo warehouse in $work/demo"
java -jar "$jar" demo --out "$work/demo" --days 9 --per-day 30 --project warehouse >"$work/demo.log" 2>&1 \
    || { cat "$work/demo.log" >&2; exit 1; }

export CX_DB="$work/demo/cx.duckdb" CX_JAR="$jar"
# Debian's python3 has ipykernel, pandas and matplotlib; a pyenv or venv python3 earlier on PATH may not
export PATH="/usr/bin:$PATH"
# ipykernel's debugger otherwise warns about frozen modules on every start
export PYDEVD_DISABLE_FILE_VALIDATION=1
notebooks=(notebooks/*.ipynb)
jupyter-nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
    --ExecutePreprocessor.kernel_name=python3 --output-dir "$work/executed" "${notebooks[@]}"
# a chart that silently failed to draw leaves no image: every notebook that shows figures must have them
/usr/bin/python3 - "$work/executed" "${notebooks[@]}" <<'PY'
import json, pathlib, sys
executed = pathlib.Path(sys.argv[1])
for source in sys.argv[2:]:
    cells = json.loads((executed / pathlib.Path(source).name).read_text())["cells"]
    shows = sum("plt.show()" in "".join(c["source"]) for c in cells if c["cell_type"] == "code")
    images = sum("image/png" in o.get("data", {}) for c in cells for o in c.get("outputs", []))
    print(f"ci: notebooks: {source}: {images} figure(s)")
    if images < shows:
        sys.exit(f"ci: notebooks: {source} calls plt.show() {shows} time(s) but has {images} figure(s)")
PY
echo "ci: notebooks: executed all ${#notebooks[@]} notebooks against the demo warehouse without error"
