package cn.renda.proposals.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.proposal.Classification;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo data looks like a county this year: the old case closed, this year's figures telling agencies apart. */
@IntegrationTest
class DemoStatisticsTest {

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;

  @Test
  void shouldCloseTheSeedCaseWithItsPromiseKept() {
    var seed = driver.jdbc().sql("SELECT status, final_classification, progress_due FROM proposal"
            + " WHERE session_code = '2020' AND case_number = 28")
        .query((rs, row) -> rs.getString("status") + " " + rs.getString("final_classification"))
        .single();
    assertThat(seed).isEqualTo(ProposalStatus.CLOSED.name() + " " + Classification.A.name());
    // nothing of 2020 waits in anybody's inbox
    assertThat(driver.jdbc().sql("SELECT COUNT(*) FROM proposal WHERE session_code = '2020' AND status <> 'CLOSED'")
        .query(Long.class).single()).isZero();
  }

  @Test
  void shouldGiveTheOfficesADashboardThatTellsAgenciesApart() {
    String session = String.valueOf(LocalDate.now(ProcessDriver.ZONE).minusMonths(8).getYear());
    JsonNode table = Http.as("http://localhost:" + port, "gov-clerk", "demo")
        .get("/api/statistics/agencies?session=" + session).json();

    Set<Double> scores = new HashSet<>();
    int ranked = 0;
    for (JsonNode row : table.get("agencies")) {
      if (row.has("score")) {
        scores.add(row.get("score").asDouble());
        ranked++;
      }
    }
    assertThat(ranked).isGreaterThanOrEqualTo(6);
    assertThat(scores).as("different results").hasSizeGreaterThanOrEqualTo(4);
    JsonNode county = table.get("county");
    assertThat(county.get("replied").asInt()).isGreaterThanOrEqualTo(16);
    assertThat(county.get("repliedLate").asInt()).isPositive();
    assertThat(county.get("overdue").asInt()).isPositive();
    assertThat(county.get("disputed").asInt()).isPositive();
    assertThat(county.get("extensionApproved").asInt()).isPositive();
    assertThat(county.get("rehandled").asInt()).isPositive();
    assertThat(county.get("bKept").asInt()).isPositive();
    assertThat(county.get("bFollowUpOverdue").asInt()).isPositive();
    for (String classification : new String[] {"classA", "classB", "classC"}) {
      assertThat(county.get(classification).asInt()).as(classification).isPositive();
    }
  }
}
