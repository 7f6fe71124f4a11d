package cn.renda.proposals.platform;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a task's form shows about the record, as the application's processes say it: computed from the record each
 * time a task's variables are read ({@link TaskViewReads}), never stored. A form can only show variables, so these
 * read as the task's own variables; nothing in the engine can write or decide on them.
 */
public interface TaskPresentation {

  /** One value a form shows: its text, and whether the text is a Json document (a select's options). */
  record Shown(String text, boolean json) {}

  /**
   * What the form of the task shows, by variable name, from the record as it is now; empty for a task of another
   * process or one whose form shows nothing of its record.
   */
  Map<String, Shown> present(String processDefinitionKey, DelegateTask task);

  /**
   * Whether the variable name is one of the views. Open tasks created before views were computed on reading
   * still hold them as task-local variables; history need not keep those ({@link LeanHistory}).
   */
  boolean isPresentation(String variableName);
}
