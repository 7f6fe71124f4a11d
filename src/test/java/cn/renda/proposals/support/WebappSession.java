package cn.renda.proposals.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like client of the Camunda webapps: keeps cookies, carries the CSRF token the webapps hand out and
 * logs in through the same endpoint the login page uses.
 */
public final class WebappSession {

  private final String baseUrl;
  private final String engineName;
  private final String clientAddress;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public WebappSession(String baseUrl, String engineName) {
    this(baseUrl, engineName, null);
  }

  /**
   * A browser at another address: the tests play the reverse proxy (application-test.yaml), so every request says
   * where it comes from in {@code X-Forwarded-For}.
   */
  public WebappSession(String baseUrl, String engineName, String clientAddress) {
    this.baseUrl = baseUrl;
    this.engineName = engineName;
    this.clientAddress = clientAddress;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Logs into one webapp (tasklist, cockpit, admin); answers the HTTP status of the login request. */
  public int login(String app, String user, String password) {
    return loginAnswer(app, user, password).statusCode();
  }

  /** Logs into one webapp as the login page does; answers the whole answer (status, headers, body). */
  public HttpResponse<String> loginAnswer(String app, String user, String password) {
    get("/camunda/app/" + app + "/");
    String form = "username=" + encode(user) + "&password=" + encode(password);
    HttpRequest request = HttpRequest.newBuilder(URI.create(
            baseUrl + "/camunda/api/admin/auth/user/" + engineName + "/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    return send(request);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  /** A request of the caller's own choosing, sent with this session's cookies (and its client address). */
  public HttpResponse<String> send(HttpRequest request) {
    HttpRequest sent = request;
    if (clientAddress != null) {
      sent = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", clientAddress).build();
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

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
