package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class AccessTest {

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.ProcessEngine engine;

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void shouldRefuseAnonymousEngineRest() {
    var answer = Http.anonymous(base()).get("/engine-rest/task");

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseWrongPasswordOnEngineRest() {
    // an account of its own: a failed login delays the next attempts of that account, which must not hit other tests
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("wrong-password-probe").count() == 0) {
      var user = identity.newUser("wrong-password-probe");
      user.setPassword("right");
      identity.saveUser(user);
    }
    assertThat(Http.as(base(), "wrong-password-probe", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
  }

  @Test
  void shouldLetGovClerkListTasks() {
    var answer = Http.as(base(), "gov-clerk", "demo").get("/engine-rest/task");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().isArray()).isTrue();
  }

  @Test
  void shouldRefuseAnonymousApiWithProblemJson() {
    var answer = Http.anonymous(base()).get("/api/me");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(answer.json().get("detailZh").asText()).contains("登录");
  }

  @Test
  void shouldKeepHealthOpenAndOtherActuatorEndpointsClosed() {
    var health = Http.anonymous(base()).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");

    assertThat(Http.anonymous(base()).get("/actuator/metrics").status()).isEqualTo(401);
    assertThat(Http.as(base(), "admin", "demo").get("/actuator/metrics").status()).isEqualTo(200);
  }

  @Test
  void shouldLetAgencyHandlerIntoTasklistButNotCockpit() {
    var session = new WebappSession(base(), "default");

    assertThat(session.login("cockpit", "zfw-handler", "demo")).isEqualTo(403);
    assertThat(session.login("tasklist", "zfw-handler", "demo")).isEqualTo(200);
  }

  @Test
  void shouldLetOfficesIntoCockpitAndAdminsIntoAdmin() {
    assertThat(new WebappSession(base(), "default").login("cockpit", "gov-clerk", "demo")).isEqualTo(200);
    assertThat(new WebappSession(base(), "default").login("cockpit", "congress-clerk", "demo")).isEqualTo(200);
    assertThat(new WebappSession(base(), "default").login("admin", "gov-clerk", "demo")).isEqualTo(403);
    assertThat(new WebappSession(base(), "default").login("admin", "admin", "demo")).isEqualTo(200);
  }

  @Test
  void shouldAcceptTheWebappSessionOnOurApiButNotForCrossSiteWrites() {
    var session = new WebappSession(base(), "default");
    assertThat(session.login("tasklist", "wangjianguo", "demo")).isEqualTo(200);

    // reading with the session of a Tasklist user works
    var me = session.get("/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"id\":\"wangjianguo\"");

    // a write with only the session cookie (what a forged cross-site form would send) is refused
    String body = "{\"kind\":\"SUGGESTION\",\"session\":\"2026\",\"title\":\"关于会话提交测试的建议\",\"content\":\"内容\"}";
    var forged = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/proposals"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
        .build());
    assertThat(forged.statusCode()).isEqualTo(401);

    // the same write from the application's own pages (which add X-Requested-With) is accepted
    var own = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/proposals"))
        .header("Content-Type", "application/json")
        .header("X-Requested-With", "XMLHttpRequest")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
        .build());
    assertThat(own.statusCode()).isEqualTo(201);
  }
}
