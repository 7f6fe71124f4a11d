package cn.renda.proposals.process;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The process model {@code bpmn/proposal-handling.bpmn} and the contracts of its user tasks ({@link TaskContract}),
 * one per task, found by the task's id.
 */
@Component
public class ProposalProcess {

  public static final String KEY = "proposal-handling";

  private final Map<String, TaskContract> contracts;

  public ProposalProcess(List<TaskContract> contracts) {
    this.contracts = contracts.stream().collect(Collectors.toMap(TaskContract::key, Function.identity()));
  }

  /** The contract of the user task with that id. */
  public Optional<TaskContract> task(String key) {
    return Optional.ofNullable(contracts.get(key));
  }

  /** Every user task's contract. */
  public List<TaskContract> tasks() {
    return List.copyOf(contracts.values());
  }
}
