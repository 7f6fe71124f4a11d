package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.renda.proposals.identity.AdminPasswordRequirement.WeakAdminPasswordException;
import cn.renda.proposals.platform.PasswordRules;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Accounts outside the demo (postgres profile, as in production): the password policy, and an administrator who lets
 * users change their own e-mail address. One application for the whole class.
 */
class PasswordPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_PASSWORD = "Haidao-2026!";

  private static ConfigurableApplicationContext app;
  private static String base;
  private static String engineRest;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    Map<String, String> settings = new HashMap<>(production(TestDatabases.create(), ADMIN_PASSWORD));
    settings.put("proposals.accounts.users-may-change-email", "true");
    app = TestApplications.start(List.of("postgres"), settings);
    base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    engineRest = "/engine-rest/engine/" + app.getBean(ProcessEngine.class).getName();
    jdbc = app.getBean(JdbcClient.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static Map<String, String> production(TestDatabases.Database database, String adminPassword) {
    return Map.of("DB_URL", database.url(), "DB_USER", database.user(), "DB_PASSWORD", database.password(),
        "ADMIN_PASSWORD", adminPassword);
  }

  private static Http admin() {
    return Http.as(base, "admin", ADMIN_PASSWORD);
  }

  private static Map<String, Object> newUser(String id, String password) {
    return Map.of(
        "profile", Map.of("id", id, "firstName", "丽华", "lastName", "李", "email", id + "@county.example"),
        "credentials", Map.of("password", password));
  }

  @Test
  void shouldRefuseAShortPasswordAndOneContainingTheUserIdAndStoreNoUser() {
    for (String weak : List.of("Ab3-xyz", "lihua-2026!", "2026-LiHua-ok")) {
      Http.Answer refused = admin().post(engineRest + "/user/create", newUser("lihua", weak));

      assertThat(refused.status()).as(weak).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).as(weak)
          .contains("密码不符合要求", "至少 8 个字符", "不得包含用户名", "at least 8 characters");
      assertThat(jdbc.sql("SELECT COUNT(*) FROM act_id_user WHERE id_ = 'lihua'").query(Long.class).single()).isZero();
    }

    Http.Answer created = admin().post(engineRest + "/user/create", newUser("lihua", "Qunzhong-2026"));

    assertThat(created.status()).as(created.body()).isEqualTo(204);
    assertThat(Http.as(base, "lihua", "Qunzhong-2026").get(engineRest + "/user/lihua/profile").status())
        .isEqualTo(200);
  }

  @Test
  void shouldRefuseAUserAWeakNewPasswordAndKeepTheOldOne() {
    admin().post(engineRest + "/user/create", newUser("zhangwei", "Gangkou-2026"));
    String before = password("zhangwei");
    Http self = Http.as(base, "zhangwei", "Gangkou-2026");

    Http.Answer weak = self.put(engineRest + "/user/zhangwei/credentials",
        Map.of("password", "zhangwei1", "authenticatedUserPassword", "Gangkou-2026"));

    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().get("message").asText()).contains("不得包含用户名、姓名或电子邮箱");
    assertThat(password("zhangwei")).isEqualTo(before);

    Http.Answer strong = self.put(engineRest + "/user/zhangwei/credentials",
        Map.of("password", "Haiwan-Qiao-7", "authenticatedUserPassword", "Gangkou-2026"));
    assertThat(strong.status()).as(strong.body()).isEqualTo(204);
    assertThat(Http.as(base, "zhangwei", "Haiwan-Qiao-7").get(engineRest + "/user/zhangwei/profile").status())
        .isEqualTo(200);
  }

  @Test
  void shouldShowThePolicyToTheWebappsWithChineseTextsForEachRule() throws IOException {
    JsonNode policy = admin().get(engineRest + "/identity/password-policy").json();

    assertThat(policy.get("rules")).extracting(rule -> rule.get("placeholder").asText())
        .containsExactlyInAnyOrder("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_USER_DATA");
    assertThat(policy.get("rules"))
        .anySatisfy(rule -> assertThat(rule.at("/parameter/minLength").asText()).isEqualTo("8"));
    for (String webapp : List.of("admin", "welcome")) {
      JsonNode labels = zh(webapp).get("labels");
      for (JsonNode rule : policy.get("rules")) {
        assertThat(labels.path(rule.get("placeholder").asText()).asText()).as(webapp).containsPattern("\\p{IsHan}");
      }
      assertThat(labels.get("PASSWORD_POLICY_LENGTH").asText()).as(webapp).contains("{{minLength}}");
    }
  }

  @Test
  void shouldLetUsersChangeTheirOwnEmailWhereTheAdministratorAllowsItButStillNotTheirNames() {
    admin().post(engineRest + "/user/create", newUser("chenjing", "Dongsha-2026"));
    Http self = Http.as(base, "chenjing", "Dongsha-2026");
    String profile = engineRest + "/user/chenjing/profile";

    Http.Answer email = self.put(profile,
        Map.of("id", "chenjing", "firstName", "丽华", "lastName", "李", "email", "chenjing@mail.example"));
    Http.Answer names = self.put(profile,
        Map.of("id", "chenjing", "firstName", "静", "lastName", "陈", "email", "chenjing@mail.example"));

    assertThat(email.status()).as(email.body()).isEqualTo(204);
    assertThat(names.status()).isEqualTo(403);
    assertThat(jdbc.sql("SELECT first_, last_, email_ FROM act_id_user WHERE id_ = 'chenjing'").query().singleRow())
        .containsEntry("first_", "丽华").containsEntry("last_", "李").containsEntry("email_", "chenjing@mail.example");
  }

  @Test
  void shouldRefuseToStartWithAnAdminPasswordThatBreaksThePolicy() {
    TestDatabases.Database database = TestDatabases.create();

    assertThatThrownBy(() -> TestApplications.start(List.of("postgres"), production(database, "Sh0rt!")).close())
        .isInstanceOf(WeakAdminPasswordException.class)
        .hasMessageContaining("ADMIN_PASSWORD")
        .hasMessageContaining("at least 8 characters")
        .hasMessageContaining("至少需要 8 个字符")
        .hasMessageNotContaining("Sh0rt!");
    assertThatThrownBy(() -> TestApplications.start(List.of("postgres"), production(database, "Admin-2026-x")).close())
        .isInstanceOf(WeakAdminPasswordException.class)
        .hasMessageContaining("must not contain the user id")
        .hasMessageContaining("不得包含用户名");
    // nothing was started: the check runs before the database is touched
    JdbcClient untouched = JdbcClient.create(dataSource(database));
    assertThat(untouched.sql("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'act_id_user'").query(Long.class)
        .single())
        .isZero();
  }

  @Test
  void shouldExplainAWeakAdminPasswordAtStartUp() {
    FailureAnalysis analysis = new AdminPasswordRequirement.Analyzer()
        .analyze(new WeakAdminPasswordException(PasswordRules.violations("short", null)));

    assertThat(analysis.getDescription()).contains("ADMIN_PASSWORD", "管理员密码");
    assertThat(analysis.getAction()).contains("ADMIN_PASSWORD", "at least 8 characters", "至少 8 个字符");
  }

  private static String password(String userId) {
    return jdbc.sql("SELECT pwd_ FROM act_id_user WHERE id_ = ?").param(userId).query(String.class).single();
  }

  private static JsonNode zh(String webapp) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + webapp + "/locales/zh.json";
    try (InputStream in = PasswordPolicyTest.class.getClassLoader().getResourceAsStream(path)) {
      return JSON.readTree(in);
    }
  }

  private static DataSource dataSource(TestDatabases.Database database) {
    return new DriverManagerDataSource(database.url(), database.user(), database.password());
  }
}
