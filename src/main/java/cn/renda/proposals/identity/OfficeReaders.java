package cn.renda.proposals.identity;

import cn.renda.proposals.platform.TaskGrants;
import java.util.List;
import org.springframework.stereotype.Component;

/** The offices read every task ({@link IdentitySetup}); their grants on single tasks need no READ of their own. */
@Component
class OfficeReaders implements TaskGrants.AllTaskReaders {
  @Override
  public List<String> groups() {
    return Groups.OFFICES;
  }
}
