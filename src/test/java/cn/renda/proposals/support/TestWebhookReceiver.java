package cn.renda.proposals.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An HTTP endpoint in the test JVM that records the webhook calls it receives, one for the whole run. */
public final class TestWebhookReceiver {

  /** One received call. */
  public record Call(String path, String contentType, String notificationId, String body) {}

  private static HttpServer server;
  private static final List<Call> CALLS = new ArrayList<>();
  private static volatile int status = 204;

  private TestWebhookReceiver() {}

  public static synchronized String url(String path) {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (CALLS) {
          CALLS.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("X-Proposals-Notification"), body));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The HTTP status the receiver answers with (e.g. 503 to play a failing messaging system). */
  public static void answerWith(int httpStatus) {
    status = httpStatus;
  }

  public static List<Call> calls() {
    synchronized (CALLS) {
      return List.copyOf(CALLS);
    }
  }
}
