package dev.headroom.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** Who may call a service's REST API, and how much a request may send. */
@ConfigMapping(prefix = "headroom.security")
public interface SecurityConfig {

    /** The bearer token every write (and, with protect-reads, every read) must present; env HEADROOM_SECURITY_TOKEN. */
    Optional<String> token();

    /** A file holding the token (e.g. a mounted Secret), read at start-up; used when token is not set. */
    Optional<Path> tokenFile();

    /** Also require the token on GET and HEAD; the health and metrics endpoints under /q stay open. */
    @WithDefault("false")
    boolean protectReads();

    /** The largest request body accepted, in bytes; larger ones get 413 with a JSON error. */
    @WithDefault("1048576")
    long maxBodyBytes();
}
