package io.cxscore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium run headless on a local file, with the flags from shared/notes/stack.md §10: no
 * sandbox (CI runs as root), no GPU, and nothing that phones home, so a page that tries to reach the
 * network shows it instead of silently loading. {@code CX_CHROMIUM} names another binary.
 */
final class Chromium {
    record Run(int exitCode, String stdout, String stderr) {
        /** Console messages Chromium logs with --enable-logging=stderr; a script-free page has none. */
        List<String> consoleMessages() {
            return stderr.lines().filter(line -> line.contains(":CONSOLE")).toList();
        }
    }

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    static Optional<Chromium> find() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("CX_CHROMIUM");
        if (configured != null && !configured.isBlank()) candidates.add(configured);
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                candidates.add(Path.of(dir, name).toString());
            }
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().map(Chromium::new);
    }

    Run dumpDom(Path html, Path profile) throws IOException, InterruptedException {
        return run(profile, List.of("--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString()));
    }

    Run screenshot(Path html, Path png, int width, int height, Path profile) throws IOException, InterruptedException {
        return run(profile, List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()));
    }

    private Run run(Path profile, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(arguments);
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
