package io.github.asflink.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Salesforce's token endpoint failing at the socket level, on 127.0.0.1: a real TCP server that reads the request and
 * then stalls or breaks the connection in one of the ways a congested or failing upstream does. It closes itself after
 * {@link #LIFETIME_MILLIS} at the latest, so a test that forgets it cannot hang the build.
 */
final class MisbehavingSalesforce implements AutoCloseable {

    static final long LIFETIME_MILLIS = 20_000;

    enum Behaviour {
        /** Accepts the connection, reads the request and never answers. */
        SILENT,
        /** Sends the status line and headers (Content-Length 5000) and then nothing. */
        HEADERS_THEN_SILENCE,
        /** Sends the headers and half of a valid token answer, then nothing. */
        HALF_BODY_THEN_SILENCE,
        /** Sends the headers and part of the answer, then resets the connection (RST, SO_LINGER 0). */
        HALF_BODY_THEN_RESET,
        /** Sends the headers and part of the answer, then closes the connection cleanly: EOF before the body's end. */
        HALF_BODY_THEN_CLOSE
    }

    private final Behaviour behaviour;
    private final String answer;
    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final CountDownLatch clientHungUp = new CountDownLatch(1);
    private final Thread lifetime;

    /** @param answer the token answer whose first half the body behaviours send */
    MisbehavingSalesforce(Behaviour behaviour, String answer) {
        this.behaviour = behaviour;
        this.answer = answer;
        try {
            server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("accept", this::acceptAll);
        lifetime = daemon("lifetime", () -> {
            try {
                Thread.sleep(LIFETIME_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            close();
        });
    }

    String loginUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** How many connections the function opened. */
    int connections() {
        return accepted.get();
    }

    /** True once the function closed its side of the connection (it gave up on the exchange). */
    boolean awaitClientHangUp(long millis) throws InterruptedException {
        return clientHungUp.await(millis, TimeUnit.MILLISECONDS);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            connections.add(socket);
            daemon("connection", () -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(1000); // so the wait for a hang-up below ends with the server's lifetime
            InputStream in = socket.getInputStream();
            readRequest(in);
            OutputStream out = socket.getOutputStream();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            byte[] half = java.util.Arrays.copyOf(body, body.length / 2);
            switch (behaviour) {
                case SILENT -> { }
                case HEADERS_THEN_SILENCE -> out.write(headers(5000));
                case HALF_BODY_THEN_SILENCE, HALF_BODY_THEN_RESET, HALF_BODY_THEN_CLOSE -> {
                    out.write(headers(body.length));
                    out.write(half);
                }
            }
            out.flush();
            if (behaviour == Behaviour.HALF_BODY_THEN_RESET || behaviour == Behaviour.HALF_BODY_THEN_CLOSE) {
                Thread.sleep(50); // let the headers and the first bytes arrive as their own segments
                if (behaviour == Behaviour.HALF_BODY_THEN_RESET) {
                    socket.setSoLinger(true, 0); // closing with linger 0 sends RST
                }
                return;
            }
            waitForHangUp(in);
        } catch (IOException | InterruptedException e) {
            // the test is over or the client went away: nothing to do
        }
    }

    private void waitForHangUp(InputStream in) throws IOException {
        long end = System.currentTimeMillis() + LIFETIME_MILLIS;
        while (System.currentTimeMillis() < end) {
            try {
                if (in.read() < 0) {
                    clientHungUp.countDown();
                    return;
                }
            } catch (SocketTimeoutException e) {
                // keep waiting
            } catch (IOException e) {
                clientHungUp.countDown(); // a reset from the client is a hang-up too
                return;
            }
        }
    }

    private static byte[] headers(int contentLength) {
        return ("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json;charset=UTF-8\r\n"
                + "Cache-Control: no-cache,must-revalidate,max-age=0,no-store,private\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the request head and its Content-Length body, so the answer comes after the whole request. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, "misbehaving-salesforce-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        if (Thread.currentThread() != lifetime) {
            lifetime.interrupt();
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
