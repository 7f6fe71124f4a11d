package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import java.util.List;
import org.apache.ibatis.ognl.AbstractMemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's SQL mappings read query properties through the remembering accessor, and read what OGNL reads. */
@IntegrationTest
class QueryPropertyReadsTest {

  @Autowired ProcessEngine engine;

  @Test
  void shouldReadTheEnginesQueriesThroughTheRememberingAccessor() throws Exception {
    engine.getIdentityService().setAuthentication("gov-clerk", List.of("gov-office"));
    try {
      engine.getTaskService().createTaskQuery().taskNameLike("%").or().taskAssignee("gov-clerk")
          .taskCandidateGroup("gov-office").endOr().listPage(0, 15);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class)).isSameAs(QueryPropertyReads.reads());
    assertThat(QueryPropertyReads.reads().remembered(TaskQueryImpl.class)).isPositive();
    assertThat(QueryPropertyReads.reads().remembered(AuthorizationCheck.class)).isPositive();
  }

  @Test
  void shouldReadEveryKindOfPropertyAsOgnlDoes() throws Exception {
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskNameLike("%复函%").tenantIdIn("t1");
    AuthorizationCheck check = new AuthorizationCheck();
    check.setAuthUserId("gov-clerk");
    check.setAuthGroupIds(List.of("gov-office"));
    check.setHistoricInstancePermissionsEnabled(true);
    query.setAuthCheck(check);
    ObjectPropertyAccessor ognl = new ObjectPropertyAccessor();
    QueryPropertyReads.PropertyReads reads = QueryPropertyReads.reads();
    // a getter, a method named like the property (isX()), a field only, and nothing at all
    for (String name : List.of("nameLike", "tenantIds", "maxResults", "authCheck", "isOrQueryActive", "isTenantIdSet",
        "orQueryActive", "noSuchProperty")) {
      OgnlContext context = context(query);
      assertThat(reads.getPossibleProperty(context, query, name)).as(name)
          .isEqualTo(ognl.getPossibleProperty(context(query), query, name));
      // remembered: the second read gives the same
      assertThat(reads.getPossibleProperty(context, query, name)).as(name)
          .isEqualTo(ognl.getPossibleProperty(context(query), query, name));
    }
    for (String name : List.of("shouldPerformAuthorizatioCheck", "authUserId", "authGroupIds",
        "isHistoricInstancePermissionsEnabled", "revokeAuthorizationCheckEnabled")) {
      assertThat(reads.getPossibleProperty(context(check), check, name)).as(name)
          .isEqualTo(ognl.getPossibleProperty(context(check), check, name));
    }
    assertThat(reads.getPossibleProperty(context(query), query, "nameLike")).isEqualTo("%复函%");
    assertThat(reads.getPossibleProperty(context(check), check, "isHistoricInstancePermissionsEnabled"))
        .isEqualTo(true);
    assertThat(reads.getPossibleProperty(context(query), query, "noSuchProperty")).isSameAs(OgnlRuntime.NotFound);
    assertThat(reads.method(TaskQueryImpl.class, "isOrQueryActive"))
        .isSameAs(reads.method(TaskQueryImpl.class, "isOrQueryActive"))
        .extracting(java.lang.reflect.Method::getName).isEqualTo("isOrQueryActive");
  }

  /** A context that lets OGNL reach every member, as MyBatis' own does. */
  private static OgnlContext context(Object root) {
    return Ognl.createDefaultContext(root, new AbstractMemberAccess() {
      @Override
      public Object setup(OgnlContext context, Object target, Member member, String propertyName) {
        AccessibleObject accessible = (AccessibleObject) member;
        if (!accessible.canAccess(java.lang.reflect.Modifier.isStatic(member.getModifiers()) ? null : target)) {
          accessible.setAccessible(true);
          return Boolean.FALSE;
        }
        return null;
      }

      @Override
      public boolean isAccessible(OgnlContext context, Object target, Member member, String propertyName) {
        return true;
      }
    });
  }
}
