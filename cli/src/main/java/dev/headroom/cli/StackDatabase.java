package dev.headroom.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the local stack's database directly, for reports and tests that count rows. */
final class StackDatabase {

    private StackDatabase() {
    }

    /** The first column of every row, as text. */
    static List<String> column(LocalStack stack, String sql) throws SQLException {
        var database = stack.database();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
