package cn.renda.proposals.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser security headers on what the application serves itself: the public record's pages, the calendar page,
 * Swagger UI and the API docs, our API and engine-rest. Each kind gets a Content-Security-Policy that allows exactly
 * what its pages load (the public pages: their own stylesheet and nothing else, no script at all; the calendar page:
 * its own script and stylesheet and calls to our API; Swagger UI: its own scripts, styles and
 * images, inline styles, {@code data:} images of its stylesheet, and calls to this origin), framing is refused and the
 * referrer stays on this site. The Camunda webapps set their own policy (with a nonce per page) and nosniff on their
 * pages and APIs; they only lack X-Frame-Options and Referrer-Policy, which they get here, and nosniff for their static
 * files.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String PUBLIC_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
      + "form-action 'none'; frame-ancestors 'none'";
  /** Swagger UI sets some styles inline from its script (a style attribute cannot run code, a script could). */
  static final String API_DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; "
      + "frame-ancestors 'none'";
  /** The calendar page: its own script and stylesheet, and calls to our API; nothing inline, nothing from elsewhere. */
  static final String CALENDAR_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  /** The deputies' workspace: its own stylesheet and script, forms posted to itself; nothing inline, nothing else. */
  static final String DEPUTY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** JSON answers are never rendered as pages; should a browser do so anyway, nothing may run or load. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private final String webappsPath;

  /** @param webappsPath where the Camunda webapps live, e.g. {@code /camunda} */
  public SecurityHeadersFilter(String webappsPath) {
    this.webappsPath = webappsPath;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = Paths.of(request);
    String policy = null;
    if (Paths.isPublic(path)) {
      policy = PUBLIC_POLICY;
    } else if (Paths.isDeputyWorkspace(path)) {
      policy = DEPUTY_POLICY;
    } else if (Paths.isCalendarPage(path) || Paths.isPaperPage(path)) {
      // the paper files' page is built the same way: its own script and stylesheet, calls to our API
      policy = CALENDAR_POLICY;
    } else if (Paths.isApiDocs(path)) {
      policy = API_DOCS_POLICY;
    } else if (Paths.isApi(path) || Paths.isEngineRest(path)) {
      policy = API_POLICY;
    } else if (!Paths.under(path, webappsPath)) {
      chain.doFilter(request, response);
      return;
    }
    if (policy != null) {
      response.setHeader("Content-Security-Policy", policy);
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }
}
