package cn.renda.proposals.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Full history without what repeats the record or says nothing: the engine's own history writer, except that it
 * does not write
 * <ul>
 *   <li>the tasks' presentation snapshots — task-local variables that only show the record on the task's form
 *       ({@link TaskPresentation}: the proposal's text, names and dates copied onto each task for Tasklist);
 *   <li>gateways passed — the path is the activities before and after them, and the decision that chose it is a
 *       variable, which stays;
 *   <li>a multi-instance activity's counters ({@code nrOfInstances}, {@code nrOfActiveInstances},
 *       {@code nrOfCompletedInstances}, {@code loopCounter}) — the engine's bookkeeping of its parallel branches,
 *       whose instances stay in history;
 *   <li>the job log of notification deliveries ({@link DeliveryJobs}) — the outbox records every attempt, its error
 *       and its outcome itself ({@code notification_delivery}), and a failed delivery is still an incident.
 * </ul>
 * Every decision (a task's answers, the process variables), every task, event and sub-process, every timer's and
 * escalation's job log stays in history as before: the history level is {@code full}, only the writer is replaced.
 * These were about two thirds of a closed proposal's history bytes (README, "Benchmark at national scale"). Rows
 * written before this writer stay where they are.
 */
@Component
public class LeanHistory extends AbstractProcessEnginePlugin {

  private static final Set<String> GATEWAYS = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE,
      ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_EVENT_BASED, ActivityTypes.GATEWAY_COMPLEX);

  private static final Set<String> MULTI_INSTANCE_COUNTERS = Set.of("nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances", "loopCounter");

  private final ObjectProvider<TaskPresentation> presentation;

  public LeanHistory(ObjectProvider<TaskPresentation> presentation) {
    this.presentation = presentation;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Writer());
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Whether the event is one this history leaves out (its creation, updates and end alike). */
  boolean leavesOut(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      if (MULTI_INSTANCE_COUNTERS.contains(variable.getVariableName())) {
        return true;
      }
      TaskPresentation views = presentation.getIfAvailable();
      return variable.getTaskId() != null && views != null && views.isPresentation(variable.getVariableName());
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity) {
      return GATEWAYS.contains(activity.getActivityType());
    }
    if (event instanceof HistoricJobLogEvent job) {
      return DeliveryJobs.TYPE.equals(job.getJobDefinitionType());
    }
    return false;
  }

  /** The engine's database history writer, without what {@link #leavesOut} names. */
  private final class Writer extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!leavesOut(event)) {
        super.handleEvent(event);
      }
    }
  }
}
