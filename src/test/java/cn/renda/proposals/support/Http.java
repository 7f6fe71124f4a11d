package cn.renda.proposals.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for tests, authenticating with HTTP Basic as one user (or anonymously). */
public final class Http {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final String baseUrl;
  private final String authorization;
  private final String clientAddress;

  private Http(String baseUrl, String authorization, String clientAddress) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.clientAddress = clientAddress;
  }

  public static Http anonymous(String baseUrl) {
    return new Http(baseUrl, null, null);
  }

  public static Http as(String baseUrl, String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Http(baseUrl, "Basic " + token, null);
  }

  /**
   * The same client at another address: the tests play the reverse proxy (application-test.yaml), so the application
   * sees the address given in {@code X-Forwarded-For}.
   */
  public Http from(String address) {
    return new Http(baseUrl, authorization, address);
  }

  /** An answer: status, content type and body, with the body parsed as JSON on demand. */
  public record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  /** An answer read as bytes: a file (PDF, Excel) or, for a refusal, its problem+json. */
  public record Binary(int status, String contentType, byte[] body, HttpResponse<byte[]> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A GET of a file. */
  public Binary download(String path) {
    return sendBinary(request(path).GET());
  }

  /** A POST of a file (an upload as the raw body), answered with a file or JSON. */
  public Binary upload(String path, String contentType, byte[] body) {
    return sendBinary(request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Answer get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET());
  }

  public Answer post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(publisher(body)));
  }

  public Answer put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").PUT(publisher(body)));
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  /** Sends a raw body as is, with the given content type (for malformed and oversized requests). */
  public Answer postRaw(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Answer putRaw(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public static String toJson(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static HttpRequest.BodyPublisher publisher(Object body) {
    return HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (clientAddress != null) {
      builder.header("X-Forwarded-For", clientAddress);
    }
    return builder;
  }

  private static Binary sendBinary(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Binary(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Answer send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
