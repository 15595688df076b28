package ca.bim.clinic.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Assumptions;

/** The Redis these machines (and CI) run on 127.0.0.1:6379; tests that need it skip, saying why, where none answers. */
final class LocalRedis {

    static final String URL = "redis://127.0.0.1:6379";

    private LocalRedis() {
    }

    static void assumeAnswering() {
        Assumptions.assumeTrue(answers(), "SKIPPED: no Redis answers PING on 127.0.0.1:6379; start one (redis-server) "
                + "to run the shared rate-limit tests");
    }

    static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            InputStream in = socket.getInputStream();
            int read = in.read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
