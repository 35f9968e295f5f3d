package io.cxscore.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes staged partitions into the warehouse so that readers see each day partition either as it
 * was or as it is now, never half-written.
 *
 * <p>Spark writes a run's partitions under {@code _staging/<run>/}, a folder no reader looks in. Then
 * a commit file listing every move is written, and each {@code day=} folder is swapped in with two
 * renames (old one out to {@code _trash/<run>/}, new one in). A crash before the commit file exists
 * leaves only staging to delete; a crash after it is rolled forward by {@link #recover} at the start of
 * the next run. Directory rename is atomic on local and HDFS file systems; on object stores that
 * emulate rename by copying it is not, which is why the cluster notes in the README say HDFS.
 */
final class PartitionSwap {
    static final String STAGING = "_staging";
    static final String TRASH = "_trash";
    static final String COMMIT = "_COMMIT";

    private final FileSystem fs;
    private final Path root;

    PartitionSwap(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    Path staging(String runId) {
        return new Path(new Path(root, STAGING), runId);
    }

    /** Swaps every staged {@code <table>/day=*} folder of the run into place. */
    int commit(String runId, List<String> tables) throws IOException {
        Path stage = staging(runId);
        List<String[]> moves = new ArrayList<>();
        for (String table : tables) {
            Path staged = new Path(stage, table);
            if (!fs.exists(staged)) continue;
            for (FileStatus st : fs.listStatus(staged)) {
                String name = st.getPath().getName();
                if (st.isDirectory() && name.startsWith("day=")) moves.add(new String[] {table, name});
            }
        }
        try (OutputStream out = fs.create(new Path(stage, COMMIT), true)) {
            for (String[] m : moves) out.write((m[0] + "/" + m[1] + "\n").getBytes(StandardCharsets.UTF_8));
        }
        rollForward(runId, moves);
        return moves.size();
    }

    private void rollForward(String runId, List<String[]> moves) throws IOException {
        Path stage = staging(runId);
        Path trash = new Path(new Path(root, TRASH), runId);
        for (String[] m : moves) {
            Path from = new Path(new Path(stage, m[0]), m[1]);
            if (!fs.exists(from)) continue; // already moved before a crash
            Path target = new Path(new Path(root, m[0]), m[1]);
            fs.mkdirs(target.getParent());
            if (fs.exists(target)) {
                Path old = new Path(new Path(trash, m[0]), m[1]);
                fs.mkdirs(old.getParent());
                if (!fs.rename(target, old)) throw new IOException("could not move " + target + " aside");
            }
            if (!fs.rename(from, target)) throw new IOException("could not move " + from + " into place");
        }
        fs.delete(trash, true);
        fs.delete(stage, true);
        removeIfEmpty(new Path(root, STAGING));
        removeIfEmpty(new Path(root, TRASH));
    }

    private void removeIfEmpty(Path dir) throws IOException {
        if (fs.exists(dir) && fs.listStatus(dir).length == 0) fs.delete(dir, false);
    }

    /** Finishes runs that crashed mid-commit and removes the leftovers of runs that crashed before it. */
    int recover() throws IOException {
        Path stagingRoot = new Path(root, STAGING);
        int finished = 0;
        if (fs.exists(stagingRoot)) {
            for (FileStatus run : fs.listStatus(stagingRoot)) {
                String runId = run.getPath().getName();
                Path commit = new Path(run.getPath(), COMMIT);
                if (fs.exists(commit)) {
                    List<String[]> moves = new ArrayList<>();
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            int slash = line.indexOf('/');
                            if (slash > 0) moves.add(new String[] {line.substring(0, slash), line.substring(slash + 1)});
                        }
                    }
                    rollForward(runId, moves);
                    finished++;
                } else {
                    fs.delete(run.getPath(), true);
                }
            }
        }
        fs.delete(new Path(root, TRASH), true);
        return finished;
    }
}
