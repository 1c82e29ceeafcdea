package dev.headroom.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.ModelCard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The models table: every card announced on the models topic, kept so a restarted generator still knows them. */
@ApplicationScoped
public class ModelDirectory {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    public void remember(ModelCard card) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO models (name, card) VALUES (?, ?::jsonb)
                     ON CONFLICT (name) DO UPDATE SET card = EXCLUDED.card, announced_at = now()""")) {
            upsert.setString(1, card.name());
            upsert.setString(2, json.writeValueAsString(card));
            upsert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("remembering model " + card.name() + " failed", e);
        }
    }

    public List<ModelCard> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT card::text FROM models ORDER BY name");
             ResultSet rows = query.executeQuery()) {
            List<ModelCard> cards = new ArrayList<>();
            while (rows.next()) {
                cards.add(json.readValue(rows.getString(1), ModelCard.class));
            }
            return cards;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading models failed", e);
        }
    }
}
