package cn.renda.proposals.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class AlertApiTest {

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldListTheAgencysOwnAlertsOpenFirstAndLetItAcknowledgeThem() {
    // given reminders to 县人民法院 (two proposals) and to 县委政法委
    driver.today(LocalDate.of(2026, 7, 1));
    String first = drafting("fy");
    String second = drafting("fy");
    String other = drafting("zfw");
    driver.fire(first, "Timer_ReplyReminder");
    driver.fire(other, "Timer_ReplyReminder");

    // when 县人民法院 lists its alerts
    JsonNode mine = as("fy-handler").get("/api/alerts").json();

    // then it sees its reminder, in Chinese, with the state of its mail, and not 县委政法委's
    JsonNode reminder = only(mine, first);
    assertThat(reminder.get("kind").asText()).isEqualTo("REPLY_REMINDER");
    assertThat(reminder.get("kindLabel").asText()).isEqualTo("答复期限提醒");
    assertThat(reminder.get("subjectName").asText()).isEqualTo("县人民法院");
    assertThat(reminder.get("message").asText()).contains("请县人民法院抓紧办理");
    assertThat(reminder.get("open").asBoolean()).isTrue();
    assertThat(reminder.get("deliveries").get(0).get("channel").asText()).isEqualTo("MAIL");
    assertThat(reminder.get("deliveries").get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(proposalsOf(mine)).doesNotContain(other);
    assertThat(proposalsOf(as("zfw-handler").get("/api/alerts").json())).contains(other).doesNotContain(first);

    // when it acknowledges the reminder, and a new reminder comes
    var ack = as("fy-handler").post("/api/alerts/" + reminder.get("id").asText() + "/ack", "");
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json().get("open").asBoolean()).isFalse();
    assertThat(ack.json().get("acknowledgedBy").asText()).isEqualTo("fy-handler");
    driver.fire(second, "Timer_ReplyReminder");

    // then the open one comes first
    List<String> order = proposalsOf(as("fy-handler").get("/api/alerts").json()).stream()
        .filter(id -> id.equals(first) || id.equals(second))
        .toList();
    assertThat(order).containsExactly(second, first);

    // and acknowledging again changes nothing
    var again = as("fy-handler").post("/api/alerts/" + reminder.get("id").asText() + "/ack", "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("acknowledgedAt").asText()).isEqualTo(ack.json().get("acknowledgedAt").asText());

    // and the open filter leaves it out
    assertThat(proposalsOf(as("fy-handler").get("/api/alerts?status=OPEN").json())).contains(second)
        .doesNotContain(first);
    assertThat(proposalsOf(as("fy-handler").get("/api/alerts?status=ACKNOWLEDGED").json())).contains(first)
        .doesNotContain(second);
  }

  @Test
  void shouldShowSupervisorsEveryOverdueAlertWithTheDaysOverdue() {
    // given a normal proposal of 县教育局 whose reply was due on 2026-10-08
    driver.today(LocalDate.of(2026, 7, 1));
    String id = drafting("jyj");
    driver.fire(id, "Timer_ReplyReminder");
    driver.fire(id, "Timer_ReplyOverdue");

    // when the supervisors look five days later
    driver.today(LocalDate.of(2026, 10, 13));
    JsonNode gov = only(as("gov-clerk").get("/api/alerts?proposalId=" + id).json(), id);
    JsonNode congress = only(as("congress-clerk").get("/api/alerts?proposalId=" + id).json(), id);

    // then both see the overdue alert (addressed to the government office only), five days overdue
    for (JsonNode alert : List.of(gov, congress)) {
      assertThat(alert.get("kind").asText()).isEqualTo("REPLY_OVERDUE");
      assertThat(alert.get("kindLabel").asText()).isEqualTo("答复超期预警");
      assertThat(alert.get("daysOverdue").asLong()).isEqualTo(5);
      assertThat(alert.get("recipients")).extracting(JsonNode::asText).containsExactly("gov-office");
    }
    // and the agency's reminder is not theirs; the overdue alert is not the agency's
    assertThat(as("jyj-handler").get("/api/alerts?proposalId=" + id).json())
        .extracting(alert -> alert.get("kind").asText())
        .containsExactly("REPLY_REMINDER");

    // when the government office acknowledges it, the count stops at that day
    as("gov-clerk").post("/api/alerts/" + gov.get("id").asText() + "/ack", "");
    driver.today(LocalDate.of(2026, 10, 20));
    JsonNode acknowledged = only(as("congress-clerk").get("/api/alerts?proposalId=" + id).json(), id);
    assertThat(acknowledged.get("open").asBoolean()).isFalse();
    assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("gov-clerk");
    assertThat(acknowledged.get("daysOverdue").asLong()).isEqualTo(5);
  }

  @Test
  void shouldAnswerProblemsForBadParametersAndAlertsTheCallerMayNotSee() {
    // given a reminder to 县民政局
    driver.today(LocalDate.of(2026, 7, 1));
    String id = drafting("mzj");
    driver.fire(id, "Timer_ReplyReminder");
    String alertId = only(as("mzj-handler").get("/api/alerts?proposalId=" + id).json(), id).get("id").asText();

    // then bad parameters are refused with the field at fault
    assertProblem(as("mzj-handler").get("/api/alerts?limit=0"), 400, "limit");
    assertProblem(as("mzj-handler").get("/api/alerts?limit=many"), 400, "limit");
    assertProblem(as("mzj-handler").get("/api/alerts?status=CLOSED"), 400, "status");

    // and another agency cannot acknowledge it, nor probe ids
    assertProblem(as("zfw-handler").post("/api/alerts/" + alertId + "/ack", ""), 404, null);
    assertProblem(as("mzj-handler").post("/api/alerts/no-such-alert/ack", ""), 404, null);
    assertThat(Http.anonymous(base()).get("/api/alerts").status()).isEqualTo(401);
    assertThat(Http.anonymous(base()).post("/api/alerts/" + alertId + "/ack", "").status()).isEqualTo(401);

    // and nothing changed
    assertThat(only(as("mzj-handler").get("/api/alerts?proposalId=" + id).json(), id).get("open").asBoolean()).isTrue();
  }

  private String drafting(String agency) {
    return walk.toDrafting(ProcessDriver.newSession(), agency);
  }

  private Http as(String user) {
    return Http.as(base(), user, "demo");
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static JsonNode only(JsonNode alerts, String proposalId) {
    List<JsonNode> found = new ArrayList<>();
    alerts.forEach(alert -> {
      if (alert.get("proposalId").asText().equals(proposalId)) {
        found.add(alert);
      }
    });
    assertThat(found).as("alerts of " + proposalId).hasSize(1);
    return found.get(0);
  }

  private static List<String> proposalsOf(JsonNode alerts) {
    List<String> ids = new ArrayList<>();
    alerts.forEach(alert -> ids.add(alert.get("proposalId").asText()));
    return ids;
  }

  private static void assertProblem(Http.Answer answer, int status, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("detailZh")).as(answer.body()).isNotNull();
    assertThat(answer.json().get("detailZh").asText()).isNotBlank();
    assertThat(answer.json().get("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(answer.json().get("errors")).extracting(error -> error.get("field").asText()).contains(field);
      assertThat(answer.json().get("errors").get(0).get("messageZh").asText()).isNotBlank();
    }
  }
}
