package cn.renda.proposals.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractGetFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.value.impl.JsonValueImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A task's views ({@link TaskPresentation}) read as the task's own variables, computed from the record when they are
 * read. Tasklist fills a Camunda Form from {@code GET /task/{id}/form-variables}; engine-rest's
 * {@code /task/{id}/variables} and {@code /localVariables} and the Java {@code TaskService} reads answer the same.
 *
 * <p>Views used to be copied onto each task as task-local variables when it was created and deleted with it: a
 * dozen rows written and deleted per task, some 200 of the 880 statements of a proposal's lifecycle (7 to 17 % of the
 * procedure's throughput in alternating runs of the benchmark's figure 1; README, "Benchmark at national scale"), for
 * values the record holds anyway, and which went stale while a task waited. Computed on reading, a form shows the
 * record as it is (a deadline the calendar moved, a co-opinion given since). The read command's own authorization
 * check runs first: a caller who may not read the task gets the engine's refusal and no view. Variable-instance
 * queries do not list views: they are not variables.
 */
@Component
public class TaskViewReads extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskPresentation> presentation;

  public TaskViewReads(ObjectProvider<TaskPresentation> presentation) {
    this.presentation = presentation;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        CommandGuard.with(configuration.getCustomPostCommandInterceptorsTxRequired(), new Reads()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        CommandGuard.with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Reads()));
  }

  /** The views of the task now, by name; empty when its process's forms show none. */
  private static Map<String, TaskPresentation.Shown> views(TaskPresentation views, CommandContext context,
      TaskEntity task) {
    if (task == null || task.getProcessDefinitionId() == null) {
      return Map.of();
    }
    String key = task.getProcessDefinition().getKey();
    return context.runWithoutAuthorization(() -> views.present(key, task));
  }

  private final class Reads extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (!CommandGuard.isOutermost() || !(command instanceof GetTaskFormVariablesCmd
          || command instanceof GetTaskVariablesCmd || command instanceof GetTaskVariableCmd
          || command instanceof GetTaskVariableCmdTyped)) {
        return result;
      }
      return withViews(command, result);
    }

    @SuppressWarnings("unchecked")
    private <T> T withViews(Command<T> command, T result) {
      TaskPresentation presentations = presentation.getIfAvailable();
      boolean form = command instanceof AbstractGetFormVariablesCmd;
      boolean one = command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped;
      Collection<String> names = form ? ((AbstractGetFormVariablesCmd) command).formVariableNames
          : one ? List.of(CommandGuard.<String>read(command, "variableName"))
          : CommandGuard.read(command, "variableNames");
      if (presentations == null || names != null && names.stream().noneMatch(presentations::isPresentation)) {
        return result;
      }
      CommandContext context = Context.getCommandContext();
      String taskId = form ? ((AbstractGetFormVariablesCmd) command).resourceId : CommandGuard.read(command, "taskId");
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      Map<String, TaskPresentation.Shown> shown = views(presentations, context, task);
      if (one) {
        TaskPresentation.Shown view = shown.get(names.iterator().next());
        if (view == null) {
          return result;
        }
        return command instanceof GetTaskVariableCmdTyped
            ? (T) typed(view, CommandGuard.read(command, "deserializeValue"))
            : (T) typed(view, true).getValue();
      }
      boolean deserialize = CommandGuard.read(command, form ? "deserializeObjectValues" : "deserializeValues");
      shown.forEach((name, view) -> {
        if (names == null || names.contains(name)) {
          ((VariableMap) result).putValueTyped(name, typed(view, deserialize));
        }
      });
      return result;
    }
  }

  /** A view as the engine gives a stored variable of its kind: text, or Json (parsed when values are). */
  static TypedValue typed(TaskPresentation.Shown view, boolean deserialize) {
    if (!view.json()) {
      return Variables.stringValue(view.text());
    }
    return deserialize
        ? new JsonValueImpl(Spin.JSON(view.text()), view.text(), DataFormats.JSON_DATAFORMAT_NAME, true)
        : new JsonValueImpl(view.text(), DataFormats.JSON_DATAFORMAT_NAME);
  }
}
