package cn.renda.proposals.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One browser's session with the deputies' workspace, without a browser: cookies kept, forms posted as a browser
 * posts them (with the page's form token unless told otherwise), redirects not followed, so that tests see them.
 */
public final class WorkspaceClient {

  /** An answer: status, where a redirect goes, the page. */
  public record Page(int status, String location, String body, HttpResponse<String> raw) {
    public Document document() {
      return Jsoup.parse(body);
    }

    /** The page's text as a person reads it. */
    public String text() {
      return document().body().text();
    }

    /** The form token of the page's first form. */
    public String csrf() {
      return document().select("input[name=_csrf]").attr("value");
    }
  }

  private final String base;
  private final HttpClient http;
  private String csrf;

  public WorkspaceClient(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Logs in as the user (password {@code demo}); answers the login's answer (a redirect on success). */
  public Page login(String user) {
    return login(user, "demo");
  }

  public Page login(String user, String password) {
    get("/deputy/login");
    return post("/deputy/login", List.of("username", user, "password", password));
  }

  public Page get(String path) {
    Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    String token = page.csrf();
    if (!token.isEmpty()) {
      csrf = token;
    }
    return page;
  }

  /** Posts the form fields (name, value, name, value …) with the session's form token. */
  public Page post(String path, List<String> fields) {
    List<String> all = new ArrayList<>(fields);
    if (csrf != null) {
      all.add("_csrf");
      all.add(csrf);
    }
    return postWithout(path, all);
  }

  /** Posts exactly these fields: no form token unless among them (a forged, cross-site post). */
  public Page postWithout(String path, List<String> fields) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      if (!form.isEmpty()) {
        form.append('&');
      }
      form.append(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
        .build());
  }

  /** The session cookies the application set, as the Set-Cookie headers of an answer list them. */
  public static List<String> sessionCookies(Page page) {
    return page.raw().headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=")).toList();
  }

  public static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
          response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
