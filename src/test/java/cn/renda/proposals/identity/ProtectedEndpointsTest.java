package cn.renda.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.WebappSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API description and Swagger UI need a login, whatever their spelling; the actuator (but its health) is for
 * administrators only.
 */
@IntegrationTest
class ProtectedEndpointsTest {

  @LocalServerPort int port;

  private String base() {
    return "http://localhost:" + port;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/v3;x=y/api-docs.yaml",
      "/v3/api%2Ddocs.yaml", "/swagger-ui.html", "/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js",
      "/webjars/swagger-ui/index.html"})
  void shouldRefuseTheApiDocsToAnonymousCallers(String path) {
    Http.Answer answer = Http.anonymous(base()).get(path);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(answer.json().get("detailZh").asText()).contains("登录");
    assertThat(answer.body()).doesNotContain("openapi").doesNotContain("/api/proposals");
  }

  @Test
  void shouldServeTheApiDocsAfterALogin() {
    Http.Answer yaml = Http.as(base(), "zfw-handler", "demo").get("/v3/api-docs.yaml");
    Http.Answer json = Http.as(base(), "zfw-handler", "demo").get("/v3/api-docs");

    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.body()).startsWith("openapi:").contains("/api/proposals");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().at("/paths").has("/api/proposals")).isTrue();
    // (the server is named relatively: never after the request's Host header)
    assertThat(json.json().at("/servers/0/url").asText()).isEqualTo("/");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/info"})
  void shouldKeepTheActuatorForAdministrators(String path) {
    Http.Answer anonymous = Http.anonymous(base()).get(path);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");

    for (String user : List.of("zfw-handler", "gov-clerk", "congress-clerk", "maohongding")) {
      Http.Answer refused = Http.as(base(), user, "demo").get(path);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("detailZh").asText()).isEqualTo("只有系统管理员（camunda-admin 组）可以查看运行监控信息。");
      assertThat(refused.json().get("detail").asText()).contains("administrators");
      assertThat(refused.body()).doesNotContain("_links").doesNotContain("\"names\"").doesNotContain("measurements");
    }

    Http.Answer admin = Http.as(base(), "admin", "demo").get(path);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.contentType()).contains("json");
  }

  @Test
  void shouldRefuseTheActuatorToAWebappSessionOfANonAdministrator() {
    WebappSession cockpit = new WebappSession(base(), "default");
    assertThat(cockpit.login("cockpit", "gov-clerk", "demo")).isEqualTo(200);
    WebappSession admin = new WebappSession(base(), "default");
    assertThat(admin.login("admin", "admin", "demo")).isEqualTo(200);

    assertThat(cockpit.get("/actuator/metrics").statusCode()).isEqualTo(403);
    assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/actuator/health", "/actuator/health/db"})
  void shouldKeepHealthOpen(String path) {
    Http.Answer health = Http.anonymous(base()).get(path);

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
  }
}
