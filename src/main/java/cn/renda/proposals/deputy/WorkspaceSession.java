package cn.renda.proposals.deputy;

import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.identity.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * What the workspace keeps in the servlet session: the logged-in deputy, when they were last seen (idle timeout),
 * the form token against cross-site posts (CSRF) and a message for the next page. Apart from the Camunda webapps'
 * login in the same session: logging into one is not logging into the other.
 */
final class WorkspaceSession {

  static final String CSRF_PARAMETER = "_csrf";
  private static final String DEPUTY = WorkspaceSession.class.getName() + ".deputy";
  private static final String LAST_SEEN = WorkspaceSession.class.getName() + ".lastSeen";
  private static final String CSRF = WorkspaceSession.class.getName() + ".csrf";
  private static final String FLASH = WorkspaceSession.class.getName() + ".flash";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The logged-in deputy, as stored in the session. */
  record Deputy(String id, String name) implements Serializable {
    /** The deputy as the record's queries see them: a deputy and nothing else, whatever other groups they have. */
    CurrentUser asUser() {
      return new CurrentUser(id, List.of(Groups.DEPUTIES));
    }
  }

  private WorkspaceSession() {}

  static Deputy deputy(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (Deputy) session.getAttribute(DEPUTY);
  }

  static Instant lastSeen(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (Instant) session.getAttribute(LAST_SEEN);
  }

  static void seen(HttpServletRequest request, Instant now) {
    request.getSession().setAttribute(LAST_SEEN, now);
  }

  /** Logs the deputy in: a new session id (against session fixation) and a new form token. */
  static void login(HttpServletRequest request, Deputy deputy, Instant now) {
    request.getSession();
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setAttribute(DEPUTY, deputy);
    session.setAttribute(LAST_SEEN, now);
    session.setAttribute(CSRF, newToken());
  }

  static void logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(DEPUTY);
      session.removeAttribute(LAST_SEEN);
      session.setAttribute(CSRF, newToken());
    }
  }

  /** The session's form token, made on first use. */
  static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession();
    String token = (String) session.getAttribute(CSRF);
    if (token == null) {
      token = newToken();
      session.setAttribute(CSRF, token);
    }
    return token;
  }

  /** Whether the request carries the session's form token. */
  static boolean csrfMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(CSRF);
    String given = request.getParameter(CSRF_PARAMETER);
    return expected != null && given != null
        && java.security.MessageDigest.isEqual(expected.getBytes(), given.getBytes());
  }

  static void flash(HttpServletRequest request, String message) {
    request.getSession().setAttribute(FLASH, message);
  }

  /** The message for this page, once. */
  static String takeFlash(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    String message = (String) session.getAttribute(FLASH);
    session.removeAttribute(FLASH);
    return message;
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
