package cn.renda.proposals.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine jobs of our own that deliver what the application recorded for later (notifications), so that delivery
 * gets everything the engine gives its own jobs:
 *
 * <ul>
 *   <li>the job is inserted in the transaction of the step that records the delivery: both exist or neither;
 *   <li>the job executor runs it after the commit; a job lives in the database, so a restart resends what was not
 *       sent, and the job lock lets one node of a cluster run it;
 *   <li>a failure is retried with the worker's back-off; after the last attempt the job becomes a failed-job incident,
 *       shown in Cockpit on the proposal's process instance, and "retry" there tries again.
 * </ul>
 *
 * <p>The job carries the process instance's id but is not attached to its execution: the engine deletes the jobs of
 * an execution when it ends, and a rejection ends the process in the very transaction that records its notification.
 * The incident is attached to the instance while the instance runs.
 */
@Component
public class DeliveryJobs extends AbstractProcessEnginePlugin {

  /** The job handler type, as shown in Cockpit and the job table. */
  public static final String TYPE = "proposals-delivery";

  private final ObjectProvider<DeliveryWorker> workers;
  private ProcessEngineConfigurationImpl configuration;

  // the worker is looked up when the first job runs: it depends on engine services that need this plugin first
  public DeliveryJobs(ObjectProvider<DeliveryWorker> workers) {
    this.workers = workers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new DeliveryJobHandler());
    configuration.setCustomJobHandlers(handlers);

