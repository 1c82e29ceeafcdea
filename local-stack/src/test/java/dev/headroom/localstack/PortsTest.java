package dev.headroom.localstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void aFreePortLiesBelowTheEphemeralRangeAndCanBeBound() throws Exception {
        int port = Ports.freeLoopbackPort();

        assertThat(port).isLessThan(Ports.ephemeralLow());
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
