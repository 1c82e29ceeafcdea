package dev.headroom.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void createdDatabaseAnswersQueries() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            database.createDatabase("headroom");
            database.createDatabase("headroom");

            try (Connection connection = DriverManager.getConnection(
                            database.jdbcUrl("headroom"), database.user(), database.password());
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("select 1")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(1);
            }
        }
    }
}
