package dev.headroom.report;

import dev.headroom.core.stats.ElicitationReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private static final RunReport RUN = Fixtures.run();
    private static final String MARKDOWN = MarkdownReport.render(RUN);

    @Test
    void modelRowStartsWithPlainHeldOutBestAndMaxPWithIntervals() {
        ElicitationReport large = RUN.overall("large");
        assertThat(MARKDOWN).contains("| large | instruct | 8 | 3 | " + Numbers.estimate(large.plain()) + " "
                + Numbers.interval(large.plain()) + " | " + Numbers.estimate(large.heldOutBest()) + " "
                + Numbers.interval(large.heldOutBest()) + " | " + Numbers.estimate(large.maxP()));
    }

    @Test
    void countsTheDeadLettersOfEachModel() {
        assertThat(MARKDOWN).containsPattern("\\| small \\| base \\|[^\\n]* \\| 2 \\| ");
    }

    @Test
    void saysWhyATrendHasNoFit() {
        assertThat(MARKDOWN).contains("- gap: large (instruct, 7.00B) ")
                .contains("No fit: a trend with 3 coefficients needs more than 3 models, got 2.");
    }

    @Test
    void listsEverySummaryRow() {
        RUN.summary().rows().forEach(row -> assertThat(MARKDOWN).contains("| " + row.model() + " | "
                + row.variantName() + " | " + row.items() + " | " + row.correct() + " | "));
    }

    @Test
    void endsWithTheMethods() {
        assertThat(MARKDOWN).contains("## Methods").contains("- **Elicitation gap**: held-out best − plain");
    }
}
