package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import java.lang.reflect.Proxy;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instance acts only on the record linked to it: by its business key, checked against the instance the record
 * names, whether the record is read whole ({@code of}) or only its id is wanted ({@code idOf}, which remembers a
 * link it found, since a link never changes).
 */
@IntegrationTest
class ProcessRecordsTest extends ProcessTestBase {

  @Autowired ProcessRecords processRecords;

  @Test
  void shouldGiveTheRecordOfItsOwnInstanceOnlyAndRememberTheLink() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于改善农村道路照明的建议");
    String own = instance(id).getId();

    assertThat(processRecords.idOf(execution(id, own))).isEqualTo(id);
    assertThat(processRecords.idOf(execution(id, own))).isEqualTo(id);
    assertThat(processRecords.of(execution(id, own)).id()).isEqualTo(id);

    // another instance naming the record in its business key acts on nothing, before and after the link is known
    assertThatThrownBy(() -> processRecords.idOf(execution(id, "another-instance")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not the one of proposal " + id);
    assertThatThrownBy(() -> processRecords.of(execution(id, "another-instance")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not the one of proposal " + id);
    assertThatThrownBy(() -> processRecords.idOf(execution("no-such-record", own)))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> processRecords.idOf(execution(null, own)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no proposal");
  }

  /** An execution of the instance with the business key, as the engine hands it to listeners. */
  private static DelegateExecution execution(String businessKey, String processInstanceId) {
    return (DelegateExecution) Proxy.newProxyInstance(ProcessRecordsTest.class.getClassLoader(),
        new Class<?>[] {DelegateExecution.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getProcessBusinessKey" -> businessKey;
          case "getProcessInstanceId" -> processInstanceId;
          case "toString" -> "execution of " + processInstanceId;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
