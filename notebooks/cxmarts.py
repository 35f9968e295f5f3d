"""Read-only access to the CX marts for the notebooks.

Debian ships no DuckDB for Python, so queries go through the project's own `cx query` command, which
opens the DuckDB file read-only (DuckDB refuses any statement that would write) and prints CSV.

Environment:
  CX_DB   the DuckDB file to read (default: out/cx.duckdb at the repository root)
  CX_JAR  the cx command's jar (default: jobs/cli/target/cx.jar, built by `mvn package`)
"""
import io
import os
import subprocess
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
DATABASE = Path(os.environ.get("CX_DB", REPO / "out" / "cx.duckdb"))
CX_JAR = Path(os.environ.get("CX_JAR", REPO / "jobs" / "cli" / "target" / "cx.jar"))


def query(sql, dates=()):
    """Runs one SQL query on the marts and returns the rows as a DataFrame; `dates` names date columns."""
    if not DATABASE.is_file():
        raise FileNotFoundError(f"no warehouse at {DATABASE}: run `java -jar {CX_JAR} demo` or set CX_DB")
    if not CX_JAR.is_file():
        raise FileNotFoundError(f"no {CX_JAR}: run `mvn -B -q -DskipTests package` or set CX_JAR")
    run = subprocess.run(["java", "-jar", str(CX_JAR), "query", "--db", str(DATABASE), sql],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip() or f"cx query exited with {run.returncode}")
    return pd.read_csv(io.StringIO(run.stdout), parse_dates=list(dates), keep_default_na=False,
                       na_values=[""])


def tables():
    """The tables in the warehouse file, so a notebook can tell which marts this build has."""
    return query("select table_name from information_schema.tables order by table_name")["table_name"].tolist()
