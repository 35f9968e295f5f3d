package io.cxscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {
    @Test
    void should_render_every_commands_help_without_picocli_warnings() {
        // given: picocli reports a bad format string (a lone '%') on System.err, then prints the raw text
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        CommandLine cx = Cx.commandLine();

        // when
        StringBuilder help = new StringBuilder(cx.getUsageMessage());
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (Map.Entry<String, CommandLine> sub : cx.getSubcommands().entrySet()) help.append(sub.getValue().getUsageMessage());
        } finally {
            System.setErr(stderr);
        }

        // then
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(help.toString()).contains("with 95% bootstrap intervals.").doesNotContain("%n");
    }
}
