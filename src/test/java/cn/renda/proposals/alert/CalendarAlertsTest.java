package cn.renda.proposals.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestMailServer;
import cn.renda.proposals.support.TestMailServer.Received;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * From 1 November on, a next year without holiday data is announced once a week to the congress office and the
 * administrators (in the application and by mail), and the health endpoint shows the calendar needing attention. The
 * shared test database has no data for 2027.
 */
@IntegrationTest
class CalendarAlertsTest {

  @LocalServerPort int port;
  @Autowired CalendarAlerts calendarAlerts;
  @Autowired ProcessDriver driver;
  @Autowired JdbcClient jdbc;
  @Autowired ManagementService management;

  @AfterEach
  void removeTheCalendarAlerts() {
    driver.resetClock();
    // these alerts concern the whole application: the other tests must not find them
    for (String job : jdbc.sql("""
            SELECT d.job_id FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
            JOIN alert a ON a.id = n.alert_id WHERE a.topic = 'calendar' AND d.job_id IS NOT NULL""")
        .query(String.class).list()) {
      if (management.createJobQuery().jobId(job).count() > 0) {
        management.deleteJob(job);
      }
    }
    jdbc.sql("""
            DELETE FROM notification_delivery WHERE notification_id IN
            (SELECT n.id FROM notification n JOIN alert a ON a.id = n.alert_id WHERE a.topic = 'calendar')""").update();
    jdbc.sql("DELETE FROM notification WHERE alert_id IN (SELECT id FROM alert WHERE topic = 'calendar')").update();
    jdbc.sql("DELETE FROM alert WHERE topic = 'calendar'").update();
  }

  @Test
  void shouldAlertOnceAWeekFromTheFirstOfNovemberWhileNextYearHasNoData() {
    // given 31 October 2026: next year is not asked for yet
    driver.today(LocalDate.of(2026, 10, 31));
    assertThat(calendarAlerts.check()).isEmpty();
    assertThat(calendarHealth().get("status").asText()).isEqualTo("UP");

    // when the calendar is checked on Monday 2 November, and again that day and later that week
    driver.today(LocalDate.of(2026, 11, 2));
    List<Integer> first = calendarAlerts.check();
    List<Integer> sameDay = calendarAlerts.check();
    driver.today(LocalDate.of(2026, 11, 7));
    List<Integer> sameWeek = calendarAlerts.check();

    // then one alert was raised, about 2027
    assertThat(first).containsExactly(2027);
    assertThat(sameDay).isEmpty();
    assertThat(sameWeek).isEmpty();
    JsonNode alert = only(calendarAlertsOf("congress-clerk"));
    assertThat(alert.get("kind").asText()).isEqualTo("CALENDAR_MISSING");
    assertThat(alert.get("kindLabel").asText()).isEqualTo("节假日安排待录入");
    assertThat(alert.get("subjectName").asText()).isEqualTo("2027年节假日安排");
    assertThat(alert.get("message").asText()).contains("2027年的节假日安排").contains("只按周末计算");
    assertThat(alert.get("recipients")).extracting(JsonNode::asText).containsExactly("congress-office",
        "camunda-admin");
    assertThat(alert.has("proposalId")).isFalse();
    // and administrators see it too, agencies and the government office do not
    assertThat(calendarAlertsOf("admin")).hasSize(1);
    assertThat(calendarAlertsOf("gov-clerk")).isEmpty();
    assertThat(calendarAlertsOf("zfw-handler")).isEmpty();

    // and its mail reaches the congress office and the administrators
    String notification = jdbc.sql("SELECT id FROM notification WHERE alert_id = ?")
        .param(alert.get("id").asText()).query(String.class).single();
    for (String job : jdbc.sql("SELECT job_id FROM notification_delivery WHERE notification_id = ?")
        .param(notification).query(String.class).list()) {
      management.executeJob(job);
    }
    List<Received> mails = TestMailServer.received().stream()
        .filter(mail -> notification.equals(mail.notificationId())).toList();
    assertThat(mails).extracting(Received::mailbox).contains("congress-clerk@demo.example", "admin@localhost")
        .doesNotContain("gov-clerk@demo.example");
    assertThat(mails.get(0).subject()).isEqualTo("【节假日安排待录入】2027年节假日安排");
    assertThat(mails.get(0).body()).contains("只按周末计算").contains("/calendar");

    // and the health endpoint shows the calendar needing attention, with the year, while the application stays UP
    JsonNode health = Http.anonymous(base()).get("/actuator/health").json();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(calendarHealth().get("status").asText()).isEqualTo("ATTENTION");
    assertThat(calendarHealth().get("description").asText()).contains("2027");

    // when a week has passed and 2027 still has no data
    driver.today(LocalDate.of(2026, 11, 8));

    // then the second alert comes
    assertThat(calendarAlerts.check()).containsExactly(2027);
    assertThat(calendarAlertsOf("congress-clerk")).extracting(a -> a.get("repetition").asInt())
        .containsExactlyInAnyOrder(0, 1);
  }

  private JsonNode calendarHealth() {
    return Http.anonymous(base()).get("/actuator/health").json().at("/components/calendar");
  }

  private List<JsonNode> calendarAlertsOf(String user) {
    JsonNode alerts = Http.as(base(), user, "demo").get("/api/alerts").json();
    return StreamSupport.stream(alerts.spliterator(), false)
        .filter(alert -> alert.get("kind").asText().equals("CALENDAR_MISSING"))
        .toList();
  }

  private static JsonNode only(List<JsonNode> alerts) {
    assertThat(alerts).hasSize(1);
    return alerts.get(0);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
