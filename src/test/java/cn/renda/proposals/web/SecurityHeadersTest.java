package cn.renda.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public pages, Swagger UI with the API docs, and the REST answers carry a Content-Security-Policy,
 * X-Frame-Options, nosniff and Referrer-Policy; each page loads only what its policy allows. The Camunda webapps keep
 * their own policy and gain what they lack.
 */
@IntegrationTest
class SecurityHeadersTest {

  @LocalServerPort int port;

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void shouldServeThePublicPagesWithAPolicyTheyKeep() {
    Http anonymous = Http.anonymous(base());
    String published = anonymous.get("/public/proposals", "application/json").json().at("/items/0/id").asText();
    assertThat(published).isNotBlank();

    for (String path : List.of("/public/proposals", "/public/proposals/" + published, "/public/proposals/none")) {
      Http.Answer page = anonymous.get(path, "text/html");
      assertThat(page.status()).as(path).isIn(200, 404);
      assertThat(page.contentType()).startsWith("text/html");
      assertFramingSniffingAndReferrer(page);
      Map<String, List<String>> policy = policy(page);
      assertThat(policy.get("default-src")).containsExactly("'none'");
      assertThat(policy.get("frame-ancestors")).containsExactly("'none'");
      assertThat(policy).doesNotContainKey("script-src");

      // what the page holds is what the policy allows: its own stylesheet, no script, no inline style
      Document html = Jsoup.parse(page.body(), base() + path);
      assertThat(html.select("script")).as(path).isEmpty();
      assertThat(html.select("style")).as(path).isEmpty();
      assertThat(html.select("[style]")).as(path).isEmpty();
      assertThat(html.select("img, iframe, object, embed, form")).as(path).isEmpty();
      List<Element> stylesheets = html.select("link[rel=stylesheet]");
      assertThat(stylesheets).as(path).isNotEmpty();
      for (Element stylesheet : stylesheets) {
        assertLoadable(anonymous, policy, "style-src", stylesheet.absUrl("href"), "text/css");
      }
    }
  }

  @Test
  void shouldServeSwaggerUiWithAPolicyItWorksWith() {
    Http http = Http.as(base(), "zfw-handler", "demo");

    Http.Answer page = http.get("/swagger-ui/index.html");

    assertThat(page.status()).isEqualTo(200);
    assertFramingSniffingAndReferrer(page);
    Map<String, List<String>> policy = policy(page);
    assertThat(policy.get("frame-ancestors")).containsExactly("'none'");
    assertThat(policy.get("script-src")).containsExactly("'self'");
    Document html = Jsoup.parse(page.body(), base() + "/swagger-ui/index.html");
    List<Element> scripts = html.select("script");
    assertThat(scripts).extracting(script -> script.attr("src")).doesNotContain("");
    for (Element script : scripts) {
      assertLoadable(http, policy, "script-src", script.absUrl("src"), "javascript");
    }
    for (Element stylesheet : html.select("link[rel=stylesheet]")) {
      assertLoadable(http, policy, "style-src", stylesheet.absUrl("href"), "text/css");
    }

    // the initializer starts Swagger UI from this site only: its configuration and the API description
    Http.Answer initializer = http.get("/swagger-ui/swagger-initializer.js");
    assertThat(initializer.status()).isEqualTo(200);
    assertFramingSniffingAndReferrer(initializer);
    assertThat(initializer.header("Content-Security-Policy")).isEqualTo(page.header("Content-Security-Policy"));
    assertThat(initializer.body()).contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"")
        .doesNotContain("http://").doesNotContain("https://");
    Http.Answer config = http.get("/v3/api-docs/swagger-config");
    assertFramingSniffingAndReferrer(config);
    String specification = config.json().get("url").asText();
    assertThat(specification).isEqualTo("/v3/api-docs");
    assertThat(allows(policy, "connect-src", base() + specification)).isTrue();
    assertThat(allows(policy, "connect-src", base() + "/api/proposals")).isTrue(); // (Try it out)
    assertThat(allows(policy, "connect-src", "https://petstore.swagger.io/v2/swagger.json")).isFalse();
    Http.Answer docs = http.get(specification);
    assertThat(docs.status()).isEqualTo(200);
    assertFramingSniffingAndReferrer(docs);
    assertFramingSniffingAndReferrer(http.get("/v3/api-docs.yaml"));
  }

  @Test
  void shouldMarkOurApiAndEngineRestAnswersNosniff() {
    List<Http.Answer> answers = List.of(
        Http.as(base(), "zfw-handler", "demo").get("/api/me"),
        Http.anonymous(base()).get("/api/me"),
        Http.as(base(), "zfw-handler", "demo").get("/api/proposals/none"),
        Http.as(base(), "zfw-handler", "demo").get("/engine-rest/task?maxResults=1"));

    assertThat(answers).extracting(Http.Answer::status).containsExactly(200, 401, 404, 200);
    for (Http.Answer answer : answers) {
      assertFramingSniffingAndReferrer(answer);
      assertThat(policy(answer).get("default-src")).containsExactly("'none'");
    }
  }

  @Test
  void shouldKeepTheWebappsOwnPolicyAndAddWhatTheyLack() {
    Http.Answer tasklist = Http.anonymous(base()).get("/camunda/app/tasklist/default/");
    Http.Answer script = Http.anonymous(base()).get("/camunda/lib/deps.js");

    assertThat(tasklist.status()).isEqualTo(200);
    // Camunda's policy, with its nonce for the page's scripts
    assertThat(tasklist.header("Content-Security-Policy")).contains("'nonce-").contains("frame-ancestors 'none'");
    assertFramingSniffingAndReferrer(tasklist);
    assertThat(script.status()).isEqualTo(200);
    assertFramingSniffingAndReferrer(script);
  }

  private static void assertFramingSniffingAndReferrer(Http.Answer answer) {
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
  }

  private void assertLoadable(Http http, Map<String, List<String>> policy, String directive, String url, String type) {
    assertThat(allows(policy, directive, url)).as(directive + " allows " + url).isTrue();
    Http.Answer resource = http.get(url.substring(base().length())); // (same origin, as allowed)
    assertThat(resource.status()).as(url).isEqualTo(200);
    assertThat(resource.contentType()).as(url).contains(type);
    assertThat(resource.header("X-Content-Type-Options")).as(url).isEqualTo("nosniff");
  }

  private static Map<String, List<String>> policy(Http.Answer answer) {
    String header = answer.header("Content-Security-Policy");
    assertThat(header).isNotBlank();
    Map<String, List<String>> directives = new LinkedHashMap<>();
    for (String directive : header.split(";")) {
      List<String> words = Arrays.stream(directive.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
      if (!words.isEmpty()) {
        directives.put(words.get(0), words.subList(1, words.size()));
      }
    }
    return directives;
  }

  /** Whether the policy lets the page load the URL under the directive (or default-src): this origin via 'self'. */
  private boolean allows(Map<String, List<String>> policy, String directive, String url) {
    List<String> sources = policy.getOrDefault(directive, policy.getOrDefault("default-src", List.of("*")));
    boolean sameOrigin = url.startsWith(base() + "/");
    return sources.contains("*") || (sameOrigin && sources.contains("'self'"));
  }
}
