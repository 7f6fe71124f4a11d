package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What users may change of their own account (demo profile: no password policy, users may not change their e-mail):
 * their password, but not their names or e-mail, nor delete themselves; administrators may change everything. Every
 * test works on an account of its own, so the demo accounts other tests log in with stay as they are.
 */
@IntegrationTest
class AccountsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  private IdentityService identity;
  private String user;

  private String base() {
    return "http://localhost:" + port;
  }

  @BeforeEach
  void createAccount() {
    identity = engine.getIdentityService();
    user = "account-" + UUID.randomUUID().toString().substring(0, 8);
    User created = identity.newUser(user);
    created.setFirstName("王小明");
    created.setLastName("");
    created.setEmail(user + "@county.example");
    created.setPassword("demo");
    identity.saveUser(created);
  }

  @AfterEach
  void forgetAuthentication() {
    identity.clearAuthentication();
  }

  @Test
  void shouldRefuseUsersChangingTheirOwnNamesOrEmailThroughEngineRestAndStoreNothing() {
    Map<String, Object> before = stored(user);

    Http self = Http.as(base(), user, "demo");
    Http.Answer names = self.put(profilePath(), profile(user, "王大明", "", user + "@county.example"));
    Http.Answer email = self.put(profilePath(), profile(user, "王小明", "", "me@elsewhere.example"));

    assertThat(names.status()).isEqualTo(403);
    assertThat(names.json().get("message").asText()).contains("不能修改自己的姓名", "official records");
    assertThat(email.status()).isEqualTo(403);
    assertThat(email.json().get("message").asText()).contains("不能修改自己的电子邮箱", "notifications");
    assertThat(stored(user)).isEqualTo(before);
  }

  @Test
  void shouldRefuseTheSameInTheWelcomeAppsProfilePage() throws Exception {
    Map<String, Object> before = stored(user);
    WebappSession welcome = new WebappSession(base(), "default");
    assertThat(welcome.login("welcome", user, "demo")).isEqualTo(200);

    HttpResponse<String> answer = welcome.send(put(welcome, "/camunda/api/engine/engine/default/user/" + user
        + "/profile", profile(user, "王小明", "王", user + "@county.example")));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("不能修改自己的姓名");
    assertThat(stored(user)).isEqualTo(before);
  }

  @Test
  void shouldRefuseTheSameThroughJavaAlsoWithinOneCommand() {
    Map<String, Object> before = stored(user);
    identity.setAuthentication(user, List.of());

    User loaded = identity.createUserQuery().userId(user).singleResult();
    loaded.setEmail("me@elsewhere.example");
    assertThatThrownBy(() -> identity.saveUser(loaded))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("电子邮箱");

    // inside one command the loaded user is the engine's cached entity itself: the stored row still decides
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    assertThatThrownBy(() -> commands.execute(context -> {
      User cached = identity.createUserQuery().userId(user).singleResult();
      cached.setFirstName("王大明");
      identity.saveUser(cached);
      return null;
    }))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("姓名");
    assertThat(stored(user)).isEqualTo(before);
  }

  @Test
  void shouldLetUsersChangeTheirOwnPasswordInEngineRestAndTheWelcomeApp() throws Exception {
    Http.Answer changed = Http.as(base(), user, "demo")
        .put(credentialsPath(), Map.of("password", "first-new-one", "authenticatedUserPassword", "demo"));

    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(Http.as(base(), user, "first-new-one").get(profilePath()).status()).isEqualTo(200);

    WebappSession welcome = new WebappSession(base(), "default");
    assertThat(welcome.login("welcome", user, "first-new-one")).isEqualTo(200);
    HttpResponse<String> again = welcome.send(put(welcome, "/camunda/api/engine/engine/default/user/" + user
        + "/credentials", Map.of("password", "second-new-one", "authenticatedUserPassword", "first-new-one")));

    assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
    assertThat(identity.checkPassword(user, "second-new-one")).isTrue();
    assertThat(stored(user).get("first_")).isEqualTo("王小明");
  }

  @Test
  void shouldLetAdministratorsChangeEveryonesProfileAndTheirOwn() {
    Http.Answer other = Http.as(base(), "admin", "demo")
        .put(profilePath(), profile(user, "王大明", "王", "wang@county.example"));

    assertThat(other.status()).as(other.body()).isEqualTo(204);
    assertThat(stored(user)).containsEntry("first_", "王大明").containsEntry("last_", "王")
        .containsEntry("email_", "wang@county.example");

    String adminProfile = "/engine-rest/user/admin/profile";
    JsonNode own = Http.as(base(), "admin", "demo").get(adminProfile).json();
    try {
      Http.Answer changed = Http.as(base(), "admin", "demo").put(adminProfile,
          profile("admin", "系统管理员", "（测试）", "admin@county.example"));
      assertThat(changed.status()).as(changed.body()).isEqualTo(204);
      assertThat(stored("admin")).containsEntry("last_", "（测试）").containsEntry("email_", "admin@county.example");
    } finally {
      Http.as(base(), "admin", "demo").put(adminProfile, profile("admin", own.get("firstName").asText(),
          own.get("lastName").asText(), own.get("email").asText()));
    }
  }

  @Test
  void shouldRefuseUsersDeletingTheirOwnAccountButNotAdministrators() {
    Http.Answer own = Http.as(base(), user, "demo").delete("/engine-rest/user/" + user);

    assertThat(own.status()).isEqualTo(403);
    assertThat(own.json().get("message").asText()).contains("不能删除自己的账号");
    assertThat(identity.createUserQuery().userId(user).count()).isEqualTo(1);

    assertThat(Http.as(base(), "admin", "demo").delete("/engine-rest/user/" + user).status()).isEqualTo(204);
    assertThat(identity.createUserQuery().userId(user).count()).isZero();
  }

  @Test
  void shouldLeaveThePasswordPolicyOffInTheDemo() {
    assertThat(Http.as(base(), user, "demo").get("/engine-rest/identity/password-policy").status()).isEqualTo(404);
  }

  private String profilePath() {
    return "/engine-rest/user/" + user + "/profile";
  }

  private String credentialsPath() {
    return "/engine-rest/user/" + user + "/credentials";
  }

  private static Map<String, Object> profile(String id, String firstName, String lastName, String email) {
    return Map.of("id", id, "firstName", firstName, "lastName", lastName, "email", email);
  }

  private Map<String, Object> stored(String userId) {
    return jdbc.sql("SELECT rev_, first_, last_, email_, pwd_, salt_, attempts_, lock_exp_time_ FROM act_id_user"
            + " WHERE id_ = ?")
        .param(userId)
        .query()
        .singleRow();
  }

  /** A change as the Welcome app sends it: after a read, which hands out the session's CSRF token. */
  private HttpRequest put(WebappSession session, String path, Object body) throws Exception {
    session.get("/camunda/api/engine/engine/default/user/" + user + "/profile");
    return HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", session.csrfToken())
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build();
  }
}
