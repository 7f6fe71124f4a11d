package cn.renda.proposals.identity;

import cn.renda.proposals.platform.CamundaErrors;
import cn.renda.proposals.web.Paths;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda guards the APIs of Cockpit, Admin and Tasklist ({@code …/api/cockpit/**}, {@code …/api/admin/**},
 * {@code …/api/tasklist/**}) by a login to the engine only: a handler logged into Tasklist alone could read Cockpit's
 * statistics of every instance, or Admin's metrics. This filter asks of each call what Camunda asks of the
 * application's pages: a webapp session whose user may use that application
 * ({@link UserAuthentication#isAuthorizedForApp}). Left open: the plugins' static files (an application loads them
 * before its login page) and Admin's login, logout, status and first-administrator set-up.
 */
public class WebappAccessFilter extends OncePerRequestFilter {

  private static final Map<String, String> APPLICATIONS = Map.of("cockpit", "Cockpit", "admin", "Admin", "tasklist",
      "Tasklist");

  private final String apiPath;
  private final ObjectMapper json;

  /** @param apiPath the webapps' API root, e.g. {@code /camunda/api} */
  public WebappAccessFilter(String apiPath, ObjectMapper json) {
    this.apiPath = apiPath;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = Paths.of(request);
    if (!path.startsWith(apiPath + "/")) {
      chain.doFilter(request, response);
      return;
    }
    // {app}/plugin/{plugin}/{engine or "static"}/…, admin/auth/…, admin/setup/{engine}/…
    String[] parts = path.substring(apiPath.length() + 1).split("/");
    String app = parts[0];
    if (!APPLICATIONS.containsKey(app) || isOpen(parts, request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String engine = parts.length > 3 && parts[1].equals("plugin") ? parts[3] : null;
    List<UserAuthentication> users = users(request.getSession(false), engine);
    String appName = APPLICATIONS.get(app);
    if (users.isEmpty()) {
      CamundaErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, CamundaErrors.body("Unauthorized",
          "请先登录 " + appName, "Log in to " + appName + " first"), json);
    } else if (users.stream().noneMatch(user -> user.isAuthorizedForApp(app))) {
      CamundaErrors.write(response, HttpServletResponse.SC_FORBIDDEN, CamundaErrors.body("Forbidden",
          "您没有使用 " + appName + " 的权限", "You are not allowed to use " + appName), json);
    } else {
      chain.doFilter(request, response);
    }
  }

  private static boolean isOpen(String[] parts, String method) {
    boolean read = method.equals("GET") || method.equals("HEAD");
    boolean staticFile = parts.length > 4 && parts[1].equals("plugin") && parts[3].equals("static");
    boolean login =
        parts[0].equals("admin") && parts.length > 1 && (parts[1].equals("auth") || parts[1].equals("setup"));
    return (read && staticFile) || login;
  }

  /** The session's users, of the engine named in the path (or of any engine when the path names none). */
  private static List<UserAuthentication> users(HttpSession session, String engine) {
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return List.of();
    }
    return authentications.getAuthentications().stream()
        .filter(user -> engine == null || engine.equals(user.getProcessEngineName()))
        .toList();
  }
}
