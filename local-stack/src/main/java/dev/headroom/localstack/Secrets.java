package dev.headroom.localstack;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets for one local stack: its API token and its database passwords. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits as 64 hex digits. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
