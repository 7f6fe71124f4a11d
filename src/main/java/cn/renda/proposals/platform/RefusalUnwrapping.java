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
 * command context, lets it surface as itself. The engine then logs it as a bad request instead of an error, and its
 * REST API (Tasklist, engine-rest) answers 400 with our message instead of 500 with a wrapped one.
 */
@Component
public class RefusalUnwrapping extends AbstractProcessEnginePlugin {

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
        Refusals.mark();
        throw refusal;
      }
    }
  }
}
