package cn.renda.proposals.identity;

import cn.renda.proposals.web.Paths;
import cn.renda.proposals.web.Problem;
import cn.renda.proposals.web.ProblemKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to our own API (and the actuator and API docs) by HTTP Basic against the engine's
 * identity service, or by the session of a user logged into the Camunda webapps. The actuator (except health) is
 * for administrators only. The caller becomes the engine's
 * current authentication for the request, so engine queries made on its behalf obey Camunda authorizations.
 *
 * <p>Session-authenticated requests that change state must carry {@code X-Requested-With}: a browser cannot add
 * that header to a cross-site request without a CORS preflight, which this application never grants (CSRF).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  public static final String CURRENT_USER_ATTRIBUTE = CurrentUser.class.getName();
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final ProcessEngine processEngine;
  private final ObjectMapper objectMapper;

  public ApiAuthenticationFilter(ProcessEngine processEngine, ObjectMapper objectMapper) {
    this.processEngine = processEngine;
    this.objectMapper = objectMapper;
  }

  /** Our API, the API docs and Swagger UI, and the actuator except its health endpoint; nothing else. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = Paths.of(request);
    boolean guarded = Paths.isApi(path) || Paths.isApiDocs(path) || (Paths.isActuator(path) && !Paths.isHealth(path));
    return !guarded;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentUser user = fromBasicHeader(request);
    if (user == null) {
      user = fromWebappSession(request);
      if (user != null && !SAFE_METHODS.contains(request.getMethod())
          && request.getHeader("X-Requested-With") == null) {
        user = null;
      }
    }
    if (user == null) {
      unauthorized(request, response);
      return;
    }
    if (Paths.isActuator(Paths.of(request)) && !user.isAdmin()) {
      // metrics and build information are for those who run the application
      problem(response, HttpServletResponse.SC_FORBIDDEN, Problem.of(ProblemKind.FORBIDDEN,
          "Only administrators (group " + Groups.ADMINS + ") may read the actuator endpoints.",
          "只有系统管理员（" + Groups.ADMINS + " 组）可以查看运行监控信息。", request.getRequestURI()));
      return;
    }
    IdentityService identityService = processEngine.getIdentityService();
    request.setAttribute(CURRENT_USER_ATTRIBUTE, user);
    identityService.setAuthentication(user.id(), user.groups());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private CurrentUser fromBasicHeader(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    IdentityService identityService = processEngine.getIdentityService();
    if (!identityService.checkPassword(userId, password)) {
      return null;
    }
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return new CurrentUser(userId, groups);
  }

  private CurrentUser fromWebappSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(processEngine.getName())
            instanceof UserAuthentication authentication)) {
      return null;
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return new CurrentUser(authentication.getIdentityId(), groups);
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Problem problem = Problem.of(
        ProblemKind.UNAUTHENTICATED,
        "Log in with HTTP Basic (user id and password) or through the Camunda webapps.",
        "请使用 HTTP Basic（用户名和密码）或先登录 Camunda 应用后再访问。",
        request.getRequestURI());
    if (request.getHeader("X-Requested-With") == null) {
      // a page's script (which sends X-Requested-With) shows its own login hint: no browser password dialog for it
      response.setHeader("WWW-Authenticate", "Basic realm=\"proposals\", charset=\"UTF-8\"");
    }
    problem(response, HttpServletResponse.SC_UNAUTHORIZED, problem);
  }

  private void problem(HttpServletResponse response, int status, Problem problem) throws IOException {
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
