package cn.renda.proposals.platform;

import cn.renda.proposals.web.InvalidInputException;
import cn.renda.proposals.web.Problem;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Closes the engine to writes outside a person's role, whichever way they come (Tasklist, engine-rest, Java).
 * Camunda's defaults let a task's candidates update the task and, through it, its process's variables; the
 * application's processes read routing and identity from their records, and this guard keeps everything else out:
 *
 * <ul>
 *   <li><b>A completion carries exactly its task's answers</b> ({@link WritePolicy#taskInputs}), for everyone: any
 *       other variable is refused with 400 and named. What the task's form only shows may come back (a form submits
 *       its read-only fields) and is dropped before it reaches the task: its views whatever they say (they are
 *       computed from the record, never stored), the earlier answers it shows only unchanged.
 *   <li><b>Variables are written only by completions and by the system</b>: users other than administrators may not
 *       set, change or delete the variables of tasks, executions or process instances directly (403), nor start an
 *       instance with anything but its start form's fields or with a business key of their own, nor start one at an
 *       activity of their choice, nor correlate messages or signals.
 *   <li><b>Tasks keep their owners</b>: candidates claim for themselves and may release what they hold; only the
 *       offices ({@link WritePolicy#mayReassign}) hand a task to another member of its candidate groups; nobody but
 *       an administrator adds identity links, delegates, renames a task, moves its due date or throws BPMN errors
 *       and escalations from it.
 * </ul>
 *
 * The checks apply to the command a caller gives the engine (not to commands the engine runs inside it), and work
 * on the engine's command classes, read by reflection where they keep their input to themselves: this is Camunda
 * 7.24, the last release of this engine, so those classes do not change under us.
 */
@Component
public class CommandGuard extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private final ObjectProvider<WritePolicy> policies;
  private final ObjectProvider<TaskPresentation> presentation;

  public CommandGuard(ObjectProvider<WritePolicy> policies, ObjectProvider<TaskPresentation> presentation) {
    this.policies = policies;
    this.presentation = presentation;
  }

  /** Whether the command running on this thread is the one a caller gave the engine, not one run inside it. */
  static boolean isOutermost() {
    return DEPTH.get()[0] <= 1;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(configuration.getCustomPreCommandInterceptorsTxRequired(), new Depth()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Depth()));
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new Guard()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Guard()));
    // candidates may work on a task (claim, complete), not update it: the engine's own first line of defence
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
  }

  /** The interceptors with one more at the end. */
  static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(interceptor);
    return interceptors;
  }

  /** Counts how deep the current thread is in commands, so that the guard looks at the outermost one only. */
  static final class Depth extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        return next.execute(command);
      } finally {
        depth[0]--;
      }
    }
  }

  final class Guard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (DEPTH.get()[0] > 1) {
        return next.execute(command);
      }
      CommandContext context = Context.getCommandContext();
      Authentication caller = context.getAuthentication();
      boolean person = caller != null && caller.getUserId() != null;
      boolean admin = person && context.getAuthorizationManager().isCamundaAdmin(caller);

      if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
        if (command instanceof ResolveTaskCmd && person && !admin) {
          throw forbidden(caller, "resolve a delegated task", "办理委托任务");
        }
        checkCompletion(command, context);
        return next.execute(command);
      }
      if (!person || admin) {
        return next.execute(command);
      }
      if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
        throw forbidden(caller, "change variables outside a task's completion", "在办理任务之外修改流程变量");
      }
      if (command instanceof StartProcessInstanceCmd start) {
        ProcessInstantiationBuilderImpl builder = read(start, "instantiationBuilder");
        checkStart(context, builder.getProcessDefinitionKey(), builder.getProcessDefinitionId(),
            builder.getBusinessKey(), builder.getVariables());
        return next.execute(command);
      }
      if (command instanceof SubmitStartFormCmd start) {
        checkStart(context, null, read(start, "processDefinitionId"), read(start, "businessKey"),
            read(start, "variables"));
        return next.execute(command);
      }
      if (command instanceof StartProcessInstanceAtActivitiesCmd || command instanceof CorrelateMessageCmd
          || command instanceof CorrelateAllMessageCmd || command instanceof MessageEventReceivedCmd
          || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd) {
        throw forbidden(caller, "start or move instances by hand", "手工启动流程实例或改变其执行位置");
      }
      if (command instanceof ClaimTaskCmd claim) {
        return handOver(command, context, caller, read(claim, "taskId"), read(claim, "userId"));
      }
      if (command instanceof AssignTaskCmd assign) {
        return handOver(command, context, caller, read(assign, "taskId"), read(assign, "userId"));
      }
      if (command instanceof AbstractSetTaskPropertyCmd || command instanceof DeleteIdentityLinkCmd
          || command instanceof DelegateTaskCmd || command instanceof SaveTaskCmd
          || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
        throw forbidden(caller, "change a task's people, name, dates or path", "更改任务的办理人、名称、期限或流转");
      }
      return next.execute(command);
    }

    /**
     * A claim or an assignment: for oneself; a release of one's own task; or, by the offices, to a member of the
     * task's candidate groups. The engine's own check (TASK_ASSIGN, which candidates do not hold) is replaced by
     * this one for the releases and hand-overs it allows.
     */
    private <T> T handOver(Command<T> command, CommandContext context, Authentication caller, String taskId,
        String assignee) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return next.execute(command);
      }
      String me = caller.getUserId();
      boolean claimForMyself = command instanceof ClaimTaskCmd && me.equals(assignee);
      if (claimForMyself) {
        return next.execute(command);
      }
      boolean releaseMine = assignee == null && me.equals(task.getAssignee());
      boolean office = policy().mayReassign(caller.getGroupIds());
      boolean withinCandidates = office && (assignee == null || isCandidate(context, task, assignee));
      if (!releaseMine && !withinCandidates) {
        throw forbidden(caller, office
                ? "hand the task to someone outside its candidate groups"
                : "hand the task to someone else",
            office ? "把任务交给其候选单位以外的人员" : "把任务转交他人");
      }
      return context.runWithoutAuthorization(() -> next.execute(command));
    }

    private boolean isCandidate(CommandContext context, TaskEntity task, String userId) {
      List<String> groups = task.getIdentityLinks().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId)
          .toList();
      if (groups.isEmpty()) {
        return false;
      }
      return context.runWithoutAuthorization(() -> groups.stream().anyMatch(group -> context
          .getProcessEngineConfiguration().getIdentityService().createUserQuery().userId(userId).memberOfGroup(group)
          .count() > 0));
    }

    /** Only the task's answers, its views and unchanged values of the earlier answers it shows (both dropped). */
    private void checkCompletion(Command<?> command, CommandContext context) {
      String variablesField = command instanceof SubmitTaskFormCmd ? "properties" : "variables";
      Map<String, Object> variables = read(command, variablesField);
      if (variables == null || variables.isEmpty()) {
        return;
      }
      TaskEntity task = context.getTaskManager().findTaskById(read(command, "taskId"));
      ProcessDefinitionEntity definition = task == null ? null : task.getProcessDefinition();
      if (definition == null) {
        return;
      }
      Optional<WritePolicy.TaskInputs> inputs = policy().taskInputs(definition.getKey(), task.getTaskDefinitionKey());
      if (inputs.isEmpty()) {
        return;
      }
      Set<String> answers = inputs.get().answers();
      Map<String, Object> kept = new LinkedHashMap<>();
      List<Problem.FieldError> foreign = new ArrayList<>();
      TaskPresentation views = presentation.getIfAvailable();
      variables.forEach((name, value) -> {
        boolean shown = inputs.get().shown().contains(name);
        if (answers.contains(name)) {
          kept.put(name, value);
        } else if (shown && views != null && views.isPresentation(name)) {
          // a view the form shows: computed from the record when read and never stored, so whatever comes back is
          // dropped (the record may have changed since the form was opened: a co-signer declined, a deadline moved)
        } else if (!shown || !sameValue(task.getVariable(name), value)) {
          foreign.add(new Problem.FieldError(name, "not-an-answer",
              "此任务不接受“" + name + "”：只能提交本环节的办理意见（" + String.join("、", new TreeSet<>(answers)) + "）",
              "task " + task.getTaskDefinitionKey() + " takes only its answers " + new TreeSet<>(answers) + ", not "
                  + name));
        }
      });
      if (!foreign.isEmpty()) {
        // Asked only now, when there is something to refuse (one query less for every rightful completion): a caller
        // who cannot see the task is refused by the engine anyway, and this refusal must not describe the task.
        if (!context.getAuthorizationManager().isAuthorized(Permissions.READ, Resources.TASK, task.getId())) {
          return;
        }
        throw refused(new InvalidInputException(foreign));
      }
      if (kept.size() != variables.size()) {
        write(command, variablesField, command instanceof SubmitTaskFormCmd ? Variables.fromMap(kept) : kept);
      }
    }

    private void checkStart(CommandContext context, String key, String definitionId, String businessKey,
        Map<String, Object> variables) {
      String processKey = key != null ? key : context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(definitionId).getKey();
      Optional<Set<String>> fields = policy().startFields(processKey);
      if (fields.isEmpty()) {
        return;
      }
      List<Problem.FieldError> refused = new ArrayList<>();
      if (businessKey != null) {
        refused.add(new Problem.FieldError("businessKey", "system-assigned", "业务标识由系统生成，不能指定",
            "the business key is the new record's id, given by the system"));
      }
      if (variables != null) {
        for (String name : variables.keySet()) {
          if (!fields.get().contains(name)) {
            refused.add(new Problem.FieldError(name, "not-a-start-field",
                "发起流程时只能提交登记表中的内容（" + String.join("、", new TreeSet<>(fields.get())) + "），不接受“" + name + "”",
                "a start takes only the start form's fields " + new TreeSet<>(fields.get()) + ", not " + name));
          }
        }
      }
      if (!refused.isEmpty()) {
        throw refused(new InvalidInputException(refused));
      }
    }
  }

  /** Refused input: the REST APIs answer 400 with the fields at fault ({@link RefusalStatusFilter}). */
  private static InvalidInputException refused(InvalidInputException refusal) {
    Refusals.refused(refusal);
    return refusal;
  }

  private WritePolicy policy() {
    return policies.getObject();
  }

  private static AuthorizationException forbidden(Authentication caller, String whatEn, String whatZh) {
    return new AuthorizationException("不能" + whatZh + "：此操作只有系统管理员可以执行（" + caller.getUserId()
        + " may not " + whatEn + "; only administrators may）");
  }

  /** Whether a value sent back equals the one the task shows (as text: forms send what they displayed). */
  static boolean sameValue(Object shown, Object sent) {
    return Objects.equals(text(shown), text(sent));
  }

  private static String text(Object value) {
    Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
    // a browser's text area gives back its lines ended by \n whatever they were stored with
    return plain == null ? "" : String.valueOf(plain).replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  /** A field of an engine command, by reflection (the commands keep their input to themselves). */
  @SuppressWarnings("unchecked")
  static <V> V read(Object command, String name) {
    try {
      return (V) field(command.getClass(), name).get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static void write(Object command, String name, Object value) {
    try {
      field(command.getClass(), name).set(command, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot write " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field field(Class<?> type, String name) {
    return FIELDS.computeIfAbsent(type.getName() + "#" + name, key -> {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        try {
          Field field = c.getDeclaredField(name);
          field.setAccessible(true);
          return field;
        } catch (NoSuchFieldException next) {
          // look further up
        }
      }
      throw new IllegalStateException(type.getName() + " has no field " + name + " (engine version changed?)");
    });
  }
}
