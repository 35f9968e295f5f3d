#!/usr/bin/env bash
# Submits the spark-submit jar to a real standalone Spark cluster (one Master, one Worker) started on
# loopback from the Spark jars Maven already fetched, scores the demo input, and checks that the
# scores equal those of the local run. Run from the repository root after `cx demo`:
#   bash jobs/spark-batch/cluster-check.sh
set -euo pipefail
root=$(pwd)
lib="$root/jobs/cli/target/lib"
job=$(ls "$root"/jobs/spark-batch/target/cx-spark-batch-*-job.jar)
[ -d "$lib" ] && [ -f "$job" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
[ -d out/input ] && [ -d out/warehouse/scores ] || { echo "run the demo first: java -jar jobs/cli/target/cx.jar demo" >&2; exit 2; }

home=$(mktemp -d)
ln -s "$lib" "$home/jars"
touch "$home/RELEASE" # tells Spark's launcher to take jars/ instead of looking for a source build
export SPARK_HOME="$home" SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$home"; }
trap cleanup EXIT

java -cp "$home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 17077 --webui-port 18080 > "$home/master.log" 2>&1 &
pids+=($!)
sleep 5
java -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 18081 --cores 2 --memory 2g \
  --work-dir "$home/work" spark://127.0.0.1:17077 > "$home/worker.log" 2>&1 &
pids+=($!)
sleep 5

out=$(mktemp -d)
java -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:17077 --deploy-mode client \
  --conf spark.driver.host=127.0.0.1 --conf spark.executor.memory=1g \
  --class io.cxscore.batch.BatchScoringMain "$job" --warehouse "$out/warehouse" out/input 2>&1 | grep -v ' INFO '

# Same rows as the local run? Compared with DuckDB, through the CLI's own classpath.
cat > "$home/Compare.java" <<JAVA
import java.sql.*;
public class Compare { public static void main(String[] a) throws Exception {
  try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
    String l = "read_parquet('" + a[0] + "/scores/*/*.parquet', hive_partitioning = true)";
    String r = "read_parquet('" + a[1] + "/scores/*/*.parquet', hive_partitioning = true)";
    ResultSet rs = s.executeQuery("select (select count(*) from " + l + "), (select count(*) from " + r + "),"
        + " (select count(*) from (select * from " + l + " except all select * from " + r + ")),"
        + " (select count(*) from (select * from " + r + " except all select * from " + l + "))");
    rs.next();
    System.out.printf("local rows %d, cluster rows %d, differing %d + %d%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
    if (rs.getLong(1) != rs.getLong(2) || rs.getLong(3) + rs.getLong(4) > 0) System.exit(1);
  }}}
JAVA
java -cp "$home/jars/*" "$home/Compare.java" "$root/out/warehouse" "$out/warehouse"
rm -rf "$out"
