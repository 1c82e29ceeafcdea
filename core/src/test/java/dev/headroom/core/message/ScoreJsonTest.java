package dev.headroom.core.message;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.core.variant.Variant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scores topic's JSON contract across versions of the scorer. */
class ScoreJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final TaskHeader HEADER = new TaskHeader("t1", "r", "m", "b/s/test/1", "b", "s", Variant.PLAIN,
            List.of("a", "b"), List.of("A", "B"), List.of(0, 1), 0);

    @Test
    void aScoreWrittenBeforeCostsWereCarriedReadsWithoutACostAndWithoutAProblem() throws Exception {
        String withCost = json.writeValueAsString(
                new Score(Messages.SCHEMA_VERSION, HEADER, Outcome.CORRECT, 0, 0.9, 0.002));
        String withoutCost = json.writeValueAsString(((ObjectNode) json.readTree(withCost)).without("costUsd"));

        Score old = json.readValue(withoutCost, Score.class);

        assertThat(old.costUsd()).isNull();
        assertThat(old.goldProbability()).isEqualTo(0.9);
        assertThat(MessageProblems.ofScore(old)).isEmpty();
    }

    @Test
    void aScoreKeepsItsCostThroughJson() throws Exception {
        Score score = new Score(Messages.SCHEMA_VERSION, HEADER, Outcome.INCORRECT, 1, null, 0.002);

        assertThat(json.readValue(json.writeValueAsString(score), Score.class)).isEqualTo(score);
    }
}
