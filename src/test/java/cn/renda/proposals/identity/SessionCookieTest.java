package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.WebappSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind the TLS proxy (X-Forwarded-Proto: https, trusted with the native forward-headers strategy, as in the tests)
 * the webapp session cookie is marked Secure; over plain HTTP it is not (a browser would not send it back).
 */
@IntegrationTest
class SessionCookieTest {

  @LocalServerPort int port;

  @Test
  void shouldMarkTheSessionCookieSecureWhenTheProxySaysTheRequestCameOverHttps() {
    WebappSession overHttps = new WebappSession("http://localhost:" + port, "default",
        Map.of("X-Forwarded-Proto", "https"));

    HttpResponse<String> login = overHttps.loginAnswer("tasklist", "zfw-handler", "demo");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(sessionCookie(login)).contains("; Secure").contains("HttpOnly");
  }

  @Test
  void shouldNotMarkItSecureOverPlainHttp() {
    WebappSession overHttp = new WebappSession("http://localhost:" + port, "default");

    HttpResponse<String> login = overHttp.loginAnswer("tasklist", "zfw-handler", "demo");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(sessionCookie(login)).doesNotContainIgnoringCase("secure").contains("HttpOnly");
  }

  /** The login starts a new session (against session fixation): its answer sets the cookie. */
  private static String sessionCookie(HttpResponse<String> login) {
    List<String> cookies = login.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .toList();
    assertThat(cookies).hasSize(1);
    return cookies.get(0);
  }
}
