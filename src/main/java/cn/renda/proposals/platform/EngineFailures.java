package cn.renda.proposals.platform;

/**
 * The last exception an engine command threw on the current request thread, kept while {@link ServerErrorFilter}
 * watches the request: Camunda's REST APIs turn it into an answer and log it their own way, so the filter logs it
 * again beside the reference it answers with. Nothing is kept on threads that serve no request (the job executor).
 */
final class EngineFailures {

  private static final ThreadLocal<Throwable[]> LAST = new ThreadLocal<>();

  private EngineFailures() {}

  static void watch() {
    LAST.set(new Throwable[1]);
  }

  static void record(Throwable failure) {
    Throwable[] last = LAST.get();
    if (last != null) {
      last[0] = failure;
    }
  }

  static Throwable last() {
    Throwable[] last = LAST.get();
    return last == null ? null : last[0];
  }

  static void stop() {
    LAST.remove();
  }
}
