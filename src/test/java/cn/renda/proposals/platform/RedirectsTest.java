package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every redirect the application answers names no host: a request whose Host (or, through the trusted proxy,
 * X-Forwarded-Host) names another site never gets a Location pointing there.
 */
@IntegrationTest
class RedirectsTest {

  private static final String EVIL = "evil.example";

  @LocalServerPort int port;

  /** Forged the plain way, and the way a proxy would pass it on (the tests play the trusted proxy). */
  static List<Map<String, String>> forgeries() {
    return List.of(Map.of("Host", EVIL), Map.of("Host", "localhost", "X-Forwarded-Host", EVIL));
  }

  static Stream<Arguments> redirects() {
    List<String[]> redirects = List.of(
        new String[] {"/", "/camunda/app/"},
        new String[] {"/camunda", "/camunda/app/tasklist/"},
        new String[] {"/camunda/", "/camunda/app/tasklist/"},
        new String[] {"/camunda/app", "/camunda/app/"},
        new String[] {"/camunda/app/", "/camunda/app/welcome/default/"},
        new String[] {"/camunda/app/tasklist", "/camunda/app/tasklist/"},
        new String[] {"/camunda/app/tasklist/", "/camunda/app/tasklist/default/"},
        new String[] {"/camunda/app/cockpit/", "/camunda/app/cockpit/default/"},
        new String[] {"/camunda/app/admin/", "/camunda/app/admin/default/"},
        new String[] {"/swagger-ui.html", "/swagger-ui/index.html"});
    return redirects.stream()
        .flatMap(redirect -> forgeries().stream().map(forged -> Arguments.of(redirect[0], redirect[1], forged)));
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource("redirects")
  void shouldRedirectWithoutNamingTheForgedHost(String path, String location, Map<String, String> forged) {
    Map<String, String> headers = new HashMap<>(forged);
    headers.put("Authorization", basic("congress-clerk")); // (Swagger UI needs a login; the others ignore it)

    RawHttp.Answer answer = RawHttp.get(port, path, headers);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location")).isEqualTo(location);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void shouldAnswerASubmissionWithALocationOnThisSite(Map<String, String> forged) {
    Map<String, String> headers = new HashMap<>(forged);
    headers.put("Authorization", basic("congress-clerk"));
    String submission = "{\"kind\":\"SUGGESTION\",\"session\":\"" + ProcessDriver.newSession() + "\","
        + "\"title\":\"关于重定向地址测试的建议\",\"content\":\"内容\",\"leadDeputy\":\"maohongding\"}";

    RawHttp.Answer answer = RawHttp.send(port, "POST", "/api/proposals", headers, submission);

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.header("Location")).matches("/api/proposals/[0-9a-f-]{36}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void shouldServeThePublicPagesWithoutRedirectAndWithoutTheForgedHost(Map<String, String> forged) {
    for (String path : List.of("/public/proposals", "/public/proposals/no-such-record")) {
      RawHttp.Answer answer = RawHttp.get(port, path, forged);

      assertThat(answer.status()).as(path).isIn(200, 404);
      assertThat(answer.header("Location")).as(path).isNull();
      assertThat(answer.body()).as(path).contains("/public/proposals").doesNotContain(EVIL);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
