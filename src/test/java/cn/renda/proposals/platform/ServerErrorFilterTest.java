package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.web.ErrorReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every way a failure reaches the answer (a 500 body, sendError, an exception) ends in the generic answer. */
@ExtendWith(OutputCaptureExtension.class)
class ServerErrorFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LEAK = "PreparedStatementCallback; SQL [INSERT INTO reply (id) VALUES (?)]; "
      + "Value too long for column \"CONTACT_PERSON CHARACTER VARYING(50)\"";

  private final ServerErrorFilter filter = new ServerErrorFilter(JSON);

  @Test
  void shouldReplaceA500BodyWrittenThroughTheWriter(CapturedOutput log) throws Exception {
    MockHttpServletResponse response = run("/engine-rest", "/task/1/complete", (request, answer) -> {
      HttpServletResponse http = (HttpServletResponse) answer;
      http.setStatus(500);
      http.setContentType("application/json");
      http.setContentLength(LEAK.length() + 30);
      http.getWriter().write("{\"type\":\"RestException\",\"message\":\"" + LEAK.replace("\"", "'") + "\"}");
      http.flushBuffer();
    });

    JsonNode body = assertGeneric(response, "application/json", log);
    assertThat(body.get("type").asText()).isEqualTo("ServerError");
    assertThat(log.getOut()).contains("VARYING(50)");
  }

  @Test
  void shouldReplaceAContainerErrorPage(CapturedOutput log) throws Exception {
    MockHttpServletResponse response = run("/camunda/api/cockpit", "/plugin/base/default/x",
        (request, answer) -> ((HttpServletResponse) answer).sendError(503, LEAK));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getErrorMessage()).isNull();
    assertGeneric(response, "application/json", log);
  }

  @Test
  void shouldAnswerAnEscapingExceptionOnOurApiAsProblem(CapturedOutput log) throws Exception {
    MockHttpServletResponse response = run("", "/api/proposals", (request, answer) -> {
      throw new IllegalStateException(LEAK);
    });

    JsonNode body = assertGeneric(response, "application/problem+json", log);
    assertThat(body.get("status").asInt()).isEqualTo(500);
    assertThat(body.get("detailZh").asText()).contains(body.get("reference").asText());
    assertThat(log.getOut()).contains("java.lang.IllegalStateException: " + LEAK);
  }

  @Test
  void shouldPassAnswersBelow500AndAnswersThatNameTheirReference() throws Exception {
    MockHttpServletResponse refused = run("/engine-rest", "/task", (request, answer) -> {
      ((HttpServletResponse) answer).setStatus(400);
      answer.getOutputStream().write("{\"message\":\"maxResults\"}".getBytes(StandardCharsets.UTF_8));
    });
    MockHttpServletResponse handled = run("", "/api/proposals", (request, answer) -> {
      ErrorReference.issue((jakarta.servlet.http.HttpServletRequest) request);
      ((HttpServletResponse) answer).setStatus(500);
      answer.getOutputStream().write("{\"reference\":\"E-1\"}".getBytes(StandardCharsets.UTF_8));
    });

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).isEqualTo("{\"message\":\"maxResults\"}");
    assertThat(handled.getStatus()).isEqualTo(500);
    assertThat(handled.getContentAsString()).isEqualTo("{\"reference\":\"E-1\"}");
  }

  private MockHttpServletResponse run(String servletPath, String pathInfo, FilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", servletPath + pathInfo);
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    return response;
  }

  private static JsonNode assertGeneric(MockHttpServletResponse response, String type, CapturedOutput log)
      throws Exception {
    String text = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).isGreaterThanOrEqualTo(500);
    assertThat(response.getContentType()).startsWith(type);
    assertThat(response.getContentLength()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    assertThat(text).doesNotContain("SQL").doesNotContain("INSERT").doesNotContain("Exception");
    JsonNode body = JSON.readTree(text);
    String reference = body.get("reference").asText();
    assertThat(reference).matches("E-[0-9a-f]{12}");
    assertThat(text).contains("系统内部错误");
    assertThat(log.getOut()).contains("Internal error " + reference);
    return body;
  }
}
