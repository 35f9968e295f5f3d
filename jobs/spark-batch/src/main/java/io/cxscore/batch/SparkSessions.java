package io.cxscore.batch;

import org.apache.spark.sql.SparkSession;

/** The Spark session the job wants: local by default, or whatever master spark-submit supplies. */
public final class SparkSessions {
    private SparkSessions() {}

    public static SparkSession create(String appName) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
                .config("spark.hadoop.parquet.summary.metadata.level", "NONE")
                // no .crc side files: DuckDB, Superset and people browsing the warehouse see only Parquet
                .config("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem")
                .config("spark.sql.adaptive.enabled", "true");
        if (System.getProperty("spark.master") == null && System.getenv("SPARK_MASTER") == null) {
            // no spark-submit: run in this JVM, bound to loopback (the machine's hostname may not resolve)
            b.master("local[*]")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "8");
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
