package dev.headroom.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds ports for servers that listen on the loopback interface only. */
public final class Ports {

    private Ports() {
    }

    /**
     * A port that was free on 127.0.0.1 a moment ago. Another process may still take it before the caller binds it;
     * on a developer machine that race is rare enough to accept.
     */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}
