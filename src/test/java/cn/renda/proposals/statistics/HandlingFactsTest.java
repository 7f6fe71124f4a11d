package cn.renda.proposals.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The handling facts kept on the proposal's row (schema V8): what the steps wrote is what the figures count, and
 * records made before V8 get the same facts when the application starts.
 */
@IntegrationTest
class HandlingFactsTest {

  private static final String FACTS = "SELECT id, first_assigned_on, first_reply_date, first_reply_deadline,"
      + " last_classification, last_communication_method, first_satisfaction, extensions_requested,"
      + " extensions_approved, promise_kept FROM proposal WHERE session_code = ? ORDER BY id";

  @LocalServerPort int port;
  @Autowired StatisticsFixture fixture;
  @Autowired ProcessDriver driver;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  @Test
  void shouldRecordTheFactsOfEachStepOnTheProposal() {
    String session = fixture.session();

    // P2 (zfw): the first letter late on 06-10 by phone, rehandled by 座谈; dissatisfied the first time
    Map<String, Object> p2 = facts(fixture.id("P2"));
    assertThat(p2.get("first_assigned_on")).isEqualTo(java.sql.Date.valueOf(StatisticsFixture.ASSIGNED));
    assertThat(p2.get("first_reply_date")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2026, 6, 10)));
    assertThat(((java.sql.Date) p2.get("first_reply_deadline")).toLocalDate()).isBefore(LocalDate.of(2026, 6, 10));
    assertThat(p2.get("last_communication_method")).isEqualTo("MEETING");
    assertThat(p2.get("first_satisfaction")).isEqualTo("DISSATISFIED");
    // P3 (zfw): one extension, approved; P11 (mzj): one extension, refused
    assertThat(facts(fixture.id("P3"))).containsEntry("extensions_requested", 1)
        .containsEntry("extensions_approved", 1);
    assertThat(facts(fixture.id("P11"))).containsEntry("extensions_requested", 1)
        .containsEntry("extensions_approved", 0);
    // P6 (sfj): the B promise kept; P7 (sfj): its report missing
    assertThat(facts(fixture.id("P6"))).containsEntry("promise_kept", true).containsEntry("last_classification", "B");
    assertThat(facts(fixture.id("P7"))).containsEntry("promise_kept", false);
    assertThat(jdbc.sql(FACTS).param(session).query().listOfRows()).isNotEmpty();
  }

  @Test
  void shouldGiveRecordsMadeBeforeTheFactsWereKeptTheSameFactsAtStartUp() throws Exception {
    String session = fixture.session();
    List<Map<String, Object>> kept = jdbc.sql(FACTS).param(session).query().listOfRows();
    assertThat(kept).anySatisfy(row -> assertThat(row.get("first_reply_date")).isNotNull());

    // what V8 leaves on a record made before it
    int before = jdbc.sql("UPDATE proposal SET first_assigned_on = NULL, first_reply_date = NULL,"
            + " first_reply_deadline = NULL, last_classification = NULL, last_communication_method = NULL,"
            + " first_satisfaction = NULL, extensions_requested = 0, extensions_approved = 0, promise_kept = FALSE"
            + " WHERE session_code = ?")
        .param(session)
        .update();
    assertThat(before).isEqualTo(kept.size());

    context.getBean("recordBackfill", ApplicationRunner.class).run(new DefaultApplicationArguments());

    assertThat(jdbc.sql(FACTS).param(session).query().listOfRows()).isEqualTo(kept);
    driver.today(StatisticsFixture.TODAY);
    try {
      JsonNode table = Http.as("http://localhost:" + port, "gov-clerk", "demo")
          .get("/api/statistics/agencies?session=" + session).json();
      Expected.assertFigures("county", table.get("county"), Expected.COUNTY);
    } finally {
      driver.resetClock();
    }
  }

  private Map<String, Object> facts(String id) {
    return jdbc.sql(FACTS.replace("session_code = ?", "id = ?")).param(id).query().singleRow();
  }
}
