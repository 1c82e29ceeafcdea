package dev.headroom.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceBenchTest {

    @Test
    void writingTheTableReplacesOnlyTheSectionBetweenTheMarkers() {
        String document = "# Benchmarks\n\nbefore\n" + PerformanceBench.BEGIN + "\nold table\n" + PerformanceBench.END
                + "\nafter\n";

        String written = PerformanceBench.withSection(document, "new table\n");

        assertThat(written).isEqualTo("# Benchmarks\n\nbefore\n" + PerformanceBench.BEGIN + "\nnew table\n"
                + PerformanceBench.END + "\nafter\n");
        assertThat(PerformanceBench.withSection(written, "new table\n")).isEqualTo(written);
    }

    @Test
    void aDocumentWithoutMarkersGetsTheSectionAtItsEnd() {
        assertThat(PerformanceBench.withSection("# Benchmarks\n", "table\n"))
                .isEqualTo("# Benchmarks\n\n" + PerformanceBench.BEGIN + "\ntable\n" + PerformanceBench.END + "\n");
    }
}
