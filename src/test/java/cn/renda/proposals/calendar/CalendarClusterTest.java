package cn.renda.proposals.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.InventedCalendar;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one database: a calendar change made through one is used by the other for the next deadline it sets,
 * without a restart. 2027's arrangement is {@link InventedCalendar#year2027() invented for the tests}.
 */
class CalendarClusterTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldUseAChangeMadeOnOneNodeOnTheOtherAtOnce() {
    Map<String, String> database = TestApplications.on(TestDatabases.create());
    try (ConfigurableApplicationContext first = TestApplications.start(List.of("demo", "test"), database);
        ConfigurableApplicationContext second = TestApplications.start(List.of("demo", "test"), database)) {
      ProcessDriver onSecond = driver(second);

      // given the second node has set a deadline in 2027 on weekends only: 5 working days from Friday 29 January
      onSecond.at(LocalDate.of(2027, 1, 29), LocalTime.of(9, 0));
      String before = onSecond.submitSuggestion(ProcessDriver.newSession(), "关于完善海岛医疗急救体系的建议");
      assertThat(onSecond.task(before, ReviewProposal.KEY).getDueDate())
          .isEqualTo(ProcessDriver.endOf(LocalDate.of(2027, 2, 5)));

      // when the congress office enters 2027 through the first node (it works Sunday 31 January)
      Http.Answer applied = Http.as(base(first), "congress-clerk", "demo")
          .put("/api/calendar/2027", InventedCalendar.year2027());
      assertThat(applied.status()).isEqualTo(200);

      // then the second node sets its next deadline on the new calendar
      String after = onSecond.submitSuggestion(ProcessDriver.newSession(), "关于加强海岛饮用水保障的建议");
      assertThat(onSecond.task(after, ReviewProposal.KEY).getDueDate())
          .isEqualTo(ProcessDriver.endOf(LocalDate.of(2027, 2, 4)));
      // and the deadline it had set before was moved with the others
      assertThat(onSecond.task(before, ReviewProposal.KEY).getDueDate())
          .isEqualTo(ProcessDriver.endOf(LocalDate.of(2027, 2, 4)));
      assertThat(Http.as(base(second), "zfw-handler", "demo").get("/api/calendar/2027").json()
          .get("covered").asBoolean()).isTrue();
    }
  }

  private static ProcessDriver driver(ConfigurableApplicationContext app) {
    return new ProcessDriver(app.getBean(ProcessEngine.class), app.getBean(ProposalSubmission.class),
        app.getBean(JdbcClient.class));
  }

  private static String base(ConfigurableApplicationContext app) {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }
}
