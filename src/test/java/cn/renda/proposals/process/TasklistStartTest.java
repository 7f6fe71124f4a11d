package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.*;
import static cn.renda.proposals.process.ProposalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.web.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The congress office registers a proposal for a deputy with Tasklist's start form. */
@IntegrationTest
class TasklistStartTest extends ProcessTestBase {

  private Map<String, Object> form(String session) {
    Map<String, Object> form = new HashMap<>();
    form.put(KIND, "MOTION");
    form.put(SESSION, session);
    form.put(TITLE, "关于加强海岛防台风设施建设的议案");
    form.put(CONTENT, "建议加大投入，完善避风港和防台风设施。");
    form.put(LEAD_DEPUTY, "maohongding");
    form.put(CO_SIGNERS, String.join(", ", ProcessDriver.CO_SIGNERS));
    return form;
  }

  private ProcessInstance start(String user, Map<String, Object> form) {
    AtomicReference<ProcessInstance> started = new AtomicReference<>();
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();
    driver.as(user, () -> started.set(engine.getFormService().submitStartForm(definition, form)));
    return started.get();
  }

  @Test
  void shouldTurnTheStartFormIntoTheRecordAndUseItsIdAsBusinessKey() {
    String session = ProcessDriver.newSession();

    ProcessInstance instance = start("congress-clerk", form(session));

    String id = instance.getBusinessKey();
    ProposalRecord record = records.get(id);
    assertThat(record.kind()).isEqualTo(ProposalKind.MOTION);
    assertThat(record.session()).isEqualTo(session);
    assertThat(record.coSigners()).containsExactlyElementsOf(ProcessDriver.CO_SIGNERS);
    assertThat(record.submittedBy()).isEqualTo("congress-clerk");
    // the text lives in the record, not in the process
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
    assertThat(variables).doesNotContainKeys(TITLE, CONTENT, CO_SIGNERS).containsEntry(PROPOSAL_ID, id);
    assertThat(driver.task(id, REVIEW_PROPOSAL).getName()).isEqualTo("审查立案：关于加强海岛防台风设施建设的议案");
  }

  @Test
  void shouldRefuseAnIncompleteStartFormAndStoreNothing() {
    Map<String, Object> form = form(ProcessDriver.newSession());
    form.put(CO_SIGNERS, "zhanglihua");
    long before = jdbc.sql("SELECT COUNT(*) FROM proposal").query(Long.class).single();

    assertThatThrownBy(() -> start("congress-clerk", form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("议案须由10名以上代表联名");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM proposal").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void shouldLetOnlyTheCongressOfficeStartInTasklist() {
    assertThatThrownBy(() -> start("zfw-handler", form(ProcessDriver.newSession())))
        .isInstanceOf(AuthorizationException.class);
  }
}
