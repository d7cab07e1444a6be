package io.github.asflink.skill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP/1.1 server on loopback that misbehaves the ways a real network does after the headers, where
 * {@code HttpRequest.timeout} no longer counts. It also notes when the client closes each connection, to prove the
 * skill cancels an exchange it gave up on rather than leaving it open.
 */
final class StallingServer implements AutoCloseable {

    enum Behaviour {
        /** A 200 with a Content-Length, then not one byte of the body. */
        HEADERS_THEN_SILENCE,
        /** A 200 and the first half of a JSON body, then silence. */
        HALF_BODY_THEN_SILENCE,
        /** A 200 and the first half of a JSON body, then a TCP reset. */
        RESET_MID_BODY
    }

    private static final String BODY = SalesforceStubs.USERINFO_BODY;
    private static final long GIVE_UP_MS = 15_000;

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Long> closedByClientNanos = new CopyOnWriteArrayList<>();
    private volatile int accepted;

    StallingServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "stalling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int accepted() {
        return accepted;
    }

    /** Waits until {@code count} connections were closed by the client; false if they were not within the time. */
    boolean awaitClosedByClient(int count, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (closedByClientNanos.size() < count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return closedByClientNanos.size() >= count;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted++;
                connections.add(socket);
                Thread worker = new Thread(() -> serve(socket), "stalling-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            readHead(in);
            OutputStream out = socket.getOutputStream();
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            if (behaviour != Behaviour.HEADERS_THEN_SILENCE) {
                out.write(body, 0, body.length / 2);
            }
            out.flush();
            if (behaviour == Behaviour.RESET_MID_BODY) {
                socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
                return;
            }
            socket.setSoTimeout((int) GIVE_UP_MS);
            // Silence. A read ends when the client closes (-1) or resets the connection.
            if (in.read() < 0) {
                closedByClientNanos.add(System.nanoTime());
            }
        } catch (SocketTimeoutException e) {
            // the client never gave up: no close recorded
        } catch (SocketException e) {
            closedByClientNanos.add(System.nanoTime()); // reset by the client
        } catch (IOException e) {
            // nothing to record
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
