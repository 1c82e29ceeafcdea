package dev.headroom.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points a Quarkus service under test at the shared real broker and database. */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        return Map.of(
                "kafka.bootstrap.servers", infrastructure.broker().bootstrapServers(),
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(),
                "quarkus.datasource.username", infrastructure.database().user(),
                "quarkus.datasource.password", infrastructure.database().password());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by TestInfrastructure when the JVM exits
    }
}
