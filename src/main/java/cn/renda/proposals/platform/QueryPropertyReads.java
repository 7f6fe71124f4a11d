package cn.renda.proposals.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Remembers how the engine's SQL mappings read a property of a query object. MyBatis builds every statement from its
 * mapping with OGNL, which reads each {@code <if test="…">} property of the query (a task query, its authorization
 * check) by reflection. OGNL remembers the getter it finds for a property ({@code getX}, {@code isX}), but not the
 * method it finds for a property named like a method: {@code query.isOrQueryActive},
 * {@code authCheck.shouldPerformAuthorizatioCheck}, {@code isTenantIdSet} and others that the engine's mappings use
 * in almost every statement. For those it copied and searched every public method of the query class on every read
 * — a task query has several hundred — which was 8 % of the processor time of a Tasklist refresh (README,
 * "Benchmark at national scale", figure 3).
 *
 * <p>This accessor replaces OGNL's default for plain objects, so it is registered before the engine runs its first
 * statement (OGNL then keeps it for every class it meets). It finds the method exactly as OGNL does — the getter
 * first, then the method of that name — remembers it per class and name, and reads it as OGNL does: through the
 * member access MyBatis configured, falling back to the field of that name. What a property reads is unchanged.
 */
@Component
public class QueryPropertyReads extends AbstractProcessEnginePlugin {

  private static final PropertyReads READS = new PropertyReads();

  /** Makes this accessor OGNL's for plain objects; the same one every time (OGNL's registry is global). */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    OgnlRuntime.setPropertyAccessor(Object.class, READS);
  }

  static PropertyReads reads() {
    return READS;
  }

  /** OGNL's object accessor with the methods it finds remembered. */
  static final class PropertyReads extends ObjectPropertyAccessor {

    private final ClassValue<Map<String, Optional<Method>>> methods = new ClassValue<>() {
      @Override
      protected Map<String, Optional<Method>> computeValue(Class<?> type) {
        return new ConcurrentHashMap<>();
      }
    };

    @Override
    public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
      if (target == null) {
        return super.getPossibleProperty(context, target, name);
      }
      Method method = method(target.getClass(), name);
      try {
        if (method != null && context.getMemberAccess().isAccessible(context, target, method, name)) {
          return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
        }
        return OgnlRuntime.getFieldValue(context, target, name, true);
      } catch (InvocationTargetException failed) {
        throw new OgnlException(name, failed.getTargetException());
      } catch (Exception failed) {
        throw new OgnlException(name, failed);
      }
    }

    /** The method OGNL reads the property with: its getter, else the method of that name; null when neither. */
    Method method(Class<?> type, String name) {
      return methods.get(type).computeIfAbsent(name, property -> {
        Method getter = OgnlRuntime.getGetMethod(type, property);
        return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null));
      }).orElse(null);
    }

    int remembered(Class<?> type) {
      return methods.get(type).size();
    }
  }
}
