package dev.headroom.worker;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The test profile serves sim-oracle, which always answers the gold label: every completion is checkable. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class PromptAnswererTest {

    @Test
    void answersEveryPromptOfItsModelsTopicOnceAsSim() {
        List<Item> items = IntStream.range(0, 10).mapToObj(row -> new Item("t/geo/test/" + row, "t", "geo", "test",
                "Question " + row, List.of("w", "x", "y", "z"), row % 4)).toList();
        RunSpec spec = new RunSpec("r", "t", null, null, null, List.of(VariantPresets.named("lower-shuffled")),
                List.of("sim-oracle"));
        Map<String, PromptTask> tasks = new LinkedHashMap<>();
        RunPlanner.tasks("r", spec, items, Map.of()).forEach(task -> tasks.put(task.header().taskId(), task));

        KafkaTestClient.send("prompts.sim-oracle", tasks);
        List<KafkaTestClient.Record<Completion>> completions =
                KafkaTestClient.read("completions", Completion.class, tasks.size(), Duration.ofSeconds(30));

        assertThat(completions).hasSize(tasks.size()).allSatisfy(record -> {
            Completion completion = record.value();
            assertThat(record.key()).isEqualTo(completion.header().taskId());
            assertThat(completion.backend()).isEqualTo("sim");
            assertThat(completion.text()).isEqualTo(" " + completion.header().labels().get(completion.header().goldPosition()));
        });
        assertThat(completions.stream().map(KafkaTestClient.Record::key)).containsExactlyInAnyOrderElementsOf(tasks.keySet());
    }
}
