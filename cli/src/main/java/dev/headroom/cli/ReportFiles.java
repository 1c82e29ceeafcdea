package dev.headroom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's report, as the aggregator renders it, into a directory: {@code <run>.html} and {@code <run>.md}. */
final class ReportFiles {

    private ReportFiles() {
    }

    /** The HTML file first, then the Markdown file. */
    static List<Path> write(HeadroomClient client, String runId, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path html = dir.resolve(runId + ".html");
        Path markdown = dir.resolve(runId + ".md");
        Files.writeString(html, client.report(runId, "html"));
        Files.writeString(markdown, client.report(runId, "md"));
        return List.of(html.toAbsolutePath(), markdown.toAbsolutePath());
    }
}
