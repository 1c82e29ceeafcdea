package dev.headroom.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes: the source of every deterministic id and every seeded draw in Headroom. */
public final class Hashing {

    /** One digest per thread: looking one up costs more than hashing a short id, and sims hash every answer. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Hashing::newDigest);

    private Hashing() {
    }

    /** SHA-256 over the parts, each terminated by a NUL so that ("ab","c") and ("a","bc") differ. */
    public static byte[] sha256(String... parts) {
        MessageDigest digest = DIGEST.get();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return digest.digest();
    }

    /** A 128-bit hex id: collisions are negligible at any run size Headroom will see. */
    public static String id(String... parts) {
        return HexFormat.of().formatHex(sha256(parts), 0, 16);
    }

    public static long seed(String... parts) {
        byte[] hash = sha256(parts);
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = (seed << 8) | (hash[i] & 0xff);
        }
        return seed;
    }

    /** A uniform draw in [0, 1) fixed by the parts. */
    public static double uniform(String... parts) {
        return (seed(parts) >>> 11) * 0x1.0p-53;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
