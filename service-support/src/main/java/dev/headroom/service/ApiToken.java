package dev.headroom.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Optional;

/** The configured bearer token, read once at start-up (so a missing token file stops the service at once). */
@ApplicationScoped
@Startup
public class ApiToken {

    private final Optional<byte[]> token;
    private final boolean protectReads;

    ApiToken(SecurityConfig config) {
        this.token = configuredToken(config).map(value -> value.getBytes(StandardCharsets.UTF_8));
        this.protectReads = config.protectReads();
    }

    boolean configured() {
        return token.isPresent();
    }

    boolean protectReads() {
        return protectReads;
    }

    /** In constant time, so that the answer's timing does not tell how much of a guess was right. */
    boolean matches(String presented) {
        return token.isPresent() && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.get());
    }

    private static Optional<String> configuredToken(SecurityConfig config) {
        Optional<String> token = config.token().map(String::trim).filter(value -> !value.isEmpty());
        if (token.isPresent() || config.tokenFile().isEmpty()) {
            return token;
        }
        try {
            String fromFile = Files.readString(config.tokenFile().get()).trim();
            if (fromFile.isEmpty()) {
                throw new IllegalStateException("headroom.security.token-file " + config.tokenFile().get() + " is empty");
            }
            return Optional.of(fromFile);
        } catch (IOException e) {
            throw new UncheckedIOException("headroom.security.token-file cannot be read: " + e.getMessage(), e);
        }
    }
}
