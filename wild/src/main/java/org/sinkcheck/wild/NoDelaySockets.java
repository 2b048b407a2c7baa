package org.sinkcheck.wild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

/**
 * Sockets with Nagle's algorithm off ({@code TCP_NODELAY}), for both ends of the loopback HTTP
 * connections. A streamed body is many small writes, each answered by nothing: with Nagle on, each
 * small chunk waits for the previous one's delayed acknowledgement, some 40 ms on Linux, and a path of a
 * few actions cost about 75 ms instead of well under one.
 */
final class NoDelaySockets {
    private NoDelaySockets() {}

    /** What OkHttp connects with: {@code OkHttpClient.Builder.socketFactory}. */
    static final SocketFactory CLIENT = new SocketFactory() {
        @Override
        public Socket createSocket() throws IOException { return noDelay(new Socket()); }

        @Override
        public Socket createSocket(String host, int port) throws IOException { return noDelay(new Socket(host, port)); }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException { return noDelay(new Socket(host, port)); }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noDelay(new Socket(address, port, localAddress, localPort));
        }
    };

    /** What MockWebServer listens with: every connection it accepts has Nagle off too. */
    static final ServerSocketFactory SERVER = new ServerSocketFactory() {
        @Override
        public ServerSocket createServerSocket() throws IOException { return new NoDelayServerSocket(); }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException { return bound(port, 50, null); }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException { return bound(port, backlog, null); }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return bound(port, backlog, address);
        }

        private ServerSocket bound(int port, int backlog, InetAddress address) throws IOException {
            ServerSocket socket = new NoDelayServerSocket();
            socket.bind(new java.net.InetSocketAddress(address, port), backlog);
            return socket;
        }
    };

    private static Socket noDelay(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot turn Nagle's algorithm off", e);
        }
    }

    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {}

        @Override
        public Socket accept() throws IOException { return noDelay(super.accept()); }
    }
}
