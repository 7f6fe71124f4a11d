package cn.renda.proposals.identity;

import cn.renda.proposals.web.Problem;
import cn.renda.proposals.web.ProblemKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the {@link LoginThrottle} which client the request thread serves, and turns a login that the throttle refused
 * into {@code 429 Too Many Requests} with {@code Retry-After}, whichever way the login came in: our API (problem+json),
 * engine-rest (problem+json) or the webapps' login and API (Camunda's error shape, whose {@code message} Tasklist
 * shows on its login page).
 *
 * <p>The logins themselves stay where they are (Camunda's webapp login, Camunda's engine-rest filter,
 * {@link ApiAuthenticationFilter}); each answers a refused password with 401. The response is wrapped so that, once a
 * password check of this request was refused by the throttle, the first thing written to the response — status,
 * header or body — becomes the 429 instead, and whatever the login then writes is dropped. Nothing is buffered.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  private final ObjectMapper json;
  private final String webappPath;

  /**
   * @param webappPath where the Camunda webapps live ({@code camunda.bpm.webapp.application-path}); their clients
   *     read Camunda's error shape
   */
  public LoginThrottleFilter(ObjectMapper json, String webappPath) {
    this.json = json;
    this.webappPath = webappPath.endsWith("/") ? webappPath : webappPath + "/";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    LoginThrottle.enter(request.getRemoteAddr());
    RefusableResponse refusable = new RefusableResponse(request, response);
    try {
      chain.doFilter(request, refusable);
      refusable.refuseIfThrottled();
    } finally {
      LoginThrottle.leave();
    }
  }

  static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private void writeRefusal(HttpServletRequest request, HttpServletResponse response, Duration wait)
      throws IOException {
    long seconds = retryAfterSeconds(wait);
    String zh = "登录失败次数过多，请 " + waitZh(seconds) + "后再试。";
    String en = "Too many failed logins: try again in " + waitEn(seconds) + ".";
    byte[] body;
    String contentType;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(webappPath)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", "TooManyLoginAttempts");
      error.put("message", zh + "（" + en + "）");
      error.put("messageEn", en);
      error.put("retryAfterSeconds", seconds);
      body = json.writeValueAsBytes(error);
      contentType = "application/json";
    } else if (path.startsWith("/deputy/")) {
      // the deputies' workspace is pages, not an API: a page people can read
      body = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>请稍后再试 - 代表工作台</title>"
          + "<link rel=\"stylesheet\" href=\"/deputy/assets/style.css\"></head><body><main class=\"page\">"
          + "<h1>请稍后再试</h1><p class=\"notice error\">" + zh + "</p><p><a href=\"/deputy/login\">返回登录</a></p>"
          + "</main></body></html>").getBytes(StandardCharsets.UTF_8);
      contentType = "text/html";
    } else {
      body = json.writeValueAsBytes(Problem.of(ProblemKind.TOO_MANY_REQUESTS, en, zh, request.getRequestURI()));
      contentType = Problem.MEDIA_TYPE;
    }
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(contentType);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String waitZh(long seconds) {
    return seconds < 120 ? seconds + " 秒" : (seconds + 59) / 60 + " 分钟";
  }

  private static String waitEn(long seconds) {
    return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
  }

  /**
   * Passes everything through until a password check of this request has been refused by the throttle; from then on
   * the first change to the response writes the 429, and every later one is ignored.
   */
  final class RefusableResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private boolean refused;

    RefusableResponse(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    /** True when the response is (now) the refusal; the caller's change must then be dropped. */
    private boolean refusedInstead() {
      if (refused) {
        return true;
      }
      Duration wait = LoginThrottle.refusal();
      if (wait == null) {
        return false;
      }
      refused = true;
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (!response.isCommitted()) {
        try {
          writeRefusal(request, response, wait);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return true;
    }

    /** After the chain: a refused login that wrote nothing at all still gets its answer. */
    void refuseIfThrottled() {
      refusedInstead();
    }

    @Override
    public void setStatus(int sc) {
      if (!refusedInstead()) {
        super.setStatus(sc);
      }
    }

    @Override
    public void sendError(int sc) throws IOException {
      if (!refusedInstead()) {
        super.sendError(sc);
      }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      if (!refusedInstead()) {
        super.sendError(sc, msg);
      }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      if (!refusedInstead()) {
        super.sendRedirect(location);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!refusedInstead()) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!refusedInstead()) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (!refusedInstead()) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void addIntHeader(String name, int value) {
      if (!refusedInstead()) {
        super.addIntHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!refusedInstead()) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!refusedInstead()) {
        super.addDateHeader(name, date);
      }
    }

    @Override
    public void addCookie(Cookie cookie) {
      if (!refusedInstead()) {
        super.addCookie(cookie);
      }
    }

    @Override
    public void setContentType(String type) {
      if (!refusedInstead()) {
        super.setContentType(type);
      }
    }

    @Override
    public void setCharacterEncoding(String charset) {
      if (!refusedInstead()) {
        super.setCharacterEncoding(charset);
      }
    }

    @Override
    public void setContentLength(int len) {
      if (!refusedInstead()) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!refusedInstead()) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void setLocale(Locale locale) {
      if (!refusedInstead()) {
        super.setLocale(locale);
      }
    }

    @Override
    public void setBufferSize(int size) {
      if (!refusedInstead()) {
        super.setBufferSize(size);
      }
    }

    @Override
    public void reset() {
      if (!refusedInstead()) {
        super.reset();
      }
    }

    @Override
    public void resetBuffer() {
      if (!refusedInstead()) {
        super.resetBuffer();
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!refusedInstead()) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return refusedInstead() ? new Discarding() : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      return refusedInstead() ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
    }
  }

  /** Where the login's own answer goes once the refusal was written. */
  private static final class Discarding extends ServletOutputStream {
    @Override
    public void write(int b) {
      // dropped: the response is the refusal
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      // never asynchronous
    }
  }
}
