package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Login throttling: an attacker's failures slow the attacker down, on every way in, and never keep the real user out.
 * Each test attacks from addresses of its own (TEST-NET ranges, sent as {@code X-Forwarded-For} as the reverse proxy
 * does), so the tests never share a record.
 */
@IntegrationTest
class LoginThrottleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASKS = "/engine-rest/task";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Instant now;

  private String base() {
    return "http://localhost:" + port;
  }

  @BeforeEach
  void stopTheClock() {
    now = Instant.now();
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private void later(Duration duration) {
    now = now.plus(duration);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @Test
  void shouldRefuseTheAttackersWebappLoginsForAdminButLetTheRealAdminInFromElsewhere() throws Exception {
    // given an attacker who failed three times to log in as admin
    var attacker = new WebappSession(base(), "default", Map.of("X-Forwarded-For", "203.0.113.11"));
    for (int i = 0; i < 3; i++) {
      assertThat(attacker.login("admin", "admin", "guess-" + i)).isEqualTo(401);
    }

    // when the attacker tries again, even with the right password
    HttpResponse<String> refused = attacker.loginAnswer("admin", "admin", "demo");

    // then the attempt is refused without checking the password, saying when to come back, in a shape Tasklist shows
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
    JsonNode body = JSON.readTree(refused.body());
    assertThat(body.get("message").asText()).contains("登录失败次数过多", "10 秒", "Too many failed logins");
    assertThat(body.get("retryAfterSeconds").asInt()).isEqualTo(10);

    // and the same attacker gets no further on any other way in
    assertThat(Http.as(base(), "admin", "demo").from("203.0.113.11").get(TASKS).status()).isEqualTo(429);
    assertThat(Http.as(base(), "admin", "demo").from("203.0.113.11").get("/api/me").status()).isEqualTo(429);

    // while the real admin logs in from another address on every way in
    var realAdmin = new WebappSession(base(), "default", Map.of("X-Forwarded-For", "198.51.100.11"));
    assertThat(realAdmin.login("admin", "admin", "demo")).isEqualTo(200);
    assertThat(Http.as(base(), "admin", "demo").from("198.51.100.11").get(TASKS).status()).isEqualTo(200);
    assertThat(Http.as(base(), "admin", "demo").from("198.51.100.11").get("/api/me").status()).isEqualTo(200);

    // and Camunda's per-user lock in ACT_ID_USER is never touched
    assertUnlocked("admin");
  }

  @Test
  void shouldLetTheWaitGrowWithEveryFailureAndAllowOneAttemptOnceItIsOver() {
    var attacker = new WebappSession(base(), "default", Map.of("X-Forwarded-For", "203.0.113.12"));
    for (int i = 0; i < 3; i++) {
      attacker.login("tasklist", "admin", "guess-" + i);
    }
    assertThat(attacker.loginAnswer("tasklist", "admin", "guess").headers().firstValue("Retry-After")).hasValue("10");

    // when the wait is over, one attempt is checked again; failing, it doubles the wait
    later(Duration.ofSeconds(10));
    assertThat(attacker.login("tasklist", "admin", "guess-3")).isEqualTo(401);
    HttpResponse<String> second = attacker.loginAnswer("tasklist", "admin", "demo");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).hasValue("20");

    // and a moment before it is over, still refused with what is left
    later(Duration.ofSeconds(15));
    assertThat(attacker.loginAnswer("tasklist", "admin", "demo").headers().firstValue("Retry-After")).hasValue("5");

    later(Duration.ofSeconds(5));
    assertThat(attacker.login("tasklist", "admin", "guess-4")).isEqualTo(401);
    assertThat(attacker.loginAnswer("tasklist", "admin", "demo").headers().firstValue("Retry-After")).hasValue("40");

    // a success from that client (the real admin at that address, once the wait is over) forgets its failures
    later(Duration.ofSeconds(40));
    assertThat(attacker.login("admin", "admin", "demo")).isEqualTo(200);
    assertThat(attacker.login("admin", "admin", "guess-5")).isEqualTo(401);
    assertThat(attacker.login("admin", "admin", "guess-6")).isEqualTo(401);
    assertUnlocked("admin");
  }

  @Test
  void shouldRefuseTheAttackersEngineRestCallsForADemoUserButNotTheUsersOwn() throws Exception {
    Http attacker = Http.as(base(), "zfw-handler", "wrong").from("203.0.113.21");
    for (int i = 0; i < 3; i++) {
      Http.Answer failed = attacker.get(TASKS);
      assertThat(failed.status()).isEqualTo(401);
      assertThat(failed.header("WWW-Authenticate")).startsWith("Basic");
    }

    Http.Answer refused = Http.as(base(), "zfw-handler", "demo").from("203.0.113.21").get(TASKS);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("10");
    assertThat(refused.header("WWW-Authenticate")).isNull();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("status").asInt()).isEqualTo(429);
    assertThat(refused.json().get("detailZh").asText()).contains("登录失败次数过多");
    assertThat(refused.json().get("detail").asText()).contains("try again in 10 seconds");

    // the handler works on from their own desk, in engine-rest and in Tasklist
    assertThat(Http.as(base(), "zfw-handler", "demo").from("198.51.100.21").get(TASKS).status()).isEqualTo(200);
    assertThat(new WebappSession(base(), "default", Map.of("X-Forwarded-For", "198.51.100.21"))
        .login("tasklist", "zfw-handler", "demo"))
        .isEqualTo(200);
    assertUnlocked("zfw-handler");
  }

  @Test
  void shouldRefuseTheAttackersCallsOfOurApiForADeputyButNotTheDeputysOwn() {
    Http attacker = Http.as(base(), "maohongding", "wrong").from("203.0.113.31");
    for (int i = 0; i < 3; i++) {
      assertThat(attacker.get("/api/me").status()).isEqualTo(401);
    }

    Http.Answer refused = Http.as(base(), "maohongding", "demo").from("203.0.113.31").get("/api/me");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("10");
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asText()).isEqualTo("urn:proposals:problem:too-many-requests");
    assertThat(refused.json().get("detailZh").asText()).contains("10 秒后再试");

    Http.Answer own = Http.as(base(), "maohongding", "demo").from("198.51.100.31").get("/api/me");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("id").asText()).isEqualTo("maohongding");
    assertUnlocked("maohongding");
  }

  @Test
  void shouldSlowDownOneClientTryingManyUsersButNotOthers() {
    // given a client that failed twice for each of ten users (below the limit of each user), known or not
    String sprayer = "203.0.113.41";
    for (int user = 0; user < 10; user++) {
      String id = user % 2 == 0 ? "no-such-user-" + user : DemoAccounts.DEPUTIES.keySet().stream().skip(user)
          .findFirst()
          .orElseThrow();
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThat(Http.as(base(), id, "spray-" + attempt).from(sprayer).get(TASKS).status()).isEqualTo(401);
      }
    }

    // when it tries yet another user, it must wait
    Http.Answer refused = Http.as(base(), "gov-clerk", "demo").from(sprayer).get(TASKS);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("60");

    // and others are not slowed down
    assertThat(Http.as(base(), "gov-clerk", "demo").from("198.51.100.41").get(TASKS).status()).isEqualTo(200);

    // after the wait, one more attempt of that client is checked
    later(Duration.ofSeconds(60));
    assertThat(Http.as(base(), "no-such-user-x", "spray").from(sprayer).get(TASKS).status()).isEqualTo(401);
    assertThat(Http.as(base(), "gov-clerk", "demo").from(sprayer).get(TASKS).status()).isEqualTo(429);
  }

  @Test
  void shouldTreatUnknownUsersAsKnownOnesSoTheAnswersRevealNoIds() {
    for (String user : new String[] {"nobody-at-all", "wangjianguo"}) {
      Http attacker = Http.as(base(), user, "wrong").from("203.0.113.51");
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(attacker.get(TASKS).status());
      }
      assertThat(statuses).as(user).containsExactly(401, 401, 401, 429);
    }
  }

  private void assertUnlocked(String userId) {
    Map<String, Object> row = jdbc.sql("SELECT attempts_, lock_exp_time_ FROM act_id_user WHERE id_ = ?")
        .param(userId)
        .query()
        .singleRow();
    assertThat(row.get("attempts_")).as("ACT_ID_USER.ATTEMPTS_ of " + userId).isIn(0, null);
    assertThat(row.get("lock_exp_time_")).as("ACT_ID_USER.LOCK_EXP_TIME_ of " + userId).isNull();
  }
}
