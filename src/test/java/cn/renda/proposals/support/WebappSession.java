package cn.renda.proposals.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A browser-like client of the Camunda webapps: keeps cookies, carries the CSRF token the webapps hand out and
 * logs in through the same endpoint the login page uses.
 */
public final class WebappSession {

  private final String baseUrl;
  private final String engineName;
  private final Map<String, String> headers;
  private final CookieManager cookies;
  private final HttpClient client;

  public WebappSession(String baseUrl, String engineName) {
    this(baseUrl, engineName, Map.of());
  }

  /**
   * A session whose requests all carry these headers too. The tests play the reverse proxy (application-test.yaml):
   * with {@code X-Forwarded-For} it is a browser at another address; with {@code X-Forwarded-Proto: https} a browser
   * behind the TLS proxy, which speaks HTTPS and so sends Secure cookies back.
   */
  public WebappSession(String baseUrl, String engineName, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.engineName = engineName;
    this.headers = Map.copyOf(headers);
    this.cookies = "https".equals(headers.get("X-Forwarded-Proto")) ? new BehindTls() : new CookieManager();
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Logs into one webapp (tasklist, cockpit, admin); answers the HTTP status of the login request. */
  public int login(String app, String user, String password) {
    return loginAnswer(app, user, password).statusCode();
  }

  /** Logs into one webapp as {@link #login} does; answers the login request's whole answer. */
  public HttpResponse<String> loginAnswer(String app, String user, String password) {
    get("/camunda/app/" + app + "/");
    String form = "username=" + encode(user) + "&password=" + encode(password);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
            baseUrl + "/camunda/api/admin/auth/user/" + engineName + "/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form));
    return send(request.build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  /** A request of the caller's own choosing, sent with this session's cookies and headers. */
  public HttpResponse<String> send(HttpRequest request) {
    HttpRequest sent = request;
    if (!headers.isEmpty()) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> !headers.containsKey(name));
      headers.forEach(builder::header);
      sent = builder.build();
    }
    try {
      return client.send(sent, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request with a JSON body (or none) through the webapps' API, with the CSRF token as Tasklist sends it. */
  public HttpResponse<String> json(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrfToken());
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(request.build());
  }

  public String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  /** Cookies as a browser that reached the application over HTTPS keeps them (Secure ones included). */
  private static final class BehindTls extends CookieManager {
    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
      try {
        URI https = new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
            uri.getFragment());
        return super.get(https, requestHeaders);
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
