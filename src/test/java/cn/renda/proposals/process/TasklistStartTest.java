package cn.renda.proposals.process;

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
    form.put(ProcessVariables.KIND.name(), "MOTION");
    form.put(ProcessVariables.SESSION.name(), session);
    form.put(ProcessVariables.TITLE.name(), "关于加强海岛防台风设施建设的议案");
    form.put(ProcessVariables.CONTENT.name(), "建议加大投入，完善避风港和防台风设施。");
    form.put(ProcessVariables.LEAD_DEPUTY.name(), "maohongding");
    form.put(ProcessVariables.CO_SIGNERS.name(), String.join(", ", ProcessDriver.CO_SIGNERS));
    return form;
  }

  private ProcessInstance start(String user, Map<String, Object> form) {
    AtomicReference<ProcessInstance> started = new AtomicReference<>();
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProposalProcess.KEY)
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
    assertThat(variables)
        .doesNotContainKeys(ProcessVariables.TITLE.name(), ProcessVariables.CONTENT.name(),
        ProcessVariables.CO_SIGNERS.name());
    assertThat(instance.getBusinessKey()).isEqualTo(id);
    assertThat(record.processInstanceId()).isEqualTo(instance.getId());
    assertThat(driver.task(id, ReviewProposal.KEY).getName()).isEqualTo("审查立案：议案《关于加强海岛防台风设施建设的议案》");
  }

  @Test
  void shouldRefuseAnIncompleteStartFormAndStoreNothing() {
    Map<String, Object> form = form(ProcessDriver.newSession());
    form.put(ProcessVariables.CO_SIGNERS.name(), "zhanglihua");
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
