package dev.headroom.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Finds ports for servers that listen on the loopback interface only. */
public final class Ports {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int DEFAULT_EPHEMERAL_LOW = 32_768;
    private static final int ATTEMPTS = 100;

    private Ports() {
    }

    /**
     * A port that was free on 127.0.0.1 a moment ago, chosen at random below the kernel's ephemeral range. A port the
     * kernel hands out (bind to 0) lies inside that range, where every outgoing connection, a Kafka client's for one,
     * also takes its local port: a service started a few seconds later found such a port taken. Below the range only
     * another listener can take it first, and the random choice makes two stacks starting together unlikely to meet.
     */
    public static int freeLoopbackPort() {
        int high = ephemeralLow();
        for (int attempt = 0; attempt < ATTEMPTS && high > LOWEST; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, high);
            if (isFree(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /** The lowest port of the kernel's ephemeral range (Linux; the IANA default elsewhere). */
    static int ephemeralLow() {
        try {
            // a line, not readString: /proc reports a size of 0, and a read sized by it can stop after one byte
            try (BufferedReader range = Files.newBufferedReader(EPHEMERAL_RANGE)) {
                return Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
