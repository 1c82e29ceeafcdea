package dev.headroom.worker;

import dev.headroom.core.message.ModelCard;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import dev.headroom.testing.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ModelCardAnnouncerTest {

    @Test
    void announcesItsSimModelsCardOnACompactedTopic() throws Exception {
        List<KafkaTestClient.Record<ModelCard>> cards = KafkaTestClient.read("models", ModelCard.class, 1, Duration.ofSeconds(30));

        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).key()).isEqualTo("sim-oracle");
        ModelCard card = cards.get(0).value();
        assertThat(card.backend()).isEqualTo("sim");
        assertThat(card.family()).isEqualTo("sim-probe");
        assertThat(card.type()).isEqualTo("probe");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().broker().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "models");
            String policy = admin.describeConfigs(List.of(topic)).all().get().get(topic)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
