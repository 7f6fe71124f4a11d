package cn.renda.proposals.platform;

import cn.renda.proposals.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws into a generic "exception while invoking the TaskListener". A
 * refusal of input ({@link InvalidInputException}) is the user's mistake, not an error: this interceptor, inside the
 * command context, lets it surface as itself. The engine then logs it as a bad request instead of an error, and
 * callers see our message instead of a wrapped one.
 *
 * <p>The engine's REST resources still turn any engine exception met while completing a task or submitting a form into
 * their own 500 "Cannot submit task form …". So the refusal is also remembered on the request's thread, where
 * {@code EngineRestRefusals} (web) finds it and answers 400 with our message.
 */
@Component
public class RefusalUnwrapping extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<InvalidInputException> LAST_REFUSAL = new ThreadLocal<>();

  /** The refusal raised on this thread since {@link #forgetRefusal()}, if any. */
  public static InvalidInputException lastRefusal() {
    return LAST_REFUSAL.get();
  }

  public static void forgetRefusal() {
    LAST_REFUSAL.remove();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(new Unwrap());
    return interceptors;
  }

  static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        InvalidInputException refusal = InvalidInputException.findIn(e);
        if (refusal == null) {
          throw e;
        }
        LAST_REFUSAL.set(refusal);
        throw refusal;
      }
    }
  }
}
