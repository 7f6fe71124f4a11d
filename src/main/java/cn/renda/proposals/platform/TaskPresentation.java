package cn.renda.proposals.platform;

/**
 * Which task-local variables only present the record on a task's form, as the application's processes say it
 * ({@link LeanHistory} asks; the process feature answers from its task views). They are snapshots of
 * what the record says, kept while the task is open and of no use afterwards.
 */
public interface TaskPresentation {

  boolean isPresentation(String variableName);
}
