package dev.headroom.report;

import dev.headroom.core.stats.ElicitationReport;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static final RunReport RUN = Fixtures.run();
    private static final String HTML = HtmlReport.render(RUN);

    @Test
    void drawsEveryChartWithShapes() {
        Matcher charts = Pattern.compile("<svg class=\"chart\" id=\"([^\"]+)\".*?</svg>").matcher(HTML);
        int count = 0;
        while (charts.find()) {
            assertThat(charts.group()).as(charts.group(1)).containsPattern("<(circle|rect) ");
            count++;
        }
        assertThat(count).isEqualTo(4 + RUN.trends().size());
    }

    @Test
    void modelTableShowsEachHeadlineStatisticWithItsInterval() {
        ElicitationReport small = RUN.overall("small");
        assertThat(HTML).contains("data-model=\"small\" data-stat=\"plain\" data-scope=\"" + small.scope() + "\">"
                + Numbers.estimate(small.plain()) + " <span class=\"ci\">" + Numbers.interval(small.plain()));
        assertThat(HTML).contains("data-model=\"small\" data-stat=\"heldOutBest\" data-scope=\"" + small.scope()
                + "\">" + Numbers.estimate(small.heldOutBest()));
        assertThat(Numbers.interval(small.plain())).startsWith("[");
    }

    @Test
    void subjectTableHasARowPerModelAndSubject() {
        assertThat(Pattern.compile("data-stat=\"maxP\" data-scope=\"subject=t/history\"").matcher(HTML).results().count())
                .isEqualTo(2);
    }

    @Test
    void summaryTableShowsTheRestSummaryCounts() {
        RUN.summary().rows().forEach(row -> assertThat(HTML).contains("data-model=\"" + row.model()
                + "\" data-variant=\"" + row.variantId() + "\" data-stat=\"correct\">" + row.correct() + "<"));
    }

    @Test
    void isSelfContained() {
        // the SVG namespace is a name, not something fetched
        assertThat(HTML.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
                .doesNotContain("<script", "src=", "<link", "url(", "http");
    }

    @Test
    void methodsSayHowTheHeldOutBestIsChosen() {
        assertThat(HTML).contains("<dt>Held-out best</dt>").contains("scored on half B");
    }

    @Test
    void escapesNamesFromTheRun() {
        RunReport run = new RunReport("<run & co>", RUN.tasks(), RUN.summary(), RUN.models(), RUN.cards(),
                RUN.trends());
        assertThat(HtmlReport.render(run)).contains("&lt;run &amp; co&gt;").doesNotContain("<run &");
    }

    @Test
    void namesTheVariantsByTheirSummaryNames() {
        assertThat(HTML).contains(RUN.overall("small").bestVariantId() + "-name");
    }
}
