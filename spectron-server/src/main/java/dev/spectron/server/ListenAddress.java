package dev.spectron.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Checks that the server can listen where it is told to before anything else happens, so that a
 * typo or a taken port costs one clear line and leaves no data directory or database behind
 * (issue 17 point 4). The probe is closed again before the server binds; a port taken in between
 * still fails the start, through the same message.
 */
final class ListenAddress {
    private ListenAddress() {
    }

    static void check(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new StartupException("cannot listen on " + host + ":" + port + ": '" + host + "' is not an address of this machine", e);
        }
        if (port == 0) {
            return; // any free port: nothing to probe
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw inUse(host, port, e);
        }
    }

    static StartupException inUse(String host, int port, Exception cause) {
        return new StartupException("cannot listen on " + host + ":" + port + ": the port is in use or not allowed ("
                + cause.getClass().getSimpleName() + ")", cause);
    }
}
