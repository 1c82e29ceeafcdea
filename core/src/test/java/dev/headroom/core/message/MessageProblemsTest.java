package dev.headroom.core.message;

import dev.headroom.core.variant.Variant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageProblemsTest {

    private static final TaskHeader HEADER = new TaskHeader("t1", "r", "m", "b/s/test/1", "b", "s", Variant.PLAIN,
            List.of("a", "b"), List.of("A", "B"), List.of(0, 1), 0);

    @Test
    void aWellFormedTaskForTheServedModelHasNoProblem() {
        assertThat(MessageProblems.ofPrompt(new PromptTask(Messages.SCHEMA_VERSION, HEADER, "Q?", List.of()), "m")).isEmpty();
    }

    @Test
    void anotherSchemaVersionIsAProblemNamingBothVersions() {
        assertThat(MessageProblems.ofPrompt(new PromptTask(7, HEADER, "Q?", List.of()), "m"))
                .contains("schema version 7, this consumer reads 1");
    }

    @Test
    void aTaskForAnotherModelIsAnUnknownModel() {
        assertThat(MessageProblems.ofPrompt(new PromptTask(Messages.SCHEMA_VERSION, HEADER, "Q?", List.of()), "other"))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("unknown model 'm'"));
    }

    @Test
    void aScoreWithoutAHeaderIsAProblem() {
        assertThat(MessageProblems.ofScore(new Score(Messages.SCHEMA_VERSION, null, Outcome.CORRECT, 0, null, null)))
                .contains("no task header with a task id");
    }

    @Test
    void aGoldIndexOutsideTheOptionsIsAProblem() {
        TaskHeader outside = new TaskHeader("t1", "r", "m", "b/s/test/1", "b", "s", Variant.PLAIN,
                List.of("a", "b"), List.of("A", "B"), List.of(0, 1), 2);
        assertThat(MessageProblems.ofItem(outside)).contains("the gold index 2 is not one of the 2 options");
    }

    @Test
    void aHeaderWithoutAnItemIdIsAProblem() {
        TaskHeader noItem = new TaskHeader("t1", "r", "m", null, "b", "s", Variant.PLAIN,
                List.of("a", "b"), List.of("A", "B"), List.of(0, 1), 0);
        assertThat(MessageProblems.ofItem(noItem)).contains("the task header has no item id");
    }
}
