package cn.renda.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** An unexpected failure of our API is answered with a reference, never with its message. */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {

  @Test
  void shouldAnswerAReferenceAndLogItWithTheException(CapturedOutput log) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/proposals");
    Exception failure = new IllegalStateException("PreparedStatementCallback; SQL [INSERT INTO proposal (title) ...]");

    ResponseEntity<Problem> answer = new ApiExceptionHandler().unexpected(failure, request);

    Problem problem = answer.getBody();
    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(problem.reference()).matches("E-[0-9a-f]{12}").isEqualTo(ErrorReference.issued(request));
    assertThat(problem.detail()).contains(problem.reference()).doesNotContain("SQL");
    assertThat(problem.detailZh()).contains(problem.reference()).startsWith("系统内部错误");
    assertThat(log.getOut()).contains("Unexpected failure " + problem.reference())
        .contains("java.lang.IllegalStateException: PreparedStatementCallback; SQL [INSERT INTO proposal");
  }
}
