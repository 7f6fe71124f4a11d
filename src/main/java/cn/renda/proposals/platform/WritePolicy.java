package cn.renda.proposals.platform;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What people may write through the engine, as the application's processes say it ({@link CommandGuard} asks; the
 * process feature answers from its task contracts).
 */
public interface WritePolicy {

  /**
   * What a completion of the task may carry: its answers, and what its form only shows (a form sends its read-only
   * fields back; they may come back unchanged). Empty for a task the application does not know.
   */
  Optional<TaskInputs> taskInputs(String processDefinitionKey, String taskDefinitionKey);

  /** The fields a user may give when starting an instance; empty for a process the application does not know. */
  Optional<Set<String>> startFields(String processDefinitionKey);

  /** Whether members of these groups may hand a task to another member of its candidate groups. */
  boolean mayReassign(Collection<String> groups);

  /** The inputs of one user task. */
  record TaskInputs(Set<String> answers, Set<String> shown) {}
}
