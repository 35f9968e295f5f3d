#!/usr/bin/env bash
# Scripted check: the shaded job jar runs on a standalone Flink session cluster (one JobManager, one
# TaskManager) started locally from Flink's own jars on Maven Central, submitted with Flink's own CLI.
#
# flink-dist 2.1.3 (the distribution's single jar) is not on Maven Central, so the cluster's classpath is
# Flink's runtime, client and connector jars as this module resolves them (flink-runtime carries the
# StandaloneSessionClusterEntrypoint and TaskManagerRunner; flink-clients carries CliFrontend, i.e. `flink run`),
# without our code: the job's classes reach the cluster only inside the submitted jar.
#
# Usage (from the repository root, after `mvn -B -q -DskipTests package`): jobs/flink-stream/cluster-check.sh
# Prints PASS and exits 0 when the submitted job scored the dropped file into the warehouse.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(ls jobs/flink-stream/target/cx-flink-stream-*-job.jar)
work=$(mktemp -d /tmp/cx-flink-cluster.XXXXXX)
mkdir -p "$work/conf" "$work/watch" "$work/log"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

mvn -B -q -o -pl jobs/flink-stream dependency:build-classpath -Dmdep.outputFile="$work/flink.classpath" \
  -Dmdep.includeScope=runtime -Dmdep.excludeGroupIds=io.cxscore,org.apache.parquet,org.apache.hadoop,org.apache.hadoop.thirdparty >/dev/null
cp="$(cat "$work/flink.classpath")"
rest_port=$((18000 + RANDOM % 1000))
cat > "$work/conf/config.yaml" <<YAML
jobmanager:
  rpc: {address: 127.0.0.1, port: $((rest_port + 1000))}
  bind-host: 127.0.0.1
  memory: {process: {size: 1024m}}
# Flink's start scripts compute the TaskManager's resources (BashJavaUtils); started without them, it needs
# every one of them spelled out
taskmanager:
  bind-host: 127.0.0.1
  host: 127.0.0.1
  numberOfTaskSlots: 2
  cpu: {cores: 2}
  memory:
    framework: {heap: {size: 128m}, off-heap: {size: 128m}}
    task: {heap: {size: 768m}, off-heap: {size: 0m}}
    network: {min: 64m, max: 64m}
    managed: {size: 128m}
    jvm-metaspace: {size: 256m}
    jvm-overhead: {min: 192m, max: 192m}
rest: {address: 127.0.0.1, port: $rest_port, bind-address: 127.0.0.1}
parallelism: {default: 1}
YAML
cat > "$work/conf/log4j.properties" <<'LOG'
rootLogger.level = WARN
rootLogger.appenderRef.file.ref = file
appender.file.type = File
appender.file.name = file
appender.file.fileName = ${sys:log.file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d %-5p %c{1} - %m%n
LOG
export FLINK_CONF_DIR="$work/conf"
# what Flink's scripts pass as env.java.opts.all on Java 17
opens="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"
flink_java() { local log=$1; shift; java -Xmx768m $opens -Dlog.file="$work/log/$log.log" \
  -Dlog4j.configurationFile="$work/conf/log4j.properties" -cp "$cp" "$@"; }

echo "[cluster] JobManager and TaskManager from Maven Central jars, REST on 127.0.0.1:$rest_port (work: $work)"
flink_java jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$work/conf" \
  > "$work/log/jobmanager.out" 2>&1 & pids+=($!)
flink_java taskmanager org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$work/conf" \
  > "$work/log/taskmanager.out" 2>&1 & pids+=($!)
for _ in $(seq 1 90); do
  if curl -sf "http://127.0.0.1:$rest_port/taskmanagers" | grep -q '"slotsNumber":2'; then break; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$rest_port/taskmanagers" | grep -q '"slotsNumber":2' || { echo "[cluster] FAIL: no TaskManager registered"; tail -n 20 "$work"/log/*.log; exit 1; }
echo "[cluster] TaskManager registered"

# a small export to drop into the watched folder, from the demo generator in the job jar
java -cp "$jar" io.cxscore.stream.tools.DemoExport "$work/export" 1 40

echo "[cluster] submitting $jar with Flink's CLI (flink run -d)"
flink_java client org.apache.flink.client.cli.CliFrontend run -d -m "127.0.0.1:$rest_port" -c io.cxscore.stream.StreamJobMain "$jar" \
  --watch "$work/watch" --watch-interval 1s --warehouse "$work/warehouse" --checkpoints "$work/checkpoints" \
  --checkpoint-interval 1s --gap-topic "" --team-cx-topic "" | tee "$work/log/submit.out"
job_id=$(grep -o 'JobID [0-9a-f]*' "$work/log/submit.out" | awk '{print $2}')
[ -n "$job_id" ] || { echo "[cluster] FAIL: no job id from flink run"; exit 1; }
mv "$work/export"/*.jsonl "$work/watch/"
expected=$(cat "$work/watch"/*.jsonl | grep -c .)

for _ in $(seq 1 90); do
  rows=$(java -cp "$jar" io.cxscore.stream.tools.WarehouseCount "$work/warehouse" 2>/dev/null || echo 0)
  [ "$rows" -ge "$expected" ] && break
  sleep 1
done
state=$(curl -sf "http://127.0.0.1:$rest_port/jobs/$job_id" | grep -o '"state":"[A-Z]*"' | head -1)
echo "[cluster] job $job_id $state; lines dropped $expected, scores + quarantine rows committed $rows"
curl -sf -X PATCH "http://127.0.0.1:$rest_port/jobs/$job_id?mode=cancel" >/dev/null || true
if [ "$rows" -eq "$expected" ]; then echo "[cluster] PASS"; else echo "[cluster] FAIL"; exit 1; fi