    FailedJobCommandFactory others = configuration.getFailedJobCommandFactory() == null
        ? new DefaultFailedJobCommandFactory()
        : configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, exception) ->
        new DeliveryRetryCmd(jobId, exception, others.getCommand(jobId, exception)));

    List<IncidentHandler> incidentHandlers = configuration.getCustomIncidentHandlers() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomIncidentHandlers());
    incidentHandlers.add(new FailedDeliveryIncidents());
    configuration.setCustomIncidentHandlers(incidentHandlers);
  }

  /**
   * Creates the job that delivers {@code deliveryId}, in the transaction in progress (the engine command of a process
   * step, or a Spring transaction, which the engine joins). Answers the job's id.
   *
   * @param processInstanceId the proposal's process instance, or null
   */
  public String schedule(String deliveryId, String processInstanceId) {
    Command<String> create = commandContext -> {
      MessageEntity job = new MessageEntity();
      job.setJobHandlerType(TYPE);
      job.setJobHandlerConfigurationRaw(deliveryId);
      // deliveries of one proposal do not touch its process: they may run side by side
      job.setExclusive(false);
      job.setRetries(retryConfiguration().getRetries());
      ExecutionEntity instance =
          processInstanceId == null ? null : commandContext.getExecutionManager().findExecutionById(processInstanceId);
      if (instance != null) {
        job.setProcessInstanceId(instance.getId());
        job.setRootProcessInstanceId(instance.getRootProcessInstanceId());
        job.setProcessDefinitionId(instance.getProcessDefinitionId());
        job.setProcessDefinitionKey(instance.getProcessDefinition().getKey());
      }
      commandContext.getJobManager().send(job);
      return job.getId();
    };
    return configuration.getCommandExecutorTxRequired().execute(create);
  }

  private DeliveryWorker worker() {
    return workers.getObject();
  }

  private FailedJobRetryConfiguration retryConfiguration() {
    String intervals = worker().retryIntervals();
    FailedJobRetryConfiguration parsed = ParseUtil.parseRetryIntervals(intervals);
    if (parsed == null || parsed.getRetryIntervals() == null) {
      throw new IllegalStateException("Invalid retry intervals for deliveries: " + intervals);
    }
    return parsed;
  }

  private static boolean isDelivery(JobEntity job) {
    return job != null && TYPE.equals(job.getJobHandlerType());
  }

  /** The configuration of a delivery job: the id of the delivery. */
  record DeliveryConfiguration(String deliveryId) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return deliveryId;
    }
  }

  final class DeliveryJobHandler implements JobHandler<DeliveryConfiguration> {

    @Override
    public String getType() {
      return TYPE;
    }

    @Override
    public void execute(
        DeliveryConfiguration configuration, ExecutionEntity execution, CommandContext commandContext,
            String tenantId) {
      worker().deliver(configuration.deliveryId());
    }

    @Override
    public DeliveryConfiguration newConfiguration(String canonicalString) {
      return new DeliveryConfiguration(canonicalString);
    }

    @Override
    public void onDelete(DeliveryConfiguration configuration, JobEntity jobEntity) {
      // nothing kept beside the job
    }
  }

  /**
   * A failed attempt of a delivery waits for the worker's back-off (the engine's own strategy would retry at once,
   * because the job belongs to no activity with a retry cycle), and the worker learns about it. Other jobs are left
   * to the engine's strategy.
   */
  final class DeliveryRetryCmd extends DefaultJobRetryCmd {

    private final Command<Object> others;

    DeliveryRetryCmd(String jobId, Throwable exception, Command<Object> others) {
      super(jobId, exception);
      this.others = others;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (!isDelivery(job)) {
        return others.execute(commandContext);
      }
      try {
        executeCustomStrategy(commandContext, job, null);
      } catch (Exception e) {
        throw new IllegalStateException("Cannot record the failure of delivery job " + jobId, e);
      }
      Instant next = job.getDuedate() == null ? null : job.getDuedate().toInstant();
      worker().attemptFailed(job.getJobHandlerConfigurationRaw(), job.getExceptionMessage(), job.getRetries(), next);
      return null;
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
      return retryConfiguration();
    }
  }

  /**
   * The engine's failed-job incidents (of every job: one handler serves the type), with two additions for delivery
   * jobs: the incident is attached to the proposal's running process instance (Cockpit shows it there), and the worker
   * learns when an operator retries.
   *
   * <p>And a job with retries left is deleted without asking for its incident. Whenever the engine deletes a job — a
   * deadline timer moved or no longer needed, a timer fired, a mail delivered — it asks the database for the job's
   * incident ({@code SELECT … FROM ACT_RU_INCIDENT WHERE CONFIGURATION_ = ?}) to delete or resolve it with the job: six
   * queries in every proposal's lifecycle, and one for each deadline and each mail of a deadline burst. The engine
   * opens that incident when a job's retries reach 0 and resolves it when they are set above 0 again (while the job
   * still holds 0), so a job with retries left has none, and the question is left out for it. A job without retries,
   * or one this command has not loaded, is asked about as before.
   */
  final class FailedDeliveryIncidents extends DefaultIncidentHandler {

    FailedDeliveryIncidents() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      JobEntity job = job(context);
      if (isDelivery(job) && context.getExecutionId() == null && job.getProcessInstanceId() != null) {
        ExecutionEntity instance =
            Context.getCommandContext().getExecutionManager().findExecutionById(job.getProcessInstanceId());
        if (instance != null) {
          context.setExecutionId(instance.getId());
        }
      }
      return super.handleIncident(context, message);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      if (hasRetriesLeft(context)) {
        return;
      }
      JobEntity job = job(context);
      // a delivered job resolves its incident too (when it is deleted); only new retries mean an operator acted
      if (isDelivery(job) && job.getRetries() == 0) {
        worker().retriedByOperator(job.getJobHandlerConfigurationRaw());
      }
      super.resolveIncident(context);
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      if (!hasRetriesLeft(context)) {
        super.deleteIncident(context);
      }
    }

    /** Whether the incident's job is one this command holds, with retries left: then it has no incident. */
    static boolean hasRetriesLeft(IncidentContext context) {
      String jobId = context.getConfiguration();
      CommandContext command = Context.getCommandContext();
      if (jobId == null || command == null) {
        return false;
      }
      JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, jobId);
      return job != null && job.getRetries() > 0;
    }

    private static JobEntity job(IncidentContext context) {
      return context.getConfiguration() == null
          ? null
          : Context.getCommandContext().getJobManager().findJobById(context.getConfiguration());
    }
  }
}
