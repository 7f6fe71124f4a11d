package cn.renda.proposals.process;

import cn.renda.proposals.identity.Groups;
import cn.renda.proposals.platform.WritePolicy;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What people may write into {@code proposal-handling}, from its task contracts (see the engine's guard). */
@Component
class ProcessWritePolicy implements WritePolicy {

  private final ProposalProcess process;

  ProcessWritePolicy(ProposalProcess process) {
    this.process = process;
  }

  @Override
  public Optional<TaskInputs> taskInputs(String processDefinitionKey, String taskDefinitionKey) {
    if (!ProposalProcess.KEY.equals(processDefinitionKey)) {
      return Optional.empty();
    }
    return process.task(taskDefinitionKey).map(contract -> new TaskInputs(
        contract.answers().stream().map(Answer::name).collect(Collectors.toCollection(LinkedHashSet::new)),
        contract.shownNames()));
  }

  @Override
  public Optional<Set<String>> startFields(String processDefinitionKey) {
    if (!ProposalProcess.KEY.equals(processDefinitionKey)) {
      return Optional.empty();
    }
    return Optional.of(ProcessVariables.START_FORM.stream().map(Variable::name)
        .collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /** The offices reassign within an agency (a handler on leave); nobody else hands work on. */
  @Override
  public boolean mayReassign(Collection<String> groups) {
    return groups != null && (groups.contains(Groups.CONGRESS_OFFICE) || groups.contains(Groups.GOV_OFFICE));
  }
}
