package cn.renda.proposals.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad parameters answer 400 problem+json naming the parameter at fault, and nothing else. */
@IntegrationTest
class StatisticsBadInputTest {

  @LocalServerPort int port;
  @Autowired StatisticsFixture fixture;

  @Test
  void shouldRefuseBadParametersWithTheFieldAtFault() {
    String s = fixture.session();
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("/api/statistics/agencies", "session:required");
    cases.put("/api/statistics/agencies?session=NOSUCH2099", "session:unknown");
    cases.put("/api/statistics/agencies?session=%3Cb%3E", "session:format");
    cases.put("/api/statistics/agencies?session=" + s + "&assignedFrom=2026-06-01&assignedTo=2026-05-01",
        "assignedTo:range");
    cases.put("/api/statistics/agencies?session=" + s + "&assignedFrom=2026-13-01", "assignedFrom:type");
    cases.put("/api/statistics/agencies?session=" + s + "&kind=PETITION", "kind:type");
    cases.put("/api/statistics/agencies?session=" + s + "&priority=URGENT", "priority:type");
    cases.put("/api/statistics/agencies.xlsx?session=NOSUCH2099", "session:unknown");
    cases.put("/api/statistics/trend?session=" + s + "&agency=nosuch", "agency:unknown");
    cases.put("/api/statistics/trend?session=" + s + "&agency=ZFW", "agency:unknown");
    cases.put("/api/statistics/proposals?session=" + s + "&figure=happiness", "figure:unknown");
    cases.put("/api/statistics/proposals?session=" + s, "figure:required");
    cases.put("/api/statistics/proposals?session=" + s + "&figure=overdue&agency=nosuch", "agency:unknown");
    cases.put("/api/statistics/proposals?session=NOSUCH2099&figure=nonsense", "figure:unknown,session:unknown");

    Http office = Http.as("http://localhost:" + port, "gov-clerk", "demo");
    cases.forEach((path, fields) -> {
      Http.Answer answer = office.get(path);
      assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(400);
      assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
      JsonNode problem = answer.json();
      List<String> errors = new ArrayList<>();
      problem.get("errors").forEach(error -> {
        errors.add(error.get("field").asText() + ":" + error.get("code").asText());
        assertThat(error.get("messageZh").asText()).as(path).matches(".*\\p{IsHan}.*");
      });
      assertThat(errors).as(path).containsExactlyInAnyOrder(fields.split(","));
      assertThat(problem.has("agencies") || problem.has("items") || problem.has("months")).as(path).isFalse();
    });
  }
}
