package dev.headroom.core.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shipped ladder of sim profiles ({@code ladder.yaml}), by name. */
public final class SimProfiles {

    private static final Map<String, SimProfile> LADDER = load();

    private SimProfiles() {
    }

    public static SimProfile named(String name) {
        SimProfile profile = LADDER.get(name);
        if (profile == null) {
            throw new IllegalArgumentException("unknown sim profile '" + name + "'; known: " + LADDER.keySet());
        }
        return profile;
    }

    public static List<SimProfile> all() {
        return List.copyOf(LADDER.values());
    }

    private static Map<String, SimProfile> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = SimProfiles.class.getResourceAsStream("ladder.yaml")) {
            List<SimProfile> profiles = yaml.readValue(in, new TypeReference<>() { });
            Map<String, SimProfile> byName = new LinkedHashMap<>();
            profiles.forEach(profile -> byName.put(profile.name(), profile));
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sim ladder", e);
        }
    }
}
