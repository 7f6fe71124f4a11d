package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.renda.proposals.proposal.CaseNumbers;
import cn.renda.proposals.proposal.Classification;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** The reference case (seed no. 28, Shengsi 2020) carried through the whole procedure, step by step. */
@IntegrationTest
class SeedCaseProcessTest extends ProcessTestBase {

  @Autowired ProposalSubmission submission;
  @Autowired CaseNumbers caseNumbers;

  @Test
  void shouldCarryProposal28FromSubmissionToClosing() throws Exception {
    JsonNode seed = new ObjectMapper().readTree(new ClassPathResource("demo/proposal-28.json").getInputStream());
    // a session of its own, numbered on paper up to 27 before the system took over
    String session = ProcessDriver.newSession();
    caseNumbers.continueAfter(session, ProposalKind.MOTION, 27);

    // submitted by the congress office for 毛宏定 and ten co-signers
    driver.today(LocalDate.of(2020, 4, 2));
    String id = submission.submit(new NewProposal(ProposalKind.MOTION, session, seed.get("title").asText(),
        seed.get("content").asText(), "maohongding", ProcessDriver.CO_SIGNERS), "congress-clerk");
    ProcessInstance instance = instance(id);

    // accepted as a key motion: case number 28
    driver.today(LocalDate.of(2020, 4, 8));
    walk.review(id, "ACCEPT", "KEY");
    assertThat(records.get(id).caseNumber()).isEqualTo(28);

    // assigned to 县委政法委 with four co-agencies, the letter issued by 县人民政府办公室
    driver.today(LocalDate.of(2020, 5, 6));
    driver.complete("gov-clerk", id, AssignAgencies.KEY, Map.of(AssignAgencies.LEAD_AGENCY.name(), "zfw",
        AssignAgencies.CO_AGENCIES.name(), Walk.codes("sfj", "fy", "mzj", "xfj"), AssignAgencies.REPLY_ISSUER.name(),
            "zfb"));
    assertThat(records.get(id).replyDue()).isEqualTo(LocalDate.of(2020, 8, 6));
    driver.today(LocalDate.of(2020, 5, 7));
    walk.accept(id, "zfw");
    assertThat(driver.tasks(id, ProvideCoOpinion.KEY)).hasSize(4);

    driver.today(LocalDate.of(2020, 5, 28));
    for (String coAgency : new String[] {"sfj", "fy", "mzj", "xfj"}) {
      walk.coOpinion(id, coAgency);
    }
    assertThat(instance).isWaitingAt(DraftReply.KEY);

    // the reply: class B, face-to-face communication, signed off and delivered on 2020-07-31
    driver.today(LocalDate.of(2020, 7, 27));
    Map<String,
        Object> reply = new HashMap<>(Walk.reply("B", LocalDate.parse(seed.get("plannedResolutionDate").asText())));
    reply.put(DraftReply.REPLY_TEXT.name(), seed.get("replyText").asText());
    driver.complete("zfw-handler", id, DraftReply.KEY, reply);
    driver.today(LocalDate.of(2020, 7, 31));
    walk.signOff(id, "zfw", "APPROVE");

    ProposalRecord replied = records.get(id);
    assertThat(replied.status()).isEqualTo(ProposalStatus.AWAITING_FEEDBACK);
    assertThat(replied.publishedAt()).isNotNull();
    assertThat(jdbc.sql("SELECT reply_date FROM reply WHERE proposal_id = ? AND status = 'APPROVED'").param(id)
        .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2020, 7, 31));
    assertThat(jdbc.sql("SELECT issuer_code FROM reply WHERE proposal_id = ?").param(id).query(String.class).single())
        .isEqualTo("zfb");
    assertThat(jdbc.sql("SELECT agency_code FROM proposal_agency WHERE proposal_id = ? ORDER BY position").param(id)
        .query(String.class).list()).containsExactly("zfw", "sfj", "fy", "mzj", "xfj");

    // the deputy is satisfied, the congress office evaluates it as B: follow-up until the promise is kept
    driver.today(LocalDate.of(2020, 8, 10));
    walk.feedback(id, "SATISFIED");
    driver.today(LocalDate.of(2020, 8, 20));
    walk.evaluate(id, "B");
    assertThat(instance).isWaitingAt(ReportProgress.KEY);
    assertThat(records.get(id).progressDue()).isEqualTo(LocalDate.of(2020, 12, 31));

    driver.today(LocalDate.of(2020, 12, 28));
    driver.complete("zfw-handler", id, ReportProgress.KEY,
        Map.of(ReportProgress.PROGRESS_REPORT.name(), "县社会矛盾纠纷调处化解中心已建成运行", ReportProgress.RESOLVED.name(), true));

    // closed, the classification became A; no alert was ever needed
    assertThat(instance).isEnded().hasPassed("EndEvent_Closed");
    ProposalRecord closed = records.get(id);
    assertThat(closed.status()).isEqualTo(ProposalStatus.CLOSED);
    assertThat(closed.priority()).isEqualTo(Priority.KEY);
    assertThat(closed.finalClassification()).isEqualTo(Classification.A);
    assertThat(closed.deputies()).hasSize(11).first().isEqualTo("maohongding");
    assertThat(alerts(id)).isEmpty();
    assertThat(jdbc.sql("SELECT action FROM timeline_event WHERE proposal_id = ? ORDER BY id").param(id)
            .query(String.class).list())
        .startsWith("SUBMITTED", "ACCEPTED", "ASSIGNED", "ASSIGNMENT_ACCEPTED")
        .contains("REPLY_APPROVED", "REPLY_DELIVERED", "PUBLISHED", "FEEDBACK_GIVEN", "EVALUATED", "RESOLVED")
        .endsWith("CLOSED");
  }
}
