package io.cxscore.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code cx stream}: runs the Flink streaming job in a child JVM. This JVM carries Spark, whose Kryo 4
 * clashes with Flink's Kryo 5, so the job runs from its own shaded jar; every option not listed here
 * goes to the job unchanged.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Score conversations as they close, on Flink: message events or whole conversations from Kafka,"
                + " or cx-jsonl files dropped into a folder, into the same Parquet warehouse as `cx batch`, plus gap updates"
                + " to Kafka. Runs the flink-stream job jar in its own JVM; every other option goes to the job"
                + " (`cx stream --job-help` lists them), e.g.:",
                "  cx stream --brokers localhost:9092 --message-topic cx.message-events --warehouse out/warehouse"})
final class StreamCommand implements Callable<Integer> {
    @Option(names = "--job-jar", description = "The flink-stream job jar (default: $CX_STREAM_JAR, else"
            + " jobs/flink-stream/target/cx-flink-stream-*-job.jar beside this cx.jar's build).")
    Path jobJar;

    @Option(names = "--java-opts", defaultValue = "-Xmx2g", description = "JVM options for the job (default: ${DEFAULT-VALUE}).")
    String javaOpts;

    @Option(names = "--job-help", description = "Print the job's own options.")
    boolean jobHelp;

    @Unmatched
    List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path jar = jobJar != null ? jobJar : defaultJobJar();
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new UserFacingException("no flink-stream job jar" + (jar == null ? "" : " at " + jar)
                    + ": build it with `mvn -B -q -DskipTests package` or name it with --job-jar");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : javaOpts.trim().split("\\s+")) if (!o.isEmpty()) cmd.add(o);
        cmd.add("-jar");
        cmd.add(jar.toString());
        if (jobHelp) cmd.add("--help"); else cmd.addAll(jobArgs);
        Process job = new ProcessBuilder(cmd).inheritIO().start();
        // Ctrl-C reaches the child through the terminal; stop it too when this JVM is stopped otherwise
        Runtime.getRuntime().addShutdownHook(new Thread(job::destroy));
        return job.waitFor();
    }

    private static Path defaultJobJar() throws Exception {
        String env = System.getenv("CX_STREAM_JAR");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path cliJar = Path.of(StreamCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // jobs/cli/target/cx.jar -> jobs/flink-stream/target/
        Path target = cliJar.getParent().resolve(".." + File.separator + ".." + File.separator + "flink-stream" + File.separator + "target").normalize();
        if (!Files.isDirectory(target)) return null;
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> p.getFileName().toString().matches("cx-flink-stream-.*-job\\.jar")).findFirst().orElse(null);
        }
    }
}
