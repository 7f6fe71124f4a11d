package cn.renda.proposals.platform;

import cn.renda.proposals.web.ConflictException;
import cn.renda.proposals.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws into a generic "exception while invoking the TaskListener". A
 * refusal of input ({@link InvalidInputException}) is the user's mistake, not an error: this interceptor, inside the
 * command context, lets it surface as itself. The engine then logs it as a bad request instead of an error, and its
 * REST API (Tasklist, engine-rest) answers 400 with our message instead of 500 with a wrapped one (see
 * {@link RefusalStatusFilter}, which also turns a concurrent completion of the same task into a 409).
 */
@Component
public class RefusalUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new Unwrap()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Unwrap()));
    // conflicts surface when the command context flushes, outside the post interceptors: watch from the outside
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(configuration.getCustomPreCommandInterceptorsTxRequired(), new WatchConflicts()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(interceptor);
    return interceptors;
  }

  /**
   * Marks a command that failed because someone else changed the same data at the same moment, and keeps every
   * failure for the log of {@link ServerErrorFilter}.
   */
  static final class WatchConflicts extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        EngineFailures.record(e);
        ConflictException conflict = ConflictException.findIn(e);
        if (conflict != null) {
          Refusals.conflict(conflict);
        } else if (e instanceof TaskAlreadyClaimedException claimed) {
          Refusals.conflict(new ConflictException(claimed.getMessage(), "该任务已被他人认领，不能再认领"));
        } else if (isConflict(e)) {
          Refusals.conflict(null);
        } else if (isTaskGone(e)) {
          Refusals.taskGone();
        }
        throw e;
      }
    }
  }

  private static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A task command for a task that does not exist (any more). Camunda 7 says so only in the message of a
   * {@link NullValueException}; 7.24 is the last release of this engine, so the text is stable.
   */
  private static boolean isTaskGone(Throwable e) {
    return e instanceof NullValueException && String.valueOf(e.getMessage()).contains("Cannot find task with id");
  }

  static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        InvalidInputException refusal = InvalidInputException.findIn(e);
        if (refusal != null) {
          Refusals.refused(refusal);
          throw refusal;
        }
        ConflictException conflict = ConflictException.findIn(e);
        if (conflict != null) {
          Refusals.conflict(conflict);
          throw conflict;
        }
        throw e;
      }
    }
  }
}
