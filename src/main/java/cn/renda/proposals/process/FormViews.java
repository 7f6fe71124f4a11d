package cn.renda.proposals.process;

import cn.renda.proposals.platform.TaskPresentation;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The tasks' presentation is their contracts' {@link View}s, on the record as it is when the form is read. */
@Component
class FormViews implements TaskPresentation {

  private static final Set<String> NAMES = Arrays.stream(View.values()).map(View::key)
      .collect(Collectors.toUnmodifiableSet());

  private final ProposalProcess process;
  private final ProcessRecords records;
  private final TaskViews views;

  FormViews(ProposalProcess process, ProcessRecords records, TaskViews views) {
    this.process = process;
    this.records = records;
    this.views = views;
  }

  @Override
  public Map<String, Shown> present(String processDefinitionKey, DelegateTask task) {
    if (!ProposalProcess.KEY.equals(processDefinitionKey) || task.getExecution() == null) {
      return Map.of();
    }
    List<View> shown = process.task(task.getTaskDefinitionKey()).map(TaskContract::views).orElse(List.of());
    if (shown.isEmpty()) {
      return Map.of();
    }
    Map<String, Shown> presented = new LinkedHashMap<>();
    Instant created = task.getCreateTime() == null ? null : task.getCreateTime().toInstant();
    views.views(shown, records.of(task), created).forEach((view, text) ->
        presented.put(view.key(), new Shown(text, view.isJson())));
    return presented;
  }

  @Override
  public boolean isPresentation(String variableName) {
    return NAMES.contains(variableName);
  }
}
