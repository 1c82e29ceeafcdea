package dev.headroom.aggregator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.ModelCard;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** The latest card of every model, from the compacted topic models: size and type for the trends across models. */
@ApplicationScoped
public class ModelCards {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** A card already stored as it is changes nothing, not even its time: replaying the topic leaves the table as it was. */
    @Incoming("models")
    @Blocking
    public void announced(ModelCard card) throws SQLException, JsonProcessingException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO models AS m (name, card) VALUES (?, ?::jsonb)
                     ON CONFLICT (name) DO UPDATE SET card = EXCLUDED.card, announced_at = now()
                         WHERE m.card IS DISTINCT FROM EXCLUDED.card""")) {
            upsert.setString(1, card.name());
            upsert.setString(2, json.writeValueAsString(card));
            upsert.executeUpdate();
        }
    }

    /** Every card by model name. */
    public Map<String, ModelCard> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT name, card::text FROM models");
             ResultSet rows = query.executeQuery()) {
            Map<String, ModelCard> cards = new TreeMap<>();
            while (rows.next()) {
                cards.put(rows.getString(1), json.readValue(rows.getString(2), ModelCard.class));
            }
            return cards;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading the model cards failed", e);
        }
    }
}
