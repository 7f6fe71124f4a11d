package cn.renda.proposals.deputy;

import cn.renda.proposals.identity.ApiAuthenticationFilter;
import cn.renda.proposals.web.Paths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the deputies' workspace ({@code /deputy}): every page but the login page and the stylesheet and script
 * needs a logged-in deputy who was active within the session timeout; every form post must carry the session's form
 * token (CSRF), the login form included. The deputy becomes the engine's current authentication for the request,
 * so that whatever the workspace asks of the engine is checked against the deputy's own rights.
 */
class WorkspaceFilter extends OncePerRequestFilter {

  static final String LOGIN = Workspace.ROOT + "/login";
  private static final String ASSETS = Workspace.ROOT + "/assets";

  private final IdentityService identityService;
  private final DeputyProperties properties;
  private final Clock clock;

  WorkspaceFilter(IdentityService identityService, DeputyProperties properties, Clock clock) {
    this.identityService = identityService;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !Paths.under(Paths.of(request), Workspace.ROOT);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = Paths.of(request);
    response.setHeader("Cache-Control", "no-store");
    if (Paths.under(path, ASSETS)) {
      chain.doFilter(request, response);
      return;
    }
    boolean post = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    if (post && !WorkspaceSession.csrfMatches(request)) {
      refuseForgery(response);
      return;
    }
    if (path.equals(LOGIN)) {
      chain.doFilter(request, response);
      return;
    }
    WorkspaceSession.Deputy deputy = WorkspaceSession.deputy(request);
    Instant now = clock.instant();
    if (deputy != null && idleTooLong(request, now)) {
      WorkspaceSession.logout(request);
      WorkspaceSession.flash(request, "您已较长时间未操作，为保护账户安全已自动退出，请重新登录。");
      deputy = null;
    }
    if (deputy == null) {
      String next = post ? Workspace.ROOT : path + (request.getQueryString() == null ? ""
          : "?" + request.getQueryString());
      response.sendRedirect(LOGIN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      return;
    }
    WorkspaceSession.seen(request, now);
    request.setAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE, deputy.asUser());
    identityService.setAuthentication(deputy.id(), deputy.asUser().groups());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private boolean idleTooLong(HttpServletRequest request, Instant now) {
    Instant lastSeen = WorkspaceSession.lastSeen(request);
    return lastSeen == null || lastSeen.plus(properties.sessionTimeout()).isBefore(now);
  }

  /** A post without the page's token: another site's form, or a page from before the session ended. */
  private static void refuseForgery(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write("""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>请求未通过校验 - 代表工作台</title>
        <link rel="stylesheet" href="/deputy/assets/style.css"></head>
        <body><main class="page"><h1>请求未通过校验</h1>
        <p class="notice error">页面已过期，或请求不是从本系统的页面发出的，未作任何处理。请返回代表工作台，刷新页面后重试。</p>
        <p><a href="/deputy">返回代表工作台</a></p></main></body></html>
        """);
  }
}
